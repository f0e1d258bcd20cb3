"""A barred name nothing defines (``\\bar{X}`` beside the family X_k summed over k = 1..n), in
a document that sums X over more than one range (so that it is no sample mean document-wide,
engine._sample_means), is conventionally the mean over the range the step sums it: a step
refuted only while it is a number of its own, and not refuted when it is read as the mean, is
``unknown``, naming that reading; it is never verified so (check/engine.py, ``_mean_reading``).
Through the CLI."""

from __future__ import annotations

import json

from helpers import run_eqchain

SEEN = r"m = \mu + \bar{X}"  # the names met before the step (not named in passing by it)
BEFORE = r"s &= \frac{1}{n} \sum_{k=1}^{n} ((X_k - \mu) + (\mu - \bar{X}))^2"
RIGHT = (
    r"&= \frac{1}{n} ( \sum_{k=1}^{n}(X_k - \mu)^2 + 2(\mu - \bar{X})n(\bar{X} - \mu)"
    r" + n(\mu - \bar{X})^2 )"
)
WRONG = r"&= \frac{1}{n} ( \sum_{k=1}^{n}(X_k - \mu)^2 + n(\mu - \bar{X})^2 )"


def steps(tmp_path, last: str, first: str = SEEN) -> list[dict]:
    doc = tmp_path / "d.md"
    chain = "\\begin{aligned}\n" + BEFORE + " \\\\\n" + last + "\n\\end{aligned}"
    # a sum over another range: the document-wide reading of the bar as the sample mean
    # (engine._sample_means) does not hold, so the step's own reading is what is tested
    other = r"c = \sum_{j=0}^{n} X_j"
    doc.write_text(
        f"# t\n\n$$\n{first}\n$$\n\n$$\n{other}\n$$\n\n$$\n{chain}\n$$\n", encoding="utf-8"
    )
    args = ["check", "--no-cache", "--format", "json", "--assume", "n integer, n >= 1", str(doc)]
    return json.loads(run_eqchain(*args).stdout)["derivations"][0]["steps"]


def test_a_step_that_holds_for_the_mean_is_unknown_naming_it(tmp_path):
    step = steps(tmp_path, RIGHT)[-1]
    assert step["status"] == "unknown", step
    assert r"\bar{X}" in step["reason"] and "mean" in step["reason"]


def test_a_step_wrong_for_the_mean_too_is_refuted(tmp_path):
    assert steps(tmp_path, WRONG)[-1]["status"] == "refuted"


def test_with_the_mean_defined_the_step_is_verified(tmp_path):
    mean = r"\bar{X} = \frac{1}{n} \sum_{k=1}^{n} X_k"
    assert steps(tmp_path, RIGHT, first=mean)[-1]["status"] == "verified"


def test_a_barred_name_a_given_fixes_is_not_read_as_a_mean(tmp_path):
    assert steps(tmp_path, RIGHT, first=r"\bar{X} + \mu = 3")[-1]["status"] == "refuted"
