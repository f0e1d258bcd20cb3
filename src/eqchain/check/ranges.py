"""What a sum or product over a range means, the reader's way (one place for the refuter and
the checker).

``\\sum_{k=a}^{b} f(k)`` is the sum of f(k) over the integers k with a <= k <= b: from the
ceiling of a to the floor of b (so ``\\sum_{k=1}^{5/2} 1 = 2``), and empty when there is none
(``\\sum_{k=3}^{1} k = 0``, ``\\prod_{k=3}^{1} k = 1``). SymPy's ``doit`` reads a reversed range
with Karr's convention (``\\sum_{k=3}^{1} k = -2``) and a non-integer bound as if the range's
length were ``b - a + 1`` (``\\sum_{k=1}^{5/2} 1 = 5/2``): neither is what a reader means, so
nothing here leaves such a range to it.

In SymPy's tree of nested sums, ``Sum(f, (j, k, k + 1), (k, 1, 3))``, the first limit is the
innermost: its bounds may use the variables of the limits after it, never those before it.
"""

from __future__ import annotations

import sympy as sp
from sympy.concrete.expr_with_limits import ExprWithLimits

MAX_TERMS = 400  # terms one sum or product is written out to; a longer one is left to SymPy


class IndexRanges(dict):
    """Index symbol -> [(lower, upper), ...], the ranges declared for it, with ``families``:
    each declared family's base -> its (lower, upper) per index position. A counterexample
    respects the range of every family it names a member of (z_0 of z over 1..n is no value
    a step about z can be wrong at)."""

    def __init__(self, *args, families: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.families = dict(families or {})


def put_free(expr, mapping: dict):
    """Replace the free occurrences of the keys of ``mapping`` (exact match): a variable bound
    by a sum, product, integral or limit is left alone where it is bound, also when a free
    symbol has its name (y_k = t_k / \\sum_{k=1}^{K} t_k), and an inner range's bound that
    uses an outer variable (\\sum_{k=1}^{3} \\sum_{j=k}^{4}) keeps it bound."""
    if not mapping or not isinstance(expr, sp.Basic):
        return expr
    if expr in mapping:
        return mapping[expr]
    if not expr.args:
        return expr
    if isinstance(expr, ExprWithLimits):
        variables = [limit[0] for limit in expr.limits]

        def outside(bound_by) -> dict:
            return {k: v for k, v in mapping.items() if not any(k.has(w) for w in bound_by)}

        limits = []
        for n, limit in enumerate(expr.limits):
            # the bounds of limit n lie inside every limit after it (the outer ones)
            inner = outside(variables[n + 1 :])
            limits.append((limit[0], *[put_free(x, inner) for x in limit[1:]]))
        return expr.func(put_free(expr.function, outside(variables)), *limits)
    if isinstance(expr, sp.Limit):
        # a limit binds its variable (SymPy's subs would replace it: Limit(f(1), 1, oo))
        body, variable, point, side = expr.args
        inside = {k: v for k, v in mapping.items() if not k.has(variable)}
        return sp.Limit(put_free(body, inside), variable, put_free(point, mapping), str(side))
    args = tuple(put_free(a, mapping) for a in expr.args)
    return expr.func(*args) if args != expr.args else expr


def integer_range(lo, hi) -> tuple[int, int] | None:
    """The integers k with lo <= k <= hi as (first, last), for real numbers lo and hi (last <
    first when there is none); None when a bound is not a finite real number."""
    if not isinstance(lo, sp.Basic) or not isinstance(hi, sp.Basic):
        return None
    if not (lo.is_number and hi.is_number) or lo.free_symbols or hi.free_symbols:
        return None
    if lo.is_real is not True or hi.is_real is not True:
        return None
    if lo.is_finite is not True or hi.is_finite is not True:
        return None
    first, last = sp.ceiling(lo), sp.floor(hi)
    if not (first.is_Integer and last.is_Integer):
        return None
    return int(first), int(last)


def write_out(expr, max_terms: int = MAX_TERMS):
    """``expr`` with every sum and product whose range is concrete written out the reader's
    way, outermost variable first (an inner range may depend on it): over the integers from
    the ceiling of the lower bound to the floor of the upper one, 0 (a sum) or 1 (a product)
    when there is none. A range longer than ``max_terms`` or with a symbolic bound is left as it
    is, with what is inside written out where it can be. Raises ``ValueError`` for a concrete
    range too long to write out that SymPy would misread (reversed, bounds that are not
    integers, an inner range that depends on its variable): the caller cannot evaluate
    ``expr``."""
    if not isinstance(expr, sp.Basic) or not expr.args:
        return expr
    if isinstance(expr, sp.Indexed):
        return expr.base[tuple(write_out(i, max_terms) for i in expr.indices)]
    if isinstance(expr, (sp.Sum, sp.Product)):
        kind = type(expr)
        var, lo, hi = expr.limits[-1]
        lo, hi = write_out(lo, max_terms), write_out(hi, max_terms)
        body = kind(expr.function, *expr.limits[:-1]) if len(expr.limits) > 1 else expr.function
        found = integer_range(lo, hi)
        if found is not None and found[1] - found[0] + 1 <= max_terms:
            first, last = found
            terms = [
                write_out(put_free(body, {var: sp.Integer(i)}), max_terms)
                for i in range(first, last + 1)
            ]
            return sp.Add(*terms) if kind is sp.Sum else sp.Mul(*terms)
        if found is not None and not (lo.is_Integer and hi.is_Integer and hi - lo + 1 >= 0):
            raise ValueError("a range SymPy would misread (reversed, or bounds not integers)")
        if found is not None and any(
            b.has(var)
            for node in body.atoms(sp.Sum, sp.Product)
            for limit in node.limits
            for b in limit[1:]
        ):
            raise ValueError("an inner range depends on an outer variable: too long to write out")
        inner = write_out(body, max_terms)
        if len(expr.limits) > 1 and isinstance(inner, kind):
            return kind(inner.function, *inner.limits, (var, lo, hi))
        return kind(inner, (var, lo, hi))
    if isinstance(expr, sp.Derivative):
        return expr.func(write_out(expr.expr, max_terms), *expr.variable_count)
    args = tuple(write_out(a, max_terms) for a in expr.args)
    return expr.func(*args) if args != expr.args else expr


def empty_ranges(expr):
    r"""``expr`` with every sum (product) over a range that is concretely empty, the upper bound
    below the lower one (``\sum_{k=3}^{1}``), replaced by 0 (by 1), the reader's reading; and
    the kinds replaced (``{"sum"}``, ``{"prod"}``). Nothing else is evaluated."""
    from eqchain.tree import rebuild

    kinds: set[str] = set()

    def visit(node):
        if isinstance(node, (sp.Sum, sp.Product)):
            for _var, lo, hi in node.limits:
                found = integer_range(lo, hi)
                if found is not None and found[1] < found[0]:
                    if isinstance(node, sp.Sum):
                        kinds.add("sum")
                        return sp.Integer(0)
                    kinds.add("prod")
                    return sp.Integer(1)
        return node

    return rebuild(expr, visit), kinds
