r"""A row after a derivative set to zero that solves the condition for a sum (``\sum_i x_i = 3 n
\theta`` from ``-\frac{3n}{\theta} + \frac{1}{\theta^2} \sum_i x_i = 0``): the sum is one
quantity the condition determines, its coefficient 1. It was unknown (solved for \theta it needed
n nonzero, which the row does not), unless n > 0 was declared."""

from __future__ import annotations

from helpers import run_eqchain

CONDITION = r"""$$\ell(\theta) = -3n\ln(\theta) - \frac{1}{\theta}\sum_{i=1}^n x_i$$

$$\frac{d\ell(\theta)}{d\theta} = -\frac{3n}{\theta} + \frac{1}{\theta^2}\sum_{i=1}^n x_i = 0$$

$$ROW$$
"""


def last(tmp_path, row: str, assume: str = "theta > 0") -> dict:
    import json

    doc = tmp_path / "d.md"
    doc.write_text(CONDITION.replace("ROW", row), encoding="utf-8")
    ran = run_eqchain("check", "--no-cache", "--format", "json", "--assume", assume, str(doc))
    return json.loads(ran.stdout)["derivations"][0]["steps"][-1]


def test_the_sum_solved_from_the_condition_is_verified(tmp_path):
    step = last(tmp_path, r"\sum_{i=1}^n x_i = 3n\theta")
    assert step["status"] == "verified", step
    assert "stationary point" in " ".join(step.get("warnings", [])), step


def test_a_wrong_multiple_of_the_sum_is_refuted(tmp_path):
    for row in (r"\sum_{i=1}^n x_i = 2n\theta", r"\sum_{i=1}^{n} x_i^2 = 3n\theta"):
        assert last(tmp_path, row)["status"] == "refuted", row


def test_a_coefficient_that_may_vanish_does_not_solve_it(tmp_path):
    # a \sum_i x_i - 2 a \theta = 0 gives \sum_i x_i = 2 \theta only where a is not 0
    text = CONDITION.replace(
        r"-3n\ln(\theta) - \frac{1}{\theta}\sum_{i=1}^n x_i",
        r"a \theta \sum_{i=1}^n x_i - a \theta^2",
    ).replace(
        r"-\frac{3n}{\theta} + \frac{1}{\theta^2}\sum_{i=1}^n x_i",
        r"a \sum_{i=1}^n x_i - 2 a \theta",
    )
    doc = tmp_path / "d.md"
    doc.write_text(text.replace("ROW", r"\sum_{i=1}^n x_i = 2\theta"), encoding="utf-8")
    import json

    ran = run_eqchain("check", "--no-cache", "--format", "json", str(doc))
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    assert [s["status"] for s in steps[1:3]] == ["verified", "given"], steps
    assert steps[-1]["status"] != "verified", steps
