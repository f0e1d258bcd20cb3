r"""Reading a ``[maximize]`` table of a derivation file into a :class:`Problem`.

Syntax (every string is LaTeX, read with the eqchain reader and bound with the file's scope;
nothing is evaluated)::

    [maximize]                      # the table the loader hands over
    sense = "maximize"              # or "minimize" (default "maximize")
    objective = '\sum_{k=1}^{K} t_{k} \log y_{k}'
    variables = ["y_k"]             # one family member with its index (the family's declared
                                    # range is used), or plain symbols: ["x", "y"]
    constraints = ['\sum_{k=1}^{K} y_{k} = 1']     # equations; may be empty
    data = { t = [2, 5, 2, 4, 2, 5] }   # optional: numbers for families or symbols; a
                                        # family's list fixes its symbolic upper bound (K = 6)
    multipliers = ["lambda"]        # optional; default lambda, or lambda_1 .. lambda_m
    title = "..."                   # optional

Every problem raises :class:`~eqchain.errors.InputError` with a message naming the key.
"""

from __future__ import annotations

import re
from fractions import Fraction

import sympy as sp

from eqchain.errors import InputError, LatexError
from eqchain.optimize.problem import Constraint, Family, Problem

KEYS = {"sense", "objective", "variables", "constraints", "data", "multipliers", "title"}
_NUMBER_TEXT = re.compile(r"\s*-?\d+(\s*/\s*\d+)?\s*")


def problem_from_toml(table: dict, scope) -> Problem:
    """Build the problem a ``[maximize]`` table states, over the file's ``scope``.

    Raises InputError for an unknown key, a missing objective or variable, LaTeX that cannot be
    read, an undeclared name, a constraint that is not an equation, non-numeric data, or data
    contradicting the declared assumptions. A multiplier name not declared under [symbols] is
    added to the scope as a symbol with no assumptions.
    """
    if not isinstance(table, dict):
        raise InputError("[maximize] must be a table")
    for key in table:
        if key not in KEYS:
            raise InputError(
                f"unknown key '{key}' in [maximize] (known: {', '.join(sorted(KEYS))})"
            )
    sense = table.get("sense", "maximize")
    if sense not in ("maximize", "minimize"):
        raise InputError(f'[maximize] sense must be "maximize" or "minimize", not {sense!r}')
    objective = _expression(_text(table, "objective"), scope, "objective")
    variables = _variables(table.get("variables"), scope)
    constraints = tuple(_constraint(c, scope, i) for i, c in enumerate(_list(table, "constraints")))
    data = _data(table.get("data", {}), scope)
    multipliers = _multipliers(table.get("multipliers"), len(constraints), scope)
    title = table.get("title", "")
    if not isinstance(title, str):
        raise InputError("[maximize] title must be text")
    return Problem(objective, variables, constraints, sense, data, multipliers, title)


def _text(table: dict, key: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"[maximize] needs '{key}' as LaTeX text")
    return value


def _list(table: dict, key: str) -> list:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise InputError(f"[maximize] '{key}' must be a list of LaTeX texts")
    return value


def _read(text: str, scope, what: str):
    from eqchain.latex.memo import read_cached

    try:
        formula = read_cached(text, scope.index_names, frozenset(scope.functions))
        return tuple(scope.bind(side) for side in formula.sides)
    except LatexError as err:
        raise InputError(f"cannot read the {what}: {err.message}") from None
    except InputError as err:
        raise InputError(f"{what}: {err.message}") from None


def _expression(text: str, scope, what: str):
    sides = _read(text, scope, what)
    if len(sides) != 1:
        raise InputError(f"the {what} must be an expression, not an equation")
    return sides[0]


def _constraint(text, scope, i: int) -> Constraint:
    if not isinstance(text, str):
        raise InputError(f"constraint {i + 1} must be LaTeX text")
    sides = _read(text, scope, f"constraint {i + 1}")
    if len(sides) != 2:
        raise InputError(f"constraint {i + 1} must be one equation 'lhs = rhs'")
    return Constraint(sides[0], sides[1])


def _variables(raw, scope):
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not raw or not all(isinstance(v, str) for v in raw):
        raise InputError('[maximize] needs \'variables\': a list such as ["y_k"] or ["x", "y"]')
    bound = [_expression(v, scope, f"variable '{v}'") for v in raw]
    families = [b for b in bound if isinstance(b, sp.Indexed) and not b.indices[0].is_Integer]
    if families:
        if len(bound) != 1 or len(families[0].indices) != 1:
            raise InputError("a family of variables is given alone, with one index (e.g. y_k)")
        member = families[0]
        fam = scope.families[str(member.base.label)]
        if not fam.ranges:
            raise InputError(f"the family {member.base.label} has no declared range")
        lo, hi = fam.ranges[0]
        return Family(member.base, fam.indices[0], lo, hi)
    for b in bound:
        if not isinstance(b, (sp.Symbol, sp.Indexed)):
            raise InputError(f"variable {b} is not a symbol")
    return tuple(bound)


def _number(value, what: str):
    if isinstance(value, bool):
        raise InputError(f"{what} must be a number, not {value!r}")
    if isinstance(value, int):
        return sp.Integer(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise InputError(f"{what} must be finite, not {value!r}")
        f = Fraction(repr(value))
        return sp.Rational(f.numerator, f.denominator)
    if isinstance(value, str) and _NUMBER_TEXT.fullmatch(value):
        try:
            f = Fraction(value.replace(" ", ""))
        except ZeroDivisionError:
            raise InputError(f"{what}: division by zero in {value!r}") from None
        return sp.Rational(f.numerator, f.denominator)
    raise InputError(f'{what} must be a number (integer, decimal or "p/q"), not {value!r}')


def _data(raw, scope) -> tuple:
    if not isinstance(raw, dict):
        raise InputError("[maximize] 'data' must be a table, e.g. data = { t = [2, 5] }")
    out = []
    for name, value in raw.items():
        if name in scope.families:
            if not isinstance(value, list) or not value:
                raise InputError(f"data for the family {name} must be a non-empty list")
            numbers = tuple(_number(v, f"{name}_{j + 1}") for j, v in enumerate(value))
            out.append((scope.families[name].base, numbers))
        elif name in scope.symbols:
            if isinstance(value, list):
                raise InputError(f"data for the symbol {name} must be one number")
            out.append((scope.symbols[name], _number(value, name)))
        else:
            raise InputError(f"data binds '{name}', which is not declared under [symbols]")
    return tuple(out)


def _multipliers(raw, m: int, scope) -> tuple:
    if raw is None:
        names = ["lambda"] if m == 1 else [f"lambda_{i}" for i in range(1, m + 1)]
    else:
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list) or not all(
            isinstance(n, str) and re.fullmatch(r"\\?[A-Za-z]+(_\d+)?", n) for n in raw
        ):
            raise InputError("'multipliers' must be a list of names such as [\"lambda\"]")
        names = [n.lstrip("\\") for n in raw]
        if len(names) != m:
            raise InputError(f"{m} constraint(s) but {len(names)} multiplier(s)")
    out = []
    for name in names:
        if name not in scope.symbols:
            scope.symbols[name] = sp.Symbol(name)
        out.append(scope.symbols[name])
    return tuple(out)
