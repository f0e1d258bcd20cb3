"""Sums and products over concrete ranges written out by their rules before the breadth-first
search (``Search._written_out``): the same verdicts and rules, the valid case, the wrong case
and a case the written-out sides do not settle (the search goes on)."""

from __future__ import annotations

import sympy as sp
from helpers import check_text, claims

from eqchain.check.search import Search
from eqchain.model import Verdict

HEAD = """
[symbols]
x = { index = "k", range = "1..3", assume = "positive" }
a = "positive"
"""


def step(claim: str, extra: str = "") -> str:
    return HEAD + extra + f"[[steps]]\nclaim = '{claim}'\n"


def test_a_sum_and_a_product_of_numbers_written_out_are_verified_by_their_rules(tmp_path):
    result = claims(
        check_text(
            tmp_path, step(r"-\left(\prod_{k=1}^{3} (k + 1)\right) \sum_{k=1}^{3} k^2 = -336")
        )
    )[-1]
    assert result.verdict is Verdict.VERIFIED, result.reason
    assert {"prod_expand", "sum_expand"} <= set(result.rules)


def test_a_wrong_value_is_refuted(tmp_path):
    result = claims(
        check_text(tmp_path, step(r"\prod_{k=1}^{3} (k + 1) \sum_{k=1}^{3} k^2 = 335"))
    )[-1]
    assert result.verdict is Verdict.REFUTED, result.reason


def test_sides_that_still_differ_when_written_out_go_to_the_search(tmp_path):
    # written out, a (x_1 + x_2 + x_3) is not a x_1 + a x_2 + a x_3 as a tree: the search
    # (the distributive rule) decides it
    result = claims(check_text(tmp_path, step(r"a \sum_{k=1}^{3} x_k = a x_1 + a x_2 + a x_3")))[-1]
    assert result.verdict is Verdict.VERIFIED, result.reason


def test_written_out_only_where_a_range_is_concrete():
    k, n = sp.symbols("k n", integer=True, positive=True)
    search = Search()
    assert search._written_out(sp.Sum(k, (k, 1, n)), n * (n + 1) / 2) is None
    path = search._written_out(sp.Sum(k, (k, 1, 3)), sp.Integer(6))
    assert [m.rule for m in path] == ["sum_expand"]
    assert search._written_out(sp.Sum(k, (k, 1, 3)), sp.Integer(7)) is None


def test_no_derivative_is_written_out_past_the_searchs_guard():
    k = sp.Symbol("k", integer=True, positive=True)
    z = sp.IndexedBase("z")
    big_l = sp.Symbol("L")
    written = sp.Sum(sp.Derivative(big_l * z[k], z[k]), (k, 1, 2))
    term = sp.Derivative(big_l * z[1], z[1]) + sp.Derivative(big_l * z[2], z[2])
    # written out, the two would agree: left to the search, which guards such derivatives
    assert Search()._written_out(written, term) is None
