"""Traps for names read as functions because a document writes them only before parentheses
(eqchain.latex.applied). The soundness argument: a step verified for an uninterpreted f holds for
every function, the product reading t -> f*t among them, so only names never used another way
may be inferred. Each trap below would be verified if the reader inferred a function where the
argument fails; none may be verified."""

from __future__ import annotations

import json

import pytest
from helpers import run_eqchain

TRAPS = {
    # lambda also stands alone (differentiated by): lambda(1-p) is the product, whose derivative
    # by lambda is 1 - p, not the 0 of an uninterpreted lambda(1-p)
    "derivative_by_a_name_applied_elsewhere": (
        r"y = \frac{\partial}{\partial \lambda} \lambda(1 - p)",
        r"= 0",
    ),
    # the same with d
    "d_by_a_name_applied_elsewhere": (
        r"y = \frac{d}{d a} a(b + 1)",
        r"= 0",
    ),
    # a subscript summed over: f_k(x) is not one function for every k
    "subscript_summed_over": (
        r"y = \sum_{k=1}^{n} f_k(x)",
        r"= n f_k(x)",
    ),
    # a subscript differentiated by: d/dphi q_phi(z) is not 0
    "subscript_differentiated_by": (
        r"y = \frac{\partial}{\partial \phi} q_\phi(z)",
        r"= 0",
    ),
    # a run of letters: Sar(X) is S a r(X), never one function r (Var(X) is the variance)
    "run_of_letters": (
        r"y = \frac{\partial}{\partial a} Sar(X)",
        r"= 0",
    ),
}


def document(rows) -> str:
    return "# Trap\n\n$$\n\\begin{aligned}\n" + " \\\\\n".join(rows) + "\n\\end{aligned}\n$$\n"


@pytest.mark.parametrize("name", sorted(TRAPS))
def test_an_inferred_function_never_verifies_a_false_step(tmp_path, name):
    post = tmp_path / "trap.md"
    post.write_text(document(TRAPS[name]), encoding="utf-8")
    ran = run_eqchain("check", "--format", "json", str(post))
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    assert steps, ran.stdout
    assert all(s["status"] != "verified" for s in steps), (name, steps)


def test_the_product_reading_of_the_trap_is_refuted(tmp_path):
    # lambda alone elsewhere: the product, whose derivative 1 - p is refuted as 0
    post = tmp_path / "trap.md"
    post.write_text(document(TRAPS["derivative_by_a_name_applied_elsewhere"]), encoding="utf-8")
    ran = run_eqchain("check", "--format", "json", str(post))
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    assert [s["status"] for s in steps][-1] == "refuted"
