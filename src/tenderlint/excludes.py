"""Exclude patterns, matched as git matches .gitignore lines, relative to the config file that set them.

`exclude = ["drafts/*"]` must mean the same folder whether tenderlint is run from the repository root,
from a parent folder, or on an absolute path: patterns are anchored on the config file's folder, never
on the working directory or on the path as typed.
"""

from __future__ import annotations

import os
from pathlib import Path

from tenderlint.config import Settings


class Excludes:
    """One configuration's `exclude` and `extend-exclude` patterns, rooted at its folder."""

    def __init__(self, patterns: tuple[str, ...], base: Path) -> None:
        self.base = _real(base)
        self.spec = None
        if patterns:  # pathspec is imported only then: it is a noticeable part of a one-file run's start-up
            import pathspec

            self.spec = pathspec.GitIgnoreSpec.from_lines(patterns)

    @classmethod
    def from_settings(cls, settings: Settings) -> Excludes:
        """Patterns from the settings, rooted where their config file is (the working folder if none)."""
        base = Path(settings.source.split(" [")[0]).parent if settings.source else Path.cwd()
        return cls(settings.exclude + settings.extend_exclude, base)

    def matches(self, path: str | Path, is_dir: bool = False) -> bool:
        """True when `path` (a file, or a folder with `is_dir`) is excluded; paths outside the config
        file's folder never are."""
        if self.spec is None:
            return False
        relative = os.path.relpath(_real(Path(path)), self.base)
        if relative == "." or relative.startswith(".." + os.sep) or relative == "..":
            return False
        relative = relative.replace(os.sep, "/") + ("/" if is_dir else "")
        return self.spec.match_file(relative)


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a link loop: the absolute path as given
        return Path(os.path.abspath(path))
