"""An align column beyond the row's equation holding only a number in parentheses (``E(X+c) &
= E(X) + c & (1)``, Jupyter notebooks number equations so: their Markdown has no ``\\tag``) is
the row's number written by hand: blanked, never a factor of the equation. Anything more in
that column keeps the row unreadable, with its column (README notation table)."""

from __future__ import annotations

import pytest

from eqchain.api import check_derivations
from eqchain.errors import LatexError
from eqchain.latex.rows import split_rows
from eqchain.load.document import load_document
from eqchain.model import Verdict

SEVERAL = "several equations on one row (align columns): write one per row"


def rows(text):
    return [(r.text.strip(), r.error) for r in split_rows(text)]


@pytest.mark.parametrize("number", ["(1)", "( 1)", "(3.1)", "(4a)", "( 12 )"])
def test_a_column_holding_only_a_number_is_the_rows_number(number):
    ((text, error),) = rows(f"\\begin{{align}} a & = b + c & {number} \\end{{align}}")
    assert error is None
    assert text.split() == ["a", "=", "b", "+", "c"]  # the number is no factor of c


@pytest.mark.parametrize(
    ("column", "at"),
    [("(x)", 28), ("(1) + c", 28), ("(1) = d", 28), ("2", 28), ("c = (1)", 28)],
)
def test_anything_more_in_that_column_stays_unreadable_with_its_column(column, at):
    ((_, error),) = rows(f"\\begin{{align}} a & = b + c & {column} \\end{{align}}")
    assert isinstance(error, LatexError) and error.message == SEVERAL
    assert error.column == at  # just after the column's &


def test_the_other_rows_of_the_display_are_read_as_before():
    text = "\\begin{align} a & = b & (1) \\\\ c & = d & (x) \\\\ e & = f \\end{align}"
    assert [e is None for _, e in rows(text)] == [True, False, True]


def test_a_number_inside_the_equation_is_still_a_factor():
    # no column of its own: (2) multiplies, as written
    ((text, error),) = rows("\\begin{align} a & = b (2) \\end{align}")
    assert error is None and "(2)" in text


def test_numbered_rows_of_a_jupyter_display_are_checked(tmp_path):
    # the corpus's ScenesK notebook writes its properties so; a wrong row is still refuted
    doc = tmp_path / "nb.md"
    doc.write_text(
        "# t\n\n$\n\\begin{align}\n"
        "    a( x+y) & =a x +a y & ( 1)\\\\\n"
        "    (a+b)^{2} & =a^{2} +b^{2} & ( 2)\n"
        "\\end{align}\n$\n",
        encoding="utf-8",
    )
    d = load_document(str(doc), "markdown")
    results = check_derivations([d], 10).derivations[0].results
    assert [(r.step.place.line, r.verdict) for r in results] == [
        (5, Verdict.VERIFIED),
        (6, Verdict.REFUTED),
    ]


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
    with pytest.raises(LatexError, match="applied to an argument"):
        read("L = \\text{KL}(q \\parallel p)")
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
