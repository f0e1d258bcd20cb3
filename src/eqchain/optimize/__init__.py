"""Equality-constrained optimisation with Lagrange multipliers, certified by a second-order test.

``solve(problem)`` finds the stationary point of the Lagrangian and certifies it;
``to_derivation(solution)`` writes the solution as an ordinary eqchain derivation whose steps the
checker verifies; ``problem_from_toml(table, scope)`` reads a ``[maximize]``/``[minimize]`` table.
"""

from __future__ import annotations

from eqchain.optimize.problem import Constraint, Family, Problem
from eqchain.optimize.solution import Certificate, Solution
from eqchain.optimize.solve import solve

__all__ = ["Certificate", "Constraint", "Family", "Problem", "Solution", "solve"]
