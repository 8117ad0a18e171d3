"""`--annotate`: a copy of the draft with a comment on the words behind each finding.

Anchors are checked by reading the annotated files independently of tenderlint's own code: the text
between each comment's start and end markers must be the finding's matched words (or, for findings
without matched words, the whole block the report locates them in).
"""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from collections import defaultdict
from pathlib import Path

import pytest
from conftest import CORPORA, digest, run_cli
from docx import Document
from lxml import etree

from tenderlint.parsers.docx import DocxParser
from tenderlint.parsers.odt import OdtParser

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"
XLINK = "{http://www.w3.org/1999/xlink}"
PDF_ADVICE = (
    "Annotation needs a .docx or .odt file; open the PDF in Word (or convert with LibreOffice) "
    "and save as .docx."
)


def squash(text: str) -> str:
    return " ".join(text.split())


def annotate(tmp: Path, name: str, *extra: str) -> dict:
    """Lint a copy of a corpus file with --annotate (JSON report); everything a test needs to check."""
    source = tmp / name
    shutil.copy(CORPORA / name, source)
    before = digest(source)
    target = tmp / f"reviewed{source.suffix}"
    proc = run_cli(str(source), "--annotate", str(target), "--format", "json", *extra)
    assert proc.returncode == 1, proc.stderr.decode()
    report = json.loads(proc.stdout)
    return {"source": source, "before": before, "target": target, "proc": proc, "report": report}


def expected_anchor(finding: dict, blocks) -> str:
    """The matched words, or the text of the block the finding is located in."""
    if finding["match"]["text"]:
        return squash(finding["match"]["text"])
    loc = finding["location"]
    for block in blocks:
        at = block.location
        if loc.get("table") is not None:
            if (at.table, at.row, at.cell) == (loc["table"], loc.get("row"), loc.get("cell")):
                return squash(block.text)
        elif at.table is None and at.part == "body" and at.paragraph == loc.get("paragraph"):
            return squash(block.text)
    raise AssertionError(f"no block at {loc}")


def is_whole_document(finding: dict, blocks) -> bool:
    """A finding with no words of its own, located on the document's first body block."""
    first = next(b for b in blocks if b.location.part == "body")
    loc = finding["location"]
    on_first = loc.get("paragraph") == first.location.paragraph
    searched = finding["evidence"].get("searched") == "whole document"
    return not finding["match"]["text"] and (on_first or searched)


def check_section_anchors(findings: list[dict], anchors_by_code: dict[str, list[str]], blocks) -> None:
    """Whole-document findings sit on the heading of the section they concern, not stacked on the title."""
    headings = [squash(b.text) for b in blocks if b.kind.value == "heading" and b.location.part == "body"]
    wanted = {"TL601": "Evaluation", "TL702": "Staffing", "TL305": "Service Requirements"}
    whole = [f for f in findings if is_whole_document(f, blocks)]
    assert {f["code"] for f in whole} >= set(wanted)
    for finding in whole:
        for anchor in anchors_by_code[finding["code"]]:
            assert anchor in headings[1:], (finding["code"], anchor)
            if finding["code"] in wanted:
                assert wanted[finding["code"]] in anchor, (finding["code"], anchor)


def docx_anchors(document_xml: bytes) -> dict[str, str]:
    """Comment id -> the visible text between its commentRangeStart and commentRangeEnd."""
    open_ids: set[str] = set()
    texts: dict[str, str] = defaultdict(str)
    for event, node in etree.iterwalk(etree.fromstring(document_xml), events=("start", "end")):
        if event == "start" and node.tag == W + "commentRangeStart":
            open_ids.add(node.get(W + "id"))
        elif event == "start" and node.tag == W + "commentRangeEnd":
            open_ids.discard(node.get(W + "id"))
        else:
            visible = event == "start" and node.tag in (W + "t", W + "tab")
            if visible or (event == "end" and node.tag == W + "p"):
                piece = (node.text or "") if node.tag == W + "t" else " "
                for comment_id in open_ids:
                    texts[comment_id] += piece
    return {key: squash(value) for key, value in texts.items()}


def odt_anchors(body) -> tuple[dict[str, str], dict[str, int]]:
    """Annotation name -> text up to its annotation-end, and how many annotation-ends each name has."""
    open_names: set[str] = set()
    texts: dict[str, str] = defaultdict(str)
    ends: dict[str, int] = defaultdict(int)

    def add(piece: str) -> None:
        for name in open_names:
            texts[name] += piece

    def visit(node) -> None:
        name = node.get(OFFICE + "name")
        if node.tag == OFFICE + "annotation":
            open_names.add(name)
            return
        if node.tag == OFFICE + "annotation-end":
            open_names.discard(name)
            ends[name] += 1
            return
        if node.tag in (TEXT + "note", TEXT + "tracked-changes"):
            return
        add(" " if node.tag in (TEXT + "s", TEXT + "tab") else node.text or "")
        for child in node:
            visit(child)
            add(child.tail or "")
        if node.tag in (TEXT + "p", TEXT + "h"):
            add("\n")

    visit(body)
    return {key: squash(value) for key, value in texts.items()}, ends


@pytest.fixture(scope="module")
def docx_run(tmp_path_factory):
    return annotate(tmp_path_factory.mktemp("docx"), "home-care-spec.docx")


@pytest.fixture(scope="module")
def odt_run(tmp_path_factory):
    return annotate(tmp_path_factory.mktemp("odt"), "home-care-spec.odt")


def test_docx_has_one_comment_per_finding_on_its_words(docx_run):
    findings = docx_run["report"]["files"][0]["findings"]
    assert len(findings) >= 15
    document = Document(str(docx_run["target"]))
    ours = sorted((c for c in document.comments if c.author == "tenderlint"), key=lambda c: c.comment_id)
    assert len(ours) == len(findings)
    with zipfile.ZipFile(docx_run["target"]) as archive:
        anchors = docx_anchors(archive.read("word/document.xml"))
    blocks = list(DocxParser().parse(docx_run["source"].read_bytes(), "spec.docx").text_blocks())
    by_code = defaultdict(list)
    for comment, finding in zip(ours, findings, strict=True):
        assert comment.initials == "TL"
        lines = comment.text.split("\n")
        assert lines[0] == f"{finding['code']} {finding['name']}: {finding['message']}"
        assert lines[1] == f"Suggested rewrite: {finding['fix']}"
        for citation in finding["citations"]:
            title = f"{citation['instrument']} {citation['provision']}".strip()
            assert f"See: {title} — {citation['url']}" in lines
        by_code[finding["code"]].append(anchors[str(comment.comment_id)])
        if not is_whole_document(finding, blocks):
            assert anchors[str(comment.comment_id)] == expected_anchor(finding, blocks), finding["code"]
    check_section_anchors(findings, by_code, blocks)


def test_docx_citations_are_clickable_links(docx_run):
    findings = docx_run["report"]["files"][0]["findings"]
    urls = {c["url"] for f in findings for c in f["citations"]}
    with zipfile.ZipFile(docx_run["target"]) as archive:
        comments = etree.fromstring(archive.read("word/comments.xml"))
        rels = etree.fromstring(archive.read("word/_rels/comments.xml.rels"))
    targets = {
        rel.get("Id"): rel.get("Target")
        for rel in rels
        if rel.get("Type").endswith("/hyperlink") and rel.get("TargetMode") == "External"
    }
    R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    linked = set()
    for link in comments.iter(W + "hyperlink"):
        target = targets[link.get(R + "id")]
        assert "".join(link.itertext()) == target
        linked.add(target)
    assert linked == urls and urls


def test_docx_keeps_the_drafts_comment_and_tracked_changes(docx_run):
    document = Document(str(docx_run["target"]))
    theirs = [c for c in document.comments if c.author != "tenderlint"]
    assert [c.text for c in theirs] == ["Check this rate with finance."]
    ids = [c.comment_id for c in document.comments]
    assert len(ids) == len(set(ids))
    with zipfile.ZipFile(docx_run["target"]) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    starts = [node.get(W + "id") for node in root.iter(W + "commentRangeStart")]
    references = [node.get(W + "id") for node in root.iter(W + "commentReference")]
    assert sorted(starts) == sorted(references) == sorted(str(i) for i in ids)
    anchors = docx_anchors(etree.tostring(root))
    assert anchors[str(theirs[0].comment_id)].startswith("The Council will pay an hourly rate of £21.50")
    inserted = ["".join(node.itertext()) for node in root.iter(W + "ins")]
    deleted = ["".join(node.itertext()) for node in root.iter(W + "del")]
    assert inserted == ["at arrival and departure"] and deleted == ["and by the minute"]


def test_docx_original_untouched_and_report_unchanged(docx_run):
    assert digest(docx_run["source"]) == docx_run["before"]
    assert b"wrote" in docx_run["proc"].stderr and b"comments to" in docx_run["proc"].stderr
    plain = run_cli(str(docx_run["source"]), "--format", "json")
    assert plain.stdout == docx_run["proc"].stdout
    original = DocxParser().parse(docx_run["source"].read_bytes(), "a.docx")
    copy = DocxParser().parse(docx_run["target"].read_bytes(), "b.docx")
    assert [b.text for b in copy.text_blocks()] == [b.text for b in original.text_blocks()]


def test_docx_words_split_across_runs_and_a_tracked_insertion(tmp_path):
    draft = Document()
    paragraph = draft.add_paragraph("The Council will pay an hour")
    paragraph.add_run("ly").bold = True
    insertion = etree.SubElement(paragraph._p, W + "ins", {W + "id": "900", W + "author": "R"})
    run = etree.SubElement(insertion, W + "r")
    etree.SubElement(run, W + "t").text = " rate of £21.50"
    paragraph.add_run(" for home care.")
    source, target = tmp_path / "draft.docx", tmp_path / "out.docx"
    draft.save(str(source))
    proc = run_cli(str(source), "--annotate", str(target), "--format", "json")
    hourly = next(f for f in json.loads(proc.stdout)["files"][0]["findings"] if f["code"] == "TL201")
    assert hourly["match"]["text"] == "hourly rate"
    with zipfile.ZipFile(target) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    comment = next(c for c in Document(str(target)).comments if c.text.startswith("TL201 "))
    assert docx_anchors(etree.tostring(root))[str(comment.comment_id)] == "hourly rate"
    assert ["".join(node.itertext()) for node in root.iter(W + "ins")] == [" rate of £21.50"]
    for reference in root.iter(W + "commentReference"):
        assert reference.getparent().getparent().tag == W + "p"  # never inside the tracked insertion


def test_existing_output_needs_force(tmp_path):
    source, target = tmp_path / "spec.docx", tmp_path / "reviewed.docx"
    shutil.copy(CORPORA / "home-care-spec.docx", source)
    target.write_bytes(b"keep me")
    refused = run_cli(str(source), "--annotate", str(target))
    assert refused.returncode == 2
    assert b"already exists" in refused.stderr and b"--force" in refused.stderr
    assert target.read_bytes() == b"keep me"
    forced = run_cli(str(source), "--annotate", str(target), "--force")
    assert forced.returncode == 1, forced.stderr.decode()
    assert any(c.author == "tenderlint" for c in Document(str(target)).comments)


def test_pdf_input_gets_advice_and_exit_2_after_the_report(tmp_path):
    source, target = tmp_path / "spec.pdf", tmp_path / "reviewed.docx"
    shutil.copy(CORPORA / "home-care-spec.pdf", source)
    proc = run_cli(str(source), "--annotate", str(target))
    assert proc.returncode == 2
    assert PDF_ADVICE in squash(proc.stderr.decode())
    assert b"TL201" in proc.stdout
    assert not target.exists()


def test_annotate_needs_exactly_one_document(tmp_path):
    target = tmp_path / "out.docx"
    docx, odt = str(CORPORA / "home-care-spec.docx"), str(CORPORA / "home-care-spec.odt")
    for args in ((docx, odt), (str(CORPORA),)):
        proc = run_cli(*args, "--annotate", str(target))
        assert proc.returncode == 2 and b"Usage" in proc.stderr, proc.stderr.decode()
        assert not target.exists()
    onto_itself = run_cli(docx, "--annotate", docx, "--force")
    assert onto_itself.returncode == 2 and b"overwrite the document" in onto_itself.stderr


def test_odt_has_one_annotation_per_finding_on_its_words(odt_run):
    findings = odt_run["report"]["files"][0]["findings"]
    with zipfile.ZipFile(odt_run["target"]) as archive:
        root = etree.fromstring(archive.read("content.xml"))
    body = root.find(f"{OFFICE}body/{OFFICE}text")
    annotations = list(body.iter(OFFICE + "annotation"))
    assert len(annotations) == len(findings)
    anchors, ends = odt_anchors(body)
    blocks = list(OdtParser().parse(odt_run["source"].read_bytes(), "spec.odt").text_blocks())
    by_code = defaultdict(list)
    # Annotations are in document order; whole-document ones now sit further down, at their section.
    waiting = list(findings)

    def owner(note) -> dict:
        first = note.find(TEXT + "p").text
        found = next(f for f in waiting if first == f"{f['code']} {f['name']}: {f['message']}")
        waiting.remove(found)
        return found

    for note, finding in [(note, owner(note)) for note in annotations]:
        name = note.get(OFFICE + "name")
        assert ends[name] == 1
        assert note.findtext(DC + "creator") == "tenderlint"
        lines = [p.text for p in note.iter(TEXT + "p")]
        assert lines[0] == f"{finding['code']} {finding['name']}: {finding['message']}"
        assert lines[1] == f"Suggested rewrite: {finding['fix']}"
        by_code[finding["code"]].append(anchors[name])
        if not is_whole_document(finding, blocks):
            assert anchors[name] == expected_anchor(finding, blocks), finding["code"]
        links = {a.get(XLINK + "href"): a.text for a in note.iter(TEXT + "a")}
        assert links == {c["url"]: c["url"] for c in finding["citations"]}
        paragraphs = ["".join(p.itertext()) for p in note.iter(TEXT + "p")]
        for citation in finding["citations"]:
            assert any(p.startswith("See: ") and p.endswith(citation["url"]) for p in paragraphs)
    check_section_anchors(findings, by_code, blocks)


def test_odt_package_otherwise_identical_and_still_parses(odt_run):
    assert digest(odt_run["source"]) == odt_run["before"]
    with zipfile.ZipFile(odt_run["source"]) as old, zipfile.ZipFile(odt_run["target"]) as new:
        assert new.namelist() == old.namelist() and new.namelist()[0] == "mimetype"
        assert new.infolist()[0].compress_type == zipfile.ZIP_STORED
        for name in old.namelist():
            if name != "content.xml":
                assert new.read(name) == old.read(name), name
    original = OdtParser().parse(odt_run["source"].read_bytes(), "a.odt")
    copy = OdtParser().parse(io.BytesIO(odt_run["target"].read_bytes()).getvalue(), "b.odt")
    assert [b.text for b in copy.text_blocks()] == [b.text for b in original.text_blocks()]
