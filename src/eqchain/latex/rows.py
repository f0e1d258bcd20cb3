"""Splitting displayed math into rows: environments, ``\\\\`` row breaks, ``&`` columns.

Documents write derivations as ``aligned``/``align``/``gather``/... environments whose rows are
steps. A Markdown renderer often turns ``\\\\`` into a lone ``\\`` at the end of a line; that is
a row break too. Rows keep their offset in the text, so errors point at what the author wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from eqchain.errors import LatexError, UnsupportedLatex
from eqchain.latex.brackets import depth_after, scan
from eqchain.latex.decorations import (
    ELISION,
    NUMBER_IN_PARENTHESES,
    braced_argument,
    colours,
    strip_decorations,
)
from eqchain.latex.piecewise import environment_end
from eqchain.latex.width import ascii_punctuation

# Environments whose rows are equations; the value is how many '&' columns one equation uses
# (the remaining columns may only hold prose, e.g. ``&& \text{(by the log rule)}``).
ENVIRONMENTS = {
    "aligned": 2,
    "align": 2,
    "align*": 2,
    "alignat": 2,
    "alignat*": 2,
    "alignedat": 2,
    "flalign": 2,
    "flalign*": 2,
    "split": 2,
    "eqnarray": 3,
    "eqnarray*": 3,
    "equation": 0,
    "equation*": 0,
    "gather": 0,
    "gather*": 0,
    "gathered": 0,
    "multline": 0,
    "multline*": 0,
    "displaymath": 0,
    "math": 0,
}
_WITH_COLUMN_COUNT = {"alignat", "alignat*", "alignedat"}
_DIMENSION = re.compile(r"\[\s*-?[0-9.]+\s*(pt|em|ex|mm|cm|in|mu|bp|pc|sp)\s*\]")
_ENVIRONMENT = re.compile(r"\\(begin|end)\s*\{([A-Za-z*]+)\}")
_DELIMITERS = (("$$", "$$"), ("\\[", "\\]"), ("\\(", "\\)"), ("$", "$"))


@dataclass(frozen=True)
class Row:
    """One row of displayed math.

    ``text`` is the row as written with ``&`` replaced by spaces (same length as in the
    source); ``offset`` is its 0-based offset in the source; ``line``/``column`` (1-based) where
    it starts; ``environment`` the innermost environment around it (None outside any)."""

    text: str
    offset: int
    line: int
    column: int
    environment: str | None = None
    # a definition written after "where" in the row of the equation it serves
    # (``L = -\\log \\hat y \\quad \\text{where} \\quad \\hat y = \\sigma(z)``): see where_split
    where: bool = False
    # an equation written beside the one before it on the same row, after a comma and
    # spacing (``f'(x) = ..., \\qquad g'(x) = ...``): a claim of its own, see beside_split
    beside: bool = False
    # why this row cannot be read though the others can (an align column beyond its equation
    # that is neither prose nor empty): raised where the row is read, reported at its place
    error: LatexError | None = None

    def raise_error(self) -> None:
        if self.error is not None:
            raise self.error


def locate(source: str, column: int) -> tuple[int, int]:
    """Turn a 1-based offset into ``source`` (the ``column`` a LatexError carries) into a
    1-based (line, column) pair."""
    pos = max(0, min(column - 1, len(source)))
    line = source.count("\n", 0, pos) + 1
    start = source.rfind("\n", 0, pos) + 1
    return line, pos - start + 1


_NEWLINE = re.compile(r"\\newline(?![A-Za-z])")


def split_rows(text: str) -> tuple[Row, ...]:
    """Split displayed math (an environment, several nested ones, or a bare formula; with or
    without ``$$``/``\\[`` delimiters) into its rows, in order.

    A row break is ``\\\\`` (with an optional ``[2pt]``), or a lone ``\\`` ending a line or
    standing on its own line. ``%`` comments are dropped. Rows that are empty are left out;
    rows with only prose are kept (reading them gives a formula with no sides). Raises
    UnsupportedLatex for environments that are not equations (``matrix``, ...; a piecewise
    definition, ``cases`` or ``array``, is kept whole in its row: eqchain.latex.piecewise) and
    LatexError for unbalanced environments or a row holding several equations in ``align``
    columns.
    """
    if not isinstance(text, str):
        raise LatexError("a formula must be text")
    text = ascii_punctuation(text)  # same length: offsets stay the author's
    chars = list(text)
    _blank_comments(text, chars)
    _blank_delimiters("".join(chars), chars)
    _markdown_escaped_braces("".join(chars), chars)
    chars = list(colours("".join(chars)))  # \color{c}{ \begin{eqnarray*} ... }: presentation
    work = "".join(chars)
    breaks: list[tuple[int, int, str | None]] = []  # (row start, row end, environment)
    env_stack: list[tuple[str, int]] = []
    lefts: list[tuple[int, int]] = []  # open \left: (its offset, how many environments around)
    row_start, row_env = 0, None
    i, n = 0, len(work)
    while i < n:
        ch = work[i]
        if ch == "\\" and i + 1 < n:
            piece_end = environment_end(work, i)
            if piece_end is not None:
                i = piece_end  # a piecewise definition is read whole, with its rows and '&'
                continue
            m = _ENVIRONMENT.match(work, i)
            if m:
                name = m.group(2)
                stop = m.end()
                if m.group(1) == "begin":
                    if name not in ENVIRONMENTS:
                        raise UnsupportedLatex(
                            f"not supported: the environment '{name}'", column=i + 1
                        )
                    if name in _WITH_COLUMN_COUNT:
                        arg = braced_argument(work, stop)
                        if arg:
                            stop = arg[1] + 1
                    breaks.append((row_start, i, row_env))
                    env_stack.append((name, i))
                else:
                    if not env_stack or env_stack[-1][0] != name:
                        raise LatexError(f"\\end{{{name}}} without its \\begin", column=i + 1)
                    env_stack.pop()
                    breaks.append((row_start, i, row_env))
                for k in range(i, stop):
                    chars[k] = " " if chars[k] != "\n" else "\n"
                row_start = stop
                row_env = env_stack[-1][0] if env_stack else None
                i = stop
                continue
            m = _INTERTEXT.match(work, i)
            if m and (arg := braced_argument(work, m.end())) is not None:
                # \intertext{...}: prose between two rows, a row of its own
                breaks.append((row_start, i, row_env))
                breaks.append((i, arg[1] + 1, row_env))
                row_start = i = arg[1] + 1
                continue
            m = _LEFT_RIGHT.match(work, i)
            if m:
                if m.group(1) == "left":
                    lefts.append((i, len(env_stack)))
                elif lefts and lefts[-1][1] == len(env_stack):
                    lefts.pop()
                i = m.end()
                continue
            nxt = work[i + 1]
            if nxt == "\\":
                if lefts and lefts[-1][1] == len(env_stack):
                    raise LatexError(
                        "a row break \\\\ inside \\left ... \\right: close the bracket on "
                        "the row (\\right.) and open it again on the next (\\left.)",
                        column=i + 1,
                    )
                stop = i + 2
                if stop < n and work[stop] == "*":
                    stop += 1
                m = _DIMENSION.match(work, stop)
                if m:
                    stop = m.end()
                breaks.append((row_start, i, row_env))
                row_start = stop
                i = stop
                continue
            if _lone_backslash(work, i):
                breaks.append((row_start, i, row_env))
                row_start = i + 1
                i += 1
                continue
            m = _NEWLINE.match(work, i)
            if m:  # \newline: a row break to MathJax and KaTeX, as \\ is
                breaks.append((row_start, i, row_env))
                row_start = i = m.end()
                continue
            i += 2
            continue
        i += 1
    if env_stack:
        name, pos = env_stack[-1]
        raise LatexError(f"\\begin{{{name}}} without its \\end", column=pos + 1)
    breaks.append((row_start, n, row_env))
    source = "".join(chars)
    rows: list[Row] = []
    later: list[Row] = []
    for start, end, env in breaks:
        beside = _side_by_side(source[start:end], env)
        chars = list(source[start:end])
        for a, b in beside:  # read as rows of their own, after this one
            chars[a:b] = [c if c == "\n" else " " for c in chars[a:b]]
        written = "".join(chars)
        try:
            row_text, error = _drop_columns(written, start, env), None
        except LatexError as err:  # this row only: the display's other rows are read
            chars = list(written)
            for k in _ampersands(written):
                chars[k] = " "
            row_text, error = "".join(chars), err
        _add_row(text, source, start, end, env, rows, row_text, error)
        for a, b in beside:
            segment = list(source[start + a : start + b])
            for k in _ampersands(source[start + a : start + b]):
                segment[k] = " "
            line, column = locate(text, start + a + 1)
            later.append(Row("".join(segment), start + a, line, column, env, beside=True))
    # the equations written beside the rows come after all of them: the column beside may use
    # the rows' definitions (x = r \cos\phi, y = r \sin\phi beside r^2 = x^2 + y^2)
    rows.extend(later)
    return tuple(_with_beside_rows(text, _with_where_rows(text, rows)))


def _add_row(text, source, start, end, env, rows: list, row_text: str, error) -> None:
    """Append the row ``row_text`` (``source[start:end]`` with its ``&`` blanked) to ``rows``,
    or join it to the row before when it continues that row's chain or expression."""
    if not row_text.strip():
        return
    prev = rows[-1] if rows else None
    arrow = _open_arrow(prev, source, start, env) if prev is not None else None
    leading = _LEADING_ARROW_ROW.match(row_text) if arrow is not None else None
    if leading is not None and _ARROW_KIND.get(
        prev.text[arrow[0] : arrow[1]].strip()
    ) != _ARROW_KIND.get(re.search(_ARROWS, leading.group()).group()):
        arrow = None  # \iff at the end, \Rightarrow at the start: which one? not read once
    if arrow is not None:
        # 'a = b \Rightarrow' then '\Rightarrow c = d' (or 'c = d'): one implication, the
        # arrow written at both ends read once (it was "empty side in an equation")
        if leading is not None:
            a, b = arrow
            prev = replace(prev, text=prev.text[:a] + " " * (b - a) + prev.text[b:])
    elif prev is not None and _continues_after_equals(prev, source, start, end, env):
        # 'a = b =' then '= c' (or 'c'): one chain; the '=' written twice is read once
        lead = leading_equals(row_text)
        if lead is not None:
            row_text = row_text[:lead] + " " + row_text[lead + 1 :]
    elif not (prev is not None and _continues_expression(prev, source, start, end, env)):
        line, column = locate(text, start + 1)
        rows.append(Row(row_text, start, line, column, env, error=error))
        return
    gap = start - (prev.offset + len(prev.text))
    joined = prev.text + " " * gap + row_text
    rows[-1] = Row(
        joined, prev.offset, prev.line, prev.column, prev.environment, error=prev.error or error
    )


# an arrow between two equations, written at a row's end or start
_ARROWS = (
    r"(?:\\(?:Rightarrow|Longrightarrow|implies|iff|Leftrightarrow|Longleftrightarrow)"
    r"(?![A-Za-z])|<=>|=>)"
)
# which arrow each spelling is: one way or both ways
_ARROW_KIND = {
    "\\Rightarrow": "=>",
    "\\Longrightarrow": "=>",
    "\\implies": "=>",
    "=>": "=>",
    "\\iff": "<=>",
    "\\Leftrightarrow": "<=>",
    "\\Longleftrightarrow": "<=>",
    "<=>": "<=>",
}
_ARROW_AT_END = re.compile(_ARROWS + r"(?:\s|\\[,;:! ]|\\q?quad(?![A-Za-z]))*\Z")
_LEADING_ARROW_ROW = re.compile(r"(?:\s|&|\\[,;:! ]|\\q?quad(?![A-Za-z]))*" + _ARROWS)


def _open_arrow(prev: Row, source: str, start: int, env: str | None) -> tuple[int, int] | None:
    """Where (start, end in ``prev.text``) the arrow ``prev`` ends with stands, when the row at
    ``source[start:]`` continues it (same environment, only a row break between); else None."""
    if env != prev.environment or prev.error is not None:
        return None
    m = _ARROW_AT_END.search(prev.text.replace("&", " "))
    if m is None or depth_after(prev.text[: m.start()]) != 0:
        return None
    if not _BREAK_ONLY.fullmatch(source, prev.offset + len(prev.text), start):
        return None
    arrow = re.match(_ARROWS, prev.text[m.start() :])
    return m.start(), m.start() + arrow.end()


_LEADING_RELATION = re.compile(r"\s*(?:=|\\(?:le|leq|ge|geq)(?![A-Za-z]))")


def _side_by_side(row: str, env: str | None) -> list[tuple[int, int]]:
    """Where the row holds equations side by side in an alignment's later column pairs
    (``x &= r \\cos\\phi &&& r^2 &= x^2 + y^2``): (start, end) in the row of each pair whose
    left column holds an expression and whose right column starts with ``=`` (``\\le``,
    ``\\ge``), as the first pair does. A remark after ``&&`` (one column, ``&& a = b``, the
    reason for the step) is none: its left column is empty."""
    if ENVIRONMENTS.get(env or "", 0) != 2:
        return []
    cut = _ampersands(row)
    bounds = [-1, *cut, len(row)]
    columns = [(bounds[k] + 1, bounds[k + 1]) for k in range(len(bounds) - 1)]
    found = []
    for k in range(2, len(columns) - 1, 2):
        (a, b), (c, d) = columns[k], columns[k + 1]
        if row[a:b].strip() and _LEADING_RELATION.match(row[c:d]):
            end = columns[k + 2][0] - 1 if k + 2 < len(columns) else d
            found.append((a, end))
    return found


# "where", "with" (and Japanese ただし, ここで) written between an equation and the
# definition it uses, optionally after a comma and spacing
_WHERE = re.compile(
    r"(?:,\s*)?(?:\\[,;:! ]|\\q?quad(?![A-Za-z])|~|\s)*"
    r"\\(?:text|textrm|mathrm|textit|mbox)\s*\{\s*,?\s*(?:where|with|ただし|ここで)\s*,?\s*\}"
    r"(?:\\[,;:! ]|\\q?quad(?![A-Za-z])|~|\s)*"
)


def where_split(text: str) -> tuple[int, int] | None:
    """Where a row's "where" clause starts: (offset of the connector, offset of the
    definition after it), for a connector at the top level (outside every bracket) with an
    equation before it and one after it; None otherwise (the row is read as before)."""
    for m in _WHERE.finditer(text):
        before, after = text[: m.start()], text[m.end() :]
        if depth_after(before) != 0 or not after.strip():
            continue
        if _top_level_relation(before) and _top_level_relation(after) and not _condition(after):
            return m.start(), m.end()
    return None


# what makes the text after the connector a condition (eqchain.latex.conditions), not an
# equation: an order relation, \neq, \in, an index range (\ldots), two names (i = j)
_CONDITION_RELATION = re.compile(
    r"[<>≤≥≦≧⩽⩾≠]|\\(?:le|leq|ge|geq|lt|gt|neq|ne|in|notin|leqslant|geqslant|[lcv]?dots)(?![A-Za-z])"
)
_TWO_NAMES = re.compile(r"\s*\\?[A-Za-z]+\s*=\s*\\?[A-Za-z]+\s*[.,;]?\s*\Z")


def _condition(text: str) -> bool:
    return bool(_CONDITION_RELATION.search(text) or _TWO_NAMES.match(text))


def _with_where_rows(text: str, rows: list[Row]) -> list[Row]:
    """Each row with a "where" clause as two rows: the definition after the connector first
    (it says what the equation uses), marked ``where``, then the equation with the clause
    blanked out (columns stay those of the source)."""
    out: list[Row] = []
    for row in rows:
        cut = where_split(row.text) if row.error is None else None
        if cut is None:
            out.append(row)
            continue
        start, definition = cut
        line, column = locate(text, row.offset + definition + 1)
        out.append(
            Row(
                row.text[definition:],
                row.offset + definition,
                line,
                column,
                row.environment,
                where=True,
            )
        )
        blanked = row.text[:start] + "".join(ch if ch == "\n" else " " for ch in row.text[start:])
        out.append(Row(blanked, row.offset, row.line, row.column, row.environment))
    return out


# Spacing after a comma that sets the next equation apart (plain blanks do not: TeX drops them)
_SPACING_COMMAND = (
    r"(?:~|\\(?:quad|qquad|enspace|enskip|thinspace|medspace|thickspace)(?![A-Za-z])"
    r"|\\[,;: ]|\\hspace\*?\{[^{}]*\})"
)
_BESIDE_SPACING = re.compile(rf"(?:\s*{_SPACING_COMMAND})+\s*")
# what makes the text after a comma something other than an equation: order relations,
# \neq, \in, an ellipsis, quantifiers, arrows, \sim, \propto, \approx
_NOT_EQUATION = re.compile(
    r"<|>|\\(?:le|leq|ge|geq|lt|gt|neq|ne|in|notin|leqslant|geqslant|[lcv]?dots|ldotp|forall"
    r"|exists|sim|simeq|approx|propto|equiv|to|rightarrow|Rightarrow|Longrightarrow|implies|iff"
    r"|Leftrightarrow|therefore|because|coloneqq)(?![A-Za-z])|\.\.\."
)
# prose: a text command's words; an upright operator name before its bracket
# (\mathrm{Var}[X] = \sigma^2 beside another equation) is mathematics
_PROSE_START = re.compile(
    r"\\(?:text|textrm|textit|textbf|mbox|mathrm|operatorname)\s*\{"
    r"(?!\s*(?!(?:d|and|or|for|if|when|where|with|then|so|since|let)\s*\})[A-Za-z]+\s*\}"
    r"\s*(?:\\left|\\[bB]ig[lr]?)?\s*[(\[])"
)
# a side that is one name or one number (x, x_i, \alpha, 0, -1): an equation of two such
# sides after a comma may be a case condition (i = j, x = 0), so it never starts an equation
_SIMPLE_SIDE = re.compile(
    r"\s*-?\s*(?:\\?[A-Za-z]+|[0-9]+(?:\.[0-9]+)?)\s*(?:_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?\s*"
)


def beside_split(text: str) -> list[tuple[int, int]]:
    """Where a row holding several equations side by side starts each equation after the
    first: (offset after the comma, offset after the comma's spacing) for each top-level comma
    that sets an equation apart, or [] when the row is not such a row (it is then read as
    before: a condition after the comma, or unreadable).

    The reading (README, notation table, equations side by side): the row is cut at every
    top-level comma followed by spacing (``\\quad``, ``\\qquad``, ``\\,``, ``\\;``,
    ``\\ ``, ``~``, ``\\hspace``) only when every part it gives is an equation: the first
    holds a top-level ``=``; each part after a comma holds top-level ``=`` and no other
    relation (no order relation, ``\\neq``, ``\\in``, ellipsis, quantifier, arrow), starts
    with math (no prose such as ``\\text{for}``), and has a side that is more than one name
    or number (``i = j``, ``x = 0`` may be a case condition: never cut). A comma with no
    spacing after it never cuts, and a row with any other top-level comma is not cut either
    (a condition after the last equation could belong to all of them)."""
    if "\\begin" in text:
        return []  # the commas of a piecewise definition are its own
    commas = [i for i, ch, depth in scan(text) if ch == "," and depth == 0]
    if not commas:
        return _and_split(text) or _wide_space_split(text)
    starts: list[tuple[int, int]] = []
    bounds = [-1, *commas, len(text)]
    for k in range(1, len(bounds) - 1):
        part = text[bounds[k] + 1 : bounds[k + 1]]
        if k == len(bounds) - 2 and not _math_of(part).strip():
            break  # a final comma: punctuation
        space = _BESIDE_SPACING.match(part)
        if space is None or not re.search(_SPACING_COMMAND, space.group(0)):
            return []
        if not _side_by_side_equation(part[space.end() :]):
            return []
        starts.append((bounds[k] + 1, bounds[k] + 1 + space.end()))
    first = text[: commas[0]]
    if not starts or not _top_level_equals(first):
        return []
    return starts


# "\qquad \text{and} \qquad" between two equations: the word between spacing on both sides
_AND = re.compile(
    rf"(?:\s*{_SPACING_COMMAND})+\s*\\(?:text|textrm|mbox|mathrm)\s*\{{\s*and\s*\}}"
    rf"(?:\s*{_SPACING_COMMAND})+\s*"
)


def _and_split(text: str) -> list[tuple[int, int]]:
    """:func:`beside_split` for equations joined by the word and between spacing,
    ``a = b \\qquad \\text{and} \\qquad c = d``: (where the word's spacing starts, where the
    next equation starts) for each, when every part is an equation as after a comma."""
    found = [m for m in _AND.finditer(text) if depth_after(text[: m.start()]) == 0]
    if not found:
        return []
    bounds = [0, *[x for m in found for x in (m.start(), m.end())], len(text)]
    parts = [text[bounds[k] : bounds[k + 1]] for k in range(0, len(bounds), 2)]
    if not _top_level_equals(parts[0]) or not all(
        _side_by_side_equation(p, simple=True) for p in parts[1:]
    ):
        return []
    return [(m.start(), m.end()) for m in found]


# a run of spacing holding a wide space (\quad, \qquad, \hspace): what sets two formulas
# apart without a comma (a factor is never set apart so: latex/read._no_wide_space_product)
WIDE_SPACE = re.compile(r"\\(?:q?quad(?![A-Za-z])|hspace\*?\{[^{}]*\})")
_WIDE_SPACING = re.compile(
    rf"(?:\s*{_SPACING_COMMAND})*\s*{WIDE_SPACE.pattern}(?:\s*{_SPACING_COMMAND})*\s*"
)
_LAW_STATED = re.compile(r"\\sim(?![A-Za-z])")
# a TeX length: a signed decimal (a comma may be its mark), a unit in any case, and the glue's
# stretch and shrink (ignored: the natural width counts)
_LENGTH = re.compile(
    r"\s*([+-]?)\s*(\d*[.,]?\d+)\s*(em|ex|pt|mm|cm|in|bp|pc|mu|px|sp|dd|cc)"
    r"(?:\s+(?:plus|minus)\b.*)?\s*",
    re.IGNORECASE | re.DOTALL,
)
_POINTS = {"em": 10, "ex": 4.3, "pt": 1, "mm": 2.85, "cm": 28.5, "in": 72, "bp": 1, "pc": 12,
           "mu": 10 / 18, "px": 1, "sp": 1 / 65536, "dd": 1.07, "cc": 12.84}  # fmt: skip


def wide(space: str) -> bool | None:
    """Whether the spacing command ``space`` (a match of :data:`WIDE_SPACE`) is a wide space:
    ``\\quad``, ``\\qquad``, an ``\\hspace`` of at least 5pt (about half an em); a kern
    (``\\hspace{1pt}``, ``\\hspace{-1pt}``, ``\\hspace{1px}``) sets nothing apart. None for an
    ``\\hspace`` whose length eqchain does not read (``\\hspace{\\fill}``): no split there,
    and between two terms it is unreadable (read._no_wide_space_product)."""
    if not space.startswith("\\hspace"):
        return True
    found = _LENGTH.fullmatch(space[space.index("{") + 1 : -1])
    if found is None:
        return None
    sign, number, unit = found.groups()
    size = float(number.replace(",", ".")) * _POINTS[unit.lower()]
    return sign != "-" and size >= 5


def _wide_space_split(text: str) -> list[tuple[int, int]]:
    """:func:`beside_split` for formulas set apart by a wide space alone, ``a + 1 = b \\quad
    c + 1 = d``, ``X \\sim \\mathrm{Exp}(\\lambda) \\quad Y \\sim \\mathrm{Exp}(\\mu)``: (where
    the spacing starts, where the next formula starts) for each top-level run of spacing that
    holds one, when every part is an equation as after a comma or every part states a law
    (one top-level ``\\sim`` and no other relation)."""
    found = [
        m
        for m in _WIDE_SPACING.finditer(text)
        if depth_after(text[: m.start()]) == 0
        and any(wide(w.group(0)) is True for w in WIDE_SPACE.finditer(m.group(0)))
    ]
    found = [m for m in found if text[: m.start()].strip() and text[m.end() :].strip()]
    if not found:
        return []
    bounds = [0, *[x for m in found for x in (m.start(), m.end())], len(text)]
    parts = [text[bounds[k] : bounds[k + 1]] for k in range(0, len(bounds), 2)]
    equations = _top_level_equals(parts[0]) and all(_side_by_side_equation(p) for p in parts[1:])
    if not (equations or all(_states_a_law(p) for p in parts)):
        return []
    return [(m.start(), m.end()) for m in found]


def _states_a_law(part: str) -> bool:
    """``X \\sim \\mathcal{N}(0, 1)``: one top-level ``\\sim`` with something on either side,
    and no other relation."""
    math = _math_of(part)
    if _PROSE_START.match(part.lstrip()) or _top_level_equals(math):
        return False
    laws = [m for m in _LAW_STATED.finditer(math) if depth_after(math[: m.start()]) == 0]
    if len(laws) != 1 or not math[: laws[0].start()].strip() or not math[laws[0].end() :].strip():
        return False
    rest = math[: laws[0].start()] + " " * (laws[0].end() - laws[0].start()) + math[laws[0].end() :]
    return _NOT_EQUATION.search(rest) is None


def _side_by_side_equation(part: str, simple: bool = False) -> bool:
    """Whether ``part`` is an equation set beside another; one of names or numbers only (``i =
    j``, ``x = 0``) may be a case condition and is one only with ``simple`` (after the word and,
    which introduces no condition)."""
    if _PROSE_START.match(part) or _NOT_EQUATION.search(part):
        return False
    sides = [part[a:b] for a, b in _top_level_equals_parts(part)]
    if len(sides) < 2:
        return False
    return simple or not all(_SIMPLE_SIDE.fullmatch(_math_of(s)) for s in sides)


def _math_of(text: str) -> str:
    """``text`` with its decorations blanked out, or as written when they cannot be (the
    reader reports why)."""
    try:
        return strip_decorations(text).body
    except LatexError:
        return text


def _top_level_equals_parts(text: str) -> list[tuple[int, int]]:
    cuts = [i for i, ch, depth in scan(text) if ch == "=" and depth == 0]
    bounds = [-1, *cuts, len(text)]
    return [(bounds[k] + 1, bounds[k + 1]) for k in range(len(bounds) - 1)]


def _top_level_equals(text: str) -> bool:
    return any(ch == "=" and depth == 0 for _, ch, depth in scan(text))


def _with_beside_rows(text: str, rows: list[Row]) -> list[Row]:
    """Each row holding equations side by side (:func:`beside_split`) as one row per
    equation, each with the line and column where it starts; the first keeps its comma."""
    out: list[Row] = []
    for row in rows:
        starts = [] if row.where or row.error is not None else beside_split(row.text)
        if not starts:
            out.append(row)
            continue
        ends = [after for after, _ in starts[1:]] + [len(row.text)]
        out.append(replace(row, text=row.text[: starts[0][0]]))
        for (_, start), end in zip(starts, ends, strict=True):
            line, column = locate(text, row.offset + start + 1)
            out.append(
                Row(
                    row.text[start:end],
                    row.offset + start,
                    line,
                    column,
                    row.environment,
                    beside=True,
                )
            )
    return out


def open_equals(text: str) -> int | None:
    """The offset of the ``=`` a row ends with (``a = b =``, after its tag, spacing and final
    punctuation), at the top level; None when the row does not end with ``=``."""
    try:
        body = strip_decorations(text.replace("&", " ")).body
    except LatexError:
        return None
    end = len(body.rstrip())
    if end == 0 or body[end - 1] != "=" or depth_after(body[:end]) != 0:
        return None
    return end - 1


def leading_equals(text: str) -> int | None:
    """The offset of the ``=`` a row starts with (after spacing and ``&``); None otherwise."""
    lead = _LEADING_SPACE.match(text)
    at = lead.end()
    if text.startswith("=", at) and not text.startswith("==", at):
        return at
    return None


def _continues_after_equals(prev: Row, source: str, start: int, end: int, env: str | None) -> bool:
    """Whether ``prev`` ends with ``=`` and the row at ``source[start:end]`` is its right side:
    same environment, only a row break between them, and the row starts with ``=`` or with no
    relation at all (a row starting with another relation is not joined: the reader then says
    that ``prev`` ends with ``=``)."""
    if env != prev.environment or open_equals(prev.text) is None:
        return False
    if not _BREAK_ONLY.fullmatch(source, prev.offset + len(prev.text), start):
        return False
    raw = source[start:end]
    if leading_equals(raw) is not None:
        return True
    lead = _LEADING_SPACE.match(raw)
    return _RELATION.match(raw, lead.end()) is None and _holds_math(raw, start)


# A row that starts with one of these continues the expression of the row before it (the
# author broke a long sum or product over lines: ``&= a \\ &\quad + b``).
_LEADING_SPACE = re.compile(
    r"(?:\s|&|~|\\(?:quad|qquad|[,;:! ]|enspace|thinspace|medspace|thickspace)(?![A-Za-z])"
    r"|\\(?:hspace|phantom|hphantom)\*?\{[^{}]*\})*"
)
_BINARY = re.compile(r"(?:\+|-|\\(?:pm|mp|cdot|times)(?![A-Za-z]))")
_COMMAND = re.compile(r"\\[A-Za-z]+")
_BREAK_ONLY = re.compile(r"\s*(?:\\\\\*?\s*(?:\[[^\]]*\])?|\\)?\s*")
_RELATION = re.compile(
    r"=|<|>|\\(?:le|leq|ge|geq|neq|ne|approx|equiv|simeq|sim|propto|to|iff|implies|Rightarrow)"
    r"(?![A-Za-z])"
)


def _continues_expression(prev: Row, source: str, start: int, end: int, env: str | None) -> bool:
    """Whether the row at ``source[start:end]`` continues the expression of ``prev``: the two
    are in the same environment with only a row break between them, and the row starts with a
    binary operator, or holds math with no relation at all. ``+``, ``\\pm``, ``\\cdot``...
    cannot start an equation of its own; a ``-`` can (``-x + y = 3`` in a system), so a row
    starting with ``-`` continues only when it holds no relation of its own. A row with neither
    an operator nor a relation (``&= \\frac{1}{Z} \\\\ &\\quad \\prod_k ...``) asserts
    nothing alone: it continues the expression as TeX sets it, juxtaposed (a product), rather
    than being left out and the row before checked without its tail (README, "What the
    notation means to eqchain"). A row of prose alone (``\\text{...}``, a tag) stays apart."""
    if env != prev.environment:
        return False
    if not _BREAK_ONLY.fullmatch(source, prev.offset + len(prev.text), start):
        return False
    raw = source[start:end]
    if ELISION.fullmatch(raw) or ELISION.fullmatch(prev.text):
        # &\vdots, &...: an elision of rows, never a factor of the row before, nor one the
        # row after continues (\vdots then f(a, 3): the next chain's first row)
        return False
    lead = _LEADING_SPACE.match(raw)
    if _annotated_relation(raw, lead.end()):
        return False  # &\overset{\eqref{eq:a}}{=} ...: a link of its own, as '&= ...' is
    op = _BINARY.match(raw, lead.end())
    if op is None:
        return not _top_level_relation(raw) and _holds_math(raw, start)
    return op.group(0) != "-" or not _top_level_relation(raw[op.end() :])


def _holds_math(raw: str, offset: int) -> bool:
    """Whether a row holds anything but blanks, spacing and prose (text, tags, labels)."""
    try:
        body = strip_decorations(raw.replace("&", " "), offset).body
    except LatexError:
        return True  # read as written: the reader reports what is wrong with it
    return bool(_LEADING_SPACE.sub("", body).strip())


_ANNOTATED = re.compile(r"\\(?:overset|stackrel)(?![A-Za-z])\s*")


def _annotated_relation(text: str, at: int) -> bool:
    """Whether ``text`` has at ``at`` a relation with a note over it, ``\\overset{note}{=}`` or
    ``\\stackrel{note}{\\le}`` (the reader reads the note as the step's reason)."""
    m = _ANNOTATED.match(text, at)
    note = braced_argument(text, m.end()) if m else None
    below = braced_argument(text, note[1] + 1) if note else None
    if below is None:
        return False
    return _RELATION.fullmatch(text[below[0] + 1 : below[1]].strip()) is not None


def _top_level_relation(text: str) -> bool:
    depth = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "{(":
            depth += 1
        elif ch in "})":
            depth -= 1
        elif depth == 0 and (_RELATION.match(text, i) or _annotated_relation(text, i)):
            return True
        if ch == "\\":
            m = _COMMAND.match(text, i)
            i = m.end() if m else i + 2
            continue
        i += 1
    return False


_LEFT_RIGHT = re.compile(r"\\(left|right)(?![A-Za-z])")
_INTERTEXT = re.compile(r"\\(?:short)?intertext(?![A-Za-z])")
# Commands that take a delimiter next: '\\left\\\\{' can only be Markdown's escape of '\\left\\{'.
_SIZED = re.compile(r"\\(?:left|right|middle|[bB]igg?[lrm]?)\s*$")


def _markdown_escaped_braces(text: str, chars: list[str]) -> None:
    """Read ``\\\\{`` and ``\\\\}`` as the braces ``\\{``, ``\\}`` where the author wrote them
    escaped for Markdown (which turns ``\\\\{`` into the ``\\{`` MathJax reads): after a size
    command (``\\left\\\\{``: a row break cannot follow ``\\left``), or everywhere in the
    formula when a row break before each would leave a row with unbalanced braces, and reading
    them as braces leaves none (``x = \\\\{ a \\\\}``). The first backslash becomes a space, so
    columns stay those of the file. Anything else is left as written."""
    found = [m.start() for m in re.finditer(r"(?<!\\)\\\\[{}]", text)]
    if not found:
        return
    sized = [i for i in found if _SIZED.search(text, 0, i)]
    rest = [i for i in found if i not in sized]
    escaped = set(sized)
    if rest and not _rows_balanced(text, escaped) and _rows_balanced(text, escaped | set(rest)):
        escaped |= set(rest)
    for i in escaped:
        chars[i] = " "


def _rows_balanced(text: str, escaped: set[int]) -> bool:
    """Whether every row of ``text`` (split at its row breaks ``\\\\`` other than those at
    ``escaped``, which start the brace ``\\{``/``\\}``) has balanced braces."""
    depth, i, n = 0, 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\\":
            if i in escaped:
                i += 3
                continue
            if i + 1 < n and text[i + 1] == "\\":
                if depth:
                    return False
                i += 2
                continue
            i += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return False
        i += 1
    return depth == 0


def _lone_backslash(text: str, i: int) -> bool:
    """A ``\\`` followed only by blanks up to the end of its line (or of the text)."""
    j = i + 1
    while j < len(text) and text[j] in " \t\r":
        j += 1
    return j >= len(text) or text[j] == "\n"


def _blank_comments(text: str, chars: list[str]) -> None:
    i = 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == "%":
            j = text.find("\n", i)
            j = len(text) if j < 0 else j
            for k in range(i, j):
                chars[k] = " "
            i = j
            continue
        i += 1


def _blank_delimiters(text: str, chars: list[str]) -> None:
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    for opening, closing in _DELIMITERS:
        if (
            len(stripped) >= len(opening) + len(closing)
            and stripped.startswith(opening)
            and stripped.endswith(closing)
        ):
            for k in range(lead, lead + len(opening)):
                chars[k] = " "
            end = lead + len(stripped)
            for k in range(end - len(closing), end):
                chars[k] = " "
            return


def _drop_columns(row: str, offset: int, env: str | None) -> str:
    """Replace the row's ``&`` by spaces, after checking that the columns beyond the first
    equation hold nothing but prose."""
    cut = _ampersands(row)
    if not cut:
        return row
    per_equation = ENVIRONMENTS.get(env or "", 0)
    remarks = []
    if per_equation:
        bounds = [-1, *cut, len(row)]
        for col in range(per_equation, len(bounds) - 1):
            extra = row[bounds[col] + 1 : bounds[col + 1]]
            try:
                left = strip_decorations(extra.replace("&", " "), offset + bounds[col] + 1).body
            except LatexError:
                left = None  # prose in the middle: a remark, if no relation stands outside it
            if left is not None and not left.strip():
                continue  # prose only: the row's annotation
            if _commentary(extra):  # \text{group all }a s: a remark with a letter or two
                remarks.append((bounds[col] + 1, bounds[col + 1]))
                continue
            if left is not None and _EQUATION_NUMBER.fullmatch(left.strip()):
                # (1), ( 2), (3.1), (4a) alone in a column: the row's number, as \tag{1} is
                remarks.append((bounds[col] + 1, bounds[col + 1]))
                continue
            if left is None:
                strip_decorations(extra.replace("&", " "), offset + bounds[col] + 1)
            if left.strip():
                raise LatexError(
                    "several equations on one row (align columns): write one per row",
                    column=offset + bounds[col] + 2,
                )
    chars = list(row)
    for k in cut:
        chars[k] = " "
    for a, b in remarks:  # a remark is no part of the formula (newlines kept, for lines)
        chars[a:b] = [c if c == "\n" else " " for c in chars[a:b]]
    return "".join(chars)


_EQUATION_NUMBER = re.compile(NUMBER_IN_PARENTHESES)  # as after \cdots (decorations)
_PROSE_COMMAND = re.compile(r"\\(?:text|textrm|textit|textbf|mbox|intertext)\s*\{")
_RELATION = re.compile(r"[=<>]|\\(?:le|ge|leq|geq|neq|ne|approx|sim|propto|in|to)(?![A-Za-z])")


def _commentary(column: str) -> bool:
    """Whether an align column beyond the row's equation is a remark: it holds prose
    (``\\text{...}``) and no relation outside it (``\\text{group all }a s``), so that the math
    letters in it are part of the remark, not an equation beside the row's."""
    if _PROSE_COMMAND.search(column) is None:
        return False
    return _RELATION.search(_without_braced_prose(column)) is None


def _without_braced_prose(text: str) -> str:
    out, i = [], 0
    for m in _PROSE_COMMAND.finditer(text):
        out.append(text[i : m.start()])
        depth, j = 1, m.end()
        while j < len(text) and depth:
            depth += (text[j] == "{") - (text[j] == "}")
            j += 1
        i = j
    out.append(text[i:])
    return "".join(out)


def _ampersands(row: str) -> list[int]:
    found, depth, i = [], 0, 0
    while i < len(row):
        ch = row[i]
        if ch == "\\":
            i = environment_end(row, i) or i + 2  # the '&' of a piecewise definition are its own
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == "&" and depth == 0:
            found.append(i)
        i += 1
    return found
