"""The refuter samples a free index of a family that is not declared integer when its range is
known: declared (i = 1..K), or that of the sum the same name is the variable of (the i of
x_{ij} written outside \\sum_i). Without either it stays unsampled (no counterexample)."""

from __future__ import annotations

import sympy as sp

from eqchain.check.refute import find_counterexample

i = sp.Symbol("i", real=True)  # a document's default: real, not declared integer
j = sp.Symbol("j", real=True)
k = sp.Symbol("k", integer=True)
n = sp.Symbol("n", integer=True, positive=True)
y = sp.IndexedBase("y", real=True)
z = sp.IndexedBase("z", real=True)
x = sp.IndexedBase("x", real=True)


def softmax(index):
    return sp.exp(z[index]) / sp.Sum(sp.exp(z[k]), (k, 1, n))


def test_a_free_index_with_a_declared_range_is_sampled():
    # a_i sum_k y_k - y_i = a_i - y_i needs sum_k y_k = 1, which nothing states
    wrong = (softmax(i) * sp.Sum(y[k], (k, 1, n)) - y[i], softmax(i) - y[i])
    cex = find_counterexample(*wrong, ranges={i: [(1, n)]})
    assert cex is not None
    assert dict(cex.values)["i"] in {"1", "2", "3", "4", "5", "6"}


def test_a_true_step_with_a_free_ranged_index_is_not_refuted():
    left = softmax(i) * sp.Sum(y[k], (k, 1, n)) - y[i]
    right = softmax(i) * sp.Sum(y[k], (k, 1, n)) - y[i]
    for seed in range(3):
        assert find_counterexample(left, right, seed=seed, ranges={i: [(1, n)]}) is None


def test_the_given_that_makes_it_true_is_respected():
    wrong = (softmax(i) * sp.Sum(y[k], (k, 1, n)) - y[i], softmax(i) - y[i])
    kk = sp.Symbol("k", integer=True)
    total = (sp.Sum(y[kk], (kk, 1, n)), 1)
    assert find_counterexample(*wrong, [total], ranges={i: [(1, n)]}) is None


def test_an_index_written_outside_its_sum_takes_the_sums_range():
    # (sum_i y_i) x_{ij} = sum_i y_i x_{ij}: the i outside the sum ranges over 1..n
    ii = sp.Symbol("i", real=True)
    left = sp.Sum(y[ii], (ii, 1, n)) * x[ii, j]
    right = sp.Sum(y[ii] * x[ii, j], (ii, 1, n))
    # j is free and bound nowhere: it is no sampled index, so the step stays unrefuted
    assert find_counterexample(left, right) is None
    jj = sp.Symbol("j", integer=True)
    cex = find_counterexample(left.subs(j, jj), right.subs(j, jj))
    assert cex is not None
    shown = dict(cex.values)
    assert 1 <= int(shown["i"]) <= int(shown["n"])


def test_a_free_index_bound_nowhere_is_not_sampled():
    # y_i beside sum_{k=1}^{3} y_k: no range for i, no counterexample from an invented i
    assert find_counterexample(y[i], sp.Sum(y[k], (k, 1, 3)) - y[i]) is None
