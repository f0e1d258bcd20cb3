"""Fuzzing: whatever the text, reading it gives a formula or a LatexError, quickly.

The number of examples comes from the hypothesis profile (tests/latex/conftest.py): with
HYPOTHESIS_PROFILE=ci the three reading fuzz tests below try 5400 inputs together.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eqchain.errors import LatexError
from eqchain.latex.read import read_expression, read_formula, read_rows
from eqchain.latex.second import compare_readings

from .conftest import PROFILE, scaled
from .corpus_cases import CASES

ALPHABET = list("xyzkKe0123456789+-*/=^_{}()[]|&\\,.:;'!<>~ \n$%対①α")
VOCABULARY = [
    "x", "y_k", "y_1", "t_{nk}", "z_{k+1}", "+", "-", "=", "\\frac{", "}{", "}", "{", "(", ")",
    "[", "]", "\\left(", "\\right)", "\\left.", "^", "_", "2", "10", "0.5", "\\log ", "\\ln ",
    "\\exp", "\\sum_{k=1}^{K} ", "\\prod_{k=1}^{6} ", "\\cdots", "\\ldots", "\\partial ", "d",
    "\\cdot ", "\\times ", "&", "\\\\", "\\", " ", "\\text{a}", "対数の公式", "\\tag{1}",
    "\\begin{aligned}", "\\end{aligned}", "\\hat{y}", "\\sigma", "\\lambda", "e", "\\pi", "'",
    "|", ",", "\\nabla", "\\mathbb{E}", "\\sqrt{", "!", "\n", "%", "$$", ":=", "\\mathrm{d}",
    "f(x)", "p(x) = ", "\\infty", "\\,", "\\quad", "\\mathcal{L}", "\\dots", "\\foo",
]  # fmt: skip
TEXTS = st.text(alphabet=st.sampled_from(ALPHABET) | st.characters(), max_size=80)
SOUPS = st.lists(st.sampled_from(VOCABULARY), max_size=24).map("".join)
CORPUS = [c.latex for c in CASES]


def read_or_latex_error(text: str) -> None:
    """Read ``text`` every way a caller may; only LatexError may escape."""
    try:
        read_rows(text)
    except LatexError:
        pass
    try:
        read_formula(text)
    except LatexError:
        pass


@PROFILE
@given(TEXTS)
def test_arbitrary_text_gives_a_formula_or_a_latex_error(text):
    read_or_latex_error(text)
    try:
        read_expression(text)
    except LatexError:
        pass


@PROFILE
@given(SOUPS)
def test_latex_token_soup_gives_a_formula_or_a_latex_error(text):
    read_or_latex_error(text)


@st.composite
def mutated_formulas(draw):
    text = draw(st.sampled_from(CORPUS))
    for _ in range(draw(st.integers(1, 3))):
        pos = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "replace", "duplicate"]))
        piece = draw(st.sampled_from(VOCABULARY))
        end = min(len(text), pos + draw(st.integers(1, 6)))
        if kind == "insert":
            text = text[:pos] + piece + text[pos:]
        elif kind == "delete":
            text = text[:pos] + text[end:]
        elif kind == "replace":
            text = text[:pos] + piece + text[end:]
        else:
            text = text[:end] + text[pos:end] + text[end:]
    return text


@PROFILE
@given(mutated_formulas())
def test_mutated_corpus_formulas_give_a_formula_or_a_latex_error(text):
    read_or_latex_error(text)


@scaled(1 / 6)
@given(st.one_of(SOUPS, mutated_formulas()))
def test_comparing_readings_gives_a_result_or_a_latex_error(text):
    try:
        result = compare_readings(text)
    except LatexError:
        return
    assert result.agree in (True, False, None)


def quickly(text: str, seconds: float = 2.0):
    """Read ``text``; return the formula or the LatexError, failing if it takes too long."""
    start = time.perf_counter()
    try:
        outcome = read_formula(text)
    except LatexError as err:
        outcome = err
    assert time.perf_counter() - start < seconds
    return outcome


@pytest.mark.parametrize(
    "text",
    [
        "{" * 10_000 + "x" + "}" * 10_000,
        "(" * 10_000 + "x" + ")" * 10_000,
        "\\frac{" * 10_000 + "1" + "}{2}" * 10_000,
        "e^{" * 10_000 + "x" + "}" * 10_000,
        "\\log " * 10_000 + "x",
        "-" * 10_000 + "x",
        "x^" * 5_000 + "2",
        " + ".join(f"y_{{{i}}}" for i in range(1, 10_001)),
        " ".join(f"y_{{{i}}}" for i in range(1, 10_001)),
        "x" * 100_001,
        "\\" * 10_000,
        "{" * 10_000,
    ],
    ids=[
        "braces", "parentheses", "fractions", "exponents", "logs", "signs", "powers",
        "long_sum", "long_product", "too_long", "backslashes", "unbalanced",
    ],
)  # fmt: skip
def test_huge_inputs_give_a_result_or_a_latex_error_quickly(text):
    quickly(text)


def test_moderate_nesting_is_read_or_rejected_without_recursion_errors():
    for depth in (10, 20, 30, 39):
        quickly("(" * depth + "x" + ")" * depth)
        quickly("\\frac{1}{" * depth + "x" + "}" * depth)


def test_a_ten_thousand_term_ellipsis_is_read():
    formula = quickly(r"y_1 + \cdots + y_{10000}")
    assert not isinstance(formula, LatexError)
