"""Mutants of a claim: small, plausible mistakes made directly on the SymPy tree.

Each operator is a mistake an author makes when copying a derivation: a flipped sign, a wrong
index (``y_k`` for ``t_k``, ``t_1`` for ``t_2``), a changed exponent, coefficient or count, a
dropped or duplicated term, ``\\log`` for ``\\exp``, numerator and denominator swapped, a changed
summation limit (``k = 0`` for ``k = 1``, ``K - 1`` for ``K``). Trees are rebuilt without
evaluation, the way the LaTeX reader builds them, so the checker sees the mutant as an author
would have written it. Whether a mutant is still equal to the original is not decided here (see
:mod:`oracle`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import sympy as sp

OPERATORS = (
    # first: few claims have one (nested ranges, index expressions), and with six mutants a
    # claim, spread() would never reach it at the end
    "shift_bound_variable",
    "flip_sign",
    "swap_index",
    "change_exponent",
    "change_number",
    "drop_term",
    "duplicate_term",
    "log_for_exp",
    "swap_fraction",
    "change_limit",
)


@dataclass(frozen=True)
class Mutant:
    operator: str
    description: str
    expr: object


def build(func, args):
    """``func(*args)`` without SymPy's automatic evaluation."""
    if func in (sp.Add, sp.Mul, sp.Pow):
        return func(*args, evaluate=False)
    if isinstance(func, type) and issubclass(func, sp.Function):
        try:
            return func(*args, evaluate=False)
        except TypeError:
            return func(*args)
    return func(*args)


def flat(node, kind) -> list:
    """The operands of a nested unevaluated Add (or Mul), left to right."""
    out = []
    for a in node.args:
        out.extend(flat(a, kind) if isinstance(a, kind) else [a])
    return out


def positions(expr, path=(), parent=None):
    """(path, node, parent) for every node a mutation may touch: not inside an Indexed (its
    indices are changed by swap_index) and not inside the limits of a sum, product or integral
    (changed by change_limit)."""
    yield path, expr, parent
    if isinstance(expr, (sp.Indexed, sp.Symbol, sp.Number, sp.NumberSymbol)):
        return
    if isinstance(expr, (sp.Sum, sp.Product, sp.Integral)):
        yield from positions(expr.function, path + (0,), expr)
        return
    for i, a in enumerate(expr.args):
        yield from positions(a, path + (i,), expr)


def replace_at(expr, path, new):
    if not path:
        return new
    i = path[0]
    args = list(expr.args)
    args[i] = replace_at(args[i], path[1:], new)
    return build(expr.func, args)


def _neg(e):
    return sp.Mul(sp.Integer(-1), e, evaluate=False)


def _inv(e):
    return sp.Pow(e, sp.Integer(-1), evaluate=False)


def _changed_numbers(n):
    if n == 0:
        return [sp.Integer(1)]
    if n == 1:
        return [sp.Integer(2)]
    if n == -1:
        return [sp.Integer(1), sp.Integer(-2)]
    return [n + 1, n - 1, 2 * n]


class Mutator:
    """Mutants of expressions over the families of one derivation.

    ``families`` maps a family name to (IndexedBase, number of indices, lowest and highest
    concrete index to use); another family with the same number of indices is a plausible
    wrong family.
    """

    def __init__(self, families: dict):
        self.families = families

    def mutants(self, expr) -> list[Mutant]:
        out: list[Mutant] = [Mutant("flip_sign", "negate the whole side", _neg(expr))]
        out.append(Mutant("swap_fraction", "invert the whole side", _inv(expr)))
        for path, node, parent in positions(expr):
            for op, desc, new in self._at(node, parent):
                out.append(
                    Mutant(op, f"{desc} (at {sp.sstr(node)[:60]})", replace_at(expr, path, new))
                )
        return _unique(out, expr)

    def _at(self, node, parent):
        if isinstance(node, sp.Add) and not isinstance(parent, sp.Add):
            yield from self._terms(node, sp.Add, "term")
        if isinstance(node, sp.Mul) and not isinstance(parent, sp.Mul):
            yield from self._terms(node, sp.Mul, "factor")
        if isinstance(node, sp.Indexed):
            yield from self._indexed(node)
        if isinstance(node, sp.Pow):
            yield from self._power(node)
        if isinstance(node, sp.Integer | sp.Rational) and not isinstance(parent, sp.Pow):
            for n in _changed_numbers(node):
                yield "change_number", f"{node} -> {n}", n
        if isinstance(node, sp.log):
            yield "log_for_exp", "log -> exp", sp.exp(node.args[0], evaluate=False)
        if isinstance(node, sp.exp):
            yield "log_for_exp", "exp -> log", sp.log(node.args[0], evaluate=False)
        if isinstance(node, (sp.Sum, sp.Product)):
            yield from self._limits(node)
        if isinstance(node, sp.Integral):
            yield from self._integral_limits(node)

    def _terms(self, node, kind, what):
        items = flat(node, kind)
        for i, item in enumerate(items):
            rest = items[:i] + items[i + 1 :]
            if len(rest) >= 1:
                new = rest[0] if len(rest) == 1 else kind(*rest, evaluate=False)
                yield "drop_term", f"drop {what} {i + 1}", new
            yield (
                "duplicate_term",
                f"duplicate {what} {i + 1}",
                kind(*(items[: i + 1] + [item] + items[i + 1 :]), evaluate=False),
            )
            if kind is sp.Add:
                flipped = items[:i] + [_neg(item)] + items[i + 1 :]
                yield "flip_sign", f"negate term {i + 1}", kind(*flipped, evaluate=False)
        if kind is sp.Mul:
            num = [f for f in items if not _is_reciprocal(f)]
            den = [
                f.base if f.exp == -1 else sp.Pow(f.base, -f.exp)
                for f in items
                if _is_reciprocal(f)
            ]
            if den and num and not all(f == 1 for f in num):
                new = sp.Mul(*den, *[_inv(f) for f in num], evaluate=False)
                yield "swap_fraction", "swap numerator and denominator", new

    def _indexed(self, node):
        name = str(node.base.label)
        info = self.families.get(name)
        for other, (base, n_idx, _lo, _hi) in sorted(self.families.items()):
            if other != name and n_idx == len(node.indices):
                yield "swap_index", f"{name} -> {other}", base[node.indices]
        if info is None:
            return
        _, _, lo, hi = info
        idx = node.indices
        if len(idx) > 1 and idx[0] != idx[1]:
            swapped = (idx[1], idx[0]) + tuple(idx[2:])
            yield "swap_index", f"{name}: indices swapped", node.base[swapped]
        for pos, i in enumerate(idx):

            def at(value, pos=pos):
                return node.base[tuple(idx[:pos]) + (value,) + tuple(idx[pos + 1 :])]

            if i.is_Integer:
                for j in (i - 1, i + 1):
                    if lo <= j <= hi:
                        yield "swap_index", f"{name}: index {i} -> {j}", at(j)
            else:
                yield "swap_index", f"{name}: index {i} -> {lo}", at(sp.Integer(lo))
                if not isinstance(i, sp.Symbol):
                    # an index expression (K + 1 - k, 2k): its variable read the other way
                    for v in sorted(i.free_symbols, key=str):
                        if v.is_integer and v.name.islower():
                            flipped = i.xreplace({v: sp.Integer(lo + hi) - v})
                            if flipped != i:
                                yield (
                                    "shift_bound_variable",
                                    f"{name}: index {i} with {v} -> {lo + hi} - {v}",
                                    at(flipped),
                                )

    def _power(self, node):
        base, ex = node.args
        if ex == -1:
            yield "swap_fraction", "1/b -> b", base
            return
        if ex.is_Integer:
            for n in (ex + 1, ex - 1):
                if n not in (0,):
                    yield (
                        "change_exponent",
                        f"exponent {ex} -> {n}",
                        sp.Pow(base, n, evaluate=False),
                    )
        else:
            plus_one = sp.Add(ex, sp.Integer(1), evaluate=False)
            yield "change_exponent", "exponent e -> e + 1", sp.Pow(base, plus_one, evaluate=False)
            yield (
                "change_exponent",
                "exponent e -> 2 e",
                sp.Pow(base, sp.Mul(sp.Integer(2), ex, evaluate=False), evaluate=False),
            )
            yield "swap_fraction", "b^e -> b^(-e)", sp.Pow(base, _neg(ex), evaluate=False)

    def _limits(self, node):
        func = type(node)
        for n, (var, lo, hi) in enumerate(node.limits):
            changes = [
                (f"{var} from lo - 1", sp.Add(lo, sp.Integer(-1)), hi),
                (f"{var} from lo + 1", sp.Add(lo, sp.Integer(1)), hi),
                (f"{var} up to hi - 1", lo, sp.Add(hi, sp.Integer(-1), evaluate=False)),
                (f"{var} up to hi + 1", lo, sp.Add(hi, sp.Integer(1), evaluate=False)),
            ]
            for desc, new_lo, new_hi in changes:
                limits = list(node.limits)
                limits[n] = (var, new_lo, new_hi)
                yield "change_limit", desc, func(node.function, *limits)
            # an outer variable in an inner bound (\sum_{k} \sum_{j=k}^{k+1}) shifted by one
            for outer, *_ in node.limits[n + 1 :]:
                for end, bound in ((1, lo), (2, hi)):
                    if bound.has(outer):
                        limits = list(node.limits)
                        moved = list(limits[n])
                        moved[end] = bound.xreplace({outer: sp.Add(outer, sp.Integer(1))})
                        limits[n] = tuple(moved)
                        yield (
                            "shift_bound_variable",
                            f"{outer} -> {outer} + 1 in the bound of {var}",
                            func(node.function, *limits),
                        )

    def _integral_limits(self, node):
        """A finite limit moved by one, an infinite one made 0 (\\int_0^\\infty for
        \\int_{-\\infty}^\\infty)."""
        for n, limit in enumerate(node.limits):
            if len(limit) != 3:
                continue
            var, lo, hi = limit
            changes = []
            for which, bound in (("from", lo), ("up to", hi)):
                if bound in (sp.oo, -sp.oo):
                    changes.append((which, bound, [sp.Integer(0)]))
                else:
                    one = sp.Integer(1)
                    changes.append((which, bound, [sp.Add(bound, one), sp.Add(bound, -one)]))
            for which, bound, news in changes:
                for new in news:
                    limits = list(node.limits)
                    limits[n] = (var, new, hi) if which == "from" else (var, lo, new)
                    desc = f"{var} {which} {bound} -> {new}"
                    yield "change_limit", desc, sp.Integral(node.function, *limits)


def _is_reciprocal(f) -> bool:
    return isinstance(f, sp.Pow) and f.exp.is_number and f.exp.is_negative


def _key(expr):
    """A structural key: two mutants with the same evaluated tree are one mutant."""
    try:
        return sp.srepr(_evaluate(expr))
    except Exception:  # noqa: BLE001 - a key only; fall back to the raw tree
        return sp.srepr(expr)


def _evaluate(expr):
    if not isinstance(expr, sp.Basic) or not expr.args:
        return expr
    if isinstance(expr, sp.Indexed):
        return expr
    return expr.func(*[_evaluate(a) for a in expr.args])


def _unique(mutants, original) -> list[Mutant]:
    seen = {_key(original)}
    out = []
    for m in mutants:
        k = _key(m.expr)
        if k not in seen:
            seen.add(k)
            out.append(m)
    return out


def spread(mutants: list[Mutant], limit: int, seed: int = 0) -> list[Mutant]:
    """At most ``limit`` mutants, taken round-robin over the operators (shuffled within an
    operator with a fixed seed), so that every kind of mistake is represented."""
    rng = random.Random(seed)
    by_op: dict[str, list[Mutant]] = {}
    for m in mutants:
        by_op.setdefault(m.operator, []).append(m)
    for ms in by_op.values():
        rng.shuffle(ms)
    out: list[Mutant] = []
    while len(out) < limit and any(by_op.values()):
        for op in OPERATORS:
            if by_op.get(op) and len(out) < limit:
                out.append(by_op[op].pop())
    return out
