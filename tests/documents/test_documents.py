"""Checking Markdown and LaTeX documents in place, the way a careful reader would."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import run_eqchain

from eqchain.api import check_derivations
from eqchain.errors import InputError
from eqchain.load.assume import parse_assume
from eqchain.load.document import load_document, markdown_blocks
from eqchain.model import Verdict

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def check_doc(path, kind="markdown", assume=None):
    d = load_document(str(path), kind, assume=assume)
    return check_derivations([d]).derivations[0].results


def by_line(results):
    out = {}
    for r in results:
        out.setdefault(r.step.place.line, []).append(r)
    return out


def test_article_checks_every_row_of_the_aligned_block():
    results = by_line(check_doc(FIXTURES / "article.md"))
    assert [r.verdict for r in results[24] + results[26] + results[28]] == [Verdict.VERIFIED] * 3
    assert results[26][0].rules == ("log_mul",)
    assert results[28][0].rules == ("log_pow",)
    assert results[28][0].step.label == "3.5"


def test_article_classifies_givens_definitions_and_claims():
    results = by_line(check_doc(FIXTURES / "article.md"))
    assert results[11][0].verdict is Verdict.GIVEN
    assert results[17][0].verdict is Verdict.DEFINITION
    assert all(r.verdict is not Verdict.REFUTED for rs in results.values() for r in rs)


def test_japanese_note_rows_become_annotations():
    results = by_line(check_doc(FIXTURES / "article.md"))
    assert "対数の公式①" in (results[26][0].step.annotation or "")


def test_one_hot_row_is_a_specialisation_naming_the_values():
    results = by_line(check_doc(FIXTURES / "article.md"))
    first = results[39][0]
    assert first.verdict is Verdict.VERIFIED
    assert first.rules == ("one_hot",)
    assert re.search(r"t_\{1\}\}? = 1", first.reason)
    assert re.search(r"t_\{2\}\}? = 0", first.reason)


def test_concrete_to_general_k_is_a_generalisation_of_the_earlier_equation():
    results = by_line(check_doc(FIXTURES / "article.md"))
    r = results[43][0]
    assert r.verdict is Verdict.VERIFIED
    assert r.rules[0] == "generalize" and "holds for every K" in r.reason
    assert "K = 6" in r.reason and "(3.6)" in r.reason


def test_article_with_the_minus_dropped_refutes_4_3_at_its_line():
    results = by_line(check_doc(FIXTURES / "article_wrong_4_3.md"))
    claim = [r for r in results[47] if r.verdict.is_claim_verdict][0]
    assert claim.verdict is Verdict.REFUTED
    assert claim.counterexample is not None
    others = [r for line, rs in results.items() if line != 47 for r in rs]
    assert all(r.verdict is not Verdict.REFUTED for r in others)


def test_cli_reports_the_refuted_line_in_json():
    proc = run_eqchain(
        "check", "--no-cache", "--format", "json", str(FIXTURES / "article_wrong_4_3.md")
    )
    assert proc.returncode == 1
    steps = json.loads(proc.stdout)["derivations"][0]["steps"]
    refuted = [s for s in steps if s["status"] == "refuted"]
    assert [s["line"] for s in refuted] == [47]
    assert refuted[0]["counterexample"]["values"]


def test_redefinition_is_a_warning_naming_the_earlier_line(tmp_path):
    doc = tmp_path / "r.md"
    doc.write_text(
        "$$ L = \\sum_{i=1}^{6} y_i $$\n\n$$ L = \\prod_{k=1}^{6} y_k^{t_k} $$\n", encoding="utf-8"
    )
    results = check_doc(doc, assume="y_k > 0, t_k >= 0")
    assert results[1].verdict is Verdict.DEFINITION
    assert any("line 1" in w for w in results[1].warnings)


def test_given_fact_is_used_later(tmp_path):
    doc = tmp_path / "g.md"
    doc.write_text("$$ y_1 + y_2 = 1 $$\n\n$$ y_2 = 1 - y_1 $$\n", encoding="utf-8")
    results = check_doc(doc)
    assert results[0].verdict is Verdict.GIVEN
    assert results[1].verdict is Verdict.VERIFIED


def test_wrong_claim_without_definitions_is_refuted_not_taken_as_given(tmp_path):
    doc = tmp_path / "w.md"
    doc.write_text("$$ \\log(a b) = 2 \\log a $$\n", encoding="utf-8")
    results = check_doc(doc, assume="a > 0, b > 0")
    assert results[0].verdict is Verdict.REFUTED


def test_unsupported_construct_is_an_unreadable_step_at_its_place(tmp_path):
    doc = tmp_path / "u.md"
    doc.write_text("Text\n\n$$\nx = \\nabla f\n$$\n", encoding="utf-8")
    (step,) = load_document(str(doc), "markdown").steps
    assert (step.place.line, step.place.column) == (4, 5)
    assert "not supported" in step.unreadable


def test_math_inside_code_fences_is_ignored():
    text = "```\n$$ a = b $$\n```\n\n$$ c = d $$\n"
    blocks = markdown_blocks(text)
    assert [b.line for b in blocks] == [5]


def test_latex_document_equations_are_checked(tmp_path):
    doc = tmp_path / "p.tex"
    doc.write_text(
        "\\documentclass{article}\n% eqchain: assume a > 0, b > 0\n\\begin{document}\n"
        "\\begin{align}\n\\log(a b) &= \\log a + \\log b \\label{eq:1}\\\\\n"
        "&= \\log b + \\log a\n\\end{align}\n"
        "% $$ \\log a = 0 $$ is a comment\n\\end{document}\n",
        encoding="utf-8",
    )
    results = check_doc(doc, kind="latex")
    assert [r.verdict for r in results] == [Verdict.VERIFIED, Verdict.VERIFIED]
    assert [r.step.place.line for r in results] == [5, 6]


def test_lone_backslash_left_by_markdown_is_a_row_break(tmp_path):
    doc = tmp_path / "m.md"
    doc.write_text(
        "$$\n\\begin{aligned}\n\\log(a b) &= \\log a + \\log b \\\n&= \\log b + \\log a\n"
        "\\end{aligned}\n$$\n",
        encoding="utf-8",
    )
    results = check_doc(doc, assume="a > 0, b > 0")
    assert [r.verdict for r in results] == [Verdict.VERIFIED, Verdict.VERIFIED]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("y_k > 0, t_k >= 0", [("y", "k", ("positive",)), ("t", "k", ("nonnegative",))]),
        ("K integer positive", [("K", None, ("integer", "positive"))]),
        ("x \\neq 0", [("x", None, ("nonzero",))]),
    ],
)
def test_assumptions_are_read(text, expected):
    assert [(d.name, d.index, d.words) for d in parse_assume(text)] == expected


def test_unreadable_assumption_is_an_error():
    with pytest.raises(InputError):
        parse_assume("y_k is nice")


GAUSSIAN = r"""# Gaussian

$$
p = \frac{1}{\sqrt{2 \pi \sigma^2}} e^{-\frac{(x - \mu)^2}{2 \sigma^2}}
$$

$$
\log p = -\frac{1}{2} \log (2 \pi \sigma^2) - \frac{(x - \mu)^2}{2 \sigma^2}
$$
"""


def test_a_complex_counterexample_for_a_complex_symbol_says_how_to_declare_it_real(tmp_path):
    path = tmp_path / "gauss.md"
    path.write_text(GAUSSIAN, encoding="utf-8")
    claim = [
        r
        for r in check_doc(path, assume="sigma > 0, x complex, mu complex")
        if r.verdict.is_claim_verdict
    ][-1]
    assert claim.verdict is Verdict.REFUTED
    # The counterexample takes x or \mu complex (whichever its simplest point needs).
    assert any(
        "declare" in w and ("'x real'" in w or "'\\mu real'" in w) for w in claim.warnings
    ), claim.warnings
    # undeclared, x and \mu are real (a document's default)
    real = check_doc(path, assume="sigma > 0")
    assert [r.verdict for r in real if r.verdict.is_claim_verdict] == [Verdict.VERIFIED]


def test_a_false_generalisation_in_a_document_is_refuted(tmp_path):
    path = tmp_path / "gen.md"
    rows = [
        r"L = \prod_{k=1}^{6} y_k",
        r"\log L = \sum_{k=1}^{6} \log y_k",
        r"\log L = \sum_{k=1}^{K} \log y_k + 1",
    ]
    path.write_text("".join(f"$$\n{r}\n$$\n\n" for r in rows), encoding="utf-8")
    results = check_doc(path, assume="y_k > 0")
    assert [r.verdict for r in results] == [Verdict.DEFINITION, Verdict.VERIFIED, Verdict.REFUTED]
