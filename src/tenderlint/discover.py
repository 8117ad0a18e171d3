"""Turn command-line paths into the list of files to lint, in a stable order."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from tenderlint.excludes import Excludes
from tenderlint.parsers.detect import DOCUMENT_EXTENSIONS

# Files we cannot read but that are clearly documents: reported with advice rather than skipped.
LEGACY_EXTENSIONS = {".doc", ".rtf", ".xls", ".docm", ".wpd"}
SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache"}


def discover(
    paths: Iterable[str],
    excludes_for: Callable[[Path], Excludes] | None = None,
    respect_gitignore: bool = True,
) -> Iterator[str]:
    """Explicit files are always yielded (even of unknown type or missing, so they get an error);
    folders are walked for document files, skipping hidden and tool folders, the exclude patterns of
    the folder's configuration (`excludes_for(folder)`) and, by default, files git ignores."""
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            exclude = excludes_for(path) if excludes_for else Excludes((), path)
            found_files = list(_walk(path, exclude))
            # A folder named on the command line is linted even when git ignores it as a whole;
            # only what git ignores inside it is skipped.
            named_ignored = respect_gitignore and bool(git_ignored(path.parent, [str(path)]))
            ignored = git_ignored(path, found_files) if respect_gitignore and not named_ignored else set()
            for found in found_files:
                if found in ignored:
                    continue
                if found not in seen:
                    seen.add(found)
                    yield found
        elif raw not in seen:
            seen.add(raw)
            yield raw


def _walk(root: Path, exclude: Excludes) -> Iterator[str]:
    wanted = DOCUMENT_EXTENSIONS | LEGACY_EXTENSIONS
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(
            d
            for d in dirs
            if d not in SKIP_DIRS
            and not d.startswith(".")
            and not exclude.matches(os.path.join(folder, d), is_dir=True)
        )
        for name in sorted(files):
            full = os.path.join(folder, name)
            if (
                Path(name).suffix.lower() in wanted
                and not name.startswith("~$")
                and not exclude.matches(full)
            ):
                yield full


def git_ignored(root: Path, files: list[str]) -> set[str]:
    """The subset of `files` that git ignores, or nothing when git or a repository is absent."""
    if not files:
        return set()
    try:
        proc = subprocess.run(
            ["git", "-C", str(root), "check-ignore", "--stdin", "-z"],
            # Bytes, not text: a file name need not be UTF-8 (Python keeps such bytes as surrogates).
            input=b"\0".join(os.fsencode(os.path.relpath(f, root)) for f in files) + b"\0",
            capture_output=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    if proc.returncode not in (0, 1):
        return set()
    return {os.path.join(root, os.fsdecode(name)) for name in proc.stdout.split(b"\0") if name}
