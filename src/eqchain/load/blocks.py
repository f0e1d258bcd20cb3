"""A display-math block found in a document, and where its text stands in its file."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Block:
    """A display-math block: its text (delimiters included) and where it starts (1-based).

    ``line``/``column`` are those of the file the block was written in: ``path`` names it when
    that is not the document itself (a file brought in by ``\\input``), else it is None. The
    text keeps the block's lines as in the file, so that its n-th line is the file's
    ``line + n - 1``; a macro's expansion stays on the line of the macro's use. ``lead`` is
    the prose between the display before (or the start) and this one, in Markdown the paragraph
    (or the part of it) just before.
    """

    text: str
    line: int
    column: int
    path: str | None = None
    # the prose right before the display, as written (load/prose.py reads a case from it)
    lead: str = ""
    # why the display cannot be read at all (an unpaired ``$$``): an unreadable row here
    error: str | None = None
    # every paragraph of prose since the display before (Markdown: headings and code left
    # out), where a standing assumption may be stated; None: the lead only
    prose: str | None = None
    # how many headings stand before the display (Markdown headings, LaTeX's \\section and
    # the like, reStructuredText titles): rows of different sections never make one chain
    # (engine: a left side written again)
    section: int = 0
    # the paragraph after the last display of a Markdown document (the prose after any other
    # display is the next one's ``prose``): a condition may be stated there (load/prose.py)
    after: str | None = None


def line_col(text: str, pos: int) -> tuple[int, int]:
    """1-based (line, column) of the 0-based offset ``pos`` in ``text``."""
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1
