"""Generated LaTeX is tidy and reads back as the expression it was printed from."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.latex.read import read_formula
from eqchain.model import SymbolDecl
from eqchain.optimize.texts import derivative, tex
from eqchain.scope import Scope
from eqchain.tree import canonical

SCOPE = Scope.from_decls(
    (
        SymbolDecl("K", ("positive", "integer")),
        SymbolDecl("N", ("positive",)),
        SymbolDecl("m", ("positive",)),
        SymbolDecl("mu", ("positive",)),
        SymbolDecl("lambda", ("real",)),
        SymbolDecl("y", ("positive",), ("k",), (("1", "K"),)),
        SymbolDecl("t", ("positive", "integer"), ("k",), (("1", "K"),)),
    )
)
k = SCOPE.index_symbol("k")
y, t = SCOPE.families["y"].base, SCOPE.families["t"].base
K, N, m, mu, lam = (SCOPE.symbols[n] for n in ("K", "N", "m", "mu", "lambda"))

EXPRESSIONS = [
    sp.Sum(t[k] * sp.log(y[k]), (k, 1, K)),
    t[k] / y[k] - lam,
    -t[k] / y[k] ** 2,
    -(N**2) / t[k],
    lam * y[k],
    t[k] / sp.Sum(t[k], (k, 1, K)),
    m * sp.log(mu) + (N - m) * sp.log(1 - mu),
    m / mu - (N - m) / (1 - mu),
    sp.Rational(-50625, 2),
]


@pytest.mark.parametrize("expr", EXPRESSIONS, ids=str)
def test_printed_text_reads_back_equal(expr):
    (side,) = read_formula(tex(expr), SCOPE.index_names).sides
    assert canonical(SCOPE.bind(side)) == canonical(expr)


def test_log_likelihood_is_written_like_a_textbook():
    assert tex(EXPRESSIONS[0]) == r"\sum_{k=1}^{K} t_{k} \log y_{k}"


def test_positive_terms_come_first():
    assert tex(t[k] / y[k] - lam) == r"\frac{t_{k}}{y_{k}} - \lambda"


def test_derivative_notation():
    assert derivative(y[k]) == r"\frac{\partial \mathcal{L}}{\partial y_{k}}"
    assert derivative(y[k], 2) == r"\frac{\partial^{2} \mathcal{L}}{\partial y_{k}^{2}}"
