"""Walking an .odt body in reading order: paragraphs, headings, lists and tables, interleaved."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from tenderlint.document import Block, BlockKind
from tenderlint.parsers import headings
from tenderlint.parsers.odt_lists import Counters, ListStyles
from tenderlint.parsers.odt_text import (
    PARAGRAPHS,
    SKIPPED_BLOCKS,
    TABLE,
    TEXT,
    Note,
    ParagraphContent,
    read_paragraph,
)
from tenderlint.parsers.wordproc import Outline, to_int

REPEAT_CAP = 32  # repeated rows/cells beyond this are counted for positions but not emitted
ROW_GROUPS = (TABLE + "table-header-rows", TABLE + "table-rows", TABLE + "table-row-group")


class OdtWalker:
    """Feeds body elements to an Outline, keeping list counters, open comment ranges and notes."""

    def __init__(self, outline: Outline, styles: ListStyles, ranged_comments: set[str]) -> None:
        self.outline = outline
        self.styles = styles
        self.counters = Counters(styles)
        self.ranged_comments = ranged_comments  # comment names that have an office:annotation-end
        self.open_comments: set[str] = set()
        self.notes: list[Note] = []
        self._unnamed = 0

    def walk(self, container: Any) -> None:
        """Visit block-level children of office:text, a section, frame or text box."""
        for child in container:
            tag = child.tag
            if not isinstance(tag, str) or tag in SKIPPED_BLOCKS:
                continue
            if tag == TEXT + "p":
                content, ids = self.read(child)
                style = child.get(TEXT + "style-name")
                if self.styles.is_title(style):
                    self.outline.add_paragraph(BlockKind.HEADING, content.text, ids, level=1)
                    continue
                inferred = headings.classify(content.text, emphasis=self.styles.is_bold(style))
                if inferred is not None:
                    self.outline.add_inferred_heading(content.text, inferred, ids)
                else:
                    self.outline.add_paragraph(BlockKind.PARAGRAPH, content.text, ids)
            elif tag == TEXT + "h":
                self.heading(child)
            elif tag == TEXT + "list":
                self.list(child, 1, None, None)
            elif tag == TABLE + "table":
                self.table(child)
            else:
                self.walk(child)

    def read(self, paragraph: Any) -> tuple[ParagraphContent, set[str]]:
        """Read a paragraph, keeping its notes and returning the ids of comments anchored on it."""
        content = read_paragraph(paragraph)
        self.notes.extend(content.notes)
        ids = set(self.open_comments)
        for name, text in content.annotations:
            if name is None:
                self._unnamed += 1
                name = f"#unnamed-{self._unnamed}"
            elif name in self.ranged_comments:
                self.open_comments.add(name)
            self.outline.comments.add(name, text)
            ids.add(name)
        for name in content.annotation_ends:
            self.open_comments.discard(name)
            ids.add(name)
        return content, ids

    def heading(self, node: Any, number: str | None = None, in_list: bool = False) -> Block | None:
        """A text:h; numbered by its list when inside one, otherwise from the outline style."""
        content, ids = self.read(node)
        level = max(1, min(to_int(node.get(TEXT + "outline-level"), 1) or 1, 10))
        if not in_list and node.get(TEXT + "is-list-header") != "true":
            restart = node.get(TEXT + "restart-numbering") == "true"
            start = to_int(node.get(TEXT + "start-value"), 1) if restart else None
            number = self.counters.heading(level, start)
        number = content.number or number
        return self.outline.add_paragraph(BlockKind.HEADING, content.text, ids, level=level, number=number)

    def list(self, node: Any, depth: int, key: int | None, style: str | None) -> None:
        """A text:list; nested lists share their top-level list's counters."""
        style = node.get(TEXT + "style-name") or style
        if key is None:
            style = style or self._implied_style(node)
            key = self.counters.open_list(node, style)
        for item in node:
            if item.tag in (TEXT + "list-item", TEXT + "list-header"):
                self.item(item, depth, key, style)

    def item(self, item: Any, depth: int, key: int, style: str | None) -> None:
        """One list item: its first paragraph carries the number, later ones continue the item."""
        numbered = item.tag == TEXT + "list-item"
        start = to_int(item.get(TEXT + "start-value"))
        for child in item:
            tag = child.tag
            if tag in PARAGRAPHS:
                number = self.counters.item(key, style, depth, start) if numbered else None
                numbered = False
                if tag == TEXT + "h":
                    self.heading(child, number, in_list=True)
                    continue
                content, ids = self.read(child)
                number = content.number or number
                self.outline.add_paragraph(BlockKind.LIST_ITEM, content.text, ids, level=depth, number=number)
            elif tag == TEXT + "list":
                numbered = False
                self.list(child, depth + 1, key, style)
            elif isinstance(tag, str) and tag not in SKIPPED_BLOCKS:
                self.walk([child])

    def table(self, node: Any) -> Block:
        """A TABLE block; covered (merged-away) cells are skipped and repeats are capped."""
        index = self.outline.new_table()
        rows: list[list[Block]] = []
        row_number = 0
        for tr in _rows(node):
            repeat = max(1, to_int(tr.get(TABLE + "number-rows-repeated"), 1) or 1)
            row = self._row(tr, index, row_number + 1)
            rows.append(row)
            for copy in range(1, min(repeat, REPEAT_CAP)):
                rows.append([_moved(cell, row_number + 1 + copy) for cell in row])
            row_number += repeat
        return self.outline.add_table(index, rows)

    def _row(self, tr: Any, index: int, row_number: int) -> list[Block]:
        row: list[Block] = []
        position = 0
        spanned = 0  # covered cells still to come that belong to a cell spanning columns
        for cell in tr:
            repeat = max(1, to_int(cell.get(TABLE + "number-columns-repeated"), 1) or 1)
            if cell.tag == TABLE + "covered-table-cell":
                used = min(spanned, repeat)
                spanned -= used
                position += repeat - used  # covered by a cell above: still a visible position
            elif cell.tag == TABLE + "table-cell":
                text, ids = self._cell(cell)
                for copy in range(min(repeat, REPEAT_CAP)):
                    row.append(self.outline.cell(text, index, row_number, position + 1 + copy, ids))
                position += repeat
                spanned = max(0, (to_int(cell.get(TABLE + "number-columns-spanned"), 1) or 1) - 1)
        return row

    def _cell(self, cell: Any) -> tuple[str, set[str]]:
        lines: list[str] = []
        ids = set(self.open_comments)
        for paragraph in _paragraphs(cell):
            content, found = self.read(paragraph)
            ids |= found
            if content.text:
                lines.append(content.text)
        return "\n".join(lines), ids

    def _implied_style(self, node: Any) -> str | None:
        first = next(node.iter(TEXT + "p", TEXT + "h"), None)
        return None if first is None else self.styles.for_paragraph_style(first.get(TEXT + "style-name"))


def _rows(node: Any) -> Iterator[Any]:
    for child in node:
        if child.tag == TABLE + "table-row":
            yield child
        elif child.tag in ROW_GROUPS:
            yield from _rows(child)


def _paragraphs(container: Any) -> Iterator[Any]:
    for child in container:
        if child.tag in PARAGRAPHS:
            yield child
        elif isinstance(child.tag, str) and child.tag not in SKIPPED_BLOCKS:
            yield from _paragraphs(child)


def _moved(cell: Block, row: int) -> Block:
    return replace(cell, location=replace(cell.location, row=row))
