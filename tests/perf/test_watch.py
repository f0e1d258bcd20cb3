"""Watch mode: a change to a watched file is re-checked and shown."""

from __future__ import annotations

import os
import subprocess
import sys
import time

GOOD = r"""
[symbols]
a = "positive"
b = "positive"
[[steps]]
label = "1"
claim = '\log(a b) = \log a + \log b'
"""


def test_watch_rechecks_a_changed_file(tmp_path):
    f = tmp_path / "d.toml"
    f.write_text(GOOD, encoding="utf-8")
    env = {**os.environ, "EQCHAIN_CACHE_DIR": str(tmp_path / "c")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "eqchain", "check", "--watch", "--max-rechecks", "1", str(f)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        first = proc.stdout.readline()
        assert "(1) verified" in first
        proc.stdout.readline()  # summary
        time.sleep(0.5)  # let the watcher start
        f.write_text(GOOD.replace(r"\log a + \log b", r"\log a - \log b"), encoding="utf-8")
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert "(1) refuted" in out
    assert "1 refuted" in out
    assert proc.returncode == 0, err
