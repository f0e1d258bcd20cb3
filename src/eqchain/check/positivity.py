"""Sums and products of positive terms are positive: the conditions that establish it, and
what is missing when they are not.

A sum of positive terms is positive only when its range is not empty (an empty sum is 0); a
product of positive terms is positive over any range of nonnegative length (an empty product is
1). ``\\sum_{k=1}^{K} e^{x_k} > 0`` thus needs every ``x_k`` real and ``K \\geq 1``; so does
``\\log \\sum_{k=1}^{K} e^{x_k}`` being defined. Established only from the declared assumptions,
as every condition is.
"""

from __future__ import annotations

import sympy as sp


def positive(expr, holds) -> bool:
    """True when ``expr`` is a sum or product of terms established positive (by ``holds``, the
    checker's own test) over ranges that establish it: nonempty for a sum, of nonnegative
    length for a product. False when that is not established."""
    if not isinstance(expr, (sp.Sum, sp.Product)):
        return False
    if not holds("positive", expr.function) and not holds("positive", _in_range(expr)):
        return False
    if isinstance(expr, sp.Sum) and _a_series(expr):
        # a series of positive terms (\sum_{n=0}^{\infty} \frac{\lambda^n}{n!}): nonempty,
        # and positive where it converges, which must be established (it is a value there)
        return all(_runs_on(lo, hi) for _, lo, hi in expr.limits) and holds("finite", expr)
    need = "positive" if isinstance(expr, sp.Sum) else "nonnegative"
    return all((hi - lo + 1).is_integer and holds(need, hi - lo + 1) for _, lo, hi in expr.limits)


def _in_range(expr):
    """The term of a sum or product with each bound variable that starts at a whole number
    (and has no lower end below it) written as an integer symbol of that sign: every index of
    ``\\sum_{n=0}^{\\infty}`` is a nonnegative integer (so n! > 0 there)."""
    put = {}
    for var, lo, _hi in expr.limits:
        if isinstance(var, sp.Symbol) and lo.is_Integer:
            sign = {"positive": True} if lo >= 1 else {"nonnegative": True} if lo >= 0 else {}
            put[var] = sp.Dummy(var.name, integer=True, **sign)
    return expr.function.xreplace(put)


def _a_series(expr) -> bool:
    return any(b.is_number and b.is_infinite for _, lo, hi in expr.limits for b in (lo, hi))


def _runs_on(lo, hi) -> bool:
    """A range with a finite integer start and no end (k = 0, 1, 2, ...), or all integers."""
    if hi is sp.oo:
        return lo.is_integer is True or lo is -sp.oo
    return False


def nonnegative(expr, holds) -> bool:
    """True when ``expr`` is a sum or product of terms established nonnegative (by ``holds``)
    over a range of nonnegative length (an empty sum is 0, an empty product 1; a range written
    backwards is SymPy's reversed sum, whose sign is the other one), or a sum or product of
    such and of terms SymPy knows nonnegative: ``\\sum_{i=1}^{n} x_i^2 \\geq 0``."""
    if isinstance(expr, (sp.Sum, sp.Product)):
        if not holds("nonnegative", expr.function):
            return False
        return all(
            (hi - lo + 1).is_integer and holds("nonnegative", hi - lo + 1)
            for _, lo, hi in expr.limits
        )
    if isinstance(expr, (sp.Add, sp.Mul)) and expr.has(sp.Sum, sp.Product):
        return all(holds("nonnegative", term) for term in expr.args)
    return False


def gamma_positive(expr, holds) -> bool:
    """True when ``expr`` is x! with x established nonnegative or Gamma(x) with x established
    positive (both are then Gamma of a positive number: positive, for every real x, not only
    the integers SymPy knows it for), or a product or real power of such factors and factors
    established positive (lambda^k e^{-lambda} / k!)."""
    if not expr.has(sp.factorial, sp.gamma):
        return False
    if isinstance(expr, sp.factorial):
        return holds("nonnegative", expr.args[0])
    if isinstance(expr, sp.gamma):
        return holds("positive", expr.args[0])
    if isinstance(expr, sp.Mul):
        return all(holds("positive", f) for f in expr.args)
    if isinstance(expr, sp.Pow):
        return holds("real", expr.exp) and holds("positive", expr.base)
    return False


def positive_terms(expr, holds) -> bool:
    """True when ``expr`` is a sum (``+``) holding a sum or product of terms whose every term is
    established nonnegative and one positive (``\\lambda + \\sum_{i=1}^{n} x_i^2`` with lambda
    positive: a ridge regression's denominator), or a product of such positive factors."""
    if not expr.has(sp.Sum, sp.Product):
        return False
    if isinstance(expr, sp.Add):
        return all(holds("nonnegative", t) for t in expr.args) and any(
            holds("positive", t) for t in expr.args
        )
    if isinstance(expr, sp.Mul):
        return all(holds("positive", t) for t in expr.args)
    return False


def missing(pred: str, expr, holds):
    """For a sum or product whose positivity (or being nonzero) is not established: the
    condition that would establish it, the terms' positivity first (a term that does not name
    the bound index: ``c > 0`` for ``\\sum_{k=1}^{K} c``), then the range's length (``K - 1 > 0``
    for ``\\sum_{k=2}^{K}``); None when neither is what is missing, or when it would be a
    term that names the bound index."""
    if pred not in ("positive", "nonzero") or not isinstance(expr, (sp.Sum, sp.Product)):
        return None
    if not holds("positive", expr.function):
        if expr.function.has(*expr.variables):
            # a term that names the bound index: outside the sum the condition would name
            # nothing (k is bound), and every term positive is not what the sum needs (a sum
            # of squares is nonzero when one term is): the sum itself is what is missing
            return None
        return ("positive", expr.function)
    need = "positive" if isinstance(expr, sp.Sum) else "nonnegative"
    for _, lo, hi in expr.limits:
        length = sp.expand(hi - lo + 1)
        if not holds(need, length):
            return (need, length)
    return None
