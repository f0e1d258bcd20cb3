"""Beta, gamma and Gaussian integrals with symbolic parameters (eqchain issue 12): decided within
a small time limit, by convergence read off the integrand's form and by the classical closed
forms, not by SymPy's integrate (which took tens of seconds on such steps, so that their verdict
depended on the machine's load). Each is verified when its conditions are established, refuted
when wrong, and unknown, naming the convergence, when a parameter's sign is not declared."""

from __future__ import annotations

import sympy as sp
from helpers import check_text, claims

from eqchain.check.integrals import _closed_form, _converges_by_form, _inner_evaluated
from eqchain.model import Verdict

SYMBOLS = """
[symbols]
a = "positive"
c = "positive"
s = "positive"
mu = "real"
r = "real"
"""
FAST = 3.0  # seconds of CPU time: far below what these steps took before


def verdict(tmp_path, claim):
    text = SYMBOLS + f"\n[[steps]]\nclaim = '{claim}'\n"
    (result,) = claims(check_text(tmp_path, text, timeout=FAST))
    assert "time limit" not in result.reason
    return result


# -- convergence by form ------------------------------------------------------------------------

x = sp.Symbol("x", real=True)
A, C = sp.symbols("a c", positive=True)
R = sp.Symbol("r", real=True)
S = sp.Symbol("s", positive=True)


def test_beta_integrand_converges_when_both_exponents_exceed_minus_one():
    assert _converges_by_form(sp.Integral(x**A * (1 - x) ** (C - 1), (x, 0, 1)))
    assert not _converges_by_form(sp.Integral(x ** (A - 2) * (1 - x) ** (C - 1), (x, 0, 1)))
    assert not _converges_by_form(sp.Integral(x**A * (1 - x) ** (R - 1), (x, 0, 1)))


def test_gaussian_integrand_converges_only_with_a_decaying_exponential():
    density = (x - R) ** 2 * sp.exp(-((x - R) ** 2) / (2 * S**2))
    assert _converges_by_form(sp.Integral(density, (x, -sp.oo, sp.oo)))
    growing = x**2 * sp.exp((x - R) ** 2)
    assert not _converges_by_form(sp.Integral(growing, (x, -sp.oo, sp.oo)))
    # e^{-x} decays towards +infinity only
    assert not _converges_by_form(sp.Integral(sp.exp(-x), (x, -sp.oo, sp.oo)))
    assert _converges_by_form(sp.Integral(x**A * sp.exp(-C * x), (x, 0, sp.oo)))
    assert not _converges_by_form(sp.Integral(x**A * sp.exp(-R * x), (x, 0, sp.oo)))


def test_closed_forms_agree_with_their_formulas():
    phi = sp.exp(-((x - R) ** 2) / (2 * S**2)) / sp.sqrt(2 * sp.pi * S**2)
    assert sp.simplify(_closed_form(sp.Integral(x**2 * phi, (x, -sp.oo, sp.oo))) - R**2 - S**2) == 0
    gamma = _closed_form(sp.Integral(x**A * sp.exp(-C * x), (x, 0, sp.oo)))
    assert sp.simplify(gamma - sp.gamma(A + 1) / C ** (A + 1)) == 0
    beta = _closed_form(sp.Integral(x**2 * (1 - x) ** 3 * (x + 2), (x, 0, 1)))
    assert beta == sp.Rational(17, 420)
    assert _closed_form(sp.Integral(x**A * (1 - x) ** (R - 1), (x, 0, 1))) is None


# -- steps ----------------------------------------------------------------------------------------

BETA_CONSTANT = r"\frac{\Gamma(a+c)}{\Gamma(a) \Gamma(c)}"


def test_constant_out_of_a_beta_integral_is_verified_quickly(tmp_path):
    claim = (
        rf"\int_0^1 x {BETA_CONSTANT} x^{{a-1}} (1-x)^{{c-1}} \, dx"
        rf" = {BETA_CONSTANT} \int_0^1 x^{{(a+1)-1}} (1-x)^{{c-1}} \, dx"
    )
    result = verdict(tmp_path, claim)
    assert result.verdict is Verdict.VERIFIED
    assert result.rules[0] == "integral_linear"


def test_constant_out_of_a_beta_integral_with_an_undeclared_sign_is_unknown(tmp_path):
    claim = (
        r"\int_0^1 x \frac{1}{\Gamma(a)} x^{a-1} (1-x)^{r-1} \, dx"
        r" = \frac{1}{\Gamma(a)} \int_0^1 x^{a} (1-x)^{r-1} \, dx"
    )
    result = verdict(tmp_path, claim)
    assert result.verdict is Verdict.UNKNOWN
    assert "integral_linear needs r > 0" in result.reason


def test_beta_integral_value_is_verified_and_a_wrong_one_refuted(tmp_path):
    right = r"\int_0^1 x^{a} (1-x)^{c-1} \, dx = \frac{\Gamma(a+1) \Gamma(c)}{\Gamma(a+c+1)}"
    assert verdict(tmp_path, right).verdict is Verdict.VERIFIED
    wrong = r"\int_0^1 x^{a} (1-x)^{c-1} \, dx = \frac{\Gamma(a) \Gamma(c)}{\Gamma(a+c+1)}"
    assert verdict(tmp_path, wrong).verdict is Verdict.REFUTED


def test_gaussian_second_moment_is_verified_quickly(tmp_path):
    density = r"\frac{1}{\sqrt{2 \pi} s} e^{-\frac{(x-\mu)^2}{2 s^2}}"
    result = verdict(tmp_path, rf"\int_{{-\infty}}^{{\infty}} (x-\mu)^2 {density} \, dx = s^2")
    assert result.verdict is Verdict.VERIFIED


def test_gaussian_second_moment_off_by_two_is_refuted(tmp_path):
    density = r"\frac{1}{\sqrt{2 \pi} s} e^{-\frac{(x-\mu)^2}{2 s^2}}"
    result = verdict(tmp_path, rf"\int_{{-\infty}}^{{\infty}} (x-\mu)^2 {density} \, dx = 2 s^2")
    assert result.verdict is Verdict.REFUTED


def test_gaussian_moment_with_a_scale_of_undeclared_sign_is_unknown(tmp_path):
    claim = r"\int_{-\infty}^{\infty} x^2 e^{-r x^2} \, dx = \frac{\sqrt{\pi}}{2 r^{3/2}}"
    result = verdict(tmp_path, claim)
    assert result.verdict is Verdict.UNKNOWN
    assert "integral_evaluate needs r > 0" in result.reason


def test_a_mean_inside_a_variance_is_evaluated_first():
    def density(v):
        return sp.exp(-((v - R) ** 2) / (2 * S**2)) / (sp.sqrt(2 * sp.pi) * S)

    t = sp.Symbol("t", real=True)
    mean = sp.Integral(t * density(t), (t, -sp.oo, sp.oo))
    variance = sp.Integral((x - mean) ** 2 * density(x), (x, -sp.oo, sp.oo))
    inner = _inner_evaluated(variance)
    assert not inner.function.has(sp.Integral)
    assert sp.simplify(_closed_form(inner) - S**2) == 0


def test_a_function_on_one_side_only_ends_quickly_unknown(tmp_path):
    # f stands under the integral on the left only and nothing relates it to the right: no
    # change of variable or integration by parts can prove it (they took seconds each)
    text = (
        SYMBOLS
        + "f = { function = true }\n"
        + "\n[[steps]]\nclaim = '\\int_{-\\infty}^{\\infty} f(t) e^{-(t - \\mu)^2} \\, dt"
        + " = \\int_{-\\infty}^{\\infty} e^{-(t - \\mu)^2} e^{-t^2} \\, dt'\n"
    )
    (result,) = claims(check_text(tmp_path, text, timeout=FAST))
    assert result.verdict is Verdict.UNKNOWN
    assert "f stands on one side only" in result.reason


BETA_LAW = r"""
$$
X \sim \mathrm{Bet}(a, c)
$$

$$
\mathrm{E}(X) = \int_{0}^{1} x^{K} \cdot \frac{\Gamma(a+c)}{\Gamma(a) \cdot \Gamma(c)} \, x^{a-1} \,
(1-x)^{c-1} \, \mathrm{d}x
$$
"""


def _beta_mean(tmp_path, power: str, assume: str):
    from eqchain.api import check_derivations
    from eqchain.load import load

    path = tmp_path / "beta.md"
    path.write_text(BETA_LAW.replace("K", power), encoding="utf-8")
    report = check_derivations(load(str(path), assume=assume), FAST)
    return [r for d in report.derivations for r in d.results][-1]


def test_an_expectation_as_its_beta_integral_is_verified_quickly(tmp_path):
    # simplify evaluated the integral itself (seconds, with no conditions) before the
    # expectation was taken as its integral
    result = _beta_mean(tmp_path, "1", "a > 0, c > 0")
    assert result.verdict is Verdict.VERIFIED, result.reason
    assert "expectation_lotus" in result.rules


def test_an_expectation_as_a_wrong_beta_integral_is_refuted(tmp_path):
    result = _beta_mean(tmp_path, "2", "a > 0, c > 0")
    assert result.verdict is Verdict.REFUTED, result.reason
