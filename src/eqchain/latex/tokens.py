"""Splitting formula text into tokens, and matching brackets.

Tokens keep their offset in the formula text so that every error can point at a column.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from eqchain.errors import LatexError
from eqchain.latex.commands import ACCENTS, BRACKET_COMMANDS, ELLIPSIS, GREEK, canonical_name

STYLES = ACCENTS - {"mathbb"}  # accents and alphabets over a letter (\\hat{y}, \\mathbf{x})

MAX_DEPTH = 40  # deeper nesting than this is never a real formula, and SymPy's parser recurses
MAX_TOKENS = 3000  # SymPy's parser needs ~1.5 ms per term: keep any formula under a few seconds
OPENERS = {"(": ")", "[": "]", "{": "}"}
CLOSERS = {")": "(", "]": "[", "}": "{"}
PRIMES = "\u2019\u2032"  # the right single quotation mark and the prime sign: both a prime, '


@dataclass(frozen=True)
class Token:
    """One token: ``kind`` is "cmd" (``text`` is the command name without the backslash, aliases
    resolved), "letter", "digit" or "char"; ``start``/``end`` are 0-based offsets in the formula
    text; ``space_before`` tells whether white space precedes it."""

    kind: str
    text: str
    start: int
    end: int
    space_before: bool = False
    # \mathbb over a lower-case or Greek letter or an accent (\mathbb{w}): a letter style, as
    # \mathbf, that starts a name (set by tokenize; \mathbb{E}, \mathbb{R} are not)
    letter_style: bool = False

    @property
    def column(self) -> int:
        return self.start + 1

    def is_char(self, chars: str) -> bool:
        return self.kind == "char" and self.text in chars

    def is_cmd(self, *names: str) -> bool:
        return self.kind == "cmd" and self.text in names


def tokenize(text: str, base: int = 0) -> list[Token]:
    """Tokens of ``text``, whose first character is at offset ``base`` of the formula.

    Raises LatexError for characters that are not LaTeX math (non-ASCII letters, a trailing
    backslash) and when the text has more than MAX_TOKENS tokens."""
    tokens: list[Token] = []
    i, n, space = 0, len(text), False
    while i < n:
        ch = text[i]
        if ch.isspace():
            space = True
            i += 1
            continue
        start = i
        if ch == "\\":
            if i + 1 >= n:
                raise LatexError("a lone backslash at the end of the formula", column=base + i + 1)
            j = i + 1
            if text[j].isascii() and text[j].isalpha():
                while j < n and text[j].isascii() and text[j].isalpha():
                    j += 1
                name = canonical_name(text[i + 1 : j])
            else:
                j += 1
                name = text[i + 1]
            if name in BRACKET_COMMANDS:  # \lbrack is [
                tokens.append(Token("char", BRACKET_COMMANDS[name], base + start, base + j, space))
            else:
                tokens.append(Token("cmd", name, base + start, base + j, space))
            i = j
        elif ch.isascii() and ch.isalpha():
            tokens.append(Token("letter", ch, base + i, base + i + 1, space))
            i += 1
        elif ch.isascii() and ch.isdigit():
            tokens.append(Token("digit", ch, base + i, base + i + 1, space))
            i += 1
        elif text.startswith("...", i):  # three dots typed for \ldots: the ellipsis
            tokens.append(Token("cmd", ELLIPSIS, base + i, base + i + 3, space))
            i += 3
        elif ch in PRIMES:  # s’(x), s′(x): a prime typed as a quotation mark or U+2032
            tokens.append(Token("char", "'", base + i, base + i + 1, space))
            i += 1
        elif ch.isascii() and ch.isprintable():
            tokens.append(Token("char", ch, base + i, base + i + 1, space))
            i += 1
        else:
            raise LatexError(f"unsupported character {ch!r} in a formula", column=base + i + 1)
        space = False
        if len(tokens) > MAX_TOKENS:
            raise LatexError(
                f"formula too long to read (more than {MAX_TOKENS} tokens); split it into steps",
                column=base + start + 1,
            )
    return _blackboard_styles(tokens)


def _blackboard_styles(tokens: list[Token]) -> list[Token]:
    """``tokens`` with each ``\\mathbb`` whose braces open on a lower-case letter, a Greek
    letter or an accent marked as a letter style (the author's bold, ``\\mathbb{w}``,
    ``\\mathbb{\\theta}``, ``\\mathbb{\\hat{y}}``); a capital (``\\mathbb{E}``,
    ``\\mathbb{R}``) is a set or an operator."""
    out = list(tokens)
    for k, tok in enumerate(tokens[:-2]):
        if not (tok.kind == "cmd" and tok.text == "mathbb" and tokens[k + 1].is_char("{")):
            continue
        first = tokens[k + 2]
        if (first.kind == "letter" and first.text.islower()) or (
            first.kind == "cmd" and (first.text in GREEK or first.text in STYLES)
        ):
            out[k] = replace(tok, letter_style=True)
    return out


def match_brackets(tokens: list[Token]) -> dict[int, int]:
    """Map the index of each ``(``, ``[``, ``{`` to the index of its partner and back.

    Raises LatexError at the first unbalanced or mismatched bracket, and when brackets nest
    more than MAX_DEPTH deep."""
    partner: dict[int, int] = {}
    stack: list[int] = []
    for i, tok in enumerate(tokens):
        if tok.kind != "char":
            continue
        if tok.text in OPENERS:
            stack.append(i)
            if len(stack) > MAX_DEPTH:
                raise LatexError(f"brackets nested more than {MAX_DEPTH} deep", column=tok.column)
        elif tok.text in CLOSERS:
            if not stack:
                raise LatexError(f"unbalanced '{tok.text}'", column=tok.column)
            j = stack.pop()
            if tokens[j].text != CLOSERS[tok.text]:
                raise LatexError(
                    f"'{tokens[j].text}' at column {tokens[j].column} is closed by '{tok.text}'",
                    column=tok.column,
                )
            partner[i] = j
            partner[j] = i
    if stack:
        tok = tokens[stack[-1]]
        raise LatexError(f"unbalanced '{tok.text}'", column=tok.column)
    return partner
