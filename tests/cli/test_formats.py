"""The linters' formats of ``eqchain check``: concise lines, GitHub workflow commands and SARIF,
each reporting the same steps and every file that could not be loaded (in-process)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import jsonschema
import jsonschema.validators
import pytest
from click.testing import CliRunner

from eqchain.cli import cli

GOOD = textwrap.dedent(
    r"""
    title = "good"
    [symbols]
    a = "positive"
    b = "positive"
    [[steps]]
    label = "1"
    claim = '\log(a b) = \log a + \log b'
    """
)
WRONG = textwrap.dedent(
    r"""
    title = "wrong"
    [symbols]
    a = "real"
    b = "positive"
    [[steps]]
    label = "2"
    claim = '\log(a b) = \log a + \log b'
    [[steps]]
    claim = '(a + b)^2 = a^2 + b^2'
    """
)
BROKEN = "title = 'x'\n[symbols\na = 1\n"
POST = "# A post\n\n$$\n(a + b)^2 = a^2 + 2 a b + b^2\n$$\n\n$$\nx = \\foo{y}\n$$\n"


def run(*args):
    return CliRunner().invoke(cli, ["check", "--no-cache", *args])


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a_broken.toml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "b_good.toml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "c_wrong.toml").write_text(WRONG, encoding="utf-8")
    (tmp_path / "d_post.md").write_text(POST, encoding="utf-8")
    return tmp_path


def test_concise_is_one_line_per_step_that_needs_attention(folder):
    result = run("--format", "concise", str(folder))
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{folder / 'a_broken.toml'}:2:9: error: TOML syntax error")
    assert lines[1].startswith(f"{folder / 'c_wrong.toml'}:8:1: unknown: (2) ")
    assert "log_mul needs a > 0" in lines[1]
    assert lines[2].startswith(f"{folder / 'c_wrong.toml'}:10:1: refuted: the two sides differ")
    assert "Counterexample: a = " in lines[2]
    assert lines[3].startswith(f"{folder / 'd_post.md'}:8:5: unreadable: cannot read the formula")
    assert lines[4] == (
        "2 verified, 1 refuted, 1 unknown, 1 unreadable (0 given, 0 definition); 1 file not read"
    )
    assert len(lines) == 5


def test_concise_verbose_lists_verified_steps_too(tmp_path):
    good = tmp_path / "good.toml"
    good.write_text(GOOD, encoding="utf-8")
    quiet = run("--format", "concise", str(good))
    assert quiet.exit_code == 0
    assert quiet.stdout.splitlines() == ["1 verified, 0 refuted, 0 unknown (0 given, 0 definition)"]
    loud = run("--format", "concise", "-v", str(good))
    assert loud.stdout.splitlines()[0] == f"{good}:8:1: verified: (1) log_mul"


def test_github_annotates_errors_and_warnings(folder):
    result = run("--format", "github", str(folder))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    broken = str(folder / "a_broken.toml").replace(":", "%3A").replace(",", "%2C")
    assert lines[0].startswith(
        f"::error file={broken},line=2,col=9,title=eqchain error::TOML syntax error"
    )
    assert (
        lines[1].startswith("::warning ")
        and ",line=8,col=1,title=eqchain unknown (2)::" in lines[1]
    )
    assert lines[2].startswith("::error ") and ",line=10,col=1,title=eqchain refuted::" in lines[2]
    assert lines[3].startswith("::error ") and "title=eqchain unreadable::" in lines[3]
    assert not any("verified" in ln for ln in lines[:-1])


def test_github_escapes_newlines_and_percent_signs():
    from eqchain.render.diagnostics import _escape_data, _escape_property

    assert _escape_data("50% a\nb") == "50%25 a%0Ab"
    assert _escape_property("C:\\a,b") == "C%3A\\a%2Cb"


SARIF_SCHEMA = Path(__file__).resolve().parents[1] / "fixtures" / "sarif-schema-2.1.0.json"


def validate_sarif(data: dict) -> None:
    """Validate a SARIF log against the official SARIF 2.1.0 JSON schema (OASIS SARIF TC,
    SARIF v2.1.0 Errata 01 OASIS Standard, ``sarif-2.1/schema/sarif-schema-2.1.0.json`` of the
    oasis-tcs/sarif-spec repository; a draft-04 schema), vendored in ``tests/fixtures``."""
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    validator.validate(data)


def check_sarif_structure(data: dict) -> None:
    """What GitHub code scanning and SARIF viewers read, checked by hand."""
    assert data["version"] == "2.1.0" and data["$schema"].endswith("sarif-2.1.0.json")
    (run_,) = data["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "eqchain" and isinstance(driver["version"], str)
    ids = [r["id"] for r in driver["rules"]]
    assert len(set(ids)) == len(ids)
    for result in run_["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note", "none")
        assert isinstance(result["message"]["text"], str) and result["message"]["text"]
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert isinstance(physical["artifactLocation"]["uri"], str)
        assert physical["region"]["startLine"] >= 1 and physical["region"]["startColumn"] >= 1


def test_sarif_reports_every_file_and_step_that_needs_attention(folder):
    result = run("--format", "sarif", str(folder))
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    check_sarif_structure(data)
    validate_sarif(data)
    found = [
        (
            r["ruleId"],
            r["level"],
            Path(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]).name,
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for r in data["runs"][0]["results"]
    ]
    assert found == [
        ("error", "error", "a_broken.toml", 2),
        ("unknown", "warning", "c_wrong.toml", 8),
        ("refuted", "error", "c_wrong.toml", 10),
        ("unreadable", "error", "d_post.md", 8),
    ]


def test_sarif_uri_is_relative_for_a_relative_path(tmp_path, monkeypatch):
    (tmp_path / "my post.md").write_text(POST, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    data = json.loads(run("--format", "sarif", "-v", "my post.md").stdout)
    validate_sarif(data)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in data["runs"][0]["results"]
    }
    assert uris == {"my%20post.md"}
    passes = [r for r in data["runs"][0]["results"] if r.get("kind") == "pass"]
    assert [p["ruleId"] for p in passes] == ["verified"]


def test_a_bad_sarif_log_fails_the_structure_check():
    with pytest.raises((AssertionError, KeyError, ValueError)):
        check_sarif_structure({"version": "2.1.0", "$schema": "x/sarif-2.1.0.json", "runs": []})


def test_the_official_schema_is_the_one_validating():
    """The vendored file is OASIS's schema (its id) and it rejects what SARIF forbids."""
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert schema["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")
    assert schema["id"].endswith("/schemas/sarif-schema-2.1.0.json")
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{}]}]}
    with pytest.raises(jsonschema.ValidationError, match="message"):
        validate_sarif(bad)
    with pytest.raises(jsonschema.ValidationError):
        validate_sarif({"version": "2.0.0", "runs": []})
    validate_sarif({"version": "2.1.0", "runs": []})


def test_a_folder_of_good_broken_and_unreadable_files_is_reported_in_every_format(tmp_path):
    """The issue's acceptance: three good files, a broken TOML file, a document with an
    unreadable formula (and a readable one, still checked) and a Markdown post, in text, JSON,
    SARIF and GitHub formats; JSON and SARIF valid against their schemas."""
    from eqchain.schema import report_schema

    for name in ("g1", "g2", "g3"):
        (tmp_path / f"{name}.toml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "broken.toml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "unreadable.tex").write_text(
        "\\[ x = \\foo{y} \\]\n\nThen\n\\[ (c + d)^2 = c^2 + 2 c d + d^2 \\]\n",
        encoding="utf-8",
    )
    (tmp_path / "post.md").write_text(
        "# Post\n\n$$\n(a + b)^2 = a^2 + 2 a b + b^2\n$$\n", encoding="utf-8"
    )
    text = run(str(tmp_path))
    assert text.exit_code == 1
    assert text.stdout.count("✓ verified") == 5
    assert "broken.toml:2:9: TOML syntax error" in text.stdout
    assert "⊘ unreadable" in text.stdout and "unknown LaTeX command \\foo" in text.stdout
    assert text.stdout.splitlines()[-1] == (
        "5 verified, 0 refuted, 0 unknown, 1 unreadable (0 given, 0 definition); 1 file not read"
    )
    result = run("--format", "json", str(tmp_path))
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    jsonschema.Draft202012Validator(report_schema()).validate(data)
    found = {
        Path(d["path"]).name: (d["error"] and d["error"]["line"], [s["status"] for s in d["steps"]])
        for d in data["derivations"]
    }
    assert found == {
        "broken.toml": (2, []),
        "g1.toml": (None, ["verified"]),
        "g2.toml": (None, ["verified"]),
        "g3.toml": (None, ["verified"]),
        "post.md": (None, ["verified"]),
        "unreadable.tex": (None, ["unreadable", "verified"]),
    }
    result = run("--format", "sarif", "-v", str(tmp_path))
    assert result.exit_code == 1
    sarif = json.loads(result.stdout)
    check_sarif_structure(sarif)
    validate_sarif(sarif)
    results = sorted(
        (
            Path(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]).name,
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["ruleId"],
        )
        for r in sarif["runs"][0]["results"]
    )
    assert results == [
        ("broken.toml", 2, "error"),
        ("g1.toml", 8, "verified"),
        ("g2.toml", 8, "verified"),
        ("g3.toml", 8, "verified"),
        ("post.md", 4, "verified"),
        ("unreadable.tex", 1, "unreadable"),
        ("unreadable.tex", 4, "verified"),
    ]
    result = run("--format", "github", str(tmp_path))
    assert result.exit_code == 1
    github = result.stdout.splitlines()
    assert [ln.split(" ", 1)[0] for ln in github[:-1]] == ["::error", "::error"]
    assert "broken.toml,line=2," in github[0] and "unreadable.tex,line=1," in github[1]
    assert github[-1].endswith("; 1 file not read")
    verbose = run("--format", "github", "-v", str(tmp_path)).stdout.splitlines()
    assert sum(ln.startswith("::notice ") for ln in verbose) == 5
