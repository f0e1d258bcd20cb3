r"""Equations the prose states, given as assumptions (load/assume.py Stated): ``--assume "u =
e^{a_0} + e^{a_1}"`` is read as a row written before the document's first."""

from __future__ import annotations

import json

from helpers import run_eqchain

DERIVATIVE = r"\frac{\partial}{\partial a} \frac{e^a}{u} = \frac{e^a u - e^{2a}}{u^2}"


def check(tmp_path, rows: list[str], *options: str, front: str = ""):
    post = tmp_path / "post.md"
    post.write_text(front + "# Post\n\n" + "\n\n".join(f"$$\n{r}\n$$" for r in rows) + "\n")
    ran = run_eqchain("check", "--format", "json", *options, str(post))
    return ran, json.loads(ran.stdout)["derivations"][0]["steps"] if ran.stdout else []


def test_a_stated_definition_makes_the_quotient_rule_step_verified(tmp_path):
    _, steps = check(tmp_path, [DERIVATIVE], "--assume", "u = e^a + e^b, u > 0")
    assert steps[0]["status"] == "definition" and steps[0]["line"] is None
    assert steps[-1]["status"] == "verified", steps[-1]


def test_without_it_u_is_independent_of_a_and_the_step_is_refuted(tmp_path):
    _, steps = check(tmp_path, [DERIVATIVE])
    assert steps[-1]["status"] == "refuted", steps[-1]


def test_a_wrong_step_under_a_stated_definition_is_refuted(tmp_path):
    wrong = r"\frac{\partial}{\partial a} \frac{e^a}{u} = \frac{e^a u + e^{2a}}{u^2}"
    _, steps = check(tmp_path, [wrong], "--assume", "u = e^a + e^b, u > 0")
    assert steps[-1]["status"] == "refuted", steps[-1]


def test_a_stated_given_is_used(tmp_path):
    _, steps = check(
        tmp_path, [r"z = (t_0 + t_1) y - t_0", r"z = y - t_0"], "--assume", "t_0 + t_1 = 1"
    )
    assert steps[0]["status"] == "given", steps[0]
    assert steps[-1]["status"] == "verified", steps[-1]


def test_the_front_matter_states_one_too(tmp_path):
    front = "---\neqchain-assume: u = e^a + e^b, u > 0\n---\n"
    _, steps = check(tmp_path, [DERIVATIVE], front=front)
    assert steps[-1]["status"] == "verified", steps[-1]


def test_an_unreadable_stated_equation_says_so_and_the_rest_is_checked(tmp_path):
    ran, steps = check(tmp_path, ["(a+b)^2 = a^2 + 2ab + b^2"], "--assume", r"u = \frac{1}{")
    assert steps[0]["status"] == "unreadable", steps[0]
    assert steps[-1]["status"] == "verified", steps[-1]


def test_derive_takes_no_equation(tmp_path):
    ran = run_eqchain("derive", r"\log(a b)", "--assume", "u = a + b")
    assert ran.returncode == 2
    assert "u = a + b" in ran.stderr and "Traceback" not in ran.stderr
