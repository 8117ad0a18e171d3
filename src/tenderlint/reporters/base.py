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
