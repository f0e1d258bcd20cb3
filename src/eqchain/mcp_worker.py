"""The MCP server's worker: a child process that runs the tools, and its supervisor.

Why a process: the MCP SDK runs tools off the main thread (a worker thread or the event loop),
where the per-step time limit of :mod:`eqchain.check.timeout` cannot work (it uses signals,
which only the main thread receives): measured, a step that the limit cuts at 2 s in the main
thread was still running after 60 s in a thread. The worker runs every call in its own main
thread, so the limit applies as in ``eqchain check``. The supervisor also watches it: the worker
reports each finished step, and when it stays silent longer than a step's time limit plus
:data:`GRACE` (a computation no signal can interrupt, such as one huge integer product) it is
killed, the call is a tool error, and a fresh worker answers the next call. A worker that runs
out of memory (its address space is limited to :data:`MEMORY_LIMIT`) or dies is replaced too.
The server itself never runs SymPy, so it keeps answering.
"""

from __future__ import annotations

import multiprocessing as mp
import threading
import time
from typing import Any

# Silence allowed beyond the step time limit: reading the input (formulas are read outside
# the step's limit), loading the modules in a fresh worker, writing the report.
GRACE = 60.0
MAX_CALL = 600.0  # seconds one call may take in all, however often it reports progress
MEMORY_LIMIT = 2 * 1024**3  # bytes of address space for the worker, as in the hostile tests


class ToolFailure(Exception):
    """A call that has no answer but a message: invalid input, or a worker stopped."""


class Worker:
    """One worker process, started on first use and replaced when it is killed or dies.

    Calls are served one at a time (a lock); each returns the tool's data or raises
    ToolFailure. A call may stay silent for its step time limit plus ``grace`` seconds, and
    take ``max_call`` seconds in all (:data:`MAX_CALL`: the worker is not held by one call for
    hours). Thread-safe: the SDK calls tools from worker threads."""

    def __init__(
        self,
        grace: float = GRACE,
        max_call: float = MAX_CALL,
        memory_limit: int | None = MEMORY_LIMIT,
    ):
        self._grace = grace
        self._max_call = max_call
        self._memory_limit = memory_limit
        self._lock = threading.Lock()  # one call at a time
        self._current_lock = threading.Lock()  # guards _current, for cancel()
        self._current: threading.Event | None = None
        self._process = None
        self._conn = None

    @property
    def pid(self) -> int | None:
        """The worker's process id, while there is one."""
        return self._process.pid if self._process is not None else None

    def start(self) -> None:
        """Start the worker now (it loads SymPy and the checker while the client connects)."""
        with self._lock:
            self._ensure_started()

    def call(
        self,
        tool: str,
        arguments: dict[str, Any],
        timeout: float,
        cancelled: threading.Event | None = None,
    ) -> Any:
        """Run ``tool`` with ``arguments`` in the worker; ``timeout`` is the per-step limit.
        ``cancelled`` identifies the call to :meth:`cancel`."""
        with self._lock:
            if cancelled is not None and cancelled.is_set():
                raise ToolFailure("the call was cancelled")
            self._ensure_started()
            with self._current_lock:
                self._current = cancelled
            try:
                try:
                    self._conn.send((tool, arguments, timeout))
                except (OSError, ValueError):
                    self._stop()
                    raise ToolFailure(
                        "the checker process was not running; try again (a fresh one starts)"
                    ) from None
                return self._answer(timeout + self._grace)
            finally:
                with self._current_lock:
                    self._current = None

    def cancel(self, cancelled: threading.Event) -> None:
        """Cancel the call made with ``cancelled``: it will not start, or, running, its worker
        is stopped (a fresh one answers the next call). Does not wait for the call."""
        cancelled.set()
        with self._current_lock:
            if self._current is cancelled and self._process is not None:
                self._process.kill()

    def close(self) -> None:
        with self._lock:
            self._stop()

    def _answer(self, silence: float) -> Any:
        deadline = time.monotonic() + self._max_call
        while True:
            left = deadline - time.monotonic()
            if not self._conn.poll(max(0.0, min(silence, left))):
                self._stop()
                if left <= silence:
                    raise ToolFailure(
                        f"the call took more than {self._max_call:g} s and was stopped; "
                        "check a shorter piece or give a smaller timeout"
                    )
                raise ToolFailure(
                    f"no answer within {silence:g} s (the step time limit plus {self._grace:g} s "
                    "to read the input): the computation was stopped; split the input or give a "
                    "smaller timeout"
                )
            try:
                kind, value = self._conn.recv()
            except (EOFError, OSError):
                code = self._stop(wait=1.0)
                raise ToolFailure(
                    f"the checker process died (exit status {code}); a fresh one answers the "
                    "next call"
                ) from None
            if kind == "progress":
                continue
            if kind == "ok":
                return value
            if kind == "fatal":  # out of memory: the worker exits after saying so
                self._stop()
            raise ToolFailure(value)

    def _ensure_started(self) -> None:
        if self._process is not None and self._process.is_alive():
            return
        self._stop()
        # spawn, not fork: the server runs threads (the SDK's), and a forked child could
        # inherit a lock one of them held
        ctx = mp.get_context("spawn")
        parent, child = ctx.Pipe(duplex=True)
        process = ctx.Process(
            target=serve, args=(child, self._memory_limit), name="eqchain-mcp-worker", daemon=True
        )
        process.start()
        child.close()
        self._process, self._conn = process, parent

    def _stop(self, wait: float = 0.0) -> int | None:
        """Stop the worker, killed unless it ends within ``wait`` seconds; its exit status."""
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if conn is not None:
            conn.close()
        if process is None:
            return None
        process.join(wait)
        if process.is_alive():
            process.kill()
            process.join(5)
        return process.exitcode


# -- in the worker process ---------------------------------------------------------------------


def serve(conn, memory_limit: int | None) -> None:
    """The worker's loop: receive ``(tool, arguments, timeout)``, send ``("progress", n)`` after
    each checked step and then ``("ok", data)`` or ``("error", message)``; ``("fatal",
    message)`` and exit when out of memory. Ends when the server closes the pipe."""
    _limit_memory(memory_limit)
    import eqchain.api  # noqa: F401 - load the checker before the first call
    import eqchain.check.engine  # noqa: F401
    import eqchain.mcp_tools  # noqa: F401

    while True:
        try:
            tool, arguments, timeout = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            conn.send(("ok", run(tool, arguments, timeout, conn)))
        except MemoryError:
            conn.send(("fatal", "out of memory: the input is too large to check"))
            return
        except ToolFailure as err:
            conn.send(("error", str(err)))
        except BaseException as err:  # noqa: BLE001 - the worker answers whatever happens
            if isinstance(err, KeyboardInterrupt | SystemExit):
                return
            conn.send(("error", _message(err)))


def run(tool: str, arguments: dict[str, Any], timeout: float, conn=None) -> Any:
    """Call the tool function of :mod:`eqchain.mcp_tools`, reporting steps on ``conn``."""
    from eqchain import mcp_tools

    steps = 0

    def on_step(_result) -> None:
        nonlocal steps
        steps += 1
        if conn is not None:
            conn.send(("progress", steps))

    if tool == "rules":
        return mcp_tools.rules()
    if tool == "derive":
        report, stopped = mcp_tools.derive(**arguments, timeout=timeout, on_step=on_step)
        return {"report": report, "stopped": stopped}
    functions = {
        "check": mcp_tools.check_text,
        "check_step": mcp_tools.check_step,
        "maximize": mcp_tools.maximize,
    }
    if tool not in functions:
        raise ToolFailure(f"unknown tool '{tool}'")
    return functions[tool](**arguments, timeout=timeout, on_step=on_step)


def _message(err: BaseException) -> str:
    from eqchain.errors import EqchainError

    if isinstance(err, EqchainError):
        return str(err)
    if isinstance(err, RecursionError):
        return "input nested too deeply"
    return f"internal error: {type(err).__name__}: {err}"


def _limit_memory(limit: int | None) -> None:
    if not limit:
        return
    try:
        import resource

        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or hard > limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        pass  # no limit on this platform: the supervisor's watch still applies
