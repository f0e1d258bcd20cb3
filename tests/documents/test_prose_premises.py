"""A premise the prose states right before a display (collector s44: herumi's PRML notes,
「$t^2=t$だから」 before var[t] = E[t] - E[t]^2): "since", "because", "given (that)", 「だから」,
「なので」 state the display's case as "if" and 「のとき」 do, and a case that is an equation is
a given of the display's rows (it was no case, and the valid row was refuted at t = 3). A case
eqchain cannot read leaves a refutation undecided: its values may lie outside it."""

from __future__ import annotations

import json

from helpers import run_eqchain


def steps_of(tmp_path, text: str) -> list[dict]:
    doc = tmp_path / "d.md"
    doc.write_text(text, encoding="utf-8")
    ran = run_eqchain("check", "--no-cache", "--format", "json", str(doc))
    return json.loads(ran.stdout)["derivations"][0]["steps"]


def test_a_premise_in_japanese_prose_is_the_display_case(tmp_path):
    text = (
        "$t=1$をクラス$C_1$, $t=0$をクラス$C_2$に割り当てる. $t^2=t$だから\n"
        "$$\n\\text{var}[t]=E[t^2]-E[t]^2=E[t]-E[t]^2\n$$\n"
    )
    steps = steps_of(tmp_path, text)
    assert all(s["status"] != "refuted" for s in steps), steps
    assert steps[-1]["status"] == "verified", steps


def test_since_states_the_case_and_refutes_within_it(tmp_path):
    valid = steps_of(tmp_path, "Since $x^2 = x$, we have\n\n$$\nx^2 + x = 2x\n$$\n")
    assert valid[-1]["status"] == "verified", valid
    wrong = steps_of(tmp_path, "Since $x^2 = x$, we have\n\n$$\nx^3 = 2x\n$$\n")
    assert wrong[-1]["status"] == "refuted", wrong
    assert wrong[-1]["counterexample"]["values"]["x"] == "1"  # within the case: x is 0 or 1


def test_a_case_eqchain_cannot_read_leaves_a_refutation_undecided(tmp_path):
    steps = steps_of(tmp_path, "If $x \\in A$, then\n\n$$\n\\sqrt{x^2} = x\n$$\n")
    assert steps[-1]["status"] == "unknown", steps
    assert "does not read as a condition" in steps[-1]["reason"]


def test_a_case_on_a_function_is_never_put_in_under_its_derivative(tmp_path):
    # red team s44 (third round): "Since $f(x) = 0$" put f(x) = 0 inside d/dx f(x), and
    # d/dx (x^2 - 1) = 0 was verified (the case holds at the roots only)
    text = "$$\nf(x) = x^2 - 1\n$$\n\nSince $f(x) = 0$, we have\n\n$$\n\\frac{d}{dx} f(x) = 0\n$$\n"
    steps = steps_of(tmp_path, text)
    assert steps[-1]["status"] == "unknown", steps


def test_a_case_that_names_nothing_refuted_keeps_the_refutation(tmp_path):
    text = "Given the parameters $\\theta$, the likelihood is\n\n$$\n(a + b)^2 = a^2 + b^2\n$$\n"
    steps = steps_of(tmp_path, text)
    assert steps[-1]["status"] == "refuted", steps
