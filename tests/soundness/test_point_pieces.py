"""Red team 27: a piece whose condition holds at one point only is not dropped.

SymPy's ``simplify`` takes ``Piecewise((1, x^2 <= 0), (0, True))`` to 0, dropping the piece
reached at x = 0 alone (as for ``(x - 1)^2 <= 0``, ``x^4 <= 0``). Through it, ``h(x) = 0`` after
``h(x) = 1`` where ``x^2 \\le 0``, else 0, was verified by algebra (false at x = 0). A piecewise
difference is proved zero piece by piece only (``equivalence._zero_by_cases``), where such a
piece is checked at its point.
"""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.check.equivalence import prove_equal
from eqchain.model import Verdict

from .judged import check_markdown


def _doc(*rows: str) -> str:
    return "".join(f"Text.\n\n$$\n{r}\n$$\n\n" for r in rows)


x = sp.Symbol("x", real=True)


@pytest.mark.parametrize("condition", [x**2 <= 0, (x - 1) ** 2 <= 0, x**4 <= 0])
def test_a_piece_at_one_point_is_not_simplified_away(condition):
    assert prove_equal(sp.Piecewise((1, condition), (0, True)), sp.Integer(0)) is None


def test_the_piece_at_its_point_is_checked():
    # true at every x: the piece at x = 0 gives x = 0 there
    assert prove_equal(sp.Piecewise((x, x**2 <= 0), (0, True)), sp.Integer(0)) is not None


def test_the_false_step_is_refuted_through_the_cli(tmp_path):
    doc = _doc(
        "h(x) = \\begin{cases} 1 & x^2 \\leq 0 \\\\ 0 & \\text{otherwise} \\end{cases}",
        "h(x) = 0",
    )
    results = check_markdown(tmp_path, doc)
    assert results[1].verdict is not Verdict.VERIFIED, (results[1].verdict, results[1].reason)


def test_the_valid_twin_is_verified(tmp_path):
    doc = _doc(
        "h(x) = \\begin{cases} x & x^2 \\leq 0 \\\\ 0 & \\text{otherwise} \\end{cases}",
        "h(x) = 0",
    )
    results = check_markdown(tmp_path, doc)
    assert results[1].verdict is Verdict.VERIFIED, (results[1].verdict, results[1].reason)
