"""eqchain/speedups.py changes no result: the assumptions of an Indexed, deduced once per set and
copied, are SymPy's own."""

import itertools

import pytest
import sympy as sp
from sympy.core.assumptions import StdFactKB

from eqchain import speedups

FACTS = ["positive", "nonnegative", "integer", "real", "negative", "finite", "commutative"]


def _sympy_own(assumptions: dict) -> StdFactKB:
    given = dict(assumptions)
    given["commutative"] = sp.core.logic.fuzzy_bool(given.get("commutative", True))
    return StdFactKB(given)


@pytest.mark.parametrize(
    "assumptions",
    [
        dict(pair)
        for r in range(3)
        for pair in itertools.combinations([(f, v) for f in FACTS for v in (True, False)], r)
        if len({f for f, _ in pair}) == r
    ],
)
def test_indexed_assumptions_are_sympys(assumptions):
    speedups.install()
    try:
        base = sp.IndexedBase("y", **assumptions)
    except sp.core.facts.InconsistentAssumptions:
        with pytest.raises(sp.core.facts.InconsistentAssumptions):
            _sympy_own(assumptions)
        return
    k = sp.Symbol("k", integer=True)
    member = base[k]
    expected = _sympy_own(base.assumptions0)
    assert dict(member._assumptions) == dict(expected)
    assert member._assumptions._generator == base.assumptions0
    # each object owns its facts: what SymPy learns about one is not written into another
    assert member._assumptions is not base[k + 1]._assumptions
    assert member.is_positive == expected.get("positive")


def test_facts_learnt_later_stay_with_their_object():
    speedups.install()
    y = sp.IndexedBase("y", positive=True)
    i, j = sp.symbols("i j", integer=True)
    a, b = y[i], y[j]
    a._assumptions["zero"] = False  # what SymPy's _ask writes as it answers
    assert "zero" in a._assumptions
    assert b._assumptions.get("zero") is False  # deduced from positive, not copied from a
    c = sp.IndexedBase("c")[i]
    assert c.is_positive is None
    assert c._assumptions.get("zero") is None
