"""A name a later row defines is real in the rows before it when its definition is real.

The document's names are real by default, but a name a row may define is what its definition
says; before that row it is a name of its own or the same quantity, so a real definition keeps
it real throughout (found on a softmax backpropagation post: ``a_0`` differentiated by in (7),
defined as ``v_{00} z_0 + v_{01} z_1 + v_{02} z_2`` in (13))."""

from __future__ import annotations

from helpers import check_document_rows


def statuses(tmp_path, *rows, assume=None):
    return [s["status"] for s in check_document_rows(tmp_path, *rows, assume=assume)]


ASSUME = r"u = e^{a_0} + e^{a_1}, y_0 = \frac{e^{a_0}}{u}"
CHAIN = (
    r"\frac{\partial y_0}{\partial a_0} = \frac{\partial}{\partial a_0} \frac{e^{a_0}}{u}"
    r" = \frac{e^{a_0} u - e^{a_0} e^{a_0}}{u^2}"
)


def test_a_real_later_definition_keeps_the_name_real(tmp_path):
    got = statuses(tmp_path, CHAIN, r"a_0 = v_0 z_0 + v_1 z_1", assume=ASSUME)
    assert got[-3:-1] == ["verified", "verified"]
    # through a chain of definitions: a_0 by c, c by real names
    got = statuses(tmp_path, CHAIN, r"a_0 = c^2 + 1", r"c = \frac{v}{1 + z^2}", assume=ASSUME)
    assert got[-4:-2] == ["verified", "verified"]


def test_the_wrong_twin_is_refuted(tmp_path):
    wrong = CHAIN.replace("e^{a_0} e^{a_0}}{u^2}", "e^{a_0}}{u^2}")
    got = statuses(tmp_path, wrong, r"a_0 = v_0 z_0 + v_1 z_1", assume=ASSUME)
    assert got[-2] == "refuted"


def test_a_later_definition_not_shown_real_leaves_the_condition_open(tmp_path):
    for later in (r"a_0 = \sqrt{w}", r"a_0 = \log w", r"a_0 = f(w)", r"\log a_0 = w"):
        got = statuses(tmp_path, CHAIN, later, assume=ASSUME)
        assert got[-2] == "unknown", later
    # a definition that uses a name declared complex
    got = statuses(tmp_path, CHAIN, r"a_0 = w + 1", assume=ASSUME + ", w complex")
    assert got[-2] == "unknown"


def test_a_definition_through_a_complex_family_member_is_not_real(tmp_path):
    # red team: the family's name z was put in as a real symbol, which made z_1 + 1 real
    got = statuses(tmp_path, r"|a|^2 = a^2", r"a = z_1 + 1", assume="z_i complex")
    assert got[0] != "verified"
    got = statuses(tmp_path, r"a = z_1 + 1", assume="z_i complex")
    assert got == ["definition"]
    # a family left real by the default makes it real
    assert statuses(tmp_path, r"|a|^2 = a^2", r"a = z_1 + 1")[0] == "verified"


def test_a_definition_through_a_member_declared_complex_is_not_real(tmp_path):
    # red team: z_1 declared on its own (no family z) was put in as a real member
    got = statuses(tmp_path, r"|a|^2 = a^2", r"a = z_1", assume="z_1 complex")
    assert got[0] != "verified"
