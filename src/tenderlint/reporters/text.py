"""Human-readable output, grouped by file: where, what, the words marked, how to fix it, and the law."""

from __future__ import annotations

import re
from collections.abc import Sequence

import click

from tenderlint.engine import FileResult
from tenderlint.findings import Finding
from tenderlint.reporters.base import ReportContext, join_parts, summary_counts
from tenderlint.reporters.common import BIDI, display_path

WINDOW = 96
SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}
# C0 and C1 controls (ESC and 8-bit CSI/OSC sequences alike), DEL, and bidi overrides.
CONTROL = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u2028\\u2029{BIDI}]")
# A log line starting like this is a workflow command to GitHub Actions (::error ...) or Azure (##vso[).
COMMAND_START = re.compile(r"^(\s*)(::|##)")


def clean(text: str) -> str:
    """Document text is untrusted: no control characters (ANSI escapes, OSC titles and links) reach the
    terminal, and nothing reorders the line around it."""
    return CONTROL.sub(" ", display_path(text).replace("\n", " ").replace("\t", " "))


def no_command(line: str) -> str:
    """A line that a CI runner would take for a workflow command, defused: `::x` becomes `: :x`."""
    return COMMAND_START.sub(lambda m: f"{m.group(1)}{m.group(2)[0]} {m.group(2)[1]}", line)


def path_line(path: str) -> str:
    """A file name to start a line with: a relative one that would read as a command gets `./`."""
    shown = clean(path)
    return f"./{shown}" if COMMAND_START.match(shown) and not shown.startswith("/") else shown


class TextReporter:
    """Each file's lines are rendered on their own (`render_part`), so a run can render them as soon as
    the file is linted; the summary is added at the end."""

    def render(self, results: Sequence[FileResult], context: ReportContext) -> str:
        return self.join(results, [self.render_part(result, context) for result in results], context)

    def join(self, results: Sequence[FileResult], parts: Sequence[str | None], context: ReportContext) -> str:
        return join_parts(self, results, parts, context)

    def opening(self, context: ReportContext) -> str:
        return ""

    def piece(self, part: str | None, first: bool) -> str | None:
        return None if part is None else part if first else "\n" + part

    def closing(self, results: Sequence[FileResult], any_piece: bool, context: ReportContext) -> str:
        if context.quiet:
            return "\n" if any_piece else ""
        return ("\n" if any_piece else "") + no_command(self._summary(results, context)) + "\n"

    def render_part(self, result: FileResult, context: ReportContext) -> str | None:
        """The file's lines (None if it has none to show): its error, or its notes and findings."""
        lines: list[str] = []
        if result.error:
            lines += self._error(result, context)
        elif result.findings or result.notes:
            lines.append(self._style(path_line(result.path), context, bold=True, underline=True))
            lines += [f"  note: {clean(note)}" for note in result.notes]
            for finding in result.findings:
                lines += self._finding(finding, context)
            lines.append("")
        if not lines:
            return None
        return "\n".join(lines if context.quiet else map(no_command, lines))

    def _style(self, text: str, context: ReportContext, **style: object) -> str:
        return click.style(text, **style) if context.color else text

    def _error(self, result: FileResult, context: ReportContext) -> list[str]:
        error = result.error
        assert error is not None
        head = self._style(f"{error.code} {error.name}", context, fg="red", bold=True)
        lines = [f"{path_line(result.path)}: {head}: {clean(error.message)} {clean(error.hint)}".rstrip()]
        if context.debug and error.detail:
            lines.append(error.detail.rstrip())
        return [*lines, ""]

    def _finding(self, finding: Finding, context: ReportContext) -> list[str]:
        level = finding.severity.value
        code = self._style(finding.code, context, fg=SEVERITY_COLOURS[level], bold=True)
        where = self._style(clean(finding.location.describe()), context, fg="cyan")
        lines = [f"  {where}: {code} [{level}] {finding.name}", f"    {clean(finding.message)}"]
        lines += self._excerpt(finding, context)
        lines.append(f"    {self._style('fix:', context, fg='green')} {clean(finding.fix)}")
        for cid in finding.citations:
            citation = context.citations.get(cid)
            if citation:
                lines.append(
                    f"    {self._style('see:', context, fg='magenta')} "
                    f"{clean(citation.title)} <{clean(citation.url)}>"
                )
        return [*lines, ""]

    def _excerpt(self, finding: Finding, context: ReportContext) -> list[str]:
        text = clean(finding.excerpt)
        if not text:
            return []
        start, end = finding.span
        left = max(0, min(start - 20, len(text) - WINDOW)) if len(text) > WINDOW else 0
        shown = text[left : left + WINDOW]
        prefix = "…" if left else ""
        suffix = "…" if left + WINDOW < len(text) else ""
        out = [f"    │ {prefix}{shown}{suffix}"]
        if end > start:
            caret_start = start - left + len(prefix)
            width = max(1, min(end, left + WINDOW) - max(start, left))
            out.append("    │ " + " " * caret_start + self._style("^" * width, context, fg="red"))
        return out

    def _summary(self, results: Sequence[FileResult], context: ReportContext) -> str:
        counts = summary_counts(results)
        noun = "finding" if counts["findings"] == 1 else "findings"
        files = "document" if counts["files"] == 1 else "documents"
        text = f"{counts['findings']} {noun} in {counts['files_with_findings']} of {counts['files']} {files}"
        if counts["errors"]:
            text += f"; {counts['errors']} could not be linted"
        return self._style(text + ".", context, bold=True)
