r"""A case stated in the prose right before a display: the condition of its rows.

Proofs split into cases in words: "If $x < 0$, we have: $$ ... $$ If $x \geq 0$, we have: $$
... $$". The reading (README, notation table "Conditions"): when the prose just before a display
ends with one sentence that starts with *if*, *for*, *when*, *whenever*, *assuming* or *suppose*
(after a connective of up to three words and a comma, "Moreover, ", "First of all, ", and an
optional *then*, *now* or *so*), holds exactly one inline formula right after that
word, and has no other formula, no end of sentence and no clause that may turn it round (a
semicolon, *otherwise*, *else*, *unless*, *except*, *not*) after it, that formula is the
condition of every row of the display, read as a row's condition after its comma is
(eqchain.latex.conditions). In Japanese and Korean the sentence is the formula followed by のとき,
の時, の場合, ならば, 일 때, 인 경우 or 이면. Anything else, or a formula that is no condition
(``x \sim p``), gives no condition: the display is checked as before.

A name or a function defined in the prose right before a display: "With $S = \sum_i |x_i -
\mu|$:", "Let $S = ...$.", "where $\sigma(z) = ...$," (the sentence starts with *with*, *let*,
*where*, *define*, *defining*, *write*, *writing*, *denote* or *denoting*, or says what a
quantity is, "The moment generating function is $M(t) = (1 - t)^{-2}$." (the, its, our or this,
one to five words, is, is given by or is defined as, one formula), after an
optional connective (or a label and a colon, "Step 7: with") and *we* or *let us*; right after
that word one inline formula, or several joined by commas and *and*; after them only punctuation
or *we have*, *we get*, *we obtain*, *we find*), or in Japanese "$S = ...$ とおくと、" (とおく,
と置く, とする, とすると, とおけば, と置けば), each formula possibly after what it names ("分子を
$f(x) = ...$，分母を $g(x) = ...$ とおく"). Each formula must be a name, a letter possibly with a
hat, bar or tilde and a subscript, or such a name applied to such names (``f(x)``), then ``=``
and an expression with no other ``=``; one that is not makes the sentence define nothing. Each
is a row of its own before the display's rows, at the formula's place in the prose, checked as
any row (a definition when the name is new; :func:`stated_definitions`). *Setting*, *putting*
and *substituting* give values, not names: no row.

A theorem and its proof: the displays after prose that starts a theorem (a paragraph that
begins with Theorem, Lemma, Proposition or Corollary, bold or not, or 定理, 命題, 補題, 정리,
명제; ``\begin{theorem}`` and the like in LaTeX) up to prose that starts its proof (Proof, 証明,
증명, ``\begin{proof}``) state it; the displays after that prove it (:func:`theorem_parts`).
"""

from __future__ import annotations

import re

_INLINE = r"(?:\$(?P<dollar>[^$]+)\$|\\\((?P<paren>.+?)\\\))"
_START = r"(?:\A|(?<=[.!?。．])\s*|\n\s*)"
# a connective of up to three words and a comma first ("Moreover, if", "First of all, if"),
# then an optional then, now or so
_CONNECTIVE = (
    r"(?:[A-Za-z]+(?:\s+[A-Za-z]+){0,2},\s*)?"
    # "And if $x < 0$," states its case as "If $x < 0$," does (a red team s52: the second
    # case was dropped and its row refuted at a point the case excludes)
    r"(?:(?:and|but|or)\s+)?"
    r"(?:(?:then|now|so|hence|thus|therefore|in\s+particular|similarly|finally),?\s+)?"
)
_EN = re.compile(
    _START
    + _CONNECTIVE
    + r"(?:if|for|when|whenever|assuming|suppose|in\s+the\s+case|since|because|at"
    + r"|given(?:\s+that)?)\s+"
    # up to three words naming what the formula is about ("When the true label $y = 1$")
    + r"(?P<about>(?:(?:the|a|an|true|label|case|class|value|values|target|input|output|"
    + r"outcome|sample|parameter|parameters|variable|where|that|of|our)\s+){0,3})"
    + _INLINE
    + r"(?P<tail>[^$.!?。]*)\Z",
    re.IGNORECASE | re.DOTALL,
)
_CJK = re.compile(
    _START
    + r"(?:[^$.!?。、,]{1,8}[、,]\s*)?"  # a connective first: 次に、
    + _INLINE
    + r"\s*(?:のとき|の時|の場合|ならば|だから|なので|であるから|であるので|일\s*때|인\s*경우|이면)"
    + r"(?P<tail>[^$.!?。]*)\Z",
    re.DOTALL,
)
_INLINE_ANYWHERE = re.compile(r"\$|\\\(")
# what may follow an English case (a whitelist: "If $x \geq 0$ fails, we have" and "is false"
# turned the case round and were read as the case): an optional "holds", then "(then) we
# have/get/obtain/find/see/write (using/by/from ...)" or "then" or "it follows (that)"
_EN_TAIL = re.compile(
    r"\s*(?:holds\s*)?,?\s*(?:(?:then\s+)?(?:we|one)\s+(?:can\s+)?"
    r"(?:have|get|obtain|find|see|write)(?:\s+(?:using|by|from)\s+.*?)?"
    r"|then|it\s+follows(?:\s+that)?"
    # "the loss becomes", "this reduces to", "then the expected value of X is"
    r"|(?:then\s+)?(?:the|this|our|it)(?:\s+[A-Za-z]+){0,4}\s+"
    r"(?:becomes|reads|is|reduces\s+to|simplifies\s+to)"
    r")?\s*[:,.]?\s*\Z",
    re.IGNORECASE | re.DOTALL,
)
# what may follow a Japanese or Korean case (a whitelist, as in English: 「$x_1 = 1$ の場合を
# 除くと、」 was read as the case x_1 = 1): punctuation and は, には, では only
_CJK_TAIL = re.compile(r"[\s、,，:：]*(?:は|には|では)?[\s、,，:：]*\Z")
# after the case: no other clause that may turn it round ("; otherwise we have")
_TURNED = re.compile(r";|\b(?:otherwise|else|unless|except|not)\b|以外|でない|ではない|아닌", re.I)


# a word of consequence in the prose's last sentence: what the display says is derived, not
# supposed ("so, multiplying by two,", "Therefore:", 「したがって」): its rows are claims
_CONSEQUENCE_EN = re.compile(
    r"\b(?:so|thus|therefore|hence|consequently|accordingly|as\s+a\s+result|it\s+follows"
    r"|we\s+(?:get|obtain|conclude|find)|this\s+(?:gives|yields)|which\s+(?:gives|yields))\b(?!\s+that\s+(?:we|one)\s+"
    r"(?:can|may)\b)",
    re.IGNORECASE,
)
# (not なので, だから: "likelihood に相当する単語なので、L をつかって" names, it derives nothing)
_CONSEQUENCE_CJK = re.compile(
    r"したがって|従って|よって|ゆえに|故に|それゆえ|以上より|以上から|∴|그러므로|따라서"
)
_NOT_CONSEQUENCE = re.compile(r"\bso\s+that\b|\bso\s+(?:we|let)\s+(?:set|define|choose)\b", re.I)
# a condition imposed, however it is introduced ("At the maximum the derivative is zero, so",
# "Setting $\frac{\partial L}{\partial \mu} = 0$, we get", 「微分を0とおくと」): words of
# setting, of zero, of an optimum, or a derivative in the sentence's math
_IMPOSED = re.compile(
    r"\b(?:set|sets|setting|equat\w*|zero|stationar\w*|maxim\w*|minim\w*|optim\w*|extrem\w*)\b"
    r"|=\s*0(?![\d.])|\\partial|\\nabla|\\frac\s*\{\s*d|ゼロ|とお|と置|極値|極大|極小|最大|最小|停留",
    re.I,
)


# "Set the derivative equal to zero:", "Setting this to zero,", 「0 とおくと」 with no word of
# consequence: the display imposes a zero ("zero": engine._derivative_value_set_to_zero reads
# the derivative's terms on two sides as its stationarity condition only after such prose)
_SET_TO_ZERO = re.compile(
    r"\b(?:set|sets|setting|equat\w*|put|putting)\s+(?:the\s+|this\s+|these\s+|each\s+|both\s+)?"
    r"(?:(?:first|partial)\s+)?(?:derivatives?|gradients?|it|this|them|result|expression|score)"
    r"\s+(?:(?:equal|equals)\s+)?to\s+(?:zero|0)\b"
    r"|\bequat\w*\s+(?:it\s+|this\s+|them\s+)?(?:to|with)\s+(?:zero|0)\b"
    r"|(?:微分|導関数|勾配)[^。．]*(?:ゼロ|0)\s*(?:と\s*(?:お|置)|に\s*等し)",
    re.IGNORECASE,
)


def states_a_consequence(prose: str) -> str | None:
    """What the prose right before a display says of it by a word of consequence in its last
    sentence (see ``_CONSEQUENCE_EN``): "follows" (what the display says is derived), or
    "condition" when the sentence also sets something, speaks of zero or an optimum, or holds a
    derivative in its math ("Setting $\\partial L / \\partial \\mu = 0$, we get": a condition
    imposed, which the engine takes as given when the row states a zero; "zero-condition" when
    it sets the derivative, it or this to zero: "Setting this to zero, we get"); "zero" without
    one when the sentence does ("Set the derivative equal to zero:"); None otherwise, or for
    "so that" (a purpose) and "so we set/define/choose"."""
    text = prose or ""
    last = re.split(r"(?<=[.!?。．])\s*", text.strip())
    sentence = next((t for t in reversed(last) if t.strip()), "")
    words = re.sub(_INLINE, " ", sentence)
    if _NOT_CONSEQUENCE.search(words):
        return None
    if not (_CONSEQUENCE_EN.search(words) or _CONSEQUENCE_CJK.search(words)):
        return "zero" if _SET_TO_ZERO.search(words) else None
    if not _IMPOSED.search(sentence):
        return "follows"
    return "zero-condition" if _SET_TO_ZERO.search(words) else "condition"


# "Case 1: $x \geq 0$." / "Case (b): $i \neq j$" as the prose's last sentence (a red team s52:
# the second case was not read and its row refuted at a point of the first)
_CASE_N = re.compile(
    _START
    # "**Case 1.** $x \geq 0$.": Markdown's emphasis around the label
    + r"[*_]{0,2}case\s*(?:\d+|\(?[a-z]\)|[ivx]+)\s*[:.)]?\s*[*_]{0,2}\s*[:.]?\s*(?:\(\s*)?"
    + _INLINE
    + r"\s*\)?\s*[:.,]?\s*\Z",
    re.IGNORECASE | re.DOTALL,
)


_THEN_ALONE = re.compile(
    r"(?<=\.)\s*then\s*,?\s*(?:(?:we|one)\s+(?:have|get|obtain|find)\s*)?[:,.]?\s*\Z",
    re.IGNORECASE,
)


def stated_case(prose: str) -> str | None:
    """The LaTeX of the condition the prose ``prose`` (the text right before a display) ends
    by stating (see the module's docstring), or None."""
    text = prose.strip()
    if not text:
        return None
    m = _CASE_N.search(text)
    if m is not None and (found := (m.group("dollar") or m.group("paren") or "").strip()):
        return found
    # "Suppose $x \geq 0$. Then" / "Assume $x < 0$. Then we have:": the case in the sentence
    # before a bare "Then" (a red team s52: the case was not read)
    then = _THEN_ALONE.search(text)
    if then is not None and then.start() > 0:
        return stated_case(text[: then.start()].rstrip().rstrip("."))
    for pattern in (_EN, _CJK):
        m = pattern.search(text)
        if m is None or _INLINE_ANYWHERE.search(m.group("tail")) or _TURNED.search(m.group("tail")):
            continue
        if pattern is _EN and not _EN_TAIL.match(m.group("tail")):
            continue
        if pattern is _CJK and not _CJK_TAIL.match(m.group("tail")):
            continue  # 「の場合を除くと」「のときは成り立たないので」: no case
        found = m.group("dollar") or m.group("paren")
        if found and found.strip():
            return found.strip()
    return None


# "Otherwise," / "Else:" / "In the other case, we have" as the whole prose before a display:
# the complement of the case stated right before (load/document._other_case); after other
# sentences ("If $y > 0$, there is nothing to prove. Otherwise,") it may complete another case
_OTHERWISE = re.compile(
    r"\A\s*(?:(?:and|but)\s+)?(?:otherwise|else|in\s+the\s+other\s+case"
    r"|in\s+all\s+other\s+cases)\s*"
    # a parenthesis restating it, "Otherwise (that is, for negative $x$), we have"
    r"(?:\([^()]*\)\s*)?"
    r"[,:]?\s*(?:(?:then\s+)?(?:we|one)\s+(?:have|get|obtain|find)\s*)?"
    r"[:,.]?\s*\Z"
    r"|\A\s*(?:それ以外|そうでない)\s*(?:の\s*)?(?:とき|時|場合)?\s*(?:は|には|では)?\s*[、,，:：]?\s*\Z",
    re.IGNORECASE,
)


def states_otherwise(prose: str) -> bool:
    """Whether ``prose`` (the text right before a display) ends by saying "otherwise"."""
    return _OTHERWISE.search((prose or "").strip()) is not None


# A condition stated right after a display, as the first sentence of the prose that follows it:
# 「ただし $x > 0$ とする。」, "where $u \geq 0$." (a whitelist: the sentence holds the inline
# condition, no equation, and nothing after it but a verb of supposing; "where $u$ is the step
# size" states no condition, "where $a = 2$." a value (a prose definition, as before), and
# "for", "if" or "assuming $x > 0$," after a display may as well lead the next display).
_AFTER_EN = re.compile(
    r"\A\s*(?:where|provided(?:\s+that)?)\s+" + _INLINE + r"\s*(?:holds\s*)?[.;]?\s*\Z",
    re.IGNORECASE | re.DOTALL,
)
_AFTER_CJK = re.compile(
    r"\A\s*(?:ただし|但し)[\s、,，]*"
    + _INLINE
    + r"\s*(?:とする|とします|とおく|とおきます|である|です"
    + r"|を仮定する|を仮定します)?\s*[。.．]?\s*\Z",
    re.DOTALL,
)
# an equation there (where $a = 2$.) gives a value or defines a name: read as before
_EQUATION = re.compile(r"(?<![<>!:\\])=")


def case_after(prose: str) -> str | None:
    """The LaTeX of the condition the first sentence of ``prose`` (the text right after a
    display) states for that display (see ``_AFTER_EN``), or None."""
    text = (prose or "").strip()
    first = re.split(r"(?<=[.!?。．])\s+|(?<=[。．])", text, maxsplit=1)[0] if text else ""
    for pattern in (_AFTER_EN, _AFTER_CJK):
        m = pattern.match(first)
        if m is not None:
            found = (m.group("dollar") or m.group("paren") or "").strip()
            if _EQUATION.search(found):
                return None
            return found or None
    return None


# a name a prose sentence may define: a letter (Latin or Greek), optionally with a hat, bar,
# tilde or check, and a subscript
_NAME = (
    r"(?:\\(?:hat|bar|tilde|widehat|overline|check)\s*\{\s*)?"
    r"(?:[A-Za-z]|\\(?:alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota"
    r"|kappa|lambda|mu|nu|xi|pi|rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta"
    r"|Theta|Lambda|Xi|Pi|Sigma|Phi|Psi|Omega)(?![A-Za-z]))\s*\}?"
    r"(?:\s*_\s*(?:[A-Za-z0-9]|\{\s*[A-Za-z0-9]+\s*\}))?"
)
# ... or a function of names it defines, f(x) or \sigma(z) (as a display's row f(x) = ... whose
# left side is the whole side: README, "Functions")
_DEFINES = _NAME + r"(?:\s*\(\s*" + _NAME + r"(?:\s*,\s*" + _NAME + r")*\s*\))?"
# = or a definition's sign (Let $z := 2b$.: it was left as prose, z free in the rows after it)
_DEFINED = re.compile(r"\A\s*" + _DEFINES + r"\s*(?::=|\\coloneqq|=)(?P<body>.+)\Z", re.DOTALL)
# one formula, or several joined by commas and "and" ("where $a = ...$ and $b = ...$")
_PLAIN_INLINE = _INLINE.replace("?P<dollar>", "?:").replace("?P<paren>", "?:")
_FORMULAS = (
    r"(?P<formulas>" + _INLINE + r"(?:\s*(?:,\s*(?:and\s+)?|and\s+)" + _PLAIN_INLINE + r")*)"
)
_DEF_EN = re.compile(
    r"(?:\A|(?<=[.!?。．:])\s*|\n\s*)"
    + _CONNECTIVE
    + r"(?:(?:we|let\s+us)\s+)?"
    + r"(?:with|let|where|define|defining|write|writing|denote|denoting)\s+"
    + _FORMULAS
    + r"\s*(?:,\s*)?(?:(?:(?:then\s+)?we|then)(?:\s+(?:have|get|obtain|find))?\s*)?[:,.;]?"
    # a short sentence that only leads into the display ("Let $a = 2$. Then", ". We have:")
    + r"(?:\s*(?:then|so|thus|hence|now|therefore|we\s+(?:have|get|obtain|find))"
    + r"(?:,?\s*(?:we\s+(?:have|get|obtain|find)|it\s+follows(?:\s+that)?))?\s*[:,.]?)?"
    + r"\s*\Z",
    re.IGNORECASE | re.DOTALL,
)
# in Japanese each formula may follow what it names ("分子を $f(x) = ...$、分母を $g(x) = ...$
# とおく")
_NAMED_AS = r"(?:[^$.!?。、,，]{1,8}を\s*)?"
_DEF_CJK = re.compile(
    r"(?:\A|(?<=[.!?。．、,])\s*|\n\s*)"
    + r"(?P<formulas>"
    + _NAMED_AS
    + _PLAIN_INLINE
    + r"(?:\s*[、,，]\s*"
    + _NAMED_AS
    + _PLAIN_INLINE
    + r")*)"
    + r"\s*(?:とおくと|と置くと|とおけば|と置けば|とすると|とおく|と置く|とする)"
    + r"\s*[、,。.:：]?\s*\Z",
    re.DOTALL,
)
# "The moment generating function is $M(t) = (1 - t)^{-2}$.": what a quantity is, one formula
_DEF_IS_EN = re.compile(
    r"(?:\A|(?<=[.!?。．:])\s*|\n\s*)"
    + _CONNECTIVE
    + r"(?:the|its|our|this)\s+(?:[A-Za-z-]+\s+){1,5}?"
    + r"(?:is|is\s+given\s+by|is\s+defined\s+(?:as|by))\s+"
    + r"(?P<formulas>"
    + _INLINE
    + r")\s*[:,.;]?\s*\Z",
    re.IGNORECASE | re.DOTALL,
)
_ONE_INLINE = re.compile(_INLINE, re.DOTALL)


def stated_definition(prose: str) -> str | None:
    """The LaTeX of the one definition (``S = ...``) the prose ``prose`` (the text right before
    a display) ends by stating (see the module's docstring), or None (none, or several)."""
    found = stated_definitions(prose)
    return found[0] if len(found) == 1 else None


def _signs(formula: str) -> int:
    """How many equals signs (``=``, ``:=``, ``\\coloneqq``) ``formula`` has outside braces."""
    top = _top_level(formula)
    return top.count("=") + top.count("\\coloneqq")


def stated_definitions(prose: str) -> list[str]:
    """The LaTeX of each definition (``S = ...``, ``f(x) = ...``) the prose ``prose`` (the text
    right before a display) ends by stating, in order (see the module's docstring); [] when
    it states none, or when one of its formulas defines nothing (all or none)."""
    text = prose.strip()
    if not text:
        return []
    for pattern in (_DEF_EN, _DEF_CJK, _DEF_IS_EN):
        m = pattern.search(text)
        if m is None:
            continue
        found = [
            (f.group("dollar") or f.group("paren") or "").strip()
            for f in _ONE_INLINE.finditer(m.group("formulas"))
        ]
        if found and all(f and _DEFINED.match(f) and _signs(f) == 1 for f in found):
            return found
    return []


# a standing assumption the prose states (README, "Assumptions"): a whole sentence "Assume $\sigma
# > 0$.", "We assume that $0 < p < 1$ and $n \geq 1$.", "Let $a > 0$.", "Throughout, suppose
# $x \neq 0$."; "ただし $\sigma > 0$ とする。", "$n \geq 1$ と仮定する。"
# a type in words: an optional sign (positive, nonnegative, negative, nonpositive), then
# integer, natural number, real number, constant or number (the last says nothing without a
# sign)
_SIGNS = r"positive|nonnegative|non-negative|negative|nonpositive|non-positive"
_TYPE = (
    r"(?:(?P<kind>" + _SIGNS + r")\s+)?"
    r"(?P<type>integers?|natural\s+numbers?|real\s+numbers?|reals?|constants?|numbers?)"
    r"|(?P<kind_only>" + _SIGNS + r")"
)
# where a sentence of an assumption starts: the prose's start, after a sentence's end, or a
# paragraph's (a blank line; a line break inside a paragraph is no sentence's end: "We do
# not\nassume $x > 0$." assumed x > 0), with a bold or italic label's closing marks after it
# ("**Lemma 1.** Let $n$ be ...")
_SENTENCE = r"(?:\A|(?<=[.!?。．])\s*|\n[ \t]*\n\s*)(?:[*_]{1,2}\s*)?"
# a sentence of assumption starts "(Now,) (we) assume/suppose/let (that)" and ends with an
# optional "throughout" and its period (or a semicolon)
_ASSUME_LEAD = (
    _SENTENCE
    + r"(?:(?:now|so|then|here|throughout|below|from\s+now\s+on|in\s+what\s+follows),?\s+)?"
    + r"(?:(?:we|let\s+us)\s+)?"
    + r"(?:assume|suppose|let)\s+(?:that\s+)?"
)
_ASSUME_END = r"\s*(?:throughout|from\s+now\s+on|below|everywhere)?\s*(?:[.;]|\Z)"
_ASSUME_EN = re.compile(
    _ASSUME_LEAD
    + _FORMULAS
    # "Let $n \geq 1$ be an integer", "Let $n$ and $k$ be positive integers"
    + r"(?:\s+(?:be|is|are)\s+(?:an?\s+|all\s+)?(?:"
    + _TYPE
    + r"))?"
    + _ASSUME_END,
    re.IGNORECASE | re.DOTALL,
)
# ", where $a$ and $b$ are constants.", "Here $\sigma$ is positive.": the formulas after "here"
# starting a sentence or after ", where", then is or are and a type in words, then the
# sentence's end (a period or a colon: "Here $x$ is positive, zero or negative." assumes
# nothing). A sentence that only says so ("$x$ is positive.", "Claim. $x$ is nonnegative.")
# may be a claim to prove: no assumption
_TYPED_EN = re.compile(
    r"(?:"
    + _SENTENCE
    + r"here,?\s+|,\s*where\s+)"
    + _FORMULAS
    + r"\s+(?:is|are)\s+(?:an?\s+|all\s+)?(?:"
    + _TYPE
    + ")"
    + r"\s*(?:throughout|from\s+now\s+on|below|everywhere)?\s*(?:[.:](?!\w)|\Z)",
    re.IGNORECASE | re.DOTALL,
)
# what a type in words says of each name (a natural number: 0 or not, as authors differ; only
# what both readings give, a nonnegative integer, is assumed)
# (what follows the name in the condition: "n \in \mathbb{Z}", "c constant", not random)
_TYPES = {
    "integer": (r"\in \mathbb{Z}",),
    "natural": (r"\in \mathbb{Z}", r"\geq 0"),
    "real": (r"\in \mathbb{R}",),
    "constant": ("constant",),
    "number": (),
    "整数": (r"\in \mathbb{Z}",),
    "自然数": (r"\in \mathbb{Z}", r"\geq 0"),
    "実数": (r"\in \mathbb{R}",),
    "定数": ("constant",),
}
_KINDS = {
    "positive": r"> 0",
    "nonnegative": r"\geq 0",
    "non-negative": r"\geq 0",
    "negative": r"< 0",
    "nonpositive": r"\leq 0",
    "non-positive": r"\leq 0",
    "正の": r"> 0",
    "非負の": r"\geq 0",
    "負の": r"< 0",
    "非正の": r"\leq 0",
}
# 「$c$ は定数とする」「ただし $a, b$ は定数。」「$n$ を自然数とする」「$\sigma$ は正の実数」
# (Japanese: after ただし or ここで, or ending とする: 「$x$ は正の実数である。」 alone may be a
# claim, 「示すべきことは…」)
_TYPED_CJK = re.compile(
    _SENTENCE
    + r"(?:(?P<lead>ただし|但し|ここで)[、,，]?\s*)?"
    + r"(?P<formulas>"
    + _PLAIN_INLINE
    + r"(?:\s*(?:[、,，]|および|及び|と)\s*"
    + _PLAIN_INLINE
    + r")*)"
    + r"\s*(?:は|を)\s*(?:(?P<kind>正の|非負の|負の|非正の)\s*)?(?P<type>定数|整数|自然数|実数)"
    + r"\s*(?:(?P<suppose>とする|とします|と仮定する|と仮定します|であるとする|であるとします)"
    + r"|である|です)?"
    + r"\s*(?:[。.．]|\Z)",
    re.DOTALL,
)
# a name alone, as the type's subject: n, k_1, \lambda, \sigma_{k}
_BARE_NAME = re.compile(r"(?:[A-Za-z]|\\[A-Za-z]+)(?:_(?:\{[A-Za-z0-9]+\}|[A-Za-z0-9]))?")
# a condition on one name and numbers only (n \geq 1, 0 < p < 1): the type's subject is its name
_ONE_NAME_CONDITION = re.compile(
    r"\s*(?:-?\d+(?:\.\d+)?\s*(?:<|>|\\leq?|\\geq?|\\lt|\\gt)\s*)?"
    r"(?P<name>(?:[A-Za-z]|\\[A-Za-z]+)(?:_(?:\{[A-Za-z0-9]+\}|[A-Za-z0-9]))?)"
    r"\s*(?:<|>|\\leq?|\\geq?|\\lt|\\gt|\\neq?)\s*-?\d+(?:\.\d+)?\s*"
)
_ASSUME_CJK = re.compile(
    _SENTENCE
    + r"(?:(?:ただし|但し|なお|ここで|また|以下)[、,，]?\s*)?"
    + r"(?P<formulas>"
    + _PLAIN_INLINE
    + r"(?:\s*(?:[、,，]|かつ|および|及び|と)\s*"
    + _PLAIN_INLINE
    + r")*)"
    + r"\s*(?:とする|とします|と仮定する|と仮定します|を仮定する|を仮定します"
    + r"|であるとする|であるとします)"
    + r"\s*(?:[。.．]|\Z)",
    re.DOTALL,
)
_ORDER = re.compile(r"\\(?:geq?|leq?|neq?|gt|lt|in)(?![A-Za-z])|[<>≥≤≠]")
# "Let $n$ be a positive integer and $0 < p < 1$.", "Let $X$ be a random variable, and let $a$
# and $b$ be constants.": a sentence of assumption in clauses, each of formulas joined by commas
# and "and", with or without a type in words, the clauses joined by a comma, "and" or ", and",
# each perhaps after "let"; a clause whose type eqchain does not read ("be a random variable")
# assumes nothing, about names alone. Anything else in the sentence (then, or, except, ...):
# the sentence assumes nothing (:func:`_assumed_clauses`)
_ASSUME_CLAUSES_EN = re.compile(
    _ASSUME_LEAD + r"(?P<formulas>(?:" + _PLAIN_INLINE + r"|[^$.;!?:])*?)" + _ASSUME_END,
    re.IGNORECASE | re.DOTALL,
)
_CLAUSE = re.compile(
    r"\s*(?P<formulas>"
    + _PLAIN_INLINE
    + r"(?:\s*(?:,\s*(?:and\s+)?|and\s+)"
    + _PLAIN_INLINE
    + r")*)"
    + r"(?:\s+(?:be|is|are)\s+(?P<article>an?\s+|all\s+)?(?:(?:"
    + _TYPE
    + r")(?![\w-])|(?P<untyped>random\s+variables?|(?:random\s+)?vectors?|functions?"
    + r"|matri(?:x|ces)|samples?|observations?|events?|sets?)(?![\w-])))?",
    re.IGNORECASE | re.DOTALL,
)
_CLAUSE_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:let\s+)?", re.IGNORECASE)


def inline_formulas(prose: str) -> list[str]:
    """The LaTeX of every inline formula of ``prose`` (``$...$``, ``\\(...\\)``), in order."""
    return [
        (m.group("dollar") or m.group("paren") or "").strip() for m in _ONE_INLINE.finditer(prose)
    ]


def stated_assumptions(prose: str) -> list[str]:
    """The LaTeX of each condition the prose ``prose`` states as a standing assumption, in
    whole sentences (see the comment above); [] when it states none
    (:func:`stated_assumption_sentences`, one list)."""
    out: list[str] = []
    for conditions, _formulas in stated_assumption_sentences(prose):
        out += [f for f in conditions if f not in out]
    return out


def stated_assumption_sentences(prose: str) -> list[tuple[list[str], list[str]]]:
    """The conditions each sentence of ``prose`` states as a standing assumption, one pair a
    sentence: the conditions (as ``--assume`` reads them) and the inline formulas they come
    from. Each formula must be a condition (an order, ``\\neq`` or ``\\in``, no equation); a
    sentence with a formula that is none gives nothing. A type in words after the formulas
    ("be an integer", "are positive integers", "is a constant", "is positive", 「は定数とする」) is
    each one's about its name: the formula a name alone (``$n$``, a list of names ``$a, b$``)
    or a condition on one name and numbers (``$n \\geq 1$``); else the sentence gives nothing.
    The case of the next display (a last sentence :func:`stated_case` reads) is no standing
    assumption."""
    text = prose.strip()
    if not text:
        return []
    case = stated_case(text)
    out: list[tuple[list[str], list[str]]] = []
    seen: set[tuple[int, int]] = set()
    claimed: list[tuple[int, int]] = []  # sentences read in clauses
    for m in _ASSUME_CLAUSES_EN.finditer(text):
        if case is not None and not text[m.end() :].strip():
            continue  # the case of the display that follows
        if _ABBREVIATION.search(text[: m.start("formulas")]) or _SUPPOSED_FALSE.search(text):
            continue
        read = _assumed_clauses(m.group("formulas"))
        if read is None:
            continue
        claimed.append(m.span())
        if read[0]:
            seen.add(m.span("formulas"))
            out.append(read)
    for pattern in (_ASSUME_EN, _TYPED_EN, _ASSUME_CJK, _TYPED_CJK):
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start("formulas") < b for a, b in claimed):
                continue  # a sentence read in clauses
            if case is not None and not text[m.end() :].strip():
                continue  # the case of the display that follows
            if m.span("formulas") in seen:
                continue  # read by another pattern
            found = [
                (f.group("dollar") or f.group("paren") or "").strip()
                for f in _ONE_INLINE.finditer(m.group("formulas"))
            ]
            groups = m.groupdict()
            if pattern is _TYPED_CJK and not (groups.get("lead") or groups.get("suppose")):
                continue  # 「$x$ は正の実数である。」 alone: perhaps a claim
            if _ABBREVIATION.search(text[: m.start("formulas")]) or _SUPPOSED_FALSE.search(text):
                # "i.e. $x$ is positive": no sentence starts there; a proof by contradiction
                # anywhere in the prose: what it supposes is to be refuted
                continue
            typed, kind = groups.get("type"), groups.get("kind") or groups.get("kind_only")
            conditions = _conditions_of(found, typed, kind)
            if conditions:
                seen.add(m.span("formulas"))
                out.append((conditions, found))
    return out


def _assumed_clauses(rest: str) -> tuple[list[str], list[str]] | None:
    """The conditions and formulas of a sentence of assumption in two clauses or more (see
    ``_ASSUME_CLAUSES_EN``), ``rest`` what follows its "let"; None when it is not such a
    sentence (one clause, a word no clause reads, a formula of no clause's kind). A singular
    type after several formulas ("$p \\in (0, 1)$ and $n \\geq 1$ is an integer") is the last
    one's."""
    if _TURNED.search(re.sub(_INLINE, " ", rest)):
        return None
    clauses: list[tuple[list[str], str | None, str | None, bool]] = []
    pos, end = 0, len(rest.rstrip())
    while True:
        m = _CLAUSE.match(rest, pos)
        if m is None or not m.group("formulas"):
            return None
        found = [
            (f.group("dollar") or f.group("paren") or "").strip()
            for f in _ONE_INLINE.finditer(m.group("formulas"))
        ]
        groups = m.groupdict()
        typed, kind = groups.get("type"), groups.get("kind") or groups.get("kind_only")
        singular = (
            (typed or kind)
            and not (typed or "").lower().endswith("s")
            and ((groups.get("article") or "").strip().lower() in ("a", "an", ""))
        )
        if singular and len(found) > 1:
            clauses.append((found[:-1], None, None, False))
            found = found[-1:]
        clauses.append((found, typed, kind, bool(groups.get("untyped"))))
        pos = m.end()
        if pos >= end:
            break
        join = _CLAUSE_JOIN.match(rest, pos)
        if join is None or join.end() == pos:
            return None
        pos = join.end()
    if len(clauses) < 2:
        return None
    conditions: list[str] = []
    formulas: list[str] = []
    for found, typed, kind, untyped in clauses:
        if untyped:
            if not all(_BARE_NAME.fullmatch(n.strip()) for f in found for n in f.split(",")):
                return None
            continue  # "be a random variable": nothing eqchain reads
        read = _conditions_of(found, typed, kind)
        if not read:
            return None
        conditions += [c for c in read if c not in conditions]
        formulas += found
    return conditions, formulas


# a sentence "started" by the period of an abbreviation ("i.e. $x$ is positive; ...")
_ABBREVIATION = re.compile(r"\b(?:i\.\s*e|e\.\s*g|cf|vs|resp|etc)\.[*_\s]*(?:here,?\s+)?\Z", re.I)
# a supposition made to be refuted: a proof by contradiction (背理法)
_SUPPOSED_FALSE = re.compile(
    r"contradiction|absurd|to\s+the\s+contrary|背理|矛盾|反して|귀류|모순", re.IGNORECASE
)


def _conditions_of(found: list[str], typed: str | None, kind: str | None) -> list[str]:
    """The conditions formulas with an optional type in words give: the type's, or the
    formulas themselves when each is a condition (an order, \\neq or \\in, no equation)."""
    if typed or kind:
        return _typed(found, typed, kind)
    if all(_ORDER.search(f) and "=" not in _ORDER.sub("", f) for f in found):
        return found
    return []


def _typed(formulas: list[str], typed: str | None, kind: str | None) -> list[str]:
    """``formulas`` with what a type in words says of each one's name ("be a positive
    integer"): [] when a formula is neither a name alone (or a list of names) nor a condition
    on one name and numbers, or when the type says nothing."""
    words: tuple[str, ...] = ()
    if typed:
        word = typed.lower().split()[0]
        words = _TYPES.get(word, _TYPES.get(word.rstrip("s"), ()))
    if kind:
        words = (*words, _KINDS[kind.strip().lower()])
    if not words:
        return []
    conditions = [f for f in formulas if _ONE_NAME_CONDITION.fullmatch(f)]
    if len(formulas) > 1 and conditions:
        # "Let $\sigma > 0$ and $n, m$ be positive integers": the type is the names' after the
        # last condition, not sigma's (it made sigma an integer); a condition is one of its own
        last = max(n for n, f in enumerate(formulas) if f in conditions)
        if any(f not in conditions and _ORDER.search(f) for f in formulas):
            return []
        named = _typed(formulas[last + 1 :], typed, kind) if formulas[last + 1 :] else []
        if formulas[last + 1 :] and not named:
            return []
        return [f for f in formulas[: last + 1]] + named
    out: list[str] = []
    for formula in formulas:
        names = [n.strip() for n in formula.split(",")]
        if all(_BARE_NAME.fullmatch(n) for n in names):
            out += [f"{n} {w}" for n in names for w in words]
            continue
        m = _ONE_NAME_CONDITION.fullmatch(formula)
        if m is None:
            return []
        out += [formula] + [f"{m.group('name')} {w}" for w in words]
    return out


def _top_level(latex: str) -> str:
    """``latex`` with what stands inside braces left out (the ``=`` of ``\\sum_{i=1}``)."""
    out, depth = [], 0
    for ch in latex:
        depth += ch == "{"
        if depth == 0:
            out.append(ch)
        depth -= ch == "}" and depth > 0
    return "".join(out)


_THEOREM = re.compile(
    r"(?:^[\W_]*(?:theorem|lemma|proposition|corollary)(?![a-z])|^[\W_]*(?:定理|命題|補題|정리|명제)"
    r"|\\begin\{(?:theorem|lemma|proposition|corollary|thm|lem|prop|cor)\*?\})",
    re.IGNORECASE | re.MULTILINE,
)
_PROOF = re.compile(
    r"(?:^[\W_]*proof(?![a-z])|^[\W_]*(?:証明|증명)|\\begin\{proof\})",
    re.IGNORECASE | re.MULTILINE,
)


def theorem_parts(leads: list[str]) -> list[str]:
    """For each display, given the prose before each (``Block.lead``): "statement" when it
    stands in a theorem's statement, "proof" in the proof after one, "" elsewhere (see the
    module's docstring). The last marker in a display's prose decides; a display with no
    marker before it keeps the part of the one before."""
    out, part = [], ""
    for lead in leads:
        marks = [(m.start(), "statement") for m in _THEOREM.finditer(lead)]
        marks += [(m.start(), "proof") for m in _PROOF.finditer(lead)]
        if marks:
            part = max(marks)[1]
        out.append(part)
    return out
