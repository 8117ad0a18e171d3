"""TextParser and decode_text: encodings, paragraphs, lists, headings, locations and suppressions."""

from __future__ import annotations

import codecs

import pytest

from tenderlint import errors
from tenderlint.document import BlockKind, Document
from tenderlint.errors import InputError
from tenderlint.parsers.suppress import rule_codes
from tenderlint.parsers.text import TextParser
from tenderlint.parsers.textdecode import decode_text

SAMPLE = "Payment\n\nThe Council pays £21.50 – per hour.\n"


def _parse(text: str) -> Document:
    return TextParser().parse(text.encode("utf-8"), "spec.txt")


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-8"),
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"),
        SAMPLE.encode("utf-16-le"),
        SAMPLE.encode("utf-16-be"),
        SAMPLE.encode("cp1252"),
        SAMPLE.replace("\n", "\r\n").encode("utf-8"),
        SAMPLE.replace("\n", "\r").encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "cp1252", "crlf", "cr"],
)
def test_decode_text_reads_every_common_encoding(data: bytes) -> None:
    assert decode_text(data) == SAMPLE


def test_decode_text_refuses_binary_data() -> None:
    with pytest.raises(InputError) as caught:
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x02")
    assert caught.value.code == errors.CORRUPT
    assert "binary data" in caught.value.message


def test_paragraphs_with_line_and_column() -> None:
    document = _parse("First paragraph line one\n   indented second line.\n\n\n  Second paragraph.\n")
    first, second = document.blocks
    assert first.kind is BlockKind.PARAGRAPH
    assert first.text == "First paragraph line one\nindented second line."
    assert (first.location.line, first.location.column) == (1, 1)
    assert first.line_starts == ((1, 1), (2, 4))
    where = first.locate(first.text.index("second"))
    assert (where.line, where.column) == (2, 4 + len("indented "))
    assert second.text == "Second paragraph."
    assert (second.location.line, second.location.column) == (5, 3)


def test_bullet_list_yields_one_item_per_bullet() -> None:
    document = _parse("- Personal care\n* Meal preparation\n• Medication prompts\n  twice a day\n")
    assert [block.kind for block in document.blocks] == [BlockKind.LIST_ITEM] * 3
    assert [block.text for block in document.blocks] == [
        "Personal care",
        "Meal preparation",
        "Medication prompts\ntwice a day",
    ]
    assert all(block.number is None for block in document.blocks)
    third = document.blocks[2]
    assert (third.location.line, third.location.column) == (3, 3)
    assert third.line_starts == ((3, 3), (4, 3))


def test_numbered_list_items_keep_their_marker_as_number() -> None:
    document = _parse("1. Get up\n2. Wash\n\na) first\nb) second\n\n(i) one\n(ii) two\n")
    assert [block.number for block in document.blocks] == ["1.", "2.", "a)", "b)", "(i)", "(ii)"]
    assert [block.text for block in document.blocks] == ["Get up", "Wash", "first", "second", "one", "two"]
    assert document.blocks[4].location.column == 5


def test_mixed_paragraph_is_not_a_list() -> None:
    document = _parse("- one item\nfollowed by plain text\n")
    assert [block.kind for block in document.blocks] == [BlockKind.PARAGRAPH]


def test_headings_are_conservative_and_build_a_trail() -> None:
    document = _parse(
        "SERVICE SPECIFICATION\n\n4 Payment terms\n\n4.2 Payment\n\n"
        "The Council pays monthly.\n\nShort line with a full stop.\n\n"
        "A short line\nwith a second line\n"
    )
    kinds = [block.kind for block in document.blocks]
    assert kinds == [
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,  # "4 Payment terms": a lone number is not enough
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.PARAGRAPH,
        BlockKind.PARAGRAPH,
    ]
    assert [block.level for block in document.blocks[:3]] == [1, None, 2]
    paragraph = document.blocks[3]
    assert paragraph.location.trail == ("SERVICE SPECIFICATION", "4.2 Payment")


def test_suppression_comments_are_not_text() -> None:
    document = _parse(
        "<!-- tenderlint: disable-file=TL9 -->\n"
        "<!-- tenderlint: disable-next=TL201 -->\n"
        "Hourly rate paragraph.\n\n"
        "Not suppressed.\n\n"
        "<!-- tenderlint: disable=TL202 -->\n"
        "Range one.\n\n"
        "Range two.\n"
        "<!-- tenderlint: enable=TL202 -->\n"
        "After the range.\n"
    )
    assert [block.text for block in document.blocks] == [
        "Hourly rate paragraph.",
        "Not suppressed.",
        "Range one.",
        "Range two.",
        "After the range.",
    ]
    assert [rule_codes(block.suppressions) for block in document.blocks] == [
        ("TL201",),
        (),
        ("TL202",),
        ("TL202",),
        (),
    ]
    assert document.file_suppressions == ("TL9",)
    assert document.blocks[0].location.line == 3


def test_whitespace_only_file_is_empty() -> None:
    with pytest.raises(InputError) as caught:
        TextParser().parse(b"  \r\n\t\n", "blank.txt")
    assert caught.value.code == errors.EMPTY
    assert "empty" in caught.value.message.lower()


def test_windows_1252_file_keeps_pound_and_quotes() -> None:
    data = "The fee is \u00a3400 \u2013 \u2018fixed\u2019.".encode("cp1252")
    assert TextParser().parse(data, "fees.txt").blocks[0].text == "The fee is £400 – ‘fixed’."
