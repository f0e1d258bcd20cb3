"""The JSON renderer and its schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

from eqchain.model import DerivationReport, FileError, Place, Report, Step, StepResult, Verdict
from eqchain.render.json import SCHEMA_VERSION, render_json, report_data
from eqchain.schema import report_schema


@pytest.fixture(scope="module")
def validator():
    return jsonschema.Draft202012Validator(report_schema())


def test_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(report_schema())


def test_output_validates_against_schema(report, validator):
    validator.validate(json.loads(render_json(report)))


def test_empty_report_validates_against_schema(empty_report, validator):
    validator.validate(json.loads(render_json(empty_report)))


def test_step_without_place_or_sides_validates_against_schema(report, validator):
    step = Step(claim="a = b", lhs=None, rhs=None)
    derivation = report.derivations[0].derivation
    report = Report((DerivationReport(derivation, (StepResult(step, Verdict.UNKNOWN),)),))
    data = json.loads(render_json(report))
    validator.validate(data)
    assert data["derivations"][0]["steps"][0]["line"] is None


def test_schema_rejects_an_unknown_status(report, validator):
    data = json.loads(render_json(report))
    data["derivations"][0]["steps"][0]["status"] = "probably"
    assert not validator.is_valid(data)


def test_top_level_keys_come_in_schema_order(report):
    data = json.loads(render_json(report))
    assert list(data) == ["schema_version", "eqchain_version", "derivations", "summary"]
    assert data["schema_version"] == SCHEMA_VERSION == "2"


def test_step_has_every_field(report):
    step = json.loads(render_json(report))["derivations"][0]["steps"][2]
    assert list(step) == [
        "label", "role", "status", "rules", "claim", "lhs", "rhs", "reason",
        "counterexample", "warnings", "conditions", "conditional", "domain", "condition",
        "relation", "follows", "line", "column", "notes",
    ]  # fmt: skip
    assert step["condition"] is None  # no condition after a comma
    assert step["relation"] == "=" and step["follows"] is None
    assert step["label"] == "3.5"
    assert step["claim"] == r"= \sum_{k=1}^{6} \log y_k^{t_k}"
    assert step["notes"]["ja"].startswith("y_k はすべて")


def test_summary_counts_every_verdict_and_the_claims(report):
    summary = json.loads(render_json(report))["summary"]
    assert summary == {
        "verified": 4, "refuted": 1, "unknown": 1, "unreadable": 0, "given": 1,
        "definition": 1, "errors": 0, "total_claims": 6,
    }  # fmt: skip


def test_counterexample_keeps_full_precision(report):
    steps = report_data(report)["derivations"][0]["steps"]
    ce = next(s["counterexample"] for s in steps if s["status"] == "refuted")
    assert ce == {
        "values": {"a": "1", "b": "1/2"},
        "lhs": "0.405465108108164381978013115464349137",
        "rhs": "-0.693147180559945309417232121458176568",
    }


def test_text_is_indented_unescaped_and_ends_with_one_newline(report):
    text = render_json(report)
    assert text.startswith('{\n  "schema_version"')
    assert "すべて正の確率" in text
    assert text.endswith("}\n") and not text.endswith("\n\n")


def test_equal_reports_give_identical_output(fresh_report):
    assert render_json(fresh_report()) == render_json(fresh_report())


def test_a_claim_checked_for_values_is_marked_conditional(tmp_path):
    from helpers import DIE_SYMBOLS

    from eqchain.api import check_derivations
    from eqchain.load.toml_file import load_toml

    path = tmp_path / "d.toml"
    path.write_text(
        DIE_SYMBOLS
        + "[[steps]]\nkind = \"definition\"\nclaim = 'L = \\prod_{k=1}^{K} y_k^{t_k}'\n"
        + "[[steps]]\nclaim = 'L = y_1'\nwhere = { K = 2, t = [1, 0] }\n"
        + "[[steps]]\nclaim = 'L \\cdot 1 = L'\n",
        encoding="utf-8",
    )
    report = check_derivations(load_toml(str(path)))
    steps = json.loads(render_json(report))["derivations"][0]["steps"]
    assert [s["conditional"] for s in steps] == [False, True, False]


def test_an_unreadable_step_has_its_message_line_and_column(report, validator):
    step = Step(
        claim=r"a = \foo b",
        lhs=None,
        rhs=None,
        place=Place("post.md", 12, 5),
        unreadable="cannot read the formula: unknown LaTeX command \\foo",
    )
    derivation = report.derivations[0].derivation
    report = Report(
        (
            DerivationReport(
                derivation, (StepResult(step, Verdict.UNREADABLE, reason=step.unreadable),)
            ),
        )
    )
    data = json.loads(render_json(report))
    validator.validate(data)
    entry = data["derivations"][0]["steps"][0]
    assert (entry["status"], entry["line"], entry["column"]) == ("unreadable", 12, 5)
    assert entry["reason"].startswith("cannot read the formula: unknown LaTeX command")
    assert data["summary"]["unreadable"] == 1 and data["summary"]["total_claims"] == 0


def test_a_file_that_could_not_be_loaded_is_an_entry_with_its_error(validator):
    error = FileError("TOML syntax error: Expected ']'", Place("bad.toml", 2, 9))
    data = json.loads(render_json(Report((DerivationReport.failed("bad.toml", error),))))
    validator.validate(data)
    entry = data["derivations"][0]
    assert entry["path"] == "bad.toml" and entry["steps"] == []
    assert entry["error"] == {"message": "TOML syntax error: Expected ']'", "line": 2, "column": 9}
    assert data["summary"]["errors"] == 1


def test_a_loaded_derivation_has_a_null_error(report):
    assert all(d["error"] is None for d in json.loads(render_json(report))["derivations"])
