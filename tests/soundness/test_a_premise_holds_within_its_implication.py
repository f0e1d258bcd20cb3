r"""The premise of an implication is supposed for that implication only.

Found by a red-team helper: in a list of independent implications about the same names,
``\sqrt{a} = b \Rightarrow a = b^2`` then ``a = b^2 \Rightarrow \sqrt{a} = b`` (false: b = -1)
VERIFIED the second, because the first premise stayed a given for the rest of the document.
A premise the author supposes (no identity, no derivative set to zero) now holds until its
implication ends (the next row that neither continues it nor follows from it). What the
hatted-solution rule needs of it (the equation the author set, ``\hat\mu = ...`` solves it) is
kept."""

from __future__ import annotations

from helpers import check_document_rows


def test_a_false_implication_after_another_is_not_verified(tmp_path):
    steps = check_document_rows(
        tmp_path, r"\sqrt{a} = b \Rightarrow a = b^2", r"a = b^2 \Rightarrow \sqrt{a} = b"
    )
    got = [s["status"] for s in steps]
    assert got[:2] == ["given", "verified"], got
    assert got[2] in ("given", "definition"), got  # its own premise (a is no longer supposed)
    assert got[3] == "refuted", got
    assert "verified" not in got[2:], got


def test_earlier_premises_do_not_prove_a_later_row(tmp_path):
    # x + 1 = 4 is supposed for its implication only: x^2 = 9 in a row of its own is no identity
    steps = check_document_rows(tmp_path, r"x + 1 = 4 \Rightarrow x = 3", r"x^2 = 9")
    got = [s["status"] for s in steps]
    assert got[:2] == ["given", "verified"], got
    assert got[2] != "verified", got


def test_nor_what_was_verified_under_them(tmp_path):
    # red-team: after b = 0 \Rightarrow bc = 0 (b written before), (b + c)^2 = c^2 was verified
    steps = check_document_rows(
        tmp_path,
        r"(b + c)^2 = b^2 + 2 b c + c^2",
        r"b = 0 \Rightarrow b c = 0",
        r"(b + c)^2 = c^2",
    )
    assert steps[-1]["status"] != "verified", steps[-1]
    # the two sides of an equivalence are asserted by neither
    steps = check_document_rows(
        tmp_path, r"x^2 - x = x (x - 1)", r"x - 1 = 0 \iff x = 1", r"x^2 - x = 0"
    )
    assert steps[-1]["status"] != "verified", steps[-1]


def test_two_cases_by_implication(tmp_path):
    # each premise is the author's case: the second is no claim refuted by the first
    steps = check_document_rows(
        tmp_path,
        r"a - 1 = 0 \Rightarrow a^2 = 1",
        r"a + 1 = 0 \Rightarrow a^3 = -1",
        r"a^2 = a",
    )
    got = [s["status"] for s in steps]
    assert got == ["given", "verified", "given", "verified", "refuted"], got


def test_a_premise_holds_along_its_own_chain(tmp_path):
    # the premise holds for every link of its implication, continued in the next display
    steps = check_document_rows(
        tmp_path, r"x + 1 = 4 \Rightarrow x = 3 \Rightarrow x^2 = 9", r"\Rightarrow x^2 + 1 = 10"
    )
    assert [s["status"] for s in steps] == ["given", "verified", "verified", "verified"]


def test_a_hatted_solution_of_a_supposed_equation(tmp_path):
    # the equation the author set (one side 0) is what \hat\mu solves, in a later display
    steps = check_document_rows(
        tmp_path,
        r"\sum_{i=1}^{n} (x_i - \mu) = 0 \Rightarrow \sum_{i=1}^{n} x_i = n \mu",
        r"\hat{\mu} = \frac{1}{n} \sum_{i=1}^{n} x_i",
        assume="n >= 1",
    )
    got = [s["status"] for s in steps]
    assert got[-1] == "verified", steps[-1]
    wrong = check_document_rows(
        tmp_path,
        r"\sum_{i=1}^{n} (x_i - \mu) = 0 \Rightarrow \sum_{i=1}^{n} x_i = n \mu",
        r"\hat{\mu} = \frac{1}{n + 1} \sum_{i=1}^{n} x_i",
        assume="n >= 1",
    )
    assert wrong[-1]["status"] == "refuted", wrong[-1]


def test_a_stationary_point_found_by_implication_is_no_general_fact(tmp_path):
    # red-team: x^3 = x "for the curvature in general" was verified through x = 1
    steps = check_document_rows(
        tmp_path, r"f(x) = x^2 - 2 x", r"f'(x) = 2 x - 2 = 0 \Rightarrow x = 1", r"x^3 = x"
    )
    # refuted only where the ended premise fails (x = 2): unknown, naming it, never verified
    # (engine._refuted_without_an_earlier_premise; a Lagrange condition then its constraint)
    assert steps[-1]["status"] == "unknown", steps[-1]
    assert "supposed at line" in steps[-1]["reason"]
    wrong = check_document_rows(
        tmp_path, r"f(x) = x^2 - 2 x", r"f'(x) = 2 x - 2 = 0 \Rightarrow x = 1", r"x^3 = 2 x"
    )
    assert wrong[-1]["status"] == "refuted", wrong[-1]


def test_the_hatted_solution_names_the_equation_that_gives_it(tmp_path):
    # two conditions mention \mu (the second, about sigma, set later): \hat\mu solves the first
    steps = check_document_rows(
        tmp_path,
        r"\sum_{i=1}^{n} (x_i - \mu) = 0 \Rightarrow \sum_{i=1}^{n} x_i = n \mu",
        r"-\frac{n}{\sigma} + \frac{1}{\sigma^3} \sum_{i=1}^{n} (x_i - \mu)^2 = 0"
        r" \Rightarrow \sigma^2 = \frac{1}{n} \sum_{i=1}^{n} (x_i - \mu)^2",
        r"\hat{\mu} = \frac{1}{n} \sum_{i=1}^{n} x_i",
        assume="n >= 1, sigma > 0",
    )
    assert steps[-1]["status"] == "verified", steps[-1]


def test_a_definition_the_premise_makes_ends_with_it(tmp_path):
    # a second red-team: an induction's base case n = 1 => ... then the general claim was
    # verified with n = 1; two cases x = 1 => ..., x = -1 => ... then x^2 = x verified
    steps = check_document_rows(
        tmp_path, r"n = 1 \Rightarrow \sum_{k=1}^{n} k = 1", r"\sum_{k=1}^{n} k = n^2"
    )
    assert steps[-1]["status"] == "refuted", steps[-1]
    steps = check_document_rows(
        tmp_path, r"x = 1 \Rightarrow x^2 = 1", r"x = -1 \Rightarrow x^2 = 1", r"x^2 = x"
    )
    assert steps[-1]["status"] == "refuted", steps[-1]


def test_a_hypothesis_that_ended_does_not_decide_a_later_hat(tmp_path):
    # a second red-team: p - 1/2 = 0 => p = 1/2 (a hypothesis), then the score equation; the
    # hat was verified as solving the hypothesis: the latest equation about p decides
    steps = check_document_rows(
        tmp_path,
        r"p - \frac{1}{2} = 0 \Rightarrow p = \frac{1}{2}",
        r"\frac{y}{p} - \frac{n-y}{1-p} = 0 \Rightarrow y(1-p) = (n-y)p",
        r"\hat{p} = \frac{1}{2}",
        assume="0 < p < 1, n >= 1",
    )
    assert steps[-1]["status"] != "verified", steps[-1]


def test_a_hat_at_a_derivative_set_to_zero(tmp_path):
    # a third red-team: "could not be decided (SymPy: ValueError: Can't calculate derivative
    # wrt 3.)": the value was put in for the derivative's variable
    rows = (r"\frac{d}{d\theta}\left(\theta^2 - 4\theta\right) = 0", r"\hat\theta = 3")
    steps = check_document_rows(tmp_path, *rows)
    assert steps[-1]["status"] == "refuted", steps[-1]
    assert "SymPy" not in steps[-1]["reason"]
    steps = check_document_rows(tmp_path, rows[0], r"\hat\theta = 2")
    assert steps[-1]["status"] != "refuted", steps[-1]


def test_a_hat_the_conclusion_names_stays_defined(tmp_path):
    # the first version took back every definition made during the implication: the hat the
    # conclusion names was gone, and the valid row using it was REFUTED
    premise = (
        r"\frac{y}{p} - \frac{n-y}{1-p} = 0 \Rightarrow y(1-p) = (n-y)p"
        r" \Rightarrow \hat{p} = \frac{y}{n}"
    )
    steps = check_document_rows(
        tmp_path, premise, r"\hat{p}(1 - \hat{p}) = \frac{y(n-y)}{n^2}", assume="0 < p < 1, n >= 1"
    )
    assert steps[-1]["status"] == "verified", steps[-1]
    steps = check_document_rows(
        tmp_path, premise, r"\hat{p}(1 - \hat{p}) = \frac{y(n+y)}{n^2}", assume="0 < p < 1, n >= 1"
    )
    assert steps[-1]["status"] == "refuted", steps[-1]
