"""The end-of-proof mark at the end of a row, ``E[K] = np \\quad \\Box`` (en/binomial-moments-
datainquiry line 38), ``\\blacksquare``, ``\\square``, ``\\qed``: the row's annotation, never a
factor (README, notation table). The mark anywhere else (``\\Box \\phi``, the d'Alembertian;
``a \\Box = b``) stays unreadable, an unknown command."""

from __future__ import annotations

import pytest

from eqchain.errors import LatexError
from eqchain.latex.read import read_formula


@pytest.mark.parametrize(
    "text",
    [
        r"a = b \quad \Box",
        r"a = b \qquad \blacksquare",
        r"a = b \; \square",
        r"a = b \hfill \Box",
        r"a = b \qed",
        r"a = b \quad \Box.",
    ],
)
def test_the_mark_at_the_end_is_the_rows_annotation(text):
    formula = read_formula(text)
    assert formula.sides == read_formula("a = b").sides


@pytest.mark.parametrize(
    "text",
    [
        r"a = b \Box",  # no space before it: a factor b times a box?
        r"a \quad \Box = b",  # not at the end
        r"\Box \phi = 0",  # the d'Alembertian
        r"a = b \quad \Box c",
    ],
)
def test_the_mark_anywhere_else_stays_unreadable(text):
    with pytest.raises(LatexError):
        read_formula(text)
