"""Natural domains in documents (issue 19), through the command line: a row is verified where
its left side is defined and the report says where; a row that introduces a restriction is
unknown, naming it; a wrong row is refuted with a counterexample inside the domain."""

from __future__ import annotations

import json
import subprocess
import sys

DOCUMENT = r"""---
eqchain-assume: b real, x real, y real, t real
---
# Shared denominators

$$
\frac{\frac{d}{d b} \sin(b)}{b} = \frac{\cos(b)}{b}
$$

$$
\begin{aligned}
\frac{t}{y} + \frac{1 - t}{y} &= \frac{1}{y} \\
&= \frac{2}{2 y}
\end{aligned}
$$

$$
x = \frac{x^{2}}{x}
$$
"""

WRONG = r"""---
eqchain-assume: x real
---
$$
\frac{x}{x} = x
$$
"""


def run(path, *options):
    return subprocess.run(
        [sys.executable, "-m", "eqchain", "check", "--no-cache", *options, str(path)],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_document_rows_are_verified_where_their_left_side_is_defined(tmp_path):
    doc = tmp_path / "d.md"
    doc.write_text(DOCUMENT, encoding="utf-8")
    proc = run(doc, "--format", "json")
    assert proc.returncode == 1, proc.stderr  # the last row is unknown
    derivation = json.loads(proc.stdout)["derivations"][0]
    rows = {s["line"]: s for s in derivation["steps"]}
    assert rows[7]["status"] == "verified" and rows[7]["domain"] == [r"b \neq 0"]
    assert rows[12]["status"] == "verified" and rows[12]["domain"] == [r"y \neq 0"]
    assert rows[13]["status"] == "verified" and rows[13]["domain"] == [r"y \neq 0"]
    assert rows[18]["status"] == "unknown" and rows[18]["domain"] == []
    assert r"x \neq 0" in rows[18]["reason"] and "introduces" in rows[18]["reason"]
    assert derivation["domain"] == [r"b \neq 0", r"y \neq 0"]


def test_the_text_report_shows_the_domain_with_the_verdict(tmp_path):
    doc = tmp_path / "d.md"
    doc.write_text(DOCUMENT, encoding="utf-8")
    out = run(doc).stdout
    assert "verified  differentiate — where b ≠ 0" in out
    assert "Domain: b ≠ 0, y ≠ 0" in out


def test_a_wrong_row_is_refuted_inside_its_domain(tmp_path):
    doc = tmp_path / "w.md"
    doc.write_text(WRONG, encoding="utf-8")
    proc = run(doc, "--format", "json")
    assert proc.returncode == 1
    (step,) = json.loads(proc.stdout)["derivations"][0]["steps"]
    assert step["status"] == "refuted"
    assert step["counterexample"]["values"]["x"] != "0"
