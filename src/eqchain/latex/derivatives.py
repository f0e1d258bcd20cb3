"""Recognising derivative fractions: ``\\frac{\\partial L}{\\partial y_k}``,
``\\frac{\\partial^2 L}{\\partial y_k^2}``, ``\\frac{d\\sigma}{dz}``, and the operator forms
``\\frac{\\partial}{\\partial y_k}(...)`` and ``\\frac{d}{dx} ...``.

A fraction whose numerator starts with ``\\partial`` must be a derivative (else it is an error);
one whose numerator starts with the letter ``d`` is a derivative only when its denominator is
``d`` followed by one variable, and an ordinary fraction otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

from eqchain.errors import LatexError
from eqchain.latex.names import NameSpan, scan_name, starts_name
from eqchain.latex.tokens import Token


@dataclass(frozen=True)
class DerivativeSpec:
    """A derivative fraction: the variables with their orders (as name spans), and the token
    range of the differentiated expression in the numerator (None for the operator form,
    whose operand follows the fraction)."""

    variables: tuple[tuple[NameSpan, int], ...]
    operand: tuple[int, int] | None
    # ``\\frac{\\partial f}{\\partial \\sigma^2}``: the first derivative by the square of the one
    # variable (read by the chain rule as the derivative by sigma over 2 sigma)
    by_square: bool = False


def recognise(
    tokens: list[Token],
    numerator: tuple[int, int],
    denominator: tuple[int, int],
    partner: dict[int, int],
) -> DerivativeSpec | None:
    """The derivative a ``\\frac`` with these argument token ranges denotes, or None when it is
    an ordinary fraction. Raises LatexError for a ``\\partial`` fraction that is malformed or
    whose orders do not add up."""
    nlo, nhi = numerator
    dlo, dhi = denominator
    if nlo >= nhi:
        return None
    first = tokens[nlo]
    if first.is_cmd("partial"):
        variables = _denominator(tokens, dlo, dhi, partner, partial=True)
        if variables is None:
            raise LatexError(
                "cannot read this derivative: write \\frac{\\partial f}{\\partial x}",
                column=first.column,
            )
        start = nlo + 1
    else:
        start = _upright_d(tokens, nlo, nhi, partner)
        if start is None:
            return None
        variables = _denominator(tokens, dlo, dhi, partner, partial=False)
        if variables is None:
            return None
    order, start = _order(tokens, start, nhi, partner)
    total = sum(n for _, n in variables)
    operand = (start, nhi) if start < nhi else None
    if order == 1 and len(variables) == 1 and total == 2:
        # d f / d sigma^2: a first derivative (the numerator says so) by the square
        return DerivativeSpec(((variables[0][0], 1),), operand, by_square=True)
    if order != total:
        raise LatexError(
            f"the derivative's order {order} in the numerator does not match the order {total} "
            "in the denominator",
            column=first.column,
        )
    return DerivativeSpec(tuple(variables), operand)


# The upright d of a differential: \mathrm{d}, and \text{d}, \textrm{d}, \operatorname{d}
# (read so only in a differential's place: decorations.differential_texts keeps \text{d} from
# the prose only where one may stand, and anywhere else the parser knows no \text)
UPRIGHT_D = ("mathrm", "text", "textrm", "operatorname")


def upright_d_at(tokens: list[Token], i: int, hi: int) -> bool:
    """Whether ``tokens[i:i+4]`` (before ``hi``) is ``\\mathrm{d}`` (or :data:`UPRIGHT_D`'s)."""
    return (
        i + 3 < hi
        and tokens[i].is_cmd(*UPRIGHT_D)
        and tokens[i + 1].is_char("{")
        and tokens[i + 2].kind == "letter"
        and tokens[i + 2].text == "d"
        and tokens[i + 3].is_char("}")
    )


def _upright_d(tokens: list[Token], i: int, hi: int, partner: dict[int, int]) -> int | None:
    """Index after a differential ``d`` (or ``\\mathrm{d}``) at ``tokens[i]``, else None."""
    tok = tokens[i]
    if tok.kind == "letter" and tok.text == "d":
        nxt = i + 1
    elif upright_d_at(tokens, i, min(hi + 1, len(tokens))) and partner.get(i + 1) == i + 3:
        nxt = i + 4
    else:
        return None
    if nxt < len(tokens) and tokens[nxt].is_char("_"):
        return None  # d_1 is a variable
    return nxt


def _order(tokens: list[Token], i: int, hi: int, partner: dict[int, int]) -> tuple[int, int]:
    """Read an optional ``^n``/``^{n}`` order at ``tokens[i]``: (order, index after it)."""
    if i < hi and tokens[i].is_char("^"):
        k = i + 1
        if k < hi and tokens[k].kind == "digit":
            return int(tokens[k].text), k + 1
        if k < hi and tokens[k].is_char("{"):
            close = partner[k]
            inner = tokens[k + 1 : close]
            if inner and all(t.kind == "digit" for t in inner):
                return int("".join(t.text for t in inner)), close + 1
        raise LatexError("a derivative's order must be a number", column=tokens[i].column)
    return 1, i


def _denominator(tokens, lo: int, hi: int, partner, partial: bool):
    """The variables of ``\\partial x \\partial y^2`` (or ``dx``, ``dx^2``), or None."""
    variables = []
    i = lo
    while i < hi:
        tok = tokens[i]
        if partial:
            if not tok.is_cmd("partial"):
                return None
            i += 1
        else:
            if variables:
                return None
            nxt = _upright_d(tokens, i, hi, partner)
            if nxt is None:
                return None
            i = nxt
        if i < hi and tokens[i].is_char("{") and i in partner:
            # \partial {w_m}: a name in braces of its own is that name (TeX's braces group)
            close = partner[i]
            if close > hi or i + 1 >= close or not starts_name(tokens[i + 1]):
                return None
            span = scan_name(tokens, i + 1, partner)
            if span.end != close:
                return None
            order, i = _order(tokens, close + 1, hi, partner)
            variables.append((span, order))
            continue
        if i >= hi or not starts_name(tokens[i]):
            return None
        span = scan_name(tokens, i, partner)
        if span.end > hi:
            return None
        order, i = _order(tokens, span.end, hi, partner)
        variables.append((span, order))
    return variables or None
