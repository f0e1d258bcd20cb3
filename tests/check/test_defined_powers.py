"""A row about a defined square (``\\sigma^2 = ...`` defined, then ``\\sigma^2 - a = 0``) is a
claim about the defined quantity, checked, never a given that states a condition on new
names: a wrong one is refuted, not assumed."""

from __future__ import annotations

import re

import sympy as sp
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


# -- the square of a family's member: \sigma_x^2 = ... names a new quantity -----------------

MEMBER_SQUARE = r"\sigma_x^2 = \frac{1}{n} \sum_{i=1}^{n} (x_i - m)^2"


def test_the_square_of_a_member_is_defined_and_put_in(tmp_path):
    rows = (MEMBER_SQUARE, r"n \sigma_x^2 = \sum_{i=1}^{n} (x_i - m)^2")
    results = check_document_rows(tmp_path, *rows, assume=ASSUME)
    assert [s["status"] for s in results][-2:] == ["definition", "verified"]


def test_a_wrong_use_of_a_defined_member_square_is_not_verified(tmp_path):
    rows = (MEMBER_SQUARE, r"n \sigma_x^2 = \sum_{i=1}^{n} (x_i + m)^2")
    assert statuses(tmp_path, *rows)[-1] == "refuted"


def test_the_square_of_a_declared_members_family_is_no_definition(tmp_path):
    # a declaration restricts the member (sigma_k > 0): its square is not a new name
    rows = (MEMBER_SQUARE, r"n \sigma_x^2 = \sum_{i=1}^{n} (x_i - m)^2")
    results = check_document_rows(tmp_path, *rows, assume=ASSUME + ", sigma_k > 0")
    assert results[-2]["status"] != "definition"
    assert results[-1]["status"] != "verified"


# -- a higher power of a name whose square is defined ----------------------------------------

SQUARE = r"s^2 = a + b"


def test_the_fourth_power_of_a_defined_square_is_its_value_squared(tmp_path):
    # s^4 = (s^2)^2 for every s: never refuted by giving s a value of its own
    assert statuses(tmp_path, SQUARE, r"s^4 = (a + b)^2")[-1] == "verified"


def test_an_odd_power_of_a_defined_square_keeps_one_factor(tmp_path):
    assert statuses(tmp_path, SQUARE, r"s^3 = s (a + b)")[-1] == "verified"


def test_a_wrong_power_of_a_defined_square_is_refuted(tmp_path):
    assert statuses(tmp_path, SQUARE, r"s^4 = (a + b)^3")[-1] == "refuted"
    assert statuses(tmp_path, SQUARE, r"s^3 = a + b")[-1] != "verified"


def test_a_defined_square_given_a_number_is_a_given(tmp_path):
    # a worked example's value (the data's sum of squares over n) after the definition: a
    # given, as before (a row s^2 = <expression> after it stays a claim, checked)
    rows = (r"\hat{s}^2 = \frac{\sum_{k=1}^{n} x_k^2}{n}", r"\hat{s}^2 = \frac{7365}{100}")
    assert statuses(tmp_path, *rows)[-1] == "given"


def test_a_counterexample_to_a_power_of_a_defined_square_satisfies_the_definition(tmp_path):
    # s^3 = a^{3/2} after s^2 = a is false (s = -sqrt(a)), but s = 2 with a = 2 is no point of
    # the document: s^2 would be 4, not a (red team 24: a = 2, s = 2 was shown)
    for claim in (r"s^3 = a^{3/2}", r"s^{2k} = a^k"):
        (*_, last) = check_document_rows(tmp_path, r"s^2 = a", claim)
        assert last["status"] == "refuted"
        values = last["counterexample"]["values"].items()
        point = {k: sp.sympify(re.sub(r"\\sqrt\{([^}]*)\}", r"sqrt(\1)", v)) for k, v in values}
        assert sp.simplify(point["s"] ** 2 - point["a"]) == 0, point


def test_a_value_of_the_name_that_disagrees_with_its_defined_square_is_no_definition(tmp_path):
    # s = a after s^2 = a would make s^2 both a and a^2: a = a^2 was verified (red team 24)
    results = check_document_rows(tmp_path, r"s^2 = a", r"s = a", r"a = a^2")
    assert results[1]["status"] == "refuted"
    assert results[2]["status"] != "verified"


def test_a_root_of_a_defined_square_is_a_definition(tmp_path):
    for root in (r"s = \sqrt{a}", r"s = -\sqrt{a}"):
        results = check_document_rows(tmp_path, r"s^2 = a", root, r"s^3 = a s")
        assert [r["status"] for r in results] == ["definition", "definition", "verified"]


def test_a_name_whose_square_is_defined_varies_with_what_defines_it(tmp_path):
    # s^2 = x + 1: s is no constant of x (red team 24: both rows were verified, the first by
    # differentiating s^2 as a constant before putting its definition in)
    for row in (r"\frac{d}{dx} (s^2) + 5 = 5", r"\int_0^1 s \, dx = s"):
        (*_, last) = check_document_rows(tmp_path, r"s^2 = x + 1", row)
        assert last["status"] != "verified", row
    (*_, last) = check_document_rows(tmp_path, r"s^2 = x + 1", r"\frac{d}{dx} (s^2) + 5 = 6")
    assert last["status"] == "verified", last["reason"]


def test_a_name_in_the_value_is_not_defined_by_the_power_s_name(tmp_path):
    # t = s after s^2 = t would make s^2 = s: an equation about s, not two definitions (red
    # team 24: s^2 = s and t^2 = t were verified)
    results = check_document_rows(tmp_path, r"s^2 = t", r"t = s", r"s^2 = s", r"t^2 = t")
    assert results[1]["status"] != "definition"
    assert all(r["status"] != "verified" for r in results[2:])
