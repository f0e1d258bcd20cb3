"""The pre-commit hook: ``.pre-commit-hooks.yaml`` has what pre-commit requires, its entry and
arguments run, and (where pre-commit is installed) ``pre-commit try-repo`` fails a wrong step."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from eqchain.cli import cli

ROOT = Path(__file__).resolve().parents[2]
HOOKS = ROOT / ".pre-commit-hooks.yaml"
REQUIRED = {"id", "name", "entry", "language"}  # pre-commit's MANIFEST_HOOK_DICT
WRONG_POST = "# Post\n\n$$\n(a + b)^2 = a^2 + b^2\n$$\n"


def parse_hooks(text: str) -> list[dict]:
    """The hook file's tiny YAML by hand (PyYAML is not a dependency): a list of mappings of
    scalars and flow sequences (``[a, b]``). Anything else is a ValueError."""
    hooks: list[dict] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split(" #", 1)[0].rstrip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        if line.startswith("- "):
            hooks.append({})
            line = "  " + line[2:]
        if not hooks or not line.startswith("  ") or line.startswith("   "):
            raise ValueError(f"line {number}: not a key of a hook: {raw!r}")
        key, sep, value = line.strip().partition(":")
        if not sep or not key or key in hooks[-1]:
            raise ValueError(f"line {number}: not one 'key: value': {raw!r}")
        value = value.strip()
        if value.startswith("["):
            if not value.endswith("]"):
                raise ValueError(f"line {number}: unclosed sequence")
            hooks[-1][key] = [v.strip() for v in value[1:-1].split(",") if v.strip()]
        elif value in ("true", "false"):
            hooks[-1][key] = value == "true"
        else:
            hooks[-1][key] = value
    return hooks


def test_the_hook_file_has_the_fields_pre_commit_requires():
    (hook,) = parse_hooks(HOOKS.read_text(encoding="utf-8"))
    assert REQUIRED <= set(hook)
    assert hook["id"] == "eqchain" and hook["entry"] == "eqchain check"
    assert hook["language"] == "python"
    assert hook["types_or"] == ["toml", "markdown", "tex"]


def test_the_parser_rejects_a_hook_file_that_is_not_a_list_of_hooks():
    with pytest.raises(ValueError):
        parse_hooks("id: eqchain\n")
    with pytest.raises(ValueError):
        parse_hooks("- id: eqchain\n  id: again\n")
    with pytest.raises(ValueError):
        parse_hooks("- id: eqchain\n  types_or: [toml\n")


def hook_args() -> list[str]:
    (hook,) = parse_hooks(HOOKS.read_text(encoding="utf-8"))
    return hook["entry"].split()[1:] + hook.get("args", [])


def test_the_hook_fails_a_wrong_step_and_passes_files_holding_no_derivation(tmp_path):
    (tmp_path / "post.md").write_text(WRONG_POST, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("# x\n", encoding="utf-8")
    names = [str(tmp_path / n) for n in ("post.md", "pyproject.toml", "README.md")]
    result = CliRunner().invoke(cli, [*hook_args(), "--no-cache", *names])
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{tmp_path / 'post.md'}:4:1: refuted:")
    fixed = CliRunner().invoke(cli, [*hook_args(), "--no-cache", *names[1:]])
    assert fixed.exit_code == 0, fixed.output


@pytest.mark.skipif(shutil.which("pre-commit") is None, reason="pre-commit is not installed")
def test_pre_commit_try_repo_fails_a_wrong_step(tmp_path):
    repo = tmp_path / "blog"
    repo.mkdir()
    (repo / "post.md").write_text(WRONG_POST, encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "add", "post.md"], cwd=repo, check=True)
    proc = subprocess.run(
        ["pre-commit", "try-repo", str(ROOT), "eqchain", "--files", "post.md"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "post.md:4:1: refuted" in proc.stdout
