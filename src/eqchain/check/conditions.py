"""Side conditions: establishing them from declared assumptions, and naming what is missing.

A condition is a pair ``(predicate, expression)`` with predicate one of ``positive``,
``nonnegative``, ``nonzero``, ``real``, ``finite``. It is established only when SymPy's
assumption system proves it from the declared assumptions (never a numeric test). When it is not
established, :func:`missing` names the smallest sub-condition that fails, e.g. ``y_{1} > 0``
rather than ``y_{1}^{t_{1}} > 0``.
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp

from eqchain.check import positivity
from eqchain.latex.printer import latex
from eqchain.operators import OverSet, SetProduct

PREDICATES = ("positive", "nonnegative", "nonzero", "real", "finite", "integer")


def holds(pred: str, expr) -> bool:
    """True only when ``pred(expr)`` follows from the assumptions carried by the symbols."""
    if pred in ("positive", "nonzero") and (
        positivity.positive(expr, holds) or positivity.gamma_positive(expr, holds)
    ):
        return True
    if pred == "integer":
        return expr.is_integer is True
    if pred == "positive":
        if expr.is_positive is True and _finite(expr):
            return True
        return positivity.positive_terms(expr, holds) and _finite(expr)
    if pred == "nonnegative":
        if expr.is_nonnegative is True and _finite(expr):
            return True
        return positivity.nonnegative(expr, holds) and _finite(expr)
    if pred == "nonzero":
        if (expr.is_zero is False and _finite(expr)) or _never_zero(expr):
            return True
        return positivity.positive_terms(expr, holds) and _finite(expr)
    if pred == "real":
        return expr.is_real is True and _finite(expr)
    if pred == "finite":
        return _finite(expr)
    raise ValueError(f"unknown predicate {pred}")


@lru_cache(maxsize=256)
def limit_value(limit: sp.Limit):
    r"""The value SymPy computes for ``limit`` under the assumptions its symbols carry, or None
    when it cannot (its result depends on a sign the assumptions leave open: \lim_{x \to
    \infty} e^{-\lambda x} for a real lambda), when the limit does not exist (an interval of
    accumulation points, sin x), or when it is infinite."""
    try:
        value = limit.doit()
    except Exception:  # noqa: BLE001 - SymPy could not decide: the limit stays unproved
        return None
    if value.has(sp.Limit, sp.AccumBounds, sp.oo, -sp.oo, sp.zoo, sp.nan):
        return None
    return value


def _never_zero(expr) -> bool:
    """Whether ``expr`` is zero nowhere it is defined: a factorial or a Gamma value (Gamma has
    no zeros; where it has a pole, the factorial's own condition says so), a product or integer
    power of such, and nonzero numbers. ``\frac{n!}{(n-x)! x!}`` asked for (n - x)! \neq 0 and
    x! \neq 0, which held wherever the factorials are defined."""
    if isinstance(expr, (sp.factorial, sp.gamma)):
        return True
    if expr.is_number:
        return expr.is_zero is False
    if isinstance(expr, sp.Mul):
        return all(_never_zero(a) for a in expr.args)
    if isinstance(expr, sp.Pow):
        return expr.exp.is_integer is True and _never_zero(expr.base)
    return False


def _finite(expr) -> bool:
    """Finiteness, proved structurally: SymPy calls ``log(x)`` finite for real ``x``, which is
    false at 0, so logs and negative powers are checked here."""
    if expr.is_number:
        return bool(expr.is_finite)
    if isinstance(expr, sp.log):
        (arg,) = expr.args[:1]
        return arg.is_zero is False and _finite(arg)
    if isinstance(expr, sp.Pow):
        base, ex = expr.args
        if not _finite(base) or not _finite(ex):
            return False
        if ex.is_nonnegative:
            return True
        return base.is_zero is False
    if isinstance(expr, (sp.Add, sp.Mul)):
        return all(_finite(a) for a in expr.args)
    if isinstance(expr, (sp.Sum, sp.Product)):
        lo_hi_finite = all(_finite(b) for (_, lo, hi) in expr.limits for b in (lo, hi))
        if not lo_hi_finite:
            return isinstance(expr, sp.Sum) and converges(expr)
        return _finite(expr.function)
    if isinstance(expr, sp.Limit):
        value = limit_value(expr)
        return value is not None and _finite(value)
    if isinstance(expr, sp.exp):
        return expr.args[0].is_real is True and _finite(expr.args[0])
    if isinstance(expr, (sp.Symbol, sp.Indexed)):
        return expr.is_finite is True
    return expr.is_finite is True


@lru_cache(maxsize=256)
def converges(series: sp.Sum) -> bool:
    """A series with an infinite bound converges: SymPy sums it to a closed form
    (check/series.py) that is finite under the assumptions (\\sum_{x=0}^{\\infty}
    \\lambda^x / x! = e^{\\lambda}). A result that is still a sum, or a case split (the
    geometric series: |r| < 1), or infinite, establishes nothing."""
    from eqchain.check.series import closed_form

    value = closed_form(series)
    return value is not None and _finite(value)


def missing(pred: str, expr) -> tuple[str, object]:
    """The smallest sub-condition of ``pred(expr)`` that is not established, as a pair."""
    if (in_sum := positivity.missing(pred, expr, holds)) is not None:
        return missing(*in_sum)
    if pred == "positive":
        if isinstance(expr, sp.Pow) and not holds("positive", expr.base):
            return missing("positive", expr.base)
        if isinstance(expr, sp.Pow) and not holds("real", expr.exp):
            return missing("real", expr.exp)
        if isinstance(expr, sp.Mul):
            for factor in expr.args:
                if not holds("positive", factor):
                    return missing("positive", factor)
        if isinstance(expr, sp.Product) and not holds("positive", expr.function):
            return missing("positive", expr.function)
    if pred == "finite":
        if isinstance(expr, sp.log):
            arg = expr.args[0]
            if arg.is_zero is not False:
                return ("nonzero", arg)
            return missing("finite", arg)
        if isinstance(expr, (sp.Mul, sp.Add)):
            for a in expr.args:
                if not holds("finite", a):
                    return missing("finite", a)
        if isinstance(expr, sp.Pow) and not holds("nonzero", expr.base):
            return ("nonzero", expr.base)
    if pred == "real" and isinstance(expr, sp.Indexed | sp.Symbol):
        return ("real", expr)
    return (pred, expr)


def atoms(pred: str, expr) -> list[tuple[str, object]]:
    """An established condition as the simpler conditions that give it, for the report:
    ``y_1^{t_1} y_2^{t_2} > 0`` reads as ``y_1 > 0, t_1 real, y_2 > 0, t_2 real``."""
    if pred == "positive":
        if isinstance(expr, sp.Mul):
            return [c for f in expr.args for c in atoms("positive", f)]
        if isinstance(expr, sp.Pow) and holds("positive", expr.base) and holds("real", expr.exp):
            return atoms("positive", expr.base) + (
                [] if expr.exp.is_number else [("real", expr.exp)]
            )
        if isinstance(expr, sp.Product):
            return atoms("positive", expr.function)
    if pred == "finite" and isinstance(expr, sp.log) and holds("finite", expr):
        return atoms("nonzero", expr.args[0])  # log y is finite because y != 0 (and finite)
    return [(pred, expr)]


def worth_reading(pred: str, expr) -> bool:
    """Whether an established condition tells a reader something: not when it is about a
    number (``0 \\geq 0``), nor when it is the type of a symbol that its declaration gives
    (``t_{k} \\in \\mathbb{R}`` for a declared real or positive ``t``). Sign conditions on a
    symbol (``y_{k} > 0``) are kept: they are what a rule needed."""
    if expr.is_number:
        return False
    is_name = isinstance(expr, (sp.Symbol, sp.Indexed))
    return not (is_name and pred in ("real", "finite", "integer") and holds(pred, expr))


def describe(pred: str, expr) -> str:
    """``("positive", y[1])`` -> ``y_{1} > 0``; canonical bound variables read as k, j, i."""
    e = latex(_readable(expr))
    if pred == "finite" and _is_series(expr):
        return f"{e} \\text{{ converges}}"
    return {
        "positive": f"{e} > 0",
        "nonnegative": f"{e} \\geq 0",
        "nonzero": f"{e} \\neq 0",
        "real": f"{e} \\in \\mathbb{{R}}",
        "finite": f"{e} \\text{{ finite}}",
        "integer": f"{e} \\in \\mathbb{{Z}}",
    }[pred]


def plain_parts(pred: str, expr) -> list[tuple[str, object]]:
    r"""``pred(expr)`` as the plainest conditions that together say exactly the same, for a
    reader: a product is nonzero exactly when each factor is (a number that is not 0 says
    nothing), a power with a positive or negative exponent when its base is (1/x is defined,
    and then not 0, exactly where x is not 0), |x| when x is
    (``\sqrt{2} \sqrt{\pi} |\sigma| \neq 0`` and ``2 \pi \sigma^2 \neq 0`` are both
    ``\sigma \neq 0``); a positive number factor of a product says nothing of its sign
    (``2 a > 0`` is ``a > 0``). Anything else is kept as it is. What a reader is shown, and
    what :func:`eqchain.check.domain.holds_within` refines the symbols of; the checker keeps
    the condition itself as it was found."""
    if not isinstance(expr, sp.Basic) or expr.is_number:
        return [(pred, expr)]
    if pred == "nonzero":
        if isinstance(expr, sp.Mul):
            parts = [
                part
                for f in expr.args
                if not (f.is_number and f.is_zero is False and f.is_finite)
                for part in plain_parts("nonzero", f)
            ]
            return parts or [(pred, expr)]
        if isinstance(expr, sp.Pow) and (expr.exp.is_positive or expr.exp.is_negative):
            # b^e, e > 0, is 0 exactly where b is; b^e, e < 0, is defined, and then not 0,
            # exactly where b is not 0
            return plain_parts("nonzero", expr.base)
        if isinstance(expr, sp.Abs):
            return plain_parts("nonzero", expr.args[0])
    if pred == "positive" and isinstance(expr, sp.Mul):
        # a factor positive under the assumptions says nothing of the product's sign (e^{-x}
        # and lambda^k with lambda > 0 declared: lambda^k e^{-lambda} / k! > 0 is k! > 0)
        rest = [f for f in expr.args if not (f.is_number and f.is_positive and f.is_finite)]
        rest = [f for f in rest if f.is_number or not holds("positive", f)]
        if len(rest) == 1:
            return plain_parts(pred, rest[0])
        if rest and len(rest) < len(expr.args):
            return [(pred, sp.Mul(*rest))]
    if (
        pred == "positive"
        and isinstance(expr, sp.Pow)
        and expr.exp.is_integer
        and expr.exp.is_odd
        and (expr.exp == -1 or holds("real", expr.base))
    ):
        # 1/x is positive exactly where x is, and so is an odd power of a real base (x^3)
        return plain_parts(pred, expr.base)
    return [(pred, expr)]


def _is_series(expr) -> bool:
    if isinstance(expr, OverSet):  # over a set left abstract: finite means it converges
        return not isinstance(expr, SetProduct)
    return isinstance(expr, (sp.Sum, sp.Product)) and any(
        b.is_number and b.is_infinite for lim in expr.limits for b in lim[1:]
    )


_READABLE = {
    sp.Symbol(f"_i{n}", integer=True): sp.Symbol(name, integer=True)
    for n, name in enumerate("kjilmn")
}


def _readable(expr):
    return expr.xreplace(_READABLE)


def readable(expr):
    """``expr`` with canonical bound variables named as :func:`describe` names them (k, j, i)."""
    return _readable(expr)
