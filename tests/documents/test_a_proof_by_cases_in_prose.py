r"""A proof by cases written in prose: each case's display goes on from where the cases began.

Found by a red-team helper (s52 rt1 defects 3 and 4, a softmax post on GitHub Pages): after
``|x| = \sqrt{x^2}``, "If $x > 0$," ``= x``, then "And if $x < 0$," ``= -x``: the second case was
dropped ("And if" was not read as a case) and ``= -x`` was checked against the first case's
``x``, refuted at x = -1."""

from __future__ import annotations

import pytest
from helpers import document_steps

START = "We compute it.\n\n$$\n|x| = \\sqrt{x^2}\n$$\n\n"


@pytest.mark.parametrize("lead", ["If", "And if", "But if"])
def test_the_second_case_starts_where_the_cases_began(tmp_path, lead):
    text = START + "If $x > 0$,\n\n$$\n= x\n$$\n\n" + lead + " $x < 0$,\n\n$$\n= -x\n$$\n"
    got = [s["status"] for s in document_steps(tmp_path, text)]
    assert got == ["verified", "verified", "verified"], got


def test_a_wrong_second_case_is_refuted(tmp_path):
    text = START + "If $x > 0$,\n\n$$\n= x\n$$\n\nAnd if $x < 0$,\n\n$$\n= x\n$$\n"
    steps = document_steps(tmp_path, text)
    assert steps[-1]["status"] == "refuted", steps[-1]
    assert "x < 0" in (steps[-1].get("condition") or steps[-1]["reason"] or ""), steps[-1]


def test_rows_of_one_case_go_on_from_each_other(tmp_path):
    text = START + "If $x > 0$,\n\n$$\n= \\sqrt{x}\\sqrt{x}\n$$\n\n$$\n= x\n$$\n"
    got = [s["status"] for s in document_steps(tmp_path, text)]
    assert got == ["verified", "verified", "verified"], got


def test_a_case_that_began_the_chain_is_no_start_for_the_next(tmp_path):
    # a red team (s52 rt3): the first case's row wrote the left side, and the second case was
    # checked from that case's value: \max(a, b) - b = a - b for a < b was VERIFIED
    text = "If $a \\geq b$,\n\n$$ \\max(a, b) - b = a - b $$\n\nIf $a < b$,\n\n$$ = a - b $$\n"
    steps = document_steps(tmp_path, text)
    assert [s["status"] for s in steps] == ["verified", "refuted"], steps


@pytest.mark.parametrize("value, verdict", [("2x", "refuted"), ("-2x", "verified")])
def test_a_value_inside_the_first_case_is_no_start_either(tmp_path, value, verdict):
    # rt3: the restart went back to (x - 1) + (x + 1), a value of the first case only
    text = (
        "If $x \\geq 1$,\n\n$$ |x - 1| + |x + 1| = (x - 1) + (x + 1) = 2x $$\n\n"
        f"If $x \\leq -1$,\n\n$$ = {value} $$\n"
    )
    steps = document_steps(tmp_path, text)
    assert steps[-1]["status"] == verdict, steps


@pytest.mark.parametrize("value, verdict", [("-x", "verified"), ("x", "refuted")])
def test_otherwise_is_the_other_case(tmp_path, value, verdict):
    # a red team (s52 rt3): "Otherwise," was not read, and the true = -x was refuted
    text = START + f"If $x \\geq 0$,\n\n$$\n= x\n$$\n\nOtherwise,\n\n$$\n= {value}\n$$\n"
    steps = document_steps(tmp_path, text)
    assert steps[-1]["status"] == verdict, steps


def test_otherwise_after_a_case_that_has_no_simple_complement(tmp_path):
    # not (0 < x < 1) is two intervals: a case eqchain does not read, so no refutation at a
    # point that may lie outside it, and no verification
    text = (
        "We compute it.\n\n$$\nx^2 - 1 = (x - 1)(x + 1)\n$$\n\n"
        "If $-1 < x < 1$,\n\n$$\n= -|x^2 - 1|\n$$\n\nOtherwise,\n\n$$\n= |x^2 - 1|\n$$\n"
    )
    steps = document_steps(tmp_path, text)
    assert steps[-1]["status"] == "unknown", steps
    assert r"\lnot" in steps[-1]["reason"], steps[-1]


def test_numbered_cases(tmp_path):
    text = START + "Case 1: $x \\geq 0$.\n\n$$\n= x\n$$\n\nCase 2: $x < 0$.\n\n$$\n= -x\n$$\n"
    got = [s["status"] for s in document_steps(tmp_path, text)]
    assert got == ["verified", "verified", "verified"], got


@pytest.mark.parametrize("first", ["If $x \\in P$,", "Suppose $x \\geq 0$. Then"])
def test_a_case_not_read_as_a_condition_is_a_case_still(tmp_path, first):
    # a red team (s52 rt4): "If $x \in P$," counted as no case, so its x was where the next
    # case began, and |x| = x under x < 0 was VERIFIED; "Suppose ... . Then" was not read
    text = START + f"{first}\n\n$$\n= x\n$$\n\nIf $x < 0$,\n\n$$\n= x\n$$\n"
    steps = document_steps(tmp_path, text)
    assert steps[-1]["status"] == "refuted", steps


def test_otherwise_under_another_heading_is_no_other_case(tmp_path):
    text = "# A\n\nIf $x \\geq 0$,\n\n$$ |x| = x $$\n\n# B\n\nOtherwise,\n\n$$ |x| = -x $$\n"
    steps = document_steps(tmp_path, text)
    assert steps[-1]["status"] == "refuted" and not steps[-1]["condition"], steps[-1]


def test_otherwise_after_other_sentences_completes_nothing(tmp_path):
    # a red team (s52 rt5): "If $y > 0$, there is nothing more to prove. Otherwise," took the
    # complement of the case two displays before, and a false row was VERIFIED under x < 0
    text = (
        "If $x \\geq 0$, then\n\n$$ \\sqrt{x^2} = x $$\n\n"
        "If $y > 0$, there is nothing more to prove. Otherwise,\n\n$$ \\sqrt{x^2} + y = y - x $$\n"
    )
    steps = document_steps(tmp_path, text)
    assert steps[-1]["status"] == "refuted", steps[-1]


def test_otherwise_after_two_cases_completes_both(tmp_path):
    # rt5: after x < 0 and x = 0, "Otherwise" was x \neq 0, and the true |x| = x refuted
    text = (
        "If $x < 0$,\n\n$$ |x| = -x $$\n\nIf $x = 0$,\n\n$$ |x| = 0 $$\n\n"
        "Otherwise,\n\n$$ |x| = x $$\n"
    )
    steps = document_steps(tmp_path, text)
    assert steps[-1]["status"] == "unknown", steps[-1]


@pytest.mark.parametrize(
    "first, other",
    [
        ("If $x \\geq 0$,", "Otherwise (that is, for negative $x$), we have"),
        ("$x \\geq 0$ のとき、", "それ以外のとき、"),
        ("**Case 1.** $x \\geq 0$.", "**Case 2.** $x < 0$."),
    ],
)
def test_other_spellings_of_the_second_case(tmp_path, first, other):
    # a red team (s52 rt5): each left the correct second case refuted
    text = f"{first}\n\n$$ |x| = x $$\n\n{other}\n\n$$ |x| = -x $$\n"
    got = [s["status"] for s in document_steps(tmp_path, text)]
    assert got == ["verified", "verified"], got
