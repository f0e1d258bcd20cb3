r"""A bound that ties a step's symbol to another the step does not write (``--assume "lambda >
t"`` in a moment generating function post, and a Gaussian integral in t and sigma): numerical
quadrature sought no counterexample at all (the bound might be broken), so a wrong Gaussian
integral (``\sqrt{2\pi\sigma}`` for ``\sqrt{2\pi}\sigma``) stayed unknown. The other symbol is
now given a value too, and the bound checked at the point."""

from __future__ import annotations

import json
from fractions import Fraction

from helpers import run_eqchain

ROW = r"""$$
\int_{-\infty}^{\infty} \exp\left(- \frac{(X - \mu - \sigma^2 t)^2}{2\sigma^2}\right) dX = VALUE
$$
"""


def check(tmp_path, value: str) -> dict:
    doc = tmp_path / "d.md"
    doc.write_text(ROW.replace("VALUE", value), encoding="utf-8")
    ran = run_eqchain(
        "check", "--no-cache", "--format", "json", "--assume", "sigma > 0, lambda > t", str(doc)
    )
    return json.loads(ran.stdout)["derivations"][0]["steps"][-1]


def test_the_wrong_gaussian_integral_is_refuted_where_the_bound_holds(tmp_path):
    step = check(tmp_path, r"\sqrt{2\pi\sigma}")
    assert step["status"] == "refuted", step
    values = step["counterexample"]["values"]
    assert Fraction(values["\\lambda"]) > Fraction(values["t"]), values


def test_the_right_gaussian_integral_is_not_refuted(tmp_path):
    assert check(tmp_path, r"\sqrt{2\pi}\sigma")["status"] != "refuted"
