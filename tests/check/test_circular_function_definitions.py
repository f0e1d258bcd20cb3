"""A function is not defined by a value that leads back to it through the definitions:
``y = f(a) = y + 1`` (the second link naming f) or ``y = f(a)`` then ``f(a) = y + 1`` would
make f(a) = f(a) + 1, and anything would follow. Red team 24: ``f(a) + 3 = f(a) + 4`` was
verified after either."""

from __future__ import annotations

import pytest
from helpers import check_document_rows


@pytest.mark.parametrize(
    "rows",
    [
        (r"y = f(a) = y + 1",),
        (r"y = f(a)", r"f(a) = y + 1"),
        (r"y_n = \sigma(a_n) = y_n + 1",),
    ],
)
def test_a_function_is_not_defined_through_itself(tmp_path, rows):
    claim = r"f(a) + 3 = f(a) + 4" if "f(a)" in rows[0] else r"\sigma(a_1) + 3 = \sigma(a_1) + 4"
    results = check_document_rows(tmp_path, *rows, claim)
    assert results[-1]["status"] != "verified"


def test_the_second_link_still_names_the_function(tmp_path):
    rows = (r"y_n = \sigma(a_n) = \frac{1}{1 + e^{-a_n}}", r"\sigma(0) = \frac{1}{2}")
    assert check_document_rows(tmp_path, *rows)[-1]["status"] == "verified"
