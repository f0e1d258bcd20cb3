"""The sign function written upright, ``\\text{sign}(x)``, ``\\operatorname{sign}(x)``,
``\\mathrm{sgn}(x)`` (en/laplace-mle-back2basics' four rows): SymPy's ``sign``, -1, 0 or 1 for a
real argument (``sign(0) = 0``), one argument in parentheses (README, notation table). Other
words in a text command before parentheses stay rejected, as before."""

from __future__ import annotations

import pytest
import sympy as sp
from helpers import check_document_rows

from eqchain.errors import LatexError
from eqchain.latex.read import read_expression

x, mu = sp.symbols("x mu")


@pytest.mark.parametrize(
    "text",
    [
        r"\text{sign}(x - \mu)",
        r"\textrm{sign}(x - \mu)",
        r"\mathrm{sign}(x - \mu)",
        r"\operatorname{sign}(x - \mu)",
        r"\text{sgn}(x - \mu)",
        r"\mathrm{sgn}(x - \mu)",
        r"\operatorname{sgn}\left(x - \mu\right)",
        r"{\rm sgn}(x - \mu)",
    ],
)
def test_every_spelling_is_the_sign_function(text):
    assert read_expression(text) == sp.sign(x - mu, evaluate=False)


def test_in_a_sum_and_a_product():
    assert read_expression(r"\sum_{i=1}^{n} \text{sign}(x_i - \mu)").has(sp.sign)
    assert read_expression(r"-\frac{1}{b}\text{sign}(x)") == read_expression(
        r"-\frac{1}{b}\operatorname{sgn}(x)"
    )


@pytest.mark.parametrize(
    "text",
    [
        r"\text{sign}(x, y)",  # two arguments: no sign function
        r"\text{signum}(x)",  # another word: an operator in prose, as before
        r"\text{foo}(x)",
    ],
)
def test_other_uses_stay_unreadable(text):
    with pytest.raises(LatexError):
        read_expression(text)


def test_checked_through_the_cli(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"\text{sign}(3) = 1",
        r"\text{sign}(-2) = 1",
        r"\operatorname{sgn}(0) = 0",
        r"x \cdot \text{sign}(x) = |x|",
        r"\frac{d}{dx} \lvert x - 1 \rvert = \text{sign}(x - 1)",
        r"\frac{d}{dx} \lvert x - 1 \rvert = -\text{sign}(x - 1)",
    )
    statuses = [s["status"] for s in steps][-6:]
    # the derivative of |x - 1| is sign(x - 1) where it exists, x != 1 (the report's domain)
    assert statuses == ["verified", "refuted", "verified", "verified", "verified", "refuted"]
