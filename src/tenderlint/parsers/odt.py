"""The .odt parser: body paragraphs, headings, lists and tables in reading order, plus page headers
and footers from the master pages, and footnotes/endnotes lifted out of the text.

Reading order of the blocks produced: page headers, the body, page footers, footnotes, endnotes.
A paragraph in the "Title" style counts as a level-1 heading, as in the .docx parser.
Tracked deletions (kept in text:tracked-changes) are left out, so changes read as accepted.
Generated indexes such as the table of contents are skipped (they repeat the headings).
List numbers are best effort (see odt_lists). Comments are not linted, but a comment holding a
`tenderlint: disable=...` directive suppresses the paragraphs it is anchored on.
"""

from __future__ import annotations

from typing import Any

from tenderlint import errors
from tenderlint.document import Block, BlockKind, Document, Location
from tenderlint.errors import InputError
from tenderlint.parsers.odt_text import LOEXT, OFFICE, STYLE, Note, block_text
from tenderlint.parsers.package import open_package, read_member
from tenderlint.parsers.wordproc import CommentDirectives, Outline, furniture_blocks, require_text

HINT = "Open it in LibreOffice and save it again."
HEADERS = tuple(ns + name for ns in (STYLE, LOEXT) for name in ("header", "header-left", "header-first"))
FOOTERS = tuple(ns + name for ns in (STYLE, LOEXT) for name in ("footer", "footer-left", "footer-first"))


class OdtParser:
    """Parser for OpenDocument text files (.odt)."""

    format = "odt"
    extensions = (".odt",)

    def parse(self, data: bytes, path: str) -> Document:
        """Parse an .odt file's bytes into a Document, or raise InputError."""
        from tenderlint.parsers.odt_body import OdtWalker
        from tenderlint.parsers.odt_lists import ListStyles

        content, styles = _load(data)
        body = content.find(f"{OFFICE}body/{OFFICE}text")
        if body is None:
            raise InputError(
                errors.CORRUPT,
                "The .odt file has no text body (it may be a spreadsheet or presentation renamed to .odt).",
                HINT,
            )
        comments = CommentDirectives()
        ranged = {node.get(OFFICE + "name") for node in body.iter(OFFICE + "annotation-end")}
        list_styles = ListStyles([root for root in (styles, content) if root is not None])
        walker = OdtWalker(Outline(comments), list_styles, ranged - {None})
        walker.walk(body)
        blocks = [
            *furniture_blocks(_page_texts(styles, HEADERS), BlockKind.HEADER, "header"),
            *walker.outline.blocks,
            *furniture_blocks(_page_texts(styles, FOOTERS), BlockKind.FOOTER, "footer"),
            *_note_blocks(walker.notes, "footnote"),
            *_note_blocks(walker.notes, "endnote"),
        ]
        document = Document(
            path=path, format=self.format, blocks=blocks, file_suppressions=tuple(sorted(comments.file_wide))
        )
        return require_text(document, "OpenDocument")


def _load(data: bytes) -> tuple[Any, Any | None]:
    """The parsed content.xml and styles.xml (None if absent), refusing encrypted files."""
    from tenderlint.parsers.xmlsafe import parse_xml

    with open_package(data, ".odt", HINT) as archive:
        manifest = read_member(archive, "META-INF/manifest.xml", ".odt", HINT)
        if manifest and b"encryption-data" in manifest:
            raise InputError(
                errors.ENCRYPTED,
                "The document is password-protected (encrypted).",
                "Save a copy without a password (File > Save As, untick 'Save with password').",
            )
        content = read_member(archive, "content.xml", ".odt", HINT)
        styles = read_member(archive, "styles.xml", ".odt", HINT)
    if content is None:
        raise InputError(errors.CORRUPT, "The .odt file has no content.xml, so it has no text to read.", HINT)
    return parse_xml(content, "content.xml", HINT), None if styles is None else parse_xml(
        styles, "styles.xml", HINT
    )


def _page_texts(styles: Any | None, tags: tuple[str, ...]) -> list[str]:
    """Texts of the headers (or footers) of every master page, in order; hidden ones left out."""
    if styles is None:
        return []
    texts: list[str] = []
    for page in styles.iter(STYLE + "master-page"):
        for part in page.iterchildren(*tags):
            if part.get(STYLE + "display") != "false":
                texts.append(block_text(part))
    return texts


def _note_blocks(notes: list[Note], kind: str) -> list[Block]:
    """Note blocks of one class, located by their citation number (or position when it is not a number)."""
    blocks: list[Block] = []
    for note in (note for note in notes if note.kind == kind):
        if not note.text:
            continue
        number = int(note.citation) if note.citation.isdigit() else len(blocks) + 1
        blocks.append(Block(BlockKind.FOOTNOTE, note.text, Location(paragraph=number, part=kind)))
    return blocks
