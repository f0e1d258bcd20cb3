"""Read LaTeX formulas into SymPy, faithfully or not at all.

* :mod:`~eqchain.latex.rows` splits displayed math into rows (environments, ``\\\\``, ``&``);
* :mod:`~eqchain.latex.decorations` blanks out tags, labels, spacing and prose, which becomes the
  row's annotation;
* the row is split at top-level ``=`` here: relations are never built by SymPy, so nothing is
  ever evaluated to ``True``/``False`` or solved;
* :mod:`~eqchain.latex.tokens` splits each side into tokens, and :mod:`~eqchain.latex.parser`
  (eqchain's own reader) reads them into unevaluated SymPy trees; unknown commands are errors,
  never products of letters.

SymPy's ``parse_latex`` and latex2sympy2 are not used here: they read formulas only for the
opt-in cross-check (:mod:`eqchain.latex.second`, ``eqchain check --cross-check``).

The reader knows no assumptions: binding names to declared symbols is :mod:`eqchain.scope`'s
job. Every error is a :class:`LatexError` (or :class:`UnsupportedLatex`) whose ``column`` is the
1-based offset in the text that was passed in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp

from eqchain.errors import LatexError, UnsupportedLatex
from eqchain.latex import piecewise
from eqchain.latex.applied import defined_function
from eqchain.latex.brackets import depth_after
from eqchain.latex.conditions import Condition, read_condition, split_condition
from eqchain.latex.decorations import Decorated, strip_decorations
from eqchain.latex.names import (
    FAMILY_MARK,
    INDEX_MARK,
    NUMBERED_MARK,
    SINGLE_MARK,
    family_letters,
    subscript_letters,
    written_families,
)
from eqchain.latex.optimum import ArgMax, ArgMin, split_optimum
from eqchain.latex.parser import parse_sides
from eqchain.latex.rows import WIDE_SPACE, Row, split_rows, wide
from eqchain.latex.tokens import Token, tokenize
from eqchain.latex.width import ascii_punctuation
from eqchain.tree import substitute

MAX_LENGTH = 100_000
_RANGE_SUBSCRIPT = re.compile(
    r"\\(?:sum|prod)\s*(?:\^\s*(?:\{[^{}]*\}|\S)\s*)?_\s*(\{[^{}]*\}|[A-Za-z]|\\[A-Za-z]+)"
)
_RANGE_NAME = re.compile(r"\s*\\?([A-Za-z]+)\s*")


@dataclass(frozen=True)
class Formula:
    """A formula read from LaTeX.

    ``sides`` holds one expression, or two or more for a chain ``a = b = c``; it is empty for
    a row that holds only prose. ``continues`` is True when the formula starts with ``=`` (it
    continues the row before). ``tag`` is its ``\\tag``, ``annotation`` the prose beside it.
    ``defined_function`` names the function a definition such as ``p(x) = ...`` introduces
    (read as a function from then on); ``definition`` is True when written with ``:=``.
    ``relations`` holds, for each side, the relation written before it (see ``RELATIONS``):
    ``""`` before a first side that continues nothing, ``"="`` before the side of a row that
    starts with ``=``; empty when every relation is ``=`` (read it with :meth:`relation`)."""

    sides: tuple
    continues: bool = False
    tag: str | None = None
    annotation: str | None = None
    defined_function: str | None = None
    definition: bool = False
    relations: tuple[str, ...] = ()
    # The condition written after a comma (``f(x) = ..., \\quad 0 \\le x \\le 1``): the row
    # is claimed under it (eqchain.latex.conditions; README "Conditions")
    condition: Condition | None = None
    # The name of the law a distribution statement is under: P of ``P: X \\sim
    # \\mathrm{Bern}(p_1)`` (statproofbook's two laws P and Q of one X); None without one
    law: str | None = None

    def relation(self, i: int) -> str:
        """The relation written before side ``i``: ``""`` (nothing), ``"="``, ``"<"``,
        ``"<="``, ``">"``, ``">="``, ``"propto"``, ``"sim"``, ``"implies"`` or ``"iff"``."""
        if self.relations:
            return self.relations[i]
        return "=" if i > 0 or self.continues else ""

    @property
    def is_prose(self) -> bool:
        return not self.sides


@dataclass(frozen=True)
class RowParts:
    """One row cut up for reading: its decorations, the tokens of each side, whether it
    continues the row before or is a ``:=`` definition, the function a definition such as
    ``p(x) = ...`` introduces, and the indices and functions to read it with."""

    deco: Decorated
    token_lists: tuple[list[Token], ...]
    continues: bool
    definition: bool
    defined: str | None
    indices: frozenset[str]
    functions: frozenset[str]
    relations: tuple[str, ...] = ()  # Formula.relations
    # per side: None, or (sense, the variable's tokens) for a side \arg\max_{v} f
    optima: tuple = ()
    condition: Condition | None = None  # Formula.condition
    # (placeholder symbol, Piecewise) of each piecewise definition the row holds
    pieces: tuple = ()
    law: str | None = None  # Formula.law


def read_formula(
    text: str,
    indices: frozenset[str] = frozenset(),
    functions: frozenset[str] = frozenset(),
    variables: frozenset = frozenset(),
) -> Formula:
    """Read one formula (possibly a chain ``a = b = c``, possibly wrapped in one environment or
    in ``$$``) into assumption-free SymPy expressions.

    ``indices`` names letters known to be indices (so ``t_{nk}`` is ``t[n, k]``); ``functions``
    names symbols applied to arguments as functions (``p(x)``). Any other name before
    parentheses is a product (``\\lambda (1 - y)``), except when the parentheses hold only
    names (``f(x)``): that is ambiguous and an error. A formula ``p(x) = ...`` defines ``p``.
    Raises LatexError (``column`` = 1-based offset in ``text``) for anything it cannot read
    faithfully, UnsupportedLatex for constructs with no SymPy meaning, and LatexError for text
    with several rows (read those with :func:`read_rows`). ``variables`` are the variables of
    integration of the row before, for an evaluation bar ``[F]_a^b`` nothing else determines
    (:func:`eqchain.latex.parser.parse_sides`).
    """
    _check_text(text)
    rows = _guarded(lambda *_: split_rows(text), None, 0)
    if not rows:
        raise LatexError("empty formula", column=1)
    if len(rows) > 1 and rows[1].beside:
        raise LatexError(
            "several equations side by side (after a comma and spacing, or a wide space): one "
            "formula holds "
            "one equation or chain; write one per step",
            column=rows[1].offset + 1,
        )
    if len(rows) > 1:
        raise LatexError(
            f"this text has {len(rows)} rows: read them with read_rows", column=rows[1].offset + 1
        )
    rows[0].raise_error()
    return _guarded(_read_row, rows[0].text, rows[0].offset, indices, functions, variables)


def read_rows(
    text: str, indices: frozenset[str] = frozenset(), functions: frozenset[str] = frozenset()
) -> tuple[tuple[Row, Formula], ...]:
    """Read every row of displayed math (``aligned``, ``align``, ``gather``, ... or rows
    separated by ``\\\\``), in order, each with its :class:`Row` (offset, line, column).

    A function defined in one row (``p(x) = ...``) is a function in the rows after it. Raises
    LatexError at the first row that cannot be read (column = offset in ``text``)."""
    _check_text(text)
    known = set(functions)
    out = []
    for row in split_rows(text):
        row.raise_error()
        formula = _guarded(_read_row, row.text, row.offset, indices, frozenset(known))
        if formula.defined_function:
            known.add(formula.defined_function)
        out.append((row, formula))
    return tuple(out)


def chain_sides(formulas) -> tuple:
    """The sides of one chain written over several rows: ``a = b`` then ``= c`` gives
    ``(a, b, c)``. Prose rows are skipped. Raises LatexError when a row starts a new equation
    instead of continuing, or when the first row continues nothing."""
    sides: list = []
    for formula in formulas:
        if formula.is_prose:
            continue
        if formula.continues and not sides:
            raise LatexError("a row starting with '=' has no row before it")
        if not formula.continues and sides:
            raise LatexError("these rows are separate equations, not one chain")
        sides.extend(formula.sides)
    return tuple(sides)


def read_expression(
    text: str,
    indices: frozenset[str] = frozenset(),
    offset: int = 0,
    functions: frozenset[str] = frozenset(),
):
    """Read one expression (no ``=``, no prose) into an unevaluated SymPy expression.

    ``offset`` is added to error columns (the expression's place in a longer text). Raises
    LatexError like :func:`read_formula`, and for an equation or prose."""
    _check_text(text)
    text = ascii_punctuation(text)

    def run():
        deco = strip_decorations(text, offset)
        if deco.tag is not None or deco.annotation is not None:
            raise LatexError("an expression cannot carry a tag or prose", column=offset + 1)
        parts, _ = _split_equals(deco.body)
        if len(parts) != 1:
            raise LatexError("expected an expression, found an equation", column=offset + 1)
        tokens = tokenize(deco.body, offset)
        if not tokens:
            raise LatexError("empty expression", column=offset + 1)
        (expr,) = parse_sides([tokens], _indices(deco.body, indices), frozenset(functions))
        return expr

    return _guarded(lambda *_: run(), None, offset)


def read_case(text: str, functions: frozenset[str] = frozenset()) -> Condition:
    """Read ``text``, a condition written alone (the case a document's prose states before a
    display, eqchain.load.prose), as a row's condition after its comma is read. Raises
    LatexError when it is no condition eqchain reads."""
    _check_text(text)

    def read_part(part: str, at: int):
        return read_expression(part, frozenset(), at, functions)

    return _guarded(lambda *_: read_condition(text, 0, read_part, values=True), None, 0)


# -- one row ---------------------------------------------------------------------------------


def _applies(token_lists, name: str) -> bool:
    """Whether ``name`` stands directly before a parenthesis in any of ``token_lists``."""
    return any(
        t.kind == "letter" and t.text == name and k + 1 < len(tokens) and tokens[k + 1].is_char("(")
        for tokens in token_lists
        for k, t in enumerate(tokens)
    )


# "+ \text{const.}", 「+ \text{定数}」: equal up to an additive constant, which eqchain does not
# read (it was "an operator without an operand"): unsupported, saying what to write instead.
# Written as a name, const or \mathrm{const}, it is a name (engine._an_additive_constant)
_ADDITIVE_CONSTANT = re.compile(
    r"\\(?:text|textrm|textit)\s*\{\s*"
    r"(?:const\.?|Const\.?|constant|cst|定数|\(const\.?\))\s*\}"
)


def _no_additive_constant(text: str, offset: int) -> None:
    m = _ADDITIVE_CONSTANT.search(text)
    if m is not None:
        raise UnsupportedLatex(
            "not supported: an additive constant ('+ const', equal up to a constant): write "
            "\\propto between the exponentials, or name the constant and define it",
            column=offset + m.start() + 1,
        )


def _read_row(text: str, offset: int, indices, functions, variables=frozenset()) -> Formula:
    _no_additive_constant(text, offset)
    parts = row_parts(text, offset, indices, functions)
    if parts is None:
        deco = strip_decorations(text, offset)
        return Formula((), tag=deco.tag, annotation=deco.annotation)
    sides = parse_sides(list(parts.token_lists), parts.indices, parts.functions, variables)
    _no_imaginary_unit(sides, text, offset)
    sides = _with_optima(sides, parts)
    sides = with_pieces(sides, parts)
    deco = parts.deco
    return Formula(
        sides,
        parts.continues,
        deco.tag,
        deco.annotation,
        parts.defined,
        parts.definition,
        parts.relations,
        parts.condition,
        parts.law,
    )


_UNITS = (sp.Symbol("i"), sp.Symbol("j"))  # the imaginary unit, as mathematicians and engineers
_E_POWER = re.compile(r"(?:\\exp|e\s*\^)")


def _no_imaginary_unit(sides, text: str, offset: int) -> None:
    """Reject ``i`` as a value in an exponent of e (``e^{-it(a-x)}``, ``e^{i\\pi}``), where
    no sum or product binds it: there it is the imaginary unit as often as a variable
    (characteristic functions, Euler's formula), and read as a real variable a valid step is
    refuted. ``i`` as an index (``x_i``, ``z^{(i)}``, ``\\sum_i e^{x_i}``) is read as before."""

    def values(e) -> set:
        # an index (x_i) or a sum's excluded index (\sum_{i \ne j}: a Kronecker delta) is no
        # value
        masked = e.xreplace({a: sp.Dummy() for a in e.atoms(sp.Indexed, sp.KroneckerDelta)})
        return masked.free_symbols

    for side in sides:
        if not isinstance(side, sp.Basic):
            continue
        if not any(u in side.free_symbols for u in _UNITS):
            continue  # (the masking below only removes names)
        powers = [p.exp for p in side.atoms(sp.Pow) if p.base == sp.E]
        powers += [f.args[0] for f in side.atoms(sp.exp)]
        if not powers:
            continue
        unit = next(
            (u for u in _UNITS if u in values(side) and any(u in values(x) for x in powers)), None
        )
        if unit is not None:
            at = _E_POWER.search(text)
            raise LatexError(
                f"ambiguous: '{unit}' in an exponent of e may be the imaginary unit "
                f"(e^{{{unit} t}} = \\cos t + {unit} \\sin t) or a real variable, and eqchain "
                "reads no imaginary unit: rename the variable, or write the step with \\cos and "
                "\\sin",
                column=offset + (at.start() if at else 0) + 1,
            )


_REASON_ROW = re.compile(r"\s*&?\s*\\because(?![A-Za-z])")
_REASON_RELATION = re.compile(r"=|<|>|\\(?:le|ge|leq|geq|neq|ne|lt|gt)(?![A-Za-z])")


def reason_row(text: str) -> bool:
    """Whether the row ``text`` is only a reason stating a relation (``\\because p &= \\frac{1}
    {1 + e^{-z}}``): a premise of the rows after it, which eqchain does not read."""
    return _REASON_ROW.match(text) is not None and _REASON_RELATION.search(text) is not None


def row_parts(text: str, offset: int, indices, functions) -> RowParts | None:
    """Cut one row (at ``offset`` in the formula) into its sides' tokens; None for a row of
    prose only. Raises LatexError for an empty side and for text that is not LaTeX math.
    A condition after a comma (:func:`eqchain.latex.conditions.split_condition`) is cut off
    and read on its own."""
    if reason_row(text):
        # \because p &= \frac{1}{1 + e^{-z}} as a row of its own: a premise of the rows after
        # it; read as prose it was dropped, and the row after it, continuing the chain before
        # it with p free, refuted
        raise UnsupportedLatex(
            "not supported: a row that is only a reason (\\because ...) stating an equation: "
            "write it in the prose before the display",
            column=offset + text.index("\\because") + 1,
        )
    found = piecewise.spans(text)
    pieces: tuple = ()
    if found:
        names = piecewise.placeholder_names(text, len(found))
        whole_indices = _indices(text, indices)

        def read_value(part: str, at: int):
            return read_expression(part, whole_indices, at, frozenset(functions))

        pieces = tuple(
            (sp.Symbol(name), piecewise.read_piecewise(text, (a, b), offset, read_value))
            for name, (_, _, a, b) in zip(names, found, strict=True)
        )
        text = piecewise.blank_pieces(text, found, names)
    cut = split_condition(text)
    tail = None
    if cut is not None:
        comma, after = cut
        tail = strip_decorations(" " * after + text[after:], offset)
        text = text[:comma] + " " * (len(text) - comma)
    deco = strip_decorations(text, offset)
    if tail is not None and tail.tag is not None:
        if deco.tag is not None:
            raise LatexError("two \\tag in one row", column=offset + 1)
        deco = Decorated(deco.body, tail.tag, deco.annotation)
    body = _leading_arrow(_update_target(deco.body))
    if not body.strip():
        return None
    law, body = _named_law(body)
    deco = Decorated(body, deco.tag, deco.annotation)
    parts, definition, relations = _split_relations(body)
    _no_question(body, parts, offset)
    _no_wide_space_product(text, body, parts, offset)
    continues = False
    if len(parts) > 1 and not body[parts[0][0] : parts[0][1]].strip():
        # A row that starts with a relation continues the row before: "= b", "\le b", or
        # "\Rightarrow c = d" (an equation that follows from the one before).
        continues = relations[1] not in ("implies", "iff")
        parts = parts[1:]
        relations = relations[1:]
    else:
        relations = ("",) + relations[1:]
    for k, (start, end) in enumerate(parts):
        if not body[start:end].strip():
            if k == len(parts) - 1 and body[:start].rstrip().endswith("="):
                raise LatexError(
                    "the row ends with '=': its right side must follow, on the next row "
                    "(a row starting with '=' continues the chain; a row of math is the "
                    "right side) or in the next display starting with '='",
                    column=offset + len(body[:start].rstrip()),
                )
            raise LatexError("empty side in an equation", column=offset + start + 1)
    relations = tuple(
        _approximation(body, part, offset) if rel == APPROX else rel
        for rel, part in zip(relations, parts, strict=True)
    )
    # A whole side \arg\max_{\theta} f: the objective's tokens, the variable's on the side.
    optima = []
    bounds = []
    for start, end in parts:
        found = split_optimum(body[start:end])
        if found is None:
            optima.append(None)
            bounds.append((start, end))
            continue
        sense, variable, at, objective = found
        if not body[start + objective : end].strip():
            raise LatexError("an arg max needs an objective after it", column=offset + end)
        optima.append((sense, tokenize(variable, offset + start + at)))
        bounds.append((start + objective, end))
    token_lists = tuple(tokenize(body[start:end], offset + start) for start, end in bounds)
    defined, known = None, frozenset(functions)
    found = defined_function(token_lists[0], known) if len(parts) > 1 and not continues else None
    if found and found[0] == "E" and _applies(token_lists[1:], "E"):
        # E(X) = E(E(X | Z)): the expectation's letter on both sides, no function defined
        found = None
    if found:
        known |= {found[0]}
        defined = found[0] if found[1] == 0 else None
    if all(r in ("", "=") for r in relations):
        relations = ()  # equations only: the common case keeps its plain shape
    condition = None
    if tail is not None:
        row_indices = _indices(body, indices)

        def read_part(part: str, at: int):
            return read_expression(part, row_indices, at, known)

        comma, after = cut
        condition = read_condition(tail.body[after:], offset + after, read_part, tail.annotation)
    return RowParts(
        deco,
        token_lists,
        continues,
        definition,
        defined,
        _indices(body, indices) | _family_indices(token_lists, known),
        known,
        relations,
        tuple(optima) if any(optima) else (),
        condition,
        pieces,
        law,
    )


_LEADING_ARROW = re.compile(r"\s*\\(?:long)?rightarrow(?![A-Za-z])")


# w_j \leftarrow ...: an update (gradient descent), the name it assigns and the arrow
_UPDATE = re.compile(
    r"\A\s*(?:\\[A-Za-z]+\{[A-Za-z]+\}|\\[A-Za-z]+|[A-Za-z])(?:_\{[^{}]*\}|_[A-Za-z0-9])?"
    r"\s*\\(?:long)?leftarrow(?![A-Za-z])"
)


def _update_target(body: str) -> str:
    """``w_j \\leftarrow w_j - \\eta \\frac{\\partial J}{\\partial w_j} = w_j + \\eta \\sum_i
    ...``: an update rule assigns, it claims nothing; the equation written after it is the
    row (the name and the arrow blanked, same length). A row with no equation after the arrow
    is left as it is (the arrow is then unsupported)."""
    m = _UPDATE.match(body)
    if m is None or "=" not in body[m.end() :]:
        return body
    return " " * m.end() + body[m.end() :]


def _leading_arrow(body: str) -> str:
    """A row that starts with ``\\rightarrow`` or ``\\longrightarrow`` (``\\rightarrow
    \\ell'(\\mu) = 0`` under the row it follows from) as one starting with ``\\Rightarrow``
    (``\\Longrightarrow``): the equation follows from the row before (README, notation table).
    Only at the start of a row: ``x \\rightarrow 0`` elsewhere stays unsupported. Same length:
    only the case of one letter changes."""
    m = _LEADING_ARROW.match(body)
    if m is None:
        return body
    r = body.index("rightarrow", m.start())
    if body[r - 4 : r] == "long":
        r -= 4
    return body[:r] + body[r].upper() + body[r + 1 :]


def _no_question(body: str, parts, offset: int) -> None:
    """``\\int e^{-x^2} dx = ?``: a side that is a question mark asks for a value instead of
    claiming one. Raises LatexError at the ``?``, saying so."""
    for start, end in parts:
        side = body[start:end]
        if side.strip() == "?":
            raise LatexError(
                "a question mark as a side ('= ?') asks for the value, it claims none: write "
                "the value the derivation finds (or the question in prose)",
                column=offset + start + side.index("?") + 1,
            )


# Relations a row is split at (outside brackets), as commands: what each means. Order
# relations and \propto relate two sides; arrows relate two equations (the one before the
# arrow and the one after it).
RELATIONS = {
    "le": "<=",
    "leq": "<=",
    "leqslant": "<=",
    "ge": ">=",
    "geq": ">=",
    "geqslant": ">=",
    "lt": "<",
    "gt": ">",
    "propto": "propto",
    "sim": "sim",  # X \sim \mathcal{N}(\mu, \sigma^2): a distribution stated, a given
    # \approx, \simeq before a decimal: approximately, to the digits written ("approx:2")
    "approx": "approx",
    "simeq": "approx",
    "Rightarrow": "implies",
    "Longrightarrow": "implies",
    "implies": "implies",
    "therefore": "implies",
    "iff": "iff",
    "Leftrightarrow": "iff",
    "Longleftrightarrow": "iff",
}
# The same relations typed as Unicode characters (≤ for \le, as a word processor writes them)
UNICODE_RELATIONS = {
    "≤": "<=",
    "≦": "<=",
    "⩽": "<=",
    "≥": ">=",
    "≧": ">=",
    "⩾": ">=",
    "∝": "propto",
    "≈": "approx",
    "⇒": "implies",
    "⟹": "implies",
    "⇔": "iff",
    "⟺": "iff",
}
_COMMAND = re.compile(r"\\([A-Za-z]+)")
APPROX = "approx"
# A decimal written out after \approx: its digits after the point say how close
_DECIMAL = re.compile(r"\s*-?\s*\d+(?:\.(\d+))?\s*")


def _approximation(body: str, part: tuple[int, int], offset: int) -> str:
    """The relation ``approx:N`` of ``\\approx`` (``\\simeq``) before the side ``part``: the
    side is a decimal written out with N digits after the point (``73.66``: 2, ``74``: 0).
    Raises UnsupportedLatex for any other side: how close is not written."""
    start, end = part
    m = _DECIMAL.fullmatch(body[start:end])
    if m is None:
        raise UnsupportedLatex(
            "not supported: an approximation (\\approx, \\simeq) before anything but a decimal "
            "written out (\\simeq 73.66: the digits written say how close)",
            column=offset + start + 1,
        )
    return f"{APPROX}:{len(m.group(1) or '')}"


_DELIMITER_SIZES = frozenset(
    {"left", "right", "middle", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr"}
)


def with_pieces(sides: tuple, parts: RowParts) -> tuple:
    """Each piecewise definition's placeholder made its Piecewise (eqchain.latex.piecewise)."""
    if not parts.pieces:
        return sides
    return tuple(substitute(side, dict(parts.pieces)) for side in sides)


def _with_optima(sides: tuple, parts: RowParts) -> tuple:
    """Each side read as an objective made ``ArgMax(objective, variable)`` (``ArgMin``)."""
    if not parts.optima:
        return sides
    out = []
    for side, optimum in zip(sides, parts.optima, strict=True):
        if optimum is None:
            out.append(side)
            continue
        sense, tokens = optimum
        (variable,) = parse_sides([tokens], parts.indices, parts.functions)
        if not isinstance(variable, (sp.Symbol, sp.Indexed)):
            raise LatexError(
                "an arg max is taken over one variable (a name)",
                column=tokens[0].column if tokens else None,
            )
        node = ArgMax if sense == "maximize" else ArgMin
        out.append(node(side, variable))
    return tuple(out)


_LAW_NAME = re.compile(r"\s*([A-Za-z])\s*:(?:\s|\\[;,:! ]|\\q?quad\b|~)*")


def _named_law(body: str) -> tuple[str | None, str]:
    """(P, the statement) for a row ``P: \\; X \\sim \\mathrm{Bern}(p_1)``: one letter and a
    colon before a distribution statement name the law it states (the statement is read as
    written, the name left out: blanked, so that columns stay). (None, ``body``) for any other
    row: a name and a colon before anything but one ``\\sim`` stay unsupported."""
    m = _LAW_NAME.match(body)
    if m is None or body.startswith("=", m.end()):
        return None, body
    rest = body[m.end() :]
    parts, _, relations = _split_relations(rest)
    if relations != ("", "sim") or not rest[parts[0][0] : parts[0][1]].strip():
        return None, body
    return m.group(1), " " * m.end() + rest


def _split_equals(body: str) -> tuple[list[tuple[int, int]], bool]:
    """Split at ``=`` (and ``:=``, ``\\coloneqq``) and the other relations outside brackets:
    (start, end) of each part and whether a ``:=`` was among them."""
    parts, definition, _ = _split_relations(body)
    return parts, definition


def relation_parts(text: str) -> tuple[list[tuple[int, int]], tuple[str, ...]]:
    """The sides of a row's text as (start, end) offsets in ``text`` and the relation before
    each (``""`` before the first), split as :func:`_split_relations` splits a row's body
    (the loader re-reads the links of a chain around a side that cannot be read)."""
    parts, _, relations = _split_relations(text)
    return parts, relations


# what may stand right before a wide space (an operator, an opening bracket, a script sign)
# or right after it (an operator, a closing bracket, a line end) without making a product; a
# bar | may open or close an absolute value, so it is neither (|x| \quad x > 0 is no product)
_OPEN_BEFORE = re.compile(
    r"(?:[-+*/(\[{,&^_]|\\(?:cdot|times|pm|mp|div|ast|circ|left|[bB]igg?l?|middle))\Z"
)
_CLOSE_AFTER = re.compile(
    r"\A(?:[-+*/)\]},&!^_']|\\(?:cdot|times|pm|mp|div|ast|circ|right|[bB]igg?r?|middle)"
    r"(?![A-Za-z])|\\\\)"
)
# a big operator with its scripts (\sum_{i=1}^{n}, \int_0^1, \lim_{x \to 0}, \arg\max_\theta)
# or a derivative's operator (\frac{d}{dx}) before a wide space: what follows is its operand
_SCRIPT = r"(?:\s*[_^]\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|\\[A-Za-z]+|[A-Za-z0-9]))*"
_OPERATOR_BEFORE = re.compile(
    r"(?:\\(?:sum|prod|int|iint|iiint|oint|lim|max|min|sup|inf|argmax|argmin|limsup|liminf)"
    r"(?:\s*\\(?:limits|nolimits))?"
    + _SCRIPT
    + r"|\\frac\s*\{\s*(?:d|\\partial|\\mathrm\{d\})\s*\}\s*\{[^{}]*\})\s*\Z"
)
# ... and an integral's differential after one (\int_0^1 x^2 \quad dx)
_DIFFERENTIAL_AFTER = re.compile(
    r"\A(?:d|\\mathrm\s*\{\s*d\s*\}|\\text\s*\{\s*d\s*\}|\\,)\s*(?:\\?[A-Za-z]+)?\s*\Z"
)


def _no_wide_space_product(text: str, body: str, parts, offset: int) -> None:
    """Reject a wide space (``\\quad``, ``\\qquad``, ``\\hspace``) outside brackets between two
    terms of one side: nobody sets a factor apart with one, so ``f(x) = x^2 \\quad x > 0`` is
    no chain through the product ``x^2 x`` (it was read so); two formulas side by side (two
    equations, two laws) were cut into rows before (``rows.beside_split``); a condition, a
    number or a proof's end after one was cut off (the body has them blank)."""
    for m in WIDE_SPACE.finditer(text):
        if depth_after(text[: m.start()]) != 0 or wide(m.group(0)) is False:
            continue
        for start, end in parts:
            if not start <= m.start() < end:
                continue
            before, after = body[start : m.start()].rstrip(), body[m.end() : end].lstrip()
            if not before or not after:
                break
            if _OPEN_BEFORE.search(before) or _CLOSE_AFTER.match(after):
                break
            if _OPERATOR_BEFORE.search(before):
                break  # \sum_{i=1}^{n} \quad 2 x_i, \frac{d}{dx} \quad x^2
            if "\\int" in before and _DIFFERENTIAL_AFTER.match(after):
                break  # \int_0^1 x^2 \quad dx
            if text[: m.start()].rstrip(" \t").endswith("\n") and (start, end) == parts[-1]:
                break  # a product's tail indented on the next line (an alignment's row joined)
            raise LatexError(
                "ambiguous: a wide space (\\quad, \\qquad, \\hspace) between two terms sets "
                "two formulas apart, never a factor: put a comma before a condition "
                "(f(x) = x^2, \\quad x > 0), write each equation in a row of its own, or write "
                "the product with \\cdot",
                column=offset + m.start() + 1,
            )


def _split_relations(body: str) -> tuple[list[tuple[int, int]], bool, tuple[str, ...]]:
    """Split at ``=`` (and ``:=``, ``\\coloneqq``), ``<``, ``>`` and the commands of
    ``RELATIONS`` outside brackets: (start, end) of each part, whether a ``:=`` was among them,
    and the relation before each part (``""`` before the first)."""
    parts, depth, start, definition = [], 0, 0, False
    relations = [""]
    # the escaped braces \{ \} group (an indicator's condition 1\{y = k\}, a set) when they
    # pair up; a \left\{ that a \right. closes (a cases block) does not count
    braces = body.count("\\{") == body.count("\\}")
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            if braces and body[i + 1 : i + 2] in ("{", "}"):
                depth += 1 if body[i + 1] == "{" else -1
                i += 2
                continue
            if body.startswith("\\coloneqq", i) and depth == 0:
                parts.append((start, i))
                relations.append("=")
                start, definition = i + len("\\coloneqq"), True
                i = start
                continue
            m = _COMMAND.match(body, i)
            if m and depth == 0 and m.group(1) in RELATIONS:
                parts.append((start, i))
                relations.append(RELATIONS[m.group(1)])
                start = i = m.end()
                continue
            if m and m.group(1) in _DELIMITER_SIZES:
                i = m.end()  # \left< is a bracket, never a relation
                while i < len(body) and body[i] == " ":
                    i += 1
                if i < len(body) and body[i] in "<>":
                    i += 1
                continue
            i += 2
            continue
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == ":" and depth == 0 and body.startswith(":=", i):
            parts.append((start, i))
            relations.append("=")
            start, definition = i + 2, True
            i += 2
            continue
        elif ch in "<=" and depth == 0 and body.startswith(("=>", "<=>"), i):
            # the ASCII arrows an author types for \Rightarrow and \Leftrightarrow
            arrow = 2 if ch == "=" else 3
            parts.append((start, i))
            relations.append(RELATIONS["Rightarrow" if ch == "=" else "Leftrightarrow"])
            start = i = i + arrow
            continue
        elif ch in UNICODE_RELATIONS and depth == 0:
            parts.append((start, i))
            relations.append(UNICODE_RELATIONS[ch])
            start = i = i + 1
            continue
        elif ch in "<>" and depth == 0:
            strict = not body.startswith("=", i + 1)
            parts.append((start, i))
            relations.append(ch if strict else ch + "=")
            start = i + (1 if strict else 2)
            i = start
            continue
        elif ch == "=" and depth == 0:
            parts.append((start, i))
            relations.append("=")
            start = i + 1
        i += 1
    parts.append((start, len(body)))
    return parts, definition, tuple(relations)


def _family_indices(token_lists, functions) -> frozenset[str]:
    """The letters a row writes as indices of a family of several letter indices, the document's
    (marks among ``functions``, load/document.py) or the row's own (``x_{pk}`` under
    ``\\sum_k``): :func:`eqchain.latex.names.family_letters`."""
    marks = frozenset(functions) | written_families(token_lists)
    # the document's index letters, and its bases written with one letter (a_n: names.single_mark)
    letters = frozenset(m for m in functions if m.startswith((INDEX_MARK, SINGLE_MARK)))
    # y_{11}: y[1, 1]; or ambiguous, when only y_{ij} says y may be a family
    families = frozenset(m for m in marks if m.startswith((FAMILY_MARK, NUMBERED_MARK)))
    return family_letters(token_lists, marks) | subscript_letters(token_lists) | letters | families


def _indices(body: str, indices) -> frozenset[str]:
    """Declared indices and the variables of the sums and products written in the formula."""
    found = set()
    for sub in _RANGE_SUBSCRIPT.findall(body):
        items = sub.strip("{}").split("=")[0].split(",")
        for item in items:
            m = _RANGE_NAME.fullmatch(item)
            if m:
                found.add(m.group(1))
    return frozenset(indices) | frozenset(found)


# -- safety ----------------------------------------------------------------------------------


def _check_text(text) -> None:
    if not isinstance(text, str):
        raise LatexError("a formula must be text")
    if len(text) > MAX_LENGTH:
        raise LatexError(f"formula too long (more than {MAX_LENGTH} characters)")


def _guarded(fn, text, offset, *args):
    """Run a reading step; turn the parser's and SymPy's own failures (deep recursion above
    all) into LatexError, so that callers only ever see LatexError."""
    try:
        return fn(text, offset, *args)
    except LatexError:
        raise
    except RecursionError:
        raise LatexError("formula nested too deeply to read", column=offset + 1) from None
    except Exception as err:  # noqa: BLE001 - anything else is a formula we cannot read
        raise LatexError(
            f"cannot read this formula ({type(err).__name__}: {err})", column=offset + 1
        ) from err
