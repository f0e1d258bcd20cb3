"""The worker's supervisor: a worker silent past the step limit plus its grace is stopped, the
call is a tool error, and the next call gets a fresh worker."""

from __future__ import annotations

import time

import pytest

from eqchain.mcp_worker import ToolFailure, Worker

SAME = {"previous": "a", "next": "a"}


def test_a_silent_worker_is_stopped_and_the_next_call_gets_a_fresh_one(monkeypatch):
    monkeypatch.setenv("EQCHAIN_NO_CACHE", "1")
    worker = Worker(grace=0.2)
    try:
        assert worker.call("check_step", SAME, timeout=60)["status"] == "verified"  # loaded
        # 400 formulas to read before the first step: far more than 0.3 s of silence
        text = "\n".join(
            f"$$ (a + {i})^{{2}} = a^{{2}} + {2 * i} a + {i * i} $$" for i in range(400)
        )
        started = time.monotonic()
        with pytest.raises(ToolFailure, match=r"no answer within 0\.3 s"):
            worker.call("check", {"text": text}, timeout=0.1)
        assert time.monotonic() - started < 5.0
        assert worker.call("check_step", SAME, timeout=60)["status"] == "verified"
    finally:
        worker.close()
