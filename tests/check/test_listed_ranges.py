"""A range a row states, ``i = 1, \\ldots, n``, lists its first value: n is a positive integer.

Found on StatProofBook's Gaussian and Poisson MLEs (``y_i \\sim \\mathcal{N}(\\mu, \\sigma^2),
\\quad i = 1, \\ldots, n``): dividing by n was unknown (``n \\neq 0``) although the text lists
y_1 to y_n."""

from __future__ import annotations

import pytest
from helpers import check_document_rows

STATED = r"y_i \sim \mathcal{N}(\mu, \sigma^2), \quad i = 1, \ldots, n"
DIVIDE = [r"\sum_{i=1}^{n} y_i = n \frac{1}{n} \sum_{i=1}^{n} y_i"]


def statuses(tmp_path, *rows, assume=None):
    return [s["status"] for s in check_document_rows(tmp_path, *rows, assume=assume)]


def test_the_listed_last_value_is_at_least_the_first(tmp_path):
    assert statuses(tmp_path, STATED, *DIVIDE)[-1] == "verified"
    # the last value one below a name: N - 1 >= 0, so N >= 1
    stated = r"y_i \sim \mathcal{N}(\mu, \sigma^2), \quad i = 0, \ldots, N - 1"
    got = statuses(tmp_path, stated, r"\sum_{i=0}^{N-1} y_i = N \frac{1}{N} \sum_{i=0}^{N-1} y_i")
    assert got[-1] == "verified"


def test_the_wrong_twin_is_refuted(tmp_path):
    got = statuses(tmp_path, STATED, DIVIDE[0].replace("= n", "= 2 n"))
    assert got[-1] == "refuted"


@pytest.mark.parametrize(
    "stated",
    [
        None,  # no range: n may be 0
        r"y_i \sim \mathcal{N}(\mu, \sigma^2), \quad i = 0, \ldots, n",  # n >= 0 only
        r"y_i \sim \mathcal{N}(\mu, \sigma^2), \quad i = -1, \ldots, n",  # n >= -1
    ],
)
def test_a_range_that_does_not_exclude_zero_leaves_the_condition_open(tmp_path, stated):
    rows = ([stated] if stated else []) + DIVIDE
    assert statuses(tmp_path, *rows)[-1] == "unknown"


def test_a_declaration_or_a_definition_of_the_name_wins(tmp_path):
    # declared: what the declaration says (here n may be 0)
    got = statuses(tmp_path, STATED, *DIVIDE, assume="n nonnegative integer")
    assert got[-1] == "unknown"
    # a row defines it: the definition says what it is (n = 0 makes the division fail)
    got = statuses(tmp_path, r"n = m - 1", STATED, *DIVIDE)
    assert got[-1] == "unknown"


def test_a_function_parameter_is_not_the_listed_name(tmp_path):
    # red team: f(n) = sin(pi n) took n's "positive integer", so f(1/2) = 0 was verified
    got = statuses(tmp_path, STATED, r"f(n) = \sin(\pi n)", r"f(\frac{1}{2}) = 0")
    assert got[-1] == "refuted"
    got = statuses(tmp_path, STATED, r"f(n) = \sin(\pi n)", r"f(\frac{1}{2}) = 1")
    assert got[-1] == "verified"
