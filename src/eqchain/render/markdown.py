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

User text (titles, notes, reasons) is escaped for Markdown; math is passed through. A pipeline
that is not math-aware may still read ``_`` or ``\\`` inside ``$...$``: use a Markdown processor
with math support (markdown-it-katex, goldmark with passthrough, pandoc).
"""

from __future__ import annotations

import re

from eqchain.model import DerivationReport, Report, Verdict
from eqchain.render import content
from eqchain.render.content import Chain, Row, Span

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|$~&^])")
# Math-mode escapes that MathJax 3 and KaTeX both read (MathJax's \text{} is literal, so user
# text inside math is written in \mathrm{} instead).
_MATH_SPECIAL = {"\\": r"\backslash ", "{": r"\{", "}": r"\}", "#": r"\#", "$": r"\$",
                 "%": r"\%", "&": r"\&", "_": r"\_", "~": r"\sim ", "^": r"\wedge ",
                 " ": r"\ "}  # fmt: skip


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


def spans(items: list[Span]) -> str:
    """Spans as Markdown: text escaped, math and numbers in ``$...$``, code in backticks."""
    out = []
    for span in items:
        if span.kind == "math":
            out.append(f"${span.value}$")
        elif span.kind == "number":
            out.append(f"${content.number_latex(span.value)}$")
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
    """The prose for one row: ``(3.5) ✓ verified — By log_prod (...). Under y_k > 0.``"""
    head: list[Span] = []
    if row.label:
        head.append(content.text(f"({row.label}) "))
    verdict = content.verdict_word(row.verdict, lang)
    head.append(content.text(f"{content.MARKS[row.verdict]} {verdict}"))
    sentences = content.justification(row.result, lang)
    if not sentences:
        return head
    head.append(content.text("　" if lang == "ja" else " — "))
    return head + content.join_sentences(sentences, lang)


def render_markdown(report: Report, lang: str = "en") -> str:
    """The report as Markdown in ``lang`` (``en`` or ``ja``): one ``$$`` block per chain, the
    justifications as a numbered list under it. The same report gives the same text; ValueError
    for an unknown ``lang``."""
    content.check_lang(lang)
    parts = [_derivation(d, lang) for d in report.derivations]
    return "\n".join(parts)


def _derivation(dreport: DerivationReport, lang: str) -> str:
    ja = lang == "ja"
    colon = "：" if ja else ": "
    if dreport.error is not None:  # a file that could not be loaded
        return f"## {escape(dreport.path)}\n\n{escape(str(dreport.error))}\n"
    out = [f"## {escape(dreport.title or dreport.path)}", ""]
    if dreport.path:
        out += [escape(content.word("source", lang) + colon) + code_span(dreport.path), ""]
    items = content.assumption_items(dreport.derivation, lang)
    if items:
        out += [f"**{escape(content.word('assumptions', lang))}**", ""]
        out += [f"- {spans(item)}" for item in items]
        out.append("")
    for chain in content.chains(dreport):
        if chain.rows[0].verdict is Verdict.UNREADABLE:  # as written: it may not typeset
            out += [code_span(chain.rows[0].step.claim), ""]
        else:
            out += ["$$", aligned(chain), "$$", ""]
        for i, row in enumerate(chain.rows, start=1):
            out.append(f"{i}. " + _bold_label(spans(row_sentence(row, lang)), row))
        out.append("")
    summary = spans(content.summary_spans(content.derivation_counts(dreport), lang))
    out += [f"**{escape(content.word('summary', lang))}**{escape(colon)}{summary}", ""]
    if dreport.domain:
        where = spans([content.math(r",\ ".join(dreport.domain))])
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
