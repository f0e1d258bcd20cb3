"""The per-step time limit holds even when its first interruption is swallowed (a signal
handler's exception raised inside a garbage-collector callback or ``__del__`` is only printed)."""

import time

import pytest

from eqchain.check.timeout import StepTimeout, taken, time_limit


def _burn(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_a_swallowed_interruption_is_raised_again():
    swallowed = 0
    started = time.process_time()
    with pytest.raises(StepTimeout):
        with time_limit(0.2):
            for _ in range(3):  # without the re-raise the block would end normally here
                try:
                    _burn(1.0)
                except StepTimeout:
                    swallowed += 1  # as Python does in a gc callback: the work goes on
                    if swallowed > 1:
                        raise
    assert swallowed == 2
    assert time.process_time() - started < 2.0


def test_a_timeout_taken_on_purpose_is_not_raised_again():
    with time_limit(0.2) as limited:
        assert limited
        try:
            _burn(10.0)
        except StepTimeout:
            taken()
        _burn(0.6)  # finishing up after the limit: no second raise
