"""Every equation gets a verdict: a formula that cannot be read is an ``unreadable`` step at the
offending token, and the rest of the document or derivation file is still checked."""

from __future__ import annotations

import io
import textwrap

from helpers import check_text

from eqchain.api import check_derivations
from eqchain.load.document import load_document
from eqchain.model import Verdict

POST = textwrap.dedent(
    r"""
    # A post

    $$
    (a + b)^2 = a^2 + 2 a b + b^2
    $$

    $$
    \begin{aligned}
    (x + 1)^2 &= x^2 + 2x + 1 \\
    &= \foo{x} \\
    &= (x + 1)^2 \\
    &= (1 + x)^2
    \end{aligned}
    $$

    $$
    (y - 1)(y + 1) = y^2 - 1
    $$
    """
)


def check_doc(tmp_path, text: str, name: str = "post.md", assume: str | None = None):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    kind = "latex" if name.endswith(".tex") else "markdown"
    return check_derivations([load_document(str(path), kind, assume=assume)]).derivations[0].results


def test_a_bad_formula_in_the_middle_leaves_verdicts_before_and_after_it(tmp_path):
    results = check_doc(tmp_path, POST)
    assert [r.verdict for r in results] == [
        Verdict.VERIFIED,
        Verdict.VERIFIED,
        Verdict.UNREADABLE,
        Verdict.UNKNOWN,
        Verdict.VERIFIED,
        Verdict.VERIFIED,
    ]


def test_an_unreadable_step_carries_the_message_and_the_offending_tokens_place(tmp_path):
    bad = check_doc(tmp_path, POST)[2]
    assert "unknown LaTeX command \\foo" in bad.reason
    # line 11 is "&= \foo{x} \\": the command starts at column 4, the row at column 1
    assert (bad.step.place.line, bad.step.place.column) == (11, 4)


def test_a_continuation_after_an_unreadable_row_is_not_checked_against_an_earlier_row(tmp_path):
    # '= (x + 1)^2' would follow from the row before the unreadable one: it must not be verified
    # as if the unreadable row were not there.
    after = check_doc(tmp_path, POST)[3]
    assert after.verdict is Verdict.UNKNOWN
    assert "could not be read" in after.reason and "line 11" in after.reason
    assert "new chain" in after.reason


def test_the_row_after_starts_a_new_chain_checked_from_there(tmp_path):
    text = POST.replace(r"&= (1 + x)^2", r"&= (1 + x)^3")
    results = check_doc(tmp_path, text)
    assert results[4].verdict is Verdict.REFUTED  # (x + 1)^2 = (1 + x)^3, from the new chain


def test_an_unclosed_block_is_one_unreadable_entry_and_the_blocks_before_are_checked(tmp_path):
    text = "\\[ a + b = b + a \\]\n\ntext \\[ x = 1\n\nmore text\n"
    doc = tmp_path / "post.tex"
    doc.write_text(text, encoding="utf-8")
    results = check_derivations([load_document(str(doc), "latex")]).derivations[0].results
    assert [r.verdict for r in results] == [Verdict.VERIFIED, Verdict.UNREADABLE]
    assert "unclosed \\[" in results[1].reason
    assert (results[1].step.place.line, results[1].step.place.column) == (3, 6)


def test_an_unclosed_dollar_pair_in_markdown_is_text_as_commonmark_says(tmp_path):
    results = check_doc(tmp_path, "$$ a + b = b + a $$\n\ntext $$ x = 1\n\nmore text\n")
    assert [r.verdict for r in results] == [Verdict.VERIFIED]


def test_a_block_that_cannot_be_split_into_rows_is_one_unreadable_entry(tmp_path):
    text = "$$\n\\begin{matrix} a \\end{matrix}\n$$\n\n$$ a + b = b + a $$\n"
    results = check_doc(tmp_path, text)
    assert [r.verdict for r in results] == [Verdict.UNREADABLE, Verdict.VERIFIED]
    assert "matrix" in results[0].reason
    assert results[0].step.place.line == 2


def test_a_row_whose_names_cannot_be_bound_is_unreadable(tmp_path):
    text = "$$ y_{1,2} = 2 $$\n\n$$ a + b = b + a $$\n"
    results = check_doc(tmp_path, text, assume="y_k > 0")
    assert [r.verdict for r in results] == [Verdict.UNREADABLE, Verdict.VERIFIED]
    assert "takes 1 index(es), got 2" in results[0].reason


def test_a_latex_document_goes_on_after_an_unreadable_row(tmp_path):
    text = (
        "\\documentclass{article}\n\\begin{document}\n"
        "\\begin{equation}\n a = \\nabla b\n\\end{equation}\n"
        "\\begin{equation}\n (a + b)^2 = a^2 + 2 a b + b^2\n\\end{equation}\n"
        "\\end{document}\n"
    )
    results = check_doc(tmp_path, text, name="paper.tex")
    assert [r.verdict for r in results] == [Verdict.UNREADABLE, Verdict.VERIFIED]
    assert (results[0].step.place.line, results[0].step.place.column) == (4, 6)


DERIVATION = r"""
title = "one unreadable claim"
[symbols]
a = "positive"
b = "positive"

[[steps]]
label = "1"
claim = '(a + b)^2 = a^2 + 2 a b + b^2'

[[steps]]
label = "2"
claim = '= a^2 + \frac{b'

[[steps]]
label = "3"
claim = '= a^2 + 2 a b + b^2'

[[steps]]
label = "4"
claim = '= (b + a)^2'

[[steps]]
label = "5"
claim = '\log(a b) = \log a + \log b'
"""


def test_a_derivation_file_with_an_unreadable_claim_checks_the_others(tmp_path):
    results = check_text(tmp_path, DERIVATION)
    assert [(r.step.label, r.verdict) for r in results] == [
        ("1", Verdict.VERIFIED),
        ("2", Verdict.UNREADABLE),
        ("3", Verdict.UNKNOWN),  # continues the unreadable claim: a new chain starts here
        ("4", Verdict.VERIFIED),  # checked against step 3
        ("5", Verdict.VERIFIED),
    ]


def test_an_unreadable_claim_points_at_its_offending_character(tmp_path):
    bad = check_text(tmp_path, DERIVATION)[1]
    # line 13 is "claim = '= a^2 + \frac{b'": the text starts at column 10, '{' is its 14th
    assert (bad.step.place.line, bad.step.place.column) == (13, 23)
    assert bad.reason == "cannot read the claim: unbalanced '{'"


def test_a_first_row_that_continues_nothing_is_not_checked_and_the_rest_is(tmp_path):
    results = check_doc(tmp_path, "$$\n= (a + b)^2\n$$\n\n$$ a + b = b + a $$\n")
    assert [r.verdict for r in results] == [Verdict.UNKNOWN, Verdict.VERIFIED]
    assert "no formula before it" in results[0].reason


def test_show_prints_an_unreadable_step_as_written_with_its_reason(tmp_path):
    from eqchain.render.terminal import make_console, render_terminal

    path = tmp_path / "post.md"
    path.write_text(POST, encoding="utf-8")
    report = check_derivations([load_document(str(path), "markdown")])
    console = make_console(io.StringIO())
    render_terminal(report, console, show=True)
    shown = console.file.getvalue()
    assert "= \\foo{x}" in shown
    assert "⊘ unreadable — Reason: column 4: cannot read the formula" in shown


def test_the_rest_of_a_chain_after_an_unread_first_side_is_a_row_of_its_own(tmp_path):
    # \|a\|^2 = \sum_j a_j^2 = 1 (a PCA post's unit-length condition, the norm unread): "= 1"
    # was checked as a link of a chain and refuted at a_1 = 2; it is the condition
    # \sum_j a_j^2 = 1, a given as on a row of its own
    from helpers import check_document_rows

    got = check_document_rows(tmp_path, r"\| a \|^2 = \sum_{j=1}^m a_j^2 = 1")
    assert [s["status"] for s in got] == ["unreadable", "unknown", "given"]
