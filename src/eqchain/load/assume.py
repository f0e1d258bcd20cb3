"""Reading a document's assumptions: ``--assume``, the front matter and assumption comments.

One item per comma (commas inside brackets belong to the item):

* ``y_k > 0``, ``t_k >= 0``, ``x \\neq 0``: a sign, SymPy's assumption on the symbol or family;
* ``K integer``, ``n positive integer``: SymPy's assumption words after a name;
* ``sigma function``, ``\\sigma function``: a function, read as applied to its arguments;
* ``X matrix``, ``y vector``: a matrix (n x p) or a column vector (n x 1) in every formula
  (README, "Vectors and matrices");
* ``t constant``: a symbol of its own, independent of every variable: not random, and its
  derivative is 0 even where the document differentiates it on its own (``\\frac{dt}{dw}``
  otherwise says t may vary with w: :mod:`eqchain.check.varying`);
* ``K = 3``: a value, a given ``K = 3`` the steps may use (and the sign, and integer for a
  whole number, as SymPy's assumptions on K);
* ``u = e^{a_0} + e^{a_1}``, ``t_0 + t_1 = 1``: any other equation, in LaTeX: what the prose
  states (``where u = ...``), read as a row written before the document's first
  (:class:`Stated`);
* ``sigma_0 > 0``, ``x_{12} \\neq 0``: a name with a numeric subscript is one symbol, the one
  the formulas' ``\\sigma_0`` stands for (unless sigma is a declared family);
* ``p < 1``, ``0 < p < 1``, ``1 \\le x``, ``p \\in (0, 1)``, ``x \\in [0, 1]``,
  ``x \\in \\mathbb{R}``: numeric bounds; ``k <= n``, ``0 <= k <= n``: a bound by another
  name (a margin ``n - k``, as below). A bound at 0 is an assumption on the symbol; any
  other bound ``p < 1`` is carried as a margin: a new positive symbol ``p_{bound}`` with the
  given ``p_{bound} = 1 - p``, the way derivation files say ``p < 1`` (README, "What eqchain
  guarantees"). Exact: p < 1 holds exactly when some positive number equals 1 - p.

Anything else is an InputError naming the item: an assumption is never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from eqchain.errors import InputError

_OPS = {
    ">": ">",
    "\\gt": ">",
    "<": "<",
    "\\lt": "<",
    ">=": ">=",
    "\\geq": ">=",
    "\\ge": ">=",
    "≥": ">=",
    "<=": "<=",
    "\\leq": "<=",
    "\\le": "<=",
    "≤": "<=",
    "!=": "!=",
    "\\neq": "!=",
    "\\ne": "!=",
    "≠": "!=",
}
_OP = re.compile(r"\\(?:geq|leq|neq|ge|le|ne|gt|lt)(?![A-Za-z])|>=|<=|!=|[<>≥≤≠]")
_NAME = re.compile(r"\\?([A-Za-z]+)(?:_\{?([A-Za-z](?:,?[A-Za-z])*)\}?)?")
_NUMBERED = re.compile(r"\\?([A-Za-z]+)_(?:(\d)|\{\s*(\d+)\s*\})")
_VALUE = re.compile(r"(?<![<>!:=\\])=(?!=)")
_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?(?:/\d+)?")
_FRAC = re.compile(r"([-+]?)\\[dt]?frac\s*\{\s*(\d+)\s*\}\s*\{\s*(\d+)\s*\}")
_SETS = {
    "\\mathbb{R}": ("real",),
    "\\mathbb{R}_{>0}": ("positive",),
    "\\mathbb{R}_{+}": ("positive",),
    "\\mathbb{R}^{+}": ("positive",),
    "\\mathbb{R}^+": ("positive",),
    "\\mathbb{R}_+": ("positive",),
    "\\mathbb{R}_{\\geq 0}": ("nonnegative",),
    "\\mathbb{R}_{\\ge 0}": ("nonnegative",),
    "\\mathbb{Z}": ("integer",),
    # \mathbb{N}: with 0 or without, as authors differ; what both readings give is assumed
    "\\mathbb{N}": ("integer", "nonnegative"),
    "\\mathbb{N}_0": ("integer", "nonnegative"),
    "\\mathbb{N}_{0}": ("integer", "nonnegative"),
    "\\mathbb{Z}_{\\geq 0}": ("integer", "nonnegative"),
    "\\mathbb{Z}_{\\ge 0}": ("integer", "nonnegative"),
    # \mathbb{Z}_+, \mathbb{N}^+ and the like: with 0 in some texts, without in others
    "\\mathbb{N}^+": ("integer", "nonnegative"),
    "\\mathbb{N}^{+}": ("integer", "nonnegative"),
    "\\mathbb{N}_{+}": ("integer", "nonnegative"),
    "\\mathbb{N}_+": ("integer", "nonnegative"),
    "\\mathbb{Z}^+": ("integer", "nonnegative"),
    "\\mathbb{Z}^{+}": ("integer", "nonnegative"),
    "\\mathbb{Z}_{+}": ("integer", "nonnegative"),
    "\\mathbb{Z}_+": ("integer", "nonnegative"),
    "\\mathbb{N}_{>0}": ("integer", "positive"),
    "\\mathbb{Z}_{>0}": ("integer", "positive"),
    "\\mathbb{Q}": ("rational",),
    "\\mathbb{C}": ("complex",),  # z \in \mathbb{C}: not real (a document's default dropped)
}
_FLIP = {">": "<", "<": ">", ">=": "<=", "<=": ">=", "!=": "!="}


@dataclass(frozen=True)
class Declaration:
    """``name`` (with ``index`` for a family ``y_k``) has SymPy's assumptions ``words``, or is a
    function (``words == ("function",)``)."""

    name: str
    index: str | None
    words: tuple[str, ...]


@dataclass(frozen=True)
class Bound:
    """``name op value`` with a number other than 0 (``p < 1``), or ``name op other`` with
    another name (``k <= n``); ``text`` as written."""

    name: str
    index: str | None
    op: str
    value: Fraction
    text: str
    other: tuple[str, None] | None = None  # k <= n: the other name (value is then 0)


@dataclass(frozen=True)
class Stated:
    """``u = e^{a_0} + e^{a_1}``, ``t_0 + t_1 + t_2 = 1``: an equation the document states in
    its prose (``where u = ...``), in LaTeX; read as a row of display math written before the
    first (a definition of a new name, a given, as any row), marked as assumed."""

    text: str


@dataclass(frozen=True)
class Propto:
    """``propto theta mu``: a ``\\propto`` is taken with respect to these variables."""

    names: tuple[str, ...]


# ``X matrix``, ``y vector``: a name read as a matrix (n x p) or a column vector (n x 1) in
# every formula, and transposed by a plain ^T even where T is also a scalar
SHAPES = ("vector", "matrix")


def parse_assume(text: str) -> list[Declaration | Bound | Propto]:
    """``"y_k > 0, K integer, 0 < p < 1"`` -> declarations and bounds. Raises InputError for an
    item it cannot read."""
    from eqchain.scope import ASSUMPTIONS, RANDOMNESS

    out: list[Declaration | Bound] = []
    for item in _items(text):
        words = item.split()
        if words and words[0] in ("propto", "\\propto"):
            if len(words) < 2:
                raise InputError(f"'propto' names the variables, e.g. 'propto theta': '{item}'")
            out.append(Propto(tuple(_name(w)[0] for w in words[1:])))
            continue
        if _OP.search(item) and not _named_set(item):
            out.extend(_relation(item))
        elif _VALUE.search(item):
            out.extend(_value(item) if not _stated(item) else [Stated(item)])
        elif re.search(r"\\in(?![A-Za-z])|∈", item):
            out.extend(_membership(item))
        else:
            parts = item.split()
            words = tuple(parts[1:])
            if len(parts) < 2 or not all(
                w in ASSUMPTIONS or w in RANDOMNESS or w in ("function", *SHAPES) for w in words
            ):
                raise InputError(
                    f"cannot read the assumption '{item}' (write e.g. "
                    '"y_k > 0", "t_k >= 0", "0 < p < 1", "K integer", "sigma function" or '
                    '"X matrix")'
                )
            if "function" in words and len(words) > 1:
                raise InputError(f"a function takes no other assumption words: '{item}'")
            name, index = _name(parts[0])
            if "function" in words and index:
                raise InputError(f"a function is declared without a subscript: '{item}'")
            if any(w in SHAPES for w in words) and (len(words) > 1 or index):
                raise InputError(
                    f"a vector or matrix is declared alone, without a subscript: '{item}'"
                )
            out.append(Declaration(name, index, words))
    return out


def _sides(item: str) -> list[str]:
    r"""``item`` split at each ``=`` outside brackets: the sides of an equation. An ``=`` inside
    braces belongs to the formula (a sum's lower bound, ``S = \sum_{i=1}^{n} x_i``): splitting
    there rejected a stated equation with a sum as an unreadable value."""
    sides, depth, start = [], 0, 0
    for m in re.finditer(r"[(\[{]|[)\]}]|" + _VALUE.pattern, item):
        ch = m.group(0)
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(depth - 1, 0)
        elif depth == 0:
            sides.append(item[start : m.start()])
            start = m.end()
    sides.append(item[start:])
    return sides


def _items(text: str) -> list[str]:
    """Split at commas and semicolons outside brackets."""
    items, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(depth - 1, 0)
        elif ch in ",;" and depth == 0:
            items.append(text[start:i])
            start = i + 1
    items.append(text[start:])
    return [i.strip() for i in items if i.strip()]


def _name(text: str) -> tuple[str, str | None]:
    numbered = _NUMBERED.fullmatch(text.strip())
    if numbered:
        return f"{numbered.group(1)}_{numbered.group(2) or numbered.group(3)}", None
    m = _NAME.fullmatch(text.strip())
    if not m:
        raise InputError(f"cannot read the symbol '{text.strip()}' in an assumption")
    return m.group(1), m.group(2).replace(",", "") if m.group(2) else None


def _number(text: str) -> Fraction | None:
    text = text.strip().replace(" ", "")
    m = _FRAC.fullmatch(text)
    if m:
        if int(m.group(3)) == 0:
            return None
        value = Fraction(int(m.group(2)), int(m.group(3)))
        return -value if m.group(1) == "-" else value
    if _NUMBER.fullmatch(text):
        if text.endswith("/0"):
            return None
        return Fraction(text)
    return None


def _relation(item: str) -> list[Declaration | Bound]:
    """``a op x``, ``x op b`` or ``a op x op b`` with x a name and a, b numbers; or one or two
    of the terms another name (``k <= n``, ``0 <= k <= n``)."""
    ops = list(_OP.finditer(item))
    terms = [item[: ops[0].start()]]
    terms += [item[a.end() : b.start()] for a, b in zip(ops, ops[1:], strict=False)]
    terms.append(item[ops[-1].end() :])
    signs = [_OPS[m.group(0)] for m in ops]
    values = [_number(t) for t in terms]
    names = [i for i, v in enumerate(values) if v is None]
    two_numbers = any(values[k] is not None and values[k + 1] is not None for k in range(len(ops)))
    if len(ops) > 2 or not names or len(names) > 2 or two_numbers:
        raise InputError(
            f"cannot read the assumption '{item}' (a bound is a name and numbers, or two names: "
            '"p < 1", "0 < p < 1", "x \\neq 0", "0 <= k <= n")'
        )
    if len(ops) == 2 and "!=" in signs:
        raise InputError(f"cannot read the assumption '{item}' ('\\neq' in a chain)")
    out: list[Declaration | Bound] = []
    for k, op in enumerate(signs):
        left, right = terms[k], terms[k + 1]
        if values[k] is None and values[k + 1] is None:
            out.extend(_between_names(left, op, right, item))
        elif values[k] is None:  # name op number
            out.extend(_bound(*_name(left), op, values[k + 1], item))
        else:  # number op name: name (flipped op) number
            out.extend(_bound(*_name(right), _FLIP[op], values[k], item))
    return out


def _between_names(left: str, op: str, right: str, text: str) -> list[Declaration | Bound]:
    """``k <= n``: both real, and a margin ``n - k`` (see :func:`_bound`)."""
    (a, a_index), (b, b_index) = _name(left), _name(right)
    if a_index is not None or b_index is not None:
        raise InputError(f"a bound between a family and a name is not supported: '{text}'")
    if op == "!=":
        raise InputError(f"cannot read the assumption '{text}' ('\\neq' between two names)")
    return [
        Declaration(a, None, ("real",)),
        Declaration(b, None, ("real",)),
        Bound(a, None, op, Fraction(0), text, other=(b, None)),
    ]


def _stated(item: str) -> bool:
    """Whether ``item`` is an equation with more on one side than a name and a number (``K = 3``
    is a value): both sides written, one ``=`` (or ``:=``)."""
    terms = _sides(item)
    if len(terms) != 2 or not all(t.strip().rstrip(":").strip() for t in terms):
        return False
    values = [_number(t) for t in terms]
    if values.count(None) != 1:
        return values.count(None) == 2
    name = terms[values.index(None)].strip()
    return not (_NAME.fullmatch(name) or _NUMBERED.fullmatch(name))


def _value(item: str) -> list[Declaration | Bound]:
    """``K = 3`` (or ``3 = K``): a name and a number."""
    terms = _sides(item)
    values = [_number(t) for t in terms]
    if len(terms) != 2 or values.count(None) != 1:
        raise InputError(
            f"cannot read the assumption '{item}' (a value is a name and a number: \"K = 3\")"
        )
    where = values.index(None)
    name, index = _name(terms[where])
    value = values[1 - where]
    if index is not None:
        raise InputError(f"a value of a family is not supported: '{item}'")
    words = ("integer",) if value.denominator == 1 else ()
    words += ("positive",) if value > 0 else ("negative",) if value < 0 else ()
    return [Declaration(name, None, words or ("real",)), Bound(name, None, "=", value, item)]


def _named_set(item: str) -> bool:
    """Whether ``item`` is membership of a set written by name (``n \\in \\mathbb{Z}_{>0}``:
    its ``>`` no relation of the item)."""
    parts = re.split(r"\\in(?![A-Za-z])|∈", item, maxsplit=1)
    if len(parts) != 2:
        return False
    compact = parts[1].replace(" ", "")
    return any(compact == written.replace(" ", "") for written in _SETS)


def _membership(item: str) -> list[Declaration | Bound]:
    """``p \\in (0, 1)``, ``x \\in [a, b)``, ``x \\in \\mathbb{R}``."""
    left, right = re.split(r"\\in(?![A-Za-z])|∈", item, maxsplit=1)
    name, index = _name(left)
    right = right.strip()
    compact = right.replace(" ", "")
    for written, words in _SETS.items():
        if compact == written.replace(" ", ""):
            return [Declaration(name, index, words)]
    m = re.fullmatch(r"([(\[])(.+),(.+)([)\]])", compact)
    lo = _number(m.group(2)) if m else None
    hi = _number(m.group(3)) if m else None
    if m is None or lo is None or hi is None or lo >= hi:
        raise InputError(
            f"cannot read the assumption '{item}' (write an interval of numbers such as "
            '"p \\in (0, 1)", or \\mathbb{R}, \\mathbb{Z}, \\mathbb{R}_{>0})'
        )
    out = _bound(name, index, ">" if m.group(1) == "(" else ">=", lo, item)
    return out + _bound(name, index, "<" if m.group(4) == ")" else "<=", hi, item)


def _bound(name: str, index: str | None, op: str, value: Fraction, text: str):
    """``name op value`` as SymPy's assumption where the bound implies one, plus a margin for a
    bound other than 0."""
    words: tuple[str, ...] = ()
    if op == "!=":
        words = ("nonzero",) if value == 0 else ()
    elif op in (">", ">="):
        if value > 0 or (value == 0 and op == ">"):
            words = ("positive",)
        elif value == 0:
            words = ("nonnegative",)
    elif value < 0 or (value == 0 and op == "<"):
        words = ("negative",)
    elif value == 0:
        words = ("nonpositive",)
    if not words and op != "!=":
        words = ("real",)  # an order relation between numbers: the symbol is real
    out: list[Declaration | Bound] = []
    if words:
        out.append(Declaration(name, index, words))
    if value != 0:
        out.append(Bound(name, index, op, value, text))
    if index is not None and any(isinstance(b, Bound) for b in out):
        raise InputError(
            f"a bound other than 0 on a family is not supported yet: '{text}' (declare a "
            "margin family yourself in a derivation file)"
        )
    return out
