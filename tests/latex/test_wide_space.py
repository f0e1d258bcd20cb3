"""A wide space (``\\quad``, ``\\qquad``, ``\\hspace``) never sets a factor apart: two formulas
written side by side with one between them (``a + 1 = b \\quad c + 1 = d``, two laws, an
equation and an inequality) are read as two rows where each is an equation or a law, and are
otherwise unreadable with the column, never one chain through the product ``b c``."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.errors import LatexError
from eqchain.latex.read import read_formula, read_rows

a, b, c, d, x = sp.symbols("a b c d x")


def formulas(text: str):
    return [f for _, f in read_rows(text)]


@pytest.mark.parametrize("space", [r"\quad", r"\qquad", r"\hspace{1cm}", r"\quad\quad"])
def test_two_equations_side_by_side_are_two_rows(space):
    first, second = formulas(rf"a + 1 = b {space} c \cdot d = 1")
    assert [str(s) for s in first.sides] == ["a + 1", "b"]
    assert [str(s) for s in second.sides] == ["c*d", "1"]


def test_two_laws_side_by_side_are_two_rows():
    first, second = formulas(r"X \sim \mathrm{Exp}(\lambda) \quad Y \sim \mathrm{Exp}(\mu)")
    assert first.relations[1:] == ("sim",) and second.relations[1:] == ("sim",)
    assert str(first.sides[0]) == "X" and str(second.sides[0]) == "Y"


@pytest.mark.parametrize(
    "text",
    [
        r"f(x) = x^2 \quad x > 0",
        r"y = 2 x \qquad y \le 3",
        r"a = b \quad c",
        r"p(x) = x \quad p(y)",
        r"X \sim \mathcal{N}(0, 1) \quad a = b",
    ],
)
def test_a_wide_space_between_two_terms_is_unreadable(text):
    with pytest.raises(LatexError) as caught:
        read_formula(text)
    assert "\\quad" in str(caught.value)
    assert caught.value.column == text.index("\\q") + 1


@pytest.mark.parametrize(
    "text, sides",
    [
        (r"a \quad = \quad b", (a, b)),
        (r"a + b \qquad = c", (a + b, c)),
        (r"a = b \quad + c", (a, b + c)),
        (r"a = b \quad (1)", (a, b)),
        (r"a = b, \quad x > 0", (a, b)),
        (r"a = b \quad (x > 0)", (a, b)),
        (r"a = b \quad \text{for } x > 0", (a, b)),
    ],
)
def test_a_wide_space_beside_an_operator_or_a_decoration_reads_as_before(text, sides):
    assert [str(s) for s in read_formula(text).sides] == [str(s) for s in sides]


def test_a_law_and_an_equation_side_by_side_assume_the_law(tmp_path):
    from helpers import check_document_rows

    steps = check_document_rows(
        tmp_path,
        r"X \sim \mathrm{Exp}(\lambda) \quad Y \sim \mathrm{Exp}(\mu)",
        r"\sqrt{\lambda^2} + \sqrt{\mu^2} = \lambda + \mu",
    )
    assert steps[-1]["status"] == "verified"


def test_a_product_tail_indented_on_the_next_line_is_a_factor():
    text = "\\begin{aligned} (a+b)^2 &= (a + b) \\\\\n&\\quad (a + b) \\end{aligned}"
    (formula,) = formulas(text)
    assert str(formula.sides[1]) == "(a + b)*(a + b)"


def test_a_formula_after_a_wide_space_on_the_next_line_is_unreadable():
    with pytest.raises(LatexError, match="wide space"):
        read_formula("f(x) = x^2\n\\quad x > 0")
