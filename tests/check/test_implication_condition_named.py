"""A row of a system the author solves, neither shown an identity nor shown to follow from the
row before, but carried from it by a move whose condition is not established (both sides of
the row before multiplied by 2 t^4 / n, with n not declared nonzero): ``unknown`` naming that
condition, not the identity's "no symbolic proof found" (issue 12; the Gaussian MLE's
variance, where a given sum of squares set to zero leaves the refuter no point to sample)."""

from __future__ import annotations

import pytest
from helpers import check_document_rows

ROWS = (
    r"\frac{\mathrm{d}\mathrm{LL}(m,t^2)}{\mathrm{d}\sigma^2} &= 0",
    r"0 &= \frac{1}{2 (t^2)^2} \sum_{i=1}^n (y_i - m)^2",
    r"\frac{n}{2 t^2} &= \frac{1}{2 (t^2)^2} \sum_{i=1}^n (y_i - m)^2",
)
SCALED = (
    r"\frac{2 (t^2)^2}{n} \cdot \frac{n}{2 t^2} &= "
    r"\frac{2 (t^2)^2}{n} \cdot \frac{1}{2 (t^2)^2} \sum_{i=1}^n (y_i - m)^2"
)
WRONG = SCALED.replace(r"= \frac{2 (t^2)^2}{n}", r"= \frac{4 (t^2)^2}{n}")


def last(tmp_path, after, assume=None):
    block = r"\begin{split} " + r" \\ ".join((*ROWS, after)) + r" \end{split}"
    return check_document_rows(tmp_path, block, assume=assume)[-1]


@pytest.mark.slow  # 6 to 9 s: in .ci/run, not in the README's pytest (its 5 minutes)
def test_the_missing_condition_of_the_move_is_named(tmp_path):
    got = last(tmp_path, SCALED)
    assert got["status"] == "unknown"
    assert "divide_both_sides needs n \\neq 0" in got["reason"]
    assert not got["reason"].startswith("no symbolic proof found")


@pytest.mark.slow  # 6 to 9 s: in .ci/run, not in the README's pytest (its 5 minutes)
def test_with_the_condition_declared_the_row_follows(tmp_path):
    assert last(tmp_path, SCALED, assume="n > 0, t > 0")["status"] == "verified"


@pytest.mark.slow  # 9 s: in .ci/run, not in the README's pytest (issue 17)
def test_a_row_scaled_wrongly_does_not_follow(tmp_path):
    assert WRONG != SCALED
    got = last(tmp_path, WRONG, assume="n > 0, t > 0")
    assert got["status"] != "verified"
    assert "follows from the previous row once" not in got["reason"]
