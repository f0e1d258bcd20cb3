"""Sizing commands typeset nothing of their own: a size around a whole formula
(``\\Large{a + a = 2a}``) and ``\\big(`` after an upright name (``\\mathrm{KL} \\big( q || p
\\big)``) read as the formula without them (a helper's collected posts: "'=' inside brackets",
"prose in the middle of a formula")."""

from __future__ import annotations

import pytest

from eqchain.latex.read import read_formula


@pytest.mark.parametrize("size", ["Large", "large", "huge", "small"])
def test_a_size_around_a_whole_formula(size):
    formula = read_formula(rf"\{size}{{a + a = 2 a}}")
    assert [str(s) for s in formula.sides] == ["a + a", "2*a"]


@pytest.mark.parametrize("big", [r"\big", r"\Big", r"\bigl", r"\Bigl"])
def test_a_sized_bracket_after_an_upright_name(big):
    close = big.replace("l", "r") if big.endswith("l") else big
    functions = frozenset({"p", "q"})
    formula = read_formula(rf"B = \mathrm{{KL}} {big}( q(z) || p(z) {close})", functions=functions)
    plain = read_formula(r"B = \mathrm{KL}(q(z) || p(z))", functions=functions)
    assert formula.sides[1] == plain.sides[1]


def test_a_size_before_prose_is_still_prose():
    from eqchain.errors import LatexError

    with pytest.raises(LatexError):
        read_formula(r"\Large{\text{so that}} a = b")
