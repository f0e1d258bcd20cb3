"""Piecewise definitions: a ``cases`` (``dcases``) environment, or an ``array`` inside
``\\left\\{ ... \\right.``, whose rows are ``value & condition``.

The reading (README, notation table "Piecewise definitions"): each row is a value, ``&``, and
a condition as after a row's comma (:mod:`eqchain.latex.conditions`: ``x < 0``,
``\\text{if } a \\le x \\le b``, ``(i = j)``), or ``\\text{otherwise}`` / ``\\text{else}`` (true:
the last row only). The whole is ``sympy.Piecewise`` of (value, condition) in the rows' order;
without an ``otherwise`` row it is undefined (NaN) where no condition holds, and so is it where
two rows' conditions may both hold with different values (:func:`_exclusive`). A row without
``&``, with more than one ``&``, with an equation as its value, or with a condition eqchain
does not read makes the formula unreadable, with the reason and the column.

The environment is read here, before the rest of its row: the row's other reading steps see a
placeholder name in its place (:func:`blank_pieces`), which the reader then replaces by the
Piecewise.
"""

from __future__ import annotations

import re

import sympy as sp

from eqchain.errors import LatexError, UnsupportedLatex
from eqchain.latex.conditions import read_condition, relational
from eqchain.latex.decorations import braced_argument, strip_decorations

ENVIRONMENTS = ("cases", "dcases", "array")
_BEGIN = re.compile(r"\\begin\s*\{(" + "|".join(ENVIRONMENTS) + r")\}")
_ENV = re.compile(r"\\(begin|end)\s*\{([A-Za-z*]+)\}")
_LEFT_BRACE = re.compile(r"\\left\s*(?:\\\{|\\lbrace(?![A-Za-z]))\s*\Z")
_RIGHT_DOT = re.compile(r"\s*\\right\s*\.")
_OTHERWISE = {"otherwise", "else", "sonst", "その他", "それ以外"}
_ROW_BREAK = re.compile(r"\\\\\*?(?:\s*\[[^\]]*\])?")


def environment_end(text: str, i: int) -> int | None:
    """If a piecewise environment begins at ``text[i]`` (``\\begin{cases}``), the offset after
    its ``\\end``; None otherwise. Raises LatexError for one without its ``\\end``."""
    m = _BEGIN.match(text, i)
    if m is None:
        return None
    name, depth, j = m.group(1), 0, i
    while True:
        found = _ENV.search(text, j)
        if found is None:
            raise LatexError(f"\\begin{{{name}}} without its \\end", column=i + 1)
        if found.group(2) == name:
            depth += 1 if found.group(1) == "begin" else -1
            if depth == 0:
                return found.end()
        j = found.end()


def spans(text: str) -> list[tuple[int, int, int, int]]:
    """The piecewise environments of one row: (start, end, inner start, inner end), where
    start..end includes a ``\\left\\{`` before an ``array`` and the ``\\right.`` after it.
    Raises UnsupportedLatex for an ``array`` that is not inside ``\\left\\{ ... \\right.``."""
    out, i = [], 0
    while True:
        m = _BEGIN.search(text, i)
        if m is None:
            return out
        end = environment_end(text, m.start())
        inner_start = m.end()
        inner_end = text.rindex("\\end", m.start(), end)
        start = m.start()
        if m.group(1) == "array":
            arg = braced_argument(text, inner_start)  # the column specification {rl}
            if arg is not None:
                inner_start = arg[1] + 1
            before = _LEFT_BRACE.search(text, 0, m.start())
            after = _RIGHT_DOT.match(text, end)
            if before is None or after is None:
                raise UnsupportedLatex(
                    "not supported: an array that is not a piecewise definition "
                    "(\\left\\{ \\begin{array} ... \\end{array} \\right.)",
                    column=m.start() + 1,
                )
            start, end = before.start(), after.end()
        out.append((start, end, inner_start, inner_end))
        i = end


def read_piecewise(text: str, inner: tuple[int, int], offset: int, read_part) -> sp.Piecewise:
    """The Piecewise of the rows of ``text[inner[0]:inner[1]]`` (at ``offset`` in the
    formula). ``read_part(text, offset)`` reads one expression. Raises LatexError."""
    start, end = inner
    body = text[start:end]
    pieces, rows = [], _rows(body)
    for k, (row, at) in enumerate(rows):
        at += start
        columns = _columns(row)
        if len(columns) != 2:
            column = offset + at + (columns[2][1] if len(columns) > 2 else 1)
            raise LatexError(
                "a row of a piecewise definition is 'value & condition'"
                + (" (one & only)" if len(columns) > 2 else ""),
                column=column,
            )
        (value, v_at), (cond, c_at) = columns
        expr = read_part(value, offset + at + v_at)
        deco = strip_decorations(cond, offset + at + c_at)
        words = " ".join((deco.annotation or "").split()).lower()
        if not deco.body.strip(" \t\n.,;") and words in _OTHERWISE:
            if k != len(rows) - 1:
                raise LatexError(
                    "'otherwise' must be the last row of a piecewise definition",
                    column=offset + at + c_at + 1,
                )
            pieces.append((expr, sp.true))
            continue
        condition = read_condition(deco.body, offset + at + c_at, read_part, deco.annotation)
        pieces.append((expr, relational(condition.atoms)))
    if not pieces:
        raise LatexError("an empty piecewise definition", column=offset + start + 1)
    return sp.Piecewise(*_exclusive(pieces), evaluate=False)


def _exclusive(pieces: list) -> list:
    """The pieces as the author's rows say, whatever their order: where two rows' conditions
    may hold together with different values (the overlap is not shown empty, nor a finite set
    of points with equal values, nor are the values shown equal), the definition says two
    things, and SymPy's Piecewise would silently take the first. Such a row's condition then
    excludes the other's, and ``otherwise`` is where no row's condition holds: the overlap is
    left undefined (NaN). Rows shown not to conflict keep their conditions as written."""
    rows = [(v, c) for v, c in pieces if c is not sp.true]
    conflicts = {
        (k, m)
        for k in range(len(rows))
        for m in range(len(rows))
        if k != m and not _agree_where_both(rows[k][0], rows[k][1], rows[m][0], rows[m][1])
    }
    if not conflicts:
        return pieces
    out = [
        (
            value,
            sp.And(cond, *[sp.Not(rows[m][1]) for m in range(len(rows)) if (k, m) in conflicts]),
        )
        for k, (value, cond) in enumerate(rows)
    ]
    otherwise = [v for v, c in pieces if c is sp.true]
    if otherwise:
        out.append((otherwise[0], sp.And(*[sp.Not(c) for _, c in rows])))
    return out


def _agree_where_both(value_a, cond_a, value_b, cond_b) -> bool:
    # what the conditions are about (phi(z), y_i) as plain real names, the same in all four
    opaque = {
        node: sp.Dummy(f"o{n}", real=True)
        for n, node in enumerate(
            sorted(
                (cond_a.atoms(sp.Indexed) | cond_a.atoms(sp.core.function.AppliedUndef))
                | (cond_b.atoms(sp.Indexed) | cond_b.atoms(sp.core.function.AppliedUndef)),
                key=str,
            )
        )
    }
    try:
        both = sp.And(cond_a.xreplace(opaque), cond_b.xreplace(opaque))
        if both is sp.false:
            return True
        difference = (value_a - value_b).xreplace(opaque)
        region = both.as_set() if len(both.free_symbols) == 1 else None
        if region is not None and region.is_empty:
            return True
        if isinstance(region, sp.FiniteSet):
            (name,) = both.free_symbols
            return all(sp.simplify(difference.xreplace({name: p})) == 0 for p in region)
        return sp.simplify(difference) == 0
    except Exception:  # noqa: BLE001 - SymPy could not tell: they may conflict
        return False


def _rows(body: str) -> list[tuple[str, int]]:
    """The rows of the environment's body (split at ``\\\\`` outside braces), each with its
    offset; empty rows are left out."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            m = _ROW_BREAK.match(body, i)
            if m and depth == 0:
                out.append((body[start:i], start))
                start = i = m.end()
                continue
            i += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        i += 1
    out.append((body[start:], start))
    return [(r, at) for r, at in out if r.strip()]


def _columns(row: str) -> list[tuple[str, int]]:
    """The row's columns (split at ``&`` outside braces), each with its offset."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(row):
        ch = row[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == "&" and depth == 0:
            out.append((row[start:i], start))
            start = i + 1
        i += 1
    out.append((row[start:], start))
    return out


def cells(text: str, inner: tuple[int, int]) -> list[str]:
    """The cells of the environment whose body is ``text[inner[0]:inner[1]]``: each row's
    value and condition, as written (prose such as ``\\text{if }`` included)."""
    body = text[inner[0] : inner[1]]
    return [cell for row, _ in _rows(body) for cell, _ in _columns(row)]


def blank_pieces(text: str, found: list, names: list[str]) -> str:
    """``text`` with each piecewise environment replaced by its placeholder name and spaces
    (same length, so that columns stay those of the author's text)."""
    out = list(text)
    for (start, end, _, _), name in zip(found, names, strict=True):
        for k in range(start, end):
            out[k] = "\n" if text[k] == "\n" else " "
        out[start] = name
    return "".join(out)


def placeholder_names(text: str, count: int) -> list[str]:
    """``count`` letters that occur nowhere in ``text`` (names for the placeholders)."""
    free = [c for c in "QZYXWVUTSRPONMLKJIHGFEDCBA" if c not in text]
    if len(free) < count:
        raise UnsupportedLatex("not supported: this many piecewise definitions in one row")
    return free[:count]
