"""Lint a set of paths: discover files, find each file's settings, read, lint. Shared by every command.

Every path given yields a result (a file that cannot be read or configured becomes an error result),
so nothing is ever skipped silently; only `--force-exclude` drops explicitly named files, on request.
"""

from __future__ import annotations

import fnmatch
import multiprocessing
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tenderlint import cache, errors
from tenderlint.config import Settings, load_file, settings_for_dir
from tenderlint.discover import discover, is_excluded
from tenderlint.engine import FileError, FileResult, linter_for
from tenderlint.errors import ConfigError
from tenderlint.yamlload import PackError


@dataclass
class RunOptions:
    config_file: str | None = None
    overrides: dict = field(default_factory=dict)
    stdin_filename: str | None = None
    force_exclude: bool = False
    only: set[str] | None = None  # resolved paths to keep (from --diff-base); None keeps all
    use_cache: bool = True
    jobs: int = 1


class Runner:
    def __init__(self, options: RunOptions) -> None:
        self.options = options
        self.explicit = load_file(Path(options.config_file)) if options.config_file else None
        self.root = self.explicit or settings_for_dir(Path.cwd())

    def files(self, paths: tuple[str, ...]) -> Iterator[str]:
        exclude = self.root.exclude + self.root.extend_exclude
        for path in discover(paths, exclude=exclude, respect_gitignore=self.root.respect_gitignore):
            if path != "-" and path in paths and self.options.force_exclude and is_excluded(path, exclude):
                continue
            if (
                self.options.only is not None
                and path != "-"
                and str(Path(path).resolve()) not in self.options.only
            ):
                continue
            yield path

    def settings_for(self, display: str) -> Settings:
        base = self.explicit or settings_for_dir(_config_dir(display))
        settings = base.with_overrides(**self.options.overrides)
        extra = per_file_ignores(settings, display)
        return settings.with_overrides(ignore=settings.ignore + extra) if extra else settings

    def run(self, paths: tuple[str, ...]) -> list[FileResult]:
        """Lint every file, in order; with jobs > 1, cache misses go to a pool of forked workers."""
        files = list(self.files(paths))
        if self.options.jobs <= 1 or len(files) < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return [self.lint(path) for path in files]
        results: dict[int, FileResult] = {}
        misses: list[tuple[int, str]] = []
        for index, path in enumerate(files):
            hit = self.lint(path, cached_only=True) if path != "-" else self.lint(path)
            if hit is None:
                misses.append((index, path))
            else:
                results[index] = hit
        if len(misses) < 2:
            results.update((index, self.lint(path)) for index, path in misses)
        else:
            self._lint_in_pool(misses, results)
        return [results[index] for index in range(len(files))]

    def _lint_in_pool(self, misses: list[tuple[int, str]], results: dict[int, FileResult]) -> None:
        global _WORKER_RUNNER
        _WORKER_RUNNER = self
        linter_for(self.settings_for(misses[0][1])).warm()  # workers inherit the loaded pipeline
        context = multiprocessing.get_context("fork")
        with context.Pool(min(self.options.jobs, len(misses))) as pool:
            for (index, _), result in zip(
                misses, pool.imap(_lint_worker, [p for _, p in misses]), strict=True
            ):
                results[index] = result

    def lint(self, path: str, cached_only: bool = False) -> FileResult | None:
        """Lint one file (or, with cached_only, return its cached result or None)."""
        display = (self.options.stdin_filename or "stdin") if path == "-" else path
        try:
            settings = self.settings_for(display)
            linter = linter_for(settings)
        except (ConfigError, PackError) as exc:
            return FileResult(display, error=FileError(errors.CONFIG, str(exc), "Fix the configuration."))
        data = read_input(path)
        if isinstance(data, FileError):
            return FileResult(display, error=data)
        key = cache.cache_key(data, display, settings) if self.options.use_cache and path != "-" else None
        hit = cache.load(key) if key else None
        if hit is not None:
            hit.path, hit.fail_on = display, settings.fail_on
            return hit
        if cached_only:
            return None
        result = linter.lint_bytes(data, display)
        result.fail_on = settings.fail_on
        if key:
            cache.store(key, result)
        return result


_WORKER_RUNNER: Runner | None = None


def _lint_worker(path: str) -> FileResult:
    """Runs in a forked worker: lint one file with the parent's runner and return only the result."""
    assert _WORKER_RUNNER is not None
    return _WORKER_RUNNER.lint(path)


def per_file_ignores(settings: Settings, display: str) -> tuple[str, ...]:
    """Codes ignored for this file by `per-file-ignores` globs (relative to the config file's folder)."""
    if not settings.per_file_ignores:
        return ()
    base = Path(settings.source.split(" [")[0]).parent if settings.source else Path.cwd()
    try:
        relative = os.path.relpath(Path(display).resolve(), base.resolve())
    except ValueError:
        relative = display
    relative = relative.replace(os.sep, "/")
    codes: list[str] = []
    for pattern, ignored in settings.per_file_ignores:
        if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(Path(display).name, pattern):
            codes.extend(ignored)
    return tuple(codes)


def _config_dir(display: str) -> Path:
    path = Path(display).resolve() if display != "stdin" else Path.cwd()
    return path if path.is_dir() else path.parent


def read_input(path: str) -> bytes | FileError:
    try:
        if path == "-":
            return sys.stdin.buffer.read()
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return FileError(errors.UNREADABLE, "No such file or folder.", "Check the path.")
    except IsADirectoryError:
        return FileError(errors.UNREADABLE, "This is a folder, not a file.", "")
    except OSError as exc:
        return FileError(
            errors.UNREADABLE, f"The file cannot be read ({exc.strerror}).", "Check its permissions."
        )
