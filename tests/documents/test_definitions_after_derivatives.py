"""A row that gives the value of a name which earlier rows differentiate by as a variable of
their own (``a_0 = v_{00} z_0 + ...`` after ``\\partial E / \\partial a_0``) is neither taken as
a definition (it would change those rows) nor refuted as a false equation: unknown, saying why
(check/engine.py, ``_defined_late``). Through the CLI."""

from __future__ import annotations

from helpers import check_document_rows

DERIVATIVE = r"\frac{\partial}{\partial a_0} (a_0^2 + b) = 2 a_0"


def test_a_definition_after_a_derivative_by_its_name_is_unknown_saying_why(tmp_path):
    steps = check_document_rows(tmp_path, DERIVATIVE, r"a_0 = v_{00} z_0 + v_{01} z_1")
    assert steps[0]["status"] == "verified"
    assert steps[1]["status"] == "unknown"
    assert "differentiates by" in steps[1]["reason"] and "line" in steps[1]["reason"]


def test_before_any_derivative_the_same_row_is_a_definition(tmp_path):
    (step,) = check_document_rows(tmp_path, r"a_0 = v_{00} z_0 + v_{01} z_1")
    assert step["status"] == "definition"


def test_a_false_equation_that_is_no_definition_is_still_refuted(tmp_path):
    steps = check_document_rows(tmp_path, DERIVATIVE, r"a_0^2 = a_0 + 1 + a_0^2")
    assert steps[1]["status"] == "refuted"


def test_a_name_a_given_constrains_is_still_refuted(tmp_path):
    steps = check_document_rows(tmp_path, DERIVATIVE, "a_0 + b = 3", "a_0 = 5 - b")
    assert steps[2]["status"] == "refuted"
