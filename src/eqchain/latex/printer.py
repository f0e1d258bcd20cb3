"""Printing SymPy expressions as LaTeX the way eqchain reads it back.

A subclass of SymPy's LaTeX printer: ``\\log`` for the natural log, ``y_{k}`` for indexed
symbols, and the author's term order kept where the tree is unevaluated.
"""

from __future__ import annotations

from sympy.printing.latex import LatexPrinter


class EqchainLatexPrinter(LatexPrinter):
    def __init__(self, settings=None):
        base = {"ln_notation": False, "order": "none", "mul_symbol": None}
        base.update(settings or {})
        super().__init__(base)

    def _print_Indexed(self, expr):
        base = self._print(expr.base.label)
        idx = ",".join(self._print(i) for i in expr.indices)
        return f"{base}_{{{idx}}}"


def latex(expr) -> str:
    """LaTeX for ``expr`` that :func:`eqchain.latex.read.read_formula` reads back equal."""
    return EqchainLatexPrinter().doprint(expr)
