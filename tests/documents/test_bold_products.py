"""A product of bold names in a document that writes no transpose is ambiguous (latex/parser.py,
``_check_bold_product``): the bold names are numbers there (matrices.document_marks), so
\\mathbf{A}\\mathbf{x} = \\mathbf{x}\\mathbf{A} was verified, and a public post's
\\mathbf{z} - \\boldsymbol{\\Lambda}\\mathbf{z} = (\\mathbf{I} - \\boldsymbol{\\Lambda})\\mathbf{z}
(d2l, momentum) was refuted with \\mathbf{I} = 2. A bold name alone, times numbers, summed, or as
a function's argument stays readable; a document with a transpose reads its bold names as
vectors and matrices, as before."""

from __future__ import annotations

import pytest
from helpers import check_document_rows


def _steps(tmp_path, *rows):
    return check_document_rows(tmp_path, "q = 1", *rows)[1:]


@pytest.mark.parametrize(
    ("row", "column"),
    [
        (r"\mathbf{A} \mathbf{x} = \mathbf{x} \mathbf{A}", 4),
        (
            r"\mathbf{z} - \boldsymbol{\Lambda} \mathbf{z} = "
            r"(\mathbf{I} - \boldsymbol{\Lambda}) \mathbf{z}",
            17,
        ),
        (r"(\mathbf{w} \cdot \mathbf{x})^2 = \mathbf{w}^2 \mathbf{x}^2", 16),
    ],
)
def test_a_product_of_bold_names_is_ambiguous_without_a_transpose(tmp_path, row, column):
    # columns count from the line, "$$ " first (helpers.check_document_rows)
    (step,) = _steps(tmp_path, row)
    assert step["status"] == "unreadable", step
    assert "product of bold names" in step["reason"]
    assert step["column"] == column


@pytest.mark.parametrize(
    ("row", "status"),
    [
        (r"\mathbf{x} + \mathbf{y} = \mathbf{y} + \mathbf{x}", "verified"),
        (r"2 \mathbf{H} + a \mathbf{H} = (2 + a) \mathbf{H}", "verified"),
        (r"2 \mathbf{H} = 3 \mathbf{H}", "refuted"),
    ],
)
def test_a_bold_name_alone_stays_a_number(tmp_path, row, status):
    (step,) = _steps(tmp_path, row)
    assert step["status"] == status, step


def test_with_a_transpose_bold_names_are_vectors_and_matrices(tmp_path):
    steps = _steps(
        tmp_path, r"s = \mathbf{w}^T \mathbf{x}", r"\mathbf{A} \mathbf{x} = \mathbf{x} \mathbf{A}"
    )
    assert steps[-1]["status"] == "unreadable"
    assert "shapes" in steps[-1]["reason"]  # x A: a vector times a matrix
