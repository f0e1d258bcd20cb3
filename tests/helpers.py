"""Shared helpers for tests: write a derivation file, check it, look at the verdicts."""

from __future__ import annotations

import textwrap
from pathlib import Path

from eqchain.api import check_derivations
from eqchain.load.toml_file import load_toml

DIE_SYMBOLS = """
[symbols]
K = "integer positive"
y = { index = "k", range = "1..K", assume = "positive" }
t = { index = "k", range = "1..K", assume = "nonnegative" }
"""


def check_text(tmp_path: Path, text: str, name: str = "d.toml", timeout: float = 10.0):
    """Check a derivation file given as text; return the flat list of step results."""
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    report = check_derivations(load_toml(str(path)), timeout)
    return [r for d in report.derivations for r in d.results]


def claims(results):
    return [r for r in results if r.verdict.is_claim_verdict]


def one_step(tmp_path: Path, symbols: str, *steps: tuple[str, list[str]], where: str = ""):
    """Check a derivation of the given claims (claim, by) and return the last claim's result."""
    body = symbols + ("\n[where]\n" + where + "\n" if where else "")
    for claim, by in steps:
        by_text = ", ".join(f'"{b}"' for b in by)
        body += f"\n[[steps]]\nclaim = '{claim}'\nby = [{by_text}]\n"
    return claims(check_text(tmp_path, body))[-1]
