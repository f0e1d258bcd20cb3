r"""A polynomial condition that factors is nonzero where each factor is: ``p^2 - p \neq 0`` with
0 < p < 1 (p > 0 declared, p - 1 through the margin given p_{bound} = 1 - p), which the converse
of ``\frac{1 - 5p}{(1 - p) p} = 0 \Leftrightarrow p = \frac{1}{5}`` needs
(engine._nonzero_by_factors; stop 37, ja/repro/D6, a Bernoulli MLE)."""

from __future__ import annotations

from helpers import check_document_rows

ROW = r"\frac{1-5p}{(1-p)p} = 0 \Leftrightarrow p = \frac{1}{5}"


def _last(tmp_path, row, assume=None):
    return check_document_rows(tmp_path, row, assume=assume)[-1]


def test_the_solution_is_verified_within_the_interval(tmp_path):
    assert _last(tmp_path, ROW, "0 < p < 1")["status"] == "verified"


def test_a_wrong_solution_is_not_verified(tmp_path):
    # (refuting it needs the premise's root p = 1/5, which no sampled point meets: unknown)
    wrong = ROW.replace(r"\frac{1}{5}", r"\frac{1}{4}")
    assert _last(tmp_path, wrong, "0 < p < 1")["status"] != "verified"


def test_without_the_interval_the_factor_is_named(tmp_path):
    step = _last(tmp_path, ROW)
    assert step["status"] == "unknown"
    assert r"p^{2} - p \neq 0" in step["reason"]


def test_one_factor_unestablished_is_not_enough(tmp_path):
    # p > 0 alone: p - 1 may be 0
    assert _last(tmp_path, ROW, "p > 0")["status"] == "unknown"
