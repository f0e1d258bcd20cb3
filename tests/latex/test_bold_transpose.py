"""A bold T raised is a transpose (the collector s44: herumi's PRML notes define
``\\trans`` as ``^{\\bm{T}}``): it was read as a power by the name bmT, and
``w^{\\bm T} \\phi = \\phi^{\\bm T} w`` was refuted at T = -2."""

from __future__ import annotations

import pytest
from helpers import check_document_rows

from eqchain.errors import LatexError
from eqchain.latex.read import read_expression


@pytest.mark.parametrize(
    "exponent", [r"{\bm T}", r"{\bm{T}}", r"{\boldsymbol{T}}", r"{\mathbf{T}}", r"\bm{T}"]
)
def test_a_bold_t_raised_is_the_transpose(exponent):
    assert read_expression(rf"w^{exponent} \phi") == read_expression(r"w^\top \phi")


def test_e_to_a_bold_t_is_unreadable():
    with pytest.raises(LatexError, match="transpose"):
        read_expression(r"e^{\bm T}")


def test_bold_transposes_through_the_cli(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"\mathbf{w}^{\bm T} \boldsymbol{\phi} = \boldsymbol{\phi}^{\bm T} \mathbf{w}",
        r"\mathbf{w}^{\bm T} \boldsymbol{\phi} = 2 \boldsymbol{\phi}^{\bm T} \mathbf{w}",
    )
    assert [s["status"] for s in steps] == ["verified", "refuted"], steps
