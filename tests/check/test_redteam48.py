r"""Red team s48: readings and verdicts it showed wrong, each mended (the sums and products of
defined names, arg max on the left, prose signs and expectations have their own files)."""

from __future__ import annotations

import pytest
from helpers import check_document_rows


def test_a_bare_name_of_a_defined_function_is_its_value(tmp_path):
    # the bare name restated: a claim, proved
    steps = check_document_rows(tmp_path, "L(p) = p^2", r"L = p \cdot p")
    assert steps[-1]["status"] == "verified", steps[-1]


def test_a_false_row_about_it_is_a_redefinition_said_so(tmp_path):
    # L = 3 was a second definition without a word (red team s48); then refuted, and every row
    # after it (red team s48-2: p = 1/3 after a density p(x)): a new meaning, warned
    steps = check_document_rows(tmp_path, "L(p) = p^2", "L = 3", "L + 1 = 4")
    assert steps[1]["status"] == "definition", steps[1]
    assert any("redefines L" in w and "false" in w for w in steps[1]["warnings"]), steps[1]
    assert steps[2]["status"] == "verified", steps[2]


def test_zero_to_a_symbolic_power_is_defined_where_the_power_is_not_negative(tmp_path):
    # a boundary term of an integration by parts, 0^{\alpha + 1}: "the left side is defined
    # nowhere: 0 \neq 0 cannot hold" (helper s48, a Japanese gamma-distribution note)
    steps = check_document_rows(tmp_path, r"0^{a + 1} \cdot 3 + b = b")
    assert "defined nowhere" not in steps[-1]["reason"], steps[-1]
    steps = check_document_rows(tmp_path, r"0^{a + 1} \cdot 3 + b = b", assume="a > 0")
    assert steps[-1]["status"] == "verified", steps[-1]
    steps = check_document_rows(tmp_path, r"0^{a + 1} \cdot 3 + b = b + 3", assume="a > 0")
    assert steps[-1]["status"] == "refuted", steps[-1]


def test_a_name_defined_through_another_means_the_index_too(tmp_path):
    # u = x, y = u^2: y names x through u (red team s48-2: both rows below were verified)
    steps = check_document_rows(tmp_path, "u = x", "y = u^2", r"\prod_{x=1}^{3} y = y^3")
    assert steps[-1]["status"] == "refuted", steps[-1]
    steps = check_document_rows(tmp_path, "u = x", "y = u^2", r"\prod_{x=1}^{3} y = 36")
    assert steps[-1]["status"] == "verified", steps[-1]


@pytest.mark.parametrize(
    ("step", "assume"),
    [
        # a coefficient that is 0 (or may be) makes nothing finite (red team s48-2)
        (
            r"\mathbb{E}[(\sin^2(1) + \cos^2(1) - 1) X] = "
            r"\mathbb{E}[(\sin^2(1) + \cos^2(1) - 1) X] + \mathbb{E}[X] - \mathbb{E}[X]",
            None,
        ),
        (r"\mathbb{E}[a X] = \mathbb{E}[a X] + \mathbb{E}[X] - \mathbb{E}[X]", "a constant"),
        (
            r"\mathbb{E}[\mathbb{E}[Y] X] = \mathbb{E}[\mathbb{E}[Y] X] + \mathbb{E}[X] - "
            r"\mathbb{E}[X]",
            None,
        ),
    ],
)
def test_a_combination_that_may_divide_by_zero_makes_nothing_finite(tmp_path, step, assume):
    steps = check_document_rows(tmp_path, step, assume=assume)
    assert steps[-1]["status"] != "verified", steps[-1]


def test_a_nonzero_constant_coefficient_does(tmp_path):
    step = r"\mathbb{E}[a X + 1] = a \mathbb{E}[X] + 1"
    steps = check_document_rows(tmp_path, step, assume="a constant, a > 0")
    assert steps[-1]["status"] == "verified", steps[-1]


def test_a_wrong_expansion_of_a_bare_function_name_stays_refuted(tmp_path):
    # red team s48-3: a value that uses the function's parameter is a claim about it, never a
    # new meaning (it was a warned definition, and the wrong derivative after it verified)
    steps = check_document_rows(
        tmp_path,
        "L(p) = p^3 (1 - p)^2",
        "L = p^3 - 2 p^4 + 2 p^5",
        r"\frac{d L}{d p} = 3 p^2 - 8 p^3 + 10 p^4",
    )
    assert steps[1]["status"] == "refuted", steps[1]
    assert steps[2]["status"] != "verified", steps[2]


def test_a_bare_function_name_under_another_heading_is_a_new_meaning(tmp_path):
    # red team s48-4: V = kq/r after V(r) = 4/3 pi r^3 in another section was refuted, and the
    # derivative after it
    doc = tmp_path / "d.md"
    doc.write_text(
        "# t\n\n## Volume\n\n$$ V(r) = \\frac{4}{3} \\pi r^3 $$\n\n## Potential\n\n"
        "$$ V = \\frac{k q}{r} $$\n\n$$ \\frac{d V}{d r} = -\\frac{k q}{r^2} $$\n",
        encoding="utf-8",
    )
    import json

    from helpers import run_eqchain

    steps = json.loads(run_eqchain("check", "--no-cache", "--format", "json", str(doc)).stdout)[
        "derivations"
    ][0]["steps"]
    assert steps[1]["status"] == "definition", steps[1]
    assert any("redefines V" in w for w in steps[1]["warnings"]), steps[1]
    assert steps[2]["status"] == "verified", steps[2]
