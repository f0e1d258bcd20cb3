r"""A row ``x < x + 1`` defines nothing: x stays real by the document's default.

Found by a red-team helper: a name alone on the left of any row was taken for a name a row may
define (not real by default), so ``x < x + 1`` and ``x^2 \geq 0`` were unknown ("an order needs
real sides: x \in \mathbb{R}") while ``x + 1 \ge x`` was verified."""

from __future__ import annotations

from helpers import check_document_rows


def test_an_order_with_the_name_first_is_decided(tmp_path):
    steps = check_document_rows(tmp_path, r"x < x + 1", r"x^2 \geq 0")
    assert [s["status"] for s in steps] == ["verified", "verified"], steps
    steps = check_document_rows(tmp_path, r"x < x - 1", r"x^2 \geq 1")
    assert [s["status"] for s in steps] == ["refuted", "refuted"], steps


def test_a_definition_still_decides_what_its_name_is(tmp_path):
    # s = \sqrt{v} is what its definition says (not real by the default alone)
    steps = check_document_rows(tmp_path, r"s = \sqrt{v}", r"s^2 = v")
    assert steps[-1]["status"] != "refuted", steps[-1]
