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
    def render(self, results: Sequence[FileResult], context: ReportContext) -> str:
        payload = {
            "version": SCHEMA_VERSION,
            "tool": {"name": "tenderlint", "version": context.version},
            "files": [self._file(result, context) for result in results],
            "summary": summary_counts(results),
        }
        return json_text(json.dumps(payload, indent=2, ensure_ascii=False)) + "\n"

    def _file(self, result: FileResult, context: ReportContext) -> dict:
        return {
            "path": result.path,
            "format": result.format,
            "error": error_dict(result.error) if result.error else None,
            "suppressed": result.suppressed,
            "notes": result.notes,
            "findings": [self._finding(f, context) for f in result.findings],
        }

    def _finding(self, finding: Finding, context: ReportContext) -> dict:
        return finding_dict(finding, context)
