"""Which names a document applies as functions: the pre-pass behind reading ``f(x)`` undeclared.

Authors write ``\\sigma(z)``, ``L(\\theta)``, ``p(x)``, ``M_X(t)``, ``F_X(x)`` and never declare
them. A name written directly before parentheses could be a function applied to its argument or
a product (``\\lambda(1 - y)``). Before reading a document, :func:`inferred_functions` looks at
every row of its display math and decides, per name (base and subscript, ``f``, ``M_X``,
``q_\\phi``), that the document uses it as a function when

* it is written directly before parentheses somewhere (``f(x)``, ``f'(x)``, ``f\\left(x\\right)``)
  other than as the tail of a run of letters (``Var(X)`` is not a function ``r``; a letter
  that is a one-token script ends a run, ``\\sum_xp_X(x)``, and a subscripted name after
  letters the document binds is applied, ``\\sum_x xp_X(x)``: a summed x is no letter of a word),
* nothing binds it: it is never differentiated by (``\\partial \\lambda``, ``d\\lambda``), summed
  or multiplied over, integrated over or a limit's variable,
* and, for a subscripted name, no name of its subscript is bound anywhere in the document.
  Where something binds the subscript of a member of its family (``\\sum_n E_n(w)``), the name
  is a member of a family of functions (:func:`family_function`, decided for the whole family,
  :func:`family_key`, ``E_n`` and ``E_1`` together) when the document writes the family applied
  to names as a whole side of an equation (``E_n(w) = ...``): the index is the family's
  argument, so ``\\sum_k f_k(x)`` sums the members; ``\\prod_i f X_i(x_i)`` alone gives no
  sign that X_i is a family, and stays ambiguous. A subscript nothing binds names one function
  (``M_X``): a definition of ``M_X`` must say nothing of ``M_Y``.

A name used only so is a function wherever it stands before parentheses. A name the document
also uses as a value (alone, ``\\sigma^2``, a factor, an argument as in ``KL(p || q)``, or
declared a symbol in the assumptions: ``0 < p < 1``) is a
function only where the parentheses hold names (``p(x)``, ``p(x, y)``): ``p(1 - p)`` stays the
product. A definition row ``f(x) = ...`` or ``f(x) := ...`` (arguments distinct names: ``x``,
``x_j``, ``\\mathbf{w}``) makes ``f`` a function everywhere in the document.

``e``, ``\\pi``, ``d`` and ``E`` are never inferred (constants; a differential; the
expectation, ``E(X)``, which an uninterpreted function would not make linear).

Why the reading is sound: the checker treats such a name as an uninterpreted function, about
which it assumes nothing, and never refutes a step by values of it (a refutation holds for every
function). A step it verifies for an uninterpreted ``f`` holds for every function, in particular
for ``t \\mapsto f \\cdot t``, the product reading: so whichever the author meant, the verified
step is true, and so is a refuted step false. ``f`` written alone elsewhere is a free symbol, and
substituting ``t \\mapsto f \\cdot t`` for the function keeps it free; the argument fails only
where something binds ``f``: if ``\\lambda`` is differentiated by
(``\\frac{\\partial}{\\partial \\lambda} \\lambda(x)``), the product reading's derivative is x, the
uninterpreted function's 0. Such a name stays ambiguous, as before. The same holds for a
subscripted name, whose subscript is a label that nothing may bind or vary.

Stronger evidence makes a name a function whatever else the document does with it, as before
this pre-pass: a list of arguments (``L(\\mu, \\sigma)``), a conditioning bar (``p(x | \\theta)``),
a declaration (``--assume "f function"``).

Known function names written without a backslash and followed by parentheses, ``tanh(z)``,
``sigmoid(z)``, ``Var(X)``, ``max(0, z)`` (:data:`SPELLED_FUNCTIONS`), are those functions: a run
of letters that spells one of them is never meant as a product of its letters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import sympy as sp

from eqchain.errors import LatexError
from eqchain.latex import piecewise
from eqchain.latex.decorations import strip_decorations
from eqchain.latex.names import sample_superscripts, scan_name, starts_name, with_subscript
from eqchain.latex.tokens import Token, match_brackets, tokenize

# Never inferred: constants, the differential, and E, whose E(X) is the expectation to a
# statistician (an uninterpreted E would not be linear: E(X) stays ambiguous; E[X] is read).
NOT_FUNCTIONS = frozenset({"e", "pi", "d", "E"})
# Commands whose subscript's first name is a bound variable.
_BINDERS = frozenset(
    {"sum", "prod", "lim", "max", "min", "sup", "inf", "bigcup", "bigcap", "int", "iint", "oint"}
)

_ANY_NAME = re.compile(r"\\([A-Za-z]+)|([A-Za-z])")
# In text that cannot be tokenised: the names a binder binds (\partial x, \sum_{k}, \int ... dx).
_LOOSE_BOUND = re.compile(
    r"(?:\\partial|\\(?:sum|prod|lim|int|iint|max|min|sup|inf)\s*_|(?<![A-Za-z\\])d\}?)"
    r"\s*\{?\s*(\\[A-Za-z]+|[A-Za-z])"
)

_RELATIONS = ("le", "leq", "ge", "geq", "lt", "gt", "propto", "sim", "approx", "neq", "ne")

# Function names people write without a backslash, by the word spelled: what each is read as.
# "sympy": the SymPy function of the command of that name (\tanh); "logistic": the logistic
# function 1 / (1 + e^{-x}) (sigmoid); "relu": max(0, x); "max", "min": the largest (smallest) of
# the arguments; "moment": the variance or covariance, read through the expectation as
# \mathrm{Var}(X), \mathrm{Cov}(X, Y).
SPELLED_FUNCTIONS = {
    **dict.fromkeys(
        ("sin", "cos", "tan", "sec", "csc", "cot", "sinh", "cosh", "tanh",
         "arcsin", "arccos", "arctan", "exp", "log", "ln"),
        "sympy",
    ),
    "sigmoid": "logistic",
    "relu": "relu",
    "max": "max",
    "min": "min",
    "Var": "moment",
    "Cov": "moment",
    "var": "moment",  # var(X), cov(X, Y): the variance and covariance, never v a r(X)
    "cov": "moment",
    "KL": "operator",
}  # fmt: skip
# A name the document also uses as a value is held in the set of functions as this key: a
# function only before parentheses that hold names (p(x)), a product before an expression.
_ON_NAMES = "{}(names)"
_SEVERAL = "{}(several)"


def on_names(key: str) -> str:
    """The entry of a set of functions that makes ``key`` a function only where it is applied
    to names (``p(x)``, ``p(x, y)``), the product before any other parentheses (``p(1 - p)``)."""
    return _ON_NAMES.format(key)


def several(key: str) -> str:
    """The entry of a set of functions saying that the document applies ``key`` to several
    arguments somewhere (``f(x, y)``): a prime on it (``f'(x)``) is no derivative of a function
    of one variable."""
    return _SEVERAL.format(key)


def spelled_function(tokens: list[Token], i: int, hi: int) -> tuple[str, int] | None:
    """(the word, the index of the token after it) when ``tokens[i:]`` spell a function of
    :data:`SPELLED_FUNCTIONS` in letters written together (``tanh``, ``sigmoid``, ``Var``),
    directly followed by parentheses (``(`` or ``\\left(``), and not the tail of a longer run
    of letters (``xtanh(z)``); None otherwise."""
    tok = tokens[i]
    if tok.kind != "letter" or (i > 0 and tokens[i - 1].kind == "letter" and not tok.space_before):
        return None
    j = i + 1
    while j < hi and tokens[j].kind == "letter" and not tokens[j].space_before:
        j += 1
    word = "".join(t.text for t in tokens[i:j])
    if word not in SPELLED_FUNCTIONS or j >= hi:
        return None
    nxt = tokens[j]
    if nxt.is_char("(") or (nxt.is_cmd("left") and j + 1 < hi and tokens[j + 1].is_char("(")):
        return word, j
    if nxt.is_char("[") and SPELLED_FUNCTIONS[word] == "moment":
        return word, j  # Var[X], Cov[X, Y]: as \mathrm{Var}[X] (it was r[...] after V a)
    return None


def defined_function(
    tokens: list[Token], known: frozenset[str] = frozenset()
) -> tuple[str, int] | None:
    """``p(x)``, ``\\sigma(z)``, ``\\phi(x_j)``, ``\\ell(\\mathbf{w})``, ``f(x, y)`` or ``f'(x)``
    (a name without subscript, maybe primed, applied to distinct names) as the left side of a
    definition: (the name, the number of primes); None for anything else. ``e(p)`` only when
    ``e`` is in ``known`` (a function of the document, :meth:`Uses.functions`), else it is
    Euler's number before parentheses; ``\\pi(x)`` never."""
    if not tokens or not starts_name(tokens[0]) or len(tokens) < 4:
        return None
    try:
        partner = match_brackets(tokens)
        span = scan_name(tokens, 0, partner)
    except (LatexError, KeyError):
        return None
    constant = span.base == "pi" or (span.base == "e" and "e" not in known)
    if span.sub is not None or constant or span.end >= len(tokens):
        return None
    primes = span.end
    while primes < len(tokens) and tokens[primes].is_char("'"):
        primes += 1
    if primes >= len(tokens) or not tokens[primes].is_char("("):
        return None
    if partner.get(primes) != len(tokens) - 1:
        return None
    if _distinct_names(tokens, primes + 1, len(tokens) - 1, partner) is None:
        return None
    return span.base, primes - span.end


def function_key(base: str, sub_tokens: list[Token] | None) -> str | None:
    """The name a function is known by: ``f``, ``M_X``, ``q_phi``, ``v_kj``, ``f_X,Y`` (the joint
    density ``f_{X,Y}``); None for a subscript that is not names, digits and commas between
    them (``f_{k+1}``: never a function's name)."""
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
    if not sub_tokens or not all(
        t.kind in ("letter", "digit", "cmd")
        or (t.is_char(",") and 0 < k < len(sub_tokens) - 1)
        or (t.is_char("_") and 0 < k < len(sub_tokens) - 1 and sub_tokens[k - 1].kind != "digit")
        or (t.is_char("{}") and k > 1 and _inner_subscript(sub_tokens, k))
        for k, t in enumerate(sub_tokens)
    ):
        return None
    if any(t.kind == "cmd" and not starts_name(t) for t in sub_tokens):
        return None
    return f"{base}_{''.join(t.text for t in sub_tokens)}"


def _inner_subscript(sub_tokens: list[Token], k: int) -> bool:
    """Whether the brace at ``sub_tokens[k]`` belongs to a subscript inside the subscript
    (``\\gamma_{z_{i}}``: the braces of ``z_{i}``)."""
    depth = 0
    for j in range(k + 1):
        t = sub_tokens[j]
        if t.is_char("{"):
            if j == 0 or not sub_tokens[j - 1].is_char("_"):
                return False
            depth += 1
        elif t.is_char("}"):
            depth -= 1
            if depth < 0:
                return False
    return True


def family_key(base: str) -> str:
    """The key by which a document's functions name the family of functions ``base``
    (``E_`` for ``E_n(w)``, ``E_1(w)``, ``E_m(w)``): decided once for the whole family, as
    the name of :func:`family_function`."""
    return f"{base}_"


def family_function(base: str, count: int):
    """The function family ``base`` (``E`` of ``E_n(w)``, ``\\gamma`` of ``\\gamma_{z_i}(k)``):
    one SymPy function whose first ``count`` arguments are the subscript's indices, the
    others the arguments in parentheses, so that ``E_n(w)`` is ``E_(n, w)``: a sum over n runs
    over the members, ``E_1(w)`` and ``E_2(w)`` are two values (equal only where the indices
    are), and substituting the index reaches it. Its name, ``base`` with a trailing ``_``, is
    none a plain function can have (a function key's subscript is never empty), so the family
    ``E_n`` and a function ``E`` of the same document stay apart; ``family`` holds ``count``
    (printed back as written, ``E_{n}(w)``)."""
    return sp.Function(family_key(base), family=count)


def family_of(func) -> int | None:
    """How many leading arguments of an applied ``func`` are a family's indices, or None for a
    function that is no family (:func:`family_function`)."""
    count = getattr(func, "family", None)
    return count if isinstance(count, int) and not isinstance(count, bool) else None


@dataclass
class Uses:
    """How a document uses each name: applied to parentheses (name -> the names of its
    subscript), applied only as the tail of a run of letters, any other way, the names it binds
    or differentiates by, and the functions its definition rows define."""

    applied: dict[str, set[str]] = field(default_factory=dict)
    other: set[str] = field(default_factory=set)
    bound: set[str] = field(default_factory=set)
    run_tails: set[str] = field(default_factory=set)  # applied after letters written together
    # for a subscripted name so applied, the letters before it in each run (xp_X(x): {x})
    run_letters: dict[str, list[frozenset[str]]] = field(default_factory=dict)
    defined: set[str] = field(default_factory=set)  # f of a row f(x) = ... or f(x) := ...
    primed: set[str] = field(default_factory=set)  # applied with a prime, f'(x)
    several: set[str] = field(default_factory=set)  # applied to several arguments, f(x, y)
    # subscripted names applied to names as a whole side of an equation: E_n(w) = ...,
    # ... = \gamma_{Z_i}(k) (what a family needs when a sum runs over its subscript)
    alone_sides: set[str] = field(default_factory=set)
    # families applied to a defined function's parameters (y(x, w) = \sum_j w_j \phi_j(x))
    on_parameters: set[str] = field(default_factory=set)
    # where the document writes E as the expectation: E[...], or E(...) holding more than
    # names (E(X^2), E(X + c)), by its style ("italic", "upright"): the names written in those
    # bodies (not in an E(...) of names there): its E(X) of those names is that expectation too
    # (expectation_mark)
    expectation: dict[str, set[str]] = field(default_factory=dict)
    # names written before brackets (V[X]) and names written alone, as values (V = 3)
    bracketed: set[str] = field(default_factory=set)
    valued: set[str] = field(default_factory=set)
    # applied with its parameters after one semicolon, f(x; \lambda): key -> {(position, the
    # parameters as written)} (parameter_mark)
    parameters: dict[str, set[tuple]] = field(default_factory=dict)

    def add_text(self, text: str) -> None:
        """Add the uses of one row (or block) of display math. Tags and prose are left out as the
        reader leaves them out. Text that cannot be tokenised is never read as a formula (its
        row is unreadable, checked never, a fact never): only the names its binders bind count
        (so that no name is inferred a function that something binds)."""
        if self._add_pieces(text):
            return
        try:
            tokens = tokenize(strip_decorations(text).body)
            partner = match_brackets(tokens)
        except LatexError:
            self.bound.update(m.lstrip("\\") for m in _LOOSE_BOUND.findall(text))
            return
        self._walk(tokens, 0, len(tokens), partner)
        found = _definition(tokens)
        if found is not None:
            self.defined.add(found)
        self.alone_sides.update(_family_sides(tokens, partner))
        self.on_parameters.update(_families_on_parameters(tokens, partner))

    def _add_pieces(self, text: str) -> bool:
        """Add the uses of a row holding piecewise environments as the reader reads it (README,
        "Piecewise definitions"): the row with each environment as a placeholder name, then each
        cell, a condition's prose (``\\text{if } x \\geq 0``) left out. False for a row
        without one, or one whose environments the reader rejects."""
        try:
            found = piecewise.spans(text)
            names = piecewise.placeholder_names(text, len(found)) if found else []
        except LatexError:
            return False
        if not found:
            return False
        self.add_text(piecewise.blank_pieces(text, found, names))
        for _, _, *inner in found:
            for cell in piecewise.cells(text, tuple(inner)):
                try:
                    self.add_text(strip_decorations(cell).body)
                except LatexError:
                    self.bound.update(m.lstrip("\\") for m in _LOOSE_BOUND.findall(cell))
        return True

    def add_definition(self, text: str) -> None:
        """Add the function an inline formula of the prose defines (``E(y) = (y - t)^2``), if
        any: only that, its other uses are the prose's."""
        try:
            tokens = tokenize(strip_decorations(text).body)
        except LatexError:
            return
        found = _definition(tokens)
        if found is not None:
            self.defined.add(found)

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
                bind_next = not _numerator(tokens, i, lo)  # \frac{\partial L}{...}: not bound
                i += 1
                continue
            if not starts_name(tok):
                if not tok.is_char("_{}"):
                    bind_next = False
                i += 1
                continue
            spelled = spelled_function(tokens, i, hi)
            if spelled is not None:  # tanh(z), Var(X): a known function, not its letters
                bind_next = False
                i = spelled[1]
                continue
            try:
                span = scan_name(tokens, i, partner)
            except LatexError:
                i += 1
                continue
            k = span.end
            while k < hi and tokens[k].is_char("'"):
                k += 1
            primed = k > span.end
            if primed and span.sub is None and k < hi and tokens[k].is_char("_"):
                try:  # M'_X(t): the prime before the subscript, the derivative of M_X
                    span = with_subscript(replace(span, end=k), tokens, partner)
                    k = span.end
                except LatexError:
                    pass
            end = min(span.end, hi)
            sub = list(tokens[span.sub[0] : span.sub[1]]) if span.sub is not None else None
            key = function_key(span.base, sub)
            # a one-token script (\sum_{i=1}^n (x_i - \mu)^2, x^n(1 - x)) ends at that token:
            # the parentheses after it are no argument of it (TeX raises only the n)
            scripted = i > lo and tokens[i - 1].is_char("^_") and span.end == i + 1
            applied = (
                key is not None and not scripted and _opens_parenthesis(tokens, k, hi, partner)
            )
            if bind_next and not applied:  # \partial \sigma(z) differentiates sigma(z)
                self.bound.add(span.base if sub is None else key or span.base)
            # dx, \mathrm{d}x: x is integrated or differentiated (not in \frac{d y}{...})
            bind_next = span.base == "d" and not _numerator(tokens, i, lo)
            before = _run_before(tokens, i, lo)
            run = bool(before)
            body = None
            if key == "E" and not run and not primed:
                body = _expectation_written(tokens, i, k, hi, partner)
            as_expectation = body is not None
            if body is not None:
                style = "italic" if tok.kind == "letter" else "upright"
                self.expectation.setdefault(style, set()).update(
                    _body_names(tokens, *body, partner)
                )
            if applied and primed and not run:
                self.primed.add(key)
            if applied and not run and _arguments(tokens, k, partner) > 1:
                self.several.add(key)
                signature = _after_semicolon(tokens, k, partner)
                if signature is not None:
                    self.parameters.setdefault(key, set()).add(signature)
            if applied:
                if run:
                    self.run_tails.add(key)
                if run and sub is not None:  # applied, unless the run may be a word
                    self.run_letters.setdefault(key, []).append(frozenset(before))
                    self.applied.setdefault(key, set()).update(_names(sub))
                elif not run:
                    self.applied.setdefault(key, set()).update(_names(sub))
            elif not as_expectation:  # E[X] is no value of E
                self.other.add(key or span.base)
                if k < hi and tokens[k].is_char("["):
                    self.bracketed.add(key or span.base)
                elif not primed:
                    self.valued.add(key or span.base)
            if span.sub is not None:
                self._walk(tokens, span.sub[0], span.sub[1], partner)
            i = end

    def functions(
        self, symbols: frozenset[str] = frozenset(), values_too: bool = True
    ) -> frozenset[str]:
        """The names the document uses as functions (see the module's rule): a name used only so
        as itself, a name also used as a value as :func:`on_names` of it; ``symbols`` are names
        declared as symbols (values: functions before names only, as :func:`on_names`). Without
        ``values_too`` (a derivation file, where every name is declared) a name used as a value
        is no function at all: ``p(x)`` stays ambiguous."""
        out = set()
        families = self._bound_families(symbols)
        tails = self._word_tails()
        for key, sub_names in self.applied.items():
            base = key.split("_", 1)[0]
            if key in tails or (key != base and family_key(base) in families):
                continue
            if base in NOT_FUNCTIONS and not (key == "e" and self._defined_only("e")):
                continue
            # a subscripted name the document defines as a function (h_\theta(x) = ...) stays
            # one where a derivative is also taken by it (\frac{\partial}{\partial h_\theta}:
            # by its value, the chain rule); a plain one differentiated by never is (\lambda(x)
            # = 1 beside \frac{d}{d\lambda}: \lambda x = 1 may be meant)
            defined_here = key != base and key in self.defined
            if (key in self.bound and not defined_here) or sub_names & (self.bound | symbols):
                continue
            if key not in symbols and (key in self.defined or key not in self.other):
                out.add(key)
            elif values_too:
                out.add(on_names(key))
        for family, members in families.items():
            # a family whose subscript something binds (\sum_n E_n(w)): read with the index as
            # an argument (family_function), but only where the document names it as a
            # quantity of its own, a whole side of an equation (E_n(w) = ...): \prod_i
            # f X_i(x_i) gives no sign that X_i is a family of functions. E too (E(X), never).
            base = family[:-1]
            signed = family in self.alone_sides or (
                # applied to a definition's parameters, and written nowhere as a value
                family in self.on_parameters and not members & (symbols | self.other)
            )
            if not signed or (base in NOT_FUNCTIONS and base != "E"):
                continue
            if members & (tails | self.bound) or family in self.bound:
                continue
            if not members & (symbols | self.other):
                out.add(family)
            elif values_too:
                out.add(on_names(family))
            if members & self.several:
                out.add(several(family))
        # a function applied to several arguments somewhere: f'(x) is no derivative
        out |= {several(k) for k in self.several if k in out or on_names(k) in out}
        for key, signatures in self.parameters.items():
            if len(signatures) == 1 and (key in out or on_names(key) in out):
                out.add(parameter_mark(key, *next(iter(signatures))))
        if self.expectation and not {"E", on_names("E")} & out and "E" not in self.defined:
            if "E" not in self.bound | self.other | symbols:
                out |= {
                    expectation_mark(style, name)
                    for style, names in self.expectation.items()
                    for name in names
                }
                if "italic" in self.expectation and "V" in self.bracketed - self.valued:
                    if "V" not in self.applied and "V" not in self.bound | symbols:
                        out.add(VARIANCE_MARK)
        return frozenset(out)

    def _word_tails(self) -> set[str]:
        """The names applied as the tail of a run of letters that may be a word (``Var(X)``:
        ``r``), which no such use makes a function. A subscripted name after letters that are
        all variables the document binds (``\\sum_x xp_X(x)``: x is summed over) is the
        product of those variables and the name applied: a summed variable is no letter of a
        word, and TeX puts the subscript on the one letter before it."""
        return {
            key
            for key in self.run_tails
            if key not in self.run_letters
            or any(not letters <= self.bound for letters in self.run_letters[key])
        }

    def _bound_families(self, symbols: frozenset[str]) -> dict[str, set[str]]:
        """The families of functions (:func:`family_key`) some member of which the document
        applies with a subscript that something binds or declares a symbol (``\\sum_n E_n(w)``),
        each with the keys of all its members applied or written (``E_n``, ``E_1``); the other
        subscripted names stay one function each (``M_X``)."""
        members: dict[str, set[str]] = {}
        for key in (*self.applied, *self.other, *self.run_tails):
            base, _, sub = key.partition("_")
            if sub:
                members.setdefault(family_key(base), set()).add(key)
        return {
            family: keys
            for family, keys in members.items()
            if any(self.applied.get(k, set()) & (self.bound | symbols) for k in keys)
        }

    def _defined_only(self, key: str) -> bool:
        """Whether the document defines ``key`` by a row ``e(p) = ...``, differentiates it with a
        prime (``e'(p)``, which says nothing of Euler's number) and writes it nowhere but before
        parentheses (never ``e^{x}``, ``e`` alone): then ``e`` is that function, and Euler's
        number appears nowhere in the document to be mistaken for it. ``e(x) = 1`` alone stays
        ambiguous (a function, or Euler's number times x)."""
        return (
            key in self.defined
            and key in self.primed
            and key not in self.other
            and key not in self.bound
        )


def _definition(tokens: list[Token]) -> str | None:
    """The function a definition row ``f(x) = ...`` / ``f(x) := ...`` defines (its left side is
    the name applied to distinct names, :func:`defined_function`), or None."""
    depth = 0
    for k, tok in enumerate(tokens):
        if tok.is_char("([{"):
            depth += 1
        elif tok.is_char(")]}"):
            depth -= 1
        elif depth == 0 and tok.is_char("="):
            left = tokens[: k - 1] if k > 0 and tokens[k - 1].is_char(":") else tokens[:k]
            found = defined_function(left, frozenset({"e"}))  # e: see Uses.functions
            if found is None:
                return _subscripted_definition(left)
            return found[0] if found[1] == 0 else None
        elif depth == 0 and (tok.is_char("<>") or tok.is_cmd(*_RELATIONS)):
            return None  # f(x) \le ...: no definition
    return None


def _subscripted_definition(tokens: list[Token]) -> str | None:
    r"""The key of a subscripted name applied to distinct names as a definition's whole left
    side (``h_\theta(x^{(i)}) = \frac{1}{1 + e^{-\theta^T x^{(i)}}}``), when its subscript is
    no index a binder runs over (:func:`function_key`), else None."""
    if not tokens or not starts_name(tokens[0]):
        return None
    try:
        tokens = sample_superscripts(tokens)  # x^{(i)}: the member x_i, as the reader reads it
        partner = match_brackets(tokens)
        span = scan_name(tokens, 0, partner)
    except (LatexError, KeyError):
        return None
    k = span.end
    if span.sub is None or k >= len(tokens) or not tokens[k].is_char("("):
        return None
    if partner.get(k) != len(tokens) - 1:
        return None
    if _distinct_names(tokens, k + 1, len(tokens) - 1, partner) is None:
        return None
    return function_key(span.base, list(tokens[span.sub[0] : span.sub[1]]))


def _equals_at_top(tokens: list[Token]) -> list[int]:
    """The indices of the ``=`` of ``tokens`` outside every bracket."""
    out, depth = [], 0
    for k, tok in enumerate(tokens):
        if tok.is_char("([{"):
            depth += 1
        elif tok.is_char(")]}"):
            depth -= 1
        elif depth == 0 and tok.is_char("="):
            out.append(k)
    return out


def _family_sides(tokens: list[Token], partner: dict[int, int]) -> set[str]:
    """The keys of the subscripted names applied to distinct names (``E_n(\\mathbf{w})``,
    ``\\gamma_{Z_i}(k)``) that make up a whole side of one of the row's top-level ``=``."""
    sides, start = [], 0
    for k in _equals_at_top(tokens):
        end = k - 1 if k > start and tokens[k - 1].is_char(":") else k
        sides.append((start, end))
        start = k + 1
    if not sides:
        return set()
    sides.append((start, len(tokens)))
    found = set()
    for lo, hi in sides:
        while lo < hi and tokens[lo].is_char("&"):
            lo += 1
        key = _family_applied(tokens, lo, hi, partner)
        if key is not None:
            found.add(key)
    return found


def _families_on_parameters(tokens: list[Token], partner: dict[int, int]) -> set[str]:
    r"""The keys of the subscripted names a definition row ``f(x, w) = ...`` applies, on its
    right side, to some of f's own parameters (``y(x, w) = w_0 + \sum_j w_j \phi_j(x)``: the
    basis functions of x; a product \phi_j \cdot x is never bracketed so): a family of
    functions, as a whole side ``\phi_j(x) = ...`` says."""
    equals = next(iter(_equals_at_top(tokens)), None)
    if equals is None or equals == 0:
        return set()
    left_end = equals - 1 if tokens[equals - 1].is_char(":") else equals
    if not starts_name(tokens[0]):
        return set()
    try:
        head = scan_name(tokens, 0, partner)
    except (LatexError, KeyError):
        return set()
    if head.end >= left_end or not tokens[head.end].is_char("("):
        return set()
    if partner.get(head.end) != left_end - 1:
        return set()
    parameters = _distinct_names(tokens, head.end + 1, left_end - 1, partner)
    if not parameters:
        return set()
    found, k = set(), equals + 1
    while k < len(tokens):
        if not starts_name(tokens[k]):
            k += 1
            continue
        try:
            span = scan_name(tokens, k, partner)
        except (LatexError, KeyError):
            k += 1
            continue
        end = span.end
        if span.sub is not None and end < len(tokens) and tokens[end].is_char("("):
            close = partner.get(end)
            inner = _distinct_names(tokens, end + 1, close, partner) if close else None
            if inner and set(inner) <= set(parameters):
                if function_key(span.base, list(tokens[span.sub[0] : span.sub[1]])) is not None:
                    found.add(family_key(span.base))
        k = max(end, k + 1)
    return found


def _distinct_names(tokens: list[Token], lo: int, hi: int, partner: dict[int, int]):
    """The keys of the distinct names ``tokens[lo:hi]`` lists, separated by commas; None
    when they hold anything else."""
    names, k = [], lo
    while k < hi:
        if not starts_name(tokens[k]):
            return None
        try:
            arg = scan_name(tokens, k, partner)
        except (LatexError, KeyError):
            return None
        names.append(arg.key)
        k = arg.end
        if k < hi:
            if not tokens[k].is_char(",") or k + 1 == hi:
                return None
            k += 1
    if not names or len(set(names)) != len(names):
        return None
    return names


def _family_applied(tokens: list[Token], lo: int, hi: int, partner: dict[int, int]):
    """The key of ``tokens[lo:hi]`` when they are exactly a subscripted name applied to
    distinct names, else None."""
    if lo >= hi or not starts_name(tokens[lo]):
        return None
    try:
        span = scan_name(tokens, lo, partner)
    except (LatexError, KeyError):
        return None
    if span.sub is None or span.end >= hi or not tokens[span.end].is_char("("):
        return None
    if partner.get(span.end) != hi - 1:
        return None
    if _distinct_names(tokens, span.end + 1, hi - 1, partner) is None:
        return None
    if function_key(span.base, list(tokens[span.sub[0] : span.sub[1]])) is None:
        return None
    return family_key(span.base)


def _arguments(tokens: list[Token], k: int, partner: dict[int, int]) -> int:
    """How many arguments the parentheses opening at ``tokens[k]`` hold (``(x, y)``,
    ``(x | \\theta)``, ``(x; \\theta)``: 2), as :func:`_opens_parenthesis` finds them."""
    open_ = k if tokens[k].is_char("(") else k + 1
    close = partner.get(open_)
    if close is None:
        return 1
    count, j = 1, open_ + 1
    while j < close:
        tok = tokens[j]
        if tok.is_char(",;|") or tok.is_cmd("mid", "vert", "|"):
            count += 1
        j = partner[j] + 1 if tok.is_char("([{") and j in partner else j + 1
    return count


def _run_before(tokens: list[Token], i: int, lo: int) -> list[str]:
    """The letters written together before ``tokens[i]`` (``Var``: V and a before r), empty when
    it starts no run's tail. A letter that is a script of one token (``\\sum_xp_X(x)``,
    ``e^xf(x)``) ends what comes before it: TeX takes it as the whole subscript, so the next
    letter starts a new run."""
    letters: list[str] = []
    if tokens[i].kind != "letter":
        return letters  # x\Gamma(x): a command starts no word's tail (\Gamma(n + 1) = n! was
        # read as a product in a document that also wrote x\Gamma(x))
    j = i - 1
    while j >= lo and tokens[j].kind == "letter" and not tokens[j + 1].space_before:
        if j - 1 >= lo and tokens[j - 1].is_char("_^"):
            break
        letters.append(tokens[j].text)
        j -= 1
    if letters == ["d"] and _numerator(tokens, i - 1, lo):
        return []  # \frac{d\sigma(x)}{dx}: the differential before the name, no word's letter
    return letters


def _numerator(tokens: list[Token], i: int, lo: int) -> bool:
    """Whether ``tokens[i]`` opens the numerator of a fraction (``\\frac{\\partial L}{...}``)."""
    return (
        i >= lo + 2
        and tokens[i - 1].is_char("{")
        and tokens[i - 2].is_cmd("frac", "dfrac", "tfrac", "cfrac")
    )


def _names(sub: list[Token] | None) -> set[str]:
    return {t.text for t in sub or () if t.kind in ("letter", "cmd")}


def _expectation_written(tokens, i: int, k: int, hi: int, partner: dict[int, int]):
    """The body (first and last token index, exclusive) when the name E at ``tokens[i]`` (its
    name ending before ``k``), italic, upright or an operator name, is written as the
    expectation: before brackets, ``E[X]``, or before parentheses that hold more than names,
    ``E(X^2)`` (as the reader reads them); else None."""
    first = tokens[i]
    if not (first.kind == "letter" or first.is_cmd("mathrm", "operatorname")):
        return None
    if glued_to_a_letter(tokens, i):
        return None  # SE(\hat\beta), MSE(\theta): a word's last letter
    j = k + 1 if k < hi and tokens[k].is_cmd("left") else k
    if j >= hi or j not in partner:
        return None
    if tokens[j].is_char("["):
        return j + 1, partner[j]
    if not tokens[j].is_char("("):
        return None
    close = partner[j]
    return (j + 1, close) if not bare_names(tokens, j + 1, close, partner) else None


def bare_names(tokens, lo: int, hi: int, partner: dict[int, int]) -> bool:
    """Whether ``tokens[lo:hi]`` is a comma-separated list of names (``X``, ``X, Y``), no
    comma left at its end."""
    m = lo
    while m < hi:
        if not starts_name(tokens[m]):
            return False
        try:
            m = scan_name(tokens, m, partner).end
        except LatexError:
            return False
        if m == hi:
            return True
        if not tokens[m].is_char(","):
            return False
        m += 1
    return False


def bare_arguments(tokens, lo: int, hi: int, partner: dict[int, int]) -> bool:
    """Whether ``tokens[lo:hi]`` is a comma-separated list of names and written numbers
    (``x``, ``0``, ``-1``, ``2.5``, ``x, 1``): what a name before it is evaluated at, if it is
    a function (``h(0)``, ``L(1)``, ``h\\left(\\frac{1}{2}\\right)``), or multiplies (h times 0,
    which no one writes so)."""
    opening = lo - 2 if lo >= 2 and tokens[lo - 2].is_cmd("left") else lo - 1
    if (
        opening >= 0
        and tokens[opening].space_before
        and hi + 1 < len(tokens)
        and tokens[hi + 1].is_char("^")
    ):
        return bare_names(tokens, lo, hi, partner)  # n p (1)^{n - 1}: a power of the bracket
    while hi > lo and tokens[hi - 1].kind == "cmd" and tokens[hi - 1].text in _CLOSING_SIZES:
        hi -= 1  # \left( 0 \right): the size command before the closing parenthesis
    m, numbers = lo, False
    while m < hi:
        start = m + 1 if tokens[m].is_char("-") else m
        fraction = _written_fraction(tokens, start, hi)
        if fraction is not None:
            m, numbers = fraction, True
        elif start < hi and tokens[start].kind == "digit":
            m = start
            while m < hi and (tokens[m].kind == "digit" or tokens[m].is_char(".")):
                m += 1
            numbers = True
        elif start == m and starts_name(tokens[m]):
            try:
                m = scan_name(tokens, m, partner).end
            except LatexError:
                return False
        else:
            return False
        if m == hi:
            return numbers or bare_names(tokens, lo, hi, partner)
        if not tokens[m].is_char(","):
            return False
        m += 1
    return False


_CLOSING_SIZES = frozenset({"right", "bigr", "Bigr", "biggr", "Biggr", "big", "Big"})


def _written_fraction(tokens, k: int, hi: int) -> int | None:
    """The index after a fraction of written numbers at ``tokens[k]`` (``\\frac{1}{2}``,
    ``\\tfrac12``), or None."""
    if not (k < hi and tokens[k].kind == "cmd" and tokens[k].text == "frac"):
        return None
    m = k + 1
    for _ in range(2):
        if m < hi and tokens[m].kind == "digit":
            m += 1
            continue
        if not (m < hi and tokens[m].is_char("{")):
            return None
        m += 1
        if not (m < hi and tokens[m].kind == "digit"):
            return None
        while m < hi and tokens[m].kind == "digit":
            m += 1
        if not (m < hi and tokens[m].is_char("}")):
            return None
        m += 1
    return m


def _body_names(tokens, lo: int, hi: int, partner: dict[int, int]) -> set[str]:
    """The letters and commands of an expectation's body, but those of the names an ``E(...)``
    inside it is applied to (``E[|E(G)|]``: G is written there as E's argument only)."""
    out: set[str] = set()
    m = lo
    while m < hi:
        tok = tokens[m]
        if tok.kind == "letter" and tok.text == "E" and m + 1 < hi and tokens[m + 1].is_char("("):
            m = partner.get(m + 1, m) + 1
            continue
        if tok.kind in ("letter", "cmd"):
            out.add(tok.text)
        m += 1
    return out


def glued_to_a_letter(tokens, i: int) -> bool:
    """Whether ``tokens[i]`` is a letter written right after another letter, no space between
    (the E of ``SE``, ``MSE``): the tail of a word, never a name of its own."""
    return (
        i > 0
        and tokens[i].kind == "letter"
        and not tokens[i].space_before
        and tokens[i - 1].kind == "letter"
    )


# V written only before brackets (V[X]) in a document that writes E[...] as the expectation:
# the variance, as Japanese texts write it (Parser.name)
VARIANCE_MARK = "V(variance)"


def expectation_mark(style: str, name: str) -> str:
    """The mark (in a document's set of functions) that E of ``style`` ("italic" for ``E``,
    "upright" for ``\\mathrm{E}``) is the expectation where applied to names ``name`` is
    among (:class:`Uses`)."""
    return f"E(expectation:{style}:{name})"


def parameter_mark(key: str, position: int, names: tuple) -> str:
    """The entry of a set of functions saying that the document applies ``key`` with its
    parameters ``names`` after a semicolon at argument ``position`` (``f(x; \\lambda)``): the
    same function applied with a comma there, ``f(x_i, \\lambda)``, with those very parameters
    written, is read with the semicolon (Parser, plain application). A joint density ``f(x,
    y)`` writes other names there and stays a function of its own."""
    return f"{key}(;{position}:{','.join(names)})"


def _after_semicolon(tokens: list[Token], k: int, partner: dict[int, int]) -> tuple | None:
    """(position of the first parameter, the parameters as written) for parentheses at
    ``tokens[k]`` holding one top-level semicolon and no bar, each parameter one token (a
    letter or a command: \\lambda, \\theta); None otherwise."""
    open_ = k if tokens[k].is_char("(") else k + 1
    close = partner.get(open_)
    if close is None:
        return None
    parts: list[list[Token]] = [[]]
    semicolon = None
    j = open_ + 1
    while j < close:
        tok = tokens[j]
        if tok.is_char("|") or tok.is_cmd("mid", "vert", "|"):
            return None
        if tok.is_char(",;"):
            if tok.is_char(";"):
                if semicolon is not None:
                    return None
                semicolon = len(parts)
            parts.append([])
        else:
            parts[-1].append(tok)
        j = partner[j] + 1 if tok.is_char("([{") and j in partner else j + 1
    if semicolon is None:
        return None
    after = parts[semicolon:]
    if not all(len(p) == 1 and p[0].kind in ("letter", "cmd") for p in after):
        return None
    return semicolon, tuple(p[0].text for p in after)


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


def inferred_functions(
    texts, symbols: frozenset[str] = frozenset(), values_too: bool = True
) -> frozenset[str]:
    """The names the display math ``texts`` (rows or blocks of one document) uses as functions
    (:meth:`Uses.functions`); ``symbols`` are names the document declares as symbols."""
    uses = Uses()
    for text in texts:
        uses.add_text(text)
    return uses.functions(symbols, values_too)
