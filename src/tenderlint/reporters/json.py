"""JSON output, schema version 1 (documented in README.md, "JSON output")."""

from __future__ import annotations

import json
from collections.abc import Sequence

from tenderlint.engine import FileError, FileResult
from tenderlint.findings import Finding
from tenderlint.reporters.base import ReportContext, join_parts, summary_counts
from tenderlint.reporters.common import json_text

SCHEMA_VERSION = 1


def finding_dict(finding: Finding, context: ReportContext) -> dict:
    """One finding as JSON data; shared with the jsonl reporter so the two never drift apart."""
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.value,
        "message": finding.message,
        "fix": finding.fix,
        "location": {**finding.location.as_dict(), "description": finding.location.describe()},
        "excerpt": finding.excerpt,
        "match": {"start": finding.span[0], "end": finding.span[1], "text": finding.matched},
        "citations": citation_list(finding.citations, context),
        "evidence": finding.evidence,
        "pack": finding.pack,
    }


def citation_list(ids: tuple[str, ...], context: ReportContext) -> list[dict]:
    """A finding's citations as JSON data (ids the registry does not know are left out)."""
    citations = []
    for cid in ids:
        c = context.citations.get(cid)
        if c:
            citations.append({"id": c.id, "instrument": c.instrument, "provision": c.provision, "url": c.url})
    return citations


class FindingWriter:
    """Each finding as `_dump(finding_dict(finding, context))` writes it, with what a rule repeats in all
    its findings (code, name, severity, message, fix; the citations) encoded once per run: those are
    most of a report's text, and encoding them again for each finding was most of the time the main
    process spent on a large JSON report. A JSON object is its members joined, so the pieces joined
    are the same text."""

    def __init__(self, context: ReportContext) -> None:
        self.context = context
        self._heads: dict[tuple[str, str, str, str, str], str] = {}
        self._citations: dict[tuple[str, ...], str] = {}

    def __call__(self, finding: Finding) -> str:
        fixed = (finding.code, finding.name, finding.severity.value, finding.message, finding.fix)
        head = self._heads.get(fixed)
        if head is None:
            names = ("code", "name", "severity", "message", "fix")
            head = self._heads[fixed] = _dump(dict(zip(names, fixed)))[:-1]
        citations = self._citations.get(finding.citations)
        if citations is None:
            citations = _dump(citation_list(finding.citations, self.context))
            self._citations[finding.citations] = citations
        location = finding.location
        where = _dump(
            {
                "location": {**location.as_dict(), "description": location.describe()},
                "excerpt": finding.excerpt,
                "match": {"start": finding.span[0], "end": finding.span[1], "text": finding.matched},
            }
        )
        rest = _dump({"evidence": finding.evidence, "pack": finding.pack})
        return f'{head}, {where[1:-1]}, "citations": {citations}, {rest[1:]}'


def error_dict(error: FileError) -> dict:
    """An input error as JSON data (no traceback: that is for --debug text output only)."""
    return {"code": error.code, "name": error.name, "message": error.message, "hint": error.hint}


class JsonReporter:
    """The report laid out two spaces a level, except that each finding (and any other leaf value) is
    written on one line: the C encoder then does nearly all the work, which matters for large runs.
    Each file's object is rendered on its own (`render_part`), so a run can render it as soon as the
    file is linted."""

    def __init__(self) -> None:
        self._writer: FindingWriter | None = None

    def render(self, results: Sequence[FileResult], context: ReportContext) -> str:
        return self.join(results, [self.render_part(result, context) for result in results], context)

    def join(self, results: Sequence[FileResult], parts: Sequence[str | None], context: ReportContext) -> str:
        return join_parts(self, results, parts, context)

    def opening(self, context: ReportContext) -> str:
        tool = {"name": "tenderlint", "version": context.version}
        return json_text(f'{{\n  "version": {SCHEMA_VERSION},\n  "tool": {_dump(tool)},\n  "files": [')

    def piece(self, part: str | None, first: bool) -> str:
        return ("\n" if first else ",\n") + (part or "")

    def closing(self, results: Sequence[FileResult], any_piece: bool, context: ReportContext) -> str:
        end = "\n  ],\n" if any_piece else "],\n"
        return end + json_text(f'  "summary": {_dump(summary_counts(results))}\n}}\n')

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
            write = self._writer_for(context)
            parts.append(",\n        ".join(write(finding) for finding in result.findings))
            parts.append("\n      ]\n    }")
        return json_text("".join(parts))

    def _writer_for(self, context: ReportContext) -> FindingWriter:
        """The run's writer (its encoded rule fields are kept for the next file's findings)."""
        if self._writer is None or self._writer.context is not context:
            self._writer = FindingWriter(context)
        return self._writer


#: One encoder for every value: `json.dumps` with options builds a new one on each call.
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def _dump(value: object) -> str:
    """A value on one line, as `json.dumps(value, ensure_ascii=False)` (without indent it runs in C)."""
    return _ENCODER.encode(value)
