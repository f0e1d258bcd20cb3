"""Derivation files: TOML read with ``tomllib``, validated key by key.

Every error is an :class:`InputError` with the file, the line of the offending key or step and,
for LaTeX, the column of the offending character. A claim whose LaTeX cannot be read is not an
error of the file: it becomes an unreadable step (``Step.unreadable``, placed at the offending
character), and the other steps are still checked. Nothing from the file is ever executed: claims
go to the LaTeX reader, values are numbers or fractions read with :class:`fractions.Fraction`.
"""

from __future__ import annotations

import difflib
import math
import re
import tomllib
from fractions import Fraction

from eqchain.errors import InputError, LatexError
from eqchain.latex.matrices import SCALAR_T_MARK, declared_mark
from eqchain.load.links import LinkError, links
from eqchain.model import Derivation, Place, Step, StepKind, SymbolDecl

TOP_KEYS = {
    "title",
    "description",
    "symbols",
    "steps",
    "where",
    "maximize",
    "minimize",
    "derivations",
    "propto",
}
PART_KEYS = TOP_KEYS - {"derivations"}
STEP_KEYS = {"label", "kind", "claim", "by", "note", "where", "instance", "of", "relation"}
# A step's relation to the step before: its equation follows from the one before.
STEP_RELATIONS = ("implies", "iff")
FAMILY_KEYS = {"index", "range", "assume"}
MAX_BYTES = 2_000_000


def load_toml(
    path: str, data: bytes | None = None, cross_check: bool = False
) -> tuple[Derivation, ...]:
    """Read and validate a derivation file; raise InputError (with place) for invalid TOML or
    an invalid key or value. A claim that cannot be read is an unreadable step, not an error.
    With ``cross_check``, a claim that SymPy's parser or latex2sympy2 reads differently from
    eqchain is unreadable (ambiguous LaTeX).

    A file holds one derivation, or several as ``[[derivations]]`` tables (each with its own
    title, symbols and steps; top-level ``symbols`` and ``where`` are shared by all).
    """
    text, doc = _parse(path, data)
    loader = _Loader(path, text, cross_check)
    if "derivations" not in doc:
        return (loader.derivation(doc),)
    parts = doc["derivations"]
    if not isinstance(parts, list) or not parts or not all(isinstance(p, dict) for p in parts):
        raise InputError(
            "'derivations' must be an array of tables ([[derivations]])",
            path,
            loader.key_line("derivations"),
        )
    for key in doc:
        if key not in ("title", "description", "symbols", "where", "derivations"):
            raise InputError(
                f"'{key}' belongs inside each [[derivations]] entry", path, loader.key_line(key)
            )
    for key, what in (("symbols", "[symbols] must be a table"), ("where", WHERE_TABLE)):
        if not isinstance(doc.get(key, {}), dict):
            raise InputError(what, path, loader.key_line(key) or loader.key_line(f"[{key}]"))
        for i, part in enumerate(parts):
            if not isinstance(part.get(key, {}), dict):
                raise InputError(
                    f"{what} (in [[derivations]] entry {i + 1})",
                    path,
                    loader.key_line(key, loader.derivation_line(i))
                    or loader.key_line(f"[derivations.{key}]"),
                )
    out = []
    for part in parts:
        merged = dict(part)
        merged["symbols"] = {**doc.get("symbols", {}), **part.get("symbols", {})}
        merged["where"] = {**doc.get("where", {}), **part.get("where", {})}
        if "title" not in merged and "title" in doc:
            merged["title"] = doc["title"]
        out.append(loader.derivation(merged, allowed=PART_KEYS))
    return tuple(out)


WHERE_TABLE = "'where' must be a table, e.g. where = { t = [2, 5] }"


def _parse(path: str, data: bytes | None) -> tuple[str, dict]:
    """The text of a derivation file and its TOML document; InputError for anything that is not
    readable TOML (with the line and column where known)."""
    from eqchain.load.files import read_text

    text = read_text(path, MAX_BYTES, data)
    if "\x00" in text:
        raise InputError(
            "binary data (NUL byte) in a derivation file",
            path,
            text[: text.index("\x00")].count("\n") + 1,
        )
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(err))
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(err))
        line, col = (int(m.group(1)), int(m.group(2))) if m else (None, None)
        raise InputError(f"TOML syntax error: {msg}", path, line, col) from None
    except RecursionError:
        raise InputError("TOML nested too deeply (arrays or tables)", path) from None
    except ValueError:
        # tomllib converts integers with int(), which refuses more than 4300 digits
        line, col = _long_number_place(text)
        raise InputError(
            f"number too long (more than {MAX_DIGITS} digits)", path, line, col
        ) from None


MAX_DIGITS = 4000  # digits of one number in a file (Python refuses to convert 4300 and more)


def _long_number_place(text: str) -> tuple[int | None, int | None]:
    m = re.search(r"\d[\d_]{" + str(MAX_DIGITS) + ",}", text)
    if not m:
        return None, None
    line = text.count("\n", 0, m.start()) + 1
    return line, m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1


class _Loader:
    def __init__(self, path: str, text: str, cross_check: bool = False):
        self.path = path
        self.cross_check = cross_check
        self.lines = text.splitlines()
        self.step_lines = [
            i + 1
            for i, ln in enumerate(self.lines)
            if re.match(r"\s*\[\[\s*(derivations\s*\.\s*)?steps\s*\]\]", ln)
        ]
        self.steps_seen = 0
        self.inferred: frozenset[str] = frozenset()  # functions of the claims (derivation())
        self.shaped: frozenset[str] = frozenset()  # X = "matrix", y = "vector": reader marks

    # -- places ---------------------------------------------------------------------------
    def key_line(self, key: str, start: int = 1, table: str | None = None) -> int | None:
        pattern = re.compile(r"\s*" + re.escape(key) + r"\s*=")
        begin = start
        if table is not None:
            for i, ln in enumerate(self.lines, 1):
                if re.match(r"\s*\[\s*" + re.escape(table) + r"\s*\]", ln):
                    begin = i
                    break
        for i in range(begin - 1, len(self.lines)):
            if pattern.match(self.lines[i]) or re.match(
                r"\s*\"" + re.escape(key) + r"\"\s*=", self.lines[i]
            ):
                return i + 1
        return None

    def derivation_line(self, index: int) -> int:
        """The line of the ``index``-th ``[[derivations]]`` header (1 when not found)."""
        found = [
            i + 1
            for i, ln in enumerate(self.lines)
            if re.match(r"\s*\[\[\s*derivations\s*\]\]", ln)
        ]
        return found[index] if index < len(found) else 1

    def step_line(self, index: int) -> int | None:
        return self.step_lines[index] if index < len(self.step_lines) else self.key_line("steps")

    def error(self, message: str, line: int | None = None, column: int | None = None):
        return InputError(message, self.path, line, column)

    # -- the document ---------------------------------------------------------------------
    def derivation(self, doc: dict, allowed=TOP_KEYS) -> Derivation:
        for key in doc:
            if key not in allowed:
                raise self.error(
                    f"unknown key '{key}'{_suggest(key, TOP_KEYS)}",
                    self.key_line(key) or self.key_line(f"[{key}]"),
                )
        title, titles = doc.get("title", ""), ()
        if isinstance(title, dict):  # title.en = "...", title.ja = "...": one per language
            if not title or not all(
                k in ("en", "ja") and isinstance(v, str) for k, v in title.items()
            ):
                raise self.error(
                    "'title' must be a string or a table of strings in 'en' and 'ja'",
                    self.key_line("title") or self.key_line("title.en"),
                )
            titles = tuple(sorted(title.items()))
            title = title.get("en") or next(iter(title.values()))
        if not isinstance(title, str):
            raise self.error("'title' must be a string", self.key_line("title"))
        decls = self.symbols(doc.get("symbols", {}))
        from eqchain.scope import Scope

        try:
            scope = Scope.from_decls(decls, strict=True)
        except InputError as err:
            raise err.located(self.path, self.key_line("symbols") or 1) from None
        steps_raw = doc.get("steps", [])
        solved = any(sense in doc for sense in ("maximize", "minimize"))
        if not isinstance(steps_raw, list) or not (steps_raw or solved):
            # (a [maximize] or [minimize] table writes steps of its own)
            raise self.error(
                "a derivation needs at least one [[steps]] entry (or a [maximize] or "
                "[minimize] table)",
                self.key_line("steps"),
            )
        # Names the claims write only before parentheses are functions (eqchain.latex.applied):
        # undeclared ones then fail as undeclared functions, \Gamma(x) is the gamma function
        from eqchain.latex.applied import inferred_functions

        claims = [r.get("claim") for r in steps_raw if isinstance(r, dict)]
        declared = frozenset(d.name for d in decls if not d.is_function)
        if "T" in declared:  # T a declared scalar: a plain ^T is no transpose in any claim
            self.shaped = self.shaped | {SCALAR_T_MARK}
        self.inferred = inferred_functions(
            [c for c in claims if isinstance(c, str)], declared, values_too=False
        )
        where = self.where(doc.get("where", {}), self.key_line("where"), scope)
        steps: list[Step] = []
        for raw in steps_raw:
            steps.extend(self.step(self.steps_seen, raw, scope, bool(steps)))
            self.steps_seen += 1
        extra = ()
        for sense in ("maximize", "minimize"):
            if sense in doc:
                extra += self.maximize(doc[sense], scope, sense)
        propto = doc.get("propto", [])
        if isinstance(propto, str):
            propto = [propto]
        if not isinstance(propto, list) or not all(isinstance(p, str) for p in propto):
            raise self.error(
                "'propto' must be a list of variable names, e.g. propto = [\"theta\"]",
                self.key_line("propto"),
            )
        return Derivation(
            title or self.path,
            self.path,
            decls,
            tuple(steps) + extra,
            scope,
            where,
            propto=tuple(p.strip().lstrip("\\") for p in propto),
            titles=titles,
        )

    def symbols(self, table) -> tuple[SymbolDecl, ...]:
        from eqchain.scope import parse_assumptions

        if not isinstance(table, dict):
            raise self.error("[symbols] must be a table", self.key_line("symbols"))
        out = []
        for name, spec in table.items():
            line = self.key_line(name, table="symbols")
            if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*|\\?[A-Za-z]+", name):
                raise self.error(f"invalid symbol name '{name}'", line)
            name = name.lstrip("\\")
            try:
                if isinstance(spec, str) and spec.strip() in ("vector", "matrix"):
                    # X = "matrix": a real symbol the reader reads as a matrix (n x p), or a
                    # column vector (n x 1), in every claim (eqchain.latex.matrices)
                    self.shaped = self.shaped | {declared_mark(name, spec.strip())}
                    out.append(SymbolDecl(name, parse_assumptions("real")))
                elif isinstance(spec, str):
                    out.append(SymbolDecl(name, parse_assumptions(spec)))
                elif isinstance(spec, dict):
                    out.append(self.family(name, spec, parse_assumptions))
                else:
                    raise InputError(f"symbol '{name}' must be a string of assumptions or a table")
            except InputError as err:
                raise err.located(self.path, line) from None
        return tuple(out)

    def family(self, name, spec, parse_assumptions) -> SymbolDecl:
        for key in spec:
            if key not in FAMILY_KEYS | {"function"}:
                raise InputError(
                    f"unknown key '{key}' for symbol '{name}'{_suggest(key, FAMILY_KEYS)}"
                )
        assume = parse_assumptions(str(spec.get("assume", "")))
        if spec.get("function"):
            return SymbolDecl(name, assume, is_function=True)
        index = spec.get("index")
        rng = spec.get("range")
        if index is None or rng is None:
            raise InputError(f"family '{name}' needs 'index' and 'range'")
        indices = [index] if isinstance(index, str) else index
        ranges = [rng] if isinstance(rng, str) else rng
        if not (
            isinstance(indices, list)
            and isinstance(ranges, list)
            and len(indices) == len(ranges)
            and all(isinstance(i, str) and re.fullmatch(r"[a-z]", i) for i in indices)
        ):
            raise InputError(f"family '{name}': 'index' must be letters matching 'range'")
        bounds = []
        for r in ranges:
            m = re.fullmatch(r"\s*([^.]+?)\s*\.\.\s*([^.]+?)\s*", str(r))
            if not m:
                raise InputError(f"family '{name}': range must look like \"1..K\", got {r!r}")
            bounds.append((m.group(1), m.group(2)))
        return SymbolDecl(name, assume, tuple(indices), tuple(bounds))

    def where(self, table, line, scope) -> tuple:
        if not isinstance(table, dict):
            raise self.error(WHERE_TABLE, line)
        out = []
        for name, value in table.items():
            try:
                if isinstance(value, list):
                    converted = tuple(_number(v) for v in value)
                else:
                    converted = _number(value)
                scope.to_family_values(name, converted)
            except InputError as err:
                raise err.located(self.path, line) from None
            out.append((name, converted))
        return tuple(out)

    def step(self, i: int, raw, scope, has_previous: bool) -> list[Step]:
        line = self.step_line(i)
        if not isinstance(raw, dict):
            raise self.error("each [[steps]] entry must be a table", line)
        for key in raw:
            if key not in STEP_KEYS:
                raise self.error(
                    f"unknown key '{key}' in a step{_suggest(key, STEP_KEYS)}",
                    self.key_line(key, line or 1) or line,
                )
        claim = raw.get("claim")
        claim_line = self.key_line("claim", line or 1) or line
        if not isinstance(claim, str) or not claim.strip():
            raise self.error("a step needs a 'claim' (LaTeX text)", claim_line)
        kind_text = raw.get("kind", "claim")
        try:
            kind = StepKind(kind_text)
        except ValueError:
            raise self.error(
                f"unknown kind '{kind_text}' (use claim, given or definition)",
                self.key_line("kind", line or 1) or line,
            ) from None
        by = raw.get("by", [])
        if isinstance(by, str):
            by = [by]
        if not isinstance(by, list) or not all(isinstance(b, str) for b in by):
            raise self.error("'by' must be a list of rule names", self.key_line("by", line or 1))
        from eqchain.rules import RULES_BY_NAME

        for name in by:
            if name not in RULES_BY_NAME:
                raise self.error(
                    f"unknown rule '{name}'{_suggest(name, RULES_BY_NAME)}",
                    self.key_line("by", line or 1) or line,
                )
        notes = raw.get("note", {})
        if isinstance(notes, str):
            notes = {"en": notes}
        if not isinstance(notes, dict) or not all(isinstance(v, str) for v in notes.values()):
            raise self.error(
                "'note' must be a table of texts, e.g. note.en = \"...\"",
                self.key_line("note", line or 1) or line,
            )
        for lang in notes:
            if lang not in ("en", "ja"):
                raise self.error(f"unknown note language '{lang}' (use en or ja)", line)
        label = raw.get("label")
        if label is not None and not isinstance(label, (str, int, float)):
            raise self.error("'label' must be text", line)
        where = self.where(raw.get("where", {}), self.key_line("where", line or 1), scope)
        instance = raw.get("instance", {})
        if not isinstance(instance, dict) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in instance.values()
        ):
            raise self.error("'instance' must map symbols to integers, e.g. { K = 6 }", line)
        of = raw.get("of")
        if of is not None and not isinstance(of, (str, int, float)):
            raise self.error("'of' must be a label", line)
        relation = raw.get("relation")
        if relation is not None and relation not in STEP_RELATIONS:
            raise self.error(
                f"unknown relation '{relation}' (use {' or '.join(STEP_RELATIONS)}: the step's "
                "equation follows from the equation before)",
                self.key_line("relation", line or 1) or line,
            )
        if relation is not None and not has_previous:
            raise self.error(
                f"relation = '{relation}' needs an equation before it",
                self.key_line("relation", line or 1) or line,
            )

        common = dict(
            kind=kind,
            by=tuple(by),
            where=where,
            instance=tuple(instance.items()),
            of=None if of is None else str(of),
        )
        try:
            formula, sides = self.read_claim(
                claim, claim_line, scope, define=kind is StepKind.DEFINITION
            )
            condition = self.read_condition(formula, claim_line, scope)
        except InputError as err:
            # The step is reported as unreadable and the others are still checked.
            return [
                Step(
                    claim=claim.strip(),
                    lhs=None,
                    rhs=None,
                    label=None if label is None else str(label),
                    notes=tuple(sorted(notes.items())),
                    place=Place(self.path, err.line, err.column),
                    unreadable=err.message,
                    **common,
                )
            ]
        if formula.continues and not has_previous:
            raise self.error("a continuation step ('= ...') has nothing to continue", claim_line)
        if formula.continues and kind is not StepKind.CLAIM:
            raise self.error(f"a {kind.value} cannot continue a chain", claim_line)
        if not formula.continues and len(sides) < 2:
            raise self.error("a claim must be an equation (it has no top-level '=')", claim_line)
        if formula.relation(0) in STEP_RELATIONS and not has_previous:
            raise self.error("an implication needs an equation before it", claim_line)
        try:
            found = links(formula, sides)
        except LinkError as err:
            raise self.error(str(err), claim_line) from None
        if kind is not StepKind.CLAIM and any(
            link.relation != "=" or link.follows for link in found
        ):
            raise self.error(f"a {kind.value} is an equation (no other relation)", claim_line)
        if relation is not None and found and found[0].continues:
            raise self.error(f"relation = '{relation}' starts an equation, not '= ...'", claim_line)
        out = []
        for j, link in enumerate(found):
            first = j == 0
            out.append(
                Step(
                    claim=claim.strip(),
                    lhs=link.lhs,
                    rhs=link.rhs,
                    label=(None if label is None else str(label)) if first else None,
                    notes=tuple(sorted(notes.items())) if first else (),
                    continues=link.continues,
                    annotation=formula.annotation,
                    place=Place(self.path, claim_line),
                    relation=link.relation,
                    follows=(relation or link.follows) if first else link.follows,
                    condition=condition,
                    condition_text=formula.condition.text if formula.condition else None,
                    **common,
                )
            )
        return out

    def read_condition(self, formula, line: int | None, scope) -> tuple:
        """The claim's condition (after its comma) with the declared symbols; InputError for
        a name that is not declared."""
        if formula.condition is None:
            return ()  # the usual case: the document loader's modules are not imported for it
        from eqchain.load.document import bound_condition

        try:
            return bound_condition(formula.condition, scope)
        except InputError as err:
            message = f"cannot read the claim's condition: {err.message}"
            raise InputError(message, self.path, line) from None

    def read_claim(self, claim: str, line: int | None, scope, define: bool = False):
        """The claim's formula and its bound sides; InputError at the offending character
        (at the claim's start for a name that cannot be bound)."""
        from eqchain.latex.memo import read_cached

        column_base = self._claim_column(line)
        try:
            formula = read_cached(
                claim,
                scope.index_names,
                frozenset(scope.functions) | self.inferred | self.shaped,
                cross_check=self.cross_check,
            )
            sides = [scope.bind(s, define=define and i == 0) for i, s in enumerate(formula.sides)]
        except LatexError as err:
            col = (
                None if err.column is None or column_base is None else column_base + err.column - 1
            )
            raise InputError(
                f"cannot read the claim: {err.message}", self.path, line, col
            ) from None
        except InputError as err:
            raise InputError(
                f"cannot read the claim: {err.message}", self.path, line, column_base
            ) from None
        return formula, sides

    def _claim_column(self, line: int | None) -> int | None:
        return claim_column(self.lines, line)

    def maximize(self, table, scope, sense: str = "maximize") -> tuple:
        """Steps generated by the Lagrange solver for a ``[maximize]``/``[minimize]`` table;
        they carry the table's line, and go through the checker like any other step."""
        from dataclasses import replace

        line = self.key_line(f"[{sense}]") or next(
            (i + 1 for i, ln in enumerate(self.lines) if re.match(r"\s*\[\s*" + sense, ln)), None
        )
        if not isinstance(table, dict):
            raise self.error(f"[{sense}] must be a table", line)
        if sense == "minimize":
            if table.get("sense", "minimize") != "minimize":
                raise self.error('[minimize] cannot have sense = "maximize"', line)
            table = {**table, "sense": "minimize"}
        steps = self._maximize(table, scope, sense, line)
        return tuple(
            s if s.place and s.place.line else replace(s, place=Place(self.path, line))
            for s in steps
        )

    def _maximize(self, table, scope, sense, line) -> tuple:
        from eqchain.optimize import steps_from_toml

        try:
            return tuple(steps_from_toml(table, scope, self.path))
        except InputError as err:
            raise err.located(self.path, self.key_line(sense) or line) from None


def _number(value):
    import sympy as sp

    if isinstance(value, bool):
        raise InputError(f"not a number: {value!r}")
    if isinstance(value, int):
        return sp.Integer(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InputError(f"not a finite number: {value!r} (use integers or fractions)")
        f = Fraction(str(value))  # the decimal written (0.1), not its binary neighbour
        return sp.Rational(f.numerator, f.denominator)
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+(\s*/\s*\d+)?\s*", value):
        if max(len(d) for d in re.findall(r"\d+", value)) > MAX_DIGITS:
            raise InputError(f"number too long (more than {MAX_DIGITS} digits)")
        try:
            f = Fraction(re.sub(r"\s+", "", value))
        except ZeroDivisionError:
            raise InputError(f"division by zero in {value!r}") from None
        return sp.Rational(f.numerator, f.denominator)
    raise InputError(f'not a number: {value!r} (use integers or fractions like "1/10")')


def _suggest(name: str, known) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def load_symbols(path: str):
    """The ``[symbols]`` of a TOML file (a derivation file or a file with only symbols)."""
    text, doc = _parse(path, None)
    return _Loader(path, text).symbols(doc.get("symbols", {}))


def dump_derivation(derivation: Derivation) -> str:
    """A derivation file for ``derivation`` that :func:`load_toml` reads back."""
    import tomli_w

    symbols: dict = {}
    for d in derivation.symbols:
        assume = " ".join(d.assumptions)
        if d.is_function:
            symbols[d.name] = {"function": True, "assume": assume}
        elif d.is_family:
            symbols[d.name] = {
                "index": d.indices[0] if len(d.indices) == 1 else list(d.indices),
                "range": (
                    f"{d.ranges[0][0]}..{d.ranges[0][1]}"
                    if len(d.ranges) == 1
                    else [f"{lo}..{hi}" for lo, hi in d.ranges]
                ),
                "assume": assume,
            }
        else:
            symbols[d.name] = assume
    steps = []
    for s in derivation.steps:
        entry: dict = {}
        if s.label:
            entry["label"] = s.label
        if s.kind is not StepKind.CLAIM:
            entry["kind"] = s.kind.value
        entry["claim"] = s.claim
        if s.follows and not s.continues and not _starts_with_arrow(s.claim):
            entry["relation"] = s.follows
        if s.by:
            entry["by"] = list(s.by)
        if s.where:
            entry["where"] = {name: _dump_values(v) for name, v in s.where}
        if s.instance:
            entry["instance"] = dict(s.instance)
        if s.of:
            entry["of"] = s.of
        if s.notes:
            entry["note"] = dict(s.notes)
        steps.append(entry)
    doc = {"title": derivation.title, "symbols": symbols, "steps": steps}
    return tomli_w.dumps(doc, multiline_strings=False)


def _starts_with_arrow(claim: str) -> bool:
    from eqchain.latex.read import RELATIONS

    m = re.match(r"\s*\\([A-Za-z]+)", claim)
    return bool(m) and RELATIONS.get(m.group(1)) in STEP_RELATIONS


def _dump_values(value):
    """Values as the loader reads them back: integers, or fractions as text ("1/10")."""
    if isinstance(value, (list, tuple)):
        return [_dump_values(v) for v in value]
    if getattr(value, "is_Integer", False) or isinstance(value, int):
        return int(value)
    return str(value)


def claim_column(lines, line: int | None) -> int | None:
    """The column where the LaTeX of the claim on ``line`` (1-based) of a derivation file's
    ``lines`` starts, after ``claim = '``; None when that line holds no claim."""
    if line is None or line < 1 or line > len(lines):
        return None
    m = re.search(r"claim\s*=\s*('''|\"\"\"|'|\")", lines[line - 1])
    return m.end() + 1 if m else None
