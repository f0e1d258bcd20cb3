"""A row that starts with an equals sign under a note (``&\\overset{\\eqref{eq:a}}{=} ...``,
``\\stackrel{(2)}{=}``) is a link of the chain of its own, as a row starting with ``=`` is: it
is never joined to the row before as a continuation of that row's expression, and eqchain
reports its step on the row's own line (StatProofBook writes every cited step so)."""

from __future__ import annotations

import json

from helpers import run_eqchain

from eqchain.latex.rows import split_rows

SPLIT = (
    "\\begin{split}\n"
    "A &= (a+b)^2 \\\\\n"
    "&= a^2 + 2ab + b^2 \\\\\n"
    "&\\overset{\\eqref{eq:x}}{=} b^2 + 2ab + a^2 \\\\\n"
    "&\\stackrel{(2)}{=} (b+a)^2\n"
    "\\end{split}"
)


def test_a_row_starting_with_an_annotated_equals_is_a_row_of_its_own():
    rows = split_rows(SPLIT)
    assert len(rows) == 4
    assert "overset" in rows[2].text and "stackrel" in rows[3].text


def test_a_row_continuing_an_expression_is_still_joined():
    rows = split_rows("\\begin{split}\nA &= a \\\\\n&\\quad + b\n\\end{split}")
    assert len(rows) == 1


def test_an_annotated_equals_under_a_brace_starts_no_row_of_its_own():
    # the relation inside braces of another command is not the row's own
    text = "\\begin{split}\nA &= a \\\\\n&\\quad + \\frac{\\overset{x}{=}}{2}\n\\end{split}"
    rows = split_rows(text)
    assert len(rows) == 1


def _steps(tmp_path, text):
    doc = tmp_path / "d.md"
    doc.write_text("# t\n\n$$ \\label{eq:s}\n" + text + "\n$$\n", encoding="utf-8")
    ran = run_eqchain("check", "--no-cache", "--format", "json", str(doc))
    return json.loads(ran.stdout)["derivations"][0]["steps"]


def _line(step):
    return step["line"]


def test_cli_reports_each_annotated_link_on_its_own_line(tmp_path):
    steps = [s for s in _steps(tmp_path, SPLIT) if s["status"] != "definition"]
    assert [(_line(s), s["status"]) for s in steps] == [
        (6, "verified"),
        (7, "verified"),
        (8, "verified"),
    ]


def test_cli_refutes_a_wrong_annotated_link_on_its_line(tmp_path):
    wrong = SPLIT.replace("(b+a)^2", "(b-a)^2")
    steps = [s for s in _steps(tmp_path, wrong) if s["status"] != "definition"]
    assert (_line(steps[-1]), steps[-1]["status"]) == (8, "refuted")
