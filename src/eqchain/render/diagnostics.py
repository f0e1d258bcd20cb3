"""A report as diagnostics, the way linters report: one per step that needs attention.

The same facts in three formats, over one list of :class:`Diagnostic` (as ruff prints
``path:line:col: CODE message`` in text, GitHub annotations and SARIF):

* ``concise``: ``path:line:col: status: message``, one line each, read by editors and CI
  problem matchers (``file:line:col: ...``, as gcc, mypy and ruff write it);
* ``github``: GitHub Actions workflow commands, ``::error file=...,line=...,col=...::message``
  (refuted, unreadable and files not loaded are errors, unknown is a warning), which annotate
  the lines of a pull request;
* ``sarif``: SARIF 2.1.0, one run whose rules are eqchain's verdict kinds.

A file that could not be loaded is a diagnostic too (status ``error``, ruff's E902), so every
input appears in every format. Where only the line is known the column is 1, and where nothing
is known both are 1 (as ruff reports E902). Verified steps (and givens and definitions) appear
only with ``verbose``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import PurePath
from urllib.parse import quote

from eqchain.model import DerivationReport, Report, StepResult
from eqchain.render import content

# status -> (SARIF rule name, SARIF level, GitHub command, short description)
KINDS = {
    "refuted": ("StepRefuted", "error", "error", "A counterexample shows the two sides differ."),
    "unknown": (
        "StepNotEstablished",
        "warning",
        "warning",
        "Neither proved nor refuted: a side condition is missing or the time limit ran out.",
    ),
    "unreadable": ("FormulaUnreadable", "error", "error", "The formula could not be read."),
    "error": ("FileNotLoaded", "error", "error", "The file could not be loaded."),
    "verified": ("StepVerified", "none", "notice", "Proved under the declared assumptions."),
    "given": ("StepGiven", "none", "notice", "A fact assumed from here on."),
    "definition": ("StepDefinition", "none", "notice", "Introduces a symbol."),
    "warning": (
        "StepWarning",
        "warning",
        "warning",
        "Taken or proved, with a warning to read: a name defined again, a rule named that the "
        "proof did not use.",
    ),
}
NEEDS_ATTENTION = ("refuted", "unknown", "unreadable", "error", "warning")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


@dataclass(frozen=True)
class Diagnostic:
    """One line of a linter's report: where, what (a status of :data:`KINDS`), and why."""

    path: str
    line: int
    column: int
    status: str
    message: str
    label: str | None = None
    rules: tuple[str, ...] = ()


def diagnostics(report: Report, lang: str = "en", verbose: bool = False) -> list[Diagnostic]:
    """The report's diagnostics in its order: every file not loaded and every refuted, unknown
    or unreadable step; with ``verbose`` every other step too."""
    out: list[Diagnostic] = []
    for dreport in report.derivations:
        if dreport.error is not None:
            place = dreport.error.place
            out.append(
                Diagnostic(
                    place.path or dreport.path,
                    place.line or 1,
                    place.column or 1,
                    "error",
                    content.one_line(dreport.error.message),
                )
            )
            continue
        for result in dreport.results:
            status = result.verdict.value
            if status in NEEDS_ATTENTION or verbose:
                out.append(_step(dreport, result, lang))
            elif result.warnings:
                # a verified, given or defined step with a warning (a redefinition, as a claim
                # false: it was printed by the text format only)
                out.append(replace(_step(dreport, result, lang), status="warning"))
    return out


def _step(dreport: DerivationReport, result: StepResult, lang: str) -> Diagnostic:
    place = result.step.place
    path = (place.path if place is not None and place.path else None) or dreport.path
    line = (place.line if place is not None else None) or 1
    column = (place.column if place is not None else None) or 1
    return Diagnostic(
        path,
        line,
        column,
        result.verdict.value,
        _message(result, lang),
        result.step.label or None,
        tuple(result.rules),
    )


def _message(result: StepResult, lang: str) -> str:
    """The reason in full (never cut), the rules that justify a verified step, and a
    counterexample in one line."""
    parts = []
    if result.step.label:
        parts.append(f"({content.one_line(result.step.label)})")
    if result.verdict in content.SHOWS_REASON and result.reason:
        parts.append(content.one_line(result.reason))
    elif result.rules:
        parts.append(", ".join(result.rules))
    else:
        parts.append(content.verdict_word(result.verdict, lang))
    if result.counterexample is not None:
        spans = content.counterexample_spans(result.counterexample, lang)
        parts.append("— " + content.one_line("".join(map(content.plain_text, spans))))
    parts += [f"— warning: {content.one_line(w)}" for w in result.warnings]
    return " ".join(parts)


def render_concise(report: Report, lang: str = "en", verbose: bool = False) -> str:
    """``path:line:col: status: message`` lines, then the summary line."""
    lines = [
        f"{d.path}:{d.line}:{d.column}: {d.status}: {d.message}"
        for d in diagnostics(report, lang, verbose)
    ]
    counts = content.summary_counts(report)
    lines.append("".join(s.value for s in content.summary_spans(counts, lang)))
    return "\n".join(lines) + "\n"


def render_github(report: Report, lang: str = "en", verbose: bool = False) -> str:
    """GitHub Actions workflow commands, one per diagnostic (``notice`` for verified steps with
    ``verbose``), then the summary as a plain log line."""
    lines = []
    for d in diagnostics(report, lang, verbose):
        command = KINDS[d.status][2]
        title = f"eqchain {d.status}" + (f" ({d.label})" if d.label else "")
        props = ",".join(
            f"{key}={_escape_property(str(value))}"
            for key, value in (
                ("file", d.path),
                ("line", d.line),
                ("col", d.column),
                ("title", title),
            )
        )
        lines.append(f"::{command} {props}::{_escape_data(d.message)}")
    counts = content.summary_counts(report)
    lines.append("".join(s.value for s in content.summary_spans(counts, lang)))
    return "\n".join(lines) + "\n"


def _escape_data(value: str) -> str:
    """A workflow command's message: ``%``, CR and LF escaped (as actions/toolkit does)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    """A workflow command's property value: also ``:`` and ``,`` escaped."""
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def sarif_data(report: Report, lang: str = "en", verbose: bool = False) -> dict:
    """The report as a SARIF 2.1.0 log: one run; ``tool.driver.rules`` are the verdict kinds
    (id ``refuted``, name ``StepRefuted``, ...); each result names its rule, level, message and
    place (``physicalLocation`` with ``region.startLine``/``startColumn``), and the rules of
    eqchain's table that justify the step under ``properties.eqchainRules``."""
    from eqchain import __version__

    found = diagnostics(report, lang, verbose)
    ids = [s for s in KINDS if s in NEEDS_ATTENTION or verbose]
    rules = [
        {
            "id": status,
            "name": KINDS[status][0],
            "shortDescription": {"text": KINDS[status][3]},
            "defaultConfiguration": {"level": KINDS[status][1]},
        }
        for status in ids
    ]
    results = []
    for d in found:
        result = {
            "ruleId": d.status,
            "ruleIndex": ids.index(d.status),
            "level": KINDS[d.status][1],
            "message": {"text": d.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(d.path)},
                        "region": {"startLine": d.line, "startColumn": d.column},
                    }
                }
            ],
        }
        if KINDS[d.status][1] == "none":
            result["kind"] = "pass"
        if d.rules:
            result["properties"] = {"eqchainRules": list(d.rules)}
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "eqchain",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }


def render_sarif(report: Report, lang: str = "en", verbose: bool = False) -> str:
    """:func:`sarif_data` as JSON text (indented by 2, one trailing newline)."""
    return json.dumps(sarif_data(report, lang, verbose), ensure_ascii=False, indent=2) + "\n"


def _uri(path: str) -> str:
    """A path as a relative (or absolute ``file:``) URI reference, as SARIF wants."""
    pure = PurePath(path)
    if pure.is_absolute():
        return "file://" + quote(pure.as_posix())
    return quote(pure.as_posix())
