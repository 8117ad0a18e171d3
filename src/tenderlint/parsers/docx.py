"""The .docx parser: body paragraphs, headings, lists and tables in reading order, plus headers,
footers, footnotes and endnotes, with tracked changes read as accepted.

Reading order of the blocks produced: page headers, the body, page footers, footnotes, endnotes.
The "Title" style counts as a level-1 heading. Word's generated table of contents is skipped
(its lines repeat the headings). Comments are not linted, but a comment holding a
`tenderlint: disable=...` directive suppresses the text it is anchored on.
"""

from __future__ import annotations

import io
from typing import Any

from tenderlint import errors
from tenderlint.document import Block, BlockKind, Document, Location
from tenderlint.errors import InputError
from tenderlint.parsers.docx_text import W, container_text
from tenderlint.parsers.package import open_package
from tenderlint.parsers.wordproc import CommentDirectives, Outline, furniture_blocks, require_text, to_int

HINT = "Open it in Word and save it again."
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
REFERENCE_ORDER = {"default": 0, "first": 1, "even": 2}
SEPARATOR_TYPES = ("separator", "continuationSeparator", "continuationNotice")


class DocxParser:
    """Parser for Word 2007+ documents (.docx)."""

    format = "docx"
    extensions = (".docx",)

    def parse(self, data: bytes, path: str) -> Document:
        """Parse a .docx file's bytes into a Document, or raise InputError."""
        from tenderlint.parsers.docx_body import BodyWalker
        from tenderlint.parsers.docx_numbering import Numbering
        from tenderlint.parsers.docx_styles import Styles

        word = _load(data)
        part = word.part
        body = getattr(word.element, "body", None)  # absent when the root is not <w:document>
        if body is None:
            raise InputError(
                errors.CORRUPT,
                "The .docx file has no document body (it may be saved as Strict Open XML).",
                "Open it in Word and save it as a standard Word Document (.docx).",
            )
        styles = Styles(_related_root(part, "styles"))
        warnings: list[str] = []
        try:
            numbering: Numbering | None = Numbering(_related_root(part, "numbering"), styles)
        except InputError:
            numbering = None
            warnings.append("The list numbering part is damaged; list items are shown without numbers.")
        comments = CommentDirectives(_comment_texts(part))
        walker = BodyWalker(Outline(comments), styles, numbering)
        walker.walk(body)
        blocks = [
            *furniture_blocks(_furniture(part, body, "header"), BlockKind.HEADER, "header"),
            *walker.outline.blocks,
            *furniture_blocks(_furniture(part, body, "footer"), BlockKind.FOOTER, "footer"),
            *_notes(part, body, "footnote"),
            *_notes(part, body, "endnote"),
        ]
        document = Document(
            path=path,
            format=self.format,
            blocks=blocks,
            warnings=warnings + walker.warnings,
            file_suppressions=tuple(sorted(comments.file_wide)),
        )
        return require_text(document, "Word")


def _load(data: bytes) -> Any:
    """Open the package with python-docx, turning every way that can fail into InputError(CORRUPT)."""
    import docx

    with open_package(data, ".docx", HINT) as archive:
        names = set(archive.namelist())
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types for damaged packages
        raise _load_error(exc, names) from exc


def _load_error(exc: Exception, names: set[str]) -> InputError:
    from lxml import etree

    from tenderlint.parsers.xmlsafe import describe_error

    if "word/document.xml" not in names:
        message = (
            "The .docx file has no main document part (word/document.xml), so it is not a Word document."
        )
    elif isinstance(exc, etree.XMLSyntaxError):
        message = f"The .docx file's XML is damaged ({describe_error(exc)})."
    elif isinstance(exc, ValueError) and "not a Word file" in str(exc):
        message = "The file is not a plain Word document (it may be a template or a macro-enabled file)."
        return InputError(errors.CORRUPT, message, "Open it in Word and save it as Word Document (.docx).")
    else:
        message = f"The .docx file is damaged and cannot be opened ({type(exc).__name__})."
    return InputError(errors.CORRUPT, message, HINT)


def _related_part(part: Any, kind: str) -> Any | None:
    """The internal part related to `part` by a relationship whose type ends in `/kind`."""
    for rel in part.rels.values():
        if not rel.is_external and rel.reltype.rsplit("/", 1)[-1] == kind:
            return rel.target_part
    return None


def _part_root(part: Any, name: str) -> Any:
    """The parsed XML of a part: python-docx's own tree when it parsed it, else parsed safely here."""
    from lxml import etree

    from tenderlint.parsers.xmlsafe import parse_xml

    element = getattr(part, "element", None)
    if isinstance(element, etree._Element):
        return element
    return parse_xml(part.blob, name, HINT)


def _related_root(part: Any, kind: str) -> Any | None:
    related = _related_part(part, kind)
    return None if related is None else _part_root(related, f"{kind} part")


def _comment_texts(part: Any) -> dict[str, str]:
    """Comment id -> comment text, from word/comments.xml (empty when there are no comments)."""
    root = _related_root(part, "comments")
    if root is None:
        return {}
    return {
        node.get(W + "id"): container_text(node)
        for node in root.iterfind(W + "comment")
        if node.get(W + "id") is not None
    }


def _furniture(part: Any, body: Any, kind: str) -> list[str]:
    """Texts of every distinct header (or footer) part any section refers to, in section order."""
    texts: list[str] = []
    seen: set[int] = set()
    for sect in body.iter(W + "sectPr"):
        if sect.getparent() is not None and sect.getparent().tag == W + "sectPrChange":
            continue
        refs = sorted(
            sect.iterfind(f"{W}{kind}Reference"), key=lambda ref: REFERENCE_ORDER.get(ref.get(W + "type"), 3)
        )
        for ref in refs:
            rel = part.rels.get(ref.get(R + "id"))
            if rel is None or rel.is_external or id(rel.target_part) in seen:
                continue
            seen.add(id(rel.target_part))
            texts.append(container_text(_part_root(rel.target_part, f"{kind} part")))
    return texts


def _notes(part: Any, body: Any, kind: str) -> list[Block]:
    """Footnote or endnote blocks, numbered in the order the body refers to them."""
    root = _related_root(part, f"{kind}s")
    if root is None:
        return []
    order: dict[str, int] = {}
    for ref in body.iter(f"{W}{kind}Reference"):
        order.setdefault(ref.get(W + "id") or "", len(order) + 1)
    blocks: list[Block] = []
    for note in root.iterfind(W + kind):
        note_id = note.get(W + "id") or ""
        if note.get(W + "type") in SEPARATOR_TYPES or (to_int(note_id, 0) or 0) < 1:
            continue
        text = container_text(note)
        if text:
            number = order.get(note_id, to_int(note_id))
            blocks.append(Block(BlockKind.FOOTNOTE, text, Location(paragraph=number, part=kind)))
    return blocks
