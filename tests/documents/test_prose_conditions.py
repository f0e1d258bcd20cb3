"""A case stated in the prose right before a display ("If $x \\geq 0$, we have:", "$x \\ge 0$
のとき") is the condition of every row of that display (load/prose.py), through the CLI: the
case's valid step verified under it, a wrong step refuted inside it, the same display without
the sentence as before, and prose that is no such sentence never taken for one."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest
from helpers import run_eqchain

CASE = r"""
$$
\sqrt{x^2} = x
$$
"""


def check(tmp_path, text: str, name: str = "d.md", assume: str | None = None) -> list[dict]:
    doc = tmp_path / name
    doc.write_text(text, encoding="utf-8")
    args = ["check", "--no-cache", "--format", "json", str(doc)]
    if assume:
        args[1:1] = ["--assume", assume]
    return json.loads(run_eqchain(*args).stdout)["derivations"][0]["steps"]


@pytest.mark.parametrize(
    "lead",
    [
        r"If $x \geq 0$, we have:",
        r"For $x \ge 0$:",
        r"The absolute value is simple. When $x \geq 0$, we get",
        r"If \(x \geq 0\), we have using \eqref{eq:pdf}:",
        r"Moreover, if $x \geq 0$, we have using \eqref{eq:pdf}",
        r"First of all, if $x \geq 0$, we have",
        r"次に、$x \geq 0$ のとき、",
        r"$x \geq 0$ のとき、",
        r"$x \geq 0$ 일 때,",
        # a worked example's phrasing (a public geometric-mean post: "If p=0.20, then the
        # expected value ... is"): read as the row's value, a wrong number was a redefinition
        r"If $x \geq 0$, then the result is",
        r"If $x \geq 0$, then the value of the root is",
    ],
)
def test_the_case_before_a_display_is_its_condition(tmp_path, lead):
    (step,) = check(tmp_path, f"# t\n\n{lead}\n{CASE}")
    assert step["status"] == "verified", step
    assert step["condition"].replace(r"\ge ", r"\geq ") == r"x \geq 0"


def test_without_the_case_the_step_is_refuted(tmp_path):
    (step,) = check(tmp_path, f"# t\n\nWe have:\n{CASE}")
    assert step["status"] == "refuted"
    assert step["condition"] is None


def test_a_wrong_step_is_refuted_inside_the_case(tmp_path):
    text = "# t\n\nIf $x > 0$, we have:\n\n$$\n\\sqrt{x^2} = -x\n$$\n"
    (step,) = check(tmp_path, text)
    assert step["status"] == "refuted"
    assert Fraction(dict(step["counterexample"]["values"])["x"]) > 0


def test_the_case_holds_for_every_row_of_the_display_and_no_further(tmp_path):
    text = (
        "# t\n\nIf $x < 0$, then\n\n$$\n\\begin{aligned}\n|x| &= -x \\\\\n&= \\sqrt{x^2}\n"
        "\\end{aligned}\n$$\n\nAnd so on:\n\n$$\n|y| = -y\n$$\n"
    )
    first, second, third = check(tmp_path, text)
    assert first["status"] == second["status"] == "verified"
    assert first["condition"] == second["condition"] == "x < 0"
    assert third["status"] == "refuted" and third["condition"] is None


def test_a_row_keeps_its_own_condition_too(tmp_path):
    text = "# t\n\nIf $x > 0$:\n\n$$\n\\sqrt{x^2 y^2} = x y, \\quad y \\geq 0\n$$\n"
    (step,) = check(tmp_path, text)
    assert step["status"] == "verified"
    assert "x > 0" in step["condition"] and r"y \geq 0" in step["condition"]


@pytest.mark.parametrize(
    "lead",
    [
        r"If $x \geq 0$, the next line fails. Consider",  # the case's sentence has ended
        r"We check whether $x \geq 0$:",  # no word that states a case
        r"If $x \geq 0$ and $y > 0$, we have",  # more than one formula: not read
        r"If $x \geq 0$, then $y = x$ and",  # math after the case
        r"If $x < 0$, the value is 0; otherwise we have",  # the case turned round
        r"If $x < 0$ does not hold, we have",
        # words after the case that turn it round (a red-team helper: "fails" was VERIFIED
        # sqrt(x^2) = x as the case x >= 0); only "holds" and "we have"-like words may follow
        r"If $x \geq 0$ fails, we have:",
        r"Assuming $x \geq 0$ is false, we get:",
        r"If $x \geq 0$ is violated, then",
        r"When $x \geq 0$ is no longer true:",
        # Japanese words after the case that turn it round (a red team, stop 37)
        r"$x \geq 0$ の場合を除くと、",
        r"$x \geq 0$ のときは成り立たないので、一般には",
        r"$x \geq 0$ ならば矛盾するので",
        r"If $x \geq 0$ is false, then the result is",
        r"If $x \geq 0$, then the result is not",
    ],
)
def test_other_prose_gives_no_condition(tmp_path, lead):
    (step,) = check(tmp_path, f"# t\n\n{lead}\n{CASE}")
    assert step["condition"] is None
    assert step["status"] == "refuted"


def test_a_case_that_is_no_condition_leaves_a_refutation_undecided(tmp_path):
    # "For $x \sim p$": stated as the case, and no condition eqchain reads (p's support may
    # be where the row holds): no counterexample is taken for a refutation (s44)
    (step,) = check(tmp_path, f"# t\n\nFor $x \\sim p$, we have:\n{CASE}")
    assert step["condition"] is None
    assert step["status"] == "unknown"
    assert "does not read as a condition" in step["reason"]


def test_a_worked_example_with_a_wrong_value_is_refuted_under_its_case(tmp_path):
    text = (
        "# t\n\n$$ m = \\frac{1}{p} $$\n\nIf $p=0.20$, then the mean is\n\n"
        "$$ m=\\frac{1}{0.30}. $$\n"
    )
    steps = check(tmp_path, text)
    assert steps[-1]["status"] == "refuted"
    text = text.replace("0.30", "0.20")
    assert check(tmp_path, text)[-1]["status"] == "verified"


def test_a_tex_document_reads_the_case_too(tmp_path):
    text = (
        "\\documentclass{article}\n\\begin{document}\nIf $x \\geq 0$, we have\n"
        "\\[ \\sqrt{x^2} = x \\]\nand otherwise\n\\[ \\sqrt{y^2} = y \\]\n\\end{document}\n"
    )
    first, second = check(tmp_path, text, name="d.tex")
    assert first["status"] == "verified" and first["condition"] == r"x \geq 0"
    # "and otherwise" is the complement of the case before it (stop 52), never that case
    assert second["status"] == "refuted" and second["condition"] == "x < 0"


PIECES = r"""# t

$$
f(x) = \left\{
\begin{array}{rl}
0 \; , & \text{if} \; x < 0 \\
2 \exp[-2 x] \; , & \text{if} \; x \geq 0 \; .
\end{array}
\right.
$$

$$
F(x) = \int_{-\infty}^{x} f(z) \, \mathrm{d}z
$$

If $x \geq 0$, we have:

$$
\begin{split}
F(x) &= \int_{-\infty}^{0} f(z) \, \mathrm{d}z + \int_{0}^{x} f(z) \, \mathrm{d}z \\
&= \int_{0}^{x} 2 \exp[-2 z] \, \mathrm{d}z \\
&= END
\end{split}
$$
"""


def test_cases_of_a_piecewise_density_in_prose(tmp_path):
    steps = check(tmp_path, PIECES.replace("END", r"1 - \exp[-2 x]"))
    assert [s["status"] for s in steps[-3:]] == ["verified"] * 3, steps
    assert all(s["condition"] == r"x \geq 0" for s in steps[-3:])


def test_a_wrong_last_row_of_a_case_is_refuted(tmp_path):
    steps = check(tmp_path, PIECES.replace("END", r"1 + \exp[-2 x]"))
    assert steps[-1]["status"] == "refuted"
    assert Fraction(dict(steps[-1]["counterexample"]["values"])["x"]) >= 0


def test_a_case_on_a_family_member_gives_its_value(tmp_path):
    # a Qiita softmax example: "$x_1 = 1$ のとき、" then e^{x_1} + e^{x_2} = e^1 + e^{x_2} was
    # refuted at x_1 = 2, the case ignored
    text = "# t\n\n$x_1 = 1$ のとき、\n\n$$\ne^{x_1} + e^{x_2} = e^1 + e^{x_2}\n$$\n"
    (step,) = check(tmp_path, text)
    assert step["status"] == "verified" and step["condition"] == "x_1 = 1"
    wrong = text.replace("e^1 + e^{x_2}", "e^2 + e^{x_2}")
    (step,) = check(tmp_path, wrong)
    assert step["status"] == "refuted"
    assert dict(step["counterexample"]["values"]).get("x_{1}", "1") == "1"


def test_a_function_defined_under_a_case_applied_outside_it_says_so(tmp_path):
    # the red team: "\text{NaN} \text{ finite} cannot hold" leaked into the reason
    text = "# t\n\nIf $x = 2$, then the value is\n\n$$ f(x) = 4 $$\n\n$$ f(3) = 4 $$\n"
    step = check(tmp_path, text)[-1]
    assert step["status"] == "unknown"
    assert "outside the case" in step["reason"] and "NaN" not in step["reason"]
    ran = run_eqchain("check", "--no-cache", "--lang", "ja", str(tmp_path / "d.md"))
    assert "定義が書かれた場合の外" in ran.stdout
