"""The binomial theorem (rule ``binomial_theorem``) as binomial mean and variance derivations use
it: the expansion summed back, with the index shifted (j = k - 1) or a base that is 1 not
written, inside a larger expression; never when the range misses or adds a term, or the
exponents do not add up to the binomial's top, or while the top may be negative or not a
whole number (the unknown case, naming the condition, is in test_rules.py)."""

from __future__ import annotations

import pytest
from helpers import check_document_rows


def _verdict(tmp_path, row, assume=None):
    (step,) = check_document_rows(tmp_path, row, assume=assume, timeout=10)
    return step


@pytest.mark.parametrize(
    "row",
    [
        # the pmf sums to one
        r"\sum_{x=0}^{n} \binom{n}{x} p^{x} (1 - p)^{n - x} = 1",
        # the mean's last step, the index shifted by one
        r"n p \sum_{k=1}^{n} \binom{n - 1}{k - 1} p^{k - 1} (1 - p)^{n - k} = n p",
        # no second base written: (1 + 1)^n
        r"\sum_{k=0}^{n} \binom{n}{k} = 2^{n}",
        r"\sum_{k=0}^{n} \binom{n}{k} a^{k} = (1 + a)^{n}",
        # the binomial's moment generating function: e^{tk} p^k is (p e^t)^k
        r"\sum_{k=0}^{n} e^{t k} \binom{n}{k} p^{k} (1 - p)^{n - k} = (p e^{t} + 1 - p)^{n}",
    ],
)
def test_the_expansion_summed_back_is_verified(tmp_path, row):
    step = _verdict(tmp_path, row)
    assert step["status"] == "verified", step
    assert "binomial_theorem" in step["rules"]


@pytest.mark.parametrize(
    "row",
    [
        # the term k = 0 left out
        r"\sum_{k=1}^{n} \binom{n}{k} a^{k} b^{n - k} = (a + b)^{n}",
        # one term too many in the exponent of b
        r"\sum_{k=0}^{n} \binom{n}{k} a^{k} b^{n + 1 - k} = (a + b)^{n}",
        # the shift applied to the range only
        r"\sum_{k=1}^{n+1} \binom{n}{k} a^{k} b^{n - k} = (a + b)^{n}",
        # e^{t} where e^{2t} is summed
        r"\sum_{k=0}^{n} e^{2 t k} \binom{n}{k} p^{k} (1 - p)^{n - k} = (p e^{t} + 1 - p)^{n}",
    ],
)
def test_a_term_missing_or_added_is_refuted(tmp_path, row):
    step = _verdict(tmp_path, row)
    assert step["status"] == "refuted", step
    assert step["counterexample"]


def test_a_top_that_may_be_negative_or_fractional_is_never_verified(tmp_path):
    # m real: at m = 1/2 the range is k = 0 alone (refuted or unknown, never verified)
    step = _verdict(
        tmp_path, r"\sum_{k=0}^{m} \binom{m}{k} a^{k} b^{m - k} = (a + b)^{m}", assume="m real"
    )
    assert step["status"] != "verified", step
    # the range 0..n-1 is empty at n = 0, where (a + b)^{-1} is not 0
    step = _verdict(tmp_path, r"\sum_{j=0}^{n-1} \binom{n-1}{j} a^{j} b^{n-1-j} = (a + b)^{n-1}")
    assert step["status"] != "verified", step
