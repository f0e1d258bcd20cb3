import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory):
    """Tests never read or write the user's cache: one fresh cache directory per test run."""
    previous = os.environ.get("EQCHAIN_CACHE_DIR")
    os.environ["EQCHAIN_CACHE_DIR"] = str(tmp_path_factory.mktemp("eqchain-cache"))
    yield
    if previous is None:
        os.environ.pop("EQCHAIN_CACHE_DIR", None)
    else:
        os.environ["EQCHAIN_CACHE_DIR"] = previous
