"""The one document model every stage shares: parsers build it, rules read it, reporters point into it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum


class BlockKind(str, Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    TABLE = "table"
    TABLE_CELL = "table-cell"
    HEADER = "header"
    FOOTER = "footer"
    FOOTNOTE = "footnote"


@dataclass(frozen=True)
class Location:
    """Where a block (or a point inside it) is, in terms a person can act on.

    Every field is optional because formats differ: text formats have line and column,
    PDFs page and line, Word documents a heading trail and paragraph number.
    """

    line: int | None = None
    column: int | None = None
    page: int | None = None
    paragraph: int | None = None
    trail: tuple[str, ...] = ()
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    part: str = "body"

    def describe(self) -> str:
        """A short human-readable location, e.g. 'page 3, line 12' or '4.2 Payment > paragraph 17'."""
        bits: list[str] = []
        if self.part != "body":
            bits.append(self.part)
        if self.page is not None:
            bits.append(f"page {self.page}")
        if self.line is not None and self.page is None and self.column is not None:
            bits.append(f"{self.line}:{self.column}")
        elif self.line is not None:
            bits.append(f"line {self.line}")
        if self.page is None and self.line is None and self.trail:
            bits.append(" > ".join(self.trail))
        if self.table is not None:
            cell = f"table {self.table}"
            if self.row is not None:
                cell += f", row {self.row}"
            if self.cell is not None:
                cell += f", cell {self.cell}"
            bits.append(cell)
        if self.paragraph is not None and self.line is None:
            bits.append(f"paragraph {self.paragraph}")
        return ", ".join(bits) or "document"

    def at(self, line: int, column: int) -> Location:
        """This location moved to another line and column: `dataclasses.replace` without its look-up
        of every field by name, which showed in documents with many findings."""
        return Location(
            line, column, self.page, self.paragraph, self.trail, self.table, self.row, self.cell, self.part
        )

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for key in ("line", "column", "page", "paragraph", "table", "row", "cell"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.trail:
            out["trail"] = list(self.trail)
        out["part"] = self.part
        return out


@dataclass
class Block:
    """One unit of text: a heading, paragraph, list item, table cell, header/footer or footnote.

    `line_starts` maps newlines inside `text` back to source positions: entry i is the
    (line, column) where the i-th line of `text` begins. Parsers of line-based formats fill it;
    others leave it empty and the block's own location is used for every offset.
    A TABLE block holds its cells in `rows`; its own `text` is empty.
    """

    kind: BlockKind
    text: str
    location: Location
    level: int | None = None
    number: str | None = None
    rows: list[list[Block]] = field(default_factory=list)
    line_starts: tuple[tuple[int, int], ...] = ()
    suppressions: tuple[str, ...] = ()
    # A cell of a glossary or definitions table: it names and explains terms, it does not use them.
    defines: bool = False

    def locate(self, offset: int) -> Location:
        """The location of character `offset` in this block's text."""
        if not self.line_starts:
            return self.location
        offset = max(0, min(offset, len(self.text)))
        line_index = self.text.count("\n", 0, offset)
        line_index = min(line_index, len(self.line_starts) - 1)
        line, column = self.line_starts[line_index]
        line_begin = self.text.rfind("\n", 0, offset) + 1
        return self.location.at(line, column + (offset - line_begin))


@dataclass
class Document:
    """An ordered list of blocks parsed from one file."""

    path: str
    format: str
    blocks: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Inline suppressions that apply to the whole file (e.g. `tenderlint: disable-file=TL201`).
    file_suppressions: tuple[str, ...] = ()
    # Web page furniture (navigation, site header and footer, cookie banner, breadcrumbs): kept for
    # the record, never read by rules and never an anchor for a finding.
    furniture: list[Block] = field(default_factory=list)

    def text_blocks(self) -> Iterator[Block]:
        """Every block that carries text, with tables flattened to their cells, in reading order."""
        for block in self.blocks:
            if block.kind is BlockKind.TABLE:
                for row in block.rows:
                    yield from row
            else:
                yield block

    def tables(self) -> Iterator[Block]:
        return (block for block in self.blocks if block.kind is BlockKind.TABLE)

    @property
    def word_count(self) -> int:
        return sum(len(block.text.split()) for block in self.text_blocks())


#: How far into the body a heading still counts as the document's title.
TITLE_REACH = 12


def title_index(blocks: list[Block]) -> int:
    """Where findings about the whole document are anchored: its title (the first heading near the
    top of the body), else the first body block; never a page header, footer or navigation."""
    body = [index for index, block in enumerate(blocks) if block.location.part == "body"]
    for index in body[:TITLE_REACH]:
        if blocks[index].kind is BlockKind.HEADING:
            return index
    return body[0] if body else 0
