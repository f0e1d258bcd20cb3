"""After ``X \\sim D`` with D a law of the table of densities, the expectations of X are over D
(check/laws.py), on the rows that continue a chain (``= ...``) too; and every law of the table
has finite moments of every order once its parameters' conditions hold, so the expectation's
linearity splits ``\\mathbb{E}[(X - \\lambda)^2]`` (issue 12: variances of stated laws)."""

from __future__ import annotations

import pytest
import sympy as sp
from helpers import check_document_rows

from eqchain.check.expectations import _as_integral
from eqchain.operators import Expectation, Law


def statuses(tmp_path, *rows, assume=None):
    return [s["status"] for s in check_document_rows(tmp_path, *rows, assume=assume)]


SPLIT = r"= \mathbb{E}[X^2] - 2 \lambda \mathbb{E}[X] + \lambda^2"
LAWS = [
    r"X \sim \mathrm{Poiss}(\lambda)",
    r"X \sim \mathrm{Exp}(\lambda)",
    r"X \sim \mathrm{Gam}(\lambda, \lambda)",
    r"X \sim \mathrm{Bern}(\lambda)",
]


@pytest.mark.parametrize("law", LAWS)
@pytest.mark.parametrize(
    "rows",
    [
        (r"V = \mathbb{E}[(X - \lambda)^2]", SPLIT),
        (r"W = \mathrm{Var}(X)", r"= \mathbb{E}[X^2] - \mathbb{E}[X]^2"),
    ],
)
def test_a_stated_law_has_finite_moments(tmp_path, law, rows):
    assert statuses(tmp_path, law, *rows)[-1] == "verified"


@pytest.mark.parametrize("law", LAWS)
@pytest.mark.parametrize(
    "rows",
    [
        (r"V = \mathbb{E}[(X - \lambda)^2]", SPLIT.replace("- 2", "+ 2")),
        (r"V = \mathbb{E}[(X - \lambda)^2]", SPLIT.replace("- 2", "-")),
        (r"W = \mathrm{Var}(X)", r"= \mathbb{E}[X^2] + \mathbb{E}[X]^2"),
        (r"W = \mathrm{Var}(X)", r"= \mathbb{E}[X^2]"),
        (r"W = \mathrm{Var}(X)", r"= \mathbb{E}[X]^2 - \mathbb{E}[X^2]"),
    ],
)
def test_a_wrong_split_over_a_stated_law_is_not_verified(tmp_path, law, rows):
    assert statuses(tmp_path, law, *rows)[-1] != "verified"


def test_a_law_whose_parameters_are_not_shown_valid_is_not_taken_to_have_moments(tmp_path):
    # Exp(lambda - mu): lambda - mu > 0 is not established by the declarations. (The variance
    # split W = Var(X) = E[X^2] - E[X]^2 needs nothing of the law since stop 48: where its left
    # side is defined, E[X] and E[(X - E[X])^2] are finite, so is E[X^2].)
    rows = (
        r"X \sim \mathrm{Exp}(\lambda - \mu)",
        r"W = \mathbb{E}[X]",
        r"= \mathbb{E}[X^3] - \mathbb{E}[X^3 - X]",
    )
    got = check_document_rows(tmp_path, *rows)[-1]
    assert got["status"] == "unknown"
    # the split waits on the moments, named as such: neither a time limit run out on the
    # quadrature of an integrand still holding an integral without a value, nor the inner
    # mean integrated over the whole line (X >= 0 from the law had dropped its support)
    assert "needs finite moments" in got["reason"]
    assert "time limit" not in got["reason"]


def test_the_whole_line_integral_of_a_stated_law_keeps_its_support():
    X = sp.Symbol("X", nonnegative=True)
    lam = sp.Symbol("lambda", positive=True)
    integral = _as_integral(Expectation(X, X, Law("Exp", lam)))
    assert isinstance(integral, sp.Integral)
    assert integral.function.has(sp.Piecewise)  # 0 below the support, not the formula
    assert sp.simplify(integral.doit()) == 1 / lam


def test_two_laws_for_one_name_each_have_moments(tmp_path):
    # P: and Q: name two laws of X: no expectation is taken over either, but X has finite
    # moments under each (the statements declare it so): the split holds either way
    rows = (
        r"P: X \sim \mathrm{Poiss}(\lambda)",
        r"Q: X \sim \mathrm{Exp}(\lambda)",
        r"W = \mathrm{Var}(X)",
        r"= \mathbb{E}[X^2] - \mathbb{E}[X]^2",
        r"= \mathbb{E}[X^2] + \mathbb{E}[X]^2",
    )
    assert statuses(tmp_path, *rows)[-2:] == ["verified", "refuted"]


def test_another_random_name_stays_unknown(tmp_path):
    # Y's law is not said: E[(X - Y)^2] is not split over X's law
    rows = (
        r"X \sim \mathrm{Poiss}(\lambda)",
        r"V = \mathbb{E}[(X - Y)^2]",
        r"= \mathbb{E}[X^2] - 2 \mathbb{E}[X Y] + \mathbb{E}[Y^2]",
    )
    assert statuses(tmp_path, *rows)[-1] != "verified"


def test_a_continued_row_is_over_the_law_as_its_chain_is(tmp_path):
    # the value of the Poisson mean on a continued row: E[X] = lambda over Poiss(lambda)
    rows = (r"X \sim \mathrm{Poiss}(\lambda)", r"M = \mathbb{E}[X] + 1", r"= \lambda + 1")
    assert statuses(tmp_path, *rows)[-1] == "verified"
    rows = (r"X \sim \mathrm{Poiss}(\lambda)", r"M = \mathbb{E}[X] + 1", r"= 2 \lambda + 1")
    assert statuses(tmp_path, *rows)[-1] != "verified"
