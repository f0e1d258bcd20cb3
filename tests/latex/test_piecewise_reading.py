"""Piecewise definitions (issue 11): ``cases`` and ``\\left\\{ \\begin{array} ... \\right.`` with
rows ``value & condition`` read into ``sympy.Piecewise``; unreadable with reason and column
when a row is not one."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.errors import LatexError, UnsupportedLatex
from eqchain.latex.read import read_formula, read_rows

x, a, b, lam, z = sp.symbols("x a b lambda z")
F = sp.Function("F")


def rhs(text: str):
    formula = read_formula(text, functions=frozenset({"F", "phi"}))
    return formula.sides[-1]


def test_an_array_in_braces_with_if_rows():
    text = (
        r"F(x) = \left\{ \begin{array}{rl} 0 \; , & \text{if} \; x < 0 \\ 1 - \exp[-\lambda x]"
        r" \; , & \text{if} \; x \geq 0 \; . \end{array} \right."
    )
    assert rhs(text).args == ((0, x < 0), (1 - sp.exp(-lam * x), x >= 0))


def test_otherwise_is_the_last_rows_true():
    text = (
        r"F(x) = \left\{ \begin{array}{rl} \frac{1}{b-a} \; , & \text{if} \; a \leq x \leq b"
        r" \\ 0 \; , & \text{otherwise} \; . \end{array} \right."
    )
    value = rhs(text)
    assert [c for _, c in value.args] == [sp.And(a <= x, x <= b), True]
    assert value.subs({a: 0, b: 2, x: 1}) == sp.Rational(1, 2)
    assert value.subs({a: 0, b: 2, x: 3}) == 0


@pytest.mark.parametrize(
    "text",
    [
        r"y = \begin{cases} 1 & (z \ge 0 ) \\ 0 & (z \lt 0 ) \end{cases}",
        r"y = \begin{cases} 1 & \text{if } z \ge 0 \\ 0 & \text{else} \end{cases}",
        r"y = \begin{dcases} 1 & z \geq 0, \\ 0 & \text{otherwise}. \end{dcases}",
        r"y = \begin{cases} 1 \quad & (z \ge 0) \\ \\ 0 \quad & (z < 0) \end{cases}",
    ],
)
def test_cases_rows(text):
    value = rhs(text)
    assert isinstance(value, sp.Piecewise)
    assert value.subs(z, 1) == 1 and value.subs(z, -1) == 0


def test_no_otherwise_leaves_the_rest_undefined():
    value = rhs(r"y = \begin{cases} 1 & z > 0 \end{cases}")
    assert value.subs(z, 1) == 1 and value.subs(z, -1) is sp.nan


def test_a_piecewise_definition_in_an_aligned_row_keeps_its_ampersands():
    text = (
        r"\begin{aligned} y &= \begin{cases} 1 & z > 0 \\ 0 & z \le 0 \end{cases} \\"
        r" &= 2 \end{aligned}"
    )
    rows = read_rows(text)
    assert len(rows) == 2
    assert isinstance(rows[0][1].sides[1], sp.Piecewise)


@pytest.mark.parametrize(
    ("text", "message", "column"),
    [
        (r"y = \begin{cases} 1 & x > 0 & 2 \end{cases}", "one & only", 29),
        (r"y = \begin{cases} 1 \end{cases}", "value & condition", None),
        (r"y = \begin{cases} 1 & \text{otherwise} \\ 2 & x > 0 \end{cases}", "last row", 22),
        (r"y = \begin{cases} a = b & x > 0 \\ 0 & x \le 0 \end{cases}", "found an equation", None),
        (r"y = \begin{cases} 1 & x > 0 \text{ and } y > 0 \end{cases}", "prose", 29),
        (r"y = \begin{cases} 1 & x \in \mathbb{N} \end{cases}", "set after \\in", 29),
        (r"y = \begin{cases} 1 & \text{sometimes} \end{cases}", "prose 'sometimes'", 22),
    ],
)
def test_unreadable_rows_say_why_and_where(text, message, column):
    with pytest.raises(LatexError) as err:
        read_formula(text)
    assert message in err.value.message
    if column is not None:
        assert err.value.column == column


def test_an_array_that_is_no_piecewise_definition_stays_unsupported():
    with pytest.raises(UnsupportedLatex, match="array that is not a piecewise"):
        read_formula(r"y = \begin{array}{c} 1 \end{array}")


def test_a_cases_without_its_end_is_unreadable():
    with pytest.raises(LatexError, match="without its"):
        read_formula(r"y = \begin{cases} 1 & x > 0")


def test_where_two_rows_may_both_hold_with_different_values_nothing_is_defined():
    # SymPy's Piecewise would take the first row at x = 0: a value the author did not give
    value = rhs(r"y = \begin{cases} 1 & x \ge 0 \\ 2 & x \le 0 \end{cases}")
    assert value.subs(x, 1) == 1 and value.subs(x, -1) == 2
    assert value.subs(x, 0) is sp.nan


def test_an_overlap_the_reader_cannot_exclude_is_undefined_also_for_otherwise():
    # x < a and x > b overlap when b < a: there the definition says nothing
    text = r"y = \begin{cases} 0 & x < a \\ 1 & x > b \\ 2 & \text{otherwise} \end{cases}"
    value = rhs(text)
    assert value.subs({a: 1, b: 2, x: 0}) == 0 and value.subs({a: 1, b: 2, x: 3}) == 1
    assert value.subs({a: 1, b: 2, x: sp.Rational(3, 2)}) == 2
    assert value.subs({a: 2, b: 1, x: sp.Rational(3, 2)}) is sp.nan


@pytest.mark.parametrize(
    "text",
    [
        r"y = \begin{cases} x & x \ge 0 \\ 0 & x \le 0 \end{cases}",  # both 0 at x = 0
        r"y = \begin{cases} 1 & i = j \\ 0 & i \neq j \end{cases}",
        r"y = \begin{cases} 1 & (\phi(z) \ge 0.5) \\ 0 & (\phi(z) < 0.5) \end{cases}",
    ],
)
def test_rows_that_agree_where_both_hold_are_read(text):
    assert isinstance(rhs(text), sp.Piecewise)
