"""The refuter solves a given for an unknown factor by factor: a likelihood's stationarity
condition at sampled k and n (p^{1/16} (221 - 320 p)) is solved at once instead of by SymPy's
solve(), which took a second a call and ran a step out of time (a helper's binomial MLE)."""

from __future__ import annotations

import sympy as sp

from eqchain.check.refute import _roots

p = sp.Symbol("p", real=True)


def test_a_product_is_solved_factor_by_factor():
    e = -320 * p ** sp.Rational(17, 16) + 221 * p ** sp.Rational(1, 16)
    assert _roots(e, p) == [0, sp.Rational(221, 320)]


def test_a_power_is_zero_where_its_base_is():
    assert _roots((1 - p) ** sp.Rational(3, 2) * (p - 2), p) == [1, 2]


def test_a_factor_with_no_root_adds_none():
    assert _roots(sp.exp(p) * (p - 3), p) == [3]
    assert _roots(p**-2 * (p + 1), p) == [-1]


def test_the_roots_meet_the_unknowns_assumptions():
    q = sp.Symbol("q", positive=True)
    assert _roots(q * (q + 1) * (q - 2), q) == [2]
