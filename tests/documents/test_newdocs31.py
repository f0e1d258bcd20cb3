r"""Defects found adding six documents to the corpus (stop 26, branch newdocs31), each a general
fix with both directions tested:

- an equation the prose states, given as an assumption, may hold an ``=`` inside braces (a
  sum's lower bound, ``S = \sum_{i=1}^{n} \lvert x_i - \mu \rvert``): only an ``=`` outside
  brackets relates its two sides. Before, the sum's ``i=1`` split the item in three and the
  assumption was rejected, so the document did not load (benchmarks/corpus/en/
  laplace-mle-back2basics, whose prose defines S that way);
- a colour switch that opens a group, ``{\color{red}n(n-1)(n-2)}!``, colours what the reader
  sees without the group's braces, n(n-1)(n-2)!; they were read as brackets, (n(n-1)(n-2))!
  (benchmarks/corpus/ja/qnqn1927-binomial-moments, a misreading);
- the value an earlier row gave a derivative, set to zero in a display of its own, is the
  stationarity condition, a given, also when it mentions a defined name (the Laplace
  document's -n/b + S/b^2 = 0 was refuted, and the valid rows solving it for b with it)."""

from __future__ import annotations

import pytest
import sympy as sp
from helpers import check_document_rows

from eqchain.errors import InputError
from eqchain.latex.read import read_formula
from eqchain.load.assume import Bound, Stated, parse_assume

SUM = r"S = \sum_{i=1}^{n} x_i"


def test_an_equals_sign_inside_braces_does_not_split_a_stated_equation():
    assert parse_assume(SUM) == [Stated(SUM)]
    assert parse_assume(r"\sum_{i=1}^{n} w_i = 1") == [Stated(r"\sum_{i=1}^{n} w_i = 1")]


def test_a_value_is_still_a_name_and_a_number():
    assert any(isinstance(a, Bound) and a.value == 3 for a in parse_assume("K = 3"))
    with pytest.raises(InputError):
        parse_assume("K = 3 = L")


def test_the_stated_sum_decides_a_step_both_ways(tmp_path):
    rows = [r"b = \frac{S}{n} = \frac{1}{n} \sum_{i=1}^{n} x_i"]
    steps = check_document_rows(tmp_path, *rows, assume="n integer, n >= 1, " + SUM)
    assert steps[-1]["status"] == "verified", steps[-1]
    wrong = [r"b = \frac{S}{n} = \frac{2}{n} \sum_{i=1}^{n} x_i"]
    steps = check_document_rows(tmp_path, *wrong, assume="n integer, n >= 1, " + SUM)
    assert steps[-1]["status"] == "refuted", steps[-1]


# -- a colour switch opening a group: the group is the colour's scope, not brackets --------------
# benchmarks/corpus/ja/qnqn1927-binomial-moments writes n! as {\color{red}n(n-1)(n-2)}!, which
# typesets n(n-1)(n-2)! with the first part red; read as (n(n-1)(n-2))!, two valid rows were
# compared through the factorial of a product (a misreading: 1140/169 against 1.19e196).

n_, x_, y_, k_ = sp.symbols("n x y k")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"{\color{red}n(n-1)(n-2)}!", n_ * (n_ - 1) * sp.factorial(n_ - 2)),
        (r"\frac{ {\color{red}n(n-1)(n-2)}!}{k}", n_ * (n_ - 1) * sp.factorial(n_ - 2) / k_),
        (r"x {\color{red} y + 1}", x_ * y_ + 1),
        (r"{\color{red}x + 1}^2", x_ + 1**2),
    ],
)
def test_a_colour_switch_at_the_start_of_a_group_leaves_no_brackets(text, expected):
    (side,) = read_formula(text).sides
    assert sp.simplify(side - expected) == 0, side


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the group is a script's or a command's argument: its braces delimit that argument
        (r"q^{\color{red}n-1}", sp.Symbol("q") ** (n_ - 1)),
        (r"\frac{\color{red}n + 1}{k}", (n_ + 1) / k_),
        (r"\frac{k}{\color{red}n + 1}", k_ / (n_ + 1)),
        (r"\sqrt{\color{red}n + 1}", sp.sqrt(n_ + 1)),
    ],
)
def test_a_colour_switch_opening_an_argument_keeps_its_braces(text, expected):
    (side,) = read_formula(text).sides
    assert sp.simplify(side - expected) == 0, side


def test_the_coloured_factorial_step_is_verified_and_a_wrong_one_refuted(tmp_path):
    rows = [r"a = \frac{n!}{x!}", r"= \frac{ {\color{red}n(n-1)(n-2)}!}{x!}"]
    steps = check_document_rows(tmp_path, *rows, assume="n integer, n >= 2, x integer, x >= 0")
    assert steps[-1]["status"] == "verified", steps[-1]
    wrong = [r"a = \frac{n!}{x!}", r"= \frac{ {\color{red}n(n-2)}!}{x!}"]
    steps = check_document_rows(tmp_path, *wrong, assume="n integer, n >= 2, x integer, x >= 0")
    assert steps[-1]["status"] == "refuted", steps[-1]


def test_a_root_s_degree_makes_its_group_an_argument_and_a_bracket_does_not():
    (side,) = read_formula(r"\sqrt[3]{\color{red}n + 1}").sides
    assert sp.simplify(side - sp.root(n_ + 1, 3)) == 0, side
    (side,) = read_formula(r"[x] {\color{red} y + 1}").sides
    assert sp.simplify(side - (x_ * y_ + 1)) == 0, side


# -- a derivative's value set to zero in a display of its own ----------------------------------
# benchmarks/corpus/en/laplace-mle-back2basics: d ell/db = -n/b + S/b^2, then (its own display)
# -n/b + S/b^2 = 0, the stationarity condition. With S defined (S = sum |x_i - mu|, stated in
# the prose) the row mentions a defined name, so it was checked as a claim and refuted, and the
# rows solving it for b after it with it.

LAPLACE = [
    r"\ell = -n \log b - \frac{S}{b}",
    r"\frac{\partial \ell}{\partial b} = -\frac{n}{b} + \frac{S}{b^2}",
    r"-\frac{n}{b} + \frac{S}{b^2} = 0",
    r"-nb + S = 0",
    r"b = \frac{S}{n} = \frac{1}{n} \sum_{i=1}^{n} x_i",
]
STATED_S = "b > 0, n integer, n >= 1, " + SUM


def test_the_value_of_a_derivative_set_to_zero_is_a_given(tmp_path):
    steps = check_document_rows(tmp_path, *LAPLACE, assume=STATED_S)
    by_row = [s for s in steps if s["line"] is not None]
    assert by_row[2]["status"] == "given", by_row[2]
    assert "stationarity" in by_row[2]["reason"]
    assert [s["status"] for s in by_row[3:]] == ["verified"] * 3, by_row[3:]


def test_a_wrong_solution_of_it_is_still_refuted(tmp_path):
    rows = [*LAPLACE[:3], r"-nb + 2S = 0"]
    steps = check_document_rows(tmp_path, *rows, assume=STATED_S)
    assert steps[-1]["status"] == "refuted", steps[-1]


def test_an_expression_no_derivative_had_set_to_zero_stays_a_claim(tmp_path):
    rows = [LAPLACE[0], r"-\frac{n}{b} + \frac{S}{b^2} = 0"]
    steps = check_document_rows(tmp_path, *rows, assume=STATED_S)
    assert steps[-1]["status"] == "refuted", steps[-1]
