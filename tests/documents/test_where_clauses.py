"""A definition written after "where" in the row of the equation it serves
(``L = -\\log \\hat y, \\quad \\text{where } \\hat y = e^z``; also "with", ただし, ここで) is read
as its own row, before the equation: a definition when it names a new quantity by an
expression; a value (``where x = 3``) or a name met before is not used, and says why. The
equation itself is read without the clause."""

from __future__ import annotations

from helpers import check_document_rows

from eqchain.latex.rows import split_rows


def _steps(tmp_path, *equations: str) -> list[dict]:
    return check_document_rows(tmp_path, *equations)


def test_the_clause_is_a_row_of_its_own_before_the_equation():
    text = r"L = -\log \hat y, \quad \text{where } \hat y = e^z"
    rows = split_rows(text)
    assert [(r.text.strip(), r.where) for r in rows] == [
        (r"\hat y = e^z", True),
        (r"L = -\log \hat y", False),
    ]
    assert rows[0].offset == text.index(r"\hat y =")


def test_a_connector_inside_brackets_or_without_an_equation_after_it_is_no_clause():
    assert len(split_rows(r"f(x) = \left( x \text{ with } y = 2 \right)")) == 1
    assert len(split_rows(r"a = b \quad \text{where}")) == 1
    assert len(split_rows(r"a + b \quad \text{with} \quad c = d")) == 1


def test_a_definition_after_where_is_used_by_the_rows_after_it(tmp_path):
    row = r"L = -\log \hat y, \quad \text{where } \hat y = e^z"
    steps = _steps(tmp_path, row, r"\frac{d L}{d z} = -1")
    assert [s["status"] for s in steps] == ["definition", "definition", "verified"]
    wrong = _steps(tmp_path, row, r"\frac{d L}{d z} = 1")
    assert wrong[-1]["status"] == "refuted"


def test_with_and_japanese_connectors(tmp_path):
    for word in (r"\text{with}", r"\text{ただし}", r"\mathrm{where}"):
        row = rf"L = -\log \hat y \quad {word} \quad \hat y = e^z"
        steps = _steps(tmp_path, row, r"\frac{d L}{d z} = -1")
        assert [s["status"] for s in steps] == ["definition", "definition", "verified"], word


def test_a_value_after_where_is_not_a_definition(tmp_path):
    steps = _steps(tmp_path, r"f = x^2 \quad \text{where} \quad x = 3", "x^2 = 9")
    assert steps[0]["status"] == "unknown" and "gives a value" in steps[0]["reason"]
    # x stays free: x^2 = 9 is a condition on it (a given), not arithmetic verified
    assert steps[-1]["status"] == "given"


def test_a_name_met_before_is_not_redefined_in_passing(tmp_path):
    steps = _steps(tmp_path, "y = 2 z", r"L = y^2 \quad \text{where} \quad y = z + 1", "y = 2 z")
    statuses = [s["status"] for s in steps]
    assert statuses[:2] == ["definition", "unknown"]
    assert "new quantity" in steps[1]["reason"]
    assert statuses[-1] == "verified"  # y is still 2z


def test_two_definitions_after_where_are_unreadable_and_the_equation_is_still_read(tmp_path):
    steps = _steps(tmp_path, r"L = a b \quad \text{where} \quad a = e^z, b = z")
    assert [s["status"] for s in steps] == ["unreadable", "definition"]


def test_an_equation_whose_where_value_was_not_used_is_not_refuted_without_it(tmp_path):
    """``x^2 + 1 = 3 x + 1, where x = 3``: the value is not a definition, and the equation may
    hold only with it; it is not refuted as an identity in x."""
    steps = _steps(tmp_path, "s = 1", r"x^2 + 1 = 3 x + 1 \quad \text{where} \quad x = 3")
    assert [s["status"] for s in steps][-2:] == ["unknown", "unknown"]
    assert "was not used" in steps[-1]["reason"]


def test_a_where_condition_stays_the_rows_condition(tmp_path):
    steps = _steps(tmp_path, r"|x| = x, \quad \text{where } x \ge 0")
    assert [s["status"] for s in steps] == ["verified"]
