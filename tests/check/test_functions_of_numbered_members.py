"""A function of numbered members, ``J(\\theta_0, \\theta_1) = ...``, is defined as one of
names is.

Found by a helper on a public logistic-regression post: ``J(w_1, w_2, b) = \\frac{1}{N}
\\sum_i ...`` was no definition ("J stands on one side only"), and every row after it was
unknown (the course notation J(\\theta_0, \\theta_1) is the same). Applied to other arguments,
the members are put in as names are, unless the body holds other members of their family
(\\sum_j \\theta_j: the sum would keep its own \\theta_0)."""

from __future__ import annotations

from helpers import check_document_rows

J = r"J(\theta_0, \theta_1) = \frac{1}{2m} \sum_{i=1}^{m} (\theta_0 + \theta_1 x_i - y_i)^2"


def statuses(tmp_path, *rows):
    return [s["status"] for s in check_document_rows(tmp_path, *rows)]


def test_the_gradient_through_the_definition(tmp_path):
    valid = (
        r"\frac{\partial J(\theta_0, \theta_1)}{\partial \theta_1} = "
        r"\frac{1}{m} \sum_{i=1}^{m} (\theta_0 + \theta_1 x_i - y_i) x_i"
    )
    assert statuses(tmp_path, J, valid) == ["definition", "verified"]
    wrong = valid.replace(r") x_i", ")")
    assert statuses(tmp_path, J, wrong) == ["definition", "refuted"]


def test_applied_to_numbers(tmp_path):
    row = r"J(1, 2) = \frac{1}{2m} \sum_{i=1}^{m} (1 + 2 x_i - y_i)^2"
    assert statuses(tmp_path, J, row) == ["definition", "verified"]
    wrong = r"J(1, 2) = \frac{1}{2m} \sum_{i=1}^{m} (2 + x_i - y_i)^2"
    assert statuses(tmp_path, J, wrong) == ["definition", "refuted"]


def test_a_body_with_other_members_is_not_applied(tmp_path):
    rows = (
        r"S(\theta_0) = \theta_0 + \sum_{j=0}^{1} \theta_j",
        r"S(5) = 5 + \sum_{j=0}^{1} \theta_j",
    )
    assert statuses(tmp_path, *rows)[-1] != "verified"
