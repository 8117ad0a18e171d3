"""The same specification in five formats gives the same findings, each located the format's way."""

from __future__ import annotations

import pytest
from conftest import CORPORA, run_json

FORMATS = ("md", "txt", "docx", "odt", "pdf")


@pytest.fixture(scope="module")
def reports():
    paths = [str(CORPORA / f"home-care-spec.{ext}") for ext in FORMATS]
    code, report = run_json(*paths)
    assert code == 1
    assert [f["path"] for f in report["files"]] == paths
    return {ext: entry for ext, entry in zip(FORMATS, report["files"], strict=True)}


def signature(entry):
    return sorted((f["code"], " ".join(f["match"]["text"].split())) for f in entry["findings"])


def test_same_findings_in_every_format(reports):
    for ext in FORMATS:
        assert reports[ext]["error"] is None, reports[ext]["error"]
        assert reports[ext]["format"] == ext
    expected = signature(reports["md"])
    codes = {code for code, _ in expected}
    assert {"TL103", "TL104", "TL201", "TL202", "TL206", "TL301", "TL401"} <= codes
    for ext in FORMATS[1:]:
        assert signature(reports[ext]) == expected, ext


def test_text_formats_give_line_and_column(reports):
    for ext in ("md", "txt"):
        hourly = next(f for f in reports[ext]["findings"] if f["code"] == "TL201")
        assert hourly["location"]["line"] > 1 and hourly["location"]["column"] >= 1
        assert "page" not in hourly["location"]


def test_pdf_gives_page_and_line(reports):
    for finding in reports["pdf"]["findings"]:
        assert finding["location"]["page"] >= 1 and finding["location"]["line"] >= 1
    hourly = next(f for f in reports["pdf"]["findings"] if f["code"] == "TL201")
    assert hourly["location"]["page"] == 2


def test_word_and_odt_give_heading_trail_and_paragraph(reports):
    for ext in ("docx", "odt"):
        hourly = next(f for f in reports[ext]["findings"] if f["code"] == "TL201")
        assert hourly["location"]["trail"] == ["3 Payment"]
        assert hourly["location"]["paragraph"] > 1
        assert "line" not in hourly["location"]
        table = next(f for f in reports[ext]["findings"] if f["code"] == "TL301")
        assert table["location"]["table"] == 1 and table["location"]["row"] >= 1


def test_tracked_deletion_is_not_linted(reports):
    """The .docx deletes "and by the minute" as a tracked change; changes are read as accepted."""
    matched = " ".join(f["excerpt"] for f in reports["docx"]["findings"])
    assert "by the minute" not in matched
    assert not any(
        f["code"] == "TL202" and "by the minute" in f["excerpt"] for f in reports["docx"]["findings"]
    )


def test_glossary_and_header_are_quiet(reports):
    for ext in FORMATS:
        for finding in reports[ext]["findings"]:
            assert "Glossary" not in finding["location"].get("trail", [])
            assert finding["location"].get("part", "body") == "body"
