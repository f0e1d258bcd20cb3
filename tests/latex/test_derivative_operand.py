"""What a derivative operator ``\\frac{d}{dx}`` applies to: a bracketed group, with its power
when one follows (``\\frac{d}{dx}\\left(1+e^{-x}\\right)^{-1}``: the power of the group, as the
sigmoid's derivation writes it), then only ``+``/``-`` may follow; a factor after the group
leaves the operand ambiguous, and the formula is rejected at that factor."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.errors import LatexError
from eqchain.latex.read import read_expression

x, y = sp.symbols("x y")


@pytest.mark.parametrize(
    ("text", "operand"),
    [
        (r"\frac{d}{dx}\left(1+e^{-x}\right)^{-1}", (1 + sp.exp(-x)) ** -1),
        (r"\frac{d}{dx}(x+1)^2", (x + 1) ** 2),
        (r"\frac{d}{dx}(x+1)^{3}", (x + 1) ** 3),
        (r"\frac{d}{dx}(x+1)", x + 1),
    ],
)
def test_the_group_and_its_power_are_the_operand(text, operand):
    got = read_expression(text)
    assert isinstance(got, sp.Derivative)
    assert sp.simplify(got.expr - operand) == 0


def test_what_follows_the_power_is_outside_the_derivative():
    got = read_expression(r"\frac{d}{dx}(x+1)^2 + 3")
    assert sp.simplify(got.doit() - (2 * (x + 1) + 3)) == 0


def test_a_factor_after_the_group_and_its_power_is_ambiguous():
    with pytest.raises(LatexError, match="what does this derivative apply to") as err:
        read_expression(r"\frac{d}{dx}(x+1)^2 y")
    assert err.value.column == 21


# -- an absolute value in the rest of the term (en/laplace-mle-back2basics line 60) -----------


@pytest.mark.parametrize(
    ("text", "operand"),
    [
        (r"\frac{d}{dx} |x - 1|", sp.Abs(x - 1)),
        (r"\frac{d}{dx} \lvert x - y \rvert", sp.Abs(x - y)),
        (r"\frac{d}{dx} 2 |x - 1| y", 2 * sp.Abs(x - 1) * y),
    ],
)
def test_an_absolute_value_with_a_sum_inside_is_one_factor_of_the_operand(text, operand):
    # the term's end is the first + or - outside the bars, never one between them (it was
    # rejected: the bar without its partner)
    got = read_expression(text)
    assert isinstance(got, sp.Derivative)
    assert sp.simplify(got.expr - operand) == 0


def test_what_follows_the_absolute_value_after_a_sign_is_outside_the_derivative():
    got = read_expression(r"\frac{d}{dx} |x - y| - x")
    assert isinstance(got, sp.Add)
    assert sp.Derivative(sp.Abs(x - y), x) in got.args


def test_bars_that_pair_ambiguously_stay_rejected():
    with pytest.raises(LatexError):
        read_expression(r"\frac{d}{dx} |x - |y||")
