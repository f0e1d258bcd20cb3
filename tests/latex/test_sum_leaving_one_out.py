"""``\\sum_{k \\neq i}`` and ``\\sum_{j \\neq i}^{K}``: the sum over the whole range (abstract as
``\\sum_k``'s without limits), each term times ``1 - \\delta_{k i}``; printed back as written."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.errors import LatexError
from eqchain.latex.printer import latex
from eqchain.latex.read import read_expression
from eqchain.tree import canonical

k, i, j, K = sp.symbols("k i j K")
x = sp.IndexedBase("x")


def test_a_sum_leaving_one_index_out_is_the_whole_sum_times_one_minus_delta():
    expr = read_expression(r"\sum_{k \neq i}^{K} x_k")
    assert canonical(expr) == canonical(sp.Sum(x[k] * (1 - sp.KroneckerDelta(k, i)), (k, 1, K)))


def test_without_limits_it_runs_over_the_range_of_sum_k():
    written = read_expression(r"\sum_{k} x_k (1 - \delta_{ki})")
    # \delta_{ki} is read as two indices of delta (the scope makes it the Kronecker delta)
    written = written.replace(
        lambda e: isinstance(e, sp.Indexed) and str(e.base) == "delta",
        lambda e: sp.KroneckerDelta(*e.indices),
    )
    assert canonical(read_expression(r"\sum_{k\neq i} x_k")) == canonical(written)


def test_the_term_left_out_is_zero():
    expr = read_expression(r"\sum_{k \ne i}^{K} x_k").subs(K, 3).doit()
    assert expr.subs(i, 2) == x[1] + x[3]


@pytest.mark.parametrize(
    "text",
    [
        r"\sum_{k \neq i} y_k a_i",
        r"\sum_{j\neq i}^K y_j \hat{y}_i",
        r"\sum_{k \ne i}^{K} (x_k + 1)",
    ],
)
def test_it_prints_back_as_written(text):
    expr = read_expression(text)
    printed = latex(expr)
    assert r"\neq" in printed
    assert read_expression(printed) == expr


def test_the_index_left_out_must_be_another():
    with pytest.raises(LatexError, match="another index"):
        read_expression(r"\sum_{k \neq k} x_k")


def test_a_product_over_the_others_stays_unreadable():
    with pytest.raises(LatexError, match="other than one"):
        read_expression(r"\prod_{k \neq i} x_k")
