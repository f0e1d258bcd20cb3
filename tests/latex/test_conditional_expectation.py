"""Issue 11: a conditional expectation's subscript, ``E_{Z|X}[...]``, ``E_{Z|X,\\theta^0}[...]``:
``Expectation(body, Given(Z, X, ...))``, the subscript kept as written; anything else with a bar
stays unreadable at its column."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.errors import LatexError
from eqchain.latex.printer import latex
from eqchain.latex.read import read_expression
from eqchain.operators import Expectation, Given

Z, X, Y, theta = sp.symbols("Z X Y theta")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"E_{Z|X}[Z]", Expectation(Z, Given(Z, X))),
        (r"E_{Z \mid X}[Z]", Expectation(Z, Given(Z, X))),
        (r"\mathbb{E}_{Z|X}[Z]", Expectation(Z, Given(Z, X))),
        (r"E_{Z|X, \theta}\left[ Z \right]", Expectation(Z, Given(Z, X, theta))),
    ],
)
def test_the_conditioning_subscript_is_kept(text, expected):
    expr = read_expression(text)
    assert expr == expected
    assert read_expression(latex(expr)) == expr


def test_different_conditions_are_different_expectations():
    assert read_expression(r"E_{Z|X}[Z]") != read_expression(r"E_{Z|Y}[Z]")
    assert read_expression(r"E_{Z|X}[Z]") != read_expression(r"E[Z]")
    assert read_expression(r"E_{Z|X}[Z]") != read_expression(r"E_{Z}[Z]")


@pytest.mark.parametrize(
    ("text", "column"),
    [
        (r"E_{Z|X|Y}[Z]", 7),  # two bars
        (r"E_{Z,W|X}[Z]", 4),  # two variables
        (r"E_{2Z|X}[Z]", 4),  # no name before the bar
        (r"E_{Z|}[Z]", 5),  # nothing after it
        (r"E_{Z|X \sim p}[Z]", 8),
        (r"E_{Z;X}[Z]", 5),
    ],
)
def test_other_subscripts_with_a_bar_stay_unreadable(text, column):
    with pytest.raises(LatexError) as info:
        read_expression(text)
    assert info.value.column == column, info.value.message
