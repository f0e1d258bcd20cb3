"""``--jobs``: workers forked from a parent that has imported the checker, and by default as many
as the cores when there are more files than cores (issue 17); the report is the same."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys

import pytest
from click.testing import CliRunner

from eqchain import cli as cli_module
from eqchain.cli import cli

GOOD = "title = 'g'\n[symbols]\na = 'positive'\n[[steps]]\nclaim = '(a + 1)^2 = a^2 + 2 a + 1'\n"


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="no fork on this platform"
)
def test_the_pool_forks_from_a_parent_with_the_checker_imported():
    cli_module._import_checker(["a.toml", "b.md"])
    with cli_module._worker_pool(2) as pool:
        assert pool._mp_context.get_start_method() == "fork"
    assert "eqchain.check.engine" in sys.modules
    assert "eqchain.load.document" in sys.modules  # a document among the files


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="no fork on this platform"
)
def test_the_parent_imports_what_sympy_the_reader_and_the_solver_load_on_first_use(tmp_path):
    # in a fresh process: in this one, earlier tests have imported them already
    solved = tmp_path / "mle.toml"
    solved.write_text("title = 'm'\n[maximize]\nobjective = 'x'\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from eqchain import cli\n"
        "names = (*cli._SYMPY_LAZY, 'eqchain.optimize', 'eqchain.latex.memo')\n"
        "before = [n for n in names if n in sys.modules]\n"
        f"cli._import_checker([{str(solved)!r}, 'b.toml'])\n"
        "print(before, [n for n in names if n not in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["[]", "[]"], out.stdout


def test_only_a_file_with_a_maximize_or_minimize_table_needs_the_solver(tmp_path):
    plain, solved, commented = (tmp_path / f"{n}.toml" for n in ("plain", "solved", "commented"))
    plain.write_text(GOOD, encoding="utf-8")
    solved.write_text(GOOD + "\n [ minimize ]\nobjective = 'x'\n", encoding="utf-8")
    commented.write_text(GOOD + "# [maximize]\n", encoding="utf-8")
    assert not cli_module._optimizes(plain)
    assert cli_module._optimizes(solved)
    assert not cli_module._optimizes(commented)
    assert not cli_module._optimizes(tmp_path / "missing.toml")
    assert not cli_module._optimizes("post.md")


def test_the_workers_start_with_a_lagrange_problem_then_the_longest_file(tmp_path):
    short, long, solved = (tmp_path / f"{n}.toml" for n in ("short", "long", "solved"))
    short.write_text(GOOD, encoding="utf-8")
    long.write_text(GOOD * 3, encoding="utf-8")
    solved.write_text("[maximize]\n", encoding="utf-8")
    order = sorted([short, long, solved], key=cli_module._expected_cost, reverse=True)
    assert order == [solved, long, short]


@pytest.fixture
def folder(tmp_path):
    for n in range(3):
        (tmp_path / f"g{n}.toml").write_text(GOOD, encoding="utf-8")
    return tmp_path


def pools_used(monkeypatch) -> list[int]:
    used: list[int] = []
    real = cli_module._worker_pool

    def spy(workers):
        used.append(workers)
        return real(workers)

    monkeypatch.setattr(cli_module, "_worker_pool", spy)
    return used


def test_more_files_than_cores_use_every_core_by_default(folder, monkeypatch):
    used = pools_used(monkeypatch)
    monkeypatch.setattr(cli_module.os, "cpu_count", lambda: 2)
    parallel = CliRunner().invoke(cli, ["check", "--no-cache", str(folder)])
    assert used == [2]
    serial = CliRunner().invoke(cli, ["check", "--no-cache", "--jobs", "1", str(folder)])
    assert used == [2]
    assert parallel.exit_code == serial.exit_code == 0
    assert parallel.stdout == serial.stdout
    assert parallel.stdout.count("✓ verified") == 3


def test_as_many_cores_as_files_check_in_this_process(folder, monkeypatch):
    used = pools_used(monkeypatch)
    monkeypatch.setattr(cli_module.os, "cpu_count", lambda: 4)
    result = CliRunner().invoke(cli, ["check", "--no-cache", str(folder)])
    assert result.exit_code == 0 and used == []


def test_the_imports_pause_the_garbage_collector_and_only_the_console_script_freezes():
    # in a fresh process each: what is frozen stays frozen
    script = (
        "import gc, sys\n"
        "from eqchain import cli\n"
        "cli._FREEZE_AFTER_IMPORTS = sys.argv[1] == 'console'\n"
        "cli._import_checker(['a.toml'])\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 0)\n"
    )
    for who, frozen in (("console", "True"), ("library", "False")):
        out = subprocess.run(
            [sys.executable, "-c", script, who], capture_output=True, text=True, check=True
        )
        assert out.stdout.split() == ["True", frozen], (who, out.stdout, out.stderr)


def test_a_collector_paused_by_the_caller_stays_paused_and_nothing_is_frozen():
    script = (
        "import gc\n"
        "from eqchain import cli\n"
        "cli._FREEZE_AFTER_IMPORTS = True\n"
        "gc.disable()\n"
        "cli._import_checker(['a.toml'])\n"
        "print(gc.isenabled(), gc.get_freeze_count())\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "0"], out.stdout


def test_the_console_script_checks_with_the_imports_frozen(tmp_path):
    good = tmp_path / "good.toml"
    good.write_text(GOOD, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "eqchain", "check", "--no-cache", "--format", "json", str(good)],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    assert '"verified"' in out.stdout
