r"""An equation between two different fractions is refuted whatever the givens are.

Found by a red-team helper (s52 rt1 defect 6, a Qiita post's worked example): in
``\mathbb{E}[X] = 10 \cdot 0.85 = 8.6`` the first link is a given, and the arithmetic slip in the
second was unknown, "no counterexample" (the opaque given left the refuter no point)."""

from __future__ import annotations

import pytest
from helpers import check_document_rows


@pytest.mark.parametrize("left", [r"\mathbb{E}[X]", r"\mathrm{Var}(X)", r"V", r"f(2)"])
def test_the_slip_is_refuted(tmp_path, left):
    steps = check_document_rows(tmp_path, left + r" = 10 \cdot 0.85 = 8.6")
    assert steps[-1]["status"] == "refuted", steps[-1]
    assert steps[-1]["counterexample"]["lhs"] == "17/2", steps[-1]


def test_the_right_value_is_not(tmp_path):
    steps = check_document_rows(tmp_path, r"\mathbb{E}[X] = 10 \cdot 0.85 = 8.5")
    assert steps[-1]["status"] == "verified", steps[-1]
