"""The Python API: lint files or a string from your own code, with the same results as the command line.

    import tenderlint
    results = tenderlint.lint_paths(["tenders/"], select=["TL2"])
    for result in results:
        for finding in result.findings:
            print(result.path, finding.code, finding.location.describe(), finding.message)

    result = tenderlint.lint_text("The Council will pay an hourly rate.", filename="draft.md")

Both run in the calling process (no worker processes, so no per-file time limit) and read the same
configuration files as the command line, found from each file's folder (or `config`). A file that
cannot be read is a result with `error` set, never an exception; a bad configuration or an unknown
rule selector raises `tenderlint.errors.ConfigError`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tenderlint.engine import FileResult
    from tenderlint.runner import Runner

__all__ = ["lint_paths", "lint_text"]

PathLike = str | os.PathLike[str]


def lint_paths(
    paths: Iterable[PathLike],
    *,
    config: PathLike | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    use_cache: bool = False,
) -> list[FileResult]:
    """Lint files and folders (walked as the command line walks them); one result per document found."""
    runner = _runner(config, select, ignore, use_cache)
    return runner.run(tuple(os.fspath(path) for path in paths))


def lint_text(
    text: str,
    filename: str = "document.md",
    *,
    config: PathLike | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
) -> FileResult:
    """Lint a string; `filename` decides the format (`.md`, `.txt`, `.html`) and which config applies."""
    from tenderlint import errors
    from tenderlint.engine import FileError, FileResult, linter_for
    from tenderlint.errors import ConfigError
    from tenderlint.workers import Task, lint_task
    from tenderlint.yamlload import PackError

    runner = _runner(config, select, ignore, use_cache=False)
    try:
        settings = runner.settings_for(filename)
        linter_for(settings)
    except (ConfigError, PackError) as exc:
        return FileResult(filename, error=FileError(errors.CONFIG, str(exc), "Fix the configuration."))
    task = Task(0, filename, text.encode("utf-8"), settings)
    return runner.finish(task, lint_task(task))


def _runner(
    config: PathLike | None, select: Sequence[str] | None, ignore: Sequence[str] | None, use_cache: bool
) -> Runner:
    from tenderlint.ruleset import load_ruleset
    from tenderlint.runner import Runner, RunOptions
    from tenderlint.selectors import check_selectors

    metas = load_ruleset().metas
    for option, values in (("select", select), ("ignore", ignore)):
        if isinstance(values, str):
            raise TypeError(f"{option} must be a list of rule codes, prefixes or names, not a string")
        check_selectors(values or (), metas, option)
    overrides = {"select": tuple(select) if select else None, "ignore": tuple(ignore) if ignore else None}
    options = RunOptions(
        os.fspath(config) if config is not None else None, overrides, use_cache=use_cache, isolate=False
    )
    return Runner(options)
