r"""A row about a sum is no given when the values given before decide it.

Red-team: after ``n = 4``, the false ``\sum_{i=1}^{n} i = 11`` was taken as a given (SymPy left the
sum unevaluated, so the contradiction with n = 4 went unseen), and ``\sum_{i=1}^{n} 2i = 22`` was
then VERIFIED from it. With n = 4 put in, a sum with nothing left to name is carried out."""

from __future__ import annotations

from helpers import check_document_rows


def test_a_false_sum_after_a_given_value_is_refuted(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"\sum_{i=1}^{n} 1 = n",
        r"n = 4",
        r"\sum_{i=1}^{n} i = 11",
        r"\sum_{i=1}^{n} 2 i = 22",
    )
    got = [s["status"] for s in steps]
    assert got[2:] == ["refuted", "refuted"], got
    assert "verified" not in got[2:]


def test_a_true_one_is_verified(tmp_path):
    steps = check_document_rows(
        tmp_path, r"\sum_{i=1}^{n} 1 = n", r"n = 4", r"\sum_{i=1}^{n} i = 10"
    )
    assert steps[-1]["status"] == "verified", steps[-1]


def test_a_declared_value_too(tmp_path):
    steps = check_document_rows(tmp_path, r"\sum_{i=1}^{n} 2 i = 22", assume="n = 4")
    assert steps[-1]["status"] == "refuted", steps[-1]
    steps = check_document_rows(tmp_path, r"\prod_{k=1}^{K} k = 7", assume="K = 3")
    assert steps[-1]["status"] != "given", steps[-1]
