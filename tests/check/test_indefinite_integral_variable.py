"""The variable of an integral without bounds is free in its value (an antiderivative in it), so
no binder: a defined function's body naming it is not protected from it by renaming (renaming
would change the value). ``\\int f(x) \\, dt`` after ``f(x) = e^{t x}`` is an antiderivative in the
t of f's body; with the variable renamed it was taken as one in a fresh t', so the valid
``= e^{t x} / x`` was refuted ("left side 0"). A marginal written without bounds, ``p(y|m) =
\\int p(y,\\theta|m) \\, d\\theta`` beside ``p(\\theta|m)``, is compared as written again."""

from __future__ import annotations

import pytest
from helpers import check_document_rows, check_text, claims

ANTIDERIVATIVE = """
title.en = "t"
[symbols]
x = "positive"
t = "real"
f = {{ function = true }}

[[steps]]
kind = "definition"
claim = 'f(x) = e^{{t x}}'

[[steps]]
claim = '{claim}'
"""


@pytest.mark.parametrize(
    "claim, expected",
    [
        (r"\int f(x) \, dt = \frac{e^{t x}}{x}", "verified"),
        (r"\int f(x) \, dt = t e^{t x}", "refuted"),
    ],
)
def test_an_integral_without_bounds_does_not_rename_its_variable(tmp_path, claim, expected):
    (result,) = claims(check_text(tmp_path, ANTIDERIVATIVE.format(claim=claim)))
    assert result.verdict.value == expected, result


def test_a_marginal_without_bounds_beside_a_function_of_its_variable(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"p(y|m) = \int p(y,\theta|m) \, \mathrm{d}\theta",
        r"p(y,\theta|m) = p(y|\theta,m) \, p(\theta|m)",
        r"\log p(y|m) = \log \int p(y|\theta,m) \, p(\theta|m) \, \mathrm{d}\theta",
    )
    assert steps[-1]["status"] == "verified", steps[-1]
    wrong = check_document_rows(
        tmp_path,
        r"p(y|m) = \int p(y,\theta|m) \, \mathrm{d}\theta",
        r"p(y,\theta|m) = p(y|\theta,m) \, p(\theta|m)",
        r"\log p(y|m) = \log \int p(y|\theta,m) \, \mathrm{d}\theta",
    )
    assert wrong[-1]["status"] != "verified", wrong[-1]
