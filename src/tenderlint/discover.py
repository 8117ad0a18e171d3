"""Turn command-line paths into the list of files to lint, in a stable order."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from tenderlint.parsers.detect import DOCUMENT_EXTENSIONS

# Files we cannot read but that are clearly documents: reported with advice rather than skipped.
LEGACY_EXTENSIONS = {".doc", ".rtf", ".xls", ".docm", ".wpd"}
SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache"}


def discover(paths: Iterable[str], exclude: tuple[str, ...] = ()) -> Iterator[str]:
    """Explicit files are always yielded (even of unknown type or missing, so they get an error);
    folders are walked for document files, skipping hidden and tool folders and `exclude` globs."""
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for found in _walk(path, exclude):
                if found not in seen:
                    seen.add(found)
                    yield found
        elif raw not in seen:
            seen.add(raw)
            yield raw


def _walk(root: Path, exclude: tuple[str, ...]) -> Iterator[str]:
    wanted = DOCUMENT_EXTENSIONS | LEGACY_EXTENSIONS
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(
            d for d in dirs if d not in SKIP_DIRS and not d.startswith(".") and not _excluded(d, exclude)
        )
        for name in sorted(files):
            full = os.path.join(folder, name)
            if (
                Path(name).suffix.lower() in wanted
                and not name.startswith("~$")
                and not _excluded(full, exclude)
            ):
                yield full


def _excluded(path: str, patterns: tuple[str, ...]) -> bool:
    name = os.path.basename(path)
    return any(fnmatch.fnmatch(path, p) or fnmatch.fnmatch(name, p) for p in patterns)
