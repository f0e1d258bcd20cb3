"""A definition under a condition (``f(x) = \\frac{1}{1+e^{-ax}} \\quad (a > 0)``, a density of
parameters not declared) defines its quantity where the condition holds only: a claim whose
source uses it is checked there and verified *where* the condition holds (its domain, shown),
refuted by a point where it holds, and unknown when only its right side uses it (the step would
introduce the condition). An equation verified so holds within that domain: a later step that
uses it outside the domain its own source needs is unknown, never verified. Through the command
line."""

from __future__ import annotations

import json

from helpers import run_eqchain

SIGMOID = r"f(x) = \frac{1}{1+e^{-ax}} \quad (a > 0)"
SQUARE = r"g(t) = t^2, \quad t > 0"


def _steps(tmp_path, *rows: str, assume: str | None = None) -> list[dict]:
    doc = tmp_path / "d.md"
    # a paragraph between the displays: each row its own chain
    doc.write_text("\n\nNext\n\n".join(f"$$ {r} $$" for r in rows) + "\n", encoding="utf-8")
    args = ["check", "--no-cache", "--format", "json", str(doc)]
    if assume:
        args[1:1] = ["--assume", assume]
    return json.loads(run_eqchain(*args).stdout)["derivations"][0]["steps"]


def test_a_claim_about_a_conditioned_definition_is_verified_where_it_holds(tmp_path):
    steps = _steps(
        tmp_path,
        SIGMOID,
        r"\frac{d}{dx} f(x) = \frac{a e^{-ax}}{(1+e^{-ax})^2} = a f(x)(1 - f(x))",
    )
    assert [s["status"] for s in steps] == ["definition", "verified", "verified"]
    assert all(s["domain"] == ["a > 0"] for s in steps[1:])


def test_a_condition_on_the_argument_is_where_the_claim_holds(tmp_path):
    steps = _steps(tmp_path, SQUARE, r"\sqrt{g(y)} = y")
    assert steps[1]["status"] == "verified"
    assert steps[1]["domain"] == ["y > 0"]


def test_a_wrong_claim_is_refuted_where_the_condition_holds(tmp_path):
    steps = _steps(tmp_path, SIGMOID, r"\frac{d}{dx} f(x) = a f(x)(1 + f(x))")
    assert steps[1]["status"] == "refuted"
    point = steps[1]["counterexample"]["values"]
    assert float(point["a"]) > 0
    steps = _steps(tmp_path, SQUARE, r"\sqrt{g(y)} = -y")
    assert steps[1]["status"] == "refuted"
    assert float(steps[1]["counterexample"]["values"]["y"]) > 0


def test_a_condition_only_the_right_side_needs_is_not_taken(tmp_path):
    # the left side is defined for every a: equal to the right side only where a > 0
    steps = _steps(tmp_path, SIGMOID, r"\frac{a e^{-ax}}{(1+e^{-ax})^2} = a f(x)(1 - f(x))")
    assert steps[1]["status"] == "unknown"
    assert "a > 0" in steps[1]["reason"]


def test_a_condition_the_assumptions_contradict_decides_nothing(tmp_path):
    steps = _steps(tmp_path, SIGMOID, r"\frac{d}{dx} f(x) = a f(x)(1 - f(x))", assume="a < 0")
    assert steps[1]["status"] == "unknown"


def test_an_equation_verified_within_a_domain_is_not_used_outside_it(tmp_path):
    # \sqrt{g(y)} = y holds where y > 0; \sqrt{y^2} = y (y^2 folded into g(y)) does not
    steps = _steps(tmp_path, SQUARE, r"\sqrt{g(y)} = y", r"\sqrt{y^2} = y")
    assert steps[1]["status"] == "verified"
    assert steps[2]["status"] != "verified"
    steps = _steps(tmp_path, SQUARE, r"\sqrt{g(y)} = y", r"\sqrt{y^2} = y", assume="y > 0")
    assert steps[2]["status"] == "verified"


def test_a_condition_naming_a_summed_index_stays_unknown(tmp_path):
    steps = _steps(tmp_path, SQUARE, r"\sum_{i=1}^{n} \sqrt{g(x_i)} = \sum_{i=1}^{n} x_i")
    assert steps[1]["status"] == "unknown"


def test_a_condition_on_a_variable_something_binds_is_not_taken(tmp_path):
    # g'(-1) puts the derivative's own variable at -1; a limit and an evaluation bar bind t:
    # strengthened by t > 0 they verified g'(-1) = 1 and \lim_{t \to -1} g(t) = -1 (a red
    # team's), where g is not defined
    definition = r"g(t) = |t| \quad (t > 0)"
    for row in (
        "g'(-1) = 1",
        r"\left. \frac{d}{dt} g(t) \right|_{t=-1} = 1",
        r"\lim_{t \to -1} g(t) = 1",
    ):
        assert _steps(tmp_path, definition, row)[1]["status"] != "verified", row
    steps = _steps(tmp_path, r"h(t) = \sqrt{t^2} \quad (t > 0)", r"\lim_{t \to -1} h(t) = -1")
    assert steps[1]["status"] != "verified"
