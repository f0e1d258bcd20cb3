"""A difference of hyperbolic functions and exponentials is proved with the hyperbolic functions
written with exp (check/equivalence.py): SymPy's simplify left 1 - tanh(x)^2 - 4/(e^x +
e^{-x})^2 as cosh(x)^{-2} + tanh(x)^2 - 1, so the quotient rule on tanh x = f/g with f and g
defined (ja/makaishi-tanh-derivative) stayed unknown."""

from __future__ import annotations

import pytest
from helpers import check_document_rows


@pytest.mark.parametrize(
    "row",
    [
        r"\frac{d}{dx} \tanh(x) = \frac{4}{(e^x+e^{-x})^2}",
        r"1 - \tanh^2(x) = \frac{(e^x+e^{-x})^2-(e^x-e^{-x})^2}{(e^x+e^{-x})^2}",
        r"\frac{1}{\cosh^2(x)} = \frac{4}{e^{2x} + 2 + e^{-2x}}",
    ],
)
def test_hyperbolic_functions_meet_their_exponentials(tmp_path, row):
    step = check_document_rows(tmp_path, "q = 1", row)[-1]
    assert step["status"] == "verified", step


@pytest.mark.parametrize(
    "row",
    [
        r"\frac{d}{dx} \tanh(x) = \frac{2}{(e^x+e^{-x})^2}",
        r"1 - \tanh^2(x) = \frac{(e^x+e^{-x})^2+(e^x-e^{-x})^2}{(e^x+e^{-x})^2}",
    ],
)
def test_a_wrong_one_is_refuted(tmp_path, row):
    step = check_document_rows(tmp_path, "q = 1", row)[-1]
    assert step["status"] == "refuted", step
