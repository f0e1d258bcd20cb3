"""A side that moves with a quantity the other side and the givens do not mention is never
proved equal to it: ``prove_equal`` does not try (SymPy's summation and simplify spent 30 s on
``\\mathbb{E}[K(K-1)] = \\sum_{k=1}^{n} k(k-1) \\binom{n}{k} p^k (1-p)^{n-k}``, then unknown
anyway: en/binomial-moments-datainquiry line 51). Only ever a proof attempt skipped."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.check.equivalence import _one_side_alone, prove_equal
from eqchain.operators import Expectation

K = sp.Symbol("K")
n = sp.Symbol("n", integer=True, positive=True)
k = sp.Symbol("k", integer=True)
p = sp.Symbol("p", positive=True)
SUM = sp.Sum(k * (k - 1) * sp.binomial(n, k) * p**k * (1 - p) ** (n - k), (k, 1, n))


def test_an_expectation_with_a_coefficient_is_alone():
    assert _one_side_alone(Expectation(K**2) - Expectation(K), SUM, [])
    assert _one_side_alone(Expectation(K * (K - 1)), SUM, [])
    assert prove_equal(Expectation(K**2) - Expectation(K), SUM) is None


@pytest.mark.slow  # among the slowest of the README's pytest (5 to 8 s): CI runs it
def test_not_alone_where_the_other_side_or_a_given_holds_it():
    e = Expectation(K**2)
    assert not _one_side_alone(e - Expectation(K), SUM + e - Expectation(K), [])
    given = [(Expectation(K), n), (e, n**2)]
    assert not _one_side_alone(e - Expectation(K), SUM, given)
    # cancelled: no coefficient
    f = sp.Function("f")
    assert not _one_side_alone(f(K) * 0 + SUM, SUM, [])
    # a quantity proved equal where it appears on both sides is still proved
    assert prove_equal(e + SUM, SUM + e) == "algebra"
