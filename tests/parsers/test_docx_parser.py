"""DocxParser against small real .docx files built with python-docx plus raw XML edits."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.parser import parse_xml

from tenderlint import errors
from tenderlint.document import BlockKind, Document
from tenderlint.errors import InputError
from tenderlint.parsers.docx import DocxParser

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (
    f'xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def raw(doc: docx.document.Document, xml: str) -> None:
    """Append one raw block-level element (w:p, w:tbl, w:sdt...) to the body, before sectPr."""
    element = parse_xml(re.sub(r"^<([\w:]+)", rf"<\1 {NS}", xml, count=1))
    doc.element.body.sectPr.addprevious(element)


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def save(
    doc: docx.document.Document, tmp_path: Path, parts: dict[str, tuple[str, str, str]] | None = None
) -> bytes:
    """Save to tmp_path; `parts` adds {partname: (xml, reltype, content type)} related to the document."""
    path = tmp_path / "sample.docx"
    doc.save(path)
    data = path.read_bytes()
    return add_parts(data, parts) if parts else data


def add_parts(data: bytes, parts: dict[str, tuple[str, str, str]]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            payload = source.read(item)
            if item.filename == "[Content_Types].xml":
                overrides = "".join(
                    f'<Override PartName="/{name}" ContentType="{ctype}"/>'
                    for name, (_, _, ctype) in parts.items()
                )
                payload = payload.replace(b"</Types>", overrides.encode() + b"</Types>")
            elif item.filename == "word/_rels/document.xml.rels":
                rels = "".join(
                    f'<Relationship Id="rIdX{i}" Type="{REL}{reltype}" Target="{name.split("/", 1)[1]}"/>'
                    for i, (name, (_, reltype, _)) in enumerate(parts.items())
                )
                payload = payload.replace(b"</Relationships>", rels.encode() + b"</Relationships>")
            target.writestr(item, payload)
        for name, (xml, _, _) in parts.items():
            target.writestr(name, xml)
    return out.getvalue()


def parse(data: bytes) -> Document:
    return DocxParser().parse(data, "sample.docx")


def body(document: Document) -> list:
    return [b for b in document.blocks if b.location.part == "body"]


def test_headings_trail_and_paragraph_numbers(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("Contract notice", style="Title")
    doc.add_paragraph("Intro text")
    doc.add_heading("Scope", level=1)
    doc.add_paragraph("   ")
    doc.add_paragraph("Scope text")
    doc.add_heading("Payment", level=2)
    doc.add_paragraph("Pay monthly")
    doc.add_heading("Award", level=1)
    doc.add_paragraph("Award text")
    blocks = body(parse(save(doc, tmp_path)))

    assert [(b.kind, b.text) for b in blocks][:3] == [
        (BlockKind.HEADING, "Contract notice"),
        (BlockKind.PARAGRAPH, "Intro text"),
        (BlockKind.HEADING, "Scope"),
    ]
    assert [b.location.paragraph for b in blocks] == [1, 2, 3, 4, 5, 6, 7, 8]
    by_text = {b.text: b for b in blocks}
    assert by_text["Contract notice"].level == 1
    assert by_text["Intro text"].location.trail == ("Contract notice",)
    assert by_text["Scope"].location.trail == ("Scope",)
    assert by_text["Payment"].level == 2
    assert by_text["Pay monthly"].location.trail == ("Scope", "Payment")
    assert by_text["Award text"].location.trail == ("Award",)
    assert by_text["Pay monthly"].location.describe() == "Scope > Payment, paragraph 6"


def test_outline_level_makes_heading_directly_and_via_style(tmp_path: Path) -> None:
    doc = docx.Document()
    style = doc.styles.add_style("Clause Title", WD_STYLE_TYPE.PARAGRAPH)
    style.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {NS} w:val="1"/>'))
    raw(doc, f'<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr>{run("Part A")}</w:p>')
    doc.add_paragraph("Clause 1", style="Clause Title")
    raw(doc, f'<w:p><w:pPr><w:outlineLvl w:val="9"/></w:pPr>{run("Body level")}</w:p>')
    blocks = body(parse(save(doc, tmp_path)))

    assert [(b.kind, b.level) for b in blocks] == [
        (BlockKind.HEADING, 1),
        (BlockKind.HEADING, 2),
        (BlockKind.PARAGRAPH, None),
    ]
    assert blocks[2].location.trail == ("Part A", "Clause 1")


def test_tables_interleaved_with_merged_cells_once(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_heading("Prices", level=1)
    doc.add_paragraph("Before")
    table = doc.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Wide header"
    table.cell(0, 2).text = "Rate"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "Tall"
    table.cell(1, 1).text = "Line one"
    table.cell(1, 1).add_paragraph("Line two")
    table.cell(2, 2).text = "£10"
    doc.add_paragraph("After")
    blocks = body(parse(save(doc, tmp_path)))

    assert [b.kind for b in blocks] == [
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.TABLE,
        BlockKind.PARAGRAPH,
    ]
    tbl = blocks[2]
    assert tbl.text == "" and tbl.location.table == 1
    texts = [[c.text for c in row] for row in tbl.rows]
    assert texts == [["Wide header", "Rate"], ["Tall", "Line one\nLine two", ""], ["", "£10"]]
    cell = tbl.rows[1][1]
    assert cell.kind is BlockKind.TABLE_CELL
    assert (cell.location.table, cell.location.row, cell.location.cell) == (1, 2, 2)
    assert cell.location.paragraph is None and cell.location.trail == ("Prices",)
    assert tbl.rows[0][1].location.cell == 2  # a horizontal merge counts as one cell
    assert tbl.rows[2][1].location.cell == 3  # the merged-away "Tall" still occupies position 1
    assert blocks[3].location.paragraph == 3  # table cell paragraphs are not counted


def _numbering_xml(levels: str, num_extra: str = "") -> str:
    return (
        f'<w:numbering {NS}><w:abstractNum w:abstractNumId="90">{levels}</w:abstractNum>'
        f'<w:num w:numId="90"><w:abstractNumId w:val="90"/>{num_extra}</w:num></w:numbering>'
    )


def _lvl(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


def _numbered(doc: docx.document.Document, text: str, ilvl: int, num_id: str = "90") -> None:
    ppr = f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
    raw(doc, f"<w:p>{ppr}{run(text)}</w:p>")


def _with_numbering(data: bytes, numbering: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            payload = numbering.encode() if item.filename == "word/numbering.xml" else source.read(item)
            target.writestr(item, payload)
    return out.getvalue()


def test_multilevel_numbering_counts_and_resets(tmp_path: Path) -> None:
    doc = docx.Document()
    for text, ilvl in [("One", 0), ("One a", 1), ("One b", 1), ("Two", 0), ("Two a", 1), ("Two a i", 2)]:
        _numbered(doc, text, ilvl)
    levels = (
        _lvl(0, "decimal", "%1.", start=3) + _lvl(1, "lowerLetter", "%1.%2") + _lvl(2, "upperRoman", "(%3)")
    )
    data = _with_numbering(save(doc, tmp_path), _numbering_xml(levels))
    blocks = body(parse(data))

    assert [(b.kind, b.number, b.level) for b in blocks] == [
        (BlockKind.LIST_ITEM, "3.", 1),
        (BlockKind.LIST_ITEM, "3.a", 2),
        (BlockKind.LIST_ITEM, "3.b", 2),
        (BlockKind.LIST_ITEM, "4.", 1),
        (BlockKind.LIST_ITEM, "4.a", 2),
        (BlockKind.LIST_ITEM, "(I)", 3),
    ]


def test_list_styles_number_and_bullet(tmp_path: Path) -> None:
    doc = docx.Document()
    for text in ("First", "Second", "Third"):
        doc.add_paragraph(text, style="List Number")
    doc.add_paragraph("Dot", style="List Bullet")
    blocks = body(parse(save(doc, tmp_path)))

    assert [b.kind for b in blocks] == [BlockKind.LIST_ITEM] * 4
    assert [b.number for b in blocks] == ["1.", "2.", "3.", None]


def test_start_override_and_broken_numbering_fall_back(tmp_path: Path) -> None:
    doc = docx.Document()
    _numbered(doc, "Restarted", 0)
    _numbered(doc, "Missing definition", 0, num_id="777")
    _numbered(doc, "Bad level", 5)
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride>'
    levels = (
        _lvl(0, "decimal", "%1)")
        + '<w:lvl w:ilvl="5"><w:start w:val="x"/><w:numFmt w:val="decimal"/></w:lvl>'
    )
    data = _with_numbering(save(doc, tmp_path), _numbering_xml(levels, override))
    blocks = body(parse(data))

    assert [(b.kind, b.number) for b in blocks] == [
        (BlockKind.LIST_ITEM, "7)"),
        (BlockKind.LIST_ITEM, None),
        (BlockKind.LIST_ITEM, None),
    ]


def test_tracked_changes_read_as_accepted(tmp_path: Path) -> None:
    doc = docx.Document()
    raw(
        doc,
        "<w:p>"
        + run("The supplier ")
        + f'<w:ins w:id="1" w:author="A">{run("must ")}</w:ins>'
        + '<w:del w:id="2" w:author="A"><w:r><w:delText>may </w:delText></w:r></w:del>'
        + f'<w:moveFrom w:id="3" w:author="A">{run("old place ")}</w:moveFrom>'
        + f'<w:moveTo w:id="4" w:author="A">{run("report ")}</w:moveTo>'
        + run("monthly.")
        + "</w:p>",
    )
    raw(
        doc, '<w:p><w:del w:id="5" w:author="A"><w:r><w:delText>Gone entirely</w:delText></w:r></w:del></w:p>'
    )
    doc.add_paragraph("Kept")
    blocks = body(parse(save(doc, tmp_path)))

    assert [b.text for b in blocks] == ["The supplier must report monthly.", "Kept"]
    assert blocks[1].location.paragraph == 2


def test_inline_text_features(tmp_path: Path) -> None:
    doc = docx.Document()
    hyperlink = f'<w:hyperlink r:id="rId99">{run("link")}</w:hyperlink>'
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MERGEFIELD Name </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("«Name»")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    raw(
        doc,
        "<w:p>"
        + run("a")
        + "<w:r><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:noBreakHyphen/><w:t>d</w:t></w:r>"
        + hyperlink
        + f'<w:smartTag w:uri="u" w:element="e">{run(" tag")}</w:smartTag>'
        + f'<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>{run(" control")}</w:sdtContent></w:sdt>'
        + f'<w:fldSimple w:instr=" DATE ">{run(" 1 May")}</w:fldSimple> '
        + field
        + "</w:p>",
    )
    blocks = body(parse(save(doc, tmp_path)))

    assert blocks[0].text == "a b\nc-dlink tag control 1 May«Name»"
    assert "MERGEFIELD" not in blocks[0].text


def test_alternate_content_text_box_read_once(tmp_path: Path) -> None:
    doc = docx.Document()
    box = f"<w:txbxContent><w:p>{run('Boxed words')}</w:p></w:txbxContent>"
    raw(
        doc,
        "<w:p>"
        + run("Before")
        + f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><x:y xmlns:x="urn:x">{box}</x:y>'
        + f"</w:drawing></mc:Choice><mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        + "</w:p>",
    )
    blocks = body(parse(save(doc, tmp_path)))

    assert blocks[0].text.count("Boxed words") == 1
    assert blocks[0].text.startswith("Before")


def test_headers_and_footers_deduplicated(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("Body one")
    first = doc.sections[0]
    first.header.paragraphs[0].text = "OFFICIAL"
    first.footer.paragraphs[0].text = "Page footer"
    first.different_first_page_header_footer = True
    first.first_page_header.paragraphs[0].text = "Cover header"
    second = doc.add_section()
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "OFFICIAL"
    doc.add_paragraph("Body two")
    document = parse(save(doc, tmp_path))

    headers = [b for b in document.blocks if b.kind is BlockKind.HEADER]
    footers = [b for b in document.blocks if b.kind is BlockKind.FOOTER]
    assert [b.text for b in headers] == ["OFFICIAL", "Cover header"]
    assert [b.text for b in footers] == ["Page footer"]
    assert {b.location.part for b in headers} == {"header"} and footers[0].location.part == "footer"
    assert document.blocks[0].kind is BlockKind.HEADER
    assert [b.text for b in body(document)] == ["Body one", "Body two"]


def _notes_xml(kind: str, notes: dict[int, str]) -> str:
    seps = (
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:t>sep</w:t></w:r></w:p></w:{kind}>'
    )
    items = "".join(
        f'<w:{kind} w:id="{i}"><w:p><w:r><w:{kind}Ref/></w:r>{run(" " + text)}</w:p></w:{kind}>'
        for i, text in notes.items()
    )
    return f"<w:{kind}s {NS}>{seps}{items}</w:{kind}s>"


def test_footnotes_and_endnotes(tmp_path: Path) -> None:
    doc = docx.Document()
    ref = '<w:r><w:footnoteReference w:id="{}"/></w:r>'
    raw(doc, f"<w:p>{run('See note')}{ref.format(2)}{run(' and')}{ref.format(1)}</w:p>")
    raw(doc, f'<w:p>{run("End")}<w:r><w:endnoteReference w:id="1"/></w:r></w:p>')
    parts = {
        "word/footnotes.xml": (
            _notes_xml("footnote", {1: "Second cited", 2: "First cited"}),
            "footnotes",
            CT + "footnotes+xml",
        ),
        "word/endnotes.xml": (_notes_xml("endnote", {1: "An endnote"}), "endnotes", CT + "endnotes+xml"),
    }
    document = parse(save(doc, tmp_path, parts))

    notes = [b for b in document.blocks if b.kind is BlockKind.FOOTNOTE]
    assert [(b.text, b.location.part, b.location.paragraph) for b in notes] == [
        ("Second cited", "footnote", 2),
        ("First cited", "footnote", 1),
        ("An endnote", "endnote", 1),
    ]
    assert body(document)[0].text == "See note and"
    assert "sep" not in [b.text for b in notes]


def test_comment_directives_suppress_anchored_blocks(tmp_path: Path) -> None:
    doc = docx.Document()
    p1 = doc.add_paragraph("Untouched")
    p2 = doc.add_paragraph("Hourly rates apply")
    p3 = doc.add_paragraph("Still in range")
    p4 = doc.add_paragraph("Plain comment here")
    doc.add_paragraph("After range")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Cell with comment"
    table.cell(0, 1).text = "Other cell"
    doc.add_comment([p2.runs[0], p3.runs[0]], text="Agreed. tenderlint: disable=TL201, hourly-rate")
    doc.add_comment(p4.runs[0], text="Just a note")
    doc.add_comment(table.cell(0, 0).paragraphs[0].runs[0], text="tenderlint: disable-next=TL300")
    doc.add_comment(p1.runs[0], text="tenderlint: disable-file=TL999")
    document = parse(save(doc, tmp_path))

    supp = {b.text: b.suppressions for b in document.text_blocks()}
    assert supp["Untouched"] == ()
    assert supp["Hourly rates apply"] == ("TL201", "hourly-rate")
    assert supp["Still in range"] == ("TL201", "hourly-rate")
    assert supp["Plain comment here"] == ()
    assert supp["After range"] == ()
    assert supp["Cell with comment"] == ("TL300",)
    assert supp["Other cell"] == ()
    assert document.file_suppressions == ("TL999",)
    assert not any("Agreed" in b.text for b in document.text_blocks())


def test_table_of_contents_skipped(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    doc.add_paragraph("Scope\t3", style="toc 1")
    gallery = '<w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>'
    raw(doc, f"<w:sdt>{gallery}<w:sdtContent><w:p>{run('Award 4')}</w:p></w:sdtContent></w:sdt>")
    raw(doc, f"<w:sdt><w:sdtPr/><w:sdtContent><w:p>{run('Controlled clause')}</w:p></w:sdtContent></w:sdt>")
    doc.add_heading("Scope", level=1)
    blocks = body(parse(save(doc, tmp_path)))

    assert [(b.text, b.location.paragraph) for b in blocks] == [("Controlled clause", 1), ("Scope", 2)]


def test_not_a_zip_is_corrupt() -> None:
    with pytest.raises(InputError) as info:
        parse(b"PK\x03\x04 this is not really a zip")
    assert info.value.code == errors.CORRUPT
    assert info.value.hint


def test_zip_without_document_part_is_corrupt() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/styles.xml", "<x/>")
    with pytest.raises(InputError) as info:
        parse(out.getvalue())
    assert info.value.code == errors.CORRUPT
    assert "word/document.xml" in info.value.message


def test_malformed_document_xml_is_corrupt_with_cause(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("Hello")
    data = save(doc, tmp_path)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            payload = source.read(item)
            if item.filename == "word/document.xml":
                payload = payload[: len(payload) // 2]
            target.writestr(item, payload)
    with pytest.raises(InputError) as info:
        parse(out.getvalue())
    assert info.value.code == errors.CORRUPT
    assert info.value.__cause__ is not None


def test_document_without_text_is_empty(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("")
    doc.add_paragraph("   ")
    with pytest.raises(InputError) as info:
        parse(save(doc, tmp_path))
    assert info.value.code == errors.EMPTY


def test_parser_metadata_and_no_heavy_imports_at_module_load() -> None:
    assert DocxParser.format == "docx" and DocxParser.extensions == (".docx",)
    code = (
        "import sys, tenderlint.parsers.docx, tenderlint.parsers.odt;"
        "print(sorted(m for m in ('docx', 'lxml') if m in sys.modules))"
    )
    src = Path(__file__).resolve().parents[2] / "src"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env={"PYTHONPATH": str(src)}
    )
    assert result.stdout.strip() == "[]"


def test_a_paragraph_opening_with_a_typed_bullet_is_a_list_item(tmp_path: Path) -> None:
    """ "• five sessions" and "- two outings" typed without a list style are list items too."""
    doc = docx.Document()
    doc.add_paragraph("The Provider shall deliver the following activities as a minimum:")
    doc.add_paragraph("\u2022 five sessions per week of structured activity;")
    doc.add_paragraph("- two outings per month into the community;")
    doc.add_paragraph("(c) one cookery session per week; and")
    doc.add_paragraph("-5% is not a bullet, nor is a sentence that mentions - in passing.")
    doc.add_paragraph("3.2 A numbered clause stays a paragraph.")
    kinds = [block.kind for block in body(parse(save(doc, tmp_path)))]
    assert kinds == [
        BlockKind.PARAGRAPH,
        *[BlockKind.LIST_ITEM] * 3,
        BlockKind.PARAGRAPH,
        BlockKind.PARAGRAPH,
    ]
