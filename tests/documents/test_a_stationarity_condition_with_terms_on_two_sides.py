r"""The derivative's value set to zero with its terms on two sides: ``\frac{a}{p} =
\frac{b}{1 - p}`` after ``\frac{d}{dp} \ell(p) = \frac{a}{p} - \frac{b}{1 - p}`` is the
stationarity condition, as ``\frac{a}{p} - \frac{b}{1 - p} = 0`` is.

Found by a red-team helper (s52 rt1 defect 2, a MAP notebook on GitHub): the row was refuted as
an identity at p = 2, and so were the correct rearrangements after it."""

from __future__ import annotations

import pytest
from helpers import document_steps

ROWS = (
    r"\ell(p) = a \ln p + b \ln (1 - p)",
    r"\frac{d}{dp} \ell(p) = \frac{a}{p} - \frac{b}{1 - p}",
)


def _with_prose(tmp_path, *rows):
    """ROWS, "Set the derivative equal to zero:", then ``rows``."""
    text = "# t\n\n" + "\n\n".join(f"$$ {r} $$" for r in ROWS)
    text += "\n\nSet the derivative equal to zero:\n\n" + "\n\n".join(f"$$ {r} $$" for r in rows)
    return document_steps(tmp_path, text + "\n")


def test_the_condition_is_given_and_what_follows_is_checked(tmp_path):
    steps = _with_prose(tmp_path, r"\frac{a}{p} = \frac{b}{1 - p}", r"a (1 - p) = b p")
    got = [s["status"] for s in steps]
    assert got == ["definition", "verified", "given", "verified"], got
    assert "derivative set to zero" in steps[2]["reason"], steps[2]


def test_a_wrong_rearrangement_is_still_refuted(tmp_path):
    steps = _with_prose(tmp_path, r"\frac{a}{p} = \frac{b}{1 - p}", r"a (1 - p) = 2 b p")
    assert steps[-1]["status"] == "refuted", steps[-1]


def test_terms_that_are_not_the_derivative_stay_a_claim(tmp_path):
    steps = _with_prose(tmp_path, r"\frac{a}{p} = \frac{2b}{1 - p}")
    assert steps[-1]["status"] == "refuted", steps[-1]


def test_terms_that_cancel_are_no_condition(tmp_path):
    # a red team (s52 rt3): x^2 + 2x = x^2 after \frac{d}{dx} x^2 = 2x was "given: the
    # derivative set to zero" (the difference of the two sides, simplified, was 2x)
    text = "$$ \\frac{d}{dx} x^2 = 2x $$\n\nSet it to zero:\n\n$$ x^2 + 2x = x^2 $$\n"
    steps = document_steps(tmp_path, text)
    assert steps[-1]["status"] == "refuted", steps[-1]


def test_only_right_after_the_derivative(tmp_path):
    text = "\n\n".join(f"$$ {r} $$" for r in (*ROWS, "a + b = 1"))
    text += "\n\nSet the derivative to zero:\n\n$$ \\frac{a}{p} = \\frac{b}{1 - p} $$\n"
    steps = document_steps(tmp_path, text)
    assert steps[-1]["status"] != "given", steps[-1]


D = r"$$ \frac{d}{dx} \left( \frac{x^3}{3} - \frac{x^2}{2} \right) = x^2 - x $$"


@pytest.mark.parametrize(
    "between",
    ["Therefore\n\n", "# Part 2\n\nAn identity:\n\n", ""],
    ids=["hence", "heading", "none"],
)
def test_only_after_prose_that_sets_it_to_zero(tmp_path, between):
    # a red team (s52 rt4): x^2 = x right after the derivative's row, under "Therefore" or
    # another heading, was "given: the derivative set to zero", and x^2 + 1 = x + 1 verified
    text = f"# t\n\n{D}\n\n{between}$$ x^2 = x $$\n"
    steps = document_steps(tmp_path, text)
    assert steps[-1]["status"] == "refuted", steps[-1]
    text = f"# t\n\n{D}\n\nSetting the derivative to zero:\n\n$$ x^2 = x $$\n"
    steps = document_steps(tmp_path, text)
    assert steps[-1]["status"] == "given", steps[-1]


@pytest.mark.parametrize(
    "prose",
    [
        "The next equation holds for every $x > 0$:",
        "We put $a_0 = 1$.",
        "Setting $y = 0$ in the identity of Part 1,",
        "Hence, setting $y = 0$ in it, we get",
        "$y$ を 0 とおくと",
    ],
)
def test_prose_that_sets_no_derivative_to_zero(tmp_path, prose):
    # a red team (s52 rt5): a 0 anywhere in the sentence, formulas included, made x^2 = x the
    # derivative set to zero, and x^2 + 1 = x + 1 was verified from it
    text = f"# t\n\n{D}\n\n{prose}\n\n$$ x^2 = x $$\n"
    steps = document_steps(tmp_path, text)
    assert steps[-1]["status"] == "refuted", steps[-1]
