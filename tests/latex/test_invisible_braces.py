"""Braces only group for TeX: ``{a+b}c`` is typeset a+bc, so a reader sees a + b c while the
group would make it (a + b) c. A braced sum or difference that something binds to more tightly
than its own + or - (a factor beside it, a script, a factorial, a minus before it) is
unreadable, with the column of its brace, never read as a bracket the reader cannot see; a
braced group that changes nothing (a sum standing alone, a group without + or -) is read."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.errors import LatexError


def read(text):
    from eqchain.latex.memo import read_cached

    return read_cached(text, functions=frozenset(), use_disk=False)


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("y = {a+b}c", 5),
        ("y = c{a+b}", 6),
        ("y = {a-b}^{2}", 5),
        ("y = {n-1}!", 5),
        ("y = c - {a+b}", 9),
        ("y = 2{a-b}", 6),
        ("y = {a+b} \\cdot c", 5),
        ("y = p^{k} {1-p}^{n-k}", 11),
    ],
)
def test_a_braced_sum_bound_to_something_beside_it_is_unreadable(text, column):
    with pytest.raises(LatexError, match="braces") as info:
        read(text)
    assert info.value.column == column


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("y = {a+b}", "a + b"),
        ("y = c + {a+b}", "a + b + c"),
        ("y = {a+b} - c", "a + b - c"),
        ("y = {ab}c", "a*b*c"),
        ("y = {(a+b)}^{2}", "(a + b)**2"),
        ("y = {-a}b", "-a*b"),
        ("y = \\sum_{i=1}^{n} {a_i + b_i}", None),
    ],
)
def test_a_group_that_changes_nothing_is_read(text, value):
    reading = read(text)
    if value is not None:
        rhs = reading.sides[-1]
        names = {str(s): s for s in rhs.free_symbols}
        assert sp.expand(rhs - sp.sympify(value, locals=names)) == 0
