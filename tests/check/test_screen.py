"""The numeric screen before simplify (check/screen.py): a difference clearly not zero at a
point meeting its symbols' assumptions is not simplified. The screen may only skip a proof
attempt: it never calls an identity nonzero (that would turn a provable step unknown), and a
step is never verified by it."""

from __future__ import annotations

import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from eqchain.check import equivalence
from eqchain.check.screen import clearly_nonzero

x, y = sp.symbols("x y", positive=True)
r = sp.Symbol("r", real=True)
n = sp.Symbol("n", integer=True, positive=True)


def test_a_difference_clearly_not_zero_is_not_simplified(monkeypatch):
    monkeypatch.setattr(equivalence, "_ZERO", {})  # nothing remembered from earlier tests
    calls = []
    real = sp.simplify
    monkeypatch.setattr(equivalence.sp, "simplify", lambda e, *a, **k: calls.append(e) or real(e))
    assert equivalence.is_zero(sp.exp(x) - 1 - x) is False
    assert calls == []


def test_an_identity_is_still_proved():
    assert equivalence.is_zero(sp.log(x * y) - sp.log(x) - sp.log(y)) is True
    assert equivalence.is_zero(sp.sin(r) ** 2 + sp.cos(r) ** 2 - 1) is True
    assert equivalence.prove_equal(sp.exp(2 * sp.log(x)), x**2) == "algebra"


def test_identities_under_the_assumptions_are_not_called_nonzero():
    identities = [
        sp.log(x * y) - sp.log(x) - sp.log(y),  # x, y positive
        sp.sqrt(x**2) - x,
        (-1) ** (2 * n) - 1,  # n an integer: a non-integer value would make it nonzero
        sp.Abs(x) - x,
        (10**40 + r) - 10**40 - r,  # summed as written: 10**40 + r - 10**40 - r is 0
        sp.exp(r) * sp.exp(-r) - 1,
        sp.Pow(x, sp.Rational(1, 3)) ** 3 - x,
    ]
    for identity in identities:
        assert not clearly_nonzero(identity), identity


def test_what_it_cannot_evaluate_is_left_to_simplify():
    f = sp.Function("f")
    k = sp.Symbol("k", integer=True)
    a = sp.IndexedBase("a")
    for expr in (
        f(x) - 1,
        sp.Sum(k, (k, 1, n)) - n,
        a[k] - 1,
        sp.Integral(sp.exp(-(x**2)), (x, 0, 1)) - 1,
        sp.Piecewise((1, r > 0), (2, True)),
        sp.gamma(x) - 1,
    ):
        assert not clearly_nonzero(expr), expr


def test_a_value_only_where_a_side_is_undefined_is_no_evidence(monkeypatch):
    """A point where the difference has no value (1/r at r = 0) is skipped, never taken for
    nonzero: the next point decides, and with no other point nothing is shown."""
    from eqchain.check import screen

    monkeypatch.setattr(screen, "_REALS", (sp.Integer(0), sp.Rational(7, 10)))
    assert screen._point([r], 0) == {r: 0}  # the first point puts r = 0
    assert clearly_nonzero(1 / r + 1)  # decided at the second point, r = 7/10
    monkeypatch.setattr(screen, "_REALS", (sp.Integer(0),))
    assert not clearly_nonzero(1 / r + 1)  # no point with a value: nothing shown
    assert clearly_nonzero(1 / r - 1 / r + 1)  # SymPy cancels it to 1 as it is built
    assert not clearly_nonzero(sp.log(r - r))  # log(0): no value


def test_clearly_nonzero_differences():
    assert clearly_nonzero(sp.exp(x) - 1 - x)
    assert clearly_nonzero(sp.log(x) + 1 - x * 0)
    assert clearly_nonzero((x + y) ** 2 - x**2 - y**2)
    assert clearly_nonzero(sp.Integer(3))


_atoms = st.sampled_from([x, y, r, n, sp.Integer(2), sp.Rational(1, 3), sp.pi])


def _trees():
    unary = st.sampled_from([sp.exp, sp.log, sp.sin, sp.cos, sp.Abs, sp.sqrt])
    return st.recursive(
        _atoms,
        lambda inner: st.one_of(
            st.tuples(inner, inner).map(lambda t: t[0] + t[1]),
            st.tuples(inner, inner).map(lambda t: t[0] * t[1]),
            st.tuples(inner, st.sampled_from([2, 3, -1, sp.Rational(1, 2)])).map(
                lambda t: t[0] ** t[1]
            ),
            st.tuples(unary, inner).map(lambda t: t[0](t[1])),
        ),
        max_leaves=8,
    )


@settings(max_examples=150, deadline=None)
@given(_trees())
def test_sympys_own_rewritings_are_never_called_nonzero(e):
    """SymPy's rewritings that keep the value under the assumptions (expand, the log rules
    that hold for positive arguments, powsimp without force, together) give differences the
    screen must leave alone."""
    for rewritten in (
        sp.expand(e),
        sp.expand_log(e, force=False),
        sp.powsimp(e),
        sp.together(e),
        sp.expand_trig(e),
    ):
        difference = rewritten - e
        assert not clearly_nonzero(difference), (e, rewritten)
