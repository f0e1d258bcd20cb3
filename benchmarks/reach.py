"""How much of a corpus of real, externally written derivations eqchain reads and decides.

    python benchmarks/reach.py [--json] [--timeout S] [paths...]

Every corpus document (``benchmarks/corpus/<lang>/<slug>.md``, ``.tex`` or ``.rst``) has a label
file ``<slug>.toml`` beside it: its source, its assumptions, and every link of every display
equation labelled by hand (``line``, ``index``, ``valid``, ``kind``, ``reason``); see
``benchmarks/corpus/README.md``. This script checks each document in-process with eqchain and
matches eqchain's steps to the labels by (line, index): ``index`` counts the links reported on
that line, in the order written. It prints, per document and in total:

- display equations: rows of display math, and how many eqchain read. A document eqchain cannot
  load at all reads 0; a row whose step is ``unreadable`` is not read (a line's rows less its
  unreadable steps: rows that share a line are read one by one);
- valid steps (labelled claims): verified / unknown / refuted / unread (unreadable, or no step
  of eqchain's at that place);
- wrong steps: refuted / unknown / verified / unread;
- definitions and givens: taken as such (eqchain says definition or given) / checked as a claim
  (verified or unknown) / refuted / unread.

With ``--json`` it prints the same numbers and every label with eqchain's verdict. The reasons
formulas are unreadable are counted by reading each row on its own (so a document that stops at
its first unreadable formula still tells what else would stop it). Paths may be corpus folders,
documents or label files; the default is the whole corpus. Exit status 0 unless the corpus
itself is malformed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent
CORPUS = ROOT / "corpus"
SUFFIXES = {".md": "markdown", ".tex": "latex", ".rst": "rest"}
CLAIM_COLUMNS = ("verified", "unknown", "refuted", "unread")
TAKEN_COLUMNS = ("taken", "checked", "refuted", "unread")


@dataclass
class Document:
    """One corpus document and its labels."""

    path: Path
    labels: dict
    language: str

    @property
    def kind(self) -> str:
        return SUFFIXES[self.path.suffix]

    @property
    def name(self) -> str:
        return f"{self.language}/{self.path.stem}"


@dataclass
class Outcome:
    """What eqchain made of one document."""

    document: Document
    rows: int = 0
    rows_read: int = 0
    load_error: str | None = None
    valid: Counter = field(default_factory=Counter)
    wrong: Counter = field(default_factory=Counter)
    taken: Counter = field(default_factory=Counter)
    steps: list = field(default_factory=list)  # one dict per label, with eqchain's verdict
    unmatched: list = field(default_factory=list)  # eqchain steps with no label
    reasons: Counter = field(default_factory=Counter)  # why rows are unreadable, row by row
    seconds: float = 0.0


# -- finding the corpus ----------------------------------------------------------------------


def find_documents(paths) -> list[Document]:
    """Corpus documents under the given paths (folders, documents or label files)."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found.extend(
                f
                for f in sorted(p.rglob("*"))
                if f.suffix in SUFFIXES and f.with_suffix(".toml").exists()
            )
        elif p.suffix == ".toml":
            found.extend(d for d in (p.with_suffix(s) for s in SUFFIXES) if d.exists())
        elif p.suffix in SUFFIXES:
            found.append(p)
        else:
            raise SystemExit(f"reach: not a corpus folder, document or label file: {p}")
    docs = []
    for f in dict.fromkeys(found):
        label_file = f.with_suffix(".toml")
        if not label_file.exists():
            raise SystemExit(f"reach: {f} has no label file {label_file.name}")
        with open(label_file, "rb") as fh:
            labels = tomllib.load(fh)
        docs.append(Document(f, labels, labels.get("language") or f.parent.name))
    return docs


# -- rows of display math ----------------------------------------------------------------------

_NOT_MATH = re.compile(r"\\(label|tag\*?|eqref|ref)\s*\{[^{}]*\}|\\(nonumber|notag)\b|[\s.,;:]")


def display_rows(text: str, kind: str) -> list[tuple[int, str]]:
    """(line, text) of every row of display math with some mathematics in it, as eqchain's
    document reader splits them. A block eqchain cannot split counts as one row."""
    from eqchain.latex.rows import split_rows
    from eqchain.load.document import latex_blocks, markdown_blocks

    try:
        from eqchain.load.document import rest_blocks
    except ImportError:  # a tree without the reST reader reads no reST document
        rest_blocks = None

    try:
        from eqchain.load.document import _row_place
    except ImportError:  # a private helper: fall back to the row's first line

        def _row_place(block, row):
            lead = row.text[: len(row.text) - len(row.text.lstrip())]
            return block.line + row.line - 1 + lead.count("\n"), None

    if kind == "markdown":
        try:  # a Markdown file holding reST math is read as reST (README, Documents)
            from eqchain.load.document import markdown_or_rest

            kind = markdown_or_rest(text)
        except ImportError:
            pass
    try:
        if kind == "rest":
            blocks = rest_blocks(text) if rest_blocks is not None else []
        else:
            blocks = markdown_blocks(text) if kind == "markdown" else latex_blocks(text)
    except Exception:  # an unclosed block: eqchain reads nothing, and neither do we
        return []
    out = []
    for block in blocks:
        try:
            rows = split_rows(block.text)
        except Exception:
            out.append((block.line, block.text))
            continue
        for row in rows:
            if not _NOT_MATH.sub("", row.text):
                continue
            line, _ = _row_place(block, row)
            out.append((line, row.text.strip()))
    return out


def unreadable_reason(row: str) -> str | None:
    """Why eqchain cannot read this row on its own (None when it can)."""
    from eqchain.errors import InputError, LatexError
    from eqchain.latex.memo import read_cached

    try:
        read_cached(row, use_disk=False)
    except (LatexError, InputError) as err:
        return getattr(err, "message", str(err))
    except RecursionError:
        return "nested too deeply"
    except Exception as err:  # a reader crash is a reason too
        return f"reader error: {type(err).__name__}"
    return None


def reason_category(message: str) -> str:
    """A message with its particular names and quotes generalised, for counting."""
    text = re.sub(r"^line \d+: ", "", message)
    text = re.sub(
        r"'([^']*)'",
        lambda m: m.group(0) if len(m.group(1)) == 1 and not m.group(1).isalnum() else "'…'",
        text,
    )
    text = re.sub(r"\\[A-Za-z]+\{[^{}]*\}", r"\\CMD{…}", text)
    text = re.sub(r"\\[A-Za-z]+", r"\\CMD", text)
    return text.strip()[:100]


def reason_examples(message: str) -> list[str]:
    """The particular names a message quotes (commands, quoted text)."""
    found = re.findall(r"'([^']+)'|(\\[A-Za-z]+(?:\{[^{}]*\})?)", message)
    return [a or b for a, b in found][:1]


# -- checking ------------------------------------------------------------------------------


def _verdict(result) -> str:
    value = getattr(result.verdict, "value", result.verdict)
    return str(value)


def check_document(doc: Document, timeout: float, reasons: bool = True) -> Outcome:
    from eqchain.api import check_derivations
    from eqchain.load import load

    out = Outcome(doc)
    started = time.monotonic()
    text = doc.path.read_text(encoding="utf-8")
    rows = display_rows(text, doc.kind)
    out.rows = len(rows)
    for _, row in rows if reasons else ():
        reason = unreadable_reason(row)
        if reason is not None:
            out.reasons[reason] += 1

    results = []
    assume = (doc.labels.get("assume") or "").strip()
    try:
        derivations = load(str(doc.path), **({"assume": assume} if assume else {}))
        report = check_derivations(derivations, timeout)
        results = [r for d in report.derivations for r in d.results]
    except Exception as err:  # InputError today; anything else is a load failure too
        out.load_error = f"{getattr(err, 'message', None) or err}"
        loc = getattr(err, "line", None)
        if loc:
            out.load_error = f"line {loc}: {out.load_error}"

    # eqchain's steps by (line, index on that line). Labels count the links written with '='
    # (corpus README): a link with another relation (\le, \propto) has no index and no label.
    by_place: dict[tuple[int, int], object] = {}
    per_line: Counter = Counter()
    other_relations = []
    # an unreadable row is reported where its error stands, which may be a later line of the
    # row; labels and the count of rows read take the line where the row starts
    spans = sorted((line, line + text.count("\n")) for line, text in rows)

    def row_start(line):
        starts = [a for a, b in spans if a <= line <= b]
        return max(starts) if starts else line

    def place_line(r):
        if not r.step.place:
            return None
        line = r.step.place.line
        return row_start(line) if _verdict(r) == "unreadable" else line

    for r in results:
        line = place_line(r)
        if getattr(r.step, "relation", "=") != "=":
            other_relations.append((line, r))
            continue
        by_place[(line, per_line[line])] = r
        per_line[line] += 1
    # each unreadable row is one unreadable step at its line: a line's rows are read but for
    # as many as it has unreadable steps (equations side by side, or an align whose rows share
    # a line, are read one by one since a row's error stays that row's: rows.Row.error)
    unreadable_per_line = Counter(
        place_line(r) for r in results if _verdict(r) == "unreadable" and r.step.place
    )
    unreadable_at = {}  # line -> why its (first) unreadable row is unreadable
    for r in results:
        if _verdict(r) == "unreadable" and r.step.place:
            unreadable_at.setdefault(place_line(r), getattr(r, "reason", ""))
    if out.load_error is None:
        rows_per_line = Counter(line for line, _ in rows)
        out.rows_read = sum(
            max(0, n - unreadable_per_line[line]) for line, n in rows_per_line.items()
        )

    labelled = set()
    for label in doc.labels.get("steps", []):
        key = (int(label["line"]), int(label.get("index", 0)))
        labelled.add(key)
        result = by_place.get(key)
        verdict = _verdict(result) if result is not None else None
        kind = label.get("kind", "claim")
        valid = bool(label["valid"])
        if verdict in (None, "unreadable"):
            column = "unread"
        elif kind == "claim":
            column = verdict if verdict in ("verified", "unknown", "refuted") else "verified"
            # a claim eqchain takes as a definition or given asserts nothing it checked
            if verdict in ("definition", "given"):
                column = "unknown"
        else:
            column = {
                "definition": "taken",
                "given": "taken",
                "refuted": "refuted",
            }.get(verdict, "checked")
        if kind != "claim":
            out.taken[column] += 1
        elif valid:
            out.valid[column] += 1
        else:
            out.wrong[column] += 1
        out.steps.append(
            {
                "line": key[0],
                "index": key[1],
                "valid": valid,
                "kind": kind,
                "label_reason": label.get("reason", ""),
                "eqchain": verdict,
                "eqchain_reason": (
                    getattr(result, "reason", "")
                    if result is not None
                    else _missing_step(
                        key, out.load_error, per_line, other_relations, unreadable_at
                    )
                ),
                "column": column,
            }
        )
    for key, r in by_place.items():
        if key not in labelled:
            out.unmatched.append({"line": key[0], "index": key[1], "eqchain": _verdict(r)})
    for line, r in other_relations:
        out.unmatched.append(
            {"line": line, "index": None, "relation": r.step.relation, "eqchain": _verdict(r)}
        )
    out.seconds = time.monotonic() - started
    return out


def _missing_step(key, load_error, per_line: Counter, other_relations, unreadable_at) -> str:
    """Why eqchain has no step at a label's place (line, index): the document did not load, the
    line's row is unreadable (one unreadable step stands for all its links), or eqchain reports
    no link there; the links it reports on nearby lines are named, so a label on the wrong line
    shows."""
    if load_error is not None:
        return f"the document did not load: {load_error}"
    line, index = key
    if line in unreadable_at:
        return f"the row at line {line} is unreadable: {unreadable_at[line]}"
    near = sorted(at for at in per_line if at is not None and at != line and abs(at - line) <= 3)
    nearby = ", ".join(f"line {at} ({per_line[at]})" for at in near)
    if per_line[line]:
        n = per_line[line]
        return (
            f"eqchain reports no step at line {line} index {index}: "
            f"{n} link{'s' if n != 1 else ''} written with '=' on that line"
            + (f"; its steps nearby: {nearby}" if nearby else "")
        )
    others = sorted({str(r.step.relation) for at, r in other_relations if at == line})
    if others:
        return (
            f"eqchain reports no step at line {line}: it reads that line's link as "
            + ", ".join(others)
            + " (labels count the links written with '=')"
        )
    if near:
        return f"eqchain reports no step at line {line}; its steps nearby: {nearby}"
    return f"eqchain reports no step at line {line} nor within 3 lines of it"


# -- reporting -----------------------------------------------------------------------------


def is_continuous(doc: Document) -> bool:
    """A derivation with integrals or expectations (issue 18), by its topics."""
    return any(t in ("integral", "expectation") for t in doc.labels.get("topics", []))


def totals(outcomes) -> dict:
    t = {"documents": 0, "rows": 0, "rows_read": 0, "loaded": 0}
    valid, wrong, taken, reasons = Counter(), Counter(), Counter(), Counter()
    for o in outcomes:
        t["documents"] += 1
        t["rows"] += o.rows
        t["rows_read"] += o.rows_read
        t["loaded"] += o.load_error is None
        valid.update(o.valid)
        wrong.update(o.wrong)
        taken.update(o.taken)
        reasons.update(o.reasons)
    t["valid"] = {c: valid[c] for c in CLAIM_COLUMNS}
    t["wrong"] = {c: wrong[c] for c in CLAIM_COLUMNS}
    t["definitions_givens"] = {c: taken[c] for c in TAKEN_COLUMNS}
    t["labelled_steps"] = sum(valid.values()) + sum(wrong.values()) + sum(taken.values())
    t["unreadable_reasons"] = dict(reasons.most_common())
    return t


def _row(name, rows, read, v, w, g) -> str:
    def cells(c, cols):
        return "/".join(str(c.get(k, 0)) for k in cols)

    return (
        f"{name:<52} {rows:>5} {read:>5}  {cells(v, CLAIM_COLUMNS):>13}  "
        f"{cells(w, ('refuted', 'unknown', 'verified', 'unread')):>11}  "
        f"{cells(g, TAKEN_COLUMNS):>11}"
    )


def print_table(outcomes) -> None:
    print(
        f"{'document':<52} {'rows':>5} {'read':>5}  {'valid v/u/r/-':>13}  "
        f"{'wrong r/u/v/-':>11}  {'def t/c/r/-':>11}"
    )
    for o in outcomes:
        print(_row(o.document.name, o.rows, o.rows_read, o.valid, o.wrong, o.taken))
    groups: dict[str, list] = {}
    for o in outcomes:
        groups.setdefault(o.document.language, []).append(o)
    print("-" * 104)
    continuous = [o for o in outcomes if is_continuous(o.document)]
    if continuous:
        groups["int/exp"] = continuous  # integrals or expectations
    for lang, group in sorted(groups.items()) + [("all", outcomes)]:
        t = totals(group)
        name = f"total {lang} ({t['documents']} documents, {t['labelled_steps']} labelled)"
        g = t["definitions_givens"]
        print(_row(name, t["rows"], t["rows_read"], t["valid"], t["wrong"], g))
    t = totals(outcomes)
    share = t["rows_read"] / t["rows"] if t["rows"] else 0.0
    print(
        f"\ndisplay equations read: {t['rows_read']} of {t['rows']} ({share:.0%}); "
        f"documents loaded: {t['loaded']} of {t['documents']}"
    )
    print(
        "valid steps v/u/r/-: verified / unknown / refuted / unreadable or unchecked; "
        "wrong steps r/u/v/-: refuted / unknown / verified / unread;\n"
        "definitions and givens t/c/r/-: taken as such / checked as a claim / refuted / unread"
    )
    alarms = [
        (o.document.name, s)
        for o in outcomes
        for s in o.steps
        if (s["valid"] and s["column"] == "refuted")
        or (not s["valid"] and s["kind"] == "claim" and s["column"] == "verified")
    ]
    if alarms:
        print("\nvalid steps refuted / wrong steps verified:")
        for name, s in alarms:
            label = "valid" if s["valid"] else "wrong"
            print(
                f"  {name}:{s['line']}[{s['index']}] labelled {label} ({s['label_reason']}); "
                f"eqchain: {s['eqchain']} {s['eqchain_reason']}"
            )
    reasons: Counter = Counter()
    examples: dict[str, Counter] = {}
    for o in outcomes:
        for msg, n in o.reasons.items():
            category = reason_category(msg)
            reasons[category] += n
            examples.setdefault(category, Counter()).update({e: n for e in reason_examples(msg)})
    if reasons:
        print("\nwhy rows are unreadable, each row read on its own (most frequent first):")
        for msg, n in reasons.most_common(20):
            seen = ", ".join(e for e, _ in examples[msg].most_common(6))
            print(f"  {n:>4}  {msg}" + (f"\n        e.g. {seen}" if seen else ""))
    errors = Counter(reason_category(o.load_error) for o in outcomes if o.load_error)
    if errors:
        print("\nwhy documents did not load (first error of each):")
        for msg, n in errors.most_common(20):
            print(f"  {n:>4}  {msg}")


def as_json(outcomes) -> dict:
    return {
        "documents": [
            {
                "document": str(o.document.path),
                "name": o.document.name,
                "source": o.document.labels.get("source"),
                "topics": o.document.labels.get("topics", []),
                "rows": o.rows,
                "rows_read": o.rows_read,
                "load_error": o.load_error,
                "valid": {c: o.valid[c] for c in CLAIM_COLUMNS},
                "wrong": {c: o.wrong[c] for c in CLAIM_COLUMNS},
                "definitions_givens": {c: o.taken[c] for c in TAKEN_COLUMNS},
                "unreadable_reasons": dict(o.reasons),
                "steps": o.steps,
                "unlabelled_eqchain_steps": o.unmatched,
                "seconds": round(o.seconds, 3),
            }
            for o in outcomes
        ],
        "total": totals(outcomes),
        "total_integral_expectation": totals([o for o in outcomes if is_continuous(o.document)]),
    }


def run(paths=None, timeout: float = 5.0, reasons: bool = True, jobs: int = 1) -> list[Outcome]:
    """Check every corpus document under ``paths`` (default: the whole corpus); with
    ``reasons``, also read every row on its own to count why rows are unreadable.

    With ``jobs`` above 1 the documents are shared among that many worker processes, the
    largest first (each document is checked on its own, and a step's time limit counts its own
    CPU time, so the outcomes are those of one process); the outcomes keep the corpus order."""
    documents = find_documents(paths or [CORPUS])
    if jobs <= 1 or len(documents) <= 1:
        return [check_document(d, timeout, reasons) for d in documents]
    import multiprocessing

    order = sorted(range(len(documents)), key=lambda i: -documents[i].path.stat().st_size)
    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    outcomes: list[Outcome | None] = [None] * len(documents)
    with context.Pool(min(jobs, len(documents)), maxtasksperchild=None) as pool:
        work = [(documents[i], timeout, reasons) for i in order]
        for i, outcome in zip(order, pool.imap(_check_one, work, chunksize=1), strict=True):
            outcomes[i] = outcome
    return outcomes


def _check_one(work) -> Outcome:
    return check_document(*work)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="corpus folders, documents or label files")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds per step")
    parser.add_argument(
        "--jobs", type=int, default=1, help="worker processes (the outcomes are the same)"
    )
    args = parser.parse_args(argv)
    outcomes = run(args.paths, args.timeout, jobs=args.jobs)
    if args.json:
        json.dump(as_json(outcomes), sys.stdout, indent=1, ensure_ascii=False)
        print()
    else:
        print_table(outcomes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
