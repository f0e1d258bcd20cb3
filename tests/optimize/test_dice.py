"""The loaded die: y_k = t_k / N, certified; the edge cases say what they are."""

from __future__ import annotations

import random

import pytest
import sympy as sp

from eqchain.errors import InputError
from eqchain.optimize import Family, solve
from eqchain.optimize.minors import bordered_hessian

from .conftest import DICE_MINORS, THROWS, K, dice, k, lam, t_free, t_nonneg, t_pos, y


def test_twenty_throws_give_counts_over_total(throws_problem):
    sol = solve(throws_problem)
    expected = [
        sp.Rational(1, 10),
        sp.Rational(1, 4),
        sp.Rational(1, 10),
        sp.Rational(1, 5),
        sp.Rational(1, 10),
        sp.Rational(1, 4),
    ]
    assert [v for _, v in sol.values] == expected


def test_twenty_throws_multiplier_is_the_number_of_throws(throws_problem):
    assert solve(throws_problem).multiplier_values == ((lam, 20),)


def test_twenty_throws_generic_point_is_count_over_twenty(throws_problem):
    assert solve(throws_problem).point == ((y[k], t_pos[k] / 20),)


def test_twenty_throws_bordered_minors_have_the_computed_values(throws_problem):
    cert = solve(throws_problem).certificate
    assert [m.order for m in cert.minors] == [3, 4, 5, 6, 7]
    assert [m.value for m in cert.minors] == DICE_MINORS


def test_twenty_throws_minors_equal_direct_determinants(throws_problem):
    sol = solve(throws_problem)
    values = dict(sol.values)
    diag = [-t / values[y[i + 1]] ** 2 for i, t in enumerate(THROWS)]
    h = bordered_hessian(sp.diag(*diag), sp.ones(1, 6))
    assert [h[:o, :o].det() for o in range(3, 8)] == DICE_MINORS


def test_twenty_throws_are_a_certified_global_maximum(throws_problem):
    sol = solve(throws_problem)
    assert sol.certified and sol.status == "maximum"
    assert sol.certificate.is_global


def test_symbolic_K_point_is_count_over_sum_of_counts():
    sol = solve(dice())
    ((var, value),) = sol.point
    assert var == y[k]
    assert sp.simplify(value - t_pos[k] / sp.Sum(t_pos[k], (k, 1, K))) == 0


def test_symbolic_K_is_certified_by_concavity():
    cert = solve(dice()).certificate
    assert cert.status == "maximum" and cert.method == "concavity" and cert.is_global
    assert cert.hessian_entry == -t_pos[k] / y[k] ** 2


def test_symbolic_K_with_nonnegative_counts_is_not_certified():
    sol = solve(dice(t=t_nonneg))
    assert sol.status == "unknown" and not sol.certified
    assert any("t_{k} > 0" in m for m in sol.certificate.missing)


def test_symbolic_counts_with_six_faces_have_alternating_minor_signs():
    cert = solve(dice(data=((K, 6),))).certificate
    assert [m.sign for m in cert.minors] == [1, -1, 1, -1, 1]
    assert cert.status == "maximum"


def test_symbolic_counts_minor_values_agree_with_determinants():
    sol = solve(dice(data=((K, 3),)))
    s = sum(t_pos[i] for i in (1, 2, 3))
    diag = [-(s**2) / t_pos[i] for i in (1, 2, 3)]
    h = bordered_hessian(sp.diag(*diag), sp.ones(1, 3))
    for m in sol.certificate.minors:
        assert sp.simplify(m.value - h[: m.order, : m.order].det()) == 0


def test_unseen_face_is_fixed_at_zero_on_the_boundary():
    sol = solve(dice(t=t_nonneg, data=((t_nonneg, (2, 0, 2, 4, 2, 5)),)))
    assert dict(sol.values)[y[2]] == 0
    assert dict(sol.values)[y[1]] == sp.Rational(2, 15)
    assert sol.boundary == (y[2],)
    assert sol.status == "maximum" and sol.certificate.method == "boundary"


def test_unseen_face_note_says_interior_equation_fails():
    sol = solve(dice(t=t_nonneg, data=((t_nonneg, (2, 0, 2)),)))
    assert any("no interior stationary point" in n for n in sol.notes)
    assert any("0 log 0 = 0" in n for n in sol.notes)


def test_all_counts_zero_is_not_unique():
    sol = solve(dice(t=t_nonneg, data=((t_nonneg, (0, 0, 0)),)))
    assert sol.status == "not unique" and not sol.certified


def test_negative_count_raises_input_error():
    with pytest.raises(InputError, match="negative"):
        solve(dice(t=t_free, data=((t_free, (2, -1, 3)),)))


def test_data_length_must_match_concrete_family():
    with pytest.raises(InputError, match="3 data values for 6"):
        solve(dice(upper=6, t=t_free, data=((t_free, (1, 2, 3)),)))


def test_minimising_the_likelihood_is_not_certified(throws_problem):
    sol = solve(dice(data=((t_pos, THROWS),), sense="minimize"))
    assert sol.status == "maximum" and not sol.certified


def test_thousand_faces_are_certified_with_every_minor_sign():
    rng = random.Random(1)
    counts = tuple(rng.randint(1, 40) for _ in range(1000))
    sol = solve(dice(data=((t_pos, counts),)))
    assert sol.certified
    assert len(sol.certificate.minors) == 999
    assert all(m.sign == (-1) ** (m.order - 1) for m in sol.certificate.minors)
    assert sum(v for _, v in sol.values) == 1


def test_concrete_family_bounds_other_than_one():
    fam = Family(y, k, 0, 2)
    from eqchain.optimize import Constraint, Problem

    p = Problem(
        sp.Sum(t_pos[k] * sp.log(y[k]), (k, 0, 2)),
        fam,
        (Constraint(sp.Sum(y[k], (k, 0, 2)), 1),),
        data=((t_pos, (1, 1, 2)),),
    )
    assert dict(solve(p).values)[y[0]] == sp.Rational(1, 4)
