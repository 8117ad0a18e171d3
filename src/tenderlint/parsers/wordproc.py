"""What the .docx and .odt parsers share: heading trails, paragraph counting and comment suppressions.

Both formats are word-processor documents, so a finding is located the way a reader would find it:
the chain of headings above it plus the paragraph's 1-based position among non-empty body paragraphs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from tenderlint import errors
from tenderlint.document import Block, BlockKind, Document, Location
from tenderlint.errors import InputError
from tenderlint.parsers.bullets import opens_with_bullet
from tenderlint.parsers.headings import Heading
from tenderlint.parsers.suppress import directives

ANCHORED_VERBS = ("disable", "disable-next")


class CommentDirectives:
    """`tenderlint:` directives found in comments, keyed by comment id.

    `disable` and `disable-next` in a comment both mean "the text this comment is anchored on";
    `disable-file` applies to the whole document; `enable` has no meaning for an anchored comment.
    """

    def __init__(self, texts: Mapping[str, str] | None = None) -> None:
        self.by_id: dict[str, set[str]] = {}
        self.file_wide: set[str] = set()
        for comment_id, text in (texts or {}).items():
            self.add(comment_id, text)

    def add(self, comment_id: str, text: str) -> None:
        """Record one comment's directives (formats that meet comments inline add them as they go)."""
        for verb, found in directives(text):
            if verb in ANCHORED_VERBS:
                self.by_id.setdefault(comment_id, set()).update(found)
            elif verb == "disable-file":
                self.file_wide.update(found)

    def codes_for(self, comment_ids: Iterable[str]) -> tuple[str, ...]:
        """The rule codes suppressed on a block anchored by these comments."""
        codes: set[str] = set()
        for comment_id in comment_ids:
            codes.update(self.by_id.get(comment_id, ()))
        return tuple(sorted(codes))


class Outline:
    """Collects body blocks in reading order, numbering paragraphs and keeping the heading trail."""

    def __init__(self, comments: CommentDirectives) -> None:
        self.comments = comments
        self.blocks: list[Block] = []
        self.paragraphs = 0
        self.tables = 0
        self._trail: list[tuple[int, str]] = []
        self._titles: tuple[str, ...] = ()  # the trail as blocks carry it, rebuilt when a heading changes it
        # The level of the last heading set by a heading style: headings inferred from layout nest
        # under it, so a bold subheading never closes the styled section it sits in.
        self._styled_level = 0

    @property
    def trail(self) -> tuple[str, ...]:
        return self._titles

    def add_paragraph(
        self,
        kind: BlockKind,
        text: str,
        comment_ids: Iterable[str] = (),
        level: int | None = None,
        number: str | None = None,
        inferred: bool = False,
    ) -> Block | None:
        """Append a body paragraph, heading or list item; empty text is dropped and not counted."""
        text = text.strip()
        if not text:
            return None
        if kind is BlockKind.PARAGRAPH and opens_with_bullet(text):
            kind = BlockKind.LIST_ITEM  # a bullet typed rather than made by a list style
        self.paragraphs += 1
        if kind is BlockKind.HEADING:
            if not inferred:
                self._styled_level = level or 1
            self._enter_heading(level or 1, f"{number} {text}" if number else text)
        block = Block(
            kind=kind,
            text=text,
            location=Location(paragraph=self.paragraphs, trail=self.trail),
            level=level,
            number=number,
            suppressions=self.comments.codes_for(comment_ids),
        )
        self.blocks.append(block)
        return block

    def add_inferred_heading(
        self, text: str, heading: Heading, comment_ids: Iterable[str] = (), number: str | None = None
    ) -> Block | None:
        """Append a heading recognised from layout (bold, numbered, capitals), below any styled one."""
        level = self._styled_level + heading.level
        return self.add_paragraph(BlockKind.HEADING, text, comment_ids, level, number, inferred=True)

    def new_table(self) -> int:
        """Reserve the next 1-based table number."""
        self.tables += 1
        return self.tables

    def cell(self, text: str, table: int, row: int, cell: int, comment_ids: Iterable[str] = ()) -> Block:
        """A table cell block (kept even when empty, so the table's grid stays whole)."""
        location = Location(trail=self.trail, table=table, row=row, cell=cell)
        return Block(
            BlockKind.TABLE_CELL, text.strip(), location, suppressions=self.comments.codes_for(comment_ids)
        )

    def add_table(self, table: int, rows: list[list[Block]]) -> Block:
        """Append a TABLE block; it suppresses only what every one of its cells suppresses."""
        cells = [cell for row in rows for cell in row]
        common = set(cells[0].suppressions) if cells else set()
        for cell in cells[1:]:
            common &= set(cell.suppressions)
        block = Block(
            BlockKind.TABLE,
            "",
            Location(trail=self.trail, table=table),
            rows=rows,
            suppressions=tuple(sorted(common)),
        )
        self.blocks.append(block)
        return block

    def _enter_heading(self, level: int, title: str) -> None:
        title = " ".join(title.split())
        self._trail = [(lvl, t) for lvl, t in self._trail if lvl < level]
        self._trail.append((level, title))
        self._titles = tuple(title for _, title in self._trail)


def furniture_blocks(texts: Iterable[str], kind: BlockKind, part: str) -> list[Block]:
    """Header or footer blocks from raw texts: blank ones dropped, repeats (linked sections) kept once."""
    seen: set[str] = set()
    blocks: list[Block] = []
    for text in texts:
        text = text.strip()
        if text and text not in seen:
            seen.add(text)
            blocks.append(Block(kind, text, Location(part=part)))
    return blocks


def require_text(document: Document, label: str) -> Document:
    """Raise EMPTY when a document parsed cleanly but holds no words at all."""
    if any(block.text.strip() for block in document.text_blocks()):
        return document
    raise InputError(
        errors.EMPTY,
        f"The {label} document contains no text.",
        "Check this is the right file; text inside pictures or scans cannot be read.",
    )


def to_int(value: str | None, default: int | None = None) -> int | None:
    """Parse an integer attribute from a document without trusting it to be well formed."""
    if value is None:
        return default
    try:
        return int(value.strip())
    except ValueError:
        return default
