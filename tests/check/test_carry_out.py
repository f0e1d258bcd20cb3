"""``rewrite.carry_out``: a derivative carried out as SymPy's doit does, without asking SymPy to
sum what it cannot (a sum of a family's members over a symbolic range); the same tree."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.check import rewrite
from eqchain.check.rewrite import carry_out

K = sp.Symbol("K", integer=True, positive=True)
n = sp.Symbol("n", integer=True)
k = sp.Symbol("k", integer=True, positive=True)
j = sp.Symbol("j", integer=True, positive=True)
x, lam = sp.symbols("x lambda", real=True)
y = sp.IndexedBase("y", positive=True)
t = sp.IndexedBase("t", positive=True)

LAGRANGIAN = sp.Sum(t[k] * sp.log(y[k]), (k, 1, K)) - lam * (sp.Sum(y[k], (k, 1, K)) - 1)


@pytest.mark.parametrize(
    "derivative",
    [
        sp.Derivative(LAGRANGIAN, y[j]),
        sp.Derivative(LAGRANGIAN, (y[j], 2)),
        sp.Derivative(LAGRANGIAN, lam),
        sp.Derivative(sp.log(sp.Sum(sp.exp(y[k]), (k, 1, n))), y[j]),
        sp.Derivative(x**2 * sp.Sum(t[k] * y[k] ** 2, (k, 1, K)), x),
        sp.Derivative(sp.Mul(-1, sp.Sum(y[k], (k, 1, K)) + x, evaluate=False), x),
        # not taken: SymPy carries these out (a product's constant factors, a delta, a
        # concrete range, a shifted index, a variable outside an index)
        sp.Derivative(sp.log(sp.Product(2 * y[k], (k, 1, K))), y[j]),
        sp.Derivative(sp.Sum(sp.KroneckerDelta(k, j) * y[k], (k, 1, K)), y[j]),
        sp.Derivative(sp.Sum(t[k] * sp.log(y[k]), (k, 1, 6)), y[2]),
        sp.Derivative(sp.Sum(y[k + 1] - y[k], (k, 1, K)), y[j]),
        sp.Derivative(sp.Sum(k * y[k], (k, 1, K)), y[j]),
        sp.Derivative(sp.Sum(x**k, (k, 0, n)), x),
        sp.Derivative(sp.Integral(x * y[j], (x, 0, 1)) + sp.Sum(y[k], (k, 1, K)), y[j]),
    ],
    ids=str,
)
def test_the_same_tree_as_sympys_doit(derivative):
    carry_out.cache_clear()
    assert carry_out(derivative) == derivative.doit()


def test_only_a_sum_of_family_members_over_a_symbolic_range_is_kept_as_written():
    assert rewrite._family_sum(sp.Sum(t[k] * sp.log(y[k]), (k, 1, K)))
    assert not rewrite._family_sum(sp.Sum(t[k] * sp.log(y[k]), (k, 1, 6)))
    assert not rewrite._family_sum(sp.Sum(y[k + 1], (k, 1, K)))
    assert not rewrite._family_sum(sp.Sum(k * y[k], (k, 1, K)))
    assert not rewrite._family_sum(sp.Sum(x, (k, 1, K)))
    assert not rewrite._family_sum(sp.Sum(y[k], (k, K, K)))
    assert not rewrite._family_sum(sp.Sum(y[k], (k, 1, K), (j, 1, K)))


def test_a_sum_sympy_would_not_try_is_not_tried():
    calls = []
    real = sp.concrete.summations.eval_sum

    def spy(f, limits):
        calls.append(f)
        return real(f, limits)

    carry_out.cache_clear()
    sp.concrete.summations.eval_sum = spy
    try:
        carry_out(sp.Derivative(LAGRANGIAN, y[j]))
    finally:
        sp.concrete.summations.eval_sum = real
    assert calls == []
