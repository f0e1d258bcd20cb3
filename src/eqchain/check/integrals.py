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
from dataclasses import replace

import mpmath
import sympy as sp

from eqchain.check.equivalence import prove_equal
from eqchain.densities import density_conditions, established
from eqchain.latex.printer import latex
from eqchain.model import Counterexample, StepResult, Verdict
from eqchain.tree import build, canonical, rebuild

PRECISIONS = (30, 60)
TRIALS = 6


def has_integral(*exprs) -> bool:
    return any(isinstance(e, sp.Basic) and e.has(sp.Integral) for e in exprs)


def has_indefinite_integral(*exprs) -> bool:
    r"""Whether an integral without limits (``\int f \, dx``) occurs in any of ``exprs``."""
    return any(
        isinstance(e, sp.Basic)
        and any(len(lim) == 1 for i in e.atoms(sp.Integral) for lim in i.limits)
        for e in exprs
    )


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
    claimed = antiderivative_claim(lhs, rhs)
    if claimed is not None and not any(str(k) == str(claimed[1]) for k in values):
        return _antiderivative_step(
            step, *claimed, side_conditions, warnings, facts, values, givens, domain
        )
    side_conditions = _outside_integrals(side_conditions, lhs, rhs)
    first_unknown = None
    original = (lhs, rhs)
    lhs, rhs, leibniz_needs = _differentiate_under(lhs, rhs)
    prefix = ["integral_differentiate"] if (lhs, rhs) != original else []
    resolved = _bottom_up(lhs, _piecewise_on_range), _bottom_up(rhs, _piecewise_on_range)
    if resolved != (lhs, rhs):
        lhs, rhs = resolved
        prefix.append("integral_integrand")
    inner = _inner_evaluated(lhs), _inner_evaluated(rhs)
    if inner != (lhs, rhs):
        lhs, rhs = inner
        prefix.append("integral_evaluate")
    if leibniz_needs:
        first_unknown = _unknown(
            step, prefix or ["integral_differentiate"], leibniz_needs, warnings
        )
    pointwise = _same_range_integrands(lhs, rhs)
    # an indefinite integral's variable runs over every value: a given that ties it (a + b = 2,
    # then \int (a^2 + ab) da = \int 2a da) holds at some of them only (it was verified)
    variables = {v for e in (lhs, rhs) if isinstance(e, sp.Integral) for v in e.variables}
    free_givens = [g for g in givens if not ((g[0].free_symbols | g[1].free_symbols) & variables)]
    if (
        not leibniz_needs
        and pointwise is not None
        and prove_equal(*_opaque(*pointwise, free_givens), ranges) is not None
    ):
        simpler, other = sorted((lhs, rhs), key=sp.count_ops)  # the simpler one first
        needs = _convergence(simpler, sp.Integer(0), values_of, "integral_integrand", givens)
        if needs:
            needs = _convergence(other, sp.Integer(0), values_of, "integral_integrand", givens)
        rules = _unique([*prefix, "integral_integrand"])
        if not needs:
            return engine._decide(step, rules, side_conditions, warnings, values, facts, domain)
        first_unknown = _unknown(step, rules, needs, warnings)
    # a function on one side only that no earlier row mentions: named when nothing is proved
    alone = engine._undefined_functions(lhs, rhs, facts)
    state = {
        "unknown": first_unknown is not None,
        "named": set(step.by),
        "givens": givens,
        "one_sided": _one_sided_functions(lhs, rhs, givens),
    }
    attempts = () if leibniz_needs else _attempts(lhs, rhs, values_of, ranges, state)
    for rules, left, right, needs, shown in attempts:
        if rules == ["quadrature"]:
            # a wrong step is usually refuted at the first point: SymPy's evaluation, which may
            # take seconds, is left for the steps that hold (or need more points)
            if first_unknown is None:
                cex = quadrature_counterexample(lhs, rhs, givens, trials=1, written=original)
                if cex is not None:
                    return _refuted(step, cex, warnings)
            continue
        if left is None:
            continue
        opaque_left, opaque_right, opaque_givens = _opaque(left, right, givens)
        if _unmatched(opaque_left, opaque_right, opaque_givens):
            continue
        how = prove_equal(opaque_left, opaque_right, opaque_givens, ranges)
        if how is None:
            continue
        if needs is None:  # the convergence of what the proof used
            needs = _convergence(left, right, values_of, rules[0], givens)
        elif callable(needs):
            needs = needs()
        if not needs and rules[0] in ("algebra", "integral_linear"):
            # and of every integral the step writes: pieces that cancel once split or gathered
            # (\int_0^1 \frac{1}{t} dt - \int_0^1 \frac{1}{t} dt) are no 0 where they diverge
            needs = _convergence(lhs, rhs, values_of, rules[0], givens)
        used = _unique([*prefix, *rules] + ([] if how == "algebra" else [how]))
        if not needs:
            result = engine._decide(step, used, side_conditions, warnings, values, facts, domain)
            if shown and result.verdict is Verdict.VERIFIED:
                result = replace(result, conditions=(*shown, *result.conditions))
            return result
        if first_unknown is None:
            first_unknown = _unknown(step, used, needs, warnings)
            state["unknown"] = True
    if first_unknown is not None:
        return first_unknown
    cex = quadrature_counterexample(lhs, rhs, givens, written=original)
    if cex is not None:
        return _refuted(step, cex, warnings)
    return StepResult(
        step,
        Verdict.UNKNOWN,
        (),
        "no symbolic proof found (integrals kept whole, split, evaluated) and no counterexample"
        + (alone or density_conditions(lhs, rhs)),
        None,
        tuple(warnings),
    )


ANTIDERIVATIVE = "antiderivative"


def antiderivative_claim(lhs, rhs):
    r"""(integrand, variable, F) when one side is one indefinite integral of one variable,
    ``\int f \, dx``, and the other side F holds no integral; else None."""
    for integral, other in ((lhs, rhs), (rhs, lhs)):
        if (
            isinstance(integral, sp.Integral)
            and len(integral.limits) == 1
            and len(integral.limits[0]) == 1
            and not (isinstance(other, sp.Basic) and other.has(sp.Integral))
        ):
            variable = integral.limits[0][0]
            # the integral's variable is read as its own; here it is the other side's name
            name = variable.name
            same = [s for s in other.free_symbols if isinstance(s, sp.Symbol) and s.name == name]
            if len(same) == 1:
                integrand = integral.function.xreplace({variable: same[0]})
                return integrand, same[0], other
            return integral.function, variable, other
    return None


def _antiderivative_step(
    step, integrand, variable, claimed, side_conditions, warnings, facts, values, givens, domain
):
    r"""``\int f \, dx = F``: F is an antiderivative of f, up to an additive constant. Verified
    when dF/dx is proved equal to f (with what F needs to be defined established, as for any
    right side); refuted at a point where dF/dx and f differ (no constant changes a
    derivative). The engine keeps such a row out of the facts (``is_antiderivative``)."""
    from eqchain.check import engine  # the engine imports this module
    from eqchain.check.refute import find_counterexample

    held = _not_a_real_variable(variable, claimed, facts, givens)
    if held is not None:
        return StepResult(
            step,
            Verdict.UNKNOWN,
            (),
            f"not checked as an antiderivative: {held}",
            None,
            tuple(warnings),
        )
    if claimed.has(*_BROKEN):
        return StepResult(
            step,
            Verdict.UNKNOWN,
            (),
            f"not shown that {latex(claimed)} has a derivative everywhere (a piecewise or "
            "stepped function): an antiderivative needs one",
            None,
            tuple(warnings),
        )
    derivative = sp.diff(claimed, variable)
    # an identity in the variable: no given about it may be used (it is the integral's own)
    if prove_equal(derivative, integrand, (), facts.ranges) is not None:
        real = _real_valued(claimed, variable)  # (a constant \log(-1) makes F no real one)
        conditions = list(side_conditions) + [(ANTIDERIVATIVE, c) for c in real]
        result = engine._decide(step, [ANTIDERIVATIVE], conditions, warnings, values, facts, domain)
        if result.verdict is Verdict.VERIFIED:
            shown = f"d/d{latex(variable)} of {latex(claimed)} is the integrand"
            said = (f"an antiderivative, up to a constant ({shown})", result.reason)
            result = replace(result, reason="; ".join(r for r in said if r))
        return result
    # only where the claimed antiderivative is real: \sqrt{\pi/a} at a < 0 is no real function
    inside = _real_valued(claimed) + _real_valued(integrand)
    cex = find_counterexample(
        derivative, integrand, givens, ranges=facts.ranges, values=values, domain=inside
    )
    if cex is not None:
        reason = (
            f"not an antiderivative: the derivative of {latex(claimed)} by {latex(variable)} "
            "differs from the integrand (no constant changes that); the values are the "
            "derivative's (left) and the integrand's (right) at the point shown"
        )
        return StepResult(step, Verdict.REFUTED, (), reason, cex, tuple(warnings))
    return StepResult(
        step,
        Verdict.UNKNOWN,
        (),
        f"not shown that the derivative of {latex(claimed)} by {latex(variable)} is the "
        "integrand (an indefinite integral is an antiderivative, up to a constant)",
        None,
        tuple(warnings),
    )


def _not_a_real_variable(variable, claimed, facts, givens) -> str | None:
    r"""Why x of ``\int f dx = F`` cannot be taken as a real variable running over an interval,
    or None: x read or declared an integer (a sum's bound, a family's index: cos 2 pi x would
    be 1), defined by an earlier row or fixed by a given (F's x would not be the integral's),
    or F holding a name the document lets vary with x (dy/dx = 2x: d/dx y is not 0)."""
    name = str(variable)
    if variable.is_integer or variable.is_real is not True:
        return f"{latex(variable)} is not read as a real variable here (an integer, or not real)"
    defined = {str(getattr(d, "base", d)) for d in facts.definitions}
    defined |= {str(getattr(d, "func", "")) for d in facts.definitions}
    if name in defined:
        return f"{latex(variable)} is defined by an earlier row"
    # (a defined power's equation, s^2 = x + 1, is no given: the step has it put in)
    stated = [(a, b) for a, b in givens if a not in facts.definitions]
    if any(name in {str(x) for x in a.free_symbols | b.free_symbols} for a, b in stated):
        return f"a given fixes {latex(variable)}, and the claim is for every {latex(variable)}"
    varying = {str(k) for k in facts.undefined_varying()}
    moving = sorted(str(x) for x in claimed.free_symbols if str(x) in varying and x != variable)
    if moving:
        return f"{', '.join(moving)} may vary with {latex(variable)} (a row differentiates it)"
    return None


# functions whose derivative SymPy takes piece by piece, across a jump or a kink
_BROKEN = (sp.Piecewise, sp.floor, sp.ceiling, sp.Heaviside, sp.frac, sp.Max, sp.Min)


def _real_valued(expr, variable=None) -> list:
    """What keeps ``expr`` real, the real functions' way: each logarithm's argument positive,
    each root's radicand nonnegative (log x has derivative 1/x for x < 0 too, but only as a
    complex function), each arcsin or arccos argument in [-1, 1]; and, given the ``variable``,
    differentiable by it: each absolute value's argument that varies with it nonzero (|x| has
    no derivative at 0). Conditions (pred, expression)."""
    out: list = []
    for node in sp.preorder_traversal(expr):
        if isinstance(node, sp.log):
            out.append(("positive", node.args[0]))
        elif isinstance(node, (sp.Abs, sp.sign)):
            if variable is not None and node.args[0].has(variable):
                out.append(("nonzero", node.args[0]))
        elif isinstance(node, (sp.asin, sp.acos)):
            out.append(("nonnegative", 1 - node.args[0] ** 2))  # |u| <= 1
        elif isinstance(node, sp.Pow) and node.exp.is_number and node.exp.is_integer is False:
            out.append(("nonnegative", node.base))
    return out


def is_antiderivative(result) -> bool:
    """Whether a verified step was an antiderivative (true only up to a constant)."""
    return ANTIDERIVATIVE in result.rules


def _attempts(lhs, rhs, values_of: dict, ranges, state: dict):
    """The proofs tried, in order, lazily: (rules, left, right, needs, shown). ``left`` is None
    when the attempt does not apply; ``needs`` (a list, or a function giving it once the proof
    is found) is what the proof needs that is not established, None meaning the convergence of
    the integrals left in ``left`` and ``right``; ``shown`` is what the report lists with the
    rule (a substitution and its Jacobian). Once a proof was found that needs something not
    established (``state["unknown"]``), the searches for a substitution or a splitting are
    left out unless the step names them (they would need the same convergence)."""

    def wanted(rule):
        return not state["unknown"] or rule in state["named"]

    yield ["algebra"], lhs, rhs, None, ()
    left, right = _split_both(lhs, rhs)
    yield ["integral_linear"], left, right, None, ()
    left, right, factors = _factors_out(lhs, rhs)
    if left is not None:
        needs = [
            ("integral_linear", f"{latex(c)} \\neq 0")
            for c in factors
            if not established(sp.Ne(c, 0, evaluate=False), state.get("givens", ()))
        ]
        yield ["integral_linear"], left, right, needs or None, ()
    original_needs = None

    def needs_of(rule):
        nonlocal original_needs
        if original_needs is None:
            original_needs = _convergence(lhs, rhs, values_of, "", state.get("givens", ()))
        return [(rule, text) for _, text in original_needs]

    if _linear_in_integrals(lhs - rhs) is not None:
        left, right = _ranges_joined(lhs, rhs) if wanted("integral_split_range") else (None, None)
        if left is not None:
            yield (
                ["integral_split_range"], left, right,
                lambda: needs_of("integral_split_range"), (),
            )  # fmt: skip
        # one quadrature trial before the searches and SymPy's (slower) evaluation
        yield ["quadrature"], None, None, None, ()
        # a change of variable or an integration by parts keeps every function applied in an
        # integrand (f(t) becomes f(u), u' v brings v' with it): one applied on one side only,
        # which no earlier equation mentions, stays so, and these searches (seconds each)
        # cannot prove the step
        searching = not state.get("one_sided")
        candidates = (
            _substitutions(lhs, rhs, ranges) if searching and wanted("integral_substitute") else ()
        )
        for left, right, blocked, shown in candidates:
            needs = lambda blocked=blocked: blocked + needs_of("integral_substitute")  # noqa: E731
            yield ["integral_substitute"], left, right, needs, shown
        if (
            searching
            and lhs.has(sp.Integral)
            and rhs.has(sp.Integral)
            and wanted("integral_by_parts")
        ):
            left, right, blocked = _by_parts(lhs, rhs, ranges)
            if left is not None:
                needs = lambda blocked=blocked: blocked + needs_of("integral_by_parts")  # noqa: E731
                yield ["integral_by_parts"], left, right, needs, ()
    else:
        yield ["quadrature"], None, None, None, ()
    left, right, needs = _evaluate_both(lhs, rhs, values_of, state.get("givens", ()))
    if left is not None:
        givens = state.get("givens", ())
        needs = _unique(needs + _convergence(left, right, values_of, "integral_evaluate", givens))
    yield ["integral_evaluate"], left, right, needs, ()


def _one_sided_functions(lhs, rhs, givens) -> set:
    """The undefined functions applied on one side of the step and not on the other, that no
    earlier equation (``givens``) mentions."""
    from sympy.core.function import AppliedUndef

    def applied(e):
        return {f.func for f in e.atoms(AppliedUndef)} if isinstance(e, sp.Basic) else set()

    mentioned = set().union(*(applied(a) | applied(b) for a, b in givens))
    return (applied(lhs) ^ applied(rhs)) - mentioned


def _unmatched(left, right, givens) -> bool:
    """Whether an integral (opaque) stands on one side only and no earlier equation mentions
    it: no algebra can prove such sides equal (it stays on one side), and SymPy's simplify
    may take seconds to fail. (A proof it misses, \\int f - \\int f + 1 = 1, is a proof lost,
    never a wrong one.)"""

    def integrals(e):
        return {a for a in e.atoms(sp.Dummy, sp.core.function.AppliedUndef) if _is_opaque(a)}

    mentioned = set().union(*(integrals(a) | integrals(b) for a, b in givens))
    return bool((integrals(left) ^ integrals(right)) - mentioned)


def _is_opaque(atom) -> bool:
    name = atom.name if isinstance(atom, sp.Dummy) else atom.func.__name__
    return name.startswith("_integral")


def _refuted(step, cex, warnings) -> StepResult:
    reason = "the two sides differ (numerical quadrature)"
    return StepResult(step, Verdict.REFUTED, (), reason, cex, tuple(warnings))


def _unknown(step, rules, needs, warnings) -> StepResult:
    reason = "; ".join(f"{rule} needs {text}" for rule, text in needs)
    return StepResult(step, Verdict.UNKNOWN, tuple(rules), reason, warnings=tuple(warnings))


def _same_range_integrands(lhs, rhs):
    """The two integrands when both sides are one definite integral over the same range (the
    second's variables renamed to the first's), or one indefinite integral in the same
    variables, else None: equal integrands give equal integrals (one side converging makes the
    other converge), and the same antiderivatives. An indefinite integral is a function of its
    variable, so its variable is never renamed (\\int x \\, dx is not \\int y \\, dy)."""
    if not (isinstance(lhs, sp.Integral) and isinstance(rhs, sp.Integral)):
        return None
    if len(lhs.limits) != len(rhs.limits):
        return None
    if _indefinite(lhs) and _indefinite(rhs):
        return (lhs.function, rhs.function) if lhs.limits == rhs.limits else None
    if not (_definite(lhs) and _definite(rhs)):
        return None
    # both variables renamed to a fresh one: the first's name may be free in the second
    # integrand (\int_0^1 e^{t^2} dt against \int_0^1 e^{t x} dx, whose t is no variable)
    left_vars = [limit[0] for limit in lhs.limits]
    right_vars = [limit[0] for limit in rhs.limits]
    if len(set(left_vars)) != len(left_vars) or len(set(right_vars)) != len(right_vars):
        return None
    fresh = [sp.Dummy(str(v), **v.assumptions0) for v in left_vars]
    for j, ((_, a, b), (_, c, d)) in enumerate(zip(lhs.limits, rhs.limits, strict=True)):
        # a limit's ends may name the variables of the integrals around it (the limits after
        # it), renamed alike, and no other: \int_0^1 \int_0^y dx dy is 1/2, \int_0^1
        # \int_0^y dx dt is y
        outer_left = dict(zip(left_vars[j + 1 :], fresh[j + 1 :], strict=True))
        outer_right = dict(zip(right_vars[j + 1 :], fresh[j + 1 :], strict=True))
        if a.xreplace(outer_left) != c.xreplace(outer_right):
            return None
        if b.xreplace(outer_left) != d.xreplace(outer_right):
            return None
    left = dict(zip(left_vars, fresh, strict=True))
    right = dict(zip(right_vars, fresh, strict=True))
    return lhs.function.xreplace(left), rhs.function.xreplace(right)


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


def _convergence(left, right, values_of: dict, rule: str, givens=()) -> list:
    """(rule, text) for each definite integral in the two sides whose convergence is not
    established: by a bounded range of integration and an integrand continuous everywhere
    (:func:`_proper_and_continuous`), by an integrand 0 outside a bounded interval
    (:func:`_compact_support`, under the givens' margins), or by a finite value from SymPy
    under established conditions."""
    needs, seen = [], set()
    for side in (left, right):
        # in a fixed order (a set's changes from run to run with the hash seed): the reason
        # names them in this order
        for node in sorted(side.atoms(sp.Integral), key=sp.default_sort_key):
            if (
                not _definite(node)
                or _proper_and_continuous(node)
                or _converges_by_form(node)
                or _compact_support(node, givens)
            ):
                continue
            if _renamed(node) in seen:  # the same integral on both sides: named once
                continue
            seen.add(_renamed(node))
            missing: list = []
            if _converges_by_form(node, missing) or missing:
                # its form decides: it converges when these hold (SymPy is not asked); a
                # condition that cannot hold (1/t at 0: -1 + 1 > 0) leaves it not shown
                if any(c is sp.false for c in missing):
                    need = (rule, f"{latex(node)} to converge")
                else:
                    need = (rule, f"{', '.join(latex(c) for c in missing)} (for {latex(node)})")
                if missing and need not in needs:
                    needs.append(need)
                continue
            value, condition = _evaluated(node, values_of)
            need = (rule, f"{latex(node)} to converge")
            if (value is None or condition is not None) and need not in needs:
                needs.append(need)
    return needs


def _compact_support(node, givens=()) -> bool:
    """A definite integral in one variable x whose integrand is a piecewise expression, 0
    otherwise, each other piece under a condition that bounds x on both sides by finite
    expressions free of it (``a \\le x \\le b``, a stated uniform density), its value continuous
    in x or free of it and finite (``\\frac{1}{b - a}`` where the givens' margin makes b - a
    positive), times factors free of x and finite: the integrand is bounded and 0 outside a
    bounded interval, so the integral converges over any range, infinite ends included."""
    if len(node.limits) != 1 or len(node.limits[0]) != 3:
        return False
    x, lo, hi = node.limits[0]
    for end in (lo, hi):
        if end in (sp.oo, -sp.oo):
            continue
        if end.has(x) or end.is_real is not True or not _continuous(end):
            return False
    factors = sp.Mul.make_args(node.function)
    pieces = [f for f in factors if isinstance(f, sp.Piecewise)]
    if len(pieces) != 1:
        return False
    others = [f for f in factors if f is not pieces[0]]
    if any(f.has(x) or not _finite_under(f, givens) for f in others):
        return False
    *inner, (last, otherwise) = pieces[0].args
    if not inner or last != 0 or otherwise is not sp.true:
        return False
    for value, condition in inner:
        if not _bounded_both_ways(condition, x):
            return False
        if value.has(x) and not _continuous(value):
            return False
        if not value.has(x) and not _finite_under(value, givens):
            return False
    return True


def _bounded_both_ways(condition, x) -> bool:
    """Whether ``condition`` (relations joined by And) bounds x below and above by finite real
    expressions free of x."""
    below = above = False
    for part in sp.And.make_args(condition):
        if not isinstance(part, sp.Rel) or isinstance(part, (sp.Eq, sp.Ne)):
            continue
        small, big = part.lts, part.gts
        if big == x and not small.has(x) and small.is_real is True and _continuous(small):
            below = True
        elif small == x and not big.has(x) and big.is_real is True and _continuous(big):
            above = True
    return below and above


def _finite_under(expr, givens) -> bool:
    """``expr`` (free of the variable) is finite: by the assumptions, or a quotient whose
    denominator the givens' margins show nonzero (1/(b - a) with a < b stated)."""
    from eqchain.check import conditions as cond

    if cond.holds("finite", expr):
        return True
    numerator, denominator = sp.fraction(sp.together(expr))
    return (
        cond.holds("finite", numerator)
        and _continuous(denominator)
        and established(sp.Ne(denominator, 0, evaluate=False), givens)
    )


def _proper_and_continuous(node) -> bool:
    """A definite integral over a bounded range (real, finite, continuous limits) of an
    integrand continuous at every real point: it converges (a continuous function is
    integrable on a compact set)."""
    for _var, lo, hi in node.limits:
        for bound in (lo, hi):
            if bound.has(sp.oo, -sp.oo, sp.zoo) or bound.is_real is not True:
                return False
            if not _continuous(bound):
                return False
    return _continuous(node.function)


def _piecewise_on_range(node):
    """A definite integral in one variable with each piecewise part of its integrand whose first
    condition holds at every point inside the range of integration (``0 \\le x \\le 1`` on
    ``\\int_0^1``, the support of a stated density) replaced by that piece: the two integrands
    are equal inside the range, so the integrals are equal (the limits themselves are single
    points). Established from the declared assumptions, with the lower limit not above the
    upper one; anything else is left as it stands."""
    if not isinstance(node, sp.Integral) or len(node.limits) != 1 or len(node.limits[0]) != 3:
        return node
    if not node.function.has(sp.Piecewise):
        return node
    from eqchain.check import conditions as cond

    x, lo, hi = node.limits[0]
    if lo.has(x) or hi.has(x) or lo == sp.oo or hi == -sp.oo:
        return node
    if not (lo == -sp.oo or hi == sp.oo or cond.holds("nonnegative", hi - lo)):
        return node

    def inside(relation) -> bool:
        if not isinstance(relation, sp.Rel) or isinstance(relation, (sp.Eq, sp.Ne)):
            return False
        if relation.lhs == x and not relation.rhs.has(x):
            bound, upper = relation.rhs, isinstance(relation, (sp.LessThan, sp.StrictLessThan))
        elif relation.rhs == x and not relation.lhs.has(x):
            bound, upper = (
                relation.lhs,
                isinstance(relation, (sp.GreaterThan, sp.StrictGreaterThan)),
            )
        else:
            return False
        if upper:  # x <= b (or x < b) for every x < hi: b >= hi
            return hi != sp.oo and (bound == hi or cond.holds("nonnegative", bound - hi))
        return lo != -sp.oo and (bound == lo or cond.holds("nonnegative", lo - bound))

    def visit(part):
        if isinstance(part, sp.Piecewise):
            (piece, condition), *_ = part.args
            if condition == sp.true or all(inside(c) for c in sp.And.make_args(condition)):
                return piece
        return part

    function = _bottom_up_inner(node.function, visit)
    return node if function == node.function else sp.Integral(function, *node.limits)


def _converges_by_form(node, missing: list | None = None) -> bool:
    """A definite integral in one variable that converges by the form of its integrand, decided
    without integrating (SymPy's ``integrate`` may take many seconds on a beta or Gaussian
    integrand with symbolic parameters). The integrand is a sum of terms, each a product of

    * factors free of the variable, each finite;
    * a power ``(x - a)^p`` at a finite lower limit ``a``, or ``(b - x)^p`` at a finite upper
      limit ``b``, with ``p`` real and ``p + 1 > 0`` (integrable there, as ``\\int_0 t^p dt``;
      continuous and positive inside the range);
    * ``e^{P(x)}`` (every exponential of the term together), ``P`` a polynomial with real
      coefficients;
    * any other factor continuous at every real point (:func:`_continuous`), and for an infinite
      limit a polynomial in the variable.

    For an infinite limit, ``P`` must tend to ``-\\infty`` there (its leading coefficient
    negative towards ``+\\infty``; towards ``-\\infty`` its sign times ``(-1)^{\\deg P}``): the
    exponential then beats every power. A finite range must have its upper limit above the
    lower one. Every condition is established from the declared assumptions; anything else is
    not known to converge here (SymPy is asked next). ``missing``, when given, receives the
    conditions on the parameters (``r > 0``) that are not established for an integrand of this
    form: they decide its convergence (SymPy need not be asked)."""
    found: list = []
    ok = _form_converges(node, found)
    if missing is not None and ok:
        missing.extend(c for c in found if c not in missing)
    return ok and not found


def _form_converges(node, found: list) -> bool:
    """Whether the integrand has the form of :func:`_converges_by_form`; each condition on a
    parameter that is not established is put in ``found``."""
    from eqchain.check import conditions as cond

    if len(node.limits) != 1 or len(node.limits[0]) != 3 or node.function.has(sp.Integral):
        return False
    x, lo, hi = node.limits[0]
    low_infinite, high_infinite = lo == -sp.oo, hi == sp.oo
    for bound, infinite in ((lo, low_infinite), (hi, high_infinite)):
        if not infinite and (bound.has(x) or not _continuous(bound) or bound.is_real is not True):
            return False
    if not (low_infinite or high_infinite) and not cond.holds("positive", hi - lo):
        found.append(sp.Gt(hi, lo))
    return all(
        _term_converges(term, x, lo, hi, low_infinite, high_infinite, found)
        for term in sp.Add.make_args(node.function)
    )


def _term_converges(term, x, lo, hi, low_infinite, high_infinite, found) -> bool:
    from eqchain.check import conditions as cond

    exponent = sp.Integer(0)
    # powers of one base together (expand writes x^{a - 1} as x^a x^{-1})
    for factor in sp.Mul.make_args(sp.powsimp(term, combine="exp")):
        if not factor.has(x):
            if not cond.holds("finite", factor):
                return False
            continue
        if isinstance(factor, sp.exp) or (isinstance(factor, sp.Pow) and factor.base == sp.E):
            exponent += factor.exp if isinstance(factor, sp.Pow) else factor.args[0]
            continue
        if isinstance(factor, sp.Pow) and not factor.exp.has(x):
            base, p = factor.args
            endpoint = (
                (not low_infinite and sp.expand(base - (x - lo)) == 0)
                or (not high_infinite and sp.expand(base - (hi - x)) == 0)
            )  # fmt: skip
            if endpoint:
                if not cond.holds("real", p):
                    return False
                if not cond.holds("positive", p + 1):
                    found.append(sp.Gt(p + 1, 0))
                continue
        if not _continuous(factor):
            return False
        if (low_infinite or high_infinite) and not factor.is_polynomial(x):
            return False
    if not (low_infinite or high_infinite):
        return _continuous(sp.exp(exponent)) if exponent != 0 else True
    exponent = sp.expand(exponent)
    if exponent == 0 or not exponent.is_polynomial(x):
        return False
    poly = sp.Poly(exponent, x)
    if poly.degree() < 1 or not all(cond.holds("real", c) for c in poly.coeffs()):
        return False
    lead = poly.LC()
    if high_infinite and not cond.holds("positive", -lead):
        found.append(sp.Gt(-lead, 0))
    sign = -1 if poly.degree() % 2 else 1
    if low_infinite and not cond.holds("positive", -sign * lead):
        found.append(sp.Gt(-sign * lead, 0))
    return True


_CONTINUOUS = (sp.exp, sp.sin, sp.cos, sp.sinh, sp.cosh, sp.erf, sp.Abs)
_CONTINUOUS_ON_THE_LINE = (sp.atan, sp.tanh)


def _continuous(expr) -> bool:
    """Whether ``expr`` is continuous at every value its symbols may take (each finite), in
    all of them at once: built from finite symbols and numbers by sums, products, powers
    continuous there (an exponent a nonnegative integer; or an integer and the base nonzero;
    or positive and the base nonnegative; or the base positive), the log of a positive
    quantity, and functions continuous on the whole line (exp, sin, cos, ...). Anything else,
    an undefined function f(x) included, is not known to be continuous."""
    if expr.is_Number or isinstance(expr, sp.NumberSymbol):
        return expr.is_finite is True
    if isinstance(expr, (sp.Symbol, sp.Indexed)):
        return expr.is_finite is True
    if isinstance(expr, (sp.Add, sp.Mul)):
        return all(_continuous(a) for a in expr.args)
    if isinstance(expr, sp.Pow):
        base, exponent = expr.args
        if not (_continuous(base) and _continuous(exponent)):
            return False
        if exponent.is_integer and (exponent.is_nonnegative or base.is_nonzero):
            return True
        if exponent.is_positive and base.is_nonnegative:
            return True
        return base.is_positive is True
    if isinstance(expr, _CONTINUOUS):
        return all(_continuous(a) for a in expr.args)
    if isinstance(expr, _CONTINUOUS_ON_THE_LINE):
        return all(a.is_real is True and _continuous(a) for a in expr.args)
    if isinstance(expr, sp.log):
        return expr.args[0].is_positive is True and _continuous(expr.args[0])
    return False


# -- differentiation under the integral sign ----------------------------------------------------


def _differentiate_under(lhs, rhs):
    """Both sides with each derivative of a definite integral by a parameter taken inside the
    integral (Leibniz's rule), and what that needs that is not established: limits free of the
    parameter, a bounded range, and an integrand continuous together with its derivative (for
    an unbounded range, a dominating integrable function, which is never established here)."""
    needs: list = []

    def visit(node):
        if not isinstance(node, sp.Derivative) or not isinstance(node.expr, sp.Integral):
            return node
        integral = node.expr
        variables = [v for v, n in node.variable_count for _ in range(int(n))]
        if not _definite(integral) or set(variables) & set(integral.variables):
            return node
        f = integral.function
        derivative = sp.diff(f, *variables)
        for v in variables:
            if any(lo.has(v) or hi.has(v) for _, lo, hi in integral.limits):
                needs.append(
                    ("integral_differentiate", f"limits of integration free of {latex(v)}")
                )
                return node
        bounded = all(
            not (lo.has(sp.oo, -sp.oo) or hi.has(sp.oo, -sp.oo)) for _, lo, hi in integral.limits
        )
        steps = [f] + [sp.diff(f, *variables[: i + 1]) for i in range(len(variables))]
        if not bounded:
            v = ", ".join(latex(x) for x in integral.variables)
            needs.append((
                "integral_differentiate",
                rf"|{latex(derivative)}| \leq g({v}) with \int g < \infty for every "
                f"{', '.join(latex(p) for p in variables)} (dominated convergence)",
            ))  # fmt: skip
        elif not all(_continuous(g) for g in steps) or not all(v.is_real for v in variables):
            needs.append((
                "integral_differentiate",
                f"{latex(f)} and {latex(derivative)} continuous",
            ))  # fmt: skip
        return sp.Integral(derivative, *integral.limits)

    return _bottom_up(lhs, visit), _bottom_up(rhs, visit), _unique(needs)


# -- linearity -------------------------------------------------------------------------------


def _split_both(lhs, rhs):
    """Both sides with every definite integral split over its integrand's terms (each piece
    must converge: the caller asks); (None, None) when nothing splits."""
    pieces: list = []
    left, right = _split(lhs, pieces), _split(rhs, pieces)
    if not pieces:
        return None, None
    return left, right


def _split(expr, pieces: list):
    def visit(node):
        if not isinstance(node, sp.Integral) or not _definite(node):
            return node
        variables = set(node.variables)
        terms = sp.Add.make_args(sp.expand(node.function))
        # powers of one base together (x x^{a - 1} and x^a: one integral, the same a.e.)
        if len(terms) == 1 and _constant_part(terms[0], variables)[0] == 1:
            function = sp.powsimp(node.function, combine="exp")
            return node if function == node.function else sp.Integral(function, *node.limits)
        out = []
        for term in terms:
            constant, rest = _constant_part(term, variables)
            piece = sp.Integral(sp.powsimp(rest, combine="exp"), *node.limits)
            pieces.append(piece)
            out.append(constant * piece)
        return sp.Add(*out)

    return _bottom_up(expr, visit)


def _factors_out(lhs, rhs):
    """Both sides with the constant factor of each indefinite integral's integrand taken out
    (``\\int c f \\, dx = c \\int f \\, dx``), and the factors taken out, each of which must
    be nonzero (the caller asks): c F + C and c (F + C) are the same antiderivatives only when
    c is not 0. (None, None, []) when no factor comes out."""
    factors: list = []

    def visit(node):
        if not isinstance(node, sp.Integral) or not _indefinite(node):
            return node
        constant, rest = _constant_part(node.function, set(node.variables))
        if constant == 1:
            return node
        if constant not in factors:
            factors.append(constant)
        return constant * sp.Integral(rest, *node.limits)

    left, right = _bottom_up(lhs, visit), _bottom_up(rhs, visit)
    if not factors:
        return None, None, []
    return left, right, factors


def _constant_part(term, variables):
    constant, rest = [], []
    for factor in sp.Mul.make_args(term):
        (rest if factor.free_symbols & variables else constant).append(factor)
    return sp.Mul(*constant), sp.Mul(*rest)


# -- integrals over the same range: one integral, one antiderivative -------------------------

_NOT_LINEAR = (sp.Derivative, sp.Sum, sp.Product, sp.Limit, sp.Integral)
_U = tuple(sp.Dummy(f"u{i}", real=True) for i in range(4))  # integration variables, renamed


def _linear_in_integrals(expr):
    """([(c_i, I_i)], rest) with ``expr = sum c_i I_i + rest``, every I_i a definite integral
    and no c_i or rest holding one; None otherwise (an integral under a derivative, a sum, a
    function or a power, or an indefinite one)."""
    for node in sp.preorder_traversal(expr):
        if isinstance(node, _NOT_LINEAR) and not isinstance(node, sp.Integral):
            if node.has(sp.Integral):
                return None
    integrals = _top_integrals(expr)
    if not integrals or not all(_definite(i) for i in integrals):
        return None
    dummies = {i: sp.Dummy(f"J{n}") for n, i in enumerate(integrals)}
    opaque = expr.xreplace(dummies)
    pairs = []
    for integral, d in dummies.items():
        c = sp.diff(opaque, d)
        if c.has(*dummies.values()):
            return None
        pairs.append((c, integral))
    rest = opaque.xreplace({d: sp.Integer(0) for d in dummies.values()})
    if rest.has(sp.nan, sp.zoo):
        return None
    return pairs, rest


def _top_integrals(expr) -> list:
    out: list = []

    def walk(node):
        if isinstance(node, sp.Integral):
            if node not in out:
                out.append(node)
            return
        for a in node.args:
            walk(a)

    walk(expr)
    return out


def _range_key(integral):
    """(limits, integrand) with the variables renamed to shared real dummies: two integrals
    over the same range have the same limits."""
    variables = integral.variables
    if len(variables) > len(_U):
        return None
    renaming = dict(zip(variables, _U, strict=False))
    limits = tuple((lo.xreplace(renaming), hi.xreplace(renaming)) for _, lo, hi in integral.limits)
    return limits, integral.function.xreplace(renaming)


def _combined(left, right, ranges, by_parts: list | None = None):
    """``left - right`` with the integrals over the same range gathered into one (linearity:
    every integral must converge, which the caller asks), each whose integrand is zero at
    every point dropped, and, with ``by_parts`` (a list that receives what that needs), each
    gathered from both sides evaluated by an antiderivative; None when that leaves an integral
    gathered from both sides standing (or when nothing was gathered)."""
    linear = _linear_in_integrals(left - right)
    if linear is None:
        return None
    pairs, rest = linear
    bound = {v for _, integral in pairs for v in integral.variables}
    if any((c.free_symbols | rest.free_symbols) & bound for c, _ in pairs):
        return None  # a variable of integration also free outside: gathering would capture it
    left_integrals = set(_top_integrals(left))
    groups: dict = {}
    for c, integral in pairs:
        key = _range_key(integral)
        if key is None:
            return None
        limits, f = key
        entry = groups.setdefault(limits, [sp.Integer(0), set(), integral.variables[0], []])
        entry[0] = entry[0] + c * f
        entry[3].append(f)
        entry[1].add(integral in left_integrals)
    if all(len(entry[1]) < 2 for entry in groups.values()):
        return None
    out = rest
    for limits, (f, sides, variable, parts) in groups.items():
        if prove_equal(f, sp.Integer(0), (), ranges) is not None:
            continue
        if len(sides) < 2:
            variables = _U[: len(limits)]
            out += sp.Integral(
                f, *[(v, lo, hi) for v, (lo, hi) in zip(variables, limits, strict=True)]
            )
            continue
        if by_parts is None or len(limits) != 1:
            return None
        boundary = _boundary_term(f, *limits[0], ranges, variable, by_parts, parts)
        if boundary is None:
            return None
        out += boundary
    return out


def _boundary_term(f, lo, hi, ranges, variable, needs: list, parts=()):
    """``G(hi) - G(lo)`` for an antiderivative G of ``f`` (one whose derivative is proved to be
    ``f``: u V for a factor u of an integrand in ``parts`` and V an antiderivative of the rest,
    or SymPy's) with a finite limit at an infinite end; None otherwise. G and f must be
    continuous on the range: established when they are everywhere, else appended to
    ``needs``."""
    u = _U[0]
    antiderivative = None
    for candidate in _antiderivative_candidates(f, u, parts):
        if candidate.has(sp.Integral, sp.Piecewise):
            continue
        try:
            if prove_equal(sp.diff(candidate, u), f, (), ranges) is not None:
                antiderivative = candidate
                break
        except Exception:  # noqa: BLE001 - SymPy failed on this candidate
            continue
    if antiderivative is None:
        return None
    if not (_continuous(f) and _continuous(antiderivative)):
        shown = sp.Integral(f, (u, lo, hi)).xreplace({u: variable})
        needs.append((
            "integral_by_parts",
            f"the integrand of {latex(shown)} and its antiderivative "
            f"{latex(antiderivative.xreplace({u: variable}))} continuous on the range",
        ))  # fmt: skip
    ends = []
    for end in (hi, lo):
        if end in (sp.oo, -sp.oo):
            try:
                value = sp.limit(antiderivative, u, end)
            except Exception:  # noqa: BLE001
                return None
            if not _usable(value):
                return None
        elif end.has(sp.oo, -sp.oo) or end.is_real is not True:
            return None
        else:
            value = antiderivative.xreplace({u: end})
        ends.append(value)
    return ends[0] - ends[1]


def _antiderivative_candidates(f, u, parts):
    """Candidates for an antiderivative of ``f``: for each integrand in ``parts`` written
    u w (a split of its factors), u times an antiderivative of w (w itself a derivative by the
    variable, or SymPy's); then SymPy's antiderivative of ``f``."""
    for integrand in parts:
        factors = sp.Mul.make_args(integrand)
        for n in range(len(factors)):
            rest = sp.Mul(*(factors[:n] + factors[n + 1 :]))
            w = factors[n]
            if isinstance(w, sp.Derivative) and w.variables == (u,):
                yield rest * w.expr
            elif w.has(u):
                try:
                    yield rest * sp.integrate(w, u)
                except Exception:  # noqa: BLE001 - no antiderivative of w
                    continue
    try:
        yield sp.integrate(f, u)
    except Exception:  # noqa: BLE001 - no antiderivative
        return


def _ranges_joined(lhs, rhs):
    """Both sides with each one-variable definite integral of f written ``A_f(b) - A_f(a)``
    (one unknown antiderivative per integrand, the same for every range): so
    ``\\int_a^b f = \\int_a^c f + \\int_c^b f`` and ``\\int_a^b f = -\\int_b^a f`` become
    algebra. Sound when every integral converges (the caller asks). (None, None) when no
    integrand is integrated over two different ranges."""
    integrals = _top_integrals(lhs) + _top_integrals(rhs)
    by_integrand: dict = {}
    for integral in integrals:
        if len(integral.limits) != 1 or not _definite(integral):
            continue
        (_, lo, hi) = integral.limits[0]
        if lo.is_extended_real is not True or hi.is_extended_real is not True:
            continue
        (limits,), f = _range_key(integral)
        by_integrand.setdefault(canonical(f), {})[integral] = limits
    names: dict = {}
    for n, (_f, found) in enumerate(by_integrand.items()):
        if len(set(found.values())) < 2:
            continue
        antiderivative = sp.Function(f"_antiderivative{n}")
        for integral, (lo, hi) in found.items():
            names[integral] = antiderivative(hi) - antiderivative(lo)
    if not names:
        return None, None
    return lhs.xreplace(names), rhs.xreplace(names)


# -- substitution and integration by parts --------------------------------------------------


def _substitutions(lhs, rhs, ranges):
    """For each affine change of variable t = alpha x + beta that turns one integral of the
    step into another's range: (left, right, needs, shown) with that integral written over x
    (``f(alpha x + beta) alpha``, the Jacobian) and the integrals over the same range gathered
    (:func:`_combined`); ``needs`` what the change needs that is not established (alpha
    nonzero, and its sign for an infinite end), ``shown`` the substitution."""
    integrals = [
        i for i in _top_integrals(lhs) + _top_integrals(rhs) if len(i.limits) == 1 and _definite(i)
    ]
    tried = 0
    for p in integrals:
        for q in integrals:
            if p == q:
                continue
            for alpha, beta in _affine_candidates(p, q):
                tried += 1
                if tried > 12:
                    return
                try:
                    moved = _moved(q, p.limits[0][0], alpha, beta)
                except (ValueError, TypeError):  # SymPy cannot write q over x
                    continue
                if moved is None:
                    continue
                integral, needs = moved
                left, right = lhs.xreplace({q: integral}), rhs.xreplace({q: integral})
                combined = _combined(left, right, ranges)
                if combined is not None:
                    left, right = combined, sp.Integer(0)
                x, t = p.limits[0][0], q.limits[0][0]
                shown = (
                    f"{latex(t)} = {latex(alpha * x + beta)}, "
                    f"d{latex(t)} = {latex(alpha)} \\, d{latex(x)}",
                )
                yield left, right, needs, shown


def _moved(q, x, alpha, beta):
    """The integral ``q`` (over t) written over x with t = alpha x + beta, and what that needs
    that is not established (alpha nonzero; alpha positive, when its sign is not known and an
    end is infinite: the ends are kept); None when an end cannot be mapped."""
    t, c, d = q.limits[0]
    if x in (q.function.free_symbols - {t}) or (alpha.free_symbols | beta.free_symbols) & {x, t}:
        return None  # x also free in q, or a map that is not affine: no capture, no guess
    needs = []
    infinite = any(end in (sp.oo, -sp.oo) for end in (c, d))
    if alpha.is_nonzero is not True and not infinite:
        needs.append(("integral_substitute", f"{latex(alpha)} \\neq 0"))
    ends = []
    for end in (c, d):
        if end in (sp.oo, -sp.oo):
            if alpha.is_negative:
                ends.append(-end)
            else:
                ends.append(end)
                if not alpha.is_positive:
                    needs.append(("integral_substitute", f"{latex(alpha)} > 0"))
        elif end.has(sp.oo, -sp.oo):
            return None
        else:
            ends.append((end - beta) / alpha)
    body = q.function.subs(t, alpha * x + beta) * alpha  # subs: a derivative by t stays one
    return sp.Integral(body, (x, *ends)), needs


def _affine_candidates(p, q) -> list:
    """Pairs (alpha, beta) for t = alpha x + beta (x the variable of ``p``, t of ``q``): the
    map of p's finite range onto q's (either way round), and the maps that make a polynomial
    argument of q's integrand (of a function, or a power's base) p's."""
    x, a, b = p.limits[0]
    t, c, d = q.limits[0]
    out: list = []
    finite = not any(e.has(sp.oo, -sp.oo) for e in (a, b, c, d))
    if finite and sp.simplify(b - a) != 0:
        for lo, hi in ((c, d), (d, c)):
            alpha = sp.simplify((hi - lo) / (b - a))
            out.append((alpha, sp.simplify(lo - alpha * a)))
    for e1 in _arguments(p.function, x):
        for e2 in _arguments(q.function, t):
            if e1[0] != e2[0]:
                continue
            out.extend(_matching(e1[1], x, e2[1], t))
    unique = []
    for pair in out:
        if pair not in unique and pair != (1, 0) and pair[0] != 0:
            unique.append(pair)
    return unique[:6]


def _arguments(f, x) -> list:
    """(head, argument) for each function application or power base in ``f`` that depends
    on ``x``."""
    out = []
    for node in sp.preorder_traversal(f):
        if isinstance(node, sp.Pow) and node.base.has(x):
            out.append(("pow", node.base))
        elif (
            isinstance(node, sp.Function)
            and node.args
            and isinstance(node.args[0], sp.Expr)  # not a Piecewise's (expr, cond) pair
            and node.args[0].has(x)
        ):
            out.append((node.func, node.args[0]))
    return out


def _matching(e1, x, e2, t) -> list:
    """(alpha, beta) with e2(alpha x + beta) = e1(x), for polynomial arguments of one degree
    (1 or 2)."""
    try:
        p1, p2 = sp.Poly(sp.expand(e1), x), sp.Poly(sp.expand(e2), t)
    except sp.PolynomialError:
        return []
    n = p1.degree()
    if n != p2.degree() or n not in (1, 2):
        return []
    if any(c.has(x) for c in p1.all_coeffs()) or any(c.has(t) for c in p2.all_coeffs()):
        return []
    c1, c2 = p1.coeff_monomial(x**n), p2.coeff_monomial(t**n)
    out = []
    if n == 1:
        alpha = sp.simplify(c1 / c2)
        out.append((alpha, sp.simplify((p1.coeff_monomial(1) - p2.coeff_monomial(1)) / c2)))
    else:
        for sign in (1, -1):
            alpha = sp.simplify(sign * sp.sqrt(c1 / c2))
            d1, d2 = p1.coeff_monomial(x), p2.coeff_monomial(t)
            out.append((alpha, sp.simplify((d1 - d2 * alpha) / (2 * c2 * alpha))))
    checked = []
    for alpha, beta in out:
        if sp.simplify(sp.expand(e2.xreplace({t: alpha * x + beta}) - e1)) == 0:
            checked.append((alpha, beta))
    return checked


def _by_parts(lhs, rhs, ranges):
    """Integration by parts, \\int_a^b u v' = [u v]_a^b - \\int_a^b u' v: the integrals of
    both sides over one range gathered, and their integrand (u v' + u' v) evaluated by an
    antiderivative (u v) continuous on the range. (left, right, needs) or (None, None, [])."""
    needs: list = []
    combined = _combined(lhs, rhs, ranges, by_parts=needs)
    if combined is None:
        return None, None, []
    return combined, sp.Integer(0), _unique(needs)


# -- evaluation --------------------------------------------------------------------------------


def _evaluate_both(lhs, rhs, values_of: dict, givens=()):
    """Both sides with each definite integral SymPy can evaluate replaced by its value, and the
    conditions of those values that are not established (by the assumptions, or by a margin
    given such as ``a < b``'s, :func:`eqchain.densities.established`)."""
    needs: list = []
    changed = [False]

    def visit(node):
        if not isinstance(node, sp.Integral) or not _definite(node):
            return node
        if node.function.has(sp.Integral):  # the integrals inside first (a variance's mean)
            inner = _bottom_up(node.function, visit)
            if inner != node.function:
                changed[0] = True
                node = node.func(inner, *node.limits)
        value, condition = _evaluated(node, values_of)
        if value is None:
            return node
        changed[0] = True
        if condition is not None:
            condition = sp.And(
                *(c for c in sp.And.make_args(condition) if not established(c, givens))
            )
        if condition is not None and condition is not sp.true:
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
    variables = [limit[0] for limit in integral.limits]
    if len(set(variables)) != len(variables):
        # \int_0^1 \int_{-1}^{1} f \, dx \, dx: SymPy's integrate gave the inner integral of
        # a density by its formula over the whole range (e^c - e^{-c} for 1 - e^{-c})
        cache[key] = result
        return result
    missing: list = []
    known = _closed_form(integral, missing)
    if known is not None:  # by its formula, under the conditions it needs
        cache[key] = (known, sp.And(*missing) if missing else None)
        return cache[key]
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


def _inner_evaluated(expr):
    """``expr`` with each integral that stands inside another integral's integrand (the mean
    inside a variance, ``\\int (x - \\int t p(t) dt)^2 p(x) dx``) replaced by its value from
    :func:`_closed_form`, when it has one: the outer integral then has a plain integrand."""

    def visit(node):
        if isinstance(node, sp.Integral) and node.function.has(sp.Integral):

            def valued(e):
                if isinstance(e, sp.Integral) and not e.function.has(sp.Integral):
                    return value if (value := _closed_form(e)) is not None else e
                return e

            function = rebuild(node.function, valued)
            if function != node.function:
                return sp.Integral(function, *node.limits)
        return node

    return _bottom_up_inner(expr, visit)


def _closed_form(integral, missing: list | None = None):
    """The value of a definite integral of a classical form, by its formula, without
    integrating: over the whole line, a polynomial times ``e^{a x^2 + b x + c}`` (the Gaussian
    moments: ``\\int y^{2k} e^{a y^2} dy = \\Gamma(k + 1/2) / (-a)^{k + 1/2}``, odd ones 0,
    after ``y = x + b / (2a)``); over ``[0, \\infty)``, ``x^p`` times a polynomial times
    ``e^{-r x + c}`` (``\\int_0^\\infty x^p e^{-r x} dx = \\Gamma(p + 1) / r^{p + 1}``); over
    ``[0, 1]``, ``x^p (1 - x)^q`` (``\\mathrm{B}(p + 1, q + 1)``). Used only when the
    integral converges by :func:`_converges_by_form` (``a < 0``, ``r > 0``, ``p, q > -1``:
    the formulas' own conditions); None for anything else. With ``missing``, also for an
    integrand of the form whose conditions are not established: they are put there."""
    found: list = []
    if not _converges_by_form(integral, found) and (missing is None or not found):
        return None
    x, lo, hi = integral.limits[0]
    total = sp.Integer(0)
    for term in sp.Add.make_args(sp.expand(integral.function)):
        value = _term_closed_form(sp.powsimp(term, combine="exp"), x, lo, hi)
        if value is None:
            return None
        total += value
    if missing is not None:
        missing.extend(c for c in found if c not in missing)
    return total


def _term_closed_form(term, x, lo, hi):
    constant, exponent, power, other_power, rest = sp.Integer(1), sp.Integer(0), None, None, []
    for factor in sp.Mul.make_args(term):
        if not factor.has(x):
            constant *= factor
        elif isinstance(factor, sp.exp):
            exponent += factor.args[0]
        elif factor.is_polynomial(x) and (lo, hi) != (0, 1):
            rest.append(factor)
        elif isinstance(factor, sp.Pow) and factor.base == x and not factor.exp.has(x):
            if power is not None:
                return None
            power = factor.exp
        elif isinstance(factor, sp.Pow) and factor.base == 1 - x and not factor.exp.has(x):
            if other_power is not None:
                return None
            other_power = factor.exp
        elif factor == 1 - x:
            if other_power is not None:
                return None
            other_power = sp.Integer(1)
        elif factor.is_polynomial(x):
            rest.append(factor)
        else:
            return None
    polynomial = sp.Poly(sp.Mul(*rest), x)
    exponent = sp.Poly(sp.expand(exponent), x)
    if lo == -sp.oo and hi == sp.oo:
        if power is not None or other_power is not None or exponent.degree() != 2:
            return None
        a, b, c = (exponent.coeff_monomial(x**k) for k in (2, 1, 0))
        shifted = sp.Poly(polynomial.as_expr().xreplace({x: x - b / (2 * a)}), x)
        value = sp.Integer(0)
        for (degree,), coefficient in shifted.terms():
            if degree % 2 == 0:
                k = degree // 2
                value += coefficient * sp.gamma(sp.Rational(1, 2) + k) / (-a) ** (k + sp.S.Half)
        return constant * sp.exp(c - b**2 / (4 * a)) * value
    if lo == 0 and hi == sp.oo:
        if other_power is not None or exponent.degree() != 1:
            return None
        rate, c = -exponent.coeff_monomial(x), exponent.coeff_monomial(1)
        p = power if power is not None else sp.Integer(0)
        value = sp.Add(
            *(
                coefficient * sp.gamma(p + degree + 1) / rate ** (p + degree + 1)
                for (degree,), coefficient in polynomial.terms()
            )
        )
        return constant * sp.exp(c) * value
    if lo == 0 and hi == 1:
        if exponent.as_expr() != 0:
            return None
        p = power if power is not None else sp.Integer(0)
        q = other_power if other_power is not None else sp.Integer(0)
        value = sp.Add(
            *(
                coefficient
                * sp.gamma(p + degree + 1)
                * sp.gamma(q + 1)
                / sp.gamma(p + q + degree + 2)
                for (degree,), coefficient in polynomial.terms()
            )
        )
        return constant * value
    return None


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
    # a hypergeometric value is a series whose convergence SymPy does not report: the beta
    # integral \int_0^1 x^a (1 - x)^{r - 1} dx came back as 2F1(a + 1, 1 - r; a + 2; 1) with no
    # condition, a series that diverges for r <= 0
    if value.has(sp.hyper, sp.meijerg):
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


def _indefinite(node) -> bool:
    return all(len(limit) == 1 for limit in node.limits)


# -- integrals as opaque quantities -------------------------------------------------------------


def _renamed(node):
    """``node`` in canonical form with the variable of each definite limit renamed to a name
    of its own (keeping the variable's assumptions): \\int_0^1 f(X) \\, dX and \\int_0^1
    f(x) \\, dx are one integral. An indefinite integral keeps its variable (a function of it)."""
    if any(len(limit) != 3 for limit in node.limits):
        return canonical(node)
    variables = [limit[0] for limit in node.limits]
    fresh = [sp.Symbol(f"_bound{j}", **v.assumptions0) for j, v in enumerate(variables)]
    if len(set(variables)) != len(variables) or node.has(*fresh):
        return canonical(node)
    limits = []
    for j, (_var, lo, hi) in enumerate(node.limits):
        # the ends of a limit may name the variables of the integrals around it (the limits
        # after it): renamed with them; any other name there is free (\int_0^1 \int_0^y dx dy
        # is a number, \int_0^1 \int_0^y dx dt a function of y: never one integral)
        outer = dict(zip(variables[j + 1 :], fresh[j + 1 :], strict=True))
        limits.append((fresh[j], lo.xreplace(outer), hi.xreplace(outer)))
    renames = dict(zip(variables, fresh, strict=True))
    return canonical(sp.Integral(node.function.xreplace(renames), *limits))


def _opaque(left, right, givens=()):
    """Both sides and the earlier equations with each integral replaced by one unknown
    quantity (the same integral, the same one), so that nothing downstream evaluates it. The
    quantity is a function of the integral's free symbols: \\frac{d}{dt} \\int_0^1 t x \\, dx
    is not 0."""
    names: dict = {}

    def visit(node):
        if isinstance(node, sp.Integral):
            key = _renamed(node)
            if key not in names:
                free = sorted(node.free_symbols, key=sp.default_sort_key)
                name = f"_integral{len(names)}"
                names[key] = sp.Function(name)(*free) if free else sp.Dummy(name)
            return names[key]
        return node

    opaque_givens = [(_bottom_up(a, visit, True), _bottom_up(b, visit, True)) for a, b in givens]
    return _bottom_up(left, visit, True), _bottom_up(right, visit, True), opaque_givens


def _bottom_up(expr, visit, evaluate: bool = False):
    """``expr`` with each node replaced by ``visit(node)``, bottom up, an integral as a whole.
    Rebuilt as written unless ``evaluate``: SymPy's evaluation would cancel two identical
    integrals, which is no 0 where they diverge (only the opaque quantities of
    :func:`_opaque`, whose convergence is asked for apart, are evaluated)."""
    if not isinstance(expr, sp.Basic) or not expr.args or isinstance(expr, (sp.Symbol, sp.Indexed)):
        return visit(expr)
    if isinstance(expr, sp.Integral):
        return visit(expr)  # an integral is replaced as a whole (its integrand may be split)
    args = tuple(_bottom_up(a, visit, evaluate) for a in expr.args)
    if args == expr.args:
        return visit(expr)
    return visit(expr.func(*args) if evaluate else build(expr.func, args))


def _unique(items):
    out = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


# -- refutation by quadrature ------------------------------------------------------------------


def quadrature_counterexample(lhs, rhs, givens=(), seed: int = 0, trials: int = TRIALS, written=()):
    """Values satisfying the declared assumptions at which the two sides, every integral
    computed by mpmath's quadrature, differ stably at 30 and 60 digits; or None.

    Nothing is reported for sides with functions, families or sums, for a step whose symbols an
    earlier equation constrains, or where a quadrature's error estimate is not small. The
    symbols of ``written`` (the step as the author wrote it) are given values too."""
    symbols = sorted(
        set().union(*(e.free_symbols for e in (lhs, rhs, *written))), key=lambda s: s.name
    )
    if any(e.atoms(sp.Indexed, sp.core.function.AppliedUndef, sp.Sum) for e in (lhs, rhs)):
        return None
    margins = _margins(givens, set(symbols))
    if margins is None:
        # a margin that ties a step's symbol to one the step does not write (lambda > t, for a
        # step in t and sigma): that one is given a value too, the margin checked at both
        partners = _margin_partners(givens, set(symbols))
        if partners:
            symbols = sorted(set(symbols) | partners, key=lambda s: s.name)
            margins = _margins(givens, set(symbols))
    if margins is None:
        return None
    rng = random.Random(seed)
    for _ in range(trials):
        chosen = {s: _sample(s, rng) for s in symbols}
        if any(v is None for v in chosen.values()):
            return None
        if not all(_sign_holds(m, e.subs(chosen)) for m, e in margins):
            continue  # the point breaks a given a < b: no counterexample there
        # split an infinite range at 0 and at the parameters' values (a peak at mu)
        points = [mpmath.mpf(0)] + [mpmath.mpf(str(sp.N(v, 40))) for v in chosen.values()]
        if _agree_at_first(lhs, rhs, chosen, points):
            continue  # as on every point of a valid step: no 60-digit quadrature, no |f|
        results = []
        integrable: dict = {}  # the check of |f| does not depend on the precision: done once
        for dps in PRECISIONS:
            sides = [_numeric(e.subs(chosen), dps, points, integrable) for e in (lhs, rhs)]
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


def _margins(givens, symbols: set):
    """The givens that mention the step's ``symbols``, when each is a margin ``m = e`` (how
    ``a < b`` is carried: m a name declared positive, nonnegative or nonzero, in no other given
    and not in the step, e over the step's symbols): a point satisfies it exactly when e there
    has m's sign. [] when no given mentions them; None when another given does (then no
    counterexample is sought: the point might break it)."""
    out = []
    for a, b in givens:
        if not (a.free_symbols | b.free_symbols) & symbols:
            continue
        m, e = (a, b) if isinstance(a, sp.Symbol) else (b, a)
        elsewhere = any(m in x.free_symbols for g in givens if g != (a, b) for x in g)
        if (
            not isinstance(m, sp.Symbol)
            or m in symbols
            or elsewhere
            or not e.free_symbols <= symbols
            or not (m.is_positive or m.is_nonnegative or m.is_nonzero)
        ):
            return None
        out.append((m, e))
    return out


def _margin_partners(givens, symbols: set) -> set:
    """The symbols beside ``symbols`` in the margins ``m = e`` that mention them (``lambda`` of
    ``m = lambda - t`` for a step in t): given values too, a point may satisfy the margin."""
    out: set = set()
    for a, b in givens:
        if not (a.free_symbols | b.free_symbols) & symbols:
            continue
        m, e = (a, b) if isinstance(a, sp.Symbol) else (b, a)
        if isinstance(m, sp.Symbol) and m not in e.free_symbols:
            out |= {x for x in e.free_symbols if isinstance(x, sp.Symbol)} - symbols
    return out


def _sign_holds(margin, value) -> bool:
    """Whether the number ``value`` has the sign ``margin`` is declared with."""
    value = sp.nsimplify(value) if not isinstance(value, sp.Basic) else value
    if value.is_real is not True or not value.is_number:
        return False
    if margin.is_positive:
        return bool(value > 0)
    if margin.is_nonnegative:
        return bool(value >= 0)
    return bool(value != 0)


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
    known |= {"nonrandom", "finite_moments"}  # about randomness (scope.RANDOMNESS)
    return all(
        key.startswith("extended_") or key in known or key in _IMPLIED
        for key, v in symbol.assumptions0.items()
        if v is True
    )


_IMPLIED = {"commutative", "complex", "hermitian", "algebraic", "imaginary"}


def _agree_at_first(lhs, rhs, chosen: dict, points) -> bool:
    """Whether the two sides agree so closely at the first precision (no check of |f| yet)
    that the point cannot refute: a refutation needs a difference d60 above 1e-12 of the
    values' scale that is stable to 1e-8 between the precisions, so d30 is then within 1e-8
    of d60; a d30 below a quarter of that bound rules it out (the 30-digit values, whose error
    estimates are below 1e-15, give the scale). A side with no value at the first precision
    skips the point, as it does in the full comparison."""
    low = [_numeric(e.subs(chosen), PRECISIONS[0], points, absolute=False) for e in (lhs, rhs)]
    if any(v is None for v in low):
        return True
    scale = max(mpmath.mpf(1), abs(low[0]), abs(low[1]))
    return abs(low[0] - low[1]) <= scale * mpmath.mpf(10) ** -12 / 4


def _numeric(expr, dps: int, points=(), integrable: dict | None = None, absolute: bool = True):
    """``expr`` (no free symbols but integration variables) as an mpmath number at ``dps``
    digits, each integral by quadrature; None when a quadrature is not trustworthy."""
    with mpmath.workdps(dps):
        failed = [False]

        def visit(node):
            if isinstance(node, sp.Limit) and not node.free_symbols:
                try:  # an evaluation bar at an infinite bound: N() leaves a limit as it is
                    return _limit_taken(node)
                except ValueError:
                    failed[0] = True
                    return node
            if not isinstance(node, sp.Integral) or failed[0]:
                # once an integral inside has no value, neither has the whole: no quadrature
                # of an integrand that still holds an integral (seconds each, for nothing)
                return node
            value = _quadrature(node, dps, points, integrable, absolute)
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


def _limit_taken(expr):
    """The value of the limit ``expr`` (closed: every name has its value): an evaluation
    bar at an infinite bound (``[-x^2 e^{-x}]_0^{\\infty}``) is a limit, which evalf leaves
    unevaluated. A limit that does not exist or is not a finite number makes the point no
    counterexample (ValueError), as does one that only has bounds (``\\sin x`` at infinity)."""
    value = expr.doit()
    if value.has(sp.Limit, sp.AccumBounds) or not (value.is_number and value.is_finite is True):
        raise ValueError("no finite limit")
    return value


def _bottom_up_inner(expr, visit):
    if not isinstance(expr, sp.Basic) or not expr.args or isinstance(expr, sp.Symbol):
        return visit(expr)
    args = tuple(_bottom_up_inner(a, visit) for a in expr.args)
    return visit(build(expr.func, args) if args != expr.args else expr)


def _quadrature(node, dps: int, points=(), integrable: dict | None = None, absolute=True):
    """The integral's value by quadrature at ``dps`` digits, or None when it is not
    trustworthy; with ``absolute``, also None when |f| is not integrable (a divergent
    integral's cancelling value)."""
    if not _definite(node) or node.function.free_symbols - set(node.variables):
        return None
    if node.function.has(sp.Integral, sp.Limit):
        return None  # an inner integral without a value (those with one are numbers by now)
    bounds = []
    for _var, lo, hi in node.limits:
        if lo.free_symbols or hi.free_symbols:
            return None
        lo, hi = _mp(lo), _mp(hi)
        inside = sorted({p for p in points if min(lo, hi) < p < max(lo, hi)}, reverse=hi < lo)
        bounds.append([lo, *inside, hi])
    variables = [lim[0] for lim in node.limits]
    # the numbers of the integrand (sqrt(2)/(9 sqrt(pi)), 2/81) evaluated once, ten digits
    # beyond the working precision, instead of at each of the quadrature's thousands of points
    f = sp.lambdify(variables, node.function.evalf(dps + 10), "mpmath")
    if not _decays(f, bounds):
        return None
    value, error = mpmath.quad(f, *bounds, error=True, maxdegree=8)
    if abs(value) > mpmath.mpf(10) ** 30:
        return None  # a divergent integral's partial sums, not a value
    if isinstance(value, mpmath.mpc):
        if abs(value.imag) > mpmath.mpf(10) ** (-dps // 2):
            return None
        value = value.real
    if not mpmath.isfinite(value) or error > mpmath.mpf(10) ** (-dps // 2) * (1 + abs(value)):
        return None
    if not absolute:
        return value
    integrable = {} if integrable is None else integrable
    if node not in integrable:
        integrable[node] = _absolutely_integrable(f, bounds)
    return value if integrable[node] else None


def _absolutely_integrable(f, bounds) -> bool:
    """Whether the quadrature of |f| comes out finite with a small error: a value of a
    divergent integral (\\int_{-1}^{1} dx/x cancels to 0) is no counterexample. |f| has a
    corner where f changes sign, which the quadrature's error estimate takes for trouble: the
    range of a one-variable integrand is split there too, so that each piece is smooth."""
    with mpmath.workdps(15):
        if len(bounds) == 1:
            bounds = [_with_sign_changes(f, bounds[0])]
        size, size_error = mpmath.quad(lambda *t: abs(f(*t)), *bounds, error=True, maxdegree=6)
    return bool(mpmath.isfinite(size) and size_error <= mpmath.mpf(10) ** -8 * (1 + abs(size)))


_SIGN_GRID = 200  # points a piece of the range is scanned at for sign changes of f


def _with_sign_changes(f, bound: list) -> list:
    """``bound`` (the ends and the breakpoints of one variable's range) with the points where
    ``f`` changes sign between two of its breakpoints added, each found by bisection from a
    scan of the piece (an infinite end scanned through x = tan(t)). A change the scan misses
    only leaves a corner in |f|: a larger error estimate, never a wrong value."""
    out = [bound[0]]
    for k in range(len(bound) - 1):
        grid = _grid(bound[k], bound[k + 1])
        signs = [_sign(f, x) for x in grid]
        for i in range(len(grid) - 1):
            if signs[i] is not None and signs[i + 1] is not None and signs[i] * signs[i + 1] < 0:
                out.append(_bisect(f, grid[i], grid[i + 1], signs[i]))
        out.append(bound[k + 1])
    return out


def _grid(lo, hi) -> list:
    """Interior points of the piece from ``lo`` to ``hi`` (either may be infinite)."""
    n = _SIGN_GRID
    if mpmath.isinf(lo) or mpmath.isinf(hi):
        t_lo = -mpmath.pi / 2 if mpmath.isinf(lo) else mpmath.atan(lo)
        t_hi = mpmath.pi / 2 if mpmath.isinf(hi) else mpmath.atan(hi)
        return [mpmath.tan(t_lo + (t_hi - t_lo) * k / n) for k in range(1, n)]
    return [lo + (hi - lo) * k / n for k in range(1, n)]


def _sign(f, x):
    """The sign of the real value f(x) (-1, 0 or 1); None where f has no finite real value."""
    try:
        v = f(x)
    except (ValueError, ZeroDivisionError, OverflowError, TypeError):
        return None
    if not mpmath.isfinite(v) or mpmath.im(v) != 0:
        return None
    return int(mpmath.sign(mpmath.re(v)))


def _bisect(f, a, b, sign_a):
    for _ in range(60):
        middle = (a + b) / 2
        s = _sign(f, middle)
        if s is None or s == 0:
            return middle
        a, b = (middle, b) if s == sign_a else (a, middle)
    return (a + b) / 2


def _decays(f, bounds) -> bool:
    """Whether the integrand is small far out along each infinite end (else the quadrature of
    a divergent integral, e^{x} over [0, oo), comes out as a huge finite number)."""
    middle = [
        mpmath.mpf(0) if mpmath.isinf(lo) and mpmath.isinf(hi)
        else (hi - 1 if mpmath.isinf(lo) else lo + 1 if mpmath.isinf(hi) else (lo + hi) / 2)
        for lo, hi in ((b[0], b[-1]) for b in bounds)
    ]  # fmt: skip
    for i, bound in enumerate(bounds):
        for end in (bound[0], bound[-1]):
            if not mpmath.isinf(end):
                continue
            for far in (mpmath.mpf(10) ** 3, mpmath.mpf(10) ** 6):
                point = list(middle)
                point[i] = far if end > 0 else -far
                try:
                    size = abs(f(*point))
                except (ValueError, ZeroDivisionError, OverflowError, TypeError):
                    return False
                if not mpmath.isfinite(size) or size > mpmath.mpf(10) ** -6:
                    return False
    return True


def _mp(bound):
    if bound == sp.oo:
        return mpmath.inf
    if bound == -sp.oo:
        return -mpmath.inf
    return mpmath.mpf(str(sp.N(bound, 80)))
