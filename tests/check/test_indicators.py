"""Indicators checked (README, notation table "Indicators"): valid steps verified, wrong ones
refuted with a counterexample, and a sum of an indicator of an index unknown without the
index's range (sum_kronecker's side condition)."""

from __future__ import annotations

from helpers import check_document_rows, check_text, claims

from eqchain.model import Verdict

SYMBOLS = """
title = "indicators"
[symbols]
K = "positive integer"
n = "integer"
a = { index = "j", range = "1..K", assume = "real" }
y = { index = "i", range = "1..K", assume = "positive" }
"""
SOFTMAX_I = r"\frac{e^{a_i}}{\sum_{k=1}^{K} e^{a_k}}"
SOFTMAX_J = r"\frac{e^{a_j}}{\sum_{k=1}^{K} e^{a_k}}"


def verdicts(tmp_path, *texts):
    body = "".join(f"\n[[steps]]\nclaim = '{t}'\n" for t in texts)
    return claims(check_text(tmp_path, SYMBOLS + body))


def test_the_softmax_derivative_with_an_indicator(tmp_path):
    lhs = rf"\frac{{\partial}}{{\partial a_j}} {SOFTMAX_I}"
    right = rf"{lhs} = {SOFTMAX_I} \left(\mathbb{{1}}\{{i = j\}} - {SOFTMAX_J}\right)"
    wrong = rf"{lhs} = {SOFTMAX_I} \left(\mathbb{{1}}\{{i = j\}} + {SOFTMAX_J}\right)"
    valid, refuted = verdicts(tmp_path, right, wrong)
    assert valid.verdict is Verdict.VERIFIED, valid.reason
    assert refuted.verdict is Verdict.REFUTED
    assert refuted.counterexample is not None


def test_an_indicator_of_an_index_picks_one_term(tmp_path):
    valid, wrong, unknown = verdicts(
        tmp_path,
        r"\sum_{k=1}^{K} \mathbb{1}[j = k] a_k = a_j",
        r"\sum_{k=1}^{K} \mathbb{1}[j = k] a_k = a_1",
        # n is an integer without a range: the term at n is in the sum only for 1 <= n <= K
        r"\sum_{k=1}^{K} \mathbb{1}[n = k] e^{a_k} = e^{a_n}",
    )
    assert valid.verdict is Verdict.VERIFIED, valid.reason
    assert "sum_kronecker" in valid.rules
    assert wrong.verdict is Verdict.REFUTED
    assert unknown.verdict is Verdict.UNKNOWN


def test_indicators_of_real_conditions_through_the_cli(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"\mathbb{1}[x > 0] + \mathbb{1}[x \le 0] = 1",
        r"\mathbb{1}\{x^2 > 1\} = \mathbb{1}\{x > 1\}",
        r"\frac{\partial z_j}{\partial z_i} = \mathbb{1}\{i = j\}",
        r"\frac{\partial z_j}{\partial z_i} = \mathbb{1}\{i \neq j\}",
    )
    assert [s["status"] for s in steps] == ["verified", "refuted", "verified", "refuted"], steps
    assert steps[1]["counterexample"]["values"]["x"].startswith("-")  # x < -1: 1 against 0


def test_an_indicator_is_shown_as_one(tmp_path):
    (step,) = check_document_rows(
        tmp_path, r"\mathbb{1}[x > 0] \cdot 2 = 2 \cdot \mathbb{1}[x > 0]"
    )
    assert step["status"] == "verified"
    assert "\\mathbf{1}\\{x > 0\\}" in step["lhs"] + step["rhs"]


def test_an_indicator_keeps_the_index_ranges_of_the_document(tmp_path):
    # red team s44 (second round): the letters of an indicator's i = j counted as values, and
    # the range of j (a's index, summed over 1..K) was no longer inferred: a true derivative
    # was refuted at j = 2 > K
    steps = check_document_rows(
        tmp_path,
        r"S = \sum_{k=1}^{K} a_k",
        r"\frac{\partial S}{\partial a_j} = 1",
        r"\sum_{k=1}^{K} \mathbb{1}[j = k] a_k = a_j",
        r"\sum_{k=1}^{K} \mathbb{1}[j = k] a_k = 2 a_j",
    )
    assert [s["status"] for s in steps] == ["definition", "verified", "verified", "refuted"]
    assert steps[2]["rules"] == ["sum_kronecker"], steps[2]


def test_the_softmax_gradient_with_an_indicator_in_a_document(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"\frac{\partial}{\partial z_i} \sum_{k=1}^{K} e^{z_k}"
        r" = \sum_{k=1}^{K} \mathbb{1}\{i = k\} e^{z_k} = e^{z_i}",
    )
    assert [s["status"] for s in steps] == ["verified", "verified"], steps


def test_indicators_squared_and_in_brackets(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"\mathbb{1}\{x > 0\}^2 = \mathbb{1}\{x > 0\}",  # printed back without a crash
        r"|x| = x (2\,\mathbb{1}\{x \ge 0\} - 1)",  # the bracket is no row condition
        r"\mathbf{1}(x > 0) = \mathbf{1}(x \ge 0)",  # they differ at the edge x = 0 only
    )
    assert [s["status"] for s in steps] == ["verified", "verified", "refuted"], steps
    assert steps[2]["counterexample"]["values"]["x"] == "0"


def test_a_vector_of_ones_is_no_indicator():
    from eqchain.errors import LatexError
    from eqchain.latex.read import read_expression

    try:
        read_expression(r"\mathbf{1}_n^T \mathbf{x}")
    except LatexError as err:
        assert "indicator" not in str(err)
