r"""A step is verified where its source is defined: an expectation only the right side writes
must be finite there. ``\mathbb{E}[X] = \mathbb{E}[X^3] - \mathbb{E}[X^3] + \mathbb{E}[X]`` was
verified by algebra with each expectation an opaque number, false for a Student t with 3 degrees
of freedom (E[X^3] has no value, the right side none). Finite it is when the law says so, when
the source implies it (moments of a polynomial it takes the expectation of), or when its
argument is a constant combination of the arguments of the source's expectations."""

from __future__ import annotations

import pytest
from helpers import check_document_rows


@pytest.mark.parametrize(
    "step",
    [
        r"\mathbb{E}[X] = \mathbb{E}[X^3] - \mathbb{E}[X^3] + \mathbb{E}[X]",
        r"\mathbb{E}[X] = \mathbb{E}[X] + \mathbb{E}[Y] - \mathbb{E}[Y]",
        r"\mathbb{E}[X] + 1 = \mathbb{E}[X] + \mathbb{E}[X^2] \cdot 0 + 1",
        r"\mathbb{E}[X] = \mathbb{E}[X] + \mathbb{E}[\log X] - \mathbb{E}[\log X]",
    ],
)
def test_an_expectation_the_source_does_not_make_finite_is_unknown(tmp_path, step):
    steps = check_document_rows(tmp_path, step)
    assert steps[-1]["status"] == "unknown", steps[-1]
    assert "finite" in steps[-1]["reason"], steps[-1]
    assert "introduces" in steps[-1]["reason"], steps[-1]


@pytest.mark.parametrize(
    "step",
    [
        # a constant combination of what the source's expectations take
        r"\mathbb{E}[X] + \mathbb{E}[Y] = \mathbb{E}[X + Y] - \mathbb{E}[Y] + \mathbb{E}[Y]",
        r"\mathbb{E}[X] + \mathbb{E}[Y] = "
        r"\mathbb{E}[2X - 3Y + 1] - \mathbb{E}[X] + 4\mathbb{E}[Y] - 1",
        # a moment below one the source takes
        r"\mathbb{E}[X^2] = \mathbb{E}[X^2] + \mathbb{E}[X] - \mathbb{E}[X]",
    ],
)
def test_an_expectation_the_source_makes_finite_is_verified(tmp_path, step):
    steps = check_document_rows(tmp_path, step)
    assert steps[-1]["status"] == "verified", steps[-1]


def test_declared_moments_make_it_finite(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"\mathbb{E}[X] = \mathbb{E}[X^3] - \mathbb{E}[X^3] + \mathbb{E}[X]",
        assume="X moments",
    )
    assert steps[-1]["status"] == "verified", steps[-1]


def test_a_wrong_step_with_a_new_expectation_is_still_refuted(tmp_path):
    steps = check_document_rows(tmp_path, r"\mathbb{E}[X] = \mathbb{E}[X^3] - \mathbb{E}[X^2]")
    assert steps[-1]["status"] == "refuted", steps[-1]


def test_a_combination_with_a_random_coefficient_is_not_spanned():
    # X Y is no constant combination of X and Y: E[X] and E[Y] finite say nothing of E[X Y]
    import sympy as sp

    from eqchain.check.expectations import _spanned

    x, y = sp.symbols("X Y", real=True)
    assert not _spanned(x * y, [x, y])
    assert _spanned(2 * x - y + 3, [x, y])
    assert not _spanned(x**2, [x])


@pytest.mark.parametrize(
    "step",
    [
        # the same sum, its index renamed
        r"\mathbb{E}\left[\frac{1}{n}\sum_{i=1}^{n} X_i\right] = "
        r"\mathbb{E}\left[\sum_{k=1}^{n} \frac{X_k}{n}\right]",
        # a moment below the source's: E[K^2] finite gives E[K], so E[K(K - 1)]
        r"\mathbb{E}[K^2] = \mathbb{E}[K (K - 1)] + \mathbb{E}[K]",
        # arguments equal in every outcome (expectation_body)
        r"\mathbb{E}[\log(e^{X} e^{X})] = \mathbb{E}[2 X]",
    ],
)
def test_the_same_expectation_written_otherwise_is_verified(tmp_path, step):
    steps = check_document_rows(tmp_path, step)
    assert steps[-1]["status"] == "verified", steps[-1]


def test_an_expectation_inside_one_matched_by_its_argument_keeps_its_condition(tmp_path):
    # the arguments agree in every outcome once E[Z^3] cancels, but E[Z^3] may have no value
    steps = check_document_rows(
        tmp_path,
        r"\mathbb{E}[(X+1)^2] = \mathbb{E}[X^2 + 2X + 1 + \mathbb{E}[Z^3] - \mathbb{E}[Z^3]]",
    )
    assert steps[-1]["status"] == "unknown", steps[-1]
    assert "finite" in steps[-1]["reason"], steps[-1]
    steps = check_document_rows(tmp_path, r"\mathbb{E}[(X+1)^2] = \mathbb{E}[X^2 + 2X + 1]")
    assert steps[-1]["status"] == "verified", steps[-1]
