r"""A row that writes again the left side of an earlier row of its section (``\mathbb{E}[K] =
...`` once per display, the binomial moments of benchmarks/corpus) is the step from that row's
right side, checked as a chain's link is (engine._repeated_left_side): verified with a proof of
the step, refuted where the two right sides differ, unknown naming a side condition. The row
adds nothing to the facts when the earlier row is not established; a heading, an unread row or a
name the earlier row does not write between them means no step."""

from __future__ import annotations

import json

from helpers import check_document_rows, run_eqchain

FIRST = r"\mathbb{E}[X] = (a+1)^2"


def statuses(steps):
    return [s["status"] for s in steps]


def test_the_step_from_the_row_before_is_verified(tmp_path):
    got = check_document_rows(tmp_path, FIRST, r"\mathbb{E}[X] = a^2 + 2a + 1")
    assert statuses(got) == ["unknown", "verified"]
    assert "the step from line 3" in got[1]["reason"]
    assert "not established" in got[1]["reason"]  # the first row is not


def test_a_wrong_step_is_refuted_with_a_counterexample(tmp_path):
    rows = (FIRST, r"\mathbb{E}[X] = a^2 + 2a + 1", r"\mathbb{E}[X] = a^2 + 2a + 2")
    got = check_document_rows(tmp_path, *rows)
    assert statuses(got) == ["unknown", "verified", "refuted"]
    assert "does not follow from line 5" in got[2]["reason"]
    assert got[2]["counterexample"]


def test_a_step_needing_a_condition_is_unknown_naming_it(tmp_path):
    got = check_document_rows(tmp_path, r"\mathbb{E}[X] = a", r"\mathbb{E}[X] = \frac{a^2}{a}")
    assert got[1]["status"] == "unknown"
    assert r"a \neq 0" in got[1]["reason"]
    got = check_document_rows(
        tmp_path, r"\mathbb{E}[X] = a", r"\mathbb{E}[X] = \frac{a^2}{a}", assume="a > 0"
    )
    assert got[-1]["status"] == "verified"


def test_the_row_is_no_fact_when_the_earlier_row_is_not_established(tmp_path):
    # E[X] = (a+1)^2 is unknown: the verified step to a^2 + 2a + 1 does not make E[X] known
    rows = (FIRST, r"\mathbb{E}[X] = a^2 + 2a + 1", r"\mathbb{E}[X] + 1 = a^2 + 2a + 2")
    got = check_document_rows(tmp_path, *rows)
    assert got[2]["status"] != "verified"


def test_the_row_is_a_fact_when_the_earlier_row_is(tmp_path):
    rows = (r"\mathbb{E}[X] = 3", r"\mathbb{E}[X] = 1 + 2", r"\mathbb{E}[X] + 1 = 4")
    got = check_document_rows(tmp_path, *rows, assume="")
    assert got[-1]["status"] == "verified"


def test_a_heading_between_starts_anew(tmp_path):
    doc = tmp_path / "d.md"
    doc.write_text(
        f"# Poisson\n\n$$ {FIRST} $$\n\n## Another law\n\n$$ \\mathbb{{E}}[X] = a^2 + 1 $$\n",
        encoding="utf-8",
    )
    got = json.loads(run_eqchain("check", "--no-cache", "--format", "json", doc).stdout)
    steps = got["derivations"][0]["steps"]
    assert statuses(steps) == ["unknown", "unknown"]
    assert "line 3" not in steps[1]["reason"]


def test_a_latex_section_between_starts_anew(tmp_path):
    doc = tmp_path / "d.tex"
    doc.write_text(
        "\\documentclass{article}\\begin{document}\n\\section{One}\n"
        f"\\[ {FIRST} \\]\n\\section{{Two}}\n\\[ \\mathbb{{E}}[X] = a^2 + 1 \\]\n"
        "\\end{document}\n",
        encoding="utf-8",
    )
    got = json.loads(run_eqchain("check", "--no-cache", "--format", "json", doc).stdout)
    assert statuses(got["derivations"][0]["steps"]) == ["unknown", "unknown"]
    # in one section the same rows are a step, refuted
    doc.write_text(doc.read_text(encoding="utf-8").replace("\\section{Two}", "Then"), "utf-8")
    got = json.loads(run_eqchain("check", "--no-cache", "--format", "json", doc).stdout)
    assert statuses(got["derivations"][0]["steps"]) == ["unknown", "refuted"]


def test_a_row_with_a_name_the_earlier_row_does_not_write_is_not_refuted(tmp_path):
    # the mean of another law, said in words: no step from the row before
    got = check_document_rows(tmp_path, r"\mathbb{E}[X] = n p", r"\mathbb{E}[X] = \lambda")
    assert got[1]["status"] == "unknown"


def test_an_unread_row_between_is_no_step_skipped(tmp_path):
    rows = (FIRST, r"\mathbb{E}[X] = \frac{a}{", r"\mathbb{E}[X] = a^2 + 2a + 2")
    got = check_document_rows(tmp_path, *rows)
    assert statuses(got) == ["unknown", "unreadable", "unknown"]
