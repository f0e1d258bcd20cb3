"""A Markdown post that applies undeclared names to parentheses, as authors write them
(``p(x)``, ``L(\\theta)``, ``\\sigma(z)``), checked end to end through the CLI: each name used
only before parentheses is a function in the whole post (eqchain.latex.applied); one also used
alone is a function before names; one bound (differentiated by) stays ambiguous, unreadable at
its column."""

from __future__ import annotations

import json

from helpers import run_eqchain

POST = r"""# Logistic regression, by hand

The sigmoid:

$$
\sigma(z) = \frac{1}{1 + e^{-z}}
$$

Its derivative:

$$
\frac{d}{dz} \sigma(z) = \sigma(z) (1 - \sigma(z))
$$

The likelihood of three successes and two failures:

$$
L(\theta) = \theta^3 (1 - \theta)^2
$$

$$
\frac{d}{d\theta} L(\theta) = 3 \theta^2 (1 - \theta)^2 - 2 \theta^3 (1 - \theta)
$$

A density, whatever it is:

$$
p(x) + p(x) = 2 p(x)
$$

A wrong step:

$$
\frac{d}{dz} \sigma(z) = \sigma(z)^2
$$
"""


def steps_of(tmp_path, text, *extra):
    post = tmp_path / "post.md"
    post.write_text(text, encoding="utf-8")
    ran = run_eqchain("check", "--format", "json", *extra, str(post))
    return ran, json.loads(ran.stdout)["derivations"][0]["steps"]


def test_names_applied_to_parentheses_are_functions_in_the_post(tmp_path):
    ran, steps = steps_of(tmp_path, POST)
    status = [(s["line"], s["status"]) for s in steps]
    assert status == [
        (6, "definition"),
        (12, "verified"),
        (18, "definition"),
        (22, "verified"),
        (28, "verified"),
        (34, "refuted"),
    ]
    assert ran.returncode == 1


def test_a_name_also_used_alone_is_a_function_before_names(tmp_path):
    # p(x) + p(x) = 2 p(x) holds for every function p(.), so for the product p x as well
    text = POST + "\n$$\np = \\frac{1}{2}\n$$\n"
    ran, steps = steps_of(tmp_path, text)
    by_line = {s["line"]: s for s in steps}
    assert by_line[28]["status"] == "verified"
    assert by_line[12]["status"] == "verified" and by_line[22]["status"] == "verified"


def test_a_name_bound_elsewhere_stays_ambiguous(tmp_path):
    # differentiated by p: the product p x and a function p(x) differ in their derivative by p
    text = POST + "\n$$\n\\frac{d}{dp} p^2 = 2 p\n$$\n"
    ran, steps = steps_of(tmp_path, text)
    by_line = {s["line"]: s for s in steps}
    assert by_line[28]["status"] == "unreadable"
    assert "ambiguous: 'p(...)'" in by_line[28]["reason"]
    # the rest of the post keeps its verdicts
    assert by_line[12]["status"] == "verified" and by_line[22]["status"] == "verified"


def test_a_name_declared_a_symbol_is_a_function_before_names(tmp_path):
    ran, steps = steps_of(tmp_path, POST, "--assume", "p > 0")
    by_line = {s["line"]: s for s in steps}
    assert by_line[28]["status"] == "verified"


def test_derivation_files_read_the_same_way(tmp_path):
    # \Gamma only before parentheses: the gamma function, no declaration needed
    gamma = tmp_path / "gamma.toml"
    gamma.write_text(
        "[symbols]\na = \"positive\"\n\n[[steps]]\nclaim = '\\Gamma(a + 1) = a \\Gamma(a)'\n\n"
        "[[steps]]\nclaim = '\\Gamma(a + 1) = \\Gamma(a)'\n",
        encoding="utf-8",
    )
    ran = run_eqchain("check", "--format", "json", str(gamma))
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    assert [s["status"] for s in steps] == ["verified", "refuted"]
    # an undeclared f written only as f(x): a function, which a derivation file must declare
    f = tmp_path / "f.toml"
    f.write_text(
        "[symbols]\nx = \"real\"\n\n[[steps]]\nclaim = 'f(x) + f(x) = 2 f(x)'\n", encoding="utf-8"
    )
    ran = run_eqchain("check", "--format", "json", str(f))
    (step,) = json.loads(ran.stdout)["derivations"][0]["steps"]
    assert step["status"] == "unreadable" and "undefined function 'f'" in step["reason"]


def test_a_wrong_step_about_an_unknown_function_stays_unknown(tmp_path):
    # p is no defined function: no value of p may refute p(x) p(x) = 2 p(x); a counterexample
    # would have to name the function it used
    text = "# p\n\n$$\np(x) \\cdot p(x) = 2 p(x)\n$$\n"
    ran, steps = steps_of(tmp_path, text)
    assert [s["status"] for s in steps] == ["unknown"]


def _statuses(tmp_path, *equations: str) -> list[str]:
    doc = tmp_path / "later.md"
    doc.write_text("".join(f"Text.\n\n$$\n{e}\n$$\n\n" for e in equations), encoding="utf-8")
    ran = run_eqchain("check", "--no-cache", "--format", "json", str(doc))
    return [s["status"] for s in json.loads(ran.stdout)["derivations"][0]["steps"]]


SIGMOID = r"\sigma(z) = \frac{1}{1 + e^{-z}}"


def test_a_function_used_before_it_is_defined_is_defined_by_its_later_row(tmp_path):
    """``\\hat y = \\sigma(z)`` then the sigmoid's formula: nothing was said about sigma but for
    every function, so its row defines it, and the derivative after it is decided."""
    rows = [r"\hat y = \sigma(z)", SIGMOID, r"\frac{d \hat y}{d z} = \hat y (1 - \hat y)"]
    assert _statuses(tmp_path, *rows) == ["definition", "definition", "verified"]
    wrong = [r"\hat y = \sigma(z)", SIGMOID, r"\frac{d \hat y}{d z} = \hat y"]
    assert _statuses(tmp_path, *wrong)[-1] == "refuted"


def test_a_function_a_given_constrains_is_not_defined_later(tmp_path):
    """After the given d sigma(z)/dz = 0 (a stationarity condition), the sigmoid's formula is a
    claim about that sigma, never a definition that would contradict the given."""
    rows = [r"\hat y = \sigma(z)", r"\frac{d \sigma(z)}{d z} = 0", SIGMOID]
    assert _statuses(tmp_path, *rows) == ["definition", "given", "unknown"]
