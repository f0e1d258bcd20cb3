"""Shared helpers for tests: write a derivation file, check it, look at the verdicts."""

from __future__ import annotations

import os
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from eqchain.api import check_derivations
from eqchain.load.toml_file import load_toml

_PARAM = type(pytest.param())  # pytest's ParameterSet

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


# -- the command line, in this process -------------------------------------------------------------


@dataclass(frozen=True)
class Ran:
    """What a run of the command line gave: the fields of a finished subprocess that tests read."""

    returncode: int
    stdout: str
    stderr: str


class _ConsoleScript:
    """What click's CliRunner invokes: the console script's entry point ``eqchain.cli.main``
    itself (not the bare ``cli`` group), so that errors become exit statuses and messages exactly
    as in ``python -m eqchain``."""

    name = "eqchain"

    def main(self, args=(), prog_name=None, **extra):
        from eqchain.cli import main

        return main(list(args))


def _runner():
    from click.testing import CliRunner

    try:
        return CliRunner(mix_stderr=False)  # click < 8.2 mixes stderr into stdout by default
    except TypeError:
        return CliRunner()  # click >= 8.2 always keeps stderr apart


def run_eqchain(*args, cwd=None, env=None) -> Ran:
    """``eqchain ARGS`` in this process with click's CliRunner: its own stdin, stdout and stderr
    (not terminals, as with a subprocess's pipes), ``env`` added to the environment, ``cwd`` as
    the working directory; the environment and the working directory are restored afterwards
    (``--no-cache`` sets a variable for the rest of its process)."""
    saved_env, saved_cwd = dict(os.environ), os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        result = _runner().invoke(
            _ConsoleScript(), [str(a) for a in args], env=env, catch_exceptions=False
        )
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    return Ran(result.exit_code, result.stdout, result.stderr)


def document_steps(tmp_path: Path, text: str, *options: str) -> list[dict]:
    """Check the Markdown document ``text`` through the CLI (JSON), with the CLI's ``options``;
    return its first derivation's steps."""
    import json

    doc = tmp_path / "d.md"
    doc.write_text(text, encoding="utf-8")
    ran = run_eqchain("check", "--no-cache", "--format", "json", *options, str(doc))
    return json.loads(ran.stdout)["derivations"][0]["steps"]


def check_document_rows(
    tmp_path: Path, *rows: str, assume: str | None = None, timeout: float | None = None
) -> list[dict]:
    """Check a Markdown document of one ``$$ row $$`` block per row through the CLI (JSON); return
    its steps. ``timeout``: the CLI's ``--timeout`` (seconds of CPU time per step)."""
    import json

    doc = tmp_path / "d.md"
    doc.write_text("# t\n\n" + "\n\n".join(f"$$ {r} $$" for r in rows) + "\n", encoding="utf-8")
    args = ["check", "--no-cache", "--format", "json", str(doc)]
    if assume:
        args[1:1] = ["--assume", assume]
    if timeout is not None:
        args[1:1] = ["--timeout", str(timeout)]
    return json.loads(run_eqchain(*args).stdout)["derivations"][0]["steps"]


def sampled(cases, every: int, start: int = 0) -> list:
    """A systematic sample of a parametrised test's cases for the README's ``pytest``: every
    ``every``-th case from ``start`` runs by default, the others are marked ``slow`` (run by
    ``pytest -m slow``, and by ``.ci/run``, which runs ``-m 'slow or not slow'``: every case
    still runs in CI). For the costly soundness campaigns over every derivation (issue 17).
    A case is a value, a tuple of values or a ``pytest.param`` (its id and marks are kept)."""
    out = []
    for n, case in enumerate(cases):
        if not isinstance(case, _PARAM):
            case = pytest.param(*case) if isinstance(case, tuple) else pytest.param(case)
        if n % every != start % every:
            case = pytest.param(*case.values, id=case.id, marks=(*case.marks, pytest.mark.slow))
        out.append(case)
    return out
