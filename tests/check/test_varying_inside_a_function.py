"""A derivative by w of a body that does not mention w, ``\\frac{\\partial \\ln P}{\\partial w}``,
says that what the body holds varies with w, as ``\\frac{\\partial P}{\\partial w}`` does
(check/varying.py): P is an unknown function of w there, never a constant. Found on a public
notebook (logistic regression): ``\\frac{\\partial \\ln P}{\\partial w_m} = \\frac{\\partial \\ln
P}{\\partial z_n} \\frac{\\partial z_n}{\\partial w_m}`` (the chain rule without its sum over n,
a wrong step) was verified as 0 = 0, P held fixed."""

from __future__ import annotations

import pytest
from helpers import check_document_rows


def statuses(tmp_path, *rows, assume=None):
    return [s["status"] for s in check_document_rows(tmp_path, *rows, assume=assume)]


@pytest.mark.parametrize(
    "row",
    [
        r"\frac{\partial \ln P}{\partial w_m} = \frac{\partial \ln P}{\partial z_n} "
        r"\frac{\partial z_n}{\partial w_m}",
        r"\frac{\partial \ln P}{\partial w} = 0",
        r"\frac{d}{dw} e^{a} = 0",
    ],
)
def test_a_function_of_a_name_differentiated_by_w_is_not_held_fixed(tmp_path, row):
    assert statuses(tmp_path, "x = 1", row)[-1] != "verified"


def test_the_chain_rule_through_the_name_is_verified(tmp_path):
    row = r"\frac{\partial \ln P}{\partial w} = \frac{1}{P} \frac{\partial P}{\partial w}"
    assert statuses(tmp_path, "x = 1", row)[-1] == "verified"
    row = r"\frac{d}{dw} e^{a} = e^{a} \frac{da}{dw}"
    assert statuses(tmp_path, "x = 1", row)[-1] == "verified"


def test_a_wrong_chain_rule_is_not_verified(tmp_path):
    row = r"\frac{\partial \ln P}{\partial w} = \frac{2}{P} \frac{\partial P}{\partial w}"
    assert statuses(tmp_path, "x = 1", row)[-1] != "verified"


def test_a_body_that_mentions_w_keeps_its_other_names_fixed(tmp_path):
    # a body with the variable in it keeps its other names fixed, as before
    assert statuses(tmp_path, "x = 1", r"\frac{d}{dw} (a w^2) = 2 a w")[-1] == "verified"


def test_a_defined_name_varies_through_what_it_is_made_of(tmp_path):
    # P defined without w, differentiated by w: the likelihood depends on w through the model's
    # p (a public notebook's chain rule without its sum over n was verified as 0 = 0)
    rows = (
        r"P = \prod_{n=1}^N p(y_n | x_n)",
        r"\frac{\partial \ln P}{\partial w_m} = \frac{\partial \ln P}{\partial z_n} "
        r"\frac{\partial z_n}{\partial w_m}",
    )
    assert statuses(tmp_path, *rows)[-1] != "verified"
    rows = (r"A = g(a)^2", r"\frac{d A}{d w} = 0")
    assert statuses(tmp_path, *rows)[-1] != "verified"
    # nor through the plain names it is made of (A = a^2 by w: the author differentiates A by
    # w because a may depend on it; tests/check/test_varying_through_a_definition.py): not
    # proved, the derivative set to 0 is the author's given; a declared constant is held fixed
    rows = (r"A = a^2", r"\frac{d A}{d w} = 0")
    assert statuses(tmp_path, *rows)[-1] == "given"
    assert statuses(tmp_path, *rows, assume="a constant")[-1] == "verified"


def test_a_definition_that_mentions_the_variable_says_how_it_depends_on_it(tmp_path):
    rows = (
        r"L = \sum_{n=1}^N (y_n - w x_n)^2",
        r"\frac{\partial L}{\partial w} = -2 \sum_{n=1}^N x_n (y_n - w x_n)",
    )
    assert statuses(tmp_path, *rows)[-1] == "verified"
    rows = (r"A = a^2 w", r"\frac{d A}{d w} = a^2")
    assert statuses(tmp_path, *rows)[-1] == "verified"
    rows = (r"A = a^2 w", r"\frac{d A}{d w} = 2 a^2")
    assert statuses(tmp_path, *rows)[-1] == "refuted"


# The index of the variable (the i of \theta_i) and the counts are no names that vary with it:
# read as a function of \theta_i, i was written inside its own argument and SymPy's
# differentiation recursed without end ("expression nested too deeply" on every softmax row of a
# public post, en/softmax-cross-entropy-deeplearningpractice).
SOFTMAX = r"\frac{e^{u_i}}{\sum_{j=1}^{K} e^{u_j}}"


def test_the_variables_index_is_held_fixed(tmp_path):
    lhs = r"\frac{\partial (u_i)^2}{\partial \theta_i}"
    row = lhs + r" = 2 u_i \frac{\partial u_i}{\partial \theta_i}"
    assert statuses(tmp_path, "x = 1", row)[-1] == "verified"
    row = lhs + r" = u_i \frac{\partial u_i}{\partial \theta_i}"
    step = check_document_rows(tmp_path, "x = 1", row)[-1]
    assert step["status"] != "verified"
    assert "nested" not in step.get("reason", "")


def test_the_quotient_rule_through_names_that_vary(tmp_path):
    right = (
        rf"\frac{{\partial}}{{\partial \theta_i}} {SOFTMAX} = {SOFTMAX} \frac{{\partial u_i}}"
        r"{\partial \theta_i} - \frac{e^{u_i}}{(\sum_{j=1}^{K} e^{u_j})^2} \sum_{j=1}^{K} e^{u_j}"
        r" \frac{\partial u_j}{\partial \theta_i}"
    )
    rows = check_document_rows(tmp_path, "x = 1", right)
    # (\sum_j e^{u_j})^2 \neq 0 as its plain part, the sum of positive terms over 1..K, K >= 1
    # since i lies in it
    assert rows[-1]["status"] == "verified", rows[-1]
    wrong = right.replace("(\\sum_{j=1}^{K} e^{u_j})^2", "\\sum_{j=1}^{K} e^{u_j}")
    rows = check_document_rows(tmp_path, "x = 1", wrong)
    assert rows[-1]["status"] != "verified"
    assert "nested" not in rows[-1].get("reason", "")


def test_a_square_of_a_sum_not_shown_nonzero_is_named(tmp_path):
    # where the left side is defined its plain part holds: verified there, the domain shown
    row = (
        r"\frac{d}{dw} \frac{1}{\sum_{j=1}^{K} e^{w u_j}} = "
        r"- \frac{\sum_{j=1}^{K} u_j e^{w u_j}}{(\sum_{j=1}^{K} e^{w u_j})^2}"
    )
    rows = check_document_rows(tmp_path, "x = 1", row)
    assert rows[-1]["status"] == "verified", rows[-1]
    # no index free in the step: the range 1..K may be empty, the sum 0; the left side does not
    # need it, so the right side introduces it
    row = r"2 w = \frac{2 w (\sum_{j=1}^{K} e^{u_j})^2}{(\sum_{j=1}^{K} e^{u_j})^2}"
    rows = check_document_rows(tmp_path, "x = 1", row)
    assert rows[-1]["status"] == "unknown", rows[-1]
    assert r"\neq 0" in rows[-1]["reason"]
