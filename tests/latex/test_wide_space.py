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


def test_a_condition_after_a_wide_space_on_the_next_line_is_the_rows():
    assert read_formula("f(x) = x^2\n\\quad x > 0").condition.text == "x > 0"


@pytest.mark.parametrize(
    "text, condition",
    [
        (r"f(x) = x^2 \quad x > 0", "x > 0"),  # it was the chain f(x) = x^3 > 0
        (r"f(x) = |x| \quad x > 0", "x > 0"),  # a bar is no operator beside the space
        (r"\sum_{k=0}^{\infty} x^k = \frac{1}{1 - x} \qquad |x| < 1", "|x| < 1"),
        (r"y = 2 x \qquad y \le 3", "y \\le 3"),
    ],
)
def test_a_condition_after_a_wide_space_is_the_rows(text, condition):
    formula = read_formula(text)
    assert len(formula.sides) == 2 and formula.condition.text == condition


@pytest.mark.parametrize(
    "text",
    [
        r"\int_0^1 x^2 \quad dx = \frac{1}{3}",
        r"\int_0^1 2x \hspace{1em} dx = 1",
        r"\sum_{i=1}^{n} \quad 2 x_i = 2 \sum_{i=1}^{n} x_i",
        r"\prod_{i=1}^{n} \quad e^{x_i} = e^{\sum_{i=1}^{n} x_i}",
        r"\lim_{x \to 0} \quad \frac{\sin x}{x} = 1",
        r"\frac{d}{dx} \quad x^2 = 2x",
        r"\hat{\theta} = \arg\max_{\theta} \quad \theta (1 - \theta)",
    ],
)
def test_a_wide_space_after_a_big_operator_or_before_a_differential_reads_as_before(text):
    assert len(read_formula(text).sides) == 2


@pytest.mark.parametrize(
    "kern",
    [r"\hspace{1pt}", r"\hspace{-1pt}", r"\hspace{0.2em}", r"\hspace{1px}", r"\hspace{0,5pt}",
     r"\hspace{1PT}", r"\hspace{+1pt}", r"\hspace{100sp}", r"\hspace{2pt plus 10pt}",
     r"\hspace{-1em}"],
)  # fmt: skip
def test_a_kern_is_no_wide_space(kern):
    # 4/2 = 2\hspace{1pt}(x - x + 1) = 1 was cut into two true equations
    formula = read_formula(rf"\frac{{4}}{{2}} = 2{kern}(x - x + 1) = 1")
    assert len(formula.sides) == 3


def test_an_upright_operator_starts_an_equation_beside_another():
    # \mathrm{Var}[X] after \qquad was taken for prose: the row was unreadable (before this
    # stop, the chain E[X] = mu Var[X] = sigma^2)
    first, second = formulas(r"\mathbb{E}[X] = \mu \qquad \mathrm{Var}[X] = \sigma^2")
    assert str(first.sides[1]) == "mu" and str(second.sides[1]) == "sigma**2"


@pytest.mark.parametrize("text", [r"a = 1 \quad b = 2", r"a = b \quad i = 1"])
def test_two_equations_of_names_and_numbers_beside_each_other_are_unreadable(text):
    # b = 2 may be a condition (i = j is one) or an equation: neither is guessed
    with pytest.raises(LatexError, match="wide space"):
        read_rows(text)[0][1]


def test_an_hspace_of_a_length_not_read_between_two_terms_is_unreadable():
    # it was taken for wide: 4/2 = 2\hspace{...}(x - x + 1) = 1 became two true equations
    with pytest.raises(LatexError, match="wide space"):
        read_formula(r"\frac{4}{2} = 2\hspace{\fill}(x - x + 1) = 1")


@pytest.mark.parametrize("word", ["d", "and"])
def test_an_upright_word_or_the_differential_starts_no_equation(word):
    # \mathrm{d}(x) = 3 after a wide space became a definition of a function d (a red team's)
    text = rf"y = 2x \quad \mathrm{{{word}}}(x) = 3"
    with pytest.raises(LatexError):
        read_rows(text)[0][1]
