"""The MCP server's tools, through the SDK's client over stdio: schemas, verdicts, errors."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[2]
REPORT_SCHEMA = json.loads(
    resources.files("eqchain").joinpath("schema/report.schema.json").read_text("utf-8")
)
VALID_CHAIN = r"""# Log of a product

$$
\log(a b^{2}) = \log a + \log b^{2}
= \log a + 2 \log b
$$
"""
LOG_MUL = {"previous": r"\log(ab)", "next": r"\log a + \log b"}


def test_lists_the_five_tools_with_their_schemas(server):
    tools = {t.name: t for t in server.list_tools().tools}
    assert set(tools) == {"check", "check_step", "derive", "maximize", "rules"}
    for tool in tools.values():
        assert tool.description
        assert _schema(tool.input_schema)["type"] == "object"
        assert _schema(tool.output_schema)["type"] == "object"
        assert tool.annotations.read_only_hint is True
    check = _schema(tools["check"].input_schema)
    assert check["required"] == ["text"]
    assert set(check["properties"]) == {"text", "format", "assume", "timeout"}
    assert set(_schema(tools["check_step"].input_schema)["required"]) == {"previous", "next"}
    assert set(_schema(tools["maximize"].input_schema)["required"]) == {"objective", "variables"}
    report = _schema(tools["check"].output_schema)
    assert report["title"] == REPORT_SCHEMA["title"]
    assert report["properties"] == REPORT_SCHEMA["properties"]
    step = _schema(tools["check_step"].output_schema)
    assert step["required"] == REPORT_SCHEMA["$defs"]["step"]["required"]


def _schema(schema) -> dict:
    """A schema as a dict (the SDK's wire types give dicts or models, by protocol version)."""
    if isinstance(schema, dict):
        return schema
    return schema.model_dump(by_alias=True, exclude_none=True)


def test_check_verifies_a_valid_chain(server):
    answer = server.call("check", {"text": VALID_CHAIN, "assume": "a > 0, b > 0"})
    assert not answer.is_error, answer.text
    jsonschema.validate(answer.data, REPORT_SCHEMA)
    steps = answer.data["derivations"][0]["steps"]
    assert [s["status"] for s in steps] == ["verified", "verified"]
    assert steps[0]["rules"] == ["log_mul"]
    assert steps[1]["rules"] == ["log_pow"]
    assert json.loads(answer.text) == answer.data  # the same report as text


def test_check_reads_a_derivation_file_and_infers_its_format(server):
    text = (ROOT / "derivations" / "log_likelihood.toml").read_text("utf-8")
    answer = server.call("check", {"text": text})
    assert not answer.is_error, answer.text
    summary = answer.data["summary"]
    assert summary["verified"] == summary["total_claims"] > 0
    assert answer.data["derivations"][0]["path"] == "<input>.toml"


def test_check_step_refutes_a_wrong_step_with_values(server):
    answer = server.call(
        "check_step", {"previous": "(x+1)^{2}", "next": "x^{2} + 2x + 2", "assume": "x real"}
    )
    assert not answer.is_error, answer.text
    assert answer.data["status"] == "refuted"
    example = answer.data["counterexample"]
    assert set(example["values"]) == {"x"}
    assert example["lhs"] != example["rhs"]


def test_check_step_names_the_missing_condition(server):
    answer = server.call("check_step", {**LOG_MUL, "assume": "a real, b real"})
    assert not answer.is_error, answer.text
    assert answer.data["status"] == "unknown"
    assert "log_mul needs a > 0, b > 0" in answer.data["reason"]


def test_check_step_verifies_with_the_condition_and_names_the_rule(server):
    answer = server.call("check_step", {**LOG_MUL, "assume": "a > 0, b > 0"})
    assert answer.data["status"] == "verified"
    assert answer.data["rules"] == ["log_mul"]
    assert "a > 0" in answer.data["conditions"]


def test_unreadable_input_is_a_tool_error_and_the_server_answers_the_next_call(server):
    answer = server.call("check_step", {"previous": r"\frac{a", "next": "b"})
    assert answer.is_error
    assert answer.text == "previous, column 6: cannot read the formula: unbalanced '{'"
    assert server.call("check_step", {"previous": "a", "next": "a"}).data["status"] == "verified"


@pytest.mark.parametrize(
    "tool, arguments, message",
    [
        ("check", {}, "'text': Field required"),
        ("check", {"text": "$$a = a$$", "format": "pdf"}, "'format'"),
        ("check", {"text": "$$a = a$$", "timeout": -1}, "'timeout'"),
        ("check", {"text": "$$a = a$$", "timeout": 3600}, "'timeout'"),
        ("check", {"text": "$$a = a$$", "code": "import os"}, "'code': Extra inputs"),
        ("check", {"text": "no math here"}, "no displayed equations found"),
        ("check", {"text": "[[steps]]\nclaim = 'a = a'\n", "assume": "a > 0"}, "'assume' is for"),
        ("check", {"text": "$$a = a$$", "assume": "a is big"}, "cannot read the assumption"),
        ("check_step", {"previous": "a = b", "next": "c"}, "one expression each"),
        ("check_step", {"previous": "$a$", "next": "a"}, "without $"),
        ("check_step", {"previous": r"\nabla f", "next": "0"}, "previous"),
        ("derive", {"expression": "x", "symbols": {"x": "positiv"}}, "unknown assumption"),
        ("derive", {"expression": r"\log(ab)", "rules": "magic"}, "unknown rule family"),
        ("maximize", {"objective": "x", "variables": []}, "'variables'"),
        ("maximize", {"objective": "x y", "variables": ["x"], "data": {"y": 0.5}}, "'data.y"),
    ],
)
def test_a_bad_argument_is_a_tool_error_with_a_message(server, tool, arguments, message):
    answer = server.call(tool, arguments)
    assert answer.is_error, answer.text
    assert message in answer.text


def test_derive_returns_the_checked_chain(server):
    answer = server.call("derive", {"expression": r"\log(a b^{2})", "assume": "a > 0, b > 0"})
    assert not answer.is_error, answer.text
    jsonschema.validate(answer.data, REPORT_SCHEMA)
    steps = answer.data["derivations"][0]["steps"]
    assert [s["rules"] for s in steps] == [["log_mul"], ["log_pow"]]
    assert {s["status"] for s in steps} == {"verified"}


def test_derive_says_which_condition_stops_it(server):
    answer = server.call("derive", {"expression": r"\log(ab)", "assume": "a real, b real"})
    assert answer.is_error
    assert "log_mul needs a > 0" in answer.text


def test_maximize_returns_the_checked_solution(server):
    symbols = {
        "K": "positive integer",
        "y": {"index": "k", "range": "1..K", "assume": "positive"},
        "t": {"index": "k", "range": "1..K", "assume": "positive integer"},
        "lambda": "real",
    }
    answer = server.call(
        "maximize",
        {
            "objective": r"\sum_{k=1}^{K} t_{k} \log y_{k}",
            "variables": ["y_k"],
            "constraints": [r"\sum_{k=1}^{K} y_{k} = 1"],
            "data": {"t": [2, 5, 2, 4, 2, 5]},
            "symbols": symbols,
        },
    )
    assert not answer.is_error, answer.text
    summary = answer.data["summary"]
    assert summary["verified"] == summary["total_claims"] > 0
    claims = " ".join(s["claim"] for s in answer.data["derivations"][0]["steps"])
    assert r"\frac{1}{4}" in claims  # y_2 = 5/20


def test_rules_lists_the_rule_table(server):
    answer = server.call("rules")
    assert not answer.is_error, answer.text
    rules = {r["name"]: r for r in answer.data["rules"]}
    assert rules["log_mul"]["conditions"] == ["positive a", "positive b"]
    assert rules["log_mul"]["ja"]
