"""A theorem's statement that its proof derives again (``\\hat\\beta_0 = ...`` under
"Theorem:", then a proof row ``\\hat\\beta_0 = ...``) is what the proof shows, not a definition
the proof may use: it is checked as a claim after the proof's rows (load/document.py,
``_statements_after_proofs``; load/prose.py, ``theorem_parts``). Through the CLI."""

from __future__ import annotations

import json

import pytest
from helpers import run_eqchain

from eqchain.load.prose import theorem_parts

DOC = """# t

{theorem}

$$
\\hat{{a}} = {stated}
$$

{proof}

$$
0 = 2 \\hat{{a}} - 6
$$

$$
\\hat{{a}} = 3
$$
"""


def check(tmp_path, text: str, name: str = "d.md") -> list[dict]:
    doc = tmp_path / name
    doc.write_text(text, encoding="utf-8")
    out = run_eqchain("check", "--no-cache", "--format", "json", str(doc)).stdout
    return json.loads(out)["derivations"][0]["steps"]


def lines(steps):
    return {s["line"]: s for s in steps}


@pytest.mark.parametrize(
    ("theorem", "proof"),
    [
        ("**Theorem:** the estimate is", "**Proof:** set the derivative to zero:"),
        ("Lemma 2. The estimate is", "Proof. Set the derivative to zero:"),
        ("定理：推定値は", "証明：微分を 0 とおく。"),
    ],
)
def test_the_statement_is_checked_after_the_proof(tmp_path, theorem, proof):
    steps = check(tmp_path, DOC.format(theorem=theorem, proof=proof, stated="3"))
    by_line = lines(steps)
    assert by_line[12]["status"] == "given"  # a condition on a new name, not a false claim
    assert by_line[16]["status"] == "verified"
    assert by_line[6]["status"] == "verified"  # the statement, shown by the proof
    assert [s["line"] for s in steps] == [12, 16, 6]


def test_a_wrong_statement_is_refuted(tmp_path):
    steps = check(tmp_path, DOC.format(theorem="Theorem:", proof="Proof:", stated="4"))
    assert lines(steps)[6]["status"] == "refuted"
    assert lines(steps)[16]["status"] == "verified"


def test_without_a_theorem_the_first_row_is_a_definition(tmp_path):
    steps = check(tmp_path, DOC.format(theorem="We find:", proof="Indeed:", stated="3"))
    assert [s["line"] for s in steps] == [6, 12, 16]
    assert lines(steps)[6]["status"] == "definition"


TEX = (
    "\\documentclass{article}\n\\begin{document}\n\\begin{theorem}\n"
    "\\[ \\hat{a} = 3 \\]\n\\end{theorem}\n\\begin{proof}\n"
    "\\[ 0 = 2 \\hat{a} - 6 \\]\n\\[ \\hat{a} = 3 \\]\n\\end{proof}\n"
)


def test_a_tex_theorem_environment(tmp_path):
    steps = check(tmp_path, TEX + "\\end{document}\n", name="d.tex")
    assert [s["line"] for s in steps] == [7, 8, 4]
    assert all(s["status"] in ("given", "verified") for s in steps)


def test_theorem_parts_follow_the_last_marker():
    leads = ["Theorem: x", "", "Proof: y", "", "Theorems are nice", "Lemma. z\n\nProof. w"]
    assert theorem_parts(leads) == ["statement", "statement", "proof", "proof", "proof", "proof"]


def test_an_unclosed_display_after_a_theorem_is_reported(tmp_path):
    steps = check(tmp_path, TEX + "\\[ x = 1\n", name="d.tex")
    assert [s["line"] for s in steps] == [7, 8, 4, 10]
    assert steps[-1]["status"] == "unreadable"
