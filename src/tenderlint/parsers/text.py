"""Plain-text parser: paragraphs split on blank lines, with conservative list and heading detection.

Plain text has no markup, so headings come from layout alone (the shared classifier in
`headings`): clause numbers with titles, structural labels, lines in capitals. Lists are recognised
only when every line has a marker, and everything else is a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tenderlint.document import Block, BlockKind, Document, Location
from tenderlint.parsers import headings, suppress
from tenderlint.parsers.bullets import BULLET_CHARS
from tenderlint.parsers.suppress import SuppressionTracker
from tenderlint.parsers.textdecode import decode_text

SHORT_TITLE_WORDS = 8
# A line of dashes, equals signs or stars drawn above and below a heading: layout, not text.
RULE_LINE = re.compile(r"^\s*([-=_*~#+.]\s*){3,}$")
COMMENT_LINE = re.compile(r"^\s*<!--(.*tenderlint:.*)-->\s*$", re.IGNORECASE)
BULLET = re.compile(rf"^(?P<marker>[{BULLET_CHARS}])\s+")
NUMBERED = re.compile(
    r"^(?P<marker>\d{1,3}[.)]|[a-z][.)]|[ivxlc]{1,6}[.)]|\((?:\d{1,3}|[a-z]|[ivxlc]{1,6})\))\s+"
)


@dataclass
class SourceLine:
    """One line of a paragraph: its text (indent removed), 1-based line number and column."""

    text: str
    line: int
    column: int


class TextParser:
    """Parses .txt files; registered by the built-in plugin."""

    format = "txt"
    extensions = (".txt", ".text")

    def parse(self, data: bytes, path: str) -> Document:
        """Decode, split into paragraphs and classify each as heading, list items or paragraph."""
        text = decode_text(data)
        tracker = SuppressionTracker()
        document = Document(path=path, format=self.format)
        trail: list[tuple[int, str]] = []
        for paragraph in paragraphs(text, tracker):
            rows = table_rows(paragraph)
            if rows is not None:
                _add_table(document, rows, tracker, tuple(text for _, text in trail))
                continue
            for block in classify(paragraph):
                block.suppressions = tracker.next_block()
                block.location = _with_trail(block, trail)
                document.blocks.append(block)
        return suppress.finish(document, tracker)


def table_rows(lines: list[SourceLine]) -> list[list[SourceLine]] | None:
    """A table typed with pipes ("KPI 1 | Sessions delivered | 98%"), one row per line: each row's cells
    as lines of their own (text and column), or None when some line is not a row of cells."""
    if len(lines) < 2 and lines[0].text.count("|") < 2:
        return None  # one line with one pipe is prose ("and/or | either"), not a table
    rows: list[list[SourceLine]] = []
    for line in lines:
        cells = _cells(line)
        if len(cells) < 2:
            return None
        if rows and len(cells) == len(rows[-1]) and _continues(cells[0].text):
            rows[-1] = [_joined(above, below) for above, below in zip(rows[-1], cells)]
        else:
            rows.append(cells)
    return rows


def _continues(first_cell: str) -> bool:
    """A line that carries on the row above, its cells wrapped: the first cell empty or in mid-phrase."""
    return not first_cell or first_cell[0].islower()


def _joined(above: SourceLine, below: SourceLine) -> SourceLine:
    if not below.text:
        return above
    if not above.text:
        return below
    return SourceLine(f"{above.text} {below.text}", above.line, above.column)


def _cells(line: SourceLine) -> list[SourceLine]:
    """A row's cells, each with the column it starts at; pipes at either end only close the row."""
    parts = line.text.split("|")
    cells = []
    offset = 0
    for index, part in enumerate(parts):
        start, offset = offset, offset + len(part) + 1
        if index in (0, len(parts) - 1) and not part.strip():
            continue
        indent = len(part) - len(part.lstrip())
        cells.append(SourceLine(part.strip(), line.line, line.column + start + indent))
    return cells


def _add_table(
    document: Document, rows: list[list[SourceLine]], tracker: SuppressionTracker, trail: tuple[str, ...]
) -> None:
    """A TABLE block of cells; rows under a header that a rule line separated from them join its table."""
    suppressions = tracker.next_block()
    previous = document.blocks[-1] if document.blocks else None
    first_line = rows[0][0].line
    if previous is not None and previous.kind is BlockKind.TABLE and previous.rows:
        last_line = previous.rows[-1][0].location.line or 0
        if first_line - last_line <= 2:  # only a rule line between them
            table = previous
            _append_rows(table, rows, table.location.table, suppressions, trail)
            return
    number = sum(1 for block in document.blocks if block.kind is BlockKind.TABLE) + 1
    first = rows[0][0]
    table = Block(
        BlockKind.TABLE,
        "",
        Location(line=first.line, column=first.column, trail=trail, table=number),
        suppressions=suppressions,
    )
    _append_rows(table, rows, number, suppressions, trail)
    document.blocks.append(table)


def _append_rows(
    table: Block, rows: list[list[SourceLine]], number: int | None, suppressions, trail: tuple[str, ...]
) -> None:
    for cells in rows:
        row = len(table.rows) + 1
        table.rows.append(
            [
                Block(
                    BlockKind.TABLE_CELL,
                    cell.text,
                    Location(
                        line=cell.line, column=cell.column, trail=trail, table=number, row=row, cell=index
                    ),
                    line_starts=((cell.line, cell.column),),
                    suppressions=suppressions,
                )
                for index, cell in enumerate(cells, start=1)
            ]
        )


def paragraphs(text: str, tracker: SuppressionTracker) -> Iterator[list[SourceLine]]:
    """Groups of consecutive non-blank lines; a suppression comment line ends a group.

    A generator, so each comment reaches `tracker` after the caller has taken the blocks before it
    and before the blocks after it: `disable-next` then lands on the right paragraph.
    """
    current: list[SourceLine] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        comment = COMMENT_LINE.match(raw)
        if comment or not raw.strip() or RULE_LINE.match(raw):
            if current:
                yield current
                current = []
            if comment:
                tracker.feed_comment(comment.group(1))
            continue
        stripped = raw.lstrip()
        current.append(SourceLine(stripped.rstrip(), number, len(raw) - len(stripped) + 1))
    if current:
        yield current


def classify(lines: list[SourceLine]) -> list[Block]:
    """One paragraph's blocks: a heading, one block per list item, or a single paragraph. A heading
    line written straight above its first clause ("2. CONTRACT PRICE" then "2.1 The…") is split off."""
    heading = headings.classify(lines[0].text, emphasis=_stands_above(lines))
    if heading is not None and (len(lines) == 1 or headings.heads_next_line(heading, lines[1].text)):
        return [_block(BlockKind.HEADING, lines[:1], level=heading.level), *_rest(lines[1:])]
    return _rest(lines)


def _stands_above(lines: list[SourceLine]) -> bool:
    """A short line set straight above a paragraph of full lines ("Market engagement" then "The Council
    held two events…") is plain text's way of writing a heading; a hard-wrapped paragraph's lines are
    all about as long as each other."""
    if len(lines) < 2:
        return False
    first, second = lines[0].text, lines[1].text
    return len(first.split()) <= SHORT_TITLE_WORDS and len(first) < 0.6 * len(second)


def _rest(lines: list[SourceLine]) -> list[Block]:
    if not lines:
        return []
    items = _list_items(lines)
    if items is not None:
        return items
    return [_block(BlockKind.PARAGRAPH, lines)]


def _list_items(lines: list[SourceLine]) -> list[Block] | None:
    """Split a paragraph into list items if every line has a marker or indents under an item."""
    items: list[tuple[str | None, list[SourceLine]]] = []
    for index, line in enumerate(lines):
        marker = BULLET.match(line.text) or NUMBERED.match(line.text)
        if marker:
            number = None if marker.re is BULLET else marker["marker"]
            width = marker.end()
            items.append((number, [SourceLine(line.text[width:], line.line, line.column + width)]))
        elif items and line.column > lines[index - 1].column:
            items[-1][1].append(line)
        else:
            return None
    return [_block(BlockKind.LIST_ITEM, item_lines, number=number) for number, item_lines in items]


def _block(
    kind: BlockKind, lines: list[SourceLine], level: int | None = None, number: str | None = None
) -> Block:
    first = lines[0]
    return Block(
        kind=kind,
        text="\n".join(line.text for line in lines),
        location=Location(line=first.line, column=first.column),
        level=level,
        number=number,
        line_starts=tuple((line.line, line.column) for line in lines),
    )


def _with_trail(block: Block, trail: list[tuple[int, str]]) -> Location:
    """Update the heading trail with `block` (if a heading) and return its location carrying the trail."""
    if block.kind is BlockKind.HEADING:
        level = block.level or 1
        while trail and trail[-1][0] >= level:
            trail.pop()
        trail.append((level, block.text))
    location = block.location
    return Location(line=location.line, column=location.column, trail=tuple(text for _, text in trail))
