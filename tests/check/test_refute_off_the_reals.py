"""A document's symbols are real, and its author means the real logarithm and real powers: a
point where a side is not real (the logarithm of a negative number, a fractional power of one)
is outside what the step says, and no counterexample. Where a symbol may be complex (declared
so), the complex functions are what the step says, and such a point refutes it."""

from __future__ import annotations

import json

import sympy as sp
from helpers import check_document_rows, run_eqchain

from eqchain.check.refute import find_counterexample


def test_a_log_rule_step_is_unknown_naming_the_sign_not_refuted_at_a_negative_base(tmp_path):
    # y_1 = -17/16, t_1 = 20/13: y_1^{t_1} is complex, and the two sides differed there
    step = check_document_rows(
        tmp_path, r"-\log \prod_{k=1}^{K} y_k^{t_k} = \sum_{k=1}^{K} t_k \log \frac{1}{y_k}"
    )[-1]
    assert step["status"] == "unknown", step
    assert "y_{k} > 0" in step["reason"], step["reason"]


def test_a_root_of_a_negative_product_is_no_counterexample(tmp_path):
    step = check_document_rows(
        tmp_path,
        r"\log \sqrt{\prod_{k=1}^{K} y_k^{t_k}} = \frac{1}{2}\sum_{k=1}^{K} t_k \log y_k",
    )[-1]
    assert step["status"] == "unknown" and "y_{k} > 0" in step["reason"], step


def test_a_wrong_factor_is_still_refuted_at_a_real_point(tmp_path):
    step = check_document_rows(
        tmp_path, r"\log \prod_{k=1}^{K} y_k^{t_k} = \sum_{k=1}^{K} 2 t_k \log y_k"
    )[-1]
    assert step["status"] == "refuted", step
    values = step["counterexample"]["values"]
    assert all("i" not in v for v in values.values()), values


def test_the_refuter_collects_the_points_off_the_reals_for_real_symbols():
    a = sp.Symbol("a", real=True)
    seen: list = []
    # log(a^2) = 2 log(a) fails only at a < 0, where the right side is not real
    assert find_counterexample(sp.log(a**2), 2 * sp.log(a), off_reals=seen) is None
    assert seen and seen[0][0][0] == "a" and seen[0][0][1][0] in "-−", seen


def test_a_symbol_that_may_be_complex_is_refuted_off_the_real_line():
    a = sp.Symbol("a")  # no assumptions: complex
    cex = find_counterexample(sp.log(a**2), 2 * sp.log(a))
    assert cex is not None


def test_a_name_a_later_row_defines_is_real_where_nothing_defines_it(tmp_path):
    # y is defined at the second row, so it is not real by the document's default; at the
    # first row nothing defines it and the document's names are real: no y = -i
    post = tmp_path / "post.md"
    post.write_text("# t\n\n$$\n2y = 4z\n$$\n\n$$\ny = 2z\n$$\n")
    ran = run_eqchain("check", "--format", "json", str(post))
    first = json.loads(ran.stdout)["derivations"][0]["steps"][0]
    # with the later row's y = 2z the row holds: unknown, naming that row (stop 36); never a
    # refutation at a complex y
    assert first["status"] == "unknown", first
    assert "a later row defines y" in first["reason"], first
