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
