"""Issue 11: the probability of an event, ``P(X = x)``, ``\\mathrm{Pr}(X_i = x)``,
``P(X_i = x | Z_i = k)``, ``I(Z_i = k)``: a function applied to an event (an
:class:`~eqchain.operators.Event` of the two sides as written), opaque: events written the same
way are equal, nothing else is assumed (no probability is evaluated), and it prints back as
written. Read, checked and reported through the command line on documents."""

from __future__ import annotations

import json

import pytest
import sympy as sp
from helpers import run_eqchain

from eqchain.errors import LatexError
from eqchain.latex import memo
from eqchain.latex.printer import EqchainLatexPrinter
from eqchain.latex.read import read_expression, read_formula
from eqchain.operators import Event

X, x, k, y, p = sp.symbols("X x k y p")
i = sp.Symbol("i")
Xi, Zi = sp.IndexedBase("X")[i], sp.IndexedBase("Z")[i]


def side(text):
    (expr,) = read_formula(text).sides
    return expr


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"\mathrm{Pr}(X = x)", sp.Function("Pr")(Event(X, x))),
        (r"P(X_i = x)", sp.Function("P")(Event(Xi, x))),
        (r"P(Z_i=k)", sp.Function("P")(Event(Zi, k))),
        (r"p(X=0)", sp.Function("p")(Event(X, 0))),
        (r"I(Z_i = k)", sp.Function("I")(Event(Zi, k))),
        (r"P(X = 2 y + 1)", sp.Function("P")(Event(X, read_expression("2 y + 1")))),
    ],
)
def test_a_name_applied_to_an_event_is_a_function_of_it(text, expected):
    expr = side(text)
    assert expr == expected
    assert isinstance(expr.args[0], Event)
    assert not isinstance(expr.args[0], sp.Eq)  # no truth value: X = 0 is never False


def test_a_conditioned_event_keeps_its_bar():
    expr = side(r"P(X_i=x | Z_i=k)")
    assert expr.args == (Event(Xi, x), Event(Zi, k))
    assert expr.func.separators == ((1, "|"),)
    assert side(r"P(y=1 \mid x)").args == (Event(y, 1), x)


@pytest.mark.parametrize(
    "text",
    [r"\mathrm{Pr}(X = x)", r"P(X_i=x | Z_i=k)", r"\pi_k^{I(Z_i = k)}", r"P(X = 2 y + 1)"],
)
def test_an_event_prints_back_as_written_and_is_stored_whole(text):
    expr = side(text)
    printed = EqchainLatexPrinter().doprint(expr)
    assert read_expression(printed) == expr
    assert "=" in printed
    assert memo.decode(json.loads(json.dumps(memo.encode(expr)))) == expr


def test_events_are_equal_only_as_written():
    assert side(r"P(X = x)") == side(r"P(X=x)")
    assert side(r"P(X = x)") != side(r"P(x = X)")
    assert side(r"P(X = 0)") != side(r"P(X = 1)")
    # a number put in for X leaves an event, never a truth value
    assert side(r"P(X = 0)").subs(X, 1) == sp.Function("P")(Event(1, 0))


@pytest.mark.parametrize(
    ("text", "column"),
    [
        (r"P(X = x = y)", 9),  # two equalities in one argument
        (r"P(= x)", 3),  # an event without its left side, at its "="
        (r"P(X =)", 5),
        (r"2 + (X = x) a", 8),  # an equality in brackets that are no function's
    ],
)
def test_what_an_event_cannot_be(text, column):
    with pytest.raises(LatexError) as info:
        read_formula(text)
    assert info.value.column == column, info.value.message


DOCUMENT = r"""# Events

$$
P(X = x) + P(X = y) = P(X = y) + P(X = x)
$$

$$
2 \mathrm{Pr}(X_i = x | Z_i = k) - \mathrm{Pr}(X_i = x | Z_i = k) = \mathrm{Pr}(X_i = x | Z_i = k)
$$

$$
P(X = x) = P(x = X)
$$

$$
2 P(X = x) = P(X = x)
$$

$$
P(X = 1) = a (b + c) = a b + c
$$
"""


def test_steps_with_events_through_the_cli(tmp_path):
    path = tmp_path / "events.md"
    path.write_text(DOCUMENT, encoding="utf-8")
    ran = run_eqchain("check", "--format", "json", str(path))
    assert ran.returncode == 1, ran.stderr
    data = json.loads(ran.stdout)
    steps = [s for d in data["derivations"] for s in d["steps"]]
    by_line = {s["line"]: s for s in steps}
    assert by_line[4]["status"] == "verified"  # algebra around the same events
    assert by_line[8]["status"] == "verified"
    # X = x and x = X are not the same written event: nothing is assumed of P
    assert by_line[12]["status"] == "unknown"
    # wrong, but numbers never evaluate an event: unknown, never verified
    assert by_line[16]["status"] == "unknown"
    # the rest of the chain is checked: a (b + c) = a b + c is refuted
    assert [s["status"] for s in steps if s["line"] == 20][-1] == "refuted"
    assert not any(s["status"] == "unreadable" for s in steps)


def test_a_declared_distribution_does_not_evaluate_an_event(tmp_path):
    path = tmp_path / "bernoulli.md"
    path.write_text(
        "# Bernoulli\n\nLet $X \\sim \\mathrm{Bern}(p)$.\n\n"
        "$$\n\\mathrm{Pr}(X = 1) + 1 = p + 1\n$$\n",
        encoding="utf-8",
    )
    ran = run_eqchain("check", "--format", "json", str(path))
    data = json.loads(ran.stdout)
    steps = [s for d in data["derivations"] for s in d["steps"]]
    assert steps and all(s["status"] not in ("verified", "refuted") for s in steps), steps


@pytest.mark.parametrize(
    "claim",
    [
        r"P(X = 0) = P(X = 1)",
        r"P(X = x) + P(X = y) = 2 P(X = x)",
        r"P(X = x | Z = k) = P(X = x)",
        r"P(X = x) = P(X = x)^2",
        r"I(Z_i = k) = I(Z_i = j)",
    ],
)
def test_a_false_step_about_events_is_never_verified(tmp_path, claim):
    path = tmp_path / "false.md"
    path.write_text(f"# False\n\n$$\nq = {claim.split(' = ', 1)[0]}\n$$\n\n$$\n{claim}\n$$\n")
    ran = run_eqchain("check", "--format", "json", str(path))
    steps = [s for d in json.loads(ran.stdout)["derivations"] for s in d["steps"]]
    (step,) = [s for s in steps if s["line"] == 8]
    assert step["status"] in ("unknown", "refuted"), step
