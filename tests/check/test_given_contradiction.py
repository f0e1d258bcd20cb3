"""A given that no values satisfy is found by the difference of its sides; what is proved to
vary with one of its entries or symbols is never a number, whatever simplification does."""

import sympy as sp

from eqchain.check.declarations import _varies, given_contradiction

y = sp.IndexedBase("y")
k = sp.Symbol("k", integer=True)
x = sp.Symbol("x", positive=True)


def test_an_entry_with_a_number_for_slope_varies():
    assert _varies(y[2] - 1 + y[1])
    assert _varies(3 * y[1] + sp.log(y[2]))


def test_an_entry_beside_a_symbolic_entry_is_not_said_to_vary():
    # d/dy_1 of y_k is a Kronecker delta, d/dk is SymPy's nan: neither proves anything
    assert not _varies(y[k] - y[1])


def test_a_given_between_entries_contradicts_nothing():
    assert given_contradiction(y[2], 1 - y[1]) is None


def test_a_given_that_simplifies_to_a_nonzero_number_is_a_contradiction():
    b = sp.Symbol("b")
    assert given_contradiction(sp.sin(b) ** 2 + sp.cos(b) ** 2, 2) is not None
    assert given_contradiction(x + 1, 0) is not None
