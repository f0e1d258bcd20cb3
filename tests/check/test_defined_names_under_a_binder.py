r"""A defined name whose value mentions the variable of a sum or product around it means that
variable there, as in an integral or a limit (the README's reading of bound variables): after
``y = x^2``, ``\prod_{x=1}^{3} y`` is 1 * 4 * 9. The index is an integer symbol and the
defined x a real one, so the value was not captured: ``\prod_{x=1}^{3} y = y^3`` was verified
(prod_expand), ``\sum_{i=1}^{n} b = n a_i^2`` after ``b = a_i^2`` too (sum_const), and the
author's ``\sum_{i=1}^{n} b = \sum_{i=1}^{n} a_i^2`` refuted (red team s48)."""

from __future__ import annotations

import pytest
from helpers import check_document_rows


@pytest.mark.parametrize(
    ("definition", "step", "status"),
    [
        ("y = x^2", r"\prod_{x=1}^{3} y = y^3", "refuted"),
        ("y = x^2", r"\prod_{x=1}^{3} y = 36", "verified"),
        ("y = x^2", r"\sum_{x=1}^{3} y = 14", "verified"),
        ("p = e^{-x}", r"\sum_{x=1}^{2} p = 2 e^{-x}", "refuted"),
        ("p = e^{-x}", r"\sum_{x=1}^{2} p = e^{-1} + e^{-2}", "verified"),
        ("a = k^2", r"\sum_{k=1}^{2} a = 5", "verified"),
        ("b = a_i^2", r"\sum_{i=1}^{n} b = \sum_{i=1}^{n} a_i^2", "verified"),
        # (a free i outside the sum and a symbolic n: no point sampled, never verified)
        ("b = a_i^2", r"\sum_{i=1}^{n} b = n a_i^2", "not verified"),
        # a value that binds the index itself does not vary with it
        (r"c = \sum_{i=1}^{n} a_i", r"\sum_{i=1}^{n} c a_i = c^2", "verified"),
    ],
)
def test_a_defined_value_means_the_index_it_names(tmp_path, definition, step, status):
    steps = check_document_rows(tmp_path, definition, step)
    if status == "not verified":
        assert steps[-1]["status"] != "verified", steps[-1]
    else:
        assert steps[-1]["status"] == status, steps[-1]


def test_a_verified_row_with_the_name_does_not_carry_it_as_a_constant(tmp_path):
    # the verified row is stored with the value put in: no later rule takes b as constant in i
    steps = check_document_rows(
        tmp_path, "b = a_i^2", r"\sum_{i=1}^{n} b = \sum_{i=1}^{n} a_i^2", r"\sum_{i=1}^{n} b = n b"
    )
    assert steps[-1]["status"] != "verified", steps[-1]
