"""Strings for Jupyter's rich display of a report."""

from __future__ import annotations

from dataclasses import replace

from eqchain.model import Report
from eqchain.render.markdown import render_markdown
from eqchain.render.notebook import report_html, report_latex, report_markdown


def test_latex_repr_is_math_only(report):
    text = report_latex(report)
    blocks = text.split("$$")
    assert text.startswith("$$\n\\begin{aligned}")
    assert all(not b.strip() for b in blocks[::2])  # nothing outside $$...$$
    assert len(blocks[1::2]) == len(report.derivations)


def test_latex_repr_lists_label_mark_and_rules_beside_each_row(report):
    assert r"&& \mathrm{(3.5)}\enspace \checkmark\enspace \mathrm{log\_prod}" in report_latex(
        report
    )


def test_markdown_repr_is_the_markdown_rendering(report):
    assert report_markdown(report, "ja") == render_markdown(report, "ja")


def test_html_repr_escapes_user_text(report):
    first = report.derivations[0]
    hostile = replace(first, derivation=replace(first.derivation, title="<script>x</script>"))
    html = report_html(Report((hostile,)))
    assert "<script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


def test_html_repr_gives_each_chain_as_display_math(report):
    html = report_html(report)
    assert html.startswith('<div class="eqchain-report">')
    assert html.count('<div class="eqchain-chain">\\[\\begin{aligned}') == 5
    assert "&amp;= " in html  # alignment points escaped for HTML, read back by the browser


def test_html_repr_keeps_dollars_in_user_text_away_from_mathjax(report):
    html = report_html(report)
    assert '<span class="tex2jax_ignore mathjax_ignore">Log-likelihood of a die' in html


def test_html_repr_lists_justifications(report):
    assert "<li>(3.5) ✓ verified — By <code>log_prod</code>" in report_html(report)
