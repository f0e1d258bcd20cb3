"""The problem description rejects bad input with InputError."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.errors import InputError
from eqchain.optimize import Constraint, Family, Problem

from .conftest import dice, k, t_free, t_nonneg, y


def test_family_needs_an_integer_upper_bound():
    with pytest.raises(InputError, match="integer"):
        Family(y, k, 1, sp.Symbol("K"))


def test_family_with_no_members_is_rejected():
    with pytest.raises(InputError, match="no members"):
        Family(y, k, 3, 2)


def test_unknown_sense_is_rejected():
    x = sp.Symbol("x")
    with pytest.raises(InputError, match="sense"):
        Problem(x**2, (x,), sense="maximise")


def test_text_data_is_rejected():
    with pytest.raises(InputError, match="must be a number"):
        dice(t=t_free, data=((t_free, (2, "five", 2)),))


def test_boolean_data_is_rejected():
    with pytest.raises(InputError, match="must be a number"):
        dice(t=t_free, data=((t_free, (2, True, 2)),))


def test_data_contradicting_a_declaration_is_rejected():
    with pytest.raises(InputError, match="contradicts"):
        dice(t=t_nonneg, data=((t_nonneg, (2, -1, 2)),))


def test_multipliers_must_match_constraints():
    x = sp.Symbol("x")
    with pytest.raises(InputError, match="multiplier"):
        Problem(x**2, (x,), (Constraint(x, 1),), multipliers=(sp.Symbol("a"), sp.Symbol("b")))


def test_objective_text_is_never_parsed():
    x = sp.Symbol("x")
    with pytest.raises(InputError, match="SymPy expression"):
        Problem("x**2", (x,))


def test_default_multiplier_is_lambda():
    x = sp.Symbol("x")
    p = Problem(x**2, (x,), (Constraint(x, 1),))
    assert [str(m) for m in p.multipliers] == ["lambda"]
