"""Writing output files so that a reader never sees half a file.

:func:`write_atomic` writes into a temporary file next to the target, flushes it to disk and
renames it over the target in one step (``os.replace``). If anything fails on the way (the data
raises, the disk is full, the directory is not writable) the target is left as it was and the
temporary file is removed.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

Data = str | bytes | Iterable[str | bytes]


def write_atomic(path: str | os.PathLike[str], data: Data) -> None:
    """Write ``data`` to ``path`` atomically.

    ``data`` is text (written as UTF-8, newlines untouched), bytes, or an iterable of text or
    bytes chunks (consumed while writing; an exception it raises aborts the write). A new file
    gets the usual permissions (``0o666`` less the umask); an existing file keeps its mode.
    Raises what the failure raised (``OSError``, the iterable's exception); on any failure no
    new file and no temporary file are left behind.
    """
    target = Path(path)
    directory = target.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as tmp:
            for chunk in _chunks(data):
                tmp.write(chunk)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.chmod(tmp_name, _mode_for(target))
        os.replace(tmp_name, target)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise
    _fsync_directory(directory)


def _chunks(data: Data) -> Iterable[bytes]:
    if isinstance(data, str):
        yield data.encode("utf-8")
    elif isinstance(data, (bytes, bytearray, memoryview)):
        yield bytes(data)
    else:
        for chunk in data:
            if isinstance(chunk, str):
                yield chunk.encode("utf-8")
            elif isinstance(chunk, (bytes, bytearray, memoryview)):
                yield bytes(chunk)
            else:
                raise TypeError(f"cannot write a {type(chunk).__name__}; give text or bytes")


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable; not every system can open a directory, so best effort."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
