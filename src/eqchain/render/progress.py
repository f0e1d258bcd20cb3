"""Progress of a long ``eqchain check`` on a terminal: on standard error, only when standard
error is an interactive terminal, and only once the run has lasted about a second (a quick
check prints nothing extra). It is transient (erased when done), so the report on standard
output is the same with or without it, and piped output never has any.
"""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # rich is imported only when a progress display is made
    from rich.console import Console

DELAY = 1.0  # seconds before the display appears


class CheckProgress:
    """Files done of ``total`` and steps checked in the current file. Use as a context
    manager; call :meth:`file` when a file starts, :meth:`step` after each step, :meth:`done`
    after each file. A no-op when ``console`` is not an interactive terminal."""

    def __init__(self, total: int, console: Console | None = None, delay: float = DELAY):
        if console is None:
            from rich.console import Console

            console = Console(stderr=True)
        self.console = console
        self.active = self.console.is_terminal and not self.console.is_dumb_terminal
        self.total = total
        self.delay = delay
        self.started = time.monotonic()
        self._bar = None
        self._task = None
        self._name = ""
        self._steps = 0
        self._files = 0

    def __enter__(self) -> CheckProgress:
        return self

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def file(self, name: str) -> None:
        self._name, self._steps = name, 0
        self._update()

    def step(self, _result=None) -> None:
        self._steps += 1
        self._update()

    def done(self, _part=None) -> None:
        self._files += 1
        self._update()

    def _update(self) -> None:
        if not self.active:
            return
        if self._bar is None:
            if time.monotonic() - self.started < self.delay:
                return
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )

            self._bar = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=self.console,
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("", total=self.total)
        what = f"checking {self._name}" if self._name else "checking"
        if self._steps:
            what += f" (step {self._steps})"
        self._bar.update(self._task, completed=self._files, description=what)


def wanted(fmt: str) -> bool:
    """Whether a run in format ``fmt`` may show progress: text and concise output, with
    standard error on a terminal (JSON, SARIF and GitHub output are for programs)."""
    return fmt in ("text", "concise") and sys.stderr.isatty()
