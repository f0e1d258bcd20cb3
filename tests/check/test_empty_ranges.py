r"""A first term peeled off a sum (``\sum_{i=1}^{n} x_i = x_1 + \sum_{i=2}^{n} x_i``, the first
move of countless derivations) was refuted at n = 0, where x_1 is no term of the left side:
the author means a sum that has that term. A counterexample that makes a range the step writes
empty is looked for again with that range holding a term (refute.find_counterexample,
refute._nonempty): the step is refuted only when the two sides differ there too, else unknown
naming the length it needs (n - 1 >= 0); declared, the step is verified."""

from __future__ import annotations

import pytest
import sympy as sp
from helpers import check_document_rows

from eqchain.check.refute import find_counterexample


def rows(tmp_path, *written, assume=None):
    return [s for s in check_document_rows(tmp_path, *written, assume=assume) if s.get("line")]


@pytest.mark.parametrize(
    "row",
    [
        r"\sum_{i=1}^{n} x_i = x_1 + \sum_{i=2}^{n} x_i",
        r"\sum_{i=1}^{n} x_i = x_1 + x_2 + \sum_{i=3}^{n} x_i",
    ],
)
def test_a_peeled_first_term_is_never_refuted(tmp_path, row):
    (got,) = rows(tmp_path, row)
    assert got["status"] == "unknown", got
    assert "\\geq 0" in got["reason"], got["reason"]


@pytest.mark.parametrize(
    ("row", "assume"),
    [
        (r"\sum_{i=1}^{n} x_i = x_1 + \sum_{i=2}^{n} x_i", "n >= 1"),
        (r"\sum_{i=1}^{n} i = 1 + \sum_{i=2}^{n} i", "n >= 1"),
        # a range from 0 to a length n (n >= 0) always has its first term
        (r"\sum_{k=0}^{n} a_k = a_0 + \sum_{k=1}^{n} a_k", None),
    ],
)
def test_with_the_length_declared_the_peel_is_verified(tmp_path, row, assume):
    (got,) = rows(tmp_path, row, assume=assume)
    assert got["status"] == "verified", got


@pytest.mark.parametrize(
    "row",
    [
        # the wrong term peeled off: the sides differ wherever the ranges have terms
        r"\sum_{i=1}^{n} x_i = x_2 + \sum_{i=2}^{n} x_i",
        r"\sum_{i=1}^{n} i = 2 + \sum_{i=2}^{n} i",
        r"\sum_{i=1}^{n} x_i = x_1 + \sum_{i=1}^{n} x_i",
        # x_1 counted twice at n = 1, where every member written is a term (red team)
        r"\sum_{i=1}^{n} x_i = x_1 + x_n + \sum_{i=2}^{n-1} x_i",
    ],
)
def test_a_wrong_peel_is_refuted_where_every_range_has_a_term(tmp_path, row):
    (got,) = rows(tmp_path, row)
    assert got["status"] == "refuted", got
    values = dict(got["counterexample"]["values"])
    assert int(values["n"]) >= 1, values


def test_a_step_false_at_an_empty_range_writing_no_member_is_refuted(tmp_path):
    # no member outside its range: false at n = 0 as written (red team 36's identities)
    (got,) = rows(tmp_path, r"\sum_{i=1}^{n} i = 1 + \sum_{i=2}^{n} i")
    assert got["status"] == "refuted", got


def test_the_condition_is_reported_to_the_caller():
    n = sp.Symbol("n", integer=True, nonnegative=True)
    i = sp.Symbol("i", integer=True)
    empty: list = []
    x = sp.IndexedBase("x")
    left, right = sp.Sum(x[i], (i, 1, n)), x[1] + sp.Sum(x[i], (i, 2, n))
    assert find_counterexample(left, right, empty_only=empty) is None
    assert empty == [("nonnegative", n - 1)]
    # a false step: refuted, and nothing reported
    empty = []
    cex = find_counterexample(left, x[2] + sp.Sum(x[i], (i, 2, n)), empty_only=empty)
    assert cex is not None and empty == []
