"""Givens with sign functions (the derivative of |x - m| set to zero, as in a Laplace or
least-absolute-deviations MLE): the refuter solves them for an unknown case by case, each sign
-1, 0 or 1, and tries the points between the breaks where a sum of signs is constant. SymPy's
solve has no algorithm for sign equations (it spent 20 s failing on the median below and found
no counterexample). Every root is kept only where the equation holds exactly."""

from __future__ import annotations

import sympy as sp
from helpers import check_document_rows

from eqchain.check.refute import _roots, find_counterexample

m = sp.Symbol("m", real=True)
x = sp.IndexedBase("x", real=True)
MEDIAN_GIVEN = [(sp.sign(x[1] - m) + sp.sign(x[2] - m) + sp.sign(x[3] - m), 0)]


def test_the_mean_is_refuted_as_the_solution_of_a_sum_of_signs():
    cex = find_counterexample(m, (x[1] + x[2] + x[3]) / 3, MEDIAN_GIVEN)
    assert cex is not None
    values = {name: sp.Rational(v) for name, v in cex.values}
    point = {m: values["m"], x[1]: values["x_{1}"], x[2]: values["x_{2}"], x[3]: values["x_{3}"]}
    given = MEDIAN_GIVEN[0][0].xreplace(point)
    assert given == 0  # the counterexample meets the given
    assert point[m] != (point[x[1]] + point[x[2]] + point[x[3]]) / 3


def test_a_value_the_sign_given_forces_is_not_refuted():
    assert find_counterexample(m, 2, [(sp.sign(m - 2), 0)]) is None


def test_roots_through_signs_case_by_case_and_between_breaks():
    assert _roots(m * sp.sign(m) - 2, m) == [-2, 2]
    assert _roots(3 * sp.sign(2 * m + 1), m) == [sp.Rational(-1, 2)]
    assert _roots(sp.sign(1 - m) + sp.sign(3 - m), m) == [2]
    (root,) = _roots(sp.sign(m - 2) - 1, m)
    assert root > 2
    p = sp.Symbol("p", positive=True)
    assert _roots(p * sp.sign(p - 5) + 3, p) == [3]  # -p = -3 below the break at 5
    assert _roots(sp.sign(m - 1) + 2, m) == []  # no case makes it 0


def test_a_mean_claimed_after_a_sum_of_signs_set_to_zero_is_refuted_through_the_cli(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"\sum_{i=1}^{3} \operatorname{sign}(x_i - m) = 0",
        r"m = \frac{1}{3} \sum_{i=1}^{3} x_i",
    )
    assert [s["status"] for s in steps] == ["given", "refuted"], steps
    assert steps[1]["counterexample"]
