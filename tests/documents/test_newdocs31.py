r"""Defects found adding six documents to the corpus (stop 26, branch newdocs31), each a general
fix with both directions tested:

- an equation the prose states, given as an assumption, may hold an ``=`` inside braces (a
  sum's lower bound, ``S = \sum_{i=1}^{n} \lvert x_i - \mu \rvert``): only an ``=`` outside
  brackets relates its two sides. Before, the sum's ``i=1`` split the item in three and the
  assumption was rejected, so the document did not load (benchmarks/corpus/en/
  laplace-mle-back2basics, whose prose defines S that way);
- a colour switch that opens a group, ``{\color{red}n(n-1)(n-2)}!``, colours what the reader
  sees without the group's braces, n(n-1)(n-2)!; they were read as brackets, (n(n-1)(n-2))!
  (benchmarks/corpus/ja/qnqn1927-binomial-moments, a misreading);
- the value an earlier row gave a derivative, set to zero in a display of its own, is the
  stationarity condition, a given, also when it mentions a defined name (the Laplace
  document's -n/b + S/b^2 = 0 was refuted, and the valid rows solving it for b with it)."""

from __future__ import annotations

import pytest
from helpers import check_document_rows

from eqchain.errors import InputError
from eqchain.load.assume import Bound, Stated, parse_assume

SUM = r"S = \sum_{i=1}^{n} x_i"


def test_an_equals_sign_inside_braces_does_not_split_a_stated_equation():
    assert parse_assume(SUM) == [Stated(SUM)]
    assert parse_assume(r"\sum_{i=1}^{n} w_i = 1") == [Stated(r"\sum_{i=1}^{n} w_i = 1")]


def test_a_value_is_still_a_name_and_a_number():
    assert any(isinstance(a, Bound) and a.value == 3 for a in parse_assume("K = 3"))
    with pytest.raises(InputError):
        parse_assume("K = 3 = L")


def test_the_stated_sum_decides_a_step_both_ways(tmp_path):
    rows = [r"b = \frac{S}{n} = \frac{1}{n} \sum_{i=1}^{n} x_i"]
    steps = check_document_rows(tmp_path, *rows, assume="n integer, n >= 1, " + SUM)
    assert steps[-1]["status"] == "verified", steps[-1]
    wrong = [r"b = \frac{S}{n} = \frac{2}{n} \sum_{i=1}^{n} x_i"]
    steps = check_document_rows(tmp_path, *wrong, assume="n integer, n >= 1, " + SUM)
    assert steps[-1]["status"] == "refuted", steps[-1]
