"""The optimiser's modules import in any order: no import circle, one writer.

Each module is imported first, with no eqchain module loaded (a circle shows up as an
ImportError or a half-initialised module only for some first imports), and the graph of every
import between ``eqchain.optimize`` modules, those inside functions included, has no cycle.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "eqchain" / "optimize"
MODULES = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__")


def imports_of(path: Path) -> set[str]:
    """The ``eqchain.optimize`` modules ``path`` imports, anywhere in it."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "eqchain.optimize":
                out |= {a.name for a in node.names if a.name in MODULES}
            elif node.module.startswith("eqchain.optimize."):
                out.add(node.module.split(".")[2])
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("eqchain.optimize."):
                    out.add(a.name.split(".")[2])
    return out


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A cycle of ``graph`` as a list of nodes (first = last), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_no_import_circle_between_optimize_modules():
    graph = {m: imports_of(PACKAGE / f"{m}.py") - {m} for m in MODULES}
    assert find_cycle(graph) is None, find_cycle(graph)


def test_one_writer_for_plain_and_family_forms():
    writers = [m for m in MODULES if m.startswith("write")]
    assert writers == ["write"], writers


FIRST_IMPORTS = """
import importlib, sys
failed = []
for name in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m == "eqchain" or m.startswith("eqchain.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module("eqchain.optimize." + name)
    except Exception as err:
        failed.append(f"{name}: {type(err).__name__}: {err}")
print("\\n".join(failed))
sys.exit(1 if failed else 0)
"""


def test_each_module_imports_first():
    """Each module imported first, with no eqchain module loaded before it (one interpreter,
    SymPy kept loaded: a fresh interpreter per module costs a SymPy import each)."""
    env = {**os.environ, "PYTHONPATH": str(PACKAGE.parents[1])}
    done = subprocess.run(
        [sys.executable, "-c", FIRST_IMPORTS, *MODULES],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, (done.stdout + done.stderr)[-2000:]
