"""A row's condition after a comma (``f(x) = ..., \\quad 0 \\le x \\le 1``): what is read as a
condition, and what stays unreadable with its reason and column (issue 11)."""

from __future__ import annotations

import pytest
import sympy as sp

from eqchain.errors import LatexError
from eqchain.latex.read import read_formula

x, i, j, n, K = sp.symbols("x i j n K")


def atoms(text: str):
    formula = read_formula(text, functions=frozenset({"p"}))
    assert formula.condition is not None, text
    return formula.condition.atoms


def test_a_chained_bound_is_two_atoms():
    f = read_formula(
        r"p(x) = x^{a-1} (1-x)^{b-1}, \quad 0 \leq x \leq 1", functions=frozenset({"p"})
    )
    assert len(f.sides) == 2
    assert f.condition.atoms == (("<=", 0, x), ("<=", x, 1))
    assert f.condition.text == r"0 \leq x \leq 1"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"a = b, \quad x > 0", ((">", x, 0),)),
        (r"a = b, \text{ for } x \ge 0", ((">=", x, 0),)),
        (r"a = b, \; \text{if} \; x \neq 0", (("!=", x, 0),)),
        (r"a = b, \quad i = j", (("=", i, j),)),
        (r"a = b, \quad i \ne j.", (("!=", i, j),)),
        (r"a = b, \quad x < 1, x > 0", (("<", x, 1), (">", x, 0))),
        (r"a = b, \quad x \in [0, 1)", ((">=", x, 0), ("<", x, 1))),
        (r"a = b, \quad x \in \mathbb{R}", (("real", x, None),)),
        (r"a = b, \quad x \in \mathbb{Z}", (("integer", x, None),)),
        (r"a = b, \quad i \in \{1, \ldots, K\}", (("range", i, (1, K)),)),
        (r"a = b, \quad i = 1, \ldots, n \; .", (("range", i, (1, n)),)),
        (r"a = b, \quad i = 1, 2, \ldots, n", (("range", i, (1, n)),)),
        (r"a = b, \quad (x \gt 0)", ((">", x, 0),)),
    ],
)
def test_conditions_read(text, expected):
    assert atoms(text) == expected


def test_a_distribution_statement_takes_an_index_range():
    f = read_formula(r"y_i \sim \mathcal{N}(\mu, \sigma^2), \quad i = 1, \ldots, n \; .")
    assert f.relation(1) == "sim"
    assert f.condition.atoms == (("range", i, (1, n)),)


def test_the_tag_after_a_condition_is_the_rows():
    f = read_formula(r"a = b, \quad x > 0 \tag{3}")
    assert f.tag == "3" and f.condition.atoms == ((">", x, 0),)


@pytest.mark.parametrize(
    ("text", "message", "column"),
    [
        # a value after the comma (a condition or a second equation?) stays unreadable, at its
        # right side; two equations side by side are two rows (test_row_structures.py)
        (r"f(x)=e^x,\qquad x=0", "equation that is not a condition", 19),
        (r"a = b, \text{otherwise } x > 0", "prose 'otherwise'", 7),
        (r"a = b, \quad 0 < x > 1", "both directions", 14),
        (r"a = b, x > ", "empty side", 11),
        (r"a = b, \quad i = 1, 3, \ldots, n", "count up by one", 21),
        (r"a = b, \quad x \in \mathbb{N}", "this set after \\in", 20),
        (r"a = b, \quad x < 1 \leq \frac{1}{", "", None),
    ],
)
def test_unreadable_conditions_say_why_and_where(text, message, column):
    with pytest.raises(LatexError) as err:
        read_formula(text)
    assert message in err.value.message
    if column is not None:
        assert err.value.column == column


@pytest.mark.parametrize(
    "text",
    [
        # no relation after the comma: the comma stays an error, as before
        r"a = b, c",
        # a statement of its own after the comma (a distribution): not a condition
        r"y = x + e, \; e_i \sim \mathcal{N}(0, 1), \; i = 1, \ldots, n",
    ],
)
def test_a_comma_before_no_condition_stays_unreadable(text):
    with pytest.raises(LatexError, match="comma outside"):
        read_formula(text)


def test_a_comma_inside_brackets_is_no_condition():
    f = read_formula(r"q = p(x, y) > 0", functions=frozenset({"p"}))
    assert f.condition is None


def test_a_row_without_a_relation_before_the_comma_has_no_condition():
    # "x_1, x_2 > 0": the comma is before the first relation
    with pytest.raises(LatexError):
        read_formula(r"x_1, x_2 > 0")


@pytest.mark.parametrize(
    "text",
    [
        r"a_i = b_i, \quad i = 1, 2, 3",
        r"a_i = b_i ,\forall i = 1, 2,3",
        r"a_i = b_i, \forall i = 1, 2",
    ],
)
def test_a_listed_range_is_the_range(text):
    atoms = read_formula(text).condition.atoms
    assert len(atoms) == 1 and atoms[0][0] == "range"
    assert atoms[0][2][0] == 1


def test_a_listed_range_must_count_up_by_one():
    with pytest.raises(LatexError, match="count up by one"):
        read_formula(r"a_i = b_i, \quad i = 1, 3")


def test_forall_before_a_range_is_read_as_for_all():
    f = read_formula(r"a_i = b_i ,\forall i = 1, \ldots, n")
    assert f.condition.atoms[0][0] == "range"


# -- a condition set off by \quad and a word, without a comma (reading32) ---------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # en/binomial-moments-datainquiry line 55
        (r"a = b \quad \text{for } x \geq 2", ((">=", x, 2),)),
        (r"a = b \qquad \text{if } x \neq 0", (("!=", x, 0),)),
        (r"a = b \quad \text{for} \quad x > 0", ((">", x, 0),)),
        (r"a = b \quad \textrm{when } x < 1", (("<", x, 1),)),
    ],
)
def test_a_worded_condition_after_quad_is_the_rows_condition(text, expected):
    formula = read_formula(text)
    assert len(formula.sides) == 2
    assert formula.condition is not None and formula.condition.atoms == expected
    assert formula.sides == read_formula(text.split(r"\q")[0]).sides


@pytest.mark.parametrize(
    "text",
    [
        r"a = b \quad \text{for all } x > 0",  # another word: not read as a condition
        r"a \quad \text{for } x > 0",  # no relation before it: nothing to condition
        r"a = b \quad \text{for } x",  # no relation after the word
    ],
)
def test_other_words_or_no_relation_stay_unreadable(text):
    with pytest.raises(LatexError):
        read_formula(text)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (r"P(X=k) = p(1-p)^k, \quad k=0,1,2,\dots", 0),
        (r"a_k = b_k, \quad k = 1, 2, \ldots", 1),
    ],
)
def test_a_list_that_runs_on_is_an_integer_from_its_first_value(text, first):
    # the support of a pmf (a new user's geometric law: 3 rows unread)
    found = atoms(text)
    assert [op for op, _, _ in found] == ["integer", ">="]
    assert found[1][2] == first


@pytest.mark.parametrize(
    "text", [r"a_k = b_k, \quad k = 0, \dots", r"a_k = b_k, \quad k = 0, 2, \dots"]
)
def test_a_list_that_runs_on_needs_two_values_counting_up_by_one(text):
    with pytest.raises(LatexError):
        read_formula(text)


@pytest.mark.parametrize(
    "text",
    [
        r"a = b \quad \text{and} \quad c = d",
        r"a = b \quad \text{and} \quad c > d",
        r"|a| = a \qquad \text{and} \qquad a > 0",
        r"a = b \quad \text{also} \quad (c > 0)",
        r"a = b \quad \mbox{so} \quad c \geq 0",
    ],
)
def test_words_before_a_wide_space_make_no_condition(text):
    # "a = b and c = d" states two things: c = d is no case of a = b (it was read as one, and
    # a = b checked where c = d, the second claim never checked); only for, if, where, when
    # introduce a condition (as after a comma)
    with pytest.raises(LatexError):
        read_formula(text)


@pytest.mark.parametrize(
    "text",
    [
        r"a = b \quad \text{for} \quad c = d",
        r"a = b \quad \text{if} \quad c > d",
        r"a = b \qquad c > d",
        r"a = b \quad (c > d)",
    ],
)
def test_a_wide_space_or_a_condition_word_still_sets_a_condition_apart(text):
    assert read_formula(text).condition is not None


def test_an_upright_name_before_a_wide_space_is_no_word():
    formula = read_formula(r"a = \mathrm{e} \quad c > 0")
    assert formula.condition is not None


@pytest.mark.parametrize("word", ["for all", "provided", "provided that", "whenever"])
def test_condition_words_before_a_wide_space(word):
    formula = read_formula(rf"\sqrt{{x^2}} = x \quad \text{{{word}}} \quad x > 0")
    assert formula.condition is not None
