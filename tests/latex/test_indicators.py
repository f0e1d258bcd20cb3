"""Indicators (README, notation table "Indicators"): ``\\mathbb{1}\\{y = k\\}`` and its spellings
read as 1 where the condition holds and 0 elsewhere; what is no indicator reads as before; an
indicator without a relation is unreadable, saying so."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.errors import LatexError
from eqchain.latex.printer import latex
from eqchain.latex.read import read_expression

x, y, k, j = sp.symbols("x y k j")
yi = sp.IndexedBase("y")[sp.Symbol("i")]


def ind(condition):
    return sp.Piecewise((1, condition), (0, True))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"\mathbb{1}\{y = k\}", ind(sp.Eq(y, k))),
        (r"\mathbb{1}[y = k]", ind(sp.Eq(y, k))),
        (r"\mathbb{1}(x > 0)", ind(x > 0)),
        (r"\mathbf{1}\{x \le 0\}", ind(x <= 0)),
        (r"\mathds{1}_{y \neq k}", ind(sp.Ne(y, k))),
        (r"\mathbbm{1}_{\{y = k\}}", ind(sp.Eq(y, k))),
        (r"\boldsymbol{1}[x \geq 1]", ind(x >= 1)),
        (r"\mathbb{I}(y = 1)", ind(sp.Eq(y, 1))),
        (r"\mathbb{I}\{y \not= k\}", ind(sp.Ne(y, k))),
        (r"1\{y_i = j\}", ind(sp.Eq(yi, j))),
        (r"\mathbb{1}\left\{ 0 < x \le 1 \right\}", ind(sp.And(x > 0, x <= 1))),
        (r"\mathbb{1}\big\{x > 0 \wedge y = 1\big\}", ind(sp.And(x > 0, sp.Eq(y, 1)))),
        (r"\mathbb{1}[x > 0, y < 0]", ind(sp.And(x > 0, y < 0))),
        (r"x^{\mathbb{1}\{y = 1\}}", x ** ind(sp.Eq(y, 1))),
    ],
)
def test_indicators_read_as_their_cases(text, expected):
    expr = read_expression(text)
    assert expr == expected
    assert read_expression(latex(expr)) == expr  # printed back as \mathbf{1}\{...\}


def test_an_indicator_inside_a_row_is_no_equation():
    # the = inside \{ \} does not split the row into sides
    expr = read_expression(r"\sum_{j=1}^{K} 1\{y = j\} \log p_j")
    assert isinstance(expr, sp.Sum)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"\mathbb{I}(x)", sp.Function("mathbbI")(x)),  # self-information, applied
        (r"1\{x\}", sp.Mul(1, x, evaluate=False)),  # braces that group, times 1
        (r"21\{y = k\}", None),  # not the digit 1 alone: as before
    ],
)
def test_what_is_no_indicator_reads_as_before(text, expected):
    if expected is None:
        with pytest.raises(LatexError):
            read_expression(text)
    else:
        assert read_expression(text) == expected


def test_an_indicator_without_a_relation_is_unreadable():
    with pytest.raises(LatexError, match="indicator needs a condition"):
        read_expression(r"\mathbb{1}_{A}(x) + 1")
    with pytest.raises(LatexError, match="indicator needs a condition"):
        read_expression(r"\mathbb{1}[x]")


def test_a_part_of_the_condition_without_a_relation_is_unreadable():
    with pytest.raises(LatexError, match="must be a relation"):
        read_expression(r"\mathbb{1}\{x > 0 \wedge y\}")
