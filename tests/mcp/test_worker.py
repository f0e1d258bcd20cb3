"""The worker's supervisor: a worker silent past the step limit plus its grace is stopped, the
call is a tool error, and the next call gets a fresh worker."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from eqchain.mcp_worker import ToolFailure, Worker

SAME = {"previous": "a", "next": "a"}
MINUTES = r"\sum_{k=1}^{3000} \frac{1}{k^{k}+x} = \sum_{k=1}^{3000} \frac{1}{k^{k}+x+1}"


def test_a_silent_worker_is_stopped_and_the_next_call_gets_a_fresh_one(monkeypatch):
    monkeypatch.setenv("EQCHAIN_NO_CACHE", "1")
    worker = Worker(grace=0.2)
    try:
        assert worker.call("check_step", SAME, timeout=60)["status"] == "verified"  # loaded
        # 4000 formulas to read (and their document to parse) before the first step: far
        # more than 0.3 s of silence, even for a reader that takes a millisecond a formula
        text = "\n\n".join(
            f"$$ (a + {i})^{{2}} = a^{{2}} + {2 * i} a + {i * i} $$" for i in range(4000)
        )
        started = time.monotonic()
        with pytest.raises(ToolFailure, match=r"no answer within 0\.3 s"):
            worker.call("check", {"text": text}, timeout=0.1)
        assert time.monotonic() - started < 5.0
        assert worker.call("check_step", SAME, timeout=60)["status"] == "verified"
    finally:
        worker.close()


def test_a_worker_killed_during_a_call_is_a_tool_error_and_is_replaced():
    worker = Worker()
    try:
        worker.call("check_step", SAME, timeout=60)
        pid = worker.pid
        threading.Timer(1.0, os.kill, (pid, signal.SIGKILL)).start()
        with pytest.raises(ToolFailure, match=r"the checker process died \(exit status -9\)"):
            worker.call("check", {"text": f"$$ {MINUTES} $$"}, timeout=30)
        assert worker.call("check_step", SAME, timeout=60)["status"] == "verified"
        assert worker.pid not in (None, pid)
    finally:
        worker.close()
