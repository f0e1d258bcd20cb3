"""``eqchain show`` as a reader sees it on a terminal: formulas and note math in Unicode, no
LaTeX source, steps named by their role (issue 16)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import run_eqchain as run

ROOT = Path(__file__).resolve().parents[2]
DICE_MLE = ROOT / "derivations" / "dice_mle.toml"


@pytest.fixture(scope="module")
def shown():
    proc = run("show", str(DICE_MLE))
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_show_prints_formulas_in_unicode(shown):
    assert "∂ℒ/∂y_k = t_k/y_k − λ" in shown
    assert "log L = Σ_{k=1}^{K} t_k log y_k" in shown


def test_show_of_the_flagship_has_no_backslash(shown):
    assert "\\" not in shown


def test_generated_notes_show_their_math_in_unicode(shown):
    assert "Multiply by y_k (positive) and move λ y_k to the other side." in shown


def test_show_pretty_lays_formulas_out_in_two_dimensions():
    proc = run("show", "--pretty", str(ROOT / "derivations" / "log_likelihood.toml"))
    assert proc.returncode == 0, proc.stderr
    assert "\\" not in proc.stdout
    assert "___" in proc.stdout  # SymPy's drawn sum sign
    assert "yₖ" in proc.stdout


@pytest.fixture(scope="module")
def dice_json():
    import json

    proc = run("check", "--no-cache", "--format", "json", str(DICE_MLE))
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)["derivations"][0]["steps"]


def _maximize_line() -> int:
    lines = DICE_MLE.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if line.strip() == "[maximize]")


def test_generated_steps_carry_their_role_and_the_table_line_in_json(dice_json):
    generated = [s for s in dice_json if s["label"] is None]
    assert len(generated) == 27  # 23 claims (one the Hessian sign), 2 givens, 2 defs
    assert all(s["role"] for s in generated)
    assert {s["line"] for s in generated} == {_maximize_line()}
    roles = [s["role"] for s in generated]
    for role in ("Lagrangian", "stationarity", "multiplier", "solution", "second-order"):
        assert role in roles
    assert [r for r in roles if r.startswith("second-order (minor")] == [
        f"second-order (minor {m})" for m in range(3, 8)
    ]
    written = next(s for s in dice_json if s["label"] == "3.6")
    assert written["role"] is None


def test_show_and_check_name_generated_steps_by_role(shown):
    assert "  stationarity  " in shown
    assert "  second-order (minor 3)  " in shown
    assert "line 24" not in shown
    proc = run("check", "--no-cache", "--lang", "ja", str(DICE_MLE))
    assert "  停留条件  " in proc.stdout
    assert "二階の条件（3 次の首座小行列式）" in proc.stdout


# Three English words in a row: a sentence (rule names are one word, math is symbols).
ENGLISH = re.compile(r"\b[A-Za-z]{2,}(?:[ ,'-]+[A-Za-z]{2,}){2,}")


@pytest.mark.parametrize("command", ["show", "check", "markdown"])
def test_japanese_output_of_the_flagship_has_no_english_sentence(command):
    proc = run(command, "--lang", "ja", str(DICE_MLE))
    assert proc.returncode == 0, proc.stderr
    assert ENGLISH.findall(proc.stdout) == []
    assert "負（正）" not in proc.stdout


def test_japanese_reasons_for_refuted_and_unknown_steps(tmp_path):
    f = tmp_path / "wrong.toml"
    f.write_text(
        "[symbols]\na = 'real'\nb = 'positive'\n"
        "[[steps]]\nclaim = '\\log b^{2} = 3 \\log b'\n"
        "[[steps]]\nclaim = '\\log (a b) = \\log a + \\log b'\n",
        encoding="utf-8",
    )
    proc = run("show", "--lang", "ja", f.name, cwd=tmp_path)
    assert proc.returncode == 1
    assert "両辺が一致しない" in proc.stdout
    assert "反例：" in proc.stdout
    assert "が必要" in proc.stdout
    assert ENGLISH.findall(proc.stdout) == [], proc.stdout


def test_a_title_per_language_is_shown_in_that_language(tmp_path):
    f = tmp_path / "t.toml"
    f.write_text(
        'title.en = "Log of a square"\ntitle.ja = "二乗の対数"\n'
        "[symbols]\na = 'positive'\n[[steps]]\nclaim = '\\log a^{2} = 2 \\log a'\n",
        encoding="utf-8",
    )
    assert "Log of a square" in run("show", f.name, cwd=tmp_path).stdout
    ja = run("show", "--lang", "ja", f.name, cwd=tmp_path).stdout
    assert "二乗の対数" in ja
    assert "Log of a square" not in ja


def test_a_title_table_with_an_unknown_language_is_an_input_error(tmp_path):
    f = tmp_path / "t.toml"
    f.write_text(
        'title.fr = "Le log"\n[symbols]\na = "positive"\n[[steps]]\nclaim = "a = a"\n',
        encoding="utf-8",
    )
    proc = run("check", "--no-cache", f.name, cwd=tmp_path)
    assert proc.returncode == 2
    assert "'title' must be a string or a table" in proc.stdout + proc.stderr


def test_the_readme_shows_the_rendered_flagship():
    png = ROOT / "docs" / "flagship.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "(docs/flagship.png)" in (ROOT / "README.md").read_text(encoding="utf-8")
