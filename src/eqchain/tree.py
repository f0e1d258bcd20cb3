"""Walking SymPy trees without evaluating them, and evaluating them on purpose.

SymPy evaluates as it builds (``y*y`` becomes ``y**2``, ``x/x`` becomes ``1``). The reader and
the rule engine need the author's structure, so they rebuild trees with ``evaluate=False``;
:func:`canonical` is the one place where a tree is evaluated, to compare two of them.
"""

from __future__ import annotations

import math
from functools import lru_cache

import sympy as sp
from sympy.core.parameters import global_parameters

from eqchain import speedups
from eqchain.operators import Prime, at_its_argument

speedups.install()

_UNEVALUATED = (sp.Add, sp.Mul, sp.Pow)

MAX_BITS = 4_000_000  # the largest number canonical() computes (10^{1000000} has 3.3 million)
MAX_BINOMIAL_K = 20_000  # binomial(n, k) costs about k times its size


class TooLarge(ValueError):  # noqa: N818 - reads as "the number is too large"
    """Evaluating a formula would compute a number of more than MAX_BITS bits (10^{10^{10}},
    (10^8)!, huge binomials): SymPy would run for hours or run out of memory, and no signal
    interrupts it reliably."""


class NotAVariable(ValueError):  # noqa: N818 - reads as "this is not a variable"
    """A substitution put an expression where a derivative's variable stands (``\\hat{p}`` of
    ``\\frac{d LL}{d \\hat{p}}`` replaced by its definition ``y/n``): no derivative is built."""


def build(func, args):
    """Build ``func(*args)`` without SymPy's automatic evaluation where that is possible.
    Raises :class:`NotAVariable` for a derivative by something that is no variable."""
    if isinstance(func, type) and issubclass(func, sp.Derivative):
        try:
            return func(*args)
        except ValueError as err:
            raise NotAVariable(str(err).strip()) from None
    if func in _UNEVALUATED or (isinstance(func, type) and issubclass(func, _UNEVALUATED)):
        return func(*args, evaluate=False)
    if isinstance(func, type) and issubclass(func, (sp.Max, sp.Min)):
        # a LatticeOp, no Function: evaluated, Max(0, x) with the declared positive x was x
        # before an integral made x its own real variable (\int_{-1}^{0} \max(0, x) dx = -1/2)
        return func(*args, evaluate=False)
    if func is sp.Piecewise:
        # evaluated: a piece whose condition became false is dropped, and no piece left is
        # NaN (unevaluated, SymPy leaves an empty Piecewise that nothing can print or use)
        return func(*args)
    if isinstance(func, type) and issubclass(func, sp.Function) and func is not sp.Function:
        try:
            return func(*args, evaluate=False)
        except TypeError:
            return func(*args)
    return func(*args)


def changed(args: tuple, before: tuple) -> bool:
    """Whether rebuilt ``args`` differ from ``before``: by identity, not by SymPy's equality,
    which compares a Subs without its point's assumptions (``f'(2x)`` at the reader's x equals
    the one at the declared real x, and the tree kept the reader's: 2 f'(2x) = 8x was refuted
    at "x = -1, x = 1")."""
    return any(a is not b for a, b in zip(args, before, strict=True))


def rebuild(expr, visit):
    """Rebuild ``expr`` bottom-up, replacing each node by ``visit(node)``, without evaluating."""
    if not isinstance(expr, sp.Basic):
        return expr
    if expr.args and not isinstance(expr, (sp.Indexed, sp.IndexedBase, sp.Symbol)):
        args = tuple(rebuild(a, visit) for a in expr.args)
        if changed(args, expr.args):
            expr = build(expr.func, args)
    elif isinstance(expr, sp.Indexed):
        indices = tuple(rebuild(a, visit) for a in expr.indices)
        if indices != expr.indices:
            expr = expr.base[indices]
    return visit(expr)


def substitute(expr, mapping: dict):
    """Replace whole subtrees by ``mapping`` (exact match), without evaluating the rest;
    bound variables too (renaming them is what the reader does with it). To put values or
    definitions in for names, use :func:`put_in`."""
    if not mapping:
        return expr
    return rebuild(expr, lambda node: mapping.get(node, node))


def derivatives_taken(body, moved: set):
    r"""``body`` with each derivative by a parameter in ``moved`` taken before an argument is
    put in for it: after ``h(x) = \frac{d}{dx}(a x^2)``, h(a) is 2a^2, not the derivative of
    a^3 by a (a false row was verified). A derivative of a function applied to the parameter
    is that function's derivative at the point (``\frac{d}{dx} f(x)`` put in at a is f'(a),
    a Subs: a Prime would not survive :func:`canonical`); None where one cannot be taken."""
    if not moved or not any(set(d.variables) & moved for d in body.atoms(sp.Derivative)):
        return body
    failed = False

    def visit(node):
        nonlocal failed
        if not isinstance(node, sp.Derivative) or not set(node.variables) & moved:
            return node
        if at_its_argument(node):
            return Prime(node.expr, *node.variable_count).at_point()
        taken = node.doit()
        if any(set(d.variables) & moved for d in taken.atoms(sp.Derivative)):
            failed = True
        return taken

    out = rebuild(body, visit)
    return None if failed else out


def put_in(expr, mapping: dict):
    """:func:`substitute` for names only where they are free: a variable a node binds is not
    the name outside it, so inside a sum, product, integral, limit or ``E_{x \\sim p}`` over
    x, a key that mentions x is not replaced (``x = 3`` does not make ``\\int_0^1 x \\, dx``
    an integral over 3, nor ``E_{x \\sim p}[x]`` the expectation of 3)."""
    if not mapping:
        return expr
    names = {k: getattr(k, "free_symbols", frozenset()) for k in mapping}
    return _substitute(expr, mapping, names)


def _substitute(expr, mapping: dict, names: dict):
    if not isinstance(expr, sp.Basic):
        return expr
    bound = _bound_by(expr)
    if bound and any(names[k] & bound for k in mapping):
        expr = _captured(_scoped(expr, mapping, names))
        return mapping.get(expr, expr)
    if expr.args and not isinstance(expr, (sp.Indexed, sp.IndexedBase, sp.Symbol)):
        args = tuple(_substitute(a, mapping, names) for a in expr.args)
        if changed(args, expr.args):
            expr = _captured(build(expr.func, args))
    elif isinstance(expr, sp.Indexed):
        indices = tuple(_substitute(a, mapping, names) for a in expr.indices)
        if indices != expr.indices:
            expr = expr.base[indices]
    return mapping.get(expr, expr)


def _bound_by(expr) -> frozenset:
    """The variables ``expr`` binds for its body: a sum's, product's or integral's, a
    limit's, an expectation's over ``x \\sim p``; empty for every other node."""
    from eqchain.operators import Expectation

    if isinstance(expr, (sp.Sum, sp.Product, sp.Integral)):
        return frozenset(v for v, *_ in expr.limits)
    if isinstance(expr, sp.Limit):
        return frozenset({expr.args[1]})
    if isinstance(expr, Expectation) and len(expr.args) == 3:
        return frozenset({expr.args[1]})
    return frozenset()


def _captured(expr):
    r"""A sum or product whose body, values put in, names its index as another symbol (the
    index an integer, the name defined a real one): that name is the index, as in an integral
    or a limit (``y = x^2``, then ``\prod_{x=1}^{3} y`` is 1 \cdot 4 \cdot 9, not
    ``y^3``; red team s48). The author's own body names the index only as the index."""
    if not isinstance(expr, (sp.Sum, sp.Product)):
        return expr
    variables = {v.name: v for v, *_ in expr.limits if isinstance(v, sp.Symbol)}
    clash = {
        s: variables[s.name]
        for s in expr.function.free_symbols
        if isinstance(s, sp.Symbol) and s.name in variables and s != variables[s.name]
    }
    if not clash:
        return expr
    return build(expr.func, (expr.function.xreplace(clash), *expr.limits))


def _scoped(expr, mapping: dict, names: dict):
    """``expr`` (a node that binds variables) with ``mapping`` put in where its names are
    free: in the body, none that mentions a bound variable; in a limit's bounds, none that
    mentions the variable of a limit outside it (SymPy's first limit is the innermost: its
    bounds may use the later ones' variables, ``\\int_0^x x \\, dx`` the outer x). A value
    put in that mentions a bound variable means that variable, as authors write it: after
    ``p = e^{-x^2/2}``, ``\\int p \\, dx`` integrates ``e^{-x^2/2}`` over x."""
    from eqchain.operators import Expectation

    def visible(variables) -> dict:
        return {k: v for k, v in mapping.items() if not names[k] & variables}

    if isinstance(expr, (sp.Sum, sp.Product, sp.Integral)):
        variables = [v for v, *_ in expr.limits]
        limits = []
        for m, (v, *bounds) in enumerate(expr.limits):
            seen = visible(frozenset(variables[m + 1 :]))
            limits.append((v, *(_substitute(b, seen, names) for b in bounds)))
        body = _substitute(expr.function, visible(frozenset(variables)), names)
        return build(expr.func, (body, *limits))
    if isinstance(expr, sp.Limit):
        body, variable, point, direction = expr.args
        body = _substitute(body, visible(frozenset({variable})), names)
        return sp.Limit(body, variable, _substitute(point, mapping, names), str(direction))
    if isinstance(expr, Expectation):
        body, variable, law = expr.args
        inside = visible(frozenset({variable}))
        body, law = (_substitute(e, inside, names) for e in (body, law))
        return Expectation(body, variable, law)
    return expr


def canonical(expr):
    """Evaluate ``expr`` with SymPy's automatic simplifications and name bound variables
    canonically, so that two trees that differ only in those compare equal.

    Remembered (the same tree is asked for again and again: a row is the target of one link
    and the source of the next, the facts are compared with every state of the search); the
    result is a function of the tree and of SymPy's evaluation switches, which key it. A tree
    too large to compute raises :class:`TooLarge` every time (errors are not remembered)."""
    if not isinstance(expr, sp.Basic) or not expr.args:
        return expr
    switches = (global_parameters.evaluate, global_parameters.distribute)
    try:
        hash(expr)
    except TypeError:  # a tree that cannot be hashed: evaluated afresh
        return _canonical(expr, 0)
    return _remembered(expr, switches)


@lru_cache(maxsize=4096)
def _remembered(expr, switches: tuple):
    return _canonical(expr, 0)


def _canonical(expr, depth: int):
    if not isinstance(expr, sp.Basic) or not expr.args:
        return expr
    if isinstance(expr, (sp.Sum, sp.Product)):
        # Rename every bound variable at once: SymPy merges nested sums into one with several
        # limits, so peeling one limit at a time would loop.
        # Renamed through fresh symbols first: a body already in canonical form may bind the
        # very name this node's variable gets (an outer _i1 made _i0 around an inner sum over
        # _i0), and renaming in place would capture it. An inner range's bounds may mention an
        # outer variable (\sum_{k} \sum_{i=1}^{k}): every bound is renamed too.
        renames, fresh = {}, {}
        for j, (var, _, _) in enumerate(expr.limits):
            temp = sp.Dummy(f"bound{j}", integer=True)
            renames[var] = temp
            fresh[temp] = sp.Symbol(f"_i{depth + j}", integer=True)
        # The first limit is the innermost: its bounds may use the variables of the limits
        # after it, never its own or those before it (a free symbol there keeps its name).
        limits = []
        for n, (var, lo, hi) in enumerate(expr.limits):
            outer = {v: renames[v] for v, _, _ in expr.limits[n + 1 :]}
            limits.append(
                (
                    fresh[renames[var]],
                    _canonical(lo.xreplace(outer), depth).xreplace(fresh),
                    _canonical(hi.xreplace(outer), depth).xreplace(fresh),
                )
            )
        body = _canonical(expr.function.xreplace(renames), depth + len(limits)).xreplace(fresh)
        return expr.func(zero_powers(body, limits), *limits)
    if isinstance(expr, sp.Indexed):
        indices = tuple(_canonical(i, depth) for i in expr.indices)
        return expr if indices == expr.indices else expr.base[indices]
    args = [_canonical(a, depth) for a in expr.args]
    check_size(expr.func, args)
    if isinstance(expr, Prime):  # f'(x) compares equal to \frac{d}{dx} f(x)
        return sp.Derivative(*args)
    return expr.func(*args)


def zero_powers(body, limits):
    r"""``body`` with each power of 0 whose exponent runs over the range, nonnegative there
    (``0^{k-1}`` for k from 1), written as the Kronecker delta of the exponent: 1 where it is 0
    (0^0 = 1), 0 elsewhere. SymPy sums ``\sum_{k=1}^{\infty} 0^{k-1}`` to 0, dropping the first
    term (a geometric series at p = 1 was verified 0)."""
    powers = [
        q
        for q in body.atoms(sp.Pow)
        if q.base == 0 and q.exp.free_symbols & {v for v, *_ in limits}
    ]
    if not powers:
        return body
    m = sp.Dummy("m", integer=True, nonnegative=True)
    out = {}
    for q in powers:
        e = q.exp
        for var, lo, _ in limits:
            if e.has(var):
                e_lo = e.xreplace({var: lo + m})
                if not (e_lo.is_integer and e_lo.is_nonnegative):
                    break
        else:
            out[q] = sp.KroneckerDelta(q.exp, 0)
    return body.xreplace(out) if out else body


def check_size(func, args) -> None:
    """Raise :class:`TooLarge` when evaluating ``func(*args)`` would compute a number of more
    than MAX_BITS bits."""
    bits = result_bits(func, args)
    if bits > MAX_BITS:
        shown = [t if t.isdigit() else f"({t})" for t in (_short(a) for a in args)]
        if func is sp.factorial:
            text = f"{shown[0]}!"
        elif func is sp.binomial:
            text = f"binomial({shown[0]}, {shown[1]})".replace("((", "(").replace("))", ")")
        else:
            text = f"{shown[0]}^{shown[1]}"
        raise TooLarge(f"a number too large to compute: {text}")


def result_bits(func, args) -> float:
    """An estimate (from above) of the bits of the number SymPy computes for ``func(*args)``;
    0 when it computes none (symbolic arguments, or a function it leaves alone)."""
    try:
        if isinstance(func, type) and issubclass(func, sp.Pow) and len(args) == 2:
            base, exp = args
            if not (isinstance(exp, sp.Rational) and exp != 0):
                return 0.0
            height = _height_bits(base)
            return 0.0 if height == 0 else _times(_log2(exp), height)
        if func is sp.factorial and len(args) == 1:
            (n,) = args
            if isinstance(n, sp.Integer) and n > 2:
                return _times(_log2(n), _log2(n) if _log2(n) < 64 else math.inf)
        if func is sp.binomial and len(args) == 2:
            n, k = args
            if isinstance(n, sp.Integer) and isinstance(k, sp.Integer) and 0 < k < n:
                j = min(k, n - k)
                if j > MAX_BINOMIAL_K:
                    return math.inf
                return _times(_log2(j), _log2(n))  # C(n, j) <= n^j
    except (TypeError, ValueError, OverflowError):
        return math.inf
    return 0.0


def _log2(r) -> float:
    """log2 of |r| for a Rational (no float conversion of huge numbers); 0 for |r| <= 1."""
    p, q = abs(int(r.p)), int(r.q)
    value = p.bit_length() - q.bit_length() + 1
    if value < 64:
        value = math.log2(p / q) if p > q else 0.0
    return float(max(value, 0))


def _times(log2_count: float, bits: float) -> float:
    """``2^log2_count * bits``, without overflowing."""
    if bits <= 0:
        return 0.0
    if log2_count >= 1000:
        return math.inf
    return 2.0**log2_count * bits


def _height_bits(base) -> float:
    """Bits of the numbers a power of ``base`` multiplies out: a rational, a rational to a
    rational power, or a product of such; 0 for anything SymPy keeps symbolic (pi, x)."""
    if isinstance(base, sp.Rational):
        return _log2(sp.Integer(max(abs(int(base.p)), int(base.q))))
    if isinstance(base, sp.Pow) and isinstance(base.exp, sp.Rational):
        inner = _height_bits(base.base)
        scale = abs(base.exp.p) / base.exp.q if _log2(base.exp) < 64 else math.inf
        return inner * scale if inner else 0.0
    if isinstance(base, sp.Mul):
        return sum(_height_bits(f) for f in base.args)
    return 0.0


def _short(expr) -> str:
    """A short text for a number (its bits when it is too long to write out)."""
    if isinstance(expr, sp.Rational) and max(abs(int(expr.p)), int(expr.q)).bit_length() > 200:
        return f"<a number of {max(abs(int(expr.p)), int(expr.q)).bit_length()} bits>"
    try:
        text = sp.sstr(expr)
    except ValueError:
        return "<a long number>"
    return text if len(text) <= 60 else text[:57] + "..."
