"""Sums and integrals over a set left abstract (``\\sum_{x \\in \\mathcal{X}}``,
``\\int_{\\mathcal{X}}``) are linear (issue 12): a constant factor comes out when it is nonzero
(then both sides converge together) or the rest converges, the operator splits over the terms of
its body when each piece converges, and two of them swap when the absolute value's double sum
converges (Fubini). Before, such steps were unknown with "no symbolic proof found"; now the
reason names the condition. No declaration establishes that a sum over an abstract set
converges, so a split stays unknown, naming it. Numbers never evaluate an operator over an
abstract set, so a wrong step is never refuted through it: it is unknown, never verified."""

from helpers import check_document_rows

SUM = r"\sum_{x \in \mathcal{X}}"
INT = r"\int_{\mathcal{X}}"


def test_a_nonzero_constant_comes_out_of_a_sum_over_a_set(tmp_path):
    (step,) = check_document_rows(
        tmp_path, SUM + r" c \, x \, f(x) = c " + SUM + r" x \, f(x)", assume="c > 0"
    )
    assert step["status"] == "verified", step["reason"]
    assert "set_sum_linear" in step["rules"]


def test_a_nonzero_constant_comes_out_of_an_integral_over_a_set(tmp_path):
    (step,) = check_document_rows(
        tmp_path,
        INT + r" c \, x \, f(x) \, dx = c " + INT + r" x \, f(x) \, dx",
        assume=r"c \neq 0",
    )
    assert step["status"] == "verified", step["reason"]
    assert "set_integral_linear" in step["rules"]


def test_a_constant_not_known_nonzero_names_the_convergence_of_the_rest(tmp_path):
    (step,) = check_document_rows(tmp_path, SUM + r" c \, x \, f(x) = c " + SUM + r" x \, f(x)")
    assert step["status"] == "unknown", step["reason"]
    assert "set_sum_linear needs" in step["reason"], step["reason"]
    assert "converges" in step["reason"], step["reason"]


def test_a_split_names_the_convergence_of_each_piece(tmp_path):
    (step,) = check_document_rows(
        tmp_path, SUM + r" (x + y) f(x) = " + SUM + r" x f(x) + " + SUM + r" y f(x)"
    )
    assert step["status"] == "unknown", step["reason"]
    assert "converges" in step["reason"], step["reason"]
    assert "no symbolic proof found" not in step["reason"], step["reason"]


def test_a_split_integral_names_the_convergence(tmp_path):
    (step,) = check_document_rows(
        tmp_path, INT + r" (g(x) + h(x)) \, dx = " + INT + r" g(x) \, dx + " + INT + r" h(x) \, dx"
    )
    assert step["status"] == "unknown", step["reason"]
    assert "converges" in step["reason"], step["reason"]


def test_a_wrong_constant_is_never_verified(tmp_path):
    (step,) = check_document_rows(
        tmp_path, SUM + r" c \, x \, f(x) = 2 c " + SUM + r" x \, f(x)", assume="c > 0"
    )
    assert step["status"] != "verified", step["reason"]


def test_a_wrong_split_is_never_verified(tmp_path):
    (step,) = check_document_rows(
        tmp_path, SUM + r" (x + y) f(x) = " + SUM + r" x f(x) + 2 " + SUM + r" y f(x)"
    )
    assert step["status"] != "verified", step["reason"]


def test_the_constant_of_a_finite_set_is_still_refuted(tmp_path):
    (step,) = check_document_rows(
        tmp_path, r"\sum_{x \in \{0, 1\}} c \, (x + 1) = 2 c \sum_{x \in \{0, 1\}} (x + 1)"
    )
    assert step["status"] == "refuted", step["reason"]
    assert step.get("counterexample"), step


def test_two_sums_over_sets_swapped_name_the_absolute_convergence(tmp_path):
    (step,) = check_document_rows(
        tmp_path,
        SUM + r" \sum_{y \in \mathcal{Y}} g(x, y) = \sum_{y \in \mathcal{Y}} " + SUM + " g(x, y)",
    )
    assert step["status"] == "unknown", step["reason"]
    assert "set_sum_swap" in step["reason"], step["reason"]
    assert r"\left|" in step["reason"] and "converges" in step["reason"], step["reason"]


def test_two_integrals_over_sets_swapped_name_the_absolute_convergence(tmp_path):
    (step,) = check_document_rows(
        tmp_path,
        INT
        + r" \int_{\mathcal{Y}} g(x, y) \, dy \, dx = \int_{\mathcal{Y}} "
        + INT
        + r" g(x, y) \, dx \, dy",
    )
    assert step["status"] == "unknown", step["reason"]
    assert "set_integral_swap" in step["reason"], step["reason"]


def test_a_wrong_swap_is_never_verified(tmp_path):
    (step,) = check_document_rows(
        tmp_path,
        SUM + r" \sum_{y \in \mathcal{Y}} g(x, y) = \sum_{y \in \mathcal{Y}} " + SUM + " g(y, x)",
    )
    assert step["status"] != "verified", step["reason"]
