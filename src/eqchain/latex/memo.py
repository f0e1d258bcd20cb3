"""Remembering readings: a formula read once is not parsed again.

Reading a formula (and, with ``--cross-check``, reading it again with SymPy's parser and
latex2sympy2) costs milliseconds to tens of milliseconds. Authors re-check after editing one
line, so readings are remembered in memory and in the user's cache directory, keyed by a SHA-256
of the reader's own source, the parsers' versions, the formula and the reading options: a
reading is only ever reused by an identical reader for identical text.

Stored readings are JSON trees of a closed set of SymPy classes, rebuilt here without
evaluation and without ``eval``/``sympify``/pickle: a damaged or foreign entry is a miss, never
code. A formula whose reading holds anything outside that set is simply not stored.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import sympy as sp

from eqchain.latex import matrices
from eqchain.latex.read import Formula, read_formula
from eqchain.operators import Event, Prime, Sequence

_MEMORY: dict = {}
_VERSION = "1"


def read_cached(
    text: str,
    indices=frozenset(),
    functions=frozenset(),
    use_disk: bool = True,
    cross_check: bool = False,
    variables: frozenset = frozenset(),
):
    """eqchain's reading of ``text`` (see :func:`eqchain.latex.read.read_formula`), from memory
    or the disk cache when this reader has read it before. With ``cross_check``, the reading is
    also compared with SymPy's parser's and latex2sympy2's (see
    :func:`eqchain.latex.second.read_checked`): LatexError "ambiguous LaTeX" when they differ.
    Errors are not cached: they are raised afresh. ``variables``: those of the row before, for
    an evaluation bar (:func:`eqchain.latex.read.read_formula`)."""
    mem_key = (text, frozenset(indices), frozenset(functions), cross_check, frozenset(variables))
    if mem_key in _MEMORY:
        return _MEMORY[mem_key]
    stored = (cross_check, sorted(str(v) for v in variables)) if variables else cross_check
    key = _key(text, indices, functions, stored) if use_disk and _enabled() else None
    formula = _load(key) if key else None
    if formula is None:
        formula = _read(text, frozenset(indices), frozenset(functions), cross_check, variables)
        if key:
            _store(key, formula)
    _MEMORY[mem_key] = formula
    return formula


def _read(text: str, indices, functions, cross_check: bool, variables=frozenset()):
    if cross_check and not variables:
        from eqchain.latex.second import read_checked

        return read_checked(text, indices, functions)
    return read_formula(text, indices, functions, frozenset(variables))


def _enabled() -> bool:
    return os.environ.get("EQCHAIN_NO_CACHE") != "1"


@cache
def _reader_fingerprint() -> str:
    import hashlib  # here: a run without the cache (--no-cache) never loads OpenSSL's hashes
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256(_VERSION.encode())
    root = Path(__file__).resolve().parent
    for path in sorted(root.glob("*.py")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    for name in ("sympy", "antlr4-python3-runtime", "latex2sympy2_extended"):
        try:
            h.update(f"{name}={version(name)}".encode())
        except PackageNotFoundError:
            h.update(f"{name}=none".encode())
    return h.hexdigest()


def _key(text: str, indices, functions, cross_check=False) -> str:
    import hashlib
    import json

    payload = json.dumps(
        [text, sorted(indices), sorted(functions), cross_check], ensure_ascii=False
    )
    return hashlib.sha256((_reader_fingerprint() + payload).encode("utf-8")).hexdigest()


def _path(key: str) -> Path:
    from eqchain.cache import cache_dir

    return cache_dir() / "readings" / key[:2] / f"{key}.json"


def _load(key: str):
    import json

    try:
        data = json.loads(_path(key).read_text(encoding="utf-8"))
        if data.get("key") != key:
            return None
        return Formula(
            sides=tuple(decode(s) for s in data["sides"]),
            continues=bool(data["continues"]),
            tag=data["tag"],
            annotation=data["annotation"],
            defined_function=data["defined_function"],
            definition=bool(data["definition"]),
            relations=tuple(str(r) for r in data.get("relations", ())),
        )
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


def _store(key: str, formula) -> None:
    if getattr(formula, "condition", None) is not None:
        return  # a condition's atoms are not among the stored trees: read it again
    try:
        sides = [encode(s) for s in formula.sides]
    except _NotStorable:
        return
    data = {
        "key": key,
        "sides": sides,
        "continues": formula.continues,
        "tag": formula.tag,
        "annotation": formula.annotation,
        "defined_function": formula.defined_function,
        "definition": formula.definition,
        "relations": list(formula.relations),
    }
    import json

    path = _path(key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        from eqchain.output import write_atomic

        write_atomic(path, json.dumps(data, ensure_ascii=False))
    except OSError:
        pass


# -- trees as JSON ---------------------------------------------------------------------------


class _NotStorable(Exception):
    pass


_UNEVALUATED = {"Add": sp.Add, "Mul": sp.Mul, "Pow": sp.Pow}
_FUNCTIONS = {
    "log": sp.log,
    "exp": sp.exp,
    "factorial": sp.factorial,
    "binomial": sp.binomial,
    "sin": sp.sin,
    "cos": sp.cos,
    "tan": sp.tan,
    "Abs": sp.Abs,
    "KroneckerDelta": sp.KroneckerDelta,
}
_CONSTANTS = {"E": sp.E, "pi": sp.pi, "oo": sp.oo, "-oo": -sp.oo, "I": sp.I}
_ASSUMPTION_KEYS = (
    "nonrandom",
    "finite_moments",
    "integer",
    "positive",
    "nonnegative",
    "negative",
    "nonpositive",
    "real",
    "nonzero",
    "finite",
)


def encode(expr):
    """A JSON tree for a reading; _NotStorable for anything outside the closed set."""
    if isinstance(expr, sp.Symbol) and not isinstance(expr, (sp.Dummy, sp.Wild)):
        given = {k: v for k, v in expr.assumptions0.items() if k in _ASSUMPTION_KEYS}
        return ["S", expr.name, given]
    if isinstance(expr, sp.Integer):
        return ["I", str(int(expr))]
    if isinstance(expr, sp.Rational):
        return ["Q", str(expr.p), str(expr.q)]
    for name, const in _CONSTANTS.items():
        if expr == const:
            return ["C", name]
    if isinstance(expr, sp.Indexed):
        return ["X", encode(expr.base.label), [encode(i) for i in expr.indices]]
    if isinstance(expr, (sp.Sum, sp.Product)):
        limits = [[encode(v), encode(lo), encode(hi)] for v, lo, hi in expr.limits]
        return [type(expr).__name__, encode(expr.function), limits]
    if isinstance(expr, sp.Derivative):
        counts = [[encode(v), int(n)] for v, n in expr.variable_count]
        return ["P" if isinstance(expr, Prime) else "D", encode(expr.expr), counts]
    if type(expr).__name__ in _UNEVALUATED and type(expr) in _UNEVALUATED.values():
        return [type(expr).__name__, [encode(a) for a in expr.args]]
    if isinstance(expr, Event):
        return ["V", encode(expr.left), encode(expr.right)]
    if isinstance(expr, Sequence):
        return ["R", encode(expr.family.label), encode(expr.lo), encode(expr.hi)]
    if matrices.is_node(expr):
        return ["M", expr.func.__name__, [encode(a) for a in expr.args]]
    if isinstance(expr, sp.core.function.AppliedUndef):
        count = getattr(expr.func, "family", None)
        if count is not None:  # E_n(w): a family of functions (latex.applied)
            return ["G", expr.func.__name__, int(count), [encode(a) for a in expr.args]]
        tree = ["F", expr.func.__name__, [encode(a) for a in expr.args]]
        separators = getattr(expr.func, "separators", None)
        return tree + [[list(s) for s in separators]] if separators else tree
    name = type(expr).__name__
    if name in _FUNCTIONS and type(expr) is _FUNCTIONS[name]:
        return ["f", name, [encode(a) for a in expr.args]]
    raise _NotStorable(name)


def decode(tree):
    """The SymPy tree for a JSON tree from :func:`encode`, built without evaluation; ValueError
    for anything else."""
    if not isinstance(tree, list) or not tree or not isinstance(tree[0], str):
        raise ValueError("not a stored tree")
    head = tree[0]
    if head == "S":
        _, name, given = tree
        if not isinstance(name, str) or not isinstance(given, dict):
            raise ValueError("bad symbol")
        return sp.Symbol(name, **{k: bool(v) for k, v in given.items() if k in _ASSUMPTION_KEYS})
    if head == "I":
        return sp.Integer(int(tree[1]))
    if head == "Q":
        return sp.Rational(int(tree[1]), int(tree[2]))
    if head == "C":
        return _CONSTANTS[tree[1]]
    if head == "X":
        return sp.IndexedBase(decode(tree[1]))[tuple(decode(i) for i in tree[2])]
    if head in ("Sum", "Product"):
        cls = sp.Sum if head == "Sum" else sp.Product
        limits = [tuple(decode(x) for x in lim) for lim in tree[2]]
        return cls(decode(tree[1]), *limits)
    if head in ("D", "P"):
        return (Prime if head == "P" else sp.Derivative)(
            decode(tree[1]), *[(decode(v), int(n)) for v, n in tree[2]], evaluate=False
        )
    if head in _UNEVALUATED:
        return _UNEVALUATED[head](*[decode(a) for a in tree[1]], evaluate=False)
    if head == "V":
        return Event(decode(tree[1]), decode(tree[2]))
    if head == "R":
        return Sequence(sp.IndexedBase(decode(tree[1])), decode(tree[2]), decode(tree[3]))
    if head == "M" and isinstance(tree[1], str) and tree[1] in matrices.NODES:
        return matrices.NODES[tree[1]](*[decode(a) for a in tree[2]])
    if head == "F":
        if not isinstance(tree[1], str):
            raise ValueError("bad function name")
        args = [decode(a) for a in tree[2]]
        if len(tree) == 4:
            separators = tuple((int(k), str(bar)) for k, bar in tree[3])
            if not all(bar in ("|", ";", "\\mid") for _, bar in separators):
                raise ValueError("bad separator")
            return sp.Function(tree[1], separators=separators)(*args)
        return sp.Function(tree[1])(*args)
    if head == "G":
        if not (isinstance(tree[1], str) and tree[1].endswith("_") and isinstance(tree[2], int)):
            raise ValueError("bad function family")
        args = [decode(a) for a in tree[3]]
        return sp.Function(tree[1], family=tree[2])(*args)
    if head == "f" and tree[1] in _FUNCTIONS:
        fn = _FUNCTIONS[tree[1]]
        args = [decode(a) for a in tree[2]]
        try:
            return fn(*args, evaluate=False)
        except TypeError:
            return fn(*args)
    raise ValueError(f"unknown head {head!r}")
