"""Names: letters, Greek letters, accented letters, with their subscripts.

A name is read by us, not by SymPy's parser, so that its subscript means what the corpus
convention says: ``y_k`` -> ``y[k]``, ``y_{12}`` -> ``y[12]``, ``t_{nk}`` -> ``t[n, k]`` when n and
k are indices, ``w_{new}`` -> the symbol ``w_new``, ``r_{t+k+1}`` -> ``r[t + k + 1]``;
``\\hat{y}`` is the symbol ``haty``, ``\\mathcal{L}`` is ``mathcalL``; a bare ``e`` is Euler's
number and a bare ``\\pi`` is pi.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp

from eqchain.errors import LatexError
from eqchain.latex.commands import ACCENTS, GREEK
from eqchain.latex.tokens import Token

# \mathbb starts a name only where the parser says so (Parser.blackboard): \mathbb{E} is the
# expectation, \mathbb{R} a set
NAME_COMMANDS = (GREEK | ACCENTS | {"mathit", "mathrm", "operatorname"}) - {"mathbb"}
_TEXT_COMMANDS = {"text", "textrm", "textit", "textsf", "mathrm", "mathit", "mathsf", "mbox"}


@dataclass(frozen=True)
class NameSpan:
    """A name found in the tokens: its base name, the token range (lo, hi) of its subscript
    (None without one), the index of the token after it and a text key for the whole name."""

    base: str
    sub: tuple[int, int] | None
    end: int
    key: str
    column: int


def applied(span: NameSpan, functions) -> bool:
    """Whether the name ``span``, written before parentheses, is a function the document
    applies (declared, or inferred: load/document.py): a plain name among ``functions``,
    never ``e`` or ``\\pi``. Its parentheses are then its argument, part of one factor (the
    divisor of ``p(x, z)/p(x)`` is ``p(x)``)."""
    return span.sub is None and span.base in functions and span.base not in ("e", "pi")


def starts_name(tok: Token) -> bool:
    """Whether a name can start at this token."""
    return tok.kind == "letter" or (
        tok.kind == "cmd" and (tok.text in NAME_COMMANDS or tok.letter_style)
    )


def scan_name(
    tokens: list[Token], i: int, partner: dict[int, int], end: int | None = None
) -> NameSpan:
    """Read the name starting at ``tokens[i]`` (``starts_name`` must hold). Raises LatexError for
    malformed accents and subscripts. ``end``: where the group being read ends; a ``_`` at or
    after it is not this name's (``\\sum^N_{n=1}``: TeX's argument of ``^`` is the one token
    ``N``, the subscript is the sum's)."""
    tok = tokens[i]
    inside = _subscript_inside_accent(tokens, i, partner)
    if inside is not None:
        return inside
    if tok.kind == "letter" or tok.text in GREEK:
        base, j = tok.text, i + 1
    else:
        base, j = _command_name(tokens, i, partner)
    if end is not None and j >= end:
        return NameSpan(base, None, j, base, tok.column)
    return with_subscript(NameSpan(base, None, j, base, tok.column), tokens, partner)


def with_subscript(span: NameSpan, tokens: list[Token], partner: dict[int, int]) -> NameSpan:
    """``span`` (a name without subscript) with the subscript that starts at ``tokens[span.end]``
    when a ``_`` stands there (``M'_X``: the subscript after a prime), else ``span`` itself.
    Raises LatexError for a missing, empty or unbraced subscript."""
    j = span.end
    if span.sub is not None or j >= len(tokens) or not tokens[j].is_char("_"):
        return span
    k = j + 1
    if k >= len(tokens):
        raise LatexError("a subscript is missing after '_'", column=tokens[j].column)
    nxt = tokens[k]
    if nxt.is_char("{"):
        close = partner[k]
        if close == k + 1:
            raise LatexError("an empty subscript", column=nxt.column)
        sub, j = (k + 1, close), close + 1
    elif nxt.kind in ("letter", "digit") or (nxt.kind == "cmd" and nxt.text in GREEK):
        sub, j = (k, k + 1), k + 1
    elif (end := _command_subscript(tokens, k, partner)) is not None:
        sub, j = (k, end), end  # f_\mathrm{X}: TeX's subscript is \mathrm{X}
    else:
        raise LatexError("put this subscript in braces: _{...}", column=nxt.column)
    key = span.base + "_{" + " ".join(t.text for t in tokens[sub[0] : sub[1]]) + "}"
    return NameSpan(span.base, sub, j, key, span.column)


def _command_subscript(tokens: list[Token], k: int, partner: dict[int, int]) -> int | None:
    """The end of a subscript written as a name command and its one argument without braces
    around both (``f_\\mathrm{X}``, ``\\sigma_\\bar{X}``, ``f_\\mathbf p``): TeX takes the
    command with its argument as the subscript, as ``_{\\mathrm{X}}``. None for anything
    else."""
    tok = tokens[k]
    if not (tok.kind == "cmd" and tok.text in (NAME_COMMANDS | _TEXT_COMMANDS) - GREEK):
        return None
    if k + 1 >= len(tokens):
        return None
    arg = tokens[k + 1]
    if arg.is_char("{") and k + 1 in partner:
        return partner[k + 1] + 1
    if arg.kind in ("letter", "digit") or (arg.kind == "cmd" and arg.text in GREEK):
        return k + 2
    return None


def _subscript_inside_accent(tokens: list[Token], i: int, partner: dict[int, int]):
    """``\\hat{y_i}``, ``\\hat{\\mu_{k}}``, ``\\mathbf{x_n}``: the accent over a subscripted
    letter is the accented letter with that subscript, ``\\hat{y}_i`` (the i-th estimate); None
    for any other accent. Anything more inside (``\\hat{\\sigma_k^2}``: the estimate of
    sigma_k^2, not the square of an estimate) is left to :func:`_command_name`, which rejects
    it."""
    tok = tokens[i]
    if not (tok.kind == "cmd" and tok.text in ACCENTS and i + 1 < len(tokens)):
        return None
    if not tokens[i + 1].is_char("{"):
        return None
    close = partner[i + 1]
    letter = tokens[i + 2] if i + 2 < close else None
    if (
        letter is not None
        and letter.kind == "cmd"
        and letter.text in ACCENTS
        and (letter.text != "mathbb" or letter.letter_style)  # \mathbb{R}: a set, no letter
    ):
        # \mathbb{\hat{y_i}}: the outer accent over an accented letter with its subscript
        inner = _subscript_inside_accent(tokens, i + 2, partner)
        if inner is None or inner.end != close:
            return None
        if close + 1 < len(tokens) and tokens[close + 1].is_char("_"):
            raise LatexError("two subscripts on one name", column=tokens[close + 1].column)
        base = tok.text + inner.base
        return NameSpan(base, inner.sub, close + 1, base + inner.key[len(inner.base) :], tok.column)
    if (
        letter is None
        or not (letter.kind == "letter" or (letter.kind == "cmd" and letter.text in GREEK))
        or i + 4 >= close
        or not tokens[i + 3].is_char("_")
    ):
        return None
    first = tokens[i + 4]
    if first.is_char("{") and partner[i + 4] == close - 1 and close - 1 > i + 5:
        sub = (i + 5, close - 1)
    elif i + 5 == close and (
        first.kind in ("letter", "digit") or (first.kind == "cmd" and first.text in GREEK)
    ):
        sub = (i + 4, i + 5)
    else:
        return None
    if close + 1 < len(tokens) and tokens[close + 1].is_char("_"):
        raise LatexError("two subscripts on one name", column=tokens[close + 1].column)
    base = tok.text + letter.text
    key = base + "_{" + " ".join(t.text for t in tokens[sub[0] : sub[1]]) + "}"
    return NameSpan(base, sub, close + 1, key, tok.column)


def _command_name(tokens: list[Token], i: int, partner: dict[int, int]) -> tuple[str, int]:
    tok = tokens[i]
    k = i + 1
    if k >= len(tokens):
        raise LatexError(f"\\{tok.text} needs an argument", column=tok.column)
    arg = tokens[k]
    if arg.is_char("{"):
        close = partner[k]
        inner = tokens[k + 1 : close]
        end = close + 1
    elif tok.text in ACCENTS and (
        arg.kind == "letter" or (arg.kind == "cmd" and arg.text in GREEK)
    ):
        inner, end = [arg], k + 1
    else:
        raise LatexError(f"\\{tok.text} needs its argument in braces", column=tok.column)
    if not inner:
        raise LatexError(f"\\{tok.text}{{}} is empty", column=tok.column)
    if tok.text in ("mathit", "operatorname"):
        if not all(t.kind == "letter" for t in inner):
            raise LatexError(f"\\{tok.text}{{...}} may only hold letters", column=tok.column)
        return "".join(t.text for t in inner), end
    if tok.text == "mathrm":
        if not all(t.kind == "letter" for t in inner):
            raise LatexError("prose inside a formula: move \\mathrm{...} out", column=tok.column)
        return "".join(t.text for t in inner), end
    parts = []
    for t in inner:
        if t.is_cmd("mathbb") and not t.letter_style:
            raise LatexError(
                "\\mathbb{...} here is a set or an operator, not a letter style",
                column=t.column,
            )
        if t.kind == "letter" or (t.kind == "cmd" and t.text in GREEK | ACCENTS):
            parts.append(t.text)
        elif t.is_cmd("mathrm", "rm"):
            continue  # \widetilde{\mathrm{H}}: an upright letter is the letter, as outside
        elif not t.is_char("{}"):
            raise LatexError(
                f"\\{tok.text}{{...}} may only hold letters (put subscripts outside it)",
                column=t.column,
            )
    return tok.text + "".join(parts), end


def name_object(
    span: NameSpan,
    tokens: list[Token],
    indices: frozenset[str],
    read_index: Callable[[int, int], object],
):
    """The SymPy object for a name: ``Symbol``, ``IndexedBase(base)[...]``, ``E`` or ``pi``.

    ``indices`` are the letters read as separate indices in a multi-letter subscript;
    ``read_index(lo, hi)`` reads the token range as an index expression. Raises LatexError for
    a subscript that could mean two things (``y_{n1}``)."""
    if span.sub is None:
        if span.base == "e":
            return sp.E
        if span.base == "pi":
            return sp.pi
        return sp.Symbol(span.base)
    lo, hi = span.sub
    sub = tokens[lo:hi]
    base = sp.IndexedBase(span.base)
    word = _text_word(sub)
    if word is not None:
        return sp.Symbol(f"{span.base}_{word}")
    if any(t.is_char(",") for t in sub):
        items, start = [], lo
        for k in range(lo, hi + 1):
            if k == hi or tokens[k].is_char(","):
                if k == start:
                    raise LatexError("an empty index", column=tokens[min(k, hi - 1)].column)
                items.append(_index_item(tokens, start, k, read_index))
                start = k + 1
        return base[tuple(items)]
    if all(t.kind == "letter" for t in sub) and len(sub) > 1:
        letters = [t.text for t in sub]
        if all(ch in indices for ch in letters) or (span.base == "delta" and len(letters) == 2):
            # \delta_{ij}: two indices (the Kronecker delta, unless a family or a symbol
            # delta_ij is declared: scope.Scope._bind_indexed), whether or not a sum binds them
            return base[tuple(sp.Symbol(ch) for ch in letters)]
        return sp.Symbol(f"{span.base}_{''.join(letters)}")
    if (
        len(sub) > 1
        and all(t.kind == "digit" and not t.space_before for t in sub)
        and family_mark(span.base, len(sub)) in indices
    ):
        # y_{11} where y is a family of two indices in the document (\sum_i \sum_j y_{ij}):
        # one digit per index, y[1, 1] (it was the number 11: the double sum written out was
        # refuted)
        return base[tuple(sp.Integer(int(t.text)) for t in sub)]
    if (
        len(sub) > 1
        and all(t.kind == "digit" and not t.space_before for t in sub)
        and numbered_mark(span.base, len(sub)) in indices
    ):
        digits = "".join(t.text for t in sub)
        raise LatexError(
            f"ambiguous subscript '{digits}': the document also writes {span.base} with "
            f"{len(sub)} letter indices, so it may be the member "
            f"{span.base}[{', '.join(t.text for t in sub)}] or a name of its own: write "
            f"{span.base}_{{{','.join(t.text for t in sub)}}} for the member",
            column=sub[0].column,
        )
    if _multiple_of_an_index(span, sub, indices):
        return base[_index_item(tokens, lo, hi, read_index)]  # a_{2n} beside a_n: at 2n
    if (
        len(sub) > 1
        and all(
            t.kind == "digit"
            or (t.kind == "letter" and (t.text in indices or INDEX_MARK + t.text in indices))
            for t in sub
        )
        and any(t.kind == "digit" for t in sub)
        and (
            not any(a.kind == b.kind == "digit" for a, b in zip(sub, sub[1:], strict=False))
            or _leading_zero(sub)
        )
    ):
        # t_{i2} under a sum over i: one index per letter or digit (two digits together would
        # be a number or two indices: that stays ambiguous); v_{01}, v_{00}: no number is
        # written with a leading zero, so one index per digit
        return base[tuple(_index_item(tokens, k, k + 1, read_index) for k in range(lo, hi))]
    if len(sub) > 1 and all(t.kind in ("letter", "digit") for t in sub) and sub[0].kind == "letter":
        raise LatexError(
            f"ambiguous subscript '{''.join(t.text for t in sub)}': separate indices with a comma "
            "or use an expression such as n+1",
            column=sub[0].column,
        )
    return base[_index_item(tokens, lo, hi, read_index)]


def _leading_zero(sub: list[Token]) -> bool:
    """Whether every run of two or more digits in ``sub`` starts with 0 (``01``, ``i00``): no
    number is written so, so each digit is an index of its own."""
    runs, run = [], []
    for t in sub:
        if t.kind == "digit" and not t.space_before:
            run.append(t.text)
            continue
        if run:
            runs.append(run)
        run = [t.text] if t.kind == "digit" else []
    if run:
        runs.append(run)
    long = [r for r in runs if len(r) > 1]
    return bool(long) and all(r[0] == "0" for r in long)


def _index_item(tokens: list[Token], lo: int, hi: int, read_index):
    sub = tokens[lo:hi]
    if all(t.kind == "digit" for t in sub) and not any(t.space_before for t in sub[1:]):
        return sp.Integer(int("".join(t.text for t in sub)))
    if len(sub) == 1 and sub[0].kind == "letter":
        return sp.Symbol(sub[0].text)
    if len(sub) == 1 and sub[0].kind == "cmd" and sub[0].text in GREEK:
        return sp.Symbol(sub[0].text)
    return read_index(lo, hi)


def _text_word(sub: list[Token]) -> str | None:
    """``\\text{new}`` (or ``\\mathrm{new}``) as a subscript: the word ``new``."""
    if len(sub) < 4 or sub[0].kind != "cmd" or sub[0].text not in _TEXT_COMMANDS:
        return None
    if not (sub[1].is_char("{") and sub[-1].is_char("}")):
        return None
    inner = sub[2:-1]
    if inner and all(t.kind in ("letter", "digit") for t in inner):
        return "".join(t.text for t in inner)
    return None


def sample_superscripts(tokens: list[Token]) -> list[Token]:
    """``x^{(i)}`` (the i-th sample, ML's notation) as the member ``x_{i}``, and ``x_j^{(i)}``
    as ``x_{i,j}`` (the sample's index first): the superscript is exactly one letter in
    parentheses after a name (a letter, a Greek letter, a command's braced argument such as
    ``\\boldsymbol{x}``, or a subscript). ``e^{(a)}`` stays a power of e (e has no samples);
    ``x^{(2)}`` and ``(a + b)^{(i)}`` are left to the parser, which rejects them. The new tokens
    keep the offsets of those they replace, so errors point at what the author wrote."""
    out = list(tokens)
    c = len(out) - 6
    while c >= 1:
        width = _sample_superscript(out, c)
        if width is None:
            c -= 1
            continue
        window = out[c : c + width]
        caret, close = window[0], window[-1]
        index_tokens = window[3:-2]  # i, or t + 1: the iterate after t
        index = index_tokens[0]
        if _number_in_parentheses(out, c + width):
            raise LatexError(
                f"ambiguous: a name^{{({index.text})}}(number) may be the "
                f"{index.text}-th derivative at that point or the {index.text}-th sample's "
                f"function there, never a product by the number; write the product with "
                f"\\cdot",
                column=out[c + width].column,
            )
        before = out[c - 1]
        if (
            before.kind == "letter"
            and before.text == "e"
            and not (c >= 2 and out[c - 2].is_char("_"))
        ):
            c -= 1
            continue
        name_end = before.kind == "letter" or (before.kind == "cmd" and before.text in GREEK)
        opener = _opener(out, c - 1) if before.is_char("}") else None
        if not (name_end or opener is not None):
            c -= 1
            continue

        def char(text: str, like: Token) -> Token:
            return Token("char", text, like.start, like.end)

        comma = char(",", index)
        if c >= 2 and out[c - 2].is_char("_") and before.kind in ("letter", "digit"):
            # x_j^{(i)}: x_{i,j}
            new = [
                char("_", out[c - 2]),
                char("{", window[1]),
                *index_tokens,
                comma,
                before,
                char("}", close),
            ]
            out[c - 2 : c + width] = new
        elif opener is not None and opener >= 1 and out[opener - 1].is_char("_"):
            # x_{jk}^{(i)}: x_{i,jk}
            inner = out[opener + 1 : c - 1]
            out[opener : c + width] = [
                out[opener],
                *index_tokens,
                comma,
                *inner,
                char("}", close),
            ]
        else:
            out[c : c + width] = [
                char("_", caret),
                char("{", window[1]),
                *index_tokens,
                char("}", close),
            ]
        c -= 1
    return out


def _sample_superscript(tokens: list[Token], c: int) -> int | None:
    """The number of tokens of ``^{(i)}`` or ``^{(t + 1)}`` (an iterate: one letter, then
    optionally + or - and a whole number) at ``tokens[c]``, or None."""
    if not (
        c + 5 < len(tokens) + 0
        and tokens[c].is_char("^")
        and tokens[c + 1].is_char("{")
        and tokens[c + 2].is_char("(")
        and tokens[c + 3].kind == "letter"
    ):
        return None
    k = c + 4
    if k + 1 < len(tokens) and tokens[k].is_char("+-") and tokens[k + 1].kind == "digit":
        k += 1
        while k < len(tokens) and tokens[k].kind == "digit":
            k += 1
    if k + 1 < len(tokens) and tokens[k].is_char(")") and tokens[k + 1].is_char("}"):
        shifted = k > c + 4
        if shifted and k + 2 < len(tokens) and tokens[k + 2].is_char("("):
            return None  # f^{(n+1)}(\xi): Taylor's derivative at a point, never a sample's
        return k + 2 - c
    return None


def _number_in_parentheses(tokens: list[Token], k: int) -> bool:
    """Whether ``tokens[k:]`` starts with a number in parentheses, ``(0)``, ``(-1)``, ``(2.5)``:
    after ``f^{(k)}`` the k-th derivative's point (``f^{(k)}(0)`` was read f_k times 0)."""
    if k >= len(tokens) or not tokens[k].is_char("("):
        return False
    j = k + 1
    if j < len(tokens) and tokens[j].is_char("-"):
        j += 1
    start = j
    while j < len(tokens) and (tokens[j].kind == "digit" or tokens[j].is_char(".")):
        j += 1
    return j > start and j < len(tokens) and tokens[j].is_char(")")


def _opener(tokens: list[Token], close: int) -> int | None:
    """The index of the ``{`` that ``tokens[close]`` (a ``}``) closes; None if unbalanced."""
    depth = 0
    for k in range(close, -1, -1):
        if tokens[k].is_char("}"):
            depth += 1
        elif tokens[k].is_char("{"):
            depth -= 1
            if depth == 0:
                return k
    return None


def how_to_declare(span: NameSpan) -> str:
    """How a document makes the name of ``span`` a function, for a message: a declaration for
    a plain name; for a subscripted one (which cannot be declared), what makes it one."""
    if span.sub is None:
        return f"declare '{span.base}' as a function"
    return (
        "a name with a subscript is a function of its own name (M_X) where the document "
        "applies it to names only; where something binds its subscript (\\sum_n E_n(w)), a "
        "family of functions (its subscript an index) only where the document applies it to "
        "names as a whole side of an equation (E_n(w) = ...)"
    )


def bracketed_argument(tokens, partner: dict, j: int, hi: int) -> tuple[int, int, int] | None:
    """(open, close, after) of ``[...]`` at ``tokens[j]`` read as a function's argument
    (``\\exp\\left[ ... \\right]`` as ``\\exp( ... )``); None when no bracket opens there or
    when ``_``, ``^`` or a prime follows its close (``[F]_a^b`` is an evaluation bar)."""
    if j >= hi or not tokens[j].is_char("["):
        return None
    close = partner[j]
    after = tokens[close + 1] if close + 1 < hi else None
    if after is not None and after.is_char("_^'"):
        return None
    return j, close, close + 1


# The commands an author sets the C (or P) of ``{}_n\mathrm{C}_k`` upright with (``{\rm C}`` and
# ``\mathrm C`` reach the tokens as ``\mathrm{C}``).
COMBINATION_UPRIGHT = ("mathrm", "text", "textrm")


def combination_parts(tokens, partner: dict, j: int, hi: int, bare: bool = False):
    """The parts of ``{}_{n}C_{k}`` (or ``P``) whose empty braces open at ``tokens[j]``:
    ((n's first, after n), "C" or "P", (k's first, after k), after it all); None when the
    tokens are not so (each of n and k one token or a braced group). The left subscript may
    also be braced on its own, ``{_n}C_k``, and the letter upright, ``\\mathrm{C}``,
    ``\\text{C}``. With ``bare``, the ``_`` of ``_nC_k`` at ``tokens[j]`` (the caller has seen
    that no atom stands before it for TeX to set the subscript on)."""

    def script(k: int, end: int = hi):
        if k + 1 >= end or not tokens[k].is_char("_"):
            return None
        t = tokens[k + 1]
        if t.is_char("{"):
            close = partner[k + 1]
            return (k + 2, close, close + 1) if close > k + 2 else None
        if t.kind in ("digit", "letter"):
            return (k + 1, k + 2, k + 2)
        return None

    def letter_at(k: int):
        """(the letter, after it) of ``C``, ``P``, ``\\mathrm{C}``, ``\\text{P}`` at k."""
        if k >= hi:
            return None
        t = tokens[k]
        if t.kind == "letter":
            return (t.text, k + 1) if t.text in ("C", "P") else None
        if (
            t.is_cmd(*COMBINATION_UPRIGHT)
            and k + 3 < hi
            and tokens[k + 1].is_char("{")
            and partner[k + 1] == k + 3
            and tokens[k + 2].kind == "letter"
            and tokens[k + 2].text in ("C", "P")
        ):
            return tokens[k + 2].text, k + 4
        return None

    if bare:
        n = script(j)
    elif j + 1 < hi and tokens[j].is_char("{") and partner[j] == j + 1:
        n = script(j + 2)  # {}_nC_k
    elif j < hi and tokens[j].is_char("{"):
        close = partner[j]
        n = script(j + 1, close)  # {_n}C_k: the braces hold the subscript and nothing else
        n = (n[0], n[1], close + 1) if n is not None and n[2] == close else None
    else:
        return None
    if n is None or n[2] >= hi:
        return None
    found = letter_at(n[2])
    if found is None:
        return None
    letter, after = found
    k = script(after)
    if k is None:
        return None
    return (n[0], n[1]), letter, (k[0], k[1]), k[2]


def undecorated(name: str, prefixes) -> str:
    """``name`` without the accent and alphabet prefixes it starts with, repeatedly
    (``hatmathbfx`` is ``x``; a prefix alone, ``hat``, stays)."""
    changed = True
    while changed:
        changed = False
        for prefix in prefixes:
            if name.startswith(prefix) and len(name) > len(prefix):
                name, changed = name[len(prefix) :], True
                break
    return name


# -- families written with several letter indices -------------------------------------------

# A mark among a row's indices: the letter is written as a subscript of its own in the row
# (z_i): with digits it is an index, x_{i1} is x[i, 1] (two letters stay a name: w_{in})
INDEX_MARK = "\x00index "


def subscripted_names(token_rows):
    """Each name written with a subscript in ``token_rows``, as ``(span, subscript tokens,
    the row's tokens, its bracket partners)``; a row or a name that cannot be scanned is left
    out (it stays unreadable where it is read)."""
    from eqchain.latex.tokens import match_brackets

    for tokens in token_rows:
        try:
            partner = match_brackets(tokens)
        except LatexError:
            continue
        k = 0
        while k < len(tokens):
            if not starts_name(tokens[k]):
                k += 1
                continue
            try:
                span = scan_name(tokens, k, partner)
            except LatexError:
                k += 1
                continue
            k = max(span.end, k + 1)
            if span.sub is not None:
                yield span, tokens[span.sub[0] : span.sub[1]], tokens, partner


def subscript_letters(token_rows) -> frozenset[str]:
    """Marks (:data:`INDEX_MARK`) of the letters rows write as a subscript of their own:
    ``z_i``, ``w_{j}``; and (:func:`single_mark`) of each base written so, with its letter."""
    out = set()
    for span, sub, _, _ in subscripted_names(token_rows):
        if len(sub) == 1 and sub[0].kind == "letter":
            out.add(INDEX_MARK + sub[0].text)
            out.add(single_mark(span.base, sub[0].text))
    return frozenset(out)


# A mark: the base is written with one letter as its whole subscript (a_n).
SINGLE_MARK = "\x00single "


def single_mark(base: str, letter: str) -> str:
    return f"{SINGLE_MARK}{base} {letter}"


def _multiple_of_an_index(span, sub, marks) -> bool:
    """Whether the subscript is a whole number of at least 2 and then a letter the document
    writes as the base's whole subscript (``a_{2n}`` beside ``a_n``, ``S_{3k}`` beside ``S_k``):
    the member at 2n, as a sequence is read (it was a[2, n], and ``a_{2n} = 4 a_n`` after
    ``a_n = n^2`` was refuted). ``w_{1j}`` (a matrix's first row) is never the member at 1j."""
    return (
        len(sub) >= 2
        and all(t.kind == "digit" and not t.space_before for t in sub[:-1])
        and int("".join(t.text for t in sub[:-1])) >= 2
        and sub[-1].kind == "letter"
        and single_mark(span.base, sub[-1].text) in marks
    )


# A mark for the reader (carried with the document's functions, as matrices.py's are): the
# base ``base`` is written as a family of ``n`` indices somewhere in the document.
FAMILY_MARK = "\x00family "


# A mark: the base is written with n letter indices and with n digits (y_{ij}, y_{21}) and with
# no other sign of a family: its digits are ambiguous (names.written_families).
NUMBERED_MARK = "\x00numbered "


def numbered_mark(base: str, arity: int) -> str:
    return f"{NUMBERED_MARK}{base} {arity}"


def family_mark(base: str, arity: int) -> str:
    return f"{FAMILY_MARK}{base} {arity}"


def _bound_letters(tokens: list[Token], partner: dict[int, int]) -> set[str]:
    """The letters a ``\\sum`` or ``\\prod`` of the row binds (``\\sum_{i,j}``, ``\\sum_{k=1}^{n}``,
    ``\\prod_{n \\in S}``)."""
    out: set[str] = set()
    for k, tok in enumerate(tokens):
        if not tok.is_cmd("sum", "prod"):
            continue
        j = k + 1
        while j < len(tokens) and (
            tokens[j].is_cmd("limits", "nolimits") or tokens[j].is_char("^")
        ):
            if tokens[j].is_char("^"):  # \sum^{N}_{n=1}: skip the upper bound
                j += 1
                j = partner.get(j, j) + 1 if j < len(tokens) else j
            else:
                j += 1
        if j + 1 >= len(tokens) or not tokens[j].is_char("_"):
            continue
        lo = j + 1
        hi = partner.get(lo, lo) if tokens[lo].is_char("{") else lo + 1
        if tokens[lo].is_char("{"):
            lo += 1
        item: list[Token] = []
        for t in [*tokens[lo:hi], None]:
            if t is None or t.is_char(",") or t.is_char("=") or t.is_cmd("in"):
                if len(item) == 1 and item[0].kind == "letter":
                    out.add(item[0].text)
                if t is not None and not t.is_char(","):
                    break
                item = []
                continue
            item.append(t)
    return out


def _letter_indices(sub: list[Token]):
    """A subscript of letters only, as ``(letters, commas)``: ``ik`` is ``(["i", "k"], False)``,
    ``i,k`` is ``(["i", "k"], True)``; None for anything else (one letter, a digit, ``i,,k``)."""
    letters = [t.text for t in sub if not t.is_char(",")]
    commas = len(letters) < len(sub)
    if len(letters) > 1 and all(t.kind == "letter" or t.is_char(",") for t in sub):
        if not commas or len(sub) == 2 * len(letters) - 1:
            return letters, commas
    return None


def written_families(token_rows) -> frozenset[str]:
    """The family marks of rows (a document's, or one formula's sides): a base written with a
    comma between indices (``x_{i,j}``, ``y_{2,1}``), or with a subscript of letters a sum or
    product of the row binds, all of them or one of two (``t_{ij}`` under ``\\sum_i
    \\sum_j``, ``x_{pk}`` under ``\\sum_k``), or of letters and digits whose letters the row's
    sums bind (``y_{i2}`` under ``\\sum_i``). A base written both with n letters and with n
    digits and nothing else (``y_{ij}`` and ``y_{21}``) gets :data:`NUMBERED_MARK`: its digits
    are ambiguous. ``w_{new}`` under ``\\sum_n`` is no family: three letters, one bound."""
    marks: set[str] = set()
    bound: dict = {}  # the row (by identity) -> the letters its sums bind
    lettered: set[tuple] = set()  # (base, n): written with n letters (y_{ij})
    numbered: set[tuple] = set()  # (base, n): written with n digits (y_{21})
    for span, sub, tokens, partner in subscripted_names(token_rows):
        plain = len(sub) > 1 and not any(t.space_before for t in sub)
        if plain and all(t.kind == "digit" for t in sub):
            numbered.add((span.base, len(sub)))
        items = [t for t in sub if not t.is_char(",")]
        if (
            len(items) > 1
            and len(sub) == 2 * len(items) - 1
            and all(t.is_char(",") for t in sub[1::2])
            and all(t.kind in ("letter", "digit") for t in items)
            and any(t.kind == "digit" for t in items)
        ):
            # y_{2,1}, y_{i,1}: indices a comma separates, a family's member (the spelling the
            # message for an ambiguous y_{21} asks for)
            marks.add(family_mark(span.base, len(items)))
            continue
        if (
            plain
            and all(t.kind in ("letter", "digit") for t in sub)
            and {t.kind for t in sub} == {"letter", "digit"}
        ):
            # a letter index and digits, every letter bound by the row's sums (y_{i2} under
            # \sum_i): a family of as many indices
            if id(tokens) not in bound:
                bound[id(tokens)] = _bound_letters(tokens, partner)
            if all(t.text in bound[id(tokens)] for t in sub if t.kind == "letter"):
                marks.add(family_mark(span.base, len(sub)))
            continue
        found = _letter_indices(sub)
        if found is None:
            continue
        if not found[1]:
            lettered.add((span.base, len(found[0])))
        letters, commas = found
        if id(tokens) not in bound:
            bound[id(tokens)] = _bound_letters(tokens, partner)
        inside = [ch in bound[id(tokens)] for ch in letters]
        if commas or all(inside) or (len(letters) == 2 and any(inside)):
            marks.add(family_mark(span.base, len(letters)))
    # a base written with n letters and with n digits and no other sign of a family (y_{ij} =
    # i + 2j, then y_{21}; \sigma_{xy} beside \sigma_{12}): the digits are ambiguous, a member
    # y[2, 1] or a name y_21 (read as names, y_{21} = 5 was a given and y_{21}^2 = 25 verified;
    # read as members, x and y of \sigma_{xy} = xy - \mu_x \mu_y became indices)
    marks |= {
        numbered_mark(base, n)
        for base, n in lettered & numbered
        if family_mark(base, n) not in marks
    }
    return frozenset(marks)


def mixed_families(token_rows, marks) -> frozenset[str]:
    """Family marks of names written with a letter index and digits, each letter one that
    ``marks`` says is written alone as a subscript (``x_{i1}`` beside ``z_i``): x is a family of
    two indices, so ``x_{21}`` elsewhere is ``x[2, 1]``."""
    return frozenset(
        family_mark(span.base, len(sub))
        for span, sub, _, _ in subscripted_names(token_rows)
        if len(sub) > 1
        and all(t.kind in ("letter", "digit") and not t.space_before for t in sub)
        and any(t.kind == "digit" for t in sub)
        and any(t.kind == "letter" for t in sub)
        and all(INDEX_MARK + t.text in marks for t in sub if t.kind == "letter")
        and not _multiple_of_an_index(span, sub, marks)
    )


def family_letters(token_rows, marks) -> frozenset[str]:
    """The letters a row writes as the indices of a family marked in ``marks``: indices in the
    whole row (``y_{pq}`` beside ``x_{pq}``, x a family of two, is ``y[p, q]``)."""
    if not any(m.startswith(FAMILY_MARK) for m in marks):
        return frozenset()
    out: set[str] = set()
    for span, sub, _, _ in subscripted_names(token_rows):
        found = _letter_indices(sub)
        if found is not None and family_mark(span.base, len(found[0])) in marks:
            out.update(found[0])
    return frozenset(out)
