"""Errors for invalid input: they carry the place (file, line, column) they point at."""

from __future__ import annotations


class EqchainError(Exception):
    """Base class of every error eqchain reports to the user (exit status 2)."""


class InputError(EqchainError):
    """Invalid input, reported as ``file:line:column: message``.

    ``line`` and ``column`` are 1-based; either may be ``None`` when unknown.
    """

    def __init__(
        self,
        message: str,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __reduce__(self):  # keep the place when sent between processes (check --jobs)
        return (type(self), (self.message, self.path, self.line, self.column))

    def located(
        self, path: str | None = None, line: int | None = None, column: int | None = None
    ) -> InputError:
        """Return a copy with the missing parts of the place filled in."""
        return InputError(
            self.message,
            self.path or path,
            self.line if self.line is not None else line,
            self.column if self.column is not None else column,
        )

    def __str__(self) -> str:
        place = ":".join(str(p) for p in (self.path, self.line, self.column) if p is not None)
        return f"{place}: {self.message}" if place else self.message


class LatexError(InputError):
    """LaTeX that cannot be read faithfully; ``column`` is the offset within the formula."""


class UnsupportedLatex(LatexError):
    """A construct with no faithful SymPy meaning (``\\nabla``, ``\\mathbb{E}``, ...)."""
