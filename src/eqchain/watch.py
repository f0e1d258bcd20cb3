"""``eqchain check --watch``: re-check on every save and show only what changed.

Every file is known by one key, its resolved path (watchfiles reports absolute paths, the
command line may name relative ones), and shown under the name it was first seen by. After each
change the changed files are checked again, every step whose verdict line differs from the last
check is printed, and then a summary of all the files' current verdicts. The folders holding
the named files are watched, not the files themselves, so a file saved by rename (``sed -i``,
editors that write a temporary file and move it over the old one) is still watched. A file that
cannot be loaded is reported (with file and line) and the watch goes on; an unreadable formula
is a step like any other.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from eqchain.errors import InputError

COUNTED = ("verified", "refuted", "unknown", "unreadable", "error")


def _entries(path: str, options: dict, shown: str | None = None) -> dict:
    """``(status, text)`` per step of ``path``, keyed by (derivation, step position); a file
    that cannot be loaded is one entry keyed ``"error"``. ``shown`` is the name printed."""
    from eqchain.api import check_input

    shown = shown or path
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
            error = str(d.error)
            if error.startswith(path):  # the place names the file as it is shown
                error = shown + error[len(path) :]
            out["error"] = ("error", f"error: {error}")
            continue
        for s_index, r in enumerate(d.results):
            label = r.step.label or (
                f"line {r.step.place.line}"
                if r.step.place and r.step.place.line
                else f"step {s_index + 1}"
            )
            rules = ", ".join(r.rules)
            text = f"{shown}: ({label}) {r.verdict.value}"
            if rules:
                text += f"  {rules}"
            if r.reason and r.verdict.value in ("refuted", "unknown", "unreadable"):
                text += f"  [{r.reason}]"
            out[(d_index, s_index)] = (r.verdict.value, text)
    return out


def _lines(path: str, options: dict) -> dict:
    """One text line per step of ``path``, keyed by (derivation, step position)."""
    return {key: text for key, (_, text) in _entries(path, options).items()}


def _key(path) -> str:
    return os.path.realpath(path)


def _shown(path: str) -> str:
    """A name for a file first seen through the watcher: relative to the working folder when
    it is inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


def watch_and_check(
    paths, options: dict, max_rechecks: int | None = None, echo=click.echo, stop_event=None
) -> None:
    """Check ``paths`` now and after every change; return after ``max_rechecks`` re-checks
    (for tests) or when ``stop_event`` is set, else run until interrupted. ``echo`` prints a
    line. InputError when none of ``paths`` exists."""
    from watchfiles import watch

    from eqchain.load import NO_EQUATIONS, SUFFIXES, Found, collect_each, is_derivation_toml

    files: dict[str, dict] = {}  # resolved path -> its entries
    names: dict[str, str] = {}  # resolved path -> the name it is shown by
    globs = options.get("globs", ())
    for f in collect_each(paths, skipped=[], globs=globs):
        if isinstance(f, str):
            key = _key(f)
            names[key] = str(f)
            entries = _entries(str(f), options)
            if isinstance(f, Found) and _no_equations(entries, NO_EQUATIONS):
                continue
            files[key] = entries
        else:
            files[_key(f.path or "?")] = {"error": ("error", f"error: {f}")}
    for entries in files.values():
        for _, text in entries.values():
            echo(text)
    _summary(files, echo)
    sys.stdout.flush()

    named_files = {_key(p) for p in paths if Path(p).is_file()}
    folders = [_key(p) for p in paths if Path(p).is_dir()]
    roots = sorted(set(folders) | {os.path.dirname(f) for f in named_files})
    if not roots:
        raise InputError("nothing to watch: no such file or folder", ", ".join(map(str, paths)))

    def relevant(path: str) -> bool:
        key = _key(path)
        if key in named_files:
            return True
        for folder in folders:
            if key.startswith(folder + os.sep):
                inside = Path(key[len(folder) + 1 :])
                if globs:
                    return any(inside.match(g) for g in globs)
                return inside.suffix.lower() in SUFFIXES
        return False

    rechecks = 0
    for changes in watch(
        *roots,
        watch_filter=lambda _change, path: relevant(path),
        recursive=bool(folders),
        debounce=200,
        step=50,
        rust_timeout=1000,
        yield_on_timeout=False,
        stop_event=stop_event,
    ):
        changed = sorted({_key(p) for _, p in changes if relevant(p)})
        for key in changed:
            old = files.get(key, {})
            if not Path(key).exists():  # deleted (a rename may bring it back: watched still)
                if old:
                    files.pop(key)
                    echo(f"{names.get(key, _shown(key))}: removed")
                continue
            if key not in named_files and key.lower().endswith(".toml"):
                if not is_derivation_toml(key):
                    continue
            name = names.setdefault(key, _shown(key))
            new = _entries(key, options, name)
            if key not in named_files and _no_equations(new, NO_EQUATIONS):
                files.pop(key, None)
                continue
            for entry_key, (_, text) in new.items():
                if old.get(entry_key, (None, None))[1] != text:
                    echo(text)
            files[key] = new
        if not changed:
            continue
        _summary(files, echo)
        sys.stdout.flush()
        rechecks += 1
        if max_rechecks is not None and rechecks >= max_rechecks:
            return


def _no_equations(entries: dict, message: str) -> bool:
    """Whether ``entries`` are only the error of a document with no displayed equation."""
    error = entries.get("error")
    return len(entries) == 1 and error is not None and error[1].endswith(message)


def _summary(files: dict, echo=click.echo) -> None:
    """``-- 1 verified, 1 refuted, ...``: the current verdicts of every file, each step once."""
    counts = dict.fromkeys(COUNTED, 0)
    for entries in files.values():
        for status, _ in entries.values():
            if status in counts:
                counts[status] += 1
    echo("-- " + ", ".join(f"{n} {w}" for w, n in counts.items()))
