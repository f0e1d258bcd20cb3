"""``{}_{n}C_{k}`` and ``{}_{n}P_{k}``, the binomial coefficient and the k-permutations as
Japanese textbooks write them (the binomial likelihood ``L(p) = {}_{n}C_{k} p^k (1-p)^{n-k}``):
read, checked through the CLI, and an empty pair of braces not so followed still unreadable."""

from __future__ import annotations

import pytest
import sympy as sp
from helpers import check_document_rows

from eqchain.errors import LatexError
from eqchain.latex.read import read_expression

n, k = sp.symbols("n k")


def test_read_as_the_binomial_coefficient_and_the_permutations():
    assert read_expression(r"{}_{n}C_{k}") == read_expression(r"\binom{n}{k}")
    assert read_expression(r"{}_nC_k") == read_expression(r"\binom{n}{k}")
    assert sp.simplify(read_expression(r"{}_{5}P_{2}") - 20) == 0


@pytest.mark.parametrize("text", [r"{} + 1", r"{}_{n}X_{k}", r"{}_{n}C"])
def test_other_empty_braces_stay_unreadable(text):
    with pytest.raises(LatexError):
        read_expression(text)


def test_combinations_through_the_cli(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"{}_{5}C_{2} = 10",
        r"{}_{5}C_{2} = 20",
        r"{}_{5}P_{2} = 20",
        r"\log {}_{n}C_{k} p^k = \log {}_{n}C_{k} + k \log p",
        assume="p > 0, n > 0, k > 0",
    )
    assert [s["status"] for s in steps][:3] == ["verified", "refuted", "verified"]
    assert steps[3]["status"] != "refuted"
