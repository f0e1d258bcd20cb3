r"""A law of the table of densities written with a text command, ``X \sim \text{Exp}(\lambda)``
(KaTeX blogs write it so), is the law as ``\mathrm{Exp}(\lambda)`` is: it was "not supported: the
operator \text{Exp} applied to an argument" (stop 37, en/repro/C3). ``Poisson``, ``Bernoulli``
and ``Binomial`` spell ``Poiss``, ``Bern`` and ``Bin``."""

from __future__ import annotations

import pytest
from helpers import check_document_rows

from eqchain.errors import LatexError
from eqchain.latex.read import read_formula


def statuses(steps):
    return [s["status"] for s in steps if s["line"] is not None]


@pytest.mark.parametrize(
    "law",
    [
        r"\text{Exp}(\lambda)",
        r"\textrm{Exp}(\lambda)",
        r"\mathrm{Poisson}(\lambda)",
        r"\text{Poisson}(\lambda)",
    ],
)
def test_the_law_gives_its_conditions(tmp_path, law):
    steps = check_document_rows(tmp_path, rf"X \sim {law}", r"\log \lambda^2 = 2 \log \lambda")
    assert statuses(steps) == ["given", "verified"]


def test_a_wrong_step_after_it_is_refuted(tmp_path):
    steps = check_document_rows(
        tmp_path, r"X \sim \text{Exp}(\lambda)", r"\log \lambda^2 = 3 \log \lambda"
    )
    assert statuses(steps) == ["given", "refuted"]


def test_other_text_before_parentheses_stays_unsupported():
    with pytest.raises(LatexError, match="applied to an argument"):
        read_formula(r"X \sim \text{Foo}(\lambda)")


def test_long_names_read_as_the_short_ones():
    bern = read_formula(r"X \sim \mathrm{Bernoulli}(p)").sides[1]
    binomial = read_formula(r"X \sim \text{Binomial}(n, p)").sides[1]
    assert str(bern.func) == "Bernoulli" and str(binomial.func) == "Binomial"


def test_a_law_by_its_long_name_is_checked_as_by_its_short_one(tmp_path):
    rows = (r"\sqrt{(1 - p)^2} = 1 - p", r"\sqrt{(p - 1)^2} = p - 1")
    for long, short in (("Bernoulli(p)", "Bern(p)"), ("Binomial(n, p)", "Bin(n, p)")):
        by_long = check_document_rows(tmp_path, rf"X \sim \mathrm{{{long}}}", *rows)
        by_short = check_document_rows(tmp_path, rf"X \sim \mathrm{{{short}}}", *rows)
        assert statuses(by_long) == statuses(by_short)


@pytest.mark.parametrize("name", ["Poi", "Po", "Pois"])
def test_japanese_spellings_of_poisson(tmp_path, name):
    steps = check_document_rows(
        tmp_path, rf"X \sim \mathrm{{{name}}}(\lambda)", r"\log \lambda^2 = 2 \log \lambda"
    )
    assert statuses(steps) == ["given", "verified"]
