"""The one engine that applies every rule of the table.

Expressions are handled in two forms:

* the author's *unevaluated* tree, as the reader built it: it shows what SymPy would silently do
  (``y y y`` -> ``y^3``, ``0 \\cdot a`` -> ``0``, ``x/x`` -> ``1``), so evaluation rules and
  their side conditions are detected there;
* the *canonical* tree (:func:`eqchain.tree.canonical`): evaluated, with bound variables
  renamed, so that two trees compare equal exactly when they are the same expression.

:func:`apply_rule` rewrites a canonical tree with one rule, everywhere it matches, until it no
longer changes, and returns the side conditions of every match. Nothing here decides a verdict.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.core.operations import AssocOp

from eqchain import rules as rule_table
from eqchain.check import conditions as cond
from eqchain.operators import SetIntegral, SetSum
from eqchain.tree import canonical, rebuild

Condition = tuple[str, object]  # (predicate, expression)

MAX_PASSES = 12
MAX_EXPAND_TERMS = 1000


@dataclass(frozen=True)
class Pattern:
    lhs: object
    rhs: object
    # each side condition as its alternatives (``positive a | integer x``): one must hold
    conditions: tuple[tuple[tuple[str, sp.Wild], ...], ...]
    nontrivial: dict  # wild -> value it must not take (the identity of its operation)
    guards: tuple[tuple[str, ...], ...] = ()  # structural requirements, as words


def evaluate(expr):
    """Evaluate a tree with SymPy's automatic simplifications, keeping bound variable names."""
    if not isinstance(expr, sp.Basic) or not expr.args:
        return expr
    if isinstance(expr, sp.Indexed):
        return expr.base[tuple(evaluate(i) for i in expr.indices)]
    return expr.func(*[evaluate(a) for a in expr.args])


@cache
def pattern(name: str) -> Pattern:
    """The compiled pattern of a rewrite or evaluation rule (the table's S-expressions)."""
    rule = rule_table.get(name)
    wilds = {w: sp.Wild(w) for w in rule.wild.split()}
    # A bound variable of a sum pattern must match a symbol only.
    if "k" in wilds:
        wilds["k"] = sp.Wild("k", properties=[lambda x: isinstance(x, sp.Symbol)])
    # Evaluation rules describe what SymPy would evaluate away: their left side stays unevaluated.
    lhs = build_sexpr(rule.lhs, wilds, evaluated=rule.how != "evaluation")
    rhs = build_sexpr(rule.rhs, wilds, evaluated=True)
    conds = tuple(
        tuple((alt.split()[0], wilds[alt.split()[1]]) for alt in c.split("|"))
        for c in rule.conditions
    )
    guards = tuple(tuple(g.split()) for g in rule.guards)
    return Pattern(lhs, rhs, conds, _identities(lhs), guards)


def _guards_hold(guards, m: dict) -> bool:
    """Structural requirements of a match: ``free c k`` (what ``c`` matched does not mention
    the bound variable ``k``), ``plain z`` (what ``z`` matched is not written with a leading
    minus sign, so that a rule and its own output do not match each other in turn), ``number
    m`` (what ``m`` matched is an integer written as such)."""
    by_name = {w.name: v for w, v in m.items()}
    for words in guards:
        kind, args = words[0], [by_name.get(w) for w in words[1:]]
        if any(a is None for a in args):
            return False
        if kind == "free" and args[0].has(args[1]):
            return False
        if kind == "plain" and args[0].could_extract_minus_sign():
            return False
        if kind == "number" and not args[0].is_Integer:
            return False
    return True


def _chosen_conditions(pattern_conds, m: dict) -> list:
    """For each side condition, the first alternative that holds, else the first one (which the
    checker then reports as missing)."""
    out = []
    for alts in pattern_conds:
        found = [(p, m[w]) for p, w in alts if w in m]
        if not found:
            continue
        out.append(next(((p, e) for p, e in found if cond.holds(p, e)), found[0]))
    return out


_HEADS = {"+": sp.Add, "*": sp.Mul, "^": sp.Pow, "log": sp.log, "exp": sp.exp, "tanh": sp.tanh}


def build_sexpr(text: str, names: dict, evaluated: bool = True):
    """Build a SymPy tree from an S-expression of the rule table: ``(log (* a b))``.

    Atoms are integers or names looked up in ``names``; heads are ``+ * ^ log exp`` and
    ``sum``/``prod`` (``body index lower upper``). ValueError for anything else. Only the rule
    table's own text is read here, never input."""
    tokens = text.replace("(", " ( ").replace(")", " ) ").split()
    pos = 0

    def read():
        nonlocal pos
        tok = tokens[pos]
        pos += 1
        if tok != "(":
            if tok.lstrip("-").isdigit():
                return sp.Integer(int(tok))
            if tok not in names:
                raise ValueError(f"unknown name {tok!r} in rule pattern {text!r}")
            return names[tok]
        head = tokens[pos]
        pos += 1
        args = []
        while tokens[pos] != ")":
            args.append(read())
        pos += 1
        if head in ("sum", "prod"):
            body, var, lo, hi = args
            return (sp.Sum if head == "sum" else sp.Product)(body, (var, lo, hi))
        if head not in _HEADS:
            raise ValueError(f"unknown head {head!r} in rule pattern {text!r}")
        return _HEADS[head](*args, evaluate=evaluated)

    tree = read()
    if pos != len(tokens):
        raise ValueError(f"trailing text in rule pattern {text!r}")
    return tree


def _identities(pat) -> dict:
    """Wilds that sit directly in a product, sum or exponent must not match its identity (else
    ``\\log y`` would "match" ``\\log(1 \\cdot y)``)."""
    out: dict = {}
    for node in sp.preorder_traversal(pat):
        if isinstance(node, sp.Mul):
            out.update({a: sp.Integer(1) for a in node.args if isinstance(a, sp.Wild)})
        elif isinstance(node, sp.Add):
            out.update({a: sp.Integer(0) for a in node.args if isinstance(a, sp.Wild)})
        elif isinstance(node, sp.Pow) and isinstance(node.exp, sp.Wild):
            out[node.exp] = sp.Integer(1)
    return out


# -- applying rules to canonical trees ---------------------------------------------------------


def apply_rule(name: str, expr, only_if_holds: bool = False, ranges: dict | None = None):
    """Rewrite ``expr`` (canonical) with rule ``name`` to a fixpoint.

    Returns ``(new_expr, conditions)`` or ``None`` when the rule does not change ``expr``. With
    ``only_if_holds``, a match whose side conditions are not established is left alone.
    """
    rule = rule_table.get(name)
    # An evaluation rule is also a rewrite for the trees SymPy leaves alone: log(exp(w)) with w
    # complex stays as it is, so log_exp applies there and names the condition it needs.
    if rule.how == "rewrite" or _evaluation_rewrite(rule):
        step = _pattern_step(name, only_if_holds)
    elif rule.how == "engine" and rule.engine in ENGINES:
        step = ENGINES[rule.engine](rule, ranges or {})
    else:
        return None
    conds: list[Condition] = []
    current = expr
    # a rule that is its own inverse (swapping two sums) is applied in one pass
    for _ in range(1 if rule.engine in ONE_PASS else MAX_PASSES):
        new = _rewrite_bottom_up(current, step, conds)
        if new == current:
            break
        current = new
    if current == expr:
        return None
    return canonical(current), tuple(conds)


def _rewrite_bottom_up(expr, step, conds):
    if not isinstance(expr, sp.Basic):
        return expr
    if expr.args and not isinstance(expr, (sp.Symbol, sp.Indexed, sp.IndexedBase)):
        args = tuple(_rewrite_bottom_up(a, step, conds) for a in expr.args)
        if args != expr.args:
            expr = expr.func(*args)
    out = step(expr)
    if out is None:
        return expr
    new, new_conds = out
    conds.extend(new_conds)
    return new


def _pattern_step(name: str, only_if_holds: bool):
    pat = pattern(name)

    def step(node):
        if isinstance(node, (sp.Sum, sp.Product)) and len(node.limits) > 1:
            # the inner part of a nest SymPy merged (\prod_k \prod_n is one node)
            out = step(type(node)(node.function, *node.limits[:-1]))
            if out is not None:
                return evaluate(type(node)(out[0], node.limits[-1])), out[1]
        if not isinstance(node, type(pat.lhs)):
            return None
        for view in _views(node):
            try:
                m = view.match(pat.lhs)
            except (AttributeError, TypeError, ValueError):
                continue  # a peeled view SymPy cannot match against: no match
            if not m:
                continue
            if any(m.get(w) == ident for w, ident in pat.nontrivial.items()):
                continue
            if not _guards_hold(pat.guards, m):
                continue
            new = evaluate(pat.rhs.xreplace(m))
            if new == node:
                continue
            conds = _chosen_conditions(pat.conditions, m)
            if only_if_holds and not all(cond.holds(p, e) for p, e in conds):
                continue
            return new, conds
        return None

    return step


def _peel(e):
    """A sum or product over several indices seen as one over its outer index of one over the
    others. SymPy merges such nests when it builds them, so the view is built unevaluated."""
    inner = e.func(e.function, *e.limits[:-1])
    return sp.Basic.__new__(type(e), inner, e.limits[-1])


def _views(node):
    """``node`` itself, then views with a multi-index sum or product peeled (node or child)."""
    yield node
    if isinstance(node, (sp.Sum, sp.Product)) and len(node.limits) > 1:
        yield _peel(node)
    for i, a in enumerate(node.args):
        if isinstance(a, (sp.Sum, sp.Product)) and len(a.limits) > 1:
            args = list(node.args)
            args[i] = _peel(a)
            yield sp.Basic.__new__(type(node), *args)


def _pull_constant(rule, ranges):
    def step(node):
        if not isinstance(node, sp.Sum):
            return None
        if len(node.limits) > 1:
            out = step(_peel(node))
            if out is None:
                out = _pull_out_of_inner(node)
            return None if out is None else (evaluate(out[0]), out[1])
        var = node.limits[0][0]
        factors = sp.Mul.make_args(node.function)
        const = [f for f in factors if var not in f.free_symbols]
        if not const or len(const) == len(factors):
            return None
        rest = [f for f in factors if var in f.free_symbols]
        return sp.Mul(*const) * sp.Sum(sp.Mul(*rest), *node.limits), []

    return step


def _pull_constant_limit(rule, ranges):
    r"""``\lim_{x \to a} c f = c \lim_{x \to a} f`` for the factors c free of x: equal wherever
    both sides are defined (c = 0: the right side is defined only where the limit of f exists,
    which the step's domain then names)."""

    def step(node):
        if not isinstance(node, sp.Limit):
            return None
        body, var = node.args[0], node.args[1]
        factors = sp.Mul.make_args(body)
        const = [f for f in factors if var not in f.free_symbols]
        if not const or len(const) == len(factors):
            return None
        rest = [f for f in factors if var in f.free_symbols]
        return sp.Mul(*const) * sp.Limit(sp.Mul(*rest), *node.args[1:]), []

    return step


def _pull_out_of_inner(node: sp.Sum):
    r"""A nest SymPy merged (\sum_x \sum_y x g(x, y) is one node over y, then x): the
    factors free of the inner indices come out of the inner sums and stay in the outer ones,
    \sum_x x \sum_y g(x, y). The innermost levels first; None when no factor is free of them
    (or every factor is)."""
    factors = sp.Mul.make_args(node.function)
    for j in range(1, len(node.limits)):
        inner = node.limits[:j]
        variables = {lim[0] for lim in inner}
        const = [f for f in factors if not (variables & f.free_symbols)]
        if not const or len(const) == len(factors):
            continue
        rest = [f for f in factors if variables & f.free_symbols]
        pulled = sp.Mul(*const) * sp.Sum(sp.Mul(*rest), *inner)
        return sp.Sum(pulled, *node.limits[j:]), []
    return None


def _expand_bounds(rule, ranges):
    kind = sp.Sum if rule.family == "sum" else sp.Product
    combine = sp.Add if kind is sp.Sum else sp.Mul

    def step(node):
        if not isinstance(node, kind) or len(node.limits) != 1:
            return None
        var, lo, hi = node.limits[0]
        if not (lo.is_Integer and hi.is_Integer) or not 0 <= hi - lo < MAX_EXPAND_TERMS:
            return None
        terms = [node.function.xreplace({var: sp.Integer(i)}) for i in range(lo, hi + 1)]
        return combine(*[evaluate(t) for t in terms]), []

    return step


def _fold_terms(rule, ranges):
    r"""Terms ``f(1) + f(2) + ... + f(n)`` (or factors) of one template in a consecutive index
    range become ``\sum_{k=1}^{n} f(k)``. Only whole sums/products are folded."""
    kind = sp.Sum if rule.family == "sum" else sp.Product
    combine = sp.Add if kind is sp.Sum else sp.Mul

    def step(node):
        if not isinstance(node, combine) or len(node.args) < 2:
            return None
        templates, indices = [], []
        var = sp.Symbol("_fold", integer=True)
        for term in node.args:
            found = _single_index(term)
            if found is None:
                return None
            templates.append(_template(term, found, var))
            indices.append(found)
        if any(t != templates[0] for t in templates[1:]):
            return None
        lo, hi = min(indices), max(indices)
        if sorted(indices) != list(range(lo, hi + 1)):
            return None
        return kind(templates[0], (var, lo, hi)), []

    return step


def _single_index(term):
    """The one integer index all Indexed atoms of ``term`` share, else None."""
    atoms = term.atoms(sp.Indexed)
    if not atoms:
        return None
    values = {i for a in atoms for i in a.indices}
    if len(values) != 1 or any(len(a.indices) != 1 for a in atoms):
        return None
    (value,) = values
    return int(value) if value.is_Integer else None


def _template(term, index: int, var):
    return term.xreplace(
        {a: a.base[var] for a in term.atoms(sp.Indexed) if a.indices == (sp.Integer(index),)}
    )


def _distribute(rule, ranges):
    def step(node):
        if not isinstance(node, sp.Mul) or not any(isinstance(a, sp.Add) for a in node.args):
            return None
        return sp.expand_mul(node, deep=False), []

    return step


@lru_cache(maxsize=2048)
def carry_out(derivative):
    r"""``derivative.doit()``, the derivative carried out. SymPy's doit first carries out what
    the differentiated expression holds, and a sum over a symbolic range whose every use of its
    variable is the whole index of a family's member (``\sum_{k=1}^{K} t_k \log y_k``) is then
    tried with every summation method SymPy has, none of which gives a closed form (the members
    are unknowns): most of a flagship step's time. Such a sum is kept as it is, as SymPy keeps
    it when its methods fail, and everything else is carried out as doit does: the same tree,
    save a sum whose term is a constant in disguise (``\sin^2 y_k + \cos^2 y_k``), which SymPy
    would have summed and is kept here (the same value). Expressions with anything else doit
    carries out (an integral, a limit, a product, a Kronecker delta, ...) go to doit."""
    expr = derivative.expr if isinstance(derivative, sp.Derivative) else None
    if expr is not None and not expr.has(*derivative.variables) and _through_its_family(derivative):
        return derivative  # not carried out: it is no 0 (SymPy's doit says it is)
    if expr is None or not expr.has(sp.Sum) or not _rebuilt_only(expr):
        return derivative.doit()
    done = sp.Derivative(_doit_keeping_family_sums(expr), *derivative.variable_count, evaluate=True)
    if done != derivative and done.has(sp.Derivative):
        done = done.doit()
    return done


def _through_its_family(derivative) -> bool:
    r"""Whether ``derivative`` is by a member of a family (``\mu_1``) of a function applied to
    the family's name (``\ell(\mu)``, defined as ``(y_1 - \mu_1)^2 + \dots``): the function
    depends on its members, although SymPy, seeing no \mu_1 among its arguments, takes the
    derivative to be 0 (``\frac{\partial}{\partial \mu_1} \ell(\mu) = 0`` was verified)."""
    members = {str(v.base.label) for v in derivative.variables if isinstance(v, sp.Indexed)}
    if not members:
        return False
    return any(
        str(x) in members
        for f in derivative.expr.atoms(AppliedUndef)
        for x in f.free_symbols
        if isinstance(x, sp.Symbol)
    )


_REBUILDS = (sp.Basic.doit, AssocOp.doit)  # doits that rebuild a node from its arguments' doits


def _rebuilt_only(expr) -> bool:
    """Whether SymPy's doit of ``expr`` only rebuilds its nodes, its sums of family members
    (:func:`_family_sum`) aside, which it tries and cannot sum."""
    if isinstance(expr, sp.Sum):
        return _family_sum(expr) and _rebuilt_only(expr.function)
    if not isinstance(expr, sp.Basic) or isinstance(
        expr, (sp.KroneckerDelta, sp.Piecewise, sp.Product)
    ):
        return False
    if expr.is_Atom:
        return True
    if type(expr).doit not in _REBUILDS:
        return False
    return all(_rebuilt_only(a) for a in expr.args)


def _family_sum(node) -> bool:
    r"""A sum of one variable over a range SymPy cannot count (b - a no integer, not known to
    be negative, the bounds not equal), whose term is no proved zero and uses the variable
    only as the whole index of families' members (``t_k \log y_k``, not ``y_{k+1}`` or
    ``k y_k``)."""
    if len(node.limits) != 1:
        return False
    var, lo, hi = node.limits[0]
    gap = hi - lo
    if gap.is_Integer or (gap.is_integer and gap.is_negative) or lo == hi:
        return False
    if lo.has(var) or hi.has(var):
        return False
    members = {a: sp.Dummy() for a in node.function.atoms(sp.Indexed) if var in a.indices}
    if not members or any(a.indices != (var,) for a in members):
        return False
    if node.function.xreplace(members).has(var):
        return False
    return node.function.is_zero is not True


def _doit_keeping_family_sums(expr):
    """``expr.doit()`` where :func:`_rebuilt_only` holds: each node rebuilt from its arguments
    as its doit does, each family sum kept with its term carried out."""
    if not isinstance(expr, sp.Basic) or expr.is_Atom:
        return expr
    args = tuple(_doit_keeping_family_sums(a) for a in expr.args)
    if isinstance(expr, sp.Sum):
        return expr if args[0] == expr.function else expr.func(args[0], *expr.limits)
    if type(expr).doit is AssocOp.doit:
        return expr.func(*args, evaluate=True)
    return expr.func(*args)


def _differentiate(rule, ranges):
    """Carry out derivatives. Differentiating a sum over j with respect to y_k gives a sum of
    Kronecker deltas; it collapses to the k-th term only when k's declared range lies within
    the sum's bounds. A rule with a ``shape`` guard (the chain, product and quotient rules)
    carries out only derivatives of that shape."""
    shapes = [g.split()[1] for g in rule.guards if g.startswith("shape ")]

    def step(node):
        if not isinstance(node, sp.Derivative):
            return None
        if shapes and _shape(node) not in shapes:
            return None
        if _held_applications(node):
            return None
        done = carry_out(node)
        if done.has(sp.Piecewise) and not node.has(sp.Piecewise):
            # SymPy sums \sum_k \delta_{ik} f_k out to a Piecewise on lo <= i <= hi: its
            # value where i's range is established; else the sum kept (-\sum_k ... by A_i
            # keeps it), whose delta collapses where that range is established
            done = _in_range(done, ranges)
            if done.has(sp.Piecewise):
                done = node.doit(deep=False)
        if done == node or not _derivatives_irreducible(done):
            return None
        return _collapse_deltas(done, ranges), []

    return step


def _held_applications(node: sp.Derivative) -> bool:
    """Whether the derivative's body applies a function to arguments free of its variables
    (``\\frac{\\partial}{\\partial a} g(2)``): as a symbol of its own SymPy takes its derivative
    as 0, but a defined g (``g(t) = e^{at}``) depends on a through its body, which the rule
    search has not put in (``\\frac{\\partial}{\\partial a} g(2) = 0`` was verified). Left to
    the algebra, which puts the definitions in; an undefined function of such arguments is made
    to vary with the variable before the search (check/varying.py)."""
    variables = set(node.variables) | {v.base for v in node.variables if isinstance(v, sp.Indexed)}
    for f in node.expr.atoms(AppliedUndef):
        if getattr(f.func, "varies", False):
            continue
        if not any(f.has(v) for v in variables):
            return True
    return False


def _sum_kronecker(rule, ranges):
    """A sum whose term carries a Kronecker delta of its variable and an index in its range
    is the term at that index (``\\sum_k \\delta_{jk} f_k = f_j``, j's declared range within
    the sum's bounds; else the sum stays)."""

    def step(node):
        if isinstance(node, sp.Sum) and node.function.has(sp.Piecewise):
            node = _indicators_as_deltas(node, ranges)
        if not isinstance(node, sp.Sum) or not node.function.has(sp.KroneckerDelta):
            return None
        done = _collapse_deltas(node, ranges)
        if done != node:
            return done, []
        done = _leave_one_out(node, ranges)
        return None if done is None else (done, [])

    return step


def _indicators_as_deltas(node: sp.Sum, ranges):
    r"""``node`` with each indicator of its variable's equality with an index established in
    its range (``\sum_{k=1}^{K} \mathbb{1}[j = k] a_k``, j an index over 1..K; SymPy folds the
    factor into ``Piecewise((a_k, Eq(j, k)), (0, True))``) written with the Kronecker delta,
    ``a_k \delta_{jk}``: both indices integers there, the indicator is the delta."""
    limits = [tuple(lim) for lim in node.limits]

    def visit(p):
        if not (isinstance(p, sp.Piecewise) and len(p.args) == 2):
            return p
        (value, condition), (rest, otherwise) = p.args
        if rest != 0 or otherwise is not sp.true or not isinstance(condition, sp.Eq):
            return p
        for var, lo, hi in limits:
            if var not in condition.args:
                continue
            (other,) = [a for a in condition.args if a != var] or [None]
            if other is not None and not other.has(var) and index_within(other, lo, hi, ranges):
                return value * sp.KroneckerDelta(var, other)
        return p

    function = rebuild(node.function, visit)
    return node if function == node.function else sp.Sum(function, *node.limits)


def _leave_one_out(node: sp.Sum, ranges):
    r"""A sum whose term, multiplied out, has terms with a Kronecker delta of its variable
    (``\sum_{k \neq i} f_k``, read ``\sum_k f_k (1 - \delta_{ki})``): the sum of the other
    terms plus each delta's term at its index, ``\sum_k f_k - f_i``, when every delta term
    collapses (the index in the sum's range, as ``_collapse_deltas`` requires). A finite sum
    splits term by term; None when a delta term stays (or none is there)."""
    expanded = sp.expand_mul(node.function)
    terms = sp.Add.make_args(expanded)
    variables = set(node.variables)
    with_delta = [
        t
        for t in terms
        if any(
            isinstance(f, sp.KroneckerDelta) and variables & set(f.args)
            for f in sp.Mul.make_args(t)
        )
    ]
    if not with_delta or len(with_delta) == len(terms) and len(terms) == 1:
        return None
    if any(not (hi - lo).is_integer or (hi - lo).is_finite is False for _, lo, hi in node.limits):
        return None  # an infinite series is not split here
    if any(hi.has(sp.oo) or lo.has(-sp.oo) for _, lo, hi in node.limits):
        return None
    collapsed = []
    for t in with_delta:
        one = _collapse_deltas(sp.Sum(t, *node.limits), ranges)
        if one.has(sp.Sum) and any(
            isinstance(s, sp.Sum) and s.function.has(sp.KroneckerDelta) for s in one.atoms(sp.Sum)
        ):
            return None
        collapsed.append(one)
    rest = [t for t in terms if t not in with_delta]
    out = sp.Add(*collapsed)
    if rest:
        out += sp.Sum(sp.Add(*rest), *node.limits)
    return out


def _derivatives_irreducible(expr) -> bool:
    """Every derivative left is one of a declared function by its own argument (f'(x) of an
    f that nothing defines), which no rule can carry further; no Subs (f'(g(x)))."""
    if expr.has(sp.Subs):
        return False
    return all(
        isinstance(d.expr, AppliedUndef) and set(d.variables) <= set(d.expr.args)
        for d in expr.atoms(sp.Derivative)
    )


def _shape(node) -> str:
    """What a derivative differentiates: a ``quotient`` (a factor with a negative power that
    depends on the variable), a ``product`` (two factors that depend on it), a ``chain`` (a
    function of something other than the variable itself), else ``plain``."""
    body, variables = node.expr, set(node.variables)
    # a member y_k also varies inside \sum_j f(y_j): depending on the family counts
    carriers = variables | {v.base for v in variables if isinstance(v, sp.Indexed)}

    def depends(e) -> bool:
        return e.has(*carriers)

    factors = [f for f in sp.Mul.make_args(body) if depends(f)]
    if any(isinstance(f, sp.Pow) and f.exp.is_negative for f in factors):
        return "quotient"
    if len(factors) > 1:
        return "product"
    if len(factors) == 1:
        f = factors[0]
        inner = f.base if isinstance(f, sp.Pow) else f
        if isinstance(f, sp.Pow) or isinstance(f, sp.Function):
            args = inner.args if isinstance(f, sp.Function) else (inner,)
            if any(a not in variables and depends(a) for a in args):
                return "chain"
    return "plain"


def _swap_order(rule, ranges):
    """Two nested sums (or products) over ranges that do not depend on each other's variable,
    taken in the other order: finite sums and products commute."""
    kind = sp.Sum if rule.family == "sum" else sp.Product

    def step(node):
        if not isinstance(node, kind) or len(node.limits) < 2:
            return None
        inner, outer = node.limits[-2], node.limits[-1]
        if any(b.has(outer[0]) for b in inner[1:]) or any(b.has(inner[0]) for b in outer[1:]):
            return None
        limits = (*node.limits[:-2], outer, inner)
        return kind(node.function, *limits), []

    return step


def _collapse_deltas(expr, ranges):
    """A sum of a Kronecker delta times a term, over a variable the delta pins to an index in
    the sum's range, is that term at the index. A sum over several variables (a two-index
    family, \\sum_n \\sum_k) collapses one variable at a time."""

    def visit(node):
        if not isinstance(node, sp.Sum):
            return node
        function, limits = node.function, list(node.limits)
        changed = True
        while changed and limits:
            changed = False
            for pos, (var, lo, hi) in enumerate(limits):
                if any(var in b.free_symbols for _, a, c in limits for b in (a, c)):
                    continue  # another range's bound depends on this variable
                factors = sp.Mul.make_args(function)
                deltas = [f for f in factors if isinstance(f, sp.KroneckerDelta) and var in f.args]
                if len(deltas) != 1:
                    continue
                (other,) = [a for a in deltas[0].args if a != var] or [None]
                if (
                    other is None
                    or var in other.free_symbols
                    or not index_within(other, lo, hi, ranges)
                ):
                    continue
                if any(other.has(v) for v, _, _ in limits):
                    continue  # pinned to another bound variable: not an index in the range
                rest = sp.Mul(*[f for f in factors if f is not deltas[0]])
                function = rest.xreplace({var: other})
                limits.pop(pos)
                changed = True
                break
        if len(limits) == len(node.limits):
            return node
        return sp.Sum(function, *limits) if limits else function

    return sp.sympify(expr, strict=True).replace(lambda e: isinstance(e, sp.Sum), visit)


def _in_range(expr, ranges):
    """``expr`` with each ``Piecewise((e, (i >= lo) & (hi >= i)), (0, True))`` (what SymPy
    makes of a sum of a Kronecker delta) written ``e`` where i's range lies within lo..hi."""

    def visit(node):
        if len(node.args) != 2 or node.args[1] != (0, True):
            return node
        value, condition = node.args[0]
        bounds = [c for c in sp.And.make_args(condition) if isinstance(c, sp.GreaterThan)]
        if len(bounds) != 2 or len(sp.And.make_args(condition)) != 2:
            return node
        for index in condition.free_symbols:
            lower = [c.rhs for c in bounds if c.lhs == index]
            upper = [c.lhs for c in bounds if c.rhs == index]
            if (
                len(lower) == 1
                and len(upper) == 1
                and index_within(index, lower[0], upper[0], ranges)
            ):
                return value
        return node

    return expr.replace(lambda e: isinstance(e, sp.Piecewise), visit)


def index_within(index, lo, hi, ranges) -> bool:
    """``lo <= index <= hi`` established: a number in range, or an index every declared range
    of which lies within ``lo..hi`` (a letter that indexes z over 1..n and w over 0..n may be
    0 in a step about w_i: one range inside is not enough)."""
    if index.is_Integer and lo.is_Integer and hi.is_Integer:
        return lo <= index <= hi
    spans = ranges.get(index, ())
    return bool(spans) and all(
        (sp.sympify(ilo, strict=True) - lo).is_nonnegative
        and (hi - sp.sympify(ihi, strict=True)).is_nonnegative
        for ilo, ihi in spans
    )


def _set_linear(rule, ranges):
    r"""A sum (integral) over a set left abstract, split over the terms of its body, each piece
    needing its convergence; a factor free of the variable taken out, needing it nonzero (then
    the two sides converge together, as ``integral_linear`` asks) or else the rest convergent."""
    kind = SetSum if rule.family == "sum" else SetIntegral

    def step(node):
        if type(node) is not kind:
            return None
        body, var, domain = node.args
        terms = sp.Add.make_args(body)
        if len(terms) > 1:
            pieces = [kind(t, var, domain) for t in terms]
            return sp.Add(*pieces), [("finite", p) for p in pieces]
        factors = sp.Mul.make_args(body)
        const = [f for f in factors if var not in f.free_symbols]
        if not const or len(const) == len(factors):
            return None
        rest = [f for f in factors if var in f.free_symbols]
        c, piece = sp.Mul(*const), kind(sp.Mul(*rest), var, domain)
        # c nonzero, or else the piece convergent (named then: c may hold an outer variable)
        need = ("nonzero", c) if cond.holds("nonzero", c) else ("finite", piece)
        return c * piece, [need]

    return step


def _set_swap(rule, ranges):
    r"""Two sums (integrals) over sets left abstract, the inner set free of the outer variable
    and the outer set free of the inner one, taken in the other order; it needs the double sum
    of the absolute values to converge (Fubini)."""
    kind = SetSum if rule.family == "sum" else SetIntegral

    def step(node):
        if type(node) is not kind or type(node.body) is not kind:
            return None
        inner = node.body
        x, xs, y, ys = node.variable, node.domain, inner.variable, inner.domain
        if x == y or x in ys.free_symbols or y in xs.free_symbols:
            return None
        absolute = kind(kind(sp.Abs(inner.body), y, ys), x, xs)
        return kind(kind(inner.body, x, xs), y, ys), [("finite", absolute)]

    return step


def _binomial_sum(rule, ranges):
    r"""The binomial theorem: \sum_{k=s}^{s+n} c \binom{n}{k-s} x^{k-s} y^{n-k+s} = c (x + y)^n,
    the range exactly the terms of the expansion (s an integer, c free of k; x or y may be 1 and
    then not written, \sum_{k=0}^{n} \binom{n}{k} = 2^n; x or y a product of powers with the
    same exponent, e^{tk} p^k as (p e^t)^k: the binomial's moment generating function). The
    side conditions: n a nonnegative integer. SymPy's 0^0 is 1, as the theorem takes it, so x
    and y are any numbers."""

    def step(node):
        if not isinstance(node, sp.Sum) or len(node.limits) != 1:
            return None
        k, lo, hi = node.limits[0]
        factors = sp.Mul.make_args(node.function)
        chosen = [f for f in factors if isinstance(f, sp.binomial) and f.has(k)]
        if len(chosen) != 1 or not lo.is_integer:
            return None
        n, bottom = chosen[0].args
        shift = sp.expand(k - bottom)
        if n.has(k) or shift.has(k) or sp.expand(lo - shift) != 0:
            return None
        if sp.expand(hi - shift - n) != 0:
            return None
        i = sp.Dummy("i", integer=True, nonnegative=True)
        const, xs, ys = [], [], []
        for f in factors:
            if f is chosen[0]:
                continue
            if not f.has(k):
                const.append(f)
                continue
            f = f.xreplace({k: i + shift})
            if isinstance(f, sp.exp):  # e^{c i} = (e^c)^i, i an integer
                argument = sp.expand(f.args[0])
                c = argument.coeff(i)
                if c.has(i) or sp.expand(argument - c * i) != 0:
                    return None
                base, exponent = sp.exp(c), i
            elif isinstance(f, sp.Pow):
                base, exponent = f.base, sp.expand(f.exp)
            else:
                return None
            if base.has(i):
                return None
            if exponent == i:
                xs.append(base)  # x1^i x2^i = (x1 x2)^i
            elif sp.expand(exponent - n + i) == 0:
                ys.append(base)
            else:
                return None
        whole = sp.Mul(*xs) + sp.Mul(*ys)  # a base not written is 1
        return sp.Mul(*const) * whole**n, [("integer", n), ("nonnegative", n)]

    return step


ENGINES = {
    "binomial_sum": _binomial_sum,
    "pull_constant": _pull_constant,
    "pull_constant_limit": _pull_constant_limit,
    "expand_bounds": _expand_bounds,
    "fold_terms": _fold_terms,
    "distribute": _distribute,
    "differentiate": _differentiate,
    "swap_order": _swap_order,
    "sum_kronecker": _sum_kronecker,
    "set_linear": _set_linear,
    "set_swap": _set_swap,
}
ONE_PASS = {"swap_order", "set_swap"}

# Rules the search applies forwards only (a fold is also found as an expansion of the target).
FORWARD_ONLY_EXCLUDED: set[str] = set()


def _evaluation_rewrite(rule) -> bool:
    """Evaluation rules on functions (log of exp, exp of log, log 1) also rewrite trees SymPy
    leaves alone; products (1 a, 0 a) are only ever detected, never matched."""
    return rule.how == "evaluation" and rule.family == "log" and bool(rule.lhs)


def searchable_rules() -> tuple[str, ...]:
    """Rules the search may apply to a canonical tree."""
    return tuple(
        r.name
        for r in rule_table.RULES
        if (r.how in ("rewrite", "engine") or _evaluation_rewrite(r))
        and r.engine != "simplify"
        and r.name not in FORWARD_ONLY_EXCLUDED
    )


def reported_name(name: str, side: str) -> str:
    """A rule applied to the target side is reported as its inverse (an expansion of the target
    is a fold in the author's direction)."""
    rule = rule_table.get(name)
    return rule.inverse if side == "target" and rule.inverse else name


# -- what SymPy's evaluation does silently: detected on the author's unevaluated tree -----------


def evaluation_rules(tree) -> list[tuple[str, tuple[Condition, ...]]]:
    """Evaluation rules visible in an unevaluated tree, each with its side conditions."""
    found: list[tuple[str, tuple[Condition, ...]]] = []
    for node in sp.preorder_traversal(tree):
        if isinstance(node, sp.Mul):
            factors = _flat_factors(node)
            # "1 times a" is a literal 1 among the node's own factors; \frac{1}{x} is a product
            # of 1 and x^{-1} too, but nobody wrote "1 times" there.
            direct = node.args
            fraction = all(f == 1 or (isinstance(f, sp.Pow) and f.exp.is_negative) for f in direct)
            if any(f == 1 for f in direct) and not fraction:
                found.append(("mul_one", ()))
            if any(f == 0 for f in factors):
                others = [evaluate(f) for f in factors if f != 0]
                found.append(("mul_zero", tuple(("finite", o) for o in others)))
            bases = [
                evaluate(f.base if isinstance(f, sp.Pow) else f) for f in factors if not f.is_number
            ]
            if len(bases) != len(set(bases)):
                found.append(("pow_collect", ()))
        for name in ("log_one", "log_exp", "exp_log"):
            pat = pattern(name)
            if isinstance(node, type(pat.lhs)):
                m = node.match(pat.lhs)
                if m is not None:
                    conds = _chosen_conditions(pat.conditions, m)
                    found.append((name, tuple((p, evaluate(e)) for p, e in conds)))
    return found


def _flat_factors(node) -> list:
    out = []
    for a in node.args:
        if isinstance(a, sp.Mul):
            out.extend(_flat_factors(a))
        else:
            out.append(a)
    return out


def definedness(tree) -> list[tuple[str, Condition]]:
    """Conditions for a tree to be defined, each with what needs it: every divisor nonzero
    (a power whose exponent is not known to be nonnegative divides by its base), every
    logarithm's argument nonzero, no pole of tan, cot, sec, csc, factorial or Gamma, every sum's
    and product's range of nonnegative length.
    Numbers are included: ``1/0`` and ``\\log 0`` are undefined,
    and SymPy's ``zoo`` on both sides must never make a step hold."""
    out: list[tuple[str, Condition]] = []
    for node in sp.preorder_traversal(tree):
        out.extend(node_definedness(node))
    return out


def node_definedness(node) -> list[tuple[str, Condition]]:
    """The definedness conditions of one node of a tree (not of its arguments)."""
    out: list[tuple[str, Condition]] = []
    if isinstance(node, sp.Pow) and node.exp.is_nonnegative is not True:
        base = node.base
        if base.is_zero and not node.exp.is_number:
            # 0^{\alpha + 1}: defined where the exponent is not negative (a boundary term of
            # an integration by parts; "0 \neq 0 cannot hold" called it defined nowhere)
            out.append(("division", ("nonnegative", evaluate(node.exp))))
        elif not (base.is_number and base.is_zero is False):
            out.append(("division", ("nonzero", evaluate(base))))
    elif isinstance(node, sp.log):
        arg = node.args[0]
        if not (arg.is_number and arg.is_zero is False):
            out.append(("log", ("nonzero", evaluate(arg))))
    elif isinstance(node, (sp.tan, sp.sec)):
        out.append(("pole", ("nonzero", sp.cos(node.args[0]))))
    elif isinstance(node, (sp.cot, sp.csc)):
        out.append(("pole", ("nonzero", sp.sin(node.args[0]))))
    elif isinstance(node, (sp.coth, sp.csch)):
        # coth and csch have a pole at 0 (sinh vanishes there only, for a real argument)
        out.append(("pole", ("nonzero", evaluate(node.args[0]))))
    elif isinstance(node, sp.factorial):
        # n! is Gamma(n + 1): no value at the negative integers
        out.append(("factorial", ("nonnegative", evaluate(node.args[0]))))
    elif isinstance(node, sp.gamma):
        # Gamma has a value at every real number but 0, -1, -2, ... (Gamma(-1/2) = -2 sqrt(pi)):
        # "its argument positive" verified log(Gamma(x)^2)/2 = log Gamma(x) "where x > 0",
        # false at x = -1/2 (red team s47); its positivity comes from the assumptions
        out.append(("pole", ("finite", node.func(evaluate(node.args[0])))))
    elif isinstance(node, (sp.binomial, sp.FallingFactorial)):
        # read through the gamma function, Gamma(n + 1) / (Gamma(k + 1) Gamma(n - k + 1)) (the
        # permutations {}_nP_k: Gamma(n + 1) / Gamma(n - k + 1)), as SymPy's simplify reads it:
        # it cancels the poles at a negative integer n (binomial(n, n + 1) and ff(n, n + 1)
        # are 0 to it, binomial(-1, 0) and ff(-1, 0) are 1), so n + 1 > 0
        out.append(("pole", ("positive", evaluate(node.args[0] + 1))))
    elif isinstance(node, (sp.Sum, sp.Product)):
        # SymPy reads sum_{k=1}^{-1} with Karr's convention (= -sum_{k=0}^{0}); a reader
        # takes it as empty. Only a range of nonnegative length means the same to both.
        # A concretely empty range (\sum_{k=3}^{1}) is empty: evaluated so, not undefined
        # (check/ranges.py).
        for _, lo, hi in node.limits:
            length = hi - lo + 1
            if length.is_nonnegative is not True and not length.is_number:
                out.append((type(node).__name__.lower(), ("nonnegative", length)))
    elif isinstance(node, sp.Limit):
        # \lim_{x \to \infty} f (the infinite bound of [F]_a^\infty) is a value only where
        # the limit exists and is finite: never established here, so a step with one is
        # unknown, naming it, unless the limit is carried out
        out.append(("limit", ("finite", node)))
    elif node in (sp.zoo, sp.nan) or (node.is_number and node.is_infinite):
        out.append(("division", ("finite", node)))
    return out
