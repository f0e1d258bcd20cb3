"""One side of a chain that cannot be read costs only the links that touch it.

Found by a helper on a Japanese sigmoid post (pizi): ``(x^2 a)' = 2 a x = a (x + x) = ...``
with a prime on an expression (rightly unreadable: by which variable?) lost every link of the
row, eight steps of the derivation. The sides before it are read as a row of their own, the
rest as a continuation of the unreadable side (the link into it "not checked", the links
after it checked), as a row after an unreadable row is."""

from __future__ import annotations

from helpers import check_document_rows

BAD = r"(x^2 a)'"


def statuses(tmp_path, *rows):
    return [s["status"] for s in check_document_rows(tmp_path, *rows)]


def test_an_unreadable_first_side(tmp_path):
    got = statuses(tmp_path, BAD + r" = 2 a x = a (x + x) = 2 a x + 0")
    assert got == ["unreadable", "unknown", "verified", "verified"]


def test_an_unreadable_middle_side(tmp_path):
    got = statuses(tmp_path, r"2 a x = a (x + x) = " + BAD + r" = 2 a x + 0 = 2 x a")
    assert got == ["verified", "unreadable", "unknown", "verified"]


def test_a_wrong_link_after_it_is_refuted(tmp_path):
    got = statuses(tmp_path, BAD + r" = 2 a x = a (x + 2 x)")
    assert got == ["unreadable", "unknown", "refuted"]


def test_in_an_alignment(tmp_path):
    rows = r"\begin{aligned} " + BAD + r" &= 2 a x \\ &= a (x + x) \end{aligned}"
    assert statuses(tmp_path, rows) == ["unreadable", "unknown", "verified"]


def test_a_name_after_it_is_not_defined_by_the_rest(tmp_path):
    # (x^2 a)' = y = 2 a x: y is what the unreadable side is, never defined as 2 a x
    got = statuses(tmp_path, BAD + r" = y = 2 a x", r"y = 5")
    assert got[:2] == ["unreadable", "unknown"] and got[2] != "verified"
