"""Dropped assumptions: every derivation in derivations/, re-checked with one positivity or
non-negativity assumption replaced by ``real``, in turn.

Whether a step needed the assumption is decided independently of the checker (:mod:`oracle`): it
needed it when it holds at every point tried under the declared assumptions and fails (the sides
differ, or one is undefined, e.g. a log of 0) at some point that only the weaker assumption allows.
Such a step must not stay verified; it must become unknown naming the symbol whose assumption
went missing. A step the weaker assumptions leave verified within a domain ("where y_k != 0") is
judged at the points inside that domain only. No step may be refuted by mistake: every
counterexample must satisfy the weaker assumptions and really separate the two sides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from helpers import sampled

from eqchain.check.engine import check_derivation
from eqchain.load.toml_file import load_toml
from eqchain.model import StepKind, Verdict

from . import oracle

ROOT = Path(__file__).resolve().parents[2]
# The expectation derivations (issue 18) are left out: a step with an expectation is refuted by
# a concrete distribution, which this oracle cannot read back (it evaluates sides at points).
# Their dropped assumptions are tested in tests/check/test_expectations.py.
EXPECTATION_FILES = {"variance.toml", "variance_angle.toml"}
FILES = sorted(p for p in (ROOT / "derivations").glob("*.toml") if p.name not in EXPECTATION_FILES)
DROPPED = ("positive", "nonnegative")
# CPU seconds: one step of mean_cross_entropy (y real) needs 5.2 on a quiet machine, 14.5 on
# the project machine under load (CPU time per unit of work grows when the cores are shared)
STEP_TIMEOUT = 20.0
# Counts such as K take these values when their positivity is dropped (an empty range is an
# empty sum or product), and these when it is kept.
WEAK_INTEGERS = (-2, -1, 0, 1, 2, 3, 6)
STRONG_INTEGERS = (2, 3, 5, 6, 7)

_PLAIN = re.compile(r'^\s*(?P<name>[A-Za-z]\w*)\s*=\s*"(?P<assume>[^"]*)"\s*$')
_FAMILY = re.compile(r'^\s*(?P<name>[A-Za-z]\w*)\s*=\s*\{.*\bassume\s*=\s*"(?P<assume>[^"]*)"')


@dataclass(frozen=True)
class Variant:
    path: Path
    line: int  # 1-based line of the declaration
    name: str  # the symbol or family
    dropped: str  # the assumption replaced by "real"
    text: str  # the whole file with that one word replaced

    @property
    def id(self) -> str:
        return f"{self.path.stem}:{self.line}:{self.name}:{self.dropped}"


def variants() -> list[Variant]:
    out = []
    for path in FILES:
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        table = ""
        for n, line in enumerate(lines):
            header = re.match(r"^\s*\[+\s*([^\]]+?)\s*\]+", line)
            if header:
                table = header.group(1)
                continue
            if not table.endswith("symbols"):
                continue
            m = _FAMILY.match(line) or _PLAIN.match(line)
            if not m:
                continue
            words = m.group("assume").split()
            for word in DROPPED:
                if word not in words:
                    continue
                weaker = " ".join("real" if w == word else w for w in words)
                start, end = m.span("assume")
                new_line = line[:start] + weaker + line[end:]
                text = "".join(lines[:n] + [new_line] + lines[n + 1 :])
                out.append(Variant(path, n + 1, m.group("name"), word, text))
    return out


VARIANTS = variants()

# Known defects, reported to the lead (tracker issue 7): variant -> (defect, the tests it
# fails: "refuted", "verified", "named"); remove an entry when the defect is fixed.
KNOWN: dict = {}


# The README's pytest drops the assumptions of every eighth variant; `-m slow` (and .ci/run)
# drops every one (issue 17: the campaign was an eighth of the README's run; every sixth until
# stop 37, whose added tests took the README's run to 5 min 11 s).
SAMPLE_STEP = 8


def _ids(test: str):
    out = []
    for v in VARIANTS:
        reason, tests = KNOWN.get(v.id, ("", ()))
        marks = pytest.mark.xfail(strict=True, reason=reason) if test in tests else ()
        out.append(pytest.param(v.id, id=v.id, marks=marks))
    return sampled(out, SAMPLE_STEP)


@dataclass(frozen=True)
class StepOutcome:
    title: str
    claim: str
    needed: bool  # the step needed the dropped assumption (independent judge)
    verdict: str
    reason: str
    counterexample_problem: str = ""

    def show(self) -> str:
        return f"[{self.title}] {self.claim!r}: {self.verdict} ({self.reason[:150]})" + (
            f" BAD COUNTEREXAMPLE: {self.counterexample_problem}"
            if self.counterexample_problem
            else ""
        )


def _holds(statuses) -> bool:
    """Equal at every point tried (both sides undefined at a point asserts nothing there)."""
    decided = [s for s in statuses if s != oracle.BOTH_UNDEFINED]
    return len(decided) >= 3 and decided.count(oracle.EQUAL) == len(decided)


def _fails(statuses) -> bool:
    """The sides differ at some point, or only one of them is defined there."""
    return oracle.DIFFERENT in statuses or oracle.UNDEFINED in statuses


@cache
def _originals(path: Path) -> tuple:
    return tuple(load_toml(str(path)))


@cache
def _held(path: Path, derivation: int, i: int) -> bool:
    """Step ``i`` of the file's derivation as written (with every declared assumption) holds at
    every point tried. The same for every variant of the file, so judged once per session."""
    strong = _originals(path)[derivation]
    statuses = oracle.judge(
        *oracle.sides(strong)[i],
        oracle.contexts(strong)[i],
        seed=i,
        points=8,
        integer_values=STRONG_INTEGERS,
        until=(oracle.DIFFERENT, oracle.UNDEFINED, oracle.UNSURE),  # then it did not hold
    )
    return _holds(statuses)


@cache
def outcomes(variant_id: str) -> tuple[StepOutcome, ...]:
    variant = next(v for v in VARIANTS if v.id == variant_id)
    originals = _originals(variant.path)
    weakened = load_toml(str(variant.path), data=variant.text.encode("utf-8"))
    out = []
    for j, (_strong, weak) in enumerate(zip(originals, weakened, strict=True)):
        report = check_derivation(weak, STEP_TIMEOUT)
        weak_ctx, weak_sides = oracle.contexts(weak), oracle.sides(weak)
        for i, result in enumerate(report.results):
            if result.step.kind is not StepKind.CLAIM:
                continue
            # Needed: held with the assumption, fails without it (the second judge only runs
            # when the first says the step held).
            needed = _held(variant.path, j, i) and _fails(
                oracle.judge(
                    *weak_sides[i],
                    weak_ctx[i],
                    seed=100 + i,
                    points=16,
                    integer_values=WEAK_INTEGERS,
                    until=(oracle.DIFFERENT, oracle.UNDEFINED),  # then it fails
                    # A step verified within a domain says nothing outside it: judged inside.
                    domain=result.domain_conditions,
                )
            )
            problem = ""
            if result.verdict is Verdict.REFUTED:
                if result.counterexample is None:
                    problem = "refuted without a counterexample"
                else:
                    problem = oracle.check_counterexample(
                        result.counterexample, *weak_sides[i], weak_ctx[i]
                    )
            out.append(
                StepOutcome(
                    weak.title,
                    result.step.claim,
                    needed,
                    result.verdict.value,
                    result.reason,
                    problem,
                )
            )
    return tuple(out)


def test_every_derivation_file_has_an_assumption_to_drop():
    assert FILES
    assert {v.path for v in VARIANTS} == set(FILES)


@pytest.mark.parametrize("variant_id", _ids("refuted"))
def test_no_step_is_refuted_by_mistake(variant_id):
    bad = [o.show() for o in outcomes(variant_id) if o.counterexample_problem]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("variant_id", _ids("verified"))
def test_no_step_that_needed_the_assumption_stays_verified(variant_id):
    bad = [o.show() for o in outcomes(variant_id) if o.needed and o.verdict == "verified"]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("variant_id", _ids("named"))
def test_steps_that_needed_the_assumption_become_unknown_naming_it(variant_id):
    """...or refuted, with a counterexample the independent judge confirms (a step that needed
    the assumption is false without it, and a real counterexample says more than unknown)."""
    name = next(v.name for v in VARIANTS if v.id == variant_id)
    mentions = re.compile(rf"(?<![A-Za-z\\]){re.escape(name)}(?![A-Za-z])")

    def named(o) -> bool:
        if o.verdict == "refuted":
            return not o.counterexample_problem
        return o.verdict == "unknown" and bool(mentions.search(o.reason))

    bad = [o.show() for o in outcomes(variant_id) if o.needed and not named(o)]
    assert not bad, "\n".join(bad)
