"""SARIF 2.1.0 output, shaped for GitHub code scanning (which needs a region.startLine on every result)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from pathlib import PurePosixPath
from urllib.parse import quote

from tenderlint.document import Location
from tenderlint.engine import FileResult
from tenderlint.findings import Finding, RuleMeta
from tenderlint.reporters.base import ReportContext
from tenderlint.reporters.common import (
    FINGERPRINT_KEY,
    fingerprints,
    has_lines,
    json_text,
    report_path,
    snippet,
)
from tenderlint.rule_docs import help_uri

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/tenderlint/"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A URI reference for the file: relative and percent-encoded, so spaces or '#' cannot break it."""
    relative = report_path(path)
    if PurePosixPath(relative).is_absolute():  # outside the working directory: only a file URI will do
        return PurePosixPath(relative).as_uri()
    return quote(os.fsencode(relative), safe="/")  # bytes: a name that is not UTF-8 keeps its bytes


class SarifReporter:
    def render(self, results: Sequence[FileResult], context: ReportContext) -> str:
        rules = self._rules(results, context)
        index = {rule["id"]: i for i, rule in enumerate(rules)}
        sarif_results = []
        for result in results:
            for finding, fingerprint in zip(result.findings, fingerprints(result)):
                sarif_results.append(self._result(finding, result.path, fingerprint, index))
        run = {
            "tool": {
                "driver": {
                    "name": "tenderlint",
                    "version": context.version,
                    "informationUri": INFORMATION_URI,
                    "rules": rules,
                }
            },
            "invocations": [
                {
                    "executionSuccessful": not any(result.error for result in results),
                    "toolExecutionNotifications": list(self._notifications(results)),
                }
            ],
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
        }
        payload = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
        return json_text(json.dumps(payload, indent=2, ensure_ascii=False)) + "\n"

    def _rules(self, results: Sequence[FileResult], context: ReportContext) -> list[dict]:
        """Only the rules that fired, citing what this run's findings cited (regime and jurisdiction apply)."""
        from tenderlint.ruleset import load_ruleset

        known = {meta.code: meta for meta in load_ruleset().metas}
        first: dict[str, Finding] = {}
        cited: dict[str, list[str]] = {}
        for finding in (f for r in results for f in r.findings):
            first.setdefault(finding.code, finding)
            ids = cited.setdefault(finding.code, [])
            ids += [cid for cid in finding.citations if cid not in ids]
        return [self._rule(first[code], known.get(code), cited[code], context) for code in sorted(first)]

    def _rule(self, finding: Finding, meta: RuleMeta | None, ids: list[str], context: ReportContext) -> dict:
        """A rule's metadata; a rule from a pack only this run's config loads is described by its finding."""
        message, fix = (meta.message, meta.fix) if meta else (finding.message, finding.fix)
        citations = [context.citations[cid] for cid in ids if cid in context.citations]
        see_text = "".join(f"\n- {c.title}: {c.url}" for c in citations)
        see_md = "".join(f"\n- [{c.title}]({c.url})" for c in citations)
        page = help_uri(meta) if meta else None
        if page:
            see_text += f"\n\nRule documentation: {page}"
            see_md += f"\n\n[Rule documentation]({page})"
        rule: dict = {
            "id": finding.code,
            "name": "".join(word.capitalize() for word in finding.name.split("-")),
            "shortDescription": {"text": message},
            "fullDescription": {"text": meta.rationale if meta else message},
            "help": {
                "text": f"Fix: {fix}" + (f"\n\nSee:{see_text}" if citations or page else ""),
                "markdown": f"**Fix.** {fix}" + (f"\n\n**See**\n{see_md}" if citations or page else ""),
            },
            "defaultConfiguration": {"level": LEVELS[(meta.severity if meta else finding.severity).value]},
            "properties": {"tags": [meta.family] if meta else []},
        }
        if page or citations:
            rule["helpUri"] = page or citations[0].url  # the rule's own page; a citation for other packs
        return rule

    def _result(self, finding: Finding, path: str, fingerprint: str, index: dict[str, int]) -> dict:
        location = finding.location
        text = finding.message
        if not has_lines(location):  # the region is only a placeholder: say where, and quote the words
            quoted = snippet(finding)
            text += f"\nAt: {location.describe()}" + (f"\n“{quoted}”" if quoted else "")
        place = self._physical(path, self._region(finding))
        logical = self._logical(location)
        if logical:
            place["logicalLocations"] = logical
        return {
            "ruleId": finding.code,
            "ruleIndex": index[finding.code],
            "level": LEVELS[finding.severity.value],
            "message": {"text": f"{text}\nFix: {finding.fix}"},
            "locations": [place],
            "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        }

    def _region(self, finding: Finding) -> dict:
        """Line and column where the format has them (a PDF's are per page); else line 1, as GitHub needs one."""
        location = finding.location
        region: dict = {"startLine": max(1, location.line or 1)}
        if location.line is not None and location.column is not None:
            region["startColumn"] = max(1, location.column)
        if has_lines(location) and finding.matched:
            region["snippet"] = {"text": finding.matched}
        if location.page is not None:
            region["properties"] = {"page": location.page}
        return region

    def _logical(self, location: Location) -> list[dict]:
        """The heading trail and paragraph (or table cell) — the only way to point into docx and odt."""
        tail = []
        if location.table is not None:
            cell = [("table", location.table), ("row", location.row), ("cell", location.cell)]
            tail.append(", ".join(f"{word} {n}" for word, n in cell if n is not None))
        elif location.paragraph is not None:
            tail.append(f"paragraph {location.paragraph}")
        names = ([location.part] if location.part != "body" else []) + list(location.trail) + tail
        if names:
            return [{"name": names[-1], "fullyQualifiedName": " > ".join(names), "kind": "section"}]
        if location.page is not None:
            return [{"name": f"page {location.page}", "kind": "page"}]
        return []

    def _physical(self, path: str, region: dict | None = None) -> dict:
        physical: dict = {"artifactLocation": {"uri": artifact_uri(path)}}
        if region:
            physical["region"] = region
        return {"physicalLocation": physical}

    def _notifications(self, results: Sequence[FileResult]) -> Iterator[dict]:
        """Files that could not be linted (errors), and notes such as "UK rules were not applied"."""
        for result in results:
            where = [self._physical(result.path)]
            if result.error:
                e = result.error
                text = f"{e.code} {e.name}: {e.message} {e.hint}".rstrip()
                yield {
                    "level": "error",
                    "descriptor": {"id": e.code},
                    "message": {"text": text},
                    "locations": where,
                }
            for note in result.notes:
                yield {"level": "note", "message": {"text": note}, "locations": where}
