"""Render each file's part of the report as soon as its result is final, while other files are still
being linted, so that the end of a run only joins the parts: rendering the JSON report of 200 files
after the last one was linted took most of a second, with every worker idle."""

from __future__ import annotations

from collections.abc import Sequence

from tenderlint.engine import FileResult
from tenderlint.reporters.base import PartsReporter, ReportContext
from tenderlint.reporters.lazy import LazyReporter


class PartRenderer:
    """Keeps each file's rendered part until the report is joined."""

    def __init__(self, reporter: PartsReporter, context: ReportContext) -> None:
        self.reporter = reporter
        self.context = context
        self._parts: dict[int, tuple[FileResult, str | None]] = {}

    def add(self, result: FileResult) -> None:
        """Render the part of a final result (it must not change afterwards)."""
        self._parts[id(result)] = (result, self.reporter.render_part(result, self.context))

    def render(self, results: Sequence[FileResult]) -> str:
        """The whole report: the parts rendered so far, and any missing one rendered now."""
        parts = []
        for result in results:
            known = self._parts.get(id(result))
            if known is not None and known[0] is result:
                parts.append(known[1])
            else:
                parts.append(self.reporter.render_part(result, self.context))
        return self.reporter.join(results, parts, self.context)


def part_renderer(reporter: object, context: ReportContext) -> PartRenderer | None:
    """A PartRenderer for a reporter that renders file by file; None for one that cannot (a plugin's
    reporter need only have `render`)."""
    if isinstance(reporter, LazyReporter):
        reporter = reporter.load()
    return PartRenderer(reporter, context) if isinstance(reporter, PartsReporter) else None
