"""LaTeX math as one line of Unicode for the terminal (eqchain.render.unicode)."""

from __future__ import annotations

import pytest

from eqchain.render.content import math, text, text_with_math
from eqchain.render.unicode import to_unicode


@pytest.mark.parametrize(
    ("tex", "shown"),
    [
        (
            r"\frac{\partial \mathcal{L}}{\partial y_{k}} = \frac{t_{k}}{y_{k}} - \lambda",
            "∂ℒ/∂y_k = t_k/y_k − λ",
        ),
        (r"\log L = \sum_{k=1}^{K} t_{k} \log y_{k}", "log L = Σ_{k=1}^{K} t_k log y_k"),
        (
            r"\frac{\partial^{2} \mathcal{L}}{\partial y_{k}^{2}} = - \frac{t_{k}}{y_{k}^{2}}",
            "∂²ℒ/∂y_k² = −t_k/y_k²",
        ),
        (r"\frac{a + b}{c}", "(a + b)/c"),
        (r"\frac{1}{-x}", "1/(−x)"),
        (r"\log{\left(L \right)}", "log(L)"),
        (r"t_{k} \in \mathbb{R},\ y_{k} \geq 0", "t_k ∈ ℝ, y_k ≥ 0"),
        (r"y_{k}^{t_{k}} \neq 0", "y_k^{t_k} ≠ 0"),
        (r"\prod_{k=1}^{6} x_{k}", "∏_{k=1}^{6} x_k"),
        (r"\sqrt{x + 1}", "√(x + 1)"),
        (r"e^{-x^{2}}", "e^{−x²}"),
        (r"\hat{y}", "ŷ"),
        (r"D_{\mathrm{KL}}(p \| q)", "D_{KL}(p ‖ q)"),
        (r"\begin{aligned} a &= b \\ &= c \end{aligned}", "a = b ; = c"),
    ],
)
def test_latex_reads_as_unicode(tex, shown):
    assert to_unicode(tex) == shown


@pytest.mark.parametrize(
    "tex", [r"\foo{x} + \bar", "\\", r"\frac{a", r"x_", r"\left", r"a \\ b \unknown\\"]
)
def test_no_backslash_survives_even_for_unknown_or_broken_latex(tex):
    assert "\\" not in to_unicode(tex)


def test_a_note_with_inline_math_is_text_and_math():
    assert text_with_math(r"Multiply by $y_{k}$ (positive).") == [
        text("Multiply by "),
        math("y_{k}"),
        text(" (positive)."),
    ]


def test_a_dollar_that_opens_no_math_stays_text():
    assert text_with_math("It costs $5 and $6, or \\$7.") == [text("It costs $5 and $6, or $7.")]


def test_texs_font_switches_are_not_written_by_name():
    # {\rm var}(T) was shown "rm var(T)" by eqchain show
    assert to_unicode(r"{\rm var}(T) = 1") == "var(T) = 1"
    assert "bf" not in to_unicode(r"{\bf x} + 1")
