"""`tenderlint lint PATH...`: lint files and folders and report the findings."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tenderlint import __version__
from tenderlint.errors import ConfigError

if TYPE_CHECKING:
    from tenderlint.engine import FileResult
    from tenderlint.reporters.base import ReportContext
    from tenderlint.reporters.stream import PartRenderer, PartWriter

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITIES = ("error", "warning", "info")
RANK = {"info": 0, "warning": 1, "error": 2}


def _split(values: tuple[str, ...]) -> tuple[str, ...] | None:
    items = tuple(item.strip() for value in values for item in value.split(",") if item.strip())
    return items or None


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--format",
    "--output-format",
    "output_format",
    default="text",
    show_default=True,
    help="Output format: text, concise, json, jsonl, sarif, github, junit, gitlab or html.",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=str), help="Write the report to a file."
)
@click.option(
    "--select", multiple=True, help="Only these rules: codes, prefixes (TL2) or names, comma-separated."
)
@click.option("--ignore", multiple=True, help="Skip these rules: codes, prefixes or names, comma-separated.")
@click.option("--extend-select", multiple=True, help="Add these rules to the configured `select`.")
@click.option(
    "--min-severity", type=click.Choice(SEVERITIES), help="Report only findings at or above this severity."
)
@click.option("-q", "--quiet", is_flag=True, help="Print findings and errors only: no summary or notices.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of each one.")
@click.option(
    "--show-settings", is_flag=True, help="Print the settings for the first path, and where each came from."
)
@click.option("--fail-on", type=click.Choice(SEVERITIES), help="Lowest severity that makes the exit code 1.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (errors still exit 2).")
@click.option("--max-warnings", type=click.IntRange(min=0), help="Exit 1 if there are more than N warnings.")
@click.option(
    "--config", "config_file", type=click.Path(exists=True, dir_okay=False), help="Use this config file."
)
@click.option("--stdin-filename", help="Name (and so format and config) for text read from '-'.")
@click.option(
    "--baseline", type=click.Path(dir_okay=False), help="Report only findings not in this baseline."
)
@click.option(
    "--write-baseline", type=click.Path(dir_okay=False), help="Record today's findings as a baseline."
)
@click.option(
    "--force-exclude", is_flag=True, help="Apply exclude settings to files named on the command line."
)
@click.option(
    "--pack",
    is_flag=True,
    help="Judge all the documents given as one tender pack (a folder with a tenderlint.pack file is one).",
)
@click.option("--diff-base", metavar="REF", help="Lint only documents changed since this git ref.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: number of cores).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the result cache (.tenderlint_cache/).")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress line on stderr (default: when stderr is a terminal and there are many files).",
)
@click.option("--debug", is_flag=True, help="Show tracebacks for internal errors.")
@click.option(
    "--annotate",
    type=click.Path(dir_okay=False, path_type=str),
    help="Also write a copy of the document (.docx or .odt) with a comment on each finding.",
)
@click.option("--force", is_flag=True, help="Let --annotate replace an existing file.")
def lint(paths: tuple[str, ...], **opts: object) -> None:
    """Lint documents (.docx, .pdf, .odt, .md, .txt, .html) and folders of them; '-' reads stdin."""
    from tenderlint.baseline import apply_baseline, write_baseline
    from tenderlint.reporters.base import ReportContext
    from tenderlint.reporters.stream import PartWriter
    from tenderlint.ruleset import load_ruleset
    from tenderlint.runner import Runner, RunOptions
    from tenderlint.yamlload import PackError

    if not paths:
        raise click.UsageError("give at least one file or folder to lint (or '-' for standard input)")
    if opts["annotate"]:
        _check_annotate(paths, str(opts["annotate"]), bool(opts["force"]))
    for option in ("output", "write_baseline"):
        if opts[option]:
            _check_output(str(opts[option]), option, paths)
    overrides = {
        "select": _split(opts["select"]),
        "ignore": _split(opts["ignore"]),
        "fail_on": opts["fail_on"],
    }
    extend = _split(opts["extend_select"]) or ()
    quiet = bool(opts["quiet"])
    try:
        reporters = _reporters()
        if opts["output_format"] not in reporters:
            choices = ", ".join(sorted(reporters))
            raise click.UsageError(f"unknown format {opts['output_format']!r}; choose from {choices}")
        only = _changed_since(opts["diff_base"], paths) if opts["diff_base"] else None
        options = RunOptions(
            opts["config_file"],
            overrides,
            opts["stdin_filename"],
            opts["force_exclude"],
            only,
            use_cache=not opts["no_cache"],
            jobs=opts["jobs"] or os.cpu_count() or 1,
            progress=None if quiet else _progress_display(opts["progress"]),
            pack=bool(opts["pack"]),
            extend_select=extend,
        )
        runner = Runner(options)
        citations = load_ruleset().citations
        _check_selectors({**overrides, "extend-select": extend}, _known_rules(runner.root.rule_packs))
        if opts["show_settings"]:
            from tenderlint.cli.lint_extras import show_settings

            click.echo(show_settings(runner, paths[0], overrides), nl=False)
            sys.exit(EXIT_CLEAN)
    except (ConfigError, PackError) as exc:
        _fail(str(exc))

    color = opts["color"]
    use_color = color == "always" or (
        color == "auto" and opts["output"] is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    )
    from tenderlint.cli.lint_extras import keep_min_severity, statistics

    context = ReportContext(
        citations=citations, color=use_color, debug=bool(opts["debug"]), version=__version__, quiet=quiet
    )
    reporter = reporters[opts["output_format"]]
    stream = _part_renderer(opts, reporter, context, use_color)
    # Off until the process exits, not just during the run (gcpause.py): turned back on, the collector
    # would walk every object the run allocated at the next allocation, only to find them all alive.
    gc.disable()
    try:
        results = runner.run(paths, _settle(stream, opts["min_severity"]) if stream is not None else None)
        if not results and not quiet:
            click.echo("tenderlint: warning: no documents found in the given paths", err=True)
    except KeyboardInterrupt:
        click.echo("tenderlint: interrupted", err=True)
        sys.exit(130)

    for option in ("output", "write_baseline"):
        if opts[option]:
            _check_output(str(opts[option]), option, tuple(r.path for r in results))
    if opts["write_baseline"]:
        _write(str(opts["write_baseline"]), write_baseline(results, __version__))
        count = sum(len(r.findings) for r in results)
        if not quiet:
            click.echo(f"tenderlint: wrote {count} findings to baseline {opts['write_baseline']}", err=True)
    elif opts["baseline"]:
        try:
            report = apply_baseline(results, Path(opts["baseline"]))
        except ConfigError as exc:
            _fail(str(exc))
        for entry in report.unused:
            click.echo(
                f"tenderlint: baseline entry no longer matches: {entry['path']} {entry['code']} "
                f"({entry['fingerprint']}); run --write-baseline to prune it",
                err=True,
            )

    keep_min_severity(results, opts["min_severity"])
    if opts["statistics"]:
        _emit(statistics(results, as_json=opts["output_format"] == "json"), opts["output"], use_color)
    elif isinstance(stream, PartWriter):
        stream.finish(results)
    elif stream is not None:
        _emit(stream.render(results), opts["output"], use_color)
    else:
        _emit(reporter.render(results, context), opts["output"], use_color)
    code = exit_code(results, bool(opts["exit_zero"]), opts["max_warnings"])
    if opts["annotate"]:
        settings = runner.settings_for(results[0].path) if results else None
        code = _annotate(results, str(opts["annotate"]), citations, code, settings, quiet)
    sys.exit(code)


def _part_renderer(
    opts: dict, reporter: object, context: ReportContext, color: bool
) -> PartRenderer | PartWriter | None:
    """Something that renders each file's part of the report as soon as the file is linted, for a
    reporter that can, when nothing changes the results after the run (a baseline, or statistics
    instead of a report); else None. A report to standard output is written as it goes; one to a file
    (--output) is written whole at the end, so that the file is replaced at once."""
    if opts["baseline"] or opts["write_baseline"] or opts["statistics"]:
        return None
    from tenderlint.reporters.stream import part_renderer

    write = (lambda text: _echo(text, color)) if opts["output"] is None else None
    return part_renderer(reporter, context, write)


def _settle(stream: PartRenderer | PartWriter, min_severity: str | None) -> Callable[[int, FileResult], None]:
    """What is done to every result once the run is over (--min-severity), done to each file's result
    as soon as it is final, and its part of the report rendered, while the other files are linted."""
    from tenderlint.cli.lint_extras import keep_min_severity

    def settle(index: int, result: FileResult) -> None:
        keep_min_severity((result,), min_severity)
        stream.add(index, result)

    return settle


def exit_code(results: list, exit_zero: bool = False, max_warnings: int | None = None) -> int:
    """2 if any file could not be linted; else 1 for findings at or above each file's fail level (or more
    warnings than --max-warnings); --exit-zero turns findings, but not errors, into success."""
    if any(result.error for result in results):
        return EXIT_ERROR
    if exit_zero:
        return EXIT_CLEAN
    if max_warnings is not None:
        warnings = sum(1 for r in results for f in r.findings if f.severity.value == "warning")
        if warnings > max_warnings:
            return EXIT_FINDINGS
    failing = any(f.severity.rank >= RANK[r.fail_on] for r in results for f in r.findings)
    if max_warnings is not None:
        failing = any(f.severity.value == "error" for r in results for f in r.findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _known_rules(packs: tuple[str, ...]) -> list:
    """Built-in rules plus the packs the working folder's config adds; a broken pack is reported for
    each file it applies to (E007), so here it only leaves its rules out."""
    from tenderlint.ruleset import load_ruleset
    from tenderlint.yamlload import PackError

    try:
        return load_ruleset(packs).metas
    except PackError:
        return load_ruleset().metas


def _check_selectors(overrides: dict, metas: list) -> None:
    """--select and --ignore must name rules that exist (with a suggestion when one is close)."""
    from tenderlint.selectors import check_selectors

    for option in ("select", "ignore", "extend-select"):
        check_selectors(overrides[option] or (), metas, f"--{option}")


def _changed_since(ref: str, paths: tuple[str, ...]) -> set[str]:
    """Resolved paths of files changed since `ref`: committed, staged, unstaged or untracked."""
    import subprocess

    def git(*args: str) -> str:
        proc = subprocess.run(["git", *args], capture_output=True, text=True)
        if proc.returncode != 0:
            raise ConfigError(
                f"--diff-base {ref}: git {args[0]} failed: {(proc.stderr or proc.stdout).strip()}"
            )
        return proc.stdout

    top = Path(git("rev-parse", "--show-toplevel").strip())
    scope = [p for p in paths if p != "-"]
    names = git("diff", "--name-only", "--diff-filter=ACMR", ref, "--", *scope).splitlines()
    names += git("ls-files", "--others", "--exclude-standard", "--full-name", "--", *scope).splitlines()
    return {str((top / name).resolve()) for name in names if name}


def _progress_display(wanted: bool | None):
    """A progress line on stderr ("linted 12/40 documents"), overwritten in place on a terminal; elsewhere
    (a CI log, a pipe) only with --progress, and then one line per tenth of the run, not one per file."""
    interactive = sys.stderr.isatty() and not os.environ.get("CI")
    if wanted is False or (wanted is None and not interactive):
        return None
    minimum = 0 if wanted else 10
    shown = {"step": -1}

    def show(done: int, total: int) -> None:
        if total < minimum:
            return
        if done < 0:  # finished: clear the line on a terminal
            if interactive:
                click.echo("\r\033[K", err=True, nl=False)
            return
        line = f"linted {done}/{total} documents"
        if interactive:
            click.echo(f"\r{line}", err=True, nl=False)
            return
        step = done * 10 // max(total, 1)
        if step > shown["step"]:
            shown["step"] = step
            click.echo(line, err=True)

    return show


def _reporters() -> dict:
    from tenderlint.plugin.host import collect, plugin_manager

    _manager, warnings = plugin_manager()
    for warning in warnings:
        click.echo(f"tenderlint: warning: {warning}", err=True)
    return {name: r for group in collect("tenderlint_reporters", dict) for name, r in group.items()}


def _emit(report: str, output: str | None, color: bool = False) -> None:
    """Print or write the report; `color` keeps colour codes even through a pipe (`--color always`)."""
    if output is None:
        _echo(report, color)
        return
    _write(output, report.encode("utf-8", "surrogateescape"))


def _echo(text: str, color: bool) -> None:
    """Print (part of) the report. Through a pipe click strips colour codes, a pass over the whole text
    (tens of megabytes for a large run): skipped when it holds no escape character, as it then has
    nothing to strip."""
    click.echo(text, nl=False, color=color or ("\x1b" not in text) or None)


def _write(target: str, data: bytes) -> None:
    """Write an output file atomically; a place that cannot be written is an error (exit 2)."""
    from tenderlint.atomic import write_atomic

    try:
        write_atomic(Path(target), data)
    except OSError as exc:
        _fail(f"cannot write {target}: {exc.strerror or exc}")


def _check_output(target: str, option: str, inputs: tuple[str, ...]) -> None:
    """Refuse an output file that would replace a document being linted, or that has no folder."""
    flag = "--" + option.replace("_", "-") if option != "output" else "-o/--output"
    out = Path(target)
    try:
        if out.exists() and any(p != "-" and Path(p).exists() and os.path.samefile(p, out) for p in inputs):
            _fail(f"{flag} {target} would overwrite a document being linted")
        if not out.absolute().parent.is_dir():
            _fail(f"cannot write {target}: folder {out.parent} does not exist")
    except OSError as exc:
        _fail(f"cannot write {target}: {exc.strerror or exc}")


def _check_annotate(paths: tuple[str, ...], target: str, force: bool) -> None:
    """Refuse a bad --annotate request before spending time on linting."""
    from tenderlint.annotate import AnnotateError, check_target

    try:
        check_target(paths, target, force)
    except AnnotateError as exc:
        if exc.usage:
            raise click.UsageError(str(exc)) from None
        _fail(str(exc))


def _annotate(
    results: list, target: str, citations: dict, code: int, settings: object, quiet: bool = False
) -> int:
    """Write the annotated copy after the report (in a worker, under the document's limits);
    failing to write it makes the exit code 2."""
    from tenderlint.annotate import AnnotateError, annotate_in_worker

    try:
        if not results:
            raise AnnotateError("no annotated copy written: the document was not linted")
        summary = annotate_in_worker(results[0], Path(target), citations, settings)
        if not quiet:
            click.echo(f"tenderlint: {summary}", err=True)
    except AnnotateError as exc:
        click.echo(f"tenderlint: error: {exc}", err=True)
        return EXIT_ERROR
    return code


def _fail(message: str) -> None:
    click.echo(f"tenderlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)
