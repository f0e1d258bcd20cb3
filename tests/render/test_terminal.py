"""The terminal renderer: plain stable text off a terminal, colour only on one, NO_COLOR."""

from __future__ import annotations

import io
import re

import pytest

from eqchain.render.terminal import make_console, progress, render_terminal

SGR = re.compile(r"\x1b\[([0-9;]*)m")
COLOUR_ENV = ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS")


class FakeTerminal(io.StringIO):
    """A text buffer that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    for name in COLOUR_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")


def _render(report, file, **options) -> str:
    render_terminal(report, make_console(file), **options)
    return file.getvalue()


def _has_colour(text: str) -> bool:
    for params in SGR.findall(text):
        codes = [int(p) for p in params.split(";") if p]
        if any(30 <= c <= 38 or 90 <= c <= 97 for c in codes):
            return True
    return False


def test_output_off_a_terminal_has_no_escape_codes(report):
    assert "\x1b" not in _render(report, io.StringIO())


def test_output_on_a_terminal_is_coloured(report):
    assert _has_colour(_render(report, FakeTerminal()))


def test_no_color_removes_colour_on_a_terminal(report, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert not _has_colour(_render(report, FakeTerminal()))


def test_check_prints_one_line_per_step_then_a_summary(report):
    lines = _render(report, io.StringIO()).splitlines()
    assert lines[0].startswith("derivations/die_log_likelihood.toml — Log-likelihood")
    assert lines[1] == "  (3.3)    • definition"
    assert lines[3] == "  (3.5)    ✓ verified    log_prod"
    assert lines[-1] == "4 verified, 1 refuted, 1 unknown (1 given, 1 definition)"


def test_check_names_an_unlabelled_step_by_its_line(report):
    assert "  line 26  ✓ verified    sum_const_mul, log_pow" in _render(report, io.StringIO())


def test_check_shows_short_reason_and_counterexample_of_a_refuted_step(report):
    text = _render(report, io.StringIO())
    assert "  (3.7)    ✗ refuted     the two sides differ at the values below" in text
    assert "Counterexample: a = 1, b = 1/2; left side 0.405465108108…" in text


def test_check_shows_warnings_under_the_step(report):
    assert "           Warning: x has no declared assumptions" in _render(report, io.StringIO())


def test_show_gives_rule_texts_and_notes_in_english(report):
    text = _render(report, io.StringIO(), show=True)
    assert "By log_prod (the log of a product over k is the sum of the logs over k)." in text
    assert "Note: Every y_k is a probability" in text
    assert "  (3.5)  = Σ_{k=1}^{6} log y_k^{t_k}" in text
    assert "\\" not in text.split("\n", 1)[1]  # formulas in Unicode (the title is as written)


def test_show_gives_rule_texts_and_notes_in_japanese(report):
    text = _render(report, io.StringIO(), lang="ja", show=True)
    assert "根拠：log_prod（k についての積の対数は、対数の k についての和）。" in text
    assert "注：y_k はすべて正の確率なので" in text
    assert "仮定：L > 0；y_k > 0（k = 1, …, 6）" in text


def test_plain_output_does_not_depend_on_terminal_width(report, monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    narrow = _render(report, io.StringIO(), show=True)
    monkeypatch.setenv("COLUMNS", "200")
    assert _render(report, io.StringIO(), show=True) == narrow


def test_same_report_gives_identical_output(report):
    assert _render(report, io.StringIO()) == _render(report, io.StringIO())


def test_no_trailing_spaces_off_a_terminal(report):
    for show in (False, True):
        for line in _render(report, io.StringIO(), show=show).splitlines():
            assert line == line.rstrip()


def test_progress_prints_nothing_off_a_terminal():
    out = io.StringIO()
    with progress(3, make_console(out)) as ticker:
        for _ in range(3):
            ticker.advance()
    assert out.getvalue() == ""


def test_progress_shows_a_bar_on_a_terminal():
    out = FakeTerminal()
    with progress(2, make_console(out), description="checking") as ticker:
        ticker.advance(2)
    assert "checking" in out.getvalue()
