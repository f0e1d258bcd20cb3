"""Reading one formula: the conventions, and what is rejected."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.errors import LatexError, UnsupportedLatex
from eqchain.latex.read import read_expression, read_formula
from eqchain.operators import Prime
from eqchain.tree import canonical


def side(text, **kw):
    (expr,) = read_formula(text, **kw).sides
    return expr


def same(a, b) -> bool:
    return canonical(a) == canonical(b)


def test_unevaluated_products_keep_their_factors():
    expr = side("y_1 y_1")
    assert isinstance(expr, sp.Mul) and len(expr.args) == 2


def test_relations_are_never_evaluated():
    formula = read_formula("x = x")
    assert formula.sides == (sp.Symbol("x"), sp.Symbol("x"))


def test_a_formula_starting_with_equals_continues_the_row_before():
    formula = read_formula("= a + b")
    assert formula.continues and len(formula.sides) == 1


def test_tag_label_and_prose_are_not_read_as_mathematics():
    formula = read_formula(r"\text{so} \quad a = b \label{eq:1} \tag{2.3}")
    assert formula.tag == "2.3" and formula.annotation == "so"
    assert formula.sides == (sp.Symbol("a"), sp.Symbol("b"))


@pytest.mark.parametrize("phantom", ["phantom", "hphantom", "vphantom"])
def test_a_phantom_is_space_with_its_argument(phantom):
    formula = read_formula(rf"= a \{phantom}{{\sqrt{{2 \pi}}\sigma \;}} + b")
    assert formula.sides == (sp.Symbol("a") + sp.Symbol("b"),)


def test_cjk_prose_beside_a_formula_is_its_annotation():
    formula = read_formula("a = b ここで")
    assert formula.annotation == "ここで"


def test_e_is_eulers_number_and_pi_is_pi():
    assert side("e") == sp.E and side(r"\pi") == sp.pi
    assert side("e^{x}") == sp.exp(sp.Symbol("x"))


def test_log_is_natural_and_log_with_a_base_divides():
    assert side(r"\log x") == sp.log(sp.Symbol("x"))
    assert sp.simplify(side(r"\log_2 x") - sp.log(sp.Symbol("x"), 2)) == 0


def test_names_are_case_sensitive_and_gamma_is_a_symbol():
    assert side("K + k") == sp.Symbol("K") + sp.Symbol("k")
    assert side(r"\gamma") == sp.Symbol("gamma")


def test_accented_names_are_single_symbols():
    assert side(r"\hat{y}") == sp.Symbol("haty")
    assert side(r"\tilde{\theta}") == sp.Symbol("tildetheta")
    assert side(r"\mathcal{L}") == sp.Symbol("mathcalL")


def test_subscripts_follow_the_corpus_conventions():
    y = sp.IndexedBase("y")
    assert side("y_{12}") == y[12]
    assert side("w_{new}") == sp.Symbol("w_new")
    assert (
        side("t_{nk}", indices=frozenset("nk"))
        == sp.IndexedBase("t")[sp.Symbol("n"), sp.Symbol("k")]
    )
    nk = sp.IndexedBase("t")[sp.Symbol("n"), sp.Symbol("k")]
    assert side(r"\sum_{n=1}^{N} \sum_{k=1}^{K} t_{nk}").has(nk)


def test_decimals_are_exact_rationals():
    assert side("0.1") == sp.Rational(1, 10)


def test_a_number_is_not_evaluated_away():
    assert isinstance(side(r"\log 1"), sp.log)
    assert isinstance(side(r"\exp(\log x)"), sp.exp)


def test_an_undeclared_name_before_a_parenthesised_expression_is_a_product():
    assert same(side(r"\lambda \left( 1 - x \right)"), sp.Symbol("lambda") * (1 - sp.Symbol("x")))


def test_an_undeclared_name_applied_to_a_name_is_ambiguous():
    with pytest.raises(LatexError, match="declare 'f' as a function") as info:
        read_formula("y = f(x)")
    assert info.value.column == 5


def test_a_declared_function_is_applied():
    f = sp.Function("f")
    assert same(side("f(x + 1)", functions=frozenset({"f"})), f(sp.Symbol("x") + 1))


def test_a_name_applied_to_names_on_the_left_of_a_definition_is_a_function():
    formula = read_formula(r"p(x) = \frac{1}{Z} \exp(-x)")
    assert formula.defined_function == "p"
    assert formula.sides[0] == sp.Function("p")(sp.Symbol("x"))


def test_the_derivative_of_a_known_function_may_be_written_with_a_prime():
    x = sp.Symbol("x")
    assert side("f''(x)", functions=frozenset({"f"})) == Prime(sp.Function("f")(x), (x, 2))


def test_log_without_parentheses_takes_one_factor():
    x = sp.Symbol("x")
    assert same(side(r"\log x^2 + 1"), sp.log(x**2) + 1)
    assert same(side(r"\log x \log y"), sp.log(x) * sp.log(sp.Symbol("y")))


def test_log_without_parentheses_of_several_factors_is_ambiguous():
    with pytest.raises(LatexError, match=r"ambiguous argument of \\log"):
        read_formula(r"\log 2 \pi \sigma^2")


def test_unknown_commands_are_errors_with_their_column():
    with pytest.raises(LatexError, match=r"unknown LaTeX command \\foo") as info:
        read_formula(r"a + \foo b")
    assert info.value.column == 5


@pytest.mark.parametrize(
    ("text", "construct", "column"),
    [
        (r"\nabla_w L", r"\nabla", 1),
        (r"x = \mathbb{R}", r"\mathbb", 5),
        (r"f + \arg\max_w L", r"\arg", 5),
        (r"(p \propto q)", r"\propto", 4),
        (r"a + (x \sim p)", r"\sim", 8),  # at the top of a row: the relation sim (a given)
        (r"y \mid x", r"\mid", 3),
        (r"\|w\|", "norm", 1),
    ],
)
def test_constructs_without_sympy_meaning_are_unsupported(text, construct, column):
    with pytest.raises(UnsupportedLatex, match="not supported") as info:
        read_formula(text)
    assert construct in info.value.message and info.value.column == column


def test_columns_count_from_the_start_of_the_text():
    with pytest.raises(LatexError) as info:
        read_formula(r"a = b + \nabla c")
    assert info.value.column == 9


def test_read_expression_reads_an_expression_and_refuses_an_equation():
    assert same(read_expression("K - 1"), sp.Symbol("K") - 1)
    with pytest.raises(LatexError, match="equation"):
        read_expression("a = b")
    with pytest.raises(LatexError) as info:
        read_expression(r"\foo", offset=10)
    assert info.value.column == 11


def test_read_formula_refuses_non_text_and_huge_text():
    with pytest.raises(LatexError):
        read_formula(None)  # type: ignore[arg-type]
    with pytest.raises(LatexError, match="too long"):
        read_formula("x" * 200_000)


def test_definitions_with_colon_equals_are_marked():
    assert read_formula("a := b").definition
    assert not read_formula("a = b").definition


def test_derivative_fractions():
    L, x, w = sp.symbols("L x w")
    y = sp.IndexedBase("y")
    k = sp.Symbol("k")
    assert side(r"\frac{\partial L}{\partial y_k}") == sp.Derivative(L, y[k])
    assert side(r"\frac{\partial^2 L}{\partial y_k^2}") == sp.Derivative(L, (y[k], 2))
    assert side(r"\frac{d}{dx} e^{x}") == sp.Derivative(sp.exp(x), x)
    assert same(side(r"\frac{\partial}{\partial w} (w^2) + 1"), sp.Derivative(w**2, w) + 1)


def test_a_derivative_with_respect_to_a_number_is_an_error():
    with pytest.raises(LatexError):
        read_formula(r"\frac{\partial L}{\partial 2}")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (r"a / b c", "divide by"),
        (r"a \div b c", "divide by"),
        (r"V[x^2]", "expectation"),
        (r"x_k [1 - x_k]", "expectation"),
    ],
)
def test_notation_that_readers_resolve_differently_is_rejected(text, fragment):
    with pytest.raises(LatexError, match="ambiguous") as info:
        read_formula(text)
    assert fragment in info.value.message


@pytest.mark.parametrize("text", [r"x^{(2)}", r"a^{[l]}"])
def test_superscripts_that_are_not_powers_are_unsupported(text):
    with pytest.raises(UnsupportedLatex):
        read_formula(text)


@pytest.mark.parametrize("text", [r"x^{\mathrm{T}}", r"\mathbf{x}^T"])
def test_transposes_are_no_powers(text):
    # README "Vectors and matrices": read as the transpose, never as a power
    (side_,) = read_formula(text).sides
    assert not isinstance(side_, sp.Pow)
    assert side_.func.__name__ == "(transpose)"


def test_unary_minus_keeps_the_authors_grouping():
    expr = side("-(a + b)")
    assert isinstance(expr, sp.Mul) and isinstance(expr.args[-1], sp.Add)


def test_products_and_sums_are_one_node_each():
    expr = side("a b c + d + e")
    assert isinstance(expr, sp.Add) and len(expr.args) == 3
    assert isinstance(expr.args[0], sp.Mul) and len(expr.args[0].args) == 3


def test_fractions_stay_whole_inside_products():
    expr = side(r"\frac{a}{b} \cdot \frac{b}{c}")
    assert isinstance(expr, sp.Mul) and len(expr.args) == 2


def test_a_braced_parenthesised_argument_is_the_argument():
    x, y = sp.Symbol("x"), sp.Symbol("y")
    assert same(side(r"\log{\left(x \right)} y"), sp.log(x) * y)
    assert same(side(r"\log{\left(x \right)}^{2}"), sp.log(x) ** 2)
    f = sp.Function("f")
    assert same(side(r"y f{\left(x \right)}", functions=frozenset({"f"})), y * f(x))


def test_a_braced_argument_without_parentheses_takes_nothing_more():
    with pytest.raises(LatexError, match="ambiguous argument"):
        read_formula(r"\log{x} y")


def test_a_derivative_before_parentheses_is_a_product_unless_they_hold_a_point():
    L, w, x = sp.symbols("L w x")
    assert same(side(r"\frac{\partial L}{\partial w} (x + 1)"), sp.Derivative(L, w) * (x + 1))
    with pytest.raises(LatexError, match="at a point"):
        read_formula(r"\frac{\partial L}{\partial w} (x)")


def test_double_superscripts_are_errors():
    with pytest.raises(LatexError, match="double superscript"):
        read_formula("a^{b}^{c}")


def test_an_ideographic_space_is_a_space_not_prose():
    # Japanese authors type U+3000 between parts of a formula (\frac{\partial}{\partial w}　E)
    assert read_expression("a\u3000b") == read_expression("a b")
    assert read_expression("\\frac{\\partial}{\\partial w}\u3000w^2") == read_expression(
        "\\frac{\\partial}{\\partial w} w^2"
    )


@pytest.mark.parametrize(
    "written",
    [
        r"\underset{\theta}{\operatorname{argmax}} \; \theta (1 - \theta)",
        r"\underset{\theta}{\arg\max} \theta (1 - \theta)",
        r"\mathop{\rm argmax}_\theta \theta (1 - \theta)",
        r"\mathop{\mathrm{arg\,max}}_{\theta} \theta (1 - \theta)",
    ],
)
def test_every_spelling_of_arg_max_reads_as_arg_max(written):
    expected = read_formula(r"\hat\theta = \arg\max_{\theta} \theta (1 - \theta)").sides
    assert read_formula(r"\hat\theta = " + written).sides == expected
