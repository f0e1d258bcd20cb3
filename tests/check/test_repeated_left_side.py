r"""A row that writes again the left side of an earlier equation of its section
(``\mathbb{E}[K] = ...`` once per display, the binomial and Poisson moments of
benchmarks/corpus) is the step from that row's right side, checked as a chain's link is
(engine._repeated_left_side): verified with a proof of the step (a warning when the earlier
equation is not established: then neither is the row, which adds no fact), unknown naming a
side condition. Never refuted so (red team: a special case, a second example, a correction
after a slip, a prior then a posterior were refuted): where the right sides differ the row stays
unknown, saying where. No step from a premise, a condition, a given, a relation other than =,
the same right side again, across a heading or an unread row, or through a name given a new
value since."""

from __future__ import annotations

import json

import pytest
from helpers import check_document_rows, run_eqchain

FIRST = r"\mathbb{E}[X] = (a+1)^2"


def statuses(steps):
    return [s["status"] for s in steps]


def test_the_step_from_the_row_before_is_verified(tmp_path):
    got = check_document_rows(tmp_path, FIRST, r"\mathbb{E}[X] = a^2 + 2a + 1")
    assert statuses(got) == ["unknown", "verified"]
    assert "the step from line 3" in got[1]["reason"]
    # the first row is not established: neither is the second, and the report says so
    assert any("not established" in w for w in got[1]["warnings"]), got[1]


def test_a_wrong_step_is_unknown_saying_where_the_right_sides_differ(tmp_path):
    rows = (FIRST, r"\mathbb{E}[X] = a^2 + 2a + 1", r"\mathbb{E}[X] = a^2 + 2a + 2")
    got = check_document_rows(tmp_path, *rows)
    assert statuses(got) == ["unknown", "verified", "unknown"]
    assert "nor is it the step from line 5" in got[2]["reason"]
    assert "differ at a = " in got[2]["reason"]
    assert got[2]["counterexample"] is None


@pytest.mark.parametrize(
    "rows",
    [
        # a premise of an implication is supposed, not stated: no step from it (it had made
        # the restated premise a verified fact, exit 0)
        (r"\mathbb{E}[T] = t \Rightarrow \mathbb{E}[T] - t = 0", r"\mathbb{E}[T] = t + 0"),
        # a chain that relates by >= is no equation about its left side
        (r"\mathbb{E}[X^2] \geq \mathbb{E}[X]^2 = m^2", r"\mathbb{E}[X^2] = m^2 + 0"),
        # a chain under a condition says nothing in general
        (r"\mathbb{E}[|X|] = \mathbb{E}[X], \quad X \geq 0", r"\mathbb{E}[|X|] = \mathbb{E}[X]"),
        # the same right side again shows no step (a theorem restated at its proof's end)
        (r"\mathbb{E}[K] = n p^2", r"\mathbb{E}[K] = n p^2"),
        # a name given a new value since: the earlier right side meant something else
        (r"s = 1", r"\mathrm{Var}(X) = s^2", r"s = 2", r"\mathrm{Var}(X) = s \cdot s"),
    ],
)
def test_no_step_from_what_is_no_equation_stated_outright(tmp_path, rows):
    got = check_document_rows(tmp_path, *rows)
    assert got[-1]["status"] != "verified", got[-1]  # E|X| = E[X] is refuted on its own
    assert "the step from line" not in got[-1]["reason"]


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
    second = r"\mathbb{E}[X] = a^2 + 2a + 1"
    doc.write_text(f"# Poisson\n\n$$ {FIRST} $$\n\n## Another law\n\n$$ {second} $$\n", "utf-8")
    got = json.loads(run_eqchain("check", "--no-cache", "--format", "json", doc).stdout)
    steps = got["derivations"][0]["steps"]
    assert statuses(steps) == ["unknown", "unknown"]
    assert "the step from line 3" not in steps[1]["reason"]
    doc.write_text(f"# Poisson\n\n$$ {FIRST} $$\n\nSo\n\n$$ {second} $$\n", "utf-8")
    got = json.loads(run_eqchain("check", "--no-cache", "--format", "json", doc).stdout)
    assert statuses(got["derivations"][0]["steps"]) == ["unknown", "verified"]


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
    assert "step from" not in got["derivations"][0]["steps"][1]["reason"]
    # in one section the same rows are a step, that fails
    doc.write_text(doc.read_text(encoding="utf-8").replace("\\section{Two}", "Then"), "utf-8")
    got = json.loads(run_eqchain("check", "--no-cache", "--format", "json", doc).stdout)
    assert "nor is it the step from line" in got["derivations"][0]["steps"][1]["reason"]


def test_a_special_case_or_another_law_is_not_refuted(tmp_path):
    # "For a fair coin": a case in words; the mean of another law
    for second in (r"\mathbb{E}[K] = \frac{n}{2}", r"\mathbb{E}[K] = \lambda"):
        got = check_document_rows(tmp_path, r"\mathbb{E}[K] = n p", second)
        assert got[1]["status"] == "unknown"


def test_an_unread_row_between_is_no_step_skipped(tmp_path):
    rows = (FIRST, r"\mathbb{E}[X] = \frac{a}{", r"\mathbb{E}[X] = a^2 + 2a + 2")
    got = check_document_rows(tmp_path, *rows)
    assert statuses(got) == ["unknown", "unreadable", "unknown"]
    assert "step from" not in got[-1]["reason"]


def test_no_step_through_a_left_side_whose_name_was_redefined(tmp_path):
    # red team 3: q^2 written again after q was redefined was checked from q's old square
    rows = (r"q = f(x) + 1", r"q^2 = f(x)^2 + 2 f(x) + 1", r"q = f(x) - 1", r"q^2 = (f(x) + 1)^2")
    got = check_document_rows(tmp_path, *rows)
    assert got[-1]["status"] != "verified", got[-1]
    assert "the step from line" not in got[-1]["reason"]
