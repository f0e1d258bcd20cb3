"""A function defined again in a later part of a document (``L(p)`` in one example, ``L(\\sigma)``
in the next) is a redefinition, as a bare symbol's is: a warning naming the earlier line, and
the new meaning from then on; a value of it (``f(2) = 5``) is never a redefinition."""

from __future__ import annotations

import json

from helpers import run_eqchain

DOCUMENT = r"""# Two examples

$$
f(x) = x^2
$$

$$
f(3) = 9
$$

$$
f(y) = y + 1
$$

$$
f(2) = 3
$$

$$
f(2) = 5
$$
"""


def test_a_function_defined_again_is_a_redefinition_and_a_value_is_checked(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(DOCUMENT, encoding="utf-8")
    ran = run_eqchain("check", "--format", "json", str(post))
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    status = [(s["line"], s["status"]) for s in steps]
    assert status == [
        (4, "definition"),
        (8, "verified"),
        (12, "definition"),
        (16, "verified"),
        (20, "refuted"),
    ]
    assert "redefines f" in steps[2]["warnings"][0] and "line 4" in steps[2]["warnings"][0]
    assert ran.returncode == 1


CRASH = r"""# A derivative by a defined symbol

$$
\hat{p} = \frac{y}{n}
$$

$$
\frac{d}{d \hat{p}} \left( \hat{p}^2 \right) = 2 \hat{p}
$$

$$
a = 2
$$
"""


def test_a_derivative_by_a_defined_symbol_is_checked_and_the_document_goes_on(tmp_path):
    """Putting the definition y/n where the derivative's variable stands stopped the whole
    document with an internal error; the derivative by a defined quantity is now taken with
    that quantity held as the variable (README), and the document goes on."""
    post = tmp_path / "post.md"
    post.write_text(CRASH, encoding="utf-8")
    ran = run_eqchain("check", "--format", "json", str(post))
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    assert [(s["line"], s["status"]) for s in steps] == [
        (4, "definition"),
        (8, "verified"),
        (12, "definition"),
    ]


RESTATED = r"""# A name stated again

$$
g = a + b
$$

$$
g = {second}
$$
"""


def test_a_restatement_that_is_false_as_a_claim_is_not_passed(tmp_path):
    """A name written again right after, in the names of its definition (g = 2a after g = a +
    b), reads as a restatement: false as one, it is unknown saying so (it was a new meaning with
    a warning, exit 0; stop 36). A new meaning brings names of its own (below)."""
    post = tmp_path / "post.md"
    post.write_text(RESTATED.replace("{second}", "2 a"), encoding="utf-8")
    steps = json.loads(run_eqchain("check", "--format", "json", str(post)).stdout)
    last = steps["derivations"][0]["steps"][-1]
    assert last["status"] == "unknown", last
    assert "redefines g, defined earlier (line 4)" in last["reason"]
    assert "as a claim about that g it is false (at a = " in last["reason"]


def test_a_restatement_not_decided_says_it_was_not_shown_equal(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(RESTATED.replace("{second}", r"h(a, b)"), encoding="utf-8")
    steps = json.loads(run_eqchain("check", "--format", "json", str(post)).stdout)
    last = steps["derivations"][0]["steps"][-1]
    assert last["status"] == "definition", last
    assert last["warnings"][0].endswith("; not shown equal to that g"), last
