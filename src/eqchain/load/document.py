"""Markdown and LaTeX documents: every displayed equation, with its line, as a derivation.

Display math is ``$$...$$``, ``\\[...\\]`` and the equation environments (``equation``,
``align``, ``gather``, ...), outside code (Markdown fences and inline code) and comments. Each
block is split into rows (:mod:`eqchain.latex.rows`); a row ``= b`` continues the row before,
a row ``a = b = c`` is a chain. The steps are marked ``infer_kind``: the checker decides, as a
careful reader would, which equation defines a symbol, which states a given fact and which is a
claim to check (see :mod:`eqchain.check.engine`).

Assumptions come from ``--assume "y_k > 0, t_k >= 0"``, a front-matter line
``eqchain-assume: ...`` (Markdown), or a comment ``<!-- eqchain: assume ... -->`` /
``% eqchain: assume ...``. A symbol used as the upper bound of a sum or product over integers is
an integer (the notation says so); nothing else is assumed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from eqchain.errors import InputError, LatexError
from eqchain.model import Derivation, Place, Step

MAX_BYTES = 10_000_000
MATH_ENVIRONMENTS = (
    "equation",
    "equation*",
    "align",
    "align*",
    "gather",
    "gather*",
    "multline",
    "multline*",
    "eqnarray",
    "eqnarray*",
    "displaymath",
    "flalign",
    "flalign*",
    "alignat",
    "alignat*",
)
_ASSUME_PATTERNS = (
    re.compile(r"^\s*eqchain-assume\s*:\s*(.+?)\s*$", re.M),
    re.compile(r"<!--\s*eqchain\s*:\s*assume\s+(.+?)\s*-->", re.S),
    re.compile(r"^\s*%\s*eqchain\s*:\s*assume\s+(.+?)\s*$", re.M),
)
_RELATIONS = {
    ">": "positive",
    "<": "negative",
    ">=": "nonnegative",
    "\\geq": "nonnegative",
    "\\ge": "nonnegative",
    "≥": "nonnegative",
    "<=": "nonpositive",
    "\\leq": "nonpositive",
    "\\le": "nonpositive",
    "≤": "nonpositive",
    "!=": "nonzero",
    "\\neq": "nonzero",
    "\\ne": "nonzero",
    "≠": "nonzero",
}


@dataclass(frozen=True)
class Block:
    """A display-math block: its text (delimiters included) and where it starts (1-based)."""

    text: str
    line: int
    column: int


def load_document(
    path: str, kind: str, assume: str | None = None, data: bytes | None = None
) -> Derivation:
    """Read a Markdown (``kind="markdown"``) or LaTeX (``"latex"``) document.

    Raises InputError (with line and column) for unreadable input; a formula that cannot be
    read is an error too (eqchain never guesses what an author meant).
    """
    from eqchain.load.files import read_text

    text = read_text(path, MAX_BYTES, data)
    if "\x00" in text:
        raise InputError(
            "binary data (NUL byte) in a document", path, text[: text.index("\x00")].count("\n") + 1
        )
    assumptions = [a for a in ([assume] if assume else []) + _declared_assumptions(text)]
    blocks = markdown_blocks(text) if kind == "markdown" else latex_blocks(text)
    rows = _read_rows(path, blocks)
    scope = _scope(path, rows, assumptions)
    steps = _steps(path, rows, scope)
    if not steps:
        raise InputError("no displayed equations found", path)
    title = _title(text, kind) or Path(path).name
    return Derivation(title, path, (), tuple(steps), scope, (), kind)


# -- finding display math ------------------------------------------------------------------------


def markdown_blocks(text: str) -> list[Block]:
    """Display math in Markdown, outside fenced code and inline code."""
    masked = _mask_markdown_code(text)
    return _find_blocks(text, masked)


def latex_blocks(text: str) -> list[Block]:
    """Display math in a LaTeX document (inside ``document`` when there is one)."""
    masked = _mask_latex_comments(text)
    begin = masked.find("\\begin{document}")
    if begin >= 0:
        end = masked.find("\\end{document}")
        masked = " " * begin + masked[begin : end if end > begin else len(masked)]
        masked += " " * (len(text) - len(masked))
    return _find_blocks(text, masked)


def _mask_markdown_code(text: str) -> str:
    chars = list(text)
    fence = re.compile(r"^( {0,3})(`{3,}|~{3,})[^\n]*$", re.M)
    pos = 0
    while True:
        m = fence.search(text, pos)
        if not m:
            break
        closing = re.compile(
            r"^ {0,3}" + re.escape(m.group(2)[0]) + "{" + str(len(m.group(2))) + r",}\s*$", re.M
        )
        c = closing.search(text, m.end())
        stop = c.end() if c else len(text)
        for i in range(m.start(), stop):
            if chars[i] != "\n":
                chars[i] = " "
        pos = stop
    masked = "".join(chars)
    for m in re.finditer(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", masked, re.S):
        for i in range(m.start(), m.end()):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def _mask_latex_comments(text: str) -> str:
    return re.sub(r"(?<!\\)%[^\n]*", lambda m: " " * len(m.group(0)), text)


def _find_blocks(text: str, masked: str) -> list[Block]:
    blocks: list[Block] = []
    i, n = 0, len(masked)
    env_open = re.compile(
        r"\\begin\{(" + "|".join(re.escape(e) for e in MATH_ENVIRONMENTS) + r")\}"
    )
    while i < n:
        if masked.startswith("$$", i):
            j = masked.find("$$", i + 2)
            if j < 0:
                raise InputError("unclosed $$", None, *_line_col(text, i))
            blocks.append(_block(text, i, j + 2))
            i = j + 2
            continue
        if masked.startswith("\\[", i):
            j = masked.find("\\]", i + 2)
            if j < 0:
                raise InputError("unclosed \\[", None, *_line_col(text, i))
            blocks.append(_block(text, i, j + 2))
            i = j + 2
            continue
        m = env_open.match(masked, i)
        if m:
            end_tag = f"\\end{{{m.group(1)}}}"
            j = masked.find(end_tag, m.end())
            if j < 0:
                raise InputError(f"unclosed \\begin{{{m.group(1)}}}", None, *_line_col(text, i))
            blocks.append(_block(text, i, j + len(end_tag)))
            i = j + len(end_tag)
            continue
        if masked[i] == "\\" and i + 1 < n:
            i += 2  # an escaped character, e.g. \$
            continue
        i += 1
    return blocks


def _block(text: str, start: int, end: int) -> Block:
    line, col = _line_col(text, start)
    return Block(text[start:end], line, col)


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _title(text: str, kind: str) -> str | None:
    if kind == "markdown":
        m = re.search(r"^\s*title\s*:\s*[\"']?(.+?)[\"']?\s*$", _front_matter(text), re.M)
        if m:
            return m.group(1)
        m = re.search(r"^#\s+(.+?)\s*#*\s*$", text, re.M)
        return m.group(1) if m else None
    m = re.search(r"\\title\{([^{}]*)\}", text)
    return m.group(1).strip() if m else None


def _front_matter(text: str) -> str:
    m = re.match(r"---\s*\n(.*?)\n---\s*(\n|$)", text, re.S)
    return m.group(1) if m else ""


def _declared_assumptions(text: str) -> list[str]:
    out = []
    for pat in _ASSUME_PATTERNS:
        source = _front_matter(text) if pat is _ASSUME_PATTERNS[0] else text
        out.extend(m.group(1) for m in pat.finditer(source))
    return out


# -- rows and formulas -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    formula: object  # eqchain.latex.read.Formula
    line: int
    column: int
    text: str


def _read_rows(path: str, blocks: list[Block]) -> list[tuple[int, list[_Row]]]:
    from eqchain.latex.memo import read_cached
    from eqchain.latex.rows import split_rows

    out = []
    functions: set[str] = set()  # functions defined so far (p(x) = ...), for later rows
    for b_index, block in enumerate(blocks):
        try:
            rows = split_rows(block.text)
        except LatexError as err:
            raise _place(err, path, block, block.text) from None
        read = []
        pending_note = None
        for row in rows:
            try:
                formula = read_cached(row.text, functions=frozenset(functions))
            except LatexError as err:
                if err.column is None:
                    line, col = _row_place(block, row)
                else:
                    line, col = _block_place(block, row.offset + err.column)
                raise InputError(
                    f"cannot read the formula: {err.message}", path, line, col
                ) from None
            if formula.defined_function:
                functions.add(formula.defined_function)
            if not formula.sides:
                pending_note = formula.annotation or pending_note
                continue
            if pending_note and not formula.annotation:
                from dataclasses import replace

                formula = replace(formula, annotation=pending_note)
            pending_note = None
            line, col = _row_place(block, row)
            read.append(_Row(formula, line, col, row.text.strip()))
        out.append((b_index, read))
    return out


def _row_place(block: Block, row) -> tuple[int, int]:
    """Where the row's first visible character stands in the file."""
    lead = row.text[: len(row.text) - len(row.text.lstrip())]
    line = block.line + row.line - 1 + lead.count("\n")
    if "\n" in lead:
        return line, len(lead) - lead.rfind("\n")
    col = (block.column + row.column - 1 if row.line == 1 else row.column) + len(lead)
    return line, col


def _block_place(block: Block, position: int) -> tuple[int, int]:
    """File (line, column) of the 1-based ``position`` in the block's text."""
    from eqchain.latex.rows import locate

    line, col = locate(block.text, position)
    return block.line + line - 1, block.column + col - 1 if line == 1 else col


def _place(err: LatexError, path: str, block: Block, source: str) -> InputError:
    from eqchain.latex.rows import locate

    if err.column is None:
        return InputError(err.message, path, block.line, block.column)
    line, col = locate(source, err.column)
    return InputError(
        err.message, path, block.line + line - 1, block.column + col - 1 if line == 1 else col
    )


# -- symbols and assumptions -----------------------------------------------------------------


def parse_assume(text: str) -> list[tuple[str, str | None, tuple[str, ...]]]:
    """``"y_k > 0, K integer"`` -> ``[("y", "k", ("positive",)), ("K", None, ("integer",))]``.

    Raises InputError for an item it cannot read.
    """
    from eqchain.scope import ASSUMPTIONS

    out = []
    for item in (i.strip() for i in re.split(r"[,;]", text)):
        if not item:
            continue
        m = re.fullmatch(r"(.+?)\s*(>=|<=|!=|\\geq|\\leq|\\neq|\\ge|\\le|\\ne|[<>≥≤≠])\s*0", item)
        if m:
            name, words = m.group(1), (_RELATIONS[m.group(2)],)
        else:
            parts = item.split()
            if len(parts) < 2 or not all(p in ASSUMPTIONS for p in parts[1:]):
                raise InputError(
                    f"cannot read the assumption '{item}' (write e.g. "
                    '"y_k > 0", "t_k >= 0" or "K integer")'
                )
            name, words = parts[0], tuple(parts[1:])
        nm = re.fullmatch(r"\\?([A-Za-z]+)(?:_\{?([A-Za-z](?:,?[A-Za-z])*)\}?)?", name.strip())
        if not nm:
            raise InputError(f"cannot read the symbol '{name}' in an assumption")
        out.append((nm.group(1), nm.group(2), words))
    return out


def _scope(path: str, rows, assumptions: list[str]):
    import sympy as sp

    from eqchain.check.declarations import reserved_name_error
    from eqchain.scope import Family, Scope

    scope = Scope(strict=False)
    for text in assumptions:
        try:
            items = parse_assume(text)
        except InputError as err:
            raise err.located(path) from None
        for name, index, words in items:
            why = None if index else reserved_name_error(name)
            if why is not None:
                raise InputError(why).located(path)
            kwargs = {w: True for w in words if w != "complex"}
            if index:
                names = index.replace(",", "")
                idx = tuple(sp.Symbol(i, integer=True) for i in names)
                scope.families[name] = Family(sp.IndexedBase(name, **kwargs), idx, ())
            else:
                scope.symbols[name] = sp.Symbol(name, **kwargs)
    # The upper bound of a sum over integers is an integer: the notation says so.
    for _, block_rows in rows:
        for row in block_rows:
            for side in row.formula.sides:
                for node in side.atoms(sp.Sum, sp.Product):
                    for _, lo, hi in node.limits:
                        for bound in (lo, hi):
                            if isinstance(bound, sp.Symbol) and bound.name not in scope.symbols:
                                scope.symbols[bound.name] = sp.Symbol(
                                    bound.name, integer=True, nonnegative=True
                                )
    return scope


def _steps(path: str, rows, scope) -> list[Step]:
    steps: list[Step] = []
    for _, block_rows in rows:
        previous_in_block = False
        for row in block_rows:
            f = row.formula
            try:
                sides = [scope.bind(s) for s in f.sides]
            except InputError as err:
                raise InputError(err.message, path, row.line, row.column) from None
            place = Place(path, row.line, row.column)
            if f.continues:
                if not previous_in_block and not steps:
                    raise InputError(
                        "a row starting with '=' has nothing to continue",
                        path,
                        row.line,
                        row.column,
                    )
                pairs = [(None, s) for s in sides]
            else:
                if len(sides) < 2:
                    continue  # an expression alone asserts nothing
                pairs = [(sides[0], s) for s in sides[1:]]
            for j, (lhs, rhs) in enumerate(pairs):
                steps.append(
                    Step(
                        claim=row.text,
                        lhs=lhs,
                        rhs=rhs,
                        label=f.tag if j == 0 else None,
                        continues=f.continues or j > 0,
                        place=place,
                        annotation=f.annotation,
                        infer_kind=True,
                    )
                )
            previous_in_block = True
    return steps
