"""The softmax derivative with the Kronecker delta (issue 12): d y_i / d a_j = y_i (delta_ij - y_j)
for y the softmax of a declared family a. ``\\delta_{ij}`` with two indices, not declared as a
family, is the Kronecker delta (README, notation table). The sum over k of delta_jk e^{a_k} is
e^{a_j} only when j lies in the sum's range: the side condition, established by j's declared
range."""

from __future__ import annotations

from helpers import check_text, claims, run_eqchain

from eqchain.model import Verdict

SYMBOLS = """
title = "softmax"
[symbols]
K = "positive integer"
a = { index = "j", range = "1..K", assume = "real" }
y = { index = "i", range = "1..K", assume = "positive" }
"""

SOFTMAX = r"\frac{e^{a_i}}{\sum_{k=1}^{K} e^{a_k}}"
SOFTMAX_J = r"\frac{e^{a_j}}{\sum_{k=1}^{K} e^{a_k}}"
DERIVATIVE = rf"\frac{{\partial}}{{\partial a_j}} {SOFTMAX} = {SOFTMAX} "


def claim(tex: str) -> str:
    return f"\n[[steps]]\nclaim = '{tex}'\n"


def verdicts(tmp_path, symbols, *texts):
    return [r for r in claims(check_text(tmp_path, symbols + "".join(claim(t) for t in texts)))]


def test_the_softmax_derivative_is_verified(tmp_path):
    tex = DERIVATIVE + rf"\left(\delta_{{ij}} - {SOFTMAX_J}\right)"
    (result,) = verdicts(tmp_path, SYMBOLS, tex)
    assert result.verdict is Verdict.VERIFIED, result.reason


def test_a_wrong_sign_is_refuted(tmp_path):
    tex = DERIVATIVE + rf"\left(\delta_{{ij}} + {SOFTMAX_J}\right)"
    (result,) = verdicts(tmp_path, SYMBOLS, tex)
    assert result.verdict is Verdict.REFUTED


def test_a_missing_delta_is_refuted(tmp_path):
    # y_i (1 - y_j): true for i = j only
    tex = rf"\frac{{\partial}}{{\partial a_j}} {SOFTMAX} = {SOFTMAX} \left(1 - {SOFTMAX_J}\right)"
    (result,) = verdicts(tmp_path, SYMBOLS, tex)
    assert result.verdict is Verdict.REFUTED


def test_the_delta_picks_the_term_of_its_index(tmp_path):
    (result,) = verdicts(tmp_path, SYMBOLS, r"\sum_{k=1}^{K} \delta_{jk} a_k = a_j")
    assert result.verdict is Verdict.VERIFIED
    (wrong,) = verdicts(tmp_path, SYMBOLS, r"\sum_{k=1}^{K} \delta_{jk} a_k = a_1")
    assert wrong.verdict is Verdict.REFUTED


def test_an_index_outside_the_range_is_not_assumed_inside(tmp_path):
    # n runs over 0..K: the sum of delta_{nk} a_k over 1..K is not a_n at n = 0
    symbols = SYMBOLS + 'b = { index = "n", range = "0..K" }\n'
    results = check_text(tmp_path, symbols + claim(r"\sum_{k=1}^{K} \delta_{nk} a_k = a_n"))
    assert [r.verdict for r in results] != [Verdict.VERIFIED]
    # the softmax derivative by a_n: the same
    tex = (
        rf"\frac{{\partial}}{{\partial a_n}} {SOFTMAX} = {SOFTMAX} "
        rf"\left(\delta_{{in}} - \frac{{e^{{a_n}}}}{{\sum_{{k=1}}^{{K}} e^{{a_k}}}}\right)"
    )
    results = check_text(tmp_path, symbols + claim(tex))
    assert [r.verdict for r in results] != [Verdict.VERIFIED]


def test_a_declared_delta_family_is_a_family(tmp_path):
    symbols = SYMBOLS + 'delta = { index = ["p", "q"], range = ["1..K", "1..K"] }\n'
    (result,) = verdicts(tmp_path, symbols, r"\sum_{k=1}^{K} \delta_{jk} a_k = a_j")
    assert result.verdict is Verdict.REFUTED


def test_the_softmax_derivative_in_a_document(tmp_path):
    doc = tmp_path / "softmax.md"
    doc.write_text(
        "# Softmax\n\n"
        f"$$\n\\frac{{\\partial}}{{\\partial a_j}} {SOFTMAX} = {SOFTMAX} "
        f"\\left(\\delta_{{ij}} - {SOFTMAX_J}\\right)\n$$\n",
        encoding="utf-8",
    )
    ran = run_eqchain("check", "--format", "json", doc)
    import json

    (derivation,) = json.loads(ran.stdout)["derivations"]
    # a document's indices have no declared range: i and j in 1..K is the missing condition
    (step,) = derivation["steps"]
    assert step["status"] in ("verified", "unknown"), step
