"""Series and the ranges of sums: a series is a value where it converges, and what a term needs
(``x!``, ``\\lambda^x``, ``1/x``) holds at every point of its range or stays a condition.

Before, any sum to infinity was "defined nowhere" (its bound was read as a value that had to be
finite), and ``x!`` in ``\\sum_{x=0}^{\\infty}`` needed ``x \\geq 0`` as if x were free: every
step of a Poisson moment derivation ended unknown."""

from __future__ import annotations

import json

import pytest
import sympy as sp
from helpers import check_document_rows

from eqchain.check import conditions as cond
from eqchain.check.domain import needs

POISSON_TERM = r"x \frac{\lambda^x}{x!} e^{-\lambda}"


def _one(tmp_path, row: str, assume: str | None = None) -> dict:
    (step,) = check_document_rows(tmp_path, row, assume=assume)
    return step


@pytest.mark.parametrize(
    "row",
    [
        rf"\sum_{{x=0}}^{{\infty}} {POISSON_TERM} = e^{{-\lambda}} \sum_{{x=1}}^{{\infty}} x "
        r"\frac{\lambda^x}{x!}",
        r"\sum_{x=1}^{\infty} \frac{\lambda^x}{(x-1)!} = \lambda \sum_{x=1}^{\infty} "
        r"\frac{\lambda^{x-1}}{(x-1)!}",
        r"\sum_{x=0}^{\infty} \frac{\lambda^x}{x!} = e^{\lambda}",
        rf"\sum_{{x=0}}^{{\infty}} {POISSON_TERM} = \lambda",
        r"\sum_{k=1}^{n} \frac{a^k}{k!} = \sum_{k=1}^{n} \frac{a^{k}}{k \cdot (k-1)!}",
    ],
)
def test_valid_series_and_range_steps_are_verified(tmp_path, row):
    step = _one(tmp_path, row)
    assert step["status"] == "verified", step["reason"]


def test_a_wrong_series_step_is_refuted(tmp_path):
    step = _one(tmp_path, r"\sum_{x=0}^{\infty} \frac{\lambda^x}{x!} = e^{\lambda} + 1")
    assert step["status"] == "refuted"
    assert step["counterexample"]


def test_a_series_whose_first_term_has_no_value_is_refuted(tmp_path):
    # 1/(x-1)! at x = 0 is 1/(-1)!, which has no value, while the left side is e (README:
    # "Refuted means a real counterexample"; until stop 26 this step was unknown, naming what
    # the term needs)
    row = r"\sum_{x=0}^{\infty} \frac{x}{x!} = \sum_{x=0}^{\infty} \frac{1}{(x-1)!}"
    step = _one(tmp_path, row)
    assert step["status"] == "refuted", step
    assert "(-1)!" in json.dumps(step), step


@pytest.mark.parametrize(
    ("row", "named"),
    [
        # the geometric series converges only for |r| < 1: no closed form without a case
        (r"\sum_{x=0}^{\infty} r^x = \frac{1}{1-r}", None),
        # a divergent series is no value: nothing about it is verified
        (r"\sum_{n=1}^{\infty} \frac{1}{n} = \sum_{n=1}^{\infty} \frac{2}{2n}", "converges"),
        (r"\sum_{x=0}^{\infty} (-1)^x = \frac{1}{2}", None),
    ],
)
def test_a_series_not_shown_to_converge_is_unknown(tmp_path, row, named):
    step = _one(tmp_path, row)
    assert step["status"] == "unknown", step["reason"]
    if named:
        assert named in step["reason"]


def test_a_term_needs_its_condition_where_the_range_does_not_give_it():
    x = sp.Symbol("x", integer=True)
    n = sp.Symbol("n", integer=True, positive=True)
    # x from 0: 1/x at x = 0
    inside = needs(sp.Sum(1 / x, (x, 0, n)))
    assert any(need.pred == "nonzero" for need in inside)
    # x from 1: nothing
    assert not [need for need in needs(sp.Sum(1 / x, (x, 1, n))) if need.rule == "division"]
    # x from 0: x! needs nothing, (x - 1)! does
    assert not needs(sp.Sum(1 / sp.factorial(x), (x, 0, n)))
    assert any(need.rule == "factorial" for need in needs(sp.Sum(sp.factorial(x - 1), (x, 0, n))))
    # \lambda^x needs \lambda \neq 0 only where x may be negative
    lam = sp.Symbol("lambda", real=True)
    assert not needs(sp.Sum(lam**x, (x, 0, n)))
    assert any(need.pred == "nonzero" for need in needs(sp.Sum(lam**x, (x, -1, n))))


def test_convergence_is_established_only_by_a_finite_closed_form():
    x = sp.Symbol("x", integer=True)
    lam, r = sp.symbols("lambda r", real=True)
    assert cond.holds("finite", sp.Sum(lam**x / sp.factorial(x), (x, 0, sp.oo)))
    assert not cond.holds("finite", sp.Sum(r**x, (x, 0, sp.oo)))  # |r| < 1 not established
    assert not cond.holds("finite", sp.Sum(1 / x, (x, 1, sp.oo)))  # diverges
    assert not cond.holds("finite", sp.Sum((-1) ** x, (x, 0, sp.oo)))  # no sum
    assert not cond.holds("finite", sp.Product(1 + 1 / x**2, (x, 1, sp.oo)))  # products: never
    assert "converges" in cond.describe("finite", sp.Sum(r**x, (x, 0, sp.oo)))


MGF = r"\sum_{k=0}^{\infty} \frac{e^{-\lambda} \lambda^k}{k!} e^{tk}"


def test_a_moment_generating_function_is_summed_with_its_powers_gathered(tmp_path):
    # SymPy sums (\lambda e^t)^k / k! but not e^{-\lambda} \lambda^k e^{tk} / k! as written
    step = _one(tmp_path, MGF + r" = e^{\lambda(e^t - 1)}")
    assert step["status"] == "verified", step["reason"]


def test_a_wrong_moment_generating_function_is_refuted_at_once(tmp_path):
    # the refuter sums the series in closed form: SymPy's numeric summation took a minute
    step = _one(tmp_path, MGF + r" = e^{\lambda(e^t + 1)}")
    assert step["status"] == "refuted", step["reason"]


def test_gathering_powers_needs_an_integer_index():
    from eqchain.check.series import closed_form

    k = sp.Symbol("k", integer=True)
    lam, t = sp.symbols("lambda t", real=True)
    term = sp.exp(-lam) * lam**k * sp.exp(t * k) / sp.factorial(k)
    assert (
        sp.simplify(closed_form(sp.Sum(term, (k, 0, sp.oo))) - sp.exp(lam * (sp.exp(t) - 1))) == 0
    )
    x = sp.Symbol("x")  # not an integer: no closed form is claimed
    assert closed_form(sp.Sum(term.xreplace({k: x}), (x, 0, sp.oo))) is None


def test_a_wrong_series_with_a_parameter_is_refuted_where_it_converges(tmp_path):
    # the refuter's domain check took a series at a point for infinite (its bound): no point
    row = r"\sum_{x=0}^{\infty} x a^x = \frac{a(1+a)}{(1-a)^3}"
    step = _one(tmp_path, row)
    assert step["status"] == "refuted", step["reason"]
    steps = check_document_rows(tmp_path, row, assume="0 < a < 1")
    step = steps[-1]  # after the given the loader makes for a < 1
    assert step["status"] == "refuted", step["reason"]
    # the margin the loader makes for a < 1 (a_{bound} = 1 - a) is no name of the document
    assert list(step["counterexample"]["values"]) == ["a"]


def test_no_closed_form_is_claimed_over_bounds_that_are_not_integers():
    from eqchain.check.series import closed_form

    k = sp.Symbol("k", integer=True)
    x = sp.Symbol("x", real=True)
    assert closed_form(sp.Sum(k, (k, 1, x))) is None  # x real: the integers up to x
    assert closed_form(sp.Sum(k, (k, 1, sp.Rational(5, 2)))) is None
    assert closed_form(sp.Sum(k, (k, 1, 3))) == 6
