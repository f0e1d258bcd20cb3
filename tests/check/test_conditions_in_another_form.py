"""A condition the right side needs that the left side needs too, written in another form, is
not introduced by the step (issue 12): ``\\frac{1}{a^2 - 2ac + c^2} = \\frac{1}{(a - c)^2}``
needs (a - c)^2 nonzero exactly where the left side is defined. Before, such a step was unknown
("the step introduces (a - c)^2 \\neq 0: the left side is defined without it"), the least
squares slope written with centred sums among them. Only an expression proved equal to one the
left side needs counts: a new divisor is still named."""

from helpers import check_document_rows


def test_a_denominator_factored_needs_nothing_new(tmp_path):
    (step,) = check_document_rows(tmp_path, r"\frac{1}{a^2 - 2 a c + c^2} = \frac{1}{(a - c)^2}")
    assert step["status"] == "verified", step["reason"]


def test_a_negated_denominator_needs_nothing_new(tmp_path):
    (step,) = check_document_rows(tmp_path, r"\frac{b}{c - a} = -\frac{b}{a - c}")
    assert step["status"] == "verified", step["reason"]


def test_the_centred_sum_of_squares_is_the_same_divisor(tmp_path):
    rows = (
        r"\frac{\sum_{i=1}^n x_i y_i - \bar{y} \sum_{i=1}^n x_i}"
        r"{\sum_{i=1}^n x_i^2 - \bar{x} \sum_{i=1}^n x_i}"
        r" = \frac{\sum_{i=1}^n (x_i - \bar{x}) (y_i - \bar{y})}{\sum_{i=1}^n (x_i - \bar{x})^2}",
    )
    (step,) = check_document_rows(tmp_path, *rows)
    assert step["status"] == "verified", step["reason"]


def test_a_wrong_factorisation_is_refuted(tmp_path):
    (step,) = check_document_rows(tmp_path, r"\frac{1}{a^2 - 2 a c + c^2} = \frac{1}{(a + c)^2}")
    assert step["status"] == "refuted", step["reason"]
    assert step["counterexample"]


def test_a_divisor_the_left_side_does_not_have_is_named(tmp_path):
    (step,) = check_document_rows(tmp_path, r"b = \frac{b (a - c)^2}{a^2 - 2 a c + c^2}")
    assert step["status"] == "unknown", step["reason"]
    assert "\\neq 0" in step["reason"] and "introduces" in step["reason"]


def test_a_different_divisor_is_still_named(tmp_path):
    (step,) = check_document_rows(
        tmp_path, r"\frac{a - c}{a^2 + c^2} = \frac{(a - c)^2}{(a^2 + c^2)(a - c)}"
    )
    assert step["status"] == "unknown", step["reason"]
    assert "a - c" in step["reason"] or "- c + a" in step["reason"] or "a \\neq c" in step["reason"]


def test_a_condition_for_every_index_is_not_taken_from_one_index(tmp_path):
    # x_j \neq 0 for the j of the left side says nothing of every x_j the sum divides by
    (step,) = check_document_rows(tmp_path, r"n \frac{x_j}{x_j} = \sum_{j=1}^{n} \frac{x_j}{x_j}")
    assert step["status"] == "unknown", step["reason"]
    assert "x_{j} \\neq 0" in step["reason"]
