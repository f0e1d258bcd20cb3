"""The [maximize] table: what it reads, and the errors it gives."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.errors import InputError
from eqchain.model import SymbolDecl
from eqchain.optimize import Family
from eqchain.optimize.from_toml import problem_from_toml
from eqchain.scope import Scope

DICE = {
    "objective": r"\sum_{k=1}^{K} t_{k} \log y_{k}",
    "variables": ["y_k"],
    "constraints": [r"\sum_{k=1}^{K} y_{k} = 1"],
    "data": {"t": [2, 5, 2, 4, 2, 5]},
}


def _scope(t_assume=("positive", "integer")):
    return Scope.from_decls(
        (
            SymbolDecl("K", ("positive", "integer")),
            SymbolDecl("y", ("positive",), ("k",), (("1", "K"),)),
            SymbolDecl("t", t_assume, ("k",), (("1", "K"),)),
            SymbolDecl("x", ("real",)),
            SymbolDecl("z", ("real",)),
        )
    )


def test_dice_table_gives_a_family_problem():
    p = problem_from_toml(dict(DICE), _scope())
    assert isinstance(p.variables, Family)
    assert str(p.variables.upper) == "K" and p.maximize
    assert [v for _, v in p.data][0] == (2, 5, 2, 4, 2, 5)


def test_dice_table_constraint_is_an_equation():
    (c,) = problem_from_toml(dict(DICE), _scope()).constraints
    assert isinstance(c.lhs, sp.Sum) and c.rhs == 1


def test_plain_variables_and_minimize():
    table = {
        "objective": "x^2 + z^2",
        "variables": ["x", "z"],
        "constraints": ["x + z = 1"],
        "sense": "minimize",
    }
    p = problem_from_toml(table, _scope())
    assert [str(v) for v in p.variables] == ["x", "z"] and not p.maximize


def test_undeclared_multiplier_gets_no_assumptions():
    scope = _scope()
    p = problem_from_toml(dict(DICE), scope)
    assert p.multipliers == (sp.Symbol("lambda"),)
    assert scope.symbols["lambda"].is_real is None


def test_unknown_key_is_an_error():
    with pytest.raises(InputError, match="unknown key 'objectve'"):
        problem_from_toml({**DICE, "objectve": "x"}, _scope())


def test_missing_objective_is_an_error():
    table = {k: v for k, v in DICE.items() if k != "objective"}
    with pytest.raises(InputError, match="objective"):
        problem_from_toml(table, _scope())


def test_constraint_without_equals_is_an_error():
    with pytest.raises(InputError, match="equation"):
        problem_from_toml({**DICE, "constraints": [r"\sum_{k=1}^{K} y_{k}"]}, _scope())


def test_text_in_data_is_an_error():
    with pytest.raises(InputError, match="must be a number"):
        problem_from_toml({**DICE, "data": {"t": [2, "five"]}}, _scope())


def test_fraction_text_in_data_is_read_exactly():
    p = problem_from_toml({**DICE, "data": {"t": ["1/2", 3]}}, _scope(("positive",)))
    assert p.data[0][1] == (sp.Rational(1, 2), 3)


def test_negative_count_contradicting_declaration_is_an_error():
    with pytest.raises(InputError, match="contradicts"):
        problem_from_toml({**DICE, "data": {"t": [2, -1]}}, _scope(("nonnegative",)))


def test_data_for_undeclared_name_is_an_error():
    with pytest.raises(InputError, match="not declared"):
        problem_from_toml({**DICE, "data": {"s": [1]}}, _scope())


def test_undeclared_symbol_in_objective_is_an_error():
    with pytest.raises(InputError, match="undefined symbol"):
        problem_from_toml({**DICE, "objective": r"\sum_{k=1}^{K} w \log y_{k}"}, _scope())


def test_unreadable_latex_is_an_error():
    with pytest.raises(InputError, match="cannot read the objective"):
        problem_from_toml({**DICE, "objective": r"\sum_{k=1}^{K} \foo y_{k}"}, _scope())


def test_bad_sense_is_an_error():
    with pytest.raises(InputError, match="sense"):
        problem_from_toml({**DICE, "sense": "maximum"}, _scope())
