"""Publishing through the CLI: every derivation compiles with real TeX, Markdown has one $$ block
per chain, JSON validates against the shipped schema, outputs are byte-identical and atomic.

The command line runs in this process (``run``, click's CliRunner) except where a separate
process is the point (``run_process``): byte-identical output across processes, and a failed run
of the console script leaving no partial output file."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import run_eqchain as run

ROOT = Path(__file__).resolve().parents[2]
DERIVATIONS = sorted((ROOT / "derivations").glob("*.toml"))
ENGINES = {"en": "pdflatex", "ja": "lualatex"}


def run_process(*args, cwd=None, env=None):
    return subprocess.run(
        [sys.executable, "-m", "eqchain", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="module")
def schema():
    from eqchain.schema import report_schema

    return report_schema()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_derivation_compiles_with_real_tex(tmp_path, lang):
    engine = ENGINES[lang]
    if shutil.which(engine) is None:
        pytest.skip(f"{engine} is not installed (.ci/run installs it)")
    out = tmp_path / f"all-{lang}.tex"
    proc = run("latex", *map(str, DERIVATIONS), "--lang", lang, "-o", str(out), "--timeout", "60")
    assert proc.returncode == 0, proc.stderr
    tex = subprocess.run(
        [engine, "-interaction=nonstopmode", "-halt-on-error", out.name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert tex.returncode == 0, tex.stdout[-3000:]
    assert (tmp_path / f"all-{lang}.pdf").stat().st_size > 1000
    log = (tmp_path / f"all-{lang}.log").read_text(encoding="utf-8", errors="replace")
    assert "Overfull \\hbox" not in log
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (poppler-utils; .ci/run installs it)")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", f"all-{lang}.pdf", "-"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    # No LaTeX source typeset as text: notes, conditions and rule texts put math in math mode.
    assert re.findall(r"\\[A-Za-z]+|[_^]\{|\$", text) == []


def test_flagship_markdown_has_one_block_per_chain_with_the_article_labels():
    proc = run("markdown", str(ROOT / "derivations" / "log_likelihood.toml"))
    assert proc.returncode == 0, proc.stderr
    blocks = re.findall(r"^\$\$\n(.*?)\n\$\$$", proc.stdout, re.S | re.M)
    # K = 6: (3.4) definition, the chain (3.5)-(3.6), and the count; general K: two chains.
    assert len(blocks) >= 3
    chain = next(b for b in blocks if "(3.5)" in b)
    assert "(3.6)" in chain
    assert chain.count("&=") >= 3


@pytest.mark.parametrize(
    "path",
    [
        *DERIVATIONS,
        ROOT / "tests" / "fixtures" / "article.md",
        ROOT / "tests" / "fixtures" / "article_wrong_4_3.md",
    ],
    ids=lambda p: p.name,
)
def test_json_of_every_derivation_and_document_validates(path, schema):
    import jsonschema

    proc = run("check", "--no-cache", "--format", "json", str(path))
    assert proc.returncode in (0, 1), proc.stderr
    jsonschema.validate(json.loads(proc.stdout), schema)


def test_json_of_a_refuted_step_validates(tmp_path, schema):
    import jsonschema

    f = tmp_path / "bad.toml"
    f.write_text(
        "[symbols]\na = 'positive'\n[[steps]]\nclaim = '\\log a^{2} = 3 \\log a'\n",
        encoding="utf-8",
    )
    proc = run("check", "--no-cache", "--format", "json", str(f))
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    jsonschema.validate(data, schema)
    assert data["derivations"][0]["steps"][0]["counterexample"]["values"]


def test_derive_json_validates(tmp_path, schema):
    import jsonschema

    sym = tmp_path / "symbols.toml"
    sym.write_text(
        '[symbols]\nK = "integer positive"\n'
        'y = { index = "k", range = "1..K", assume = "positive" }\n'
        't = { index = "k", range = "1..K", assume = "nonnegative" }\n',
        encoding="utf-8",
    )
    proc = run(
        "derive", r"\log \prod_{k=1}^{K} y_k^{t_k}", "--symbols", str(sym), "--format", "json"
    )
    assert proc.returncode == 0, proc.stderr
    jsonschema.validate(json.loads(proc.stdout), schema)


@pytest.mark.parametrize(
    "command,args",
    [("latex", ["--lang", "ja"]), ("latex", ["--body"]), ("markdown", ["--lang", "ja"])],
)
def test_running_twice_gives_byte_identical_files(tmp_path, command, args):
    src = str(ROOT / "derivations" / "cross_entropy.toml")
    a, b = tmp_path / "a.out", tmp_path / "b.out"
    assert run_process(command, src, *args, "-o", str(a)).returncode == 0
    assert run(command, src, *args, "-o", str(b)).returncode == 0
    assert a.read_bytes() == b.read_bytes()


def test_json_is_byte_identical_across_runs():
    src = str(ROOT / "derivations" / "log_likelihood.toml")
    first = run_process("check", "--no-cache", "--format", "json", src).stdout
    second = run("check", "--no-cache", "--format", "json", src).stdout
    assert first == second


def test_failed_run_leaves_no_output_file(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("title = 'x'\n[steps\nclaim = 'a = b'\n", encoding="utf-8")  # invalid TOML
    out = tmp_path / "out.tex"
    proc = run_process("latex", str(bad), "-o", str(out))
    assert proc.returncode == 2
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [bad]


def test_failed_run_keeps_an_existing_output_file(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("title = 'x'\n[steps\nclaim = 'a = b'\n", encoding="utf-8")  # invalid TOML
    out = tmp_path / "out.md"
    out.write_text("previous", encoding="utf-8")
    assert run_process("markdown", str(bad), "-o", str(out)).returncode == 2
    assert out.read_text(encoding="utf-8") == "previous"


def test_show_prints_japanese_justifications():
    proc = run("show", str(ROOT / "derivations" / "log_likelihood.toml"), "--lang", "ja")
    assert proc.returncode == 0, proc.stderr
    assert "対数の公式②" in proc.stdout
    assert "検証済み" in proc.stdout


def test_show_prints_english_justifications():
    proc = run("show", str(ROOT / "derivations" / "log_likelihood.toml"), "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert "the log of a power is the exponent times the log" in proc.stdout
    assert "検証済み" not in proc.stdout


def test_no_color_and_non_terminal_output_has_no_ansi_codes():
    proc = run(
        "check",
        "--no-cache",
        str(ROOT / "derivations" / "kl_divergence.toml"),
        env={"NO_COLOR": "1"},
    )
    assert "\x1b[" not in proc.stdout


def test_rules_lists_every_rule():
    from eqchain.rules import RULES

    proc = run("rules")
    assert proc.returncode == 0
    for r in RULES:
        assert r.name in proc.stdout
