"""Recognising structure: separable objectives and linear constraints.

A *separable* objective is a sum of one-variable terms: ``sum_k f_k(y_k)`` for a family, or
``f_x(x) + f_y(y)`` for plain variables. A *linear* constraint is ``sum_k a_k y_k = b`` with the
``a_k`` and ``b`` free of the variables. These functions only look at the expression: they return
``None`` when the structure is absent and never raise on ordinary SymPy input.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy as sp

from eqchain.optimize.problem import Family, Problem


def expand_sums(expr):
    """Distribute every ``Sum`` over the terms of its (expanded) body and pull out factors that
    do not depend on its index: ``Sum(x_i - mu) -> Sum(x_i) - n mu``. Equal in value."""
    if not isinstance(expr, sp.Basic) or not expr.args:
        return expr
    if isinstance(expr, sp.Sum) and len(expr.limits) == 1:
        ((var, lo, hi),) = expr.limits
        body = sp.expand(expand_sums(expr.function))
        out = sp.Integer(0)
        for term in sp.Add.make_args(body):
            indep, dep = term.as_independent(var, as_Add=False)
            out += indep * (hi - lo + 1) if dep == 1 else indep * sp.Sum(dep, (var, lo, hi))
        return out
    if isinstance(expr, sp.Indexed):
        return expr
    args = [expand_sums(a) for a in expr.args]
    return expr.func(*args) if args != list(expr.args) else expr


@dataclass(frozen=True)
class FamilySum:
    """``expr == Sum(body, (k, lower, upper)) + const`` with ``body`` using the family only
    through ``y[k]`` (k the family's index) and ``const`` free of the family."""

    body: Any
    const: Any


def family_sum(expr, family: Family) -> FamilySum | None:
    """Split ``expr`` as a sum over the family's range of one-member terms, or ``None``."""
    base, k = family.base, family.index
    body, const = sp.Integer(0), sp.Integer(0)
    for term in sp.Add.make_args(expand_sums(expr)):
        if not term.has(base):
            const += term
            continue
        factors = sp.Mul.make_args(term)
        sums = [f for f in factors if isinstance(f, sp.Sum) and f.has(base)]
        rest = [f for f in factors if not (isinstance(f, sp.Sum) and f.has(base))]
        if len(sums) != 1 or any(f.has(base) for f in rest):
            return None
        (s,) = sums
        if len(s.limits) != 1:  # a double sum: not a sum of one-member terms
            return None
        ((var, lo, hi),) = s.limits
        if sp.simplify(lo - family.lower) != 0 or sp.simplify(hi - family.upper) != 0:
            return None
        coeff = sp.Mul(*rest)
        if k in coeff.free_symbols or (var != k and k in s.function.free_symbols):
            return None
        body += coeff * s.function.xreplace({var: k})
    if not _only_member(body, base, k):
        return None
    return FamilySum(body, const)


def _only_member(expr, base, k) -> bool:
    """True when every occurrence of ``base`` in ``expr`` is ``base[k]``."""
    return all(ix.indices == (k,) for ix in expr.atoms(sp.Indexed) if ix.base == base)


def split_by_variable(expr, variables) -> tuple[dict, Any] | None:
    """``expr == sum(parts[v]) + const`` with ``parts[v]`` depending on ``v`` alone among
    ``variables``, or ``None`` when some term mixes two variables."""
    parts = {v: sp.Integer(0) for v in variables}
    const = sp.Integer(0)
    terms = list(sp.Add.make_args(expand_sums(expr)))
    if any(sum(1 for v in variables if t.has(v)) > 1 for t in terms):
        terms = list(sp.Add.make_args(sp.expand(expand_sums(expr))))
    for term in terms:
        present = [v for v in variables if term.has(v)]
        if len(present) > 1:
            return None
        if present:
            parts[present[0]] += term
        else:
            const += term
    return parts, const


@dataclass(frozen=True)
class LinearFamilyConstraint:
    """``sum_k coeff(k) y_k = rhs``; ``coeff`` is an expression in the family index."""

    coeff: Any
    rhs: Any


def linear_family_constraint(residual, family: Family) -> LinearFamilyConstraint | None:
    """Read ``residual = 0`` as ``sum_k a_k y_k = b``, or ``None`` if it is not linear."""
    split = family_sum(residual, family)
    if split is None:
        return None
    y = family.generic
    body = sp.expand(split.body)
    a = sp.diff(body, y)
    rest = sp.expand(body - a * y)
    if a.has(family.base) or rest.has(family.base) or a == 0:
        return None
    offset = sp.Sum(rest, (family.index, family.lower, family.upper)).doit() if rest != 0 else 0
    return LinearFamilyConstraint(a, -(offset + split.const))


@dataclass(frozen=True)
class LinearConstraint:
    """``sum_v coeffs[v] v = rhs`` over plain variables."""

    coeffs: tuple
    rhs: Any


def linear_constraint(residual, variables) -> LinearConstraint | None:
    """Read ``residual = 0`` as a linear equation in ``variables``, or ``None``."""
    expr = sp.expand(expand_sums(residual))
    coeffs = tuple(sp.diff(expr, v) for v in variables)
    if any(c.has(v) for c in coeffs for v in variables):
        return None
    rest = sp.expand(expr - sum(c * v for c, v in zip(coeffs, variables, strict=True)))
    if any(rest.has(v) for v in variables):
        return None
    return LinearConstraint(coeffs, -rest)


def lagrangian_of(problem: Problem):
    """``objective - sum_i lambda_i (lhs_i - rhs_i)``, written as the author would."""
    out = problem.objective
    for lam, c in zip(problem.multipliers, problem.constraints, strict=True):
        out = out - lam * (c.lhs - c.rhs)
    return out
