"""Expectations checked (issue 18): linearity, E[c] = c and algebra inside the brackets as rules,
with their conditions (constants declared, finite moments), and wrong steps refuted by a concrete
distribution; the variance relation step by step in E and angle-bracket notation; Var, Cov and
\\mathbb{V} read by their definitions. In derivation files and documents, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sympy as sp
from helpers import claims, run_eqchain

from eqchain.api import check_derivations
from eqchain.errors import LatexError, UnsupportedLatex
from eqchain.latex.read import read_formula
from eqchain.load.toml_file import load_toml
from eqchain.model import Verdict
from eqchain.operators import Expectation, Normal

ROOT = Path(__file__).resolve().parents[2]
X, Y, x = sp.Symbol("X"), sp.Symbol("Y"), sp.Symbol("x")
E = Expectation


def _check_file(name: str, tmp_path, *replacements: tuple[str, str]):
    text = (ROOT / "derivations" / name).read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = check_derivations(load_toml(str(path)), 60.0)
    return claims([r for d in report.derivations for r in d.results])


# -- reading --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        r"\operatorname{Var}[X]",
        r"\mathrm{Var}(X)",
        r"\mathrm{Var}\left[ X \right]",
        r"\mathbb{V}[X]",
        r"\mathbb{V}(X)",
    ],
)
def test_variance_is_read_by_its_definition(text):
    (side,) = read_formula(text).sides
    assert side == E((X - E(X)) ** 2)


def test_covariance_is_read_by_its_definition():
    (side,) = read_formula(r"\mathrm{Cov}(X, Y)").sides
    assert side == E((X - E(X)) * (Y - E(Y)))
    (side,) = read_formula(r"\operatorname{Cov}[X, Y]").sides
    assert side == E((X - E(X)) * (Y - E(Y)))


def test_the_gaussian_by_name():
    mu, s2 = sp.Symbol("mu"), sp.Symbol("s") ** 2
    (side,) = read_formula(r"\mathcal{N}(x; \mu, s^2)").sides
    # defined where the variance is positive (eqchain/densities.py): s is not declared here
    ((formula, condition),) = side.args
    assert condition == (s2 > 0)
    assert sp.simplify(formula - sp.exp(-((x - mu) ** 2) / (2 * s2)) / sp.sqrt(2 * sp.pi * s2)) == 0
    (side,) = read_formula(r"\mathbb{E}_{x \sim \mathcal{N}(\mu, s^2)}[x]").sides
    assert side == E(x, x, Normal(mu, s2))
    # with a bar, or with other arguments, it stays a function of its arguments
    (side,) = read_formula(r"\mathcal{N}(x | \mu, s^2)").sides
    assert not isinstance(side, Normal) and not side.has(sp.exp)


def test_a_variance_over_a_distribution_keeps_it():
    p = sp.Function("p")
    (side,) = read_formula(r"\mathbb{V}_{x \sim p}[x]").sides
    assert side == E((x - E(x, x, sp.Symbol("p"))) ** 2, x, sp.Symbol("p"))
    (side,) = read_formula(r"\operatorname{Var}_{p(x)}[x]").sides
    assert side == E((x - E(x, p(x))) ** 2, p(x))


@pytest.mark.parametrize(
    "text, error, where",
    [
        (r"\mathrm{Cov}(X, Y, X)", LatexError, "two arguments"),
        (r"\mathrm{Cov}(X)", LatexError, "two arguments"),
        (r"\mathbb{V} X", UnsupportedLatex, "without brackets"),
        (r"\mathrm{Var}()", LatexError, "empty variance"),
    ],
)
def test_what_a_variance_or_covariance_cannot_be(text, error, where):
    with pytest.raises(error) as raised:
        read_formula(text)
    assert where in str(raised.value)


# -- the variance relation, step by step ------------------------------------------------------


def test_the_variance_relation_is_verified_step_by_step(tmp_path):
    results = _check_file("variance.toml", tmp_path)
    assert [r.verdict for r in results] == [Verdict.VERIFIED] * 4
    assert "expectation_body" in results[1].rules
    assert {"expectation_linear", "expectation_constant"} <= set(results[2].rules)


def test_the_variance_relation_in_angle_brackets_is_verified_step_by_step(tmp_path):
    results = _check_file("variance_angle.toml", tmp_path)
    assert [r.verdict for r in results] == [Verdict.VERIFIED] * 7


@pytest.mark.parametrize(
    "name, old, new, index",
    [
        # the factor 2 of the cross term dropped
        (
            "variance.toml",
            r"= \mathbb{E}[X^2] - 2 \mathbb{E}[X] \mathbb{E}[X]",
            r"= \mathbb{E}[X^2] - \mathbb{E}[X] \mathbb{E}[X]",
            2,
        ),
        # the square of the mean added instead of subtracted
        ("variance.toml", r"= \mathbb{E}[X^2] - \mathbb{E}[X]^2'", r"= \mathbb{E}[X^2]'", 3),
        (
            "variance_angle.toml",
            r"= \langle x^2 \rangle - 2 \langle x \rangle \langle x \rangle",
            r"= \langle x^2 \rangle - \langle x \rangle \langle x \rangle",
            1,
        ),
        (
            "variance_angle.toml",
            r"\langle a x + b \rangle = a \langle x \rangle + b",
            r"\langle a x + b \rangle = a \langle x \rangle + 2 b",
            3,
        ),
    ],
)
def test_the_variance_relation_with_an_error_is_refuted_by_a_distribution(
    tmp_path, name, old, new, index
):
    results = _check_file(name, tmp_path, (old, new))
    wrong = results[index]
    assert wrong.verdict is Verdict.REFUTED, (wrong.verdict, wrong.reason)
    assert all(r.verdict is Verdict.VERIFIED for r in results[:index])
    shown = dict(wrong.counterexample.values)
    # the counterexample is a distribution: X (or x) takes two values with their probabilities
    variable = "X" if name == "variance.toml" else "x"
    assert "probability" in shown[variable]
    assert wrong.counterexample.lhs != wrong.counterexample.rhs


def test_without_finite_moments_the_source_makes_its_own_finite(tmp_path):
    # E[X^2 - 2X E[X] + E[X]^2] defined (finite) needs E|X|^2 finite: the split needs no
    # declaration (check/expectations._finite_by_source; tests/check/test_moments_from_the_source)
    results = _check_file("variance.toml", tmp_path, ('X = "real moments"', 'X = "real"'))
    assert results[1].verdict is Verdict.VERIFIED  # algebra inside: no moment needed
    assert results[2].verdict is Verdict.VERIFIED, results[2].reason


def test_a_positive_constant_dropped_is_refuted_by_a_negative_one(tmp_path):
    """The standard deviation of a x + b is a times that of x for a positive a only."""
    results = _check_file(
        "variance_angle.toml", tmp_path, ('a = "positive constant"', 'a = "real constant"')
    )
    assert [r.verdict for r in results[:-1]] == [Verdict.VERIFIED] * 6
    last = results[-1]
    assert last.verdict is Verdict.REFUTED
    shown = dict(last.counterexample.values)
    assert shown["a"].startswith("-") and "probability" in shown["x"]


def test_an_undeclared_constant_is_named(tmp_path):
    results = _check_file(
        "variance_angle.toml", tmp_path, ('a = "positive constant"', 'a = "positive"')
    )
    assert results[3].verdict is Verdict.UNKNOWN
    assert "a constant" in results[3].reason and "expectation_linear" in results[3].reason


# -- each rule in both directions, in a file and in a document, through the CLI ---------------

# (rule, valid, wrong, missing a condition, what the unknown step names). V and W have finite
# moments, q and r are constants, R is real (no moments declared), c is real (not constant).
CASES = [
    (
        "expectation_linear",
        r"\mathbb{E}[q V + r W] = q \mathbb{E}[V] + r \mathbb{E}[W]",
        r"\mathbb{E}[q V + r W] = q \mathbb{E}[V] + \mathbb{E}[W]",
        r"\mathbb{E}[c V + r] = c \mathbb{E}[V] + r",
        "c constant",
    ),
    (
        "expectation_linear",
        r"\mathbb{E}[V + W] = \mathbb{E}[V] + \mathbb{E}[W]",
        r"\mathbb{E}[V W] = \mathbb{E}[V] \mathbb{E}[W]",
        r"\mathbb{E}[R + V] = \mathbb{E}[R] + \mathbb{E}[V]",
        "finite moments",
    ),
    (
        "expectation_constant",
        r"\mathbb{E}[q] = q",
        r"\mathbb{E}[q + 1] = q",
        r"\mathbb{E}[c] + 1 = c + 1",
        "c constant",
    ),
    (
        "expectation_linear",
        r"\mathrm{Cov}(V, W) = \mathbb{E}[V W] - \mathbb{E}[V] \mathbb{E}[W]",
        r"\mathrm{Cov}(V, W) = \mathbb{E}[V W] + \mathbb{E}[V] \mathbb{E}[W]",
        # (Cov(R, W) = E[R W] - E[R] E[W] needs nothing more: where its left side is defined,
        # E[R] and E[(R - E[R])(W - E[W])] are finite, so is E[R W], stop 48)
        r"\mathbb{E}[R W] = \mathrm{Cov}(R, W) + \mathbb{E}[R] \mathbb{E}[W]",
        "finite moments",
    ),
    (
        "expectation_linear",
        r"\mathbb{V}[q V + r] = q^2 \mathbb{V}[V]",
        r"\mathbb{V}[q V + r] = q \mathbb{V}[V]",
        r"\mathbb{V}[c V] = c^2 \mathbb{V}[V]",
        "c constant",
    ),
    (
        "expectation_body",
        r"\mathbb{E}[(V + 1)^2] = \mathbb{E}[V^2 + 2 V + 1]",
        r"\mathbb{E}[(V + 1)^2] = \mathbb{E}[V^2 + 1]",
        None,
        None,
    ),
    (
        # the law of the unconscious statistician: over the Gaussian, evaluated as an integral
        "expectation_lotus",
        r"\mathbb{E}_{t \sim \mathcal{N}(q, 4)}[t^2] = q^2 + 4",
        r"\mathbb{E}_{t \sim \mathcal{N}(q, 4)}[t^2] = q^2 + 2",
        r"\mathbb{E}_{t \sim p(t)}[t^2] = \int_{-\infty}^{\infty} t^2 p(t) \, dt",
        "to converge",
    ),
    (
        # the Gaussian density by name is its formula
        "integral_evaluate",
        r"\int_{-\infty}^{\infty} t \, \mathcal{N}(t; q, 4) \, dt = q",
        r"\int_{-\infty}^{\infty} t \, \mathcal{N}(t; q, 4) \, dt = 2 q",
        None,
        None,
    ),
    (
        # over a named variable, every other symbol is held fixed: c comes out
        "expectation_linear",
        r"\mathbb{E}_{t \sim \mathcal{N}(0, 1)}[c t + 1]"
        r" = c \mathbb{E}_{t \sim \mathcal{N}(0, 1)}[t] + 1",
        None,
        r"\mathbb{E}_{t \sim p(t)}[c t + 1] = c \mathbb{E}_{t \sim p(t)}[t] + 1",
        "finite moments",
    ),
]

TOML_HEAD = """
[symbols]
V = "real moments"
W = "real moments"
R = "real"
q = "real constant"
r = "real constant"
c = "real"
t = "real"
p = { function = true }
"""


def _rows():
    return [claim for _rule, *claims_, _needed in CASES for claim in claims_ if claim]


def _toml() -> str:
    return TOML_HEAD + "".join(f"\n[[steps]]\nclaim = '{claim}'\n" for claim in _rows())


def _markdown() -> str:
    text = (
        "# Expectation rules\n\n<!-- eqchain: assume V real moments, W real moments, R real, "
        "q constant, r constant, c real, t real, p function -->\n"
    )
    return text + "".join(f"\n$$\n{claim}\n$$\n" for claim in _rows())


@pytest.fixture(scope="module", params=["toml", "md"])
def steps(request, tmp_path_factory):
    path = tmp_path_factory.mktemp("expectation_rules") / f"rules.{request.param}"
    path.write_text(_toml() if request.param == "toml" else _markdown(), encoding="utf-8")
    ran = run_eqchain("check", "--format", "json", "--no-cache", "--timeout", "30", path)
    assert ran.returncode == 1, ran.stderr  # refuted and unknown steps
    (derivation,) = json.loads(ran.stdout)["derivations"]
    out = [s for s in derivation["steps"] if s["status"] not in ("given", "definition")]
    assert len(out) == len(_rows()), [s["claim"] for s in out]
    by_claim = {}
    for claim, step in zip(_rows(), out, strict=True):
        by_claim[claim] = step
    return by_claim


@pytest.mark.parametrize("n", range(len(CASES)), ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_expectation_rule_in_both_directions_through_the_cli(steps, n):
    rule, valid, wrong, missing, needed = CASES[n]
    assert steps[valid]["status"] == "verified", steps[valid]
    assert rule in steps[valid]["rules"]
    if wrong is not None:
        assert steps[wrong]["status"] == "refuted", steps[wrong]
        values = dict(steps[wrong]["counterexample"]["values"])
        if rule.startswith("expectation_") and rule not in (
            "expectation_constant",
            "expectation_lotus",
        ):
            # E[q + 1] = q has no random variable; a Gaussian's is refuted by quadrature
            assert any("probability" in v for v in values.values()), values
    if missing is not None:
        assert steps[missing]["status"] == "unknown", steps[missing]
        assert needed in steps[missing]["reason"], steps[missing]["reason"]


def test_a_refuting_distribution_is_shown_in_the_text_report(tmp_path):
    path = tmp_path / "wrong.md"
    path.write_text(
        "# Wrong\n\n<!-- eqchain: assume X real moments -->\n\n"
        "$$\n\\mathbb{E}[X^2] = \\mathbb{E}[X]^2\n$$\n",
        encoding="utf-8",
    )
    ran = run_eqchain("check", "--no-cache", path)
    assert ran.returncode == 1
    assert "refuted" in ran.stdout
    assert "X = 0 with probability 1/2, 1 with probability 1/2" in ran.stdout


def test_a_step_that_holds_for_a_constant_is_never_refuted_by_a_random_one(tmp_path):
    """E[a X] = a E[X] with a undeclared: true when a is constant, so unknown naming a (never
    refuted by making a random)."""
    path = tmp_path / "a.md"
    path.write_text(
        "# a\n\n<!-- eqchain: assume X real moments, a real -->\n\n"
        "$$\n\\mathbb{E}[a X] = a \\mathbb{E}[X]\n$$\n",
        encoding="utf-8",
    )
    ran = run_eqchain("check", "--format", "json", "--no-cache", path)
    (step,) = json.loads(ran.stdout)["derivations"][0]["steps"]
    assert step["status"] == "unknown" and "a constant" in step["reason"], step


@pytest.mark.parametrize(
    "claim",
    [
        # the law may be stated where eqchain does not read it (X ~ N(mu, 1) in prose)
        r"\mathbb{E}[X] = \mu",
        r"\mathrm{Var}(X) = \mathbb{E}[X^2] - \mu^2",
        r"\mathbb{E}[X^2] = \mathbb{E}[X]^2 + \mu^2",
    ],
)
def test_a_step_that_may_hold_for_the_stated_law_is_never_refuted(tmp_path, claim):
    """An expectation without a subscript is over a law eqchain may not have read: a step that
    ties it to a symbol not declared constant is refuted only when it fails for every law."""
    path = tmp_path / "law.md"
    path.write_text(
        f"# law\n\n<!-- eqchain: assume X real moments, mu real -->\n\n$$\n{claim}\n$$\n",
        encoding="utf-8",
    )
    ran = run_eqchain("check", "--format", "json", "--no-cache", path)
    (step,) = json.loads(ran.stdout)["derivations"][0]["steps"]
    assert step["status"] == "unknown", step


def test_a_step_that_fails_for_every_law_is_refuted_whatever_its_symbols(tmp_path):
    path = tmp_path / "every.md"
    path.write_text(
        "# every\n\n<!-- eqchain: assume X real moments, a real, b real -->\n\n"
        "$$\n\\mathbb{E}[X + b] = \\mathbb{E}[X] + 2 b\n$$\n",
        encoding="utf-8",
    )
    ran = run_eqchain("check", "--format", "json", "--no-cache", path)
    (step,) = json.loads(ran.stdout)["derivations"][0]["steps"]
    assert step["status"] == "refuted", step
