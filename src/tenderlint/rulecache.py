"""A cache of loaded rule packs (and tables derived from data files) across runs, so that start-up does
not parse and check YAML every time.

Reading the built-in packs (YAML, concept inflections from the lemma table, regex safety checks) is
most of what a one-page run costs. The result is pickled in the user's cache folder under a key that
hashes every pack and citations file it was built from (path and content), tenderlint's version, the
Python version and the size and time of tenderlint's own modules. Anything unreadable, corrupt, foreign
or stale is ignored and rebuilt, never an error; packs that fail to load are never cached, so their
errors are raised on every run. Nothing is downloaded.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from tenderlint import __version__

FORMAT = 1
ENV_DIR = "TENDERLINT_RULESET_CACHE_DIR"  # a folder to use instead; set but empty turns the cache off
MAX_BYTES = 16 * 1024 * 1024  # as for a pack file (yamlload.MAX_BYTES)
KEEP = 8  # entries kept in the folder

T = TypeVar("T")


def cache_folder() -> Path | None:
    """$TENDERLINT_RULESET_CACHE_DIR, else tenderlint/rulesets in $XDG_CACHE_HOME or ~/.cache."""
    chosen = os.environ.get(ENV_DIR)
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "tenderlint" / "rulesets"


def cached(files: Sequence[Path], build: Callable[[], T]) -> T:
    """`build()`'s result for these source files, from the cache when an entry for their exact
    contents exists, else built and stored."""
    folder = cache_folder()
    key = _key(files) if folder is not None else None
    if folder is None or key is None:
        return build()
    entry = folder / f"{key}.pickle"
    found = _read(entry, key)
    if found is not None:
        return found
    value = build()
    _write(folder, entry, key, value)
    return value


def _key(files: Sequence[Path]) -> str | None:
    """A hash of everything the loaded packs depend on; None when a file cannot be read (a FIFO, a
    missing file), so the loader itself reports it."""
    from tenderlint.readfile import read_regular

    digest = hashlib.sha256(f"{FORMAT}:{__version__}:{sys.version}:{_code_signature()}".encode())
    for path in files:
        try:
            data = read_regular(path, MAX_BYTES)
        except (OSError, ValueError):
            return None
        name = os.fsencode(str(path))
        digest.update(b"%d:%s:%d:" % (len(name), name, len(data)))
        digest.update(data)
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _code_signature() -> str:
    """The size and time of every module of tenderlint, so that changing the code that reads packs (in
    a development checkout) invalidates the cache without a version change."""
    digest = hashlib.sha256()
    stack = [Path(__file__).parent]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for item in sorted(entries, key=lambda e: e.name):
                if item.is_dir(follow_symlinks=False) and item.name != "__pycache__":
                    stack.append(Path(item.path))
                elif item.name.endswith(".py"):
                    stat = item.stat()
                    digest.update(f"{item.path}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _read(entry: Path, key: str) -> object | None:
    """The cached value, or None when the entry is missing, damaged or not the one for `key`."""
    try:
        with open(entry, "rb") as handle:
            stored = pickle.load(handle)
    except Exception:  # missing, unreadable, truncated, from another version of a class: rebuild
        return None
    if isinstance(stored, tuple) and len(stored) == 3 and stored[:2] == (FORMAT, key):
        return stored[2]
    return None


def _write(folder: Path, entry: Path, key: str, value: object) -> None:
    """Store the value atomically (a concurrent run reads the old entry or the new, never half of one);
    a read-only or full disk only means the next run builds again."""
    temp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".ruleset.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            pickle.dump((FORMAT, key, value), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, entry)
        temp = None
        _prune(folder)
    except Exception:
        pass
    finally:
        if temp is not None:
            Path(temp).unlink(missing_ok=True)


def _prune(folder: Path) -> None:
    """Keep the newest KEEP entries: each edit of a pack (or of the code) makes a new one."""
    entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)
