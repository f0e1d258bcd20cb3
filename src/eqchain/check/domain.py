"""The domain of a step: where the expression it transforms is defined.

A claim ``A = B`` (or a link from the previous row A to B) is judged where A and the premises it
uses are defined: the conditions that make them defined (divisors nonzero, logarithm arguments
nonzero, no pole, ranges of nonnegative length) are the step's **domain**. Every other condition
(what B needs beyond that, the side conditions of rules, of SymPy's silent evaluations, of family
ranges) must be established under the assumptions *and* the domain, else the step is
``unknown`` naming it. A domain never empties a claim: a domain condition that cannot hold under
the assumptions and the givens makes the step ``unknown`` (:func:`impossible`).

Only definedness conditions are domain conditions. The side condition of a log, power or root
rule is about branches (``\\log(ab) = \\log a + \\log b`` needs ``a, b > 0`` even where both
sides are defined) and stays a condition to establish.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

import sympy as sp

from eqchain.check import conditions as cond
from eqchain.check.rewrite import carry_out, evaluate, node_definedness
from eqchain.tree import build, canonical

# What needs a definedness condition: only these may be part of a domain.
DOMAIN_RULES = frozenset({"division", "log", "pole", "factorial", "sum", "product", "derivative"})


@dataclass(frozen=True)
class Need:
    """A definedness condition ``pred(expr)`` of a tree, with what needs it (``division``, ...).

    ``key`` identifies the condition for the domain: ``(pred, canonical expr)``, and for a
    condition inside a sum or product whose expression uses the bound variable (``y_k \\neq 0``
    in ``\\sum_k t_k / y_k``) the nonzero product over the same range, which says "for every k"
    (None when the condition cannot be said that way: then it is never a domain condition)."""

    rule: str
    pred: str
    expr: object
    key: tuple | None
    shown: object = None  # the part of the tree as the author wrote it (x - x, not 0)


def needs(tree) -> list[Need]:
    """Every definedness condition of ``tree``, in the order :func:`definedness` gives them."""
    if not isinstance(tree, sp.Basic):
        return []
    try:
        hash(tree)
    except TypeError:  # a tree that cannot be hashed: walked afresh
        out: list[Need] = []
        _walk(tree, (), out)
        return out
    return list(_needs(tree))


@lru_cache(maxsize=2048)
def _needs(tree) -> tuple[Need, ...]:
    """:func:`needs`, remembered: a function of the tree alone (its symbols carry their
    assumptions), asked again for each row of a chain (a row is the target of one link and the
    source of the next) and for the trees with definitions unfolded."""
    out: list[Need] = []
    _walk(tree, (), out)
    return tuple(out)


def _kinks(part) -> list:
    """What must be nonzero where ``part`` has a derivative, as far as its own kind tells: the
    argument of |f|, sign f and a step (Heaviside), the base of a root (f^{1/2}), the difference
    of each two arguments of a max or min (where they cross), each side's difference of a
    relation in a cases block's conditions (its boundary: the pieces meet or jump there), and
    sin(π f) for the steps of floor, ceiling and frac (f an integer). More than needed is safe:
    a point that is no break is excluded from the domain, never let in."""
    if isinstance(part, (sp.Abs, sp.sign, sp.Heaviside)):
        return [part.args[0]]
    if isinstance(part, sp.Pow) and part.exp.is_number and part.exp.is_integer is False:
        return [part.base] if part.exp.is_real and part.exp < 1 else []
    if isinstance(part, (sp.Max, sp.Min)):
        return [a - b for a, b in combinations(part.args, 2)]
    if isinstance(part, sp.Piecewise):
        relations = set().union(*(c.cond.atoms(sp.core.relational.Relational) for c in part.args))
        return [r.lhs - r.rhs for r in relations]
    if isinstance(part, (sp.floor, sp.ceiling, sp.frac)):
        return [sp.sin(sp.pi * part.args[0])]
    return []


def _walk(node, limits: tuple, out: list) -> None:
    if not isinstance(node, sp.Basic):
        return
    ranges = isinstance(node, (sp.Sum, sp.Product))
    # x! and \lambda^x in \sum_{x=0}^{\infty}: defined at every point of the range
    throughout = not ranges and limits and _defined_throughout(node, limits)
    for rule, (pred, expr) in () if throughout else node_definedness(node):
        if ranges:
            # A range's length may use the variables of the ranges around it (\sum_{k=1}^{K}
            # \sum_{j=1}^{k}: length k): it is a condition for every value they take.
            around = limits + tuple(tuple(lim) for lim in node.limits)
            if holds_over(pred, expr, around):
                continue
            # (a length that may be negative over the ranges around it is the reader's empty
            # range, which a step is checked at: no sign condition over them, check/ranges.py)
            out.append(Need(rule, pred, expr, _key(pred, expr, around, signs=False), expr))
            continue
        shown = expr
        if isinstance(node, sp.Pow):
            shown = node.base
        elif isinstance(node, (sp.log, sp.factorial, sp.gamma)):
            shown = node.args[0]
        out.append(Need(rule, pred, expr, _key(pred, expr, limits), shown))
    if isinstance(node, sp.Derivative):
        # A derivative exists where its value is defined: d/dx \sqrt{x} = 1/(2\sqrt{x}) has
        # none at 0, although \sqrt{x} is defined there. What the derivative carried out
        # divides by is part of what the tree needs.
        done = _carried_out(node)
        if done is not None and not done.has(sp.Derivative) and done != node:
            _walk(done, limits, out)
        for integral in done.atoms(sp.Integral) if done is not None else ():
            # differentiated under the integral sign (Leibniz): what the derivative of its
            # integrand needs at every point, as far as it does not name the point
            bound = {lim[0] for lim in integral.limits}
            inner: list = []
            _walk(integral.function, limits, inner)
            out.extend(n for n in inner if not (n.expr.free_symbols & bound))
        # Where SymPy's derivative hides a point of no derivative: |f| and sign f where f = 0
        # (d/du |u| = sign u, 0 at 0), a root f^{1/2} where f = 0 (\sqrt{u^2} is |u|), and
        # every break of _kinks (max, min, cases, steps: d/dx \max(x, 0) is Heaviside(x),
        # 1/2 at 0 to SymPy; cases are differentiated piece by piece, their boundary not seen).
        variables = set(node.variables)
        for part in sp.preorder_traversal(node.expr):
            for arg in _kinks(part):
                if not arg.has(*variables):
                    continue
                pred_expr = evaluate(arg)
                if not cond.holds("nonzero", pred_expr):
                    out.append(
                        Need(
                            "derivative",
                            "nonzero",
                            pred_expr,
                            _key("nonzero", pred_expr, limits),
                            arg,
                        )
                    )
    if isinstance(node, sp.Subs):
        # a derivative at a point (f'(0), an evaluation bar around a derivative): what its
        # body needs, at the point: d/du |u| needs u \neq 0, so |x|'(0) needs 0 \neq 0. The
        # variable is bound: no condition may name it.
        inner: list = []
        _walk(node.expr, limits, inner)
        at = dict(zip(node.variables, node.point, strict=True))
        for need in inner:
            expr = need.expr.subs(at)
            shown = need.shown.subs(at) if isinstance(need.shown, sp.Basic) else need.shown
            out.append(Need(need.rule, need.pred, expr, _key(need.pred, expr, limits), shown))
        for point in node.point:
            _walk(point, limits, out)
        return
    if isinstance(node, sp.Limit):
        # a limit (an evaluation bar's infinite bound) is defined where it exists: its
        # condition is the limit's own (rewrite.node_definedness); its variable is bound and
        # its point (oo) is no value to walk
        return
    if isinstance(node, sp.Integral):
        # an integral is defined where it converges: check/integrals.py establishes that (a
        # finite value under the assumptions); only finite limits are walked here, and what
        # the integrand needs of the names it does not integrate over: \int_a^b \frac{1}{b -
        # a} \, dx is no number at b = a, whatever x is (a need that names x is the
        # integrand's at a point, which convergence settles)
        for lim in node.limits:
            for bound in lim[1:]:
                if not (bound.is_number and bound.is_infinite):
                    _walk(bound, limits, out)
        bound = {lim[0] for lim in node.limits}
        inner: list = []
        # (a piece of a piecewise integrand holds where its condition does, which may be
        # nowhere in the range: its needs are not the integral's)
        pieces = {p: sp.Dummy("piece") for p in node.function.atoms(sp.Piecewise)}
        _walk(node.function.xreplace(pieces), limits, inner)
        out.extend(n for n in inner if not (n.expr.free_symbols & bound))
        return
    if isinstance(node, (sp.Sum, sp.Product)):
        _walk(node.function, limits + tuple(tuple(lim) for lim in node.limits), out)
        for lim in node.limits:
            for bound in lim[1:]:
                if not (bound.is_number and bound.is_infinite):
                    _walk(bound, limits, out)
        if any(b.is_number and b.is_infinite for lim in node.limits for b in lim[1:]):
            # a series is a value where it converges (conditions.py: where SymPy sums it)
            rule = type(node).__name__.lower()
            out.append(Need(rule, "finite", node, _key("finite", node, limits), node))
        return
    for arg in node.args:
        _walk(arg, limits, out)


@lru_cache(maxsize=1024)
def _carried_out(derivative):
    """The derivative carried out (asked for again and again for the same tree), or None. A
    derivative of an integral is taken under the integral sign, not of the integral's value:
    SymPy writes a value in forms that divide by what the integral does not (an integral in
    t comes back over t), which are no condition of the derivative."""
    try:
        if derivative.expr.has(sp.Integral):
            return derivative.doit(deep=False)
        return carry_out(derivative)
    except Exception:  # noqa: BLE001 - SymPy could not differentiate: nothing learnt
        return None


def holds_over(pred: str, expr, limits: tuple) -> bool:
    """``pred(expr)`` for every value the bound variables of ``limits`` take in their ranges:
    decided at every point when the ranges are concrete and small, else proved with every
    variable written as its lower bound plus a nonnegative integer, or every one as its upper
    bound minus a nonnegative integer (each covers the whole range). False when not proved."""
    variables = [lim[0] for lim in limits if expr.has(lim[0])]
    if not variables:
        return False
    values = _at_every_point(expr, limits)
    if values is not None:  # concrete ranges: each value decided
        return all(cond.holds(pred, v) for v in values)
    for end in (1, 2):
        current = expr
        for _ in range(len(limits)):  # bounds may use outer variables: until none is left
            if not any(current.has(lim[0]) for lim in limits):
                break
            for var, lo, hi in limits:
                if current.has(var):
                    m = sp.Dummy("m", integer=True, nonnegative=True)
                    current = current.xreplace({var: lo + m if end == 1 else hi - m})
        if not any(current.has(lim[0]) for lim in limits) and cond.holds(pred, current):
            return True
    return False


@lru_cache(maxsize=4096)
def _defined_throughout(node, limits: tuple) -> bool:
    """Whether ``node``'s own definedness conditions (not its arguments') hold at every point
    of the ranges ``limits`` of the sums and products around it: proved with every bound
    variable written as its lower bound plus a nonnegative integer, or every one as its upper
    bound minus one (each covers the whole range). ``x!`` and ``\\lambda^x`` need nothing in
    ``\\sum_{x=0}^{\\infty}``; ``1/x`` needs nothing in ``\\sum_{x=1}^{n}``."""

    def free(tree) -> bool:  # a sum inside may bind the same name: only free ones count
        return any(lim[0] in tree.free_symbols for lim in limits)

    if not free(node):
        return False
    for end in (1, 2):
        current = node
        try:
            for _ in range(len(limits)):  # bounds may use outer variables: until none is left
                if not free(current):
                    break
                for var, lo, hi in limits:
                    bound = lo if end == 1 else hi
                    if var not in current.free_symbols or (bound.is_number and bound.is_infinite):
                        continue
                    m = sp.Dummy("m", integer=True, nonnegative=True)
                    # in the arguments only: SymPy's subs on the node turned 1/(a k) at
                    # k = m + 1 into 1/a times 1/(m + 1), a product with no condition of its
                    # own, and a != 0, not about the bound variable, was lost (a false
                    # verified: \sum_{k=1}^{n} 1/k = \sum_{k=1}^{n} a/(a k))
                    current = _put_in_arguments(current, var, bound + m if end == 1 else bound - m)
            if free(current):
                continue
            if all(cond.holds(pred, expr) for _, (pred, expr) in node_definedness(current)):
                return True
        except (ValueError, TypeError):  # SymPy could not build it: nothing proved
            continue
    return False


def _put_in_arguments(node, var, value):
    """``node`` with ``value`` put in for ``var`` in each of its arguments (which SymPy may
    evaluate: (m + 1) - 1 is m, so \\lambda^{x-1} at x = m + 1 is \\lambda^m, with a
    nonnegative exponent), the node itself built again without evaluation: its own conditions
    are read on it as written (1/(a k) stays one division by a (m + 1))."""
    args = [a.subs(var, value) if var in getattr(a, "free_symbols", ()) else a for a in node.args]
    return build(node.func, args)


def _at_every_point(expr, limits: tuple, most: int = 2000):
    """The values of ``expr`` at every point of the ranges ``limits`` (an inner range may use
    an outer variable; the empty ranges have no point), when they are concrete and have at
    most ``most`` points in all; else None."""
    from eqchain.check.ranges import integer_range

    points = [(expr, {})]  # the value so far, and the outer variables' values
    for var, lo, hi in reversed(limits):  # the outermost first
        out = []
        for e, at in points:
            if not e.has(var):
                out.append((e, at))
                continue
            found = integer_range(lo.xreplace(at), hi.xreplace(at))
            if found is None:
                return None
            for i in range(found[0], found[1] + 1):
                out.append((e.xreplace({var: sp.Integer(i)}), {**at, var: sp.Integer(i)}))
            if len(out) > most:
                return None
        points = out
    values = [e for e, _ in points]
    return values if all(not v.free_symbols for v in values) else None


def integrand_needs(tree) -> set:
    """What the integrands of the indefinite integrals in ``tree`` need for every value of
    their variable (``q(z) \\neq 0`` in ``\\int q(z) \\frac{p(x, z)}{q(z)} dz``), as
    ``(pred, canonical Lambda(z, expr))``; conditions that hold for every real z (e^z nonzero)
    are left out. A definite integral's are part of its convergence (check/integrals.py)."""
    out: set = set()
    for node in sp.preorder_traversal(tree):
        if not isinstance(node, sp.Integral):
            continue
        variables = [lim[0] for lim in node.limits if len(lim) == 1]
        if not variables:
            continue
        for inner in needs(node.function):
            if not inner.expr.has(*variables) or cond.holds(inner.pred, inner.expr):
                continue
            try:
                out.add((inner.pred, canonical(sp.Lambda(tuple(variables), inner.expr))))
            except (ValueError, TypeError):
                continue
    return out


# A sign condition over a range, as one condition: f_k > 0 for every k of lo..hi is the product
# over the range of (1 where f_k > 0, else 0) not being 0 (exact, and a number at any point).
_SIGN_OVER = {"positive": sp.StrictGreaterThan, "nonnegative": sp.GreaterThan}


def _key(pred: str, expr, limits: tuple, signs: bool = True):
    """The condition ``pred(expr)`` as one key: closed over the ranges ``expr`` names a variable
    of (f_k \neq 0 for every k: the product of f_k not 0; f_k > 0 or f_k \\ge 0 for every k:
    :data:`_SIGN_OVER`); None when it cannot be (another condition over a range)."""
    if not isinstance(expr, sp.Basic):
        return None
    inner = [lim for lim in limits if expr.has(lim[0])]
    if not inner:
        return (pred, canonical(expr))
    try:
        if pred == "nonzero":
            return ("nonzero", canonical(sp.Product(expr, *inner)))
        if pred in _SIGN_OVER and signs:
            if _fails_at_an_end(pred, expr, inner):
                # (-1)! at x = 0 of \sum_{x=0}^{\infty}: no condition on the names, a term
                # with no value (refute.undefined_term decides the step)
                return None
            indicator = sp.Piecewise((1, _SIGN_OVER[pred](expr, 0)), (0, True))
            return ("nonzero", canonical(sp.Product(indicator, *inner)))
    except (ValueError, TypeError):
        return None
    return None


def _fails_at_an_end(pred: str, expr, inner) -> bool:
    """Whether ``pred(expr)`` is false at a numeric end of one of the ranges ``inner``."""
    for var, *ends in inner:
        for end in ends:
            if not (end.is_number and end.is_finite):
                continue
            value = expr.xreplace({var: end})
            if value.is_number and (
                (pred == "positive" and value.is_positive is False)
                or (pred == "nonnegative" and value.is_nonnegative is False)
            ):
                return True
    return False


def over_a_range(key):
    """``(pred, f, (k, lo, hi))`` for a key that says ``pred(f)`` for every k of lo..hi (one
    range; see :func:`_key`), else None."""
    if key is None or key[0] != "nonzero" or not isinstance(key[1], sp.Product):
        return None
    product = key[1]
    if len(product.limits) != 1:
        return None
    f = product.function
    if isinstance(f, sp.Piecewise) and len(f.args) == 2 and f.args[0][0] == 1:
        (one, relation), (zero, otherwise) = f.args
        strict = isinstance(relation, (sp.StrictGreaterThan, sp.StrictLessThan))
        if (
            zero == 0
            and otherwise is sp.true
            and isinstance(relation, sp.core.relational.Relational)
        ):
            if isinstance(relation, (sp.Eq, sp.Ne)):
                return None
            pred = "positive" if strict else "nonnegative"
            return (pred, relation.gts - relation.lts, tuple(product.limits[0]))
        return None
    return ("nonzero", f, tuple(product.limits[0]))


def key_of(pred: str, expr):
    """The key of a condition with no enclosing sum or product."""
    return (pred, canonical(expr))


# -- reasoning under a domain ------------------------------------------------------------------

_REFINE = {"nonzero": {"zero": False}, "positive": {"positive": True}}
_REFINE["nonnegative"] = {"nonnegative": True}
_INHERITED = ("real", "integer", "rational", "positive", "negative", "nonnegative", "nonpositive")


def _refined(expr, pred: str):
    """A symbol standing for ``expr`` with what the assumptions say of it and ``pred``: a
    domain condition, like a declared one, holds with finiteness (``holds`` asks for it)."""
    assumptions = {"finite": True, **_REFINE[pred]}
    for name in _INHERITED:
        if getattr(expr, f"is_{name}", None) is True:
            assumptions[name] = True
    try:
        return sp.Dummy("d", **assumptions)
    except Exception:  # noqa: BLE001 - inconsistent assumptions: no refinement
        return None


def holds_within(pred: str, expr, domain) -> bool:
    """``pred(expr)`` follows from the assumptions and the domain conditions ``domain``
    (pairs ``(pred, expr)``; keys are compared for exact matches first). Never numeric."""
    if cond.holds(pred, expr):
        return True
    if not domain:
        return False
    keys = {_safe_key(p, e) for p, e in domain}
    target = _safe_key(pred, expr)
    if target is not None and target in keys:
        return True
    if pred == "nonzero" and target is not None and ("positive", target[1]) in keys:
        return True
    mapping = {}
    # each condition and its plainest parts, which it implies (2 pi sigma^2 != 0: sigma != 0)
    parts = [q for p, e in domain for q in [(p, e), *cond.plain_parts(p, e)]]
    for p, e in parts:
        if p in _REFINE and isinstance(e, sp.Basic) and not e.is_number:
            stand = _refined(e, p)
            if stand is not None:
                mapping[canonical(e)] = stand
    if not mapping:
        return False
    try:
        swapped = canonical(canonical(expr).xreplace(mapping))
        # the names alone refined too: a larger part refined as a whole keeps only the domain's
        # condition (e^{-x^2/s^2} as a nonzero number is not known positive; with s nonzero it
        # is)
        names = {k: v for k, v in mapping.items() if isinstance(k, (sp.Symbol, sp.Indexed))}
        by_names = canonical(canonical(expr).xreplace(names)) if names else swapped
    except (ValueError, TypeError):
        return False
    if cond.holds(pred, swapped) or (by_names != swapped and cond.holds(pred, by_names)):
        return True
    if pred in ("nonzero", "finite") and isinstance(swapped, (sp.Mul, sp.Pow)):
        # a product is nonzero (finite) when each factor is; a power with a positive integer
        # exponent when its base is
        factors = sp.Mul.make_args(swapped)
        return all(_factor_ok(pred, f) for f in factors)
    return False


def _factor_ok(pred: str, factor) -> bool:
    if cond.holds(pred, factor):
        return True
    if isinstance(factor, sp.Pow) and factor.exp.is_integer and factor.exp.is_positive:
        return cond.holds(pred, factor.base)
    return False


def _safe_key(pred, expr):
    try:
        return key_of(pred, expr)
    except (ValueError, TypeError):
        return None


def impossible(pred: str, expr) -> bool:
    """``pred(expr)`` is false under the assumptions (proved by SymPy's assumption system): a
    domain condition that makes the domain empty."""
    if not isinstance(expr, sp.Basic):
        return False
    try:
        e = canonical(expr)
    except (ValueError, TypeError):
        return False
    if e.has(sp.zoo, sp.nan) or (e.is_number and e.is_infinite):
        return True
    if pred == "nonzero" and isinstance(e, sp.Product) and len(e.limits) == 1:
        # "for every k of a range that is not empty": a factor at an end that is zero
        var, lo, hi = e.limits[0]
        if (hi - lo).is_nonnegative is True and any(
            canonical(e.function.xreplace({var: end})).is_zero is True for end in (lo, hi)
        ):
            return True
    if pred == "nonzero":
        return e.is_zero is True
    if pred == "positive":
        return e.is_nonpositive is True
    if pred == "nonnegative":
        return e.is_negative is True
    if pred == "finite":
        return e.is_finite is False
    return False
