r"""``\arg\max_x f = 3`` is the claim ``3 = \arg\max_x f`` read from the other side: decided by
the Lagrange solver's certificate, never a given. It was a given (x taken for a new name the
row states a value of), exit 0, and every later step ran out of time (red team s48)."""

from __future__ import annotations

import pytest
from helpers import check_document_rows


@pytest.mark.parametrize(
    ("row", "status"),
    [
        (r"\arg\max_{x} \left(-(x - 2)^2\right) = 2", "verified"),
        (r"\arg\max_{x} \left(-(x - 2)^2\right) = 3", "refuted"),
        (r"\arg\min_{x} \left((x - 2)^2\right) = 2", "verified"),
        (r"\arg\max_{x} \left((x - 2)^2\right) = 2", "refuted"),  # a minimum
        (r"\arg\max_{x} f(x) = 2", "unknown"),  # f defined nowhere
    ],
)
def test_an_arg_max_on_the_left_is_a_claim(tmp_path, row, status):
    (step,) = check_document_rows(tmp_path, row)
    assert step["status"] == status, step


def test_the_counterexample_keeps_the_rows_sides(tmp_path):
    (step,) = check_document_rows(tmp_path, r"\arg\max_{x} \left(-(x - 2)^2\right) = 3")
    assert step["counterexample"]["lhs"].startswith("2"), step
    assert step["counterexample"]["rhs"].startswith("3"), step


def test_later_steps_are_decided_after_it(tmp_path):
    steps = check_document_rows(tmp_path, r"\arg\max_{x} \left(-(x - 2)^2\right) = 2", "2 + 2 = 5")
    assert steps[-1]["status"] == "refuted", steps[-1]
