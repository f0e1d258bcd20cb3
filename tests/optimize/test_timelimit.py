"""The child process runner: results, errors and the time limit."""

from __future__ import annotations

import time

from eqchain.optimize.timelimit import call_with_timeout


def _slow():
    time.sleep(30)


def _boom():
    raise ValueError("nope")


def test_result_comes_back():
    assert call_with_timeout(pow, (2, 10), 10).value == 1024


def test_exception_comes_back_as_error():
    out = call_with_timeout(_boom, (), 10)
    assert out.status == "error" and "nope" in out.message


def test_child_past_the_limit_is_stopped():
    out = call_with_timeout(_slow, (), 0.2)
    assert out.status == "timeout"
