"""``eqchain check --watch``: re-check on every save and show only what changed.

Files are watched with ``watchfiles``. After each change the changed files are checked again and
every step whose verdict line differs from the last check is printed, followed by a summary.
Invalid input is reported like any other check (with file and line) and the watch goes on.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from eqchain.errors import EqchainError


def _lines(path: str, options: dict) -> dict:
    """One text line per step of ``path``, keyed by (derivation, step position)."""
    from eqchain.api import check_file

    out = {}
    try:
        reports = check_file(
            path, options["timeout"], options.get("assume"), options.get("cross_check", False)
        )
    except EqchainError as err:
        return {(path, "error"): f"error: {err}"}
    for d_index, d in enumerate(reports):
        for s_index, r in enumerate(d.results):
            label = r.step.label or (
                f"line {r.step.place.line}"
                if r.step.place and r.step.place.line
                else f"step {s_index + 1}"
            )
            rules = ", ".join(r.rules)
            text = f"{path}: ({label}) {r.verdict.value}"
            if rules:
                text += f"  {rules}"
            if r.reason and r.verdict.value in ("refuted", "unknown"):
                text += f"  [{r.reason}]"
            out[(path, d_index, s_index)] = text
    return out


def watch_and_check(paths, options: dict, max_rechecks: int | None = None) -> None:
    """Check ``paths`` now and after every change; return after ``max_rechecks`` re-checks
    (for tests), else run until interrupted."""
    from watchfiles import watch

    from eqchain.load import SUFFIXES, collect

    current: dict = {}
    for f in collect(paths):
        current.update(_lines(f, options))
    for text in current.values():
        click.echo(text)
    _summary(current)
    sys.stdout.flush()
    rechecks = 0
    watched = [str(p) for p in paths]
    for changes in watch(
        *watched, debounce=200, step=50, rust_timeout=1000, yield_on_timeout=False
    ):
        changed = sorted({p for _, p in changes if Path(p).suffix.lower() in SUFFIXES})
        if not changed:
            continue
        for f in changed:
            if not Path(f).exists():
                continue
            new = _lines(f, options)
            old = {k: v for k, v in current.items() if k[0] == f}
            for key, text in new.items():
                if old.get(key) != text:
                    click.echo(text)
            for key in old:
                if key not in new:
                    current.pop(key)
            current.update(new)
        _summary(current)
        sys.stdout.flush()
        rechecks += 1
        if max_rechecks is not None and rechecks >= max_rechecks:
            return


def _summary(lines: dict) -> None:
    counts = {"verified": 0, "refuted": 0, "unknown": 0, "error": 0}
    for text in lines.values():
        for word in counts:
            if f") {word}" in text or text.startswith(f"{word}:"):
                counts[word] += 1
                break
    click.echo("-- " + ", ".join(f"{n} {w}" for w, n in counts.items()))
