"""The search's index of earlier equations (issue 17): a state is tried only against the
equations that can touch it, and the search finds what it found by trying every equation, with
the same work counted."""

from __future__ import annotations

import sympy as sp

from eqchain.check import search as search_module
from eqchain.check.search import Equation, EquationIndex, Search
from eqchain.tree import canonical

x, y, a, b, S, k, K = sp.symbols("x y a b S k K")
f = sp.Function("f")
t = sp.IndexedBase("t")


def eq(lhs, rhs, kind="claim", label=None):
    return Equation(canonical(lhs), canonical(rhs), label, kind)


EQUATIONS = [
    eq(S, x**2, "definition"),
    eq(x**2, (x + 1) ** 2 - 2 * x - 1),
    eq(sp.log(a * b), sp.log(a) + sp.log(b)),
    eq(f(x), x + 1, "definition"),
    eq(sp.Sum(t[k], (k, 1, K)), sp.Integer(1), "given"),
    eq(t[k] * a, b, "given"),  # over the range of k: usable at t_2, t_3, ...
    eq(sp.Integer(6), a + b, "given"),  # a side made of numbers only
]
RANGES = {k: [(1, K)]}


def touching(state) -> set[int]:
    """The equations a linear scan would use on ``state``: a side it contains (as rewriting
    tests it), a definition of a function it applies, or an instance of a family's equation."""
    out = set()
    for n, e in enumerate(EQUATIONS):
        if e.kind == "definition" and isinstance(e.lhs, sp.core.function.AppliedUndef):
            if any(g.func == e.lhs.func for g in state.atoms(sp.core.function.AppliedUndef)):
                out.add(n)
            continue
        sides = [e.lhs] + ([e.rhs] if e.kind != "definition" and not e.rhs.is_number else [])
        if any(state.has(side) for side in sides):
            out.add(n)
    return out


STATES = [
    canonical(x**2 + y),
    canonical((x + 1) ** 2 - 2 * x - 1),
    canonical(sp.log(a * b) + 3),
    canonical(f(y) * 2),
    canonical(sp.Sum(t[k], (k, 1, K)) + a),
    canonical(t[2] * a + 1),
    canonical(sp.Integer(6) + y),
    canonical(sp.Sum(x**2, (x, 1, 3))),  # x bound, x**2 inside
    canonical(y + 7),
]


def test_every_equation_that_touches_a_state_is_a_candidate():
    index = EquationIndex(EQUATIONS, RANGES)
    for state in STATES:
        candidates = set(index.for_state(state))
        assert touching(state) <= candidates, state


def test_equations_that_cannot_touch_a_state_are_not_candidates():
    index = EquationIndex(EQUATIONS, RANGES)
    assert index.for_state(canonical(y + 7)) == []
    assert index.for_state(canonical(y + 6)) == [6]  # the side 6 needs the number 6
    assert 2 not in index.for_state(canonical(x**2 + y))  # log(a b) needs a, b
    assert 3 in index.for_state(canonical(f(y) * 2))  # f applied to another argument
    assert 5 in index.for_state(canonical(t[2] * a + 1))  # an instance of t_k a = b


def test_candidates_keep_the_equations_order():
    index = EquationIndex(EQUATIONS, RANGES)
    for state in STATES:
        found = index.for_state(state)
        assert found == sorted(found)


def chain_equations(n: int) -> list[Equation]:
    """The facts of a chain S = x^2 = (x + 1)^2 - 2x - 1 = ... after ``n`` verified links."""
    rows = [x**2] + [(x + i) ** 2 - 2 * i * x - i * i for i in range(1, n + 1)]
    out = [eq(S, x**2, "definition")]
    for i in range(1, n + 1):
        out += [eq(rows[i - 1], rows[i]), eq(S, rows[i])]
    return out


class _Unindexed(EquationIndex):
    def for_state(self, state):
        return list(range(len(self.equations)))


def _find(equations, source, target, monkeypatch, indexed: bool):
    if not indexed:
        monkeypatch.setattr(search_module, "EquationIndex", _Unindexed)
    search = Search(equations, budget=20_000)
    path = search.find(source, target)
    monkeypatch.undo()
    return path, search.work


def test_the_index_changes_neither_the_path_nor_the_work(monkeypatch):
    for n in (3, 40, 120):  # below, near and over the work budget
        equations = chain_equations(n)
        source = (x + n) ** 2 - 2 * n * x - n * n
        for target in ((x + n + 1) ** 2 - 2 * (n + 1) * x - (n + 1) ** 2, S, x**2 + 0 * y):
            indexed = _find(equations, source, target, monkeypatch, indexed=True)
            linear = _find(equations, source, target, monkeypatch, indexed=False)
            assert indexed == linear, (n, target)


def test_a_path_through_an_equation_is_found_with_the_index():
    equations = [*chain_equations(30), eq(y, a + b, "given")]
    path = Search(equations, budget=20_000).find(sp.sin(y) + 1, sp.sin(a + b) + 1)
    assert path is not None and [m.rule for m in path] == ["substitute"]


def test_a_remembered_unfolding_follows_the_definitions():
    """Facts.unfold remembers its results (issue 17); a changed or forgotten definition is part
    of the key, so it never gives a stale unfolding."""
    from eqchain.check.engine import Facts

    facts = Facts()
    facts.definitions[S] = x**2
    assert facts.unfold(S + 1) == x**2 + 1
    assert facts.unfold(S + 1) == x**2 + 1  # remembered
    facts.definitions[S] = x**3
    assert facts.unfold(S + 1) == x**3 + 1
    facts.forget_definition(S)
    assert facts.unfold(S + 1) == S + 1
    facts.definitions[f(y)] = y + 2
    assert canonical(facts.unfold(f(a) + S)) == canonical(a + 2 + S)
