r"""Two statements joined by a word between wide spaces, ``|a| = a \qquad \text{and} \qquad a
> 0``: the second is no condition of the first. It was read as one (a wide space sets a
condition apart, ``\sum_k x^k = \frac{1}{1-x} \qquad |x| < 1``, and the word was dropped), so
the row was verified where a > 0 and the claim a > 0 never checked. Only for, if, where, when
introduce a condition; the row is now unreadable, with its reason."""

from __future__ import annotations

from helpers import check_document_rows


def test_a_second_claim_after_and_is_not_a_condition(tmp_path):
    (step,) = check_document_rows(tmp_path, r"|a| = a \qquad \text{and} \qquad a > 0")
    assert step["status"] == "unreadable", step
    assert "prose" in step["reason"], step


def test_after_for_it_is_the_condition(tmp_path):
    (step,) = check_document_rows(tmp_path, r"|a| = a \qquad \text{for} \qquad a > 0")
    assert step["status"] == "verified", step


def test_two_equations_of_names_joined_by_and_are_two_rows(tmp_path):
    steps = check_document_rows(tmp_path, r"a + b = b + a \qquad \text{and} \qquad c = c")
    assert [s["status"] for s in steps] == ["verified", "verified"], steps
