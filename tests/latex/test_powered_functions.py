r"""A power written between a function and its argument, ``\sin^2 x``'s notation on other
functions: ``\sigma^2(0)`` with sigma a function of the document and ``\operatorname{sech}^2(z)``
are powers of the value (both were read as products, sigma^2 times 0, and ``\sigma^2(0) = 0``
was verified); before names only, a name that is no function is ambiguous (the variance
function at x, or sigma^2 times x?); a negative power may be the inverse function
(``\sin^{-1}``, ``g^{-1}``) and is unreadable."""

from __future__ import annotations

import pytest
import sympy as sp
from helpers import check_document_rows

from eqchain.errors import LatexError
from eqchain.latex.read import read_formula

FUNCTIONS = frozenset({"sigma", "g"})


def side(text: str, functions=FUNCTIONS):
    return read_formula(text + " = 1", functions=functions).sides[0]


def test_a_power_of_a_function_of_the_document_applies_it_first():
    sigma, g = sp.Function("sigma"), sp.Function("g")
    x = sp.Symbol("x")
    assert side(r"\sigma^2(0)") == sigma(0) ** 2
    assert side(r"g^3(2x)") == g(2 * x) ** 3


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (r"\operatorname{sech}^2(z)", sp.sech),
        (r"\mathrm{sech}^2(z)", sp.sech),
        (r"\operatorname{artanh}(z)", sp.atanh),
    ],
)
def test_upright_hyperbolic_functions_are_the_functions(text, name):
    z = sp.Symbol("z")
    value = side(text, frozenset())
    assert value.has(name(z)) and not value.has(sp.Symbol("sech"))


def test_an_upright_name_with_a_power_is_applied():
    relu = sp.Function("ReLU")
    assert side(r"\mathrm{ReLU}^2(x)", frozenset()) == relu(sp.Symbol("x")) ** 2


def test_a_power_of_a_name_that_is_no_function_stays_a_product():
    x, sigma, mu = sp.symbols("x sigma mu")
    assert side(r"x^2(1 - x)", frozenset()) == x**2 * (1 - x)
    assert side(r"\sigma^2(x - \mu)", frozenset()) == sigma**2 * (x - mu)


@pytest.mark.parametrize(
    ("text", "functions"),
    [
        (r"\sigma^2(x)", frozenset()),  # the variance function at x, or sigma^2 times x?
        (r"g^{-1}(x)", FUNCTIONS),  # the inverse function
        (r"\sin^{-1}(x)", frozenset()),  # arcsin to most readers (read 1/sin x before)
        (r"\tanh^{-1} x", frozenset()),
    ],
)
def test_ambiguous_powers_are_unreadable(text, functions):
    with pytest.raises(LatexError, match="ambiguous"):
        side(text, functions)


# -- through the CLI: the false rows the misreading verified ----------------------------------


def test_false_rows_with_powered_functions_are_refuted(tmp_path):
    rows = (
        r"\sigma(x) = \frac{1}{1 + e^{-x}}",
        r"\sigma^2(0) = 0",
        r"\sigma^2(0) = \frac{1}{4}",
        r"\operatorname{sech}^2(2x) = 2 \operatorname{sech}^2(x)",
        r"\frac{d}{dz} \tanh(z) = \mathrm{sech}^2(z)",
    )
    statuses = [s["status"] for s in check_document_rows(tmp_path, *rows)]
    assert statuses == ["definition", "refuted", "verified", "refuted", "verified"]
