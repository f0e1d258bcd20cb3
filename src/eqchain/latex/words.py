r"""Multi-letter names written as runs of letters: ``BCE = -y \log p - (1 - y) \log(1 - p)``.

Juxtaposed letters are a product (``ab``, ``2xy``), except a run of letters that a document
writes as the whole left side of a definition (``BCE = ...``, ``MSE := ...``) and never splits:
a capital acronym (``NLL``, ``MSE``, ``KL``) unless every one of its letters is written alone as a
value somewhere in the document (``AB = I`` beside ``A`` and ``B``), any other run (``loss``)
unless one of its letters is (a letter before ``[``, ``(`` or ``_``, ``E[X]``, or inside
``\mathbb{E}``, ``\hat{y}`` is an operator, a function or another name, and does not count). Such a
run is one name, ``Symbol('BCE')``, in every row of the document, even one that would otherwise
be ambiguous (``cost = ...``: cos t is no definition). An operator name typed without a
backslash (``log x``, ``logL``) was made a command by the tokenizer and is no run of letters.
Decided once per document by :func:`document_words`; the reader (``Parser._word``) reads a run
that is a word as that name.
"""

from __future__ import annotations

from eqchain.errors import LatexError
from eqchain.latex.commands import NAME_GROUPS
from eqchain.latex.tokens import Token, letter_run, match_brackets

_WORD = "{}(word)"
_ALONE = "{}(alone)"
_DEFINING = ("coloneqq", "triangleq", "equiv", "doteq")


def word_mark(word: str) -> str:
    """The entry of a set of functions saying that ``word`` is one name of the document."""
    return _WORD.format(word)


def alone_mark(key: str) -> str:
    """The entry of a set of functions saying that the document writes the name ``key`` on its
    own somewhere (:func:`eqchain.latex.parser.names_alone`): a value, so brackets after it
    in any row are a factor (``\\mu \\left[ ... \\right]``), not an operator's argument."""
    return _ALONE.format(key)


def alone_names(marks) -> frozenset[str]:
    """The names :func:`alone_mark` marks in ``marks``."""
    tail = _ALONE.format("")
    return frozenset(m[: -len(tail)] for m in marks if m.endswith(tail))


def document_words(token_rows: list[list[Token]]) -> frozenset[str]:
    """The marks (:func:`word_mark`) of the runs of letters the document writes as the whole
    left side of a definition and never splits (see the module's docstring)."""
    candidates: set[str] = set()
    alone: set[str] = set()
    for row in token_rows:
        tokens = [t for t in row if not t.is_char("&")]
        try:
            match_brackets(tokens)
        except LatexError:
            continue
        word = _defined_run(tokens)
        if word is not None:
            candidates.add(word)
        alone |= _letters_alone(tokens)
    return frozenset(word_mark(w) for w in candidates if not _split(w, alone))


def _split(word: str, alone: set[str]) -> bool:
    """Whether the document may mean ``word`` as a product of its letters: a capital acronym
    (``NLL``, ``MSE``, ``KL``) when every one of its letters is written alone as a value
    (``AB`` beside ``A`` and ``B``); any other run when one of its letters is."""
    if word.isupper():
        return set(word) <= alone
    return bool(set(word) & alone)


def _defined_run(tokens: list[Token]) -> str | None:
    """The run of two letters or more that is the whole left side of ``tokens`` before ``=``,
    ``:=`` or ``\\coloneqq``, or None."""
    if not tokens:
        return None
    end = letter_run(tokens, 0)
    if end is None or end < 2 or end >= len(tokens):
        return None
    nxt = tokens[end]
    defines = (
        nxt.is_char("=")
        or nxt.is_cmd(*_DEFINING)
        or (nxt.is_char(":") and end + 1 < len(tokens) and tokens[end + 1].is_char("="))
    )
    word = "".join(t.text for t in tokens[:end])
    return word if defines else None


def _letters_alone(tokens: list[Token]) -> set[str]:
    """The letters written alone as a value: a run of one letter, not in a script, not before
    ``(``, ``[``, ``_`` or a prime."""
    found = set()
    for k, tok in enumerate(tokens):
        end = letter_run(tokens, k)
        if end != k + 1:
            continue
        if k >= 2 and tokens[k - 1].is_char("{") and tokens[k - 2].is_cmd(*NAME_GROUPS):
            continue  # \mathbb{E}, \hat{y}, \mathcal{L}: another name
        if end < len(tokens) and tokens[end].is_char("([_'"):
            continue
        if tok.text == "d" and _differential_numerator(tokens, k):
            continue  # the d of \frac{d}{dz}, \frac{d^2}{dz^2}: an operator, no value
        found.add(tok.text)
    return found


def _differential_numerator(tokens: list[Token], k: int) -> bool:
    """Whether ``tokens[k]`` (a ``d``) opens the numerator of ``\frac{d...}{d...}``."""
    if k < 2 or not (tokens[k - 1].is_char("{") and tokens[k - 2].is_cmd("frac")):
        return False
    depth, j = 1, k
    while j < len(tokens) and depth:
        depth += tokens[j].is_char("{") - tokens[j].is_char("}")
        j += 1
    return j + 1 < len(tokens) and tokens[j].is_char("{") and tokens[j + 1].text == "d"
