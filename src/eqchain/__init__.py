"""eqchain: check mathematical derivations step by step.

The public API is loaded lazily so that ``eqchain --help`` does not pay for SymPy.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "load", "check_path"]


def load(path):
    """Load a derivation file or document; see :func:`eqchain.api.load`."""
    from eqchain.api import load as _load

    return _load(path)


def check_path(path, **options):
    """Check a file or folder and return a Report; see :func:`eqchain.api.check_path`."""
    from eqchain.api import check_path as _check_path

    return _check_path(path, **options)
