r"""A sum of nonnegative terms over a range of nonnegative length is nonnegative, and a positive
term beside such sums makes the whole positive (check/positivity.py): the scalar ridge
regression solution ``w = \frac{\sum_i x_i y_i}{\sum_i x_i^2 + \lambda}`` stayed unknown for
"division needs \lambda + \sum_{i=1}^{n} x_i^2 \neq 0" with lambda > 0 (stop 37, en/repro/D4)."""

from __future__ import annotations

import sympy as sp
from helpers import check_document_rows

from eqchain.check import conditions as cond

x = sp.IndexedBase("x", real=True)
i = sp.Symbol("i", integer=True)
n = sp.Symbol("n", integer=True, positive=True)
m = sp.Symbol("m", integer=True)
lam = sp.Symbol("lambda", positive=True)
squares = sp.Sum(x[i] ** 2, (i, 1, n))


def test_a_sum_of_squares_is_nonnegative():
    assert cond.holds("nonnegative", squares)
    assert cond.holds("nonnegative", 3 * squares)


def test_a_positive_term_beside_it_makes_the_whole_positive():
    assert cond.holds("positive", lam + squares)
    assert cond.holds("nonzero", lam + squares)
    assert cond.holds("positive", 2 * lam + 2 * squares)


def test_a_sum_of_squares_alone_may_be_zero():
    assert not cond.holds("nonzero", squares)
    assert not cond.holds("positive", squares)


def test_a_range_of_unknown_length_proves_nothing():
    # for m < 0 SymPy's sum runs backwards, with the other sign
    assert not cond.holds("nonnegative", sp.Sum(x[i] ** 2, (i, 1, m)))
    assert not cond.holds("positive", lam + sp.Sum(x[i] ** 2, (i, 1, m)))


def test_terms_of_unknown_sign_prove_nothing():
    y = sp.IndexedBase("y", real=True)
    assert not cond.holds("nonnegative", sp.Sum(x[i] * y[i], (i, 1, n)))
    assert not cond.holds("nonzero", lam + sp.Sum(x[i] * y[i], (i, 1, n)))


STATIONARY = r"2 w \sum_{i=1}^{n} x_i^2 + 2 \lambda w - 2 \sum_{i=1}^{n} x_i y_i = 0"
SOLVED = r"w = \frac{\sum_{i=1}^{n} x_i y_i}{\sum_{i=1}^{n} x_i^2 + \lambda}"


def _statuses(tmp_path, *rows, assume):
    return [s["status"] for s in check_document_rows(tmp_path, *rows, assume=assume)]


def test_the_ridge_solution_is_verified(tmp_path):
    assert _statuses(tmp_path, STATIONARY, SOLVED, assume=r"\lambda > 0, n > 0")[-1] == "verified"


def test_a_wrong_ridge_solution_is_refuted(tmp_path):
    wrong = SOLVED.replace(r"+ \lambda", r"+ 2\lambda")
    assert _statuses(tmp_path, STATIONARY, wrong, assume=r"\lambda > 0, n > 0")[-1] == "refuted"


def test_without_lambda_positive_it_is_unknown_naming_the_denominator(tmp_path):
    steps = check_document_rows(tmp_path, STATIONARY, SOLVED, assume="n > 0")
    assert steps[-1]["status"] == "unknown"
    assert r"\lambda + \sum_{i=1}^{n} x_{i}^{2} \neq 0" in steps[-1]["reason"]
