"""The flagship's source: both blog posts, copied to Markdown as published, checked as their
author would run eqchain on them (issue 11's acceptance).

The posts live in ``shared/reference/articles/`` beside the repository (plain text of the blog
pages, display math in ``$$``); they are not copied into the project.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from eqchain.cli import cli

ROOT = Path(__file__).resolve().parents[2]
# Beside the repository; a worktree (wt/NAME) is one level further down.
ARTICLES = next(
    (
        d / "shared" / "reference" / "articles"
        for d in (ROOT.parent, ROOT.parent.parent)
        if (d / "shared" / "reference" / "articles").is_dir()
    ),
    ROOT.parent / "shared" / "reference" / "articles",
)
PART_2 = ARTICLES / "000_4dc9454ccd116a45.txt"
PART_3 = ARTICLES / "003_93f894f2d31387c5.txt"
ASSUME = "y_k > 0, t_k >= 0"

pytestmark = pytest.mark.skipif(
    not PART_2.exists() or not PART_3.exists(), reason="shared/reference/articles is not beside"
)


def check_article(source: Path, tmp_path: Path) -> tuple[int, dict, str]:
    post = tmp_path / (source.stem + ".md")
    shutil.copyfile(source, post)
    result = CliRunner().invoke(
        cli, ["check", str(post), "--assume", ASSUME, "--format", "json", "--no-cache"]
    )
    report = json.loads(result.stdout)
    return result.exit_code, report, post.read_text(encoding="utf-8")


def steps(report: dict) -> list[dict]:
    return [s for d in report["derivations"] for s in d.get("steps", [])]


def test_part_2_every_equation_read_none_refuted(tmp_path):
    code, report, _ = check_article(PART_2, tmp_path)
    results = steps(report)
    assert results, report
    assert not [s for s in results if s["status"] == "unreadable"], results
    assert not [s for s in results if s["status"] == "refuted"], results
    # The log rules stated bare (a, b unconstrained) are not verified as identities: they are
    # unknown, naming what they need, or recognised as the statement of the rule.
    log_mul = [s for s in results if s["claim"].replace(" ", "").startswith("\\logab")]
    assert len(log_mul) == 1
    assert log_mul[0]["status"] == "unknown" and "a > 0" in log_mul[0]["reason"], log_mul
    assert code == 1  # unknown steps remain: the bare rules


def test_part_2_the_labelled_equations_are_verified(tmp_path):
    _, report, _ = check_article(PART_2, tmp_path)
    by_label = {s["label"]: s for s in steps(report) if s["label"]}
    assert by_label["3.5"]["status"] in ("verified", "definition"), by_label["3.5"]
    assert by_label["3.6"]["status"] == "verified", by_label["3.6"]


def test_part_3_exactly_one_refuted_step_4_3_at_its_line(tmp_path):
    code, report, text = check_article(PART_3, tmp_path)
    results = steps(report)
    assert not [s for s in results if s["status"] == "unreadable"], results
    refuted = [s for s in results if s["status"] == "refuted"]
    assert len(refuted) == 1, refuted
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "\\tag{4.3}" in row)
    assert refuted[0]["label"] == "4.3" and refuted[0]["line"] == line
    assert code == 1


def test_part_3_the_4_3_counterexample_has_short_values_at_the_least_size(tmp_path):
    _, report, _ = check_article(PART_3, tmp_path)
    (refuted,) = [s for s in steps(report) if s["status"] == "refuted"]
    values = refuted["counterexample"]["values"]
    assert values["K"] == "1", values
    assert all(len(v) <= 4 for v in values.values()), values
    # And the terminal shows the same values as the JSON.
    post = tmp_path / (PART_3.stem + ".md")
    result = CliRunner().invoke(cli, ["check", str(post), "--assume", ASSUME, "--no-cache"])
    shown = ", ".join(f"{k.replace('{', '').replace('}', '')} = {v}" for k, v in values.items())
    assert shown in result.stdout, result.stdout
