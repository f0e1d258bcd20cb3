r"""A report as a LaTeX document: each derivation a section, each chain an ``align*``.

Layout of a chain: every step is a row ``lhs &= rhs`` (a continuation row ``&= rhs``) carrying
the author's label as ``\tag{3.5}`` (a step without a label gets no tag), and under it, starting
at the ``=`` column, a paragraph of fixed width with the verdict mark and word and the
justification in the chosen language. Pages may break between steps, never between a step and
its justification. The width is the line width minus the chain's left side,
so the justification wraps instead of running into the margin whatever the sides look like.

English documents compile with pdflatex (or lualatex); Japanese ones with lualatex
(``ltjsarticle``, the LuaTeX-ja article class). ``body=True`` gives the part between
``\begin{document}`` and ``\end{document}``: it needs ``amsmath`` and ``amssymb`` and uses
colours when ``xcolor`` is loaded. Its macros (``\eqchainmark``, ``\eqchainjust``) are defined
only if they are not defined yet, so a document can restyle them.

All user text (titles, notes, labels, paths) is escaped; formulas are written as LaTeX.
"""

from __future__ import annotations

import re

from eqchain.model import DerivationReport, Report, Verdict
from eqchain.render import content
from eqchain.render.content import Span

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "#": r"\#",
    "$": r"\ensuremath{\$}",  # text \$ needs TS1 bitmap fonts under pdflatex
    "%": r"\%",
    "&": r"\&",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "|": r"\textbar{}",
}

_PREAMBLE = {
    "en": r"""\documentclass[11pt]{article}
\usepackage{amsmath,amssymb}
\usepackage[a4paper,margin=25mm]{geometry}
\usepackage{xcolor}
\allowdisplaybreaks
% The default bullet (\textbullet) needs the TS1 encoding, which pdflatex renders with bitmap
% fonts unless cm-super is installed.
\renewcommand{\labelitemi}{\ensuremath{\bullet}}
""",
    "ja": r"""% Compile with lualatex.
\documentclass[11pt]{ltjsarticle}
\usepackage{amsmath,amssymb}
\usepackage[a4paper,margin=25mm]{geometry}
\usepackage{xcolor}
\allowdisplaybreaks
""",
}

# Defined once, only when missing, so that a host document can restyle them.
_MACROS = r"""\ifdefined\eqchainmark\else
  \ifdefined\colorlet
    \colorlet{eqchainverified}{green!45!black}
    \colorlet{eqchainrefuted}{red!75!black}
    \colorlet{eqchainunknown}{orange!85!black}
    \colorlet{eqchaingiven}{black!60}
    \colorlet{eqchaindefinition}{black!60}
    \colorlet{eqchainunreadable}{magenta!70!black}
    \colorlet{eqchainjust}{black!75}
    \newcommand{\eqchainmark}[2]{\textcolor{eqchain#1}{#2}}
    \newcommand{\eqchaintextcolor}{\color{eqchainjust}}
  \else
    \newcommand{\eqchainmark}[2]{#2}
    \newcommand{\eqchaintextcolor}{}
  \fi
  \newlength{\eqchainlhswidth}
  \newlength{\eqchainjustwidth}
  \newcommand{\eqchainjust}[1]{\parbox[t]{\eqchainjustwidth}{\raggedright\small
    \eqchaintextcolor #1\par}}
  \newcommand{\eqchainsetwidth}[1]{%
    \settowidth{\eqchainlhswidth}{$\displaystyle #1$}%
    \setlength{\eqchainjustwidth}{\dimexpr\linewidth-\eqchainlhswidth-4em\relax}%
    \ifdim\eqchainjustwidth<0.5\linewidth\setlength{\eqchainjustwidth}{0.5\linewidth}\fi}
\fi
"""


def escape(value: str) -> str:
    """User text made safe for LaTeX text mode: every special character is escaped and each
    run of whitespace (newlines included) becomes one space."""
    return "".join(_SPECIAL.get(ch, ch) for ch in re.sub(r"\s+", " ", value))


def spans(items: list[Span]) -> str:
    """Spans as LaTeX text: text escaped, math in ``$...$``, code in ``\\texttt``."""
    out = []
    for span in items:
        if span.kind == "math":
            out.append(f"${span.value}$")
        elif span.kind == "number":
            out.append(f"${content.number_latex(span.value)}$")
        elif span.kind == "code":
            out.append(r"\texttt{" + escape(span.value) + "}")
        else:
            out.append(escape(span.value))
    return "".join(out)


def render_latex(report: Report, lang: str = "en", body: bool = False) -> str:
    """The report as a standalone LaTeX document (or, with ``body=True``, a fragment to paste
    into a document). ``lang`` (``en`` or ``ja``) chooses the words: rule texts, notes,
    verdicts. The output depends only on the report: the same report gives the same bytes.
    Raises ValueError for an unknown ``lang``."""
    content.check_lang(lang)
    parts = [_MACROS]
    for dreport in report.derivations:
        parts.append(_derivation(dreport, lang))
    text = "\n".join(parts)
    if body:
        return text
    return _PREAMBLE[lang] + "\n\\begin{document}\n\n" + text + "\n\\end{document}\n"


def _derivation(dreport: DerivationReport, lang: str) -> str:
    if dreport.error is not None:  # a file that could not be loaded
        return r"\section*{" + escape(dreport.path) + "}\n" + escape(str(dreport.error)) + "\n"
    out = [r"\section*{" + escape(content.title(dreport, lang)) + "}"]
    if dreport.path:
        source = content.word("source", lang)
        sep = "：" if lang == "ja" else ": "
        out.append(r"\noindent{\small " + escape(source + sep) + r"\texttt{")
        out[-1] += escape(dreport.path) + "}}\n"
    items = content.assumption_items(dreport.derivation, lang)
    if items:
        heading = content.word("assumptions", lang) + ("：" if lang == "ja" else ":")
        out.append(r"\paragraph{" + escape(heading) + "}")
        out.append(r"\begin{itemize}")
        out += [r"  \item " + spans(item) for item in items]
        out.append(r"\end{itemize}")
        out.append("")
    for chain in content.chains(dreport):
        out.append(_chain(chain, lang))
    summary = content.summary_spans(content.derivation_counts(dreport), lang)
    heading = content.word("summary", lang) + ("：" if lang == "ja" else ": ")
    out.append(r"\noindent\textbf{" + escape(heading) + "}" + spans(summary) + "\n")
    if dreport.domain:
        heading = content.word("domain", lang) + ("：" if lang == "ja" else ": ")
        where = spans([content.math(r",\ ".join(dreport.domain))])
        out.append(r"\noindent\textbf{" + escape(heading) + "}" + where + "\n")
    return "\n".join(out)


def _chain(chain: content.Chain, lang: str) -> str:
    first = chain.rows[0]
    if first.verdict is Verdict.UNREADABLE:
        # The formula as written, as text: it may not even typeset.
        return "\n".join(
            [
                r"\begin{quote}\eqchainsetwidth{}",
                r"{\ttfamily\raggedright " + escape(first.step.claim) + r"\par}\nopagebreak",
                r"\eqchainjust{" + _justification(first, lang) + "}",
                r"\end{quote}",
                "",
            ]
        )
    lines = [r"\eqchainsetwidth{" + first.lhs + "}", r"\begin{align*}"]
    rows = []
    for row in chain.rows:
        tag = r" \tag{" + escape(row.label) + "}" if row.label else ""
        # \\* forbids a page break between a row and its justification.
        rows.append(
            "  " + f"{row.arrow}{row.lhs} &{row.relation} {row.rhs}{tag}".lstrip() + " \\\\*"
        )
        rows.append(r"  &\quad\eqchainjust{" + _justification(row, lang) + "} \\\\[8pt]")
    rows[-1] = rows[-1].removesuffix(" \\\\[8pt]")
    lines += rows
    lines.append(r"\end{align*}")
    return "\n".join(lines) + "\n"


def _justification(row: content.Row, lang: str) -> str:
    verdict = row.verdict
    mark = content.LATEX_MARKS[verdict]
    head = r"\eqchainmark{" + verdict.value + "}{$" + mark + "$~"
    head += r"\textbf{" + escape(content.verdict_word(verdict, lang)) + "}}"
    if not row.label and row.step.role:  # a generated step: named by what it does
        role = content.role_text(row.step.role, lang) + ("：" if lang == "ja" else ": ")
        head = r"\textit{" + escape(role) + "}" + head
    sentences = content.justification(row.result, lang)
    if not sentences:
        return head
    sep = "　" if lang == "ja" else " --- "
    return head + escape(sep) + spans(content.join_sentences(sentences, lang))
