"""Read a small file tenderlint itself depends on (config, rule pack, baseline, cache entry) safely.

Only a regular file is read: a FIFO would block the run for ever and a device such as /dev/zero would
never end. Reading stops one byte past `limit`, so a file that is bigger (or grows) is refused
rather than read into memory.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

CHUNK = 1024 * 1024


def read_regular(path: Path | str, limit: int) -> bytes:
    """The bytes of `path`, or OSError: not a regular file (EINVAL), bigger than `limit` (EFBIG)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb", buffering=0) as handle:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(path))
        if not stat.S_ISREG(mode):
            raise OSError(errno.EINVAL, "not a regular file (a pipe, socket or device)", str(path))
        return read_bounded(handle, limit, str(path))


def read_bounded(handle: BinaryIO, limit: int, name: str = "") -> bytes:
    """Read to the end in chunks (one `read(limit)` would allocate `limit` bytes up front, however
    small the file); EFBIG past `limit`."""
    data = read_at_most(handle, limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"larger than {limit:,} bytes", name)
    return data


def read_at_most(handle: BinaryIO, most: int) -> bytes:
    """Up to `most` bytes, read in chunks."""
    chunks: list[bytes] = []
    size = 0
    while size < most:
        chunk = handle.read(min(CHUNK, most - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)
