"""Red team 25 (issue 12): defects left open by red team 24, each through a derivation file or
a document.

1. A letter that indexes two families declared over different ranges (z over 1..n, w over
   0..n) is one index: positive only when every range starts at 1 or above, and a fact about
   its range holds only when it holds for every range declared for it. A counterexample
   respects the declared range of every family it names a member of (no z_0).
2. A Kronecker delta's indices are integers in a counterexample, also where a row's condition
   i = j has collapsed the delta (never j = 27/4).
3. The ends of a row condition's range ``k = 1, \\ldots, n`` are integers (never n = 19/16).
4. The variable of a sum or integral does not capture a name free in the body of a defined
   function applied inside it (``f(x) = e^{tx}``, ``\\sum_{t=1}^{2} f(x)`` is ``2 e^{tx}``).
5. A numbered member and a definition of every member of the same family: two definitions are
   an error at the second (line and column); a given and a definition, a warning."""

from __future__ import annotations

import json
import textwrap

import pytest
from helpers import check_document_rows, check_text, claims, run_eqchain

from eqchain.errors import InputError

TWO_RANGES = """
title.en = "t"
[symbols]
n = "integer positive"
{first}
{second}
"""
Z = 'z = { index = "i", range = "1..n" }'
W = 'w = { index = "i", range = "0..n" }'


def statuses(tmp_path, symbols: str, *claims_text: str) -> list:
    body = symbols + "".join(f"\n[[steps]]\nclaim = '{c}'\n" for c in claims_text)
    return [r for r in claims(check_text(tmp_path, body))]


@pytest.mark.parametrize("order", [(Z, W), (W, Z)])
def test_a_member_below_the_range_is_no_counterexample(tmp_path, order):
    # true for every i in 1..n, the range of z; the letter i also indexes w over 0..n
    symbols = TWO_RANGES.format(first=order[0], second=order[1])
    claim = r"\frac{\partial}{\partial z_i} \sum_{k=1}^{n} z_k^2 = 2 z_i"
    (result,) = statuses(tmp_path, symbols, claim)
    # the step writes z_i: i lies in z's range, where the derivative keeps the i-th term
    assert result.verdict.value == "verified", result


@pytest.mark.parametrize("order", [(Z, W), (W, Z)])
def test_the_range_of_one_family_is_not_taken_for_the_other(tmp_path, order):
    # false at i = 0 (w_0 (0) against -w_0): z's range 1..n says nothing of w's i
    symbols = TWO_RANGES.format(first=order[0], second=order[1])
    (result,) = statuses(tmp_path, symbols, r"w_i \sum_{k=1}^{i-1} 1 = w_i (i - 1) + w_i")
    assert result.verdict.value != "verified", result
    (result,) = statuses(
        tmp_path, symbols, r"\sum_{k=1}^{n} \delta_{ik} w_k = w_i"
    )  # i = 0: 0 against w_0
    assert result.verdict.value != "verified", result


def test_a_wrong_step_is_still_refuted_inside_the_range(tmp_path):
    symbols = TWO_RANGES.format(first=Z, second=W)
    claim = r"\frac{\partial}{\partial z_i} \sum_{k=1}^{n} z_k^2 = z_i"
    (result,) = statuses(tmp_path, symbols, claim)
    assert result.verdict.value == "refuted", result
    shown = dict(result.counterexample.values)
    assert int(shown["i"]) >= 1, shown


def test_a_sum_beyond_the_declared_range_is_not_refuted_with_a_member_outside_it(tmp_path):
    symbols = TWO_RANGES.format(first=W, second=Z)
    # z_0 does not exist: the step is about nothing there, never wrong at z_0 = -2
    (result,) = statuses(tmp_path, symbols, r"\sum_{i=0}^{n} z_i = \sum_{i=1}^{n} z_i")
    assert result.verdict.value != "refuted", result


def test_a_kronecker_delta_index_is_an_integer_under_a_condition(tmp_path):
    (valid,) = check_document_rows(tmp_path, r"\delta_{ij} \cos(2 \pi j) = 1, \quad i = j")
    assert valid["status"] != "refuted", valid
    (wrong,) = check_document_rows(tmp_path, r"\delta_{ij} \cos(\pi j) = 1, \quad i = j")
    assert wrong["status"] == "refuted", wrong


def test_a_kronecker_delta_index_with_no_range_gives_no_counterexample(tmp_path):
    # j = 27/4 is no index, and which integers the author means is not said
    (row,) = check_document_rows(tmp_path, r"\delta_{ij} \cos(2 \pi j) = \delta_{ij}")
    assert row["status"] != "refuted", row


DELTA = """
title.en = "t"
[symbols]
i = "integer"
j = "integer"

[[steps]]
claim = '{claim}'
"""


@pytest.mark.parametrize(
    "claim, expected",
    [
        (r"\delta_{ij} \cos(2 \pi j) = \delta_{ij}", "verified"),
        (r"\delta_{ij} \cos(\pi j) = \delta_{ij}", "refuted"),
    ],
)
def test_a_kronecker_delta_index_declared_an_integer(tmp_path, claim, expected):
    (result,) = claims(check_text(tmp_path, DELTA.format(claim=claim)))
    assert result.verdict.value == expected, result
    if expected == "refuted":
        assert all("/" not in v for _, v in result.counterexample.values), result


ROW_RANGE = """
title.en = "t"
[symbols]
n = "positive"
k = "integer"
x = "real"
"""


def test_the_end_of_a_row_range_is_an_integer(tmp_path):
    results = statuses(
        tmp_path,
        ROW_RANGE,
        r"\cos(2 \pi n) x = x, \quad k = 1, \ldots, n",
        r"\sum_{j=1}^{k} 1 + \sum_{j=k+1}^{n} 1 = n, \quad k = 1, \ldots, n",
    )
    assert [r.verdict.value for r in results] == ["verified", "verified"], results


def test_a_wrong_step_under_a_row_range_is_refuted(tmp_path):
    claim = r"\sum_{j=1}^{k} 1 + \sum_{j=k+1}^{n} 1 = n + 1, \quad k = 1, \ldots, n"
    (result,) = statuses(tmp_path, ROW_RANGE, claim)
    assert result.verdict.value == "refuted", result


CAPTURE = """
title.en = "t"
[symbols]
t = "integer"
x = "real"
f = {{ function = true }}

[[steps]]
kind = "definition"
claim = 'f(x) = e^{{t x}}'

[[steps]]
claim = '{claim}'
"""


@pytest.mark.parametrize(
    "claim, expected",
    [
        (r"\sum_{t=1}^{2} f(x) = 2 e^{t x}", "verified"),
        (r"\sum_{t=1}^{2} f(x) = e^{x} + e^{2x}", "refuted"),
        (r"\prod_{t=1}^{2} f(x) = e^{2 t x}", "verified"),
        (r"\int_{0}^{1} f(x) \, dt = e^{t x}", "verified"),
    ],
)
def test_a_bound_variable_does_not_capture_the_bodys_name(tmp_path, claim, expected):
    (result,) = claims(check_text(tmp_path, CAPTURE.format(claim=claim)))
    assert result.verdict.value == expected, result


@pytest.mark.parametrize(
    "row, expected",
    [
        (r"\int_0^1 f(x) \, dt = e^{t x}", "verified"),
        (r"\int_0^1 f(x) \, dt = \frac{e^{x} - 1}{x}", "refuted"),
    ],
)
def test_an_integral_does_not_capture_the_bodys_name_in_a_document(tmp_path, row, expected):
    results = check_document_rows(tmp_path, r"f(x) = e^{t x}", row)
    assert results[-1]["status"] == expected, results[-1]


MEMBERS = """
title.en = "t"
[symbols]
N = "integer positive"
w = "real"
a = {{ index = "n", range = "1..N" }}
x = {{ index = "n", range = "1..N" }}

[[steps]]
kind = "{first_kind}"
claim = '{first}'

[[steps]]
kind = "definition"
claim = '{second}'
"""


@pytest.mark.parametrize(
    "first, second",
    [("a_1 = 5", "a_n = w x_n"), ("a_n = w x_n", "a_1 = 5")],
)
def test_a_member_defined_twice_is_an_error_with_its_place(tmp_path, first, second):
    text = MEMBERS.format(first_kind="definition", first=first, second=second)
    with pytest.raises(InputError) as err:
        check_text(tmp_path, text)
    assert err.value.line == 15 and err.value.column == 10, err.value
    assert "a_{1}" in err.value.message and "line 11" in err.value.message


def test_a_member_defined_twice_through_the_cli(tmp_path):
    path = tmp_path / "d.toml"
    text = MEMBERS.format(first_kind="definition", first="a_1 = 5", second="a_n = w x_n")
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    ran = run_eqchain("check", "--no-cache", str(path))
    assert ran.returncode != 0
    assert "d.toml:15:10:" in ran.stdout + ran.stderr


def test_a_given_member_then_a_definition_of_every_member_warns(tmp_path):
    steps = check_document_rows(tmp_path, "a_1 = 5", "a_n = w x_n", "w x_1 = 5")
    assert steps[0]["status"] == "given"
    assert steps[1]["status"] == "definition"
    (warning,) = steps[1]["warnings"]
    assert "a_{1}" in warning and "line 3" in warning, warning
    assert steps[2]["status"] == "verified"  # both hold: the author was told


def test_a_definition_of_every_member_alone_does_not_warn(tmp_path):
    steps = check_document_rows(tmp_path, "a_n = w x_n", "a_1 = w x_1")
    assert steps[0]["warnings"] == [] and steps[1]["status"] == "verified", steps


def test_json_counterexample_shape_is_kept(tmp_path):
    # the helpers above read a counterexample's values as (name, value) pairs
    (wrong,) = check_document_rows(tmp_path, r"x + 1 = x")
    assert wrong["status"] == "refuted"
    json.dumps(wrong["counterexample"])


def test_a_document_letter_beside_a_family_summed_over_two_ranges_is_not_placed(tmp_path):
    # i indexes w, which the document sums over 0..K and 1..K: w_0 exists, and at i = 0 the
    # delta keeps no term (0 against w_0); the range 1..K of z says nothing of w's i
    rows = [
        r"A = \sum_{k=1}^{K} z_k + \sum_{k=0}^{K} w_k",
        r"\sum_{k=1}^{K} \delta_{ik} w_k = w_i",
        r"\frac{\partial}{\partial z_i} \sum_{k=1}^{K} z_k^2 = 2 z_i",
    ]
    steps = check_document_rows(tmp_path, *rows)
    assert steps[1]["status"] != "verified", steps[1]
    assert steps[2]["status"] != "refuted", steps[2]


def test_a_given_over_a_shared_letter_shows_no_member_outside_its_range(tmp_path):
    # the given z_i = w_i + 1 holds for i in 1..n (z's range); the wrong step is refuted, and
    # the counterexample names no z_0
    text = TWO_RANGES.format(first=Z, second=W) + (
        "\n[[steps]]\nkind = \"given\"\nclaim = 'z_i = w_i + 1'\n"
        "\n[[steps]]\nclaim = '\\sum_{k=0}^{n} w_k = w_0 + \\sum_{k=1}^{n} z_k'\n"
    )
    (result,) = claims(check_text(tmp_path, text))
    assert result.verdict.value == "refuted", result
    names = [name for name, _ in result.counterexample.values]
    assert "z_{0}" not in names and "z_0" not in names, names


@pytest.mark.parametrize(
    "row, expected",
    [
        (r"\lim_{t \to 0} f(x) = x + t", "verified"),  # the body's t is the t outside
        (r"\lim_{t \to 0} f(x) = x", "refuted"),
        (r"\mathbb{E}_{t \sim p}[f(x)] = x + t", "verified"),
    ],
)
def test_a_limit_or_expectation_does_not_capture_the_bodys_name(tmp_path, row, expected):
    results = check_document_rows(tmp_path, r"f(x) = x + t", row)
    assert results[-1]["status"] == expected, results[-1]


TWO_INDICES = """
title.en = "t"
[symbols]
N = "integer positive"
K = "integer positive"
w = "real"
a = { index = ["n", "k"], range = ["1..N", "1..K"] }
x = { index = ["n", "k"], range = ["1..N", "1..K"] }

[[steps]]
kind = "definition"
claim = 'a_{1k} = 5 x_{1k}'

[[steps]]
kind = "definition"
claim = 'a_{nk} = w x_{nk}'
"""


def test_a_row_of_members_then_every_member_is_an_error(tmp_path):
    with pytest.raises(InputError) as err:
        check_text(tmp_path, TWO_INDICES)
    assert "a_{1,k}" in err.value.message and err.value.line == 16, err.value


def test_a_second_definition_of_every_member_in_a_document_is_a_claim(tmp_path):
    steps = check_document_rows(tmp_path, "y_k = k^2", "y_j = j^3")
    assert steps[0]["status"] == "definition"
    assert steps[1]["status"] == "refuted", steps[1]  # y_j is j^2 by the first row
