"""Symbolic equivalence under the declared assumptions ("algebra").

Two expressions are proved equal when their normal forms coincide or SymPy's ``simplify`` takes
their difference to zero. The normal form applies the log and sum rules of the table only where
their side conditions are established (never ``force=True``), then expands. Givens are used by
solving one of them for a symbol it determines linearly and substituting. Sums and products with a
symbolic bound stay symbolic: nothing here proves only the K = 6 case.
"""

from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

from eqchain.check.rewrite import apply_rule
from eqchain.check.screen import clearly_nonzero
from eqchain.check.series import settled, summed
from eqchain.operators import Expectation
from eqchain.tree import canonical, put_in

NORMALISING_RULES = (
    "differentiate",
    "sum_kronecker",  # what differentiating a sum by one member leaves: \sum_k \delta_{ik} f_k
    "log_prod",
    "log_mul",
    "log_div",
    "log_pow",
    "sum_split",
    "sum_const_mul",
    "limit_const_mul",
    "sum_const",
    "prod_split",
    "prod_exp",
    "prod_const",
)
MAX_EXPAND = 200


def normal_form(expr, ranges: dict | None = None):
    """Rules applied where their conditions hold, then expansion, in canonical form."""
    current = canonical(expr)
    for _ in range(4):
        before = current
        for name in NORMALISING_RULES:
            if name in ("sum_const_mul", "differentiate"):
                out = apply_rule(name, current, ranges=ranges)
            else:
                out = apply_rule(name, current, only_if_holds=True, ranges=ranges)
            if out is not None:
                current = out[0]
        current = canonical(sp.expand(current))
        if current == before:
            break
    return current


def expand_concrete(expr):
    """Write out sums and products whose bounds are concrete (and small)."""

    def visit(node):
        if isinstance(node, (sp.Sum, sp.Product)) and len(node.limits) == 1:
            var, lo, hi = node.limits[0]
            if lo.is_Integer and hi.is_Integer and 0 <= hi - lo < MAX_EXPAND:
                terms = [node.function.xreplace({var: i}) for i in range(lo, hi + 1)]
                return sp.Add(*terms) if isinstance(node, sp.Sum) else sp.Mul(*terms)
        return node

    return canonical(_bottom_up(expr, visit))


def _bottom_up(expr, visit):
    if not isinstance(expr, sp.Basic) or not expr.args or isinstance(expr, (sp.Symbol, sp.Indexed)):
        return visit(expr)
    args = tuple(_bottom_up(a, visit) for a in expr.args)
    return visit(expr.func(*args) if args != expr.args else expr)


_ZERO: dict = {}  # (difference, quick) -> is_zero's answer, for the rest of the process
_ZERO_MAX = 5_000


def is_zero(diff, quick: bool = False) -> bool:
    """:func:`_is_zero`, remembered for the process: a pure function of the tree (symbols with
    other assumptions are other keys), and the same difference comes back from step to step
    and from one attempt to the next (about a fifth of is_zero's time on four corpus documents). An
    answer cut short by the step's time limit (a BaseException) is not remembered."""
    key = (diff, quick)
    if key in _ZERO:
        return _ZERO[key]
    answer = _is_zero(diff, quick)
    if len(_ZERO) >= _ZERO_MAX:
        _ZERO.clear()
    _ZERO[key] = answer
    return answer


def _is_zero(diff, quick: bool = False) -> bool:
    """True only when ``diff`` is proved to be zero symbolically.

    Whatever SymPy raises on the way (``simplify`` has been seen to raise StopIteration from
    ``sum_simplify``) means "not proved", never a crash; the step's time limit (a
    BaseException) still goes through. A difference holding a Piecewise is not simplified
    (see below). ``quick``: expansion only, never ``simplify`` (the first attempts of the full
    call, so what is proved quickly is proved by the full call too)."""
    if diff == 0:
        return True
    if not quick and clearly_nonzero(diff):
        return False  # not zero at a point meeting the assumptions: nothing to prove
    attempts = (sp.expand, _expand_log, sp.simplify, _simplify_summed, _hyperbolic_in_exp)
    if quick or diff.has(sp.Piecewise):
        # SymPy's simplify drops a piece reached at one point only (Piecewise((1, x**2 <= 0),
        # (0, True)) is 0 to it): a piecewise difference is proved piece by piece, by
        # _zero_by_cases, never by simplify
        attempts = (sp.expand, _expand_log)
    for attempt in attempts:
        try:
            value = attempt(diff)
            if value == 0:
                return True
        except Exception:  # noqa: BLE001 - a failed attempt proves nothing
            continue
    return False


def _simplify_summed(expr):
    """Sums in closed form (check/series.py), then simplified; unchanged when there is none
    (simplify has been tried on it already)."""
    if not expr.has(sp.Sum):
        return expr
    done = summed(expr)
    return sp.simplify(done) if done != expr else expr


_HYPERBOLIC = (sp.sinh, sp.cosh, sp.tanh, sp.coth, sp.sech, sp.csch)


def _hyperbolic_in_exp(expr):
    """The hyperbolic functions written with exp (an identity: tanh x = (e^x - e^{-x})/(e^x +
    e^{-x})), then simplified; unchanged when there is none. SymPy's simplify leaves
    1 - tanh(x)^2 - 4/(e^x + e^{-x})^2 as cosh(x)^{-2} + tanh(x)^2 - 1."""
    if not expr.has(*_HYPERBOLIC):
        return expr
    return sp.simplify(expr.rewrite(sp.exp))


def _expand_log(expr):
    return sp.expand_log(expr, force=False)


def prove_equal(
    a,
    b,
    givens=(),
    ranges: dict | None = None,
    used: list | None = None,
    quick: bool = False,
) -> str | None:
    """How ``a = b`` is proved symbolically, or None.

    Returns ``"algebra"`` when the two sides are equal as they stand, ``"solve_for"`` when an
    earlier equation (pairs ``(l, r)`` in ``givens``), solved for one symbol it determines
    linearly with a coefficient established nonzero, makes them equal; the position of that
    equation in ``givens`` is appended to ``used``.

    ``quick``: the same stages with expansion only (no ``simplify``, no case splits): a cheap
    proof, found before a counterexample is looked for (none exists where it succeeds). The
    full call proves whatever the quick one does, at the same stage or an earlier one (whose
    name it then returns): the name is the full call's."""
    if _one_side_alone(a, b, givens):
        return None  # before summing a series on the other side (seconds, to no end)
    sa, sb = settled(a, givens), settled(b, givens)
    if (sa, sb) != (a, b):  # a series summed where its convergence is established
        how = prove_equal(sa, sb, givens, ranges, used, quick)
        if how is not None:
            return "series_sum" if how == "algebra" else how
    na, nb = normal_form(a, ranges), normal_form(b, ranges)
    first = na - nb
    if na == nb:
        return "algebra"
    if _one_side_alone(na, nb, givens):
        return None
    # sums over one range term by term first: simplify would try to sum them in closed form
    # (SymPy's hypergeometric and telescoping summation, seconds on a binomial sum)
    if not quick and first.has(sp.Sum) and _zero_termwise(first):
        return "sum_termwise"
    if is_zero(first, quick):
        return "algebra"
    ea = normal_form(expand_concrete(na), ranges)
    eb = normal_form(expand_concrete(nb), ranges)
    diff = ea - eb
    # the same difference again (no concrete sum to write out) is not simplified twice
    if ea == eb or (diff != first and is_zero(diff, quick)):
        return "algebra"
    if not quick and diff.has(sp.Piecewise) and _zero_by_cases(diff):
        return "piecewise_cases"
    if not quick and diff.has(sp.Piecewise) and _zero_by_delta_cases(diff):
        return "piecewise_cases"
    if not quick and _zero_by_max_min_cases(diff):
        return "max_min_cases"
    if not quick and diff != first and diff.has(sp.Sum) and _zero_termwise(diff):
        return "sum_termwise"
    plain = not diff.has(sp.Integral)
    for n, (left, right) in enumerate(givens):
        if plain and (left.has(sp.Integral) or right.has(sp.Integral)):
            # an integral stays one in normal form, and no multiple of such a given nor a
            # symbol solved from it makes a difference without integrals zero (the integral
            # would stay in it): an earlier row of an integral chain is not tried, at the cost
            # of differentiating under its sign
            continue
        try:
            g = normal_form(expand_concrete(canonical(left - right)), ranges)
            how = "scale_equation" if _scaled(diff, g, quick) else None
            how = how or ("solve_for" if _solves(diff, g, quick) else None)
            if how is not None:
                if used is not None:
                    used.append(n)
                return how
        except Exception:  # noqa: BLE001 - SymPy failed: this given proves nothing
            continue
    return None


def _one_side_alone(a, b, givens) -> bool:
    """Whether one side is an opaque quantity alone (a name, an undefined function's value, an
    expectation SymPy cannot take) that the other side and the givens do not mention: then no
    stage below can make the two equal (the difference is that quantity less what does not hold
    it), and SymPy's simplify was spending the step's whole limit summing the other side
    (\\mathbb{E}[K] = \\sum_{k=0}^{n} k \\binom{n}{k} p^k (1 - p)^{n - k}: 20 s of hypergeometric
    summation, then unknown anyway)."""
    for one, other in ((a, b), (b, a)):
        if _holds_opaque_linearly(one, other, givens):
            return True
        if not isinstance(one, (sp.Symbol, AppliedUndef, Expectation)):
            continue
        if isinstance(one, sp.Symbol) and one in other.free_symbols:
            continue
        if other.has(one) or any(side.has(one) for pair in givens for side in pair):
            continue
        if isinstance(one, Expectation) and one.doit() != one:
            continue
        return True
    return False


def _holds_opaque_linearly(one, other, givens) -> bool:
    r"""Whether ``one`` holds an undefined function's value or an expectation SymPy cannot take
    that ``other`` and the givens do not mention, with a number other than 0 as its
    coefficient (``\mathbb{E}[K^2] - \mathbb{E}[K]`` against a sum: each quantity taken as a
    name of its own, as every stage below takes it, the difference moves with it, so none of
    them proves it zero)."""
    if not isinstance(one, sp.Expr) or not isinstance(other, sp.Expr):
        return False

    def stays(q) -> bool:  # an expectation SymPy takes (E[c] = c) may meet the other side
        if not isinstance(q, Expectation):
            return True
        done = q.doit()
        return isinstance(done, Expectation) and done.args[0] == canonical(q.args[0])

    opaque = [
        q
        for q in one.atoms(AppliedUndef, Expectation)
        if not other.has(q)
        and not any(side.has(q) for pair in givens for side in pair)
        and stays(q)
    ]
    for q in opaque:
        name = sp.Dummy("q")
        try:
            slope = sp.diff(one.xreplace({q: name}), name)
        except Exception:  # noqa: BLE001 - SymPy failed: nothing shown
            continue
        if slope.is_number and slope.is_zero is False:
            return True
    return False


_ENDS = 2  # the summand is also shown zero at this many points at each end of the range
_PEEL = 2  # at most this many terms written out at the start of a range to align it


def _zero_termwise(diff) -> bool:
    r"""Whether ``diff`` is a combination of sums over one range whose summands, joined into
    one and the index an integer, are zero: ``\sum_{k=0}^{n} k \binom{n}{k} p^k =
    \sum_{k=0}^{n} n \binom{n-1}{k-1} p^k`` by ``k \binom{n}{k} = n \binom{n-1}{k-1}``.

    The sums are brought onto one range: their index shifted so that the ranges end together
    (``\sum_{j=0}^{n-1} g_j = \sum_{k=1}^{n} g_{k-1}``), then the first terms of a range that
    starts earlier written out (at most ``_PEEL``: ``\sum_{k=0}^{n} f_k = f_0 + \sum_{k=1}^{n}
    f_k``, an identity in SymPy's reading of a range, which is the reader's for every range the
    step writes, since each has a length of at least 0 in the step's domain). Every term of
    ``diff`` is a factor free of the index times such a sum, or a term without one; those and
    the terms written out must add up to zero. simplify proves the joined summand zero for a
    generic integer index, so it is also shown zero at the first and last points of the range
    (where the gamma functions behind binomials and factorials have their poles:
    ``\binom{n-1}{k-1}`` at k = 0), each point put in and the value shown zero.

    Series (every range running to infinity) are taken with the same index, the first terms of
    one written out, or with their first indices brought together by a shift. Each series the
    step writes is finite in its domain (check/domain.py: a series is a value where it
    converges), so they add term by term."""
    sums = []  # (coefficient, index, first, last, body)
    rest = []
    for term in sp.Add.make_args(diff):
        found = [f for f in sp.Mul.make_args(term) if isinstance(f, sp.Sum)]
        if not found:
            rest.append(term)
            continue
        if len(found) != 1 or len(found[0].limits) != 1:
            return False
        (total,) = found
        coefficient = sp.Mul(*(f for f in sp.Mul.make_args(term) if f is not total))
        var, lo, hi = total.limits[0]
        sums.append((coefficient, var, lo, hi, total.function))
    if len(sums) < 2:
        return False  # one sum: nothing to join
    lo0, hi0 = sums[0][2], sums[0][3]
    if all(hi == sp.oo for *_, hi, _ in sums):
        # series: the same index (the first terms of one written out), or the first indices
        # brought together by a shift
        same = [sp.Integer(0)] * len(sums)
        aligned = [lo - lo0 for _, _, lo, _, _ in sums]
        return _joined_zero(sums, rest, same, hi0) or (
            aligned != same and _joined_zero(sums, rest, aligned, hi0)
        )
    # finite ranges: shifted so that they end together
    return _joined_zero(sums, rest, [hi - hi0 for *_, hi, _ in sums], hi0)


def _joined_zero(sums, rest, shifts, hi) -> bool:
    """:func:`_zero_termwise` with each sum's index moved by its shift, the first terms of the
    ranges that start earlier written out."""
    k = sp.Dummy("k", integer=True)
    lo0 = sums[0][2] - shifts[0]
    parts = []  # (coefficient, body in k, first index)
    for (coefficient, var, lo, _, body), shift in zip(sums, shifts, strict=True):
        if not (shift.is_Integer and (lo - shift - lo0).is_Integer):
            return False  # two ranges not one shift apart: not term by term
        parts.append((coefficient, body.xreplace({var: k + shift}), lo - shift))
    start = max((first for _, _, first in parts), key=lambda f: f - lo0)
    written = list(rest)
    for coefficient, body, first in parts:
        count = start - first
        if count > _PEEL:
            return False
        written.extend(coefficient * body.xreplace({k: first + i}) for i in range(count))
    summand = sp.Add(*(coefficient * body for coefficient, body, _ in parts))
    if summand.has(sp.Sum, sp.Product, sp.Integral) or not is_zero(summand):
        return False
    if written and not _zero_value(sp.Add(*written)):
        return False
    if not _explicit(summand, k):
        return True  # k only picks members: at each index the term is the generic one renamed
    ends = [start + i for i in range(_ENDS)]
    if hi != sp.oo:
        ends += [hi - i for i in range(_ENDS)]
    return all(_zero_value(summand.xreplace({k: point})) for point in ends)


def _explicit(summand, k) -> bool:
    """Whether the index ``k`` stands in ``summand`` elsewhere than in the indices of family
    members (``y_k``, ``x_{k+1}``): in a binomial, a factorial, a power, a coefficient. Only
    then may the term at one index differ from what the generic proof shows (a pole of a gamma
    function that simplify cancelled); members at distinct indices are distinct symbols with
    the family's declarations, as they are for a generic k."""
    members = {m: sp.Dummy() for m in summand.atoms(sp.Indexed) if k in m.free_symbols}
    return k in summand.xreplace(members).free_symbols


def _zero_value(value) -> bool:
    """Whether ``value`` (the summand at one index, or terms written out) is zero: binomials
    and factorials at that index evaluated, no undefined value in it."""
    try:
        value = value.doit() if value.has(sp.binomial, sp.factorial) else value
    except Exception:  # noqa: BLE001 - SymPy failed: not shown
        return False
    return not value.has(sp.nan, sp.zoo) and is_zero(value)


def _zero_or_termwise(diff, quick: bool) -> bool:
    """:func:`_zero_termwise` for a difference of sums (not quick: before simplify, which would
    try to sum them in closed form), or :func:`is_zero`."""
    if not quick and diff.has(sp.Sum) and _zero_termwise(canonical(sp.expand(diff))):
        return True
    return is_zero(diff, quick)


def _zero_by_max_min_cases(diff) -> bool:
    """Whether ``diff``, each max and min of real values written as its cases
    (``\\max(a, b)`` is a where a >= b, else b), is zero in every case."""
    found = diff.atoms(sp.Max, sp.Min)
    if not found or not all(a.is_real is True for m in found for a in m.args):
        return False
    try:
        cases = diff.rewrite(sp.Piecewise)
    except Exception:  # noqa: BLE001 - SymPy failed: nothing proved
        return False
    return cases.has(sp.Piecewise) and not cases.has(sp.Max, sp.Min) and _zero_by_cases(cases)


def _zero_by_delta_cases(diff) -> bool:
    r"""Whether ``diff``, each Kronecker delta written as its cases (δ_ij is 1 where i = j, else
    0: what the derivative of z_j by z_i gives), is zero in every case: a delta beside an
    indicator ``\mathbb{1}\{i = j\}`` of names not known to be integers (latex.indicators)."""
    found = diff.atoms(sp.KroneckerDelta)
    if not found:
        return False
    cases = diff.xreplace(
        {d: sp.Piecewise((sp.Integer(1), sp.Eq(*d.args)), (sp.Integer(0), True)) for d in found}
    )
    return not cases.has(sp.KroneckerDelta) and _zero_by_cases(cases)


def _pieces_under_a_binder(expr) -> bool:
    """Whether a piecewise value stands inside an integral, sum, product, limit or derivative:
    SymPy's piecewise_fold pulls such pieces out with their conditions on the bound variable
    and merges them with the pieces outside (``\\max(0, z) \\int_{-1}^{1} f(|z|) \\, dz``
    folded into cases of the z outside: a false identity was proved), so no cases are taken."""
    binders = (sp.Integral, sp.Sum, sp.Product, sp.Limit, sp.Derivative)
    return any(node.has(sp.Piecewise) for node in expr.atoms(*binders))


def _zero_by_cases(diff) -> bool:
    """Whether ``diff``, folded into one Piecewise, is zero in every piece under that piece's
    condition (and the earlier pieces' conditions false). A piece is proved zero for all the
    values its condition allows or more: a bound on a name (x >= a, x < a) is put in as
    x = a + t with t >= 0 (t > 0, ...) for one bound per name; x = c is put in; any other
    condition is dropped, which proves the piece on a larger set. A piece that may be reached
    and is undefined (NaN) proves nothing: the step is not proved."""
    if _pieces_under_a_binder(diff):
        return False
    try:
        folded = sp.piecewise_fold(diff)
    except Exception:  # noqa: BLE001 - SymPy failed: nothing proved
        return False
    if not isinstance(folded, sp.Piecewise):
        return is_zero(folded)
    if not folded.args or folded.args[-1].cond is not sp.true:
        return False  # undefined where no piece's condition holds: see the NaN piece below
    earlier: list = []
    proved = 0  # pieces shown zero: none (undefined everywhere) proves nothing
    for expr, condition in folded.args:
        try:
            effective = sp.And(condition, *[sp.Not(c) for c in earlier])
        except Exception:  # noqa: BLE001
            return False
        earlier.append(condition)
        if effective is sp.false:
            continue
        region = _region(effective)
        if region is sp.S.EmptySet:
            continue  # no real value reaches this piece (z >= 0, z <= 0 and neither)
        if expr.has(sp.nan):
            # undefined there (a density outside its parameters' conditions, a definition
            # under a condition): not proved, the step stays unknown naming what it needs
            return False
        if isinstance(region, tuple):
            # the piece holds at these values of its one name only (z >= 0 and z <= 0: z = 0)
            name, values = region
            # (a variable some node of the piece binds is not the name: put_in leaves it)
            if not all(is_zero(put_in(expr, {name: v})) for v in values):
                return False
        elif not is_zero(_under(expr, effective)):
            return False
        proved += 1
    return proved > 0


def _region(condition):
    """Where a piece's condition in one real name holds: EmptySet when at no real value,
    (name, values) when at finitely many, else None (the piece is proved by :func:`_under`).
    Only for conditions of polynomial (in)equalities, which SymPy solves exactly. The name's
    other assumptions are not used: the region found may only be larger."""
    names = condition.free_symbols
    if len(names) != 1:
        return None
    (name,) = names
    if name.is_real is not True:
        return None
    relations = condition.atoms(sp.core.relational.Relational)
    if not relations or not all((r.lhs - r.rhs).is_polynomial(name) for r in relations):
        return None  # solved only where SymPy decides inequalities exactly: polynomials
    try:
        region = condition.as_set()
    except Exception:  # noqa: BLE001 - SymPy cannot solve it: decided piece by piece
        return None
    if region is sp.S.EmptySet:
        return region
    if isinstance(region, sp.FiniteSet) and all(v.is_real for v in region):
        return name, tuple(region)
    return None


_BOUND_SIGN = {">": "positive", ">=": "nonnegative", "<": "negative", "<=": "nonpositive"}


def _under(expr, condition):
    """``expr`` with its names reparametrised by ``condition``'s bounds (see
    :func:`_zero_by_cases`)."""
    parts = condition.args if isinstance(condition, sp.And) else (condition,)
    put: dict = {}
    for part in parts:
        if isinstance(part, sp.Eq):
            a, b = part.args
            if isinstance(a, sp.Symbol) and a not in put and not b.has(a):
                put[a] = b
            continue
        if not isinstance(
            part, (sp.StrictGreaterThan, sp.GreaterThan, sp.StrictLessThan, sp.LessThan)
        ):
            continue
        a, b = part.lhs, part.rhs
        op = part.rel_op
        if not isinstance(a, sp.Symbol):
            a, b, op = b, a, {">": "<", ">=": "<=", "<": ">", "<=": ">="}[op]
        if not isinstance(a, sp.Symbol) or a in put or b.has(a) or b.has(*put):
            continue
        if b == 0:
            kept = {k: v for k, v in a.assumptions0.items() if v is not None}
            try:
                put[a] = sp.Symbol(a.name, **{**kept, _BOUND_SIGN[op]: True})
            except ValueError:  # the bound contradicts the name's assumptions: no values
                return sp.Integer(0)
            continue
        t = sp.Dummy("t", **{_BOUND_SIGN[">" if op in (">", "<") else ">="]: True})
        put[a] = b + t if op in (">", ">=") else b - t
    return put_in(expr, put) if put else expr  # a variable bound inside is not the name


def _scaled(diff, g, quick: bool = False) -> bool:
    r"""Whether ``diff`` is a number times ``g`` (so ``g = 0`` makes it zero): the claim is the
    earlier equation moved to one side and multiplied, ``\sum_i (x_i - \mu) = 0`` after the
    sum is split, ``\sum_i x_i - n \mu = 0``."""
    if g == 0 or not g.free_symbols:
        return False
    try:
        q = sp.cancel(sp.together(diff / g))
    except Exception:  # noqa: BLE001 - SymPy failed: not shown to be a multiple
        return False
    return bool(q.is_number and q.is_finite) and is_zero(sp.expand(diff - q * g), quick)


def _solves(diff, g, quick: bool = False) -> bool:
    """Whether solving ``g = 0`` for one symbol it determines linearly makes ``diff`` zero.

    The coefficient of that symbol must be nonzero: established, or a factor of a denominator
    of the claim itself (``\\lambda = n / \\sum_i x_i`` from ``n / \\lambda - \\sum_i x_i = 0``:
    where the sum is 0 the claim says nothing, and the step's domain says so). A quotient ``g``
    is solved through its numerator too (the given holds only where its denominator is not 0)."""
    forms = [g]
    try:
        numerator, denominator = sp.fraction(sp.together(g))
        if denominator != 1:
            forms.append(sp.expand(numerator))
        claim_denominator = sp.fraction(sp.together(diff))[1]
    except Exception:  # noqa: BLE001 - SymPy failed: only g as it stands
        claim_denominator = sp.Integer(1)
    # a symbol inside an integral is not solved for: its slope is an integral again (SymPy
    # differentiates under the sign, seconds for a Gaussian density), never free of it in practice
    integrated = set().union(*(i.free_symbols for i in g.atoms(sp.Integral)))
    for form in forms:
        for sym in sorted(form.free_symbols | form.atoms(sp.Indexed), key=str):
            if not diff.has(sym) or (isinstance(sym, sp.Symbol) and _only_inside_index(form, sym)):
                continue
            if sym in integrated:
                continue
            slope = sp.diff(form, sym)
            if slope.has(sym) or slope == 0:
                continue
            if slope.is_zero is not False and not _divides(slope, claim_denominator):
                continue
            solution = sym - form / slope
            if _zero_or_termwise(diff.xreplace({sym: solution}), quick):
                return True
        # a sum the equation determines linearly, taken as one quantity (\sum_i x_i = 3 n
        # \theta from -3n/\theta + \sum_i x_i / \theta^2 = 0: solved for \theta it needed n
        # nonzero, which the step does not)
        for total in sorted(form.atoms(sp.Sum), key=str):
            if not diff.has(total):
                continue
            quantity = sp.Dummy("total")
            written = form.xreplace({total: quantity})
            slope = sp.diff(written, quantity)
            if slope.has(quantity) or slope == 0 or written.has(total):
                continue
            if slope.is_zero is not False and not _divides(slope, claim_denominator):
                continue
            value = quantity - written / slope
            if value.has(quantity):
                continue
            if _zero_or_termwise(diff.xreplace({total: value}), quick):
                return True
    return False


def _divides(factor, denominator) -> bool:
    """Whether ``factor`` (not a number) divides ``denominator`` exactly."""
    if factor.is_number or denominator == 1:
        return False
    try:
        quotient = sp.cancel(denominator / factor)
    except Exception:  # noqa: BLE001 - SymPy failed: not shown
        return False
    return sp.fraction(sp.together(quotient))[1].is_number


def _only_inside_index(expr, sym) -> bool:
    """``sym`` occurs only as an index (k in y_k): it cannot be solved for."""
    stripped = expr.xreplace({a: sp.Dummy() for a in expr.atoms(sp.Indexed)})
    return sym not in stripped.free_symbols
