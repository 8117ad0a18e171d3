"""GitLab Code Quality report: the JSON list GitLab shows in merge requests (`artifacts:reports:codequality`).

GitLab matches issues between the base and head of a merge request by fingerprint, so fingerprints
come from the rule, file and words (common.fingerprints), not from line numbers.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from tenderlint.engine import FileResult
from tenderlint.findings import Finding
from tenderlint.reporters.base import ReportContext
from tenderlint.reporters.common import (
    error_fingerprint,
    fingerprints,
    has_lines,
    json_text,
    report_path,
)

SEVERITIES = {"info": "info", "warning": "major", "error": "critical"}


class GitlabReporter:
    def render(self, results: Sequence[FileResult], context: ReportContext) -> str:
        issues = []
        for result in results:
            path = report_path(result.path)
            if result.error:
                error = result.error
                issues.append(
                    self._issue(
                        f"{error.code} {error.name}: {error.message} {error.hint}".rstrip(),
                        error.code,
                        error_fingerprint(result),
                        "critical",
                        path,
                        1,
                    )
                )
            for finding, fingerprint in zip(result.findings, fingerprints(result)):
                issues.append(self._finding(finding, fingerprint, path))
        return json_text(json.dumps(issues, indent=2, ensure_ascii=False)) + "\n"

    def _finding(self, finding: Finding, fingerprint: str, path: str) -> dict:
        location = finding.location
        description = f"{finding.code} {finding.name}: {finding.message}"
        if not has_lines(location):
            description += f" (at {location.describe()})"
        severity = SEVERITIES[finding.severity.value]
        return self._issue(description, finding.code, fingerprint, severity, path, location.line or 1)

    def _issue(
        self, description: str, check: str, fingerprint: str, severity: str, path: str, line: int
    ) -> dict:
        return {
            "type": "issue",
            "engine_name": "tenderlint",
            "description": description,
            "check_name": check,
            "fingerprint": fingerprint,
            "severity": severity,
            "location": {"path": path, "lines": {"begin": max(1, line)}},
        }
