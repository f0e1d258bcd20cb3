"""What an equality-constrained optimisation problem is: objective, variables, constraints, data.

A problem is stated over SymPy objects that already carry the declared assumptions (see
:mod:`eqchain.scope`). Variables are either plain symbols (``mu``, ``x, y``) or one indexed
family ``y_k``, k = lower..upper, where ``upper`` is a concrete integer or a symbol such as ``K``.
Data bind concrete numbers to symbols (``K = 6``) or to families (``t = (2, 5, 2, 4, 2, 5)``);
a problem with data is solved for those numbers, one without for general values.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Any

import sympy as sp

from eqchain.errors import InputError

SENSES = ("maximize", "minimize")


@dataclass(frozen=True)
class Family:
    """Indexed variables ``base[index]`` for ``index = lower..upper`` (bounds inclusive).

    ``lower`` must be a concrete integer; ``upper`` a concrete integer or an integer symbol.
    Raises InputError otherwise.
    """

    base: sp.IndexedBase
    index: sp.Symbol
    lower: Any = sp.Integer(1)
    upper: Any = sp.Symbol("K", integer=True, positive=True)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lower", sp.sympify(self.lower, strict=True))
        object.__setattr__(self, "upper", sp.sympify(self.upper, strict=True))
        if not self.lower.is_Integer:
            raise InputError(f"the lower bound of {self.base.label} must be a concrete integer")
        if not (self.upper.is_Integer or (self.upper.is_Symbol and self.upper.is_integer)):
            raise InputError(
                f"the upper bound of {self.base.label} must be an integer or an "
                "integer symbol (declare it 'integer')"
            )
        if self.is_concrete and self.upper < self.lower:
            raise InputError(f"{self.base.label} has no members ({self.lower}..{self.upper})")

    @property
    def is_concrete(self) -> bool:
        return bool(self.upper.is_Integer)

    @property
    def size(self):
        return self.upper - self.lower + 1

    @property
    def generic(self) -> sp.Indexed:
        """The member ``y[k]`` with the family's own index symbol."""
        return self.base[self.index]

    def members(self) -> tuple[sp.Indexed, ...]:
        """``(y[1], ..., y[K])``; raises InputError when the upper bound is not concrete."""
        if not self.is_concrete:
            raise InputError(f"{self.base.label} has a symbolic number of members")
        return tuple(self.base[i] for i in range(int(self.lower), int(self.upper) + 1))

    def indices(self) -> range:
        if not self.is_concrete:
            raise InputError(f"{self.base.label} has a symbolic number of members")
        return range(int(self.lower), int(self.upper) + 1)


@dataclass(frozen=True)
class Constraint:
    """The equation ``lhs = rhs``."""

    lhs: Any
    rhs: Any = sp.Integer(0)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lhs", _expr(self.lhs, "a constraint"))
        object.__setattr__(self, "rhs", _expr(self.rhs, "a constraint"))

    @property
    def residual(self):
        return self.lhs - self.rhs


@dataclass(frozen=True)
class Problem:
    """Optimise ``objective`` over ``variables`` subject to equality ``constraints``.

    ``data`` pairs a Symbol with a number, or an IndexedBase with a tuple of numbers for its
    indices lower, lower + 1, ... (the lower bound is the variable family's). ``multipliers``
    names the Lagrange multipliers; by default ``lambda`` for one constraint and
    ``lambda_1..lambda_m`` for several. Raises InputError for an unknown sense, an empty
    variable list, non-numeric data or data contradicting the declared assumptions of the
    symbol they bind.
    """

    objective: Any
    variables: tuple | Family
    constraints: tuple[Constraint, ...] = ()
    sense: str = "maximize"
    data: tuple[tuple[Any, Any], ...] = ()
    multipliers: tuple[sp.Symbol, ...] = field(default=())
    title: str = ""

    def __post_init__(self) -> None:
        if self.sense not in SENSES:
            raise InputError(f"sense must be 'maximize' or 'minimize', not {self.sense!r}")
        if not isinstance(self.variables, Family):
            variables = tuple(self.variables)
            if not variables:
                raise InputError("a problem needs at least one variable")
            for v in variables:
                if not isinstance(v, (sp.Symbol, sp.Indexed)):
                    raise InputError(f"variable {v} is not a symbol")
            object.__setattr__(self, "variables", variables)
        object.__setattr__(self, "objective", _expr(self.objective, "the objective"))
        constraints = tuple(
            c if isinstance(c, Constraint) else _as_constraint(c) for c in self.constraints
        )
        object.__setattr__(self, "constraints", constraints)
        object.__setattr__(self, "data", tuple((k, _check_data(k, v)) for k, v in self.data))
        if not self.multipliers:
            m = len(constraints)
            names = ["lambda"] if m == 1 else [f"lambda_{i}" for i in range(1, m + 1)]
            object.__setattr__(self, "multipliers", tuple(sp.Symbol(n, real=True) for n in names))
        elif len(self.multipliers) != len(constraints):
            raise InputError(
                f"{len(constraints)} constraint(s) but {len(self.multipliers)} multiplier(s)"
            )

    @property
    def is_family(self) -> bool:
        return isinstance(self.variables, Family)

    @property
    def maximize(self) -> bool:
        return self.sense == "maximize"

    def scalar_data(self) -> dict:
        return {k: v for k, v in self.data if not isinstance(k, sp.IndexedBase)}

    def family_data(self) -> dict:
        return {k: v for k, v in self.data if isinstance(k, sp.IndexedBase)}

    def general(self) -> Problem:
        """The same problem without data (solved for general values)."""
        return replace(self, data=())

    def data_mapping(self, lower: int = 1) -> dict:
        """``{K: 6, t[1]: 2, t[2]: 5, ...}``: every datum as a substitution."""
        out: dict = dict(self.scalar_data())
        if self.is_family and self.variables.lower.is_Integer:
            lower = int(self.variables.lower)
        for base, values in self.family_data().items():
            for j, v in enumerate(values):
                out[base[lower + j]] = v
        return out


def _expr(value, what: str):
    """A SymPy expression from a SymPy object or a Python number; never parses text."""
    if isinstance(value, sp.Basic):
        return value
    if isinstance(value, (int, Fraction)) and not isinstance(value, bool):
        return number(value, what)
    raise InputError(f"{what} must be a SymPy expression, not {type(value).__name__}")


def _as_constraint(c) -> Constraint:
    if isinstance(c, sp.Equality):
        return Constraint(c.lhs, c.rhs)
    if isinstance(c, tuple) and len(c) == 2:
        return Constraint(c[0], c[1])
    if isinstance(c, sp.Basic):
        return Constraint(c, sp.Integer(0))
    raise InputError(f"cannot read constraint {c!r}: give an Equality, (lhs, rhs) or lhs")


def number(value, what: str) -> sp.Rational:
    """An exact SymPy number for an int, Fraction, finite float (as written in decimal) or a
    SymPy rational. Raises InputError for anything else (text, booleans, None, inf, nan)."""
    if isinstance(value, bool) or value is None:
        raise InputError(f"{what} must be a number, not {value!r}")
    if isinstance(value, int):
        return sp.Integer(value)
    if isinstance(value, Fraction):
        return sp.Rational(value.numerator, value.denominator)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise InputError(f"{what} must be finite, not {value!r}")
        f = Fraction(repr(value))
        return sp.Rational(f.numerator, f.denominator)
    if isinstance(value, sp.Basic) and value.is_Rational:
        return value
    raise InputError(f"{what} must be a number, not {value!r}")


def _check_data(key, value):
    if isinstance(key, sp.IndexedBase):
        if not isinstance(value, (list, tuple)):
            raise InputError(f"data for the family {key.label} must be a list of numbers")
        if not value:
            raise InputError(f"data for the family {key.label} is empty")
        values = tuple(number(v, f"{key.label}_{j + 1}") for j, v in enumerate(value))
        for j, v in enumerate(values):
            _check_against(key.label, f"{key.label}_{j + 1}", v)
        return values
    if not isinstance(key, sp.Symbol):
        raise InputError(f"data can bind a symbol or a family, not {key!r}")
    v = number(value, str(key))
    _check_against(key, str(key), v)
    return v


_CHECKS = (
    ("positive", lambda v: v > 0, "> 0"),
    ("nonnegative", lambda v: v >= 0, ">= 0"),
    ("negative", lambda v: v < 0, "< 0"),
    ("nonpositive", lambda v: v <= 0, "<= 0"),
    ("nonzero", lambda v: v != 0, "!= 0"),
    ("integer", lambda v: v.is_Integer, "an integer"),
)


def _check_against(symbol: sp.Symbol, name: str, value) -> None:
    """Raise InputError when ``value`` contradicts an assumption declared on ``symbol``."""
    for assumption, ok, text in _CHECKS:
        if getattr(symbol, f"is_{assumption}") and not ok(value):
            raise InputError(
                f"{name} = {value} contradicts the declaration: "
                f"{symbol} is {assumption} ({name} must be {text})"
            )
