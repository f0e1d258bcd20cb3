"""Reading found on real posts (session 31): a text command right after a script sign is the
script (D_\\text{KL}); the divisor of '/' may be the document's function applied (p(x, z)/p(x))."""

from __future__ import annotations

import pytest

from eqchain.errors import LatexError

# -- a script written without braces before a text command: D_\text{KL} is D_{\text{KL}} -------


def read(text, functions=()):
    from eqchain.latex.memo import read_cached

    return read_cached(text, functions=frozenset(functions), use_disk=False)


@pytest.mark.parametrize(
    ("unbraced", "braced"),
    [
        ("L = D_\\text{KL} + 1", "L = D_{\\text{KL}} + 1"),
        ("L = D_\\mathrm{KL}", "L = D_{\\mathrm{KL}}"),
        ("y = w_ \\text{new} - w_{\\text{old}}", "y = w_{\\text{new}} - w_{\\text{old}}"),
        ("y = w_\\text{old} g", "y = w_{\\text{old}} g"),  # the script is old, not g
    ],
)
def test_a_text_command_right_after_a_script_sign_is_the_script(unbraced, braced):
    # TeX takes the one token \text as the script and expands it with its braced text;
    # latex2sympy2 reads both spellings alike too (SymPy's parse_latex knows no \text)
    from latex2sympy2_extended import latex2sympy

    assert read(unbraced).sides == read(braced).sides
    rhs = lambda t: t.split("=", 1)[1]  # noqa: E731
    assert latex2sympy(rhs(unbraced)) == latex2sympy(rhs(braced))


def test_a_text_command_elsewhere_is_still_prose_or_rejected():
    assert read("a = b \\quad \\text{(by the rule)}").annotation == "(by the rule)"
    # an operator's name in \text (two capitals) before parentheses is the operator (s44)
    assert (
        read("L = \\text{KL}(q \\parallel p)").sides
        == read("L = \\mathrm{KL}(q \\parallel p)").sides
    )
    with pytest.raises(LatexError, match="applied to an argument"):
        read("L = \\text{divergence}(q \\parallel p)")
    with pytest.raises(LatexError, match="prose in the middle"):
        read("L = D \\text{KL} + 1")
    with pytest.raises(LatexError):  # a word as an exponent is no power
        read("y = x^\\text{new}")


# -- the divisor of '/' may be the document's function applied: p(x, z)/p(x) ---------------


def test_a_function_applied_is_one_factor_of_a_divisor():
    import sympy as sp
    from latex2sympy2_extended import latex2sympy
    from sympy.parsing.latex import parse_latex

    formula = read("y = p(x, z)/p(x)", functions={"p"})
    p, x, z = sp.Function("p"), sp.Symbol("x"), sp.Symbol("z")
    assert sp.simplify(formula.sides[1] - p(x, z) / p(x)) == 0
    assert str(latex2sympy("p(x, z)/p(x)")) == str(parse_latex("p(x, z)/p(x)")) == "p(x, z)/p(x)"
    assert str(read("y = a / p(x) + 1", functions={"p"}).sides[1]) == "a/p(x) + 1"


@pytest.mark.parametrize(
    ("text", "functions"),
    [
        ("y = p(x, z)/p(x)", ()),  # p no function: p times (x), or p(x)?
        ("y = a/p(x) q", {"p"}),  # a / (p(x) q) or (a / p(x)) q
        ("y = a/p_k(x)", {"p"}),  # a family's member: not this reading
        ("y = a/e(x)", {"e"}),  # e is Euler's number
    ],
)
def test_the_divisor_stays_ambiguous_otherwise(text, functions):
    with pytest.raises(LatexError, match="divide by") as err:
        read(text, functions)
    assert err.value.column == text.index("/") + 1
