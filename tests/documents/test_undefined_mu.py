"""``\\mu`` that nothing defines, in a step that holds the expectation of one name, ``E(X)``, is
conventionally that mean (ja/qnqn1927-binomial-moments line 94: ``E(X^2) - 2 \\mu E(X) + \\mu^2
= E(X^2) - [E(X)]^2`` after ``E(X) = \\sum ...``): a step refuted only while it is a number of
its own, and not refuted with it read as ``E(X)``, is ``unknown``, naming that reading; never
verified so; refuted when wrong for the mean too or when a row defines it (check/engine.py,
``_undefined_mu``, ``_mean_reading``). Through the CLI."""

from __future__ import annotations

import json

from helpers import run_eqchain

MEAN = r"E(X) = n p"
RIGHT = r"&= E(X^2) - [E(X)]^2"
WRONG = r"&= E(X^2) - 2[E(X)]^2"


def steps(tmp_path, last: str, *before: str) -> list[dict]:
    doc = tmp_path / "d.md"
    chain = "\\begin{aligned}\nv &= E(X^2) - 2\\mu E(X) + \\mu^2 \\\\\n" + last + "\n\\end{aligned}"
    blocks = [*before, chain]
    doc.write_text("# t\n\n" + "".join(f"$$\n{b}\n$$\n\n" for b in blocks), encoding="utf-8")
    args = ["check", "--no-cache", "--format", "json", str(doc)]
    return json.loads(run_eqchain(*args).stdout)["derivations"][0]["steps"]


def test_a_step_that_holds_for_the_mean_is_unknown_naming_it(tmp_path):
    step = steps(tmp_path, RIGHT, MEAN)[-1]
    assert step["status"] == "unknown", step
    assert r"\mu" in step["reason"] and "mean" in step["reason"]


def test_a_step_wrong_for_the_mean_too_is_refuted(tmp_path):
    assert steps(tmp_path, WRONG, MEAN)[-1]["status"] == "refuted"


def test_mu_a_row_defines_is_not_read_as_the_mean(tmp_path):
    assert steps(tmp_path, RIGHT, MEAN, r"\mu = 0")[-1]["status"] == "refuted"
