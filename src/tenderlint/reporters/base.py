"""The contract every reporter fulfils, and the context it is given."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from tenderlint.citations import Citation
from tenderlint.engine import FileResult
from tenderlint.findings import Severity


@dataclass(frozen=True)
class ReportContext:
    citations: dict[str, Citation]
    color: bool = False
    debug: bool = False
    version: str = ""
    quiet: bool = False  # findings only: no summary line (--quiet)


@runtime_checkable
class Reporter(Protocol):
    def render(self, results: Sequence[FileResult], context: ReportContext) -> str:
        """Return the whole report as text."""
        ...


@runtime_checkable
class PartsReporter(Protocol):
    """A reporter whose report is one part per file, joined with what the whole run adds (a header, a
    summary). A part depends on its file's result alone, so it can be rendered as soon as that result
    is final, while other files are still being linted (see stream.py)."""

    def render_part(self, result: FileResult, context: ReportContext) -> str | None:
        """This file's part of the report; None when the file adds nothing to it."""
        ...

    def join(self, results: Sequence[FileResult], parts: Sequence[str | None], context: ReportContext) -> str:
        """The whole report from every file's part, in the order of `results`."""
        ...


@runtime_checkable
class StreamedReporter(PartsReporter, Protocol):
    """A parts reporter that can also write its report as the run goes: what comes before the first
    part, what each part adds (a separator before all but the first), and what comes after the last.
    Its `join` is `join_parts`, so a report written piece by piece is the report joined at the end."""

    def opening(self, context: ReportContext) -> str:
        """The report's text before any file's part."""
        ...

    def piece(self, part: str | None, first: bool) -> str | None:
        """What one file's part adds to the report (None: nothing); `first` when no part added any yet."""
        ...

    def closing(self, results: Sequence[FileResult], any_piece: bool, context: ReportContext) -> str:
        """The report's text after the last part (a summary of `results`)."""
        ...


def join_parts(
    reporter: StreamedReporter,
    results: Sequence[FileResult],
    parts: Sequence[str | None],
    context: ReportContext,
) -> str:
    """The whole report from its pieces, in one join (the report of a large run is tens of megabytes)."""
    text = [reporter.opening(context)]
    for part in parts:
        piece = reporter.piece(part, len(text) == 1)
        if piece is not None:
            text.append(piece)
    text.append(reporter.closing(results, len(text) > 1, context))
    return "".join(text)


def summary_counts(results: Sequence[FileResult]) -> dict[str, int]:
    severities = [f.severity for r in results for f in r.findings]
    counts = {
        "files": len(results),
        "findings": len(severities),
        "errors": sum(1 for r in results if r.error),
    }
    counts["files_with_findings"] = sum(1 for r in results if r.findings)
    for level in ("error", "warning", "info"):
        # list.count compares in C; reading `.value` of each finding's Severity was most of the time
        counts[level] = severities.count(Severity(level))
    return counts
