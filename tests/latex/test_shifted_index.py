"""A sum's index written shifted by a whole number (``\\sum_{x-1=0}^{\\infty}``, as notes on the
Poisson distribution write the shift of the series): x - 1 runs over the written range, so x runs
over it plus 1; through the CLI, the valid step verified and the wrong one refuted."""

from __future__ import annotations

import pytest
import sympy as sp
from helpers import check_document_rows

from eqchain.errors import LatexError
from eqchain.latex.read import read_expression

x, k, n = sp.symbols("x k n")


@pytest.mark.parametrize(
    ("text", "limits"),
    [
        (r"\sum_{x-1=0}^{\infty} x", (1, sp.oo)),
        (r"\sum_{x-1=0}^{3} x", (1, 4)),
        (r"\sum_{x+2=5}^{9} x", (3, 7)),
        (r"\sum_{x-10=0}^{n} x", (10, n + 10)),
        (r"\sum_{x=0}^{3} x", (0, 3)),
    ],
)
def test_the_bounds_are_the_index_own(text, limits):
    value = read_expression(text)
    assert isinstance(value, sp.Sum)
    ((_, lo, hi),) = value.limits
    assert (lo, hi) == tuple(sp.Integer(b) if isinstance(b, int) else b for b in limits)


@pytest.mark.parametrize("text", [r"\sum_{x-1=0=2}^{3} x", r"\sum_{x-1=}^{3} x"])
def test_an_index_written_badly_is_unreadable(text):
    with pytest.raises(LatexError):
        read_expression(text)


def test_a_shifted_index_through_the_cli(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"\sum_{x-1=0}^{3} x = 10",
        r"\sum_{x-1=0}^{3} x = 6",
        r"\sum_{x-1=0}^{\infty} \frac{1}{(x-1)!} = e",
    )
    assert [s["status"] for s in steps][:2] == ["verified", "refuted"]
    assert steps[2]["status"] != "refuted"  # valid: e's series, shifted


def test_a_primed_index_is_bound_by_its_sum():
    # \sum_{x'=0}^{\infty} \frac{\lambda^{x'+1}}{x'!}: x' is the sum's index inside its body
    value = read_expression(r"\sum_{x'=0}^{3} x'")
    ((index, lo, hi),) = value.limits
    assert index.name == "x'" and (lo, hi) == (0, 3)
    assert value.function == index
    assert value.doit() == 6


@pytest.mark.parametrize("text", [r"x' + \sum_{x'=0}^{3} x'", r"\sum_{x'=0}^{3} x''"])
def test_a_primed_name_outside_its_sum_stays_unreadable(text):
    with pytest.raises(LatexError, match="primes"):
        read_expression(text)


def test_a_primed_index_prints_back_as_written():
    from eqchain.latex.printer import latex

    value = read_expression(r"\sum_{x'=0}^{3} x x'")
    assert latex(value) == r"\sum_{x'=0}^{3} x x'"
    assert read_expression(latex(value)) == value


def test_a_primed_index_through_the_cli(tmp_path):
    steps = check_document_rows(tmp_path, r"\sum_{x'=0}^{3} x' = 6", r"\sum_{x'=0}^{3} x' = 7")
    assert [s["status"] for s in steps] == ["verified", "refuted"]
