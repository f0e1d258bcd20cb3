"""The densities eqchain reads by name: one table, used by the reader and the README.

``\\mathrm{Exp}(x; \\lambda)`` (a name, the value, a semicolon, the parameters) is read as the
density's formula at x, zero outside its support. The parameterisations are the StatProofBook's
(https://statproofbook.github.io, "Probability Distributions"), which the corpus's documents
follow; each row cites its page. Where a name has more than one convention in use (the gamma by
shape and rate or by shape and scale; the exponential by rate or by mean), only the documented
one is read, as the README says: eqchain does not guess.

The parameters' conditions (``\\lambda > 0``, ``0 \\le p \\le 1``) are not assumed by the
reading: the formula is read for any value, and a step whose truth needs a condition is decided
under the declared assumptions only (an integral that needs ``\\lambda > 0`` to converge is
``unknown`` naming it). A row that states a law, ``X \\sim \\mathrm{Exp}(\\lambda)``, declares
them (eqchain.load.document.stated_law_conditions).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp

from eqchain.operators import gaussian_density


@dataclass(frozen=True)
class Density:
    """One density (or probability mass function) read by name.

    ``names``: the reader's keys for the name (``Exp`` for ``\\mathrm{Exp}``, ``mathcalU`` for
    ``\\mathcal{U}``); ``written``: how the README shows it; ``parameters`` and ``conditions``:
    for the documentation; ``formula(x, *parameters)``: the value, with its support."""

    names: tuple[str, ...]
    written: str
    parameters: tuple[str, ...]
    conditions: str
    support: str
    formula: Callable
    source: str
    holds: Callable  # the parameters' conditions as one SymPy condition
    discrete: bool = False  # a probability mass function (its expectation is a sum)
    # what every value of the support is, as assumption words: a row stating the law of a name
    # declares them (``y_i \\sim \\mathrm{Poiss}(\\lambda)``: y_i a nonnegative integer)
    values: tuple[str, ...] = ()

    def value(self, x, parameters):
        """The formula at x where the parameters' conditions hold; undefined (``nan``)
        elsewhere (a Piecewise of one piece): a value there is no density's, so no counterexample
        is taken from it."""
        return sp.Piecewise((self.formula(x, *parameters), self.holds(*parameters)))


def _exponential(x, rate):
    return sp.Piecewise((rate * sp.exp(-rate * x), x >= 0), (0, True))


def _gamma(x, shape, rate):
    value = rate**shape / sp.gamma(shape) * x ** (shape - 1) * sp.exp(-rate * x)
    return sp.Piecewise((value, x > 0), (0, True))


def _beta(x, a, b):
    value = x ** (a - 1) * (1 - x) ** (b - 1) * sp.gamma(a + b) / (sp.gamma(a) * sp.gamma(b))
    return sp.Piecewise((value, (x >= 0) & (x <= 1)), (0, True))


def _uniform(x, a, b):
    return sp.Piecewise((1 / (b - a), (x >= a) & (x <= b)), (0, True))


def _natural(x):
    """x is a natural number (0, 1, 2, ...)."""
    return sp.Contains(x, sp.Naturals0)


def _bernoulli(x, p):
    return sp.Piecewise((p**x * (1 - p) ** (1 - x), sp.Contains(x, sp.FiniteSet(0, 1))), (0, True))


def _binomial(x, n, p):
    value = sp.binomial(n, x) * p**x * (1 - p) ** (n - x)
    return sp.Piecewise((value, _natural(x) & (x <= n)), (0, True))


def _poisson(x, rate):
    return sp.Piecewise((rate**x * sp.exp(-rate) / sp.factorial(x), _natural(x)), (0, True))


_BOOK = "https://statproofbook.github.io/P/"

DENSITIES: tuple[Density, ...] = (
    Density(
        ("mathcalN",),
        "\\mathcal{N}(x; \\mu, \\sigma^2)",
        ("mean", "variance"),
        "\\sigma^2 > 0",
        "the real line",
        gaussian_density,
        _BOOK + "norm-pdf",
        lambda mean, variance: variance > 0,
    ),
    Density(
        ("Exp",),
        "\\mathrm{Exp}(x; \\lambda)",
        ("rate",),
        "\\lambda > 0",
        "x \\ge 0",
        _exponential,
        _BOOK + "exp-pdf",
        lambda rate: rate > 0,
        values=("nonnegative",),
    ),
    Density(
        ("Gam", "Gamma"),
        "\\mathrm{Gam}(x; a, b)",
        ("shape", "rate"),
        "a > 0, b > 0",
        "x > 0",
        _gamma,
        _BOOK + "gam-pdf",
        lambda a, b: (a > 0) & (b > 0),
        values=("positive",),
    ),
    Density(
        ("Bet", "Beta"),
        "\\mathrm{Bet}(x; \\alpha, \\beta)",
        ("shape", "shape"),
        "\\alpha > 0, \\beta > 0",
        "0 \\le x \\le 1",
        _beta,
        _BOOK + "beta-pdf",
        lambda a, b: (a > 0) & (b > 0),
        values=("nonnegative",),
    ),
    Density(
        ("mathcalU", "Unif"),
        "\\mathcal{U}(x; a, b)",
        ("lower end", "upper end"),
        "a < b",
        "a \\le x \\le b",
        _uniform,
        _BOOK + "cuni-pdf",
        lambda a, b: a < b,
    ),
    Density(
        ("Bern", "Bernoulli"),
        "\\mathrm{Bern}(x; p)",
        ("success probability",),
        "0 \\le p \\le 1",
        "x \\in \\{0, 1\\}",
        _bernoulli,
        _BOOK + "bern-pmf",
        lambda p: (p >= 0) & (p <= 1),
        True,
        ("nonnegative", "integer"),
    ),
    Density(
        ("Bin", "Binomial"),
        "\\mathrm{Bin}(x; n, p)",
        ("number of trials", "success probability"),
        "n a natural number, 0 \\le p \\le 1",
        "x \\in \\{0, 1, \\ldots, n\\}",
        _binomial,
        _BOOK + "bin-pmf",
        lambda n, p: _natural(n) & (p >= 0) & (p <= 1),
        True,
        ("nonnegative", "integer"),
    ),
    Density(
        ("Poiss", "Pois", "Poisson", "Poi", "Po"),
        "\\mathrm{Poiss}(x; \\lambda)",
        ("rate",),
        "\\lambda > 0",
        "x \\in \\{0, 1, 2, \\ldots\\}",
        _poisson,
        _BOOK + "poiss-pmf",
        lambda rate: rate > 0,
        True,
        ("nonnegative", "integer"),
    ),
)

_BY_NAME = {name: d for d in DENSITIES for name in d.names}


def density_named(name: str, count: int) -> Density | None:
    """The density read for the name ``name`` (the reader's key) with ``count`` parameters
    after the semicolon; None for any other name or count."""
    d = _BY_NAME.get(name)
    return d if d is not None and len(d.parameters) == count else None


def density_value(name: str, x, parameters):
    """The formula of the density ``name`` at ``x``; None when there is no such density."""
    d = density_named(name, len(parameters))
    return None if d is None else d.value(x, parameters)


def _parameter_conditions(node) -> list:
    """The conditions of a density's parameters in ``node``: for a Piecewise with no piece
    for "otherwise" (undefined there), the relations every piece's condition holds; else []."""
    if not isinstance(node, sp.Piecewise) or not node.args or node.args[-1].cond == sp.true:
        return []
    common = None
    for piece in node.args:
        parts = set(sp.And.make_args(piece.cond))
        common = parts if common is None else common & parts
    return sorted(common or (), key=sp.default_sort_key)


def parameter_needs(*exprs) -> list:
    """The parameters' conditions of the densities in ``exprs`` that the declared assumptions
    do not establish (SymPy conditions), each once."""
    out = []
    for e in exprs:
        if not isinstance(e, sp.Basic):
            continue
        for node in e.atoms(sp.Piecewise):
            out.extend(c for c in _parameter_conditions(node) if c not in out)
    return out


def settled(expr, givens=()):
    """``expr`` with the parameters' conditions of its densities that the assumptions
    establish taken as true (a density whose conditions all hold is its formula). A condition
    ``a < b`` or ``p \\le 1`` is established by the symbols' declarations, or by a margin given
    ``m = b - a`` with ``m`` declared positive (how ``--assume "p < 1"`` and a file's
    ``p < 1`` are carried)."""
    if not isinstance(expr, sp.Basic) or not expr.has(sp.Piecewise):
        return expr
    found = {}
    for node in expr.atoms(sp.Piecewise):
        held = {c: sp.true for c in _parameter_conditions(node) if established(c, givens)}
        if held:
            found[node] = node.xreplace(held)
    return expr.xreplace(found) if found else expr


def established(part, givens) -> bool:
    """Whether the relation ``part`` (``a < b``, ``x \\ge 0``, ``b - a \\neq 0``) holds by the
    symbols' declarations, or by a margin given ``m = e`` with ``m`` declared positive (or
    nonnegative) and the relation's margin a positive multiple of ``e`` (how ``--assume "a <
    b"`` and a stated law's ``a < b`` are carried). ``\\neq 0`` holds where ``> 0`` or
    ``< 0`` does; ``n \\in \\mathbb{N}_0`` by n's declaration. Anything else: False."""
    from eqchain.check import conditions as cond

    if isinstance(part, sp.Contains) and part.args[1] == sp.Naturals0:
        n = part.args[0]
        return n.is_integer is True and n.is_nonnegative is True
    if isinstance(part, sp.Ne):
        gap = part.lhs - part.rhs
        return established(sp.Gt(gap, 0, evaluate=False), givens) or established(
            sp.Lt(gap, 0, evaluate=False), givens
        )
    relations = (sp.StrictGreaterThan, sp.GreaterThan, sp.StrictLessThan, sp.LessThan)
    if not isinstance(part, relations):
        return False
    strict = isinstance(part, (sp.StrictGreaterThan, sp.StrictLessThan))
    pred = "positive" if strict else "nonnegative"
    margin = part.gts - part.lts  # positive (or nonnegative) for the condition to hold
    if cond.holds(pred, margin):
        return True
    for a, b in givens:
        for m, e in ((a, b), (b, a)):
            if e == 0 or not cond.holds(pred, m):
                continue
            ratio = sp.cancel(margin / e)
            if ratio.is_Rational and ratio > 0:
                return True
    # the margin written through the margins' symbols: p - 1 < 1 is 1 + m > 0 with m = 1 - p
    return any(cond.holds(pred, sp.expand(margin.xreplace(put))) for put in through_margins(givens))


def through_margins(givens) -> list[dict]:
    """Ways to write symbols through the margins among ``givens``, each ``{symbol: value}``:
    an equation ``m = e`` with m a symbol declared nonnegative or positive and e linear in one
    other symbol with a rational coefficient gives ``p -> 1 - m`` from ``m = 1 - p``. One way
    a margin, then one with every margin whose symbol is not yet written (``-1 < r < 1`` has
    two margins for r: either bound may be the one that shows a condition). An expression that
    holds a condition once so written holds it as written (each margin equation holds)."""
    from eqchain.check import conditions as cond

    ways: list[dict] = []
    every: dict = {}
    for a, b in givens:
        for m, e in ((a, b), (b, a)):
            plain = isinstance(m, sp.Symbol) and isinstance(e, sp.Basic)
            if plain and cond.holds("nonnegative", m) and (one := _solved_for_one(m, e, {})):
                ways.append(one)
                every.update(_solved_for_one(m, e, every))
    if len(ways) > 1:
        ways.append(every)
    return ways


def _solved_for_one(m, e, taken: dict) -> dict:
    """``{s: value}`` for a symbol ``s`` of ``e`` (not yet in ``taken``) that the equation
    ``m = e`` gives linearly with a rational coefficient; {} when there is none. Of a margin
    between two names (``m = b - a``, ``m = b_1 - a_1``) the first in the order of their
    names: either writes every expression of the two through m and the other."""
    if m in e.free_symbols:
        return {}
    labels = {i.base.label for i in e.atoms(sp.Indexed)}
    members = [i for i in e.atoms(sp.Indexed) if all(j.is_Integer for j in i.indices)]
    names = [s for s in e.atoms(sp.Symbol) if s not in labels]
    if any(i not in members for i in e.atoms(sp.Indexed)):
        return {}  # a member at a symbolic index: the index is no name to solve for
    expanded = sp.expand(e)
    for s in sorted((x for x in (*names, *members) if x not in taken), key=sp.default_sort_key):
        coefficient = expanded.coeff(s)
        rest = sp.expand(expanded - coefficient * s)
        if coefficient.is_Rational and coefficient != 0 and not rest.has(s):
            return {s: (m - rest) / coefficient}
    return {}


def density_conditions(*exprs) -> str:
    """``"; the definitions it uses need λ > 0 (...)"`` for the
    densities in ``exprs`` whose conditions the assumptions do not establish; "" when none."""
    from eqchain.latex.printer import latex

    needs = parameter_needs(*exprs)
    if not needs:
        return ""
    shown = ", ".join(latex(c) for c in needs)
    why = (
        "what a density's parameters or a definition under a condition are written under, "
        "not established by the assumptions"
    )
    return f"; the definitions it uses need {shown} ({why})"
