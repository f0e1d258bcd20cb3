"""What ``eqchain check`` reads: standard input (``-``), folders of derivation files and
documents, and the TOML files and documents a folder walk skips (in-process)."""

from __future__ import annotations

from click.testing import CliRunner

from eqchain.cli import cli

GOOD = """title = "good"
[symbols]
a = "positive"
b = "positive"
[[steps]]
claim = '\\log(a b) = \\log a + \\log b'
"""
WRONG_POST = "# Post\n\n$$\n(a + b)^2 = a^2 + b^2\n$$\n"
GOOD_POST = "# Post\n\n$$\n(a + b)^2 = a^2 + 2 a b + b^2\n$$\n"
LABELS = "[labels]\nslug = 'x'\n"  # a benchmark's label file: TOML, not a derivation


def run(*args, input=None):
    return CliRunner().invoke(cli, ["check", "--no-cache", *args], input=input)


def test_standard_input_is_read_as_markdown_by_default():
    result = run("--format", "concise", "-", input=WRONG_POST)
    assert result.exit_code == 1
    assert result.stdout.startswith("-:4:1: refuted: the two sides differ")


def test_standard_input_is_read_as_a_derivation_file_when_its_toml_is_one():
    result = run("--format", "concise", "-v", "-", input=GOOD)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("-:6:1: verified: log_mul")


def test_stdin_format_names_what_standard_input_holds():
    result = run("--format", "concise", "--stdin-format", "toml", "-", input=GOOD_POST)
    assert result.exit_code == 2
    assert result.stdout.startswith("-:3:1: error: TOML syntax error")


def test_standard_input_that_is_no_document_is_an_error_entry():
    result = run("--format", "concise", "--stdin-format", "md", "-", input="no math here\n")
    assert result.exit_code == 2
    assert result.stdout.splitlines()[0] == "-:1:1: error: no displayed equations found"


def test_a_folder_takes_documents_and_skips_files_holding_no_derivation(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "post.md").write_text(WRONG_POST, encoding="utf-8")
    (tmp_path / "content" / "about.md").write_text("# About\n\nno math\n", encoding="utf-8")
    (tmp_path / "content" / "paper.tex").write_text(
        "\\[ (a + b)^2 = a^2 + 2 a b + b^2 \\]\n", encoding="utf-8"
    )
    (tmp_path / "content" / "notes.qmd").write_text(GOOD_POST, encoding="utf-8")
    (tmp_path / "content" / "labels.toml").write_text(LABELS, encoding="utf-8")
    (tmp_path / "content" / "d.toml").write_text(GOOD, encoding="utf-8")
    result = run("--format", "concise", "-v", str(tmp_path / "content"))
    assert result.exit_code == 1, result.output
    names = [line.split(":")[0].rsplit("/", 1)[-1] for line in result.stdout.splitlines()[:-1]]
    assert names == ["d.toml", "notes.qmd", "paper.tex", "post.md"]
    assert "skipped 2 files holding no derivation" in result.stderr


def test_a_file_named_twice_is_checked_once(tmp_path):
    (tmp_path / "post.md").write_text(WRONG_POST, encoding="utf-8")
    result = run("--format", "concise", str(tmp_path), str(tmp_path / "post.md"))
    assert result.stdout.count("refuted: ") == 1


def test_a_toml_file_named_explicitly_that_is_no_derivation_is_an_error(tmp_path):
    labels = tmp_path / "labels.toml"
    labels.write_text(LABELS, encoding="utf-8")
    result = run("--format", "concise", str(labels))
    assert result.exit_code == 2
    assert result.stdout.startswith(f"{labels}:") and ": error: " in result.stdout


def test_skip_non_derivations_skips_named_files_holding_none(tmp_path):
    labels = tmp_path / "pyproject.toml"
    labels.write_text(LABELS, encoding="utf-8")
    readme = tmp_path / "README.md"
    readme.write_text("# Read me\n", encoding="utf-8")
    result = run("--skip-non-derivations", str(labels), str(readme))
    assert result.exit_code == 0, result.output
    assert "skipped 2 files" in result.stderr


def test_a_folder_with_only_unrelated_files_is_reported(tmp_path):
    (tmp_path / "labels.toml").write_text(LABELS, encoding="utf-8")
    result = run(str(tmp_path))
    assert result.exit_code == 2
    assert "no derivation files found" in result.stdout


def test_glob_chooses_what_a_folder_walk_takes(tmp_path):
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "post.md").write_text(WRONG_POST, encoding="utf-8")
    (tmp_path / "d.toml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "notes.txt").write_text(WRONG_POST, encoding="utf-8")
    result = run("--format", "concise", "-v", "--glob", "posts/*.md", str(tmp_path))
    names = [line.split(":")[0].rsplit("/", 1)[-1] for line in result.stdout.splitlines()[:-1]]
    assert names == ["post.md"]
    nothing = run("--glob", "*.rst", str(tmp_path))
    assert nothing.exit_code == 2 and "no derivation files found" in nothing.stdout
