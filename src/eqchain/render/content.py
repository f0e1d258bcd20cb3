"""What every renderer shows, independent of the output format.

A report is laid out once here: derivations are split into chains (a step written ``= rhs``
continues the chain of the step before it), each row gets the LaTeX of its sides, and each step's
justification is built as a list of :class:`Span` pieces (plain text, LaTeX math, code). Each
renderer only decides how to write a span in its format and how to escape it, so the LaTeX,
Markdown, HTML and terminal outputs always say the same thing.

Importing this module does not import SymPy: the LaTeX printer is loaded only when a step's
sides have to be printed from its SymPy expressions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from eqchain.model import (
    Counterexample,
    Derivation,
    DerivationReport,
    Report,
    Step,
    StepResult,
    SymbolDecl,
    Verdict,
)

LANGS = ("en", "ja")

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "verified": "verified",
        "refuted": "refuted",
        "unknown": "unknown",
        "given": "given",
        "definition": "definition",
        "unreadable": "unreadable",
        "files_not_read": "files not read",
        "file_not_read": "file not read",
        "assumptions": "Assumptions",
        "by": "By ",
        "under": "Under ",
        "condition": "Under the row's condition ",
        "note": "Note: ",
        "reason": "Reason: ",
        "counterexample": "Counterexample: ",
        "left": "left side",
        "right": "right side",
        "warning": "Warning: ",
        "assumed": "assumed: ",
        "with": "With ",
        "for": "for",
        "summary": "Summary",
        "source": "Source",
        "where": "Where ",
        "domain": "Domain",
        "real_by_default": "symbols are real unless declared otherwise",
    },
    "ja": {
        "verified": "検証済み",
        "refuted": "反証",
        "unknown": "未確定",
        "given": "前提",
        "definition": "定義",
        "unreadable": "読めない式",
        "files_not_read": "読めないファイル",
        "file_not_read": "読めないファイル",
        "assumptions": "仮定",
        "real_by_default": "宣言のない記号は実数",
        "by": "根拠：",
        "under": "条件：",
        "condition": "行の条件：",
        "note": "注：",
        "reason": "理由：",
        "counterexample": "反例：",
        "left": "左辺",
        "right": "右辺",
        "warning": "警告：",
        "assumed": "仮定：",
        "with": "値：",
        "for": "範囲",
        "summary": "集計",
        "source": "ファイル",
        "where": "定義域：",
        "domain": "定義域",
    },
}

# A mark per verdict, in Unicode (Markdown, terminal) and in LaTeX math (amssymb).
MARKS = {
    Verdict.VERIFIED: "✓",
    Verdict.REFUTED: "✗",
    Verdict.UNKNOWN: "?",
    Verdict.GIVEN: "•",
    Verdict.DEFINITION: "•",
    Verdict.UNREADABLE: "⊘",
}
LATEX_MARKS = {
    Verdict.VERIFIED: r"\checkmark",
    Verdict.REFUTED: r"\times",
    Verdict.UNKNOWN: "?",
    Verdict.GIVEN: r"\bullet",
    Verdict.DEFINITION: r"\bullet",
    Verdict.UNREADABLE: r"\oslash",
}
VERDICT_ORDER = (
    Verdict.VERIFIED,
    Verdict.REFUTED,
    Verdict.UNKNOWN,
    Verdict.GIVEN,
    Verdict.DEFINITION,
    Verdict.UNREADABLE,
)

# Verdicts whose reason is shown: why a claim is not verified, why a formula was not read.
SHOWS_REASON = (Verdict.REFUTED, Verdict.UNKNOWN, Verdict.UNREADABLE)


def shows_reason(result: StepResult) -> bool:
    """Whether a report shows the step's reason: for refuted, unknown and unreadable steps, and
    for a row verified as following from the row before (an equation of a system the author
    solves, not an identity: ``x^2 + 2x + 1 = x^2 + 1`` after ``(x + 1)^2 = x^2 + 1`` follows
    from it, false as it is), which a bare check mark would pass off as an identity."""
    if not result.reason:
        return False
    if result.verdict in SHOWS_REASON:
        return True
    return result.verdict is Verdict.VERIFIED and result.reason.startswith("follows from")


# Declared assumptions as LaTeX conditions on the symbol, or as words when they have no
# common notation.
_ASSUMPTION_MATH = {
    "positive": "> 0",
    "negative": "< 0",
    "nonnegative": r"\geq 0",
    "nonpositive": r"\leq 0",
    "nonzero": r"\neq 0",
    "real": r"\in \mathbb{R}",
    "integer": r"\in \mathbb{Z}",
    "rational": r"\in \mathbb{Q}",
    "complex": r"\in \mathbb{C}",
}
_ASSUMPTION_WORDS = {
    "en": {"finite": "finite", "even": "even", "odd": "odd", "prime": "prime"},
    "ja": {"finite": "有限", "even": "偶数", "odd": "奇数", "prime": "素数"},
}
_GREEK = {
    "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta",
    "vartheta", "iota", "kappa", "lambda", "mu", "nu", "xi", "rho", "varrho", "sigma",
    "varsigma", "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega", "Gamma", "Delta",
    "Theta", "Lambda", "Xi", "Sigma", "Upsilon", "Phi", "Psi", "Omega", "pi",
}  # fmt: skip


@dataclass(frozen=True)
class Span:
    """A piece of running text: ``kind`` is ``text`` (plain words, escape them), ``math``
    (LaTeX to typeset inline), ``code`` (an identifier such as a rule name) or ``number`` (a
    decimal, possibly cut with a trailing ``…``: typeset it as math where math is available).
    ``plain``, when given, is the same as one line of Unicode text, for outputs without
    typesetting (the terminal, one-line diagnostics)."""

    kind: str
    value: str
    plain: str | None = None


def text(value: str) -> Span:
    return Span("text", value)


def math(value: str, plain: str | None = None) -> Span:
    return Span("math", value, plain)


def plain_text(span: Span) -> str:
    """A span as text without typesetting: its ``plain`` form when it has one."""
    return span.plain if span.plain is not None else span.value


def code(value: str) -> Span:
    return Span("code", value)


def number(value: str) -> Span:
    return Span("number", value)


def number_latex(value: str) -> str:
    """A number span as LaTeX math: ``0.69…`` becomes ``0.69\\ldots``."""
    return value.replace("…", r"\ldots")


@dataclass(frozen=True)
class Row:
    """One step as a row of a chain: ``lhs`` is empty for a continuation row (``= rhs``)."""

    result: StepResult
    lhs: str
    rhs: str

    @property
    def step(self) -> Step:
        return self.result.step

    @property
    def verdict(self) -> Verdict:
        return self.result.verdict

    @property
    def label(self) -> str | None:
        return self.result.step.label or None

    @property
    def relation(self) -> str:
        """The LaTeX of the row's relation (``=``, ``\\le``, ``\\propto``, ...)."""
        from eqchain.check.relations import shown

        return shown(self.result.step.relation)

    @property
    def arrow(self) -> str:
        """``\\Rightarrow `` (``\\iff ``) before a row whose equation follows from the one
        before; empty otherwise."""
        from eqchain.check.relations import LATEX

        follows = self.result.step.follows
        return LATEX[follows] + " " if follows else ""


@dataclass(frozen=True)
class Chain:
    """Consecutive rows sharing one left side: ``a = b``, ``= c``, ``= d``."""

    rows: tuple[Row, ...]


_ROLES_JA = {
    "Lagrangian": "ラグランジュ関数",
    "derivative": "一階微分",
    "second derivative": "二階微分",
    "stationarity": "停留条件",
    "constraint": "制約",
    "multiplier": "未定乗数",
    "total": "合計",
    "solution": "解",
    "second-order": "二階の条件",
    "data": "データ",
}
_MINOR_ROLE = re.compile(r"second-order \(minor (\d+)\)")


def role_text(role: str, lang: str) -> str:
    """A generated step's role in ``lang``: ``stationarity``, ``停留条件``; ``second-order
    (minor 3)`` is ``二階の条件（3 次の首座小行列式）``. An unknown role is shown as it is."""
    if lang != "ja":
        return role
    m = _MINOR_ROLE.fullmatch(role)
    if m:
        return f"二階の条件（{m.group(1)} 次の首座小行列式）"
    return _ROLES_JA.get(role, role)


def title(dreport: DerivationReport, lang: str) -> str:
    """The derivation's title in ``lang`` when its file gives one (``title.ja``), else its
    title, else its path."""
    return dict(dreport.derivation.titles).get(lang) or dreport.title or dreport.path


def check_lang(lang: str) -> str:
    """``lang`` itself if it is a supported language; ValueError otherwise."""
    if lang not in LANGS:
        raise ValueError(f"unknown language '{lang}' (known: {', '.join(LANGS)})")
    return lang


def word(key: str, lang: str) -> str:
    return WORDS[lang][key]


def verdict_word(verdict: Verdict, lang: str) -> str:
    return WORDS[lang][verdict.value]


def expr_latex(expr: Any) -> str:
    """LaTeX of a SymPy expression with eqchain's printer; ``""`` for ``None``."""
    if expr is None:
        return ""
    if isinstance(expr, str):
        return expr
    from eqchain.latex.printer import latex

    return latex(expr)


_ROW_MARKUP = re.compile(
    r"\\tag\*?\{[^{}]*\}|\\label\{[^{}]*\}|\\(?:notag|nonumber)(?![A-Za-z])|(?<!\\)&|\\\\\s*$"
)


def clean_side(tex: str) -> str:
    """One side of an equation without the row markup a document may have left in it
    (``&``, ``\\tag{...}``, ``\\label{...}``, ``\\notag``, a trailing ``\\\\``): renderers
    place rows and tags themselves, and a stray ``&`` would break their alignment."""
    return " ".join(_ROW_MARKUP.sub(" ", tex).split())


def sides(result: StepResult) -> tuple[str, str]:
    """The LaTeX of a step's two sides: the checker's text when it kept it, else printed;
    row markup removed (:func:`clean_side`). Both are empty for an unreadable step (it has
    only the text its author wrote, ``step.claim``)."""
    lhs = result.lhs_latex or expr_latex(result.step.lhs)
    rhs = result.rhs_latex or expr_latex(result.step.rhs)
    return clean_side(lhs), clean_side(rhs)


def written_sides(step: Step) -> tuple[str, str] | None:
    """The two sides of a step as its author wrote them (``\\log L``, not the printer's
    ``\\log{\\left(L \\right)}``), when its text is one equation ``a = b`` (or ``= b`` for a
    continuation); None otherwise (a chain ``a = b = c`` is split into several steps that share
    its text)."""
    parts = _top_level_equals(step.claim)
    if parts is None:
        return None
    if step.continues and len(parts) == 2 and not parts[0].strip():
        return "", clean_side(parts[1])
    if not step.continues and len(parts) == 2 and parts[0].strip() and parts[1].strip():
        return clean_side(parts[0]), clean_side(parts[1])
    return None


def _top_level_equals(tex: str) -> list[str] | None:
    """``tex`` split at each ``=`` outside braces and brackets; None when it holds another
    relation at the top level (``\\leq``, ``<``) or unbalanced braces."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(tex):
        ch = tex[i]
        if ch == "\\":
            i += 2
            continue
        if ch in "{[":
            depth += 1
        elif ch in "}]":
            depth -= 1
            if depth < 0:
                return None
        elif ch == "=" and depth == 0:
            parts.append(tex[start:i])
            start = i + 1
        elif ch in "<>" and depth == 0:
            return None
        i += 1
    if depth:
        return None
    parts.append(tex[start:])
    return parts


def chains(dreport: DerivationReport) -> tuple[Chain, ...]:
    """Split a derivation's steps into chains, in order; a continuation step joins the chain
    of the step before it (a continuation with nothing before it starts its own chain and
    shows its left side). An unreadable step is a chain of its own, and the step after it
    starts a new one. The sides of a derivation file's step are shown as written where its
    text is one equation (:func:`written_sides`), else as printed."""
    out: list[list[Row]] = []
    as_written = dreport.derivation.source == "toml"
    for result in dreport.results:
        lhs, rhs = sides(result)
        written = written_sides(result.step) if as_written and result.step.claim else None
        if written is not None and result.verdict is not Verdict.UNREADABLE:
            lhs, rhs = written[0] or lhs, written[1]
        joins = result.step.continues and out and out[-1][-1].verdict is not Verdict.UNREADABLE
        if joins and result.verdict is not Verdict.UNREADABLE:
            out[-1].append(Row(result, "", rhs))
        else:
            out.append([Row(result, lhs, rhs)])
    return tuple(Chain(tuple(rows)) for rows in out)


def summary_counts(report: Report) -> dict[str, int]:
    """Counts per verdict plus ``errors`` (files not loaded) and ``total_claims`` (verified +
    refuted + unknown)."""
    counts = report.counts()
    counts["total_claims"] = counts["verified"] + counts["refuted"] + counts["unknown"]
    return counts


def derivation_counts(dreport: DerivationReport) -> dict[str, int]:
    """Steps per verdict in one derivation, every verdict present (0 when none)."""
    counts = dreport.counts()
    return {v.value: counts.get(v.value, 0) for v in Verdict}


def summary_spans(counts: dict[str, int], lang: str) -> list[Span]:
    """``3 verified, 1 refuted, 0 unknown (2 given, 1 definition)`` in the chosen language;
    unreadable steps (``, 1 unreadable``) and files not read (``; 1 file not read``) are
    added only when there are some."""
    sep = "、" if lang == "ja" else ", "

    def part(key: str, count_key: str | None = None) -> str:
        n = counts.get(count_key or key, 0)
        return f"{word(key, lang)} {n}" if lang == "ja" else f"{n} {word(key, lang)}"

    keys = ["verified", "refuted", "unknown"]
    if counts.get("unreadable"):
        keys.append("unreadable")
    claims = sep.join(part(k) for k in keys)
    others = sep.join(part(k) for k in ("given", "definition"))
    errors = ""
    if counts.get("errors"):
        name = "file_not_read" if counts["errors"] == 1 else "files_not_read"
        errors = ("；" if lang == "ja" else "; ") + part(name, "errors")
    if lang == "ja":
        return [text(f"{claims}（{others}）{errors}")]
    return [text(f"{claims} ({others}){errors}")]


# -- names, values and assumptions -----------------------------------------------------------


def name_latex(name: str) -> str:
    """A declared name as LaTeX: ``y`` stays, ``alpha`` becomes ``\\alpha``, ``w_new`` becomes
    ``w_{\\mathrm{new}}``, a multi-letter name is set upright as one word."""
    if name.startswith("\\") or "{" in name:
        return name
    if name in _GREEK:
        return "\\" + name
    if "_" in name:
        base, sub = name.split("_", 1)
        sub_tex = sub if re.fullmatch(r"[A-Za-z0-9]", sub) else r"\mathrm{" + sub + "}"
        return f"{name_latex(base)}_{{{sub_tex}}}"
    if re.fullmatch(r"[A-Za-z]", name):
        return name
    if re.fullmatch(r"[A-Za-z]+", name):
        return r"\mathit{" + name + "}"
    return name


def value_latex(value: Any) -> str:
    """A bound value as LaTeX: tuples as ``(a, b, c)``, SymPy objects printed, numbers as is;
    text is taken to be LaTeX already (that is how derivation files write values)."""
    if isinstance(value, (tuple, list)):
        return "(" + ", ".join(value_latex(v) for v in value) + ")"
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return str(value)
    return expr_latex(value)


def decl_latex(decl: SymbolDecl) -> str:
    """``y_{k}`` for a family, the name for a symbol, ``f(\\cdot)`` for a function."""
    base = name_latex(decl.name)
    if decl.is_family:
        return f"{base}_{{{','.join(decl.indices)}}}"
    if decl.is_function:
        return base + r"(\cdot)"
    return base


def assumption_items(derivation: Derivation, lang: str) -> list[list[Span]]:
    """One list of spans per declared symbol that says something (assumptions or index
    ranges), in declaration order, then the derivation's ``where`` bindings; first, for a
    document, that its symbols are real unless declared otherwise."""
    items: list[list[Span]] = []
    if derivation.real_by_default:
        items.append([text(word("real_by_default", lang))])
    for decl in derivation.symbols:
        if not decl.assumptions and not decl.ranges:
            continue
        sym = decl_latex(decl)
        parts: list[Span] = []
        conds = [f"{sym} {_ASSUMPTION_MATH[a]}" for a in decl.assumptions if a in _ASSUMPTION_MATH]
        if conds:
            parts.append(math(r",\ ".join(conds)))
        for a in decl.assumptions:
            if a in _ASSUMPTION_MATH:
                continue
            if parts:
                parts.append(text(", "))
            words = _ASSUMPTION_WORDS[lang].get(a, a)
            parts += [math(sym), text(f" は{words}" if lang == "ja" else f" {words}")]
        if not parts:
            parts.append(math(sym))
        if decl.ranges:
            ranges = r",\ ".join(
                f"{i} = {lo}, \\dots, {hi}"
                for i, (lo, hi) in zip(decl.indices, decl.ranges, strict=True)
            )
            if lang == "ja":
                parts += [text("（"), math(ranges), text("）")]
            else:
                parts += [text(f" {word('for', lang)} "), math(ranges)]
        items.append(_merge(parts))
    for name, value in derivation.where:
        items.append([math(f"{name_latex(name)} = {value_latex(value)}")])
    return items


# -- justifications -----------------------------------------------------------------------------


def rule_text(name: str, lang: str) -> str | None:
    """The rule's text in ``lang``, or None for a name the rule table does not know."""
    from eqchain import rules

    try:
        return rules.get(name).text(lang)
    except KeyError:
        return None


def step_note(step: Step, lang: str) -> str | None:
    """The author's note in ``lang``; a document's annotation when the step has no notes."""
    note = step.note(lang)
    if note:
        return note
    if not step.notes and step.annotation:
        return step.annotation
    return None


_NUMBER = re.compile(r"^([+-]?)(\d*)\.?(\d*)(?:[eE]([+-]?\d+))?$")


def short_number(value: str, other: str, min_digits: int = 12) -> str:
    """Cut a long decimal (the checker writes 30+ digits) for display: keep at least
    ``min_digits`` characters of digits and two past the first place where ``value`` and
    ``other`` differ, so two different numbers never look equal. ``…`` marks a cut; text that
    is not a plain decimal is returned unchanged."""
    if not _NUMBER.match(value.strip()):
        return value
    value = value.strip()
    first_diff = next(
        (i for i, (a, b) in enumerate(zip(value, other.strip(), strict=False)) if a != b),
        min(len(value), len(other.strip())),
    )
    mantissa_end = len(value)
    m = re.search(r"[eE]", value)
    if m:
        mantissa_end = m.start()
    keep = max(min_digits + 2, first_diff + 3)
    if keep >= mantissa_end:
        return value
    return value[:keep] + "…" + value[mantissa_end:]


_SIMPLE_VALUE = re.compile(r"^[+-]?\d+(?:[./]\d+)?$")


def counterexample_spans(ce: Counterexample, lang: str) -> list[Span]:
    """``Counterexample: y_1 = 1/2, t_1 = 2; left side 0.34…, right side 0.69…``."""
    spans: list[Span] = [text(word("counterexample", lang))]
    for i, ((name, value), (_, shown)) in enumerate(zip(ce.values, ce.plain_values(), strict=True)):
        if i:
            spans.append(text(", "))
        if _SIMPLE_VALUE.match(value.strip()):
            spans.append(math(f"{name} = {value.strip()}"))
        elif shown != value:  # LaTeX, with its Unicode form for a terminal
            spans.append(math(f"{name} = {value}", f"{name} = {shown}"))
        else:
            spans += [math(f"{name} ="), text(" "), code(value)]
    lhs = short_number(ce.lhs, ce.rhs)
    rhs = short_number(ce.rhs, ce.lhs)
    # no values (a step between numbers): no separator before the sides
    if lang == "ja":
        spans += [text(f"{'；' if ce.values else ''}{word('left', lang)} "), number(lhs)]
        spans += [text(f"、{word('right', lang)} "), number(rhs)]
    else:
        spans += [text(f"{'; ' if ce.values else ''}{word('left', lang)} "), number(lhs)]
        spans += [text(f", {word('right', lang)} "), number(rhs)]
    return spans


def justification(result: StepResult, lang: str) -> list[list[Span]]:
    """The words that justify a step, as sentences (each a list of spans), in ``lang``.

    In order: the domain the step holds within, the rules with their texts, the side
    conditions that were established, the step's own bindings, the reason (refuted and unknown
    steps), the counterexample, warnings and the author's note. The verdict itself is not
    included: each format shows it its own way (:data:`MARKS`, :func:`verdict_word`). Raises
    ValueError for an unknown ``lang``.
    """
    check_lang(lang)
    ja = lang == "ja"
    out: list[list[Span]] = []
    if result.domain:
        out.append(domain_spans(result.domain, lang))
    if result.step.condition_text and result.verdict.is_claim_verdict:
        out.append(condition_spans(result.step.condition_text, lang))
    if result.rules:
        spans: list[Span] = [text(word("by", lang))]
        for i, name in enumerate(result.rules):
            if i:
                spans.append(text("；" if ja else "; "))
            spans.append(code(name))
            described = rule_text(name, lang)
            if described:  # rule texts may hold inline math, as notes do
                spans.append(text("（" if ja else " ("))
                spans += text_with_math(described)
                spans.append(text("）" if ja else ")"))
        out.append(_merge(spans))
    if result.conditions:
        shown = readable_conditions(result.conditions)
        out.append([text(word("under", lang)), math(r",\ ".join(shown))])
    if result.step.where:
        binds = r",\ ".join(f"{name_latex(n)} = {value_latex(v)}" for n, v in result.step.where)
        out.append([text(word("with", lang)), math(binds)])
    if shows_reason(result):
        out.append(_merge([text(word("reason", lang)), *reason_spans(result, lang)]))
    if result.counterexample is not None:
        out.append(counterexample_spans(result.counterexample, lang))
    for warning in result.warnings:
        out.append([text(word("warning", lang) + one_line(warning))])
    note = step_note(result.step, lang)
    if note:
        out.append(_merge([text(word("note", lang)), *text_with_math(one_line(note))]))
    return out


# Inline math in a note: ``$...$`` not preceded by a backslash, with no space just inside the
# dollars (``$5 and $6`` stays text, as in Pandoc); ``\$`` is a literal dollar.
_INLINE_MATH = re.compile(r"(?<!\\)\$(?![\s$])((?:\\.|[^$\\])+?)(?<![\s\\])\$(?!\d)")


def text_with_math(value: str) -> list[Span]:
    """Text that may hold inline math (``Multiply by $y_{k}$``) as text and math spans; each
    renderer then sets the math in math mode (the terminal in Unicode). A ``$`` that opens no
    math (``costs $5``) and ``\\$`` stay text."""
    out: list[Span] = []
    at = 0
    for m in _INLINE_MATH.finditer(value):
        out.append(text(value[at : m.start()].replace("\\$", "$")))
        out.append(math(m.group(1).strip()))
        at = m.end()
    out.append(text(value[at:].replace("\\$", "$")))
    return _merge(out)


def reason(result: StepResult, lang: str) -> str:
    """The step's reason; for an unreadable formula, preceded by the column of the offending
    token (``column 7: cannot read the formula: ...``)."""
    place = result.step.place
    if result.verdict is Verdict.UNREADABLE and place is not None and place.column is not None:
        where = f"{place.column}文字目" if lang == "ja" else f"column {place.column}"
        return f"{where}: {result.reason}"
    return result.reason


def readable_conditions(conditions: tuple[str, ...]) -> tuple[str, ...]:
    """Conditions without the ones another listed condition says already: ``y_{1} \\neq 0``
    and ``y_{1} \\geq 0`` go when ``y_{1} > 0`` is listed."""
    positive = {c[: -len(" > 0")] for c in conditions if c.endswith(" > 0")}
    weaker = (" \\neq 0", " \\geq 0")
    return tuple(
        c for c in conditions if not any(c.endswith(w) and c[: -len(w)] in positive for w in weaker)
    )


def reason_spans(result: StepResult, lang: str) -> list[Span]:
    """The reason as spans: in English the checker's text as it is; in Japanese translated
    (:data:`_REASONS_JA`), with the conditions it names set as math."""
    text_ = one_line(reason(result, lang))
    if lang != "ja":
        return [text(text_)]
    return _reason_ja(text_)


def _conditions_math(value: str) -> list[Span]:
    """``y_{k} > 0, t_{k} \\in \\mathbb{R}`` (LaTeX, as the checker writes conditions)."""
    return [math(value.strip())]


# a condition as the checker writes it: up to a parenthesis or a semicolon, its own \left( and
# \right) excepted (they were taken for its end: "division には  が必要", the rest in English)
_CONDITION = r"(?:\\left\(|\\right\)|[^;()])+"


def _needs_ja(m: re.Match) -> list[Span]:
    out: list[Span] = []
    for i, part in enumerate(m.group(0).split("; ")):
        rule, _, needs = part.partition(" needs ")
        if i:
            out.append(text("。"))
        out += [code(rule), text(" には "), *_conditions_math(needs), text(" が必要")]
    return out


# The checker's reasons (English) in Japanese: a pattern over the whole reason and the spans
# it reads as. A reason no pattern knows is shown in English after 「（英語の理由）」.
_REASONS_JA: tuple[tuple[re.Pattern, Any], ...] = (
    (re.compile(r"the two sides differ \(numerical quadrature\)"), lambda m: [
        text("両辺が一致しない（数値積分による）")]),
    (re.compile(
        r"the two sides differ only where a range is empty \(found with (.+?) false\): it "
        r"holds, if at all, where every range has a term \((.+?)\), which is not established: "
        r"declare it"), lambda m: [
        text("両辺が異なるのは和の範囲が空になるところだけ（"), math(m.group(1)),
        text(" が成り立たない点で見つかった）：成り立つとしても各範囲に項があるところ（"),
        math(m.group(2)), text("）で、それは確立していない：仮定として宣言する")]),
    (re.compile(r"the two sides differ"), lambda m: [text("両辺が一致しない")]),
    (re.compile(
        r"series_sum needs (.+?) \(where the series' closed form holds\), not established: "
        r"declare it"), lambda m: [
        code("series_sum"), text(" には "), math(m.group(1)),
        text(" が必要（級数の閉じた形が成り立つところ）だが、確立していない：仮定として宣言する")]),
    (re.compile(
        r"not checked: a condition on names written nowhere before, stated, not derived; to "
        r"assume it for the whole document write it in the prose \(Assume \$.+?\$\.\) or with "
        r"--assume"), lambda m: [
        text("未検査：それまでどこにも書かれていない名前への条件（導かれたものではなく述べたもの）。"
             "文書全体の仮定にするには本文に書く（「ただし $\\lambda > 0$ とする。」）か --assume "
             "で与える")]),
    (re.compile(r"\(declare the random variable with 'moments'\)"), lambda m: [
        text("（確率変数を moments 付きで宣言する）")]),
    (re.compile(
        r"\(the row before needs (.+?), which the chain's left side does not need\)"), lambda m: [
        text("（前の行は "), math(m.group(1)),
        text(" を必要とするが、連鎖の左辺は必要としない）")]),
    (re.compile(r"\(for (\\int.+)\)$"), lambda m: [
        text("（"), math(m.group(1)), text(" について）")]),
    (re.compile(r"the left side is not greater than the right side"), lambda m: [
        text("左辺は右辺より大きくない")]),
    (re.compile(r"no symbolic proof found \(rule search and algebra\) and no counterexample"),
     lambda m: [text("記号的な証明も反例も見つからない（規則の探索と代数）")]),
    (re.compile(
        r"no symbolic proof found \(integrals kept whole, split, evaluated\) and no "
        r"counterexample"), lambda m: [
        text("記号的な証明も反例も見つからない（積分はそのまま・分割・計算して試した）")]),
    (re.compile(r"try a smaller step between these two rows, or a longer --timeout"),
     lambda m: [text("この2行の間にもっと小さなステップを入れるか、--timeout を長くする")]),
    (re.compile(r"try a smaller step between these two rows"),
     lambda m: [text("この2行の間にもっと小さなステップを入れてみる")]),
    (re.compile(r"the rule search came closest with ([A-Za-z_, ]+?)(?=;|$)"), lambda m: [
        text("規則の探索で最も近づいたのは "), code(m.group(1)), text(" ")]),
    (re.compile(
        r"(.+?) stands? on one side only and no row before this one defines it: define it "
        r"before this row"), lambda m: [
        math(m.group(1)), text(" は片側にしか現れず、この行より前に定義する行がない："
                               "この行より前で定義する")]),
    (re.compile(r"time limit \(([0-9.]+) s of CPU time\) ran out"), lambda m: [
        text(f"時間制限（CPU時間 {m.group(1)} 秒）に達した")]),
    (re.compile(
        r"not checked: the formula it continues \(line ([0-9]+)\) could not be read; a new "
        r"chain starts here"), lambda m: [
        text(f"未検査：続く元の式（{m.group(1)}行目）が読めない。ここから新しい連鎖が始まる")]),
    (re.compile(
        r"the left side is defined nowhere under the assumptions and the givens: it takes a "
        r"definition at a value outside the case that definition was written under"),
        lambda m: [text("仮定と前提のもとで左辺はどこでも定義されない：定義が書かれた場合の外の値で"
                        "その定義を使っている")]),
    (re.compile(
        r"the left side is defined nowhere under the assumptions and the givens: (.+) cannot "
        r"hold"), lambda m: [
        text("仮定と前提のもとで左辺はどこでも定義されない："), math(m.group(1)),
        text(" は成り立ちえない")]),
    (re.compile(
        r"not decided: (.+?) is differentiated by (.+?), which it is not written to depend on, "
        r"and no row defines it: how it depends on .+? is not known \(write its arguments, or "
        r"define it\)"), lambda m: [
        text("未決定："), math(m.group(1)), text(" を "), math(m.group(2)),
        text(" で微分しているが、それに依存するとは書かれておらず、定義する行もない："
             "どう依存するか分からない（引数を書くか、定義する）")]),
    (re.compile(
        r"not decided: refuted only where the equation supposed at line ([0-9, ]+) \((.+)\) "
        r"fails; with it the step (holds|is not refuted), but a premise holds for its own "
        r"implication only: state it as a given \(a row of its own\) to decide the step"),
        lambda m: [
        text(f"未決定：{m.group(1)}行目で仮定した式 "), math(m.group(2)),
        text(" が成り立たないところでだけ反証される。それがあればこのステップは"
             + ("成り立つ" if m.group(3) == "holds" else "反証されない")
             + "が、仮定はその含意の中だけのもの：決めるにはそれを前提として独立した行に書く")]),
    (re.compile(
        r"not decided: refuted only with (.+?) a number of its own; the row defining .+? "
        r"(?:\(line ([0-9, ]+)\) )?could not be read, and its definition may exclude that "
        r"value: make that row readable"), lambda m: [
        text("未決定："), math(m.group(1)), text(" を独立な数とみなしたときだけ反証される。"),
        text(f"それを定義する行（{m.group(2)}行目）" if m.group(2) else "それを定義する行"),
        text("が読めず、その定義がその値を除くかもしれない：その行を読める形にする")]),
    (re.compile(
        r"not decided: the row defining (.+?) (?:\(line ([0-9, ]+)\) )?could not be read, so "
        r"what it depends on is not known, and the step differentiates, integrates or takes a "
        r"limit or an expectation over another variable: make that row readable"), lambda m: [
        text("未決定："), math(m.group(1)),
        text(f" を定義する行（{m.group(2)}行目）" if m.group(2) else " を定義する行"),
        text("が読めないので、それが何に依存するか分からない。この行は別の変数で微分・積分・"
             "極限・期待値をとっている：その行を読める形にする")]),
    (re.compile(
        r"no real value of (.+?) satisfies it \(symbols are real unless declared otherwise\): "
        r"not taken as a given, as every row after it would follow from it \(declare a name "
        r"complex if it may be, --assume \"z complex\"\)"), lambda m: [
        text("これを満たす実数 "), math(m.group(1)),
        text(" はない（宣言のない記号は実数）。前提とするとその後のどの行も成り立って"
             "しまうので前提にしない（複素数なら宣言する：--assume \"z complex\"）")]),
    (re.compile(r"follows from the previous row(?: \(([^()]*)\))?"), lambda m: [
        text("前の行から従う" + (f"（{m.group(1)}）" if m.group(1) else ""))]),
    (re.compile(r"time limit \(([\d.]+) s\) ran out"), lambda m: [
        text(f"制限時間（{m.group(1)} 秒）を超えた")]),
    (re.compile(r"expression nested too deeply"), lambda m: [text("式の入れ子が深すぎる")]),
    (re.compile(rf"(\w+ needs {_CONDITION})(; \w+ needs {_CONDITION})*"), _needs_ja),
    (re.compile(r"\(the step introduces (.+): the left side is defined without it\)"),
     lambda m: [text("（この式は "), math(m.group(1)),
                text(" を新たに必要とする。左辺はそれなしで定義される）")]),
    (re.compile(r"not shown that the left side is defined anywhere under the assumptions and "
                r"the givens: no point found where (.+)"), lambda m: [
        text("仮定と前提の下で左辺が定義される点が見つからない（"), math(m.group(1)),
        text(" となる点がない）")]),
    (re.compile(r"not checked under the condition (.+?): the condition contradicts the "
                r"declaration of (.+)"), lambda m: [
        text("条件 "), math(m.group(1)), text(" のもとでは判定しない（条件が "), math(m.group(2)),
        text(" の宣言と矛盾する）")]),
    (re.compile(r"not checked under the condition (.+?): no values were found that satisfy it "
                r"under the assumptions"), lambda m: [
        text("条件 "), math(m.group(1)),
        text(" のもとでは判定しない（仮定の下でこの条件を満たす値が見つからない）")]),
    (re.compile(r"not checked under the condition (.+?): the condition names (.+), a bound "
                r"variable of the step"), lambda m: [
        text("条件 "), math(m.group(1)), text(" のもとでは判定しない（条件の "), math(m.group(2)),
        text(" はこの式の束縛変数）")]),
    (re.compile(r"not checked under the condition (.+?): only an equation is checked under one"),
     lambda m: [text("条件 "), math(m.group(1)),
                text(" のもとでは判定しない（条件のもとで判定するのは等式だけ）")]),
    (re.compile(r"could not be decided \(SymPy: (.+)\)"), lambda m: [
        text("判定できなかった（SymPy："), code(m.group(1)), text("）")]),
    (re.compile(r"(\d+)文字目: cannot read the formula: (.+)"), lambda m: [
        text(f"{m.group(1)}文字目：式を読めない："), *_unreadable_ja(m.group(2))]),
    (re.compile(r"cannot read the formula: (.+)"), lambda m: [
        text("式を読めない："), *_unreadable_ja(m.group(1))]),
)  # fmt: skip

# The reader's commonest messages (the unreadable rows of the Japanese corpus and of the posts
# tried at stops 37 and 38), in Japanese; any other stays in English, as written
_UNREADABLE_JA: tuple[tuple[re.Pattern, Any], ...] = (
    (re.compile(r"ambiguous: '(.+?)\(\.\.\.\)' may be an expectation or a product.*"), lambda m: [
        text("「"), code(f"{m.group(1)}(...)"),
        text("」は期待値とも積とも読める：期待値なら \\mathbb{E}[...] と書き、"
             "関数なら宣言し、積なら "),
        code(f"{m.group(1)} \\cdot (...)"), text(" と書く")]),
    (re.compile(r"ambiguous: '(.+?)\(\.\.\.\)' may be a function applied to its argument or a "
                r"product.*"), lambda m: [
        text("「"), code(f"{m.group(1)}(...)"),
        text("」は関数の適用とも積とも読める：関数なら宣言し（--assume \""), code(m.group(1)),
        text(" function\"）、積なら "), code(f"{m.group(1)} \\cdot (...)"), text(" と書く")]),
    (re.compile(r"ambiguous argument of \\(\w+): .*"), lambda m: [
        text("\\" + m.group(1) + " の引数があいまい：引数全体を "),
        code(f"\\{m.group(1)}(...)"), text(" で囲むか、ほかの因子を前に出す")]),
    (re.compile(r"not supported: primes \(f'\).*"), lambda m: [
        text("プライム (f') による微分は読めない（文書の関数をその引数に適用した f'(x) を除く）："
             "微分は \\frac{d}{dx} で書く")]),
    (re.compile(r"prose in the middle of a formula.*"), lambda m: [
        text("式の途中に文章がある：文章は式の前か後に書く")]),
    (re.compile(r"an empty argument before or after a bar"), lambda m: [
        text("縦線の前か後の引数が空（絶対値の縦線なら括弧で囲む）")]),
    (re.compile(r"\\int without its differential.*"), lambda m: [
        text("\\int に積分変数の微分（dx, \\mathrm{d}x）がない")]),
    (re.compile(r"\\sum without a body.*"), lambda m: [
        text("\\sum の後に項がない：項を書くか、"
             "先に名前を付けて（S = \\sum_{k=1}^{K} a_k）S と書く")]),
    (re.compile(r"\\sum needs its range.*"), lambda m: [
        text("\\sum に範囲がない：\\sum_{k=1}^{K} または \\sum_{k} と書く")]),
    (re.compile(r"cannot read the ellipsis: (.+)"), lambda m: [
        text("省略記号を読めない："), code(m.group(1))]),
    (re.compile(r"not supported: (.+)"), lambda m: [text("未対応："), code(m.group(1))]),
)  # fmt: skip


def _unreadable_ja(message: str) -> list[Span]:
    """A reader's message in Japanese where :data:`_UNREADABLE_JA` has it, else as written."""
    for pattern, spans_of in _UNREADABLE_JA:
        m = pattern.fullmatch(message)
        if m:
            return spans_of(m)
    return [code(message)]


def _reason_ja(value: str) -> list[Span]:
    out: list[Span] = []
    at = 0
    while at < len(value):
        for pattern, spans_of in _REASONS_JA:
            m = pattern.match(value, at)
            if m:
                out += spans_of(m)
                at = m.end()
                break
        else:
            rest = value[at:].strip(" ;")
            if rest:
                out += [text("（英語の理由）"), code(rest)]
            break
        while at < len(value) and value[at] in " ;":
            at += 1
    return _merge(out)


def condition_spans(condition: str, lang: str) -> list[Span]:
    """The condition a step is checked under (written after its comma), as spans."""
    return [text(word("condition", lang)), math(condition)]


def domain_spans(domain: tuple[str, ...], lang: str) -> list[Span]:
    """``Where b \\neq 0``: the conditions a verified step (or a derivation) holds within."""
    return [text(word("where", lang)), math(r",\ ".join(domain))]


_ENDS_SENTENCE = re.compile(r"[.!?。！？…]$")


def join_sentences(sentences: list[list[Span]], lang: str) -> list[Span]:
    """Sentences joined into one run of spans, each ended by a full stop unless it already
    ends with one. In Japanese the stop is ``。``, except after English words (the checker's
    reasons are English), which get ``. `` so that the sentence reads naturally."""
    out: list[Span] = []
    for sentence in sentences:
        if out and not (out[-1].kind == "text" and out[-1].value.endswith("。")):
            out.append(text(" "))
        out += sentence
        last = sentence[-1] if sentence else None
        if last and last.kind in ("text", "number") and _ENDS_SENTENCE.search(last.value):
            continue
        ascii_end = last is not None and last.kind == "text" and last.value[-1:].isascii()
        out.append(text("。" if lang == "ja" and not ascii_end else "."))
    return _merge(out)


def _merge(spans: list[Span]) -> list[Span]:
    """Adjacent text spans merged (stable, shorter output); empty text dropped."""
    out: list[Span] = []
    for span in spans:
        if span.kind == "text" and not span.value:
            continue
        if out and span.kind == "text" and out[-1].kind == "text":
            out[-1] = Span("text", out[-1].value + span.value)
        else:
            out.append(span)
    return out


def one_line(value: str) -> str:
    """Whitespace (newlines included) collapsed to single spaces."""
    return " ".join(value.split())
