"""Notations eqchain does not read are rejected at their column with what to write instead:
a bracket with a subscript only (``[x_n]_m``, a vector's entry to some authors, an evaluation
bar missing a bound to others), a ``\\sum`` with nothing to sum (``\\frac{e^a}{\\sum_K}``, an
abbreviation of a sum), a derivative by a vector (matrix calculus)."""

from __future__ import annotations

import pytest

from eqchain.errors import LatexError
from eqchain.latex.read import read_formula


def _rejected(text):
    with pytest.raises(LatexError) as info:
        read_formula(text)
    return info.value


def test_a_bracket_with_a_subscript_only_says_how_to_write_an_entry():
    text = r"a = z_n (1 - z_n) [x_n]_m"
    err = _rejected(text)
    assert "[F]_a^b" in err.message and "x_{n,m}" in err.message
    assert err.column == text.index("]_") + 2


def test_an_evaluation_bar_with_both_bounds_is_still_read():
    assert read_formula(r"a = [x^2]_{0}^{3}").sides


def test_a_sum_with_nothing_to_sum_says_what_to_write():
    text = r"y = \frac{e^{a}}{\sum_K}"
    err = _rejected(text)
    assert "without a body" in err.message and "S =" in err.message
    assert err.column == text.index("\\sum") + 1


def test_a_derivative_by_a_vector_says_what_eqchain_reads():
    err = _rejected(
        r"\frac{\partial (\mathbf{w}^T \mathbf{x})}{\partial \mathbf{w}} = \mathbf{x}^T"
    )
    assert "matrix calculus" in err.message and "entries" in err.message
