r"""A name defined, then written again after prose that says it follows ("Thus:", "So we get"):
``F = \int_0^1 2x \, dx``, then "Thus:" ``F = 3``. It was taken as a new meaning of F, with a
warning only (0 refuted: red team s51, a KL derivation's "Thus: KL = ..." with a sign flipped
passed so). The prose says the row follows: it is a claim about the F defined before, refuted
when false. Without such prose a name written again stays a redefinition (a later example may
reuse a name), and ``:=`` always defines."""

from __future__ import annotations

from helpers import document_steps

DOCUMENT = r"""$$
F = \int_{0}^{1} 2x \, dx
$$

PROSE

$$
F = VALUE
$$
"""


def status(tmp_path, prose: str, value: str) -> str:
    steps = document_steps(tmp_path, DOCUMENT.replace("PROSE", prose).replace("VALUE", value))
    return [s["status"] for s in steps if s["line"] == 8][0]


def test_a_false_result_said_to_follow_is_refuted(tmp_path):
    assert status(tmp_path, "Thus:", "3") == "refuted"


def test_a_true_result_said_to_follow_is_verified(tmp_path):
    assert status(tmp_path, "Thus:", "1") == "verified"


def test_without_such_prose_it_is_a_new_meaning(tmp_path):
    assert status(tmp_path, "For the next example, take", "3") == "definition"


def test_a_worked_example_s_number_after_thus_is_a_new_value(tmp_path):
    text = (
        "$$\n\\hat{p} = \\frac{3}{10}\n$$\n\nThus, for the second sample,\n\n"
        "$$\n\\hat{p} = \\frac{8}{20}\n$$\n"
    )
    steps = document_steps(tmp_path, text)
    assert [s["status"] for s in steps if s["line"] == 8] == ["definition"], steps
