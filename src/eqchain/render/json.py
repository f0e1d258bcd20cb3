"""A report as JSON, versioned and described by ``eqchain/schema/report.schema.json``.

The shape (``schema_version`` "2")::

    {schema_version, eqchain_version,
     derivations: [{path, title, error, assumptions,
                    steps: [{label, role, status, rules, claim, lhs, rhs,
                    reason, counterexample, warnings, conditions, conditional, domain, line,
                    column, [file,] notes}], domain}],
     summary: {verified, refuted, unknown, unreadable, given, definition, errors,
               total_claims}}

``status`` is the verdict's value (``unreadable``: the formula could not be read; ``reason`` is
the reader's message and ``line``/``column`` the offending token's place); ``error`` is null,
or ``{message, line, column}`` for a file that could not be loaded (its ``steps`` are empty);
``role`` names what a generated step does (``stationarity``, ``solution``), null for a step
an author wrote; ``claim`` is the equation as the author wrote it; ``lhs`` and
``rhs`` are LaTeX; ``assumptions`` lists what the derivation assumes as one-line Unicode text
(its declarations, and for a document ``symbols are real unless declared otherwise``);
``file`` is there only for a step written in a file the document brings in with ``\\input``;
``counterexample`` is null or ``{values: {name: value}, lhs, rhs}`` with the checker's
full-precision numbers; ``notes`` maps a language to the author's note. Keys come in
this fixed order and the text ends with a newline, so the same report always gives the same
bytes. No timings or timestamps are written.
"""

from __future__ import annotations

import json
from typing import Any

from eqchain.model import DerivationReport, Report, StepResult
from eqchain.render import content

SCHEMA_VERSION = "2"


def report_data(report: Report) -> dict[str, Any]:
    """The report as plain data (dicts, lists, strings, ints, None) in the schema's shape."""
    from eqchain import __version__

    counts = content.summary_counts(report)
    return {
        "schema_version": SCHEMA_VERSION,
        "eqchain_version": __version__,
        "derivations": [_derivation(d) for d in report.derivations],
        "summary": {
            key: counts[key]
            for key in (
                "verified",
                "refuted",
                "unknown",
                "unreadable",
                "given",
                "definition",
                "errors",
                "total_claims",
            )
        },
    }


def render_json(report: Report) -> str:
    """The report as JSON text: indented by 2, non-ASCII kept as is, keys in the schema's
    order, one trailing newline."""
    return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"


def _derivation(dreport: DerivationReport) -> dict[str, Any]:
    error = dreport.error
    return {
        "path": dreport.path,
        "title": dreport.title,
        "error": None
        if error is None
        else {"message": error.message, "line": error.place.line, "column": error.place.column},
        "assumptions": _assumptions(dreport),
        "steps": [_step(r, dreport.path) for r in dreport.results],
        "domain": list(dreport.domain),
    }


def _assumptions(dreport: DerivationReport) -> list[str]:
    """What the derivation assumes, one item a string, as ``eqchain show`` lists it."""
    from eqchain.render.unicode import to_unicode

    return [
        "".join(
            to_unicode(s.plain if s.plain is not None else s.value) if s.kind == "math" else s.value
            for s in item
        )
        for item in content.assumption_items(dreport.derivation, "en")
    ]


def _step(result: StepResult, path: str | None = None) -> dict[str, Any]:
    step = result.step
    lhs, rhs = content.sides(result)
    ce = result.counterexample
    return {
        "label": step.label or None,
        "role": step.role,
        "status": result.verdict.value,
        "rules": list(result.rules),
        "claim": step.claim,
        "lhs": lhs,
        "rhs": rhs,
        "reason": result.reason,
        "counterexample": None
        if ce is None
        else {"values": dict(ce.values), "lhs": ce.lhs, "rhs": ce.rhs},
        "warnings": list(result.warnings),
        "conditions": list(result.conditions),
        "conditional": result.conditional,
        "domain": list(result.domain),
        "condition": step.condition_text,
        # approx:2 (\approx 73.66, to 2 digits) is "approx" to a reader
        "relation": result.relation.partition(":")[0],
        "follows": result.follows,
        "line": step.place.line if step.place is not None else None,
        "column": step.place.column if step.place is not None else None,
        **_file(step, path),
        "notes": dict(sorted(step.notes)),
    }


def _file(step, path: str | None) -> dict[str, Any]:
    """``file``, for a step written in another file than its document's (``\\input``)."""
    if step.place is None or not step.place.path or step.place.path == path:
        return {}
    return {"file": step.place.path}
