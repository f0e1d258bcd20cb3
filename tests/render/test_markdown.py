"""The Markdown renderer: one $$ block per chain, labels that MathJax and KaTeX both render,
justifications in prose."""

from __future__ import annotations

import re

import pytest

from eqchain.latex.printer import latex
from eqchain.render import content
from eqchain.render.markdown import (
    code_span,
    escape,
    label_math,
    markdown_safe_math,
    render_markdown,
)

DISPLAY = re.compile(r"^\$\$\n(.*?)\n\$\$$", re.S | re.M)


def _chain_count(report) -> int:
    return sum(len(content.chains(d)) for d in report.derivations)


def test_one_display_block_per_chain(report):
    blocks = DISPLAY.findall(render_markdown(report, "en"))
    assert len(blocks) == _chain_count(report)
    assert all(b.startswith("\\begin{aligned}") and b.endswith("\\end{aligned}") for b in blocks)


def _shown_rhs(result) -> str:
    """A row's right side as the Markdown writes it: as written, made safe for CommonMark."""
    written = content.written_sides(result.step)
    return markdown_safe_math(written[1] if written else latex(result.step.rhs))


def test_display_blocks_have_no_blank_lines(report):
    for block in DISPLAY.findall(render_markdown(report, "en")):
        assert "\n\n" not in block


def test_labels_are_written_beside_their_rows_without_tag(report):
    md = render_markdown(report, "en")
    rhs = _shown_rhs(report.derivations[0].results[2])
    assert "&= " + rhs + r" && \mathrm{(3.5)}" in md
    assert r"\tag" not in md


def test_unlabelled_row_shows_only_its_mark(report):
    md = render_markdown(report, "en")
    rhs = _shown_rhs(report.derivations[0].results[3])
    assert "&= " + rhs + r" && \checkmark" in md


def test_continuation_rows_start_with_the_relation(report):
    block = DISPLAY.findall(render_markdown(report, "en"))[1]
    rows = block.splitlines()[1:-1]
    assert rows[0].startswith(r"\log L &= ")
    assert all(row.startswith("&= ") for row in rows[1:])


def test_justifications_are_a_numbered_list_one_item_per_row(report):
    md = render_markdown(report, "en")
    after = md.split("$$", 4)[4]  # the text after the second display block
    items = re.findall(r"^(\d+)\. ", after.split("$$")[0], re.M)
    assert items == ["1", "2", "3", "4"]


def test_list_item_gives_label_mark_verdict_and_rule_text(report):
    md = render_markdown(report, "en")
    assert (
        "2. **(3.5)** ✓ verified — By `log_prod` "
        "(the log of a product over $k$ is the sum of the logs over $k$). Under $y_{k} \\gt 0$."
    ) in md


def test_refuted_item_gives_counterexample(report):
    md = render_markdown(report, "en")
    assert "✗ refuted" in md
    assert r"$a = 1$, $b = 1/2$; left side $0.405465108108\ldots$" in md


def test_unknown_item_gives_reason(report):
    assert "? unknown — By `log_mul`" in render_markdown(report, "en")


def test_japanese_uses_japanese_rule_texts_and_notes(report):
    md = render_markdown(report, "ja")
    assert "`log_prod`（$k$ についての積の対数は、対数の $k$ についての和）" in md
    assert "注：y\\_k はすべて正の確率なので" in md


def test_title_is_escaped_in_its_heading(report):
    md = render_markdown(report, "en")
    assert r"## Log-likelihood of a die: 100% of \{t\_k\} \& y\_k \~ \#1 \^ \$\\ok\$" in md


def test_escape_neutralises_markdown_markup():
    assert escape("*a* _b_ [c](d) <e> `f` $g$ #h") == (
        r"\*a\* \_b\_ \[c\](d) \<e\> \`f\` \$g\$ \#h"
    )


def test_code_span_fence_outgrows_backticks_inside():
    assert code_span("a`b") == "``a`b``"


def test_label_special_characters_are_escaped_for_math():
    assert label_math("eq_1 & #2") == r"\mathrm{(eq\_1\ \&\ \#2)}"


def test_same_report_gives_identical_output(report):
    assert render_markdown(report, "en") == render_markdown(report, "en")


def test_empty_report_gives_empty_text(empty_report):
    assert render_markdown(empty_report, "en") == ""


def test_unknown_language_is_rejected(report):
    with pytest.raises(ValueError):
        render_markdown(report, "de")
