r"""A step that writes a member its family does not have: ``\sum_{k=1}^{K+1} y_k`` of y_1..y_K
writes y_{K+1}, ``\sum_{k=1}^{4} z_{2k+1}`` of z_1..z_8 writes z_9. Such a member does not exist
(red team 25): the step is no claim about existing values, so no counterexample over them
refutes it, and it is unknown, naming the member that does not exist and the declared range
(issue 12, item 3). The same steps within the range are verified, a wrong step over existing
members is still refuted, and a member that lies outside the range only for some values of the
counts is not named (it may exist)."""

from __future__ import annotations

from helpers import check_text, claims

SYMBOLS = """
[symbols]
K = "integer positive"
N = "integer positive"
y = { index = "k", range = "1..K", assume = "positive" }
z = { index = "k", range = "1..8", assume = "positive" }
"""


def result(tmp_path, claim):
    return claims(check_text(tmp_path, SYMBOLS + f"\n[[steps]]\nclaim = '{claim}'\n"))[-1]


def test_a_sum_run_past_the_range_names_the_member(tmp_path):
    r = result(tmp_path, r"\sum_{k=1}^{K+1} \log(y_{k}^{2}) = \sum_{k=1}^{K} 2 \log y_{k}")
    assert r.verdict.value == "unknown"
    assert "y_{K + 1}" in r.reason and "does not exist" in r.reason, r.reason
    assert r"1 \le k \le K" in r.reason, r.reason


def test_an_index_expression_out_of_the_range_names_the_member(tmp_path):
    claim = r"\log \prod_{k=1}^{4} z_{2 \cdot k} = \sum_{k=1}^{4} \log z_{2 \cdot k + 1}"
    r = result(tmp_path, claim)
    assert r.verdict.value == "unknown"
    assert "z_{9}" in r.reason and "does not exist" in r.reason, r.reason


def test_a_reflected_index_below_the_range_names_the_member(tmp_path):
    r = result(tmp_path, r"\sum_{k=1}^{K} \log(y_{K+1-k}^{2}) = \sum_{k=1}^{K} 2 \log y_{K-k}")
    assert r.verdict.value == "unknown"
    assert "y_{0}" in r.reason and "does not exist" in r.reason, r.reason


def test_the_steps_within_the_range_are_verified(tmp_path):
    for claim in (
        r"\sum_{k=1}^{K} \log(y_{k}^{2}) = \sum_{k=1}^{K} 2 \log y_{k}",
        r"\log \prod_{k=1}^{4} z_{2 \cdot k} = \sum_{k=1}^{4} \log z_{2 \cdot k}",
        r"\sum_{k=1}^{K} \log(y_{K+1-k}^{2}) = \sum_{k=1}^{K} 2 \log y_{K+1-k}",
    ):
        assert result(tmp_path, claim).verdict.value == "verified", claim


def test_a_wrong_step_over_existing_members_is_still_refuted(tmp_path):
    r = result(tmp_path, r"\log \prod_{k=1}^{4} z_{2 \cdot k} = \sum_{k=1}^{4} \log z_{7 - k}")
    assert r.verdict.value == "refuted"
    assert r.counterexample


def test_a_member_outside_only_for_some_counts_is_named_with_its_condition(tmp_path):
    # y_N exists when N <= K: nothing says whether it does; the step is not said to write a
    # member that does not exist, but its unknown names the condition
    r = result(tmp_path, r"\sum_{k=1}^{N} \log(y_{k}^{3}) = \sum_{k=1}^{N} 2 \log y_{k}")
    assert "does not exist" not in r.reason
    assert r.verdict.value != "verified"
    # a reflected index that stays in the range for K = 6 only (the campaign's k -> 7 - k): the
    # step holds at K = 6 and writes members that do not exist for every other K
    r = result(tmp_path, r"\sum_{k=1}^{K} \log(y_{K+1-k}^{2}) = \sum_{k=1}^{K} 2 \log y_{K-6+k}")
    assert r.verdict.value == "unknown"
    assert "does not exist" not in r.reason
    assert r.reason.count("exists only when") == 2, r.reason
    assert "y_{-5 + K} exists only when -6 + K \\geq 0" in r.reason, r.reason
    assert "y_{-6 + 2 K} exists only when 6 - K \\geq 0" in r.reason, r.reason
