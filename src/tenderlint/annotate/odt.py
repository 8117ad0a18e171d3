"""Annotated .odt copies: one office:annotation per finding, spanning the finding's own words.

Only content.xml changes; every other member of the package is copied byte for byte, in the same
order, with `mimetype` first and stored as ODF requires, except members whose names climb out of the
package (`../`), which are left out. Blocks are found with the parser's own body
walker, so paragraph and table numbers agree with the report.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from typing import Any

from tenderlint.annotate import AUTHOR, Piece, comment_paragraphs
from tenderlint.annotate.anchor import block_key, place
from tenderlint.annotate.odt_text import insert_after, insert_before, segments
from tenderlint.annotate.sections import is_document_level, section_heading
from tenderlint.citations import Citation
from tenderlint.document import Block, BlockKind
from tenderlint.findings import Finding
from tenderlint.parsers.odt_body import OdtWalker
from tenderlint.parsers.odt_text import OFFICE, TEXT, ParagraphContent
from tenderlint.parsers.wordproc import CommentDirectives, Outline

DC = "{http://purl.org/dc/elements/1.1/}"
XLINK = "{http://www.w3.org/1999/xlink}"


class _Outline(Outline):
    """An Outline that records the element behind each paragraph and table cell it is given."""

    def __init__(self) -> None:
        super().__init__(CommentDirectives())
        self.last: Any = None  # the element the walker read most recently
        self.elements: dict[tuple[int, ...], Any] = {}
        self.headings: list[tuple[str, Any]] = []

    def add_paragraph(self, kind: BlockKind, text: str, *args: Any, **kwargs: Any) -> Block | None:
        block = super().add_paragraph(kind, text, *args, **kwargs)
        if block is not None and block.location.paragraph is not None:
            self.elements[(block.location.paragraph,)] = self.last
            if kind is BlockKind.HEADING and block.location.part == "body":
                self.headings.append((block.text, self.last))
        return block

    def cell(self, text: str, table: int, row: int, cell: int, *args: Any) -> Block:
        self.elements.setdefault((table, row, cell), self.last)
        return super().cell(text, table, row, cell, *args)


class _Finder(OdtWalker):
    """The parser's body walker, telling the outline which element each block came from."""

    outline: _Outline

    def read(self, paragraph: Any) -> tuple[ParagraphContent, set[str]]:
        self.outline.last = paragraph
        return super().read(paragraph)

    def _cell(self, cell: Any) -> tuple[str, set[str]]:
        found = super()._cell(cell)
        self.outline.last = cell
        return found


def annotate_odt(
    data: bytes, findings: list[Finding], citations: Mapping[str, Citation]
) -> tuple[bytes, int, int]:
    """The annotated copy's bytes, how many comments it has, and how many fell back to a whole
    paragraph."""
    from lxml import etree

    from tenderlint.parsers.odt import _load
    from tenderlint.parsers.odt_lists import ListStyles

    _, styles = _load(data)  # validates the package (and refuses encrypted files) as the parser does
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("content.xml"), parser=_parser())
    body = root.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        from tenderlint import errors
        from tenderlint.errors import InputError

        raise InputError(errors.CORRUPT, "The document has no text body (office:text).")
    names = {
        node.get(OFFICE + "name") for node in root.iter(OFFICE + "annotation", OFFICE + "annotation-end")
    }
    outline = _Outline()
    finder = _Finder(outline, ListStyles([r for r in (styles, root) if r is not None]), set())
    finder.walk(body)
    keys = sorted(outline.elements, key=lambda key: (len(key) > 1, key))  # paragraphs before cells
    first = outline.elements[keys[0]] if keys else None
    written = missed = 0
    serial = 0
    for finding in findings:
        elsewhere = finding.location.part != "body"
        container = outline.elements.get(block_key(finding.location) or ())
        if is_document_level(finding, container is None or container is first):
            heading = section_heading(finding, outline.headings)
            container = container if heading is None else heading
        placed = place(finding, container, lambda: first, segments)
        if placed is None:
            continue  # nothing in the body can carry a comment; the report still lists the finding
        container, choice = placed
        exact = choice.exact or not finding.matched.strip() or elsewhere
        missed += not exact
        written += 1
        serial += 1
        while f"tenderlint-{serial}" in names:
            serial += 1
        name = f"tenderlint-{serial}"
        lines = comment_paragraphs(finding, citations, exact, elsewhere)
        insert_before(container, choice.first, _annotation(name, lines))
        insert_after(
            container, choice.last, etree.Element(OFFICE + "annotation-end", {OFFICE + "name": name})
        )
    content = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return _repack(data, content), written, missed


def _annotation(name: str, lines: Iterable[list[Piece]]) -> Any:
    """An office:annotation whose citation addresses are text:a links."""
    from lxml import etree

    nsmap = {"dc": DC[1:-1], "xlink": XLINK[1:-1]}
    node = etree.Element(OFFICE + "annotation", {OFFICE + "name": name}, nsmap=nsmap)
    etree.SubElement(node, DC + "creator").text = AUTHOR
    etree.SubElement(node, DC + "date").text = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
    for pieces in lines:
        paragraph = etree.SubElement(node, TEXT + "p")
        last = None
        for text, url in pieces:
            if url is not None:
                last = etree.SubElement(
                    paragraph, TEXT + "a", {XLINK + "type": "simple", XLINK + "href": url}
                )
                last.text = text
            elif last is None:
                paragraph.text = (paragraph.text or "") + text
            else:
                last.tail = (last.tail or "") + text
    return node


def _parser() -> Any:
    """The hardened settings of the project's XML parser, but keeping comments and processing
    instructions, because this tree is written back out."""
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, collect_ids=False
    )


def _repack(data: bytes, content: bytes) -> bytes:
    """The package again with a new content.xml; `mimetype` first and stored, the rest unchanged."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        infos = source.infolist()
        for info in infos:
            if info.filename == "mimetype":
                stored = zipfile.ZipInfo("mimetype", date_time=info.date_time)
                target.writestr(stored, source.read(info), compress_type=zipfile.ZIP_STORED)
                break
        for info in infos:
            if info.filename == "mimetype" or not safe_name(info.filename):
                continue
            body = content if info.filename == "content.xml" else source.read(info)
            target.writestr(info, body)
    return out.getvalue()


def safe_name(name: str) -> bool:
    """False for a member name that would land outside the folder it is unpacked in (`../x`, `/etc/x`,
    `C:x`, backslashes): such entries are not part of any document, so the copy leaves them out."""
    parts = name.replace("\\", "/").split("/")
    return not (name.startswith(("/", "\\")) or ".." in parts or ":" in parts[0] or "\\" in name)
