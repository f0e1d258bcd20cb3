"""The printer writes LaTeX that the reader reads back to an equal expression."""

from __future__ import annotations

import pytest
import sympy as sp
from hypothesis import assume, given
from hypothesis import strategies as st

from eqchain.latex.printer import latex, name_latex
from eqchain.latex.read import read_formula
from eqchain.tree import canonical

from .conftest import scaled

y, t = sp.IndexedBase("y"), sp.IndexedBase("t")
k, K = sp.Symbol("k"), sp.Symbol("K")
SYMBOLS = [sp.Symbol(name) for name in ("x", "a", "b", "L", "lambda", "haty", "w_new")]
LEAVES = st.sampled_from(
    [*SYMBOLS, K, y[k], t[k], y[1], y[2], t[1], sp.Integer(2), sp.Integer(3), sp.Rational(1, 2)]
)
EXPONENTS = st.sampled_from([sp.Integer(2), sp.Integer(3), sp.Integer(-1), sp.Integer(-2)])
EXPONENTS |= st.sampled_from([sp.Symbol("x"), t[1], t[k]])
BOUNDS = st.sampled_from([K, sp.Integer(6)])


def _extend(children):
    return st.one_of(
        st.builds(sp.Add, children, children),
        st.builds(sp.Mul, children, children),
        st.builds(sp.Pow, children, EXPONENTS),
        st.builds(sp.log, children),
        st.builds(sp.exp, children),
        st.builds(lambda body, hi: sp.Sum(body, (k, 1, hi)), children, BOUNDS),
        st.builds(lambda body, hi: sp.Product(body, (k, 1, hi)), children, BOUNDS),
    )


EXPRESSIONS = st.recursive(LEAVES, _extend, max_leaves=7)


# Reading back parses LaTeX (slow-ish): a fifth of the profile's examples is plenty here.
@scaled(1 / 5, at_least=30)
@given(EXPRESSIONS)
def test_reading_the_printed_latex_gives_the_expression_back(expr):
    assume(not expr.has(sp.zoo, sp.nan, sp.oo, -sp.oo, sp.I))  # no LaTeX for these
    text = latex(expr)
    (back,) = read_formula(text).sides
    assert canonical(back) == canonical(expr), text


def test_natural_log_indexed_symbols_and_exp():
    x = sp.Symbol("x")
    assert latex(sp.log(x)) == r"\log{\left(x \right)}"
    assert latex(y[k]) == "y_{k}"
    assert latex(sp.exp(x)) == "e^{x}"


def test_derivatives_print_as_fractions_that_read_back():
    expr = sp.Derivative(sp.log(y[k]) * t[k], (y[k], 2))
    (back,) = read_formula(latex(expr)).sides
    assert canonical(back) == canonical(expr)


def test_applied_functions_read_back_when_declared():
    f = sp.Function("f")
    (back,) = read_formula(latex(f(sp.Symbol("x")) + 1), functions=frozenset({"f"})).sides
    assert canonical(back) == canonical(f(sp.Symbol("x")) + 1)


def test_symbol_names_print_as_the_reader_names_them():
    assert name_latex("haty") == r"\hat{y}"
    assert name_latex("mathcalL") == r"\mathcal{L}"
    assert name_latex("w_new") == r"w_{\text{new}}"
    assert name_latex("lambda") == r"\lambda"
    assert name_latex("softmax") == r"\mathit{softmax}"


# -- numbers too long to write out ---------------------------------------------------------------

x = sp.Symbol("x")
LONG = [
    (sp.Rational(1, 10**1_000_000), r"\frac{1}{10^{1000000}}"),
    (sp.Integer(10) ** 5000, "10^{5000}"),
    (-(sp.Integer(2) ** 65536), "- 2^{65536}"),
    (sp.Rational(3, 7) * sp.Integer(10) ** 5000, r"\frac{3 \cdot 10^{5000}}{7}"),
    (sp.Rational(-2, 3**9000), r"- \frac{2}{3^{9000}}"),
    (123 * sp.Integer(10) ** 2000 * x, r"123 \cdot 10^{2000} x"),
    (x ** sp.Rational(1, 10**5000), r"x^{\frac{1}{10^{5000}}}"),
    (x ** (sp.Integer(10) ** 5000), r"x^{10^{5000}}"),
]


def test_long_numbers_print_as_powers_that_read_back():
    for expr, expected in LONG:
        text = latex(expr)
        assert text == expected
        if expr.free_symbols:
            continue
        assert canonical(read_formula(f"a = {text}").sides[1]) == expr, text


def test_a_power_of_a_long_number_is_parenthesised():
    with sp.evaluate(False):
        expr = sp.Pow(sp.Integer(7) * sp.Integer(10) ** 5000, x)
    assert latex(expr) == r"\left(7 \cdot 10^{5000}\right)^{x}"


def test_a_long_number_with_no_short_form_prints_as_a_float_not_an_error():
    text = latex(sp.Integer(3) ** 10_000 * 7)  # 4772 digits, more than Python converts
    assert text == r"1.14194512973984 \cdot 10^{4772}"
    near = latex(sp.Integer(10) ** 1_000_000 - 1)
    assert near == r"1.0 \cdot 10^{1000000}"


def test_a_long_number_python_can_write_out_is_printed_exactly():
    n = sp.Integer(12345) * sp.Integer(10) ** 2000 + 1  # (the reader reads 3000 tokens)
    assert canonical(read_formula(f"a = {latex(n)}").sides[1]) == n


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        (r"\frac{1}{x}", r"\frac{1}{x}"),
        (r"\frac{1}{3}", r"\frac{1}{3}"),
        (r"\frac{1}{2004!}", r"\frac{1}{2004!}"),
        (r"- \frac{1}{x}", r"- \frac{1}{x}"),
    ],
)
def test_a_fraction_with_numerator_one_prints_as_written(text, printed):
    expr = read_formula(text).sides[0]
    assert latex(expr) == printed
    assert read_formula(printed).sides[0] == expr


def test_a_derivative_at_a_point_prints_as_a_bar_the_reader_reads_back():
    t = sp.Symbol("t")
    m = sp.Function("M")
    for text in (r"\left. \frac{d}{dt} M(t) \right|_{t=0}", "M'(0)"):
        (tree,) = read_formula(text, functions=frozenset({"M"})).sides
        printed = latex(tree)
        assert "substack" not in printed
        (back,) = read_formula(printed, functions=frozenset({"M"})).sides
        put = sp.Lambda(t, sp.exp(3 * t) + t**2)
        assert back.replace(m, put).doit() == tree.replace(m, put).doit() == 3


def test_a_sum_whose_index_is_also_a_name_outside_it_is_bracketed():
    # ``\sum_{k=1}^{K} x + \log y_k`` is ambiguous to the reader (the index written again after
    # the body): the printer brackets the sum so that its text reads back unambiguously
    x = sp.Symbol("x")
    for expr in (sp.log(y[k]) + sp.Sum(x, (k, 1, K)), y[k] * sp.Sum(x, (k, 1, K))):
        text = latex(expr)
        assert text.count(r"\left(\sum") == 1, text
        (back,) = read_formula(text).sides
        assert canonical(back) == canonical(expr), text
    assert latex(sp.Sum(y[k], (k, 1, K))) == r"\sum_{k=1}^{K} y_{k}"
