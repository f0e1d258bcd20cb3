"""Whether two readings of the same formula mean the same thing.

This is about reading, not verifying: a structural comparison after canonicalisation, then an
expansion, then a high-precision numeric comparison at a few random points is enough. Parts
that cannot be evaluated (derivatives, undefined functions, infinite sums) are compared as
opaque atoms: equal when written alike in both readings. So are numbers too large to compute
(``10^{10^{10}}``, ``(10^8)!``: see :class:`eqchain.tree.TooLarge`), so that reading a
formula never waits on SymPy multiplying them out; and the comparison as a whole has a time
limit (in the main thread), after which it is inconclusive.
"""

from __future__ import annotations

import random

import sympy as sp

from eqchain.check.timeout import StepTimeout, time_left, time_limit
from eqchain.operators import Expectation, OverSet
from eqchain.tree import TooLarge, canonical, rebuild

POINTS = 4
DIGITS = 30
SECONDS = 3.0  # time limit of one comparison
MAX_EXPANDED_POWER = 60  # (a + b)^n with a larger n is not expanded


def agree(a, b) -> tuple[bool | None, str]:
    """(True, how) when ``a`` and ``b`` are the same expression, (False, "numeric") when they
    differ at some point, (None, "inconclusive") when neither could be shown. Never raises for
    SymPy expressions, and answers within about SECONDS."""
    # the time limit of check/timeout.py (CPU time, so that the load does not decide); inside a
    # step's limit that runs out first, that one ends the comparison and the step
    outer = time_left()
    try:
        with time_limit(SECONDS):
            return _agree(a, b)
    except StepTimeout:
        if outer is not None and outer <= SECONDS:
            raise
        return None, "inconclusive"


def _agree(a, b) -> tuple[bool | None, str]:
    # latex2sympy2 reads 0.1 as a binary float; the written decimal is what both mean.
    a, b = _exact_decimals(a), _exact_decimals(b)
    try:
        ca, cb = canonical(a), canonical(b)
    except TooLarge:  # compare huge numbers as opaque atoms, never multiplied out
        huge: dict = {}
        ca, cb = _canonical_with_opaque(a, huge), _canonical_with_opaque(b, huge)
    except Exception:  # noqa: BLE001 - a reading SymPy cannot even evaluate: compare as written
        ca, cb = a, b
    if ca == cb:
        return True, "structural"
    try:
        if _expandable(ca) and _expandable(cb) and sp.expand(ca - cb) == 0:
            return True, "expansion"
    except Exception:  # noqa: BLE001 - fall through to the numeric comparison
        pass
    return _numeric(ca, cb)


def _canonical_with_opaque(expr, huge: dict):
    """``canonical(expr)`` with each subtree too large to compute replaced by a symbol, the
    same for the same (canonical) subtree in both readings."""

    def visit(node):
        try:
            return canonical(node)
        except TooLarge:
            key = (node.func, tuple(canonical(a) for a in node.args))
            if key not in huge:
                huge[key] = sp.Symbol(f"_huge{len(huge)}")
            return huge[key]

    return canonical(rebuild(expr, visit))


def _expandable(expr) -> bool:
    """Whether expanding ``expr`` stays small: no sum raised to a large power."""
    return not any(
        p.base.is_Add and p.exp.is_Integer and abs(p.exp) > MAX_EXPANDED_POWER
        for p in expr.atoms(sp.Pow)
    )


def _exact_decimals(expr):
    try:
        floats = expr.atoms(sp.Float)
    except AttributeError:
        return expr
    if not floats:
        return expr
    return expr.xreplace({f: sp.Rational(str(f)) for f in floats})


def _numeric(a, b) -> tuple[bool | None, str]:
    atoms: dict = {}
    try:
        a, b = _atomise(a, atoms), _atomise(b, atoms)
    except Exception:  # noqa: BLE001
        return None, "inconclusive"
    integers = _integer_symbols(a) | _integer_symbols(b)
    rng = random.Random(1729)
    compared = 0
    for _ in range(2 * POINTS):
        point = {s: sp.Integer(rng.randint(1, 4)) for s in sorted(integers, key=str)}
        values: dict = {}
        va = _value(a, point, values, rng)
        vb = _value(b, point, values, rng)
        if va is None or vb is None:
            continue
        scale = max(1.0, abs(complex(va)), abs(complex(vb)))
        if abs(complex(va - vb)) > 1e-20 * scale:
            return False, "numeric"
        compared += 1
        if compared >= POINTS:
            break
    if compared >= 2:
        return True, "numeric"
    return None, "inconclusive"


def _atomise(expr, atoms: dict):
    """Replace derivatives, undefined functions and infinite sums by symbols shared between the
    two readings (the same subtree gets the same symbol)."""

    def visit(node):
        opaque = isinstance(
            node, (sp.Derivative, sp.core.function.AppliedUndef, Expectation, OverSet)
        ) or (
            isinstance(node, (sp.Sum, sp.Product))
            and any(lim.has(sp.oo, -sp.oo, sp.zoo) for _, *ends in node.limits for lim in ends)
        )
        if not opaque:
            return node
        key = sp.srepr(node)
        if key not in atoms:
            atoms[key] = sp.Symbol(f"_opaque{len(atoms)}")
        return atoms[key]

    return rebuild(expr, visit)


def _integer_symbols(expr) -> set:
    """Symbols that must take integer values: bounds of sums and products, indices."""
    out: set = set()
    for node in expr.atoms(sp.Sum, sp.Product):
        for _, lo, hi in node.limits:
            out |= lo.free_symbols | hi.free_symbols
    for node in expr.atoms(sp.Indexed):
        for idx in node.indices:
            out |= idx.free_symbols
    bound = {v for node in expr.atoms(sp.Sum, sp.Product) for v in node.variables}
    return {s for s in out if isinstance(s, sp.Symbol) and s not in bound}


def _value(expr, point: dict, values: dict, rng: random.Random):
    try:
        e = expr.xreplace(point).doit()
        mapping = {}
        for node in e.atoms(sp.Indexed):
            mapping[node] = _draw(values, ("indexed", sp.srepr(node)), rng)
        e = e.xreplace(mapping)
        for s in e.free_symbols:
            mapping[s] = _draw(values, ("symbol", sp.srepr(s)), rng)
        value = e.xreplace(mapping).evalf(DIGITS)
        if not value.is_number or value.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
            return None
        return value
    except Exception:  # noqa: BLE001 - a point where either reading cannot be evaluated
        return None


def _draw(values: dict, key, rng: random.Random):
    if key not in values:
        values[key] = sp.Rational(rng.randint(15, 85), 100)
    return values[key]
