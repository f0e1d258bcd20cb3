"""Printing SymPy expressions as LaTeX that eqchain reads back to the same expression.

A subclass of SymPy's LaTeX printer: ``\\log{\\left(x \\right)}`` for the natural log (the
reader takes a braced parenthesised argument as the argument), ``y_{k}`` for indexed symbols,
``e^{x}`` for exp, the author's term order where the tree is unevaluated; and eqchain's own
notation where SymPy's would read back differently: symbol names (``\\hat{y}`` for "haty"),
one ``\\sum`` per limit, derivatives as ``\\frac{\\partial (...)}{\\partial x}``.
"""

from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.printing.latex import LatexPrinter
from sympy.printing.str import StrPrinter

from eqchain.latex.applied import family_of
from eqchain.latex.commands import ACCENTS, GREEK
from eqchain.operators import at_its_argument

_ACCENTS_LONGEST_FIRST = sorted(ACCENTS, key=len, reverse=True)


class EqchainLatexPrinter(LatexPrinter):
    """SymPy's LaTeX printer with eqchain's notation (see the module docstring)."""

    def __init__(self, settings=None):
        base = {"ln_notation": False, "order": "none", "mul_symbol": None}
        base.update(settings or {})
        super().__init__(base)
        self._around: list[frozenset] = []  # free names of the expressions being printed

    def doprint(self, expr):
        return super().doprint(compact_numbers(expr))

    def _print(self, expr, **kwargs):
        free = getattr(expr, "free_symbols", None)
        self._around.append(frozenset(free) if isinstance(free, (set, frozenset)) else frozenset())
        try:
            return super()._print(expr, **kwargs)
        finally:
            self._around.pop()

    def _print_Pow(self, expr):
        """A number to a negative integer power as a fraction, without evaluating it (SymPy's
        printer evaluates ``10^{-1000000}`` to a fraction of a million digits first)."""
        if expr.base.is_Number and expr.exp.is_Integer and expr.exp.is_negative:
            with sp.evaluate(False):
                positive = expr.base if expr.exp == -1 else sp.Pow(expr.base, -expr.exp)
            return f"\\frac{{1}}{{{self._print(positive)}}}"
        return super()._print_Pow(expr)

    def _print_Piecewise(self, expr, exp=None):
        """An indicator, 1 where its condition holds and 0 elsewhere, as the reader's
        ``\\mathbf{1}\\{...\\}`` (latex.indicators: \\mathbb{1} has no glyph in TeX's
        amsfonts); other cases as SymPy's cases block."""
        first, rest = expr.args[0], expr.args[-1]
        if len(expr.args) == 2 and first.expr == 1 and rest.expr == 0 and rest.cond is sp.true:
            text = f"\\mathbf{{1}}\\{{{self._print(first.cond)}\\}}"
        else:
            text = super()._print_Piecewise(expr)
        if exp is not None:  # raised to a power (SymPy's printer passes the exponent in)
            return f"\\left({text}\\right)^{{{exp}}}"
        return text

    def _print_Rational(self, expr):
        """Long numbers made while printing (the doprint pass already wrote the expression's
        own compactly) are written compactly too, in parentheses (their context is unknown)."""
        if _is_long(expr.p) or _is_long(expr.q):
            compact = _compact_rational(expr)
            if not compact.is_Rational:  # else no short form: its digits, while Python can
                return self._add_parens(self._print(compact))
        return super()._print_Rational(expr)

    def _print_int(self, expr):
        if _is_long(expr):
            compact = _compact_integer(abs(expr))
            if not compact.is_Rational:
                return self._add_parens(("- " if expr < 0 else "") + self._print(compact))
        return super()._print_int(expr)

    def _print_Mul(self, expr):
        """An unevaluated ``1 \\cdot (1/x)`` (how \\frac{1}{x} is read) prints as
        ``\\frac{1}{x}``, not ``1 \\frac{1}{x}``."""
        args = expr.args
        if len(args) == 2 and args[0] == 1 and isinstance(args[1], sp.Pow):
            if args[1].exp == -1:
                return f"\\frac{{1}}{{{self._print(args[1].base)}}}"
        return super()._print_Mul(expr)

    def _print_Function(self, expr, exp=None):
        """``p(x | \\theta)`` (a function with conditioning bars or parameter semicolons, see
        :meth:`eqchain.latex.parser.Parser.conditioned_application`) as it was written."""
        count = family_of(expr.func)
        if count is not None:  # E_n(w): the family's member, as written (latex.applied)
            indices = ",".join(self._print(a) for a in expr.args[:count])
            args = ", ".join(self._print(a) for a in expr.args[count:])
            text = f"{name_latex(expr.func.__name__[:-1])}_{{{indices}}}{{\\left({args} \\right)}}"
            return f"{text}^{{{exp}}}" if exp is not None else text
        separators = dict(getattr(expr.func, "separators", None) or ())
        name = expr.func.__name__
        if not separators and not (name.startswith("mathbb") and len(name) == 7):
            return super()._print_Function(expr, exp)
        parts = []
        for k, arg in enumerate(expr.args):
            if k:
                bar = separators.get(k)
                parts.append(f" {bar} " if bar else ", ")
            parts.append(self._print(arg))
        head = f"\\mathbb{{{name[6]}}}" if name.startswith("mathbb") else name_latex(name)
        text = f"{head}{{\\left({''.join(parts)} \\right)}}"
        return f"{text}^{{{exp}}}" if exp is not None else text

    def _print_Limit(self, expr):
        """``\\lim_{x \\to 0^{+}} \\left(f\\right)``: as the reader reads it back (SymPy's own
        printer writes the direction as a symbol, which this printer's names would spoil)."""
        body, variable, point, direction = expr.args
        side = str(direction)
        at = self._print(point)
        if side in ("+", "-") and not point.is_infinite:
            at = f"{at}^{{{side}}}"
        inner = self._print(body)
        if not (body.is_Symbol or body.is_Atom):
            inner = f"\\left({inner}\\right)"
        return f"\\lim_{{{self._print(variable)} \\to {at}}} {inner}"

    def _print_Subs(self, expr):
        """``\\left. \\frac{\\partial M(t)}{\\partial t} \\right|_{t=0}``: a derivative at a point
        (``M'(0)``, an evaluation bar around a derivative), as the reader reads it back (SymPy's
        own printer writes ``\\substack``, which it does not)."""
        inner, variables, points = expr.args
        at = ", ".join(
            f"{self._print(v)}={self._print(p)}" for v, p in zip(variables, points, strict=True)
        )
        return f"\\left. {self._print(inner)} \\right|_{{{at}}}"

    def _print_Symbol(self, expr, style="plain"):
        return name_latex(expr.name)

    def _print_Indexed(self, expr):
        base = name_latex(str(expr.base.label))
        idx = ",".join(self._print(i) for i in expr.indices)
        return f"{base}_{{{idx}}}"

    def _print_IndexedBase(self, expr):
        return name_latex(str(expr.label))

    def _print_Sum(self, expr):
        return self._big_operator(expr, "\\sum")

    def _print_Product(self, expr):
        return self._big_operator(expr, "\\prod")

    def _big_operator(self, expr, command: str) -> str:
        """One ``\\sum_{k=1}^{K}`` per limit, outermost first (SymPy's own printer stacks
        several limits with ``\\substack`` and ``\\\\``)."""
        leaving_out = _leaving_out(expr)
        if leaving_out is not None:
            return leaving_out(self)
        prefix = "".join(
            f"{command}_{{{self._print(var)}={self._print(lo)}}}^{{{self._print(hi)}}} "
            for var, lo, hi in reversed(expr.limits)
        )
        body = self._print(expr.function)
        if isinstance(expr.function, sp.Add) or (
            isinstance(expr.function, sp.Mul)
            and any(isinstance(f, (sp.Sum, sp.Product, sp.Integral)) for f in expr.function.args)
        ):  # a body's product with a big operator in it: the reader ends a body before a later
            # big operator that does not use the index (parser._body_and_next_operator)
            body = f"\\left({body}\\right)"
        indices = {var for var, *_ in expr.limits}
        if any(indices & around for around in self._around[:-1]):
            # the index is a name outside too (``\\log y_k + \\sum_k x``): the reader takes an
            # index written again after an unbracketed body as ambiguous (parser._index_after_body)
            return f"\\left({prefix}{body}\\right)"
        return prefix + body

    def _print_Prime(self, expr):
        """``f'(x)`` as written (a :class:`eqchain.operators.Prime`): printed as the fraction
        it would be the derivative of f(x) by x, which it is not where f's body names x
        otherwise (``g'(a) = a`` after ``g(t) = a t`` was printed as a false equation)."""
        inner = expr.expr
        if isinstance(inner, AppliedUndef) and not getattr(inner.func, "separators", None):
            text, head = self._print(inner), name_latex(inner.func.__name__)
            if family_of(inner.func) is None and text.startswith(head + "{"):
                return head + "'" * expr.derivative_count + text[len(head) :]
        if at_its_argument(expr):
            # M'_X(t): at its point, as the reader reads it back (the fraction is another
            # derivative where the body names t otherwise)
            return self._print(expr.at_point())
        return self._print_Derivative(expr)

    def _print_Derivative(self, expr):
        total = sum(count for _, count in expr.variable_count)
        symbol = "\\partial"
        top = symbol if total == 1 else f"{symbol}^{{{total}}}"
        bottom = " ".join(
            f"{symbol} {self._print(var)}" + (f"^{{{count}}}" if count != 1 else "")
            for var, count in expr.variable_count
        )
        inner = self._print(expr.expr)
        if not (expr.expr.is_Symbol or isinstance(expr.expr, sp.Indexed)):
            inner = f"\\left({inner}\\right)"
        return f"\\frac{{{top} {inner}}}{{{bottom}}}"


LONG_DIGITS = 1000  # integers longer than this print as powers (10^{1000000}) when they are one
_BITS_PER_DIGIT = 3.3219280948873626
_SMALL_BASES = [b for b in range(2, 101) if sp.perfect_power(b) is False]  # 2, 3, 5, 6, 7, ...
_MANTISSA_DIGITS = 40


def compact_numbers(expr):
    """``expr`` with every integer or fraction of more than LONG_DIGITS digits written
    compactly, as an unevaluated expression the printer prints (and the reader reads back):
    ``b^{k}`` for a power of a small base, ``m \\cdot 10^{k}`` for a short mantissa, a
    quotient of such for a fraction. A long number with no such form is printed in full while
    Python can convert it to digits (sys.get_int_max_str_digits), and beyond that as a float
    of 15 significant digits (``1.234 \\cdot 10^{5000}``): an approximation, the one case where
    the printed number is not exactly the one in ``expr``."""
    if isinstance(expr, int) and not isinstance(expr, bool):
        expr = sp.Integer(expr)
    try:
        numbers = expr.atoms(sp.Rational)
    except (AttributeError, TypeError):
        return expr
    long = {r: _compact_rational(r) for r in numbers if _is_long(r.p) or _is_long(r.q)}
    if not long:
        return expr
    from sympy.core.parameters import evaluate

    with evaluate(False):
        return expr.xreplace(long)


def _is_long(n: int) -> bool:
    return abs(n).bit_length() > LONG_DIGITS * _BITS_PER_DIGIT


def _compact_rational(r):
    from sympy.core.parameters import evaluate

    p, q = _compact_integer(abs(r.p)), _compact_integer(r.q)
    with evaluate(False):
        out = p if r.q == 1 else (sp.Pow(q, -1) if abs(r.p) == 1 else sp.Mul(p, sp.Pow(q, -1)))
        return sp.Mul(sp.Integer(-1), out) if r.p < 0 else out


def _compact_integer(n: int):
    """An unevaluated expression for the positive integer ``n`` (see compact_numbers)."""
    import sys

    import mpmath
    from sympy.core.parameters import evaluate

    if not _is_long(n):
        return sp.Integer(n)
    with mpmath.workprec(400), evaluate(False):
        shift = max(0, n.bit_length() - 500)  # the top bits, so as not to convert all of n
        log_n = mpmath.log(mpmath.mpf(n >> shift)) + shift * mpmath.log(2)
        for b in _SMALL_BASES:  # n = b^k, smallest base first
            k = mpmath.nint(log_n / mpmath.log(b))
            if abs(log_n / mpmath.log(b) - k) < mpmath.mpf(10) ** -20 and b ** int(k) == n:
                return sp.Pow(sp.Integer(b), sp.Integer(int(k)))
        t = log_n / mpmath.log(10)  # n = m 10^k, m short
        e = int(mpmath.floor(t))
        mantissa = mpmath.power(10, t - e)
        for j in range(_MANTISSA_DIGITS):
            c = mantissa * mpmath.power(10, j)
            m = int(mpmath.nint(c))
            if m % 10 == 0:  # the same candidate as a shorter mantissa
                continue
            if abs(c - m) < mpmath.mpf(10) ** -20 and m * 10 ** (e - j) == n:
                return sp.Mul(sp.Integer(m), sp.Pow(sp.Integer(10), sp.Integer(e - j)))
    limit = sys.get_int_max_str_digits() if hasattr(sys, "get_int_max_str_digits") else 0
    if not limit or n.bit_length() < (limit - 1) * _BITS_PER_DIGIT:
        return sp.Integer(n)  # long, but Python can write its digits
    shift = max(0, n.bit_length() - 100)
    with mpmath.workprec(60):
        return sp.Float(mpmath.ldexp(mpmath.mpf(n >> shift), shift), 15)


def _leaving_out(expr):
    """``\\sum_{k \\neq i}^{K} body`` as written, for the reading of it (``Sum(body (1 -
    \\delta_{k i}), (k, 1, K))``, :meth:`eqchain.latex.parser.Parser._excluded_index`): a
    printer of it, or None for any other sum. The upper bound is left out when it is the one
    the reader gives a range not written, ``n_k``."""
    if not isinstance(expr, sp.Sum) or len(expr.limits) != 1:
        return None
    var, lo, hi = expr.limits[0]
    body = expr.function
    if lo != 1 or not isinstance(body, sp.Mul):
        return None
    *rest, last = body.args
    if not (isinstance(last, sp.Add) and len(last.args) == 2 and sp.Integer(1) in last.args):
        return None
    other = next(a for a in last.args if a != 1)
    if not (isinstance(other, sp.Mul) and len(other.args) == 2 and other.args[0] == -1):
        return None
    delta = other.args[1]
    if not isinstance(delta, sp.KroneckerDelta) or var not in delta.args or not rest:
        return None
    (excluded,) = [a for a in delta.args if a != var] or [None]
    if excluded is None:
        return None
    with sp.evaluate(False):
        inner = sp.Mul(*rest) if len(rest) > 1 else rest[0]

    def show(printer) -> str:
        upper = "" if str(hi) == f"n_{var}" else f"^{{{printer._print(hi)}}}"
        text = printer._print(inner)
        if isinstance(inner, sp.Add):
            text = f"\\left({text}\\right)"
        return f"\\sum_{{{printer._print(var)} \\neq {printer._print(excluded)}}}{upper} {text}"

    return show


def name_latex(name: str) -> str:
    """LaTeX for a symbol name that the reader reads back as that name: ``x``, ``\\alpha``,
    ``\\hat{y}`` for "haty", ``\\mathcal{L}`` for "mathcalL", ``w_{\\text{new}}`` for "w_new",
    ``\\mathit{name}`` for other words. Names the reader cannot produce are printed as
    ``\\mathit{...}`` of their letters, which reads back differently."""
    if len(name) == 1 and name.isascii() and name.isalpha():
        return name
    if name in GREEK:
        return "\\" + name
    if len(name) > 1 and name[-1] == "'" and _single_name(name[:-1]):
        # x', a sum's primed index (\sum_{x'=0}): primed, never the document's own x
        return f"{name_latex(name[:-1])}'"
    for accent in _ACCENTS_LONGEST_FIRST:
        rest = name[len(accent) :]
        if name.startswith(accent) and rest and _single_name(rest):
            return f"\\{accent}{{{name_latex(rest)}}}"
    if "_" in name:
        base, sub = name.split("_", 1)
        if base and _single_name(base) and sub.isascii() and sub.isalnum():
            return f"{name_latex(base)}_{{\\text{{{sub}}}}}"
    letters = "".join(ch for ch in name if ch.isascii() and ch.isalpha()) or "x"
    return f"\\mathit{{{letters}}}"


def _single_name(name: str) -> bool:
    """Whether ``name`` prints as one letter, Greek letter or accented name."""
    if (len(name) == 1 and name.isascii() and name.isalpha()) or name in GREEK:
        return True
    return any(
        name.startswith(accent) and len(name) > len(accent) and _single_name(name[len(accent) :])
        for accent in _ACCENTS_LONGEST_FIRST
    )


def latex(expr) -> str:
    """LaTeX for ``expr`` that :func:`eqchain.latex.read.read_formula` reads back to an equal
    expression (compared with :func:`eqchain.tree.canonical`) for expressions built from
    symbols, indexed symbols, numbers, + * ^, log, exp, sums, products and derivatives."""
    return EqchainLatexPrinter().doprint(expr)


_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


class UnicodeValuePrinter(StrPrinter):
    """A closed value (a counterexample's) as one line of Unicode for a terminal: ``3·log(2)``,
    ``√2``, ``e²``, ``π/4``; never SymPy's input syntax (``3*log(2)``, ``sqrt(2)``, ``E**2``)."""

    def _print_Exp1(self, expr):
        return "e"

    def _print_Pi(self, expr):
        return "π"

    def _print_ImaginaryUnit(self, expr):
        return "i"

    def _print_Infinity(self, expr):
        return "∞"

    def _print_NegativeInfinity(self, expr):
        return "-∞"

    def _print_Mul(self, expr):
        return super()._print_Mul(expr).replace("*", "·")

    def _print_exp(self, expr):
        return self._power("e", expr.args[0])

    def _print_Pow(self, expr):
        base, exp = expr.base, expr.exp
        if exp == sp.S.Half:
            inner = self._print(base)
            return f"√{inner}" if base.is_Atom else f"√({inner})"
        if exp.is_Integer and exp < 0:
            positive = base if exp == -1 else sp.Pow(base, -exp, evaluate=False)
            return f"1/{self.parenthesize(positive, 60)}"
        return self._power(self.parenthesize(base, 60), exp)

    def _power(self, base: str, exp) -> str:
        if exp.is_Integer:
            return base + str(exp).translate(_SUPERSCRIPTS)
        inner = self._print(exp)
        return f"{base}^{inner}" if exp.is_Atom and not exp.is_Rational else f"{base}^({inner})"


def unicode_value(expr) -> str:
    """``expr`` (a closed value) as one line of Unicode text (see :class:`UnicodeValuePrinter`);
    exact rationals print as ``p/q``."""
    return UnicodeValuePrinter().doprint(expr)
