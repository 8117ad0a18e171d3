"""`tenderlint lint PATH...`: lint files and folders and report the findings."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from tenderlint import __version__
from tenderlint.errors import ConfigError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITIES = ("error", "warning", "info")


def _split(values: tuple[str, ...]) -> tuple[str, ...] | None:
    items = tuple(item.strip() for value in values for item in value.split(",") if item.strip())
    return items or None


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--format", "output_format", default="text", show_default=True, help="Output format: text or json."
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=str), help="Write the report to a file."
)
@click.option(
    "--select", multiple=True, help="Only these rules: codes, prefixes (TL2) or names, comma-separated."
)
@click.option("--ignore", multiple=True, help="Skip these rules: codes, prefixes or names, comma-separated.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), help="Lowest severity that makes the exit code 1.")
@click.option(
    "--config", "config_file", type=click.Path(exists=True, dir_okay=False), help="Use this config file."
)
@click.option("--stdin-filename", help="Name (and so format and config) for text read from '-'.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True)
@click.option("--debug", is_flag=True, help="Show tracebacks for internal errors.")
def lint(
    paths: tuple[str, ...],
    output_format: str,
    output: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    config_file: str | None,
    stdin_filename: str | None,
    color: str,
    debug: bool,
) -> None:
    """Lint documents (.docx, .pdf, .odt, .md, .txt, .html) and folders of them; '-' reads stdin."""
    from tenderlint.config import load_file, settings_for_dir
    from tenderlint.discover import discover
    from tenderlint.engine import FileError, FileResult, linter_for
    from tenderlint.errors import CONFIG
    from tenderlint.reporters.base import ReportContext
    from tenderlint.ruleset import load_ruleset
    from tenderlint.yamlload import PackError

    if not paths:
        raise click.UsageError("give at least one file or folder to lint (or '-' for standard input)")
    overrides = {"select": _split(select), "ignore": _split(ignore), "fail_on": fail_on}
    try:
        explicit = load_file(Path(config_file)) if config_file else None
        root_settings = explicit or settings_for_dir(Path.cwd())
        reporters = _reporters()
        if output_format not in reporters:
            raise click.UsageError(
                f"unknown format {output_format!r}; choose from {', '.join(sorted(reporters))}"
            )
        citations = load_ruleset().citations
    except (ConfigError, PackError) as exc:
        _fail(str(exc))

    results: list[FileResult] = []
    fail_levels: dict[int, str] = {}
    for path in discover(paths, exclude=root_settings.exclude):
        display = (stdin_filename or "stdin") if path == "-" else path
        try:
            base = explicit or settings_for_dir(_config_dir(display))
            settings = base.with_overrides(**overrides)
            linter = linter_for(settings)
        except (ConfigError, PackError) as exc:
            results.append(FileResult(display, error=FileError(CONFIG, str(exc), "Fix the configuration.")))
            continue
        data = _read(path)
        if isinstance(data, FileError):
            results.append(FileResult(display, error=data))
            continue
        results.append(linter.lint_bytes(data, display))
        fail_levels[len(results) - 1] = settings.fail_on

    use_color = color == "always" or (
        color == "auto" and output is None and _isatty() and not os.environ.get("NO_COLOR")
    )
    context = ReportContext(citations=citations, color=use_color, debug=debug, version=__version__)
    report = reporters[output_format].render(results, context)
    _emit(report, output)
    sys.exit(_exit_code(results, fail_levels))


def _reporters() -> dict:
    from tenderlint.plugin.host import plugin_manager

    manager, warnings = plugin_manager()
    for warning in warnings:
        click.echo(f"tenderlint: warning: {warning}", err=True)
    return {name: r for group in manager.hook.tenderlint_reporters() for name, r in group.items()}


def _config_dir(display: str) -> Path:
    path = Path(display).resolve() if display != "stdin" else Path.cwd()
    return path.parent if not path.is_dir() else path


def _read(path: str):
    from tenderlint.engine import FileError
    from tenderlint.errors import UNREADABLE

    try:
        if path == "-":
            return sys.stdin.buffer.read()
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return FileError(UNREADABLE, "No such file or folder.", "Check the path.")
    except IsADirectoryError:
        return FileError(UNREADABLE, "This is a folder, not a file.", "")
    except OSError as exc:
        return FileError(UNREADABLE, f"The file cannot be read ({exc.strerror}).", "Check its permissions.")


def _exit_code(results: list, fail_levels: dict[int, str]) -> int:
    """2 if any file could not be linted; else 1 if any finding is at or above its file's fail level."""
    if any(result.error for result in results):
        return EXIT_ERROR
    rank = {"info": 0, "warning": 1, "error": 2}
    for index, result in enumerate(results):
        if any(f.severity.rank >= rank[fail_levels[index]] for f in result.findings):
            return EXIT_FINDINGS
    return EXIT_CLEAN


def _emit(report: str, output: str | None) -> None:
    if output is None:
        click.echo(report, nl=False)
        return
    from tenderlint.atomic import write_atomic

    write_atomic(Path(output), report.encode("utf-8"))


def _isatty() -> bool:
    return sys.stdout.isatty()


def _fail(message: str) -> None:
    click.echo(f"tenderlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)
