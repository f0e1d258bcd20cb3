"""Speed-ups of SymPy internals that change no result.

SymPy deduces the assumptions of every ``Indexed`` (``y[k]`` with ``y`` positive) afresh from
its base's (``StdFactKB``, about 0.1 ms each): in a flagship check that is a fifth of the time,
for a few distinct sets of assumptions. The deduction depends only on those assumptions, so it is
done once per set and copied (a dict copy); every object still owns its knowledge base, which
SymPy fills in as it answers questions about that object. ``tests/test_speedups.py`` compares the
result with SymPy's own for every combination of the common assumptions.
"""

from __future__ import annotations

from sympy.core.assumptions import StdFactKB
from sympy.core.logic import fuzzy_bool
from sympy.tensor.indexed import IndexedBase

_DEDUCED: dict[tuple, StdFactKB] = {}
_ORIGINAL = IndexedBase._set_assumptions


def _set_assumptions(obj, assumptions: dict) -> None:
    """``IndexedBase._set_assumptions`` (used by ``Indexed`` and ``IndexedBase``), with the
    deduction remembered per set of assumptions."""
    generator = assumptions.copy()
    assumptions["commutative"] = fuzzy_bool(assumptions.get("commutative", True))
    try:
        key = tuple(sorted(assumptions.items()))
        template = _DEDUCED.get(key)
    except TypeError:  # a value that does not sort or hash: SymPy's own way
        _ORIGINAL(obj, generator)
        return
    if template is None:
        template = _DEDUCED[key] = StdFactKB(assumptions)
    facts = StdFactKB()  # no facts: nothing deduced
    dict.update(facts, template)
    facts._generator = generator
    obj._assumptions = facts


def install() -> None:
    """Put the speed-ups in place (idempotent)."""
    IndexedBase._set_assumptions = staticmethod(_set_assumptions)
