"""What each tool of the MCP server computes, as plain data (no MCP here).

Every function takes the tool's arguments (already checked against their JSON schema and their
size limits by :mod:`eqchain.mcp_server`) and returns what the tool answers: the report of
``eqchain check --format json`` (:func:`eqchain.render.json.report_data`), one step of it, or
the rule table. Input goes the way it goes from a file: text to the loaders (in memory, as the
bytes of a file that does not exist), LaTeX to eqchain's reader, values through
``fractions.Fraction``; nothing is evaluated. Invalid input raises
:class:`eqchain.errors.EqchainError` with a message for the caller.

These functions run in the server's worker process (:mod:`eqchain.mcp_worker`), in its main
thread, where the per-step time limit (:mod:`eqchain.check.timeout`) works.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from eqchain.errors import InputError

FORMATS = ("markdown", "latex", "toml")
# The name a text is reported under (JSON "path"); a name, not a file: nothing is read from it.
INPUT_NAMES = {"markdown": "<input>.md", "latex": "<input>.tex", "toml": "<input>.toml"}

OnStep = Callable[[Any], None] | None


def infer_format(text: str) -> str:
    """``"toml"`` for a derivation file, ``"latex"`` for a LaTeX document, else
    ``"markdown"``: a TOML document whose keys are a derivation file's is one; a text with
    ``\\documentclass`` or ``\\begin{document}`` is LaTeX."""
    from eqchain.load.toml_file import TOP_KEYS

    try:
        doc = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):
        doc = None
    if doc and set(doc) <= TOP_KEYS:
        return "toml"
    if re.search(r"\\documentclass\b|\\begin\{document\}", text):
        return "latex"
    return "markdown"


def check_text(
    text: str,
    format: str | None = None,
    assume: str | None = None,
    timeout: float = 10.0,
    on_step: OnStep = None,
) -> dict:
    """The report of ``eqchain check`` on a file holding ``text``.

    ``format`` is ``markdown``, ``latex`` or ``toml`` (None: :func:`infer_format`);
    ``assume`` (documents only) is ``--assume``'s syntax. Raises EqchainError for unreadable
    input, for an unknown format, and for ``assume`` given with TOML (a derivation file declares
    its symbols under [symbols])."""
    fmt = format or infer_format(text)
    if fmt not in FORMATS:
        raise InputError(f"unknown format '{fmt}' (use {', '.join(FORMATS)})")
    path = INPUT_NAMES[fmt]
    data = text.encode("utf-8")
    if fmt == "toml":
        if assume:
            raise InputError(
                "'assume' is for Markdown and LaTeX documents; a TOML derivation declares its "
                "symbols under [symbols]"
            )
        from eqchain.load.toml_file import load_toml

        derivations = load_toml(path, data)
    else:
        from eqchain.load.document import load_document

        derivations = (load_document(path, fmt, assume=assume or None, data=data),)
    return _report(derivations, timeout, on_step)


def check_step(
    previous: str,
    next: str,  # noqa: A002 - the tool's argument name
    assume: str | None = None,
    timeout: float = 10.0,
    on_step: OnStep = None,
) -> dict:
    """The verdict on the claim ``previous = next``, as one step of the report: status, rules,
    reason (a missing condition is named there), counterexample, conditions established.

    The two are read as the rows of a Markdown document would be (with ``assume`` in
    ``--assume`` syntax), and the equation is a claim: never taken as a definition or a given.
    Raises EqchainError when either is not one readable expression."""
    for name, formula in (("previous", previous), ("next", next)):
        if not formula.strip():
            raise InputError(f"'{name}' is empty")
        if "$" in formula:
            raise InputError(f"'{name}' is one formula, without $ delimiters")
    document = f"$$\n{previous}\n= {next}\n$$\n"
    from eqchain.load.document import load_document

    try:
        derivation = load_document(
            "<step>", "markdown", assume=assume or None, data=document.encode()
        )
    except InputError as err:
        raise _in_argument(err) from None
    from eqchain.model import StepKind

    for step in derivation.steps:
        if step.unreadable is not None:
            line, column = (step.place.line, step.place.column) if step.place else (None, None)
            raise _in_argument(InputError(step.unreadable, None, line, column))
    # the givens an assumption such as 0 < p < 1 brings (p_bound = 1 - p) stay facts
    givens = tuple(s for s in derivation.steps if s.kind is StepKind.GIVEN and not s.infer_kind)
    steps = [s for s in derivation.steps if s not in givens]
    if len(steps) != 1 or steps[0].lhs is None:
        raise InputError(
            "'previous' and 'next' must be one expression each (not equations, not several rows)"
        )
    # Whatever a document reader would make of it, the equation is a claim to check.
    claim = replace(steps[0], claim=f"{previous.strip()} = {next.strip()}", infer_kind=False)
    derivation = replace(derivation, title="check_step", steps=(*givens, claim))
    report = _report((derivation,), timeout, on_step)
    return {**report["derivations"][0]["steps"][-1], "line": None}


def _in_argument(err: InputError) -> InputError:
    """An error in check_step's two-row document, placed in 'previous' (row 2) or 'next' (row 3,
    after the '= ' put before it)."""
    where = {2: ("previous", 0), 3: ("next", 2)}.get(err.line)
    if where is None:
        return InputError(err.message)
    name, shift = where
    column = f", column {err.column - shift}" if err.column and err.column > shift else ""
    return InputError(f"{name}{column}: {err.message}")


def derive(
    expression: str,
    rules: str = "log,sum,prod",
    symbols: dict | None = None,
    assume: str | None = None,
    timeout: float = 10.0,
    on_step: OnStep = None,
) -> tuple[dict, str | None]:
    """The report of ``eqchain derive`` on ``expression``, and what stopped the derivation
    (a rule blocked by a side condition, e.g. ``log_mul needs a > 0``) or None.

    ``symbols`` is a derivation file's [symbols] table as JSON; ``assume`` declares plain
    symbols in ``--assume`` syntax. Raises EqchainError when no rule applies."""
    from eqchain.derive import derive as run_derive

    decls = _declarations(symbols, assume)
    names = [f.strip() for f in rules.split(",") if f.strip()]
    if not names:
        raise InputError("'rules' names no rule family (e.g. log,sum,prod)")
    derived = run_derive(expression, decls, names)
    if not derived.derivation.steps:
        why = f": {derived.blocked}" if derived.blocked else ""
        raise InputError(f"no rule of {', '.join(names)} applies to the expression{why}")
    return _report((derived.derivation,), timeout, on_step), derived.blocked


def maximize(
    objective: str,
    variables: list[str],
    constraints: list[str] | None = None,
    data: dict | None = None,
    symbols: dict | None = None,
    minimize: bool = False,
    timeout: float = 10.0,
    on_step: OnStep = None,
) -> dict:
    """The report of ``eqchain maximize``: the solution of the constrained problem written as
    steps (Lagrangian, stationarity, the point, the second-order certificate), each checked.

    ``data`` maps a name to a number or a list of numbers (integers, or fractions as text such
    as ``"1/10"``); ``symbols`` is a derivation file's [symbols] table as JSON. Raises
    EqchainError for a problem that cannot be read or solved."""
    from eqchain.model import Derivation
    from eqchain.optimize import steps_from_toml
    from eqchain.scope import Scope

    decls = _declarations(symbols, None)
    scope = Scope.from_decls(decls, strict=True)
    table = {
        "objective": objective,
        "variables": list(variables),
        "constraints": list(constraints or ()),
        "data": dict(data or {}),
        "sense": "minimize" if minimize else "maximize",
    }
    path = "<maximize>"
    steps = steps_from_toml(table, scope, path)
    title = ("Minimum" if minimize else "Maximum") + f" of {objective}"
    derivation = Derivation(title, path, tuple(decls), tuple(steps), scope)
    return _report((derivation,), timeout, on_step)


def rules() -> dict:
    """The rule table, as ``eqchain rules --format json`` lists it, under ``"rules"``."""
    from eqchain.rules import RULES

    return {"rules": [r.as_dict() for r in RULES]}


# -- helpers -----------------------------------------------------------------------------------


def _report(derivations, timeout: float, on_step: OnStep) -> dict:
    from eqchain.api import check_derivations
    from eqchain.render.json import report_data

    return report_data(check_derivations(derivations, timeout, on_step))


def _declarations(symbols: dict | None, assume: str | None) -> tuple:
    """SymbolDecls from a [symbols] table given as JSON and from ``--assume`` items for plain
    symbols; InputError for anything the loader would refuse in a file."""
    from eqchain.model import SymbolDecl

    decls: list = list(_symbols_table(symbols)) if symbols else []
    if assume:
        from eqchain.load.assume import Bound, Stated, parse_assume

        for item in parse_assume(assume):
            if isinstance(item, (Bound, Stated)):
                what = "the bound" if isinstance(item, Bound) else "the equation"
                raise InputError(
                    f"'assume' for derive takes signs and words, not {what} '{item.text}'"
                )
            name, index, words = item.name, item.index, item.words
            if words == ("function",):
                decls = [d for d in decls if d.name != name]
                decls.append(SymbolDecl(name, (), is_function=True))
                continue
            if index:
                raise InputError(
                    f"'assume' declares plain symbols; declare the family '{name}' in 'symbols' "
                    f'with its index and range, e.g. {{"{name}": {{"index": "{index}", '
                    f'"range": "1..K", "assume": "{" ".join(words)}"}}}}'
                )
            decls = [d for d in decls if d.name != name] + [SymbolDecl(name, tuple(words))]
    return tuple(decls)


def _symbols_table(table: dict) -> tuple:
    """The loader's reading of ``[symbols]`` written with ``table``, from a private temporary
    file (the loader reads files); errors name 'symbols' instead of that file."""
    import os
    import tempfile

    import tomli_w

    from eqchain.load.toml_file import load_symbols

    try:
        text = tomli_w.dumps({"symbols": table})
    except (TypeError, ValueError):
        raise InputError(
            "'symbols' maps each name to assumptions (\"positive integer\") or to a table "
            '({"index": "k", "range": "1..K", "assume": "positive"})'
        ) from None
    with tempfile.TemporaryDirectory(prefix="eqchain-mcp-") as folder:
        path = os.path.join(folder, "symbols.toml")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        try:
            return load_symbols(path)
        except InputError as err:
            raise InputError(f"symbols: {err.message}") from None
