"""Issue 13, classes 5 and 9: what a range means (README: a sum runs over the integers between
its bounds, and over none when the upper bound is below the lower one).

Class 5: a bound that is not an integer. ``\\sum_{k=1}^{5/2} 1`` is 2 (k = 1, 2), not 5/2, and
``\\sum_{k=1}^{x} k = \\frac{x(x+1)}{2}`` holds only for an integer x: never verified, refuted
when the bound is concrete (or a value shows it), else unknown naming ``x \\in \\mathbb{Z}``. Each
case has its twin with an integer bound, verified.

Class 9: an empty range. ``\\sum_{k=3}^{1} k`` is 0 to a reader; SymPy's Karr convention makes it
-2. The checker, the refuter and the numeric oracle read it the same way: the reader's value is
verified (never refuted) and Karr's value is never verified.
"""

from __future__ import annotations

import pytest

from eqchain.model import Verdict

from .judged import check_file, check_markdown, claims
from .redteam import derivation, document, summary

S = 'x = "positive"\nn = "integer positive"\nu = "real"'

# (name, claim with a bound that is not an integer, twin with an integer bound, concrete)
NOT_INTEGER = [
    (
        "triangle_to_a_real",
        r"\sum_{k=1}^{x} k = \frac{x(x+1)}{2}",
        r"\sum_{k=1}^{n} k = \frac{n(n+1)}{2}",
        False,
    ),
    ("count_to_a_real", r"\sum_{k=1}^{x} 1 = x", r"\sum_{k=1}^{n} 1 = n", False),
    ("product_to_a_real", r"\prod_{k=1}^{x} 2 = 2^{x}", r"\prod_{k=1}^{n} 2 = 2^{n}", False),
    ("count_to_five_halves", r"\sum_{k=1}^{5/2} 1 = \frac{5}{2}", r"\sum_{k=1}^{2} 1 = 2", True),
    (
        "triangle_to_seven_halves",
        r"\sum_{k=1}^{7/2} k = \frac{63}{8}",
        r"\sum_{k=1}^{3} k = 6",
        True,
    ),
    ("window_from_a_real", r"\sum_{k=x}^{x+2} 1 = 3", r"\sum_{k=n}^{n+2} 1 = 3", False),
    ("count_to_twice_a_real", r"\sum_{k=1}^{2x} 1 = 2x", r"\sum_{k=1}^{2n} 1 = 2n", False),
    ("decimal_lower_bound", r"\sum_{k=0.5}^{3} 1 = 3.5", r"\sum_{k=1}^{3} 1 = 3", True),
    ("half_an_integer", r"\sum_{k=1}^{\frac{n}{2}} 2 = n", r"\sum_{k=1}^{n} 2 = 2n", False),
    ("root_two", r"\sum_{k=1}^{\sqrt{2}} 1 = \sqrt{2}", r"\sum_{k=1}^{\sqrt{4}} 1 = 2", True),
    (
        "product_to_five_halves",
        r"\prod_{k=1}^{5/2} 3 = 3^{\frac{5}{2}}",
        r"\prod_{k=1}^{2} 3 = 9",
        True,
    ),
]


@pytest.mark.parametrize(
    ("bad", "good", "concrete"), [c[1:] for c in NOT_INTEGER], ids=[c[0] for c in NOT_INTEGER]
)
def test_a_bound_that_is_not_an_integer_is_never_verified(tmp_path, bad, good, concrete):
    (result,) = claims(check_file(tmp_path, derivation(S, bad)))
    assert result.verdict is not Verdict.VERIFIED, summary([result])
    if concrete:
        assert result.verdict is Verdict.REFUTED, summary([result])
    elif result.verdict is Verdict.UNKNOWN:
        assert r"\in \mathbb{Z}" in result.reason, result.reason


@pytest.mark.parametrize(
    ("bad", "good", "concrete"), [c[1:] for c in NOT_INTEGER], ids=[c[0] for c in NOT_INTEGER]
)
def test_the_twin_with_an_integer_bound_is_verified(tmp_path, bad, good, concrete):
    (result,) = claims(check_file(tmp_path, derivation(S, good)))
    assert result.verdict is Verdict.VERIFIED, summary([result])


def test_a_real_bound_is_unknown_naming_the_integer_condition_when_no_value_refutes(tmp_path):
    # true for every integer x >= 0 and for no other: the refuter may find x = 1/2, else the
    # condition is named
    (result,) = claims(check_file(tmp_path, derivation(S, r"\sum_{k=1}^{u} 0 = 0")))
    assert result.verdict is Verdict.UNKNOWN, summary([result])
    assert r"u \in \mathbb{Z}" in result.reason


# (name, the reader's value of a claim with an empty range, Karr's value)
EMPTY = [
    ("sum_three_to_one", r"\sum_{k=3}^{1} k = 0", r"\sum_{k=3}^{1} k = -2"),
    ("product_three_to_one", r"\prod_{k=3}^{1} k = 1", r"\prod_{k=3}^{1} k = \frac{1}{2}"),
    ("count_five_to_one", r"\sum_{k=5}^{1} 1 = 0", r"\sum_{k=5}^{1} 1 = -3"),
    ("sum_one_to_zero_of_a_symbol", r"\sum_{k=1}^{0} u = 0", r"\sum_{k=1}^{0} u = u"),
    ("squares_four_to_two", r"\sum_{k=4}^{2} k^{2} = 0", r"\sum_{k=4}^{2} k^{2} = -9"),
    ("beside_a_symbol", r"u + \sum_{k=3}^{1} k = u", r"u + \sum_{k=3}^{1} k = u - 2"),
    ("product_of_a_symbol", r"\prod_{k=4}^{1} x = 1", r"\prod_{k=4}^{1} x = x^{-2}"),
    ("negative_bounds", r"\sum_{k=-1}^{-3} k = 0", r"\sum_{k=-1}^{-3} k = 2"),
    ("in_an_exponent", r"2^{\sum_{k=3}^{1} 1} = 1", r"2^{\sum_{k=3}^{1} 1} = \frac{1}{2}"),
    ("times_a_symbol", r"u \prod_{k=3}^{1} 2 = u", r"u \prod_{k=3}^{1} 2 = \frac{u}{2}"),
    (
        "inner_range_empty_for_some_outer_values",
        r"\sum_{k=1}^{3}\sum_{j=k}^{1} 1 = 1",
        r"\sum_{k=1}^{3}\sum_{j=k}^{1} 1 = 0",
    ),
]
# The reader's value that the checker cannot prove yet (never refuted: asserted below).
NOT_PROVED = {"inner_range_empty_for_some_outer_values"}


@pytest.mark.parametrize(("reader", "karr"), [c[1:] for c in EMPTY], ids=[c[0] for c in EMPTY])
def test_karrs_value_of_an_empty_range_is_refuted(tmp_path, reader, karr):
    (result,) = claims(check_file(tmp_path, derivation(S, karr)))
    assert result.verdict is Verdict.REFUTED, summary([result])


@pytest.mark.parametrize(("reader", "karr"), [c[1:] for c in EMPTY], ids=[c[0] for c in EMPTY])
def test_the_readers_value_of_an_empty_range_is_verified(tmp_path, reader, karr):
    (result,) = claims(check_file(tmp_path, derivation(S, reader)))
    assert result.verdict is not Verdict.REFUTED, summary([result])
    name = next(c[0] for c in EMPTY if c[1] == reader)
    if name not in NOT_PROVED:
        assert result.verdict is Verdict.VERIFIED, summary([result])


@pytest.mark.parametrize(
    ("reader", "karr"), [c[1:] for c in EMPTY[:4]], ids=[c[0] for c in EMPTY[:4]]
)
def test_empty_ranges_in_a_document(tmp_path, reader, karr):
    (good,) = claims(check_markdown(tmp_path, document(reader), assume="u real, x > 0"))
    (bad,) = claims(check_markdown(tmp_path, document(karr), assume="u real, x > 0"))
    assert good.verdict is Verdict.VERIFIED, summary([good])
    assert bad.verdict is Verdict.REFUTED, summary([bad])


@pytest.mark.parametrize(
    ("bad", "good", "concrete"),
    [c[1:] for c in NOT_INTEGER if c[3]][:3],
    ids=[c[0] for c in NOT_INTEGER if c[3]][:3],
)
def test_bounds_that_are_not_integers_in_a_document(tmp_path, bad, good, concrete):
    (result,) = claims(check_markdown(tmp_path, document(bad)))
    (twin,) = claims(check_markdown(tmp_path, document(good)))
    assert result.verdict is Verdict.REFUTED, summary([result])
    assert twin.verdict is Verdict.VERIFIED, summary([twin])
