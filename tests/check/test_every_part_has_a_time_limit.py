"""Every part of a step's check runs under a CPU-time limit: besides the proof and the
refutation (engine._guarded), the search for values that make the row an earlier equation
(a specialisation), the check that naming a value does not make an earlier equation false, and
the check of a given against the declarations. A SymPy call that never ends in one of them ends
at the limit; the step keeps the verdict it had without that part, and the next row is checked.
Found on the corpus (stop 31): ja/hkawabata-* spent 16-18 s of CPU outside every limit (30-digit
evaluations for a specialisation, a counterexample search for an earlier equation), and
en/gaussian-mle-statproofbook's given row 68 spent 6 s simplifying its difference twice."""

from __future__ import annotations

import time

import pytest

from eqchain.api import check_derivations
from eqchain.check import declarations, engine, moves
from eqchain.load import load
from eqchain.model import Verdict


def _burn(*args, **kwargs):
    end = time.process_time() + 60
    while time.process_time() < end:
        pass


def _check(tmp_path, text: str, timeout: float = 1.0):
    path = tmp_path / "post.md"
    path.write_text(text, encoding="utf-8")
    started = time.process_time()
    report = check_derivations(load(str(path)), timeout)
    spent = time.process_time() - started
    return [r for d in report.derivations for r in d.results], spent


def test_a_specialisation_search_that_never_ends_ends_at_the_limit(tmp_path, monkeypatch):
    called = []
    monkeypatch.setattr(moves, "specialization", lambda *a, **k: called.append(1) or _burn())
    results, spent = _check(tmp_path, "$$ (a+1)^2 = a^2 + 2a + 2 = 5 $$\n\n$$ b + b = 2b $$\n")
    assert called  # the part was reached
    assert spent < 8
    verdicts = [r.verdict for r in results if r.verdict.is_claim_verdict]
    assert verdicts == [Verdict.REFUTED, Verdict.REFUTED, Verdict.VERIFIED]


@pytest.mark.slow  # 2.5 to 5 s: in .ci/run, not in the README's pytest (its 5 minutes)
def test_an_earlier_equation_checked_against_a_named_value_ends_at_the_limit(tmp_path, monkeypatch):
    called = []
    monkeypatch.setattr(engine, "find_counterexample", lambda *a, **k: called.append(1) or _burn())
    text = "$$ e^z = \\frac{P}{1-P} $$\n\n$$ P = \\frac{e^z}{1 - e^z} $$\n\n$$ b + b = 2b $$\n"
    results, spent = _check(tmp_path, text)
    assert called
    assert spent < 8
    assert results[-1].verdict is Verdict.VERIFIED


def test_a_given_whose_contradiction_search_never_ends_is_taken_after_the_limit(monkeypatch):
    import sympy as sp

    calls = []
    monkeypatch.setattr(declarations, "_a_nonzero_number", lambda d: calls.append(d) or _burn())
    monkeypatch.setattr(declarations, "_REMEMBERED", {})
    x = sp.Symbol("x", positive=True)
    started = time.process_time()
    assert declarations.given_contradiction(sp.sin(x) ** 3, x + 7) is None
    assert time.process_time() - started < 3 * declarations.CONTRADICTION_SECONDS
    # asked again (whether a row may be a given, then when it is given): not searched again
    assert declarations.given_contradiction(sp.sin(x) ** 3, x + 7) is None
    assert len(calls) == 1


def test_a_contradiction_search_cut_short_by_the_step_limit_is_searched_again(monkeypatch):
    import sympy as sp

    from eqchain.check.timeout import StepTimeout, time_limit

    calls = []
    monkeypatch.setattr(declarations, "_a_nonzero_number", lambda d: calls.append(d) or _burn())
    monkeypatch.setattr(declarations, "_REMEMBERED", {})
    x = sp.Symbol("x", positive=True)
    with pytest.raises(StepTimeout):  # the step's limit still ends the step
        with time_limit(0.3):
            assert declarations.given_contradiction(sp.sin(x) ** 3, x + 7) is None
            _burn()
    assert declarations.given_contradiction(sp.sin(x) ** 3, x + 7) is None
    assert len(calls) == 2


def test_a_contradiction_is_still_found_and_remembered():
    import sympy as sp

    b = sp.Symbol("b", real=True)
    why = declarations.given_contradiction(sp.sin(b) ** 2 + sp.cos(b) ** 2, sp.Integer(2))
    assert why is not None and "never equal" in why
    assert declarations.given_contradiction(sp.sin(b) ** 2 + sp.cos(b) ** 2, 2) == why
