"""Turning a solved problem into an ordinary eqchain :class:`~eqchain.model.Derivation`.

The claims (see :mod:`.claims`) are read by the eqchain LaTeX reader and bound with a
:class:`~eqchain.scope.Scope`, exactly as the TOML loader reads a derivation file, so a
generated step is whatever its text says: the checker decides it like any other.
"""

from __future__ import annotations

import sympy as sp

from eqchain.errors import InputError, LatexError
from eqchain.model import Derivation, Place, Step, StepKind, SymbolDecl
from eqchain.optimize.claims import Claim
from eqchain.optimize.common import declared
from eqchain.optimize.from_toml import problem_from_toml
from eqchain.optimize.problem import Family, Problem
from eqchain.optimize.solution import Solution
from eqchain.optimize.write import Writer

PATH = "<optimize>"


def bind_claims(claims: list[Claim], scope, path: str = PATH) -> tuple[Step, ...]:
    """Steps for ``claims``, read and bound like a derivation file's ``[[steps]]``.

    Raises InputError (naming the claim) when a text cannot be read or uses an undeclared name.
    """
    from eqchain.latex.memo import read_cached
    from eqchain.load.links import links

    steps: list[Step] = []
    for claim in claims:
        define = claim.kind is StepKind.DEFINITION
        try:
            formula = read_cached(claim.text, scope.index_names, frozenset(scope.functions))
            sides = [scope.bind(s, define=define and i == 0) for i, s in enumerate(formula.sides)]
        except (LatexError, InputError) as err:
            raise InputError(f"generated claim {claim.text!r}: {err.message}", path) from None
        notes = tuple(
            sorted((lang, text) for lang, text in (("en", claim.en), ("ja", claim.ja)) if text)
        )
        common = dict(
            kind=claim.kind, by=claim.by, where=claim.where, place=Place(path), role=claim.role
        )
        if formula.continues and not steps:
            raise InputError(f"generated claim {claim.text!r} continues nothing", path)
        for j, link in enumerate(links(formula, sides)):
            steps.append(
                Step(
                    claim=claim.text,
                    lhs=link.lhs,
                    rhs=link.rhs,
                    label=claim.label if j == 0 else None,
                    notes=notes if j == 0 else (),
                    continues=link.continues,
                    relation=link.relation,
                    follows=link.follows,
                    **common,
                )
            )
    return tuple(steps)


def to_derivation(
    solution: Solution | Problem, timeout: float = 10.0, title: str | None = None
) -> Derivation:
    """A derivation (declarations, scope and steps) for a solved problem.

    The general derivation is written from the problem without data; when the problem has data
    the instance follows (the total, the values, the bordered-Hessian minors). Unless ``title``
    is given, the title says what the second-order certificate proved ("Strict local maximum
    by Lagrange multipliers"; a problem's own title is followed by it). Raises InputError for a
    problem shape the writer does not cover.
    """
    problem = solution.problem if isinstance(solution, Solution) else solution
    from eqchain.scope import Scope

    decls = symbol_decls(problem)
    scope = Scope.from_decls(decls, strict=True)
    writer = Writer(problem, timeout)
    steps = bind_claims(writer.claims(), scope)
    if title is None:
        title = (
            f"{problem.title}: {writer.verdict.lower()}"
            if problem.title
            else f"{writer.verdict} by Lagrange multipliers"
        )
    return Derivation(title, PATH, decls, steps, scope)


def steps_from_toml(table: dict, scope, path: str) -> tuple[Step, ...]:
    """The steps a ``[maximize]`` table of a derivation file stands for (called by the loader).

    Raises InputError for invalid input (see :func:`problem_from_toml`) or a problem the
    writer does not cover.
    """
    return solved_from_toml(table, scope, path)[0]


def solved_from_toml(table: dict, scope, path: str) -> tuple[tuple[Step, ...], str]:
    """The steps of a ``[maximize]`` table and what the second-order test proved (the start of
    a title: "Strict local maximum", "Global minimum", "Saddle point", ...)."""
    problem = problem_from_toml(table, scope)
    writer = Writer(problem)
    return bind_claims(writer.claims(), scope, path), writer.verdict


# -- declarations for problems built in Python ---------------------------------------------------

_SIGNS = ("positive", "negative", "nonnegative", "nonpositive", "nonzero")


def _assumptions(obj) -> tuple[str, ...]:
    have = declared(obj)
    out = [next((s for s in _SIGNS if have.get(s)), None)]
    if have.get("integer"):
        out.append("integer")
    elif have.get("real") and out[0] in (None, "nonzero"):
        out.append("real")
    return tuple(a for a in out if a)


def symbol_decls(problem: Problem) -> tuple[SymbolDecl, ...]:
    """Declarations for every name of ``problem``, with the assumptions its SymPy objects carry
    (nothing more). Families take the index and range of the sum they appear in."""
    exprs = [problem.objective] + [e for c in problem.constraints for e in (c.lhs, c.rhs)]
    families: dict[str, tuple[str, tuple[str, str], sp.IndexedBase]] = {}
    bound: set = set()
    range_symbols: set = set()
    if problem.is_family:
        fam: Family = problem.variables
        families[str(fam.base.label)] = (str(fam.index), _range(fam.lower, fam.upper), fam.base)
        range_symbols |= fam.upper.free_symbols
    for e in exprs:
        for s in e.atoms(sp.Sum, sp.Product):
            for var, lo, hi in s.limits:
                bound.add(var)
                range_symbols |= lo.free_symbols | hi.free_symbols
                for ix in s.function.atoms(sp.Indexed):
                    if ix.indices == (var,):
                        families.setdefault(str(ix.base.label), (str(var), _range(lo, hi), ix.base))
    for base, _ in problem.family_data().items():
        if str(base.label) not in families:
            raise InputError(f"data for {base.label}, which no sum over an index uses")
    decls: list[SymbolDecl] = []
    names: set[str] = set()
    index_names = {idx for idx, _, _ in families.values()}
    symbols = set(range_symbols)
    labels = {ix.base.label for e in exprs for ix in e.atoms(sp.Indexed)}
    for e in exprs:
        symbols |= {s for s in e.free_symbols if isinstance(s, sp.Symbol) and s not in labels}
    if not problem.is_family:
        symbols |= {v for v in problem.variables if isinstance(v, sp.Symbol)}
    symbols |= set(problem.multipliers)
    symbols |= {k for k in problem.scalar_data()}
    for s in sorted(symbols, key=str):
        if s in bound or str(s) in index_names or str(s) in names:
            continue
        names.add(str(s))
        decls.append(SymbolDecl(str(s), _assumptions(s)))
    for name, (index, rng, base) in sorted(families.items()):
        decls.append(SymbolDecl(name, _assumptions(base), (index,), (rng,)))
    return tuple(decls)


def _range(lo, hi) -> tuple[str, str]:
    from eqchain.latex.printer import latex

    return (latex(lo), latex(hi))
