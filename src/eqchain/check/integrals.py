"""Steps with integrals: proved with integrals kept whole, split by linearity, or evaluated by
SymPy; refuted by numerical quadrature.

A step whose sides hold an ``Integral`` is decided here rather than by ``simplify`` (which
evaluates integrals by itself, with conditions it does not report). Three proofs are tried, in
order; each proves the two sides equal with every integral left as an opaque quantity:

1. ``algebra``: the integrals as they stand (``2 \\int f = \\int f + \\int f``).
2. ``integral_linear``: each definite integral split over the terms of its integrand, constant
   factors taken out. Splitting needs every piece to converge: established only for a piece that
   SymPy evaluates to a finite value under established conditions; otherwise the step is
   ``unknown``, naming the piece.
3. ``integral_evaluate``: definite integrals replaced by their values from ``sp.integrate``
   (``conds="separate"``). A value is used only when it is finite and holds no integral, no
   ``nan``, no interval (``AccumBounds``); the convergence condition SymPy returns with it must
   be established from the declared assumptions, otherwise the step is ``unknown`` naming it.
   Indefinite integrals are never evaluated (an antiderivative is known up to a constant).

A step none of them proves is refuted only by quadrature: values satisfying the declared
assumptions, every integral computed with mpmath at two precisions, each with a small error
estimate, and a difference stable between the two.
"""

from __future__ import annotations

import random

import mpmath
import sympy as sp

from eqchain.check.equivalence import prove_equal
from eqchain.latex.printer import latex
from eqchain.model import Counterexample, StepResult, Verdict
from eqchain.tree import canonical

PRECISIONS = (30, 60)
TRIALS = 6


def has_integral(*exprs) -> bool:
    return any(isinstance(e, sp.Basic) and e.has(sp.Integral) for e in exprs)


def integral_step(step, lhs, rhs, side_conditions, warnings, facts, values, givens, domain=None):
    """The verdict on ``lhs = rhs`` when either side holds an integral, else None.

    ``side_conditions`` are the step's other conditions (definedness), decided as for any
    step; ``givens`` are pairs (a, b) of earlier equations (a counterexample is sought only
    when none of them mentions a symbol of the step)."""
    if not has_integral(lhs, rhs):
        return None
    from eqchain.check import engine  # the engine imports this module

    ranges = facts.ranges
    values_of: dict = {}
    side_conditions = _outside_integrals(side_conditions, lhs, rhs)
    first_unknown = None
    pointwise = _same_range_integrands(lhs, rhs)
    if pointwise is not None and prove_equal(*_opaque(*pointwise, givens), ranges) is not None:
        simpler, other = sorted((lhs, rhs), key=sp.count_ops)  # the simpler one first
        needs = _convergence(simpler, sp.Integer(0), values_of, "integral_integrand")
        if needs:
            needs = _convergence(other, sp.Integer(0), values_of, "integral_integrand")
        if not needs:
            return engine._decide(
                step, ["integral_integrand"], side_conditions, warnings, values, facts, domain
            )
        first_unknown = _unknown(step, ["integral_integrand"], needs, warnings)
    attempts = [
        (["algebra"], lhs, rhs, []),
        (["integral_linear"], *_split_both(lhs, rhs, values_of)),
        (["integral_evaluate"], *_evaluate_both(lhs, rhs, values_of)),
    ]
    for rules, left, right, needs in attempts:
        if left is None:
            continue
        needs = _unique(needs + _convergence(left, right, values_of, rules[0]))
        opaque_left, opaque_right, opaque_givens = _opaque(left, right, givens)
        how = prove_equal(opaque_left, opaque_right, opaque_givens, ranges)
        if how is None:
            continue
        used = rules if how == "algebra" else [*rules, how]
        if not needs:
            return engine._decide(step, used, side_conditions, warnings, values, facts, domain)
        if first_unknown is None:
            first_unknown = _unknown(step, used, needs, warnings)
    if first_unknown is not None:
        return first_unknown
    cex = quadrature_counterexample(lhs, rhs, givens)
    if cex is not None:
        return StepResult(
            step, Verdict.REFUTED, (), "the two sides differ (numerical quadrature)", cex,
            tuple(warnings),
        )  # fmt: skip
    return StepResult(
        step,
        Verdict.UNKNOWN,
        (),
        "no symbolic proof found (integrals kept whole, split, evaluated) and no counterexample",
        None,
        tuple(warnings),
    )


def _unknown(step, rules, needs, warnings) -> StepResult:
    reason = "; ".join(f"{rule} needs {text}" for rule, text in needs)
    return StepResult(step, Verdict.UNKNOWN, tuple(rules), reason, warnings=tuple(warnings))


def _same_range_integrands(lhs, rhs):
    """The two integrands when both sides are one definite integral over the same range (the
    second's variables renamed to the first's), else None: equal integrands give equal
    integrals, and one side converging makes the other converge."""
    if not (isinstance(lhs, sp.Integral) and isinstance(rhs, sp.Integral)):
        return None
    if not (_definite(lhs) and _definite(rhs)) or len(lhs.limits) != len(rhs.limits):
        return None
    renaming = {}
    for (v, a, b), (w, c, d) in zip(lhs.limits, rhs.limits, strict=True):
        if a != c or b != d:
            return None
        renaming[w] = v
    return lhs.function, rhs.function.xreplace(renaming)


def _outside_integrals(side_conditions, lhs, rhs) -> list:
    """The step's conditions without those about an integrand or a limit of integration
    (``x \\neq 0`` inside ``\\int_{-1}^{1} \\frac{dx}{x}``, ``\\infty`` finite): an integral
    is defined when it converges, which :func:`_convergence` asks for instead."""
    from eqchain.check.rewrite import definedness

    variables = {v for e in (lhs, rhs) for i in e.atoms(sp.Integral) for v in i.variables}
    outside = {c for side in _opaque(lhs, rhs)[:2] for _, c in definedness(side)}
    return [
        entry  # (rule, (pred, expr)) or, with its domain key, (rule, (pred, expr), key)
        for entry in side_conditions
        if entry[1] in outside
        or (not entry[1][1].has(sp.oo, -sp.oo) and not entry[1][1].free_symbols & variables)
    ]


def _convergence(left, right, values_of: dict, rule: str) -> list:
    """(rule, text) for each definite integral in the two sides whose
    convergence is not established (by a finite value from SymPy under established
    conditions)."""
    needs = []
    for side in (left, right):
        for node in side.atoms(sp.Integral):
            if not _definite(node):
                continue
            value, condition = _evaluated(node, values_of)
            if value is None or condition is not None:
                needs.append((rule, f"{latex(node)} to converge"))
    return needs


# -- linearity -------------------------------------------------------------------------------


def _split_both(lhs, rhs, values_of: dict):
    """Both sides with every definite integral split over its integrand's terms, and the
    convergence each piece needs (as ("integral_linear", text) for each not established).
    (None, None, []) when nothing splits."""
    pieces: list = []
    left, right = _split(lhs, pieces), _split(rhs, pieces)
    if not pieces:
        return None, None, []
    return left, right, []


def _split(expr, pieces: list):
    def visit(node):
        if not isinstance(node, sp.Integral) or not _definite(node):
            return node
        variables = set(node.variables)
        terms = sp.Add.make_args(sp.expand(node.function))
        if len(terms) == 1 and _constant_part(terms[0], variables)[0] == 1:
            return node
        out = []
        for term in terms:
            constant, rest = _constant_part(term, variables)
            piece = sp.Integral(rest, *node.limits)
            pieces.append(piece)
            out.append(constant * piece)
        return sp.Add(*out)

    return _bottom_up(expr, visit)


def _constant_part(term, variables):
    constant, rest = [], []
    for factor in sp.Mul.make_args(term):
        (rest if factor.free_symbols & variables else constant).append(factor)
    return sp.Mul(*constant), sp.Mul(*rest)


# -- evaluation --------------------------------------------------------------------------------


def _evaluate_both(lhs, rhs, values_of: dict):
    """Both sides with each definite integral SymPy can evaluate replaced by its value, and the
    conditions of those values that are not established."""
    needs: list = []
    changed = [False]

    def visit(node):
        if not isinstance(node, sp.Integral) or not _definite(node):
            return node
        value, condition = _evaluated(node, values_of)
        if value is None:
            return node
        changed[0] = True
        if condition is not None:
            needs.append(("integral_evaluate", f"{latex(condition)} (for {latex(node)})"))
        return value

    left, right = _bottom_up(lhs, visit), _bottom_up(rhs, visit)
    if not changed[0]:
        return None, None, []
    return left, right, _unique(needs)


def _evaluated(integral, cache: dict):
    """(value, condition not established or None) for a definite integral SymPy evaluates to a
    finite closed form; (None, None) otherwise."""
    key = canonical(integral)
    if key in cache:
        return cache[key]
    result = (None, None)
    try:
        out = sp.integrate(_centered(integral), *integral.limits, conds="separate")
        value, condition = out if isinstance(out, tuple) else (out, sp.true)
        undefined = _undefined(value) if _usable(value) else None
        if undefined is not None:
            condition = _refined(sp.And(condition, *undefined))
            result = (value, None if condition is sp.true else condition)
    except Exception:  # noqa: BLE001 - SymPy could not integrate: the integral stays whole
        result = (None, None)
    cache[key] = result
    return result


def _centered(integral):
    """The integrand, for one variable over the whole line with one Gaussian factor
    ``exp(a x^2 + b x + c)``, shifted by ``-b/(2a)`` (the integral over the line does not
    change); SymPy integrates the centred form quickly and plainly. Otherwise as it is."""
    f = integral.function
    if len(integral.limits) != 1 or integral.limits[0][1:] != (-sp.oo, sp.oo):
        return f
    x = integral.limits[0][0]
    g = sp.powsimp(f, combine="exp")
    exps = [e for e in g.atoms(sp.exp) if e.has(x)]
    if len(exps) != 1 or not exps[0].args[0].is_polynomial(x):
        return f
    poly = sp.Poly(sp.expand(exps[0].args[0]), x)
    if poly.degree() != 2:
        return f
    a, b = poly.coeff_monomial(x**2), poly.coeff_monomial(x)
    return sp.expand(g.xreplace({x: x - b / (2 * a)}))


def _undefined(value):
    """The conditions (SymPy relations) under which SymPy's value is defined that the
    assumptions do not establish (it may divide by a parameter, b in 1/b, that it silently
    took nonzero); None when one cannot be written as a relation."""
    from eqchain.check import conditions as cond
    from eqchain.check.rewrite import definedness

    out = []
    for _, (pred, expr) in definedness(value):
        if cond.holds(pred, expr):
            continue
        relation = {"nonzero": sp.Ne, "positive": sp.Gt, "nonnegative": sp.Ge}.get(pred)
        if relation is None:
            return None
        out.append(relation(expr, 0))
    return out


def _usable(value) -> bool:
    if not isinstance(value, sp.Expr) or value.has(sp.Integral, sp.AccumBounds, sp.Piecewise):
        return False
    if value.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
        return False
    return not value.atoms(sp.Limit)


def _refined(condition):
    if condition is sp.true or condition == sp.true:
        return sp.true
    try:
        refined = sp.refine(condition)
    except Exception:  # noqa: BLE001 - not established
        return condition
    return sp.true if refined is sp.true else condition


def _definite(node) -> bool:
    return all(len(limit) == 3 for limit in node.limits)


# -- integrals as opaque quantities -------------------------------------------------------------


def _opaque(left, right, givens=()):
    """Both sides and the earlier equations with each integral replaced by one symbol (the
    same integral, the same symbol), so that nothing downstream evaluates it."""
    names: dict = {}

    def visit(node):
        if isinstance(node, sp.Integral):
            key = canonical(node)
            if key not in names:
                names[key] = sp.Dummy(f"I{len(names)}")
            return names[key]
        return node

    opaque_givens = [(_bottom_up(a, visit), _bottom_up(b, visit)) for a, b in givens]
    return _bottom_up(left, visit), _bottom_up(right, visit), opaque_givens


def _bottom_up(expr, visit):
    if not isinstance(expr, sp.Basic) or not expr.args or isinstance(expr, (sp.Symbol, sp.Indexed)):
        return visit(expr)
    if isinstance(expr, sp.Integral):
        return visit(expr)  # an integral is replaced as a whole (its integrand may be split)
    args = tuple(_bottom_up(a, visit) for a in expr.args)
    return visit(expr.func(*args) if args != expr.args else expr)


def _unique(items):
    out = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


# -- refutation by quadrature ------------------------------------------------------------------


def quadrature_counterexample(lhs, rhs, givens=(), seed: int = 0, trials: int = TRIALS):
    """Values satisfying the declared assumptions at which the two sides, every integral
    computed by mpmath's quadrature, differ stably at 30 and 60 digits; or None.

    Nothing is reported for sides with functions, families or sums, for a step whose symbols an
    earlier equation constrains, or where a quadrature's error estimate is not small."""
    symbols = sorted(lhs.free_symbols | rhs.free_symbols, key=lambda s: s.name)
    if any(e.atoms(sp.Indexed, sp.core.function.AppliedUndef, sp.Sum) for e in (lhs, rhs)):
        return None
    for a, b in givens:
        if (a.free_symbols | b.free_symbols) & set(symbols):
            return None
    rng = random.Random(seed)
    for _ in range(trials):
        chosen = {s: _sample(s, rng) for s in symbols}
        if any(v is None for v in chosen.values()):
            return None
        results = []
        for dps in PRECISIONS:
            sides = [_numeric(e.xreplace(chosen), dps) for e in (lhs, rhs)]
            if any(v is None for v in sides):
                break
            results.append(sides)
        if len(results) != len(PRECISIONS):
            continue
        (l30, r30), (l60, r60) = results
        d30, d60 = abs(l30 - r30), abs(l60 - r60)
        scale = max(mpmath.mpf(1), abs(l60), abs(r60))
        if d60 <= scale * mpmath.mpf(10) ** -12 or abs(d60 - d30) > d60 * mpmath.mpf(10) ** -8:
            continue
        shown = tuple((latex(s), str(v)) for s, v in chosen.items())
        return Counterexample(shown, mpmath.nstr(l60, 30), mpmath.nstr(r60, 30))
    return None


def _sample(symbol, rng: random.Random):
    """A rational value for ``symbol`` that its declared assumptions allow, or None."""
    if symbol.is_integer:
        candidates = [sp.Integer(n) for n in range(-3, 5)]
    else:
        candidates = [sp.Rational(rng.randint(1, 12), rng.randint(1, 4)) for _ in range(4)]
        candidates += [-c for c in candidates]
    rng.shuffle(candidates)
    for value in candidates:
        if _allows(symbol, value):
            return value
    return None


def _allows(symbol, value) -> bool:
    checks = {
        "positive": value > 0,
        "negative": value < 0,
        "nonnegative": value >= 0,
        "nonpositive": value <= 0,
        "nonzero": value != 0,
        "zero": value == 0,
        "integer": value.is_integer,
        "even": value.is_integer and value % 2 == 0,
        "odd": value.is_integer and value % 2 == 1,
    }
    for name, ok in checks.items():
        if getattr(symbol, f"is_{name}") is True and not ok:
            return False
    # an assumption this sampler does not know (prime, ...): do not guess
    known = {"positive", "negative", "nonnegative", "nonpositive", "nonzero", "zero", "integer"}
    known |= {"even", "odd", "real", "rational", "finite", "infinite", "extended_real"}
    return all(
        key.startswith("extended_") or key in known or key in _IMPLIED
        for key, v in symbol.assumptions0.items()
        if v is True
    )


_IMPLIED = {"commutative", "complex", "hermitian", "algebraic", "imaginary"}


def _numeric(expr, dps: int):
    """``expr`` (no free symbols but integration variables) as an mpmath number at ``dps``
    digits, each integral by quadrature; None when a quadrature is not trustworthy."""
    with mpmath.workdps(dps):
        failed = [False]

        def visit(node):
            if not isinstance(node, sp.Integral):
                return node
            value = _quadrature(node, dps)
            if value is None:
                failed[0] = True
                return node
            return sp.Float(value, dps)

        try:
            closed = _bottom_up_inner(expr, visit)
            if failed[0] or closed.free_symbols:
                return None
            value = sp.N(closed, dps)
            if not value.is_number or value.has(sp.nan, sp.zoo, sp.oo, -sp.oo, sp.I):
                return None
            return mpmath.mpf(str(value)) if value.is_real else None
        except Exception:  # noqa: BLE001 - not a number: no counterexample here
            return None


def _bottom_up_inner(expr, visit):
    if not isinstance(expr, sp.Basic) or not expr.args or isinstance(expr, sp.Symbol):
        return visit(expr)
    args = tuple(_bottom_up_inner(a, visit) for a in expr.args)
    return visit(expr.func(*args) if args != expr.args else expr)


def _quadrature(node, dps: int):
    if not _definite(node) or node.function.free_symbols - set(node.variables):
        return None
    bounds = []
    for _var, lo, hi in node.limits:
        if lo.free_symbols or hi.free_symbols:
            return None
        bounds.append([_mp(lo), _mp(hi)])
    variables = [lim[0] for lim in node.limits]
    f = sp.lambdify(variables, node.function, "mpmath")
    value, error = mpmath.quad(f, *bounds, error=True, maxdegree=10)
    if isinstance(value, mpmath.mpc):
        if abs(value.imag) > mpmath.mpf(10) ** (-dps // 2):
            return None
        value = value.real
    if not mpmath.isfinite(value) or error > mpmath.mpf(10) ** (-dps // 2) * (1 + abs(value)):
        return None
    # a value of a divergent integral (\int_{-1}^{1} dx/x cancels to 0) is no counterexample:
    # the integral of |f| must come out finite with a small error too
    with mpmath.workdps(15):
        size, size_error = mpmath.quad(lambda *t: abs(f(*t)), *bounds, error=True, maxdegree=8)
    if not mpmath.isfinite(size) or size_error > mpmath.mpf(10) ** -8 * (1 + abs(size)):
        return None
    return value


def _mp(bound):
    if bound == sp.oo:
        return mpmath.inf
    if bound == -sp.oo:
        return -mpmath.inf
    return mpmath.mpf(str(sp.N(bound, 80)))
