"""A row of one equation right after an equation row of the same display that is no identity
may be the next equation of a system the author solves (``0 = a - b`` under ``f'(x) = 0``):
it is verified when it follows from the equation before, refuted when a point satisfies that
equation and not this one, and unknown naming the missing condition. A chain ``a = b = c`` and
a continuation ``&= c`` keep their meaning: identities."""

from __future__ import annotations

import json

from click.testing import CliRunner

from eqchain.cli import cli
from eqchain.load.document import load_document


def _doc(tmp_path, body: str):
    doc = tmp_path / "d.md"
    text = f"# t\n\n$$ s = 3 $$\n\n$$\n\\begin{{aligned}}\n{body}\n\\end{{aligned}}\n$$\n"
    doc.write_text(text, encoding="utf-8")
    return doc


def _steps(tmp_path, body: str, assume: str | None = None) -> list[dict]:
    args = ["check", "--no-cache", "--format", "json", str(_doc(tmp_path, body))]
    if assume:
        args += ["--assume", assume]
    out = CliRunner().invoke(cli, args)
    return json.loads(out.output)["derivations"][0]["steps"]


def test_a_row_that_follows_from_the_equation_before_is_verified_as_following(tmp_path):
    steps = _steps(tmp_path, "s t x &= s t \\\\\ns x &= s", assume="t > 0")
    last = steps[-1]
    assert last["status"] == "verified"
    assert last["follows"] == "implies"
    assert "follows from the previous row" in last["reason"]


def test_a_wrong_factor_is_refuted_with_a_point_where_the_equation_before_holds(tmp_path):
    steps = _steps(tmp_path, "s t x &= s t \\\\\ns x &= 2 s", assume="t > 0")
    assert steps[-1]["status"] == "refuted"
    assert steps[-1]["counterexample"] is not None


def test_a_sign_error_is_refuted(tmp_path):
    steps = _steps(tmp_path, "s t x &= s t \\\\\ns x &= -s", assume="t > 0")
    assert steps[-1]["status"] == "refuted"


def test_without_its_side_condition_it_is_unknown_naming_it(tmp_path):
    steps = _steps(tmp_path, "s t x &= s t \\\\\ns x &= s")
    assert steps[-1]["status"] == "unknown"
    assert "t \\neq 0" in steps[-1]["reason"]


def test_a_continuation_stays_an_identity(tmp_path):
    steps = _steps(tmp_path, "s t x &= s t \\\\\n&= s x", assume="t > 0")
    assert steps[-1]["status"] == "refuted"
    assert steps[-1]["follows"] is None
    assert "follow" not in steps[-1]["reason"]


def test_only_a_lone_equation_after_an_equation_row_may_follow(tmp_path):
    body = "a &= b \\\\\n&= c \\\\\nd &= e = f \\\\\ng &= h \\\\\n\\text{so} \\\\\nk &:= m"
    steps = load_document(str(_doc(tmp_path, body)), "markdown").steps
    flags = [(s.place.line, s.after_equation) for s in steps]
    # s = 3 (own display), a = b (first row), = c, d = e, = f (a chain), g = h, k := m
    assert flags == [
        (3, False),
        (7, False),
        (8, False),
        (9, False),
        (9, False),
        (10, True),
        (12, False),
    ]


def test_an_arrow_with_nothing_before_it_verifies_an_identity_only(tmp_path):
    # "=> a = b" as a display's first row (an arrow written as a bullet, a helper's collected
    # logistic-regression post): an identity is verified; anything else may follow from the
    # prose, so it is not refuted
    from helpers import check_document_rows

    steps = check_document_rows(
        tmp_path, r"\Rightarrow \frac{1}{1 + e^z} = \frac{e^{-z}}{1 + e^{-z}}"
    )
    assert steps[0]["status"] == "verified"
    steps = check_document_rows(tmp_path, r"\Rightarrow x = 3")
    assert steps[0]["status"] == "unknown"
    steps = check_document_rows(tmp_path, r"\Rightarrow a + a = 3 a")
    assert steps[0]["status"] == "unknown"


def test_an_arrow_with_nothing_before_it_verifies_an_identity_under_its_condition(tmp_path):
    from helpers import check_document_rows

    steps = check_document_rows(tmp_path, r"\Rightarrow \sqrt{x^2} = x, \quad x > 0")
    assert steps[0]["status"] == "verified"
    steps = check_document_rows(tmp_path, r"\Rightarrow \sqrt{x^2} = x, \quad x > -1")
    assert steps[0]["status"] == "unknown"  # false at x = -1/2, but the prose may say more


def test_a_row_after_an_equation_no_value_satisfies_is_never_verified(tmp_path):
    # x^2 + 1 = 0 has no real solution: dividing by x^2 + 1 "carries" it to any equation
    # (x + 1 = x + 2 was verified, "follows from the previous row (divide_both_sides)")
    steps = _steps(tmp_path, "x^2 + 1 &= 0 \\\\\nx + 1 &= x + 2")
    assert steps[-1]["status"] == "refuted", steps[-1]
    steps = _steps(tmp_path, "x^2 + 1 &= 0 \\\\\nx^2 &= -1")
    assert steps[-1]["status"] != "verified", steps[-1]


def test_a_row_after_an_equation_the_declarations_contradict_is_unknown(tmp_path):
    # s = 3 is given; s x^2 + s = 0 has no real solution: y = y + 0 x follows, vacuously
    steps = _steps(tmp_path, "s x^2 + s &= 0 \\\\\n x^2 s + s + x - x &= 0 \\cdot y")
    assert steps[-1]["status"] in ("unknown", "refuted"), steps[-1]
    steps = _steps(tmp_path, "s x^2 + s &= 0 \\\\\n x^2 &= -1")
    assert steps[-1]["status"] != "verified", steps[-1]
