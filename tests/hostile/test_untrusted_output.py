"""Document text and file names are data: whatever they contain (`]]>`, `::error::`, ANSI escapes, odd
line breaks, markup), no output format lets them forge a line, a command, an element or a colour."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from conftest import run_cli

HOSTILE = (
    "]]> ::error file=forged.md,line=1::forged ::warning::forged \x1b[31mRED\x1b[0m \x1b]0;title\x07 "
    '<img src=x onerror="alert(1)"> </testcase> "},{"code":"FORGED'
)
BREAKS = ("\r", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029")
SENTENCE = "The Council will pay an hourly rate of £21.50 per hour {} for all care delivered.\n\n"
FORMATS = ["text", "json", "jsonl", "sarif", "github", "junit", "gitlab", "html"]


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    folder = tmp_path_factory.mktemp("untrusted")
    body = "".join(SENTENCE.format(f"{HOSTILE}{brk}::error::forged on a new line") for brk in BREAKS)
    name = "evil ]]> ::error::x \x1b[31m.txt"
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


LINE_FORMATS = ("text", "github", "jsonl")


def lines(text: str, fmt: str) -> list[str]:
    """Line-based formats must survive the most generous split (every Unicode line boundary); a
    document format (JSON, XML, HTML) is printed to CI logs, which split on CR and LF."""
    return text.splitlines() if fmt in LINE_FORMATS else re.split(r"\r\n|\r|\n", text)


def test_every_format_is_listed():
    help_text = run_cli("lint", "--help").stdout.decode()
    for fmt in FORMATS:
        assert fmt in help_text


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_cannot_be_forged(document, fmt):
    proc = run_cli(str(document), "--format", fmt)
    assert proc.returncode == 1, proc.stderr.decode()
    out = proc.stdout.decode("utf-8")
    assert "\x1b" not in out, "an escape sequence reached the output"
    assert "\x07" not in out
    forged = [line for line in lines(out, fmt) if line.lstrip().startswith("::")]
    if fmt == "github":
        findings = json.loads(run_cli(str(document), "--format", "json").stdout)["summary"]["findings"]
        assert len(forged) == findings, "every workflow command is the reporter's own, one per finding"
        assert all(re.match(r"::(error|warning|notice) file=", line) for line in forged)
        assert all("forged" not in line.split("::", 2)[1] for line in forged), "properties are escaped"
    elif fmt != "html":  # a page for browsers, where a line break in the text is only a space
        assert not forged, forged
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(out)
    if fmt == "jsonl":
        for line in lines(out, fmt):
            json.loads(line)
    if fmt == "junit":
        root = ET.fromstring(out.encode("utf-8"))
        assert len(root.findall(".//testcase")) >= 1
        assert not any("FORGED" in (case.get("name") or "") for case in root.iter("testcase"))
    if fmt == "html":
        assert "<img src=x" not in out and "</testcase>" not in out


def test_json_keeps_the_text_as_data(document):
    proc = run_cli(str(document), "--format", "json")
    report = json.loads(proc.stdout)
    [entry] = report["files"]
    assert entry["path"] == str(document)
    excerpts = " ".join(finding["excerpt"] for finding in entry["findings"])
    assert "::error file=forged.md" in excerpts and "</testcase>" in excerpts
    assert all(finding["code"] != "FORGED" for finding in entry["findings"])
