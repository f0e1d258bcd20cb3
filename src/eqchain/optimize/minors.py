r"""Leading principal minors of bordered Hessians, and the second-order test they decide.

For ``n`` variables and ``m`` equality constraints the bordered Hessian at a stationary point is

    H = [[0_{m x m}, J], [J^T, \nabla^2_x L]]      (J the constraint Jacobian, m x n).

Its leading principal minor of order ``m + r`` is written ``M_{m+r}``. When the first ``m``
columns of ``J`` are independent, the point is a strict local maximum on the constraint set if
``M_{m+r}`` has the sign ``(-1)^r`` for every ``r = m+1..n`` (so the first one has the sign
``(-1)^(m+1)``), a strict local minimum if every one has the sign ``(-1)^m``; if they are all
non-zero and fit neither pattern it is a saddle; a zero minor leaves the test undecided.

Diagonal case, one constraint. When ``\nabla^2_x L = diag(d_1..d_n)`` and ``J = (a_1..a_n)``, the
order-``j+1`` minor is the determinant of ``[[0, a^T], [a, D]]`` with ``D = diag(d_1..d_j)``.
For invertible ``D`` the Schur complement gives

    det = det(D) * (0 - a^T D^{-1} a) = -(prod_i d_i) * sum_i a_i^2 / d_i
        = -sum_i a_i^2 prod_{l != i} d_l,

and the last form is a polynomial identity, so it holds for every ``D``. With all ``a_i = 1`` it
is ``-(prod d_i) * sum(1/d_i)``. Writing ``P_j = prod_{i<=j} d_i`` and
``Q_j = sum_{i<=j} a_i^2 prod_{l<=j, l!=i} d_l``: ``P_j = P_{j-1} d_j``,
``Q_j = Q_{j-1} d_j + a_j^2 P_{j-1}`` and ``M_{j+1} = -Q_j``. Every minor of a ``K``-variable
problem therefore costs ``O(K)`` multiplications in all, not ``K`` determinants.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy as sp

MAXIMUM, MINIMUM, SADDLE, UNKNOWN = "maximum", "minimum", "saddle", "unknown"
FACTOR_LIMIT = 200  # sign_of factors an expression only up to this many operations


@dataclass(frozen=True)
class Minor:
    """The leading principal minor of ``order``: its value (exact) and its sign (``+1``, ``-1``,
    ``0``, or ``None`` when the declared assumptions do not decide it)."""

    order: int
    value: Any
    sign: int | None


def sign_of(expr) -> int | None:
    """+1, -1 or 0 when SymPy's assumptions prove it; None otherwise. Never a numeric guess."""
    expr = sp.sympify(expr, strict=True)
    if expr.is_Rational:
        return 1 if expr.p > 0 else (-1 if expr.p < 0 else 0)
    decided = _sign_by_assumptions(expr)
    if decided is None and sp.count_ops(expr) <= FACTOR_LIMIT:
        decided = _sign_by_assumptions(sp.factor(expr))
    return decided


def _sign_by_assumptions(expr) -> int | None:
    if expr.is_zero:
        return 0
    if expr.is_positive:
        return 1
    if expr.is_negative:
        return -1
    return None


def _to_fraction(x) -> Fraction | None:
    if isinstance(x, (int, Fraction)):
        return Fraction(x)
    if isinstance(x, sp.Basic) and x.is_Rational:
        return Fraction(int(x.p), int(x.q))
    return None


def bordered_diagonal_minors(diagonal, border) -> list[Any]:
    """Values of ``M_2 .. M_{n+1}`` of ``[[0, a^T], [a, diag(d)]]`` by the recurrence above.

    Exact: for rational entries the recurrence runs on integers (returned as SymPy Rationals);
    anything symbolic gives SymPy expressions. ``diagonal`` and ``border`` must have the same
    length (ValueError otherwise).
    """
    if len(diagonal) != len(border):
        raise ValueError("diagonal and border differ in length")
    ds = [_to_fraction(d) for d in diagonal]
    as_ = [_to_fraction(a) for a in border]
    if all(x is not None for x in ds + as_):
        return [sp.Rational(n, d) for n, d in _integer_minors(ds, as_)]
    p, q, out = sp.Integer(1), sp.Integer(0), []
    for d, a in zip(diagonal, border, strict=True):
        p, q = p * d, q * d + a**2 * p
        out.append(-q)
    return out


def _integer_minors(ds: list[Fraction], as_: list[Fraction]) -> list[tuple[int, int]]:
    """The recurrence on integers: with ``d_j = p_j/q_j`` and ``a_j = r_j/s_j`` write
    ``P_j = Pn_j/D_j`` and ``Q_j = Qn_j/(D_j E_j)`` where ``D_j = prod q``, ``E_j = prod s^2``;
    then ``Pn_j = Pn_{j-1} p_j`` and ``Qn_j = Qn_{j-1} p_j s_j^2 + r_j^2 Pn_{j-1} q_j E_{j-1}``.
    Only multiplications (no gcd per step); returns ``(numerator, denominator)`` of each minor
    ``M_{j+1} = -Qn_j/(D_j E_j)``, not reduced."""
    pn, qn, den_d, den_e, out = 1, 0, 1, 1, []
    for d, a in zip(ds, as_, strict=True):
        p, q, r, s = d.numerator, d.denominator, a.numerator, a.denominator
        qn = qn * p * s * s + r * r * pn * q * den_e
        pn *= p
        den_d *= q
        den_e *= s * s
        out.append((-qn, den_d * den_e))
    return out


def diagonal_minor_signs(diag_sign: int | None, n: int, border_nonzero: bool) -> list[int | None]:
    """Signs of ``M_2 .. M_{n+1}`` when every ``d_i`` has the sign ``diag_sign`` and every
    ``a_i`` is non-zero: ``M_{j+1} = -sum_i a_i^2 prod_{l != i} d_l`` has ``j`` terms of the
    sign ``diag_sign^(j-1)``, so its sign is ``-diag_sign^(j-1)``. None where undecided."""
    if diag_sign not in (1, -1) or not border_nonzero:
        return [None] * n
    return [-(diag_sign ** (j - 1)) for j in range(1, n + 1)]


def bordered_hessian(hessian: sp.Matrix, jacobian: sp.Matrix) -> sp.Matrix:
    """``[[0, J], [J^T, hessian]]`` (J is m x n, the Hessian n x n)."""
    m, n = jacobian.shape
    if hessian.shape != (n, n):
        raise ValueError("the Hessian and the Jacobian disagree on the number of variables")
    if m == 0:
        return hessian
    return sp.zeros(m, m).row_join(jacobian).col_join(jacobian.T.row_join(hessian))


def leading_minors(matrix: sp.Matrix, orders) -> list[Minor]:
    """The leading principal minors of the given orders, by direct (Bareiss) determinants."""
    out = []
    for k in orders:
        value = sp.factor(matrix[:k, :k].det(method="bareiss"))
        out.append(Minor(k, value, sign_of(value)))
    return out


def pivot_order(jacobian: sp.Matrix) -> list[int] | None:
    """A column order putting ``m`` independent columns of ``J`` first (the test needs it), or
    None when ``J`` does not have full row rank."""
    m, n = jacobian.shape
    if m == 0:
        return list(range(n))
    _, pivots = jacobian.rref(simplify=True)
    if len(pivots) < m:
        return None
    return list(pivots) + [j for j in range(n) if j not in pivots]


def classify(minors: list[Minor], n: int, m: int) -> str:
    """Apply the sign test to the minors of orders ``2m+1 .. n+m`` (``minors`` holds exactly
    those, in order). Returns MAXIMUM, MINIMUM, SADDLE or UNKNOWN (some sign undecided or
    zero). With no minors to test (``n == m``: the constraints fix the point) it is UNKNOWN."""
    expected_orders = list(range(2 * m + 1, n + m + 1))
    if [mi.order for mi in minors] != expected_orders or not minors:
        return UNKNOWN
    if any(mi.sign is None or mi.sign == 0 for mi in minors):
        return UNKNOWN
    if all(mi.sign == (-1) ** (mi.order - m) for mi in minors):
        return MAXIMUM
    if all(mi.sign == (-1) ** m for mi in minors):
        return MINIMUM
    return SADDLE
