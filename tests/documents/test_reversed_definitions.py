"""A document's row whose right side is a new plain name alone (``\\sum_{i=1}^{n} p_i x_i =
M``) names its left side, as ``M = \\sum_{i=1}^{n} p_i x_i`` would: a definition, never a claim
about every M (the moment constraint of a maximum-entropy post was refuted at M = 2). Through
the command line."""

from __future__ import annotations

from helpers import check_document_rows


def test_a_new_name_alone_on_the_right_is_defined(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"\sum_{i=1}^{n} p_i = 1",
        r"\sum_{i=1}^{n} p_i x_i = M",
        r"M = \sum_{i=1}^{n} x_i p_i",
    )
    assert [s["status"] for s in steps] == ["given", "definition", "verified"]


def test_the_name_defined_so_is_used_later(tmp_path):
    steps = check_document_rows(tmp_path, "a + b = c", "c - b = a", "c - b = 2a")
    assert [s["status"] for s in steps] == ["definition", "verified", "refuted"]


def test_a_name_seen_before_on_the_right_is_a_claim(tmp_path):
    steps = check_document_rows(tmp_path, "c = 3", "1 + 1 = c")
    assert steps[-1]["status"] == "refuted"


def test_a_name_on_both_sides_is_no_definition(tmp_path):
    steps = check_document_rows(tmp_path, "M^2 - M = M")
    assert steps[-1]["status"] != "definition"
