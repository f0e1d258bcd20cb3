"""Red team 26: what was merged in round 26 (integrals read by form, one-sided limits, rows
that follow from an unproved row), each attack through a derivation file or a document.

1. A limit's variable is bound, as an integral's: its own real variable, whatever a symbol of
   the same name outside assumes (x declared positive made ``\\lim_{x \\to 0^-} |x|/x`` be 1,
   verified, and refuted the true -1). A limit in a derivation file was unreadable (its side,
   SymPy's ``dir``, was taken for an undeclared symbol '+'). A sum to the limit's variable
   inside the limit left it free to a counterexample (``\\lim_{n \\to \\infty}
   \\sum_{k=1}^{n} 2^{-k} = 1`` refuted at n = 1).
2. A limit's point naming its side twice (``2 - 0 + 0``, ``a - 0^+``), or a superscript +0
   (``0^{+0}``: a side, or the power 0^0 = 1?), is rejected, never read one way.
3. Integrals equal up to the names of their variables: a limit's end naming an outer variable
   is renamed with it, any other name there is free (``\\int_0^1 \\int_0^y dx dy``, 1/2, was one
   integral with ``\\int_0^1 \\int_0^y dx dt``, y: verified). An integral repeating its
   variable (``\\int_0^1 \\int_{-1}^{1} f \\, dx \\, dx``) is not given to SymPy's integrate,
   which evaluated a density's inner integral over its whole range.
4. A row read as following from the row before (the next equation of a system), when that row
   is an equation between numbers (nothing to solve for) not established: no system, the row is
   what it is alone (``2 s^2 = 20`` after ``s^2 = 10``, s = 3, was verified: 18 = 20), or
   unknown naming that row."""

from __future__ import annotations

import pytest
import sympy as sp
from helpers import check_document_rows, check_text, claims

from eqchain.check.integrals import _renamed
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


GEOMETRIC = r"\lim_{n \to \infty} \sum_{k=1}^{n} \frac{1}{2^k}"


def test_a_limit_of_a_sum_to_its_variable_is_not_refuted_at_a_point(tmp_path):
    # the sum stood for a number inside the limit, which took it for its value: n came out free
    # and the step was refuted at n = 1 (left side 1/2)
    (result,) = check_document_rows(tmp_path, f"{GEOMETRIC} = 1", assume="n > 0")
    assert result["status"] != "refuted", result


SEQUENCES = """
title.en = "t"
[symbols]
n = "integer positive"

[[steps]]
claim = '{claim}'
"""


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        (f"{GEOMETRIC} = 1", "verified"),
        (f"{GEOMETRIC} = 2", "refuted"),
        # an index declared an integer stays one at infinity (a sequence)
        (r"\lim_{n \to \infty} \cos(2 \pi n) = 1", "verified"),
        (r"\lim_{n \to \infty} \cos(2 \pi n) = 0", "refuted"),
    ],
)
def test_limits_of_sequences_in_a_derivation_file(tmp_path, claim, expected):
    (result,) = claims(check_text(tmp_path, SEQUENCES.format(claim=claim)))
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


# -- 3. integrals equal up to their variables' names --------------------------------------------


def test_an_end_naming_an_outer_variable_is_renamed_with_it():
    x, y, t = sp.symbols("x y t", real=True)
    inner_to_outer = sp.Integral(1, (x, 0, y), (y, 0, 1))  # 1/2
    inner_to_free = sp.Integral(1, (x, 0, y), (t, 0, 1))  # y
    assert _renamed(inner_to_outer) != _renamed(inner_to_free)
    same = sp.Integral(1, (x, 0, t), (t, 0, 1))  # the first, its outer variable named t
    assert _renamed(inner_to_outer) == _renamed(same)


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (r"\int_0^1 \int_0^y 1 \, dx \, dy = \int_0^1 \int_0^y 1 \, dx \, dt", "unknown"),
        (r"\int_0^1 \int_0^y x \, dx \, dy = \int_0^1 \int_0^y x \, dx \, dt", "unknown"),
        (r"\int_0^1 \int_0^y x \, dx \, dy = \int_0^1 \int_0^t x \, dx \, dt", "verified"),
    ],
)
def test_double_integrals_equal_up_to_names(tmp_path, row, expected):
    (result,) = check_document_rows(tmp_path, row)
    assert result["status"] == expected, result


REPEATED = """
title.en = "t"
[symbols]
c = "positive"

[[steps]]
claim = '\\int_{{0}}^{{1}} \\int_{{-1}}^{{1}} \\mathrm{{Exp}}(x; c) \\, dx \\, dx = {value}'
"""


def test_an_integral_repeating_its_variable_is_not_evaluated_by_sympy(tmp_path):
    # SymPy's integrate took the inner integral of the density over [-1, 1] by its formula:
    # e^c - e^{-c}, where the density's support gives 1 - e^{-c}
    (result,) = claims(check_text(tmp_path, REPEATED.format(value=r"e^{c} - e^{-c}")))
    assert result.verdict.value != "verified", result


# -- 4. a row that follows from an equation between numbers ----------------------------------

HALF_GAUSS = r"\int_0^\infty e^{-x^2} \, dx"


@pytest.mark.parametrize(
    "rows",
    [
        # 18 = 20, carried from 9 = 10 (s = 3): verified as "following from the previous row"
        ("s = 3", r"s^2 = 10 \\ 2 s^2 = 20"),
        # twice the half-line Gaussian integral is \sqrt{\pi}, not 2 \sqrt{\pi}
        (rf"{HALF_GAUSS} = \sqrt{{\pi}} \\ 2 {HALF_GAUSS} = 2 \sqrt{{\pi}}",),
        (
            r"\sum_{k=1}^{\infty} \frac{1}{k^2} = \frac{\pi^2}{8} \\"
            r" 8 \sum_{k=1}^{\infty} \frac{1}{k^2} = \pi^2",
        ),
    ],
)
def test_a_row_after_a_false_equation_between_numbers_is_refuted(tmp_path, rows):
    *_, before, last = check_document_rows(tmp_path, *rows)
    assert before["status"] == "refuted", before
    assert last["status"] == "refuted", last


def test_a_row_after_an_unsettled_equation_between_numbers_is_unknown(tmp_path):
    # the two-sided limit does not exist: the first row is unknown, the second follows from it
    display = r"\lim_{x \to 0} e^{-1/x} = 0 \\ 2 \lim_{x \to 0} e^{-1/x} = 0"
    first, second = check_document_rows(tmp_path, display)
    assert first["status"] == "unknown", first
    assert second["status"] == "unknown", second
    assert "follows from line" in second["reason"], second
    assert "not established" in second["reason"], second


@pytest.mark.parametrize(
    "display",
    [
        # an equation with an unknown: the next row of the system follows from it
        r"(x+1)^2 = x^2 + 1 \\ x^2 + 2 x + 1 = x^2 + 1",
        r"\frac{d}{dp} (p^2 - 2 p) = 0 \\ 2 p - 2 = 0 \\ p - 1 = 0",
        # a true equation between numbers: what follows from it holds
        rf"{HALF_GAUSS} = \frac{{\sqrt{{\pi}}}}{{2}} \\ 2 {HALF_GAUSS} = \sqrt{{\pi}}",
    ],
)
def test_a_system_still_follows(tmp_path, display):
    *_, last = check_document_rows(tmp_path, display)
    assert last["status"] == "verified", last


# -- regressions: integrals by form --------------------------------------------------------------

SYMBOLS = """
title.en = "t"
[symbols]
a = "positive"
c = "positive"
r = "real"
"""
BETA = r"\frac{{\Gamma({p}) \Gamma(c)}}{{\Gamma({p}+c)}}"


@pytest.mark.parametrize(
    ("claim", "expected", "named"),
    [
        # a parameter of undeclared sign: the convergence is named, never assumed
        (rf"\int_0^1 x^{{r-1}} (1-x)^{{c-1}} \, dx = {BETA.format(p='r')}", "unknown", "r > 0"),
        (r"\int_0^\infty x^{a} e^{-r x} \, dx = \frac{\Gamma(a+1)}{r^{a+1}}", "unknown", "r > 0"),
        (r"\int_{-\infty}^\infty e^{c x^2} \, dx = \sqrt{\frac{\pi}{c}}", "unknown", ""),
        # half the line is half the Gaussian integral; swapped ends change the sign
        (r"\int_0^\infty e^{-c x^2} \, dx = \sqrt{\frac{\pi}{c}}", "refuted", ""),
        (r"\int_0^\infty e^{-c x^2} \, dx = \frac{1}{2} \sqrt{\frac{\pi}{c}}", "verified", ""),
        (rf"\int_1^0 x^{{a-1}} (1-x)^{{c-1}} \, dx = {BETA.format(p='a')}", "refuted", ""),
        (r"\int_{0}^{\infty} x^{-1} e^{-c x} \, dx = 0", "unknown", ""),
        # a stated density's support inside a wider range
        (r"\int_{-1}^{1} \mathrm{Exp}(x; c) \, dx = 1 - e^{-c}", "verified", ""),
        (r"\int_{-1}^{1} \mathrm{Exp}(x; c) \, dx = e^{c} - e^{-c}", "refuted", ""),
    ],
)
def test_integrals_by_form(tmp_path, claim, expected, named):
    text = SYMBOLS + f"\n[[steps]]\nclaim = '{claim}'\n"
    (result,) = claims(check_text(tmp_path, text, timeout=5.0))
    assert result.verdict.value == expected, result
    assert named in result.reason
