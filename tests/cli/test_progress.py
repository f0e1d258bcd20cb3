"""Progress on a terminal: on standard error, after about a second, never in piped output."""

from __future__ import annotations

import io

from click.testing import CliRunner
from rich.console import Console

from eqchain.cli import cli
from eqchain.render.progress import CheckProgress, wanted

GOOD = '[symbols]\na = "real"\nb = "real"\n[[steps]]\nclaim = "(a + b)^2 = a^2 + 2 a b + b^2"\n'


def run_through(progress: CheckProgress) -> None:
    with progress:
        progress.file("d.toml")
        progress.step()
        progress.step()
        progress.done()


def test_a_terminal_shows_files_and_steps():
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100)
    progress = CheckProgress(2, console, delay=0)
    with progress:
        progress.file("d.toml")
        progress.step()
        progress._bar.refresh()
        shown = out.getvalue()
    assert "checking d.toml (step 1)" in shown and "0/2" in shown


def test_nothing_is_shown_off_a_terminal():
    out = io.StringIO()
    run_through(CheckProgress(1, Console(file=out), delay=0))
    assert out.getvalue() == ""


def test_nothing_is_shown_for_a_quick_run():
    out = io.StringIO()
    run_through(CheckProgress(1, Console(file=out, force_terminal=True), delay=60))
    assert out.getvalue() == ""


def test_machine_formats_never_show_progress():
    assert not any(wanted(fmt) for fmt in ("json", "sarif", "github"))


def test_piped_check_has_no_progress(tmp_path):
    path = tmp_path / "d.toml"
    path.write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-cache", str(path)])
    assert result.exit_code == 0
    assert result.stderr == ""
