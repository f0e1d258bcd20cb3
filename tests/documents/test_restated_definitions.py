r"""A name or function defined earlier and written again, right after, in the names its definition
uses reads as a restatement: ``H(p) = -p\log p + (1-p)\log(1-p)`` after the entropy's definition
is false as one, so it is ``unknown`` saying so (it was taken as a new meaning, exit 0); it is
still taken as the new meaning for later rows, as a new example would be. A new meaning (names
of its own, a worked example's value, a row between) is still a redefinition, with its
warning, and that warning is now a diagnostic in the concise, github and SARIF formats too (it
was printed by the text format only).
``I(X;X)`` after ``I(X;Y) = ...`` is the function at a repeated argument, never a definition."""

from __future__ import annotations

import json

from helpers import check_document_rows, run_eqchain

ENTROPY = r"H(p) = -p\log p - (1-p)\log(1-p)"


def steps(tmp_path, *rows):
    return check_document_rows(tmp_path, *rows)


def test_a_wrong_restatement_is_not_passed(tmp_path):
    out = steps(tmp_path, ENTROPY, r"H(p) = -p \log p + (1-p)\log(1-p)")
    assert [s["status"] for s in out] == ["definition", "unknown"]
    assert "reads as a restatement, which is false" in out[-1]["reason"]


def test_a_right_restatement_is_verified(tmp_path):
    out = steps(tmp_path, ENTROPY, r"H(p) = -(p \log p + (1-p)\log(1-p))")
    assert [s["status"] for s in out] == ["definition", "verified"]


def test_a_restatement_of_a_name_is_a_claim(tmp_path):
    out = steps(tmp_path, r"L = x^2 + 2x", r"L = x(x + 3)")
    assert [s["status"] for s in out] == ["definition", "unknown"]


def test_a_marked_definition_or_a_later_row_is_a_new_meaning(tmp_path):
    rows = (r"f(x) = x^2", r"f(x) \stackrel{\text{def}}{=} x^3", r"f(2) = 8")
    assert [s["status"] for s in steps(tmp_path, *rows)] == ["definition", "definition", "verified"]


def test_a_new_meaning_is_still_a_redefinition(tmp_path):
    out = steps(tmp_path, r"L = 5", r"L = x^2", r"L = 2 + 2")
    assert [s["status"] for s in out] == ["definition"] * 3
    assert all("redefines L" in " ".join(s["warnings"]) for s in out[1:])


def test_the_function_at_a_repeated_argument_is_no_definition(tmp_path):
    out = steps(tmp_path, r"I(X;Y) = X + Y", r"I(X;X) = 3X")
    assert [s["status"] for s in out] == ["definition", "refuted"]  # a claim, I applied


def test_a_redefinition_warning_is_a_diagnostic_in_every_format(tmp_path):
    doc = tmp_path / "d.md"
    doc.write_text("$$ L = 5 $$\n\n$$ L = x^2 $$\n", encoding="utf-8")
    concise = run_eqchain("check", "--no-cache", "--format", "concise", str(doc)).stdout
    assert "d.md:3:" in concise and "warning: redefines L" in concise
    github = run_eqchain("check", "--no-cache", "--format", "github", str(doc)).stdout
    assert "::warning file=" in github and "redefines L" in github
    sarif = json.loads(run_eqchain("check", "--no-cache", "--format", "sarif", str(doc)).stdout)
    (result,) = sarif["runs"][0]["results"]
    assert result["ruleId"] == "warning" and result["level"] == "warning"


def test_a_reason_over_the_sign_is_no_definition_mark(tmp_path):
    # a = b with (2) over its sign names the step's reason; \stackrel{\text{def}} defines
    rows = (r"h(x) = x^2", r"h(x) \overset{(2)}{=} x^3")
    assert [s["status"] for s in steps(tmp_path, *rows)] == ["definition", "unknown"]
    rows = (r"g(x) = x^2", r"g(x) \stackrel{\triangle}{=} x^3")
    assert [s["status"] for s in steps(tmp_path, *rows)] == ["definition", "definition"]


LIKELIHOOD = r"L(a) = a^2 b"
LOG_LIKELIHOOD = r"l(a) = \log L(a)"


def test_a_restatement_in_the_names_of_the_definitions_it_uses_is_a_claim(tmp_path):
    # a public normal-MLE answer: l(\mu) = \log L(\mu), then l(\mu) worked out from L's product;
    # a wrong coefficient was a redefinition, with a warning only
    rows = (LIKELIHOOD, LOG_LIKELIHOOD, r"l(a) = 3 \log a + \log b")
    out = check_document_rows(tmp_path, *rows, assume="a > 0, b > 0")
    assert [s["status"] for s in out] == ["definition", "definition", "unknown"]
    assert "reads as a restatement, which is false" in out[-1]["reason"]


def test_a_right_one_is_verified(tmp_path):
    rows = (LIKELIHOOD, LOG_LIKELIHOOD, r"l(a) = 2 \log a + \log b")
    out = check_document_rows(tmp_path, *rows, assume="a > 0, b > 0")
    assert [s["status"] for s in out] == ["definition", "definition", "verified"]


def test_without_the_conditions_the_right_one_is_not_refuted(tmp_path):
    rows = (LIKELIHOOD, LOG_LIKELIHOOD, r"l(a) = 2 \log a + \log b")
    assert check_document_rows(tmp_path, *rows)[-1]["status"] != "refuted"


def test_a_wrong_restatement_after_a_right_one_is_not_passed(tmp_path):
    # the red team: v(x) = x^2 + 2 after the verified v(x) = x^2 + 1 was a silent redefinition
    rows = (r"u(x) = x^2", r"v(x) = u(x) + 1", r"v(x) = x^2 + 1", r"v(x) = x^2 + 2")
    out = check_document_rows(tmp_path, *rows)
    assert [s["status"] for s in out] == ["definition", "definition", "verified", "unknown"]
    right = check_document_rows(tmp_path, *rows[:3], r"v(x) = (x + 1)^2 - 2x")
    assert right[-1]["status"] == "verified"
