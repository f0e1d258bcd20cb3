"""Indicators: ``\\mathbb{1}\\{y = k\\}``, ``\\mathbb{1}[y_i \\neq k]``, ``\\mathbf{1}(x > 0)``,
``\\mathbb{I}(y = 1)``, ``\\mathbb{1}_{\\{y = k\\}}``, the lecture notes' ``1\\{y^{(i)} = j\\}``.

The reading (README, notation table "Indicators"): 1 where the condition in the brackets holds,
0 elsewhere, ``Piecewise((1, condition), (0, True))``. The marker is ``\\mathbb``, ``\\mathbf``,
``\\mathds``, ``\\mathbbm``, ``\\boldsymbol``, ``\\bm`` or ``\\mathrm`` around the digit 1, or
``\\mathbb``/``\\mathbf``/``\\mathds`` around the letter I, or the bare digit 1 before ``\\{``;
its condition stands in ``\\{ \\}``, ``[ ]``, ``( )`` or a subscript, and is one or more
relations (``=``, ``\\neq``, ``<``, ``\\le``, ``>``, ``\\ge``; a chain ``0 < x \\le 1``) joined by
``\\wedge``, ``\\land`` or commas. An equality between integers (a sum's index, a declared
integer) is the Kronecker delta (``scope.bind``). ``\\mathbb{I}(x)`` without a relation stays the
operator applied (self-information), ``\\mathbf{1}`` without brackets the name (a vector of
ones); ``\\mathbb{1}`` before brackets without a relation (a set's indicator ``\\mathbb{1}_A(x)``)
is not supported, with the reason.
"""

from __future__ import annotations

import sympy as sp

from eqchain.errors import LatexError, UnsupportedLatex

_ONE_STYLES = {"mathbb", "mathbf", "mathds", "mathbbm", "boldsymbol", "bm", "mathrm"}
_I_STYLES = {"mathbb", "mathbf", "mathds", "mathbbm"}
_RELATIONS = {
    "le": sp.Le,
    "leq": sp.Le,
    "leqslant": sp.Le,
    "ge": sp.Ge,
    "geq": sp.Ge,
    "geqslant": sp.Ge,
    "lt": sp.Lt,
    "gt": sp.Gt,
    "neq": sp.Ne,
    "ne": sp.Ne,
}
_CHAR_RELATIONS = {"=": sp.Eq, "<": sp.Lt, ">": sp.Gt}
_AND = {"wedge", "land"}


def read_indicator(parser):
    """The indicator starting at ``parser.pos``, the parser moved past it; None when no
    indicator starts there (the tokens are read as before)."""
    tokens, k = parser.tokens, parser.pos
    marker = _marker(parser, k)
    if marker is None:
        return None
    after, letter_i = marker
    found = _condition_range(parser, after, bare_one=tokens[k].kind == "digit")
    if found is None:
        if letter_i or tokens[k].kind == "digit":
            return None  # \mathbb{I}(x), 1 (x + 1): as before
        nxt = parser.at(after)
        bold = tokens[k].text in ("mathbf", "bm", "boldsymbol")
        if bold and nxt is not None and nxt.is_char("_"):
            return None  # \mathbf{1}_n: the vector of ones, as before
        if nxt is not None and (nxt.is_char("[_") or nxt.is_cmd("{")):
            raise UnsupportedLatex(
                "not supported: an indicator needs a condition in its brackets "
                "(\\mathbb{1}\\{y = k\\}, \\mathbb{1}[x > 0]); the indicator of a set "
                "(\\mathbb{1}_A(x)) is not read",
                column=tokens[k].column,
            )
        return None  # \mathbf{1} alone, \mathbf{1}^T x: the name, as before
    lo, hi, end = found
    condition = _condition(parser, lo, hi)
    parser.pos = end
    return sp.Piecewise((sp.Integer(1), condition), (sp.Integer(0), True))


def _marker(parser, k: int) -> tuple[int, bool] | None:
    """(index after the marker, whether it is the letter I) for an indicator's marker at k."""
    tok = parser.at(k)
    if tok is None:
        return None
    if tok.kind == "digit" and tok.text == "1":  # the first digit of a number (Parser.number)
        nxt = parser.at(k + 1)
        if nxt is not None and nxt.kind == "digit" and not nxt.space_before:
            return None
        return (k + 1, False) if nxt is not None and nxt.is_cmd("{") else None
    if tok.kind != "cmd" or tok.text not in _ONE_STYLES:
        return None
    o, inner, c = parser.at(k + 1), parser.at(k + 2), parser.at(k + 3)
    if o is None or inner is None or c is None or not o.is_char("{") or not c.is_char("}"):
        return None
    if inner.kind == "digit" and inner.text == "1":
        return k + 4, False
    if inner.kind == "letter" and inner.text == "I" and tok.text in _I_STYLES:
        return k + 4, True
    return None


def _condition_range(parser, j: int, bare_one: bool) -> tuple[int, int, int] | None:
    """(lo, hi, end) of the condition after the marker (its tokens lo..hi, the indicator
    ending before ``end``), when the brackets there hold a relation at their top level."""
    tok = parser.at(j)
    if tok is None:
        return None
    if tok.is_cmd("{"):
        close = parser._escaped_close(j)
        lo, hi, end = j + 1, close, close + 1
    elif bare_one:
        return None
    elif tok.is_char("[("):
        close = parser.partner[j]
        lo, hi, end = j + 1, close, close + 1
    elif tok.is_char("_"):
        o = parser.at(j + 1)
        if o is None or not o.is_char("{"):
            return None
        close = parser.partner[j + 1]
        lo, hi, end = j + 2, close, close + 1
        first = parser.at(lo)
        if first is not None and first.is_cmd("{") and parser._escaped_close(lo) == hi - 1:
            lo, hi = lo + 1, hi - 1  # \mathbb{1}_{\{y = k\}}
    else:
        return None
    if not any(True for _ in _relations_at_top(parser, lo, hi)):
        return None
    return lo, hi, end


def _top(parser, lo: int, hi: int):
    """The indices of ``tokens[lo:hi]`` outside every bracket."""
    k = lo
    while k < hi:
        t = parser.tokens[k]
        yield k
        if t.is_char("([{"):
            k = parser.partner[k] + 1
        elif t.is_cmd("{"):
            k = parser._escaped_close(k) + 1
        else:
            k += 1


def _relations_at_top(parser, lo: int, hi: int):
    """(index, relation class, width) of each relation at the top level of ``lo..hi``."""
    negated = -1
    for k in _top(parser, lo, hi):
        t = parser.tokens[k]
        if k == negated:
            continue  # the = of \not=
        if t.kind == "char" and t.text in _CHAR_RELATIONS:
            yield k, _CHAR_RELATIONS[t.text], 1
        elif t.kind == "cmd" and t.text in _RELATIONS:
            yield k, _RELATIONS[t.text], 1
        elif t.is_cmd("not") and (n := parser.at(k + 1)) is not None and n.is_char("="):
            negated = k + 1
            yield k, sp.Ne, 2


def _condition(parser, lo: int, hi: int):
    """The condition of ``tokens[lo:hi]``: its parts (split at \\wedge, \\land and commas),
    each a chain of relations."""
    parts, start = [], lo
    for k in _top(parser, lo, hi):
        t = parser.tokens[k]
        if (t.kind == "cmd" and t.text in _AND) or t.is_char(","):
            parts.append((start, k))
            start = k + 1
    parts.append((start, hi))
    conditions = []
    for a, b in parts:
        relations = list(_relations_at_top(parser, a, b))
        if not relations:
            column = parser.tokens[min(a, len(parser.tokens) - 1)].column
            raise LatexError(
                "an indicator's condition: each part joined by \\wedge or a comma must be a "
                "relation (y = k, x > 0)",
                column=column,
            )
        sides, at = [], a
        for k, _, width in relations:
            sides.append(parser.within(at, k, "side of an indicator's condition"))
            at = k + width
        sides.append(parser.within(at, b, "side of an indicator's condition"))
        for (_, relation, _), left, right in zip(relations, sides, sides[1:], strict=False):
            conditions.append(relation(left, right))
    return sp.And(*conditions)
