"""The converse of ``a = b \\iff c = d`` may not use the definition the premise itself made.

Found by a red-team helper: ``q = 0 <=> q(1-q) = 0`` (false: q = 1) was VERIFIED, and so was
``w = 1 \\Leftrightarrow w^2 = 1`` (false: w = -1): the premise, a new name and a value, was
read as defining q, and with that definition the way back held by definition."""

from __future__ import annotations

import pytest
from helpers import check_document_rows


@pytest.mark.parametrize(
    "row",
    [
        r"q = 0 <=> q(1-q) = 0",
        r"w = 1 \Leftrightarrow w^2 = 1",
        r"w = 1 \iff w^2 = 1",
    ],
)
def test_a_false_converse_is_not_verified(tmp_path, row):
    got = [s["status"] for s in check_document_rows(tmp_path, row)]
    assert "verified" not in got, got


def test_a_true_equivalence_is_not_refuted(tmp_path):
    got = [s["status"] for s in check_document_rows(tmp_path, r"w = 2 \iff w + 1 = 3")]
    assert "refuted" not in got, got
    assert got[-1] == "verified"


@pytest.mark.parametrize(
    "row",
    [
        r"\sigma >= 0 => \sqrt{\sigma^2} = \sigma",
        r"\sigma \geq 0 \Rightarrow \sqrt{\sigma^2} = \sigma",
    ],
)
def test_an_inequality_before_an_implication_is_its_premise(tmp_path, row):
    # it was checked as a claim and refuted at sigma = -1 (a red-team helper)
    steps = check_document_rows(tmp_path, row)
    assert [s["status"] for s in steps][0] == "given"
    assert "refuted" not in [s["status"] for s in steps]
