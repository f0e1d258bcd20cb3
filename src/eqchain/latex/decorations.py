"""Blanking out what is not mathematics in one row: tags, labels, spacing, sizing, prose.

Every function here keeps the text's length (decorations become spaces), so that offsets into
the result are offsets into what the author wrote and errors point at the right column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eqchain.errors import LatexError, UnsupportedLatex
from eqchain.latex.commands import DROPPED, FUNCTIONS, GREEK, PROSE
from eqchain.latex.width import ascii_punctuation

# Japanese/Chinese/Korean prose, full-width forms and circled numbers (①) written inside math.
_CJK = re.compile(
    r"[\u1100-\u11ff\u2460-\u24ff\u3000-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff"
    r"\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+"
)
_SPACING_CHARS = ",;:! >"
_ARG_OPTIMUM = re.compile(r"\s*arg\s*(?:\\[,; ])?\s*(?:max|min)\s*")
_COMMAND_NAME = re.compile(r"[A-Za-z]+\*?")
_WITH_ARGUMENT = {"label", "hspace", "hspace*", "vspace", "hskip", "vskip"}
_WITH_ARGUMENT |= {"phantom", "hphantom", "vphantom"}
# MathJax's \require{cancel} loads an extension: no mathematics
_WITH_ARGUMENT |= {"require"}
# TeX's primitives take glue without braces: \hskip 1em plus 2pt minus 1fil
_GLUE_AFTER = {"hskip", "vskip"}
_DIMENSION = r"\s*[-+]?\s*(?:\d+(?:\.\d*)?|\.\d+)\s*(?:pt|em|ex|mu|cm|mm|in|bp|pc|dd|cc|sp|px)"
_STRETCH = r"(?:\s*[-+]?\s*(?:\d+(?:\.\d*)?|\.\d+)?\s*fil{1,3}|" + _DIMENSION + ")"
_GLUE = re.compile(
    _DIMENSION + r"(?:\s*plus" + _STRETCH + r")?(?:\s*minus" + _STRETCH + r")?(?![A-Za-z])"
)


@dataclass(frozen=True)
class Decorated:
    """A row with its decorations blanked out: ``body`` (same length as the input), the
    ``\\tag`` text, and the prose written beside the formula (``annotation``)."""

    body: str
    tag: str | None
    annotation: str | None


def braced_argument(text: str, i: int) -> tuple[int, int] | None:
    """If ``text[i:]`` starts (after spaces) with ``{...}``, return the offsets of the braces
    (open, close); None otherwise or when the braces are not balanced."""
    j = i
    while j < len(text) and text[j] in " \t\r\n":
        j += 1
    if j >= len(text) or text[j] != "{":
        return None
    depth = 0
    k = j
    while k < len(text):
        ch = text[k]
        if ch == "\\":
            k += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return j, k
        k += 1
    return None


_MODULO = re.compile(r"\\(?:pmod|bmod|mod)(?![A-Za-z])|\bmod\b|\\pod(?![A-Za-z])")
# a box around a whole side: after the start of the row, a relation or a row break, and before
# the end, a relation or punctuation (2p - 1 = 0 \Leftrightarrow \boxed{p = \frac{1}{2}})
_RELATION_WORDS = (
    r"Leftrightarrow|Longleftrightarrow|Rightarrow|Longrightarrow|iff|implies|therefore|le|leq|"
    r"ge|geq|neq|ne|approx|propto|quad|qquad"
)
_BOX_OPENED = re.compile(r"(=|<|>|\\\[|\\begin\{[A-Za-z]+\*?\}|\\(?:" + _RELATION_WORDS + r"))$")
_BOX_CLOSED = re.compile(r"\\(?:" + _RELATION_WORDS + r")(?![A-Za-z])")


_GENERALISED_FRACTION = re.compile(r"\\(?:over|choose|atop|above|brace|brack)(?![A-Za-z])")


def _whole_group(text: str) -> str:
    """``text`` without the braces of one group around all of it (note.com writes every
    formula ``$${a = b}$$``: TeX's group typesets nothing, and '=' was read inside brackets);
    blanked with spaces, columns kept. Unchanged otherwise."""
    stripped = text.strip()
    if len(stripped) < 2 or stripped[0] != "{" or stripped[-1] != "}":
        return text
    start = text.index("{")
    end = text.rindex("}")
    if start > 0 and text[start - 1] == "\\":
        return text  # \{ ... \}: a set's braces
    closing = braced_argument(text, start)
    if closing is None or closing[1] != end:
        return text  # {a} + {b}: two groups
    if _GENERALISED_FRACTION.search(text[start + 1 : end]):
        return text  # {n \choose k}, {a \over b}: plain TeX's group delimits its operands
    return text[:start] + " " + text[start + 1 : end] + " " + text[end + 1 :]


def _identity(text: str, start: int, end: int) -> bool:
    """Whether ``\\equiv`` at ``text[start:end]`` reads as an equation: no modulus in the row,
    and not a number on both sides (``17 \\equiv 2``: a congruence whose modulus the prose
    gives)."""
    if _MODULO.search(text):
        return False
    left = re.split(r"\\\\|&|=", text[:start])[-1]
    right = re.split(r"\\\\|&|=|\\equiv", text[end:])[0]
    numbers = re.compile(r"[\s\d.,+\-{}()]*")
    return not (numbers.fullmatch(left) and numbers.fullmatch(right))


_COLOUR = re.compile(r"\\(color|textcolor)(?![A-Za-z])")


def colours(text: str, base: int = 0) -> str:
    """``\\color{c}{X}`` and ``\\textcolor{c}{X}`` as X, ``\\color{c} X`` as X: a colour is
    presentation only, and the braces after it group what it colours, which the reader sees
    without them (``\\color{#1F618D}{ \\begin{eqnarray*} ... \\end{eqnarray*} }`` around a whole
    display, as Jekyll posts write it). Blanked with spaces: the text keeps its length and
    every column. A colour without its braced colour name is rejected."""
    out = list(text)
    for m in _COLOUR.finditer(text):
        if m.start() > 0 and text[m.start() - 1] == "\\":
            continue  # \\color: a row break, then a word
        spec = braced_argument(text, m.end())
        if spec is None:
            raise LatexError(
                f"\\{m.group(1)} needs its colour in braces: \\{m.group(1)}{{red}}",
                column=base + m.start() + 1,
            )
        for k in range(m.start(), spec[1] + 1):
            if out[k] != "\n":
                out[k] = " "
        group = braced_argument(text, spec[1] + 1)
        if group is not None:
            out[group[0]] = out[group[1]] = " "
        elif m.group(1) == "textcolor" and _one_token(text, spec[1] + 1):
            pass  # \textcolor{magenta}\lambda: TeX's argument is the one token after it
        elif m.group(1) == "textcolor":
            raise LatexError(
                "\\textcolor needs its text in braces: \\textcolor{red}{x}",
                column=base + m.start() + 1,
            )
        else:  # {\color{red} X}: the switch opens its group, the group is its scope
            scope = _scope_opened(text, m.start())
            if scope is not None:
                out[scope[0]] = out[scope[1]] = " "
    return "".join(out)


_TOKEN = re.compile(r"\s*(?:\\([A-Za-z]+)(?![A-Za-z])|[A-Za-z0-9])")


def _one_token(text: str, start: int) -> bool:
    """Whether an unbraced argument at ``start`` is one token that is a whole formula part: a
    letter, a digit or a Greek letter (``\textcolor{red}\frac{a}{b}`` would colour \frac
    alone, which TeX rejects)."""
    from eqchain.latex.commands import GREEK

    m = _TOKEN.match(text, start)
    return m is not None and (m.group(1) is None or m.group(1) in GREEK)


# commands whose second braced argument follows the first: {a}{b} after them is an argument
_TWO_ARGUMENTS = re.compile(r"\\(?:[dtc]?frac|[dt]?binom|overset|underset|stackrel|textcolor)\s*$")


def _scope_opened(text: str, at: int) -> tuple[int, int] | None:
    """The braces of the group a colour switch at ``at`` opens (``{\\color{red} n(n-1)}!``),
    which the reader sees without them: n(n-1)! with its first part red. None when the switch
    does not open a group, or when the group is a script's or a command's argument
    (``q^{\\color{red} n-1}``, ``\\frac{\\color{red} a}{b}``), whose braces delimit it."""
    j = at - 1
    while j >= 0 and text[j] in " \t\r\n":
        j -= 1
    if j < 0 or text[j] != "{" or (j > 0 and text[j - 1] == "\\"):
        return None
    group = braced_argument(text, j)
    if group is None or _is_argument(text, j):
        return None
    return group


def _is_argument(text: str, brace: int) -> bool:
    """Whether the group opening at ``brace`` is a script's (``_{...}``, ``^{...}``) or a
    command's argument (``\\sqrt{...}``, the second of ``\\frac{a}{...}``)."""
    j = brace - 1
    while j >= 0 and text[j] in " \t\r\n":
        j -= 1
    if j < 0:
        return False
    if text[j] in "_^":
        return True
    if text[j].isalpha():  # a command's name ends here: \sqrt{, \mathrm{, \frac{
        k = j
        while k >= 0 and text[k].isalpha():
            k -= 1
        return k >= 0 and text[k] == "\\"
    if text[j] in "]}":  # the group before it: \frac{a}{...}, \sqrt[3]{...}
        opening = _opening(text, j)
        if opening is None:
            return False
        if text[j] == "]":  # \sqrt[n]{...}: a root's degree before its braces
            return bool(re.search(r"\\sqrt\s*$", text[:opening]))
        return bool(_TWO_ARGUMENTS.search(text[:opening]))
    return False


def _opening(text: str, close: int) -> int | None:
    """The offset of the bracket that the ``}`` or ``]`` at ``close`` closes."""
    pair = {"}": "{", "]": "["}[text[close]]
    depth = 0
    for k in range(close, -1, -1):
        if k > 0 and text[k - 1] == "\\":
            continue
        if text[k] == text[close]:
            depth += 1
        elif text[k] == pair:
            depth -= 1
            if depth == 0:
                return k
    return None


# TeX's font switches, each the font command of the rest of its group: {\bf w} is \mathbf{w}.
FONT_SWITCHES = {
    "rm": "mathrm",
    "bf": "mathbf",
    "it": "mathit",
    "sf": "mathsf",
    "cal": "mathcal",
}
_FONT_SWITCH = re.compile(r"\\(" + "|".join(FONT_SWITCHES) + r")(?![A-Za-z])")


# \mathrm{ln}, \operatorname{log}, \text{exp}, {\rm sin} (after font_switches: \rm{ sin}): the
# function's name set upright by hand, which is what \ln, \log, \exp, \sin typeset.
_UPRIGHT_FUNCTION = re.compile(
    r"\\(?:mathrm|operatorname|text|textrm|rm)\*?\s*\{\s*("
    + "|".join(sorted(FUNCTIONS, key=len, reverse=True))
    + r")\s*\}"
)


def upright_functions(text: str) -> str:
    """``\\mathrm{ln}`` (``\\operatorname{log}``, ``\\text{exp}``, ``{\\rm sin}``) as ``\\ln``: an
    elementary function's name written upright by hand is that function (README, notation
    table), never prose or a product of letters (``\\mathrm{ln}\\, x`` was read as ``x``, its
    name dropped as prose before the formula; ``\\operatorname{ln} x`` as the product of a
    symbol ln and x). The command is padded with spaces: the text keeps its length and every
    column."""

    def command(m: re.Match) -> str:
        written = "\\" + m.group(1)
        return written + " " * (len(m.group(0)) - len(written))

    return _UPRIGHT_FUNCTION.sub(command, text)


def font_switches(text: str, base: int = 0) -> str:
    """``{\\bf w}`` as ``\\bf{w}``, which the tokens read as ``\\mathbf{w}``: the brace moves
    after the switch, so the text keeps its length and every column. A switch that does not
    open its group (``a \\bf w``, ``{a \\bf w}``) is rejected: it would set the rest of the
    group, which no font command says."""
    out = list(text)
    for m in _FONT_SWITCH.finditer(text):
        j = m.start() - 1
        while j >= 0 and text[j] in " \t\r\n":
            j -= 1
        if j < 0 and m.group(1) in _PLAIN_SWITCHES:
            # \sf{\log L = ...} (a Math.SE answer): the whole formula set in one font, its
            # letters the names they are; the switch (and braces around all the rest) blanked.
            # \rm{Var}(X): braces around a part only are the font command's, \mathrm{Var}
            if _blank_whole_group(text, m.end(), out) is False:
                continue
            out[m.start() : m.end()] = " " * (m.end() - m.start())
            continue
        escaped = j > 0 and text[j - 1] == "\\" and (j < 2 or text[j - 2] != "\\")
        if j < 0 or text[j] != "{" or escaped:
            raise UnsupportedLatex(
                f"not supported: the font switch \\{m.group(1)} outside the start of a group: "
                f"write {{\\{m.group(1)} ...}} or \\{FONT_SWITCHES[m.group(1)]}{{...}}",
                column=base + m.start() + 1,
            )
        # "{  \bf" -> "\bf{  ": the command where the brace was, the brace right after it
        between = text[j + 1 : m.start()]
        out[j : m.end()] = list(m.group(0) + "{" + between)
    return "".join(out)


# switches that set a whole formula without changing what its letters name
_PLAIN_SWITCHES = ("sf", "rm", "it")


def _blank_whole_group(text: str, at: int, out: list) -> bool | None:
    """Blank the braces at ``at`` (after spaces) in ``out`` when they hold the rest of ``text``
    (True); False when braces there hold a part only; None when no brace opens there."""
    k = at
    while k < len(text) and text[k] in " \t\r\n":
        k += 1
    if k >= len(text) or text[k] != "{":
        return None
    depth = 0
    for i in range(k, len(text)):
        if text[i] == "\\":
            continue
        if text[i] == "{" and (i == 0 or text[i - 1] != "\\"):
            depth += 1
        elif text[i] == "}" and text[i - 1] != "\\":
            depth -= 1
            if depth == 0:
                if text[i + 1 :].strip(" \t\r\n.,"):
                    return False  # the group ends before the formula does
                out[k] = out[i] = " "
                return True
    return False


_LEFT_RIGHT = re.compile(r"\\(left|right)(?![A-Za-z])")


def _evaluation_bar_right(text: str, after_left: int) -> int | None:
    """Where the ``\\right`` partnering the ``\\left`` that ends at ``after_left`` stands, when
    that ``\\left`` is ``\\left.`` and its ``\\right`` is ``\\right|`` (an evaluation bar,
    ``\\left. F \\right|_{t=0}``); None for any other pair, whose commands are blanked."""
    j = after_left
    while j < len(text) and text[j] in " \t":
        j += 1
    if j >= len(text) or text[j] != ".":
        return None
    depth = 1
    for m in _LEFT_RIGHT.finditer(text, j + 1):
        depth += 1 if m.group(1) == "left" else -1
        if depth == 0:
            k = m.end()
            while k < len(text) and text[k] in " \t":
                k += 1
            return m.start() if k < len(text) and text[k] == "|" else None
    return None


def _one_letter_after(text: str, end: int) -> bool:
    """Whether a letter follows ``text[end:]`` after spaces: a command's one-token argument."""
    j = end
    while j < len(text) and text[j] in " \t":
        j += 1
    return j < len(text) and text[j].isascii() and text[j].isalpha()


_INTEGRAL = re.compile(r"\\(?:i+nt|oint)(?![A-Za-z])")
_DIFFERENTIAL_VARIABLE = re.compile(r"\s*(?:[A-Za-z(]|\\left\s*\(|\\([A-Za-z]+))")


def _integral_differential(text: str, start: int, content: str, arg: tuple[int, int]) -> bool:
    """Whether ``\\text{d}`` at ``text[start:]`` (its argument ``content`` at ``arg``) may be an
    integral's differential, read as ``\\mathrm{d}`` is: an integral sign before it in the row,
    and a letter, a Greek letter or a bracket after it. Anywhere else it is prose (and a kept one
    that the parser does not take as a differential is unreadable, never the letter d)."""
    if content.strip() != "d" or not _INTEGRAL.search(text, 0, start):
        return False
    m = _DIFFERENTIAL_VARIABLE.match(text, arg[1] + 1)
    return m is not None and (m.group(1) is None or m.group(1) in GREEK)


# A row holding nothing but an ellipsis (after '&' and spacing): the author elides rows
ELISION = re.compile(
    r"(?:[\s&~]|\\[,;: !])*(\.\.\.|\\(?:ldots|cdots|dots|vdots|ddots)(?![A-Za-z]))"
    r"(?:[\s&.~]|\\[,;: !])*"
)


# The end-of-proof mark ending a row after spacing (\quad \Box, \qquad \blacksquare, \hfill
# \square), or \qed: the row's annotation (README, notation table).
PROOF_END = re.compile(
    r"(?:(?:\\q?quad|\\hfill|\\[,;: ]|~)\s*|\s*(?=\\qed))"
    r"(\\(?:Box|square|blacksquare|qed))(?![A-Za-z])[\s.]*\Z"
)


_ONE_WORD = re.compile(
    r"\\(?:text|textrm|textit|textbf|textsf|texttt|textnormal|mbox|mathrm)\s*"
    r"\{\s*[A-Za-z][A-Za-z ]*\s*\}\s*"
)
_OPERATOR_FIRST = re.compile(r"(?:[-+*/^_!=<>]|\\(?:cdot|times|div)(?![A-Za-z]))")


def _parenthesised_cjk_tail(text: str, n: int) -> tuple[int, int] | None:
    """The span of a parenthesised group (``(...)``, full-width ``（...）`` too) that ends the row
    (before ``n``, after spaces and a full stop) and holds CJK prose, or None."""
    end = len(text[:n].rstrip(" \t\n.,。、"))
    if end == 0 or text[end - 1] not in ")）":
        return None
    opener = "(" if text[end - 1] == ")" else "（"
    depth = 0
    for k in range(end - 1, -1, -1):
        if text[k] in ")）":
            depth += 1
        elif text[k] in "(（":
            depth -= 1
            if depth == 0:
                if text[k] != opener or not _CJK.search(text, k, end):
                    return None
                if any(ch.isspace() for ch in _CJK.findall(text[k:end])):
                    return None
                return k, end
    return None


# words that start a sentence before a formula, never a term of it (\text{so} \quad -x = -3)
_CONNECTIVES = frozenset(
    "so then hence thus therefore and or where with since because now finally also i.e. e.g. "
    "note we get gives yields".split()
)


def _used_as_a_name(word: str, after: str) -> bool:
    """Whether prose before a formula is words in a text command (``\\text{cost}``,
    ``\\textbf{total cost}``, ``\\mbox{cost}``), no label's colon, that a binary operator or a
    relation follows (``- 5``): a term of the formula, not a label of it."""
    m = _ONE_WORD.fullmatch(word)
    if m is None or not _OPERATOR_FIRST.match(after):
        return False
    inner = word[word.index("{") + 1 : word.rindex("}")].strip().lower()
    return not set(inner.split()) & _CONNECTIVES


def strip_decorations(text: str, base: int = 0) -> Decorated:
    """Blank out ``\\tag``, ``\\label``, ``\\nonumber``, spacing, ``\\left``/``\\right`` and
    prose (``\\text{}``, multi-letter ``\\mathrm{}``, CJK text) from one row.

    Prose is allowed before or after the formula, not between two parts of it (that would
    join them into one product). Raises LatexError for prose in the middle of a formula,
    for two ``\\tag``s, and UnsupportedLatex for an operator name such as
    ``\\mathrm{Var}(x)``. ``base`` is the row's offset in the formula, for columns.
    """
    text = upright_functions(font_switches(colours(ascii_punctuation(text), base), base))
    text = _VARPROPTO.sub(r"\\propto   ", text)  # the same relation, the same length
    text = _whole_group(text)
    out = list(text)
    notes: list[tuple[int, int, str]] = []
    relation_notes: list[str] = []  # \overset{(2)}{=}: the reason written over an equals sign
    tag: str | None = None
    number = _dots_number(text)
    if number is not None:  # e^x = \sum_k \frac{x^k}{k!} \cdots (1): the equation's number
        start, tag = number
        for k in range(start, len(text)):
            if out[k] != "\n":
                out[k] = " "
        text = "".join(out)
    depth = 0
    i, n = 0, len(text)
    kept: set[int] = set()  # where the \right of an evaluation bar \left. F \right| stands
    skip: dict[int, int] = {}  # the label of an \underbrace: from its '_' to after it

    def blank(a: int, b: int) -> None:
        for k in range(a, b):
            if out[k] not in "\n":
                out[k] = " "

    justification = _justification(text)
    if justification is not None:
        # a = b \quad (\because x > 0): the reason the author gives, prose after the formula
        start, note = justification
        notes.append((start, n, note))
        blank(start, n)
        n = start

    while i < n:
        if i in skip:
            i = skip[i]
            continue
        ch = text[i]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == "~":
            out[i] = " "
        elif ch == "\\" and i + 1 < n:
            nxt = text[i + 1]
            if nxt in _SPACING_CHARS or nxt in "\t\r\n":
                blank(i, i + 2)
                i += 2
                continue
            m = _COMMAND_NAME.match(text, i + 1)
            if not m:
                i += 2  # an escaped character such as \{ or \|: judged later
                continue
            name = m.group(0)
            end = i + 1 + len(name)
            plain = name.rstrip("*")
            plain = FONT_SWITCHES.get(plain, plain)
            if plain == "tag" and depth == 0:
                arg = braced_argument(text, end)
                if arg is None:
                    raise LatexError("\\tag needs its text in braces", column=base + i + 1)
                if tag is not None:
                    raise LatexError("two \\tag in one row", column=base + i + 1)
                tag = text[arg[0] + 1 : arg[1]].strip()
                blank(i, arg[1] + 1)
                i = arg[1] + 1
                continue
            if name in _WITH_ARGUMENT:
                arg = braced_argument(text, end)
                glue = _GLUE.match(text, end) if arg is None and name in _GLUE_AFTER else None
                if arg is None and glue is None:
                    # \hskip 0pt + x: the length was read as a product (x 0 p t + x = x verified)
                    length = "a dimension such as 1em" if name in _GLUE_AFTER else "in braces"
                    raise LatexError(f"\\{name} needs its length: {length}", column=base + i + 1)
                stop = arg[1] + 1 if arg else glue.end()
                blank(i, stop)
                i = stop
                continue
            if name == "triangleq" and depth == 0:
                # a \triangleq b: "equal by definition", as \stackrel{\triangle}{=} and :=
                blank(i, end)
                out[end - 2], out[end - 1] = ":", "="
                i = end
                continue
            if name == "equiv" and depth == 0 and _identity(text, i, end):
                # a \equiv b, "defined as" or "identically equal": an equation as = is (a new
                # name on its left is defined, a defined one restated, expressions a claim: as
                # := a false identity on a defined name passed as a new meaning); never a
                # congruence (\pmod, mod, or numbers on both sides: 17 \equiv 2), unread
                blank(i, end)
                out[end - 1] = "="
                i = end
                continue
            if plain in ("overset", "stackrel") and depth == 0:
                annotated = _annotated_equals(text, end, base + i + 1)
                if annotated is not None:
                    equals, stop, note, definition = annotated
                    blank(i, stop)
                    out[equals] = "="
                    if definition:
                        out[equals - 1] = ":"
                    if note:
                        relation_notes.append(note)
                    i = stop
                    continue
            if plain in _BRACES:
                label = _brace_label(text, end, _BRACES[plain], base + i + 1)
                blank(i, end)  # \underbrace{A}_{label} is A: its braces only group
                arg = braced_argument(text, end)
                if arg is not None:
                    # the brace typeset under (over) A shows A as one group, as \boxed's box
                    # does: its braces are brackets, never the invisible braces of plain TeX
                    # (Parser._check_invisible_braces)
                    out[arg[0]], out[arg[1]] = "(", ")"
                if label is not None:
                    start, stop, note = label
                    blank(start, stop)
                    skip[start] = stop
                    if note:
                        relation_notes.append(note)
                i = end
                continue
            if plain == "right" and i in kept:
                i = end  # the \right of an evaluation bar \left. F \right|: read by the parser
                continue
            if plain == "left":
                closing = _evaluation_bar_right(text, end)
                if closing is not None:  # \left. F \right|_{a}^{b}: kept for the parser
                    kept.add(closing)
                    i = text.index(".", end) + 1
                    continue
            if plain == "boxed":
                arg = braced_argument(text, end)
                if arg is not None:  # \boxed{a = b}: a box around what it holds
                    blank(i, arg[0])
                    before = text[:i].rstrip(" \t\r\n&$")
                    after = text[arg[1] + 1 :].lstrip(" \t\r\n$")
                    opened = _BOX_OPENED.search(before)
                    whole = (not before or opened is not None) and (
                        not after
                        or after[0] in "=,.<>"
                        or after.startswith(("\\]", "\\end"))
                        or _BOX_CLOSED.match(after) is not None
                    )
                    # a whole side (or row) boxed: its braces go; inside a side, its group
                    out[arg[0]], out[arg[1]] = (" ", " ") if whole else ("(", ")")
                    i = arg[0] + 1
                    continue
            if plain in ("displaystyle", "textstyle", *_SIZES) and depth == 0:
                group = braced_argument(text, end)
                if group is not None and not text[end : group[0]].strip():
                    # \displaystyle{a = b} (a WordPress habit): a style switch, then a plain
                    # group, which typesets nothing ('=' inside brackets before)
                    blank(i, end)
                    out[group[0]] = out[group[1]] = " "
                    i = end
                    continue
            if plain in DROPPED:
                blank(i, end)
                if plain in ("left", "right", "middle"):
                    j = end
                    while j < n and text[j] in " \t":
                        j += 1
                    if j < n and text[j] == ".":  # \left. and \right. are invisible
                        blank(j, j + 1)
                i = end
                continue
            if plain in PROSE and depth == 0:
                arg = braced_argument(text, end)
                if arg is None and plain == "mathrm" and _one_letter_after(text, end):
                    i = end  # \mathrm dz: TeX's argument is the one letter d (tokens braces it)
                    continue
                if arg is None:
                    raise LatexError(f"\\{plain} needs its text in braces", column=base + i + 1)
                content = text[arg[0] + 1 : arg[1]]
                if _after_script_sign(text, i):
                    i = arg[1] + 1  # D_\text{KL}: the script's argument, as D_{\text{KL}}
                    continue
                if plain == "mathrm" and re.fullmatch(r"\s*[A-Za-z]\s*", content):
                    i = arg[1] + 1  # \mathrm{d}, \mathrm{e}: an upright letter, read as one
                    continue
                if plain in ("text", "textrm") and _integral_differential(text, i, content, arg):
                    i = arg[1] + 1  # \int f \, \text{d}x: the differential, as \mathrm{d}x
                    continue
                if _ARG_OPTIMUM.fullmatch(content):
                    i = arg[1] + 1  # \text{argmax}: the arg max, read whole (latex/optimum.py)
                    continue
                if content.strip() in UPRIGHT_FUNCTION_WORDS:
                    if _before_parentheses(text, arg[1] + 1):
                        i = arg[1] + 1  # \text{sign}(x): the sign function, read by the parser
                        continue
                    if plain != "mathrm" or not _before_brackets(text, arg[1] + 1):
                        # \mathrm{erf}[x] is the parser's (Parser.operator_brackets)
                        raise UnsupportedLatex(
                            f"not supported: \\{plain}{{{content.strip()}}} without its argument "
                            f"in parentheses: write \\{plain}{{{content.strip()}}}(x)",
                            column=base + i + 1,
                        )
                if plain == "mathrm" and _upright_name(text, i, arg[1] + 1, content.strip()):
                    i = arg[1] + 1  # \mathrm{BCE} = ..., \mathrm{Var}(x): a name, read as one
                    continue
                if plain in ("text", "textrm") and _combination_letter(
                    text, i, arg[1] + 1, content
                ):
                    i = arg[1] + 1  # {}_n\text{C}_k: the parser reads the binomial coefficient
                    continue
                if content.strip() in MOMENT_WORDS and _before_brackets(text, arg[1] + 1):
                    i = arg[1] + 1  # \text{var}(X): the variance, read by the parser
                    continue
                if law_name(content) and _before_parentheses(text, arg[1] + 1):
                    i = arg[1] + 1  # X \sim \text{Exp}(\lambda): the law, as \mathrm{Exp}
                    continue
                if (
                    plain in ("text", "textrm")
                    and _ACRONYM.fullmatch(content.strip())
                    and content.strip().lower() not in _PROSE_BEFORE_PARENTHESES
                    and _before_parentheses(text, arg[1] + 1)
                    and not re.search(r"\\sim\s*$", text[:i])
                ):
                    i = arg[1] + 1  # \text{ELBO}(q, \theta): an operator's name, \mathrm{ELBO}
                    continue
                _reject_operator_name(text, arg[1] + 1, plain, content, base + i + 1)
                notes.append((i, arg[1] + 1, _clean_prose(content)))
                blank(i, arg[1] + 1)
                i = arg[1] + 1
                continue
            i = end
            continue
        i += 1

    depths = _depths(text)
    tail = _parenthesised_cjk_tail(text, n)
    if tail is not None:
        # (XとYが無相関なら), (独立を仮定), (ただし正): words after the formula, which may be a
        # condition the row holds only under (read as a note, E[XY] = E[X]E[Y] was refuted at
        # dependent X, Y); its letters were left as a factor before ("prose in the middle")
        raise LatexError(
            "words in brackets after the formula (a condition? なら, 仮定, ただし): eqchain does "
            "not read them; write a condition after a comma as a relation, or the words in the "
            "prose before or after the display",
            column=base + tail[0] + 1,
        )
    for m in _CJK.finditer(text, 0, n):
        if m.group(0).isspace():
            blank(m.start(), m.end())  # an ideographic space (U+3000) is a space, not prose
        elif depths[m.start()] == 0:
            notes.append((m.start(), m.end(), m.group(0)))
            blank(m.start(), m.end())

    proof_end = PROOF_END.search(text)
    if proof_end is not None:  # E[K] = np \quad \Box: the end of a proof, no factor
        notes.append((proof_end.start(1), proof_end.end(1), proof_end.group(1)))
        blank(proof_end.start(), proof_end.end())  # with the spacing and a full stop
    body = "".join(out)
    elision = ELISION.fullmatch(body)
    if elision is not None:  # &\vdots, &...: a row that elides the rows between, no formula
        notes.append((elision.start(1), elision.end(1), elision.group(1)))
        blank(elision.start(1), elision.end(1))
        body = "".join(out)
    stripped = body.strip()
    first = body.find(stripped[:1]) if stripped else len(body)
    last = first + len(stripped) - 1
    if _inside_cjk_prose(notes, first, last, body):
        # 対数の公式①より、 \log のかけ算をたし算に変形: a command written inside a sentence
        # is part of the sentence, not a formula (there is no relation in it).
        start = min(s for s, _, _ in notes)
        end = max(e for _, e, _ in notes)
        notes = [(s, e, t) for s, e, t in notes if e <= start or s >= end]
        notes.append((start, end, _clean_prose(text[start:end])))
        blank(start, end)
        body = "".join(out)
        stripped = body.strip()
        first = body.find(stripped[:1]) if stripped else len(body)
        last = first + len(stripped) - 1
    for start, end, _ in notes:
        if first < start and last >= end:
            raise LatexError(
                "prose in the middle of a formula: put it before or after the formula",
                column=base + start + 1,
            )
        word = text[start:end]
        if end <= first and _used_as_a_name(word, body[first:]):
            # \text{cost} - 5 = -5 was read as -5 = -5 (the word dropped as prose): verified
            raise LatexError(
                f"a word in text, {word.strip()}, is a term of the formula here (an operator "
                "follows it): write it as a name, \\mathrm{...}, or put the words outside "
                "the formula",
                column=base + start + 1,
            )
    body = _blank_final_punctuation(scripts_in_order(body))
    notes.sort()
    annotation = " ".join([note for _, _, note in notes if note] + relation_notes) or None
    return Decorated(body, tag, annotation)


# amssymb's \varpropto is \propto (read where rows are split by their relations)
_VARPROPTO = re.compile(r"\\varpropto(?![A-Za-z])")


# A row ending in dots and a number in parentheses, \cdots (1), \quad \cdots \quad (2.3): the
# equation's number, as Japanese textbooks write it (式 (1)).
# An equation number in parentheses, (1), ( 2), (3.1), (2-4), (4a): the one grammar for it
# (here after dots, in latex/rows.py alone in an align column).
NUMBER_IN_PARENTHESES = r"\(\s*(\d+(?:[.-]\d+)*[a-z]?)\s*\)"
_DOTS_NUMBER = re.compile(
    r"(?:\\q?quad|\\[,;:! ]|\s)*\\(?:cdots|ldots|dots)(?![A-Za-z])(?:\\q?quad|\\[,;:! ]|\s)*"
    + NUMBER_IN_PARENTHESES
    + r"\s*$"
)
# ... and a number in parentheses set apart by a wide space at the end of a row, a = b \quad
# (1.113): how authors number an equation by hand (a factor is never set apart by \quad)
_SPACED_NUMBER = re.compile(
    r"\\(?:q?quad|hspace\*?\{[^{}]*\})(?![A-Za-z])(?:\\q?quad|\\[,;:! ]|\s)*"
    + NUMBER_IN_PARENTHESES
    + r"\s*[.,]?\s*$"
)
# ... and a reference mark in parentheses ending a row, with or without spacing before it:
# a = b (※1), a = b \quad （※）: Japanese authors' label for a note below (no factor holds ※)
_KOME_LABEL = re.compile(
    r"(?:\\q?quad|\\[,;:! ]|\s)*[(（]\s*(※\s*[0-9０-９]*)\s*[)）]\s*[.,。、]?\s*$"
)
_RELATION = re.compile(r"[=<>]|\\(?:le|leq|ge|geq|lt|gt|neq|approx)(?![A-Za-z])")
_BEFORE_DOTS = re.compile(r"(?:[-+=,(\[{&]|\\(?:cdot|times|pm|mp|le|leq|ge|geq|lt|gt|neq))\s*$")


def _dots_number(text: str) -> tuple[int, str] | None:
    """``(offset, number)`` when ``text`` ends in dots, or a wide space (``\\quad``,
    ``\\qquad``, ``\\hspace``), and a number in parentheses after a whole formula
    (``\\frac{x^k}{k!} \\cdots (1)``, ``a = b \\quad (1.113)``): an equation number, as
    ``\\tag{1}``;
    None otherwise. Dots after an operator (``a_1 + \\cdots + (1)``, ``x \\cdot \\cdots (1)``)
    are an ellipsis of the formula, read (or rejected) as such."""
    m = _DOTS_NUMBER.search(text) or _SPACED_NUMBER.search(text) or _KOME_LABEL.search(text)
    if m is None:
        return None
    before = text[: m.start()]
    if not before.strip() or _BEFORE_DOTS.search(before) or "\\tag" in before:
        return None
    if not _RELATION.search(before):
        return None  # x_1 x_2 \cdots (1): no equation to number
    return m.start(), m.group(1)


_BRACES = {"underbrace": "_", "overbrace": "^"}


def _brace_label(text: str, end: int, script: str, column: int):
    """For ``\\underbrace{A}_{label}`` (``\\overbrace{A}^{label}``) with the command ending at
    ``end``: (offset of the script sign, offset after the label, the label as prose), or None
    without a label. The label is commentary, never a fact: it is kept as the row's annotation
    only (``_{E[c] = c}`` is not used as an equation). Raises LatexError when the argument is
    not in braces or the label is missing."""
    arg = braced_argument(text, end)
    if arg is None:
        raise LatexError(
            "\\underbrace and \\overbrace need their argument in braces", column=column
        )
    j = _after_spaces(text, arg[1] + 1)
    if j >= len(text) or text[j] not in "_^":
        return None
    if text[j] != script:
        raise LatexError(_SCRIPT_ON_BRACE, column=column)
    label = braced_argument(text, j + 1)
    if label is not None:
        stop, note = label[1] + 1, text[label[0] + 1 : label[1]]
    else:
        k = _after_spaces(text, j + 1)
        if k >= len(text):
            raise LatexError("a label is missing after the brace's script", column=column)
        m = _COMMAND_NAME.match(text, k + 1) if text[k] == "\\" else None
        stop = k + 1 + len(m.group(0)) if m else k + 1
        note = text[k:stop]
    after = _after_spaces(text, stop)
    if after < len(text) and text[after] in "_^":
        # TeX puts a second script above (below) the brace too: a label, never a power
        raise LatexError(_SCRIPT_ON_BRACE, column=column)
    return j, stop, _clean_prose(_REFERENCE.sub(r"\1", note))


_SCRIPT_ON_BRACE = (
    "a script on \\underbrace or \\overbrace other than its label is set above or below the "
    "brace (a label, not a power): put the brace in parentheses before raising it"
)


def _after_spaces(text: str, j: int) -> int:
    while j < len(text) and text[j] in " \t\r\n":
        j += 1
    return j


# TeX's spacing, which typesets nothing but space: \, \; \: \! \> \  ~ \thinspace \quad ...
_SPACING = re.compile(
    r"(?:\s|~|\\[,;:!> ]|\\(?:thinspace|medspace|thickspace|negthinspace|negmedspace"
    r"|enspace|quad|qquad)(?![A-Za-z])|\\hspace\*?\s*\{[^{}]*\})+"
)


def _after_spacing(text: str, j: int) -> int:
    """Where ``text`` goes on after white space and TeX's spacing commands from ``j``."""
    m = _SPACING.match(text, j)
    return m.end() if m else j


_DEFINITION_MARKS = {"def", "def.", "\\triangle", "\\Delta", "\\mathrm{def}", "\\text{def}"}
_REFERENCE = re.compile(r"\\(?:text|mathrm|textrm|eqref|ref)\s*\{([^{}]*)\}")


def _annotated_equals(text: str, end: int, column: int):
    """``\\overset{note}{=}`` or ``\\stackrel{note}{=}`` after ``end``: (offset of the ``=``,
    offset after it all, the note as prose, whether the note says "by definition"); None when
    the second argument is not ``=`` (then the command stays unsupported). A note ``!`` (a
    condition imposed, "set equal") is rejected: it is not an identity to check."""
    note_arg = braced_argument(text, end)
    relation = braced_argument(text, note_arg[1] + 1) if note_arg else None
    if relation is None or text[relation[0] + 1 : relation[1]].strip() != "=":
        return None
    note = text[note_arg[0] + 1 : note_arg[1]].strip()
    if note == "!":
        raise UnsupportedLatex(
            "not supported: \\overset{!}{=} (a condition imposed, not an identity)",
            column=column,
        )
    equals = text.index("=", relation[0])
    definition = note.replace(" ", "") in _DEFINITION_MARKS
    return equals, relation[1] + 1, _clean_prose(_REFERENCE.sub(r"\1", note)), definition


_NAME_WORD = re.compile(r"[A-Za-z]{2,}")
# an operator's name as ML posts set it in \text: two capitals or more (ELBO, KL, ReLU, MSE)
_ACRONYM = re.compile(r"(?=(?:[a-z]*[A-Z]){2})[A-Za-z]{2,}")
# words of prose that may stand before brackets in a formula (\text{if} (x > 0)), and
# statistics' names: never an operator's name
_STATISTICS = frozenset(
    {"variance", "covariance", "expectation", "mean", "std", "sd", "corr", "correlation"}
    | {"prob", "probability", "cov", "var", "expected"}
)
_PROSE_BEFORE_PARENTHESES = frozenset(
    {"if", "for", "where", "when", "and", "or", "with", "otherwise", "as", "at", "by", "since"}
    | {"because", "then", "so", "let", "subject", "to", "else", "on", "in", "of", "is", "st"}
    | {"iff", "all", "each", "every", "some", "any", "from", "over", "under", "thus", "hence"}
    # statistics spelled out, which eqchain reads in other spellings (\mathrm{Var}): never an
    # unknown operator of the same name
    | _STATISTICS
)
_AFTER_NAME = "=+-*/^_()[],"
# the font sizes: \Large{a + a = 2a} sets its group in a size, which typesets nothing else
_SIZES = ("tiny", "scriptsize", "footnotesize", "small", "normalsize", "large", "Large", "LARGE",
          "huge", "Huge")  # fmt: skip
# (a sizing command, \mathrm{KL} \big( q || p \big), before its bracket, as \left is)
_AFTER_NAME_COMMANDS = (
    "\\left", "\\right", "\\cdot", "\\times", "\\div", "\\coloneqq", "\\big", "\\Big",
)  # fmt: skip


def _upright_name(text: str, start: int, after: int, content: str) -> bool:
    """Whether ``\\mathrm{content}`` (from ``start`` to before ``after``) is a multi-letter name
    such as ``\\mathrm{BCE}`` or an operator name ``\\mathrm{Var}(x)``, not prose: one word of
    letters followed by an operator, a bracket or a script, or ending the row after an
    operator (``L = \\mathrm{BCE}``)."""
    if not _NAME_WORD.fullmatch(content):
        return False
    j = _after_spacing(text, after)
    if j < len(text):
        return text[j] in _AFTER_NAME or text.startswith(_AFTER_NAME_COMMANDS, j)
    k = start - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k >= 0 and text[k] in "=+-*/("


_WORDS = re.compile(r"[\\A-Za-z\s]+")


def _inside_cjk_prose(notes, first: int, last: int, body: str) -> bool:
    """Whether the row's mathematics (``body[first:last + 1]``) stands between two runs of
    Japanese (or Chinese) prose and is only commands and letters (``\\log``, ``\\log x``: no
    operator, number or relation): then it is a word of the sentence."""
    if not body.strip():
        return False
    cjk = [(s, e) for s, e, t in notes if _CJK.search(t or "")]
    before = any(e <= first for _, e in cjk)
    after = any(s > last for s, _ in cjk)
    math = body[first : last + 1]
    return before and after and _WORDS.fullmatch(math) is not None


# The variance and covariance by their names in any upright spelling: \text{var}(X),
# \mathrm{Var}(X), \operatorname{cov}(X, Y) (parser.Parser.moment reads them).
MOMENT_WORDS = {"Var": "Var", "var": "Var", "Cov": "Cov", "cov": "Cov"}


# Well-known functions by the names a text command may hold before parentheses, \text{sign}(x)
# (parser._UPRIGHT_FUNCTIONS reads them).
UPRIGHT_FUNCTION_WORDS = frozenset(
    {"erf", "sign", "sgn", "sech", "csch", "coth", "arsinh", "arcsinh", "arcosh", "arccosh"}
    | {"artanh", "arctanh", "arccot", "arcsec", "arccsc"}
)  # the parser's _UPRIGHT_FUNCTIONS: never prose (\mathrm{sech} z was read as z)


def law_name(content: str) -> bool:
    """Whether ``content`` names a law of the table of densities (``Exp``, ``Bern``, ``Poisson``),
    which a text command may hold before its parameters as \\mathrm does."""
    from eqchain.densities import DENSITIES

    word = content.strip()
    return len(word) > 1 and any(word in d.names for d in DENSITIES)


def _before_parentheses(text: str, j: int) -> bool:
    """Whether parentheses (``\\left(`` too) open at ``text[j:]``, after spaces and a power
    (``\\mathrm{sech}^2(z)``, ``^{2}``)."""
    j = _after_spacing(text, j)
    power = re.match(r"\^\s*(?:\{[^{}]*\}|\w)", text[j:])
    if power is not None:
        j = _after_spacing(text, j + power.end())
    return j < len(text) and (text[j] == "(" or re.match(r"\\left\s*\(", text[j:]) is not None)


def _before_brackets(text: str, j: int) -> bool:
    """Whether parentheses or square brackets (``\\left(`` too) open at ``text[j:]``, after
    spaces."""
    j = _after_spacing(text, j)
    return j < len(text) and (text[j] in "([" or text.startswith("\\left", j))


# The end of a left subscript on nothing, ``{}_n``, ``{}_{n-1}``, ``{_n}``, ``_n``, before the C
# of a combination (the parser decides, names.combination_parts; this only keeps the letter).
_LEFT_SUBSCRIPT_END = re.compile(r"_\s*(?:\{[^{}]*\}|[A-Za-z0-9])\s*\}?\s*$")


def _combination_letter(text: str, start: int, after: int, content: str) -> bool:
    """Whether ``\\text{C}`` (or ``P``) from ``text[start]`` to ``text[after]`` is the letter of
    ``{}_n\\text{C}_k``: one letter C or P, a left subscript before it and ``_`` after it."""
    if content.strip() not in ("C", "P"):
        return False
    j = _after_spaces(text, after)
    return j < len(text) and text[j] == "_" and _LEFT_SUBSCRIPT_END.search(text[:start]) is not None


# what may follow an upright word and end or continue the formula without being its operand:
# a relation, an operator, punctuation, the end of a row or cell, more words
_NOT_AN_OPERAND = re.compile(
    r"[=<>+*/,.;:&)\]}^_'!?]|\\\\|\\(?:le|leq|ge|geq|lt|gt|ne|neq|approx|equiv|sim|simeq"
    r"|propto|to|rightarrow|Rightarrow|Longrightarrow|iff|implies|in|notin|cdot|times|pm|mp|div"
    r"|ast|circ|end|tag|label|nonumber|notag|text|textrm|textit|textbf|textsf|textnormal|mbox"
    r"|right|middle|mid|quad|qquad|cdots|ldots|dots)(?![A-Za-z])"
)


def _operand_follows(text: str, after: int) -> bool:
    """Whether an operand (a letter, a number, a command that starts one, a group, a bracket)
    follows ``after``, past white space and TeX's spacing: \\mathrm{Var}\\, X, \\mathrm{tr}~A,
    \\mathrm{Var}\\,{X}."""
    j = _after_spacing(text, after)
    if j >= len(text) or text[j] in "([" or re.match(r"\\(?:left|[bB]igg?l?)(?![a-z])", text[j:]):
        return False  # brackets: an argument (\text{divergence}(q \| p): applied to it)
    return _NOT_AN_OPERAND.match(text, j) is None


def _operator_word(command: str, word: str) -> bool:
    """Whether an upright ``word`` set by ``command`` may name an operator before its operand:
    in ``\\mathrm`` any word but prose's (math is set there); in a text command (prose's own
    place: ``\\text{Clearly}\\quad x = 1``) only an operator's name eqchain knows or an acronym
    (``\\text{Var}``, ``\\text{tr}``, ``\\textbf{KL}``)."""
    if not _NAME_WORD.fullmatch(word) or word.lower() in _CONNECTIVES:
        return False
    if word.lower() in _PROSE_BEFORE_PARENTHESES and word.lower() not in _STATISTICS:
        return False
    if command == "mathrm":
        return True
    return (
        word.lower() in _STATISTICS
        or word in MOMENT_WORDS
        or word in UPRIGHT_FUNCTION_WORDS
        or word.lower() in _OPERATOR_WORDS
        or _ACRONYM.fullmatch(word) is not None
    )


# operators' names an author may set in a text command before their operand
_OPERATOR_WORDS = frozenset(
    {"tr", "trace", "diag", "rank", "det", "softmax", "sigmoid", "relu", "sgn", "sign", "exp"}
    | {"log", "ln", "max", "min", "argmax", "argmin", "pr", "e", "p", "std", "erf", "logit"}
)


def _reject_operator_name(text: str, after: int, command: str, content: str, column: int):
    word = content.strip()
    if _operator_word(command, word) and _operand_follows(text, after):
        # \mathrm{Var}\, X = 3 was read X = 3 (the word dropped as prose before the formula),
        # \mathrm{tr}\, A the same, \mathrm{Var}\,(X) = 1 too: an operator's name before its
        # operand (red team s47)
        raise UnsupportedLatex(
            f"ambiguous: \\{command}{{{word}}} before an operand without parentheses may be that "
            f"operator applied to it or words before the formula: write \\mathrm{{{word}}}(x) "
            "for the operator, or the words outside the formula",
            column=column,
        )
    j = _after_spacing(text, after)
    bracket = j < len(text) and (
        text[j] in "([" or re.match(r"\\[bB]igg?l?(?![a-z])", text[j:]) is not None
    )
    if j < len(text) and (text[j] in "(_^" or (bracket and _operator_word(command, word))):
        raise UnsupportedLatex(
            f"not supported: the operator \\{command}{{{content.strip()}}} applied to an argument",
            column=column,
        )
    if text.startswith("\\left", j):
        raise UnsupportedLatex(
            f"not supported: the operator \\{command}{{{content.strip()}}} applied to an argument",
            column=column,
        )


def _after_script_sign(text: str, i: int) -> bool:
    """Whether the command at ``text[i]`` stands right after ``_`` or ``^`` (spaces between):
    written without braces (``D_\\text{KL}``), it is the script's one-token argument, which
    TeX expands with its braced text, so the script is that text (``D_{\\text{KL}}``)."""
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j >= 0 and text[j] in "_^" and (j == 0 or text[j - 1] != "\\")


def _clean_prose(content: str) -> str:
    return " ".join(content.replace("$", " ").split())


_BECAUSE = re.compile(r"\\because(?![A-Za-z])")
_OPENING = re.compile(r"(?:\\(?:left|bigl|Bigl|biggl|Biggl|big|Big)\s*)?\($")


def _justification(text: str) -> tuple[int, str] | None:
    """A reason written after the formula with ``\\because`` (∵): ``a = b \\quad (\\because
    x > 0)``, ``a = b \\ \\because (1)``: (offset where it starts, its text as prose), when it
    runs to the end of the row (its parentheses closing last) outside braces; None otherwise
    (a \\because anywhere else stays unsupported)."""
    m = _BECAUSE.search(text)
    if m is None or _BECAUSE.search(text, m.end()) is not None:
        return None
    if _depths(text)[m.start()] != 0:
        return None
    before = text[: m.start()].rstrip()
    opening = _OPENING.search(before)
    start = m.start() if opening is None else opening.start()
    if opening is not None:
        depth, k = 1, m.end()
        while k < len(text) and depth:
            if text[k] == "(":
                depth += 1
            elif text[k] == ")":
                depth -= 1
            k += 1
        if depth:
            return None
        if text[k:].strip(" \t\r\n.,;"):
            return None  # more formula after the parentheses
    reason = text[m.end() :].strip(" \t\r\n.,;")
    if opening is not None:  # its closing parenthesis (and \right, \bigr) is no part of it
        reason = re.sub(r"(?:\\(?:right|bigr|Bigr|biggr|Biggr|big|Big)\s*)?\)$", "", reason)
    reason = _clean_prose(_REFERENCE.sub(r"\1", reason)).strip()
    return start, f"∵ {reason}" if reason else "∵"


def scripts_in_order(text: str) -> str:
    """``text`` with every superscript written before its subscript moved after it:
    ``\\sigma^2_{ML}`` is ``\\sigma_{ML}^2``, ``\\prod^N_{n=1}`` is ``\\prod_{n=1}^N``,
    ``\\int^b_a`` is ``\\int_a^b``. TeX sets both scripts on the same base whatever their order,
    so the two spellings mean one thing; the reader reads subscript first. The length is kept
    (offsets point at what the author wrote, within the two scripts' span)."""
    if "^" not in text or "_" not in text:
        return text
    out = text
    i = 0
    while True:
        i = out.find("^", i)
        if i < 0:
            return out
        if i > 0 and out[i - 1] == "\\":
            i += 1
            continue
        sup_end = _script_end(out, i + 1)
        if sup_end is None:
            i += 1
            continue
        j = sup_end
        while j < len(out) and out[j] in " \t":
            j += 1
        if j >= len(out) or out[j] != "_":
            i += 1
            continue
        sub_end = _script_end(out, j + 1)
        if sub_end is None:
            i += 1
            continue
        out = out[:i] + out[j:sub_end] + out[sup_end:j] + out[i:sup_end] + out[sub_end:]
        i = sub_end


def _script_end(text: str, k: int) -> int | None:
    """The offset after the script that starts at ``text[k]`` (after ``^`` or ``_``): a braced
    group, a command (with its braced argument: ``\\mathrm{T}``) or one character; None when
    there is none or its braces do not close."""
    while k < len(text) and text[k] in " \t":
        k += 1
    if k >= len(text):
        return None
    if text[k] == "{":
        arg = braced_argument(text, k)
        return None if arg is None else arg[1] + 1
    if text[k] == "\\":
        m = _COMMAND_NAME.match(text, k + 1)
        if m is None:
            return k + 2 if k + 1 < len(text) else None
        end = k + 1 + len(m.group(0))
        if end < len(text) and text[end] == "{":
            arg = braced_argument(text, end)
            return None if arg is None else arg[1] + 1
        return end
    return None if text[k] in "^_}" else k + 1


def _depths(text: str) -> list[int]:
    """Brace depth at each offset of ``text`` (escaped braces do not count)."""
    depths = [0] * (len(text) + 1)
    depth, i = 0, 0
    while i < len(text):
        depths[i] = depth
        if text[i] == "\\" and i + 1 < len(text):
            depths[i + 1] = depth
            i += 2
            continue
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
        i += 1
    depths[len(text)] = depth
    return depths


def _blank_final_punctuation(body: str) -> str:
    """A displayed formula may end its sentence: ``y = x + 1.`` The final ``.``/``,``/``;`` is
    punctuation, not mathematics."""
    stripped = body.rstrip()
    if stripped and stripped[-1] in ".,;" and stripped[:-1].strip():
        if not (len(stripped) > 1 and stripped[-2] == "\\"):
            k = len(stripped) - 1
            return body[:k] + " " + body[k + 1 :]
    return body
