"""Reading input files safely: regular files only, of bounded size.

A named pipe (FIFO), a device or a socket given as a derivation file would block the reader or
never end; they are refused before they are opened.
"""

from __future__ import annotations

import os
import stat

from eqchain.errors import InputError


def regular_file_error(path: str) -> InputError | None:
    """An InputError when ``path`` exists but is not a regular file (nor a folder), else None."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None  # missing or unreadable: the caller's open() reports it
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        kind = "a named pipe (FIFO)"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    else:
        kind = "a special file"
    return InputError(f"{kind}, not a regular file: refusing to read it", path)


def read_input(path: str, max_bytes: int) -> bytes:
    """The first ``max_bytes + 1`` bytes of the regular file ``path``; InputError otherwise.

    The file is opened without blocking and checked again once open, so that a FIFO put in its
    place after the first check cannot make the read wait for a writer."""
    err = regular_file_error(path)
    if err is not None:
        raise err
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as e:
        raise InputError(f"cannot read file: {e.strerror}", path) from None
    except ValueError:
        raise InputError("cannot read file: invalid file name", path) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError("cannot read file: Is a directory", path)
        if not stat.S_ISREG(mode):
            raise InputError("not a regular file: refusing to read it", path)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read(max_bytes + 1)
    except OSError as e:
        raise InputError(f"cannot read file: {e.strerror}", path) from None
    finally:
        os.close(fd)


def read_text(path: str, max_bytes: int, data: bytes | None = None) -> str:
    """The UTF-8 text of ``path`` (or of ``data``, already read from it), at most ``max_bytes``
    bytes; InputError, with the line of a bad byte, otherwise."""
    if data is None:
        data = read_input(path, max_bytes)
    if len(data) > max_bytes:
        raise InputError(f"file too large (more than {max_bytes} bytes)", path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError("not UTF-8 text", path, data[: err.start].count(b"\n") + 1) from None
