"""A report on the terminal with ``rich``: one line per step for ``check``, the whole proof
with its justifications in words for ``show``.

Colours and styles are rich's business: :func:`make_console` builds a Console that writes
plain text (no ANSI codes) when the output is not a terminal and honours ``NO_COLOR``. Off a
terminal nothing is wrapped, so the text does not depend on the window width: the same report
gives the same bytes. Formulas and the math in notes and conditions are shown in Unicode
(:mod:`.unicode`: ``∂ℒ/∂y_k = t_k/y_k − λ``), one line each; ``show --pretty`` lays the
formulas out in two dimensions with SymPy's pretty printer instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from rich.cells import cell_len
from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from eqchain.model import DerivationReport, Report, StepResult, Verdict
from eqchain.render import content
from eqchain.render.content import Span

STYLES = {
    Verdict.VERIFIED: "green",
    Verdict.REFUTED: "bold red",
    Verdict.UNKNOWN: "yellow",
    Verdict.GIVEN: "dim",
    Verdict.DEFINITION: "dim",
    Verdict.UNREADABLE: "bold magenta",
}
_INDENT = 2


def make_console(file: IO[str] | None = None) -> Console:
    """A Console for eqchain's output on ``file`` (standard output by default).

    Colour only on a terminal and never with ``NO_COLOR`` set (rich's own detection); no
    automatic highlighting or emoji, so user text is printed as it is; off a terminal, lines
    are not wrapped, so the output does not depend on the window width.
    """
    console = Console(file=file, highlight=False, emoji=False, markup=False)
    console.soft_wrap = not console.is_terminal
    return console


class _Ticker:
    """What :func:`progress` yields: call ``advance()`` after each item."""

    def __init__(self, bar=None, task=None):
        self._bar = bar
        self._task = task

    def advance(self, n: int = 1) -> None:
        if self._bar is not None:
            self._bar.advance(self._task, n)


@contextmanager
def progress(total: int, console: Console, description: str = "checking") -> Iterator[_Ticker]:
    """A progress bar over ``total`` items, shown only when ``console`` is an interactive
    terminal (and removed when done); elsewhere the ticker does nothing and prints nothing."""
    if not console.is_terminal or console.is_dumb_terminal:
        yield _Ticker()
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(description, total=total)
        yield _Ticker(bar, task)


def render_terminal(
    report: Report, console: Console, lang: str = "en", show: bool = False, pretty: bool = False
) -> None:
    """Print the report on ``console``: with ``show=False`` one line per step (label, verdict,
    rules, a short reason; a counterexample and warnings on indented lines below) and a summary
    line; with ``show=True`` each derivation's proof chain with every justification in words in
    ``lang``, each formula on one line in Unicode, or laid out in two dimensions by SymPy's
    pretty printer with ``pretty=True``. ValueError for an unknown ``lang``."""
    content.check_lang(lang)
    for dreport in report.derivations:
        if show and dreport.error is None:
            _show_derivation(console, dreport, lang, pretty)
        else:
            _check_derivation(console, dreport, lang)
    counts = content.summary_counts(report)
    summary = plain(content.summary_spans(counts, lang))
    style = "bold green" if report.all_verified else "bold red"
    console.print(Text(summary, style=style))


# -- check: one line per step ---------------------------------------------------------------


def step_id(result: StepResult, position: int, lang: str = "en", path: str | None = None) -> str:
    """How a step is named on a terminal: its label ``(3.5)``, else the role of a generated
    step (``stationarity``, ``停留条件``), else its line (``line 26``, ``26行目``;
    ``sec/one.tex:6`` when it stands in another file than the document ``path``, brought in by
    ``\\input``), else its position in the derivation (``#4``)."""
    step = result.step
    if step.label:
        return f"({content.one_line(step.label)})"
    if step.role:
        return content.role_text(step.role, lang)
    place = step.place
    if place is not None and place.line is not None and path and place.path not in (None, path):
        return f"{place.path}:{place.line}"
    if step.place is not None and step.place.line is not None:
        return f"{step.place.line}行目" if lang == "ja" else f"line {step.place.line}"
    return f"#{position}"


def _check_derivation(console: Console, dreport: DerivationReport, lang: str) -> None:
    if dreport.error is not None:  # a file that could not be loaded: one line, path:line:col
        console.print(Text(str(dreport.error), style="bold red"))
        return
    console.print(_header(dreport, lang))
    if dreport.derivation.real_by_default:  # a document: say what its symbols are
        items = content.assumption_items(dreport.derivation, lang)
        colon = "：" if lang == "ja" else ": "
        heading = content.word("assumptions", lang) + colon
        sep = "；" if lang == "ja" else "; "
        _indented(console, Text(heading + sep.join(plain(i) for i in items)), _INDENT)
    ids = [step_id(r, i, lang, dreport.path) for i, r in enumerate(dreport.results, start=1)]
    id_width = max((cell_len(i) for i in ids), default=0)
    word_width = max((cell_len(_verdict_text(r.verdict, lang)) for r in dreport.results), default=0)
    for ident, result in zip(ids, dreport.results, strict=True):
        line = Text(" " * _INDENT)
        line.append(_pad(ident, id_width), style="bold")
        line.append("  ")
        verdict = _verdict_text(result.verdict, lang)
        line.append(verdict, STYLES[result.verdict])
        rest = Text()
        if result.rules:
            rest.append(", ".join(result.rules), style="cyan")
        if content.shows_reason(result):
            rest.append((" — " if result.rules else "") + plain(content.reason_spans(result, lang)))
        if result.domain and result.verdict is Verdict.VERIFIED:
            where = plain(content.domain_spans(result.domain, lang))
            rest.append((" — " if result.rules else "") + where[0].lower() + where[1:])
        if result.step.condition_text and result.verdict.is_claim_verdict:
            under = plain(content.condition_spans(result.step.condition_text, lang))
            rest.append((" — " if rest else "") + under[0].lower() + under[1:])
        if result.step.from_assumption and not rest:  # what is assumed: p < 1, u = ...
            rest.append(content.word("assumed", lang) + pretty_math(result.step.claim))
        if rest:  # the reason in full: off a terminal one line, on a terminal wrapped
            line.append(" " * (word_width - cell_len(verdict) + 2))
            if console.is_terminal:  # wrapped lines start under the rules, not at column 0
                from rich.table import Table

                grid = Table.grid()
                grid.add_column(no_wrap=True)
                grid.add_column(overflow="fold")
                grid.add_row(line, rest)
                line = grid
            else:
                line.append(rest)
        console.print(line)
        below = " " * (_INDENT + id_width + 2)
        if result.counterexample is not None:
            spans = content.counterexample_spans(result.counterexample, lang)
            console.print(Text(below + plain(spans)))
        for warning in result.warnings:
            console.print(Text(below + content.word("warning", lang) + content.one_line(warning)))
    if dreport.domain:
        heading = content.word("domain", lang) + ("：" if lang == "ja" else ": ")
        console.print(Text(" " * _INDENT + heading + pretty_math(", ".join(dreport.domain))))


def _header(dreport: DerivationReport, lang: str = "en") -> Text:
    header = Text(dreport.path, style="bold")
    title = content.title(dreport, lang)
    if title and title != dreport.path:
        header.append(" — " + content.one_line(title))
    return header


def _verdict_text(verdict: Verdict, lang: str) -> str:
    return f"{content.MARKS[verdict]} {content.verdict_word(verdict, lang)}"


def _pad(value: str, width: int) -> str:
    return value + " " * (width - cell_len(value))


# -- show: the proof with its justifications ---------------------------------------------------


def _show_derivation(
    console: Console, dreport: DerivationReport, lang: str, pretty: bool = False
) -> None:
    console.print(Text(content.one_line(content.title(dreport, lang)), style="bold"))
    if dreport.path:
        console.print(Text(dreport.path, style="dim"))
    items = content.assumption_items(dreport.derivation, lang)
    if items:
        colon = "：" if lang == "ja" else ": "
        heading = content.word("assumptions", lang) + colon
        sep = "；" if lang == "ja" else "; "
        _indented(console, Text(heading + sep.join(plain(i) for i in items)), _INDENT)
    position = 0
    for chain in content.chains(dreport):
        console.print()
        for row in chain.rows:
            position += 1
            _show_row(console, row, position, lang, pretty)
    console.print()


def _show_row(
    console: Console, row: content.Row, position: int, lang: str, pretty: bool = False
) -> None:
    ident = step_id(row.result, position, lang)
    line = Text(" " * _INDENT)
    line.append(ident, style="bold")
    drawing = _drawing(row) if pretty else None
    if drawing is None:
        line.append("  ")
        # A formula that could not be read is shown as written: its LaTeX is the evidence.
        unread = row.step.unreadable is not None
        line.append(_formula(row) if unread else pretty_math(_formula(row)))
        console.print(line)
    else:
        console.print(line)
        _indented(console, Text(drawing), _INDENT + 4)
    why = Text(_verdict_text(row.verdict, lang), style=STYLES[row.verdict])
    sentences = content.justification(row.result, lang)
    if sentences:
        why.append("　" if lang == "ja" else " — ")
        why.append(plain(content.join_sentences(sentences, lang)))
    _indented(console, why, _INDENT + 4)


def _formula(row: content.Row) -> str:
    """The step as its author wrote it; printed sides when the claim text is missing."""
    claim = content.clean_side(row.step.claim)
    if claim:
        return claim
    if row.lhs:
        return f"{row.arrow}{row.lhs} {row.relation} {row.rhs}"
    return f"{row.relation} {row.rhs}"


def _drawing(row: content.Row) -> str | None:
    """The step in SymPy's two-dimensional Unicode layout (``lhs = rhs``, or ``= rhs`` for a
    continuation row), on SymPy's baseline; None for a step without expressions."""
    step = row.step
    if step.rhs is None:
        return None
    import sympy as sp
    from sympy.printing.pretty.pretty import PrettyPrinter
    from sympy.printing.pretty.stringpict import prettyForm

    printer = PrettyPrinter({"use_unicode": True, "wrap_line": False})
    if row.lhs and step.lhs is not None:
        form = printer._print(sp.Eq(_named(step.lhs), _named(step.rhs), evaluate=False))
    else:
        form = prettyForm(*printer._print(_named(step.rhs)).left("= "))
    return "\n".join(line.rstrip() for line in form.render(wrap_line=False).split("\n"))


def _named(expr):
    """``expr`` with each symbol and indexed symbol renamed to how eqchain writes it, in
    Unicode (``y[k]`` as ``y_k``, which SymPy draws ``yₖ``; ``mathcalL`` as ``ℒ``)."""
    import sympy as sp

    from eqchain.latex.printer import latex

    names = {}
    for atom in expr.atoms(sp.Symbol, sp.Indexed):
        if isinstance(atom, sp.Symbol) and any(atom in i.indices for i in expr.atoms(sp.Indexed)):
            continue  # an index: kept as it is inside the indexed names
        name = pretty_math(latex(atom)).replace("{", "").replace("}", "")
        if name != str(atom):
            names[atom] = (
                sp.Symbol(name, **atom.assumptions0) if atom.is_Symbol else sp.Symbol(name)
            )
    return expr.xreplace(names)


def _indented(console: Console, text: Text, indent: int) -> None:
    """``text`` indented by ``indent`` cells; on a terminal, wrapped lines keep the indent."""
    if console.is_terminal:
        console.print(Padding(text, (0, 0, 0, indent)))
    else:
        for line in text.split("\n"):
            console.print(Text(" " * indent) + line)


def plain(spans: list[Span]) -> str:
    """Spans as plain terminal text: math with a few signs made Unicode, code as is."""
    out = []
    for span in spans:
        if span.kind == "math" and span.plain is not None:
            out.append(pretty_math(span.plain))
        else:
            out.append(pretty_math(span.value) if span.kind == "math" else span.value)
    return "".join(out)


def pretty_math(tex: str) -> str:
    """LaTeX math as one line of Unicode (``y_{k} \\geq 0`` as ``y_k ≥ 0``), with no
    backslash left (:func:`eqchain.render.unicode.to_unicode`)."""
    from eqchain.render.unicode import to_unicode

    return to_unicode(tex)
