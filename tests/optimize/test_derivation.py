"""Generated derivations: their text, their notes, the example file, and what the checker says."""

from __future__ import annotations

from pathlib import Path

import pytest
import sympy as sp

from eqchain import rules as rule_table
from eqchain.check.engine import check_derivation
from eqchain.load.toml_file import load_toml
from eqchain.model import StepKind, Verdict
from eqchain.optimize import Constraint, Problem, solve
from eqchain.optimize.derivation import to_derivation

from .conftest import DICE_MINORS, THROWS, dice, t_pos

EXAMPLE = Path(__file__).parents[2] / "derivations/dice_mle.toml"
X, Y = sp.symbols("x y", real=True)
LAM = sp.Symbol("lambda", real=True)


@pytest.fixture(scope="module")
def dice_derivation():
    return to_derivation(dice(data=((t_pos, THROWS),)))


@pytest.fixture(scope="module")
def dice_report(dice_derivation):
    return check_derivation(dice_derivation, timeout=10.0)


def _claims(derivation):
    return [s.claim for s in derivation.steps]


def test_lagrangian_is_the_first_step_and_a_definition(dice_derivation):
    first = dice_derivation.steps[0]
    assert first.kind is StepKind.DEFINITION
    assert first.claim == (
        r"\mathcal{L} = \sum_{k=1}^{K} t_{k} \log y_{k} - \lambda "
        r"\left(\sum_{k=1}^{K} y_{k} - 1\right)"
    )


def test_dice_derivation_states_gradient_and_answer(dice_derivation):
    claims = _claims(dice_derivation)
    assert r"\frac{\partial \mathcal{L}}{\partial y_{k}} = \frac{t_{k}}{y_{k}} - \lambda" in claims
    assert r"\lambda y_{k} = t_{k}" in claims
    assert r"y_{k} = \frac{t_{k}}{N}" in claims
    assert r"y_{2} = \frac{1}{4}" in claims


def test_every_step_has_english_and_japanese_notes(dice_derivation):
    for step in dice_derivation.steps:
        if not step.continues or step.notes:
            assert step.note("en") and step.note("ja"), step.claim


def test_rule_names_are_in_the_rule_table(dice_derivation):
    for step in dice_derivation.steps:
        assert all(b in rule_table.RULES_BY_NAME for b in step.by)


def test_minor_claims_carry_the_computed_values(dice_derivation):
    minors = [s for s in dice_derivation.steps if s.claim.startswith(r"-\left(\prod")]
    assert [s.rhs for s in minors] == DICE_MINORS
    assert solve(dice(data=((t_pos, THROWS),))).certificate.minors[0].value == minors[0].rhs


def test_certificate_note_says_what_it_certifies(dice_derivation):
    last = dice_derivation.steps[-1]
    assert "strict local maximum" in last.note("en")


def test_checker_refutes_no_generated_dice_step(dice_report):
    assert not [r.step.claim for r in dice_report.results if r.verdict is Verdict.REFUTED]


def test_checker_verifies_dice_instance_and_certificate(dice_report):
    # Only claims that follow without the chain lambda = ... = N, whose middle link (a schema
    # equation used under a sum) the checker cannot verify yet.
    verified = {r.step.claim for r in dice_report.results if r.verdict is Verdict.VERIFIED}
    assert "N = 20" in verified
    assert r"\lambda y_{k} = t_{k}" in verified
    assert sum(c.startswith(r"-\left(\prod") for c in verified) == 5


def _verdicts(problem):
    report = check_derivation(to_derivation(problem), timeout=10.0)
    return [(r.step.claim, r.verdict) for r in report.results if r.verdict.is_claim_verdict]


def test_checker_verifies_every_quadratic_step():
    problem = Problem(
        X**2 + Y**2, (X, Y), (Constraint(X + Y, 1),), sense="minimize", multipliers=(LAM,)
    )
    verdicts = _verdicts(problem)
    assert verdicts and all(v is Verdict.VERIFIED for _, v in verdicts), verdicts


def test_checker_verifies_every_gaussian_mean_step():
    i = sp.Symbol("i", integer=True, positive=True)
    n = sp.Symbol("n", integer=True, positive=True)
    x = sp.IndexedBase("x", real=True)
    mu, sigma = sp.Symbol("mu", real=True), sp.Symbol("sigma", positive=True)
    gauss = -sp.Sum((x[i] - mu) ** 2 / (2 * sigma**2), (i, 1, n))
    verdicts = _verdicts(Problem(gauss, (mu,), data=((n, 4), (x, (1, 2, 3, 6)))))
    assert verdicts and all(v is Verdict.VERIFIED for _, v in verdicts), verdicts
    assert (r"\mu = 3", Verdict.VERIFIED) in verdicts


def test_example_file_loads_with_generated_steps():
    (derivation,) = load_toml(str(EXAMPLE))
    claims = _claims(derivation)
    assert claims[0] == r"\log L = \sum_{k=1}^{K} t_{k} \log y_{k}"
    assert claims[1].startswith(r"\mathcal{L} = ")
    assert r"y_{6} = \frac{1}{4}" in claims


@pytest.mark.parametrize(
    ("sense", "objective", "constraints"),
    [
        ("maximize", "x^3 - 3 x", []),  # stationary at x = 1 and x = -1
        ("maximize", "x + y", ["x^2 + y^2 = 2"]),  # at (1, 1) and (-1, -1)
        ("minimize", "x^2 + y^2", ["x y = 1"]),
    ],
)
def test_a_point_among_several_is_checked_where_it_lies(tmp_path, sense, objective, constraints):
    # x = -1 does not follow from 3x^2 - 3 = 0: the generated derivation stated it as if it did,
    # and the checker refuted its own solver (a red team's); each stationarity equation, each
    # constraint and the Hessian are now checked at the point
    from helpers import run_eqchain

    listed = ", ".join(f"'{c}'" for c in constraints)
    variables = '"x", "y"' if "y" in objective else '"x"'
    text = (
        '[symbols]\nx = "real"\ny = "real"\n\n'
        f"[{sense}]\nobjective = '{objective}'\n"
        f"variables = [{variables}]\nconstraints = [{listed}]\n"
    )
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    ran = run_eqchain("check", "--no-cache", str(path))
    assert ran.returncode == 0, ran.stdout  # every claim verified
    assert ", 0 refuted, 0 unknown" in ran.stdout
