"""Refute before you simplify (issue 12, session 32).

A term whose denominator has a factor 0 at a point of its range (x! written x (x-1)! in
\\sum_{x=0}^{\\infty}: at x = 0 the denominator is 0 (-1)!) has no value by any convention, and a
factor 0 in its numerator does not rescue it (0/0), unlike 0 log 0 or 0 times 1/(-1)!: the step
is refuted where the other side has a value. The same step over the right range is not refuted,
and a denominator that is 0 only for some values of a symbol stays a side condition (unknown).

A series is summed by SymPy's hypergeometric method before its whole summation, whose attempt to
telescope the terms of x(x-1) lambda^x / x! took 13 s of CPU time: the refutation above comes
within the step's time limit."""

from __future__ import annotations

import json

import sympy as sp
from helpers import check_document_rows

from eqchain.check import conditions as cond
from eqchain.check.refute import undefined_side_counterexample, undefined_term
from eqchain.check.series import closed_form
from eqchain.latex.printer import latex

x = sp.Symbol("x", integer=True)
lam = sp.Symbol("lambda", real=True)

POISSON = r"\sum_{x=0}^{\infty} x \frac{\lambda^x e^{-\lambda}}{x!}"
# the factorial written x (x-1)! with x kept in the numerator too: at x = 0, 0 / (0 (-1)!)
SPLIT = r"x \frac{\lambda\lambda^{x-1} e^{-\lambda}}{x(x-1)!}"


def _zero_over_zero():
    denominator = sp.Mul(x, sp.factorial(x - 1), evaluate=False)
    term = sp.Mul(x, lam**x, sp.exp(-lam), sp.Pow(denominator, -1), evaluate=False)
    return sp.Sum(term, (x, 0, sp.oo))


def test_a_denominator_with_a_factor_zero_has_no_value_whatever_the_numerator():
    term = undefined_term(_zero_over_zero())
    assert term is not None and term.at == ((x, 0),) and term.what == "1/0", term


def test_zero_over_zero_is_no_value_either():
    # k (k+1) / k at k = 0: a reader who cancels k first means the range from 1 (until session
    # 32 the factor k of the numerator rescued the term, as 0 log 0 is rescued, and the step
    # \sum_{k=0}^{n} (k+1) = \sum_{k=0}^{n} k(k+1)/k was unknown naming k \neq 0)
    k, n = sp.Symbol("k", integer=True), sp.Symbol("n", integer=True, nonnegative=True)
    term = sp.Mul(k, k + 1, sp.Pow(k, -1, evaluate=False), evaluate=False)
    found = undefined_term(sp.Sum(term, (k, 0, n)))
    assert found is not None and found.what == "1/0" and found.at == ((k, 0),), found


def test_zero_times_one_over_a_negative_factorial_is_still_left_alone():
    # x lambda^{x-1} / (x-1)! at x = 0: 0 times 1/(-1)!, which reads 0 with 1/Gamma(0) = 0
    assert undefined_term(sp.Sum(x * lam ** (x - 1) / sp.factorial(x - 1), (x, 0, sp.oo))) is None
    k, n = sp.Symbol("k", integer=True), sp.Symbol("n", integer=True, nonnegative=True)
    assert undefined_term(sp.Sum(k * sp.log(k), (k, 0, n))) is None  # 0 log 0


def test_a_factor_zero_only_for_some_values_of_a_symbol_is_no_undefined_term():
    a = sp.Symbol("a", real=True)
    k, n = sp.Symbol("k", integer=True), sp.Symbol("n", integer=True, positive=True)
    term = sp.Mul(a, k, sp.Pow(sp.Mul(a, k, evaluate=False), -1), evaluate=False)
    assert undefined_term(sp.Sum(term, (k, 1, n))) is None


def test_the_counterexample_names_the_division_by_zero():
    defined = sp.Sum(x * lam**x * sp.exp(-lam) / sp.factorial(x), (x, 0, sp.oo))
    found = undefined_side_counterexample(defined, _zero_over_zero())
    assert found is not None
    cex, term = found
    assert cex.rhs.startswith("undefined") and "1/0" in cex.rhs and term.at == ((x, 0),), cex


def test_a_poisson_mean_with_x_factorial_split_at_x_zero_is_refuted(tmp_path):
    (step,) = check_document_rows(tmp_path, rf"{POISSON} = \sum_{{x=0}}^{{\infty}} {SPLIT}")
    assert step["status"] == "refuted", step
    assert "1/0" in step["reason"] and "x = 0" in step["reason"], step["reason"]
    assert step["counterexample"]["rhs"].startswith("undefined"), step


def test_the_same_split_over_the_right_range_is_not_refuted(tmp_path):
    (step,) = check_document_rows(tmp_path, rf"{POISSON} = \sum_{{x=1}}^{{\infty}} {SPLIT}")
    assert step["status"] != "refuted", step


def test_a_division_by_a_symbol_that_may_be_zero_stays_a_condition(tmp_path):
    # lambda^{x-2} at x = 1 is 1/lambda: a symbol's value decides it, not the range
    row = (
        r"\sum_{x=1}^{\infty} \frac{\lambda^x}{(x-1)!} = "
        r"\lambda^2 \sum_{x=1}^{\infty} \frac{\lambda^{x-2}}{(x-1)!}"
    )
    (step,) = check_document_rows(tmp_path, row)
    assert step["status"] == "unknown", step
    assert r"\lambda \neq 0" in step["reason"], step["reason"]


def test_a_second_moment_with_the_factorial_split_is_refuted_within_the_limit(tmp_path):
    # ja/shundeveloper-poisson-moments line 69: the x = 0 term becomes 0 / (0 (-1) (-2)!). The
    # convergence of the left side's series was summed by SymPy's whole summation first (13 s
    # each), and the step's limit ran out before the refuter looked
    left = (
        r"\sum_{x=0}^{\infty} x(x-1) \frac{\lambda^x e^{-\lambda}}{x!} + "
        r"\sum_{x=0}^{\infty} x \frac{\lambda^x e^{-\lambda}}{x!}"
    )
    right = (
        r"\sum_{x=0}^{\infty} x(x-1) \frac{\lambda^2\lambda^{x-2} e^{-\lambda}}{x(x-1)(x-2)!}"
        r" + \lambda"
    )
    (step,) = check_document_rows(tmp_path, f"{left} = {right}")
    assert step["status"] == "refuted", step
    assert "1/0" in json.dumps(step), step


def test_a_series_summed_by_the_hypergeometric_method_has_the_same_value():
    second = sp.Sum(x * (x - 1) * lam**x * sp.exp(-lam) / sp.factorial(x), (x, 0, sp.oo))
    assert sp.simplify(closed_form(second) - lam**2) == 0
    assert cond.holds("finite", second)
    # what the method leaves to a case split or infinity is still no closed form
    r = sp.Symbol("r", real=True)
    assert closed_form(sp.Sum(r**x, (x, 0, sp.oo))) is None
    assert not cond.holds("finite", sp.Sum(1 / x, (x, 1, sp.oo)))


def test_the_defined_side_is_shown_exactly_when_it_sums_to_a_rational():
    # the Poisson mean at lambda = 2 is 2, not 2.000... with 30 digits
    defined = sp.Sum(x * lam**x * sp.exp(-lam) / sp.factorial(x), (x, 0, sp.oo))
    cex, _ = undefined_side_counterexample(defined, _zero_over_zero())
    assert "." not in cex.lhs, cex
    assert cex.lhs == dict(cex.values)[latex(lam)], cex
