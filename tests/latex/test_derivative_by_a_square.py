"""``\\frac{\\partial f}{\\partial \\sigma^2}`` (statistics writes the derivative by the variance):
the first derivative by the square of one variable, read by the chain rule as the derivative
by sigma over 2 sigma (defined where sigma is nonzero). Orders that add up otherwise stay an
error."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.errors import LatexError
from eqchain.latex.read import read_expression


def test_the_derivative_by_a_square_is_the_chain_rules():
    got = read_expression(r"\frac{\partial \ell}{\partial \sigma^2}")
    sigma, ell = sp.Symbol("sigma"), sp.Symbol("ell")
    assert sp.simplify(got - sp.Derivative(ell, sigma) / (2 * sigma)) == 0


def test_the_operator_form_and_its_value():
    got = read_expression(r"\frac{d}{d \sigma^2} \sigma^4").doit()
    assert sp.simplify(got - 2 * sp.Symbol("sigma") ** 2) == 0


@pytest.mark.parametrize(
    "text",
    [r"\frac{\partial^3 f}{\partial x^2}", r"\frac{\partial f}{\partial x^3}"],
)
def test_other_orders_that_do_not_add_up_stay_an_error(text):
    with pytest.raises(LatexError, match="order"):
        read_expression(text)
