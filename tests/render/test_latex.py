"""The LaTeX renderer: document structure, escaping, and real compiles with pdflatex/lualatex."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from eqchain.latex.printer import latex
from eqchain.render import content
from eqchain.render.latex import escape, render_latex

ENGINE_MISSING = "{} not found on PATH (CI installs TeX Live; locally: apt-get install {})"


def _compile(engine: str, tex: str, directory: Path, name: str) -> subprocess.CompletedProcess:
    source = directory / f"{name}.tex"
    source.write_text(tex, encoding="utf-8")
    return subprocess.run(
        [engine, "-interaction=nonstopmode", "-halt-on-error", source.name],
        cwd=directory,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=300,
    )


def _need(tool: str, package: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(ENGINE_MISSING.format(tool, package))


@pytest.fixture(scope="module")
def english_build(report, tmp_path_factory):
    _need("pdflatex", "texlive-latex-recommended")
    directory = tmp_path_factory.mktemp("latex_en")
    result = _compile("pdflatex", render_latex(report, "en"), directory, "report")
    return directory, result


@pytest.fixture(scope="module")
def japanese_build(report, tmp_path_factory):
    _need("lualatex", "texlive-luatex texlive-lang-japanese")
    directory = tmp_path_factory.mktemp("latex_ja")
    result = _compile("lualatex", render_latex(report, "ja"), directory, "report")
    return directory, result


# -- structure -------------------------------------------------------------------------------


def test_document_has_preamble_and_body(report):
    tex = render_latex(report, "en")
    assert tex.startswith(r"\documentclass")
    assert r"\usepackage{amsmath,amssymb}" in tex
    assert tex.endswith("\\end{document}\n")


def test_body_is_a_fragment_without_preamble(report):
    tex = render_latex(report, "en", body=True)
    assert r"\documentclass" not in tex
    assert r"\begin{document}" not in tex
    assert r"\section*{" in tex


def test_japanese_document_uses_the_luatexja_class(report):
    assert r"\documentclass[11pt]{ltjsarticle}" in render_latex(report, "ja")


def test_each_derivation_is_a_section_with_its_escaped_title(report):
    tex = render_latex(report, "en")
    assert r"\section*{Probabilities sum to one}" in tex
    assert r"\section*{Log-likelihood of a die: 100\% of \{t\_k\} \& y\_k" in tex


def test_labelled_step_carries_its_tag(report):
    tex = render_latex(report, "en")
    assert re.search(r"&= \\sum_\{k=1\}\^\{6\} \\log.*\\tag\{3\.5\}", tex)


def test_unlabelled_step_has_no_tag(report):
    tex = render_latex(report, "en")
    step = report.derivations[0].results[3].step
    last = content.written_sides(step)[1] if content.written_sides(step) else latex(step.rhs)
    row = next(line for line in tex.splitlines() if last in line)
    assert r"\tag" not in row


def test_chain_is_one_align_with_continuation_rows(report):
    tex = render_latex(report, "en")
    chain = tex.split(r"\eqchainsetwidth{\log L}")[1].split(r"\end{align*}")[0]
    rows = [line for line in chain.splitlines() if "&= " in line]
    assert rows[0].startswith(r"  \log L &= ")
    assert all(row.startswith("  &= ") for row in rows[1:])
    assert len(rows) == 4


def test_page_cannot_break_between_a_row_and_its_justification(report):
    lines = render_latex(report, "en").splitlines()
    for i, line in enumerate(lines):
        if r"\eqchainjust{" in line:
            assert lines[i - 1].endswith("\\\\*")


def test_sides_are_shown_as_the_author_wrote_them(report):
    assert r"\log L &= \log \prod_{k=1}^{6} y_k^{t_k} \tag{3.4}" in render_latex(report)


def test_a_chain_written_on_one_line_shows_printed_sides():
    from eqchain.model import Step

    chain = Step(claim=r"a = b = c", lhs=None, rhs=None)
    assert content.written_sides(chain) is None
    assert content.written_sides(Step(claim=r"\log L = x", lhs=None, rhs=None)) == (
        r"\log L",
        "x",
    )
    assert content.written_sides(Step(claim=r"a \leq b", lhs=None, rhs=None)) is None


def test_justification_gives_mark_verdict_and_rule_text(report):
    tex = render_latex(report, "en")
    assert r"\eqchainmark{verified}{$\checkmark$~\textbf{verified}}" in tex
    assert (
        r"\texttt{log\_prod} (the log of a product over $k$ is the sum of the logs over $k$)" in tex
    )


def test_japanese_justification_uses_japanese_rule_text_and_note(report):
    tex = render_latex(report, "ja")
    assert "積の対数は対数の和" in tex
    assert "y\\_k はすべて正の確率なので" in tex
    assert "Every y" not in tex


def test_refuted_step_shows_its_counterexample(report):
    tex = render_latex(report, "en")
    assert r"\eqchainmark{refuted}{$\times$~\textbf{refuted}}" in tex
    assert "$a = 1$, $b = 1/2$" in tex
    assert r"left side $0.405465108108\ldots$, right side $-0.69314718055\ldots$" in tex


def test_unknown_step_shows_its_reason(report):
    tex = render_latex(report, "en")
    assert r"\eqchainmark{unknown}{$?$~\textbf{unknown}}" in tex
    assert r"log\_mul needs x \textgreater{} 0" in tex


def test_escape_makes_every_special_character_literal():
    assert escape("# $ % & _ { } ~ ^ \\") == (
        r"\# \ensuremath{\$} \% \& \_ \{ \} \textasciitilde{} \textasciicircum{} "
        r"\textbackslash{}"
    )


def test_escape_turns_newlines_into_spaces():
    assert escape("a\n\n b") == "a b"


def test_same_report_gives_identical_output(report):
    assert render_latex(report, "ja") == render_latex(report, "ja")


def test_unknown_language_is_rejected(report):
    with pytest.raises(ValueError, match="unknown language"):
        render_latex(report, "fr")


# -- real compiles ---------------------------------------------------------------------------


def test_english_document_compiles_with_pdflatex(english_build):
    directory, result = english_build
    assert result.returncode == 0, result.stdout[-3000:]
    assert (directory / "report.pdf").stat().st_size > 0


def test_english_document_has_no_overfull_lines(english_build):
    directory, _ = english_build
    log = (directory / "report.log").read_text(encoding="utf-8", errors="replace")
    assert "Overfull" not in log


def test_english_document_needs_no_bitmap_fonts(english_build):
    directory, _ = english_build
    log = (directory / "report.log").read_text(encoding="utf-8", errors="replace")
    assert not re.search(r"\.\d+pk\b", log), "a bitmap (.pk) font was used"


def test_japanese_document_compiles_with_lualatex(japanese_build):
    directory, result = japanese_build
    assert result.returncode == 0, result.stdout[-3000:]
    assert (directory / "report.pdf").stat().st_size > 0


def test_japanese_document_has_no_overfull_lines(japanese_build):
    directory, _ = japanese_build
    log = (directory / "report.log").read_text(encoding="utf-8", errors="replace")
    assert "Overfull" not in log


def test_japanese_pdf_contains_japanese_text(japanese_build):
    _need("pdftotext", "poppler-utils")
    directory, _ = japanese_build
    text = subprocess.run(
        ["pdftotext", "report.pdf", "-"], cwd=directory, capture_output=True, text=True
    ).stdout
    assert "検証済み" in text and "反例" in text


@pytest.mark.parametrize("build", ["english_build", "japanese_build"])
def test_first_page_renders_to_png(build, request):
    _need("pdftoppm", "poppler-utils")
    directory, _ = request.getfixturevalue(build)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "report.pdf", "page"],
        cwd=directory,
        check=True,
    )
    pages = list(directory.glob("page*.png"))
    assert len(pages) == 1 and pages[0].stat().st_size > 0


def test_fragment_compiles_in_a_host_document_without_xcolor(report, tmp_path):
    _need("pdflatex", "texlive-latex-recommended")
    # The host's own itemize bullet would need a TS1 bitmap font without cm-super.
    host = (
        "\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n"
        "\\renewcommand{\\labelitemi}{\\ensuremath{\\bullet}}\n\\begin{document}\n"
        + render_latex(report, "en", body=True)
        + "\\end{document}\n"
    )
    result = _compile("pdflatex", host, tmp_path, "host")
    assert result.returncode == 0, result.stdout[-3000:]
