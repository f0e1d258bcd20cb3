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
        r"\operatorname{arccot} 2x = 2\operatorname{arccot} x",
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


def test_the_inverse_cotangent_with_parentheses():
    side = read_formula(r"\operatorname{arccot}(2x) = 1").sides[0]
    assert side.func is sp.acot
