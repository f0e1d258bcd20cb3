r"""Sums in closed form: what SymPy's summation gives once the powers of the index are one power.

SymPy sums :math:`\sum_k (\lambda e^t)^k / k!` but not the same series written as the author
writes a moment generating function, :math:`\sum_k e^{-\lambda} \lambda^k e^{tk} / k!`: the
factors :math:`b^k` (and :math:`e^{ak}`) of a term are gathered into one power :math:`D^k` of a
new symbol D, summed, and D put back as the product of the bases. For an integer index
:math:`b_1^k b_2^k = (b_1 b_2)^k` and :math:`e^{ak + c} = e^c (e^a)^k` hold for every value
of the bases, and D carries no assumption, so the closed form holds wherever the sum does.

A result SymPy leaves as a sum or splits into cases (the geometric series: :math:`|r| < 1`) is no
closed form here.
"""

from __future__ import annotations

import sympy as sp

from eqchain.tree import zero_powers

_CLOSED: dict = {}  # Sum -> its closed form or None, for the rest of the process
_CLOSED_MAX = 2_000


def closed_form(total: sp.Sum):
    """The value of ``total`` (one range over an integer index) as an expression without a
    sum, or None.

    Remembered for the process (a pure function of the tree: symbols with other assumptions
    are other keys): the refuter meets the same series at the same point in step after step
    (its points are drawn from a fixed seed), and the proofs the same symbolic series; SymPy's
    summation of one series takes up to seconds. A computation cut short by the step's time
    limit (a BaseException) is not remembered."""
    if total in _CLOSED:
        return _CLOSED[total]
    value = _closed_form(total)
    if len(_CLOSED) >= _CLOSED_MAX:
        _CLOSED.clear()
    _CLOSED[total] = value
    return value


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
    if value.has(sp.Sum, sp.Product, sp.Piecewise, sp.Limit, sp.AccumBounds):
        return None
    return value.xreplace(back) if back else value


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


def summed(expr):
    """``expr`` with every sum SymPy can put in closed form so (innermost first) replaced by
    it."""

    def visit(node):
        if not isinstance(node, sp.Basic) or not node.args:
            return node
        args = tuple(visit(a) for a in node.args)
        node = node.func(*args) if args != node.args else node
        if isinstance(node, sp.Sum):
            value = closed_form(node)
            if value is not None:
                return value
        return node

    return visit(expr)
