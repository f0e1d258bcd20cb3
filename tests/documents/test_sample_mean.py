"""``\\bar{x}`` in a document that sums ``x_i`` over ``i = 1..n`` (one range throughout) and
never defines it is the sample mean ``\\frac{1}{n}\\sum_{i=1}^{n} x_i``; an author's own
definition takes its place, and with several ranges it stays a free symbol."""

from __future__ import annotations

import json

from click.testing import CliRunner

from eqchain.cli import cli


def _statuses(tmp_path, *rows: str, assume: str = "n integer, n > 0") -> list[str]:
    doc = tmp_path / "d.md"
    doc.write_text("# t\n\n" + "\n\n".join(f"$$ {r} $$" for r in rows) + "\n", encoding="utf-8")
    args = ["check", "--no-cache", "--format", "json", "--assume", assume, str(doc)]
    out = CliRunner().invoke(cli, args)
    return [s["status"] for s in json.loads(out.output)["derivations"][0]["steps"]]


def test_the_sum_is_n_times_the_mean(tmp_path):
    rows = ("\\sum_{i=1}^{n} x_i = n \\bar{x}",)
    assert _statuses(tmp_path, *rows) == ["verified"]


def test_overline_is_the_mean_too(tmp_path):
    rows = ("\\sum_{i=1}^{n} (x_i - \\overline{x}) = 0",)
    assert _statuses(tmp_path, *rows) == ["verified"]


def test_a_wrong_count_is_refuted(tmp_path):
    rows = ("\\sum_{i=1}^{n} x_i = (n - 1) \\bar{x}",)
    assert _statuses(tmp_path, *rows) == ["refuted"]


def test_two_ranges_leave_the_bar_a_free_symbol(tmp_path):
    rows = ("\\sum_{i=1}^{m} x_i^2 = 4", "\\sum_{i=1}^{n} x_i = n \\bar{x}")
    assert _statuses(tmp_path, *rows, assume="n integer, m integer, n > 0, m > 0")[-1] != "verified"


def test_the_authors_definition_takes_its_place(tmp_path):
    rows = (
        "\\bar{x} = \\frac{1}{n - 1} \\sum_{i=1}^{n} x_i",
        "\\sum_{i=1}^{n} x_i = (n - 1) \\bar{x}",
    )
    statuses = _statuses(tmp_path, *rows, assume="n integer, n > 1")
    assert statuses[-2:] == ["definition", "verified"]


def test_a_bound_assumed_other_than_zero_keeps_the_mean(tmp_path):
    # n >= 1 is a given the loader makes (n_bound = n - 1): no row of the document, so the
    # document still reads the bar as the mean
    rows = ("\\sum_{i=1}^{n} (x_i - \\bar{x}) = 0",)
    assert _statuses(tmp_path, *rows, assume="n integer, n >= 1") == ["given", "verified"]
