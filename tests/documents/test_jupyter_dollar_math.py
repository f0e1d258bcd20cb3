"""Display math as Jupyter's Markdown writes it: a single-dollar ``$...$`` that is a whole
paragraph and spans several lines, holds ``\\displaystyle`` or an aligned environment. An inline
formula inside a sentence stays inline (unread)."""

from __future__ import annotations

from test_document_cli import run, steps

from eqchain.load.markdown import markdown_blocks

NOTEBOOK = """# Logs

The log of a product

$
\\displaystyle \\begin{aligned}
    \\log(a b) & = \\log a + \\log b \\\\
     & = \\log b + \\log a
\\end{aligned}
$

and a wrong one:

$\\displaystyle \\log(a b) = 2 \\log a$

Inline: $\\displaystyle \\log(a b) = 2 \\log a$ is a sentence, and so is
$\\log(a b) = 2 \\log a
$ here.

$\\log(a b) = 2 \\log a$
"""


def test_a_single_dollar_display_alone_in_its_paragraph_is_read():
    blocks = markdown_blocks(NOTEBOOK)
    assert [(b.line, b.column) for b in blocks] == [(5, 1), (14, 1)]
    assert blocks[0].text.startswith("$\n\\displaystyle") and blocks[0].text.endswith("\n$")
    assert blocks[0].lead == "The log of a product"


def test_inline_formulas_in_prose_and_a_plain_one_line_formula_stay_unread():
    text = "Inline: $\\displaystyle a = b$ and $\\begin{aligned} a &= b \\end{aligned}$.\n\n"
    text += "$a = b$\n"
    assert markdown_blocks(text) == []


def test_dialects_that_render_single_dollars_inline_do_not_read_them():
    assert markdown_blocks(NOTEBOOK, "github") == []
    assert markdown_blocks(NOTEBOOK, "pandoc") == []
    assert [b.line for b in markdown_blocks(NOTEBOOK, "myst")] == [5, 14]


def test_a_notebook_post_is_checked_through_the_cli(tmp_path):
    post = tmp_path / "notebook.md"
    post.write_text(NOTEBOOK, encoding="utf-8")
    proc = run("--format", "json", "--assume", "a > 0, b > 0", post)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert [(s["line"], s["status"]) for s in steps(proc)] == [
        (7, "verified"),
        (8, "verified"),
        (14, "refuted"),
    ]
