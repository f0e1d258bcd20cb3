"""A step that expansion alone proves is not sampled for a counterexample (issue 17): none
exists, and the sampler was a third of dice_mle's checking. The verdict and the rule names are
those of the full proof; a wrong step is still refuted with a counterexample."""

from __future__ import annotations

import pytest
import sympy as sp
from helpers import check_text, claims

import eqchain.check.engine as engine
from eqchain.check import declarations, equivalence
from eqchain.model import Verdict

SYMBOLS = """
[symbols]
t = "positive"
y = "positive"
lambda = "real"
"""


def _given_then(claim: str) -> str:
    return (
        SYMBOLS
        + f"""
[[steps]]
kind = "given"
claim = '\\frac{{t}}{{y}} - \\lambda = 0'
[[steps]]
claim = '{claim}'
"""
    )


@pytest.fixture
def samplings(monkeypatch):
    calls: list = []
    real = engine.find_counterexample

    def counted(*args, **kwargs):
        calls.append(args[:2])
        return real(*args, **kwargs)

    monkeypatch.setattr(engine, "find_counterexample", counted)
    return calls


def test_a_step_solved_from_a_given_is_verified_without_sampling(tmp_path, samplings):
    result = claims(check_text(tmp_path, _given_then("\\lambda y = t")))[-1]
    assert result.verdict is Verdict.VERIFIED, result.reason
    assert result.rules == ("solve_for",)
    assert samplings == []


def test_a_wrong_step_is_still_refuted_with_a_counterexample(tmp_path, samplings):
    result = claims(check_text(tmp_path, _given_then("\\lambda y = t + 1")))[-1]
    assert result.verdict is Verdict.REFUTED
    assert result.counterexample is not None
    assert samplings


def test_the_quick_proof_never_simplifies(monkeypatch):
    t, y = sp.symbols("t y", positive=True)
    lam, b = sp.Symbol("lambda", real=True), sp.Symbol("b", real=True)

    def refused(*args, **kwargs):
        raise AssertionError("simplify called")

    given = [(t / y - lam, sp.Integer(0))]
    monkeypatch.setattr(sp, "simplify", refused)
    assert equivalence.prove_equal(lam * y, t, given, quick=True) == "solve_for"
    # what only simplify proves is left to the full call
    identity = sp.sin(b) ** 2 + sp.cos(b) ** 2
    assert equivalence.prove_equal(identity, sp.Integer(1), quick=True) is None
    monkeypatch.undo()
    assert equivalence.prove_equal(identity, sp.Integer(1)) == "algebra"


def test_a_given_that_varies_is_no_contradiction_and_a_constant_one_still_is():
    t, y = sp.symbols("t y", positive=True)
    lam, b = sp.Symbol("lambda", real=True), sp.Symbol("b", real=True)
    assert declarations._varies(t / y - lam)
    assert not declarations._varies(sp.sin(b) ** 2 + sp.cos(b) ** 2 - 2)
    assert declarations.given_contradiction(t / y - lam, sp.Integer(0)) is None
    found = declarations.given_contradiction(sp.sin(b) ** 2 + sp.cos(b) ** 2, sp.Integer(2))
    assert found is not None and "never equal" in found
