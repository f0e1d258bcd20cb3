"""Sums that leave one index out, ``\\sum_{k \\neq i} f_k`` (read ``\\sum_k f_k (1 -
\\delta_{ki})``), joined with the left-out term: ``f_i + \\sum_{k \\neq i} f_k = \\sum_k f_k``
when i lies in the sum's range (the softmax cross-entropy gradient, dl_demo, issue 12).

And a range that a free index of the step lies in is not empty: ``i`` in ``1..K`` gives
``K \\geq 1``, so ``\\sum_{k=1}^{K} e^{z_k} \\neq 0``; no index in it, no such conclusion."""

from __future__ import annotations

import pytest
from helpers import check_document_rows

SOFTMAX = r"a_j = \frac{e^{z_j}}{\sum_{k} e^{z_k}}"
JOINED = r"Q = -y_i + y_i a_i + \sum_{k \neq i} y_k a_i"


def statuses(tmp_path, *rows, assume=None):
    return [s["status"] for s in check_document_rows(tmp_path, *rows, assume=assume)]


@pytest.mark.parametrize(
    "rows",
    [
        (JOINED, r"= a_i \sum_{k} y_k - y_i"),
        (r"Q = -y_i + y_i a_i + \sum_{k \neq i}^{K} y_k a_i", r"= a_i \sum_{k=1}^{K} y_k - y_i"),
        (r"Q = \sum_{k \neq i} y_k a_i", r"= a_i \sum_{k} y_k - a_i y_i"),
        (r"Q = \sum_{k \neq i} (y_k + x_k)", r"= \sum_{k} y_k + \sum_{k} x_k - y_i - x_i"),
    ],
)
def test_the_left_out_term_joins_the_sum(tmp_path, rows):
    assert statuses(tmp_path, *rows)[-1] == "verified"


@pytest.mark.parametrize(
    "right",
    [
        r"= a_i \sum_{k} y_k + y_i",  # sign
        r"= a_i \sum_{k} y_k",  # the left-out term forgotten
        r"= a_i \sum_{k} y_k - a_i y_i",  # the joined term's factor wrong
        r"= a_i \sum_{k} y_k - y_k",  # the summed index, free
        r"= \sum_{k} y_k - y_i",  # a_i dropped
    ],
)
def test_a_wrong_join_is_not_verified(tmp_path, right):
    assert statuses(tmp_path, JOINED, right)[-1] != "verified"


@pytest.mark.parametrize(
    "rows",
    [
        # i also written as a value: it may lie outside the sum's range
        (r"b = i + 1", JOINED, r"= a_i \sum_{k} y_k - y_i"),
        # the row says where i lies: outside the range
        (
            r"Q = -y_i + y_i a_i + \sum_{k \neq i}^{K} y_k a_i, \quad i > K",
            r"= a_i \sum_{k=1}^{K} y_k - y_i",
        ),
        # a sum over another range than the one left out of
        (r"Q = -y_i + y_i a_i + \sum_{k \neq i}^{K} y_k a_i", r"= a_i \sum_{k=2}^{K} y_k - y_i"),
    ],
)
def test_the_index_outside_the_range_is_not_joined(tmp_path, rows):
    assert statuses(tmp_path, *rows)[-1] != "verified"


def test_an_infinite_series_left_out_of_is_not_split(tmp_path):
    rows = (r"Q = \sum_{k \neq i}^{\infty} y_k", r"= \sum_{k=1}^{\infty} y_k - y_i")
    assert statuses(tmp_path, *rows)[-1] != "verified"


# -- a range a free index lies in is not empty ------------------------------------------------


def test_the_softmax_denominator_is_nonzero_where_an_index_lies_in_its_range(tmp_path):
    rows = (
        SOFTMAX,
        r"L = -y_i (1 - a_i) + \sum_{k \neq i} y_k a_i",
        r"= -y_i + y_i a_i + \sum_{k \neq i} y_k a_i",
    )
    got = check_document_rows(tmp_path, *rows)
    assert got[-1]["status"] == "verified"
    assert "n_" not in (got[-1].get("reason") or "")


def test_no_free_index_leaves_the_range_possibly_empty(tmp_path):
    # no index of the range free in the step: K may be 0, the sum 0, the quotient undefined
    rows = (r"c = 1", r"= \frac{\sum_{k=1}^{K} e^{z_k}}{\sum_{k=1}^{K} e^{z_k}}")
    assert statuses(tmp_path, *rows)[-1] == "unknown"
    # on the left, the quotient's condition is the step's domain, named
    rows = (r"c = \frac{\sum_{k=1}^{K} e^{z_k}}{\sum_{k=1}^{K} e^{z_k}}", r"= 1")
    assert check_document_rows(tmp_path, *rows)[-1]["domain"]


def test_an_index_outside_the_range_says_nothing_of_its_length(tmp_path):
    # i written as a value too: no range read for it, so K >= 1 is not concluded
    rows = (
        r"b = i + 1",
        r"c = z_i",
        r"= z_i \frac{\sum_{k=1}^{K} e^{z_k}}{\sum_{k=1}^{K} e^{z_k}}",
    )
    assert statuses(tmp_path, *rows)[-1] == "unknown"


def test_a_free_index_in_the_range_makes_it_nonempty(tmp_path):
    rows = (r"c = z_i", r"= z_i \frac{\sum_{k=1}^{K} e^{z_k}}{\sum_{k=1}^{K} e^{z_k}}")
    assert statuses(tmp_path, *rows)[-1] == "verified"


def test_a_range_starting_below_one_is_not_made_positive(tmp_path):
    # z_i with i in 0..K gives K >= 0 only: 1/K is not shown defined
    rows = (
        r"b = \sum_{k=0}^{K} z_k",
        r"c = z_i",
        r"= \frac{z_i K}{K}",
    )
    assert statuses(tmp_path, *rows)[-1] == "unknown"
