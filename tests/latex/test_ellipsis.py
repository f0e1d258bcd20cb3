"""Ellipses: sums and products over a fresh index, or a clear error."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.errors import LatexError
from eqchain.latex.read import read_formula
from eqchain.tree import canonical

y, t = sp.IndexedBase("y"), sp.IndexedBase("t")
K, k = sp.Symbol("K"), sp.Symbol("k")


def side(text):
    (expr,) = read_formula(text).sides
    return expr


@pytest.mark.parametrize("dots", [r"\cdots", r"\ldots", r"\dots", r"\dotsb"])
def test_every_spelling_of_the_ellipsis_is_read(dots):
    assert canonical(side(f"y_1 + {dots} + y_K")) == canonical(sp.Sum(y[k], (k, 1, K)))


def test_the_index_is_fresh():
    expr = side(r"k + y_1 + \cdots + y_K")
    (total,) = expr.atoms(sp.Sum)
    assert total.variables[0] != sp.Symbol("k")


def test_a_product_with_an_explicit_first_factor_is_counted():
    expr = side(r"y_1^{t_1} y_2^{t_2} \cdots y_6^{t_6}")
    assert canonical(expr) == canonical(sp.Product(y[k] ** t[k], (k, 1, 6)))


def test_a_sum_inside_a_log_is_resolved():
    expr = side(r"\log(1 + e^{z_1} + \cdots + e^{z_K})")
    z = sp.IndexedBase("z")
    assert canonical(expr) == canonical(sp.log(1 + sp.Sum(sp.exp(z[k]), (k, 1, K))))


def test_indices_that_step_together_with_an_offset():
    expr = side(r"y_1 t_2 + \cdots + y_n t_{n+1}")
    n = sp.Symbol("n")
    assert canonical(expr) == canonical(sp.Sum(y[k] * t[k + 1], (k, 1, n)))


@pytest.mark.parametrize(
    "text",
    [
        r"y_2 + y_4 + \cdots + y_{2n}",  # every other index
        r"y_1 + \cdots",  # no last term
        r"\cdots + y_n",  # no first term
        r"x + \cdots + x",  # nothing varies
        r"y_1 + \cdots + z_n",  # unlike terms
        r"y_1 t_1 + \cdots + y_n t_m",  # indices that do not step together
        r"y_1 + \cdots + y_2",  # hides no term
        r"y_1 - \cdots + y_n",  # mixed signs
        r"\log \cdots",  # not between terms
    ],
)
def test_patterns_that_cannot_be_read_are_errors_at_the_ellipsis(text):
    with pytest.raises(LatexError) as info:
        read_formula(text)
    assert text[info.value.column - 1 :].startswith("\\") or "ellipsis" in info.value.message


def test_the_error_names_the_ellipsis():
    with pytest.raises(LatexError, match="cannot read the ellipsis") as info:
        read_formula(r"a = y_2 + y_4 + \cdots + y_{2n}")
    assert info.value.column == 17


@pytest.mark.parametrize("row", ["&...", r"& \vdots", r"\vdots", r"&\ldots", r"& \cdots"])
def test_a_row_of_an_ellipsis_alone_elides_rows(row):
    # no formula: the rows before and after are read on their own
    assert read_formula(row).sides == ()


def test_an_elided_row_is_no_factor_of_the_row_before():
    from eqchain.latex.read import split_rows

    rows = split_rows(
        r"\begin{align} p_1 &= \frac{x_1}{n} \\ &... \\ p_m &= \frac{x_m}{n} \end{align}"
    )
    assert [r.text.strip() for r in rows][1] == "..."
