"""Best-effort list and heading numbers for .odt files.

Each top-level text:list gets its own counters unless it continues an earlier list
(text:continue-numbering or text:continue-list). A level's label follows the list style's
num-format, prefix, suffix and display-levels (or LibreOffice's loext:num-list-format).
Bulleted and image levels, and levels with an empty num-format, have no number (None).
Headings are numbered from the document's outline style the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tenderlint.parsers.docx_numbering import format_counter
from tenderlint.parsers.odt_text import FO, LOEXT, OFFICE, STYLE, TEXT
from tenderlint.parsers.wordproc import to_int

FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
LIST_FORMAT_SLOT = re.compile(r"%(\d+)%")
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@dataclass(frozen=True)
class LevelStyle:
    fmt: str = ""  # ODF num-format: "1", "a", "A", "i", "I"; "" for bullets or no number
    prefix: str = ""
    suffix: str = ""
    display: int = 1
    start: int = 1
    list_format: str | None = None


def _level_style(node: Any) -> LevelStyle:
    if node.tag != TEXT + "list-level-style-number" and node.tag != TEXT + "outline-level-style":
        return LevelStyle()
    return LevelStyle(
        fmt=node.get(STYLE + "num-format", ""),
        prefix=node.get(STYLE + "num-prefix", ""),
        suffix=node.get(STYLE + "num-suffix", ""),
        display=to_int(node.get(TEXT + "display-levels"), 1) or 1,
        start=to_int(node.get(TEXT + "start-value"), 1) or 1,
        list_format=node.get(LOEXT + "num-list-format"),
    )


def _levels(list_style: Any) -> dict[int, LevelStyle]:
    levels: dict[int, LevelStyle] = {}
    for node in list_style:
        level = to_int(node.get(TEXT + "level"))
        if level is not None and isinstance(node.tag, str):
            levels[level] = _level_style(node)
    return levels


class ListStyles:
    """List styles by name, the outline style, and paragraph-style facts (list style implied, Title)."""

    def __init__(self, roots: list[Any]) -> None:
        self.lists: dict[str, dict[int, LevelStyle]] = {}
        self.outline: dict[int, LevelStyle] = {}
        self.paragraph_lists: dict[str, str] = {}
        self.parents: dict[str, str] = {}
        self.bold: dict[str, bool] = {}
        # Later roots win: pass styles.xml before content.xml, whose automatic styles the body uses.
        for root in roots:
            for section in root.iterchildren(OFFICE + "styles", OFFICE + "automatic-styles"):
                self._load(section)

    def _load(self, section: Any) -> None:
        for node in section:
            if node.tag == TEXT + "list-style" and node.get(STYLE + "name"):
                self.lists[node.get(STYLE + "name")] = _levels(node)
            elif node.tag == TEXT + "outline-style":
                self.outline = _levels(node)
            elif node.tag == STYLE + "style":
                self._paragraph_style(node)

    def _paragraph_style(self, node: Any) -> None:
        name = node.get(STYLE + "name")
        if not name or node.get(STYLE + "family") != "paragraph":
            return
        if node.get(STYLE + "list-style-name"):
            self.paragraph_lists[name] = node.get(STYLE + "list-style-name")
        if node.get(STYLE + "parent-style-name"):
            self.parents[name] = node.get(STYLE + "parent-style-name")
        properties = node.find(STYLE + "text-properties")
        weight = None if properties is None else properties.get(FO + "font-weight")
        if weight:
            self.bold[name] = weight == "bold" or (weight.isdigit() and int(weight) >= 600)

    def is_title(self, name: str | None) -> bool:
        """True for the "Title" paragraph style or a style based on it (a level-1 heading, as in .docx)."""
        for _ in range(20):
            if name is None:
                return False
            if name == "Title":
                return True
            name = self.parents.get(name)
        return False

    def is_bold(self, name: str | None) -> bool:
        """Whether a paragraph style (or the nearest style it inherits from that says) is bold."""
        for _ in range(20):
            if name is None:
                return False
            if name in self.bold:
                return self.bold[name]
            name = self.parents.get(name)
        return False

    def for_paragraph_style(self, name: str | None) -> str | None:
        """The list style a paragraph style (or one it inherits from) attaches to its paragraphs."""
        for _ in range(20):
            if name is None:
                return None
            if name in self.paragraph_lists:
                return self.paragraph_lists[name]
            name = self.parents.get(name)
        return None


class Counters:
    """Running counters, one dict of level -> count per list identity."""

    def __init__(self, styles: ListStyles) -> None:
        self.styles = styles
        self.by_list: dict[int, dict[int, int]] = {}
        self.last_for_style: dict[str, int] = {}
        self.by_xml_id: dict[str, int] = {}
        self.outline_counts: dict[int, int] = {}

    def open_list(self, node: Any, style: str | None) -> int:
        """Counter identity for a top-level text:list, continuing an earlier list when it says so."""
        key: int | None = None
        continue_id = node.get(TEXT + "continue-list")
        if continue_id in self.by_xml_id:
            key = self.by_xml_id[continue_id]
        elif node.get(TEXT + "continue-numbering") == "true" and style in self.last_for_style:
            key = self.last_for_style[style or ""]
        if key is None:
            key = len(self.by_list) + 1
            self.by_list[key] = {}
        if style:
            self.last_for_style[style] = key
        if node.get(XML_ID):
            self.by_xml_id[node.get(XML_ID)] = key
        return key

    def item(self, key: int, style: str | None, depth: int, start: int | None = None) -> str | None:
        """Count one item at `depth` (1-based) of list `key`; its label, or None when not numbered."""
        levels = self.styles.lists.get(style or "", {})
        return _advance(self.by_list.setdefault(key, {}), levels, depth, start)

    def heading(self, depth: int, start: int | None = None) -> str | None:
        """Count one heading at outline level `depth`; its label from the outline style, if numbered."""
        return _advance(self.outline_counts, self.styles.outline, depth, start)


def _advance(
    counts: dict[int, int], levels: dict[int, LevelStyle], depth: int, start: int | None
) -> str | None:
    level = levels.get(depth, LevelStyle())
    if start is not None:
        counts[depth] = start
    else:
        counts[depth] = counts[depth] + 1 if depth in counts else level.start
    for deeper in [k for k in counts if k > depth]:
        del counts[deeper]
    if level.fmt not in FORMATS:
        return None

    def value(index: int) -> str:
        other = levels.get(index, LevelStyle())
        fmt = FORMATS.get(other.fmt)
        return format_counter(counts.get(index, other.start), fmt) if fmt else ""

    if level.list_format:
        label = LIST_FORMAT_SLOT.sub(lambda m: value(int(m.group(1))), level.list_format)
    else:
        shown = range(max(1, depth - level.display + 1), depth + 1)
        label = level.prefix + ".".join(value(index) for index in shown) + level.suffix
    return label.strip() or None
