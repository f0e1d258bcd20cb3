r"""Derivatives of a function defined with the variable in its body (``g(t) = e^{at}``,
``g(t) = \frac{1}{1 + e^{-a - bt}}``), at numbers and at a sample's members.

- At arguments free of the variable, ``\frac{\partial}{\partial a} g(2) = 0`` was verified: the
  rule search carried out the derivative with g(2) a symbol free of a. The algebra puts the
  definition in: refuted.
- At a sample's member, ``\frac{\partial}{\partial w} g(z_i)``: z_i may depend on w in ways
  eqchain does not see (``where $z_i = w x_i$.`` after the last display, ``z = w x`` without the
  index, an unreadable row ``\partial \hat{y}_i / \partial w = x_i``), so it keeps varying with w
  (check/varying.py), and a row that drops the chain term is never verified. Holding it fixed
  (stop 51, for ``\log h_\theta(x^{(i)})`` by \theta_0) verified those rows (red team s51-3);
  it was taken back.
"""

from __future__ import annotations

import pytest
from helpers import document_steps

G = r"""# G

$$g(t) = BODY$$

$$ROW$$
"""


def status(tmp_path, body: str, row: str, after: str = "") -> str:
    text = G.replace("BODY", body).replace("ROW", row) + after
    steps = document_steps(tmp_path, text)
    return [s["status"] for s in steps if s["line"] == 5][0]


@pytest.mark.parametrize(
    ("body", "row"),
    [
        (r"e^{a t}", r"\frac{\partial}{\partial a} g(2) = 0"),
        (r"e^{a t}", r"\frac{\partial}{\partial a} (a g(2)) = g(2)"),
    ],
)
def test_a_defined_function_s_derivative_is_not_taken_as_zero(tmp_path, body, row):
    assert status(tmp_path, body, row) == "refuted"


def test_at_a_sample_s_member_zero_is_not_verified(tmp_path):
    row = r"\frac{\partial}{\partial a} g(x_i) = 0"
    assert status(tmp_path, r"\frac{1}{1+e^{-a-bt}}", row) != "verified"


def test_the_derivative_at_a_number_is_verified(tmp_path):
    assert status(tmp_path, r"e^{a t}", r"\frac{d}{da} g(2) = 2 g(2)") == "verified"


@pytest.mark.parametrize(
    "after",
    [
        "\nwhere $z_i = w x_i$.\n",
        "\n$$z = w x$$\n",
        "\nNote that\n\n$$\\partial z_i / \\partial w = x_i$$\n",
    ],
)
def test_a_dropped_chain_term_is_never_verified(tmp_path, after):
    row = r"\frac{\partial}{\partial w} g(z_i) = z_i g(z_i)"
    assert status(tmp_path, r"e^{w t}", row, after) != "verified"


def test_a_family_a_row_defines_still_varies(tmp_path):
    # \hat{y}_i = w x_i written after the derivative: the chain-rule term must not be dropped
    text = (
        "# Ridge\n\n$$L(u) = (y - u)^2 + \\lambda w^2$$\n\n"
        "$$\\frac{\\partial}{\\partial w} L(\\hat{y}_i) = 2\\lambda w$$\n\nwhere\n\n"
        "$$\\hat{y}_i = w x_i$$\n"
    )
    steps = document_steps(tmp_path, text)
    assert [s["status"] for s in steps if s["line"] == 5] != ["verified"], steps


def test_a_refutation_names_the_definition_it_put_in(tmp_path):
    # a name reused: f the sigmoid, then y = f(u) = 1/u (a Japanese sigmoid post); the
    # counterexample's left side is the sigmoid's value, and the reason says so
    text = "$$f(x)=\\frac{1}{1+e^{-x}}$$\n\nと置くと、\n\n$$y=f(u)=\\frac{1}{u}$$\n"
    steps = document_steps(tmp_path, text)
    refuted = [s for s in steps if s["status"] == "refuted"]
    assert refuted and "as defined at line 1" in refuted[0]["reason"], steps
