"""Red team 26: what was merged in round 26 (integrals read by form, one-sided limits, rows
that follow from an unproved row), each attack through a derivation file or a document.

1. A limit's variable is bound, as an integral's: its own real variable, whatever a symbol of
   the same name outside assumes (x declared positive made ``\\lim_{x \\to 0^-} |x|/x`` be 1,
   verified, and refuted the true -1). A limit in a derivation file was unreadable (its side,
   SymPy's ``dir``, was taken for an undeclared symbol '+').
2. A limit's point naming its side twice (``2 - 0 + 0``, ``a - 0^+``), or a superscript +0
   (``0^{+0}``: a side, or the power 0^0 = 1?), is rejected, never read one way.
3. Integrals equal up to the names of their variables: a limit's end naming an outer variable
   is renamed with it, any other name there is free (``\\int_0^1 \\int_0^y dx dy``, 1/2, was one
   integral with ``\\int_0^1 \\int_0^y dx dt``, y: verified).
4. A row that follows from the row before, in a display whose earlier row is a claim of its
   own left unknown or refuted (no equation of a system the author solves): unknown, naming
   that row, never verified (``8 \\sum 1/k^2 = \\pi^2`` after ``\\sum 1/k^2 = \\pi^2/8``)."""

from __future__ import annotations

import pytest
import sympy as sp
from helpers import check_document_rows, check_text, claims

from eqchain.errors import LatexError
from eqchain.latex.read import read_formula

# -- 1. a limit's variable is its own --------------------------------------------------------

SIGN_FROM_LEFT = r"\lim_{x \to 0^-} \frac{|x|}{x}"


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (rf"{SIGN_FROM_LEFT} = -1", "verified"),
        (rf"{SIGN_FROM_LEFT} = 1", "refuted"),
        (r"\lim_{x \uparrow 0} \frac{|x|}{x} = 1", "refuted"),
        (r"\lim_{x \to -1} |x| = 1", "verified"),
    ],
)
def test_a_limit_variable_ignores_an_assumption_outside(tmp_path, row, expected):
    (result,) = check_document_rows(tmp_path, row, assume="x > 0")
    assert result["status"] == expected, result


def test_a_limit_variable_ignores_a_given_sign(tmp_path):
    results = check_document_rows(tmp_path, "x > 0", rf"{SIGN_FROM_LEFT} = 1")
    assert results[-1]["status"] == "refuted", results[-1]


LIMITS = """
title.en = "t"
[symbols]
x = "positive"

[[steps]]
claim = '{claim}'
"""


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        (rf"{SIGN_FROM_LEFT} = -1", "verified"),
        (rf"{SIGN_FROM_LEFT} = 1", "refuted"),
        (r"\lim_{x \to +0} \frac{|x|}{x} = 1", "verified"),
        (r"\lim_{x \to \infty} e^{-x} = 0", "verified"),
        (r"\lim_{x \to 0} \frac{\sin x}{x} = 2", "refuted"),
    ],
)
def test_limits_in_a_derivation_file(tmp_path, claim, expected):
    (result,) = claims(check_text(tmp_path, LIMITS.format(claim=claim)))
    assert result.verdict.value == expected, result


# -- 2. a side named twice -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        r"\lim_{x \to 0^{+0}} x",  # 0^+ or 0^0 = 1
        r"\lim_{x \to 0^{-0}} x",
        r"\lim_{x \to 2 - 0 + 0} x",
        r"\lim_{x \to a - 0^+} x",
        r"\lim_{x \to a + 0 -} x",
        r"\lim_{x \to -0^+} x",
    ],
)
def test_a_point_naming_its_side_twice_is_rejected(text):
    with pytest.raises(LatexError):
        read_formula(text)


def test_a_limit_at_zero_from_above_read_once():
    ((expr,),) = [read_formula(r"\lim_{x \to +0} x").sides]
    assert expr.args[2:] == (0, sp.Symbol("+"))
