"""``--assume`` on ``derive`` and ``maximize``: plain symbols declared as documents declare them,
over a --symbols file's declarations; families and bounds are refused with a message."""

from __future__ import annotations

import pytest

from eqchain.cli import main


class Result:
    def __init__(self, exit_code, stdout, stderr):
        self.exit_code, self.stdout, self.stderr = exit_code, stdout, stderr
        self.output = stdout + stderr


@pytest.fixture
def run(capsys):
    """``main`` in-process, as the console script runs it: errors are messages, not raised."""

    def invoke(*args):
        with pytest.raises(SystemExit) as stop:
            main(list(args))
        out = capsys.readouterr()
        return Result(stop.value.code, out.out, out.err)

    return invoke


def test_derive_uses_assumptions_given_with_assume(run):
    result = run("derive", r"\log(a b)", "--assume", "a > 0, b > 0")
    assert result.exit_code == 0, result.output
    assert "log_mul" in result.stdout


def test_derive_without_the_assumptions_says_which_is_missing(run):
    result = run("derive", r"\log(a b)")
    assert result.exit_code == 2
    assert "log_mul needs a > 0" in result.stderr


def test_assume_overrides_a_declaration_of_the_symbols_file(run, tmp_path):
    sym = tmp_path / "s.toml"
    sym.write_text('[symbols]\na = "real"\nb = "positive"\n', encoding="utf-8")
    assert run("derive", r"\log(a b)", "--symbols", str(sym)).exit_code == 2
    result = run("derive", r"\log(a b)", "--symbols", str(sym), "--assume", "a > 0")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("assume", "message"),
    [
        ("y_k > 0", "declare the family 'y' in a --symbols file, e.g. y = { index = \"k\""),
        ("p < 1", "not the bound 'p < 1'"),
    ],
)
def test_assume_refuses_families_and_bounds(run, assume, message):
    result = run("derive", r"\log(a b)", "--assume", assume)
    assert result.exit_code == 2
    assert message in result.stderr and "{{" not in result.stderr


def test_maximize_takes_plain_symbols_from_assume(run):
    problem = ("--objective", r"a \log x + b \log z", "--variable", "x", "--variable", "z")
    problem += ("--constraint", "x + z = 1")
    undeclared = run("maximize", *problem)
    assert undeclared.exit_code == 2 and "undefined symbol 'a'" in undeclared.stderr
    result = run("maximize", *problem, "--assume", "a > 0, b > 0, x > 0, z > 0")
    assert result.exit_code in (0, 1), result.output  # solved and checked
    assert "verified" in result.stdout and "0 refuted" in result.stdout


def test_maximize_refuses_assume_with_a_path(run, tmp_path):
    result = run("maximize", str(tmp_path / "p.toml"), "--assume", "a > 0")
    assert result.exit_code == 2
    assert "not both" in result.output
