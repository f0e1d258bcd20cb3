"""A sum's upper bound one off a name, ``\\sum_{n=0}^{N-1}``, says what ``\\sum_{k=1}^{K}`` says
of K: N counts the terms, an integer, and the range is at most empty (N - 1 >= 0 - 1, so N >= 0).

Found on WAT36's cross-entropy gradient (issue 12): every step over ``\\sum_{n=0}^{N-1}`` was
unknown, ``sum range needs N - 1 \\in \\mathbb{Z}``."""

from __future__ import annotations

import pytest
from helpers import check_document_rows


def statuses(tmp_path, *rows, assume=None):
    return [s["status"] for s in check_document_rows(tmp_path, *rows, assume=assume)]


def test_a_constant_factor_comes_out_of_a_sum_to_n_minus_one(tmp_path):
    row = r"S = \frac{1}{N} \sum_{n=0}^{N-1} 2 x_n = \frac{2}{N} \sum_{n=0}^{N-1} x_n"
    assert statuses(tmp_path, row)[-1] == "verified"


def test_the_wrong_factor_is_refuted(tmp_path):
    row = r"S = \frac{1}{N} \sum_{n=0}^{N-1} 2 x_n = \frac{3}{N} \sum_{n=0}^{N-1} x_n"
    assert statuses(tmp_path, row)[-1] == "refuted"


def test_the_number_of_terms_is_n(tmp_path):
    assert statuses(tmp_path, r"\sum_{n=0}^{N-1} 1 = N")[-1] == "verified"
    assert statuses(tmp_path, r"\sum_{n=0}^{N-1} 1 = N - 1")[-1] == "refuted"
    # from 1 to N - 1 the range is at most empty at N = 1: N - 1 terms, N >= 1
    assert statuses(tmp_path, r"\sum_{n=1}^{N-1} 1 = N - 1")[-1] == "verified"
    assert statuses(tmp_path, r"\sum_{n=1}^{N-1} 1 = N")[-1] == "refuted"


def test_n_is_not_assumed_positive(tmp_path):
    # N >= 0 only: N = 0 is allowed, so dividing by N stays open
    row = r"\sum_{n=0}^{N-1} x_n = N \frac{1}{N} \sum_{n=0}^{N-1} x_n"
    assert statuses(tmp_path, row)[-1] == "unknown"


@pytest.mark.parametrize(
    "bound",
    [
        r"N + \frac{1}{2}",  # not a whole-number shift: nothing is said of N
        r"2 N",  # not a shift
    ],
)
def test_other_bounds_say_nothing(tmp_path, bound):
    row = rf"\sum_{{n=0}}^{{{bound}}} 1 = \sum_{{n=0}}^{{{bound}}} 1 + 0 \cdot N"
    got = statuses(tmp_path, row)
    assert got[-1] != "refuted"
    assert statuses(tmp_path, rf"\sum_{{n=0}}^{{{bound}}} 1 = N")[-1] != "verified"


def test_a_declaration_of_the_name_wins(tmp_path):
    # declared real: the bound need not be an integer, the condition stays open
    row = r"S = \frac{1}{N} \sum_{n=0}^{N-1} 2 x_n = \frac{2}{N} \sum_{n=0}^{N-1} x_n"
    assert statuses(tmp_path, row, assume="N real")[-1] == "unknown"
