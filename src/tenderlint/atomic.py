"""Write output files atomically, so an interrupted run never leaves a half-written report."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Replace a regular file (or create one) via a temporary file in the same folder. A device or
    pipe (`-o /dev/null`, `/dev/stdout`, a FIFO) is written to, never replaced: renaming over it would
    swap the device node for a plain file."""
    path = path.resolve()
    try:
        mode_now = path.stat().st_mode
    except FileNotFoundError:
        mode_now = None
    if mode_now is not None and not stat.S_ISREG(mode_now):
        with open(path, "wb") as handle:
            handle.write(data)
        return
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    mode = mode_now & 0o777 if mode_now is not None else 0o666 & ~umask
    try:
        os.chmod(temp, mode)  # mkstemp makes 0600; a report should get the usual permissions
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
