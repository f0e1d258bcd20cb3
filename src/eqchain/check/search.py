"""Bounded search for the rules that turn one expression into another.

A state is a canonical expression. A move applies one rule everywhere it matches (to a fixpoint),
or uses an earlier equation (a definition, a given, a verified claim). The search grows the
source and the target at once (meet in the middle), so a rule the author applied right to left
(folding terms into a sum) is found as its expansion applied to the target. It returns the moves
with the side conditions of every match; deciding whether those hold is the caller's job.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import lru_cache

import sympy as sp
from sympy.core.function import AppliedUndef

from eqchain.check.rewrite import Condition, apply_rule, reported_name, searchable_rules
from eqchain.check.varying import with_varying
from eqchain.operators import Prime, at_its_argument
from eqchain.tree import canonical, derivatives_taken, put_in


@dataclass(frozen=True)
class Move:
    rule: str  # the name reported to the author
    conditions: tuple[Condition, ...] = ()
    detail: str = ""
    premise: tuple | None = None  # (lhs, rhs) of the earlier equation the move uses


@dataclass(frozen=True)
class Equation:
    """An earlier equation the search may use: ``lhs`` may be replaced by ``rhs``."""

    lhs: object
    rhs: object
    label: str | None
    kind: str  # "definition", "given" or "claim"


@lru_cache(maxsize=1 << 16)
def mentions(expr) -> frozenset:
    """What ``expr`` is built from: its atoms (symbols, bound ones too, and numbers) and the
    undefined functions it applies. A subtree mentions nothing its tree does not, so an
    equation side can occur in a state only if the state mentions all it mentions."""
    found = set(expr.atoms())
    found |= {a.func for a in expr.atoms(AppliedUndef)}
    return frozenset(found)


@lru_cache(maxsize=1 << 16)
def _needs(eq: Equation, indices: frozenset) -> tuple[frozenset, ...]:
    """What a state must mention for ``eq`` to touch it, one set per way of using it (see
    :class:`EquationIndex`); remembered, as the same equations serve every later step."""
    if eq.kind == "definition" and isinstance(eq.lhs, AppliedUndef):
        return (frozenset({eq.lhs.func}),)
    needs = [mentions(eq.lhs)]
    if eq.kind != "definition" and not eq.rhs.is_number:
        needs.append(mentions(eq.rhs))
    free = indices & (eq.lhs.free_symbols | eq.rhs.free_symbols)
    if free and eq.kind != "definition":
        needs += [
            frozenset(a for a in n if isinstance(a, sp.Symbol) and a not in indices)
            | frozenset(a for a in n if isinstance(a, type))
            for n in needs
        ]
    return tuple(needs)


class Pins:
    r"""Where each variable stops being free: the position of the first equation (in the order
    the rows came) that ties it down, a given that mentions it (``x^2 = 1``, or ``L = 3`` with
    L defined from x) or a definition of the name itself (``x = 1``; a name bound to a value is
    tied down from the start). An equation that is not a definition (a given, a verified claim)
    holds where the givens in force hold, not for every value of a variable they tie down: it
    may not be put inside a derivative by that variable when it came at or after the tie and
    mentions it (``x = 1``, ``x^3 = x^2``: d/dx x^3 is not d/dx x^2). A definition of a name
    as an expression is an identity and may."""

    def __init__(self, equations, values=()):
        self.made_of: dict = {}  # a defined name -> the names its definition uses
        for eq in equations:
            if eq.kind == "definition" and isinstance(eq.lhs, sp.Symbol):
                self.made_of.setdefault(eq.lhs, set()).update(_free(eq.rhs))
        self.at: dict = {v: -1 for v in values if isinstance(v, sp.Symbol)}
        for n, eq in enumerate(equations):
            tied = set()
            if eq.kind == "given":
                tied = self.closure(_names(eq.lhs) | _names(eq.rhs)) - _arguments(eq)
            elif eq.kind == "definition":
                tied = _defines(eq)
            for v in tied:
                self.at.setdefault(v, n)

    def closure(self, names) -> set:
        """``names`` and every name their definitions use, through definitions."""
        out, todo = set(), list(names)
        while todo:
            v = todo.pop()
            if v not in out:
                out.add(v)
                todo.extend(self.made_of.get(v, ()))
        return out

    def blocked(self, n: int, eq, state, old, nodes=None) -> bool:
        """Whether equation ``n`` may not replace ``old`` (None: anything) in ``state``: some
        derivative around an occurrence of ``old`` is by a variable the equation (not a
        definition) mentions and that was tied down at or before it; or a limit around it runs
        a variable the equation mentions (``k + m = 3`` solved for m inside \\lim_{k \\to
        \\infty}: that k is the limit's own, and the given's value of m is no value there)."""
        derivatives, limits = nodes if nodes is not None else binders(state)
        if not derivatives and not limits:
            return False
        if eq.kind != "definition":
            limits = [d for d in limits if old is None or d.args[0].has(old)]
            if limits:
                mentioned = self.closure(_names(eq.lhs) | _names(eq.rhs))
                if any(d.args[1] in mentioned for d in limits):
                    return True
        if not self.at or not derivatives:
            return False
        derivatives = [d for d in derivatives if old is None or d.expr.has(old)]
        if not derivatives:
            return False
        if eq.kind == "definition":  # x^4 = 1 defines x: no identity in x
            return any(v in _defines(eq) for d in derivatives for v in d.variables)
        mentioned = self.closure(_names(eq.lhs) | _names(eq.rhs))
        return any(
            v in mentioned and self.at.get(v, n + 1) <= n for d in derivatives for v in d.variables
        )


def binders(state) -> tuple:
    """The derivatives and the limits in ``state`` (what :meth:`Pins.blocked` looks inside)."""
    if not isinstance(state, sp.Basic) or not state.has(sp.Derivative, sp.Limit):
        return (), ()
    return tuple(state.atoms(sp.Derivative)), tuple(state.atoms(sp.Limit))


def _defines(eq) -> set:
    """The name a definition ties down: its left side's (``x = 1``, ``s^2 = x + 1``)."""
    lhs = eq.lhs.base if isinstance(eq.lhs, sp.Pow) else eq.lhs
    return {lhs} if isinstance(lhs, sp.Symbol) else set()


def _arguments(eq) -> set:
    r"""The variables of a given that states a function (``a(b) = \log b``, a side that is an
    undefined function applied to names): it holds for every value of them."""
    for side in (eq.lhs, eq.rhs):
        if isinstance(side, AppliedUndef) and all(isinstance(a, sp.Symbol) for a in side.args):
            return set(side.args)
    return set()


def _free(expr) -> frozenset:
    """``expr.free_symbols``, remembered (SymPy computes a sum's afresh each time)."""
    try:
        return _free_remembered(expr)
    except TypeError:  # a tree that cannot be hashed
        return frozenset(expr.free_symbols)


@lru_cache(maxsize=1 << 14)
def _free_remembered(expr) -> frozenset:
    return frozenset(expr.free_symbols)


def _names(expr) -> frozenset:
    """The names ``expr`` holds free, derivatives' variables and families' bases included;
    remembered, as every search of a derivation's later steps asks it of the same equations."""
    if not isinstance(expr, sp.Basic):
        return frozenset()
    try:
        return _names_remembered(expr)
    except TypeError:  # a tree that cannot be hashed
        return _names_remembered.__wrapped__(expr)


@lru_cache(maxsize=1 << 14)
def _names_remembered(expr) -> frozenset:
    return frozenset(expr.free_symbols) | {i.base.label for i in expr.atoms(sp.Indexed)}


class EquationIndex:
    """The equations of a search, indexed by what they mention, so that a state is tried only
    against the equations that can touch it: a state costs what its own candidates cost, not a
    test of every earlier equation.

    Each equation is filed under one thing it needs the state to mention (the rarest among the
    equations, so that buckets stay small): for rewriting by the equation as written, every
    atom of the side replaced; for a definition of a function, the function; for an equation
    over a family's range used at an instance (``y_k`` at ``y_2``), its symbols other than the
    range's indices (the instance's numbers differ). An equation that needs nothing (an
    instance pattern made of indices only) is tried everywhere."""

    def __init__(self, equations, ranges):
        self.equations = tuple(equations)
        indices = frozenset(ranges)
        self.needs = [_needs(eq, indices) for eq in self.equations]
        count: dict = {}
        for needs in self.needs:
            for need in needs:
                for a in need:
                    count[a] = count.get(a, 0) + 1
        self.everywhere: list[int] = []
        self.filed: dict = {}
        for n, needs in enumerate(self.needs):
            anchors = set()
            for need in needs:
                if not need:
                    anchors = None
                    break
                anchors.add(min(need, key=count.__getitem__))
            if anchors is None:
                self.everywhere.append(n)
            else:
                for a in anchors:
                    self.filed.setdefault(a, []).append(n)

    def for_state(self, state) -> list[int]:
        """The positions of the equations that can touch ``state``, in their original order."""
        have = mentions(state)
        picked = set(self.everywhere)
        for a in have:
            for n in self.filed.get(a, ()):
                if n not in picked and any(need <= have for need in self.needs[n]):
                    picked.add(n)
        return sorted(picked)


class Deadline:
    def __init__(self, seconds: float | None):
        self.end = None if seconds is None else time.monotonic() + seconds

    def expired(self) -> bool:
        return self.end is not None and time.monotonic() > self.end


class Search:
    """Search with a fixed set of equations, bound values and (optionally) allowed rule names.

    The search is bounded by work, not by time: ``budget`` is the number of tree nodes it may
    visit, each move (one rule applied to one state, one equation tried on one state) counting
    the size of its state. The same step thus gets the same answer on a quiet machine and on a
    busy one; the deadline is only a safety net."""

    def __init__(
        self,
        equations=(),
        values=None,
        allowed=None,
        deadline: Deadline | None = None,
        ranges: dict | None = None,
        budget: int | None = None,
        varying: dict | None = None,
    ):
        self.budget = budget
        # names that may vary with a variable of differentiation (check/varying.py): every
        # state keeps them so, whatever an equation put into a derivative
        self.varying = dict(varying or {})
        self.work = 0
        self.closest: tuple | None = None  # (score, path) of the state nearest the other side
        self.closest_state: tuple | None = None  # (that state, the side it grew from)
        self.start: tuple = (None, None)  # the normal forms of the source and the target
        self.ranges = ranges or {}
        self.equations = tuple(equations)
        self.index = EquationIndex(self.equations, self.ranges)
        self.values = dict(values or {})
        self.pins = Pins(self.equations, self.values)
        self.allowed = None if allowed is None else frozenset(allowed)
        self.deadline = deadline or Deadline(None)
        self.rules = tuple(r for r in searchable_rules() if self._may_use(r))
        # a defined power's name (s after s^2 = x + 1) counts: s varies with what defines s^2
        self.defined = frozenset(
            eq.lhs.base if isinstance(eq.lhs, sp.Pow) else eq.lhs
            for eq in self.equations
            if eq.kind == "definition"
            and isinstance(
                eq.lhs.base if isinstance(eq.lhs, sp.Pow) else eq.lhs, (sp.Symbol, sp.Indexed)
            )
        )

    def _hidden(self, state) -> set:
        """The derivatives in ``state`` of or by a defined quantity (dL/dz after L = z^2):
        SymPy takes L for a constant, so no rule may carry them out or rewrite them before
        the definition is put in (else dL/dz = 0)."""
        if not self.defined:
            return set()
        bases = {d.base for d in self.defined if isinstance(d, sp.Indexed)}
        return {
            d
            for d in state.atoms(sp.Derivative)
            if d.has(*self.defined) or any(a.base in bases for a in d.atoms(sp.Indexed))
        }

    def _may_use(self, name: str) -> bool:
        if self.allowed is None:
            return True
        return name in self.allowed or reported_name(name, "target") in self.allowed

    def normal(self, expr):
        """The canonical form of ``expr`` with bound values put in, and the names that may vary
        with a variable of differentiation taken so in its derivatives."""
        expr = canonical(with_varying(expr, self.varying))
        if self.values:
            expr = canonical(expr.xreplace(self.values))
        return expr

    def exhausted(self) -> bool:
        """The work budget is spent (or the safety-net deadline passed)."""
        over = self.budget is not None and self.work >= self.budget
        return over or self.deadline.expired()

    def moves(self, state, side: str):
        """Every (move, new_state) from ``state``."""
        size = _size(state)
        hidden = self._hidden(state)
        for name in self.rules:
            if self.exhausted():
                return
            self.work += size
            out = apply_rule(name, state, ranges=self.ranges)
            if out is None:
                continue
            new, conds = out
            if hidden and not hidden <= new.atoms(sp.Derivative):
                continue  # a derivative of a defined quantity taken as if it were constant
            reported = reported_name(name, side)
            if self.allowed is not None and reported not in self.allowed:
                continue
            yield Move(reported, conds), self.normal(new)
        yield from self._equation_moves(state, size)

    def _equation_moves(self, state, size: int = 1):
        # The work is counted as if every equation were tried in turn (each costs the state's
        # size), so the budget runs out where it would without the index and the search finds
        # what it found before; only the equations that cannot touch the state are not tested.
        start = self.work
        nodes = binders(state)  # looked inside once for every equation (Pins.blocked)
        stop = len(self.equations)  # the position where the budget runs out
        if self.budget is not None:
            stop = min(stop, max(0, -(-(self.budget - start) // size)))
        for n in self.index.for_state(state):
            if n >= stop:
                break
            self.work = start + size * n
            if self.deadline.expired():
                return
            self.work += size
            eq = self.equations[n]
            if eq.kind == "definition" and isinstance(eq.lhs, AppliedUndef):
                applied = _apply_function(state, eq.lhs, eq.rhs)
                if applied is not None:
                    try:
                        replaced = self.normal(applied)
                    except (ValueError, TypeError):
                        continue
                    if replaced != state:
                        yield Move("substitute", (), eq.label or ""), replaced
                continue
            pairs = [(eq.lhs, eq.rhs)]
            if eq.kind != "definition" and not eq.rhs.is_number:
                pairs.append((eq.rhs, eq.lhs))
            for old, new in pairs:
                if not state.has(old) or self.pins.blocked(n, eq, state, old, nodes):
                    continue
                name, conds = _equation_move_name(state, old, new)
                if self.allowed is not None and name != "substitute" and name not in self.allowed:
                    continue
                try:
                    # a variable bound inside (\\int_0^1 x \\, dx, E_{x \\sim p}[x]) is not
                    # the name the equation is about (tree.put_in)
                    replaced = self.normal(put_in(state, {old: new}))
                except (ValueError, TypeError):
                    continue  # e.g. a derivative with respect to what is no longer a symbol
                if replaced != state:
                    yield Move(name, conds, eq.label or "", (eq.lhs, eq.rhs)), replaced
            free = [i for i in self.ranges if i in (_free(eq.lhs) | _free(eq.rhs))]
            if free and eq.kind != "definition":
                for old, new in pairs:
                    if self.pins.blocked(n, eq, state, None, nodes):
                        break  # an instance may lie inside a derivative by what it ties down
                    out = self._instantiate(state, old, new, free)
                    if out is not None and out[0] != state:
                        # at a concrete index (k = 2) it is a special case of the equation
                        name = "specialize" if out[1] else "substitute"
                        yield Move(name, (), eq.label or "", (eq.lhs, eq.rhs)), out[0]
        self.work = start + size * stop

    def _instantiate(self, state, old, new, free):
        r"""Use an equation that holds for every k of its range (``\lambda y_k = t_k``) at the
        instances found in ``state``: a concrete index in the range (k = 3), or the variable of
        an enclosing sum whose bounds lie within the range."""
        # Cheap first: the state must mention every family the pattern mentions.
        bases = {a.base for a in old.atoms(sp.Indexed)}
        if not bases or not all(state.has(b) for b in bases):
            return None
        wilds = {i: sp.Wild(f"idx_{i}", properties=[_is_integer]) for i in free}
        pattern = old.xreplace(wilds)
        if not pattern.has(*wilds.values()):
            return None
        changed = False
        concrete = False

        def walk(node, bound):
            nonlocal changed, concrete
            if not isinstance(node, sp.Basic) or not node.args:
                return node
            m = _match(node, pattern)
            if m and all(self._in_range(i, m.get(wilds[i]), bound) for i in free):
                changed = True
                concrete = concrete or any(m[wilds[i]].is_Integer for i in free)
                return new.xreplace({i: m[wilds[i]] for i in free})
            inner = bound
            if isinstance(node, (sp.Sum, sp.Product)):
                inner = {**bound, **{v: (lo, hi) for v, lo, hi in node.limits}}
            if isinstance(node, sp.Indexed):
                return node
            args = tuple(walk(a, inner) for a in node.args)
            return node.func(*args) if args != node.args else node

        try:
            out = walk(state, {})
            return (self.normal(out), concrete) if changed else None
        except (ValueError, TypeError):
            return None

    def _in_range(self, index, value, bound) -> bool:
        if value is None:
            return False
        if value in bound:
            vlo, vhi = bound[value]
        elif value.is_Integer:
            vlo = vhi = value
        else:
            return False
        spans = self.ranges.get(index, ())
        # Within every range declared for the letter: one that indexes z over 1..n and w over
        # 0..n holds for k in both only.
        for lo, hi in spans:
            # Bounds bound by the step (where = { K = 6 }) count as their values.
            lo, hi = (
                sp.sympify(lo, strict=True).xreplace(self.values),
                sp.sympify(hi, strict=True).xreplace(self.values),
            )
            if not ((vlo - lo).is_nonnegative and (hi - vhi).is_nonnegative):
                return False
        return bool(spans)

    def find(self, source, target, max_depth: int = 4):
        """Moves that take ``source`` and ``target`` to a common expression, or None.

        Returns a tuple of :class:`Move` (possibly empty when the two are already equal).
        """
        s0, t0 = self.normal(source), self.normal(target)
        self.start = (s0, t0)
        self.closest_state = None
        if s0 == t0:
            return ()
        written_out = self._written_out(s0, t0)
        if written_out is not None:
            return written_out
        seen = {"source": {s0: ()}, "target": {t0: ()}}
        goals = {"source": _subtrees(t0), "target": _subtrees(s0)}
        self.closest = (_likeness(_subtrees(s0), goals["source"]), ())
        frontier = {"source": [s0], "target": [t0]}
        grown = {"source": 0, "target": 0}
        for _ in range(max_depth):
            # Grow the smaller non-empty frontier (most steps move one side only); on a tie,
            # the side grown less often.
            live = [s for s in ("source", "target") if frontier[s]]
            if not live:
                break
            side = min(live, key=lambda s: (len(frontier[s]), grown[s]))
            grown[side] += 1
            other = "target" if side == "source" else "source"
            nxt = []
            for state in frontier[side]:
                for move, new in self.moves(state, side):
                    if new in seen[side]:
                        continue
                    path = seen[side][state] + (move,)
                    seen[side][new] = path
                    if new in seen[other]:
                        return _join(side, path, seen[other][new])
                    self._note_closest(new, goals[side], path, side)
                    nxt.append(new)
            frontier[side] = nxt
            if self.exhausted():
                return None
        return None

    def _written_out(self, s0, t0):
        """Two sides holding sums or products over concrete ranges: each written out by the
        rules that expand them, in turn, until none changes it (the bound values put in); the
        path when the two then agree, else None (the search goes on as usual). It is a path
        the search itself would find, found without trying every rule and equation at every
        state on the way (the solver's bordered-Hessian minors: a third of its check)."""
        if s0.has(sp.Derivative) or t0.has(sp.Derivative):
            return None  # the search's moves guard derivatives of defined names (_hidden)
        if not any(
            all(lo.is_Integer and hi.is_Integer for _, lo, hi in node.limits)
            for side in (s0, t0)
            for node in side.atoms(sp.Sum, sp.Product)
        ):
            return None
        names = [n for n in ("prod_expand", "sum_expand") if n in self.rules]
        paths: dict = {"source": [], "target": []}
        ends = []
        for side, state in (("source", s0), ("target", t0)):
            for _ in range(_WRITE_OUT_ROUNDS):
                changed = False
                for name in names:
                    if self.exhausted():
                        return None
                    self.work += _size(state)
                    out = apply_rule(name, state, ranges=self.ranges)
                    if out is None:
                        continue
                    new = self.normal(out[0])
                    if new == state:
                        continue
                    paths[side].append(Move(reported_name(name, side), out[1]))
                    state, changed = new, True
                if not changed:
                    break
            ends.append(state)
        if ends[0] != ends[1]:
            return None
        return _join("source", paths["source"], paths["target"])

    def _note_closest(self, state, goal: set, path, side: str = "source") -> None:
        score = _likeness(_subtrees(state), goal)
        if self.closest is None or score > self.closest[0]:
            self.closest = (score, tuple(path))
            self.closest_state = (state, side)

    def tidy(self, state, side: str):
        """``state`` with the rules of sums and products that gather (``TIDY_RULES``) applied in
        turn until none changes it: (the moves, as made on ``side``, the state reached). Each
        move is an identity with its side conditions, as a move of the search is."""
        moves: list = []
        for _ in range(TIDY_ROUNDS):
            changed = False
            for name in TIDY_RULES:
                if name not in self.rules or self.deadline.expired():
                    continue
                out = apply_rule(name, state, ranges=self.ranges)
                if out is None:
                    continue
                new, conds = out
                new = self.normal(new)
                if new == state:
                    continue
                moves.append(Move(reported_name(name, side), conds))
                state, changed = new, True
            if not changed:
                break
        return tuple(moves), state

    def closest_path(self):
        """(the moves, as a path from the source, that reach the state nearest the other side,
        that state, the other side's start) after a search that found no path; None when the
        nearest state is a start itself."""
        if not self.closest or not self.closest[1] or self.closest_state is None:
            return None
        state, side = self.closest_state
        path = self.closest[1]
        if side == "source":
            return path, state, self.start[1]
        return tuple(reversed(path)), self.start[0], state


# Rules that gather a product or a sum into fewer, larger pieces (a product split into its
# factors' products, constant factors powered, powers of one base summed in the exponent, a
# constant factor out of a sum): applied in turn to the search's nearest state, so that the
# algebra can close what is left (tidy)
TIDY_RULES = ("prod_split", "prod_const", "prod_pow_sum", "sum_const", "sum_const_mul")
TIDY_ROUNDS = 4


_MATCHED: dict = {}  # (node, pattern) -> node.match(pattern), for the rest of the process
_MATCHED_MAX = 50_000


def _match(node, pattern):
    """``node.match(pattern)``, remembered: the states of a search, and the searches of the
    steps of a derivation, share subtrees and equations (a pure function of the two trees)."""
    key = (node, pattern)
    if key not in _MATCHED:
        if len(_MATCHED) >= _MATCHED_MAX:
            _MATCHED.clear()
        _MATCHED[key] = node.match(pattern)
    return _MATCHED[key]


def _is_integer(e) -> bool:
    return e.is_integer is True


def _size(expr) -> int:
    return sum(1 for _ in sp.preorder_traversal(expr))


def _subtrees(expr) -> set:
    return set(sp.preorder_traversal(expr))


def _likeness(a: set, b: set) -> float:
    """How much of two trees is the same (shared subtrees over all subtrees): 1 when equal."""
    return len(a & b) / max(1, len(a | b))


def faithful_application(head, body, args) -> bool:
    """Whether putting ``args`` into the definition ``head = body`` (``f(x) = ...``) reads the
    row as its author meant: not for the expectation's letter, ``E(X) = \\sum_k k p_k`` (a body
    without X is no function of X, the row states the expectation of X), applied to anything
    but X (put in for X^2, E(X^2) = E(X) was verified). ``E(w) = ...w...`` is a function."""
    if (
        getattr(head.func, "separators", None)
        and head.func.__name__.split("_")[0] in DENSITY_LETTERS
        and not all(_same_role(p, a) for p, a in zip(head.args, args, strict=False))
    ):
        # p(x | \mu) = \mathcal{N}(x | \mu, \sigma^2) names the density of x given mu:
        # p(\mu | x), the posterior, is another density of the same letter (it was put in,
        # and a wrong posterior verified); p(x_i | \mu) and p(2 | \mu) are this one's
        return False
    return not (
        head.func.__name__ == "E"
        and tuple(args) != tuple(head.args)
        and not all(p in body.free_symbols for p in head.args)
    )


# the letters probability texts overload, a density named by its arguments (p(x | mu) and
# p(mu | x) two densities); I(X; Y), H(X | Y), \mathcal{N}(x | mu, s^2) are each one function
DENSITY_LETTERS = frozenset({"p", "q", "P", "f", "pi", "Pr"})


def _same_role(parameter, argument) -> bool:
    """Whether ``argument`` may stand where a conditional density's definition has
    ``parameter``: the parameter itself, a number, or a name of its letter (``x_i``, ``x_1``
    for x: a member, an observation)."""
    # by name: a function's parameter is a symbol of its own, without the assumptions
    # declared for the name written elsewhere
    if argument == parameter or str(argument) == str(parameter) or argument.is_number:
        return True
    if isinstance(parameter, sp.Indexed):  # defined at a member y_i: any member y_j
        return isinstance(argument, sp.Indexed) and str(argument.base) == str(parameter.base)
    if not isinstance(parameter, sp.Symbol):
        return False
    if isinstance(argument, sp.Indexed):
        return str(argument.base.label) == parameter.name
    return isinstance(argument, sp.Symbol) and argument.name.startswith(parameter.name + "_")


def _apply_function(state, head, body):
    r"""``state`` with every application of the function ``head`` defines (``\sigma(x)`` with
    body ``1/(1+e^{-x})``) replaced by the body at its arguments (``\sigma(-z)``), or None when
    there is none. An application whose argument a bound variable of the body would capture is
    left as written."""
    func, params = head.func, head.args
    if not all(isinstance(p, sp.Symbol) for p in params):
        return None
    bound = {v for s in body.atoms(sp.Sum, sp.Product, sp.Derivative) for v in s.variables}
    changed = False

    def visit(node):
        nonlocal changed
        if not isinstance(node, sp.Basic) or not node.args:
            return node
        if isinstance(node, sp.Indexed):
            return node
        if isinstance(node, Prime) and at_its_argument(node) and node.expr.func == func:
            # f'(a): f's derivative at a, whatever its body names (put in, the derivative by
            # a of f(a) = a^3 would be 3a^2 for f(t) = a t^2)
            node = node.at_point()
        args = tuple(visit(a) for a in node.args)
        if args != node.args:
            try:
                node = node.func(*args)
            except ValueError:
                # a derivative by the application (d/d\sigma(a) after y = \sigma(a)) would be
                # by the body, no variable: left as written
                return node
        if node.func == func and len(node.args) == len(params):
            if any(a.free_symbols & bound for a in node.args):
                return node
            if not faithful_application(head, body, node.args):
                return node  # E(X) = \sum_k k p_k is no function of X
            moved = {p for p, a in zip(params, node.args, strict=True) if p != a}
            taken = derivatives_taken(body, moved)  # h(a) after h(x) = \frac{d}{dx}(a x^2)
            if taken is None:
                return node
            changed = True
            return taken.xreplace(dict(zip(params, node.args, strict=True)))
        return node

    out = visit(state)
    return out if changed and out != state else None


_WRITE_OUT_ROUNDS = 4  # nests of sums and products written out by Search._written_out


def _join(side: str, path, other_path):
    if side == "source":
        return tuple(path) + tuple(reversed(other_path))
    return tuple(other_path) + tuple(reversed(path))


def _equation_move_name(state, old, new) -> tuple[str, tuple[Condition, ...]]:
    if isinstance(state, sp.log) and state.args[0] == old:
        return "log_both_sides", (("positive", new),)
    if state == -old:
        return "neg_both_sides", ()
    return "substitute", ()
