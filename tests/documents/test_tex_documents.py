"""LaTeX documents through a LaTeX walker: no math from comments, verbatim or \\iffalse; the
author's macros expanded; \\input files followed with their own lines. Each case has its twin
that must still be read."""

from __future__ import annotations

import pytest

from eqchain.api import check_derivations
from eqchain.errors import InputError
from eqchain.load.document import latex_blocks, load_document
from eqchain.load.macros import from_table, load_macros
from eqchain.model import Verdict

WRONG = "\\[ \\log(a b) = 2 \\log a \\]"  # refuted if it were read
RIGHT = "\\[ \\log(a b) = \\log a + \\log b \\]"


def doc(body: str, preamble: str = "") -> str:
    return f"\\documentclass{{article}}\n{preamble}\\begin{{document}}\n{body}\\end{{document}}\n"


def lines(text):
    return [b.line for b in latex_blocks(text)]


def check(path, text=None, assume="a > 0, b > 0", **options):
    if text is not None:
        path.write_text(text, encoding="utf-8")
    d = load_document(str(path), "latex", assume=assume, **options)
    return check_derivations([d]).derivations[0].results


@pytest.mark.parametrize("env", ["verbatim", "lstlisting", "minted", "comment", "Verbatim"])
def test_math_in_a_verbatim_environment_is_not_read(env):
    argument = "{latex}" if env == "minted" else ""
    body = f"\\begin{{{env}}}{argument}\n{WRONG} $$ {{ \\end{{itemize}}\n\\end{{{env}}}\n"
    assert lines(doc(body)) == []


def test_math_after_a_verbatim_environment_is_read():
    body = f"\\begin{{verbatim}}\n{WRONG}\n\\end{{verbatim}}\n{RIGHT}\n"
    assert lines(doc(body)) == [6]


def test_math_in_a_verb_is_not_read_and_after_it_is():
    assert lines(doc(f"Write \\verb|$$ x $$| here. {RIGHT}\n")) == [3]


def test_math_in_a_comment_is_not_read():
    assert lines(doc(f"% {WRONG}\n")) == []


def test_math_after_a_comment_closed_before_it_is_read():
    assert lines(doc(f"% a note\n{RIGHT}\n")) == [4]
    assert lines(doc(f"Half: 50\\% off. {RIGHT}\n")) == [3]


def test_iffalse_hides_math_up_to_its_fi():
    assert lines(doc(f"\\iffalse\n{WRONG}\n\\fi\n")) == []


def test_math_after_fi_and_after_else_is_read():
    assert lines(doc(f"\\iffalse\n{WRONG}\n\\fi\n{RIGHT}\n")) == [6]
    assert lines(doc(f"\\iffalse\n{WRONG}\n\\else\n{RIGHT}\n\\fi\n")) == [6]


def test_math_in_the_preamble_is_not_read_but_in_the_document_it_is():
    assert lines(doc(f"{RIGHT}\n", preamble=f"\\newcommand{{\\x}}{{{WRONG}}}\n")) == [4]


def test_every_math_environment_and_delimiter_is_found():
    body = "".join(
        f"\\begin{{{env}}}\na = b\n\\end{{{env}}}\n"
        for env in ("equation*", "gather", "multline*", "displaymath", "flalign")
    )
    body += "$$ c = d $$\n\\[ e = f \\]\n\\begin{alignat}{2}\ng &= h\n\\end{alignat}\n"
    assert len(latex_blocks(doc(body))) == 8


def test_an_unclosed_environment_is_an_error_at_its_line():
    with pytest.raises(InputError, match="unclosed") as err:
        latex_blocks(doc("text\n\\begin{align}\na &= b\n"))
    assert err.value.line == 4


# -- macros ----------------------------------------------------------------------------------

SQ_PREAMBLE = "\\newcommand{\\sq}[1]{#1^{2}}\n\\newcommand{\\E}{\\mathbb{E}}\n"
SQ_STEP = "\\begin{equation}\n\\sq{(a + b)} = \\sq{a} + 2 a b + \\sq{b}\n\\end{equation}\n"


def test_a_macro_used_in_a_step_is_expanded_and_checked(tmp_path):
    results = check(tmp_path / "p.tex", doc(SQ_STEP, SQ_PREAMBLE))
    assert [(r.step.place.line, r.verdict) for r in results] == [(6, Verdict.VERIFIED)]


def test_the_same_step_without_the_macro_definition_is_unreadable(tmp_path):
    (result,) = check(tmp_path / "p.tex", doc(SQ_STEP))
    assert result.verdict is Verdict.UNREADABLE and "\\sq" in result.reason
    assert result.step.place.line == 4


def test_a_macro_defined_after_its_use_is_not_expanded(tmp_path):
    (result,) = check(tmp_path / "p.tex", doc(SQ_STEP + "\\newcommand{\\sq}[1]{#1^{2}}\n"))
    assert result.verdict is Verdict.UNREADABLE and "\\sq" in result.reason


def test_definitions_of_every_kind_expand_as_tex_does():
    preamble = (
        "\\DeclareMathOperator{\\KL}{KL}\n\\DeclareMathOperator*{\\argmax}{arg\\,max}\n"
        "\\def\\half{\\frac{1}{2}}\n\\def\\pair#1#2{(#1, #2)}\n"
        "\\renewcommand{\\v}[2][x]{#1_{#2}}\n\\providecommand{\\half}{0}\n"
    )
    body = "\\[\n\\KL \\argmax \\half \\pair{p}{q} \\v{1} \\v[y]{2}\n\\]\n"
    [block] = latex_blocks(doc(body, preamble))
    assert block.text.split("\n")[1].split() == (
        "\\operatorname{KL} \\operatorname*{arg\\,max} \\frac{1}{2} (p, q) x_{1} y_{2}".split()
    )


def test_an_expansion_keeps_the_lines_after_it():
    preamble = "\\newcommand{\\pair}[2]{(#1, #2)}\n"
    body = "\\begin{align}\n\\pair{a}\n{b} &= c \\\\\nd &= e\n\\end{align}\n"
    [block] = latex_blocks(doc(body, preamble))
    assert block.text.split("\n")[3] == "d &= e"


def test_an_error_inside_an_expanded_macro_points_at_the_macros_use(tmp_path):
    preamble = "\\newcommand{\\grad}{\\nabla f}\n"
    body = "\\begin{equation}\n\n\nx = \\grad\n\\end{equation}\n"
    (result,) = check(tmp_path / "p.tex", doc(body, preamble))
    assert result.verdict is Verdict.UNREADABLE and result.step.place.line == 7


def test_a_macro_that_uses_itself_is_an_error_at_its_use():
    with pytest.raises(InputError, match="levels deep") as err:
        latex_blocks(doc("\n\\[ a = \\loop \\]\n", "\\def\\loop{\\loop x}\n"))
    assert err.value.line == 5


def test_a_macro_missing_its_argument_is_an_error():
    with pytest.raises(InputError, match="needs 1 argument"):
        latex_blocks(doc("\\[ a = {\\sq} \\]\n", SQ_PREAMBLE))


def test_macros_given_in_a_file_are_used_in_markdown(tmp_path):
    sty = tmp_path / "macros.sty"
    sty.write_text("% my macros\n\\newcommand{\\sq}[1]{#1^{2}}\n", encoding="utf-8")
    post = tmp_path / "post.md"
    post.write_text("# Squares\n\n$$\n\\sq{(a + b)} = a^2 + 2 a b + \\sq{b}\n$$\n", "utf-8")
    d = load_document(str(post), "markdown", macros=str(sty))
    results = check_derivations([d]).derivations[0].results
    assert [(r.step.place.line, r.verdict) for r in results] == [(4, Verdict.VERIFIED)]


def test_a_mathjax_or_katex_macro_table_is_read(tmp_path):
    table = tmp_path / "macros.json"
    table.write_text('{"\\\\E": "\\\\mathbb{E}", "\\\\sq": ["#1^{2}", 1], "f": "#1+#2"}', "utf-8")
    macros = load_macros(str(table))
    assert (macros["sq"].params, macros["E"].params, macros["f"].params) == (1, 0, 2)
    with pytest.raises(InputError):
        from_table({"\\bad": 3})


def test_macros_defined_in_a_markdown_formula_serve_the_ones_after_it(tmp_path):
    post = tmp_path / "post.md"
    post.write_text(
        "$$\n\\newcommand{\\sq}[1]{#1^{2}}\n\\sq{(a + b)} = a^2 + 2 a b + \\sq{b}\n$$\n", "utf-8"
    )
    results = check_derivations([load_document(str(post), "markdown")]).derivations[0].results
    assert [(r.step.place.line, r.verdict) for r in results] == [(3, Verdict.VERIFIED)]


# -- \input ----------------------------------------------------------------------------------


def write_paper(folder):
    (folder / "sections").mkdir()
    (folder / "macros.tex").write_text("\\newcommand{\\sq}[1]{#1^{2}}\n", encoding="utf-8")
    (folder / "sections" / "logs.tex").write_text(
        "% The log rules\n"
        "\\begin{lstlisting}\n"
        f"{WRONG}\n"
        "\\end{lstlisting}\n"
        "\\begin{align}\n"
        "\\log(a b) &= \\log a + \\log b \\\\\n"
        "\\log \\sq{a} &= 2 \\log a\n"
        "\\end{align}\n",
        encoding="utf-8",
    )
    main = folder / "paper.tex"
    main.write_text(
        doc(
            "\\begin{verbatim}\n"
            + WRONG
            + "\n\\end{verbatim}\n"
            + SQ_STEP
            + "\\input{sections/logs}\n"
            "\\input{sections/logs}\n",
            "\\input{macros}\n% eqchain: assume a > 0, b > 0\n",
        ),
        encoding="utf-8",
    )
    return main


def test_a_paper_with_macros_inputs_and_a_listing_is_checked_at_the_right_lines(tmp_path):
    results = check(write_paper(tmp_path), assume=None)
    places = [(r.step.place.path, r.step.place.line, r.verdict) for r in results]
    logs = str(tmp_path / "sections" / "logs.tex")
    assert places == [
        (str(tmp_path / "paper.tex"), 9, Verdict.VERIFIED),
        (logs, 6, Verdict.VERIFIED),
        (logs, 7, Verdict.VERIFIED),
    ]


def test_an_input_outside_the_documents_folder_is_refused(tmp_path):
    (tmp_path / "secret.tex").write_text(RIGHT + "\n", encoding="utf-8")
    (tmp_path / "paper").mkdir()
    main = tmp_path / "paper" / "p.tex"
    main.write_text(doc(f"{RIGHT}\n\\input{{../secret}}\n"), encoding="utf-8")
    with pytest.raises(InputError, match="outside the document's folder") as err:
        check(main)
    assert err.value.line == 4


def test_a_missing_input_file_is_an_error_at_its_line(tmp_path):
    main = tmp_path / "p.tex"
    with pytest.raises(InputError, match="cannot find") as err:
        check(main, doc(f"{RIGHT}\n\\input{{nowhere}}\n"))
    assert (err.value.path, err.value.line) == (str(main), 4)


def test_files_that_input_each_other_are_read_once(tmp_path):
    (tmp_path / "a.tex").write_text("\\input{b}\n" + RIGHT + "\n", encoding="utf-8")
    (tmp_path / "b.tex").write_text("\\input{a}\n" + RIGHT + "\n", encoding="utf-8")
    results = check(tmp_path / "a.tex")
    assert [(r.step.place.line, r.verdict) for r in results] == [
        (2, Verdict.VERIFIED),
        (2, Verdict.VERIFIED),
    ]
    assert results[0].step.place.path.endswith("b.tex")


@pytest.mark.parametrize("text", ["Text \\verb", "{" * 3000 + "$$ a = b $$" + "}" * 3000])
def test_latex_the_walker_cannot_read_is_an_input_error(text):
    with pytest.raises(InputError):
        latex_blocks(text)


def test_an_error_after_a_shorter_expansion_keeps_its_column(tmp_path):
    body = "\\begin{equation}\nx = \\sq{abcdef} + \\nabla f\n\\end{equation}\n"
    (result,) = check(tmp_path / "p.tex", doc(body, SQ_PREAMBLE))
    assert result.verdict is Verdict.UNREADABLE
    place = result.step.place
    assert (place.line, place.column) == (6, body.split("\n")[1].index("\\nabla") + 1)
