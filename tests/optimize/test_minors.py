"""Bordered minors: the closed form agrees with determinants; the sign test classifies."""

from __future__ import annotations

import random

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from eqchain.optimize.minors import (
    MAXIMUM,
    MINIMUM,
    SADDLE,
    UNKNOWN,
    Minor,
    bordered_diagonal_minors,
    bordered_hessian,
    classify,
    leading_minors,
    sign_of,
)


def _direct(diagonal, border):
    n = len(diagonal)
    h = bordered_hessian(sp.diag(*diagonal), sp.Matrix([border]))
    return [h[: j + 1, : j + 1].det() for j in range(1, n + 1)]


rationals = st.fractions(min_value=-50, max_value=50, max_denominator=7).map(
    lambda f: sp.Rational(f.numerator, f.denominator)
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(rationals, rationals), min_size=1, max_size=7))
def test_closed_form_equals_direct_determinants(pairs):
    diagonal = [d for d, _ in pairs]
    border = [a for _, a in pairs]
    assert bordered_diagonal_minors(diagonal, border) == _direct(diagonal, border)


def test_closed_form_with_ones_is_minus_product_times_sum_of_reciprocals():
    d = [sp.Integer(v) for v in (-200, -80, -200)]
    minors = bordered_diagonal_minors(d, [1, 1, 1])
    for j in (2, 3):
        expected = -sp.Mul(*d[:j]) * sum(1 / x for x in d[:j])
        assert minors[j - 1] == expected


def test_closed_form_holds_symbolically():
    ds = sp.symbols("d1:5")
    as_ = sp.symbols("a1:5")
    closed = bordered_diagonal_minors(list(ds), list(as_))
    for got, want in zip(closed, _direct(list(ds), list(as_)), strict=True):
        assert sp.expand(got - want) == 0


def test_closed_form_tolerates_zero_diagonal_entries():
    d = [sp.Integer(0), sp.Integer(3), sp.Integer(0)]
    assert bordered_diagonal_minors(d, [1, 2, 1]) == _direct(d, [1, 2, 1])


def test_closed_form_on_random_large_problem_matches_determinants():
    rng = random.Random(4)
    d = [sp.Rational(-rng.randint(1, 30), rng.randint(1, 5)) for _ in range(9)]
    a = [sp.Integer(rng.randint(-3, 3) or 1) for _ in range(9)]
    assert bordered_diagonal_minors(d, a) == _direct(d, a)


def _minors(signs, m):
    return [Minor(2 * m + 1 + j, None, s) for j, s in enumerate(signs)]


def test_alternating_signs_starting_positive_is_maximum():
    assert classify(_minors([1, -1, 1], 1), 4, 1) == MAXIMUM


def test_all_negative_signs_with_one_constraint_is_minimum():
    assert classify(_minors([-1, -1, -1], 1), 4, 1) == MINIMUM


def test_nonzero_signs_fitting_neither_pattern_is_saddle():
    assert classify(_minors([-1, 1], 1), 3, 1) == SADDLE


def test_zero_minor_leaves_the_test_undecided():
    assert classify(_minors([1, 0, 1], 1), 4, 1) == UNKNOWN


def test_undecided_sign_leaves_the_test_undecided():
    assert classify(_minors([1, None, 1], 1), 4, 1) == UNKNOWN


def test_unconstrained_test_uses_ordinary_leading_minors():
    assert classify(_minors([-1, 1], 0), 2, 0) == MAXIMUM
    assert classify(_minors([1, 1], 0), 2, 0) == MINIMUM


def test_wrong_orders_are_not_classified():
    assert classify([Minor(2, None, 1)], 3, 1) == UNKNOWN


def test_sign_of_does_not_guess_without_assumptions():
    assert sign_of(sp.Symbol("a") - sp.Symbol("b")) is None


def test_sign_of_uses_declared_assumptions():
    a = sp.Symbol("a", positive=True)
    assert sign_of(-(a**2) - 1) == -1


@pytest.mark.parametrize("m", [1, 2])
def test_leading_minors_of_bordered_hessian_match_det(m):
    h = sp.Matrix([[2, 1, 0], [1, 3, 1], [0, 1, 4]])
    j = sp.Matrix([[1, 1, 1], [1, -1, 0]])[:m, :]
    b = bordered_hessian(h, j)
    got = leading_minors(b, range(2 * m + 1, 3 + m + 1))
    assert [g.value for g in got] == [b[:o, :o].det() for o in range(2 * m + 1, 3 + m + 1)]
