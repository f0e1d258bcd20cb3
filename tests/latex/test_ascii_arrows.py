"""``=>`` and ``<=>`` typed in a formula are the arrows ``\\Rightarrow`` and ``\\Leftrightarrow``.

Found by a helper on a public logistic-regression post: every row ``=> 1 &= 0.5 +
0.5e^{-z}`` was "empty side in an equation" (20 rows lost)."""

from __future__ import annotations

from helpers import check_document_rows

from eqchain.latex.read import read_formula


def test_the_arrows_are_relations():
    assert read_formula(r"a = b => c = d").relations[2] == "implies"
    assert read_formula(r"a = b <=> c = d").relations[2] == "iff"
    assert read_formula(r"a <= b").relations[1] == "<="
    assert read_formula(r"a >= b").relations[1] == ">="


def test_a_row_starting_with_an_arrow_follows_from_the_one_before(tmp_path):
    rows = r"\begin{aligned} 0.5 &= \frac{1}{1 + e^{-z}} \\ => 1 &= 0.5 + 0.5e^{-z} \end{aligned}"
    assert [s["status"] for s in check_document_rows(tmp_path, rows)] == ["given", "verified"]
    wrong = rows.replace("0.5 + 0.5e^{-z}", "0.5 + e^{-z}")
    assert [s["status"] for s in check_document_rows(tmp_path, wrong)][-1] == "refuted"
