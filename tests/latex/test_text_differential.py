"""``\\text{d}``, ``\\textrm{d}`` and ``\\operatorname{d}`` as the upright differential, read
exactly where ``\\mathrm{d}`` is (derivative fractions and integrals) and nowhere else: a
``\\text{d}`` elsewhere stays prose."""

from __future__ import annotations

import pytest
import sympy as sp
from helpers import check_document_rows

from eqchain.errors import LatexError
from eqchain.latex.decorations import strip_decorations
from eqchain.latex.read import read_expression

x, y, theta = sp.symbols("x y theta")


@pytest.mark.parametrize("d", ["\\text{d}", "\\textrm{d}", "\\operatorname{d}", "\\text{ d }"])
def test_a_derivative_fraction_with_an_upright_d_in_text(d):
    assert read_expression(f"\\frac{{{d}y}}{{{d}x}}") == read_expression(
        "\\frac{\\mathrm{d}y}{\\mathrm{d}x}"
    )
    assert read_expression(f"\\frac{{{d}}}{{{d}x}} x^3") == read_expression("\\frac{d}{dx} x^3")
    second = read_expression(f"\\frac{{{d}^2 y}}{{{d}x^2}}")
    assert second == read_expression("\\frac{\\mathrm{d}^2 y}{\\mathrm{d}x^2}")


@pytest.mark.parametrize("d", ["\\text{d}", "\\textrm{d}", "\\operatorname{d}"])
def test_an_integral_with_an_upright_d_in_text(d):
    assert read_expression(f"\\int_0^1 x \\, {d}x") == sp.Integral(x, (x, 0, 1))
    assert read_expression(f"\\int_0^{{\\pi}} \\sin\\theta \\, {d}\\theta") == read_expression(
        "\\int_0^{\\pi} \\sin\\theta \\, \\mathrm{d}\\theta"
    )
    both = read_expression(f"\\int_0^1 \\int_0^2 x y \\, {d}x \\, {d}y")
    assert both == read_expression("\\int_0^1 \\int_0^2 x y \\, dx \\, dy")


@pytest.mark.parametrize(
    "formula",
    [
        "a + \\text{d}x",  # no integral, no derivative: prose in the middle
        "\\frac{\\text{d}y}{x}",  # not a derivative fraction
        "\\frac{a}{\\text{d}x}",
        "\\int_0^1 x \\, dx + \\text{d}y",  # the integral's differential is dx
        "\\sqrt{\\text{d}x}",
        "x^{\\text{d}}",
    ],
)
def test_a_text_d_anywhere_else_is_never_the_letter_d(formula):
    with pytest.raises(LatexError, match="prose"):
        read_expression(formula)


def test_a_text_d_after_a_formula_stays_its_annotation():
    for row in ("\\int_0^1 x \\, dx \\quad \\text{d}", "x = 3 \\, \\text{d}"):
        deco = strip_decorations(row)
        assert deco.annotation == "d" and "text" not in deco.body


def test_text_d_steps_are_verified_and_refuted_through_the_cli(tmp_path):
    steps = check_document_rows(
        tmp_path,
        "\\frac{\\text{d}}{\\text{d}x} x^3 = 3 x^2",
        "\\frac{\\text{d}}{\\text{d}x} x^3 = 2 x^2",
        "\\int_0^1 x^2 \\, \\text{d}x = \\frac{1}{3}",
        "\\int_0^1 x^2 \\, \\text{d}x = \\frac{1}{2}",
    )
    assert [s["status"] for s in steps] == ["verified", "refuted", "verified", "refuted"]
