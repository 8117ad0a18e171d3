"""JSON output, schema version 1 (documented in README.md, "JSON output")."""

from __future__ import annotations

import json
from collections.abc import Sequence

from tenderlint.engine import FileError, FileResult
from tenderlint.findings import Finding
from tenderlint.reporters.base import ReportContext, summary_counts
from tenderlint.reporters.common import json_text

SCHEMA_VERSION = 1


def finding_dict(finding: Finding, context: ReportContext) -> dict:
    """One finding as JSON data; shared with the jsonl reporter so the two never drift apart."""
    citations = []
    for cid in finding.citations:
        c = context.citations.get(cid)
        if c:
            citations.append({"id": c.id, "instrument": c.instrument, "provision": c.provision, "url": c.url})
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.value,
        "message": finding.message,
        "fix": finding.fix,
        "location": {**finding.location.as_dict(), "description": finding.location.describe()},
        "excerpt": finding.excerpt,
        "match": {"start": finding.span[0], "end": finding.span[1], "text": finding.matched},
        "citations": citations,
        "evidence": finding.evidence,
        "pack": finding.pack,
    }


def error_dict(error: FileError) -> dict:
    """An input error as JSON data (no traceback: that is for --debug text output only)."""
    return {"code": error.code, "name": error.name, "message": error.message, "hint": error.hint}


class JsonReporter:
    """The report laid out two spaces a level, except that each finding (and any other leaf value) is
    written on one line: the C encoder then does nearly all the work, which matters for large runs.
    Each file's object is rendered on its own (`render_part`), so a run can render it as soon as the
    file is linted."""

    def render(self, results: Sequence[FileResult], context: ReportContext) -> str:
        return self.join(results, [self.render_part(result, context) for result in results], context)

    def join(self, results: Sequence[FileResult], parts: Sequence[str | None], context: ReportContext) -> str:
        tool = {"name": "tenderlint", "version": context.version}
        text = [json_text(f'{{\n  "version": {SCHEMA_VERSION},\n  "tool": {_dump(tool)},\n  "files": [')]
        for number, part in enumerate(parts):
            text += (",\n" if number else "\n", part or "")
        text.append("\n  ],\n" if parts else "],\n")
        text.append(json_text(f'  "summary": {_dump(summary_counts(results))}\n}}\n'))
        # One join: the report of a large run is tens of megabytes, and every copy of it shows.
        return "".join(text)

    def render_part(self, result: FileResult, context: ReportContext) -> str:
        """One file's object, its fields and its findings one a line."""
        fields = {
            "path": result.path,
            "format": result.format,
            "error": error_dict(result.error) if result.error else None,
            "suppressed": result.suppressed,
            "notes": result.notes,
        }
        parts = ["    {\n"]
        parts.extend(f'      "{key}": {_dump(value)},\n' for key, value in fields.items())
        if not result.findings:
            parts.append('      "findings": []\n    }')
        else:
            parts.append('      "findings": [\n        ')
            parts.append(
                ",\n        ".join(_dump(self._finding(finding, context)) for finding in result.findings)
            )
            parts.append("\n      ]\n    }")
        return json_text("".join(parts))

    def _finding(self, finding: Finding, context: ReportContext) -> dict:
        return finding_dict(finding, context)


def _dump(value: object) -> str:
    """A value on one line (json.dumps without indent runs in C)."""
    return json.dumps(value, ensure_ascii=False)
