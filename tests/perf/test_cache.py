"""The verdict cache: a warm re-check answers from the cache without importing SymPy, and no
input of the key can change without a fresh check.

The warm re-check and --no-cache run in processes of their own (what a process imports, and what
it writes from a cold start: in this process, readings are remembered in memory); a changed file
is checked in this process (click's CliRunner)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import run_eqchain

from eqchain import cache

ROOT = Path(__file__).resolve().parents[2]
GOOD = r"""
[symbols]
a = "positive"
b = "positive"
[[steps]]
claim = '\log(a b) = \log a + \log b'
"""


def run(args, cache_dir, extra_env=None):
    env = {**os.environ, "EQCHAIN_CACHE_DIR": str(cache_dir), **(extra_env or {})}
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_warm_recheck_is_answered_without_importing_sympy(tmp_path):
    f = tmp_path / "d.toml"
    f.write_text(GOOD, encoding="utf-8")
    cold = run(["-X", "importtime", "-m", "eqchain", "check", str(f)], tmp_path / "c")
    warm = run(["-X", "importtime", "-m", "eqchain", "check", str(f)], tmp_path / "c")
    assert cold.returncode == warm.returncode == 0
    assert cold.stdout == warm.stdout
    assert "sympy" in cold.stderr
    assert "sympy" not in warm.stderr


def test_changed_file_is_checked_afresh(tmp_path):
    f = tmp_path / "d.toml"
    f.write_text(GOOD, encoding="utf-8")
    env = {"EQCHAIN_CACHE_DIR": str(tmp_path / "c")}
    first = run_eqchain("check", f, env=env)
    f.write_text(GOOD.replace(r"\log a + \log b", r"\log a - \log b"), encoding="utf-8")
    second = run_eqchain("check", f, env=env)
    assert first.returncode == 0
    assert second.returncode == 1
    assert "refuted" in second.stdout


def test_no_cache_neither_reads_nor_writes(tmp_path):
    f = tmp_path / "d.toml"
    f.write_text(GOOD, encoding="utf-8")
    run(["-m", "eqchain", "check", "--no-cache", str(f)], tmp_path / "c")
    assert not (tmp_path / "c").exists()


@pytest.fixture
def files(tmp_path):
    f = tmp_path / "d.toml"
    f.write_text(GOOD, encoding="utf-8")
    return [str(f)]


OPTIONS = {"format": "text", "timeout": 10.0, "lang": "en", "assume": None}


def test_key_changes_with_file_content(files):
    before = cache.key("check", OPTIONS, files)
    Path(files[0]).write_text(GOOD + "\n", encoding="utf-8")
    assert cache.key("check", OPTIONS, files) != before


def test_key_changes_with_file_path(files, tmp_path):
    other = tmp_path / "e.toml"
    other.write_text(GOOD, encoding="utf-8")
    assert cache.key("check", OPTIONS, files) != cache.key("check", OPTIONS, [str(other)])


@pytest.mark.parametrize(
    "option,value", [("format", "json"), ("timeout", 5.0), ("lang", "ja"), ("assume", "y_k > 0")]
)
def test_key_changes_with_each_option(files, option, value):
    assert cache.key("check", OPTIONS, files) != cache.key(
        "check", {**OPTIONS, option: value}, files
    )


def test_key_changes_with_the_command(files):
    assert cache.key("check", OPTIONS, files) != cache.key("show", OPTIONS, files)


def test_key_changes_with_eqchain_version(files, monkeypatch):
    import eqchain

    before = cache.key("check", OPTIONS, files)
    monkeypatch.setattr(eqchain, "__version__", "999")
    assert cache.key("check", OPTIONS, files) != before


def test_key_changes_with_the_rule_table(files, monkeypatch):
    import dataclasses

    from eqchain import rules

    before = cache.key("check", OPTIONS, files)
    changed = (dataclasses.replace(rules.RULES[0], conditions=()),) + rules.RULES[1:]
    monkeypatch.setattr(rules, "RULES", changed)
    assert cache.key("check", OPTIONS, files) != before


def test_key_changes_with_eqchain_source(files, monkeypatch):
    before = cache.key("check", OPTIONS, files)
    monkeypatch.setattr(cache, "_source_fingerprint", lambda: "edited")
    assert cache.key("check", OPTIONS, files) != before


def test_key_changes_with_dependency_versions(files, monkeypatch):
    before = cache.key("check", OPTIONS, files)
    monkeypatch.setattr(cache, "_dependency_versions", lambda: "sympy=0")
    assert cache.key("check", OPTIONS, files) != before


def test_damaged_entry_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("EQCHAIN_CACHE_DIR", str(tmp_path))
    k = "ab" + "0" * 62
    (tmp_path / "ab").mkdir()
    (tmp_path / "ab" / f"{k}.json").write_text("{not json", encoding="utf-8")
    assert cache.get(k) is None
    cache.put(k, cache.Entry("out", 1))
    assert cache.get(k) == cache.Entry("out", 1)
