"""Braces escaped for Markdown: a post writes ``\\left\\\\{ ... \\right\\\\}`` (and
``\\\\{ ... \\\\}``) so that its Markdown renderer leaves ``\\left\\{ ... \\right\\}`` for MathJax.
Read as a row break ``\\\\`` followed by a brace, the formula falls apart into unbalanced rows.
``\\\\{`` and ``\\\\}`` are the escaped braces ``\\{``, ``\\}`` after a size command (``\\left``,
``\\right``, ``\\bigl``, ...) or where a row break there would leave a row with unbalanced
braces; a row break inside an open ``\\left ... \\right`` pair is reported unreadable."""

from __future__ import annotations

import json

from helpers import run_eqchain

from eqchain.latex.rows import split_rows


def _check(tmp_path, *blocks: str, assume: str | None = None) -> list[dict]:
    doc = tmp_path / "d.md"
    doc.write_text("# t\n\n" + "\n\n".join(blocks) + "\n", encoding="utf-8")
    args = ["check", "--no-cache", "--format", "json", str(doc)]
    if assume:
        args[1:1] = ["--assume", assume]
    ran = run_eqchain(*args)
    return json.loads(ran.stdout)["derivations"][0]["steps"]


def _statuses(tmp_path, *blocks: str, assume: str | None = None) -> list[str]:
    return [s["status"] for s in _check(tmp_path, *blocks, assume=assume)]


def test_left_escaped_brace_is_a_brace(tmp_path):
    block = r"$$ \left\\{ a + b \right\\}^2 = a^2 + 2 a b + b^2 $$"
    assert _statuses(tmp_path, block) == ["verified"]


def test_a_wrong_step_in_escaped_braces_is_refuted(tmp_path):
    block = r"$$ \left\\{ a + b \right\\}^2 = a^2 + b^2 $$"
    assert _statuses(tmp_path, block) == ["refuted"]


def test_bigl_escaped_brace_is_a_brace(tmp_path):
    block = r"$$ \Bigl\\{ a - b \Bigr\\} \Bigl\\{ a + b \Bigr\\} = a^2 - b^2 $$"
    assert _statuses(tmp_path, block) == ["verified"]


def test_an_escaped_brace_keeps_a_missing_condition(tmp_path):
    steps = _check(tmp_path, r"$$ \log \left\\{ a b \right\\} = \log a + \log b $$")
    assert [s["status"] for s in steps] == ["unknown"]
    assert "a > 0" in steps[0]["reason"] or "a \\geq 0" in steps[0]["reason"]


# the rows of ja/ueda-unbiased-variance.md: \\\\ for a row break, \\{ for \{
ALIGN = "\n".join(
    (
        r"\begin{align}",
        r"s &= \sum_{i=1}^N \left\\{ N (x_i - m)^2 - (x_i - m)^2 \right\\} \\\\",
        r"&= \sum_{i=1}^N \left\\{ (N - 1) (x_i - m)^2 \right\\} \\\\",
        r"&= (N - 1) \sum_{i=1}^N (x_i - m)^2",
        r"\end{align}",
    )
)


def test_an_aligned_block_written_with_markdown_escapes(tmp_path):
    statuses = _statuses(tmp_path, ALIGN, assume="N integer, N > 0")
    assert statuses == ["definition", "verified", "verified"]


def test_a_wrong_row_of_such_a_block_is_refuted(tmp_path):
    wrong = ALIGN.replace(r"\left\\{ (N - 1)", r"\left\\{ N")
    statuses = _statuses(tmp_path, wrong, assume="N integer, N > 0")
    assert statuses[:2] == ["definition", "refuted"]


def test_escaped_braces_whose_rows_would_be_unbalanced(tmp_path):
    # x = \\{ ... \\}: a set (rejected with its reason), not two rows with a stray brace
    steps = _check(tmp_path, r"$$S = \\{ x_i | i=1,2,\dots,N \\}$$")
    assert [s["status"] for s in steps] == ["unreadable"]
    assert "unbalanced" not in steps[0]["reason"]
    assert "set" in steps[0]["reason"]
    steps = _check(tmp_path, r"$$ \\{ a + b \\}^2 = a^2 + 2 a b + b^2 $$")
    assert [s["status"] for s in steps] == ["verified"]


def test_a_row_break_before_a_balanced_group_stays_a_row_break():
    rows = split_rows(r"\begin{aligned} a &= b \\{c} &= c \end{aligned}")
    assert [" ".join(r.text.split()) for r in rows] == ["a = b", "{c} = c"]


def test_a_row_break_inside_left_right_is_unreadable(tmp_path):
    block = "$$\n\\begin{aligned}\na &= \\left( b \\\\\n&+ c \\right)\n\\end{aligned}\n$$"
    steps = _check(tmp_path, block, "$$ a + b = b + a $$")
    assert [s["status"] for s in steps] == ["unreadable", "verified"]
    assert "\\left" in steps[0]["reason"]
    assert steps[0]["line"] == 5
