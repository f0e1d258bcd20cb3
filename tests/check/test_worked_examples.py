"""Worked examples inside a derivation: a name given a number (``L = -\\log(0.245)``) and a
decimal that is a rounded value (``= 1.406``).

Found on a public softmax/cross-entropy post: the example ``L = -\\log(0.245)`` became L's
definition, and the general ``\\frac{\\partial L}{\\partial o} = p - y`` was refuted (the
derivative of a number is 0)."""

from __future__ import annotations

from helpers import check_document_rows


def test_a_derivative_of_a_name_defined_as_a_number_is_not_decided(tmp_path):
    steps = check_document_rows(
        tmp_path, r"L = -\log(0.245)", r"\frac{\partial L}{\partial o} = p - y"
    )
    assert steps[-1]["status"] == "unknown"
    assert "is defined as a number" in steps[-1]["reason"]


def test_the_number_is_still_its_value_elsewhere(tmp_path):
    steps = check_document_rows(tmp_path, r"L = \log 4", r"L = 2 \log 2", r"L + 1 = 3")
    assert [s["status"] for s in steps[1:]] == ["verified", "refuted"]


def test_a_name_defined_by_an_expression_is_differentiated_through_it(tmp_path):
    steps = check_document_rows(
        tmp_path, r"L = -\log p", r"\frac{\partial L}{\partial p} = -\frac{1}{p}"
    )
    assert steps[-1]["status"] == "verified", steps[-1]["reason"]
    wrong = check_document_rows(
        tmp_path, r"L = -\log p", r"\frac{\partial L}{\partial p} = \frac{1}{p}"
    )
    assert wrong[-1]["status"] == "refuted"


def test_a_rounded_decimal_after_equals_is_refuted_saying_it_rounds(tmp_path):
    (step,) = check_document_rows(tmp_path, r"\sqrt{2} = 1.414")
    assert step["status"] == "refuted"
    assert "only by rounding" in step["reason"] and "\\approx 1.414" in step["reason"]
    (step,) = check_document_rows(tmp_path, r"\sqrt{2} = 1.42")
    assert step["status"] == "refuted"
    assert "rounding" not in step["reason"]
    (step,) = check_document_rows(tmp_path, r"\sqrt{2} \approx 1.414")
    assert step["status"] != "refuted"
