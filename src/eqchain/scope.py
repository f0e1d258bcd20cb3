"""Declared symbols and their SymPy objects; binding what the reader read to them.

The reader produces assumption-free symbols (``Symbol('L')``, ``IndexedBase('y')[k]``). A
:class:`Scope` maps them to the declared objects, which carry the declared assumptions
(``IndexedBase('y', positive=True)``). In strict mode (derivation files) an undeclared name is an
error; in lenient mode (documents) it becomes a symbol of its own: real when the scope is
``real_by_default`` (documents: a name the document does not declare is real, README), else with
no assumptions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import sympy as sp

from eqchain.errors import InputError
from eqchain.latex import matrices
from eqchain.latex.applied import family_of
from eqchain.latex.parser import POINT_VARIABLE, unwritten_bounds
from eqchain.latex.printer import latex
from eqchain.model import SymbolDecl
from eqchain.operators import Expectation, Sequence
from eqchain.tree import build, canonical, rebuild, substitute

ASSUMPTIONS = {
    "positive",
    "negative",
    "nonnegative",
    "nonpositive",
    "nonzero",
    "real",
    "integer",
    "rational",
    "complex",
    "finite",
    "even",
    "odd",
    "prime",
}


# Words about randomness (expectations, check/expectations.py), kept as assumption keys of
# their own on the symbol (SymPy carries them along and never reasons with them):
# ``constant``: not random (the same value in every outcome), so it comes out of an
# expectation; ``moments``: a random variable whose moments of every order are finite.
RANDOMNESS = {"constant": "nonrandom", "moments": "finite_moments"}


def parse_assumptions(text: str) -> tuple[str, ...]:
    """``"integer positive"`` -> ``("integer", "positive")``; raises InputError on unknown words."""
    words = tuple(w for w in text.replace(",", " ").split() if w)
    for w in words:
        if w not in ASSUMPTIONS and w not in RANDOMNESS:
            known = ", ".join(sorted(ASSUMPTIONS | RANDOMNESS.keys()))
            raise InputError(f"unknown assumption '{w}' (known: {known})")
    return words


def symbol_kwargs(assumptions) -> dict[str, bool]:
    """SymPy's keyword arguments for a symbol declared with ``assumptions`` (words)."""
    return {RANDOMNESS.get(a, a): True for a in assumptions if a != "complex"}


_kwargs = symbol_kwargs


def family_base(name: str, **assumptions) -> sp.IndexedBase:
    """The base of the family ``name``: its label is a symbol of its own (marked ``family``),
    never the plain symbol ``name``, so that a document's scalar ``N`` and its family ``N_k`` are
    two quantities. SymPy's label of ``IndexedBase('N')`` is ``Symbol('N')`` itself: a
    substitution of the scalar would reach into the members (``N = 2`` made ``N_1`` into
    ``2[1]``) and the refuter, which leaves out labels, would leave the scalar out too."""
    return sp.IndexedBase(sp.Symbol(name, family=True, **assumptions), **assumptions)


@dataclass(frozen=True)
class Family:
    """An indexed family ``y_k``: its base, index symbols and (lo, hi) bounds per index."""

    base: sp.IndexedBase
    indices: tuple
    ranges: tuple


@dataclass
class Scope:
    """SymPy objects for declared names. Built once per derivation; never shared."""

    symbols: dict[str, sp.Symbol] = field(default_factory=dict)
    families: dict[str, Family] = field(default_factory=dict)
    functions: dict[str, type] = field(default_factory=dict)
    strict: bool = True
    # the bounds of ranges the author did not write (n_k in \sum_k x_k): never put in
    # ``symbols``, so the author's n_k (the family member n[k]) is never bound to one
    unwritten: set[str] = field(default_factory=set)
    # documents: an undeclared symbol or family is real (README, "What the notation means")
    real_by_default: bool = False
    # the names real only by that default (never declared real or signed): a definition of
    # one by a value not shown real is accepted, and the checks unfold it (check/engine.py)
    defaulted: set[str] = field(default_factory=set)
    # names a document's row may define (``s = ...``): no default, the definition says what
    # they are (SymPy simplifies with a symbol's assumptions as it builds a tree, |s|^2 = s^2)
    undefaulted: set[str] = field(default_factory=set)
    # documents: the names declared complex (--assume "z complex"), the only ones a
    # counterexample may give a value off the real line (check/refute.REAL_VALUES)
    complex_names: set[str] = field(default_factory=set)
    # families a document writes without declaring them (their number of indices is the
    # first one met): another number of indices is another family (_family_of_arity)
    undeclared_families: set[str] = field(default_factory=set)
    # names a row of the document defines (its whole left side): \bar z = \frac{a + b}{2}, a
    # mean, stays a name even where z is declared complex (Scope._conjugate)
    written_alone: set[str] = field(default_factory=set)

    @classmethod
    def from_decls(cls, decls: tuple[SymbolDecl, ...], strict: bool = True) -> Scope:
        """Build a scope; family ranges are read as LaTeX over the plain symbols declared.

        Raises InputError for a plain symbol named like a constant the reader knows (``e``,
        ``pi``): its declaration could never apply."""
        from eqchain.check.declarations import reserved_name_error
        from eqchain.latex.read import read_expression

        scope = cls(strict=strict)
        for d in decls:
            why = None if d.is_family else reserved_name_error(d.name)
            if why is not None:
                raise InputError(why)
            try:  # positive and negative, even and odd: SymPy's InconsistentAssumptions
                sp.Symbol("_", **_kwargs(d.assumptions))
            except Exception as err:  # noqa: BLE001 - SymPy's own exception class
                raise InputError(
                    f"the assumptions on {d.name} contradict each other "
                    f"({', '.join(d.assumptions)})"
                ) from err
            if d.is_function:
                scope.functions[d.name] = sp.Function(d.name, **_kwargs(d.assumptions))
            elif not d.is_family:
                scope.symbols[d.name] = sp.Symbol(d.name, **_kwargs(d.assumptions))
        index_names = {i for d in decls for i in d.indices}
        bounds: dict = {}  # family name -> [(lower, upper)], read once
        for d in decls:
            if d.is_family:
                bounds[d.name] = [
                    (
                        scope.bind(_bound(lo, read_expression, index_names)),
                        scope.bind(_bound(hi, read_expression, index_names)),
                    )
                    for lo, hi in d.ranges
                ]
        # One index symbol for each letter, shared by every family it indexes (the reader binds
        # a letter to one symbol): positive only when every range it indexes starts at 1 or
        # above. With z over 1..n and w over 0..n, i is not positive: w_i may be w_0.
        positive: dict = {}
        for d in decls:
            for name, (lo_e, _) in zip(d.indices, bounds.get(d.name, ()), strict=True):
                lower_ok = bool(lo_e.is_integer and (lo_e - 1).is_nonnegative)
                positive[name] = positive.get(name, True) and lower_ok
        symbol = {
            name: sp.Symbol(name, integer=True, positive=True if ok else None)
            for name, ok in positive.items()
        }
        for d in decls:
            if not d.is_family:
                continue
            base = family_base(d.name, **_kwargs(d.assumptions))
            idx = tuple(symbol[name] for name in d.indices)
            scope.families[d.name] = Family(base, idx, tuple(bounds[d.name]))
        return scope

    @property
    def index_names(self) -> frozenset[str]:
        return frozenset(str(i) for f in self.families.values() for i in f.indices)

    def index_symbol(self, name: str) -> sp.Symbol:
        for f in self.families.values():
            for i in f.indices:
                if str(i) == name:
                    return i
        return sp.Symbol(name, integer=True)

    def bind(self, expr, define: bool = False):
        """Replace reader symbols by declared ones. Bound variables of sums and products become
        integer symbols. Raises InputError for an undeclared name in strict mode, unless
        ``define`` (the left side of a definition introduces it)."""
        bound = {str(v) for s in expr.atoms(sp.Sum, sp.Product) for v in s.variables}
        if any(p.free_symbols for s in expr.atoms(sp.Subs) for p in s.point):
            # SymPy's Subs at 2a equals the one at the integer a (its point's assumptions are
            # not compared), so its cache hands the rebuilt tree the reader's point back
            # (\sum_{a=1}^{3} f'(2a) kept a free a there; 2 f'(2x) = 8x was refuted at
            # "x = -1, x = 1", the declared x and the reader's): start from an empty cache
            # (tree.changed compares the rebuilt arguments by identity for the same reason)
            sp.core.cache.clear_cache()
        # A name integrated over needs no declaration, and is real: inside its integral it is
        # the integral's own real variable (_real_integration_variables); the same name outside
        # it is a real value, never an integer index (\int_0^1 x \, dx + \sin(\pi x) = 1/2
        # was verified with that x an integer). So is the variable of a derivative at a point,
        # f'(0) (a variable the author wrote, \left. ... \right|_{t=0}, is the author's t).
        real = {str(v) for s in expr.atoms(sp.Integral) for v in s.variables}
        # a limit's variable is bound as an integral's (\lim_{x \to 0^-} with x declared
        # positive is still the limit from the left)
        real |= {str(s.args[1]) for s in expr.atoms(sp.Limit)}
        if any(v.name == POINT_VARIABLE for s in expr.atoms(sp.Subs) for v in s.variables):
            real.add(POINT_VARIABLE)
        real -= set(self.symbols) | bound
        unwritten = {b.name for b in unwritten_bounds(expr)}
        self.unwritten |= unwritten
        # every binder's variable is renamed in its scope before anything there is bound: the
        # tree is rebuilt bottom-up, and a node built with the declaration outside evaluates
        # with it (x > 0 with x declared positive is true, and a cases block keeps that piece
        # alone) before the binder could make the name its own
        expr, own = _own_bound_variables(expr, lambda v, node: self._own_variable(v, node, bound))

        def visit(node):
            if isinstance(node, sp.Dummy) and node in own:
                return own[node]
            if isinstance(node, sp.Indexed):
                return self._bind_indexed(node)
            if isinstance(node, Sequence):  # a_1, \ldots, a_n: the family's bound base
                first = self._bind_indexed(node.family[node.lo])
                last = self._bind_indexed(node.family[node.hi])
                if isinstance(first, sp.Indexed) and isinstance(last, sp.Indexed):
                    return Sequence(first.base, node.lo, node.hi)
                return node
            if isinstance(node, sp.Symbol) and node.name in _LIMIT_SIDES:
                return node  # a limit's side, SymPy's dir='+' (no name is written so)
            if isinstance(node, sp.Symbol) and node.name in unwritten:
                return sp.Symbol(node.name, integer=True, nonnegative=True)
            if isinstance(node, sp.Symbol) and node.name in real:
                if node.name in self.index_names:
                    return self.index_symbol(node.name)
                return sp.Symbol(node.name, real=True)
            if isinstance(node, sp.Symbol):
                return self._bind_symbol(node, bound, define)
            if isinstance(node, (sp.Sum, sp.Product)):
                return _plain_bound_variables(node)
            if isinstance(node, sp.Integral):
                return _real_integration_variables(_infinite_bounds(node))
            if isinstance(node, sp.Subs):
                return _real_point_variables(node)
            if isinstance(node, sp.Limit):
                return _real_limit_variable(node)
            if isinstance(node, Expectation) and isinstance(node.variable, sp.Symbol):
                return _real_expectation_variable(node)
            if isinstance(node, sp.Piecewise) and (delta := _equality_indicator(node)) is not None:
                return delta
            if matrices.is_node(node):
                return node  # a vector or matrix, its transpose, a product: the reader's
            if isinstance(node, sp.core.function.AppliedUndef) and family_of(node.func):
                # E_n(w): a family of functions, its indices first (latex.applied)
                name = node.func.__name__
                # declared by a member's name (M_X = { function = true }): the family M_
                declared = any(k.startswith(name) for k in self.functions)
                if self.strict and not declared:
                    raise InputError(
                        f"undefined function family '{name[:-1]}': declare it under [symbols] "
                        "as a function"
                    )
                fn = self.functions.setdefault(name, node.func)
                return fn(*node.args)
            if isinstance(node, sp.core.function.AppliedUndef):
                name = node.func.__name__
                fn = self.functions.get(name)
                if fn is None:
                    if self.strict:
                        raise InputError(
                            f"undefined function '{name}': declare it under "
                            f"[symbols] as {name} = {{ function = true }}"
                        )
                    fn = self.functions[name] = sp.Function(name)
                separators = getattr(node.func, "separators", None)
                if separators:  # p(x | theta): keep where the bars are
                    kwargs = {k: v for k, v in fn._kwargs.items() if k != "separators"}
                    fn = sp.Function(name, separators=separators, **kwargs)
                return fn(*node.args)
            return node

        return rebuild(expr, visit)

    def _own_variable(self, variable: sp.Symbol, node, bound: set[str]) -> sp.Symbol:
        """The symbol ``variable`` is inside ``node``, which binds it: a sum's or product's
        index a plain integer; a limit's at infinity an integer when the name outside is one
        (a sequence's index, _real_limit_variable); every other a plain real."""
        name = variable.name
        if isinstance(node, (sp.Sum, sp.Product)):
            return sp.Symbol(name, integer=True)
        if isinstance(node, sp.Limit) and node.args[2] in (sp.oo, -sp.oo):
            outside = self.symbols.get(name)
            if outside is None and (name in self.index_names or name in bound):
                outside = self.index_symbol(name)
            if getattr(outside, "is_integer", None) is True:
                return sp.Symbol(name, integer=True)
        return sp.Symbol(name, real=True)

    def _conjugate(self, name: str):
        r"""``\bar z``, ``\overline{z}`` (read as the names barz, overlinez) of a name declared
        complex, not real (``Let $z \in \mathbb{C}$``): z's complex conjugate (as a name of its
        own, ``|z|^2 = z \bar z`` was refuted at z = 1, z-bar = -1; red team s45). Of a real
        name, or one not declared, it stays a name (a sample mean, \bar x)."""
        if name in self.written_alone:
            return None
        for mark in ("overline", "bar"):
            if name.startswith(mark) and len(name) > len(mark):
                base = self.symbols.get(name[len(mark) :])
                if base is not None and base.is_real is not True:
                    return sp.conjugate(base)
        return None

    def _bind_symbol(self, node: sp.Symbol, bound: set[str], define: bool = False):
        name = node.name
        if name in self.symbols:
            return self.symbols[name]
        conjugate = self._conjugate(name)
        if conjugate is not None:
            return conjugate
        if name in self.index_names:
            return self.index_symbol(name)
        # a name a sum or product binds, written outside it too (\sin(\pi k) + \sum_{k=1}^{3}
        # k), is no index there: its own value, real by the document's default (it was made an
        # integer, and \sin(\pi k) + \sum_{k=1}^{3} k = 6 was verified)
        if name in self.families and self.strict:
            raise InputError(f"'{name}' is a family: write it with an index, e.g. {name}_k")
        member = self._family_member(name)
        if member is not None:
            return member
        if self.strict and not define:
            raise InputError(
                f"undefined symbol '{name}': declare it under [symbols] or define "
                "it in a definition step"
            )
        real = self.real_by_default and name not in self.undefaulted
        sym = sp.Symbol(name, real=True) if real else sp.Symbol(name)
        if real:
            self.defaulted.add(name)
        self.symbols[name] = sym
        return sym

    def _family_member(self, name: str):
        """``x_pq`` (the reader's symbol for ``x_{pq}`` when p and q are not known indices) is
        ``x[p, q]`` when x is a family declared with as many indices as letters (two or
        more); None otherwise. A declared symbol ``x_pq`` is bound before this is asked."""
        base, sep, letters = name.partition("_")
        fam = self.families.get(base)
        if (
            not sep
            or fam is None
            or len(fam.indices) < 2
            or len(letters) != len(fam.indices)
            or not (letters.isascii() and letters.isalpha())
        ):
            return None
        return self._bind_indexed(sp.IndexedBase(base)[tuple(sp.Symbol(c) for c in letters)])

    def _bind_indexed(self, node: sp.Indexed):
        name = str(node.base.label)
        flat = f"{name}_{'_'.join(str(i) for i in node.indices)}"
        if name not in self.families and flat in self.symbols:
            return self.symbols[flat]
        fam = self.families.get(name)
        if fam is None and name == "delta" and len(node.indices) == 2:
            # \delta_{ij} not declared a family: the Kronecker delta (README, notation)
            return sp.KroneckerDelta(*node.indices)
        if fam is None:
            if self.strict:
                raise InputError(
                    f"undefined family '{name}': declare it under [symbols] with an "
                    f'index, e.g. {name} = {{ index = "k", range = "1..K" }}'
                )
            real = self.real_by_default and name not in self.undefaulted
            if real:
                self.defaulted.add(name)
            fam = Family(
                family_base(name, real=True) if real else family_base(name),
                tuple(sp.Symbol(f"i{j}", integer=True) for j in range(len(node.indices))),
                (),
            )
            self.families[name] = fam
            self.undeclared_families.add(name)
        if fam.indices and len(node.indices) != len(fam.indices):
            if self.strict or name not in self.undeclared_families:
                raise InputError(
                    f"'{name}' takes {len(fam.indices)} index(es), got {len(node.indices)}"
                )
            fam = self._family_of_arity(name, len(node.indices))
        for value, (lo, hi) in zip(node.indices, fam.ranges, strict=False):
            if value.is_Integer and (
                (lo.is_Integer and value < lo) or (hi.is_Integer and value > hi)
            ):
                raise InputError(f"{name}_{value} is outside the declared range {lo}..{hi}")
        return fam.base[node.indices]

    def _family_of_arity(self, name: str, arity: int) -> Family:
        """A document's undeclared family ``name`` written with another number of indices than
        it was first (``t_{nk}`` and ``t_{k}``, ``x_j`` and ``x_j^{(i)}``, that is ``x_{i,j}``):
        a family of its own, as the scalar ``N`` and the family ``N_k`` are two quantities (its
        label a symbol apart, printed with the same name), never an error that would leave every
        later row unread; real by the document's default, as any undeclared family."""
        key = f"{name}/{arity}"
        fam = self.families.get(key)
        if fam is None:
            real = self.real_by_default and name not in self.undefaulted
            if real:
                self.defaulted.add(name)
            marks = {f"indices{arity}": True, **({"real": True} if real else {})}
            fam = Family(
                family_base(name, **marks),
                tuple(sp.Symbol(f"i{j}", integer=True) for j in range(arity)),
                (),
            )
            self.families[key] = fam
        return fam

    def to_family_values(self, name: str, values) -> dict:
        """``t = [2, 5, 2]`` -> ``{t[1]: 2, t[2]: 5, t[3]: 2}`` (first index from the range)."""
        fam = self.families.get(name)
        if fam is None:
            if name in self.symbols:
                return {self.symbols[name]: values}
            raise InputError(f"'where' binds undefined symbol '{name}'")
        lo = fam.ranges[0][0] if fam.ranges else sp.Integer(1)
        if not lo.is_Integer:
            raise InputError(f"'where' needs a concrete lower bound for '{name}'")
        if not isinstance(values, (list, tuple)):
            raise InputError(f"'where' needs a list of values for the family '{name}'")
        return {fam.base[int(lo) + j]: v for j, v in enumerate(values)}


def _bound(text: str, read_expression, index_names):
    """A range bound: a number or a name directly, anything else through the LaTeX reader."""
    stripped = text.strip()
    if re.fullmatch(r"-?\d+", stripped):
        return sp.Integer(int(stripped))
    if re.fullmatch(r"[A-Za-z]", stripped):
        return sp.Symbol(stripped)
    return read_expression(text, frozenset(index_names))


def _equality_indicator(node: sp.Piecewise):
    r"""A value where integers are equal, 0 elsewhere: ``Piecewise((e, Eq(i, j)), (0, True))``
    (``\mathbb{1}\{i = j\} e``, latex.indicators; SymPy folds a factor of a sum's term into
    the Piecewise) is e δ_ij, with the Kronecker delta (1 - δ_ij for ``\neq``; one per part of
    a conjunction): one reading, whose rules (sum_kronecker) apply. None otherwise: a condition
    on reals, or another relation, stays the Piecewise."""
    if len(node.args) != 2 or tuple(node.args[1]) != (0, True):
        return None
    value, condition = node.args[0]
    parts = sp.And.make_args(condition)
    if not all(isinstance(c, (sp.Eq, sp.Ne)) for c in parts):
        return None
    if not all(a.is_integer for c in parts for a in c.args):
        return None
    factors = [
        sp.KroneckerDelta(*c.args) if isinstance(c, sp.Eq) else 1 - sp.KroneckerDelta(*c.args)
        for c in parts
    ]
    return sp.Mul(value, *factors)


def _plain_bound_variables(node):
    """A sum's or product's variable is its own: a plain integer, whatever a family index of the
    same name assumes (k of y_k is positive, but \\sum_{k=0}^{K} starts at 0)."""
    mapping = {
        v: sp.Symbol(v.name, integer=True)
        for v in node.variables
        if isinstance(v, sp.Symbol) and v != sp.Symbol(v.name, integer=True)
    }
    return substitute(node, mapping) if mapping else node


def _real_expectation_variable(node):
    """The variable of ``E_{x \\sim p}[...]`` is bound there, as an integral's is: its own real
    variable, whatever a symbol of the same name outside assumes or is defined as."""
    v = node.variable
    own = sp.Symbol(v.name, real=True)
    return node if v == own else substitute(node, {v: own})


def _infinite_bounds(node):
    """An integral whose limit is written with an infinity and more (``\\int_{-\\infty -
    \\mu}^{+\\infty - \\mu}``, ``(-\\infty - \\mu)/(\\sqrt{2} \\sigma)``, the limits of x
    after a substitution): the limit SymPy's extended arithmetic gives under the declared
    assumptions, -oo or oo (mu real: finite; sigma positive). Raises InputError when that
    arithmetic gives no infinity (mu complex, sigma of unknown sign): the limit is not read."""
    limits, changed = [], False
    for limit in node.limits:
        bounds = list(limit[1:])
        for k, bound in enumerate(bounds):
            if bound in (sp.oo, -sp.oo) or not bound.has(sp.oo, -sp.oo, sp.zoo):
                continue
            value = canonical(bound)
            if value not in (sp.oo, -sp.oo):
                raise InputError(
                    f"an integral's limit {latex(value)} is neither \\infty nor -\\infty "
                    "under the assumptions (SymPy's extended arithmetic): declare what makes "
                    "it one (a real, finite shift; a positive scale)"
                )
            bounds[k], changed = value, True
        limits.append((limit[0], *bounds))
    return sp.Integral(node.function, *limits) if changed else node


def _real_point_variables(node):
    """The variable of a derivative at a point, ``Subs(Derivative(f(u), u), u, 0)`` (``f'(0)``,
    ``\\left. \\frac{d}{dt} M(t) \\right|_{t=0}``), is bound there: its own real variable, whatever
    a symbol of the same name outside assumes (a positive t would make d/dt |t| at 0 be 1)."""
    mapping = {
        v: sp.Symbol(v.name, real=True)
        for v in node.variables
        if isinstance(v, sp.Symbol) and v != sp.Symbol(v.name, real=True)
    }
    if not mapping:
        return node
    expr, variables, point = node.args
    return sp.Subs(expr.xreplace(mapping), tuple(mapping.get(v, v) for v in variables), point)


_LIMIT_SIDES = ("+", "-", "+-")


def _real_limit_variable(node):
    """A limit's variable is bound there, as an integral's is: its own real variable, whatever
    a symbol of the same name outside assumes (x positive outside would make \\lim_{x \\to
    0^-} \\frac{|x|}{x} be 1, and \\lim_{x \\to -1} |x| be -1); an integer at infinity (a
    sequence's index) stays an integer, with no sign."""
    body, variable, point, side = node.args
    if not isinstance(variable, sp.Symbol):
        return node
    # a sequence's index declared an integer stays one (\lim_{n \to \infty} \sum_{k=1}^{n}):
    # where the limit over the reals exists, the sequence's is the same
    integer = variable.is_integer is True and point in (sp.oo, -sp.oo)
    own = sp.Symbol(variable.name, integer=True) if integer else sp.Symbol(variable.name, real=True)
    if variable == own:
        return node
    return sp.Limit(substitute(body, {variable: own}), own, point, str(side))


def _real_integration_variables(node):
    """An integral's variable is its own real variable, whatever a symbol of the same name
    outside the integral assumes (x positive outside, \\int_{-\\infty}^{\\infty} ... dx)."""
    mapping = {
        v: sp.Symbol(v.name, real=True)
        for v in node.variables
        if isinstance(v, sp.Symbol) and v != sp.Symbol(v.name, real=True)
    }
    return substitute(node, mapping) if mapping else node


def _own_bound_variables(expr, own_variable):
    """``expr`` with each variable a sum, product, integral, limit, derivative at a point or
    ``E_{x \\sim p}`` binds replaced in its scope by a fresh dummy, top-down (an inner binder of
    the same name takes it back), and the symbol each dummy stands for: ``own_variable(v,
    node)``. A binder's bounds, point and the like are outside its scope (an integral's first
    limit is the innermost: its bounds are inside the later limits' scopes)."""
    own: dict = {}

    def fresh(v, node):
        dummy = sp.Dummy(v.name)
        own[dummy] = own_variable(v, node)
        return dummy

    def walk(node):
        if not isinstance(node, sp.Basic) or not node.args:
            return node
        if isinstance(node, (sp.Indexed, sp.IndexedBase, sp.Symbol)):
            if isinstance(node, sp.Indexed):
                indices = tuple(walk(i) for i in node.indices)
                if indices != node.indices:
                    return node.base[indices]
            return node
        node = _renamed(node, fresh)
        args = tuple(walk(a) for a in node.args)
        return build(node.func, args) if args != node.args else node

    return walk(expr), own


def _renamed(node, fresh):
    """``node`` with the variables it binds (plain symbols) renamed by ``fresh`` in its scope."""
    if isinstance(node, (sp.Sum, sp.Product, sp.Integral)):
        limits = [tuple(limit) for limit in node.limits]
        body = node.function
        for m, (v, *_) in enumerate(limits):
            if not isinstance(v, sp.Symbol):
                continue
            mapping = {v: fresh(v, node)}
            body = _by_name(body, mapping)
            for j in range(m):  # the bounds of the limits inside this one
                limits[j] = (limits[j][0], *(_by_name(b, mapping) for b in limits[j][1:]))
            limits[m] = (mapping[v], *limits[m][1:])
        return build(node.func, (body, *limits))
    if isinstance(node, sp.Limit):
        body, variable, point, side = node.args
        if not isinstance(variable, sp.Symbol):
            return node
        mapping = {variable: fresh(variable, node)}
        return sp.Limit(_by_name(body, mapping), mapping[variable], point, str(side))
    if isinstance(node, sp.Subs):
        body, variables, points = node.args
        mapping = {v: fresh(v, node) for v in variables if isinstance(v, sp.Symbol)}
        if not mapping:
            return node
        return sp.Subs(_by_name(body, mapping), tuple(mapping.get(v, v) for v in variables), points)
    if isinstance(node, Expectation) and isinstance(node.variable, sp.Symbol):
        body, variable, law = node.args
        mapping = {variable: fresh(variable, node)}
        return Expectation(_by_name(body, mapping), mapping[variable], _by_name(law, mapping))
    return node


def _by_name(expr, mapping: dict):
    """``expr`` with each variable of ``mapping`` replaced, and every plain symbol of its name
    (names bind, as in :meth:`Scope.bind`, whatever assumptions a reader's symbol carries)."""
    names = {v.name: d for v, d in mapping.items() if not isinstance(v, sp.Dummy)}

    def visit(node):
        if node in mapping:
            return mapping[node]
        if isinstance(node, sp.Symbol) and not isinstance(node, sp.Dummy):
            return names.get(node.name, node)
        return node

    return rebuild(expr, visit)
