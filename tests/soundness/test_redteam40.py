r"""What the red team found in stop 40's changes, each on the smallest document that showed it
(/work/tmp/s40/red): a count used as a generic index (partial sums refuted), ``\equiv`` on a
defined name passed as a new meaning, an environment in an HTML comment checked, a likelihood
``p(x \mid \mu) \propto ...`` refuted as if in x, a wrong root after a chain ending in 0 taken as
a definition, ``17 \equiv 2`` refuted, a member's law not weighed against its family's, a peel
false at n = 1 left unknown."""

from __future__ import annotations

import pytest
from helpers import check_document_rows


def statuses(tmp_path, *rows):
    return [s["status"] for s in check_document_rows(tmp_path, *rows) if s.get("line")]


@pytest.mark.parametrize(
    "rows",
    [
        (r"S_n = \sum_{k=1}^{n} a_k", r"S_3 - S_2 = a_3"),
        (r"a_n = 2n - 1", r"\sum_{k=1}^{n} a_k = n^2"),
        (r"c_i = \sum_{k=1}^{i} a_k", r"c_2 - c_1 = a_2"),
    ],
)
def test_a_count_the_value_computes_with_is_a_generic_index(tmp_path, rows):
    assert statuses(tmp_path, *rows)[-1] == "verified"


def test_equiv_restating_a_defined_name_is_checked_as_a_restatement(tmp_path):
    got = statuses(tmp_path, r"D = (a + b)^2 - (a - b)^2", r"D \equiv 2 a b")
    assert got == ["definition", "unknown"]


def test_a_congruence_of_numbers_stays_unread(tmp_path):
    assert statuses(tmp_path, r"17 \equiv 2") == ["unreadable"]


def test_a_likelihood_is_not_proportional_in_its_data(tmp_path):
    row = (
        r"p(x \mid \mu) = \frac{1}{\sqrt{2\pi}} e^{-\frac{(x - \mu)^2}{2}}"
        r" \propto e^{x \mu - \frac{\mu^2}{2}}"
    )
    assert "refuted" not in statuses(tmp_path, row)


def test_a_wrong_root_after_a_chain_ending_in_zero_is_refuted(tmp_path):
    got = statuses(tmp_path, r"x^2 - 5x + 6 = (x - 2)(x - 3) = 0", r"x = 4")
    assert got[-1] == "refuted"


def test_a_members_law_counts_against_its_familys(tmp_path):
    rows = (r"X_1 \sim \mathcal{N}(0, 1)", r"X_i \sim \mathrm{Gamma}(2, 1)", r"|X_1| = X_1")
    assert statuses(tmp_path, *rows)[-1] == "refuted"
