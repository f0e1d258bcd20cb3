"""What the declared assumptions forbid: values, givens and specialisations that break them.

A declaration (``n = "even"``, ``y_k > 0``) is a premise of every step. A value bound by
``where``, a given equation or the values a specialisation puts in must not contradict it, or
every verdict after would be about a situation the declarations exclude. Each test here is
decided by SymPy's assumption system alone: a contradiction is reported only when SymPy proves
it (``is_even`` is False for ``2m + 1`` with m integer); when SymPy cannot decide, nothing is
said.
"""

from __future__ import annotations

from itertools import product

import sympy as sp

from eqchain.check.timeout import StepTimeout, time_left, time_limit
from eqchain.latex.printer import latex

# CPU seconds SymPy may spend showing the two sides of a given different (carrying out its sums
# and integrals, simplifying): a contradiction not shown in that time is not reported, as one
# SymPy cannot prove (the given is taken).
CONTRADICTION_SECONDS = 1.0
# given_contradiction's answers, by the two sides (emptied when it holds more than this many)
_REMEMBERED: dict = {}
_REMEMBERED_AT_MOST = 1024

# Every assumption word a declaration may carry that a value can be checked against.
DECLARABLE = (
    "positive",
    "nonnegative",
    "nonzero",
    "negative",
    "nonpositive",
    "integer",
    "real",
    "rational",
    "even",
    "odd",
    "prime",
)


def _is(expr, name: str):
    try:
        return getattr(expr, f"is_{name}", None)
    except (TypeError, ValueError, AttributeError, RecursionError):
        return None


def broken_declaration(atom, value) -> str | None:
    """The first assumption declared for ``atom`` that ``value`` is proved not to have
    (``3`` for an even ``n``: ``"even"``), or None when none is."""
    for name in DECLARABLE:
        if _is(atom, name) is True and _is(value, name) is False:
            return name
    return None


def given_contradiction(lhs, rhs) -> str | None:
    """What the equation ``lhs = rhs`` contradicts (``"the declaration of n as even"``,
    ``"the declarations: ..."``), or None when SymPy proves no contradiction.

    Either the difference of the sides is proved nonzero (``x + 1 = 0`` with x positive), or one
    side is proved to have a property the other is proved not to have (``2n = 2m + 1`` with n
    and m integer: the left side is even, the right side is not). The answer depends on the two
    trees alone (the declarations are their symbols' assumptions): it is remembered, as a row is
    asked about more than once (whether it may be a given, then when it is given), unless the
    search was cut short by an outer time limit (a step's) rather than its own."""
    from eqchain.check.refute import REAL_VALUES

    key = (lhs, rhs, REAL_VALUES.get())
    if key in _REMEMBERED:
        return _REMEMBERED[key]
    outer = time_left()
    real = None
    try:
        with time_limit(CONTRADICTION_SECONDS):
            difference_nonzero = _proved_nonzero(lhs, rhs)
            if not difference_nonzero and _contradiction(lhs, rhs, False) is None:
                real = _no_real_value(lhs, rhs)
    except StepTimeout:
        difference_nonzero = False
        if outer is not None and outer <= CONTRADICTION_SECONDS:
            return _contradiction(lhs, rhs, difference_nonzero)
    if len(_REMEMBERED) > _REMEMBERED_AT_MOST:
        _REMEMBERED.clear()
    _REMEMBERED[key] = real or _contradiction(lhs, rhs, difference_nonzero)
    return _REMEMBERED[key]


# How a contradiction with the real line starts (engine._said_off_the_real_line).
REAL_LINE = "the real line: "
# Above this many operations no real solution of a given in one unknown is looked for.
_SOLVED_OPS = 40


def _no_real_value(lhs, rhs) -> str | None:
    r"""Why no real values of its names satisfy ``lhs = rhs``, in a document whose symbols are
    real unless declared otherwise (refute.REAL_VALUES: ``\cos x = 2``, ``x^2 + 1 = 0``,
    ``a^2 + b^2 = -1``), or None. Its names that no declaration makes real or complex are put
    in as real ones; then SymPy proves the difference of the sides nonzero, or, for one such
    name alone in plain algebra and elementary functions, ``solveset`` over the reals finds no
    solution. Taken as a premise, such a given would make every row after it follow vacuously.
    A derivation file has no such default (None)."""
    from eqchain.check import conditions as cond
    from eqchain.check.refute import REAL_VALUES

    declared = REAL_VALUES.get()
    if declared is None:
        return None
    try:
        difference = lhs - rhs
        # families: their members real through a real base (x_1, and x_i in \sum_i x_i^2)
        bases = {
            a.base
            for a in difference.atoms(sp.Indexed)
            if str(a.base.label).lstrip("_") not in declared and a.is_real is not False
        }
        labels = {b.label for b in bases}
        names = sorted(
            (
                a
                for a in difference.free_symbols
                if isinstance(a, (sp.Symbol, sp.Indexed))
                and a not in labels
                and a.is_real is not False
                and str(a).lstrip("_").split("[")[0] not in declared
            ),
            key=str,
        )
        if not names:
            return None
        if {str(a) for a in names} <= {"i", "j"} and difference.is_polynomial(*names):
            return None  # i^2 = -1: the imaginary unit, stated (j in engineering)
        real = {
            a: a if a.is_real else sp.Dummy(str(a), real=True)
            for a in names
            if not isinstance(a, sp.Indexed)
        }
        real.update(
            {b: sp.IndexedBase(b.label, real=True) for b in bases if not b.assumptions0.get("real")}
        )
        difference = difference.xreplace(real)
        if difference.has(sp.Derivative):
            # a derivative set to zero (d\sigma(x)/dx = 0 after \sigma(x) = 1/(1 + e^{-x})):
            # carried out, e^{-x}/(1 + e^{-x})^2, which is never 0
            difference = difference.replace(
                lambda e: isinstance(e, sp.Derivative), lambda e: e.doit()
            )
        labels = {a.base.label for a in difference.atoms(sp.Indexed)}
        if any(a.is_real is None for a in difference.free_symbols - labels):
            return None  # a name that may still be complex (an entry's index)
        # shown: the names, a family summed over by its base (x of \sum_i x_i^2)
        shown = ", ".join(
            dict.fromkeys(
                latex(a.base.label)
                if isinstance(a, sp.Indexed) and not all(i.is_Integer for i in a.indices)
                else latex(a)
                for a in names
            )
        )
        why = (
            f"{REAL_LINE}no real value of {shown} satisfies it (symbols are real unless "
            "declared otherwise)"
        )
        if difference.is_zero is False:
            return why
        if cond._never_zero(difference):
            return why  # \Gamma(x) = 0, x! = 0: zero nowhere they have a value
        if _never_zero_by_signs(difference, [real[a] for a in names if a in real]):
            return why
        if difference.has(sp.Sum) and (
            cond.holds("positive", difference) or cond.holds("positive", -difference)
        ):
            return why  # \sum_{i=1}^{n} x_i^2 + 1 = 0: a sum of squares and a positive number
        if (
            len(names) == 1
            and not isinstance(names[0], sp.Indexed)
            and not difference.has(sp.Sum, sp.Product, sp.Integral, sp.Derivative, sp.Limit)
            and not difference.atoms(sp.core.function.AppliedUndef)
            and sp.count_ops(difference) <= _SOLVED_OPS
        ):
            solutions = sp.solveset(difference, real[names[0]], sp.S.Reals)
            if solutions is sp.S.EmptySet:
                return why
            if _no_solution_after_all(difference, real[names[0]], solutions):
                return why
    except StepTimeout:
        raise
    except Exception:  # noqa: BLE001 - SymPy failed: nothing proved
        return None
    return None


def _no_solution_after_all(difference, name, solutions) -> bool:
    """Whether the finite set ``solutions`` SymPy's ``solveset`` gave for ``difference = 0``
    holds no solution after all (it gives sin(2) for arcsin x = 2: arcsin(sin 2) is pi - 2):
    each candidate put back is clearly not 0 at 30 digits, and 0 lies outside the range of
    ``difference`` over the reals (SymPy's ``function_range``)."""
    from sympy.calculus.util import function_range

    if not isinstance(solutions, sp.FiniteSet) or not solutions:
        return False
    for candidate in solutions:
        value = sp.N(difference.xreplace({name: candidate}), 30)
        if not value.is_number or value.has(sp.nan, sp.zoo):
            return False
        if abs(value) < sp.Rational(1, 10**20):
            return False  # a root, or too near one to tell
    values = function_range(difference, name, sp.S.Reals)
    return values.contains(0) is sp.false


# Names whose signs _never_zero_by_signs splits (3 cases each).
_SPLIT_NAMES = 2


def _never_zero_by_signs(difference, names: list) -> bool:
    r"""Whether ``difference``, with integrals, is nonzero (or no number: a divergent or
    undefined integral) at every real value of ``names``: a name (or all of them) positive,
    negative or 0, every combination, the integrals evaluated in each (a normal density with
    a wrong constant, integrating to 2: 1 for σ > 0, -1 for σ < 0, undefined at 0, was taken
    as a given). The cases cover the real line, so a value nonzero in each is nonzero
    everywhere; a case SymPy leaves an integral in, or any doubt, proves nothing (False)."""
    if not difference.has(sp.Integral) or not names or len(names) > _SPLIT_NAMES:
        return False
    if difference.has(sp.Sum, sp.Product, sp.Derivative, sp.Limit):
        return False
    if difference.atoms(sp.core.function.AppliedUndef):
        return False
    outside = difference.replace(lambda e: isinstance(e, sp.Integral), lambda e: sp.Integer(1))
    if outside.has(sp.oo, -sp.oo, sp.zoo, sp.nan):
        return False  # = \infty: a divergent integral is then what the author claims
    # one name split at a time (the others kept real: a Gaussian's mean needs no sign), then
    # all of them together
    splits = [[n] for n in names] + ([names] if len(names) > 1 else [])
    for split in splits:
        choices = [
            (sp.Dummy(str(n), positive=True), sp.Dummy(str(n), negative=True), sp.Integer(0))
            for n in split
        ]
        if all(
            _never_zero(_evaluated(difference.xreplace(dict(zip(split, values, strict=True)))))
            for values in product(*choices)
        ):
            return True
    return False


def _evaluated(case):
    """``case`` with its integrals evaluated; an integrand undefined everywhere (1/σ at σ = 0)
    is left as it stands, no number (SymPy's integrator raises on it)."""
    if case.has(sp.zoo, sp.nan):
        return case
    return case.doit()


def _never_zero(value) -> bool:
    """Whether ``value`` (evaluated) is no number or nonzero wherever it is one: infinite,
    undefined, nonzero by its assumptions, or cases each of which is so."""
    if value.has(sp.nan):
        return False  # \infty - \infty: two divergent integrals, no proof either way
    if value.has(sp.zoo) or value in (sp.oo, -sp.oo):
        return True
    if value.has(sp.Integral):
        return False
    if isinstance(value, sp.Piecewise):
        return all(_never_zero(piece.expr) for piece in value.args)
    return value.is_zero is False


def _contradiction(lhs, rhs, difference_nonzero: bool) -> str | None:
    for name in DECLARABLE:
        for a, b in ((lhs, rhs), (rhs, lhs)):
            if _is(a, name) is True and _is(b, name) is False:
                if isinstance(a, (sp.Symbol, sp.Indexed)):
                    return f"the declaration of {latex(a)} as {name}"
                return f"the declarations: {latex(a)} is {name} and {latex(b)} is not"
    if difference_nonzero:
        return (
            f"the declarations: {latex(lhs)} - ({latex(rhs)}) is nonzero, so the two sides "
            "are never equal"
        )
    return None


def _proved_nonzero(lhs, rhs) -> bool:
    try:
        difference = lhs - rhs
        if difference.is_zero is False:
            return True
        if difference.has(sp.Integral, sp.Sum):
            # \int_0^1 x^a dx = 0 with a positive: evaluated, 1/(a + 1) is never 0 (a value
            # SymPy gives only in cases, a Piecewise, decides nothing)
            evaluated = difference.doit()
            if not evaluated.has(sp.Integral, sp.Sum, sp.Piecewise) and evaluated.is_zero is False:
                return True
    except Exception:  # noqa: BLE001 - SymPy failed (sum_simplify lets a StopIteration out)
        return False
    return _a_nonzero_number(difference)


# Above this many operations a difference is not simplified to find a contradiction.
_SIMPLIFIED_OPS = 150


def _a_nonzero_number(difference) -> bool:
    """Whether ``difference``, its limits carried out and simplified, is a number proved nonzero
    (``\\sin^2 b + \\cos^2 b - 2`` is -1, ``\\lim_{x \\to d^-} |x - d|/(x - d) - 1`` is -2):
    the equation holds at no value, whatever the declarations. SymPy failing decides nothing."""
    try:
        if difference.has(sp.Piecewise) or sp.count_ops(difference) > _SIMPLIFIED_OPS:
            return False  # SymPy's simplify drops a piece reached at one point only
        if difference.has(sp.Limit):
            difference = difference.replace(lambda e: isinstance(e, sp.Limit), lambda e: e.doit())
            if difference.has(sp.Limit):
                return False
        if _varies(difference):
            return False  # no simplification makes it a number (what simplify costs is saved)
        value = sp.simplify(difference)
        return (
            not value.free_symbols
            and value.is_number
            and value.is_finite is True
            and value.is_zero is False
        )
    except Exception:  # noqa: BLE001 - SymPy failed (sum_simplify lets a StopIteration out)
        return False


def _varies(expr) -> bool:
    """Whether ``expr`` is proved to vary with one of its symbols: its derivative by it is a
    nonzero number (``t_k / y_k - \\lambda`` by ``\\lambda``: -1), so that ``expr`` is that
    number times the symbol plus what does not depend on it, and no value of it is a number.
    An entry of a family counts as a symbol (``y_2 - 1 + y_1`` by ``y_1``: 1); beside an entry
    with a symbolic index the slope is a Kronecker delta, which proves nothing. A slope that is
    not a finite number (SymPy's nan for the derivative by an index) proves nothing either."""
    for symbol in sorted(expr.free_symbols, key=str):
        if isinstance(symbol, (sp.Symbol, sp.Indexed)):
            slope = sp.diff(expr, symbol)
            if (slope.is_Rational or slope.is_Float) and slope != 0:
                return True
    return False


def admissible_values(sigma: dict, givens) -> bool:
    """Whether the values ``sigma`` (symbol -> number) meet every declaration and no given
    evaluates, with them put in, to a false equation between numbers."""
    if any(broken_declaration(atom, value) for atom, value in sigma.items()):
        return False
    for lhs, rhs in givens:
        try:
            d = (lhs - rhs).xreplace(sigma)
            if d.is_number and d.is_zero is False:
                return False
        except (TypeError, ValueError, AttributeError, RecursionError):
            continue
    return True


def clashing_givens(givens, by_declarations: bool = True) -> tuple | None:
    """Two or more givens that cannot hold together, as the first given found false once the
    others that name a quantity (``x = 1``) are put in: ``(lhs, rhs, by)`` with ``by`` the
    equations put in; None when SymPy proves no contradiction.

    ``givens`` are (lhs, rhs) pairs, definitions already put in. Only a difference SymPy
    proves nonzero counts (``x = 1`` and ``x = 2``; ``x + y = 1``, ``x = 2``, ``y = 3``; two
    givens whose sides, moved to one side, differ by a number: ``a x = 1``, ``a x = 5``)."""
    names: dict = {}
    for a, b in givens:
        for atom, value in ((a, b), (b, a)):
            if isinstance(atom, (sp.Symbol, sp.Indexed)) and atom not in names:
                if not value.has(atom):
                    names[atom] = (value, (a, b))
                break
        else:
            solved = _one_power_of_one_name(a, b)  # s + 1 = 3: s = 2; 2 s^2 = 8: s^2 = 4
            if solved is not None and solved[0] not in names:
                names[solved[0]] = (solved[1], (a, b))
    disagree = _powers_disagree(names)
    if disagree is not None:
        (a, b), other = disagree
        return a, b, (other,)
    for a, b in givens:
        try:
            d = a - b
            used = []
            for _ in range(6):
                mapping = {
                    atom: value
                    for atom, (value, eq) in names.items()
                    if eq != (a, b) and d.has(atom)
                }
                if not mapping:
                    break
                used += [names[atom][1] for atom in mapping]
                d = d.xreplace(mapping)
            if used and _carried_out(d).is_zero is False:
                return a, b, tuple(dict.fromkeys(used))
        except (TypeError, ValueError, AttributeError, RecursionError):
            continue
    # two givens that differ by a number once both are moved to one side (a x = 1 and a x = 5),
    # or by what the declarations make nonzero (-2n/t + S/t^2 = 0 and -3n/t + S/t^2 = 0 with
    # n, t > 0: n/t; two cases' derivatives set to zero, red team s50): a - b = 0 and c - d = 0
    # would make it 0
    for n, (a, b) in enumerate(givens):
        for c, d in givens[:n]:
            try:
                gap = sp.expand((a - b) - (c - d))
            except (TypeError, ValueError, AttributeError, RecursionError):
                continue
            if not by_declarations and not gap.is_number:
                continue
            if gap.is_zero is False and not gap.has(sp.nan, sp.zoo):
                return a, b, ((c, d),)
    return _inconsistent_linear(givens)


def _one_power_of_one_name(a, b) -> tuple | None:
    """``(x^k, value)`` when ``a = b`` names one plain symbol or family member x, and holds
    nothing else but numbers and one power of it, x^k with a positive rational k, times a
    nonzero number (``s + 1 = 3``: ``(s, 2)``; ``2 s^2 = 8``: ``(s^2, 4)``; ``\\sqrt{s} = 3``:
    ``(s^{1/2}, 3)``; ``\\sigma_x + 1 = 4``); else None."""
    try:
        d = sp.expand(a - b)
        if d.atoms(sp.Function, sp.Sum, sp.Product, sp.Integral):
            return None
        members = d.atoms(sp.Indexed)
        inside = {x for m in members for x in m.free_symbols - {m}}
        names = members | (d.free_symbols - inside - members)
        if len(names) != 1:
            return None
        (x,) = names
        rest, term = d.as_independent(x, as_Add=True)
        if term.is_Add or not rest.is_Rational:
            return None
        coeff, power = term.as_coeff_Mul()
        if not coeff.is_Rational or coeff == 0:
            return None
        if power != x and not (
            power.is_Pow and power.base == x and power.exp.is_Rational and power.exp > 0
        ):
            return None
        return power, -rest / coeff
    except (TypeError, ValueError, AttributeError, RecursionError):
        return None


def _powers_disagree(names: dict) -> tuple | None:
    """Two values given to powers of one name that no real value of it has together (``2s^2 =
    8`` and ``s^3 = 27``; ``s^2 = 4`` and ``\\sqrt{s} = 3``): x^p = u and x^q = v need
    u^q = v^p (both are x^{pq}); the two equations, or None."""
    powers: dict = {}
    for key, (value, eq) in names.items():
        base, k = (key.base, key.exp) if isinstance(key, sp.Pow) else (key, sp.Integer(1))
        if not (k.is_Rational and value.is_Rational):
            continue
        powers.setdefault(base, []).append((k, value, eq))
    for found in powers.values():
        for n, (p, u, first) in enumerate(found):
            for q, v, second in found[:n]:
                gap = u**q - v**p
                if gap.is_number and gap.is_zero is False:
                    return first, second
    return None


def _carried_out(d):
    r"""``d`` with its sums, products, integrals and limits carried out when it names nothing
    left (``\sum_{i=1}^{4} i - 11`` once n = 4 is put in: -1, where SymPy leaves the sum
    unevaluated and its sign undecided), within a short time; else ``d``."""
    if d.free_symbols or not d.has(sp.Sum, sp.Product, sp.Integral, sp.Limit):
        return d
    try:
        with time_limit(CONTRADICTION_SECONDS):
            return d.doit()
    except (
        StepTimeout,
        TypeError,
        ValueError,
        AttributeError,
        RecursionError,
        NotImplementedError,
    ):
        return d


def _constant_bodies_done(e):
    """``e`` with each sum or integral over number bounds whose body does not use its variable
    carried out (``\\sum_{k=1}^{3} P`` is 3P, ``\\int_0^1 P \\, dx`` is P): cheap and exact."""

    def simple(node) -> bool:
        return all(
            len(lim) == 3
            and lim[1].is_number
            and lim[2].is_number
            and lim[1].is_finite
            and lim[2].is_finite
            and not node.function.has(lim[0])
            for lim in node.limits
        )

    return e.replace(
        lambda n: isinstance(n, (sp.Sum, sp.Integral)) and simple(n), lambda n: n.doit()
    )


def _inconsistent_linear(givens) -> tuple | None:
    """The givens that are linear equations in plain names with number coefficients, when
    together they have no solution (``3P = 6`` and ``P + 1 = 8``; ``x + y = 3``, ``x - y = 1``,
    ``x = 5``): ``(lhs, rhs, the others)``; None otherwise. Exact (SymPy's linsolve over the
    rationals), so no solution means none."""
    linear = []
    for a, b in givens:
        try:
            e = _constant_bodies_done(sp.expand(a - b))
            names = sorted(e.free_symbols, key=str)
            if not names or e.atoms(sp.Indexed, sp.Function, sp.Sum, sp.Integral, sp.Derivative):
                continue
            poly = sp.Poly(e, *names)
            if poly.total_degree() == 1 and (poly.domain.is_QQ or poly.domain.is_ZZ):
                linear.append(((a, b), e))
        except (sp.PolynomialError, TypeError, ValueError, AttributeError, RecursionError):
            continue
    if len(linear) < 2:
        return None
    names = sorted(set().union(*(e.free_symbols for _, e in linear)), key=str)
    try:
        solutions = sp.linsolve([e for _, e in linear], names)
    except (TypeError, ValueError, NotImplementedError, RecursionError):
        return None
    if solutions != sp.EmptySet:
        return None
    (a, b), _ = linear[-1]
    return a, b, tuple(g for g, _ in linear[:-1])


RESERVED_NAMES = {
    "e": "'e' is read as Euler's number e = 2.718... (e^{x} is the exponential)",
    "pi": "'\\pi' is read as the number π",
    "infty": "'\\infty' is read as infinity",
}


def reserved_name_error(name: str) -> str | None:
    """Why a plain symbol named ``name`` cannot be declared (its LaTeX reads as a constant, so
    the declaration would be silently ignored), or None."""
    why = RESERVED_NAMES.get(name)
    if why is None:
        return None
    return f"cannot declare '{name}': {why}, never as a symbol; choose another name"


__all__ = [
    "DECLARABLE",
    "admissible_values",
    "broken_declaration",
    "clashing_givens",
    "given_contradiction",
    "reserved_name_error",
]
