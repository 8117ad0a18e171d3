"""OdtParser against small .odt files written by hand (mimetype, content.xml, styles.xml, manifest)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tenderlint import errors
from tenderlint.document import Block, BlockKind, Document
from tenderlint.errors import InputError
from tenderlint.parsers.odt import OdtParser

NS = " ".join(
    f'xmlns:{prefix}="{uri}"'
    for prefix, uri in {
        "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
        "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
        "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
        "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
        "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
        "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
        "dc": "http://purl.org/dc/elements/1.1/",
        "loext": "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0",
    }.items()
)
MANIFEST = (
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">{extra}</manifest:file-entry>'
    '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)
NUMBERED = (
    '<text:list-style style:name="LNum">'
    '<text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>'
    '<text:list-level-style-number text:level="2" style:num-format="a" text:display-levels="2"/>'
    "</text:list-style>"
    '<text:list-style style:name="LBul"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/>'
    "</text:list-style>"
)


def odt_bytes(
    body: str,
    automatic: str = "",
    styles: str = "",
    master: str = "",
    manifest_extra: str = "",
    content: str | None = None,
) -> bytes:
    """A minimal .odt archive, members written the way LibreOffice writes them."""
    import io

    if content is None:
        content = (
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS} office:version="1.3">'
            f"<office:automatic-styles>{automatic}</office:automatic-styles>"
            f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
        )
    styles_xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NS} office:version="1.3">'
        f"<office:styles>{styles}</office:styles><office:master-styles>{master}</office:master-styles>"
        "</office:document-styles>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.text",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("content.xml", content)
        archive.writestr("styles.xml", styles_xml)
        archive.writestr("META-INF/manifest.xml", MANIFEST.format(extra=manifest_extra))
    return out.getvalue()


def parse(tmp_path: Path, *args: str, **kwargs: str) -> Document:
    path = tmp_path / "sample.odt"
    path.write_bytes(odt_bytes(*args, **kwargs))
    return OdtParser().parse(path.read_bytes(), str(path))


def body(document: Document) -> list[Block]:
    return [b for b in document.blocks if b.location.part == "body"]


def test_headings_paragraphs_trail_and_whitespace(tmp_path: Path) -> None:
    document = parse(
        tmp_path,
        '<text:p text:style-name="P1">Care specification</text:p>'
        '<text:h text:outline-level="1">Scope</text:h>'
        '<text:p>  The   supplier\n  must<text:s text:c="3"/>report<text:tab/>to '
        '<text:span text:style-name="T1">the</text:span> <text:a xlink:href="x" '
        'xmlns:xlink="http://www.w3.org/1999/xlink">Buyer</text:a>.<text:line-break/>Monthly.</text:p>'
        "<text:p/><text:p>   </text:p>"
        '<text:h text:outline-level="2">Payment</text:h>'
        "<text:p>Pay «Insert_Amount» monthly.</text:p>"
        '<text:h text:outline-level="1">Award</text:h>'
        "<text:p>Award text</text:p>",
        automatic='<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>',
    )
    blocks = body(document)

    assert [(b.kind, b.level, b.location.paragraph) for b in blocks] == [
        (BlockKind.HEADING, 1, 1),
        (BlockKind.HEADING, 1, 2),
        (BlockKind.PARAGRAPH, None, 3),
        (BlockKind.HEADING, 2, 4),
        (BlockKind.PARAGRAPH, None, 5),
        (BlockKind.HEADING, 1, 6),
        (BlockKind.PARAGRAPH, None, 7),
    ]
    assert blocks[0].text == "Care specification"  # the Title style is a level-1 heading, as in .docx
    assert blocks[2].text == "The supplier must   report to the Buyer.\nMonthly."
    assert blocks[4].text == "Pay «Insert_Amount» monthly."
    assert blocks[4].location.trail == ("Scope", "Payment")
    assert blocks[6].location.trail == ("Award",)
    assert document.format == "odt"


def test_numbered_nested_and_bulleted_lists(tmp_path: Path) -> None:
    item = "<text:list-item><text:p>{}</text:p></text:list-item>"
    nested = (
        "<text:list-item><text:p>Two</text:p><text:p>Two continued</text:p>"
        f"<text:list>{item.format('Two a')}{item.format('Two b')}</text:list></text:list-item>"
    )
    document = parse(
        tmp_path,
        f'<text:list text:style-name="LNum">{item.format("One")}{nested}</text:list>'
        "<text:p>Interruption</text:p>"
        f'<text:list text:style-name="LNum" text:continue-numbering="true">{item.format("Three")}</text:list>'
        f'<text:list text:style-name="LNum">{item.format("Fresh")}'
        "<text:list-header><text:p>Header line</text:p></text:list-header></text:list>"
        f'<text:list text:style-name="LBul">{item.format("Bullet")}</text:list>',
        automatic=NUMBERED,
    )
    blocks = body(document)

    assert [(b.text, b.kind, b.number, b.level) for b in blocks] == [
        ("One", BlockKind.LIST_ITEM, "1.", 1),
        ("Two", BlockKind.LIST_ITEM, "2.", 1),
        ("Two continued", BlockKind.LIST_ITEM, None, 1),
        ("Two a", BlockKind.LIST_ITEM, "2.a", 2),
        ("Two b", BlockKind.LIST_ITEM, "2.b", 2),
        ("Interruption", BlockKind.PARAGRAPH, None, None),
        ("Three", BlockKind.LIST_ITEM, "3.", 1),
        ("Fresh", BlockKind.LIST_ITEM, "1.", 1),
        ("Header line", BlockKind.LIST_ITEM, None, 1),
        ("Bullet", BlockKind.LIST_ITEM, None, 1),
    ]


def test_headings_numbered_from_outline_style(tmp_path: Path) -> None:
    outline = (
        '<text:outline-style style:name="Outline">'
        '<text:outline-level-style text:level="1" style:num-format="1"/>'
        '<text:outline-level-style text:level="2" style:num-format="1" text:display-levels="2"/>'
        "</text:outline-style>"
    )
    document = parse(
        tmp_path,
        '<text:h text:outline-level="1">Intro</text:h><text:h text:outline-level="2">Aims</text:h>'
        '<text:h text:outline-level="2">Scope</text:h><text:h text:outline-level="1">Payment</text:h>'
        '<text:h text:outline-level="2">Rates</text:h><text:p>Text</text:p>',
        styles=outline,
    )
    blocks = body(document)

    assert [b.number for b in blocks[:5]] == ["1", "1.1", "1.2", "2", "2.1"]
    assert blocks[5].location.trail == ("2 Payment", "2.1 Rates")


def test_tables_with_spans_covered_cells_and_repeats(tmp_path: Path) -> None:
    cell = "<table:table-cell{}><text:p>{}</text:p></table:table-cell>"
    document = parse(
        tmp_path,
        '<text:h text:outline-level="1">Prices</text:h><text:p>Before</text:p>'
        '<table:table table:name="T1"><table:table-column table:number-columns-repeated="3"/>'
        "<table:table-header-rows><table:table-row>"
        + cell.format(' table:number-columns-spanned="2"', "Wide")
        + "<table:covered-table-cell/>"
        + cell.format("", "Rate")
        + "</table:table-row></table:table-header-rows><table:table-row>"
        + cell.format(' table:number-rows-spanned="2"', "Tall")
        + cell.format("", "Line one</text:p><text:p>Line two")
        + cell.format("", "£5")
        + "</table:table-row><table:table-row><table:covered-table-cell/>"
        + cell.format("", "x")
        + '<table:table-cell table:number-columns-repeated="100000"/>'
        + "</table:table-row></table:table>"
        "<text:p>After</text:p>",
    )
    blocks = body(document)

    assert [b.kind for b in blocks] == [
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.TABLE,
        BlockKind.PARAGRAPH,
    ]
    table = blocks[2]
    assert [[c.text for c in row] for row in table.rows[:2]] == [
        ["Wide", "Rate"],
        ["Tall", "Line one\nLine two", "£5"],
    ]
    # A horizontal span counts once (as in the docx parser); a cell covered from above keeps its place.
    assert [(c.location.row, c.location.cell) for c in table.rows[0]] == [(1, 1), (1, 2)]
    assert [c.location.cell for c in table.rows[2][:2]] == [2, 3]
    assert 2 < len(table.rows[2]) <= 40
    assert table.rows[1][1].location.trail == ("Prices",) and table.rows[1][1].location.table == 1
    assert blocks[3].location.paragraph == 3


def test_footnotes_lifted_out_of_text(tmp_path: Path) -> None:
    document = parse(
        tmp_path,
        '<text:p>Payment is due<text:note text:id="ftn1" text:note-class="footnote">'
        "<text:note-citation>1</text:note-citation><text:note-body><text:p>Within 30 days.</text:p>"
        '</text:note-body></text:note> monthly.<text:note text:note-class="endnote">'
        "<text:note-citation>i</text:note-citation><text:note-body><text:p>See schedule.</text:p>"
        "</text:note-body></text:note></text:p>",
    )
    notes = [b for b in document.blocks if b.kind is BlockKind.FOOTNOTE]

    assert body(document)[0].text == "Payment is due monthly."
    assert [(b.text, b.location.part, b.location.paragraph) for b in notes] == [
        ("Within 30 days.", "footnote", 1),
        ("See schedule.", "endnote", 1),
    ]


def test_tracked_changes_read_as_accepted(tmp_path: Path) -> None:
    changes = (
        "<text:tracked-changes>"
        '<text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>A</dc:creator>'
        "</office:change-info><text:p>may </text:p></text:deletion></text:changed-region>"
        '<text:changed-region text:id="ct2"><text:insertion><office:change-info><dc:creator>A</dc:creator>'
        "</office:change-info></text:insertion></text:changed-region></text:tracked-changes>"
    )
    document = parse(
        tmp_path,
        changes
        + '<text:p>The supplier <text:change text:change-id="ct1"/><text:change-start text:change-id="ct2"/>'
        'must <text:change-end text:change-id="ct2"/>report.</text:p>',
    )

    assert [b.text for b in body(document)] == ["The supplier must report."]


def _annotation(text: str, name: str | None = None) -> str:
    attr = f' office:name="{name}"' if name else ""
    return f"<office:annotation{attr}><dc:creator>Reviewer</dc:creator><text:p>{text}</text:p></office:annotation>"


def test_annotation_directives_suppress_anchored_paragraphs(tmp_path: Path) -> None:
    document = parse(
        tmp_path,
        "<text:p>Untouched</text:p>"
        f"<text:p>{_annotation('OK. tenderlint: disable=TL201', 'c1')}Hourly rates apply</text:p>"
        '<text:p>Still in range<office:annotation-end office:name="c1"/></text:p>'
        "<text:p>After range</text:p>"
        f"<text:p>{_annotation('just a remark')}Remarked</text:p>"
        f"<text:p>{_annotation('tenderlint: disable-file=TL999')}Whole file</text:p>"
        "<table:table><table:table-row><table:table-cell>"
        f"<text:p>{_annotation('tenderlint: disable-next=TL300')}In cell</text:p></table:table-cell>"
        "<table:table-cell><text:p>Other cell</text:p></table:table-cell></table:table-row></table:table>",
    )
    supp = {b.text: b.suppressions for b in document.text_blocks()}

    assert supp["Untouched"] == ()
    assert supp["Hourly rates apply"] == ("TL201",)
    assert supp["Still in range"] == ("TL201",)
    assert supp["After range"] == ()
    assert supp["Remarked"] == ()
    assert supp["In cell"] == ("TL300",)
    assert supp["Other cell"] == ()
    assert document.file_suppressions == ("TL999",)
    assert not any("tenderlint" in b.text or "Reviewer" in b.text for b in document.text_blocks())


def test_headers_and_footers_from_master_pages(tmp_path: Path) -> None:
    master = (
        '<style:master-page style:name="Standard"><style:header><text:p>OFFICIAL</text:p></style:header>'
        "<style:footer><text:p>Page <text:page-number>1</text:page-number></text:p></style:footer>"
        '<style:footer-left style:display="false"><text:p>Hidden</text:p></style:footer-left></style:master-page>'
        '<style:master-page style:name="First"><style:header><text:p>OFFICIAL</text:p></style:header>'
        "<loext:header-first><text:p>Cover</text:p></loext:header-first></style:master-page>"
    )
    document = parse(tmp_path, "<text:p>Body</text:p>", master=master)

    headers = [b.text for b in document.blocks if b.kind is BlockKind.HEADER]
    footers = [b.text for b in document.blocks if b.kind is BlockKind.FOOTER]
    assert headers == ["OFFICIAL", "Cover"]
    assert footers == ["Page 1"]
    assert [b.kind for b in document.blocks] == [
        BlockKind.HEADER,
        BlockKind.HEADER,
        BlockKind.PARAGRAPH,
        BlockKind.FOOTER,
    ]


def test_table_of_contents_and_images_are_not_text(tmp_path: Path) -> None:
    document = parse(
        tmp_path,
        '<text:table-of-content text:name="TOC"><text:index-body><text:p>Scope<text:tab/>3</text:p>'
        "</text:index-body></text:table-of-content>"
        "<text:p>Logo<draw:frame><draw:image><office:binary-data>AAAA</office:binary-data></draw:image>"
        "<svg:desc>alt text</svg:desc></draw:frame></text:p>"
        "<text:p>See<draw:frame><draw:text-box><text:p>Boxed</text:p></draw:text-box></draw:frame></text:p>"
        '<text:h text:outline-level="1">Scope</text:h>',
    )

    assert [(b.text, b.location.paragraph) for b in body(document)] == [
        ("Logo", 1),
        ("See\nBoxed", 2),
        ("Scope", 3),
    ]


def test_not_a_zip_is_corrupt() -> None:
    with pytest.raises(InputError) as info:
        OdtParser().parse(b"PK\x03\x04 broken", "x.odt")
    assert info.value.code == errors.CORRUPT
    assert info.value.hint


def test_missing_content_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "x.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    with pytest.raises(InputError) as info:
        OdtParser().parse(path.read_bytes(), str(path))
    assert info.value.code == errors.CORRUPT
    assert "content.xml" in info.value.message


def test_malformed_content_is_corrupt_with_cause() -> None:
    with pytest.raises(InputError) as info:
        OdtParser().parse(odt_bytes("", content="<office:document-content><unclosed>"), "x.odt")
    assert info.value.code == errors.CORRUPT
    assert info.value.__cause__ is not None


def test_entities_are_not_expanded() -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        f"<office:document-content {NS}><office:body><office:text><text:p>x &b; y</text:p>"
        "</office:text></office:body></office:document-content>"
    )
    # The package check refuses a part that declares entities before any XML parser sees it...
    with pytest.raises(InputError) as info:
        OdtParser().parse(odt_bytes("", content=bomb), "x.odt")
    assert info.value.code == errors.CORRUPT and "entities" in info.value.message
    # ...and the hardened XML parser behind it would not expand them anyway.
    from tenderlint.parsers.xmlsafe import parse_xml

    assert "aaaa" not in "".join(parse_xml(bomb.encode(), "content.xml").itertext())


def test_encrypted_is_reported(tmp_path: Path) -> None:
    extra = '<manifest:encryption-data manifest:checksum-type="SHA1" manifest:checksum="x"/>'
    with pytest.raises(InputError) as info:
        parse(tmp_path, "<text:p>secret</text:p>", manifest_extra=extra)
    assert info.value.code == errors.ENCRYPTED


def test_document_without_text_is_empty(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        parse(tmp_path, '<text:p/><text:p>  </text:p><text:h text:outline-level="1"/>')
    assert info.value.code == errors.EMPTY


def test_parser_metadata() -> None:
    assert OdtParser.format == "odt" and OdtParser.extensions == (".odt",)


def test_archive_that_unpacks_too_large_is_refused(tmp_path: Path) -> None:
    from tenderlint import limits

    with limits.active(limits.Limits(max_archive_mb=1)), pytest.raises(InputError) as info:
        parse(tmp_path, "<text:p>" + "word " * 250_000 + "</text:p>")
    assert info.value.code == errors.LIMIT
    assert "max-archive-mb" in info.value.message


def test_heading_inside_numbered_list_takes_the_list_number(tmp_path: Path) -> None:
    outline = (
        '<text:outline-style style:name="Outline">'
        '<text:outline-level-style text:level="1" style:num-format="I"/></text:outline-style>'
    )
    document = parse(
        tmp_path,
        '<text:list text:style-name="LNum"><text:list-item><text:h text:outline-level="1">Scope</text:h>'
        "</text:list-item><text:list-item><text:p>Detail</text:p></text:list-item></text:list>"
        '<text:h text:outline-level="1">Award</text:h>',
        automatic=NUMBERED,
        styles=outline,
    )

    assert [(b.kind, b.number, b.text) for b in body(document)] == [
        (BlockKind.HEADING, "1.", "Scope"),
        (BlockKind.LIST_ITEM, "2.", "Detail"),
        (BlockKind.HEADING, "I", "Award"),
    ]
    assert body(document)[1].location.trail == ("1. Scope",)
