r"""Defining a member (``\tau_1 = \tau + \tau_0``) keeps the family and the plain name real by the
document's default where the definition is real.

Found by a red-team helper (s52 rt1 defect 5, a conjugate-normal posterior on fiveMinuteStats):
the row made \tau and \tau_0 non-real in the whole document (an order \tau_0^2 \geq 0 counted as a
definition of the family, and the plain \tau was taken for the family's name), and earlier valid
rows became unknown ("log_exp needs \tau_0 real")."""

from __future__ import annotations

import pytest
from helpers import check_document_rows


@pytest.mark.parametrize("last", [r"\tau_1 = \tau + \tau_0", r"\tau_1 = 2"])
def test_earlier_rows_keep_the_default(tmp_path, last):
    rows = (r"|\tau_0|^2 = \tau_0^2", r"\log(e^{\tau_0}) = \tau_0", r"\tau_0^2 + \tau^2 \geq 0")
    got = [s["status"] for s in check_document_rows(tmp_path, *rows, last)]
    assert got[:3] == ["verified", "verified", "verified"], got


def test_a_member_defined_by_a_root_leaves_the_family_without_the_default(tmp_path):
    # \sqrt{\tau} is real only for \tau \geq 0: \tau_0 is not assumed real
    rows = (r"\log(e^{\tau_0}) = \tau_0", r"\tau_1 = \sqrt{\tau}")
    got = [s["status"] for s in check_document_rows(tmp_path, *rows)]
    assert got == ["unknown", "definition"], got
