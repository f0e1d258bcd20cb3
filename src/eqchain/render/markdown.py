r"""A report as blog-ready Markdown with math for MathJax 3 and KaTeX.

Layout, per derivation: a ``##`` heading with the title, the source file, the declared
assumptions as a list, then per chain ONE display block::

    $$
    \begin{aligned}
    \log L &= \log \prod_{k=1}^{6} y_{k}^{t_{k}} && \mathrm{(3.4)}\enspace\checkmark \\
    &= \sum_{k=1}^{6} \log y_{k}^{t_{k}} && \mathrm{(3.5)}\enspace\checkmark
    \end{aligned}
    $$

followed by a numbered list with one item per row, in order, giving the row's label, verdict
and justification in prose (rules in words, side conditions, the author's note, the reason or
the counterexample).

Why labels are a column and not ``\tag``: ``\tag`` is not allowed inside ``aligned`` (LaTeX,
MathJax 3 and KaTeX all reject it), and a ``$$`` block holds at most one ``\tag``. Per-row tags
need ``align``, which is not valid inside ``$$`` math: MathJax accepts it there, but KaTeX and
Markdown tools that follow LaTeX (kramdown, pandoc) do not reliably. One ``\tag`` per row would
therefore mean one ``$$`` block per row, breaking the chain apart. Writing the label as
``\mathrm{(3.5)}`` in a right-hand column of ``aligned`` renders the same in MathJax and KaTeX,
keeps each chain in one block, and keeps each label at the right of its row.

User text (titles, notes, reasons) is escaped for Markdown. Math is written so that a Markdown
processor that does NOT know math leaves it intact too (markdown-it, goldmark, Python-Markdown
with KaTeX or MathJax run over the page afterwards), not only one that does (GitHub,
markdown-it-texmath, Zenn): :func:`markdown_safe_math` writes the same LaTeX without what
CommonMark would rewrite (``\\`` as ``\cr``, ``\{`` as ``\lbrace``, ``<`` as ``\lt``, no
``_`` that could open emphasis, no row that starts like a list item).

``--flavor`` chooses the math delimiters the target reads (:data:`FLAVORS`): ``github`` (the
default: ``$$`` blocks and ``$...$``; GitHub, markdown-it with or without a math plugin and
KaTeX, Zenn, Hugo), ``katex``, ``zenn`` and ``hugo`` (the same), ``mathjax`` (inline math as
``\\(...\\)``, which a CommonMark processor turns into MathJax's default ``\(...\)``),
``jekyll`` (kramdown: ``$$`` inline as well) and ``qiita`` (display math in a ```` ```math ````
fence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eqchain.model import DerivationReport, Report, Verdict
from eqchain.render import content
from eqchain.render.content import Chain, Row, Span

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|$~&^])")
# Math-mode escapes that MathJax 3 and KaTeX both read (MathJax's \text{} is literal, so user
# text inside math is written in \mathrm{} instead).
_MATH_SPECIAL = {"\\": r"\backslash ", "{": r"\{", "}": r"\}", "#": r"\#", "$": r"\$",
                 "%": r"\%", "&": r"\&", "_": r"\_", "~": r"\sim ", "^": r"\wedge ",
                 " ": r"\ "}  # fmt: skip


@dataclass(frozen=True)
class Flavor:
    """How a Markdown target wants math: display blocks between ``display`` (a line each),
    inline math between ``inline``."""

    name: str
    display: tuple[str, str] = ("$$", "$$")
    inline: tuple[str, str] = ("$", "$")


FLAVORS: dict[str, Flavor] = {
    "github": Flavor("github"),
    "katex": Flavor("katex"),
    "zenn": Flavor("zenn"),
    "hugo": Flavor("hugo"),
    "mathjax": Flavor("mathjax", inline=("\\\\(", "\\\\)")),
    "jekyll": Flavor("jekyll", inline=("$$", "$$")),
    "qiita": Flavor("qiita", display=("```math", "```")),
}
DEFAULT_FLAVOR = "github"

# Control symbols that CommonMark reads as backslash escapes (it drops the backslash), written
# as control words that KaTeX and MathJax read the same way.
_SAFE_CONTROL = {"\\": r"\cr", "{": r"\lbrace", "}": r"\rbrace", ",": r"\thinspace",
                 ";": r"\thickspace", ":": r"\medspace", "!": r"\negthinspace",
                 "|": r"\Vert", ">": r"\gt", "<": r"\lt"}  # fmt: skip
_BARE = {"<": r"\lt ", ">": r"\gt ", "*": r"\ast "}
_DOUBLE_SPACE = re.compile(
    r"(\\(?:lt|gt|ast|cr|[lr]brace|thinspace|thickspace|medspace|"
    r"negthinspace|Vert))  +"
)
_MATH_TOKEN = re.compile(r"\\([A-Za-z]+|.)|(.)", re.DOTALL)
# The start of a line that CommonMark would read as a list item, heading, quote or rule.
_BLOCK_START = re.compile(r"^\s*(?:[-+*#>=_]|\d+[.)](?:\s|$))")


def markdown_safe_math(tex: str, display: bool = False) -> str:
    r"""``tex`` as LaTeX that KaTeX and MathJax read the same way and that a CommonMark
    processor without math support passes through unchanged: backslash escapes of punctuation
    as control words (``\\`` as ``\cr``), ``<``/``>`` as ``\lt``/``\gt`` (never an HTML tag),
    ``*`` as ``\ast`` and a space after a ``_`` that follows punctuation (neither can then
    open emphasis), and, in ``display`` math, the left side of a row that would start a list
    item or a heading wrapped in braces."""
    out: list[str] = []
    prev = ""
    for m in _MATH_TOKEN.finditer(tex):
        word, char = m.group(1), m.group(2)
        if word is not None:
            piece = "\\" + word
            if word in _SAFE_CONTROL:
                piece = _SAFE_CONTROL[word] + " "
        elif char in _BARE:
            piece = _BARE[char]
        elif char == "_" and prev and not prev.isalnum():
            piece = "_ "
        else:
            piece = char
        out.append(piece)
        prev = piece[-1]
    safe = _DOUBLE_SPACE.sub(r"\1 ", "".join(out))
    return "\n".join(_guard(line) for line in safe.split("\n")) if display else safe


def _guard(line: str) -> str:
    """A line starting like a Markdown block (``- x &= y``) gets its first cell in braces."""
    if not _BLOCK_START.match(line):
        return line
    head, amp, rest = line.partition("&")
    return "{" + head.strip() + "} " + amp + rest


def escape(value: str) -> str:
    """Plain text made literal for Markdown: the characters that start markup are
    backslash-escaped and whitespace runs become one space."""
    return _MD_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", value))


def code_span(value: str) -> str:
    """``value`` as a Markdown code span, with a fence longer than any backtick run in it."""
    value = re.sub(r"\s+", " ", value)
    longest = max((len(m) for m in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def math_words(value: str) -> str:
    """User text escaped for ``\\mathrm{...}`` in math, the way both MathJax 3 and KaTeX read
    it (spaces kept as ``\\ ``)."""
    return "".join(_MATH_SPECIAL.get(ch, ch) for ch in re.sub(r"\s+", " ", value.strip()))


def label_math(label: str) -> str:
    """A label as upright math, ``\\mathrm{(3.5)}``."""
    return r"\mathrm{(" + math_words(label) + ")}"


def spans(items: list[Span], flavor: Flavor | None = None) -> str:
    """Spans as Markdown: text escaped, math and numbers between the flavor's inline
    delimiters (``$...$``, made safe for CommonMark), code in backticks."""
    flavor = flavor or FLAVORS[DEFAULT_FLAVOR]
    left, right = flavor.inline
    out = []
    for span in items:
        if span.kind == "math":
            out.append(f"{left}{markdown_safe_math(span.value)}{right}")
        elif span.kind == "number":
            out.append(f"{left}{markdown_safe_math(content.number_latex(span.value))}{right}")
        elif span.kind == "code":
            out.append(code_span(span.value))
        else:
            out.append(escape(span.value))
    return "".join(out)


def aligned(chain: Chain) -> str:
    r"""The chain as one ``\begin{aligned}...\end{aligned}``: ``lhs &= rhs`` rows with the label
    and the verdict mark in a right-hand column."""
    rows = [
        f"{row.arrow}{row.lhs} &{row.relation} {row.rhs} && {_row_mark(row)}".lstrip()
        for row in chain.rows
    ]
    return "\\begin{aligned}\n" + " \\\\\n".join(rows) + "\n\\end{aligned}"


def _row_mark(row: Row) -> str:
    mark = content.LATEX_MARKS[row.verdict]
    if row.label:
        return label_math(row.label) + r"\enspace " + mark
    return mark


def row_sentence(row: Row, lang: str) -> list[Span]:
    """The prose for one row: ``(3.5) ✓ verified — By log_prod (...). Under y_k > 0.``; a
    generated step is named by its role (``stationarity: ✓ verified — ...``)."""
    head: list[Span] = []
    if row.label:
        head.append(content.text(f"({row.label}) "))
    elif row.step.role:
        role = content.role_text(row.step.role, lang)
        head.append(content.text(role + ("：" if lang == "ja" else ": ")))
    verdict = content.verdict_word(row.verdict, lang)
    head.append(content.text(f"{content.MARKS[row.verdict]} {verdict}"))
    sentences = content.justification(row.result, lang)
    if not sentences:
        return head
    head.append(content.text("　" if lang == "ja" else " — "))
    return head + content.join_sentences(sentences, lang)


def render_markdown(report: Report, lang: str = "en", flavor: str = DEFAULT_FLAVOR) -> str:
    """The report as Markdown in ``lang`` (``en`` or ``ja``) for the target ``flavor`` (a key
    of :data:`FLAVORS`): one display block per chain, the justifications as a numbered list
    under it. The same report gives the same text; ValueError for an unknown ``lang`` or
    ``flavor``."""
    content.check_lang(lang)
    if flavor not in FLAVORS:
        raise ValueError(f"unknown flavor '{flavor}' (known: {', '.join(FLAVORS)})")
    parts = [_derivation(d, lang, FLAVORS[flavor]) for d in report.derivations]
    return "\n".join(parts)


def _derivation(dreport: DerivationReport, lang: str, flavor: Flavor) -> str:
    ja = lang == "ja"
    colon = "：" if ja else ": "
    if dreport.error is not None:  # a file that could not be loaded
        return f"## {escape(dreport.path)}\n\n{escape(str(dreport.error))}\n"
    out = [f"## {escape(content.title(dreport, lang))}", ""]
    if dreport.path:
        out += [escape(content.word("source", lang) + colon) + code_span(dreport.path), ""]
    items = content.assumption_items(dreport.derivation, lang)
    if items:
        out += [f"**{escape(content.word('assumptions', lang))}**", ""]
        out += [f"- {spans(item, flavor)}" for item in items]
        out.append("")
    for chain in content.chains(dreport):
        if chain.rows[0].verdict is Verdict.UNREADABLE:  # as written: it may not typeset
            out += [code_span(chain.rows[0].step.claim), ""]
        else:
            opening, closing = flavor.display
            out += [opening, markdown_safe_math(aligned(chain), display=True), closing, ""]
        for i, row in enumerate(chain.rows, start=1):
            out.append(f"{i}. " + _bold_label(spans(row_sentence(row, lang), flavor), row))
        out.append("")
    summary = spans(content.summary_spans(content.derivation_counts(dreport), lang), flavor)
    out += [f"**{escape(content.word('summary', lang))}**{escape(colon)}{summary}", ""]
    if dreport.domain:
        where = spans([content.math(r",\ ".join(dreport.domain))], flavor)
        out += [f"**{escape(content.word('domain', lang))}**{escape(colon)}{where}", ""]
    return "\n".join(out)


def _bold_label(line: str, row: Row) -> str:
    """The leading ``(label)`` of a list item set in bold, so rows are easy to find."""
    if not row.label:
        return line
    head = escape(f"({row.label})")
    if line.startswith(head):
        return f"**{head}**" + line[len(head) :]
    return line
