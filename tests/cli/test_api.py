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


def test_check_path_checks_a_folder(tmp_path):
    """A folder of two flagship files (the whole folder is checked by the README's Quickstart
    command in tests/cli/test_readme.py)."""
    for name in ("log_likelihood.toml", "kl_divergence.toml"):
        (tmp_path / name).write_text((ROOT / "derivations" / name).read_text("utf-8"), "utf-8")
    (tmp_path / "notes.txt").write_text("not a derivation", encoding="utf-8")
    report = eqchain.check_path(str(tmp_path))
    assert report.all_verified
    assert sorted({Path(d.path).name for d in report.derivations}) == [
        "kl_divergence.toml",
        "log_likelihood.toml",
    ]
    assert len(report.derivations) == 3  # log_likelihood.toml holds two
