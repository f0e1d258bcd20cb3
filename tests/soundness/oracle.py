"""An independent numeric judge of equations, for the soundness tests.

Nothing here uses eqchain's checker: expressions are taken as the loader built them, sums and
products with concrete bounds are written out here (an empty range is an empty sum or product),
values are exact rationals drawn to satisfy the declared assumptions (and the givens, solved for
one quantity each), and the two sides are compared exactly when both are rational, else with
SymPy's arbitrary-precision evaluation at two precisions. Every answer is three-valued
(``"equal"``, ``"different"``, ``"unsure"``) so that callers can be conservative.
"""

from __future__ import annotations

import random
import re
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef

from eqchain.model import Derivation, StepKind

EQUAL, DIFFERENT, UNSURE = "equal", "different", "unsure"
UNDEFINED, BOTH_UNDEFINED = "undefined", "both undefined"
OUTSIDE = "outside the domain"  # the point fails a condition of the step's reported domain
LOW, HIGH = 50, 80


@dataclass
class Context:
    """What holds before one step of a derivation: definitions, givens and bound values."""

    definitions: dict = field(default_factory=dict)  # symbol -> expression
    givens: list = field(default_factory=list)  # (lhs, rhs); a free index means "every k"
    values: dict = field(default_factory=dict)  # atom -> exact value ("where")
    ranges: dict = field(default_factory=dict)  # family index symbol -> [(lo, hi), ...]

    def unfold(self, expr, depth: int = 10):
        # A defined function applies to any argument: p(x) = ... read at the integration
        # variable of \int p(x) dx, its own symbol.
        functions = {
            k.func: sp.Lambda(k.args, v)
            for k, v in self.definitions.items()
            if isinstance(k, sp.core.function.AppliedUndef)
            and all(isinstance(a, sp.Symbol) for a in k.args)
        }
        # A family defined by its generic member (y_k = k^2) defines every member (y_2 = 4).
        members = {
            k.base: (k.indices, v)
            for k, v in self.definitions.items()
            if isinstance(k, sp.Indexed)
            and all(isinstance(i, sp.Symbol) for i in k.indices)
            and len(set(k.indices)) == len(k.indices)
        }

        def member(e):
            indices, body = members[e.base]
            return body.xreplace(dict(zip(indices, e.indices, strict=True)))

        for _ in range(depth):
            new = expr.xreplace(self.definitions)
            for func, body in functions.items():
                new = new.replace(func, body)
            if members:
                new = new.replace(
                    lambda e: (
                        isinstance(e, sp.Indexed)
                        and e.base in members
                        and len(e.indices) == len(members[e.base][0])
                    ),
                    member,
                )
            if new == expr:
                break
            expr = new
        return expr


def family_values(derivation: Derivation, where) -> dict:
    """``where`` bindings (name -> value or tuple of values) as atom -> value."""
    out: dict = {}
    scope = derivation.scope
    for name, values in where:
        fam = scope.families.get(name)
        if fam is None:
            out[scope.symbols[name]] = values
            continue
        lo = int(fam.ranges[0][0]) if fam.ranges else 1
        for j, v in enumerate(values):
            out[fam.base[lo + j]] = v
    return out


def contexts(derivation: Derivation) -> list[Context]:
    """The context before each step (index i: what steps 0..i-1 established, plus the values
    bound for step i itself and, for a continuation, for the earlier links of its chain)."""
    out: list[Context] = []
    definitions: dict = {}
    givens: list = []
    base = family_values(derivation, derivation.where)
    ranges: dict = {}
    for fam in derivation.scope.families.values():
        for idx, bounds in zip(fam.indices, fam.ranges, strict=False):
            ranges.setdefault(idx, []).append(bounds)
    previous_lhs = None
    chain: dict = {}  # a continuation is checked with the values of its chain so far
    for step in derivation.steps:
        if not step.continues:
            chain = {}
        chain = {**chain, **family_values(derivation, step.where)}
        values = {**base, **chain}
        lhs = previous_lhs if step.continues else step.lhs
        if "generalize" in step.by and step.instance:
            # README: the definitions the general claim uses are read with the symbol from
            # then on (\prod_{k=1}^{6} -> \prod_{k=1}^{K}); the others keep their bounds
            _reread(definitions, derivation, step.instance, [lhs, step.rhs])
        out.append(Context(dict(definitions), list(givens), values, ranges))
        if step.kind is StepKind.DEFINITION:
            target, rhs = lhs, step.rhs
            named = (sp.Symbol, sp.Indexed, sp.Pow, sp.log, AppliedUndef)
            if (
                isinstance(rhs, sp.Symbol)
                and rhs not in definitions
                and (not isinstance(target, named) or target in definitions)
            ):
                # a new name alone on the right names the left side (\sum_i p_i x_i = M)
                target, rhs = rhs, target
            if isinstance(target, sp.log):
                target, rhs = target.args[0], sp.exp(rhs)
            definitions[target] = rhs
        elif step.kind is StepKind.GIVEN:
            givens.append((lhs, step.rhs))
        previous_lhs = lhs
    return out


def _reread(definitions: dict, derivation: Derivation, instance, exprs) -> None:
    by_value = {}
    for name, value in instance:
        symbol = derivation.scope.symbols.get(name)
        if symbol is not None:
            by_value[sp.Integer(int(value))] = symbol
    used, pending = set(), [e for e in exprs if e is not None]
    while pending:
        e = pending.pop()
        for target, rhs in definitions.items():
            if target not in used and e.has(target):
                used.add(target)
                pending.append(rhs)
    for target in used:
        rhs = definitions[target]
        for node in rhs.atoms(sp.Sum, sp.Product):
            limits = [(v, lo, by_value.get(hi, hi)) for v, lo, hi in node.limits]
            rhs = rhs.xreplace({node: node.func(node.function, *limits)})
        definitions[target] = rhs


def sides(derivation: Derivation) -> list[tuple]:
    """(source, target) of each step as the checker compares them: a continued step starts
    from the previous step's right side."""
    out, previous = [], None
    for step in derivation.steps:
        source = previous if step.continues else step.lhs
        out.append(_relation_sides(step, source))
        previous = step.rhs
    return out


def _relation_sides(step, source) -> tuple:
    """Sides whose equality says what the step claims: ``a \\le b`` holds exactly where
    max(a, b) = b. An implication (it holds where its premise does) and a proportionality are
    not judged by values here: (0, 0)."""
    relation = getattr(step, "relation", "=")
    if getattr(step, "follows", None) or relation == "propto" or source is None:
        return (sp.Integer(0), sp.Integer(0)) if source is not None else (source, step.rhs)
    if relation in ("<", "<="):
        return (sp.Max(source, step.rhs), step.rhs)
    if relation in (">", ">="):
        return (sp.Max(source, step.rhs), source)
    return (source, step.rhs)


# -- writing out sums and products ---------------------------------------------------------------


def expand(expr):
    """Evaluate ``expr`` with sums and products of concrete bounds written out."""
    if not isinstance(expr, sp.Basic) or not expr.args:
        return expr
    if isinstance(expr, sp.Indexed):
        return expr.base[tuple(expand(i) for i in expr.indices)]
    if isinstance(expr, (sp.Sum, sp.Product)):
        # The last limit is the outermost: write it out, then the sum inside for each value.
        kind = type(expr)
        var, lo, hi = expr.limits[-1]
        inner = kind(expr.function, *expr.limits[:-1]) if len(expr.limits) > 1 else expr.function
        lo, hi = expand(lo), expand(hi)
        if not (lo.is_Rational and hi.is_Rational):
            raise Unevaluable("a sum with a symbolic bound")
        # the integers between the bounds (README: \sum_{k=1}^{5/2} is over k = 1, 2); none
        # when the upper bound is below the lower one (an empty sum, not Karr's convention)
        lo, hi = sp.ceiling(lo), sp.floor(hi)
        if hi - lo > 2000:
            raise Unevaluable("a sum too long to write out")
        terms = [expand(inner.xreplace({var: sp.Integer(i)})) for i in range(int(lo), int(hi) + 1)]
        return sp.Add(*terms) if kind is sp.Sum else sp.Mul(*terms)
    if isinstance(expr, sp.Derivative):
        return expand(expr.doit())
    return expr.func(*[expand(a) for a in expr.args])


class Unevaluable(Exception):
    pass


def members_outside(expr, derivation: Derivation, counts=(2, 3, 5, 6, 7)) -> list:
    """The members of declared one-index families that ``expr`` writes outside their declared
    range at some value of the counts (the symbols of the ranges' bounds, all set to each of
    ``counts`` in turn), as (member, count); the judge's own reading, independent of eqchain:
    ``\\sum_{k=1}^{K+1} y_k`` of y_1..y_K writes y_3 at K = 2, outside 1..2."""
    families = {
        f.base: f.ranges[0]
        for f in derivation.scope.families.values()
        if len(f.indices) == 1 and len(f.ranges) == 1
    }
    symbols = set()
    for lo, hi in families.values():
        symbols |= sp.sympify(lo).free_symbols | sp.sympify(hi).free_symbols
    out = []
    for c in counts:
        put = {x: sp.Integer(c) for x in symbols}
        try:
            written = expand(expr.xreplace(put))
        except Unevaluable:
            continue
        for m in written.atoms(sp.Indexed) if isinstance(written, sp.Basic) else ():
            if m.base not in families or len(m.indices) != 1 or not m.indices[0].is_Integer:
                continue
            lo, hi = (sp.sympify(b).xreplace(put) for b in families[m.base])
            if lo.is_Integer and hi.is_Integer and not lo <= m.indices[0] <= hi:
                out.append((m, c))
    return out


# -- drawing values ----------------------------------------------------------------------------


def _rational(rng: random.Random, scale) -> sp.Rational:
    return sp.Rational(rng.randint(1, 60), rng.choice([7, 8, 11, 13, 16, 19])) * scale


def draw(atom, rng: random.Random, scale=1):
    """A value for ``atom`` that satisfies its declared assumptions."""
    if atom.is_integer:
        if atom.is_positive:
            return sp.Integer(rng.randint(1, 6))
        if atom.is_nonnegative:
            return sp.Integer(rng.randint(0, 6))
        if atom.is_negative:
            return sp.Integer(-rng.randint(1, 6))
        return sp.Integer(rng.randint(-4, 6))
    if atom.is_positive:
        return _rational(rng, scale)
    if atom.is_nonnegative:
        return sp.Integer(0) if rng.random() < 0.2 else _rational(rng, scale)
    if atom.is_negative:
        return -_rational(rng, scale)
    if atom.is_nonpositive:
        return sp.Integer(0) if rng.random() < 0.2 else -_rational(rng, scale)
    if atom.is_nonzero and atom.is_real:
        return _rational(rng, scale) * rng.choice([1, -1])
    if atom.is_real:
        if rng.random() < 0.15:
            return sp.Integer(0)
        return _rational(rng, scale) * rng.choice([1, -1])
    # No assumption: a complex number.
    return _rational(rng, scale) * rng.choice([1, -1]) + sp.I * _rational(rng, 1) * rng.choice(
        [1, -1]
    )


def satisfies(atom, value) -> bool:
    """``value`` meets every assumption declared for ``atom`` (proved, not guessed)."""
    for name in ("positive", "nonnegative", "negative", "nonpositive", "integer", "nonzero"):
        if getattr(atom, f"is_{name}") and getattr(value, f"is_{name}") is not True:
            return False
    if atom.is_real and value.is_real is not True:
        return False
    return True


def replace_free(expr, mapping: dict):
    """Replace the free occurrences of ``mapping``'s keys (a bound variable of a sum or product
    with the same name stays), without any other change."""
    if not mapping or not isinstance(expr, sp.Basic):
        return expr
    if expr in mapping:
        return mapping[expr]
    if not expr.args:
        return expr
    if isinstance(expr, (sp.Sum, sp.Product)):
        inner = {k: v for k, v in mapping.items() if k not in set(expr.variables)}
        limits = [
            (v, replace_free(lo, inner), replace_free(hi, inner)) for v, lo, hi in expr.limits
        ]
        return expr.func(replace_free(expr.function, inner), *limits)
    return expr.func(*[replace_free(a, mapping) for a in expr.args])


def integer_symbols(exprs) -> list:
    """Integer symbols with a free occurrence (counts such as K, free indices such as k)."""
    out = set()
    for e in exprs:
        labels = {a.base.label for a in e.atoms(sp.Indexed)}
        # SymPy counts the k of d/dy_k as bound, but it is the family's free index: once the
        # derivative is carried out, k is free (KroneckerDelta(j, k)) and must lie in range.
        variables = {s for d in e.atoms(sp.Derivative) for v in d.variables for s in v.free_symbols}
        for s in (e.free_symbols | variables) - labels:
            if isinstance(s, sp.Symbol) and s.is_integer:
                out.add(s)
    return sorted(out, key=str)


def free_atoms(exprs) -> list:
    out, labels = set(), set()
    for e in exprs:
        indexed = e.atoms(sp.Indexed)
        out |= indexed
        labels |= {a.base.label for a in indexed}
        out |= {s for s in e.free_symbols if isinstance(s, sp.Symbol)}
    return sorted(out - labels, key=str)


@dataclass(frozen=True)
class Point:
    values: dict
    lhs: object  # exact closed forms
    rhs: object
    inside: bool = True  # every condition of the domain holds there (proved for the numbers)


def _range(index, ctx: Context, ints: dict):
    """The concrete (lo, hi) of a family index once the counts are chosen, or None."""
    lo, hi = None, None
    known = {**ctx.values, **ints}
    for a, b in ctx.ranges.get(index, ()):
        a, b = replace_free(a, known), replace_free(b, known)
        if not (a.is_Integer and b.is_Integer):
            return None
        lo = int(a) if lo is None else max(lo, int(a))
        hi = int(b) if hi is None else min(hi, int(b))
    return None if lo is None or hi < lo else (lo, hi)


def point(a, b, ctx: Context, rng: random.Random, integers: dict | None = None, domain=()):
    """Values for every quantity in ``a = b`` (and the givens) satisfying the assumptions and
    the givens; None when none was found in a few tries. A free index in ``a = b`` takes one
    value of its range; a given with a free index holds for every value of its range.
    ``domain``: conditions ``(pred, expr)``; ``Point.inside`` says whether all hold there."""
    a, b = ctx.unfold(a).xreplace(ctx.values), ctx.unfold(b).xreplace(ctx.values)
    domain = [(p, ctx.unfold(e).xreplace(ctx.values)) for p, e in domain]
    givens = [
        (ctx.unfold(g).xreplace(ctx.values), ctx.unfold(h).xreplace(ctx.values))
        for g, h in ctx.givens
    ]
    exprs = [a, b] + [x for g in givens for x in g] + [e for _, e in domain]
    ints = dict(integers or {})
    for s in integer_symbols(exprs):
        if s not in ints and s not in ctx.ranges:
            ints[s] = draw(s, rng)
    for s in integer_symbols(exprs):  # counts that bound the range of a free index
        for lo, hi in ctx.ranges.get(s, ()):
            for c in (lo.free_symbols | hi.free_symbols) - set(ints) - set(ctx.values):
                ints[c] = draw(c, rng)
    for s in integer_symbols([a, b] + [e for _, e in domain]):
        if s not in ints:
            bounds = _range(s, ctx, ints)
            if bounds is None:
                return None  # an empty range: the claim says nothing about such a k
            ints[s] = sp.Integer(rng.randint(*bounds))
    bound = ctx.values  # values bound by "where" apply to the written-out members too
    try:
        A = expand(replace_free(a, ints)).xreplace(bound)
        B = expand(replace_free(b, ints)).xreplace(bound)
        D = [(p, expand(replace_free(e, ints)).xreplace(bound)) for p, e in domain]
        G = []
        for g, h in givens:
            free = [s for s in integer_symbols([g, h]) if s in ctx.ranges]
            fixed = {k: v for k, v in ints.items() if k not in free}
            g, h = replace_free(g, fixed), replace_free(h, fixed)
            for values in _instances(free, ctx, ints):
                G.append(
                    (
                        expand(replace_free(g, values)).xreplace(bound),
                        expand(replace_free(h, values)).xreplace(bound),
                    )
                )
    except Unevaluable:
        return None
    atoms = free_atoms([A, B] + [x for g in G for x in g] + [e for _, e in D])
    if any(isinstance(x, sp.Indexed) and not all(i.is_Integer for i in x.indices) for x in atoms):
        return None
    for _ in range(20):
        scale = rng.choice([1, 1, sp.Rational(1, 4), sp.Rational(1, 20)])
        values = {x: draw(x, rng, scale) for x in atoms}
        if _solve_givens(G, atoms, values):
            full = {**ints, **values}
            inside = all(_meets(p, e.xreplace(values)) for p, e in D)
            try:
                sides = A.xreplace(values), B.xreplace(values)
            except (ValueError, TypeError):  # Max of a complex value: an order not judged here
                continue
            return Point(full, *sides, inside)
    return None


def _meets(pred: str, v) -> bool:
    """A closed value meets a domain condition: decided exactly for rationals, else at two
    precisions (a value too close to zero to tell counts as not meeting it)."""
    if v.free_symbols or v.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
        return False
    if not v.is_Rational:
        try:
            lo, hi = sp.N(v, LOW), sp.N(v, HIGH)
        except (ValueError, TypeError, ZeroDivisionError, OverflowError, RecursionError):
            return False
        if abs(hi) < sp.Float(10) ** -(LOW - 10) or abs(hi - lo) > abs(hi) * sp.Float(10) ** -10:
            return False
        v = hi
    if pred == "nonzero":
        return v != 0
    re_, im = v.as_real_imag()
    if im != 0:
        return False
    if pred == "positive":
        return re_ > 0
    if pred == "nonnegative":
        return re_ >= 0
    return True


def _instances(free, ctx: Context, ints: dict, limit: int = 200):
    """Every assignment of values in range to the free indices ``free``."""
    combos = [{}]
    for s in free:
        bounds = _range(s, ctx, ints)
        if bounds is None:
            raise Unevaluable(f"the range of {s} is not concrete")
        combos = [{**c, s: sp.Integer(v)} for c in combos for v in range(bounds[0], bounds[1] + 1)]
        if len(combos) > limit:
            raise Unevaluable("too many instances of a given")
    return combos


def _solve_givens(givens, atoms, values) -> bool:
    """Put in ``values`` the quantities the givens determine (solved for once, symbolically,
    then evaluated at the drawn values); False when they fail the assumptions."""
    if not givens:
        return True
    solutions = _solutions(tuple(givens), tuple(atoms))
    for solution in solutions:
        found = {}
        for unknown, expr in solution.items():
            value = expr.xreplace(values)
            if value.free_symbols or not value.is_number or not satisfies(unknown, value):
                break
            found[unknown] = value
        else:
            trial = {**values, **found}
            if all(_is_zero((g - h).xreplace(trial)) for g, h in givens):
                values.update(found)
                return True
    return False


def _is_zero(v) -> bool:
    if v.is_Rational:
        return v == 0
    try:
        return abs(sp.N(v, LOW)) < sp.Float(10) ** -(LOW - 10)
    except (TypeError, ValueError):
        return False


@lru_cache(maxsize=512)
def _solutions(givens: tuple, atoms: tuple) -> tuple:
    """Solutions of the givens for one unknown each (distinct atoms that are not integers,
    preferring those met in the fewest givens), as dicts unknown -> expression in the others."""
    eqs = [sp.expand(g - h) for g, h in givens]
    count = {a: sum(1 for e in eqs if e.has(a)) for a in atoms}
    options = [
        sorted(
            (a for a in atoms if e.has(a) and not a.is_integer), key=lambda a: (count[a], str(a))
        )
        for e in eqs
    ]
    owner: dict = {}  # atom -> equation: a matching, found by augmenting paths

    def assign(i: int, seen: set) -> bool:
        for a in options[i]:
            if a in seen:
                continue
            seen.add(a)
            if a not in owner or assign(owner[a], seen):
                owner[a] = i
                return True
        return False

    if not all(assign(i, set()) for i in range(len(eqs))):
        return ()
    unknowns = sorted(owner, key=lambda a: owner[a])
    try:
        with _alarm(5):
            solved = sp.solve(eqs, unknowns, dict=True)
    except (_SolveTimeout, NotImplementedError, ValueError, TypeError, RecursionError):
        return ()
    return tuple(s for s in solved if set(s) == set(unknowns))


class _SolveTimeout(Exception):
    pass


@contextmanager
def _alarm(seconds: int):
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum, frame):
        raise _SolveTimeout()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# -- comparing ---------------------------------------------------------------------------------


def _numeric(v):
    """``v`` at LOW and HIGH digits, or None when it is not a finite number; raises Unsure."""
    try:
        lo, hi = _with_integrals(v, LOW), _with_integrals(v, HIGH)
    except (ValueError, TypeError, ZeroDivisionError, OverflowError, RecursionError) as err:
        raise Unevaluable(str(err)) from None
    for n in (lo, hi):
        if n.free_symbols:
            raise Unevaluable("a value is left open")
        if n.has(sp.Integral):  # an integral of an undefined function, p(x): not judged
            raise Unevaluable("an integral is left open")
        if not n.is_number or n.has(sp.nan, sp.zoo, sp.oo, -sp.oo) or n.is_finite is False:
            return None
    return lo, hi


def _with_integrals(v, dps: int):
    """``v`` at ``dps`` digits, each definite integral computed here by mpmath's quadrature
    (SymPy's own numerical integration can take minutes at these precisions); Unevaluable when
    a quadrature is not trustworthy (a large error estimate, an integrand still growing far
    out: a divergent integral)."""
    if not v.has(sp.Integral):
        return sp.N(v, dps)

    def visit(node):
        if not isinstance(node, sp.Basic) or not node.args:
            return node
        if isinstance(node, sp.Integral):
            return _quadrature(node, dps)
        return node.func(*[visit(a) for a in node.args])

    return sp.N(visit(v), dps)


_QUADRATURES: dict = {}  # (integral with its values put in, precision) -> value or Unevaluable
_QUADRATURES_MAX = 20_000


def _quadrature(node, dps: int):
    """:func:`_quadrature_computed`, remembered for the rest of the process: the judge meets
    the same integral at the same point again (the unchanged side of each mutant of a step, the
    same step judged with the same seed by several tests), and a quadrature is a pure function
    of the integral and the precision. A failure other than Unevaluable (a time limit's alarm)
    is not remembered."""
    key = (node, dps <= LOW)
    if key not in _QUADRATURES:
        if len(_QUADRATURES) >= _QUADRATURES_MAX:
            _QUADRATURES.clear()
        try:
            _QUADRATURES[key] = _quadrature_computed(node, dps)
        except Unevaluable as err:
            _QUADRATURES[key] = err
    value = _QUADRATURES[key]
    if isinstance(value, Unevaluable):
        raise Unevaluable(*value.args)
    return value


def _quadrature_computed(node, dps: int):
    # Quadrature at 80 digits takes seconds a point: 25 and 35 digits tell a difference (stable
    # between the two) as well; equality is then never concluded (the difference left, about
    # 1e-25, is neither EQUAL's 1e-60 nor DIFFERENT's 1e-20): "unsure"
    dps = 25 if dps <= LOW else 35
    if any(len(limit) != 3 for limit in node.limits):
        raise Unevaluable("an indefinite integral")
    variables = [limit[0] for limit in node.limits]
    if node.function.free_symbols - set(variables) or node.has(sp.Derivative):
        raise Unevaluable("an integral is left open")
    if node.atoms(sp.core.function.AppliedUndef):  # an undefined function, p(x): not judged
        raise Unevaluable("an integral is left open")
    bounds = []
    with mpmath.workdps(dps + 10):
        for _, lo, hi in node.limits:
            if lo.free_symbols or hi.free_symbols:
                raise Unevaluable("an integral over a range that depends on another")
            bounds.append([_mp_bound(lo, dps), _mp_bound(hi, dps)])
        if node.function.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
            raise Unevaluable("an integrand that is not finite")  # 1/s at s = 0
        try:
            # the integrand's numbers (sqrt(2*pi), log(3)) evaluated once, not at each point
            f = sp.lambdify(variables, node.function.evalf(dps + 10), "mpmath")
        except (KeyError, NameError, TypeError, ValueError):
            raise Unevaluable("an integrand mpmath cannot evaluate") from None
        for n, (lo, hi) in enumerate(bounds):
            for end in (lo, hi):
                if mpmath.isinf(end):
                    point = [mpmath.mpf(0)] * len(bounds)
                    point[n] = mpmath.mpf(10) ** 4 if end > 0 else -(mpmath.mpf(10) ** 4)
                    try:
                        far = abs(f(*point))
                    except (ValueError, ZeroDivisionError, OverflowError, TypeError, NameError):
                        raise Unevaluable("an integrand that cannot be evaluated") from None
                    if not mpmath.isfinite(far) or far > mpmath.mpf(10) ** -8:
                        raise Unevaluable("an integrand that does not decay")
        if len(bounds) == 1:  # split at the integrand's peak: quadrature finds it there
            lo, hi = bounds[0]
            peak = _peak(f, lo, hi)
            if peak is not None:
                bounds = [[lo, peak, hi]]
        try:
            value, error = mpmath.quad(f, *bounds, error=True, maxdegree=10)
        except (ValueError, ZeroDivisionError, OverflowError, TypeError):
            raise Unevaluable("a quadrature that failed") from None
        if isinstance(value, mpmath.mpc):
            if abs(value.imag) > mpmath.mpf(10) ** -(dps - 5):
                raise Unevaluable("a complex integral")
            value = value.real
        if not mpmath.isfinite(value) or error > mpmath.mpf(10) ** -(dps - 15) * (1 + abs(value)):
            raise Unevaluable("a quadrature with a large error estimate")
        return sp.Float(value, dps)


def _peak(f, lo, hi):
    """Where |f| is largest among a coarse set of points inside (lo, hi), or None."""
    grid = [mpmath.mpf(0)] + [
        sign * mpmath.mpf(2) ** (k / mpmath.mpf(4)) for k in range(-16, 48) for sign in (1, -1)
    ]
    best, where = mpmath.mpf(-1), None
    with mpmath.workdps(15):
        for x in grid:
            if not lo < x < hi:
                continue
            try:
                size = abs(f(x))
            except (ValueError, ZeroDivisionError, OverflowError, TypeError):
                continue
            if mpmath.isfinite(size) and size > best:
                best, where = size, x
    return where


def _mp_bound(bound, dps: int):
    if bound == sp.oo:
        return mpmath.inf
    if bound == -sp.oo:
        return -mpmath.inf
    return mpmath.mpf(str(sp.N(bound, dps + 10)))


def compare_values(x, y) -> str:
    """EQUAL, DIFFERENT, UNDEFINED (one side is not a finite number, the other is),
    BOTH_UNDEFINED or UNSURE."""
    if x.is_Rational and y.is_Rational:
        return EQUAL if x == y else DIFFERENT
    try:
        nx, ny = _numeric(x), _numeric(y)
    except Unevaluable:
        return UNSURE
    if nx is None and ny is None:
        return BOTH_UNDEFINED
    if nx is None or ny is None:
        return UNDEFINED
    (xl, xh), (yl, yh) = nx, ny
    d_lo, d_hi = abs(xl - yl), abs(xh - yh)
    scale = max(sp.Integer(1), abs(xh), abs(yh))
    if d_hi < scale * sp.Float(10) ** -(HIGH - 20) and d_lo < scale * sp.Float(10) ** -(LOW - 15):
        return EQUAL
    if d_hi > scale * sp.Float(10) ** -20 and abs(d_hi - d_lo) < d_hi * sp.Float(10) ** -10:
        return DIFFERENT
    return UNSURE


def judge(
    a,
    b,
    ctx: Context,
    seed: int = 0,
    points: int = 6,
    integer_values=(2, 3, 5, 6, 7),
    until=(),
    domain=(),
):
    """Statuses of ``a = b`` at several points: a list of EQUAL/DIFFERENT/UNDEFINED/UNSURE,
    and OUTSIDE for a point where a condition of ``domain`` (pairs ``(pred, expr)``: where the
    step says it holds) fails, which says nothing about the step. Stops early after a status in
    ``until``.

    Integer symbols (counts such as K) take each of ``integer_values`` in turn when their
    assumptions allow it. With ``until``, the list ends at the first point whose status is in
    ``until`` (the points are drawn in the same order, so the list is the full list's beginning):
    for a caller that only asks whether such a status occurs.
    """
    rng = random.Random(seed)
    out = []
    ints_all = [s for s in integer_symbols([ctx.unfold(a), ctx.unfold(b)]) if s not in ctx.ranges]
    for trial in range(points):
        integers = {}
        for s in ints_all:
            v = sp.Integer(integer_values[trial % len(integer_values)])
            integers[s] = v if satisfies(s, v) else draw(s, rng)
        p = point(a, b, ctx, rng, integers, domain)
        if p is None:
            out.append(UNSURE)
        elif not p.inside:
            out.append(OUTSIDE)
        else:
            out.append(compare_values(p.lhs, p.rhs))
        if out[-1] in until:
            break
    return out


def verdict(statuses) -> str:
    """One answer for several points: DIFFERENT if any point differs, EQUAL if every point is
    equal (and there are at least three), else UNSURE."""
    if DIFFERENT in statuses:
        return DIFFERENT
    if statuses.count(EQUAL) == len(statuses) and len(statuses) >= 3:
        return EQUAL
    return UNSURE


# -- counterexamples ---------------------------------------------------------------------------

_INDEXED = re.compile(r"^\\?([A-Za-z]+)_\{?(-?\d+(?:,\s*-?\d+)*)\}?$")


def counterexample_values(cex, exprs) -> dict | None:
    """A counterexample's values as atom -> exact value, matched to the atoms of ``exprs``;
    None when a name cannot be matched or a value cannot be read."""
    symbols = {s.name: s for e in exprs for s in e.free_symbols if isinstance(s, sp.Symbol)}
    printed = {_printed(s): s for s in symbols.values()}
    bases = {str(b.label): b for e in exprs for b in e.atoms(sp.IndexedBase)}
    out = {}
    for name, text in cex.values:
        while name.startswith("{") and name.endswith("}"):
            name = name[1:-1]
        m = _INDEXED.match(name)
        if m and m.group(1) in bases:
            atom = bases[m.group(1)][tuple(int(i) for i in m.group(2).split(","))]
        elif name.lstrip("\\") in symbols:
            atom = symbols[name.lstrip("\\")]
        elif name in printed:  # a name eqchain prints its own way: m_1 as m_{\\text{1}}
            atom = printed[name]
        else:
            return None
        if not re.fullmatch(r"-?\d+(/\d+)?", text.strip()):
            return None
        out[atom] = sp.Rational(text.strip())
    return out


def _printed(symbol) -> str:
    from eqchain.latex.printer import latex

    return latex(symbol)


def check_counterexample(cex, a, b, ctx: Context) -> str:
    """Why ``cex`` does not refute ``a = b`` under ``ctx``, or "" when it does: its values meet
    the assumptions and the givens, and the two sides really differ there."""
    a, b = ctx.unfold(a).xreplace(ctx.values), ctx.unfold(b).xreplace(ctx.values)
    givens = [
        (ctx.unfold(g).xreplace(ctx.values), ctx.unfold(h).xreplace(ctx.values))
        for g, h in ctx.givens
    ]
    exprs = [a, b] + [x for g in givens for x in g]
    values = counterexample_values(cex, [e for e in exprs] + [expand_or_same(e) for e in exprs])
    if values is None:
        return f"cannot read the counterexample {cex.values}"
    for atom, v in values.items():
        if not satisfies(atom, v):
            return f"{atom} = {v} violates its assumptions"
    ints = {s: v for s, v in values.items() if isinstance(s, sp.Symbol) and s.is_integer}
    bound = ctx.values
    try:
        A = expand(replace_free(a, ints)).xreplace(bound)
        B = expand(replace_free(b, ints)).xreplace(bound)
        G = []
        for g, h in givens:
            free = [s for s in integer_symbols([g, h]) if s in ctx.ranges]
            fixed = {k: v for k, v in ints.items() if k not in free}
            try:
                instances = _instances(free, ctx, fixed)
            except Unevaluable:
                # The range is open (no count in the counterexample): the given binds the members
                # shown; the others can be chosen to meet it.
                if not all(s in ints for s in free):
                    raise
                instances = [{s: ints[s] for s in free}]
            for inst in instances:
                m = {**fixed, **inst}
                G.append(
                    (
                        expand(replace_free(g, m)).xreplace(bound),
                        expand(replace_free(h, m)).xreplace(bound),
                    )
                )
    except Unevaluable as err:
        return f"cannot evaluate: {err}"
    for g, h in G:
        if sp.simplify((g - h).xreplace(values)) != 0:
            return "a given does not hold at the counterexample"
    A, B = A.xreplace(values), B.xreplace(values)
    if A.free_symbols or B.free_symbols:
        return f"the counterexample leaves {A.free_symbols | B.free_symbols} open"
    status = compare_values(A, B)
    if status != DIFFERENT:
        return f"the sides do not differ there ({status}: {A} vs {B})"
    return ""


def contradicted_bindings(cex, ctx: Context) -> str:
    """The values of ``cex`` that contradict a value bound by ``where``, as text ("" if none)."""
    names = {}
    for atom in ctx.values:
        if isinstance(atom, sp.Indexed):
            names[(str(atom.base.label), tuple(int(i) for i in atom.indices))] = atom
        else:
            names[(str(atom), ())] = atom
    out = []
    for name, text in cex.values:
        while name.startswith("{") and name.endswith("}"):
            name = name[1:-1]
        m = _INDEXED.match(name)
        key = (
            (m.group(1), tuple(int(i) for i in m.group(2).split(",")))
            if m
            else (name.lstrip("\\"), ())
        )
        atom = names.get(key)
        if atom is None or not re.fullmatch(r"-?\d+(/\d+)?", text.strip()):
            continue
        bound = sp.sympify(ctx.values[atom], strict=True)
        if sp.Rational(text.strip()) != bound:
            out.append(f"{name} = {text} (bound to {bound})")
    return ", ".join(out)


def expand_or_same(e):
    try:
        return expand(e)
    except Unevaluable:
        return e
