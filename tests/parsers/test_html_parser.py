"""HtmlParser: block kinds, lists, tables, ignored elements, broken markup, encodings and suppressions."""

from __future__ import annotations

import codecs

import pytest

from tenderlint import errors
from tenderlint.document import BlockKind, Document
from tenderlint.errors import InputError
from tenderlint.parsers.html import HtmlParser, decode_html
from tenderlint.parsers.suppress import rule_codes

PAGE = """\
<!DOCTYPE html>
<html><head><title>Not linted</title>
<style>p { color: red }</style>
<script>document.write("<p>never</p>");</script>
</head>
<body>
<h1>Service <em>Specification</em></h1>
<p>The provider shall
   deliver <b>15-minute</b> visits &amp; more.</p>
<h2>4.2 Payment</h2>
<ol start="3"><li>Pay monthly</li><li>Pay on time<ul><li>nested bullet</li></ul></li></ol>
<table>
<tr><th>Criterion</th><th>Weighting</th></tr>
<tr><td>Price</td><td>70%</td></tr>
</table>
<div>Loose div text<br>after a break</div>
<template><p>template text</p></template>
<noscript>noscript text</noscript>
</body></html>
"""


def _parse(text: str) -> Document:
    return HtmlParser().parse(text.encode("utf-8"), "spec.html")


def test_block_kinds_and_text() -> None:
    document = _parse(PAGE)
    assert [(block.kind, block.text) for block in document.blocks] == [
        (BlockKind.HEADING, "Service Specification"),
        (BlockKind.PARAGRAPH, "The provider shall\ndeliver 15-minute visits & more."),
        (BlockKind.HEADING, "4.2 Payment"),
        (BlockKind.LIST_ITEM, "Pay monthly"),
        (BlockKind.LIST_ITEM, "Pay on time"),
        (BlockKind.LIST_ITEM, "nested bullet"),
        (BlockKind.TABLE, ""),
        (BlockKind.PARAGRAPH, "Loose div text\nafter a break"),
    ]
    assert [block.level for block in document.blocks if block.kind is BlockKind.HEADING] == [1, 2]


def test_ignored_elements_never_reach_the_text() -> None:
    text = " ".join(block.text for block in _parse(PAGE).text_blocks())
    for hidden in ("Not linted", "color", "never", "template text", "noscript text"):
        assert hidden not in text


def test_locations_come_from_the_source() -> None:
    document = _parse(PAGE)
    heading, paragraph = document.blocks[0], document.blocks[1]
    assert (heading.location.line, heading.location.column) == (7, 5)
    assert paragraph.line_starts == ((8, 4), (9, 4))
    where = paragraph.locate(paragraph.text.index("visits"))
    assert (where.line, where.column) == (9, 4 + len("deliver 15-minute "))
    assert document.blocks[3].location.trail == ("Service Specification", "4.2 Payment")


def test_ordered_list_numbering() -> None:
    document = _parse(
        '<ol start="3"><li>three<li>four</ol>'
        '<ol type="a"><li>first<li value="5">fifth<li>sixth</ol>'
        '<ol type="I"><li>one<li>two</ol><ul><li>bullet</ul>'
    )
    assert [block.number for block in document.blocks] == ["3.", "4.", "a.", "e.", "f.", "I.", "II.", None]


def test_table_rows_and_cells() -> None:
    table = _parse(PAGE).blocks[6]
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["Criterion", "Weighting"],
        ["Price", "70%"],
    ]
    price = table.rows[1][1]
    assert price.kind is BlockKind.TABLE_CELL
    assert (price.location.table, price.location.row, price.location.cell) == (1, 2, 2)
    assert (price.location.line, price.location.column) == (14, 23)


def test_unclosed_tags_still_give_blocks() -> None:
    document = _parse(
        "<p>First paragraph<p>Second paragraph<ul><li>one<li>two</ul>"
        "<table><tr><td>a<td>b<tr><td><p>c1<p>c2<td>d</table><p>tail <b>bold"
    )
    assert [(block.kind, block.text) for block in document.blocks if block.kind is not BlockKind.TABLE] == [
        (BlockKind.PARAGRAPH, "First paragraph"),
        (BlockKind.PARAGRAPH, "Second paragraph"),
        (BlockKind.LIST_ITEM, "one"),
        (BlockKind.LIST_ITEM, "two"),
        (BlockKind.PARAGRAPH, "tail bold"),
    ]
    table = next(document.tables())
    assert [[cell.text for cell in row] for row in table.rows] == [["a", "b"], ["c1\nc2", "d"]]


def test_list_item_with_paragraphs_is_one_item() -> None:
    document = _parse("<ul><li><p>Line one.</p><p>Line two.</p></li></ul>")
    assert [(block.kind, block.text) for block in document.blocks] == [
        (BlockKind.LIST_ITEM, "Line one.\nLine two.")
    ]


def test_comments_feed_suppressions() -> None:
    document = _parse(
        "<!-- tenderlint: disable-file=TL9 -->"
        "<!-- tenderlint: disable-next=TL201 --><p>Hourly.</p>"
        "<p>Plain.</p>"
        "<p>Holds <!-- tenderlint: disable-next=TL3 --> a comment.</p>"
        "<p>Next.</p>"
        "<!-- tenderlint: disable=TL202 --><p>In range.</p><!-- tenderlint: enable=TL202 --><p>Out.</p>"
    )
    assert [(block.text, rule_codes(block.suppressions)) for block in document.blocks] == [
        ("Hourly.", ("TL201",)),
        ("Plain.", ()),
        ("Holds a comment.", ()),
        ("Next.", ("TL3",)),
        ("In range.", ("TL202",)),
        ("Out.", ()),
    ]
    assert document.file_suppressions == ("TL9",)


def test_meta_charset_is_honoured() -> None:
    data = '<html><head><meta charset="windows-1252"></head><body><p>Fee \u00a3400 \u2013 fixed</p>'.encode(
        "cp1252"
    )
    assert decode_html(data).endswith("Fee £400 – fixed</p>")
    assert HtmlParser().parse(data, "fees.html").blocks[0].text == "Fee £400 – fixed"


def test_utf16_with_bom() -> None:
    data = codecs.BOM_UTF16_LE + "<p>Caf\u00e9 visits</p>".encode("utf-16-le")
    assert HtmlParser().parse(data, "page.html").blocks[0].text == "Café visits"


def test_page_without_text_is_empty() -> None:
    with pytest.raises(InputError) as caught:
        _parse("<html><head><title>x</title></head><body><script>1</script></body></html>")
    assert caught.value.code == errors.EMPTY


def test_a_paragraph_opening_with_a_typed_bullet_is_a_list_item() -> None:
    doc = _parse(
        "<p>The Provider shall deliver:</p><p>&bull; five sessions per week;</p><p>- two outings a month;</p>"
        "<p>-5% is a figure, not a bullet.</p>"
    )
    assert [block.kind for block in doc.text_blocks()] == [
        BlockKind.PARAGRAPH,
        BlockKind.LIST_ITEM,
        BlockKind.LIST_ITEM,
        BlockKind.PARAGRAPH,
    ]
