"""A row's condition after its comma can neither verify a false step nor refute a true one
(issue 11): steps true exactly under their condition are never refuted and true nowhere else,
and a false step's counterexample always satisfies the condition (check/conditioned.py)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from helpers import check_document_rows

# (claim, condition, test of a value of x): the claim holds exactly where the test does
EXACT = [
    (r"|x - 1| = 1 - x", r"x \le 1", lambda x: x <= 1),
    (r"|x - 2| = x - 2", r"x \geq 2", lambda x: x >= 2),
    (r"\sqrt{x^2} = -x", r"x < 0", lambda x: x < 0),
    (r"|x| + |x - 1| = 1", r"0 \le x \le 1", lambda x: 0 <= x <= 1),
    (r"|x + 3| = x + 3", r"x > -3", lambda x: x > -3),
]

# (false claim, condition, test the counterexample must pass)
FALSE_UNDER = [
    (r"|x - 1| = x - 1", r"x < 1", lambda x: x < 1),
    (r"|x| = x", r"x \neq 0, x < 5", lambda x: x != 0 and x < 5),
    (r"x^2 = x", r"0 < x < 1", lambda x: 0 < x < 1),
    (r"\sqrt{x^2} = x", r"x \in (-2, 0)", lambda x: -2 < x < 0),
    (r"|x - 3| = 3 - x", r"x \ge 2", lambda x: x >= 2),
    (r"x^3 = x", r"x > 2", lambda x: x > 2),
]


@pytest.mark.parametrize(("claim", "condition", "holds"), EXACT)
def test_a_step_true_under_its_condition_is_never_refuted(tmp_path, claim, condition, holds):
    with_it, without = check_document_rows(tmp_path, f"{claim}, \\quad {condition}", claim)
    assert with_it["status"] in ("verified", "unknown"), with_it["reason"]
    # the same claim without its condition is false somewhere: never verified
    assert without["status"] != "verified"
    if without["status"] == "refuted":
        assert not holds(Fraction(without["counterexample"]["values"]["x"]))


@pytest.mark.parametrize(("claim", "condition", "inside"), FALSE_UNDER)
def test_a_counterexample_satisfies_the_condition(tmp_path, claim, condition, inside):
    (step,) = check_document_rows(tmp_path, f"{claim}, \\quad {condition}")
    assert step["status"] in ("refuted", "unknown")
    if step["status"] == "refuted":
        values = step["counterexample"]["values"]
        assert list(values) == ["x"]  # no margin shown
        assert inside(Fraction(values["x"]))


def test_most_false_steps_under_a_condition_are_refuted(tmp_path):
    rows = [f"{claim}, \\quad {condition}" for claim, condition, _ in FALSE_UNDER]
    steps = check_document_rows(tmp_path, *rows)
    assert sum(s["status"] == "refuted" for s in steps) >= len(rows) - 1
