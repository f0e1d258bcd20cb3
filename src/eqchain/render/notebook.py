r"""Rich display of a report in Jupyter: the strings behind ``_repr_latex_``,
``_repr_markdown_`` and ``_repr_html_``.

* LaTeX: math only (Jupyter typesets ``text/latex`` with MathJax): one ``$$`` block per
  derivation, an ``aligned`` with the title, the rows and, beside each row, its label, verdict
  mark and rule names.
* Markdown: :func:`eqchain.render.markdown.render_markdown`.
* HTML: the same content as the Markdown, written as escaped HTML inside
  ``<div class="eqchain-report">``, with math left to MathJax between ``\(...\)`` and
  ``\[...\]``; user text holding ``$`` or ``\`` is marked for MathJax to ignore.
"""

from __future__ import annotations

import html

from eqchain.model import Report, Verdict
from eqchain.render import content
from eqchain.render.content import Span
from eqchain.render.markdown import (
    aligned,
    label_math,
    math_words,
    render_markdown,
    row_sentence,
)


def report_latex(report: Report, lang: str = "en") -> str:
    """Math for ``_repr_latex_``: per derivation a ``$$\\begin{aligned}...\\end{aligned}$$``
    block with the title as a bold first line and each row's label, mark and rule names."""
    content.check_lang(lang)
    blocks = []
    for dreport in report.derivations:
        lines = [r"&\mathbf{" + math_words(content.title(dreport, lang)) + "}"]
        for chain in content.chains(dreport):
            for row in chain.rows:
                if row.verdict is Verdict.UNREADABLE:  # as written, as words: it may not typeset
                    written = r"&\mathtt{" + math_words(row.step.claim) + "}"
                    lines.append(f"{written} && {_side_note(row, lang)}")
                else:
                    shown = f"{row.arrow}{row.lhs} &{row.relation} {row.rhs}"
                    lines.append(f"{shown} && {_side_note(row, lang)}".lstrip())
        blocks.append("$$\n\\begin{aligned}\n" + " \\\\\n".join(lines) + "\n\\end{aligned}\n$$")
    return "\n".join(blocks) + ("\n" if blocks else "")


def _side_note(row: content.Row, lang: str) -> str:
    parts = []
    if row.label:
        parts.append(label_math(row.label))
    parts.append(content.LATEX_MARKS[row.verdict])
    if row.result.rules:
        parts.append(r"\mathrm{" + math_words(", ".join(row.result.rules)) + "}")
    return r"\enspace ".join(parts)


def report_markdown(report: Report, lang: str = "en") -> str:
    """Markdown for ``_repr_markdown_``: the same as :func:`render_markdown`."""
    return render_markdown(report, lang)


def report_html(report: Report, lang: str = "en") -> str:
    """HTML for ``_repr_html_``: headings, assumptions, one display per chain and the
    justifications as an ordered list; every piece of text is HTML-escaped."""
    content.check_lang(lang)
    out = ['<div class="eqchain-report">']
    for dreport in report.derivations:
        out.append("<section>")
        out.append(f"<h3>{_text(content.title(dreport, lang))}</h3>")
        if dreport.path:
            colon = "：" if lang == "ja" else ": "
            source = content.word("source", lang) + colon
            out.append(f"<p>{_e(source)}<code>{_e(dreport.path)}</code></p>")
        items = content.assumption_items(dreport.derivation, lang)
        if items:
            out.append(f"<p><strong>{_e(content.word('assumptions', lang))}</strong></p>")
            out.append("<ul>" + "".join(f"<li>{_spans(i)}</li>" for i in items) + "</ul>")
        if dreport.error is not None:
            out.append(f"<p><strong>{_text(str(dreport.error))}</strong></p>")
        for chain in content.chains(dreport):
            if chain.rows[0].verdict is Verdict.UNREADABLE:
                written = f"<code>{_text(chain.rows[0].step.claim)}</code>"
                out.append(f'<div class="eqchain-chain">{written}</div>')
            else:
                out.append(f'<div class="eqchain-chain">\\[{_e(aligned(chain))}\\]</div>')
            rows = "".join(f"<li>{_spans(row_sentence(r, lang))}</li>" for r in chain.rows)
            out.append(f"<ol>{rows}</ol>")
        out.append("</section>")
    out.append("</div>")
    return "\n".join(out) + "\n"


def _e(value: str) -> str:
    return html.escape(value, quote=True)


def _spans(items: list[Span]) -> str:
    out = []
    for span in items:
        if span.kind == "math":
            out.append(f"\\({_e(span.value)}\\)")
        elif span.kind == "number":
            out.append(f"\\({_e(content.number_latex(span.value))}\\)")
        elif span.kind == "code":
            out.append(f"<code>{_e(span.value)}</code>")
        else:
            out.append(_text(span.value))
    return "".join(out)


def _text(value: str) -> str:
    """User text, escaped; kept away from MathJax when it holds math delimiters."""
    if "$" in value or "\\" in value:
        return f'<span class="tex2jax_ignore mathjax_ignore">{_e(value)}</span>'
    return _e(value)
