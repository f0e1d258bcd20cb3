"""``\\max(0, z)`` and ``\\min(a, b)`` as LaTeX writes them (the ReLU, the hinge loss): the largest
(smallest) of the values listed, as ``max(0, z)`` spelled without the backslash; ``\\max_i`` stays
an optimisation. A step with them is proved by cases (rule ``max_min_cases``): each max and min
of real values written as its cases, every case shown to make the two sides equal, a case that
no real value reaches (z >= 0, z <= 0 and neither) skipped, one that holds at finitely many
values (z = 0) checked at each."""

from __future__ import annotations

import pytest
import sympy as sp
from helpers import check_document_rows

from eqchain.check.equivalence import _zero_by_cases
from eqchain.errors import UnsupportedLatex
from eqchain.latex.read import read_formula

z = sp.Symbol("z", real=True)


def test_max_and_min_with_a_backslash_are_read_as_without():
    assert read_formula(r"\max(0, z)").sides == read_formula("max(0, z)").sides
    (both,) = read_formula(r"\min(a, b, c) + \max(a, b)").sides
    assert both.atoms(sp.Min) and both.atoms(sp.Max)


def test_a_max_over_an_index_is_not_read_as_a_list():
    with pytest.raises(UnsupportedLatex):
        read_formula(r"\max_i x_i")


def status(tmp_path, row, assume=None):
    return check_document_rows(tmp_path, row, assume=assume)[-1]


@pytest.mark.parametrize(
    "row",
    [
        r"\max(0, z) = \frac{z + |z|}{2}",
        r"\max(0, z) + \min(0, z) = z",
        r"\max(0, z) \min(0, z) = 0",
    ],
)
def test_a_max_identity_is_verified_by_cases(tmp_path, row):
    got = status(tmp_path, row)
    assert got["status"] == "verified", got
    assert "max_min_cases" in got["rules"]


@pytest.mark.parametrize("row", [r"\max(0, z) = z", r"\max(0, z)^2 = z^2", r"\max(0, z) = |z|"])
def test_a_wrong_max_step_is_refuted_at_a_value(tmp_path, row):
    got = status(tmp_path, row)
    assert got["status"] == "refuted", got
    assert got["counterexample"] is not None


def test_a_max_of_complex_values_is_not_proved(tmp_path):
    # the cases are an order's: for a complex z there is none, so nothing is verified
    got = status(tmp_path, r"\max(0, z) = \frac{z + |z|}{2}", assume="z complex")
    assert got["status"] != "verified", got


def test_a_case_at_one_point_is_checked_there_and_an_empty_one_skipped():
    d = (sp.Max(0, z) - (z + sp.Abs(z)) / 2).rewrite(sp.Piecewise)
    # folded, one piece holds where z >= 0 and z <= 0 (z = 0 only), one where neither holds
    assert _zero_by_cases(d)
    assert not _zero_by_cases((sp.Max(0, z) - sp.Abs(z)).rewrite(sp.Piecewise))


def test_cases_are_not_taken_through_a_bound_variable_of_the_same_name():
    # red team 27: SymPy's piecewise_fold pulled |z| out of an integral over z and merged it
    # with the cases of max(0, z) outside: a false identity was proved max_min_cases
    from eqchain.check.equivalence import prove_equal

    f = sp.Function("f")
    inside = sp.Integral(f(sp.Abs(z)), (z, -1, 1))
    plain = sp.Integral(f(z), (z, -1, 1))
    assert prove_equal(sp.Max(0, z) * inside, sp.Max(0, z) * plain) is None
    assert prove_equal(sp.Max(0, z), (z + sp.Abs(z)) / 2) == "max_min_cases"
