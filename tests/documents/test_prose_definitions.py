"""A name defined in the prose right before a display ("With $S = \\sum_i |x_i - \\mu|$:",
"$S = ...$ とおくと、") is a row of its own before that display, at the formula's place in the
prose (load/prose.py): through the CLI, the display's step that uses S is verified through the
definition, a wrong one is refuted, and prose that defines nothing (a value set, a case, a
formula that is no definition among others) gives no row. Found on en/laplace-mle-back2basics
(line 78): without the definition, S stood free in rows 92 and 104, which a refuter able to
meet the document's sign given refutes although the author defined S.

Several definitions in one sentence ("Let $f(x) = ...$ and $g(x) = ...$", "分子を
$f(x)=...$，分母を $g(x)=...$ とおく") are a row each, and a function of names is defined as a
display's row f(x) = ... is (found on ja/makaishi-tanh-derivative: the quotient rule's f and g
were defined in the prose only)."""

from __future__ import annotations

import json

import pytest
from helpers import run_eqchain

from eqchain.load.prose import stated_definition

DISPLAY = r"""
$$
\frac{S}{b} = \frac{1}{b} \sum_{i=1}^{n} \lvert x_i - \mu \rvert
$$
"""
WRONG = r"""
$$
\frac{S}{b} = \frac{1}{b} \sum_{i=1}^{n} (x_i - \mu)
$$
"""


def check(tmp_path, text: str, name: str = "d.md") -> list[dict]:
    doc = tmp_path / name
    doc.write_text(text, encoding="utf-8")
    ran = run_eqchain("check", "--no-cache", "--format", "json", str(doc))
    return json.loads(ran.stdout)["derivations"][0]["steps"]


@pytest.mark.parametrize(
    "lead",
    [
        r"With $S = \sum_{i=1}^{n}\lvert x_i - \mu \rvert$:",
        r"Step 7: with $S = \sum_{i=1}^{n}\lvert x_i - \mu \rvert$, we have",
        r"Let $S = \sum_{i=1}^{n}\lvert x_i - \mu \rvert$.",
        r"We define $S = \sum_{i=1}^{n}\lvert x_i - \mu \rvert$, we have",
        r"$S = \sum_{i=1}^{n}\lvert x_i - \mu \rvert$ とおくと、",
        # "then" closing the sentence (a helper's bias-variance post: "Let $\mu = E[Z]$, then:")
        r"Let $S = \sum_{i=1}^{n}\lvert x_i - \mu \rvert$, then:",
        r"Let $S = \sum_{i=1}^{n}\lvert x_i - \mu \rvert$, then we have",
        # a short sentence leading into the display (a red-team: "Let $a = 2$. Then" left a
        # defined nowhere, and the false a^2 = 5 became a definition of a^2)
        r"Let $S = \sum_{i=1}^{n}\lvert x_i - \mu \rvert$. Then",
        r"Let $S = \sum_{i=1}^{n}\lvert x_i - \mu \rvert$. Then we have:",
        r"Let $S = \sum_{i=1}^{n}\lvert x_i - \mu \rvert$. We get",
        # a definition's sign (a red team: "Let $z := 2b$." was left as prose)
        r"Let $S := \sum_{i=1}^{n}\lvert x_i - \mu \rvert$.",
        r"Define $S \coloneqq \sum_{i=1}^{n}\lvert x_i - \mu \rvert$.",
        # what a quantity is (a red team s51: an MGF exercise's "The moment generating function
        # is $M(t) = ...$." was ignored, and every row after it "defined nowhere")
        r"The sum of the distances is $S = \sum_{i=1}^{n}\lvert x_i - \mu \rvert$.",
        r"Its total is given by $S = \sum_{i=1}^{n}\lvert x_i - \mu \rvert$:",
    ],
)
def test_the_name_defined_before_a_display_is_a_row_of_its_own(tmp_path, lead):
    definition, step = check(tmp_path, f"# t\n\n{lead}\n{DISPLAY}")
    assert definition["status"] == "definition", definition
    assert definition["line"] == 3
    assert step["status"] == "verified", step


def test_a_wrong_step_after_the_definition_is_refuted(tmp_path):
    lead = r"With $S = \sum_{i=1}^{n}\lvert x_i - \mu \rvert$:"
    definition, step = check(tmp_path, f"# t\n\n{lead}\n{WRONG}")
    assert definition["status"] == "definition"
    assert step["status"] == "refuted", step


@pytest.mark.parametrize(
    "lead",
    [
        r"Setting $S = 0$:",  # a value put in, not a name defined
        r"Putting $S = \sum_{i=1}^{n} x_i$:",
        r"If $S = 1$, we have:",  # a case
        r"With $S = a$ and $x > 0$:",  # one of the formulas defines nothing: none is taken
        r"With $S = a = b$:",  # a chain, not a definition
        r"With $f(x + 1) = x^2$:",  # a function's arguments are names
        r"where $\lvert x_i - \mu \rvert = x_i - \mu$:",  # no name on the left
        r"We define $S = \sum_{i=1}^{n} x_i$. Then the sum is",  # a sentence after it
        r"Let $S = \sum_{i=1}^{n} x_i$, then the sum is",
        # "since" states a fact, not a definition: "Since $\mu = 3$" after \mu = 2 was taken as
        # a redefinition and \mu^2 = 9 verified (a red team, stop 37)
        r"Since $S = \sum_{i=1}^{n}\lvert x_i - \mu \rvert$,",
        r"The sum, with $S = \sum_i x_i$ as before, becomes",
        r"The answer is $S^2 = 4$.",  # no name on the left
        r"This is $S = a = b$.",  # a chain
        r"Since the sum is $S = \sum_i x_i$,",  # a premise's sentence
    ],
)
def test_prose_that_defines_no_name_gives_no_row(lead):
    assert stated_definition(lead) is None


def test_without_the_prose_the_name_stands_free(tmp_path):
    (step,) = check(tmp_path, f"# t\n\nThe third term:\n{DISPLAY}")
    assert step["status"] != "verified"


def test_a_tex_document_reads_the_definition_too(tmp_path):
    text = (
        "\\documentclass{article}\n\\begin{document}\nWith $S = \\sum_{i=1}^{n} x_i$, we get\n"
        "\\[ \\frac{S}{n} = \\frac{1}{n} \\sum_{i=1}^{n} x_i \\]\n\\end{document}\n"
    )
    definition, step = check(tmp_path, text, name="d.tex")
    assert definition["status"] == "definition" and definition["line"] == 3
    assert step["status"] == "verified", step


def test_a_definition_in_the_prose_that_cannot_be_read_is_an_unreadable_row(tmp_path):
    """A definition of a name in the prose that eqchain cannot read (an unknown command) is an
    unreadable row: left as prose, the name stood free in the rows after it (a red team, stop
    37: "Let $z = w^T x + b$." dropped, then d(z + b)/db = 1 verified)."""
    steps = check(tmp_path, f"# t\n\nWith $S = \\foo{{x}}$:\n{DISPLAY}")
    assert [s["status"] for s in steps][0] == "unreadable" and steps[0]["line"] == 3, steps
    assert steps[-1]["status"] != "verified"


def test_another_formula_in_the_prose_that_cannot_be_read_gives_no_row(tmp_path):
    """Prose is not display math: a formula there that defines no name and cannot be read is
    left as prose, never reported as an unreadable row."""
    steps = check(tmp_path, f"# t\n\nWith $\\foo{{S}} = x$:\n{DISPLAY}")
    assert len(steps) == 1 and steps[0]["line"] == 6, steps
    assert steps[0]["status"] != "unreadable"


TANH = r"""
$$
\frac{d}{dx} \tanh(x) = \frac{f'(x)g(x)-f(x)g'(x)}{g(x)^2}
$$
"""


@pytest.mark.parametrize(
    "lead",
    [
        r"Let $f(x)=e^x-e^{-x}$ and $g(x)=e^x+e^{-x}$.",
        r"where $f(x)=e^x-e^{-x}$, $g(x)=e^x+e^{-x}$:",
        r"分子を $f(x)=e^x-e^{-x}$，分母を $g(x)=e^x+e^{-x}$ とおく。",
    ],
)
def test_functions_defined_together_in_the_prose_are_rows_of_their_own(tmp_path, lead):
    f, g, step = check(tmp_path, f"# t\n\n{lead}\n{TANH}")
    assert (f["status"], g["status"]) == ("definition", "definition"), (f, g)
    assert f["line"] == g["line"] == 3 and f["column"] < g["column"]
    assert step["status"] == "verified", step


def test_a_wrong_quotient_rule_after_them_is_refuted(tmp_path):
    lead = r"Let $f(x)=e^x-e^{-x}$ and $g(x)=e^x+e^{-x}$."
    wrong = TANH.replace("f'(x)g(x)-f(x)g'(x)", "f'(x)g(x)+f(x)g'(x)")
    *_, step = check(tmp_path, f"# t\n\n{lead}\n{wrong}")
    assert step["status"] == "refuted", step


def test_an_unread_prose_definition_of_a_name_no_display_writes_gives_no_row(tmp_path):
    # the red team: "Let $\theta = (\mu, \sigma^2)$." became an unreadable row, exit 1
    steps = check(tmp_path, f"# t\n\nLet $\\theta = (\\mu, \\sigma^2)$.\n{DISPLAY}")
    assert len(steps) == 1 and steps[0]["status"] != "unreadable", steps
