"""A step over a range the author did not write (\\sum_k: k = 1..n_k, n_k invented) is refuted
when it fails at every length (0, 1, 2, ...; 2, 3, ... when a free index of the step runs
over the range: it names one member, and a sum the author writes has others) and it names
nothing else that could be the length; otherwise the invented length leaves it unknown, naming
the range (tests/soundness/test_unwritten_ranges.py)."""

from __future__ import annotations

import json

import pytest
from helpers import run_eqchain


def statuses(tmp_path, *rows: str) -> list:
    post = tmp_path / "post.md"
    post.write_text("".join(f"Text.\n\n$$\n{r}\n$$\n\n" for r in rows), encoding="utf-8")
    ran = run_eqchain("check", "--format", "json", "--no-cache", str(post))
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    return [(s["status"], s.get("reason", ""), s.get("warnings", [])) for s in steps]


def test_a_step_false_at_every_length_is_refuted(tmp_path):
    # a_i sum_k y_k - y_i = a_i - y_i needs sum_k y_k = 1, which nothing states; i runs over
    # the k range (its members a_1, ..., a_{n_k}), so the range is not empty
    (step,) = statuses(
        tmp_path,
        r"\frac{e^{z_i}}{\sum_k e^{z_k}} \sum_k y_k - y_i = \frac{e^{z_i}}{\sum_k e^{z_k}} - y_i",
    )
    assert step[0] == "refuted", step
    assert any("differ at every length" in w for w in step[2]), step


def test_the_valid_step_is_not_refuted(tmp_path):
    (step,) = statuses(
        tmp_path,
        r"\frac{e^{z_i}}{\sum_k e^{z_k}} \sum_k y_k - y_i"
        r" = \frac{e^{z_i} \sum_k y_k}{\sum_k e^{z_k}} - y_i",
    )
    assert step[0] == "verified", step


def test_with_the_condition_stated_it_is_not_refuted(tmp_path):
    steps = statuses(
        tmp_path,
        r"\sum_k y_k = 1",
        r"\frac{e^{z_i}}{\sum_k e^{z_k}} \sum_k y_k - y_i = \frac{e^{z_i}}{\sum_k e^{z_k}} - y_i",
    )
    assert steps[-1][0] != "refuted", steps


@pytest.mark.parametrize(
    "claim",
    [
        r"\sum_k 1 = \sum_k 1^2 = 5",  # holds for the range 1..5
        r"\sum_k 2 x_k = \sum_k x_k",  # 0 = 0 for the empty range
        r"\sum_k x_k = m",  # m may be the length the author meant
    ],
)
def test_a_step_some_length_could_make_true_stays_unknown(tmp_path, claim):
    step = statuses(tmp_path, claim)[-1]
    assert step[0] == "unknown", (claim, step)
    assert "not written" in step[1], step


def test_a_step_false_at_every_length_without_a_free_index_is_refuted(tmp_path):
    # 2 x_k + 1 summed is 2 sum x_k + n_k: n_k = 0 makes it 0 = 0... but not with 1 added
    (step,) = statuses(tmp_path, r"\sum_k (x_k + 1) = \sum_k x_k - 1")
    assert step[0] == "refuted", step


def test_a_free_index_written_outside_its_sum_is_refuted(tmp_path):
    # hkawabata's gradient: a per-sample factor left outside the sum over the samples, then
    # moved in; at one sample the two agree, at every other length they differ
    (step,) = statuses(tmp_path, r"\left(\sum_i y_i e^{-z_i}\right) x_i = \sum_i y_i e^{-z_i} x_i")
    assert step[0] == "refuted", step
    assert any("differ at every length" in w for w in step[2]), step
