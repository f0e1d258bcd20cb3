"""A row verified as following from the row before (the next equation of a system the author
solves) is no identity: the reports say so beside the check mark, in English and Japanese, so
that ``x^2 + 2x + 1 = x^2 + 1`` after the refuted ``(x + 1)^2 = x^2 + 1`` is not taken for a true
equation. An identity's check mark stays as it was."""

from __future__ import annotations

from helpers import run_eqchain

DOC = r"""# Rows of a system

$$
\begin{aligned}
(x+1)^2 &= x^2+1 \\
x^2+2x+1 &= x^2+1
\end{aligned}
$$

$$
(x + 1)^2 = x^2 + 2x + 1
$$
"""


def _lines(tmp_path, *options):
    path = tmp_path / "system.md"
    path.write_text(DOC, encoding="utf-8")
    return run_eqchain("check", "--no-cache", *options, str(path)).stdout.splitlines()


def test_a_row_that_follows_says_so_beside_its_check_mark(tmp_path):
    lines = _lines(tmp_path)
    (follows,) = [s for s in lines if "line 6 " in s]
    assert "verified" in follows and "follows from the previous row" in follows
    (identity,) = [s for s in lines if "line 11 " in s]
    assert "verified" in identity and "follows" not in identity


def test_in_japanese_too(tmp_path):
    (follows,) = [s for s in _lines(tmp_path, "--lang", "ja") if "6行目" in s]
    assert "前の行から従う" in follows and "英語" not in follows
