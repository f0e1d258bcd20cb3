"""A claim with no proof of its own that follows from an earlier row eqchain left unknown (issue
12): still ``unknown`` (the earlier row is not established, so neither is this one), but the
reason names that row, what would settle both: a row that uses what an unproved row said
(``f(x) = 1/\\sigma(x) = 1 + e^{-x}`` with \\sigma undefined). A display that writes an earlier
display's left side again (``\\mathbb{E}[x] = ...`` once more, the Poisson moments) is the step
from that row, as a chain's link is (tests/check/test_repeated_left_side.py)."""

from __future__ import annotations

from helpers import check_document_rows

SERIES = r"\mathbb{E}[x] = \sum_{k=0}^{\infty} k \frac{\lambda^k}{k!} e^{-\lambda}"
ASSUME = "lambda > 0"


def last(tmp_path, *rows):
    return check_document_rows(tmp_path, *rows, assume=ASSUME)[-1]


def test_a_restated_left_side_is_the_step_from_the_unproved_row(tmp_path):
    # the step from the series to lambda is what the author shows, as a chain's link would be
    # (tests/check/test_repeated_left_side.py); the row before stays unknown, and is named
    got = last(tmp_path, r"\mathbb{E}[x] = \sum_{k=1}^{3} k \lambda", r"\mathbb{E}[x] = 6 \lambda")
    assert got["status"] == "verified"
    assert "the step from line 3" in got["reason"]
    assert any("not established" in w for w in got["warnings"])


def test_a_wrong_restatement_does_not_follow(tmp_path):
    got = last(tmp_path, r"\mathbb{E}[x] = \sum_{k=1}^{3} k \lambda", r"\mathbb{E}[x] = 7 \lambda")
    assert got["status"] != "verified"
    assert "follows from" not in got["reason"]


def test_without_the_earlier_row_nothing_is_named(tmp_path):
    got = last(tmp_path, r"\mathbb{E}[x] = \lambda")
    assert got["status"] == "unknown"
    assert "follows from" not in got["reason"]


def test_with_the_earlier_row_established_the_step_is_verified(tmp_path):
    rows = (r"m = \sum_{k=0}^{\infty} k \frac{\lambda^k}{k!} e^{-\lambda}", r"m = \lambda")
    assert last(tmp_path, *rows)["status"] == "verified"


def test_with_the_earlier_row_established_a_wrong_step_is_refuted(tmp_path):
    rows = (r"m = \sum_{k=0}^{\infty} k \frac{\lambda^k}{k!} e^{-\lambda}", r"2 m = 4 \lambda")
    assert last(tmp_path, *rows)["status"] == "refuted"


def test_a_refuted_row_is_never_named(tmp_path):
    # the first row is refuted (its two sides differ): nothing follows from it
    rows = (r"a = 2", r"a + 1 = 4", r"a + 1 = 4")
    got = check_document_rows(tmp_path, *rows)
    assert all("follows from" not in s["reason"] for s in got)


def test_the_tries_get_only_what_is_left_of_the_steps_limit(monkeypatch):
    # the step's own search spent its limit: no second search begins (a step never gets its
    # limit twice; a binomial's moment rows took 20 s at --timeout 10)
    from types import SimpleNamespace

    import sympy as sp

    from eqchain.check import engine
    from eqchain.model import StepResult, Verdict

    def no_second_search(*args, **kwargs):
        raise AssertionError("a try begun with nothing left of the limit")

    monkeypatch.setattr(engine, "_claim", no_second_search)
    x = sp.Symbol("x")
    step = SimpleNamespace(rhs=x)
    facts = SimpleNamespace(unproved=[(3, x, sp.Integer(2))], unfold=lambda e: e)
    result = StepResult(step, Verdict.UNKNOWN, (), engine.NO_PROOF)
    got = engine._from_unproved(result, step, x, facts, {}, 0.0001, {})
    assert got is result
    left = engine._left_of(5, __import__("time").process_time() - 6)
    assert left is not None and left < 0
    assert engine._left_of(None, 0.0) is None
