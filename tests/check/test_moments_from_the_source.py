r"""Where a step's source is defined, so is every expectation it writes, and E[p(X)] for a
polynomial p of degree d in one random variable X is finite only if E|X|^d is: so splitting
``\mathbb{E}[X^2 - 2 X \mathbb{E}[X] + \mathbb{E}[X]^2]`` by linearity needs nothing more (it
was unknown, "expectation_linear needs finite moments", on every variance derivation of the
corpus). ``\mathbb{E}[X + Y]`` finite says nothing of E[X] and E[Y] alone: still unknown."""

from __future__ import annotations

import pytest
from helpers import check_document_rows


@pytest.mark.parametrize(
    ("source", "split"),
    [
        (
            r"\mathbb{E}[X^2 - 2 X \mathbb{E}[X] + \mathbb{E}[X]^2]",
            r"\mathbb{E}[X^2] - 2 \mathbb{E}[X] \mathbb{E}[X] + \mathbb{E}[X]^2",
        ),
        (r"\mathbb{E}[(X + 1)^3]", r"\mathbb{E}[X^3] + 3\mathbb{E}[X^2] + 3\mathbb{E}[X] + 1"),
        (r"\mathbb{E}[X^2] + \mathbb{E}[X]", r"\mathbb{E}[X^2 + X]"),
    ],
)
def test_a_split_the_source_makes_finite_is_verified(tmp_path, source, split):
    steps = check_document_rows(tmp_path, f"{source} = {split}")
    assert steps[-1]["status"] == "verified", steps[-1]


@pytest.mark.parametrize(
    ("source", "split"),
    [
        (r"\mathbb{E}[X + Y]", r"\mathbb{E}[X] + \mathbb{E}[Y]"),
        (r"\mathbb{E}[X]", r"\mathbb{E}[X + X^2] - \mathbb{E}[X^2]"),
        (r"\mathbb{E}[X Y]", r"\mathbb{E}[X (Y - 1)] + \mathbb{E}[X]"),
    ],
)
def test_a_split_it_does_not_make_finite_stays_unknown(tmp_path, source, split):
    steps = check_document_rows(tmp_path, f"{source} = {split}")
    assert steps[-1]["status"] == "unknown", steps[-1]
    assert "finite" in steps[-1]["reason"], steps[-1]


def test_a_wrong_split_is_refuted(tmp_path):
    steps = check_document_rows(
        tmp_path, r"\mathbb{E}[X^2 - 2 X + 1] = \mathbb{E}[X^2] - \mathbb{E}[X] + 1"
    )
    assert steps[-1]["status"] == "refuted", steps[-1]


def test_a_conditional_expectation_inside_is_no_constant_coefficient():
    # X^2 + X E[Y | X] is 0 for Y = -X (E[Y | X] = -X, random): its expectation finite says
    # nothing of E[X^2]; only constant coefficients bound |p(X)| below by c |X|^d - C
    import sympy as sp

    from eqchain.check.expectations import _finite_by_source
    from eqchain.latex.read import read_formula

    source, target = read_formula(
        r"\mathbb{E}[X^2 + X \mathbb{E}[Y \mid X]] = \mathbb{E}[X^2]"
    ).sides
    implied = _finite_by_source(source)
    assert not implied(target), sp.srepr(target)
    plain = read_formula(r"\mathbb{E}[X^2 + 2 X] = \mathbb{E}[X^2]").sides
    assert _finite_by_source(plain[0])(plain[1])
