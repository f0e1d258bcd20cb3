"""Shared SymPy objects for the optimisation tests: the die, the Bernoulli and Gaussian models."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.optimize import Constraint, Family, Problem

k = sp.Symbol("k", integer=True, positive=True)
K = sp.Symbol("K", integer=True, positive=True)
y = sp.IndexedBase("y", positive=True)
t_pos = sp.IndexedBase("t", positive=True, integer=True)
t_nonneg = sp.IndexedBase("t", nonnegative=True, integer=True)
t_free = sp.IndexedBase("t")
lam = sp.Symbol("lambda", real=True)
THROWS = (2, 5, 2, 4, 2, 5)
DICE_MINORS = [280, -72000, 10400000, -2400000000, 256000000000]


def dice(t=t_pos, upper=K, data=(), sense="maximize") -> Problem:
    """maximise sum_k t_k log y_k subject to sum_k y_k = 1, k = 1..upper."""
    return Problem(
        sp.Sum(t[k] * sp.log(y[k]), (k, 1, upper)),
        Family(y, k, 1, upper),
        (Constraint(sp.Sum(y[k], (k, 1, upper)), 1),),
        sense=sense,
        data=data,
        multipliers=(lam,),
    )


@pytest.fixture
def throws_problem() -> Problem:
    return dice(data=((t_pos, THROWS),))
