"""Hypothesis profiles for the soundness tests, chosen by the HYPOTHESIS_PROFILE variable.

* ``dev`` (default): a few hundred examples, for a quick local run;
* ``ci``: what ``.ci/run`` uses (it exports HYPOTHESIS_PROFILE=ci): the loader fuzz runs at least
  5,000 examples (with the LaTeX reader fuzz in tests/latex, over 10,000 in CI);
* ``long``: 100,000 examples and more, for a nightly or a hunt.

Profiles are global to the pytest process: one is registered here only when no other conftest
registered it first, and the profile named by the variable is loaded.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis.errors import InvalidArgument

PROFILES = {
    "dev": dict(max_examples=300),
    "ci": dict(max_examples=5_000),
    "long": dict(max_examples=100_000),
}

for _name, _options in PROFILES.items():
    try:
        settings.get_profile(_name)
    except InvalidArgument:
        settings.register_profile(
            _name,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
            print_blob=True,
            **_options,
        )

try:
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
except InvalidArgument:  # a profile nobody registered: say so, and run the default
    print(f"unknown HYPOTHESIS_PROFILE {os.environ.get('HYPOTHESIS_PROFILE')!r}; using 'dev'")
    settings.load_profile("dev")
