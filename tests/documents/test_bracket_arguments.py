"""A function's argument in square brackets (``\\exp\\left[ -\\frac{(x-\\mu)^2}{2\\sigma^2}
\\right]``, as the StatProofBook writes every exponential) is its argument, as parentheses are:
``\\exp[a] b`` is exp(a)·b. It was 'ambiguous argument of \\exp'. A bracket followed by a
subscript or superscript is no argument's end (``[F]_a^b`` is an evaluation bar)."""

from __future__ import annotations

import sympy as sp
from helpers import check_document_rows

from eqchain.latex.read import read_expression

a, b, x = sp.symbols("a b x")


def test_brackets_hold_the_argument():
    assert read_expression(r"\exp\left[a + b\right] x") == read_expression(r"\exp(a + b) x")
    assert read_expression(r"\ln [a] \cdot b") == read_expression(r"\ln(a) \cdot b")
    # an evaluation bar after the function stays the argument as before
    assert read_expression(r"\exp [x]_0^1") == read_expression(r"\exp ([x]_0^1)")


def test_bracket_arguments_through_the_cli(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"\exp\left[a\right] \cdot \exp\left[b\right] (a + b) = \exp\left[a + b\right] (a + b)",
        r"\exp\left[a\right] \cdot \exp\left[b\right] (a + b) = \exp\left[a + b\right]",
    )
    assert [s["status"] for s in steps] == ["verified", "refuted"]
