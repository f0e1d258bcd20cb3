"""Walking SymPy trees without evaluating them, and evaluating them on purpose.

SymPy evaluates as it builds (``y*y`` becomes ``y**2``, ``x/x`` becomes ``1``). The reader and
the rule engine need the author's structure, so they rebuild trees with ``evaluate=False``;
:func:`canonical` is the one place where a tree is evaluated, to compare two of them.
"""

from __future__ import annotations

import sympy as sp

_UNEVALUATED = (sp.Add, sp.Mul, sp.Pow)


def build(func, args):
    """Build ``func(*args)`` without SymPy's automatic evaluation where that is possible."""
    if func in _UNEVALUATED or (isinstance(func, type) and issubclass(func, _UNEVALUATED)):
        return func(*args, evaluate=False)
    if isinstance(func, type) and issubclass(func, sp.Function) and func is not sp.Function:
        try:
            return func(*args, evaluate=False)
        except TypeError:
            return func(*args)
    return func(*args)


def rebuild(expr, visit):
    """Rebuild ``expr`` bottom-up, replacing each node by ``visit(node)``, without evaluating."""
    if not isinstance(expr, sp.Basic):
        return expr
    if expr.args and not isinstance(expr, (sp.Indexed, sp.IndexedBase, sp.Symbol)):
        args = tuple(rebuild(a, visit) for a in expr.args)
        if args != expr.args:
            expr = build(expr.func, args)
    elif isinstance(expr, sp.Indexed):
        indices = tuple(rebuild(a, visit) for a in expr.indices)
        if indices != expr.indices:
            expr = expr.base[indices]
    return visit(expr)


def substitute(expr, mapping: dict):
    """Replace whole subtrees by ``mapping`` (exact match), without evaluating the rest."""
    if not mapping:
        return expr
    return rebuild(expr, lambda node: mapping.get(node, node))


def canonical(expr):
    """Evaluate ``expr`` with SymPy's automatic simplifications and name bound variables
    canonically, so that two trees that differ only in those compare equal."""
    return _canonical(expr, 0)


def _canonical(expr, depth: int):
    if not isinstance(expr, sp.Basic) or not expr.args:
        return expr
    if isinstance(expr, (sp.Sum, sp.Product)):
        # Rename every bound variable at once: SymPy merges nested sums into one with several
        # limits, so peeling one limit at a time would loop.
        body, limits, renames = expr.function, [], {}
        for j, (var, lo, hi) in enumerate(expr.limits):
            dummy = sp.Symbol(f"_i{depth + j}", integer=True)
            limits.append(
                (
                    dummy,
                    _canonical(lo.xreplace(renames), depth),
                    _canonical(hi.xreplace(renames), depth),
                )
            )
            renames[var] = dummy
        body = _canonical(body.xreplace(renames), depth + len(limits))
        return expr.func(body, *limits)
    if isinstance(expr, sp.Indexed):
        return expr.base[tuple(_canonical(i, depth) for i in expr.indices)]
    return expr.func(*[_canonical(a, depth) for a in expr.args])
