"""Issue 11: a name before square brackets. An operator name (``\\mathrm{KL}``,
``\\operatorname{Var}``, ``\\mathrm{erf}``: several upright letters) is applied to what the
brackets hold, as before parentheses (``\\mathrm{KL}[P \\| Q]`` a divergence: an opaque
function of P and Q whose double bar is kept); a single name that the formula also uses on its
own (``\\lambda \\left[ 0 + \\frac{1}{\\lambda^2} \\right]``) is a scalar, so the brackets are a
factor. Any other name before brackets stays ambiguous (an expectation or a product)."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.errors import LatexError
from eqchain.latex.printer import EqchainLatexPrinter
from eqchain.latex.read import read_expression, read_formula

P, Q, x, a, lam, mu = sp.symbols("P Q x a lambda mu")


def side(text):
    (expr,) = read_formula(text).sides
    return expr


@pytest.mark.parametrize(
    ("text", "bar"),
    [
        (r"\mathrm{KL}[P\,||\,Q]", "||"),
        (r"\mathrm{KL}[P || Q]", "||"),
        (r"\operatorname{KL}[P \Vert Q]", "||"),
        (r"\mathrm{KL}(P \Vert Q)", "||"),
        (r"\mathrm{KL}(P || Q)", "||"),
    ],
)
def test_a_divergence_is_an_opaque_function_that_keeps_its_double_bar(text, bar):
    expr = side(text)
    assert isinstance(expr, sp.core.function.AppliedUndef)
    assert expr.func.__name__ == "KL" and expr.args == (P, Q)
    assert expr.func.separators == ((1, bar),)
    assert read_expression(EqchainLatexPrinter().doprint(expr)) == expr


def test_an_operator_name_before_brackets_is_applied_to_them():
    # erf is the error function in brackets as in parentheses (one reading of the name)
    assert side(r"\mathrm{erf} \left[ \sqrt{a} x \right]") == sp.erf(
        sp.Mul(sp.Pow(a, sp.Rational(1, 2), evaluate=False), x, evaluate=False)
    )
    assert side(r"\operatorname{Risk}[x]") == sp.Function("Risk")(x)


def test_a_name_the_formula_uses_on_its_own_is_a_factor_before_brackets():
    expr = side(r"\lambda \left[ 0 + \frac{1}{\lambda^2} \right]")
    assert isinstance(expr, sp.Mul) and expr.args[0] == lam
    assert sp.simplify(expr - 1 / lam) == 0


def test_only_its_use_on_its_own_counts_not_a_use_before_brackets():
    with pytest.raises(LatexError) as info:
        side(r"\mu \left[ a - x \right] + \mu [x]")
    assert "ambiguous" in info.value.message and info.value.column == 1


@pytest.mark.parametrize(
    ("text", "column"),
    [
        (r"\mu \left[ a - x \right]", 1),  # mu nowhere else: an operator or a factor
        (r"a + V[x]", 5),
        (r"\mathrm{KL}[P \, ||| \, Q]", 20),  # the third bar
        (r"\mathrm{KL}[|| Q]", 13),  # nothing before the double bar
    ],
)
def test_other_brackets_after_a_name_are_still_rejected_at_their_column(text, column):
    with pytest.raises(LatexError) as info:
        read_formula(text)
    assert info.value.column == column, info.value.message
