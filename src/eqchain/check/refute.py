"""Refutation: concrete values, satisfying the assumptions and the givens, where two sides differ.

Numbers may refute a step, never verify one. Values are exact rationals (and small integers for
integer symbols and symbolic bounds such as K); both sides are evaluated exactly when they are
rational there, else with mpmath at 60 and 120 significant digits, and a difference counts only
when it is stable between the two precisions and far above their rounding.
"""

from __future__ import annotations

import contextvars
import itertools
import random
from dataclasses import dataclass
from fractions import Fraction

import sympy as sp
from sympy.concrete.expr_with_limits import ExprWithLimits
from sympy.core.assumptions import _assume_defined
from sympy.core.function import AppliedUndef
from sympy.polys.polyroots import roots_linear, roots_quadratic

from eqchain.check.ranges import put_free, write_out
from eqchain.check.series import summed
from eqchain.check.timeout import StepTimeout, taken
from eqchain.latex.printer import latex, unicode_value
from eqchain.model import Counterexample
from eqchain.scope import ASSUMPTIONS as _DECLARABLE

# Whether the names being checked are real unless declared complex (a document: README, "a name
# a document does not declare"): a name without assumptions is then sampled real only, also a
# name a row may define whose definition was not taken (a_0, b_6 of a posterior's a_n, b_n got
# values such as -3/2 + 36i/7, both sides complex, in a document that says its symbols are real).
# Set by engine.check_derivation for the derivation it checks: the names declared complex (the
# only ones sampled off the real line), or None (a derivation file: no default).
REAL_VALUES: contextvars.ContextVar = contextvars.ContextVar("real_values", default=None)


# Whether an unknown function's value may be taken as a number of its own at the step being
# checked (_with_opaque_values), and then the names (as text) whose relation to the others the
# document leaves open there: written there for the first time, named in passing, defined by a
# row not read. None (the default): not at all. Set by engine.check_derivation for each step,
# to a set for a link of a chain only: a link rewrites what the chain's left side is, for every
# value of its names; a row of its own may be an equation to solve (n_x L(p) / p_x = \lambda
# with its multiplier), or the author's condition. An unknown function applied to an open name
# is no function of independent arguments, and an open name is no value a link holds for.
UNSETTLED: contextvars.ContextVar = contextvars.ContextVar("unsettled", default=None)


def _real_only(atom) -> bool:
    """Whether ``atom``, declared neither real nor complex, is sampled real (a document's name
    not declared complex; a family member's stand-in by its family's name, a[0] by a)."""
    declared = REAL_VALUES.get()
    if declared is None or atom.is_real is not None:
        return False
    return str(atom).lstrip("_").split("[")[0] not in declared


TRIALS = 40
SIMPLE_TRIALS = 24  # tries for a simpler counterexample once one is found (sizes grow every 6)
SIMPLE_PATIENCE = 6  # ... which stop after this many without a simpler one
SHORT = 4  # a value of at most this many characters is one a reader takes in at a glance
SIMPLE = 3  # ... and one of at most 3 (2, -1, 1/2, 3/2) needs no simpler one
LOW_DIGITS, HIGH_DIGITS = 60, 120
EXACT_BITS = 200  # a rational side is shown exactly up to about 60 digits


@dataclass(frozen=True)
class Sample:
    values: dict  # atom -> exact value
    lhs: object
    rhs: object


def find_counterexample(
    lhs,
    rhs,
    givens=(),
    seed: int = 0,
    trials: int = TRIALS,
    ranges=None,
    values=None,
    domain=(),
    free_functions: bool = False,
    off_reals: list | None = None,
    invented=(),
    empty_only: list | None = None,
):
    """Return a :class:`Counterexample` or None. ``givens`` are pairs (a, b) meaning a = b;
    a given with a free family index (``y_k = 1``) holds for every k and is imposed on every
    member that occurs. ``ranges`` maps index symbols to their declared (lower, upper) bounds,
    which the values respect (a free k of a family y_k, k = 1..K, is never sampled above K).
    ``values`` are the values bound by ``where`` (symbols and family members such as ``t_2``):
    they hold everywhere, also for the members a sum or product with concrete bounds expands
    to, and in the givens. ``domain`` are conditions ``(pred, expr)`` (the step's domain): only
    points where each holds exactly are tried, so a counterexample lies inside the domain.
    With ``free_functions`` (the caller knows that nothing before the step says anything about
    its unknown functions), concrete linear functions are put in for them and the
    counterexample names them (:func:`_with_concrete_functions`); without it a step about
    unknown functions is never refuted by values of theirs (it stays unknown).

    A point of real symbols where a side is not real (a logarithm of a negative number, say)
    is no counterexample (:func:`_off_the_reals`): the author means the real logarithm, and
    the rule that needs the sign names it. Such a point is added to ``off_reals`` (as the
    (name, value) pairs shown) when it is given, so an undecided step can say where its
    logarithms leave the reals.

    ``invented`` are the bounds of ranges the author did not write (n_k of \\sum_k). A
    counterexample that gives one a value is looked at again at every length (0, 1, 2, ...;
    only when the step names no other quantity that could be the length): the bounds at all of
    which the step is refuted too are named in its ``every_length``
    (:func:`_fails_at_every_length`).

    A counterexample where a range the step writes is empty (``\\sum_{i=1}^{n} x_i = x_1 +
    \\sum_{i=2}^{n} x_i`` at n = 0, where x_1 is no term of the left side) is looked for again
    with every such range holding a term (:func:`_nonempty`): the author who peels a first term
    off a sum means a sum that has one. None found then: no counterexample, and the conditions
    that made the ranges nonempty are appended to ``empty_only`` when it is given (the step is
    refuted only where a range is empty)."""
    rng = random.Random(seed)
    bound = {k: sp.sympify(v, strict=True) for k, v in (values or {}).items()}
    lhs, rhs = sp.sympify(lhs, strict=True), sp.sympify(rhs, strict=True)
    givens = [(sp.sympify(a, strict=True), sp.sympify(b, strict=True)) for a, b in givens]
    domain = tuple((p, sp.sympify(e, strict=True)) for p, e in domain)
    bearing = _bearing_givens([lhs, rhs, *(e for _, e in domain), *bound], givens, ranges)
    apart, givens = [g for g in givens if g not in bearing], bearing
    cache: dict = {}
    problem = (lhs, rhs, givens, ranges or {}, bound, cache, domain)
    seen: list = []  # points of real symbols where a side is not real
    found = None
    for trial in range(trials):
        found = _refuting(problem, rng, trial, None, seen)
        if found is not None:
            break
    chosen: tuple = ()
    if found is None and free_functions:
        found, chosen, problem = _with_concrete_functions(problem, rng, trials)
    opaque: dict = {}  # a number standing for an unknown function's value -> the application
    note = ""
    if found is None:
        found, problem, opaque, note = _with_opaque_values(problem, rng, trials)
    if found is None:
        if seen and off_reals is not None:
            point = min(seen, key=_cost)
            named = sorted(point.values.items(), key=lambda kv: _natural(latex(kv[0])))
            off_reals.append(tuple((latex(k), unicode_value(v)) for k, v in named))
        return None
    # A reader believes small values: look again with the smallest sizes first (K = 1, 2, ...),
    # small integers and simple fractions, and keep the simplest point. Every point comes out
    # of the same sampler, which has checked it against every assumption, given and domain
    # condition exactly.
    sample, lv, rv = _simpler(found, problem, seed)
    for condition in _nonempty((lhs, rhs), sample.values, invented):
        # one range at a time (\\sum_{i=2}^{n} may be empty where \\sum_{i=1}^{n} is not: the
        # peel holds at n = 1): a fresh cache, since it holds problems with their domain
        within = (*problem[:5], {}, problem[6] + (condition,))
        found = None
        for trial in range(trials):
            found = _refuting(within, rng, trial, None, None)
            if found is not None:
                break
        if found is None:
            if empty_only is not None and condition not in empty_only:
                empty_only.append(condition)
            return None
        problem = within
        sample, lv, rv = _simpler(found, problem, seed)
    point = {opaque.get(k, k): v for k, v in sample.values.items()}
    if apart:
        # the givens about other names: values of theirs that meet them, shown beside, so that
        # a reader can redo every given. None found: only a given about an unknown function
        # (its derivative set, \frac{\partial z}{\partial b} = 1), which some function meets,
        # lets the claim's values stand alone; others may not all hold (y_1 = 1, y_1 = 2)
        try:
            witness = find_witness((), apart, ranges, values)
        except (ValueError, TypeError, ZeroDivisionError, NotImplementedError, RecursionError):
            witness = None
        about_functions = all(a.has(AppliedUndef) or b.has(AppliedUndef) for a, b in apart)
        if witness is None and not about_functions:
            return None
        point.update(witness or {})
    shown = sorted(((latex(k), v) for k, v in point.items()), key=lambda kv: _natural(kv[0]))
    functions = [(latex(f), latex(body), unicode_value(body)) for f, body in chosen]
    every = ()
    taken_bounds = [b for b in invented if b in sample.values]
    # one unwritten range only: with two (\\sum_{i,j} 1 = n^2) the author's lengths are a pair
    if len(invented) == 1 and taken_bounds and not chosen:
        every = tuple(latex(b) for b in _fails_at_every_length(problem, taken_bounds, seed))
    return Counterexample(
        tuple((f, body) for f, body, _ in functions) + tuple((n, _show(v)) for n, v in shown),
        _number(lv),
        _number(rv),
        tuple(text for _, _, text in functions) + tuple(unicode_value(v) for _, v in shown),
        tuple(name for name, v in shown if v.is_real is not True),
        every,
        note,
    )


def _nonempty(trees, point: dict, invented=()) -> list:
    """``("nonnegative", upper - c)`` (and ``c - lower``) for each member ``x_c`` written with a
    number c that ``point`` puts outside every range a sum or product of the step runs that
    family over (``x_1`` beside ``\\sum_{i=1}^{n} x_i`` at n = 0: no term of the sum, no
    member the author meant), the range's bounds holding no bound variable nor an unwritten
    bound (``invented``); [] when there is none. A step false where no member is written
    outside its range (``\\sum_{k=0}^{n-1} \\binom{n}{k} (-1)^k = (-1)^{n+1}`` at n = 0) keeps
    its counterexample."""
    out: list = []
    trees = [t for t in trees if isinstance(t, sp.Basic)]
    spans: dict = {}  # family base -> [(lower, upper)] of the sums over its members
    for tree in trees:
        for node in tree.atoms(sp.Sum, sp.Product):
            for var, lo, hi in node.limits:
                bounds = (sp.Integer(0) + lo).free_symbols | (sp.Integer(0) + hi).free_symbols
                if bounds & set(node.bound_symbols) or any(b in bounds for b in invented):
                    continue
                for member in node.function.atoms(sp.Indexed):
                    if member.indices == (var,):
                        spans.setdefault(member.base, []).append((lo, hi))
    for tree in trees:
        for member in tree.atoms(sp.Indexed):
            if len(member.indices) != 1 or not member.indices[0].is_Integer:
                continue
            c = member.indices[0]
            placed = []  # (lower, upper) of each range the family runs over, at the point
            for lo, hi in spans.get(member.base, ()):
                try:
                    ends = [(sp.Integer(0) + b).xreplace(point) for b in (lo, hi)]
                except (TypeError, ValueError):
                    continue
                if all(e.is_number for e in ends):
                    placed.append((lo, hi, *ends))
            if not placed or any(low <= c <= high for _, _, low, high in placed):
                continue  # a member of some range there: a term the author wrote
            # the range the member belongs to: one that starts at or below it (x_1 of 1..n)
            for lo, hi, _low, _high in placed:
                if lo.is_number and lo <= c:
                    gap = sp.Integer(0) + hi - c
                    if not gap.is_number and ("nonnegative", gap) not in out:
                        out.append(("nonnegative", gap))
                    break
    return out


def _names(tree) -> set:
    """What ``tree`` is about: its free symbols, families and unknown functions."""
    if not isinstance(tree, sp.Basic):
        return set()
    out = set(tree.free_symbols)
    out |= {i.base.label for i in tree.atoms(sp.Indexed)}
    out |= {f.func for f in tree.atoms(AppliedUndef)}
    return out


def _flat(item) -> list:
    """The SymPy trees in ``item``, a tree or nested tuples and lists of them."""
    if isinstance(item, sp.Basic):
        return [item]
    if isinstance(item, (tuple, list)):
        return [t for part in item for t in _flat(part)]
    return []


def _bearing_givens(trees, givens: list, ranges=None) -> list:
    """The givens that bear on ``trees`` (the claim's sides, its domain, the names ``where``
    binds): those sharing a name, a family or a function with them or with a given that does,
    to a fixpoint. The others hold of names the claim does not write, whatever values the claim's
    names take (a given ``\\frac{\\partial z}{\\partial b} = 1`` says nothing of ``3a = a +
    a``): a point of the claim's names extends to theirs as the author's givens can be met at
    all. Keeping them made every point fail a given that cannot be evaluated there, and no
    later row of the document could be refuted (a public logistic-regression post)."""
    names: set = set()
    for t in trees:
        names |= _names(t)
    pending = [(g, _names(g[0]) | _names(g[1])) for g in givens]
    kept: list = []
    changed = True
    while changed:
        changed = False
        # the bounds of the declared ranges of the indices named so far bear on them too (a
        # given K = 2 on the range 1..K of the claim's i)
        for index, bounds in (ranges or {}).items():
            if index in names:
                names |= {x for b in bounds for e in _flat(b) for x in _names(e)}
        for g, its in list(pending):
            if its & names:
                kept.append(g)
                names |= its
                pending.remove((g, its))
                changed = True
    return [g for g in givens if g in kept]


LENGTHS = 4  # an unwritten range is tried at the lengths 0..LENGTHS at least
MAX_LENGTH = 20  # ... and up to one above the largest integer the step writes: above, not tried
LENGTH_TRIALS = 16  # tries for a counterexample at each length


def _fails_at_every_length(problem: tuple, invented: list, seed: int) -> list:
    """The invented bounds in ``invented`` (n_k of \\sum_k) at every length of which the
    step is refuted, so that no range the author could mean makes it hold: each length
    0..LENGTHS, and up to one above the largest integer the sides write (\\sum_k 1 = 5 holds
    for the range 1..5). Only for a step that names nothing else that could be the length: a
    symbol that is not an index of a family may be the author's n (\\sum_i 1 = n holds for
    i = 1..n, \\sum_i x_i = n for x_i = 1), and the step stays unknown. An empty range is a
    length too (\\sum_k b_k = 0 there), unless a free index of the step runs over it (a_i
    with i = 1..n_k names a member: the range has one, and others beside it, so that the
    lengths start at 2). Every point comes out of the same
    sampler (assumptions, givens and domain checked exactly). Running out of the step's time
    establishes nothing."""
    lhs, rhs, givens, ranges, bound, _, domain = problem
    trees = [lhs, rhs] + [e for _, e in domain] + [x for g in givens for x in g]
    free = _family_indices(trees)
    labels = {b.label for t in trees for b in t.atoms(sp.IndexedBase)}
    others = {
        s
        for t in trees
        for s in t.free_symbols
        if isinstance(s, sp.Symbol)
        and s not in free
        and s not in labels
        and s not in (ranges or {})
        and s not in invented
        and s.is_integer is not False
        and s.is_negative is not True
    }
    if others:
        return []
    numbers = [abs(int(a)) for t in trees for a in t.atoms(sp.Integer)]
    longest = max([LENGTHS] + [n + 1 for n in numbers])
    if longest > MAX_LENGTH:
        return []
    out = []
    rng = random.Random(seed + 104729)
    try:
        for b in invented:
            runs = any(
                sp.sympify(hi, strict=True).has(b)
                for i, r in (ranges or {}).items()
                if i in free
                for _, hi in r
            ) or any(
                hi.has(b)
                for t in trees
                for node in t.atoms(sp.Sum, sp.Product)
                for v, _, hi in (lim for lim in node.limits if len(lim) == 3)
                if str(v) in {str(f) for f in free}
            )
            # a free index running over the range names one of its members: the range has it,
            # and a sum the author writes over it has others too (at length 1, (\sum_i a_i) b_i
            # = \sum_i a_i b_i holds: the member is the whole sum)
            lengths = range(2 if runs else 0, longest + 1)
            if all(_refuted_with(problem, b, sp.Integer(m), rng) for m in lengths):
                out.append(b)
    except StepTimeout:
        taken()  # the step's limit ran out: not established
        return []
    return out


def _refuted_with(problem: tuple, b, length, rng: random.Random) -> bool:
    """Whether a point refutes the step with the invented bound ``b`` set to ``length``."""
    lhs, rhs, givens, ranges, bound, _, domain = problem
    at = {b: length}
    moved = {
        s: [tuple(_put(sp.sympify(x, strict=True), at) for x in pair) for pair in r]
        for s, r in (ranges or {}).items()
    }
    attempt = (
        _put(lhs, at),
        _put(rhs, at),
        [(_put(a, at), _put(c, at)) for a, c in givens],
        moved,
        bound,
        {},
        tuple((p, _put(e, at)) for p, e in domain),
    )
    for trial in range(LENGTH_TRIALS):
        if _refuting(attempt, rng, trial, None) is not None:
            return True
    return False


# Concrete functions tried, in order, for functions the step leaves unknown (f(x), \sigma(z)):
# the body of f(t, u, ...) with s = t + u + ... (up to six arguments). Linear ones only: f(t) = c t
# is also the product reading of f(t) with f = c, so a step they refute is false whichever the
# author meant (a function or a product); f(2x) = 2 f(x) is never refuted.
_TRY_FUNCTIONS = (lambda s: s, lambda s: 2 * s, lambda s: -s)
_ARGUMENT_NAMES = ("t", "u", "v", "w", "r", "s")


def _with_concrete_functions(problem: tuple, rng: random.Random, trials: int):
    """(sample, the functions chosen, the problem with them put in) refuting a step about
    unknown functions for concrete ones (f(t) = t, 2t, -t: every function the same), or
    (None, (), problem). A step that holds for every function must hold for these: a point
    where it fails for them refutes it, and the report names the functions used. Not tried when
    a given or a domain condition mentions an unknown function (a definition f(x) = ... holds
    for every x, not at one sampled point), or when a function carries assumptions (positive,
    say) that these need not meet."""
    lhs, rhs, givens, ranges, bound, cache, domain = problem
    applied = {f for e in (lhs, rhs) for f in e.atoms(AppliedUndef)}
    context = [x for g in givens for x in g] + [e for _, e in domain]
    if not applied or any(e.atoms(AppliedUndef) for e in context):
        return None, (), problem
    heads = sorted({f.func for f in applied}, key=str)
    if any({k for k in getattr(h, "_kwargs", {}) if k != "separators"} for h in heads):
        return None, (), problem
    arity = {h: max(len(f.args) for f in applied if f.func == h) for h in heads}
    if any(len(f.args) != arity[f.func] for f in applied) or max(arity.values()) > 6:
        return None, (), problem
    for make in _TRY_FUNCTIONS:
        chosen, put = [], {}
        for h in heads:
            ts = tuple(sp.Symbol(n) for n in _ARGUMENT_NAMES[: arity[h]])
            body = make(sp.Add(*ts))
            chosen.append((sp.Function(h.__name__)(*ts), body))
            put[h] = sp.Lambda(ts, body)
        try:
            L, R = _put_functions(lhs, put), _put_functions(rhs, put)
        except (ValueError, TypeError, NotImplementedError, RecursionError):
            continue
        attempt = (L, R, givens, ranges, bound, {}, domain)
        for trial in range(max(1, trials // len(_TRY_FUNCTIONS))):
            found = _refuting(attempt, rng, trial, None)
            if found is not None:
                return found, tuple(chosen), attempt
    return None, (), problem


# The assumptions an unknown function may carry (a positive h: h(x) > 0) are its value's
# stand-in's; any other keyword leaves the step as it was.
_VALUE_ASSUMPTIONS = frozenset(_assume_defined)


def _with_opaque_values(problem: tuple, rng: random.Random, trials: int):
    r"""(sample, the problem refuted, {stand-in: application}, note), or (None, problem, {},
    ""): a link about unknown functions refuted with each value it takes (\sigma(z)) a number
    of its own, only where no function but a constant one could make it hold.

    The link must hold for every value of the names outside the functions' arguments (y of
    y(1 - \sigma(z)) - (1 - y)\sigma(z) = y + \sigma(z)). As a polynomial in those names, each
    of its coefficients must vanish; solved for the values, with the arguments' names left
    free: when no value meets them all, no function makes the link hold; when the one solution
    is a number (\sigma(z) = 0), only a function that is that constant over its whole range
    does, and a function written applied to an argument is read as depending on it (README,
    "Refuted means a real counterexample"). No refutation when the solution depends on the
    argument (Y \sigma(z)(1 + e^{-z}) = Y says what the function is), when there are two
    solutions or more (an indicator is 0 or 1 without being constant), or when some value or
    relation of the other names makes the link hold for every value of the function's
    (-Y_i(1 - \sigma(A_i)) = \sigma(A_i) - Y_i at Y_i = 1: a case the prose may state). Only
    values taken in plain algebra (not under a sum, a derivative, an integral: the value
    differs per term there), of functions with a name no other name of the link has, none
    applied to a constant only, each written on both sides (one on one side only is what the
    row says it is: P(X_m) = x_m / n), with no given about them or tying the other names; a
    domain condition on the same values is kept, with the stand-ins put in."""
    none = (None, problem, {}, "")
    lhs, rhs, givens, ranges, bound, cache, domain = problem
    if not all(isinstance(e, sp.Basic) for e in (lhs, rhs)):
        return none
    applied = sorted({f for e in (lhs, rhs) for f in e.atoms(AppliedUndef)}, key=str)
    context = [x for g in givens for x in g] + [*bound, *bound.values()]
    if not applied or len(applied) > 3:
        return none
    if any(isinstance(e, sp.Basic) and e.atoms(AppliedUndef) for e in context):
        return none
    # where the sides are defined (\sigma(z) \neq 0 of a logarithm's): about the same values,
    # put in below; about another one of the function, not
    if any(set(e.atoms(AppliedUndef)) - set(applied) for _, e in domain):
        return none
    if any(a.atoms(AppliedUndef) - {a} for a in applied):
        return none  # f(g(x)): one value inside another
    if any(not (lhs.has(a) and rhs.has(a)) for a in applied):
        return none  # P(X_m) = x_m / n: a value on one side only is what the row says it is
    names = lambda e: e.free_symbols | e.atoms(sp.Indexed)  # noqa: E731
    inside = set().union(*(names(sp.Tuple(*a.args)) for a in applied))
    heads = {str(a.func) for a in applied}
    written = {str(n.base.label) if isinstance(n, sp.Indexed) else str(n) for n in names(lhs - rhs)}
    if heads & written or any(not names(sp.Tuple(*a.args)) for a in applied):
        return none
    # an argument whose relation to the other names is open (\hat{m} of \mathcal{N}(\mu |
    # \hat{m}, ...) written first there) may be what the step's other names determine
    unsettled = UNSETTLED.get()
    text = lambda n: f"f:{n.base.label}" if isinstance(n, sp.Indexed) else f"s:{n}"  # noqa: E731
    if unsettled is None or {text(n) for n in inside} & unsettled:
        return none
    if not all(_only_algebra_above(e, set(applied)) for e in (lhs, rhs)):
        return none
    stand = {}
    for n, a in enumerate(applied):
        kwargs = dict(getattr(a.func, "_kwargs", {}))
        kwargs.pop("separators", None)
        if set(kwargs) - _VALUE_ASSUMPTIONS or kwargs.get("real") is False:
            return none
        stand[a] = sp.Dummy(f"v{n}", **{"real": True, **kwargs})
    L, R = lhs.xreplace(stand), rhs.xreplace(stand)
    difference = L - R
    indexed = difference.atoms(sp.Indexed)
    indices = {i for x in indexed for i in x.indices}
    labels = {x.base.label for x in indexed}
    free = [
        n
        for n in sorted(names(difference), key=str)
        if n not in inside
        and n not in stand.values()
        and n not in bound
        and n not in labels
        and not (isinstance(n, sp.Symbol) and any(n in i.free_symbols for i in indices))
    ]
    if not free or {text(n) for n in free} & unsettled:
        return none
    # a given about these names ties them together (u e^z = 1): they are not free to take
    # every value (a domain condition only says where the sides are defined)
    tied = {text(n) for g in givens for e in g if isinstance(e, sp.Basic) for n in names(e)}
    if tied & {text(n) for n in [*free, *inside]}:
        return none
    values_ = list(stand.values())
    try:
        top = sp.numer(sp.together(difference))
        coefficients = sp.Poly(top, *free).coeffs()
        # linear or quadratic in the values: solved exactly, at a cost bounded by the step
        if len(coefficients) > 16 or any(
            sp.Poly(c, *values_).total_degree() > 2 for c in coefficients
        ):
            return none
        solutions = sp.solve(coefficients, values_, dict=True)
        # the step for every value of the function's: a condition on the other names (y = 1,
        # y_0 + y_1 = 1) that some values of theirs meet is a case the author may mean (said
        # in prose, or not at all): no refutation, as for a plain name (engine, "specialize")
        by_value = sp.Poly(top, *values_).coeffs()
        if sp.solve(by_value, free, dict=True):
            return none
    except (sp.PolynomialError, NotImplementedError, ValueError, TypeError, RecursionError):
        return none
    # one point only: a function taking two values (an indicator, 0 or 1) meets a step that
    # holds where its value is 0 or 1, without being constant
    if len(solutions) > 1 or not all(s and all(v.is_number for v in s.values()) for s in solutions):
        return none
    domain = tuple((pred, e.xreplace(stand)) for pred, e in domain)
    attempt = (L, R, givens, ranges, bound, {}, domain)
    for trial in range(trials):
        found = _refuting(attempt, rng, trial, None)
        if found is not None:
            break
    else:
        return none
    by = {v: a for a, v in stand.items()}
    shown = {a: _applied_latex(a) for a in applied}
    values = ", ".join(shown.values())
    over = ", ".join(latex(n) for n in free)
    if not solutions:
        why = f"no value of it makes the step hold for every {over}"
    else:
        (only,) = solutions
        at = ", ".join(f"{shown[by[k]]} = {latex(v)}" for k, v in only.items())
        why = (
            f"the step holds for every {over} only where {at} whatever the argument: for a "
            "constant function, and a function written applied to an argument is read as "
            "depending on it"
        )
    note = f"{values}: an unknown function's value, a number of its own here; {why}"
    return found, attempt, by, note


def _applied_latex(a) -> str:
    r"""An unknown function applied, as an author writes it: ``\sigma(A_{i})``."""
    return f"{latex(a.func)}({', '.join(latex(x) for x in a.args)})"


def _only_algebra_above(expr, applied: set) -> bool:
    """Whether every application of ``applied`` in ``expr`` stands in plain algebra: sums,
    products, powers and SymPy's elementary functions above it, nothing that binds a variable
    (a sum, an integral, a derivative) or takes an expectation."""
    if expr in applied or not expr.has(*applied):
        return True
    algebra = isinstance(expr, (sp.Add, sp.Mul, sp.Pow)) or (
        isinstance(expr, sp.Function)
        and not isinstance(expr, AppliedUndef)
        and type(expr).__module__.startswith("sympy.functions")
    )
    return algebra and all(_only_algebra_above(a, applied) for a in expr.args)


def _put_functions(expr, put: dict):
    """``expr`` with each unknown function applied replaced by the body ``put`` gives it, and
    the derivatives (and derivatives at a point) of what that made taken."""
    expr = expr.replace(
        lambda e: isinstance(e, AppliedUndef) and e.func in put,
        lambda e: put[e.func](*e.args),
    )
    return expr.replace(lambda e: isinstance(e, (sp.Derivative, sp.Subs)), lambda e: e.doit())


def _simpler(found: tuple, problem: tuple, seed: int) -> tuple:
    """The simplest refuting point among ``found`` and those of small sizes and values. The
    step is refuted already: running out of time here (the step's limit) keeps what was found,
    so the verdict never depends on the machine's load, only the point shown may."""
    simple = random.Random(seed + 7919)
    last_better = 0
    try:
        for trial in range(SIMPLE_TRIALS):
            if _cost(found[0])[2] <= SIMPLE and not any(
                abs(v) > 2 for v in found[0].values.values() if v.is_Integer
            ):
                break  # simple values at small sizes already (27/4 is short, not simple)
            if trial - last_better >= SIMPLE_PATIENCE:
                break  # no point of small values refutes it (a value needs a logarithm, say)
            other = _refuting(problem, simple, trial, trial // 6)
            if other is not None and _cost(other[0]) < _cost(found[0]):
                found, last_better = other, trial
                if _cost(found[0])[2] <= SIMPLE:
                    break  # every value simple, at the smallest sizes reached so far
    except StepTimeout:
        taken()  # the step's limit ran out: the values found so far are shown
    return found


def _refuting(problem: tuple, rng: random.Random, trial: int, simple: int | None, off=None):
    """A sample (with both sides' values) where the two sides differ, or None. A point of real
    symbols where a side is not real is none (:func:`_off_the_reals`; it is added to
    ``off`` when given)."""
    lhs, rhs, givens, ranges, bound, cache, domain = problem
    try:
        sample = _sample(lhs, rhs, givens, rng, trial, ranges, bound, cache, domain, simple)
    except (ValueError, TypeError, ZeroDivisionError, NotImplementedError, RecursionError):
        return None
    if sample is None:
        return None
    real_point = all(getattr(atom, "is_real", None) is True for atom in sample.values)
    differs, lv, rv = _differ(sample.lhs, sample.rhs, real_point)
    if not differs:
        return None
    if _off_the_reals(sample, lv, rv):
        if off is not None:
            off.append(sample)
        return None
    return sample, lv, rv


def _off_the_reals(sample: Sample, lv, rv) -> bool:
    """Whether the point gives every symbol a real value, each declared real, and a side a
    value off the real line: a logarithm of a negative number, a root or a fractional power of
    one. An author of real quantities means the real functions, which are not defined there;
    the point lies outside what the step says, and the rule that needs the sign names it
    (log_pow needs a > 0). Where a symbol may be complex (declared so, or a derivation file's
    default), the complex functions are what the step says, and the point counts."""
    if any(getattr(atom, "is_real", None) is not True for atom in sample.values):
        return False
    return any(_finite_number(v) and v.is_real is False for v in (lv, rv))


def _cost(sample: Sample) -> tuple:
    """How hard a counterexample is to take in: any value longer than :data:`SHORT`
    characters, then how many values (the sizes: K = 1 shows fewer members than K = 2), then
    the longest value and all of them together, as a terminal shows them."""
    lengths = [len(unicode_value(v)) for v in sample.values.values()]
    longest = max(lengths, default=0)
    return (longest > SHORT, len(lengths), longest, sum(lengths))


def find_witness(conditions, givens=(), ranges=None, values=None, trials: int = 12):
    """Exact values (atom -> value) that satisfy the declared assumptions, the givens and every
    condition ``(pred, expr)``, each checked exactly at those values; None when none was found.
    A witness proves that the conditions can hold together; not finding one proves nothing."""
    conditions = [(p, sp.sympify(e, strict=True)) for p, e in conditions]
    givens = [(sp.sympify(a, strict=True), sp.sympify(b, strict=True)) for a, b in givens]
    exprs = [e for _, e in conditions] + [x for g in givens for x in g]
    # The value of an unknown function at a point is free: a symbol of its own stands for it.
    applied = sorted({f for e in exprs for f in e.atoms(AppliedUndef)}, key=str)
    if applied and any(e.has(sp.Derivative) for e in exprs):
        return None  # a derivative of an unknown function is not free to choose
    functions = {f: sp.Dummy(f"f{n}") for n, f in enumerate(applied)}
    conditions = [(p, e.xreplace(functions)) for p, e in conditions]
    givens = [(a.xreplace(functions), b.xreplace(functions)) for a, b in givens]
    rng = random.Random(0)
    bound = {k: sp.sympify(v, strict=True) for k, v in (values or {}).items()}
    cache: dict = {}
    zero = sp.Integer(0)
    for trial in range(trials):
        try:
            sample = _sample(
                zero,
                zero,
                givens,
                rng,
                trial,
                ranges or {},
                bound,
                cache,
                tuple(conditions),
                indices=True,
            )
        except (ValueError, TypeError, ZeroDivisionError, NotImplementedError, RecursionError):
            sample = None
        if sample is not None:
            return sample.values
    return None


def _holds_at(pred: str, value) -> bool:
    """Whether a closed value meets ``pred`` (proved for that number, never guessed); a
    series at the point is its closed form there, if SymPy sums it (check/series.py)."""
    if not isinstance(value, sp.Basic) or value.free_symbols or not value.is_number:
        return False
    if value.has(sp.Sum):
        value = summed(value)
    if value.has(sp.nan, sp.zoo, sp.oo, -sp.oo) or value.is_finite is not True:
        return False
    if pred == "nonzero":
        return value.is_zero is False
    if pred == "positive":
        return value.is_positive is True
    if pred == "nonnegative":
        return value.is_nonnegative is True
    if pred == "real":
        return value.is_real is True
    return pred == "finite"


def _natural(text: str):
    import re

    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text)]


def _show(v) -> str:
    """A value as the report keeps it: a rational as ``p/q``, anything else as LaTeX."""
    return str(v) if isinstance(v, sp.Rational) else latex(v)


def _number(v) -> str:
    """An exact rational as it is when it is short; a value holding an unknown function's as
    plain text (1 + f(-1)); anything else (1/2004! too) as a decimal with 30 significant digits."""
    if isinstance(v, sp.Rational) and max(abs(v.p), v.q).bit_length() <= EXACT_BITS:
        return str(v)
    if v.atoms(AppliedUndef):
        # an unknown function's value, f(-1) + 1 against f(-1): the sides differ by a number
        # whatever f is (_differ), and the side is shown as it is, in plain text
        return unicode_value(v)
    re_, im = sp.N(v, 40).as_real_imag()
    text = str(sp.Float(re_, 30)) if re_ != 0 else "0"
    if im != 0:
        sign = "-" if im < 0 else "+"
        text += f" {sign} {sp.Float(abs(im), 30)} i"
    return text


def _integer_symbols(exprs, indices: bool = False) -> list:
    """The symbols that take integer values at a sample: those declared integer, and with
    ``indices`` those that index a family (the i of o_i, not declared integer but only an
    integer names a member; an integer is one of the values it may take). Left out of a
    refutation: with no declared range, i = 5 beside \\sum_{k=1}^{3} is a point the author
    never meant, but it shows as well as any that a domain can hold (a witness)."""
    out = set()
    for e in exprs:
        free = _free(e)
        # a Kronecker delta's index is an index (a witness may take it an integer)
        index_of = _delta_indices(e)
        for a in free:
            if isinstance(a, sp.Indexed):
                index_of |= set().union(*(_free(i) for i in a.indices))
        # and a free index of a member inside a sum (the p of \sum_k x_{p,k})
        for a in e.atoms(sp.Indexed) if isinstance(e, sp.Basic) else ():
            index_of |= {s for i in a.indices for s in i.free_symbols} & free
        out |= {
            s
            for s in free
            if isinstance(s, sp.Symbol)
            and (s.is_integer or (indices and s in index_of and s.is_integer is not False))
        }
    return sorted(out, key=str)


def _family_indices(exprs) -> set:
    """The free symbols that index a free member of a family (the i of y_i), declared integer
    or not (only an integer names a member)."""
    out: set = set()
    for e in exprs:
        free = _free(e)
        for a in free:
            if isinstance(a, sp.Indexed):
                out |= {s for i in a.indices for s in _free(i) if isinstance(s, sp.Symbol)}
        out |= _delta_indices(e) & free
    return {s for s in out if s.is_integer is not False}


def _delta_indices(e) -> set:
    r"""The symbols in the indices of the Kronecker deltas of ``e`` (bound ones too: callers
    keep the free ones). Only an integer is an index: ``\delta_{ij}`` at j = 27/4 is no
    point the author meant."""
    if not isinstance(e, sp.Basic):
        return set()
    return {
        s
        for d in e.atoms(sp.KroneckerDelta)
        for a in d.args
        for s in _free(a)
        if isinstance(s, sp.Symbol)
    }


def _indices_with_ranges(exprs, ranges: dict, claim_ints, givens=()) -> dict:
    """``ranges`` with a range for each free index of a family that has none but names the
    variable of a sum or product of the claim (x_{ij} beside \\sum_i, the i written outside
    the sum it belongs to): the index takes the values of that sum's range, the only ones the
    author's i ranges over. A free index bound nowhere that only names members no other index
    names (the j of x_{ij} with j nowhere else: :func:`_naming_only`) takes the value 1: the
    step's truth is the same for every j. Any other free index without a declared range is
    left alone (y_i beside \\sum_{k=1}^{3} y_k: i = 5 is a point the author never meant)."""
    free = _family_indices(exprs) - set(claim_ints) - set(ranges or {})
    if not free:
        return ranges
    found: dict = {}
    # by name: a document's sum variable is an integer, the same letter written free is only
    # real (the i of x_{ij} outside \sum_i: hkawabata's gradient)
    by_name = {str(s): s for s in free}
    for e in exprs:
        for node in e.atoms(sp.Sum, sp.Product):
            bound_here = {limit[0] for limit in node.limits}
            for limit in node.limits:
                s = by_name.get(str(limit[0]))
                if s is None or len(limit) != 3:
                    continue
                lo, hi = limit[1], limit[2]
                if (lo.free_symbols | hi.free_symbols) & (bound_here | free):
                    continue  # a bound that depends on another bound variable: not one range
                found.setdefault(s, []).append((lo, hi))
    for s in sorted(free - set(found), key=str):
        if _naming_only(s, exprs, givens):
            found[s] = [(sp.Integer(1), sp.Integer(1))]
    if not found:
        return ranges
    return {**(ranges or {}), **found}


def _naming_only(s, exprs, givens) -> bool:
    """Whether the free index ``s`` occurs only as a whole index of family members, at
    places (family, position) where no member of the claim or a given has another index, and
    in no given: then every value of ``s`` names members met nowhere else, each free, and the
    step holds for one value exactly when it holds for all (the j of x_{ij} in \\sum_i (y_i -
    p_i) x_{ij}). Not so for the j of w_j beside \\sum_k w_k x_k, where j = k matters."""
    if any(s in x.free_symbols for g in givens for x in g):
        return False
    places = set()
    for e in exprs:
        for a in e.atoms(sp.Indexed):
            for pos, i in enumerate(a.indices):
                if i == s:
                    places.add((a.base, pos))
                elif i.has(s):
                    return False  # x_{j+1}: s in arithmetic
    if not places:
        return False
    trees = list(exprs) + [x for g in givens for x in g]
    for e in trees:
        for a in e.atoms(sp.Indexed):
            for pos, i in enumerate(a.indices):
                if (a.base, pos) in places and i != s:
                    return False  # another member of the same place: s = k may matter
        stand = {a: sp.Dummy() for a in e.atoms(sp.Indexed)}
        if e.xreplace(stand).has(s):
            return False  # s elsewhere than as an index (a bound, a factor, a delta)
    return True


MAX_INSTANCES = 200  # instances of one given with free indices (a guard, not a limit in use)


@dataclass(frozen=True)
class _Problem:
    """The claim and the givens once the integers have values: closed but for ``atoms``, which
    stand as plain symbols (``names`` maps each back to its atom, y_1 for instance)."""

    lhs: object
    rhs: object
    equations: list  # expressions that the givens make zero
    atoms: list
    names: dict  # stand-in symbol -> atom
    domain: tuple = ()  # (pred, expression) that must hold at the point


def _sample(
    lhs,
    rhs,
    givens,
    rng: random.Random,
    trial: int,
    ranges: dict,
    bound: dict,
    cache: dict,
    domain: tuple = (),
    simple: int | None = None,
    indices: bool = False,
):
    """One point that satisfies the assumptions, the givens and ``domain``, with both sides
    evaluated there; None when this trial found none. ``simple`` None draws sizes and values
    widely; an integer draws small ones (sizes up to ``simple`` + 1 above their least)."""
    families = getattr(ranges, "families", {})
    lhs, rhs = _put(lhs, bound), _put(rhs, bound)
    givens = [(_put(a, bound), _put(b, bound)) for a, b in givens]
    domain = tuple((p, _put(e, bound)) for p, e in domain)
    claim_ints = _integer_symbols([lhs, rhs] + [e for _, e in domain], indices)
    if not indices:
        ranges = _indices_with_ranges(
            [lhs, rhs] + [e for _, e in domain], ranges, claim_ints, givens
        )
        claim_ints = sorted(set(claim_ints) | (set(ranges) & _family_indices([lhs, rhs])), key=str)
    if not indices and (
        set().union(*(_delta_indices(e) & _free(e) for e in [lhs, rhs] + [e for _, e in domain]))
        - set(claim_ints)
    ):
        # A Kronecker delta's free index that is neither declared an integer nor given a
        # range: only an integer is an index (never j = 27/4), and which integers the author
        # means is not said (i = 5 beside \sum_{k=1}^{3} \delta_{ik}): no counterexample.
        return None
    given_ints = _integer_symbols([g for pair in givens for g in pair])
    # A free index of a given (k in y_k = 1) is universal: the given is instantiated for every
    # k below, not sampled. Every other integer symbol is shared by the claim and the givens.
    universal = {s for s in given_ints if s in ranges} - set(claim_ints)
    shared = sorted(set(claim_ints) | (set(given_ints) - universal), key=str)
    values = _integers(shared, rng, trial, ranges, bound, simple)
    if values is None or not all(_satisfies(s, v) for s, v in values.items()):
        return None
    key = tuple(sorted(values.items(), key=lambda kv: str(kv[0])))
    if key not in cache:
        # Only the integers the claim and the givens mention: not a bound sampled merely to
        # keep a free index in its range (K for the k of y_k).
        mentioned = {s: v for s, v in values.items() if s in shared}
        cache[key] = _problem(lhs, rhs, givens, values, mentioned, ranges, bound, domain)
    problem = cache[key]
    if problem is None:
        return None
    claimed = set().union(
        problem.lhs.free_symbols,
        problem.rhs.free_symbols,
        *(e.free_symbols for _, e in problem.domain),
    )
    members = [problem.names[a] for a in claimed if a in problem.names]
    if not _members_in_range(members, families, values, bound):
        # z_0 of z over 1..n: no value the step can be wrong at (a given's instance at such a
        # member, made for every index of a letter's ranges, speaks of nothing and is harmless)
        return None
    unknowns = _match(problem.equations, problem.atoms, rng)
    free = [a for a in problem.atoms if a not in unknowns]
    # A constraint such as y_1 + ... + y_6 = 1 with positive y needs small free values: shrink
    # them until the solved values satisfy their assumptions too.
    edges = _piece_edges((problem.lhs, problem.rhs), free)
    for shrink in (1, 4, 16, 64):
        chosen = {}
        for a in free:
            if a in edges and rng.random() < 0.3:
                # the edge of a piece (x = 0 of \mathbb{1}\{x > 0\} = \mathbb{1}\{x \ge 0\}),
                # where cases differ on one point only: a random value never falls there
                chosen[a] = rng.choice(edges[a])
                continue
            v = _random_value(a, rng, simple)
            chosen[a] = v if a.is_integer else v / shrink
        if not _solve(problem.equations, unknowns, chosen, rng, simple):
            continue
        # The exact check that makes the values a model of every given and assumption.
        if any(v.is_real is False and _real_only(a) for a, v in chosen.items()):
            continue  # a value solved from a given, off the real line
        if (
            all(_satisfies(a, v) for a, v in chosen.items())
            and all(_is_zero(e.xreplace(chosen)) for e in problem.equations)
            and not any(_given_off_the_reals(e, chosen) for e in problem.equations)
        ):
            break
    else:
        return None
    L_v, R_v = problem.lhs.xreplace(chosen), problem.rhs.xreplace(chosen)
    if L_v.has(sp.Sum, sp.Product) or R_v.has(sp.Sum, sp.Product):
        # a bound that was a real symbol (\sum_{k=1}^{x}) has a value now
        L_v, R_v = _expand(L_v), _expand(R_v)
    if L_v.free_symbols or R_v.free_symbols:
        return None
    if not all(_holds_at(p, e.xreplace(chosen)) for p, e in problem.domain):
        return None  # outside the domain: the step says nothing there
    if not _factorials_defined((problem.lhs, problem.rhs), chosen):
        return None  # x! with x < 0 (Gamma's value): outside what the step means
    shown = {s: v for s, v in values.items() if s in shared}
    shown.update(
        {
            problem.names[a]: v
            for a, v in chosen.items()
            # a given's instance at a member outside its family's range (z_0 of z over 1..n,
            # for an index that also runs over 0..n) names nothing: not shown
            if _members_in_range([problem.names[a]], families, values, bound)
        }
    )
    return Sample(shown, L_v, R_v)


def _members_in_range(atoms, families: dict, values: dict, bound: dict) -> bool:
    """Whether every member among ``atoms`` of a family with declared ranges (``families``:
    base -> (lower, upper) per position) has its indices within them at the point (bounds
    such as n take their values there). A bound still symbolic says nothing."""
    for a in atoms:
        if not isinstance(a, sp.Indexed) or a.base not in families:
            continue
        for i, (lo, hi) in zip(a.indices, families[a.base], strict=False):
            if not i.is_Integer:
                continue
            lo_v = _put(_put(sp.sympify(lo, strict=True), bound), values)
            hi_v = _put(_put(sp.sympify(hi, strict=True), bound), values)
            if (lo_v.is_number and (i - lo_v).is_negative) or (
                hi_v.is_number and (hi_v - i).is_negative
            ):
                return False
    return True


def _factorials_defined(trees, chosen: dict) -> bool:
    """Whether every factorial the expanded sides hold has a nonnegative argument at the
    point (``x_i!`` inside ``\\prod_{i=1}^{n}`` too, once n has a value and the product is
    expanded): the checker's domain of ``x!`` (check/rewrite.py), which a factorial over a
    bound index does not reach before the expansion."""
    for tree in trees:
        for node in tree.atoms(sp.factorial):
            value = node.args[0].xreplace(chosen)
            if value.free_symbols:
                continue  # still bound (a sum left whole): its own domain is the engine's
            if not _holds_at("nonnegative", value):
                return False
    return True


class NotCarriedOut(ValueError):
    """A side the refuter cannot evaluate faithfully at these sizes (no counterexample)."""


def _problem(lhs, rhs, givens, values: dict, mentioned: dict, ranges: dict, bound: dict, domain=()):
    try:
        L = _bind(lhs, values, bound)
        R = _bind(rhs, values, bound)
        D = [(p, _bind(e, values, bound)) for p, e in domain]
    except NotCarriedOut:
        return None
    G = _instantiate(givens, values, mentioned, bound, ranges, [L, R] + [e for _, e in D])
    if G is None:
        return None
    atoms = _atoms([L, R] + [x for g in G for x in g] + [e for _, e in D])
    if any(isinstance(a, sp.Indexed) and not all(i.is_Integer for i in a.indices) for a in atoms):
        return None  # an index left symbolic: cannot evaluate
    if any(a in bound for a in atoms):
        return None  # cannot happen: bound values are put in everywhere
    # Plain symbols with the same assumptions stand for the atoms: SymPy is much faster with
    # them than with Indexed objects.
    stand = {a: sp.Dummy(str(a), **a.assumptions0) for a in atoms}
    return _Problem(
        L.xreplace(stand),
        R.xreplace(stand),
        [(a - b).xreplace(stand) for a, b in G],
        [stand[a] for a in atoms],
        {v: k for k, v in stand.items()},
        tuple((p, e.xreplace(stand)) for p, e in D),
    )


def _integers(symbols, rng: random.Random, trial: int, ranges: dict, bound: dict, simple=None):
    """Values for integer symbols: bounds (K) and counts first, then free indices within their
    declared ranges. Small values make sums expandable."""
    values: dict = {}
    for s in symbols:
        if s not in ranges:
            values[s] = sp.Integer(_random_integer(s, rng, trial, simple))
    for s in symbols:
        if s in ranges:
            bounds = _concrete_bounds(ranges[s], values, bound, rng, trial, simple)
            lo_i = max((b[0] for b in bounds), default=1)
            hi_i = min((b[1] for b in bounds), default=lo_i + 5)
            if hi_i < lo_i:
                return None
            if simple is not None:
                hi_i = min(hi_i, lo_i + simple)
            values[s] = sp.Integer(rng.randint(lo_i, hi_i))
    return values


def _concrete_bounds(
    declared, values: dict, bound: dict, rng=None, trial: int = 0, simple=None
) -> list:
    """The declared (lower, upper) bounds of an index as integers. A bound not met yet gets a
    value first when ``rng`` is given; else a bound that is not concrete is left out."""
    out = []
    for lo, hi in declared:
        lo_v = _put(_put(sp.sympify(lo, strict=True), bound), values)
        hi_v = _put(_put(sp.sympify(hi, strict=True), bound), values)
        if not (lo_v.is_Integer and hi_v.is_Integer) and rng is not None:
            for f in (lo_v.free_symbols | hi_v.free_symbols) - set(values):
                values[f] = sp.Integer(_random_integer(f, rng, trial, simple))
            lo_v, hi_v = lo_v.xreplace(values), hi_v.xreplace(values)
        if lo_v.is_Integer and hi_v.is_Integer:
            out.append((int(lo_v), int(hi_v)))
    return out


def _bind(expr, values: dict, bound: dict):
    """Put in the integers, expand sums and products with concrete bounds, then put in the
    values bound by ``where`` for the members the expansion produced (t_1, t_2, ...)."""
    return _put(_expand(_put(expr, values)), bound)


def _put(expr, mapping: dict):
    """Replace the free occurrences of the keys of ``mapping`` (a bound variable stays bound,
    in inner ranges' bounds too): :func:`eqchain.check.ranges.put_free`."""
    return put_free(expr, mapping)


def _free(expr) -> set:
    """The free symbols and members of ``expr``, with the free symbols of indices: unlike
    SymPy's ``free_symbols``, the k of a derivative by y_k counts, and the k of
    \\sum_{k=1}^{K} y_k does not (nor does its y_k)."""
    if isinstance(expr, sp.Symbol):
        return {expr}
    if isinstance(expr, sp.Indexed):
        return {expr}.union(*(_free(i) for i in expr.indices))
    if not isinstance(expr, sp.Basic) or not expr.args or isinstance(expr, sp.IndexedBase):
        return set()
    if isinstance(expr, ExprWithLimits):
        # The first limit is the innermost: its bounds may use the variables of the limits
        # after it (\sum_{k=1}^{3} \sum_{j=k}^{k+1} is Sum(j, (j, k, k + 1), (k, 1, 3))).
        out = _free(expr.function)
        for limit in expr.limits:
            out = {s for s in out if not s.has(limit[0])}
            for x in limit[1:]:
                out |= _free(x)
        return out
    if isinstance(expr, sp.Limit):
        # \lim_{n \to \infty} binds n (and its side is no symbol): values are never put in
        # for it (SymPy's subs would make Limit(f(1), 1, oo))
        body, variable, point = expr.args[:3]
        return {s for s in _free(body) if not s.has(variable)} | _free(point)
    return set().union(*(_free(a) for a in expr.args))


def _instantiate(givens, values: dict, mentioned: dict, bound: dict, ranges: dict, claim):
    """The givens as closed equations: one instance of a given with a free index for every k of
    its concrete range and for every member of its families that occurs (in the claim or in
    another given), so that ``y_k = 1`` meets y_1 and y_2 of ``y_1 + y_2 = 2``."""
    plain, indexed = [], []
    for a, b in givens:
        free = sorted(set(_integer_symbols([a, b])) & set(ranges), key=str)
        if free:
            indexed.append((a, b, free))
        else:
            plain.append((_bind(a, values, bound), _bind(b, values, bound)))
    out = list(plain)
    done: set = set()
    members = _members(claim + [x for g in plain for x in g])
    for _ in range(4):  # new instances may mention new members: a few rounds to a fixpoint
        grew = False
        for n, (a, b, free) in enumerate(indexed):
            choices = []
            for s in free:
                ks = set()
                for lo, hi in _concrete_bounds(ranges[s], mentioned, bound):
                    ks |= set(range(lo, hi + 1))
                for base, pos in _positions(a - b, s):
                    ks |= members.get((base, pos), set())
                if not ks:
                    # No member occurs and the range is open: the given still holds for its
                    # first k, which may tie other symbols (y_k^2 = -λ makes λ <= 0).
                    ks = _first_indices(ranges[s], mentioned, bound)
                choices.append(sorted(ks))
            count = 1
            for c in choices:
                count *= len(c)
            if count > MAX_INSTANCES:
                return None
            for combo in itertools.product(*choices):
                if (n, combo) in done:
                    continue
                done.add((n, combo))
                at = {**values, **{s: sp.Integer(k) for s, k in zip(free, combo, strict=True)}}
                inst = (_bind(a, at, bound), _bind(b, at, bound))
                out.append(inst)
                new = _members(list(inst))
                for key, ks in new.items():
                    if not ks <= members.get(key, set()):
                        members.setdefault(key, set()).update(ks)
                        grew = True
        if not grew:
            break
    return out


def _first_indices(declared, values: dict, bound: dict) -> set:
    out = set()
    for lo, _ in declared:
        lo_v = _put(_put(sp.sympify(lo, strict=True), bound), values)
        if lo_v.is_Integer:
            out.add(int(lo_v))
    return out


def _members(exprs) -> dict:
    """(base, position) -> the concrete index values met there."""
    out: dict = {}
    for e in exprs:
        for a in e.atoms(sp.Indexed):
            for pos, i in enumerate(a.indices):
                if i.is_Integer:
                    out.setdefault((a.base, pos), set()).add(int(i))
    return out


def _positions(expr, s) -> set:
    """(base, position) where the index symbol ``s`` stands alone in ``expr``."""
    return {
        (a.base, pos) for a in expr.atoms(sp.Indexed) for pos, i in enumerate(a.indices) if i == s
    }


def _match(equations, atoms, rng: random.Random) -> list:
    """The atoms the givens determine: one distinct atom for each given (a matching of givens
    to the atoms they contain), preferring atoms that are not integers, whose values a solution
    rarely meets. The other atoms get random values; the givens are then solved jointly."""
    order = {a: (bool(a.is_integer), rng.random()) for a in atoms}
    options = []
    for e in equations:
        mine = [a for a in _atoms([e]) if a in order]
        options.append(sorted(mine, key=lambda a: order[a]))
    owner: dict = {}  # atom -> equation

    def augment(n: int, seen: set, integers: bool) -> bool:
        for a in options[n]:
            if a in seen or (a.is_integer and not integers):
                continue
            seen.add(a)
            if a not in owner or augment(owner[a], seen, integers):
                owner[a] = n
                return True
        return False

    # Non-integer atoms first: a given keeps an integer atom only when it has no other.
    for integers in (False, True):
        for n in range(len(equations)):
            if n not in owner.values():
                augment(n, set(), integers)
    return sorted(owner, key=lambda a: _natural(str(a)))


def _numerator(e):
    try:
        return sp.expand(e.as_numer_denom()[0])
    except (ValueError, TypeError, NotImplementedError, RecursionError):
        return e


def _solve(equations, unknowns, chosen: dict, rng: random.Random, simple=None) -> bool:
    """Complete ``chosen`` (values of every other atom) with values of ``unknowns`` that solve
    the givens: each given in turn is solved for an unknown it contains linearly, which is put
    in the others (a joint solution, as for λ y_k = t_k with Σ y_k = 1); a given left with one
    unknown that it does not contain linearly is solved for its roots. Values are exact; the
    caller checks every given at the end."""
    left = set(unknowns)
    pending = [_numerator(e.xreplace(chosen)) for e in equations]
    solved: dict = {}  # unknown -> expression in the unknowns still left
    while pending:
        pending = [p for p in pending if p != 0]
        if any(not _mentions(p, left) for p in pending):
            return False  # a given that no longer has an unknown and does not hold
        if not pending:
            break
        pending.sort(key=lambda p: len(_mentions(p, left)))
        step = None
        for n, p in enumerate(pending):
            for a in sorted(_mentions(p, left), key=lambda a: _natural(str(a))):
                slope = _slope(p, a)
                if slope is not None:
                    step = (n, a, -p.xreplace({a: 0}) / slope)
                    break
            if step is not None:
                break
        if step is None:
            p = pending[0]
            mine = _mentions(p, left)
            if len(mine) != 1:
                return False  # coupled givens, none linear in an unknown: not attempted
            (a,) = mine
            roots = _roots(p, a) or _met_by_drawing(p, a, simple)
            if not roots:
                return False
            step = (0, a, rng.choice(roots))
        n, a, value = step
        pending.pop(n)
        left.discard(a)
        solved = {u: v.xreplace({a: value}) for u, v in solved.items()}
        solved[a] = value
        pending = [_numerator(p.xreplace({a: value})) if p.has(a) else p for p in pending]
    for a in left:  # not determined by the givens: any value
        chosen[a] = _random_value(a, rng, simple)
    for a, v in solved.items():
        try:
            value = v.xreplace(chosen)
            if not value.is_Rational:
                value = sp.cancel(value)
        except (ValueError, TypeError, ZeroDivisionError, NotImplementedError, RecursionError):
            return False
        if not value.is_number or value.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
            return False
        if not _satisfies(a, value):
            return False
        chosen[a] = value
    return True


def _slope(p, a):
    """The coefficient of ``a`` when ``p`` is linear in it (a nonzero one free of ``a``), else
    None: read off the terms (each a coefficient times ``a``, or free of it), as the derivative
    would give it at a fraction of its cost (thousands of calls a step); the derivative where a
    term is not of that form."""
    slope = sp.S.Zero
    for term in sp.Add.make_args(p):
        if not term.has(a):
            continue
        coefficient, rest = term.as_independent(a, as_Add=False)
        if rest == a:
            slope += coefficient
            continue
        if rest.is_Pow or isinstance(rest, (sp.Function, sp.Derivative)):
            # a power of it, a function of it, a derivative: not linear (the terms of a sum
            # are collected, so no other term cancels this one)
            return None
        slope = sp.diff(p, a)  # a sum not multiplied out, a \sum: the derivative decides
        break
    if slope == 0 or slope.has(a):
        return None
    return slope


def _mentions(e, atoms: set) -> set:
    return (e.free_symbols | e.atoms(sp.Indexed)) & atoms


# The largest equation, in operations, that the sampler asks SymPy to solve when it is not a
# polynomial in the unknown (one of degree at most ROOT_DEGREE always is): solve() on a likelihood
# with its sum written out at a sampled size (2000 operations, factorials of the unknown) ran for
# nine seconds a call, and the step's time limit ran out before the search began. The work is
# bounded by the equation's size, not by the clock.
ROOT_OPS = 80
ROOT_DEGREE = 4


def _given_off_the_reals(e, values: dict) -> bool:
    r"""Whether the given ``e`` = 0, its names real, takes a value off the real line on the way
    at ``values`` (\sqrt{x - 1} at x = 4/7: \sqrt{x}\sqrt{x - 1} = \sqrt{x^2 - x} holds there
    in complex numbers only, and a counterexample there was no point of the document, red
    team s47); a name that may be complex may make it so."""
    if not all(a.is_real or _real_only(a) for a in values):
        return False
    try:
        # each root, power and logarithm on its own: the whole may cancel to a real 0
        parts = [e, *e.atoms(sp.Pow, sp.log, sp.Function)]
        for part in parts:
            value = part.xreplace(values)
            # arcsin 2, (-8)^{1/3}: complex, with no I written (SymPy leaves them so)
            if value.has(sp.I) or (value.is_number and value.is_real is False):
                return True
        return False
    except (TypeError, ValueError, RecursionError):
        return True


_DRAWS = 6  # values drawn for a given met on a whole interval (x = |x|: every x >= 0)


def _met_by_drawing(e, a, simple=None) -> list:
    r"""Values of ``a`` drawn at random where ``e`` = 0 holds exactly, for a given whose solutions
    are no isolated roots (``-x = \sqrt{x^2}``, every x <= 0: no point was found, so no
    counterexample to ``|y| = -y`` beside it); [] when no draw meets it."""
    if not e.has(sp.Abs, sp.Pow, sp.Max, sp.Min, sp.Piecewise, sp.sign):
        return []
    # draws of their own, the same for the same given (the sampler's draws stay as they were)
    import zlib

    own = random.Random(zlib.crc32(f"{e}|{a}".encode()))
    found = []
    for _ in range(_DRAWS):
        drawn = _random_value(a, own, simple)
        for value in (drawn, -drawn):  # either side of 0: x <= 0 as often as x >= 0
            if not _satisfies(a, value):
                continue
            try:
                if _is_zero(e.xreplace({a: value})) and not _given_off_the_reals(e, {a: value}):
                    found.append(value)
            except (ValueError, TypeError, ZeroDivisionError, NotImplementedError, RecursionError):
                continue
    return found


def _roots(e, a) -> list:
    """Exact roots of ``e`` = 0 in ``a`` that meet the assumptions of ``a``; none sought for
    a polynomial above :data:`ROOT_DEGREE` or a larger equation than :data:`ROOT_OPS`."""
    x = sp.Dummy("x", **_assumptions(a))
    e = e.xreplace({a: x})
    try:
        # a product's roots are its factors' (a likelihood's stationarity condition at sampled
        # k, n: p^{1/16} (221 - 320 p), which solve() took a second to find by p = t^{16})
        product = sp.factor_terms(e) if isinstance(e, sp.Add) else e
        factors = [f for f in sp.Mul.make_args(product) if f.has(x)]
        if isinstance(product, sp.Mul) and len(factors) > 1 or factors and factors[0] != e:
            found = [r for f in factors for r in _roots(f, x)]
            return sorted(set(found), key=sp.default_sort_key)
        if isinstance(e, sp.Pow) and e.base.has(x) and e.exp.is_positive and not e.exp.has(x):
            return _roots(e.base, x)  # (1 - p)^{3/2} = 0 where 1 - p = 0
        roots = None
        signs = sorted((s for s in e.atoms(sp.sign) if s.has(x)), key=sp.default_sort_key)
        if signs:
            roots = _roots_through_signs(e, x, signs)
        elif e.is_polynomial(x):
            degree = sp.degree(e, x)
            if degree > ROOT_DEGREE:
                return []
            # the formulas up to the quartic, without solve()'s checks of every root against
            # the assumptions (those are checked below): a twentieth of its time on the
            # quadratics a given such as a sum of squares set to 0 leaves (seconds a step)
            poly = sp.Poly(e, x)
            if x.is_real and degree in (1, 2) and _no_real_root(poly, degree):
                # no real root: roots() would factor over Q(i) first, a sixth of a second a
                # call at points sampled off the reals, for roots the assumptions then drop
                roots = []
            else:
                found = sp.roots(poly)
                if sum(found.values()) == degree:
                    roots = sorted(found, key=sp.default_sort_key)
        elif sp.count_ops(e) > ROOT_OPS:
            return []
        if roots is None:
            # dict=True: a list of {x: root} always (a plain call answered [(0,)] for a cubic
            # with complex coefficients, and the tuple ended the whole search with an error)
            found = sp.solve(e, x, dict=True)
            roots = [d[x] for d in found if isinstance(d, dict) and x in d]
    except (NotImplementedError, ValueError, TypeError, RecursionError, sp.PolynomialError):
        return []
    return [
        r
        for r in roots
        if isinstance(r, sp.Basic) and r.is_number and not r.free_symbols and _satisfies(a, r)
    ]


def _no_real_root(poly, degree: int) -> bool:
    """Whether no root of a line or a quadratic with i in a coefficient is real: each root by
    its formula, evaluated to 30 digits, has an imaginary part clearly away from 0 (the
    formula's radicals are not simplified, so an exact test would cost what roots() does)."""
    if not any(c.has(sp.I) for c in poly.all_coeffs()):
        return False
    try:
        found = roots_linear(poly) if degree == 1 else roots_quadratic(poly)
        parts = [abs(sp.im(sp.N(r, 30))) for r in found]
    except (ValueError, TypeError, ZeroDivisionError):
        return False
    return all(p.is_Number and p > sp.Float("1e-20") for p in parts)


# The most sign terms of the unknown an equation may hold for its cases to be solved one by one
# (3 values each), and the most for the points between their breaks to be tried.
SIGN_CASES = 3
SIGN_TERMS = 8


def _roots_through_signs(e, x, signs: list) -> list:
    """Roots of ``e`` = 0 where ``x`` stands inside sign functions (the derivative of |x - m|;
    SymPy's solve has no algorithm for them, and spent a third of a second a call finding
    that out): each sign is -1, 0 or 1, so the equation is solved in each case (for at most
    :data:`SIGN_CASES` signs), and where it does not depend on ``x`` in a case (a sum of signs
    set to 0: a median) the points where a sign's argument is 0, between two such points and
    beyond them (and between 0 and the first, for an ``x`` declared positive) are tried. Each
    candidate is kept only when ``e`` is exactly 0 there."""
    if len(signs) > SIGN_TERMS:
        return []
    breaks: set = set()
    for s in signs:
        breaks.update(_roots(s.args[0], x))
    candidates = set(breaks)
    ordered = sorted((b for b in breaks if b.is_real), key=lambda b: float(b))
    if ordered:
        candidates.update((b + c) / 2 for b, c in itertools.pairwise(ordered))
        candidates.update((ordered[0] - 1, ordered[-1] + 1, ordered[0] / 2))
    else:
        candidates.update((sp.Integer(0), sp.Integer(1), sp.Integer(-1)))
    if len(signs) <= SIGN_CASES:
        for case in itertools.product((-1, 0, 1), repeat=len(signs)):
            within = e.xreplace(dict(zip(signs, map(sp.Integer, case), strict=True)))
            if within.has(x):
                candidates.update(_roots(within, x))
    return sorted(
        (r for r in candidates if r.is_number and _is_zero(e.xreplace({x: r}))),
        key=sp.default_sort_key,
    )


def _assumptions(atom) -> dict:
    names = ("positive", "nonnegative", "negative", "nonpositive", "integer", "nonzero", "real")
    return {n: True for n in names if getattr(atom, f"is_{n}")}


def _is_zero(v) -> bool:
    if v.is_Rational:
        return v == 0
    if v.has(sp.nan, sp.zoo, sp.oo, -sp.oo) or not v.is_number:
        return False
    try:
        return sp.simplify(v) == 0
    except (ValueError, TypeError, ZeroDivisionError, NotImplementedError, RecursionError):
        return False


def _expand(expr):
    """Write out sums and products with concrete ranges the reader's way (an empty range is
    empty, not Karr's; bounds that are not integers bound the integers between them: see
    :mod:`eqchain.check.ranges`), then carry out derivatives."""
    out = write_out(expr)
    # A range whose bound is not known to be an integer (\sum_{k=1}^{x} with x real) waits
    # for its value: SymPy's closed form would take x for an integer.
    waiting = {
        node: sp.Dummy("range")
        for node in out.atoms(sp.Sum, sp.Product)
        if any(b.is_integer is not True for limit in node.limits for b in limit[1:])
    }
    if not waiting:
        return out.doit(deep=True)
    if any(
        node.has(*d.variables) for d in out.atoms(sp.Derivative) for node in waiting if d.has(node)
    ):
        # d/dt \sum_{k=0}^{2n} t^k: a waiting sum stood for a number inside the derivative,
        # whose derivative came out 0 (a valid step was refuted); it is not carried out
        raise NotCarriedOut("a derivative of a sum whose range waits for its value")
    if any(
        node.has(limit.args[1])
        for limit in out.atoms(sp.Limit)
        for node in waiting
        if limit.has(node)
    ):
        # \lim_{n \to \infty} \sum_{k=1}^{n}: a waiting sum stood for a number inside the limit,
        # which then took it for its value, and its n came out free (a valid step was refuted
        # at n = 1); it is not carried out
        raise NotCarriedOut("a limit of a sum whose range waits for its value")
    back = {v: k for k, v in waiting.items()}
    return out.xreplace(waiting).doit(deep=True).xreplace(back)


def _atoms(exprs) -> list:
    out, labels = set(), set()
    for e in exprs:
        indexed = e.atoms(sp.Indexed)
        out |= indexed
        labels |= {a.base.label for a in indexed}
        # a family written whole (a run X_1, \ldots, X_n: operators.Sequence): no value
        labels |= {b.label for b in e.atoms(sp.IndexedBase)}
        out |= {s for s in e.free_symbols if isinstance(s, sp.Symbol)}
    return sorted(out - labels, key=lambda a: _natural(str(a)))


# Small values, simplest first, for a counterexample a reader takes in at a glance.
_SMALL_INTEGERS = [1, 0, -1, 2, -2, 3, -3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]
_SIMPLE_MAGNITUDES = [sp.Rational(p, q) for p, q in ((1, 1), (2, 1), (1, 2), (3, 1), (1, 3))] + [
    sp.Rational(p, q) for p, q in ((3, 2), (4, 1), (1, 4), (2, 3), (5, 1), (5, 2), (3, 4))
]


def _random_integer(s, rng: random.Random, trial: int, simple: int | None = None) -> int:
    if simple is not None:
        # Sizes smallest first: only the least allowed value at level 0, one more per level.
        pool = [n for n in _SMALL_INTEGERS if _satisfies(s, sp.Integer(n))] or [1]
        if s.is_nonnegative:  # 0 (an empty range) says little: 1 first
            pool = sorted(pool, key=lambda n: (n == 0, n))
        return rng.choice(pool[: simple + 1])
    if s.is_nonnegative and trial < 3 and not (s.is_even or s.is_odd or s.is_prime):
        # a size: the smallest first, whatever the seed (\sum_{k=0}^{n} \binom{n}{k} (-1)^k = 0
        # fails at n = 0 only, which six random draws missed: SymPy's closed form verified it)
        least = [n for n in (1, 0, 2) if _satisfies(s, sp.Integer(n))]
        if trial < len(least):
            return least[trial]
    if s.is_positive or s.is_nonnegative and trial % 5:
        pool = [1, 2, 3, 3, 4, 5, 6]
    elif s.is_nonnegative:
        pool = [0, 1, 2, 3, 4]
    elif s.is_negative:
        pool = [-1, -2, -3]
    else:
        pool = [-2, -1, 0, 1, 2, 3]
    if s.is_even or s.is_odd or s.is_prime:  # declared even, odd or prime: only those
        wide = pool + [-6, -5, -4, -3, 7, 8, 9, 10, 11, 12, 13]
        pool = [n for n in wide if _satisfies(s, sp.Integer(n))] or pool
    return rng.choice(pool)


def _piece_edges(trees, atoms) -> dict:
    """For each of ``atoms`` that a Piecewise condition of ``trees`` compares with a number
    (``x > 0``, ``x \\le 3``), those numbers: the edges of the pieces."""
    out: dict = {}
    for tree in trees:
        if not isinstance(tree, sp.Basic) or not tree.has(sp.Piecewise):
            continue
        for piece in tree.atoms(sp.Piecewise):
            for _, condition in piece.args:
                for rel in condition.atoms(sp.core.relational.Relational):
                    for a, b in ((rel.lhs, rel.rhs), (rel.rhs, rel.lhs)):
                        if a in atoms and b.is_Rational and b not in out.get(a, []):
                            out.setdefault(a, []).append(b)
    return out


def _random_value(atom, rng: random.Random, simple: int | None = None):
    if atom.is_integer:
        wider = None if simple is None else simple + 2  # a member's value, not a size
        return sp.Integer(_random_integer(atom, rng, rng.randrange(5), wider))
    if simple is not None:
        magnitude = rng.choice(_SIMPLE_MAGNITUDES[: 2 + 3 * simple])  # 1 and 2 first
    else:
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
    if _real_only(atom):
        return value
    if atom.is_real is None and simple is not None and rng.random() < 0.2:
        return value * sp.I  # off the real line, still short
    if atom.is_real is None and simple is None and rng.random() < 0.4:
        # A symbol declared with no assumptions is complex: try values off the real line too.
        value += sp.I * sp.Rational(rng.randint(-40, 40), rng.choice([4, 7, 8]))
    return value


ASSUMPTIONS = tuple(sorted(_DECLARABLE))  # every word a declaration may use


def _satisfies(atom, value) -> bool:
    """Whether ``value`` has every property declared for ``atom`` (established, not merely
    possible)."""
    if isinstance(value, int):
        value = sp.Integer(value)
    elif isinstance(value, Fraction):
        value = sp.Rational(value.numerator, value.denominator)
    for name in ASSUMPTIONS:
        if getattr(atom, f"is_{name}") and getattr(value, f"is_{name}") is not True:
            return False
    return True


def _differ(L, R, real_point: bool = False):
    """Decide whether two closed expressions differ; returns (differs, lhs, rhs values).

    With ``real_point`` (every symbol was given a real value and is declared real), a side off
    the real line at the lower precision ends the work there, its values returned as they are:
    the point is no counterexample (:func:`_off_the_reals`), and the higher precision and the
    distance between two complex values (SymPy's Abs of a complex number: a fifth of a second
    each) would be spent for nothing."""
    try:
        if L.is_Rational and R.is_Rational:
            return L != R, L, R
        d = L - R
        if d.is_Rational:
            return d != 0, L, R
        if L.atoms(AppliedUndef) or R.atoms(AppliedUndef):
            # an unknown function has no value (and SymPy's evalf of its derivative at a
            # point, Subs, recurses until the stack runs out)
            return False, None, None
        # a series in closed form first (check/series.py): SymPy's numeric summation of
        # \sum_k e^{-\lambda} \lambda^k e^{tk}/k! ran for a minute (Euler-Maclaurin)
        L, R = (summed(x) if x.has(sp.Sum) else x for x in (L, R))
        lo = [x.evalf(LOW_DIGITS) for x in (L, R)]
        if real_point and all(_finite_number(v) for v in lo):
            if any(v.is_real is False for v in lo):
                return lo[0] != lo[1], lo[0], lo[1]
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


# -- a side with no value: a term of a sum or product undefined whatever the values ------------

# Nodes whose arguments are not simply evaluated at the point (a branch of a case split, an
# integrand, a derivative's body, a limit, an unknown function): nothing inside them is walked.
_NOT_WALKED = (sp.Piecewise, sp.Integral, sp.Derivative, sp.Subs, sp.Limit, AppliedUndef)
CANDIDATES = 3  # each index of a range is tried at its first (and last) three values
MOST_POINTS = 64  # points of the ranges tried for one tree


@dataclass(frozen=True)
class UndefinedTerm:
    """A term of a sum or product that has no value whatever the free symbols are: at the
    indices ``at`` (variable -> integer) a part of it (``what``, as Unicode text: ``(-1)!``,
    ``1/0``, ``log(0)``) is a factorial of a negative integer, a division by zero, a logarithm
    of zero or a pole of the gamma function. The term is in its ranges where each of
    ``conditions`` ((pred, expr) on the range bounds: n >= 0) holds."""

    at: tuple  # ((variable, integer), ...)
    what: str
    conditions: tuple


def undefined_term(tree, zero_rescues: bool = True) -> UndefinedTerm | None:
    """The first term of a sum or product of ``tree`` that is undefined at every point where it
    is in its ranges (:class:`UndefinedTerm`), or None. Only failures that are necessary are
    taken: n! at a negative integer n (not at -1/2, where it is Gamma(1/2)), Gamma at 0, -1,
    ...; a negative power of exactly 0; log 0. The term's factors do not rescue it: 0 times a
    value that does not exist has none (the x = 0 term of \\sum_{x=0}^{\\infty} x
    \\frac{\\lambda^{x-1}}{x (x-1)!})."""
    if not isinstance(tree, sp.Basic):
        return None
    try:
        return _undefined_in(tree, (), (), zero_rescues)
    except (ValueError, TypeError, NotImplementedError, RecursionError, AttributeError):
        return None


def _undefined_in(node, limits: tuple, factors: tuple = (), zero_rescues: bool = True):
    """``factors``: the products between the innermost range and ``node``, each with the factor
    that leads to ``node`` (a point where another of their factors is 0 is left alone: 0 log 0
    is 0 by a convention the author may use, as in an entropy)."""
    if isinstance(node, (sp.Sum, sp.Product)):
        # node.limits are innermost first: ``limits`` keeps the outermost first
        inner = limits + tuple(tuple(lim) for lim in reversed(node.limits))
        return _undefined_in(node.function, inner, (), zero_rescues)
    if isinstance(node, _NOT_WALKED) or not isinstance(node, sp.Expr) or node.is_Atom:
        return None
    if isinstance(node, sp.Indexed):
        return None
    if limits and isinstance(node, (sp.Pow, sp.log, sp.factorial, sp.gamma)):
        found = _fails_in_range(node, limits, factors if zero_rescues else ())
        if found is not None:
            return found
    for arg in node.args:
        inside = factors + ((node, arg),) if isinstance(node, sp.Mul) else factors
        found = _undefined_in(arg, limits, inside, zero_rescues)
        if found is not None:
            return found
    return None


def _fails_in_range(node, limits: tuple, factors: tuple = ()):
    if not any(node.has(lim[0]) for lim in limits):
        return None  # no index in it: its definedness is the free symbols', not decided here
    for at, conditions in _range_points(node, limits):
        what = _no_value(node, at)
        if what is None:
            continue
        if _times_zero(factors, at) and not _divides_by_zero(node, at):
            continue
        shown = tuple((var, at[var]) for var, _, _ in limits if node.has(var))
        return UndefinedTerm(shown, what, tuple(conditions))
    return None


def _times_zero(factors: tuple, at: dict) -> bool:
    """Whether a product around the failing part has another factor that is exactly 0 at
    ``at`` (k log k at k = 0)."""
    for product, child in factors:
        for other in product.args:
            if other is child:
                continue
            try:
                if other.xreplace(at).is_zero is True:
                    return True
            except (ValueError, TypeError):
                return True  # not decided: left alone
    return False


def _divides_by_zero(node, at: dict) -> bool:
    """Whether ``node`` is a division whose denominator is 0 at ``at``, or a product with a
    factor 0 there (x (x-1)! at x = 0): no factor 0 beside it rescues that (0/0 has no value by
    any convention, unlike 0 log 0, or 0 times 1/(-1)! read as 0 times 1/Gamma(0))."""
    if not isinstance(node, sp.Pow) or node.exp.xreplace(at).is_negative is not True:
        return False
    return any(f.xreplace(at).is_zero is True for f in sp.Mul.make_args(node.base))


def _range_points(node, limits: tuple) -> list:
    """Points of the ranges ``limits`` (outermost first): each index at its first and last
    :data:`CANDIDATES` values (one value for an index ``node`` does not use: its range must
    only hold one), with the conditions on symbolic bounds under which the point is in the
    ranges. A point outside a concrete range is left out."""
    points: list = [({}, [])]
    for var, lo, hi in limits:
        used = node.has(var)
        out = []
        for at, conditions in points:
            lo_v, hi_v = lo.xreplace(at), hi.xreplace(at)
            candidates = []
            for n in range(CANDIDATES if used else 1):
                if lo_v.is_Integer:
                    candidates.append(lo_v + n)
                if hi_v.is_Integer:
                    candidates.append(hi_v - n)
            for value in dict.fromkeys(candidates):
                extra = []
                inside = True
                for gap in (value - lo_v, hi_v - value):
                    if gap.is_number and gap.is_infinite:
                        if gap.is_extended_positive is not True:
                            inside = False
                        continue
                    if gap.is_number:
                        inside = inside and gap.is_nonnegative is True
                    elif gap.free_symbols & {v for v, _, _ in limits}:
                        inside = False  # a bound of a bound variable not yet met
                    else:
                        extra.append(("nonnegative", gap))
                if inside:
                    out.append(({**at, var: value}, conditions + extra))
        points = out[:MOST_POINTS]
    return points


def _no_value(node, at: dict) -> str | None:
    """What makes ``node`` have no value at the indices ``at`` (its own operation, its
    arguments' values taken there), as Unicode text; None when it has one or it depends."""
    if _divides_by_zero(node, at):
        # a denominator with a factor 0 (x (x-1)! at x = 0), whatever its other factors are
        return "1/0"
    args = [a.xreplace(at) for a in node.args]
    if any(a.has(sp.nan, sp.zoo, sp.oo, -sp.oo) for a in args):
        return None  # an argument's own part has no value: found when walking it
    if isinstance(node, sp.factorial):
        (a,) = args
        if a.is_Integer and a.is_negative:
            return f"({a})!"
    elif isinstance(node, sp.gamma):
        (a,) = args
        if a.is_Integer and a.is_nonpositive:
            return f"Γ({a})"
    elif isinstance(node, sp.log):
        if args[0].is_zero is True:
            return "log(0)"
    elif isinstance(node, sp.Pow):
        base, exp = args
        if base.is_zero is True and exp.is_negative is True:
            return f"0^({exp})" if exp != -1 else "1/0"
    return None


def undefined_side_counterexample(
    defined,
    undefined,
    givens=(),
    ranges=None,
    values=None,
    domain=(),
    trials: int = 12,
):
    """A point where ``defined`` has a value and ``undefined`` has none, or None: ``undefined``
    holds a term that no values make defined (:func:`undefined_term`), the point puts that
    term in its ranges, meets the assumptions, the givens and ``domain``, and there every
    definedness condition of ``defined`` holds exactly and its value is a finite number.
    Returns (Counterexample with the defined side's value and ``undefined`` for the other
    side, the term), the counterexample's sides in the order (defined, undefined)."""
    from eqchain.check.domain import needs

    term = undefined_term(undefined)
    if term is None:
        return None
    defined = sp.sympify(defined, strict=True)
    bound = {k: sp.sympify(v, strict=True) for k, v in (values or {}).items()}
    givens = [(sp.sympify(a, strict=True), sp.sympify(b, strict=True)) for a, b in givens]
    if undefined_term(defined, zero_rescues=False) is not None:
        # neither side has a value there, or the defined side only by 0 times a term without
        # one (x(x-1)(x-2)! at x = 1 in a denominator): no refutation either way
        return None
    if _binomial_beyond_its_range(defined, term.at):
        # {}_{n-2}C_{x-2} at x = 1: 0 by the convention that extends n!/(k!(n-k)!) through
        # 1/(-1)! = 1/Gamma(0) = 0, the value the undefined side's quotient takes the same way
        # (ja/qnqn1927-binomial-moments line 128): which side has a value is a convention here
        return None
    # the term's conditions (n >= 0 for \sum_{k=0}^{n}) are the sampler's domain: their
    # symbols take values that meet them
    conditions = tuple((p, sp.sympify(e, strict=True)) for p, e in domain) + term.conditions
    cache: dict = {}
    rng = random.Random(0)
    for trial in range(trials):
        try:
            sample = _sample(
                defined,
                sp.S.Zero,
                givens,
                rng,
                trial,
                ranges or {},
                bound,
                cache,
                conditions,
                trial // 3,  # the smallest sizes and values first
            )
        except (ValueError, TypeError, ZeroDivisionError, NotImplementedError, RecursionError):
            sample = None
        if sample is None:
            continue
        value = sample.lhs
        try:
            if any(not _need_holds(n.pred, n.expr) for n in needs(value)):
                continue  # the defined side has no value here either (or none shown)
            if value.free_symbols:
                continue
            if value.is_Rational:
                number = value
            else:
                lo, hi = value.evalf(LOW_DIGITS), value.evalf(HIGH_DIGITS)
                if not (_finite_number(lo) and _finite_number(hi)) or lo.is_real is not True:
                    continue
                if abs(hi - lo) > max(sp.Integer(1), abs(hi)) * sp.Float(10) ** -(LOW_DIGITS - 10):
                    continue  # no stable value to show
                number = _exact_when_rational(value, hi)
        except (ValueError, TypeError, ZeroDivisionError, NotImplementedError, RecursionError):
            continue
        shown = sorted(
            ((latex(k), v) for k, v in sample.values.items()), key=lambda kv: _natural(kv[0])
        )
        where = ", ".join(f"{latex(var)} = {n}" for var, n in term.at)
        missing = f"undefined ({term.what} in its term at {where})"
        return Counterexample(
            tuple((n, _show(v)) for n, v in shown),
            _number(number),
            missing,
            tuple(unicode_value(v) for _, v in shown),
            tuple(n for n, v in shown if v.is_real is not True),
        ), term
    return None


def _exact_when_rational(value, approximate):
    r"""``value``'s exact value when SymPy sums or carries it out to a rational that agrees with
    ``approximate`` (its stable value at the higher precision): shown as 2, not as 2.000...
    with 30 digits (\sum_{x=0}^{\infty} x \lambda^x e^{-\lambda}/x! at \lambda = 2); else
    ``approximate``. Only the display changes: the value was established numerically."""
    try:
        exact = summed(value) if value.has(sp.Sum) else value.doit()
        if exact.is_Rational and abs(exact - approximate) <= max(
            sp.Integer(1), abs(approximate)
        ) * sp.Float(10) ** -(LOW_DIGITS - 10):
            return exact
    except (ValueError, TypeError, ZeroDivisionError, NotImplementedError, RecursionError):
        pass
    return approximate


def _binomial_beyond_its_range(tree, at: tuple) -> bool:
    """Whether ``tree`` holds a binomial coefficient C(n, k) whose k, or n - k, is a negative
    integer at the indices ``at`` ((variable, value) pairs, matched by name): a value (0) only
    by the convention that extends the factorial quotient past its range."""
    if not isinstance(tree, sp.Basic):
        return False
    values = {getattr(var, "name", var): value for var, value in at}
    for b in tree.atoms(sp.binomial):
        subs = {s: values[s.name] for s in b.free_symbols if s.name in values}
        if not subs:
            continue
        n, k = (arg.xreplace(subs) for arg in b.args)
        for part in (k, n - k):
            if part.is_Integer and part.is_negative:
                return True
    return False


def _need_holds(pred: str, expr) -> bool:
    """Whether a definedness condition of a closed value holds: a series is finite where SymPy
    sums it to a finite closed form (check/conditions.py, ``converges``)."""
    from eqchain.check import conditions

    if pred == "finite" and isinstance(expr, sp.Sum) and not expr.free_symbols:
        return _converges_by_ratio(expr)
    return conditions.holds(pred, expr)


def _converges_by_ratio(series: sp.Sum) -> bool:
    """Whether a closed series over one index converges absolutely by the ratio test: the
    limit of |a(k+1)/a(k)| as k grows is a number below 1 (proved by SymPy's limit, a
    fraction of the time its summation takes: 9 s for a Poisson moment at lambda = 2)."""
    if len(series.limits) != 1:
        return False
    var, lo, hi = series.limits[0]
    if not (hi is sp.oo and lo.is_Integer):
        return False
    k = sp.Dummy("k", integer=True, positive=True)
    term = series.function.xreplace({var: k + lo})
    try:
        ratio = sp.combsimp(term.xreplace({k: k + 1}) / term)
        limit = sp.limit(sp.Abs(ratio), k, sp.oo)
    except Exception:  # noqa: BLE001 - SymPy could not take it: nothing proved
        return False
    return bool(limit.is_number and limit.is_real and limit.is_finite and (limit < 1) is sp.true)
