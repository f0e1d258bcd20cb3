"""While the workers check the last files, the parent imports what the output needs once a
worker has nothing left to take (a core is free): rich is not imported after the results."""

from __future__ import annotations

import threading
from concurrent.futures import Future

from eqchain import cli as cli_module


def test_the_parent_waits_until_fewer_files_are_running_than_workers():
    futures = [Future() for _ in range(3)]
    returned = threading.Event()

    def wait():
        cli_module._when_a_worker_is_free(futures, 2)
        returned.set()

    waiter = threading.Thread(target=wait)
    waiter.start()
    futures[0].set_result(None)
    assert not returned.wait(0.2)  # two still running: both workers busy
    futures[2].set_result(None)
    waiter.join(10)
    assert returned.is_set()


def test_the_output_modules_of_each_format_are_imported():
    import sys

    cli_module._output_modules("json")
    cli_module._output_modules("concise")
    assert "eqchain.render.json" in sys.modules
    assert "eqchain.render.diagnostics" in sys.modules
