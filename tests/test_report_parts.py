"""Reports rendered file by file while the run goes on are the same, byte for byte, as reports rendered
once the run is over; and the run hands over each result only once it is final (packs judged)."""

from __future__ import annotations

import copy
import json
from dataclasses import replace

import pytest
from conftest import CORPORA

from tenderlint.reporters.base import ReportContext
from tenderlint.reporters.json import FindingWriter, JsonReporter, finding_dict
from tenderlint.reporters.lazy import LazyReporter
from tenderlint.reporters.stream import part_renderer
from tenderlint.reporters.text import TextReporter
from tenderlint.ruleset import load_ruleset
from tenderlint.runner import Runner, RunOptions

PACK = CORPORA / "packs" / "fernley-home-support"
PATHS = (
    str(CORPORA / "home-care-spec.md"),
    str(CORPORA / "broken" / "legacy.doc"),
    str(CORPORA / "broken" / "empty.txt"),
    str(PACK),
)


@pytest.fixture(scope="module")
def streamed():
    """The results, and a copy of each one taken when the run handed it over."""
    handed = []
    results = Runner(RunOptions(use_cache=False, isolate=False)).run(
        PATHS, lambda index, result: handed.append((index, id(result), copy.deepcopy(result)))
    )
    return results, handed


def test_each_result_is_handed_over_once_and_final(streamed):
    results, handed = streamed
    assert sorted(key for _, key, _ in handed) == sorted(id(result) for result in results)
    assert all(id(results[index]) == key for index, key, _ in handed), "each with its place in the results"
    copies = {key: copy_ for _, key, copy_ in handed}
    assert [copies[id(result)] for result in results] == results
    assert any(f.pack for result in results for f in result.findings), "a pack finding is handed over"


CONTEXT = ReportContext(citations=load_ruleset().citations, version="1.2.3")
CONTEXTS = [
    CONTEXT,
    replace(CONTEXT, quiet=True),
    replace(CONTEXT, color=True),
    replace(CONTEXT, debug=True),
]


@pytest.mark.parametrize(
    "reporter", [JsonReporter(), TextReporter(), LazyReporter("tenderlint.reporters.json", "JsonReporter")]
)
@pytest.mark.parametrize("context", CONTEXTS)
def test_parts_rendered_in_any_order_join_into_the_same_report(streamed, reporter, context):
    results, _ = streamed
    renderer = part_renderer(reporter, context)
    assert renderer is not None
    for index, result in reversed(list(enumerate(results))[1:]):  # in any order, and one left for the end
        renderer.add(index, result)
    assert renderer.render(results) == reporter.render(results, context)


@pytest.mark.parametrize("reporter", [JsonReporter(), TextReporter()])
@pytest.mark.parametrize("context", CONTEXTS)
def test_parts_written_as_they_come_make_the_same_report_in_order(streamed, reporter, context):
    """Standard output gets each part once it and every file before it are final, whatever order the
    workers finish in; the whole is the report joined at the end."""
    results, _ = streamed
    written: list[str] = []
    writer = part_renderer(reporter, context, written.append)
    assert writer is not None
    writer.add(1, results[1])
    assert written == [], "nothing before the first file is final"
    writer.add(0, results[0])
    assert written, "the first two files are written at once"
    so_far = len(written)
    for index in range(len(results) - 1, 2, -1):
        writer.add(index, results[index])
    assert len(written) == so_far, "later files wait for the third"
    writer.finish(results)  # the third was never handed over: rendered now
    assert "".join(written) == reporter.render(results, context)


def test_findings_written_from_encoded_rule_fields_are_json_dumps_of_each_finding(streamed):
    """The JSON reporter encodes what a rule repeats once; each finding's line must still be exactly
    what encoding the whole finding gives (pack findings, other messages and other citations too)."""
    results, _ = streamed
    findings = [finding for result in results for finding in result.findings]
    findings += [
        replace(findings[0], message="Another message with “quotes”."),
        replace(findings[0], citations=()),
    ]
    write = FindingWriter(CONTEXT)
    assert any(finding.pack for finding in findings)
    for finding in findings * 2:  # the second time from what was encoded the first
        assert write(finding) == json.dumps(finding_dict(finding, CONTEXT), ensure_ascii=False)


@pytest.mark.parametrize("reporter", [JsonReporter(), TextReporter()])
def test_empty_run(reporter):
    assert part_renderer(reporter, CONTEXT).render([]) == reporter.render([], CONTEXT)
    written: list[str] = []
    part_renderer(reporter, CONTEXT, written.append).finish([])
    assert "".join(written) == reporter.render([], CONTEXT)


def test_a_reporter_with_render_only_is_rendered_at_the_end():
    class Plugin:
        def render(self, results, context):
            return ""

    assert part_renderer(Plugin(), CONTEXT) is None
