"""A condition stated right after a display, as the first sentence after it (red team s45):
「ただし $x > 0$ とする。」 and "where $u \\geq 0$." are the display's case, as "if" before it
is (the true row was refuted at x = -1, outside it). Only these openings: "for" or "if" after a
display may as well be the next display's case, and "where $u$ is the step size" states none."""

from __future__ import annotations

import json

from helpers import run_eqchain


def steps_of(tmp_path, text: str) -> list[dict]:
    doc = tmp_path / "d.md"
    doc.write_text(text, encoding="utf-8")
    ran = run_eqchain("check", "--no-cache", "--format", "json", str(doc))
    return json.loads(ran.stdout)["derivations"][0]["steps"]


def test_tadashi_after_a_display_is_its_condition(tmp_path):
    steps = steps_of(tmp_path, "$$\n\\sqrt{x^2} = x\n$$\n\nただし $x > 0$ とする。\n")
    assert steps[-1]["status"] == "verified", steps
    assert steps[-1]["condition"], steps
    text = "$$\n\\sqrt{x^2} = -x\n$$\n\nただし、$x > 0$ とする。\n\n$$a = 1$$\n"
    wrong = steps_of(tmp_path, text)
    assert wrong[0]["status"] == "refuted", wrong
    assert not wrong[0]["counterexample"]["values"]["x"].startswith(("-", "−")), wrong


def test_where_after_a_display_is_its_condition(tmp_path):
    steps = steps_of(tmp_path, "$$\n\\sqrt{u^2} = u,\n$$\n\nwhere $u \\geq 0$.\n\n$$b = 2$$\n")
    assert steps[0]["status"] == "verified", steps


def test_other_prose_after_a_display_states_no_condition(tmp_path):
    for after in (
        "where $u$ is the step size.",
        "for $u \\geq 0$.",
        "ただし $u$ は実数。",
        "Assuming $u \\geq 0$,",  # leads the next display (red team s45, round 2)
    ):
        steps = steps_of(tmp_path, f"$$\n\\sqrt{{u^2}} = u\n$$\n\n{after}\n")
        assert steps[0]["status"] == "refuted", (after, steps)


def test_an_unread_condition_after_a_display_leaves_a_refutation_undecided(tmp_path):
    steps = steps_of(tmp_path, "$$\n\\sqrt{x^2} = x\n$$\n\nwhere $x \\in A$.\n")
    assert steps[0]["status"] == "unknown", steps


def test_an_equation_after_where_is_a_value_as_before(tmp_path):
    """where $a = 2$. defines a (a prose definition for the next display), never a condition
    of the display before (f(1) = 2 was refuted at a = -1)."""
    text = "$$\nf(x) = a x^2\n$$\n\nwhere $a = 2$.\n\n$$\nf(1) = 2\n$$\n"
    steps = steps_of(tmp_path, text)
    assert steps[-1]["status"] == "verified", steps
