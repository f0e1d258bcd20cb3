"""The text report never cuts a reason: in full on one line when piped, wrapped on a terminal."""

from __future__ import annotations

import io
import re

from rich.console import Console

from eqchain.model import Derivation, DerivationReport, Place, Report, Step, StepResult, Verdict
from eqchain.render.terminal import make_console, render_terminal

REASON = (
    "log_both_sides needs L > 0; log_prod needs y_{k} > 0 for every k from 1 to K, "
    "and the sum's bound needs K \\geq 0, which is not established by the declared assumptions"
)


def report() -> Report:
    step = Step("\\log L = \\sum_{k=1}^{K} \\log y_k", None, None, place=Place("d.toml", 21))
    result = StepResult(step, Verdict.UNKNOWN, ("log_both_sides",), REASON)
    return Report((DerivationReport(Derivation("t", "d.toml", (), (step,)), (result,)),))


def test_piped_text_shows_the_whole_reason_on_one_line():
    out = io.StringIO()
    render_terminal(report(), make_console(out))
    (line,) = [ln for ln in out.getvalue().splitlines() if "unknown" in ln and "line 21" in ln]
    assert line.endswith("which is not established by the declared assumptions")
    assert "log_prod needs y_{k} > 0" in line and "…" not in line


def test_a_terminal_wraps_the_reason_instead_of_cutting_it():
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=60, no_color=True, highlight=False)
    console.soft_wrap = False
    render_terminal(report(), console)
    lines = re.sub(r"\x1b\[[0-9;]*m", "", out.getvalue()).splitlines()
    assert all(len(ln) <= 60 for ln in lines)
    step = [ln for ln in lines if ln.startswith("  line 21") or ln.startswith(" " * 20)]
    assert len(step) > 2  # wrapped, each continuation under the rules
    joined = " ".join(ln.strip() for ln in step)
    assert "which is not established by the declared assumptions" in joined
    assert "…" not in joined
