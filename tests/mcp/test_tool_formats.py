"""How the check tool tells a TOML derivation file, a LaTeX document and Markdown apart."""

from __future__ import annotations

import pytest

from eqchain.mcp_tools import infer_format


@pytest.mark.parametrize(
    "text, expected",
    [
        ("[symbols]\na = 'real'\n[[steps]]\nclaim = 'a = a'\n", "toml"),
        ("title = 'x'\n[[derivations]]\n[[derivations.steps]]\nclaim = 'a = a'\n", "toml"),
        ("\\documentclass{article}\n\\begin{document}\n\\[ a = a \\]\n\\end{document}\n", "latex"),
        ("# Title\n\n$$ a = a $$\n", "markdown"),
        ("$$\nx = 1\n$$\n", "markdown"),
        ("a = 1\n", "markdown"),  # TOML, but not a derivation file's keys
        ("", "markdown"),
    ],
)
def test_the_format_is_inferred_from_the_text(text, expected):
    assert infer_format(text) == expected
