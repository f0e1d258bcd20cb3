"""Issue 13, class 3: declarations are premises, and what breaks them is refused.

A definition, a given or a ``where`` value that contradicts a declaration (``even``, ``odd``,
``prime``, ``rational``, ``integer``, signs) would make every later verdict about a situation
the declarations exclude; a declaration of a name the reader takes for a constant (``e``,
``\\pi``) would be silently ignored. Both are input errors. Each case has its valid twin, which
must still be accepted (and whose verified steps the numeric oracle re-judges).
"""

from __future__ import annotations

import pytest

from eqchain.errors import InputError
from eqchain.model import Verdict

from .judged import check_file, check_markdown, claims


def derivation(symbols: str, *steps: str) -> str:
    """A derivation file: ``symbols`` under [symbols], then one [[steps]] table per step (its
    claim, then more TOML lines)."""
    text = "[symbols]\n" + symbols + "\n"
    for s in steps:
        claim, _, rest = s.partition("\n")
        text += f"[[steps]]\nclaim = '{claim}'\n{rest}\n"
    return text


DEF = 'kind = "definition"'
GIVEN = 'kind = "given"'

# (name, the file that breaks a declaration, its valid twin)
CASES = [
    # -- definitions -------------------------------------------------------------------------
    (
        "even_defined_as_odd",
        derivation('m = "integer"\nn = "even integer"', f"n = 2m + 1\n{DEF}", "(-1)^{n} = 1"),
        derivation('m = "integer"\nn = "even integer"', f"n = 2m\n{DEF}", "(-1)^{n} = 1"),
    ),
    (
        "odd_defined_as_even",
        derivation('m = "integer"\nn = "odd integer"', f"n = 2m\n{DEF}", "(-1)^{n} = -1"),
        derivation('m = "integer"\nn = "odd integer"', f"n = 2m + 1\n{DEF}", "(-1)^{n} = -1"),
    ),
    (
        "prime_defined_as_composite",
        derivation('p = "prime"', f"p = 4\n{DEF}", "p + 1 = 5"),
        derivation('p = "prime"', f"p = 7\n{DEF}", "p + 1 = 8"),
    ),
    (
        "rational_defined_as_irrational",
        derivation('q = "rational"', f"q = \\sqrt{{2}}\n{DEF}", "q^{2} = 2"),
        derivation('q = "rational"', f"q = \\frac{{3}}{{4}}\n{DEF}", "4 q = 3"),
    ),
    (
        "integer_defined_as_a_half",
        derivation('n = "integer"', f"n = \\frac{{1}}{{2}}\n{DEF}", "2 n = 1"),
        derivation('n = "integer"', f"n = 3\n{DEF}", "2 n = 6"),
    ),
    # -- where values ------------------------------------------------------------------------
    (
        "where_odd_value_for_even_n",
        derivation('n = "even integer"', "(-1)^{n} = -1\nwhere = { n = 3 }"),
        derivation('n = "even integer"', "(-1)^{n} = 1\nwhere = { n = 4 }"),
    ),
    (
        "where_even_value_for_odd_n",
        derivation('n = "odd integer"', "(-1)^{n} = 1\nwhere = { n = 4 }"),
        derivation('n = "odd integer"', "(-1)^{n} = -1\nwhere = { n = 5 }"),
    ),
    (
        "where_composite_value_for_prime_p",
        derivation('p = "prime"', "p = 9\nwhere = { p = 9 }"),
        derivation('p = "prime"', "p = 7\nwhere = { p = 7 }"),
    ),
    (
        "where_fraction_for_integer_n",
        derivation('n = "integer"', '2 n = 1\nwhere = { n = "1/2" }'),
        derivation('n = "integer"', "2 n = 4\nwhere = { n = 2 }"),
    ),
    (
        "where_odd_member_of_an_even_family",
        derivation(
            't = { index = "k", range = "1..2", assume = "even integer" }',
            "t_1 + t_2 = 5\nwhere = { t = [2, 3] }",
        ),
        derivation(
            't = { index = "k", range = "1..2", assume = "even integer" }',
            "t_1 + t_2 = 6\nwhere = { t = [2, 4] }",
        ),
    ),
    # -- givens, with or without a bare symbol on a side ---------------------------------------
    (
        "given_odd_value_for_even_n",
        derivation('m = "integer"\nn = "even integer"', f"n = 2m + 1\n{GIVEN}", "(-1)^{n} = 1"),
        derivation('m = "integer"\nn = "even integer"', f"n = 2m\n{GIVEN}", "(-1)^{n} = 1"),
    ),
    (
        "given_even_equals_odd_with_no_bare_symbol",
        derivation('m = "integer"\nn = "integer"', f"2 n = 2 m + 1\n{GIVEN}", "n = m + 1"),
        derivation('m = "integer"\nn = "integer"', f"2 n = 2 m + 2\n{GIVEN}", "n = m + 1"),
    ),
    (
        "given_positive_sum_equal_to_zero",
        derivation('x = "positive"', f"x + 1 = 0\n{GIVEN}", "x = -1"),
        derivation('x = "positive"', f"x - 1 = 0\n{GIVEN}", "x = 1"),
    ),
    (
        "given_square_of_a_real_is_negative",
        derivation('x = "real"', f"x^{{2}} = -1\n{GIVEN}", "x^{2} + 1 = 0"),
        derivation('x = "real"', f"x^{{2}} = 1\n{GIVEN}", "x^{2} + 1 = 2"),
    ),
    (
        "given_family_member_odd_for_an_even_family",
        derivation(
            'K = "integer positive"\nt = { index = "k", range = "1..K", assume = "even integer" }',
            f"t_k = 2 k + 1\n{GIVEN}",
            "(-1)^{t_k} = -1",
        ),
        derivation(
            'K = "integer positive"\nt = { index = "k", range = "1..K", assume = "even integer" }',
            f"t_k = 2 k\n{GIVEN}",
            "(-1)^{t_k} = 1",
        ),
    ),
    (
        "given_negative_product_of_positives",
        derivation('a = "positive"\nb = "positive"', f"a b = -2\n{GIVEN}", "a = -2 / b"),
        derivation('a = "positive"\nb = "positive"', f"a b = 2\n{GIVEN}", "a = \\frac{2}{b}"),
    ),
    # -- names the reader takes for constants --------------------------------------------------
    (
        "declaring_e",
        derivation('e = "positive"\nx = "real"', "x + 0 = x"),
        derivation('f = "positive"\nx = "real"', "x + 0 = x"),
    ),
    (
        "declaring_pi",
        derivation('pi = "positive"\nx = "real"', "x + 0 = x"),
        derivation('pi = { index = "k", range = "1..3", assume = "positive" }', "\\pi_1 = \\pi_1"),
    ),
]


@pytest.mark.parametrize(("broken", "twin"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_what_breaks_a_declaration_is_an_input_error(tmp_path, broken, twin):
    with pytest.raises(InputError):
        check_file(tmp_path, broken)


@pytest.mark.parametrize(("broken", "twin"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_the_valid_twin_is_accepted_and_its_claims_verified(tmp_path, broken, twin):
    results = claims(check_file(tmp_path, twin))
    assert results and all(r.verdict is Verdict.VERIFIED for r in results), [
        (r.step.claim, r.verdict, r.reason) for r in results
    ]


def test_the_error_says_which_declaration_a_given_contradicts(tmp_path):
    with pytest.raises(InputError, match="even"):
        check_file(tmp_path, CASES[11][1])


def test_declaring_e_says_it_is_eulers_number(tmp_path):
    with pytest.raises(InputError, match="Euler"):
        check_file(tmp_path, CASES[-2][1])


def test_a_document_may_not_assume_anything_of_e(tmp_path):
    with pytest.raises(InputError, match="Euler"):
        check_markdown(tmp_path, "$$\ne^{2} = e \\cdot e\n$$\n", assume="e > 0")


def test_an_undecidable_given_is_accepted_without_a_guess(tmp_path):
    # n even = a + b with a, b integers: SymPy cannot decide, so nothing is said.
    text = derivation(
        'a = "integer"\nb = "integer"\nn = "even integer"', f"n = a + b\n{GIVEN}", "n - a = b"
    )
    results = check_file(tmp_path, text)
    assert results[0].verdict is Verdict.GIVEN
    assert results[1].verdict is Verdict.VERIFIED
