"""Red team s46 on the day's speed changes, and the orders between numbers.

A step over a symbolic range is now searched before it is sampled: a path through an equation
about a sum brought in the sum's range condition (n >= 0), under which the step was verified,
although its left side is defined at n = -1 where it is false (the sampler, run first before,
refuted it). Such a step is sampled where its source alone is defined."""

from __future__ import annotations

import pytest
from helpers import check_text, claims

from eqchain.model import Verdict

FACT = """
[symbols]
n = "integer"
m = "integer"
c = "real"
[[steps]]
claim = '\\sum_{k=1}^{n} c = n c'
"""


@pytest.mark.parametrize(
    "claim",
    [
        r"n c = \sum_{k=1}^{n} c",
        r"n c + 1 = \sum_{k=1}^{n} c + 1",
    ],
)
def test_a_path_through_an_equation_about_a_sum_does_not_verify_it_where_it_fails(tmp_path, claim):
    result = claims(check_text(tmp_path, FACT + f"[[steps]]\nclaim = '{claim}'\n"))[-1]
    assert result.verdict is Verdict.REFUTED, result.reason
    assert int(dict(result.counterexample.values)["n"]) < 0


def test_the_lower_bound_too(tmp_path):
    text = """
[symbols]
n = "integer"
m = "integer"
[[steps]]
claim = '\\sum_{k=m}^{n} 1 = n - m + 1'
[[steps]]
claim = 'n - m + 1 = \\sum_{k=m}^{n} 1'
"""
    first, second = claims(check_text(tmp_path, text))
    assert first.verdict is Verdict.VERIFIED, first.reason
    assert second.verdict is Verdict.REFUTED, second.reason


def test_with_the_range_declared_nonempty_the_step_is_verified(tmp_path):
    text = FACT.replace('n = "integer"', 'n = "positive integer"')
    result = claims(check_text(tmp_path, text + "[[steps]]\nclaim = 'n c = \\sum_{k=1}^{n} c'\n"))
    assert result[-1].verdict is Verdict.VERIFIED, result[-1].reason


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("0 > 0", Verdict.REFUTED),
        ("0 < 0", Verdict.REFUTED),
        (r"\frac{1}{3} < \frac{1}{3}", Verdict.REFUTED),
        (r"\pi < 3", Verdict.REFUTED),
        (r"1 - 1 \ge 0", Verdict.VERIFIED),
        (r"\frac{1}{3} \le \frac{1}{3}", Verdict.VERIFIED),
        ("x^2 > 0", Verdict.UNKNOWN),  # false at x = 0 only: no sampled point shows it
        # numbers SymPy cannot compare (log 6 - log 2 - log 3 is 0, no digit shows it): the
        # difference proved zero decides the order both ways
        (r"\log 6 - \log 2 - \log 3 > 0", Verdict.REFUTED),
        (r"\log 6 < \log 2 + \log 3", Verdict.REFUTED),
        (r"\log 6 \le \log 2 + \log 3", Verdict.VERIFIED),
    ],
)
def test_an_order_between_numbers_is_decided_at_equality_too(tmp_path, claim, verdict):
    text = f"[symbols]\nx = 'real'\n[[steps]]\nclaim = '{claim}'\n"
    result = claims(check_text(tmp_path, text))[-1]
    assert result.verdict is verdict, result.reason


def test_an_order_between_numbers_left_undecided_says_so(tmp_path):
    # cos(pi/7) - cos(2pi/7) + cos(3pi/7) is 1/2 exactly; SymPy proves it neither way
    claim = r"\cos(\pi/7) - \cos(2\pi/7) + \cos(3\pi/7) > \frac{1}{2}"
    text = f"[[steps]]\nclaim = '{claim}'\n"
    result = claims(check_text(tmp_path, text))[-1]
    assert result.verdict is Verdict.UNKNOWN
    assert "SymPy" not in result.reason, result.reason
