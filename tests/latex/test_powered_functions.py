r"""A power written between a function and its argument: on an upright operator name
(``\operatorname{sech}^2(z)``, ``\mathrm{ReLU}^2(x)``) the power of the value, as ``\sin^2 x``
(it was the symbol sech^2 times z); on a function of the document (``\sigma^2(0)``, ``g^2(x)``)
ambiguous, the power or the iterate (read as sigma^2 times 0, ``\sigma^2(0) = 0`` was verified);
before names only or a number, a name that is no function is ambiguous (the variance function at
x, or sigma^2 times x?); a negative power may be the inverse function (``\sin^{-1}``,
``g^{-1}``) and is unreadable."""

from __future__ import annotations

import pytest
import sympy as sp
from helpers import check_document_rows

from eqchain.errors import LatexError
from eqchain.latex.read import read_formula

FUNCTIONS = frozenset({"sigma", "g"})


def side(text: str, functions=FUNCTIONS):
    return read_formula(text + " = 1", functions=functions).sides[0]


def test_a_power_of_a_function_of_the_document_is_ambiguous():
    # (g(x))^2 to an ML author, g(g(x)) in dynamics: read as sigma^2 times 0, \sigma^2(0) = 0
    # was verified; read as the power, the iterate g^2(x) = x + 2 was refuted
    for text in (r"\sigma^2(0)", r"g^3(2x)", r"\Gamma^2(0)"):
        with pytest.raises(LatexError, match="ambiguous"):
            side(text)


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


def test_false_rows_with_powered_functions_are_not_verified(tmp_path):
    rows = (
        r"\sigma(x) = \frac{1}{1 + e^{-x}}",
        r"\sigma^2(0) = 0",
        r"\operatorname{sech}^2(2x) = 2 \operatorname{sech}^2(x)",
        r"\frac{d}{dz} \tanh(z) = \mathrm{sech}^2(z)",
    )
    statuses = [s["status"] for s in check_document_rows(tmp_path, *rows)]
    assert statuses == ["definition", "unreadable", "refuted", "verified"]


@pytest.mark.parametrize(
    "row",
    [
        r"E[XY] = E[X]E[Y] \quad(XとYが無相関なら)",
        r"E[XY] = E[X]E[Y] （XとYは独立）",
        r"E[XY] = E[X]E[Y] \quad (独立を仮定)",
        r"\sqrt{x^2} = x \quad （ただし正）",
    ],
)
def test_japanese_words_in_brackets_after_a_row_are_unreadable(row):
    # read as a note, the row was refuted where the condition fails; not read at all, the words
    # were "prose in the middle of a formula"
    with pytest.raises(LatexError, match="words in brackets after the formula"):
        read_formula(row)
    assert read_formula(r"f(x) = (x+1) \quad (x > 0)").annotation is None
