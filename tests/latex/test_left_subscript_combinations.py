"""The binomial coefficient and the k-permutations as Japanese textbooks write them, with a left
subscript: ``{}_n\\mathrm{C}_k`` (an upright C, ja/qnqn1927-binomial-moments' 24 rows),
``{}_{n}C_{k}``, ``{_n}C_k``, ``_nC_k`` with no nucleus before the subscript, ``{}_n\\mathrm{P}_k``.
One reading, ``\\binom{n}{k}`` (so the checker's binomial rules apply) and ``ff(n, k)``; a left
subscript on something else, or a subscript that TeX sets on the atom before it (``2_nC_k``),
stays unreadable (README, notation table)."""

from __future__ import annotations

import pytest
import sympy as sp
from helpers import check_document_rows

from eqchain.errors import LatexError
from eqchain.latex.read import read_expression, read_formula

n, k, x = sp.symbols("n k x")


@pytest.mark.parametrize(
    "text",
    [
        r"{}_n\mathrm{C}_k",
        r"{}_{n}\mathrm{C}_{k}",
        r"{}_n \mathrm C_k",
        r"{}_n{\rm C}_k",
        r"{}_n\text{C}_k",
        r"{}_n\textrm{C}_k",
        r"{ }_{n} C_{k}",
        r"{_n}C_k",
        r"{_{n}}\mathrm{C}_{k}",
        r"_nC_k",
        r"_{n}\mathrm{C}_{k}",
    ],
)
def test_every_spelling_is_the_binomial_coefficient(text):
    assert read_expression(text) == read_expression(r"\binom{n}{k}")


def test_the_parts_may_be_expressions_and_the_coefficient_a_factor():
    assert read_expression(r"{}_{n-1}\mathrm{C}_{x-1}") == read_expression(r"\binom{n-1}{x-1}")
    assert read_expression(r"x^2{}_{n}\mathrm{C}_{x}p^{x}") == read_expression(
        r"x^2 \binom{n}{x} p^{x}"
    )
    assert read_expression(r"\sum_{x=0}^{n} {}_n\mathrm{C}_xp^{x}") == read_expression(
        r"\sum_{x=0}^{n} \binom{n}{x} p^{x}"
    )


@pytest.mark.parametrize("text", [r"1 + _nC_k", r"2 \cdot _nC_k", r"(_nC_k)", r"-_nC_k"])
def test_a_left_subscript_without_braces_after_an_operator_or_bracket(text):
    expected = read_expression(text.replace("_nC_k", r"\binom{n}{k}"))
    assert read_expression(text) == expected


def test_the_permutations():
    assert read_expression(r"{}_n\mathrm{P}_k") == read_expression(r"{}_{n}P_{k}")
    assert read_expression(r"{}_n\mathrm{P}_k") == sp.ff(n, k, evaluate=False)
    assert read_expression(r"_5P_2").doit() == 20


@pytest.mark.parametrize(
    "text",
    [
        r"{}_n\mathrm{X}_k",  # another letter
        r"{}_n\mathrm{CC}_k",  # a word
        r"{}_n\mathrm{C}",  # no k
        r"{_n}X_k",
        r"{_n x}C_k",  # more than a subscript in the braces
        r"2_nC_k",  # TeX sets n under the 2
        r"(a)_nC_k",  # ... under the bracket
        r"\frac{1}{2}_nC_k",
    ],
)
def test_other_left_subscripts_stay_unreadable(text):
    with pytest.raises(LatexError):
        read_expression(text)


def test_a_subscripted_name_before_c_is_not_a_combination():
    # a_nC_k: TeX sets n under a; the product a_n C_k, as before
    assert read_expression(r"a_n\mathrm{C}_k") == read_expression(r"a_n C_k")
    assert not read_expression(r"a_nC_k").has(sp.binomial)
    assert read_expression(r"\mathrm{C}_k") == read_expression(r"C_k")


def test_a_row_of_qnqn1927_reads():
    # ja/qnqn1927-binomial-moments line 58, as written (colour commands and all)
    formula = read_formula(
        r"&= \sum ^{n}_{x=1} {\color{red}n} \cdot {}_{n-1}\mathrm{C}_{x-1} \cdot "
        r"{\color{red}p} \cdot p^{x-1}q^{n-x}"
    )
    (side,) = formula.sides
    assert side.has(sp.binomial)


def test_upright_combinations_through_the_cli(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"{}_5\mathrm{C}_2 = 10",
        r"{}_5\mathrm{C}_2 = 20",
        r"_5\mathrm{P}_2 = 20",
        r"\sum_{k=0}^{n} {}_n\mathrm{C}_k = 2^n",
        r"x \cdot {}_{n}\mathrm{C}_{x} = n \cdot {}_{n-1}\mathrm{C}_{x-1}",
        assume="n integer, n >= 1, x integer, x >= 1",
    )
    statuses = [s["status"] for s in steps][-5:]  # after the assumptions, given
    assert statuses == ["verified", "refuted", "verified", "verified", "verified"]
