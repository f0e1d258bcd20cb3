"""A condition about the terms of a sum names its bound index only with its range.

Found on a public simple-regression note (hkawabata): the slope
``\\frac{\\sum_k (x_k - \\bar x)(y_k - \\bar y)}{\\sum_k (x_k - \\bar x)^2}`` was reported as
"division needs - \\bar{x} + x_{k} > 0": k is bound in the sum, so outside it the condition
names nothing, and it is not what the division needs either (the sum of squares is nonzero
when one x_k differs from the mean; no x_k need exceed it). What is missing is the sum's
being nonzero, said as such."""

from __future__ import annotations

import sympy as sp

from eqchain.check import conditions as cond


def _holds(pred, expr):
    return cond.holds(pred, expr)


def test_a_sum_of_squares_is_missing_as_a_whole():
    k = sp.Symbol("k", integer=True)
    n = sp.Symbol("n", integer=True, positive=True)
    x = sp.IndexedBase("x", real=True)
    m = sp.Symbol("m", real=True)
    total = sp.Sum((x[k] - m) ** 2, (k, 1, n))
    pred, expr = cond.missing("nonzero", total)
    assert not expr.has(k) or expr.free_symbols.isdisjoint({k})
    assert "x_{k}" not in cond.describe(pred, expr) or "\\sum" in cond.describe(pred, expr)


def test_a_constant_term_is_still_named():
    # a term without the bound index: what is missing is the term's sign, as before
    k = sp.Symbol("k", integer=True)
    n = sp.Symbol("n", integer=True, positive=True)
    c = sp.Symbol("c", real=True)
    pred, expr = cond.missing("positive", sp.Sum(c, (k, 1, n)))
    assert (pred, expr) == ("positive", c)


def test_a_step_that_introduces_the_division_names_the_sum(tmp_path):
    from helpers import check_document_rows

    row = r"b = \frac{b \sum_{k=1}^{n} (x_k - m)^2}{\sum_{k=1}^{n} (x_k - m)^2}"
    (step,) = check_document_rows(tmp_path, row)
    assert step["status"] == "unknown"
    assert "x_{k} > 0" not in step["reason"], step["reason"]
    assert "\\sum_{k=1}^{n}" in step["reason"], step["reason"]


def test_a_condition_inside_a_sum_says_for_which_values(tmp_path):
    from helpers import check_document_rows

    row = r"\sum_{k=1}^{n} \log(a_k b_k) = \sum_{k=1}^{n} \log a_k + \sum_{k=1}^{n} \log b_k"
    (step,) = check_document_rows(tmp_path, row)
    assert step["status"] == "unknown"
    assert "a_{k} > 0 for 1 \\leq k \\leq n" in step["reason"], step["reason"]
    (step,) = check_document_rows(tmp_path, row, assume="a_k > 0, b_k > 0")
    assert step["status"] == "verified"
    wrong = row.replace(r"+ \sum_{k=1}^{n} \log b_k", r"- \sum_{k=1}^{n} \log b_k")
    (step,) = check_document_rows(tmp_path, wrong, assume="a_k > 0, b_k > 0")
    assert step["status"] == "refuted"
