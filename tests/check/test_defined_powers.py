"""A row about a defined square (``\\sigma^2 = ...`` defined, then ``\\sigma^2 - a = 0``) is a
claim about the defined quantity, checked, never a given that states a condition on new
names: a wrong one is refuted, not assumed."""

from __future__ import annotations

from helpers import check_document_rows

DEFINITION = r"\sigma^2 = \frac{1}{n} \sum_{i=1}^{n} (x_i - m)^2"
ASSUME = "n integer, n >= 1, m real"


def statuses(tmp_path, *rows):
    return [s["status"] for s in check_document_rows(tmp_path, *rows, assume=ASSUME)]


def test_a_row_about_a_defined_square_equal_to_zero_is_checked(tmp_path):
    row = r"\sigma^2 - \frac{1}{n} \sum_{i=1}^{n} (x_i - m)^2 = 0"
    assert statuses(tmp_path, DEFINITION, row)[-1] == "verified"


def test_a_wrong_row_about_a_defined_square_is_refuted_not_given(tmp_path):
    row = r"\sigma^2 - \frac{1}{n} \sum_{i=1}^{n} (x_i + m)^2 = 0"
    assert statuses(tmp_path, DEFINITION, row)[-1] == "refuted"


def test_a_row_about_an_undefined_square_is_still_a_given(tmp_path):
    row = r"\tau^2 - \frac{1}{n} \sum_{i=1}^{n} (x_i + m)^2 = 0"
    assert statuses(tmp_path, DEFINITION, row)[-1] == "given"
