"""Red team s45: a value of a name whose square an earlier row defines (``t^2 = 4``, then
``t = 3``) was taken as a given, and rows that follow only from the contradictory pair were
verified."""

from __future__ import annotations

from helpers import check_document_rows


def statuses(steps):
    return [s["status"] for s in steps]


def test_a_value_the_defined_square_contradicts_is_no_given(tmp_path):
    steps = check_document_rows(tmp_path, r"t^2 = 4", r"t = 3", r"t^2 + t = 7")
    assert statuses(steps)[1] != "given", steps
    assert "verified" not in statuses(steps), steps
    steps = check_document_rows(tmp_path, r"s^2 = 5", r"s + 1 = 3", r"s^2 = 2s + 1")
    assert statuses(steps)[1] != "given", steps
    assert "verified" not in statuses(steps), steps


def test_a_value_the_defined_square_allows_is_still_a_given(tmp_path):
    steps = check_document_rows(tmp_path, r"t^2 = 4", r"t = 2", r"t^2 + t = 6", r"t^2 + t = 7")
    assert statuses(steps)[0] == "definition", steps
    assert statuses(steps)[1] in ("definition", "given"), steps
    assert statuses(steps)[2:] == ["verified", "refuted"], steps


def test_an_identity_over_sizes_is_a_claim(tmp_path):
    """Holding at the sizes 1, 2 and 3, it is meant for every size: checked (false at n = 0)."""
    steps = check_document_rows(
        tmp_path,
        r"\sum_{k=0}^{n} \binom{n}{k} (-1)^k = 0",
        r"\sum_{k=0}^{n} \binom{n}{k} (-1)^k + \sum_{k=0}^{n} \binom{n}{k} = 2^n",
    )
    assert statuses(steps)[0] == "refuted", steps
    assert steps[0]["counterexample"]["values"] == {"n": "0"}, steps
    assert statuses(steps)[1] != "verified", steps


def test_an_equation_for_the_size_is_still_a_given(tmp_path):
    """Holding at some sizes only (n = 4; r odd): an equation for the size, a premise."""
    steps = check_document_rows(
        tmp_path,
        r"\sum_{k=1}^{n} k = 10",
        r"\prod_{j=1}^{r} (-1) = -1",
        r"\sum_{k=1}^{m} k = 0",
        r"\sum_{k=1}^{N} k = 5050",  # N = 100: refuted at N = 1 while sizes to 30 were tried
    )
    assert statuses(steps) == ["given", "given", "given", "given"], steps


def test_a_defined_function_at_a_new_name_with_a_constant_is_an_equation(tmp_path):
    """g(a) = 4 after g(t) = t^2 is an equation for a, never g redefined as the constant 4."""
    steps = check_document_rows(tmp_path, r"g(t) = t^2", r"g(a) = 4", r"g(3) = 4", r"g(3) = 9")
    assert statuses(steps)[2:] == ["refuted", "verified"], steps
    steps = check_document_rows(tmp_path, r"g(t) = t^2", r"g(a) = a + 1", r"g(3) = 4")
    assert statuses(steps) == ["definition", "definition", "verified"], steps


def test_tex_glue_after_hskip_is_spacing_never_a_factor(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"x \hskip 0pt + x = x",
        r"x + x = 2x \hskip 1em",
        r"x + x = 2x \hskip 1em plus 2fil minus 1pt",
        r"x + x = 2x \vskip x",
    )
    assert statuses(steps) == ["refuted", "verified", "verified", "unreadable"], steps
    assert "needs its length" in steps[3]["reason"], steps


def test_a_product_before_gamma_leaves_gamma_a_function(tmp_path):
    """x\\Gamma(x) made Gamma a word's tail (as the r of Var(X)), and \\Gamma(n + 1) = n! a
    product refuted at Gamma = 2; a command is no letter of a word."""
    steps = check_document_rows(tmp_path, r"\Gamma(n + 1) = n!", r"\Gamma(x + 1) = x\Gamma(x)")
    assert statuses(steps) == ["unknown", "unknown"], steps
    assert all("Gamma =" not in (s.get("reason") or "") for s in steps), steps


def test_a_parameter_the_law_declares_is_still_the_parameter(tmp_path):
    """H(X) again after H(X) = ... with X stated of a law (its symbol then carries the law's
    assumptions): the same parameter, a redefinition as before, never an equation for X."""
    steps = check_document_rows(
        tmp_path,
        r"X \sim \mathrm{Bern}(p)",
        r"\mathrm{H}(X) = -p \log p - (1-p) \log (1-p)",
        r"\mathrm{H}(X) = - \sum_{x} q(x) \log q(x)",
    )
    assert statuses(steps)[-2:] == ["definition", "definition"], steps


def test_an_additive_constant_is_never_refuted_as_a_name(tmp_path):
    """+ const on one side stands for a constant the author does not write: refuted at
    const = 2 before (a true step); on both sides it cancels, and the step is checked."""
    steps = check_document_rows(
        tmp_path,
        r"\log(2 e^{x}) = x + \mathrm{const}",
        r"\log(2 e^{x}) = x + const",
        r"\log(2 e^{x}) = x + \text{const}",
        r"\log(2 e^{x}) + \mathrm{const} = x + \mathrm{const}",
        r"\log(2 e^{x}) + \mathrm{const} = x + \log 2 + \mathrm{const}",
    )
    assert statuses(steps)[0] == "unknown", steps
    assert statuses(steps)[1] in ("unknown", "given"), steps  # c o n s t: new names
    assert statuses(steps)[2:] == ["unreadable", "refuted", "verified"], steps
    assert "additive constant" in steps[2]["reason"], steps


def test_a_family_member_or_a_power_in_a_given_is_solved_for_in_the_clash_check(tmp_path):
    """\\sigma_x + 1 = 4 after \\sigma_x^2 = 4 (no real value has both) was a given, and
    \\sigma_x^3 = 12 verified; 2 s^2 = 8 beside s^2 = 9 too (red team s45, round 2)."""
    steps = check_document_rows(
        tmp_path, r"\sigma_x^2 = 4", r"\sigma_x + 1 = 4", r"\sigma_x^3 = 12"
    )
    assert statuses(steps)[1] != "given" and statuses(steps)[2] != "verified", steps
    steps = check_document_rows(tmp_path, r"x_1^2 = 4", r"x_1 + 1 = 4", r"x_1^2 = 9")
    assert "verified" not in statuses(steps), steps
    steps = check_document_rows(tmp_path, r"2 s^2 = 8", r"s^2 = 9")
    assert statuses(steps) == ["given", "refuted"], steps


def test_the_bar_of_a_complex_name_is_its_conjugate(tmp_path):
    """|z|^2 = z \\bar z was refuted at z = 1, z-bar = -1 (the bar a name of its own)."""
    steps = check_document_rows(
        tmp_path, r"|z|^2 = z \bar z", r"z + \bar z = 2 z", r"\bar{x} = x", assume="z complex"
    )
    assert statuses(steps)[0] != "refuted", steps
    assert statuses(steps)[1] == "refuted", steps
    assert "i" in steps[1]["counterexample"]["values"]["z"], steps  # off the real line
    assert statuses(steps)[2] == "definition", steps  # a real name's bar: a name (a mean)


def test_two_powers_of_one_name_given_apart_must_agree(tmp_path):
    """2s^2 = 8 and s^3 = 27 (no real s has both) were both givens, and s^3 + 2s^2 = 35
    verified; s^2 = 4 then \\sqrt{s} = 3 too (red team s45, round 4)."""
    steps = check_document_rows(tmp_path, r"2 s^2 = 8", r"s^3 = 27", r"s^3 + 2 s^2 = 35")
    assert statuses(steps)[1] == "refuted" and statuses(steps)[2] != "verified", steps
    steps = check_document_rows(tmp_path, r"s^2 = 4", r"\sqrt{s} = 3", r"s^2 + \sqrt{s} = 7")
    assert "verified" not in statuses(steps), steps
    steps = check_document_rows(tmp_path, r"2 s^2 = 8", r"s^4 = 16", r"s^4 + 2 s^2 = 24")
    assert statuses(steps) == ["given", "given", "verified"], steps  # they agree: s^2 = 4


def test_a_value_of_the_density_at_a_parameter_defines_nothing(tmp_path):
    """f_X(\\lambda) = \\lambda e^{-\\lambda^2} made f_X the author's, and f_X(0) = 0 verified."""
    steps = check_document_rows(
        tmp_path,
        r"X \sim \mathrm{Exp}(\lambda)",
        r"f_X(\lambda) = \lambda e^{-\lambda^2}",
        r"f_X(0) = 0",
    )
    assert statuses(steps) == ["given", "verified", "refuted"], steps


def test_a_barred_name_the_document_defines_stays_a_name(tmp_path):
    """\\bar z = \\frac{a + b}{2} (a mean) in one part, z declared complex for another: the row
    defines the mean (it was read as the conjugate of z, a claim refuted; red team s45)."""
    steps = check_document_rows(
        tmp_path, r"\bar z = \frac{a + b}{2}", r"2 \bar z = a + b", assume="z complex"
    )
    assert statuses(steps) == ["definition", "verified"], steps


def test_a_row_false_for_every_constant_of_its_variable_is_still_refuted(tmp_path):
    """With the variable known (a derivative by mu in the document), + const is of mu: the
    sides differing by an amount that changes with mu is refuted (red team s45, round 3: unknown
    once any refutation with const on one side was); with no variable known, unknown."""
    rows = [
        r"\ell = -\frac{(x - \mu)^2}{2}",
        r"\frac{d}{d \mu} \left(-\frac{(x - \mu)^2}{2}\right) = x - \mu",
        # const written for the first time: a given (an equation naming it), as before
        r"-\frac{(x - \mu)^2}{2} = -\frac{\mu^2}{2} + x \mu + \mathrm{const}",
        r"-\frac{(x - \mu)^2}{2} = -\mu^2 + x \mu + \mathrm{const}",
    ]
    steps = check_document_rows(tmp_path, *rows)
    assert statuses(steps)[2:] == ["given", "refuted"], steps
    assert any("no value of const" in w for w in steps[3]["warnings"]), steps
    # no derivative: the constant may be of any name: not refuted for being one
    steps = check_document_rows(tmp_path, rows[2], rows[3])
    assert statuses(steps)[1] == "unknown", steps
