"""Where a formula's text stands outside every bracket: one scan for the readers that cut a
row at its top level (a condition's commas, a "where" clause's connector) before the parser
sees it. Brackets are ``( [ {`` and the escaped set braces ``\\{ \\}``; a command's name is
skipped whole (the ``\\left`` of ``\\left(`` is no bracket, its ``(`` is)."""

from __future__ import annotations

import re
from collections.abc import Iterator

_COMMAND = re.compile(r"\\([A-Za-z]+)")


def scan(text: str) -> Iterator[tuple[int, str, int]]:
    """(offset, character, depth) for each character of ``text`` that is not part of a
    command; an opening bracket has the depth outside it, a closing one too."""
    depth, i = 0, 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            if i + 1 < len(text) and text[i + 1] in "{}":
                depth += 1 if text[i + 1] == "{" else -1
            m = _COMMAND.match(text, i)
            i = m.end() if m else i + 2
            continue
        if ch in ")]}":
            depth -= 1
        yield i, ch, depth
        if ch in "([{":
            depth += 1
        i += 1


def depth_after(text: str) -> int:
    """How many brackets ``text`` leaves open (0: its end stands at the top level)."""
    depth = 0
    for _, _, at in scan(text + " "):  # the depth of a blank put after the end
        depth = at
    return depth
