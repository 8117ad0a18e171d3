"""Mapping a .docx block's visible text back to runs, and splitting runs so a comment fits exact words.

The text is read with the parser's own walker (tracked insertions count, deletions and field codes do
not), so the characters here are the ones the finding's offsets refer to.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from docx.oxml import OxmlElement

from tenderlint.annotate.anchor import locate
from tenderlint.parsers.docx_text import W, _Walker, iter_paragraphs

SPACE = "{http://www.w3.org/XML/1998/namespace}space"
Owner = tuple[Any, Any]  # (w:r, the child of that run the text came from)


class _Mapper(_Walker):
    """The parser's text walker, noting which run (and which child of it) each piece of text came from."""

    def __init__(self) -> None:
        super().__init__()
        self.owners: list[Owner | None] = []
        self._unit: Owner | None = None

    def walk(self, element: Any) -> None:
        for child in element:
            if child.tag == W + "r" and self._unit is None:
                for unit in child:
                    self._unit = (child, unit)
                    super().walk([unit])
                    self._claim()
                self._unit = None
            else:
                super().walk([child])
                self._claim()

    def _claim(self) -> None:
        while len(self.owners) < len(self.parts):
            self.owners.append(self._unit)


def segments(container: Any) -> tuple[list[str], list[Owner | None]]:
    """Text pieces of a paragraph (or of every paragraph in a table cell) and the run each came from."""
    paragraphs = [container] if container.tag == W + "p" else list(iter_paragraphs(container))
    texts: list[str] = []
    owners: list[Owner | None] = []
    for paragraph in paragraphs:
        mapper = _Mapper()
        mapper.walk(paragraph)
        texts += [*mapper.parts, "\n"]
        owners += [*mapper.owners, None]
    return texts, owners


def run_starting_at(container: Any, position: int) -> Any:
    """Split runs so that one begins exactly at character `position` of the block; return that run."""
    texts, owners = segments(container)
    spot = locate(texts, position)
    run, unit = owners[spot.segment]  # type: ignore[misc]
    return _split(run, unit, spot.offset if unit.tag == W + "t" else 0)[1]


def run_ending_at(container: Any, position: int) -> Any:
    """Split runs so that one ends exactly after character `position` of the block; return that run."""
    texts, owners = segments(container)
    spot = locate(texts, position)
    run, unit = owners[spot.segment]  # type: ignore[misc]
    after = spot.offset + 1 if unit.tag == W + "t" else len(texts[spot.segment])
    return _split(run, unit, after)[0]


def _split(run: Any, unit: Any, offset: int) -> tuple[Any | None, Any | None]:
    """Make a run boundary `offset` characters into `unit`; the runs either side (None at a run's edge).

    A non-text unit (tab, break, picture) is indivisible: offset 0 is before it, anything else after.
    """
    content = [child for child in run if child.tag != W + "rPr"]
    index = content.index(unit)
    if unit.tag == W + "t":
        text = unit.text or ""
        if 0 < offset < len(text):
            tail = deepcopy(unit)
            tail.tail = None
            unit.text, tail.text = text[:offset], text[offset:]
            unit.set(SPACE, "preserve")
            tail.set(SPACE, "preserve")
            unit.addnext(tail)
            content.insert(index + 1, tail)
    cut = index + 1 if offset > 0 else index
    left, right = content[:cut], content[cut:]
    if not left:
        return None, run
    if not right:
        return run, None
    twin = OxmlElement("w:r")
    for key, value in run.attrib.items():
        twin.set(key, value)
    props = run.find(W + "rPr")
    if props is not None:
        twin.append(deepcopy(props))
    for child in right:
        twin.append(child)
    run.addnext(twin)
    return run, twin
