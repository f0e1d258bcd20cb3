"""Issue 11: a sum or product written with no subscript at all, ``\\sum x_i``: when its body
names exactly one index (the subscript letter of its family members), the sum runs over that
index, over the same abstract range as ``\\sum_i x_i`` (1..n_i, named in the report). A body with
no index, or with two, says nothing about what is summed over: rejected."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.errors import LatexError
from eqchain.latex.read import read_expression, read_formula

i, j = sp.symbols("i j")
x, y = sp.IndexedBase("x"), sp.IndexedBase("y")


def side(text):
    (expr,) = read_formula(text).sides
    return expr


@pytest.mark.parametrize(
    ("text", "written"),
    [
        (r"\sum x_i", r"\sum_i x_i"),
        (r"\sum x_i y_i", r"\sum_i x_i y_i"),
        (r"\prod x_j^2", r"\prod_j x_j^2"),
        (r"p^{\sum x_i}", r"p^{\sum_i x_i}"),
        (r"n - \sum x_i", r"n - \sum_i x_i"),
    ],
)
def test_a_sum_without_a_subscript_runs_over_the_one_index_its_body_names(text, written):
    assert side(text) == side(written)


@pytest.mark.parametrize(
    ("text", "column"),
    [
        (r"\sum x", 1),  # no index
        (r"\sum x_i y_j", 1),  # two
        (r"a + \sum 2", 5),
        (r"\sum x_{i+1}", 1),  # an index expression is not the index
    ],
)
def test_a_body_that_names_no_index_or_several_is_rejected(text, column):
    with pytest.raises(LatexError) as info:
        read_formula(text)
    assert "needs its range" in info.value.message and info.value.column == column


@pytest.mark.parametrize(
    "text",
    [
        r"\sum_{i=1}^N \log\lambda - \lambda x_i",
        r"\sum_{i=1}^N x_i + y_i",
        r"\sum_{i} a_i + b_{ij}",
        r"\prod_k p_k \cdot 2 + q_k",
    ],
)
def test_the_index_written_after_the_body_is_ambiguous(text):
    with pytest.raises(LatexError, match="ambiguous: the index"):
        read_expression(text)


@pytest.mark.parametrize(
    "text",
    [
        r"\sum_i x_i + \sum_i y_i",  # bound again
        r"x_i - \frac{1}{n}\sum_i x_i",  # free before the sum, never after
        r"\sum_{i=1}^N (x_i) - i",  # the body in brackets is the whole body
        r"\sum_i x_i - w_{init}",  # a letter of a word
        r"\sum_{i=1}^n x_i + \mathrm{Poisson}(\lambda)",
        r"\lambda (\sum_k \pi_k - 1) + \pi_k",  # the brackets end the sum's reach
    ],
)
def test_an_index_not_written_after_the_body_is_read(text):
    read_expression(text)
