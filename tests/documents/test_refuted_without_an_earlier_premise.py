r"""A row refuted only where an earlier implication's premise fails is unknown, naming it: the
Lagrange condition ``\frac{N_k}{\theta_k} - \lambda = 0 \Rightarrow \theta_k = N_k/\lambda``, then
the constraint ``\sum_k \theta_k = 1 \Rightarrow \sum_k N_k/\lambda = 1`` was refuted at a point
where the condition fails (engine._refuted_without_an_earlier_premise). Found on a public
categorical MLE (stop 37, en/repro/B1, B2). A premise holds for its own implication only, so
nothing is verified through it; a row false with it too stays refuted."""

from __future__ import annotations

from helpers import check_document_rows

ASSUME = r"\lambda > 0, N_k > 0, \theta_k > 0"
CONDITION = (
    r"\frac{N_k}{\theta_k} - \lambda = 0 \quad \Rightarrow \quad \theta_k = \frac{N_k}{\lambda}"
)


def _steps(tmp_path, *rows, assume=ASSUME):
    steps = check_document_rows(tmp_path, *rows, assume=assume)
    return [(s["status"], s.get("reason", "")) for s in steps]


def test_the_constraint_after_the_condition_is_not_refuted(tmp_path):
    row = r"\sum_{k=1}^{K} \theta_k = 1 \Rightarrow \sum_{k=1}^{K} \frac{N_k}{\lambda} = 1"
    steps = _steps(tmp_path, CONDITION, row)
    assert steps[-1][0] == "unknown"
    assert "supposed at line 3" in steps[-1][1]


def test_a_wrong_constraint_is_still_refuted(tmp_path):
    row = r"\sum_{k=1}^{K} \theta_k = 1 \Rightarrow \sum_{k=1}^{K} \frac{N_k}{\lambda} = 2"
    assert _steps(tmp_path, CONDITION, row)[-1][0] == "refuted"


def test_a_value_put_back_is_not_refuted(tmp_path):
    rows = (
        r"\frac{N}{\lambda} = 1 \quad \Rightarrow \quad \lambda = N",
        r"\theta_k = \frac{N_k}{\lambda} = \frac{N_k}{N}",
    )
    steps = _steps(tmp_path, *rows, assume=r"\lambda > 0, N > 0")
    assert steps[-1][0] == "unknown"
    assert "supposed at line 3" in steps[-1][1]


def test_a_wrong_value_put_back_is_refuted(tmp_path):
    rows = (
        r"\frac{N}{\lambda} = 1 \quad \Rightarrow \quad \lambda = N",
        r"\theta_k = \frac{N_k}{\lambda} = \frac{2 N_k}{N}",
    )
    assert _steps(tmp_path, *rows, assume=r"\lambda > 0, N > 0")[-1][0] == "refuted"


def test_the_premise_stated_as_a_given_decides_the_step(tmp_path):
    rows = (r"\frac{N}{\lambda} = 1", r"\lambda = N", r"\frac{N_k}{\lambda} = \frac{N_k}{N}")
    assert _steps(tmp_path, *rows, assume=r"\lambda > 0, N > 0")[-1][0] == "verified"


def test_the_reason_reads_in_japanese(tmp_path):
    from helpers import run_eqchain

    rows = (
        r"\frac{N}{\lambda} = 1 \quad \Rightarrow \quad \lambda = N",
        r"\theta_k = \frac{N_k}{\lambda} = \frac{N_k}{N}",
    )
    _steps(tmp_path, *rows, assume=r"\lambda > 0, N > 0")
    args = ("check", "--no-cache", "--lang", "ja", "--assume", r"\lambda > 0, N > 0")
    ran = run_eqchain(*args, str(tmp_path / "d.md"))
    assert "3行目で仮定した式" in ran.stdout and "英語の理由" not in ran.stdout


def test_a_row_false_whatever_the_premise_stays_refuted(tmp_path):
    # the red team: a premise no sampled point meets made any later row "not refuted with it"
    for premise in (
        r"x^5 + x = 1 \Rightarrow x^5 = 1 - x",
        r"x = \cos x \Rightarrow x - \cos x = 0",
    ):
        steps = _steps(tmp_path, premise, r"2x = x + 1 + x", assume=None)
        assert steps[-1][0] == "refuted", premise
