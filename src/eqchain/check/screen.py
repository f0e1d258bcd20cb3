"""A numeric screen before symbolic simplification: whether a difference is clearly not zero.

:func:`equivalence.is_zero` asks SymPy's ``simplify`` whether a difference is identically zero,
and on a difference that is not (a candidate the rule search or a change of variable tries, a
wrong step) simplify spends seconds before giving up. A difference whose value at one point
that meets every assumption of its symbols is clearly not zero cannot be identically zero
under those assumptions, so no simplification can (soundly) prove it zero: the attempt is
skipped. The screen only ever skips a proof attempt; it never proves anything, so a step is
never verified because of it (numbers may refute, never verify).

The value is computed with mpmath at two precisions, walking the tree once per precision, over
a closed set of nodes (numbers, symbols, sums, products, powers, exp, log, Abs and the
elementary functions below); anything else (an unknown function, a sum with a symbolic range,
an integral, a family member, a case split) means no screen, and the caller simplifies as
before. The work is bounded by the tree's size: no exact arithmetic on huge numbers (SymPy's
evalf of an expression with the values put in computed 7^1000 exactly, and cost a step its
time), and mpmath's numbers do not overflow. The points are fixed (no randomness), so a check
gives the same verdict every time.
"""

from __future__ import annotations

import mpmath
import sympy as sp

# Values for symbols, tried in this order until one meets the symbol's assumptions (the
# integers for integer symbols). Rationals with small prime denominators, unlikely to make a
# difference vanish by accident.
_REALS = (
    sp.Rational(7, 10),
    sp.Rational(13, 10),
    sp.Rational(-6, 11),
    sp.Rational(17, 7),
    sp.Rational(-19, 13),
    sp.Rational(5, 17),
    sp.Integer(0),
)
_INTEGERS = (2, 3, 5, 1, 4, -1, -2, -3, 0, 6, 7, 9)
_LOW, _HIGH = 30, 60  # digits
_POINTS = 2
_MOST_NODES = 4000  # a larger tree is not screened (the walk is linear in it)

_FUNCTIONS = {
    sp.exp: mpmath.exp,
    sp.log: mpmath.log,
    sp.sin: mpmath.sin,
    sp.cos: mpmath.cos,
    sp.tan: mpmath.tan,
    sp.sinh: mpmath.sinh,
    sp.cosh: mpmath.cosh,
    sp.tanh: mpmath.tanh,
    sp.atan: mpmath.atan,
    sp.erf: mpmath.erf,
}


class _NoValue(Exception):
    """The tree holds a node the screen does not evaluate, or has no value at the point."""


def _meets(symbol, value) -> bool:
    """Whether ``value`` has every property SymPy knows of ``symbol`` (true or false)."""
    for name, wanted in symbol.assumptions0.items():
        if wanted is None:
            continue
        if getattr(value, f"is_{name}", None) is not wanted:
            return False
    return True


def _point(symbols: list, shift: int) -> dict | None:
    """A value for each symbol meeting its assumptions, or None when one has none here."""
    out = {}
    for n, s in enumerate(symbols):
        pool = [sp.Integer(v) for v in _INTEGERS] if s.is_integer else list(_REALS)
        start = (3 * n + 5 * shift) % len(pool)
        for value in pool[start:] + pool[:start]:
            if _meets(s, value):
                out[s] = value
                break
        else:
            return None
    return out


def _evaluate(expr, at: dict, digits: int):
    """The value of ``expr`` with ``at`` put in, at ``digits`` digits, and the largest term
    of any sum met on the way (the scale a cancellation is judged against)."""
    scale = [mpmath.mpf(0)]
    memo: dict = {}

    def walk(node):
        if node in memo:
            return memo[node]
        if node.is_Symbol:
            if node not in at:
                raise _NoValue
            value = walk(at[node])
        elif node.is_Integer:
            value = mpmath.mpf(int(node))
        elif node.is_Rational:
            value = mpmath.mpf(int(node.p)) / int(node.q)
        elif node.is_Float:
            value = mpmath.mpf(node._mpf_)
        elif node is sp.pi:
            value = +mpmath.pi
        elif node is sp.E:
            value = +mpmath.e
        elif node is sp.I:
            value = mpmath.mpc(0, 1)
        elif node.is_Add:
            terms = [walk(a) for a in node.args]
            value = mpmath.fsum(terms)
            scale[0] = max(scale[0], *(abs(t) for t in terms))
        elif node.is_Mul:
            value = mpmath.fprod([walk(a) for a in node.args])
        elif node.is_Pow:
            base = walk(node.base)
            if node.exp.is_Integer:
                k = int(node.exp)
                if base == 0 and k < 0:
                    raise _NoValue
                value = base**k
            else:
                power = walk(node.exp)
                if base == 0:
                    raise _NoValue  # 0^z: SymPy's value depends on z's sign and kind
                value = mpmath.power(base, power)
        elif isinstance(node, sp.Abs):
            value = abs(walk(node.args[0]))
        elif node.func in _FUNCTIONS and len(node.args) == 1:
            argument = walk(node.args[0])
            if node.func is sp.log and argument == 0:
                raise _NoValue
            value = _FUNCTIONS[node.func](argument)
        else:
            raise _NoValue
        if not mpmath.isfinite(value):
            raise _NoValue
        memo[node] = value
        return value

    with mpmath.workdps(digits):
        value = walk(expr)
        return value, scale[0]


def _evaluable(expr) -> bool:
    """Whether every node of ``expr`` is one :func:`_evaluate` computes, and there are at most
    _MOST_NODES: one walk that stops at the first other node (a sum, a family member, an
    unknown function), so a tree the screen cannot evaluate costs little."""
    nodes = 0
    for node in sp.preorder_traversal(expr):
        nodes += 1
        if nodes > _MOST_NODES:
            return False
        if node.is_Symbol or node.is_Number or node in (sp.pi, sp.E, sp.I):
            continue
        if node.is_Add or node.is_Mul or node.is_Pow or isinstance(node, sp.Abs):
            continue
        if node.func in _FUNCTIONS and len(node.args) == 1:
            continue
        return False
    return True


def clearly_nonzero(diff) -> bool:
    """Whether ``diff`` takes a value clearly away from zero at a point meeting every
    assumption of its symbols (so it is not identically zero under them). False whenever that
    is not shown: a node the screen does not evaluate, a point where ``diff`` has no value,
    a value too small against the terms it was summed from, or values that move between the
    two precisions."""
    if not isinstance(diff, sp.Expr):
        return False
    if diff.is_Rational:
        return diff != 0
    if not _evaluable(diff):
        return False
    symbols = sorted(diff.free_symbols, key=sp.default_sort_key)
    for shift in range(_POINTS):
        at = _point(symbols, shift)
        if at is None:
            return False
        try:
            low, _ = _evaluate(diff, at, _LOW)
            high, scale = _evaluate(diff, at, _HIGH)
        except (_NoValue, ValueError, ZeroDivisionError, TypeError, OverflowError):
            continue
        size = abs(high)
        if size <= max(mpmath.mpf(1), scale) * mpmath.mpf(10) ** -20:
            continue  # zero here, or lost in the cancellation of larger terms
        if abs(high - low) > size * mpmath.mpf(10) ** -10:
            continue  # not settled at 30 digits
        return True
    return False
