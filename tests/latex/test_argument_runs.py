"""Issue 11: a run ``a_1, \\ldots, a_n`` among a function's arguments (``P(X_1, \\ldots, X_n)``,
``P(X_1=x_1, \\ldots, X_n=x_n)``, ``L(\\pi_1,...,\\pi_p;x_1,...,x_n)``) is one argument, the
opaque ``Sequence(a, 1, n)`` of the family's members, never expanded into symbols; anything that
is not a clean run of one family stays unreadable at the ellipsis's column."""

from __future__ import annotations

import json

import pytest
import sympy as sp

from eqchain.errors import LatexError
from eqchain.latex import memo
from eqchain.latex.printer import EqchainLatexPrinter
from eqchain.latex.read import read_expression
from eqchain.operators import Event, Sequence

X, x, pi, a = (sp.IndexedBase(c) for c in ("X", "x", "pi", "a"))
n, d, p, k, m = sp.symbols("n d p k m")
P, L = sp.Function("P"), sp.Function("L")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"P(X_1,\ldots,X_n)", P(Sequence(X, 1, n))),
        (r"P(X_1, X_2, \ldots, X_n)", P(Sequence(X, 1, n))),
        (r"P(X_1, \dots, X_n)", P(Sequence(X, 1, n))),
        (r"P(X_1, ..., X_n)", P(Sequence(X, 1, n))),
        (r"P(X_1=x_1,\ldots,X_n=x_n)", P(Event(Sequence(X, 1, n), Sequence(x, 1, n)))),
        (r"f(y, a_1, \ldots, a_n)", sp.Function("f")(sp.Symbol("y"), Sequence(a, 1, n))),
    ],
)
def test_a_run_among_arguments_is_one_argument(text, expected):
    assert read_expression(text) == expected


def test_runs_keep_the_bars_and_semicolons_between_them():
    expr = read_expression(r"L(\pi_1,...,\pi_p;x_1,...,x_n)")
    assert expr.args == (Sequence(pi, 1, p), Sequence(x, 1, n))
    assert expr.func.separators == ((1, ";"),)
    expr = read_expression(r"P(X_1,\ldots,X_d | Y=y_k)")
    assert expr.args == (Sequence(X, 1, d), Event(sp.Symbol("Y"), sp.IndexedBase("y")[k]))
    assert expr.func.separators == ((1, "|"),)


def test_the_same_run_written_twice_is_the_same_value_and_a_bound_can_be_put_in():
    left = read_expression(r"P(X_1, \ldots, X_n)")
    assert left == read_expression(r"P(X_1,...,X_n)")
    assert left != read_expression(r"P(X_1, \ldots, X_m)")
    assert left != read_expression(r"P(X_2, \ldots, X_n)")
    assert left.subs(n, 3) == P(Sequence(X, 1, 3))
    assert not left.atoms(sp.Indexed)  # never expanded into members
    assert Sequence(X, 1, n).free_symbols >= {n}


@pytest.mark.parametrize(
    "text",
    [
        r"P(X_1,\ldots,X_n)",
        r"P(X_1=x_1,\ldots,X_n=x_n)",
        r"L(\pi_1,\ldots,\pi_p;x_1,\ldots,x_n)",
        r"P(X_1,\ldots,X_d | Y=y_k)",
    ],
)
def test_a_run_prints_back_as_written_and_is_stored_whole(text):
    expr = read_expression(text)
    printed = EqchainLatexPrinter().doprint(expr)
    assert "\\ldots" in printed
    assert read_expression(printed) == expr
    assert memo.decode(json.loads(json.dumps(memo.encode(expr)))) == expr


@pytest.mark.parametrize(
    ("text", "column"),
    [
        (r"f(a_1, \ldots, b_n)", 8),  # two families
        (r"f(a_1, a_3, \ldots, a_n)", 13),  # a member before it breaks the run
        (r"f(a_1, \ldots, a_2)", 8),  # it stands for no member
        (r"f(\ldots, a_n)", 3),  # nothing before it
        (r"f(a_k, \ldots, a_n)", 8),  # no first index to start from
        (r"f(x_{1j}, \ldots, x_{nj})", 11),  # a family with two indices
        (r"f(2 a_1, \ldots, 2 a_n)", 10),  # not members
        (r"P(X_1 = x_1, \ldots, X_n = x_m)", 14),  # the sides run over different indices
        (r"f(a_1, \ldots | a_n)", 8),  # a run never crosses a bar
        (r"\mathrm{erf}(a_1, \ldots, a_n)", 1),  # a function with a value
        (r"tanh(a_1, \ldots, a_n)", 1),
        (r"\mathcal{N}(x_1, \ldots, x_n; \mu, \sigma^2)", 1),  # a density's formula
        (r"{n \choose x_1, \ldots, x_m}", 4),  # the multinomial coefficient: not read
    ],
)
def test_what_is_not_a_clean_run_stays_unreadable(text, column):
    with pytest.raises(LatexError) as info:
        read_expression(text)
    assert info.value.column == column, info.value.message


def test_three_dots_are_the_ellipsis_in_a_sum_too():
    assert read_expression(r"x_1 + ... + x_n") == read_expression(r"x_1 + \cdots + x_n")


def test_a_run_depends_on_its_members_and_bounds_only():
    run = P(Sequence(X, 1, n))
    assert sp.diff(run, X[2]) != 0  # a member of the run: never 0
    assert sp.diff(run, n) != 0
    assert sp.diff(run, sp.Symbol("y")) == 0
