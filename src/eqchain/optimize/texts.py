"""LaTeX for generated claims: eqchain's printer, tidied for reading.

The tidying only removes redundant braces and writes ``\\log y_{k}`` for the log of a single
name; the result is always read back by the eqchain reader when the steps are built, so a claim
is whatever the reader makes of its text, never what this module meant.
"""

from __future__ import annotations

import re

import sympy as sp

from eqchain.latex.printer import latex

_NAME = r"(?:\\[A-Za-z]+|[A-Za-z])(?:_\{[^{}]*\})?"
_DOUBLE_BRACED = re.compile(r"\{\{(" + _NAME + r")\}\}")
_LONE_BRACED = re.compile(r"(^|(?<=[\s({]))\{(" + _NAME + r")\}(?=[\s)}^]|\\right|$)")
_LOG_NAME = re.compile(
    r"\\log\s*(?:\{\s*\\left\(\s*(" + _NAME + r")\s*\\right\)\s*\}"
    r"|\\left\(\s*(" + _NAME + r")\s*\\right\))"
    r"(?=\s*(?:$|[-+=)}]|\\right))"  # only where nothing multiplies it from the right
)
_CDOT_LOG = re.compile(r"(" + _NAME + r"|\}|\d) \\cdot \\log ")
_CDOT_NAMES = re.compile(r"(?<![\\A-Za-z])(" + _NAME + r") \\cdot (?=" + _NAME + r"(?:\s|$))")


def tex(expr) -> str:
    """Readable LaTeX for ``expr``: ``\\sum_{k=1}^{K} t_{k} \\log y_{k}``; in a sum the terms
    with a plus sign come first (``\\frac{t_{k}}{y_{k}} - \\lambda``)."""
    expr = sp.sympify(expr, strict=True)
    if isinstance(expr, sp.Add):
        terms = sorted(sp.Add.make_args(expr), key=lambda t: t.could_extract_minus_sign())
        out = _tidy(latex(terms[0]))
        for term in terms[1:]:
            if term.could_extract_minus_sign():
                out += " - " + _factor_text(-term)
            else:
                out += " + " + _factor_text(term)
        return out
    return _tidy(latex(expr))


def _factor_text(term) -> str:
    text = _tidy(latex(term))
    return f"\\left({text}\\right)" if isinstance(term, sp.Add) else text


def _tidy(text: str) -> str:
    text = _DOUBLE_BRACED.sub(r"{\1}", text)
    text = _LONE_BRACED.sub(r"\1\2", text)
    text = _LOG_NAME.sub(lambda m: f"\\log {m.group(1) or m.group(2)}", text)
    text = _CDOT_LOG.sub(r"\1 \\log ", text)
    text = _CDOT_NAMES.sub(r"\1 ", text)
    return text


def paren(expr) -> str:
    """``tex(expr)``, in parentheses unless it is a single name or number."""
    text = tex(expr)
    if isinstance(expr, (sp.Symbol, sp.Indexed)) or (expr.is_Number and expr >= 0):
        return text
    return f"\\left({text}\\right)"


def derivative(var, order: int = 1, of: str = r"\mathcal{L}") -> str:
    """``\\frac{\\partial \\mathcal{L}}{\\partial y_{k}}`` (or of order 2)."""
    v = tex(var)
    if order == 1:
        return f"\\frac{{\\partial {of}}}{{\\partial {v}}}"
    return f"\\frac{{\\partial^{{{order}}} {of}}}{{\\partial {v}^{{{order}}}}}"
