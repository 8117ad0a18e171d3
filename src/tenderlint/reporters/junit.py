"""JUnit XML, for CI test-report views: a testsuite per file, a testcase per finding (as eslint does).

A file with no findings gets one passing testcase, so a clean run still shows what was checked; a
file that could not be linted gets one testcase with an <error>. Built with xml.etree, so document
text is always escaped; characters XML 1.0 cannot carry are replaced.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from tenderlint.engine import FileResult
from tenderlint.findings import Finding
from tenderlint.reporters.base import ReportContext
from tenderlint.reporters.common import BIDI, report_path, snippet

NOT_XML = re.compile(f"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[{BIDI}]")


def xml_text(text: str) -> str:
    """Text XML 1.0 can hold: control characters, lone surrogates and bidi overrides become U+FFFD."""
    return NOT_XML.sub("\ufffd", text)


class JunitReporter:
    def render(self, results: Sequence[FileResult], context: ReportContext) -> str:
        root = ET.Element("testsuites", name="tenderlint")
        totals = {"tests": 0, "failures": 0, "errors": 0}
        for result in results:
            suite = self._suite(result, context)
            root.append(suite)
            for key in totals:
                totals[key] += int(suite.get(key, "0"))
        for key, value in totals.items():
            root.set(key, str(value))
        ET.indent(root)
        body = ET.tostring(root, encoding="unicode")
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"

    def _suite(self, result: FileResult, context: ReportContext) -> ET.Element:
        path = xml_text(report_path(result.path))
        suite = ET.Element("testsuite", name=path)
        if result.error:
            error = result.error
            case = ET.SubElement(suite, "testcase", classname=path, name="lint", file=path)
            element = ET.SubElement(case, "error", type=error.code, message=f"{error.code} {error.name}")
            element.text = xml_text(f"{error.message} {error.hint}".strip())
        elif not result.findings:
            ET.SubElement(suite, "testcase", classname=path, name="no findings", file=path)
        for finding in result.findings:
            suite.append(self._case(finding, path, context))
        failures = sum(1 for case in suite if case.find("failure") is not None)
        errors = sum(1 for case in suite if case.find("error") is not None)
        for key, value in (("tests", len(suite)), ("failures", failures), ("errors", errors)):
            suite.set(key, str(value))
        suite.set("skipped", "0")
        return suite

    def _case(self, finding: Finding, path: str, context: ReportContext) -> ET.Element:
        where = finding.location.describe()
        case = ET.Element(
            "testcase", classname=path, name=xml_text(f"{finding.code} {finding.name} ({where})"), file=path
        )
        if finding.location.line is not None:
            case.set("line", str(finding.location.line))
        lines = [f"{where}: {finding.message}"]
        quoted = snippet(finding, width=240)
        if quoted:
            lines.append(f"“{quoted}”")
        lines.append(f"Fix: {finding.fix}")
        for cid in finding.citations:
            citation = context.citations.get(cid)
            if citation:
                lines.append(f"See: {citation.title} <{citation.url}>")
        failure = ET.SubElement(
            case,
            "failure",
            type=finding.code,
            message=xml_text(f"[{finding.severity.value}] {finding.message}"),
        )
        failure.text = xml_text("\n".join(lines))
        return case
