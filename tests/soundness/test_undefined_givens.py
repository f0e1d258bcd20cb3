"""Soundness 28: an equation with a side undefined at every value is no given.

``\\frac{x - x}{x - x} = 1`` (0/0 = 1) was taken as a given, in a document and as a declared
given of a derivation file: a premise that holds nowhere. Its side's definedness condition (x - x
is nonzero) cannot hold, so it is a claim in a document (unknown, saying so) and invalid input as
a declared given. A side defined somewhere (1/(x - 1) = 2) stays a given.
"""

from __future__ import annotations

import pytest

from eqchain.errors import InputError
from eqchain.model import Verdict

from .judged import check_file, check_markdown


def _doc(*rows: str) -> str:
    return "".join(f"Text.\n\n$$\n{r}\n$$\n\n" for r in rows)


@pytest.mark.parametrize("row", ["\\frac{x-x}{x-x} = 1", "1 = \\frac{2}{y - y}"])
def test_a_row_undefined_everywhere_is_no_given(tmp_path, row):
    (result,) = check_markdown(tmp_path, _doc(row))
    assert result.verdict is Verdict.UNKNOWN, (result.verdict, result.reason)


def test_the_claim_says_why(tmp_path):
    (result,) = check_markdown(tmp_path, _doc("\\frac{x-x}{x-x} = 1"))
    assert "defined nowhere" in result.reason, result.reason


def test_a_declared_given_undefined_everywhere_is_invalid_input(tmp_path):
    text = (
        '[symbols]\nx = "real"\n'
        "[[steps]]\nkind = \"given\"\nclaim = '\\frac{x-x}{x-x} = 1'\n"
        "[[steps]]\nclaim = '1 + 1 = 2'\n"
    )
    with pytest.raises(InputError, match="defined nowhere"):
        check_file(tmp_path, text)


def test_a_side_defined_somewhere_is_a_given(tmp_path):
    results = check_markdown(tmp_path, _doc("\\frac{1}{x - 1} = 2", "x = \\frac{3}{2}"))
    assert results[0].verdict is Verdict.GIVEN, (results[0].verdict, results[0].reason)
