"""Markdown parser built on markdown-it-py's token stream (CommonMark plus GFM tables).

The token stream gives block structure and source line maps; inline markup is dropped so rules
see the words a reader sees, while each line keeps the line and column of its source text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from tenderlint.document import Block, BlockKind, Document, Location
from tenderlint.parsers import suppress
from tenderlint.parsers.suppress import SuppressionTracker
from tenderlint.parsers.textdecode import decode_text

FRONT_MATTER_END = ("---", "...")
SKIPPED = {"code_block", "fence", "hr"}
#: Characters that can open inline markup in CommonMark (escape, code span, emphasis, link, image,
#: autolink, inline HTML, entity). Inline content without any of them is plain text and line breaks.
INLINE_MARKUP = re.compile(r"[\\`*_\[!<&]")
#: The inline rules INLINE_MARKUP is written for: with any other, every inline token is tokenised.
INLINE_RULES = frozenset(
    (
        "text",
        "newline",
        "escape",
        "backticks",
        "emphasis",
        "link",
        "image",
        "autolink",
        "html_inline",
        "entity",
    )
)
#: A word for matching rendered text to its markup: a run of characters that are neither space nor markup.
WORD = re.compile(r"[^\s*_`\[\]]+")

#: A rendered line of a block: (text, 1-based line, 1-based column).
Line = tuple[str, int, int]


@dataclass
class _Item:
    """An open list item: its number and the lines of its paragraphs gathered so far."""

    number: str | None
    lines: list[Line] = field(default_factory=list)
    flushed: bool = False


class MarkdownParser:
    """Parses .md files; registered by the built-in plugin."""

    format = "md"
    extensions = (".md", ".markdown")

    def parse(self, data: bytes, path: str) -> Document:
        """Decode, tokenise with markdown-it and convert the tokens to blocks."""
        from markdown_it import MarkdownIt

        text = blank_front_matter(decode_text(data))
        # Inline content is tokenised on demand (`_Inline`): most paragraphs are plain text.
        md = MarkdownIt("commonmark").enable("table").disable("inline")
        env: dict[str, Any] = {}
        tokens = md.parse(text, env)
        builder = _Builder(text.split("\n"), Document(path=path, format=self.format), _Inline(md, env))
        builder.run(tokens)
        document = builder.document
        return suppress.finish(document, builder.tracker)


def blank_front_matter(text: str) -> str:
    """Blank out a leading `---` YAML block, keeping its lines so line numbers stay true."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return text
    for end in range(1, len(lines)):
        if lines[end].rstrip() in FRONT_MATTER_END:
            return "\n".join([""] * (end + 1) + lines[end + 1 :])
    return text


class _Inline:
    """markdown-it's core `inline` step, done per token when the builder needs it.

    Content without inline markup tokenises to text and line breaks only, so its rendered lines
    are its source lines (bar outer spaces, which rendering drops anyway) and it is not tokenised.
    """

    def __init__(self, md: Any, env: dict[str, Any]) -> None:
        self.md = md
        self.env = env  # link reference definitions found by the block pass
        self.plain_text_safe = set(md.get_active_rules()["inline"]) <= INLINE_RULES

    def is_plain(self, content: str) -> bool:
        return self.plain_text_safe and INLINE_MARKUP.search(content) is None

    def children(self, token: Any) -> list[Any]:
        if not token.children:  # the block pass leaves it None or empty
            token.children = []
            self.md.inline.parse(token.content, self.md, self.env, token.children)
        return token.children


class _Builder:
    """Walks the token stream once, emitting blocks in reading order."""

    def __init__(self, source: list[str], document: Document, inline: _Inline) -> None:
        self.source = source
        self.document = document
        self.inline_parser = inline
        self.tracker = SuppressionTracker()
        self.trail: list[tuple[int, str]] = []
        self.names: tuple[str, ...] = ()  # the trail's titles, rebuilt when a heading changes it
        self.items: list[_Item] = []
        self.tables = 0

    def run(self, tokens: list[Any]) -> None:
        index = 0
        while index < len(tokens):
            index = self.handle(tokens, index) + 1

    def handle(self, tokens: list[Any], index: int) -> int:
        """Process tokens[index]; return the index of the last token consumed."""
        token = tokens[index]
        kind = token.type
        if kind == "heading_open":
            self.heading(int(token.tag[1]), self.inline(tokens[index + 1]))
            return index + 2
        if kind == "paragraph_open":
            self.paragraph(self.inline(tokens[index + 1]))
            return index + 2
        if kind in ("bullet_list_open", "ordered_list_open"):
            self.flush_item()
        elif kind == "list_item_open":
            self.items.append(_Item(f"{token.info}{token.markup}" if token.info else None))
        elif kind == "list_item_close":
            self.flush_item()
            self.items.pop()
        elif kind == "table_open":
            return self.table(tokens, index)
        elif kind == "html_block":
            self.comment(token.content, inside=bool(self.items and self.items[-1].lines))
        return index

    def heading(self, level: int, lines: list[Line]) -> None:
        if not lines:
            return
        text = " ".join(line[0] for line in lines)
        while self.trail and self.trail[-1][0] >= level:
            self.trail.pop()
        self.trail.append((level, text))
        self.names = tuple(title for _, title in self.trail)
        self.emit(BlockKind.HEADING, lines, level=level)

    def paragraph(self, lines: list[Line]) -> None:
        if self.items and not self.items[-1].flushed:
            self.items[-1].lines.extend(lines)
        elif lines:
            self.emit(BlockKind.PARAGRAPH, lines)

    def flush_item(self) -> None:
        """Emit the innermost open list item (before a nested list starts, or when it closes)."""
        if self.items and not self.items[-1].flushed:
            item = self.items[-1]
            item.flushed = True
            if item.lines:
                self.emit(BlockKind.LIST_ITEM, item.lines, number=item.number)

    def table(self, tokens: list[Any], index: int) -> int:
        """Collect a table's rows of cells; return the index of `table_close`."""
        self.tables += 1
        start = tokens[index].map[0]
        rows: list[list[Block]] = []
        cursor = 0
        while tokens[index].type != "table_close":
            token = tokens[index]
            if token.type == "tr_open":
                rows.append([])
                cursor = 0
            elif token.type in ("th_open", "td_open"):
                cell, cursor = self.cell(tokens[index + 1], len(rows), len(rows[-1]) + 1, cursor)
                rows[-1].append(cell)
            index += 1
        suppressions = self.tracker.next_block()
        for row in rows:
            for cell in row:
                cell.suppressions = suppressions
        column = _indent(self.source[start]) + 1
        location = Location(line=start + 1, column=column, trail=self.trail_names(), table=self.tables)
        self.document.blocks.append(
            Block(BlockKind.TABLE, "", location, rows=rows, suppressions=suppressions)
        )
        return index

    def cell(self, inline: Any, row: int, number: int, cursor: int) -> tuple[Block, int]:
        """One table cell; `cursor` is how far along the row's source line earlier cells ended."""
        line_index = inline.map[0]
        source = self.source[line_index]
        raw = inline.content.strip()
        found = source.find(raw, cursor) if raw else source.find("|", cursor)
        start = found if found >= 0 else cursor
        lines = self.inline(inline)
        text = " ".join(line[0] for line in lines)
        column = start + 1 + _probe_offset(raw, text)
        location = Location(
            line=line_index + 1,
            column=column,
            trail=self.trail_names(),
            table=self.tables,
            row=row,
            cell=number,
        )
        block = Block(BlockKind.TABLE_CELL, text, location, line_starts=((line_index + 1, column),))
        return block, start + max(len(raw), 1)

    def inline(self, token: Any) -> list[Line]:
        """Render an inline token to plain-text lines, each with its source line and column."""
        raw_lines = token.content.split("\n")
        if self.inline_parser.is_plain(token.content):
            parts: Iterable[tuple[int, str]] = enumerate(raw_lines)  # each line renders as itself
        else:
            parts = _raw_line_indexes(raw_lines, self.rendered(token))
        lines: list[Line] = []
        for raw_index, part in parts:
            text = " ".join(part.split())
            if text:
                line_index = token.map[0] + raw_index
                lines.append((text, line_index + 1, self.column(line_index, raw_lines[raw_index], text)))
        return lines

    def rendered(self, token: Any) -> list[str]:
        """The text of an inline token with markup removed, split at line breaks; feeds its comments."""
        parts = [""]
        for child in self.inline_parser.children(token):
            if child.type in ("text", "text_special", "code_inline"):
                parts[-1] += child.content
            elif child.type in ("softbreak", "hardbreak"):
                parts.append("")
            elif child.type == "html_inline":
                self.comment(child.content, inside=True)
        return parts

    def column(self, line_index: int, raw: str, text: str) -> int:
        """1-based source column of the first character of `text` (rendered from `raw`)."""
        source = self.source[line_index] if line_index < len(self.source) else ""
        raw = raw.strip()
        base = source.find(raw) if raw else -1
        if base < 0:
            base = _indent(source)
        return base + 1 + _probe_offset(raw, text)

    def comment(self, html: str, inside: bool) -> None:
        """Feed HTML comments to the tracker; a `disable-next` inside a block waits for the next block."""
        self.tracker.feed_text(html, inside_block=inside)

    def trail_names(self) -> tuple[str, ...]:
        return self.names

    def emit(
        self, kind: BlockKind, lines: list[Line], level: int | None = None, number: str | None = None
    ) -> None:
        first = lines[0]
        self.document.blocks.append(
            Block(
                kind=kind,
                text="\n".join(line[0] for line in lines),
                location=Location(line=first[1], column=first[2], trail=self.trail_names()),
                level=level,
                number=number,
                line_starts=tuple((line[1], line[2]) for line in lines),
                suppressions=self.tracker.next_block(),
            )
        )


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _raw_line_indexes(raw_lines: list[str], parts: list[str]) -> Iterator[tuple[int, str]]:
    """Each rendered line with the index of the raw source line it came from."""
    raw_index = 0
    for part in parts:
        raw_index = _find_raw_line(raw_lines, part, raw_index)
        yield raw_index, part
        raw_index += 1


def _find_raw_line(raw_lines: list[str], part: str, start: int) -> int:
    """Index of the raw source line a rendered line came from (usually `start`; code spans can join lines)."""
    probe = _first_word(part)
    if start >= len(raw_lines):
        return len(raw_lines) - 1
    if not probe or probe in raw_lines[start]:
        return start
    for index in range(start + 1, len(raw_lines)):
        if probe in raw_lines[index]:
            return index
    return start


def _probe_offset(raw: str, text: str) -> int:
    """How far into the raw markup the rendered text starts (e.g. 2 for `**Bold**`)."""
    probe = _first_word(text)
    offset = raw.find(probe) if probe else -1
    return max(offset, 0)


def _first_word(text: str) -> str:
    word = WORD.search(text)
    return word.group() if word else ""
