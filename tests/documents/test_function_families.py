"""Families of functions (``E_n(\\mathbf{w})``) and sums leaving one index out
(``\\sum_{k \\neq i}``) in a Markdown post, checked end to end through the CLI: the valid step
verified, the wrong one refuted with a counterexample, the one missing a side condition
unknown, and ``\\sum_n E_n(w) = N E_n(w)`` never verified."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import run_eqchain

FAMILY = r"""# Per-sample losses

$$
E_n(w) = (w - t_n)^2
$$

$$
\frac{d}{dw} \sum_{n=1}^{N} E_n(w) = \sum_{n=1}^{N} 2 (w - t_n)
$$

$$
\sum_{n=1}^{2} E_n(w) = E_1(w) + E_2(w)
$$

$$
\sum_{n=1}^{2} E_n(w) = 2 E_1(w)
$$

$$
\sum_{n=1}^{N} E_n(w) = N E_n(w)
$$
"""

UNDEFINED = r"""# Losses, undefined

$$
E_n(w) = E_n(w)
$$

$$
\sum_{n=1}^{N} E_n(w) = N E_n(w)
$$

$$
\sum_{n=1}^{N} 3 E_n(w) = 3 \sum_{n=1}^{N} E_n(w)
$$
"""

LEAVING_OUT = r"""# One index left out

$$
\sum_{k=1}^{K} x_k = x_i + \sum_{k \neq i}^{K} x_k
$$

$$
\sum_{k=1}^{K} x_k = \sum_{k \neq i}^{K} x_k
$$
"""


def steps_of(tmp_path, text, *extra):
    post = tmp_path / "post.md"
    post.write_text(text, encoding="utf-8")
    ran = run_eqchain("check", "--format", "json", "--no-cache", *extra, str(post))
    return [(s["line"], s["status"], s) for s in json.loads(ran.stdout)["derivations"][0]["steps"]]


def test_a_defined_family_is_unfolded_member_by_member(tmp_path):
    steps = steps_of(tmp_path, FAMILY)
    status = {line: st for line, st, _ in steps}
    assert status[4] == "definition"
    assert status[8] == "verified"
    assert status[12] == "verified"
    assert status[16] == "refuted"
    refuted = next(s for line, _, s in steps if line == 16)
    assert refuted["counterexample"]


def test_a_sum_over_the_family_is_not_n_times_one_member(tmp_path):
    for text in (FAMILY, UNDEFINED):
        status = {line: st for line, st, _ in steps_of(tmp_path, text)}
        line = 20 if text is FAMILY else 8
        assert status[line] not in ("verified", "unreadable")


def test_an_undefined_family_is_read_and_kept_apart_member_by_member(tmp_path):
    status = {line: st for line, st, _ in steps_of(tmp_path, UNDEFINED)}
    assert status[12] == "verified"


def test_leaving_one_index_out_needs_the_index_in_the_range(tmp_path):
    # x summed over 1..K everywhere, i written only as its index: i lies in 1..K (the reading
    # of tests/check/test_summed_family_indices.py); i also written as a value: it may not
    status = {line: st for line, st, _ in steps_of(tmp_path, LEAVING_OUT)}
    assert status[4] == "verified"
    assert status[8] != "verified"
    status = {line: st for line, st, _ in steps_of(tmp_path, LEAVING_OUT + "\n$$\nz = 2 i\n$$\n")}
    assert status[4] == "unknown"  # i may lie outside 1..K
    assert status[8] != "verified"


def test_leaving_one_index_out_with_the_index_in_the_range(tmp_path):
    steps = steps_of(
        tmp_path, LEAVING_OUT, "--assume", "K positive integer, i positive integer, i <= K"
    )
    status = {line: st for line, st, _ in steps}
    assert status[4] == "verified"
    assert status[8] == "refuted"


CORPUS = Path(__file__).parents[1].parent / "benchmarks/corpus/en/softmax-cross-entropy-dl-demo.md"


@pytest.mark.slow  # 2.5 to 5 s: in .ci/run, not in the README's pytest (its 5 minutes)
def test_the_softmax_derivative_rows_leaving_one_index_out_are_read(tmp_path):
    steps = steps_of(tmp_path, CORPUS.read_text(encoding="utf-8"))
    status = {line: st for line, st, _ in steps}
    assert all(status[line] != "unreadable" for line in (34, 36, 38))


@pytest.mark.slow  # 2.5 to 5 s: in .ci/run, not in the README's pytest (its 5 minutes)
def test_a_wrong_softmax_step_leaving_one_index_out_is_never_verified(tmp_path):
    text = CORPUS.read_text(encoding="utf-8").replace(
        r"= -y_i(1-a_i) + \sum_{k\neq i} y_k a_i $$",
        r"= -y_i(1-a_i) + \sum_{k\neq i} y_k a_k $$",
    )
    assert r"y_k a_k $$" in text
    status = {line: st for line, st, _ in steps_of(tmp_path, text)}
    assert status[36] in ("refuted", "unknown")


TWO_VARIABLES = r"""# Two generating functions

$$
M_X(t) = e^{t}
$$

$$
M_Y(t) + 1 = e^{t} + 1
$$

$$
M_X(t) + 1 = e^{t} + 1
$$
"""


def test_a_definition_of_one_subscripted_function_says_nothing_of_another(tmp_path):
    # nothing binds X or Y: M_X and M_Y are two functions, never members of one family whose
    # definition M_X(t) = e^t would hold for every index
    status = {line: st for line, st, _ in steps_of(tmp_path, TWO_VARIABLES)}
    assert status[4] == "definition"
    assert status[8] != "verified"
    assert status[12] == "verified"
