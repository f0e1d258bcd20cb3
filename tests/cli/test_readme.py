"""Every shell block of the README that starts with ``eqchain`` runs as written (from the
repository's root, in-process) and succeeds."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from eqchain.cli import main

ROOT = Path(__file__).resolve().parents[2]


def readme_commands() -> list[str]:
    """The ``sh`` blocks whose first line starts with ``eqchain``, one command per block (a
    line ending with a backslash continues on the next)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    out = []
    for body in re.findall(r"```sh\n(.*?)```", text, re.S):
        if body.startswith("eqchain "):
            out.append(body.replace("\\\n", " ").strip())
    return out


def test_the_readme_has_eqchain_commands_to_run():
    assert len(readme_commands()) >= 2


@pytest.mark.parametrize("command", readme_commands())
def test_a_readme_command_runs_as_written(command, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    with pytest.raises(SystemExit) as stop:
        main(shlex.split(command)[1:])
    out = capsys.readouterr()
    assert stop.value.code == 0, out.out[-2000:] + out.err
