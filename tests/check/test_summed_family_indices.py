"""A document's family summed over one range is indexed by it: ``z_i`` written beside
``\\sum_{k=1}^{K} e^{z_k}`` has i in 1..K, the side condition of ``sum_kronecker`` (the
derivative of the sum by z_i keeps its i-th term) that a derivation file establishes by the
family's declared range.

Found on the softmax derivatives of dl_demo and hkawabata's notes (issue 12):
``\\frac{\\partial a_j}{\\partial z_i} = a_i (1 - a_i), \\quad i = j`` was unknown, since nothing
said that i lies in the sum's range."""

from __future__ import annotations

import pytest
from helpers import check_document_rows

SOFTMAX = r"a_j = \frac{e^{z_j}}{\sum_{k=1}^{K} e^{z_k}}"
UNWRITTEN = r"a_j = \frac{e^{z_j}}{\sum_k e^{z_k}}"


def statuses(tmp_path, *rows):
    return [s["status"] for s in check_document_rows(tmp_path, *rows)]


@pytest.mark.parametrize("softmax", [SOFTMAX, UNWRITTEN])
@pytest.mark.parametrize(
    "row",
    [
        r"\frac{\partial a_j}{\partial z_i} = a_i (1 - a_i), \quad i = j",
        r"\frac{\partial a_j}{\partial z_i} = - a_i a_j, \quad i \neq j",
        r"\frac{\partial a_j}{\partial z_j} = a_j (1 - a_j)",
    ],
)
def test_the_softmax_derivative_is_verified(tmp_path, softmax, row):
    assert statuses(tmp_path, softmax, row)[-1] == "verified"


def test_the_derivative_of_the_sum_keeps_the_term_of_the_index(tmp_path):
    row = r"\frac{\partial}{\partial z_i} \sum_{k=1}^{K} e^{z_k} = e^{z_i}"
    assert statuses(tmp_path, SOFTMAX, row)[-1] == "verified"


@pytest.mark.parametrize(
    "row",
    [
        r"\frac{\partial a_j}{\partial z_i} = a_i a_j, \quad i \neq j",  # sign
        r"\frac{\partial a_j}{\partial z_i} = - a_i a_j",  # the case i = j left out
        r"\frac{\partial a_j}{\partial z_i} = a_i (1 - a_i)",  # the case i != j left out
        r"\frac{\partial a_j}{\partial z_i} = a_i (1 + a_i), \quad i = j",
        r"\frac{\partial a_j}{\partial z_i} = - a_i a_j, \quad i = j",
        r"\frac{\partial a_j}{\partial z_i} = a_j (1 - a_j) x_i, \quad i = j",  # a factor more
        r"\frac{\partial}{\partial z_i} \sum_{k=1}^{K} e^{z_k} = e^{z_j}",  # the wrong index
        r"\frac{\partial a_j}{\partial z_i} = a_j (\delta_{ij} - a_j)",  # a_j for a_i
    ],
)
def test_a_wrong_softmax_derivative_is_not_verified(tmp_path, row):
    assert statuses(tmp_path, SOFTMAX, row)[-1] != "verified"


@pytest.mark.parametrize(
    "other",
    [
        r"b = \sum_{k=2}^{K} z_k",  # summed over another range too: which is the family's?
        r"b = z_0 + 1",  # a member outside 1..K written: the family reaches beyond the sum
        r"b = z_{i+1}",  # an index expression
    ],
)
def test_without_one_range_the_index_is_not_placed(tmp_path, other):
    row = r"\frac{\partial}{\partial z_i} \sum_{k=1}^{K} e^{z_k} = e^{z_i}"
    assert statuses(tmp_path, SOFTMAX, other, row)[-1] == "unknown"


def test_a_bound_of_the_range_is_not_placed_in_it(tmp_path):
    # z_K with K the bound: K is the last index, but K = 0 leaves the range empty (refuted so)
    row = r"\frac{\partial}{\partial z_K} \sum_{k=1}^{K} e^{z_k} = e^{z_K}"
    assert statuses(tmp_path, SOFTMAX, row)[-1] != "verified"


@pytest.mark.parametrize(
    "condition",
    [
        r"i > K",  # the row says where i lies: outside the sum's range
        r"i = K + 1",
        r"i < 1",
    ],
)
def test_a_condition_on_the_index_replaces_the_reading(tmp_path, condition):
    derivative = r"\frac{\partial}{\partial z_i} \sum_{k=1}^{K} e^{z_k} = e^{z_i}"
    row = rf"{derivative}, \quad {condition}"
    assert statuses(tmp_path, SOFTMAX, row)[-1] != "verified"


def test_an_assumed_bound_on_the_index_replaces_the_reading(tmp_path):
    row = r"\frac{\partial}{\partial z_i} \sum_{k=1}^{K} e^{z_k} = e^{z_i}"
    got = [s["status"] for s in check_document_rows(tmp_path, SOFTMAX, row, assume="i > K")]
    assert got[-1] != "verified"


def test_an_index_written_as_a_value_is_not_placed(tmp_path):
    row = r"\frac{\partial}{\partial z_i} \sum_{k=1}^{K} e^{z_k} = e^{z_i}"
    assert statuses(tmp_path, SOFTMAX, r"b = i + K", row)[-1] == "unknown"


def test_the_delta_of_two_free_indices_is_the_kronecker_delta(tmp_path):
    # \delta_{ij} with i, j no sum's variables: still two indices, the Kronecker delta
    row = r"\frac{\partial a_j}{\partial z_i} = a_j (\delta_{ij} - a_i)"
    assert statuses(tmp_path, SOFTMAX, row)[-1] == "verified"
    row = r"\frac{\partial a_k}{\partial z_i} = a_k (\delta_{ki} - a_i)"
    assert statuses(tmp_path, SOFTMAX, row)[-1] == "verified"


@pytest.mark.parametrize(
    "row",
    [
        r"\frac{\partial a_j}{\partial z_i} = a_j (\delta_{ij} + a_i)",
        r"\frac{\partial a_j}{\partial z_i} = a_j \delta_{ij}",
        r"\frac{\partial a_j}{\partial z_i} = a_j (1 - a_i)",
        r"\frac{\partial a_j}{\partial z_i} = a_i (\delta_{ij} - a_i)",
    ],
)
def test_a_misplaced_delta_is_not_verified(tmp_path, row):
    assert statuses(tmp_path, SOFTMAX, row)[-1] != "verified"
