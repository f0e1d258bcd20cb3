"""The conditions a verified step lists are worth reading: what a rule needed (``y > 0``), not
what holds of a number (``0 \\geq 0``) or the type a declaration gives (``t \\in R`` for a
declared real t). Soundness is unchanged: an undeclared type is still missing (unknown)."""

from __future__ import annotations

from helpers import check_text

from eqchain.check import conditions as cond
from eqchain.model import Verdict


def _log_pow(t_assume: str):
    return f"""
    [symbols]
    y = "positive"
    {t_assume}

    [[steps]]
    claim = '\\log y^{{t}} = t \\log y'
    by = ["log_pow"]
    """


def test_a_declared_type_is_not_listed_but_the_sign_a_rule_needed_is(tmp_path):
    (result,) = check_text(tmp_path, _log_pow('t = "real"'))
    assert result.verdict is Verdict.VERIFIED
    assert "y > 0" in result.conditions
    assert not any("mathbb{R}" in c for c in result.conditions)


def test_an_undeclared_type_is_still_missing(tmp_path):
    (result,) = check_text(tmp_path, _log_pow('t = "complex"'))
    assert result.verdict is Verdict.UNKNOWN
    assert "t" in result.reason


def test_conditions_on_numbers_and_declared_types_are_not_worth_reading():
    import sympy as sp

    t = sp.Symbol("t", real=True)
    assert not cond.worth_reading("nonnegative", sp.Integer(0))
    assert not cond.worth_reading("real", t)
    assert cond.worth_reading("positive", sp.Symbol("y", positive=True))
    assert cond.worth_reading("real", t**2 + 1)
