"""Issue 11: blackboard-bold letters (``\\mathbb{w}``, ``\\mathbb{\\hat{y_i}}``) and
``\\mathbb{I}(x)`` through the CLI: verified, refuted and unknown as any name."""

from __future__ import annotations

from helpers import check_document_rows


def test_blackboard_letters_through_the_cli(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"(\mathbb{w} + \mathbb{\hat{y_i}})^2"
        r" = \mathbb{w}^2 + 2 \mathbb{w} \mathbb{\hat{y_i}} + \mathbb{\hat{y_i}}^2",
        r"(\mathbb{w} + \mathbb{b})^2 = \mathbb{w}^2 + \mathbb{b}^2",
        r"\log(\mathbb{w}^2) = 2 \log \mathbb{w}",
    )
    assert [s["status"] for s in steps] == ["verified", "refuted", "unknown"]
    assert "\\mathbb{w}" in steps[1]["counterexample"]["values"]
    assert "\\mathbb{w} > 0" in steps[2]["reason"]  # log_pow's condition, named


def test_the_condition_written_verifies_it(tmp_path):
    row = r"\log(\mathbb{w}^2) = 2 \log \mathbb{w}, \quad \mathbb{w} > 0"
    steps = check_document_rows(tmp_path, row)
    assert steps[0]["status"] == "verified"


def test_a_blackboard_operator_defined_by_the_document(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"\mathbb{I}(x) := -\ln x",
        r"\mathbb{I}(x) + \ln x = 0",
        r"\mathbb{I}(x) + \ln x = 1",
    )
    assert [s["status"] for s in steps] == ["definition", "verified", "refuted"]


def test_blackboard_and_bold_are_two_quantities(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"\mathbb{w} + 1 = \mathbf{w} + 1",
        r"\mathbb{\theta}_1 + 1 = \theta_1 + 1",
    )
    assert all(s["status"] == "refuted" for s in steps), steps
