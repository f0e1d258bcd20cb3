"""reStructuredText documents (``.rst``): Sphinx's ``.. math::`` directive is display math, as
docutils parses the directive and Sphinx renders it (README "Documents"); nothing in a comment,
a literal block or a code directive is, and inline ``:math:`` roles are prose."""

from __future__ import annotations

from helpers import run_eqchain

from eqchain.api import check_derivations
from eqchain.load import load
from eqchain.load.document import rest_blocks
from eqchain.load.rest import OPTIONS_NEED_BLANK, read_rest
from eqchain.model import Verdict

WRONG = r"\log(a b) = 2 \log a"  # refuted if it were read
RIGHT = r"\log(a b) = \log a + \log b"


def check(tmp_path, text, assume="a > 0, b > 0"):
    path = tmp_path / "notes.rst"
    path.write_text(text, encoding="utf-8")
    (d,) = load(str(path), assume=assume)
    return check_derivations([d], 10).derivations[0].results


def places(text):
    return [(b.line, b.column) for b in rest_blocks(text)]


def test_a_math_directive_with_indented_content_is_one_display(tmp_path):
    text = f"Title\n=====\n\nThe log rule:\n\n.. math::\n\n   {RIGHT}\n"
    (block,) = rest_blocks(text)
    assert (block.line, block.column) == (8, 2)  # the math's own line; $$ before its column
    assert block.lead == "The log rule:"
    (result,) = check(tmp_path, text)
    assert result.verdict == Verdict.VERIFIED
    assert result.step.place.line == 8


def test_a_wrong_step_in_a_math_directive_is_refuted_at_its_line(tmp_path):
    text = f"Intro.\n\n  .. math::\n    {WRONG}\n"
    (result,) = check(tmp_path, text)
    assert result.verdict == Verdict.REFUTED
    assert result.step.place.line == 4


def test_the_argument_on_the_marker_line_is_math():
    assert places(f".. math:: {RIGHT}\n") == [(1, 9)]


def test_eqnarray_rows_and_blank_line_parts_are_rows_of_one_display(tmp_path):
    # Sphinx sets each blank-line-separated part as one row of an aligned environment: the
    # row '= ...' of the second part continues the first part's last row
    text = (
        ".. math::\n\n"
        r"   \log(a b c) &=& \log(a b) + \log c \\" + "\n"
        r"               &=& \log a + \log b + \log c \\" + "\n\n"
        r"   \log(a^2) = 2 \log a" + "\n\n"
        r"   = \log a + \log a" + "\n"
    )
    results = check(tmp_path, text, assume="a > 0, b > 0, c > 0")
    assert [(r.step.place.line, r.verdict) for r in results] == [
        (3, Verdict.VERIFIED),
        (4, Verdict.VERIFIED),
        (6, Verdict.VERIFIED),
        (8, Verdict.VERIFIED),
    ]


def test_label_option_names_the_step():
    text = f".. math::\n   :label: logrule\n\n   {RIGHT}\n"
    (block,) = rest_blocks(text)
    assert block.line == 4 and "\\tag{logrule}" in block.text


def test_options_without_a_blank_line_before_the_content_are_an_error_not_a_guess():
    text = f".. math::\n   :label: logrule\n   {RIGHT}\n"
    (block,) = rest_blocks(text)
    assert block.error == OPTIONS_NEED_BLANK and block.line == 2


def test_nowrap_content_is_latex_as_written():
    text = ".. math::\n   :nowrap:\n\n   \\begin{align}\n   " + RIGHT + "\n   \\end{align}\n"
    (block,) = rest_blocks(text)
    assert block.line == 4 and RIGHT in block.text


def test_math_nested_in_another_directive_is_read():
    assert places(f".. note::\n\n   Recall:\n\n   .. math::\n\n      {RIGHT}\n") == [(7, 5)]


def test_nothing_in_a_comment_literal_block_or_code_directive_is_math():
    assert places(f"..\n   .. math::\n\n      {WRONG}\n") == []
    assert places(f".. a comment\n   .. math:: {WRONG}\n") == []
    assert places(f"Example::\n\n   .. math::\n\n      {WRONG}\n\nAfter.\n") == []
    assert places(f".. code-block:: rst\n\n   .. math:: {WRONG}\n") == []
    # and the math after each is read again
    assert places(f"Example::\n\n   .. math:: {WRONG}\n\n.. math:: {RIGHT}\n") == [(5, 9)]


def test_inline_math_roles_are_prose_and_read_as_the_case_before_a_display():
    doc = read_rest(f"If :math:`a > 1`, then:\n\n.. math::\n\n   {RIGHT}\n")
    (block,) = doc.blocks
    assert block.lead == "If $a > 1$, then:"
    assert read_rest("Where :math:`a = b` holds.\n").blocks == ()


def test_title_and_assumptions_from_a_comment():
    doc = read_rest(
        "=======\nOverview\n=======\n\n.. eqchain: assume a > 0\n.. eqchain-assume: b > 0\n"
    )
    assert doc.title == "Overview"
    assert doc.assumptions == ("a > 0", "b > 0")
    assert read_rest("Logs\n----\n\ntext\n").title == "Logs"


def test_assumptions_in_the_document_are_used(tmp_path):
    text = f".. eqchain: assume a > 0, b > 0\n\n.. math:: {RIGHT}\n"
    (result,) = check(tmp_path, text, assume=None)
    assert result.verdict == Verdict.VERIFIED


def test_standard_input_as_rest_and_a_folder_walk_finds_rst_files(tmp_path):
    import json

    from eqchain.cli import _Stdin

    stdin = _Stdin(f".. math:: {WRONG}\n".encode(), "rst")
    (entry,) = stdin.check(10, "a > 0, b > 0", None, None, False)
    assert [r.verdict for r in entry.results] == [Verdict.REFUTED]

    (tmp_path / "notes.rst").write_text(f".. math:: {RIGHT}\n", encoding="utf-8")
    (tmp_path / "other.rst").write_text("No math here.\n", encoding="utf-8")
    assume = ("--assume", "a > 0, b > 0")
    ran = run_eqchain("check", "--no-cache", "--format", "json", *assume, tmp_path)
    report = json.loads(ran.stdout)
    assert [d["path"].endswith("notes.rst") for d in report["derivations"]] == [True]
    assert ran.returncode == 0


def test_a_markdown_file_holding_rest_math_is_read_as_rest(tmp_path):
    # Sphinx notes are often published (and saved) under .md: a Markdown reading finds no
    # display math in them, where '.. math::' is literal text; the directives are read instead
    text = f"Notes\n=====\n\nThe log rule:\n\n  .. math::\n    {WRONG}\n"
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    (d,) = load(str(path), assume="a > 0, b > 0")
    (result,) = check_derivations([d], 10).derivations[0].results
    assert d.source == "rest"
    assert result.verdict == Verdict.REFUTED and result.step.place.line == 7
    ran = run_eqchain("check", "--assume", "a > 0, b > 0", str(path))
    assert ran.returncode == 1 and "line 7  ✗ refuted" in ran.stdout


def test_a_markdown_file_with_display_math_is_never_read_as_rest(tmp_path):
    # '.. math::' in a Markdown document that has math of its own is the author's text
    text = f"$$\n{RIGHT}\n$$\n\n.. math::\n    {WRONG}\n"
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    (d,) = load(str(path), assume="a > 0, b > 0")
    assert d.source == "markdown" and len(d.steps) == 1


def test_a_directive_a_markdown_post_shows_as_code_is_not_math(tmp_path):
    # Sphinx's syntax shown in a fence, an indented code block or an HTML comment: text
    fence = "`" * 3
    shown = (
        f"{fence}rst\n.. math::\n\n   {WRONG}\n{fence}\n",
        f"Example:\n\n    .. math::\n\n       {WRONG}\n",
        f"<!--\n.. math::\n\n   {WRONG}\n-->\n",
    )
    for n, body in enumerate(shown):
        path = tmp_path / f"post{n}.md"
        path.write_text(f"# Writing math in Sphinx\n\n{body}\nInline $x^2$.\n", encoding="utf-8")
        ran = run_eqchain("check", str(path))
        assert "✗ refuted" not in ran.stdout, (body, ran.stdout)
        assert "no displayed equations" in ran.stdout + ran.stderr, (body, ran.stdout)


def test_code_and_comments_stay_out_of_a_markdown_file_read_as_rest(tmp_path):
    # once the prose's directive makes the file reST, a fenced directive (Sphinx's syntax shown)
    # and a commented-out draft are still no math of it
    fence = "`" * 3
    text = (
        f"# Notes\n\n{fence}\n.. math::\n\n   x = 0\n{fence}\n\n"
        f"<!-- draft\n.. math::\n\n   {WRONG}\n-->\n\n"
        "A claim:\n\n.. math::\n\n   x^3 = x\n"
    )
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    (d,) = load(str(path))
    (result,) = check_derivations([d], 10).derivations[0].results
    assert result.step.place.line == 19 and result.verdict == Verdict.REFUTED
