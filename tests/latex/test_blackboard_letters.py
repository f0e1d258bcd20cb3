"""Issue 11: blackboard bold over a lower-case or Greek letter (``\\mathbb{w}``,
``\\mathbb{\\theta}``, ``\\mathbb{\\hat{y_i}}``: authors who mean bold) is a letter style, a
name of its own (``mathbbw``), never identified with ``\\mathbf{w}``; a capital before
parentheses (``\\mathbb{I}(x)``) is an operator applied, left opaque; ``\\mathbb{E}``,
``\\mathbb{V}``, ``\\mathbb{P}``, ``\\mathbb{R}`` read as before."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.errors import LatexError
from eqchain.latex.printer import latex
from eqchain.latex.read import read_expression
from eqchain.operators import Expectation

i, x, X = sp.symbols("i x X")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"\mathbb{w}", sp.Symbol("mathbbw")),
        (r"\mathbb{\theta}", sp.Symbol("mathbbtheta")),
        (r"\mathbb{\theta}_i", sp.IndexedBase("mathbbtheta")[i]),
        (r"\mathbb{\hat{y_i}}", sp.IndexedBase("mathbbhaty")[i]),
        (r"\mathbb{\hat{y}}_i", sp.IndexedBase("mathbbhaty")[i]),
        (r"\hat{\mathbb{w}}", sp.Symbol("hatmathbbw")),
        (r"\mathbb{w}^2", sp.Symbol("mathbbw") ** 2),
        (r"\mathbb{I}(x)", sp.Function("mathbbI")(x)),
        (r"\mathbb{E}[X]", Expectation(X)),
    ],
)
def test_blackboard_letters_read_as_names(text, expected):
    expr = read_expression(text)
    assert expr == expected
    assert read_expression(latex(expr)) == expr  # printed back as written


def test_blackboard_bold_is_never_the_same_name_as_bold_or_plain():
    assert read_expression(r"\mathbb{w}") != read_expression(r"\mathbf{w}")
    assert read_expression(r"\mathbb{w}") != read_expression(r"w")
    assert read_expression(r"\mathbb{\theta}_i") != read_expression(r"\theta_i")
    assert read_expression(r"\mathbb{I}(x)") != sp.Function("I")(x)


@pytest.mark.parametrize(
    ("text", "column"),
    [
        (r"\mathbb{R}", 1),  # a set
        (r"\mathbb{P}(A)", 1),  # probability: as before, not read
        (r"\mathbb{R}(x)", 1),
        (r"\mathbb{I}", 1),  # a capital without parentheses
        (r"\hat{\mathbb{R}}", 6),  # a set is no letter to put an accent on
        (r"\hat{\mathbb{R_i}}", 6),
        (r"\frac{\partial J}{\partial \mathbb{R}}", 7),
    ],
)
def test_sets_and_operators_stay_unreadable(text, column):
    with pytest.raises(LatexError) as info:
        read_expression(text)
    assert info.value.column == column, info.value.message
