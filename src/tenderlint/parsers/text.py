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
from tenderlint.parsers.suppress import SuppressionTracker
from tenderlint.parsers.textdecode import decode_text

SHORT_TITLE_WORDS = 8
# A line of dashes, equals signs or stars drawn above and below a heading: layout, not text.
RULE_LINE = re.compile(r"^\s*([-=_*~#+.]\s*){3,}$")
COMMENT_LINE = re.compile(r"^\s*<!--(.*tenderlint:.*)-->\s*$", re.IGNORECASE)
BULLET = re.compile(r"^(?P<marker>[-*•◦▪–])\s+")
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
            for block in classify(paragraph):
                block.suppressions = tracker.next_block()
                block.location = _with_trail(block, trail)
                document.blocks.append(block)
        return suppress.finish(document, tracker)


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
