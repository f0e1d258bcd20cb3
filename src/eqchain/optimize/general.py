"""The general path: the full Lagrange system handed to ``sympy.solve`` under a time limit, and
the bordered-Hessian certificate of a stationary point over plain variables."""

from __future__ import annotations

import sympy as sp

from eqchain.optimize import solution as S
from eqchain.optimize.common import condition_text
from eqchain.optimize.minors import (
    bordered_hessian,
    classify,
    leading_minors,
    pivot_order,
)
from eqchain.optimize.problem import Problem
from eqchain.optimize.structure import expand_sums, lagrangian_of
from eqchain.optimize.texts import tex as latex
from eqchain.optimize.timelimit import call_with_timeout


def _solve_system(equations, unknowns):
    return sp.solve(equations, unknowns, dict=True)


def certify_point(problem: Problem, point: dict, concave: bool = False) -> S.Certificate:
    """Second-order test at ``point`` (values of the variables and multipliers).

    ``concave`` says the caller proved the objective strictly concave (convex for a minimum)
    on the whole domain, which makes a certified point the global optimum.
    """
    variables = list(problem.variables)
    lagr = expand_sums(lagrangian_of(problem))
    n, m = len(variables), len(problem.constraints)
    residuals = [expand_sums(c.residual) for c in problem.constraints]
    jac = sp.Matrix(m, n, lambda i, j: sp.diff(residuals[i], variables[j]))
    hess = sp.Matrix(n, n, lambda i, j: sp.diff(lagr, variables[i], variables[j]))
    subs = {v: point[v] for v in variables} | {
        lam: point[lam] for lam in problem.multipliers if lam in point
    }
    jac_at = jac.xreplace(subs).applyfunc(sp.simplify)
    hess_at = hess.xreplace(subs).applyfunc(lambda e: sp.simplify(e.doit()))
    order = pivot_order(jac_at)
    if order is None:
        return S.Certificate(
            S.UNKNOWN,
            "none",
            explanation=(
                "the constraint gradients are dependent at the point: the test does not apply"
            ),
        )
    jac_at = jac_at.extract(list(range(m)), order)
    hess_at = hess_at.extract(order, order)
    bordered = bordered_hessian(hess_at, jac_at)
    minors = leading_minors(bordered, range(2 * m + 1, n + m + 1))
    status = classify(minors, n, m)
    missing: list[str] = []
    want_max = problem.maximize
    for mi in minors:
        if mi.sign is None:
            want = (-1) ** (mi.order - m) if want_max else (-1) ** m
            missing.append(condition_text(mi.value, want))
    is_global = concave and status == (S.MAXIMUM if want_max else S.MINIMUM)
    text = ", ".join(f"$M_{{{mi.order}}} = {latex(mi.value)}$" for mi in minors)
    explanation = (
        f"Bordered Hessian at the point, leading principal minors {text}: {status}."
        if minors
        else "No free direction: the constraints fix the point."
    )
    if missing:
        needs = ", ".join(f"${c}$" for c in missing)
        explanation += f" Undecided from the assumptions; needs {needs}."
    return S.Certificate(
        status,
        "bordered-hessian",
        minors=tuple(minors),
        missing=tuple(missing),
        is_global=is_global,
        explanation=explanation,
    )


def solve_general(problem: Problem, timeout: float) -> S.Solution:
    """Solve the Lagrange system with ``sympy.solve`` (in a child process, at most ``timeout``
    seconds) and certify every stationary point found. Never raises for SymPy's failures: they
    come back as status UNKNOWN with a note."""
    variables = list(problem.variables)
    lagr = lagrangian_of(problem)
    expanded = expand_sums(lagr)
    gradient = tuple((v, sp.diff(expanded, v)) for v in variables)
    equations = [g for _, g in gradient] + [expand_sums(c.residual) for c in problem.constraints]
    unknowns = variables + list(problem.multipliers)
    base = dict(
        problem=problem,
        lagrangian=lagr,
        multipliers=problem.multipliers,
        gradient=gradient,
        stationarity=tuple((g, sp.Integer(0)) for _, g in gradient),
        method="sympy.solve",
    )
    outcome = call_with_timeout(_solve_system, (equations, unknowns), timeout)
    if outcome.status != "ok":
        note = (
            f"sympy.solve gave no answer within {timeout:g} s"
            if outcome.status == "timeout"
            else f"sympy.solve failed: {outcome.message.splitlines()[0]}"
        )
        return S.Solution(
            point=(),
            multiplier_values=(),
            status=S.UNKNOWN,
            notes=(note,),
            certificate=S.Certificate(S.UNKNOWN, "none", explanation=note),
            **base,
        )
    sols = outcome.value
    if not sols:
        note = "the Lagrange system has no solution in the declared domain"
        return S.Solution(
            point=(),
            multiplier_values=(),
            status=S.NO_POINT,
            notes=(note,),
            certificate=S.Certificate(S.UNKNOWN, "none", explanation=note),
            **base,
        )
    if any(any(u not in sol for u in variables) for sol in sols):
        note = "the stationary points form a continuum: the optimum is not unique"
        return S.Solution(
            point=(),
            multiplier_values=(),
            status=S.NOT_UNIQUE,
            notes=(note,),
            certificate=S.Certificate(S.NOT_UNIQUE, "none", explanation=note),
            **base,
        )
    certified = [(sol, certify_point(problem, sol)) for sol in sols]
    wanted = S.MAXIMUM if problem.maximize else S.MINIMUM
    best = [(sol, cert) for sol, cert in certified if cert.status == wanted]
    chosen, cert = best[0] if len(best) == 1 else certified[0]
    notes = ()
    if len(sols) > 1:
        notes = (
            f"{len(sols)} stationary points; classifications: "
            f"{', '.join(c.status for _, c in certified)}",
        )
        if len(best) != 1:
            cert = S.Certificate(
                S.UNKNOWN,
                "bordered-hessian",
                explanation=(
                    f"{len(best)} stationary points pass the test for a {wanted}: none is singled "
                    "out"
                ),
            )
    point = tuple((v, chosen[v]) for v in variables)
    mults = tuple((lam, chosen.get(lam)) for lam in problem.multipliers)
    others = tuple(tuple((v, sol[v]) for v in variables) for sol in sols if sol is not chosen)
    return S.Solution(
        point=point,
        multiplier_values=mults,
        certificate=cert,
        status=cert.status,
        notes=notes,
        other_points=others,
        **base,
    )
