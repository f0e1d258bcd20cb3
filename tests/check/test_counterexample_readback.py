"""A shown counterexample is one a reader can redo: its values, read back from the text the
report shows (LaTeX, through eqchain's own reader), meet the assumptions and the givens, and the
two sides differ there."""

from __future__ import annotations

import sympy as sp
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from eqchain.check.refute import find_counterexample
from eqchain.latex.read import read_expression

x = sp.Symbol("x", real=True)
p = sp.Symbol("p", positive=True)
SYMBOLS = {"x": x, "p": p}

leaves = st.sampled_from([x, p, sp.Integer(1), sp.Integer(2), sp.Integer(3), sp.Rational(1, 2)])


def _grow(children):
    return st.one_of(
        st.tuples(children, children).map(lambda ab: ab[0] + ab[1]),
        st.tuples(children, children).map(lambda ab: ab[0] * ab[1]),
        children.map(lambda a: a**2),
        children.map(sp.exp),
        st.just(sp.log(p)),
    )


expressions = st.recursive(leaves, _grow, max_leaves=5)
# Givens that fix a symbol to a value that may need a logarithm or a root.
givens = st.sampled_from(
    [
        (),
        ((sp.exp(x), p),),
        ((sp.exp(x), sp.Integer(3)),),
        ((p**2, sp.Integer(2)),),
        ((sp.log(p), x + 1),),
    ]
)


def _read_back(cex) -> dict:
    out = {}
    for name, text in cex.values:
        assert name in SYMBOLS, cex
        out[SYMBOLS[name]] = read_expression(text).doit()
    return out


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(expressions, expressions, givens)
def test_a_shown_counterexample_reevaluates_to_a_difference(lhs, rhs, facts):
    cex = find_counterexample(lhs, rhs, list(facts), trials=8)
    assume(cex is not None)
    values = _read_back(cex)
    assert all(v.is_real for v in values.values()), cex
    if p in values:
        assert values[p].is_positive, cex
    for a, b in facts:
        assert sp.simplify((a - b).xreplace(values)) == 0, cex
    difference = sp.N((lhs - rhs).xreplace(values), 50)
    assert difference.free_symbols == set(), cex
    assert abs(difference) > 1e-30, cex
