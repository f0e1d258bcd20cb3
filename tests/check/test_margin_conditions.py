"""A bound other than 0 (``N \\geq 2``) is a margin given ``N_{bound} = N - 2``; a side
condition on N holds when it holds once N is written through the margin (``N - 1 = N_{bound} +
1 > 0``): the given is an equation, so putting ``N = N_{bound} + 2`` in is exact."""

from __future__ import annotations

import tempfile
from pathlib import Path

from helpers import check_document_rows


def verdict(row: str, assume: str) -> dict:
    """The document's last step, a row checked as a claim (the margins are givens before it)."""
    with tempfile.TemporaryDirectory() as tmp:
        return check_document_rows(Path(tmp), row, assume=assume)[-1]


def test_a_divisor_n_minus_1_is_nonzero_when_n_is_at_least_2():
    step = verdict(r"a = \frac{(N - 1) a}{N - 1}", "N integer, N >= 2, a real")
    assert step["status"] == "verified", step


def test_a_divisor_n_minus_2_is_not_established_when_n_is_at_least_2():
    step = verdict(r"a = \frac{(N - 2) a}{N - 2}", "N integer, N >= 2, a real")
    assert step["status"] == "unknown", step
    assert "N" in step["reason"]


def test_a_divisor_n_minus_1_is_not_established_when_n_is_at_least_1():
    step = verdict(r"a = \frac{(N - 1) a}{N - 1}", "N integer, N >= 1, a real")
    assert step["status"] == "unknown", step


def test_a_wrong_factor_with_the_margin_is_refuted():
    step = verdict(r"a = \frac{(N - 2) a}{N - 1}", "N integer, N >= 2, a real")
    assert step["status"] == "refuted", step


def test_a_margin_on_another_name_establishes_nothing_about_n():
    step = verdict(r"a = \frac{(N - 1) a}{N - 1}", "N integer, M >= 2, a real")
    assert step["status"] == "unknown", step
