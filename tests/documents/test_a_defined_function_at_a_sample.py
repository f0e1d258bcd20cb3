r"""A function defined with the variable in its body, differentiated at a sample's member:
``g(t) = \frac{1}{1 + e^{-a - bt}}``, then ``\frac{\partial}{\partial a} g(x_i)`` or
``\frac{\partial}{\partial \theta_0} \log h_\theta(x^{(i)})`` (logistic regression as ML courses
write it). The definition says how g depends on a; x_i is held fixed, as a partial derivative
holds every name it does not differentiate on its own. It was read as varying with a (the rule
for ``\frac{\partial \phi(z^{(i)})}{\partial w_j}``, where \phi's body does not mention w_j and
z^{(i)} is what varies), and the valid derivatives stayed unknown ("x stands on one side only"),
the wrong ones unrefuted."""

from __future__ import annotations

import pytest
from helpers import document_steps

MODEL = r"""# Logistic regression

$$h_\theta(x) = \frac{1}{1 + e^{-\theta_0 - \theta_1 x}}$$

$$ROW$$
"""


def status(tmp_path, row: str, model: str = MODEL) -> str:
    steps = document_steps(tmp_path, model.replace("ROW", row))
    return [s["status"] for s in steps if s["line"] == 5][0]


@pytest.mark.parametrize(
    "row",
    [
        r"\frac{\partial}{\partial \theta_0} h_\theta(x^{(i)}) = h_\theta(x^{(i)})"
        r" (1 - h_\theta(x^{(i)}))",
        r"\frac{\partial}{\partial \theta_0} \log h_\theta(x^{(i)}) = 1 - h_\theta(x^{(i)})",
        r"\frac{\partial}{\partial \theta_1} \log (1 - h_\theta(x^{(i)})) = - h_\theta(x^{(i)})"
        r" x^{(i)}",
    ],
)
def test_the_derivative_at_a_sample_is_verified(tmp_path, row):
    assert status(tmp_path, row) == "verified"


@pytest.mark.parametrize(
    "row",
    [
        r"\frac{\partial}{\partial \theta_0} \log h_\theta(x^{(i)}) = h_\theta(x^{(i)})",
        # the chain rule's inner factor x^{(i)} dropped
        r"\frac{\partial}{\partial \theta_1} \log (1 - h_\theta(x^{(i)})) = - h_\theta(x^{(i)})",
    ],
)
def test_a_wrong_derivative_at_a_sample_is_refuted(tmp_path, row):
    assert status(tmp_path, row) == "refuted"


def test_a_function_defined_without_the_variable_keeps_its_argument_varying(tmp_path):
    # \phi's body does not mention w: \phi(z_i) depends on w only through z_i, which varies
    model = MODEL.replace(
        r"h_\theta(x) = \frac{1}{1 + e^{-\theta_0 - \theta_1 x}}", r"\phi(z) = \frac{1}{1 + e^{-z}}"
    )
    assert status(tmp_path, r"\frac{\partial}{\partial w} \phi(z_i) = 0", model) != "verified"


G = r"""# G

$$g(t) = BODY$$

$$ROW$$
"""


def g_status(tmp_path, body: str, row: str) -> str:
    return status(tmp_path, row, G.replace("BODY", body))


@pytest.mark.parametrize(
    ("body", "row"),
    [
        # the derivative of a defined function at arguments free of the variable is no 0
        # (red team s51: the rule search took g(2) as a symbol, and verified these)
        (r"e^{a t}", r"\frac{\partial}{\partial a} g(2) = 0"),
        (r"\frac{1}{1+e^{-a-bt}}", r"\frac{\partial}{\partial a} g(x_i) = 0"),
    ],
)
def test_a_defined_function_s_derivative_is_not_zero(tmp_path, body, row):
    assert g_status(tmp_path, body, row) == "refuted"


def test_a_fact_about_one_parameter_proves_nothing_about_another(tmp_path):
    text = G.replace("BODY", r"\frac{1}{1+e^{-a-bt}}").replace(
        "$$ROW$$",
        r"$$\frac{\partial}{\partial a} \log g(x_i) = 1 - g(x_i)$$"
        "\n\n"
        r"$$\frac{\partial}{\partial b} \log g(x_i) = 1 - g(x_i)$$",
    )
    steps = document_steps(tmp_path, text)
    assert [s["status"] for s in steps if s["line"] in (5, 7)] == ["verified", "refuted"], steps


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
