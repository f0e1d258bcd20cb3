"""Checking a small derivation (file or document) and having the independent numeric oracle
re-judge every step the checker verified: a verified step the oracle sees fail is a defect."""

from __future__ import annotations

import textwrap
from dataclasses import replace
from pathlib import Path

from eqchain.check.engine import check_derivation
from eqchain.load.document import load_document
from eqchain.load.toml_file import load_toml
from eqchain.model import StepKind, Verdict

from . import oracle


def _judged(derivation, timeout: float = 10.0):
    report = check_derivation(derivation, timeout)
    if len(report.results) == len(derivation.steps):
        # a document's kinds are the checker's to infer: the oracle reads its definitions and
        # givens as the checker took them (the inference itself is tested on its own)
        kinds = {Verdict.DEFINITION: StepKind.DEFINITION, Verdict.GIVEN: StepKind.GIVEN}
        steps = tuple(
            replace(s, kind=kinds[r.verdict]) if s.infer_kind and r.verdict in kinds else s
            for s, r in zip(derivation.steps, report.results, strict=True)
        )
        derivation = replace(derivation, steps=steps)
    contexts, sides = oracle.contexts(derivation), oracle.sides(derivation)
    for i, result in enumerate(report.results):
        if result.verdict is not Verdict.VERIFIED:
            continue
        if result.conditional and not result.step.where:
            continue  # a document's specialisation: its values are in the reason, not a 'where'
        # judged inside the step's reported domain (where x != 0): there both sides must be
        # defined and equal, and some drawn point must lie
        statuses = oracle.judge(
            *sides[i], contexts[i], seed=i, points=6, domain=result.domain_conditions
        )
        assert oracle.DIFFERENT not in statuses and oracle.UNDEFINED not in statuses, (
            f"verified but false somewhere: {result.step.claim!r}: {statuses}"
        )
        assert not result.domain or oracle.OUTSIDE not in statuses or oracle.EQUAL in statuses, (
            f"verified where {result.domain}, but no point drawn lies there: {statuses}"
        )
    return list(report.results)


def check_file(tmp_path: Path, text: str, timeout: float = 10.0):
    """The results of a derivation file given as text, every verified step re-judged."""
    path = tmp_path / "d.toml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return [r for d in load_toml(str(path)) for r in _judged(d, timeout)]


def check_markdown(tmp_path: Path, text: str, assume: str | None = None):
    """The results of a Markdown document given as text, every verified step re-judged."""
    path = tmp_path / "d.md"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return _judged(load_document(str(path), "markdown", assume=assume))


def claims(results):
    return [r for r in results if r.verdict.is_claim_verdict]
