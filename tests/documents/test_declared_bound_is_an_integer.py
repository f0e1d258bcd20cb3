"""A declared symbol written as a sum's bound is an integer too.

Found by a helper on a public linear-regression post: with ``--assume "N >= 1"`` (N's sign, as
a user writes it), nine verified steps over ``\\sum_{i=1}^{N}`` became unknown, "sum range
needs N \\in \\mathbb{Z}": the declaration made N a positive real and dropped the integer the
range says it is (an undeclared bound was an integer already)."""

from __future__ import annotations

from helpers import check_document_rows

DERIVATIVE = (
    r"\frac{\partial}{\partial a}\frac{1}{N}\sum_{i=1}^{N}(y_i - a x_i)^2 "
    r"= \frac{1}{N}\sum_{i=1}^{N} -2x_i(y_i - a x_i)"
)


def status(tmp_path, row, assume):
    return check_document_rows(tmp_path, row, assume=assume)[-1]["status"]


def test_a_declared_sign_keeps_the_bound_an_integer(tmp_path):
    assert status(tmp_path, DERIVATIVE, "N >= 1") == "verified"
    assert status(tmp_path, r"\sum_{k=1}^{N} k = \frac{N (N + 1)}{2}", "N >= 1") == "verified"


def test_a_wrong_step_over_the_range_is_still_refuted(tmp_path):
    wrong = DERIVATIVE.replace("-2x_i", "2x_i")
    assert status(tmp_path, wrong, "N >= 1") == "refuted"
    assert status(tmp_path, r"\sum_{k=1}^{N} k = \frac{N^2}{2}", "N >= 1") == "refuted"
