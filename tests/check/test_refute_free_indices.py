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
    cex = find_counterexample(left, right)
    assert cex is not None
    shown = dict(cex.values)
    assert 1 <= int(shown["i"]) <= int(shown["n"])


def test_a_free_index_bound_nowhere_is_not_sampled():
    # y_i beside sum_{k=1}^{3} y_k: no range for i, no counterexample from an invented i
    assert find_counterexample(y[i], sp.Sum(y[k], (k, 1, 3)) - y[i]) is None


def test_an_index_naming_only_its_own_members_is_sampled():
    # (sum_i y_i) x_{ij} = sum_i y_i x_{ij} with j nowhere else: j = 1 decides it for every j
    left = sp.Sum(y[i], (i, 1, n)) * x[i, j]
    right = sp.Sum(y[i] * x[i, j], (i, 1, n))
    assert find_counterexample(left, right) is not None
    # the valid step: the factor moved inside the sum, i bound there too
    moved = (sp.Sum(y[i], (i, 1, n)) * z[j], sp.Sum(y[i] * z[j], (i, 1, n)))
    assert find_counterexample(*moved) is None


def test_an_index_another_member_of_its_family_meets_is_not_sampled():
    # w_j beside sum_k w_k: j = k matters (a Kronecker delta), so no value of j is taken
    w = sp.IndexedBase("w", real=True)
    assert find_counterexample(w[j], sp.Sum(w[k], (k, 1, n))) is None
    # j as a bound too: the step holds for j >= 1 only, and no j is invented for it
    telescoped = sp.Sum(y[k], (k, 1, j)) - sp.Sum(y[k], (k, 1, j - 1))
    assert find_counterexample(telescoped, y[j]) is None
