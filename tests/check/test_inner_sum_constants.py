"""A factor free of an inner sum's index comes out of the inner sum and stays in the outer one:
``\\sum_x \\sum_y x g(x, y) = \\sum_x x \\sum_y g(x, y)`` (issue 12: the linearity of the
expectation of a sum over a joint law, StatProofBook). SymPy merges the nest into one node, and
the constant could only be pulled out of the outermost level; such steps were unknown with "no
symbolic proof found". An inner series still needs its convergence, named."""

from helpers import check_document_rows

NEST = r"\sum_{x=1}^{n} \sum_{y=1}^{m}"


def test_a_factor_of_the_outer_index_leaves_the_inner_sum(tmp_path):
    (step,) = check_document_rows(
        tmp_path, NEST + r" x \, g(x, y) = \sum_{x=1}^{n} x \sum_{y=1}^{m} g(x, y)"
    )
    assert step["status"] == "verified", step["reason"]
    assert "sum_const_mul" in step["rules"]


def test_swapped_then_pulled_out_of_the_inner_sum(tmp_path):
    (step,) = check_document_rows(
        tmp_path, NEST + r" y \, g(x, y) = \sum_{y=1}^{m} y \sum_{x=1}^{n} g(x, y)"
    )
    assert step["status"] == "verified", step["reason"]


def test_an_inner_range_depending_on_the_outer_index(tmp_path):
    (step,) = check_document_rows(
        tmp_path,
        r"\sum_{x=1}^{n} \sum_{y=1}^{x} x \, g(x, y) = \sum_{x=1}^{n} x \sum_{y=1}^{x} g(x, y)",
    )
    assert step["status"] == "verified", step["reason"]


def test_a_wrong_factor_outside_the_inner_sum_is_refuted(tmp_path):
    (step,) = check_document_rows(
        tmp_path, NEST + r" x \cos(x y) = \sum_{x=1}^{n} x^2 \sum_{y=1}^{m} \cos(x y)"
    )
    assert step["status"] == "refuted", step["reason"]
    assert step.get("counterexample"), step


def test_a_factor_of_the_inner_index_stays_inside(tmp_path):
    (step,) = check_document_rows(
        tmp_path, NEST + r" y \, g(x, y) = \sum_{y=1}^{m} y^2 \sum_{x=1}^{n} g(x, y)"
    )
    assert step["status"] != "verified", step["reason"]


def test_an_inner_series_needs_its_convergence(tmp_path):
    (step,) = check_document_rows(
        tmp_path,
        r"\sum_{x=1}^{n} \sum_{y=0}^{\infty} x \, g(x, y)"
        r" = \sum_{x=1}^{n} x \sum_{y=0}^{\infty} g(x, y)",
    )
    assert step["status"] == "unknown", step["reason"]
    assert "converges" in step["reason"]
