"""Hypothesis profiles for the LaTeX tests.

``dev`` (the default) keeps ``pytest tests/latex`` quick; ``ci`` runs enough examples that the
LaTeX fuzz tests together try more than 5000 inputs. Choose with HYPOTHESIS_PROFILE=ci.

The profiles are registered here but not loaded globally (that would change every other
hypothesis test in the session): the LaTeX tests apply :data:`PROFILE` themselves.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {
    # No deadline: a time limit per example fails on a loaded machine (speed lives in benchmarks/).
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.filter_too_much],
}
settings.register_profile("ci", max_examples=1800, derandomize=True, **_COMMON)
settings.register_profile("dev", max_examples=120, **_COMMON)

_NAME = os.environ.get("HYPOTHESIS_PROFILE", "dev")
PROFILE = settings.get_profile(_NAME if _NAME in ("ci", "dev") else "dev")


def scaled(fraction: float, at_least: int = 20) -> settings:
    """The profile with a fraction of its examples, for tests whose examples are slow."""
    return settings(PROFILE, max_examples=max(at_least, int(PROFILE.max_examples * fraction)))
