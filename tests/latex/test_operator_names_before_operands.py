r"""An operator's name set upright before its operand without parentheses has no one reading.

Red team s47: ``\operatorname{arccot} 2x = 2\operatorname{arccot} x`` was verified (a symbol
arccot times 2x), and ``\mathrm{Var}\, X = 3`` read as ``X = 3`` (the word dropped as prose
before the formula). Such a formula is unreadable, saying how to write it; with parentheses it
is the operator (a known function) or an applied function."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.errors import LatexError
from eqchain.latex.read import read_formula


@pytest.mark.parametrize(
    "text",
    [
        r"\operatorname{tr} A = 2",
        r"\operatorname{Var} X = 2",
        r"\mathrm{Var}\, X = 3",
        r"\mathrm{tr}\, A = 3",
        r"\mathrm{Variance}\ X = 3",
        r"\operatorname{foo} \frac{1}{x} = 1",
    ],
)
def test_an_operator_name_before_its_operand_is_unreadable(text):
    with pytest.raises(LatexError) as err:
        read_formula(text)
    assert "parentheses" in str(err.value)


@pytest.mark.parametrize(
    ("text", "lhs"),
    [
        (r"\operatorname{RSS} = 3", sp.Symbol("RSS")),
        (r"\mathrm{BCE} = 3", sp.Symbol("BCE")),
        (r"\mathrm{where}\ x = 3", sp.Symbol("x")),  # prose before the formula
    ],
)
def test_names_and_prose_keep_their_reading(text, lhs):
    assert read_formula(text).sides[0].free_symbols == {lhs}


@pytest.mark.parametrize(
    "text",
    [
        # texts differ: arccot(-1) is 3 pi/4 with the range (0, pi), -pi/4 to SymPy (red team)
        r"\operatorname{arccot}(x) = \frac{\pi}{2} - \arctan(x)",
        r"\mathrm{arcsec}(x) = 1",
    ],
)
def test_inverse_functions_of_two_conventions_are_unreadable(text):
    with pytest.raises(LatexError) as err:
        read_formula(text)
    assert "arctan" in str(err.value)


@pytest.mark.parametrize(
    "text",
    [
        # spacing between the name and its operand is still the operator's (red team s47:
        # \mathrm{Var}\,(X) = 1 was read X = 1)
        r"\mathrm{Var}~X = 1",
        r"\mathrm{Var}\,\xi = 1",
        r"\mathrm{Var}\,{X} = X",
        r"\mathrm{Var}\>X = 1",
        r"\mathrm{tr}\,\Delta = 1",
        r"\textrm{Var}\, X + 1 = X + 1",
    ],
)
def test_spacing_between_a_name_and_its_operand(text):
    with pytest.raises(LatexError):
        read_formula(text)


@pytest.mark.parametrize(
    "text",
    [
        r"\mathrm{Var}\,(X) = 1",
        r"\mathrm{Var}\!\left(X\right) = 1",
        r"\mathrm{Var}\,\bigl(X\bigr) = 1",
    ],
)
def test_spacing_before_the_parentheses_of_a_variance(text):
    assert read_formula(text).sides[0] == read_formula(r"\mathrm{Var}(X) = 1").sides[0]


@pytest.mark.parametrize(
    "text",
    [
        # red team s47 round 4: other text commands, brackets sized, an operand after a bar or
        # another upright name
        r"\mbox{Var}\,X = 1",
        r"\textnormal{Var}\, X = 1",
        r"\textbf{Var}\, X = 1",
        r"\text{Var}\bigl(X\bigr) = 1",
        r"\textrm{Var}\Bigl[X\Bigr] = 1",
        r"\mathrm{Var}\,|X| = 1",
        r"\mathrm{Var}\,\mathrm{X} = 1",
    ],
)
def test_more_spellings_of_an_operator_before_its_operand(text):
    with pytest.raises(LatexError):
        read_formula(text)


@pytest.mark.parametrize(
    "text",
    [
        r"\text{Clearly}\quad x + 0 = x",
        r"\text{Equivalently}\quad 2x = x + x",
        r"\textrm{Rearranging}\quad x - 1 = -(1 - x)",
    ],
)
def test_words_of_prose_in_a_text_command_stay_prose(text):
    assert read_formula(text).sides[0].free_symbols == {sp.Symbol("x")}
