"""eqchain derive through the CLI: both flagship chains, each rule named, the saved file checks."""

from __future__ import annotations

from helpers import run_eqchain as run

SYMBOLS = """
[symbols]
K = "integer positive"
y = { index = "k", range = "1..K", assume = "positive" }
t = { index = "k", range = "1..K", assume = "nonnegative" }
"""


def test_derive_written_out_product_and_save(tmp_path):
    sym = tmp_path / "symbols.toml"
    sym.write_text(SYMBOLS, encoding="utf-8")
    out = tmp_path / "derived.toml"
    expr = (
        r"\log (y_{1}^{t_{1}} y_{2}^{t_{2}} y_{3}^{t_{3}} "
        r"y_{4}^{t_{4}} y_{5}^{t_{5}} y_{6}^{t_{6}})"
    )
    proc = run("derive", expr, "--symbols", str(sym), "--save", str(out))
    assert proc.returncode == 0, proc.stderr
    for rule in ("log_mul", "log_pow", "sum_fold"):
        assert rule in proc.stdout
    check = run("check", "--no-cache", str(out))
    assert check.returncode == 0, check.stdout + check.stderr
    assert "3 verified" in check.stdout


def test_derive_symbolic_product(tmp_path):
    sym = tmp_path / "symbols.toml"
    sym.write_text(SYMBOLS, encoding="utf-8")
    proc = run("derive", r"\log \prod_{k=1}^{K} y_k^{t_k}", "--symbols", str(sym))
    assert proc.returncode == 0, proc.stderr
    assert "log_prod" in proc.stdout and "log_pow" in proc.stdout
    assert "2 verified" in proc.stdout


def test_derive_without_assumptions_says_what_is_missing():
    proc = run("derive", r"\log \prod_{k=1}^{K} y_k^{t_k}")
    assert proc.returncode == 2
    assert "> 0" in proc.stderr
