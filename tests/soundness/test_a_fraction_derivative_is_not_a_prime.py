r"""``\frac{d}{da} g(a)`` is the derivative of g(a) by a, all of it; ``g'(a)`` is g's derivative
at the point a. The two differ where g's body names a otherwise (``g(t) = a t``: 2a and a).

Found by a red-team helper: the reader built the same tree for both, and the engine read both as
the prime, so ``\frac{d}{da} g(a) = a`` after ``g(t) = a t`` was VERIFIED (the derivative of
a^2 is 2a)."""

from __future__ import annotations

import pytest
from helpers import check_document_rows

G = r"g(t) = a t"


@pytest.mark.parametrize("fraction", [r"\frac{d}{da} g(a)", r"\frac{\partial}{\partial a} g(a)",
                                      r"\frac{dg(a)}{da}"])  # fmt: skip
def test_the_fraction_is_the_whole_derivative(tmp_path, fraction):
    rows = (G, fraction + " = 2a", fraction + " = a")
    got = [s["status"] for s in check_document_rows(tmp_path, *rows)]
    assert got == ["definition", "verified", "refuted"], got


def test_the_prime_is_the_derivative_at_the_point(tmp_path):
    rows = (G, r"g'(a) = a", r"g'(a) = 2a")
    got = [s["status"] for s in check_document_rows(tmp_path, *rows)]
    assert got == ["definition", "verified", "refuted"], got


def test_a_partial_derivative_of_a_function_of_two(tmp_path):
    rows = (r"g(s, t) = e^{a s} + b t", r"\frac{\partial}{\partial a} g(2, a) = b",
            r"\frac{\partial}{\partial a} g(2, a) = 2 e^{2a} + b")  # fmt: skip
    got = [s["status"] for s in check_document_rows(tmp_path, *rows)]
    assert got == ["definition", "refuted", "verified"], got


def test_the_prime_and_the_fraction_agree_where_the_body_does_not_name_the_variable(tmp_path):
    rows = (r"f(x) = x^3", r"f'(x) = \frac{d}{dx} f(x)", r"\frac{d}{dx} f(x) = 3x^2",
            r"f'(x) = 3 x^2")  # fmt: skip
    got = [s["status"] for s in check_document_rows(tmp_path, *rows)]
    assert got == ["definition", "verified", "verified", "verified"], got


def test_a_verified_prime_is_no_fact_about_the_fraction(tmp_path):
    # a red team (s52 rt2 defect 1): g'(a) = a verified, then the rule search put it in for
    # \frac{d}{da} g(a) (the two compared equal), and \frac{d}{da} g(a) = a was VERIFIED
    rows = (G, r"g'(a) = a", r"\frac{d}{da} g(a) = a", r"2 \frac{d}{da} g(a) = 2a")
    got = [s["status"] for s in check_document_rows(tmp_path, *rows)]
    assert got == ["definition", "verified", "refuted", "refuted"], got


@pytest.mark.parametrize(
    "rows",
    [
        (r"k = a^2", r"g(t) = k t"),  # through a defined name
        (r"g(t) = a^2 t",),
        (r"q(t) = a t", r"g(t) = a q(t)"),  # through another function
    ],
)
def test_the_point_reading_follows_the_definitions_the_body_uses(tmp_path, rows):
    # rt2 defect 2: only the names written in g's own body were looked at, so g'(a) after
    # k = a^2, g(t) = k t was the derivative of a^3 by a: 3a^2 VERIFIED, the true a^2 refuted
    true = check_document_rows(tmp_path, *rows, r"g'(a) = a^2")
    false = check_document_rows(tmp_path, *rows, r"g'(a) = 3 a^2")
    assert (true[-1]["status"], false[-1]["status"]) == ("verified", "refuted"), (true, false)


@pytest.mark.parametrize(
    "body", [r"\frac{d}{dx} \left( a x^2 \right)", r"\frac{d}{dx} f(x)", r"f'(x)"]
)
def test_a_function_defined_as_a_derivative_applied_at_a_name_its_body_uses(tmp_path, body):
    # rt2 defect 3: h(a) put a in for x inside \frac{d}{dx}: the derivative of a^3 by a,
    # and h(a) = 3a^2 was VERIFIED (h(x) = 2ax)
    rows = (r"f(t) = a t^2", r"h(x) = " + body)
    true = check_document_rows(tmp_path, *rows, r"h(a) = 2 a^2")
    assert true[-1]["status"] == "verified", true[-1]
    false = check_document_rows(tmp_path, *rows, r"h(a) + 1 = 3 a^2 + 1")
    assert false[-1]["status"] == "refuted", false[-1]


def test_the_derivative_of_a_prime_at_the_variable(tmp_path):
    # rt2 defect 4: \frac{d}{da} f'(a) was merged into the second derivative of f(a) by a
    rows = (r"f(t) = a t^2",)
    true = check_document_rows(tmp_path, *rows, r"\frac{d}{da} f'(a) = 4a")
    false = check_document_rows(tmp_path, *rows, r"\frac{d}{da} f'(a) = 6a")
    assert (true[-1]["status"], false[-1]["status"]) == ("verified", "refuted"), (true, false)
    plain = check_document_rows(tmp_path, r"f(t) = t^3", r"\frac{d}{dx} f'(x) = f''(x)")
    assert plain[-1]["status"] == "verified", plain[-1]


@pytest.mark.parametrize(
    "row",
    [r"2 f'(2x) = 8x", r"\frac{d}{dx} f(2x) = 2 f'(2x)", r"1 + f'(x + 1) = 2x + 3"],
)
def test_a_prime_at_an_expression_inside_a_larger_one(tmp_path, row):
    # rt2 defect 5: the x of the point stayed the reader's x, without the document's
    # assumptions, and these true rows were refuted at "x = -1, x = 1"
    steps = check_document_rows(tmp_path, r"f(t) = t^2", row)
    assert steps[-1]["status"] == "verified", steps[-1]


@pytest.mark.parametrize("rows", [(r"h(x) = \frac{d}{dx} x^3",), (r"f(t) = t^3", r"h(x) = f'(x)")])
def test_a_function_defined_as_a_derivative_at_a_number(tmp_path, rows):
    # rt2 defect 7: unknown, "a definition would replace the variable of a derivative"
    true = check_document_rows(tmp_path, *rows, r"h(2) = 12")
    false = check_document_rows(tmp_path, *rows, r"h(2) = 13")
    assert (true[-1]["status"], false[-1]["status"]) == ("verified", "refuted"), (true, false)


def test_a_prime_on_a_subscripted_function_is_printed_at_its_point(tmp_path):
    # rt3: M'_X(t) was printed \frac{\partial M_X(t)}{\partial t}, false where M_X's body
    # names t otherwise (a verified row published as a false equation)
    steps = check_document_rows(tmp_path, r"M_X(s) = e^{s t}", r"M'_X(t) = t e^{t^2}")
    assert steps[-1]["status"] == "verified", steps[-1]
    assert steps[-1]["lhs"].startswith(r"\left."), steps[-1]["lhs"]
