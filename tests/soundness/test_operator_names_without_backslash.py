r"""Operator names typed without a backslash (``log x``, ``logL(\mu)``, ``exp\left\{...\right\}``),
as Japanese and English blog posts write them (eqchain.latex.tokens._spelled_operators).

Read as the command they spell, or unreadable; never the product of their letters, which made
``log 2x = 2 log x`` an identity (verified) and refuted valid steps with values of l, o and g."""

from __future__ import annotations

import json

import pytest
from helpers import run_eqchain

from eqchain.errors import LatexError
from eqchain.latex.read import read_expression


def check(tmp_path, blocks: list[str], assume: str | None = None) -> list[dict]:
    post = tmp_path / "post.md"
    post.write_text("# Post\n\n" + "\n\n".join(f"$$\n{b}\n$$" for b in blocks) + "\n")
    args = ["check", "--format", "json", str(post)] + (["--assume", assume] if assume else [])
    ran = run_eqchain(*args)
    return json.loads(ran.stdout)["derivations"][0]["steps"]


@pytest.mark.parametrize(
    ("typed", "command"),
    [
        ("log x", r"\log x"),
        ("log(2x)", r"\log(2x)"),
        ("2 log x", r"2 \log x"),
        ("log_2 x", r"\log_2 x"),
        ("lnx", r"\ln x"),
        ("exp(-x^2)", r"\exp(-x^2)"),
        (r"exp\left\{a + b\right\}", r"\exp\left\{a + b\right\}"),
        ("sin x + cos x", r"\sin x + \cos x"),
        ("tanh x", r"\tanh x"),
        ("e^{log x}", r"e^{\log x}"),
        ("logx + 1", r"\log x + 1"),
    ],
)
def test_an_operator_name_without_backslash_reads_as_the_command(typed, command):
    assert read_expression(typed) == read_expression(command)


@pytest.mark.parametrize(
    ("typed", "reading"),
    [
        (r"w_{exp}", r"w_{exp}"),  # a subscript is a name
        (r"\mathrm{exp}(x)", r"\exp(x)"),
        (r"\operatorname{log}(x)", r"\log(x)"),
    ],
)
def test_letters_in_a_name_stay_a_name(typed, reading):
    assert read_expression(typed) == read_expression(reading)


@pytest.mark.parametrize("typed", ["logit(p)", "xlogx", "2xlog x", "cost", "sinc x", "explain"])
def test_a_word_holding_an_operator_name_is_unreadable(typed):
    with pytest.raises(LatexError, match="ambiguous"):
        read_expression(typed)


def test_a_wrong_step_with_log_typed_plainly_is_never_verified(tmp_path):
    # l o g 2 x = 2 l o g x would be an identity of products
    steps = check(tmp_path, ["log 2x = 2 log x"], assume="x > 0")
    assert steps[-1]["status"] == "refuted", steps[-1]
    assert "l =" not in json.dumps(steps[-1])


def test_a_valid_step_with_log_typed_plainly_is_verified(tmp_path):
    steps = check(tmp_path, [r"log(2x) = log 2 + log x"], assume="x > 0")
    assert steps[-1]["status"] == "verified", steps[-1]


def test_a_log_rule_without_its_condition_is_unknown(tmp_path):
    steps = check(tmp_path, [r"log(ab) = log a + log b"])
    assert steps[-1]["status"] == "unknown", steps[-1]
    assert "a > 0" in json.dumps(steps[-1], ensure_ascii=False)


def test_exp_typed_plainly_with_braces(tmp_path):
    steps = check(tmp_path, [r"exp\left\{a + b\right\} = exp\left\{a\right\} exp\left\{b\right\}"])
    assert steps[-1]["status"] == "verified", steps[-1]


def test_a_glued_word_is_unreadable_at_its_column_and_the_rest_is_checked(tmp_path):
    steps = check(tmp_path, ["2xlogx = 2x \\log x", "(a+b)^2 = a^2 + 2ab + b^2"])
    assert steps[0]["status"] == "unreadable"
    assert "xlogx" in json.dumps(steps[0])
    assert steps[1]["status"] == "verified"
