"""Equality-constrained optimisation with Lagrange multipliers, certified by a second-order test.

``solve(problem)`` finds the stationary point of the Lagrangian and certifies it;
``to_derivation(solution)`` writes the solution as an ordinary eqchain derivation whose steps the
checker decides; ``problem_from_toml(table, scope)`` reads a ``[maximize]`` table and
``steps_from_toml(table, scope, path)`` gives the steps the loader appends for it.
"""

from __future__ import annotations

from eqchain.optimize.problem import Constraint, Family, Problem
from eqchain.optimize.solution import Certificate, Solution
from eqchain.optimize.solve import solve

__all__ = [
    "Certificate",
    "Constraint",
    "Family",
    "Problem",
    "Solution",
    "problem_from_toml",
    "solve",
    "steps_from_toml",
    "to_derivation",
]


def __getattr__(name: str):
    """The TOML and derivation entry points, imported on first use (they pull in the reader)."""
    if name == "problem_from_toml":
        from eqchain.optimize.from_toml import problem_from_toml

        return problem_from_toml
    if name in ("to_derivation", "steps_from_toml"):
        from eqchain.optimize import derivation

        return getattr(derivation, name)
    raise AttributeError(name)
