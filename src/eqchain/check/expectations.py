"""Steps with expectations: proved by the expectation's linearity, refuted by a small distribution.

The reader makes :class:`~eqchain.operators.Expectation` of ``\\mathbb{E}[X]``,
``\\langle X \\rangle`` and their kin, and reads ``\\operatorname{Var}`` and ``\\mathrm{Cov}``
by their definitions through it. A step with one is decided here when the expectations kept
whole (equal arguments, equal values) do not already prove it. Three rules of the table
(rules.py, family ``expectation``) prove it:

1. ``expectation_body``: both sides are one expectation over the same thing, with arguments
   equal in every outcome (algebra inside the brackets). No condition.
2. ``expectation_linear``: each expectation's argument expanded into terms, each term split
   into a constant factor and a random part, ``E[c Y + d Z] = c E[Y] + d E[Z]``; and
   ``expectation_constant``: ``E[c] = c``. A factor is constant when it has no symbol that may
   be random: numbers, expectations (an expectation is a number), symbols declared
   ``constant``; in an expectation whose subscript names its variable (``E_{x \\sim p}``,
   ``E_x``, ``E_{p(x)}``) every other symbol is held fixed. Splitting a sum needs each random
   part's expectation finite (so that no infinity is subtracted from another): established for
   a polynomial in variables declared ``moments`` (finite moments of every order), otherwise
   the step is ``unknown`` naming it. A proof that needs a symbol constant that is not declared
   so is ``unknown`` naming the symbol.

A step none of them proves may be refuted by a concrete distribution: each symbol that may be
random takes two values (allowed by its declared assumptions) with given probabilities,
independently, every other symbol one value; each expectation is then a finite sum, and the two
sides are compared exactly (or at two precisions). Only expectations without a distribution
(``E[...]``, ``\\langle ... \\rangle``, ``E_X[...]``) are refuted: any distribution is theirs.
"""

from __future__ import annotations

import itertools
import random
import re
from dataclasses import replace

import sympy as sp

from eqchain.check.equivalence import prove_equal
from eqchain.densities import density_named, established
from eqchain.latex.commands import ACCENTS
from eqchain.latex.names import undecorated
from eqchain.latex.printer import latex
from eqchain.model import Counterexample, StepResult, Verdict
from eqchain.operators import Expectation, Given, Law, Normal, Sequence, gaussian_density
from eqchain.tree import canonical

# (values, probability of the first) of the two-point distributions tried, in order
_TWO_POINTS = (
    ((0, 1), sp.Rational(1, 2)),
    ((1, 3), sp.Rational(1, 4)),
    ((-1, 2), sp.Rational(1, 3)),
    ((2, 5), sp.Rational(2, 3)),
)
_TOGETHER = " (all take their first value together, or all their second)"
_TOGETHER_LATEX = " \\text{" + _TOGETHER + "}"
_MOST_RANDOM = 3  # at most this many random symbols (2^3 outcomes)


def has_expectation(*exprs) -> bool:
    return any(isinstance(e, sp.Basic) and e.has(Expectation) for e in exprs)


def nonrandom(symbol) -> bool:
    """Whether ``symbol`` is declared ``constant`` (not random)."""
    return bool(getattr(symbol, "assumptions0", {}).get("nonrandom"))


def finite_moments(symbol) -> bool:
    """Whether ``symbol`` is declared ``moments`` (finite moments of every order)."""
    return bool(getattr(symbol, "assumptions0", {}).get("finite_moments"))


def expectation_step(step, lhs, rhs, side_conditions, warnings, facts, values, givens, domain):
    """The verdict on ``lhs = rhs`` when a side holds an expectation and a rule of expectations
    decides it; None to let the ordinary path decide (nothing to do with expectations, or no
    proof and no counterexample here)."""
    from eqchain.check import engine  # the engine imports this module

    if not has_expectation(lhs, rhs):
        return None
    ranges = facts.ranges
    left, right, opaque_givens = _opaque(lhs, rhs, givens)
    if _prove_whole(left, right, opaque_givens, ranges) is not None:
        return None  # the expectations as they stand: the ordinary path names the algebra
    matched = _bodies_matched(lhs, rhs, ranges)
    if matched is not None:
        a, b, g = _opaque(lhs, matched, givens)
        how = _prove_whole(a, b, g, ranges)
        if how is not None:
            rules = ["expectation_body"] + ([] if how == "algebra" else [how])
            # an expectation of the right side whose argument equals one of the left side's
            # in every outcome is finite where that one is; not the expectations inside it
            # (E[(X+1)^2] = E[X^2 + 2X + 1 + E[Z^3] - E[Z^3]] was verified: E[Z^3] may have
            # no value; final review s48)
            same = set(_top(rhs)) - matched.atoms(Expectation)
            kept = [c for c in side_conditions if not (c[0] == "expectation" and c[1][1] in same)]
            return engine._decide(step, rules, kept, warnings, values, facts, domain)
    # a proof by linearity that needs something (finite moments, a name constant): what the
    # step gets unless an expectation over a stated law decides it (integrals or sums)
    pending = None
    for guess in _guesses(lhs, rhs):
        # what the source makes finite: its moments, its laws, constant combinations of what
        # it takes the expectation of (introduced)
        record = _Record(guess, lambda e, lhs=lhs: not introduced([lhs], e))
        expanded = [_linear(side, record) for side in (lhs, rhs)]
        if not record.rules:
            continue
        a, b, g = _opaque(*expanded, givens)
        how = _prove_whole(a, b, g, ranges)
        if how is None:
            continue
        rules = record.rules + ([] if how == "algebra" else [how])
        needs = record.needs()
        if not needs:
            return engine._decide(step, rules, side_conditions, warnings, values, facts, domain)
        reason = "; ".join(f"{rule} needs {text}" for rule, text in needs)
        pending = StepResult(step, Verdict.UNKNOWN, tuple(rules), reason, warnings=tuple(warnings))
        break
    lotus = _by_density(lhs, rhs, givens)
    if lotus is not None:  # the law of the unconscious statistician: integrals over the density
        from eqchain.check.integrals import integral_step

        result = integral_step(
            step, *lotus, side_conditions, warnings, facts, values, givens, domain
        )
        if result is not None:
            if pending is not None and result.verdict is Verdict.UNKNOWN:
                return pending
            if result.verdict is Verdict.UNKNOWN and result.reason.startswith("no symbolic"):
                return _unsettled_law(step, lhs, rhs, givens, warnings)
            if result.verdict is Verdict.UNKNOWN:
                reason = f"expectation_lotus, the expectation as an integral: {result.reason}"
                result = replace(result, reason=reason)
            if result.verdict is not Verdict.REFUTED:
                result = replace(result, rules=("expectation_lotus", *result.rules))
            return result
    summed = _by_mass(lhs, rhs, givens)
    if summed is not None:  # over a probability mass function: sums
        decided = _decide_sums(step, *summed, side_conditions, warnings, facts, values, givens)
        if decided is not None:
            return decided
    if pending is not None:
        return pending
    cex = distribution_counterexample(lhs, rhs, givens)
    if cex is not None:
        reason = "the two sides differ for a concrete distribution"
        return StepResult(step, Verdict.REFUTED, (), reason, cex, tuple(warnings))
    return _unsettled_law(step, lhs, rhs, givens, warnings)


def _prove_whole(left, right, givens, ranges):
    """``prove_equal`` with each integral kept as one opaque quantity as well: SymPy's
    ``simplify`` would evaluate an integral by itself (the density of a Kullback-Leibler
    divergence took it a minute), with conditions it does not report. An integral is decided
    by the integral rules (check/integrals.py) once the expectations are integrals."""
    from eqchain.check.integrals import _opaque as opaque_integrals
    from eqchain.check.integrals import has_integral

    if has_integral(left, right, *(side for pair in givens for side in pair)):
        left, right, givens = opaque_integrals(left, right, givens)
    return prove_equal(left, right, givens, ranges)


def _unsettled_law(step, lhs, rhs, givens, warnings):
    """``unknown`` naming the parameters' conditions of the laws the step's expectations are
    over (``\\mathrm{Exp}(\\lambda + \\mu)``: ``\\lambda + \\mu > 0``) that are not established:
    what would let the expectation be taken as its integral. None when there are none."""
    needs = []
    for side in (lhs, rhs):
        for e in side.atoms(Expectation):
            law = e.args[2] if e.variable is not None else None
            if isinstance(law, Law):
                d = density_named(law.name, len(law.parameters))
                holds = d.holds(*law.parameters) if d is not None else sp.true
            elif isinstance(law, Normal):
                holds = law.args[1] > 0
            else:
                continue
            for c in sp.And.make_args(holds):
                if c != sp.true and not established(c, givens) and c not in needs:
                    needs.append(c)
    if not needs:
        return None
    shown = ", ".join(latex(c) for c in needs)
    reason = (
        f"expectation_lotus needs {shown} (the law's parameters' conditions, not established "
        "by the assumptions)"
    )
    return StepResult(step, Verdict.UNKNOWN, (), reason, warnings=tuple(warnings))


# -- linearity -----------------------------------------------------------------------------------


class _Record:
    """What an expansion used: its rules, the symbols it took as constant without their being
    declared so, the expectations it needs finite. ``guess``: None to take every symbol not
    declared constant as random; else the symbols taken as random, every other one constant
    (and named as a condition when a proof takes it so)."""

    def __init__(self, guess: frozenset | None, implied=None):
        self.guess = guess
        # expectations the step's source makes finite where it is defined (_finite_by_source)
        self.implied = implied or (lambda e: False)
        self.rules: list[str] = []
        self.assumed_constant: dict = {}  # rule -> the symbols it took constant
        self.finite: list = []  # expectations a split needs finite
        self.tower_finite: list = []  # expectations the law of total expectation needs finite

    def use(self, rule: str) -> None:
        if rule not in self.rules:
            self.rules.append(rule)

    def assume_constant(self, rule: str, symbol) -> None:
        taken = self.assumed_constant.setdefault(rule, [])
        if symbol not in taken:
            taken.append(symbol)

    def needs(self) -> list[tuple[str, str]]:
        out = []
        for rule, symbols in self.assumed_constant.items():
            names = ", ".join(latex(s) for s in symbols)
            pronoun = "them" if len(symbols) > 1 else "it"
            out.append((rule, f"{names} constant (not random; declare {pronoun} 'constant')"))
        for rule, finite in (
            ("expectation_tower", self.tower_finite),
            ("expectation_linear", self.finite),
        ):
            missing = _unique([e for e in finite if not _finite(e) and not self.implied(e)])
            if missing:
                shown = ", ".join(latex(e) for e in missing)
                text = (
                    f"finite moments: {shown} finite (declare the random variable with 'moments')"
                )
                out.append((rule, text))
        return out


def _guesses(lhs, rhs):
    """The readings tried in turn: every symbol not declared constant random (None); then the
    symbols written outside every expectation taken constant (``a`` and ``b`` in
    ``E[a X + b] = a E[X] + b``), unless declared ``moments``: a proof under that reading is
    ``unknown``, naming them."""
    yield None
    inside, _ = _maybe_random(lhs, rhs)
    guess = frozenset(_random_guess(lhs, rhs))
    if guess != inside:
        yield guess


def _maybe_random(lhs, rhs):
    """(the symbols inside expectations without a subscript that are not declared constant,
    the symbols written outside every expectation)."""
    inside = set()
    for side in (lhs, rhs):
        for e in side.atoms(Expectation):
            if _random_symbols(e) is None:
                inside |= {s for s in _outside(e.body) if not nonrandom(s)}
            for c in _conditioned_on(e):  # E[Y | X]: X may be random too
                inside |= {s for s in c.free_symbols if not nonrandom(s)}
    return frozenset(inside), _outside(lhs) | _outside(rhs)


def _random_guess(lhs, rhs) -> set:
    """The symbols taken random when the document does not say: those inside expectations
    and nowhere outside them, and those declared ``moments``."""
    inside, outside = _maybe_random(lhs, rhs)
    return {s for s in inside if s not in outside or finite_moments(s)}


def _linear(expr, record: _Record):
    """``expr`` with each expectation split by linearity (innermost first)."""
    if not isinstance(expr, sp.Basic) or not expr.args:
        return expr
    if isinstance(expr, Expectation):
        body = _linear(expr.body, record)
        return _split(Expectation(body, *expr.under) if body != expr.body else expr, record)
    args = tuple(_linear(a, record) for a in expr.args)
    return expr.func(*args) if args != expr.args else expr


def _split(node: Expectation, record: _Record):
    random_symbols = _random_symbols(node)
    conditions = _conditioned_on(node)
    try:
        terms = sp.Add.make_args(sp.expand(node.body))
    except (TypeError, ValueError, RecursionError):
        return node
    out, parts, used, taken = [], [], [], []
    for term in terms:
        constant, part = [], []
        for factor in sp.Mul.make_args(term):
            held = _is_constant(factor, random_symbols, record.guess, conditions)
            (constant if held else part).append(factor)
        c, y = sp.Mul(*constant), sp.Mul(*part)
        if random_symbols is None and record.guess is not None:
            taken.append(("expectation_constant" if y == 1 else "expectation_linear", c))
        if y == 1:
            used.append("expectation_constant")
            out.append(c)
            continue
        e = Expectation(y, *node.under)
        inner = _tower(e)
        if inner is not None:  # E[E[Y | X]] = E[Y]: taken apart again under the outer one
            used.append("expectation_tower")
            record.tower_finite.append(Expectation(inner.body))
            e = inner
            split = _split(e, record)
            if split != e:
                parts.extend(split.atoms(Expectation) - {e})
                out.append(c * split)
                if c != 1:
                    used.append("expectation_linear")
                    record.finite.extend(c.atoms(Expectation))
                continue
        parts.append(e)
        out.append(c * e)
        if c != 1:
            used.append("expectation_linear")
            record.finite.extend(c.atoms(Expectation))
    if len(terms) > 1:
        used.insert(0, "expectation_linear")
    if not used:
        return node
    record.finite.extend(parts)  # E[c Y] = c E[Y] and E[Y + Z] = E[Y] + E[Z] for finite ones
    for rule in used:
        record.use(rule)
    for rule, c in taken:
        for s in sorted(_outside(c), key=lambda s: s.name):
            if not nonrandom(s):
                record.assume_constant(rule, s)
    return sp.Add(*out)


def _tower(e: Expectation):
    """``E[E[Y | X]]`` as ``E[Y]``, ``E[E[Y | X, Z] | X]`` as ``E[Y | X]`` (the law of total
    expectation): ``e``'s argument one conditional expectation (``E[Y | X]``, not
    ``E_{Y|X}[Y]``, whose subscript holds every other name fixed) and ``e`` unconditioned, or
    conditioned on some of the same names; None otherwise."""
    inner = e.body
    if not isinstance(inner, Expectation) or not _conditioned_on(inner):
        return None
    if not e.under:
        return Expectation(inner.body)
    outer = _conditioned_on(e)
    if len(e.under) == 1 and outer and set(outer) <= set(_conditioned_on(inner)):
        return Expectation(inner.body, *e.under)
    return None


def _random_symbols(node: Expectation):
    """The symbols the expectation is over when its subscript names them, else None (any
    symbol not declared constant may be random)."""
    if node.variable is not None:
        return {node.variable}
    if len(node.under) == 1:
        (under,) = node.under
        if isinstance(under, Given) and under.unnamed:
            return None  # E[Y | X]: as E[Y], X held fixed (_held)
        if isinstance(under, Given):  # E_{Z | X}: over Z, X held fixed
            return {under.variable}
        if isinstance(under, sp.Symbol):
            # E_\theta[\bar X], E_D[L]: a subscript that nothing inside the brackets is of
            # names the law's parameter (P_\theta), not the variable the expectation is over;
            # what is random under that law is not written, so nothing is held fixed by it
            if not any(_among(s, {under}) for s in _names(node.body)):
                return None
            return {under}
        if isinstance(under, sp.core.function.AppliedUndef):
            return set().union(*(a.free_symbols for a in under.args))
        if isinstance(under, sp.Tuple):  # E_{D, \varepsilon}: over those names together
            return set().union(*(u.free_symbols for u in under))
    return None


# A conditional expectation inside another, E_{Y|X}[Y], stands for a function of X
_GIVEN_VALUE = sp.Function("conditional_expectation")


def _masked(expr):
    """``expr`` with each expectation made what it is to an expectation around it: a number
    (a Dummy), but a conditional one ``E_{Y|X}[f]`` a function of what it is conditioned on
    (X is random outside it: ``E[E_{Y|X}[Y]]`` is E[Y], not ``E_{Y|X}[Y]``)."""

    def value(e):
        given = [u for u in e.under if isinstance(u, Given)]
        return _GIVEN_VALUE(*given[0].conditions) if given else sp.Dummy()

    return expr.xreplace({e: value(e) for e in expr.atoms(Expectation)})


def _outside(expr, conditional: bool = False) -> set:
    """The free symbols of ``expr`` outside its expectations (an expectation is a number);
    with ``conditional``, as an expectation around ``expr`` sees them: a conditional
    expectation is a function of what it is conditioned on (:func:`_masked`)."""
    if conditional:
        masked = _masked(expr)
    else:
        masked = expr.xreplace({e: sp.Dummy() for e in expr.atoms(Expectation)})
    return {s for s in masked.free_symbols if not isinstance(s, sp.Dummy)}


def _names(expr) -> set:
    """The free symbols of ``expr`` outside its expectations, and the unknown functions applied
    there (``\\hat{f}_D(x)`` names D in its own name)."""
    masked = _masked(expr)
    functions = {f for f in masked.atoms(sp.core.function.AppliedUndef) if f.func != _GIVEN_VALUE}
    return {s for s in masked.free_symbols if not isinstance(s, sp.Dummy)} | functions


def _conditioned_on(node: Expectation) -> tuple:
    """What ``E[Y \\mid X, Z]`` is conditioned on (X, Z); () for any other expectation."""
    return tuple(c for u in node.under if isinstance(u, Given) and u.unnamed for c in u.conditions)


def _held(s, conditions) -> bool:
    """Whether the symbol ``s`` is held fixed by conditioning on ``conditions``: one of them,
    or a member of a run ``X_1, \\ldots, X_n`` whose index lies in the run's bounds by its
    value (``X_2`` with n >= 2 declared; a symbolic index, ``X_j``, may lie outside: not
    held). A name merely alike (``x``, ``\\bar X``, ``X_2`` beside a plain X) is not held:
    conditioning on X says nothing of it."""
    for c in conditions:
        if s == c:
            return True
        if isinstance(s, sp.Indexed) and len(s.indices) == 1:
            if isinstance(c, Sequence) and s.base == c.args[0]:
                (i,) = s.indices
                lo, hi = c.args[1], c.args[2]
                if (i - lo).is_nonnegative and (hi - i).is_nonnegative:
                    return True
    return False


def _is_constant(factor, random_symbols, guess, conditions=()) -> bool:
    """Whether ``factor`` is constant in the expectation over ``random_symbols`` (None: any
    symbol not declared constant, or, with a ``guess``, the symbols guessed random), the
    symbols ``conditions`` hold fixed (:func:`_held`) aside."""
    symbols = _outside(factor, conditional=True)
    if conditions:
        held = {s for s in symbols if _held(s, conditions)}
        # a member held fixed takes its family's label with it (X_1's free symbols hold X)
        labels = {s.base.label for s in held if isinstance(s, sp.Indexed)}
        symbols = symbols - held - labels
    if random_symbols is not None:
        return not any(_among(s, random_symbols) for s in _names(factor))
    if guess is not None:
        return not symbols & guess
    return all(nonrandom(s) for s in symbols)


def _among(s, random_symbols) -> bool:
    """Whether the free symbol (or unknown function applied) ``s`` is one of
    ``random_symbols`` or belongs to one: a member ``Z_i`` (or the family ``Z``) of a random
    ``Z`` is random, as the vector's components are; so is a name of the same letter however
    decorated or capitalised (``\\hat\\theta``, ``\\bar X`` and ``x_1`` under ``E_X``,
    ``E_{\\mathbf{x}}``, ``E_\\theta``: an estimator, a sample mean, a component) and a name
    that carries it in its subscript (``\\hat{f}_D(x)``, ``L_D`` under ``E_D``)."""
    if s in random_symbols:
        return True
    if _related(s, random_symbols):
        return True
    if isinstance(s, sp.Indexed):
        s = s.base
    if isinstance(s, sp.IndexedBase):
        s = s.label
    if isinstance(s, sp.Symbol) and s.assumptions0.get("family"):
        # a family's label (scope.family_base), as a run X_1, \ldots, X_n holds it
        return s.name in {str(r) for r in random_symbols}
    return False


def _related(s, random_symbols) -> bool:
    """Whether ``s``'s name is of the letter of one of ``random_symbols`` (decorations and
    case aside) or carries that letter in its subscript."""
    letter, subscripts = _letters(s)
    for r in random_symbols:
        other, _ = _letters(r)
        if other and (other == letter or other in subscripts):
            return True
    return False


_DECORATIONS = tuple(sorted(ACCENTS | {"mathrm", "mathit"}, key=len, reverse=True))


def _letters(s) -> tuple[str, frozenset]:
    """(the letter of ``s``'s name, decorations stripped and lower-cased; the words of its
    subscripts, the same way): ``hattheta_MLE`` is ("theta", {"mle"}), ``hatf_D`` ("f", {"d"}),
    ``x_1`` (a member of x) is ("x", {})."""
    if isinstance(s, sp.Indexed):
        s = s.base
    if isinstance(s, sp.IndexedBase):
        s = s.label
    if isinstance(s, sp.core.function.AppliedUndef):
        name = s.func.__name__
    elif isinstance(s, sp.Symbol):
        name = s.name
    else:
        return "", frozenset()
    base, *rest = name.split("_")
    words = re.findall(r"[A-Za-z]+", " ".join(rest))
    return _bare(base), frozenset(_bare(w) for w in words)


def _bare(word: str) -> str:
    return undecorated(word, _DECORATIONS).lower()


def _finite_by_source(source):
    """Which expectations the step's source makes finite where it is defined (a step is
    verified where its source is): each expectation it writes (a number, so finite), and the
    moments E[X^k] up to d of one random variable X whose polynomial of degree d it takes the
    expectation of, the coefficients numbers, names declared constant or expectations it
    writes, the leading one not 0 (E|p(X)| finite needs E|X|^d finite: |p(x)| >= c |x|^d - C).
    So E[(X - E[X])^2] = E[X^2] - E[X]^2 needs nothing more. Returns a predicate on
    expectations."""
    if not isinstance(source, sp.Basic) or not source.has(Expectation):
        return None
    written = set(source.atoms(Expectation))
    # (what the expectation is over: () or E_{X \sim D}'s, the random variable) -> the highest
    # moment made finite; over a stated law, E_{X \sim D}[(X - \lambda)^2], every other name
    # is held fixed
    degrees: dict = {}
    for e in written:
        if e.under and e.variable is None:
            continue
        randoms_of = {e.variable} if e.variable is not None else None
        inner = _top(e.body)
        if not all(_constant_inner(i, randoms_of) for i in inner):
            continue  # E[Y | X] inside is random (a function of X), no constant coefficient
        masked = e.body.xreplace({i: sp.Dummy(real=True) for i in inner})

        def fixed(a, randoms_of=randoms_of) -> bool:
            if isinstance(a, sp.Dummy):
                return True
            return a not in randoms_of if randoms_of is not None else nonrandom(a)

        randoms = [x for x in masked.free_symbols if not fixed(x)]
        if len(randoms) != 1 or masked.has(Expectation):
            continue
        (x,) = randoms
        try:
            poly = sp.Poly(sp.expand(masked), x)
        except (sp.PolynomialError, sp.GeneratorsNeeded, TypeError, ValueError):
            continue
        if poly.degree() < 1 or any(c.has(x) for c in poly.coeffs()):
            continue
        if poly.LC().is_zero is not False:
            continue
        if any(not fixed(a) for c in poly.coeffs() for a in c.free_symbols):
            continue
        key = (e.under, x)
        degrees[key] = max(degrees.get(key, 0), poly.degree())

    def implied(e) -> bool:
        if e in written:
            return True
        if e.under and e.variable is None:
            return False
        for (under, x), d in degrees.items():
            if under != e.under:
                continue
            coefficient, power = e.body.as_coeff_exponent(x)
            if (
                power.is_Integer
                and 1 <= power <= d
                and not coefficient.has(x)
                and all(nonrandom(a) for a in coefficient.free_symbols)
            ):
                return True
        return False

    implied.degrees = degrees  # what introduced() combines them with
    return implied


def introduced(sources, target) -> list:
    r"""The expectations ``target`` writes whose finiteness the ``sources`` (the step's source
    and its chain's left side) do not give: a step is verified where its source is defined, so
    an expectation only the right side writes must be finite there. It is when the law makes it
    so (:func:`_finite`: its parameters' conditions established), when a source implies it
    (:func:`_finite_by_source`), or when its argument is a constant combination of the
    arguments of the source's expectations of the same kind (a linear combination of
    integrable variables is integrable, :func:`_spanned`).
    ``\mathbb{E}[X] = \mathbb{E}[X^3] - \mathbb{E}[X^3] + \mathbb{E}[X]`` was verified by
    algebra, false for a Student t with 3 degrees of freedom (E[X^3] has no value)."""
    if not isinstance(target, sp.Basic) or not target.has(Expectation):
        return []
    # bound indices renamed alike (\sum_i X_i and \sum_k X_k are one sum)
    sources = [_alpha(s) for s in sources if isinstance(s, sp.Basic)]
    checks = [f for f in (_finite_by_source(s) for s in sources) if f is not None]
    written = set().union(*(s.atoms(Expectation) for s in sources))
    out = []
    for original in sorted(target.atoms(Expectation), key=sp.default_sort_key):
        e = _alpha(original)
        if e in written or _finite(e) or any(check(e) for check in checks):
            continue
        kin = [w.body for w in written if w.under == e.under]
        # the moments a source makes finite: E[X^2] gives E[X]
        kin += [
            x**k
            for c in checks
            for (under, x), d in c.degrees.items()
            if under == e.under
            for k in range(1, d + 1)
        ]
        if kin and _spanned(e.body, kin, _random_symbols(e)):
            continue
        out.append(original)
    return out


def _alpha(expr, depth: int = 0):
    """``expr`` with the index of each sum and product renamed by its depth alone."""
    if not isinstance(expr, sp.Basic) or not expr.args:
        return expr
    try:
        if isinstance(expr, (sp.Sum, sp.Product)) and len(expr.limits) == 1:
            var, lo, hi = expr.limits[0]
            new = sp.Symbol(f"_bound{depth}", integer=True)
            body = _alpha(expr.function.xreplace({var: new}), depth + 1)
            return expr.func(body, (new, _alpha(lo, depth), _alpha(hi, depth)))
        args = tuple(_alpha(a, depth) for a in expr.args)
        return expr if args == expr.args else expr.func(*args)
    except (TypeError, ValueError, AttributeError):
        return expr


def _spanned(body, bodies, random_symbols=None) -> bool:
    """Whether ``body`` is c_0 + c_1 b_1 + ... + c_n b_n identically, the c_i constants
    (numbers, names declared constant, names an expectation's subscript holds fixed, and
    expectations, numbers themselves) and the b_i of ``bodies``. A conditional expectation
    inside (a random variable) is no constant: then False."""
    inner = {i for b in (body, *bodies) for i in _top(b)}
    if not all(_constant_inner(i, random_symbols) for i in inner):
        return False
    if any(
        big.function.has(Expectation)
        for b in (body, *bodies)
        for big in b.atoms(sp.Sum, sp.Product)
    ):
        return False  # E[Y_i] under \sum_i is one value for each i, no constant
    mask = {i: sp.Dummy("e") for i in inner}
    masked = [_sums_apart(b.xreplace(mask)) for b in (body, *bodies)]
    constants = set(mask.values())
    coefficients = sp.symbols(f"c0:{len(bodies) + 1}", cls=sp.Dummy)
    try:
        combination = sum(c * b for c, b in zip(coefficients[1:], masked[1:], strict=True))
        expr = sp.expand(masked[0] - coefficients[0] - combination)
    except (TypeError, ValueError, RecursionError):
        return False

    def fixed(factor) -> bool:
        if factor.has(Expectation):
            return False
        names = factor.free_symbols - set(coefficients) - constants
        if random_symbols is not None:
            return not any(_among(s, random_symbols) for s in names)
        return all(nonrandom(s) for s in names)

    groups: dict = {}
    for term in sp.Add.make_args(expr):
        constant, part = [], []
        for factor in sp.Mul.make_args(term):
            (constant if fixed(factor) else part).append(factor)
        groups.setdefault(sp.Mul(*part), []).append(sp.Mul(*constant))
    equations = [sp.Add(*v) for k, v in groups.items() if k != 1]
    if not equations:
        return True
    try:
        solutions = sp.linsolve(equations, coefficients)
    except (TypeError, ValueError, NotImplementedError):
        return False
    if not isinstance(solutions, sp.FiniteSet) or not solutions:
        return False
    # solved for every value of the constants: no division by one that may be 0 (E[q R + 1]
    # says nothing of E[R] where q = 0; linsolve gives c = 1/q)
    from eqchain.check import conditions as cond

    (solution,) = solutions
    for value in solution:
        # (a number too must be proved nonzero: \sin^2 1 + \cos^2 1 - 1 is 0; red team s48)
        if not cond.holds("nonzero", sp.denom(sp.together(value))):
            return False
    return True


def _constant_inner(inner: Expectation, random_symbols=None) -> bool:
    """Whether the expectation ``inner``, inside another over ``random_symbols`` (None: over
    every name not declared constant), is a constant there: no conditional one (a function of
    what it is conditioned on); one over all (no subscript) is a number; one whose subscript
    holds other names fixed is a constant only when none of its names is random outside."""
    if _conditioned_on(inner):
        return False
    if not inner.under:
        return True
    if inner.variable is None:
        return False
    names = inner.free_symbols
    if random_symbols is not None:
        return not any(_among(s, random_symbols) for s in names)
    return all(nonrandom(s) for s in names)


def _sums_apart(expr):
    r"""``expr`` with each finite sum split over its terms and its constant factors taken out
    (``\sum_k X_k / n`` as ``\frac{1}{n} \sum_k X_k``), so that equal combinations match."""

    def apart(node):
        if (
            isinstance(node, sp.Product)
            and len(node.limits) == 1
            and node.limits[0][1].is_Integer
            and node.limits[0][2].is_Integer
            and node.limits[0][2] - node.limits[0][1] < 16
        ):
            var, lo, hi = node.limits[0]
            return sp.Mul(*(node.function.xreplace({var: k}) for k in range(lo, hi + 1)))
        if not isinstance(node, sp.Sum) or len(node.limits) != 1:
            return node
        var, lo, hi = node.limits[0]
        if any(b.is_infinite for b in (lo, hi)):
            return node
        if lo.is_Integer and hi.is_Integer and hi - lo < 16:  # written out
            return sp.Add(*(node.function.xreplace({var: k}) for k in range(lo, hi + 1)))
        pieces = []
        for term in sp.Add.make_args(sp.expand(node.function)):
            outside = [f for f in sp.Mul.make_args(term) if not f.has(var)]
            inside = [f for f in sp.Mul.make_args(term) if f.has(var)]
            pieces.append(sp.Mul(*outside) * sp.Sum(sp.Mul(*inside), (var, lo, hi)))
        return sp.Add(*pieces)

    try:
        return expr.replace(lambda n: isinstance(n, (sp.Sum, sp.Product)), apart)
    except (TypeError, ValueError, RecursionError):
        return expr


def _finite(e: Expectation) -> bool:
    """Whether ``e``'s value is established finite: a polynomial in symbols declared
    ``moments`` (or constant)."""
    body = e.body
    if e.variable is not None:
        # over a Gaussian \mathcal{N}(\mu, \sigma^2): every moment is finite; so over every law
        # of the table of densities (exponential, gamma, beta, uniform, Bernoulli, binomial,
        # Poisson: each has finite moments of every order) whose parameters' conditions the
        # declarations establish (\mathrm{Exp}(\lambda) with \lambda > 0: a law at all)
        return _all_moments_finite(e.args[2]) and _polynomial_in(body, e.variable)
    inner = _top(body)
    if any(not _finite(i) for i in inner):
        return False
    # an inner expectation is a number, but a conditional one, E[Y | X], a random variable:
    # with Y's moments finite (a polynomial in names declared 'moments'), so are its own
    # (|E[Y | X]|^k <= E[|Y|^k | X], Jensen's inequality)
    conditional = {i: sp.Dummy(real=True) for i in inner if _conditioned_on(i)}
    masked = body.xreplace({i: conditional.get(i) or sp.Dummy(real=True) for i in inner})
    symbols = [s for s in masked.free_symbols if not isinstance(s, sp.Dummy)]
    if not symbols and not conditional:
        return False
    if not all(finite_moments(s) or nonrandom(s) for s in symbols):
        return False
    return masked.is_polynomial(*symbols, *conditional.values())


# the laws of the table of densities with finite moments of every order: all of them today; a
# law added without (a Cauchy, a Student t, a Pareto) is left out of this list
_MOMENTS_FINITE = frozenset({"Exp", "Gam", "Gamma", "Bet", "Beta", "mathcalU", "Unif", "Bern"})
_MOMENTS_FINITE |= {"Bin", "Poiss", "Pois"}


def _all_moments_finite(law) -> bool:
    """Whether ``law`` has finite moments of every order: the Gaussian, or a law of the table
    of densities named in ``_MOMENTS_FINITE`` whose parameters' conditions the declarations
    establish."""
    if isinstance(law, Normal):
        return True
    if not isinstance(law, Law) or str(law.name) not in _MOMENTS_FINITE:
        return False
    d = density_named(str(law.name), len(law.parameters))
    if d is None:
        return False
    holds = d.holds(*law.parameters)
    return all(c == sp.true or established(c, ()) for c in sp.And.make_args(holds))


def _polynomial_in(body, variable) -> bool:
    inner = body.atoms(Expectation)
    if any(not _finite(i) for i in inner):
        return False
    masked = body.xreplace({i: sp.Dummy(real=True) for i in inner})
    return masked.is_polynomial(variable)


def _bodies_matched(lhs, rhs, ranges):
    """``rhs`` with each of its outermost expectations replaced by one of ``lhs`` over the same
    thing whose argument equals its own in every outcome; None when there is none."""
    left = _top(lhs)
    mapping = {}
    for r in _top(rhs):
        for candidate in left:
            if candidate == r or candidate.under != r.under:
                continue
            a, b, _ = _opaque(candidate.body, r.body)
            if prove_equal(a, b, (), ranges) is not None:
                mapping[r] = candidate
                break
    return rhs.xreplace(mapping) if mapping else None


def _unique(items):
    out = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def _opaque(left, right, givens=()):
    """Both sides and the earlier equations with each expectation replaced by one unknown
    quantity (the same expectation, the same one), a function of its free symbols."""
    names: dict = {}

    def replace(expr):
        found = {}
        for e in _top(expr):
            key = canonical(e)
            if key not in names:
                free = sorted(e.free_symbols, key=sp.default_sort_key)
                name = f"_expectation{len(names)}"
                names[key] = sp.Function(name)(*free) if free else sp.Dummy(name)
            found[e] = names[key]
        return expr.xreplace(found) if found else expr

    return replace(left), replace(right), [(replace(a), replace(b)) for a, b in givens]


def _top(expr) -> list:
    """The outermost expectations of ``expr``."""
    out = []

    def walk(node):
        if isinstance(node, Expectation):
            out.append(node)
            return
        for a in getattr(node, "args", ()):
            walk(a)

    walk(expr)
    return out


# -- the law of the unconscious statistician ---------------------------------------------------


def _by_density(lhs, rhs, givens=()):
    """Both sides with each expectation over a density replaced by its integral,
    ``E_{x \\sim p(x)}[g(x)] = \\int_{-\\infty}^{\\infty} g(x) p(x) \\, dx`` (``p`` a declared
    function: the density the subscript names; ``\\mathcal{N}(\\mu, \\sigma^2)``: the Gaussian
    density); for a law of the table whose parameters' conditions are established (by the
    assumptions or a margin among ``givens``), the integral over its support of its formula
    (:func:`_over_support`), the inner expectations first; None when there is none."""
    sides, changed = (lhs, rhs), False
    for _ in range(3):  # innermost first: Var(X) = E[(X - E[X])^2] takes two rounds
        found = {}
        for side in sides:
            for e in side.atoms(Expectation):
                integral = _over_support(e, givens) or _as_integral(e)
                if integral is not None:
                    found[e] = integral
        if not found:
            break
        sides, changed = tuple(_bottom_up_replace(side, found) for side in sides), True
    return sides if changed else None


def _as_integral(e: Expectation):
    """``E_{x \\sim D}[g] = \\int_{-\\infty}^{\\infty} g f(x) \\, dx`` with D's density f (its
    support a Piecewise), or over a density named by a function of the variable; None
    otherwise. The integration variable is real and nothing more: the values a stated law
    gives its random variable (X >= 0 for X ~ Exp) would make the density's support condition
    true and drop it, leaving f integrated over the whole line."""
    if e.body.has(Expectation):
        return None
    if e.variable is not None:
        x, law = e.variable, e.args[2]
        if isinstance(x, sp.Symbol) and x.is_real and _declared_beyond_real(x):
            plain = sp.Dummy(x.name, real=True)
            return _as_integral(Expectation(e.body.xreplace({x: plain}), plain, law))
        named = _named_density(law, x)
        if isinstance(law, Normal):
            density = gaussian_density(x, *law.args)
        elif named is not None:
            density = named
        elif isinstance(law, sp.core.function.AppliedUndef) and law.args == (x,):
            density = law
        else:
            return None
    elif len(e.under) == 1 and isinstance(e.under[0], sp.core.function.AppliedUndef):
        law = e.under[0]
        if len(law.args) != 1 or not isinstance(law.args[0], sp.Symbol):
            return None
        x, density = law.args[0], law
    else:
        return None
    if not isinstance(x, sp.Symbol) or x.is_real is not True:
        return None
    return sp.Integral(e.body * density, (x, -sp.oo, sp.oo))


def _declared_beyond_real(x) -> bool:
    return any(
        getattr(x, f"is_{name}")
        for name in ("positive", "nonnegative", "negative", "nonpositive", "integer", "nonzero")
    )


def _over_support(e: Expectation, givens=()):
    """``E_{x \\sim D}[g] = \\int_{lo}^{hi} g f(x) \\, dx`` for a continuous law D of the table
    whose density is its formula f on the support ``lo \\le x \\le hi`` (``x \\ge 0``: hi is
    infinite) and 0 elsewhere, when D's parameters' conditions and ``lo \\le hi`` are
    established: the density is then exactly f on [lo, hi] and 0 outside, so the two integrals
    are one. None otherwise (the whole-line integral of the density, :func:`_as_integral`)."""
    x, law = e.variable, (e.args[2] if e.variable is not None else None)
    if not isinstance(law, Law) or law.has(x) or e.body.has(Expectation):
        return None
    if not isinstance(x, sp.Symbol) or x.is_real is not True:
        return None
    d = density_named(law.name, len(law.parameters))
    if d is None or d.discrete:
        return None
    value = d.formula(x, *law.parameters)
    if not isinstance(value, sp.Piecewise) or len(value.args) != 2:
        return None
    (formula, support), (outside, rest) = value.args
    if outside != 0 or rest != sp.true:
        return None
    lo, hi = -sp.oo, sp.oo
    for part in sp.And.make_args(support):
        bound = part.rhs if isinstance(part, sp.Rel) and part.lhs == x else None
        if bound is None or bound.has(x):
            return None
        if isinstance(part, (sp.GreaterThan, sp.StrictGreaterThan)):
            lo = bound
        elif isinstance(part, (sp.LessThan, sp.StrictLessThan)):
            hi = bound
        else:
            return None
    needed = list(sp.And.make_args(d.holds(*law.parameters)))
    if lo.is_finite and hi.is_finite:
        needed.append(sp.Le(lo, hi))
    if not all(c == sp.true or established(c, givens) for c in needed):
        return None
    return sp.Integral(e.body * formula, (x, lo, hi))


def _by_mass(lhs, rhs, givens=()):
    """Both sides with each expectation over a discrete law of the table replaced by its sum,
    ``E_{x \\sim D}[g] = \\sum_x g(x) f(x)`` over D's support (``\\{0, 1\\}``: the two terms
    written out; ``x \\in \\{0, 1, \\ldots\\}``: ``\\sum_{x=0}^{\\infty}``; not the binomial's
    ``\\sum_{x=0}^{n}``), inner expectations first, when D's parameters' conditions are
    established; None when there is none."""
    found = [False]

    def visit(node):
        if not isinstance(node, sp.Basic) or not node.args:
            return node
        args = tuple(visit(a) for a in node.args)
        node = node.func(*args) if args != node.args else node
        if isinstance(node, Expectation):
            summed = _as_sum(node, givens)
            if summed is not None:
                found[0] = True
                return summed
        return node

    sides = tuple(visit(side) for side in (lhs, rhs))
    return sides if found[0] else None


def _as_sum(e: Expectation, givens=()):
    x, law = e.variable, (e.args[2] if e.variable is not None else None)
    if not isinstance(law, Law) or law.has(x) or e.body.has(Expectation):
        return None
    d = density_named(law.name, len(law.parameters))
    if d is None or not d.discrete or not isinstance(x, sp.Symbol):
        return None
    conditions = sp.And.make_args(d.holds(*law.parameters))
    if not all(c == sp.true or established(c, givens) for c in conditions):
        return None
    value = d.formula(x, *law.parameters)
    if not isinstance(value, sp.Piecewise) or len(value.args) != 2:
        return None
    (formula, support), (outside, rest) = value.args
    if outside != 0 or rest != sp.true:
        return None
    term = e.body * formula
    if isinstance(support, sp.Contains) and isinstance(support.args[1], sp.FiniteSet):
        summed = sp.Add(*(term.xreplace({x: v}) for v in support.args[1]))
        # log 0 at a point of the support: the expectation is not finite, nothing to sum
        return None if summed.has(sp.zoo, sp.nan, sp.oo, -sp.oo) else summed
    natural, upper = False, sp.oo
    for part in sp.And.make_args(support):
        if isinstance(part, sp.Contains) and part.args == (x, sp.Naturals0):
            natural = True
        elif isinstance(part, sp.LessThan) and part.lhs == x and not part.rhs.has(x):
            upper = part.rhs
        else:
            return None
    if not natural or upper != sp.oo:
        # \sum_{x=0}^{n} of binomial terms: the algebra does not close it within a step's
        # budget; such an expectation stays as written
        return None
    k = sp.Symbol(x.name, integer=True, nonnegative=True)
    return sp.Sum(term.xreplace({x: k}), (k, 0, upper))


def _decide_sums(step, lhs, rhs, side_conditions, warnings, facts, values, givens):
    """The step with its expectations as sums: verified when algebra makes the sides equal,
    refuted by values (satisfying the assumptions and the givens) where sides without sums or
    expectations differ (a finite support: the terms written out); None otherwise."""
    from eqchain.check import engine
    from eqchain.check.refute import find_counterexample

    if has_expectation(lhs, rhs):
        return None
    a, b, g = _opaque(lhs, rhs, givens)
    how = prove_equal(a, b, g, facts.ranges)
    if how is not None:
        rules = ["expectation_lotus"] + ([] if how == "algebra" else [how])
        return engine._decide(step, rules, side_conditions, warnings, values, facts, None)
    if lhs.has(sp.Sum) or rhs.has(sp.Sum):
        return None
    cex = find_counterexample(lhs, rhs, givens, ranges=facts.ranges)
    if cex is None:
        return None
    reason = "the two sides differ (the expectations as sums over the stated law)"
    return StepResult(step, Verdict.REFUTED, ("expectation_lotus",), reason, cex, tuple(warnings))


def _named_density(law, x):
    """The density of a law named in the table of densities (``\\mathrm{Exp}(\\lambda)``,
    ``\\mathcal{U}(a, b)``: :class:`~eqchain.operators.Law`) at x, for a continuous one; else
    None (the expectation over a probability mass function is a sum, not an integral)."""
    if not isinstance(law, Law) or law.has(x):
        return None
    d = density_named(law.name, len(law.parameters))
    if d is None or d.discrete:
        return None
    return d.value(x, law.parameters)


def _bottom_up_replace(expr, found):
    if expr in found:
        return found[expr]
    if not isinstance(expr, sp.Basic) or not expr.args:
        return expr
    args = tuple(_bottom_up_replace(a, found) for a in expr.args)
    return expr.func(*args) if args != expr.args else expr


# -- refutation by a concrete distribution -------------------------------------------------------


def distribution_counterexample(lhs, rhs, givens=(), seed: int = 0):
    """A :class:`Counterexample`: each symbol that may be random given a two-point distribution
    (its values allowed by its assumptions, independent of the others), each other symbol a
    value, where the two sides differ; or None."""
    from eqchain.check.integrals import _allows, _sample
    from eqchain.check.refute import _differ

    nodes = [e for side in (lhs, rhs) for e in side.atoms(Expectation)]
    if not nodes or any(
        _random_symbols(e) is None and e.under and not _conditioned_on(e) for e in nodes
    ):
        return None
    if any(s.atoms(Sequence) for s in (lhs, rhs)):
        return None
    if any(
        isinstance(u, Given) and not u.unnamed
        for e in nodes
        for inner in e.body.atoms(Expectation)
        for u in inner.under
    ):
        # E[X E_{Y|X}[Y]]: the inner one is a function of X under the outer law, which two
        # independent values (or one coin for all) do not give it
        return None
    if any(e.variable is not None for e in nodes):
        return None  # over a named distribution: not any distribution is its
    for side in (lhs, rhs):
        if side.atoms(sp.Indexed, sp.core.function.AppliedUndef, sp.Sum, sp.Integral):
            return None
    symbols = set().union(*(e.free_symbols for e in (lhs, rhs)))
    for a, b in givens:
        if (a.free_symbols | b.free_symbols) & symbols:
            return None
    # a symbol written outside the expectations is given one value (a constant is a random
    # variable too), unless it is declared random ('moments')
    random_symbols = _random_guess(lhs, rhs)
    for e in nodes:
        over = _random_symbols(e)
        random_symbols |= over if over is not None else set()
    if len(random_symbols) > _MOST_RANDOM:
        return None
    ordered = sorted(random_symbols, key=lambda s: s.name)
    fixed = sorted(symbols - random_symbols, key=lambda s: s.name)
    # The law of an expectation without a subscript is not given, but the document may state
    # it where eqchain does not read it (E[X] = \mu for X ~ N(\mu, 1) in prose). A concrete
    # law refutes only a step between expectations whose other symbols are declared constant
    # (it must hold for every law); any other step only when it fails for every law (its sides
    # differ by a nonzero amount free of the expectations, E[a X + b] = a E[X] + 2 b).
    between = all(side.has(Expectation) for side in (lhs, rhs)) and all(
        nonrandom(s) or finite_moments(s) for s in _outside(lhs) | _outside(rhs)
    )
    gap = None if between else _gap(lhs, rhs)
    if not between and gap is None:
        return None
    rng = random.Random(seed)
    # each symbol its own law in the later trials (Y and y alike never differed in mean:
    # E[a X + b Y] = a E[X] + b E[y] was never refuted)
    trials = [(t, joint, apart) for apart in (False, True) for t in range(len(_TWO_POINTS))
              for joint in (False, True)]  # fmt: skip
    for t, joint, apart in trials:
        laws = {}
        for idx, s in enumerate(ordered):
            values, p = _TWO_POINTS[(t + idx * apart) % len(_TWO_POINTS)]
            if joint:  # one coin for all: the first symbol's probabilities for every one
                p = _TWO_POINTS[t][1]
            allowed = [sp.Integer(v + k) for k in range(0, 8, 3) for v in values]
            allowed = _unique([v for v in allowed if _allows(s, v)])
            if len(allowed) < 2:
                return None
            laws[s] = ((allowed[0], p), (allowed[1], 1 - p))
        chosen = {s: _sample(s, rng) for s in fixed}
        if any(v is None for v in chosen.values()):
            return None
        if gap is not None:
            at = gap.xreplace(chosen)
            if at.free_symbols or at.atoms(sp.core.function.AppliedUndef) or at == 0:
                continue  # at these values the sides may agree for some law
        if joint:  # one coin for all: each takes its first value together, or its second
            if len(ordered) < 2:
                continue
            outcomes = [
                ({s: laws[s][k][0] for s in ordered}, laws[ordered[0]][k][1]) for k in (0, 1)
            ]
        else:  # independent
            outcomes = [
                (
                    dict(zip(ordered, (v for v, _ in combo), strict=True)),
                    sp.Mul(*(q for _, q in combo)),
                )
                for combo in itertools.product(*(laws[s] for s in ordered))
            ]
        sides = [side.xreplace(chosen) for side in (lhs, rhs)]
        for outcome, _q in outcomes:  # a random symbol outside an expectation: every outcome
            try:
                left, right = (_evaluate(s, outcomes, outcome) for s in sides)
            except (ZeroDivisionError, TypeError, ValueError, RecursionError):
                break
            if not all(_real_number(v) for v in (left, right)):
                break
            differs, lv, rv = _differ(left, right)
            if differs:
                shown = tuple((latex(s), _law_latex(laws[s])) for s in ordered)
                plain = tuple(_law_plain(laws[s]) for s in ordered)
                if joint:
                    shown = tuple((k, v + _TOGETHER_LATEX) for k, v in shown)
                    plain = tuple(v + _TOGETHER for v in plain)
                shown += tuple((latex(s), latex(v)) for s, v in chosen.items())
                plain += tuple(str(v) for v in chosen.values())
                return Counterexample(shown, _decimal(lv), _decimal(rv), plain)
    return None


def _gap(lhs, rhs):
    """The difference of the two sides with the expectations split by linearity (the symbols
    outside them taken constant) and then kept as unknowns, when it is free of them (the
    same for every law); else None."""
    record = _Record(frozenset(_random_guess(lhs, rhs)))
    a, b, _ = _opaque(*(_linear(side, record) for side in (lhs, rhs)))
    try:
        # a Piecewise is not simplified: SymPy drops a piece reached at one point only
        gap = a - b if (a - b).has(sp.Piecewise) else sp.simplify(a - b)
    except (TypeError, ValueError, RecursionError):
        return None
    opaque = [f for f in gap.atoms(sp.core.function.AppliedUndef, sp.Dummy)]
    return None if opaque else gap


def _evaluate(expr, outcomes, at: dict):
    """``expr``'s value at the outcome ``at``: each expectation the weighted sum of its
    argument's values over the outcomes; a conditional one, ``E[Y | X]``, over the outcomes
    where what it is conditioned on takes the values it takes at ``at``, divided by their
    probability (the conditional expectation of a discrete law, exactly)."""
    if isinstance(expr, Expectation):
        over = outcomes
        conditions = list(_conditioned_on(expr))
        for u in expr.under:
            if isinstance(u, Given) and not u.unnamed:
                # E_{Y|X}[f]: over Y, every other name held fixed (conditioned on)
                conditions += [s for s in at if not _among(s, {u.variable})]
        if conditions:
            here = [c.xreplace(at) for c in conditions]
            over = [(o, q) for o, q in outcomes if [c.xreplace(o) for c in conditions] == here]
        total = sp.Add(*(q for _, q in over))
        return sp.Add(*(q * _evaluate(expr.body, outcomes, o) for o, q in over)) / total
    if not isinstance(expr, sp.Basic):
        return expr
    if not expr.args:
        return expr.xreplace(at)
    args = tuple(_evaluate(a, outcomes, at) for a in expr.args)
    return expr.func(*args) if args != expr.args else expr


def _real_number(v) -> bool:
    return v.is_number and v.is_real is True and not v.has(sp.nan, sp.zoo, sp.oo, -sp.oo)


def _law_latex(law) -> str:
    (a, p), (b, q) = law
    return (
        f"{latex(a)} \\text{{ with probability }} {latex(p)}, "
        f"{latex(b)} \\text{{ with probability }} {latex(q)}"
    )


def _law_plain(law) -> str:
    (a, p), (b, q) = law
    return f"{a} with probability {p}, {b} with probability {q}"


def _decimal(v) -> str:
    """A side's value as the counterexample shows it: exact when rational (``-1/4``)."""
    return str(v) if isinstance(v, sp.Basic) and v.is_Rational else str(sp.N(v, 30))
