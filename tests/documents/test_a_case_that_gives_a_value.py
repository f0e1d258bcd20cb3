r"""A case stated in the prose may give a name a number: "When the true label $y = 1$, the loss
becomes:" (a helper's binary cross-entropy post). It was no case (words before the formula, a
tail that is not "we have", and ``y = 1`` no condition), so ``L = -\log(s)`` was read as a
redefinition of the loss, with a warning that it is false."""

from __future__ import annotations

import json

import pytest
from helpers import run_eqchain

from eqchain.load.prose import stated_case

LOSS = r"$$L = - y \log(s) - (1 - y) \log(1 - s)$$"


def check(tmp_path, lead: str, row: str) -> list[dict]:
    doc = tmp_path / "d.md"
    doc.write_text(f"# t\n\n{LOSS}\n\n{lead}\n\n$${row}$$\n", encoding="utf-8")
    ran = run_eqchain("check", "--no-cache", "--format", "json", str(doc))
    return json.loads(ran.stdout)["derivations"][0]["steps"]


@pytest.mark.parametrize(
    "lead",
    [
        r"When the true label $y = 1$, the loss becomes:",
        r"When $y = 1$, the loss becomes:",
        r"If $y = 1$, we have",
        r"In the case $y = 1$ we have",
    ],
)
def test_the_case_row_is_checked_with_the_value(tmp_path, lead):
    steps = check(tmp_path, lead, r"L = - \log(s)")
    assert steps[-1]["status"] == "verified", steps[-1]
    steps = check(tmp_path, lead, r"L = \log(s)")
    assert steps[-1]["status"] == "refuted", steps[-1]


@pytest.mark.parametrize(
    "lead",
    [
        r"When not $y = 1$, we have",
        r"If $y = 1$ fails, we have",
        r"When $y = 1$, the loss is not",
    ],
)
def test_no_case(lead):
    found = stated_case(lead)
    if found is not None:  # read as text, but no condition a case gives (y = a + 1)
        from eqchain.errors import LatexError
        from eqchain.latex.read import read_case

        with pytest.raises(LatexError):
            read_case(found)


def test_a_case_stated_as_an_equation_is_a_given_of_the_display(tmp_path):
    # an equation that gives no number (s44: "If $x^2 = x$", 「$t^2=t$だから」) holds in the
    # display's rows: the rows are checked with it given, and refuted only where it holds
    lead = r"When $y = a + 1$, we have"
    steps = check(tmp_path, lead, r"L = - (a + 1) \log(s) + a \log(1 - s)")
    assert steps[-1]["status"] == "verified", steps[-1]
    steps = check(tmp_path, lead, r"L = - (a + 1) \log(s) - a \log(1 - s)")
    assert steps[-1]["status"] == "refuted", steps[-1]
