"""A row stating the law of a name declares what its values are (the law's support).

Found on StatProofBook's Poisson MLE: with ``y_i \\sim \\mathrm{Poiss}(\\lambda)`` stated, the
log of the pmf was unknown, ``factorial needs y_i \\geq 0``; every value of a Poisson variable
is a nonnegative integer (densities.Density.values)."""

from __future__ import annotations

import pytest
from helpers import check_document_rows

LOG_PMF = r"\log \frac{\lambda^{y_i} e^{-\lambda}}{y_i!} = y_i \log \lambda - \lambda - \log(y_i!)"


def statuses(tmp_path, *rows, assume=None):
    return [s["status"] for s in check_document_rows(tmp_path, *rows, assume=assume)]


@pytest.mark.parametrize(
    "stated",
    [
        r"y_i \sim \mathrm{Poiss}(\lambda), \quad i = 1, \ldots, n",
        r"y_i \sim \mathrm{Poiss}(\lambda)",
    ],
)
def test_a_poisson_variable_is_a_nonnegative_integer(tmp_path, stated):
    assert statuses(tmp_path, stated, LOG_PMF)[-1] == "verified"


def test_the_wrong_twin_is_refuted(tmp_path):
    wrong = LOG_PMF.replace(r"- \lambda - \log", r"+ \lambda - \log")
    got = statuses(tmp_path, r"y_i \sim \mathrm{Poiss}(\lambda)", wrong)
    assert got[-1] == "refuted"


def test_without_the_law_the_support_is_not_assumed(tmp_path):
    # the left side's y_i! is defined where y_i >= 0 (and y_i! > 0 there, Gamma(y_i + 1) of a
    # positive number): verified within that domain, which is shown, not assumed
    step = check_document_rows(tmp_path, LOG_PMF, assume="lambda > 0")[-1]
    assert step["status"] == "verified" and step["domain"] == ["y_{i} \\geq 0"]
    stated = check_document_rows(tmp_path, r"y_i \sim \mathrm{Poiss}(\lambda)", LOG_PMF)[-1]
    assert stated["status"] == "verified" and stated["domain"] == []
    # a law stated of another name says nothing of y_i: its support is still only a domain
    other = check_document_rows(tmp_path, r"x_i \sim \mathrm{Poiss}(\lambda)", LOG_PMF)[-1]
    assert other["status"] == "verified" and other["domain"] == ["y_{i} \\geq 0"]


def test_an_exponential_variable_is_nonnegative(tmp_path):
    got = statuses(tmp_path, r"X \sim \mathrm{Exp}(\lambda)", r"\sqrt{X^2} = X")
    assert got[-1] == "verified"
    got = statuses(tmp_path, r"X \sim \mathcal{N}(\mu, \sigma^2)", r"\sqrt{X^2} = X")
    assert got[-1] == "refuted"


SCALED = r"\mathbb{E}\left[\sigma x\right] = \sigma \mathbb{E}[x]"


def test_a_stated_laws_parameters_are_constants(tmp_path):
    # StatProofBook's Gaussian entropy: E[((x - mu)/sigma)^2] needed sigma not random; sigma
    # is a parameter of the law stated of X
    stated = r"X \sim \mathcal{N}(\mu, \sigma^2)"
    assert statuses(tmp_path, stated, SCALED, assume="x moments")[-1] == "verified"
    wrong = SCALED.replace(r"= \sigma", r"= 2 \sigma")
    assert statuses(tmp_path, stated, wrong, assume="x moments")[-1] != "verified"
    # without the law: sigma may be random
    assert statuses(tmp_path, SCALED, assume="x moments")[-1] == "unknown"


def test_a_function_parameter_is_not_the_stated_variable(tmp_path):
    # red team: f(X) = sin(pi X) took X's "nonnegative integer" from X ~ Poiss
    rows = (r"X \sim \mathrm{Poiss}(\lambda)", r"f(X) = \sin(\pi X)")
    assert statuses(tmp_path, *rows, r"f(\frac{1}{2}) = 0")[-1] == "refuted"
    assert statuses(tmp_path, *rows, r"f(3) = 0")[-1] == "verified"


def test_a_derivative_of_a_defined_function_at_a_point_under_a_stated_law(tmp_path):
    # red team: the parameter freed of lambda > 0 (the law's condition) no longer matched the
    # variable of d^2/d lambda^2, and the derivative at hat-lambda came out 0 (verified)
    rows = (r"X \sim \mathrm{Poiss}(\lambda)", r"\ell(\lambda) = \lambda^3")
    second = r"\frac{d^2 \ell(\hat\lambda)}{d\lambda^2}"
    assert statuses(tmp_path, *rows, rf"{second} = 6 \hat\lambda")[-1] == "verified"
    assert statuses(tmp_path, *rows, rf"{second} = 5 \hat\lambda")[-1] == "refuted"
    assert statuses(tmp_path, *rows, rf"{second} = 0")[-1] != "verified"


def test_a_parameter_a_row_defines_is_what_its_definition_says(tmp_path):
    # review: mu declared constant by the law made mu = (1/n) sum x_i (an author's estimate
    # written without a hat) a claim, refuted; a row defining the name says what it is
    rows = (r"x_i \sim \mathcal{N}(\mu, 1)", r"\mu = \frac{1}{n} \sum_{i=1}^{n} x_i")
    assert statuses(tmp_path, *rows, r"\mu n = \sum_{i=1}^{n} x_i")[1:] == [
        "definition",
        "verified",
    ]
    assert statuses(tmp_path, *rows, r"\mu n = 2 \sum_{i=1}^{n} x_i")[-1] == "refuted"
