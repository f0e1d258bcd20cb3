"""Which names a document applies as functions: the pre-pass behind reading ``f(x)`` undeclared.

Authors write ``\\sigma(z)``, ``L(\\theta)``, ``p(x)``, ``M_X(t)`` and never declare them. A name
written directly before parentheses could be a function applied to its argument or a product
(``\\lambda(1 - y)``). Before reading a document, :func:`inferred_functions` looks at every row
of its display math and decides, per name (base and subscript, ``f``, ``M_X``, ``q_\\phi``), that
the document uses it as a function when

* it is written directly before parentheses somewhere (``f(x)``, ``f'(x)``, ``f\\left(x\\right)``),
* and it is never used any other way in the document: alone (``\\lambda``), as a factor, with a
  power (``\\sigma^2``, ``f^{-1}(x)``), differentiated by (``\\partial \\lambda``, ``d\\lambda``),
  summed over, inside a subscript, as the tail of a run of letters (``Var(X)`` is V·a·r(X):
  ``r`` is not a function there), or declared a symbol in the assumptions;
* and, for a subscripted name, no name of its subscript is bound anywhere in the document
  (summed or multiplied over, differentiated by, integrated over (``dk``), a limit's variable):
  ``\\sum_k f_k(x)`` must not be one function ``f_k`` for every k, and
  ``\\frac{\\partial}{\\partial \\phi} q_\\phi(z)`` is not 0.

``e``, ``\\pi``, ``d`` and ``E`` are never inferred (constants; a differential; the
expectation, ``E(X)``, which an uninterpreted function would not make linear).

Why the reading is sound: the checker treats such a name as an uninterpreted function, about
which it assumes nothing. A step it verifies for an uninterpreted ``f`` holds for every function,
in particular for ``t \\mapsto f \\cdot t``, the product reading: so whichever the author meant,
the verified step is true. The argument needs ``f`` never to stand alone: if ``\\lambda`` also
appears alone (``\\frac{\\partial}{\\partial \\lambda} \\lambda(1-p)``), the product reading makes
``\\lambda`` itself a variable, and a step true for an uninterpreted ``\\lambda(\\cdot)`` (its
derivative by the symbol ``\\lambda`` is 0) may be false for the product (it is ``1 - p``). Such a
name stays ambiguous, as before. The same holds for a subscripted name, whose subscript is a
label that nothing may bind or vary.

Stronger evidence makes a name a function whatever else the document does with it, as before
this pre-pass: a list of arguments (``L(\\mu, \\sigma)``), a conditioning bar (``p(x | \\theta)``),
a definition row (``f(x) = ...``), a declaration (``--assume "f function"``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eqchain.errors import LatexError
from eqchain.latex.decorations import strip_decorations
from eqchain.latex.names import scan_name, starts_name
from eqchain.latex.tokens import Token, match_brackets, tokenize

# Never inferred: constants, the differential, and E, whose E(X) is the expectation to a
# statistician (an uninterpreted E would not be linear: E(X) stays ambiguous; E[X] is read).
NOT_FUNCTIONS = frozenset({"e", "pi", "d", "E"})
# Commands whose subscript's first name is a bound variable.
_BINDERS = frozenset(
    {"sum", "prod", "lim", "max", "min", "sup", "inf", "bigcup", "bigcap", "int", "iint", "oint"}
)

_ANY_NAME = re.compile(r"\\([A-Za-z]+)|([A-Za-z])")


def function_key(base: str, sub_tokens: list[Token] | None) -> str | None:
    """The name a function is known by: ``f``, ``M_X``, ``q_phi``, ``v_kj``; None for a subscript
    that is not names and digits only (``f_{k+1}``: never a function's name)."""
    if sub_tokens is None:
        return base
    if (
        len(sub_tokens) > 3
        and sub_tokens[0].kind == "cmd"
        and sub_tokens[1].is_char("{")
        and sub_tokens[-1].is_char("}")
    ):  # f_{\mathrm{X}}, f_\mathrm{X}: the letters of its one argument (f_X, as the symbol
        # f_{\mathrm{X}} is read), with the command when it makes another letter (\mathbf)
        upright = sub_tokens[0].text in ("mathrm", "text", "textrm", "operatorname", "mathit")
        sub_tokens = sub_tokens[2:-1] if upright else [sub_tokens[0], *sub_tokens[2:-1]]
    if not sub_tokens or not all(t.kind in ("letter", "digit", "cmd") for t in sub_tokens):
        return None
    if any(t.kind == "cmd" and not starts_name(t) for t in sub_tokens):
        return None
    return f"{base}_{''.join(t.text for t in sub_tokens)}"


@dataclass
class Uses:
    """How a document uses each name: applied to parentheses (name -> the names of its
    subscript), any other way, the names it binds or differentiates by, and the letters and
    commands of text it could not tokenise."""

    applied: dict[str, set[str]] = field(default_factory=dict)
    other: set[str] = field(default_factory=set)
    bound: set[str] = field(default_factory=set)
    loose: set[str] = field(default_factory=set)  # letters and commands of untokenised text

    def add_text(self, text: str) -> None:
        """Add the uses of one row (or block) of display math. Tags and prose are left out as the
        reader leaves them out. In text that cannot be tokenised every letter and command counts
        as a use other than a function's (whatever part of it some reader might read, no name
        of it is inferred a function)."""
        try:
            tokens = tokenize(strip_decorations(text).body)
            partner = match_brackets(tokens)
        except LatexError:
            self.loose.update(a or b for a, b in _ANY_NAME.findall(text))
            return
        self._walk(tokens, 0, len(tokens), partner)

    def _walk(self, tokens: list[Token], lo: int, hi: int, partner: dict[int, int]) -> None:
        i = lo
        bind_next = False
        while i < hi:
            tok = tokens[i]
            if tok.kind == "cmd" and tok.text in _BINDERS:
                nxt = tokens[i + 1] if i + 1 < hi else None
                if nxt is not None and nxt.is_char("_"):
                    bind_next = True
                i += 1
                continue
            if tok.is_cmd("partial", "nabla"):
                bind_next = True
                i += 1
                continue
            if not starts_name(tok):
                if not tok.is_char("_{}"):
                    bind_next = False
                i += 1
                continue
            try:
                span = scan_name(tokens, i, partner)
            except LatexError:
                i += 1
                continue
            end = min(span.end, hi)
            sub = list(tokens[span.sub[0] : span.sub[1]]) if span.sub is not None else None
            key = function_key(span.base, sub)
            if bind_next:
                self.bound.add(span.base if sub is None else key or span.base)
            bind_next = span.base == "d"  # dx, \mathrm{d}x: x is integrated or differentiated
            k = end
            while k < hi and tokens[k].is_char("'"):
                k += 1
            run = i > lo and tokens[i - 1].kind == "letter" and not tok.space_before
            if key is not None and not run and _opens_parenthesis(tokens, k, hi, partner):
                self.applied.setdefault(key, set()).update(_names(sub))
            else:
                self.other.add(key or span.base)
            if span.sub is not None:
                self._walk(tokens, span.sub[0], span.sub[1], partner)
            i = end

    def functions(self, symbols: frozenset[str] = frozenset()) -> frozenset[str]:
        """The names used as functions only (see the module's rule); ``symbols`` are names
        declared as symbols (never functions)."""
        out = set()
        for key, sub_names in self.applied.items():
            base = key.split("_", 1)[0]
            if key in self.other or key in symbols or base in NOT_FUNCTIONS | self.loose:
                continue
            if sub_names & (self.bound | symbols):
                continue
            out.add(key)
        return frozenset(out)


def _names(sub: list[Token] | None) -> set[str]:
    return {t.text for t in sub or () if t.kind in ("letter", "cmd")}


def _opens_parenthesis(tokens: list[Token], k: int, hi: int, partner: dict[int, int]) -> bool:
    """Whether ``(`` (``\\left(``, ``{(...)}``) opens at ``tokens[k]``."""
    if k >= hi:
        return False
    tok = tokens[k]
    if tok.is_cmd("left", "bigl", "Bigl", "biggl", "Biggl", "big", "Big", "bigg", "Bigg"):
        return k + 1 < hi and tokens[k + 1].is_char("(")
    if tok.is_char("("):
        return True
    return tok.is_char("{") and k + 1 < hi and tokens[k + 1].is_char("(")


def inferred_functions(texts, symbols: frozenset[str] = frozenset()) -> frozenset[str]:
    """The names the display math ``texts`` (rows or blocks of one document) uses as functions
    only; ``symbols`` are names the document declares as symbols."""
    uses = Uses()
    for text in texts:
        uses.add_text(text)
    return uses.functions(symbols)
