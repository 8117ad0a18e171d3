"""Render each file's part of the report as soon as its result is final, while other files are still
being linted, so that the end of a run only joins the parts: rendering the JSON report of 200 files
after the last one was linted took most of a second, with every worker idle. A report to standard
output is also written as it goes (`PartWriter`), so the end of a run does not wait for tens of
megabytes to be encoded and written either."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tenderlint.engine import FileResult
from tenderlint.reporters.base import PartsReporter, ReportContext, StreamedReporter
from tenderlint.reporters.lazy import LazyReporter


class PartRenderer:
    """Keeps each file's rendered part until the report is joined."""

    def __init__(self, reporter: PartsReporter, context: ReportContext) -> None:
        self.reporter = reporter
        self.context = context
        self._parts: dict[int, tuple[FileResult, str | None]] = {}

    def add(self, index: int, result: FileResult) -> None:
        """Render the part of a final result (it must not change afterwards); `index` is its place in
        the run's results."""
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


class PartWriter:
    """Writes the report piece by piece, each file's part as soon as it and every file before it are
    final, so the output is in the order of the results, as a joined report would be. A run that
    stops half-way (Ctrl-C) leaves the pieces written so far."""

    def __init__(
        self, reporter: StreamedReporter, context: ReportContext, write: Callable[[str], None]
    ) -> None:
        self.reporter = reporter
        self.context = context
        self.write = write
        self._waiting: dict[int, str | None] = {}  # rendered parts of files after one not yet final
        self._next = 0  # the index of the first file whose part is not written
        self._any_piece = False
        self._opened = False

    def add(self, index: int, result: FileResult) -> None:
        """Render the part of a final result, and write every part now in order."""
        self._waiting[index] = self.reporter.render_part(result, self.context)
        while self._next in self._waiting:
            self._write_part(self._waiting.pop(self._next))
            self._next += 1

    def finish(self, results: Sequence[FileResult]) -> None:
        """Write the parts still missing (rendered now) and the end of the report."""
        for index in range(self._next, len(results)):
            if index in self._waiting:
                self._write_part(self._waiting.pop(index))
            else:
                self._write_part(self.reporter.render_part(results[index], self.context))
        self._next = len(results)
        self._open()
        self.write(self.reporter.closing(results, self._any_piece, self.context))

    def _write_part(self, part: str | None) -> None:
        self._open()
        piece = self.reporter.piece(part, not self._any_piece)
        if piece is not None:
            self._any_piece = True
            self.write(piece)

    def _open(self) -> None:
        if not self._opened:
            self._opened = True
            self.write(self.reporter.opening(self.context))


def part_renderer(
    reporter: object, context: ReportContext, write: Callable[[str], None] | None = None
) -> PartRenderer | PartWriter | None:
    """Something that renders each file's part as soon as its result is final: with `write`, a
    PartWriter for a reporter that can write its report piece by piece, else a PartRenderer; None for
    a reporter that cannot render file by file (a plugin's reporter need only have `render`)."""
    if isinstance(reporter, LazyReporter):
        reporter = reporter.load()
    if write is not None and isinstance(reporter, StreamedReporter):
        return PartWriter(reporter, context, write)
    return PartRenderer(reporter, context) if isinstance(reporter, PartsReporter) else None
