"""A step checked under the condition written after its comma (``, \\quad 0 < x < 1``).

The condition's atoms (:mod:`eqchain.latex.conditions`) are used, each soundly, this way:

* a bound at 0 on a name (``x > 0``, ``x \\ge 0``, ``x < 0``, ``x \\le 0``, ``x \\neq 0``),
  ``x \\in \\mathbb{R}``, ``x \\in \\mathbb{Z}`` and an index range (``i = 1, \\ldots, n``: an
  integer, positive when the range starts at 1 or above) strengthen the name's SymPy
  assumptions, for this step only: the name is replaced, in the step and in the facts it may
  use, by a symbol of the same name with the assumptions added;
* ``i = j`` between two names: the step is checked with both made one symbol (it holds for
  i = j exactly when it holds with j replaced by i);
* any other bound (``x < 1``, ``a \\le x``, ``x \\neq y``) is a given of this step about a new
  positive (nonnegative, nonzero) margin, ``m = 1 - x``: side conditions are established from
  it and every counterexample satisfies it, as for a document's ``--assume "p < 1"``.

A condition that names a bound variable of the step (``\\sum_i`` with ``i = j``), or that
contradicts a declaration, leaves the step ``unknown`` saying so: never a verdict about other
values than the condition's. A counterexample satisfies the condition (the refuter satisfies
every given and assumption); the margins' own values are not shown in it.
"""

from __future__ import annotations

from dataclasses import fields, replace

import sympy as sp
from sympy.concrete.expr_with_limits import ExprWithLimits
from sympy.core.function import AppliedUndef

from eqchain.latex.conditions import relational  # noqa: F401 - the engine builds with it
from eqchain.latex.printer import latex
from eqchain.model import Step, StepResult, Verdict

MARGIN = "condmargin"  # the name of a margin symbol starts so (never a LaTeX name)
_AT_ZERO = {">": "positive", ">=": "nonnegative", "<": "negative", "<=": "nonpositive"}
_AT_ZERO["!="] = "nonzero"
_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "!=": "!="}


class NotUsable(Exception):
    """The condition cannot be used for this step; the message says why."""


def condition_latex(step: Step) -> str:
    """The step's condition as LaTeX (as written), for reasons and reports."""
    return step.condition_text or ", ".join(
        f"{latex(a)} {op} {latex(b)}" for op, a, b in step.condition
    )


def _without_bars(atoms) -> list:
    """The condition's atoms with ``|x| < c`` (``\\le``) written ``x < c`` and ``x > -c`` (the
    same set for a real x: the geometric series' ``|x| < 1`` is ``-1 < x < 1``, which the
    series' closed form needs); a bar on the greater side (``|x| > c``, two intervals) is kept."""
    out = []
    for op, a, b in atoms:
        if op == "real" and isinstance(a, sp.log):
            out.append((">", a.args[0], sp.Integer(0)))  # \log x \in \mathbb{R}: x > 0
            continue
        if op == "real" and isinstance(a, sp.Pow) and (a.exp - sp.S.Half).is_zero:
            out.append((">=", a.base, sp.Integer(0)))  # \sqrt{x} \in \mathbb{R}: x \ge 0
            continue
        if (
            op in ("<", "<=")
            and isinstance(a, sp.Abs)
            and isinstance(b, sp.Expr)
            and a.args[0].is_real is True  # |z| < 1 for a complex z is a disc
        ):
            x = a.args[0]
            out += [(op, x, b), (">" if op == "<" else ">=", x, -b)]
        else:
            out.append((op, a, b))
    return out


def conditioned(step: Step, exprs: list, facts):
    """The step's problem under its condition: (substitution, margins) where ``substitution``
    maps symbols of the step (and of the facts) to strengthened ones, and ``margins`` are the
    givens (margin symbol, expression) that say the rest. Raises NotUsable."""
    present = [e for e in exprs if e is not None]
    by_name = {}
    for e in present:
        for s in e.free_symbols:
            if isinstance(s, sp.Symbol):
                by_name.setdefault(s.name, s)
        for node in e.atoms(sp.Indexed):
            for s in node.free_symbols:
                if isinstance(s, sp.Symbol):
                    by_name.setdefault(s.name, s)
    bound = {str(v) for e in present for node in e.atoms(ExprWithLimits) for v in node.variables}
    defined = {str(k) for k in facts.definitions}

    def resolve(expr):
        if expr is None:
            return None
        names = {s: by_name[s.name] for s in expr.free_symbols if s.name in by_name}
        return expr.xreplace(names)

    added: dict = {}  # symbol -> assumptions to add
    joined: list = []  # (i, j): one symbol
    rest: list = []  # (op, a, b) for margins
    for op, a, b in _without_bars(step.condition):
        names = {str(s) for s in a.free_symbols} | (
            {str(s) for x in b for s in x.free_symbols}
            if isinstance(b, tuple)
            else {str(s) for s in b.free_symbols}
            if b is not None
            else set()
        )
        clash = names & bound
        if clash:
            raise NotUsable(
                f"the condition names {', '.join(sorted(clash))}, a bound variable of the step"
            )
        a = resolve(a)
        b = tuple(resolve(x) for x in b) if isinstance(b, tuple) else resolve(b)
        wider = _wider_than_counting(op, a, b)
        if wider is not None:
            # \sum_{k=1}^{n} k^2 = ..., \quad n \in \mathbb{Z} claims negative n too, where the
            # range runs backwards; the reading (an upper bound counts: n \geq 0) excludes them
            raise NotUsable(
                f"the condition lets {latex(wider)} be negative, which the reading of "
                f"{latex(wider)} excludes (a nonnegative integer: a sum's or product's upper "
                "bound, or declared so)"
            )
        strengthen = isinstance(a, sp.Symbol) and str(a) not in defined
        member = isinstance(a, sp.Indexed) and all(i.is_Integer for i in a.indices)
        if op == "eq":
            # a stated case's equation: a given of the row, where it holds; never about a
            # variable the row differentiates by (If $f(x) = 0$: at a point, and d/dx f(x) is
            # about every x near it; f(x) was put in as 0 under the derivative)
            varying = {
                v
                for e in present
                for d in e.atoms(sp.Derivative, sp.Subs)
                for v in d.variables
                if isinstance(v, sp.Symbol)
            }
            if (a.free_symbols | b.free_symbols) & varying:
                raise NotUsable(
                    "the case holds where it does, and the row differentiates by a name it holds"
                )
            rest.append(("==", a, b))
            continue
        if op == "=" and (isinstance(a, sp.Symbol) or member) and b.is_number:
            # a case "When $y = 1$" ("$x_1 = 1$ のとき", a member with concrete indices): the
            # step is checked with the given y = 1
            rest.append(("==", a, b))
            continue
        if op == "=":
            if not (isinstance(a, sp.Symbol) and isinstance(b, sp.Symbol)):
                raise NotUsable("a condition = is read between two names only")
            if {str(a), str(b)} & defined:
                rest.append(("==", a, b))
            else:
                joined.append((a, b))
            continue
        if op == "real" and not isinstance(a, (sp.Symbol, sp.Indexed)):
            # \log x \in \mathbb{R} is _without_bars' x > 0; another expression's reality is no
            # bound the checker can put in (it was dropped, and the step refuted at x = -1)
            raise NotUsable(
                f"{latex(a)} \\in \\mathbb{{R}} is read for a name, a logarithm or a root only"
            )
        if op in ("real", "integer"):
            if strengthen:
                added.setdefault(a, {})[op] = True
            elif op == "integer":
                raise NotUsable(f"{latex(a)} \\in \\mathbb{{Z}} is read for a name only")
            continue
        if op == "range":
            lo, hi = b
            for end in (lo, hi):
                # the ends of an index range are integers (k = 1..n at n = 19/16 is no point
                # the author meant); an end written otherwise is checked for it below
                if isinstance(end, sp.Symbol) and str(end) in defined:
                    continue  # its definition says what it is
                if isinstance(end, sp.Symbol):
                    if end.is_integer is False:
                        raise NotUsable(f"the range's end {latex(end)} is not an integer")
                    if not end.is_integer:
                        added.setdefault(end, {})["integer"] = True
                elif end.is_integer is not True:
                    raise NotUsable(f"the range's end {latex(end)} is not known to be an integer")
            if strengthen:
                added.setdefault(a, {})["integer"] = True
                if lo.is_number and lo >= 1:
                    added[a]["positive"] = True
                elif lo.is_number and lo >= 0:
                    added[a]["nonnegative"] = True
            elif not (a.is_integer):
                raise NotUsable(f"the range of {latex(a)} is read for a name only")
            if not (lo.is_number and lo in (0, 1) and strengthen):
                rest.append((">=", a, lo))
            rest.append(("<=", a, hi))
            continue
        if isinstance(b, sp.Symbol) and not isinstance(a, sp.Symbol) and a == 0:
            op, a, b = _FLIP[op], b, a
            strengthen = str(a) not in defined
        if strengthen and b == 0:
            added.setdefault(a, {})[_AT_ZERO[op]] = True
            continue
        rest.append((op, a, b))

    # A Kronecker delta's indices are integers: a condition i = j that collapses delta_{ij}
    # to 1 leaves i an index (cos(2 pi i) = 1 then, never at i = 27/4).
    deltas = {
        x
        for e in present
        for d in e.atoms(sp.KroneckerDelta)
        for x in d.free_symbols
        if isinstance(x, sp.Symbol) and str(x) not in defined
    }
    for i, j in joined:
        if {i, j} & deltas:
            for x in (i, j):
                if x.is_integer is False:
                    raise NotUsable(f"{latex(x)} indexes a Kronecker delta: an integer")
                if not x.is_integer:
                    added.setdefault(x, {})["integer"] = True
    substitution: dict = {}
    for symbol, more in added.items():
        substitution[symbol] = _strengthened(symbol, more)
    for i, j in joined:
        i2, j2 = substitution.get(i, i), substitution.get(j, j)
        one = _strengthened(i2, _assumptions(j2))
        substitution[i] = one
        substitution[j] = one
    margins = []
    for k, (op, a, b) in enumerate(rest, start=1):
        a, b = a.xreplace(substitution), b.xreplace(substitution)
        name = f"{MARGIN}{k}"
        if op == "==":
            margins.append((a, b))
            continue
        if op in ("<", "<="):
            expr = b - a
        else:
            expr = a - b
        kind = {"<": "positive", ">": "positive", "<=": "nonnegative", ">=": "nonnegative"}
        margin = sp.Symbol(name, **{kind.get(op, "nonzero"): True})
        margins.append((margin, expr))
    return substitution, margins


def _wider_than_counting(op: str, a, b):
    """The name, a nonnegative integer (a sum's or product's upper bound, or declared so),
    that the condition atom ``(op, a, b)`` admits negative values of (``n \\in \\mathbb{Z}``,
    ``n \\in \\mathbb{R}``, ``-5 \\le n``, ``n + 5 \\ge 0``, ``n^2 \\le 9``, a range from -3):
    checked under its reading, the claim would be verified for fewer values than the condition
    says; None when there is none. An order between that name and others (``k \\le n``) says
    nothing of its sign: None."""

    def counting(x) -> bool:
        return isinstance(x, sp.Symbol) and x.is_integer is True and x.is_nonnegative is True

    if op in ("integer", "real"):
        return a if counting(a) else None
    if op == "range":
        lo = b[0] if isinstance(b, tuple) else None
        if counting(a) and not (isinstance(lo, sp.Expr) and lo.is_nonnegative is True):
            return a
        return None
    if op not in ("<", "<=", ">", ">=", "=", "!="):
        return None
    if not (isinstance(a, sp.Expr) and isinstance(b, sp.Expr)):
        return None
    names = a.free_symbols | b.free_symbols
    if len(names) != 1 or not counting(next(iter(names))):
        return None
    (name,) = names
    compare = {
        "<": sp.Lt, "<=": sp.Le, ">": sp.Gt, ">=": sp.Ge, "=": sp.Eq, "!=": sp.Ne,
    }[op]  # fmt: skip
    for value in range(-1, -7, -1):
        at = {name: sp.Integer(value)}
        try:
            holds = compare(a.xreplace(at), b.xreplace(at))
        except (TypeError, ValueError):
            return name
        if holds is not sp.false:
            return name
    return None


def _assumptions(symbol) -> dict:
    return {k: v for k, v in symbol.assumptions0.items() if v is not None}


def _strengthened(symbol, more: dict):
    """A symbol of the same name with ``more`` assumptions; NotUsable when they contradict
    its declaration."""
    merged = _assumptions(symbol)
    for key, value in more.items():
        if merged.get(key) is not None and merged[key] != value:
            raise NotUsable(f"the condition contradicts the declaration of {latex(symbol)}")
        merged[key] = value
    try:
        return sp.Symbol(symbol.name, **merged)
    except ValueError as err:  # SymPy's InconsistentAssumptions
        raise NotUsable(f"the condition contradicts the declaration of {latex(symbol)}") from err


def replaced(obj, substitution: dict):
    """``obj`` (an expression, or containers and dataclasses of them) with the symbols of
    ``substitution`` replaced; new containers throughout, so that nothing is shared."""
    if not substitution:
        return obj
    if isinstance(obj, sp.Basic):
        return _free_replaced(obj, substitution)
    if isinstance(obj, list):
        return [replaced(x, substitution) for x in obj]
    if isinstance(obj, tuple):
        return tuple(replaced(x, substitution) for x in obj)
    if isinstance(obj, (set, frozenset)):
        return type(obj)(replaced(x, substitution) for x in obj)
    if isinstance(obj, dict):
        return {replaced(k, substitution): replaced(v, substitution) for k, v in obj.items()}
    if hasattr(obj, "__dataclass_fields__"):
        changes = {f.name: replaced(getattr(obj, f.name), substitution) for f in fields(obj)}
        return replace(obj, **changes)
    return obj


def _free_replaced(expr, substitution: dict):
    """``expr.xreplace(substitution)`` for the free symbols only: a sum's, product's or
    integral's own variable is left alone (giving it the condition's assumptions, k > 0 in a
    sum from -n to n, would let SymPy simplify the body wrongly)."""
    if not expr.args:
        return substitution.get(expr, expr)
    if isinstance(expr, (ExprWithLimits, sp.Lambda)):
        bound = set(expr.variables)
        if bound & set(substitution):
            substitution = {k: v for k, v in substitution.items() if k not in bound}
            if not substitution:
                return expr
    if expr in substitution:
        return substitution[expr]
    args = tuple(_free_replaced(a, substitution) for a in expr.args)
    if args == expr.args:
        return expr
    return expr.func(*args)


def facts_replaced(facts, substitution: dict):
    """The facts with the symbols of ``substitution`` replaced (:func:`replaced`), except the
    arguments of a function's definition ``f(x) = ...``: they are the definition's own
    variables (bound), not the step's x; replacing them would strengthen f's argument and let
    SymPy simplify its body with it (sqrt(x^2) to x for a positive x)."""
    out = replaced(facts, substitution)
    if not substitution:
        return out

    def own(head, value):
        if isinstance(head, AppliedUndef):
            keep = {k: v for k, v in substitution.items() if k not in head.args}
            return replaced(head, keep), replaced(value, keep)
        return replaced(head, substitution), replaced(value, substitution)

    definitions = dict(own(k, v) for k, v in facts.definitions.items())
    equations = []
    for eq in facts.equations:
        if eq.kind == "definition" and isinstance(eq.lhs, AppliedUndef):
            lhs, rhs = own(eq.lhs, eq.rhs)
            equations.append(replace(eq, lhs=lhs, rhs=rhs))
        else:
            equations.append(replaced(eq, substitution))
    return replace(out, definitions=definitions, equations=equations)


def without_margins(result: StepResult, margins) -> StepResult:
    """The result with the margins' values left out of its counterexample."""
    cex = result.counterexample
    names = {latex(m) for m, _ in margins if isinstance(m, sp.Symbol) and str(m).startswith(MARGIN)}
    if cex is None or not names:
        return result
    keep = [
        k
        for k, (name, _) in enumerate(cex.values)
        if name not in names and not name.startswith(MARGIN)
    ]
    if len(keep) == len(cex.values):
        return result
    plain = tuple(cex.plain[k] for k in keep) if len(cex.plain) == len(cex.values) else ()
    values = tuple(cex.values[k] for k in keep)
    return replace(result, counterexample=replace(cex, values=values, plain=plain))


def unusable(step: Step, why: str) -> StepResult:
    return StepResult(
        step,
        Verdict.UNKNOWN,
        reason=f"not checked under the condition {condition_latex(step)}: {why}",
    )
