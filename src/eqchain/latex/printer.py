"""Printing SymPy expressions as LaTeX that eqchain reads back to the same expression.

A subclass of SymPy's LaTeX printer: ``\\log{\\left(x \\right)}`` for the natural log (the
reader takes a braced parenthesised argument as the argument), ``y_{k}`` for indexed symbols,
``e^{x}`` for exp, the author's term order where the tree is unevaluated; and eqchain's own
notation where SymPy's would read back differently: symbol names (``\\hat{y}`` for "haty"),
one ``\\sum`` per limit, derivatives as ``\\frac{\\partial (...)}{\\partial x}``.
"""

from __future__ import annotations

import sympy as sp
from sympy.printing.latex import LatexPrinter

from eqchain.latex.commands import ACCENTS, GREEK

_ACCENTS_LONGEST_FIRST = sorted(ACCENTS, key=len, reverse=True)


class EqchainLatexPrinter(LatexPrinter):
    """SymPy's LaTeX printer with eqchain's notation (see the module docstring)."""

    def __init__(self, settings=None):
        base = {"ln_notation": False, "order": "none", "mul_symbol": None}
        base.update(settings or {})
        super().__init__(base)

    def _print_Symbol(self, expr, style="plain"):
        return name_latex(expr.name)

    def _print_Indexed(self, expr):
        base = name_latex(str(expr.base.label))
        idx = ",".join(self._print(i) for i in expr.indices)
        return f"{base}_{{{idx}}}"

    def _print_IndexedBase(self, expr):
        return name_latex(str(expr.label))

    def _print_Sum(self, expr):
        return self._big_operator(expr, "\\sum")

    def _print_Product(self, expr):
        return self._big_operator(expr, "\\prod")

    def _big_operator(self, expr, command: str) -> str:
        """One ``\\sum_{k=1}^{K}`` per limit, outermost first (SymPy's own printer stacks
        several limits with ``\\substack`` and ``\\\\``)."""
        prefix = "".join(
            f"{command}_{{{self._print(var)}={self._print(lo)}}}^{{{self._print(hi)}}} "
            for var, lo, hi in reversed(expr.limits)
        )
        body = self._print(expr.function)
        if isinstance(expr.function, sp.Add):
            body = f"\\left({body}\\right)"
        return prefix + body

    def _print_Derivative(self, expr):
        total = sum(count for _, count in expr.variable_count)
        symbol = "\\partial"
        top = symbol if total == 1 else f"{symbol}^{{{total}}}"
        bottom = " ".join(
            f"{symbol} {self._print(var)}" + (f"^{{{count}}}" if count != 1 else "")
            for var, count in expr.variable_count
        )
        inner = self._print(expr.expr)
        if not (expr.expr.is_Symbol or isinstance(expr.expr, sp.Indexed)):
            inner = f"\\left({inner}\\right)"
        return f"\\frac{{{top} {inner}}}{{{bottom}}}"


def name_latex(name: str) -> str:
    """LaTeX for a symbol name that the reader reads back as that name: ``x``, ``\\alpha``,
    ``\\hat{y}`` for "haty", ``\\mathcal{L}`` for "mathcalL", ``w_{\\text{new}}`` for "w_new",
    ``\\mathit{name}`` for other words. Names the reader cannot produce are printed as
    ``\\mathit{...}`` of their letters, which reads back differently."""
    if len(name) == 1 and name.isascii() and name.isalpha():
        return name
    if name in GREEK:
        return "\\" + name
    for accent in _ACCENTS_LONGEST_FIRST:
        rest = name[len(accent) :]
        if name.startswith(accent) and rest and _single_name(rest):
            return f"\\{accent}{{{name_latex(rest)}}}"
    if "_" in name:
        base, sub = name.split("_", 1)
        if base and _single_name(base) and sub.isascii() and sub.isalnum():
            return f"{name_latex(base)}_{{\\text{{{sub}}}}}"
    letters = "".join(ch for ch in name if ch.isascii() and ch.isalpha()) or "x"
    return f"\\mathit{{{letters}}}"


def _single_name(name: str) -> bool:
    """Whether ``name`` prints as one letter, Greek letter or accented name."""
    if (len(name) == 1 and name.isascii() and name.isalpha()) or name in GREEK:
        return True
    return any(
        name.startswith(accent) and len(name) > len(accent) and _single_name(name[len(accent) :])
        for accent in _ACCENTS_LONGEST_FIRST
    )


def latex(expr) -> str:
    """LaTeX for ``expr`` that :func:`eqchain.latex.read.read_formula` reads back to an equal
    expression (compared with :func:`eqchain.latex.tree.canonical`) for expressions built from
    symbols, indexed symbols, numbers, + * ^, log, exp, sums, products and derivatives."""
    return EqchainLatexPrinter().doprint(expr)
