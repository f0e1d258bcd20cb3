"""A per-step time limit that interrupts SymPy wherever it is.

The limit counts the CPU time this process spends (``ITIMER_PROF``: user and system time), not
the wall clock: a step gets the same work whether the machine is quiet or busy with other
processes, so its verdict does not depend on the load. SymPy is pure Python, so a timer signal can
interrupt it between bytecodes. The exception derives
from BaseException so that SymPy's own ``except Exception`` blocks cannot swallow it. Off the main
thread (where signals cannot be used) the limit is not enforced and the caller is told so.

An exception raised by a signal handler while Python runs a garbage-collector callback or a
``__del__`` method is not propagated: Python prints it as "Exception ignored" and the interrupted
work goes on. (Hypothesis installs such a callback; a step checked after a property test once ran
43 s past its 1 s limit and was decided.) So the handler arms the timer again: while the limit's
exception has not left the block, it is raised again every :data:`REFIRE` seconds of CPU time. A
caller that catches the exception inside the block to finish quickly (the refuter's search for
simpler values) says so with :func:`taken`, which stops the re-firing.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager

REFIRE = 0.25  # seconds of CPU time between raises once the limit has run out


class StepTimeout(BaseException):  # noqa: N818 - it is a signal, not an error
    """The time limit of one step ran out."""


def _can_use_signals() -> bool:
    return (
        threading.current_thread() is threading.main_thread()
        and hasattr(signal, "setitimer")
        and hasattr(signal, "SIGPROF")
    )


@contextmanager
def time_limit(seconds: float | None):
    """Raise :class:`StepTimeout` inside the block once it has used ``seconds`` of CPU time."""
    if not seconds or seconds <= 0 or not _can_use_signals():
        yield False
        return

    active = [True]

    def on_alarm(signum, frame):
        if not active[0]:
            return  # delivered while the block is being left: nothing to interrupt
        signal.setitimer(signal.ITIMER_PROF, REFIRE)  # again, should this raise be swallowed
        raise StepTimeout()

    previous = signal.signal(signal.SIGPROF, on_alarm)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield True
    finally:
        active[0] = False
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def taken() -> None:
    """The limit's :class:`StepTimeout` was caught inside the block on purpose (to end a part of
    the work early): stop raising it again. The block must then finish quickly."""
    if _can_use_signals():
        signal.setitimer(signal.ITIMER_PROF, 0)
