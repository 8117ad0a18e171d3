"""`--format concise`: one line per finding, like ruff's and ESLint's compact output, for grep and editors."""

from __future__ import annotations

from collections.abc import Sequence

import click

from tenderlint.engine import FileResult
from tenderlint.findings import Finding
from tenderlint.reporters.base import ReportContext
from tenderlint.reporters.text import SEVERITY_COLOURS, TextReporter, clean


def where(finding: Finding) -> str:
    """line:column where the format has them (text, Markdown, HTML, PDF lines), else the readable place."""
    loc = finding.location
    if loc.line is not None and loc.page is None:
        return f"{loc.line}:{loc.column or 1}"
    return clean(loc.describe())


class ConciseReporter:
    def render(self, results: Sequence[FileResult], context: ReportContext) -> str:
        lines: list[str] = []
        for result in results:
            path = clean(result.path)
            if result.error:
                error = result.error
                lines.append(
                    f"{path}: {error.code} {error.name}: {clean(error.message)} {clean(error.hint)}".rstrip()
                )
                continue
            for finding in result.findings:
                level = finding.severity.value
                code = finding.code
                if context.color:
                    code = click.style(code, fg=SEVERITY_COLOURS[level], bold=True)
                lines.append(
                    f"{path}:{where(finding)}: {code} [{level}] {finding.name}: {clean(finding.message)}"
                )
        if not context.quiet:
            lines.append(TextReporter()._summary(results, context))
        return "\n".join(lines) + "\n" if lines else ""
