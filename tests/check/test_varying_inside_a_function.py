"""A derivative by w of a body that does not mention w, ``\\frac{\\partial \\ln P}{\\partial w}``,
says that what the body holds varies with w, as ``\\frac{\\partial P}{\\partial w}`` does
(check/varying.py): P is an unknown function of w there, never a constant. Found on a public
notebook (logistic regression): ``\\frac{\\partial \\ln P}{\\partial w_m} = \\frac{\\partial \\ln
P}{\\partial z_n} \\frac{\\partial z_n}{\\partial w_m}`` (the chain rule without its sum over n,
a wrong step) was verified as 0 = 0, P held fixed."""

from __future__ import annotations

import pytest
from helpers import check_document_rows


def statuses(tmp_path, *rows):
    return [s["status"] for s in check_document_rows(tmp_path, *rows)]


@pytest.mark.parametrize(
    "row",
    [
        r"\frac{\partial \ln P}{\partial w_m} = \frac{\partial \ln P}{\partial z_n} "
        r"\frac{\partial z_n}{\partial w_m}",
        r"\frac{\partial \ln P}{\partial w} = 0",
        r"\frac{d}{dw} e^{a} = 0",
    ],
)
def test_a_function_of_a_name_differentiated_by_w_is_not_held_fixed(tmp_path, row):
    assert statuses(tmp_path, "x = 1", row)[-1] != "verified"


def test_the_chain_rule_through_the_name_is_verified(tmp_path):
    row = r"\frac{\partial \ln P}{\partial w} = \frac{1}{P} \frac{\partial P}{\partial w}"
    assert statuses(tmp_path, "x = 1", row)[-1] == "verified"
    row = r"\frac{d}{dw} e^{a} = e^{a} \frac{da}{dw}"
    assert statuses(tmp_path, "x = 1", row)[-1] == "verified"


def test_a_wrong_chain_rule_is_not_verified(tmp_path):
    row = r"\frac{\partial \ln P}{\partial w} = \frac{2}{P} \frac{\partial P}{\partial w}"
    assert statuses(tmp_path, "x = 1", row)[-1] != "verified"


def test_a_body_that_mentions_w_keeps_its_other_names_fixed(tmp_path):
    # a body with the variable in it keeps its other names fixed, as before
    assert statuses(tmp_path, "x = 1", r"\frac{d}{dw} (a w^2) = 2 a w")[-1] == "verified"


def test_a_defined_name_varies_through_what_it_is_made_of(tmp_path):
    # P defined without w, differentiated by w: the likelihood depends on w through the model's
    # p (a public notebook's chain rule without its sum over n was verified as 0 = 0)
    rows = (
        r"P = \prod_{n=1}^N p(y_n | x_n)",
        r"\frac{\partial \ln P}{\partial w_m} = \frac{\partial \ln P}{\partial z_n} "
        r"\frac{\partial z_n}{\partial w_m}",
    )
    assert statuses(tmp_path, *rows)[-1] != "verified"
    rows = (r"A = g(a)^2", r"\frac{d A}{d w} = 0")
    assert statuses(tmp_path, *rows)[-1] != "verified"
    # a name in the definition is data, held fixed as every name not differentiated on its own
    rows = (r"A = a^2", r"\frac{d A}{d w} = 0")
    assert statuses(tmp_path, *rows)[-1] == "verified"


def test_a_definition_that_mentions_the_variable_says_how_it_depends_on_it(tmp_path):
    rows = (
        r"L = \sum_{n=1}^N (y_n - w x_n)^2",
        r"\frac{\partial L}{\partial w} = -2 \sum_{n=1}^N x_n (y_n - w x_n)",
    )
    assert statuses(tmp_path, *rows)[-1] == "verified"
    rows = (r"A = a^2 w", r"\frac{d A}{d w} = a^2")
    assert statuses(tmp_path, *rows)[-1] == "verified"
    rows = (r"A = a^2 w", r"\frac{d A}{d w} = 2 a^2")
    assert statuses(tmp_path, *rows)[-1] == "refuted"
