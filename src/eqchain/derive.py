"""Automatic derivation: apply the rule table to a start expression until no rule applies.

Each step applies one rule everywhere it matches, and only where the rule's side conditions are
established from the declared assumptions. The result is an ordinary :class:`Derivation`: it is
checked by the same checker as a hand-written one, so nothing is trusted because it was generated.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from eqchain import rules as rule_table
from eqchain.check import conditions as cond
from eqchain.check.rewrite import apply_rule
from eqchain.errors import InputError
from eqchain.latex.printer import latex
from eqchain.model import Derivation, Place, Step, SymbolDecl
from eqchain.tree import canonical

# The order in which rules are tried: take logs apart first, then tidy sums, fold last.
ORDER = (
    "log_prod",
    "log_mul",
    "log_div",
    "log_pow",
    "sum_split",
    "sum_const_mul",
    "prod_split",
    "sum_fold",
    "prod_fold",
)
DEFAULT_FAMILIES = ("log", "sum", "prod")
MAX_STEPS = 30


@dataclass(frozen=True)
class Derived:
    """A generated derivation and, when it stopped with a rule blocked by a side condition,
    what that rule needed."""

    derivation: Derivation
    blocked: str | None


def derive(
    start: str,
    decls: tuple[SymbolDecl, ...] = (),
    families=DEFAULT_FAMILIES,
    path: str = "<derive>",
) -> Derived:
    """Derive from the LaTeX expression ``start`` with the rules of ``families``.

    ``decls`` declares symbols and their assumptions (as in a derivation file); undeclared names
    are allowed and carry no assumptions. Raises InputError for unreadable input or an unknown
    family.
    """
    from eqchain.latex.read import read_formula
    from eqchain.scope import Scope

    try:
        names = rule_table.names_in_families(list(families))
    except ValueError as err:
        raise InputError(str(err)) from None
    candidates = [n for n in ORDER if n in names]
    scope = Scope.from_decls(decls, strict=False)
    try:
        formula = read_formula(start, scope.index_names, frozenset(scope.functions))
    except InputError as err:
        raise err.located(path) from None
    if len(formula.sides) != 1 or formula.continues:
        raise InputError("derive takes an expression, not an equation", path)
    expr = scope.bind(formula.sides[0])
    current = canonical(expr)
    chain: list[tuple[str, object]] = []
    while len(chain) < MAX_STEPS:
        for name in candidates:
            out = apply_rule(name, current, only_if_holds=True)
            if out is not None:
                current = out[0]
                chain.append((name, current))
                break
        else:
            break
    blocked = _blocked(current, candidates)
    steps = []
    for i, (name, result) in enumerate(chain):
        rule = rule_table.get(name)
        steps.append(
            Step(
                claim=("" if i else latex(expr) + " ") + "= " + latex(_pretty(result, scope)),
                lhs=expr,
                rhs=_pretty(result, scope),
                by=(name,),
                notes=(("en", rule.en), ("ja", rule.ja)),
                continues=i > 0,
                place=Place(path),
            )
        )
    derivation = Derivation(
        f"Derivation of {start.strip()}", path, tuple(decls), tuple(steps), scope
    )
    return Derived(derivation, blocked)


def _blocked(expr, candidates) -> str | None:
    """The first rule that would apply but for a side condition, named with what it needs."""
    for name in candidates:
        out = apply_rule(name, expr)
        if out is None:
            continue
        for pred, e in out[1]:
            if not cond.holds(pred, e):
                mp, me = cond.missing(pred, e)
                return f"{name} needs {cond.describe(mp, me)}"
    return None


def _pretty(expr, scope):
    """Give canonical bound variables (``_i0``) the index name of the family they range over."""
    mapping = {}
    for node in sp.preorder_traversal(expr):
        if isinstance(node, (sp.Sum, sp.Product)):
            for var, _, _ in node.limits:
                if var in mapping or not str(var).startswith("_"):
                    continue
                mapping[var] = _index_name(node.function, var, scope, set(mapping.values()))
    return expr.xreplace(mapping) if mapping else expr


def _index_name(body, var, scope, taken):
    free = {str(s) for s in body.free_symbols}
    for atom in body.atoms(sp.Indexed):
        if var in atom.indices:
            fam = scope.families.get(str(atom.base.label))
            if fam is not None:
                position = atom.indices.index(var)
                if position < len(fam.indices):
                    candidate = fam.indices[position]
                    if str(candidate) not in free and candidate not in taken:
                        return candidate
    for name in "kjilmn":
        candidate = sp.Symbol(name, integer=True)
        if name not in free and candidate not in taken:
            return candidate
    return var
