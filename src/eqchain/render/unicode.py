r"""LaTeX math as one line of Unicode, for the terminal: ``\frac{\partial \mathcal{L}}{\partial
y_{k}} = \frac{t_{k}}{y_{k}} - \lambda`` reads ``∂ℒ/∂y_k = t_k/y_k − λ``.

A small recursive reader of the LaTeX that eqchain prints and that authors write: groups,
subscripts and superscripts, fractions, roots, big operators, fonts, accents, Greek letters and
relation signs. It never evaluates anything and never fails: a command it does not know is
written as its name without the backslash, so the result holds no backslash at all. It is for
reading only; LaTeX, Markdown and JSON outputs keep the LaTeX as it is.

Conventions: a fraction is ``a/b`` with parentheses around a side that is not one term
(``(a + b)/c``); a one-character subscript or superscript is ``y_k``, ``x^n``, digits up are
superscript digits (``y_k²``), anything longer keeps braces (``Σ_{k=1}^{K}``); the minus sign is
``−``; ``\left(`` and ``\right)`` are plain parentheses.
"""

from __future__ import annotations

import re
import unicodedata

from eqchain.latex.commands import GREEK_CHARACTERS

_GREEK = GREEK_CHARACTERS

_SYMBOLS = {
    "partial": "∂", "nabla": "∇", "infty": "∞", "cdot": "·", "times": "×", "div": "÷",
    "pm": "±", "mp": "∓", "geq": "≥", "ge": "≥", "leq": "≤", "le": "≤", "neq": "≠", "ne": "≠",
    "approx": "≈", "equiv": "≡", "sim": "∼", "simeq": "≃", "propto": "∝", "ll": "≪",
    "gg": "≫", "in": "∈", "notin": "∉", "ni": "∋", "subset": "⊂", "subseteq": "⊆",
    "supset": "⊃", "cup": "∪", "cap": "∩", "setminus": "∖", "emptyset": "∅", "forall": "∀",
    "exists": "∃", "neg": "¬", "land": "∧", "lor": "∨", "wedge": "∧", "vee": "∨",
    "to": "→", "rightarrow": "→", "leftarrow": "←", "Rightarrow": "⇒", "Leftarrow": "⇐",
    "implies": "⇒", "iff": "⇔", "Leftrightarrow": "⇔", "mapsto": "↦", "circ": "∘",
    "ldots": "…", "dots": "…", "cdots": "⋯", "vdots": "⋮", "ddots": "⋱", "prime": "′",
    "mid": "|", "vert": "|", "Vert": "‖", "|": "‖", "langle": "⟨", "rangle": "⟩",
    "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "lbrace": "{", "rbrace": "}",
    "{": "{", "}": "}", "_": "_", "%": "%", "$": "$", "#": "#", "&": "&", "backslash": "∖",
    "checkmark": "✓", "bullet": "•", "oslash": "⊘", "star": "⋆", "ast": "∗", "hbar": "ℏ",
    "ell": "ℓ", "Re": "ℜ", "Im": "ℑ", "aleph": "ℵ", "top": "⊤", "perp": "⊥",
    "oplus": "⊕", "otimes": "⊗", "int": "∫", "iint": "∬", "oint": "∮",
    "sum": "Σ", "prod": "∏", "coprod": "∐", "bigcup": "⋃", "bigcap": "⋂",
}  # fmt: skip
_SPACES = {",": " ", ";": " ", ":": " ", " ": " ", "quad": "  ", "qquad": "   ", "enspace": " ",
           "thinspace": " ", "medspace": " ", "thickspace": " ", "!": "", "negthinspace": "",
           "\\": "; ", "cr": "; ", "newline": "; "}  # fmt: skip
# Named functions written upright: \log x reads "log x".
_BIG_OPERATORS = {"sum", "prod", "coprod", "bigcup", "bigcap", "int", "iint", "oint"}
_FUNCTIONS = {
    "log", "ln", "exp", "sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh",
    "arcsin", "arccos", "arctan", "lim", "max", "min", "sup", "inf", "det", "dim", "ker",
    "deg", "gcd", "Pr", "arg", "argmax", "argmin", "sgn", "liminf", "limsup",
}  # fmt: skip
_FONTS_KEEP = {"mathrm", "mathit", "mathbf", "mathsf", "mathtt", "text", "textrm", "textit",
               "textbf", "operatorname", "boldsymbol", "bm", "mathnormal", "mbox", "hbox",
               "displaystyle", "textstyle", "scriptstyle"}  # fmt: skip
_SCRIPT = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "𝒜ℬ𝒞𝒟ℰℱ𝒢ℋℐ𝒥𝒦ℒℳ𝒩𝒪𝒫𝒬ℛ𝒮𝒯𝒰𝒱𝒲𝒳𝒴𝒵", strict=True))
_DOUBLE = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "𝔸𝔹ℂ𝔻𝔼𝔽𝔾ℍ𝕀𝕁𝕂𝕃𝕄ℕ𝕆ℙℚℝ𝕊𝕋𝕌𝕍𝕎𝕏𝕐ℤ", strict=True))
_ACCENTS = {"hat": "\u0302", "widehat": "\u0302", "bar": "\u0304", "overline": "\u0305",
            "tilde": "\u0303", "widetilde": "\u0303", "dot": "\u0307", "ddot": "\u0308",
            "vec": "\u20d7", "check": "\u030c", "breve": "\u0306", "acute": "\u0301",
            "grave": "\u0300", "underline": "\u0332"}  # fmt: skip
_SUPERSCRIPT = dict(zip("0123456789+-=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ", strict=True))
_DELIMITER_SIZES = {"left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl",
                    "Bigr", "biggl", "biggr", "Biggl", "Biggr", "middle"}  # fmt: skip
_DROPPED = {
    "limits",
    "nolimits",
    "notag",
    "nonumber",
    "label",
    "tag",
    "begin",
    "end",
    "phantom",
    "hphantom",
    "vphantom",
    "rm",
    "bf",
    "it",
    "sf",
    "tt",
    "cal",
}  # fmt: skip  (TeX's font switches: {\rm var})
_TAKES_ARGUMENT = {"label", "tag", "begin", "end", "phantom", "hphantom", "vphantom"}

_TOKEN = re.compile(r"\\([A-Za-z]+)|\\(.)|(\s+)|(.)", re.DOTALL)


def _tokens(tex: str) -> list[tuple[str, str]]:
    """(kind, value): ``cmd`` (a command's name), ``space``, or ``char``."""
    out = []
    for m in _TOKEN.finditer(tex):
        if m.group(1) is not None:
            out.append(("cmd", m.group(1)))
        elif m.group(2) is not None:
            out.append(("cmd", m.group(2)))
        elif m.group(3) is not None:
            out.append(("space", " "))
        else:
            out.append(("char", m.group(4)))
    return out


class _Reader:
    def __init__(self, tex: str):
        self.toks = _tokens(tex)
        self.i = 0

    def peek(self) -> tuple[str, str] | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> tuple[str, str]:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def skip_spaces(self) -> None:
        while self.peek() == ("space", " "):
            self.i += 1

    def sequence(self, stop: str | None = None) -> str:
        """Items up to the closing ``stop`` character (consumed) or the end."""
        out: list[str] = []
        while (tok := self.peek()) is not None:
            if tok == ("char", stop):
                self.i += 1
                break
            out.append(self.item())
        return "".join(out)

    def argument(self) -> str:
        """One argument: a braced group or a single token."""
        self.skip_spaces()
        tok = self.peek()
        if tok is None:
            return ""
        if tok == ("char", "{"):
            self.i += 1
            return self.sequence("}")
        return self.item()

    def raw_argument(self) -> str:
        """A braced argument's text as written (environment names, labels)."""
        self.skip_spaces()
        if self.peek() != ("char", "{"):
            return ""
        self.i += 1
        depth, out = 1, []
        while (tok := self.peek()) is not None:
            self.i += 1
            if tok == ("char", "{"):
                depth += 1
            elif tok == ("char", "}"):
                depth -= 1
                if not depth:
                    break
            out.append(tok[1])
        return "".join(out)

    def optional(self) -> str | None:
        self.skip_spaces()
        if self.peek() != ("char", "["):
            return None
        self.i += 1
        return self.sequence("]")

    def item(self) -> str:
        kind, value = self.take()
        if kind == "space":
            return " "
        if kind == "char":
            if value == "{":
                return self.sequence("}")
            if value in "_^":
                return self.script(value)
            if value == "-":
                return "−"
            if value in "&}":
                return ""
            if value == "~":
                return " "
            return value
        return self.command(value)

    def script(self, mark: str) -> str:
        self.skip_spaces()
        tok = self.peek()
        braced = tok == ("char", "{")
        body = self.argument().strip()
        if mark == "^" and body and all(c in _SUPERSCRIPT for c in body.replace("−", "-")):
            return "".join(_SUPERSCRIPT[c] for c in body.replace("−", "-"))
        if mark == "^" and body in ("′", "′′"):
            return body
        if len(body) == 1 and (body.isalnum() or not braced):
            return mark + body
        return f"{mark}{{{body}}}"

    def command(self, name: str) -> str:
        if name in _GREEK:
            return _GREEK[name]
        if name in _SPACES:
            return _SPACES[name]
        if name == "partial":  # ∂y, not ∂ y: the space only ends the command
            self.skip_spaces()
            return "∂"
        if name in _BIG_OPERATORS:  # limits keep their braces: Σ_{k=1}^{K}
            return _SYMBOLS[name] + self.limits()
        if name in _SYMBOLS:
            return _SYMBOLS[name]
        if name in _FUNCTIONS:  # "log y_k", but "log(L)" before a bracket or a group
            self.skip_spaces()
            nxt = self.peek()
            if nxt is None or nxt[1] in "{(_^" or nxt[1] in _DELIMITER_SIZES:
                return name
            return name + " "
        if name in ("frac", "dfrac", "tfrac", "cfrac"):
            num, den = self.argument(), self.argument()
            return f"{_operand(num)}/{_operand(den, denominator=True)}"
        if name == "binom":
            n, k = self.argument(), self.argument()
            return f"C({n.strip()}, {k.strip()})"
        if name == "sqrt":
            index = self.optional()
            body = self.argument().strip()
            root = {"3": "∛", "4": "∜"}.get((index or "").strip(), "√")
            prefix = "" if index is None or root != "√" else f"{index.strip()}"
            inner = body if _is_atom(body) else f"({body})"
            return prefix + root + inner
        if name == "mathcal" or name == "mathscr":
            body = self.argument().strip()
            return "".join(_SCRIPT.get(c, c) for c in body)
        if name == "mathbb":
            body = self.argument().strip()
            return "".join(_DOUBLE.get(c, c) for c in body)
        if name in _FONTS_KEEP:
            return self.argument() if name not in {"displaystyle", "textstyle"} else ""
        if name in _ACCENTS:
            body = self.argument().strip()
            if len(body) == 1:
                return body + _ACCENTS[name]
            return f"{name}({body})"
        if name in _DELIMITER_SIZES:
            self.skip_spaces()
            tok = self.peek()
            if tok is None:
                return ""
            self.i += 1
            if tok == ("char", "."):
                return ""
            if tok[0] == "cmd":
                return _SYMBOLS.get(tok[1], tok[1])
            return tok[1]
        if name in _DROPPED:
            if name in _TAKES_ARGUMENT:
                env = self.raw_argument()
                if name == "begin" and env in ("array", "tabular"):
                    self.raw_argument()
            return ""
        if self.peek() == ("char", "{"):  # unknown: its name, never a backslash
            return f"{name}({self.argument().strip()})"
        return name

    def limits(self) -> str:
        out = ""
        while True:
            save = self.i
            self.skip_spaces()
            tok = self.peek()
            if tok == ("cmd", "limits") or tok == ("cmd", "nolimits"):
                self.i += 1
                continue
            if tok not in (("char", "_"), ("char", "^")):
                self.i = save
                return out
            self.i += 1
            out += f"{tok[1]}{{{self.argument().strip()}}}"


def _is_atom(text: str) -> bool:
    """One term that needs no parentheses as a side of ``/``: no spaces, signs or relations
    outside brackets (``t_k``, ``y_k²``, ``∂ℒ``, ``f(x + 1)``)."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif depth == 0 and (ch in " +−-=<>≤≥≠,/·×" and not (i == 0 and ch in "−-")):
            return False
    return bool(text)


def _operand(text: str, denominator: bool = False) -> str:
    text = text.strip()
    if text.startswith("∂"):  # ∂²ℒ, ∂y_k: one term however it was spaced
        text = text.replace(" ", "")
    if _is_atom(text) and not (denominator and text[:1] in "−-"):
        return text
    return f"({text})"


def to_unicode(tex: str) -> str:
    """``tex`` (LaTeX math, without ``$``) as one line of Unicode with no backslash; spaces
    collapsed. Never raises: what it does not know it writes by name."""
    out = _Reader(tex).sequence()
    out = out.replace("\\", "∖")
    out = re.sub(r"\s+", " ", out).strip()
    # "(" and ")" hug their contents: "log(L)", "( a )" as "(a)"
    out = re.sub(r"\( ", "(", out)
    out = re.sub(r" \)", ")", out)
    out = re.sub(r"(^|[(=] ?)− ", r"\1−", out)
    return unicodedata.normalize("NFC", out)  # ŷ as one character where there is one
