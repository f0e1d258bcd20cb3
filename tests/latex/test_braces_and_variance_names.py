"""Issue 11: ``\\underbrace{A}_{label}`` (``\\overbrace{A}^{label}``) is A, the label commentary
only (kept as the row's annotation, never used as a fact); ``\\text{var}(X)``,
``\\mathrm{var}(X)``, ``\\operatorname{cov}(X, Y)`` are the variance and covariance read as
``\\mathrm{Var}(X)`` is."""

from __future__ import annotations

import pytest

from eqchain.errors import LatexError
from eqchain.latex.read import read_expression, read_formula


@pytest.mark.parametrize(
    ("text", "same_as", "note"),
    [
        (r"a + \underbrace{E[\mu^2]}_{E[c] = c}", r"a + E[\mu^2]", "E[c] = c"),
        (
            r"2\mu\underbrace{\left(\frac{a+b}{2}\right)}_{=\mu}",
            r"2\mu\left(\frac{a+b}{2}\right)",
            "=\\mu",
        ),
        (r"\underbrace{a+b}_{\text{sum}} c", r"(a+b) c", "sum"),
        (r"\overbrace{a+b}^{n} + 1", r"a + b + 1", "n"),
        (r"\underbrace{a}_x + 1", r"a + 1", "x"),
        (r"(\underbrace{a + b}_{k})^2", r"(a + b)^2", "k"),
    ],
)
def test_a_brace_is_what_it_holds_and_its_label_is_commentary(text, same_as, note):
    formula = read_formula(text)
    assert formula.sides == read_formula(same_as).sides
    assert formula.annotation == note


@pytest.mark.parametrize(
    "text",
    [
        r"\underbrace{a}_{x}^2",  # TeX sets the 2 above the brace: a label, not a power
        r"\underbrace{a + b}_{k} ^2",
        r"\underbrace{a}^2",
        r"\overbrace{a}_2",
        r"\underbrace a",
    ],
)
def test_a_brace_with_another_script_or_without_braces_is_rejected(text):
    with pytest.raises(LatexError) as info:
        read_formula(text)
    assert info.value.column == 1


@pytest.mark.parametrize(
    ("text", "same_as"),
    [
        (r"\text{var}(X)", r"\mathrm{Var}(X)"),
        (r"\text{Var}[X]", r"\mathrm{Var}(X)"),
        (r"\textrm{var}(X)", r"\mathrm{Var}(X)"),
        (r"\mathrm{var}(X)", r"\mathrm{Var}(X)"),
        (r"\operatorname{var}(X)", r"\mathrm{Var}(X)"),
        (r"\text{cov}(X, Y)", r"\mathrm{Cov}(X, Y)"),
        (r"\mathrm{var}_{x \sim p}(x)", r"\mathrm{Var}_{x \sim p}(x)"),
    ],
)
def test_the_variance_by_any_upright_name(text, same_as):
    assert read_expression(text) == read_expression(same_as)


def test_other_words_applied_stay_unreadable():
    with pytest.raises(LatexError):
        read_expression(r"\text{variance}(X)")


def test_a_law_named_before_a_distribution_statement_names_the_law():
    """StatProofBook's ``P: \\; X \\sim \\mathrm{Bern}(p_1)``: the statement, under the law
    named P (a given about that law, check/laws.py)."""
    formula = read_formula(r"P: \; X \sim \mathrm{Bern}(p_1)")
    assert formula.law == "P"
    assert formula.relations == ("", "sim")
    unnamed = read_formula(r"X \sim \mathrm{Bern}(p_1)")
    assert formula.sides == unnamed.sides
    assert unnamed.law is None


@pytest.mark.parametrize(
    ("text", "column", "words"),
    [
        (r"\hat{P}: X \sim \mathcal{N}(0, 1)", 8, "law"),  # one letter names a law
        (r"P: X = 1", 2, "law"),  # a name before anything but a distribution statement
        (r"P: X \sim \mathrm{Bern}(p) = Y", 2, "law"),
    ],
)
def test_a_name_and_colon_before_anything_else_is_not_read(text, column, words):
    with pytest.raises(LatexError) as info:
        read_formula(text)
    assert info.value.column == column
    assert words in info.value.message
