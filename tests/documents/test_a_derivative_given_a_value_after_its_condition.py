r"""A row that gives a derivative a value after the author set that derivative to zero
(``\frac{\partial}{\partial \sigma} \ell = -\frac{n}{\sigma} + \frac{S}{\sigma^3} = 0``, then
``\frac{\partial}{\partial \sigma} \ell = -n + \frac{S}{\sigma^2} = 0``: sigma times it, the
factor dropped) states the derivative as a function of the variable: its own condition would
make any value that vanishes at the point pass (both sides 0 there). It is checked without that
condition; the link ``-n + \frac{S}{\sigma^2} = 0`` after it still follows from the condition.
Found on a public Gaussian MLE (stop 50)."""

from __future__ import annotations

from helpers import document_steps

TEXT = r"""$$
\ell(\mu, \sigma) = - n \log(\sigma) - \frac{1}{2} \frac{\sum_{i=1}^n (x_i - \mu)^2}{\sigma^2}
$$

Set to zero:

$$
\frac{\partial}{\partial \sigma} \ell(\mu, \sigma) = -\frac{n}{\sigma}
+ \left( \sum_{i=1}^n (x_i - \mu)^2 \right) \frac{1}{\sigma^3} = 0
$$

$$
\frac{\partial}{\partial \sigma} \ell(\mu, \sigma) = VALUE = 0
$$
"""


def statuses(tmp_path, value: str) -> list[str]:
    steps = document_steps(tmp_path, TEXT.replace("VALUE", value))
    return [s["status"] for s in steps if s["line"] == 13]


def test_the_derivative_times_sigma_is_refuted_as_its_value(tmp_path):
    value = r"-n + \left( \sum_{i=1}^n (x_i - \mu)^2 \right) \frac{1}{\sigma^2}"
    assert statuses(tmp_path, value) == ["refuted", "verified"]


def test_the_derivative_written_again_is_verified(tmp_path):
    value = r"-\frac{n}{\sigma} + \frac{1}{\sigma^3} \sum_{i=1}^n (x_i - \mu)^2"
    assert statuses(tmp_path, value)[0] == "verified"
