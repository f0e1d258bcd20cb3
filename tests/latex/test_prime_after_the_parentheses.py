"""``f(x)'``: a prime after a function of the document applied to one name is ``f'(x)``.

Found by a helper on a Japanese sigmoid post: ``f(x)' = a f(x)(1 - f(x))`` was "not supported:
primes (f')". At a point, ``f(0)'`` stays rejected (the derivative of the number f(0), or
f'(0)?)."""

from __future__ import annotations

import pytest
import sympy as sp
from helpers import check_document_rows

from eqchain.errors import LatexError
from eqchain.latex.read import read_formula
from eqchain.operators import Prime

F = frozenset({"f"})


def test_read_as_the_derivative_by_the_name():
    (_, rhs) = read_formula(r"y = f(x)''", functions=F).sides
    x = sp.Symbol("x")
    assert rhs == Prime(sp.Function("f")(x), (x, 2))


def test_at_a_point_it_is_ambiguous():
    with pytest.raises(LatexError, match="ambiguous"):
        read_formula(r"y = f(0)'", functions=F)


def test_in_a_document(tmp_path):
    rows = (
        r"f(x) = \frac{1}{1+e^{-x}}",
        r"f(x)' = f(x)(1 - f(x))",
        r"f(x)' = f(x)(1 + f(x))",
    )
    got = [s["status"] for s in check_document_rows(tmp_path, *rows)]
    assert got == ["definition", "verified", "refuted"]
