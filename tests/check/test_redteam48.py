r"""Red team s48: readings and verdicts it showed wrong, each mended (the sums and products of
defined names, arg max on the left, prose signs and expectations have their own files)."""

from __future__ import annotations

import pytest
from helpers import check_document_rows


@pytest.mark.parametrize(
    ("row", "status"),
    [
        ("L = 3", "refuted"),  # states p^2 = 3: no second definition of L
        (r"L = p \cdot p", "verified"),  # the bare name restated: a claim, proved
    ],
)
def test_a_bare_name_of_a_defined_function_is_its_value(tmp_path, row, status):
    steps = check_document_rows(tmp_path, "L(p) = p^2", row)
    assert steps[-1]["status"] == status, steps[-1]


def test_zero_to_a_symbolic_power_is_defined_where_the_power_is_not_negative(tmp_path):
    # a boundary term of an integration by parts, 0^{\alpha + 1}: "the left side is defined
    # nowhere: 0 \neq 0 cannot hold" (helper s48, a Japanese gamma-distribution note)
    steps = check_document_rows(tmp_path, r"0^{a + 1} \cdot 3 + b = b")
    assert "defined nowhere" not in steps[-1]["reason"], steps[-1]
    steps = check_document_rows(tmp_path, r"0^{a + 1} \cdot 3 + b = b", assume="a > 0")
    assert steps[-1]["status"] == "verified", steps[-1]
    steps = check_document_rows(tmp_path, r"0^{a + 1} \cdot 3 + b = b + 3", assume="a > 0")
    assert steps[-1]["status"] == "refuted", steps[-1]
