"""Issue 13, class 6: family members through index expressions other than k + c.

A member ``y_{2k}``, ``y_{K-k}``, ``y_{k^2}`` inside a sum (or with the family's free index) must
lie in the family's declared range for every value of the sums' variables; else a log rule on it
is not applied and the step is unknown, naming the family range it needs. Each case has its twin
over a range that keeps every member inside, verified (and re-judged by the oracle).
"""

from __future__ import annotations

import pytest

from eqchain.model import Verdict

from .judged import check_file, claims
from .redteam import derivation, summary

S = (
    'K = "integer positive"\n'
    'y = { index = "k", range = "1..K", assume = "positive" }\n'
    'z = { index = "k", range = "1..10", assume = "positive" }'
)


def log_pow(member: str, lo: str, hi: str, op: str = r"\sum") -> str:
    return (
        f"{op}_{{k={lo}}}^{{{hi}}} \\log({member}^{{2}}) = "
        f"{op}_{{k={lo}}}^{{{hi}}} 2 \\log {member}"
    )


# (name, a member beyond the range, the twin that stays inside)
CASES = [
    ("twice_k_to_K", log_pow(r"y_{2 \cdot k}", "1", "K"), log_pow(r"y_{K + 1 - k}", "1", "K")),
    ("K_minus_k_from_1", log_pow("y_{K-k}", "1", "K"), log_pow("y_{K-k}", "0", "K-1")),
    ("k_squared_to_K", log_pow("y_{k^2}", "1", "K"), log_pow("z_{k^2}", "1", "3")),
    ("twice_k_to_6", log_pow(r"z_{2 \cdot k}", "1", "6"), log_pow(r"z_{2 \cdot k}", "1", "5")),
    ("k_squared_to_4", log_pow("z_{k^2}", "1", "4"), log_pow("z_{k^2}", "1", "3")),
    ("eleven_minus_k_from_0", log_pow("z_{11-k}", "0", "10"), log_pow("z_{11-k}", "1", "10")),
    (
        "odd_members_to_6",
        log_pow(r"z_{2 \cdot k - 1}", "1", "6"),
        log_pow(r"z_{2 \cdot k - 1}", "1", "5"),
    ),
    ("ten_minus_k_to_10", log_pow("z_{10-k}", "0", "10"), log_pow("z_{10-k}", "0", "9")),
    (
        "nested_sum_of_indices",
        r"\sum_{k=1}^{5}\sum_{j=1}^{k+1} \log(z_{k+j}^{2}) = "
        r"\sum_{k=1}^{5}\sum_{j=1}^{k+1} 2 \log z_{k+j}",
        r"\sum_{k=1}^{5}\sum_{j=1}^{k} \log(z_{k+j}^{2}) = "
        r"\sum_{k=1}^{5}\sum_{j=1}^{k} 2 \log z_{k+j}",
    ),
    (
        "free_index_doubled",
        r"\log(y_{2 \cdot k}^{2}) = 2 \log y_{2 \cdot k}",
        r"\log(y_{k}^{2}) = 2 \log y_{k}",
    ),
    (
        "log_of_a_product",
        r"\log \prod_{k=1}^{6} z_{2 \cdot k} = \sum_{k=1}^{6} \log z_{2 \cdot k}",
        r"\log \prod_{k=1}^{5} z_{2 \cdot k} = \sum_{k=1}^{5} \log z_{2 \cdot k}",
    ),
    (
        "three_k_minus_two_to_K",
        log_pow(r"y_{3 \cdot k - 2}", "1", "K"),
        log_pow(r"z_{3 \cdot k - 2}", "1", "4"),
    ),
]


@pytest.mark.parametrize(("bad", "good"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_member_beyond_the_range_is_not_used(tmp_path, bad, good):
    (result,) = claims(check_file(tmp_path, derivation(S, bad)))
    assert result.verdict is Verdict.UNKNOWN, summary([result])
    # the member named when it lies outside for every count (issue 12), else the condition
    assert any(w in result.reason for w in ("family range needs", "does not exist")), result.reason


@pytest.mark.parametrize(("bad", "good"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_members_inside_the_range_are_used(tmp_path, bad, good):
    (result,) = claims(check_file(tmp_path, derivation(S, good)))
    assert result.verdict is Verdict.VERIFIED, summary([result])


# Documents declare no family ranges (--assume "y_k > 0" says nothing of k's range), so this
# class is about derivation files.
