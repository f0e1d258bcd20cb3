"""Two indefinite integrals in one variable whose integrands are equal at every real point are
equal (`integral_integrand`): they have the same antiderivatives. Nothing is evaluated, and
nothing is claimed about integrals in two different variables."""

from __future__ import annotations

from helpers import check_text, claims

from eqchain.model import Verdict

SYMBOLS = """
[symbols]
a = "positive"
b = "real"
t = "real"
x = "real"
y = "real"
"""


def verdict(tmp_path, claim):
    (result,) = claims(check_text(tmp_path, SYMBOLS + f"\n[[steps]]\nclaim = '{claim}'\n"))
    return result


def test_indefinite_integrals_of_equal_integrands_are_equal(tmp_path):
    result = verdict(tmp_path, r"\int e^{t x} e^{-x^2} \, dx = \int e^{t x - x^2} \, dx")
    assert result.verdict is Verdict.VERIFIED
    assert result.rules == ("integral_integrand",)


def test_indefinite_gaussian_exponent_rewritten_is_verified(tmp_path):
    claim = (
        r"\int \exp\left(\frac{2 a^2 t x}{2 a^2}\right) \frac{1}{\sqrt{2 \pi a^2}}"
        r" \exp\left(- \frac{x^2 - 2 b x + b^2}{2 a^2}\right) dx"
        r" = \int \frac{1}{\sqrt{2 \pi a^2}} \exp\left(\frac{2 a^2 t x - x^2 + 2 b x - b^2}"
        r"{2 a^2}\right) dx"
    )
    assert verdict(tmp_path, claim).verdict is Verdict.VERIFIED


def test_indefinite_integrals_of_different_integrands_are_not_verified(tmp_path):
    for claim in (
        r"\int e^{t x} e^{-x^2} \, dx = \int e^{t x + x^2} \, dx",  # a sign
        r"\int 2 e^{t x} \, dx = \int e^{t x} \, dx",  # a factor dropped
        r"\int e^{t x} \, dx = \int e^{t x} \, dt",  # another variable
    ):
        assert verdict(tmp_path, claim).verdict is not Verdict.VERIFIED, claim


def test_indefinite_integrals_in_two_variables_are_not_equal(tmp_path):
    # x^2/2 + C and y^2/2 + C are different functions: no renaming of the variable
    result = verdict(tmp_path, r"\int x \, dx = \int y \, dy")
    assert result.verdict is not Verdict.VERIFIED


def test_indefinite_integrand_rewritten_by_a_log_rule_needs_its_condition(tmp_path):
    result = verdict(tmp_path, r"\int \log(b x^2) \, dx = \int (\log b + 2 \log x) \, dx")
    assert result.verdict is Verdict.UNKNOWN


# -- a constant factor of an indefinite integral's integrand: integral_linear ----------------
# {c F + C} and {c (F + C)} are the same antiderivatives when c is not 0 (with c = 0 the
# first is every constant, the second 0)


def test_a_nonzero_constant_comes_out_of_an_indefinite_integral(tmp_path):
    result = verdict(tmp_path, r"\int e^{a t} e^{-x^2} \, dx = e^{a t} \int e^{-x^2} \, dx")
    assert result.verdict is Verdict.VERIFIED
    assert "integral_linear" in result.rules


def test_a_constant_that_may_be_zero_does_not_come_out_of_an_indefinite_integral(tmp_path):
    result = verdict(tmp_path, r"\int b e^{-x^2} \, dx = b \int e^{-x^2} \, dx")
    assert result.verdict is Verdict.UNKNOWN
    assert "b \\neq 0" in result.reason


def test_a_wrong_constant_out_of_an_indefinite_integral_is_not_verified(tmp_path):
    for claim in (
        r"\int e^{a t} e^{-x^2} \, dx = e^{-a t} \int e^{-x^2} \, dx",
        r"\int a e^{-x^2} \, dx = 2 a \int e^{-x^2} \, dx",
        r"\int x e^{-x^2} \, dx = x \int e^{-x^2} \, dx",  # x is the variable, no constant
    ):
        assert verdict(tmp_path, claim).verdict is not Verdict.VERIFIED, claim
