"""An author's LaTeX macros, expanded in display math before it is read.

Definitions: ``\\newcommand``, ``\\renewcommand``, ``\\providecommand`` (starred or not, with
``[n]`` parameters and an optional ``[default]`` for the first), ``\\DeclareMathOperator``
(``\\KL`` becomes ``\\operatorname{KL}``: an operator name, not a product of letters), and
``\\def``/``\\gdef`` without parameters or with ``#1#2...`` ones; also a MathJax/KaTeX macro
table (``{"\\\\E": "\\\\mathbb{E}", "\\\\sq": ["#1^{2}", 1]}``).

Expansion is TeX's for these simple macros: a use takes its arguments (a braced group or one
token), ``#n`` in the body is replaced, and the result is expanded again, up to
:data:`MAX_DEPTH` levels and :data:`MAX_EXPANDED` characters (a macro that uses itself would
never end). Lines are kept: an expansion stands on the line of the macro's use, and the line
breaks its arguments held are put after it, so the text after it keeps its line (and its
column, padded with spaces, unless an expansion on the same line is longer than its use).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from eqchain.errors import InputError

MAX_DEPTH = 32  # macros expanding to macros: deeper than this is a macro that uses itself
MAX_EXPANDED = 100_000  # characters of expanded math, as eqchain.latex.read.MAX_LENGTH
DEFINERS = ("newcommand", "renewcommand", "providecommand", "DeclareMathOperator", "def", "gdef")


@dataclass(frozen=True)
class Macro:
    """``\\name``: ``params`` arguments, the first optional with ``default`` when not None."""

    name: str
    params: int
    body: str
    default: str | None = None


class MacroError(InputError):
    """A macro that cannot be expanded; ``offset`` is where its use starts in the text."""

    def __init__(self, message: str, offset: int):
        super().__init__(message)
        self.offset = offset

    def __reduce__(self):
        return (type(self), (self.message, self.offset))


def expand(text: str, macros: dict[str, Macro]) -> str:
    """``text`` with every use of a macro in ``macros`` expanded; definitions met on the way
    (MathJax lets a formula define macros for the ones after it) are added to ``macros`` and
    blanked in the result, keeping their line breaks. Comments are kept as written.

    Raises MacroError for a use that lacks an argument, expands too deeply or too large."""
    return _expand(text, macros, 0, 0)


def _expand(text: str, macros: dict[str, Macro], depth: int, origin: int) -> str:
    out: list[str] = []
    size = 0
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "%":
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(text[i:j])
            i = j
            continue
        if c != "\\" or i + 1 >= n:
            out.append(c)
            size += 1
            i += 1
            continue
        name, after = control_sequence(text, i)
        where = origin if depth else i
        if name in DEFINERS:
            macro, end = read_definition(text, i)
            if macro is not None:
                if not (name == "providecommand" and macro.name in macros):
                    macros[macro.name] = macro
                out.append(_blank(text[i:end]))
                i = end
                continue
        if name in macros and depth >= MAX_DEPTH:
            raise MacroError(f"macro \\{name} expands more than {MAX_DEPTH} levels deep", where)
        if name in macros:
            macro = macros[name]
            args, end = _arguments(text, after, macro, where)
            body = _expand(_substitute(macro.body, args), macros, depth + 1, where)
            piece = body.replace("\n", " ")
            if end < n and piece[-1:].isalpha() and text[end].isalpha() and "\\" in piece:
                piece += " "  # `\E` ending in a control word must not swallow the next letter
            size += len(piece)
            out.append(piece + (_keep_columns(text, i, end, len(piece)) if not depth else ""))
            i = end
        else:
            out.append(text[i:after])
            size += after - i
            i = after
        if size > MAX_EXPANDED:
            raise MacroError(f"macros expand to more than {MAX_EXPANDED} characters", where)
    return "".join(out)


def control_sequence(text: str, i: int) -> tuple[str, int]:
    """The name of the control sequence at ``text[i] == "\\\\"`` and the offset after it."""
    j = i + 1
    if j < len(text) and (text[j].isascii() and text[j].isalpha() or text[j] == "@"):
        while j < len(text) and (text[j].isascii() and text[j].isalpha() or text[j] == "@"):
            j += 1
        return text[i + 1 : j], j
    return text[i + 1 : j + 1], min(j + 1, len(text))


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\n\r":
        i += 1
    return i


def read_group(text: str, i: int) -> tuple[str, int] | None:
    """The content of the balanced ``{...}`` at ``text[i]``, and the offset after it; None
    when there is none or it is not closed. Escaped braces do not count."""
    if i >= len(text) or text[i] != "{":
        return None
    depth, j = 0, i
    while j < len(text):
        c = text[j]
        if c == "\\":
            j += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return text[i + 1 : j], j + 1
        j += 1
    return None


def _read_bracket(text: str, i: int) -> tuple[str, int] | None:
    """The content of ``[...]`` at ``text[i]`` (brackets inside braces do not close it)."""
    if i >= len(text) or text[i] != "[":
        return None
    depth, j = 0, i + 1
    while j < len(text):
        c = text[j]
        if c == "\\":
            j += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif c == "]" and depth == 0:
            return text[i + 1 : j], j + 1
        j += 1
    return None


def _argument(text: str, i: int) -> tuple[str, int] | None:
    """One undelimited argument: a braced group's content, or a single token."""
    i = _skip_space(text, i)
    if i >= len(text) or text[i] == "}":
        return None
    if text[i] == "{":
        return read_group(text, i)
    if text[i] == "\\":
        _, end = control_sequence(text, i)
        return text[i:end], end
    return text[i], i + 1


def _arguments(text: str, i: int, macro: Macro, where: int) -> tuple[list[str], int]:
    args: list[str] = []
    count = macro.params
    if macro.default is not None and count:
        j = _skip_space(text, i)
        bracket = _read_bracket(text, j)
        if bracket is not None:
            args.append(bracket[0])
            i = bracket[1]
        else:
            args.append(macro.default)
        count -= 1
    for _ in range(count):
        found = _argument(text, i)
        if found is None:
            raise MacroError(
                f"macro \\{macro.name} needs {macro.params} argument"
                + ("s" if macro.params > 1 else ""),
                where,
            )
        args.append(found[0])
        i = found[1]
    return args, i


def _substitute(body: str, args: list[str]) -> str:
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c == "#" and i + 1 < len(body):
            nxt = body[i + 1]
            if nxt == "#":
                out.append("#")
                i += 2
                continue
            if nxt.isdigit() and 0 < int(nxt) <= len(args):
                arg = args[int(nxt) - 1]
                follows = body[i + 2 : i + 3]
                if follows.isalpha() and "\\" in arg and arg[-1:].isalpha():
                    arg += " "  # `#1x` with #1 = \alpha must stay \alpha x
                out.append(arg)
                i += 2
                continue
        out.append(c)
        i += 1
    return "".join(out)


def _keep_columns(text: str, start: int, end: int, written: int) -> str:
    """What follows an expansion of ``text[start:end]`` that is ``written`` characters long,
    so that the text after it keeps its line, and its column unless the expansion is longer
    on the same line: the line breaks of the arguments, then spaces."""
    breaks = text.count("\n", start, end)
    if breaks:
        return "\n" * breaks + " " * (end - text.rfind("\n", start, end) - 1)
    return " " * max(0, end - start - written)


def _blank(text: str) -> str:
    return "".join(c if c == "\n" else " " for c in text)


# -- definitions -----------------------------------------------------------------------------


def read_definition(text: str, i: int) -> tuple[Macro | None, int]:
    """The definition starting with the definer at ``text[i]`` (``\\newcommand``, ``\\def``,
    ...), and the offset after it; (None, offset after the definer's name) when it is not one
    eqchain expands (``\\def`` with delimited parameters, a missing body)."""
    definer, j = control_sequence(text, i)
    failed: tuple[Macro | None, int] = (None, j)
    if definer in ("def", "gdef"):
        j = _skip_space(text, j)
        if j >= len(text) or text[j] != "\\":
            return failed
        name, j = control_sequence(text, j)
        params = 0
        while j + 1 < len(text) and text[j] == "#" and text[j + 1] == str(params + 1):
            params += 1
            j += 2
        group = read_group(text, j)
        if group is None:
            return failed
        return Macro(name, params, group[0]), group[1]
    star = text.startswith("*", j)
    j = _skip_space(text, j + 1 if star else j)
    name_group = read_group(text, j)
    if name_group is not None:
        target, j = name_group[0].strip(), name_group[1]
    elif text.startswith("\\", j):
        start = j
        _, j = control_sequence(text, j)
        target = text[start:j]
    else:
        return failed
    if not target.startswith("\\"):
        return failed
    name = target[1:]
    if definer == "DeclareMathOperator":
        group = read_group(text, _skip_space(text, j))
        if group is None:
            return failed
        operator = "\\operatorname*" if star else "\\operatorname"
        return Macro(name, 0, f"{operator}{{{group[0]}}}"), group[1]
    params, default = 0, None
    bracket = _read_bracket(text, _skip_space(text, j))
    if bracket is not None:
        if not bracket[0].strip().isdigit():
            return failed
        params, j = int(bracket[0]), bracket[1]
        bracket = _read_bracket(text, _skip_space(text, j))
        if bracket is not None:
            default, j = bracket
    group = read_group(text, _skip_space(text, j))
    if group is None or not 0 <= params <= 9:
        return failed
    return Macro(name, params, group[0], default), group[1]


def definitions(text: str, macros: dict[str, Macro] | None = None) -> dict[str, Macro]:
    """The macros defined in LaTeX ``text`` (a preamble, a ``.sty``), added to a copy of
    ``macros``; comments and everything that is not a definition are passed over."""
    found = dict(macros or {})
    text = _without_comments(text)
    i = text.find("\\")
    while i >= 0:
        name, after = control_sequence(text, i)
        if name in DEFINERS:
            macro, after = read_definition(text, i)
            if macro is not None and not (name == "providecommand" and macro.name in found):
                found[macro.name] = macro
        i = text.find("\\", after)
    return found


def _without_comments(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        k = 0
        while (k := line.find("%", k)) >= 0:
            if k == 0 or line[k - 1] != "\\":
                line = line[:k]
                break
            k += 1
        lines.append(line)
    return "\n".join(lines)


def from_table(data: Mapping) -> dict[str, Macro]:
    """Macros from a MathJax (``{"E": "\\\\mathbb{E}", "sq": ["#1^{2}", 1]}``, a list may
    add a default for the first argument) or KaTeX (``{"\\\\E": "\\\\mathbb{E}"}``, the
    number of arguments is the highest ``#n`` of the body) macro table. Raises InputError
    for an entry it cannot read."""
    out: dict[str, Macro] = {}
    for key, value in data.items():
        name = str(key).removeprefix("\\")
        if isinstance(value, str):
            params = max((int(value[k + 1]) for k in _hashes(value)), default=0)
            out[name] = Macro(name, params, value)
        elif (
            isinstance(value, list)
            and 2 <= len(value) <= 3
            and isinstance(value[0], str)
            and isinstance(value[1], int)
            and 0 <= value[1] <= 9
        ):
            default = str(value[2]) if len(value) == 3 else None
            out[name] = Macro(name, value[1], value[0], default)
        else:
            raise InputError(
                f"cannot read the macro '{key}' (write a body, or [body, number of arguments])"
            )
    return out


def _hashes(body: str):
    return [k for k in range(len(body) - 1) if body[k] == "#" and body[k + 1] in "123456789"]


def load_macros(path: str) -> dict[str, Macro]:
    """The macros of ``path``: a JSON macro table (``.json``), else LaTeX definitions (a
    ``.tex``/``.sty`` preamble). Raises InputError (with the file) when it cannot be read."""
    from eqchain.load.document import MAX_BYTES
    from eqchain.load.files import read_text

    text = read_text(path, MAX_BYTES)
    if path.lower().endswith(".json"):
        try:
            data = json.loads(text)
        except ValueError as err:
            raise InputError(f"not a JSON macro table: {err}", path) from None
        if isinstance(data, dict) and isinstance(data.get("macros"), dict):
            data = data["macros"]  # a MathJax/KaTeX configuration holding the table
        if not isinstance(data, dict):
            raise InputError("a JSON macro table is an object of macro names", path)
        try:
            return from_table(data)
        except InputError as err:
            raise err.located(path) from None
    try:
        return definitions(text)
    except InputError as err:
        raise err.located(path) from None
