"""A term's definedness inside a sum is decided on the term as written: putting the bound
variable's range in must not evaluate the condition away. SymPy's subs turned 1/(a k) at
k = m + 1 into 1/a times 1/(m + 1), a product with no condition of its own, and the step below
was verified with no a != 0 (found by the refute32 helper: a false verified)."""

from helpers import check_document_rows

SUM = r"\sum_{k=1}^{n} \frac{1}{k} = \sum_{k=1}^{n} \frac{a}{a k}"


def _last(tmp_path, row, assume):
    return check_document_rows(tmp_path, row, assume=assume)[-1]


def test_the_condition_not_about_the_bound_variable_is_kept(tmp_path):
    step = _last(tmp_path, SUM, "n positive integer")
    assert step["status"] == "unknown"
    # a k != 0 for every k of the range, said as its parts: a != 0 (and k != 0)
    assert "a \\neq 0" in step["reason"], step["reason"]


def test_with_the_condition_declared_the_step_is_verified(tmp_path):
    step = _last(tmp_path, SUM, "n positive integer, a positive")
    assert step["status"] == "verified"


def test_the_wrong_twin_is_refuted(tmp_path):
    row = r"\sum_{k=1}^{n} \frac{1}{k} = \sum_{k=1}^{n} \frac{2 a}{a k}"
    step = _last(tmp_path, row, "n positive integer, a positive")
    assert step["status"] == "refuted"


def test_a_term_defined_at_every_point_of_its_range_needs_nothing(tmp_path):
    # 1/k over k = 1..n and lambda^x / x! over x = 0, 1, ...: no condition of their own
    step = _last(
        tmp_path, r"\sum_{k=1}^{n} \frac{2}{k} = 2 \sum_{k=1}^{n} \frac{1}{k}", "n positive integer"
    )
    assert step["status"] == "verified"
