"""Walking a .docx body in reading order: paragraphs, headings, list items and tables, interleaved."""

from __future__ import annotations

from typing import Any

from tenderlint.document import Block, BlockKind
from tenderlint.parsers import headings
from tenderlint.parsers.docx_numbering import Numbering
from tenderlint.parsers.docx_styles import BODY_OUTLINE, Styles, numbering_props, outline_level
from tenderlint.parsers.docx_text import (
    PARAGRAPH,
    TABLE,
    W,
    comment_anchors,
    iter_paragraphs,
    paragraph_text,
    runs_bold,
    wrapped_children,
)
from tenderlint.parsers.wordproc import Outline, to_int

WRAPPERS = (W + "sdtContent", W + "customXml")
PARAGRAPH_PROPERTIES, PARAGRAPH_STYLE, VAL = W + "pPr", W + "pStyle", W + "val"
TOC_GALLERY = "table of contents"


class BodyWalker:
    """Feeds body elements to an Outline, keeping list counters and open comment ranges as it goes."""

    def __init__(self, outline: Outline, styles: Styles, numbering: Numbering | None) -> None:
        self.outline = outline
        self.styles = styles
        self.numbering = numbering
        self.open_comments: set[str] = set()
        self.warnings: list[str] = []

    def walk(self, container: Any) -> None:
        """Visit the block-level children of w:body (or of a content control inside it)."""
        for child in container:
            tag = child.tag
            if tag == PARAGRAPH:
                self.paragraph(child)
            elif tag == TABLE:
                self.table(child)
            elif tag == W + "sdt":
                if not _is_toc(child):
                    self.walk(child.iterfind(W + "sdtContent"))
            elif tag in WRAPPERS:
                self.walk(child)
            elif tag == W + "altChunk":
                self._warn("The document embeds content from another file (altChunk) that was not read.")
            elif isinstance(tag, str):
                comment_anchors(child, self.open_comments)

    def paragraph(self, p: Any) -> Block | None:
        """Emit one body paragraph as a heading, list item or plain paragraph."""
        ids = comment_anchors(p, self.open_comments)
        style_id, ppr = _style_of(p)
        if self.styles.is_toc(style_id):
            return None
        text = paragraph_text(p)
        if not text and _mark_deleted(ppr):
            return None  # a paragraph removed by a tracked deletion takes its list number with it
        number, ilvl = self._number(style_id, ppr)
        level = self._heading_level(style_id, ppr)
        if level is not None:
            return self.outline.add_paragraph(BlockKind.HEADING, text, ids, level=level, number=number)
        inferred = self._inferred_heading(p, style_id, text, number, ilvl)
        if inferred is not None:
            return self.outline.add_inferred_heading(text, inferred, ids, number=number)
        if ilvl is not None:
            return self.outline.add_paragraph(BlockKind.LIST_ITEM, text, ids, level=ilvl + 1, number=number)
        return self.outline.add_paragraph(BlockKind.PARAGRAPH, text, ids)

    def table(self, tbl: Any) -> Block:
        """Emit a TABLE block; merged cells appear once, at their top-left position."""
        index = self.outline.new_table()
        rows: list[list[Block]] = []
        above: dict[int, Any] = {}  # grid column -> cell element covering it in the previous row
        emitted: set[Any] = set()  # elements, not id()s: lxml proxies of dropped elements reuse ids
        for row_number, tr in enumerate(wrapped_children(tbl, W + "tr"), start=1):
            row: list[Block] = []
            column = _grid_before(tr)
            covering: dict[int, Any] = {}
            for position, tc in enumerate(wrapped_children(tr, W + "tc"), start=1):
                span = _grid_span(tc)
                origin = above.get(column, tc) if _continues_merge(tc) else tc
                for offset in range(span):
                    covering[column + offset] = origin
                column += span
                ids = comment_anchors(tc, self.open_comments)
                if origin in emitted:
                    continue
                emitted.add(origin)
                row.append(self.outline.cell(self._cell_text(origin), index, row_number, position, ids))
            above = covering
            rows.append(row)
        return self.outline.add_table(index, rows)

    def _cell_text(self, tc: Any) -> str:
        """Cell text, paragraphs joined by newlines; list counters still advance inside cells."""
        lines: list[str] = []
        for p in iter_paragraphs(tc):
            style_id, ppr = _style_of(p)
            self._number(style_id, ppr)
            text = paragraph_text(p)
            if text:
                lines.append(text)
        return "\n".join(lines)

    def _number(self, style_id: str | None, ppr: Any) -> tuple[str | None, int | None]:
        """(label, ilvl) for a numbered paragraph, advancing its counter; (None, None) when not numbered."""
        num_id, ilvl = numbering_props(ppr)
        style_num, style_ilvl = self.styles.numbering(style_id)
        num_id = num_id if num_id is not None else style_num
        if num_id is None or num_id == "0":
            return None, None
        ilvl = ilvl if ilvl is not None else (style_ilvl or 0)
        if self.numbering is None:
            return None, ilvl
        try:
            return self.numbering.advance(num_id, ilvl), ilvl
        except (ValueError, TypeError, KeyError, RecursionError):
            self._warn("Some list numbers could not be worked out; list items are shown without them.")
            self.numbering = None
            return None, ilvl

    def _inferred_heading(
        self, p: Any, style_id: str | None, text: str, number: str | None, ilvl: int | None
    ) -> headings.Heading | None:
        """A heading written without a heading style: bold, numbered or in capitals. A list item
        counts only when it is bold or in capitals, so an ordinary numbered list stays a list."""
        if not text or len(text) > headings.MAX_CHARACTERS:
            return None
        bold = runs_bold(p, self.styles.is_bold(style_id))
        if ilvl is None:
            return headings.classify(text, emphasis=bold)
        labelled = f"{number} {text}" if number and number[:1].isdigit() else text
        heading = headings.classify(labelled, emphasis=bold)
        if heading is None or not (bold or headings.in_capitals(text)):
            return None
        return heading if number and number[:1].isdigit() else headings.Heading(ilvl + 1)

    def _heading_level(self, style_id: str | None, ppr: Any) -> int | None:
        direct = outline_level(ppr)
        if direct is not None:
            return direct + 1 if 0 <= direct < BODY_OUTLINE else None
        return self.styles.heading_level(style_id)

    def _warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


def _style_of(p: Any) -> tuple[str | None, Any]:
    ppr = p.find(PARAGRAPH_PROPERTIES)
    style = None if ppr is None else ppr.find(PARAGRAPH_STYLE)
    return (None if style is None else style.get(VAL)), ppr


def _mark_deleted(ppr: Any) -> bool:
    return ppr is not None and ppr.find(f"{W}rPr/{W}del") is not None


def _is_toc(sdt: Any) -> bool:
    """A content control holding Word's generated table of contents (its lines copy the headings)."""
    for gallery in sdt.iterfind(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery"):
        if (gallery.get(W + "val") or "").lower().startswith(TOC_GALLERY):
            return True
    return False


def _grid_span(tc: Any) -> int:
    node = tc.find(f"{W}tcPr/{W}gridSpan")
    span = to_int(None if node is None else node.get(W + "val"), 1) or 1
    return max(1, min(span, 64))


def _grid_before(tr: Any) -> int:
    node = tr.find(f"{W}trPr/{W}gridBefore")
    return max(0, to_int(None if node is None else node.get(W + "val"), 0) or 0)


def _continues_merge(tc: Any) -> bool:
    node = tc.find(f"{W}tcPr/{W}vMerge")
    return node is not None and node.get(W + "val", "continue") == "continue"
