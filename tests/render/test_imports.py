"""Renderers stay cheap to import: SymPy is loaded only when an expression must be printed."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    ["eqchain.render.json", "eqchain.render.latex", "eqchain.render.markdown",
     "eqchain.render.terminal", "eqchain.render.notebook", "eqchain.output", "eqchain.schema"],
)  # fmt: skip
def test_importing_a_renderer_does_not_import_sympy(module):
    code = f"import sys, {module}; print('sympy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr
