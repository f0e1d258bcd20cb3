"""Issue 11, end to end through the CLI: sums, integrals and operators as people write them
without ranges (a sum's unwritten range, operator names before brackets, sums and integrals
over a set)."""

from __future__ import annotations

import json

from helpers import run_eqchain


def check(tmp_path, *equations: str):
    path = tmp_path / "d.md"
    path.write_text("".join(f"Text.\n\n$$\n{e}\n$$\n\n" for e in equations), encoding="utf-8")
    ran = run_eqchain("check", "--no-cache", "--format", "json", path)
    return ran, json.loads(ran.stdout)["derivations"][0]["steps"]


def test_a_step_that_depends_on_an_unwritten_range_is_unknown_in_json(tmp_path):
    ran, steps = check(
        tmp_path,
        r"\sum_i 1 = n",
        r"\sum_k (a_k + b_k) = \sum_k a_k + \sum_k b_k",
    )
    assert [s["status"] for s in steps] == ["unknown", "verified"]
    assert "the range of i is not written" in steps[0]["reason"]
    assert steps[0]["counterexample"] is None
    assert ran.returncode == 1  # an unknown claim, as a refuted one, needs attention


def test_a_divergence_and_a_factor_before_brackets_are_read_and_checked(tmp_path):
    ran, steps = check(
        tmp_path,
        r"\lambda \left[ 1 + \lambda \right] = \lambda + \lambda^2",
        r"a + \mathrm{KL}[P || Q] = a + \mathrm{KL}(P || Q)",
        r"a + \mathrm{KL}[P || Q] = a + \mathrm{KL}[Q || P]",
    )
    # an opaque operator is not evaluated by numbers: swapping its arguments is never verified
    assert [s["status"] for s in steps] == ["verified", "verified", "unknown"]
    assert "KL" in steps[1]["lhs"] and "P || Q" in steps[1]["lhs"]  # printed as written


def test_sums_and_integrals_over_a_set_are_read_and_kept_whole(tmp_path):
    ran, steps = check(
        tmp_path,
        r"a + \sum_{x \in \mathcal{X}} x^2 = a + \sum_{x \in \mathcal{X}} x^2 + 0",
        r"b + \int_{\mathcal{X}} x \, \mathrm{d}x = b + \frac{1}{2}",
    )
    assert [s["status"] for s in steps] == ["verified", "unknown"]
    assert "\\sum_{x \\in \\mathcal{X}}" in steps[0]["lhs"]
    assert "\\int_{\\mathcal{X}}" in steps[1]["lhs"]


def test_the_cross_check_has_no_second_reading_of_a_sum_over_a_set(tmp_path):
    """The other readers read no sums over a set: with --cross-check the step is checked, not
    reported ambiguous."""
    path = tmp_path / "d.md"
    path.write_text(
        "$$\na + \\sum_{x \\in \\mathcal{X}} x^2 = a + \\sum_{x \\in \\mathcal{X}} x^2\n$$\n",
        encoding="utf-8",
    )
    ran = run_eqchain("check", "--no-cache", "--cross-check", "--format", "json", path)
    (step,) = json.loads(ran.stdout)["derivations"][0]["steps"]
    assert step["status"] == "verified", step["reason"]
