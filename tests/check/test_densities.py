"""Densities by name (issue 18): ``\\mathrm{Exp}(x; \\lambda)``, ``\\mathrm{Gam}(x; a, b)``,
``\\mathrm{Poiss}(k; \\lambda)``, ... read as their formulas (eqchain/densities.py), in a
derivation file and in a document, through the command line: valid steps verified, wrong ones
refuted with a counterexample, a step whose parameters' condition is not declared verified where
it holds (the density is defined there only), or unknown naming it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sympy as sp
from helpers import run_eqchain

from eqchain.densities import DENSITIES, density_value, parameter_needs, settled
from eqchain.latex.read import read_expression

ROOT = Path(__file__).resolve().parents[2]

FILE = r"""
[symbols]
lambda = "positive"
l = "real"
k = "integer nonnegative"
n = "integer nonnegative"
p = "real"
c = "real"
d = "real"

[[steps]]
claim = '\int_0^\infty \mathrm{Exp}(x; \lambda) \, dx = 1'

[[steps]]
claim = '\int_{-\infty}^{\infty} x \, \mathrm{Exp}(x; \lambda) \, dx = \frac{1}{\lambda}'

[[steps]]
claim = '\int_0^\infty x \, \mathrm{Exp}(x; \lambda) \, dx = \lambda'

[[steps]]
claim = '\int_0^\infty \mathrm{Exp}(x; l) \, dx = 1'

[[steps]]
claim = '\mathrm{Poiss}(k; \lambda) = \frac{\lambda^k e^{-\lambda}}{k!}'

[[steps]]
claim = '\mathrm{Poiss}(k; \lambda) = \frac{\lambda^k e^{-\lambda}}{(k+1)!}'

[[steps]]
claim = '\mathrm{Bern}(1; p) + \mathrm{Bern}(0; p) = 1'

[[steps]]
claim = '\int_{c}^{d} \mathcal{U}(x; c, d) \, dx = 1'
"""

DOCUMENT = r"""# Densities by name

$$
\int_0^\infty x \, \mathrm{Exp}(x; \lambda) \, \mathrm{d}x = \frac{1}{\lambda}
$$

$$
\int_0^\infty x \, \mathrm{Exp}(x; \lambda) \, \mathrm{d}x = \frac{2}{\lambda}
$$

$$
\mathrm{Bern}(1; p) + \mathrm{Bern}(0; p) = p + (1 - p)
$$

$$
\mathrm{Gam}(x; a, b) = \frac{b^a}{\Gamma(a)} x^{a-1} e^{-b x}
$$
"""


def _steps(tmp_path, name, text, *options):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    ran = run_eqchain("check", "--format", "json", "--no-cache", "--timeout", "30", *options, path)
    steps = [s for d in json.loads(ran.stdout)["derivations"] for s in d["steps"]]
    return [s for s in steps if s["status"] not in ("given", "definition")]


def test_densities_in_a_file_in_the_three_directions(tmp_path):
    steps = _steps(tmp_path, "d.toml", FILE)
    verdicts = [s["status"] for s in steps]
    assert verdicts == [
        "verified", "verified", "refuted", "verified", "verified", "refuted", "verified", "unknown"
    ]  # fmt: skip
    assert steps[2]["counterexample"] is not None
    assert steps[5]["counterexample"] is not None
    # the parameters' conditions, not declared: verified where they hold (the density is
    # defined there only)
    assert steps[3]["domain"] == ["l > 0"]
    assert steps[6]["domain"] == ["p \\geq 0", "p \\leq 1"]
    # c > d is no uniform law: no counterexample is taken there
    assert "c < d" in steps[7]["reason"]


def test_densities_in_a_document_verified_under_the_assumed_conditions(tmp_path):
    assume = "lambda > 0, 0 <= p <= 1, a > 0, b > 0, x > 0"
    steps = _steps(tmp_path, "post.md", DOCUMENT, "--assume", assume)
    assert [s["status"] for s in steps] == ["verified", "refuted", "verified", "verified"]
    assert steps[1]["counterexample"] is not None


def test_densities_in_a_document_verified_where_the_conditions_not_assumed_hold(tmp_path):
    steps = _steps(tmp_path, "post.md", DOCUMENT, "--assume", "lambda > 0, x > 0")
    assert [s["status"] for s in steps] == ["verified", "refuted", "verified", "verified"]
    assert steps[2]["domain"] == ["p \\geq 0", "p \\leq 1"]
    assert steps[3]["domain"] == ["a > 0", "b > 0"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (r"\mathrm{Exp}(x; \lambda)", "Exp"),
        (r"\mathrm{Gam}(x; a, b)", "Gam"),
        (r"\mathrm{Gamma}(x; a, b)", "Gam"),
        (r"\mathrm{Bet}(x; a, b)", "Bet"),
        (r"\mathrm{Beta}(x; a, b)", "Bet"),
        (r"\mathcal{U}(x; a, b)", "mathcalU"),
        (r"\mathrm{Unif}(x; a, b)", "mathcalU"),
        (r"\mathrm{Bern}(x; p)", "Bern"),
        (r"\mathrm{Bin}(x; n, p)", "Bin"),
        (r"\mathrm{Poiss}(x; \lambda)", "Poiss"),
        (r"\mathrm{Pois}(x; \lambda)", "Poiss"),
        (r"\mathcal{N}(x; \mu, \sigma^2)", "mathcalN"),
    ],
)
def test_each_name_reads_as_the_tables_formula(text, name):
    inside = text[text.index("(") + 1 : -1]
    point, parameters = inside.split(";")
    args = [read_expression(a) for a in [point, *parameters.split(",")]]
    assert read_expression(text) == density_value(name, args[0], args[1:])


def test_a_name_without_a_semicolon_or_with_another_count_stays_a_function():
    # \mathrm{Gam}(a, b) is the law in X \sim \mathrm{Gam}(a, b), not a density at a point;
    # \mathrm{Exp}(x; a, b) has a parameter too many for the exponential
    for text in (r"\mathrm{Gam}(a, b)", r"\mathrm{Exp}(x; a, b)", r"\mathrm{Exp}(\lambda)"):
        expr = read_expression(text)
        assert isinstance(expr, sp.core.function.AppliedUndef), text


def test_a_density_is_undefined_where_its_parameters_are_not_allowed():
    x, lam = sp.Symbol("x", real=True), sp.Symbol("lambda", real=True)
    value = density_value("Exp", x, (lam,))
    assert value.subs({x: 1, lam: -1}) is sp.nan  # no value: never a counterexample
    assert parameter_needs(value) == [lam > 0]
    positive = sp.Symbol("lambda", positive=True)
    assert parameter_needs(density_value("Exp", x, (positive,))) == []


def test_a_margin_given_establishes_a_bound():
    # --assume "c < d" carries a margin m = d - c, m > 0
    x, c, d = sp.symbols("x c d", real=True)
    m = sp.Symbol("m", positive=True)
    value = density_value("mathcalU", x, (c, d))
    assert parameter_needs(settled(value, [(m, d - c)])) == []
    assert parameter_needs(settled(value)) == [c < d]


def test_every_density_is_in_the_readme_notation_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for d in DENSITIES:
        assert f"`{d.written}`" in readme, d.written
        assert d.source in readme, d.source


LOTUS = r"""
[symbols]
lambda = "positive"
x = "real"

[[steps]]
claim = '\mathbb{E}_{x \sim \mathrm{Exp}(\lambda)}[x] = \frac{1}{\lambda}'

[[steps]]
claim = '\mathbb{E}_{x \sim \mathrm{Exp}(\lambda)}[x] = \lambda'
"""


def test_an_expectation_over_a_law_by_name_is_the_integral_over_its_density(tmp_path):
    steps = _steps(tmp_path, "lotus.toml", LOTUS)
    assert [s["status"] for s in steps] == ["verified", "refuted"]
    assert "expectation_lotus" in steps[0]["rules"]
    assert steps[1]["counterexample"] is not None


def test_a_law_by_name_in_a_subscript_is_kept_whole():
    from eqchain.operators import Expectation, Law

    side = read_expression(r"\mathbb{E}_{x \sim \mathrm{Exp}(\lambda)}[x]")
    x, lam = sp.Symbol("x", real=True), sp.Symbol("lambda")
    assert isinstance(side, Expectation)
    assert side.args[2] == Law("Exp", side.args[2].parameters[0])
    assert {s.name for s in side.free_symbols} == {lam.name}
    assert x.name not in {s.name for s in side.args[2].free_symbols}


TRAPS = r"""# False steps with densities

$$
\int_{-1}^{1} \mathrm{Exp}(x; \mu) \, \mathrm{d}x = \int_{-1}^{1} \mu e^{-\mu x} \, \mathrm{d}x
$$

$$
\mathrm{Bern}(2; p) = \frac{p^2}{1 - p}
$$

$$
\mathrm{Poiss}(k; \lambda) = \frac{\lambda^k e^{-\lambda}}{k!}
$$
"""


def test_false_steps_with_densities_are_never_verified(tmp_path):
    # outside the support the density is 0, not its formula; a value of k that is no natural
    # number (k only real) has probability 0
    steps = _steps(tmp_path, "traps.md", TRAPS, "--assume", "mu > 0, 0 < p < 1, lambda > 0")
    assert [s["status"] for s in steps] == ["refuted", "refuted", "refuted"]
    assert all(s["counterexample"] is not None for s in steps)
