"""``solve(problem)``: the one entry point of the optimiser."""

from __future__ import annotations

from dataclasses import replace

import sympy as sp

from eqchain.errors import InputError
from eqchain.optimize import solution as S
from eqchain.optimize.family import solve_family
from eqchain.optimize.general import solve_general
from eqchain.optimize.problem import Constraint, Family, Problem
from eqchain.optimize.separable import solve_plain
from eqchain.optimize.structure import lagrangian_of

DEFAULT_TIMEOUT = 10.0


def solve(problem: Problem, timeout: float = DEFAULT_TIMEOUT) -> S.Solution:
    """Find the stationary point of the Lagrangian and certify it with a second-order test.

    Separable objectives with one linear constraint are solved by their structure (O(K));
    others go to ``sympy.solve`` in a child process limited to ``timeout`` seconds. The returned
    :class:`~eqchain.optimize.solution.Solution` says ``status == "maximum"`` only when the
    second-order test certified it. Raises InputError for invalid data (negative or
    non-numeric counts, data whose length disagrees with the number of variables).
    """
    prepared = _prepare(problem)
    sol = _dispatch(prepared, timeout)
    return replace(sol, problem=problem)


def _dispatch(problem: Problem, timeout: float) -> S.Solution:
    if problem.is_family:
        fam: Family = problem.variables
        sol = solve_family(problem, timeout)
        if sol is not None:
            return sol
        if not fam.is_concrete:
            note = (
                "a symbolic number of variables is only handled for a separable objective "
                "with at most one linear constraint"
            )
            return S.Solution(
                problem=problem,
                lagrangian=lagrangian_of(problem),
                multipliers=problem.multipliers,
                gradient=(),
                stationarity=(),
                point=(),
                multiplier_values=(),
                status=S.UNKNOWN,
                method="separable",
                notes=(note,),
                certificate=S.Certificate(S.UNKNOWN, "none", explanation=note),
            )
        return solve_general(_expand_family(problem), timeout)
    sol = solve_plain(problem, timeout)
    return sol if sol is not None else solve_general(problem, timeout)


def _prepare(problem: Problem) -> Problem:
    """Substitute scalar data; bind a symbolic family size to the data's length; for plain
    variables also expand concrete sums and substitute family data."""
    scalars = dict(problem.scalar_data())
    fam_data = problem.family_data()
    if problem.is_family:
        fam: Family = problem.variables
        lengths = {len(v) for v in fam_data.values()}
        if len(lengths) > 1:
            raise InputError(f"the data lists have different lengths: {sorted(lengths)}")
        upper = fam.upper.xreplace(scalars)
        if lengths:
            (length,) = lengths
            if not upper.is_Integer and upper.is_Symbol:
                scalars[upper] = sp.Integer(length + int(fam.lower) - 1)
                upper = scalars[upper]
            if upper.is_Integer and int(upper - fam.lower + 1) != length:
                raise InputError(
                    f"{length} data values for {int(upper - fam.lower + 1)} "
                    f"variables {fam.base.label}"
                )
        fam = Family(fam.base, fam.index, fam.lower, upper)
        data = tuple((k, v) for k, v in problem.data if isinstance(k, sp.IndexedBase)) + tuple(
            scalars.items()
        )
        return replace(
            problem,
            objective=problem.objective.xreplace(scalars),
            variables=fam,
            constraints=_subs_constraints(problem.constraints, scalars),
            data=data,
        )
    mapping = problem.data_mapping()
    if not mapping:
        return problem

    def apply(e):
        e = e.xreplace(scalars)
        if e.has(sp.Sum):
            e = e.replace(
                lambda x: (
                    isinstance(x, sp.Sum)
                    and all(lo.is_Integer and hi.is_Integer for _, lo, hi in x.limits)
                ),
                lambda x: x.doit(),
            )
        return e.xreplace(mapping)

    return replace(
        problem,
        objective=apply(problem.objective),
        constraints=tuple(Constraint(apply(c.lhs), apply(c.rhs)) for c in problem.constraints),
        data=(),
    )


def _subs_constraints(constraints, mapping):
    return tuple(Constraint(c.lhs.xreplace(mapping), c.rhs.xreplace(mapping)) for c in constraints)


def _expand_family(problem: Problem) -> Problem:
    """A concrete family problem as a plain one: sums written out, data substituted."""
    fam: Family = problem.variables
    mapping = problem.data_mapping()

    def apply(e):
        return e.doit().xreplace(mapping)

    return replace(
        problem,
        objective=apply(problem.objective),
        variables=fam.members(),
        constraints=tuple(Constraint(apply(c.lhs), apply(c.rhs)) for c in problem.constraints),
        data=(),
    )
