"""What the reader puts in for a placeholder or a bound is put in as written: nothing it makes
cancels or evaluates (two identical piecewise integrals subtracted, 0/0 at an evaluation
bar's bound), so the checker sees the tree the author wrote."""

from __future__ import annotations

import sympy as sp
from helpers import check_document_rows

from eqchain.latex.read import read_formula

PIECES = r"\begin{cases} \frac{1}{t} & t < 1 \\ 0 & \text{otherwise} \end{cases}"


def test_two_identical_piecewise_integrals_subtracted_are_both_read():
    formula = read_formula(rf"x - 2 + \int_0^1 {PIECES} dt - \int_0^1 {PIECES} dt = 0")
    assert len(formula.sides[0].atoms(sp.Integral)) == 1  # the same integral, twice in the sum
    assert formula.sides[0].count(sp.Integral) == 2


def test_divergent_piecewise_integrals_that_would_cancel_are_not_verified(tmp_path):
    # 1/t on (0, 1) diverges: the right side has no value, so the step is not the identity
    steps = check_document_rows(
        tmp_path, rf"x - 2 = x - 2 + \int_0^1 {PIECES} dt - \int_0^1 {PIECES} dt"
    )
    assert steps[0]["status"] != "verified"


def test_convergent_piecewise_integrals_that_cancel_are_verified(tmp_path):
    pieces = r"\begin{cases} t & t < 1 \\ 0 & \text{otherwise} \end{cases}"
    steps = check_document_rows(
        tmp_path, rf"x - 2 = x - 2 + \int_0^2 {pieces} dt - \int_0^2 {pieces} dt"
    )
    assert steps[0]["status"] == "verified"


def test_an_evaluation_bar_puts_its_bounds_in_as_written():
    # [x/x]_0^1 is 1/1 - 0/0: the 0/0 is kept for the checker, not made nan
    formula = read_formula(r"\left[ \frac{x}{x} \right]_0^1 = 0")
    assert not formula.sides[0].has(sp.nan)


def test_a_sum_over_a_set_puts_its_members_in_as_written():
    formula = read_formula(r"\sum_{x \in \{0, 1\}} \frac{x}{x} = 2")
    assert not formula.sides[0].has(sp.nan)


def test_a_term_with_no_value_at_a_bar_is_not_verified(tmp_path):
    steps = check_document_rows(tmp_path, r"\left[ t + \frac{1}{t} - \frac{1}{t} \right]_0^1 = 1")
    assert steps[0]["status"] != "verified"
