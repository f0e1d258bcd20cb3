"""Every step the checker verifies in derivations/ holds at random admissible points.

The judge (:mod:`oracle`) is independent of the checker: definitions unfolded, sums written out
for several concrete counts (K = 2, 3, 5, 6, 7), values drawn to satisfy the declared assumptions
and the givens. Numbers never prove a step, but a verified step that the judge sees fail at a
point is a checker defect. A step verified within a domain ("where x != 0") is judged at the
points inside its reported domain: there both sides must be defined and equal, and at least one
drawn point must lie inside it (a domain is never empty). tests/fixtures/domains.toml holds steps
that are verified only within a domain.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eqchain.check.engine import check_derivation
from eqchain.load.toml_file import load_toml
from eqchain.model import Verdict

from . import oracle

ROOT = Path(__file__).resolve().parents[2]
# Expectations (issue 18) are left out, as in the mutation campaign: the oracle evaluates sides
# at points, and an expectation needs a distribution (every point is "both undefined"). Their
# verified and refuted steps are tested in tests/check/test_expectations.py.
EXPECTATION_FILES = {"variance.toml", "variance_angle.toml"}
FILES = sorted(
    p for p in (ROOT / "derivations").glob("*.toml") if p.name not in EXPECTATION_FILES
) + [ROOT / "tests/fixtures/domains.toml"]

# Known defects, reported to the lead (tracker issue 7); remove a mark when the defect is fixed.
KNOWN: dict[str, str] = {}
# Judged in CI and with ``pytest -m slow`` only (``.ci/run`` runs every case): its integrals' 16
# quadratures a step at 30 and 60 digits took 14 s of CPU, a twentieth of the README's pytest
# (issue 17); its steps are judged by the mutation campaign's sample there too.
SLOW = {"KL divergence between two univariate Gaussians"}


def _derivations():
    out = []
    for path in FILES:
        for d in load_toml(str(path)):
            marks = ()
            if d.title in KNOWN:
                marks = pytest.mark.xfail(strict=True, reason=KNOWN[d.title])
            elif d.title in SLOW:
                marks = pytest.mark.slow
            out.append(pytest.param(str(path), d.title, id=f"{path.stem}:{d.title}", marks=marks))
    return out


@pytest.mark.parametrize(("path", "title"), _derivations())
def test_every_verified_step_holds_at_random_points(path, title, flagship_reports):
    if Path(path).parent == ROOT / "derivations":  # checked once per session (conftest.py)
        reports = flagship_reports[Path(path).name].derivations
        (report,) = [r for r in reports if r.derivation.title == title]
        derivation = report.derivation
    else:
        (derivation,) = [d for d in load_toml(path) if d.title == title]
        report = check_derivation(derivation, 10.0)
    contexts, sides = oracle.contexts(derivation), oracle.sides(derivation)
    bad = []
    for i, result in enumerate(report.results):
        if result.verdict is not Verdict.VERIFIED:
            continue
        statuses = oracle.judge(
            *sides[i], contexts[i], seed=i, points=8, domain=result.domain_conditions
        )
        defects = (oracle.DIFFERENT, oracle.UNDEFINED, oracle.BOTH_UNDEFINED)
        if any(s in defects for s in statuses):
            bad.append(f"{result.step.claim!r} ({result.rules}): {statuses}")
        elif result.domain and oracle.EQUAL not in statuses:
            bad.append(f"{result.step.claim!r} where {result.domain}: no point inside, {statuses}")
    assert not bad, "verified but false somewhere:\n" + "\n".join(bad)
