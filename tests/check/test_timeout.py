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


def test_a_limit_inside_a_limit_gives_the_outer_one_back():
    with time_limit(30.0):
        with time_limit(0.2):
            try:
                _burn(5.0)
            except StepTimeout:
                pass
        import signal

        left, _ = signal.getitimer(signal.ITIMER_PROF)
        assert 25 < left <= 30


def test_an_outer_limit_that_runs_out_first_interrupts_the_inner_block():
    started = time.process_time()
    with pytest.raises(StepTimeout):
        with time_limit(0.3):
            with time_limit(20.0):
                _burn(5.0)
    assert time.process_time() - started < 2.0


def test_an_outer_limit_spent_inside_the_inner_block_fires_after_it():
    started = time.process_time()
    with pytest.raises(StepTimeout):
        with time_limit(0.3):
            with time_limit(0.5):  # the outer 0.3 is earlier: the inner sets none of its own
                try:
                    _burn(5.0)
                except StepTimeout:
                    taken()  # the inner caller finishes quickly...
            _burn(5.0)  # ...and the outer limit still ends the outer block
    assert time.process_time() - started < 2.0
