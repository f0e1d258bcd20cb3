"""Issue 11: sums and integrals over the members of a set, ``\\sum_{x \\in \\mathcal{X}} f(x)``,
``\\int_{\\mathcal{X}} f(x) \\, dx``: an opaque operator over a set left abstract
(:class:`eqchain.operators.SetSum`, :class:`~eqchain.operators.SetIntegral`), its variable
bound; never an integer range (x is a value, not an index)."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.errors import LatexError
from eqchain.latex.printer import EqchainLatexPrinter
from eqchain.latex.read import read_expression, read_formula
from eqchain.operators import SetIntegral, SetProduct, SetSum

x, y, a = sp.symbols("x y a")
X, Y, Omega = sp.Symbol("mathcalX"), sp.Symbol("mathcalY"), sp.Symbol("Omega")


def side(text):
    (expr,) = read_formula(text).sides
    return expr


def test_a_sum_over_a_set_is_an_opaque_sum_with_its_variable_bound():
    expr = side(r"\sum_{x \in \mathcal{X}} a x")
    assert isinstance(expr, SetSum)
    assert expr.variable == x and expr.domain == X
    assert expr.free_symbols == {a, X}
    assert expr.subs(x, 2) == expr  # the bound variable is out of reach


def test_a_product_over_a_set():
    assert isinstance(side(r"\prod_{y \in \mathcal{Y}} y"), SetProduct)


@pytest.mark.parametrize(
    ("text", "variable", "domain"),
    [
        (r"\int_{\mathcal{X}} a x \, \mathrm{d}x", x, X),
        (r"\int_\Omega a x \, dx", x, Omega),
        (r"\int_{x \in \mathcal{X}} a x \, dx", x, X),
        (r"\int_{\mathcal{Y}} dy \, a y", y, Y),
    ],
)
def test_an_integral_over_a_set_is_an_opaque_integral(text, variable, domain):
    expr = side(text)
    assert isinstance(expr, SetIntegral)
    assert expr.variable == variable and expr.domain == domain
    assert variable not in expr.free_symbols


@pytest.mark.parametrize(
    "text",
    [
        r"\sum_{x \in \mathcal{X}} a x",
        r"\int_{\mathcal{X}} a x \, dx",
        r"\prod_{y \in \mathcal{Y}} y",
    ],
)
def test_it_prints_back_and_reads_back(text):
    expr = side(text)
    assert read_expression(EqchainLatexPrinter().doprint(expr)) == expr


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (r"\int_0 x \, dx", "one limit only"),  # not a set
        (r"\int_{y \in \mathcal{X}} x \, dx", "differential"),
        (r"\sum_{x + 1 \in \mathcal{X}} x", "members of a set"),
        (r"\sum_{x, y \in \mathcal{X}} x", "members of a set"),
        (r"\int_{\mathcal{X}}^{1} x \, dx", "set"),
    ],
)
def test_other_subscripts_are_still_rejected(text, message):
    with pytest.raises(LatexError) as info:
        read_formula(text)
    assert message in info.value.message


@pytest.mark.parametrize(
    ("written", "meaning"),
    [
        (r"\sum_{x \in \{1, 2, 3\}} x^2", r"1^2 + 2^2 + 3^2"),
        (r"\sum_{x \in \left\lbrace 0,1 \right\rbrace} a_x b", r"a_0 b + a_1 b"),
        (r"\prod_{k \in \{a, b\}} (1 + k)", r"(1 + a)(1 + b)"),
    ],
)
def test_a_set_written_out_is_summed_member_by_member(written, meaning):
    assert sp.simplify(read_expression(written) - read_expression(meaning)) == 0


def test_a_set_written_out_with_a_member_twice_is_unreadable():
    with pytest.raises(LatexError, match="twice"):
        read_expression(r"\sum_{x \in \{0, 0\}} x")
