r"""Red team, stop 36: false rows eqchain verified, each with the valid case beside it.

* a row's condition that the definitions or givens make impossible ("Let $x = 2$", then "If
  $x < 0$: \sqrt{x^2} = x") held vacuously;
* a symbolic lower bound of a sum was made nonnegative (\sum_{k=m}^{m+1} |k| = 2m + 1);
* a name outside a sum over the same letter was made an integer (\sin(\pi k) + \sum_k k);
* identities over sizes only were givens, and SymPy's closed form verified them although they
  fail at n = 0 (\sum_{k=0}^{n} \binom{n}{k} (-1)^k = 0);
* a word in \text before an operator was dropped as prose (\text{cost} - 5 = -5);
* \frac{d}{d} was the fraction d/d = 1."""

from __future__ import annotations

import pytest
from helpers import check_document_rows, run_eqchain


def statuses(tmp_path, *rows):
    return [s["status"] for s in check_document_rows(tmp_path, *rows)]


def check_text(tmp_path, body: str) -> list[str]:
    import json

    doc = tmp_path / "d.md"
    doc.write_text(body, encoding="utf-8")
    out = run_eqchain("check", "--no-cache", "--format", "json", str(doc)).stdout
    return [s["status"] for s in json.loads(out)["derivations"][0]["steps"]]


@pytest.mark.parametrize(
    "case",
    [
        "If $x < 0$, we have\n\n$$ \\sqrt{x^2} = x $$\n",
        "For $x = 3$ we get\n\n$$ x^2 = 4 $$\n",
        "$$ x^2 = 4, \\quad x > 5 $$\n",
    ],
)
def test_a_condition_the_definitions_exclude_is_not_vacuously_true(tmp_path, case):
    body = "Let $x = 2$.\n\n$$ x^2 = 4 $$\n\n" + case
    assert check_text(tmp_path, body)[-1] == "unknown"


def test_a_condition_the_givens_exclude_is_not_vacuously_true(tmp_path):
    body = "$$ u + v = 3 $$\n\n$$ v = 1 $$\n\nIf $u = 5$, we have\n\n$$ u + v = 6 $$\n"
    assert check_text(tmp_path, body)[-1] == "unknown"


def test_a_condition_that_can_hold_is_still_used(tmp_path):
    body = "If $x < 0$, we have\n\n$$ \\sqrt{x^2} = -x $$\n"
    assert check_text(tmp_path, body)[-1] == "verified"


def test_a_symbolic_lower_bound_is_an_integer_of_any_sign(tmp_path):
    assert statuses(tmp_path, r"\sum_{k=m}^{m+1} |k| = 2m + 1") == ["refuted"]
    assert statuses(tmp_path, r"\sum_{k=m}^{m+1} k = 2m + 1") == ["verified"]


def test_a_name_outside_a_sum_over_its_letter_is_no_index(tmp_path):
    assert statuses(tmp_path, r"\sin(\pi k) + \sum_{k=1}^{3} k = 6") != ["verified"]
    assert statuses(tmp_path, r"(-1)^{2k} \sum_{k=1}^{2} k = 3") != ["verified"]


@pytest.mark.parametrize(
    ("row", "status"),
    [
        # a number on one side, holding at the sizes 1, 2, 3: an identity, a claim refuted at
        # n = 0 (a given until red team s45, and rows verified from it), never verified by
        # SymPy's closed form; \prod_{k=1}^{N} k = 120 (an equation for N) stays a given
        (r"\sum_{k=0}^{n} \binom{n}{k} (-1)^k = 0", "refuted"),
        (r"\sum_{k=1}^{n} (-1)^{k} \binom{n}{k} = -1", "refuted"),
        (r"\prod_{k=1}^{N} k = 120", "given"),
        (r"\sum_{k=0}^{n-1} \binom{n}{k} (-1)^k = (-1)^{n+1}", "refuted"),
    ],
)
def test_identities_over_sizes_that_fail_at_zero_are_not_verified(tmp_path, row, status):
    assert statuses(tmp_path, row) == [status]


def test_an_identity_over_sizes_that_holds_is_verified(tmp_path):
    assert statuses(tmp_path, r"\sum_{k=0}^{n} \binom{n}{k} = 2^n") == ["verified"]


@pytest.mark.parametrize("row", [r"\text{cost} - 5 = -5", r"\text{total} + 3 = 3"])
def test_a_word_in_text_before_an_operator_is_unreadable(tmp_path, row):
    assert statuses(tmp_path, row) == ["unreadable"]


def test_a_label_in_text_before_a_formula_stays_prose(tmp_path):
    assert statuses(tmp_path, r"\text{so} \quad x + 1 = 1 + x") == ["verified"]


def test_a_derivative_without_its_variable_is_unreadable(tmp_path):
    assert statuses(tmp_path, r"\frac{d}{d}(x^3) = x^3") == ["unreadable"]


def test_contradicting_declarations_in_a_derivation_file_are_an_input_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[symbols]\nx = "positive negative"\n[[steps]]\nclaim = "x = x"\n')
    good = tmp_path / "good.md"
    good.write_text("$$ x + 1 = 1 + x $$\n")
    ran = run_eqchain("check", "--no-cache", str(bad), str(good))
    assert "contradict each other" in ran.stdout + ran.stderr
    assert "internal error" not in ran.stdout + ran.stderr
    assert "1 verified" in ran.stdout  # the other file is still checked


@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_a_time_limit_must_be_a_finite_number(tmp_path, value):
    doc = tmp_path / "d.md"
    doc.write_text("$$ x + 1 = 1 + x $$\n")
    ran = run_eqchain("check", "--timeout", value, str(doc))
    assert ran.returncode == 2 and "--timeout" in ran.stdout + ran.stderr


# -- sums of powers of 0 (a geometric series at p = 1; Japanese helper, stop 36) --------------


@pytest.mark.parametrize(
    ("row", "status"),
    [
        (r"\sum_{k=1}^{\infty} 0^{k-1} = 0", "refuted"),
        (r"\sum_{k=1}^{\infty} 0^{k-1} = 1", "verified"),
        (r"\sum_{k=0}^{\infty} 0^{k} = 1", "verified"),
    ],
)
def test_the_first_term_of_a_series_of_powers_of_zero_is_one(tmp_path, row, status):
    assert statuses(tmp_path, "T = " + row)[-1] == status


def test_a_geometric_series_at_ratio_zero_is_not_zero(tmp_path):
    body = "<!-- eqchain: assume p = 1 -->\n$$\nG = p \\sum_{k=1}^{\\infty} k (1-p)^{k-1} = 0\n$$\n"
    assert check_text(tmp_path, body)[-1] == "refuted"


# -- a_{2n} beside a_n: the member at 2n (red team, stop 36) -----------------------------------


def test_a_member_at_a_multiple_of_the_index_is_one_index(tmp_path):
    assert statuses(tmp_path, r"a_n = n^2", r"a_{2n} = 4 a_n") == ["definition", "verified"]
    assert statuses(tmp_path, r"a_n = n^2", r"a_{2n} = 2 a_n") == ["definition", "refuted"]
    rows = (r"S_n = \sum_{k=1}^{n} k", r"S_{2n} = n (2n + 1)")
    assert statuses(tmp_path, *rows) == ["definition", "verified"]


def test_a_matrix_row_one_stays_two_indices():
    from eqchain.latex.names import single_mark
    from eqchain.latex.read import read_formula

    marks = frozenset({"\x00index j", single_mark("w", "j")})
    (side, _) = read_formula(r"w_{1j} = 1", functions=marks).sides
    assert len(side.indices) == 2


@pytest.mark.parametrize(
    "row",
    [
        r"1 + 2 + \cdots + 2^n = 2^{n+1} - 1",
        r"1 + 2 + \cdots + 2^{n-1} = 1",
        r"1 + \frac12 + \cdots + \frac{1}{2^n} = 2 - \frac{1}{2^n}",
        r"1 + 2^{-1} + \cdots + 2^{-n} = 2 - 2^{-n}",
        r"1 + 2 + \cdots + 2^{10} = 2047",
    ],
)
def test_numbers_then_a_power_of_a_number_around_an_ellipsis_are_ambiguous(tmp_path, row):
    # consecutive integers up to 2^n, or the powers of 2? (read as the first, the textbook
    # geometric sum was refuted and 2^{n-1}(2^n + 1) verified)
    assert statuses(tmp_path, row) == ["unreadable"]


def test_consecutive_integers_around_an_ellipsis_are_read(tmp_path):
    assert statuses(tmp_path, r"1 + 2 + \cdots + n = \frac{n(n+1)}{2}") == ["verified"]


@pytest.mark.parametrize(
    "row", [r"\textbf{cost} - 5 = -5", r"\mbox{cost} - 5 = -5", r"\text{total cost} - 5 = -5"]
)
def test_words_in_other_text_commands_before_an_operator_are_unreadable(tmp_path, row):
    assert statuses(tmp_path, row) == ["unreadable"]


@pytest.mark.parametrize("row", [r"\frac{{d}}{{d}}(x^3) = x^3", r"\frac{d x^3}{d} = x^3"])
def test_other_derivatives_without_their_variable_are_unreadable(tmp_path, row):
    assert statuses(tmp_path, row) == ["unreadable"]


def test_fractions_over_d_stay_fractions(tmp_path):
    assert statuses(tmp_path, r"\frac{d + 1}{d} = 1 + \frac{1}{d}")[-1] != "unreadable"


@pytest.mark.parametrize("assume", ["x > 2, x < 1", "x negative, x > 1", "y_k > 0, y_1 < 0"])
def test_assumptions_that_leave_a_name_no_value_are_an_input_error(tmp_path, assume):
    # every claim held vacuously under them (sqrt((x-1)^2) = 1 - x was verified, exit 0)
    doc = tmp_path / "d.md"
    doc.write_text("$$ \\sqrt{(x-1)^2} = 1 - x $$\n\n$$ \\sqrt{y_1^2} = -y_1 $$\n")
    ran = run_eqchain("check", "--no-cache", "--assume", assume, str(doc))
    assert ran.returncode == 2, ran.stdout
    assert "no value" in ran.stdout + ran.stderr or "contradict" in ran.stdout + ran.stderr


def test_assumptions_that_leave_a_value_are_used(tmp_path):
    doc = tmp_path / "d.md"
    doc.write_text("$$ \\sqrt{(x-1)^2} = 1 - x $$\n")
    ran = run_eqchain("check", "--no-cache", "--assume", "x > 0, x < 1", str(doc))
    assert ran.returncode == 0, ran.stdout


def test_coth_is_read_and_has_its_pole(tmp_path):
    # \coth was an unknown command; its pole at 0 is part of its domain
    got = check_document_rows(tmp_path, r"\coth x = \frac{\cosh x}{\sinh x}")[-1]
    assert got["status"] in ("verified", "unknown") and "unknown LaTeX" not in got["reason"]
    assert statuses(tmp_path, r"\coth x = \tanh x") == ["refuted"]


def test_a_spaced_multiple_of_an_index_is_one_index(tmp_path):
    assert statuses(tmp_path, r"a_n = n^2", r"a_{2 n} = 4 a_n") == ["definition", "verified"]


def test_a_symbolic_negative_power_of_a_function_is_ambiguous(tmp_path):
    assert statuses(tmp_path, r"\sin^{-a}(x) = 1") == ["unreadable"]


def test_an_ellipsis_of_powers_written_alike_is_read(tmp_path):
    # every term a power of 2: nothing ambiguous (red team 3: it became unreadable)
    assert statuses(tmp_path, r"2^0 + 2^1 + \cdots + 2^n = 2^{n+1} - 1") == ["verified"]


def test_coefficients_put_to_one_and_zero_are_no_one_hot(tmp_path):
    # f = ax + b, then = x: a = 1, b = 0 was named one_hot and verified
    rows = (r"\begin{aligned} f &= a x + b \\ &= x \end{aligned}",)
    assert statuses(tmp_path, *rows)[-1] == "unknown"


def test_a_connective_in_text_before_a_minus_sign_stays_prose(tmp_path):
    assert statuses(tmp_path, r"\text{so} \quad -x + 3 = 3 - x") == ["verified"]
