"""Mutants that introduce a restriction are never verified (issue 19).

A step is judged where its left side is defined; what its right side needs beyond that, the step
introduces, and it must be established. Each claim of every flagship derivation gets a right side
multiplied by ``d / d`` (left unevaluated), where ``d`` is a difference of two of its quantities
(or a quantity minus 1) that the assumptions do not make nonzero: equal to the original wherever
it is defined, undefined where ``d = 0``. None may be verified. Rows are mutated every other one
in a chain (in two copies), since a row is judged within its chain's domain.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import sympy as sp
from helpers import sampled

from eqchain.check.engine import check_derivation
from eqchain.load.toml_file import load_toml
from eqchain.model import StepKind, Verdict

from . import oracle

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "derivations").glob("*.toml"))
STEP_TIMEOUT = 4.0


def _quantities(step, bound: set) -> list:
    """The step's quantities that are not integers and not bound to values by 'where'."""
    atoms = set()
    for e in (step.lhs, step.rhs):
        if e is None:
            continue
        labels = {a.base.label for a in e.atoms(sp.Indexed)}
        atoms |= {a for a in e.atoms(sp.Indexed) if all(i.is_Integer for i in a.indices)}
        atoms |= {s for s in e.free_symbols if isinstance(s, sp.Symbol) and s not in labels}
    return sorted((a for a in atoms if not a.is_integer and a not in bound), key=str)


def _restriction(step, bound: set):
    """``d`` for the step: a difference that may be zero under the assumptions, or None."""
    found = _quantities(step, bound)
    candidates = [a - b for i, a in enumerate(found) for b in found[i + 1 :]]
    candidates += [a - 1 for a in found]
    for d in candidates:
        if d.is_zero is None:
            return d
    return None


def _mutated(derivation, parity: int):
    """A copy with every other row of each chain mutated (``parity`` says which): a row is
    judged within its chain's domain, so a mutated row never follows a mutated row."""
    base = set(oracle.family_values(derivation, derivation.where))
    steps, mutated, position = [], [], 0
    for n, step in enumerate(derivation.steps):
        position = position + 1 if step.continues else 0
        bound = base | set(oracle.family_values(derivation, step.where))
        d = _restriction(step, bound) if step.kind is StepKind.CLAIM else None
        if d is None or position % 2 != parity:
            steps.append(step)
            continue
        ratio = sp.Mul(d, sp.Pow(d, -1, evaluate=False), evaluate=False)
        rhs = sp.Mul(step.rhs, ratio, evaluate=False)
        steps.append(replace(step, rhs=rhs, claim=step.claim + r" \cdot \frac{d}{d}"))
        mutated.append(n)
    return replace(derivation, steps=tuple(steps)), mutated


def _derivations():
    """Every derivation; the README's pytest checks every third one, `-m slow` (and .ci/run)
    every one (issue 17)."""
    return sampled(
        [
            pytest.param(str(path), d.title, id=f"{path.stem}:{d.title}")
            for path in FILES
            for d in load_toml(str(path))
        ],
        3,
    )


@pytest.mark.parametrize(("path", "title"), _derivations())
def test_a_right_side_that_needs_a_new_nonzero_divisor_is_not_verified(path, title):
    (derivation,) = [d for d in load_toml(path) if d.title == title]
    bad, reasons = [], []
    for parity in (0, 1):
        copy, mutated = _mutated(derivation, parity)
        if not mutated:
            continue
        report = check_derivation(copy, STEP_TIMEOUT)
        bad += [
            f"{report.results[n].step.claim!r}: {report.results[n].domain}"
            for n in mutated
            if report.results[n].verdict is Verdict.VERIFIED
        ]
        reasons += [report.results[n].reason for n in mutated]
    if not reasons:
        pytest.skip("no claim with a quantity that may make a divisor zero")
    assert not bad, "a step that introduces a restriction was verified:\n" + "\n".join(bad)
    assert any("introduces" in r for r in reasons), reasons


CHAIN = """
[symbols]
x = "real"
y = "real"

[[steps]]
claim = 'x + 1 = (x + 1) \\frac{x - y}{x - y}'

[[steps]]
claim = '= x + 1'

[[steps]]
claim = '= (x + 1) \\frac{x - y}{x - y}'
"""


def test_a_restriction_the_first_row_introduced_is_not_the_chains_domain(tmp_path):
    """The first row introduces x - y != 0 and is not verified: a later row that introduces
    it again is not verified "where x - y != 0" either (the chain's domain is what its
    left side needs). The row after the first is a link of a chain not established: it is
    judged where the row before is defined (stop 40; it was unknown, "the row before needs
    x - y != 0"), and holds there; the chain as a whole is established by no row."""
    path = tmp_path / "chain.toml"
    path.write_text(CHAIN, encoding="utf-8")
    (derivation,) = load_toml(str(path))
    results = check_derivation(derivation, STEP_TIMEOUT).results
    assert [r.verdict for r in results] == [Verdict.UNKNOWN, Verdict.VERIFIED, Verdict.UNKNOWN]
    assert "introduces x - y \\neq 0" in results[0].reason
    assert any("x - y" in str(c) for c in results[1].domain_conditions), results[1]
    assert "introduces x - y \\neq 0" in results[2].reason
