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

Limits nest: inside a running limit (a step's), a part of the work with a limit of its own (the
check of a given for a contradiction) runs under the earlier of the two, and the outer limit gets
back what is left of it when the inner block ends (spent, it fires at once).
"""

from __future__ import annotations

import gc
import signal
import threading
import time
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
    """Raise :class:`StepTimeout` inside the block once it has used ``seconds`` of CPU time (or
    an outer limit that runs out first has: that one then interrupts the block as usual)."""
    if not seconds or seconds <= 0 or not _can_use_signals():
        yield False
        return
    outer, _ = signal.getitimer(signal.ITIMER_PROF)  # 0.0: no limit running
    if outer and outer <= seconds:
        started = time.process_time()
        try:
            yield True
        finally:
            # the outer limit's raise caught in the block on purpose (:func:`taken`) stopped
            # its timer: arm it again with what is left, so that it still ends the outer block
            if signal.getitimer(signal.ITIMER_PROF)[0] == 0:
                left = outer - (time.process_time() - started)
                signal.setitimer(signal.ITIMER_PROF, max(left, 0.001))
        return

    active = [True]

    def on_alarm(signum, frame):
        if not active[0]:
            return  # delivered while the block is being left: nothing to interrupt
        signal.setitimer(signal.ITIMER_PROF, REFIRE)  # again, should this raise be swallowed
        if _in_gc_callback(frame):
            return  # Python would swallow it there (and report it): the refire raises it after
        raise StepTimeout()

    started = time.process_time()
    previous = signal.signal(signal.SIGPROF, on_alarm)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield True
    finally:
        active[0] = False
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
        if outer:  # give the outer limit back what is left of it
            left = outer - (time.process_time() - started)
            signal.setitimer(signal.ITIMER_PROF, max(left, 0.001))


def _in_gc_callback(frame, depth: int = 8) -> bool:
    """Whether ``frame`` (or one of the few frames around it) runs a garbage collector callback
    (hypothesis registers one): an exception raised there is ignored, and reported as an
    unraisable exception."""
    codes = {getattr(cb, "__code__", None) for cb in gc.callbacks}
    while frame is not None and depth > 0:
        if frame.f_code in codes:
            return True
        frame, depth = frame.f_back, depth - 1
    return False


def time_left() -> float | None:
    """CPU seconds left of the time limit running, or None when none is (or none can be)."""
    if not _can_use_signals():
        return None
    left, _ = signal.getitimer(signal.ITIMER_PROF)
    return left or None


def taken() -> None:
    """The limit's :class:`StepTimeout` was caught inside the block on purpose (to end a part of
    the work early): stop raising it again. The block must then finish quickly."""
    if _can_use_signals():
        signal.setitimer(signal.ITIMER_PROF, 0)
