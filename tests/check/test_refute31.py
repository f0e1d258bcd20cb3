"""Refuting what the refuter left unknown (issue 12, session 31).

A side with a term that no values make defined (a factorial of a negative integer, a division
by zero, log 0 at the first index of its range) is refuted where the other side has a value:
the counterexample names the values, the defined side's value and the term that has none. The
step written with the right range is not refuted, nor one whose only such points break an
assumption (the range is empty there), nor one whose two sides both lack a value."""

from __future__ import annotations

import sympy as sp
from helpers import check_document_rows

from eqchain.check.refute import undefined_side_counterexample, undefined_term

x = sp.Symbol("x", integer=True)
k = sp.Symbol("k", integer=True)
lam = sp.Symbol("lambda", positive=True)
n = sp.Symbol("n", integer=True, nonnegative=True)


def test_a_factorial_of_a_negative_integer_at_the_first_index_has_no_value():
    term = undefined_term(sp.Sum(lam ** (x - 1) / sp.factorial(x - 1), (x, 0, sp.oo)))
    assert term is not None and term.at == ((x, 0),) and term.what == "(-1)!", term


def test_the_same_sum_from_its_right_first_index_has_a_value_everywhere():
    assert undefined_term(sp.Sum(lam ** (x - 1) / sp.factorial(x - 1), (x, 1, sp.oo))) is None


def test_a_factorial_of_a_fraction_is_gammas_value_not_undefined():
    # (-1/2)! = Gamma(1/2): only the negative integers have no factorial
    assert undefined_term(sp.Sum(1 / sp.factorial(k - sp.Rational(1, 2)), (k, 0, n))) is None


def test_a_division_by_zero_and_a_log_of_zero_at_the_first_index():
    div = undefined_term(sp.Sum(1 / k, (k, 0, n)))
    assert div is not None and div.what == "1/0" and div.conditions == (("nonnegative", n),)
    assert undefined_term(sp.Sum(sp.log(k), (k, 0, n))) is not None
    # a symbol's value decides it (lambda^{x-1} at x = 0 needs lambda nonzero): not undefined
    assert undefined_term(sp.Sum(sp.Symbol("a") ** (x - 1), (x, 0, sp.oo))) is None


def test_the_counterexample_gives_the_defined_sides_value_and_names_the_term():
    defined = sp.Sum(x * lam**x * sp.exp(-lam) / sp.factorial(x), (x, 0, sp.oo))
    undefined = sp.Sum(lam * lam ** (x - 1) * sp.exp(-lam) / sp.factorial(x - 1), (x, 0, sp.oo))
    cex, _ = undefined_side_counterexample(defined, undefined)
    ((name, value),) = cex.values
    assert name == r"\lambda" and abs(float(cex.lhs) - float(sp.Rational(value))) < 1e-20, cex
    assert cex.rhs.startswith("undefined") and "(-1)!" in cex.rhs, cex


def test_neither_side_defined_is_no_counterexample():
    a = sp.Sum(1 / sp.factorial(x - 1), (x, 0, sp.oo))
    assert undefined_side_counterexample(a, 2 * a) is None


def test_a_poisson_mean_step_with_the_sum_still_from_zero_is_refuted(tmp_path):
    row = r"\sum_{k=0}^{n} \frac{k}{k!} = \sum_{k=0}^{n} \frac{1}{(k-1)!}"
    (step,) = check_document_rows(tmp_path, row, assume="n nonnegative integer")
    assert step["status"] == "refuted", step
    ce = step["counterexample"]
    assert "n" in ce["values"] and ce["rhs"].startswith("undefined"), ce
    assert "(-1)!" in step["reason"] and "k = 0" in step["reason"], step["reason"]


def test_the_same_step_with_the_sum_from_one_is_not_refuted(tmp_path):
    row = r"\sum_{k=0}^{n} \frac{k}{k!} = \sum_{k=1}^{n} \frac{1}{(k-1)!}"
    (step,) = check_document_rows(tmp_path, row, assume="n nonnegative integer")
    assert step["status"] != "refuted", step


def test_no_point_of_the_assumptions_puts_the_term_in_its_range(tmp_path):
    # n < 0: both ranges are empty and both sides are 0; the term at k = 0 is never met
    row = r"\sum_{k=0}^{n} \frac{k}{k!} = \sum_{k=0}^{n} \frac{1}{(k-1)!}"
    (step,) = check_document_rows(tmp_path, row, assume="n negative integer")
    assert step["status"] != "refuted", step


def test_zero_times_a_term_with_no_value_is_left_alone():
    # 0 log 0 is 0 by the convention of entropies: k log k at k = 0 is not taken as undefined
    assert undefined_term(sp.Sum(k * sp.log(k), (k, 0, n))) is None
    # ... nor 0 times (-1)! (x \frac{\lambda^{x-1}}{(x-1)!} at x = 0)
    assert undefined_term(sp.Sum(x * lam ** (x - 1) / sp.factorial(x - 1), (x, 0, sp.oo))) is None


def test_no_refutation_when_the_other_side_has_a_value_only_by_zero_times_none():
    # ja/qnqn1927-binomial-moments line 122: x(x-1) cancelled against x(x-1)(x-2)! at x = 1
    # leaves (-1)! on the right; the left's x = 1 term is x(x-1) / (x(x-1)(x-2)!), 0 over a
    # denominator without a value: neither side has one there, so nothing is refuted
    a = sp.Symbol("a", positive=True)
    nn = sp.Symbol("n", integer=True, positive=True)
    left = sp.Sum(x * (x - 1) * a / (x * (x - 1) * sp.factorial(x - 2)), (x, 1, nn))
    right = sp.Sum(a / sp.factorial(x - 2), (x, 1, nn))
    assert undefined_term(right) is not None
    assert undefined_side_counterexample(left, right) is None


def test_no_refutation_when_the_other_side_has_a_value_only_by_the_binomials_convention():
    # ja/qnqn1927-binomial-moments line 128: (n-2)!/((n-x)!(x-2)!) written {}_{n-2}C_{x-2}; at
    # x = 1 the left has (-1)! and the right C(n-2, -1), 0 only by the convention that extends
    # the factorial quotient (1/(-1)! = 1/Gamma(0) = 0): no side has a value the other lacks
    nn = sp.Symbol("n", integer=True, positive=True)
    left = sp.Sum(sp.factorial(nn - 2) / (sp.factorial(nn - x) * sp.factorial(x - 2)), (x, 1, nn))
    right = sp.Sum(sp.binomial(nn - 2, x - 2, evaluate=False), (x, 1, nn))
    assert undefined_term(left) is not None
    assert undefined_side_counterexample(right, left) is None
    # a binomial within its range at that point does not stop the refutation
    inside = sp.Sum(sp.binomial(nn + 2, x + 2, evaluate=False), (x, 1, nn))
    assert undefined_side_counterexample(inside, left) is not None
