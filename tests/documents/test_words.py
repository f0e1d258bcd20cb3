r"""Multi-letter names written as runs of letters (eqchain.latex.words): a run a document writes
as the whole left side of a definition and never splits is one name in every row."""

from __future__ import annotations

import json

import pytest
from helpers import run_eqchain

from eqchain.latex.tokens import tokenize
from eqchain.latex.words import document_words, word_mark


def check(tmp_path, blocks: list[str], *options: str) -> list[dict]:
    post = tmp_path / "post.md"
    post.write_text("# Post\n\n" + "\n\n".join(f"$$\n{b}\n$$" for b in blocks) + "\n")
    ran = run_eqchain("check", "--format", "json", *options, str(post))
    return json.loads(ran.stdout)["derivations"][0]["steps"]


BCE = r"BCE = -y \log p - (1 - y) \log(1 - p)"


@pytest.mark.parametrize("options", [(), ("--cross-check",)])
def test_a_named_run_is_one_name_and_its_derivative_is_checked(tmp_path, options):
    steps = check(
        tmp_path,
        [BCE, r"\frac{\partial BCE}{\partial p} = -\frac{y}{p} + \frac{1 - y}{1 - p}"],
        *options,
    )
    assert [s["status"] for s in steps] == ["definition", "verified"], steps


def test_a_wrong_derivative_of_a_named_run_is_refuted(tmp_path):
    steps = check(
        tmp_path, [BCE, r"\frac{\partial BCE}{\partial p} = -\frac{y}{p} - \frac{1 - y}{1 - p}"]
    )
    assert steps[-1]["status"] == "refuted", steps[-1]
    assert "B =" not in json.dumps(steps[-1])


def test_a_named_run_beside_an_expectation_is_still_one_name(tmp_path):
    steps = check(
        tmp_path,
        [r"MSE = \mathbb{E}[(Y - c)^2]", r"MSE = \mathbb{E}[Y^2] - 2c\mathbb{E}[Y] + c^2"],
    )
    assert steps[0]["status"] == "definition", steps
    assert steps[-1]["status"] != "refuted", steps[-1]


def marks(*rows: str) -> frozenset[str]:
    return document_words([tokenize(r) for r in rows])


def test_a_run_whose_letters_are_written_alone_is_a_product():
    # x and y are values of their own: xy = 1 is a condition on the product
    assert marks("xy = 1", "y = 1/x") == frozenset()


def test_a_run_only_on_a_right_side_is_no_word():
    assert marks("L = NLL") == frozenset()


def test_the_marks():
    assert marks(r"NLL := -\log L", r"ELBO \coloneqq a") == {word_mark("NLL"), word_mark("ELBO")}


def test_capitals_each_written_alone_are_a_product():
    assert marks("AB = I", "A = 2", "B = 3") == frozenset()
    assert marks("NLL = -\\log L", "L = 2") == {word_mark("NLL")}  # N is never alone


def test_a_name_written_alone_in_another_row_is_a_value_before_brackets(tmp_path):
    # mu is a value of the document (first row), so mu \left[ ... \right] is a product
    steps = check(tmp_path, [r"m = \mu", r"\mu \left[ a + b \right] = \mu a + \mu b"])
    assert steps[-1]["status"] == "verified", steps[-1]


def test_a_name_never_written_alone_before_brackets_stays_ambiguous(tmp_path):
    steps = check(tmp_path, [r"\mu \left[ a + b \right] = \mu(a) + b"])
    assert steps[-1]["status"] == "unreadable", steps[-1]
