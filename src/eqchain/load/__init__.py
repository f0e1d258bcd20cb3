"""Loading derivations: TOML derivation files, Markdown and LaTeX documents."""

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


def collect(paths) -> list[str]:
    """Files named, and the derivation files (``*.toml``) in folders named, in a stable order.
    Raises InputError for the first path that cannot be used, or when no file is found."""
    out: list[str] = []
    for item in collect_each(paths):
        if isinstance(item, InputError):
            raise item
        out.append(item)
    return out


def collect_each(paths) -> list[str | InputError]:
    """Like :func:`collect`, but never raises: a path that cannot be used (missing, a named
    pipe, a folder with no derivation files) is an InputError in the list, in its place."""
    from eqchain.load.files import regular_file_error

    out: list[str | InputError] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = [str(f) for f in sorted(path.rglob("*.toml")) if not f.is_dir()]
            if not found:
                out.append(InputError("no derivation files found", str(p)))
        elif path.exists():
            found = [str(path)]
        else:
            out.append(InputError("no such file or folder", str(p)))
            continue
        for name in found:  # a FIFO would block the reader (and the cache) forever
            err = regular_file_error(name)
            out.append(name if err is None else err)
    if not out:
        out.append(InputError("no derivation files found", ", ".join(map(str, paths))))
    return out


class _CallableModule(types.ModuleType):
    """``eqchain.load(path)`` is the public API (:func:`eqchain.api.load`), and ``eqchain.load``
    is also this package: once the package is imported, Python binds the name to the module,
    so the module itself answers the call."""

    def __call__(self, path: str, **options):
        from eqchain.api import load as api_load

        return api_load(path, **options)


sys.modules[__name__].__class__ = _CallableModule
