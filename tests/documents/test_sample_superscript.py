"""``x^{(i)}``, the i-th sample in ML notation, is the family member ``x[i]`` when the
parenthesised superscript is one index letter; ``x_j^{(i)}`` is ``x[i, j]`` (the sample first).
``e^{(...)}`` stays a power of e, and ``x^{(2)}`` (a number: power or index?) stays unreadable."""

from __future__ import annotations

import pytest
from helpers import check_document_rows

from eqchain.errors import LatexError
from eqchain.latex.read import read_expression

_check = check_document_rows


def _statuses(tmp_path, *rows: str, assume: str | None = None) -> list[str]:
    return [s["status"] for s in _check(tmp_path, *rows, assume=assume)]


@pytest.mark.parametrize(
    ("sample", "indexed"),
    [
        (r"y^{(i)}", r"y_{i}"),
        (r"\boldsymbol{x}^{(i)}", r"\boldsymbol{x}_{i}"),
        (r"x_j^{(i)}", r"x_{i,j}"),
        (r"\hat{y}_j^{(i)}", r"\hat{y}_{i,j}"),
        (r"\sum_i y^{(i)}", r"\sum_i y_i"),
        (r"(z^{(i)})^2", r"(z_i)^2"),
    ],
)
def test_read_as_the_member(sample, indexed):
    assert read_expression(sample) == read_expression(indexed)


def test_e_with_a_bracket_stays_a_power():
    assert read_expression(r"e^{(a)}") == read_expression(r"e^{a}")


@pytest.mark.parametrize("text", [r"x^{(2)}", r"x^{(ij)}", r"(a + b)^{(i)}"])
def test_other_bracketed_superscripts_stay_unreadable(text):
    with pytest.raises(LatexError):
        read_expression(text)


def test_a_sum_over_the_samples(tmp_path):
    rows = (r"\sum_{i=1}^{n} (y^{(i)} + 1) = \sum_{i=1}^{n} y^{(i)} + n",)
    assert _statuses(tmp_path, *rows) == ["verified"]
    rows = (r"\sum_{i=1}^{n} (y^{(i)} + 1) = \sum_{i=1}^{n} y^{(i)} + 1",)
    assert _statuses(tmp_path, *rows) == ["refuted"]


def test_the_derivative_by_a_weight_of_a_sum_over_the_samples(tmp_path):
    lhs = r"\frac{\partial}{\partial w_j} \sum_{i=1}^{n} y^{(i)} w_j x_j^{(i)}"
    assert _statuses(tmp_path, lhs + r" = \sum_{i=1}^{n} y^{(i)} x_j^{(i)}") == ["verified"]
    # the refuter needs a concrete number of samples and one index (x[i, j] with j free and
    # \sum_{i=1}^{n} stay unknown: a limit of the refuter, not of the reading)
    lhs = r"\frac{\partial}{\partial w} \sum_{i=1}^{3} y^{(i)} w z^{(i)}"
    assert _statuses(tmp_path, lhs + r" = \sum_{i=1}^{3} y^{(i)} z^{(i)}") == ["verified"]
    assert _statuses(tmp_path, lhs + r" = \sum_{i=1}^{3} z^{(i)}") == ["refuted"]


def test_a_missing_condition_is_named(tmp_path):
    steps = _check(tmp_path, r"\log (y^{(i)} z^{(i)}) = \log y^{(i)} + \log z^{(i)}")
    assert [s["status"] for s in steps] == ["unknown"]
