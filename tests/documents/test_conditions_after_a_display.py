"""A condition stated right after a display, as the first sentence after it (red team s45):
「ただし $x > 0$ とする。」 and "where $u \\geq 0$." leave a refutation at values outside it
undecided (the true row was refuted at x = -1); it is no condition of the rows (read as one, a
given became a refuted claim). Only these openings: "for" or "if" after a
display may as well be the next display's case, and "where $u$ is the step size" states none."""

from __future__ import annotations

from helpers import document_steps as steps_of


def test_tadashi_after_a_display_leaves_a_refutation_outside_it_undecided(tmp_path):
    steps = steps_of(tmp_path, "$$\n\\sqrt{x^2} = x\n$$\n\nただし $x > 0$ とする。\n")
    assert steps[-1]["status"] == "unknown", steps
    assert "x > 0" in steps[-1]["reason"], steps


def test_a_refutation_within_the_condition_after_a_display_stands(tmp_path):
    text = "$$\n\\sqrt{x^2} = x + 1\n$$\n\nただし、$x > 0$ とする。\n\n$$a = 1$$\n"
    steps = steps_of(tmp_path, text)
    assert steps[0]["status"] == "refuted", steps
    assert not steps[0]["counterexample"]["values"]["x"].startswith(("-", "−")), steps


def test_where_after_a_display_leaves_a_refutation_undecided(tmp_path):
    steps = steps_of(tmp_path, "$$\n\\sqrt{u^2} = u,\n$$\n\nwhere $u \\geq 0$.\n\n$$b = 2$$\n")
    assert steps[0]["status"] == "unknown", steps


def test_a_condition_after_a_display_never_makes_a_given_a_claim(tmp_path):
    """Read as the rows' condition, 2x^2 = 8 before 「ただし $x>0$ とする。」 (a given) became a
    claim refuted at x = 1, and a + 1 = 3 before "where $b > 0$." too (red team s45)."""
    steps = steps_of(tmp_path, "$$\n2x^2 = 8\n$$\n\nただし $x>0$ とする。\n\n$$x^3 = 8$$\n")
    assert steps[0]["status"] == "given", steps
    steps = steps_of(tmp_path, "$$\na + 1 = 3\n$$\n\nwhere $b > 0$.\n\n$$a = 2$$\n")
    assert steps[0]["status"] == "given", steps


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


def test_a_false_row_is_refuted_within_the_condition_after_it(tmp_path):
    """Its first counterexample at sigma = -1 (outside) left it unknown: the refuter looks again
    within the case (red team s45, round 4)."""
    row = "\\frac{d}{d\\sigma} \\log \\sigma^2 = \\frac{1}{\\sigma}"
    text = f"$$\n{row}\n$$\n\nwhere $\\sigma > 0$.\n"
    steps = steps_of(tmp_path, text)
    assert steps[0]["status"] == "refuted", steps
    value = steps[0]["counterexample"]["values"]["\\sigma"]
    assert not value.startswith(("-", "−")), steps
