"""The pre-commit hook: ``.pre-commit-hooks.yaml`` has what pre-commit requires, its entry and
arguments run, and (where pre-commit is installed) ``pre-commit try-repo`` fails a wrong step."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import sysconfig
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


def pre_commit_command() -> list[str] | None:
    """pre-commit as the test's own interpreter runs it (the test extra installs it), else None."""
    if importlib.util.find_spec("pre_commit") is None:
        return None
    return [sys.executable, "-m", "pre_commit"]


def try_repo_environment(home: Path) -> dict[str, str]:
    """pre-commit clones this repository, makes the hook's virtualenv and pip-installs the
    repository into it, as for a user. Only its dependencies are not installed again (SymPy
    alone takes a minute or two): pip installs eqchain with ``--no-deps`` and the hook's
    interpreter finds SymPy and the rest in this test's environment (PYTHONPATH). The store is
    fresh in tmp, so no environment of an earlier run is reused."""
    env = dict(os.environ)
    site_packages = sysconfig.get_paths()["purelib"]
    env.update(
        PRE_COMMIT_HOME=str(home),
        PIP_NO_DEPS="1",
        PIP_NO_COMPILE="1",
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        PIP_NO_INPUT="1",
        PYTHONPATH=os.pathsep.join(p for p in (env.get("PYTHONPATH", ""), site_packages) if p),
        EQCHAIN_CACHE_DIR=str(home / "eqchain-cache"),
    )
    return env


VALID_POST = "# Post\n\n$$\n(a + b)^2 = a^2 + 2 a b + b^2\n$$\n"


@pytest.mark.skipif(pre_commit_command() is None, reason="pre-commit is not installed")
@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="not a git checkout: nothing to try")
def test_pre_commit_try_repo_fails_a_wrong_step_and_passes_a_valid_one(tmp_path):
    repo = tmp_path / "blog"
    repo.mkdir()
    (repo / "wrong.md").write_text(WRONG_POST, encoding="utf-8")
    (repo / "valid.md").write_text(VALID_POST, encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "add", "wrong.md", "valid.md"], cwd=repo, check=True)
    env = try_repo_environment(tmp_path / "pre-commit-home")

    def try_repo(name: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*pre_commit_command(), "try-repo", str(ROOT), "eqchain", "--files", name],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )

    wrong = try_repo("wrong.md")
    assert wrong.returncode == 1, wrong.stdout + wrong.stderr
    assert "wrong.md:4:1: refuted" in wrong.stdout
    assert "Failed" in wrong.stdout
    valid = try_repo("valid.md")
    assert valid.returncode == 0, valid.stdout + valid.stderr
    assert "Passed" in valid.stdout
