import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory):
    """Tests never read or write the user's cache: one fresh cache directory per test run,
    shared by pytest-xdist's worker processes (the cache writes each entry atomically), as it
    is shared by the tests of a run in one process."""
    previous = os.environ.get("EQCHAIN_CACHE_DIR")
    if os.environ.get("PYTEST_XDIST_WORKER"):  # basetemp is <the run's folder>/popen-gwN
        cache = tmp_path_factory.getbasetemp().parent / "eqchain-cache"
        cache.mkdir(exist_ok=True)
    else:
        cache = tmp_path_factory.mktemp("eqchain-cache")
    os.environ["EQCHAIN_CACHE_DIR"] = str(cache)
    yield
    if previous is None:
        os.environ.pop("EQCHAIN_CACHE_DIR", None)
    else:
        os.environ["EQCHAIN_CACHE_DIR"] = previous


FLAGSHIP = sorted((Path(__file__).resolve().parents[1] / "derivations").glob("*.toml"))
FLAGSHIP_TIMEOUT = 10.0  # seconds per step: the checker's default, as `eqchain check` uses


@pytest.fixture(scope="session")
def flagship_reports():
    """Every file of derivations/ checked once per test run, in this process (the API's
    ``check_derivations`` with the default time limit): file name -> Report. Tests that read
    the verdicts of the flagship derivations share this one run (issue 17) instead of checking
    the folder again; a test about a different time limit, or about the command line, checks
    for itself. Reports are frozen dataclasses: read them, never change them."""
    from eqchain.api import check_derivations
    from eqchain.load import load

    return {path.name: check_derivations(load(str(path)), FLAGSHIP_TIMEOUT) for path in FLAGSHIP}


# The test files that take the most CPU, run first: pytest-xdist hands each worker one file at a
# time (``--dist loadfile``) in the order collected, so a long file collected last (the mutation
# campaign sorts after most folders) ran alone at the end while the other worker sat idle.
# Longest first evens the two workers' loads (issue 17); every other file keeps its order.
HEAVY_FIRST = (
    "tests/soundness/test_mutations.py",
    "tests/corpus/test_reach.py",
    "tests/check/test_law_moments.py",
    "tests/soundness/test_hostile.py",
    "tests/soundness/test_dropped_assumptions.py",
)


def pytest_collection_modifyitems(session, config, items):
    root = Path(__file__).resolve().parents[1]

    def rank(item) -> int:
        try:
            name = Path(item.fspath).resolve().relative_to(root).as_posix()
        except ValueError:
            return len(HEAVY_FIRST)
        return HEAVY_FIRST.index(name) if name in HEAVY_FIRST else len(HEAVY_FIRST)

    items.sort(key=rank)
