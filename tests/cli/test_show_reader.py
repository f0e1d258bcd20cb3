"""``eqchain show`` as a reader sees it on a terminal: formulas and note math in Unicode, no
LaTeX source, steps named by their role (issue 16)."""

from __future__ import annotations

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
