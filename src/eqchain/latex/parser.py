"""eqchain's own reader of formulas: tokens in, unevaluated SymPy trees out.

A Pratt (precedence-climbing) parser over the tokens of :func:`eqchain.latex.tokens.tokenize`.
Precedence is data, in :data:`BINDING_POWER`; every construct is one small method; every error
is a :class:`LatexError` (or :class:`UnsupportedLatex`) at the column of the token that is wrong.

The trees follow the conventions the readers before this one produced (and that the checker,
the rules and the printer expect):

* the author's order and grouping: ``Add``/``Mul``/``Pow`` built with ``evaluate=False``;
  ``a + b + c`` is one ``Add``, a product of factors one ``Mul``, but a quotient
  (``\\frac{a}{b}``, ``a / b``) stays whole as ``Mul(a, Pow(b, -1))``;
* ``-x`` is ``Mul(-1, x)``, ``-2`` the number -2; ``a - b`` is ``Add(a, Mul(-1, b))``;
* juxtaposition binds tighter than ``\\cdot``, ``\\times``, ``/``, ``\\div`` (SymPy's grammar),
  and whenever that could be read two ways (``a / b c``) the formula is rejected;
* ``\\log`` is natural, ``\\log_b x`` is ``log(x)/log(b)``, ``e^{x}`` is ``exp(x)``;
* a sum or product takes as its body the product that follows it (up to ``+``/``-``, or up to
  a later ``\\sum``/``\\prod``/``\\int`` factor that does not use its index: two factors);
* names, subscripts and accents are :mod:`eqchain.latex.names`'s, derivative fractions
  :mod:`eqchain.latex.derivatives`'s, ellipses :mod:`eqchain.latex.ellipsis`'s.

The parser knows no assumptions: binding names to declared symbols is :mod:`eqchain.scope`'s job.
"""

from __future__ import annotations

from dataclasses import replace

import sympy as sp
from sympy.core.function import AppliedUndef

from eqchain.densities import density_named, density_value
from eqchain.errors import LatexError, UnsupportedLatex
from eqchain.latex import ellipsis, matrices
from eqchain.latex.applied import (
    SPELLED_FUNCTIONS,
    VARIANCE_MARK,
    bare_arguments,
    bare_names,
    expectation_mark,
    family_function,
    family_key,
    function_key,
    glued_to_a_letter,
    on_names,
    parameter_mark,
    several,
    spelled_function,
)
from eqchain.latex.commands import (
    ELLIPSIS,
    FUNCTIONS,
    GREEK,
    NAME_GROUPS,
    PROSE,
    STARRED,
    UNSUPPORTED,
    WORD_SUPERSCRIPT,
    without_a_body,
)
from eqchain.latex.decorations import MOMENT_WORDS
from eqchain.latex.decorations import law_name as _law_name
from eqchain.latex.derivatives import UPRIGHT_D, recognise, upright_d_at
from eqchain.latex.indicators import read_indicator
from eqchain.latex.names import (
    NameSpan,
    applied,
    bracketed_argument,
    combination_parts,
    how_to_declare,
    name_object,
    sample_superscripts,
    scan_name,
    starts_name,
    with_subscript,
)
from eqchain.latex.tokens import (
    Token,
    ambiguous_word,
    empty_braces_message,
    letter_run,
    match_brackets,
    power_of_group,
    upright_word_script,
)
from eqchain.latex.words import alone_names, word_mark
from eqchain.operators import (
    Event,
    Expectation,
    Given,
    Law,
    Normal,
    Prime,
    Sequence,
    SetIntegral,
    SetProduct,
    SetSum,
)
from eqchain.tree import put_in

# How tightly each infix operator binds its left operand. Juxtaposition (implicit
# multiplication) binds tighter than all of them; a sum's body is parsed at PRODUCT.
SUM, PRODUCT = 10, 20
BINDING_POWER = {
    ("char", "+"): SUM,
    ("char", "-"): SUM,
    ("char", "*"): PRODUCT,  # as in SymPy's grammar and in code: a product
    ("cmd", "cdot"): PRODUCT,
    ("cmd", "times"): PRODUCT,
    ("char", "/"): PRODUCT,
    ("cmd", "div"): PRODUCT,
}
_DIVISIONS = {("char", "/"), ("cmd", "div")}

# What may follow a function's argument written without parentheses (``\log x + 1``,
# ``\log x \log y``): anything else would be swallowed into the argument by some readers.
_ARGUMENT_ENDS_CHARS = "+-=)]},"
_ARGUMENT_ENDS_CMDS = FUNCTIONS | {"sum", "prod", "sqrt", "rfloor", "rceil", "int", "iint"}
# Commands after a braced group that bind no more tightly than the + or - inside it (spacing,
# relations, line and cell ends, tags): the group's braces change nothing before them
# (Parser._check_invisible_braces).
_LOOSE_AFTER_BRACES = frozenset(
    {"quad", "qquad", ",", ";", ":", " ", "!", "\\", "right", "end", "pm", "mp", "tag",
     "label", "nonumber", "notag", "text", "le", "leq", "ge", "geq", "lt", "gt", "neq", "ne",
     "approx", "equiv", "sim", "propto", "to", "rightarrow", "Rightarrow", "iff", "implies",
     "leftarrow", "mapsto", "in", "cdots", "ldots", "dots", "}"}
)  # fmt: skip

# \log and friends, by the SymPy class they build.
_FUNCTION_CLASSES = {
    "log": sp.log, "ln": sp.log, "exp": sp.exp, "sin": sp.sin, "cos": sp.cos, "tan": sp.tan,
    "sec": sp.sec, "csc": sp.csc, "cot": sp.cot, "sinh": sp.sinh, "cosh": sp.cosh,
    "tanh": sp.tanh, "coth": sp.coth, "arcsin": sp.asin, "arccos": sp.acos, "arctan": sp.atan,
}  # fmt: skip
# Well-known functions applied to one argument, by (command written, name): \Gamma(x) read as a
# function (declared, or inferred by eqchain.latex.applied) is the gamma function;
# \mathrm{erf}(x) and \operatorname{erf}(x) are the error function; \mathrm{sign}(x),
# \operatorname{sgn}(x) the sign function, -1, 0 or 1 for a real x (SymPy's sign, sign(0) = 0).
# A text command holding one of these names before parentheses, \text{sign}(x), is the same
# function (Parser._known_word).
# \mathrm{sech}, \operatorname{artanh}: the hyperbolic functions LaTeX has no command for (read
# as an unknown function sech before, and \mathrm{sech}^2(z) as a product).
_UPRIGHT_FUNCTIONS = {
    "erf": sp.erf, "sign": sp.sign, "sgn": sp.sign, "sech": sp.sech, "csch": sp.csch,
    "coth": sp.coth, "arsinh": sp.asinh, "arcsinh": sp.asinh, "arcosh": sp.acosh,
    "arccosh": sp.acosh, "artanh": sp.atanh, "arctanh": sp.atanh,
}  # fmt: skip
_KNOWN_FUNCTIONS = {
    ("Gamma", "Gamma"): sp.gamma,
    **{(command, name): f for name, f in _UPRIGHT_FUNCTIONS.items() for command in
       ("mathrm", "operatorname")},
}  # fmt: skip
_SPACING = {",", ";", "!", ":", " ", "quad", "qquad", "thinspace", "enspace", "medspace"}
# inverse functions whose values texts choose differently (arccot x for x < 0)
_TWO_CONVENTIONS = {"arccot", "arcsec", "arccsc", "arccosec"}
_OPERAND_COMMANDS = set(GREEK) | {
    "frac", "dfrac", "tfrac", "sqrt", "mathbf", "boldsymbol", "bm", "hat", "bar", "tilde",
    "widehat", "overline", "vec", "mathbb", "mathcal", "mathit",
}  # fmt: skip
_FACTOR_COMMANDS = {"frac", "sqrt", "binom", "sum", "prod", "infty", ELLIPSIS, "partial", "lfloor"}
_CLOSERS = {"rfloor", "rceil"}
MAX_NESTING = 200  # prefix operators nested deeper than this are never a real formula


def _no_runs(args: list, what: str, column: int) -> None:
    """Raise LatexError when a run ``a_1, \\ldots, a_n`` (a :class:`Sequence`, or events of
    one) is among ``args`` of ``what``, a function with a value: a run is an argument only of a
    function left opaque (``P(X_1, \\ldots, X_n)``), never a number to compute with."""
    for a in args:
        if isinstance(a, Sequence) or (isinstance(a, Event) and a.has(Sequence)):
            raise LatexError(
                f"a run a_1, \\ldots, a_n is no argument of {what}: it is read only as an "
                "argument of a function left opaque (P(X_1, \\ldots, X_n))",
                column=column,
            )


class BarVariableUnknown(LatexError):
    """An evaluation bar ``[F]_a^b`` whose variable nothing in its row determines: the reader
    of a document may try again with the variables of the row before (:func:`parse_sides`)."""


def parse_sides(
    token_lists: list[list[Token]],
    indices: frozenset[str],
    functions: frozenset[str],
    variables: frozenset = frozenset(),
) -> tuple:
    """Read each token list (one side of an equation) into an unevaluated SymPy expression.

    ``indices`` are letters read as separate indices in a subscript (``t_{nk}`` is ``t[n, k]``);
    ``functions`` are names applied to parenthesised arguments (``p(x)``). Ellipses are
    resolved once every side is read (their fresh index avoids every name of the formula).
    An evaluation bar ``[F]_a^b`` whose variable its subscript does not name takes the variable
    of integration of the row's integrals (on any side), else one of ``variables`` (those of
    the row before, given by the reader of a document), else F's one free variable that the
    bounds do not name (:meth:`Parser.evaluation_bar`).
    Raises LatexError (UnsupportedLatex) at the column of the first token it cannot read."""
    markers: dict[str, int] = {}
    token_lists = [sample_superscripts(tokens) for tokens in token_lists]  # x^{(i)}: x_{i}
    alone = names_alone(token_lists) | alone_names(functions)
    # what the formula (and, in a document, the document: in ``functions``) says of
    # transposes: the matrix names, and whether T is a scalar (eqchain.latex.matrices)
    functions = frozenset(functions) | matrices.document_marks(token_lists)
    sides: list = [None] * len(token_lists)
    around: set = set()
    pending = []
    for k, tokens in enumerate(token_lists):
        try:
            sides[k] = Parser(tokens, indices, functions, markers, alone).whole()
        except BarVariableUnknown:
            pending.append(k)  # read again once every side's integrals are known
            # ... its own among them ([F]_0^\infty + p \int_0^\infty ... dx on one side)
            probe = Parser(tokens, indices, functions, dict(markers), alone)
            probe.deferred_bars = True
            try:
                around |= integration_variables(probe.whole()) - {_DEFERRED_BAR}
            except LatexError:
                pass
            continue
        around |= integration_variables(sides[k])
    for k in pending:
        parser = Parser(token_lists[k], indices, functions, markers, alone)
        parser.bar_variables = frozenset(around or variables)
        sides[k] = parser.whole()
    if any(matrices.has_matrices(side) for side in sides):
        matrices.check_shapes(sides, _first_transpose_column(token_lists))
    if not markers:
        return tuple(sides)
    taken: set[str] = set()
    for side in sides:
        taken |= {s.name for s in side.atoms(sp.Symbol)}
        taken |= {str(b.label) for b in side.atoms(sp.IndexedBase)}
    taken -= set(markers)
    return tuple(ellipsis.resolve(side, markers, {}, taken) for side in sides)


def _first_transpose_column(token_lists) -> int | None:
    """The column of the formula's first ``^`` before a transpose (where a message on its
    shapes points), else of its first token."""
    for tokens in token_lists:
        partner = match_brackets(tokens)
        for k, tok in enumerate(tokens[:-1]):
            if (
                tok.is_char("^")
                and not matrices.is_limit(tokens, partner, k)
                and matrices.transpose_exponent(tokens, partner, k + 1)
            ):
                return tok.column
    return next((tokens[0].column for tokens in token_lists if tokens), None)


class Parser:
    """One side of a formula. ``pos`` is the index of the next token, ``end`` the index after
    the last token of the group being read (groups are read by narrowing ``end``)."""

    def __init__(
        self, tokens: list[Token], indices, functions, markers: dict[str, int], alone=frozenset()
    ):
        self.tokens = tokens
        self.alone = frozenset(alone)  # names the formula uses on their own (names_alone)
        self.partner = match_brackets(tokens)
        self.indices = frozenset(indices)
        self.functions = frozenset(functions)
        self.markers = markers
        self.pos = 0
        self.end = len(tokens)
        self.lo = 0  # where the group being read starts
        self.depth = 0
        self.primed_indices: list[sp.Symbol] = []  # \sum_{x'=0}: x' inside the body
        marks = self.functions
        # names read as vectors or matrices, and whether T is a scalar (matrices.py)
        self.matrix_names = frozenset(
            m[len(matrices.MATRIX_MARK) :] for m in marks if m.startswith(matrices.MATRIX_MARK)
        )
        self.scalar_t = matrices.SCALAR_T_MARK in marks
        self.declared_shapes = matrices.declared(marks)  # --assume "X matrix", "y vector"
        self.matrix_names |= set(self.declared_shapes)
        self.bar_variables: frozenset = frozenset()  # variables of integration around
        self.deferred_bars = False  # a bar whose variable is unknown takes _DEFERRED_BAR
        self.leaves_out = False  # the subscript being read is k \neq i (_excluded_index)

    # -- moving through the tokens -----------------------------------------------------------

    def whole(self):
        """The expression of all the tokens."""
        if not self.tokens:
            raise LatexError("an empty expression", column=1)
        return self.within(0, len(self.tokens))

    def within(self, lo: int, hi: int, what: str = "expression"):
        """The expression of ``tokens[lo:hi]`` (a bracket-balanced range), read to its end."""
        if lo >= hi:
            column = self.tokens[min(lo, len(self.tokens) - 1)].column if self.tokens else 1
            raise LatexError(f"an empty {what}", column=column)
        saved = self.pos, self.end, self.lo
        self.pos, self.end, self.lo = lo, hi, lo
        try:
            expr = self.expression(0)
            if self.pos < hi:
                raise self._unexpected(self.tokens[self.pos])
            return expr
        finally:
            self.pos, self.end, self.lo = saved

    def peek(self) -> Token | None:
        return self.tokens[self.pos] if self.pos < self.end else None

    def at(self, k: int) -> Token | None:
        return self.tokens[k] if k < self.end else None

    def _operand_follows(self, k: int) -> bool:
        """Whether an operand (a letter, a digit, a Greek letter, a fraction, a root, a bold
        or accented name) starts at ``k``, after spacing commands."""
        while (t := self.at(k)) is not None and t.kind == "cmd" and t.text in _SPACING:
            k += 1
        t = self.at(k)
        if t is None:
            return False
        return t.kind in ("letter", "digit") or (t.kind == "cmd" and t.text in _OPERAND_COMMANDS)

    # -- operators: the Pratt loop -------------------------------------------------------------

    def expression(self, min_power: int):
        """Operands joined by infix operators that bind more tightly than ``min_power``."""
        left = self.unary()
        while (tok := self.peek()) is not None:
            power = BINDING_POWER.get((tok.kind, tok.text))
            if power is None or power <= min_power:
                break
            self.pos += 1
            if (tok.kind, tok.text) in _DIVISIONS:
                self._check_divisor(tok)
            right = self.expression(power)  # left-associative: the right side binds tighter
            if (tok.kind, tok.text) not in _DIVISIONS and not tok.is_char("+-"):
                _check_bold_product([left, right], tok.column)
            left = _infix(tok, left, right)
        return left

    def unary(self):
        """A signed product of juxtaposed factors: ``-2 x y^2``."""
        tok = self.peek()
        if tok is None:
            raise LatexError("an operator without an operand after it", column=self._last_column())
        if tok.is_char("+-"):
            self.pos += 1
            self.depth += 1
            if self.depth > MAX_NESTING:
                raise LatexError("formula nested too deeply to read", column=tok.column)
            operand = self.unary()
            self.depth -= 1
            return operand if tok.text == "+" else mul(sp.Integer(-1), operand)
        start = self.pos
        factors = [self.factor()]
        while (tok := self.peek()) is not None and not self._ends_product(tok):
            if self._closing_bar_at(self.pos):
                return self.closing_bar(factors, start)  # F \Big|_{x=0}^{x=1}
            self._check_mixed_number(factors[-1], tok)
            factors.append(self.factor())
        if sum(matrices.matrix_valued(f) for f in factors) > 1:
            return matrices.chain(factors)  # one ordered product of vectors and matrices
        _check_bold_product(factors, self.tokens[start].column)
        result = factors[-1]
        for f in reversed(factors[:-1]):  # SymPy's grammar nests juxtaposition to the right
            result = mul(f, result)
        return result

    def _ends_product(self, tok: Token) -> bool:
        return (tok.kind, tok.text) in BINDING_POWER or tok.is_char(")]}")

    def factor(self):
        """One factor with its exponent and factorials: ``y_k^{t_k}``, ``(1 - y)^2``, ``n!``."""
        start = self.peek()
        base = self.primary()
        tok = self.peek()
        if tok is not None and tok.is_char("^") and self._transpose_at(self.pos, start, base):
            base = self._transposed(base, tok)
            tok = self.peek()
            if tok is not None and tok.is_char("^_"):
                raise LatexError(
                    "a script after a transpose: put the transpose in braces or parentheses",
                    column=tok.column,
                )
        if tok is not None and tok.is_char("^"):
            base = power(base, self.superscript())
        while (tok := self.peek()) is not None and tok.is_char("!"):
            if (nxt := self.at(self.pos + 1)) is not None and nxt.is_char("!"):
                raise UnsupportedLatex("not supported: double factorials !!", column=tok.column)
            self.pos += 1
            base = sp.factorial(base, evaluate=False)
        tok = self.peek()
        if tok is not None and tok.is_char("^"):
            raise LatexError(
                "put the factorial in parentheses before raising it to a power",
                column=start.column,
            )
        return base

    # -- primaries -----------------------------------------------------------------------------

    def primary(self):
        tok = self.peek()
        if (indicator := read_indicator(self)) is not None:
            return indicator
        if starts_name(tok):
            return self.name()
        if tok.kind == "digit":
            return self.number()
        if tok.kind == "char":
            return self.character(tok)
        return self.command(tok)

    def character(self, tok: Token):
        c = tok.text
        if c in "([":
            close = self.partner[self.pos]
            if close == self.pos + 1:
                raise LatexError("empty brackets", column=tok.column)
            self.pos = close + 1
            after = self.peek()
            if c == "[" and after is not None and after.is_char("_"):
                return self.evaluation_bar(close)
            if after is not None and after.is_char("'"):
                return self.primed_group(close)  # (x^2 e^x)', [x^2 e^x]
            return self._group(close)
        if c == "{":
            close = self.partner[self.pos]
            combination = self.combination(tok)
            if combination is not None:
                return combination
            if close == self.pos + 1:
                raise LatexError(empty_braces_message(self.tokens, self.pos + 2), column=tok.column)
            self.pos = close + 1
            choose = self._top_level(self.partner[close] + 1, close, "choose")
            if choose is not None:
                return self.choose(self.partner[close], choose, close)
            self._check_invisible_braces(self.partner[close], close)
            return self._group(close)
        if c == "^":
            raise LatexError("a superscript needs something before it", column=tok.column)
        if c == "_":
            if self._nothing_before(self.pos):  # _nC_k: a left subscript on nothing
                combination = self.combination(tok, bare=True)
                if combination is not None:
                    return combination
            raise LatexError("a subscript needs a name before it", column=tok.column)
        if c == "!":
            raise LatexError("a factorial needs something before it", column=tok.column)
        if c == "=":
            raise LatexError("'=' inside brackets", column=tok.column)
        if c == "'":
            raise UnsupportedLatex(
                "not supported: primes (f'); write the derivative as \\frac{d}{dx}",
                column=tok.column,
            )
        if c == "|":
            return self.absolute_value(tok)
        if c == "*":
            raise LatexError("'*' needs something before it", column=tok.column)
        if c in "<>":
            raise UnsupportedLatex(f"not supported: inequalities '{c}'", column=tok.column)
        if c == ":":
            if (
                self.lo == 0  # at the start of a side, not inside brackets
                and self.pos > 0
                and starts_name(self.tokens[0])
                and scan_name(self.tokens, 0, self.partner).end == self.pos
            ):  # P: X \sim \mathrm{Bern}(p): the law named P (statproofbook's KL pages)
                raise UnsupportedLatex(
                    "not supported: a name and ':' before anything but a distribution statement "
                    "('P: X \\sim D' states the law named P; 'P: X = 1' is no reading): write "
                    "it without the name, or in prose",
                    column=tok.column,
                )
            raise UnsupportedLatex(
                "not supported: ':' (write := for a definition)", column=tok.column
            )
        if c == ",":
            raise LatexError(
                "a comma outside a function's arguments or a subscript", column=tok.column
            )
        raise self._unexpected(tok)

    def evaluation_bar(self, close: int):
        """``\\left[ F \\right]_{a}^{b}``, ``[F]_{x=a}^{b}``, ``\\Big[ F \\Big]_a^b`` (``pos`` at
        the ``_`` after the closing bracket): F at the upper bound minus F at the lower bound,
        ``F(b) - F(a)`` (each F with the bound put in for the variable, the tree kept as
        written). An infinite bound is a limit, ``Limit(F, x, oo)``, never F at oo. The
        variable is the one the subscript names (``x=a``), else the one variable of
        integration of the integrals around it (this row's, or :attr:`bar_variables`: the
        previous row's) that F has, else the one free variable of F the bounds do not name;
        anything else is rejected, naming the candidates."""
        under = self.tokens[self.pos]
        variable, lower, upper, end = self._bar_scripts(self.pos, needs_upper=True)
        body = self.within(self.partner[close] + 1, close)
        self.pos = end
        return self._evaluated(body, variable, lower, upper, under)

    def left_bar(self, tok: Token):
        """``\\left. F \\right|_{t=0}``, ``\\left. F \\right|_{a}^{b}`` (the pair
        :func:`eqchain.latex.decorations.strip_decorations` keeps, ``pos`` at ``\\left``): F at
        the point, or F at the upper bound minus F at the lower, as for ``[F]_a^b``
        (:meth:`evaluation_bar`); a derivative in F by the variable is taken before the point
        is put in, ``Subs(Derivative(M(t), t), t, 0)``."""
        depth, k = 0, self.pos
        while k < self.end:
            t = self.tokens[k]
            if t.is_cmd("left"):
                depth += 1
            elif t.is_cmd("right"):
                depth -= 1
                if depth == 0:
                    break
            k = self.partner[k] + 1 if t.is_char("([{") else k + 1
        bar = self.at(k + 1)
        if k >= self.end or bar is None or not bar.is_char("|"):
            raise LatexError("\\left. without its \\right| in this group", column=tok.column)
        after = self.at(k + 2)
        if after is None or not after.is_char("_^"):
            raise LatexError(
                "an evaluation bar \\left. F \\right| needs its point: \\right|_{x=a}",
                column=bar.column,
            )
        variable, lower, upper, end = self._bar_scripts(k + 2, needs_upper=False)
        body = self.within(self.pos + 2, k, "expression before the evaluation bar")
        self.pos = end
        return self._evaluated(body, variable, lower, upper, self.tokens[k + 2])

    def closing_bar(self, factors: list, start: int):
        """``F \\Big|_{x=0}^{x=\\infty}``, ``F |_{t=0}`` (a bar with no partner, directly
        followed by its scripts; ``pos`` at the bar): the bar evaluates the product ``factors``
        before it, which must be all of its group but a sign, and it must end its term; else
        what it applies to is not written (``a + x^2 |_0^1``: x^2, or a + x^2?) and it is
        rejected."""
        bar = self.tokens[self.pos]
        signs_only = all(self.tokens[k].is_char("+-") for k in range(self.lo, start))
        variable, lower, upper, end = self._bar_scripts(self.pos + 1, needs_upper=False)
        after = self.at(end)
        if not signs_only or (after is not None and not after.is_char("+-")):
            raise LatexError(
                "ambiguous: what does this evaluation bar apply to? write "
                "\\left. F \\right|_{a}^{b} around all of it",
                column=bar.column,
            )
        body = factors[-1]
        for f in reversed(factors[:-1]):
            body = mul(f, body)
        self.pos = end
        return self._evaluated(body, variable, lower, upper, bar)

    def _bar_scripts(self, k: int, needs_upper: bool):
        """(variable or None, lower, upper or None, the index after them) of an evaluation bar's
        scripts at ``tokens[k]``: ``_{x=a}^{b}``, ``_{a}^{x=b}``, ``^{b}_{a}``, ``_{t=0}``. An
        infinite bound is the number +-oo."""
        scripts: dict[str, tuple[int, int]] = {}
        under = self.tokens[k]
        while (tok := self.at(k)) is not None and tok.is_char("_^") and tok.text not in scripts:
            what = "subscript" if tok.text == "_" else "superscript"
            lo, hi, k = self._argument_range(k + 1, f"an evaluation bar's {what}")
            scripts[tok.text] = (lo, hi)
        if needs_upper and "_" in scripts and "^" not in scripts:
            lo, hi = scripts["_"]
            if not any(self.tokens[j].is_char("=") for j in range(lo, hi)):
                raise LatexError(
                    "an evaluation bar [F]_a^b needs its upper bound after '^'; a bracket with "
                    "a subscript only may also be an entry of a vector ([x_n]_m, the m-th "
                    "entry of x_n), which is not read: write it as a name with its indices, "
                    "x_{n,m}",
                    column=under.column,
                )
        if "_" not in scripts or (needs_upper and "^" not in scripts):
            raise LatexError(
                "an evaluation bar [F]_a^b needs its upper bound after '^'"
                if "_" in scripts
                else "an evaluation bar needs its point or lower bound after '_'",
                column=under.column,
            )
        variables, bounds = [], []
        for script in ("_", "^"):
            if script not in scripts:
                bounds.append(None)
                continue
            lo, hi = scripts[script]
            signs = [j for j in range(lo, hi) if self.tokens[j].is_char("=")]
            if len(signs) > 1:
                raise LatexError("two '=' in an evaluation bar's subscript", column=under.column)
            if signs:
                variable = self.within(lo, signs[0], "variable of an evaluation bar")
                if not isinstance(variable, sp.Symbol):
                    raise LatexError(
                        "the variable of an evaluation bar is a name: [F]_{x=a}^{b}",
                        column=self.tokens[lo].column,
                    )
                variables.append(variable)
                lo = signs[0] + 1
            bounds.append(_infinite_limit(self.within(lo, hi, "bound")))
        if len(set(variables)) > 1:
            raise LatexError(
                "an evaluation bar's two bounds name two variables", column=under.column
            )
        return (variables[0] if variables else None), bounds[0], bounds[1], k

    def _evaluated(self, body, variable, lower, upper, under: Token):
        """F (``body``) at ``lower``, or at ``upper`` minus at ``lower``
        (:meth:`evaluation_bar`)."""
        if variable is None:
            variable = self._bar_variable(body, lower, lower if upper is None else upper, under)
        if any(variable in getattr(e, "variables", ()) for e in body.atoms(*_BINDING)):
            raise UnsupportedLatex(
                f"not supported: an evaluation bar in {variable} around an operator bound "
                f"by {variable}",
                column=under.column,
            )
        if upper is None:
            return _at_bound(body, variable, lower)
        return add(
            _at_bound(body, variable, upper), mul(sp.Integer(-1), _at_bound(body, variable, lower))
        )

    def _bar_variable(self, body, lower, upper, under: Token):
        """The variable an evaluation bar's bounds are for, when its subscript does not name
        it (:meth:`evaluation_bar`)."""
        free = {
            s
            for s in body.free_symbols
            if isinstance(s, sp.Symbol) and not any(s in i.indices for i in body.atoms(sp.Indexed))
        }
        if self.deferred_bars:
            return _DEFERRED_BAR  # a first reading, for the side's own integrals only
        around = {v for v in self.bar_variables if v in free}
        if len(around) == 1:
            return next(iter(around))
        candidates = free - lower.free_symbols - upper.free_symbols
        if len(candidates) == 1 and not around:
            return next(iter(candidates))
        named = ", ".join(sorted(str(s) for s in (around or candidates)))
        raise BarVariableUnknown(
            "which variable do the bounds of this evaluation bar stand for"
            + (f" ({named})" if named else "")
            + "? write it in the subscript: [F]_{x=a}^{b}, or write the integral in the row",
            column=under.column,
        )

    def absolute_value(self, bar: Token):
        """``|x|``: the absolute value of what stands between this bar and the next one at the
        same bracket depth. A bar that could open or close (``|a|b|c|``, ``|x - |y||``) is
        rejected; bars inside a call are conditioning (:meth:`conditioned_application`)."""
        k = self.pos + 1
        while k < self.end and not self.tokens[k].is_char("|"):
            k = self.partner[k] + 1 if self.tokens[k].is_char("([{") else k + 1
        if k >= self.end:
            raise UnsupportedLatex(
                "not supported: '|' without a closing '|' (conditioning outside a function's "
                "parentheses, such as p(x | \\theta))",
                column=bar.column,
            )
        if k == self.pos + 1:
            raise LatexError("an empty absolute value '||'", column=bar.column)
        last = self.tokens[k - 1]
        after = self.at(k + 1)
        juxtaposed = after is not None and not (
            (after.kind, after.text) in BINDING_POWER or after.is_char(")]},!^")
        )
        if (last.kind, last.text) in BINDING_POWER or (juxtaposed and self._bars() > 2):
            raise LatexError(
                "ambiguous: which '|' closes which? put an inner absolute value in parentheses, "
                "as in |x - (|y|)|, or write \\cdot between absolute values",
                column=self.tokens[k].column,
            )
        inner = self.within(self.pos + 1, k)
        self.pos = k + 1
        return sp.Abs(inner, evaluate=False)

    def _top_level(self, lo: int, hi: int, command: str) -> int | None:
        """Index of the first ``\\command`` in ``tokens[lo:hi]`` outside brackets, or None."""
        k = lo
        while k < hi:
            tok = self.tokens[k]
            if tok.is_cmd(command):
                return k
            k = self.partner[k] + 1 if tok.is_char("([{") else k + 1
        return None

    def escaped_braces(self, tok: Token):
        """``\\{ x - (\\mu + t) \\}^2``, ``\\Bigl\\{ ... \\Bigr\\}``: brackets that only group, as
        ``( )`` do. With a comma, a bar or a colon at their top level (``\\{a, b\\}``,
        ``\\{x | x > 0\\}``) they hold a set: not supported."""

        def no_set(t: Token) -> None:
            if t.is_char(",:") or _separator(t) is not None:
                raise UnsupportedLatex(
                    f"not supported: braces \\{{...\\}} around '{t.text}' (a set)",
                    column=tok.column,
                )

        k = self._escaped_close(self.pos, no_set)
        if k == self.pos + 1:
            raise UnsupportedLatex("not supported: the empty set \\{\\}", column=tok.column)
        inner = self.within(self.pos + 1, k)
        self.pos = k + 1
        if (after := self.peek()) is not None and after.is_char("'"):
            return self._primed(inner, tok)  # \{f(x) g(x)\}': as (f(x) g(x))'
        return inner

    def _top_level_char(self, lo: int, hi: int, chars: str) -> bool:
        """Whether one of ``chars`` stands in ``tokens[lo:hi]`` outside brackets."""
        k = lo
        while k < hi:
            tok = self.tokens[k]
            if tok.is_char(chars):
                return True
            k = self.partner[k] + 1 if tok.is_char("([{") else k + 1
        return False

    def combination(self, tok: Token, bare: bool = False):
        """``{}_{n}C_{k}`` (``{}_nC_k``, ``{}_n\\mathrm{C}_k``, ``{_n}C_k``; ``_nC_k`` with
        ``bare``), the binomial coefficient as Japanese textbooks write it, and ``{}_{n}P_{k}``,
        the number of k-permutations n!/(n-k)!; None (``pos`` kept) for braces or a subscript
        that are not so followed (README, notation table)."""
        found = combination_parts(self.tokens, self.partner, self.pos, self.end, bare)
        if found is None:
            return None
        (n_lo, n_hi), letter, (k_lo, k_hi), after = found
        n = self.within(n_lo, n_hi, "the n of {}_nC_k")
        k = self.within(k_lo, k_hi, "the k of {}_nC_k")
        self.pos = after
        if letter == "C":
            return sp.binomial(n, k, evaluate=False)
        return sp.ff(n, k, evaluate=False)

    def _nothing_before(self, k: int) -> bool:
        """Whether no atom stands before ``tokens[k]`` for TeX to set a script on: the start of
        the range read, or an operator (``1 + _nC_k``, ``2 \\cdot _nC_k``) whose script TeX sets
        on the sign and a reader sees on the letter after it; never a name, number, bracket or
        group (``2_nC_k`` is 2 with the subscript n)."""
        if k == self.lo:
            return True
        before = self.tokens[k - 1]
        return before.is_char("+-") or before.is_cmd("cdot", "times", "pm", "mp")

    def choose(self, open_: int, at: int, close: int):
        """``{n \\choose k}``: the binomial coefficient, as ``\\binom{n}{k}`` (plain TeX's
        spelling; the braces delimit it)."""
        if self._top_level(at + 1, close, "choose") is not None:
            raise LatexError("two \\choose in one group", column=self.tokens[at].column)
        lo, hi = at + 1, close
        if hi > lo and self.tokens[lo].is_char("{") and self.partner[lo] == hi - 1:
            lo, hi = lo + 1, hi - 1  # {n \\choose {k_1, k_2}}: the braces only group
        if self._top_level_char(lo, hi, ","):
            raise UnsupportedLatex(
                "not supported: the multinomial coefficient {n \\choose k_1, \\ldots, k_m} (its "
                "value n!/(k_1! \\cdots k_m!) is defined only where k_1 + \\cdots + k_m = n)",
                column=self.tokens[at].column,
            )
        top = self.within(open_ + 1, at, "top of \\choose")
        bottom = self.within(at + 1, close, "bottom of \\choose")
        return sp.binomial(top, bottom, evaluate=False)

    def _bars(self) -> int:
        """How many '|' stand at this bracket depth from ``pos`` to ``end``."""
        count, k = 0, self.pos
        while k < self.end:
            tok = self.tokens[k]
            count += tok.is_char("|")
            k = self.partner[k] + 1 if tok.is_char("([{") else k + 1
        return count

    def _check_invisible_braces(self, open_: int, close: int) -> None:
        """Braces only group for TeX: ``{a+b}c`` is typeset a+bc, which a reader reads
        a + b c. A braced group with a + or - between its terms is read as one operand only
        where that changes nothing (a term of a sum: ``c + {a+b} - d``); where something binds
        to it more tightly than its own + or - (a factor or ``\\cdot`` beside it, a script, a
        factorial, a prime, a minus before it) the formula is unreadable here (README, notation
        table: braces). The body of a big operator (``\\sum_{i}^{n} {a_i + b_i}``) is its
        operand as written and stays read."""
        k, binary = open_ + 1, False
        while k < close:
            tok = self.tokens[k]
            if k > open_ + 1 and (tok.is_char("+-") or tok.is_cmd("pm", "mp")):
                binary = True
                break
            k = self.partner[k] + 1 if tok.is_char("([{") else k + 1
        if not binary:
            return
        after = self.at(close + 1)
        before = self.tokens[open_ - 1] if open_ > 0 else None
        tight_after = after is not None and (
            after.is_char("^_!'({")
            or after.kind in ("letter", "digit")
            or (after.kind == "cmd" and after.text not in _LOOSE_AFTER_BRACES)
        )
        script_before = open_ >= 2 and self.tokens[open_ - 2].is_char("^_")
        tight_before = before is not None and (
            before.is_char("-)")
            or before.is_cmd("cdot", "times")
            or (before.kind in ("letter", "digit") and not script_before)
        )
        if tight_after or tight_before:
            raise LatexError(
                "braces only group: a reader sees the + or - inside them unbracketed; "
                "write parentheses (...) if they are meant, or drop the braces",
                column=self.tokens[open_].column,
            )

    def _group(self, close: int):
        """The expression inside brackets ``(...)``, ``[...]`` or grouping braces ``{...}``:
        the brackets only group."""
        open_index = self.partner[close]
        return self.within(open_index + 1, close)

    def command(self, tok: Token):
        name = tok.text
        if name in FUNCTIONS:
            return self.function(tok)
        if name == "frac":
            return self.fraction(tok)
        if name == "binom":
            self.pos += 1
            top = self.argument("\\binom")
            bottom = self.argument("\\binom")
            return sp.binomial(top, bottom, evaluate=False)
        if name == "sqrt":
            return self.square_root(tok)
        if name in ("sum", "prod"):
            return self.big_operator(tok)
        if name == "lim":
            return self.limit(tok)
        if name in ("int", "iint"):
            return self.integral(tok)
        if name == "infty":
            self.pos += 1
            return sp.oo
        if name in ("lfloor", "lceil"):
            return self.floor_or_ceiling(tok)
        if name == ELLIPSIS:
            self.pos += 1
            key = f"\u2026{len(self.markers)}"  # never a name LaTeX can spell
            self.markers[key] = tok.column
            return sp.Symbol(key)
        if name == "{":
            return self.escaped_braces(tok)
        if name == "left":  # kept by decorations only for an evaluation bar \left. F \right|
            return self.left_bar(tok)
        if name == "right":
            raise LatexError("\\right| without its \\left.", column=tok.column)
        if name == "mathbb":
            return self.blackboard(tok)
        if name == "langle":
            return self.angle_brackets(tok)
        if name == "partial":
            raise LatexError(
                "\\partial outside a derivative fraction \\frac{\\partial f}{\\partial x}",
                column=tok.column,
            )
        if name in ("cdot", "times", "div"):
            raise LatexError(f"\\{name} needs something before it", column=tok.column)
        if name in _CLOSERS:
            raise LatexError(f"\\{name} without its opening bracket", column=tok.column)
        if (
            name in ("max", "min")
            and (nxt := self.at(self.pos + 1)) is not None
            and nxt.is_char("(")
        ):
            # \max(0, z), \min(a, b, c): the largest (smallest) of the values listed, as
            # max(0, z) spelled without the backslash; \max_{\theta} f stays an optimisation
            return self.spelled(name, self.pos + 1)
        if name in UNSUPPORTED:
            raise UnsupportedLatex(f"not supported: {UNSUPPORTED[name]}", column=tok.column)
        if name in PROSE and (moment := self._moment_word(tok)) is not None:
            return moment
        if name in ("text", "textrm") and self._word_before_parentheses(self.pos):
            # \text{ELBO}(q, \theta): the operator's name as \mathrm{ELBO} writes it (the
            # decorations keep such a word, never prose)
            self.tokens[self.pos] = replace(tok, text="mathrm")
            return self.name()
        if name in ("text", "textrm") and (known := self._known_word(tok)) is not None:
            return known
        if name in PROSE:
            raise LatexError(
                "prose inside a formula: move it out of the formula", column=tok.column
            )
        if name == "\\":
            raise LatexError("a row break inside a formula", column=tok.column)
        if name == "choose":
            raise LatexError("\\choose needs braces around it: {n \\choose k}", column=tok.column)
        if name == "coloneqq":
            raise LatexError("':=' inside brackets", column=tok.column)
        if len(name) == 1 and not name.isalpha():
            raise LatexError(f"unexpected '\\{name}'", column=tok.column)
        raise LatexError(f"unknown LaTeX command \\{name}", column=tok.column)

    # -- names, numbers, functions -------------------------------------------------------------

    def name(self):
        """A name (:mod:`eqchain.latex.names`), a declared function applied to its arguments,
        or the derivative of one written with primes."""
        spelled = spelled_function(self.tokens, self.pos, self.end)
        if spelled is not None:
            return self.spelled(*spelled)
        word = self._word()
        if word is not None:
            return word
        span = scan_name(self.tokens, self.pos, self.partner, self.end)
        if span.end > self.end:
            raise LatexError("this name runs past the end of its group", column=span.column)
        j = span.end
        first = self.tokens[self.pos]
        operator_name = first.is_cmd("operatorname") or (
            first.is_cmd("mathrm") and len(span.base) > 1
        )
        nxt = self.at(j)
        if nxt is not None and nxt.is_char("'"):
            return self.primed(span, j, operator_name)
        if nxt is not None and nxt.is_char("(") and (group := self._parenthesised(j)) is not None:
            if (t := self.at(group[2])) is not None and t.is_char("'"):
                return self.primed(span, j, operator_name, trailing=True)  # f(x)'
        key, is_function, on_names_only = self._applied_as(span, operator_name)
        shown = span.key.replace("_{", "_").replace("}", "")
        if (
            operator_name
            and span.base in _UPRIGHT_FUNCTIONS
            and span.sub is None
            and not (nxt is not None and nxt.is_char("["))
            and not (nxt is not None and nxt.is_char("^"))  # \mathrm{sech}^2(z): below
            and self._parenthesised(j) is None
        ):
            # \operatorname{sign} x: the function, never a symbol sign times x
            raise UnsupportedLatex(
                f"not supported: \\{first.text}{{{span.base}}} without its argument in "
                f"parentheses: write \\{first.text}{{{span.base}}}(x)",
                column=span.column,
            )
        if operator_name and span.base in _TWO_CONVENTIONS:
            # arccot(-1) is 3 pi / 4 in calculus texts (range (0, pi)), -pi / 4 to SymPy
            raise UnsupportedLatex(
                f"not supported: \\{first.text}{{{span.base}}}: texts differ on its values at "
                "negative arguments (the range of arccot is (0, \\pi) in some, (-\\pi/2, "
                "\\pi/2] in others): write it through \\arctan, \\arcsin or \\arccos",
                column=span.column,
            )
        if (
            operator_name
            and len(span.base) > 1
            and span.sub is None
            and not _expectation_name(first, span.base)
            and self._parenthesised(j) is None
            and self._operand_follows(j)
        ):
            # \operatorname{arccot} 2x, \operatorname{tr} A, \mathrm{Var}\, X: an operator's
            # name set before its operand; read as a symbol times it, arccot 2x = 2 arccot x
            # was verified (red team s47)
            raise UnsupportedLatex(
                f"ambiguous: \\{first.text}{{{span.base}}} before an operand without "
                "parentheses may be that operator applied to it or a name times it: write "
                f"\\{first.text}{{{span.base}}}(x) for the operator, or "
                f"\\{first.text}{{{span.base}}} \\cdot x for a product",
                column=span.column,
            )
        if _expectation_name(first, span.base) and (
            (nxt is not None and nxt.is_char("["))
            or (first.kind == "cmd" and self._parenthesised(j) is not None)
        ):
            return self.expectation(span, j)
        if _expectation_name(first, span.base) and nxt is not None and nxt.is_char("^"):
            self._no_powered_expectation(j, shown, span.column)
        if nxt is not None and nxt.is_char("^"):
            applied_as = (key, is_function, on_names_only)
            powered = self._powered_application(span, j, first, operator_name, applied_as, shown)
            if powered is not None:
                return powered
        if operator_name and span.base in MOMENT_WORDS and span.base not in _MOMENTS:
            # \mathrm{var}(X), \operatorname{cov}(X, Y): the same operators as Var, Cov
            name = MOMENT_WORDS[span.base]
            span = NameSpan(name, span.sub, span.end, name, span.column)
        if (
            operator_name
            and span.base in _MOMENTS
            and ((nxt is not None and nxt.is_char("[")) or self._parenthesised(j) is not None)
        ):
            return self.moment(span, j)
        if (
            nxt is not None
            and nxt.is_char("[")
            and span.base == "V"
            and span.sub is None
            and first.kind == "letter"
            and span.key not in self.alone
            and VARIANCE_MARK in self.functions
            and j in self.partner
            and self._expectation_of_names(first, j + 1, self.partner[j])
        ):
            # V[X] in a document that writes E[...] as the expectation of X: the variance, as
            # Japanese texts write it (V[X] = E[X^2] - E[X]^2), never V times a bracket; V[1],
            # V[s] (a value table, a Bellman equation) are not
            return self.moment(NameSpan("Var", None, span.end, "Var", span.column), j)
        if nxt is not None and nxt.is_char("["):
            if operator_name and span.sub is None:
                return self.operator_brackets(span, j)
            if span.key in self.alone and span.base not in self.functions:
                # a scalar elsewhere in the formula: the brackets are a factor after it
                self.pos = j
                return self._value(span)
            raise LatexError(
                f"ambiguous: '{shown}[...]' may be an expectation or a product; write "
                f"'{shown} \\cdot [...]' or '{shown} (...)' for a product",
                column=span.column,
            )
        applied = self._application(span, j, first, key, is_function, on_names_only, shown)
        if applied is not None:
            return applied
        if (
            _expectation_name(first, span.base)
            and span.sub is None
            and span.base not in self.functions
            and nxt is not None
            and nxt.kind == "letter"
            and nxt.text in ("X", "Y", "Z")  # a random variable's letter (E I, E A: a product)
        ):
            # E X, E X^2 (Markov's inequality as written in a public note): the expectation of
            # X to a reader of probability, E times X to SymPy (refuted at E = -9/4)
            raise LatexError(
                f"ambiguous: '{shown} {nxt.text}' may be the expectation of {nxt.text} or a "
                f"product; write \\mathbb{{E}}[{nxt.text}] for the expectation, or "
                f"'{shown} \\cdot {nxt.text}' for a product",
                column=span.column,
            )
        self.pos = j
        return self._value(span)

    def _application(self, span, j, first, key, is_function, on_names_only, shown):
        """The name of ``span`` applied to the parenthesised group at ``j`` (moving past it), or
        None when it is no application (a product with the group: ``pos`` is left alone)."""
        group = self._parenthesised(j)
        if group is not None:
            open_, close, after = group
            if self._conditioned(open_, close):
                if (
                    _expectation_name(first, span.base)
                    and span.sub is None
                    and span.base not in self.functions
                    and span.key not in self.alone
                    and self._parameter_colon(open_, close) is None
                ):
                    # E(Y | X): the conditional expectation, as E[Y | X] (E is no function
                    # the document declares or defines; a product with a bar is no value)
                    return self.expectation(span, j)
                return self.conditioned_application(span, open_, close, after)
            listed = (
                span.sub is None
                and span.base not in ("e", "pi")
                and self._top_level_char(open_ + 1, close, ",=")
            )
            if on_names_only and self._bare_names(open_ + 1, close):
                is_function = True
            if on_names_only and not is_function and self._letters_only(open_ + 1, close):
                # P(Sick) where P(Pos | Sick) is the function P: the product P S i c k beside
                # it was read; an event's name written as letters is no reading eqchain makes
                raise LatexError(
                    f"ambiguous: '{shown}(...)' holds a word, and {shown} is applied to names "
                    "elsewhere: write the word as one name, \\mathit{...}, for an event or an "
                    f"argument, or '{shown} \\cdot (...)' for a product",
                    column=span.column,
                )
            if is_function or listed:
                # a name before a list of arguments, L(\mu, \sigma), or an event, P(X = x), is
                # applied to them: a product with a list or an event is no value
                self.pos = after
                args = self.arguments(open_, close)
                known = _KNOWN_FUNCTIONS.get((first.text if first.kind == "cmd" else "", span.base))
                if known is not None and span.sub is None and len(args) == 1:
                    _no_runs(args, f"\\{first.text}{{{span.base}}}", span.column)
                    return known(*args, evaluate=False)
                if known is not None and span.sub is None and span.base in _UPRIGHT_FUNCTIONS:
                    raise LatexError(
                        f"\\{first.text}{{{span.base}}}(...) takes one argument",
                        column=span.column,
                    )
                if self._operator_name(first, span) and span.base in FUNCTIONS and span.sub is None:
                    # \mathrm{exp}(x), \operatorname{log}(x): the function \exp, \log
                    if len(args) != 1:
                        raise LatexError(f"{span.base}(...) takes one argument", column=span.column)
                    _no_runs(args, span.base, span.column)
                    return apply_function(span.base, args[0])
                if self._in_family(span):
                    return self._family_member(span, key)(*args)
                name = key if is_function and key else span.base
                separators = self._parameters_written(name, open_, close, len(args))
                if separators:
                    return sp.Function(name, separators=separators)(*args)
                return sp.Function(name)(*args)
            if (
                _expectation_name(first, span.base)
                and span.sub is None
                and span.key not in self.alone
                and not self._bare_names(open_ + 1, close)
                and not glued_to_a_letter(self.tokens, self.pos)
            ):
                # E(X^2), E(\frac{1}{n} X_1): the expectation, as E[X^2] is (read as E times
                # X^2 before, the letter a number); E(X) stays ambiguous (a function of X?)
                return self.expectation(span, j)
            if (
                _expectation_name(first, span.base)
                and span.sub is None
                and span.key not in self.alone
                and not glued_to_a_letter(self.tokens, self.pos)
                and self._expectation_of_names(first, open_ + 1, close)
            ):
                # E(X) where the document writes E, in this style, as the expectation of X
                # elsewhere (E[X^2], E(X + c)) and never as a value or a function: that
                # expectation
                return self.expectation(span, j)
            if _expectation_name(first, span.base) and span.sub is None:
                raise LatexError(
                    f"ambiguous: '{shown}(...)' may be an expectation or a product; write "
                    f"\\mathbb{{E}}[...] for an expectation, {how_to_declare(span)}, or write "
                    f"'{shown} \\cdot (...)' for a product",
                    column=span.column,
                )
            if bare_arguments(self.tokens, open_ + 1, close, self.partner):
                raise LatexError(
                    f"ambiguous: '{shown}(...)' may be a function applied to its argument or a "
                    f"product; {how_to_declare(span)}, or write "
                    f"'{shown} \\cdot (...)' for a product",
                    column=span.column,
                )
        return None

    def _expectation_of_names(self, first, lo: int, hi: int) -> bool:
        """Whether the document writes E in the style of ``first`` as the expectation of every
        name of ``tokens[lo:hi]`` elsewhere (applied.expectation_mark)."""
        style = "italic" if first.kind == "letter" else "upright"
        names = {t.text for t in self.tokens[lo:hi] if t.kind in ("letter", "cmd")}
        return bool(names) and all(expectation_mark(style, n) in self.functions for n in names)

    @staticmethod
    def _operator_name(first, span) -> bool:
        """Whether the name is an upright operator name (``\\operatorname{...}``, a
        ``\\mathrm{...}`` of two letters or more)."""
        return first.is_cmd("operatorname") or (first.is_cmd("mathrm") and len(span.base) > 1)

    def _powered_application(self, span, j, first, operator_name, applied_as, shown):
        r"""``\sigma^2(0)`` with sigma a function of the document, ``\operatorname{sech}^2(z)``,
        ``\mathrm{ReLU}^2(x)`` (``j`` at the ``^``): the power of the function's value, as
        ``\sin^2(x)`` is; both were read as a product (sigma^2 times 0: ``\sigma^2(0) = 0`` was
        verified). A name that is no function there stays a product (``x^2(1 - x)``), but not
        before parentheses holding names only (``\sigma^2(x)``: the variance function at x, or
        sigma^2 times x?). None when no parenthesised group follows the exponent."""
        key, is_function, on_names_only = applied_as
        if span.base in ("e", "pi") and not is_function:
            return None
        saved = self.pos
        self.pos = j
        try:
            exponent = self.superscript()
        except LatexError:
            self.pos = saved
            return None
        at = self.pos
        group = self._parenthesised(at)
        self.pos = saved
        if group is None:
            if operator_name and span.base in _UPRIGHT_FUNCTIONS and span.sub is None:
                raise UnsupportedLatex(
                    f"not supported: \\{first.text}{{{span.base}}} without its argument in "
                    f"parentheses: write \\{first.text}{{{span.base}}}^2(x)",
                    column=span.column,
                )
            return None
        written = "".join(t.text for t in self.tokens[j + 1 : at])
        bare = self._bare_names(group[0] + 1, group[1])
        inside = [t for t in self.tokens[group[0] + 1 : group[1]] if t.kind != "space"]
        number = bool(inside) and all(t.kind == "digit" or t.is_char(".") for t in inside)
        if not (is_function or operator_name or (on_names_only and bare)):
            if bare or number:  # \Gamma^2(0): a value at 0, or Gamma^2 times 0?
                raise LatexError(
                    f"ambiguous: '{shown}^{written}(...)' may be the power of a function's value "
                    f"or a product; {how_to_declare(span)} (then it is ({shown}(...))^{written}), "
                    f"or write '{shown}^{written} \\cdot (...)' for a product",
                    column=span.column,
                )
            return None
        if not (exponent.is_Integer and exponent > 1) or not operator_name:
            # g^2(x) with g a function of the document: (g(x))^2 to an ML author, g(g(x)) in
            # dynamics; g^{-1}: the inverse. Upright operator names (\operatorname{sech}^2,
            # \mathrm{ReLU}^2) follow \sin^2: the power
            raise LatexError(
                f"ambiguous: '{shown}^{written}(...)' may be a power of the function's value or "
                f"another function (its inverse, an iterate): write ({shown}(...))^{written} for "
                f"the power, or {shown}({shown}(...)) for the iterate",
                column=span.column,
            )
        value = self._application(span, at, first, key, True, False, shown)
        if value is None:
            return None
        return power(value, exponent)

    def _word(self):
        """A run of letters the document names as one word (``BCE``, :mod:`eqchain.latex.words`)
        as that name, moving past it; None for any other name. Raises LatexError for a run that
        may be an operator name glued to letters (``logit``, ``xlogx``, ``cost``)."""
        end = letter_run(self.tokens, self.pos)
        if end is None or end - self.pos < 2 or end > self.end:
            return None
        text = "".join(t.text for t in self.tokens[self.pos : end])
        after = self.at(end)
        if word_mark(text) in self.functions and (after is None or not after.is_char("_'(")):
            self.pos = end
            return sp.Symbol(text)
        if ambiguous_word(text):
            raise LatexError(
                f"ambiguous: '{text}' may be an operator name glued to letters or a word; write "
                f"\\log, \\exp, \\sin, ... with a backslash and a space before the argument "
                f"(\\log x), or \\mathrm{{{text}}} for a name",
                column=self.tokens[self.pos].column,
            )
        return None

    def spelled(self, word: str, j: int):
        """``tanh(z)``, ``sigmoid(z)``, ``relu(z)``, ``max(0, z)``, ``Var(X)``: a function name
        written in letters without a backslash (:data:`eqchain.latex.applied.SPELLED_FUNCTIONS`),
        applied to the parentheses at ``tokens[j]``: ``\\tanh(z)``, the logistic function
        ``1 / (1 + e^{-z})``, ``max(0, z)``, ``\\mathrm{Var}(X)``."""
        column = self.tokens[self.pos].column
        kind = SPELLED_FUNCTIONS[word]
        if kind == "moment":
            name = MOMENT_WORDS[word]  # var(X) is Var(X), cov(X, Y) is Cov(X, Y)
            return self.moment(NameSpan(name, None, j, name, column), j)
        if self.tokens[j].is_cmd("left"):
            j += 1
        open_, close = j, self.partner[j]
        if close == open_ + 1:
            raise LatexError("empty parentheses", column=self.tokens[open_].column)
        if kind == "operator":
            # KL(q || p): the divergence, as \mathrm{KL}(q || p) (never K times L(q || p))
            span = NameSpan(word, None, j, word, column)
            if self._conditioned(open_, close):
                return self.conditioned_application(span, open_, close, close + 1)
            self.pos = close + 1
            return sp.Function(word)(*self.arguments(open_, close))
        args = self.arguments(open_, close)
        _no_runs(args, word, column)
        self.pos = close + 1
        if kind in ("max", "min"):
            if len(args) < 2:
                raise LatexError(f"{word}(...) needs two arguments or more", column=column)
            return (sp.Max if kind == "max" else sp.Min)(*args, evaluate=False)
        if len(args) != 1:
            raise LatexError(f"{word}(...) takes one argument", column=column)
        (arg,) = args
        if kind == "logistic":
            one = sp.Integer(1)
            return power(add(one, sp.exp(mul(sp.Integer(-1), arg), evaluate=False)), -one)
        if kind == "relu":
            return sp.Max(sp.Integer(0), arg, evaluate=False)
        return apply_function(word, arg)

    def _applied_as(self, span: NameSpan, operator_name: bool) -> tuple[str | None, bool, bool]:
        """(the function key of ``span``, whether it names a function, whether it names one only
        before parentheses that hold names: a name the document also uses as a value, p(x))."""
        key = self._function_key(span)
        # a subscripted name is a member of a family of functions where the document decided so
        # for the family (family_key: something binds a subscript, \sum_n E_n(w)), else a
        # function of its own name (M_X)
        keys = () if key is None else (key,) if span.sub is None else (key, family_key(span.base))
        is_function = (span.base not in ("e", "pi") or key in self.functions) and (
            (span.sub is None and (operator_name or span.base in self.functions))
            or (span.sub is not None and any(k in self.functions for k in keys))
        )
        on_names_only = not is_function and any(on_names(k) in self.functions for k in keys)
        return key, is_function, on_names_only

    def _in_family(self, span: NameSpan) -> bool:
        """Whether the subscripted name of ``span`` applied is a member of a family of functions
        (the document decided so for its family, :func:`eqchain.latex.applied.family_key`)."""
        if span.sub is None:
            return False
        family = family_key(span.base)
        return family in self.functions or on_names(family) in self.functions

    def _family_member(self, span: NameSpan, key: str | None):
        """The function a subscripted name before parentheses names (``E_n(w)``,
        ``\\gamma_{z_i}(k)``, ``p_X(x)``, ``f_{X,Y}(x, y)``): the member of a family of
        functions at the subscript's indices, read as the name's subscript is read elsewhere
        (``\\gamma_{z_i}`` at ``z[i]``, ``f_{X,Y}`` at X and Y), a callable that puts those
        indices first (:func:`eqchain.latex.applied.family_function`). A subscript that is a
        word (``w_{new}``, ``\\theta_{\\text{MAP}}``) names one function, ``w_new``."""
        member = self._object(span)
        if not isinstance(member, sp.Indexed):
            name = sp.Function(key or str(member))
            return name
        family = family_function(span.base, len(member.indices))
        indices = member.indices

        def applied(*args):
            return family(*indices, *args)

        return applied

    def _function_key(self, span: NameSpan) -> str | None:
        """The name of the function ``span`` names when applied (``f``, ``M_X``, ``q_phi``:
        :func:`eqchain.latex.applied.function_key`)."""
        sub = None if span.sub is None else self.tokens[span.sub[0] : span.sub[1]]
        return function_key(span.base, sub)

    # -- expectations ----------------------------------------------------------------------------

    def expectation(self, span: NameSpan, j: int):
        """``E[X]``, ``\\mathrm{E}[X]``, ``\\mathrm{E}(X)``, ``\\operatorname{E}[X]``,
        ``E_{x \\sim p}[f(x)]``, ``E_{p(x)}[f(x)]``: the expectation of what the brackets hold, an
        :class:`~eqchain.operators.Expectation` (never evaluated). ``j`` is the bracket's index;
        the subscript, when there is one, says what the expectation is over."""
        under, open_, close, after = self._operand(span, j)
        end, under = self._conditioned_operand(span, open_, close, under)
        body = self.within(open_ + 1, end)
        self.pos = after
        return _expectation(body, under, span.column)

    def _opens_a_term(self, k: int, open_: int) -> bool:
        """Whether the bar at ``k`` stands where a term starts: right after the bracket that
        opens at ``open_``, or after an operator (``E[2 + |X|]``), never after a term
        (``E[X | Y | Z]``)."""
        before = self.tokens[k - 1] if k - 1 > open_ else None
        return before is None or before.is_char("+-*/(=,") or before.is_cmd("cdot", "times")

    def _closes_a_term(self, k: int, close: int) -> bool:
        """Whether the bar at ``k`` can only close an absolute value: the last thing in the
        brackets that close at ``close``, or followed by a power or an operator (``E[a |X|]``,
        ``E[X |Y|^2]``); after it a term (``E[X | Y | Z]``) may be a condition's."""
        after = self.tokens[k + 1] if k + 1 < close else None
        return after is None or after.is_char("^+-*/),=") or after.is_cmd("cdot", "times")

    def _conditioned_operand(self, span: NameSpan, open_: int, close: int, under: tuple):
        """(where the argument ends, what the expectation is over) for the brackets of an
        expectation-like operator at ``open_`` and ``close``: with a bar at their top level
        (``\\mathbb{E}[Y \\mid X]``, ``E[Y | X, Z]``, ``\\mathrm{Var}(Y | X)``), the argument
        ends at the bar and the operator is conditioned on the names after it,
        ``Given((), X, Z)`` (:class:`~eqchain.operators.Given` without a variable of its own:
        what is conditioned on is held fixed, everything else may be random, as without the
        bar). Only names, family members and runs of them (``X_1, \\ldots, X_n``) are read
        after the bar; an event (``X = x``) or an expression is rejected there, as are two bars
        and a bar beside a subscript that already says what the expectation is over."""
        bars, norms, k = [], [], open_ + 1
        while k < close:
            tok = self.tokens[k]
            if tok.is_cmd("|", "Vert", "parallel"):
                norms.append(k)  # \| (Markdown's escaped bar, or a norm's), \Vert
            elif _separator(tok) in ("|", "\\mid", "\\vert"):
                bars.append(k)
            k = self.partner[k] + 1 if tok.is_char("([{") else k + 1
        if len(norms) == 1 and not bars:
            bars = norms  # E[Y \| X]: the bar Markdown escaped
        if not bars:
            return close, under  # E[\lambda \|w\|^2]: a norm, read (or rejected) as before
        what = _MOMENTS.get(span.base, "expectation")
        mids = [k for k in bars if _separator(self.tokens[k]) == "\\mid"]
        if (
            not mids
            and len(bars) == 2
            and (self._opens_a_term(bars[0], open_) or self._closes_a_term(bars[1], close))
        ):
            # E(|X - a|^2), E[a |X|]: an absolute value's two bars, no condition
            return close, under
        if not mids and len(bars) == 2:
            # E[X | Y | Z]: X given Y times Z, or X |Y| Z? (it was read as the latter)
            raise LatexError(
                f"ambiguous: two bars in this {what}: a condition and an absolute value, or an "
                "absolute value? write the conditioning bar as \\mid, or put the absolute "
                "value in parentheses",
                column=self.tokens[bars[0]].column,
            )
        if not mids and len(bars) > 2:
            raise LatexError(
                f"ambiguous: which bar of this {what} conditions it and which close an absolute "
                "value? write the conditioning bar as \\mid",
                column=self.tokens[bars[0]].column,
            )
        if len(mids) == 1:
            bars = mids + [k for k in bars if k not in mids and not self.tokens[k].is_char("|")]
        bar = bars[0]
        if len(bars) > 1 or _separator(self.tokens[bar]) not in ("|", "\\mid", "\\vert"):
            raise UnsupportedLatex(
                f"not supported: this conditional {what} (one bar, then the names it is "
                "conditioned on: E[Y \\mid X, Z])",
                column=self.tokens[bars[-1]].column,
            )
        if under:
            raise UnsupportedLatex(
                f"not supported: a conditional {what} with a subscript (write E[Y \\mid X] or "
                "E_{Y | X}[Y], not both)",
                column=self.tokens[bar].column,
            )
        if bar == open_ + 1 or bar + 1 == close:
            raise LatexError(
                f"a conditional {what} needs something on each side of its bar",
                column=self.tokens[bar].column,
            )
        conditions = self.arguments(bar, close)
        for c, item in zip(
            conditions, _top_items(self.tokens, self.partner, bar + 1, close), strict=False
        ):
            if not _conditioning_name(c):
                raise UnsupportedLatex(
                    f"not supported: a conditional {what} on anything but names (E[Y \\mid X], "
                    "E[Y \\mid X_1, \\ldots, X_n]); an event such as X = x, or an expression, "
                    "after the bar is not read",
                    column=self.tokens[item].column,
                )
        return bar, (Given(sp.Tuple(), *conditions),)

    def _operand(self, span: NameSpan, j: int):
        """(under, open, close, after) of an expectation-like operator whose brackets are at
        ``j``: what its subscript says, and where its brackets are."""
        under = self._expectation_subscript(span.sub) if span.sub is not None else ()
        group = self._parenthesised(j)
        if group is not None:
            open_, close, after = group
        else:
            open_, close = j, self.partner[j]
            after = close + 1
        if close == open_ + 1:
            raise LatexError(
                f"an empty {_MOMENTS.get(span.base, 'expectation')}",
                column=self.tokens[open_].column,
            )
        return under, open_, close, after

    def moment(self, span: NameSpan, j: int):
        """``\\operatorname{Var}[X]``, ``\\mathrm{Var}(X)``, ``\\mathbb{V}[X]``,
        ``\\mathrm{Cov}(X, Y)`` (with a subscript as an expectation's): read by their
        definitions through the expectation, ``Var[X] = E[(X - E[X])^2]`` and
        ``Cov(X, Y) = E[(X - E[X]) (Y - E[Y])]``, each expectation over what the subscript
        says."""
        under, open_, close, after = self._operand(span, j)
        if span.base == "Cov":
            end, under = self._conditioned_operand(span, open_, close, under)
            args = self.arguments(open_, end)
            _no_runs(args, "\\mathrm{Cov}", span.column)
            if len(args) != 2:
                raise LatexError(
                    "a covariance takes two arguments: \\mathrm{Cov}(X, Y)", column=span.column
                )
        else:
            end, under = self._conditioned_operand(span, open_, close, under)
            args = [self.within(open_ + 1, end)] * 2
        self.pos = after
        centred = [a - _expectation(a, under, span.column) for a in args]
        return _expectation(centred[0] * centred[1], under, span.column)

    def _moment_word(self, tok: Token):
        """``\\text{var}(X)``, ``\\text{Var}[X]``, ``\\textrm{cov}(X, Y)`` (a text command holding
        the name of the variance or covariance, directly before brackets): read as
        ``\\mathrm{Var}(X)`` (:meth:`moment`); None for any other text."""
        k = self.pos + 1
        if (o := self.at(k)) is None or not o.is_char("{"):
            return None
        close = self.partner[k]
        word = "".join(t.text for t in self.tokens[k + 1 : close])
        if word not in MOMENT_WORDS or not all(
            t.kind == "letter" for t in self.tokens[k + 1 : close]
        ):
            return None
        j = close + 1
        nxt = self.at(j)
        if nxt is None or not (nxt.is_char("[") or self._parenthesised(j) is not None):
            return None
        name = MOMENT_WORDS[word]
        return self.moment(NameSpan(name, None, j, name, tok.column), j)

    def _word_before_parentheses(self, k: int) -> bool:
        """Whether ``tokens[k]`` (a text command) holds one word of letters, two of them capitals
        (an operator's name, ``ELBO``), parentheses after its closing brace."""
        o = self.at(k + 1)
        if o is None or not o.is_char("{"):
            return False
        close = self.partner[k + 1]
        inner = self.tokens[k + 2 : close]
        after = self.at(close + 1)
        return (
            len(inner) >= 2
            and all(t.kind == "letter" for t in inner)
            and sum(t.text.isupper() for t in inner) >= 2
            and after is not None
            and after.is_char("(")
        )

    def _known_word(self, tok: Token):
        """``\\text{sign}(x)``, ``\\textrm{erf}(x)`` (a text command holding the name of a
        well-known function, ``_UPRIGHT_FUNCTIONS``, directly before parentheses): that function
        of its one argument, as ``\\mathrm{sign}(x)``; ``\\text{Exp}(\\lambda)`` (the name of a
        law of the table of densities) that law, as ``\\mathrm{Exp}(\\lambda)``; None for any
        other text."""
        k = self.pos + 1
        if (o := self.at(k)) is None or not o.is_char("{"):
            return None
        close = self.partner[k]
        letters = self.tokens[k + 1 : close]
        word = "".join(t.text for t in letters)
        law = len(word) > 1 and _law_name(word)
        if (word not in _UPRIGHT_FUNCTIONS and not law) or not all(
            t.kind == "letter" for t in letters
        ):
            return None
        group = self._parenthesised(close + 1)
        if group is None:
            return None
        open_, end, after = group
        self.pos = after
        args = self.arguments(open_, end)
        if law:  # X \sim \text{Exp}(\lambda): the law, as \mathrm{Exp}(\lambda) reads
            return sp.Function(word)(*args)
        if len(args) != 1:
            raise LatexError(f"\\{tok.text}{{{word}}}(...) takes one argument", column=tok.column)
        _no_runs(args, f"\\{tok.text}{{{word}}}", tok.column)
        return _UPRIGHT_FUNCTIONS[word](*args, evaluate=False)

    def blackboard(self, tok: Token):
        """``\\mathbb{E}[X]``, ``\\mathbb{E}_{x \\sim p}[f(x)]``, ``\\mathbb{E}(X)``: the
        expectation (``\\mathbb{V}``: the variance). Over a lower-case or Greek letter, or an
        accent over one (``\\mathbb{w}``, ``\\mathbb{\\theta}``, ``\\mathbb{\\hat{y_i}}``), a
        letter style, as ``\\mathbf``: a name of its own, ``mathbbw``, read by :meth:`name`
        (:func:`eqchain.latex.tokens.tokenize` marks it). An
        upper-case letter directly before parentheses (``\\mathbb{I}(x)``) but E, V, P and the
        number sets is an operator applied: the opaque ``Function('mathbbI')(x)``. Anything else
        is not supported (a set such as \\mathbb{R}, \\mathbb{P}, an operator without
        parentheses)."""
        k = self.pos + 1
        o, letter = self.at(k), self.at(k + 1)
        if o is not None and o.is_char("{") and letter is not None:
            close = self.partner[k]
            if (
                close == k + 2
                and letter.kind == "letter"
                and letter.text not in _BLACKBOARD_OPERATORS
                and self._parenthesised(close + 1) is not None
            ):
                open_, close_, after = self._parenthesised(close + 1)
                self.pos = after
                if self._conditioned(open_, close_):
                    # \mathbb{I}(x; y), \mathbb{H}(x | y): the separators kept, as for p(x | y)
                    args, separators = self._split_arguments(open_, close_)
                    self.pos = after
                    name = f"mathbb{letter.text}"
                    return sp.Function(name, separators=separators)(*args)
                return sp.Function(f"mathbb{letter.text}")(*self.arguments(open_, close_))
        if not (
            (o := self.at(k)) is not None
            and o.is_char("{")
            and (letter := self.at(k + 1)) is not None
            and letter.text in ("E", "V")
            and (c := self.at(k + 2)) is not None
            and c.is_char("}")
        ):
            raise UnsupportedLatex(f"not supported: {UNSUPPORTED['mathbb']}", column=tok.column)
        j = k + 3
        sub = None
        if (nxt := self.at(j)) is not None and nxt.is_char("_"):
            lo, hi, j = self._argument_range(j + 1, "the subscript of \\mathbb{E}")
            sub = (lo, hi)
        nxt = self.at(j)
        name = letter.text
        if (
            nxt is not None
            and name == "E"
            and not (nxt.is_char("[") or self._parenthesised(j) is not None)
        ):
            bare = self._bare_expectation(j, sub, tok)
            if bare is not None:
                return bare
        if nxt is None or not (nxt.is_char("[") or self._parenthesised(j) is not None):
            raise UnsupportedLatex(
                f"not supported: \\mathbb{{{name}}} without brackets after it; write "
                f"\\mathbb{{{name}}}[X]",
                column=tok.column,
            )
        if name == "V":
            return self.moment(NameSpan("Var", sub, j, "Var", tok.column), j)
        span = NameSpan("E", sub, j, "E", tok.column)
        return self.expectation(span, j)

    def _bare_expectation(self, j: int, sub, tok: Token):
        """``\\mathbb{E}_q \\log \\frac{a}{b}``: \\mathbb{E} without brackets is the expectation
        of the one term after it, up to the next ``+`` or ``-`` at its level or the end of the
        side (as a ``\\sum``'s body, ``\\log a + b``). None when nothing stands before that
        end (the caller says brackets are needed). Rejected as ambiguous: a term that is a
        product or holds another expectation (``\\mathbb{E} X Y``: E[XY] or E[X] Y?), and a
        sign after it that another ``\\mathbb{E}`` does not follow (``\\mathbb{E} X + 1``:
        E[X] + 1 or E[X + 1]?); ``\\mathbb{E}_q \\log a - \\mathbb{E}_q \\log b`` is read."""
        k = j
        while k < self.end:
            t = self.tokens[k]
            if t.is_char("+-") or t.is_cmd("pm", "mp"):
                break
            k = self.partner[k] + 1 if t.is_char("([{") else k + 1
        if k == j:
            return None
        if k < self.end and not self._starts_expectation(k + 1):
            raise LatexError(
                "ambiguous: where does the argument of \\mathbb{E} without brackets end, "
                "before this sign or after what follows it? write \\mathbb{E}[...] around it",
                column=tok.column,
            )
        under = self._expectation_subscript(sub) if sub is not None else ()
        body = self.within(j, k, "argument of \\mathbb{E}")
        if isinstance(body, sp.Mul) or body.atoms(Expectation):
            raise LatexError(
                "ambiguous: \\mathbb{E} without brackets before a product: the expectation of "
                "the product, or a factor of it? write \\mathbb{E}[...] around its argument",
                column=tok.column,
            )
        self.pos = k
        return _expectation(body, under, tok.column)

    def _starts_expectation(self, k: int) -> bool:
        """Whether ``tokens[k:]`` starts with ``\\mathbb{E}``."""
        o, letter = self.at(k + 1), self.at(k + 2)
        return (
            (t := self.at(k)) is not None
            and t.is_cmd("mathbb")
            and o is not None
            and o.is_char("{")
            and letter is not None
            and letter.text == "E"
        )

    def angle_brackets(self, tok: Token):
        """``\\langle X \\rangle``, ``\\langle f(x) \\rangle_{p(x)}``: the expectation (the
        physicists' notation). With a comma at its top level (``\\langle a, b \\rangle``) it is
        an inner product: not supported."""
        depth, k = 0, self.pos + 1
        while k < self.end:
            t = self.tokens[k]
            if t.is_cmd("langle"):
                depth += 1
            elif t.is_cmd("rangle"):
                if depth == 0:
                    break
                depth -= 1
            elif t.is_char(",") and depth == 0:
                raise UnsupportedLatex(
                    "not supported: inner products \\langle a, b \\rangle", column=tok.column
                )
            k = self.partner[k] + 1 if t.is_char("([{") else k + 1
        if k >= self.end:
            raise LatexError("\\langle without \\rangle", column=tok.column)
        if k == self.pos + 1:
            raise LatexError("an empty expectation", column=tok.column)
        body = self.within(self.pos + 1, k)
        j = k + 1
        under = ()
        if (nxt := self.at(j)) is not None and nxt.is_char("_"):
            lo, hi, j = self._argument_range(j + 1, "the subscript of \\rangle")
            under = self._expectation_subscript((lo, hi))
        self.pos = j
        return _expectation(body, under, tok.column)

    def _expectation_subscript(self, sub: tuple[int, int]) -> tuple:
        """What an expectation's subscript says: (v, D) for ``v \\sim D`` (v a name: the bound
        variable), else the subscript read as one expression (``x``, ``p(x)``)."""
        lo, hi = sub
        given = self._conditional_subscript(lo, hi)
        if given is not None:
            return (given,)
        names = self._names_listed(lo, hi)
        if names is not None:
            # E_{D, \varepsilon}: over several variables together (those names random, every
            # other held fixed, as under E_x: expectations._random_symbols)
            return (sp.Tuple(*names),)
        k, sim = lo, None
        while k < hi:
            t = self.tokens[k]
            if t.is_cmd("sim") and sim is None:
                sim = k
            elif _separator(t) is not None or t.is_char(","):
                raise UnsupportedLatex(
                    "not supported: this subscript of an expectation (write E_{z \\sim q} or "
                    "E_{q(z)})",
                    column=t.column,
                )
            k = self.partner[k] + 1 if t.is_char("([{") else k + 1
        if sim is None:
            return (self._distribution(lo, hi),)
        first = self.tokens[lo] if lo < sim else None
        if first is None or not starts_name(first):
            raise LatexError("a variable is missing before \\sim", column=self.tokens[sim].column)
        span = scan_name(self.tokens, lo, self.partner)
        if span.end != sim:
            raise LatexError(
                "only a variable may stand before \\sim in an expectation's subscript",
                column=first.column,
            )
        variable = self._object(span)
        if not isinstance(variable, (sp.Symbol, sp.Indexed)):
            raise LatexError(f"'{span.key}' cannot be a variable", column=first.column)
        return variable, self._distribution(sim + 1, hi)

    def _names_listed(self, lo: int, hi: int):
        """The names of a subscript that is two or more names separated by commas
        (``D, \\varepsilon``), or None."""
        items, start, k = [], lo, lo
        while k <= hi:
            if k == hi or self.tokens[k].is_char(","):
                if k == start or not starts_name(self.tokens[start]):
                    return None
                span = scan_name(self.tokens, start, self.partner)
                if span.end != k:
                    return None
                name = self._object(span)
                if not isinstance(name, (sp.Symbol, sp.Indexed)):
                    return None
                items.append(name)
                start = k + 1
            elif self.tokens[k].is_char("([{"):
                return None
            k += 1
        return items if len(items) > 1 else None

    def _conditional_subscript(self, lo: int, hi: int):
        """``E_{Z|X}``, ``E_{Z \\mid X, \\theta^0}`` (one bar at the top of the subscript, a
        name before it, expressions separated by commas after it): ``Given(Z, X, theta0)``;
        None without a bar. Raises LatexError for anything else with a bar (two bars, ``;``,
        ``\\sim``, several variables or no name before it, an empty condition)."""
        bars, k = [], lo
        while k < hi:
            t = self.tokens[k]
            if _separator(t) is not None:
                bars.append(k)
            k = self.partner[k] + 1 if t.is_char("([{") else k + 1
        if not bars:
            return None
        bar = bars[0]
        if len(bars) > 1 or _separator(self.tokens[bar]) not in ("|", "\\mid"):
            raise UnsupportedLatex(
                "not supported: this subscript of an expectation (one bar: E_{Z | X})",
                column=self.tokens[bars[-1]].column,
            )
        first = self.tokens[lo] if lo < bar else self.tokens[bar]
        span = scan_name(self.tokens, lo, self.partner) if starts_name(first) else None
        if span is None or span.end != bar:
            raise UnsupportedLatex(
                "not supported: a conditional expectation over anything but one name "
                "(write E_{Z | X})",
                column=first.column,
            )
        variable = self._object(span)
        if not isinstance(variable, (sp.Symbol, sp.Indexed)):
            raise LatexError(f"'{span.key}' cannot be a variable", column=first.column)
        ranges, start, k = [], bar + 1, bar + 1
        while k <= hi:
            if k == hi or self.tokens[k].is_char(","):
                if k == start:
                    column = self.tokens[min(k, hi - 1)].column
                    raise LatexError(
                        "an empty condition in an expectation's subscript", column=column
                    )
                ranges.append((start, k))
                start = k + 1
                k += 1
                continue
            if self.tokens[k].is_cmd("sim"):
                raise UnsupportedLatex(
                    "not supported: \\sim after the bar of an expectation's subscript",
                    column=self.tokens[k].column,
                )
            k = self.partner[k] + 1 if self.tokens[k].is_char("([{") else k + 1
        return Given(variable, *(self.within(a, b, "condition") for a, b in ranges))

    def _distribution(self, lo: int, hi: int):
        """What an expectation is over: ``p``, ``x``, ``\\mathcal{N}(0, 1)``, or ``p(x)``, a name
        applied to parentheses, which names a distribution there (never a product)."""
        if lo < hi and starts_name(self.tokens[lo]):
            span = scan_name(self.tokens, lo, self.partner)
            group = self._parenthesised(span.end) if span.end < hi else None
            if span.sub is None and group is not None and group[2] == hi:
                saved = self.functions
                self.functions = self.functions | {span.base}
                try:
                    law = self.within(lo, hi, "distribution")
                finally:
                    self.functions = saved
                if any(isinstance(a, (Sequence, Event)) for a in law.args):
                    return law  # a law of a run of members: a function left opaque
                if span.base == _GAUSSIAN and len(law.args) == 2 and not law.func._kwargs:
                    return Normal(*law.args)  # \mathcal{N}(\mu, \sigma^2): the Gaussian law
                if not law.func._kwargs and density_named(span.base, len(law.args)) is not None:
                    return Law(span.base, *law.args)  # \mathrm{Exp}(\lambda): a law by name
                return law
        return self.within(lo, hi, "distribution")

    def _object(self, span: NameSpan):
        return name_object(span, self.tokens, self.indices, self._index)

    def _value(self, span: NameSpan):
        """A name standing for a value: a matrix name of the document or formula (written
        transposed, or bold where a transpose is written) is ``MatrixName(x)``
        (:mod:`eqchain.latex.matrices`)."""
        value = self._object(span)
        key = matrices.name_key(span)
        if key in self.matrix_names and isinstance(value, (sp.Symbol, sp.Indexed)):
            if key in self.declared_shapes:
                return matrices.MatrixName(value, sp.Integer(self.declared_shapes[key]))
            return matrices.MatrixName(value)
        return value

    def _index(self, lo: int, hi: int):
        return self.within(lo, hi, "index")

    def arguments(self, open_: int, close: int) -> list:
        """The comma-separated arguments between the brackets at ``open_`` and ``close``; a run
        ``a_1, \\ldots, a_n`` among them is one argument (:meth:`_listed`)."""
        ranges, start, k = [], open_ + 1, open_ + 1
        while k <= close:
            if k == close or self.tokens[k].is_char(","):
                if k == start:
                    raise LatexError("an empty argument", column=self.tokens[k].column)
                ranges.append((start, k))
                start = k = k + 1
                continue
            k = self.partner[k] + 1 if self.tokens[k].is_char("([{") else k + 1
        return self._listed(ranges)

    def _listed(self, ranges: list[tuple[int, int]]) -> list:
        """The arguments at the token ranges ``ranges`` (one list between commas), with each
        ellipsis among them and its neighbours read as one run, ``Sequence(a, 1, n)``
        (:func:`eqchain.latex.ellipsis.argument_runs`)."""
        items, columns = [], {}
        for lo, hi in ranges:
            if hi == lo + 1 and self.tokens[lo].is_cmd(ELLIPSIS):
                columns[len(items)] = self.tokens[lo].column
                items.append(None)
            else:
                items.append(self._argument(lo, hi))
        return ellipsis.argument_runs(items, columns) if columns else items

    def _argument(self, lo: int, hi: int):
        """One argument of a function, ``tokens[lo:hi]``: an expression, or an event
        ``X = x`` (``P(X = x)``, ``P(X_i = x | Z_i = k)``, ``I(Z_i = k)``), an
        :class:`~eqchain.operators.Event` of its two sides as written."""
        signs, k = [], lo
        while k < hi:
            if self.tokens[k].is_char("="):
                signs.append(k)
            if self.tokens[k].is_cmd("{"):  # an indicator's \{x = y\} holds its own =
                k = self._escaped_close(k) + 1
                continue
            k = self.partner[k] + 1 if self.tokens[k].is_char("([{") else k + 1
        if not signs:
            return self.within(lo, hi)
        if len(signs) > 1:
            raise LatexError(
                "an event with two '=' (write one equality in each argument)",
                column=self.tokens[signs[1]].column,
            )
        (at,) = signs
        if at == lo or at + 1 == hi:
            raise LatexError("an event needs both its sides: X = x", column=self.tokens[at].column)
        left = self.within(lo, at, "side of an event")
        right = self.within(at + 1, hi, "side of an event")
        return Event(left, right)

    def _conditioned(self, open_: int, close: int) -> bool:
        """Whether the brackets hold a conditioning bar or a parameter semicolon at their top
        level: ``(x | \\theta)``, ``(x \\mid \\theta)``, ``(x \\| \\theta)``, ``(x; \\theta)``."""
        k = open_ + 1
        while k < close:
            if _separator(self.tokens[k]) is not None:
                return True
            k = self.partner[k] + 1 if self.tokens[k].is_char("([{") else k + 1
        return self._parameter_colon(open_, close) is not None

    def _parameter_colon(self, open_: int, close: int) -> int | None:
        """The index of the colon that separates a function's variables from its parameters,
        ``f_X(x:\\mu,\\sigma^2)``, read as the semicolon of ``p(x; \\theta)``: one colon at the
        top level of the brackets, with no bar or semicolon beside it, something before it and
        an expression after it (not ``=``: ``:=``). None where there is none. A set after it
        (``f(x : \\mathbb{R})``, a type) is not a parameter: rejected at the colon."""
        colons, k = [], open_ + 1
        while k < close:
            tok = self.tokens[k]
            if _separator(tok) is not None:
                return None
            if tok.is_char(":"):
                colons.append(k)
            k = self.partner[k] + 1 if tok.is_char("([{") else k + 1
        if len(colons) != 1:
            return None
        (k,) = colons
        if k == open_ + 1 or k + 1 == close or self.tokens[k + 1].is_char("=:"):
            return None
        after = self.tokens[k + 1]
        if after.is_cmd("mathbb", "R", "N", "Z", "Q", "C", "mathcal", "in", "subset"):
            raise UnsupportedLatex(
                "not supported: a colon before a set in a function's arguments ('x : "
                "\\mathbb{R}', a type); a colon before parameters, f(x : \\mu), is read as ';'",
                column=self.tokens[k].column,
            )
        return k

    def _parameters_written(self, name: str, open_: int, close: int, count: int) -> tuple:
        """``((position, ";"),)`` when the document applies ``name`` with its parameters after a
        semicolon (``f(x; \\lambda)``) and these parentheses write those very parameters at
        that position after commas (``f(x_i, \\lambda)``): the same function, its semicolon
        written as a comma; () otherwise (:func:`eqchain.latex.applied.parameter_mark`)."""
        marks = [m for m in self.functions if m.startswith(f"{name}(;")]
        if not marks:
            return ()
        texts: list[list[str]] = [[]]
        k = open_ + 1
        while k < close:
            tok = self.tokens[k]
            if tok.is_char(","):
                texts.append([])
            else:
                texts[-1].append(tok.text)
            k = self.partner[k] + 1 if tok.is_char("([{") and k in self.partner else k + 1
        if len(texts) != count:
            return ()
        for position in range(1, count):
            names = tuple("".join(t) for t in texts[position:])
            if parameter_mark(name, position, names) in self.functions:
                return ((position, ";"),)
        return ()

    def conditioned_application(self, span: NameSpan, open_: int, close: int, after: int):
        """``p(x | \\theta)``, ``p(x \\mid \\theta)``, ``p(x; \\theta)``,
        ``\\mathcal{L}(\\theta | D)`` (and ``p(x \\| \\theta)``, as Markdown escapes the bar): a
        function of all its
        arguments, whatever the name is declared as (nothing else reads a bar in a call).

        The arguments keep their roles: the function is ``Function(name, separators=...)``,
        where ``separators`` holds (position, bar as written) for each bar or semicolon, so
        ``p(x | \\theta)`` is not ``p(x, \\theta)`` and prints back as written."""
        name = span.base
        if span.sub is not None:
            # f_X(x; \mu): a function of its own name where the document applies it so (the
            # pre-pass: nothing binds its subscript), never a family's member
            key = self._function_key(span)
            own = key is not None and (key in self.functions or on_names(key) in self.functions)
            if own and not self._in_family(span):
                name = key
        if (span.sub is not None and name == span.base) or span.base in ("e", "pi"):
            raise UnsupportedLatex(
                "not supported: a conditioning bar after a subscripted name or a constant",
                column=span.column,
            )
        args, separators = self._split_arguments(open_, close)
        self.pos = after
        if separators == ((1, ";"),) and span.sub is None:
            # \mathcal{N}(x; \mu, \sigma^2), \mathrm{Exp}(x; \lambda): a density by name
            density = density_value(span.base, args[0], args[1:])
            if density is not None:
                _no_runs(args, f"the density {span.base}", span.column)
                return density
        return sp.Function(name, separators=separators)(*args)

    def _letters_only(self, lo: int, hi: int) -> bool:
        """Whether ``tokens[lo:hi]`` is one run of two or more letters written together
        (``Sick``, ``Pos``), nothing else."""
        run = self.tokens[lo:hi]
        return (
            len(run) > 1
            and all(t.kind == "letter" for t in run)
            and not any(t.space_before for t in run[1:])
        )

    def _split_arguments(self, open_: int, close: int) -> tuple[list, tuple]:
        """The arguments between the brackets at ``open_`` and ``close``, split at commas, bars
        and semicolons, and (position, separator as written) for each bar or semicolon. Two bars
        written together, ``||`` or ``\\vert\\vert`` (the double bar of a divergence,
        ``KL[P || Q]``), are one separator, as ``\\Vert`` and ``\\parallel`` are (one function
        whichever is written)."""
        args, separators, group, start, k = [], [], [], open_ + 1, open_ + 1
        colon = self._parameter_colon(open_, close)
        while k <= close:
            tok = self.tokens[k] if k < close else None
            bar = _separator(tok) if tok is not None else None
            if k == colon:
                bar = ";"  # f_X(x:\mu, \sigma^2) is f_X(x; \mu, \sigma^2)
            width = 1
            if (
                bar == "|"
                and tok.is_char("|")
                and k + 1 < close
                and self.tokens[k + 1].is_char("|")
            ):
                bar, width = "||", 2
            elif bar == "\\vert" and k + 1 < close and self.tokens[k + 1].is_cmd("vert"):
                bar, width = "||", 2  # D_{KL}(q \vert\vert p): the glyphs of ||
            if k == close or bar is not None or tok.is_char(","):
                if k == start:
                    column = self.tokens[k].column
                    raise LatexError("an empty argument before or after a bar", column=column)
                group.append((start, k))
                if k == close or bar is not None:  # a run never crosses a bar
                    args.extend(self._listed(group))
                    group = []
                if bar is not None:
                    separators.append((len(args), bar))
                start = k = k + width
                continue
            k = self.partner[k] + 1 if tok.is_char("([{") else k + 1
        return args, tuple(separators)

    def operator_brackets(self, span: NameSpan, j: int):
        """``\\mathrm{KL}[P \\| Q]``, ``\\mathrm{erf}[x]``, ``\\operatorname{Var}[X]``: an operator
        name (several upright letters) applied to what the square brackets at ``j`` hold, as
        before parentheses: an opaque function of its arguments, whose bars are kept as written
        (:meth:`conditioned_application`)."""
        close = self.partner[j]
        if close == j + 1:
            raise LatexError("empty brackets", column=self.tokens[j].column)
        args, separators = self._split_arguments(j, close)
        if separators:
            self.pos = close + 1
            return sp.Function(span.base, separators=separators)(*args)
        first = self.tokens[self.pos]  # the name's first token (\mathrm, \operatorname)
        self.pos = close + 1
        known = _KNOWN_FUNCTIONS.get((first.text if first.kind == "cmd" else "", span.base))
        if known is not None and len(args) == 1:  # erf[x] is erf(x): one reading of a name
            _no_runs(args, f"\\{first.text}{{{span.base}}}", span.column)
            return known(*args, evaluate=False)
        return sp.Function(span.base)(*args)

    def primed(self, span: NameSpan, j: int, operator_name: bool, trailing: bool = False):
        """``f'(x)``, ``f''(x)``, ``f'(0)``, ``M_X'(t)``, ``M'_X(t)`` (the prime before the
        subscript), ``h'(b_j)`` for a function f of the document (declared, defined or
        inferred): its derivative at the argument. A name for argument (``x``, ``b_j``) is the
        derivative by it, ``Derivative(f(x), x)``; anything else is the derivative at that
        point, ``Subs(Derivative(f(u), u), u, 0)`` (u a variable of its own, bound there). A
        prime on anything else (``x'``, an undeclared f, ``f'`` without its argument) and on a
        function of several arguments (``l'(p, q)``: a new name to its author, the
        derivative of nothing) is rejected. ``trailing``: the primes follow the parentheses,
        ``f(x)'``, read as ``f'(x)``."""
        order = 0
        while not trailing and (tok := self.at(j)) is not None and tok.is_char("'"):
            order, j = order + 1, j + 1
        bound = next((v for v in self.primed_indices if v.name == f"{span.base}'"), None)
        if bound is not None and span.sub is None and order == 1:
            self.pos = j  # x' inside \sum_{x'=0}: the sum's index
            return bound
        if span.sub is None and (tok := self.at(j)) is not None and tok.is_char("_"):
            span = with_subscript(NameSpan(span.base, None, j, span.base, span.column),
                                  self.tokens, self.partner)  # fmt: skip
            if span.end > self.end:
                raise LatexError("this name runs past the end of its group", column=span.column)
            j = span.end
        key, is_function, on_names_only = self._applied_as(span, operator_name)
        group = self._parenthesised(j)
        if not (is_function or on_names_only) or group is None:
            raise UnsupportedLatex(
                "not supported: primes (f') except on a function of the document applied to "
                "its argument, f'(x); write the derivative as \\frac{d}{dx}",
                column=span.column,
            )
        open_, close, after = group
        while trailing and (tok := self.at(after)) is not None and tok.is_char("'"):
            order, after = order + 1, after + 1
        if close == open_ + 1:
            raise LatexError("empty parentheses", column=self.tokens[open_].column)
        if (
            self._top_level_char(open_ + 1, close, ",")
            or self._conditioned(open_, close)
            or several(key or span.base) in self.functions
            or (span.sub is not None and several(family_key(span.base)) in self.functions)
        ):
            raise UnsupportedLatex(
                "not supported: a prime on a function of several arguments (f'(x, y), or f "
                "applied to several elsewhere in the document: no derivative of a function of "
                "one variable; a new name? the derivative by which argument?); write the "
                "derivative as \\frac{\\partial}{\\partial x} or name it anew",
                column=span.column,
            )
        argument = None
        if starts_name(self.tokens[open_ + 1]):
            named = scan_name(self.tokens, open_ + 1, self.partner)
            if named.end == close:
                argument = self._object(named)
        if on_names_only and not is_function and not isinstance(argument, (sp.Symbol, sp.Indexed)):
            raise UnsupportedLatex(
                f"ambiguous: '{span.base}' is also a value in this document: is {span.base}' a "
                "derivative or a new name? write the derivative as \\frac{d}{dx}",
                column=span.column,
            )
        name = self._family_member(span, key) if self._in_family(span) else sp.Function(key)
        self.pos = after
        if isinstance(argument, (sp.Symbol, sp.Indexed)):
            return derivative(name(argument), [(argument, order)], span.column, Prime)
        if trailing:
            # f(0)': the derivative of the number f(0) (0), or f'(0)? not guessed
            raise UnsupportedLatex(
                "ambiguous: a prime after a function's value at a point, f(0)': the derivative "
                "of that number, or f'(0)? write f'(0)",
                column=span.column,
            )
        point = self.within(open_ + 1, close, "argument")
        own = _fresh_variable()
        return sp.Subs(derivative(name(own), [(own, order)], span.column), own, point)

    def primed_group(self, close: int):
        """``(\\tanh x)'``, ``(x^2 e^x)''`` (``pos`` at the first prime): the derivative of what
        the parentheses hold by its one free variable. With none, or several (``(a x^2)'``: by
        x, or by a?), nothing in the formula says which variable the prime is for: rejected,
        naming the candidates."""
        return self._primed(self._group(close), self.tokens[self.partner[close]])

    def _primed(self, body, opening: Token):
        """The derivative of ``body`` (a bracket's content, ``pos`` at the first prime after
        it) by its one free variable, of the order the primes give (:meth:`primed_group`)."""
        order = 0
        while (tok := self.peek()) is not None and tok.is_char("'"):
            order, self.pos = order + 1, self.pos + 1
        free = sorted(_variables_of(body), key=str)
        if len(free) != 1:
            named = f" ({', '.join(str(v) for v in free)})" if free else ""
            raise UnsupportedLatex(
                "not supported: a prime on an expression with other than one variable"
                f"{named}: by which variable is (...)' the derivative? write "
                "\\frac{d}{dx}(...)",
                column=opening.column,
            )
        return derivative(body, [(free[0], order)], opening.column)

    def number(self):
        """Digits, with a decimal part: an exact Integer or Rational."""
        i = self.pos
        j = i + 1
        while (tok := self.at(j)) is not None and tok.kind == "digit" and not tok.space_before:
            j += 1
        text = "".join(t.text for t in self.tokens[i:j])
        dot, after = self.at(j), self.at(j + 1)
        if (
            dot is not None
            and after is not None
            and dot.is_char(".")
            and not dot.space_before
            and after.kind == "digit"
            and not after.space_before
        ):
            k = j + 1
            while (tok := self.at(k)) is not None and tok.kind == "digit" and not tok.space_before:
                k += 1
            text += "." + "".join(t.text for t in self.tokens[j + 1 : k])
            j = k
        if (tok := self.at(j)) is not None and tok.kind == "digit":
            raise LatexError(
                "two numbers side by side: write \\cdot between them", column=tok.column
            )
        self.pos = j
        return sp.Rational(text) if "." in text else sp.Integer(int(text))

    def function(self, tok: Token):
        """``\\log x``, ``\\log_2 x``, ``\\sin^2 x``, ``\\exp(...)``: the argument is a
        parenthesised group or one factor that nothing but an operator may follow."""
        name = tok.text
        self.pos += 1
        if (nxt := self.peek()) is not None and nxt.is_char("'"):
            return self._primed_function(tok)
        base = None
        if (nxt := self.peek()) is not None and nxt.is_char("_"):
            if name != "log":
                raise LatexError(f"\\{name} takes no subscript", column=nxt.column)
            self.pos += 1
            base = self.argument("the base of \\log")
        exponent = None
        if (nxt := self.peek()) is not None and nxt.is_char("^"):
            exponent = self.superscript()
            if exponent.is_negative or exponent.could_extract_minus_sign():
                # \sin^{-1} x is arcsin to most readers (it was read 1/\sin x)
                raise LatexError(
                    f"ambiguous: \\{name}^{{{exponent}}} may be the inverse function or a power "
                    "of the value: write the inverse by its name (\\arcsin x), or "
                    f"(\\{name} x)^{{{exponent}}} for the power",
                    column=nxt.column,
                )
        if self.peek() is None:
            raise LatexError(f"\\{name} without an argument", column=tok.column)
        group = self._parenthesised(self.pos) or self._bracketed_argument(self.pos)
        if group is not None:
            open_, close, after = group
            if open_ == close - 1:
                raise LatexError(f"\\{name} without an argument", column=tok.column)
            if self._top_level_char(open_ + 1, close, ","):
                raise LatexError(f"\\{name} takes one argument", column=tok.column)
            self.pos = after
            arg = self.within(open_ + 1, close)
        else:
            arg = self._argument_without_parentheses(tok)
        value = apply_function(name, arg, base)
        return value if exponent is None else power(value, exponent)

    def _primed_function(self, tok: Token):
        """``\\tanh'(x)``, ``\\sin''(t)``, ``\\log'(1 + x)`` (``pos`` at the first prime): the
        derivative of the function the command names, by the name in the parentheses, or at
        the point they hold, as ``f'(x)`` for a function of the document (:meth:`primed`).
        Without parentheses (``\\tanh' x``) the argument's extent is not said: rejected."""
        order = 0
        while (nxt := self.peek()) is not None and nxt.is_char("'"):
            order, self.pos = order + 1, self.pos + 1
        group = self._parenthesised(self.pos)
        if group is None:
            raise UnsupportedLatex(
                f"not supported: a prime on \\{tok.text} without parentheses: write "
                f"\\{tok.text}'(x)",
                column=tok.column,
            )
        open_, close, after = group
        if close == open_ + 1:
            raise LatexError(f"\\{tok.text} without an argument", column=tok.column)
        if self._top_level_char(open_ + 1, close, ","):
            raise LatexError(f"\\{tok.text} takes one argument", column=tok.column)
        argument = None
        if starts_name(self.tokens[open_ + 1]):
            named = scan_name(self.tokens, open_ + 1, self.partner)
            if named.end == close:
                argument = self._object(named)
        self.pos = after
        if isinstance(argument, (sp.Symbol, sp.Indexed)):
            applied = apply_function(tok.text, argument)
            return derivative(applied, [(argument, order)], tok.column)
        point = self.within(open_ + 1, close, "argument")
        own = _fresh_variable()
        inner = derivative(apply_function(tok.text, own), [(own, order)], tok.column)
        return sp.Subs(inner, own, point)

    def _argument_without_parentheses(self, tok: Token):
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise LatexError("formula nested too deeply to read", column=tok.column)
        signs = []
        while (nxt := self.peek()) is not None and nxt.is_char("+-"):
            signs.append(nxt.text)
            self.pos += 1
        if self.peek() is None or self._ends_product(self.peek()):
            raise LatexError(f"\\{tok.text} without an argument", column=tok.column)
        first = self.peek()
        letters = self._glued_letters()
        arg = letters if letters is not None else self.factor()
        self.depth -= 1
        greedy = first.is_cmd("sum", "prod")  # its body already took all it could
        nxt = self.peek()
        ends = (
            nxt is None
            or self._ends_argument(nxt)
            or self._closing_bar_at(self.pos)
            or self._evaluation_bracket_at(self.pos)
        )
        if ends and nxt is not None and nxt.is_cmd("exp") and tok.is_cmd("log", "ln"):
            # \ln \frac{1}{\sqrt{2\pi}\sigma} \exp(...): the log of a density to its author,
            # log(1/a) times exp(...) as read (as e^{...} after it, ambiguous)
            ends = False
        if not greedy and not ends:  # -\cos x \Big|_0^{\pi}: the bar closes \cos x
            raise LatexError(
                f"ambiguous argument of \\{tok.text}: write \\{tok.text}(...) around the whole "
                "argument, or put the other factors in front",
                column=tok.column,
            )
        for sign in reversed(signs):
            if sign == "-":
                arg = mul(sp.Integer(-1), arg)
        return arg

    def _evaluation_bracket_at(self, k: int) -> bool:
        """Whether ``tokens[k]`` opens an evaluation bracket ``[F]_{a}^{b}``: a factor of its
        own after a function's argument (``\\ln \\frac{b}{c} \\left[ x \\right]_{a}^{b}``)."""
        tok = self.at(k)
        if tok is None or not tok.is_char("["):
            return False
        after = self.at(self.partner[k] + 1)
        return after is not None and after.is_char("_")

    def _glued_letters(self):
        """``\\log ab``, ``\\log 2\\pi``, ``\\sin 2x``: single letters (Greek letters) written
        together, after a whole number or not, and nothing but an operator after them, are one
        argument, the product (TeX's convention for operator names, as in ``\\log ab = \\log a +
        \\log b`` and the Gaussian's ``-\\frac{n}{2} \\log 2\\pi``); None for anything else
        (``\\log a b``, ``\\log 2 \\pi`` stay ambiguous)."""
        k = self.pos
        while (tok := self.at(k)) is not None and tok.kind == "digit":
            if k > self.pos and tok.space_before:
                return None
            k += 1
        digits = k - self.pos
        while (tok := self.at(k)) is not None and (tok.kind == "letter" or tok.is_cmd(*GREEK)):
            if k > self.pos and tok.space_before:
                return None
            k += 1
        after = self.at(k)
        names = k - self.pos - digits
        if (
            names < (1 if digits else 2)
            or (after is not None and not self._ends_argument(after))
            or (after is not None and after.is_char("_^'"))
        ):
            return None
        factors = [
            self._object(NameSpan(t.text, None, j + 1, t.text, t.column))
            for j, t in enumerate(self.tokens[self.pos + digits : k], start=self.pos + digits)
        ]
        if digits:
            number = "".join(t.text for t in self.tokens[self.pos : self.pos + digits])
            factors.insert(0, sp.Integer(int(number)))
        self.pos = k
        result = factors[-1]
        for f in reversed(factors[:-1]):
            result = mul(f, result)
        return result

    def _ends_argument(self, tok: Token) -> bool:
        if tok.kind == "char":
            return tok.text in _ARGUMENT_ENDS_CHARS
        return tok.kind == "cmd" and tok.text in _ARGUMENT_ENDS_CMDS

    # -- scripts and arguments -------------------------------------------------------------------

    def superscript(self):
        """The exponent after ``^`` (at ``pos``): ``^{...}``, ``^2``, ``^k``, ``^\\infty``."""
        caret = self.tokens[self.pos]
        k = self.pos + 1
        tok = self.at(k)
        if tok is None:
            raise LatexError("'^' without an exponent", column=caret.column)
        self._check_exponent(self.pos, k)
        if tok.is_char("{"):
            close = self.partner[k]
            if close == k + 1:
                raise LatexError("an empty exponent", column=tok.column)
            value = self.within(k + 1, close)
            j = close + 1
        elif tok.kind == "digit":
            value, j = sp.Integer(int(tok.text)), k + 1
        elif tok.kind == "letter" or (tok.kind == "cmd" and tok.text in GREEK):
            value = self._object(NameSpan(tok.text, None, k + 1, tok.text, tok.column))
            j = k + 1
        elif tok.is_cmd("infty"):
            value, j = sp.oo, k + 1
        elif tok.kind == "cmd" and tok.text in UNSUPPORTED:
            raise UnsupportedLatex(f"not supported: {UNSUPPORTED[tok.text]}", column=tok.column)
        else:
            raise LatexError("put the exponent in braces: ^{...}", column=tok.column)
        if (nxt := self.at(j)) is not None and nxt.is_char("_"):
            raise LatexError(
                "write the subscript before the superscript (y_k^2)", column=nxt.column
            )
        if (nxt := self.at(j)) is not None and nxt.is_char("^"):
            raise LatexError("double superscript: write a^{b^{c}} or {(a^b)}^c", column=nxt.column)
        self.pos = j
        return value

    def _transpose_at(self, caret: int, start: Token, base) -> bool:
        """Whether the exponent after ``tokens[caret]`` is a transpose (README, notation table):
        ``\\top``, ``\\intercal``, ``\\mathrm{T}``, ``\\mathsf{T}`` always; a plain ``T`` after a
        bold name, or where the document (else the formula) writes T nowhere as a scalar.
        Moves ``pos`` past the exponent when it is one."""
        tokens = self.tokens
        if caret + 1 >= self.end:
            return False
        found = matrices.transpose_exponent(tokens, self.partner, caret + 1)
        if found is None:
            return False
        after, always = found
        euler = (
            caret >= 1
            and tokens[caret - 1].kind == "letter"
            and tokens[caret - 1].text == "e"
            and start is tokens[caret - 1]
        )
        if euler:
            return False
        bold = start.is_cmd(*matrices._BOLD)
        declared = base.func == matrices.MatrixName and len(base.args) == 2
        if not always and not bold and not declared and self.scalar_t:
            raise UnsupportedLatex(
                "ambiguous: ^T may be a transpose or a power by T (T is also a scalar in this "
                "document; write ^\\top or ^{\\mathsf{T}} for a transpose, or give the exponent "
                "another name for a power)",
                column=tokens[caret].column,
            )
        self.pos = after
        return True

    def _transposed(self, base, caret: Token):
        """The transpose of ``base``, which must be a vector or a matrix."""
        if not matrices.matrix_valued(base):
            raise LatexError(
                "a transpose of an expression with no vector or matrix in it (a vector or "
                "matrix is a name written transposed somewhere, or a bold name)",
                column=caret.column,
            )
        return matrices.Transposed(base)

    def _check_exponent(self, caret: int, k: int) -> None:
        """Reject superscripts that are not powers: ``x^{(i)}`` (the i-th sample), ``x^{[l]}``
        (a layer), transposes ``x^{\\mathsf{T}}``, ``\\mathbf{x}^T``."""
        tokens = self.tokens
        braced = tokens[k].is_char("{")
        inner = tokens[k + 1 : self.partner[k]] if braced else [tokens[k]]
        if len(inner) == 1 and (inner[0].is_char("*") or inner[0].is_cmd("ast", "star")):
            raise UnsupportedLatex(STARRED, column=inner[0].column)
        if braced and upright_word_script(tokens, self.partner, k):
            raise UnsupportedLatex(WORD_SUPERSCRIPT, column=inner[0].column)
        euler = (
            caret >= 1
            and tokens[caret - 1].kind == "letter"
            and tokens[caret - 1].text == "e"
            and not (caret >= 2 and tokens[caret - 2].is_char("_"))
        )
        fraction = any(t.is_char("/") or t.is_cmd("frac") for t in inner)
        # ^{(\sum_{i=1}^{n} x_i)}: a sum, product, integral or root labels no sample or layer
        operator = any(t.is_cmd("sum", "prod", "int", "sqrt") for t in inner)
        if (
            not euler  # e^{(a + b)} is a power: e has no samples or layers
            and not fraction  # ^{(1/2)}: no sample or layer is numbered by a fraction
            and not operator
            and not power_of_group(tokens, caret, inner)  # (1 - p)^{(n - k)}
            and braced
            and inner
            and inner[0].is_char("([")
            and self.partner[k + 1] == self.partner[k] - 1
        ):
            raise UnsupportedLatex(
                "not supported: a superscript in brackets such as x^{(i)} (an index, not a "
                "power); write x_i, or ^{...} without the brackets for a power",
                column=tokens[caret].column,
            )
        texts = [t.text for t in inner if not t.is_char("{}")]
        if texts in (["mathsf", "T"], ["mathrm", "T"], ["mathsf", "top"], ["mathbf", "T"]) or (
            texts in (["bm", "T"], ["boldsymbol", "T"])
        ):
            # read as the transpose before (Parser._transpose_at) unless e is its base or
            # the exponent is bold
            raise UnsupportedLatex(
                "not supported: this transpose (write ^\\top or ^{\\mathsf{T}} after a vector "
                "or matrix)",
                column=tokens[caret].column,
            )
        base = caret - 1
        while base >= 0 and tokens[base].is_char("}"):
            base = self.partner[base] - 1
        bold = base >= 0 and tokens[base].is_cmd("mathbf", "boldsymbol", "bm", "vec", "mathbb")
        if bold and texts == ["T"]:
            raise UnsupportedLatex(
                "not supported: transposes (a bold vector to the power T)",
                column=tokens[caret].column,
            )
        if texts in (["T"], ["top"], ["intercal"]) and not euler:
            # X^T, \beta^T, x^\top: in ML notation the transpose; a power by a symbol T is
            # possible too (\gamma^T), so the notation has no one reading: never guessed
            raise UnsupportedLatex(
                "ambiguous: ^T may be a transpose or a power by T (transposes are not read "
                "yet; for a power, give the exponent another name)",
                column=tokens[caret].column,
            )

    def _argument_range(self, k: int, what: str) -> tuple[int, int, int]:
        """(lo, hi, next) of a command's argument at ``tokens[k]``: ``{...}`` or one token."""
        tok = self.at(k)
        if tok is not None:
            if tok.is_char("{"):
                close = self.partner[k]
                if close == k + 1:
                    raise LatexError(f"{what} has an empty argument", column=tok.column)
                return k + 1, close, close + 1
            if tok.kind in ("digit", "letter") or tok.is_cmd("infty", *GREEK):
                return k, k + 1, k + 1
        column = self.tokens[min(k, self.end - 1)].column if self.end > 0 else 1
        raise LatexError(f"{what} needs its arguments in braces", column=column)

    def argument(self, what: str):
        """A command's argument at ``pos`` (``{...}`` or one token), read."""
        lo, hi, after = self._argument_range(self.pos, what)
        self.pos = after
        return self.within(lo, hi)

    def _no_powered_expectation(self, caret: int, shown: str, column: int) -> None:
        """``E^2[X]``, ``E^{2}(X)``: the square of an expectation to some authors, ``E^2``
        times the brackets to the letter of the formula (which read E as a number and
        refuted the variance identity). Rejected, naming both; ``E^2`` followed by anything
        else is a power of the letter E."""
        arg = self.at(caret + 1)
        if arg is None:
            return
        after = self.partner[caret + 1] + 1 if arg.is_char("{") else caret + 2
        tok = self.at(after)
        if tok is None:
            return
        if tok.is_char("[") or self._parenthesised(after) is not None:
            raise LatexError(
                f"ambiguous: '{shown}^...' before brackets may be a power of an expectation "
                f"((E[X])^2) or a power of {shown} times the brackets; write \\mathbb{{E}}[X]^2 "
                f"for the first, '{shown}^2 \\cdot (...)' for the second",
                column=column,
            )

    def _parenthesised(self, j: int) -> tuple[int, int, int] | None:
        """(open, close, after) of the parenthesised group at ``tokens[j]``: ``(...)``, or
        ``{(...)}`` as SymPy prints a function's argument (``\\log{\\left(x \\right)}``)."""
        tok = self.at(j)
        if tok is None:
            return None
        if tok.is_char("("):
            return j, self.partner[j], self.partner[j] + 1
        nxt = self.at(j + 1)
        if (
            tok.is_char("{")
            and nxt is not None
            and nxt.is_char("(")
            and self.partner[j + 1] == self.partner[j] - 1
        ):
            return j + 1, self.partner[j + 1], self.partner[j] + 1
        return None

    def _bracketed_argument(self, j: int) -> tuple[int, int, int] | None:
        """(open, close, after) of ``[...]`` at ``tokens[j]`` as a function's argument
        (``\\exp\\left[ -\\frac{x^2}{2} \\right]``, as parentheses); None when no bracket opens
        there, or when a subscript, superscript or prime follows it (``[F]_a^b`` is an
        evaluation bar, not the argument's end)."""
        return bracketed_argument(self.tokens, self.partner, j, self.end)

    def _bare_names(self, lo: int, hi: int) -> bool:
        """Whether ``tokens[lo:hi]`` is a comma-separated list of names (``x``, ``x, y_k``)."""
        return bare_names(self.tokens, lo, hi, self.partner)

    # -- fractions, roots, sums, floors ----------------------------------------------------------

    def fraction(self, tok: Token):
        """``\\frac{a}{b}`` (kept whole as a quotient), or a derivative fraction."""
        nlo, nhi, j = self._argument_range(self.pos + 1, "\\frac")
        dlo, dhi, j = self._argument_range(j, "\\frac")
        spec = recognise(self.tokens, (nlo, nhi), (dlo, dhi), self.partner)
        if spec is None and nlo < nhi and dlo < dhi:
            if self.tokens[nlo].is_cmd("delta") and self.tokens[dlo].is_cmd("delta"):
                # \frac{\delta}{\delta x}: a derivative to its author (a variation), 1/x to
                # the letter (which refuted d(x^2) = 2x)
                raise LatexError(
                    "ambiguous: \\frac{\\delta ...}{\\delta x} may be a derivative or a "
                    "fraction of \\delta's; write \\frac{d}{dx} or \\frac{\\partial}"
                    "{\\partial x} for a derivative",
                    column=tok.column,
                )
            if _only_the_letter_d(self.tokens, (dlo, dhi)) and _starts_with_d(
                self.tokens, (nlo, nhi)
            ):
                # \frac{d}{d}(x^3): a derivative without its variable, never d/d = 1 (read so,
                # \frac{d}{d}(x^3) = x^3 was verified)
                raise LatexError(
                    "a derivative without its variable: write \\frac{d}{dx}",
                    column=tok.column,
                )
        if spec is None:
            self.pos = j
            numerator = self.within(nlo, nhi)
            denominator = self.within(dlo, dhi)
            return mul(numerator, power(denominator, sp.Integer(-1)))
        variables = [(self._variable(span), order) for span, order in spec.variables]
        if spec.operand is not None:
            operand = self.within(*spec.operand)
            group = self._parenthesised(j)
            if group is not None and self._bare_names(group[0] + 1, group[1]):
                raise LatexError(
                    "ambiguous: a derivative at a point, or a product? write \\cdot for a product",
                    column=self.tokens[j].column,
                )
            self.pos = j
        else:
            operand = self._operand_after(tok, j)
        taken = derivative(operand, variables, tok.column)
        if spec.by_square:
            # by the chain rule, d f / d(sigma^2) = (d f / d sigma) / (2 sigma), sigma nonzero
            ((variable, _),) = variables
            return mul(taken, power(mul(sp.Integer(2), variable), sp.Integer(-1)))
        return taken

    def _operand_after(self, frac: Token, j: int):
        """What a derivative operator ``\\frac{d}{dx}`` applies to: a bracketed group (then
        only ``+``/``-`` may follow), or the rest of the term."""
        first = self.at(j)
        if first is None:
            raise LatexError(
                "a derivative operator needs something to differentiate after it",
                column=frac.column,
            )
        if first.is_char("([") or first.is_cmd("{"):
            # \frac{d}{dt} \{ a e^t + b \}: escaped braces group as brackets do
            close = self.partner[j] if first.is_char("([") else self._escaped_close(j)
            end = close + 1
            after = self.at(end)
            if after is not None and after.is_char("^"):
                # (1 + e^{-x})^{-1}: the group's power is what is differentiated
                script = self.at(end + 1)
                if script is None:
                    raise LatexError("a superscript needs a body", column=after.column)
                end = self.partner[end + 1] + 1 if script.is_char("{") else end + 2
                after = self.at(end)
            if after is not None and not after.is_char("+-"):
                raise LatexError(
                    "ambiguous: what does this derivative apply to? put all of it in parentheses",
                    column=after.column,
                )
            self.pos = end
            if first.is_cmd("{"):
                return self.within(j, end)  # read as escaped braces are (a set is rejected)
            return self.within(j + 1, close) if end == close + 1 else self.within(j, end)
        if first.is_char("+-"):
            raise LatexError(
                "a derivative operator needs something to differentiate after it",
                column=frac.column,
            )
        k = j
        while k < self.end:
            tok = self.tokens[k]
            if tok.is_char("+-") and k > j:
                break
            if k > j and self._closing_bar_at(k):
                break  # \frac{d}{dx} x^2 \Big|_{x=1}: the bar closes the derivative too
            if tok.is_char("|") and (close := self._partner_bar(k)) is not None:
                k = close + 1  # \frac{d}{dx} |x - 1|: the + or - between the bars is inside
                continue
            k = self.partner[k] + 1 if tok.is_char("([{") else k + 1
        self.pos = k
        return self.within(j, k)

    def _escaped_close(self, j: int, at_top=None) -> int:
        """The ``\\}`` closing the ``\\{`` at ``tokens[j]`` (braces nested in it counted);
        ``at_top(token)`` sees each token at its top level (it may raise)."""
        depth, k = 0, j + 1
        while k < self.end:
            t = self.tokens[k]
            if t.is_cmd("{"):
                depth += 1
            elif t.is_cmd("}"):
                if depth == 0:
                    return k
                depth -= 1
            elif depth == 0 and at_top is not None:
                at_top(t)
            k = self.partner[k] + 1 if t.is_char("([{") else k + 1
        raise LatexError("\\{ without \\}", column=self.tokens[j].column)

    def _partner_bar(self, k: int) -> int | None:
        """The bar closing the absolute value that ``tokens[k]`` opens, as
        :meth:`absolute_value` finds it (the next bar at the same bracket depth); None when
        there is none."""
        m = k + 1
        while m < self.end and not self.tokens[m].is_char("|"):
            m = self.partner[m] + 1 if self.tokens[m].is_char("([{") else m + 1
        return m if m < self.end else None

    def _closing_bar_at(self, k: int) -> bool:
        """Whether ``tokens[k]`` is a bar with no partner directly followed by its scripts,
        ``\\Big|_{x=0}^{1}``: an evaluation bar closing the product before it
        (:meth:`closing_bar`)."""
        tok, nxt = self.at(k), self.at(k + 1)
        return tok is not None and tok.is_char("|") and nxt is not None and nxt.is_char("_^")

    def _variable(self, span: NameSpan):
        if matrices.name_key(span) in self.matrix_names:
            raise UnsupportedLatex(
                "not supported: a derivative by a vector or matrix (matrix calculus); eqchain "
                "reads derivatives by one variable: write it by the entries, "
                "\\frac{\\partial S}{\\partial w_j}",
                column=span.column,
            )
        value = self._object(span)
        if not isinstance(value, (sp.Symbol, sp.Indexed)):
            raise LatexError(
                f"cannot differentiate with respect to '{span.base}'", column=span.column
            )
        return value

    def square_root(self, tok: Token):
        """``\\sqrt{x}`` is x^(1/2); ``\\sqrt[n]{x}`` is x^(1/n); ``\\sqrt \\frac{a}{b}`` (no
        braces, as MathJax renders it) is the square root of the fraction."""
        self.pos += 1
        degree = None
        if (nxt := self.peek()) is not None and nxt.is_char("["):
            close = self.partner[self.pos]
            degree = self.within(self.pos + 1, close)
            self.pos = close + 1
        nxt = self.peek()
        if nxt is not None and nxt.is_cmd("frac", "dfrac", "tfrac") and self._plain_fraction():
            # \sqrt \frac{a}{b}: MathJax takes the fraction as the argument; one reading
            radicand = self.fraction(nxt)
        else:
            radicand = self.argument("\\sqrt")
        if degree is None:
            return power(radicand, sp.Rational(1, 2))
        return power(radicand, sp.Pow(degree, -1, evaluate=False))

    def _plain_fraction(self) -> bool:
        """Whether the ``\\frac`` at ``pos`` is a quotient of two braced or one-token
        arguments, no derivative (``\\frac{d}{dx}`` takes an operand after it)."""
        try:
            nlo, nhi, j = self._argument_range(self.pos + 1, "\\frac")
            dlo, dhi, _ = self._argument_range(j, "\\frac")
        except LatexError:
            return False
        return recognise(self.tokens, (nlo, nhi), (dlo, dhi), self.partner) is None

    def big_operator(self, tok: Token):
        """``\\sum_{k=1}^{K} body`` and ``\\prod``: the body is the product after the limits.

        Without written limits (``\\sum_k``, ``\\sum_{i,j}``, ``\\sum_{i}^{N}``) each index runs
        from 1 to its upper bound, or to the symbol ``n_k`` (for index k) when none is written:
        an index set left abstract, named in the reading."""
        usage = f"\\{tok.text} needs its range: \\{tok.text}_{{k=1}}^{{K}} or \\{tok.text}_{{k}}"
        self.pos += 1
        member = self._member_subscript(tok)
        if member is not None:
            return self._over_set(tok, *member)
        variables, lower, upper, shift = None, None, None, sp.Integer(0)
        excluded = None
        for _ in range(2):
            nxt = self.peek()
            if nxt is not None and nxt.is_char("_") and variables is None:
                excluded = self._excluded_index(tok)
                variables, lower, shift = self._subscript_range(tok, usage)
            elif nxt is not None and nxt.is_char("^") and upper is None:
                self.pos += 1
                brace = self.peek()
                if (
                    brace is not None
                    and brace.is_char("{")
                    and self.partner[self.pos] == self.pos + 1
                ):
                    self.pos += 2  # \prod_{i}^{}: an empty upper bound typesets nothing
                    continue
                upper = self.argument(f"\\{tok.text}")
        if variables is None and upper is None:
            return self._big_operator_over_its_body_index(tok, usage)
        if variables is None or (lower is not None and upper is None):
            raise LatexError(usage, column=tok.column)
        if upper is not None and len(variables) > 1:
            raise LatexError(
                f"\\{tok.text} over several indices with one upper bound: give each index its "
                f"range (\\{tok.text}_{{i=1}}^{{N}} \\{tok.text}_{{j=1}}^{{N}})",
                column=tok.column,
            )
        if self.peek() is None or self.peek().is_char(")]}"):
            raise LatexError(without_a_body(tok.text), column=tok.column)
        start = self.pos
        primed = [v for v in variables if v.name.endswith("'")]
        self.primed_indices += primed
        try:
            body = self.expression(SUM)
        finally:
            del self.primed_indices[len(self.primed_indices) - len(primed) :]
        first = self.tokens[start]
        if first.is_char("([{") and self.partner.get(start) == self.pos - 1:
            after = None  # a body in brackets is the whole body: (2 \sum_k x) stays inside
        else:
            body, after = _body_and_next_operator(body, variables)
            self._index_after_body(tok, variables)
        cls = sp.Sum if tok.text == "sum" else sp.Product
        if excluded is not None:
            # \sum_{k \neq i}: every k of the range, the i-th term times 0
            delta = sp.KroneckerDelta(variables[0], excluded)
            body = mul(body, add(sp.Integer(1), mul(sp.Integer(-1), delta)))
        if lower is None:
            limits = [(v, sp.Integer(1), upper or abstract_bound(v)) for v in variables]
        else:
            # \sum_{x-1=0}^{\infty}: x - 1 runs from 0 to infinity, x from 1
            limits = [(variables[0], lower + shift, _shifted(upper, shift))]
        try:
            whole = cls(body, *limits)
        except (ValueError, TypeError) as err:
            raise LatexError(f"cannot read this \\{tok.text} ({err})", column=tok.column) from None
        return whole if after is None else mul(whole, after)

    def _index_after_body(self, tok: Token, variables) -> None:
        r"""Raise LatexError when the index of the big operator ``tok``, whose body (not in
        brackets) ends at ``self.pos``, is written again after it before anything rebinds it:
        ``\sum_{i=1}^{N} \log\lambda - \lambda x_i`` may mean the sum of both terms or x_i
        outside the sum, where i is free. An index is a letter written alone (``i``, ``x_i``)
        or in a subscript of at most two letters (``x_{ij}``, ``x_{i+1}``), never a letter of
        a word (``\mathrm{Poisson}``, ``w_{init}``)."""
        names = {v.name for v in variables if len(v.name) == 1}
        if not names:
            return
        k, depth = self.pos, 0
        words = 0  # open braces of a name or prose group (\mathrm{...}, \text{...})
        brace_kinds: list[bool] = []
        while k < self.end:
            t = self.tokens[k]
            if t.is_cmd("sum", "prod", "int", "iint", "lim", "max", "min", "arg"):
                return  # what follows may bind the index again
            if t.is_char("{"):
                before = self.tokens[k - 1] if k else None
                word = before is not None and before.kind == "cmd" and before.text in NAME_GROUPS
                brace_kinds.append(word)
                words += word
            elif t.is_char("}") and brace_kinds:
                words -= brace_kinds.pop()
            if t.is_char("([{"):
                depth += 1
            elif t.is_char(")]}"):
                depth -= 1
                if depth < 0:
                    return
            elif t.kind == "letter" and t.text in names and not words and self._index_letter(k):
                raise LatexError(
                    f"ambiguous: the index {t.text} of this \\{tok.text} is written again after "
                    f"its body ends (column {t.column}): put the whole body in parentheses, "
                    f"\\{tok.text}_{{{t.text}}} (...), or name the other quantity otherwise",
                    column=tok.column,
                )
            k += 1

    def _index_letter(self, k: int) -> bool:
        """Whether the letter ``tokens[k]`` is written as an index or a name of its own: not
        glued to other letters, or in a subscript of at most two letters (``x_{ij}``)."""
        tokens = self.tokens

        def glued(j: int) -> bool:
            return 0 <= j < len(tokens) and tokens[j].kind == "letter"

        left = glued(k - 1) and not tokens[k].space_before
        right = glued(k + 1) and not tokens[k + 1].space_before
        if not left and not right:
            return True
        lo = k - 1 if left else k
        hi = k + 1 if right else k
        if (left and glued(k - 2)) or (right and glued(k + 2)) or hi - lo > 1:
            return False
        return lo >= 2 and tokens[lo - 1].is_char("{") and tokens[lo - 2].is_char("_")

    def limit(self, tok: Token):
        """``\\lim_{x \\to a} f``, ``\\lim_{x \\rightarrow \\infty} f``, ``\\lim_{x \\to 0^+} f``:
        the unevaluated ``Limit(f, x, a)``, two-sided at a finite point unless the point is
        written ``a^+`` or ``a^-``. The body is the product after it (up to ``+``/``-``), as a
        sum's. The checker takes it as a value only where SymPy computes it, finite, under the
        assumptions (:func:`eqchain.check.conditions.limit_value`)."""
        usage = "\\lim needs its variable and point: \\lim_{x \\to a}"
        self.pos += 1
        nxt = self.peek()
        if nxt is None or not nxt.is_char("_"):
            raise LatexError(usage, column=tok.column)
        lo, hi, after = self._argument_range(self.pos + 1, "\\lim")
        arrows = [k for k in range(lo, hi) if self.tokens[k].is_cmd(*_LIMIT_ARROWS)]
        if len(arrows) != 1 or arrows[0] == lo or arrows[0] + 1 == hi:
            raise LatexError(usage, column=tok.column)
        (arrow,) = arrows
        variable = self.within(lo, arrow, "variable of a limit")
        if not isinstance(variable, sp.Symbol):
            raise LatexError("the variable of a limit is a name", column=self.tokens[lo].column)
        end, direction = self._limit_side(arrow, hi)
        if direction != "+-" and end < hi and self._limit_side(arrow, end)[1] != "+-":
            # 2 - 0 + 0, a - 0^+: which side is meant is not one reading
            raise LatexError(
                "a limit's point names its side twice", column=self.tokens[arrow].column
            )
        side = _LIMIT_ARROWS[self.tokens[arrow].text]
        if side != "+-":
            if direction not in ("+-", side):
                raise LatexError(
                    "the arrow and the point of a limit name opposite sides",
                    column=self.tokens[arrow].column,
                )
            direction = side
        point = _infinite_limit(self.within(arrow + 1, end, "point of a limit"))
        if direction not in ("+-", {sp.oo: "-", -sp.oo: "+"}.get(point, direction)):
            # n \uparrow \infty is the limit at infinity; \infty approached from above is not
            raise LatexError(
                "a limit at infinity from beyond it: write n \\to \\infty or n \\to -\\infty",
                column=self.tokens[arrow].column,
            )
        if point.has(variable):
            raise LatexError("a limit's point depends on its variable", column=tok.column)
        self.pos = after
        if self.peek() is None or self.peek().is_char(")]}"):
            raise LatexError("\\lim without a body", column=tok.column)
        body = self.expression(SUM)
        if point in (sp.oo, -sp.oo):
            return sp.Limit(body, variable, point)
        return sp.Limit(body, variable, point, direction)

    def _limit_side(self, arrow: int, hi: int) -> tuple[int, str]:
        """Where a limit's point ends (a token index) and its side: "+" (from above), "-" (from
        below) or "+-" (both). One reading for each way a side is written at the point:
        ``a^+``, ``a^{+}``, ``a+`` (a trailing sign) and ``a+0``, ``+0`` (the Japanese and
        German textbooks' ``x \\to +0``, ``x \\to a-0``: a signed zero ending the point, never
        the number 0 added). Any other point is two-sided. A superscript +0 or -0 (``0^{+0}``)
        is rejected: a side, or the power 0^0 = 1?"""
        t = self.tokens
        if (
            hi - arrow >= 6
            and t[hi - 5].is_char("^")
            and t[hi - 4].is_char("{")
            and t[hi - 3].is_char("+-")
            and t[hi - 2].kind == "digit"
            and t[hi - 2].text == "0"
        ):
            # 0^{+0}: a side (0^+, +0) or the power 0^0 = 1? Not one reading
            raise LatexError(
                "a limit's point with the superscript +0 or -0: write a^+ or a + 0 for a side",
                column=t[hi - 5].column,
            )
        if hi - arrow >= 4 and t[hi - 2].is_char("^") and t[hi - 1].is_char("+-"):
            return hi - 2, t[hi - 1].text
        if (
            hi - arrow >= 6
            and t[hi - 4].is_char("^")
            and t[hi - 3].is_char("{")
            and t[hi - 2].is_char("+-")
        ):
            return hi - 4, t[hi - 2].text
        if hi - arrow >= 3 and t[hi - 1].is_char("+-"):
            return hi - 1, t[hi - 1].text
        if (
            hi - arrow >= 3
            and t[hi - 1].kind == "digit"
            and t[hi - 1].text == "0"
            and t[hi - 2].is_char("+-")
        ):
            if hi - arrow == 3:  # \to +0: the point 0 itself, approached from one side
                return hi, t[hi - 2].text
            return hi - 2, t[hi - 2].text
        return hi, "+-"

    def _member_subscript(self, tok: Token):
        """``_{x \\in S}`` at ``pos`` (x one name, S what follows \\in): consume it and give
        (variable, set); None, leaving ``pos``, for any other subscript. Anything else before
        \\in (``x + 1``, ``x, y``) is rejected: the members of a set are summed over one name."""
        under = self.peek()
        if under is None or not under.is_char("_"):
            return None
        k = self.pos + 1
        arg = self.at(k)
        if arg is None or not arg.is_char("{"):
            return None
        close = self.partner[k]
        at = next(
            (m for m in range(k + 1, close) if self.tokens[m].is_cmd("in")),
            None,
        )
        if at is None:
            return None
        first = self.tokens[k + 1]
        if (
            at == k + 1
            or not starts_name(first)
            or scan_name(self.tokens, k + 1, self.partner).end != at
        ):
            raise UnsupportedLatex(
                f"not supported: \\{tok.text} over the members of a set (x \\in X) with anything "
                "but one name before \\in",
                column=self.tokens[at].column,
            )
        span = scan_name(self.tokens, k + 1, self.partner)
        variable = self._object(span)
        if not isinstance(variable, sp.Symbol):
            raise LatexError(f"'{span.key}' cannot be a variable", column=first.column)
        listed = self._listed_set(at + 1, close)
        domain = listed if listed is not None else self.within(at + 1, close, "set")
        self.pos = close + 1
        return variable, domain

    def _listed_set(self, lo: int, hi: int) -> tuple | None:
        """The members of a set written out, ``\\{0, 1\\}`` or ``\\lbrace 0,1 \\rbrace``
        (``tokens[lo:hi]``), each read; None for any other set."""
        first, last = self.at(lo), self.tokens[hi - 1] if hi - 1 > lo else None
        if (
            first is None
            or last is None
            or not first.is_cmd("{", "lbrace")
            or not last.is_cmd("}", "rbrace")
        ):
            return None
        members, start, depth = [], lo + 1, 0
        for m in range(lo + 1, hi):
            t = self.tokens[m]
            if t.is_char("([{"):
                depth += 1
            elif t.is_char(")]}"):
                depth -= 1
            elif depth == 0 and (t.is_char(",") or m == hi - 1):
                members.append(self.within(start, m, "member of the set"))
                start = m + 1
        if len(set(members)) != len(members):
            raise LatexError("a set written out with a member twice", column=first.column)
        return tuple(members)

    def _over_set(self, tok: Token, variable, domain):
        """``\\sum_{x \\in \\mathcal{X}} body``, ``\\prod_{x \\in X} body``: the body is the
        product after the subscript, as for a range; an opaque :class:`SetSum`."""
        if (nxt := self.peek()) is not None and nxt.is_char("^"):
            raise LatexError(f"\\{tok.text} over a set with an upper limit", column=nxt.column)
        if self.peek() is None or self.peek().is_char(")]}"):
            raise LatexError(without_a_body(tok.text), column=tok.column)
        body = self.expression(SUM)
        if isinstance(domain, tuple):  # \sum_{x \in \{0, 1\}} f(x): f(0) + f(1), as written
            terms = [put_in(body, {variable: m}) for m in domain]
            result = terms[0]
            for term in terms[1:]:
                result = add(result, term) if tok.text == "sum" else mul(result, term)
            return result
        cls = SetSum if tok.text == "sum" else SetProduct
        try:
            return cls(body, variable, domain)
        except (ValueError, TypeError) as err:
            raise LatexError(f"cannot read this \\{tok.text} ({err})", column=tok.column) from None

    def _integration_set(self, tok: Token):
        """``_{\\mathcal{X}}``, ``_\\Omega``, ``_{x \\in \\mathcal{X}}`` at ``pos`` after
        ``\\int``: consume it and give (variable or None, set); None, leaving ``pos``, for a
        subscript that is not a set (a lower limit). A set is one name in \\mathcal,
        \\mathscr or \\mathbb, an upper-case Greek letter, or one upper-case letter with no
        upper limit after it (``\\int_Z``)."""
        member = self._member_subscript(tok)
        if member is not None:
            return member
        k = self.pos + 1
        arg = self.at(k)
        if arg is None:
            return None
        lo, hi = (k + 1, self.partner[k]) if arg.is_char("{") else (k, k + 1)
        if lo >= hi or not starts_name(self.tokens[lo]):
            return None
        first = self.tokens[lo]
        after = self.at(self.partner[k] + 1 if arg.is_char("{") else k + 1)
        named_set = first.is_cmd("mathcal", "mathscr", "mathbb") or (
            first.kind == "cmd" and first.text in GREEK and first.text[:1].isupper()
        )
        # \int_Z q(z) dz: one capital letter and no upper limit, a set (no integral runs from
        # a point to nowhere)
        named_set = named_set or (
            first.kind == "letter"
            and first.text.isupper()
            and hi == lo + 1
            and not (after is not None and after.is_char("^"))
        )
        if not named_set or scan_name(self.tokens, lo, self.partner).end != hi:
            return None
        domain = self.within(lo, hi, "set")
        self.pos = hi + 1 if arg.is_char("{") else hi
        return None, domain

    def _big_operator_over_its_body_index(self, tok: Token, usage: str):
        """``\\sum x_i``, ``\\prod x_j^2``: no subscript at all. The body names one index (the
        subscript letter of its family members, free in the body): the sum runs over it, as
        ``\\sum_i x_i`` does (1..n_i, :func:`abstract_bound`). No index, several, or an index
        expression (``x_{i+1}``): rejected, the range is needed."""
        if self.peek() is None or self.peek().is_char(")]}"):
            raise LatexError(without_a_body(tok.text), column=tok.column)
        body = self.expression(SUM)
        free = body.free_symbols
        members = body.atoms(sp.Indexed)
        found = {v for m in members for v in m.indices if isinstance(v, sp.Symbol) and v in free}
        plain = all(isinstance(v, sp.Symbol) for m in members for v in m.indices if v.has(*found))
        if len(found) != 1 or not plain:
            raise LatexError(usage, column=tok.column)
        (variable,) = found
        cls = sp.Sum if tok.text == "sum" else sp.Product
        try:
            return cls(body, (variable, sp.Integer(1), abstract_bound(variable)))
        except (ValueError, TypeError) as err:
            raise LatexError(f"cannot read this \\{tok.text} ({err})", column=tok.column) from None

    def _excluded_index(self, tok: Token):
        """``\\sum_{k \\neq i}``, ``\\sum_{j \\ne i}^{K}`` (``pos`` at the ``_``): the index it
        leaves out, i (a name, or a family's member), read here; :meth:`_subscript_range` then
        reads the subscript as ``_{k}`` (the index over its range as ``\\sum_{k}`` reads it).
        None when the subscript is not exactly ``k \\neq name``, or for a product."""
        k = self.pos + 1
        arg = self.at(k)
        if tok.text != "sum" or arg is None or not arg.is_char("{"):
            return None
        close = self.partner[k]
        if close - k < 4:
            return None
        index, sign, other = self.tokens[k + 1], self.tokens[k + 2], self.tokens[k + 3]
        if not (index.kind == "letter" or index.is_cmd(*GREEK)) or not sign.is_cmd("neq", "ne"):
            return None
        if not starts_name(other) or scan_name(self.tokens, k + 3, self.partner).end != close:
            return None
        excluded = self.within(k + 3, close, "index")
        if not isinstance(excluded, (sp.Symbol, sp.Indexed)) or excluded == sp.Symbol(index.text):
            raise LatexError(
                f"\\{tok.text}_{{k \\neq i}} needs another index after \\neq",
                column=other.column,
            )
        self.leaves_out = True
        return excluded

    def _subscript_range(self, tok: Token, usage: str):
        """The subscript of a ``\\sum`` at ``pos``: ([variable], lower) for ``_{k=1}``, or
        (variables, None) for ``_k``, ``_{k}``, ``_{i,j}``. Rejects conditions (``k \\neq i``)
        and sets (``x \\in \\mathcal{X}``), which have no range to sum over."""
        k = self.pos + 1
        arg = self.at(k)
        if arg is not None and (arg.kind == "letter" or arg.is_cmd(*GREEK)):
            self.pos = k + 1
            return [self._index_variable(arg)], None, sp.Integer(0)
        if arg is None or not arg.is_char("{"):
            raise LatexError(usage, column=tok.column)
        close = self.partner[k]
        inner = self.tokens[k + 1 : close]
        if self.leaves_out:
            # \sum_{k \neq i} (_excluded_index): the index k, as \sum_{k}
            self.leaves_out = False
            self.pos = close + 1
            return [self._index_variable(inner[0])], None, sp.Integer(0)
        for t in inner:
            if t.is_cmd("neq", "ne"):
                raise UnsupportedLatex(
                    f"not supported: \\{tok.text} over the indices other than one (k \\neq i); "
                    f"write the whole \\{tok.text} minus the i-th term",
                    column=t.column,
                )
            if t.is_cmd("in", "notin", "subset", "subseteq"):
                raise UnsupportedLatex(
                    f"not supported: \\{tok.text} over the members of a set (x \\in X); "
                    f"write it over an index, \\{tok.text}_{{k=1}}^{{K}}",
                    column=t.column,
                )
        self.pos = close + 1
        if (
            len(inner) > 3
            and (inner[0].kind == "letter" or inner[0].is_cmd(*GREEK))
            and inner[1].is_char("'")
            and inner[2].is_char("=")
        ):
            # \sum_{x'=0}: a primed name for the index, bound by the sum (x' in its body)
            variable = sp.Symbol(f"{inner[0].text}'", integer=True)
            return [variable], self.within(k + 4, close), sp.Integer(0)
        if any(t.is_char("=") for t in inner):
            shifted = self._shift(k + 1, close, usage, tok.column)
            if shifted is not None:
                variable, lower, shift = shifted
                return [variable], lower, shift
            variable, lower = self._range(k + 1, close, usage, tok.column)
            return [variable], lower, sp.Integer(0)
        names = inner[::2]
        if (
            not inner
            or len(inner) % 2 == 0
            or not all(t.kind == "letter" or t.is_cmd(*GREEK) for t in names)
            or not all(t.is_char(",") for t in inner[1::2])
        ):
            raise LatexError(usage, column=tok.column)
        variables = [self._index_variable(t) for t in names]
        if len({v.name for v in variables}) != len(variables):
            raise LatexError(f"an index twice under one \\{tok.text}", column=tok.column)
        return variables, None, sp.Integer(0)

    def _shift(self, lo: int, hi: int, usage: str, column: int):
        """A sum's index written shifted by a whole number, ``x-1=0`` or ``k+2=5``, between
        ``lo`` and ``hi``: (the variable, the lower bound written, the shift: 1 for ``x-1``,
        -2 for ``k+2``), the bounds then being the written ones plus the shift; None when the
        index is written plain (``k=1``)."""
        first, sign = self.at(lo), self.at(lo + 1)
        if first is None or sign is None or not sign.is_char("+-"):
            return None
        if not (first.kind == "letter" or first.is_cmd(*GREEK)):
            return None
        k = lo + 2
        while k < hi and self.tokens[k].kind == "digit":
            k += 1
        if k == lo + 2 or k >= hi or not self.tokens[k].is_char("="):
            return None
        if k + 1 >= hi or any(t.is_char("=") for t in self.tokens[k + 1 : hi]):
            raise LatexError(usage, column=column)
        amount = sp.Integer("".join(t.text for t in self.tokens[lo + 2 : k]))
        variable = self._object(NameSpan(first.text, None, lo + 1, first.text, first.column))
        return variable, self.within(k + 1, hi), amount if sign.is_char("-") else -amount

    def _index_variable(self, tok: Token):
        value = self._object(NameSpan(tok.text, None, 0, tok.text, tok.column))
        if not isinstance(value, sp.Symbol):
            raise LatexError(f"'{tok.text}' cannot be an index", column=tok.column)
        return value

    def _range(self, lo: int, hi: int, usage: str, column: int):
        """``k=1`` in ``\\sum_{k=1}``: (the variable, the lower bound)."""
        equals = [k for k in range(lo, hi) if self.tokens[k].is_char("=")]
        first = self.tokens[lo] if lo < hi else None
        if (
            len(equals) != 1
            or equals[0] != lo + 1
            or first is None
            or not (first.kind == "letter" or first.is_cmd(*GREEK))
            or equals[0] + 1 >= hi
        ):
            raise LatexError(usage, column=column)
        variable = self._object(NameSpan(first.text, None, lo + 1, first.text, first.column))
        return variable, self.within(lo + 2, hi)

    def floor_or_ceiling(self, tok: Token):
        """``\\lfloor x \\rfloor``, ``\\lceil x \\rceil``."""
        closer = "rfloor" if tok.text == "lfloor" else "rceil"
        depth, k = 0, self.pos + 1
        while k < self.end:
            t = self.tokens[k]
            if t.is_cmd("lfloor", "lceil"):
                depth += 1
            elif t.is_cmd("rfloor", "rceil"):
                if depth == 0:
                    break
                depth -= 1
            k = self.partner[k] + 1 if t.is_char("([{") else k + 1
        if k >= self.end:
            raise LatexError(f"\\{tok.text} without \\{closer}", column=tok.column)
        if not self.tokens[k].is_cmd(closer):
            raise LatexError(
                f"\\{tok.text} closed by \\{self.tokens[k].text}", column=self.tokens[k].column
            )
        inner = self.within(self.pos + 1, k)
        self.pos = k + 1
        cls = sp.floor if tok.text == "lfloor" else sp.ceiling
        return cls(inner, evaluate=False)

    # -- integrals -----------------------------------------------------------------------------

    def integral(self, tok: Token):
        """``\\int_a^b f(x) \\, dx``, ``\\int dx \\, f(x)``, ``\\int_{\\mathbb{R}}``, ``\\iint``:
        an unevaluated ``Integral``. The differential (``dx``, ``\\mathrm{d}x``, ``d\\theta``)
        closes an integrand written before it; written first, it is followed by the integrand,
        the product after it (up to ``+``/``-``), as a sum's body. A ``d`` followed by a name
        inside the integrand is rejected as ambiguous (a differential or a product)."""
        count = 2 if tok.text == "iint" else 1
        self.pos += 1
        lower = upper = None
        whole_line = False
        over = None  # (variable or None, set) of an integral over a set
        named = None  # the variable a lower limit names (\int_{r=0})
        for _ in range(2):
            nxt = self.peek()
            if (
                nxt is not None
                and nxt.is_char("_")
                and lower is None
                and over is None
                and not whole_line
            ):
                whole_line = self._real_line_subscript(count)
                if not whole_line and count == 1:
                    over = self._integration_set(tok)
                if not whole_line and over is None:
                    self.pos += 1
                    named, lower = self._named_lower_limit(tok)
                    if lower is None:
                        lower = self.argument(f"\\{tok.text}")
            elif nxt is not None and nxt.is_char("^") and upper is None and not whole_line:
                self.pos += 1
                upper = self.argument(f"\\{tok.text}")
        if over is not None and upper is not None:
            raise LatexError(f"\\{tok.text} over a set with an upper limit", column=tok.column)
        if lower is not None and upper is None:
            raise UnsupportedLatex(
                f"not supported: \\{tok.text} with one limit only (an integral over a set names "
                f"it: \\int_{{\\mathcal{{X}}}}, \\int_\\Omega); write both limits, "
                f"\\int_{{a}}^{{b}}, or \\int_{{\\mathbb{{R}}}}",
                column=tok.column,
            )
        if lower is None and upper is not None:
            raise LatexError(
                f"\\{tok.text} with an upper limit only: write both, \\int_{{a}}^{{b}}",
                column=tok.column,
            )
        if count == 2 and lower is not None:
            raise UnsupportedLatex(
                "not supported: \\iint with limits; write two \\int, each with its limits, or "
                "\\iint_{\\mathbb{R}^2}",
                column=tok.column,
            )
        variables = self._differentials()
        if variables:
            if (
                self.peek() is None
                or self.peek().is_char(")]}+-")
                or self._ends_product(self.peek())
            ):
                body = sp.Integer(1)  # \int_a^b dx: the differential alone, the integrand 1
            else:
                start = self.pos
                body = self.expression(SUM)
                self._check_no_differential(start, self.pos)
        else:
            k, inner = self._next_differential(tok)
            if k == self.pos:
                raise LatexError(f"\\{tok.text} without an integrand", column=tok.column)
            self._check_no_differential(self.pos, k, inner)
            body = self.within(self.pos, k, "integrand")
            self.pos = k
            group = self._expression_differential_at(k)
            if group is not None and count == 1:
                return self._substituted_integral(tok, body, group, lower, upper)
            variables = self._differentials()
        if len(variables) != count:
            raise LatexError(
                f"\\{tok.text} needs {count} differential{'s' if count > 1 else ''}, "
                f"found {len(variables)}",
                column=tok.column,
            )
        if len({v.name for v in variables}) != len(variables):
            raise LatexError("the same differential twice", column=tok.column)
        if named is not None and named != variables[0]:
            raise LatexError(
                f"the lower limit names {named} but the differential is d{variables[0]}",
                column=tok.column,
            )
        if over is not None:
            return self._set_integral(tok, body, variables[0], *over)
        if whole_line:
            limits = [(v, -sp.oo, sp.oo) for v in variables]
        elif lower is not None:
            limits = [(variables[0], _infinite_limit(lower), _infinite_limit(upper))]
        else:
            limits = [(v,) for v in variables]
        try:
            return sp.Integral(body, *limits)
        except (ValueError, TypeError) as err:
            raise LatexError(f"cannot read this \\{tok.text} ({err})", column=tok.column) from None

    def _named_lower_limit(self, tok: Token):
        """``\\int_{r=0}^{\\infty} ... dr``: the lower limit that names the variable, as
        (variable, bound), with ``pos`` after it; (None, None) for any other lower limit (the
        variable must then be the differential's, checked by the caller)."""
        k = self.pos
        group = self.at(k)
        if group is None or not group.is_char("{"):
            return None, None
        close = self.partner[k]
        inner = self.tokens[k + 1 : close]
        if len(inner) < 3 or not inner[1].is_char("="):
            return None, None
        if not (inner[0].kind == "letter" or inner[0].is_cmd(*GREEK)):
            return None, None
        usage = f"\\{tok.text}_{{x=a}}^{{b}} names its variable once: x = a"
        variable, lower = self._range(k + 1, close, usage, tok.column)
        self.pos = close + 1
        return variable, lower

    def _set_integral(self, tok: Token, body, variable, named, domain):
        """An integral over a set: an opaque :class:`SetIntegral`; a variable named in the
        subscript (``\\int_{x \\in X}``) must be the differential's."""
        if named is not None and named != variable:
            raise LatexError(
                f"the differential d{variable} is not the variable {named} of the subscript",
                column=tok.column,
            )
        try:
            return SetIntegral(body, variable, domain)
        except (ValueError, TypeError) as err:
            raise LatexError(f"cannot read this \\{tok.text} ({err})", column=tok.column) from None

    def _real_line_subscript(self, count: int) -> bool:
        """``_{\\mathbb{R}}`` (``_{\\mathbb{R}^2}`` for ``\\iint``) at ``pos``: consume it and
        say True; False, leaving ``pos``, for any other subscript."""
        k = self.pos + 1
        braced = (tok := self.at(k)) is not None and tok.is_char("{")
        close = self.partner[k] if braced else None
        j = k + 1 if braced else k
        if not (
            (t := self.at(j)) is not None
            and t.is_cmd("mathbb")
            and (o := self.at(j + 1)) is not None
            and o.is_char("{")
            and (r := self.at(j + 2)) is not None
            and r.text == "R"
            and (c := self.at(j + 3)) is not None
            and c.is_char("}")
        ):
            return False
        after = j + 4
        if count == 2:
            if not (
                braced
                and (h := self.at(after)) is not None
                and h.is_char("^")
                and (two := self.at(after + 1)) is not None
                and two.text == "2"
            ):
                raise UnsupportedLatex(
                    "not supported: \\iint over anything but \\mathbb{R}^2", column=t.column
                )
            after += 2
        if braced and after != close:
            raise UnsupportedLatex(
                "not supported: an integral over a region other than \\mathbb{R}",
                column=t.column,
            )
        self.pos = close + 1 if braced else after
        return True

    def _differential_at(self, k: int, hi: int) -> NameSpan | None:
        """The variable's name when ``tokens[k]`` starts a differential ``d x``, ``d\\theta``,
        ``\\mathrm{d} x`` (the variable a letter or a Greek letter, never ``d``); else None."""
        tokens = self.tokens
        if k < hi and tokens[k].kind == "letter" and tokens[k].text == "d":
            j = k + 1
        elif upright_d_at(tokens, k, hi):
            j = k + 4
        else:
            return None
        if j >= hi:
            return None
        nxt = tokens[j]
        if not (nxt.kind == "letter" or nxt.is_cmd(*GREEK)) or nxt.text == "d":
            return None
        span = scan_name(tokens, j, self.partner)
        return span if span.end <= hi else None

    def _expression_differential_at(self, k: int) -> tuple[int, int] | None:
        """(open, close) of the parentheses of ``\\mathrm{d}(z + \\mu)``,
        ``\\mathrm{d}\\left( \\sqrt{2} \\sigma u \\right)`` at ``tokens[k]``: the differential of
        an expression, which ends its integral (nothing but ``+``, ``-`` or the end of the group
        after it); None otherwise. An upright d only: ``d(z + \\mu)`` may be a product."""
        tokens = self.tokens
        if not (
            k + 4 < self.end and upright_d_at(tokens, k, self.end) and tokens[k + 4].is_char("(")
        ):
            return None
        close = self.partner[k + 4]
        after = self.at(close + 1)
        if after is not None and not after.is_char("+-"):
            return None
        return k + 4, close

    def _substituted_integral(self, tok: Token, body, group: tuple[int, int], lower, upper):
        """``\\int_a^b f \\, \\mathrm{d}(g)``, the differential of an expression g (written
        after a substitution, ``\\int_{-\\infty - \\mu}^{\\infty - \\mu} f(z) \\,
        \\mathrm{d}(z + \\mu)``): ``Integral(f \\cdot Derivative(g, v), (v, a, b))``, v being
        g's one variable that the limits do not name (a limit is a value of v, so never names
        it; g' is carried out when g is a polynomial in v); with none or several, which
        variable is integrated over is not written: rejected, naming them."""
        open_, close = group
        inner = self.within(open_ + 1, close, "differential")
        self.pos = close + 1
        named = set()
        for bound in (lower, upper):
            if bound is not None:
                named |= bound.free_symbols
        candidates = sorted(
            (v for v in _variables_of(inner) if isinstance(v, sp.Symbol) and v not in named),
            key=str,
        )
        if len(candidates) != 1:
            listed = ", ".join(str(v) for v in candidates)
            raise UnsupportedLatex(
                "not supported: the differential of an expression d(...) "
                + (f"in several variables ({listed}): " if candidates else "in no variable: ")
                + "which one is integrated over? write the substitution out, \\mathrm{d}x",
                column=self.tokens[group[0] - 4].column,
            )
        (variable,) = candidates
        # g' carried out for a polynomial g (a substitution's z + \\mu, \\sqrt{2} \\sigma u + \\mu:
        # the same under every assumption); any other g keeps its derivative written out
        slope = (
            sp.diff(inner, variable)
            if inner.is_polynomial(variable)
            else sp.Derivative(inner, variable)
        )
        integrand = mul(body, slope)
        if lower is None:
            return sp.Integral(integrand, variable)
        return sp.Integral(integrand, (variable, _infinite_limit(lower), _infinite_limit(upper)))

    def _differentials(self) -> list:
        """The differentials at ``pos`` (``dx \\, dy``), consumed: their variables."""
        variables = []
        while (span := self._differential_at(self.pos, self.end)) is not None:
            value = self._object(span)
            if not isinstance(value, sp.Symbol):
                raise LatexError(
                    f"cannot integrate with respect to '{span.key}'", column=span.column
                )
            if (nxt := self.at(span.end)) is not None and nxt.is_char("^"):
                raise LatexError("a power after a differential", column=nxt.column)
            variables.append(value)
            self.pos = span.end
        return variables

    def _next_differential(self, tok: Token) -> tuple[int, set[int]]:
        """Index of the first differential after ``pos`` outside brackets that is this
        integral's: it closes the integrand. An integral inside the integrand
        (``\\int_a^b \\int_c^d f \\, dy \\, dx``) takes the first differential after its own
        integrand, innermost first, as the nested notation is read; the positions of those
        differentials come second."""
        k, owed, inner = self.pos, 0, set()
        while k < self.end:
            t = self.tokens[k]
            if t.is_cmd("int", "iint"):
                owed += 2 if t.is_cmd("iint") else 1
                k += 1
                continue
            span = self._differential_at(k, self.end)
            if span is not None and owed:
                owed -= 1
                inner.add(k)
                k = span.end
                continue
            if span is not None:
                return k, inner
            if self._expression_differential_at(k) is not None:
                if owed:
                    raise UnsupportedLatex(
                        "not supported: the differential of an expression inside a nested "
                        "integral; write the inner integral in brackets",
                        column=t.column,
                    )
                return k, inner
            k = self.partner[k] + 1 if t.is_char("([{") else k + 1
        raise LatexError(
            f"\\{tok.text} without its differential (dx, \\mathrm{{d}}x)", column=tok.column
        )

    def _check_no_differential(self, lo: int, hi: int, inner: set[int] = frozenset()) -> None:
        """An integrand may not hold ``d`` followed by a name (``d x``) at any depth: it would
        be a differential to some readers and the product d x to others. A derivative
        fraction's ``\\frac{d}{dx}`` is not one, nor the differential of an integral inside
        (``inner``)."""
        for k in range(lo, hi):
            if k in inner:
                continue
            if self._differential_at(k, hi) is None or self._in_derivative_denominator(k):
                continue
            raise LatexError(
                "ambiguous: 'd' followed by a name inside an integrand may be a differential "
                "or a product; write d \\cdot x for a product",
                column=self.tokens[k].column,
            )

    def _in_derivative_denominator(self, k: int) -> bool:
        """Whether ``tokens[k]`` opens the denominator ``{dx}`` of ``\\frac{d...}{dx}``."""
        tokens = self.tokens
        if k < 2 or not tokens[k - 1].is_char("{") or not tokens[k - 2].is_char("}"):
            return False
        numerator = self.partner.get(k - 2)
        if numerator is None or numerator < 1 or not tokens[numerator - 1].is_cmd("frac"):
            return False
        first = tokens[numerator + 1]
        return first.text == "d" or first.is_cmd("partial", *UPRIGHT_D)

    # -- checks for notation that readers resolve differently -------------------------------------

    def _check_divisor(self, op: Token) -> None:
        """``a / b c`` is a / (b c) to SymPy's parser and (a / b) c to many readers: the
        divisor of ``/`` (``\\div``) must be a single factor."""
        shown = "/" if op.kind == "char" else "\\div"
        end = self._factor_end(self.pos)
        if end is not None and end < self.end and self._starts_factor(self.tokens[end]):
            raise LatexError(
                f"ambiguous: what does '{shown}' divide by? use \\frac{{...}}{{...}} or put "
                "the divisor in parentheses",
                column=op.column,
            )

    def _check_mixed_number(self, previous, tok: Token) -> None:
        """``2 \\frac{1}{2}``: the mixed number 2½ to some readers, a product to others."""
        if not (isinstance(previous, sp.Integer) and tok.is_cmd("frac")):
            return
        before = self.tokens[self.pos - 1]
        if before.kind != "digit":
            return
        k = self.pos + 1
        parts = []
        for _ in range(2):
            lo, hi, k = self._argument_range(k, "\\frac")
            parts.append(self.tokens[lo:hi])
        if all(p and all(t.kind == "digit" for t in p) for p in parts):
            raise LatexError(
                "ambiguous LaTeX: a number before a fraction of numbers may be a mixed number "
                "(2 \\frac{1}{2} = 5/2) or a product (2 \\cdot \\frac{1}{2} = 1); write "
                "\\cdot for a product, or one fraction",
                column=self.tokens[self.pos - 1].column,
            )

    def _starts_factor(self, tok: Token) -> bool:
        if tok.kind in ("letter", "digit") or tok.is_char("([{"):
            return True
        return tok.kind == "cmd" and (
            starts_name(tok) or tok.text in FUNCTIONS or tok.text in _FACTOR_COMMANDS
        )

    def _factor_end(self, k: int) -> int | None:
        """Index after the one factor starting at ``tokens[k]`` (with its exponents), or None
        for a sum or product, whose body takes everything after it."""
        tokens, hi = self.tokens, self.end
        if k < hi and tokens[k].is_char("+-"):
            k += 1
        if k >= hi:
            return k
        tok = tokens[k]
        if starts_name(tok):
            span = scan_name(tokens, k, self.partner)
            j = span.end
            if j < hi and tokens[j].is_char("(") and applied(span, self.functions):
                j = self.partner[j] + 1  # p(x): the document's function applied, one factor
        elif tok.kind == "digit":
            j = k + 1
            while j < hi and (tokens[j].kind == "digit" or tokens[j].is_char(".")):
                j += 1
        elif tok.is_char("([{"):
            j = self.partner[k] + 1
        elif tok.is_cmd("frac", "binom"):
            _, _, j = self._argument_range(k + 1, f"\\{tok.text}")
            _, _, j = self._argument_range(j, f"\\{tok.text}")
        elif tok.is_cmd("sqrt"):
            j = k + 1
            if j < hi and tokens[j].is_char("["):
                j = self.partner[j] + 1
            _, _, j = self._argument_range(j, "\\sqrt")
        elif tok.is_cmd("sum", "prod"):
            return None
        elif tok.kind == "cmd" and tok.text in FUNCTIONS:
            j = k + 1
            while j < hi and tokens[j].is_char("_^"):
                _, _, j = self._argument_range(j + 1, f"\\{tok.text}")
            if j < hi and tokens[j].is_char("("):
                j = self.partner[j] + 1
            else:
                j = self._factor_end(j)
                if j is None:
                    return None
        elif tok.is_cmd(ELLIPSIS, "infty"):
            j = k + 1
        elif tok.is_cmd("lfloor", "lceil"):
            j = k + 1
            while j < hi and not tokens[j].is_cmd("rfloor", "rceil"):
                j += 1
            j += 1
        else:
            return k
        while j < hi and tokens[j].is_char("^!"):
            if tokens[j].text == "!":
                j += 1
            else:
                _, _, j = self._argument_range(j + 1, "'^'")
        return j

    def _unexpected(self, tok: Token) -> LatexError:
        return LatexError(f"unexpected '{tok.text}'", column=tok.column)

    def _last_column(self) -> int:
        if not self.tokens:
            return 1
        return self.tokens[min(self.pos, self.end) - 1].column if self.pos > 0 else 1


# -- building trees the way the author wrote them -----------------------------------------------


_BIG_OPERATORS = (sp.Sum, sp.Product, sp.Integral, SetSum, SetProduct, SetIntegral)


def _body_and_next_operator(body, variables):
    """A big operator's body and what follows it, split before a later \\sum, \\prod or \\int
    among the body's factors that does not use the operator's index: ``\\prod_k a_k \\prod_k
    b_k`` is ``(prod_k a_k)(prod_k b_k)``, ``\\sum_i x_i \\sum_j y_j`` is ``(sum_i x_i)(sum_j
    y_j)``, the conventional reading. One that uses it (``\\sum_i x_i \\sum_j y_{ij}``, its
    range or its body naming i) stays inside: nested, the only reading where i means anything;
    an operator first in the body is nested too (``\\sum_i \\sum_j x_{ij}``). (body, None) when
    nothing is split off."""
    if type(body) is not sp.Mul or is_quotient(body):
        return body, None
    factors = body.args
    index = set(variables)
    for k in range(1, len(factors)):
        factor = factors[k]
        if isinstance(factor, _BIG_OPERATORS) and not factor.free_symbols & index:
            rest = factors[k:]
            inside = factors[0] if k == 1 else sp.Mul(*factors[:k], evaluate=False)
            outside = rest[0] if len(rest) == 1 else sp.Mul(*rest, evaluate=False)
            return inside, outside
    return body, None


def mul(left, right):
    """``left * right`` unevaluated: a product inside a product is merged into it, a quotient
    stays whole; ``-1`` times an integer is that negative integer. Two matrix factors make
    an ordered ``MatrixProduct`` (:func:`eqchain.latex.matrices.product`)."""
    if matrices.matrix_valued(left) and matrices.matrix_valued(right):
        return matrices.product(left, right)
    if left == sp.Integer(-1) and isinstance(right, sp.Integer):
        return sp.Integer(-right)
    args = []
    for arg in (left, right):
        if type(arg) is sp.Mul and not is_quotient(arg):
            args.extend(arg.args)
        else:
            args.append(arg)
    return sp.Mul(*args, evaluate=False)


def add(left, right):
    """``left + right`` unevaluated, a sum inside a sum merged into it."""
    args = []
    for arg in (left, right):
        args.extend(arg.args if type(arg) is sp.Add else (arg,))
    return sp.Add(*args, evaluate=False)


def _only_the_letter_d(tokens, span) -> bool:
    """Whether a fraction's part holds the letter d alone (``d``, ``\\mathrm{d}``, ``{d}``)."""
    text = "".join(t.text for t in tokens[span[0] : span[1]] if t.kind != "space")
    return text.replace("{", "").replace("}", "") in ("d", "mathrmd", "partial")


def _starts_with_d(tokens, span) -> bool:
    """Whether a fraction's numerator starts with the letter d (``d``, ``d x^3``, ``{d}``)."""
    text = "".join(t.text for t in tokens[span[0] : span[1]] if t.kind != "space")
    text = text.replace("{", "").replace("}", "")
    if text.startswith(("mathrmd", "partial")):
        return True
    return text == "d" or (text[:1] == "d" and text[1:2].isalpha())  # not d_1, d + 1


def power(base, exponent):
    """``base ^ exponent`` unevaluated; a power of e is ``exp``."""
    if base == sp.E:
        return sp.exp(exponent, evaluate=False)
    return sp.Pow(base, exponent, evaluate=False)


def is_quotient(node) -> bool:
    """Whether ``node`` is ``Mul(a, Pow(b, -1))``, as ``\\frac{a}{b}`` and ``a / b`` build."""
    return (
        isinstance(node, sp.Mul)
        and len(node.args) == 2
        and isinstance(node.args[1], sp.Pow)
        and node.args[1].exp == -1
    )


_GAUSSIAN = "mathcalN"  # \mathcal{N}: the Gaussian law, or its density with a semicolon

# operators read by their definitions through the expectation (Parser.moment)
_MOMENTS = {"Var": "variance", "Cov": "covariance"}


# Blackboard-bold capitals that are never an operator applied to parentheses: the
# expectation and variance (read by Parser.blackboard), probability, and the number sets.
_BLACKBOARD_OPERATORS = frozenset("EVPNZQRC")


def _expectation_name(first: Token, base: str) -> bool:
    """Whether a name is the expectation's: ``E`` (italic, upright or an operator name)."""
    return base == "E" and (first.kind == "letter" or first.is_cmd("mathrm", "operatorname"))


def _expectation(body, under: tuple, column: int):
    try:
        return Expectation(body, *under)
    except (ValueError, TypeError) as err:
        raise LatexError(f"cannot read this expectation ({err})", column=column) from None


def _top_items(tokens, partner, lo: int, hi: int) -> list[int]:
    """The index of the first token of each comma-separated item of ``tokens[lo:hi]`` (at the
    top level of its brackets)."""
    starts, k = [lo], lo
    while k < hi:
        if tokens[k].is_char(","):
            starts.append(k + 1)
        k = partner[k] + 1 if tokens[k].is_char("([{") else k + 1
    return starts


def _conditioning_name(c) -> bool:
    """Whether ``c`` may stand after the bar of a conditional expectation: a name, a family's
    member, a run of members (``X_1, \\ldots, X_n``)."""
    return isinstance(c, (sp.Symbol, sp.Indexed, Sequence))


def _separator(tok: Token) -> str | None:
    """The conditioning bar or parameter semicolon ``tok`` is, as written (``\\|`` is a bar
    that Markdown escaped); None for any other token."""
    if tok.is_char("|;"):
        return tok.text
    if tok.is_cmd("mid"):
        return "\\mid"
    if tok.is_cmd("vert"):  # \vert is the glyph |: in a function's brackets, the bar
        return "\\vert"
    if tok.is_cmd("Vert", "parallel"):  # KL(P \Vert Q), KL(P \parallel Q): the double bar ||
        return "||"
    if tok.is_cmd("|"):
        return "|"
    return None


def names_alone(token_lists) -> frozenset[str]:
    """The names a formula uses on their own somewhere (not before brackets or a prime):
    ``\\lambda`` in ``\\lambda [1 + \\lambda^2]``. Such a name is a value, so brackets after
    it elsewhere in the formula are a factor, not an operator's argument."""
    found = set()
    for tokens in token_lists:
        try:
            partner = match_brackets(tokens)
        except LatexError:
            continue
        i = 0
        while i < len(tokens):
            if not starts_name(tokens[i]):
                i += 1
                continue
            try:
                span = scan_name(tokens, i, partner)
            except LatexError:
                i += 1
                continue
            nxt = tokens[span.end] if span.end < len(tokens) else None
            after = tokens[span.end + 1] if span.end + 1 < len(tokens) else None
            called = nxt is not None and (
                nxt.is_char("([']")
                or (nxt.is_char("{") and after is not None and after.is_char("("))
            )
            if not called:
                found.add(span.key)
            i = max(span.end, i + 1)
    return frozenset(found)


BOLD_PRODUCT = (
    "ambiguous: a product of bold names (\\mathbf{A} \\mathbf{x}, \\mathbf{w} \\cdot "
    "\\mathbf{x}) may be one of matrices and vectors or of numbers, and this document writes no "
    "transpose, which would make its bold names vectors and matrices: write the product by "
    "entries (\\sum_j A_{ij} x_j), write a transpose (\\mathbf{w}^\\top \\mathbf{x}), or use "
    "plain letters for numbers"
)


def _check_bold_product(factors, column: int) -> None:
    """Reject a product of two or more factors that hold bold names, where the bold names are
    no vectors or matrices (a document without a transpose: matrices.document_marks): read as
    numbers they commute, and \\mathbf{A}\\mathbf{x} = \\mathbf{x}\\mathbf{A} was verified.
    A bold name alone, times numbers or plain names, or as an argument (L(\\mathbf{w})), stays
    a number as before."""
    if any(matrices.matrix_valued(f) for f in factors):
        return
    if sum(_holds_bold(f) for f in factors) > 1:
        raise LatexError(BOLD_PRODUCT, column=column)


def _holds_bold(expr) -> bool:
    """Whether ``expr`` holds a bold name outside an applied function's arguments."""
    if isinstance(expr, AppliedUndef):
        return False
    if isinstance(expr, sp.Symbol):
        return matrices.is_bold(expr.name)
    if isinstance(expr, sp.Indexed):
        return matrices.is_bold(str(expr.base))
    return isinstance(expr, sp.Basic) and any(_holds_bold(a) for a in expr.args)


def _infix(op: Token, left, right):
    if op.is_char("+"):
        return add(left, right)
    if op.is_char("-"):
        return add(left, mul(sp.Integer(-1), right))
    if op.is_char("/") or op.is_cmd("div"):
        return mul(left, power(right, sp.Integer(-1)))
    return mul(left, right)


def apply_function(name: str, arg, base=None):
    """``\\name`` applied to ``arg``; ``\\log`` is natural, ``\\log_b x`` is log(x)/log(b)."""
    cls = _FUNCTION_CLASSES[name]
    if cls is sp.log:
        if base is None or base == sp.E:
            return sp.log(arg, evaluate=False)
        return sp.Mul(
            sp.log(arg, evaluate=False),
            sp.Pow(sp.log(base, evaluate=False), -1, evaluate=False),
            evaluate=False,
        )
    return cls(arg, evaluate=False)


# A limit's arrow and the side it approaches from: \downarrow and \searrow from above (the
# right), \uparrow and \nearrow from below; the others from both sides unless the point says.
_LIMIT_ARROWS = {
    "to": "+-",
    "rightarrow": "+-",
    "longrightarrow": "+-",
    "downarrow": "+",
    "searrow": "+",
    "uparrow": "-",
    "nearrow": "-",
}

_BINDING = (sp.Integral, sp.Sum, sp.Product, sp.Limit)


# the variable a bar is read with on a first reading of its side, whose integrals are sought
_DEFERRED_BAR = sp.Dummy("bar")


def integration_variables(expr) -> set:
    """The variables of the integrals in ``expr`` and of the limits its evaluation bars make
    (:meth:`Parser.evaluation_bar`): what a bar ``[F]_a^b`` next to them is in."""
    found = {v for e in expr.atoms(sp.Integral) for v in e.variables}
    return found | {e.args[1] for e in expr.atoms(sp.Limit)}


def _at_bound(body, variable, bound):
    """F at one bound of an evaluation bar: the bound put in for the variable without
    evaluating (the tree as written), or the limit when the bound is infinite. F with a
    derivative by the variable (``\\left. \\frac{d}{dt} M(t) \\right|_{t=0}``) is the derivative
    at the point, ``Subs``: the derivative is taken first."""
    if bound in (sp.oo, -sp.oo):
        return sp.Limit(body, variable, bound)
    if any(variable in d.variables for d in body.atoms(sp.Derivative)):
        return sp.Subs(body, variable, bound)
    return put_in(body, {variable: bound})


def _shifted(bound, shift):
    """A sum's upper bound written for its shifted index (x - 1 = N): the index's own (N + 1);
    infinity stays infinity."""
    if bound is None or shift == 0:
        return bound
    return bound if bound in (sp.oo, -sp.oo) else bound + shift


def _infinite_limit(bound):
    """``-\\infty`` as a limit of integration is the number -oo, not the product -1 · oo."""
    if bound == sp.Mul(-1, sp.oo, evaluate=False):
        return -sp.oo
    return bound


def abstract_bound(index: sp.Symbol) -> sp.Symbol:
    """The upper bound of an index whose range is not written (``\\sum_k``): ``n_k``."""
    return sp.Symbol(f"n_{index.name}")


def unwritten_bounds(*trees) -> set:
    r"""The abstract bounds of the ranges an author did not write: ``n_k`` in the reading of
    ``\sum_k x_k`` (k from 1 to n_k, :func:`eqchain.latex.parser.abstract_bound`). A step's
    truth may depend on their value; a value the refuter gives one is invented."""
    found = set()
    for tree in trees:
        if not isinstance(tree, sp.Basic):
            continue
        for node in tree.atoms(sp.Sum, sp.Product):
            for limit in node.limits:
                if len(limit) != 3:
                    continue
                variable, lo, hi = limit
                if (
                    lo == 1
                    and isinstance(variable, sp.Symbol)
                    and isinstance(hi, sp.Symbol)
                    and hi.name == abstract_bound(variable).name  # with the scope's assumptions
                ):
                    found.add(hi)
    return found


def _variables_of(body) -> set:
    """The variables ``body`` depends on: its free symbols and family members (``y_k``), without
    the marker of an ellipsis nor the indices of its members."""
    members = {i for i in body.atoms(sp.Indexed) if i.free_symbols <= body.free_symbols}
    inside = {s for i in members for s in i.free_symbols}
    plain = {
        s for s in body.free_symbols if isinstance(s, sp.Symbol) and not s.name.startswith("\u2026")
    }
    return members | (plain - inside)


# The variable of a derivative at a point, f'(0): a name no document can write (the reader
# reads \u2032 as a prime), so that no definition put in for f, and no value put in for a name
# of the document, is ever captured by it (M(t) = e^{t u}: M'(0) is u, whatever u is).
POINT_VARIABLE = "u\u2032"


def _fresh_variable(*trees) -> sp.Symbol:
    """The variable of a derivative at a point, ``f'(0)``: bound by its ``Subs``, named apart
    from every name a document can write (:data:`POINT_VARIABLE`); printed as ``u``."""
    return sp.Symbol(POINT_VARIABLE)


def derivative(expr, variables, column: int, kind=sp.Derivative):
    """``Derivative(expr, ...)`` with (variable, order) pairs, unevaluated (``kind``: Prime for
    ``f'(x)``)."""
    spec = [var if order == 1 else (var, order) for var, order in variables]
    if isinstance(expr, Prime) and set(expr.variables) & {var for var, _ in variables}:
        # \frac{d}{da} f'(a): SymPy would merge the two into one derivative of f(a) by a,
        # twice, losing the point (f(t) = a t^2: 4a, not 6a); the prime at its point instead
        expr = expr.at_point(_fresh_variable())
    try:
        return kind(expr, *spec)
    except ValueError as err:
        raise LatexError(f"cannot read this derivative ({err})", column=column) from None
