"""Operators of statistics that SymPy has no node for, kept whole and never evaluated.

:class:`Expectation` is what the reader makes of ``\\mathbb{E}[X]``, ``\\mathrm{E}(X)``,
``E[X]``, ``\\mathbb{E}_{x \\sim p}[f(x)]`` and ``\\langle X \\rangle_{p(x)}``. It is an applied
operator: the checker knows nothing of it but that equal arguments give equal values (no
linearity, no value), so a step that needs a property of expectations is ``unknown``, never
``verified``; numbers cannot evaluate it, so it is never refuted by values either.
"""

from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef


class Expectation(sp.Expr):
    """The expectation of ``body``: ``Expectation(body)``; ``Expectation(body, under)`` with
    what its subscript names (``E_{p(x)}``, ``E_x``, ``\\langle ... \\rangle_{p(x)}``), as
    written; ``Expectation(body, v, D)`` for ``E_{v \\sim D}``, where the variable ``v`` is
    bound (it is not a free symbol of the node)."""

    is_commutative = True
    is_number = False  # never a number: numbers cannot evaluate it (E[2] is not computed as 2)

    def __new__(cls, body, *under):
        if len(under) > 2:
            raise ValueError("an expectation has at most a variable and a distribution")
        args = [sp.sympify(body, strict=True), *(sp.sympify(u, strict=True) for u in under)]
        return sp.Expr.__new__(cls, *args)

    @property
    def body(self):
        return self.args[0]

    @property
    def under(self) -> tuple:
        return self.args[1:]

    @property
    def variable(self):
        """The bound variable of ``E_{v \\sim D}``; None for the other forms."""
        return self.args[1] if len(self.args) == 3 else None

    @property
    def free_symbols(self):
        found = set().union(*(a.free_symbols for a in self.args))
        if self.variable is not None:
            found -= self.variable.free_symbols
        return found

    def _eval_subs(self, old, new):
        """A substitution never reaches the bound variable of ``E_{v \\sim D}``."""
        if self.variable is not None and self.variable.has(old):
            return self
        return None

    def _eval_is_finite(self):
        return None

    def _eval_is_real(self):
        return None

    def _latex(self, printer):
        body = printer._print(self.body)
        if not self.under:
            sub = ""
        elif isinstance(self.args[1], Given) and self.args[1].unnamed:
            given = ", ".join(printer._print(c) for c in self.args[1].conditions)
            return f"\\mathbb{{E}}\\left[{body} \\;\\middle|\\; {given}\\right]"
        elif self.variable is not None:
            sub = f"_{{{printer._print(self.args[1])} \\sim {printer._print(self.args[2])}}}"
        else:
            sub = f"_{{{printer._print(self.args[1])}}}"
        return f"\\mathbb{{E}}{sub}\\left[{body}\\right]"


class OverSet(sp.Expr):
    """``\\sum_{x \\in \\mathcal{X}} f(x)`` (:class:`SetSum`), ``\\prod_{x \\in X}``
    (:class:`SetProduct`), ``\\int_{\\mathcal{X}} f(x) \\, dx`` (:class:`SetIntegral`): an
    operator over the members of a set left abstract, ``Cls(body, variable, domain)``, with the
    variable bound (not a free symbol of the node). Kept whole, as :class:`Expectation` is: the
    checker knows only that equal arguments give equal values (no linearity, no value), and
    numbers never evaluate it. It is never an integer range: x is a value, not an index."""

    is_commutative = True
    is_number = False
    symbol = ""

    def __new__(cls, body, variable, domain):
        args = [sp.sympify(a, strict=True) for a in (body, variable, domain)]
        if not isinstance(args[1], sp.Symbol):
            raise ValueError("the variable of a sum or integral over a set is a name")
        return sp.Expr.__new__(cls, *args)

    @property
    def body(self):
        return self.args[0]

    @property
    def variable(self):
        return self.args[1]

    @property
    def domain(self):
        return self.args[2]

    @property
    def free_symbols(self):
        return (self.body.free_symbols - {self.variable}) | self.domain.free_symbols

    def _eval_subs(self, old, new):
        if self.variable.has(old):
            return self
        return None

    def _eval_is_finite(self):
        return None

    def _eval_is_real(self):
        return None

    def _latex(self, printer):
        body = printer._print(self.body)
        variable, domain = printer._print(self.variable), printer._print(self.domain)
        return f"{self.symbol}_{{{variable} \\in {domain}}} \\left({body}\\right)"


class SetSum(OverSet):
    symbol = "\\sum"


class SetProduct(OverSet):
    symbol = "\\prod"


class SetIntegral(OverSet):
    symbol = "\\int"

    def _latex(self, printer):
        body = printer._print(self.body)
        variable, domain = printer._print(self.variable), printer._print(self.domain)
        return f"\\int_{{{domain}}} \\left({body}\\right) \\, d{variable}"


class Normal(sp.Function):
    """The Gaussian law ``\\mathcal{N}(\\mu, \\sigma^2)`` (mean, variance) where an expectation's
    subscript names a distribution (``\\mathbb{E}_{x \\sim \\mathcal{N}(\\mu, \\sigma^2)}``): a
    name for the law, never evaluated. Its density, ``\\mathcal{N}(x; \\mu, \\sigma^2)``, is read
    as the formula itself (:func:`gaussian_density`)."""

    nargs = 2

    @classmethod
    def eval(cls, mean, variance):
        return None

    def _latex(self, printer):
        mean, variance = (printer._print(a) for a in self.args)
        return f"\\mathcal{{N}}\\left({mean}, {variance}\\right)"


def gaussian_density(x, mean, variance):
    """``\\mathcal{N}(x; \\mu, \\sigma^2)``: the Gaussian density at x, as its formula."""
    return sp.exp(-((x - mean) ** 2) / (2 * variance)) / sp.sqrt(2 * sp.pi * variance)


class Law(sp.Expr):
    """A law named in the table of densities (eqchain/densities.py) where an expectation's
    subscript names a distribution: ``\\mathbb{E}_{x \\sim \\mathrm{Exp}(\\lambda)}`` is
    ``Expectation(f, x, Law("Exp", lambda))``. A name for the law, never evaluated; its density
    is the table's."""

    is_commutative = True
    is_number = False

    def __new__(cls, name, *parameters):
        name = name if isinstance(name, sp.core.symbol.Str) else sp.core.symbol.Str(name)
        return sp.Expr.__new__(cls, name, *(sp.sympify(p, strict=True) for p in parameters))

    @property
    def name(self) -> str:
        return self.args[0].name

    @property
    def parameters(self) -> tuple:
        return self.args[1:]

    @property
    def free_symbols(self):
        return set().union(*(p.free_symbols for p in self.parameters))

    def _latex(self, printer):
        shown = ", ".join(printer._print(p) for p in self.parameters)
        base = self.name
        head = f"\\mathcal{{{base[7:]}}}" if base.startswith("mathcal") else f"\\mathrm{{{base}}}"
        return f"{head}\\left({shown}\\right)"


class Event(sp.Expr):
    """The event ``X = x`` written inside a function's parentheses, as in ``P(X = x)``,
    ``\\mathrm{Pr}(X_i = x)``, ``P(X_i = x | Z_i = k)``, ``I(Z_i = k)``: ``Event(X, x)``, its
    two sides as written. It is no equation and no truth value: only the argument of the
    function applied to it (a probability, an indicator), an opaque function of the event.
    Events written the same way are equal; nothing else is assumed (``X = x`` is not
    ``x = X``; no probability is evaluated, even where X's distribution is declared), and
    numbers never evaluate it, so a step is never refuted through the value of an event."""

    is_commutative = True
    is_number = False

    def __new__(cls, left, right):
        args = [sp.sympify(a, strict=True) for a in (left, right)]
        return sp.Expr.__new__(cls, *args)

    @property
    def left(self):
        return self.args[0]

    @property
    def right(self):
        return self.args[1]

    def _eval_is_finite(self):
        return None

    def _eval_is_real(self):
        return None

    def _eval_evalf(self, prec):
        return None  # never a number

    def _latex(self, printer):
        left, right = self.left, self.right
        if (
            isinstance(left, Sequence)
            and isinstance(right, Sequence)
            and (left.lo, left.hi) == (right.lo, right.hi)
        ):  # X_1 = x_1, \ldots, X_n = x_n: each member's event, as written
            first, last = (
                f"{printer._print(left.family[b])} = {printer._print(right.family[b])}"
                for b in (left.lo, left.hi)
            )
            return f"{first}, \\ldots, {last}"
        return f"{printer._print(left)} = {printer._print(right)}"


class Sequence(sp.Expr):
    """The members ``a_lo, ..., a_hi`` of the family ``a``, written with an ellipsis among a
    function's arguments (``P(X_1, \\ldots, X_n)``, ``L(\\pi_1, ..., \\pi_p; x_1, ..., x_n)``):
    ``Sequence(a, lo, hi)``, ``a`` the family's base. One argument, never expanded into
    members: the same run written twice is the same value, and a value put in for a bound
    (``n = 3``) gives ``Sequence(a, 1, 3)``. Opaque: nothing is known of it but that equal
    runs are equal (a member's value put in elsewhere does not reach it), and numbers never
    evaluate it. Its free symbols are the family's label (so that a derivative by a member,
    ``X_1``, is never 0) and the bounds'; the refuter never gives the label a value. Printed
    back as ``a_{1}, \\ldots, a_{n}``."""

    is_commutative = True
    is_number = False

    def __new__(cls, family, lo, hi):
        if not isinstance(family, sp.IndexedBase):
            raise ValueError("a sequence is a run of a family's members")
        lo, hi = sp.sympify(lo, strict=True), sp.sympify(hi, strict=True)
        return sp.Expr.__new__(cls, family, lo, hi)

    @property
    def family(self) -> sp.IndexedBase:
        return self.args[0]

    @property
    def lo(self):
        return self.args[1]

    @property
    def hi(self):
        return self.args[2]

    def _eval_is_finite(self):
        return None

    def _eval_is_real(self):
        return None

    def _eval_evalf(self, prec):
        return None  # never a number

    def _latex(self, printer):
        first = printer._print(self.family[self.lo])
        last = printer._print(self.family[self.hi])
        return f"{first}, \\ldots, {last}"


class Given(sp.Expr):
    """What a conditional expectation's subscript says, ``E_{Z | X, \\theta^0}``:
    ``Given(Z, X, theta0)``, the variable the expectation is over (Z) and what it is
    conditioned on (X, theta0), as written. In ``Expectation(body, Given(...))`` the variable
    before the bar and its family's members (``Z_i``) are random; everything else is constant
    there, as in ``E_{z \\sim q}`` (README, Expectations). Never evaluated."""

    is_commutative = True
    is_number = False

    def __new__(cls, variable, *conditions):
        if not conditions:
            raise ValueError("a conditional expectation is conditioned on something")
        args = [sp.sympify(a, strict=True) for a in (variable, *conditions)]
        return sp.Expr.__new__(cls, *args)

    @property
    def variable(self):
        """The variable before the bar of ``E_{Z | X}``; the empty ``Tuple()`` for a bar in the
        brackets, ``E[Y \\mid X]`` (:attr:`unnamed`)."""
        return self.args[0]

    @property
    def unnamed(self) -> bool:
        """Whether this is ``E[Y \\mid X]``'s condition (no variable named): X held fixed, every
        other symbol that is not declared constant may be random, as in ``E[Y]``."""
        return self.args[0] == sp.Tuple()

    @property
    def conditions(self) -> tuple:
        return self.args[1:]

    def _eval_is_finite(self):
        return None

    def _eval_is_real(self):
        return None

    def _eval_evalf(self, prec):
        return None  # never a number

    def _latex(self, printer):
        given = ", ".join(printer._print(c) for c in self.conditions)
        return f"{printer._print(self.variable)} | {given}"


def at_its_argument(node) -> bool:
    """Whether ``node`` is a derivative of a function applied to its one variable of
    differentiation, written once among the arguments (``f'(x)``, ``\\frac{d}{dx} f(x, a)``):
    one that :meth:`Prime.at_point` can write at its point."""
    if not (isinstance(node, sp.Derivative) and isinstance(node.expr, AppliedUndef)):
        return False
    variables = set(node.variables)
    return len(variables) == 1 and list(node.expr.args).count(next(iter(variables))) == 1


class Prime(sp.Derivative):
    """``f'(x)`` with a name for argument, as the reader builds it: the derivative of f at the
    point x. A Derivative like ``\\frac{d}{dx} f(x)`` and equal to it in value unless f's
    definition names x otherwise (``g(t) = a t``: ``g'(a)`` is a, ``\\frac{d}{da} g(a)`` is
    2a); only this class is read at the point there (``Facts._derivative_at_a_name``), so
    the two notations keep their one reading each. SymPy's own operations may give a plain
    Derivative back (``doit``), which is the same value wherever the point reading does not
    apply."""

    def at_point(self, own=None):
        """The same derivative written at its point, ``Subs(Derivative(f(u), u), u, x)``,
        right whatever f's body names (``u`` a variable of its own, ``own`` if given)."""
        (var,) = set(self.variables)
        own = sp.Dummy("u", **var.assumptions0) if own is None else own
        inner = self.expr.func(*(own if a == var else a for a in self.expr.args))
        return sp.Subs(sp.Derivative(inner, (own, self.derivative_count)), own, var)
