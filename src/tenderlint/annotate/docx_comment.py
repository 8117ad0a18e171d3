"""The text of a Word comment: plain runs, and citation addresses as real hyperlinks.

A hyperlink in a comment needs a relationship on the comments part (not the document part), so
Word and LibreOffice open the address when the reader clicks it.
"""

from __future__ import annotations

from typing import Any

from tenderlint.annotate import Piece

LINK_COLOUR = "0563C1"  # Word's own hyperlink blue, set directly: the draft may lack a Hyperlink style


def fill(comment: Any, paragraphs: list[list[Piece]]) -> None:
    """Write `paragraphs` into a new, empty python-docx comment."""
    for number, pieces in enumerate(paragraphs):
        paragraph = comment.paragraphs[0] if number == 0 else comment.add_paragraph()
        for text, url in pieces:
            if url is None:
                paragraph.add_run(text)
            else:
                paragraph._p.append(_hyperlink(comment.part, text, url))


def _hyperlink(part: Any, text: str, url: str) -> Any:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), LINK_COLOUR)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    properties.append(colour)
    properties.append(underline)
    run.append(properties)
    words = OxmlElement("w:t")
    words.set(qn("xml:space"), "preserve")
    words.text = text
    run.append(words)
    link.append(run)
    return link
