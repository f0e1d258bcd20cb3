"""The Python API and the notebook representations."""

from __future__ import annotations

from pathlib import Path

import eqchain

ROOT = Path(__file__).resolve().parents[2]


def test_load_check_gives_a_report_with_notebook_representations():
    report = eqchain.load(str(ROOT / "derivations" / "log_likelihood.toml")).check()
    assert report.all_verified
    assert "$$" in report._repr_markdown_()
    assert r"\begin{aligned}" in report._repr_latex_()
    html = report._repr_html_()
    assert html.startswith("<") and "log" in html


def test_check_path_checks_a_folder():
    report = eqchain.check_path(str(ROOT / "derivations"))
    assert report.all_verified
    assert len(report.derivations) >= 7
