"""MarkdownParser: block kinds, inline markup removal, lists, tables, locations and suppressions."""

from __future__ import annotations

import pytest

from tenderlint import errors
from tenderlint.document import BlockKind, Document
from tenderlint.errors import InputError
from tenderlint.parsers.markdown import MarkdownParser, blank_front_matter
from tenderlint.parsers.suppress import rule_codes

SPEC = """\
---
title: Home care specification
owner: Commissioning
---
# Service Specification

The Council will pay an **hourly rate** of [£21.50](https://example.org/rates)
for `time and task` calls.

## 4.2 Payment

3. Invoices are *monthly*.
4. Payment within 30 days
   - nested **detail**

> Quoted guidance paragraph.

| Criterion | Weighting |
|-----------|-----------|
| Price     | 70%       |
| *Quality* | 30%       |

```
code is skipped
```
"""


def _parse(text: str) -> Document:
    return MarkdownParser().parse(text.encode("utf-8"), "spec.md")


def test_block_kinds_in_order() -> None:
    document = _parse(SPEC)
    assert [block.kind for block in document.blocks] == [
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.HEADING,
        BlockKind.LIST_ITEM,
        BlockKind.LIST_ITEM,
        BlockKind.LIST_ITEM,
        BlockKind.PARAGRAPH,
        BlockKind.TABLE,
    ]
    assert "code is skipped" not in " ".join(block.text for block in document.text_blocks())
    assert "Home care specification" not in " ".join(block.text for block in document.text_blocks())


def test_inline_markup_is_removed_and_lines_keep_source_positions() -> None:
    paragraph = _parse(SPEC).blocks[1]
    assert paragraph.text == "The Council will pay an hourly rate of £21.50\nfor time and task calls."
    assert (paragraph.location.line, paragraph.location.column) == (7, 1)
    assert paragraph.line_starts == ((7, 1), (8, 1))
    where = paragraph.locate(paragraph.text.index("calls"))
    assert where.line == 8


def test_headings_have_levels_columns_and_trail() -> None:
    document = _parse(SPEC)
    title, payment = document.blocks[0], document.blocks[2]
    assert (title.text, title.level, title.location.line, title.location.column) == (
        "Service Specification",
        1,
        5,
        3,
    )
    assert (payment.text, payment.level, payment.location.line, payment.location.column) == (
        "4.2 Payment",
        2,
        10,
        4,
    )
    assert document.blocks[3].location.trail == ("Service Specification", "4.2 Payment")


def test_list_items_numbers_and_nesting() -> None:
    items = [block for block in _parse(SPEC).blocks if block.kind is BlockKind.LIST_ITEM]
    assert [(item.number, item.text) for item in items] == [
        ("3.", "Invoices are monthly."),
        ("4.", "Payment within 30 days"),
        (None, "nested detail"),
    ]
    assert (items[0].location.line, items[0].location.column) == (12, 4)
    assert (items[2].location.line, items[2].location.column) == (14, 6)


def test_loose_list_item_text_joins_its_paragraphs() -> None:
    document = _parse("- First paragraph of item.\n\n  Second paragraph of item.\n- Next item\n")
    first, second = document.blocks
    assert first.text == "First paragraph of item.\nSecond paragraph of item."
    assert first.line_starts == ((1, 3), (3, 3))
    assert second.text == "Next item"


def test_blockquote_paragraph() -> None:
    quote = _parse(SPEC).blocks[6]
    assert quote.kind is BlockKind.PARAGRAPH
    assert quote.text == "Quoted guidance paragraph."
    assert (quote.location.line, quote.location.column) == (16, 3)


def test_table_rows_and_cells() -> None:
    table = _parse(SPEC).blocks[-1]
    assert table.text == ""
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["Criterion", "Weighting"],
        ["Price", "70%"],
        ["Quality", "30%"],
    ]
    price = table.rows[1][1]
    assert price.kind is BlockKind.TABLE_CELL
    assert (price.location.table, price.location.row, price.location.cell) == (1, 2, 2)
    assert (price.location.line, price.location.column) == (20, 15)
    quality = table.rows[2][0]
    assert (quality.location.line, quality.location.column) == (21, 4)


def test_front_matter_is_blanked_but_lines_are_kept() -> None:
    text = "---\na: 1\n---\nBody"
    assert blank_front_matter(text) == "\n\n\nBody"
    assert blank_front_matter("Body\n---\n") == "Body\n---\n"


def test_suppression_comments() -> None:
    document = _parse(
        "<!-- tenderlint: disable-file=TL9 -->\n\n"
        "<!-- tenderlint: disable-next=TL201 -->\n"
        "Hourly rate.\n\n"
        "Not suppressed.\n\n"
        "<!-- tenderlint: disable=TL202 -->\n\n"
        "In range <!-- tenderlint: disable-next=TL3 --> with an inline comment.\n\n"
        "Still in range.\n\n"
        "<!-- tenderlint: enable=TL202 -->\n\n"
        "After.\n"
    )
    assert [block.text for block in document.blocks] == [
        "Hourly rate.",
        "Not suppressed.",
        "In range with an inline comment.",
        "Still in range.",
        "After.",
    ]
    assert [rule_codes(block.suppressions) for block in document.blocks] == [
        ("TL201",),
        (),
        ("TL202",),
        ("TL202", "TL3"),  # an inline disable-next applies to the block after the one holding it
        (),
    ]
    assert document.file_suppressions == ("TL9",)


def test_table_suppression_covers_its_cells() -> None:
    document = _parse("<!-- tenderlint: disable-next=TL301 -->\n| A | B |\n|---|---|\n| 1 | 2 |\n")
    table = document.blocks[0]
    assert rule_codes(table.suppressions) == ("TL301",)
    assert all(rule_codes(cell.suppressions) == ("TL301",) for row in table.rows for cell in row)


def test_only_front_matter_is_empty() -> None:
    with pytest.raises(InputError) as caught:
        _parse("---\ntitle: x\n---\n\n```\ncode\n```\n")
    assert caught.value.code == errors.EMPTY


PLAIN_PIECES = [
    "word",
    "Price",
    "70%",
    "£21.50",
    "a-b",
    "(1)",
    "#",
    "-",
    "+",
    "|",
    ":",
    ".",
    "~",
    "=",
    "x_",
    "]",
]
SPACING = [" ", "  ", "   ", "\t", "\u00a0", "\n", "\n   ", "  \n", "\n\n", "\n1. ", "\n- ", "\n> "]
#: Markup, so the test also shows that content holding any of it is tokenised.
MARKUP_PIECES = [
    *("*", "*em*", "**strong**", "_em_", "`code`", "[link](u)", "![image](u)", "<b>x</b>", "<!-- x -->"),
    *("&amp;", "\\", "\\*", "<http://a.b>", "[", "]"),
]


def _tokenise_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the parser send every inline token through markdown-it, as it did before the plain-text path."""
    import re

    from tenderlint.parsers import markdown

    monkeypatch.setattr(markdown, "INLINE_MARKUP", re.compile(r"[\s\S]|^"))


def test_plain_inline_content_reads_as_if_tokenised(monkeypatch: pytest.MonkeyPatch) -> None:
    """Skipping inline tokenising for content without markup never changes a block or a location."""
    hypothesis = pytest.importorskip("hypothesis")
    from hypothesis import strategies as st

    pieces = st.lists(st.sampled_from(PLAIN_PIECES + SPACING + MARKUP_PIECES), min_size=1, max_size=40).map(
        "".join
    )

    @hypothesis.settings(max_examples=300, deadline=None)
    @hypothesis.given(pieces)
    def check(text: str) -> None:
        data = text.encode()
        try:
            fast = MarkdownParser().parse(data, "x.md")
        except InputError:
            fast = None
        with monkeypatch.context() as patch:
            _tokenise_everything(patch)
            try:
                slow = MarkdownParser().parse(data, "x.md")
            except InputError:
                slow = None
        assert fast == slow

    check()
