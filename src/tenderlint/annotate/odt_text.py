"""Mapping an .odt block's visible text back to the XML text nodes it came from, and inserting
comment markers between characters.

The text is read with the parser's own paragraph reader (notes and comments lifted out), so the
characters here are the ones the finding's words were taken from, up to whitespace.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tenderlint.annotate.anchor import locate
from tenderlint.parsers.odt_text import DRAW, PARAGRAPHS, SKIPPED_BLOCKS, _Reader

# Where a piece of text lives: (element, "text" | "tail") for a text node, (element, "elem") for an
# indivisible element such as text:s or text:tab; None for text a comment cannot start or end in.
Origin = tuple[Any, str]
OPAQUE = (*PARAGRAPHS, DRAW + "text-box")


class _Mapper(_Reader):
    """The parser's paragraph reader, noting where each piece of text came from."""

    def __init__(self) -> None:
        super().__init__()
        self.origins: list[Origin | None] = []

    def walk(self, element: Any) -> None:
        if element.text:
            self.pieces.append((element.text, False))
            self.origins.append((element, "text"))
        for child in element:
            self.child(child)
            owner = None if child.tag in OPAQUE else (child, "elem")
            while len(self.origins) < len(self.pieces):
                self.origins.append(owner)
            if child.tail:
                self.pieces.append((child.tail, False))
                self.origins.append((child, "tail"))


def paragraphs(container: Any) -> Iterator[Any]:
    """A text:p or text:h itself, or the paragraphs of a table cell in reading order."""
    if container.tag in PARAGRAPHS:
        yield container
        return
    for child in container:
        if child.tag in PARAGRAPHS:
            yield child
        elif isinstance(child.tag, str) and child.tag not in SKIPPED_BLOCKS:
            yield from paragraphs(child)


def segments(container: Any) -> tuple[list[str], list[Origin | None]]:
    """Text pieces of a block and where each came from."""
    texts: list[str] = []
    origins: list[Origin | None] = []
    for paragraph in paragraphs(container):
        mapper = _Mapper()
        mapper.walk(paragraph)
        texts += [text for text, _ in mapper.pieces] + ["\n"]
        origins += [*mapper.origins, None]
    return texts, origins


def insert_before(container: Any, position: int, marker: Any) -> None:
    """Put `marker` immediately before character `position` of the block."""
    texts, origins = segments(container)
    spot = locate(texts, position)
    element, kind = origins[spot.segment]  # type: ignore[misc]
    _insert(element, kind, spot.offset if kind != "elem" else 0, marker)


def insert_after(container: Any, position: int, marker: Any) -> None:
    """Put `marker` immediately after character `position` of the block."""
    texts, origins = segments(container)
    spot = locate(texts, position)
    element, kind = origins[spot.segment]  # type: ignore[misc]
    _insert(element, kind, spot.offset + 1 if kind != "elem" else -1, marker)


def _insert(element: Any, kind: str, offset: int, marker: Any) -> None:
    """Insert at `offset` into element's text or tail; for "elem", before it (0) or after it (-1)."""
    if kind == "text":
        text = element.text or ""
        element.text, marker.tail = text[:offset], text[offset:] or None
        element.insert(0, marker)
    elif kind == "tail":
        text = element.tail or ""
        element.tail, marker.tail = text[:offset], text[offset:] or None
        element.addnext(marker)
    elif offset == 0:
        marker.tail = None
        element.addprevious(marker)
    else:
        marker.tail, element.tail = element.tail, None
        element.addnext(marker)
