"""Issue 11: a sum or product written with no subscript at all, ``\\sum x_i``: when its body
names exactly one index (the subscript letter of its family members), the sum runs over that
index, over the same abstract range as ``\\sum_i x_i`` (1..n_i, named in the report). A body with
no index, or with two, says nothing about what is summed over: rejected."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.errors import LatexError
from eqchain.latex.read import read_formula

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
