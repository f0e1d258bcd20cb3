"""Separable problems solved by their structure.

For ``maximise sum_k f_k(y_k)`` subject to ``sum_k a_k y_k = b`` the Lagrange conditions are
``f_k'(y_k) = lambda a_k``. That equation is solved for ``y_k`` once, symbolically in ``k``
(``y_k = t_k / lambda`` for the die), its solution is written ``sum_h c_h(k) h(lambda)`` and the
constraint becomes ``sum_h S_h h(lambda) = b`` with ``S_h = sum_k a_k c_h(k)``, one equation in
``lambda``. The work is O(K) for concrete data and O(1) for a symbolic K. The Hessian of the
Lagrangian is ``diag(f_k''(y_k))``; see :mod:`.minors` for the second-order test it feeds.

The functions here return ``None`` when the structure is absent (the caller falls back to
``sympy.solve``); they raise InputError only for invalid data (a negative count).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy as sp

from eqchain.optimize import solution as S
from eqchain.optimize.common import solve_for, twin
from eqchain.optimize.minors import (
    sign_of,
)
from eqchain.optimize.problem import Problem
from eqchain.optimize.structure import (
    lagrangian_of,
    linear_constraint,
    split_by_variable,
)


@dataclass(frozen=True)
class Stationary:
    """The generic solution ``y(lambda) = sum_h coeffs[h] * h``, ``h`` a function of lambda."""

    solution: Any
    pieces: tuple[tuple[Any, Any], ...]  # (h(lambda), c(k))


def stationary(gradient, var, lam, timeout: float) -> Stationary | None:
    """Solve ``gradient = 0`` for ``var`` (one solution only), split by its lambda-dependence."""
    placeholder = twin(var, "_v")
    sols = solve_for(gradient.xreplace({var: placeholder}), placeholder, timeout)
    if sols is None or len(sols) != 1:
        return None
    sol = sols[0]
    if lam is None:
        return Stationary(sol, ((sp.Integer(1), sol),))
    groups: dict = {}
    for term in sp.Add.make_args(sp.expand(sol)):
        c, h = term.as_independent(lam, as_Add=False)
        groups[h] = groups.get(h, sp.Integer(0)) + c
    return Stationary(sol, tuple(groups.items()))


def stand_in(j: int, value) -> sp.Symbol:
    """A symbol standing for ``value`` (a sum), carrying the sign SymPy can prove for it."""
    sgn = sign_of(value)
    kw = {1: {"positive": True}, -1: {"negative": True}}.get(sgn, {})
    if not kw and value.is_zero is False:
        kw = {"nonzero": True}
    return sp.Symbol(f"_S{j}", **kw)


def solve_multiplier(pieces_sums, b, lam, timeout: float):
    """Solve ``sum_h S_h h(lambda) = b`` for lambda. The sums ``S_h`` are stood in for by
    symbols so that SymPy sees a small equation; returns ``(value, stand_ins)`` with the value
    written in the stand-ins, or None unless there is exactly one solution."""
    stand_ins = {stand_in(j, s): s for j, (_, s) in enumerate(pieces_sums)}
    lhs = sum((sym * h for sym, (h, _) in zip(stand_ins, pieces_sums, strict=True)), sp.Integer(0))
    sols = solve_for(lhs - b, lam, timeout)
    if sols is None or len(sols) != 1:
        return None
    return sp.simplify(sols[0]), stand_ins


# -- plain variables ------------------------------------------------------------------------------


def solve_plain(problem: Problem, timeout: float) -> S.Solution | None:
    """Separable objective over plain variables with at most one linear constraint; None when
    the structure is absent or a per-variable equation has no unique solution."""
    variables = problem.variables
    split = split_by_variable(problem.objective, variables)
    if split is None or len(problem.constraints) > 1:
        return None
    parts, _ = split
    lam = problem.multipliers[0] if problem.constraints else None
    if lam is not None:
        lin = linear_constraint(problem.constraints[0].residual, variables)
        if lin is None:
            return None
        coeffs, b = lin.coeffs, lin.rhs
    else:
        coeffs, b = (sp.Integer(0),) * len(variables), None
    gradients, stats = [], []
    for v, a in zip(variables, coeffs, strict=True):
        fp = sp.diff(parts[v], v)
        if fp == 0:
            return None
        g = fp - lam * a if lam is not None else fp
        st = stationary(g, v, lam, timeout)
        if st is None:
            return None
        gradients.append((v, g))
        stats.append(st)
    lam_value = None
    if lam is not None:
        sums: dict = {}
        for a, st in zip(coeffs, stats, strict=True):
            for h, c in st.pieces:
                sums[h] = sums.get(h, sp.Integer(0)) + a * c
        solved = solve_multiplier(list(sums.items()), b, lam, timeout)
        if solved is None:
            return None
        lam_value = solved[0].xreplace(solved[1])
    point = tuple(
        (v, sp.simplify(st.solution.xreplace({lam: lam_value}) if lam is not None else st.solution))
        for v, st in zip(variables, stats, strict=True)
    )
    from eqchain.optimize.general import certify_point

    want = -1 if problem.maximize else 1
    concave = all(
        sign_of(sp.diff(parts[v], v, 2).xreplace({v: twin(v, "_p")})) == want for v in variables
    )
    mults = ((lam, lam_value),) if lam is not None else ()
    cert = certify_point(problem, dict(point) | dict(mults), concave)
    return S.Solution(
        problem=problem,
        lagrangian=lagrangian_of(problem),
        multipliers=problem.multipliers,
        gradient=tuple(gradients),
        stationarity=tuple((g, sp.Integer(0)) for _, g in gradients),
        point=point,
        multiplier_values=mults,
        certificate=cert,
        status=cert.status,
        method="separable",
        in_multipliers=tuple((v, st.solution) for v, st in zip(variables, stats, strict=True)),
    )
