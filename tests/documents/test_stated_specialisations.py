r"""A row that is the one before with values put in (``f = a x + b``, then ``= a x``: b = 0)
holds for values the document states; in a document whose prose does not state them it is
``unknown``, naming them (it was verified, exit 0, for a dropped term). The one-hot case of the
flagship article (``1 \cdot \log y_1 + 0 \cdot \log y_2 + ...``) stays verified, and a case
written as the row's condition is checked as such. Counterexamples in a document are real (a
name a row may define, a posterior's a_n beside a_0, got a complex value)."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import run_eqchain

ROOT = Path(__file__).resolve().parents[2]


def check(tmp_path, body: str, *options) -> list[dict]:
    import json

    doc = tmp_path / "d.md"
    doc.write_text(body, encoding="utf-8")
    out = run_eqchain("check", "--no-cache", "--format", "json", *options, str(doc)).stdout
    return json.loads(out)["derivations"][0]["steps"]


def test_a_dropped_term_is_no_specialisation(tmp_path):
    body = "$$\n\\begin{aligned}\nf &= a x + b \\\\\n&= a x\n\\end{aligned}\n$$\n"
    steps = check(tmp_path, body)
    assert steps[-1]["status"] == "unknown"
    assert "b = 0" in steps[-1]["reason"] and "no row states" in steps[-1]["reason"]


def test_a_value_in_the_prose_is_no_statement_of_the_case(tmp_path):
    # an inline $b = 0$ anywhere (negated, in a comment, after the chain) was taken as stated
    body = (
        "We never have $b = 0$. <!-- $b = 0$ -->\n\n"
        "$$\n\\begin{aligned}\nf &= a x + b \\\\\n&= a x\n\\end{aligned}\n$$\n"
    )
    assert check(tmp_path, body)[-1]["status"] == "unknown"


def test_the_case_written_as_the_rows_condition_is_checked(tmp_path):
    body = "When $b = 0$, we have\n\n$$\nf = a x + b = a x\n$$\n"
    assert check(tmp_path, body)[-1]["status"] == "verified"


def test_a_wrong_specialisation_is_refuted(tmp_path):
    body = "$$\n\\begin{aligned}\nf &= a x + b \\\\\n&= a x + 2 b\n\\end{aligned}\n$$\n"
    assert check(tmp_path, body)[-1]["status"] in ("refuted", "unknown")
    assert check(tmp_path, body)[-1]["status"] != "verified"


def test_the_flagship_one_hot_case_is_still_verified():
    out = run_eqchain("check", "--no-cache", str(ROOT / "tests" / "fixtures" / "article.md"))
    assert "one_hot" in out.stdout and out.returncode == 0


def test_a_documents_counterexample_is_real(tmp_path):
    body = (
        "$$y_i \\sim \\mathrm{Poiss}(\\lambda), \\quad i = 1, \\ldots, n$$\n\n"
        "$$p(\\lambda|y) = \\mathrm{Gam}(\\lambda; a_n, b_n)$$\n\n"
        "$$a_n = a_0 + n \\bar{y}$$\n\n$$b_n = b_0 + n$$\n\n"
        "$$p(y,\\lambda) = \\frac{ {b_0}^{a_0}}{\\Gamma(a_0)} \\lambda^{a_0-1} "
        "\\exp[-b_0 \\lambda]$$\n\n"
        "$$p(\\lambda|y) \\propto p(y,\\lambda)$$\n"
    )
    steps = check(tmp_path, body, "--assume", "propto lambda")
    refuted = [s for s in steps if s["status"] == "refuted"]
    assert refuted
    for step in refuted:
        values = dict(step["counterexample"]["values"])
        assert not any(re.search(r"(?<![a-z\\])i\b", str(v)) for v in values.values()), values
