r"""Sums in closed form: what SymPy's summation gives once the powers of the index are one power.

SymPy sums :math:`\sum_k (\lambda e^t)^k / k!` but not the same series written as the author
writes a moment generating function, :math:`\sum_k e^{-\lambda} \lambda^k e^{tk} / k!`: the
factors :math:`b^k` (and :math:`e^{ak}`) of a term are gathered into one power :math:`D^k` of a
new symbol D, summed, and D put back as the product of the bases. For an integer index
:math:`b_1^k b_2^k = (b_1 b_2)^k` and :math:`e^{ak + c} = e^c (e^a)^k` hold for every value
of the bases, and D carries no assumption, so the closed form holds wherever the sum does.

A result SymPy leaves as a sum is no closed form here. One it splits into cases (the geometric
series: :math:`\sum_{k=0}^{\infty} r^k = \frac{1}{1 - r}` where :math:`|r| < 1`, the series left
as it is otherwise) is a closed form only where the first case's condition is established
(:func:`settled`: by the symbols' declarations or the margins of assumed bounds, ``0 < p < 1``);
elsewhere it is none.
"""

from __future__ import annotations

import sympy as sp

from eqchain.tree import zero_powers

_CLOSED: dict = {}  # Sum -> its closed form or None, for the rest of the process
_CLOSED_MAX = 2_000


def closed_form(total: sp.Sum, givens=()):
    """The value of ``total`` (one range over an integer index) as an expression without a
    sum, or None. A value SymPy gives by cases is taken where its first case's condition is
    established from the assumptions and ``givens`` (pairs, the margins of assumed bounds among
    them), else None.

    Remembered for the process (a pure function of the tree: symbols with other assumptions
    are other keys): the refuter meets the same series at the same point in step after step
    (its points are drawn from a fixed seed), and the proofs the same symbolic series; SymPy's
    summation of one series takes up to seconds. A computation cut short by the step's time
    limit (a BaseException) is not remembered."""
    if total in _CLOSED:
        value = _CLOSED[total]
    else:
        value = _closed_form(total)
        if len(_CLOSED) >= _CLOSED_MAX:
            _CLOSED.clear()
        _CLOSED[total] = value
    if value is None or not value.has(sp.Piecewise):
        return value
    return _first_cases(value, givens)


def settled(expr, givens=()):
    r"""``expr`` with each sum whose closed form SymPy gives by cases replaced by its first
    case, where that case's condition is established from the assumptions and ``givens``
    (``\sum_{k=0}^{\infty} p^k`` by ``\frac{1}{1 - p}`` under ``0 < p < 1``); every other
    sum left as it is. Unchanged when there is none."""
    if not isinstance(expr, sp.Basic) or not expr.has(sp.Sum):
        return expr
    found = {}
    for node in expr.atoms(sp.Sum):
        if node.function.has(sp.Sum):
            continue  # nested sums: left to the whole summation
        closed_form(node)  # fills the cache
        value = _CLOSED.get(node)
        if value is not None and value.has(sp.Piecewise):
            settled_value = _first_cases(value, givens)
            if settled_value is not None:
                found[node] = settled_value
    return expr.xreplace(found) if found else expr


def unsettled(expr, givens=()) -> list:
    """The first cases' conditions (``|q| < 1``) of the sums in ``expr`` whose closed form
    SymPy gives by cases that the assumptions and ``givens`` do not establish: what a step
    through that closed form needs."""
    out = []
    if not isinstance(expr, sp.Basic) or not expr.has(sp.Sum):
        return out
    for node in expr.atoms(sp.Sum):
        if node.function.has(sp.Sum) or not node.has(sp.oo):
            continue
        closed_form(node)
        value = _CLOSED.get(node)
        if value is None or not value.has(sp.Piecewise) or _first_cases(value, givens):
            continue
        for case in value.atoms(sp.Piecewise):
            if case.args[0].cond not in out and not established(case.args[0].cond, givens):
                out.append(case.args[0].cond)
    return out


def _first_cases(value, givens):
    """``value`` with every Piecewise replaced by its first case, when that case's condition is
    established (:func:`established`); None when one is not."""
    chosen = {}
    for node in value.atoms(sp.Piecewise):
        first, condition = node.args[0].expr, node.args[0].cond
        if first.has(sp.Sum, sp.Product, sp.Piecewise) or not established(condition, givens):
            return None
        chosen[node] = first
    return value.xreplace(chosen)


def established(condition, givens=()) -> bool:
    """Whether a case's condition holds under the assumptions and the margin ``givens``: each
    part of a conjunction, and ``|x| < c`` as ``x < c`` and ``-x < c`` for a real x (each
    relation as :func:`eqchain.densities.established` decides it)."""
    from eqchain.densities import established as relation_holds

    if condition is sp.true:
        return True
    if isinstance(condition, sp.And):
        return all(established(part, givens) for part in condition.args)
    if isinstance(condition, (sp.StrictLessThan, sp.LessThan)) and isinstance(
        condition.lhs, sp.Abs
    ):
        inner, bound, op = condition.lhs.args[0], condition.rhs, type(condition)
        if inner.is_real is not True:
            return False
        return established(op(inner, bound), givens) and established(op(-inner, bound), givens)
    if isinstance(condition, sp.Rel) and not condition.has(sp.Abs):
        return relation_holds(condition, givens)
    return False


def _closed_form(total):
    if not isinstance(total, sp.Sum) or len(total.limits) != 1:
        return None
    var, lo, hi = total.limits[0]
    if var.is_integer is not True:
        return None
    if not all(b.is_integer or (b.is_number and b.is_infinite) for b in (lo, hi)):
        return None  # \sum_{k=1}^{5/2}: the reader's integers up to 5/2, not SymPy's reading
    body, back = _one_power(zero_powers(total.function, total.limits), var)
    value = _hypergeometric(body, var, lo, hi)
    if value is None:
        try:
            value = sp.Sum(body, total.limits[0]).doit()
        except Exception:  # noqa: BLE001 - SymPy could not sum it: no closed form
            return None
    if value.has(sp.Limit, sp.AccumBounds) or not _by_cases_at_most(value):
        return None
    return value.xreplace(back) if back else value


def _by_cases_at_most(value) -> bool:
    """Whether ``value`` holds no sum or product but in the last case of a Piecewise (SymPy's
    "the series as it is, otherwise"), whose other cases hold none."""
    cases = value.atoms(sp.Piecewise)
    plain = value.xreplace({node: sp.Dummy() for node in cases})
    if plain.has(sp.Sum, sp.Product):
        return False
    for node in cases:
        *first, last = node.args
        if last.cond is not sp.true or any(
            c.expr.has(sp.Sum, sp.Product, sp.Piecewise) for c in first
        ):
            return False
    return True


def _hypergeometric(body, var, lo, hi):
    """A series (an infinite upper bound) summed by SymPy's hypergeometric method alone, the
    one its summation reaches last for a series such as :math:`\\sum_x x(x-1) \\lambda^x/x!`,
    after trying to telescope its terms (solving for a shift: 13 s of CPU time for that series,
    the hypergeometric sum 1 s). None when that method gives no plain value (a case split on
    convergence, an infinite or undefined result, a sum left): the whole summation then runs."""
    if hi is not sp.oo or not lo.is_Integer:
        return None
    try:
        from sympy.concrete.summations import eval_sum_hyper

        value = eval_sum_hyper(body, (var, lo, hi))
    except Exception:  # noqa: BLE001 - SymPy could not sum it this way
        return None
    if value is None or not isinstance(value, sp.Expr):
        return None
    if value.has(sp.Sum, sp.Product, sp.Piecewise, sp.Limit, sp.AccumBounds):
        return None
    if value.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
        return None
    return value


def _one_power(body, var):
    """``body`` with its factors ``b^var`` and ``e^{a var}`` gathered into ``D^var`` for a new
    symbol D, and ``{D: product of the bases}``; ``(body, {})`` when there are fewer than two
    such factors or an exponential (nothing to gather)."""
    bases, rest, exponentials = [], [], 0
    for factor in sp.Mul.make_args(body):
        if isinstance(factor, sp.Pow) and factor.exp == var and not factor.base.has(var):
            bases.append(factor.base)
        elif isinstance(factor, sp.exp) and factor.args[0].has(var):
            linear, other = [], []
            for term in sp.Add.make_args(sp.expand(factor.args[0])):
                (linear if term.has(var) else other).append(term)
            rate = sp.cancel(sp.Add(*linear) / var)
            if rate.has(var):
                rest.append(factor)
                continue
            bases.append(sp.exp(rate))
            rest.append(sp.exp(sp.Add(*other)))
            exponentials += 1
        else:
            rest.append(factor)
    if len(bases) < 2 and not exponentials:
        return body, {}
    power = sp.Dummy("D")
    return sp.Mul(*rest) * power**var, {power: sp.Mul(*bases)}


def summed(expr, givens=()):
    """``expr`` with every sum SymPy can put in closed form so (innermost first) replaced by
    it (a closed form by cases where its first case is established from ``givens``)."""

    def visit(node):
        if not isinstance(node, sp.Basic) or not node.args:
            return node
        args = tuple(visit(a) for a in node.args)
        node = node.func(*args) if args != node.args else node
        if isinstance(node, sp.Sum):
            value = closed_form(node, givens)
            if value is not None:
                return value
        return node

    return visit(expr)
