r"""An expression alone in a display, continued by ``= ...`` in the next display (a StackExchange
answer's style): the continuation is about that expression. It said "there is no formula before
it to continue", and after an earlier chain it continued that chain instead."""

from __future__ import annotations

import json

from helpers import run_eqchain


def statuses(tmp_path, body: str) -> list[tuple[int, str]]:
    doc = tmp_path / "d.md"
    doc.write_text(body, encoding="utf-8")
    out = json.loads(run_eqchain("check", "--no-cache", "--format", "json", str(doc)).stdout)
    return [(s["line"], s["status"]) for s in out["derivations"][0]["steps"]]


def test_a_lone_expression_is_continued_by_the_next_display(tmp_path):
    assert statuses(tmp_path, "$$\\int_{0}^{1} 2x \\, dx$$\n\n$$= 1$$\n") == [(3, "verified")]


def test_a_wrong_continuation_of_a_lone_expression_is_refuted(tmp_path):
    body = "$$ \\int_0^1 2x \\, dx $$\n\nwhich is\n\n$$ = 2 $$\n"
    assert statuses(tmp_path, body) == [(5, "refuted")]


def test_after_other_rows_a_lone_expression_is_an_aside(tmp_path):
    # the chain before it goes on (read as continuing the aside, a valid row was refuted)
    body = "$$ f(x) = (x+1)^2 $$\n\nwhere\n\n$$ x + 1 $$\n\nExpanding,\n\n$$ = x^2 + 2x + 1 $$\n"
    assert [s for _, s in statuses(tmp_path, body)] == ["definition", "verified"]


def test_a_display_that_does_not_continue_is_its_own(tmp_path):
    body = "$$ \\int_0^1 2x \\, dx $$\n\n$$ y = 3 $$\n\n$$ y + 1 = 4 $$\n"
    assert [s for _, s in statuses(tmp_path, body)] == ["definition", "verified"]


def test_a_name_defined_by_a_later_row_is_not_refuted_at_a_value_of_its_own(tmp_path):
    body = (
        "$$\n\\prod_{i=1}^n \\lambda^{y_i} = \\lambda^{n \\bar{y}}\n$$\n\n"
        "where $\\bar{y}$ is the mean of $y$:\n\n"
        "$$\n\\bar{y} = \\frac{1}{n} \\sum_{i=1}^n y_i\n$$\n"
    )
    assert [s for _, s in statuses(tmp_path, body)] == ["unknown", "definition"]


def test_a_wrong_row_without_later_definitions_is_still_refuted(tmp_path):
    body = "$$ \\prod_{i=1}^n \\lambda^{y_i} = \\lambda^{n c} $$\n"
    assert [s for _, s in statuses(tmp_path, body)] == ["refuted"]


def test_a_row_false_at_the_later_rows_value_too_is_still_refuted(tmp_path):
    body = "$$ \\frac{d}{dx} x^3 = x^2 $$\n\nIn the next example,\n\n$$ x = 2 $$\n"
    assert [s for _, s in statuses(tmp_path, body)] == ["refuted", "definition"]
