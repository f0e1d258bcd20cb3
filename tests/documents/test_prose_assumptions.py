r"""Conditions the prose states as standing assumptions ("Assume $\sigma > 0$.", "ただし
$\sigma > 0$ とする。") are assumptions of the document, as ``--assume`` gives them.

Found by helpers on real posts (Japanese Gaussian MLE, English exponential MLE): the author's
「ただし $\sigma > 0$ とする。」 was not read, and the valid log expansion stayed unknown, naming
sigma = -13/4. Only a condition none of whose names a display before it writes is taken (nothing
written earlier is judged under it), and never one about a name assumed otherwise elsewhere in
the prose (cases in words)."""

from __future__ import annotations

import pytest
from helpers import check_document_rows, run_eqchain

ROW = r"\log \frac{1}{\sqrt{2\pi\sigma^2}} = -\frac{1}{2}\log(2\pi) - \log \sigma"
WRONG = r"\log \frac{1}{\sqrt{2\pi\sigma^2}} = -\frac{1}{2}\log(2\pi) + \log \sigma"


def check(tmp_path, text: str) -> list[dict]:
    import json

    doc = tmp_path / "d.md"
    doc.write_text(text, encoding="utf-8")
    ran = run_eqchain("check", "--no-cache", "--format", "json", str(doc))
    return json.loads(ran.stdout)["derivations"][0]["steps"]


@pytest.mark.parametrize(
    "lead",
    [
        r"Assume $\sigma > 0$.",
        r"We assume that $\sigma > 0$ throughout.",
        r"Let $\sigma > 0$. Then",
        r"ただし $\sigma > 0$ とする。",
        r"$\sigma > 0$ と仮定する。",
    ],
)
def test_a_stated_assumption_is_used(tmp_path, lead):
    (step,) = check(tmp_path, f"# t\n\n{lead}\n\n$$\n{ROW}\n$$\n")
    assert step["status"] == "verified", step
    (wrong,) = check(tmp_path, f"# t\n\n{lead}\n\n$$\n{WRONG}\n$$\n")
    assert wrong["status"] == "refuted", wrong


def test_without_it_the_step_names_the_condition(tmp_path):
    steps = check_document_rows(tmp_path, ROW)
    assert steps[-1]["status"] == "unknown", steps[-1]


def test_an_assumption_about_a_name_written_before_is_not_taken(tmp_path):
    # the first row, written before the sentence, is false in general: never verified; the
    # sentence is the case of the display after it (stop 48), which holds there
    text = "# t\n\n$$ \\sqrt{x^2} = x $$\n\nAssume $x > 0$.\n\n$$ \\sqrt{x^2} = x $$\n"
    steps = check(tmp_path, text)
    assert [s["status"] for s in steps] == ["refuted", "verified"], steps
    assert [s["condition"] for s in steps] == [None, "x > 0"], steps


def test_cases_in_words_are_no_assumptions(tmp_path):
    # no assumption of the whole document: each is the case of the display after it (stop 48;
    # they were refuted at values their own case excludes), never verified without its case
    text = (
        "# t\n\nAssume $x > 0$.\n\n$$ \\sqrt{x^2} = x $$\n\n"
        "Now assume $x < 0$.\n\n$$ \\sqrt{x^2} = -x $$\n"
    )
    steps = check(tmp_path, text)
    assert [s["status"] for s in steps] == ["verified", "verified"], steps
    assert [s["condition"] for s in steps] == ["x > 0", "x < 0"], steps


@pytest.mark.parametrize(
    "lead",
    [
        r"We know $\sigma > 0$ is true here.",  # no assumption sentence
        r"Let $\sigma > 0$ be the scale.",  # more words: not read
        r"Let $S = \sigma$.",  # a definition, no condition
        r"We assume $\sigma > 0$ and $S = 1$.",  # one formula is no condition: none taken
    ],
)
def test_other_sentences_assume_nothing(tmp_path, lead):
    step = check(tmp_path, f"# t\n\n{lead}\n\n$$\n{ROW}\n$$\n")[-1]
    assert step["status"] != "verified", step


@pytest.mark.parametrize(
    "later",
    [
        "For negative $t$ instead:",  # a case in words (a second red-team: |t|/t = 1 verified)
        "Otherwise, when $t \\le 0$, we have",
        "次に $t<0$ の場合を考える。",
        "Hence $t \\ge 0$.",
        "Now for any real $t$:",
    ],
)
def test_a_name_the_prose_writes_again_is_assumed_by_none(tmp_path, later):
    # the sentence is the case of the display right after it only (stop 48): the prose turns
    # to t otherwise before the second
    text = f"# t\n\nLet $t > 0$.\n\n$$ |t| = t $$\n\n{later}\n\n$$ \\frac{{|t|}}{{t}} = 1 $$\n"
    steps = check(tmp_path, text)
    assert steps[0]["status"] == "verified" and steps[0]["condition"] == "t > 0", steps
    assert steps[1]["status"] != "verified" or steps[1]["condition"] not in (None, "t > 0"), steps


@pytest.mark.parametrize(
    "between",
    ["## Derivation", "The sample is given.", "Let $X$ be the sample."],
)
def test_an_assumption_a_few_paragraphs_before_the_display(tmp_path, between):
    # a third red-team: anything between the sentence and the first display dropped it
    text = f"# t\n\nAssume $x > 0$.\n\n{between}\n\n$$ |x| = x $$\n"
    assert check(tmp_path, text)[-1]["status"] == "verified"


def test_never_from_a_code_block(tmp_path):
    text = "# t\n\n```\nAssume $x > 0$.\n```\n\n$$ |x| = x $$\n"
    assert check(tmp_path, text)[-1]["status"] == "refuted"


# n k binom(n, k) = n binom(n-1, k-1) termwise: binom(n-1, k-1) needs n > 0
BINOMIAL = r"S = \sum_{k=0}^{n} k \binom{n}{k} p^k = \sum_{k=0}^{n} n \binom{n-1}{k-1} p^k"
WRONG_BINOMIAL = r"S = \sum_{k=0}^{n} k \binom{n}{k} p^k = \sum_{k=0}^{n} n \binom{n}{k-1} p^k"


@pytest.mark.parametrize(
    "lead",
    [
        # two conditions on n in one sentence are one assumption, not cases in words
        r"Let $n \in \mathbb{N}$, $n > 0$ and $0 < p < 1$.",
        r"Let $n \geq 1$ be an integer.",
        r"Let $n$ be a positive integer.",
        r"Let $n$ and $k$ be positive integers.",
        r"Let $n \in \mathbb{Z}_{>0}$.",
        r"**Lemma 1.** Let $n$ be a positive integer.",
        # clauses of one sentence, a type in words in one of them
        r"Let $n$ be a positive integer and $0 < p < 1$.",
        r"Let $n$ be a positive integer, $0 < p < 1$.",
        r"Let $n$ be a positive integer and let $0 < p < 1$.",
        r"Let $0 < p < 1$ and let $n$ be a positive integer.",
        r"Let $X$ be a random variable, and let $n$ be a positive integer.",
        r"Assume $p \in (0, 1)$ and $n \geq 1$ is an integer.",
    ],
)
def test_conditions_and_types_in_words_on_one_name(tmp_path, lead):
    steps = check(tmp_path, f"# t\n\n{lead}\n\n$$\n{BINOMIAL}\n$$\n")
    assert steps[-1]["status"] == "verified", steps[-1]
    steps = check(tmp_path, f"# t\n\n{lead}\n\n$$\n{WRONG_BINOMIAL}\n$$\n")
    assert steps[-1]["status"] == "refuted", steps[-1]


@pytest.mark.parametrize(
    "lead",
    [
        # \mathbb{N}, a natural number: with 0 or without, so n > 0 is not assumed
        r"Let $n \in \mathbb{N}$.",
        r"Let $n$ be a natural number.",
        r"Let $n$ be an integer.",
        # \mathbb{Z}^+, \mathbb{N}_+: with 0 in some texts
        r"Let $n \in \mathbb{Z}^+$.",
        # a type of something that is no name: nothing assumed
        r"Let $n - 1 > 0$ be an integer.",
        # cases in words across sentences still assume nothing
        r"Assume $n > 0$. Now assume $n < 0$.",
        # a clause that turns the sentence round, or a clause of consequence: nothing assumed
        r"Let $n$ be a positive integer, except $n > 0$ here.",
        r"Let $p > 0$, then $n > 0$.",
        r"Let $n$ be a positive integer or $n < 0$.",
    ],
)
def test_without_n_positive_the_step_names_the_condition(tmp_path, lead):
    steps = check(tmp_path, f"# t\n\n{lead}\n\n$$\n{BINOMIAL}\n$$\n")
    assert steps[-1]["status"] == "unknown", steps[-1]
    assert "n > 0" in steps[-1]["reason"]


def test_the_natural_numbers_are_read_as_nonnegative_integers():
    from eqchain.load.assume import parse_assume

    (n,) = parse_assume(r"n \in \mathbb{N}")
    assert n.words == ("integer", "nonnegative")
    (m,) = parse_assume(r"m \in \mathbb{Z}_{>0}")
    assert m.words == ("integer", "positive")


LINEAR = r"\mathbb{E}[aX + b] = a\mathbb{E}[X] + b"
WRONG_LINEAR = r"\mathbb{E}[aX + b] = b\mathbb{E}[X] + a"


def check_with_moments(tmp_path, text: str) -> list[dict]:
    import json

    doc = tmp_path / "d.md"
    doc.write_text(text, encoding="utf-8")
    ran = run_eqchain("check", "--no-cache", "--format", "json", "--assume", "X moments", doc)
    return json.loads(ran.stdout)["derivations"][0]["steps"]


@pytest.mark.parametrize(
    "lead",
    [
        r"For a random variable $X$, where $a$ and $b$ are constants:",
        r"Here $a$ and $b$ are constants.",
        r"Let $a$, $b$ be constants.",
        r"ただし、$a, b$ は定数とする。",
        r"ここで $a$ と $b$ は定数である。",
    ],
)
def test_constants_in_words_come_out_of_an_expectation(tmp_path, lead):
    steps = check_with_moments(tmp_path, f"# t\n\n{lead}\n\n$$\n{LINEAR}\n$$\n")
    assert steps[-1]["status"] == "verified", steps[-1]
    steps = check_with_moments(tmp_path, f"# t\n\n{lead}\n\n$$\n{WRONG_LINEAR}\n$$\n")
    assert steps[-1]["status"] == "refuted", steps[-1]


@pytest.mark.parametrize(
    "lead",
    [
        r"Here $X$ is a random variable and $a$, $b$ are numbers.",  # numbers: no type
        r"where $a$ is the slope and $b$ the intercept.",
        r"The coefficients $a$ and $b$ are constants.",  # not the sentence's first words
        r"Let $a + b$ be a constant.",  # no name alone
        r"$a$ と $b$ は定数である。",  # a statement alone may be a claim to prove
        r"Claim. $a$ and $b$ are constants.",
    ],
)
def test_other_words_make_no_constant(tmp_path, lead):
    steps = check_with_moments(tmp_path, f"# t\n\n{lead}\n\n$$\n{LINEAR}\n$$\n")
    assert steps[-1]["status"] == "unknown", steps[-1]
    assert "constant" in steps[-1]["reason"]


ABS = r"\sqrt{x^2} = x"


@pytest.mark.parametrize(
    "lead",
    [
        # red team: a sentence that takes the type back, a clause, an abbreviation's period, a
        # line break inside a paragraph, a supposition to refute, a claim
        r"Here $x$ is positive, zero or negative.",
        r"Except where $x$ is positive, we have:",
        r"That is, i.e. $x$ is positive; it fails otherwise.",
        "It is not true in general that\n$x$ is positive.",
        "We do not\nassume $x > 0$.",
        r"Suppose, for contradiction, that $x > 0$.",
        r"Suppose $x$ is positive. We derive a contradiction.",
        r"背理法のため $x > 0$ と仮定する。",
        r"示すべきことは $x$ は正の実数である。",
        # a second case the assumption reader cannot read still names x
        r"Assume $x > 0$. Otherwise $x \in (-\infty, 0)$.",
        # a member of a family named elsewhere in the prose
        r"Let $x_1 > 0$. For negative $x_1$ instead, the sign flips.",
    ],
)
def test_words_that_assume_nothing(tmp_path, lead):
    row = ABS.replace("x", "x_1") if "x_1" in lead else ABS
    steps = check(tmp_path, f"# t\n\n{lead}\n\n$$\n{row}\n$$\n")
    assert steps[-1]["status"] == "refuted", (lead, steps[-1])


@pytest.mark.parametrize(
    ("lead", "sigma"),
    [
        # red team s47: a plural type after a condition and names is the names' only
        (r"Let $\sigma > 0$ and $n, m$ be positive integers.", [r"\sigma > 0"]),
        (r"Let $\sigma > 0$, $n$ and $m$ be positive integers.", [r"\sigma > 0"]),
        (r"Let $n \geq 1$ and $\sigma \geq 1$ be integers.", [r"\sigma \geq 1"]),
    ],
)
def test_a_type_after_a_condition_is_not_the_conditions_name(lead, sigma):
    from eqchain.load.prose import stated_assumptions

    taken = stated_assumptions(lead)
    assert [c for c in taken if "sigma" in c] == sigma, taken
    if "positive" in lead:
        assert "n > 0" in taken and r"m \in \mathbb{Z}" in taken, taken


@pytest.mark.parametrize(
    ("lead", "status"),
    [
        # a negative type in words (red team s48: "Let $n$ be a negative integer." was not read,
        # and the sum's n >= 0 reading verified the row without a word)
        ("Let $x$ be a negative real number.", "verified"),
        ("Let $x$ be a nonpositive real number.", "verified"),
        ("$x$ は負の実数とする。", "verified"),
        ("$x$ は非正の実数とする。", "verified"),
        # the same said again after the display turns the prose to no other value of x
        (
            "Let $x$ be a negative real number.\n\n$$ x^2 = x^2 $$\n\n"
            "Let $x$ be a negative real number.",
            "verified",
        ),
        # said otherwise: a case in words, assumed by none (refuted at a positive x)
        (
            "Let $x$ be a negative real number.\n\n$$ x^2 = x^2 $$\n\n"
            "Now let $x$ be a positive real number.",
            "refuted",
        ),
        ("Let $x$ be a positive real number.", "refuted"),
    ],
)
def test_a_negative_sign_in_words_is_read(tmp_path, lead, status):
    steps = check(tmp_path, f"# t\n\n{lead}\n\n$$\n\\sqrt{{x^2}} = -x\n$$\n")
    assert steps[-1]["status"] == status, steps[-1]


def test_a_negative_integer_bounds_no_sum(tmp_path):
    steps = check(
        tmp_path,
        "# t\n\nLet $n$ be a negative integer.\n\n$$\n\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}\n$$\n",
    )
    assert steps[-1]["status"] == "unknown", steps[-1]
    assert "n \\geq 0" in steps[-1]["reason"], steps[-1]


def _two_cases(first: str, second: str, between: str = "") -> str:
    return (
        "# Positive case\n\nLet $x > 0$.\n\n"
        f"$$\n{first}\n$$\n\n{between}# Negative case\n\nLet $x < 0$.\n\n$$\n{second}\n$$\n"
    )


def test_opposite_assumptions_in_two_sections_are_the_cases_of_their_displays(tmp_path):
    # both rows were refuted at values their own section excludes (red team s48)
    steps = check(tmp_path, _two_cases(r"\sqrt{x^2} = x", r"\sqrt{x^2} = -x"))
    assert [s["status"] for s in steps] == ["verified", "verified"], steps
    assert [s["condition"] for s in steps] == ["x > 0", "x < 0"], steps


def test_a_row_false_in_its_own_case_is_refuted_there(tmp_path):
    steps = check(tmp_path, _two_cases(r"\sqrt{x^2} = -x", r"\sqrt{x^2} = x"))
    assert [s["status"] for s in steps] == ["refuted", "refuted"], steps
    assert float(steps[0]["counterexample"]["values"]["x"]) > 0, steps[0]
    assert float(steps[1]["counterexample"]["values"]["x"]) < 0, steps[1]


def test_a_case_ends_where_the_prose_writes_the_name_otherwise(tmp_path):
    text = (
        "Let $x > 0$.\n\n$$\n\\sqrt{x^2} = x\n$$\n\nFor negative $x$ instead:\n\n"
        "$$\n\\sqrt{x^2} = x\n$$\n"
    )
    steps = check(tmp_path, text)
    assert steps[0]["status"] == "verified", steps[0]
    assert steps[1]["status"] == "refuted", steps[1]


def test_a_case_in_words_ends_at_the_next_heading(tmp_path):
    # red team s48-2: "General remarks" after two cases: |x|/x = -1 was verified under x < 0
    text = (
        _two_cases(
            r"\sqrt{x^2} = x",
            r"\sqrt{x^2} = -x",
        )
        + "\n## General remarks\n\nFor any real x:\n\n$$\n\\sqrt{x^2} = -x\n$$\n"
    )
    steps = check(tmp_path, text)
    assert steps[-1]["condition"] is None, steps[-1]
    assert steps[-1]["status"] == "refuted", steps[-1]


def test_two_cases_of_an_integer_keep_it_an_integer(tmp_path):
    # red team s48-2: both rows refuted at n = 27/4 (the cases dropped "integer")
    text = (
        "# t\n\n## Positive\n\nLet $n$ be a positive integer.\n\n$$\n\\cos(2 \\pi n) = 1\n$$\n\n"
        "## Negative\n\nLet $n$ be a negative integer.\n\n$$\n\\cos(2 \\pi n) = 1\n$$\n"
    )
    steps = check(tmp_path, text)
    assert [s["status"] for s in steps] == ["verified", "verified"], steps


def test_a_row_naming_a_new_quantity_under_a_case_is_a_definition(tmp_path):
    # red team s48-2: k = \sqrt{x^2} under "Let $x > 0$." was not taken, and k = x refuted
    text = _two_cases("k = \\sqrt{x^2}\n$$\n\n$$\nk = x", r"\sqrt{x^2} = -x")
    steps = check(tmp_path, text)
    assert steps[0]["status"] == "definition", steps[0]
    assert steps[1]["status"] == "verified" and steps[1]["condition"] == "x > 0", steps[1]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("|n| = n", "|n| = -n"),  # the sign of the case (red team s48-3: refuted at n = -2)
        (r"\cos(2 \pi n) = 1", r"\cos(2 \pi n) = 1"),  # and its type
    ],
)
def test_a_typed_case_in_words_keeps_its_sign_and_its_type(tmp_path, first, second):
    text = (
        "# t\n\n## Positive\n\nLet $n$ be a positive integer.\n\n$$\n" + first + "\n$$\n\n"
        "## Negative\n\nLet $n$ be a negative integer.\n\n$$\n" + second + "\n$$\n"
    )
    steps = check(tmp_path, text)
    assert [s["status"] for s in steps] == ["verified", "verified"], steps


def test_a_row_about_the_cases_own_name_keeps_the_case(tmp_path):
    # red team s48-3: x = |x| under "Let $x > 0$." was taken for a new name's definition
    steps = check(tmp_path, _two_cases("x = |x|", "x = -|x|"))
    assert [s["status"] for s in steps] == ["verified", "verified"], steps


def test_a_value_given_to_the_cases_name_is_a_definition(tmp_path):
    # red team s48-4: n = 3 under "Let $n$ be a positive integer." was checked under the case,
    # and 2^n = 8 refuted at n = 1
    text = (
        "# t\n\n## Integer case\n\nLet $n$ be a positive integer.\n\n$$\nn = 3\n$$\n\n"
        "$$\n2^n = 8\n$$\n\n## Real case\n\nThe case of real $n$ is similar.\n"
    )
    steps = check(tmp_path, text)
    assert steps[0]["status"] == "definition", steps[0]
    assert steps[1]["status"] != "refuted", steps[1]
