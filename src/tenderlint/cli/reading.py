"""What `profile` and `outline` share: read each file as `lint` reads it (regular files only, in a
killable worker under the file's limits), and report a file that could not be read as data."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from tenderlint.engine import FileResult
    from tenderlint.workers import Task


@contextmanager
def command_errors() -> Iterator[None]:
    """A configuration or pack error ends the command with exit 2, Ctrl-C with 130, never a traceback."""
    from tenderlint.errors import ConfigError
    from tenderlint.yamlload import PackError

    try:
        yield
    except (ConfigError, PackError) as exc:
        click.echo(f"tenderlint: error: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("tenderlint: interrupted", err=True)
        sys.exit(130)


def read_files(paths: tuple[str, ...], work: Callable[[Task], FileResult], jobs: int = 1) -> list[FileResult]:
    """Run `work` on every file in workers; a configuration error or Ctrl-C ends the command (2, 130)."""
    from tenderlint.runner import Runner, RunOptions

    with command_errors():
        return Runner(RunOptions(jobs=jobs, work=work)).run(paths)


def entry(result: FileResult) -> dict:
    """One file's output: its path with what the worker read, or with its error."""
    if result.error:
        return {"path": result.path, "error": {"code": result.error.code, "message": result.error.message}}
    return {"path": result.path, **result.data}
