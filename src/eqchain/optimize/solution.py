"""What :func:`eqchain.optimize.solve` returns: the stationary point and its certificate."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eqchain.optimize.minors import Minor
from eqchain.optimize.problem import Problem

# Statuses of a certificate / a solution.
MAXIMUM = "maximum"
MINIMUM = "minimum"
SADDLE = "saddle"
UNKNOWN = "unknown"
NOT_UNIQUE = "not unique"
NO_POINT = "no stationary point"


@dataclass(frozen=True)
class Certificate:
    """The second-order evidence for a stationary point.

    ``method`` is ``"bordered-hessian"`` (signs of the minors in ``minors``, computed at the
    point), ``"concavity"`` (the objective's Hessian is negative/positive definite on the whole
    domain, for a symbolic number of variables), ``"boundary"`` (a face of the simplex, see
    ``explanation``) or ``"none"``. ``established`` lists the side conditions proved from the
    declared assumptions, ``missing`` those that would be needed but are not (as LaTeX).
    ``is_global`` is True only when concavity (convexity) on the whole feasible set was proved.
    ``diagonal``/``border`` keep the structured bordered Hessian (``diag(d)`` bordered by ``a``)
    so that any minor can be recomputed with :meth:`minor`.
    """

    status: str
    method: str
    minors: tuple[Minor, ...] = ()
    established: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    is_global: bool = False
    explanation: str = ""
    diagonal: tuple = ()
    border: tuple = ()
    hessian_entry: Any = None  # generic f''(y_k) (symbolic number of variables)

    def minor(self, order: int):
        """The value of the bordered minor of ``order`` (structured certificates only)."""
        for mi in self.minors:
            if mi.order == order:
                return mi.value
        raise KeyError(order)


@dataclass(frozen=True)
class Solution:
    """A solved problem.

    ``lagrangian`` is ``objective - sum_i lambda_i (g_i - b_i)``. ``gradient`` pairs each
    variable (or the generic member ``y[k]``) with ``dL/dvariable``; ``stationarity`` holds the
    equations ``dL/dv = 0`` as (lhs, rhs) pairs. ``point`` pairs each variable (or ``y[k]``)
    with its value, in closed form; ``values`` pairs every concrete member with its number when
    the family is concrete. ``multiplier_values`` pairs each multiplier with its value. ``status``
    says what the second-order test concluded (MAXIMUM, MINIMUM, SADDLE, UNKNOWN, NOT_UNIQUE,
    NO_POINT); ``notes`` explain edge cases in English. ``boundary`` lists the members fixed at
    0 on the boundary (faces never observed). ``in_multipliers`` pairs each variable (or
    ``y[k]``) with its solution of the stationarity equation in terms of the multipliers
    (``y[k] = t[k]/lambda``), when the structural solver found one.
    """

    problem: Problem
    lagrangian: Any
    multipliers: tuple
    gradient: tuple[tuple[Any, Any], ...]
    stationarity: tuple[tuple[Any, Any], ...]
    point: tuple[tuple[Any, Any], ...]
    multiplier_values: tuple[tuple[Any, Any], ...]
    certificate: Certificate
    status: str
    method: str  # "separable" or "sympy.solve"
    values: tuple[tuple[Any, Any], ...] = ()
    boundary: tuple = ()
    notes: tuple[str, ...] = ()
    other_points: tuple[tuple[tuple[Any, Any], ...], ...] = ()
    in_multipliers: tuple[tuple[Any, Any], ...] = ()

    @property
    def certified(self) -> bool:
        """True when the second-order test certified the optimum the problem asks for."""
        wanted = MAXIMUM if self.problem.maximize else MINIMUM
        return self.status == wanted

    def value_of(self, var):
        """The value of a variable or member; KeyError if the solution does not fix it."""
        for v, val in self.values + self.point:
            if v == var:
                return val
        raise KeyError(var)
