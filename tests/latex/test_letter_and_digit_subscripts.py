"""``x_{i1}``: a letter written as a subscript of its own elsewhere (``z_i``) is an index, and
with a digit after it the subscript is two indices, ``x[i, 1]``.

Found by a helper on a public logistic-regression post: ``\\frac{\\partial}{\\partial
w_1}(w_1 x_{i1} + w_2 x_{i2} + b) = x_{i1}`` was "ambiguous subscript 'i1'" (only a letter a
sum binds was an index there). Two letters stay one name (``w_{in}``), and without the letter
written alone anywhere ``x_{i1}`` stays ambiguous."""

from __future__ import annotations

import pytest
from helpers import check_document_rows

from eqchain.errors import LatexError
from eqchain.latex.read import read_formula


def test_beside_z_i_it_is_two_indices():
    (_, rhs) = read_formula(r"a = x_{i1} + z_i").sides
    assert "x[i, 1]" in str(rhs)


def test_two_letters_stay_a_name():
    (_, rhs) = read_formula(r"a = w_{in} z_i x_n").sides
    assert "w_in" in str(rhs)


def test_alone_it_stays_ambiguous():
    with pytest.raises(LatexError, match="ambiguous subscript"):
        read_formula(r"a = x_{i1}")


def test_in_a_document(tmp_path):
    rows = (
        r"z_i = w_1 x_{i1} + w_2 x_{i2} + b",
        r"\frac{\partial}{\partial w_1}(w_1 x_{i1} + w_2 x_{i2} + b) = x_{i1}",
        r"\frac{\partial}{\partial w_1}(w_1 x_{i1} + w_2 x_{i2} + b) = x_{i2}",
    )
    assert [s["status"] for s in check_document_rows(tmp_path, *rows)] == [
        "definition",
        "verified",
        "refuted",
    ]
