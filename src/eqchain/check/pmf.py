"""A sum over the values of a random variable with its pmf: ``\\sum_x g(x) p_X(x)`` is E[g(X)].

``p_X(x)`` and ``f_X(x)``, p or f with one capital letter X as the subscript, is the standard
notation for the probability mass (or density) function of the random variable X. Summed over x
without a range (``\\sum_x``, whose reading is an index set left abstract, 1..n_x), as a factor
of the body, it is the sum over the values of X weighted by their probabilities: the
expectation ``\\mathbb{E}[g(X)]`` (the law of the unconscious statistician for a discrete X).
The sum is replaced by that expectation, and the expectations' rules decide the step: linearity,
the pmf's total mass (``\\sum_x p_X(x)`` is ``\\mathbb{E}[1]``, 1), and a concrete distribution
refutes.

Only where that is the one reading, for the whole document: every ``p_X`` it writes is such a
factor of the body of a sum without a range, applied to that sum's index, and the body mentions
it once. A ``p_X`` written anywhere else (``p_X(1)``, ``p_X(x) = \\theta^x``, ``\\log
p_X(x)``, a sum with its range written) may be a function the document defines or restricts, so
its sums stay as written: an abstract index set, the function uninterpreted.
"""

from __future__ import annotations

import re
from dataclasses import replace

import sympy as sp
from sympy.core.function import AppliedUndef

from eqchain.latex.parser import abstract_bound
from eqchain.operators import Expectation

_PMF = re.compile(r"^[pf]_([A-Z])$")


def with_pmf_sums(steps: tuple, scope) -> tuple:
    """``steps`` with each sum ``\\sum_x g(x) p_X(x)`` over its abstract range replaced by
    ``\\mathbb{E}[g(X)]`` (see the module's docstring); the same steps when the document writes
    a pmf any other way, or none."""
    trees = [t for s in steps for t in (s.lhs, s.rhs) if isinstance(t, sp.Basic)]
    pmfs = {
        f.func
        for t in trees
        for f in t.atoms(AppliedUndef)
        if _PMF.match(f.func.__name__) and len(f.args) == 1
    }
    if not pmfs:
        return steps
    found: dict = {}
    for t in trees:
        for node in t.atoms(sp.Sum):
            expectation = _as_expectation(node, pmfs, scope)
            if expectation is not None:
                found[node] = expectation
    replaced = [_replace(t, found) for t in trees]
    # every pmf the document writes must be inside the sums so replaced (else: not one reading)
    if any(a.func in pmfs for t in replaced for a in t.atoms(AppliedUndef)):
        return steps
    out = []
    for step in steps:
        lhs, rhs = (_replace(t, found) for t in (step.lhs, step.rhs))
        out.append(step if (lhs, rhs) == (step.lhs, step.rhs) else replace(step, lhs=lhs, rhs=rhs))
    return tuple(out)


def _as_expectation(node: sp.Sum, pmfs: set, scope):
    """``\\mathbb{E}[g(X)]`` for ``node`` = ``Sum(g(x) p_X(x), (x, 1, n_x))``; else None."""
    if len(node.limits) != 1:
        return None
    x, lo, hi = node.limits[0]
    if lo != 1 or not isinstance(hi, sp.Symbol) or hi.name != abstract_bound(x).name:
        return None
    factors = sp.Mul.make_args(node.function)
    masses = [f for f in factors if isinstance(f, AppliedUndef) and f.func in pmfs]
    if len(masses) != 1 or masses[0].args != (x,):
        return None
    (mass,) = masses
    rest = sp.Mul(*(f for f in factors if f is not mass))
    if any(a.func in pmfs for a in rest.atoms(AppliedUndef)) or rest.has(hi):
        return None
    variable = _random_variable(_PMF.match(mass.func.__name__).group(1), scope)
    outside = rest.xreplace({e: sp.Dummy() for e in rest.atoms(Expectation)})
    if variable is None or outside.has(variable):
        return None  # X written inside the sum too: \sum_x x X p_X(x) is no E[g(X)]
    return Expectation(rest.xreplace({x: variable}))


def _random_variable(name: str, scope):
    """The document's symbol X (as its other rows read it), or a new one read as they would
    read it; None when X names something else (a family, a function)."""
    if scope is None:
        return sp.Symbol(name, real=True)
    if name in getattr(scope, "families", {}) or name in getattr(scope, "functions", {}):
        return None
    symbol = scope.symbols.get(name)
    if symbol is not None:
        return symbol
    return sp.Symbol(name, real=True) if getattr(scope, "real_by_default", False) else None


def _replace(expr, found: dict):
    if not isinstance(expr, sp.Basic):
        return expr
    if expr in found:
        return found[expr]
    if not expr.args:
        return expr
    args = tuple(_replace(a, found) for a in expr.args)
    return expr.func(*args) if args != expr.args else expr
