"""The data eqchain works on: derivations, steps, verdicts and reports.

Everything here is a frozen dataclass or an enum. Expressions are SymPy objects, built by the
loaders; this module itself does not import SymPy so that it stays cheap to import.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Verdict(StrEnum):
    """What the checker concluded about a step."""

    VERIFIED = "verified"  # proved symbolically under the declared assumptions
    REFUTED = "refuted"  # a concrete counterexample shows the two sides differ
    UNKNOWN = "unknown"  # neither: a side condition is missing, or the time limit ran out
    GIVEN = "given"  # a fact assumed from here on; asserts nothing to check
    DEFINITION = "definition"  # introduces a symbol; asserts nothing to check
    UNREADABLE = "unreadable"  # the formula could not be read: the step's error says why

    @property
    def is_claim_verdict(self) -> bool:
        return self in (Verdict.VERIFIED, Verdict.REFUTED, Verdict.UNKNOWN)


class StepKind(StrEnum):
    CLAIM = "claim"
    GIVEN = "given"
    DEFINITION = "definition"


@dataclass(frozen=True)
class Place:
    """Where something was written: a file, a 1-based line and column."""

    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        return ":".join(str(p) for p in (self.path, self.line, self.column) if p is not None)


@dataclass(frozen=True)
class SymbolDecl:
    """A declared symbol, or a family of indexed symbols (``y_k``, k = 1..K).

    ``assumptions`` are SymPy assumption names (``positive``, ``integer``, ...).
    ``indices``/``ranges`` are empty for a plain symbol; for a family, ``ranges`` holds the
    LaTeX of each index's bounds, e.g. ``(("1", "K"),)``.
    """

    name: str
    assumptions: tuple[str, ...] = ()
    indices: tuple[str, ...] = ()
    ranges: tuple[tuple[str, str], ...] = ()
    is_function: bool = False

    @property
    def is_family(self) -> bool:
        return bool(self.indices)


@dataclass(frozen=True)
class Step:
    """One step of a derivation: an equation ``lhs = rhs`` of a given kind.

    ``continues`` marks a step written as ``= rhs``: its left side is the previous step's left
    side, and it is checked against the previous step's right side. ``where`` binds values to
    symbols or families for this step only (name -> tuple of values for indices 1, 2, ...).
    ``lhs``/``rhs`` are SymPy expressions.
    """

    claim: str
    lhs: Any
    rhs: Any
    kind: StepKind = StepKind.CLAIM
    label: str | None = None
    by: tuple[str, ...] = ()
    notes: tuple[tuple[str, str], ...] = ()
    where: tuple[tuple[str, Any], ...] = ()
    continues: bool = False
    place: Place | None = None
    annotation: str | None = None  # prose written beside the formula in a document
    instance: tuple[tuple[str, Any], ...] = ()  # for "generalize": values that specialise it
    of: str | None = None  # for "generalize": the label of the equation it generalises
    # Documents: the kind is decided by the checker the way a careful reader would
    # (definition, given, claim, specialisation, generalisation, redefinition).
    infer_kind: bool = False
    # The reader's message when the formula could not be read (``lhs``/``rhs`` are then None
    # and ``place`` points at the offending token); the checker reports it as ``unreadable``.
    unreadable: str | None = None
    # Documents: what an unreadable row defines, read from its left side alone (z of ``z = w^T
    # x + b``, a name): the rows after it do not know what it depends on (engine.
    # _through_an_unread_definition).
    # Documents: a row that only bounds names written nowhere before (\lambda > 0 on a row of
    # its own): a condition the author states, neither checked nor assumed (unknown)
    stated_bound: bool = False
    # Documents: the case the prose before the display states that eqchain cannot read as a
    # condition (If $x^2 = x$, then): its LaTeX; a counterexample may lie outside it (unknown)
    unread_case: str | None = None
    # Documents: the prose before the display says it follows ("so", "therefore", 「よって」):
    # "follows", its rows claims, never taken as givens (engine: a row with a value stated);
    # "condition", the sentence also sets something to zero (a row stating a zero may be one);
    # "zero-condition" when it sets the derivative, it or this to zero, and "zero" for such a
    # sentence with no word of consequence ("Set the derivative equal to zero:"): the two where
    # a row may be the derivative's terms set equal on two sides (engine)
    derived: str | None = None
    # Documents: how many headings stand before the row's display (load/blocks.Block.section):
    # a left side written again in another section starts anew (engine._repeated_left_side)
    section: int = 0
    unread_target: str | None = None  # the name's text: str of the SymPy symbol or family base
    # The relation the step claims between its source (the previous right side, or ``lhs``)
    # and ``rhs``: "=", "<", "<=", ">", ">=", "propto" or "sim" (a distribution stated, a
    # given; see README "Relations").
    relation: str = "="
    # "implies" or "iff" when the step's equation is claimed to follow from the equation
    # before it (``\Rightarrow``, ``\iff``, a derivation file's ``relation = "implies"``).
    follows: str | None = None
    # Documents: a row that is one equation right after an equation row of the same display
    # (``0 = a - b`` under ``f'(x) = 0``). When it is no identity it may be the next equation of
    # a system the author solves: it is then checked as following from the equation before.
    after_equation: bool = False
    # What a generated step does ("stationarity", "solution", "second-order (minor 3)"): its
    # name for a reader, since all the steps generated from one table share that table's line.
    role: str | None = None
    # A given the loader made from an assumption (``p < 1`` as ``p_{bound} = 1 - p``): it is
    # no formula of the document, so a row ``= b`` written first continues nothing.
    from_assumption: bool = False
    # The condition the row is claimed under, written after a comma (``, \\quad 0 < x < 1``):
    # atoms ``(op, a, b)`` as eqchain.latex.conditions reads them, with the scope's symbols;
    # ``condition_text`` is its LaTeX. The checker checks the step under it (README
    # "Conditions").
    condition: tuple = ()
    condition_text: str | None = None
    # Documents: a definition written after "where" in the row of the equation it serves
    # (``L = -\\log \\hat y \\quad \\text{where} \\quad \\hat y = \\sigma(z)``), checked before
    # that equation; a definition only when it names a new quantity (README "Conditions").
    where_clause: bool = False
    # Documents: the name of the law a distribution statement is under (P of ``P: X \\sim
    # \\mathrm{Bern}(p_1)``): a given about that law; no expectation is taken over it
    law: str | None = None

    def note(self, lang: str) -> str | None:
        return dict(self.notes).get(lang)


@dataclass(frozen=True)
class Derivation:
    """A titled list of steps over declared symbols; ``scope`` holds their SymPy objects.
    ``propto`` names the variables a ``\\propto`` is taken with respect to."""

    title: str
    path: str
    symbols: tuple[SymbolDecl, ...]
    steps: tuple[Step, ...]
    scope: Any = field(default=None, compare=False, repr=False)
    where: tuple[tuple[str, Any], ...] = ()
    source: str = "toml"  # "toml", "markdown" or "latex"
    propto: tuple[str, ...] = ()
    # The title in each language a derivation file gives (``title.ja``); ``title`` is the
    # English one (or the only one).
    titles: tuple[tuple[str, str], ...] = ()
    # documents: a symbol the document does not declare is real (stated in every report)
    real_by_default: bool = False


@dataclass(frozen=True)
class Counterexample:
    """Values that satisfy the assumptions, at which the two sides differ.

    ``values`` maps each symbol (as LaTeX) to an exact value: a rational as ``p/q``, any other
    number as LaTeX (``\\frac{\\log{\\left(2 \\right)}}{3}``), never SymPy's input syntax;
    ``plain`` holds the same values as one-line Unicode text (``log(2)/3``) for a terminal, in
    the same order (empty: the values themselves). ``lhs``/``rhs`` are the two sides evaluated
    there, as decimal text with at least 30 significant digits (a side holding an unknown
    function's value, whose sides differ by a number whatever it is, as plain text: f(-1) + 1).
    """

    values: tuple[tuple[str, str], ...]
    lhs: str
    rhs: str
    plain: tuple[str, ...] = ()
    complex_names: tuple[str, ...] = ()  # the symbols whose value is not a real number
    # The bounds of unwritten ranges (n_k of \sum_k, as LaTeX) at whose every length tried the
    # step is refuted too (check/refute.py, _fails_at_every_length): not only at the invented one.
    every_length: tuple[str, ...] = field(default=(), compare=False)
    # Why the values refute a step about an unknown function (its value a number of its own,
    # check/refute.py, _with_opaque_values): shown with the counterexample; empty otherwise.
    note: str = field(default="", compare=False)

    def plain_values(self) -> tuple[tuple[str, str], ...]:
        """(name, value as Unicode text) pairs: ``plain`` where it is given."""
        if len(self.plain) != len(self.values):
            return self.values
        return tuple((name, text) for (name, _), text in zip(self.values, self.plain, strict=True))

    def as_dict(self) -> dict[str, Any]:
        return {"values": dict(self.values), "lhs": self.lhs, "rhs": self.rhs}


@dataclass(frozen=True)
class StepResult:
    """The checker's answer for one step."""

    step: Step
    verdict: Verdict
    rules: tuple[str, ...] = ()
    reason: str = ""
    counterexample: Counterexample | None = None
    warnings: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()  # side conditions that were established, as LaTeX
    lhs_latex: str = ""
    rhs_latex: str = ""
    seconds: float = 0.0
    # Checked for particular values only (a step's own 'where', a specialisation): such a claim
    # is not a fact later steps may use.
    conditional: bool = False
    # Where the step is verified: the conditions its source (and the premises it uses) needs to
    # be defined, as LaTeX ("b \neq 0"); empty when it is defined wherever the assumptions allow.
    domain: tuple[str, ...] = ()
    # The same conditions as (predicate, SymPy expression) pairs, for tools and tests.
    domain_conditions: tuple = field(default=(), compare=False, repr=False)
    # Those of them that are a definition's condition (f(x) = ... \\quad (a > 0)): the step
    # holds there only, and a later step may use it only where its own source needs them.
    defined_where: tuple = field(default=(), compare=False, repr=False)
    # Those of them that a given the step used needs (dl/dp = m/p - ... = 0: p \neq 0): they
    # hold wherever the givens do, also for a later step that uses this one.
    held_conditions: tuple = field(default=(), compare=False, repr=False)
    # The relation shown between ``lhs_latex`` and ``rhs_latex`` (a chain a = b \le c shows
    # a \le c): "=", "<", "<=", ">", ">=", "propto", "sim"; and "implies"/"iff" when the step's
    # equation is checked as following from the equation before it.
    relation: str = "="
    follows: str | None = None


@dataclass(frozen=True)
class FileError:
    """Why a whole file could not be loaded (invalid TOML, not UTF-8, no equations, ...)."""

    message: str
    place: Place

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"


@dataclass(frozen=True)
class DerivationReport:
    """The results of one derivation; or, with ``error`` set, a file that could not be loaded
    (then ``results`` is empty and ``derivation`` only names the file)."""

    derivation: Derivation
    results: tuple[StepResult, ...]
    error: FileError | None = None

    @classmethod
    def failed(cls, path: str, error: FileError) -> DerivationReport:
        """The entry for a file that could not be loaded."""
        return cls(Derivation("", path, (), ()), (), error)

    @property
    def path(self) -> str:
        return self.derivation.path

    @property
    def title(self) -> str:
        return self.derivation.title

    def counts(self) -> Counter:
        return Counter(r.verdict.value for r in self.results)

    @property
    def domain(self) -> tuple[str, ...]:
        """The domain conditions of the derivation's verified steps, each once, in order."""
        out: list[str] = []
        for r in self.results:
            out.extend(c for c in r.domain if c not in out)
        return tuple(out)


@dataclass(frozen=True)
class Report:
    """Everything one run checked, in a stable order; renderers read only this."""

    derivations: tuple[DerivationReport, ...]

    def counts(self) -> dict[str, int]:
        """Steps per verdict (every verdict present), and ``errors``: files not loaded."""
        total: Counter = Counter()
        for d in self.derivations:
            total.update(d.counts())
        out = {v.value: total.get(v.value, 0) for v in Verdict}
        out["errors"] = len(self.errors)
        return out

    @property
    def errors(self) -> tuple[FileError, ...]:
        """The files that could not be loaded, in order."""
        return tuple(d.error for d in self.derivations if d.error is not None)

    @property
    def all_verified(self) -> bool:
        """True when no claim is refuted or unknown, no step is unreadable and every file
        was loaded."""
        c = self.counts()
        return c["refuted"] == 0 and c["unknown"] == 0 and c["unreadable"] == 0 and not c["errors"]
