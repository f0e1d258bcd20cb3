"""A law named before its statement, ``P: \\; X \\sim \\mathrm{Bern}(p_1)`` (StatProofBook's KL
pages, two laws P and Q of one X): a given about the law named P. Its parameters' conditions are
assumed as for any stated law; no expectation without a subscript is taken over it (which of the
laws would it be?). Through the command line, on small Markdown documents."""

from __future__ import annotations

import json

from helpers import check_document_rows, run_eqchain


def statuses(steps):
    return [s["status"] for s in steps if s["line"] is not None]


def test_a_named_law_is_a_given_whose_conditions_hold(tmp_path):
    steps = check_document_rows(
        tmp_path, r"P: \; X \sim \mathrm{Exp}(\lambda)", r"\log \lambda^2 = 2 \log \lambda"
    )
    assert statuses(steps) == ["given", "verified"]


def test_a_wrong_step_after_a_named_law_is_refuted(tmp_path):
    steps = check_document_rows(
        tmp_path, r"P: \; X \sim \mathrm{Exp}(\lambda)", r"\log \lambda^2 = 3 \log \lambda"
    )
    assert statuses(steps) == ["given", "refuted"]


def test_without_the_law_the_condition_is_missing(tmp_path):
    step = check_document_rows(tmp_path, r"\log \lambda^2 = 2 \log \lambda")[-1]
    assert step["status"] == "unknown"
    assert "\\lambda > 0" in step["reason"]


def test_no_expectation_is_taken_over_a_named_law(tmp_path):
    row = r"\mathrm{E}(X) = \frac{1}{\lambda}"
    named = check_document_rows(tmp_path, r"P: \; X \sim \mathrm{Exp}(\lambda)", row)
    assert statuses(named) == ["given", "unknown"]
    plain = check_document_rows(tmp_path, r"X \sim \mathrm{Exp}(\lambda)", row)
    assert statuses(plain) == ["given", "verified"]


def test_two_named_laws_in_one_split_are_two_statements(tmp_path):
    doc = tmp_path / "kl.md"
    doc.write_text(
        "# KL\n\n$$\n\\begin{split}\n"
        "P: \\; X &\\sim \\mathrm{Bern}(p_1) \\\\\n"
        "Q: \\; X &\\sim \\mathrm{Bern}(p_2) \\; .\n"
        "\\end{split}\n$$\n",
        encoding="utf-8",
    )
    ran = run_eqchain("check", "--no-cache", str(doc))
    assert "unreadable" not in ran.stdout
    given = [line.split() for line in ran.stdout.splitlines() if "• given" in line]
    assert [g[1:3] for g in given if g[0] == "line"] == [["5", "•"], ["6", "•"]]
    # the laws' conditions on their numbered parameters are assumed, each its own given
    assert "p_1 <= 1 (the law stated at line 5)" in ran.stdout
    assert "p_2 <= 1 (the law stated at line 6)" in ran.stdout


def test_statements_on_rows_of_a_split_are_never_one_chain(tmp_path):
    # TeX's split sets one equation over lines; a row holding \sim is a statement of its own,
    # never the product Bern(p_1) Y of the two rows
    doc = tmp_path / "two.md"
    doc.write_text(
        "# two\n\n$$\n\\begin{split}\nX &\\sim \\mathrm{Bern}(p_1) \\\\\n"
        "Y &\\sim \\mathrm{Bern}(p_2)\n\\end{split}\n$$\n",
        encoding="utf-8",
    )
    ran = run_eqchain("check", "--no-cache", "--format", "json", str(doc))
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    written = [(s["line"], s["lhs"]) for s in steps if s["line"] is not None]
    assert written == [(5, "X"), (6, "Y")]
