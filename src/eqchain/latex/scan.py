"""Rewriting one side of a formula into text that a LaTeX parser can only read one way.

SymPy's parser (and latex2sympy2, the second reader) guess at letters: ``f(x)`` becomes a
function, ``dx`` a differential, ``e`` may or may not be Euler's number, ``1,000`` is a thousand.
So we read every name, number, derivative fraction and declared function application ourselves
and hand the parser a placeholder ``\\mathit{ZA}`` for each; what is left for the parser is the
grammar of operators: ``+ - \\cdot \\frac \\sqrt \\sum \\log ^`` and brackets, whose precedence is
its job (and the second reader's, to catch LaTeX that two readers read differently).

Each side becomes a :class:`Template`: the text for each reader plus the composite placeholders
(derivatives, function applications) whose parts each reader reads again on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

import sympy as sp

from eqchain.errors import LatexError, UnsupportedLatex
from eqchain.latex.applied import bare_arguments
from eqchain.latex.commands import (
    ELLIPSIS,
    FLOOR_CEIL,
    FUNCTIONS,
    GREEK,
    PROSE,
    STARRED,
    UNSUPPORTED,
    WORD_SUPERSCRIPT,
    without_a_body,
)
from eqchain.latex.derivatives import recognise
from eqchain.latex.names import (
    NameSpan,
    applied,
    bracketed_argument,
    combination_parts,
    how_to_declare,
    name_object,
    scan_name,
    starts_name,
)
from eqchain.latex.tokens import (
    Token,
    empty_braces_message,
    letter_run,
    match_brackets,
    power_of_group,
    upright_word_script,
)
from eqchain.latex.words import word_mark

# What may follow a function's argument written without parentheses (``\log x + 1``,
# ``\log x \log y``) without the parser swallowing it into the argument.
_ARGUMENT_ENDS_CHARS = "+-=)]},"
_ARGUMENT_ENDS_CMDS = FUNCTIONS | {"sum", "prod", "sqrt", "rfloor", "rceil"}


@dataclass(frozen=True)
class Template:
    """One expression rewritten for the two readers: ``a_text`` for SymPy's ``parse_latex``,
    ``b_text`` for latex2sympy2; ``column`` (1-based) where it starts; ``composites`` the
    placeholders whose parts are read separately."""

    a_text: str
    b_text: str
    column: int
    composites: tuple[Composite, ...] = ()


@dataclass(frozen=True)
class Composite:
    """A placeholder for a derivative (``variables`` holds (variable, order) pairs) or for a
    declared function applied to arguments (``name``); ``children`` are the templates of the
    differentiated expression or of the arguments."""

    key: str
    kind: str
    children: tuple[Template, ...]
    variables: tuple = ()
    name: str = ""
    column: int = 0


@dataclass
class Context:
    """What has been read in one formula so far, shared by its sides and sub-expressions:
    placeholders for names and numbers (``atoms``), ellipsis markers with their columns, and the
    first reading of each ellipsis's hidden terms (``middles``)."""

    indices: frozenset[str]
    functions: frozenset[str]
    evaluate: Callable[[Template, Context], object]
    atoms: dict[str, object] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    b_texts: dict[str, str] = field(default_factory=dict)
    markers: dict[str, int] = field(default_factory=dict)
    middles: dict[str, object] = field(default_factory=dict)
    count: int = 0

    def fresh(self) -> str:
        """A new placeholder name: ``Z`` and capital letters (never ``d``, which SymPy's lexer
        reads as a differential)."""
        n, letters = self.count, ""
        self.count += 1
        while True:
            letters = chr(ord("A") + n % 26) + letters
            n //= 26
            if n == 0:
                return "Z" + letters

    def names(self) -> set[str]:
        """Every symbol and family name read so far (a fresh index must avoid them)."""
        out: set[str] = set()
        for value in self.atoms.values():
            if isinstance(value, sp.Basic):
                out |= {s.name for s in value.atoms(sp.Symbol)}
                out |= {str(b.label) for b in value.atoms(sp.IndexedBase)}
        return out


@dataclass
class _Out:
    a: list[str] = field(default_factory=list)
    b: list[str] = field(default_factory=list)
    composites: list[Composite] = field(default_factory=list)
    after_operand: bool = False  # whether a '-' here would be binary (a - b) or unary (-b)

    def emit(self, a: str, b: str | None = None, operand: bool = False) -> None:
        self.a.append(a)
        self.b.append(a if b is None else b)
        self.after_operand = operand


class Scanner:
    """Rewrites token ranges of one side into templates. Raises LatexError (UnsupportedLatex)
    with the column of the first token it cannot read faithfully."""

    def __init__(self, tokens: list[Token], ctx: Context):
        self.tokens = tokens
        self.partner = match_brackets(tokens)
        self.ctx = ctx

    def template(self, lo: int, hi: int) -> Template:
        """The template of ``tokens[lo:hi]`` (a bracket-balanced range)."""
        out = _Out()
        if lo >= hi:
            column = self.tokens[lo].column if lo < len(self.tokens) else 1
            raise LatexError("an empty expression", column=column)
        self._range(lo, hi, out)
        return Template(
            "".join(out.a), "".join(out.b), self.tokens[lo].column, tuple(out.composites)
        )

    # -- the main loop ------------------------------------------------------------------------

    def _range(self, lo: int, hi: int, out: _Out, allow_eq: bool = False) -> None:
        i = lo
        while i < hi:
            i = self._item(i, hi, out, allow_eq)

    def _item(self, i: int, hi: int, out: _Out, allow_eq: bool) -> int:
        tok = self.tokens[i]
        if starts_name(tok):
            return self._name(i, hi, out)
        if tok.kind == "digit":
            return self._number(i, hi, out)
        if tok.kind == "char":
            return self._char(i, hi, out, allow_eq)
        return self._command(i, hi, out)

    def _char(self, i: int, hi: int, out: _Out, allow_eq: bool) -> int:
        tok = self.tokens[i]
        c = tok.text
        if c == "-" and not out.after_operand:
            # SymPy's parser negates with evaluation (-(a + b) becomes -a - b); a -1 factor
            # keeps what the author wrote.
            self._atom(out, "#-", lambda: sp.Integer(-1), b_text="-")
            out.after_operand = False
            return i + 1
        if c == "/":
            self._check_divisor(i, hi, "/")
        if c in "+-/":
            out.emit(f" {c} ")
            return i + 1
        if c in "([":
            close = self.partner[i]
            out.emit(c)
            self._range(i + 1, close, out)
            out.emit(self.tokens[close].text, operand=True)
            return close + 1
        if c == "{":
            close = self.partner[i]
            found = combination_parts(self.tokens, self.partner, i, hi)
            if found is not None:  # {}_nC_k: \binom{n}{k}; {}_nP_k: n!/(n-k)!
                return self._combination(found, tok, out)
            if close == i + 1:
                raise LatexError(empty_braces_message(self.tokens, i + 2), column=tok.column)
            # Grouping braces; the second reader takes bare braces for a set, so it gets ().
            out.emit("{", "(")
            self._range(i + 1, close, out)
            out.emit("}", ")", operand=True)
            return close + 1
        if c == "^":
            return self._superscript(i, hi, out)
        if c == "_":
            found = (
                None
                if out.after_operand
                else combination_parts(self.tokens, self.partner, i, hi, bare=True)
            )
            if found is not None:  # _nC_k, a left subscript on nothing: as {}_nC_k
                return self._combination(found, tok, out)
            raise LatexError("a subscript needs a name before it", column=tok.column)
        if c == "!":
            if i + 1 < hi and self.tokens[i + 1].is_char("!"):
                raise UnsupportedLatex("not supported: double factorials !!", column=tok.column)
            out.emit("!", operand=True)
            return i + 1
        if c == "=" and allow_eq:
            out.emit("=")
            return i + 1
        if c == "=":
            raise LatexError("'=' inside brackets", column=tok.column)
        if c == "'":
            raise UnsupportedLatex(
                "not supported: primes (f'); write the derivative as \\frac{d}{dx}",
                column=tok.column,
            )
        if c == "|":
            raise UnsupportedLatex(
                "not supported: '|' (absolute value or conditioning)", column=tok.column
            )
        if c == "*":
            raise UnsupportedLatex(
                "not supported: '*' (write \\cdot or \\times for a product)", column=tok.column
            )
        if c in "<>":
            raise UnsupportedLatex(f"not supported: inequalities '{c}'", column=tok.column)
        if c == ":":
            raise UnsupportedLatex(
                "not supported: ':' (write := for a definition)", column=tok.column
            )
        if c == ",":
            raise LatexError(
                "a comma outside a function's arguments or a subscript", column=tok.column
            )
        raise LatexError(f"unexpected '{c}'", column=tok.column)

    def _combination(self, found, tok: Token, out: _Out) -> int:
        """``{}_nC_k`` (names.combination_parts' parts): ``\\binom{n}{k}``; the second readers
        have no k-permutations."""
        (n_lo, n_hi), letter, (k_lo, k_hi), after = found
        if letter == "P":
            raise UnsupportedLatex(
                "the second readers have no k-permutations {}_nP_k", column=tok.column
            )
        out.emit(" \\binom")
        self._argument(n_lo, n_hi, out)
        self._argument(k_lo, k_hi, out)
        return after

    def _command(self, i: int, hi: int, out: _Out) -> int:
        tok = self.tokens[i]
        name = tok.text
        if name in FUNCTIONS:
            return self._function(i, hi, out)
        if name == "frac":
            return self._frac(i, hi, out)
        if name == "binom":
            out.emit(" \\binom")
            j = i + 1
            for _ in range(2):
                lo, end, j = self._argument_range(j, hi, "\\binom")
                self._argument(lo, end, out)
            return j
        if name == "sqrt":
            return self._sqrt(i, hi, out)
        if name in ("sum", "prod"):
            return self._big_operator(i, hi, out)
        if name == "div":
            self._check_divisor(i, hi, "\\div")
        if name in ("cdot", "times", "div", "infty") or name in FLOOR_CEIL:
            out.emit(f" \\{name} ", operand=name in ("infty", "rfloor", "rceil"))
            return i + 1
        if name == ELLIPSIS:
            key = self.ctx.fresh()
            self.ctx.markers[key] = tok.column
            out.emit(f" {{\\mathit{{{key}}}}} ", f" \\mathit{{{key}}} ", operand=True)
            return i + 1
        if name == "partial":
            raise LatexError(
                "\\partial outside a derivative fraction \\frac{\\partial f}{\\partial x}",
                column=tok.column,
            )
        if name in UNSUPPORTED:
            raise UnsupportedLatex(f"not supported: {UNSUPPORTED[name]}", column=tok.column)
        if name in PROSE:
            raise LatexError(
                "prose inside a formula: move it out of the formula", column=tok.column
            )
        if name == "\\":
            raise LatexError("a row break inside a formula", column=tok.column)
        if name == "coloneqq":
            raise LatexError("':=' inside brackets", column=tok.column)
        if len(name) == 1 and not name.isalpha():
            raise LatexError(f"unexpected '\\{name}'", column=tok.column)
        raise LatexError(f"unknown LaTeX command \\{name}", column=tok.column)

    # -- atoms ------------------------------------------------------------------------------------

    def _atom(self, out: _Out, key: str, make: Callable[[], object], b_text: str | None = None):
        placeholder = self.ctx.keys.get(key)
        if placeholder is None:
            placeholder = self.ctx.fresh()
            self.ctx.atoms[placeholder] = make()
            self.ctx.keys[key] = placeholder
            if b_text is not None:
                self.ctx.b_texts[placeholder] = b_text
        b = self.ctx.b_texts.get(placeholder, f"\\mathit{{{placeholder}}}")
        out.emit(f" {{\\mathit{{{placeholder}}}}} ", f" {b} ", operand=True)

    def _object(self, span: NameSpan):
        return name_object(span, self.tokens, self.ctx.indices, self._read_index)

    def _read_index(self, lo: int, hi: int):
        return self.ctx.evaluate(self.template(lo, hi), self.ctx)

    def _name(self, i: int, hi: int, out: _Out) -> int:
        end = letter_run(self.tokens, i)
        if end is not None and 1 < end - i and end <= hi:
            word = "".join(t.text for t in self.tokens[i:end])
            after = self.tokens[end] if end < hi else None
            named = word_mark(word) in self.ctx.functions
            if named and (after is None or not after.is_char("_'(")):
                # a run of letters the document names as one word (eqchain.latex.words)
                self._atom(out, word, lambda: sp.Symbol(word))
                return end
        span = scan_name(self.tokens, i, self.partner, hi)
        if span.end > hi:
            raise LatexError("this name runs past the end of its group", column=span.column)
        j = span.end
        is_function = (
            span.sub is None and span.base in self.ctx.functions and span.base not in ("e", "pi")
        )
        if j < hi and self.tokens[j].is_char("'"):
            return self._prime(span, j, hi, out, is_function)
        if j < hi and self.tokens[j].is_char("["):
            shown = span.key.replace("_{", "_").replace("}", "")
            raise LatexError(
                f"ambiguous: '{shown}[...]' may be an expectation or a product; write "
                f"'{shown} \\cdot [...]' or '{shown} (...)' for a product",
                column=span.column,
            )
        group = self._parenthesised(j, hi)
        if group is not None:
            open_, close, after = group
            if is_function:
                self._application(span, open_, close, out)
                return after
            if bare_arguments(self.tokens, open_ + 1, close, self.partner):
                shown = span.key.replace("_{", "_").replace("}", "")
                raise LatexError(
                    f"ambiguous: '{shown}(...)' may be a function applied to its argument or a "
                    f"product; {how_to_declare(span)}, or write "
                    f"'{shown} \\cdot (...)' for a product",
                    column=span.column,
                )
        self._atom(out, span.key, lambda: self._object(span))
        return j

    def _parenthesised(self, j: int, hi: int) -> tuple[int, int, int] | None:
        """(open, close, after) of the parenthesised group at ``tokens[j]``: ``(...)``, or
        ``{(...)}`` as SymPy prints a function's argument (``\\log{\\left(x \\right)}``),
        which shows the same parentheses. None when there is none."""
        if j >= hi:
            return None
        tok = self.tokens[j]
        if tok.is_char("("):
            return j, self.partner[j], self.partner[j] + 1
        if (
            tok.is_char("{")
            and j + 1 < hi
            and self.tokens[j + 1].is_char("(")
            and self.partner[j + 1] == self.partner[j] - 1
        ):
            return j + 1, self.partner[j + 1], self.partner[j] + 1
        return None

    def _bare_names(self, lo: int, hi: int) -> bool:
        """Whether ``tokens[lo:hi]`` is a comma-separated list of names (``x``, ``x, y_k``)."""
        i = lo
        while i < hi:
            if not starts_name(self.tokens[i]):
                return False
            i = scan_name(self.tokens, i, self.partner).end
            if i == hi:
                return True
            if not self.tokens[i].is_char(","):
                return False
            i += 1
        return False

    def _application(self, span: NameSpan, open_: int, close: int, out: _Out) -> None:
        """A declared function applied to the comma-separated arguments in the group."""
        args, start, k = [], open_ + 1, open_ + 1
        while k <= close:
            if k == close or self.tokens[k].is_char(","):
                if k == start:
                    raise LatexError("an empty argument", column=self.tokens[k].column)
                args.append(self.template(start, k))
                start = k = k + 1
                continue
            if self.tokens[k].is_char("([{"):
                k = self.partner[k] + 1
                continue
            k += 1
        self._composite(out, Composite("", "function", tuple(args), name=span.base,
                                       column=span.column))  # fmt: skip

    def _prime(self, span: NameSpan, j: int, hi: int, out: _Out, is_function: bool) -> int:
        """``f'(x)``, ``f''(x)`` for a known function f: its derivative at x."""
        order = 0
        while j < hi and self.tokens[j].is_char("'"):
            order, j = order + 1, j + 1
        group = self._parenthesised(j, hi)
        if not is_function or group is None:
            raise UnsupportedLatex(
                "not supported: primes (f') except on a declared function applied to one "
                "variable, f'(x); write the derivative as \\frac{d}{dx}",
                column=span.column,
            )
        j, close, after = group
        if close != j + 2 or not starts_name(self.tokens[j + 1]):
            raise UnsupportedLatex(
                "not supported: f'(...) of anything but one variable; write the derivative "
                "as \\frac{d}{dx}",
                column=span.column,
            )
        variable = self._variable(scan_name(self.tokens, j + 1, self.partner))
        applied = Composite("", "function", (self.template(j + 1, close),), name=span.base,
                            column=span.column)  # fmt: skip
        self._composite(out, Composite("", "derivative", (self._wrap(applied),),
                                       ((variable, order),), column=span.column))  # fmt: skip
        return after

    def _wrap(self, composite: Composite) -> Template:
        """A template holding nothing but ``composite``."""
        composite = replace(composite, key=self.ctx.fresh())
        text = f"\\mathit{{{composite.key}}}"
        return Template(text, text, composite.column, (composite,))

    def _composite(self, out: _Out, composite: Composite) -> None:
        """Emit a placeholder for ``composite`` (its key is assigned here)."""
        composite = replace(composite, key=self.ctx.fresh())
        out.composites.append(composite)
        key = composite.key
        out.emit(f" {{\\mathit{{{key}}}}} ", f" \\mathit{{{key}}} ", operand=True)

    def _number(self, i: int, hi: int, out: _Out) -> int:
        j = i + 1
        while j < hi and self.tokens[j].kind == "digit" and not self.tokens[j].space_before:
            j += 1
        text = "".join(t.text for t in self.tokens[i:j])
        if (
            j + 1 < hi
            and self.tokens[j].is_char(".")
            and not self.tokens[j].space_before
            and self.tokens[j + 1].kind == "digit"
            and not self.tokens[j + 1].space_before
        ):
            k = j + 1
            while k < hi and self.tokens[k].kind == "digit" and not self.tokens[k].space_before:
                k += 1
            text += "." + "".join(t.text for t in self.tokens[j + 1 : k])
            j = k
        if j < hi and self.tokens[j].kind == "digit":
            raise LatexError(
                "two numbers side by side: write \\cdot between them", column=self.tokens[j].column
            )
        value = sp.Rational(text) if "." in text else sp.Integer(int(text))
        self._atom(out, "#" + text, lambda: value, b_text=text)
        return j

    # -- scripts and arguments ----------------------------------------------------------------

    def _superscript(self, i: int, hi: int, out: _Out) -> int:
        k = i + 1
        if k >= hi:
            raise LatexError("'^' without an exponent", column=self.tokens[i].column)
        tok = self.tokens[k]
        self._check_exponent(i, k, hi)
        if tok.is_char("{"):
            close = self.partner[k]
            if close == k + 1:
                raise LatexError("an empty exponent", column=tok.column)
            out.emit("^{")
            self._range(k + 1, close, out)
            out.emit("}", operand=True)
            j = close + 1
        elif tok.kind == "digit":
            out.emit("^{")
            self._atom(out, "#" + tok.text, lambda: sp.Integer(int(tok.text)), b_text=tok.text)
            out.emit("}", operand=True)
            j = k + 1
        elif tok.kind == "letter" or (tok.kind == "cmd" and tok.text in GREEK):
            span = NameSpan(tok.text, None, k + 1, tok.text, tok.column)
            out.emit("^{")
            self._atom(out, span.key, lambda: self._object(span))
            out.emit("}", operand=True)
            j = k + 1
        elif tok.is_cmd("infty"):
            out.emit("^{\\infty}", operand=True)
            j = k + 1
        elif tok.kind == "cmd" and tok.text in UNSUPPORTED:
            raise UnsupportedLatex(f"not supported: {UNSUPPORTED[tok.text]}", column=tok.column)
        else:
            raise LatexError("put the exponent in braces: ^{...}", column=tok.column)
        if j < hi and self.tokens[j].is_char("_"):
            raise LatexError(
                "write the subscript before the superscript (y_k^2)",
                column=self.tokens[j].column,
            )
        if j < hi and self.tokens[j].is_char("^"):
            raise LatexError(
                "double superscript: write a^{b^{c}} or {(a^b)}^c", column=self.tokens[j].column
            )
        return j

    def _check_exponent(self, caret: int, k: int, hi: int) -> None:
        """Reject superscripts that are not powers: ``x^{(i)}`` (the i-th sample), ``x^{[l]}``
        (a layer), transposes ``x^{\\mathsf{T}}``, ``\\mathbf{x}^T``."""
        tokens = self.tokens
        braced = tokens[k].is_char("{")
        inner = tokens[k + 1 : self.partner[k]] if braced else [tokens[k]]
        if len(inner) == 1 and (inner[0].is_char("*") or inner[0].is_cmd("ast", "star")):
            raise UnsupportedLatex(STARRED, column=inner[0].column)
        if braced and upright_word_script(tokens, self.partner, k):
            raise UnsupportedLatex(WORD_SUPERSCRIPT, column=inner[0].column)
        fraction = any(t.is_char("/") or t.is_cmd("frac") for t in inner)  # ^{(1/2)}: a power
        if (
            not power_of_group(tokens, caret, inner)  # (1 - p)^{(n - k)}
            and braced
            and not fraction
            and inner
            and inner[0].is_char("([")
            and self.partner[k + 1] == self.partner[k] - 1
        ):
            raise UnsupportedLatex(
                "not supported: a superscript in brackets such as x^{(i)} (an index, not a "
                "power); write x_i, or ^{...} without the brackets for a power",
                column=tokens[caret].column,
            )
        texts = [t.text for t in inner if not t.is_char("{}")]
        if texts in (["mathsf", "T"], ["mathrm", "T"], ["mathsf", "top"], ["mathbf", "T"]):
            raise UnsupportedLatex("not supported: transposes", column=tokens[caret].column)
        base = caret - 1
        while base >= 0 and tokens[base].is_char("}"):
            base = self.partner[base] - 1
        bold = base >= 0 and tokens[base].is_cmd("mathbf", "boldsymbol", "bm", "vec", "mathbb")
        if bold and texts == ["T"]:
            raise UnsupportedLatex(
                "not supported: transposes (a bold vector to the power T)",
                column=tokens[caret].column,
            )

    def _check_divisor(self, i: int, hi: int, what: str) -> None:
        """``a / b c`` is a / (b c) to SymPy's parser and (a / b) c to many readers: the
        divisor of ``/`` must be a single factor."""
        end = self._factor_end(i + 1, hi) if i + 1 < hi else None
        if end is not None and end < hi and self._starts_factor(self.tokens[end]):
            raise LatexError(
                f"ambiguous: what does '{what}' divide by? use \\frac{{...}}{{...}} or put "
                "the divisor in parentheses",
                column=self.tokens[i].column,
            )

    def _starts_factor(self, tok: Token) -> bool:
        if tok.kind in ("letter", "digit") or tok.is_char("([{"):
            return True
        return tok.kind == "cmd" and (
            starts_name(tok)
            or tok.text in FUNCTIONS
            or tok.text
            in ("frac", "sqrt", "binom", "sum", "prod", "infty", ELLIPSIS, "partial", "lfloor")
        )

    def _argument_range(self, k: int, hi: int, what: str) -> tuple[int, int, int]:
        """(lo, hi, next) of a command's argument: ``{...}`` or one token."""
        if k < hi:
            tok = self.tokens[k]
            if tok.is_char("{"):
                close = self.partner[k]
                if close == k + 1:
                    raise LatexError(f"{what} has an empty argument", column=tok.column)
                return k + 1, close, close + 1
            if tok.kind in ("digit", "letter") or tok.is_cmd("infty", *GREEK):
                return k, k + 1, k + 1
        column = self.tokens[min(k, hi - 1)].column if hi > 0 else 1
        raise LatexError(f"{what} needs its arguments in braces", column=column)

    def _argument(self, lo: int, hi: int, out: _Out) -> None:
        out.emit("{")
        self._range(lo, hi, out)
        out.emit("}", operand=True)

    def _sqrt(self, i: int, hi: int, out: _Out) -> int:
        out.emit(" \\sqrt")
        j = i + 1
        if j < hi and self.tokens[j].is_char("["):
            close = self.partner[j]
            out.emit("[")
            self._range(j + 1, close, out)
            out.emit("]")
            j = close + 1
        lo, end, j = self._argument_range(j, hi, "\\sqrt")
        self._argument(lo, end, out)
        return j

    def _big_operator(self, i: int, hi: int, out: _Out) -> int:
        tok = self.tokens[i]
        usage = f"\\{tok.text} needs its range: \\{tok.text}_{{k=1}}^{{K}}"
        out.emit(f" \\{tok.text}")
        j, seen_sub, seen_sup = i + 1, False, False
        for _ in range(2):
            if j < hi and self.tokens[j].is_char("_") and not seen_sub:
                k = j + 1
                if k >= hi or not self.tokens[k].is_char("{"):
                    raise LatexError(usage, column=tok.column)
                close = self.partner[k]
                self._check_range(k + 1, close, usage, tok.column)
                out.emit("_{")
                self._range(k + 1, close, out, allow_eq=True)
                out.emit("}")
                j, seen_sub = close + 1, True
            elif j < hi and self.tokens[j].is_char("^") and not seen_sup:
                lo, end, j = self._argument_range(j + 1, hi, f"\\{tok.text}")
                out.emit("^")
                self._argument(lo, end, out)
                seen_sup = True
        if not (seen_sub and seen_sup):
            raise LatexError(usage, column=tok.column)
        out.after_operand = False  # the body starts here: -x is a negative body
        if j >= hi:
            raise LatexError(without_a_body(tok.text), column=tok.column)
        return j

    def _check_range(self, lo: int, hi: int, usage: str, column: int) -> None:
        equals = [k for k in range(lo, hi) if self.tokens[k].is_char("=")]
        if (
            len(equals) != 1
            or equals[0] != lo + 1
            or not (self.tokens[lo].kind == "letter" or self.tokens[lo].is_cmd(*GREEK))
            or equals[0] + 1 >= hi
        ):
            raise LatexError(usage, column=column)

    # -- functions and derivatives --------------------------------------------------------------

    def _function(self, i: int, hi: int, out: _Out) -> int:
        tok = self.tokens[i]
        name = tok.text
        j = i + 1
        if j < hi and self.tokens[j].is_char("_"):
            if name != "log":
                raise LatexError(f"\\{name} takes no subscript", column=self.tokens[j].column)
            out.emit(" \\log_")
            lo, end, j = self._argument_range(j + 1, hi, "the base of \\log")
            self._argument(lo, end, out)
        else:
            # \log is the natural log; latex2sympy2 reads \log as base 10, so it gets \ln.
            out.emit(f" \\{name} ", " \\ln " if name == "log" else f" \\{name} ")
        if j < hi and self.tokens[j].is_char("^"):
            j = self._superscript(j, hi, out)
        out.after_operand = False  # the argument starts here
        if j >= hi:
            raise LatexError(f"\\{name} without an argument", column=tok.column)
        group = self._parenthesised(j, hi)
        bracketed = bracketed_argument(self.tokens, self.partner, j, hi)
        if bracketed is not None:  # \exp[...]: the brackets hold the argument, as parentheses
            group = bracketed
        if group is not None and self.tokens[j].is_char("{["):
            open_, close, after = group
            out.emit("(")
            self._range(open_ + 1, close, out)
            out.emit(")", operand=True)
            return after
        if group is not None:
            return j
        end = self._factor_end(j, hi)
        if end == j:
            raise LatexError(f"\\{name} without an argument", column=tok.column)
        if end is not None and end < hi and not self._ends_argument(self.tokens[end]):
            raise LatexError(
                f"ambiguous argument of \\{name}: write \\{name}(...) around the whole argument, "
                "or put the other factors in front",
                column=tok.column,
            )
        return j

    def _ends_argument(self, tok: Token) -> bool:
        if tok.kind == "char":
            return tok.text in _ARGUMENT_ENDS_CHARS
        return tok.kind == "cmd" and tok.text in _ARGUMENT_ENDS_CMDS

    def _factor_end(self, k: int, hi: int) -> int | None:
        """Index after the one factor starting at ``tokens[k]`` (with its exponents), or None
        for a sum or product, whose body takes everything after it."""
        tokens = self.tokens
        if k < hi and tokens[k].is_char("+-"):
            k += 1
        if k >= hi:
            return k
        tok = tokens[k]
        if starts_name(tok):
            span = scan_name(tokens, k, self.partner)
            j = span.end
            if j < hi and tokens[j].is_char("(") and applied(span, self.ctx.functions):
                j = self.partner[j] + 1  # p(x): the document's function applied, one factor
        elif tok.kind == "digit":
            j = k + 1
            while j < hi and (tokens[j].kind == "digit" or tokens[j].is_char(".")):
                j += 1
        elif tok.is_char("([{"):
            j = self.partner[k] + 1
        elif tok.is_cmd("frac", "binom"):
            _, _, j = self._argument_range(k + 1, hi, f"\\{tok.text}")
            _, _, j = self._argument_range(j, hi, f"\\{tok.text}")
        elif tok.is_cmd("sqrt"):
            j = k + 1
            if j < hi and tokens[j].is_char("["):
                j = self.partner[j] + 1
            _, _, j = self._argument_range(j, hi, "\\sqrt")
        elif tok.is_cmd("sum", "prod"):
            return None
        elif tok.kind == "cmd" and tok.text in FUNCTIONS:
            j = k + 1
            while j < hi and tokens[j].is_char("_^"):
                _, _, j = self._argument_range(j + 1, hi, f"\\{tok.text}")
            if j < hi and tokens[j].is_char("("):
                j = self.partner[j] + 1
            else:
                j = self._factor_end(j, hi)
                if j is None:
                    return None
        elif tok.is_cmd(ELLIPSIS, "infty"):
            j = k + 1
        elif tok.is_cmd("lfloor", "lceil"):
            j = k + 1
            while j < hi and not tokens[j].is_cmd("rfloor", "rceil"):
                j += 1
            j += 1
        else:
            return k
        while j < hi and tokens[j].is_char("^!"):
            if tokens[j].text == "!":
                j += 1
            else:
                _, _, j = self._argument_range(j + 1, hi, "'^'")
        return j

    def _frac(self, i: int, hi: int, out: _Out) -> int:
        frac = self.tokens[i]
        nlo, nhi, j = self._argument_range(i + 1, hi, "\\frac")
        dlo, dhi, j = self._argument_range(j, hi, "\\frac")
        spec = recognise(self.tokens, (nlo, nhi), (dlo, dhi), self.partner)
        if spec is None:
            out.emit(" \\frac")
            self._argument(nlo, nhi, out)
            self._argument(dlo, dhi, out)
            return j
        variables = tuple((self._variable(span), order) for span, order in spec.variables)
        if spec.operand is not None:
            child = self.template(*spec.operand)
            self._composite(out, Composite("", "derivative", (child,), variables,
                                           column=frac.column))  # fmt: skip
            group = self._parenthesised(j, hi)
            if group is not None and self._bare_names(group[0] + 1, group[1]):
                raise LatexError(
                    "ambiguous: a derivative at a point, or a product? write \\cdot for a product",
                    column=self.tokens[j].column,
                )
            return j
        if j >= hi:
            raise LatexError(
                "a derivative operator needs something to differentiate after it",
                column=frac.column,
            )
        if self.tokens[j].is_char("(["):
            close = self.partner[j]
            lo, end, after = j + 1, close, close + 1
            if after < hi and not self.tokens[after].is_char("+-"):
                raise LatexError(
                    "ambiguous: what does this derivative apply to? put all of it in parentheses",
                    column=self.tokens[after].column,
                )
        else:
            lo, end = j, self._term_end(j, hi)
            after = end
            if self.tokens[j].is_char("+-") or end == lo:
                raise LatexError(
                    "a derivative operator needs something to differentiate after it",
                    column=frac.column,
                )
        child = self.template(lo, end)
        self._composite(out, Composite("", "derivative", (child,), variables,
                                       column=frac.column))  # fmt: skip
        return after

    def _term_end(self, j: int, hi: int) -> int:
        k = j
        while k < hi:
            tok = self.tokens[k]
            if tok.is_char("+-") and k > j:
                return k
            if tok.is_char("([{"):
                k = self.partner[k] + 1
                continue
            k += 1
        return hi

    def _variable(self, span: NameSpan):
        value = self._object(span)
        if not isinstance(value, (sp.Symbol, sp.Indexed)):
            raise LatexError(
                f"cannot differentiate with respect to '{span.base}'", column=span.column
            )
        return value
