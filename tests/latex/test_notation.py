"""The notation of ML and statistics: one documented reading each, and its rejection twin."""

from __future__ import annotations

import json

import pytest
import sympy as sp

from eqchain.errors import LatexError, UnsupportedLatex
from eqchain.latex import memo
from eqchain.latex.printer import EqchainLatexPrinter
from eqchain.latex.read import read_expression, read_formula
from eqchain.scope import Scope

x, theta, mu, D = sp.Symbol("x"), sp.Symbol("theta"), sp.Symbol("mu"), sp.Symbol("D")


def side(text, **kw):
    (expr,) = read_formula(text, **kw).sides
    return expr


# -- conditioning bars and parameters ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "bar"),
    [
        (r"p(x|\theta)", "|"),
        (r"p(x \mid \theta)", "\\mid"),
        (r"p(x;\theta)", ";"),
        (r"p(x \| \theta)", "|"),  # Markdown leaves \| for a bar in a table
    ],
)
def test_a_bar_in_a_call_makes_an_applied_function_whose_arguments_keep_their_roles(text, bar):
    expr = side(text)
    assert isinstance(expr, sp.core.function.AppliedUndef)
    assert expr.func.__name__ == "p" and expr.args == (x, theta)
    assert expr.func.separators == ((1, bar),)


def test_a_conditioned_call_is_not_the_call_with_commas():
    assert side(r"p(x | \theta)") != sp.Function("p")(x, theta)
    assert side(r"p(x | \theta)") != side(r"p(x ; \theta)")
    assert side(r"p(x | \theta)") == side(r"p(x|\theta)")


def test_arguments_before_and_after_the_bar_are_expressions():
    expr = side(r"\mathcal{L}(\theta | x_1, x_2)")
    x_ = sp.IndexedBase("x")
    assert expr.func.__name__ == "mathcalL" and expr.args == (theta, x_[1], x_[2])
    assert expr.func.separators == ((1, "|"),)
    assert side(r"p(y_k | \mu + 1; \sigma)").func.separators == ((1, "|"), (2, ";"))


def test_a_conditioned_call_is_a_factor_like_any_other():
    p = side(r"\log p(D | \mu)")
    assert isinstance(p, sp.log) and p.args[0].func.__name__ == "p"
    product = side(r"\prod_{n=1}^{N} p(x_n | \mu)")
    assert isinstance(product, sp.Product)


@pytest.mark.parametrize(
    ("text", "column", "message"),
    [
        (r"|x|", 1, "'|'"),
        (r"a | b", 3, "'|'"),
        (r"(x \mid \theta)", 4, "\\mid"),
        (r"a \| b", 3, "norm"),
        (r"x ; y", 3, "unexpected ';'"),
        (r"p(x | )", 7, "empty argument"),
        (r"p(| \theta)", 3, "empty argument"),
        (r"p_k(x | \theta)", 1, "conditioning bar"),
    ],
)
def test_a_bar_outside_a_call_is_still_rejected_at_its_column(text, column, message):
    with pytest.raises(LatexError) as info:
        read_formula(text)
    assert message in info.value.message and info.value.column == column


def test_a_conditioned_call_prints_back_as_written_and_reads_back_the_same():
    for text in (r"p(x | \theta)", r"p(x \mid \theta)", r"p(x; \theta)"):
        expr = side(text)
        printed = EqchainLatexPrinter().doprint(expr)
        assert read_expression(printed) == expr, printed
    assert EqchainLatexPrinter().doprint(side(r"p(x|\theta)")) == r"p{\left(x | \theta \right)}"


def test_a_conditioned_call_is_remembered_with_its_bars():
    expr = side(r"p(x \mid \mu; D)")
    assert memo.decode(json.loads(json.dumps(memo.encode(expr)))) == expr


def test_binding_keeps_the_bars():
    expr = side(r"p(x | \mu)")
    bound = Scope.from_decls((), strict=False).bind(expr)
    assert bound.func.separators == ((1, "|"),) and bound.func.__name__ == "p"


def test_unsupported_remains_for_a_bar_with_nothing_to_condition():
    with pytest.raises(UnsupportedLatex):
        read_formula(r"\mid x")
