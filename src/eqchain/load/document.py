"""Markdown and LaTeX documents: every displayed equation, with its line, as a derivation.

Display math is ``$$...$$``, ``\\[...\\]`` and the equation environments (``equation``,
``align``, ``gather``, ...), found by real parsers: a CommonMark parser for Markdown
(:mod:`eqchain.load.markdown`, with dialects), a LaTeX walker for .tex
(:mod:`eqchain.load.tex`, with ``\\input`` files), the author's macros expanded
(:mod:`eqchain.load.macros`). Each block is split into rows (:mod:`eqchain.latex.rows`); a
row ``= b`` continues the row before, a row ``a = b = c`` is a chain. The steps are marked
``infer_kind``: the checker decides, as a careful reader would, which equation defines a symbol,
which states a given fact and which is a claim to check (see :mod:`eqchain.check.engine`).

A name written before parentheses and used no other way in the document (``\\sigma(z)``,
``L(\\theta)``, ``M_X(t)``) is a function in all of it (:mod:`eqchain.latex.applied`).

Assumptions come from ``--assume "y_k > 0, t_k >= 0"``, a front-matter line
``eqchain-assume: ...`` (Markdown), or a comment ``<!-- eqchain: assume ... -->`` or
``<!-- eqchain-assume: ... -->`` (Markdown) / ``% eqchain: assume ...`` or
``% eqchain-assume: ...`` (LaTeX). Every symbol and family is real unless declared
``complex`` (``--assume "z complex"``): ML and statistics authors mean real quantities, and the
reports say so (``symbols are real unless declared otherwise``). A name a row may define
(``s = ...`` alone on the left) is what its definition says, and function values are not
assumed real. A symbol used as the upper bound of a sum or product over integers is an integer (the
notation says so); nothing else is assumed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction
from pathlib import Path

from eqchain.errors import InputError, LatexError
from eqchain.latex import matrices
from eqchain.latex.names import mixed_families, subscript_letters, written_families
from eqchain.latex.parser import unwritten_bounds
from eqchain.load.assume import Stated
from eqchain.load.blocks import Block, line_col
from eqchain.load.links import ARROWS, LinkError, links
from eqchain.model import Derivation, Place, Step

MAX_BYTES = 10_000_000


def load_document(
    path: str,
    kind: str,
    assume: str | None = None,
    data: bytes | None = None,
    dialect: str | None = None,
    macros: str | None = None,
    cross_check: bool = False,
) -> Derivation:
    """Read a Markdown (``kind="markdown"``), LaTeX (``"latex"``) or reStructuredText
    (``"rest"``: Sphinx's ``.. math::`` directives) document.

    ``dialect`` names the Markdown dialect (:data:`eqchain.load.markdown.DIALECTS`); without
    it the document's front matter or suffix says, else CommonMark. ``macros`` is a file of
    macro definitions (:func:`eqchain.load.macros.load_macros`) expanded in the math, as the
    document's own definitions are. With ``cross_check``, a formula that SymPy's parser or
    latex2sympy2 reads differently is unreadable (ambiguous).

    Raises InputError (with line and column) for a document that cannot be read at all (not
    UTF-8 text, binary, no displayed equations). A formula that cannot be read, a block that
    cannot be split into rows and an unclosed block (``$$`` with no end) become unreadable
    steps at the place of the offending token, and the rest of the document is still read
    (eqchain never guesses what an author meant, and never stops at the first problem).
    """
    from eqchain.load.files import read_text
    from eqchain.load.macros import load_macros

    text = read_text(path, MAX_BYTES, data)
    if "\x00" in text:
        raise InputError(
            "binary data (NUL byte) in a document", path, text[: text.index("\x00")].count("\n") + 1
        )
    table = load_macros(macros) if macros else {}
    (blocks, declared, title), unclosed = _blocks(path, text, kind, dialect, table)
    if kind == "markdown" and not blocks and unclosed is None and _rest_directives(text):
        kind, text = "rest", _without_markdown_code(text)
        (blocks, declared, title), unclosed = _blocks(path, text, kind, dialect, table)
    blocks = _with_prose_definitions(blocks, text, table)
    assumptions = ([assume] if assume else []) + declared
    items = _assumption_items(path, assumptions)
    # equations the prose states (--assume "u = e^{a_0} + e^{a_1}"): rows before the first
    stated = [Block(i.text, 1, 1, STATED) for i in items if isinstance(i, Stated)]
    items = [i for i in items if not isinstance(i, Stated)]
    blocks = stated + blocks
    functions = frozenset(i.name for i in items if getattr(i, "words", ()) == ("function",))
    # X matrix, y vector: marks for the reader (eqchain.latex.matrices), no symbol's assumption
    shaped = [i for i in items if getattr(i, "words", ()) in (("vector",), ("matrix",))]
    items = [i for i in items if i not in shaped]
    functions |= {matrices.declared_mark(i.name, i.words[0]) for i in shaped}
    symbols = frozenset(
        i.name for i in items if getattr(i, "name", None) and i.name not in functions
    )
    functions |= _inferred_functions(blocks, symbols)
    token_rows = _token_rows(blocks)
    functions |= _matrix_marks(token_rows) | _word_marks(token_rows) | _alone_marks(token_rows)
    functions |= written_families(token_rows)  # y_{ij} under sums: y[i, j] in every row
    functions |= subscript_letters(token_rows)  # z_i somewhere: x_{i1} is x[i, 1] everywhere
    functions |= mixed_families(token_rows, functions)  # and then x_{21} is x[2, 1]
    if "T" in symbols:  # --assume "T integer": T is a scalar, a plain ^T no transpose
        functions |= {matrices.SCALAR_T_MARK}
    rows = _read_rows(path, blocks, functions, cross_check)
    if unclosed is not None:
        line, col = unclosed.line, unclosed.column
        written = text.split("\n")[line - 1][col - 1 :].strip()
        rows.append((len(blocks), [_Row(None, line, col, written, error=unclosed.message)]))
    stated = _not_of_families(stated_law_conditions(rows), items, rows)
    stated += _prose_assumptions(
        path, blocks, rows, items + stated, _inline_names(text, blocks), text
    )
    rows = _cases_in_words(blocks, rows, items + stated, functions)
    bound_rows = _display_bounds(rows, items + stated)
    items = items + stated
    scope = _scope(path, rows, items)
    owners: list[int] = []
    steps = [_assumed(s, path) for s in _steps(path, rows, scope, owners, bound_rows, functions)]
    steps = _statements_after_proofs(steps, owners, blocks)
    if not steps:
        raise InputError("no displayed equations found", path)
    _consistent_bounds(path, items)
    steps = _margin_givens(path, items, scope) + steps
    propto = tuple(n for i in items for n in getattr(i, "names", ()))
    return Derivation(
        title or Path(path).name,
        path,
        _shown(items, scope),
        tuple(steps),
        scope,
        (),
        kind,
        tuple(propto),
        real_by_default=True,
    )


# A Sphinx math directive at a line's start: in Markdown literal text, in reST display math.
# A Markdown file with no display math of its own but such directives is a reST document
# published (or saved) under .md, as Sphinx notes often are, and is read as one.
_REST_MATH = re.compile(r"^[ \t]*\.\. math::", re.M)


def _without_markdown_code(text: str) -> str:
    """The text with its Markdown fences and HTML blocks (comments) blanked, every line kept:
    what a Markdown file shows as code or hides is no math of its reST reading."""
    from markdown_it import MarkdownIt

    lines = text.split("\n")
    for token in MarkdownIt("commonmark").parse(text):
        if token.type in ("fence", "html_block") and token.map:
            first, end = token.map
            for k in range(first, min(end, len(lines))):
                lines[k] = ""
    return "\n".join(lines)


def _rest_directives(text: str) -> bool:
    """Whether the Markdown text has a reST math directive as its prose (a paragraph's line
    starting ``.. math::``), not in a code block, a fenced one or an HTML comment, where a
    Markdown post shows Sphinx's syntax."""
    if not _REST_MATH.search(text):
        return False
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(text)
    return any(t.type == "inline" and _REST_MATH.search(t.content) for t in tokens)


def _blocks(path: str, text: str, kind: str, dialect, macros: dict):
    """(blocks, declared assumptions, title) of the document, and None; when a block is never
    closed, those of the text before it and the error (at the unclosed opening), since
    everything after it would be read as the unclosed block's math."""

    def find(source: str):
        if kind == "markdown":
            return _markdown(path, source, dialect, macros)
        if kind == "rest":
            return _rest(path, source, macros)
        from eqchain.load.tex import read_tex

        doc = read_tex(path, source, macros)
        return list(doc.blocks), list(doc.assumptions), doc.title

    try:
        return find(text), None
    except InputError as err:
        unclosed = err.message.startswith("unclosed") or err.message.endswith("never closed")
        if not unclosed or err.line is None or err.column is None or err.path not in (None, path):
            raise  # a missing \\input file, say: the document cannot be read as its author meant
        lines = text.split("\n")
        position = sum(len(ln) + 1 for ln in lines[: err.line - 1]) + err.column - 1
        return find(text[:position]), err


# -- finding display math ------------------------------------------------------------------------


def markdown_blocks(text: str, dialect: str | None = None) -> list[Block]:
    """Display math in Markdown, as a CommonMark parser finds it (:mod:`eqchain.load.markdown`)."""
    from eqchain.load.markdown import markdown_blocks as find

    return find(text, dialect)


def markdown_or_rest(text: str) -> str:
    """How a Markdown file is read: ``"rest"`` when a Markdown reading finds no display math in
    it and it has a reST math directive in its prose (:func:`_rest_directives`), else
    ``"markdown"``."""
    if _rest_directives(text) and not markdown_blocks(text):
        return "rest"
    return "markdown"


def latex_blocks(text: str, path: str = "document.tex") -> list[Block]:
    """Display math in a LaTeX document, as a LaTeX walker finds it (:mod:`eqchain.load.tex`;
    ``\\input`` files are not followed without a real ``path``)."""
    from eqchain.load.tex import read_tex

    return list(read_tex(path, text, follow_inputs=False).blocks)


def rest_blocks(text: str) -> list[Block]:
    """Display math in a reST document: Sphinx's ``.. math::`` directives
    (:mod:`eqchain.load.rest`)."""
    from eqchain.load.rest import read_rest

    return list(read_rest(text).blocks)


def _markdown(path: str, text: str, dialect: str | None, macros: dict):
    """Blocks, declared assumptions and title of a Markdown document, macros expanded."""
    from eqchain.load.markdown import read_markdown

    try:
        doc = read_markdown(text, dialect, Path(path).suffix)
    except InputError as err:
        raise err.located(path) from None
    return _expanded(path, doc.blocks, macros), list(doc.assumptions), doc.title


def _rest(path: str, text: str, macros: dict):
    """Blocks, declared assumptions and title of a reST document (Sphinx's ``.. math::``
    directives, :mod:`eqchain.load.rest`), macros expanded."""
    from eqchain.load.rest import read_rest

    doc = read_rest(text)
    return _expanded(path, doc.blocks, macros), list(doc.assumptions), doc.title


def _expanded(path: str, found, macros: dict) -> list[Block]:
    """The blocks with the macros of ``macros`` expanded in their math."""
    from eqchain.load.macros import MacroError, expand

    blocks = []
    for block in found:
        try:
            expanded = expand(block.text, macros)
        except MacroError as err:
            line, column = line_col(block.text, err.offset)
            column = block.column + column - 1 if line == 1 else column
            raise InputError(err.message, path, block.line + line - 1, column) from None
        blocks.append(replace(block, text=expanded))
    return blocks


# -- rows and formulas -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    """A row of a block: a read formula, or (``formula`` None) one that could not be read,
    with the reader's message; ``line``/``column`` are then those of the offending token."""

    formula: object | None  # eqchain.latex.read.Formula
    line: int
    column: int
    text: str
    path: str | None = None  # the \input file it stands in, when not the document
    error: str | None = None
    where: bool = False  # a definition after "where" (eqchain.latex.rows.where_split)
    beside: bool = False  # an equation beside another on its row (eqchain.latex.rows.beside_split)
    # it ended with '=', read once with the next display's leading '=' (_closed_across_displays)
    open_end: bool = False
    prose: bool = False  # a definition in the prose, not read (kept when its name is used)
    case: object | None = None  # the case the prose before the display states (load/prose.py)
    # ... when eqchain cannot read it as a condition (If $x^2 = x$, ...): its LaTeX
    unread_case: str | None = None
    derived: str | None = None  # the prose before says it follows (prose.states_a_consequence)
    section: int = 0  # the headings before its display (Block.section)


def _read_rows(
    path: str,
    blocks: list[Block],
    declared: frozenset[str] = frozenset(),
    cross_check: bool = False,
) -> list[tuple[int, list[_Row]]]:
    """Each block's rows, read. A row that cannot be read, or a block that cannot be split into
    rows, is kept as an unreadable row at the place of the offending token: the rest of the
    document is still read. ``declared`` names the functions the assumptions declare."""
    from eqchain.latex.memo import read_cached
    from eqchain.latex.parser import BarVariableUnknown, integration_variables
    from eqchain.latex.rows import split_rows

    out = []
    functions: set[str] = set(declared)  # declared, and defined so far (p(x) = ...)
    before: frozenset = frozenset()  # the variables of integration of the row before
    # the LaTeX of the cases the prose stated for the displays right before (displays with no
    # prose between them go on in their case), and their section: what "Otherwise," completes
    cases: list[str] = []
    cases_section = 0
    document = path
    for b_index, block in enumerate(blocks):
        path = block.path or document
        if block.error is not None:  # found unreadable where it was found (an unpaired $$)
            row = _Row(None, block.line, block.column, block.text, block.path, block.error)
            out.append((b_index, [row]))
            continue
        prose = block.lead == PROSE_DEFINITION
        try:
            rows = split_rows(block.text)
        except LatexError as err:
            if prose:
                continue
            place = _place(err, path, block, block.text)
            message = f"cannot read the formula: {err.message}"
            out.append(
                (
                    b_index,
                    [_Row(None, place.line, place.column, _one_line(block), block.path, message)],
                )
            )
            continue
        stated = _stated_case_text(block)  # read once: the case, the unread case, "Otherwise"
        case = _read_stated_case(stated, functions)
        if block.section != cases_section:
            cases, cases_section = [], block.section  # no case of another heading goes on
        if case is None and cases and _otherwise(block):
            # "Otherwise," right after the cases: the other case, x < 0 after x \geq 0 (its
            # row was refuted at a point of the first case, a red team s52)
            case, unread_case = _other_case(cases, functions)
            cases = []
        else:
            # a case eqchain cannot read as a condition (If $x^2 = x$, then): its LaTeX, so
            # that no row of the display is refuted at a point that may lie outside it
            unread_case = stated if case is None else None
            if stated is not None:
                cases.append(stated)
            elif block.lead:
                cases = []  # prose that states no case ends the cases
        if case is None and unread_case is None:
            following = blocks[b_index + 1] if b_index + 1 < len(blocks) else None
            case, unread_case = None, _case_after(block, following)
        derived = _states_a_consequence(block)
        closed = _closed_across_displays(rows, blocks[b_index + 1 : b_index + 2])
        open_last = closed is not rows
        rows = closed
        read = []
        pending_note = None
        queue = list(rows)
        while queue:
            row = queue.pop(0)
            if isinstance(row, _Row):  # an unreadable side of a chain, placed by its links
                read.append(row)
                pending_note = None
                before = frozenset()
                continue
            try:
                row.raise_error()  # this row only (an align column it cannot hold)
                try:
                    formula = read_cached(
                        row.text, functions=frozenset(functions), cross_check=cross_check
                    )
                except BarVariableUnknown:
                    if not before:
                        raise
                    # [F]_a^b continuing \int ... dx: in the previous row's variable
                    formula = read_cached(
                        row.text,
                        functions=frozenset(functions),
                        cross_check=cross_check,
                        variables=before,
                    )
            except LatexError as err:
                if prose and not _defines_a_name(row.text):
                    continue
                if err.column is None:
                    line, col = _row_place(block, row)
                elif err is row.error:  # found splitting the display: its column is the block's
                    line, col = _block_place(block, err.column)
                else:
                    line, col = _block_place(block, row.offset + err.column)
                message = f"cannot read the formula: {err.message}"
                continued = bool(queue) and queue[0].text.lstrip().startswith("=")
                before_side, after_side = _around_unreadable_side(row, err, continued, functions)
                if before_side is not None or after_side is not None:
                    # a chain a = b = c = d with one side unreadable: the links that do not
                    # touch it are read and checked (the whole row was lost); the rest
                    # continues the unreadable side, as a row after an unreadable row does
                    unread = _Row(
                        None, line, col, row.text.strip(), block.path, message,
                        section=block.section,
                    )  # fmt: skip
                    queue[:0] = [r for r in (before_side, unread, after_side) if r is not None]
                    continue
                read.append(
                    _Row(
                        None,
                        line,
                        col,
                        row.text.strip(),
                        block.path,
                        message,
                        prose=prose,
                        section=block.section,
                    )  # fmt: skip
                )
                pending_note = None
                before = frozenset()
                continue
            if formula.defined_function:
                functions.add(formula.defined_function)
            if formula.sides:
                before = frozenset().union(*(integration_variables(e) for e in formula.sides))
            if not formula.sides:
                pending_note = formula.annotation or pending_note
                continue
            if pending_note and not formula.annotation:
                from dataclasses import replace

                formula = replace(formula, annotation=pending_note)
            pending_note = None
            line, col = _row_place(block, row)
            read.append(
                _Row(
                    formula,
                    line,
                    col,
                    row.text.strip(),
                    block.path,
                    where=row.where,
                    beside=row.beside,
                    open_end=open_last and row is rows[-1],
                    case=case,
                    unread_case=unread_case,
                    derived=derived,
                    section=block.section,
                )
            )
        out.append((b_index, read))
    return out


# commands that relate two things: a part of a row holding one is no side of a chain
_RELATION_WORDS = re.compile(
    r"\\(?:neq|ne|not|equiv|approx|simeq|cong|sim|to|mapsto|in|notin|leftarrow|gets"
    r"|longleftarrow|subset|subseteq|supset|perp|mid|parallel)(?![A-Za-z])"
)


def _around_unreadable_side(row, err: LatexError, continued: bool = False, functions=()):
    """For a row ``a = b = c = d`` whose side at ``err``'s column cannot be read: the row of the
    sides before it (when two or more) and the row from the relation after it (``= c = d``, a
    continuation of the unreadable side), as rows of the same offsets (the text around them
    blanked, so columns stay); ``(None, None)`` when the row is not such a chain or the column
    is not known. A row of one equation is split only when its first side is the unreadable
    one and the next row continues it (``a &= b`` then ``&= c``: b = c is checked)."""
    from dataclasses import replace

    from eqchain.latex.conditions import split_condition
    from eqchain.latex.memo import read_cached
    from eqchain.latex.read import reason_row, relation_parts

    if err.column is None or row.error is not None or row.where or row.beside:
        return None, None
    if split_condition(row.text) is not None or "\\{" in row.text:
        return None, None  # a condition after a comma, a set: not a chain's sides
    if reason_row(row.text):
        return None, None  # \because p &= ...: a premise, no side of the chain it stands in
    try:
        parts, relations = relation_parts(row.text)
    except (LatexError, ValueError):
        return None, None
    if len(parts) < 2 or any(r not in ("=", "") for r in relations):
        return None, None
    if len(parts) == 2 and not continued:
        return None, None  # one equation: nothing but its own link, which is unreadable
    at = err.column - 1
    found = [k for k, (start, end) in enumerate(parts) if start <= at < end]
    if not found:
        return None, None
    (k,) = found
    if len(parts) == 2 and k != 0:
        return None, None
    text = row.text
    if _RELATION_WORDS.search(text[parts[k][0] : parts[k][1]]):
        return None, None  # b \neq c between two = is no side: the row is not a chain of sides
    before = after = None
    if k >= 2 and text[: parts[0][0]].strip() == "":
        cut = parts[k - 1][1]
        before = replace(row, text=text[:cut] + " " * (len(text) - cut))
    if k + 1 < len(parts):
        start = parts[k][1]  # the relation after the unreadable side starts the rest
        # blanked but for its line breaks: placed where its text starts (load._row_place)
        blank = "".join(c if c == "\n" else " " for c in text[:start])
        after = replace(row, text=blank + text[start:])
    if before is not None:
        try:  # the sides before are sides indeed (else the whole row is lost); the rest is
            # split again where it has a side that cannot be read
            read_cached(before.text, functions=frozenset(functions))
        except LatexError:
            return None, None
    return before, after


# the lead of a block made from a definition in the prose (load/prose.stated_definitions)
PROSE_DEFINITION = "(defined in the prose)"


def _with_prose_definitions(blocks: list[Block], text: str, macros: dict) -> list[Block]:
    """``blocks`` with a block of its own before each display whose prose ends by defining a
    name (``With $S = ...$:``, load/prose.py), placed where that formula stands in the prose
    (the last place before the display that writes it), the macros of ``macros`` expanded;
    none when it is not found there (a file brought in by ``\\input``). Such a block that
    cannot be read gives no row (:func:`_read_rows`): the prose was not meant as a display."""
    from eqchain.load.macros import MacroError, expand
    from eqchain.load.prose import stated_definitions

    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    out = []
    for block in blocks:
        found = stated_definitions(block.lead) if block.path is None and block.lead else []
        if found and 0 < block.line <= len(starts):
            made = []
            end = starts[block.line - 1]
            for formula in reversed(found):  # each the last place before the next that writes it
                at = text.rfind(formula, 0, end)
                try:
                    expanded = expand("$" + formula + "$", macros)
                except MacroError:
                    at = -1
                if at > 0:
                    line = text.count("\n", 0, at) + 1
                    column = at - starts[line - 1]  # the delimiter's column, 1-based
                    made.append(Block(expanded, line, column, lead=PROSE_DEFINITION))
                    end = at
            out.extend(reversed(made))
        out.append(block)
    return out


def _states_a_consequence(block: Block) -> str | None:
    """What the prose before ``block`` says of what it displays by a word of consequence
    (:func:`eqchain.load.prose.states_a_consequence`)."""
    from eqchain.load.prose import states_a_consequence

    lead = block.lead
    return states_a_consequence(lead) if lead and lead != PROSE_DEFINITION else None


def _read_stated_case(text: str | None, functions) -> object | None:
    """The condition ``text`` (the case the prose before a display states, load/prose.py),
    read; None when it states none or what it states is no condition eqchain reads."""
    from eqchain.latex.read import read_case

    if text is None:
        return None
    try:
        return read_case(text, frozenset(functions))
    except LatexError:
        return None


def _case_after(block: Block, following: Block | None) -> str | None:
    """The condition the prose right after ``block`` states for it (「ただし $x > 0$ とする。」,
    "where $u \\geq 0$.": load/prose.case_after), as its LaTeX: what an unread case
    gives for the prose before, so that no row of the display is refuted
    at values that may lie outside it (``\\sqrt{x^2} = x`` was refuted at x = -1). Never the
    rows' condition: read as one it turned a given (``2x^2 = 8``, ``a + 1 = 3`` before "where
    $b > 0$.") into a refuted claim, and it may say what the author meant for the next display
    (red team s45, round 3)."""
    from eqchain.load.prose import case_after

    if following is None:
        first = block.after
    elif following.prose is not None:
        first = following.prose.split("\n\n", 1)[0]
    else:
        first = following.lead
    if not first or first == PROSE_DEFINITION:
        return None
    return case_after(first)


def _stated_case_text(block: Block) -> str | None:
    """The LaTeX of the case the prose before ``block`` states, read or not."""
    from eqchain.load.prose import stated_case

    return stated_case(block.lead) if block.lead and block.lead != PROSE_DEFINITION else None


# The complement of one order or equation (the case "Otherwise," stands for)
_OTHER = {">": r"\leq", "<": r"\geq", r"\geq": "<", r"\leq": ">", r"\ge": "<", r"\le": ">",
          "=": r"\neq", r"\neq": "=", r"\ne": "="}  # fmt: skip
_ONE_RELATION = re.compile(
    r"\A(?P<a>[^<>=]+?)\s*(?P<op>>|<|\\geq?(?![a-z])|\\leq?(?![a-z])|=|\\neq?(?![a-z]))"
    r"\s*(?P<b>[^<>=]+)\Z"
)
_RELATION_WORD = re.compile(r"\\(?:geq?|leq?|neq?|ll|gg|approx|sim|in|subset)(?![a-z])")


def _otherwise(block: Block) -> bool:
    """Whether the prose before ``block`` ends with a sentence that only says "otherwise"."""
    from eqchain.load.prose import states_otherwise

    return bool(block.lead) and block.lead != PROSE_DEFINITION and states_otherwise(block.lead)


def _other_case(cases: list[str], functions) -> tuple[object | None, str | None]:
    """The case "Otherwise," states after the cases ``cases`` (LaTeX): the complement of one
    order or equation, read (``x \\leq 0`` after ``x > 0``); anything else (``0 < x < 1``,
    ``x \\in A``, two cases before it: x < 0, then x = 0) is a case eqchain does not read, its
    LaTeX kept so that no row is refuted at a point that may lie outside it (written
    ``\\lnot (...)``, which nothing reads as the case itself: ``\\text{not}`` was dropped as a
    word and the case read as stated)."""
    from eqchain.latex.read import read_case

    last = r" \lor ".join(cases)
    m = _ONE_RELATION.match(last.strip()) if len(cases) == 1 else None
    if m is None or any(_RELATION_WORD.search(m.group(k)) for k in ("a", "b")):
        return None, rf"\lnot ({last})"
    text = f"{m.group('a').strip()} {_OTHER[m.group('op')]} {m.group('b').strip()}"
    try:
        return read_case(text, frozenset(functions)), None
    except LatexError:
        return None, rf"\lnot ({last})"


def _closed_across_displays(rows, following: list[Block]):
    """``rows`` with the ``=`` their last row ends with blanked out when the next display
    starts with ``=`` (``$$ = a = $$``, prose, ``$$ = b $$``): the chain continues there, and
    the ``=`` written at both ends is read once. Otherwise the rows as they are (a row ending
    with ``=`` is then unreadable, saying so)."""
    from dataclasses import replace as _replace

    from eqchain.latex.rows import leading_equals, open_equals, split_rows

    if not rows or not following:
        return rows
    at = open_equals(rows[-1].text)
    if at is None:
        return rows
    try:
        after = split_rows(following[0].text)
    except LatexError:
        return rows
    if not after or leading_equals(after[0].text) is None:
        return rows
    last = rows[-1]
    return (*rows[:-1], _replace(last, text=last.text[:at] + " " + last.text[at + 1 :]))


def _inferred_functions(blocks: list[Block], symbols: frozenset[str]) -> frozenset[str]:
    """The names the document applies to parentheses and uses no other way (``\\sigma(z)``,
    ``L(\\theta)``, ``M_X(t)``): functions, by the rule and soundness argument of
    :mod:`eqchain.latex.applied`. ``symbols`` are the names the assumptions declare symbols."""
    from eqchain.latex.applied import Uses
    from eqchain.latex.rows import split_rows
    from eqchain.load.prose import inline_formulas

    uses = Uses()
    for block in blocks:
        try:
            rows = [row.text for row in split_rows(block.text)]
        except LatexError:
            rows = [block.text]
        for text in rows:
            uses.add_text(text)
        # a function the prose defines ("Let $E(y) = (y - t)^2$.", anywhere in it): E is no
        # expectation of this document, whatever its displays write
        for formula in inline_formulas(block.prose or block.lead or ""):
            uses.add_definition(formula)
    return uses.functions(symbols)


def _token_rows(blocks: list[Block]) -> list:
    """The tokens of every row of display math that can be tokenised (prose left out)."""
    from eqchain.latex.decorations import strip_decorations
    from eqchain.latex.rows import split_rows
    from eqchain.latex.tokens import tokenize

    token_rows = []
    for block in blocks:
        try:
            rows = [row.text for row in split_rows(block.text)]
        except LatexError:
            rows = [block.text]
        for text in rows:
            try:
                token_rows.append(tokenize(strip_decorations(text).body))
            except LatexError:
                continue
    return token_rows


def _word_marks(token_rows: list) -> frozenset[str]:
    """The runs of letters the document names as one word (``BCE = ...``), for the reader of
    each of its rows (:func:`eqchain.latex.words.document_words`)."""
    from eqchain.latex.words import document_words

    return document_words(token_rows)


# the path of the rows an assumption states (load.assume.Stated): no file's rows
STATED = "(assumed)"


def _assumed(step: Step, path: str) -> Step:
    """A step read from an equation the assumptions state: placed in the document (no line) and
    marked as assumed, never a formula of the document (a row ``= b`` first continues nothing)."""
    if step.place is None or step.place.path != STATED:
        return step
    return replace(
        step, place=Place(path), from_assumption=True, annotation=f"assumed: {step.claim}"
    )


def _alone_marks(token_rows: list) -> frozenset[str]:
    """The names the document writes on their own somewhere, values in every row: brackets
    after one are a factor (:func:`eqchain.latex.words.alone_mark`)."""
    from eqchain.latex.parser import names_alone
    from eqchain.latex.words import alone_mark

    return frozenset(alone_mark(n) for n in names_alone(token_rows))


def _matrix_marks(token_rows: list) -> frozenset[str]:
    """What the document says of transposes, for the reader of each of its rows: the names it
    writes transposed (and its bold names, once it writes a transpose) are vectors or matrices
    in every row, and T is no transpose where it is also a scalar
    (:func:`eqchain.latex.matrices.document_marks`)."""
    from eqchain.latex.matrices import document_marks

    return document_marks(token_rows)


def _one_line(block: Block) -> str:
    return " ".join(block.text.split())


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


def _not_of_families(stated: list, items: list, rows) -> list:
    """The stated laws' assumption items less those on a numbered name of a family: one the
    rows write at a letter (b_1 beside ``\\sum_i (b_i - a_i)``) or the assumptions declare
    (``--assume "p_k > 0"`` with ``\\mathrm{Bern}(p_1)``). Such a p_1 is the family's member,
    which an assumption on the name p_1 does not reach (it was listed as assumed while a true
    step was refuted at p_1 = 2)."""
    import sympy as sp

    from eqchain.load.assume import _NUMBERED, Bound, Declaration

    families = {
        str(member.base.label)
        for _, rs in rows
        for r in rs
        if r.formula is not None
        for side in r.formula.sides
        if isinstance(side, sp.Basic)
        for member in side.atoms(sp.Indexed)
        if not all(i.is_Integer for i in member.indices)
    }
    families |= {
        i.name for i in items if isinstance(i, (Declaration, Bound)) and i.index is not None
    }

    def of_a_family(name) -> bool:
        numbered = _NUMBERED.fullmatch(name or "")
        return numbered is not None and numbered.group(1) in families

    return [
        i
        for i in stated
        if not of_a_family(getattr(i, "name", None))
        and not (isinstance(i, Bound) and i.other is not None and of_a_family(i.other[0]))
    ]


def stated_law_conditions(rows) -> list:
    """The parameters' conditions of every law a row states (``X \\sim \\mathrm{Exp}(\\lambda)``:
    ``\\lambda > 0``; ``X \\sim \\mathcal{U}(a, b)``: ``a < b``; ``X \\sim \\mathcal{N}(\\mu,
    \\sigma^2)``: ``\\sigma > 0``, the standard deviation), as assumption items, the way
    ``--assume`` gives them: the author who states the law states that it exists, which it
    does only under its conditions (eqchain/densities.py); and what the values of the name it
    is stated of are (the law's support, :func:`_support_items`). Only a law of the table of
    densities with its number of parameters, and only a condition on a plain name (``\\lambda > 0``,
    ``0 \\le p \\le 1``, ``a < b``) or on its square (``\\sigma^2 > 0``:
    ``\\sigma > 0``; another even power: not 0); any other condition (on a family member, an
    expression, the binomial's n a natural number: its pmf written without its support,
    ``\\binom{n}{y} p^y (1-p)^{n-y}``, would then be refuted at a y outside it) is not assumed,
    and a step that needs it stays ``unknown`` naming it. Like every assumption it holds in the
    whole document. A declaration that contradicts it is an InputError, as two contradicting
    declarations are."""
    import sympy as sp

    from eqchain.densities import density_named
    from eqchain.load.assume import Declaration

    out: list = []
    equations = [
        (
            b,
            [
                r
                for r in rs
                if r.formula and len(r.formula.sides) > 1 and r.formula.relation(1) == "="
            ],
        )
        for b, rs in rows
    ]
    defined = _defined_names(equations)  # a law's own row defines nothing
    supports: dict = {}  # (name, index) -> the support's words of each law stated of it
    for _, block_rows in rows:
        for row in block_rows:
            f = row.formula
            if f is None or len(f.sides) != 2 or f.relations[1:] != ("sim",):
                continue
            law = f.sides[1]
            if not isinstance(law, sp.core.function.AppliedUndef):
                continue
            d = density_named(law.func.__name__, len(law.args))
            if d is None:
                continue
            items = [
                item
                for part in sp.And.make_args(d.holds(*law.args))
                for item in _condition_items(part, f"the law stated at line {row.line}")
            ]
            # what a row defines is what its definition says (\mu = \frac{1}{n} \sum_i x_i
            # names an estimate, not the constant parameter)
            words = (*d.values, "moments")
            for item in _support_items(f.sides[0], words):
                if item.name not in defined:
                    supports.setdefault((item.name, item.index), []).append(item.words)
            member = f.sides[0]
            if isinstance(member, sp.Indexed) and all(i.is_Integer for i in member.indices):
                # X_1 \sim ...: declares nothing of its own, but counts against X_i's law
                key = (str(member.base.label), ",".join(map(str, member.indices)))
                supports.setdefault(key, []).append(words)
            implied = _parameter_items(law.args)
            items += [item for item in implied if item.name not in defined]
            out += [item for item in items if item not in out]
    # A name stated of two laws (a section on Poisson counts X, another on Gamma waiting times
    # X; a Gamma example, then a standard normal one) has only what every statement gives it:
    # the union made X a positive integer, and |X - 1| + 1 = X was verified
    for (name, index), _ in supports.items():
        # a member and its family are one name (X_1 \sim \mathcal{N}(0, 1) beside X_i \sim
        # \mathrm{Gamma}(2, 1): X_1 is one of the X_i, and |X_1| = X_1 was verified)
        stated = [ws for (n, _i), wss in supports.items() if n == name for ws in wss]
        common = [w for w in _implied(stated[0]) if all(w in _implied(ws) for ws in stated[1:])]
        if "positive" in common:
            common.remove("nonnegative")
        numbered = index is not None and all(part.isdigit() for part in index.split(","))
        if common and not numbered:
            out.append(Declaration(name, index, tuple(common)))
    return out


def _implied(words: tuple) -> list:
    """The words of a support with what they imply (positive: nonnegative too)."""
    out = list(words)
    if "positive" in out and "nonnegative" not in out:
        out.append("nonnegative")
    return out


def _inline_names(text: str, blocks: list[Block]) -> list[frozenset[str]]:
    r"""The names each inline formula of the prose writes (``$t$``, ``\(x \le 0\)``): the
    document's text without its displays. A formula that cannot be tokenised names nothing."""
    from eqchain.load.prose import inline_formulas

    return [_tex_names(formula) for formula in inline_formulas(_prose_of(text, blocks))]


def _prose_of(text: str, blocks: list[Block]) -> str:
    """The document's text without its displays (each a paragraph break)."""
    prose = text
    for block in blocks:
        if block.path is None and block.text:
            prose = prose.replace(block.text, "\n\n")
    return prose


def _prose_assumptions(
    path: str,
    blocks: list[Block],
    rows,
    items: list,
    inline: list[frozenset[str]] = (),
    prose_text: str = "",
) -> list:
    r"""The conditions the prose states as standing assumptions ("Assume $\sigma > 0$.",
    "ただし $\sigma > 0$ とする。": load/prose.stated_assumptions), as assumption items, the way
    ``--assume`` gives them, for the whole document. Only a condition none of whose names a
    display before it writes (so that it holds for every row that mentions them: nothing
    written before is judged under it), on names no other assumption declares, and that
    ``--assume`` reads (``\sigma > 0``, ``0 < p < 1``, ``n \geq 1``, ``x \neq 0``); anything
    else is left as prose. A name the prose writes in any other inline formula ("For negative
    $t$ instead", "Otherwise, when $x \le 0$", "Hence $a \ge 0$", "where $n$ is ...") is
    assumed by none: the prose may turn to other values of it (``inline``: the names of each
    inline formula, :func:`_inline_names`). When the conditions taken cannot hold together none
    is taken."""
    from eqchain.load.assume import parse_assume
    from eqchain.load.prose import stated_assumption_sentences

    declared = {getattr(i, "name", None) for i in items} - {None}
    written: set[str] = set()  # the names the displays before the current one write
    by_block: dict[int, list] = {}
    for b, block_rows in rows:
        by_block.setdefault(b, []).extend(block_rows)
    out: list = []
    contested: set[str] = set()

    def sentences_of(block):
        # the prose since the display before (a heading or another paragraph between the
        # assumption and the display: it was not read), else the paragraph right before it
        prose = block.prose if block.prose is not None else block.lead
        return stated_assumption_sentences(prose) if block.path is None and prose else []

    # the inline formulas the conditions come from ("Let $n$ be a positive integer": one),
    # in the whole document: an assumption said again ("Let $x$ be negative", then 「$x$ は負の
    # 実数とする」) turns the prose to no other value of it (both were dropped, and a row false
    # for every negative x refuted at x = 2); said otherwise, it is contested below
    stating = [
        _tex_names(f)
        for _, formulas in stated_assumption_sentences(_prose_of(prose_text, blocks))
        for f in formulas
    ]
    for b, block in enumerate(blocks):
        sentences = sentences_of(block)
        for sentence, _formulas in sentences:
            own_sentence: list = []  # what this sentence assumed: "Let $n \in \mathbb{N}$, $n > 0$"
            for text in sentence:
                try:
                    found = parse_assume(text)
                except InputError:
                    # a condition --assume cannot read ($x \in (-\infty, 0)$, the other case)
                    # still speaks of its names: they are assumed by none
                    contested |= _tex_names(text)
                    continue
                names = set().union(*(_item_names(i) for i in found))
                # written in another inline formula of the prose (than the stated conditions),
                # a member x_1 by its letter
                contested |= {
                    n
                    for n in names
                    if sum(1 for f in inline if _letter(n) in f)
                    > sum(1 for f in stating if _letter(n) in f)
                }
                if all(i in out for i in found):
                    continue  # said again
                earlier = [i for i in out if i not in own_sentence]
                if names & set().union(*(_item_names(i) for i in earlier)):
                    # a name assumed again otherwise (x > 0, then "now assume x < 0"): cases in
                    # words, so neither holds for the whole document
                    contested |= names
                if not found or not names or names & (written | declared | contested):
                    continue
                new = [i for i in found if i not in out]
                out += new
                own_sentence += new
        for row in by_block.get(b, ()):
            formula = getattr(row, "formula", None)
            for side in getattr(formula, "sides", ()) or ():
                written |= _written_names(side)
    # (two cases of an integer, "Let $n$ be a positive integer." and "Let $n$ be a negative
    # integer.", are each a case with the type: _cases_in_words; the type is no assumption of
    # the whole document, where the prose may turn to any real n in words: red team s48-3)
    out = [i for i in out if not {_letter(n) for n in _item_names(i)} & contested]
    if out:
        try:
            _scope(path, rows, items + out)
        except Exception:  # noqa: BLE001 - conditions that cannot hold together: none taken
            return []
    return out


def _cases_in_words(blocks: list[Block], rows, taken: list, functions) -> list:
    r"""``rows`` with a case for the displays after an assumption sentence that is no
    assumption of the whole document (the prose assumes the name otherwise elsewhere, or a
    display before it writes the name): "Let $x > 0$." before one display and "Let $x < 0$."
    before another are two cases in words. Its one condition (``x > 0``, or the sign a type in
    words gives) is the case of each display after it that writes the name and has no case of
    its own, until the prose writes the name again in any inline formula: both rows were
    refuted at values their own case excludes (red team s48)."""
    from eqchain.latex.read import read_case
    from eqchain.load.assume import parse_assume
    from eqchain.load.prose import inline_formulas, stated_assumption_sentences

    by_block: dict[int, list] = {}
    for b, block_rows in rows:
        by_block.setdefault(b, []).append(block_rows)
    import sympy as sp

    current: dict[str, tuple] = {}  # a name -> (the case in force for it, its section)
    changed: dict[int, object] = {}  # id of a row -> its case
    seen: set[str] = set()  # the names the rows so far write
    for b, block in enumerate(blocks):
        prose = block.prose if block.prose is not None else block.lead
        if block.path is None and prose:
            sentences = stated_assumption_sentences(prose)
            stating = {f for _, formulas in sentences for f in formulas}
            # the prose turns to the name otherwise (anywhere in this prose): no case for it
            others = {
                name
                for formula in inline_formulas(prose)
                if formula not in stating
                for name in _tex_names(formula)
            }
            # a name two sentences of this prose assume ("Assume $n > 0$. Now assume $n < 0$.")
            counts: dict[str, int] = {}
            for _, formulas in sentences:
                for name in set().union(*(_tex_names(f) for f in formulas)) if formulas else ():
                    counts[name] = counts.get(name, 0) + 1
            others |= {name for name, n in counts.items() if n > 1}
            for name in others:
                current.pop(name, None)
            for sentence, formulas in sentences:
                names = set().union(*(_tex_names(f) for f in formulas)) if formulas else set()
                for name in names:
                    current.pop(name, None)
                try:
                    found = [i for text in sentence for i in parse_assume(text)]
                except InputError:
                    continue
                if not found or all(i in taken for i in found):
                    continue  # an assumption of the whole document
                # the sentence's conditions together, its type too ("Let $n$ be a positive
                # integer.": n \in \mathbb{Z}, n > 0; the sign alone refuted cos(2 pi n) = 1 at
                # n = 27/4, no case at all |n| = n at n = -2; red teams s48-2, s48-3)
                try:
                    case = read_case(", ".join(sentence), frozenset(functions))
                except LatexError:
                    continue
                if len(names) == 1 and not names & others:
                    current[next(iter(names))] = (case, block.section)
        # a case holds within its section: a heading turns the prose to something else
        current = {n: c for n, c in current.items() if c[1] == block.section}
        for block_rows in by_block.get(b, ()):
            for row in block_rows:
                formula = getattr(row, "formula", None)
                if formula is None:
                    continue
                sides = getattr(formula, "sides", ()) or ()
                names = set().union(*(_written_names(side) for side in sides)) if sides else set()
                new_name = (
                    len(sides) == 2
                    and isinstance(sides[0], sp.Symbol)
                    and str(sides[0]) not in seen
                    # x = |x| under "Let $x > 0$." is about x; n = 3 or x = 2y defines it
                    # (red team s48-4: 2^n = 8 after n = 3 was refuted at n = 1)
                    and not (str(sides[0]) in current and str(sides[0]) in _written_names(sides[1]))
                )
                seen |= names
                if row.case is not None or not current or new_name:
                    # a row naming a new quantity (k = \sqrt{x^2}) defines it whatever the case
                    continue
                for name, (case, _section) in current.items():
                    if name in names:
                        changed[id(row)] = case
                        break
    if not changed:
        return rows
    return [
        (b, [replace(r, case=changed[id(r)]) if id(r) in changed else r for r in block_rows])
        for b, block_rows in rows
    ]


# spaces and separators a row of bounds may hold between them (\alpha > 0,\ \beta > 0)
_BOUND_SPACING = re.compile(r"\\(?:quad|qquad|[ ,;:!])|~|\\text\s*\{\s*(?:and|,)?\s*\}")
_BOUND_RELATIONS = frozenset({"<", ">", "<=", ">="})


def _display_bounds(rows, items: list) -> frozenset[int]:
    r"""The display rows (by ``id``) that only bound names no display before them writes
    (``\alpha > 0,\ \beta > 0``, ``\lambda > 0`` on a row of their own: a law's parameters,
    before 「を満たす必要がある」): a condition the author states, never a claim refuted at
    \lambda = -1 (it was). It is no assumption either: a bound row may be one case of a proof by
    cases (``x > 0``, then "Now assume $x < 0$."), and taken for the whole document it verified
    a row false in the other case. Such a row is ``unknown``, saying how to assume it. Only
    bounds ``--assume`` reads, on names no declaration bounds."""
    from eqchain.load.assume import parse_assume

    declared = {n for i in items for n in _item_names(i)}
    written: set[str] = set()
    taken: set[int] = set()
    for _, block_rows in rows:
        for row in block_rows:
            formula = getattr(row, "formula", None)
            if formula is None:
                continue
            sides = formula.sides or ()
            relations = set(formula.relations[1:]) if len(sides) > 1 else set()
            found = None
            if relations and relations <= _BOUND_RELATIONS and not formula.continues:
                text = _BOUND_SPACING.sub(" ", row.text).strip().rstrip(".,。、")
                try:
                    found = parse_assume(text)
                except InputError:
                    found = None
            names = set().union(*(_item_names(i) for i in found)) if found else set()
            if found and names and not names & (written | declared | {"e", "pi", "i"}):
                taken.add(id(row))
            for side in sides:
                written |= _written_names(side)
    return frozenset(taken)


def _letter(name: str) -> str:
    """The letter of an assumption's name (``x`` of ``x_1``), as an inline formula's tokens
    write it."""
    return name.split("_", 1)[0].lstrip("\\")


def _tex_names(formula: str) -> frozenset[str]:
    """The names the inline formula ``formula`` writes (its letters and commands); none when it
    cannot be tokenised."""
    from eqchain.latex.tokens import tokenize

    try:
        return frozenset(t.text for t in tokenize(formula) if t.kind in ("letter", "cmd"))
    except LatexError:
        return frozenset()


def _item_names(item) -> set[str]:
    """The names an assumption item is about."""
    names = {getattr(item, "name", None)} - {None}
    if getattr(item, "other", None):
        names.add(item.other[0])
    return names


def _written_names(tree) -> set[str]:
    """The names ``tree`` writes: its symbols, families and functions."""
    import sympy as sp

    if not isinstance(tree, sp.Basic):
        return set()
    names = {str(s) for s in tree.free_symbols if isinstance(s, sp.Symbol)}
    names |= {str(a.base.label) for a in tree.atoms(sp.Indexed)}
    names |= {str(f.func) for f in tree.atoms(sp.core.function.AppliedUndef)}
    return names


def _parameter_items(parameters) -> list:
    """A stated law's parameters are numbers, not random: each plain name among them (or the
    base of its square, ``\\sigma`` of ``\\sigma^2``) is declared ``constant``."""
    import sympy as sp

    from eqchain.load.assume import Declaration

    out = []
    for p in parameters:
        if isinstance(p, sp.Pow) and p.exp.is_Integer:
            p = p.base
        if isinstance(p, sp.Symbol) and "_" not in p.name:
            out.append(Declaration(p.name, None, ("constant",)))
    return out


def _support_items(variable, words: tuple) -> list:
    """What every value of the stated law's support is (``densities.Density.values``), and that
    its moments are finite (every law of the table has them all), declared for the name it is
    stated of: a plain name (``X \\sim \\mathrm{Poiss}(\\lambda)``: X a
    nonnegative integer) or a family member with one index (``y_i \\sim ...``: every y_i); []
    for anything else or a law whose support says nothing the assumptions can (the real line, an
    interval between parameters)."""
    import sympy as sp

    from eqchain.load.assume import Declaration, _name

    if not words:
        return []
    if isinstance(variable, sp.Indexed) and len(variable.indices) == 1:
        (index,) = variable.indices
        if isinstance(index, sp.Symbol):
            return [Declaration(str(variable.base.label), index.name, words)]
        return []
    if not isinstance(variable, sp.Symbol):
        return []
    try:
        name, index = _name(variable.name)
    except InputError:
        return []
    return [Declaration(name, index, words)] if name == variable.name or index else []


def _shown(items, scope=None) -> tuple:
    """What the declarations (``--assume``, the document's own ``eqchain: assume`` line, the
    prose's assumptions, a stated law's conditions) declare, for the report's assumptions: a
    reader of the published proof sees every assumption its verdicts rest on (a bound by another
    name or number, ``a < b``, is shown as its margin given)."""
    from eqchain.load.assume import Declaration
    from eqchain.model import SymbolDecl

    families = set(getattr(scope, "families", {}) or {})
    out: dict[tuple, list] = {}
    for item in items:
        base = item.name.split("_")[0] if isinstance(item, Declaration) else ""
        if isinstance(item, Declaration) and item.index is None and base in families:
            # y_1 declared while the document writes the family y: its rows read y_1 as the
            # member y[1], which the declaration does not reach; not shown as if it did
            continue
        if isinstance(item, Declaration) and item.words != ("real",):
            words = out.setdefault((item.name, item.index or ""), [])
            words += [w for w in item.words if w not in words]
    return tuple(
        SymbolDecl(name, (), is_function=True)
        if words == ["function"]
        else SymbolDecl(name, tuple(words), tuple(index.replace(",", "")))
        for (name, index), words in out.items()
    )


def _condition_items(part, origin: str) -> list:
    """``part`` (a relation between a plain name and a number, two plain names, or an even
    power of a name and 0) as assumption items, their text
    saying ``origin``; [] for any other condition."""
    import sympy as sp

    from eqchain.load.assume import _NAME, Declaration, _between_names, _bound, _name

    relations = {sp.StrictGreaterThan: ">", sp.GreaterThan: ">=", sp.StrictLessThan: "<"}
    relations[sp.LessThan] = "<="
    op = relations.get(type(part))
    if op is None:
        return []
    left, right = part.args

    def plain(e):
        if (
            isinstance(e, sp.Indexed)
            and len(e.indices) == 1
            and e.indices[0].is_Integer
            and e.indices[0] >= 0
        ):
            # a numbered member, a_1 in X \sim U(a_1, b_1): the name an assumption gives it
            # (none for a family's member: _not_of_families)
            label = str(e.base.label)
            if not _NAME.fullmatch(label):
                return None
            return _name(label + "_{" + str(e.indices[0]) + "}")[0]
        if not isinstance(e, sp.Symbol):
            return None
        try:
            name, index = _name(e.name)
        except InputError:
            return None
        return name if index is None and name == e.name else None

    text = f"{plain(left) or left} {op} {plain(right) or right} ({origin})"
    if right.is_Number and left.is_Pow and left.exp.is_even and right == 0 and op == ">":
        # a variance written sigma^2: sigma is the standard deviation, positive (the
        # convention of every author who writes N(mu, sigma^2), and of the density's
        # 1/(\sqrt{2\pi} \sigma)); another even power only says its base is not 0
        name = plain(left.base)
        word = "positive" if left.exp == 2 else "nonzero"
        return [Declaration(name, None, (word,))] if name else []
    if left.is_Number and plain(right):
        left, right, op = right, left, {">": "<", "<": ">", ">=": "<=", "<=": ">="}[op]
    if plain(left) and right.is_Rational:
        value = Fraction(int(right.p), int(right.q))
        return _bound(plain(left), None, op, value, text)
    if plain(left) and plain(right):
        return _between_names(plain(left), op, plain(right), text)
    return []


def _assumption_items(path: str, assumptions: list[str]) -> list:
    from eqchain.load.assume import parse_assume

    items = []
    for text in assumptions:
        try:
            items.extend(parse_assume(text))
        except InputError as err:
            raise err.located(path) from None
    return items


def _scope(path: str, rows, items: list):
    import sympy as sp

    from eqchain.check.declarations import reserved_name_error
    from eqchain.load.assume import Declaration
    from eqchain.scope import Family, Scope, family_base, symbol_kwargs

    scope = Scope(strict=False, real_by_default=True)
    scope.written_alone = {
        str(row.formula.sides[0])
        for _, block_rows in rows
        for row in block_rows
        if row.formula is not None
        and len(row.formula.sides) > 1
        and isinstance(row.formula.sides[0], sp.Symbol)
    }
    words: dict[tuple[str, str | None], set[str]] = {}
    for item in items:
        if isinstance(item, Declaration):
            words.setdefault((item.name, item.index), set()).update(item.words)
    for (name, index), found in words.items():
        why = None if index else reserved_name_error(name)
        if why is not None:
            raise InputError(why).located(path)
        if "function" in found:
            scope.functions[name] = sp.Function(name)
            continue
        kwargs = symbol_kwargs(sorted(found))
        if "complex" in found:
            scope.complex_names.add(name)
        if "complex" not in found:
            kwargs["real"] = True  # real unless declared complex
            if not any(sp.Symbol("_", **{w: True}).is_real for w in symbol_kwargs(found)):
                scope.defaulted.add(name)  # real by the default alone ('t constant')
        try:
            if index:
                names = index.replace(",", "")
                idx = tuple(sp.Symbol(i, integer=True) for i in names)
                scope.families[name] = Family(family_base(name, **kwargs), idx, ())
            else:
                scope.symbols[name] = sp.Symbol(name, **kwargs)
        except Exception as err:  # noqa: BLE001 - SymPy's InconsistentAssumptions and kin
            raise InputError(
                f"the assumptions on {name} contradict each other ({', '.join(sorted(found))})",
                path,
            ) from err
    defined = _defined_names(rows) - set(scope.symbols) - set(scope.families)
    scope.undefaulted = defined - _real_definitions(rows, scope, defined)
    defined_families = {name for name, _, family in _definitions(rows) if family}
    _listed_bounds(rows, scope, defined)
    # The upper bound of a sum over integers is an integer: the notation says so.
    for _, block_rows in rows:
        for row in block_rows:
            for side in row.formula.sides if row.formula is not None else ():
                scope.unwritten |= {b.name for b in unwritten_bounds(side)}
                for node in side.atoms(sp.Sum, sp.Product):
                    for _, lo, hi in node.limits:
                        for bound in (lo, hi):
                            if isinstance(bound, sp.Indexed) and bound is hi and bound != lo:
                                _counting_family(scope, bound, defined_families)
                            if not isinstance(bound, sp.Symbol) or bound.name in scope.unwritten:
                                continue
                            if bound.name not in scope.symbols:
                                # a count (the upper bound) is nonnegative; a lower bound is an
                                # integer only (\sum_{k=m}^{m+1} |k| = 2m + 1 was verified
                                # with m made nonnegative, false at m = -1)
                                scope.symbols[bound.name] = (
                                    sp.Symbol(bound.name, integer=True, nonnegative=True)
                                    if bound is hi and bound != lo
                                    else sp.Symbol(bound.name, integer=True)
                                )
                            else:
                                _integer_too(scope, bound.name)
    _shifted_bounds(rows, scope, defined)
    return scope


def _counting_family(scope, bound, defined: set[str]) -> None:
    r"""A member written as the upper bound of a sum or product over integers,
    ``\prod_{k=1}^{n_i}``, counts its terms as a name there does: an undeclared family that no
    row defines is of nonnegative integers (n_i the frequency of outcome i; real, \prod_i
    \prod_{k=1}^{n_i} \pi_i = \prod_i \pi_i^{n_i} was refuted at n_1 = -2)."""
    import sympy as sp

    from eqchain.scope import Family, family_base

    name = str(bound.base.label)
    if name in scope.families or name in defined:
        return  # (a plain n defined, n = \sum_i n_i, is another quantity: s52 rt4)
    indices = tuple(sp.Symbol(f"i{j}", integer=True) for j in range(len(bound.indices)))
    scope.families[name] = Family(family_base(name, integer=True, nonnegative=True), indices, ())
    scope.undeclared_families.add(name)


def _integer_too(scope, name: str) -> None:
    """A declared symbol written as a sum's bound is an integer too (``--assume "N >= 1"``
    says N's sign, the range says it counts: it was real, and every step over the range was
    "sum range needs N \\in \\mathbb{Z}"), unless its declaration says otherwise."""
    import sympy as sp

    symbol = scope.symbols[name]
    if symbol.is_integer is not None:
        return  # declared an integer, or declared what no integer is
    try:
        scope.symbols[name] = sp.Symbol(name, **{**symbol.assumptions0, "integer": True})
    except (ValueError, TypeError):  # SymPy's InconsistentAssumptions: as declared
        return


def _shifted_bounds(rows, scope, defined: set[str]) -> None:
    """An upper bound one name plus or minus a whole number, ``\\sum_{n=0}^{N-1}``, counts the
    terms as ``\\sum_{k=1}^{K}`` does: N is an integer, and the range is at most empty (the
    last value at least the first less one: N - 1 >= 0 - 1, so N >= 0; from 1, N >= 1). A name
    declared, written as a bound itself, or that a row may define keeps what those say; a name
    whose ranges disagree gets the weakest (only an integer when a lower bound is not a number)."""
    import sympy as sp

    least: dict[str, int | None] = {}
    for _, block_rows in rows:
        for row in block_rows:
            for side in row.formula.sides if row.formula is not None else ():
                for node in side.atoms(sp.Sum, sp.Product):
                    for _, lo, hi in node.limits:
                        names = hi.free_symbols
                        if len(names) != 1:
                            continue
                        (name,) = names
                        shift = sp.expand(hi - name)
                        if not (isinstance(name, sp.Symbol) and shift.is_Integer and shift != 0):
                            continue
                        value = int(lo - 1 - shift) if lo.is_Integer else None
                        known = least.get(name.name, value)
                        least[name.name] = (
                            None if value is None or known is None else min(value, known)
                        )
    for name, value in least.items():
        if (
            name in scope.symbols
            or name in scope.families
            or name in scope.unwritten
            or name in defined
        ):
            continue
        sign = {}
        if value is not None and value >= 1:
            sign = {"positive": True}
        elif value is not None and value >= 0:
            sign = {"nonnegative": True}
        scope.symbols[name] = sp.Symbol(name, integer=True, **sign)


def _defined_names(rows) -> set[str]:
    """The names a row may define: alone on the left of a row that continues nothing
    (``s = ...``, ``y_i = ...``, ``\\log L = ...``, ``s^2 = ...``, as the checker infers
    definitions, :func:`eqchain.check.moves.defined_symbol`). They are not real by default:
    their definitions say what they are."""
    import sympy as sp

    out: set[str] = set()
    for _, block_rows in rows:
        for row in block_rows:
            f = row.formula
            if f is None or f.continues or len(f.sides) < 2 or f.relation(1) != "=":
                continue  # x < x + 1 defines nothing: x stays real by the default
            lhs = f.sides[0]
            if isinstance(lhs, sp.log):
                lhs = lhs.args[0]
            if isinstance(lhs, sp.Pow) and lhs.exp.is_Integer:
                lhs = lhs.base
            if isinstance(lhs, sp.Symbol):
                out.add(lhs.name)
            elif isinstance(lhs, sp.Indexed):
                out.add(str(lhs.base.label))
    return out


def _listed_bounds(rows, scope, defined: set[str]) -> None:
    """A range a row states, ``i = 1, \\ldots, n`` (``, \\quad i = 1, \\ldots, n`` after a
    distribution statement, say), lists its first value: its last, a name not declared (or
    that name plus or minus a whole number, ``i = 0, \\ldots, N - 1``), is an integer at
    least the first, so ``n`` is a positive integer (``N`` one too; ``i = 0, \\ldots, n``: n
    nonnegative). A name declared keeps its declaration, and a name a row may define is what
    its definition says; a name whose ranges disagree on the least value gets the weakest."""
    import sympy as sp

    least: dict[str, int] = {}
    for _, block_rows in rows:
        for row in block_rows:
            condition = row.formula.condition if row.formula is not None else None
            for op, _index, bounds in condition.atoms if condition is not None else ():
                if op != "range":
                    continue
                first, last = bounds
                names = last.free_symbols
                if not (first.is_Integer and len(names) == 1):
                    continue
                (name,) = names
                shift = sp.expand(last - name)
                if not (isinstance(name, sp.Symbol) and shift.is_Integer):
                    continue
                value = int(first - shift)
                least[name.name] = min(value, least.get(name.name, value))
    for name, value in least.items():
        if name in scope.symbols or name in scope.families or name in defined or value < 0:
            continue
        sign = {"positive": True} if value >= 1 else {"nonnegative": True}
        scope.symbols[name] = sp.Symbol(name, integer=True, **sign)


def _definitions(rows):
    """(name, right side) of every row that may define a name (as :func:`_defined_names`
    finds them); the right side is None when the left side is not the name alone (``\\log L``,
    ``s^2``): such a definition does not say that the name is real."""
    import sympy as sp

    for _, block_rows in rows:
        for row in block_rows:
            f = row.formula
            if f is None or f.continues or len(f.sides) < 2 or f.relation(1) != "=":
                continue  # \tau_0^2 \geq 0 defines nothing (it left the family \tau not real)
            lhs, rhs = f.sides[0], f.sides[1]
            if isinstance(lhs, sp.log):
                lhs, rhs = lhs.args[0], None
            if isinstance(lhs, sp.Pow) and lhs.exp.is_Integer:
                lhs, rhs = lhs.base, None
            if isinstance(lhs, sp.Symbol):
                yield lhs.name, rhs, False
            elif isinstance(lhs, sp.Indexed):
                yield str(lhs.base.label), rhs, True


def _real_definitions(rows, scope, defined: set[str]) -> set[str]:
    """Of the ``defined`` names, those that every row that may define them makes real: its
    right side is real when every name in it is real by the document's default (or as declared)
    but for the defined names not (yet) shown real. Such a name stays real by the default in
    the rows before its definition too (``a_0`` differentiated by in (7), ``a_0 = v_{00} z_0 +
    v_{01} z_1`` in (13)): it is either a name of its own there, real by the default, or the
    quantity its definition names, real as well. A definition that is not shown real (a square
    root, a logarithm, a function's value) leaves the name undefaulted, as before."""

    found: dict[str, list] = {}
    for name, rhs, family in _definitions(rows):
        if name in defined:
            found.setdefault(name, []).append((rhs, family))
    # a name may be a plain symbol and a family's at once (\tau and \tau_0): the member's
    # definition says nothing of the plain \tau, which keeps the default where no row defines it
    plain = {name for name, sides in found.items() if any(not f for _, f in sides)}
    families = {name for name, sides in found.items() if any(f for _, f in sides)}
    real: set[str] = set()
    changed = True
    while changed:
        changed = False
        for name, sides in found.items():
            if name not in real and all(
                side is not None and _real_side(side, scope, plain - real, families - real)
                for side, _ in sides
            ):
                real.add(name)
                changed = True
    return real


def _real_side(expr, scope, unknown: set[str], unknown_families: set[str]) -> bool:
    """True when ``expr`` is real with every name in it real (a declared one as declared)
    except those in ``unknown`` (names alone) and ``unknown_families`` (families' members),
    which are left without assumptions."""
    import sympy as sp

    put: dict = {}
    members = expr.atoms(sp.Indexed)
    # a family's name is no symbol of its own; the same name written alone is (\tau_1 = \tau
    # + \tau_0: that \tau was left without assumptions, and the definition not shown real)
    plain = expr.xreplace({m: sp.Dummy() for m in members}).free_symbols
    for x in plain:
        if isinstance(x, sp.Symbol) and not isinstance(x, sp.Dummy) and x.name not in unknown:
            put[x] = scope.symbols.get(x.name) or sp.Symbol(x.name, real=True)
    for node in members:
        label = str(node.base.label)
        if label in unknown_families:
            continue
        member = f"{label}_{'_'.join(str(i) for i in node.indices)}"
        declared = scope.families.get(label)  # a declared family is what it is declared
        if declared is None and member in scope.symbols:  # z_1 declared on its own
            put[node] = scope.symbols[member]
        else:
            put[node.base] = declared.base if declared else sp.IndexedBase(label, real=True)
    try:
        return expr.xreplace(put).is_real is True
    except Exception:  # noqa: BLE001 - SymPy's assumption system on an odd tree: not shown
        return False


def _consistent_bounds(path: str, items: list) -> None:
    """Raise InputError when the bounds and signs declared for one plain name leave it no value
    (``--assume "x > 2, x < 1"``: every claim about x held vacuously, and was verified)."""
    import sympy as sp

    from eqchain.load.assume import Bound, Declaration

    signs = {
        "positive": sp.Interval.open(0, sp.oo),
        "negative": sp.Interval.open(-sp.oo, 0),
        "nonnegative": sp.Interval(0, sp.oo),
        "nonpositive": sp.Interval(-sp.oo, 0),
    }
    allowed: dict[str, sp.Set] = {}
    said: dict[str, list[str]] = {}
    for item in items:
        if isinstance(item, Declaration) and item.index is None:
            for word in item.words:
                if word in signs:
                    allowed[item.name] = allowed.get(item.name, sp.S.Reals) & signs[word]
                    said.setdefault(item.name, []).append(f"{item.name} {word}")
        elif isinstance(item, Bound) and item.index is None and item.other is None:
            v = sp.Rational(item.value.numerator, item.value.denominator)
            region = {
                "<": sp.Interval.open(-sp.oo, v),
                "<=": sp.Interval(-sp.oo, v),
                ">": sp.Interval.open(v, sp.oo),
                ">=": sp.Interval(v, sp.oo),
                "=": sp.FiniteSet(v),
                "!=": sp.S.Reals - sp.FiniteSet(v),
            }.get(item.op)
            if region is not None:
                allowed[item.name] = allowed.get(item.name, sp.S.Reals) & region
                said.setdefault(item.name, []).append(item.text)
    # a numbered member of a family declared with a sign (y_k > 0, then y_1 < 0)
    for item in items:
        if isinstance(item, Declaration) and item.index is not None:
            for name in list(allowed):
                base, _, number = name.rpartition("_")
                if base == item.name and number.strip("{}").isdigit():
                    for word in item.words:
                        if word in signs:
                            allowed[name] &= signs[word]
                            said[name].append(f"{item.name}_{item.index} {word}")
    for name, region in allowed.items():
        if region is sp.S.EmptySet:
            raise InputError(
                f"the assumptions on {name} leave it no value ({', '.join(said[name])})", path
            )
    cycle = _contradicting_order(items)
    if cycle:
        raise InputError(
            f"the assumptions leave {', '.join(cycle[0])} no values ({', '.join(cycle[1])})",
            path,
        )


def _contradicting_order(items) -> tuple[list[str], list[str]] | None:
    """The names and the assumptions of a set of bounds between plain names, numbers and
    signs that no values meet together (``a < b`` and ``b < a``; ``a < b``, ``b < c``, ``c <
    a``; ``x > 0``, ``x < y``, ``y < 0``), or None. Each bound is a difference constraint ``u -
    v < c`` (or ``<=``): they contradict exactly when some cycle of them sums to less than 0,
    or to 0 through a strict one (shortest paths, Floyd-Warshall)."""
    from eqchain.load.assume import Bound, Declaration

    zero = "0"
    edges: list[tuple[str, str, Fraction, bool, str]] = []  # u - v (<, <=) c: v -> u

    def add(u: str, v: str, c: Fraction, strict: bool, text: str) -> None:
        edges.append((v, u, c, strict, text))

    signs = {
        "positive": (zero, True),  # 0 - x < 0
        "nonnegative": (zero, False),
        "negative": (None, True),  # x - 0 < 0
        "nonpositive": (None, False),
    }
    for item in items:
        if isinstance(item, Declaration) and item.index is None:
            for word in item.words:
                if word in signs:
                    first, strict = signs[word]
                    text = f"{item.name} {word}"
                    if first == zero:
                        add(zero, item.name, Fraction(0), strict, text)
                    else:
                        add(item.name, zero, Fraction(0), strict, text)
        elif isinstance(item, Bound) and item.index is None and item.op != "!=":
            other = item.other[0] if item.other is not None else zero
            value = item.value if item.other is None else Fraction(0)
            if item.op in ("<", "<=", "="):  # x - other (<, <=) value
                add(item.name, other, value, item.op == "<", item.text)
            if item.op in (">", ">=", "="):  # other - x (<, <=) -value
                add(other, item.name, -value, item.op == ">", item.text)
    names = sorted({e[0] for e in edges} | {e[1] for e in edges})
    if len(names) < 2:
        return None
    inf = None
    dist = {(a, b): inf for a in names for b in names}
    for a, b, c, strict, _ in edges:
        old = dist[(a, b)]
        if old is None or (c, not strict) < old:
            dist[(a, b)] = (c, not strict)  # (sum, all non-strict): smaller is tighter
    for k in names:
        for i in names:
            if dist[(i, k)] is None:
                continue
            for j in names:
                if dist[(k, j)] is None:
                    continue
                through = (dist[(i, k)][0] + dist[(k, j)][0], dist[(i, k)][1] and dist[(k, j)][1])
                if dist[(i, j)] is None or through < dist[(i, j)]:
                    dist[(i, j)] = through
    bad = [n for n in names if dist[(n, n)] is not None and dist[(n, n)] < (0, True)]
    if not bad:
        return None
    texts = [text for a, b, _c, _s, text in edges if a in bad and b in bad]
    shown = [n for n in bad if n != zero]
    return shown, list(dict.fromkeys(texts))


def _margin_givens(path: str, items: list, scope) -> list[Step]:
    """A bound other than 0 (``p < 1``) as a given about a new symbol: ``p_{bound} = 1 - p``
    with ``p_{bound}`` positive (``>=``: nonnegative, ``\\neq``: nonzero). Exact: p < 1 holds
    exactly when some positive number equals 1 - p; side conditions such as ``1 - p > 0`` are
    then established from the given (see :mod:`eqchain.load.assume`)."""
    import sympy as sp

    from eqchain.load.assume import Bound
    from eqchain.model import StepKind

    out: list[Step] = []
    for item in items:
        if not isinstance(item, Bound):
            continue
        symbol = scope.symbols.get(item.name)
        if symbol is None:
            symbol = scope.symbols[item.name] = sp.Symbol(item.name, real=True)
            scope.defaulted.add(item.name)
        value = sp.Rational(item.value.numerator, item.value.denominator)
        if item.other is not None:  # k <= n: the margin n - k
            other = scope.symbols.get(item.other[0])
            if other is None:
                other = scope.symbols[item.other[0]] = sp.Symbol(item.other[0], real=True)
            value = other
        if item.op == "=":  # K = 3: the value itself is the given
            lhs, rhs = symbol, value
        else:
            margin = value - symbol if item.op in ("<", "<=") else symbol - value
            kind = {"<": "positive", ">": "positive", "<=": "nonnegative", ">=": "nonnegative"}
            name = f"{item.name}_bound{len(out) + 1 if out else ''}"
            lhs, rhs = sp.Symbol(name, **{kind.get(item.op, "nonzero"): True}), margin
        out.append(
            Step(
                claim=item.text,
                lhs=lhs,
                rhs=rhs,
                kind=StepKind.GIVEN,
                place=Place(path),
                annotation=f"assumed: {item.text}",
                from_assumption=True,
            )
        )
    return out


def _steps(
    path: str,
    rows,
    scope,
    owners: list | None = None,
    bound_rows: frozenset = frozenset(),
    functions: frozenset = frozenset(),
) -> list[Step]:
    """The steps of the rows read; ``owners``, when given, receives each step's block index;
    ``functions``: the document's, for the left side of a row that could not be read."""
    steps: list[Step] = []
    used: set[str] = set()  # the names the rows read write (an unread prose definition's use)
    for _, block_rows in rows:
        for row in block_rows:
            for side in getattr(row.formula, "sides", ()) or ():
                try:
                    used |= _written_names(scope.bind(side))
                except (InputError, TypeError, ValueError):
                    continue
    carried = None  # an expression alone that ended with '=' before the display it continues in
    beside_before = False  # the row before held equations side by side (rows.beside_split)
    for b_index, block_rows in rows:
        prev_formula = None  # the formula of the row before in this display
        lone, carried = carried, None  # the bound expression of the row before, standing alone
        for row in block_rows:
            f = row.formula
            if row.where and f is not None:
                steps.append(_where_step(path, row, f, scope))
                continue
            if beside_before and f is not None and (f.continues or f.relation(0) in ARROWS):
                # '= e' or '\Rightarrow e = f' after 'a = b, \qquad c = d': which equation
                # it continues or follows from is not written
                message = (
                    "cannot read the formula: it continues a row holding several equations "
                    "side by side, and which one is not written: continue one of them on a "
                    "row of its own"
                )
                steps.append(
                    _unreadable_step(row.path or path, row.text, message, row.line, row.column)
                )
                beside_before = False
                prev_formula = None
                continue
            beside_before = row.beside
            # an equation beside another on its row is a claim of its own, never the next
            # equation of a system following from the one before it
            after_equation = (
                _is_equation_row(prev_formula) and _is_one_equation(f) and not row.beside
            )
            prev_formula = f
            head, lone = lone, None
            if f is None:
                unread = _unreadable_step(
                    row.path or path, row.text, row.error, row.line, row.column
                )
                target = _unread_target(row.text, scope, functions)
                if row.prose and target not in used:
                    continue  # Let $\theta = (\mu, \sigma^2)$. and no display writes theta
                unread = replace(unread, section=row.section)
                steps.append(
                    replace(unread, unread_target=target) if target is not None else unread
                )
                continue
            try:
                sides = [scope.bind(s) for s in f.sides]
                condition = bound_condition(row.case, scope) + bound_condition(f.condition, scope)
            except InputError as err:
                message = f"cannot read the formula: {err.message}"
                steps.append(
                    _unreadable_step(row.path or path, row.text, message, row.line, row.column)
                )
                continue
            place = Place(row.path or path, row.line, row.column)
            # with nothing before a continuation, the checker says so and goes on
            if not f.continues and len(sides) < 2 and f.relation(0) == "":
                # an expression alone asserts nothing; a row '= b' right after it in the same
                # display continues it ('a \\ &= b' is a = b), not an earlier chain
                lone = sides[0] if sides else None
                if row.open_end:
                    carried = lone  # 'a =', prose, '= b' is a = b
                continue
            try:
                found = links(f, sides)
            except LinkError as err:
                message = f"cannot read the formula: {err}"
                steps.append(
                    _unreadable_step(row.path or path, row.text, message, row.line, row.column)
                )
                continue
            if head is not None and found and found[0].lhs is None:
                found[0] = replace(found[0], lhs=head, continues=False)
            for j, link in enumerate(found):
                steps.append(
                    Step(
                        claim=row.text,
                        lhs=link.lhs,
                        rhs=link.rhs,
                        label=f.tag if j == 0 else None,
                        continues=link.continues,
                        place=place,
                        annotation=f.annotation,
                        infer_kind=True,
                        relation=link.relation,
                        follows=link.follows,
                        after_equation=after_equation and j == 0,
                        condition=condition,
                        condition_text=_condition_text(row.case, f.condition),
                        law=f.law,
                        stated_bound=id(row) in bound_rows,
                        unread_case=row.unread_case,
                        derived=row.derived,
                        section=row.section,
                    )
                )
        if lone is not None and not steps:
            # an expression alone, with no row before it, ends the display and the next starts
            # '= b': it continues that expression (\int_0^1 2x \, dx, then = 1: "no formula
            # before it"). After other rows a lone expression may be an aside, and '= b' the
            # chain before it going on: left as it was (read so, a valid row was refuted)
            carried = lone
        if owners is not None:
            owners.extend([b_index] * (len(steps) - len(owners)))
    return steps


def _statements_after_proofs(steps: list[Step], owners: list[int], blocks) -> list[Step]:
    r"""``steps`` with each theorem's statement that its proof derives again moved to the end
    of that proof (load/prose.py, ``theorem_parts``): a row of the statement, one equation with
    a name alone on its left (``\hat\beta_0 = \bar y - \hat\beta_1 \bar x``), whose name
    a row of the proof writes alone on its left again, is what the proof shows, not a
    definition the proof may use: it is checked as a claim once the proof's rows are."""
    from eqchain.load.prose import theorem_parts

    parts = theorem_parts([b.lead for b in blocks])
    if not any(p == "statement" for p in parts):
        return steps
    parts.append("")  # an unclosed display's row, after every block (_read_rows)
    moved: dict[int, list[Step]] = {}  # the index of a proof's last step -> statements after it
    keep = []
    for i, step in enumerate(steps):
        block = owners[i] if i < len(owners) else None
        if block is None or parts[block] != "statement" or not _alone_on_left(step):
            keep.append(i)
            continue
        if i + 1 < len(steps) and steps[i + 1].continues and owners[i + 1] == block:
            keep.append(i)  # a chain: the statement's own derivation
            continue
        proof = [
            j
            for j in range(i + 1, len(steps))
            if parts[owners[j]] == "proof" and _in_same_theorem(parts, block, owners[j])
        ]
        if not any(steps[j].lhs == step.lhs and not steps[j].continues for j in proof):
            keep.append(i)
            continue
        moved.setdefault(proof[-1], []).append(replace(step, after_equation=False))
    if not moved:
        return steps
    out = []
    for i in keep:
        out.append(steps[i])
        out.extend(moved.get(i, []))
    return out


def _alone_on_left(step: Step) -> bool:
    """A document's one equation with a name alone on its left."""
    import sympy as sp

    return (
        step.unreadable is None
        and not step.continues
        and step.follows is None
        and step.relation == "="
        and isinstance(step.lhs, (sp.Symbol, sp.Indexed))
    )


def _in_same_theorem(parts: list[str], statement: int, block: int) -> bool:
    """Whether ``block`` stands in the proof that follows the statement block ``statement``:
    no other theorem's statement between them."""
    return block > statement and all(p != "statement" for p in parts[statement + 1 : block] if p)


def _where_step(path: str, row, f, scope) -> Step:
    """The definition after "where" (``\\hat y = \\sigma(z)``): one equation, a name on its
    left, with no condition; the checker takes it as a definition only when the name is new
    (check/engine.py, ``_where_definition``)."""
    place_path = row.path or path
    if not _is_one_equation(f) or f.condition is not None:
        message = (
            "cannot read the formula: after 'where', only one definition (name = expression) "
            "is read"
        )
        return _unreadable_step(place_path, row.text, message, row.line, row.column)
    try:
        lhs, rhs = (scope.bind(s) for s in f.sides)
    except InputError as err:
        message = f"cannot read the formula: {err.message}"
        return _unreadable_step(place_path, row.text, message, row.line, row.column)
    return Step(
        claim=row.text,
        lhs=lhs,
        rhs=rhs,
        place=Place(place_path, row.line, row.column),
        annotation=f.annotation,
        infer_kind=True,
        where_clause=True,
    )


def _condition_text(*conditions) -> str | None:
    """The LaTeX of the conditions a row is checked under, the case first; None for none."""
    return ", ".join(c.text for c in conditions if c is not None) or None


def bound_condition(condition, scope) -> tuple:
    """A row's condition (eqchain.latex.conditions.Condition) with the scope's symbols."""
    if condition is None:
        return ()
    out = []
    for op, a, b in condition.atoms:
        if isinstance(b, tuple):
            b = tuple(scope.bind(x) for x in b)
        elif b is not None:
            b = scope.bind(b)
        out.append((op, scope.bind(a), b))
    return tuple(out)


def _is_equation_row(f) -> bool:
    """A read row that ends with an equation (``a = b``, ``= b``, ``a = b = c``)."""
    if f is None or not f.sides or (len(f.sides) < 2 and not f.continues):
        return False
    return f.relation(len(f.sides) - 1) == "="


def _is_one_equation(f) -> bool:
    """A read row that is one equation of its own, ``c = d``: no continuation, no chain, no
    arrow (an arrow says how it relates to the row before)."""
    return (
        f is not None
        and not f.continues
        and not f.definition
        and len(f.sides) == 2
        and f.relation(0) == ""
        and f.relation(1) == "="
    )


def _defines_a_name(text: str) -> bool:
    r"""Whether ``text`` reads as ``name = ...`` with a name (or a function of names) on the
    left: a definition in the prose that cannot be read is then a row of its own, unreadable
    (it was left as prose: "Let $z = w^T x + b$." dropped, and z stood free in the rows after
    it); any other formula there stays prose."""
    import sympy as sp

    from eqchain.latex.memo import read_cached
    from eqchain.latex.read import relation_parts

    try:
        parts, relations = relation_parts(text)
        if len(parts) < 2 or relations[1] != "=":
            return False
        left = read_cached(text[parts[0][0] : parts[0][1]])
    except (LatexError, ValueError, TypeError, RecursionError):
        return False
    if len(left.sides) != 1 or left.continues:
        return False
    return isinstance(left.sides[0], (sp.Symbol, sp.Indexed, sp.core.function.AppliedUndef))


def _unread_target(text: str, scope, functions: frozenset = frozenset()):
    r"""The name an unreadable row ``name = ...`` defines (``z`` of ``z = w^T x + b``, ``y_i``,
    ``\hat{y}``, ``f(X)`` of a function of the document), its left side read alone (with the
    document's ``functions``), or None (a left side that is no name, or that cannot be read
    either)."""
    import sympy as sp

    from eqchain.latex.memo import read_cached
    from eqchain.latex.read import relation_parts

    text = text.strip().strip("$").strip()  # a whole display that could not be split
    try:
        parts, relations = relation_parts(text)
        if len(parts) < 2 or relations[1] != "=":
            return None
        start, end = parts[0]
        left = text[start:end]
        column = _MATRIX_COLUMN.fullmatch(left.strip())
        if column is not None:
            # (y_1, \vdots, y_n) written as a column: the family y
            entries = [e.strip() for e in column.group(2).split("\\\\")]
            entries = [e for e in entries if e and not _DOTS.fullmatch(e)]
            members = [scope.bind(read_cached(e).sides[0]) for e in entries]
            bases = {str(m.base) for m in members if isinstance(m, sp.Indexed)}
            if len(bases) == 1 and len(members) == len(entries) >= 1:
                return bases.pop()
            return None
        formula = read_cached(left, functions=functions)
        if len(formula.sides) != 1 or formula.continues:
            return None
        target = scope.bind(formula.sides[0])
    except (LatexError, InputError, ValueError, TypeError, RecursionError, IndexError):
        return None
    if isinstance(target, sp.Indexed):
        return str(target.base)  # z_i = ...: the family z (z_1, z_j after it are its members)
    if isinstance(target, sp.core.function.AppliedUndef):
        return str(target.func)  # f(x) = ...: the function f
    return str(target) if isinstance(target, sp.Symbol) else None


_MATRIX_COLUMN = re.compile(r"\\begin\{([pbBvV]?matrix)\}(.*)\\end\{\1\}", re.DOTALL)
_DOTS = re.compile(r"\\(?:vdots|cdots|ldots|dots)")


def _unreadable_step(path: str, text: str, message: str, line: int, column: int) -> Step:
    """A step for a formula that could not be read, at the place of the offending token."""
    return Step(
        claim=text,
        lhs=None,
        rhs=None,
        place=Place(path, line, column),
        infer_kind=True,
        unreadable=message,
    )
