r"""A given that no real value satisfies, in a document whose symbols are real unless declared
otherwise (``\cos x = 2``, ``x^2 + 1 = 0``), is no premise: taken as one, every row after it
followed vacuously (``\cos^2 x = 4`` verified by substitution). Such a row is a claim, refuted
at a real value; one with a real solution stays a given; a name declared complex may solve it.
Found by the red team (stop 36, red/repro/04)."""

from __future__ import annotations

from helpers import check_document_rows


def _steps(tmp_path, *rows, assume=None):
    return [
        (s["status"], s.get("reason", ""))
        for s in check_document_rows(tmp_path, *rows, assume=assume)
    ]


def test_a_given_with_a_real_solution_is_taken_and_what_follows_is_verified(tmp_path):
    steps = _steps(tmp_path, r"\cos x = \frac{1}{2}", r"\cos^2 x = \frac{1}{4}")
    assert [s for s, _ in steps] == ["given", "verified"]


def test_a_cosine_equal_to_two_is_refuted_not_given(tmp_path):
    steps = _steps(tmp_path, r"\cos x = 2", r"\cos^2 x = 4")
    assert steps[0][0] == "refuted"
    assert steps[1][0] != "verified"


def test_a_square_equal_to_minus_one_is_refuted_not_given(tmp_path):
    steps = _steps(tmp_path, r"x^2 + 1 = 0", r"x^2 = -1")
    assert steps[0][0] == "refuted"
    assert steps[1][0] != "verified"


def test_a_sine_squared_equal_to_four_is_refuted(tmp_path):
    steps = _steps(tmp_path, r"\sin^2 t = 4", r"\sin t = 2")
    assert steps[0][0] == "refuted"
    assert steps[1][0] != "verified"


def test_a_name_declared_complex_may_solve_it(tmp_path):
    steps = _steps(tmp_path, r"z^2 + 1 = 0", r"z^2 = -1", assume="z complex")
    assert [s for s, _ in steps] == ["given", "verified"]


def test_an_equation_of_two_unknowns_with_no_real_solution_is_refuted(tmp_path):
    steps = _steps(tmp_path, r"a^2 + b^2 = -1", r"a^2 = -1 - b^2")
    assert steps[0][0] == "refuted"
    assert steps[1][0] != "verified"


def test_an_equation_solvable_in_reals_stays_a_given(tmp_path):
    # e^a = 2 has the real solution log 2, a^3 = -8 has -2
    for given, after in ((r"e^{a} = 2", r"2 e^{a} = 4"), (r"a^3 = -8", r"a^3 + 8 = 0")):
        steps = _steps(tmp_path, given, after)
        assert steps[0][0] in ("given", "definition"), given
        assert steps[1][0] == "verified", given


def test_the_reason_says_why_in_english_and_japanese(tmp_path):
    from helpers import run_eqchain

    steps = _steps(tmp_path, r"\cos x = 2")
    assert "no real value of x satisfies it" in steps[0][1]
    ran = run_eqchain("check", "--no-cache", "--lang", "ja", str(tmp_path / "d.md"))
    assert "これを満たす実数" in ran.stdout and "英語の理由" not in ran.stdout


def test_a_name_declared_complex_in_the_prose_or_by_set_may_solve_it(tmp_path):
    from helpers import run_eqchain

    doc = tmp_path / "c.md"
    doc.write_text("# t\n\nLet $z \\in \\mathbb{C}$.\n\n$$ z^2 + 1 = 0 $$\n\n$$ z^2 = -1 $$\n")
    ran = run_eqchain("check", "--no-cache", str(doc))
    assert ran.returncode == 0, ran.stdout
    steps = _steps(tmp_path, r"w^2 + 1 = 0", r"w^2 = -1", assume=r"w \in \mathbb{C}")
    assert [s for s, _ in steps] == ["given", "verified"]


def test_the_imaginary_unit_stated_is_not_refuted(tmp_path):
    assert _steps(tmp_path, r"i^2 = -1")[0][0] != "refuted"


def test_a_sum_of_squares_equal_to_a_negative_number_is_refuted(tmp_path):
    # the red team: \sum_i x_i^2 = -1 was a given and \sum_i x_i^2 + 5 = 4 verified
    rows = (r"\sum_{i=1}^{n} x_i^2 = -1", r"\sum_{i=1}^{n} x_i^2 + 5 = 4")
    steps = _steps(tmp_path, *rows)
    assert steps[0][0] == "refuted" and steps[1][0] != "verified"


def test_members_are_named_not_their_family(tmp_path):
    (first, _) = _steps(tmp_path, r"x_1^2 + x_2^2 = -1", r"x_1^2 = -1 - x_2^2")
    assert first[0] == "refuted"
    assert "no real value of x_{1}, x_{2} satisfies" in first[1]


def test_only_polynomial_equations_in_i_or_j_state_the_imaginary_unit(tmp_path):
    steps = _steps(tmp_path, r"\cos j = 2", r"\cos^2 j = 4")
    assert steps[0][0] == "refuted" and steps[1][0] != "verified"


def test_an_inverse_function_beyond_its_range_is_refuted_not_given(tmp_path):
    # red team s47: SymPy's solveset gives sin(2) for arcsin x = 2 (arcsin(sin 2) = pi - 2)
    for given, after in (
        (r"\arcsin x = 2", r"y \arcsin x = 2 y"),
        (r"\arctan x = 2", r"y \arctan x = 2 y"),
        (r"\arccos x = -1", r"y \arccos x = -y"),
        (r"\Gamma(x) = 0", r"\Gamma(x) + y = y"),
    ):
        steps = _steps(tmp_path, given, after)
        assert steps[0][0] == "refuted", (given, steps)
        assert steps[1][0] != "verified", (given, steps)


def test_an_inverse_function_within_its_range_stays_a_given(tmp_path):
    steps = _steps(tmp_path, r"\arcsin x = 1", r"y \arcsin x = y")
    assert [s for s, _ in steps] == ["given", "verified"]
