"""Every ``eqchain`` command of the README runs as written, in-process, in a folder holding the
files it names (the tutorial's ``mine.toml`` is the README's own TOML block), with the exit
status the README gives it; where the README shows the output, the output is what it shows
(``...`` standing for any text). A command found in the README that this file neither runs nor
names with a reason fails the test, so a new example cannot go untested."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from eqchain.cli import cli

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")

# The command as the README writes it -> the exit status the README says it has.
RUN = {
    "eqchain check derivations/": 0,  # the Quickstart
    "eqchain check mine.toml": 0,  # the tutorial, step 2 (its output is shown)
    "eqchain show mine.toml --lang ja": 0,
    "eqchain latex mine.toml -o proof.tex": 0,
    "eqchain markdown mine.toml": 0,
    "eqchain markdown derivations/log_likelihood.toml": 0,  # the Publishing section
    "eqchain check post.md": 0,
    "eqchain check paper.tex": 0,
    "cat post.md | eqchain check -": 0,
    "eqchain check --cross-check post.md": 0,
    "eqchain check --format concise content/": 1,  # a broken file among others
    "eqchain check --format github content/": 1,
    "eqchain check derivations/dice_mle.toml": 0,
    "eqchain maximize --objective '\\sum_{k=1}^{K} t_k \\log y_k' --variable y_k "
    "--constraint '\\sum_{k=1}^{K} y_k = 1' --data t=2,5,2,4,2,5 "
    "--symbols derivations/dice_mle.toml": 0,
    "eqchain derive '\\log(a b)' --assume \"a > 0, b > 0\"": 0,
    "eqchain rules": 0,
}
# Mentions that are not commands to run, each with the reason.
NOT_RUN = {
    "eqchain check": "the command's name in prose",
    "eqchain derive": "the command's name in prose",
    "eqchain latex": "the command's name in prose",
    "eqchain check --format json": "names the JSON report (as the MCP tools' output schema)",
    "eqchain mcp": "a server on standard input: run by tests/mcp",
}

POST = "# A post\n\n$$\n(a + b)^2 = a^2 + 2 a b + b^2\n$$\n"
PAPER = (
    "\\documentclass{article}\n\\begin{document}\n\\[ (a + b)^2 = a^2 + 2 a b + b^2 \\]\n"
    "\\end{document}\n"
)
# The folder of the concise example: a broken file, the tutorial with `y` real (its log steps
# unknown), a post with a valid, an unreadable and a wrong formula at the lines shown.
CONTENT_POST = POST + "\n$$\nx = \\foo{y}\n$$\n\n$$\n(a + b)^2 = a^2 + b^2\n$$\n"


def tutorial_toml() -> str:
    """The README's first TOML block: the tutorial's ``mine.toml``."""
    return re.search(r"```toml\n(.*?)```", README, re.S).group(1)


def readme_commands() -> dict[str, list[str] | None]:
    """Every ``eqchain`` command of the README -> the output it shows (None when none is).

    Found in code blocks (a line starting with ``eqchain``, or after ``&&``, ``run:`` or a
    ``$`` prompt; a trailing backslash continues the line) and in inline code that starts with
    ``eqchain`` or pipes into it. Lines of the command table are synopses (``PATH...``), not
    commands. The tutorial's outputs, shown in the blocks after "Check it" and "Find the wrong
    step", belong to ``eqchain check mine.toml`` and are checked by their own tests."""
    found: dict[str, list[str] | None] = {}
    for block in re.findall(r"```[a-z]*\n(.*?)```", README, re.S):
        lines = [ln.strip() for ln in block.replace("\\\n", " ").splitlines()]
        for i, line in enumerate(lines):
            if line.startswith("$ "):
                command = line[2:]
                shown = []
                for later in lines[i + 1 :]:
                    if later.startswith("$ "):
                        break
                    shown.append(later)
                while shown and not shown[-1]:
                    shown.pop()
                found[command] = shown
                continue
            match = re.match(r"(?:.*&& |- run: .*&& |- run: )?(eqchain .*)", line)
            if match and not line.startswith("#") and not line.startswith("- repo"):
                found.setdefault(re.sub(r"\s+", " ", match.group(1)).strip(), None)
    prose = re.sub(r"```.*?```", "", README, flags=re.S)
    for line in prose.splitlines():
        if line.startswith("|"):
            continue
        for span in re.findall(r"`([^`]+)`", line):
            if span.startswith("eqchain ") or "| eqchain " in span:
                found.setdefault(span, None)
    return found


def shown_matches(shown: list[str], printed: list[str]) -> bool:
    """Whether the printed lines are the shown ones, ``...`` in a shown line standing for any
    text (``…`` is eqchain's own, printed)."""
    if len(shown) != len(printed):
        return False
    for want, got in zip(shown, printed, strict=True):
        pattern = ".*".join(re.escape(part) for part in want.split("..."))
        if not re.fullmatch(pattern, got.rstrip()):
            return False
    return True


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """A folder holding every file the README's commands name."""
    root = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "derivations", root / "derivations")
    (root / "mine.toml").write_text(tutorial_toml(), encoding="utf-8")
    (root / "post.md").write_text(POST, encoding="utf-8")
    (root / "paper.tex").write_text(PAPER, encoding="utf-8")
    content = root / "content"
    content.mkdir()
    (content / "broken.toml").write_text("title = 'x'\n[symbols\na = 1\n", encoding="utf-8")
    real = tutorial_toml().replace('assume = "positive"', 'assume = "real"')
    (content / "mine.toml").write_text(real, encoding="utf-8")
    (content / "post.md").write_text(CONTENT_POST, encoding="utf-8")
    return root


def run_as_written(command: str, workspace: Path, monkeypatch):
    monkeypatch.chdir(workspace)
    stdin = None
    if command.startswith("cat "):
        name, _, command = command[4:].partition(" | ")
        stdin = (workspace / name).read_text(encoding="utf-8")
    args = shlex.split(command)
    assert args[0] == "eqchain"
    return CliRunner().invoke(cli, args[1:], input=stdin)


def test_every_eqchain_command_of_the_readme_is_run_here_or_named_with_a_reason():
    found = set(readme_commands())
    assert found == set(RUN) | set(NOT_RUN), (found - set(RUN) - set(NOT_RUN), set(RUN) - found)


@pytest.mark.parametrize("command", sorted(RUN))
def test_a_readme_command_runs_as_written(command, workspace, monkeypatch):
    result = run_as_written(command, workspace, monkeypatch)
    problems = [ln for ln in result.stdout.splitlines() if re.search(r"[?✗⊘] \w", ln)]
    if RUN[command] == 0 and result.exit_code == 1 and problems:
        if all("time limit" in ln for ln in problems):  # wall-clock limits on a loaded machine
            pytest.skip(f"the time limit ran out (machine too loaded?): {problems}")
    assert result.exit_code == RUN[command], problems or result.output[-3000:]
    shown = readme_commands().get(command)
    if shown:
        assert shown_matches(shown, result.stdout.splitlines()), (shown, result.stdout)
    if command.endswith("-o proof.tex"):
        assert "\\begin{document}" in (workspace / "proof.tex").read_text(encoding="utf-8")


def shown_after(heading: str) -> list[str]:
    """The lines of the first unlabelled code block after ``heading`` in the README."""
    rest = README[README.index(heading) :]
    return re.search(r"```\n(.*?)```", rest, re.S).group(1).splitlines()


def test_the_tutorial_output_is_what_the_readme_shows(workspace, monkeypatch):
    result = run_as_written("eqchain check mine.toml", workspace, monkeypatch)
    assert result.exit_code == 0
    assert shown_matches(shown_after("**2. Check it.**"), result.stdout.splitlines())


def test_the_tutorial_wrong_step_is_refuted_as_the_readme_shows(workspace, monkeypatch):
    wrong = r"= \sum_{k=1}^{K} t_k^{2} \log y_k"
    assert f"Change the last claim to `{wrong}`" in README
    text = tutorial_toml().replace(r"claim = '= \sum_{k=1}^{K} t_k \log y_k'", f"claim = '{wrong}'")
    assert wrong in text
    (workspace / "wrong.toml").write_text(text, encoding="utf-8")
    result = run_as_written("eqchain check wrong.toml", workspace, monkeypatch)
    assert result.exit_code == 1
    shown = shown_after("**3. Find the wrong step.**")
    assert shown_matches(shown, result.stdout.splitlines()[3:5])


def test_the_tutorial_with_y_real_names_the_missing_condition(workspace, monkeypatch):
    assert "`log_prod needs y_{k} > 0`" in README
    result = run_as_written("eqchain check content/mine.toml", workspace, monkeypatch)
    assert result.exit_code == 1
    assert "log_prod needs y_{k} > 0" in result.stdout and "✓" not in result.stdout


def test_shown_output_matching_is_exact_outside_the_ellipses():
    assert shown_matches(["a ... c"], ["a b c"])
    assert not shown_matches(["a ... c"], ["a b d"])
    assert not shown_matches(["a"], ["a", "b"])
