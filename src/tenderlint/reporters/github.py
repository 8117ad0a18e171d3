"""GitHub Actions workflow commands: one annotation per finding, shown on the file in the pull request.

The runner reads each output line as a possible command, so every value is escaped by GitHub's rules
and document text can never end a line early and start a forged `::command::` of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from tenderlint.engine import FileResult
from tenderlint.findings import Finding
from tenderlint.reporters.base import ReportContext
from tenderlint.reporters.common import UNSAFE, display_path, has_lines, report_path, snippet

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message: '%', CR and LF, as the runner unescapes them."""
    text = UNSAFE.sub(" ", text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as a message, plus ':' and ',' which delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, object], message: str) -> str:
    """One workflow command line, e.g. '::warning file=a.md,line=3,title=TL201 x::message'."""
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {props}::{escape_data(message)}"


class GithubReporter:
    def render(self, results: Sequence[FileResult], context: ReportContext) -> str:
        lines = []
        for result in results:
            path = display_path(report_path(result.path))
            if result.error:
                error = result.error
                title = f"{error.code} {error.name}"
                lines.append(
                    command("error", {"file": path, "title": title}, f"{error.message} {error.hint}".rstrip())
                )
            lines += [self._finding(finding, path) for finding in result.findings]
        return "".join(line + "\n" for line in lines)

    def _finding(self, finding: Finding, path: str) -> str:
        location = finding.location
        properties: dict[str, object] = {"file": path, "line": max(1, location.line or 1)}
        if location.column is not None:
            properties["col"] = max(1, location.column)
        properties["title"] = f"{finding.code} {finding.name}"
        parts = [finding.message]
        if not has_lines(location):
            parts.append(f"At: {location.describe()}")
        quoted = snippet(finding)
        if quoted:
            parts.append(f"“{quoted}”")
        parts.append(f"Fix: {finding.fix}")
        return command(COMMANDS[finding.severity.value], properties, "\n".join(parts))
