"""Paragraph styles of a .docx, reduced to what locating text needs: heading level and list numbering."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tenderlint.parsers.docx_text import W, toggled
from tenderlint.parsers.wordproc import to_int

HEADING_NAME = re.compile(r"heading\s*([1-9])$", re.IGNORECASE)
TOC_NAME = re.compile(r"toc\s*[1-9]$", re.IGNORECASE)
BODY_OUTLINE = 9  # w:outlineLvl 9 means "body text"
MAX_CHAIN = 20  # basedOn chains are short; a loop in a damaged file must not hang us


@dataclass(frozen=True)
class Style:
    name: str
    based_on: str | None
    outline: int | None
    num_id: str | None
    ilvl: int | None
    bold: bool | None = None


def numbering_props(ppr: Any) -> tuple[str | None, int | None]:
    """(numId, ilvl) from a w:pPr, either possibly None."""
    if ppr is None:
        return None, None
    num_pr = ppr.find(W + "numPr")
    if num_pr is None:
        return None, None
    num_id = num_pr.find(W + "numId")
    ilvl = num_pr.find(W + "ilvl")
    return (
        None if num_id is None else num_id.get(W + "val"),
        None if ilvl is None else to_int(ilvl.get(W + "val")),
    )


def outline_level(ppr: Any) -> int | None:
    """The w:outlineLvl value in a w:pPr, if any."""
    if ppr is None:
        return None
    node = ppr.find(W + "outlineLvl")
    return None if node is None else to_int(node.get(W + "val"))


@dataclass(frozen=True)
class _Inherited:
    """What a paragraph of one style gets from the style's basedOn chain."""

    heading_level: int | None
    toc: bool
    bold: bool
    numbering: tuple[str | None, int | None]


class Styles:
    """Lookup of paragraph styles by id, following basedOn chains.

    Every body paragraph asks what its style gives it, and a document uses a few styles, so each
    style's chain is followed once.
    """

    def __init__(self, root: Any | None) -> None:
        self.styles: dict[str, Style] = {}
        self.default: str | None = None
        for node in [] if root is None else root.iterfind(W + "style"):
            self._add(node)
        self._inherited: dict[str | None, _Inherited] = {}

    def _add(self, node: Any) -> None:
        style_id = node.get(W + "styleId")
        if not style_id or node.get(W + "type", "paragraph") != "paragraph":
            return
        if node.get(W + "default") in ("1", "true", "on"):
            self.default = style_id
        name = node.find(W + "name")
        based_on = node.find(W + "basedOn")
        ppr = node.find(W + "pPr")
        num_id, ilvl = numbering_props(ppr)
        self.styles[style_id] = Style(
            name="" if name is None else (name.get(W + "val") or ""),
            based_on=None if based_on is None else based_on.get(W + "val"),
            outline=outline_level(ppr),
            num_id=num_id,
            ilvl=ilvl,
            bold=toggled(node.find(W + "rPr"), "b"),
        )

    def chain(self, style_id: str | None) -> list[Style]:
        """The style and its ancestors, nearest first."""
        found: list[Style] = []
        seen: set[str] = set()
        current = style_id or self.default
        while current and current in self.styles and current not in seen and len(found) < MAX_CHAIN:
            seen.add(current)
            found.append(self.styles[current])
            current = self.styles[current].based_on
        return found

    def heading_level(self, style_id: str | None) -> int | None:
        """Level from the style's own name ("heading 2" -> 2, "Title" -> 1) or its outline level."""
        return self._inherit(style_id).heading_level

    def is_bold(self, style_id: str | None) -> bool:
        """Whether the style (or the nearest ancestor that says) makes its text bold."""
        return self._inherit(style_id).bold

    def is_toc(self, style_id: str | None) -> bool:
        """True for the "TOC 1".."TOC 9" styles Word gives table-of-contents lines."""
        return self._inherit(style_id).toc

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a style gives its paragraphs, from the nearest style in the chain that has one."""
        return self._inherit(style_id).numbering

    def _inherit(self, style_id: str | None) -> _Inherited:
        inherited = self._inherited.get(style_id)
        if inherited is None:
            chain = self.chain(style_id)
            inherited = self._inherited[style_id] = _Inherited(
                heading_level=_heading_level(style_id, chain),
                toc=bool(chain) and bool(TOC_NAME.match(chain[0].name.strip())),
                bold=next((style.bold for style in chain if style.bold is not None), False),
                numbering=next(((s.num_id, s.ilvl) for s in chain if s.num_id is not None), (None, None)),
            )
        return inherited


def _heading_level(style_id: str | None, chain: list[Style]) -> int | None:
    if chain:
        name = chain[0].name.strip()
        match = HEADING_NAME.match(name) or HEADING_NAME.match(style_id or "")
        if match:
            return int(match.group(1))
        if name.lower() == "title":
            return 1
    for style in chain:
        if style.outline is not None:
            return style.outline + 1 if 0 <= style.outline < BODY_OUTLINE else None
    return None
