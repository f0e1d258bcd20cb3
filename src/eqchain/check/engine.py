"""Where a step is decided.

For each claim the checker tries, in order:

1. the rules the author named in ``by`` (with substitution of earlier equations), then a bounded
   search over the whole rule table: a path of rules from one side to the other. Its side
   conditions, those of the evaluations SymPy does silently (``0 \\cdot a``) and the definedness
   of both sides (nonzero divisors) must all be established, else the verdict is ``unknown``
   naming the first that is not;
2. algebra: equivalence under the assumptions (:mod:`eqchain.check.equivalence`);
3. refutation: a counterexample (:mod:`eqchain.check.refute`);
4. otherwise ``unknown``.

Each step runs under a time limit; when it runs out the step is ``unknown`` ("time limit") and the
next step is checked as usual.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal, localcontext
from functools import partial

import sympy as sp
from sympy.concrete.expr_with_limits import ExprWithLimits
from sympy.core.function import AppliedUndef

from eqchain import rules as rule_table
from eqchain.check import conditioned, matrices, positivity, relations, series
from eqchain.check import conditions as cond
from eqchain.check.declarations import (
    DECLARABLE,
    REAL_LINE,
    admissible_values,
    broken_declaration,
    clashing_givens,
    given_contradiction,
)
from eqchain.check.domain import (
    DOMAIN_RULES,
    Need,
    holds_over,
    holds_within,
    impossible,
    integrand_needs,
    needs,
    over_a_range,
)
from eqchain.check.equivalence import is_zero, prove_equal
from eqchain.check.expectations import expectation_step, has_expectation
from eqchain.check.expectations import introduced as introduced_expectations
from eqchain.check.integrals import (
    antiderivative_claim,
    has_indefinite_integral,
    has_integral,
    integral_step,
    is_antiderivative,
)
from eqchain.check.laws import with_stated_laws
from eqchain.check.pmf import with_pmf_sums
from eqchain.check.ranges import IndexRanges, empty_ranges
from eqchain.check.refute import (
    REAL_VALUES,
    UNSETTLED,
    find_counterexample,
    find_witness,
    undefined_side_counterexample,
    undefined_term,
)
from eqchain.check.rewrite import evaluation_rules, index_within
from eqchain.check.search import (
    DENSITY_LETTERS,
    Equation,
    Move,
    Pins,
    Search,
    faithful_application,
)
from eqchain.check.timeout import StepTimeout, time_left, time_limit
from eqchain.check.varying import varying_names, with_varying
from eqchain.densities import (
    density_conditions,
    established,
    parameter_needs,
    settled,
    through_margins,
)
from eqchain.errors import InputError
from eqchain.latex.matrices import MatrixName, MatrixProduct, Transposed
from eqchain.latex.optimum import ArgMax
from eqchain.latex.parser import unwritten_bounds
from eqchain.latex.printer import latex
from eqchain.model import (
    Counterexample,
    Derivation,
    DerivationReport,
    Step,
    StepKind,
    StepResult,
    Verdict,
)
from eqchain.operators import Expectation, Prime, at_its_argument
from eqchain.tree import (
    NotAVariable,
    TooLarge,
    build,
    canonical,
    derivatives_taken,
    put_in,
    rebuild,
    substitute,
)

DEFAULT_TIMEOUT = 10.0
STATED_BOUND = (
    "not checked: a condition on names written nowhere before, stated, not derived; to assume "
    "it for the whole document write it in the prose (Assume $\\lambda > 0$.) or with --assume"
)
SEARCH_DEPTH = 4
QUICK_TRIALS = 6
NAMED_SEARCH_DEPTH = 12  # the author's rules only: narrower, so it can go deeper (within budget)
# Each rule search may visit this many tree nodes (work, not seconds: a verdict must not depend
# on the machine's load). The flagship derivations need at most about 3,000; the step's time
# limit stays as a safety net far above what this budget takes.
SEARCH_BUDGET = 20_000


_ABSENT = object()


def _value_key(name):
    """A bound name as a key compared quickly: a family member by its family's name and its
    indices (SymPy compares two equal members by sorting their assumptions, each time)."""
    return (name.base.label, name.indices) if isinstance(name, sp.Indexed) else name


@dataclass
class Facts:
    """What holds before the current step: definitions, givens and verified claims."""

    definitions: dict = field(default_factory=dict)  # symbol -> expression
    equations: list = field(default_factory=list)  # Equation
    givens: list = field(default_factory=list)  # (lhs, rhs)
    verified: list = field(default_factory=list)  # (label, lhs, rhs) of verified claims

    ranges: dict = field(default_factory=dict)  # index symbol -> [(lower, upper), ...]
    families: dict = field(default_factory=dict)  # base -> (index symbol, lower, upper)
    seen: set = field(default_factory=set)  # symbols and family bases met so far
    # the sides of the rows so far, as text (canonical): a quantity already written
    sides_written: set = field(default_factory=set)
    defined_at: dict = field(default_factory=dict)  # symbol -> line of its definition
    defined_section: dict = field(default_factory=dict)  # symbol -> its definition's section
    statements: int = 0  # the rows seen that start a statement (not a chain's later links)
    # a document's names written alone on a row's left side (LaTeX) -> the first such row's line
    written_later: dict = field(default_factory=dict)
    # symbol -> the statement (count) that defined it: a restatement follows it directly
    defined_in: dict = field(default_factory=dict)
    history: list = field(default_factory=list)  # (label, line, lhs, rhs) of usable equations
    # (label, lhs, rhs, values) of claims verified for particular values only: not facts, but
    # usable under the same values, and what a generalisation may name as its instance
    instances: list = field(default_factory=list)
    # Set (to a description) once the givens contradict each other: nothing verified after.
    inconsistent: str | None = None
    # name -> line of an unreadable row that defines it (z = w^T x + b, not read): what the
    # name depends on is not known (_through_an_unread_definition)
    unread: dict = field(default_factory=dict)
    # (canonical lhs, canonical rhs) of an equation -> the domain where it holds, as keys
    # (pred, expression): a step that uses the equation is judged within it
    domains: dict = field(default_factory=dict)
    # the same for the givens, kept apart: a later verified equation with the same sides (a
    # chain's link a + b = 3 under sin x \neq 0, after the given a + b = 3) does not change
    # where the author says the given holds (red team s47)
    given_domains: dict = field(default_factory=dict)
    # (canonical lhs, canonical rhs) of a verified equation -> the keys of its domain that a
    # given it was proved with needs: where the givens hold, so does the equation
    held_domains: dict = field(default_factory=dict)
    # the keys among those that are the conditions of a definition under a condition: an
    # equation holds only there, never where a step's source is defined without them
    defined_where: set = field(default_factory=set)
    # name -> the variables it may vary with: names differentiated on their own (varying.py)
    varying: dict = field(default_factory=dict)
    # (expression, depth, definitions) -> the expression unfolded (see unfold)
    unfolded: dict = field(default_factory=dict, repr=False, compare=False)
    # a document's names that are real by its default only (Scope.defaulted)
    defaulted: frozenset = frozenset()
    # a document's names not real by its default because a row may define them (their
    # definition says what they are): real variables where no definition holds (_undefined_real)
    undefaulted: frozenset = frozenset()
    # a document (not a derivation file): a specialisation there is no step shown
    document: bool = False
    # (family, index letter) of every sum or product of a family's members over a letter
    # (\sum_k \pi_k: ("pi", "k")): a definition of the generic member is one for every member
    summed: frozenset = frozenset()
    # the names that bound a range of a sum or product the document writes (K of \sum_{k=1}^{K}):
    # a member with such an index is that one member (\pi_K, the last), never the generic one
    counts: frozenset = frozenset()
    # name -> line of an assignment that gave it a new value (w := w - \alpha g): rows about it
    # after that are not checked (_assignment)
    assigned: dict = field(default_factory=dict)
    # name -> line: names a continuation wrote for the first time (_named_in_passing)
    in_passing: dict = field(default_factory=dict)
    # names of the functions a row other than a definition mentions (_applied_only)
    stated: set = field(default_factory=set)
    # the names of each condition the author set (a derivative set to zero, an implication's
    # premise): a later equation about these names only is a step from it, never a new given
    conditions: list = field(default_factory=list)
    # variable -> the line of the first row that differentiates by it (_defined_late)
    differentiated: dict = field(default_factory=dict)
    # the line of each given, in the order of ``givens`` (None for one the loader made)
    given_lines: list = field(default_factory=list)
    # (line, lhs, rhs) of the equations written on a row of their own (no chain's link) and not
    # established (refuted, unknown): what a later row naming one of their symbols must not
    # contradict (_contradicts_written)
    unsettled: list = field(default_factory=list)
    # (line, lhs, rhs) of the equations left unknown (not refuted): what a later row with no
    # proof of its own may follow from, named in its reason (_from_unproved)
    unproved: list = field(default_factory=list)
    # function -> its definition's left side as written (before _plain_parameters): what a
    # bare name of the function stands for (named)
    written: dict = field(default_factory=dict)
    # the positions in ``givens`` of the derivatives set to zero (stationarity conditions): a
    # step proved through one holds at the stationary point only, and says so
    stationary: set = field(default_factory=set)
    # a given -> what it was set about (a derivative set to zero: the derivative, dl/d\theta,
    # though the given writes only its value): redefining that function takes the given away
    given_about: dict = field(default_factory=dict)
    # name -> line of a worked example's value in another section that a later row differentiates
    # by (_example_value_released): which one a row means is not known
    released: dict = field(default_factory=dict)
    # name -> line of a row defining it as an arg max eqchain could not find (\hat{p} =
    # \arg\max_p l(p), l defined nowhere): a later row refuted only through its value is unknown
    unsolved: dict = field(default_factory=dict)
    # a derivative set to zero -> how many equations were verified before it: those after it
    # may be derived from it (Facts.derived_from), and go with it
    given_mark: dict = field(default_factory=dict)
    # (canonical lhs, canonical rhs) of a verified equation -> when it was verified (a count
    # that only grows: positions in ``verified`` shift as facts are forgotten, red team s50-4)
    verified_order: dict = field(default_factory=dict)
    # a derivative set to zero -> the section it was written in
    given_section: dict = field(default_factory=dict)
    verified_count: int = 0
    # where the facts stood (the lengths of givens, verified, instances, history, equations)
    # before the premise of the implication under way: what was added since (the premise and
    # what follows from it) stops holding where the implication ends (retract_supposed)
    supposed_from: tuple | None = None
    # the definitions and their equations before that premise: what the premise defines (b = 0
    # \Rightarrow bc = 0, n = 1 \Rightarrow ...) is supposed for the implication only
    supposed_names: tuple = ()
    # (lhs, rhs, line, about) of the premises supposed for implications that ended: no facts,
    # but what a hatted name may name the solution of (_solves_a_given), when the implication
    # concluded about its letter (``about``: the names of its conclusions' left sides)
    retracted: list = field(default_factory=list)
    # the names the latest conclusion of the implication under way is about (_concluded_about)
    supposed_about: set = field(default_factory=set)
    # target -> body of the definitions the premise row itself made (premise_made): what a
    # conclusion defines (\Rightarrow \hat{p} = \frac{y}{n} names the solution) stays
    premise_defined: dict = field(default_factory=dict)

    def suppose(self) -> None:
        """An implication's premise is about to be checked: remember where the facts stood."""
        if self.supposed_from is None:
            self.supposed_from = (
                len(self.givens),
                len(self.verified),
                len(self.instances),
                len(self.history),
                len(self.equations),
            )
            kept = [e for e in self.equations if e.kind == "definition"]
            self.supposed_names = (dict(self.definitions), kept)

    def premise_made(self) -> None:
        """The premise row has been checked: remember the definitions it made (or changed)."""
        if self.supposed_from is None:
            return
        definitions = self.supposed_names[0]
        for target, body in self.definitions.items():
            if definitions.get(target) is not body:
                self.premise_defined.setdefault(target, body)

    def retract_supposed(self) -> None:
        """The premises supposed for the implication that just ended stop holding, and so does
        what was established under them: a premise is the author's supposition for that
        implication only (``\\sqrt{a} = b \\Rightarrow a = b^2``, then ``a = b^2 \\Rightarrow
        \\sqrt{a} = b`` may not use the first premise or its conclusion), and so does a
        definition the premise made (a changed one is as it was); a name a conclusion defines
        (a hat naming the solution) stays."""
        if self.supposed_from is None:
            return
        givens, verified, instances, history, equations = self.supposed_from
        about = frozenset(self.supposed_about)
        for (a, b), line in zip(self.givens[givens:], self.given_lines[givens:], strict=False):
            self.retracted.append((a, b, line, about))
        del self.givens[givens:], self.given_lines[givens:], self.verified[verified:]
        del self.instances[instances:], self.history[history:]
        self.stationary = {i for i in self.stationary if i < givens}
        self.equations = self.equations[:equations] + [
            e for e in self.equations[equations:] if e.kind == "definition"
        ]
        definitions, kept = self.supposed_names
        for target, body in self.premise_defined.items():
            if self.definitions.get(target) is not body:
                continue  # changed again since (a conclusion's own definition stays)
            # defined by the premise, a new name too: n = 1 \Rightarrow \sum_{k=1}^{n} k = 1 (an
            # induction's base case), then \sum_{k=1}^{n} k = n^2 was verified with n = 1
            self.forget_definition(target)
            self.defined_at.pop(target, None)
            if target in definitions:  # a definition the premise changed: back as it was
                self.definitions[target] = definitions[target]
                self.equations += [e for e in kept if e.lhs == canonical(target)]
        self.unfolded.clear()  # an unfolding may have settled a density by a given
        self.supposed_from, self.supposed_names, self.supposed_about = None, (), set()
        self.premise_defined = {}

    def add(self, label, lhs, rhs, values: dict | None, domain=(), held=()) -> None:
        """A verified equation: a fact when it holds generally (``values == {}``), else an
        instance, usable only by a step checked with the same ``values`` (never, for None).
        ``domain``: the conditions where it holds (its source's definedness)."""
        # a derivative at a point enters as taken (_at_point): never re-read as a constant's
        lhs, rhs = (self.at_points(self.captured(self.named(e))) for e in (lhs, rhs))
        if domain:
            key = (canonical(lhs), canonical(rhs))
            if key not in self.given_domains and key[::-1] not in self.given_domains:
                self.domains[key] = tuple(domain)
                self.held_domains[key] = tuple(k for k in held if k in domain)
        if values == {}:
            self.verified.append((label, lhs, rhs))
            self.verified_count += 1
            self.verified_order.setdefault((canonical(lhs), canonical(rhs)), self.verified_count)
            self.equations.append(Equation(canonical(lhs), canonical(rhs), label, "claim"))
        else:
            self.instances.append((label, lhs, rhs, values))

    def under(self, values: dict) -> Facts:
        """The facts for a step checked with ``values``: with the instances checked with the
        same values (or a part of them)."""
        if not values or not self.instances:
            return self
        have = {_value_key(k): v for k, v in values.items()}
        extra = [
            (label, a, b)
            for label, a, b, vs in self.instances
            if vs and all(have.get(_value_key(k), _ABSENT) == v for k, v in vs.items())
        ]
        if not extra:
            return self
        return replace(
            self,
            verified=self.verified + extra,
            equations=self.equations
            + [Equation(canonical(a), canonical(b), label, "claim") for label, a, b in extra],
        )

    def adopt(self, other: Facts) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(other, f.name))

    def remember(self, step: Step, lhs, usable: bool = True) -> None:
        for e in (lhs, step.rhs):
            if e is None:
                continue
            if isinstance(e, sp.Basic) and not e.is_number:
                self.sides_written.add(str(canonical(e)))
            self.seen |= {s for s in e.free_symbols if isinstance(s, sp.Symbol)}
            self.seen |= {a.base for a in e.atoms(sp.Indexed)}
            self.seen |= {a for a in e.atoms(sp.Indexed)}
            self.seen |= {a.func for a in e.atoms(AppliedUndef)}
            line = step.place.line if step.place else None
            for d in e.atoms(sp.Derivative):
                for v in d.variables:
                    self.differentiated.setdefault(v, line)
        if lhs is not None and usable:
            line = step.place.line if step.place else None
            self.history.append((step.label, line, self.named(lhs), self.named(step.rhs)))

    def dependents(self, target) -> list:
        """The defined names whose definitions use ``target``, directly or through another such
        name (``M = L + 1``, ``g(t) = L t``, ``b_k = 2 a_k``): they follow a redefinition of it
        (a formula reused in the next example), so what was shown about them held for its
        earlier meaning (``M = L + 1 = 6``, then ``L = x^2``: ``x^2 = 5`` was verified through
        M = 6)."""

        def head(name):
            if isinstance(name, AppliedUndef):
                return name.func
            if isinstance(name, sp.Indexed):
                return name.base
            return name

        found: list = []
        frontier = [head(target)]
        while frontier:
            h = frontier.pop()
            for d, body in self.definitions.items():
                if d in found or head(d) == head(target) or not isinstance(body, sp.Basic):
                    continue
                if body.has(h):
                    found.append(d)
                    frontier.append(head(d))
        return found

    def forget_about(self, target) -> None:
        """``target`` is redefined: what was shown or given about its earlier meaning (facts,
        givens, instances, equations written and not settled) mentions another quantity and
        proves nothing about the new one (``L = 2 + 3 = 5``, then ``L = x^2``: ``x^2 = 5`` was
        verified). Its definition itself is forgotten by :meth:`forget_definition`."""
        head = target.func if isinstance(target, AppliedUndef) else target
        if isinstance(head, sp.Indexed):
            head = head.base.label
        if isinstance(head, sp.Pow):
            # s^2 defined again: what was shown of s^4, s or \sqrt{s} held for the old s too
            # (SymPy finds no s**2 in s**4; red team s50-2: 4a^2 = (a + 1)^2 was verified)
            head = head.base

        def about(*exprs) -> bool:
            return any(isinstance(e, sp.Basic) and e.has(head) for e in exprs)

        def kept(
            items: list, sides, start: int | None = None, also=lambda n, item: False
        ) -> tuple[list, int | None]:
            out, before = [], start
            for n, item in enumerate(items):
                if about(*sides(item)) or also(n, item):
                    if start is not None and n < start:
                        before -= 1
                    continue
                out.append(item)
            return out, before

        mark = list(self.supposed_from) if self.supposed_from is not None else [None] * 5
        gone = {
            n
            for n, pair in enumerate(self.givens)
            if about(*pair) or about(*self.given_about.get(pair, ()))
        }
        # a derivative set to zero that goes (its function redefined) takes with it its own
        # equation and what was verified from it (at its point only: red team s50)
        gone_said = {tuple(canonical(e) for e in self.givens[n]) for n in gone}
        derived = self.derived_from([self.givens[n] for n in gone])
        derived_said = {
            (canonical(self.verified[k][1]), canonical(self.verified[k][2])) for k in derived
        }
        if gone:
            old = self.givens
            self.givens = [g for n, g in enumerate(old) if n not in gone]
            lines = self.given_lines
            self.given_lines = [x for n, x in enumerate(lines) if n not in gone]
            self.stationary = {
                i - sum(1 for g in gone if g < i) for i in self.stationary if i not in gone
            }
            if mark[0] is not None:
                mark[0] -= sum(1 for g in gone if g < mark[0])
        self.verified, mark[1] = kept(
            self.verified, lambda v: v[1:], mark[1], lambda n, _: n in derived
        )
        self.instances, mark[2] = kept(self.instances, lambda v: v[1:3], mark[2])
        self.history, mark[3] = kept(self.history, lambda v: v[2:], mark[3])
        self.equations, mark[4] = kept(
            self.equations,
            lambda e: () if e.kind == "definition" else (e.lhs, e.rhs),
            mark[4],
            lambda _, e: (
                (e.kind == "given" and (e.lhs, e.rhs) in gone_said)
                or (e.kind == "claim" and (e.lhs, e.rhs) in derived_said)
            ),
        )
        if self.supposed_from is not None:
            self.supposed_from = tuple(mark)
        self.unsettled = [u for u in self.unsettled if not about(*u[1:])]
        self.unproved = [u for u in self.unproved if not about(*u[1:])]
        self.unfolded.clear()

    def derived_from(self, pairs) -> set:
        r"""The positions in ``verified`` of the equations verified after one of the givens
        ``pairs`` (derivatives set to zero, Facts.given_mark) that share a name with it: what
        may hold at its point only (\sum_i x_i = 2 n \theta from the first case's condition),
        taken as derived from it."""
        out: set = set()
        for pair in pairs:
            start = self.given_mark.get(pair)
            if start is None:
                continue
            names = set().union(*(self._names_through(e) for e in pair))
            for k, (_, a, b) in enumerate(self.verified):
                if self.verified_order.get((canonical(a), canonical(b)), 0) <= start:
                    continue  # verified before the condition
                if (self._names_through(a) | self._names_through(b)) & names:
                    out.add(k)
        return out

    def _names_through(self, expr) -> set:
        r"""The free symbols of ``expr`` and of it with the definitions put in (m = k stands
        for S/n = 2\theta)."""
        if not isinstance(expr, sp.Basic):
            return set()
        try:
            unfolded = self.unfold(expr)
        except Exception:  # noqa: BLE001 - SymPy failed unfolding: as written
            unfolded = expr
        return expr.free_symbols | getattr(unfolded, "free_symbols", set())

    def forget_meaning(self, target) -> None:
        """Forget ``target``'s definition, what was shown about it, and what was shown about the
        names defined from it (a redefinition, read or not, and a released example value)."""
        for dependent in self.dependents(target):
            self.forget_about(dependent)  # M = L + 1 = 6 held for the earlier L
        self.forget_definition(target)
        self.forget_about(target)

    def forget_definition(self, target) -> None:
        self.definitions.pop(target, None)
        self.equations = [
            e for e in self.equations if not (e.kind == "definition" and e.lhs == canonical(target))
        ]

    def named(self, expr):
        """``expr`` with each bare name of a defined function made its value: after
        ``l(\\mu) = ...`` a bare ``l`` is ``l(\\mu)``, the value at the definition's own
        arguments (the definition needs the name to be new, so it can mean nothing else). Facts
        are stored this way, so that none holds a bare name whose derivative would be 0."""
        functions = {d.func: d for d in self.definitions if isinstance(d, AppliedUndef)}
        if expr is None or not functions:
            return expr
        variables = {str(v) for d in expr.atoms(sp.Derivative) for v in d.variables}
        variables |= {str(v) for s in expr.atoms(sp.Sum, sp.Product) for v in s.variables}
        # a name among its own definition's arguments is that argument, never the function's
        # value: \mathrm{p}(y|p) takes the number p (an upright letter is the letter)
        named = {
            str(f): self.written.get(f, head)
            for f, head in functions.items()
            if str(f) not in variables and str(f) not in {str(s) for s in head.free_symbols}
        }

        def visit(node):
            if isinstance(node, sp.Symbol):
                return named.get(node.name, node)
            if isinstance(node, sp.Indexed) and named:
                # J_i after J_i(a) = ...: the member written with the function's own subscript
                # (a family member to the reader) is the function's value, as a bare J is
                for name in _subscripted_names(node):
                    if name in named:
                        return named[name]
            return node

        return rebuild(expr, visit)

    def captured(self, expr):
        r"""``expr`` with each defined name inside a sum, product, integral or limit put in
        where its value mentions the variable that node binds (by name): that value means the
        variable (tree.put_in), and a rule that takes the name for a constant there would
        not see it vary (``y = x^2``, then ``\prod_{x=1}^{3} y = y^3`` was verified by
        prod_expand; ``b = a_i^2``, then ``\sum_{i=1}^{n} b = n a_i^2`` by sum_const)."""
        if not isinstance(expr, sp.Basic) or not expr.has(
            sp.Sum, sp.Product, sp.Integral, sp.Limit
        ):
            return expr  # (E_{x \sim p} binds too; its put_in captures already)
        plain = {k: v for k, v in self.definitions.items() if isinstance(k, sp.Symbol)}
        if not plain:
            return expr
        from eqchain.tree import _bound_by

        # the names each value stands for, through the definitions it uses (y = u^2 after
        # u = x names x: red team s48-2)
        names = {}
        for k, v in plain.items():
            if isinstance(v, sp.Basic):
                try:
                    full = self.unfold(v)
                except (ValueError, TypeError, RecursionError):
                    full = v
                names[k] = {str(x) for x in v.free_symbols | getattr(full, "free_symbols", set())}

        def visit(node):
            bound = {str(v) for v in _bound_by(node)}
            if not bound:
                return node
            inner = {
                k: self.unfold(v) if names[k] - {str(x) for x in v.free_symbols} else v
                for k, v in plain.items()
                if k.name not in bound and k in names and names[k] & bound and node.has(k)
            }
            return put_in(node, inner) if inner else node

        try:
            return rebuild(expr, visit)
        except (TypeError, ValueError, RecursionError):
            return expr

    def unfold(self, expr, depth: int = 8):
        """Replace defined symbols by their definitions, and defined functions applied to
        arguments (``f(a)`` after ``f(x) = ...``) by their bodies with the arguments put in,
        repeatedly."""
        # Remembered: every step unfolds every earlier claim again (the algebra may use them).
        # The result depends on the expression and the definitions only, both in the key.
        key = (expr, depth, tuple(self.definitions.items()))
        try:
            return self.unfolded[key]
        except KeyError:
            pass
        except TypeError:  # an unhashable expression: not remembered
            return self._unfold(expr, depth)
        out = self.unfolded[key] = self._unfold(expr, depth)
        return out

    def _unfold(self, expr, depth: int):
        functions = {d.func: d for d in self.definitions if isinstance(d, AppliedUndef)}
        for _ in range(depth):
            new = self._by_defined(expr)
            if functions:
                new = _rename_capturing(new, functions, self.definitions)
            _no_derivative_by_a_defined_power(new, self.definitions)
            new = put_in(new, self.definitions)  # a bound x is not the x defined
            new = self._powers_of_defined(new)
            new = self._members(new)
            if functions:
                new = self.named(new)
                new = self._derivative_at_a_name(new, functions)
                new = self._at_point(new, functions)
                new = _rename_capturing(new, functions, self.definitions)
                new = rebuild(new, lambda node: self._apply(node, functions))
            if new == expr:
                break
            expr = new
        expr = _pieces_in_range(expr)
        # what is left undefined and differentiated on its own may vary (check/varying.py); a
        # density whose parameters' conditions are established is its formula (densities.py)
        return settled(with_varying(expr, self.undefined_varying()), self.givens)

    def _derivative_at_a_name(self, expr, functions: dict):
        r"""``f'(a)`` (a :class:`Prime`, read as the derivative of f(a) by a), where f's body
        names a otherwise (``f(x) = a x^2``): the derivative of f at the point a,
        ``Subs(Derivative(f(u), u), u, a)`` (by a, f(a) = a^3 would give 3a^2 for f'(a) =
        2a^2: a false row was verified). ``\frac{d}{da} f(a)`` is a plain Derivative, the
        derivative of f(a) by a, all of it."""
        if not expr.has(sp.Derivative):
            return expr
        # and where a sum or product runs a over numbers (\sum_{a=1}^{3} f'(a): SymPy failed
        # to take the derivative by 1 once a was put in)
        bound = {v for node in expr.atoms(sp.Sum, sp.Product) for v in node.variables}

        def visit(node):
            if not (isinstance(node, Prime) and at_its_argument(node)):
                return node  # \frac{d}{da} g(a) is the derivative of g(a) by a, all of it
            head = functions.get(node.expr.func)
            if head is None or len(node.expr.args) != len(head.args):
                return node
            body = self.definitions.get(head)
            (var,) = set(node.variables)
            params = set(head.args)
            if body is None or var in params:
                return node
            if var not in self._names_behind(body, params) and var not in bound:
                return node
            return node.at_point()

        return rebuild(expr, visit)

    def _names_behind(self, body, params=frozenset()) -> set:
        """The names ``body`` (a definition's, ``params`` its parameters) stands on, through
        the definitions of the names and functions it uses (``g(t) = k t`` after ``k = a^2``:
        k and a), its parameters left out."""
        found: set = set()
        done: set = set()
        frontier = [(body, frozenset(params))]
        while frontier:
            expr, own = frontier.pop()
            if not isinstance(expr, sp.Basic):
                continue
            names = expr.free_symbols - own
            found |= names
            applied = {a.func for a in expr.atoms(AppliedUndef)}
            members = {m.base.label for m in expr.atoms(sp.Indexed)}
            for d, value in self.definitions.items():
                if d in done or not isinstance(value, sp.Basic):
                    continue
                if isinstance(d, AppliedUndef) and d.func in applied:
                    inner = frozenset(a for a in d.args if isinstance(a, sp.Symbol))
                elif isinstance(d, sp.Indexed) and d.base.label in members | names:
                    inner = frozenset(i for i in d.indices if isinstance(i, sp.Symbol))
                elif isinstance(d, sp.Symbol) and d in names:
                    inner = frozenset()
                else:
                    continue
                done.add(d)
                frontier.append((value, inner))
        return {n for n in found if isinstance(n, sp.Symbol)}

    def _powers_of_defined(self, expr):
        """``s^4`` after ``s^2 = v`` is ``v^2``, and ``s^3`` is ``v s``: a power of a name whose
        power is defined, written through that power (s^4 = (s^2)^2 for every s), so that no
        value given to s alone contradicts the definition. Left as written where a sum,
        product or integral binds the name."""
        powers = {
            d.base: (int(d.exp), v)
            for d, v in self.definitions.items()
            if isinstance(d, sp.Pow)
            and isinstance(d.base, (sp.Symbol, sp.Indexed))
            and d.exp.is_Integer
            and d.exp > 1
        }
        if not powers:
            return expr
        bound = {v for node in expr.atoms(sp.Sum, sp.Product, sp.Integral) for v in node.variables}
        powers = {b: p for b, p in powers.items() if not b.free_symbols & bound}

        def visit(node):
            if not (isinstance(node, sp.Pow) and node.base in powers and node.exp.is_Integer):
                return node
            n, value = powers[node.base]
            times, rest = divmod(int(node.exp), n)
            if times < 1 or node.exp == n:
                return node  # the defined power itself: put_in's
            return value**times * node.base**rest

        return rebuild(expr, visit) if powers else expr

    def undefined_varying(self, powers: bool = True) -> dict:
        """The names that may vary with a variable of differentiation (check/varying.py) and
        that no definition says what they are (a defined one is unfolded instead); and the
        name of a defined power, with what its value is made of (s after s^2 = x + 1 varies
        with x: only s^2 is put in, and s^3 is (x + 1) s), unless ``powers`` is False (before
        the definitions are put in: s^2 must stay s^2 for its definition to replace it)."""
        made: dict = {}
        for d, value in self.definitions.items() if powers else ():
            if isinstance(d, sp.Pow) and isinstance(d.base, (sp.Symbol, sp.Indexed)):
                name = d.base.base if isinstance(d.base, sp.Indexed) else d.base
                made_of = value.free_symbols | value.atoms(sp.Indexed)
                made_of |= {m.base for m in value.atoms(sp.Indexed)}
                if made_of:
                    made[name] = frozenset(made_of) | made.get(name, frozenset())
        if not self.varying and not made and not self._functions_defined():
            return {}
        defined = {d for d in self.definitions if isinstance(d, sp.Symbol)}
        defined |= {d.base for d in self.definitions if isinstance(d, sp.Indexed)}
        defined |= {d.func for d in self.definitions if isinstance(d, AppliedUndef)}
        out = {k: v for k, v in self.varying.items() if k not in defined}
        if not powers:
            # s after s^2 = x + 1: put in by its definition first (a derivative of s^2 that
            # varies would keep s^2 from being replaced)
            powered = {
                d.base.base if isinstance(d.base, sp.Indexed) else d.base
                for d in self.definitions
                if isinstance(d, sp.Pow) and isinstance(d.base, (sp.Symbol, sp.Indexed))
            }
            out = {k: v for k, v in out.items() if k not in powered}
        for name, made_of in made.items():
            if name not in defined:
                out[name] = out.get(name, frozenset()) | made_of
        for name, by in self._through_definitions(defined).items():
            out[name] = out.get(name, frozenset()) | by
        return out

    def _functions_defined(self) -> bool:
        return any(isinstance(d, AppliedUndef) for d in self.definitions)

    def _through_definitions(self, defined: set) -> dict:
        """{function: variables} for the undefined functions applied in the definition of a name
        that varies with a variable the definition does not mention: the
        derivation differentiates P by w (``\\frac{\\partial \\ln P}{\\partial w_m}``) after
        ``P = \\prod_n p(y_n | x_n)``, so P depends on w through what it is made of (the
        likelihood through the model's p), never a constant whose derivative is 0 (the chain
        rule without its sum over n was verified as 0 = 0). A definition that mentions the
        variable (``L = \\sum_n (y_n - w x_n)^2``) says how it depends on it: nothing added."""
        out: dict = {}
        for key, value in self.definitions.items():
            if isinstance(key, AppliedUndef) and isinstance(value, sp.Basic):
                # L(w) = \sum_i e_i^2: a function of w whose body does not mention w depends on
                # it through the families it is made of (the residuals defined in prose): they
                # vary with w (its derivative was 0: dL/dw = 0 verified, the valid gradient of
                # RSS(\beta_0, \beta_1) = \sum_i \varepsilon_i^2 refuted). Families only: a
                # constant function of plain names (a uniform density 1/(b - a)) stays one
                held = value.free_symbols | {m.base for m in value.atoms(sp.Indexed)}
                absent = frozenset(
                    a
                    for a in key.args
                    if isinstance(a, (sp.Symbol, sp.Indexed)) and not value.has(a)
                )
                if absent and not value.atoms(AppliedUndef) and not held & defined:
                    for name in _made_of(value) - defined:
                        if isinstance(name, sp.IndexedBase):
                            out[name] = out.get(name, frozenset()) | absent
                continue
            # a name or a family's generic member; a function's dependence on the variable is
            # through its arguments (check/varying.py), never through its parameters
            if not isinstance(key, (sp.Symbol, sp.Indexed)) or not isinstance(value, sp.Basic):
                continue
            head = key.base if isinstance(key, sp.Indexed) else key
            by = self.varying.get(head)
            if not by:
                continue
            absent = frozenset(
                v
                for v in by
                if not value.has(v)
                and not (isinstance(v, sp.Indexed) and value.has(v.base))
                and not (isinstance(v, sp.IndexedBase) and value.has(v))
            )
            if not absent:
                continue
            # the undefined functions it applies (the model's p): a function may depend on
            # more than its written arguments; its data (y_n, x_n) are what they are
            functions = {f.func for f in value.atoms(AppliedUndef)} - defined
            for name in functions:
                if getattr(name, "varies", False):
                    continue
                out[name] = out.get(name, frozenset()) | absent
            held = value.free_symbols | {m.base for m in value.atoms(sp.Indexed)}
            if not value.atoms(AppliedUndef) and not held & defined:
                # no function and no defined name to carry the dependence (a defined \phi(z_i)
                # carries it through its argument, check/varying.py; \hat y = \sigma(z) in
                # L = -t \log \hat y through its definition) (L = \sum_i e_i^2 by w, the residuals
                # defined in prose or not at all): the names it is made of may vary with the
                # variable, as a name differentiated on its own does (its derivative was
                # taken as 0: \frac{\partial L}{\partial w} = 0 was verified)
                for name in _made_of(value) - defined:
                    out[name] = out.get(name, frozenset()) | absent
        return out

    def _by_defined(self, expr):
        """A derivative by a defined quantity (``\\frac{\\partial L}{\\partial \\hat y}`` after
        ``\\hat y = \\sigma(z)``) taken with the quantity held as a variable: the expression
        is unfolded but for it, differentiated by it, and the quantity unfolded afterwards. Read
        so only when the expression depends on what the quantity is made of (z) through the
        quantity alone; otherwise the derivative is left as written (it then stays undecided)."""
        defined = {k for k in self.definitions if isinstance(k, (sp.Symbol, sp.Indexed))}
        if not defined or not expr.has(sp.Derivative):
            return expr

        def visit(node):
            if not isinstance(node, sp.Derivative):
                return node
            held = [v for v in node.variables if v in defined or _member_of(v, defined)]
            if not held or len(held) != len(node.variables):
                return node
            # a member held is its whole family held: y_n inside \sum_n as the y_n defined
            families = {v.base for v in held if isinstance(v, sp.Indexed)}
            rest = {
                k: d
                for k, d in self.definitions.items()
                if k not in held and not (isinstance(k, sp.Indexed) and k.base in families)
            }
            body = replace(self, definitions=rest).unfold(node.expr)
            # a member's own name and index (p and i of p_i) are no part of what it is made of
            own = set().union(*(v.free_symbols for v in held))
            made_of = set()
            for v in held:
                inner = self.unfold(v)
                made_of |= inner.free_symbols | inner.atoms(sp.Indexed, AppliedUndef)
            made_of -= own
            present = body.free_symbols | body.atoms(sp.Indexed, AppliedUndef)
            if not all(body.has(v) for v in held) or present & made_of:
                return node
            try:
                return sp.Derivative(body, *node.variable_count).doit()
            except (ValueError, TypeError, NotImplementedError):
                return node

        return rebuild(expr, visit)

    def _members(self, expr):
        """Every member of a family defined by its generic member (``y_k = k^2``, for every
        k): ``y_2`` is ``2^2``, ``y_j`` in ``\\sum_j y_j`` is ``j^2``. Left as written where the
        member's index would be captured by a variable the definition binds (a sum's). A member
        is generic only when its definition mentions its index (k^2) or the document sums over
        that letter (``a_i = 1`` beside ``\\sum_i a_i``): ``\\mu_X = 5`` names the mean of X
        alone, and says nothing of ``\\mu_Y``."""
        generic = {
            d.base: d
            for d in self.definitions
            if isinstance(d, sp.Indexed)
            and all(isinstance(i, sp.Symbol) for i in d.indices)
            and len(set(d.indices)) == len(d.indices)
            and all(
                _every_member(d, i, self.definitions[d], self.summed, self.counts)
                for i in d.indices
            )
            # a body that uses the family itself (p_m = 1 - \sum_{j=1}^{m-1} p_j) defines the
            # member at that index only: as a rule for every member p_1 = 1 was verified
            and not self.definitions[d].has(d.base)
        }
        if not generic or not expr.has(*generic):
            return expr

        def visit(node):
            head = generic.get(node.base) if isinstance(node, sp.Indexed) else None
            if head is None or node == head or len(node.indices) != len(head.indices):
                return node
            body = self.definitions[head]
            if _captured(body, node.indices):
                # z_k after z_i = \frac{e^{x_i}}{\sum_k e^{x_k}}: the sum's k renamed apart
                # first (left as written, z_k was a free value, and a true row was refuted)
                body = _renamed_apart(body, set().union(*(i.free_symbols for i in node.indices)))
                if _captured(body, node.indices):
                    return node
            return substitute(body, dict(zip(head.indices, node.indices, strict=True)))

        return rebuild(expr, visit)

    def at_points(self, expr):
        """``expr`` with each derivative of a defined function at a point taken
        (:meth:`_at_point`), before any rule sees the function's value at the point."""
        functions = {d.func: d for d in self.definitions if isinstance(d, AppliedUndef)}
        if not functions:
            return expr
        return self._at_point(self._derivative_at_a_name(expr, functions), functions)

    def _at_point(self, expr, functions: dict):
        """The derivative of a defined function at a point, written with the point inside:
        ``\\frac{d^2 LL(\\hat\\lambda)}{d\\lambda^2}`` after ``LL(\\lambda) = ...`` is the
        second derivative of LL at the point hat-lambda (differentiated by its own parameter, then
        evaluated), not the derivative of the constant LL(hat-lambda). Only a derivative whose
        body is the function applied, by parameters of its definition that no argument
        mentions; an argument that mentions the variable is the chain rule's, as written."""
        if not expr.has(sp.Derivative):
            return expr

        def visit(node):
            if not isinstance(node, sp.Derivative) or not isinstance(node.expr, AppliedUndef):
                return node
            applied = node.expr
            head = functions.get(applied.func)
            if head is None or applied == head or len(applied.args) != len(head.args):
                return node
            by = node.variables
            # a parameter is the document's name freed of its assumptions (_plain_parameters):
            # the variable \lambda (declared positive) is the parameter \lambda
            own = {a.name: a for a in head.args if isinstance(a, sp.Symbol)}
            counts = [
                (v if v in head.args else own.get(getattr(v, "name", None)), n)
                for v, n in node.variable_count
            ]
            if any(v is None for v, _ in counts):
                return node
            # an argument defined in terms of the variable (\hat\lambda = 2 \lambda) is the
            # chain rule's, as written
            if any(self.unfold(a).has(v) for a in applied.args for v in by):
                return node
            body = self.definitions[head]
            if _captured(body, applied.args):
                return node
            try:
                done = sp.Derivative(body, *counts).doit()
            except (ValueError, TypeError, NotImplementedError):
                return node
            put = _put_arguments(done, head.args, applied.args)
            return node if put is None else put

        return rebuild(expr, visit)

    def _apply(self, node, functions: dict):
        head = functions.get(node.func) if isinstance(node, AppliedUndef) else None
        if head is None or len(node.args) != len(head.args):
            return node
        body = self.definitions[head]
        if node == head:
            # applied to its own parameters where put_in left it: a sum or an integral binds
            # them (\int e^{tx} f(x) \, dx after f(x) = ...); the parameters are the
            # function's, so the body is its value at the bound variable
            return body
        if _captured(body, node.args):
            return node  # an argument would be captured by a bound variable: left as written
        if not faithful_application(head, body, node.args):
            return node  # E(X) = \sum_k k p_k is no function of X (check/search.py)
        put = _put_arguments(body, head.args, node.args)
        return node if put is None else put


def _member_of(variable, defined) -> bool:
    """Whether ``variable`` is a member (``y_n``, n bound by a sum) of a family whose generic
    member is defined: it stands for that definition at its index."""
    return isinstance(variable, sp.Indexed) and any(
        isinstance(k, sp.Indexed)
        and k.base == variable.base
        and len(k.indices) == len(variable.indices)
        and all(isinstance(i, sp.Symbol) for i in k.indices)
        for k in defined
    )


def _put_arguments(body, parameters, arguments):
    r"""``body`` of a definition with its parameters replaced by ``arguments``; None when that
    cannot be done faithfully. A parameter may be the square of a name (``\ell(\mu,
    \sigma^2) = ...``): the body must then mention the name only through that square (a
    lone sigma left behind would keep the old sigma in ``\ell(0, 4)``)."""
    if all(isinstance(p, sp.Symbol) for p in parameters):
        moved = {p for p, a in zip(parameters, arguments, strict=True) if p != a}
        body = derivatives_taken(body, moved)
        if body is None:
            return None
        return substitute(body, dict(zip(parameters, arguments, strict=True)))
    for p, a in zip(parameters, arguments, strict=True):
        if isinstance(p, sp.Indexed) and all(i.is_Integer for i in p.indices):
            # J(\theta_0, \theta_1) = ...: numbered members are parameters as names are, when
            # the body holds no other member of their family (\sum_j \theta_j x_j would keep
            # \theta_0 inside the sum)
            if {m for m in body.atoms(sp.Indexed) if m.base == p.base} - set(parameters):
                return None
            continue
        # a function defined at a family's generic member (_defines_at_members) is defined at
        # the members of that family only: p(y_j | mu) after p(y_i | mu) = ..., never p(y | mu)
        if isinstance(p, sp.Indexed) and not (
            isinstance(a, sp.Indexed) and a.base == p.base and len(a.indices) == len(p.indices)
        ):
            return None
    # a parameter given itself as the argument stays as it is (\sigma^2 in p(y_j | \mu,
    # \sigma^2) after p(y_i | \mu, \sigma^2) = ...): nothing to put in, whatever the body says
    pairs = [(p, a) for p, a in zip(parameters, arguments, strict=True) if p != a]
    fresh = {p: sp.Dummy() for p, _ in pairs}
    template = substitute(body, fresh)
    if any(template.has(s) for p, _ in pairs for s in p.free_symbols):
        return None
    return substitute(template, {fresh[p]: a for p, a in pairs})


def check_derivation(
    derivation: Derivation, timeout: float | None = DEFAULT_TIMEOUT, on_step=None
) -> DerivationReport:
    """Check every step in order and return the report. Never raises for a step's content:
    a step that cannot be decided is ``unknown`` with the reason."""
    complex_names = frozenset(getattr(derivation.scope, "complex_names", ()))
    token = REAL_VALUES.set(complex_names if derivation.real_by_default else None)
    unsettled = UNSETTLED.set(None)
    try:
        return _check_derivation(derivation, timeout, on_step)
    finally:
        REAL_VALUES.reset(token)
        UNSETTLED.reset(unsettled)


def _check_derivation(derivation: Derivation, timeout, on_step) -> DerivationReport:
    # \sum_x g(x) p_X(x) over the values of X is E[g(X)] (check/pmf.py); then an expectation of
    # X after the row X \sim D is over D (check/laws.py), those of the pmf sums too
    derivation = replace(derivation, steps=with_pmf_sums(derivation.steps, derivation.scope))
    derivation = replace(derivation, steps=with_stated_laws(derivation.steps))
    facts = Facts(
        ranges=_index_ranges(derivation.scope),
        families=_family_ranges(derivation.scope),
        varying=varying_names(t for s in derivation.steps for t in (s.lhs, s.rhs)),
        defaulted=frozenset(getattr(derivation.scope, "defaulted", ())),
        undefaulted=frozenset(getattr(derivation.scope, "undefaulted", ())),
        document=derivation.real_by_default,
        summed=frozenset(
            (str(member.base.label), str(v))
            for s in derivation.steps
            for t in (s.lhs, s.rhs)
            if isinstance(t, sp.Basic)
            for big in t.atoms(sp.Sum, sp.Product)
            for v in big.variables
            for member in big.function.atoms(sp.Indexed)
            if v in member.indices
        ),
        counts=_counts(derivation),
    )
    for index, bounds in _summed_index_ranges(derivation.steps).items():
        facts.ranges.setdefault(index, []).extend(bounds)
    for s in derivation.steps:
        if (
            s.infer_kind
            and not s.continues
            and isinstance(s.lhs, (sp.Symbol, sp.Indexed))
            and s.place is not None
            and s.place.line
        ):
            facts.written_later.setdefault(latex(s.lhs), (s.place.line, s.lhs, s.rhs))
    for mean, body in _sample_means(derivation.steps).items():
        facts.definitions[mean] = body
        facts.equations.append(Equation(canonical(mean), canonical(body), None, "definition"))
    base_values = _values(derivation, derivation.where)
    results: list[StepResult] = []
    previous: Step | None = None
    previous_rhs = None
    # A proof by cases: the condition the row before was under, and the chain's latest value
    # shown under no condition ("If $x > 0$," then "If $x < 0$,", each display going on from
    # the same |x| = \sqrt{x^2}: the second case starts there again, not at the first case's
    # x; where the first case began the chain, from its left side)
    previous_case: tuple = ()
    case_source = None
    chain_holds = True  # every link of the current chain so far is established
    # ... and verified as an identity of its own (no given, definition, premise or condition):
    # what follows from such a chain is an identity too, so a row refuted as one stays refuted
    chain_proved = True
    # The values the current chain's links were checked with: {} when it holds generally,
    # None when it holds for values no later step can name (a specialisation).
    chain_values: dict | None = {}
    unreadable: Step | None = None  # the unreadable step just before, if any
    unused_where: Step | None = None  # a "where" equation just before that was not used
    chain_domain: list = []  # where the chain's "lhs = rhs" holds: its links' domains
    chain_held: list = []  # those of them that givens its links used need
    chain_first = None  # the chain's first row (lhs, rhs): what it needs is the chain's domain
    # The relation the current chain states between its first and last sides (a = b \le c:
    # "<="; None when its links state none), and its sides: an implication's premise.
    chain_relation: str | None = "="
    chain_sides: list = []
    # each left side written so far, by its canonical text: (line, the last right side written
    # for it, its section, whether that row holds, the left side): a left side written again
    # (_repeated_left_side)
    written_about: dict = {}
    system = None  # the row before was decided by _from_stationarity (a row of its system)
    system_gave = False  # ... and taken as the author's condition (a given)
    single = False  # ... of a function of the derivative's variables alone (a system of one)
    standing = None  # the derivative set to zero (a given) that system's rows stand for
    chain_states = True
    steps = derivation.steps
    restarted = False  # the row before started a chain after an unread formula
    stated = False  # the row before is a condition the author states (step.stated_bound)
    chain_known: frozenset = frozenset()
    for position, step in enumerate(steps):
        if restarted and step.continues and step.follows is None and previous is not None:
            # \|a\|^2 = \sum_j a_j^2 = 1 with its first side unread: the rest is the row
            # \sum_j a_j^2 = 1 of its own, its kind inferred as any row's (a condition, a
            # definition), never a link of a chain that has lost its left side (the unit-length
            # condition was refuted as an identity)
            step = replace(step, lhs=previous.rhs, continues=False)
        restarted = False
        if not step.continues:
            chain_known = _known_names(facts)  # what a name written in this chain is new to
        link = step.continues and step.kind is StepKind.CLAIM and step.follows is None
        UNSETTLED.set(_unsettled_names(step, facts, chain_known) if link else None)
        if not step.continues:
            facts.statements += 1  # a row that starts a statement (a chain's links are one)
        if step.unreadable is not None or (
            step.continues
            and (unreadable is not None or previous is None or previous.from_assumption)
        ):
            # Nothing can be checked against a formula that was not read (or not written): an
            # unreadable step ends the chain, and a continuation right after it starts a new one.
            result = _unreadable(step, unreadable)
            written_about.clear()  # the row unread may have been the step between
            results.append(result)
            if on_step is not None:
                on_step(result)
            unreadable = step if step.unreadable is not None else None
            if step.unread_target is not None and not _proof_of_defined_function(
                step.unread_target, step.section, facts
            ):
                line = step.place.line if step.place else None
                facts.unread[step.unread_target] = line
                _forget_unread_redefinition(step.unread_target, step.section, facts)
            previous = None if unreadable is not None else Step(step.claim, step.rhs, step.rhs)
            previous_rhs = None if unreadable is not None else step.rhs
            chain_holds, chain_values = True, {}
            chain_first = None  # the new chain's domain is its own (not the display's before)
            chain_relation, chain_sides = "=", ([] if unreadable is not None else [step.rhs])
            if unreadable is None:
                facts.remember(step, None, usable=False)
                restarted = True
            continue
        if step.stated_bound or (stated and step.continues):
            # \lambda > 0 on a row of its own: the author states a condition (document.
            # _display_bounds); refuting it at \lambda = -1 told the author nothing. A row
            # continuing it (X \le Y then \le 3) states more of it: it continues no chain
            # before (it was checked as \sigma \le 3 against an earlier display's \sigma = 2)
            result = StepResult(step, Verdict.UNKNOWN, reason=STATED_BOUND)
            results.append(result)
            if on_step is not None:
                on_step(result)
            stated = True
            continue
        stated = False
        unreadable = None
        _example_value_released(step, facts)
        if not step.continues and step.follows is None:
            facts.retract_supposed()  # the implication before (if any) has ended
        # The equation before, as an implication's premise: its sides, relation, and whether
        # it is established (every link verified, given or a definition).
        premise = (list(chain_sides), chain_relation, chain_holds and chain_values == {})
        premise_proved = premise[2] and chain_proved
        if not step.continues:
            chain_holds = True
            chain_proved = True
            chain_states = True  # every link so far an equation stated outright (written_about)
            chain_values = {}
            chain_domain = []
            chain_held = []
            chain_relation = "="
            chain_sides = [step.lhs]
        link_relation = step.relation
        chain_relation = relations.compose(chain_relation, link_relation)
        chain_sides.append(step.rhs)
        # An equation right before an implication is its premise: the author supposes it.
        supposed = (
            position + 1 < len(steps)
            and steps[position + 1].follows is not None
            and step.follows is None
            and link_relation == "="
            and step.kind is StepKind.CLAIM
        )
        # an inequality right before an implication is its premise too (\sigma \geq 0
        # \Rightarrow \sqrt{\sigma^2} = \sigma): supposed, never refuted as a claim; it states
        # no equation, so nothing later uses it
        supposed_relation = (
            position + 1 < len(steps)
            and steps[position + 1].follows is not None
            and step.follows is None
            and link_relation not in ("=", "sim")
            and step.kind is StepKind.CLAIM
        )
        if supposed or supposed_relation:
            facts.suppose()  # what holds from here on holds until the implication ends
        if step.follows is not None and facts.supposed_from is not None:
            facts.supposed_about = _concluded_about(step.lhs, step.rhs)
        started, cpu_started = time.monotonic(), time.process_time()
        step_values = _values(derivation, step.where)
        _check_values({**base_values, **step_values}, step)
        # A continuation is checked with the values its chain was checked with so far.
        inherited = (chain_values or {}) if step.continues else {}
        own = {**inherited, **step_values}
        values = {**base_values, **own}
        lhs = previous.lhs if step.continues and previous is not None else step.lhs
        source = previous_rhs if step.continues else lhs
        # a case eqchain cannot read is a case all the same ("If $x \in P$,": its value was
        # where the next case began, and |x| = x verified under x < 0; s52 rt4)
        case = step.condition or ((("unread", step.unread_case),) if step.unread_case else ())
        if not step.continues:
            case_source, previous_case = (lhs if case else step.rhs), ()
        elif case and previous_case and case != previous_case:
            # another case: from where the cases began, never from a value that holds in the
            # case before only (\max(a, b) - b = a - b under a \geq b, then "If $a < b$,"
            # = a - b was verified)
            source = case_source
        elif not (case or previous_case):
            case_source = step.rhs  # no case yet: the cases will begin from here
        previous_case = case or previous_case  # a case holds until the next one
        if not step.continues:
            chain_first = None
        elif chain_first is None:
            # The chain's domain is what its first row needs: both sides when that row holds
            # (its right side then needs nothing its left side does not), else its left side
            # only, so that a restriction the first row introduced is not taken as given.
            start = results[-1].verdict if results else None
            held = start in (Verdict.VERIFIED, Verdict.DEFINITION, Verdict.GIVEN)
            chain_first = (lhs, source) if held else (lhs,)
        # A link of a chain not established so far is judged where the row before is defined
        # too: what that row needs is then no restriction taken as given (the chain, and so its
        # left side, says nothing either way), and the link holds, if at all, within it
        # (\mathrm{Var}[X] = \frac{2}{\lambda^2} - \frac{1}{\lambda^2}, unknown, then
        # = \frac{1}{\lambda^2}: "the row before needs \lambda \neq 0")
        within = chain_first if chain_holds or chain_first is None else (lhs, source)
        # a row right after a derivative set to zero, checked from that derivative's meaning
        system_before, system = system is not None and system_gave, None
        system_gave = False
        chained, single = system_before and single, False
        try:
            try:
                if step.infer_kind and not step.condition and step.follows is None:
                    system, single = _from_stationarity(
                        step, lhs, premise, results[-1] if results else None, written_about,
                        facts.under(values), values, timeout, standing if chained else False,
                    )  # fmt: skip
                    if system is not None and not chained and facts.givens:
                        last = len(facts.givens) - 1
                        standing = tuple(canonical(e) for e in facts.givens[last])
                if (
                    step.condition
                    and link_relation == "="
                    and step.follows is None
                    and not isinstance(step.rhs, ArgMax)
                ):
                    result = _under_condition(
                        step, lhs, source, facts, values, timeout, chain_first
                    )
                elif isinstance(step.rhs, ArgMax) and link_relation == "=":
                    decide = partial(_optimum, step, source, facts, values, timeout)
                    result = _guarded(step, timeout, decide)
                    if (
                        result.verdict is Verdict.UNKNOWN
                        and _a_new_name(source, facts)
                        and result.reason.startswith(("not checked:", "the solver found no"))
                    ):
                        # \hat{p} = \arg\max_p l(p), l defined nowhere: p-hat is that point,
                        # not a number of its own that a later row may be refuted with
                        facts.unsolved[str(source)] = step.place.line if step.place else None
                elif (
                    isinstance(source, ArgMax)
                    and link_relation == "="
                    and step.follows is None
                    and not step.condition
                ):
                    # \arg\max_x f = 3: the same claim read from the right (it was a given,
                    # x taken for a name the row states a value of; red team s48)
                    swapped = replace(step, lhs=step.rhs, rhs=source)
                    decide = partial(_optimum, swapped, step.rhs, facts, values, timeout, "right")
                    result = replace(_guarded(swapped, timeout, decide), step=step)
                    if result.counterexample is not None:  # its sides as the row has them
                        cex = result.counterexample
                        cex = replace(cex, lhs=cex.rhs, rhs=cex.lhs)
                        result = replace(result, counterexample=cex)
                elif link_relation == "sim" and step.follows is None:
                    result = _distribution_statement(step)
                elif step.follows is not None:
                    result = _implication(step, lhs, premise, facts.under(values), values, timeout)
                    # What follows from an established equation is a fact; from a supposed one, not.
                    chain_holds = premise[2] and premise[1] == "="
                elif link_relation != "=":
                    result = _relation_claim(
                        step,
                        source,
                        facts.under(values),
                        values,
                        timeout,
                        derivation,
                        origin=chain_first,
                    )
                elif step.where_clause:
                    result = _where_definition(step, lhs, facts)
                elif step.kind is StepKind.DEFINITION:
                    result = _define(step, lhs, facts)
                elif step.kind is StepKind.GIVEN:
                    result = _give(step, lhs, facts)
                elif step.infer_kind and system is not None:
                    result = system
                elif step.infer_kind:
                    result = _infer(step, lhs, source, facts, values, timeout, within, premise)
                elif "generalize" in step.by:
                    result = _generalize_step(step, lhs, source, facts, values, timeout)
                else:
                    result = _claim(
                        step, source, facts.under(values), values, timeout, step_values, within
                    )
            except NotAVariable:
                result = StepResult(step, Verdict.UNKNOWN, reason=NOT_A_VARIABLE)
            if (
                result.verdict is Verdict.UNKNOWN
                and link_relation == "="
                and step.follows is None
                and not step.condition
                and step.kind is StepKind.CLAIM
            ):
                again = _repeated_left_side(
                    result,
                    step,
                    lhs,
                    written_about,
                    facts.under(values),
                    values,
                    _left_of(timeout, cpu_started),
                    step_values,
                )
                if again is not None:
                    result, earlier_holds = again
                    chain_holds = chain_holds and earlier_holds
                else:
                    result = _from_unproved(
                        result,
                        step,
                        source,
                        facts.under(values),
                        values,
                        _left_of(timeout, cpu_started),
                        step_values,
                    )
            if result.verdict is Verdict.REFUTED:
                result = _unwritten_range(result, facts, lhs, source, step.rhs)
            if result.verdict is Verdict.REFUTED:
                result = _naming_functions_put_in(result, (source, lhs, step.rhs), facts)
            if result.counterexample is not None:
                # every path's counterexample without the loader's margins (p_{bound} of a
                # law's or an assumption's bound: no name of the document)
                result = replace(
                    result, counterexample=_without_margins(result.counterexample, facts)
                )
            if result.verdict is Verdict.REFUTED and step.infer_kind:
                sides = (source if source is not None else lhs, step.rhs)
                result = _named_in_passing(result, facts, step, sides)
            if result.verdict is Verdict.REFUTED and step.infer_kind and not step.continues:
                result = _unrelated_sides(result, facts, lhs, step.rhs)
            if result.verdict is Verdict.REFUTED and step.infer_kind and link_relation == "=":
                result = _mean_reading(result, step, source, facts.under(values), values, timeout)
            if (
                result.verdict is Verdict.REFUTED
                and step.unread_case
                and _case_names_meet(step.unread_case, result.counterexample)
                and not _case_holds_at(step.unread_case, result.counterexample)
            ):
                # a counterexample within the case, when it is an order of names: refuted there
                within = _refuted_within_case(step, source, lhs, facts, values)
                if within is not None:
                    result = replace(result, counterexample=within)
            if (
                result.verdict is Verdict.REFUTED
                and step.unread_case
                and _case_names_meet(step.unread_case, result.counterexample)
                and not _case_holds_at(step.unread_case, result.counterexample)
            ):
                # If $x^2 = x$, then x^3 = x: refuted at x = 2, outside the stated case
                result = StepResult(
                    step,
                    Verdict.UNKNOWN,
                    (),
                    f"not decided: the prose beside it states the case ${step.unread_case}$, "
                    "which eqchain does not read as a condition of the row, and the values that "
                    "refute it may lie outside it (state it with --assume, or as a condition "
                    "after a comma)",
                    None,
                    result.warnings,
                )
            if result.verdict is Verdict.REFUTED and unused_where is not None:
                # the row's "where" equation may be what makes it hold (where x = 3)
                result = StepResult(
                    step,
                    Verdict.UNKNOWN,
                    (),
                    f"not decided: the equation after 'where' ({unused_where.claim}) was not used, "
                    "and the step may hold only with it",
                    None,
                    result.warnings,
                )
            if step.where_clause:
                unused_where = step if result.verdict is not Verdict.DEFINITION else None
            else:
                unused_where = None
            if step.condition and result.verdict is Verdict.REFUTED and link_relation != "=":
                # a relation or an implication is not checked under its row's condition: its
                # counterexample may lie outside it
                result = conditioned.unusable(step, "only an equation is checked under one")
            if step.condition and result.verdict is Verdict.VERIFIED:
                result = replace(result, conditional=True)  # holds under the condition only
            implied = system is not None and result.verdict is Verdict.VERIFIED
            if system is not None:
                pass  # decided from the meaning of the derivative before (_from_stationarity)
            elif step.condition and _may_follow(step, result, premise, facts):
                # the next equation of a system (x = 2 under x^2 = 4, for x > 0) is not checked as
                # following from the row before under a condition: neither refuted as an identity
                # nor by a counterexample outside the condition
                result = conditioned.unusable(
                    step, "it may follow from the row before, which is not checked under one"
                )
            elif _may_follow(step, result, premise, facts):
                # The next equation of a system the author solves (0 = a - b under f'(x) = 0)
                alone = result
                # after a row of a stationarity system, the derivative set to zero of a function
                # nothing defines is that row's (it stands for it): no point could meet it
                within = _without_opaque_stationary(facts, standing) if system_before else facts
                result, implied = _as_implication(
                    step, lhs, premise, result, within.under(values), values, timeout
                )
                if not implied and alone.verdict is Verdict.REFUTED and premise_proved:
                    # "Hence" after an identity: what follows from one is one; not shown to
                    # follow, the row keeps its refutation as an identity (red team s47)
                    result = alone
                elif result.verdict is Verdict.REFUTED and _another_condition(
                    premise,
                    lhs,
                    step,
                    facts,
                    system_before or bool(results and results[-1].reason == STATIONARY),
                ):
                    result = StepResult(
                        step,
                        Verdict.UNKNOWN,
                        (),
                        "not shown to follow from the row before, and it may be another equation "
                        "of the system (it writes a name that row does not): if it is a "
                        "condition of its own, state it so ('subject to', 'Assume')",
                        None,
                        result.warnings,
                    )
                vacuous = implied and not premise[2] and _vacuous_premise(premise, facts, values)
                if vacuous:
                    # an equation between numbers, not established, is no equation of a system,
                    # and one no allowed value satisfies (x^2 + 1 = 0) has no solution to carry:
                    # what follows from a false one follows vacuously; the row is what it is
                    # alone (refuted), or unknown naming that row (_from_unproved)
                    before = results[-1] if results else None
                    if alone.verdict is Verdict.REFUTED:
                        result, implied = alone, False
                    else:
                        result, implied = _from_unsettled_row(result, before, alone, vacuous)
                if implied:
                    chain_holds = premise[2] and premise[1] == "="
            if (
                result.verdict is Verdict.VERIFIED
                and system is None  # (it asks the derivative's meaning: _from_stationarity)
                and (step.follows or implied or link_relation != "=")
            ):
                # A relation may not introduce a restriction either: what its right side (an
                # implication's conclusion) needs beyond its source (the premise) must hold.
                if step.follows or implied:
                    # what the conclusion needs must be established outright: a fact from here on
                    # carries no domain (a restriction shared with the premise is not waived)
                    targets, origins = [lhs, step.rhs], []
                else:
                    targets, origins = [step.rhs], [source, lhs]
                introduced = _introduced(targets, origins, facts, values)
                if introduced is not None:
                    result = StepResult(step, Verdict.UNKNOWN, result.rules, introduced)
            if supposed and result.verdict in (Verdict.REFUTED, Verdict.UNKNOWN):
                result = _suppose(step, source, facts, result)
            if supposed_relation and result.verdict in (Verdict.REFUTED, Verdict.UNKNOWN):
                result = StepResult(
                    step,
                    Verdict.GIVEN,
                    reason="supposed: the premise of the implication that follows (not checked)",
                )
            if result.verdict is Verdict.REFUTED and facts.retracted and link_relation == "=":
                result = _refuted_without_an_earlier_premise(
                    result, step, lhs, source, premise, facts, values, timeout
                )
            if result.verdict is Verdict.REFUTED and link_relation == "=" and source is not None:
                result = _constant_hint(result, source, step.rhs, facts, values, derivation)
        except NotAVariable:
            result, implied = StepResult(step, Verdict.UNKNOWN, reason=NOT_A_VARIABLE), False
        except TooLarge:
            raise  # a definition's or a given's: invalid input (api.check_derivations)
        except SYMPY_FAILURES as err:
            # SymPy failing outside a guarded decision (deciding what kind of row this is,
            # unfolding definitions, whether it follows from the row before): this step is
            # unknown, saying so, and the rest of the document is checked
            result = StepResult(step, Verdict.UNKNOWN, reason=_sympy_failed(err))
            implied = False
        if facts.inconsistent and result.verdict is Verdict.VERIFIED:
            result = _vacuous(result, facts.inconsistent)
        if result.verdict is Verdict.REFUTED and step.infer_kind:
            result = _an_additive_constant(result, step, source, lhs, facts, values, derivation)
        # the link's own sides (a continuation's verdict is about its source and right side)
        link_sides = (source if source is not None else lhs, step.rhs)
        if (facts.unread or facts.released or facts.unsolved) and result.verdict in (
            Verdict.VERIFIED,
            Verdict.REFUTED,
        ):
            result = _through_an_unread_definition(result, link_sides, facts)
        if result.verdict in (Verdict.VERIFIED, Verdict.REFUTED) and step.infer_kind:
            result = _through_a_hidden_dependence(result, link_sides, facts)
        if system is not None:
            # a row of the system the derivative set to zero starts: the author's condition (a
            # given below, when it states a value), never a fact established, whatever its verdict
            chain_holds = False
        verified = result.verdict is Verdict.VERIFIED
        # What the report shows is the chain's "lhs = rhs": for particular values only when the
        # step or an earlier link of its chain was checked for them.
        if verified and (own or (step.continues and chain_values is None)):
            result = replace(result, conditional=True)
        established = result.verdict in (Verdict.VERIFIED, Verdict.DEFINITION, Verdict.GIVEN)
        link_values = {}
        if result.conditional:
            link_values = own or None
            chain_values = _merged(chain_values, link_values)
        if verified:
            # The link itself holds (for its values, if it has any); the chain's "lhs = rhs"
            # only when every earlier link held too (a refuted link in the middle breaks the
            # chain), and only for particular values when a link needed them.
            link_domain = list(result.domain_conditions)
            facts.defined_where.update(result.defined_where)
            chain_domain += [c for c in link_domain if c not in chain_domain]
            chain_held += [c for c in result.held_conditions if c not in chain_held]
            # Only equations are facts: a \le b or a \propto b is not an equation to use, nor
            # an antiderivative (\int x dx = x^2/2 holds up to a constant; so does the chain).
            if is_antiderivative(result):
                chain_holds = False
            elif step.continues and source is not None and link_relation == "=":
                facts.add(
                    step.label, source, step.rhs, link_values, link_domain, result.held_conditions
                )
            if chain_holds and chain_relation == "=":
                facts.add(step.label, lhs, step.rhs, chain_values, chain_domain, chain_held)
        if result.verdict not in (Verdict.DEFINITION, Verdict.VERIFIED):
            # what a row other than a definition says about a function (g(2) = 3) keeps a
            # later row from defining it (_applied_only); a verified row holds for every
            # function, and a claim that writes it only under an integral, a sum or an
            # expectation (E[e^{tX}] = \int e^{tX} f(X) dX) says nothing of its values
            given = result.verdict is Verdict.GIVEN or step.kind is StepKind.GIVEN
            for side in (lhs, step.rhs):
                if side is not None:
                    facts.stated |= _functions_said_of(side, bound_too=given)
        if system is not None:
            # the author's condition for the rows after it, as any row of a system is
            if any(_stated_value(e) for e in (lhs, step.rhs)) and (
                _given_contradiction(lhs, step.rhs, facts) is None
            ):
                if result.verdict is Verdict.REFUTED:
                    # (with the condition it fails to follow from, it could fix the values)
                    _drop_stationary_given(facts)
                given = _give(step, lhs, facts)
                system_gave = True
                result = replace(result, warnings=(*result.warnings, *given.warnings))
        usable = (
            established
            and chain_holds
            and chain_relation == "="
            and (not step.condition or result.verdict is Verdict.DEFINITION)
        )
        if not established and link_relation == "=":
            _named_by_a_known_side(link_sides, facts, step)
        facts.remember(step, lhs, usable=usable)
        if supposed or supposed_relation:
            facts.premise_made()  # what the premise defined ends with the implication
        written = source if source is not None else lhs
        if not established and link_relation == "=" and written is not None:
            if not step.condition:
                line = step.place.line if step.place else None
                if not step.continues or step.rhs.is_number:
                    # a chain's link rewrites (an identity claimed, L(\lambda) = \prod ... =
                    # \lambda^n ...); a row of its own may be an equation to solve (e^z =
                    # \frac{P}{1-P}), and so may a link to a number (x^2 - 5x + 6 = (x-2)(x-3)
                    # = 0): only those are ones a later value must not contradict (a typo's
                    # refuted link refuted the right MLE after it)
                    facts.unsettled.append((line, written, step.rhs))
                if result.verdict is Verdict.UNKNOWN:
                    facts.unproved.append((line, written, step.rhs))
        chain_holds = chain_holds and established
        chain_proved = (
            chain_proved
            and result.verdict is Verdict.VERIFIED
            and not implied
            and not result.conditional
            and not step.condition
            and not step.follows
        )
        if lhs is not None:
            # what the chain says of its left side, for a row that writes it again: only an
            # equation stated outright (no premise, conclusion, condition, given, other relation)
            assigned = result.reason.startswith("not checked: an assignment")
            chain_states = chain_states and not (
                step.condition
                or supposed
                or supposed_relation
                or step.follows
                or implied
                or assigned
                or result.verdict is Verdict.GIVEN
            )
            key = _about_key(lhs)
            if chain_states and chain_relation == "=" and link_relation == "=":
                line = step.place.line if step.place else None
                written_about[key] = (line, step.rhs, step.section, chain_holds, lhs)
            else:
                written_about.pop(key, None)
            renamed = (
                result.verdict is Verdict.DEFINITION
                or result.reason.startswith("redefines")
                or assigned
            )
            if renamed:
                # a name given a (new) value: what earlier equations said through it is stale
                for other, (_, before, _, _, about) in list(written_about.items()):
                    if other != key and any(
                        isinstance(e, sp.Basic) and e.has(lhs) for e in (before, about)
                    ):
                        written_about.pop(other, None)
        result = _with_latex(result, lhs, step.rhs, time.monotonic() - started)
        result = replace(
            result,
            relation=chain_relation or link_relation,
            follows="implies" if implied else step.follows,
        )
        results.append(result)
        if on_step is not None:
            on_step(result)
        previous = Step(
            step.claim, lhs, step.rhs, step.kind, step.label, from_assumption=step.from_assumption
        )
        previous_rhs = step.rhs
    return DerivationReport(derivation, tuple(results))


NO_PROOF = "no symbolic proof found (rule search and algebra)"


def _nothing_to_solve(premise, facts: Facts, values) -> bool:
    """Whether the equation before (an implication's premise) names no unknown once the
    definitions and values are put in: a statement about numbers (``\\sum_{k=1}^{\\infty}
    1/k^2 = \\pi^2/8``), true or false, and no equation a system solves."""
    sides, _relation, _established = premise
    try:
        unfolded = [_unfolded(side, facts, values) for side in sides]
    except (ValueError, TypeError, RecursionError):
        return False
    return all(isinstance(side, sp.Basic) and not side.free_symbols for side in unfolded)


def _vacuous_premise(premise, facts: Facts, values) -> str | None:
    """Why what follows from the equation before (not established) follows vacuously: it names
    no unknown ("numbers"), or the declarations and the givens leave no value satisfying it
    (``x^2 + 1 = 0``, "no value"); else None."""
    if _nothing_to_solve(premise, facts, values):
        return "numbers"
    sides = premise[0]
    if len(sides) == 2 and all(isinstance(side, sp.Basic) for side in sides):
        if _given_contradiction(sides[0], sides[1], facts) is not None:
            return "no value"
    return None


def _from_unsettled_row(
    implied: StepResult, before: StepResult | None, alone: StepResult, vacuous: str = "numbers"
):
    r"""A row shown to follow from the row before, when that row is a statement about numbers
    that is not established: no equation of a system, so that what follows from it (from a
    false one, anything does) is unknown, naming that row, as :func:`_from_unproved` says
    (``\sum_{k=1}^{\infty} 1/k^2 = \pi^2/8``, refuted, then ``8 \sum_{k=1}^{\infty} 1/k^2 =
    \pi^2`` carried from it: never verified). Returns the result and False (the row is not
    implied). What the row needs as an identity of its own (``alone``, when that names a
    condition) is said too."""
    place = before.step.place if before is not None else None
    where = f"line {place.line}" if place and place.line else "the row before"
    refuted = before is not None and before.verdict is Verdict.REFUTED
    state = "refuted" if refuted else "not established"
    rules = ", ".join(implied.rules)
    settle = "" if refuted else ": settle it (declare what it needs) and this one follows"
    if vacuous == "numbers":
        reason = (
            f"follows from {where}, the row before ({rules}), but that row, an equation between "
            f"numbers with nothing to solve for, is {state}{settle}"
        )
    else:
        reason = (
            f"follows from {where}, the row before ({rules}), but no value the declarations "
            "and the givens allow satisfies that row: anything follows from it, vacuously"
        )
    if alone.verdict is Verdict.UNKNOWN and " needs " in alone.reason:
        reason += f"; as an identity of its own: {alone.reason}"
    return StepResult(
        implied.step, Verdict.UNKNOWN, implied.rules, reason, None, implied.warnings
    ), False


def _about_key(lhs) -> str:
    """The text a left side is known by (``written_about``): its canonical form's."""
    try:
        return sp.srepr(canonical(lhs))
    except (ValueError, TypeError, RecursionError):
        return repr(lhs)


def _repeated_left_side(result, step, lhs, written_about, facts, values, timeout, step_values):
    r"""A row of a document that writes again the left side of an earlier equation of its
    section (``\mathbb{E}[K] = A``, then a display later ``\mathbb{E}[K] = B``: authors write a
    chain so, one row per display), when it is ``unknown`` as a claim of its own: the step from
    that row's right side, checked as a chain's link is. Verified with a symbolic proof of A =
    B, a warning saying so when the earlier equation is not established (then neither is
    this row, and it adds no fact); unknown naming a condition the step needs. Never refuted
    by it: A and B differing may be the author's new case or example, or a correction (red
    team: "For a fair coin, E[K] = n/2" after E[K] = np); the row stays unknown, its reason
    saying where the right sides differ. Returns the result and whether the earlier equation
    holds, or None when the row is no such step: the same right side written again (a
    restatement shows no step: a theorem's claim repeated at the end of its proof), another
    section, or no earlier equation (``written_about``: only equations stated outright, no
    premise, condition, given or relation other than =)."""
    if (
        not step.infer_kind
        or step.continues
        or lhs is None
        or result.verdict is not Verdict.UNKNOWN
        or not result.reason.startswith(NO_PROOF)
    ):
        return None
    if timeout is not None and timeout < MIN_UNPROVED_TRY:
        return None
    earlier = written_about.get(_about_key(lhs))
    if earlier is None:
        return None
    line, before, section, holds, _ = earlier
    if section != step.section or before is None or before == step.rhs:
        return None
    try:
        again = _claim(step, before, facts, values, timeout, step_values)
    except (ValueError, TypeError, RecursionError, InputError):
        return None
    where = f"line {line}" if line else "an earlier row"
    said = f"{latex(lhs)} = {latex(before)}"
    if again.verdict is Verdict.VERIFIED:
        reason = f"the step from {where} ({said}), which writes the same left side"
        if again.reason:
            reason += f": {again.reason}"
        warnings = again.warnings
        if not holds:
            warnings += (
                f"the step from {where}, which writes the same left side; the equation there "
                "is not established, so neither is this row's",
            )
        return replace(again, reason=reason, warnings=warnings), holds
    if again.verdict is Verdict.REFUTED and again.counterexample is not None:
        at = ", ".join(f"{k} = {v}" for k, v in again.counterexample.values)
        reason = (
            f"{result.reason}; nor is it the step from {where} ({said}), which writes the same "
            f"left side: the two right sides differ at {at} (a new case or example? say so)"
        )
        return replace(result, reason=reason), False
    if again.verdict is Verdict.UNKNOWN and again.rules:
        # a rule carries the step but for a condition: that says more than "no proof found"
        reason = f"the step from {where} ({said}), which writes the same left side: {again.reason}"
        return replace(again, reason=reason), holds
    return None


UNPROVED_TRIES = 2  # the latest earlier rows a claim with no proof is tried from
MIN_UNPROVED_TRY = 0.05  # CPU seconds: less left of the step's limit, no try is begun


def _left_of(timeout, cpu_started: float):
    """What is left of a step's time limit (CPU seconds) begun at ``cpu_started``; None: none."""
    if not timeout:
        return None
    return timeout - (time.process_time() - cpu_started)


def _from_unproved(result, step, source, facts: Facts, values, timeout, step_values):
    r"""A claim with no proof of its own that follows from an earlier row left ``unknown``
    (``\mathbb{E}[x] = \lambda`` written again after a display that ended ``\mathbb{E}[x] =
    \sum_x ...``, no law of x declared): still ``unknown``, since that row is not established,
    but the reason names it, and the rules that carry the step from it. The row is used as an
    earlier equation is (substitute), for this check only: never a fact, never a verdict. The
    latest rows whose sides this step writes are tried, one at a time, at most
    ``UNPROVED_TRIES``. ``timeout``: what is left of the step's time limit (CPU seconds), shared
    by the tries: the step's own search has spent the rest, and a step never gets its limit
    twice (a row of a binomial's moments took 20 s at ``--timeout 10``)."""
    if not result.reason.startswith(NO_PROOF) or not facts.unproved or source is None:
        return result
    if timeout is not None and timeout < MIN_UNPROVED_TRY:
        return result
    deadline = None if timeout is None else time.process_time() + timeout
    try:
        sides = [facts.unfold(e) for e in (source, step.rhs)]
    except (ValueError, TypeError, RecursionError):
        return result
    tried = 0
    for line, a, b in reversed(facts.unproved):
        if tried >= UNPROVED_TRIES:
            break
        if a is None or b is None:
            continue
        written = [canonical(e) for e in (a, b) if not e.is_number]
        if not any(side.has(e) for e in written for side in sides):
            continue  # the step writes neither side of that row
        tried += 1
        lhs, rhs = facts.at_points(facts.named(a)), facts.at_points(facts.named(b))
        premise = Equation(canonical(lhs), canonical(rhs), None, "claim")
        extended = replace(
            facts,
            verified=[*facts.verified, (None, lhs, rhs)],
            equations=[*facts.equations, premise],
        )
        left = None if deadline is None else deadline - time.process_time()
        if left is not None and left < MIN_UNPROVED_TRY:
            break
        try:
            again = _claim(step, source, extended, values, left, step_values)
        except (ValueError, TypeError, RecursionError, InputError):
            continue
        if again.verdict is not Verdict.VERIFIED:
            continue
        where = f"line {line}" if line else "an earlier row"
        return StepResult(
            step,
            Verdict.UNKNOWN,
            again.rules,
            f"follows from {where} ({latex(a)} = {latex(b)}) by the rules named, but that row "
            "is not established: settle it (declare what it needs) and this one follows",
            None,
            result.warnings,
        )
    return result


def _naming_functions_put_in(result: StepResult, trees, facts: Facts) -> StepResult:
    """A refutation of a row that applies functions defined earlier says which definitions it
    put in (``f(u) = \\frac{1}{u}`` after ``f(x) = \\frac{1}{1 + e^{-x}}``: the counterexample's
    left side is the sigmoid's value, and the reader was not told why)."""
    heads = []
    for tree in trees:
        if isinstance(tree, sp.Basic):
            heads += [(f.func, len(f.args)) for f in tree.atoms(AppliedUndef)]
    named = []
    for key in facts.definitions:
        if not isinstance(key, AppliedUndef) or key in named:
            continue
        if (key.func, len(key.args)) in heads:  # \mathcal{L}(p) is not \mathcal{L}(\lambda, x)
            named.append(key)
    if not named or not result.reason:
        return result
    shown = []
    for key in named[:3]:
        line = facts.defined_at.get(key)
        shown.append(f"{latex(key)} as defined" + (f" at line {line}" if line else " before"))
    return replace(result, reason=f"{result.reason} (with {', '.join(shown)})")


def _a_plain_number(value) -> bool:
    """Whether ``value`` is a number as written (``\\frac{3}{10}``, ``\\sqrt{2}``), not an
    integral, sum or limit that evaluates to one."""
    return (
        isinstance(value, sp.Basic)
        and value.is_number
        and not value.has(sp.Integral, sp.Sum, sp.Product, sp.Limit, sp.Derivative)
    )


def _a_new_name(source, facts: Facts) -> bool:
    """Whether ``source`` is a plain name nothing defines yet (the left side of a row naming an
    optimum, ``\\hat{p} = \\arg\\max_p l(p)``)."""
    return isinstance(source, sp.Symbol) and not any(
        str(d) == str(source) for d in facts.definitions
    )


def _unwritten_range(result: StepResult, facts: Facts, *trees) -> StepResult:
    r"""A refutation whose counterexample gives a value to the bound of a range the author did
    not write (``\sum_k``: k = 1..n_k) is no refutation: the author's range may be the one
    where the step holds (``\sum_i 1 = n`` for i = 1..n). It is ``unknown``, naming it."""
    if result.counterexample is None:
        return result
    bounds = unwritten_bounds(*(facts.unfold(t) for t in trees if t is not None))
    names = {latex(b): b for b in bounds}
    taken = [(name, value) for name, value in result.counterexample.values if name in names]
    if not taken:
        return result
    if all(name in result.counterexample.every_length for name, _ in taken):
        # refuted at every length tried too (0, 1, 2, ...), in a step that names nothing else
        # that could be the length: no range the author could have meant makes it hold
        indices = ", ".join(sorted(str(names[n].name)[2:] for n, _ in taken))
        note = (
            f"the range of {indices} is not written: the two sides differ at every length "
            "tried, not only at the one shown (from 2 where a free index names a member of "
            "the range, read as one term among others: at 1 the sum is that member alone)"
        )
        return replace(result, warnings=(*result.warnings, note))
    shown = ", ".join(f"{name} = {value}" for name, value in taken)
    indices = ", ".join(sorted(str(names[n].name)[2:] for n, _ in taken))
    return StepResult(
        result.step,
        Verdict.UNKNOWN,
        (),
        f"the range of {indices} is not written (\\sum_{{{indices}}} is read over "
        f"1..n_{{{indices}}}): the two sides differ only at an invented length ({shown}); "
        "write the range, "
        f"\\sum_{{k=1}}^{{K}}, to decide the step",
        None,
        result.warnings,
    )


def _where_definition(step: Step, lhs, facts: Facts) -> StepResult:
    r"""The definition after "where" in a document's row (``\hat y = \sigma(z)``): taken as a
    definition when it names a new quantity (a name no row before has used, alone on its left,
    not on its right) by an expression that is no number; else it is not used, and says why
    (``where x = 3`` gives a value for that equation only; a name met before is not redefined
    in passing)."""
    if step.rhs.is_number:
        why = "it gives a value, which holds for that equation only"
    elif not _is_new_definition(step, lhs, facts):
        why = "it does not name a new quantity (a name alone on its left, met in no row before)"
    else:
        return _define(step, lhs, facts)
    return StepResult(
        step,
        Verdict.UNKNOWN,
        (),
        f"not used: the equation after 'where' is read as a definition only, and {why}",
    )


def _unrelated_sides(result: StepResult, facts: Facts, lhs, rhs) -> StepResult:
    r"""A refuted row of its own whose two sides share no name, even with every definition put
    in, one side's names written for the first time (``\mu_2 - \mu_1^2 = n p (1 - p)``, the
    moments named in prose): refuted as written (it claims the equation for every value of
    its names), with a warning that says so and how to give the names their meaning."""
    if result.counterexample is None or lhs is None or rhs is None:
        return result

    def names(side) -> set:
        try:
            e = facts.unfold(side)
        except (ValueError, TypeError, RecursionError):
            e = side
        out = {str(s) for s in e.free_symbols if isinstance(s, sp.Symbol)}
        out |= {str(a.base) for a in e.atoms(sp.Indexed)}
        return out | {str(f.func) for f in e.atoms(AppliedUndef)}

    left, right = names(lhs), names(rhs)
    if not left or not right or left & right:
        return result
    # ... and one side's names all new here: no earlier row relates them to anything
    known = {str(s) for s in facts.seen} | {str(d) for d in facts.definitions}
    known |= {str(d.func) for d in facts.definitions if isinstance(d, AppliedUndef)}
    if left & known and right & known:
        return result
    fresh = right if right & known else left
    named = ", ".join(latex(sp.Symbol(n)) for n in sorted(fresh))
    note = (
        f"the two sides share no name, and {named} {'is' if len(fresh) == 1 else 'are'} "
        "written here for the first time: if the prose says what "
        f"{'it is' if len(fresh) == 1 else 'they are'}, put that on a row of its own before "
        "this one"
    )
    return replace(result, warnings=(*result.warnings, note))


def _known_names(facts: Facts) -> frozenset:
    """The names met or defined so far, as refute.UNSETTLED writes them (:func:`_typed_name`)."""
    known = {_typed_name(n) for n in facts.seen} | {_typed_name(d) for d in facts.definitions}
    known |= {_typed_name(d.base) for d in facts.definitions if isinstance(d, sp.Indexed)}
    return frozenset(known)


def _unsettled_names(step: Step, facts: Facts, known: frozenset) -> frozenset:
    r"""The names of the link ``step`` whose relation to the others is open there
    (refute.UNSETTLED): named in passing, defined by a row not read or as an optimum not found,
    given a value under another heading, and those written for the first time in its chain
    (``known``: the names met before the chain began), which the prose after the display may
    say (``\sigma(z) \frac{u}{1 + u} = ...``, "where $u = e^{-z}$")."""
    open_ = {**facts.in_passing, **facts.unread, **facts.unsolved, **facts.released}
    out = {f"{kind}:{n}" for n in open_ for kind in "sf"}
    for side in (step.lhs, step.rhs):
        if isinstance(side, sp.Basic):
            names = {s for s in side.free_symbols if isinstance(s, sp.Symbol)}
            names |= {a.base for a in side.atoms(sp.Indexed)}
            # declared names (--assume) are settled: any value of theirs is the author's
            names = {n for n in names if _plain_name(n) in facts.defaulted}
            out |= {_typed_name(n) for n in names} - known
    return frozenset(out)


def _plain_name(n) -> str:
    """A symbol's or a family's name as text (the label of x of x_i)."""
    return str(n.label) if isinstance(n, sp.IndexedBase) else str(n)


def _typed_name(n) -> str:
    """A name as refute.UNSETTLED holds it: ``s:x`` for the symbol x, ``f:x`` for the family x
    (x_1, x_k), so that x_1 is new beside an index x met before."""
    if isinstance(n, sp.IndexedBase):
        return f"f:{n.label}"
    if isinstance(n, sp.Indexed):
        return f"f:{n.base.label}"
    return f"s:{n}"


def _named_by_a_known_side(sides, facts: Facts, step: Step) -> None:
    r"""Names a row not established writes for the first time, all on one side, whose other
    side is a quantity written before (``\ln p(\mu|D) = \ln \mathcal{N}(\mu|\hat m,
    \hat\sigma^2)`` after ``\ln p(\mu|D)`` was worked on): the row says what they must be
    (the posterior's mean and variance, matched against that work later), it claims nothing for
    every value of theirs. They are named in passing (``facts.in_passing``): a later row refuted
    only by a value of theirs is unknown (:func:`_named_in_passing`). A row of its own with new
    names (``(u + v)^2 = u^2 + v^2``) claims its equation for every value of them."""
    if step.continues or not all(isinstance(e, sp.Basic) for e in sides):
        return  # a link rewrites the chain's quantity: its new names are _named_in_passing's
    known = {str(s) for s in facts.seen} | {str(d) for d in facts.definitions}
    line = step.place.line if step.place else None
    for side, other in (sides, sides[::-1]):
        if other.is_number or str(canonical(other)) not in facts.sides_written:
            continue
        # a name declared (--assume) is no name met in passing: only the document's defaults
        new = (_name_texts(side) - _name_texts(other) - known) & set(facts.defaulted)
        for name in sorted(new):
            facts.in_passing.setdefault(name, line)


def _named_in_passing(result: StepResult, facts: Facts, step: Step, sides=None) -> StepResult:
    r"""A refutation of a document's continuation whose counterexample gives a value to a
    name the continuation writes for the first time (not declared, not defined, in no row
    before: ``= -\sum_j \ell_j`` after ``L = -\sum_j y_j \log p_j``) is no refutation: the
    author names the new quantity in passing, and says what it is by the row itself (or in
    prose). It is ``unknown``, naming it, and so is a later row's refutation by a value of a
    name met so (``m`` of ``= m \ln\theta + \dots``, "where m = ..." in prose only). A row of
    its own (``(a+b)^2 = a^2 + b^2`` with a, b new) claims its equation for every value of its
    names, and stays refuted."""
    if result.counterexample is None:
        return result
    known = {str(s) for s in facts.seen} | {str(d) for d in facts.definitions}
    known |= {str(d.base) for d in facts.definitions if isinstance(d, sp.Indexed)}
    known |= {str(d.func) for d in facts.definitions if isinstance(d, AppliedUndef)}
    written = []
    for side in (step.lhs, step.rhs):
        if side is None:
            continue
        written += [s for s in side.free_symbols if isinstance(s, sp.Symbol)]
        written += [a.base for a in side.atoms(sp.Indexed)]
        written += [a.func for a in side.atoms(AppliedUndef)]
    new = {
        str(n): n
        for n in written
        if step.continues and str(n) in facts.defaulted and str(n) not in known
    }
    earlier = {str(n): n for n in written if str(n) in facts.in_passing}
    shown = {latex(n): n for n in (new | earlier).values()}
    taken = [
        name
        for name, _ in result.counterexample.values
        if name in shown or any(name.startswith(f"{t}_") for t in shown)
    ]
    if not taken:
        return result
    if sides is not None and all(isinstance(e, sp.Basic) for e in sides):
        try:  # \hat m + 1 = \hat m + 2 is false whatever \hat m is
            depends = _name_texts(sp.simplify(facts.unfold(sides[0] - sides[1])))
        except Exception:  # noqa: BLE001 - SymPy failed: as written
            depends = set(new) | set(earlier)
        if not depends & (set(new) | set(earlier)):
            return result
    line = step.place.line if step.place else None
    for name in new:
        facts.in_passing[name] = line
    why = []
    if new:
        why.append(
            f"{', '.join(sorted(latex(n) for n in new.values()))} is written here for the "
            "first time: the row names it in passing"
        )
    for name, n in sorted(earlier.items()):
        at = facts.in_passing[name]
        where = f" at line {at}" if at else ""
        why.append(f"{latex(n)} was named in passing{where}, and nothing says what it is")
    return StepResult(
        result.step,
        Verdict.UNKNOWN,
        (),
        f"{'; '.join(why)}; the counterexample found gives it a value ({', '.join(taken)}): "
        "define it on a row of its own (or declare it) to decide the step",
        None,
        result.warnings,
    )


def _unreadable(step: Step, before: Step | None) -> StepResult:
    """An unreadable step, with the reader's message; or a continuation ``= b`` right after
    one (``before``) or with nothing before it (``before`` None), which has nothing to be
    checked against and starts a new chain (``b = ...``)."""
    if step.unreadable is not None:
        return StepResult(step, Verdict.UNREADABLE, reason=step.unreadable)
    if before is None:
        why = "there is no formula before it to continue"
    elif before.place is not None and before.place.line is not None:
        why = f"the formula it continues (line {before.place.line}) could not be read"
    else:
        why = "the formula it continues could not be read"
    return StepResult(
        step,
        Verdict.UNKNOWN,
        reason=f"not checked: {why}; a new chain starts here",
        rhs_latex=latex(step.rhs),
    )


def _check_values(values: dict, step: Step) -> None:
    """A 'where' value must meet its symbol's declaration (x = -1 for a positive x would make
    every verdict about a point the assumptions exclude)."""
    for atom, value in values.items():
        name = broken_declaration(atom, value)
        if name is not None:
            raise InputError(
                f"'where' gives {latex(atom)} = {latex(value)}, but {latex(atom)} is "
                f"declared {name}",
                line=step.place.line if step.place else None,
            )


def _merged(a: dict | None, b: dict | None) -> dict | None:
    if a is None or b is None or any(k in a and a[k] != v for k, v in b.items()):
        return None
    return {**a, **b}


def _undefined_means(exprs, facts: Facts) -> dict:
    r"""``{\bar{X}: \frac{1}{n} \sum_{k=1}^{n} X_k}`` for each barred name of ``exprs`` that
    nothing defines or constrains (no definition, no given) and whose letter is a family the
    expressions sum over one range only: the mean that notation conventionally names."""
    out = {}
    for name in {x for e in exprs for x in e.free_symbols if isinstance(x, sp.Symbol)}:
        letter = name.name.removeprefix("bar")
        if letter == name.name or not letter or name in facts.definitions:
            continue
        if any(name in (a.free_symbols | b.free_symbols) for a, b in facts.givens):
            continue
        ranges = {
            (s.limits[0][1], s.limits[0][2], s.limits[0][0], a)  # a: the member as written
            for e in exprs
            for s in e.atoms(sp.Sum)
            if len(s.limits) == 1
            for a in s.function.atoms(sp.Indexed)
            if str(a.base) == letter and a.indices == (s.limits[0][0],)
        }
        if len({(lo, hi) for lo, hi, _, _ in ranges}) != 1:
            continue
        lo, hi, k, member = next(iter(ranges))
        out[name] = sp.Sum(member, (k, lo, hi)) / (hi - lo + 1)
    return out


def _undefined_mu(exprs, facts: Facts) -> dict:
    r"""``{\mu: E(X)}`` when ``\mu`` (the plain letter) stands in ``exprs``, nothing defines or
    constrains it (no definition, no given), and the expressions hold the expectation of one
    name and of no other, ``E(X)`` (the applied ``E`` of a document that defines or declares it,
    or an expectation ``\mathbb{E}[X]``): the mean that letter conventionally names (the
    variance written ``E(X^2) - 2 \mu E(X) + \mu^2``, ja/qnqn1927-binomial-moments line 94)."""
    mus = {x for e in exprs for x in e.free_symbols if isinstance(x, sp.Symbol) and x.name == "mu"}
    if len(mus) != 1:
        return {}
    (mu,) = mus
    if mu in facts.definitions or any(
        mu in (a.free_symbols | b.free_symbols) for a, b in facts.givens
    ):
        return {}
    candidates = set()
    for e in exprs:
        for node in e.atoms(Expectation, AppliedUndef):
            if isinstance(node, AppliedUndef) and node.func.__name__ != "E":
                continue
            if isinstance(node, Expectation) and len(node.args) != 1:
                continue
            (body, *_) = node.args
            if len(node.args) == 1 and isinstance(body, sp.Symbol):
                candidates.add(node)
    if len(candidates) != 1:
        return {}
    return {mu: candidates.pop()}


def _mean_reading(result: StepResult, step: Step, source, facts: Facts, values, timeout):
    r"""A refutation that needs a barred name to be a number of its own (``\bar{X} = 2`` beside
    ``X_1 = 1``, n = 1) where nothing defines it, is no refutation when the step is not refuted
    with the name read as the mean of its family over the range the step sums it
    (:func:`_undefined_means`): the author uses the conventional meaning without writing it.
    It is ``unknown``, naming the reading that would decide it."""
    if result.counterexample is None or source is None:
        return result
    means = {
        **_undefined_means([source, step.rhs], facts),
        **_undefined_mu([source, step.rhs], facts),
    }
    if not means:
        return result
    again = _claim(
        replace(step, rhs=step.rhs.xreplace(means)),
        source.xreplace(means),
        facts,
        values,
        timeout,
    )
    if again.verdict is Verdict.REFUTED:
        return result
    shown = ", ".join(f"{latex(bar)} = {latex(mean)}" for bar, mean in means.items())
    outcome = "holds" if again.verdict is Verdict.VERIFIED else "is not refuted"
    reason = (
        f"not decided: refuted only while {', '.join(latex(b) for b in means)} is a number of "
        f"its own, which no row defines; read as the mean, {shown}, the step {outcome}: "
        "define it to decide the step"
    )
    return StepResult(step, Verdict.UNKNOWN, again.rules, reason, None, result.warnings)


def _two_different_fractions(step, source, target) -> StepResult | None:
    """Refuted: an equation between two numbers that are different fractions (``10 \\cdot
    0.85 = 8.6``), whatever the givens say. Arithmetic needs no premise, and an opaque given
    (``\\mathbb{E}[X] = 10 \\cdot 0.85`` before it) left the refuter no point to try."""
    if step.relation != "=" or not all(isinstance(e, sp.Basic) for e in (source, target)):
        return None
    try:
        a, b = canonical(source), canonical(target)
    except (TypeError, ValueError, TooLarge):
        return None
    if not (a.is_Rational and b.is_Rational) or a == b:
        return None
    if max(abs(x.p).bit_length() + x.q.bit_length() for x in (a, b)) > 200:
        return None  # (1/2004! is no value to print: the refuter's way, as before)
    return StepResult(
        step,
        Verdict.REFUTED,
        (),
        "the two sides differ",
        Counterexample((), str(a), str(b)),
    )


def _claim(step, source, facts, values, timeout, step_values=None, origin=None) -> StepResult:
    """Check a claim under the time limit; the limit running out is ``unknown``. ``origin``:
    for a continuation, the first row ``(lhs, rhs)`` of its chain: what it needs is the
    chain's domain, within which every later row is judged."""
    target, turned, opaque = step.rhs, [], False
    differ = _two_different_fractions(step, source, target)
    if differ is not None:
        return differ
    facts = _narrowed(facts, source, target)
    facts = _without_its_own_stationarity(facts, source, target)
    if source is not None and (matrices.has_matrices(source) or matrices.has_matrices(target)):
        if matrices.involved(source, target):
            decided = _guarded(step, timeout, lambda: matrices.decide(step, source, target))
            if decided is not None:
                return decided
            opaque = True  # 1 x 1 products in a sum: opaque scalars to the scalar checker
        # e^{x^T w} = e^{w^T x}: a 1 x 1 product inside a function is its own transpose
        turned_sides = matrices.canonical_scalars(step, source, target)
        turned = turned_sides[2]

    def check(src, tgt) -> StepResult:
        return _guarded(
            step,
            timeout,
            lambda: _check_claim(
                step, src, tgt, facts, values, timeout, step_values, origin, opaque
            ),
        )

    result = check(source, target)
    if result.verdict is Verdict.UNKNOWN and not step.condition and source is not None:
        result = _within_conditioned_definitions(
            step, source, facts, values, timeout, origin, result
        )
    if turned and result.verdict is Verdict.UNKNOWN:
        # as written first (the definitions the step uses are as written), then turned
        again = check(*turned_sides[:2])
        if again.verdict is Verdict.VERIFIED:
            result = replace(
                again,
                rules=(*again.rules, "transpose_1x1"),
                conditions=(*again.conditions, *matrices.turned_conditions(turned)),
            )
    return result


def _within_conditioned_definitions(step, source, facts, values, timeout, origin, result):
    r"""A claim about quantities defined under a condition (``f(x) = \frac{1}{1+e^{-ax}} \quad
    (a > 0)``, a density of parameters not declared: a Piecewise with no piece for "otherwise")
    that its source, or its chain's first row, uses: checked again where they are defined, its
    names strengthened by the conditions (check/conditioned.py). Verified there, it is verified
    *where* they hold (its domain, shown); refuted there, by a point where they hold. Otherwise
    (or when a condition is not one of <, \le, >, \ge, \neq, or names a bound variable) the
    first ``result`` stands. Conditions only the right side needs are not taken: the step would
    introduce them."""
    if result.reason == _timed_out(timeout):
        return result
    trees = [source, *(origin or ())]
    unfolded = [facts.unfold(t) for t in trees if isinstance(t, sp.Basic)]
    needs = parameter_needs(*unfolded)
    # a condition on a variable something binds (g'(-1): the derivative's own variable, put
    # at -1; \lim_{t \to -1} g(t); an evaluation bar) is no condition on the step's names
    free = set().union(*(t.free_symbols for t in unfolded)) if unfolded else set()
    atoms, keys = [], []
    for need in needs:
        op = _CONDITION_OPS.get(type(need))
        if op is None or not need.free_symbols <= free or _binds(unfolded, need.free_symbols):
            return result
        a, b = need.args
        atoms.append((op, a, b))
        if op == "!=":
            keys.append(("nonzero", canonical(a - b)))
        else:
            pred = "positive" if op in ("<", ">") else "nonnegative"
            keys.append((pred, canonical(a - b if op in (">", ">=") else b - a)))
    if not atoms:
        return result
    shown = tuple(latex(need) for need in needs)
    under = replace(step, condition=tuple(atoms), condition_text=", ".join(shown))
    try:
        again = _claim_under(under, step.lhs, source, facts, values, timeout, origin)
    except conditioned.NotUsable:
        return result
    if again.verdict is Verdict.VERIFIED:
        # The domain in the names as written: a strengthened name holds the conditions by its
        # assumptions, and a fact whose domain held so would be used anywhere. What names a
        # margin (the conditions' own) is said by the conditions themselves.
        written = {
            s.name: s
            for t in (*trees, step.rhs)
            if isinstance(t, sp.Basic)
            for s in t.free_symbols
            if isinstance(s, sp.Symbol)
        }
        inner = []
        for pred, expr in again.domain_conditions:
            names = {s for s in expr.free_symbols if isinstance(s, sp.Symbol)}
            if any(s.name.startswith(conditioned.MARGIN) for s in names):
                continue
            plain = (pred, canonical(expr.xreplace({s: written.get(s.name, s) for s in names})))
            if plain not in keys and plain not in inner:
                inner.append(plain)
        return replace(
            again,
            step=step,
            domain=tuple(_unique([*shown, *again.domain])),
            domain_conditions=(*keys, *inner),
            defined_where=tuple(keys),
        )
    if again.verdict is Verdict.REFUTED:
        return replace(again, step=step)
    return result


def _binds(trees, names) -> bool:
    """Whether a derivative's point, a limit, a substitution or a range in ``trees`` binds one
    of ``names`` somewhere (it may be free elsewhere in the same tree)."""
    for tree in trees:
        for node in sp.preorder_traversal(tree):
            if isinstance(node, sp.Subs) and set(node.variables) & names:
                return True
            if isinstance(node, sp.Limit) and node.args[1] in names:
                return True
            if isinstance(node, ExprWithLimits) and set(node.variables) & names:
                return True
    return False


_CONDITION_OPS = {
    sp.StrictGreaterThan: ">",
    sp.GreaterThan: ">=",
    sp.StrictLessThan: "<",
    sp.LessThan: "<=",
    sp.Unequality: "!=",
}


def _no_derivative_by_a_defined_power(expr, definitions) -> None:
    """Raise :class:`NotAVariable` for a derivative by a name whose power is defined (``x^4 =
    1``, then d/dx x^4): the definition ties the name down, as ``x = 1`` does, and put into the
    derivative's body it would make d/dx x^4 the derivative of a number."""
    if not isinstance(expr, sp.Basic) or not expr.has(sp.Derivative):
        return
    bases = {d.base for d in definitions if isinstance(d, sp.Pow)}
    if bases and any(v in bases for d in expr.atoms(sp.Derivative) for v in d.variables):
        raise NotAVariable("a derivative by a name whose power is defined")


NOT_A_VARIABLE = (
    "not checked: a definition would replace the variable of a derivative (d/dx with x "
    "defined as an expression)"
)


def _guarded(step: Step, timeout, decide) -> StepResult:
    """Run ``decide()`` under the step's time limit: the limit running out, or SymPy failing on
    an unusual tree, is ``unknown`` saying so (never a verdict on the step); checking goes on."""
    try:
        with time_limit(timeout):
            return decide()
    except StepTimeout:
        return StepResult(step, Verdict.UNKNOWN, reason=_timed_out(timeout))
    except RecursionError:
        return StepResult(step, Verdict.UNKNOWN, reason="expression nested too deeply")
    except InputError:
        raise
    except NotAVariable:
        return StepResult(step, Verdict.UNKNOWN, reason=NOT_A_VARIABLE)
    except SYMPY_FAILURES as err:
        return StepResult(step, Verdict.UNKNOWN, reason=_sympy_failed(err))


# What SymPy raises on a tree it cannot handle: the step is unknown, saying so.
SYMPY_FAILURES = (
    ValueError,
    TypeError,
    AttributeError,
    NotImplementedError,
    ZeroDivisionError,
    ArithmeticError,
    IndexError,
    KeyError,
    StopIteration,  # SymPy's simplify (sum_simplify) lets one escape on some sums
    AssertionError,  # SymPy's piecewise_fold asserts on conditions holding pieces
    RecursionError,
)


def _sympy_failed(err: Exception) -> str:
    if isinstance(err, RecursionError):
        return "expression nested too deeply"
    text = " ".join(str(err).split())  # SymPy's messages are wrapped over several lines
    return f"could not be decided (SymPy: {type(err).__name__}: {text[:120]})"


def _give(step: Step, lhs, facts: Facts) -> StepResult:
    why = _given_contradiction(lhs, step.rhs, facts)
    if why is not None:
        raise InputError(
            f"the given {latex(lhs)} = {latex(step.rhs)} contradicts {why}",
            line=step.place.line if step.place else None,
        )
    lhs, rhs = (facts.at_points(facts.captured(facts.named(e))) for e in (lhs, step.rhs))
    facts.givens.append((lhs, rhs))
    facts.given_lines.append(step.place.line if step.place and not step.from_assumption else None)
    facts.equations.append(Equation(canonical(lhs), canonical(rhs), step.label, "given"))
    # A given holds where it is defined: a step that uses it is judged there.
    keys = [n.key for e in (lhs, rhs) for n in _needs_unfolded(e, facts, {}) if n.key]
    if keys:
        key = (canonical(lhs), canonical(rhs))
        facts.domains[key] = facts.given_domains[key] = tuple(dict.fromkeys(keys))
    clash = None if facts.inconsistent else _clash(facts.givens, facts)
    if clash is None:
        return StepResult(step, Verdict.GIVEN, reason="given")
    line = step.place.line if step.place else None
    facts.inconsistent = f"the givens contradict each other{f' (line {line})' if line else ''}"
    return StepResult(
        step,
        Verdict.GIVEN,
        reason="given",
        warnings=(f"{clash}: every claim would follow from them; no later step is verified",),
    )


# The sizes a row over sizes only is tried at (_a_claim_over_sizes), and the seconds it may take.
_SIZES_TRIED = (1, 2, 3)
_SIZES_SECONDS = 1.0


def _a_claim_over_sizes(lhs, rhs) -> bool:
    r"""Whether a row whose one name is the bound of its sums and products, with a number on a
    side, claims something rather than states an equation for the size: it holds at the sizes
    1, 2 and 3 (an identity for every size, as its author means it:
    ``\sum_{k=0}^{n} \binom{n}{k} (-1)^k = 0``, false at n = 0, was a given, and rows verified
    from it). A claim is checked, never assumed. Where it fails at one of 1, 2 and 3
    (``\sum_{k=1}^{n} k = 10``, n = 4; ``\sum_{k=1}^{n} k = 5050``, n = 100: no size up to a
    bound tried says it has no solution), or the sizes cannot be tried in a second, it is an
    equation for the size (a given, as before)."""
    free = lhs.free_symbols | rhs.free_symbols
    if len(free) != 1 or not lhs.has(sp.Sum, sp.Product) and not rhs.has(sp.Sum, sp.Product):
        return False
    (n,) = free
    bounds = {
        x
        for e in (lhs, rhs)
        for node in e.atoms(sp.Sum, sp.Product)
        for limit in node.limits
        for b in limit[1:]
        for x in b.free_symbols
    }
    if n not in bounds or not n.is_integer:
        return False
    outer = time_left()
    try:
        with time_limit(_SIZES_SECONDS):
            holds = {}
            for size in _SIZES_TRIED:
                d = (lhs - rhs).xreplace({n: sp.Integer(size)}).doit()
                if not d.is_number or d.is_zero is None:
                    return False
                holds[size] = bool(d.is_zero)
    except StepTimeout:
        if outer is not None and outer <= _SIZES_SECONDS:
            raise
        return False
    return all(holds[s] for s in (1, 2, 3))


# names that stand for an additive constant to an ML author: log p(x) = -x^2/2 + const
_CONSTANT_NAMES = re.compile(r"(?:const|Const|CONST|cst|constant)(?:_.*|\W.*)?")
_CONSTANT_WORD = re.compile(r"(?<![A-Za-z])(?:const|Const|CONST|cst)(?![A-Za-z])")


def _an_additive_constant(
    result: StepResult, step: Step, source, lhs, facts: Facts, values: dict, derivation
) -> StepResult:
    r"""A refuted row of a document that writes a name const (``+ \mathrm{const}``, ``+
    const'``): unknown, saying so. The name stands for a constant the author does not write,
    "equal up to a constant" (``\log(2e^x) = x + \mathrm{const}`` was refuted at const = 2, a true
    step); read as a name it verifies only what holds for every value of it, which is sound."""
    sides = [e for e in (source if source is not None else lhs, step.rhs) if e is not None]
    written = bool(_CONSTANT_WORD.search(step.claim or ""))

    def constants(e) -> list:
        if not isinstance(e, sp.Basic):
            return []
        names = {str(x) for x in e.free_symbols | {i.base.label for i in e.atoms(sp.Indexed)}}
        found = sorted(n for n in names if _CONSTANT_NAMES.fullmatch(n))
        if written and {"c", "o", "n", "s", "t"} <= names:
            found.append("const")  # the letters of const, a product to the reader
        return found

    found = [constants(e) for e in sides]
    if len(sides) != 2 or bool(found[0]) == bool(found[1]):
        return result  # on both sides (it cancels: log(2e^x) + C = x + C is false) or neither
    varying = _varies_beyond_a_constant(sides, found, facts, values, derivation)
    if varying is not None:
        # no value of the constant makes it hold (-\mu^2 for -\mu^2/2, + const, in \mu)
        return replace(result, warnings=(*result.warnings, varying))
    found = found[0] or found[1]
    return StepResult(
        step,
        Verdict.UNKNOWN,
        result.rules,
        f"not decided: refuted with {found[0]} read as a name, which stands for a constant the "
        "author does not write (equal up to a constant is not read: write \\propto between the "
        "exponentials, or define the constant)",
        None,
        result.warnings,
    )


def _varies_beyond_a_constant(sides, found, facts: Facts, values: dict, derivation):
    r"""Why no constant makes the row hold, or None: the two sides, the constant's name put to 0
    (``found``: its names on each side), differ by an amount that changes with a variable the
    constant is of, the variables of a ``\propto`` (declared, a posterior's, or the derivation's
    one derivative variable: :func:`_propto_variables`): the same link at two values of it,
    which the refuter finds, differs. Without such variables the constant may be of any name
    (``-\frac{(x-\mu)^2}{2} = -\frac{x^2}{2} + x\mu + \mathrm{const}`` holds, the constant
    -\mu^2/2 being of x): None."""
    constant_names = set(found[0] + found[1])
    try:
        a, b = (_unfolded(e, facts, values) for e in sides)
        zero = {x: 0 for e in (a, b) for x in e.free_symbols if str(x) in constant_names}
        gap = canonical((a - b).xreplace(zero))
        variables, how = _propto_variables(derivation, a, b)
    except Exception:  # noqa: BLE001 - SymPy failing here decides nothing
        return None
    givens = _givens(facts)
    # a given naming the constant says what it is (log p = ... + const), never what v is
    fixing = [
        g for g in givens if not any(str(x) in constant_names for e in g for x in e.free_symbols)
    ]
    for v in variables:
        if not zero or not gap.has(v) or any(x.has(v) for pair in fixing for x in pair):
            continue  # a given fixing v: another value of it would break the given
        other = sp.Dummy(f"{v.name}_prime", **v.assumptions0)
        try:
            cex = find_counterexample(
                gap, relations.put_for(gap, v, other), fixing, seed=0, ranges=facts.ranges
            )
        except Exception:  # noqa: BLE001 - SymPy failing here decides nothing
            continue
        if cex is not None:
            name = sorted(constant_names)[0]
            return (
                f"the two sides differ by an amount that changes with {latex(v)} ({how}): no "
                f"value of {name} makes the row hold"
            )
    return None


def _powers_defined(names, facts: Facts) -> list:
    r"""The definitions of powers of ``names`` (``t^2 = 4``), as equations: what a value of
    such a name must agree with to be a given (``t = 3`` after ``t^2 = 4`` was one, and
    ``t^2 + t = 7`` was verified from the pair no real t satisfies)."""
    return [
        (d, body)
        for d, body in facts.definitions.items()
        if isinstance(d, sp.Pow) and d.base in names
    ]


def _clash(givens, facts: Facts, defining=(), by_declarations: bool = True) -> str | None:
    """Which givens contradict each other (definitions put in), or None; ``defining``:
    equations that hold too, as written (:func:`_powers_defined`); without ``by_declarations``
    two givens that differ by what the declarations make nonzero (not a number) are no clash
    (declarations.clashing_givens)."""
    unfolded = [(canonical(facts.unfold(a)), canonical(facts.unfold(b))) for a, b in givens]
    found = clashing_givens(
        unfolded + [(canonical(a), canonical(b)) for a, b in defining], by_declarations
    )
    if found is None:
        return None
    a, b, by = found
    others = ", ".join(f"{latex(x)} = {latex(y)}" for x, y in by)
    return f"the givens contradict each other: {latex(a)} = {latex(b)} is false with {others}"


def _refuted_without_an_earlier_premise(
    result: StepResult, step: Step, lhs, source, premise, facts: Facts, values, timeout
) -> StepResult:
    r"""A refuted row that an earlier implication's premise, supposed there and retracted when
    that implication ended (:meth:`Facts.retract_supposed`), would decide otherwise: ``\frac{N_k}
    {\theta_k} - \lambda = 0 \Rightarrow \theta_k = \frac{N_k}{\lambda}``, then ``\sum_k
    \theta_k = 1 \Rightarrow \sum_k \frac{N_k}{\lambda} = 1`` was refuted at a point where the
    first premise fails, although the author solves both together (a Lagrange condition, then
    the constraint). Checked again with the earlier premises sharing its names as givens: when
    the refutation is gone, the row is unknown, naming them (a premise is no fact: never
    verified through it); else it stays refuted."""
    if not result.reason.startswith(("the two sides differ", "it does not follow")):
        return result  # refuted otherwise (no solution of the equation at line N): as it is
    names = {str(x) for x in _names_of(*(e for e in (lhs, source, step.rhs) if e is not None))}
    # never the row's own equation (a = b^2 \Rightarrow \sqrt{a} = b after \sqrt{a} = b
    # \Rightarrow a = b^2: the converse, false, holds trivially with the first premise)
    claimed = (lhs if step.follows is not None else source, step.rhs)
    own = set()
    if all(isinstance(e, sp.Basic) for e in claimed):
        own = {canonical(claimed[0] - claimed[1]), canonical(claimed[1] - claimed[0])}
    try:  # what the row's truth depends on (2x = x + 1 + x is false whatever x is)
        depends = {str(x) for x in _names_of(sp.simplify(claimed[0] - claimed[1]))}
    except Exception:  # noqa: BLE001 - SymPy failed: as written
        depends = names
    earlier = [
        (a, b, line)
        for a, b, line, _ in facts.retracted
        if line is not None
        and {str(x) for x in _names_of(a, b)} & depends
        and canonical(a - b) not in own
        and _solvable_for_a_name(a - b)
    ]
    if not earlier:
        return result
    extra = [(a, b) for a, b, _ in earlier]
    if _clash(facts.givens + extra, facts) is not None:
        return result  # two cases (a - 1 = 0, a + 1 = 0): together they prove anything
    supposed = replace(
        facts,
        givens=facts.givens + extra,
        given_lines=facts.given_lines + [line for _, _, line in earlier],
        equations=facts.equations
        + [Equation(canonical(a), canonical(b), None, "given") for a, b in extra],
    )
    try:
        if step.follows is not None:
            again = _implication(step, lhs, premise, supposed.under(values), values, timeout)
        else:
            again = _claim(step, source, supposed.under(values), values, timeout)
    except (NotAVariable, *SYMPY_FAILURES):
        return result
    if again.verdict is Verdict.REFUTED:
        return result
    lines = ", ".join(str(line) for _, _, line in earlier)
    shown = "; ".join(f"{latex(a)} = {latex(b)}" for a, b in extra)
    outcome = "holds" if again.verdict is Verdict.VERIFIED else "is not refuted"
    why = (
        f"not decided: refuted only where the equation supposed at line {lines} ({shown}) fails; "
        f"with it the step {outcome}, but a premise holds for its own implication only: state "
        "it as a given (a row of its own) to decide the step"
    )
    return StepResult(step, Verdict.UNKNOWN, again.rules, why, None, result.warnings)


def _solvable_for_a_name(difference) -> bool:
    """Whether ``difference = 0`` is linear in one of its names (its derivative by it a nonzero
    expression free of it: N_k/theta_k - lambda in lambda): points where it holds are then found
    (the refuter solves it), so "not refuted with it" means something. A premise no sampled
    point meets (x^5 + x = 1, x = cos x) would make every row after it "not refuted"."""
    for x in sorted(_names_of(difference), key=str):
        if not isinstance(x, (sp.Symbol, sp.Indexed)):
            continue
        try:
            slope = sp.diff(difference, x)
        except Exception:  # noqa: BLE001 - SymPy failed: not this name
            continue
        if slope != 0 and not slope.has(x):
            return True
    return False


def _proof_of_defined_function(name: str, section, facts: Facts) -> bool:
    """Whether ``name`` is a function defined in ``section``: a row there that writes it on its
    left and cannot be read is the proof's next statement about it (``M_X(t) = ...`` worked on),
    no definition of its own (the rows after it are checked against the meaning as before)."""
    return any(
        isinstance(target, AppliedUndef)
        and str(target.func) == name
        and facts.defined_section.get(target, section) == section
        for target in facts.definitions
    )


def _forget_unread_redefinition(name: str, section, facts: Facts) -> None:
    r"""A row that could not be read defines ``name`` again under another heading (the
    exponential's density, ``f(X) = \begin{cases} ...``, after the normal one's section's
    ``f(X) = \frac{1}{\sqrt{2\pi}\sigma} ...``): the earlier meaning may be gone, so it is
    forgotten with what was shown about it, as for a redefinition that was read; the rows after
    it about the name are then decided as of a name an unreadable row defines
    (:func:`_through_an_unread_definition`). In the definition's own section such a row is the
    proof's next statement about it (``M_X(t) = ...`` worked on), and the meaning stays."""
    for target in list(facts.definitions):
        if facts.defined_section.get(target, section) == section:
            continue
        if isinstance(target, AppliedUndef):
            head = str(target.func)
        elif isinstance(target, sp.Indexed):
            head = str(target.base.label)
        else:
            head = str(target)
        if head != name:
            continue
        facts.forget_meaning(target)


def _through_an_unread_definition(result: StepResult, sides, facts: Facts) -> StepResult:
    r"""A verdict on a row that mentions a name an unreadable row defined (``z = w^T x + b``,
    not read), its definitions put in: refuted only with the name a number of its own, which
    its definition may exclude; verified through a derivative, integral or limit over another
    variable, which the name may depend on (``\frac{\partial \sigma(z)}
    {\partial b} = 0`` was verified). Either is unknown, naming that row. What holds for every
    value of the name in plain algebra holds for the value it was given: still verified, and so
    does what holds through a sum or product over an index the name is written without."""
    hit = []
    defined = {str(d.base) if isinstance(d, sp.Indexed) else str(d) for d in facts.definitions}
    for name, line in {**facts.unread, **facts.released, **facts.unsolved}.items():
        if name in defined:
            continue  # defined again by a row that was read
        for side in sides:
            if not isinstance(side, sp.Basic):
                continue
            try:
                unfolded = facts.unfold(side)
            except Exception:  # noqa: BLE001 - SymPy failed unfolding: as written
                unfolded = side
            if name in _name_texts(unfolded) | _name_texts(side):
                hit.append((name, line, unfolded))
                break
    if not hit:
        return result
    names = ", ".join(dict.fromkeys(latex(sp.Symbol(n)) for n, _, _ in hit))
    lines = ", ".join(dict.fromkeys(str(line) for _, line, _ in hit if line))
    row = f"the row defining {names}" + (f" (line {lines})" if lines else "")
    if result.verdict is Verdict.REFUTED:
        try:  # z + 1 = z + 2 is false whatever z is (its definitions put in)
            depends = _name_texts(sp.simplify(facts.unfold(sides[0] - sides[1])))
        except Exception:  # noqa: BLE001 - SymPy failed: as written
            depends = {n for n, _, _ in hit}
        if not depends & {n for n, _, _ in hit}:
            return result
        why = (
            f"not decided: refuted only with {names} a number of its own; {row} could not "
            "be read, and its definition may exclude that value: make that row readable"
        )
        if all(n in facts.unsolved for n, _, _ in hit):
            why = (
                f"not decided: refuted only with {names} a number of its own; {row} defines "
                f"{names} as an optimum eqchain could not find, which may be the value that "
                "makes this row hold"
            )
        if all(n in facts.released for n, _, _ in hit):
            why = (
                f"not decided: refuted only with {names} a number of its own; {row} gave "
                f"{names} a value under another heading (a worked example?), which this row "
                "may mean: write the value in this section, or give the example another name"
            )
        # what explained the refutation (the sides differ by a constant) goes with it
        kept = tuple(w for w in result.warnings if not w.startswith("the two sides differ by"))
        return StepResult(result.step, Verdict.UNKNOWN, (), why, None, kept)
    # a sum or product over k of a name written without k (\mu of a sample variance's sums):
    # such a name is written as not varying with k, whatever its definition; a derivative's,
    # an integral's or a limit's variable is what such a name hides (z of \sigma(z), by b)
    binders = (sp.Derivative, sp.Integral, sp.Limit, Expectation)
    names_hit = {n for n, _, _ in hit}
    for _, _, unfolded in hit:
        for node in unfolded.atoms(*binders):
            if isinstance(node, Expectation):
                # over what is random: E_{b \sim p}[z_1] (its subscript), else every name
                variables = node.args[1:2] or (sp.Dummy(),)
            elif isinstance(node, sp.Limit):
                variables = (node.args[1],)
            else:
                variables = node.variables
            by = set().union(*(_name_texts(v) for v in variables))
            # a sum's bound in it is a count (n of \sum_{i=1}^{n}), never differentiated
            if _names_in_bodies(node) & names_hit and not by <= names_hit:
                why = (
                    f"not decided: {row} could not be read, so what it depends on is not known, "
                    "and the step differentiates, integrates or takes a limit or an expectation "
                    "over another variable: make that row readable"
                )
                if all(n in facts.unsolved for n, _, _ in hit):
                    why = (
                        f"not decided: {row} defines {names} as an optimum eqchain could not "
                        "find, so what it depends on is not known, and the step differentiates, "
                        "integrates or takes a limit or an expectation over another variable"
                    )
                if all(n in facts.released for n, _, _ in hit):
                    why = (
                        f"not decided: {row} gave {names} a value under another heading (a "
                        "worked example?), which this row may mean, and the step differentiates, "
                        "integrates or takes a limit or an expectation over another variable"
                    )
                return StepResult(result.step, Verdict.UNKNOWN, (), why, None, result.warnings)
    return result


def _through_a_hidden_dependence(result: StepResult, sides, facts: Facts) -> StepResult:
    r"""A verdict through a derivative by v of a function the document never defines, applied to
    arguments that do not mention v (``E(\mathbf{w}) = -\log P(\mathbf{T} \mid \mathbf{X})``,
    then ``\frac{\partial E}{\partial w_0} = 0`` was verified): to SymPy that value does not
    vary with v, but the author, differentiating it by v, writes it as one that does (the
    likelihood of the weights, its dependence left unwritten). Unknown, naming it; a function
    of v (``p(x \mid \theta)`` by \theta) or a defined one is differentiated as before."""
    defined = {d.func for d in facts.definitions if isinstance(d, AppliedUndef)}
    # an application an equation states (a given P(T | X) = \prod_n ..., a verified claim)
    stated = {
        e.func
        for a, b in facts.givens + [(a, b) for _, a, b in facts.verified]
        for e in (a, b)
        if isinstance(e, AppliedUndef)
    }
    for side in sides:
        if not isinstance(side, sp.Basic) or not side.has(sp.Derivative):
            continue
        for node in side.atoms(sp.Derivative):
            # a variable by its name (theta_i by theta's: an entry; never its index i)
            by = {
                _bare(str(v.base) if isinstance(v, sp.Indexed) else str(v)) for v in node.variables
            }
            try:  # the body with the definitions put in (a derivative of it may vanish at once)
                body = facts.unfold(node.expr)
            except Exception:  # noqa: BLE001 - SymPy failed unfolding: as written
                body = node.expr
            for applied in body.atoms(AppliedUndef) | node.expr.atoms(AppliedUndef):
                if (
                    applied.func in defined | stated
                    or isinstance(applied, (MatrixName, MatrixProduct, Transposed))
                    or not applied.args
                    or by <= {_bare(n) for n in _name_texts(applied)}
                ):
                    continue  # a function of every variable it is differentiated by
                shown = latex(applied)
                own = {_bare(n) for n in _name_texts(applied)}
                names = ", ".join(
                    dict.fromkeys(
                        latex(v)
                        for v in node.variables
                        if _bare(str(v.base) if isinstance(v, sp.Indexed) else str(v)) not in own
                    )
                )
                why = (
                    f"not decided: {shown} is differentiated by {names}, which it is not written "
                    f"to depend on, and no row defines it: how it depends on {names} is not "
                    "known (write its arguments, or define it)"
                )
                return StepResult(result.step, Verdict.UNKNOWN, (), why, None, result.warnings)
    return result


def _bare(name: str) -> str:
    """A name's letters without its typeface (``mathbf{theta}``, ``boldsymbol{w}``: theta, w):
    the entry theta_i of the vector theta is written with the bare letter."""
    bare = re.sub(r"mathbf|mathbb|boldsymbol|bm|vec|[{}\\ ]", "", name)
    return bare.split("_")[0] if not bare.startswith("_") else bare  # theta_i: of theta


def _name_texts(tree) -> set[str]:
    """The names ``tree`` writes, as text: its symbols, its families by their bases, and the
    functions it applies."""
    if not isinstance(tree, sp.Basic):
        return set()
    out = {str(s) for s in tree.free_symbols if isinstance(s, sp.Symbol)}
    out |= {str(f.func) for f in tree.atoms(AppliedUndef)}
    return out | {str(a.base) for a in tree.atoms(sp.Indexed)}


def _names_in_bodies(tree) -> set[str]:
    """:func:`_name_texts` outside the bounds of sums and products (their counts)."""
    if isinstance(tree, (sp.Sum, sp.Product)):
        return _names_in_bodies(tree.function)
    if not isinstance(tree, sp.Basic) or not tree.args:
        return _name_texts(tree)
    if isinstance(tree, (sp.Symbol, sp.Indexed, AppliedUndef)):
        return _name_texts(tree)
    return set().union(*(_names_in_bodies(a) for a in tree.args))


def _vacuous(result: StepResult, why: str) -> StepResult:
    """A claim after contradictory premises: it would hold vacuously, so it is not verified."""
    return replace(
        result,
        verdict=Verdict.UNKNOWN,
        rules=(),
        reason=f"{why}: anything follows from them, so nothing after is verified",
        conditions=(),
    )


def _narrowed(facts: Facts, *sides) -> Facts:
    """The facts for a step whose sides write a letter declared for several families (z over
    1..n, w over 0..n, both indexed by i) as the index of members of some of them: the letter
    ranges over the declared ranges of those families only (a step about z_i speaks of an i in
    1..n, where z_i exists). A letter the step writes with no declared family keeps every
    range declared for it; every fact about a range then holds for each of them."""
    families = getattr(facts.ranges, "families", None)
    if not families:
        return facts
    several = {s for s, spans in facts.ranges.items() if len(set(spans)) > 1}
    if not several:
        return facts
    found: dict = {}
    for side in sides:
        if isinstance(side, sp.Basic):
            _free_member_ranges(side, families, several, found, frozenset())
    if not found:
        return facts
    ranges = IndexRanges(facts.ranges, families=families)
    for letter, spans in found.items():
        ranges[letter] = sorted(set(spans), key=str)
    return replace(facts, ranges=ranges)


def _free_member_ranges(tree, families: dict, letters: set, found: dict, bound) -> None:
    """Into ``found``: each letter of ``letters`` written free as a whole index of a member of
    a declared family, with that family's declared range at that position."""
    if isinstance(tree, sp.Indexed):
        spans = families.get(tree.base)
        if spans is not None:
            for i, span in zip(tree.indices, spans, strict=False):
                if i in letters and i not in bound:
                    found.setdefault(i, []).append(span)
        for i in tree.indices:
            _free_member_ranges(i, families, letters, found, bound)
        return
    if not isinstance(tree, sp.Basic) or not tree.args:
        return
    if isinstance(tree, ExprWithLimits):
        inner = bound | {limit[0] for limit in tree.limits}
        _free_member_ranges(tree.function, families, letters, found, inner)
        for limit in tree.limits:
            for b in limit[1:]:
                _free_member_ranges(b, families, letters, found, bound)
        return
    for arg in tree.args:
        _free_member_ranges(arg, families, letters, found, bound)


def _rename_capturing(expr, functions: dict, definitions: dict):
    r"""``expr`` with the variable of each sum, product, integral, limit or expectation over a
    named variable (``E_{t \sim p}``) renamed where it would capture a name free in the body
    of a defined function applied inside it: after ``f(x) = e^{tx}``, ``\sum_{t=1}^{2} f(x)``
    is ``\sum_{t'=1}^{2} e^{tx}`` (the body's t is the t outside the sum), never ``e^{x} +
    e^{2x}``. The new name is fresh: no name of ``expr`` or of a definition has it."""
    if not isinstance(expr, sp.Basic) or not expr.has(ExprWithLimits, sp.Limit, Expectation):
        return expr
    free_of = {
        fn: definitions[head].free_symbols - set(head.free_symbols)
        for fn, head in functions.items()
        if isinstance(definitions.get(head), sp.Basic)
    }
    if not any(free_of.values()):
        return expr
    taken = {str(x) for x in expr.atoms(sp.Symbol)} | {
        str(x)
        for body in definitions.values()
        if isinstance(body, sp.Basic)
        for x in body.atoms(sp.Symbol)
    }

    def fresh(v):
        name = v.name + "'"
        while name in taken:
            name += "'"
        taken.add(name)
        return sp.Symbol(name, **v.assumptions0)

    def visit(node):
        over = isinstance(node, Expectation) and isinstance(node.variable, sp.Symbol)
        if isinstance(node, ExprWithLimits):
            # an indefinite integral's variable is free in its value (an antiderivative in
            # it): no binder, nothing to capture, and renaming it would change the value
            variables = [limit[0] for limit in node.limits if len(limit) > 1]
            inner = node.function
        elif isinstance(node, sp.Limit):
            variables, inner = [node.args[1]], node.args[0]
        elif over:  # E_{t \sim p}[...]
            variables, inner = [node.variable], node.body
        else:
            return node
        reached = set()
        for applied in inner.atoms(AppliedUndef):
            reached |= free_of.get(applied.func, set())
        renames = {}
        for v in variables:
            own = [limit[1:] for limit in getattr(node, "limits", ()) if limit[0] == v]
            if over:
                own = [node.args[2:]]  # the law: its names are the ones outside
            if v in reached and not any(v in x.free_symbols for ends in own for x in ends):
                renames[v] = fresh(v)
        if not renames:
            return node
        if over:
            v = node.variable
            return Expectation(node.body.xreplace(renames), renames[v], *node.args[2:])
        return node.xreplace(renames)

    return rebuild(expr, visit)


def _captured(body, args) -> bool:
    r"""Whether putting ``args`` into a definition's ``body`` would let a variable the body binds
    (a sum's, a product's, a derivative's, an integral's, a limit's) capture one of their
    symbols (f(t) after f(x) = \int_0^1 x t \, dt is t/2, not \int_0^1 t^2 \, dt)."""
    binders = body.atoms(sp.Sum, sp.Product, sp.Derivative, sp.Integral)
    bound = {v for s in binders for v in s.variables}
    bound |= {node.args[1] for node in body.atoms(sp.Limit)}
    return any(a.free_symbols & bound for a in args)


def _renamed_apart(body, avoid: set):
    """``body`` with the variables its sums and products bind that are in ``avoid`` renamed to
    fresh ones (the same assumptions): the same value, and nothing put in for ``avoid`` is
    captured. Other binders (derivatives, integrals, limits) are left as they are."""

    def visit(node):
        if not isinstance(node, (sp.Sum, sp.Product)):
            return node
        clash = [v for v in node.variables if v in avoid]
        if not clash:
            return node
        fresh = {v: sp.Dummy(v.name, **v.assumptions0) for v in clash}
        limits = [(fresh.get(v, v), *bounds) for v, *bounds in node.limits]
        return build(
            type(node), (node.function.xreplace(fresh), *(sp.Tuple(*lim) for lim in limits))
        )

    return rebuild(body, visit)


def _given_contradiction(lhs, rhs, facts: Facts) -> str | None:
    """Why ``lhs = rhs`` cannot hold under the declarations (definitions put in), or None: a
    side defined nowhere (``\\frac{x - x}{x - x} = 1``, 0/0 = 1) holds at no value either."""
    nowhere = _defined_nowhere(lhs, rhs, facts)
    if nowhere is not None:
        return nowhere
    return given_contradiction(canonical(facts.unfold(lhs)), canonical(facts.unfold(rhs)))


def _defined_nowhere(lhs, rhs, facts: Facts) -> str | None:
    """Which side of ``lhs = rhs`` is defined at no value the declarations and the givens allow
    (a definedness condition that cannot hold: x - x \\neq 0), said as a contradiction; None."""
    for name, side in (("left", lhs), ("right", rhs)):
        for need in _needs_unfolded(side, facts, {}):
            key = _unfolded_key(need.key, facts, {})
            if key is not None and _impossible(key, facts):
                shown = need.shown if need.shown is not None else need.expr
                return (
                    f"the declarations and the givens: its {name} side is defined nowhere "
                    f"({cond.describe(need.pred, shown)} cannot hold)"
                )
    return None


ASSIGNMENT = (
    "not checked: an assignment, {name} given a new value from its old one (an update rule, "
    "w := w - \\alpha \\nabla J), no equation"
)


def _assignment(step: Step, lhs) -> bool:
    """Whether the row is an update rule written with a sign of definition, its name on both
    sides (``w := w - \\alpha \\frac{dJ}{dw}``, ``b \\stackrel{def}{=} b - \\eta g``): an
    assignment, which no equation states (it was refuted: w = w - 2 fails)."""
    return (
        not step.continues
        and isinstance(lhs, (sp.Symbol, sp.Indexed))
        and isinstance(step.rhs, sp.Basic)
        and step.rhs.has(lhs)
        and _written_as_a_definition(step)
    )


def _written_as_a_definition(step: Step) -> bool:
    """Whether the row defines by its sign, ``:=``, ``\\coloneqq``, ``\\triangleq``
    (\\phi(x_j) := ReLU in a second section: a new meaning, never a restatement). Not
    ``\\equiv``: "identically equal" as much as "defined as", read as = (a false ``D \\equiv
    2ab`` right after D's definition passed as a new meaning)."""
    text = step.claim or ""
    # \stackrel{\text{def}}{=}, \overset{\triangle}{=}; not any \overset (a = b with (2) over
    # its sign is a step's reason, not a definition)
    marks = (":=", "coloneqq", "triangle", "{def", "Define")
    return any(mark in text for mark in marks)


def _restates(target, lhs, rhs, facts: Facts) -> bool:
    r"""Whether ``lhs = rhs``, about a name (or function) defined earlier, writes it again in
    the names its definition uses (with the same arguments), in the statement right after the
    definition's ("so, collecting terms"): it reads as a restatement (a false one is unknown).
    A new meaning brings names of its own (``L = x^2`` after ``L = 5``, ``L = \sum_i e_i^2``
    after ``L = (y - \hat y)^2``) or gives a worked example's value (a number, before or now)."""
    old = facts.definitions.get(target)
    if not isinstance(old, sp.Basic) or not isinstance(rhs, sp.Basic):
        return False
    if facts.statements - facts.defined_in.get(target, -9) > 1:
        return False  # rows between: a later example may reuse the name (f(x) = \sin x)
    if any(len(lim) == 1 for e in (old, rhs) for i in e.atoms(sp.Integral) for lim in i.limits):
        # M(t) = \int e^{tx} p(x) dx, then M(t) = e^{\mu t + ...}: the author's integral has
        # bounds the row does not write; as an antiderivative it is no claim to hold them to
        return False
    # by name: a function's parameter (l(a) = ...) is a symbol of its own, without the
    # assumptions declared for the a written elsewhere
    own_old = {str(x) for x in target.args} if isinstance(target, AppliedUndef) else set()
    own_new = {str(x) for x in lhs.args} if isinstance(lhs, AppliedUndef) else set()
    if own_old != own_new or not _plain_names(rhs):
        return False
    if old.is_number and not old.atoms(AppliedUndef):  # a value (\int_0^1 x\,p(x) dx is none)
        return False
    functions = {f.func for f in rhs.atoms(AppliedUndef)} - {
        f.func for f in old.atoms(AppliedUndef)
    }
    # by name, a family's members by their family (P_1 after \sum_k P_k \log ...)
    new_names = _plain_names(rhs) - own_new
    if not functions and new_names <= _plain_names(old) - own_old:
        return True
    # in the names of the definitions it uses (l(\mu) = \log L(\mu), then l(\mu) = -\frac{n}{2}
    # \log(2\pi\sigma^2) - ...: the log-likelihood worked out from L's product, a claim; it was
    # a redefinition, a wrong coefficient passing with a warning)
    try:
        unfolded = facts.unfold(old)
    except (NotAVariable, *SYMPY_FAILURES):
        return False
    if unfolded == old:
        return False
    functions -= {f.func for f in unfolded.atoms(AppliedUndef)}
    # (M = \int_0^\infty x p(x) dx names lambda through p's definition: M = \frac{2}{\lambda}
    # after it is a claim, and a wrong mean passed as a redefinition, exit 0)
    return not functions and new_names <= _plain_names(unfolded) - own_old


def _plain_names(expr) -> set:
    """The names ``expr`` writes free, as strings: symbols, and a family's label for its
    members (``P`` for ``P_1``, ``P_k``)."""
    return {str(x) for x in expr.free_symbols if isinstance(x, sp.Symbol)}


def _parameters_of(func, facts: Facts) -> set:
    """The parameters of the earlier definitions of ``func`` (``t`` of ``g(t) = t^2``)."""
    return {
        a
        for d in facts.definitions
        if isinstance(d, AppliedUndef) and d.func == func
        for a in d.args
    }


def _defined_function(lhs, facts: Facts, rhs=None):
    """The earlier definition ``L(p) = ...`` of the function that ``lhs``, ``L(\\sigma)``
    (applied to names only), defines again with the right side ``rhs`` (when given); None
    otherwise."""
    if not isinstance(lhs, AppliedUndef) or not all(isinstance(a, sp.Symbol) for a in lhs.args):
        return None
    if len(set(lhs.args)) < len(lhs.args):
        return None  # I(X;X) after I(X;Y) = ...: the function at a repeated argument, a claim
    if rhs is not None:
        known = {str(a) for a in _parameters_of(lhs.func, facts)}  # by name: X of a law is
        new = [a for a in lhs.args if str(a) not in known]  # X with its assumptions put in
        if new and not rhs.has(*new):
            # g(a) = 4 after g(t) = t^2: an equation for a, never g made the constant 4 (then
            # g(3) = 4 was verified); g(a) = a + 1 defines g again
            return None
    return next(
        (
            d
            for d in facts.definitions
            if isinstance(d, AppliedUndef)
            and d.func == lhs.func  # bars and all: p(x | y)
            # p(\mu | x) after p(x | \mu) = ...: another density of the same letter
            and faithful_application(d, facts.definitions[d], lhs.args)
            # a function defined at a family's members only (_defines_at_members) is no
            # function of p(y | ...): that row is a claim about an undefined value
            and not any(isinstance(a, sp.Indexed) for a in d.args)
        ),
        None,
    )


def _infer(
    step: Step, lhs, source, facts: Facts, values, timeout, origin=None, premise=None
) -> StepResult:
    """Decide a document's equation the way a careful reader would.

    A new symbol on the left is a definition; a bare symbol defined before, with a right side
    that does not follow, is a redefinition (a warning naming the earlier line); an equation
    with a number on one side that mentions no defined symbol and does not follow from what came
    before is a given; everything else is a claim, which may turn out to be a specialisation
    (values put in) or a generalisation (a concrete bound made symbolic) of an earlier equation.
    """

    if _assignment(step, lhs):
        # its old meaning is gone: what was defined, given or shown about it, and the names
        # defined through it
        line = step.place.line if step.place else None
        for dependent in facts.dependents(lhs):
            facts.forget_about(dependent)
            facts.assigned[dependent] = line  # v = 2w: which w it holds of is not said
        facts.forget_definition(lhs)
        facts.forget_about(lhs)
        facts.assigned[lhs] = line
        return StepResult(step, Verdict.UNKNOWN, reason=ASSIGNMENT.format(name=latex(lhs)))
    reassigned = [
        n
        for n in facts.assigned
        if any(isinstance(e, sp.Basic) and e.has(n) for e in (lhs, source, step.rhs))
    ]
    if reassigned:
        name = reassigned[0]
        line = facts.assigned[name]
        where = f"line {line}" if line else "an earlier row"
        return StepResult(
            step,
            Verdict.UNKNOWN,
            reason=f"not checked: an assignment ({where}) gave {latex(name)}, or a name it is "
            "defined through, a new value, which no equation states",
        )
    named = _names_the_function(step, lhs, source, facts)
    if named is not None:
        return named
    at_members = _defines_at_members(step, lhs, facts)
    if at_members is not None:
        return at_members
    not_defined = None
    if _is_new_definition(step, lhs, facts) and not _contradicts_declarations(lhs, step, facts):
        solved = _solves_a_given(step, lhs, facts, values, timeout)
        if solved is not None and lhs in facts.definitions:
            return solved  # the solution named: defined by the implication (_implication)
        try:
            defined = _define(step, lhs, facts)
        except InputError as err:
            # x = -1 with x declared positive: no definition but a claim, checked (the rest of
            # the document is still checked; in a derivation file it is an input error)
            not_defined = err.message
        else:
            return defined if solved is None else solved
    reversed_definition = not_defined is None and _is_reversed_definition(step, lhs, facts)
    result = _claim(step, source, facts, values, timeout, origin=origin)
    if (
        reversed_definition
        and result.verdict is Verdict.REFUTED
        and not unwritten_bounds(lhs, step.rhs)  # (a length eqchain invented: as before)
    ):
        # \sum_{i=1}^{n} p_i x_i = M, M written here for the first time, refuted only by a value
        # of M no row fixes: M names the left side (as M = \sum_{i=1}^{n} p_i x_i would), never
        # a claim about every M (the moment constraint of a maximum-entropy problem was refuted
        # at M = 2). What holds, or stays undecided, for every M is checked as before.
        flipped = replace(step, lhs=step.rhs, rhs=lhs)
        try:
            return replace(_define(flipped, step.rhs, facts), step=step)
        except InputError:
            pass
    if (
        not_defined is not None
        and result.verdict is Verdict.REFUTED
        and "is not shown" in (not_defined)
    ):
        # a new name whose definition could not be taken (its value not shown real): refuted
        # only by a value of that name, which the author defines, never a counterexample
        # (S = \sum_{i=1}^{n} (x_i - \bar{x})^2 was refuted at S = 2; a red-team)
        return StepResult(step, Verdict.UNKNOWN, reason=f"not a definition: {not_defined}")
    if not_defined is not None:
        result = replace(result, warnings=(*result.warnings, f"not a definition: {not_defined}"))
    setting = (
        result.verdict is not Verdict.VERIFIED
        and (
            _stationarity(lhs, source, step.rhs)
            or _derivative_value_set_to_zero(
                source, step.rhs, facts, imposed=step.derived in ("zero", "zero-condition")
            )
        )
        and _given_contradiction(source, step.rhs, facts) is None
    )
    if setting:
        # the same derivative set to zero again (a second case, in prose: "Case (b)"): the
        # earlier condition makes way, as at a redefinition of the function (with both, the
        # first case's root was verified in the second; red team s50)
        _supersede_stationary(
            (lhs, *_derivatives_valued(source, facts, step.rhs)), facts, step.section
        )
        if _clash(facts.givens + [(source, step.rhs)], facts) is not None and facts.stationary:
            # another model's derivative set to zero in the same letter (model B after model
            # A): the letter names B's stationary point now, and A's condition makes way
            # (red team s50-3: B's condition was refuted as clashing, and its root with it)
            _supersede_all_stationary(facts)
    # (a clash with an earlier given that is no derivative set to zero, a case's condition in
    # prose, is found by _give below: the givens then prove nothing, and this condition is
    # not refuted for it, red team s50-4)
    if (
        setting
        and _clash(facts.givens + [(source, step.rhs)], facts, by_declarations=False) is None
    ):
        # dL/dx = ... = 0: the author sets the derivative to zero (a condition imposed to find
        # the stationary point), not an identity to check: a given from here on.
        given = _give(step, source, facts)
        facts.stationary.add(len(facts.givens) - 1)
        # the derivative's function: a new meaning of it (a second case's l(\theta)) is no
        # longer at the point this condition fixes (red team s50: the first case's condition
        # verified the second case's wrong root)
        facts.given_about[facts.givens[-1]] = (lhs, *_derivatives_valued(source, facts, step.rhs))
        facts.given_mark[facts.givens[-1]] = facts.verified_count
        facts.given_section[facts.givens[-1]] = step.section
        facts.conditions.append(_names_of(source, step.rhs))
        return replace(given, reason=STATIONARY)
    if result.verdict is Verdict.VERIFIED and not step.continues:
        again = lhs if isinstance(lhs, sp.Symbol) else _defined_function(lhs, facts)
        if again is not None and again in facts.definitions:
            # v(x) = x^2 + 1 verified after v(x) = u(x) + 1: the row after it is right after
            # the name's latest statement (v(x) = x^2 + 2 then was a silent redefinition)
            facts.defined_in[again] = facts.statements
    if result.verdict is Verdict.VERIFIED or step.continues:
        return (
            result
            if result.verdict is Verdict.VERIFIED
            else _special_moves(step, lhs, source, facts, result, values, timeout)
        )
    target = lhs if isinstance(lhs, sp.Symbol) else _defined_function(lhs, facts, step.rhs)
    if (
        target is None
        and isinstance(lhs, sp.Pow)
        and lhs in facts.definitions
        and facts.defined_section.get(lhs, step.section) != step.section
    ):
        # s^2 = ... again under another heading (another estimator): a new meaning, as a plain
        # name's (red team s50: refuted); in its own section a row of the proof about it
        target = lhs
    if target is None:
        target = _defined_at_members(lhs, step, facts)
    numbered = isinstance(lhs, sp.Indexed) and all(i.is_Integer for i in lhs.indices)
    if target is None and (_generic_member(lhs) or numbered) and _new_member(lhs, step.rhs, facts):
        # y_n = ... after rows that only wrote y_n, \lambda_0 = \sigma^2 / \tau_0^2 after a loss
        # that only wrote \lambda_0 (it was refuted at a free \lambda_0): as a plain name
        # (_named_before)
        target = lhs
    head = target.func if isinstance(target, AppliedUndef) else target
    applied = _bare_function(target, facts)
    if (
        applied is not None
        and result.verdict is Verdict.REFUTED
        and not step.rhs.has(head)
        and (
            not step.rhs.free_symbols & set(applied.args)
            or facts.defined_section.get(applied, step.section) != step.section
        )
    ):
        # (a value that uses the function's parameters in the definition's own section is a
        # claim about it: L = p^3 - 2p^4 + 2p^5 after L(p) = p^3 (1 - p)^2, an expansion error,
        # refuted (red team s48-3); under another heading, V = kq/r after V(r) = 4/3 pi r^3 is
        # a new meaning (red team s48-4))
        # p = \frac{1}{3} after p(x) = \frac{1}{2} e^{-|x|}: read as the function's value it
        # is false; a new meaning of the letter, as any redefinition (red team s48-2: it was
        # refuted, and every row after it)
        earlier = facts.defined_at.get(applied)
        where = f" (line {earlier})" if earlier else ""
        at = ", ".join(f"{n} = {v}" for n, v in result.counterexample.values)
        warning = (
            f"redefines {latex(target)}: a bare {latex(target)} was the value of "
            f"{latex(applied)}, defined earlier{where}; as a claim about that value it is "
            f"false" + (f" (at {at})" if at else "")
        )
        facts.forget_meaning(applied)
        return replace(_define(step, lhs, facts), warnings=(warning,))
    if target is not None and target in facts.definitions and step.rhs.has(head):
        # L = L + 1 after L = 5: no new meaning (a definition names a quantity by others), a
        # claim about L, as checked (it stopped the whole document as invalid input)
        return result
    if target is not None and target in facts.definitions:
        earlier = facts.defined_at.get(target)
        where = f" (line {earlier})" if earlier else ""
        restated = _restates(target, lhs, step.rhs, facts) and not _written_as_a_definition(step)
        warning = f"redefines {latex(target)}, defined earlier{where}"
        earlier_value = facts.definitions.get(target)
        if (
            step.derived == "follows"
            and result.verdict is Verdict.REFUTED
            and not _written_as_a_definition(step)
            and not _a_plain_number(earlier_value)
        ):
            # "Thus: F = 3" after F = \int_0^1 2x dx: the prose says it follows, so it is a
            # claim about that F, refuted (it was taken as a new meaning, with a warning only);
            # not after a worked example's number ("Thus, for the second sample, \hat{p} =
            # \frac{8}{20}" is another example's value, a new meaning)
            return replace(
                result,
                warnings=(
                    *result.warnings,
                    f"the prose before it says it follows: a claim about the {latex(target)} "
                    f"defined earlier{where}, not a new meaning (write := for one)",
                ),
            )
        if result.verdict is Verdict.REFUTED and result.counterexample is not None:
            # a restatement that is wrong and a new meaning read alike: the reader is told both
            at = ", ".join(f"{name} = {value}" for name, value in result.counterexample.values)
            warning += f"; as a claim about that {latex(target)} it is false" + (
                f" (at {at})" if at else ""
            )
        elif result.verdict is Verdict.UNKNOWN:
            # a restatement eqchain could not prove is taken as a new meaning all the same:
            # the reader is told it was not shown to be the earlier one
            warning += f"; not shown equal to that {latex(target)}"
        facts.forget_meaning(target)
        redefined = _define(step, lhs, facts)
        if restated and result.verdict is Verdict.REFUTED:
            # H(p) = ... again right after its definition, in its own names: a restatement to
            # its author ("so, collecting terms"), a new meaning to a reader of a new example;
            # false as the first, it passed as the second (exit 0). Taken as the new meaning
            # (later rows follow it), but not shown: unknown, saying both
            return StepResult(
                step,
                Verdict.UNKNOWN,
                (),
                f"{warning}; written again in its own names right after, it reads as a "
                "restatement, which is false: write := (or another name) for a new meaning",
            )
        if restated and result.verdict is Verdict.UNKNOWN:
            # I(X,Y) = ... again and again, a proof's steps each written from the defined
            # name: a wrong one passed as a new meaning, exit 0 (StatProofBook's mutual
            # information, a sign flipped). Taken as the new meaning all the same (later rows
            # follow it, as a chain's rows follow the row before), but not shown: unknown
            return StepResult(
                step,
                Verdict.UNKNOWN,
                (),
                f"{result.reason}; {warning}. Written again in its own names right after, it "
                "reads as a restatement that eqchain could not prove: write := (or another "
                "name) for a new meaning",
                warnings=result.warnings,
            )
        return replace(redefined, warnings=(warning,))
    if target is not None and _named_before(target, step.rhs, facts):
        try:
            with time_limit(timeout):
                contradicted = _contradicts_written(step, target, facts)
        except StepTimeout:  # no earlier equation shown false in the step's time: a definition
            contradicted = None
        return contradicted if contradicted is not None else _define(step, lhs, facts)
    mentioned = (
        lhs.free_symbols
        | step.rhs.free_symbols
        | {a.base for e in (lhs, step.rhs) for a in e.atoms(sp.Indexed)}
    )
    # a defined function counts by its name too: applied (l(2)) or bare (dl/d\mu)
    names = {str(x) for x in mentioned} | {
        str(a.func) for e in (lhs, step.rhs) for a in e.atoms(AppliedUndef)
    }
    # a defined square (\sigma^2 = ...) counts where its power is written: \sigma^2 - a = 0
    # after it is about the defined quantity, no condition on a new name
    uses_definition = any(
        d in mentioned
        or (isinstance(d, sp.Indexed) and d.base in mentioned)
        or (isinstance(d, AppliedUndef) and str(d.func) in names)
        or (
            isinstance(d, sp.Pow)
            and d not in (lhs, step.rhs)  # s^2 = 73.66 alone: a worked example's value
            and (lhs.has(d) or step.rhs.has(d))
        )
        for d in facts.definitions
    )
    # An equation between numbers is arithmetic: a claim, checked, never assumed. One the
    # declarations contradict is a claim too (it is refuted or unknown, never a premise).
    # An equation that names a symbol for the first time (x + b = 5 after b = 2) is a
    # condition on it, as is one about undefined symbols only.
    # (by name: a function's name met applied, l(\mu), is no new name when written bare)
    seen_names = {str(s) for s in facts.seen} | {str(d) for d in facts.definitions}
    new_names = {x for x in mentioned if isinstance(x, sp.Symbol) and str(x) not in seen_names}
    new_names |= _new_generic_members(lhs, step.rhs, facts)
    if (
        (not uses_definition or new_names)
        and mentioned
        and (
            _stated_value(lhs)
            or _stated_value(step.rhs)
            or _determines_new_names(lhs, step.rhs, new_names, seen_names)
        )
        and result.verdict is not Verdict.VERIFIED
        and _given_contradiction(lhs, step.rhs, facts) is None
        and _clash(facts.givens + [(lhs, step.rhs)], facts, _powers_defined(mentioned, facts))
        is None
        and not _a_claim_over_sizes(lhs, step.rhs)
        and not _from_a_condition(lhs, step.rhs, facts)
        and not _solution_of_previous(step, lhs, premise)
    ):
        zero = any(isinstance(e, sp.Basic) and e.is_zero for e in (lhs, step.rhs))
        if step.derived == "follows" or (
            step.derived in ("condition", "zero-condition") and not zero
        ):
            # "so, multiplying by two," \int 2 p(x) dx = 3: the prose says it follows, so it is
            # no premise (it was a given, exit 0); nor is it refuted by a value of a name no
            # row fixes ("Thus we impose u + v = 1": a premise after all)
            return StepResult(
                step,
                Verdict.UNKNOWN,
                result.rules if result.verdict is Verdict.UNKNOWN else (),
                "the prose before it says it follows, but it does not follow from the rows "
                "before it (no symbolic proof); if it is a premise, state it so ('Assume', "
                "'Suppose'), and it is taken as given",
                warnings=result.warnings,
            )
        return _give(step, lhs, facts)
    result = _special_moves(step, lhs, source, facts, result, values, timeout)
    if result.verdict is Verdict.REFUTED and mentioned and not uses_definition:
        result = _said_off_the_real_line(result, lhs, step.rhs, facts)
    late = _defined_late(lhs, step.rhs, facts) if result.verdict is Verdict.REFUTED else None
    if late is None and result.verdict is Verdict.REFUTED:
        late = _refuted_at_a_name_defined_later(step, lhs, result, facts)
    if late is not None:
        return StepResult(step, Verdict.UNKNOWN, result.rules, late, None, result.warnings)
    return result


def _pieces_in_range(expr):
    r"""``expr`` with each value defined under a condition (a Piecewise without "otherwise",
    ``y_c = ..., \quad c = 1, \ldots, C``) inside a sum or product whose range meets that
    condition at every term (``\sum_{c=1}^{C} y_c``) written as its value: the definition
    holds at each term. A condition the range does not imply, or one on another name, keeps
    the piece (the sum of the softmax over its own range was unknown, "the definitions it uses
    need C \geq c, c \geq 1")."""
    if not isinstance(expr, sp.Basic) or not expr.has(sp.Piecewise):
        return expr
    if not any(node.has(sp.Piecewise) for node in expr.atoms(sp.Sum, sp.Product)):
        return expr

    def implied(condition, limits) -> bool:
        for atom in sp.And.make_args(condition):
            if atom is sp.true:
                continue
            if not isinstance(atom, sp.core.relational.Relational) or isinstance(
                atom, (sp.Eq, sp.Ne)
            ):
                return False
            small, large = (
                (atom.lhs, atom.rhs) if isinstance(atom, (sp.Le, sp.Lt)) else (atom.rhs, atom.lhs)
            )
            strict = isinstance(atom, (sp.Lt, sp.Gt))
            pred = "positive" if strict else "nonnegative"
            ok = False
            for var, lo, hi in limits:
                if large == var and not small.has(var):
                    ok = cond.holds(pred, lo - small)  # c >= a: the range starts at a or above
                elif small == var and not large.has(var):
                    ok = cond.holds(pred, large - hi)  # c <= b: the range ends at b or below
                if ok:
                    break
            if not ok:
                return False
        return True

    def visit(node):
        if not isinstance(node, (sp.Sum, sp.Product)) or not node.function.has(sp.Piecewise):
            return node
        limits = [tuple(lim) for lim in node.limits]

        def piece(p):
            if isinstance(p, sp.Piecewise) and len(p.args) == 1 and implied(p.args[0].cond, limits):
                return p.args[0].expr
            return p

        variables = {lim[0] for lim in limits}
        function = _outside_rebinding(node.function, piece, variables)
        return node if function == node.function else node.func(function, *node.limits)

    try:
        return rebuild(expr, visit)
    except (TypeError, ValueError):  # a condition SymPy cannot compare: kept as written
        return expr


def _outside_rebinding(expr, visit, variables: set):
    """``rebuild(expr, visit)``, leaving alone every subtree a binder (a sum, product, integral
    or limit) of one of ``variables`` heads: there the name is that binder's own."""
    if not isinstance(expr, sp.Basic) or not expr.args:
        return visit(expr)
    binders = (sp.Sum, sp.Product, sp.Integral, sp.Limit)
    if isinstance(expr, binders) and set(getattr(expr, "variables", ())) & variables:
        return expr
    args = tuple(_outside_rebinding(a, visit, variables) for a in expr.args)
    node = expr if args == expr.args else build(expr.func, args)
    return visit(node)


def _said_off_the_real_line(result: StepResult, lhs, rhs, facts: Facts) -> StepResult:
    """A refuted row that no real values satisfy (``\\cos x = 2`` in a document, whose symbols
    are real unless declared otherwise): not taken as a given, for every row after would follow
    from it vacuously; its reason says why, and how to declare a name complex."""
    why = _given_contradiction(lhs, rhs, facts)
    if why is None or not why.startswith(REAL_LINE):
        return result
    return replace(
        result,
        reason=f"{why[len(REAL_LINE) :]}: not taken as a given, as every row after it would "
        'follow from it (declare a name complex if it may be, --assume "z complex")',
    )


def _derivatives_taken(tree):
    """``tree`` with its derivatives carried out (nothing else: a sum is left for the refuter)."""
    if not isinstance(tree, sp.Basic) or not tree.has(sp.Derivative):
        return tree
    return tree.replace(lambda node: isinstance(node, sp.Derivative), lambda node: node.doit())


def _outside_binders(pairs: list, *trees) -> list:
    r"""The equations of ``pairs`` that mention no variable a limit or an indefinite integral of
    ``trees`` runs (``k + m = 3`` solved for m inside ``\lim_{k \to \infty}``: that k is the
    limit's own, every value of it, and the given holds at some only; 1 = 0 was verified)."""
    running = set()
    for tree in trees:
        if not isinstance(tree, sp.Basic):
            continue
        running |= {node.args[1] for node in tree.atoms(sp.Limit)}
        running |= {
            lim[0] for node in tree.atoms(sp.Integral) for lim in node.limits if len(lim) == 1
        }
    if not running:
        return pairs
    return [
        (a, b)
        for a, b in pairs
        if not ((getattr(a, "free_symbols", set()) | getattr(b, "free_symbols", set())) & running)
    ]


def _refuted_at_a_name_defined_later(
    step: Step, lhs, result: StepResult, facts: Facts
) -> str | None:
    r"""Why a refutation is no counterexample when it gives a value to a name a later row of the
    document defines (``\prod_i \lambda^{y_i} = \lambda^{n \bar{y}}``, then "where $\bar{y}$
    is the mean": refuted at a free \bar{y} = 2): the author's name has the later row's value,
    not any. None otherwise."""
    cex = result.counterexample
    here = step.place.line if step.place is not None else None
    if cex is None or here is None:
        return None
    defined = {latex(d) for d in facts.definitions}
    for name, _value in cex.values:
        line, name_tree, value = facts.written_later.get(name, (None, None, None))
        if line is not None and line > here and name not in defined:
            try:  # with the later row's value put in, still refuted: a counterexample after all
                # derivatives carried out first: a later x = 2 is no variable to differentiate
                sides = [
                    put_in(_derivatives_taken(facts.unfold(e)), {name_tree: value})
                    for e in (lhs, step.rhs)
                ]
                if find_counterexample(*sides, trials=QUICK_TRIALS) is not None:
                    return None
            except Exception:  # noqa: BLE001 - SymPy failing on the row: left undecided
                pass
            return (
                f"not decided: the values that refute it give {name} a value of its own, and a "
                f"later row defines {name} (line {line}): define it before this row"
            )
    return None


def _contradicts_declarations(lhs, step: Step, facts: Facts) -> bool:
    """Whether a row that reads as a definition of an expression (``x^2 = -1`` with x real by
    the document's default) states what the declarations make impossible: a claim, checked."""
    if isinstance(lhs, (sp.Symbol, sp.Indexed, AppliedUndef)):
        return False  # a name: its definition is checked against its declaration (_define)
    try:
        return _given_contradiction(lhs, step.rhs, facts) is not None
    except (TypeError, ValueError, AttributeError, RecursionError):
        return False


STATIONARY = "given: the derivative set to zero (a stationarity condition)"


def _from_stationarity(
    step, lhs, premise, before, written_about, facts: Facts, values, timeout, chained=False
):
    r"""A row right after a derivative set to zero in the same display (``\frac{\partial}{\partial
    \mu} \log L(\mu) = 0``, then ``\sum_i (x_i - \mu) = 0``): the author evaluates the derivative
    and writes the next equation of the system. When every function differentiated there has a
    meaning written before (a definition, or the right side of an equation of the same section
    whose left side it is: ``written_about``), and the row writes a variable of the derivative
    and no name that meaning lacks, it is checked as following from the derivative of that
    meaning set to zero: verified, refuted at a point where that derivative vanishes and the
    row fails, or unknown naming the condition a proof needs. None when the row is no such step
    or nothing decides it (then it is the author's condition, a given, as before). With it,
    whether the function differentiated varies with the derivative's variables alone (then the
    row after this one continues the system: ``chained``, then the given the system's rows
    stand for, as canonical sides, else False; :func:`_next_of_system`)."""
    if chained and before is not None and before.reason != STATIONARY:
        return _next_of_system(step, lhs, premise, facts, values, timeout, chained), True
    result = _stationarity_row(step, lhs, premise, before, written_about, facts, values, timeout)
    return result, result is not None and _one_variable(premise[0], written_about, facts)


def _one_variable(sides, written_about, facts: Facts) -> bool:
    r"""Whether each function differentiated in ``sides`` varies with the derivative's
    variables alone: its arguments that its meaning writes are among them (``\ln p(D \mid
    \mu)`` meaning \sum_n [x_n \ln \mu + ...]: \mu alone; ``\ell(\mu, \sigma)`` or ``f(x, y)``
    by \mu or x: no, the rows after may be the other derivatives set to zero)."""
    derivatives = {d for x in sides for d in x.atoms(sp.Derivative)}
    if not derivatives:
        return False
    for d in derivatives:
        variables = {str(v) for v in d.variables}
        f = d.expr
        applied = list(f.atoms(AppliedUndef))
        if isinstance(f, sp.Symbol):
            applied = [k for k in facts.definitions if isinstance(k, AppliedUndef) and str(
                k.func) == str(f)]  # fmt: skip
        if len(applied) != 1:
            return False
        earlier = written_about.get(_about_key(f))
        meaning = earlier[1] if earlier is not None and earlier[1] is not None else facts.unfold(f)
        if meaning == f or not isinstance(meaning, sp.Basic):
            return False
        # its plain names other than the bounds of its sums and products (a parameter the
        # arguments leave out, \alpha in \ell(\beta) = -\sum_i (y_i - \alpha - \beta x_i)^2,
        # has its own derivative set to zero: red team s49-5)
        bounds = {
            x
            for big in meaning.atoms(sp.Sum, sp.Product)
            for _, lo, hi in big.limits
            for x in (lo.free_symbols | hi.free_symbols)
        }
        bounds |= {a.base.label for a in meaning.atoms(sp.Indexed)}  # (families: data)
        plain = {x for x in meaning.free_symbols if isinstance(x, sp.Symbol)} - bounds
        if not {str(x) for x in plain} <= variables:
            return False
    return True


def _next_of_system(step, lhs, premise, facts: Facts, values, timeout, standing=None):
    r"""The row after a row of a system a derivative set to zero started (of a function of that
    derivative's variables alone: no other derivative to set to zero), in the same display:
    checked from that row alone, as the next equation of the system (``\sum_n \frac{x_n -
    \mu}{\mu(1 - \mu)} = 0`` after ``\sum_n (\frac{x_n}{\mu} - \frac{1 - x_n}{1 - \mu}) = 0``).
    Verified only from that row without the givens about its names, refuted at a point where
    that row (and the givens) hold and it does not, unknown naming a condition; None when it
    is no such row (a name beyond that row's value: another equation) or nothing decides it."""
    sides, relation, _ = premise
    if (
        not step.after_equation
        or step.continues
        or step.relation != "="
        or lhs is None
        or relation != "="
        or len(sides) != 2
        or any(not isinstance(x, sp.Basic) for x in (*sides, lhs, step.rhs))
        or any(x.has(sp.Derivative, *_KINKS) for x in (*sides, lhs, step.rhs))
    ):
        return None
    before = [facts.unfold(x) for x in sides]
    row = [facts.unfold(x) for x in (lhs, step.rhs)]
    content = _content_names(before[0] - before[1])
    if not content <= _names_of(*row) or not _content_names(row[0] - row[1]) <= content:
        return None
    within = _without_opaque_stationary(facts, standing)
    implied = _implication(
        replace(step, follows="implies"), lhs, (list(sides), "=", False), within, values, timeout
    )
    reason = "the row before (the system a derivative set to zero starts)"
    if implied.verdict is Verdict.VERIFIED:
        about = {str(x) for x in content}
        apart = _without_givens(
            within,
            {k for k, g in enumerate(within.givens) if {str(x) for x in _names_of(*g)} & about},
        )
        alone = _implication(
            replace(step, follows="implies"), lhs, (list(sides), "=", False), apart, values,
            timeout,
        )  # fmt: skip
        if alone.verdict is not Verdict.VERIFIED:
            return StepResult(
                step,
                Verdict.UNKNOWN,
                implied.rules,
                f"not shown to follow from {reason} alone: it follows with an earlier given "
                "about its names",
                None,
                implied.warnings,
            )
        rest = implied.reason.removeprefix("it follows from the equation before")
        return replace(implied, step=step, reason=f"follows from {reason}{rest}")
    if implied.verdict is Verdict.REFUTED:
        return replace(implied, step=step, reason=f"does not follow from {reason}")
    if implied.rules and implied.reason:
        return StepResult(
            step,
            Verdict.UNKNOWN,
            implied.rules,
            f"follows from {reason} once its condition holds: {implied.reason}",
            None,
            implied.warnings,
        )
    return None


def _stationarity_row(step, lhs, premise, before, written_about, facts: Facts, values, timeout):
    """:func:`_from_stationarity` for the row right after the derivative set to zero."""
    if (
        before is None
        or before.reason != STATIONARY
        or not step.after_equation
        or step.continues
        or step.relation != "="
        or lhs is None
    ):
        return None
    sides, relation, _ = premise
    if relation != "=" or len(sides) < 2 or any(not isinstance(x, sp.Basic) for x in sides):
        return None
    row = (lhs, step.rhs)
    derivatives = {d for x in sides for d in x.atoms(sp.Derivative)}
    if not derivatives or any(e.has(sp.Derivative) for e in row):
        return None
    variables = {v for d in derivatives for v in d.variables}
    if derivatives and not any(e.has(v) for e in row for v in variables):
        return None  # a second condition (a constraint), not the derivative evaluated
    meanings, lines = {}, []
    for d in derivatives:
        if facts.unfold(d.expr) != d.expr:
            continue  # defined: the implication unfolds it
        earlier = written_about.get(_about_key(d.expr))
        if earlier is None or earlier[2] != step.section or earlier[1] is None:
            return None
        meanings[d.expr] = earlier[1]
        lines.append(earlier)
    written = [x.xreplace(meanings) for x in sides]
    unfolded = [facts.unfold(x) for x in written]
    if any(
        a.has(AppliedUndef) for x in unfolded for d in x.atoms(sp.Derivative) for a in (d.expr,)
    ):
        return None  # the derivative of a function nothing defines decides nothing
    if any(x.has(*_KINKS) for x in unfolded):
        # |\mu| has no derivative at 0, where SymPy's sign(0) = 0 makes one vanish (a point no
        # stationary one refuted a valid row)
        return None
    if not _names_of(*row) <= _names_of(*unfolded) | _names_of(*variables):
        return None
    last = len(facts.givens) - 1
    if meanings and last in facts.stationary:
        # the row before as a given says nothing of a function no row defines: its meaning
        # stands for it (the premise), so that a point where it holds can be found
        facts = _without_givens(facts, {last})
    # the derivatives of the meaning taken (a factor of the condition then shows: dividing by
    # it needs it nonzero)
    taken = [
        x.replace(lambda e: isinstance(e, sp.Derivative), lambda e: e.doit()) for x in unfolded
    ]
    content = _content_names(taken[0] - taken[-1])
    if not content <= _names_of(*row) or not _content_names(lhs - step.rhs) <= content:
        # a name of the derivative's value beyond its factors the row does not write: no value
        # of it the author wrote down but another equation (x + y = 1 after \frac{\partial
        # \mathcal{L}}{\partial y} = x - \lambda = 0: the constraint, a condition of its own),
        # or one beyond them (\sum_i (x_i - \mu)^2 = n \sigma^2 after \frac{\partial \ell}{
        # \partial \mu} = 0: the derivative by \sigma set to zero, another equation of it)
        return None
    # the condition holds where the meaning is defined (\log \mu: \mu > 0), not where only
    # its derivative is: a point where it holds lies there
    # (a real logarithm's argument positive: the document's names are real)
    keys = [
        ("positive", n.expr) if n.rule == "log" and n.key == ("nonzero", n.expr) else n.key
        for x in unfolded
        for d in x.atoms(sp.Derivative)
        for n in _needs_unfolded(d.expr, facts, {})
        if n.key
    ]
    implied = _implication(
        replace(step, follows="implies"), lhs, (taken, "=", False), facts, values, timeout
    )
    about = {str(v) for v in variables} | (_names_of(*row) if not variables else set())
    elsewhere = [k for k, g in enumerate(facts.givens) if {str(x) for x in _names_of(*g)} & about]
    if implied.verdict is Verdict.VERIFIED and elsewhere:
        # the variable is a variable here: what an earlier given says of it (another model's
        # \mu = x, in another section) proves nothing of this system; verified without them
        # only (refuted or not, with them: a constraint the author gave may be what it needs)
        apart = _without_givens(facts, set(elsewhere))
        alone = _implication(
            replace(step, follows="implies"), lhs, (taken, "=", False), apart, values, timeout
        )
        if alone.verdict is not Verdict.VERIFIED:
            lines_used = [facts.given_lines[k] for k in elsewhere if facts.given_lines[k]]
            said = f" (line {', '.join(map(str, lines_used))})" if lines_used else ""
            return StepResult(
                step,
                Verdict.UNKNOWN,
                implied.rules,
                f"not shown to follow from the row before alone: it follows with an earlier "
                f"given about its variable{said}, which may belong to another problem",
                None,
                implied.warnings,
            )
    if implied.verdict is Verdict.REFUTED and keys:
        implied = _within_meaning(implied, step, lhs, taken, keys, facts, values)
    origin = "the derivative set to zero in the row before"
    where = " and ".join(
        f"line {line}'s right side" if line else "an earlier row's right side" for line, *_ in lines
    )
    with_meaning = f", the derivative of {where}" if where else ""
    unsettled = tuple(
        f"uses line {line}'s equation, which is not established" if line else
        "uses an earlier equation that is not established"
        for line, _, _, holds, _ in lines
        if not holds
    )  # fmt: skip
    if implied.verdict is Verdict.VERIFIED and _vacuous_premise((taken, "=", False), facts, values):
        # the derivative set to zero holds nowhere (\frac{d}{d\mu} \mu = 1 = 0): what follows
        # from it follows vacuously, no step the author made
        return StepResult(
            step,
            Verdict.UNKNOWN,
            implied.rules,
            f"not checked: {origin}{with_meaning} holds for no value, and anything would follow "
            "from it",
            None,
            implied.warnings,
        )
    introduced = None
    if implied.verdict is Verdict.VERIFIED:
        # what the row needs, the derivative set to zero needs too (it is defined where it
        # holds: \frac{x}{\mu} needs \mu \neq 0 on both), else it needs it established
        # (and what the function differentiated needs: it is defined where its derivative is)
        meant = [d.expr for x in unfolded for d in x.atoms(sp.Derivative)]
        # (a definition's body may write a name with other assumptions than the row: by name)
        names = {x.name: x for e in row for x in e.free_symbols if isinstance(x, sp.Symbol)}
        same = {
            x: names[x.name]
            for e in (*taken, *meant)
            for x in e.free_symbols
            if isinstance(x, sp.Symbol) and x.name in names and names[x.name] != x
        }
        origins = [e.xreplace(same) for e in (*taken, *meant)]
        introduced = _introduced([lhs, step.rhs], origins, facts, values)
    if introduced is not None:
        return StepResult(step, Verdict.UNKNOWN, implied.rules, introduced, None, implied.warnings)
    if implied.verdict is Verdict.VERIFIED:
        rest = implied.reason.removeprefix("it follows from the equation before")
        reason = f"follows from {origin}{with_meaning}{rest}"
        return replace(implied, step=step, reason=reason, warnings=implied.warnings + unsettled)
    if implied.verdict is Verdict.REFUTED:
        reason = f"does not follow from {origin}{with_meaning}"
        return replace(implied, step=step, reason=reason, warnings=implied.warnings + unsettled)
    if implied.rules and implied.reason:
        reason = f"follows from {origin}{with_meaning} once its condition holds: {implied.reason}"
        return StepResult(step, Verdict.UNKNOWN, implied.rules, reason, None, implied.warnings)
    return None


_KINKS = (sp.Abs, sp.sign, sp.Piecewise, sp.Heaviside, sp.floor, sp.ceiling, sp.Max, sp.Min)


def _within_meaning(implied, step, lhs, taken, keys, facts: Facts, values) -> StepResult:
    r"""A row refuted as not following from a derivative set to zero, looked at again where the
    function differentiated is defined (its meaning needs \mu > 0: a point at \mu = -2, where
    only the derivative's formula is defined, is none the author meant). Refuted with a point
    there, else unknown."""
    sides = [_unfolded(e, facts, values) for e in (lhs, step.rhs)]
    # every equation the row before states: a = b = 0 says a = 0 too
    premises = [tuple(_unfolded(e, facts, values) for e in (x, taken[-1])) for x in taken[:-1]]
    givens = [*_givens(facts, *sides), *premises]
    real = _undefined_real((*sides, *(e for g in givens for e in g)), facts)
    try:
        found = find_counterexample(
            *(e.xreplace(real) for e in sides),
            [(a.xreplace(real), b.xreplace(real)) for a, b in givens],
            seed=2,
            ranges=facts.ranges,
            values=_replaced_keys(values, real),
            domain=[(pred, e.xreplace(real)) for pred, e in dict.fromkeys(keys)],
        )
    except SYMPY_FAILURES:
        found = None
    if found is None:
        return StepResult(
            step,
            Verdict.UNKNOWN,
            implied.rules,
            "not shown to follow from the derivative set to zero in the row before: the points "
            "found where it fails lie where the function differentiated is not defined",
            None,
            implied.warnings,
        )
    return replace(implied, counterexample=_without_margins(found, facts))


def _another_condition(premise, lhs, step: Step, facts: Facts, in_system=False) -> bool:
    r"""Whether the row, refuted as following from the equation before, may be another equation
    of the system a derivative set to zero started (``in_system``: right after it, or after a
    row checked from it) rather than a step from it: it writes a name beyond that equation's
    value (beyond its factors; ``x + y = 1`` after ``\frac{\partial \mathcal{L}}{\partial y} =
    x - \lambda = 0``: the constraint, refuted as not following)."""
    sides = premise[0]
    if not in_system or lhs is None or len(sides) < 2:
        return False
    if any(not isinstance(x, sp.Basic) for x in sides[-2:]):
        return False
    try:
        # what the row before says, its definitions put in and its derivatives taken (\frac{
        # \partial f}{\partial \mu} = 0 with f defined is about f's names, not about f)
        sides = [
            facts.unfold(x).replace(lambda e: isinstance(e, sp.Derivative), lambda e: e.doit())
            for x in sides[-2:]
        ]
    except (TypeError, ValueError, RecursionError, NotImplementedError):
        return False
    # a hatted name is its letter's value (\hat p = 7 after p - 3 = 0: the solution named)
    try:
        row = [facts.unfold(e) for e in (lhs, step.rhs)]  # (\bar{x} is the x_i it averages)
    except (TypeError, ValueError, RecursionError):
        return False
    written = {
        relations.hat_letter(x) if isinstance(x, sp.Symbol) and x.name.startswith("hat") else str(x)
        for x in _names_of(*row)
    }
    try:
        content = {str(x) for x in _content_names(sides[-2] - sides[-1])}
    except (TypeError, ValueError, RecursionError):
        return False
    # in a system a derivative set to zero started, a name beyond the row before's value says
    # so: \sum_i (x_i - \mu)^2 = n \sigma^2 after \sum_i (x_i - \mu) = 0 (or after \frac{
    # \partial \ell}{\partial \mu} = 0) is the derivative by \sigma set to zero; elsewhere a
    # row that does not follow is refuted (2x + 4y = 6, then x = 3 - 2z: a slip, red team s49-4)
    return bool(written - content)


def _content_names(expr) -> frozenset:
    r"""The names of ``expr`` outside the factors that are powers of one name or numbers
    (``\frac{a}{\sigma^2} \sum_i (x_i - \mu)``: x, n, \mu), which an equation ``expr = 0``
    rewritten may drop."""
    e = sp.factor_terms(_linear_sums(expr))
    kept = [
        f
        for f in sp.Mul.make_args(e)
        if not f.is_number
        and not isinstance(f.base if isinstance(f, sp.Pow) else f, (sp.Symbol, sp.Indexed))
    ]
    return _names_of(*kept) if kept else _names_of(e)


def _without_givens(facts: Facts, drop) -> Facts:
    """``facts`` without the givens at the positions ``drop`` (for one check): their lines,
    their equations and the stationary marks kept in step with what stays."""
    kept = [k for k in range(len(facts.givens)) if k not in drop]
    if len(kept) == len(facts.givens):
        return facts
    said = lambda k: tuple(canonical(e) for e in facts.givens[k])  # noqa: E731
    gone = {said(k) for k in drop if k < len(facts.givens)} - {said(k) for k in kept}
    return replace(
        facts,
        givens=[facts.givens[k] for k in kept],
        given_lines=[facts.given_lines[k] for k in kept],
        stationary={kept.index(k) for k in facts.stationary if k in kept},
        equations=[
            e for e in facts.equations if not (e.kind == "given" and (e.lhs, e.rhs) in gone)
        ],
    )


def _opaque_stationary(facts: Facts, k: int) -> bool:
    """Whether given ``k`` is a derivative set to zero of a function nothing defines."""
    return k in facts.stationary and any(
        d.expr.has(AppliedUndef)
        for e in facts.givens[k]
        for d in facts.unfold(e).atoms(sp.Derivative)
    )


def _without_opaque_stationary(facts: Facts, standing) -> Facts:
    """``facts`` without the derivative set to zero of a function nothing defines that the rows
    of a system stand for (``standing``, its canonical sides; for a check from such a row): no
    point could be shown to meet it. Another such given (the derivative by y, when the system
    is the one by x) stays (red team s49-4: dropping every one refuted a row that needed it)."""
    drop = {
        k
        for k in range(len(facts.givens))
        if _opaque_stationary(facts, k) and tuple(canonical(e) for e in facts.givens[k]) == standing
    }
    return _without_givens(facts, drop)


def _without_its_own_stationarity(facts: Facts, source, target=None) -> Facts:
    r"""``facts`` without the derivatives set to zero about a derivative ``source`` writes: a
    row that gives that derivative a value (``\frac{\partial \ell}{\partial \sigma} = -n +
    \frac{S}{\sigma^2}`` after it was set to zero) states the derivative as a function of the
    variable, which its own condition would make hold trivially at the point (0 = 0: the
    factor sigma the author dropped passed as verified)."""
    if not isinstance(source, sp.Derivative) or not facts.stationary:
        return facts  # a row that uses the derivative (-\frac{2}{\theta} \ell' - ...) may use it
    if target is not None and not (getattr(target, "free_symbols", set()) & set(source.variables)):
        # its value at the solution, the variable put in (\frac{S}{S/n} - n): at the point
        return facts
    drop = _stationary_about({canonical(source)}, facts)
    if not drop:
        return facts
    # what was verified from the condition goes too (S = n\sigma^2, then the same row passed
    # by "substitute": red team s50-3)
    return _without_givens_and_derived(facts, drop)


def _stationary_about(derivatives: set, facts: Facts) -> set:
    """The positions of the derivatives set to zero about one of ``derivatives`` (canonical
    trees; Facts.given_about)."""
    return {
        k
        for k in facts.stationary
        if k < len(facts.givens)
        and derivatives
        & {
            canonical(d)
            for e in facts.given_about.get(facts.givens[k], ())
            if isinstance(e, sp.Basic)
            for d in e.atoms(sp.Derivative)
        }
    }


def _supersede_all_stationary(facts: Facts) -> None:
    """Drop every derivative set to zero so far, with what was verified from them."""
    drop = {k for k in facts.stationary if k < len(facts.givens)}
    if drop:
        _drop_givens_and_derived(facts, drop)


def _without_givens_and_derived(facts: Facts, drop: set) -> Facts:
    """``facts`` without the givens at ``drop`` and what was verified from them
    (Facts.derived_from), their equations with them."""
    derived = facts.derived_from([facts.givens[k] for k in drop])
    said = {(canonical(facts.verified[k][1]), canonical(facts.verified[k][2])) for k in derived}
    lean = _without_givens(facts, drop)
    return replace(
        lean,
        verified=[v for k, v in enumerate(facts.verified) if k not in derived],
        equations=[e for e in lean.equations if not (e.kind == "claim" and (e.lhs, e.rhs) in said)],
    )


def _drop_givens_and_derived(facts: Facts, drop: set) -> None:
    """Drop the givens at ``drop`` in place, with what was verified from them."""
    lean = _without_givens_and_derived(facts, drop)
    facts.givens, facts.given_lines, facts.stationary = (
        lean.givens,
        lean.given_lines,
        lean.stationary,
    )
    facts.equations, facts.verified = lean.equations, lean.verified


def _supersede_stationary(about: tuple, facts: Facts, section=None) -> None:
    r"""Drop the derivatives set to zero earlier by the same variables as one of the derivatives
    in ``about`` (Facts.given_about): the same derivative set to zero again (a second case), or
    another function's by the same variable (a second model, l_B after l_A, in the same letter:
    the letter names the new stationary point). By other variables (d/d\mu, then d/d\sigma of
    one function: a system) they stay."""
    derivatives = {
        canonical(d) for e in about if isinstance(e, sp.Basic) for d in e.atoms(sp.Derivative)
    }
    variables = {tuple(d.variables) for d in derivatives}
    if not variables:
        return
    drop = _stationary_about(derivatives, facts)
    # another function's by the same variable under another heading (a second model): in one
    # section both may hold together (df/dx = 0 and dg/dx = 0, then a = b; red team s50-4)
    drop |= {
        k
        for k in facts.stationary
        if k < len(facts.givens)
        and facts.given_section.get(facts.givens[k], section) != section
        and variables
        & {
            tuple(canonical(d).variables)
            for e in facts.given_about.get(facts.givens[k], ())
            if isinstance(e, sp.Basic)
            for d in e.atoms(sp.Derivative)
        }
    }
    if drop:
        _drop_givens_and_derived(facts, drop)


def _drop_stationary_given(facts: Facts) -> None:
    """The derivative set to zero just given makes way for the row the author derived from it
    (:func:`_from_stationarity`): the rows after it are checked from that row, as the author
    wrote them; with both kept, a refuted row and the condition together would fix the values
    and a later wrong row could follow from the two."""
    last = len(facts.givens) - 1
    if last not in facts.stationary:
        return
    if _opaque_stationary(facts, last):
        # of a function nothing defines it fixes no value: kept, as it always was (without it,
        # rows of later sections it kept from being sampled were refuted as identities)
        return
    said = tuple(canonical(e) for e in facts.givens[last])
    del facts.givens[last], facts.given_lines[last]
    facts.stationary.discard(last)
    facts.equations = [
        e for e in facts.equations if not (e.kind == "given" and (e.lhs, e.rhs) == said)
    ]


def _solution_of_previous(step: Step, lhs, premise) -> bool:
    """Whether ``x = 2`` (a name and a value) right after an equation row of the same display
    that writes x (``\\frac{n}{p} - \\frac{m}{1-p} = 0`` then ``p = \\frac{1}{2}``) is the
    solution the author finds: a step checked as following from that row, never a given."""
    if premise is None or not step.after_equation:
        return False
    sides, relation, _ = premise
    pair = (lhs, step.rhs)
    name = next(
        (a for a, b in (pair, pair[::-1]) if isinstance(a, sp.Symbol) and b.is_number), None
    )
    return (
        name is not None
        and relation == "="
        and any(isinstance(x, sp.Basic) and name in x.free_symbols for x in sides)
    )


_COMPUTED = (sp.Derivative, sp.Integral, sp.Limit, Expectation)


def _new_generic_members(lhs, rhs, facts: Facts) -> set:
    r"""The generic members written here for the first time (``\tau_n`` in ``\frac{1}{\tau_n^2} =
    \frac{1}{\tau_0^2} + \frac{n}{\sigma^2}``) of families written so far only at numbered
    members (``\tau_0``, a prior's) and defined nowhere: a new name, as a symbol written for the
    first time is (a posterior's precision was refuted at a free \tau_1)."""
    out = set()
    for side in (lhs, rhs):
        if not isinstance(side, sp.Basic):
            continue
        for x in side.free_symbols:
            if not _generic_member(x) or x in facts.seen:
                continue
            family = [
                m
                for m in (*facts.seen, *facts.definitions)
                if isinstance(m, sp.Indexed) and m.base == x.base
            ]
            if any(m in facts.definitions for m in family) or not all(
                all(i.is_Integer for i in m.indices) for m in family
            ):
                continue
            out.add(x)
    return out


def _determines_new_names(lhs, rhs, new_names: set, seen_names: set) -> bool:
    r"""Whether the equation sets names written here for the first time, all on one side, by
    what the other side says of names met before: ``\frac{N}{\sigma^2} + \frac{1}{\sigma_0^2} =
    \frac{1}{\hat\sigma^2}`` after rows that wrote N, \sigma and \sigma_0 (a posterior's
    coefficients matched) determines \hat\sigma; an identity in a name nothing has said
    anything of is no claim a reader would make. A condition the author states, as a value set
    is (``x + b = 5``): a given, never refuted for the values the new names could take."""
    if not new_names:
        return False
    for side, other in ((lhs, rhs), (rhs, lhs)):
        if any(other.has(n) for n in new_names):
            continue
        # the new names in plain algebra; the other side no quantity the row computes (a
        # derivative, an integral, a limit: \frac{\partial l}{\partial w_j} = ... with a new z
        # is a claim about the derivative), nor a value of an undefined function
        if side.has(*_COMPUTED, sp.Sum, sp.Product, AppliedUndef):
            continue
        if other.has(*_COMPUTED, AppliedUndef):
            continue
        # a name alone on either side is a value named (y_1 = a, E = w^2 after dE/dw): the
        # readings of definitions and of values decide those rows
        if isinstance(side, (sp.Symbol, sp.Indexed)) or isinstance(other, (sp.Symbol, sp.Indexed)):
            continue
        known = {x for x in other.free_symbols if isinstance(x, sp.Symbol)}
        known |= {a.base for a in other.atoms(sp.Indexed)}
        if known and all(str(x) in seen_names for x in known):
            return True
    return False


def _stated_value(side) -> bool:
    """Whether ``side`` is a number as written (``3``, ``\\frac{1}{2}``, ``\\log 2``), which makes
    an equation about undefined names a condition the author states. An integral, sum,
    derivative or limit of unknown functions is a number to SymPy when nothing is free
    (``\\int_{-\\infty}^{\\infty} p(x) \\log p(x) dx``), but it is a quantity the row derives a
    value for: a claim, not a given."""
    if not side.is_number:
        return False
    return not side.has(AppliedUndef, sp.Integral, sp.Sum, sp.Product, sp.Derivative, sp.Limit)


def _solves_a_given(step: Step, lhs, facts: Facts, values, timeout) -> StepResult | None:
    r"""A new hatted name ``\hat\mu = v`` after a condition about its letter with 0 on one side
    (the equation the author set, ``\sum_i (x_i - \mu) = 0``, not ``\mu = 0``: a given, or the
    premise of an implication that ended and concluded about the letter) names that equation's
    solution; the latest such equation decides (:func:`_solves`): verified when it implies ``\mu
    = v`` (as ``\Rightarrow \hat\mu = v`` is, relations.hat_target), unknown when v is a root
    not shown to be given by it, refuted when v does not solve it (a counterexample where it,
    with v put in, fails); None otherwise (undecided: the row stays the definition it reads
    as)."""
    if not isinstance(lhs, sp.Symbol) or not lhs.name.startswith("hat"):
        return None
    # the givens, and the premises supposed for implications that ended, latest last
    candidates = [
        (a, b, facts.given_lines[n] if n < len(facts.given_lines) else None, None)
        for n, (a, b) in enumerate(facts.givens)
    ]
    candidates = sorted(facts.retracted + candidates, key=lambda c: -1 if c[2] is None else c[2])
    name = relations.hat_letter(lhs)  # p for \hat{p} and \hat{p}_{MLE}
    for a, b, line, about in reversed(candidates):
        base = [x for x in a.free_symbols | b.free_symbols if getattr(x, "name", None) == name]
        # an equation set to solve for the letter: one side 0 (\sum_i (x_i - \mu) = 0), the
        # letter not alone on a side (\mu = 0 states a value, a hypothesis, not a condition);
        # an ended premise only when its implication concluded about the letter (the premise
        # solved for \sigma that mentions \mu says nothing of \hat\mu)
        if line is None or len(base) != 1 or 0 not in (a, b) or base[0] in (a, b):
            continue
        if about is not None and base[0] not in about:
            continue
        if step.rhs.has(base[0]) or step.rhs.has(lhs):
            return None
        return _solves(step, lhs, base[0], a, b, line, facts, values, timeout)
    return None


def _solves(step: Step, lhs, base, a, b, line, facts: Facts, values, timeout):
    r"""What ``\hat\mu = v`` is as the solution of ``a = b`` (line ``line``) for ``base``:
    verified (implied), unknown (a root not shown to be given by it), refuted (no root), or
    None (undecided)."""
    value = step.rhs
    where = f"the equation at line {line}"
    implied = _implication(
        replace(step, follows="implies"), lhs, ([a, b], "=", True), facts, values, timeout
    )
    if implied.verdict is Verdict.VERIFIED:
        rest = implied.reason.removeprefix("it follows from the equation before")
        return replace(implied, step=step, reason=f"solves {where}{rest}")
    put = {base: value}
    # a derivative by the letter (d/d\theta (\theta^2 - 4\theta) = 0) at the value: Subs, as
    # SymPy's subs writes it (put in as written, it was a derivative by 3: SymPy's ValueError)
    left, right = (e.subs(put) if e.has(sp.Derivative) else e.xreplace(put) for e in (a, b))
    solves = _claim(replace(step, lhs=left, rhs=right), left, facts, values, timeout)
    if solves.verdict is Verdict.VERIFIED:
        # a root of it; that the equation gives it is not shown (another root, or a
        # condition not established: dividing by n needs n \neq 0)
        # (unknown even when another root refutes the implication: this value is a root)
        return StepResult(
            step,
            Verdict.UNKNOWN,
            solves.rules,
            f"{latex(value)} solves {where}, which is not shown to give it: {implied.reason}",
            None,
            implied.warnings,
        )
    if solves.verdict is not Verdict.REFUTED:
        return None
    refuted = replace(
        solves,
        step=step,
        reason=f"{latex(base)} = {latex(value)} does not solve {where}: "
        f"{latex(a)} = {latex(b)} fails there",
    )
    # a sum whose range the author did not write (\sum x_i in the equation, \sum_{i=1}^n x_i
    # in the value) differs only at an invented length: no refutation
    return _unwritten_range(refuted, facts, a, b, value)


def _defined_late(lhs, rhs, facts: Facts) -> str | None:
    r"""Why ``lhs = rhs`` is neither refuted nor a definition when it names the value of a name
    (or family member) that earlier rows differentiate by as a variable of its own (``a_0 = v_{0,0}
    z_0 + ...`` after ``\frac{\partial E}{\partial a_0}``): it reads as the name's definition,
    which would change those rows, so it is not taken as one; it is no false equation either.
    None when the row is no such definition."""
    target = lhs
    if not isinstance(target, (sp.Symbol, sp.Indexed)) or target in facts.definitions:
        return None
    line = facts.differentiated.get(target)
    if line is None or facts.unfold(rhs).has(target):
        return None
    if any(target in (a.free_symbols | b.free_symbols) for a, b in facts.givens):
        return None
    where = f" (line {line})" if line else ""
    return (
        f"not decided: it defines {latex(target)}, which an earlier row differentiates by as a "
        f"variable of its own{where}; taken as a definition it would change those rows, so it "
        "is not used: define it before the rows that differentiate by it"
    )


def _example_value_released(step: Step, facts: Facts) -> None:
    r"""A row that differentiates by a name an earlier section gave a number (``p = \frac{1}{2}``
    under "Fair coin", then ``\frac{dL}{dp}`` under "A general coin"): the name is the variable
    of the general case, no longer the example's value, whose definition is forgotten from here
    on with what was shown about it (``2p - 3p^2 = \frac{1}{4}`` was verified with p = 1/2 in
    the general case). In the example's own section the value stands (as before)."""
    for tree in (step.lhs, step.rhs):
        if not isinstance(tree, sp.Basic) or not tree.has(sp.Derivative):
            continue
        for node in tree.atoms(sp.Derivative):
            for v in node.variables:
                value = facts.definitions.get(v)
                if not isinstance(value, sp.Basic) or not value.is_number:
                    continue
                if facts.defined_section.get(v, step.section) == step.section:
                    continue
                facts.released[str(v)] = facts.defined_at.get(v)
                facts.forget_meaning(v)


def _number_differentiated(source, target, facts: Facts) -> str | None:
    r"""Why a step that differentiates a name defined as a number (a worked example's value,
    ``L = -\log(0.245)``, then ``\frac{\partial L}{\partial o} = p - y``) is not decided: by
    that definition the derivative is 0, which is not what the author differentiates; the
    example is no definition of the function. None when no such name is differentiated."""
    for tree in (source, target):
        if not isinstance(tree, sp.Basic):
            continue
        for node in tree.atoms(sp.Derivative):
            for name in sorted(node.expr.free_symbols, key=sp.default_sort_key):
                value = facts.definitions.get(name)
                if name in node.variables or not isinstance(value, sp.Basic):
                    continue
                if value.free_symbols or not value.is_number:
                    continue
                line = facts.defined_at.get(name)
                where = f" (line {line})" if line else ""
                return (
                    f"not decided: {latex(name)} is defined as a number{where}, so by that "
                    f"definition its derivative by {', '.join(latex(v) for v in node.variables)} "
                    "is 0; a worked example's value is no definition of the function: define "
                    f"{latex(name)} as a function, or give the example's value another name"
                )
    return None


def _undefined_real(exprs, facts: Facts) -> dict:
    """The names of ``exprs`` (already unfolded) that the document leaves real by default but
    for a row that may define them, which defines none of them here: each to a real symbol of
    the same name, so that no counterexample takes ``y = -i`` in a document whose names are
    real (``2y = 4z`` before ``y = 2z``)."""
    if not facts.undefaulted:
        return {}
    return {
        x: sp.Symbol(x.name, real=True, **{k: v for k, v in x.assumptions0.items() if v})
        for e in exprs
        for x in e.free_symbols
        if isinstance(x, sp.Symbol)
        and x.name in facts.undefaulted
        and x.is_real is None
        and x not in facts.definitions
    }


def _replaced_keys(values: dict, put: dict) -> dict:
    """``values`` with each key replaced as ``put`` says (:func:`_undefined_real`)."""
    if not put or not values:
        return values
    return {k.xreplace(put) if isinstance(k, sp.Basic) else k: v for k, v in values.items()}


def _names_of(*exprs) -> frozenset:
    """The names of ``exprs``: free symbols and the bases of indexed families."""
    return frozenset(
        {x for e in exprs for x in e.free_symbols if not isinstance(x, sp.Indexed)}
        | {a.base.label for e in exprs for a in e.atoms(sp.Indexed)}
    )


def _from_a_condition(lhs, rhs, facts: Facts) -> bool:
    r"""Whether an equation about the names of the conditions the author set before (a
    derivative set to zero) and no other is a step from them, a claim: after ``\sum_i (x_i -
    \mu) = 0``, ``\sum_i x_i - 2n\mu = 0`` is a wrong rewriting, never a new given."""
    if not facts.conditions:
        return False
    names = _names_of(lhs, rhs)
    return bool(names) and names <= frozenset().union(*facts.conditions)


def _is_new_definition(step: Step, lhs, facts: Facts) -> bool:
    """Whether a document's row defines a new name: a new symbol (or function, or family
    member) alone on its left, not on its right."""
    from eqchain.check import moves

    if step.continues:
        return False
    target = moves.defined_symbol(lhs)
    head = target.func if isinstance(target, AppliedUndef) else target
    head = head.base if isinstance(head, sp.Pow) else head
    functions = {str(d.func) for d in facts.definitions if isinstance(d, AppliedUndef)}
    if isinstance(head, sp.Symbol) and str(head) in functions:
        return False  # L after L(p) = ...: the function's value (Facts.named), no new name
    # a function's name met before as a symbol (g(2) read as g \cdot 2) is no new name; a
    # function of another signature (p(x | y) beside p(x, y): its bars) is another function
    seen_names = (
        {str(s) for s in facts.seen if isinstance(s, sp.Symbol)} if head is not target else set()
    )
    return (
        target is not None
        and (
            (head not in facts.seen and str(head) not in seen_names)
            or _applied_only(target, head, facts)
        )
        and target not in facts.definitions
        and not step.rhs.has(head)
        and not _leads_back(step.rhs, head, facts)
        and _new_member(target, step.rhs, facts)
        and not _clashes_with_defined_power(target, step.rhs, facts)
    )


def _subscripted_names(member) -> list[str]:
    """The names a function written with a subscript has, ``J_i``, ``J_{i}``, ``J_{ij}``, for
    the family member ``member`` (J[i], J[i, j]) written with the same letters."""
    base, indices = str(member.base), [str(i) for i in member.indices]
    joined = "".join(indices)
    names = [f"{base}_{{{joined}}}"]
    if len(indices) == 1 and len(joined) == 1:
        names.append(f"{base}_{joined}")
    return names


def _is_reversed_definition(step: Step, lhs, facts: Facts) -> bool:
    """Whether a document's row names its left side by a new plain name alone on its right
    (``\\sum_i p_i x_i = M``): a definition read right to left, as :func:`_is_new_definition`
    reads one left to right, when the left side is no new name itself (``a = b``, both new,
    defines a) and is not a bare number (``5 = M`` is a value stated: a given)."""
    rhs = step.rhs
    if step.continues or step.kind is not StepKind.CLAIM or not isinstance(rhs, sp.Symbol):
        return False
    if not isinstance(lhs, sp.Expr) or lhs.is_number or isinstance(lhs, sp.Symbol):
        return False
    flipped = replace(step, lhs=rhs, rhs=lhs)
    return _is_new_definition(flipped, rhs, facts)


def _leads_back(rhs, head, facts: Facts) -> bool:
    """Whether ``rhs`` mentions ``head`` through the definitions: ``f(a) = y + 1`` after
    ``y = f(a)`` would define f by itself (f(a) = f(a) + 1, and 3 = 4 would follow)."""
    try:
        return bool(facts.unfold(rhs).has(head))
    except (TypeError, ValueError, AttributeError, RecursionError):
        return True


def _clashes_with_defined_power(target, rhs, facts: Facts) -> bool:
    r"""Whether naming ``target``'s value ``rhs`` disagrees with a defined power of it: after
    ``s^2 = a``, s = \sqrt{a} (or -\sqrt{a}) picks a root, but ``s = a`` is no definition
    (s^2 would be a^2 as well as a, and a = a^2 would follow): a claim, checked. So is a value
    of a name the power's value mentions that mentions the power's name (t = s after s^2 = t)."""
    if not isinstance(target, (sp.Symbol, sp.Indexed)):
        return False
    for power, value in facts.definitions.items():
        if (
            isinstance(power, sp.Pow)
            and target in value.free_symbols | value.atoms(sp.Indexed)
            and _leads_back(rhs, power.base, facts)
        ):
            return True  # t = s after s^2 = t: s^2 = s, an equation about s, no definition
        if not (isinstance(power, sp.Pow) and power.base == target and power.exp.is_Integer):
            continue
        try:
            difference = facts.unfold(rhs) ** power.exp - facts.unfold(value)
            if sp.simplify(difference) != 0:
                return True
        except (TypeError, ValueError, NotImplementedError, RecursionError, AttributeError):
            return True
    return False


def _names_the_function(step: Step, lhs, source, facts: Facts) -> StepResult | None:
    r"""The second link of ``y_n = \sigma(a_n) = \frac{1}{1 + e^{-a_n}}``: the link before
    defined y_n as a function applied, a function nothing has said anything about so far
    (:func:`_applied_only`), and this link says what the function is: it defines it, as the
    row ``\sigma(a_n) = \frac{1}{1 + e^{-a_n}}`` on its own would. A family's member as the
    argument is the function's variable only when the value is a function of it alone (no
    other member of the family, not its index: ``\frac{1}{1 + e^{-a_n x_n}}`` is no function
    of a_n); None when the link is anything else (it is then checked as a claim)."""
    if not step.continues or source is None or facts.definitions.get(lhs) != source:
        return None
    if not isinstance(source, AppliedUndef) or matrices.is_node(source) or not source.args:
        return None
    head = source.func
    if step.rhs.has(head) or _leads_back(step.rhs, head, facts):
        return None  # y = f(a) = y + 1: f by itself
    if not _applied_only(source, head, facts):
        return None
    if len(set(source.args)) != len(source.args):
        return None
    put, body = {}, step.rhs
    for arg in source.args:
        if isinstance(arg, sp.Symbol):
            continue
        if not _generic_member(arg):
            return None
        variable = sp.Symbol(f"{arg.base.label}\u2032", real=True) if arg.is_real else None
        if variable is None or body.has(variable):
            return None
        body = body.xreplace({arg: variable})
        if any(m.base == arg.base for m in body.atoms(sp.Indexed)) or body.free_symbols & set(
            arg.indices
        ):
            return None  # the value is no function of the member alone
        put[arg] = variable
    if any(isinstance(a, sp.Symbol) and a in body.free_symbols for a in put):
        return None
    try:
        return _define(replace(step, rhs=body), source.xreplace(put), facts)
    except InputError:
        return None


def _defines_at_members(step: Step, lhs, facts: Facts) -> StepResult | None:
    r"""A row ``p(y_i \mid \mu, \sigma^2) = \frac{1}{\sqrt{2 \pi \sigma^2}} e^{-(y_i -
    \mu)^2 / (2 \sigma^2)}`` that names the value of a new function at a family's generic
    member (the density of one observation): a definition of the function at every member of
    that family, ``p(y_j \mid \mu, \sigma^2)`` for any j, and nowhere else (``p(y \mid \mu,
    \sigma^2)``, the joint density an author often writes with the same letter, stays
    undefined: :func:`_put_arguments` puts in a member of the same family only). Read so only
    when the value is a function of the member alone (no other member of its family, not its
    index, :func:`_put_arguments`) and the function is new (:func:`_is_new_definition`'s
    conditions); None otherwise (the row is then read as before)."""
    if step.continues or step.kind is not StepKind.CLAIM or not step.infer_kind:
        return None
    if not _at_members(step, lhs, facts):
        return None
    head = lhs.func
    seen_names = {str(s) for s in facts.seen if isinstance(s, sp.Symbol)}
    if (head in facts.seen or str(head) in seen_names) and not _applied_only(lhs, head, facts):
        return None
    if any(isinstance(d, AppliedUndef) and str(d.func) == str(head) for d in facts.definitions):
        return None
    try:
        return _define(step, lhs, facts)
    except InputError:
        return None


def _at_members(step: Step, lhs, facts: Facts) -> bool:
    """Whether ``lhs = step.rhs`` has the shape of a function's value at a family's generic
    member (:func:`_defines_at_members`): the function applied to generic members of distinct
    families and names (or squares of names), the value a function of these alone."""
    if not isinstance(lhs, AppliedUndef) or matrices.is_node(lhs) or not lhs.args:
        return False
    from eqchain.check import moves

    members = [a for a in lhs.args if isinstance(a, sp.Indexed)]
    if not members or not all(_generic_member(m) for m in members):
        return False
    if not all(
        a in members or isinstance(a, sp.Symbol) or moves._square_of_name(a) for a in lhs.args
    ):
        return False
    if len(set(lhs.args)) != len(lhs.args) or len({m.base for m in members}) != len(members):
        return False
    indices = {i for m in members for i in m.indices}
    if indices & set(lhs.args) or {m.base.label for m in members} & set(lhs.args):
        return False
    head = lhs.func
    if step.rhs.has(head) or _leads_back(step.rhs, head, facts):
        return False
    fresh = {m: sp.Dummy() for m in members}
    template = substitute(step.rhs, fresh)
    if any(template.has(m.base) or template.free_symbols & set(m.indices) for m in members):
        return False  # the value is no function of the member alone
    return template.has(*fresh.values())


def _defined_at_members(lhs, step: Step, facts: Facts):
    r"""The earlier definition of the function ``lhs`` applies at a family's members
    (:func:`_defines_at_members`), when this row, of the same shape, would define it again
    (an activation function φ(x_j) defined once as the logistic function, later as ReLU: a
    redefinition, as for ``L(p)`` then ``L(\sigma)``); None otherwise."""
    if not isinstance(lhs, AppliedUndef):
        return None
    earlier = [
        d
        for d in facts.definitions
        if isinstance(d, AppliedUndef)
        and d.func == lhs.func
        and any(isinstance(a, sp.Indexed) for a in d.args)
    ]
    if len(earlier) != 1:
        return None
    rest = {k: v for k, v in facts.definitions.items() if k != earlier[0]}
    if not _at_members(step, lhs, replace(facts, definitions=rest, unfolded={})):
        return None
    return earlier[0]


def _functions_said_of(expr, bound_too: bool = False) -> set:
    """The names of the functions ``expr`` applies, those under an integral, a sum, a product
    or an expectation left out unless ``bound_too``: there a claim says nothing of a value of
    the function by itself (a density in the general formula of a moment)."""
    if not isinstance(expr, sp.Basic):
        return set()
    if bound_too:
        return {str(f.func) for f in expr.atoms(AppliedUndef)}
    found: set = set()

    def visit(node) -> None:
        if isinstance(node, (sp.Integral, sp.Sum, sp.Product, Expectation)):
            return
        if isinstance(node, AppliedUndef):
            found.add(str(node.func))
        for arg in node.args:
            if isinstance(arg, sp.Basic):
                visit(arg)

    visit(expr)
    return found


def _applied_only(target, head, facts: Facts) -> bool:
    r"""Whether a function met before only applied, as an unknown function (``\hat y =
    \sigma(z)`` before ``\sigma(z) = \frac{1}{1 + e^{-z}}``), may be defined now: nothing said
    about it so far but for every function (only definitions of other names mention it, no
    given or claim does, no definition is its own, no symbol shares its name), so what was
    verified about it holds for the one defined."""
    if not isinstance(target, AppliedUndef) or head is target:
        return False
    name = str(head)
    if name in facts.stated:
        return False  # a row other than a definition said something about it (g(2) = 3)
    if any(isinstance(s, sp.Symbol) and str(s) == name for s in facts.seen) and not (
        _function_parameter(name, facts)
    ):
        return False
    if any(isinstance(d, AppliedUndef) and d.func == head for d in facts.definitions):
        return False
    return not any(
        any(str(f.func) == name for f in side.atoms(AppliedUndef))
        for pair in facts.givens
        for side in pair
    )


def _function_parameter(name: str, facts: Facts) -> bool:
    r"""Whether the symbol ``name`` was met only as a parameter of a defined function whose
    value applies it (``KL(P \| Q) = \int P(x) \log \frac{P(x)}{Q(x)} dx``: P and Q name the
    densities the divergence is of), and in no given nor established equation: then the
    function P may still be defined (a KL post's densities, defined after the divergence, were
    claims about an unknown P, and every Gaussian integral after them unknown)."""
    heads = [
        d
        for d, body in facts.definitions.items()
        if isinstance(d, AppliedUndef)
        and any(str(a) == name for a in d.args)
        and isinstance(body, sp.Basic)
        and any(str(f.func) == name for f in body.atoms(AppliedUndef))
    ]
    if not heads:
        return False
    sides = [x for pair in facts.givens for x in pair]
    sides += [x for _, a, b in facts.verified for x in (a, b)]
    # a definition of the name, or one whose value writes it as a value (R = P + 1)
    sides += [d for d in facts.definitions if isinstance(d, sp.Symbol)]
    sides += [body for d, body in facts.definitions.items() if d not in heads]
    return not any(
        isinstance(s, sp.Symbol) and str(s) == name
        for side in sides
        if isinstance(side, sp.Basic)
        for s in side.free_symbols
    )


def _under_condition(step: Step, lhs, source, facts: Facts, values, timeout, origin):
    """A row with a condition after its comma (check/conditioned.py). A definition of a
    function or a family member is the Piecewise of its right side under the condition
    (undefined elsewhere); a claim is checked under the condition."""
    defines = step.kind is StepKind.DEFINITION or (
        step.infer_kind and _is_new_definition(step, lhs, facts)
    )
    if defines:
        if not isinstance(lhs, (AppliedUndef, sp.Indexed)):
            return conditioned.unusable(
                step,
                "a definition under a condition is read for a function f(x) = ... or a "
                "family's member y_i = ... only",
            )
        piece = sp.Piecewise((step.rhs, conditioned.relational(step.condition)))
        return _define(replace(step, rhs=piece), lhs, facts)
    if step.kind is StepKind.GIVEN:
        return conditioned.unusable(step, "a given is not read under a condition")
    try:
        return _claim_under(step, lhs, source, facts, values, timeout, origin)
    except conditioned.NotUsable as err:
        return conditioned.unusable(step, str(err))


def _claim_under(step: Step, lhs, source, facts: Facts, values, timeout, origin):
    """The claim ``step`` checked under its condition (``step.condition``): its names
    strengthened, the rest as margins given (check/conditioned.py). Raises NotUsable."""
    substitution, margins = conditioned.conditioned(step, [lhs, source, step.rhs], facts)
    # a copy: the margins and the unfoldings under the condition must not outlive the step
    strengthened = conditioned.facts_replaced(facts, substitution)
    local = replace(
        strengthened,
        unfolded={},
        givens=strengthened.givens + margins,
        equations=strengthened.equations
        + [Equation(canonical(m), canonical(e), None, "given") for m, e in margins],
    )
    values = conditioned.replaced(values, substitution)
    local_step = conditioned.replaced(step, substitution)
    result = _claim(
        local_step,
        conditioned.replaced(source, substitution),
        local.under(values),
        values,
        timeout,
        origin=conditioned.replaced(origin, substitution),
    )
    result = conditioned.without_margins(replace(result, step=step), margins)
    if (
        result.verdict is Verdict.VERIFIED
        and margins
        and find_witness(
            [], _with_related_givens(margins, local, values), ranges=local.ranges, values=values
        )
        is None
    ):
        # under a condition no values satisfy, every claim holds vacuously
        return conditioned.unusable(
            step, "no values were found that satisfy it under the assumptions"
        )
    return result


def _with_related_givens(margins: list, facts: Facts, values: dict) -> list:
    r"""A condition's margins with the definitions put in (x < 0 after ``x = 2``: -2 > 0), and
    the givens that share a name with them (u = 5 after ``u + v = 3``, ``v = 1``): the condition
    must hold somewhere together with them, or every claim under it holds vacuously (a row
    "If $x < 0$: \sqrt{x^2} = x" after "Let $x = 2$" was verified)."""

    def put(e):
        return substitute(facts.unfold(e), values)

    out = [(put(m), put(e)) for m, e in margins]
    names = set().union(*(m.free_symbols | e.free_symbols for m, e in out))
    others = [(put(a), put(b)) for a, b in facts.givens]
    others = [g for g in others if g not in out and g not in margins]
    changed = True
    while changed:
        changed = False
        for g in list(others):
            free = g[0].free_symbols | g[1].free_symbols
            if free & names:
                out.append(g)
                others.remove(g)
                names |= free
                changed = True
    return out


def _new_member(target, rhs, facts: Facts) -> bool:
    """Whether a family's member on a definition's left side names a new quantity (anything
    else: True). A numbered member (``\\mu_1 = \\frac{a+b}{2}``) does while the family has been
    written only with numbered members, and its value is not a number (``y_1 = 3`` states a
    value: a given); the generic member (``y_k = ...``) does while no numbered member is
    defined. Otherwise one member would have two values: its own definition and the generic
    one's with the number put in."""
    if not isinstance(target, sp.Indexed):
        return True

    def numbered(member) -> bool:
        # a count (\pi_K, K of \sum_{k=1}^{K}) names one member as a number does, where the
        # value only writes it as members' index (_one_member)
        value = facts.definitions.get(member, rhs if member == target else None)
        return all(
            i.is_Integer or (value is not None and _one_member(i, value, facts.counts))
            for i in member.indices
        )

    members = [
        m
        for m in (*facts.seen, *facts.definitions)
        if isinstance(m, sp.Indexed) and m.base == target.base
    ]
    if numbered(target):
        return not rhs.is_number and all(numbered(m) for m in members)
    return not any(numbered(m) for m in members if m in facts.definitions)


def _stationarity(lhs, source, rhs) -> bool:
    """Whether ``source = rhs`` sets a derivative to zero: the right side is 0 and the row (or
    its chain) starts with a derivative, ``\\frac{\\partial L}{\\partial \\mu} = ... = 0``."""
    return (
        rhs == 0
        and source is not None
        and source != 0
        and lhs is not None
        and isinstance(lhs, sp.Basic)
        and lhs.has(sp.Derivative)
        and not source.is_number
        and bool(source.free_symbols)  # f'(0) = 0 sets nothing: a claim about a value
    )


def _derivative_value_set_to_zero(source, rhs, facts: Facts, imposed: bool = False) -> bool:
    """Whether ``source = rhs`` sets to zero the value an earlier row gave a derivative
    (``\\frac{\\partial \\ell}{\\partial b} = -\\frac{n}{b} + \\frac{S}{b^2}``, then, in a display
    of its own, ``-\\frac{n}{b} + \\frac{S}{b^2} = 0``): the stationarity condition, as
    ``\\frac{\\partial \\ell}{\\partial b} = ... = 0`` in one chain is (:func:`_stationarity`).
    The value must be written as that row wrote it (the same expression), or with its terms
    on two sides (``\\frac{a}{p} = \\frac{b}{1 - p}`` after ``\\frac{d\\ell}{dp} = \\frac{a}{p} -
    \\frac{b}{1 - p}``: refuted as an identity at p = 2, a red team s52) when the prose before
    the row says it sets something to zero (``imposed``: "Set the derivative equal to zero:";
    without it ``x^2 = x`` after "Therefore" or under another heading was given, s52 rt4)."""
    if rhs != 0 and not imposed:
        return False
    return bool(_derivatives_valued(source, facts, rhs))


def _derivatives_valued(source, facts: Facts, rhs=0) -> list:
    r"""The derivatives earlier rows gave ``source - rhs`` as their value (``\frac{d\ell}{d\theta}``
    of ``\frac{d\ell}{d\theta} = -\frac{n}{\theta} + ...``): what a condition ``source = rhs``
    in a display of its own is set about (red team s50-2: a redefined l kept it). With a
    right side other than 0, the value must be the two sides' difference term for term (up to
    SymPy's evaluation and the sign), name something, and be the latest derivative's."""
    if not isinstance(source, sp.Basic) or not isinstance(rhs, sp.Basic):
        return []
    if rhs == 0:
        if source.is_number or not source.free_symbols:
            return []
        written = {source, facts.named(source)}
    else:
        if (source.is_number or rhs.is_number) or not (source.free_symbols | rhs.free_symbols):
            return []
        try:
            moved = _terms(source) + [canonical(-t) for t in _terms(rhs)]
            written = {_sorted_terms(moved), _sorted_terms([canonical(-t) for t in moved])}
        except (TypeError, ValueError, TooLarge):
            return []
    found = []
    valued = [
        (a, b) for *_, a, b in facts.history if isinstance(a, sp.Basic) and a.has(sp.Derivative)
    ]
    if rhs != 0:
        # terms on two sides: the derivative's value in the row right before only (an earlier
        # model's value, written again after another model's condition, stays a claim: red
        # team s50-3; so does one under an earlier heading, s52 rt3)
        last = facts.history[-1] if facts.history else None
        valued = [(a, b) for a, b in valued[-1:] if last is not None and last[-2] is a]
    for a, b in valued:
        if rhs == 0:
            if b in written:
                found.append(a)
            continue
        try:
            if (
                _sorted_terms(_terms(b)) in written
                or _sorted_terms(_terms(facts.named(b))) in written
            ):
                found.append(a)
        except (TypeError, ValueError, TooLarge):
            continue
    return found


def _terms(expr) -> list:
    """The terms of ``expr`` as written (an Add's arguments, each evaluated), none cancelled."""
    return [canonical(t) for t in sp.Add.make_args(expr)]


def _sorted_terms(terms: list) -> tuple:
    """``terms`` in a fixed order: two lists of the same terms compare equal (term for term,
    no two cancelled: x^2 + 2x = x^2 is no stationarity condition after \frac{d}{dx} x^2 = 2x,
    red team s52 rt3)."""
    return tuple(sorted(terms, key=sp.default_sort_key))


# Nodes whose value depends on how their argument varies, not only on its value.
_DEPENDENT = (sp.Derivative, sp.Integral, sp.Sum, sp.Product, sp.Limit, Expectation)


def _bare_function(target, facts: Facts):
    """The definition's left side ``L(p)`` of the function a bare name ``L`` is the value of
    (Facts.named), or None."""
    if not isinstance(target, sp.Symbol) or target in facts.definitions:
        return None
    for d in facts.definitions:
        if isinstance(d, AppliedUndef) and str(d.func) == str(target):
            return d
    return None


def _named_before(target, rhs, facts: Facts) -> bool:
    """Whether ``target = rhs`` defines a symbol that earlier rows only named: the theorem
    ``\\hat\\lambda = \\bar y`` stated before ``\\bar y = \\frac{1}{n}\\sum_i y_i``. Such a symbol
    is unconstrained so far (no given mentions it, it is defined nowhere, and no definition
    leads back to it), so every earlier verdict holds for every value of it, this one included:
    naming its value is a definition, not a claim to refute."""
    numbered = isinstance(target, sp.Indexed) and all(i.is_Integer for i in target.indices)
    if _bare_function(target, facts) is not None:
        # L after L(p) = p^2: the function's value (Facts.named), not a name to define (L = 3
        # was a second definition, never used: the row states p^2 = 3; red team s48)
        return False
    if target in facts.definitions or not (
        isinstance(target, sp.Symbol) or _generic_member(target) or numbered
    ):
        return False
    if _clashes_with_defined_power(target, rhs, facts):
        return False  # s = a after s^2 = a: a claim about s
    if isinstance(target, sp.Indexed) and any(
        isinstance(d, sp.Indexed) and d.base == target.base for d in facts.definitions
    ):
        return False  # another member of the family is defined: one value each, not two

    def mentions(*exprs) -> bool:
        # what the names defined so far stand for counts too (y = \sigma(a) mentions a), and a
        # member defines the whole family: any member written counts (a_k in \sum_k a_k)
        # (as written too: unfolded, a name that varies is a function of the variable, E(w))
        exprs = (*exprs, *(facts.unfold(e) for e in exprs))
        if isinstance(target, sp.Symbol):
            return any(target in e.free_symbols for e in exprs)
        return any(m.base == target.base for e in exprs for m in e.atoms(sp.Indexed))

    def mentioned_in_body(expr) -> bool:
        # a numbered member beside the generic one in the row's own right side is another
        # quantity (\mu_0, the prior's mean, in \mu_n = ..., the posterior's); in a given, an
        # instance or a verified row any member still counts
        if isinstance(target, sp.Symbol):
            return mentions(expr)
        return any(
            m.base == target.base and (m == target or not all(i.is_Integer for i in m.indices))
            for e in (expr, facts.unfold(expr))
            for m in e.atoms(sp.Indexed)
        )

    if any(mentions(a, b) for a, b in facts.givens):
        return False
    if any(mentions(a, b) for _, a, b, _ in facts.instances):
        return False
    # An earlier verdict holds for every constant value of the symbol, not for every function
    # of other variables: a verified equation that differentiates, integrates, sums or takes
    # an expectation where the symbol stands (dE/dw = 0 for E independent of w) is false once
    # E = w^2. Such a symbol is not defined later: the row is a claim about it.
    if any(
        mentions(a, b)
        and (a.has(*_DEPENDENT) or b.has(*_DEPENDENT))
        and not _holds_for_any_dependence(a, b, target, facts)
        for _, a, b in facts.verified
    ):
        return False
    if _unmet_declaration(target, rhs, facts) is not None:
        return False  # n, a sum's bound (an integer), is not defined by a sum of reals
    return not mentioned_in_body(facts.unfold(rhs))


def _holds_for_any_dependence(a, b, target, facts: Facts) -> bool:
    r"""Whether the verified ``a = b`` holds whatever ``target`` depends on among the variables
    its derivatives take (``\frac{\partial}{\partial w} \sum_n E_n = \sum_n \frac{\partial
    E_n}{\partial w}`` with E_n made of y_n: it holds with y_n any function of w): ``target``
    (a name, or every member of its family) made an unknown function of those variables and of
    its indices, and the two sides proved equal. Only derivatives and sums: an integral, a
    limit or an expectation keeps its verdict one for constant values."""
    if a.has(sp.Integral, sp.Product, sp.Limit, Expectation) or b.has(
        sp.Integral, sp.Product, sp.Limit, Expectation
    ):
        return False
    try:
        a, b = facts.unfold(a), facts.unfold(b)
    except (*SYMPY_FAILURES, NotAVariable):
        return False
    variables = sorted(
        {v for e in (a, b) for d in e.atoms(sp.Derivative) for v in d.variables}
        | {v for e in (a, b) for s in e.atoms(sp.Sum) for v in s.variables},
        key=str,
    )
    if not variables or not all(isinstance(v, (sp.Symbol, sp.Indexed)) for v in variables):
        return False
    family = target.base if isinstance(target, sp.Indexed) else target
    if any(v == target or (isinstance(v, sp.Indexed) and v.base == family) for v in variables):
        return False  # the variable of a derivative itself (d/d a_0 before a_0 = ...)
    dependent = sp.Function(f"{target.base.label if isinstance(target, sp.Indexed) else target}_of")

    def made_a_function(node):
        if isinstance(target, sp.Indexed) and isinstance(node, sp.Indexed):
            if node.base == target.base:
                return dependent(*node.indices, *variables)
        elif node == target:
            return dependent(*variables)
        return node

    try:
        left, right = (rebuild(e, made_a_function) for e in (a, b))
        if is_zero(sp.expand((left - right).doit())):
            return True
        return prove_equal(left, right) is not None  # sums term by term, too
    except (*SYMPY_FAILURES, NotAVariable):
        return False


def _generic_member(expr) -> bool:
    """Whether ``expr`` is a family's generic member, ``y_n`` or ``t_{nk}``: every index a
    distinct name."""
    return (
        isinstance(expr, sp.Indexed)
        and all(isinstance(i, sp.Symbol) for i in expr.indices)
        and len(set(expr.indices)) == len(expr.indices)
    )


def _contradicts_written(step: Step, target, facts: Facts) -> StepResult | None:
    r"""A refutation when naming ``target``'s value by ``step`` makes an equation written
    before false: ``e^z = \frac{P}{1-P}`` then ``P = \frac{e^z}{1 - e^z}`` solves the first
    for P wrongly, and is no new name's definition (P was written, related to z). None when
    every earlier equation that writes ``target`` survives it (``\hat\lambda = \bar y``
    stated before ``\bar y`` is defined)."""
    for line, a, b in facts.unsettled:
        by_derivative = ""
        put = _value_put(target, step.rhs, (a, b))
        if not put:
            continue
        try:
            if not sp.expand(a - b).has(*put):
                continue  # P + 1 = P + 2: false whatever P is, not this row's fault
        except (TypeError, ValueError, RecursionError):
            continue
        try:
            left, right = (facts.unfold(e.xreplace(put)) for e in (a, b))
            if has_indefinite_integral(left, right):
                # \int f dx = F says F is an antiderivative of f (known up to a constant, never
                # x^2 alone): compared by F's derivative, or not at all
                claim = antiderivative_claim(left, right)
                if claim is None:
                    continue
                integrand, variable, claimed = claim
                left, right = sp.diff(claimed, variable), integrand
                by_derivative = (
                    f" (no antiderivative: the values are its derivative by {latex(variable)}"
                    " and the integrand)"
                )
            cex = find_counterexample(left, right, facts.givens, ranges=facts.ranges)
        except (ValueError, TypeError, NotImplementedError, RecursionError, AttributeError):
            continue
        if cex is None:
            continue
        where = f"line {line}" if line else "an earlier row"
        reason = (
            f"does not solve the equation at {where} for {latex(target)}: with "
            f"{latex(target)} = {latex(step.rhs)} there, {latex(a)} = {latex(b)} fails"
            f"{by_derivative}"
        )
        return StepResult(step, Verdict.REFUTED, (), reason, cex)
    return None


def _value_put(target, value, exprs) -> dict:
    """What naming ``target``'s value puts in ``exprs``: the symbol's value, or each member
    of the family written there (``a_2``, ``a_k``) the value at its indices."""
    if not isinstance(target, sp.Indexed):
        return {target: value} if any(target in e.free_symbols for e in exprs) else {}
    return {
        m: value.xreplace(dict(zip(target.indices, m.indices, strict=True)))
        for e in exprs
        for m in e.atoms(sp.Indexed)
        if m.base == target.base and len(m.indices) == len(target.indices)
    }


def _special_moves(
    step, lhs, source, facts: Facts, result: StepResult, values=None, timeout=None
) -> StepResult:
    """A claim that did not verify may be a specialisation or a generalisation. SymPy failing
    on an unusual tree while looking for one (a value put in for a variable of
    differentiation) means it is neither: the claim's own verdict stands."""
    try:
        return _special_moves_unguarded(step, lhs, source, facts, result, values, timeout)
    except (
        ValueError,
        TypeError,
        AttributeError,
        NotImplementedError,
        ArithmeticError,
        RecursionError,  # SymPy differentiating \sum_k \pi_k N(\mu_k, \sigma_k) by \pi_k
    ):
        return result


def _special_moves_unguarded(step, lhs, source, facts, result, values, timeout) -> StepResult:
    from eqchain.check import moves

    try:
        with time_limit(timeout):
            specialised = _specialisation(step, lhs, source, facts)
    except StepTimeout:  # none found in the step's time
        specialised = None
    if specialised is not None:
        return specialised
    found = moves.generalization(lhs, step.rhs, facts.history)
    if found is not None:
        instance, origin = found
        return _generalize(step, source, facts, values, timeout, instance, origin)
    return result


def _specialisation(step, lhs, source, facts) -> StepResult | None:
    """The row as an earlier equation with values put in for some of its symbols, or None."""
    from eqchain.check import moves

    # A row of its own (no continuation) has its own left side as ``source``: values that make
    # it equal the right side exist for nearly any equation (y_2 = 5 "with y_2 = 5"), so only
    # a continuation's previous side, or an earlier row about the same left side, can be the
    # equation a row specialises.
    candidates = [source] if step.continues else []
    candidates += [b for _, a, b in facts.verified if canonical(a) == canonical(lhs)]
    candidates += [b for a, b in facts.givens if canonical(a) == canonical(lhs)]
    for prev in candidates:
        found = moves.specialization(
            facts.unfold(prev),
            step.rhs,
            admit=lambda sigma: admissible_values(sigma, _givens(facts)),
            kept=lhs,
        )
        if found is not None:
            name, shown, sigma = found
            unstated = _document_values(sigma, facts) if name == "specialize" else ""
            if unstated:  # a document's specialisation: its values, which no row states
                # f = a x + b, then = a x: "the equation before with b = 0", which no one wrote
                # (it was verified, exit 0): a dropped term is no case the document states
                return StepResult(
                    step,
                    Verdict.UNKNOWN,
                    (name,),
                    f"the equation before with {shown}, which no row states: if the row is "
                    f"that case, write it as its condition (', \\quad {unstated}', or 'When "
                    f"${unstated}$,' before the display), else the step is not shown",
                )
            return StepResult(
                step,
                Verdict.VERIFIED,
                (name,),
                f"the equation before with {shown}",
                conditional=True,
            )
    return None


def _document_values(sigma: dict, facts: Facts) -> str:
    """The values of ``sigma`` as LaTeX, for a document (no row states them: an inline ``$b =
    0$`` anywhere in the text, in a comment, after the chain or negated, was taken as stated, a
    red team found); empty for a derivation file. A case the author means is written as the
    row's condition (``, \\quad b = 0``, "When $b = 0$,"), which is checked as such."""
    if not facts.document:
        return ""
    return ", ".join(
        f"{latex(k)} = {latex(v)}" for k, v in sorted(sigma.items(), key=lambda kv: str(kv[0]))
    )


def _index_ranges(scope) -> dict:
    """Each family index symbol with the declared bounds of every family it indexes (and the
    families' declared ranges, which a counterexample respects: :class:`IndexRanges`)."""
    out = IndexRanges()
    if scope is None:
        return out
    for fam in scope.families.values():
        for idx, bounds in zip(fam.indices, fam.ranges, strict=False):
            out.setdefault(idx, []).append(bounds)
        if fam.ranges and len(fam.ranges) == len(fam.indices):
            out.families[fam.base] = tuple(fam.ranges)
    return out


_MEAN_MARKS = ("bar", "overline")


def _sample_means(steps) -> dict:
    r"""The sample means a document names without defining them: ``\bar{y}`` (or
    ``\overline{y}``) where the document sums the family ``y`` as ``\sum_{i=1}^{n} ... y_i ...``
    with one and the same range everywhere, and no row of its own defines ``\bar{y}`` (an
    author's definition takes its place): read as ``\frac{1}{n}\sum_{i=1}^{n} y_i``, what a
    reader of statistics expects. Documents only (steps whose kind the checker infers)."""
    steps = [s for s in steps if not s.from_assumption]  # givens made from the assumptions
    if not steps or not all(s.infer_kind for s in steps):
        return {}
    trees = [e for s in steps for e in (s.lhs, s.rhs) if isinstance(e, sp.Basic)]
    names = {str(x): x for t in trees for x in t.free_symbols if isinstance(x, sp.Symbol)}
    defined = {
        s.lhs
        for s in steps
        if not s.continues and isinstance(s.lhs, sp.Symbol) and s.unreadable is None
    }
    ranges: dict = {}  # family base -> set of (index, lower, upper)
    for t in trees:
        for total in t.atoms(sp.Sum):
            for index, lower, upper in total.limits:
                for member in total.function.atoms(sp.Indexed):
                    if member.indices == (index,):
                        ranges.setdefault(member.base, set()).add((index, lower, upper))
    out = {}
    for base, found in ranges.items():
        if len({(lo, hi) for _, lo, hi in found}) != 1:
            continue
        index, lower, upper = min(found, key=str)
        if lower != 1:
            continue
        for mark in _MEAN_MARKS:
            mean = names.get(f"{mark}{base}")
            if mean is None or mean in defined:
                continue
            out[mean] = sp.Mul(
                sp.Pow(upper, -1), sp.Sum(sp.Indexed(base, index), (index, lower, upper))
            )
    return out


def _summed_index_ranges(steps) -> dict:
    r"""The range of the index each free member of a document's family is written with
    (``z_i`` beside ``\sum_{k=1}^{K} e^{z_k}``): a family that the document sums (or multiplies)
    over one range, ``\sum_{k=lo}^{hi} ... z_k ...``, everywhere, and writes otherwise only through
    letters (no numbered member, no index expression), is indexed by that range, so its free
    members' indices lie in it, what a reader of ``\frac{\partial a_j}{\partial z_i}``
    takes for granted. Only a letter the document writes as an index and nowhere else (a
    subscript, a Kronecker delta's, a row's condition ``i = j`` or ``i \neq j`` between two
    letters): a letter that is also a value (``i + 1``), a bound of a range, or stated a
    condition of its own (``, \quad i > K``, ``--assume "i > K"``) says where it lies itself.
    Documents only (steps whose kind the checker infers): a derivation file declares its
    families' ranges."""
    if not steps or not all(s.infer_kind for s in steps):
        return {}
    trees = [e for s in steps for e in (s.lhs, s.rhs) if isinstance(e, sp.Basic)]
    # keyed by (family base, position of the index): x_{pq} beside \sum_{i=1}^{m} \sum_{j=1}^{n}
    # x_{ij} puts p in 1..m and q in 1..n (a two-index family, each position its own range)
    summed: dict = {}  # (base, position) -> {(lower, upper)}
    loose: set = set()  # letters written as values, bounds or conditions of their own
    spoiled: set = set()  # (base, position) not indexed by one range of letters
    arities: dict = {}  # a base's name -> the numbers of indices it is written with
    for t in trees:
        loose |= _loose_symbols(t)
        bound_anywhere = {v for big in t.atoms(sp.Sum, sp.Product) for v in big.variables}
        for big in t.atoms(sp.Sum, sp.Product):
            for index, lower, upper in big.limits:
                loose |= lower.free_symbols | upper.free_symbols
                # a product's range counts as a sum's (\prod_{i=0}^{N} x_i beside
                # \sum_{i=1}^{N} \ln x_i: x_0 exists, so x_j may be it; a red team's)
                for member in big.function.atoms(sp.Indexed):
                    for position, at in enumerate(member.indices):
                        if at != index:
                            continue
                        key = (member.base, position)
                        if (lower.free_symbols | upper.free_symbols) & bound_anywhere:
                            spoiled.add(key)  # \sum_{j=1}^{i} x_{ij}: no range of its own
                        summed.setdefault(key, set()).add((lower, upper))
    for s in steps:
        for op, a, b in s.condition:
            pair = op in ("=", "!=") and isinstance(a, sp.Symbol) and isinstance(b, sp.Symbol)
            if not pair:
                loose |= {x for e in (a, b) if isinstance(e, sp.Basic) for x in e.free_symbols}
                if op == "range":
                    loose.add(a)
    free: dict = {}  # (base, position) -> {letters written free}
    for t in trees:
        variables = {v for big in t.atoms(sp.Sum, sp.Product) for v in big.variables}
        for member in t.atoms(sp.Indexed):
            # by name: x_{ij}'s base carries its number of indices, so is no x_i's
            arities.setdefault(str(member.base.label), set()).add(len(member.indices))
            for position, index in enumerate(member.indices):
                if not isinstance(index, sp.Symbol):
                    spoiled.add((member.base, position))
                elif index not in variables:
                    free.setdefault((member.base, position), set()).add(index)
    # a family written with several numbers of indices (x_i and x_{ij}) is no one family
    spoiled |= {k for k in set(summed) | set(free) if len(arities.get(str(k[0].label), ())) > 1}
    # A letter also written free with a family whose range is not one (summed over two
    # ranges, or written with a number or an index expression) may name a member outside the
    # range of the others: w_i beside \sum_{k=0}^{K} w_k and \sum_{k=1}^{K} z_k may be w_0.
    unsettled = {k for k, found in summed.items() if len(found) != 1} | spoiled
    unplaced = {i for k in unsettled for i in free.get(k, set())}
    out: dict = {}  # letter -> [(lower, upper)], one for each family it indexes
    for key, found in summed.items():
        if len(found) != 1 or key in spoiled:
            continue
        for index in free.get(key, set()) - loose - unplaced:
            out.setdefault(index, []).extend(found)
    return out


def _loose_symbols(tree) -> set:
    """The symbols ``tree`` writes other than as an index: not a family member's subscript, a
    Kronecker delta's (or an indicator's equality), or a sum's variable in its limits."""
    if isinstance(tree, sp.Symbol):
        return {tree}
    if isinstance(tree, sp.Indexed):
        return set()
    if isinstance(tree, (sp.KroneckerDelta, sp.Eq, sp.Ne)):
        # (an indicator's i = j, \mathbb{1}\{i = j\}, compares indices as a delta does)
        return set().union(*(_loose_symbols(a) for a in tree.args if not a.is_Symbol))
    if isinstance(tree, (sp.Sum, sp.Product)):
        return _loose_symbols(tree.function)  # the limits: bounds are counted by the caller
    if not isinstance(tree, sp.Basic):
        return set()
    return set().union(*(_loose_symbols(a) for a in tree.args))


def _family_ranges(scope) -> dict:
    """Each one-index family's base with its index symbol and declared (lower, upper)."""
    out: dict = {}
    if scope is None:
        return out
    for fam in scope.families.values():
        if len(fam.indices) == 1 and len(fam.ranges) == 1:
            out[fam.base] = (fam.indices[0], *fam.ranges[0])
    return out


def _member_ranges(tree, families: dict, ranges: dict | None = None) -> list:
    """Conditions that every member a tree uses through an index expression lies in its family's
    declared range: y_{K+1} of y_1..y_K does not exist, nor does y_0 in \\sum_{k=0}^{6} y_k of
    y_1..y_6, nor y_{2k} in \\sum_{k=1}^{K} (beyond y_K). A member indexed by the family's own
    free index k is its generic member; any other index expression (K - k, 2k, k^2, ...) is
    checked over the ranges of the sums around it. A free index of another family (a_i with i
    the index of y_1..y_K, ``ranges``) is in range when every range declared for it is."""
    out: list = []
    if not families:
        return out
    ranges = ranges or {}

    def declared_within(e, lower, upper) -> bool:
        spans = ranges.get(e, ()) if isinstance(e, sp.Symbol) else ()
        return bool(spans) and all(
            sp.sympify(lo - lower, strict=True).is_nonnegative
            and sp.sympify(upper - hi, strict=True).is_nonnegative
            for lo, hi in spans
        )

    def visit(node, bounds: dict) -> None:
        index, lower, upper = families[node.base]
        e = node.indices[0]
        if e == index or e.is_number or (e not in bounds and declared_within(e, lower, upper)):
            # the generic member, or one the author named (the reader checks a numbered
            # member against a concrete range; naming y_6 of y_1..y_K says K >= 6), or a
            # free index whose declared ranges lie inside the family's
            return
        lo, hi = _extreme(e, bounds, least=True), _extreme(e, bounds, least=False)
        linear = lo is not None and hi is not None
        if not linear:
            # y_{k^2}, y_{2^k}: each end condition must hold for every value of the bound
            # variables (proved, else named with them)
            around = tuple((v, a, b) for v, (a, b) in bounds.items())
            for pred_expr in (sp.expand(e - lower), sp.expand(upper - e)):
                if not holds_over("nonnegative", pred_expr, around):
                    out.append(("family range", ("nonnegative", pred_expr)))
            return
        # numbered members against a symbolic bound are the author's to name (as above)
        if not (lo.is_number and not lower.is_number):
            out.append(("family range", ("nonnegative", sp.expand(lo - lower))))
        if not (hi.is_number and not upper.is_number):
            out.append(("family range", ("nonnegative", sp.expand(upper - hi))))

    for node, bounds in _written_members(tree, families):
        visit(node, bounds)
    return out


def _written_members(tree, families: dict, nonempty: bool = False):
    """(member, bounds) for each member of a declared family (one index) that ``tree`` writes,
    with the ranges of the sums and products around it (variable -> (lower, upper)). With
    ``nonempty``, only inside ranges proved nonempty (a member of a range perhaps empty is
    perhaps not written)."""

    def walk(node, bounds: dict):
        if isinstance(node, sp.Indexed) and node.base in families and len(node.indices) == 1:
            yield node, bounds
            return
        if isinstance(node, (sp.Sum, sp.Product)):
            inner = dict(bounds)
            for v, a, b in node.limits:
                if nonempty and not sp.expand(b - a).is_nonnegative:
                    return
                inner[v] = (a, b)
            yield from walk(node.function, inner)
            return
        for arg in getattr(node, "args", ()):
            if isinstance(arg, sp.Basic):
                yield from walk(arg, bounds)

    yield from walk(tree, {})


def _missing_members(tree, families: dict, possibly: bool = False) -> list[str]:
    r"""The members of declared families that ``tree`` writes inside sums and products and that
    lie outside the family's declared range for every value of the counts, as text: the sum
    ``\sum_{k=1}^{K+1} y_k`` of y_1..y_K writes y_{K+1}, ``\sum_{k=1}^{4} z_{2k+1}`` of z_1..z_8
    writes z_9, and neither exists. Only ends proved outside (the gap a negative number under the
    assumptions) in ranges proved nonempty (so the member is written). With ``possibly``, the
    ends neither proved inside nor outside instead, each with the condition under which it
    exists (y_N of y_1..y_K exists only when K - N \ge 0)."""
    out: list[str] = []
    if not families:
        return out

    def visit(node, bounds: dict) -> None:
        index, lower, upper = families[node.base]
        e = node.indices[0]
        if not (e.free_symbols & set(bounds)):
            return  # a free index or a numbered member: not a member the sums write
        for least, gap in ((True, lambda v: v - lower), (False, lambda v: upper - v)):
            end = _extreme(e, bounds, least=least)
            if end is None or end.free_symbols & set(bounds):
                continue
            g = sp.expand(gap(end))
            member = latex(sp.Indexed(node.base, end))
            if g.is_negative and not possibly:
                text = (
                    f"{member} lies outside the declared range {latex(lower)} \\le "
                    f"{latex(index)} \\le {latex(upper)} of {latex(node.base)}: it does "
                    "not exist"
                )
            elif possibly and g.is_nonnegative is None and g.is_negative is None:
                text = f"{member} exists only when {cond.describe('nonnegative', g)}"
            else:
                continue
            if text not in out:
                out.append(text)

    for node, bounds in _written_members(tree, families, nonempty=True):
        visit(node, bounds)
    return out


def _extreme(e, bounds: dict, least: bool):
    """The least (greatest) value of ``e`` over the ranges ``bounds`` (variable -> (lower,
    upper)) of the sums around it, when ``e`` is linear with number slopes in them (a bound
    may use an outer variable: substituted in turn); None otherwise."""
    for _ in range(len(bounds) + 1):
        if e in bounds:  # the variable itself (y_k in \sum_k): slope 1
            e = bounds[e][0 if least else 1]
            continue
        inside = [v for v in bounds if e.has(v)]
        if not inside:
            return e
        for v in inside:
            slope = sp.diff(e, v)
            if not (slope.is_number and slope.is_real and sp.diff(e, v, 2) == 0):
                return None
            a, b = bounds[v]
            e = e.xreplace({v: a if (slope >= 0) == least else b})
    return None


def _with_latex(result: StepResult, lhs, rhs, seconds: float) -> StepResult:
    return replace(result, lhs_latex=latex(lhs), rhs_latex=latex(rhs), seconds=seconds)


def _values(derivation: Derivation, where) -> dict:
    out: dict = {}
    scope = derivation.scope
    for name, values in where:
        if scope is None:
            continue
        for atom, v in scope.to_family_values(name, values).items():
            out[atom] = v
    return out


def moves_defined(target) -> bool:
    from eqchain.check import moves

    return moves.defined_symbol(target) is target


def _define(step: Step, lhs, facts: Facts) -> StepResult:
    target = lhs
    rhs = step.rhs
    if isinstance(target, sp.log) and isinstance(target.args[0], (sp.Symbol, sp.Indexed)):
        target, rhs = target.args[0], sp.exp(rhs)
    if not isinstance(target, (sp.Symbol, sp.Indexed, AppliedUndef)) and not (
        step.infer_kind and moves_defined(target)
    ):
        raise InputError(
            "a definition needs a symbol on its left side, e.g. L = ...",
            line=step.place.line if step.place else None,
        )
    line = step.place.line if step.place else None
    if rhs.has(target):
        raise InputError(
            f"the definition of {latex(target)} uses {latex(target)} itself: "
            "a definition names a new quantity by an expression of others",
            line=line,
        )
    if isinstance(target, (sp.Symbol, sp.Indexed)):
        broken = broken_declaration(target, canonical(facts.unfold(rhs)))
        if broken is not None:
            raise InputError(
                f"{latex(target)} is declared {broken}, but its definition {latex(rhs)} is "
                f"not {broken}: the definition contradicts the declaration",
                line=line,
            )
    declared = _unmet_declaration(target, rhs, facts)
    label = target.base.label if isinstance(target, sp.Indexed) else target
    if declared is not None and str(label) in facts.defaulted:
        # a symbol real by a document's default (SymPy would simplify with it, |s|^2 = s^2,
        # before the definition is unfolded): the author says what it is
        raise InputError(
            f"{latex(target)} is real by the document's default (symbols are real unless "
            f"declared otherwise), but its definition {latex(rhs)} is not shown to be real: "
            f"declare it, e.g. --assume '{label} complex'",
            line=line,
        )
    if declared is not None:
        raise InputError(
            f"{latex(target)} is declared {declared}, but its definition "
            f"{latex(rhs)} is not shown to be {declared}: drop the assumption from the "
            "declaration or the definition",
            line=line,
        )
    written = target
    if isinstance(target, AppliedUndef):
        target, rhs = _plain_parameters(target, rhs)
    if target in facts.definitions:
        raise InputError(
            f"{latex(target)} is already defined", line=step.place.line if step.place else None
        )
    overlap = _member_defined_twice(target, rhs, facts)
    if overlap is not None:
        raise InputError(overlap, line=line, column=step.place.column if step.place else None)
    if line:
        facts.defined_at[target] = line
    facts.defined_section[target] = step.section
    facts.defined_in[target] = facts.statements
    given = _member_given(target, rhs, facts)
    if isinstance(target, AppliedUndef):
        facts.written[target.func] = written
    rhs = facts.at_points(rhs)  # a derivative at a point, taken (_at_point)
    facts.definitions[target] = rhs
    facts.equations.append(Equation(canonical(target), canonical(rhs), step.label, "definition"))
    warnings = (given,) if given is not None else ()
    return StepResult(
        step, Verdict.DEFINITION, reason=f"defines {latex(target)}", warnings=warnings
    )


def _generic_definition(target, rhs, facts: Facts) -> bool:
    """Whether ``target = rhs`` defines every member of its family (``y_k = k^2``; the reading
    of :meth:`Facts._members`): distinct letters as indices, each mentioned by the value or
    summed over by the document."""
    return (
        isinstance(target, sp.Indexed)
        and all(isinstance(i, sp.Symbol) for i in target.indices)
        and len(set(target.indices)) == len(target.indices)
        and all(_every_member(target, i, rhs, facts.summed, facts.counts) for i in target.indices)
    )


def _counts(derivation) -> frozenset:
    """The names that bound the range of a sum or product the derivation writes, or a declared
    range (K of ``\\sum_{k=1}^{K}``), that no sum or product binds (the i of ``\\sum_i
    \\sum_{j=1}^{i}`` is an index): what a member's index names one member by."""
    bigs = [
        big
        for s in derivation.steps
        for t in (s.lhs, s.rhs)
        if isinstance(t, sp.Basic)
        for big in t.atoms(sp.Sum, sp.Product)
    ]
    bounds = {
        x for big in bigs for _v, lo, hi in big.limits for x in lo.free_symbols | hi.free_symbols
    }
    bounds |= {
        x
        for spans in _index_ranges(derivation.scope).values()
        for span in spans
        for bound in span
        if isinstance(bound, sp.Basic)
        for x in bound.free_symbols
    }
    bound_variables = {str(v) for big in bigs for v in big.variables}
    return frozenset(
        str(x) for x in bounds if isinstance(x, sp.Symbol) and str(x) not in bound_variables
    )


def _one_member(index, body, counts) -> bool:
    """Whether a member's index names one member: a range's bound (``counts``: K of
    ``\\sum_{k=1}^{K}``) that the value writes only as its members' index (``\\pi_K =
    \\frac{S_K}{S}``, the last weight). A value that computes with it (``a_n = 2n - 1``, ``S_n =
    \\sum_{k=1}^{n} a_k``: a sequence, its partial sums) defines every member (red team: the
    partial sums and the odd numbers were refuted as one member's)."""
    if str(index) not in counts or not isinstance(body, sp.Basic):
        return False
    hidden = body.xreplace(
        {m: sp.Dummy() for m in body.atoms(sp.Indexed) if index in m.free_symbols}
    )
    return index not in hidden.free_symbols


def _every_member(member, index, body, summed, counts=frozenset()) -> bool:
    """Whether a definition of the generic ``member`` (its ``index`` a letter) with value
    ``body`` is one for every member: the value mentions the index outside any sum or product
    of its own (``y_k = k^2``), or the document sums or multiplies this family's members over
    that letter (``\\pi_k = \\frac{1}{K}`` beside ``\\sum_k \\pi_k``). A sum over the letter
    elsewhere says nothing of this family (``\\mu_x = \\mathbb{E}[X]`` in a post that sums a
    Poisson series over x had defined every member of mu, and a true covariance identity with
    ``\\mu_y`` was refuted); nor does a sum in the value that binds the letter (``\\mu_x =
    \\sum_x x p(x)``: ``\\mu_x - \\mu_y = 0`` was verified). An index that bounds a range the
    document writes (``counts``: K of ``\\sum_{k=1}^{K}``) names one member: ``\\pi_K =
    \\frac{S_K}{S}`` is the last weight (read as every member's, ``\\pi_1 = \\frac{S_1}{S}`` was
    verified)."""
    if _one_member(index, body, counts):
        return False
    if index in body.free_symbols:
        return True
    return (str(member.base.label), str(index)) in summed


def _numbered(member) -> bool:
    return isinstance(member, sp.Indexed) and all(i.is_Integer for i in member.indices)


def _member_defined_twice(target, rhs, facts: Facts) -> str | None:
    """Why defining ``target`` would give one member two definitions: a definition of every
    member of a family (``a_n = w x_n``) and one of any member of it (``a_1 = 5``, ``a_{1k} =
    ...``), in either order (one member, one value: README, a numbered member on a
    definition's left side). None when there is no such pair."""
    if not isinstance(target, sp.Indexed):
        return None
    for other, value in facts.definitions.items():
        if not isinstance(other, sp.Indexed) or other.base != target.base:
            continue
        if len(other.indices) != len(target.indices) or other == target:
            continue
        where = facts.defined_at.get(other)
        at = f" (line {where})" if where else ""
        if _generic_definition(other, value, facts):
            return (
                f"{latex(target)} is already defined: the definition of {latex(other)}{at} "
                f"defines every member, {latex(target)} too (one member, one value)"
            )
        if _generic_definition(target, rhs, facts):
            return (
                f"the definition of {latex(target)} defines every member, {latex(other)} too, "
                f"which is already defined{at} (one member, one value): define the other "
                "members by a rule that leaves it out, or write it as a claim"
            )
    return None


def _member_given(target, rhs, facts: Facts) -> str | None:
    """A warning when ``target = rhs`` defines every member of a family one of whose numbered
    members a given states (``a_1 = 5``, then ``a_n = w x_n``): both hold from here on, so
    the given now says something of the definition's names (``w x_1 = 5``)."""
    if not _generic_definition(target, rhs, facts):
        return None
    for a, b in facts.givens:
        for member in sorted(
            (m for e in (a, b) for m in e.atoms(sp.Indexed)), key=sp.default_sort_key
        ):
            if member.base != target.base or not _numbered(member):
                continue
            if len(member.indices) != len(target.indices):
                continue
            line = next((ln for _, ln, x, y in facts.history if (x, y) == (a, b) and ln), None)
            at = f" (line {line})" if line else ""
            value = substitute(rhs, dict(zip(target.indices, member.indices, strict=True)))
            return (
                f"defines {latex(member)} too, which a given states{at}: both hold from here "
                f"on, so {latex(sp.Eq(value, (b if a == member else a), evaluate=False))} "
                "is taken as given"
            )
    return None


def _plain_parameters(target, rhs):
    """A function's definition ``f(n) = \\sin(\\pi n)`` with its parameters freed of what the
    document says of the names outside it: a parameter is a variable of the function, real as
    the names are, not the integer n a range or a sum bound makes of that name elsewhere (or
    f(1/2) = 0 would follow from sin(pi n) = 0)."""
    put = {
        a: plain
        for a in target.args
        if isinstance(a, sp.Symbol)
        and a != (plain := sp.Symbol(a.name, real=True) if a.is_real else sp.Symbol(a.name))
    }
    if not put:
        return target, rhs
    return target.xreplace(put), rhs.xreplace(put)


_DECLARABLE = DECLARABLE


def _unmet_declaration(target, rhs, facts: Facts) -> str | None:
    """The first assumption declared for ``target`` that its definition does not establish
    (a definition must not smuggle in an assumption its value contradicts)."""
    if not isinstance(target, (sp.Symbol, sp.Indexed)):
        return None
    value = canonical(facts.unfold(rhs))
    for name in _DECLARABLE:
        if getattr(target, f"is_{name}") is not True:
            continue
        if name in cond.PREDICATES:
            ok = cond.holds(name, value)
        else:
            ok = getattr(value, f"is_{name}") is True
        if not ok:
            return name
    return None


def _integrals_evaluated_before(src, tgt, facts: Facts):
    r"""``src`` and ``tgt`` with each integral an earlier given or verified row equates to a
    value without integrals (``\int e^{tx} e^{-x^2} dx = \sqrt{\pi} e^{t^2/4}``) put in as
    that value, and the (lhs, rhs) of the rows used. Not inside a derivative by a variable a
    given ties down (search.Pins): such a row holds where the given does only."""
    known = []
    for n, eq in enumerate(facts.equations):
        if eq.kind == "definition":
            continue
        lhs, rhs = (canonical(facts.unfold(e)) for e in (eq.lhs, eq.rhs))
        for a, b in ((lhs, rhs), (rhs, lhs)):
            if isinstance(a, sp.Integral) and not b.has(sp.Integral):
                known.append((n, eq, a, b))
    if not known:
        return src, tgt, ()
    pins = Pins(facts.equations)
    used: list = []
    out = []
    for side in (canonical(src), canonical(tgt)):
        for n, eq, a, b in known:
            if isinstance(side, sp.Basic) and side.has(a) and not pins.blocked(n, eq, side, a):
                side = put_in(side, {a: b})
                used.append((eq.lhs, eq.rhs))
        out.append(side)
    return out[0], out[1], tuple(_unique(used))


def _derivatives_through_facts(expr, facts: Facts):
    r"""``expr`` with the body of each derivative of a defined quantity rewritten by the
    equations verified about that quantity (``\frac{\partial}{\partial \mu} \log L`` after
    ``\log L = -\frac{n}{2} \log(2\pi\sigma^2) - ...`` is verified, with L defined as a
    product): the derivative of the equation's right side, which SymPy can take, where the
    unfolded product it cannot. Each equation holds for every value of its names (a fact, not an
    instance), so the two bodies are one function of the variable and their derivatives are
    equal. Returns the expression and the (lhs, rhs) of the equations used, whose domains the
    step then lies within."""
    if not isinstance(expr, sp.Basic) or not expr.has(sp.Derivative) or not facts.verified:
        return expr, ()
    defined = {d for d in facts.definitions if isinstance(d, (sp.Symbol, sp.Indexed))}
    functions = {d.func for d in facts.definitions if isinstance(d, AppliedUndef)}
    if not defined and not functions:
        return expr, ()

    def mentions_defined(e) -> bool:
        return bool(e.free_symbols & defined) or any(
            f.func in functions for f in e.atoms(AppliedUndef)
        )

    usable = [
        (a, b)
        for _, a, b in facts.verified
        if isinstance(a, sp.Basic)
        and not isinstance(a, (sp.Symbol, sp.Indexed, AppliedUndef))
        and mentions_defined(a)
        and not mentions_defined(b)
    ]
    # ... unless a given ties the variable down (\mu + \nu = 2) before the equation came:
    # then it holds where the given does, not for every value of the variable (search.Pins)
    pins = Pins(facts.equations)
    position = {(e.lhs, e.rhs): n for n, e in enumerate(facts.equations) if e.kind == "claim"}
    used: list = []
    mapping = {}
    for d in expr.atoms(sp.Derivative):
        body = d.expr
        for a, b in usable:
            n = position.get((canonical(a), canonical(b)), len(facts.equations))
            if pins.blocked(n, Equation(a, b, None, "claim"), d, a):
                continue
            if body.has(a):
                body = body.xreplace({a: b})
                used.append((canonical(a), canonical(b)))
        if body is not d.expr:
            mapping[d] = d.func(body, *d.variable_count)
    return (expr.xreplace(mapping), tuple(used)) if mapping else (expr, ())


def _check_claim(step: Step, source, target, facts: Facts, *args, **kwargs) -> StepResult:
    """:func:`_check_claim_written`; an unknown step that writes members of a family that exist
    only for some values of the counts (y_{K-5} of y_1..y_K when K \\ge 6) says so."""
    result = _check_claim_written(step, source, target, facts, *args, **kwargs)
    if result.verdict is Verdict.UNKNOWN and source is not None and facts.families:
        notes = [
            m
            for tree in (source, target)
            for m in _missing_members(tree, facts.families, possibly=True)
            if m not in result.reason
        ]
        if notes:
            result = replace(result, reason=f"{result.reason}; {'; '.join(_unique(notes))}")
    return result


def _check_claim_written(
    step: Step,
    source,
    target,
    facts: Facts,
    values: dict,
    timeout: float | None,
    step_values: dict | None = None,
    origin=None,
    opaque_products: bool = False,
) -> StepResult:
    if source is None:
        raise InputError("a continuation step ('= ...') has nothing to continue")
    if not opaque_products and matrices.involved(source, target):
        # vectors and matrices: decided by their own algebra, never by the scalar rules (but
        # 1 x 1 products in a sum over an index, opaque scalars there: None)
        decided = matrices.decide(step, source, target)
        if decided is not None:
            return decided
    # A bare name of a defined function is its value (l after l(\mu) = ...), before any rule
    # sees it: d l / d\mu of the bare symbol would be 0.
    # An undefined name differentiated on its own may vary with the variable (check/varying.py):
    # no rule may take its derivative for 0.
    example = _number_differentiated(source, target, facts)
    if example is not None:
        return StepResult(step, Verdict.UNKNOWN, (), example)
    varying = facts.undefined_varying(powers=False)  # put in by unfold, after the definitions
    src, tgt = (facts.captured(facts.named(side)) for side in (source, target))
    src = with_varying(substitute(facts.at_points(src), values), varying)
    tgt = with_varying(substitute(facts.at_points(tgt), values), varying)

    side_conditions: list[tuple] = []
    evaluations: list[str] = []
    # A concretely empty range is empty, the reader's way (check/ranges.py), before anything
    # else sees it: SymPy would read it with Karr's convention.
    src, tgt, emptied = _emptied(src, tgt)
    evaluations += emptied
    for tree in (src, tgt):
        side_conditions.extend(c for c in _integer_bounds(tree) if c not in side_conditions)
        for name, conds in evaluation_rules(tree):
            if name not in evaluations:
                evaluations.append(name)
            side_conditions.extend((name, c) for c in conds)
        side_conditions.extend(
            c
            for c in _member_ranges(tree, facts.families, facts.ranges)
            if c not in side_conditions
        )
    # A member that does not exist (red team 25): the step is no claim about existing values, and
    # no counterexample over them decides it. Unknown, naming the member (issue 12).
    missing = [m for tree in (src, tgt) for m in _missing_members(tree, facts.families)]
    if missing:
        return StepResult(
            step,
            Verdict.UNKNOWN,
            (),
            "family range: the step writes a member of a family that does not "
            f"exist: {'; '.join(_unique(missing))}",
        )
    # An indefinite integral's integrand must be defined for every value of its variable: one
    # the right side needs and the left side does not (\int p dz = \int q p/q dz: q(z) nonzero)
    # is not established by any point, and the step is unknown, naming it.
    unfolded_src = substitute(facts.unfold(src), values)
    unfolded_tgt = substitute(facts.unfold(tgt), values)
    new_integrands = integrand_needs(unfolded_tgt) - integrand_needs(unfolded_src)
    if new_integrands:
        shown = ", ".join(
            cond.describe(pred, lam.expr) + f" for every {', '.join(map(latex, lam.variables))}"
            for pred, lam in sorted(new_integrands, key=str)
        )
        return StepResult(
            step,
            Verdict.UNKNOWN,
            (),
            f"the right side's integrand needs {shown} (the left side's does not): not established",
        )
    # What the right side needs to be defined must hold wherever the left side is defined; in a
    # chain, so must what the previous row needs (it holds when every earlier link did).
    target_needs = _needs_unfolded(tgt, facts, values)
    source_needs = _needs_unfolded(src, facts, values) if origin is not None else []
    for need in target_needs + source_needs:
        entry = (need.rule, (need.pred, need.expr), need.key)
        if entry not in side_conditions:
            side_conditions.append(entry)
    # An expectation only the right side writes must be finite where the source is defined.
    origin_unfolded = (
        [substitute(facts.unfold(t), values) for t in origin] if origin is not None else []
    )
    for e in introduced_expectations([unfolded_src, *origin_unfolded], unfolded_tgt):
        entry = ("expectation", ("finite", e), ("finite", e))
        if entry not in side_conditions:
            side_conditions.append(entry)
    # The step's domain: what its source (and, for a continuation, the chain's left side)
    # needs to be defined. A definition must not hide what is undefined (L = \log 0, L = 1/x):
    # its conditions come with every use.
    domain = _Domain()
    # What only the row before needs is not introduced by this step (the message says so).
    domain.before = {(n.pred, n.expr) for n in source_needs} - {
        (n.pred, n.expr) for n in target_needs
    }
    # A continuation is judged within its chain's domain (a row that needs more names it).
    origin_trees = [substitute(t, values) for t in origin] if origin is not None else [src]
    for tree in origin_trees:
        for need in _needs_unfolded(tree, facts, values):
            if need.rule in DOMAIN_RULES and need.key is not None:
                domain.add(need, facts, values)
            else:
                entry = (need.rule, (need.pred, need.expr), need.key)
                if entry not in side_conditions:
                    side_conditions.append(entry)

    empty = domain.impossible(facts)
    if empty is not None:
        return StepResult(step, Verdict.UNKNOWN, (), empty)
    # A side with a term no values make defined ((-1)! at x = 0 of \sum_{x=0}^{\infty}),
    # where the other side has a value: refuted at such a point, before any search.
    lacking = _undefined_side(step, unfolded_src, unfolded_tgt, facts, values, domain)
    if lacking is not None:
        return lacking

    named = tuple(step.by)
    warnings: list[str] = []
    if has_expectation(facts.unfold(src), facts.unfold(tgt)):  # check/expectations.py
        sides = [substitute(facts.unfold(e), values) for e in (src, tgt)]
        decided = expectation_step(
            step, *sides, side_conditions, warnings, facts, values, _givens(facts, *sides), domain
        )
        if decided is not None:
            return decided
    if has_integral(facts.unfold(src), facts.unfold(tgt)):
        # an integral an earlier row evaluated is that row's value: put in, the step is checked
        # as one without integrals (d/dt of an integral in t is the derivative of its value:
        # no condition for differentiating under the integral sign)
        src_v, tgt_v, used_rows = _integrals_evaluated_before(
            facts.unfold(src), facts.unfold(tgt), facts
        )
        if used_rows and not has_integral(src_v, tgt_v):
            for pair in used_rows:
                domain.premise(pair, facts, values)
            src, tgt = src_v, tgt_v
            evaluations = ["substitute", *evaluations]
    if has_integral(facts.unfold(src), facts.unfold(tgt)):  # integrals: check/integrals.py
        sides = [substitute(facts.unfold(e), values) for e in (src, tgt)]
        givens = _givens(facts, *sides)
        return integral_step(step, *sides, side_conditions, warnings, facts, values, givens, domain)
    evaluations = _value_rules(step_values or {}, source, target, facts) + evaluations
    path = None
    if named:
        search = Search(
            facts.equations,
            values,
            ranges=facts.ranges,
            allowed=set(named) | {"substitute"},
            budget=SEARCH_BUDGET,
            varying=varying,
        )
        path = search.find(src, tgt, NAMED_SEARCH_DEPTH)
    # A derivative of a defined quantity through an equation verified about it (d/d\mu of
    # \log L after \log L = ...): the equation's right side, before L is unfolded.
    src_d, tgt_d = _derivatives_through_facts(src, facts), _derivatives_through_facts(tgt, facts)
    for pair in {*src_d[1], *tgt_d[1]}:
        domain.premise(pair, facts, values)
    # Values bind symbols inside definitions too: unfold first, then put them in.
    lhs_full, rhs_full, _ = _emptied(
        substitute(facts.unfold(src_d[0]), values), substitute(facts.unfold(tgt_d[0]), values)
    )
    for tree in (lhs_full, rhs_full):
        side_conditions.extend(c for c in _integer_bounds(tree) if c not in side_conditions)
    givens = _givens(facts, lhs_full, rhs_full)
    # what the refuter samples: names real by the document's default where nothing defines them
    real = _undefined_real((lhs_full, rhs_full, *(e for g in givens for e in g)), facts)
    lhs_cex, rhs_cex = lhs_full.xreplace(real), rhs_full.xreplace(real)
    givens_cex = [(a.xreplace(real), b.xreplace(real)) for a, b in givens]
    off_reals: list = []  # points of real symbols where a side is not real
    empty_only: list = []  # ranges the only counterexamples found make empty (n = 0)
    # the bounds of ranges the author did not write: a counterexample is tried at every length
    invented = sorted(unwritten_bounds(lhs_cex, rhs_cex), key=str)

    def quick_counterexample(conditions=None):
        # a counterexample must lie where the source is defined
        if conditions is None:
            conditions = domain.conditions()
        return find_counterexample(
            lhs_cex,
            rhs_cex,
            givens_cex,
            seed=0,
            trials=QUICK_TRIALS,
            ranges=facts.ranges,
            values=_replaced_keys(values, real),
            domain=_sampled_domain(
                [(pred, e.xreplace(real)) for pred, e in conditions], lhs_cex, rhs_cex
            ),
            off_reals=off_reals,
            invented=invented,
            empty_only=empty_only,
        )

    # A step over a symbolic range (a sum, a \cdots) that the rules leave undecided is tried at
    # small concrete sizes before its verdict says which condition is missing, and before the
    # algebra (below); the search, bounded by work, comes first: most such steps are valid,
    # and the sampler cost them more than the search (the flagship's (4.2): three times).
    # The author's own rules have been tried already: a step they name and whose condition is
    # missing still says which condition.
    sized = path is None and _symbolic_range(lhs_full, rhs_full)
    own = domain.conditions()  # where the source is defined, before any equation is used
    search = Search(
        facts.equations, values, ranges=facts.ranges, budget=SEARCH_BUDGET, varying=varying
    )
    if path is None:
        path = search.find(src, tgt, SEARCH_DEPTH)
        if path is not None and named:
            used = {m.rule for m in path} | set(evaluations)
            wrong = [n for n in named if n not in used]
            if wrong:
                warnings.append(_wrong_rule_warning(wrong, path, evaluations))

    if path is not None:
        for move in path:
            side_conditions.extend((move.rule, c) for c in move.conditions)
            if move.premise is not None:
                domain.premise(move.premise, facts, values)
        if (note := _at_the_stationary_point(_premises_used(path, facts), facts)) is not None:
            warnings.append(note)
        rules = _unique([m.rule for m in path] + evaluations) or ["algebra"]
        decided = _decide(step, rules, side_conditions, warnings, values, facts, domain)
        # verified only where a condition the path brought in holds (n >= 0 from an equation
        # about \sum_{k=1}^{n}): sampled too, where the source alone is defined (the path
        # took n c = \sum_{k=1}^{n} c for verified, false at n = -1: red team s46)
        brought = [c for c in domain.conditions() if c not in own]
        if sized and (
            decided.verdict is Verdict.UNKNOWN or (decided.verdict is Verdict.VERIFIED and brought)
        ):
            cex = quick_counterexample(own)
            if cex is not None:
                return _refuted(step, _without_margins(cex, facts), warnings, lhs_full, rhs_full)
        return decided

    # No rule path. A quick look for a counterexample first: a false step is refuted without
    # asking simplify() to prove it (which is slow exactly when it cannot succeed).
    inside = domain.conditions()  # a counterexample must lie where the source is defined
    used: list[int] = []
    # each equation the algebra may use, with the premise a step that uses it stands on and its
    # position among the givens (None for a defined power's or member's equation and for a
    # verified claim): ``used`` counts in this list (the powers' equations had shifted the
    # claims' positions: a claim past the end was asked for, or another's premise recorded)
    own_equations = len(facts.givens)
    labelled = [(pair, facts.givens[k], k) for k, pair in enumerate(givens[:own_equations])]
    labelled += [(pair, pair, None) for pair in givens[own_equations:]]
    labelled += [
        (pair, (a, b), None)
        for pair, (_, a, b) in zip(_claims_used(facts), facts.verified, strict=True)
    ]
    kept = _outside_binders([pair for pair, _, _ in labelled], lhs_full, rhs_full)
    labelled = [item for item in labelled if item[0] in kept]
    proof_givens = [pair for pair, _, _ in labelled]
    # ... unless expansion alone proves the step (no simplify, which is what is slow on a false
    # step): then there is no counterexample to look for (dice_mle's \lambda y_k = t_k by
    # solve_for: a third of a second of sampling saved), and the full call below names the proof;
    # a step over a symbolic range is sampled without it (expanding its sums costs it more than
    # the sampling: three chain-rule rows of a corpus post took three times as long)
    if sized or prove_equal(lhs_full, rhs_full, proof_givens, facts.ranges, quick=True) is None:
        cex = quick_counterexample()
        if cex is not None:
            return _refuted(step, _without_margins(cex, facts), warnings, lhs_full, rhs_full)
    how = prove_equal(lhs_full, rhs_full, proof_givens, facts.ranges, used)
    for n in used:
        premise = labelled[n][1]
        domain.premise((canonical(premise[0]), canonical(premise[1])), facts, values)
    at_the_point = _at_the_stationary_point(
        [labelled[n][2] for n in used if labelled[n][2] is not None], facts
    )
    if at_the_point and how is not None:
        warnings.append(at_the_point)
    if how is not None:
        if named and how in named:
            return _decide(
                step,
                _unique(evaluations + [how]),
                side_conditions,
                warnings,
                values,
                facts,
                domain,
            )
        if named:
            warnings.append(
                f"the named rule{'s' if len(named) > 1 else ''} "
                f"{', '.join(named)} do{'es' if len(named) == 1 else ''} not "
                "produce this step; it holds by algebra"
            )
        return _decide(
            step, _unique(evaluations + [how]), side_conditions, warnings, values, facts, domain
        )
    cex = find_counterexample(
        lhs_cex,
        rhs_cex,
        givens_cex,
        seed=1,
        ranges=facts.ranges,
        values=_replaced_keys(values, real),
        domain=_sampled_domain([(pred, e.xreplace(real)) for pred, e in inside], lhs_cex, rhs_cex),
        off_reals=off_reals,
        invented=invented,
        empty_only=empty_only,
    )
    if cex is not None:
        return _refuted(step, _without_margins(cex, facts), warnings, lhs_full, rhs_full)
    near = _closest_then_algebra(search, facts)
    if near is not None:
        # the rules part of the way, algebra the rest (tried after the counterexample search:
        # a false step is refuted as soon as before)
        if named:
            wrong = [n for n in named if n not in {m.rule for m in near} | set(evaluations)]
            if wrong:
                warnings.append(_wrong_rule_warning(wrong, near, evaluations))
        for move in near:
            side_conditions.extend((move.rule, c) for c in move.conditions)
            if move.premise is not None:
                domain.premise(move.premise, facts, values)
        rules = _unique([m.rule for m in near] + evaluations)
        return _decide(step, rules, side_conditions, warnings, values, facts, domain)

    return StepResult(
        step,
        Verdict.UNKNOWN,
        (),
        "no symbolic proof found (rule search and algebra) and no counterexample"
        + _off_the_reals(off_reals)
        + _empty_ranges_only(empty_only)
        + (
            _undefined_functions(lhs_full, rhs_full, facts)
            or _series_conditions(lhs_full, rhs_full, proof_givens)
            or _what_would_decide(search)
        )
        + density_conditions(lhs_full, rhs_full),
        None,
        tuple(warnings),
    )


def _undefined_side(step, src, tgt, facts: Facts, values: dict, domain) -> StepResult | None:
    """Refuted when one side holds a term of a sum or product that has no value whatever the
    symbols are (a factorial of a negative integer, a division by zero, log 0 at the first
    index of its range) and the other side has a value at a point of the assumptions, the
    givens and the step's domain where that term is in its ranges (check/refute.py,
    :func:`undefined_side_counterexample`); None otherwise."""
    if not (undefined_term(src) or undefined_term(tgt)):
        return None
    givens = _givens(facts, src, tgt)
    real = _undefined_real((src, tgt, *(e for g in givens for e in g)), facts)
    src, tgt = src.xreplace(real), tgt.xreplace(real)
    givens = [(a.xreplace(real), b.xreplace(real)) for a, b in givens]
    inside = [(pred, e.xreplace(real)) for pred, e in domain.conditions()]
    for defined, undefined, side in ((src, tgt, "right"), (tgt, src, "left")):
        found = undefined_side_counterexample(
            defined, undefined, givens, facts.ranges, _replaced_keys(values, real), inside
        )
        if found is None:
            continue
        cex, term = found
        if side == "left":
            cex = replace(cex, lhs=cex.rhs, rhs=cex.lhs)
        where = ", ".join(f"{latex(var)} = {n}" for var, n in term.at)
        other = "left" if side == "right" else "right"
        reason = (
            f"the {side} side has no value: its term at {where} has {term.what}, whatever the "
            f"other values are, while the {other} side has one"
        )
        return StepResult(step, Verdict.REFUTED, (), reason, _without_margins(cex, facts))
    return None


def _timed_out(timeout: float) -> str:
    """Why a step whose time ran out is undecided, and what would decide it."""
    return (
        f"time limit ({timeout:g} s of CPU time) ran out; try a smaller step between these two "
        "rows, or a longer --timeout"
    )


def _symbolic_range(*exprs) -> bool:
    r"""Whether a sum or product runs over a range whose length is not a number, or whose
    bounds are not integers (\sum_{k=1}^{5/2}: the refuter reads it as a reader does)."""
    return any(
        not (hi - lo).is_number or not (lo.is_integer and hi.is_integer)
        for e in exprs
        for node in e.atoms(sp.Sum, sp.Product)
        for _, lo, hi in node.limits
    )


def _emptied(src, tgt):
    r"""Both sides with every sum and product over a concretely empty range replaced by 0 or 1
    (the reader's reading of \sum_{k=3}^{1}: written out, it has no term), and the rules that
    name it."""
    src, a = empty_ranges(src)
    tgt, b = empty_ranges(tgt)
    named = [f"{kind}_expand" for kind in ("sum", "prod") if kind in a | b]
    return src, tgt, named


def _integer_bounds(tree) -> list:
    r"""A sum or product runs over the integers between its bounds: SymPy's closed forms and
    the rules read the bounds as integers, so each must be established to be one
    (\sum_{k=1}^{x} k = \frac{x(x+1)}{2} needs x integer; for x = 5/2 it is false)."""
    out = []
    for node in tree.atoms(sp.Sum, sp.Product):
        rule = type(node).__name__.lower()
        for _, lo, hi in node.limits:
            for bound in (lo, hi):
                if bound.is_integer is not True and not (bound.is_number and bound.is_infinite):
                    entry = (f"{rule} range", ("integer", bound))
                    if entry not in out:
                        out.append(entry)
    return out


def _undefined_functions(lhs, rhs, facts: Facts) -> str:
    """``"; no row before this one defines f_X"`` when a function applied on one side only (its
    definitions unfolded) is in no equation before the step: nothing relates it to the other
    side, so no proof can be found; "" otherwise."""
    defined = {d.func for d in facts.definitions if isinstance(d, AppliedUndef)}
    for *_, a, b in facts.history:  # an earlier equation may say something about it
        for e in (a, b):
            if isinstance(e, sp.Basic):
                defined |= {f.func for f in e.atoms(AppliedUndef)}
    sides = [
        {f.func for f in side.atoms(AppliedUndef)} if isinstance(side, sp.Basic) else set()
        for side in (lhs, rhs)
    ]
    # the reader's own operators (a matrix name, a transpose, a product) are no author's names
    operators = {MatrixName, Transposed, MatrixProduct}
    alone = sorted(str(f) for f in (sides[0] ^ sides[1]) - defined - operators)
    if not alone:
        return ""
    shown = ", ".join(latex(sp.Symbol(name)) for name in alone)
    return (
        f"; {shown} stands on one side only and no row before this one defines it: define it "
        "before this row"
    )


def _empty_ranges_only(conditions: list) -> str:
    r"""``"; refuted only where a range is empty ..."`` when every counterexample found makes a
    range the step writes empty (``\sum_{i=2}^{n}`` at n = 0, where a first term peeled off
    the sum is no term of it): the step holds, if at all, where each range has a term."""
    if not conditions:
        return ""
    shown = ", ".join(f"{latex(e)} \\geq 0" for _, e in conditions)
    return (
        f"; the two sides differ only where a range is empty (found with {shown} false): "
        f"it holds, if at all, where every range has a term ({shown}), which is not "
        "established: declare it"
    )


def _series_conditions(lhs, rhs, givens) -> str:
    """``"; series_sum needs |q| < 1 ..."`` when a side holds a series whose closed form holds
    only under a condition (:func:`series.unsettled`) that the assumptions do not establish."""
    needs = _unique([c for side in (lhs, rhs) for c in series.unsettled(side, givens)])
    if not needs:
        return ""
    shown = ", ".join(latex(c) for c in needs)
    return (
        f"; series_sum needs {shown} (where the series' closed form holds), not established: "
        "declare it"
    )


_LATEX_NAME = re.compile(r"\\[A-Za-z]+|[A-Za-z]")
# commands that name no quantity (a case's relations, spacing, fonts)
_NOT_NAMES = {"\\in", "\\to", "\\infty", "\\sim", "\\mathbb", "\\mathcal", "\\mathrm", "\\text"}


_RATIONAL_VALUE = re.compile(r"[-−]?\d+(?:/\d+)?")
_ORDERS = {">": sp.Gt, ">=": sp.Ge, "<": sp.Lt, "<=": sp.Le}


def _case_orders(case: str) -> tuple | None:
    """``(sides, relations)`` of a stated case that is a chain of order relations between
    expressions (``x > 0``, ``0 < p < 1``); None for any other case, or one eqchain cannot
    read."""
    from eqchain.latex.read import read_formula

    try:
        formula = read_formula(case)
    except Exception:  # noqa: BLE001 - a case eqchain cannot read is no chain of orders
        return None
    sides, relations = formula.sides, formula.relations[1:]
    if len(sides) < 2 or not all(r in _ORDERS for r in relations):
        return None
    return sides, relations


def _case_holds_at(case: str, cex) -> bool:
    """Whether the stated case ``case``, a chain of order relations between expressions of
    names (``x > 0``, ``0 < p < 1``), is proved true at the counterexample's values, every name
    it writes given a rational value there: the refutation then lies within the case and
    stands (``\\sqrt{x^2} = -x`` before 「ただし $x > 0$ とする。」, refuted at x = 1). False on
    any doubt (a case eqchain cannot read, a name without a value, a value not rational)."""
    orders = _case_orders(case) if cex is not None else None
    if orders is None:
        return False
    sides, relations = orders
    values = {}
    if len({name for name, _ in cex.values}) < len(cex.values):
        return False  # two values under one name: which one the case is about is not said
    for name, text in cex.values:
        if _RATIONAL_VALUE.fullmatch(text.strip()):
            values[name] = sp.Rational(text.strip().replace("−", "-"))
    try:
        put = {}
        for side in sides:
            for x in side.free_symbols:
                if latex(x) not in values:
                    return False
                put[x] = values[latex(x)]
        return all(
            _ORDERS[r](a.xreplace(put), b.xreplace(put)) is sp.true
            for r, a, b in zip(relations, sides[:-1], sides[1:], strict=True)
        )
    except (TypeError, ValueError, AttributeError):
        return False


def _case_as_domain(case: str, names: dict) -> list | None:
    """The stated case ``case`` as domain conditions ``(pred, expr)`` on ``names`` (by name,
    the link's symbols: ``x > 0``, positive x), when it is a chain of order relations (``0 < p
    < 1``) of those names only; else None."""
    orders = _case_orders(case)
    if orders is None:
        return None
    sides, relations = orders
    if any(str(x) not in names for side in sides for x in side.free_symbols):
        return None  # a name of the case the link does not write: no condition on its values
    try:
        bound = [side.xreplace({x: names[str(x)] for x in side.free_symbols}) for side in sides]
    except (TypeError, AttributeError):
        return None
    out = []
    for r, a, b in zip(relations, bound[:-1], bound[1:], strict=True):
        gap = a - b if r in (">", ">=") else b - a
        out.append(("positive" if r in (">", "<") else "nonnegative", gap))
    return out


def _refuted_within_case(step: Step, source, lhs, facts: Facts, values: dict):
    """A counterexample to the link that lies within the case stated beside its display
    (``\\frac{d}{d\\sigma} \\log \\sigma^2 = \\frac{1}{\\sigma}`` "where $\\sigma > 0$.": refuted at
    sigma = 1, not only at -1), or None: a refutation the case cannot undo."""
    try:
        a = _unfolded(source if source is not None else lhs, facts, values)
        b = _unfolded(step.rhs, facts, values)
        names: dict = {}
        for x in a.free_symbols | b.free_symbols:
            names.setdefault(str(x), []).append(x)
        if any(len(xs) > 1 for xs in names.values()):
            return None  # two symbols of one name: which one the case is about is not said
        conditions = _case_as_domain(step.unread_case, {k: xs[0] for k, xs in names.items()})
        if not conditions:
            return None
        cex = find_counterexample(
            a, b, _givens(facts), seed=3, ranges=facts.ranges, values=values, domain=conditions
        )
    except Exception:  # noqa: BLE001 - SymPy failing here refutes nothing more
        return None
    if cex is None or not _case_holds_at(step.unread_case, cex):
        return None
    return _without_margins(cex, facts)


def _case_names_meet(case: str, cex) -> bool:
    """Whether the stated case ``case`` (LaTeX eqchain could not read) names something the
    counterexample gives a value (a name, or a family by its base): else the case says
    nothing of those values, and the refutation stands ("Given the parameters $\\theta$" before
    a false row about x). No counterexample: True."""
    if cex is None:
        return True
    written = set(_LATEX_NAME.findall(case)) - _NOT_NAMES
    for name, _ in cex.values:
        base = re.split(r"[_^{(\s]", name.lstrip("\\"), maxsplit=1)[0]
        if name in written or base in written or ("\\" + base) in written:
            return True
    return False


def _sampled_domain(conditions: list, lhs, rhs) -> list:
    r"""The domain conditions a counterexample must meet, without those on the value of a
    function nothing defines and neither side of the link writes (the chain's left side
    ``-\log \mathcal{L}(\theta | t, z)``, unknown: its value is free, some value meets them;
    a sign dropped in the link after it was never refuted, no point being found where the
    unknown function's logarithm is defined)."""
    written = {
        f.func
        for side in (lhs, rhs)
        if isinstance(side, sp.Basic)
        for f in side.atoms(AppliedUndef)
    }
    out = []
    for pred, e in conditions:
        free = {f.func for f in e.atoms(AppliedUndef)} if isinstance(e, sp.Basic) else set()
        if free and not free & written:
            if not (e.free_symbols - _arguments_symbols(e)) or _met_by_ones(pred, e):
                continue
        out.append((pred, e))
    return out


def _met_by_ones(pred: str, e) -> bool:
    r"""Whether ``pred`` holds of ``e`` for every value of its names once each unknown function
    in it is the constant 1, a function that exists: a likelihood's
    ``\prod_{i=1}^{n} p(y_i | x_i, w) \neq 0`` (for the chain's left side, its \log) is met
    so at every n, while its bound n is written outside the functions' arguments."""
    try:
        ones = e.xreplace({f: sp.Integer(1) for f in e.atoms(AppliedUndef)}).doit()
    except SYMPY_FAILURES:
        return False
    if not ones.is_number:
        return False
    if pred in ("nonzero", "positive", "nonnegative", "real", "finite"):
        return ones.is_positive is True
    return False


def _arguments_symbols(e) -> set:
    """The symbols ``e`` writes inside the arguments of its unknown functions only."""
    inside = set().union(*(f.free_symbols for f in e.atoms(AppliedUndef)))
    outside = e.xreplace({f: sp.Dummy() for f in e.atoms(AppliedUndef)}).free_symbols
    return inside - outside


def _off_the_reals(points: list) -> str:
    """``"; at a = −2 a side is not real ..."`` when the refuter met a point of real symbols
    where a side is not real (a logarithm of a negative number): the step holds, if at all,
    where its logarithms' and roots' arguments are positive, which nothing establishes."""
    if not points:
        return ""
    shown = ", ".join(f"{name} = {value}" for name, value in points[0])
    if not shown:
        # (-8)^{1/3} = -2, \log(-1) = 0: numbers only, no names to give signs to
        return (
            "; a side is not real (a logarithm, root or fractional power of a negative "
            "number: SymPy's principal value is complex), so no counterexample"
        )
    return (
        f"; at {shown} a side is not real (a logarithm, root or fractional power of a negative "
        "number), so no counterexample there: declare the signs that keep the arguments "
        "positive"
    )


def _what_would_decide(search: Search) -> str:
    """What an author could do about an undecided step: the rules that brought the two sides
    nearest each other (the search's closest state), and a smaller step."""
    closest = search.closest[1] if search.closest else ()
    rules = _unique([m.rule for m in closest if m.rule != "substitute"])
    near = f"; the rule search came closest with {', '.join(rules)}" if rules else ""
    return near + "; try a smaller step between these two rows"


def _without_margins(cex, facts: Facts):
    """``cex`` without the margins the loader made for assumed bounds (``a_{bound} = 1 - a``
    for ``a < 1``): no names of the document, each fixed by a value shown."""
    margins = {
        latex(lhs)
        for (lhs, _), line in zip(facts.givens, facts.given_lines, strict=False)
        if line is None and isinstance(lhs, sp.Symbol) and "_bound" in lhs.name
    }
    keep = [n for n, (name, _) in enumerate(cex.values) if name not in margins]
    if len(keep) == len(cex.values):
        return cex
    plain = tuple(cex.plain[n] for n in keep) if len(cex.plain) == len(cex.values) else cex.plain
    return replace(
        cex,
        values=tuple(cex.values[n] for n in keep),
        plain=plain,
        complex_names=tuple(c for c in cex.complex_names if c not in margins),
    )


def _refuted(step, cex, warnings, lhs, rhs) -> StepResult:
    """A refutation; when its counterexample needs a complex value for a symbol nothing
    declared real, a warning says so (an author who meant real numbers declares them)."""
    undeclared = {
        latex(a)
        for e in (lhs, rhs)
        for a in e.free_symbols | e.atoms(sp.Indexed)
        if getattr(a, "is_real", None) is None
    }
    complex_names = [n for n in cex.complex_names if n in undeclared]
    if cex.note:
        warnings = [*warnings, cex.note]
    if complex_names:
        names = ", ".join(complex_names)
        warnings = [
            *warnings,
            f"the counterexample takes {names} complex: nothing declares "
            f"{'it' if len(complex_names) == 1 else 'them'} real (declare, e.g. "
            f"'{complex_names[0]} real', to check the step for real values)",
        ]
    in_bounds = {
        latex(x)
        for e in (lhs, rhs)
        if isinstance(e, sp.Basic)
        for node in e.atoms(sp.Sum, sp.Product)
        for limit in node.limits
        for b in limit[1:]
        for x in b.free_symbols
    }
    fractional = [name for name, value in cex.values if name in in_bounds and "/" in value]
    if fractional:
        names = ", ".join(fractional)
        warnings = [
            *warnings,
            f"the counterexample takes {names} between two integers in the range of a sum or "
            f"product (read as the integers up to it); declare {fractional[0]} an integer "
            "if it is one",
        ]
    return StepResult(
        step, Verdict.REFUTED, (), "the two sides differ" + _rounded(lhs, rhs), cex, tuple(warnings)
    )


def _rounded(lhs, rhs) -> str:
    r"""A hint for ``-\log(0.245) = 1.406``: a number written as a decimal that the other
    side's exact value rounds to (at the decimal's digits) is a rounded value, which ``=``
    does not state; ``\approx`` does (README, Relations). Empty otherwise."""
    for decimal, other in ((rhs, lhs), (lhs, rhs)):
        if not (isinstance(decimal, sp.Rational) and not decimal.is_Integer):
            continue
        q = int(decimal.q)
        twos = fives = 0
        while q % 2 == 0:
            q, twos = q // 2, twos + 1
        while q % 5 == 0:
            q, fives = q // 5, fives + 1
        if q != 1 or not isinstance(other, sp.Basic) or other.free_symbols:
            continue
        digits = max(twos, fives)
        try:
            value = sp.N(other, 40)
        except (TypeError, ValueError, ArithmeticError):
            continue
        if not value.is_real or value.is_finite is not True:
            continue
        if abs(value - decimal) <= sp.Rational(5, 10 ** (digits + 1)):
            with localcontext() as ctx:
                ctx.prec = 60
                exact = Decimal(int(decimal.p)) / Decimal(int(decimal.q))
                shown = str(exact.quantize(Decimal(1).scaleb(-digits)))
            return (
                f" only by rounding: the exact value rounds to {shown} at the {digits} "
                f"decimal{'s' if digits > 1 else ''} written; write \\approx {shown} for a "
                "rounded value"
            )
    return ""


def _value_rules(step_values: dict, source, target, facts: Facts) -> list[str]:
    """Values bound by the step itself are a move of the author's: ``one_hot`` when they are a
    one-hot vector, else ``substitute``; named only when they change the step."""
    if not step_values:
        return []
    unfolded = [facts.unfold(source), facts.unfold(target)]
    bases = {a.base for e in unfolded for a in e.atoms(sp.Indexed)}
    symbols = {s for e in unfolded for s in e.free_symbols}
    used = {
        k: v
        for k, v in step_values.items()
        if (isinstance(k, sp.Indexed) and k.base in bases) or k in symbols
    }
    if not used:
        return []
    by_family: dict = {}
    for k, v in used.items():
        by_family.setdefault(k.base if isinstance(k, sp.Indexed) else k, []).append(v)
    one_hot = any(
        len(vs) > 1 and sorted(vs) == [0] * (len(vs) - 1) + [1] for vs in by_family.values()
    )
    return ["one_hot" if one_hot else "substitute"]


def _claims_used(facts: Facts):
    """Verified claims, as equations the algebra may solve for one of their symbols."""
    return [(facts.unfold(a), facts.unfold(b)) for _, a, b in facts.verified]


def _givens(facts: Facts, *exprs):
    r"""The givens with the definitions put in. With the step's sides ``exprs``, also each
    defined power (``s^2 = a``) whose name or value's names they hold, as the equation it
    states: the name stays free (``s^3`` is ``a s``), so every value given to it must agree
    with the definition (s = 2 with a = 2 is no point of the document: s^2 would be 4)."""
    givens = [(facts.unfold(a), facts.unfold(b)) for a, b in facts.givens]
    held = set().union(*(e.free_symbols | e.atoms(sp.Indexed) for e in exprs)) if exprs else set()
    families = {x.base for x in held if isinstance(x, sp.Indexed)}
    # a member defined at a named index (p_m = 1 - \sum_{j=1}^{m-1} p_j) whose family the step
    # holds under a sum (\sum_{j=1}^{m} p_j): at m = 6 the member p_6 is that value, never free
    givens += [
        (d, facts.unfold(v))
        for d, v in facts.definitions.items()
        if isinstance(d, sp.Indexed)
        and d.base in families
        and any(i.free_symbols for i in d.indices)
        and d not in held
    ]
    return givens + [
        (d, facts.unfold(v))
        for d, v in facts.definitions.items()
        if isinstance(d, sp.Pow)
        and isinstance(d.base, (sp.Symbol, sp.Indexed))
        and d.exp.is_Integer
        and d.exp > 1
        and (
            d.base in held
            # s^2 = a with a alone in the step: a is a square (s real), a = -1 no point; a
            # value with sums or integrals is left to the step (the sampler solves small ones)
            or (
                bool(held & (v.free_symbols | v.atoms(sp.Indexed)))
                and not v.has(sp.Sum, sp.Product, sp.Integral, sp.Derivative, AppliedUndef)
            )
        )
    ]


@dataclass
class _Domain:
    """The conditions a step is judged within: what its source, the chain's left side and the
    premises it uses need to be defined. Entries are ``(rule, pred, expr, key, shown, closed)``:
    ``expr`` as the tree has it, ``key`` the condition with definitions unfolded and bound
    variables closed over (``\\prod_k y_k \\neq 0``), ``shown`` the part as written, ``closed``
    when ``expr`` itself uses no bound variable."""

    entries: list = field(default_factory=list)
    before: set = field(default_factory=set)  # (pred, expr) only the row before needs

    def add(self, need: Need, facts: Facts, values: dict) -> None:
        key = _unfolded_key(need.key, facts, values)
        if key is None or any(e[3] == key for e in self.entries):
            return
        closed = need.key == (need.pred, canonical(need.expr))
        self.entries.append((need.rule, need.pred, need.expr, key, need.shown, closed))

    def premise(self, pair, facts: Facts, values: dict) -> None:
        """The domain of an earlier equation the step uses (either way round). Where a
        definition under a condition holds (:func:`_within_conditioned_definitions`: its
        conditions, ``Facts.defined_where``) is where the equation holds, which the step's
        source must need (rule "premise", :func:`_decide`); the rest (a given's, u =
        \\frac{1}{x} says x is not 0; what the equation's own source needs) is the step's
        domain as well."""
        lhs, rhs = pair
        stored = facts.domains.get((lhs, rhs)) or facts.domains.get((rhs, lhs)) or ()
        given = bool(stored) and _is_given(pair, facts)
        held = facts.held_domains.get((lhs, rhs)) or facts.held_domains.get((rhs, lhs)) or ()
        for pred, expr in stored:
            key = _unfolded_key((pred, expr), facts, values)
            if key is None or any(e[3] == key for e in self.entries):
                continue
            if (pred, expr) in held and (pred, expr) not in facts.defined_where:
                # what a given the equation was proved with needs holds wherever the givens
                # do (\frac{d\ell}{dp} = \frac{m}{p} - ... = 0 says p \neq 0): an equation
                # derived from it holds there too
                self.entries.append(("held", pred, expr, key, expr, True))
                continue
            # a given holds where the author says it does (u = \frac{1}{x}: x is not 0 there);
            # an equation eqchain verified holds where its source is defined, which the step's
            # source must need (red team s47: \frac{\sin 2x}{\sin x} = 2\cos x, verified,
            # then 2\cos x = \frac{\sin 2x}{\sin x} was verified "where sin x \neq 0",
            # false at x = 0 where its left side is defined)
            rule = "held" if given and (pred, expr) not in facts.defined_where else "premise"
            self.entries.append((rule, pred, expr, key, expr, True))

    def conditions(self) -> list:
        """The conditions (keys) the assumptions do not establish by themselves."""
        return [e[3] for e in self.entries if not cond.holds(*e[3])]

    def impossible(self, facts: Facts) -> str | None:
        """Why the domain is empty (the conditions that cannot hold), or None."""
        failing = _unique(
            [
                cond.describe(pred, written)
                for _r, pred, _e, key, written, _c in self.entries
                if _impossible(key, facts)
            ]
        )
        if not failing:
            return None
        if any(
            isinstance(written, sp.Basic) and written.has(sp.nan)
            for _r, _p, _e, key, written, _c in self.entries
            if _impossible(key, facts)
        ):
            # f(3) after f(x) = 4 written under the case x = 2: SymPy's Piecewise with no piece
            # there is nan ("\text{NaN} finite cannot hold" leaked into the report)
            return (
                "the left side is defined nowhere under the assumptions and the givens: it "
                "takes a definition at a value outside the case that definition was written "
                "under"
            )
        if all(
            rule == "derivative"
            for rule, _p, _e, key, _w, _c in self.entries
            if _impossible(key, facts)
        ):
            # |x|'(0), \max(x, 0)' at 0: the derivative is what is not shown to exist there
            return (
                "no derivative is shown to exist at the point: it needs "
                f"{', '.join(failing)}, which cannot hold there (a kink or a jump: |f|, max, "
                "min, cases, a step; or a root's zero)"
            )
        return (
            "the left side is defined nowhere under the assumptions and the givens: "
            f"{', '.join(failing)} cannot hold"
        )


def _made_of(value) -> set:
    """The plain names (not integers: indices and counts; not declared constant) and the
    families of the members ``value`` holds free: what may vary with a variable it does not
    mention (Facts._through_definitions)."""
    from eqchain.check.varying import may_vary_name

    names = {s for s in value.free_symbols if isinstance(s, sp.Symbol) and may_vary_name(s)}
    names |= {m.base for m in value.atoms(sp.Indexed) if may_vary_name(m.base)}
    return names


def _premises_used(path, facts: Facts) -> list:
    """The positions in ``facts.givens`` of the givens the moves of ``path`` used."""
    wanted = {m.premise for m in path if m.premise is not None}
    return [
        n
        for n, (a, b) in enumerate(facts.givens)
        if (canonical(a), canonical(b)) in wanted or (canonical(b), canonical(a)) in wanted
    ]


def _at_the_stationary_point(used: list, facts: Facts) -> str | None:
    r"""A note for a step proved through a derivative set to zero (the givens at positions
    ``used``): it holds where that condition does, at the stationary point, not for every
    value of the variable (\frac{d^2\ell}{dp^2} = -\frac{n}{p(1-p)} after \ell'(p) = 0: true
    at p = k/n only)."""
    lines = [facts.given_lines[n] for n in used if n in facts.stationary]
    if not lines and not any(n in facts.stationary for n in used):
        return None
    where = ", ".join(f"line {n}" for n in lines if n) or "an earlier row"
    return (
        f"holds at the stationary point only: the proof uses the derivative set to zero "
        f"({where}), not an identity in the variable"
    )


def _unfolded_key(key, facts: Facts, values: dict):
    if key is None:
        return None
    pred, expr = key
    try:
        return (pred, canonical(substitute(facts.unfold(expr), values)))
    except (ValueError, TypeError):
        return None


def _needs_unfolded(tree, facts: Facts, values: dict) -> list[Need]:
    """The definedness conditions of ``tree`` and of ``tree`` with the definitions unfolded."""
    out = needs(tree)
    unfolded = substitute(facts.unfold(tree), values) if facts.definitions else tree
    if unfolded != tree:
        out += [n for n in needs(unfolded) if n not in out]
    return out


def _is_given(pair, facts: Facts) -> bool:
    """Whether the equation ``pair`` (either way round, as the facts store it) is a given."""
    lhs, rhs = pair
    for a, b in facts.givens:
        ca, cb = canonical(a), canonical(b)
        if (ca, cb) in ((lhs, rhs), (rhs, lhs)):
            return True
    return False


def _decide(step, rules, side_conditions, warnings, values, facts=None, domain=None) -> StepResult:
    r"""Verified when every side condition is established (for a defined symbol, through its
    definition: N = \sum_k t_k is nonzero when every t_k is positive) under the assumptions
    and the step's domain (what its source needs to be defined), and the domain can hold;
    else unknown naming each missing condition, grouped by the rule that needs it, or the
    domain condition that cannot hold."""
    bound = (
        {
            **_bound_ranges(step.lhs, step.rhs),
            **_bound_ranges(canonical(step.lhs), canonical(step.rhs)),
        }
        if isinstance(step.lhs, sp.Basic) and isinstance(step.rhs, sp.Basic)
        else {}
    )
    established: list[str] = []
    missing: dict[str, list[str]] = {}
    premises: list = []  # equations a condition was established through: their domains count

    def holds_as_is(pred, expr) -> bool:
        return cond.holds(pred, expr) or (
            facts is not None
            and (
                (facts.definitions and _holds_unfolded(pred, expr, facts, values))
                or _holds_by_equation(pred, expr, facts, premises)
                or _holds_by_index_range(pred, expr, facts, step)
            )
        )

    def holds(pred, expr) -> bool:
        if holds_as_is(pred, expr):
            return True
        # or as its plainest parts, which say exactly the same together: (\sum_j e^{u_j})^2
        # \neq 0 where \sum_j e^{u_j} \neq 0 holds
        parts = cond.plain_parts(pred, expr)
        return parts != [(pred, expr)] and all(holds_as_is(p, e) for p, e in parts)

    def note(pred, expr) -> None:
        for p_, e_ in cond.atoms(pred, expr):
            if not cond.worth_reading(p_, e_):
                continue  # 0 >= 0, or t_k real for a declared t: nothing a reader learns
            text = cond.describe(p_, e_)
            if text not in established:
                established.append(text)

    # The domain: conditions that hold anyway are established; the others are assumed, but
    # one that cannot hold empties the claim.
    assumed: list = []  # keys (pred, expression) of the domain conditions assumed
    held: list = []  # those of them a given the step uses needs
    within: list = []  # the same, and the conditions as the tree has them when closed
    shown: list[str] = []
    beyond: list[str] = []  # what an equation used needs that the source does not
    entries = domain.entries if domain else ()
    # the source's own conditions first: an equation used holds within its domain, which must
    # lie within the source's (else the step would be verified for fewer values than it says)
    entries = sorted(entries, key=lambda e: e[0] == "premise")
    for rule, pred, expr, key, _written, closed in entries:
        expr = canonical(expr.xreplace(values)) if values else expr
        if holds(pred, expr):
            note(pred, expr)
            continue
        if rule == "premise" and not (key in assumed or holds_within(pred, expr, within)):
            for text in _needs_text(pred, expr, lambda p, e: False, bound):
                if text not in beyond:
                    beyond.append(text)
            continue
        if _impossible(key, facts):
            reason = domain.impossible(facts) or ""
            return StepResult(step, Verdict.UNKNOWN, tuple(rules), reason, warnings=tuple(warnings))
        assumed.append(key)
        if rule == "held":
            held.append(key)
        within.append(key)
        if closed:
            within.append((pred, expr))
            _show(shown, pred, expr)
        else:  # a condition on every member of a range says which (k_i \geq 0 for 1 \leq i \leq N)
            for text in _needs_text(pred, expr, lambda p, e: False, bound):
                if text not in shown:
                    shown.append(text)
    keys = set(assumed)

    introduced: list[str] = []
    inherited: list[str] = []  # needed by the row before, not by the chain's left side
    for entry in side_conditions:
        rule, (pred, expr) = entry[0], entry[1]
        before = domain is not None and (pred, expr) in domain.before
        key = _unfolded_key(entry[2], facts, values) if len(entry) > 2 and facts else None
        expr = canonical(expr.xreplace(values)) if values else expr
        if holds(pred, expr):
            note(pred, expr)
            continue
        if assumed and (
            (key is not None and key in keys)
            or holds_within(pred, expr, within)
            or _positive_factor_by_factor(pred, expr, within, facts)
            or _equal_within(pred, expr, within, facts, values)
            or _member_of_a_range(pred, expr, assumed, facts, bound)
        ):
            continue  # holds wherever the source is defined
        for need in _needs_text(pred, expr, holds, bound):
            if need not in missing.setdefault(rule, []):
                missing[rule].append(need)
            if rule in DOMAIN_RULES or rule == "expectation":
                into = inherited if before else introduced
                if need not in into:
                    into.append(need)
    if premises and domain is not None and facts is not None:
        # The equations that established a condition hold within their own domains.
        known = len(domain.entries)
        for pair in premises:
            domain.premise(pair, facts, values)
        for rule, pred, expr, key, _written, _closed in domain.entries[known:]:
            if cond.holds(pred, expr):
                continue
            if _impossible(key, facts):
                return StepResult(
                    step,
                    Verdict.UNKNOWN,
                    tuple(rules),
                    domain.impossible(facts) or "",
                    warnings=tuple(warnings),
                )
            if rule != "premise":  # a given's domain holds: it is assumed, and shown
                assumed.append(key)
                held.append(key)
                _show(shown, pred, expr)
            elif not (key in assumed or holds_within(pred, expr, within)):
                text = cond.describe(pred, expr)
                if text not in beyond:
                    beyond.append(text)
    if beyond:
        missing.setdefault("an equation it uses", []).extend(
            n for n in beyond if n not in missing.get("an equation it uses", [])
        )
        introduced.extend(n for n in beyond if n not in introduced)
    if missing:
        reason = "; ".join(f"{rule} needs {', '.join(needs)}" for rule, needs in missing.items())
        if introduced:
            reason += (
                f" (the step introduces {', '.join(introduced)}: the left side is defined "
                "without it)"
            )
        if inherited:
            reason += (
                f" (the row before needs {', '.join(inherited)}, which the chain's left side "
                "does not need)"
            )
        return StepResult(step, Verdict.UNKNOWN, tuple(rules), reason, warnings=tuple(warnings))
    if assumed and facts is not None:
        # Never vacuous: the domain must hold somewhere the declarations and the givens allow.
        # A point checked exactly proves it; not finding one leaves the step unknown.
        witness = find_witness(assumed, _givens(facts), facts.ranges, values)
        if witness is None:
            return StepResult(
                step,
                Verdict.UNKNOWN,
                tuple(rules),
                "not shown that the left side is defined anywhere under the assumptions and "
                f"the givens: no point found where {', '.join(shown)}",
                warnings=tuple(warnings),
            )
    return StepResult(
        step,
        Verdict.VERIFIED,
        tuple(rules),
        "",
        None,
        tuple(warnings),
        tuple(established),
        domain=tuple(shown),
        domain_conditions=tuple(assumed),
        held_conditions=tuple(held),
    )


def _needs_text(pred: str, expr, holds, bound: dict | None = None) -> list[str]:
    """What a reader is told is missing of the condition ``pred(expr)``, not established: the
    smallest part not established, as its plainest parts that are not (``2 \\pi \\sigma^2
    \\neq 0``: ``\\sigma \\neq 0``). A part that names the variable of a sum or product of the
    step (``bound``: variable -> (lower, upper)) says for which values (``a_{k} > 0`` for
    ``1 \\leq k \\leq n``): outside the sum the variable names nothing."""
    mp, me = cond.missing(pred, expr)
    parts = cond.plain_parts(mp, me)
    left = [(p, e) for p, e in parts if not holds(p, e)] or [(mp, me)]
    out = []
    for p, e in left:
        text = cond.describe(p, e)
        free = getattr(e, "free_symbols", set())
        over = [(v, lo, hi) for v, (lo, hi) in (bound or {}).items() if v in free]
        if over:
            text += " for " + ", ".join(
                f"{latex(lo)} \\leq {latex(cond.readable(v))} \\leq {latex(hi)}"
                for v, lo, hi in over
            )
        out.append(text)
    return out


def _bound_ranges(*trees) -> dict:
    """The variables the sums and products of ``trees`` bind and that are free in none of
    them, with their bounds: variable -> (lower, upper) (one range per variable, else none)."""
    out: dict = {}
    clash: set = set()
    free = set().union(*(t.free_symbols for t in trees if isinstance(t, sp.Basic)))
    for tree in trees:
        if not isinstance(tree, sp.Basic):
            continue
        for node in tree.atoms(sp.Sum, sp.Product):
            for v, lo, hi in node.limits:
                if v in free:
                    continue
                if v in out and out[v] != (lo, hi):
                    clash.add(v)
                out[v] = (lo, hi)
    return {v: r for v, r in out.items() if v not in clash}


def _show(shown: list[str], pred: str, expr) -> None:
    """Add what a reader is shown of the domain condition ``pred(expr)``: its plainest parts
    (:func:`eqchain.check.conditions.plain_parts`), each once."""
    for p, e in cond.plain_parts(pred, expr):
        text = cond.describe(p, e)
        if text not in shown:
            shown.append(text)


def _impossible(key, facts) -> bool:
    """A domain condition that is false under the assumptions, or once a given (or a verified
    claim) puts a value in for a symbol: x - 1 \\neq 0 with the given x = 1."""
    pred, expr = key
    if impossible(pred, expr):
        return True
    if facts is None:
        return False
    for a, b in _givens(facts):
        for this, other in ((a, b), (b, a)):
            if isinstance(this, (sp.Symbol, sp.Indexed)) and expr.has(this):
                try:
                    if impossible(pred, canonical(expr.xreplace({this: other}))):
                        return True
                except (ValueError, TypeError):
                    continue
    return False


def _holds_unfolded(pred, expr, facts, values) -> bool:
    unfolded = facts.unfold(expr)
    if unfolded == expr:
        return False
    if values:
        unfolded = unfolded.xreplace(values)
    return cond.holds(pred, canonical(unfolded))


def _closest_then_algebra(search, facts):
    r"""The rule search's moves to the state nearest the other side, when algebra alone (no
    earlier equation) proves that state equal to the other side: the rules carry the step part
    of the way (a product split, its constant factors powered, its exponentials summed), the
    algebra the rest (``2^{-n/2} \pi^{-n/2} = (2 \pi)^{-n/2}``). The moves keep their side
    conditions; None when there is no such state or the algebra does not close the gap."""
    near = search.closest_path()
    if near is None:
        return None
    moves, a, b = near
    try:
        forward, a = search.tidy(a, "source")
        backward, b = search.tidy(b, "target")
        how = prove_equal(a, b, (), facts.ranges)
    except (ValueError, TypeError, ZeroDivisionError, RecursionError, AttributeError):
        return None
    if how != "algebra":
        return None
    return tuple(moves) + forward + (Move("algebra"),) + tuple(reversed(backward))


def _positive_factor_by_factor(pred, expr, within, facts) -> bool:
    """``pred(expr)`` (positive or nonzero) follows factor by factor: each factor positive as
    nonnegative (by the declarations, or through the margins of assumed bounds:
    :func:`eqchain.densities.established`) and nonzero within the domain conditions ``within``
    (``1 - p_1 \\neq 0`` in the domain and ``p_1 \\le 1`` stated: 1 - p_1 > 0, which log_div
    asks); an odd integer power of a positive base, or an even one of a nonzero real base, is
    positive too."""
    if facts is None or pred not in ("positive", "nonzero") or not isinstance(expr, sp.Basic):
        return False
    givens = facts.givens

    def nonzero(e) -> bool:
        return cond.holds("nonzero", e) or holds_within("nonzero", e, within)

    def positive(e) -> bool:
        if cond.holds("positive", e) or holds_within("positive", e, within):
            return True
        nonnegative = cond.holds("nonnegative", e) or established(
            sp.Ge(e, 0, evaluate=False), givens
        )
        return nonnegative and nonzero(e)

    for factor in sp.Mul.make_args(expr):
        base, exponent = factor.as_base_exp()
        if factor.is_number and factor.is_positive:
            continue
        if exponent.is_integer and exponent.is_odd and positive(base):
            continue
        if exponent.is_integer and exponent.is_even and cond.holds("real", base) and nonzero(base):
            continue
        if not (exponent == 1 and positive(factor)):
            return False
    return True


def _member_of_a_range(pred, expr, keys, facts, bound=None) -> bool:
    r"""``pred(expr)`` follows from members of domain conditions over a range: the source needs
    f_k \neq 0 (f_k > 0, f_k \ge 0) for every k in lo..hi (:func:`domain.over_a_range`), and
    ``expr`` names an index i whose range is established within lo..hi, so f_i's condition
    holds (\sigma(A_i) beside \log \sigma(A_k) summed over k = 1..C, i indexing A over 1..C;
    k_i! > 0 beside \sum_i \log(1/k_i!), which needs k_i \ge 0 for every i). ``bound``: the ranges
    the step's own sums give their variables (a rule's condition under one of them)."""
    if facts is None or not isinstance(expr, sp.Basic):
        return False
    members = []
    for key in keys:
        over = over_a_range(key)
        if over is None:
            continue
        p, f, (k, lo, hi) = over
        for index in expr.free_symbols - key[1].free_symbols:
            inside = (bound or {}).get(index)
            if index_within(index, lo, hi, facts.ranges) or (
                inside is not None
                and (inside[0] - lo).is_nonnegative is True
                and (hi - inside[1]).is_nonnegative is True
            ):
                members.append((p, f.xreplace({k: index})))
    return bool(members) and holds_within(pred, expr, members)


def _holds_by_index_range(pred, expr, facts, step) -> bool:
    r"""``pred(expr)`` from the range of an index the step writes free: a step about ``a_i``
    with i in ``lo..hi`` (a declared range, or the one the document sums i's family over)
    speaks of an i with ``lo \le i \le hi``, so the range is not empty: ``hi \ge lo``. Thus
    ``hi > 0`` when ``lo > 0`` (n_k > 0 for i in 1..n_k), and ``hi - lo + 1 > 0``. Only an
    index free in the step's sides counts: a range no free letter lies in may be empty."""
    if pred not in ("positive", "nonzero", "nonnegative") or facts is None or step is None:
        return False
    if not facts.ranges or not isinstance(expr, sp.Basic):
        return False
    free: set = set()
    for side in (getattr(step, "lhs", None), getattr(step, "rhs", None)):
        if isinstance(side, sp.Basic):
            free |= side.free_symbols
    if isinstance(expr, (sp.Sum, sp.Product)) and pred != "nonnegative":
        # a sum of positive terms over a range the index shows nonempty (\sum_{k=1}^{n_k} e^{z_k})
        return positivity.positive(
            expr, lambda p, e: cond.holds(p, e) or _holds_by_index_range(p, e, facts, step)
        )
    strict = pred != "nonnegative"

    def shown(lo, hi) -> bool:
        try:
            lo = sp.sympify(lo, strict=True)
            hi = sp.sympify(hi, strict=True)
            above_length = sp.expand(expr - (hi - lo))  # hi - lo >= 0
            above_top = sp.expand(expr - hi)  # hi >= lo
        except (sp.SympifyError, TypeError, ValueError):
            return False
        if cond.holds("positive" if strict else "nonnegative", above_length):
            return True
        if above_top == 0 or cond.holds("nonnegative", above_top):
            return cond.holds("positive" if strict else "nonnegative", lo)
        return False

    # The index lies in one of its declared ranges (the one of the family the step writes it
    # with): the condition follows when it follows from each of them.
    for index in free:
        spans = facts.ranges.get(index, ())
        if spans and all(shown(lo, hi) for lo, hi in spans):
            return True
    return False


def _holds_by_equation(pred, expr, facts, used: list | None = None) -> bool:
    """``1 - y_1 \\neq 0`` from the given ``y_2 = 1 - y_1`` and ``y_2 > 0``: a condition on one
    side of an established equation holds when it holds of the other side (a given's margin
    ``m = b - a``, m positive, also makes ``24 b - 24 a`` positive), or once the parts an
    equation names by a symbol are replaced by that symbol. The equations it rests on are
    appended to ``used`` (as canonical pairs): they hold within their own domains."""
    if pred == "finite" and _converges_by_givens(expr, facts):
        return True
    target = canonical(expr)
    relation = {"nonzero": sp.Ne, "positive": sp.Gt, "nonnegative": sp.Ge}.get(pred)
    for a, b in facts.givens if relation is not None else ():
        # a margin given m = b - a (a < b): b - a and its positive multiples, 24 b - 24 a
        if established(relation(target, 0, evaluate=False), [(a, b)]):
            if used is not None:
                used.append((canonical(a), canonical(b)))
            return True
    equations = facts.givens + [(a, b) for _, a, b in facts.verified]
    named = {}  # an expression -> a symbol an equation says it equals (1 - p -> q)
    origin = {}  # the same expression -> the equation that names it
    for a, b in equations:
        for this, other in ((a, b), (b, a)):
            if canonical(this) == target and cond.holds(pred, canonical(other)):
                if used is not None:
                    used.append((canonical(a), canonical(b)))
                return True
            if isinstance(other, (sp.Symbol, sp.Indexed)) and not this.is_number:
                named[canonical(this)] = other
                origin[canonical(this)] = (canonical(a), canonical(b))
    if _holds_through_a_margin(pred, target, facts, used):
        return True
    if pred == "nonzero" and _nonzero_by_factors(target, facts, used):
        return True
    if not named:
        return False
    # Equals for equals inside the condition: (1 - p)^{1 - x_i} > 0 from q = 1 - p, q > 0.
    for e in (target, canonical(facts.unfold(target))):
        swapped = e.xreplace(named)
        if swapped != e and cond.holds(pred, swapped):
            if used is not None:
                used.extend(origin[k] for k in named if e.has(k))
            return True
    return False


def _nonzero_by_factors(target, facts, used: list | None = None) -> bool:
    r"""``p^2 - p \neq 0`` with 0 < p < 1: a polynomial that factors (p (p - 1)) is nonzero
    where each factor is, each established as any condition is (p > 0 declared, p - 1 through
    the margin given p_{bound} = 1 - p). Only a sum of few operations that SymPy factors into
    two or more factors."""
    if not isinstance(target, sp.Add) or sp.count_ops(target) > 40:
        return False
    try:
        factored = sp.factor(target)
    except Exception:  # noqa: BLE001 - SymPy could not factor it: nothing proved
        return False
    factors = [
        f.base if isinstance(f, sp.Pow) and f.exp.is_positive else f
        for f in sp.Mul.make_args(factored)
        if not f.is_number
    ]
    if len(factors) < 2 or any(f.is_number for f in factors):
        return False
    found: list = []
    for f in factors:
        f = canonical(f)
        if not (
            cond.holds("nonzero", f)
            or _holds_through_a_margin("nonzero", f, facts, found)
            or _holds_by_equation("nonzero", f, facts, found)
        ):
            return False
    if used is not None:
        used.extend(found)
    return True


def _holds_through_a_margin(pred, target, facts, used: list | None = None) -> bool:
    """``N - 1 \\neq 0`` from the margin given ``N_{bound} = N - 2`` (N >= 2) with
    ``N_{bound}`` nonnegative: a given that writes a symbol as a name of its own (m = c x + d,
    c a nonzero rational, d free of x) says x = (m - d) / c exactly; the condition holds when it
    holds with that put in for x where x is free (N - 1 = N_{bound} + 1 > 0)."""
    free = {x for x in target.free_symbols if isinstance(x, sp.Symbol)}
    for a, b in facts.givens:
        for m, e in ((a, b), (b, a)):
            if not isinstance(m, sp.Symbol) or m in free:
                continue
            for x in free & e.free_symbols:
                c = sp.diff(e, x)
                if not c.is_Rational or c == 0:
                    continue
                rest = sp.expand(e - c * x)
                if rest.has(x):
                    continue
                swapped = put_in(target, {x: (m - rest) / c})
                if swapped != target and cond.holds(pred, canonical(swapped)):
                    if used is not None:
                        used.append((canonical(a), canonical(b)))
                    return True
    return False


def _wrong_rule_warning(wrong, path, evaluations) -> str:
    actual = _unique([m.rule for m in path] + evaluations) or ["algebra"]
    return (
        f"the named rule{'s' if len(wrong) > 1 else ''} {', '.join(wrong)} "
        f"do{'' if len(wrong) > 1 else 'es'} not produce this step; "
        f"it follows by {', '.join(actual)}"
    )


def _unique(items):
    out = []
    for i in items:
        if i not in out:
            out.append(i)
    return out


def _generalize_step(step: Step, lhs, source, facts: Facts, values, timeout) -> StepResult:
    """A derivation file's ``by = ["generalize"]`` step: ``instance`` names the values of its
    instance and ``of`` the label of the earlier equation it should be."""
    if not step.instance:
        raise InputError(
            "'generalize' needs 'instance', e.g. instance = { K = 6 }",
            line=step.place.line if step.place else None,
        )
    if source is None:
        raise InputError("a continuation step ('= ...') has nothing to continue")
    names = dict(step.instance)
    instance = {
        sym: sp.Integer(names[str(sym)])
        for sym in source.free_symbols | step.rhs.free_symbols
        if str(sym) in names
    }
    bound = [latex(k) for k in instance if k in values]
    if bound:
        raise InputError(
            f"'generalize' proves the claim for every {', '.join(bound)}: a 'where' may not "
            "bind it",
            line=step.place.line if step.place else None,
        )
    inst_l, inst_r = source.xreplace(instance), step.rhs.xreplace(instance)
    candidates = list(facts.verified) + [(label, a, b) for label, a, b, _ in facts.instances]
    candidates += [(None, a, b) for a, b in facts.givens]
    candidates = [c for c in candidates if step.of is None or c[0] == step.of]
    sum_rules = {"sum_expand", "sum_fold", "prod_expand", "prod_fold"}
    origin = None
    for label, a, b in reversed(candidates):
        search = Search((), values, allowed=sum_rules)
        if search.find(inst_l, a, 2) is not None and search.find(inst_r, b, 2) is not None:
            origin = f"({label})" if label else "an earlier equation"
            break
    result = _generalize(step, source, facts, values, timeout, instance, origin)
    if origin is None and instance:
        shown = ", ".join(f"{latex(k)} = {v}" for k, v in instance.items())
        which = f"({step.of})" if step.of else "any earlier verified equation"
        result = replace(
            result, warnings=result.warnings + (f"its instance {shown} is not {which}",)
        )
    return result


def _generalize(step, source, facts: Facts, values, timeout, instance: dict, origin):
    """A concrete bound made symbolic (6 -> K). Its instance being an earlier equation says
    where it came from; it is verified only when proved for every value, from the definitions
    read generally (a defined \\prod_{k=1}^{6} becomes \\prod_{k=1}^{K}, and the report
    says so). What held only of the old reading is no longer a fact."""
    general, reread = _generalized_facts(facts, instance, (source, step.rhs))
    plain = replace(step, by=tuple(b for b in step.by if b != "generalize"))
    proof = _claim(plain, source, general, values, timeout)
    shown = ", ".join(f"{latex(k)} = {v}" for k, v in instance.items())
    every = ", ".join(latex(k) for k in instance) or "every value"
    came = f"its instance {shown} is {origin}" if origin else ""
    if proof.verdict is Verdict.VERIFIED:
        parts = [came, f"holds for every {every}"]
        parts += [f"{latex(t)} read as {latex(r)}" for t, r in reread.items()]
        facts.adopt(general)
        return replace(
            proof,
            rules=("generalize",) + tuple(r for r in proof.rules if r != "generalize"),
            reason="; ".join(p for p in parts if p),
        )
    if proof.verdict is Verdict.REFUTED:
        reason = f"{came}, but it is false for some {every}" if came else proof.reason
        return replace(proof, rules=("generalize",), reason=reason)
    return replace(
        proof,
        rules=("generalize",),
        reason=f"{came or 'no instance found'}; not proved for every {every}: {proof.reason}",
    )


def _generalized_facts(facts: Facts, instance: dict, claim=()) -> tuple[Facts, dict]:
    """The facts with every sum's or product's upper bound equal to an instance value made
    symbolic in the definitions the generalised claim uses, directly or through other
    definitions (``{K: 6}``: \\prod_{k=1}^{6} -> \\prod_{k=1}^{K}); a definition the claim
    does not use keeps its bound, whatever its value. Givens and claims about a symbol so
    reread are dropped (they were about the old reading)."""
    by_value = {v: k for k, v in instance.items()}
    used = _definitions_used(facts, claim)

    def visit(node):
        if isinstance(node, (sp.Sum, sp.Product)) and any(
            hi in by_value for _, _, hi in node.limits
        ):
            limits = [sp.Tuple(v, lo, by_value.get(hi, hi)) for v, lo, hi in node.limits]
            return build(type(node), (node.function, *limits))
        return node

    reread = {}
    for target, rhs in facts.definitions.items():
        if target not in used:
            continue
        wide = rebuild(rhs, visit)
        if wide != rhs:
            reread[target] = wide
    changed = set(reread)
    grew = True
    while grew:
        grew = False
        for target, rhs in facts.definitions.items():
            if target not in changed and any(rhs.has(c) for c in changed):
                changed.add(target)
                grew = True

    def about_changed(*exprs) -> bool:
        return any(e.has(c) for e in exprs for c in changed)

    canon = {canonical(t): t for t in reread}
    equations = []
    for e in facts.equations:
        if e.kind == "definition" and e.lhs in canon:
            equations.append(replace(e, rhs=canonical(reread[canon[e.lhs]])))
        elif e.kind == "definition" or not about_changed(e.lhs, e.rhs):
            equations.append(e)
    general = Facts(
        definitions={**facts.definitions, **reread},
        equations=equations,
        givens=[(a, b) for a, b in facts.givens if not about_changed(a, b)],
        verified=[(lb, a, b) for lb, a, b in facts.verified if not about_changed(a, b)],
        ranges=facts.ranges,
        families=facts.families,
        seen=set(facts.seen),
        defined_at=dict(facts.defined_at),
        history=[h for h in facts.history if not about_changed(h[2], h[3])],
        instances=[i for i in facts.instances if not about_changed(i[1], i[2])],
        domains=dict(facts.domains),
        given_domains=dict(facts.given_domains),
    )
    return general, reread


def _definitions_used(facts: Facts, exprs) -> set:
    """The defined symbols (and functions) ``exprs`` use, directly or through the definitions
    of others."""
    used: set = set()
    pending = [e for e in exprs if e is not None]
    while pending:
        e = pending.pop()
        for target, rhs in facts.definitions.items():
            if target not in used and (
                e.has(target) or (isinstance(target, AppliedUndef) and e.has(target.func))
            ):
                used.add(target)
                pending.append(rhs)
    return used


# -- relations other than equality (check/relations.py holds the proofs) ----------------------


def _establisher(facts: Facts, values: dict):
    """``holds(pred, expr)``: a condition established by the assumptions, through the
    definitions, or by an established equation (as :func:`_decide` establishes them)."""

    def holds(pred, expr) -> bool:
        return (
            cond.holds(pred, expr)
            or (bool(facts.definitions) and _holds_unfolded(pred, expr, facts, values))
            or _holds_by_equation(pred, expr, facts)
        )

    return holds


def _converges_by_givens(expr, facts: Facts) -> bool:
    r"""A series is finite where SymPy's closed form of it holds by cases whose first case the
    assumed bounds establish (``\sum_{k=0}^{\infty} p^k`` under ``0 < p < 1``), and whose value
    is finite there (``\frac{r^2}{1 - r}`` written through the margin ``m = 1 - r``)."""
    if not isinstance(expr, sp.Sum) or not expr.has(sp.oo):
        return False
    value = series.closed_form(expr, facts.givens)
    if value is None:
        return False
    return cond.holds("finite", value) or any(
        cond.holds("finite", value.xreplace(put)) for put in through_margins(facts.givens)
    )


def _unfolded(expr, facts: Facts, values: dict):
    return canonical(substitute(facts.unfold(expr), values))


# what a domain condition may stand for: pred(e) gives pred(x) for x = e (nonzero also for -e)
_IMPLIED_BY = {"nonzero": ("nonzero", "positive"), "nonnegative": ("nonnegative", "positive")}


def _equal_within(pred: str, expr, within, facts: Facts | None, values: dict) -> bool:
    r"""``pred(expr)`` is a condition of the domain written in another form: ``expr``, with the
    definitions unfolded, proved equal (symbolically, with no givens) to the expression of a
    condition the source needs (a nonzero one also to its negation). ``\frac{1}{a^2 - 2ac + c^2}
    = \frac{1}{(a - c)^2}`` introduces nothing: where the left side is defined,
    a^2 - 2ac + c^2 = (a - c)^2 is nonzero. Both expressions are defined there (the source's
    by the domain, the target's by its own conditions, checked one by one)."""
    if facts is None or not within or not isinstance(expr, sp.Basic) or expr.is_number:
        return False
    target = _unfolded(expr, facts, values) if facts.definitions else expr
    for key in within:
        if not key or len(key) != 2:
            continue
        p, e = key
        if p not in _IMPLIED_BY.get(pred, (pred,)) or not isinstance(e, sp.Basic):
            continue
        e = _unfolded(e, facts, values) if facts.definitions else e
        if _names_of(e) != _names_of(target):
            continue  # a cheap test first: equal expressions mention the same names
        for sign in (1, -1) if pred == "nonzero" else (1,):
            try:
                if prove_equal(e, sign * target, ranges=facts.ranges) == "algebra":
                    return True
            except Exception:  # noqa: BLE001 - SymPy failed: nothing proved
                continue
    return False


def _nonzero_key(key):
    r"""A condition ``a \neq 0`` in one form for every way of writing it: ``2 \sigma^2 \neq
    0`` and ``\sigma^2 \neq 0`` are ``\sigma \neq 0`` (a nonzero number's multiple, a positive
    integer power); any other condition as it is."""
    pred, expr = key
    if pred != "nonzero" or not isinstance(expr, sp.Basic):
        return key
    while True:
        if isinstance(expr, sp.Mul):
            coefficient, rest = expr.as_coeff_Mul()
            if coefficient.is_nonzero and coefficient.is_number and coefficient != 1:
                expr = rest
                continue
        if isinstance(expr, sp.Pow) and expr.exp.is_Integer and expr.exp > 0:
            expr = expr.base
            continue
        return (pred, expr)


def _introduced(targets, origins, facts: Facts, values) -> str | None:
    """What the ``targets`` need to be defined beyond what the ``origins`` need and the
    assumptions (and established equations) give, as a reason naming it; None when nothing."""
    holds = _establisher(facts, values)
    known = {
        _nonzero_key(n.key)
        for t in origins
        if t is not None
        for n in _needs_unfolded(t, facts, values)
        if n.key is not None
    }
    missing: dict = {}
    shown: list[str] = []
    for t in targets:
        if t is None:
            continue
        for n in _needs_unfolded(t, facts, values):
            if n.key is not None and _nonzero_key(n.key) in known:
                continue
            expr = canonical(n.expr.xreplace(values)) if values else n.expr
            if holds(n.pred, expr):
                continue
            for need in _needs_text(n.pred, expr, holds):
                if need not in missing.setdefault(n.rule, []):
                    missing[n.rule].append(need)
                if need not in shown:
                    shown.append(need)
    if not shown:
        return None
    reason = "; ".join(f"{rule} needs {', '.join(v)}" for rule, v in missing.items() if v)
    return f"{reason} (the step introduces {', '.join(shown)}: the left side is defined without it)"


def _concluded_about(lhs, rhs) -> set:
    """What an implication's conclusion ``lhs = rhs`` is about: the name alone on a side (or its
    power: ``\\sigma^2 = ...`` is about sigma), else every name in it."""
    for side in (lhs, rhs):
        if isinstance(side, sp.Pow) and side.exp.is_Integer:
            side = side.base
        if isinstance(side, sp.Symbol):
            return {side}
    return {
        x
        for side in (lhs, rhs)
        if isinstance(side, sp.Basic)
        for x in side.free_symbols
        if isinstance(x, sp.Symbol)
    }


SUPPOSED = "given: the premise of the implication that follows"


def _suppose(step: Step, source, facts: Facts, result: StepResult) -> StepResult:
    r"""An equation right before ``\Rightarrow`` that is not an identity is the implication's
    premise, supposed by the author: a given until the implication ends (the next row that
    neither continues it nor follows from it: Facts.retract_supposed), unless the declarations
    or the givens contradict it (then its own verdict stands)."""
    if source is None or _given_contradiction(source, step.rhs, facts) is not None:
        return result
    # A later link of a chain is a step of the derivation unless it sets what was derived to a
    # number (\frac{dL}{dp} = \frac{a}{p} - \frac{b}{1-p} = 0 \Rightarrow): (a+b)^2 = (a+b)(a+b)
    # = a^2 + b^2, then a row opening with \Rightarrow, made the false link a premise (exit 0)
    if step.continues and not step.rhs.is_number:
        return result  # (a number derived, then = x^2: a new claim, s52 rt3)
    # Only a condition: no derivative computed in it (a wrong derivative stays refuted), and a
    # number on one side or no defined symbol in it (a wrong rewriting stays refuted).
    if any(e.has(sp.Derivative) for e in (source, step.rhs)):
        return result
    defined = set(facts.definitions)
    mentions = (source.free_symbols | step.rhs.free_symbols) & defined
    # a defined power or function counts where it is written (\sigma^2 = (a + 2b)^2 after
    # \sigma^2 = a^2 + 2ab + b^2, then \therefore: a premise, never checked, exit 0)
    mentions |= {
        d
        for d in defined
        if isinstance(d, (sp.Pow, AppliedUndef)) and (source.has(d) or step.rhs.has(d))
    }
    if not (source.is_number or step.rhs.is_number) and mentions:
        return result
    if _clash(facts.givens + [(source, step.rhs)], facts) is not None:
        return result
    given = _give(step, source, facts)
    facts.conditions.append(_names_of(source, step.rhs))
    return replace(given, reason=SUPPOSED)


def _distribution_statement(step: Step) -> StepResult:
    """``X \\sim \\mathcal{N}(\\mu, \\sigma^2)``: the author states a distribution. It is a
    given, shown as written and never checked; it states no equation, so nothing later uses
    it (only equations are facts) and an implication from it is not checked."""
    return StepResult(
        step,
        Verdict.GIVEN,
        reason="a distribution stated by the author: taken as given, never checked; it "
        "establishes no equation",
    )


def _may_follow(step: Step, result: StepResult, premise, facts: Facts | None = None) -> bool:
    """Whether a claim that is no identity may be read as following from the equation before:
    a document's row of one equation right after an equation row of the same display
    (``Step.after_equation``), with that equation read."""
    sides, relation, _established = premise
    written = (*sides, step.lhs, step.rhs)
    return (
        step.after_equation
        and step.follows is None
        # an indefinite integral is known up to a constant: no system to solve
        and not has_indefinite_integral(
            *(facts.unfold(e) if facts is not None and e is not None else e for e in written)
        )
        and not step.continues
        and step.relation == "="
        and result.verdict in (Verdict.REFUTED, Verdict.UNKNOWN)
        and relation == "="
        and len(sides) >= 2
        and all(x is not None for x in sides)
    )


def _as_implication(step: Step, lhs, premise, identity: StepResult, facts, values, timeout):
    """The row ``c = d`` after the equation ``a = b`` that is not shown an identity, read as the
    next equation of a system the author solves: verified when it is proved to follow from
    ``a = b`` (a nonzero factor, terms moved, ...); refuted by a point where ``a = b`` holds and
    ``c = d`` does not (then it is no identity either); otherwise unknown, saying both. Returns
    the result and whether it was verified as following."""
    implied = _implication(replace(step, follows="implies"), lhs, premise, facts, values, timeout)
    if implied.verdict is Verdict.VERIFIED:
        rest = implied.reason.removeprefix("it follows from the equation before")
        reason = "follows from the previous row" + rest
        return replace(implied, step=step, reason=reason), True
    if implied.verdict is Verdict.REFUTED:
        return replace(implied, step=step), False
    if identity.verdict is Verdict.UNKNOWN and not (implied.rules and implied.reason):
        return identity, False
    if identity.verdict is Verdict.UNKNOWN:
        # a move carries it from the row before but for a condition not established: that is
        # what decides the row (the identity found no proof, nor a counterexample)
        return (
            StepResult(
                step,
                Verdict.UNKNOWN,
                implied.rules,
                "not shown an identity; it follows from the previous row once its condition "
                f"holds: {implied.reason}",
                None,
                identity.warnings,
            ),
            False,
        )
    why = "not an identity (the two sides differ), nor shown to follow from the previous row"
    return (
        StepResult(step, Verdict.UNKNOWN, implied.rules, f"{why}: {implied.reason}"),
        False,
    )


def _implication(step: Step, lhs, premise, facts: Facts, values, timeout) -> StepResult:
    """``a = b \\Rightarrow c = d`` (``\\iff``: both ways): verified by a certificate
    (:func:`relations.certificate`) or by checking c = d with a = b as a given; refuted by a
    point where a = b, the givens and the assumptions hold and c = d does not; else unknown
    naming what a certificate needs (dividing by p needs p \neq 0)."""
    sides, relation, _established = premise
    if len(sides) < 2 or any(x is None for x in sides):
        # "\Rightarrow a = b" with nothing before it (an arrow written as a bullet): an
        # identity is verified as one; anything else may follow from what the prose said
        if step.relation == "=" and lhs is not None:
            alone = replace(step, follows=None)
            if step.condition:  # \Rightarrow \sqrt{x^2} = x, \quad x > 0: under its condition
                identity = _under_condition(alone, lhs, lhs, facts, values, timeout, None)
            else:
                identity = _claim(alone, lhs, facts, values, timeout)
            if identity.verdict is Verdict.VERIFIED:
                return identity
        return StepResult(
            step, Verdict.UNKNOWN, reason="not checked: there is no equation before it to follow"
        )
    if relation != "=":
        return StepResult(
            step,
            Verdict.UNKNOWN,
            reason="not checked: an implication is checked from an equation, and the formula "
            "before it is not one",
        )
    if step.relation != "=":
        return StepResult(
            step, Verdict.UNKNOWN, reason="not checked: an implication's conclusion is an equation"
        )
    return _guarded(
        step, timeout, lambda: _implication_unguarded(step, lhs, sides, facts, values, timeout)
    )


def _implication_unguarded(step, lhs, sides, facts: Facts, values, timeout) -> StepResult:
    premises = [(sides[-2], sides[-1])]
    if len(sides) > 2:
        premises.append((sides[0], sides[-1]))
    premises = [(_unfolded(a, facts, values), _unfolded(b, facts, values)) for a, b in premises]
    mentioned = {x for a, b in premises for x in (a.free_symbols | b.free_symbols)}
    target, named = lhs, None
    line = step.place.line if step.place else None
    # a name this very row defined (\hat p = 7 named as the solution) is no known value here:
    # with its definition put in, the conclusion would read 7 = 7
    defined_here = (
        lhs in facts.definitions and line is not None and facts.defined_at.get(lhs) == line
    )
    if lhs not in facts.seen and (lhs not in facts.definitions or defined_here):
        hat = relations.hat_target(lhs, mentioned)
        if hat is not None:
            target, named = hat, lhs
    if defined_here and target is lhs:
        return StepResult(
            step, Verdict.UNKNOWN, reason="not checked: the row defines the name it would solve for"
        )
    conclusion = (_unfolded(target, facts, values), _unfolded(step.rhs, facts, values))
    forward = _follows(step, premises, conclusion, facts, values, timeout)
    results = [forward]
    if step.follows == "iff":
        # the converse may not use the premise's own definition (q = 0 <=> q(1 - q) = 0: the
        # premise read as defining q made the way back hold by definition; it was verified)
        own = _defined_by(sides[-2], sides[-1], facts)
        back_facts = facts
        if own:
            back_facts = replace(
                facts, definitions={k: v for k, v in facts.definitions.items() if k not in own}
            )
            raw = (canonical(sides[-2]), canonical(sides[-1]))
            conclusion_raw = (canonical(target), canonical(step.rhs))
            backward = _follows(step, [conclusion_raw], raw, back_facts, values, timeout)
        else:
            backward = _follows(step, [conclusion], premises[0], facts, values, timeout)
        results.append(backward)
    verdicts = [r.verdict for r in results]
    if all(v is Verdict.VERIFIED for v in verdicts):
        rules = _unique([r for res in results for r in res.rules])
        parts = [f"it follows from the equation before ({', '.join(forward.rules)})"]
        if len(results) > 1:
            parts.append(f"and the equation before follows from it ({', '.join(results[1].rules)})")
        if named is not None:
            facts.definitions.setdefault(named, step.rhs)
            parts.append(f"{latex(named)} names the solution for {latex(target)}")
        conditions = _unique([c for res in results for c in res.conditions])
        return StepResult(
            step, Verdict.VERIFIED, tuple(rules), "; ".join(parts), conditions=tuple(conditions)
        )
    for n, res in enumerate(results):
        if res.verdict is Verdict.REFUTED:
            way = (
                "the equation before holds and this one does not"
                if n == 0
                else "this equation holds and the one before does not (the converse fails)"
            )
            return replace(res, reason=f"it does not follow: at these values {way}")
    reasons = []
    for n, res in enumerate(results):
        if res.verdict is not Verdict.VERIFIED:
            lead = "" if n == 0 else "the converse: "
            reasons.append(lead + res.reason)
    rules = _unique([r for res in results for r in res.rules])
    return StepResult(step, Verdict.UNKNOWN, tuple(rules), "; ".join(reasons))


def _defined_by(lhs, rhs, facts: Facts) -> set:
    """The names the equation ``lhs = rhs`` itself defined (its left side, a name whose
    definition is its right side): what a converse must not take as known."""
    if lhs is None or rhs is None or lhs not in facts.definitions:
        return set()
    try:
        same = canonical(facts.definitions[lhs]) == canonical(rhs)
    except (TypeError, ValueError):
        return set()
    return {lhs} if same else set()


def _linear_sums(expr):
    """``expr`` with each sum whose body is a sum or holds a constant factor split and the
    constants taken out (SymPy's own ``Sum.doit`` on the expanded body: an identity, with
    Karr's convention for a symbolic range); anything else as it is."""
    if not isinstance(expr, sp.Basic) or not expr.has(sp.Sum):
        return expr

    def outside(t):
        # \sum_i (-2 x_i) = -2 \sum_i x_i: what does not name the index stands outside
        t = t.doit(deep=False)
        if not isinstance(t, sp.Sum):
            return t
        out, body = t.function.as_independent(*t.variables, as_Add=False)
        return out * sp.Sum(body, *t.limits) if out != 1 else t

    try:
        return expr.replace(
            lambda e: isinstance(e, sp.Sum) and len(e.limits) == 1,
            lambda e: sp.Add(
                *(
                    outside(t) if isinstance(t, sp.Sum) else t
                    for t in sp.Add.make_args(sp.expand(e))
                )
            ),
        )
    except (ValueError, TypeError, NotImplementedError):
        return expr


def _follows(step, premises, conclusion, facts: Facts, values, timeout) -> StepResult:
    """Whether ``conclusion`` follows from every pair of ``premises`` (all hold together)."""
    holds = _establisher(facts, values)
    best = None
    for premise in premises:
        # sums of sums split and constants taken out (\sum_i (x_i - \mu) = \sum_i x_i - n\mu),
        # so that a factor may relate the two equations
        cert = relations.certificate(
            tuple(_linear_sums(e) for e in premise),
            tuple(_linear_sums(e) for e in conclusion),
            holds,
        )
        if cert is None:
            continue
        if not cert.missing:
            return StepResult(step, Verdict.VERIFIED, (cert.rule,), conditions=cert.established)
        if best is None or len(cert.missing) < len(best.missing):
            best = cert
    if best is not None:
        return StepResult(
            step, Verdict.UNKNOWN, (best.rule,), f"{best.rule} needs {', '.join(best.missing)}"
        )
    # No certificate: the conclusion checked as a claim with the premises as givens (a
    # counterexample then satisfies them: a point where they hold and the conclusion fails).
    # A premise F(a) = F(b) is also sampled as a = b when e^F undoes F (log a = log b):
    # the sampler solves that one, and checks every given exactly at the point it finds.
    premises = list(premises)
    for a, b in list(premises):
        if isinstance(a, sp.log) and isinstance(b, sp.log):
            premises.append((a.args[0], b.args[0]))
    supposed = replace(
        facts,
        givens=facts.givens + premises,
        equations=facts.equations
        + [Equation(canonical(a), canonical(b), None, "given") for a, b in premises],
    )
    plain = replace(step, follows=None, relation="=", by=())
    result = _check_claim(plain, conclusion[0], conclusion[1], supposed, values, timeout)
    if result.verdict is Verdict.UNKNOWN:
        return replace(
            result,
            reason="no proof that it follows from the equation before (no factor relates the "
            "two equations, and checked with it as a given: " + result.reason + ")",
        )
    return result


def _relation_claim(step, source, facts: Facts, values, timeout, derivation, origin=None):
    if source is None:
        raise InputError("a continuation step has nothing to continue")
    if step.relation == "propto":
        left = origin[0] if origin else source
        decide = lambda: _proportional(step, source, facts, values, derivation, left)  # noqa: E731
    elif relations.places(step.relation) is not None:
        decide = lambda: _approximation(step, source, facts, values)  # noqa: E731
    else:
        decide = lambda: _order(step, source, facts, values)  # noqa: E731
    return _guarded(step, timeout, decide)


def _approximation(step: Step, source, facts: Facts, values) -> StepResult:
    r"""``a \approx 73.66`` (``\simeq``): verified when the exact value of a rounds to the
    decimal written at its number of digits after the point, ``|a - 73.66| \le 0.005`` (a tie
    rounds either way), computed exactly in rationals; refuted when it does not; unknown when a
    is not a number (a symbol, an expectation) or not rational (no exact computation: refuted
    only where it lies outside by far more than the error of 50 digits)."""
    n = relations.places(step.relation)
    half = sp.Rational(1, 2 * 10**n)
    written = sp.simplify(step.rhs)
    try:
        value = sp.simplify(_unfolded(source, facts, values).doit())
    except (TypeError, ValueError, RecursionError):
        value = None
    rule = ("approximation",)
    if value is None or not value.is_number or value.free_symbols or not written.is_Rational:
        return StepResult(
            step,
            Verdict.UNKNOWN,
            rule,
            "approximation needs a number on the left: an approximation is checked on a value",
        )
    shown = lambda v: str(sp.N(v, max(n + 6, 15)))  # noqa: E731
    if value.is_Rational:
        if abs(value - written) <= half:
            return StepResult(
                step,
                Verdict.VERIFIED,
                rule,
                f"the exact value {value} rounds to {written_decimal(written, n)} at {n} "
                "digits after the point",
            )
        return StepResult(
            step,
            Verdict.REFUTED,
            rule,
            f"the exact value does not round to {written_decimal(written, n)} at {n} digits "
            "after the point",
            Counterexample((), shown(value), written_decimal(written, n)),
        )
    near = value.evalf(50)
    if near.is_real and abs(near - written) - half > sp.Rational(1, 10**40):
        return StepResult(
            step,
            Verdict.REFUTED,
            rule,
            f"the value does not round to {written_decimal(written, n)} at {n} digits after "
            "the point",
            Counterexample((), shown(near), written_decimal(written, n)),
        )
    return StepResult(
        step,
        Verdict.UNKNOWN,
        rule,
        "the exact value is not rational: no exact proof that it rounds to the decimal "
        "written (numbers never verify)",
    )


def written_decimal(value, places: int) -> str:
    """``value`` (a rational) as the decimal with ``places`` digits after the point."""
    scaled = value * 10**places
    sign = "-" if scaled < 0 else ""
    digits = str(abs(int(scaled)))
    if places == 0:
        return sign + digits
    digits = digits.rjust(places + 1, "0")
    return f"{sign}{digits[:-places]}.{digits[-places:]}"


def _order(step: Step, source, facts: Facts, values) -> StepResult:
    r"""``a < b``, ``a \le b``, ``a > b``, ``a \ge b``: verified when the difference is shown
    to have the sign (:func:`relations.prove_sign`), both sides real; refuted by a point where
    it has not; else unknown."""
    a, b = _unfolded(source, facts, values), _unfolded(step.rhs, facts, values)
    holds = _establisher(facts, values)
    outside = [
        cond.describe(*c)
        for x in (a, b)
        for _rule, c in _member_ranges(x, facts.families, facts.ranges)
        if not holds(*c)
    ]
    if outside:
        return StepResult(
            step, Verdict.UNKNOWN, (), f"family range needs {', '.join(_unique(outside))}"
        )
    pred, diff = relations.difference(step.relation, a, b)
    proof = relations.prove_sign(pred, diff, holds)
    unreal = [cond.describe(*cond.missing("real", x)) for x in (a, b) if not holds("real", x)]
    if proof is not None and not proof.missing and not unreal:
        rules = tuple(proof.rules)
        shown = relations.LATEX[step.relation]
        return StepResult(
            step,
            Verdict.VERIFIED,
            rules,
            f"the difference of the two sides has the sign {shown} says",
        )
    if pred == "positive" and _numbers_proved_equal(diff):
        return StepResult(
            step,
            Verdict.REFUTED,
            (),
            "the two sides are equal (their difference is proved 0), so the order is strict in "
            "neither direction",
            Counterexample((), *(str(sp.N(b, 30)),) * 2),
        )
    if _a_number_of_the_wrong_sign(pred, diff):
        word = {"<": "less than", "<=": "at most", ">": "greater than", ">=": "at least"}
        return StepResult(
            step,
            Verdict.REFUTED,
            (),
            f"the left side is not {word[step.relation]} the right side",
            Counterexample((), *(str(sp.N(x, 30)) for x in (a, b))),
        )
    # A counterexample: a point where the relation fails (a \le b: where max(a, b) is a, not b).
    big, small = (a, b) if step.relation in ("<", "<=") else (b, a)
    numbers = all(isinstance(x, sp.Basic) and x.is_number for x in (a, b))
    # (two numbers have no point to sample, and Max raises on numbers SymPy cannot compare)
    cex = None
    if not numbers:
        cex = find_counterexample(
            sp.Max(big, small), small, _givens(facts), seed=0, ranges=facts.ranges, values=values
        )
    if cex is not None:
        if step.relation in (">", ">="):
            cex = replace(cex, lhs=cex.rhs, rhs=cex.lhs)
        word = {"<": "less than", "<=": "at most", ">": "greater than", ">=": "at least"}
        return StepResult(
            step,
            Verdict.REFUTED,
            (),
            f"the left side is not {word[step.relation]} the right side",
            cex,
        )
    if proof is not None and (proof.missing or unreal):
        missing = [f"{rule} needs {', '.join(need)}" for rule, need in proof.missing.items()]
        if unreal:
            missing.append(f"an order needs real sides: {', '.join(unreal)}")
        return StepResult(step, Verdict.UNKNOWN, tuple(proof.rules), "; ".join(missing))
    if unreal:
        return StepResult(
            step, Verdict.UNKNOWN, (), f"an order needs real sides: {', '.join(unreal)}"
        )
    if numbers:
        return StepResult(
            step,
            Verdict.UNKNOWN,
            (),
            "two numbers whose order is not decided: their difference is neither proved zero "
            "nor put clearly on one side by 50 digits",
        )
    return StepResult(
        step,
        Verdict.UNKNOWN,
        (),
        "no proof that the difference of the two sides has a sign (sums and products of "
        "terms of known sign, the order rules of the table) and no counterexample",
    )


def _numbers_proved_equal(diff) -> bool:
    """Whether ``diff`` is a number other than a rational proved 0 (log 6 - log 2 - log 3,
    which no digit shows: SymPy cannot compare it with 0)."""
    if not isinstance(diff, sp.Basic) or not diff.is_number or diff.is_Rational:
        return False
    try:
        return bool(is_zero(diff))
    except SYMPY_FAILURES:
        return False


def _a_number_of_the_wrong_sign(pred: str, diff) -> bool:
    """For an order between sides that name nothing: whether the difference is a number
    without the sign ``pred`` (positive, nonnegative) says: exactly for a rational (``0 > 0``:
    equal sides, which no sampled point shows), else where 50 digits put it clearly on the
    other side (numbers may refute)."""
    if not isinstance(diff, sp.Basic) or diff.free_symbols or not diff.is_number:
        return False
    try:
        if diff.is_Rational:
            wrong = diff <= 0 if pred == "positive" else diff < 0
        else:
            near = diff.evalf(50)
            if not near.is_real:
                return False
            wrong = bool(near < -sp.Rational(1, 10**40))
    except (TypeError, ValueError):
        return False
    return bool(wrong)


def _proportional(step: Step, source, facts: Facts, values, derivation, left=None) -> StepResult:
    r"""``A \propto B`` with respect to the derivation's variables: verified when A/B is shown
    free of them (B nonzero), refuted by two values of a variable where A/B differs. ``left``:
    the chain's left side (a posterior ``p(\theta \mid x)`` names the variables)."""
    a, b = _unfolded(source, facts, values), _unfolded(step.rhs, facts, values)
    variables, how = _propto_variables(derivation, a, b, left)
    if not variables:
        return StepResult(
            step,
            Verdict.UNKNOWN,
            (),
            rf"\propto needs the variables it is taken with respect to: {how}",
        )
    names = ", ".join(latex(v) for v in variables)
    holds = _establisher(facts, values)
    nonzero = holds("nonzero", b)
    ratio = canonical(a / b)
    form = relations.free_of(ratio, variables)
    if form is None:
        form = _free_of_through_positive_bases(ratio, variables, holds)
    if form is not None and nonzero:
        return StepResult(
            step,
            Verdict.VERIFIED,
            ("propto_ratio",),
            f"the ratio of the two sides is {latex(form)}, free of {names} ({how})",
        )
    givens = _givens(facts)
    for v in variables:
        margins = [g for g in givens if _is_margin(g, facts) and g[1].has(v)]
        if any(x.has(v) for pair in givens if pair not in margins for x in pair):
            continue  # a given fixes v: another value of it would break the given
        other = sp.Dummy(f"{v.name}_prime", **v.assumptions0)
        # v' within the assumed bounds too: each margin of v again, of v' (m' = 1 - v')
        again = [
            (sp.Dummy(f"{m.name}_prime", **m.assumptions0), e.xreplace({v: other}))
            for m, e in margins
        ]
        cex = find_counterexample(
            ratio,
            relations.put_for(ratio, v, other),
            givens + again,
            seed=0,
            ranges=facts.ranges,
            values=values,
        )
        if cex is not None:
            primed = latex(v) + "'"  # the other value of v, shown as v'
            hidden = {latex(m) for m, _ in again}  # the margins of v': no names of the author
            keep = [n for n, (k, _) in enumerate(cex.values) if k not in hidden]
            shown = tuple(
                (primed if k == latex(other) else k, x) for k, x in (cex.values[n] for n in keep)
            )
            plain = cex.plain
            if len(plain) == len(cex.values):
                plain = tuple(plain[n] for n in keep)
            cex = _without_margins(replace(cex, values=shown, plain=plain), facts)
            return StepResult(
                step,
                Verdict.REFUTED,
                (),
                f"the ratio of the two sides changes with {latex(v)} ({how}): its values at "
                f"{latex(v)} and {latex(v)}' differ",
                cex,
            )
    if not nonzero:
        need = cond.describe(*cond.missing("nonzero", b))
        return StepResult(step, Verdict.UNKNOWN, ("propto_ratio",), f"propto_ratio needs {need}")
    return StepResult(
        step,
        Verdict.UNKNOWN,
        (),
        f"not shown that the ratio of the two sides is free of {names} ({how}), and no "
        "counterexample",
    )


def _optimum(step: Step, source, facts: Facts, values, timeout, other="left") -> StepResult:
    r"""``\hat\theta = \arg\max_{\theta} f``: the Lagrange solver's stationary point, its
    stationarity re-checked here, is the global maximum when its certificate proves it; then a
    new name on the left is defined as that point, and any other left side must equal it
    (refuted when it does not). A point the certificate shows is not a maximum refutes the
    step; an undecided certificate leaves it unknown, naming what it needs."""
    from eqchain.optimize import Problem, solve
    from eqchain.optimize import solution as S

    node = step.rhs
    objective = _unfolded(node.args[0], facts, values)
    variable = node.args[1]
    wanted = S.MAXIMUM if node.sense == "maximize" else S.MINIMUM
    word = "max" if node.sense == "maximize" else "min"
    if source is None or source.has(ArgMax):
        why = f"not checked: an arg {word} on both sides"
        return StepResult(step, Verdict.UNKNOWN, reason=why)
    undefined = sorted(
        {f for f in objective.atoms(AppliedUndef) if f.has(variable)}, key=sp.default_sort_key
    )
    if undefined:  # Q(\theta, \theta^0) with Q defined nowhere: nothing to solve
        shown = ", ".join(latex(f) for f in undefined)
        why = f"not checked: {shown} is not defined, so its arg {word} cannot be found: define it"
        return StepResult(step, Verdict.UNKNOWN, reason=why)
    solution = solve(Problem(objective, (variable,), sense=node.sense), timeout=timeout or 10)
    cert = solution.certificate
    if not solution.point:
        notes = "; ".join(solution.notes) or cert.explanation
        return StepResult(step, Verdict.UNKNOWN, reason=f"the solver found no {wanted}: {notes}")
    value = canonical(dict(solution.point)[variable])
    slope = canonical(sp.diff(objective, variable).xreplace({variable: value}))
    if not _stationary(slope):
        return StepResult(
            step,
            Verdict.UNKNOWN,
            reason=f"the solver's point {latex(value)} is not shown stationary",
        )
    shown = f"{latex(variable)} = {latex(value)}"
    if cert.status in (S.MAXIMUM, S.MINIMUM, S.SADDLE) and cert.status != wanted:
        return StepResult(
            step,
            Verdict.REFUTED,
            (),
            f"the stationary point {shown} is a {cert.status}, not a {wanted}: {cert.explanation}",
        )
    if cert.status != wanted or not cert.is_global:
        needs = f" (needs {', '.join(cert.missing)})" if cert.missing else ""
        return StepResult(
            step,
            Verdict.UNKNOWN,
            (),
            f"not shown that {shown} is the global {wanted}{needs}: {cert.explanation}",
        )
    why = f"the solver's certificate proves the global {wanted} at {shown} ({cert.explanation})"
    target = source
    # A name met for the first time (not the variable, not in the objective) is defined as the
    # point: in a document, or a hatted name in a derivation file (a declared plain name is a
    # claim about a value the author fixed elsewhere).
    if (
        other == "left"
        and isinstance(target, sp.Symbol)
        and target not in facts.seen
        and target not in facts.definitions
        and not node.has(target)
        and (step.infer_kind or target.name.startswith("hat"))
    ):
        facts.definitions[target] = value
        return StepResult(
            step, Verdict.VERIFIED, (f"arg_{word}",), f"{why}; defines {latex(target)}"
        )
    lhs_full = _unfolded(target, facts, values)
    if prove_equal(lhs_full, value, _givens(facts), facts.ranges) is not None:
        return StepResult(step, Verdict.VERIFIED, (f"arg_{word}",), why)
    cex = find_counterexample(lhs_full, value, _givens(facts), seed=0, ranges=facts.ranges)
    if cex is not None:
        return StepResult(
            step, Verdict.REFUTED, (), f"the arg {word} is {shown}, not the {other} side", cex
        )
    return StepResult(step, Verdict.UNKNOWN, (), f"{why}; not shown equal to the {other} side")


def _stationary(slope) -> bool:
    """Whether a derivative at a point is proved 0: sums over one range split into their
    terms, a term free of the index counted (a forward range), numbers taken out."""
    if is_zero(slope):
        return True

    def split(node):
        if not isinstance(node, sp.Sum) or len(node.limits) != 1:
            return node
        index, lo, hi = node.limits[0]
        if not cond.holds("nonnegative", hi - lo + 1):
            return node
        out = []
        for term in sp.Add.make_args(sp.expand(node.function)):
            coeff, rest = term.as_coeff_Mul()
            out.append(
                coeff
                * (rest * (hi - lo + 1) if not rest.has(index) else sp.Sum(rest, node.limits[0]))
            )
        return sp.Add(*out)

    return is_zero(canonical(sp.expand(rebuild(slope, split))))


def _constant_hint(result: StepResult, source, rhs, facts: Facts, values, derivation):
    """A refuted equation whose sides differ by a constant free of the \\propto variables
    (a log-likelihood with an additive constant dropped): a warning naming the two ways to
    write it. Nothing is said when the variables are not named or the difference is not
    shown free of them."""
    shown = result.counterexample
    if shown is not None and "undefined" in (shown.lhs.split(" ")[0], shown.rhs.split(" ")[0]):
        return result  # a side with no value (_undefined_side): no difference to speak of
    if not derivation.propto and not any(
        isinstance(e, sp.Basic) and e.has(sp.Derivative)
        for st in derivation.steps
        for e in (st.lhs, st.rhs)
    ):
        return result
    try:
        a, b = _unfolded(source, facts, values), _unfolded(rhs, facts, values)
        variables, _ = _propto_variables(derivation, a, b)
        if not variables or not any(e.has(v) for e in (a, b) for v in variables):
            return result
        gap = relations.free_of(canonical(a - b), variables)
    except (ValueError, TypeError, AttributeError, NotImplementedError, ArithmeticError):
        return result
    if gap is None or gap == 0:
        return result
    names = ", ".join(latex(v) for v in variables)
    hint = (
        f"the two sides differ by {latex(gap)}, which does not depend on {names}: if they are "
        "meant equal up to a constant, write \\propto between the exponentials"
    )
    return replace(result, warnings=result.warnings + (hint,))


def _propto_variables(derivation, a, b, left=None) -> tuple[list, str]:
    r"""The variables of a \propto and how they were named; ([], what to do) when none: as
    declared; else, when the chain's left side is a density of names given others
    (``p(\theta \mid x)``, the posterior: :func:`_density_variables`), those names; else the
    one variable of the derivation's derivatives."""
    mentioned = sorted(a.free_symbols | b.free_symbols, key=str)
    if derivation.propto:
        found = [s for s in mentioned if s.name in derivation.propto]
        # a variable neither side mentions: the ratio is free of it as it stands
        found = found or [sp.Symbol(n) for n in derivation.propto]
        return found, f"with respect to {', '.join(derivation.propto)}, as declared"
    of = _density_variables(left)
    if of and not set(of) <= _conditioned_on(derivation):
        of = []  # p(x \mid \mu) \propto ...: a likelihood, of \mu to its author, not of x
    if of:
        names = ", ".join(latex(v) for v in of)
        return of, f"with respect to {names}, the left side's density being of {names}"
    variables = {
        v
        for st in derivation.steps
        for e in (st.lhs, st.rhs)
        if isinstance(e, sp.Basic)
        for d in e.atoms(sp.Derivative)
        for v in d.variables
        if isinstance(v, sp.Symbol) and v in e.free_symbols  # not u of f'(0), Subs-bound
    }
    if len(variables) == 1:
        (v,) = variables
        return [s for s in mentioned if s == v] or [v], (
            f"with respect to {latex(v)}, the variable of the derivative in the derivation"
        )
    return [], (
        'declare them: --assume "propto theta", front matter eqchain-assume: propto theta, '
        'or propto = ["theta"] in a derivation file'
    )


def _is_margin(given, facts: Facts) -> bool:
    """Whether ``given`` is a margin the loader made for an assumed bound (``a_{bound} = 1 -
    a`` for ``a < 1``): it bounds a, it fixes no value."""
    lhs = given[0]
    return (
        isinstance(lhs, sp.Symbol)
        and "_bound" in lhs.name
        and any(
            line is None and g[0] == lhs
            for g, line in zip(facts.givens, facts.given_lines, strict=False)
        )
    )


def _free_of_through_positive_bases(ratio, variables, holds):
    r"""A form of ``ratio`` free of ``variables`` once the bases of its powers that are
    established positive (``1 - \theta`` under ``0 < \theta < 1``, through its margin) are
    positive symbols, whose powers SymPy then joins (``\theta^{a} \theta^{k} / \theta^{a + k}
    = 1``), or None. A base that holds a variable stays one: the form must be free of its
    symbol too."""
    bases = {
        p.base
        for p in ratio.atoms(sp.Pow)
        if not p.base.is_number and not p.exp.is_number and holds("positive", p.base)
    }
    if not bases:
        return None
    named = {base: sp.Dummy("b", positive=True) for base in bases}
    varying = [d for base, d in named.items() if any(base.has(v) for v in variables)]
    form = relations.free_of(ratio.xreplace(named), [*variables, *varying])
    if form is None:
        return None
    return form.xreplace({d: base for base, d in named.items()})


def _density_variables(left) -> list:
    r"""The names a conditional density on the left of a \propto is of: ``p(\theta \mid x)``,
    ``\pi(\mu, \sigma \mid D)``, ``P(w | X, y)`` give theta; mu and sigma; w (the arguments
    before the one bar, each a plain name). A Bayesian author writes the posterior so and means
    "up to a factor free of theta". [] for anything else (no bar, a semicolon, two bars, an
    argument before the bar that is no plain name)."""
    if not isinstance(left, AppliedUndef):
        return []
    separators = tuple(getattr(left.func, "separators", None) or ())
    name = left.func.__name__.split("_")[0]
    if name not in DENSITY_LETTERS or len(separators) != 1:
        return []
    (position, bar) = separators[0]
    if bar.strip() not in ("|", "\\mid", "\\vert") or not 0 < position < len(left.args):
        return []
    before = left.args[:position]
    if not all(isinstance(v, sp.Symbol) for v in before):
        return []
    return list(before)


def _conditioned_on(derivation) -> set:
    r"""The names some density of the derivation is conditioned on (after its bar): a
    posterior's parameter is its likelihood's condition (``p(\theta \mid x) \propto p(x \mid
    \theta) p(\theta)``); a name only ever before a bar is the data (``p(x \mid \mu) \propto
    e^{x\mu - \mu^2/2}``: a likelihood, proportional in mu, was refuted as if in x)."""
    out: set = set()
    for step in derivation.steps:
        for side in (step.lhs, step.rhs):
            if not isinstance(side, sp.Basic):
                continue
            for f in side.atoms(AppliedUndef):
                for position, bar in tuple(getattr(f.func, "separators", None) or ()):
                    if bar.strip() in ("|", "\\mid", "\\vert"):
                        out |= {a for a in f.args[position:] if isinstance(a, sp.Symbol)}
    return out


def rule_names() -> tuple[str, ...]:
    return tuple(r.name for r in rule_table.RULES)
