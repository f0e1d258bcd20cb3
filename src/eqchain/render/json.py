"""A report as JSON, versioned and described by ``eqchain/schema/report.schema.json``.

The shape (``schema_version`` "1")::

    {schema_version, eqchain_version,
     derivations: [{path, title, steps: [{label, status, rules, claim, lhs, rhs, reason,
                    counterexample, warnings, conditions, conditional, domain, line,
                    notes}], domain}],
     summary: {verified, refuted, unknown, given, definition, total_claims}}

``status`` is the verdict's value; ``claim`` is the equation as the author wrote it; ``lhs`` and
``rhs`` are LaTeX; ``counterexample`` is null or ``{values: {name: value}, lhs, rhs}`` with the
checker's full-precision numbers; ``notes`` maps a language to the author's note. Keys come in
this fixed order and the text ends with a newline, so the same report always gives the same
bytes. No timings or timestamps are written.
"""

from __future__ import annotations

import json
from typing import Any

from eqchain.model import DerivationReport, Report, StepResult
from eqchain.render import content

SCHEMA_VERSION = "1"


def report_data(report: Report) -> dict[str, Any]:
    """The report as plain data (dicts, lists, strings, ints, None) in the schema's shape."""
    from eqchain import __version__

    counts = content.summary_counts(report)
    return {
        "schema_version": SCHEMA_VERSION,
        "eqchain_version": __version__,
        "derivations": [_derivation(d) for d in report.derivations],
        "summary": {
            key: counts[key]
            for key in ("verified", "refuted", "unknown", "given", "definition", "total_claims")
        },
    }


def render_json(report: Report) -> str:
    """The report as JSON text: indented by 2, non-ASCII kept as is, keys in the schema's
    order, one trailing newline."""
    return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"


def _derivation(dreport: DerivationReport) -> dict[str, Any]:
    return {
        "path": dreport.path,
        "title": dreport.title,
        "steps": [_step(r) for r in dreport.results],
        "domain": list(dreport.domain),
    }


def _step(result: StepResult) -> dict[str, Any]:
    step = result.step
    lhs, rhs = content.sides(result)
    ce = result.counterexample
    return {
        "label": step.label or None,
        "status": result.verdict.value,
        "rules": list(result.rules),
        "claim": step.claim,
        "lhs": lhs,
        "rhs": rhs,
        "reason": result.reason,
        "counterexample": None
        if ce is None
        else {"values": dict(ce.values), "lhs": ce.lhs, "rhs": ce.rhs},
        "warnings": list(result.warnings),
        "conditions": list(result.conditions),
        "conditional": result.conditional,
        "domain": list(result.domain),
        "line": step.place.line if step.place is not None else None,
        "notes": dict(sorted(step.notes)),
    }
