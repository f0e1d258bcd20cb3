"""Issue 11 traps: false steps written with primes, evaluation bars and the differential of an
expression, each of which a misreading (or a careless reading) would verify. None may be.

Each trap is a Markdown document checked through the command line; the last row is the trap,
and its status must be ``refuted``, ``unknown`` or ``unreadable``, never ``verified``."""

from __future__ import annotations

import pytest
from helpers import check_document_rows

TRAPS = {
    # a bound variable named like the document's u would capture it: M'(0) = d/du e^{u^2} = 0
    "point_variable_capture": (r"M(t) = e^{t u}", r"M'(0) = 0"),
    # |x| has no derivative at 0, though SymPy's d/dx |x| = sign(x) is 0 there
    "abs_slope_at_zero": (r"f(x) = |x|", r"f'(0) = 0"),
    "abs_slope_at_zero_bar": (r"\left. \frac{d}{dx} |x| \right|_{x=0} = 0",),
    "cube_root_slope_at_zero": (r"h(x) = x^{1/3}", r"h'(0) = 0"),
    # an unknown function's slope at a point is no value the checker may choose
    "unknown_slope_at_a_point": (r"g'(0) = g'(1)",),
    # \left. opens the bar: x stays outside, so the left side is x (x^2 evaluated would be 1)
    "bar_scope_after_left": (r"x \left. x \right|_{x=0}^{1} = \frac{x}{x}",),
    # the bar closes the derivative operator too: d/dx x^2 at 1 is 2, d/dx (1^2) would be 0
    "bar_after_a_derivative_operator": (r"\frac{d}{dx} x^2 \Big|_{x=1} = 0",),
    # which part a bar closes is not written: x^2 alone (a + 1) or a + x^2 (1)?
    "bar_scope_unwritten": (r"a + x^2 \Big|_{x=0}^{1} = 1",),
    # the prime on an expression of two variables: by x gives 2 a x, by a gives x^2
    "prime_on_two_variables": (r"(a x^2)' = 2 a x",),
    # a function of two variables primed: no derivative of a function of one
    "prime_on_two_arguments": (r"f(x, y) = x y", r"f'(x) = y"),
    # e written as Euler's number elsewhere: e(p) is e times p, e'(p) is no derivative
    "euler_number_primed": (r"e(p) = p", r"y = e^{2}", r"e'(p) = 1"),
    # d(x^2) is 2x dx: read as dx the integral would be 1/2
    "differential_of_a_square": (r"\int_0^1 x \, \mathrm{d}(x^2) = \frac{1}{2}",),
    # x integrated over in one term is a real value in the other, never an integer index
    # (sin(pi x) = 0 for an integer x): found while reading integrals, issue 11
    "integration_variable_outside_its_integral": (
        r"\int_0^1 x \, dx + \sin(\pi x) = \frac{1}{2} + x - x",
    ),
    # -oo - mu is no number for a complex mu
    "complex_shift_of_a_limit": (
        r"\int_{-\infty-\mu}^{+\infty-\mu} e^{-z^2} \, \mathrm{d}(z + \mu) = \sqrt{\pi}",
    ),
}
ASSUME = {"complex_shift_of_a_limit": "mu complex"}


@pytest.mark.parametrize("name", sorted(TRAPS))
def test_no_trap_is_verified(tmp_path, name):
    steps = check_document_rows(tmp_path, *TRAPS[name], assume=ASSUME.get(name))
    last = steps[-1]
    assert last["status"] in ("refuted", "unknown", "unreadable"), (name, last)
