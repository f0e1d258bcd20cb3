"""The two moves authors make that are not equalities: putting values in (specialisation) and
making a concrete bound symbolic (generalisation).

Both are *found* with help from numbers where needed, but *accepted* only on a symbolic check:
the specialised expression must equal the row exactly (and holds for those values only), and a
generalisation must be proved for every value (its instance being the earlier equation says where
it came from, nothing more).
"""

from __future__ import annotations

import random

import sympy as sp
from sympy.core.function import AppliedUndef

from eqchain.check.equivalence import expand_concrete, prove_equal
from eqchain.check.search import Search
from eqchain.latex import matrices
from eqchain.latex.printer import latex
from eqchain.tree import canonical


def defined_symbol(lhs):
    """The symbol a definition ``lhs = ...`` would introduce (``L`` or ``\\log L``, a family's
    member ``y_k`` or ``\\mu_1``), or the function (``f(x)``, applied to distinct symbols), or
    None."""
    if isinstance(lhs, sp.log) and isinstance(lhs.args[0], (sp.Symbol, sp.Indexed)):
        lhs = lhs.args[0]
    if isinstance(lhs, sp.Symbol):
        return lhs
    if isinstance(lhs, sp.Indexed) and (
        all(i.is_Symbol for i in lhs.indices) or all(i.is_Integer for i in lhs.indices)
    ):
        return lhs  # y_k = ... (the generic member), \mu_1 = ... (a numbered one)
    names = [a.base if _square_of_name(a) else a for a in getattr(lhs, "args", ())]
    if (
        isinstance(lhs, AppliedUndef)
        and not matrices.is_node(lhs)  # a vector or matrix is no function being defined
        and lhs.args
        and all(
            isinstance(a, sp.Symbol)
            or (isinstance(a, sp.Indexed) and all(i.is_Integer for i in a.indices))
            for a in names
        )
        and len(set(names)) == len(names)
    ):
        # f(x, y) = ...: defines the function f; \ell(\mu, \sigma^2) = ... too, a function
        # of the square (engine._put_arguments puts arguments in only where that is faithful)
        return lhs
    if (
        isinstance(lhs, sp.Pow)
        and isinstance(lhs.base, sp.Symbol)
        and lhs.exp.is_Integer
        and lhs.exp > 1
        and lhs.base.assumptions0.keys() <= {"commutative"}
    ):
        return lhs  # s^2 = ... names the square of a new, undeclared s (a sample variance)
    if (
        isinstance(lhs, sp.Pow)
        and isinstance(lhs.base, sp.Indexed)
        and all(i.is_Symbol for i in lhs.base.indices)
        and lhs.exp.is_Integer
        and lhs.exp > 1
        and lhs.base.assumptions0.keys() <= {"commutative", "family"}
    ):
        return lhs  # \sigma_x^2 = ... names the square of a member no declaration restricts
    return None


def _square_of_name(arg) -> bool:
    return (
        isinstance(arg, sp.Pow)
        and isinstance(arg.base, sp.Symbol)
        and arg.exp.is_Integer
        and arg.exp > 1
    )


def specialization(prev, cur, admit=None, kept=None):
    """Values for symbols of ``prev`` that turn it into ``cur``: returns ``(rule, text, values)``
    with rule ``one_hot`` (a one-hot vector) or ``specialize``, or None. ``admit(values)`` says
    whether the values are allowed at all (they must meet the declarations: putting y = -1
    into a row about a positive y specialises nothing). ``kept``: the row's left side as
    written; a symbol it names keeps its meaning, no value is put in for it
    (``\frac{d}{dt}(a e^t + 1 - a) = e^t`` after ``= a e^t`` is no case a = 1: its left side
    still holds a)."""
    P = expand_concrete(canonical(prev))
    C = canonical(cur)
    # Atoms of the row as written: 0 \cdot \log y_2 still mentions y_2.
    cur_atoms = _atoms(cur) | _atoms(C)
    if isinstance(kept, sp.Basic):
        cur_atoms |= _atoms(kept) | _atoms(canonical(kept))
    unknowns = sorted((a for a in _atoms(P) if a not in cur_atoms), key=_natural)
    if not unknowns or len(unknowns) > 50:
        return None
    for sigma in (_walk(P, C, set(unknowns)), _linear(P, C, unknowns)):
        if not sigma or set(sigma) != set(unknowns):
            continue
        if admit is not None and not admit(sigma):
            continue
        if prove_equal(P.xreplace(sigma), C):
            shown = ", ".join(
                f"{latex(k)} = {latex(v)}"
                for k, v in sorted(sigma.items(), key=lambda kv: _natural(kv[0]))
            )
            return _name(sigma), shown, sigma
    return None


def _natural(atom):
    import re

    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", str(atom))]


def _atoms(expr) -> set:
    labels = {a.base.label for a in expr.atoms(sp.Indexed)}
    return (
        {a for a in expr.atoms(sp.Indexed)}
        | {s for s in expr.free_symbols if isinstance(s, sp.Symbol)}
    ) - labels


def _name(sigma: dict) -> str:
    """``one_hot`` for the members of one family put to 0 but one put to 1 (t = (1, 0, ...));
    coefficients of other names so put (f = a x + b, then = x) are a ``specialize``."""
    values = list(sigma.values())
    bases = {k.base for k in sigma if isinstance(k, sp.Indexed)}
    if (
        len(values) > 1
        and sorted(values) == [0] * (len(values) - 1) + [1]
        and len(bases) == 1
        and all(isinstance(k, sp.Indexed) for k in sigma)
    ):
        return "one_hot"
    return "specialize"


def _walk(P, C, unknowns: set):
    """Match the two trees node by node, binding unknown atoms of ``P`` to numbers of ``C``."""
    sigma: dict = {}

    def go(p, c) -> bool:
        if p in unknowns and c.is_number:
            if p in sigma and sigma[p] != c:
                return False
            sigma[p] = c
            return True
        if p == c:
            return True
        if p.func != c.func or len(p.args) != len(c.args) or not p.args:
            return False
        return all(go(a, b) for a, b in zip(p.args, c.args, strict=True))

    return sigma if go(P, C) else None


def _linear(P, C, unknowns):
    """When ``P - C`` is linear in the unknowns: solve at random points, keep small rationals."""
    d = P - C
    for u in unknowns:
        if sp.diff(d, u, 2) != 0:
            return None
    others = sorted(_atoms(d) - set(unknowns), key=_natural)
    rng = random.Random(0)
    rows, rhs = [], []
    for _ in range(len(unknowns) + 3):
        point = {o: sp.Rational(rng.randint(2, 40), rng.randint(3, 17)) for o in others}
        at = d.xreplace(point)
        const = at.xreplace({u: 0 for u in unknowns})
        rows.append([sp.N(sp.diff(at, u), 30) for u in unknowns])
        rhs.append(sp.N(-const, 30))
    try:
        A, b = sp.Matrix(rows), sp.Matrix(rhs)
        solution = (A.T * A).LUsolve(A.T * b)
    except (ValueError, ZeroDivisionError, TypeError):
        return None
    sigma = {}
    for u, v in zip(unknowns, solution, strict=True):
        if not v.is_number:
            return None
        r = sp.nsimplify(v, tolerance=1e-20, rational=True)
        if abs(r.q) > 1000:
            return None
        sigma[u] = r
    return sigma


def generalization(lhs, rhs, history):
    """When a symbolic bound of ``lhs = rhs`` put to a concrete value gives an earlier equation,
    ``(instance, text)``: the values (``{K: 6}``) and where the instance is; else None. Finding
    the instance proves nothing about other values: the caller proves the general claim."""
    bounds = set()
    for e in (lhs, rhs):
        for node in e.atoms(sp.Sum, sp.Product):
            for _, _, hi in node.limits:
                if isinstance(hi, sp.Symbol):
                    bounds.add(hi)
    if not bounds:
        return None
    search = Search((), {}, allowed={"sum_expand", "sum_fold", "prod_expand", "prod_fold"})
    for label, line, a, b in reversed(history):
        concrete = {
            int(hi)
            for e in (a, b)
            for node in e.atoms(sp.Sum, sp.Product)
            for _, _, hi in node.limits
            if hi.is_Integer
        }
        for sym in sorted(bounds, key=str):
            for value in sorted(concrete):
                inst = {sym: sp.Integer(value)}
                if (
                    search.find(lhs.xreplace(inst), a, 2) is not None
                    and search.find(rhs.xreplace(inst), b, 2) is not None
                ):
                    where = f"({label})" if label else f"line {line}" if line else "earlier"
                    return inst, where
    return None
