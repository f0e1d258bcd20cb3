"""Read one LaTeX formula into SymPy, faithfully or not at all.

SymPy's ``parse_latex`` (ANTLR backend, strict mode) does the parsing; this module is the thin
normalisation layer around it:

* before parsing, the text is checked against a whitelist of commands (anything unknown is an
  error, never silently read as a product of letters), decorations (``\\left``, ``\\tag``, spacing)
  are removed, ``\\text{...}`` becomes the formula's annotation, ``\\cdots`` patterns become sums
  or products, and every subscripted name (``y_k``, ``t_{nk}``, ``\\hat{y}_i``) is replaced by a
  placeholder so that its subscript is read by us, not stringified by the parser;
* the formula is split at top-level ``=`` by us: relations are never built by SymPy, so nothing is
  ever evaluated to ``True``/``False`` or solved;
* after parsing, placeholders become ``Indexed`` objects (``y[k]``, ``t[n, k]``) or plain symbols,
  ``\\log`` is the natural log, ``e`` is Euler's number and ``\\pi`` is pi.

The result keeps SymPy's unevaluated structure (``y_1 y_1`` stays a product of two factors) so
that the checker can see which rule an author applied. The reader knows no assumptions: binding
names to declared symbols is :mod:`eqchain.scope`'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp

from eqchain.errors import LatexError, UnsupportedLatex
from eqchain.latex import ellipsis
from eqchain.latex.tree import rebuild

GREEK = {
    "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta",
    "vartheta", "iota", "kappa", "lambda", "mu", "nu", "xi", "rho", "varrho", "sigma",
    "varsigma", "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega", "Gamma", "Delta",
    "Theta", "Lambda", "Xi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
}
# Commands SymPy's parser reads faithfully, passed through unchanged.
PASS_THROUGH = {
    "frac", "sum", "prod", "log", "ln", "exp", "sqrt", "cdot", "times", "div", "infty", "pi",
    "partial", "sin", "cos", "tan", "sinh", "cosh", "tanh", "arcsin", "arccos", "arctan",
    "binom", "mathit", "lfloor", "rfloor", "lceil", "rceil", "pm", "mp",
} | GREEK
# Commands that are pure decoration: removed (spacing, sizing, style).
DROPPED = {
    "left", "right", "bigl", "bigr", "Bigl", "Bigr", "big", "Big", "biggl", "biggr", "bigg",
    "Bigg", "displaystyle", "textstyle", "limits", "nolimits", "nonumber", "notag", "quad",
    "qquad", "middle",
}
ACCENTS = {"hat", "bar", "tilde", "widehat", "widetilde", "overline", "vec", "dot", "ddot",
           "check", "breve", "mathcal", "mathbf", "boldsymbol", "mathrm", "mathsf", "bm"}
# Constructs with no faithful SymPy meaning: a clear "not supported" error.
UNSUPPORTED = {
    "nabla": "the gradient \\nabla", "mathbb": "blackboard bold (\\mathbb, e.g. expectation)",
    "argmax": "\\argmax", "argmin": "\\argmin", "arg": "\\arg (\\arg\\max)",
    "propto": "proportionality \\propto", "sim": "distribution \\sim", "mid": "conditioning \\mid",
    "|": "the norm \\|", "int": "integrals", "lim": "limits", "max": "\\max", "min": "\\min",
    "approx": "\\approx", "leq": "inequalities", "geq": "inequalities", "le": "inequalities",
    "ge": "inequalities", "neq": "\\neq", "ne": "\\neq", "in": "set membership \\in",
    "forall": "\\forall", "exists": "\\exists", "to": "\\to", "rightarrow": "arrows",
    "Rightarrow": "arrows", "iff": "\\iff", "implies": "\\implies", "equiv": "\\equiv",
    "det": "determinants", "operatorname": "\\operatorname", "mathop": "\\mathop",
    "top": "transposes", "intercal": "transposes", "otimes": "\\otimes", "odot": "\\odot",
    "circ": "composition \\circ", "cup": "set union", "cap": "set intersection",
    "lVert": "the norm \\lVert", "rVert": "the norm \\rVert", "Vert": "the norm \\Vert",
    "E": "\\E (expectation)", "Pr": "\\Pr", "lt": "inequalities", "gt": "inequalities",
    "langle": "inner products", "rangle": "inner products", "prime": "\\prime",
}
SPACING = re.compile(r"\\[,;:! ]|~")
CJK = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+")
_COMMAND = re.compile(r"\\([A-Za-z]+|.)")
_PLACEHOLDER_PREFIX = "eqcph"


@dataclass(frozen=True)
class Formula:
    """A formula read from LaTeX: its sides (one for an expression, two or more for a chain
    ``a = b = c``), whether it starts with ``=`` (continues the row before), its ``\\tag`` and
    its prose annotation."""

    sides: tuple
    continues: bool = False
    tag: str | None = None
    annotation: str | None = None


def read_formula(text: str, indices: frozenset[str] = frozenset()) -> Formula:
    """Read a formula, possibly a chain of equations, into SymPy expressions.

    ``indices`` names letters known to be indices (so ``t_{nk}`` is ``t[n, k]``). Raises
    :class:`LatexError` (with ``column`` the 1-based offset in ``text``) for anything it cannot
    read faithfully, and :class:`UnsupportedLatex` for constructs with no SymPy meaning.
    """
    if not isinstance(text, str):
        raise LatexError("a formula must be text")
    if len(text) > 100_000:
        raise LatexError("formula too long (more than 100000 characters)")
    body, tag, annotation = _strip_decorations(text)
    parts = _split_top_level(body, "=")
    continues = False
    if parts and not parts[0][1].strip():
        continues = True
        parts = parts[1:]
    if not parts or any(not p.strip() for _, p in parts):
        raise LatexError("empty side in an equation", column=_first_empty(parts, body))
    sides = tuple(read_expression(p, indices, offset=off) for off, p in parts)
    return Formula(sides, continues, tag, annotation)


def read_expression(text: str, indices: frozenset[str] = frozenset(), offset: int = 0):
    """Read one expression (no ``=``) into an unevaluated SymPy expression."""
    _check_commands(text, offset)
    _check_balanced(text, offset)
    text = ellipsis.expand(text, offset)
    bound = set(re.findall(r"\\(?:sum|prod)_\{?\s*([A-Za-z])\s*=", text)) | set(indices)
    placeholders: dict[str, tuple[str, str | None]] = {}
    text = _replace_names(text, placeholders)
    try:
        expr = _parse(text)
    except LatexError as err:
        raise LatexError(err.message, column=offset + 1) from None
    return _postprocess(expr, placeholders, frozenset(bound), offset)


# -- before parsing ------------------------------------------------------------------------------


def _strip_decorations(text: str) -> tuple[str, str | None, str | None]:
    tag = None
    m = re.search(r"\\tag\*?\{([^{}]*)\}", text)
    if m:
        tag = m.group(1).strip()
    text = re.sub(r"\\tag\*?\{[^{}]*\}", lambda m: " " * len(m.group(0)), text)
    text = re.sub(r"\\label\{[^{}]*\}", lambda m: " " * len(m.group(0)), text)
    notes: list[str] = []

    def keep_note(m: re.Match) -> str:
        notes.append(m.group(2).strip())
        return " " * len(m.group(0))

    text = re.sub(r"\\(text|textrm|textbf|mbox|textit)\{([^{}]*)\}", keep_note, text)

    def cjk_note(m: re.Match) -> str:
        notes.append(m.group(0))
        return " " * len(m.group(0))

    text = CJK.sub(cjk_note, text)
    text = text.replace("&", " ")
    text = SPACING.sub("  ", text)
    text = re.sub(r"\\left\s*\.|\\right\s*\.", lambda m: " " * len(m.group(0)), text)
    text = re.sub(r"\\(dfrac|tfrac)\b", r"\\frac ", text)
    text = re.sub(r"\\(lbrace)\b", r"\\{", text)
    text = re.sub(r"\\(rbrace)\b", r"\\}", text)
    text = re.sub(r"\\(ldots|dots|cdots|dotsb|dotsc|dotsm)\b", r"\\cdots", text)

    def drop(m: re.Match) -> str:
        return " " * len(m.group(0)) if m.group(1) in DROPPED else m.group(0)

    text = re.sub(r"\\([A-Za-z]+)", drop, text)
    # A trailing lone backslash or row break left by a publishing tool.
    text = re.sub(r"\\\\\s*$|\\\s*$", "", text.rstrip())
    text = text.replace("\\\\", "  ")
    annotation = " ".join(n for n in notes if n) or None
    return text, tag, annotation


def _check_commands(text: str, offset: int) -> None:
    for m in _COMMAND.finditer(text):
        name = m.group(1)
        col = offset + m.start() + 1
        if name in UNSUPPORTED:
            raise UnsupportedLatex(f"not supported: {UNSUPPORTED[name]}", column=col)
        if name in PASS_THROUGH or name in ACCENTS or name in DROPPED or name == "cdots":
            continue
        if name in "{}()[] ":
            continue
        raise LatexError(f"unknown LaTeX command \\{name}", column=col)
    if "'" in text:
        raise UnsupportedLatex("not supported: primes (f'); write the derivative as \\frac{d}{dx}",
                               column=offset + text.index("'") + 1)


def _check_balanced(text: str, offset: int) -> None:
    depth = 0
    for i, ch in enumerate(text):
        if ch == "{" and (i == 0 or text[i - 1] != "\\"):
            depth += 1
        elif ch == "}" and (i == 0 or text[i - 1] != "\\"):
            depth -= 1
            if depth < 0:
                raise LatexError("unbalanced '}'", column=offset + i + 1)
    if depth:
        raise LatexError("unbalanced '{'", column=offset + len(text))


def _split_top_level(text: str, sep: str) -> list[tuple[int, str]]:
    """Split at ``sep`` outside braces, brackets and parentheses; keep each part's offset."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "{([":
            depth += 1
        elif ch in "})]":
            depth -= 1
        elif ch == sep and depth == 0:
            parts.append((start, text[start:i]))
            start = i + 1
    parts.append((start, text[start:]))
    return parts


def _first_empty(parts: list[tuple[int, str]], body: str) -> int:
    for off, p in parts:
        if not p.strip():
            return off + 1
    return len(body)


_BRACED = r"\{(?:[^{}]|\{[^{}]*\})*\}"
_ACCENT = r"\\(?:" + "|".join(sorted(ACCENTS, key=len, reverse=True)) + r")\s*" + _BRACED
_BASE = r"(?P<base>" + _ACCENT + r"|\\(?:" + "|".join(sorted(GREEK, key=len, reverse=True)) + \
    r")(?![A-Za-z])|(?<![\\A-Za-z])[A-Za-z])"
_SUB = r"(?:\s*_\s*(?P<sub>" + _BRACED + r"|[A-Za-z0-9]|\\[A-Za-z]+))?"
_NAME = re.compile(_BASE + _SUB)


def _replace_names(text: str, placeholders: dict[str, tuple[str, str | None]]) -> str:
    """Replace accented and subscripted names by ``\\mathit{placeholder}``."""

    def repl(m: re.Match) -> str:
        base, sub = m.group("base"), m.group("sub")
        if sub is None and not base.startswith("\\") or sub is None and base[1:] in GREEK:
            return m.group(0)
        name = _base_name(base)
        if sub is not None and sub.startswith("{"):
            sub = sub[1:-1]
        key = _PLACEHOLDER_PREFIX + _letters(len(placeholders))
        placeholders[key] = (name, sub)
        return r" \mathit{" + key + "} "

    return _NAME.sub(repl, text)


def _base_name(base: str) -> str:
    if not base.startswith("\\"):
        return base
    m = re.match(r"\\([A-Za-z]+)\s*\{(.*)\}$", base, re.S)
    if m:  # an accent: \hat{y} -> "haty"
        inner = re.sub(r"[\\{}\s]", "", m.group(2))
        return m.group(1) + inner
    return base[1:]


def _letters(n: int) -> str:
    out = ""
    while True:
        out = chr(ord("a") + n % 26) + out
        n //= 26
        if n == 0:
            return out


def _parse(text: str):
    from sympy.parsing.latex import LaTeXParsingError, parse_latex

    if not text.strip():
        raise LatexError("empty formula")
    try:
        return parse_latex(text, strict=True)
    except LaTeXParsingError as err:
        first = str(err).strip().splitlines()[0] if str(err).strip() else "invalid LaTeX"
        raise LatexError(f"cannot read LaTeX: {first}") from None
    except (TypeError, ValueError, AttributeError, RecursionError, IndexError) as err:
        raise LatexError(f"cannot read LaTeX: {type(err).__name__}") from None


# -- after parsing -------------------------------------------------------------------------------


def _postprocess(expr, placeholders, bound: frozenset[str], offset: int):
    def visit(node):
        if isinstance(node, sp.Symbol):
            return _symbol(node, placeholders, bound, offset)
        if isinstance(node, sp.log) and len(node.args) == 2:
            arg, base = node.args
            if base == sp.E:
                return sp.log(arg, evaluate=False)
            return sp.Mul(sp.log(arg, evaluate=False),
                          sp.Pow(sp.log(base, evaluate=False), -1, evaluate=False),
                          evaluate=False)
        if isinstance(node, sp.Pow) and node.base == sp.E:
            return sp.exp(node.exp, evaluate=False)
        if isinstance(node, sp.Derivative):
            return node
        if isinstance(node, sp.core.function.AppliedUndef):
            raise LatexError(
                f"'{node.func.__name__}(...)' is not a declared function; write a product "
                "with an explicit \\cdot", column=offset + 1)
        return node

    return rebuild(expr, visit)


def _symbol(node: sp.Symbol, placeholders, bound: frozenset[str], offset: int):
    name = node.name
    if name in placeholders:
        base, sub = placeholders[name]
        if sub is None:
            return sp.Symbol(base)
        return _indexed(base, sub, placeholders, bound, offset)
    if name == "e":
        return sp.E
    if name == "pi":
        return sp.pi
    if name in ("partial", "cdots") or name.startswith(_PLACEHOLDER_PREFIX):
        raise LatexError(f"cannot read '{name}' here", column=offset + 1)
    return node


def _indexed(base: str, sub: str, placeholders, bound: frozenset[str], offset: int):
    sub_clean = sub.strip()
    if re.fullmatch(r"\d+", sub_clean):
        return sp.IndexedBase(base)[int(sub_clean)]
    if re.fullmatch(r"[A-Za-z]", sub_clean):
        return sp.IndexedBase(base)[sp.Symbol(sub_clean)]
    if re.fullmatch(r"\\[A-Za-z]+", sub_clean) and sub_clean[1:] in GREEK:
        return sp.IndexedBase(base)[sp.Symbol(sub_clean[1:])]
    if "," in sub_clean:
        items = [s.strip() for s in sub_clean.split(",")]
        idx = [_index_expr(s, placeholders, bound, offset) for s in items]
        return sp.IndexedBase(base)[tuple(idx)]
    if re.fullmatch(r"[A-Za-z]+", sub_clean):
        if all(ch in bound for ch in sub_clean):
            return sp.IndexedBase(base)[tuple(sp.Symbol(ch) for ch in sub_clean)]
        return sp.Symbol(f"{base}_{sub_clean}")
    if re.fullmatch(r"[A-Za-z]+\d+", sub_clean) and all(c in bound for c in sub_clean if
                                                        c.isalpha()):
        raise LatexError(f"ambiguous subscript '{sub}': separate the indices with a comma",
                         column=offset + 1)
    return sp.IndexedBase(base)[_index_expr(sub_clean, placeholders, bound, offset)]


def _index_expr(text: str, placeholders, bound: frozenset[str], offset: int):
    if re.fullmatch(r"\d+", text):
        return sp.Integer(int(text))
    if re.fullmatch(r"[A-Za-z]", text):
        return sp.Symbol(text)
    expr = _parse(_replace_names(text, placeholders))
    return _postprocess(expr, placeholders, bound, offset)
