"""A row's condition: what the author writes after a comma (``f(x) = ..., \\quad 0 \\le x \\le 1``)
or in a row of a ``cases`` environment (``1 - e^{-x} & \\text{if } x \\ge 0``).

The reading (README, notation table "Conditions"):

* a top-level comma after an equation (or a ``\\sim``) introduces a condition when what follows
  it, after spacing and one word of prose (``\\text{for}``, ``\\text{if}``, ``\\text{where}``,
  ``\\text{when}``), is a condition; otherwise the comma stays an error, as before;
* a condition is one or more parts separated by commas; a part is a chain of order relations
  (``0 < x < 1``, ``a \\le x \\le b``: all in one direction), ``a \\neq b``, ``i = j`` between
  two names, ``x \\in`` a set (``\\mathbb{R}``, ``\\mathbb{Z}``, an interval ``(a, b)``,
  ``[a, b]``, ``(a, b]``, ``[a, b)``, ``\\{1, \\ldots, n\\}``), or an index range
  ``i = 1, \\ldots, n`` (``i = 1, 2, \\ldots, n``);
* anything else after such a comma (``\\sim``, an equation ``f(x) = ...``) is unreadable, with
  the reason and the column; the condition's parts are read by the same reader as the formula.

A condition is a :class:`Condition`: ``atoms`` hold ``(op, a, b)`` with ``op`` one of ``<``,
``<=``, ``>``, ``>=``, ``!=``, ``=`` (two names), ``integer`` (``x \\in \\mathbb{Z}``, b None),
``real`` (``x \\in \\mathbb{R}``, b None), ``range`` (b = (lower, upper), an integer index
between them) and ``eq`` (an equation a case the prose states holds: "If $x^2 = x$"). No
relational is built while reading (SymPy would evaluate ``0 < 1`` to True);
:func:`relational` builds the SymPy condition of a Piecewise from the atoms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import sympy as sp

from eqchain.errors import LatexError, UnsupportedLatex
from eqchain.latex.brackets import scan

# What a condition part is split at, as commands; < and > are characters.
_ORDER = {"le": "<=", "leq": "<=", "leqslant": "<=", "ge": ">=", "geq": ">=", "geqslant": ">="}
_ORDER |= {"lt": "<", "gt": ">", "neq": "!=", "ne": "!=", "in": "in"}
# the same relations typed as characters (≤ for \le)
_TYPED_ORDER = {"≤": "<=", "≦": "<=", "⩽": "<=", "≥": ">=", "≧": ">=", "⩾": ">=", "≠": "!="}
# Relations that make the text after a comma a statement of its own, never a condition.
_NOT_CONDITION = {"sim", "propto", "Rightarrow", "Longrightarrow", "implies", "iff", "therefore"}
_NOT_CONDITION |= {"Leftrightarrow", "Longleftrightarrow", "coloneqq", "approx"}
_NOT_CONDITION |= {"because"}  # (\because x > 0): the author's reason, prose after the formula
_PROSE_WORDS = {"for", "if", "where", "when", "for all"}
# words that also introduce a condition before a wide space (\quad \text{provided} \quad x > 0)
_CONDITION_WORDS = {"provided", "provided that", "whenever", "assuming", "given", "for every"}
_LEADING_SPACE = re.compile(r"\A(?:\\[,;:! ]|\\q?quad(?![A-Za-z])|~|\s)*")
_ELLIPSIS = re.compile(r"\s*(?:\\[lcv]?dots(?![A-Za-z])|\\ldotp|\.\.\.)\s*\Z")
_COMMAND = re.compile(r"\\([A-Za-z]+)")
_NAME = re.compile(r"\s*(\\?[A-Za-z]+)\s*\Z")


@dataclass(frozen=True)
class Condition:
    """A condition as read: its LaTeX (``text``) and its atoms (see the module's docstring).
    The expressions are the reader's (assumption-free); the loader binds them."""

    text: str
    atoms: tuple[tuple[str, Any, Any], ...]


def split_condition(text: str) -> tuple[int, int] | None:
    """Where a row's trailing condition starts: (offset of its comma, offset after it), for
    the first top-level comma that follows a relation of the row and is followed by a
    relation (an order relation, ``=``, ``\\neq`` or ``\\in``) and by none of the relations
    that make a statement of its own (``\\sim``, ``\\propto``, arrows). None when there is no
    such comma (the row is read as before)."""
    depth, i, seen_relation = 0, 0, False
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\\":
            m = _COMMAND.match(text, i)
            if m is None:
                if i + 1 < n and text[i + 1] in "{}":
                    depth += 1 if text[i + 1] == "{" else -1
                i += 2  # \, \; \{ ...: never a comma of the formula
                continue
            name = m.group(1)
            if depth == 0 and (name in _ORDER or name in _NOT_CONDITION or name == "sim"):
                seen_relation = True
            i = m.end()
            continue
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif depth == 0 and ch in "=<>≤≥≦≧⩽⩾≠":
            seen_relation = True
        elif depth == 0 and ch == "," and seen_relation:
            tail = text[i + 1 :]
            if _is_condition_like(tail):
                return i, i + 1
        i += 1
    return (
        _spaced_bracket_condition(text)
        or _worded_condition(text)
        or _bracketed_inequality(text)
        or _spaced_condition(text)
    )


_INEQUALITY = re.compile(r"[<>≤≥≦≧⩽⩾≠]|\\(?:le|ge|leq|geq|neq|ne|lt|gt)(?![A-Za-z])")


def _bracketed_inequality(text: str) -> tuple[int, int] | None:
    """``f(x) = \\frac{1}{1 + e^{-ax}} (a > 0)``: brackets at the row's end holding an order
    relation (or \\neq) at their top level, after a relation of the row, are its condition,
    with or without spacing before them: a bracket holding an inequality is no factor. (the
    bracket's offset, twice) or None."""
    body = _CLOSING.sub("", text).rstrip(" .,;")
    if not body.endswith(")"):
        return None
    depth, start = 0, None
    for i in range(len(body) - 1, -1, -1):
        ch = body[i]
        if ch == ")" and (i == 0 or body[i - 1] != "\\"):
            depth += 1
        elif ch == "(" and (i == 0 or body[i - 1] != "\\"):
            depth -= 1
            if depth == 0:
                start = i
                break
    if start is None or start == 0:
        return None
    inner, head = body[start + 1 : -1], body[:start]
    if body[start - 1] == "\\" or head.rstrip().endswith("\\left"):
        return None
    if _depth(inner) != 0 or _INEQUALITY.search(_top_level_text(inner)) is None:
        return None  # s (\mathbb{1}\{x > y\} - t): the relation is the indicator's
    if _depth(head) != 0:
        return None
    if re.search(r"[=<>≤≥≦≧⩽⩾≠]|\\(?:le|ge|leq|geq|neq|ne)(?![A-Za-z])", head) is None:
        return None
    if re.search(r"(?:[=<>]|\\[A-Za-z]+)\s*\Z", head):
        return None  # y = (a > 0): the bracket is the whole side, no condition of a side
    if re.search(
        r"(?:(?<![A-Za-z])(?:P|Pr|I)|\\(?:mathbb|mathrm|operatorname)\{(?:P|Pr|I|1)\}"
        r"|\\(?:mathbf|mathds|mathbbm|boldsymbol|bm)\{[1I]\})\Z",
        head,
    ):
        # S = 4 P(|x - \mu| \ge 1): brackets right after a probability's (an indicator's)
        # name are its argument, the event, never the row's condition (it was 4 P under the
        # condition); |x| = x(x \ge 0) keeps its condition
        return None
    if not _is_condition_like(body[start:]):
        return None
    return start, start


def _top_level_text(text: str) -> str:
    """``text`` with everything inside brackets (``( [ {`` and ``\\{ \\}``) blanked."""
    out, depth, i = [], 0, 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and text[i + 1 : i + 2] in ("{", "}"):
            depth += 1 if text[i + 1] == "{" else -1
            out.append("  ")
            i += 2
            continue
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        out.append(ch if depth == 0 and ch not in ")]}" else " ")
        i += 1
    return "".join(out)


_SPACED_BRACKETS = re.compile(r"\\q?quad\s*(?=\(.*\)[\s.,;]*(?:\$\$|\\\])?\s*\Z)", re.DOTALL)
_CLOSING = re.compile(r"(?:\$\$|\\\])?\s*\Z")


# prose (and its spacing) at the end of the text before a wide space: ``a = b \quad
# \text{and}`` before ``\quad c = d`` (an upright word of two letters or more; \mathrm{e} is
# a name)
_PROSE_BEFORE = re.compile(
    r"(?:\\(?:text[a-z]*|mbox)\s*\{[^{}]*\}|\\mathrm\s*\{\s*[A-Za-z]{2,}[^{}]*\})"
    r"(?:\s|\\[,;:! ]|\\q?quad(?![A-Za-z])|~)*\Z"
)


def _after_words(head: str) -> bool:
    """Whether the text before a wide space ends with words (``a = b \\quad \\text{and}``):
    what follows is introduced by them, a condition only where they are for, if, where, when
    (:func:`_worded_condition`); "and c = d" is a second statement, never a case of the first
    (it was read as one: a = b checked where c = d, and c = d never checked)."""
    found = _PROSE_BEFORE.search(head.rstrip())
    if found is None:
        return False
    words = re.sub(r"\\[A-Za-z]+|[{}]", " ", found.group(0))
    words = " ".join(re.sub(r"\\.", " ", words).split()).lower().rstrip(" ,:")
    return words not in _PROSE_WORDS | _CONDITION_WORDS


def _spaced_bracket_condition(text: str) -> tuple[int, int] | None:
    """``\\log(ab) = \\log a + \\log b \\quad (a > 0, b > 0)``: a condition in brackets at the
    row's end, set off by ``\\quad`` or ``\\qquad`` instead of a comma (as Japanese notes write
    it), after a relation of the row, no words before it; (its ``\\quad``'s offset, twice) or
    None."""
    for m in _SPACED_BRACKETS.finditer(text):
        head, tail = text[: m.start()], _CLOSING.sub("", text[m.end() :])
        if _after_words(head):
            continue
        inner = tail.strip().rstrip(" .,;")
        if not (_closes_at_end(inner) and _is_condition_like(tail)):
            continue
        if re.search(r"[=<>≤≥≦≧⩽⩾≠]|\\(?:le|ge|leq|geq|neq|ne)(?![A-Za-z])", head) is None:
            continue
        return m.start(), m.start()
    return None


_WORDED = re.compile(
    r"\\q?quad\s*\\(?:text|textrm|mathrm)\s*\{\s*(?:for|if|where|when)\s*\}", re.IGNORECASE
)


def _worded_condition(text: str) -> tuple[int, int] | None:
    """``k(k-1) \\binom{n}{k} = n(n-1) \\binom{n-2}{k-2} \\quad \\text{for } k \\geq 2``: a
    condition set off by ``\\quad`` (or ``\\qquad``) and one of the words for, if, where, when,
    instead of a comma, at the row's top level after a relation of the row; (its ``\\quad``'s
    offset, twice) or None. The word is the condition's prose (:func:`read_condition`)."""
    for m in _WORDED.finditer(text):
        head, tail = text[: m.start()], text[m.end() :]
        if _depth(head) != 0 or not _is_condition_like(tail):
            continue
        if re.search(r"[=<>≤≥≦≧⩽⩾≠]|\\(?:le|ge|leq|geq|neq|ne)(?![A-Za-z])", head) is None:
            continue
        return m.start(), m.start()
    return None


_SPACED = re.compile(r"\\q?quad(?![A-Za-z])")
_PROSE_IN = re.compile(r"\\(?:text[a-z]*|mbox|mathrm\s*\{\s*[A-Za-z]{2,})(?![A-Za-z])")


def _spaced_condition(text: str) -> tuple[int, int] | None:
    """``\\sum_{k=0}^{\\infty} x^k = \\frac{1}{1 - x} \\qquad |x| < 1``: a condition set off by
    ``\\quad`` or ``\\qquad`` alone, without a comma, running to the row's end, at its top level
    after a relation of the row (a wide space sets no factor apart: it was the chain through
    the product ``\\frac{1}{1 - x} |x| < 1``); (its ``\\quad``'s offset, twice) or None. Two
    equations so set apart were cut into rows before (``rows.beside_split``)."""
    for m in _SPACED.finditer(text):
        head, tail = text[: m.start()], _CLOSING.sub("", text[m.end() :])
        if _depth(head) != 0 or not tail.strip() or not _is_condition_like(tail):
            continue
        if _PROSE_IN.search(tail) or _after_words(head):
            continue  # \quad \text{for all } x > 0: words, which _worded_condition reads or not
        if not _is_condition_like(head):  # a relation of the row, outside brackets
            continue
        return m.start(), m.start()
    return None


def _depth(text: str) -> int:
    """The bracket depth at the end of ``text`` (an escaped ``\\{`` counts as a bracket)."""
    depth = 0
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
    return depth


def _is_condition_like(tail: str) -> bool:
    """Whether ``tail`` holds a top-level relation a condition may have, and none that makes a
    statement of its own."""
    inner = _LEADING_SPACE.sub("", tail).rstrip(" .,;")
    if inner.startswith("(") and inner.endswith(")") and _closes_at_end(inner):
        tail = inner[1:-1]  # (x > 0): a condition in brackets
    found, depth, i = False, 0, 0
    while i < len(tail):
        ch = tail[i]
        if ch == "\\":
            m = _COMMAND.match(tail, i)
            if m is None:
                i += 2
                continue
            if depth == 0 and m.group(1) in _NOT_CONDITION:
                return False
            if depth == 0 and m.group(1) in _ORDER:
                found = True
            i = m.end()
            continue
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif depth == 0 and ch in "=<>≤≥≦≧⩽⩾≠":
            found = True
        i += 1
    return found


def read_condition(
    body: str, offset: int, read_part, prose: str | None = None, values: bool = False
) -> Condition:
    """Read a condition from ``body``, its text with the decorations blanked out (spacing,
    ``\\text{if}``, final punctuation: :func:`eqchain.latex.decorations.strip_decorations`),
    at ``offset`` in the formula, so that columns point into what the author wrote. ``prose``
    is the prose blanked out of it: one of the words for, if, where, when (or none).
    ``read_part(text, offset)`` reads one expression with the formula's indices and functions.
    With ``values`` (a case the prose states, "When $y = 1$"), a name equal to a number is
    a condition too: the row holds where the name has that value.
    Raises LatexError (with the column) when a part is not a condition eqchain reads."""
    if prose is not None and prose.strip().lower() not in _PROSE_WORDS:
        raise LatexError(
            f"prose '{prose}' with a condition: only for, if, where, when are read there",
            column=offset + 1,
        )
    if not body.strip():
        raise LatexError("an empty condition after the comma", column=offset + 1)
    base = offset
    inner = body.strip()
    if inner.startswith("(") and inner.endswith(")") and _closes_at_end(inner):
        # (x \in \mathbb{R}): a condition in brackets
        lead = len(body) - len(body.lstrip())
        body, base = inner[1:-1], offset + lead + 1
    atoms: list = []
    for part, at in _top_level_parts(body):
        atoms.extend(_read_part(part, base + at, read_part, values))
    return Condition(" ".join(body.split()), tuple(atoms))


def _closes_at_end(text: str) -> bool:
    depth = 0
    for k, ch in enumerate(text):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth == 0 and k < len(text) - 1:
                return False
    return depth == 0


def _top_level_parts(body: str):
    """The parts of a condition separated by top-level commas, each with its offset; an index
    range ``i = 1, \\ldots, n`` (or ``i = 1, 2, \\ldots, n``) stays one part."""
    pieces, start = [], 0
    for i, ch, depth in scan(body):
        if ch == "," and depth == 0:
            pieces.append((body[start:i], start))
            start = i + 1
    pieces.append((body[start:], start))
    out: list = []
    k = 0
    while k < len(pieces):
        part, at = pieces[k]
        # a range: "i = 1", then numbers, then an ellipsis, then the last value
        j = k + 1
        while j < len(pieces) and _ELLIPSIS.match(pieces[j][0]) is None and _plain(pieces[j][0]):
            j += 1
        if "=" in part and j + 1 < len(pieces) and _ELLIPSIS.match(pieces[j][0]):
            end_part, end_at = pieces[j + 1]
            out.append((body[at : end_at + len(end_part)], at))
            k = j + 2
            continue
        if "=" in part and j + 1 == len(pieces) and j > k + 1 and _ELLIPSIS.match(pieces[j][0]):
            # k = 0, 1, 2, \dots: the list runs on (the support of a pmf)
            end_part, end_at = pieces[j]
            out.append((body[at : end_at + len(end_part)], at))
            k = j + 1
            continue
        listed = j - k - 1  # i = 1, 2, 3: whole numbers listed after the first
        if "=" in part and listed >= 1 and all(_WHOLE.fullmatch(p) for p, _ in pieces[k + 1 : j]):
            end_part, end_at = pieces[j - 1]
            out.append((body[at : end_at + len(end_part)], at))
            k = j
            continue
        out.append((part, at))
        k += 1
    return out


_WHOLE = re.compile(r"\s*\d+\s*")
_FORALL = re.compile(r"\\forall(?![A-Za-z])\s*")


def _plain(text: str) -> bool:
    return re.fullmatch(r"\s*[0-9A-Za-z+\- ]+\s*", text) is not None


_NUMBER_VALUE = re.compile(r"\s*-?\s*\d+(?:\.\d+)?\s*\Z")
# a name with a one-token subscript, x_1, x_{1}, \theta_0
_SUBSCRIPTED = re.compile(r"\s*\\?[A-Za-z]+\s*_\s*(?:\{\s*[A-Za-z0-9]+\s*\}|[A-Za-z0-9])\s*\Z")


# i = 1 \cdots n, i = 1 \ldots n, i = 1..n: a range written without commas
_BARE_RANGE = re.compile(
    r"\s*(?P<name>\\?[A-Za-z]+)\s*=\s*(?P<first>[A-Za-z0-9]+)\s*"
    r"(?:\\(?:[lc]?dots|dotsc)(?![A-Za-z])|\.\.\.?)\s*(?P<last>[A-Za-z0-9]+|\{[^{}]*\})\s*\Z"
)


def _read_part(part: str, at: int, read_part, values: bool = False) -> list:
    if not part.strip():
        raise LatexError("an empty part in a condition", column=at + 1)
    lead = len(part) - len(part.lstrip())
    part, at = part[lead:], at + lead
    forall = _FORALL.match(part)
    if forall is not None and part[forall.end() :].strip():  # \forall i = 1, 2, 3: "for all"
        part, at = part[forall.end() :], at + forall.end()
    pieces = _split_at_relations(part, at)
    ops = [op for op, _, _ in pieces[1:]]
    if not ops:
        raise LatexError(
            "a condition after the comma must be a relation (x > 0, 0 < x < 1, i = j, "
            "i = 1, \\ldots, n, x \\in \\mathbb{R})",
            column=at + 1,
        )
    if ops == ["="] and "," in part:
        if _ELLIPSIS.match(part.rsplit(",", 1)[1]):
            return _open_range(part, at, read_part)
        return [_range(part, at, read_part)]
    if ops == ["="] and (m := _BARE_RANGE.match(part)) is not None:
        # c = 1 \cdots C, i = 1..n (no commas around the ellipsis): the range 1, ..., C
        name, first, last = m.group("name", "first", "last")
        return [
            (
                "range",
                read_part(name, at + m.start("name")),
                (read_part(first, at + m.start("first")), read_part(last, at + m.start("last"))),
            )
        ]
    if "in" in ops:
        if ops != ["in"]:
            raise LatexError("\\in must be the only relation of a condition", column=at + 1)
        (_, a, b), (_, c, d) = pieces
        name = read_part(part[a:b], at + a)
        return _membership(name, part[c:d], at + c, read_part)
    if "=" in ops:
        if ops != ["="]:
            raise LatexError("= cannot be chained in a condition", column=at + 1)
        (_, a, b), (_, c, d) = pieces
        left, right = part[a:b], part[c:d]
        if (
            values
            and (_NAME.match(left) is not None or _SUBSCRIPTED.match(left) is not None)
            and _NUMBER_VALUE.match(right)
        ):
            # a case's value: "If $a = 1$", "$x_1 = 1$ のとき" (a family's member)
            return [("=", read_part(left, at + a), read_part(right, at + c))]
        if values and not (_NAME.match(left) and _NAME.match(right)):
            # a case the prose states as an equation ("If $x^2 = x$", 「$t^2 = t$ だから」): the
            # display's rows hold where it does, a given of theirs (check/conditioned.py)
            return [("eq", read_part(left, at + a), read_part(right, at + c))]
        if _NAME.match(left) is None or _NAME.match(right) is None:
            raise LatexError(
                "after the comma (or wide space), an equation that is not a condition: a "
                "condition with = is "
                "i = j between two names or a range i = 1, \\ldots, n (write two equations in "
                "two rows)",
                column=at + c + 1,
            )
        return [("=", read_part(left, at + a), read_part(right, at + c))]
    if "!=" in ops and ops != ["!="]:
        raise LatexError("\\neq cannot be chained in a condition", column=at + 1)
    if any(o in ("<", "<=") for o in ops) and any(o in (">", ">=") for o in ops):
        raise LatexError("a chain of relations in both directions", column=at + 1)
    exprs = [read_part(part[a:b], at + a) for _, a, b in pieces]
    return [(op, exprs[k], exprs[k + 1]) for k, op in enumerate(ops)]


def _split_at_relations(part: str, at: int) -> list:
    """[(op before, start, end)] of the pieces of ``part`` between top-level relations."""
    out, depth, start, op, i = [], 0, 0, "", 0
    while i < len(part):
        ch = part[i]
        if ch == "\\":
            m = _COMMAND.match(part, i)
            if m is None:
                if i + 1 < len(part) and part[i + 1] in "{}":
                    depth += 1 if part[i + 1] == "{" else -1
                i += 2
                continue
            if depth == 0 and m.group(1) in _ORDER:
                out.append((op, start, i))
                op, start = _ORDER[m.group(1)], m.end()
            i = m.end()
            continue
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif depth == 0 and ch in _TYPED_ORDER:  # x ≥ 0 typed: x \ge 0
            out.append((op, start, i))
            op, start = _TYPED_ORDER[ch], i + 1
        elif depth == 0 and ch in "<>=":
            out.append((op, start, i))
            if ch in "<>" and part.startswith("=", i + 1):
                op, start = ch + "=", i + 2
                i += 2
                continue
            op, start = ch, i + 1
        i += 1
    out.append((op, start, len(part)))
    for _, a, b in out:
        if not part[a:b].strip():
            raise LatexError("an empty side in a condition", column=at + a + 1)
    return out


def _open_range(part: str, at: int, read_part) -> list:
    """``k = 0, 1, 2, \\dots`` (whole numbers counting up by one, then an ellipsis that ends
    the list): k an integer of at least the first value, as [("integer", k, None), (">=", k,
    first)]. At least two values before the ellipsis (``k = 0, \\dots`` says too little)."""
    eq = part.index("=")
    name = part[:eq]
    if _NAME.match(name) is None:
        raise LatexError("a range's variable must be a name (k = 0, 1, 2, \\dots)", column=at + 1)
    values = part[eq + 1 :].split(",")[:-1]
    if len(values) < 2 or not all(_WHOLE.fullmatch(v) for v in values):
        raise LatexError(
            "cannot read this range: write k = 0, 1, 2, \\dots or i = 1, \\ldots, n",
            column=at + eq + 2,
        )
    numbers = _counting_up(values, "k = 0, 1, 2, \\dots", at + eq + 2)
    variable = read_part(name, at)
    return [("integer", variable, None), (">=", variable, sp.Integer(numbers[0]))]


def _counting_up(values: list[str], example: str, column: int) -> list[int]:
    """The whole numbers ``values`` lists, which must count up by one (else raises)."""
    numbers = [int(v) for v in values]
    if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        raise LatexError(f"a range's values must count up by one ({example})", column=column)
    return numbers


def _range(part: str, at: int, read_part) -> tuple:
    """``i = 1, \\ldots, n`` (or ``i = 1, 2, \\ldots, n``): ("range", i, (1, n))."""
    eq = part.index("=")
    name = part[:eq]
    if _NAME.match(name) is None:
        raise LatexError("a range's variable must be a name (i = 1, \\ldots, n)", column=at + 1)
    values = part[eq + 1 :].split(",")
    if len(values) >= 2 and all(_WHOLE.fullmatch(v) for v in values):
        # i = 1, 2, 3: whole numbers listed, counting up by one
        numbers = _counting_up(values, "i = 1, 2, 3", at + eq + 2)
        first, last = sp.Integer(numbers[0]), sp.Integer(numbers[-1])
        return ("range", read_part(name, at), (first, last))
    if len(values) < 3 or _ELLIPSIS.match(values[-2]) is None:
        raise LatexError("cannot read this range: write i = 1, \\ldots, n", column=at + eq + 2)
    first = read_part(values[0], at + eq + 1)
    offsets = [eq + 1]
    for v in values[:-1]:
        offsets.append(offsets[-1] + len(v) + 1)
    # the values between the first and the ellipsis must count up by one: 1, 2, ..., n
    for k, v in enumerate(values[1:-2], start=1):
        lead = len(v) - len(v.lstrip())
        value = read_part(v, at + offsets[k])
        if (value - first) != k:
            raise LatexError(
                "a range's values must count up by one (i = 1, 2, \\ldots, n)",
                column=at + offsets[k] + lead + 1,
            )
    last = read_part(values[-1], at + offsets[-1])
    return ("range", read_part(name, at), (first, last))


_SET = re.compile(r"\s*\\(?:mathbb|Bbb)\s*\{?\s*([A-Z])\s*\}?\s*\Z")


def _membership(name, text: str, at: int, read_part) -> list:
    """``x \\in S`` for the sets eqchain reads; raises for any other set."""
    m = _SET.match(text)
    if m and m.group(1) == "R":
        return [("real", name, None)]
    if m and m.group(1) == "Z":
        return [("integer", name, None)]
    stripped = text.strip()
    lead = at + len(text) - len(text.lstrip())
    if stripped.startswith("\\{") and stripped.endswith("\\}"):
        # \{1, \ldots, n\}: read as the range i = 1, \ldots, n (columns shifted by "i=")
        _, _, bounds = _range("i=" + stripped[2:-2], lead, read_part)
        return [("range", name, bounds)]
    if (
        len(stripped) > 2
        and stripped[0] in "(["
        and stripped[-1] in ")]"
        and _closes_at_end("(" + stripped[1:-1] + ")")
    ):
        inner = stripped[1:-1]
        pieces = [p for p, _ in _top_level_parts(inner)]
        if len(pieces) == 2:
            lo = read_part(pieces[0], lead + 1)
            hi = read_part(pieces[1], lead + 2 + len(pieces[0]))
            # an infinite end bounds nothing (x \in [0, \infty) is x \ge 0: read as x < \infty
            # too, no point was found that satisfies it)
            atoms = [
                (">" if stripped[0] == "(" else ">=", name, lo),
                ("<" if stripped[-1] == ")" else "<=", name, hi),
            ]
            atoms = [
                a
                for a, end in zip(atoms, (lo, hi), strict=True)
                if not (
                    getattr(end, "is_infinite", None) is True
                    and (end.is_extended_negative if a is atoms[0] else end.is_extended_positive)
                )
            ]
            return atoms or [("real", name, None)]
    raise UnsupportedLatex(
        "not supported: this set after \\in (read: \\mathbb{R}, \\mathbb{Z}, an interval "
        "(a, b) or [a, b], \\{1, \\ldots, n\\})",
        column=lead + 1,
    )


def relational(atoms) -> sp.Basic:
    """The condition as one SymPy boolean (for a Piecewise): the atoms joined by And."""
    parts = []
    for op, a, b in atoms:
        if op == "range":
            lo, hi = b
            parts += [sp.Contains(a, sp.Integers), a >= lo, a <= hi]
        elif op == "integer":
            parts.append(sp.Contains(a, sp.Integers))
        elif op == "real":
            parts.append(sp.Contains(a, sp.Reals))
        elif op in ("=", "eq"):
            parts.append(sp.Eq(a, b))
        elif op == "!=":
            parts.append(sp.Ne(a, b))
        else:
            parts.append({"<": sp.Lt, "<=": sp.Le, ">": sp.Gt, ">=": sp.Ge}[op](a, b))
    return sp.And(*parts)
