"""Display math in a LaTeX document, found by pylatexenc's ``latexwalker``.

The walker reads the document as LaTeX does: comments, ``verbatim``-like environments
(``verbatim``, ``lstlisting``, ``minted``, ``comment``, ...) and ``\\iffalse ... \\fi`` hold
no math; display math is ``$$...$$``, ``\\[...\\]`` and the equation environments of
:data:`MATH_ENVIRONMENTS`, inside ``document`` when there is one. Definitions
(:mod:`eqchain.load.macros`) count from where they stand, and each block is expanded with
the macros defined before it. ``\\input{name}``/``\\include{name}`` bring in a file beside the
document (never outside its folder), once each, within :data:`MAX_FILES` files and the
document size limit; its blocks carry its own path and lines.

``\\iffalse`` is followed to its ``\\fi`` within the same group (as it nearly always is
written); an ``\\else`` between them ends the skipped part.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from pylatexenc.macrospec import MacroStandardArgsParser

from eqchain.errors import InputError
from eqchain.load.blocks import Block, line_col
from eqchain.load.macros import DEFINERS, Macro, MacroError, expand, read_definition

MATH_ENVIRONMENTS = frozenset(
    name + star
    for name in (
        "equation",
        "align",
        "gather",
        "multline",
        "eqnarray",
        "displaymath",
        "flalign",
        "alignat",
    )
    for star in ("", "*")
)
VERBATIM_ENVIRONMENTS = (
    "verbatim",
    "verbatim*",
    "Verbatim",
    "BVerbatim",
    "LVerbatim",
    "lstlisting",
    "minted",
    "comment",
)
INCLUDERS = ("input", "include", "subfile")
MAX_FILES = 100  # files brought in by \input for one document
_ASSUME = re.compile(r"^\s*eqchain(?:\s*:\s*assume\s+|-assume\s*:\s*)(.+?)\s*$")


@dataclass(frozen=True)
class TexDocument:
    """What a LaTeX document says: display math, title, assumptions, and the files read."""

    blocks: tuple[Block, ...]
    title: str | None
    assumptions: tuple[str, ...]
    files: tuple[str, ...]


@dataclass
class _Walk:
    """The state of reading one document: the macros defined so far, the files read."""

    root: Path
    macros: dict[str, Macro]
    blocks: list[Block] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    seen: set[Path] = field(default_factory=set)
    size: int = 0
    title: str | None = None
    sections: int = 0  # the sectioning commands so far (Block.section)


# a sectioning command in the prose between two displays (Block.section)
_SECTIONING = re.compile(
    r"^[^%\n]*\\(?:part|chapter|section|subsection|subsubsection|paragraph)\*?\s*[\[{]",
    re.MULTILINE,
)


def read_tex(
    path: str, text: str, macros: dict[str, Macro] | None = None, follow_inputs: bool = True
) -> TexDocument:
    """Read the LaTeX document ``text`` (the file ``path``), starting with ``macros``.

    Raises InputError, with file, line and column, for an unclosed math block, a macro that
    cannot be expanded, or an ``\\input`` file that cannot be read or lies outside the
    document's folder."""
    from eqchain.load.document import MAX_BYTES

    state = _Walk(Path(path).resolve().parent, dict(macros or {}), size=len(text.encode()))
    state.seen.add(Path(path).resolve())
    state.files.append(path)
    nodes = _nodes(text, path)
    has_document = any(
        getattr(n, "environmentname", None) == "document" for n in nodes if n is not None
    )
    _File(state, path, text, main=True, follow=follow_inputs, max_bytes=MAX_BYTES).walk(
        nodes, collect=not has_document
    )
    return TexDocument(
        tuple(state.blocks), state.title, tuple(state.assumptions), tuple(state.files)
    )


def _nodes(text: str, path: str):
    """The walker's nodes of ``text``; InputError when even its tolerant parsing fails."""
    from pylatexenc.latexwalker import LatexWalker, LatexWalkerError

    walker = LatexWalker(text, latex_context=_context(), tolerant_parsing=True)
    try:
        nodes, _, _ = walker.get_latex_nodes()
    except (LatexWalkerError, IndexError, ValueError) as err:
        # pylatexenc reads past the end on e.g. a `\verb` ending the file
        raise InputError(f"cannot read the LaTeX document: {err}", path) from None
    except RecursionError:
        raise InputError("input nested too deeply", path) from None
    return nodes


def _context():
    from pylatexenc import latexwalker, macrospec

    db = latexwalker.get_default_latex_context_db()
    db.add_context_category(
        "eqchain-verbatim",
        environments=[
            macrospec.EnvironmentSpec(name, args_parser=_Verbatim(name))
            for name in VERBATIM_ENVIRONMENTS
        ],
        prepend=True,
    )
    return db


class _Verbatim(MacroStandardArgsParser):
    """Everything up to ``\\end{name}`` is text, as LaTeX reads a verbatim environment
    (pylatexenc's own parser knows only ``\\end{verbatim}``)."""

    def __init__(self, name: str):
        super().__init__(argspec="")
        self.name = name

    def parse_args(self, w, pos, parsing_state=None):
        from pylatexenc import latexwalker
        from pylatexenc.macrospec import ParsedVerbatimArgs

        end = w.s.find(f"\\end{{{self.name}}}", pos)
        if end < 0:
            raise latexwalker.LatexWalkerParseError(
                s=w.s, pos=pos, msg=f"\\begin{{{self.name}}} is never closed"
            )
        chars = w.make_node(
            latexwalker.LatexCharsNode,
            parsing_state=parsing_state,
            chars=w.s[pos:end],
            pos=pos,
            len=end - pos,
        )
        return (ParsedVerbatimArgs(verbatim_chars_node=chars), pos, end - pos)


@dataclass
class _File:
    state: _Walk
    path: str
    text: str
    main: bool
    follow: bool
    max_bytes: int
    prose_from: int = 0  # where the prose after the last display read starts

    def walk(self, nodes, collect: bool) -> None:  # noqa: C901 - one branch per construct
        from pylatexenc import latexwalker as lw

        skip_until = -1  # the end of a \def read from the text
        skipping = 0  # depth of \if... inside an \iffalse being skipped
        for node in nodes:
            if node is None or node.pos < skip_until:
                continue
            name = getattr(node, "macroname", None)
            if skipping:
                if name is not None and name.startswith("if"):
                    skipping += 1
                elif name == "fi" or (name == "else" and skipping == 1):
                    skipping -= 1 if name == "fi" else 1
                continue
            if isinstance(node, lw.LatexCommentNode):
                m = _ASSUME.match(node.comment)
                if m:
                    self.state.assumptions.append(m.group(1))
            elif isinstance(node, lw.LatexMacroNode):
                if name == "iffalse":
                    skipping = 1
                elif name in DEFINERS:
                    macro, end = read_definition(self.text, node.pos)
                    if macro is not None:
                        if not (name == "providecommand" and macro.name in self.state.macros):
                            self.state.macros[macro.name] = macro
                        skip_until = end
                elif name in INCLUDERS and self.follow:
                    self._include(node, collect)
                elif name == "title" and self.state.title is None:
                    arg = _argument_text(self.text, node)
                    self.state.title = arg.strip() if arg else None
            elif isinstance(node, lw.LatexEnvironmentNode):
                env = node.environmentname
                if env in VERBATIM_ENVIRONMENTS:
                    continue
                if env in MATH_ENVIRONMENTS:
                    if collect:
                        self._block(node, f"\\end{{{env}}}", f"\\begin{{{env}}}")
                    continue
                self.walk(node.nodelist, collect or env == "document")
            elif isinstance(node, lw.LatexMathNode):
                if node.displaytype == "display" and collect:
                    closing = "$$" if node.delimiters[0] == "$$" else "\\]"
                    self._block(node, closing, node.delimiters[0])
            elif isinstance(node, lw.LatexGroupNode):
                self.walk(node.nodelist, collect)

    def _block(self, node, closing: str, opening: str) -> None:
        source = self.text[node.pos : node.pos + node.len]
        line, column = line_col(self.text, node.pos)
        if not source.rstrip().endswith(closing):
            raise InputError(f"unclosed {opening}", self.path, line, column)
        try:
            text = expand(source, self.state.macros)
        except MacroError as err:
            where = line_col(self.text, node.pos + err.offset)
            raise InputError(err.message, self.path, *where) from None
        lead = self.text[self.prose_from : node.pos]
        self.prose_from = node.pos + node.len
        path = None if self.main else self.path
        self.state.sections += len(_SECTIONING.findall(lead))
        self.state.blocks.append(
            Block(text, line, column, path, lead=lead, section=self.state.sections)
        )

    def _include(self, node, collect: bool) -> None:
        name = _argument_text(self.text, node)
        line, column = line_col(self.text, node.pos)
        if not name or not name.strip():
            raise InputError(f"\\{node.macroname} without a file name", self.path, line, column)
        name = name.strip()
        target = self._resolve(name, node.macroname == "include", line, column)
        if target is None:
            return  # read once already
        shown = os.path.normpath(os.path.join(os.path.dirname(self.state.files[0]), target[1]))
        from eqchain.load.files import read_text

        if len(self.state.files) >= MAX_FILES:
            raise InputError(f"more than {MAX_FILES} files brought in by \\input", self.path, line)
        text = read_text(str(target[0]), self.max_bytes)
        self.state.size += len(text.encode())
        if self.state.size > self.max_bytes:
            raise InputError(
                f"the document and its \\input files are larger than {self.max_bytes} bytes",
                self.path,
                line,
                column,
            )
        if "\x00" in text:
            raise InputError("binary data (NUL byte) in a document", shown)
        self.state.files.append(shown)
        included = _File(self.state, shown, text, False, self.follow, self.max_bytes)
        included.walk(_nodes(text, shown), collect)

    def _resolve(self, name: str, include: bool, line: int, column: int):
        """(the file's path, its name relative to the main document) for ``\\input{name}``,
        None when it was read already. LaTeX looks beside the main document, for
        ``name.tex`` first."""
        root = self.state.root
        if include:
            candidates = [name + ".tex"]
        elif Path(name).suffix:
            candidates = [name]
        else:
            candidates = [name + ".tex", name]
        for candidate in candidates:
            path = (root / candidate).resolve()
            if not path.is_relative_to(root):
                raise InputError(
                    f"\\input{{{name}}} lies outside the document's folder: not read",
                    self.path,
                    line,
                    column,
                )
            if path.is_file():
                if path in self.state.seen:
                    return None
                self.state.seen.add(path)
                return path, candidate
        raise InputError(
            f"cannot find the file of \\input{{{name}}} beside the document",
            self.path,
            line,
            column,
        )


def _argument_text(text: str, node) -> str | None:
    """The first mandatory argument of a macro node as written (braces left out)."""
    args = getattr(node.nodeargd, "argnlist", None) or []
    for arg in args:
        if arg is None:
            continue
        source = text[arg.pos : arg.pos + arg.len]
        if source.startswith("{") and source.endswith("}"):
            return source[1:-1]
        if source.startswith("["):
            continue
        # `\input name` without braces: the name runs to the next space
        end = arg.pos
        while end < len(text) and not text[end].isspace() and text[end] not in "{}%\\":
            end += 1
        return text[arg.pos : end]
    return None
