"""Loading derivations: TOML derivation files, Markdown, LaTeX and reST documents."""

from __future__ import annotations

import sys
import types
from pathlib import Path

from eqchain.errors import InputError

SUFFIXES = {
    ".toml": "toml",
    ".md": "markdown",
    ".markdown": "markdown",
    ".qmd": "markdown",  # Quarto: Pandoc's Markdown
    ".rmd": "markdown",  # R Markdown: Pandoc's Markdown
    ".tex": "latex",
    ".rst": "rest",  # reStructuredText: Sphinx's math directives (eqchain.load.rest)
}


def load(path: str, **options) -> tuple:
    """Load one file as a tuple of Derivations, by its suffix; InputError for a file that
    cannot be loaded. A formula that cannot be read is not an error: it is a step with
    ``unreadable`` set (the checker reports it as such)."""
    from eqchain.load.files import regular_file_error

    err = regular_file_error(path)
    if err is not None:
        raise err
    kind = SUFFIXES.get(Path(path).suffix.lower())
    if kind is None:
        raise InputError(f"unsupported file type (use {', '.join(sorted(SUFFIXES))})", path)
    if kind == "toml":
        from eqchain.load.toml_file import load_toml

        return load_toml(path, cross_check=options.get("cross_check", False))
    from eqchain.load.document import load_document

    return (load_document(path, kind, **options),)


# What a folder walk finds: derivation files and documents. A TOML file holds a derivation
# when it has one of these tables (else it is some other TOML file: pyproject.toml, a
# benchmark's labels), and a document when it has a displayed equation.
DERIVATION_TABLES = ("steps", "derivations", "maximize", "minimize")
NO_EQUATIONS = "no displayed equations found"


class Found(str):
    """A file a folder walk found (or one named with ``skip_unrelated``): when it turns out to
    hold no derivation (a document without displayed equations) it is skipped, not an error."""

    __slots__ = ()


def collect(paths) -> list[str]:
    """Files named, and the derivation files (``*.toml``) in folders named, in a stable order.
    Raises InputError for the first path that cannot be used, or when no file is found."""
    out: list[str] = []
    for item in collect_each(paths, documents=False):
        if isinstance(item, InputError):
            raise item
        out.append(str(item))
    return out


def collect_each(
    paths,
    documents: bool = True,
    skipped: list | None = None,
    skip_unrelated: bool = False,
    globs: tuple[str, ...] = (),
) -> list[str | InputError]:
    """Like :func:`collect`, but never raises: a path that cannot be used (missing, a named
    pipe, a folder with no derivation files) is an InputError in the list, in its place.

    Folders are walked for every suffix of :data:`SUFFIXES` (``documents=False``: ``*.toml``
    only), in a stable order; a TOML file found there that has none of the
    :data:`DERIVATION_TABLES` is not a derivation file and is skipped (appended to ``skipped``
    when given), while a TOML file named explicitly is always checked (and is an error when it
    holds no derivation). Files found are :class:`Found` strings; with ``skip_unrelated``
    (pre-commit, which names every TOML and Markdown file of a repository) named files are
    treated as found too. ``globs`` (``"posts/*.md"``) choose what a folder walk takes instead
    of the suffixes, matched against the path inside the folder as :meth:`Path.match` does."""
    from eqchain.load.files import regular_file_error

    suffixes = tuple(SUFFIXES) if documents else (".toml",)
    out: list[str | InputError] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = [
                Found(f)
                for f in sorted(path.rglob("*"))
                if _wanted(f.relative_to(path), suffixes, globs) and f.is_file()
            ]
            found = _derivation_files(found, skipped)
            if not found:
                out.append(InputError("no derivation files found", str(p)))
        elif path.exists():
            found = [Found(path) if skip_unrelated else str(path)]
            if skip_unrelated:
                found = _derivation_files(found, skipped)
        else:
            out.append(InputError("no such file or folder", str(p)))
            continue
        for name in found:  # a FIFO would block the reader (and the cache) forever
            err = regular_file_error(name)
            out.append(name if err is None else err)
    if not out and skipped:
        return out  # every file named holds no derivation: nothing to report
    if not out:
        out.append(InputError("no derivation files found", ", ".join(map(str, paths))))
    return out


def _wanted(relative: Path, suffixes: tuple, globs: tuple) -> bool:
    if globs:
        return any(relative.match(g) for g in globs)
    return relative.suffix.lower() in suffixes


def _derivation_files(found: list, skipped: list | None) -> list:
    """``found`` without the TOML files that are not derivation files."""
    out = []
    for name in found:
        if name.lower().endswith(".toml") and not is_derivation_toml(name):
            if skipped is not None:
                skipped.append(str(name))
            continue
        out.append(name)
    return out


def holds_no_derivation(item, part) -> bool:
    """Whether ``part``, the report entries of input ``item``, says that a file a folder walk
    found (:class:`Found`) is a document without displayed equations: skipped, not an error."""
    error = part[0].error if len(part) == 1 else None
    return isinstance(item, Found) and error is not None and error.message == NO_EQUATIONS


def is_derivation_toml(path: str) -> bool:
    """Whether a TOML file holds a derivation (one of :data:`DERIVATION_TABLES`). A file that
    cannot be read or parsed counts as one, so that its error is reported."""
    import tomllib

    if not Path(path).is_file():
        return True  # a named pipe, say: reported as such, never opened here
    try:
        with open(path, "rb") as fh:
            doc = tomllib.loads(fh.read().decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError, ValueError):
        return True
    return any(key in doc for key in DERIVATION_TABLES)


def load_text(name: str, data: bytes, kind: str, **options) -> tuple:
    """Load a text that is not a file (standard input) as ``kind`` (``toml``, ``markdown`` or
    ``latex``), reported under ``name``; InputError as :func:`load`."""
    if kind == "toml":
        from eqchain.load.toml_file import load_toml

        return load_toml(name, data, cross_check=options.get("cross_check", False))
    from eqchain.load.document import load_document

    return (load_document(name, kind, data=data, **options),)


class _CallableModule(types.ModuleType):
    """``eqchain.load(path)`` is the public API (:func:`eqchain.api.load`), and ``eqchain.load``
    is also this package: once the package is imported, Python binds the name to the module,
    so the module itself answers the call."""

    def __call__(self, path: str, **options):
        from eqchain.api import load as api_load

        return api_load(path, **options)


sys.modules[__name__].__class__ = _CallableModule
