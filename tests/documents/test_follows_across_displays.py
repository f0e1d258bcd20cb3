r"""A display after prose that says it follows ("Therefore:", "Thus", 「したがって」) may hold the
next equation of the system the display before ended with, as the next row of one display may:
its first row, no identity, is checked as following from that equation (the Bayes proof's
"p(A|B) p(B) = p(B|A) p(A). Therefore: p(A|B) = ...": "p stands on one side only").
Without such a word, and across a heading, the row is checked as before."""

from __future__ import annotations

import json

from helpers import run_eqchain


def check(tmp_path, text: str, *extra: str) -> list[dict]:
    doc = tmp_path / "d.md"
    doc.write_text(text, encoding="utf-8")
    ran = run_eqchain("check", "--no-cache", "--format", "json", *extra, str(doc))
    return json.loads(ran.stdout)["derivations"][0]["steps"]


SYSTEM = (
    "# t\n\nLet $y > 0$ and $a > 0$.\n\n$$\ng(x) y = 3 h(z) + a\n$$\n\n{lead}\n\n$$\n{row}\n$$\n"
)
ROW = r"\frac{g(x) y - a}{3} = h(z)"


def test_a_row_after_therefore_follows_from_the_display_before(tmp_path):
    steps = check(tmp_path, SYSTEM.format(lead="Therefore:", row=r"\frac{g(x) y - a}{3} = h(z)"))
    assert steps[-1]["status"] == "verified", steps[-1]
    assert "follows from the previous row" in steps[-1]["reason"], steps[-1]


def test_a_row_after_a_divisor_not_established_is_unknown_naming_it(tmp_path):
    text = SYSTEM.replace("Let $y > 0$ and $a > 0$.", "Let $a > 0$.")
    steps = check(tmp_path, text.format(lead="Hence,", row=r"g(x) - \frac{3 h(z) + a}{y} = 0"))
    assert steps[-1]["status"] == "unknown", steps[-1]
    assert "y \\neq 0" in steps[-1]["reason"], steps[-1]


def test_without_a_word_of_consequence_the_row_is_no_implication(tmp_path):
    steps = check(tmp_path, SYSTEM.format(lead="Next we look at x.", row=ROW))
    assert "follows from the previous row" not in steps[-1].get("reason", ""), steps[-1]


def test_not_across_a_heading(tmp_path):
    text = SYSTEM.format(lead="## Part 2\n\nTherefore:", row=r"\frac{g(x) y - a}{3} = h(z)")
    steps = check(tmp_path, text)
    assert "follows from the previous row" not in steps[-1].get("reason", ""), steps[-1]


def test_nothing_follows_from_a_row_refuted_as_written(tmp_path):
    # red team s47: x^2 + 1 = 0 has no real solution, and x + 1 = x + 2 "followed" from it
    text = "# t\n\nWe first note\n\n$$\nx^2 + 1 = 0\n$$\n\nSo:\n\n$$\nx + 1 = x + 2\n$$\n"
    steps = check(tmp_path, text)
    assert steps[-1]["status"] == "refuted", steps[-1]


def test_a_false_row_after_an_identity_stays_refuted(tmp_path):
    # red team s47: after the identity cos^2 x - sin^2 x = cos 2x, "Hence" cos 2x = 1 - sin^2 x
    # was unknown (not shown to follow) instead of refuted
    text = (
        "# t\n\nRecall the identity\n\n$$\n\\cos^2 x - \\sin^2 x = \\cos 2x\n$$\n\n"
        "Hence\n\n$$\n\\cos 2x = 1 - \\sin^2 x\n$$\n"
    )
    steps = check(tmp_path, text)
    assert steps[0]["status"] == "verified", steps[0]
    assert steps[-1]["status"] == "refuted", steps[-1]
