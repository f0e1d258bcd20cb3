r"""A later link of a chain before ``\Rightarrow`` is a step of the derivation, not the
implication's premise, unless it sets what was derived to a number (``= 0``).

Found by a red-team helper (s52 rt1 defect 1): ``(a + b)^2 = (a + b)(a + b) = a^2 + b^2``, then a
row opening with ``\Rightarrow`` (or ``\therefore``, ``\implies``), made the false second link
"given: the premise of the implication that follows", and the run exited 0."""

from __future__ import annotations

import pytest
from helpers import check_document_rows


@pytest.mark.parametrize("arrow", [r"\Rightarrow", r"\therefore", r"\implies"])
def test_a_false_later_link_is_refuted(tmp_path, arrow):
    rows = (r"(a + b)^2 = (a + b)(a + b) = a^2 + b^2", arrow + r" (a + b)^2 - b^2 = a^2")
    got = [s["status"] for s in check_document_rows(tmp_path, *rows)]
    assert got[:2] == ["verified", "refuted"], got


def test_on_the_same_row(tmp_path):
    row = r"(a + b)^2 = (a + b)(a + b) = a^2 + b^2 \Rightarrow (a + b)^2 - b^2 = a^2"
    got = [s["status"] for s in check_document_rows(tmp_path, row)]
    assert "refuted" in got and "given" not in got, got


def test_a_later_link_set_to_zero_is_still_the_premise(tmp_path):
    rows = (
        r"\frac{d}{dp} (3 \log p + 2 \log (1 - p)) = \frac{3}{p} - \frac{2}{1 - p} = 0",
        r"\Rightarrow p = \frac{3}{5}",
    )
    got = [s["status"] for s in check_document_rows(tmp_path, *rows)]
    assert got == ["verified", "given", "verified"], got


def test_a_number_derived_then_set_equal_to_an_expression_is_checked(tmp_path):
    # a red team (s52 rt3): the false link 1 = x^2 was the premise (a number on one side)
    rows = (r"(x + 1)^2 - x^2 - 2x = 1 = x^2", r"\Rightarrow x^4 = 1")
    got = [s["status"] for s in check_document_rows(tmp_path, *rows)]
    assert got[:2] == ["verified", "refuted"], got
