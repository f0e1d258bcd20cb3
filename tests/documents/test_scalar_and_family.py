"""A scalar and a family sharing a letter in a document (``N`` and ``N_k``, ``\\mu`` and
``\\mu_1``) are two different quantities: the scalar ``N`` and the members ``N[k]`` of the family
``N``. Nothing identifies them: a definition of the scalar says nothing of the members, a sum of
the members is not a multiple of the scalar, and a counterexample gives each its own value."""

from __future__ import annotations

import json

from helpers import run_eqchain


def _check(tmp_path, *rows: str, assume: str | None = None) -> list[dict]:
    doc = tmp_path / "d.md"
    doc.write_text("# t\n\n" + "\n\n".join(f"$$ {r} $$" for r in rows) + "\n", encoding="utf-8")
    args = ["check", "--no-cache", "--format", "json", str(doc)]
    if assume:
        args[1:1] = ["--assume", assume]
    ran = run_eqchain(*args)
    return json.loads(ran.stdout)["derivations"][0]["steps"]


def _statuses(tmp_path, *rows: str, assume: str | None = None) -> list[str]:
    return [s["status"] for s in _check(tmp_path, *rows, assume=assume)]


MEANS = (
    r"\mu = \frac{a + b + c + d}{4}",
    r"\mu_1 = \frac{a + b}{2}",
    r"\mu_2 = \frac{c + d}{2}",
)


def test_the_mean_of_the_group_means_is_the_mean(tmp_path):
    statuses = _statuses(tmp_path, *MEANS, r"\frac{\mu_1 + \mu_2}{2} = \mu")
    assert statuses == ["definition", "definition", "definition", "verified"]


def test_a_wrong_mean_of_the_group_means_is_refuted(tmp_path):
    statuses = _statuses(tmp_path, *MEANS, r"\frac{\mu_1 + \mu_2}{3} = \mu")
    assert statuses == ["definition", "definition", "definition", "refuted"]


def test_defining_the_scalar_defines_no_member(tmp_path):
    # after mu = 2, mu_1 is still a quantity of its own: mu_1 = 2 is not a consequence
    steps = _check(tmp_path, r"\mu = 2", r"\mu_1 + \mu = \mu_1 + 2", r"\mu_1 - \mu = \mu_1 - 2")
    assert [s["status"] for s in steps][1:] == ["verified", "verified"]
    steps = _check(tmp_path, r"\mu = a", r"\mu_1 = a + 0")
    assert steps[-1]["status"] != "verified"


def test_a_sum_of_the_members_is_not_a_multiple_of_the_scalar(tmp_path):
    steps = _check(tmp_path, r"\sum_{k=1}^{K} N_k = K N", assume="K integer, K > 0")
    assert [s["status"] for s in steps] == ["refuted"]
    counterexample = json.dumps(steps[0])
    assert "N_{1}" in counterexample or "N_1" in counterexample


def test_the_scalar_defined_as_the_mean_of_the_members(tmp_path):
    rows = (r"N = \frac{1}{K} \sum_{k=1}^{K} N_k", r"\sum_{k=1}^{K} N_k = K N")
    statuses = _statuses(tmp_path, *rows, assume="K integer, K > 0")
    assert statuses == ["definition", "verified"]
    rows = (r"N = \frac{1}{K} \sum_{k=1}^{K} N_k", r"\sum_{k=1}^{K} N_k = (K + 1) N")
    statuses = _statuses(tmp_path, *rows, assume="K integer, K > 0")
    assert statuses == ["definition", "refuted"]


def test_the_scalar_first_then_the_family(tmp_path):
    # the same two quantities whichever the document writes first
    rows = (r"n = 3", r"n_1 = \frac{n}{2}", r"2 n_1 = 3")
    assert _statuses(tmp_path, *rows) == ["definition", "definition", "verified"]
    rows = (r"n = 3", r"n_1 = \frac{n}{2}", r"n_1 = 3")
    assert _statuses(tmp_path, *rows)[-1] == "refuted"
    rows = (r"n_1 = a + 1", r"n = n_1 + 2", r"n - n_1 = 2")
    assert _statuses(tmp_path, *rows) == ["definition", "definition", "verified"]
    rows = (r"n_1 = a + 1", r"n = n_1 + 2", r"n - n_1 = a")
    assert _statuses(tmp_path, *rows)[-1] == "refuted"


def test_a_member_defined_once_only(tmp_path):
    # a numbered member is defined while the family is written only with numbered members; once
    # the generic member is defined, a numbered one is no new name (it would have two values)
    rows = (r"y_k = k^2", r"y_1 = 2")
    assert _statuses(tmp_path, *rows) == ["definition", "refuted"]
    # a new name on the right is named by y_1 (engine._is_reversed_definition): y_1 keeps 1
    rows = (r"y_k = k^2", r"y_1 = a", r"a = 1")
    assert _statuses(tmp_path, *rows) == ["definition", "definition", "verified"]
    rows = (r"y_1 = a", r"y_k = k^2", r"a = 1")
    statuses = _statuses(tmp_path, *rows)
    assert statuses[1] != "definition"
    assert statuses[2] != "verified"


def test_assumptions_on_the_family_are_not_the_scalars(tmp_path):
    # y_k > 0 is said of the members; the scalar y is unconstrained: log(y^2) = 2 log(y) needs
    # y > 0 and stays unknown, naming it; for a member it holds
    steps = _check(tmp_path, r"\log (y^2) = 2 \log y", assume="y_k > 0")
    assert [s["status"] for s in steps] == ["unknown"]
    assert "y" in steps[0]["reason"]
    steps = _check(tmp_path, r"\log (y_1^2) = 2 \log y_1", assume="y_k > 0")
    assert [s["status"] for s in steps] == ["verified"]
