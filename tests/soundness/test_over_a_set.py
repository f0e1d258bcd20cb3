"""Issue 11: sums and integrals over a set left abstract are opaque: equal arguments give equal
values, and nothing else. No linearity, no value, no evaluation by numbers: a step that needs a
property of the sum is unknown, never verified, and never refuted by values the set does not
have (its members are not known)."""

from __future__ import annotations

import pytest

from eqchain.model import Verdict

from .judged import check_markdown, claims
from .redteam import document


@pytest.mark.parametrize(
    "claim",
    [
        r"a + \sum_{x \in \mathcal{X}} x^2 = a + \sum_{x \in \mathcal{X}} x^2 + 0",
        r"b + \int_{\mathcal{X}} x^2 \, dx = \int_{\mathcal{X}} x^2 \, \mathrm{d}x + b",
        r"b + \sum_{y \in \mathcal{X}} y^2 = b + \sum_{x \in \mathcal{X}} x^2",
    ],
)
def test_the_same_operator_on_both_sides_is_never_refuted(tmp_path, claim):
    (result,) = claims(check_markdown(tmp_path, document(claim)))
    assert result.verdict in (Verdict.VERIFIED, Verdict.UNKNOWN), (claim, result.reason)
    assert result.verdict is not Verdict.REFUTED


@pytest.mark.parametrize(
    "claim",
    [
        r"b + \sum_{x \in \mathcal{X}} x^2 = b + \sum_{x \in \mathcal{X}} x",
        r"b + \sum_{x \in \mathcal{X}} a x = b + a \sum_{x \in \mathcal{X}} x + 1",
        r"b + \int_{\mathcal{X}} x \, dx = b + \int_{\mathcal{Y}} x \, dx",
        r"b + \sum_{x \in \mathcal{X}} 1 = b + n",
        r"b + \int_{\mathcal{X}} x \, dx = b + \frac{1}{2}",
        r"b + \sum_{x \in \mathcal{X}} x = b + \sum_{k=1}^{n} k",
        r"x + \sum_{x \in \mathcal{X}} x = 2 x",
    ],
)
def test_no_property_of_the_operator_is_ever_verified(tmp_path, claim):
    (result,) = claims(check_markdown(tmp_path, document(claim)))
    assert result.verdict is Verdict.UNKNOWN, (claim, result.verdict, result.reason)


def test_the_bound_variable_is_not_the_free_one(tmp_path):
    """``x \\sum_{x \\in X} x``: the x outside is free, the one inside bound; a value given to
    the free x never reaches the sum."""
    (result,) = claims(
        check_markdown(
            tmp_path,
            document(r"b + x \sum_{x \in \mathcal{X}} x = b + x \sum_{y \in \mathcal{X}} y"),
        )
    )
    assert result.verdict is not Verdict.REFUTED, result.reason
