"""Running a SymPy call under a time limit, in a child process that can be killed.

SymPy's ``solve`` can run for a very long time and cannot be interrupted from another thread, so
it runs in a forked child; past the limit the child is killed (by its own pid) and the caller
gets ``Outcome("timeout")``. Results travel back pickled, so they must be picklable (SymPy
expressions are).
"""

from __future__ import annotations

import multiprocessing as mp
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Outcome:
    """``status`` is ``"ok"`` (``value`` holds the result), ``"timeout"`` or ``"error"``
    (``message`` says what the child raised)."""

    status: str
    value: Any = None
    message: str = ""


def _context():
    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if "fork" in methods else "spawn")


def _child(conn, fn, args) -> None:
    try:
        result = fn(*args)
        conn.send(("ok", result, ""))
    except BaseException as err:  # noqa: BLE001 - everything goes back to the parent
        conn.send(("error", None, f"{type(err).__name__}: {err}\n{traceback.format_exc(limit=3)}"))
    finally:
        conn.close()


def call_with_timeout(fn: Callable, args: tuple, timeout: float) -> Outcome:
    """Run ``fn(*args)`` in a child process; never raises for what the child does.

    Returns within about ``timeout`` seconds (plus the time to pickle the result back).
    """
    ctx = _context()
    receiver, sender = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(sender, fn, args), daemon=True)
    proc.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            return Outcome("timeout", message=f"no answer within {timeout:g} s")
        try:
            status, value, message = receiver.recv()
        except EOFError:
            return Outcome("error", message=f"the child process died (exit {proc.exitcode})")
        return Outcome(status, value, message)
    finally:
        receiver.close()
        if proc.is_alive():
            proc.kill()
        proc.join()
        if hasattr(proc, "close"):
            proc.close()
