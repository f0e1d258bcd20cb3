"""A plain ``eqchain check`` imports only what it needs (issue 17): not the cross-check readers,
the optimiser, the LaTeX/Markdown renderers, the watcher or the MCP server; rich only to draw
the text table (never its progress display off a terminal); a document's parser only for a
document of its kind. Run in a fresh process, which reports what was imported at exit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CODE = """
import atexit, sys
def report():
    sys.stderr.write('IMPORTED=' + ' '.join(sorted(sys.modules)) + '\\n')
atexit.register(report)
from eqchain.cli import main
main(sys.argv[1:])
"""
NEVER = (
    "eqchain.optimize",
    "eqchain.derive",
    "eqchain.watch",
    "eqchain.mcp_server",
    "eqchain.render.latex",
    "eqchain.render.markdown",
    "eqchain.render.notebook",
    "latex2sympy2_extended",
    "sympy.parsing.latex",
    "antlr4",
    "watchfiles",
    "tomli_w",
    "mcp",
    "rich.progress",
    "rich.live",
    "rich.table",
    "rich.syntax",
    "rich.markdown",
    "rich.pretty",
)


def imported(*args: str) -> set[str]:
    proc = subprocess.run(
        [sys.executable, "-c", CODE, "check", "--no-cache", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), "EQCHAIN_NO_CACHE": "1"},
        cwd=ROOT,
        timeout=300,
    )
    assert proc.returncode in (0, 1), proc.stderr
    (line,) = [ln for ln in proc.stderr.splitlines() if ln.startswith("IMPORTED=")]
    return set(line.removeprefix("IMPORTED=").split())


def loaded(modules: set[str], *names: str) -> list[str]:
    return sorted(m for m in modules for n in names if m == n or m.startswith(n + "."))


@pytest.fixture(scope="module")
def toml_text():
    return imported("derivations/log_likelihood.toml")


def test_a_text_check_of_a_toml_file_imports_nothing_it_does_not_use(toml_text):
    assert loaded(toml_text, *NEVER) == []
    assert loaded(toml_text, "markdown_it", "mdit_py_plugins", "pylatexenc") == []
    # nor the document loader, which a claim without a condition does not need
    assert loaded(toml_text, "eqchain.load.document", "eqchain.load.assume") == []
    assert "rich.console" in toml_text  # the text table is drawn with rich


def test_a_concise_check_imports_no_rich_at_all():
    modules = imported("--format", "concise", "derivations/log_likelihood.toml")
    assert loaded(modules, *NEVER, "rich") == []


def test_a_markdown_document_brings_its_parser_and_not_the_latex_one():
    modules = imported("--format", "json", "tests/fixtures/article.md")
    assert loaded(modules, *NEVER, "rich", "pylatexenc") == []
    assert "markdown_it" in modules
