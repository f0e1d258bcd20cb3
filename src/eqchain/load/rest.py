r"""Display math in reStructuredText (Sphinx's ``.. math::`` directive), with source lines.

The one reading (README "Documents"), as docutils parses a directive and Sphinx renders it:

- a ``.. math::`` directive at any indentation is display math: the text after ``math::`` and
  the indented lines right below it up to the first blank line (docutils' argument block), then,
  after that blank line, the indented content; option lines (``:label: name``, ``:nowrap:``,
  ``:name:``, ``:class:``) at the end of the argument block are options, and ``:label:`` names
  the step as a ``\tag`` does;
- the directive's math is one display whose parts, separated by blank lines, are rows of it
  (Sphinx sets each part as one row of an ``aligned`` environment; a part's own ``\\`` split
  it further);
- nothing else is display math: inline ``:math:`...``` roles are prose, and the indented body
  of a comment (``..`` followed by no directive), of a literal block (a paragraph ending
  ``::``) and of the directives whose content is code or raw text (``code-block``,
  ``literalinclude``, ``raw``, ...) is never read; the content of any other directive
  (``.. note::``, a theorem) is read as reST, so math nested in it is found;
- ``:nowrap:`` content is raw LaTeX (Sphinx passes it on as written): it is read as the LaTeX
  reader reads a document body (``\begin{eqnarray} ... \end{eqnarray}``).

The document's title is its first section title (a line underlined by a line of one repeated
punctuation character); assumptions are written in a comment, ``.. eqchain: assume y_k > 0``
or ``.. eqchain-assume: y_k > 0`` (what a Markdown post writes in ``<!-- ... -->``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from eqchain.load.blocks import Block

_EXPLICIT = re.compile(r"^(?P<indent>[ \t]*)\.\.(?:[ \t]+(?P<rest>.*))?$")
_DIRECTIVE = re.compile(r"^(?P<name>[\w][\w:+.-]*)[ \t]*::(?:[ \t]+(?P<arg>.*)|$)")
# docutils' field marker: ``:name:`` then spaces or the end of the line
_OPTION = re.compile(
    r"^:(?![: ])(?P<key>(?:[^:\\]|\\.|:(?!(?:[ `]|$)))*)(?<! ):(?:[ \t]+(?P<value>.*)|$)"
)
_ASSUME = re.compile(r"^eqchain(?:[ \t]*:[ \t]*assume[ \t]+|-assume[ \t]*:[ \t]*)(?P<text>.+)$")
_UNDERLINE = re.compile(r"^([!-/:-@\[-`{-~])\1{2,}[ \t]*$")
_ROLE = re.compile(r":math:`([^`]*)`")
# Directives whose content is code, raw output or a file: never read as reST.
LITERAL_DIRECTIVES = frozenset(
    {
        "code",
        "code-block",
        "sourcecode",
        "literalinclude",
        "raw",
        "highlight",
        "parsed-literal",
        "doctest",
        "testcode",
        "testsetup",
        "testcleanup",
        "testoutput",
        "ipython",
        "jupyter-execute",
        "plot",
        "graphviz",
        "digraph",
        "graph",
        "csv-table",
        "include",
        "only",
    }
)
OPTIONS_NEED_BLANK = (
    "a math directive's options must be followed by a blank line before its content"
)


@dataclass(frozen=True)
class RestDocument:
    """What a reST document says: display math, title, assumptions."""

    blocks: tuple[Block, ...]
    title: str | None
    assumptions: tuple[str, ...]


def _indent(line: str) -> int:
    return len(line.expandtabs(8)) - len(line.expandtabs(8).lstrip())


def _body_end(lines: list[str], start: int, indent: int) -> int:
    """The index after the last line of the indented body that starts at ``start``: the lines
    indented more than ``indent``, and blank lines between them."""
    end = start
    k = start
    while k < len(lines):
        if lines[k].strip():
            if _indent(lines[k]) <= indent:
                break
            end = k + 1
        k += 1
    return end


def _is_overlined_title(lines: list[str], k: int) -> bool:
    """Whether lines ``k``..``k+2`` are a title between an overline and an underline."""
    if k + 2 >= len(lines):
        return False
    over, under = _UNDERLINE.match(lines[k].strip()), _UNDERLINE.match(lines[k + 2].strip())
    return bool(over and under and over.group(1) == under.group(1) and lines[k + 1].strip())


def read_rest(text: str) -> RestDocument:
    """The display math of a reST document (see the module's docstring), in document order."""
    lines = text.split("\n")
    blocks: list[Block] = []
    assumptions: list[str] = []
    title: str | None = None
    paragraph: list[str] = []  # the prose paragraph being read (the lead of a display)
    lead = ""  # the last paragraph before the next display
    section = 0  # the titles so far (Block.section)
    k = 0
    while k < len(lines):
        line = lines[k]
        if not line.strip():
            if paragraph:
                lead = "\n".join(paragraph)
                paragraph = []
            k += 1
            continue
        m = _EXPLICIT.match(line)
        if m is None:
            if not paragraph and _is_overlined_title(lines, k):
                if title is None:
                    title = lines[k + 1].strip() or None
                lead = ""
                section += 1
                k += 3
                continue
            if paragraph and _UNDERLINE.match(line.strip()) and len(paragraph) == 1:
                if title is None:
                    title = paragraph[0].strip() or None
                paragraph, lead = [], ""  # a section title: no prose a display follows
                section += 1
                k += 1
                continue
            paragraph.append(_ROLE.sub(lambda r: f"${r.group(1)}$", line.strip()))
            k += 1
            if line.rstrip().endswith("::") and (k >= len(lines) or not lines[k].strip()):
                # a literal block follows (its lines indented more than the paragraph's)
                lead, paragraph = "\n".join(paragraph), []
                k = _body_end(lines, k, _indent(line))
            continue
        if paragraph:
            lead, paragraph = "\n".join(paragraph), []
        indent = _indent(line)
        rest = (m.group("rest") or "").strip()
        body_end = _body_end(lines, k + 1, indent)
        directive = _DIRECTIVE.match(rest)
        if directive is None:
            found = _ASSUME.match(rest)
            if found is not None:
                assumptions.append(found.group("text").strip())
            k = body_end  # a comment, a target, a footnote: its body is no math
            continue
        name = directive.group("name").lower()
        if name == "math":
            found = _math_directive(lines, k, body_end, directive, line, lead)
            blocks.extend(replace(b, section=section) for b in found)
            lead = ""
            k = body_end
        elif name in LITERAL_DIRECTIVES:
            k = body_end
        else:
            k += 1  # its content is reST: nested math is found as the walk goes on
    return RestDocument(tuple(blocks), title, tuple(assumptions))


def _math_directive(lines, k, body_end, directive, line, lead) -> list[Block]:
    """The display of the ``.. math::`` directive on line index ``k`` (its body up to
    ``body_end``): argument block, options, content."""
    arg = directive.group("arg")
    arg_column = line.find("::", line.find("math")) + 2
    arg_column += len(line[arg_column:]) - len(line[arg_column:].lstrip())
    # the argument block: the marker's own text, then the lines below up to a blank line
    first_blank = next((i for i in range(k + 1, body_end) if not lines[i].strip()), body_end)
    argument = [(k, arg_column, arg)] if arg and arg.strip() else []
    argument += [(i, 0, lines[i]) for i in range(k + 1, first_blank)]
    options: dict[str, str] = {}
    for j, (_, _, text) in enumerate(argument):
        if _OPTION.match(text.strip()):
            option_lines = argument[j:]
            argument = argument[:j]
            for _, _, option in option_lines:
                found = _OPTION.match(option.strip())
                if found is None:
                    where = option_lines[0][0] + 1
                    return [Block("", where, 1, lead=lead, error=OPTIONS_NEED_BLANK)]
                options[found.group("key").strip().lower()] = (found.group("value") or "").strip()
            break
    content = [(i, 0, lines[i]) for i in range(first_blank + 1, body_end)]
    parts = argument + ([(first_blank, 0, "")] if argument and content else []) + content
    while parts and not parts[-1][2].strip():
        parts.pop()
    while parts and not parts[0][2].strip():
        parts.pop(0)
    if not parts:
        return []
    first_line = parts[0][0]
    # every line of the block is the file's line: fill the lines between
    texts: dict[int, str] = {}
    for i, column, text in parts:
        texts[i] = " " * column + text if column else text
    body = [texts.get(i, "") for i in range(first_line, parts[-1][0] + 1)]
    if "nowrap" in options:
        return _nowrap_blocks("\n".join(body), first_line + 1, lead)
    # a blank line between two parts is a row break (Sphinx: each part one row of aligned)
    for i in range(1, len(body) - 1):
        if not body[i].strip() and body[i - 1].strip():
            if not body[i - 1].rstrip().endswith("\\\\"):
                body[i] = "\\\\"
    text = "$$" + "\n".join(body)
    label = options.get("label") or options.get("name")
    if label:
        from eqchain.load.markdown import _tagged

        text = _tagged(text, label)
    # the opening $$ takes the place of the line's indentation (or of the marker's text)
    start = _indent(body[0]) if parts[0][1] == 0 else parts[0][1]
    text = "$$" + text[2:].lstrip(" ") if start >= 2 else text
    column = start - 1 if start >= 2 else 1
    return [Block(text + "\n$$", first_line + 1, column, lead=lead)]


def _nowrap_blocks(body: str, line: int, lead: str) -> list[Block]:
    """``:nowrap:`` content: LaTeX as written, read as a LaTeX document body is."""
    from dataclasses import replace

    from eqchain.load.tex import read_tex

    found = read_tex("document.tex", body, follow_inputs=False).blocks
    return [replace(b, line=line + b.line - 1, lead=lead) for b in found]
