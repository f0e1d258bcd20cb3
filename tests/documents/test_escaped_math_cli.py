"""``eqchain check`` on posts written for MathJax through Markdown (mdBook's ``\\\\[``, Jekyll's
``\\\\(`` alone on a line, Hugo's ``{{< katex >}}``), in text and JSON, with the assumptions
such posts need (a numbered name, a value, a constant)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from eqchain.cli import cli

MDBOOK = r"""# Moments

The log of a product,
\\[
  \log(\sigma\_0 b) = \log \sigma\_0 + \log b
\\]and then
\\[
  \log(\sigma\_0^2) = 2 \log \sigma\_0 = \log \sigma\_0
\\]
"""

JEKYLL = r"""Sum
---

1. the first K integers
\\( x = \sum\_{k=1}^{K} k = 6 \\)
 - and inline \\(k\\) is prose.
\\( \begin{align} y & = \frac{d}{dp} (t \log p)
\\\\ & = \frac{t}{p} \end{align} \\)
"""

HUGO = r"""# Shortcodes

{{< katex >}}
\tag{1}
  z = \frac{d}{dp} (t \log p) = t
{{< /katex >}}
"""


def run(tmp_path, name, text, assume, *more):
    post = tmp_path / name
    post.write_text(text, encoding="utf-8")
    args = ["check", str(post), "--assume", assume, "--no-cache", *more]
    return CliRunner().invoke(cli, args)


def statuses(result):
    return [(s["line"], s["status"]) for s in json.loads(result.stdout)["derivations"][0]["steps"]]


def test_an_mdbook_post_is_checked_at_its_lines(tmp_path):
    result = run(tmp_path, "post.md", MDBOOK, "sigma_0 > 0, b > 0", "--format", "json")
    assert statuses(result) == [(5, "verified"), (8, "verified"), (8, "refuted")]
    assert result.exit_code == 1
    text = run(tmp_path, "post.md", MDBOOK, "sigma_0 > 0, b > 0")
    assert "line 8" in text.stdout and "refuted" in text.stdout


def test_a_jekyll_post_with_escaped_parentheses_is_checked(tmp_path):
    result = run(tmp_path, "post.md", JEKYLL, "K = 3, t constant, p > 0", "--format", "json")
    assert statuses(result)[1:] == [
        (5, "definition"),
        (5, "verified"),
        (7, "definition"),
        (8, "verified"),
    ]
    assert statuses(result)[0][1] == "given"  # K = 3
    assert result.exit_code == 0, result.stdout


def test_a_hugo_katex_shortcode_is_checked_as_written(tmp_path):
    result = run(tmp_path, "post.md", HUGO, "t constant, p > 0", "--format", "json")
    assert statuses(result) == [(4, "definition"), (4, "refuted")]  # the row starts at \\tag


def test_font_switches_are_read_as_font_commands_end_to_end(tmp_path):
    rows = r"{\bf w} (a + b) = { \bf w } a + {\bf w} b = {\bf w} a + 2 {\bf w} b"
    text = f"# Bold\n\n$$\n{rows}\n$$\n"
    result = run(tmp_path, "post.md", text, "a > 0", "--format", "json")
    assert statuses(result) == [(4, "verified"), (4, "refuted")]
    stray = run(
        tmp_path, "post.md", "# Bold\n\n$$\na = b \\bf w\n$$\n", "a > 0", "--format", "json"
    )
    [step] = json.loads(stray.stdout)["derivations"][0]["steps"]
    assert step["status"] == "unreadable" and step["column"] == 7
    assert "font switch" in step["reason"]
