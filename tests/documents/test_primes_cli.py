"""Issue 11, end to end: primes in a Markdown post, checked through the CLI. ``M'(t)``, ``M'(0)``,
``M''(0)`` of a function the post defines are its derivatives (at the point); a wrong value is
refuted; the derivative at a point where there is none (``|x|`` at 0) is never verified; an
unknown function's derivative at a point is unknown; ``e(p)`` defined and differentiated as
``e'(p)`` is a function, not Euler's number; ``l'(p, \\lambda)`` stays unreadable."""

from __future__ import annotations

from helpers import check_document_rows


def statuses(steps):
    return [s["status"] for s in steps]


def test_derivatives_written_with_primes_are_checked(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"M(t) = e^{2t} + t^3",
        r"M'(t) = 2 e^{2t} + 3t^2",  # valid
        r"M'(0) = 2",  # valid: at a point
        r"M''(0) = 5",  # wrong: 4
        r"M'_X(0) = M'_X(0)",
        r"(\tanh x)' = 1 - \tanh^2 x",  # valid
        r"(\tanh x)' = 1 + \tanh^2 x",  # wrong
    )
    assert statuses(steps) == [
        "definition",
        "verified",
        "verified",
        "refuted",
        "verified",
        "verified",
        "refuted",
    ]
    assert steps[3]["counterexample"]["lhs"] == "4"


def test_no_derivative_at_a_point_where_there_is_none(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"f(x) = |x|",
        r"f'(0) = 0",  # |x| has no derivative at 0 (SymPy's sign(0) would say 0)
        r"g'(0) = 1",  # g unknown: nothing says its derivative's value
    )
    assert statuses(steps) == ["definition", "unknown", "unknown"]
    assert "0 \\neq 0" in steps[1]["reason"]
    assert "u \\neq" not in steps[1]["reason"]  # never the bound variable


def test_a_function_e_defined_and_differentiated_with_a_prime(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"e(p)=t\log(p)+(1-t)\log(1-p)",
        r"e'(p)=\frac{t}{p}-\frac{1-t}{1-p}",
        r"e'(p)=\frac{t-p}{p(1-p)}",
        r"e'(p)=\frac{t+p}{p(1-p)}",
    )
    assert statuses(steps) == ["definition", "verified", "verified", "refuted"]


def test_a_prime_naming_a_new_function_of_several_arguments_is_unreadable(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"l(p) = p^2",
        r"l'(p,\lambda)  = l(p) + \lambda(1 - p)",
    )
    assert steps[1]["status"] == "unreadable"
    assert "several arguments" in steps[1]["reason"]


def test_the_variable_of_a_derivative_at_a_point_captures_no_name_of_the_document(tmp_path):
    # M'(0) is d/dt e^{t u} at t = 0, u: a bound variable named u would make it d/du e^{u^2}
    steps = check_document_rows(
        tmp_path, r"M(t) = e^{t u}", r"M'(0) = u", r"M'(0) = 2 u", r"M''(0) = u^2"
    )
    assert statuses(steps) == ["definition", "verified", "refuted", "verified"]


def test_no_false_derivative_at_a_point_is_verified(tmp_path):
    steps = check_document_rows(
        tmp_path,
        r"h(x) = x^{1/3}",
        r"h'(0) = 0",  # no derivative at 0 (infinite slope)
        r"\left. \frac{d}{dx} |x| \right|_{x=0} = 0",  # the bar form: none either
        r"\left. \frac{d}{dx} x^2 \right|_{x=1} = 3",  # wrong: 2
    )
    assert [s["status"] for s in steps[1:]] == ["unknown", "unknown", "refuted"]


def test_a_prime_on_a_function_of_two_variables_is_unreadable(tmp_path):
    steps = check_document_rows(tmp_path, r"f(x, y) = x y", r"f'(x) = y")
    assert steps[1]["status"] == "unreadable"
    assert "several" in steps[1]["reason"]


def test_a_derivative_at_a_point_in_a_derivation_file(tmp_path):
    import json

    from helpers import run_eqchain

    path = tmp_path / "d.toml"
    path.write_text(
        '[symbols]\nt = "real"\nf = { function = true }\n\n'
        "[[steps]]\nkind = \"definition\"\nclaim = 'f(t) = e^{3t}'\n\n"
        '[[steps]]\nclaim = "f\'(0) = 3"\n\n'  # the point's variable needs no declaration
        "[[steps]]\nclaim = \"f''(0) = 6\"\n\n"  # wrong: 9
        "[[steps]]\nclaim = '\\left. \\frac{d}{dt} f(t) \\right|_{t=0} = 3'\n",
        encoding="utf-8",
    )
    ran = run_eqchain("check", "--no-cache", "--format", "json", str(path))
    steps = json.loads(ran.stdout)["derivations"][0]["steps"]
    assert statuses(steps) == ["definition", "verified", "refuted", "verified"]
