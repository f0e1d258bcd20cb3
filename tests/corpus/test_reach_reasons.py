"""benchmarks/reach.py names why a labelled row is unread even when eqchain has no step at the
label's place: the document did not load (its error), or eqchain reports no step at that line
and index (the steps it reports nearby, so a label on the wrong line shows), never an empty
reason."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _reach():
    name = "eqchain_corpus_reach"
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "reach.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


reach = _reach()

LABEL = """source = "test"
language = "en"

[[steps]]
line = {line}
index = {index}
valid = true
kind = "claim"
reason = "algebra"
"""


def _outcome(tmp_path: Path, text: str, line: int, index: int = 0):
    doc = tmp_path / "doc.md"
    doc.write_text(text, encoding="utf-8")
    doc.with_suffix(".toml").write_text(LABEL.format(line=line, index=index), encoding="utf-8")
    [document] = reach.find_documents([doc])
    return reach.check_document(document, 2.0, reasons=False)


DISPLAY = "# t\n\n$$ \\label{eq:a}\n(a+b)^2 = a^2 + 2ab + b^2\n$$\n"


def test_a_label_at_eqchains_step_has_its_verdict(tmp_path):
    out = _outcome(tmp_path, DISPLAY, 3)
    [step] = out.steps
    assert step["eqchain"] == "verified" and step["column"] == "verified"


def test_a_label_on_another_line_names_the_steps_nearby(tmp_path):
    out = _outcome(tmp_path, DISPLAY, 4)
    [step] = out.steps
    assert step["column"] == "unread" and step["eqchain"] is None
    assert "no step at line 4" in step["eqchain_reason"]
    assert "line 3" in step["eqchain_reason"]


def test_a_label_past_the_links_of_its_line_says_how_many_there_are(tmp_path):
    out = _outcome(tmp_path, DISPLAY, 3, index=1)
    [step] = out.steps
    assert step["column"] == "unread"
    assert "1 link" in step["eqchain_reason"]


def test_a_document_that_does_not_load_names_its_error(tmp_path):
    out = _outcome(tmp_path, "# t\n\nno mathematics here\n", 3)
    [step] = out.steps
    assert step["column"] == "unread"
    assert "did not load" in step["eqchain_reason"]
    assert "no displayed equations" in step["eqchain_reason"]


def test_a_second_link_of_an_unreadable_row_names_why_the_row_is_unreadable(tmp_path):
    out = _outcome(tmp_path, "# t\n\n$$\na = b \\neq c = d\n$$\n", 4, index=1)
    [step] = out.steps
    assert step["column"] == "unread"
    assert "unreadable" in step["eqchain_reason"] and "neq" in step["eqchain_reason"]


def test_an_unreadable_row_counts_at_the_line_where_it_starts(tmp_path):
    # eqchain reports the error on the row's third line; the label is on its first
    text = "# t\n\n$$\n\\begin{aligned}\nf(x)\n&=\na \\neq b\n\\end{aligned}\n$$\n"
    out = _outcome(tmp_path, text, 5)
    [step] = out.steps
    assert step["eqchain"] == "unreadable" and step["column"] == "unread"
    assert "neq" in step["eqchain_reason"]
    assert out.rows == 1 and out.rows_read == 0


def test_a_label_past_its_lines_links_names_the_steps_nearby(tmp_path):
    text = "# t\n\n$$\na = a,\n\\qquad\nb + b = 2 b\n$$\n"
    out = _outcome(tmp_path, text, 4, index=1)
    [step] = out.steps
    assert "1 link" in step["eqchain_reason"] and "line 6 (1)" in step["eqchain_reason"]
