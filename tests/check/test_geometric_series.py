r"""A series SymPy sums by cases (the geometric series: ``\sum_{k=0}^{\infty} p^k =
\frac{1}{1 - p}`` where ``|p| < 1``, the series left as it is otherwise) is summed where the
first case's condition is established from the declarations and the margins of assumed bounds
(``0 < p < 1``, ``-1 < r < 1``): the rule ``series_sum`` (check/series.py ``settled``). Without
the condition the step is unknown, naming it; a wrong closed form is refuted. A series whose
convergence is so established is finite, so a link that writes it on its right side introduces
nothing (engine._converges_by_givens). Geometric-law posts (the mean of the number of trials
until a success) need all three."""

from __future__ import annotations

import pytest
import sympy as sp
from helpers import check_document_rows

from eqchain.check import series
from eqchain.densities import established, through_margins


def rows(tmp_path, row, assume):
    """The document's steps, without the assumptions' own givens (listed first)."""
    return [s for s in check_document_rows(tmp_path, row, assume=assume) if s.get("line")]


def one(tmp_path, row, assume):
    (got,) = rows(tmp_path, row, assume)
    return got


@pytest.mark.parametrize(
    ("row", "assume"),
    [
        (r"\sum_{k=0}^{\infty} p^k = \frac{1}{1-p}", "0 < p < 1"),
        (r"\sum_{k=1}^{\infty} k p^{k-1} = \frac{1}{(1-p)^2}", "0 < p < 1"),
        # SymPy's case is |p - 1| < 1: p - 1 < 1 through the margin m = 1 - p (1 + m > 0)
        (r"\sum_{k=1}^{\infty} k p (1-p)^{k-1} = \frac{1}{p}", "0 < p < 1"),
        # |r| < 1 for a real r: r < 1 and -r < 1, one margin each
        (r"\sum_{k=2}^{\infty} r^k = \frac{r^2}{1-r}", "-1 < r < 1"),
    ],
)
def test_a_series_is_summed_where_its_condition_is_assumed(tmp_path, row, assume):
    got = one(tmp_path, row, assume)
    assert got["status"] == "verified", got
    assert "series_sum" in got["rules"]


@pytest.mark.parametrize(
    ("row", "assume"),
    [
        (r"\sum_{k=0}^{\infty} p^k = \frac{1}{1+p}", "0 < p < 1"),
        (r"\sum_{k=1}^{\infty} k p (1-p)^{k-1} = \frac{2}{p}", "0 < p < 1"),
        (r"\sum_{k=0}^{\infty} r^k = \frac{r}{1-r}", "-1 < r < 1"),
    ],
)
def test_a_wrong_closed_form_is_refuted(tmp_path, row, assume):
    got = one(tmp_path, row, assume)
    assert got["status"] == "refuted", got
    assert got["counterexample"]


@pytest.mark.parametrize(
    ("row", "assume", "named"),
    [
        # p > 0 alone: the series diverges from p = 1 on
        (r"\sum_{k=0}^{\infty} p^k = \frac{1}{1-p}", "p > 0", "p < 1"),
        # a bound that is not the condition: 0 < p < 2 leaves 1 <= p < 2
        (r"\sum_{k=0}^{\infty} p^k = \frac{1}{1-p}", "0 < p < 2", "p < 1"),
        # one side of |r| < 1 only
        (r"\sum_{k=0}^{\infty} r^k = \frac{1}{1-r}", "r < 1", "1"),
    ],
)
def test_without_the_condition_the_step_is_unknown_naming_it(tmp_path, row, assume, named):
    got = one(tmp_path, row, assume)
    assert got["status"] == "unknown", got
    assert "series_sum needs" in got["reason"] and named in got["reason"], got["reason"]


def test_a_link_that_writes_a_convergent_series_introduces_nothing(tmp_path):
    # the mean of the geometric law, as posts write it: the constant p out of the series, then
    # the series summed
    row = (
        r"E = \sum_{k=1}^{\infty} k p (1-p)^{k-1} = p \sum_{k=1}^{\infty} k (1-p)^{k-1}"
        r" = p \cdot \frac{1}{(1-(1-p))^2} = \frac{1}{p}"
    )
    steps = rows(tmp_path, row, assume="0 < p < 1")
    assert [s["status"] for s in steps] == ["definition", "verified", "verified", "verified"]


def test_the_same_link_without_the_bound_names_the_series_convergence(tmp_path):
    row = r"E = \sum_{k=1}^{\infty} k p (1-p)^{k-1} = p \sum_{k=1}^{\infty} k (1-p)^{k-1}"
    steps = rows(tmp_path, row, assume="p > 0")
    assert steps[-1]["status"] == "unknown"
    assert "converges" in steps[-1]["reason"]


def test_a_condition_through_a_margin():
    p = sp.Symbol("p", positive=True)
    m = sp.Symbol("m", positive=True)
    givens = [(m, 1 - p)]
    assert through_margins(givens) == [{p: 1 - m}]
    assert established(sp.Lt(p - 1, 1), givens)  # 1 + m > 0
    assert established(sp.Lt(p, 1), givens)
    assert not established(sp.Lt(p, sp.Rational(1, 2)), givens)
    assert not established(sp.Gt(p, 1), givens)


def test_the_cases_are_taken_only_when_established():
    p = sp.Symbol("p", positive=True)
    k = sp.Symbol("k", integer=True, nonnegative=True)
    m = sp.Symbol("m", positive=True)
    total = sp.Sum(p**k, (k, 0, sp.oo))
    assert series.closed_form(total) is None  # p < 1 not established
    assert sp.simplify(series.closed_form(total, [(m, 1 - p)]) - 1 / (1 - p)) == 0
    assert series.settled(total + 1, [(m, 2 - p)]) == total + 1  # p < 2: not the condition
    assert series.unsettled(total, ()) == [sp.Lt(p, 1)]


def test_a_convergent_series_of_positive_terms_is_positive(tmp_path):
    # a new user's Poisson normalisation divided by \sum_n \lambda^n / n!: "needs \neq 0"
    row = (
        r"\sum_{x=0}^{\infty} \frac{\lambda^x}{x!} e^{-\lambda} = \frac{\sum_{x=0}^{\infty} "
        r"\frac{\lambda^x}{x!}}{\sum_{n=0}^{\infty} \frac{\lambda^n}{n!}} = 1"
    )
    got = rows(tmp_path, row, assume="lambda > 0")
    assert [s["status"] for s in got] == ["verified", "verified"], got
    assert not got[0]["domain"]


def test_a_series_that_may_diverge_or_vanish_is_not_positive():
    from eqchain.check import conditions as cond

    n = sp.Symbol("n", integer=True)
    lam = sp.Symbol("lambda", positive=True)
    assert cond.holds("nonzero", sp.Sum(lam**n / sp.factorial(n), (n, 0, sp.oo)))
    assert not cond.holds("nonzero", sp.Sum(1 / n, (n, 1, sp.oo)))  # diverges
    assert not cond.holds("nonzero", sp.Sum((-1) ** n * lam**n, (n, 0, sp.oo)))  # signs


def test_a_constant_out_of_a_limit_needs_the_limit_to_exist(tmp_path):
    # the exponential law's MGF: \lim e^{x(t - \lambda)} exists for t < \lambda only
    row = (
        r"M = \lim_{x\rightarrow \infty} \left[ \frac{\lambda}{t-\lambda} e^{x(t-\lambda)} \right]"
        r" - \frac{\lambda}{t-\lambda} = \frac{\lambda}{t-\lambda} \left[ \lim_{x\rightarrow "
        r"\infty} e^{x(t-\lambda)} -1 \right]"
    )
    (unbounded,) = [s for s in rows(tmp_path, row, "lambda > 0") if s["status"] != "definition"]
    assert unbounded["status"] == "unknown" and "limit needs" in unbounded["reason"]
    (bounded,) = [
        s for s in rows(tmp_path, row, "lambda > 0, t < lambda") if s["status"] != "definition"
    ]
    assert bounded["status"] == "verified" and "limit_const_mul" in bounded["rules"]
