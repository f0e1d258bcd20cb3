"""A content-addressed cache of what ``eqchain check`` printed, so that re-checking unchanged
files answers at once, without importing SymPy.

The key is a SHA-256 over everything the output depends on: eqchain's version and a fingerprint
of its installed source files (so an edited checker never reuses old verdicts), SymPy's version,
the rule table, the command and its options, and each input file's path and bytes. An entry is
only ever read back for an identical key, so a stale entry cannot be used. Entries are written
atomically; a damaged entry is ignored and replaced.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

FORMAT_VERSION = "1"


@dataclass(frozen=True)
class Entry:
    stdout: str
    exit_code: int


def cache_dir() -> Path:
    """``$EQCHAIN_CACHE_DIR`` if set, else the user's cache directory (platformdirs)."""
    env = os.environ.get("EQCHAIN_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("eqchain", appauthor=False))


def _source_fingerprint() -> str:
    """A digest of eqchain's own source files (names and contents)."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix not in (".py", ".json") or "__pycache__" in path.parts:
            continue
        h.update(str(path.relative_to(root)).encode("utf-8") + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def _rule_table_digest() -> str:
    from eqchain.rules import RULES

    return hashlib.sha256(repr(RULES).encode("utf-8")).hexdigest()


def _dependency_versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for name in ("sympy", "mpmath", "antlr4-python3-runtime", "latex2sympy2_extended"):
        try:
            out.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            out.append(f"{name}=none")
    return ",".join(out)


def key(command: str, options: dict, files: list[str]) -> str:
    """The cache key for running ``command`` with ``options`` over ``files`` (read here)."""
    from eqchain import __version__

    h = hashlib.sha256()
    header = {
        "format": FORMAT_VERSION,
        "eqchain": __version__,
        "source": _source_fingerprint(),
        "rules": _rule_table_digest(),
        "deps": _dependency_versions(),
        "command": command,
        "options": options,
    }
    h.update(json.dumps(header, sort_keys=True, default=str).encode("utf-8"))
    for name in files:
        h.update(b"\0file\0" + str(name).encode("utf-8") + b"\0")
        with open(name, "rb") as fh:
            h.update(hashlib.sha256(fh.read()).digest())
    return h.hexdigest()


def get(k: str) -> Entry | None:
    """The entry stored under ``k``, or None (missing or unreadable)."""
    path = cache_dir() / k[:2] / f"{k}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("key") != k:
            return None
        return Entry(data["stdout"], int(data["exit_code"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def put(k: str, entry: Entry) -> None:
    """Store ``entry`` under ``k``; failures to write are ignored (the cache is optional)."""
    directory = cache_dir() / k[:2]
    try:
        directory.mkdir(parents=True, exist_ok=True)
        from eqchain.output import write_atomic

        data = {"key": k, "stdout": entry.stdout, "exit_code": entry.exit_code}
        write_atomic(directory / f"{k}.json", json.dumps(data, ensure_ascii=False))
    except OSError:
        pass
