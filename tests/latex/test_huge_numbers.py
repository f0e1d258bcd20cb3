"""Numbers too large to compute: the reader answers at once, canonical() refuses to build them
(TooLarge, a ValueError), and the two readings of a formula are compared without them. "At once"
is measured in CPU time, which the machine's load does not change."""

from __future__ import annotations

import time

import pytest
import sympy as sp

from eqchain.latex import agreement
from eqchain.latex.agreement import agree
from eqchain.latex.read import read_formula
from eqchain.latex.second import compare_readings
from eqchain.tree import TooLarge, canonical

HUGE = {
    r"10^{10^{10}}": "10^10000000000",
    r"(10^{8})!": "100000000!",
    r"\binom{10^{9}}{10^{8}}": "binomial(1000000000, 100000000)",
    r"2^{2^{2^{2^{2^{2}}}}}": "2^(<a number of 65537 bits>)",
    r"\sqrt{2}^{10^{10}}": "(sqrt(2))^10000000000",
    r"3^{2^{22}}": "3^4194304",
}
COMPUTABLE = [
    r"10^{-1000000}",
    r"2^{3000000}",
    r"(10^{5})!",
    r"\binom{10^{9}}{100}",
    r"1^{10^{10}}",
]


@pytest.mark.parametrize("text", sorted(HUGE))
def test_canonical_refuses_a_number_too_large_to_compute(text):
    (side,) = read_formula(f"a = {text}").sides[1:]
    started = time.process_time()
    with pytest.raises(TooLarge, match="too large to compute") as caught:
        canonical(side)
    assert time.process_time() - started < 1
    assert str(caught.value).endswith(HUGE[text])


@pytest.mark.parametrize("text", COMPUTABLE)
def test_canonical_computes_large_but_feasible_numbers(text):
    (side,) = read_formula(f"a = {text}").sides[1:]
    assert canonical(side).is_Integer or canonical(side).is_Rational


@pytest.mark.parametrize("text", sorted(HUGE))
def test_both_readings_of_a_huge_number_agree_at_once(text):
    started = time.process_time()
    result = compare_readings(f"{text} + x = x + {text}", frozenset(), frozenset())
    assert result.agree is True
    assert time.process_time() - started < 5


def test_huge_numbers_are_opaque_atoms_equal_only_to_themselves():
    x = sp.Symbol("x")
    with sp.evaluate(False):
        big = sp.Pow(sp.Integer(10), sp.Pow(sp.Integer(10), sp.Integer(10)))
        other = sp.Pow(sp.Integer(10), sp.Pow(sp.Integer(10), sp.Integer(11)))
        twice, doubled, plus_x, x_plus = sp.Mul(2, big), sp.Add(big, big), big + x, x + big
    assert agree(twice, doubled) == (True, "structural")
    assert agree(plus_x, x_plus) == (True, "structural")
    assert agree(big, other) == (False, "numeric")


def test_a_comparison_that_runs_out_of_time_is_inconclusive(monkeypatch):
    def slow(a, b):  # busy: the limit counts CPU time (a sleeping loop took 90 s to reach it)
        n = 0
        while True:
            n += 1

    monkeypatch.setattr(agreement, "_agree", slow)
    monkeypatch.setattr(agreement, "SECONDS", 0.2)
    started = time.process_time()
    assert agree(sp.Integer(1), sp.Integer(2)) == (None, "inconclusive")
    assert time.process_time() - started < 2


def test_a_steps_limit_that_runs_out_first_ends_the_comparison_and_the_step(monkeypatch):
    """Inside a step's shorter limit the comparison sets none of its own: the step's
    StepTimeout passes through (never an "inconclusive" that lets the step go on)."""
    from eqchain.check.timeout import StepTimeout, time_limit

    def slow(a, b):
        while True:
            pass

    monkeypatch.setattr(agreement, "_agree", slow)
    started = time.process_time()
    with pytest.raises(StepTimeout):
        with time_limit(0.3):
            agree(sp.Integer(1), sp.Integer(2))
    assert time.process_time() - started < 2


def test_the_time_limit_gives_an_outer_one_back(monkeypatch):
    import signal

    monkeypatch.setattr(agreement, "SECONDS", 0.5)
    signal.setitimer(signal.ITIMER_REAL, 30)
    previous = signal.signal(signal.SIGALRM, lambda *_: None)
    try:
        agree(sp.Integer(1), sp.Integer(1))
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 25 < left <= 30
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
