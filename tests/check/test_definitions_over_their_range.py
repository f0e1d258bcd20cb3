"""A family defined over a range (``y_c = ..., \\quad c = 1, \\ldots, C``, read as the value where
1 <= c <= C) summed over that range holds its value at every term: the softmax summed over its
classes is 1 (it was unknown, "the definitions it uses need C >= c, c >= 1"). A range that leaves
it (from 0, to C + 1) keeps the condition. The range written without commas (``c = 1 \\cdots
C``, a notebook's softmax) is read as the range (it was unreadable)."""

from __future__ import annotations

import pytest
from helpers import check_document_rows

SOFTMAX = r"y_c = \frac{e^{z_c}}{\sum_{d=1}^C e^{z_d}}"


@pytest.mark.parametrize(
    "condition",
    [r", \quad c = 1, \ldots, C", r" \quad \text{for} \; c = 1 \cdots C", r", \quad c = 1 \dots C"],
)
def test_the_softmax_sums_to_one_over_its_range(tmp_path, condition):
    steps = check_document_rows(
        tmp_path,
        SOFTMAX + condition,
        r"\sum_{c=1}^{C} y_c = 1",
        r"\sum_{c=1}^{C} y_c = 2",
        r"\sum_{c=0}^{C} y_c = 1",
        r"\sum_{c=1}^{C+1} y_c = 1",
    )
    assert [s["status"] for s in steps] == [
        "definition",
        "verified",
        "refuted",
        "unknown",
        "unknown",
    ], steps


def test_an_inner_sum_rebinding_the_index_keeps_its_own_range(tmp_path):
    # red team s44 (third round): the outer range 1..C was applied inside \sum_{c=0}^{C}
    steps = check_document_rows(
        tmp_path,
        SOFTMAX + r", \quad c = 1, \ldots, C",
        r"\sum_{j=1}^{C} \left( y_j + \sum_{c=0}^{C} y_c \right)"
        r" = 1 + C \sum_{c=0}^{C} \frac{e^{z_c}}{\sum_{d=1}^{C} e^{z_d}}",
    )
    assert steps[1]["status"] != "verified", steps
