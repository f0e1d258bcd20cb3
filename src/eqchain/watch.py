"""``eqchain check --watch``: re-check on every save and show only what changed.

Files are watched with ``watchfiles``. After each change the changed files are checked again and
every step whose verdict line differs from the last check is printed, followed by a summary.
A file that cannot be loaded is reported (with file and line) and the watch goes on; an
unreadable formula is a step like any other.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from eqchain.errors import InputError


def _lines(path: str, options: dict) -> dict:
    """One text line per step of ``path``, keyed by (derivation, step position)."""
    from eqchain.api import check_input

    out = {}
    reports = check_input(
        path,
        options["timeout"],
        options.get("assume"),
        options.get("dialect"),
        options.get("macros"),
        options.get("cross_check", False),
    )
    for d_index, d in enumerate(reports):
        if d.error is not None:  # the file could not be loaded
            out[(path, "error")] = f"error: {d.error}"
            continue
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
            if r.reason and r.verdict.value in ("refuted", "unknown", "unreadable"):
                text += f"  [{r.reason}]"
            out[(path, d_index, s_index)] = text
    return out


def watch_and_check(paths, options: dict, max_rechecks: int | None = None) -> None:
    """Check ``paths`` now and after every change; return after ``max_rechecks`` re-checks
    (for tests), else run until interrupted."""
    from watchfiles import watch

    from eqchain.load import SUFFIXES, collect_each

    current: dict = {}
    for f in collect_each(paths):
        if isinstance(f, str):
            current.update(_lines(f, options))
        else:
            current[(f.path, "error")] = f"error: {f}"
    for text in current.values():
        click.echo(text)
    _summary(current)
    sys.stdout.flush()
    rechecks = 0
    watched = [str(p) for p in paths if Path(p).exists()]  # a missing one is reported above
    if not watched:
        raise InputError("nothing to watch: no such file or folder", ", ".join(map(str, paths)))
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
    counts = {"verified": 0, "refuted": 0, "unknown": 0, "unreadable": 0, "error": 0}
    for text in lines.values():
        for word in counts:
            if f") {word}" in text or text.startswith(f"{word}:"):
                counts[word] += 1
                break
    click.echo("-- " + ", ".join(f"{n} {w}" for w, n in counts.items()))
