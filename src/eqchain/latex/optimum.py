"""``\\arg\\max_{\\theta} f`` and ``\\arg\\min_{\\theta} f``: the point where f is largest
(smallest) over the variable, as an unevaluated SymPy node the checker decides with the
Lagrange solver (:mod:`eqchain.optimize`); SymPy never evaluates it.

A side of a row is read this way only when it is the whole side: ``\\arg\\max`` (or
``\\argmax``, ``\\operatorname*{arg\\,max}``, ``\\operatorname{argmax}``, ``\\text{argmax}``,
``\\mathrm{arg\\,max}``) with a subscript
naming one variable, then the objective up to the next relation.
"""

from __future__ import annotations

import re

import sympy as sp


class ArgMax(sp.Function):
    """``ArgMax(objective, variable)``: where ``objective`` is largest over ``variable``."""

    nargs = 2
    sense = "maximize"

    @classmethod
    def eval(cls, objective, variable):
        return None  # never evaluated: the checker decides it

    def _latex(self, printer):
        word = "max" if self.sense == "maximize" else "min"
        objective, variable = self.args
        shown = printer._print(objective)
        if isinstance(objective, sp.Add):
            shown = f"\\left({shown}\\right)"
        return f"\\arg\\{word}_{{{printer._print(variable)}}} {shown}"


class ArgMin(ArgMax):
    """``ArgMin(objective, variable)``: where ``objective`` is smallest over ``variable``."""

    sense = "minimize"


_SPACE = r"(?:\\,|\\;|\\ )?"
_WORD = (
    r"(?:\\arg\s*\\(max|min)|\\arg(max|min)"
    r"|\\(?:operatorname\*?|text|mathrm|textrm|operatorname)\s*"
    r"\{\s*arg\s*" + _SPACE + r"\s*(max|min)\s*\}"
    # \mathop{\mathrm{argmax}}; \mathop{\rm argmax}, which the reader's normalisation has
    # made \mathop\rm{ argmax} by then
    r"|\\mathop\s*(?:\{\s*\\mathrm\s*\{|\\rm\s*\{)\s*arg\s*" + _SPACE + r"\s*(max|min)\s*\}\s*\}?)"
)
_START = re.compile(r"\s*" + _WORD + r"\s*_\s*(\{[^{}]*\}|\\[A-Za-z]+|[A-Za-z])")
# \underset{\theta}{\arg\max}, \underset{\theta}{\operatorname{argmax}}: the variable first
_UNDER = re.compile(r"\s*\\underset\s*(\{[^{}]*\})\s*\{\s*" + _WORD + r"\s*\}")


def split_optimum(text: str):
    """``(sense, variable text, offset of the variable, offset of the objective)`` when
    ``text`` (one side of a row) starts with an arg max or arg min, else None."""
    m = _START.match(text)
    if m is not None:
        word = next(g for g in m.groups()[:4] if g)
        variable, start = m.group(5), m.start(5)
    else:
        m = _UNDER.match(text)
        if m is None:
            return None
        word = next(g for g in m.groups()[1:5] if g)
        variable, start = m.group(1), m.start(1)
    if variable.startswith("{"):
        variable, start = variable[1:-1], start + 1
    sense = "maximize" if word == "max" else "minimize"
    return sense, variable, start, m.end()
