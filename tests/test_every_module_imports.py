"""Every module of the package imports (a merge or a move that leaves a stale import fails here,
not in the one command that happens to reach it)."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import eqchain

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(eqchain.__path__, "eqchain.")
    if not m.name.endswith("__main__")
)


@pytest.mark.parametrize("name", MODULES)
def test_module_imports(name):
    importlib.import_module(name)
