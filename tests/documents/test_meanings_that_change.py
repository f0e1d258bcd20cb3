r"""A name's meaning changes along a document: a density used in a general formula and defined
later, a density defined again in a section whose row cannot be read, a function defined again
for a second case, an estimator ``s^2`` defined again. Each was found on a public derivation
(stop 50): the later definition was a claim (the rows after it all unknown), the unread one left
the old meaning standing (a valid row refuted), the first case's derivative set to zero verified
the second case's wrong root, ``s^2`` was refuted where ``S`` is read as a new meaning."""

from __future__ import annotations

from helpers import document_steps

GENERAL = r"""The moment generating function:

$$
M_X(t) = \mathbb{E}[e^{tX}] = \int_{-\infty}^{\infty} e^{tX} f(X) dX
$$

For the normal distribution the density is

$$
f(X) = \frac{1}{\sqrt{2\pi}\sigma} \exp\left(- \frac{(X-\mu)^2}{2\sigma^2}\right)
$$

and the Gaussian integral is

$$
\int_{-\infty}^{\infty} \exp\left(- \frac{(X-\mu)^2}{2\sigma^2}\right) dX = VALUE
$$
"""


def at(steps: list[dict], line: int) -> list[dict]:
    return [s for s in steps if s["line"] == line]


def test_a_density_used_in_a_general_formula_may_be_defined_after_it(tmp_path):
    steps = document_steps(tmp_path, GENERAL.replace("VALUE", r"\sqrt{2\pi\sigma^2}"))
    assert [s["status"] for s in at(steps, 10)] == ["definition"], steps
    assert [s["status"] for s in at(steps, 16)] != ["refuted"], steps


def test_the_wrong_gaussian_integral_after_it_is_refuted(tmp_path):
    steps = document_steps(tmp_path, GENERAL.replace("VALUE", r"\sqrt{2\pi\sigma}"))
    assert [s["status"] for s in at(steps, 16)] == ["refuted"], steps


def test_a_row_that_wrote_the_function_alone_keeps_it_a_claim(tmp_path):
    # f(0) = 5 said something of f's values: f(x) = x after it is a claim about that f
    steps = document_steps(tmp_path, "$$\nf(0) + a = 5\n$$\n\n$$\nf(x) = x\n$$\n")
    assert at(steps, 6)[0]["status"] != "definition", steps


def test_a_claim_under_an_integral_does_not_contradict_the_definition(tmp_path):
    # \int_0^1 f = 5 (unknown) then f(x) = 1: the claim is no fact that 1 = 5 could follow from
    text = "$$\n\\int_0^1 f(x) dx = 5\n$$\n\n$$\nf(x) = 1\n$$\n\n$$\n\\int_0^1 f(x) dx = 5\n$$\n"
    steps = document_steps(tmp_path, text)
    assert [s["status"] for s in steps] == ["unknown", "definition", "refuted"], steps


SECTIONS = r"""## Normal

$$
f(X) = \frac{1}{\sqrt{2\pi}\sigma} \exp\left(- \frac{(X-\mu)^2}{2\sigma^2}\right)
$$

## Exponential

$$
f(X) =
\begin{cases}
  \lambda e^{-\lambda X} & & X \ge 0 \\
  0 & & X \lt 0
\end{cases}
$$

$$
\int_{-\infty}^{\infty} e^{tX} f(X) dX = \frac{\lambda}{\lambda - t}
$$
"""


def test_an_unread_redefinition_takes_the_old_meaning_away(tmp_path):
    # the exponential's density (two & in a row: not read) left the normal one standing, and
    # the exponential's moment generating function was refuted with it
    steps = document_steps(tmp_path, SECTIONS)
    assert [s["status"] for s in steps[1:2]] == ["unreadable"], steps
    assert [s["status"] for s in at(steps, 18)] == ["unknown"], steps


def test_an_unread_row_of_another_name_leaves_the_meaning(tmp_path):
    text = SECTIONS.replace("f(X) =\n\\begin{cases}", "g(X) =\n\\begin{cases}")
    steps = document_steps(tmp_path, text)
    assert [s["status"] for s in at(steps, 18)] == ["refuted"], steps


CASES = r"""### Case (a)

$$\ell(\theta) = -2n\ln(\theta) - \frac{1}{\theta}\sum_{i=1}^n x_i$$

$$\frac{d\ell(\theta)}{d\theta} = -\frac{2n}{\theta} + \frac{1}{\theta^2}\sum_{i=1}^n x_i = 0$$

### Case (b)

$$\ell(\theta) = -3n\ln(\theta) - \frac{1}{\theta}\sum_{i=1}^n x_i$$

$$\frac{d\ell(\theta)}{d\theta} = -\frac{3n}{\theta} + \frac{1}{\theta^2}\sum_{i=1}^n x_i = 0$$

$$ROW$$
"""


def test_a_redefined_function_takes_its_derivative_set_to_zero_away(tmp_path):
    # the first case's condition verified the second case's root 1/(2n) sum x_i (red team s50)
    for row in (
        r"\theta = \frac{1}{2n}\sum_{i=1}^n x_i",
        r"\frac{1}{\theta^2}\sum_{i=1}^n x_i = \frac{2n}{\theta}",
    ):
        steps = document_steps(tmp_path, CASES.replace("ROW", row))
        assert [s["status"] for s in at(steps, 13)] == ["refuted"], (row, steps)


def test_the_second_case_root_still_follows_from_its_own_condition(tmp_path):
    row = r"\frac{1}{\theta^2}\sum_{i=1}^n x_i = \frac{3n}{\theta}"
    steps = document_steps(tmp_path, CASES.replace("ROW", row))
    row = at(steps, 13)
    assert [s["status"] for s in row] == ["verified"], steps
    assert "line 11" in " ".join(row[0].get("warnings", [])), row


ESTIMATORS = r"""$$ s^2 = \frac{1}{n-1}\sum_{i=1}^n (X_i - \bar{X})^2 $$

## A brief proof

First, examine the biasedness of the below estimator:

$$ NAME = \frac{1}{n}\sum_{i=1}^n (X_i - \bar{X})^2 $$
"""


def test_an_estimator_s_squared_defined_again_reads_as_a_plain_name_does(tmp_path):
    for name in ("s^2", "S"):
        text = ESTIMATORS.replace("s^2 =", name + " =", 1).replace("NAME", name)
        row = at(document_steps(tmp_path, text), 7)
        assert [s["status"] for s in row] == ["unknown"], (name, row)
        assert "redefines" in row[0]["reason"], row


def test_a_count_before_parentheses_is_a_factor(tmp_path):
    # \sum_{i=1}^n (x_i - \mu)^2: the n raised is the bound, so n(a - \mu)^2 is a product
    claim = r"\sum_{i=1}^n (x_i - \mu)^2 = \sum_{i=1}^n (x_i - \mu)^2 + n(a - \mu)^2 - n(\mu - a)^2"
    assert [s["status"] for s in document_steps(tmp_path, f"$${claim}$$\n")] == ["verified"]
    wrong = claim.replace(r"n(\mu - a)^2", r"n(\mu + a)^2")
    assert [s["status"] for s in document_steps(tmp_path, f"$${wrong}$$\n")] == ["refuted"]


def test_an_unread_row_about_a_function_in_its_own_section_keeps_its_meaning(tmp_path):
    # a public proof's M_X(t) = ... with a '/' that cannot be read, then M_X(t) = e^{...}: the
    # last row was taken for a new definition (its meaning forgotten with the unread row)
    text = (
        "$$\nM(t) = e^{t} \\cdot e^{t}\n$$\n\n"
        "$$\nM(t) = e^{2t} / 2 \\sqrt{\\pi} \\cdot \\sqrt{\\pi} \\cdot 2\n$$\n\n"
        "$$\nM(t) = e^{2t}\n$$\n"
    )
    steps = document_steps(tmp_path, text)
    assert [s["status"] for s in steps] == ["definition", "unreadable", "verified"], steps


COINS = r"""# Coins

## Fair coin

For a fair coin

$$p = \frac{1}{2}$$

so two heads have probability

$$p^2 = \frac{1}{4}$$

## A general coin

The likelihood of two heads and a tail is

$$L = p^2 (1-p)$$

and its derivative is

$$\frac{dL}{dp} = 2p - 3p^2 = VALUE$$
"""


def test_a_variable_of_a_later_section_is_no_longer_the_example_value(tmp_path):
    # p = 1/2 of the worked example verified 2p - 3p^2 = 1/4 in the general case; which p the
    # row means is not known (in a subsection of the example, it may be the example's: red
    # team s50-3), so it is not decided either way
    steps = document_steps(tmp_path, COINS.replace("VALUE", r"\frac{1}{4}"))
    assert [s["status"] for s in at(steps, 21)] == ["verified", "unknown"], steps
    assert "under another heading" in at(steps, 21)[1]["reason"], steps
    steps = document_steps(tmp_path, COINS.replace("VALUE", r"p(2 - 3p)"))
    assert [s["status"] for s in at(steps, 21)] == ["verified", "verified"], steps


def test_in_the_example_section_the_value_stands(tmp_path):
    text = COINS.replace("## A general coin\n", "").replace("VALUE", r"\frac{1}{4}")
    steps = document_steps(tmp_path, text)
    assert all(s["status"] != "refuted" for s in steps), steps


def test_what_was_shown_of_a_power_of_s_goes_with_s_squared(tmp_path):
    # s^4 = (a + 1)^2 from the first estimator, s^2 = 2a in the second: 4a^2 = (a + 1)^2 was
    # verified (red team s50-2), and with one row less SymPy's IndexError hid the same proof
    text = (
        "## First estimator\n\n$$s^2 = a + 1$$\n\n$$s^4 = (a + 1)^2$$\n\n"
        "## Second estimator\n\n$$s^2 = 2a$$\n\nROWS"
    )
    steps = document_steps(
        tmp_path, text.replace("ROWS", "$$s^4 = (a+1)^2$$\n\n$$4a^2 = (a+1)^2$$\n")
    )
    assert [s["status"] for s in steps[-2:]] == ["refuted", "refuted"], steps
    steps = document_steps(tmp_path, text.replace("ROWS", "$$4a^2 = (a+1)^2$$\n"))
    assert steps[-1]["status"] == "refuted", steps


DERIVATIVE_A = (
    r"\frac{d\ell(\theta)}{d\theta} = -\frac{2n}{\theta} + \frac{1}{\theta^2}\sum_{i=1}^n x_i"
)
SEPARATE = CASES.replace(
    f"$${DERIVATIVE_A} = 0$$",
    f"$${DERIVATIVE_A}$$\n\nSetting it to zero,\n\n$${DERIVATIVE_A.split(' = ')[1]} = 0$$",
)


def test_a_condition_in_a_display_of_its_own_goes_with_its_function(tmp_path):
    # the derivative's value set to zero in its own display was no condition "about" l
    steps = document_steps(tmp_path, SEPARATE.replace("ROW", r"\sum_{i=1}^n x_i = 2n\theta"))
    assert steps[-1]["status"] == "refuted", steps


def test_what_followed_from_the_first_case_goes_with_its_condition(tmp_path):
    # \sum_i x_i = 2n\theta, verified in case (a), was a fact that verified case (b)'s slip
    text = CASES.replace(
        "### Case (b)",
        "$$\\frac{1}{\\theta^2}\\sum_{i=1}^n x_i = \\frac{2n}{\\theta}$$\n\n### Case (b)",
    )
    steps = document_steps(
        tmp_path, text.replace("ROW", r"\frac{1}{\theta^2}\sum_{i=1}^n x_i = \frac{2n}{\theta}")
    )
    assert steps[-1]["status"] == "refuted", steps
    assert [s["status"] for s in steps if s["line"] == 7] == ["verified"], steps


def test_the_same_derivative_set_to_zero_again_is_another_case(tmp_path):
    # an undefined l, two cases in prose: the first case's condition verified the second's slip
    case_b = DERIVATIVE_A.replace("2n", "3n")
    text = (
        f"Case (a):\n\n$${DERIVATIVE_A} = 0$$\n\nCase (b):\n\n$${case_b} = 0$$\n\n"
        "$$\\frac{1}{\\theta^2}\\sum_{i=1}^n x_i = ROW$$\n"
    )
    steps = document_steps(tmp_path, text.replace("ROW", "\\frac{2n}{\\theta}"))
    assert [s["status"] for s in steps if s["line"] == 7] == ["unknown", "given"], steps
    assert steps[-1]["status"] == "refuted", steps
    steps = document_steps(tmp_path, text.replace("ROW", "\\frac{3n}{\\theta}"))
    assert steps[-1]["status"] == "verified", steps


def test_a_stationary_condition_is_kept_where_a_row_uses_the_derivative(tmp_path):
    # -\frac{2}{\theta} \ell' - \frac{2n}{\theta^2} at the point: the row uses the condition
    # (red team s50-3: it was refuted once rows writing the derivative left the condition out)
    text = CASES.split("### Case (b)")[0] + (
        "$$\\frac{d^2\\ell(\\theta)}{d\\theta^2} + \\frac{d\\ell(\\theta)}{d\\theta} = VALUE$$\n"
    )
    for value, verdict in (
        (r"\frac{2n}{\theta^2} - \frac{2}{\theta^3}\sum_{i=1}^n x_i", "verified"),
    ):
        steps = document_steps(tmp_path, text.replace("VALUE", value))
        assert steps[-1]["status"] == verdict, steps


def test_another_model_in_the_same_letter_takes_the_first_condition_away(tmp_path):
    # two models' derivatives set to zero in theta contradict: model B's was refuted and its
    # root with it, while model A's root was verified in B (red team s50-3)
    text = CASES.replace(r"\ell", r"\ell_B").replace(
        r"\ell_B(\theta) = -2n", r"\ell_A(\theta) = -2n"
    )
    text = text.replace(
        r"\frac{d\ell_B(\theta)}{d\theta} = -\frac{2n}",
        r"\frac{d\ell_A(\theta)}{d\theta} = -\frac{2n}",
    )
    for row, verdict in (
        (r"\frac{1}{\theta^2}\sum_{i=1}^n x_i = \frac{3n}{\theta}", "verified"),
        (r"\frac{1}{\theta^2}\sum_{i=1}^n x_i = \frac{2n}{\theta}", "refuted"),
    ):
        steps = document_steps(tmp_path, text.replace("ROW", row))
        assert [s["status"] for s in at(steps, 11)][-1] == "given", steps
        assert steps[-1]["status"] == verdict, (row, steps)


def test_a_fact_from_the_condition_does_not_give_the_derivative_its_value(tmp_path):
    # S = n sigma^2, verified from the condition, then the derivative with a factor sigma
    # dropped passed by "substitute", with no warning (red team s50-3)
    text = (
        "$$ \\ell(\\sigma) = -n \\log\\sigma - \\frac{S}{2\\sigma^2} $$\n\n"
        "$$ \\frac{\\partial \\ell(\\sigma)}{\\partial \\sigma} = -\\frac{n}{\\sigma}"
        " + \\frac{S}{\\sigma^3} = 0 $$\n\nso\n\n$$ S = n\\sigma^2 $$\n\nThe derivative is\n\n"
        "$$ \\frac{\\partial \\ell(\\sigma)}{\\partial \\sigma} = -n + \\frac{S}{\\sigma^2} $$\n"
    )
    steps = document_steps(tmp_path, text)
    assert [s["status"] for s in steps][-2:] == ["verified", "refuted"], steps


def test_a_fact_through_definitions_goes_with_its_condition(tmp_path):
    # m = k (m = S/n, k = 2 theta) from case (a) verified case (b)'s wrong root: it shares no
    # written name with the condition, only through the definitions (red team s50-3)
    import json

    from helpers import run_eqchain

    derivative = "$$ \\frac{d\\ell(\\theta)}{d\\theta} = -\\frac{%sn}{\\theta}"
    text = (
        "$$ m = \\frac{S}{n} $$\n\n$$ k = 2\\theta $$\n\n## Case (a)\n\n"
        "$$ \\ell(\\theta) = -2n \\log\\theta - \\frac{S}{\\theta} $$\n\n"
        + derivative
        % 2
        + " + \\frac{S}{\\theta^2} = 0 $$\n\n$$ m = k $$\n\n## Case (b)\n\n"
        "$$ \\ell(\\theta) = -3n \\log\\theta - \\frac{S}{\\theta} $$\n\n"
        + derivative % 3
        + " + \\frac{S}{\\theta^2} = 0 $$\n\n$$ \\theta = \\frac{S}{2n} $$\n"
    )
    doc = tmp_path / "d.md"
    doc.write_text(text, encoding="utf-8")
    args = ("check", "--no-cache", "--format", "json", "--assume", "theta > 0, n > 0")
    ran = run_eqchain(*args, str(doc))
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    assert steps[-1]["status"] == "refuted", steps


def checked(tmp_path, text: str, assume: str) -> list[dict]:
    import json

    from helpers import run_eqchain

    doc = tmp_path / "d.md"
    doc.write_text(text, encoding="utf-8")
    ran = run_eqchain("check", "--no-cache", "--format", "json", "--assume", assume, str(doc))
    return json.loads(ran.stdout)["derivations"][0]["steps"]


CASE_A = (
    "$$ \\ell(\\theta) = -2n \\log\\theta - \\frac{S}{\\theta} $$\n\n"
    "$$ \\frac{d\\ell(\\theta)}{d\\theta} = -\\frac{2n}{\\theta} + \\frac{S}{\\theta^2} = 0 $$\n\n"
    "so\n\n$$ S = 2n\\theta $$\n\n"
)


def test_a_redefinition_before_does_not_shift_what_the_condition_derived(tmp_path):
    # c = 2, c^2 = 4, then c = 3: the verified c^2 = 4 went, the positions shifted, and case
    # (a)'s S = 2n theta survived case (b)'s condition (red team s50-4)
    text = (
        "## Case (a)\n\n$$ c = 2 $$\n\n$$ c^2 = 4 $$\n\n"
        + CASE_A
        + "## Case (b)\n\n$$ c = 3 $$\n\n"
        + CASE_A.replace("-2n", "-3n").replace("-\\frac{2n}", "-\\frac{3n}").split("so")[0]
        + "$$ \\theta = \\frac{S}{2n} $$\n"
    )
    assert checked(tmp_path, text, "theta > 0, n > 0")[-1]["status"] == "refuted"


def test_the_derivative_at_the_solution_may_use_the_condition(tmp_path):
    # its value with the solution put in (no theta left) holds at the point: it was refuted
    text = CASE_A + (
        "$$ \\frac{d\\ell(\\theta)}{d\\theta} = -\\frac{2n}{S/(2n)} + \\frac{S}{(S/(2n))^2}$$\n"
    )
    assert checked(tmp_path, text, "theta > 0, n > 0, S > 0")[-1]["status"] == "verified"


def test_two_functions_set_to_zero_together_in_one_section(tmp_path):
    # df/dx = 0 and dg/dx = 0 at one point, then a = b: the first condition was dropped for
    # the second and a = b refuted (red team s50-4)
    text = (
        "$$ f(x) = x^2 - 2 a x $$\n\n$$ g(x) = x^2 - 2 b x $$\n\n"
        "$$ \\frac{df(x)}{dx} = 2x - 2a = 0 $$\n\n$$ \\frac{dg(x)}{dx} = 2x - 2b = 0 $$\n\n"
        "hence\n\n$$ a = b $$\n"
    )
    assert document_steps(tmp_path, text)[-1]["status"] != "refuted"


def test_a_condition_against_an_earlier_plain_given_is_not_refuted(tmp_path):
    # case (a)'s condition given in words-free prose as a plain equation; case (b)'s
    # derivative set to zero contradicts it: no row is verified after, none refuted for it
    text = (
        "## Case (a)\n\nSuppose\n\n$$ -\\frac{2n}{\\theta} + \\frac{S}{\\theta^2} = 0 $$\n\n"
        "## Case (b)\n\n" + CASE_A.replace("-2n", "-3n").replace("-\\frac{2n}", "-\\frac{3n}")
    )
    steps = checked(tmp_path, text, "theta > 0, n > 0")
    assert all(s["status"] != "refuted" for s in steps if s["line"] > 6), steps
