"""The direct solver for equations linear in u or 1/u agrees with sympy.solve."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.optimize.common import solve_linear

k = sp.Symbol("k", integer=True, positive=True)
t = sp.IndexedBase("t", positive=True)
v = sp.Symbol("v", positive=True)
x = sp.Symbol("x", real=True)
lam = sp.Symbol("lambda", real=True)
s = sp.Symbol("s", positive=True)

CASES = [
    (t[k] / v - lam, v),
    (2 * x - lam, x),
    (s / lam - 1, lam),
    (s * lam / 2 + 2, lam),
    (t[k] / v - lam * (2 + 1 / v), v),
    (2 * v + 3, v),
    (t[k] / v + 1, v),
    (1 / x, x),
]


@pytest.mark.parametrize(("equation", "unknown"), CASES, ids=str)
def test_agrees_with_sympy_solve(equation, unknown):
    assert solve_linear(equation, unknown) == sp.solve(equation, unknown)


@pytest.mark.parametrize(("equation", "unknown"), [(x**2 - 1, x), (sp.exp(x) - 2, x)], ids=str)
def test_declines_what_is_not_linear(equation, unknown):
    assert solve_linear(equation, unknown) is None
