"""Speed-ups of SymPy internals that change no result.

SymPy deduces the assumptions of every ``Indexed`` (``y[k]`` with ``y`` positive) afresh from
its base's (``StdFactKB``, about 0.1 ms each): in a flagship check that is a fifth of the time,
for a few distinct sets of assumptions. The deduction depends only on those assumptions, so it is
done once per set and copied (a dict copy); every object still owns its knowledge base, which
SymPy fills in as it answers questions about that object. ``tests/test_speedups.py`` compares the
result with SymPy's own for every combination of the common assumptions.

SymPy's ``simplify`` and ``solve`` (``checksol``) import ``sympy.physics.units`` on every call,
only to ask whether the expression holds a physical unit (``expr.has(Quantity)``). The import
defines the SI system: 75 ms on the project machine, a fifth of a plain script's whole run, and
eqchain never builds a unit. Until something uses the module, a stand-in answers that question:
no object is an instance of its ``Quantity`` while the module defining the real one has not been
imported, so ``has`` answers what it would. Any other use loads the real module, to which the
stand-in then hands every attribute; a submodule imported directly works as before.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import sys
import types
from pathlib import Path

import sympy
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


_UNITS = "sympy.physics.units"
_QUANTITIES = "sympy.physics.units.quantities"  # where Quantity (= Unit) is defined


class _NoQuantity:
    """What the stand-in gives for ``Quantity`` and ``Unit`` while the real class is not
    defined: no SymPy object is an instance of it, as none can be of a class not yet made."""


class _UnitsOnDemand(types.ModuleType):
    """``sympy.physics.units`` until it is needed (see the module's docstring)."""

    def __getattr__(self, name: str):
        if name in ("Quantity", "Unit") and _QUANTITIES not in sys.modules:
            return _NoQuantity
        if name.startswith("__") and name.endswith("__") and name != "__all__":
            raise AttributeError(name)
        return getattr(_real_units(self), name)


def _real_units(stand_in: types.ModuleType) -> types.ModuleType:
    """Import the real ``sympy.physics.units`` in the stand-in's place (once)."""
    if sys.modules.get(_UNITS) is stand_in:
        del sys.modules[_UNITS]
    try:
        real = importlib.import_module(_UNITS)
    except BaseException:
        sys.modules.setdefault(_UNITS, stand_in)
        raise
    physics = sys.modules.get("sympy.physics")
    if physics is not None and getattr(physics, "units", None) is stand_in:
        physics.units = real
    return real


def _install_units_on_demand() -> None:
    if _UNITS in sys.modules:  # imported already (by the user's program): nothing to save
        return
    folder = str(Path(sympy.__file__).parent / "physics")
    spec = importlib.machinery.PathFinder.find_spec(_UNITS, [folder])
    if spec is None or not spec.submodule_search_locations:  # SymPy laid out otherwise
        return
    stand_in = _UnitsOnDemand(_UNITS, "sympy.physics.units, imported when first used")
    stand_in.__spec__ = spec
    stand_in.__path__ = list(spec.submodule_search_locations)
    stand_in.__file__ = spec.origin
    stand_in.__package__ = _UNITS
    sys.modules[_UNITS] = stand_in


def install() -> None:
    """Put the speed-ups in place (idempotent)."""
    IndexedBase._set_assumptions = staticmethod(_set_assumptions)
    _install_units_on_demand()
