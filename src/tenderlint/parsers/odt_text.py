"""Reading the text of OpenDocument paragraphs: whitespace rules, spans, fields, notes and comments.

Footnote bodies and comments sit inline in ODF paragraphs; they are lifted out here so a note's
text becomes its own block and a comment's text is never linted as part of the paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from tenderlint.parsers.wordproc import to_int

OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
LOEXT = "{urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0}"

PARAGRAPHS = (TEXT + "p", TEXT + "h")
WHITESPACE = re.compile(r"[ \t\r\n]+")
MAX_SPACES = 100
# Generated or hidden content: indexes repeat the headings, tracked-changes holds deleted text.
SKIPPED_BLOCKS = frozenset(
    (TEXT + name)
    for name in (
        "tracked-changes",
        "table-of-content",
        "illustration-index",
        "table-index",
        "object-index",
        "user-index",
        "alphabetical-index",
        "bibliography",
        "sequence-decls",
        "variable-decls",
        "user-field-decls",
        "dde-connection-decls",
    )
) | {OFFICE + "forms", OFFICE + "annotation", TABLE + "table-columns", TABLE + "table-column"}
# Inline elements that are never text.
SKIPPED_INLINE = frozenset(
    (
        TEXT + "tracked-changes",
        TEXT + "ruby-text",
        SVG + "title",
        SVG + "desc",
        OFFICE + "binary-data",
        DRAW + "image",
        DRAW + "object",
        DRAW + "object-ole",
    )
)


@dataclass
class Note:
    kind: str  # "footnote" or "endnote"
    citation: str
    text: str


@dataclass
class ParagraphContent:
    """One paragraph's visible text plus what was lifted out of it."""

    text: str = ""
    number: str | None = None
    notes: list[Note] = field(default_factory=list)
    annotations: list[tuple[str | None, str]] = field(default_factory=list)  # (office:name, text)
    annotation_ends: list[str] = field(default_factory=list)


class _Reader:
    def __init__(self) -> None:
        self.pieces: list[tuple[str, bool]] = []  # (text, literal); non-literal text collapses whitespace
        self.content = ParagraphContent()

    def walk(self, element: Any) -> None:
        if element.text:
            self.pieces.append((element.text, False))
        for child in element:
            self.child(child)
            if child.tail:
                self.pieces.append((child.tail, False))

    def child(self, child: Any) -> None:
        tag = child.tag
        if not isinstance(tag, str) or tag in SKIPPED_INLINE:
            return
        if tag == TEXT + "s":
            self.pieces.append((" " * max(1, min(to_int(child.get(TEXT + "c"), 1) or 1, MAX_SPACES)), True))
        elif tag == TEXT + "tab":
            self.pieces.append((" ", True))
        elif tag == TEXT + "line-break":
            self.pieces.append(("\n", True))
        elif tag == TEXT + "note":
            self.content.notes.append(_note(child))
        elif tag == OFFICE + "annotation":
            self.content.annotations.append((child.get(OFFICE + "name"), block_text(child)))
        elif tag == OFFICE + "annotation-end":
            self.content.annotation_ends.append(child.get(OFFICE + "name") or "")
        elif tag == TEXT + "number":
            self.content.number = "".join(child.itertext()).strip() or None
        elif tag in PARAGRAPHS or tag == DRAW + "text-box":
            nested = block_text(child) if tag == DRAW + "text-box" else read_paragraph(child).text
            if nested:
                self.pieces.append((f"\n{nested}\n", True))
        else:
            self.walk(child)

    def finish(self) -> ParagraphContent:
        out: list[str] = []
        after_space = True  # leading whitespace of a paragraph is ignored
        for text, literal in self.pieces:
            if not literal:
                text = WHITESPACE.sub(" ", text)
                if after_space and text.startswith(" "):
                    text = text[1:]
            if text:
                out.append(text)
                after_space = text[-1] in " \n"
        self.content.text = "".join(out).strip()
        return self.content


def read_paragraph(paragraph: Any) -> ParagraphContent:
    """Text of one text:p or text:h with notes, comments and any cached list number lifted out."""
    reader = _Reader()
    reader.walk(paragraph)
    return reader.finish()


def block_text(container: Any) -> str:
    """Text of every paragraph under `container` (a cell, header, note body, comment), one per line."""
    lines: list[str] = []
    for child in container:
        tag = child.tag
        if not isinstance(tag, str) or tag in SKIPPED_BLOCKS:
            continue
        text = read_paragraph(child).text if tag in PARAGRAPHS else block_text(child)
        if text:
            lines.append(text)
    return "\n".join(lines)


def _note(note: Any) -> Note:
    citation = note.find(TEXT + "note-citation")
    body = note.find(TEXT + "note-body")
    return Note(
        kind=note.get(TEXT + "note-class") or "footnote",
        citation="" if citation is None else "".join(citation.itertext()).strip(),
        text="" if body is None else block_text(body),
    )
