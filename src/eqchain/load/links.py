"""A read formula's sides and relations as the links the checker checks.

``a = b \\le c`` is two links, ``a = b`` and ``b \\le c`` (a continuation); ``a = b \\Rightarrow
c = d`` is the equation ``a = b`` and the equation ``c = d`` claimed to follow from it; a row
``\\le d`` continues the row before with an order relation, and a row ``\\Rightarrow c = d``
states an equation that follows from the row before.
"""

from __future__ import annotations

from dataclasses import dataclass

ARROWS = ("implies", "iff")


@dataclass(frozen=True)
class Link:
    lhs: object  # None for a continuation: the checker takes the chain's left side
    rhs: object
    continues: bool
    relation: str = "="
    follows: str | None = None  # "implies"/"iff": the link's equation follows from the one before


class LinkError(ValueError):
    """A formula whose relations do not make links (an arrow next to a lone expression)."""


def links(formula, sides) -> list[Link]:
    """The links of one formula, in order; ``sides`` are its bound sides. Raises LinkError for
    an arrow that does not stand between two equations (``x \\Rightarrow y = 1``)."""
    out: list[Link] = []
    first = formula.relation(0)
    start = None if first not in ("", *ARROWS) else sides[0]
    follows = first if first in ARROWS else None
    in_segment = 0  # links since the equation started
    if start is None:
        out.append(Link(None, sides[0], True, first))
        in_segment = 1
    for i in range(1, len(sides)):
        rel = formula.relation(i)
        if rel in ARROWS:
            if in_segment == 0:
                raise LinkError(_ARROW_MESSAGE)
            start, follows, in_segment = sides[i], rel, 0
            continue
        out.append(
            Link(
                start,
                sides[i],
                in_segment > 0,
                rel,
                follows if in_segment == 0 else None,
            )
        )
        in_segment += 1
    if follows is not None and in_segment == 0 and (len(sides) > 1 or first in ARROWS):
        raise LinkError(_ARROW_MESSAGE)
    return out


_ARROW_MESSAGE = (
    "an implication (\\Rightarrow, \\implies, \\therefore, \\iff) stands between two "
    "equations: write 'a = b \\Rightarrow c = d'"
)
