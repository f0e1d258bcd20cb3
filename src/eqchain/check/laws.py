"""A law stated by a row, ``X \\sim \\mathcal{U}(a, b)``, connected to the expectations after it.

After the row ``X \\sim D`` (D a law of the table of densities, eqchain/densities.py, with its
number of parameters, or the Gaussian ``\\mathcal{N}(\\mu, \\sigma^2)``), an expectation written
without a subscript, ``\\mathrm{E}(X)``, ``\\mathbb{E}[g(X)]``, ``\\mathrm{Var}(X)``, is the
expectation over that law: ``\\mathbb{E}_{X \\sim D}[g(X)]``, decided as such (the law of the
unconscious statistician, ``expectation_lotus``, for a continuous law). Only where that is the
one reading:

* X is a plain name, stated with one law in the whole document (two laws for one name, as in
  ``P: X \\sim \\mathcal{N}(\\mu_1, \\sigma_1^2)``, ``Q: X \\sim \\mathcal{N}(\\mu_2,
  \\sigma_2^2)``, connect neither);
* the rows after the statement only (before it, X's law was not said);
* the expectation's argument mentions X, and no name but X, the law's parameters and names
  declared ``constant``: any other name may be random too (``\\mathrm{E}(X + Y)``, or t in
  ``\\mathbb{E}[e^{tX}]``), and holding it fixed would be a guess. Such an expectation stays as
  written (any distribution is then its, as before).

After the same statement, ``f_X(x)`` and ``p_X(x)`` (also ``f_\\mathrm{X}(x)``: the letter f or p,
the stated name, one capital letter, as its subscript, one argument: ``p_\\mu(y)`` after ``\\mu
\\sim \\mathcal{N}(0, 1)`` is a model with parameter mu to an ML author) are X's density (or
probability mass) at x, the StatProofBook's notation (``\\mathrm{E}(X) = \\int x \\cdot
f_\\mathrm{X}(x) \\, \\mathrm{d}x`` was unknown, "f_X stands on one side only"), where the
document defines no function of that name (``f_X(x) = \\lambda e^{-\\lambda x}``, written
without the support: the author's, as before; a value, ``f_X(\\mu) = \\frac{1}{\\sqrt{2\\pi}
\\sigma}``, defines nothing).
"""

from __future__ import annotations

import re
from dataclasses import replace

import sympy as sp
from sympy.core.function import AppliedUndef

from eqchain.check.expectations import nonrandom
from eqchain.densities import density_named
from eqchain.operators import Event, Expectation, Law, Normal, gaussian_density

_GAUSSIAN = "mathcalN"


def stated_law(step):
    """(X, law) for a step ``X \\sim D`` with X a plain name and D a law eqchain knows (a
    :class:`~eqchain.operators.Law` or :class:`~eqchain.operators.Normal`); else None."""
    if step.relation != "sim" or step.continues or not isinstance(step.lhs, sp.Symbol):
        return None
    if step.law is not None:
        # P: X \sim D names one of several laws of X: an expectation without a subscript
        # does not say which it is over
        return None
    law = step.rhs
    if not isinstance(law, AppliedUndef):
        return None
    name = law.func.__name__
    if density_named(name, len(law.args)) is None:
        return None
    if name == _GAUSSIAN:
        return step.lhs, Normal(*law.args)
    return step.lhs, Law(name, *law.args)


def with_stated_laws(steps: tuple) -> tuple:
    """``steps`` with each expectation of a stated variable after its statement taken over its
    law (see the module's docstring); the same steps when there is none."""
    found: dict = {}  # X -> (position of its statement, law), or None when stated twice
    for position, step in enumerate(steps):
        stated = stated_law(step)
        if stated is None:
            continue
        variable, law = stated
        if variable in found and (found[variable] is None or found[variable][1] != law):
            found[variable] = None
        elif variable not in found:
            found[variable] = (position, law)
    laws = {x: v for x, v in found.items() if v is not None}
    if not laws:
        return steps
    parameters = {x for _, law in laws.values() for x in law.free_symbols}
    written = {  # the functions a row defines, its left side applied to a name (no parameter of
        # a law) its right side is written in: the document's own (f_X(x) = ..., f_X(x_i) =
        # \lambda e^{-\lambda x_i}); a value, p_Y(2) = ..., f_X(\mu) = \frac{1}{\sqrt{2\pi}
        # \sigma}, f_X(\lambda) = \lambda e^{-\lambda^2}, defines nothing (red team s45)
        step.lhs.func.__name__
        for step in steps
        if isinstance(step.lhs, AppliedUndef)
        and isinstance(step.rhs, sp.Basic)
        and any(
            isinstance(a, (sp.Symbol, sp.Indexed))
            and not ({a} | a.free_symbols) & parameters
            and step.rhs.has(a)
            for a in step.lhs.args
        )
    }
    out = []
    for position, step in enumerate(steps):
        now = {x: law for x, (at, law) in laws.items() if at < position}
        if now and step.rhs is not None:
            # a row continuing a chain (``= ...``) has no left side of its own: its right
            # side is taken over the law as the chain's first row is
            lhs = None if step.lhs is None else _over_laws(step.lhs, now, written)
            rhs = _over_laws(step.rhs, now, written)
            if (lhs, rhs) != (step.lhs, step.rhs):
                step = replace(step, lhs=lhs, rhs=rhs)
        out.append(step)
    return tuple(out)


# the probability of an event, as posts write it: P(X = 1), \mathrm{Pr}(X = 0), \mathbb{P}(X = k)
_PROBABILITY = frozenset({"P", "Pr", "mathbbP", "mathrmP", "operatornamePr", "mathrmPr"})


def _probability(node, laws: dict):
    """``P(X = c)`` with X stated of a discrete law of the table (Bernoulli, binomial, Poisson:
    one parameterisation each), c a number: the law's probability mass at c (0 outside its
    support, undefined where its parameters' conditions fail); None for anything else (a
    continuous law, whose P(X = c) an author may mean as its density, another event, a
    function the document defines)."""
    if not (isinstance(node, AppliedUndef) and node.func.__name__ in _PROBABILITY):
        return None
    if len(node.args) != 1 or not isinstance(node.args[0], Event):
        return None
    variable, value = node.args[0].args
    law = laws.get(variable)
    if not isinstance(law, Law) or not value.is_number:
        # P(X = x) with x a name: the author's pmf, written as such (P(X = x) = p^x
        # (1-p)^{1-x}), whose support the row does not write: no value put in
        return None
    density = density_named(law.name, len(law.parameters))
    if density is None or not density.discrete:
        return None
    return density.value(value, law.parameters)


# f_X(x), p_X(x): the density (or mass) of the law stated of X (see the module's docstring);
# X a capital Latin letter, as random variables are written
_DENSITY_LETTERS = ("f", "p")
_RANDOM_VARIABLE = re.compile(r"[A-Z]")


def _density(node, laws: dict, written: frozenset | set):
    """``f_X(x)`` with X stated of a law of the table, and no row's left side applying f_X:
    the law's density (or mass) at x (undefined where its parameters' conditions fail); None
    for anything else."""
    if not isinstance(node, AppliedUndef) or len(node.args) != 1:
        return None
    if isinstance(node.args[0], Event):
        return None  # p_N(N = 0): a probability written with a density's name, not read
    letter, _, subscript = node.func.__name__.partition("_")
    if letter not in _DENSITY_LETTERS or node.func.__name__ in written:
        return None
    if not _RANDOM_VARIABLE.fullmatch(subscript):
        return None  # p_\mu(y), p_\theta(x): a model with that parameter, no density of \mu
    variable = next((x for x in laws if x.name == subscript), None)
    if variable is None:
        return None
    law, (x,) = laws[variable], node.args
    if isinstance(law, Normal):
        mean, variance = law.args
        return sp.Piecewise((gaussian_density(x, mean, variance), variance > 0))
    density = density_named(law.name, len(law.parameters))
    return None if density is None else density.value(x, law.parameters)


def _over_laws(expr, laws: dict, written=frozenset()):
    if not isinstance(expr, sp.Basic) or not expr.args:
        return expr
    args = tuple(_over_laws(a, laws, written) for a in expr.args)
    node = expr.func(*args) if args != expr.args else expr
    mass = _probability(node, laws)
    if mass is not None:
        return mass
    density = _density(node, laws, written)
    if density is not None:
        return density
    if not isinstance(node, Expectation) or node.under:
        return node
    body = node.body
    for variable, law in laws.items():
        if not body.has(variable):
            continue
        allowed = {variable} | law.free_symbols
        others = body.free_symbols - allowed
        if not all(isinstance(s, sp.Symbol) and nonrandom(s) for s in others):
            continue
        # its own real variable, as the reader's E_{x \sim p}: a law of the table is real
        bound = sp.Symbol(variable.name, real=True)
        if bound != variable and bound in body.free_symbols | law.free_symbols:
            continue
        return Expectation(body.xreplace({variable: bound}), bound, law)
    return node
