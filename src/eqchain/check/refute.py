"""Refutation: concrete values, satisfying the assumptions and the givens, where two sides differ.

Numbers may refute a step, never verify one. Values are exact rationals (and small integers for
integer symbols and symbolic bounds such as K); both sides are evaluated exactly when they are
rational there, else with mpmath at 60 and 120 significant digits, and a difference counts only
when it is stable between the two precisions and far above their rounding.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import sympy as sp

from eqchain.latex.printer import latex
from eqchain.model import Counterexample

TRIALS = 40
LOW_DIGITS, HIGH_DIGITS = 60, 120


@dataclass(frozen=True)
class Sample:
    values: dict  # atom -> exact value
    lhs: object
    rhs: object


def find_counterexample(lhs, rhs, givens=(), seed: int = 0, trials: int = TRIALS, ranges=None):
    """Return a :class:`Counterexample` or None. ``givens`` are pairs (a, b) meaning a = b;
    ``ranges`` maps index symbols to their declared (lower, upper) bounds, which the values
    respect (a free k of a family y_k, k = 1..K, is never sampled above K)."""
    rng = random.Random(seed)
    for trial in range(trials):
        sample = _sample(lhs, rhs, givens, rng, trial, ranges or {})
        if sample is None:
            continue
        differs, lv, rv = _differ(sample.lhs, sample.rhs)
        if differs:
            values = tuple(
                sorted(
                    ((latex(k), _show(v)) for k, v in sample.values.items()),
                    key=lambda kv: _natural(kv[0]),
                )
            )
            return Counterexample(values, _number(lv), _number(rv))
    return None


def _natural(text: str):
    import re

    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text)]


def _show(v) -> str:
    return str(v)


def _number(v) -> str:
    """An exact rational as it is; anything else as a decimal with 30 significant digits."""
    if isinstance(v, sp.Rational):
        return str(v)
    re_, im = sp.N(v, 40).as_real_imag()
    text = str(sp.Float(re_, 30)) if re_ != 0 else "0"
    if im != 0:
        sign = "-" if im < 0 else "+"
        text += f" {sign} {sp.Float(abs(im), 30)} i"
    return text


def _integer_symbols(exprs) -> list:
    out = set()
    for e in exprs:
        labels = {a.base.label for a in e.atoms(sp.Indexed)}
        for s in e.free_symbols - labels:
            if isinstance(s, sp.Symbol) and s.is_integer:
                out.add(s)
    return sorted(out, key=str)


def _sample(lhs, rhs, givens, rng: random.Random, trial: int, ranges: dict):
    exprs = [lhs, rhs] + [g for pair in givens for g in pair]
    values: dict = {}
    # Integers first: bounds (K) and counts, then free indices within their declared ranges.
    # Small values make sums expandable.
    integers = _integer_symbols(exprs)
    for s in integers:
        if s not in ranges:
            values[s] = sp.Integer(_random_integer(s, rng, trial))
    for s in integers:
        if s in ranges:
            bounds = []
            for lo, hi in ranges[s]:
                lo_v, hi_v = (
                    sp.sympify(lo, strict=True).xreplace(values),
                    sp.sympify(hi, strict=True).xreplace(values),
                )
                if not (lo_v.is_Integer and hi_v.is_Integer):
                    free = (lo_v.free_symbols | hi_v.free_symbols) - set(values)
                    for f in free:  # a bound not met yet: give it a value first
                        values[f] = sp.Integer(_random_integer(f, rng, trial))
                    lo_v, hi_v = lo_v.xreplace(values), hi_v.xreplace(values)
                if lo_v.is_Integer and hi_v.is_Integer:
                    bounds.append((int(lo_v), int(hi_v)))
            lo_i = max((b[0] for b in bounds), default=1)
            hi_i = min((b[1] for b in bounds), default=lo_i + 5)
            if hi_i < lo_i:
                return None
            values[s] = sp.Integer(rng.randint(lo_i, hi_i))
    try:
        L = _expand(lhs.xreplace(values))
        R = _expand(rhs.xreplace(values))
        G = [(_expand(a.xreplace(values)), _expand(b.xreplace(values))) for a, b in givens]
    except (ValueError, TypeError, ZeroDivisionError, NotImplementedError):
        return None
    claim_atoms = set(_atoms([L, R]))
    # Givens about other quantities do not constrain this claim.
    G = [g for g in G if set(_atoms(list(g))) & claim_atoms]
    atoms = _atoms([L, R] + [x for g in G for x in g])
    if any(isinstance(a, sp.Indexed) and not all(i.is_Integer for i in a.indices) for a in atoms):
        return None  # an index left symbolic: cannot evaluate
    solved = _choose_solved(G, atoms)
    base = dict(values)
    # A constraint such as y_1 + ... + y_6 = 1 with positive y needs small free values: shrink
    # them until the solved value satisfies its assumptions too.
    for shrink in (1, 4, 16, 64):
        values = dict(base)
        for a in atoms:
            if a not in solved:
                v = _random_value(a, rng)
                values[a] = v if a.is_integer else v / shrink
        if _solve_givens(values, solved) and all(
            sp.simplify((a - b).xreplace(values)) == 0 for a, b in G
        ):
            break
    else:
        return None
    L_v, R_v = L.xreplace(values), R.xreplace(values)
    if L_v.free_symbols or R_v.free_symbols:
        return None
    shown = {k: v for k, v in values.items() if k in atoms or k in _integer_symbols(exprs)}
    return Sample(shown, L_v, R_v)


def _solve_givens(values: dict, solved: dict) -> bool:
    for atom, (a, b) in solved.items():
        g = (a - b).xreplace({k: v for k, v in values.items() if k != atom})
        slope = sp.diff(g, atom)
        if slope.free_symbols or slope == 0:
            return False
        value = sp.simplify(-g.xreplace({atom: 0}) / slope)
        if not value.is_number or not _satisfies(atom, value):
            return False
        values[atom] = value
    return True


def _expand(expr):
    """Expand sums and products with concrete bounds and carry out derivatives."""
    return expr.doit(deep=True)


def _atoms(exprs) -> list:
    out, labels = set(), set()
    for e in exprs:
        indexed = e.atoms(sp.Indexed)
        out |= indexed
        labels |= {a.base.label for a in indexed}
        out |= {s for s in e.free_symbols if isinstance(s, sp.Symbol)}
    return sorted(out - labels, key=lambda a: _natural(str(a)))


def _choose_solved(givens, atoms) -> dict:
    """One atom per given that it determines linearly, to be solved for after sampling."""
    solved: dict = {}
    for a, b in givens:
        g = a - b
        for atom in reversed(atoms):
            if atom in solved or not g.has(atom):
                continue
            if sp.diff(g, atom, 2) == 0 and not sp.diff(g, atom).has(atom):
                solved[atom] = (a, b)
                break
    return solved


def _random_integer(s, rng: random.Random, trial: int) -> int:
    if s.is_positive or s.is_nonnegative and trial % 5:
        return rng.choice([1, 2, 3, 3, 4, 5, 6])
    if s.is_nonnegative:
        return rng.choice([0, 1, 2, 3, 4])
    if s.is_negative:
        return -rng.choice([1, 2, 3])
    return rng.choice([-2, -1, 0, 1, 2, 3])


def _random_value(atom, rng: random.Random):
    if atom.is_integer:
        return sp.Integer(_random_integer(atom, rng, rng.randrange(5)))
    magnitude = sp.Rational(rng.randint(1, 40), rng.choice([4, 7, 8, 13, 16]))
    if atom.is_positive:
        return magnitude
    if atom.is_nonnegative:
        return sp.Integer(0) if rng.random() < 0.15 else magnitude
    if atom.is_negative:
        return -magnitude
    if atom.is_nonpositive:
        return sp.Integer(0) if rng.random() < 0.15 else -magnitude
    value = magnitude if rng.random() < 0.5 else -magnitude
    if atom.is_real is None and rng.random() < 0.4:
        # A symbol declared with no assumptions is complex: try values off the real line too.
        value += sp.I * sp.Rational(rng.randint(-40, 40), rng.choice([4, 7, 8]))
    return value


def _satisfies(atom, value) -> bool:
    checks = [
        ("positive", value.is_positive),
        ("nonnegative", value.is_nonnegative),
        ("negative", value.is_negative),
        ("nonpositive", value.is_nonpositive),
        ("integer", value.is_integer),
        ("nonzero", value.is_nonzero),
        ("real", value.is_real),
    ]
    for name, holds in checks:
        if getattr(atom, f"is_{name}") and holds is not True:
            return False
    return True


def _differ(L, R):
    """Decide whether two closed expressions differ; returns (differs, lhs, rhs values)."""
    try:
        if L.is_Rational and R.is_Rational:
            return L != R, L, R
        d = L - R
        if d.is_Rational:
            return d != 0, L, R
        lo = [x.evalf(LOW_DIGITS) for x in (L, R)]
        hi = [x.evalf(HIGH_DIGITS) for x in (L, R)]
    except (ValueError, TypeError, ZeroDivisionError, OverflowError, RecursionError):
        return False, None, None
    if not all(_finite_number(v) for v in lo + hi):
        return False, None, None
    d_lo, d_hi = abs(lo[0] - lo[1]), abs(hi[0] - hi[1])
    scale = max(sp.Integer(1), abs(hi[0]), abs(hi[1]))
    if d_hi <= scale * sp.Float(10) ** (-(HIGH_DIGITS - 25)):
        return False, None, None
    if abs(d_hi - d_lo) > d_hi * sp.Float(10) ** -20:
        return False, None, None
    return True, hi[0], hi[1]


def _finite_number(v) -> bool:
    return v.is_number and v.is_finite is True and not v.has(sp.nan, sp.zoo, sp.oo, -sp.oo)
