"""What a range means to the refuter and the checker (eqchain.check.ranges): the integers
between the bounds, none when the upper bound is below the lower one, inner bounds inside the
outer ones."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.check.ranges import empty_ranges, integer_range, put_free, write_out

k, j, n = sp.symbols("k j n", integer=True)
x = sp.Symbol("x", real=True)


def test_an_inner_bound_keeps_the_outer_variable_bound():
    nested = sp.Sum(j, (j, k, k + 1), (k, 1, 3))
    assert put_free(nested, {k: sp.Integer(5)}) == nested
    assert write_out(nested) == 15


def test_a_free_symbol_with_a_bound_variables_name_is_replaced_outside_only():
    expr = k + sp.Sum(k, (k, 1, n))
    assert put_free(expr, {k: sp.Integer(2), n: sp.Integer(3)}) == 2 + sp.Sum(k, (k, 1, 3))


@pytest.mark.parametrize(
    ("expr", "value"),
    [
        (sp.Sum(k, (k, 3, 1)), 0),  # Karr: -2
        (sp.Product(k, (k, 3, 1)), 1),  # Karr: 1/2
        (sp.Sum(1, (k, 1, sp.Rational(5, 2))), 2),  # SymPy: 5/2
        (sp.Sum(1, (k, sp.Rational(1, 2), 3)), 3),
        (sp.Sum(1, (j, k, 1), (k, 1, 3)), 1),  # Karr: 0
    ],
)
def test_ranges_are_written_out_the_readers_way(expr, value):
    assert write_out(expr) == value


def test_a_symbolic_bound_is_left_alone():
    assert write_out(sp.Sum(k, (k, 1, x))) == sp.Sum(k, (k, 1, x))


def test_a_long_range_sympy_would_misread_cannot_be_evaluated():
    with pytest.raises(ValueError):
        write_out(sp.Sum(k, (k, 1, sp.Rational(10001, 2))), max_terms=10)


def test_integer_range_and_empty_ranges():
    assert integer_range(sp.Rational(1, 2), sp.Rational(7, 2)) == (1, 3)
    assert integer_range(sp.Integer(3), sp.Integer(1)) == (3, 1)
    assert integer_range(sp.Integer(1), x) is None
    out, kinds = empty_ranges(x + sp.Sum(k, (k, 3, 1)) + sp.Sum(k, (k, 1, n)))
    # unevaluated elsewhere: the 0 stays a term until the checker evaluates the tree
    assert sp.Add(*out.args) == x + sp.Sum(k, (k, 1, n)) and kinds == {"sum"}
