"""``eqchain check`` reads formulas with eqchain's own parser: the ANTLR readers (SymPy's
``parse_latex``, latex2sympy2) are imported only for ``--cross-check``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Run the CLI in-process and report, on exit, which parser modules were imported.
CODE = """
import atexit, sys
PARSERS = ("latex2sympy2_extended", "sympy.parsing.latex", "antlr4")
def report():
    found = sorted({m.split('.')[0] if m.startswith('antlr4') else m
                    for m in sys.modules if m.startswith(PARSERS)})
    sys.stderr.write('IMPORTED=' + ','.join(found) + '\\n')
atexit.register(report)
from eqchain.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run_check(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", CODE, "check", "--no-cache", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), "EQCHAIN_NO_CACHE": "1"},
        cwd=ROOT,
        timeout=300,
    )


def imported(proc: subprocess.CompletedProcess) -> str:
    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("IMPORTED=")]
    assert lines, proc.stderr
    return lines[-1].removeprefix("IMPORTED=")


@pytest.mark.parametrize("name", ["derivations/cross_entropy.toml", "tests/fixtures/article.md"])
def test_check_imports_neither_antlr_reader(name):
    proc = run_check(str(ROOT / name))
    assert proc.returncode in (0, 1), proc.stderr
    assert imported(proc) == ""


def test_cross_check_reads_with_the_other_readers_too():
    proc = run_check("--cross-check", str(ROOT / "derivations/cross_entropy.toml"))
    assert proc.returncode in (0, 1), proc.stderr
    assert "latex2sympy2_extended" in imported(proc)
    assert "sympy.parsing.latex" in imported(proc)
