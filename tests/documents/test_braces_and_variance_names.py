"""Issue 11: ``\\underbrace`` and ``\\text{var}(X)`` through the CLI: the brace's label is never a
fact (a wrong label verifies nothing), and the variance by its lower-case name is the variance."""

from __future__ import annotations

from helpers import check_document_rows


def test_a_label_is_never_used_as_a_fact(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"E[X^2] - 2 E[X] \mu + \underbrace{E[\mu^2]}_{E[c] = c} = E[X^2] - 2E[X]\mu + E[\mu^2]",
        r"a + \underbrace{b}_{= 0} = a",  # the label says b = 0: not a fact, not used
        r"\underbrace{(a + b)^2}_{\text{square}} = a^2 + b^2",
    )
    assert [s["status"] for s in steps] == ["verified", "refuted", "refuted"]


def test_the_variance_by_its_text_name(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"\text{var}(X) = E[(X - E[X])^2]",
        r"\text{var}(X) = E[X^2] - E[X]",
        r"\text{var}(X) = E[X^2] - E[X]^2",
    )
    status = [s["status"] for s in steps]
    assert status[:2] == ["verified", "refuted"]
    assert status[2] != "refuted"  # true: verified, or unknown naming its conditions
