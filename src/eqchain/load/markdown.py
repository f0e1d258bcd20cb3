"""Display math in Markdown, found by a CommonMark parser: markdown-it-py and its plugins.

What is math is decided by the parser's tokens, never by a pattern over the raw text: a
``$$`` inside an indented or fenced code block, inline code, an HTML block or comment, or after
an escaping backslash, is not math because CommonMark says it is something else. The tokens
read as display math are

- ``$$ ... $$`` on lines of their own, and ``$$ ... $$ (label)`` (``dollarmath``);
- ``$$ ... $$`` inside a paragraph, in the dialects where that is display math;
- ``$ ... $`` that is a whole paragraph and spans several lines, holds ``\\displaystyle`` or an
  ``aligned``/``align``/``gathered``/``cases`` environment (Jupyter's Markdown writes display
  math so), in the dialects where that is display math (:func:`_lone_single_dollar`);
- ``\\begin{align} ... \\end{align}`` and the other amsmath environments standing alone
  (``amsmath``);
- ``\\[ ... \\]`` starting a line (:func:`_bracket_math_block`, a block rule of ours: the
  ``texmath`` plugin finds these but gives them no line numbers);
- fenced blocks whose info string names math (```` ```math ```` on GitHub, GitLab and Qiita,
  ```` ```{math} ```` in MyST): the whole content is display math;
- MathJax's delimiters escaped for Markdown (:func:`_escaped_math_block`): ``\\\\[ ... \\\\]``
  starting a line, and ``\\\\( ... \\\\)`` taking whole lines (mdBook and Jekyll posts write
  display math so: CommonMark turns ``\\\\[`` into the ``\\[`` MathJax reads), with Markdown's
  backslash escapes undone as CommonMark does (``\\_`` is ``_``, ``\\\\\\\\`` is ``\\\\``);
- Hugo's ``{{< katex >}} ... {{< /katex >}}`` shortcode starting a line (:func:`_katex_shortcode`):
  its content as written (Hugo renders no Markdown inside it).
- in an MkDocs admonition (``!!! note``, ``??? note``, ``???+ note``), its indented body, which
  MkDocs renders as Markdown (:data:`_ADMONITION`, mdit_py_plugins' ``admon``).

Dialects differ in which of these they render as math (:data:`DIALECTS`); the README lists
them. Every block keeps the lines of the document: its n-th line is the document's
``line + n - 1``, its columns those of the file (container prefixes such as ``> `` put back
as spaces).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from eqchain.errors import InputError
from eqchain.load.blocks import Block


@dataclass(frozen=True)
class Dialect:
    """Which Markdown constructs a platform renders as display math."""

    name: str
    inline_double: bool  # `$$a = b$$` inside a paragraph is display math
    own_lines: bool  # `$$` lines right below a paragraph's text (no blank line) are display math
    brackets: bool  # `\[ ... \]` starting a line
    amsmath: bool  # `\begin{align} ... \end{align}` standing alone
    math_fences: tuple[str, ...]  # fenced-code info words whose content is display math
    escaped: bool = False  # `\\[ ... \\]`, `\\( ... \\)` alone, Hugo's `{{< katex >}}`
    lone_dollar: bool = False  # `$ ... $` that is a whole paragraph, display-like (Jupyter)
    admonitions: bool = False  # `!!! note` / `??? note` and their indented body (MkDocs)


DIALECTS = {
    d.name: d
    for d in (
        Dialect(
            "commonmark",
            True,
            True,
            True,
            True,
            ("math",),
            escaped=True,
            lone_dollar=True,
            admonitions=True,
        ),
        Dialect("github", False, True, False, False, ("math",)),
        Dialect("gitlab", False, True, False, False, ("math",)),
        Dialect("qiita", False, True, False, False, ("math",)),
        Dialect("zenn", False, True, False, False, ()),
        Dialect("kramdown", False, False, False, False, ()),
        Dialect("pandoc", True, True, False, True, ()),
        Dialect("myst", False, True, False, True, ("{math}",), lone_dollar=True),
    )
}
DEFAULT_DIALECT = "commonmark"

# Front-matter keys that say which platform a post is written for (read only when the
# document does not name its dialect with ``eqchain-dialect:`` and none is given).
_DIALECT_KEYS = (
    ("zenn", ("emoji", "topics")),
    ("qiita", ("ignorePublish", "organization_url_name")),
    ("myst", ("jupytext", "kernelspec", "myst", "mystnb")),
    ("kramdown", ("layout",)),
    ("pandoc", ("output", "format")),
)
_PANDOC_SUFFIXES = (".qmd", ".rmd")
# <!-- eqchain: assume ... -->, or the front matter's key as a comment: <!-- eqchain-assume: ... -->
_ASSUME_COMMENT = re.compile(r"<!--\s*eqchain(?:\s*:\s*assume\s+|-assume\s*:\s*)(.+?)\s*-->", re.S)
_MYST_OPTION = re.compile(r"\s*:[\w-]+:")


@dataclass(frozen=True)
class MarkdownDocument:
    """What a Markdown document says: display math, title, assumptions, dialect."""

    blocks: tuple[Block, ...]
    title: str | None
    assumptions: tuple[str, ...]
    dialect: str


def read_markdown(text: str, dialect: str | None = None, suffix: str = "") -> MarkdownDocument:
    """Parse ``text`` as CommonMark with math; ``dialect`` (a key of :data:`DIALECTS`) wins
    over what the document says (front matter ``eqchain-dialect:`` or a platform's keys, a
    ``.qmd``/``.Rmd`` ``suffix``). Raises InputError for an unknown dialect name."""
    tokens = _parser().parse(text)
    front = _front_matter(tokens)
    name = dialect or _detect_dialect(front, suffix.lower())
    if name not in DIALECTS:
        raise InputError(f"unknown Markdown dialect '{name}' (use {', '.join(DIALECTS)})")
    chosen = DIALECTS[name]
    if chosen.admonitions and _ADMONITION.search(text):
        tokens = _parser(admonitions=True).parse(text)  # their bodies are Markdown
    lines = text.split("\n")
    blocks: list[Block] = []
    assumptions = [v for k, v in front if k == "eqchain-assume"]
    title = next((v.strip("\"'") for k, v in front if k == "title"), None)
    lead = ""  # the paragraph just before: the prose a display follows
    since: list[str] = []  # the paragraphs since the display before (Block.prose)
    section = 0  # the headings so far (Block.section)
    chained = _lone_chains(tokens)
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            section += 1
        if token.type == "html_block":
            assumptions.extend(_ASSUME_COMMENT.findall(token.content))
            scripts = _script_displays(token, lines)
            for k, block in enumerate(scripts):
                first = k == 0  # the prose since the display before leads the first only
                prose, before = ("\n\n".join(since), lead) if first else ("", "")
                blocks.append(replace(block, lead=before, prose=prose, section=section))
            if scripts:
                since, lead = [], ""
            hidden = _math_in_html(token, lines)
            if hidden is not None:
                blocks.append(Block("$$", *hidden, error=HTML_MATH, section=section))
        elif token.type == "inline":
            if title is None and i > 0 and tokens[i - 1].tag == "h1":
                title = token.content.strip() or None
            paragraph = i > 0 and tokens[i - 1].type == "paragraph_open"
            found, lead = _inline_blocks(token, lines, chosen, assumptions, lead, i in chained)
            if found:
                found[0] = replace(found[0], prose="\n\n".join([*since, found[0].lead]))
                since = []
            if paragraph:
                since.append(lead)
            unpaired = [Block("$$", ln, col, error=UNPAIRED) for ln, col in _unpaired(token, lines)]
            found = [replace(b, section=section) for b in found + unpaired]
            blocks.extend(sorted(found, key=lambda b: (b.line, b.column)))
            if not paragraph:
                lead = ""  # a heading or a table cell is no prose a display follows
        elif token.map is not None:
            block = _block(token, lines, chosen)
            if block is not None:
                for k, part in enumerate(_split_displays(token, block)):
                    if k:
                        blocks.append(replace(part, section=section))
                    else:
                        blocks.append(
                            replace(part, lead=lead, prose="\n\n".join(since), section=section)
                        )
                        since = []
            if not token.type.endswith("_close") and token.type != "paragraph_open":
                lead = ""  # (a paragraph's own text is read from its inline token)
    if blocks and since:
        blocks[-1] = replace(blocks[-1], after=since[0])
    return MarkdownDocument(tuple(blocks), title, tuple(assumptions), name)


def markdown_blocks(text: str, dialect: str | None = None) -> list[Block]:
    """Display math in Markdown (see the module's docstring), in document order."""
    return list(read_markdown(text, dialect).blocks)


# -- the parser ------------------------------------------------------------------------------


# A line that may open an admonition (Python-Markdown's `!!! note "Title"`, pymdownx.details'
# `??? note` and `???+ note`): the document is parsed again with the admonition rule.
_ADMONITION = re.compile(r"^ {0,3}(?:!!!|\?\?\?\+?)[ \t]+\S", re.M)


def _parser(admonitions: bool = False):
    """The CommonMark parser with the math rules; with ``admonitions``, also MkDocs'
    admonitions (``!!! note`` and an indented body, which is Markdown: mdit_py_plugins' admon,
    as Python-Markdown's admonition extension and pymdownx.details read them)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.amsmath import amsmath_block, amsmath_plugin
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from mdit_py_plugins.dollarmath.index import math_inline_dollar
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark")
    md.use(front_matter_plugin)
    if admonitions:
        from mdit_py_plugins.admon import admon_plugin

        md.use(admon_plugin)
    md.use(dollarmath_plugin, double_inline=True, allow_labels=True)
    md.use(amsmath_plugin)
    alt = ["paragraph", "reference", "blockquote", "list", "footnote_def"]
    md.block.ruler.at("amsmath", _not_inside_dollars(amsmath_block), {"alt": alt})
    for name, rule in (
        ("math_block_brackets", _bracket_math_block),
        ("math_block_escaped", _escaped_math_block),
        ("katex", _katex_shortcode),
    ):
        md.block.ruler.before("amsmath", name, _not_inside_dollars(rule), {"alt": alt[:4]})
    md.block.ruler.at("lheading", _underline_outside_dollars())
    # The inline rule, wrapped to remember where in the paragraph each formula starts.
    md.inline.ruler.at("math_inline", _located(math_inline_dollar(True, True, True)))
    return md


def _not_inside_dollars(rule):
    """``rule``, except that it does not end a paragraph whose ``$$`` is still open: in
    ``Recall:`` / ``$$`` / ``\\begin{align*} ... \\end{align*}`` / ``$$`` the environment is the
    display's content (the paragraph's ``$$ ... $$``), not a block that leaves both ``$$``
    unpaired (the second then opened a display over the prose that follows)."""

    def rule_outside_dollars(state, start_line: int, end_line: int, silent: bool) -> bool:
        if silent and state.parentType == "paragraph" and _open_dollars(state, start_line):
            return False
        return rule(state, start_line, end_line, silent)

    return rule_outside_dollars


def _underline_outside_dollars():
    """CommonMark's setext heading rule, except that a line of ``=`` (or ``-``) inside a
    paragraph's open ``$$`` is the display's own (``\\end{pmatrix}`` / ``=`` / ``\\frac{1}{Z}``,
    an author breaking a row at its relation): not a heading's underline, which cut the display
    in two ("unclosed '$$'"), dropped a definition after it and refuted valid rows (helper s48,
    a Japanese softmax post)."""
    from markdown_it.rules_block import lheading

    def rule(state, start_line: int, end_line: int, silent: bool) -> bool:
        line = start_line + 1
        while line < end_line and not state.isEmpty(line):
            text = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]
            if re.fullmatch(r"(?:=+|-+)\s*", text):
                if _open_dollars(state, line):
                    return False
                break
            line += 1
        return lheading(state, start_line, end_line, silent)

    return rule


def _open_dollars(state, line: int) -> bool:
    """Whether the paragraph that ``line`` would continue has an odd number of ``$$``."""
    count = 0
    k = line - 1
    while k >= 0 and not state.isEmpty(k):
        text = state.src[state.bMarks[k] + state.tShift[k] : state.eMarks[k]]
        count += len(re.findall(r"(?<!\\)\$\$", text))
        k -= 1
    return count % 2 == 1


def _located(rule):
    def located(state, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        found = rule(state, silent)
        if found and not silent and len(state.tokens) > count:
            meta = {**(state.tokens[-1].meta or {}), "offset": start, "end": state.pos}
            state.tokens[-1].meta = meta
        return found

    return located


def _bracket_math_block(state, start_line: int, end_line: int, silent: bool) -> bool:
    """``\\[`` at the start of a block line, up to the line that ends with ``\\]``.

    As the ``amsmath`` rule does for environments: never in an indented code block, the
    closing delimiter may stand on the opening line, and without one nothing is math."""
    if state.is_code_block(start_line):
        return False
    begin = state.bMarks[start_line] + state.tShift[start_line]
    if not state.src.startswith("\\[", begin):
        return False
    line = start_line
    while line < end_line:
        first = begin + 2 if line == start_line else state.bMarks[line] + state.tShift[line]
        content = state.src[first : state.eMarks[line]].rstrip()
        if line > start_line and content and state.sCount[line] < state.blkIndent:
            return False  # a line less indented than the list item ends it
        if content.endswith("\\]") and not content.endswith("\\\\]"):
            break
        line += 1
    else:
        return False
    if silent:
        return True
    state.line = line + 1
    token = state.push("math_block_brackets", "math", 0)
    token.block = True
    token.content = state.getLines(start_line, line + 1, state.sCount[start_line], False)
    token.markup = "\\["
    token.map = [start_line, line + 1]
    return True


_ESCAPED_OPEN = re.compile(r"(\\+)([\[(])")
_PUNCTUATION = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_KATEX_OPEN = re.compile(r"\{\{(?:<\s*katex(?:\s[^>]*)?>|%\s*katex(?:\s[^%]*)?%)\}\}")
_KATEX_CLOSE = re.compile(r"\{\{(?:<\s*/katex\s*>|%\s*/katex\s*%)\}\}")


def _escaped_math_block(state, start_line: int, end_line: int, silent: bool) -> bool:
    """``\\\\[`` at the start of a block line up to the first ``\\\\]`` (the rest of that line
    is prose), or ``\\\\(`` at the start of a line up to a ``\\\\)`` that ends a line (an
    inline formula alone on its lines is displayed). What MathJax reads is what CommonMark
    renders: an odd number of backslashes left after Markdown's escapes (``\\\\[``, ``\\\\\\[``
    give ``\\[``). Never in an indented code block."""
    if state.is_code_block(start_line):
        return False
    begin = state.bMarks[start_line] + state.tShift[start_line]
    m = _ESCAPED_OPEN.match(state.src, begin, state.eMarks[start_line])
    if m is None or not _mathjax_delimiter(m.group(1)):
        return False
    closer = "]" if m.group(2) == "[" else ")"
    line, pos = start_line, m.end()
    while line < end_line:
        stop = state.eMarks[line]
        if line > start_line:
            pos = state.bMarks[line] + state.tShift[line]
            if pos >= stop:
                return False  # a blank line ends the paragraph (a lazy line continues it)
        end = _closing(state.src, pos, stop, closer)
        if end is not None:
            if closer == ")" and state.src[end:stop].strip():
                return False  # inline math followed by text
            break
        line += 1
    else:
        return False
    if silent:
        return True
    text = _unescaped(_file_lines(state, start_line, line, begin, end))
    _push_block(state, "math_block_escaped", text, start_line, line, begin)
    return True


def _mathjax_delimiter(backslashes: str) -> bool:
    """``backslashes`` before a bracket leave an odd number after Markdown's escapes."""
    return len(backslashes) >= 2 and (len(backslashes) // 2) % 2 == 1


def _closing(src: str, pos: int, stop: int, closer: str) -> int | None:
    """The end of the first MathJax closing delimiter (``\\\\]``) in ``src[pos:stop]``."""
    for m in re.finditer(r"(\\+)" + re.escape(closer), src[pos:stop]):
        if _mathjax_delimiter(m.group(1)):
            return pos + m.end()
    return None


def _unescaped(text: str) -> str:
    """Markdown's backslash escapes undone, each removed backslash put back as a space before
    the run of escapes it stood in, so that every character keeps its column
    (``x\\_k`` -> ``x _k``, ``\\\\\\\\`` -> ``  \\\\``)."""
    out, i, n = [], 0, len(text)
    while i < n:
        run, j = [], i
        while j + 1 < n and text[j] == "\\" and text[j + 1] in _PUNCTUATION:
            run.append(text[j + 1])
            j += 2
        if run:
            out.append(" " * len(run) + "".join(run))
            i = j
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _file_lines(state, first: int, last: int, begin: int, end: int) -> str:
    """The source from ``begin`` (on line ``first``) to ``end`` (on line ``last``), each later
    line from its file column 1 (a container's prefix such as ``> `` blanked)."""
    out = [state.src[begin : min(end, state.eMarks[first])]]
    for line in range(first + 1, last + 1):
        start = state.bMarks[line] + state.tShift[line]
        physical = state.src.rfind("\n", 0, start) + 1
        out.append(" " * (start - physical) + state.src[start : min(end, state.eMarks[line])])
    return "\n".join(out)


def _push_block(state, kind: str, text: str, first: int, last: int, begin: int) -> None:
    state.line = last + 1
    token = state.push(kind, "math", 0)
    token.block = True
    token.content = text
    token.map = [first, last + 1]
    token.meta = {"column": begin - (state.src.rfind("\n", 0, begin) + 1) + 1}


def _katex_shortcode(state, start_line: int, end_line: int, silent: bool) -> bool:
    """Hugo's ``{{< katex >}}`` (any options, or ``{{% katex %}}``) at the start of a block
    line, up to its ``{{< /katex >}}``: display math, the shortcodes read as ``\\[``/``\\]``
    (padded with spaces to their width, so that columns hold)."""
    if state.is_code_block(start_line):
        return False
    begin = state.bMarks[start_line] + state.tShift[start_line]
    opening = _KATEX_OPEN.match(state.src, begin, state.eMarks[start_line])
    if opening is None:
        return False
    line, pos = start_line, opening.end()
    while line < end_line:
        if line > start_line:
            pos = state.bMarks[line] + state.tShift[line]
        closing = _KATEX_CLOSE.search(state.src, pos, state.eMarks[line])
        if closing is not None:
            break
        line += 1
    else:
        return False
    if silent:
        return True
    text = _file_lines(state, start_line, line, begin, closing.end())
    width_open, width_close = opening.end() - begin, closing.end() - closing.start()
    text = " " * (width_open - 2) + "\\[" + text[width_open:]
    text = text[: len(text) - width_close] + "\\]" + " " * (width_close - 2)
    _push_block(state, "math_block_katex", text, start_line, line, begin)
    return True


# -- tokens to blocks ------------------------------------------------------------------------


def _block(token, lines: list[str], dialect: Dialect) -> Block | None:
    first = token.map[0] + 1
    if token.type in ("math_block", "math_block_label"):
        content = token.content
        if token.type == "math_block_label" and dialect.name == "myst":
            content = _tagged(content, token.info)
        return _placed("$$" + content + "$$", lines, first)
    if token.type == "math_block_brackets" and dialect.brackets:
        return _placed(token.content.rstrip("\n"), lines, first)
    if token.type in ("math_block_escaped", "math_block_katex") and dialect.escaped:
        return Block(token.content, first, token.meta["column"])
    if token.type == "amsmath" and dialect.amsmath:
        return _placed(token.content.rstrip("\n"), lines, first)
    if token.type == "fence":
        words = token.info.split()
        if words and words[0] in dialect.math_fences:
            content = token.content
            if words[0] == "{math}":
                label = _directive_label(content)
                content = _without_directive_options(content)
                if label:
                    content = _tagged(content, label)
            return _placed("$$\n" + content + "$$", lines, first, token.markup + token.info)
    return None


def _split_displays(token, block: Block) -> list[Block]:
    """``block`` as the displays it holds: a ``$$...$$`` block whose line goes on after its
    closing ``$$`` (``$$x + x = 2x.$$ So ... Hence $$y + y = 2y.$$``) is taken by the parser
    as one display up to the last ``$$`` of a line, prose and all; it is each ``$$...$$`` of it,
    the prose between them the lead of the next. Anything else: ``[block]``."""
    text = block.text  # as written from block.column on
    if token.type == "math_block" and "$$" in token.content:
        cuts = [m.start() for m in re.finditer(r"(?<!\\)\$\$", text)]
        if len(cuts) < 4 or len(cuts) % 2:
            return [block]
        spans = [(a, b + 2) for a, b in zip(cuts[::2], cuts[1::2], strict=True)]
    elif token.type == "math_block_brackets":
        spans = _delimited(text, _BRACKET_OPEN, _BRACKET_CLOSE)
    elif token.type == "amsmath":
        spans = _environments(text)
    else:
        return [block]
    if spans is None or (len(spans) < 2 and not text[spans[0][1] :].strip()):
        return [block]  # one display, nothing after it on its line
    out = []
    prose_from = None
    for open_at, end in spans:
        line = block.line + text.count("\n", 0, open_at)
        start = text.rfind("\n", 0, open_at) + 1
        column = (block.column + open_at) if start == 0 else (open_at - start + 1)
        lead = text[prose_from:open_at] if prose_from is not None else block.lead
        out.append(Block(text[open_at:end], line, column, lead=lead))
        prose_from = end
    return out


_BRACKET_OPEN = re.compile(r"(?<!\\)\\\[")
_BRACKET_CLOSE = re.compile(r"(?<!\\)\\\]")


def _delimited(text: str, opener: re.Pattern, closer: re.Pattern):
    """The spans of ``\\[ ... \\]`` displays written one after another in ``text`` (``\\[a = b\\]
    \\[c = d\\]`` on one line, read as one formula before: "unexpected '\\]'"), when the
    delimiters alternate, the first opening the text; None otherwise."""
    marks = sorted(
        [(m.start(), "open", m.end()) for m in opener.finditer(text)]
        + [(m.start(), "close", m.end()) for m in closer.finditer(text)]
    )
    spans, at = [], None
    for pos, kind, end in marks:
        if kind == "open":
            if at is not None:
                return None
            at = pos
        else:
            if at is None:
                return None
            spans.append((at, end))
            at = None
    if at is not None or not spans or text[: spans[0][0]].strip():
        return None
    return spans


_ENVIRONMENT = re.compile(r"\\(begin|end)\s*\{\s*([A-Za-z]+\*?)\s*\}")


def _environments(text: str):
    """The spans of the amsmath environments written one after another in ``text`` with prose
    between them (``\\begin{equation} ... \\end{equation} For a Bernoulli RV, we know
    \\begin{align} ... \\end{align}``: the prose was read as rows of math), each from its
    ``\\begin`` to its ``\\end`` at the same depth; None when they do not pair up."""
    spans, depth, at, name = [], 0, None, None
    for m in _ENVIRONMENT.finditer(text):
        kind, env = m.group(1), m.group(2)
        if kind == "begin":
            if depth == 0:
                at, name = m.start(), env
            depth += 1
        else:
            depth -= 1
            if depth < 0:
                return None
            if depth == 0:
                if env != name:
                    return None
                spans.append((at, m.end()))
    if depth != 0 or not spans or text[: spans[0][0]].strip():
        return None
    return spans


def _inline_blocks(
    token, lines: list[str], dialect: Dialect, assumptions: list[str], previous="", chained=False
):
    """Display math inside a paragraph (``$$...$$`` where the dialect says so, and a display-like
    ``$...$`` that is the whole paragraph: :func:`_lone_single_dollar`), each with the prose
    before it in the paragraph (``previous``, the paragraph before, for a whole-paragraph
    ``$...$``), and the paragraph's prose after the last one."""
    out = []
    prose_from = 0
    children = list(token.children or ())
    environments = _environments_in_prose(token, dialect)
    for at, stop in environments:
        children.append(_EnvironmentSpan(at, stop))
    for at, stop, why in _brackets_in_prose(token, dialect, environments):
        text = token.content[at:stop]
        out.append(replace(_in_paragraph(token, lines, at, text, ""), error=why))
    # MathJax's display scripts written inside a paragraph: displays all the same
    out.extend(_script_displays(token, lines))
    children.sort(key=lambda c: (c.meta or {}).get("offset", -1))
    for child in children:
        if child.type == "environment":
            offset, end = child.meta["offset"], child.meta["end"]
            text = token.content[offset:end]
            out.append(_in_paragraph(token, lines, offset, text, token.content[prose_from:offset]))
            prose_from = end
            continue
        if child.type == "html_inline":
            assumptions.extend(_ASSUME_COMMENT.findall(child.content))
        offset, end = (child.meta or {}).get("offset"), (child.meta or {}).get("end")
        if offset is None or end is None:
            continue
        source = token.content
        if child.type == "math_inline":
            lone = _lone_single_dollar(child.content, source, offset, end)
            if not (dialect.lone_dollar and lone) and not chained:
                continue
            first = token.map[0] + 1 + source.count("\n", 0, offset)
            line_start = source.rfind("\n", 0, offset) + 1
            lead = _indent_of(source[line_start:].split("\n", 1)[0], lines, first)
            block = _placed("$" + child.content + "$", lines, first)
            out.append(Block(block.text, first, lead + offset - line_start + 1, lead=previous))
            prose_from = end
            continue
        if child.type != "math_inline_double":
            continue
        alone = (offset == 0 or source[offset - 1] == "\n") and source[end : end + 1] in ("", "\n")
        if not (dialect.inline_double or dialect.own_lines and alone):
            continue
        text = "$$" + child.content + "$$"
        out.append(_in_paragraph(token, lines, offset, text, source[prose_from:offset]))
        prose_from = end
    return out, token.content[prose_from:]


def _in_paragraph(token, lines: list[str], offset: int, text: str, prose: str) -> Block:
    """The display ``text`` written at ``offset`` of a paragraph's source, at its line and
    column in the document, with ``prose`` as its lead."""
    source = token.content
    first = token.map[0] + 1 + source.count("\n", 0, offset)
    line_start = source.rfind("\n", 0, offset) + 1
    line_end = source.find("\n", offset)
    line_text = source[line_start : line_end if line_end >= 0 else len(source)]
    lead = _indent_of(line_text, lines, first)
    block = _placed(text, lines, first)
    return Block(block.text, first, lead + offset - line_start + 1, lead=prose)


def _held(token) -> list[tuple[int, int]]:
    """The spans of a paragraph's source that its inline formulas and code spans hold."""
    held = [
        (c.meta["offset"], c.meta["end"])
        for c in token.children or ()
        if c.type.startswith("math_inline") and (c.meta or {}).get("offset") is not None
    ]
    if any(c.type == "code_inline" for c in token.children or ()):  # `...$$...`: code
        held += [(m.start(), m.end()) for m in _CODE_SPAN.finditer(token.content)]
    return held


@dataclass
class _EnvironmentSpan:
    """An amsmath environment inside a paragraph's prose, as a child of its inline token."""

    start: int
    end: int
    type: str = "environment"

    @property
    def meta(self) -> dict:
        return {"offset": self.start, "end": self.end}


def _environments_in_prose(token, dialect) -> list[tuple[int, int]]:
    """The spans of amsmath environments written inside a paragraph's prose (``That is,
    \\begin{align} (a+b)^2 &= a^2 + b^2 \\end{align} Simplifying``), which MathJax renders as
    displays wherever they stand (a Blogger post's wrong step there was never read), in the
    dialects that read environments standing alone; none inside an inline formula or code."""
    if not dialect.amsmath or "\\begin" not in token.content:
        return []
    text = token.content
    held = _held(token)
    held += [(m.start(), m.end()) for m in _HTML_COMMENT.finditer(text)]  # never rendered
    out, depth, at, name = [], 0, None, None
    for m in _ENVIRONMENT.finditer(text):
        if any(a <= m.start() < b for a, b in held):
            continue
        kind, env = m.group(1), m.group(2)
        if kind == "begin":
            if depth == 0:
                at, name = m.start(), env
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0 and env == name and name.rstrip("*") in _DISPLAY_ENVIRONMENTS:
                out.append((at, m.end()))
    return out


PROSE_BRACKETS = (
    "display math \\[ ... \\] inside a paragraph's prose is not read: CommonMark renders an "
    "escaped \\[ as a bracket there (it is math only on lines of its own, or where the page's "
    "pipeline keeps it for MathJax); put the display on lines of its own to have it checked"
)
PROSE_ESCAPED_BRACKETS = (
    "display math \\\\[ ... \\\\] inside a paragraph's prose is not read (MathJax renders it "
    "there): put the display on lines of its own to have it checked"
)
_DOUBLE_OPEN = re.compile(r"(?<!\\)\\\\\[")
_DOUBLE_CLOSE = re.compile(r"(?<!\\)\\\\\]")
# a relation: what makes \[ ... \] in prose a formula rather than a bracketed note ([1], [sic])
_RELATION = re.compile(r"[=<>]|\\(?:le|ge|leq|geq|neq|ne|sim|approx|propto)(?![A-Za-z])")


def _brackets_in_prose(token, dialect, environments) -> list[tuple[int, int, str]]:
    """The spans of ``\\[ ... \\]`` holding a relation inside a paragraph's prose (``We have
    \\[a + a = 3a\\]and``), in the dialects that read them on lines of their own: each is
    reported unread (:data:`PROSE_BRACKETS`), never skipped in silence (a wrong step there exited
    0) and never read (CommonMark's ``\\[n = 1\\]`` is the text "[n = 1]"); none inside an inline
    formula, code, an HTML comment, or around an environment read as a display
    (:func:`_environments_in_prose`)."""
    if "\\[" not in token.content:
        return []
    text = token.content
    held = _held(token) + [(m.start(), m.end()) for m in _HTML_COMMENT.finditer(text)]

    def free(m) -> bool:
        return not any(a <= m.start() < b for a, b in held)

    out: list = []
    kinds = [(_BRACKET_OPEN, _BRACKET_CLOSE, PROSE_BRACKETS)] if dialect.brackets else []
    if dialect.escaped:  # \\[ ... \\]: Markdown's escape leaves MathJax its \[ (a red team's)
        kinds.append((_DOUBLE_OPEN, _DOUBLE_CLOSE, PROSE_ESCAPED_BRACKETS))
    for opener, closer, why in kinds:
        at = 0
        while (opened := opener.search(text, at)) is not None:
            at = opened.end()
            if not free(opened):
                continue
            closed = next((m for m in closer.finditer(text, opened.end()) if free(m)), None)
            if closed is None:
                break
            span = (opened.start(), closed.end())
            at = closed.end()
            if any(a < span[1] and span[0] < b for a, b in environments):
                continue
            if _RELATION.search(text, opened.end(), closed.start()):
                out.append((*span, why))
    return out


_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)

# the amsmath environments MathJax renders as displays of their own
_DISPLAY_ENVIRONMENTS = frozenset(
    {"align", "equation", "gather", "multline", "eqnarray", "alignat", "flalign"}
)


_DISPLAY_LIKE = re.compile(
    r"\\displaystyle(?![A-Za-z])|\\begin\s*\{\s*(?:aligned|align|gathered|gather|cases|split)\*?\s*\}"
)


def _lone_single_dollar(content: str, source: str, offset: int, end: int) -> bool:
    """Whether the ``$...$`` at ``source[offset:end]`` is display math as Jupyter writes it:
    nothing else in its paragraph, and display-like (it spans several lines, or holds
    ``\\displaystyle`` or an ``aligned``/``align``/``gathered``/``cases`` environment). An
    inline formula inside a sentence never is."""
    if source[:offset].strip() or source[end:].strip():
        return False
    return "\n" in content or _DISPLAY_LIKE.search(content) is not None


# a formula that starts with a relation: a chain's next row (= ..., \le ...)
# (a bare < only without a > after it: $<x, y> = ...$ is an inner product)
_LEADING_RELATION = re.compile(r"\s*(?:=|>|<(?![^>]*>)|\\(?:leq?|geq?|lt|gt|approx)(?![A-Za-z]))")


def _lone_chains(tokens) -> set[int]:
    r"""The positions of the inline tokens that are a chain written as paragraphs of one
    ``$...$`` each, in every dialect: ``$\sigma'(x) = ...$``, then ``$= ...$`` paragraph after
    paragraph, as blogs write one (its rows were skipped without a word, two wrong steps with
    them; helper s48). A paragraph is in such a chain when it is one ``$...$`` with a relation
    outside its braces and the next paragraph, right after it, is one ``$...$`` that starts with
    a relation, or it starts with one itself right after such a paragraph or a display. A
    lone ``$t = 0$`` (an example value), ``$i = 1, \ldots, n$`` or a list of ``$y = 1$``
    items is no chain: read as displays they defined names for the rest of the document (red
    team s48-2)."""
    lone = []  # (position of the inline token, starts with a relation)
    for i, token in enumerate(tokens):
        if token.type != "inline" or i == 0 or tokens[i - 1].type != "paragraph_open":
            continue
        children = [c for c in token.children or () if c.type != "softbreak"]
        if len(children) != 1 or children[0].type != "math_inline":
            continue
        content = children[0].content
        top = content
        while True:  # outside every brace group (not the = of \sum_{k=1}^{n})
            inner = re.sub(r"\{[^{}]*\}", "", top)
            if inner == top:
                break
            top = inner
        if _RELATION.search(top) is None:
            continue
        lone.append((i, _LEADING_RELATION.match(content) is not None))
    chained: set[int] = set()
    for (i, _), (j, continues) in zip(lone, lone[1:], strict=False):
        # right after each other: paragraph_close, paragraph_open between them, nothing else
        if continues and j - i == 3 and tokens[i].level == tokens[j].level:
            chained |= {i, j}
    for j, continues in lone:
        # $= ...$ right after a display ($$ (x + 1)^2 = x^2 + 2x + 1 $$, then $= x^2 + 1$: the
        # wrong row was skipped; red team s48-3)
        before = tokens[j - 2] if j >= 2 else None
        if continues and before is not None and before.type.startswith(("math_block", "amsmath")):
            chained.add(j)
    return chained


HTML_MATH = (
    "display math inside an HTML block (<p>, <div>) is not read: CommonMark passes HTML through "
    "untouched, though MathJax may render it on the page; put the display outside the HTML "
    "to have it checked"
)
_HTML_DISPLAY = re.compile(
    r"(?<!\\)\$\$.+?(?<!\\)\$\$|\\\[.+?\\\]|\\begin\{[A-Za-z]+\*?\}", re.DOTALL
)


# MathJax 2's display math, as kramdown writes it (and MathJax renders it on the page):
# <script type="math/tex; mode=display">...</script>; "math/tex" alone is inline math
_SCRIPT_DISPLAY = re.compile(
    r"<script\b[^>]*?\btype\s*=\s*([\"'])math/tex;\s*mode\s*=\s*display\1[^>]*>(.*?)"
    r"</script\s*>",
    re.DOTALL | re.IGNORECASE,
)


def _script_displays(token, lines: list[str]) -> list[Block]:
    """The displays of the ``<script type="math/tex; mode=display">`` tags in the source of
    ``token`` (an HTML block, or a paragraph), each a ``$$`` block at its content's place, with
    the paragraph's text before it as its lead: MathJax renders them as display math, so their
    equations are checked (one without an environment was skipped in silence, exit 0)."""
    if token.map is None:
        return []
    source = token.content
    return [
        # the closing "$$" on a line of its own: kramdown's "%]]>" comments out its line
        _in_paragraph(token, lines, m.start(2), f"$${m.group(2)}\n$$", source[: m.start()])
        for m in _SCRIPT_DISPLAY.finditer(source)
    ]


def _math_in_html(token, lines: list[str]) -> tuple[int, int] | None:
    """(line, column) of the first display (``$$...$$``, ``\\[...\\]``, an environment) an
    HTML block holds, outside its comments; None when it holds none. Such math is no
    Markdown's (the README): the display is reported unread, never silently skipped (a wrong
    step in a ``<p class="math">`` exited 0)."""
    if token.map is None:
        return None
    content = _HTML_COMMENT.sub(lambda m: " " * len(m.group(0)), token.content)
    # (MathJax's display scripts are read: _script_displays)
    content = _SCRIPT_DISPLAY.sub(lambda m: " " * len(m.group(0)), content)
    found = _HTML_DISPLAY.search(content)
    if found is None:
        return None
    line = token.map[0] + 1 + content.count("\n", 0, found.start())
    start = content.rfind("\n", 0, found.start()) + 1
    return line, found.start() - start + 1


UNPAIRED = (
    "unclosed '$$': no '$$' closes this display before its paragraph ends (at a blank line), "
    "so the math below it is read as prose; close it, or put a blank line around the display"
)


_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)


def _unpaired(token, lines: list[str]) -> list[tuple[int, int]]:
    """(line, column) of each line of the paragraph ``token`` that is ``$$`` alone and that no
    formula of the paragraph holds: a display opened and never closed before the paragraph
    ends (a blank line), or closed by nothing."""
    if token.map is None:
        return []
    held = _held(token)
    out = []
    offset = 0
    for k, text in enumerate(token.content.split("\n")):
        at = offset + len(text) - len(text.lstrip())
        if text.strip() == "$$" and not any(a <= at < b for a, b in held):
            line = token.map[0] + 1 + k
            out.append((line, _indent_of(text, lines, line) + len(text) - len(text.lstrip()) + 1))
        offset += len(text) + 1
    return out


def _placed(text: str, lines: list[str], first: int, opener: str | None = None) -> Block:
    """The block ``text`` whose k-th line is (a suffix of) the file's line ``first + k``,
    with each line moved back to its column in the file (a container's ``> `` or a list
    item's indentation is left out of the parser's content)."""
    parts = text.split("\n")
    out = [parts[0]]
    for k, part in enumerate(parts[1:], start=1):
        out.append(" " * _indent_of(part, lines, first + k) + part)
    column = _indent_of(opener if opener is not None else parts[0], lines, first) + 1
    return Block("\n".join(out), first, column)


def _indent_of(part: str, lines: list[str], line: int) -> int:
    """How many characters stand before ``part`` on the file's ``line`` (0 if it is not
    that line's end)."""
    source = lines[line - 1].rstrip() if 0 < line <= len(lines) else ""
    part = part.rstrip()
    if part and source.endswith(part):
        return len(source) - len(part)
    return 0


def _tagged(content: str, label: str) -> str:
    """MyST's equation label as the author's ``\\tag``, at the end of the last row (so that
    reports name the step by it, as they do a ``\\tag``), unless the math has a tag already."""
    if not label or "\\tag" in content:
        return content
    lines = content.split("\n")
    last = max((i for i, line in enumerate(lines) if line.strip()), default=None)
    if last is None:
        return content
    lines[last] += f" \\tag{{{label}}}"
    return "\n".join(lines)


def _directive_label(content: str) -> str | None:
    for line in content.split("\n"):
        if not _MYST_OPTION.match(line):
            return None
        key, _, value = line.strip()[1:].partition(":")
        if key == "label":
            return value.strip() or None
    return None


def _without_directive_options(content: str) -> str:
    """A MyST ``{math}`` directive's content with its ``:label: ...`` option lines blanked
    (kept as empty lines, so that the rows keep their lines)."""
    lines = content.split("\n")
    for i, line in enumerate(lines):
        if not _MYST_OPTION.match(line):
            break
        lines[i] = ""
    return "\n".join(lines)


# -- front matter and dialects ---------------------------------------------------------------


def _front_matter(tokens) -> list[tuple[str, str]]:
    """The top-level ``key: value`` lines of the front matter (found by the plugin)."""
    if not tokens or tokens[0].type != "front_matter":
        return []
    out = []
    for line in tokens[0].content.split("\n"):
        if line[:1].isspace() or ":" not in line or line.lstrip().startswith("#"):
            continue
        key, _, value = line.partition(":")
        out.append((key.strip(), value.strip()))
    return out


def _detect_dialect(front: list[tuple[str, str]], suffix: str) -> str:
    keys = {k for k, _ in front}
    named = [v.strip("\"'").lower() for k, v in front if k == "eqchain-dialect"]
    if named:
        return named[0]
    if suffix in _PANDOC_SUFFIXES:
        return "pandoc"
    for name, markers in _DIALECT_KEYS:
        if keys & set(markers):
            return name
    return DEFAULT_DIALECT
