"""A name before parentheses holding only names or written numbers (``h(0)``, ``L(1)``,
``g(-1)``) is evaluated at them if it is a function, and multiplies them otherwise (h times 0,
which no one writes so): unless the name is a function, the formula is unreadable, saying so.
Read as a product, ``h = x + 1`` then ``h(0) = 0`` was verified (mul_zero) and ``y = x^2 - 1``
then ``y(1) = 0`` refuted (a red team's). Through the command line."""

from __future__ import annotations

import pytest
from helpers import check_document_rows


@pytest.mark.parametrize(
    ("definition", "row"),
    [
        ("h = x + 1", "h(0) = 0"),
        ("L = \\theta^2 - 2\\theta", "L(1) = L"),
        ("y = x^2 - 1", "y(1) = 0"),
        ("f = x^2", "f(3) = 9"),
        ("g = x + 1", "g(-1) = 0"),
        ("g = x + 1", "g(0.5) = 1.5"),
        # a second red team's: brackets sized, spaced, a fraction of numbers
        ("h = x + 1", "h\\left(0\\right) = 0"),
        ("h = x + 1", "h (0) = 0"),
        ("h = x + 1", "h(\\tfrac12) = 0"),
        ("k = x + 1", "k\\left(\\frac{1}{2}\\right) = x"),
    ],
)
def test_a_name_before_numbers_in_parentheses_is_unreadable(tmp_path, definition, row):
    steps = check_document_rows(tmp_path, definition, row)
    assert steps[-1]["status"] == "unreadable"
    assert "ambiguous" in steps[-1]["reason"]


@pytest.mark.parametrize(
    "rows",
    [
        ("f(x) = x^2", "f(3) = 9"),  # a function: evaluated
        ("n(n + 1) = n^2 + n",),  # an expression in the parentheses: a product
        ("2(3) = 6",),
        # spaced, and raised to a power: the bracket's power (a binomial mean's row)
        ("n p (1)^{n - 1} = n p",),
    ],
)
def test_a_function_or_an_expression_is_read_as_before(tmp_path, rows):
    assert check_document_rows(tmp_path, *rows)[-1]["status"] == "verified"


def test_a_wrong_value_of_a_function_is_refuted(tmp_path):
    assert check_document_rows(tmp_path, "f(x) = x^2", "f(3) = 6")[-1]["status"] == "refuted"
