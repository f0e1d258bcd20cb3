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

SymPy's ``Add.flatten`` imports ``sympy.tensor.tensor`` on every call, only to ask whether a
term is a tensor expression (``isinstance(o, TensExpr)``). The first import defines the tensor
algebra and, through ``sympy.combinatorics``, builds the symmetry groups of the polyhedra: 50 ms
on the project machine, paid by the first sum any program builds, and eqchain never builds a
tensor. The same kind of stand-in answers ``TensExpr`` and ``TensAdd`` with a class no object is
an instance of while the real module is not imported; any other name loads it.
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
_TENSORS = "sympy.tensor.tensor"  # a module (no package): it defines TensExpr itself


class _NoInstance:
    """What a stand-in gives for a class (``Quantity``, ``TensExpr``) while the module defining
    the real one has not been imported: no SymPy object is an instance of it, as none can be
    of a class not yet made."""


_NoQuantity = _NoInstance


class _OnDemand(types.ModuleType):
    """A SymPy module until it is needed (see the module's docstring): ``_placeholders`` are
    answered with :class:`_NoInstance` while ``_defining`` (the module that defines them) is not
    imported; every other name imports the real module."""

    _placeholders: frozenset = frozenset()
    _defining: str = ""

    def __getattr__(self, name: str):
        if name in self._placeholders and isinstance(
            sys.modules.get(self._defining, self), _OnDemand
        ):
            return _NoInstance
        if name.startswith("__") and name.endswith("__") and name != "__all__":
            raise AttributeError(name)
        return getattr(_real_module(self), name)


class _UnitsOnDemand(_OnDemand):
    """``sympy.physics.units`` until it is needed."""

    _placeholders = frozenset({"Quantity", "Unit"})
    _defining = _QUANTITIES


class _TensorsOnDemand(_OnDemand):
    """``sympy.tensor.tensor`` until it is needed."""

    _placeholders = frozenset({"TensExpr", "TensAdd"})
    _defining = _TENSORS


def _real_module(stand_in: types.ModuleType) -> types.ModuleType:
    """Import the real module in the stand-in's place (once)."""
    name = stand_in.__name__
    if sys.modules.get(name) is stand_in:
        del sys.modules[name]
    try:
        real = importlib.import_module(name)
    except BaseException:
        sys.modules.setdefault(name, stand_in)
        raise
    parent_name, _, child = name.rpartition(".")
    parent = sys.modules.get(parent_name)
    if parent is not None and getattr(parent, child, None) is stand_in:
        setattr(parent, child, real)
    return real


def _install_on_demand(name: str, kind: type, folder: str) -> None:
    if name in sys.modules:  # imported already (by the user's program): nothing to save
        return
    spec = importlib.machinery.PathFinder.find_spec(name, [folder])
    if spec is None:  # SymPy laid out otherwise
        return
    stand_in = kind(name, f"{name}, imported when first used")
    stand_in.__spec__ = spec
    if spec.submodule_search_locations:
        stand_in.__path__ = list(spec.submodule_search_locations)
    stand_in.__file__ = spec.origin
    stand_in.__package__ = name if spec.submodule_search_locations else name.rpartition(".")[0]
    sys.modules[name] = stand_in
    parent_name, _, child = name.rpartition(".")
    parent = sys.modules.get(parent_name)
    if parent is not None and not hasattr(parent, child):
        setattr(parent, child, stand_in)  # as an import would: sympy.tensor.tensor


def _install_units_on_demand() -> None:
    folder = str(Path(sympy.__file__).parent / "physics")
    spec = importlib.machinery.PathFinder.find_spec(_UNITS, [folder])
    if spec is None or not spec.submodule_search_locations:  # SymPy laid out otherwise
        return
    _install_on_demand(_UNITS, _UnitsOnDemand, folder)


def _install_tensors_on_demand() -> None:
    _install_on_demand(_TENSORS, _TensorsOnDemand, str(Path(sympy.__file__).parent / "tensor"))


def install() -> None:
    """Put the speed-ups in place (idempotent)."""
    IndexedBase._set_assumptions = staticmethod(_set_assumptions)
    _install_units_on_demand()
    _install_tensors_on_demand()
