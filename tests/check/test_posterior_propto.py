r"""``p(\theta \mid x) \propto ...``: a Bayesian author writes the posterior so and means "up to
a factor free of theta". With no variables declared, a \propto whose chain's left side is a
density of names given others (p, q, P, f, \pi, Pr with one bar) is taken with respect to the
names before the bar (engine._density_variables): it was unknown ("\propto needs the variables
it is taken with respect to") in every conjugate-prior post. Powers of bases established
positive under assumed bounds (1 - \theta under 0 < \theta < 1) are joined before the ratio is
shown free of theta; a counterexample keeps theta' within the same bounds."""

from __future__ import annotations

import pytest
from helpers import check_document_rows

PRIOR_TIMES_LIKELIHOOD = (
    r"p(\theta \mid x) \propto \theta^{a} (1-\theta)^{b} \cdot \theta^{k} (1-\theta)^{n-k}"
)


# Bayes' rule as the posts write it first: theta is what the likelihood is conditioned on
BAYES = r"p(\theta \mid x) \propto p(x \mid \theta) p(\theta)"


def rows(tmp_path, *written, assume=None, bayes=True):
    first = (BAYES,) if bayes else ()
    got = check_document_rows(tmp_path, *first, *written, assume=assume)
    return [s for s in got if s.get("line")][len(first) :]


def test_the_posteriors_kernel_is_proportional_with_respect_to_theta(tmp_path):
    row = PRIOR_TIMES_LIKELIHOOD + r" \propto \theta^{a+k}(1-\theta)^{b+n-k}"
    first, second = rows(tmp_path, row, assume="0 < theta < 1")
    assert first["status"] == "unknown"  # p(theta | x) is not defined: nothing to prove from
    assert second["status"] == "verified", second
    assert "propto_ratio" in second["rules"]
    assert "density being of" in second["reason"]


def test_a_constant_factor_dropped_is_proportional(tmp_path):
    row = (
        r"p(\theta \mid x) \propto \binom{n}{k} \theta^{k+a} (1-\theta)^{n-k+b}"
        r" \propto \theta^{a+k}(1-\theta)^{b+n-k}"
    )
    got = rows(tmp_path, row, assume="0 < theta < 1")
    assert got[-1]["status"] == "verified", got[-1]


def test_a_wrong_exponent_is_refuted_within_the_bounds(tmp_path):
    row = PRIOR_TIMES_LIKELIHOOD + r" \propto \theta^{a+k+1}(1-\theta)^{b+n-k}"
    got = rows(tmp_path, row, assume="0 < theta < 1")
    assert got[-1]["status"] == "refuted", got[-1]
    values = dict(got[-1]["counterexample"]["values"])
    for name in ("\\theta", "\\theta'"):
        assert 0 < float(eval_fraction(values[name])) < 1, values
    assert not any("bound" in k for k in values), values  # the margins are no names of the author


def eval_fraction(text: str) -> float:
    num, _, den = text.partition("/")
    return int(num) / int(den or 1)


@pytest.mark.parametrize(
    "left",
    [
        r"p(\theta)",  # no bar: a density of theta alone, but no posterior reading
        r"p(x; \theta)",  # a semicolon: the parameters after it, of which it is no density
        r"p(\theta \mid x \mid y)",  # two bars
        # a likelihood: x is conditioned on nowhere (the data), "proportional" in mu (red team:
        # refuted as if in x)
        r"p(x \mid \mu)",
    ],
)
def test_no_variables_are_taken_from_other_left_sides(tmp_path, left):
    row = left + r" \propto \theta^{a} \cdot 2"
    got = rows(tmp_path, row, bayes=False)
    assert got[-1]["status"] == "unknown", got[-1]
    assert "needs the variables" in got[-1]["reason"]
