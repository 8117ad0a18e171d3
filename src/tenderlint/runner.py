"""Lint a set of paths: discover files, find each file's settings, read, lint. Shared by every command.

Every path given yields a result (a file that cannot be read or configured becomes an error result),
so nothing is ever skipped silently; only `--force-exclude` drops explicitly named files, on request.
"""

from __future__ import annotations

import fnmatch
import importlib
import io
import os
import stat
import sys
import zipfile
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from tenderlint import cache, errors, limits
from tenderlint.config import Settings, load_file, settings_for_dir
from tenderlint.discover import discover
from tenderlint.engine import FileError, FileResult, linter_for
from tenderlint.errors import ConfigError, InputError
from tenderlint.excludes import Excludes
from tenderlint.gcpause import collector_paused
from tenderlint.limits import Limits, check_file_size
from tenderlint.packs import find_packs, judge_packs
from tenderlint.parsers.detect import detect_format
from tenderlint.readfile import read_at_most
from tenderlint.workers import Task, Work, WorkerPool, can_isolate, lint_task
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
    # Called as progress(done, total) after each file; None for no progress display.
    progress: Callable[[int, int], None] | None = None
    isolate: bool = True  # lint in killable worker processes (where fork exists) to enforce limits
    pack: bool = False  # every document given is one tender pack (else packs come from marker files)
    # What a worker does with each file: lint it (the default), or another reading such as a profile.
    # Anything but linting is never cached.
    work: Work = lint_task
    extend_select: tuple[str, ...] = ()  # added to each file's `select` (no effect when it selects all)


class Runner:
    def __init__(self, options: RunOptions) -> None:
        self.options = options
        self.explicit = load_file(Path(options.config_file)) if options.config_file else None
        self.root = self.explicit or settings_for_dir(Path.cwd())

    def excludes_for(self, folder: Path) -> Excludes:
        """The exclude patterns that apply in `folder`: the --config file's, else the nearest config's."""
        return Excludes.from_settings(self.explicit or settings_for_dir(_resolve(str(folder))))

    def files(self, paths: tuple[str, ...]) -> Iterator[str]:
        walked = discover(
            paths, excludes_for=self.excludes_for, respect_gitignore=self.root.respect_gitignore
        )
        for path in walked:
            if (
                path != "-"
                and path in paths
                and self.options.force_exclude
                and self.excludes_for(_config_dir(path)).matches(path)
            ):
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
        if self.options.extend_select and settings.select:
            settings = settings.with_overrides(select=settings.select + self.options.extend_select)
        extra = per_file_ignores(settings, display)
        return settings.with_overrides(ignore=settings.ignore + extra) if extra else settings

    def run(
        self, paths: tuple[str, ...], on_result: Callable[[int, FileResult], None] | None = None
    ) -> list[FileResult]:
        """Lint every file; results in input order. Cache hits and unreadable files are settled here;
        every other file is linted in a killable worker process (workers.py), `jobs` at a time.
        `on_result` is given each file's result once it is final, with its index in the results, in
        any order: as soon as the file is linted, or once its tender pack has been judged."""
        files = list(self.files(paths))
        results: list[FileResult | None] = [None] * len(files)
        packs = find_packs(files, self.options.pack)
        in_pack = {index for pack in packs for index in pack.members}
        progress = Progress(len(files), self.options.progress)

        def settle(index: int, result: FileResult) -> None:
            results[index] = progress.tick(result)
            if on_result is not None and index not in in_pack:
                on_result(index, result)

        isolate = self.options.isolate and can_isolate()
        try:
            with collector_paused() if isolate else nullcontext():  # linting in this process collects
                self._lint_files(files, settle, isolate)
        finally:
            progress.end()
        done = [result for result in results if result is not None]
        if len(done) != len(files):  # a bug: no file may ever be dropped silently
            raise RuntimeError("a file was left without a result")
        judge_packs(done, packs)
        for index in sorted(in_pack) if on_result is not None else ():
            on_result(index, done[index])
        return done

    def _lint_files(self, files: list[str], settle: Callable[[int, FileResult], None], isolate: bool) -> None:
        """Settle each file's result: from `prepare`, from a worker, or (not isolated) linted here."""
        pool: WorkerPool | None = None
        try:
            for index, path in enumerate(files):
                job = self.prepare(path, index)
                if isinstance(job, FileResult):
                    settle(index, job)
                    continue
                if not isolate:
                    settle(index, self.finish(job, self.options.work(job)))
                    continue
                if pool is None:
                    _warm(job)  # workers are forked from here, pipeline and parser loaded
                    pool = WorkerPool(self.options.jobs, self.options.work, ahead=1)
                for task, result in pool.submit(job):
                    settle(task.index, self.finish(task, result))
            for task, result in pool.drain() if pool else ():
                settle(task.index, self.finish(task, result))
        finally:
            if pool is not None:
                pool.close()  # on Ctrl-C too: no worker outlives the run

    def lint(self, path: str) -> FileResult:
        """Lint one file, in a worker under the file's limits like any run."""
        return self.run((path,))[0]

    def prepare(self, path: str, index: int) -> FileResult | Task:
        """Settings, bytes and cache lookup for one file: a finished result (error or cache hit) or a Task."""
        display = (self.options.stdin_filename or "stdin") if path == "-" else path
        try:
            settings = self.settings_for(display)
            linter_for(settings)
        except (ConfigError, PackError) as exc:
            return FileResult(display, error=FileError(errors.CONFIG, str(exc), "Fix the configuration."))
        data = read_input(path, Limits.from_settings(settings))
        if isinstance(data, FileError):
            return FileResult(display, error=data)
        cached = self.options.use_cache and path != "-" and self.options.work is lint_task
        key = cache.cache_key(data, display, settings) if cached else None
        hit = cache.load(key) if key else None
        if hit is not None:
            hit.path, hit.fail_on = display, settings.fail_on
            return hit
        task = Task(index, display, data, settings, key)
        refused = _refused_by_header(task)
        return self.finish(task, refused) if refused else task

    def finish(self, task: Task, result: FileResult) -> FileResult:
        result.fail_on = task.settings.fail_on
        if task.key:
            cache.store(task.key, result)
        return result


def _refused_by_header(task: Task) -> FileResult | None:
    """Files refused on their first bytes or zip directory alone (empty, legacy Office, RTF, damaged
    archive, wrong type) need no worker and no language pipeline. Detection unpacks only a zip's
    `mimetype` entry, so an archive whose `mimetype` claims to be large is left to a worker, as is
    any archive big enough to hold a directory of many thousands of entries."""
    if task.data.startswith(b"PK"):
        if len(task.data) > limits.MB:
            return None
        try:
            with zipfile.ZipFile(io.BytesIO(task.data)) as archive:
                if any(i.filename == "mimetype" and i.file_size > 1024 for i in archive.infolist()):
                    return None
        except Exception:  # detect_format reports a damaged archive itself
            pass
    try:
        detect_format(task.data, task.display)
    except InputError as exc:
        return FileResult(task.display, error=FileError(exc.code, exc.message, exc.hint))
    except Exception:  # anything else is for the worker's guard to report
        return None
    return None


def _warm(task: Task) -> None:
    """Load the pipeline, and the libraries the first file's parser needs, before forking: workers
    then share them instead of each loading its own under its memory ceiling."""
    libraries = {b"PK": ("lxml.etree", "docx"), b"%P": ("pypdfium2",)}.get(task.data[:2], ())
    try:
        linter_for(task.settings).warm()
        for module in libraries:
            importlib.import_module(module)
    except Exception:  # e.g. a pipeline that is not installed: reported for each file by the worker
        pass


class Progress:
    """Counts finished files for an optional progress display."""

    def __init__(self, total: int, show: Callable[[int, int], None] | None) -> None:
        self.total, self.done, self.show = total, 0, show

    def tick(self, result: FileResult) -> FileResult:
        self.done += 1
        if self.show is not None:
            self.show(self.done, self.total)
        return result

    def end(self) -> None:
        if self.show is not None:
            self.show(-1, self.total)


def per_file_ignores(settings: Settings, display: str) -> tuple[str, ...]:
    """Codes ignored for this file by `per-file-ignores` globs (relative to the config file's folder)."""
    if not settings.per_file_ignores:
        return ()
    base = Path(settings.source.split(" [")[0]).parent if settings.source else Path.cwd()
    try:
        relative = os.path.relpath(_resolve(display), _resolve(str(base)))
    except ValueError:
        relative = display
    relative = relative.replace(os.sep, "/")
    codes: list[str] = []
    for pattern, ignored in settings.per_file_ignores:
        if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(Path(display).name, pattern):
            codes.extend(ignored)
    return tuple(codes)


def _config_dir(display: str) -> Path:
    path = _resolve(display) if display != "stdin" else Path.cwd()
    return path if path.is_dir() else path.parent


def _resolve(display: str) -> Path:
    """The real path; for a link loop or a path that cannot be resolved, the absolute path as given
    (the file is then reported as unreadable, instead of the run stopping)."""
    try:
        return Path(display).resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(display))


def read_input(path: str, limit: Limits) -> bytes | FileError:
    """The file's bytes, or why they cannot be had. Only regular files are read (a FIFO or device could
    block or never end), and nothing over max-file-size-mb is read at all."""
    try:
        if path == "-":
            data = read_at_most(sys.stdin.buffer, limit.max_file_bytes + 1)
            check_file_size(len(data), limit)
            return data
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            mode = os.fstat(fd).st_mode
            if stat.S_ISDIR(mode):
                return FileError(errors.UNREADABLE, "This is a folder, not a file.", "")
            if not stat.S_ISREG(mode):
                return FileError(
                    errors.UNREADABLE,
                    "This is not a regular file (it is a pipe, socket or device), so it was not read.",
                    "Copy the document to a file and lint that.",
                )
            check_file_size(os.fstat(fd).st_size, limit)
            data = read_at_most(handle, limit.max_file_bytes + 1)
            check_file_size(len(data), limit)  # it grew while being read
            return data
    except InputError as exc:
        return FileError(exc.code, exc.message, exc.hint)
    except FileNotFoundError:
        if os.path.islink(path):
            return FileError(errors.UNREADABLE, "This is a link to a file that does not exist.", "")
        return FileError(errors.UNREADABLE, "No such file or folder.", "Check the path.")
    except IsADirectoryError:
        return FileError(errors.UNREADABLE, "This is a folder, not a file.", "")
    except OSError as exc:
        return FileError(
            errors.UNREADABLE, f"The file cannot be read ({exc.strerror}).", "Check its permissions."
        )
