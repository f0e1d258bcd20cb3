"""eqchain maximize: a Lagrange problem from a file or the command line, solved as checked
steps."""

from __future__ import annotations

from pathlib import Path

from helpers import run_eqchain as run

ROOT = Path(__file__).resolve().parents[2]
SYMBOLS = """
[symbols]
K = "integer positive"
y = { index = "k", range = "1..K", assume = "positive" }
t = { index = "k", range = "1..K", assume = "positive integer" }
lambda = "real"
"""


def test_maximize_the_dice_file_verifies_every_step():
    proc = run("maximize", str(ROOT / "derivations" / "dice_mle.toml"))
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr
    assert "y_1 = 1/10" in proc.stdout
    assert "0 refuted, 0 unknown" in proc.stdout


def test_maximize_from_the_command_line(tmp_path):
    sym = tmp_path / "s.toml"
    sym.write_text(SYMBOLS, encoding="utf-8")
    out = tmp_path / "mle.toml"
    proc = run(
        "maximize",
        "--objective",
        r"\sum_{k=1}^{K} t_k \log y_k",
        "--variable",
        "y_k",
        "--constraint",
        r"\sum_{k=1}^{K} y_k = 1",
        "--data",
        "t=2,5,2,4,2,5",
        "--symbols",
        str(sym),
        "--save",
        str(out),
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr
    assert "y_2 = 1/4" in proc.stdout
    assert "256000000000" in proc.stdout
    check = run("check", "--no-cache", str(out))
    assert check.returncode == 0, check.stdout[-2000:] + check.stderr


def test_negative_counts_are_a_clear_error(tmp_path):
    sym = tmp_path / "s.toml"
    sym.write_text(SYMBOLS.replace("positive integer", "integer"), encoding="utf-8")
    proc = run(
        "maximize",
        "--objective",
        r"\sum_{k=1}^{K} t_k \log y_k",
        "--variable",
        "y_k",
        "--constraint",
        r"\sum_{k=1}^{K} y_k = 1",
        "--data",
        "t=2,-1,3",
        "--symbols",
        str(sym),
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "negative" in proc.stderr or "-1" in proc.stderr


def test_maximize_needs_an_objective():
    proc = run("maximize")
    assert proc.returncode == 2
    assert "objective" in proc.stderr
