"""Word list numbering: turns numbering.xml definitions and running counters into visible labels.

Counters are kept per w:numId and level; advancing a level resets every deeper level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from tenderlint.parsers.docx_styles import Styles
from tenderlint.parsers.docx_text import W
from tenderlint.parsers.wordproc import to_int

PLACEHOLDER = re.compile(r"%([1-9])")
ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"))
ROMAN += ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
NO_LABEL = ("bullet", "none")


@dataclass(frozen=True)
class Level:
    fmt: str = "decimal"
    text: str | None = None
    start: int = 1
    legal: bool = False


def format_counter(value: int, fmt: str) -> str:
    """One counter in a Word number format; unfamiliar formats fall back to decimal."""
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else str(value)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        out = ""
        for amount, numeral in ROMAN:
            while value >= amount:
                out += numeral
                value -= amount
        return out.upper() if fmt == "upperRoman" else out
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _level(node: Any) -> Level:
    def val(tag: str) -> str | None:
        child = node.find(W + tag)
        return None if child is None else child.get(W + "val")

    return Level(
        fmt=val("numFmt") or "decimal",
        text=val("lvlText"),
        start=to_int(val("start"), 1) or 0,
        legal=node.find(W + "isLgl") is not None,
    )


def _levels(container: Any) -> dict[int, Level]:
    levels: dict[int, Level] = {}
    for node in container.iterfind(W + "lvl"):
        ilvl = to_int(node.get(W + "ilvl"))
        if ilvl is not None:
            levels[ilvl] = _level(node)
    return levels


class Numbering:
    """Numbering definitions of one document plus the counters for the pass through its body."""

    def __init__(self, root: Any | None, styles: Styles) -> None:
        self.styles = styles
        self.abstract: dict[str, dict[int, Level]] = {}
        self.style_links: dict[str, str] = {}
        self.nums: dict[str, tuple[str, dict[int, tuple[Level | None, int | None]]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self._cache: dict[str, dict[int, Level]] = {}
        if root is not None:
            self._load(root)

    def _load(self, root: Any) -> None:
        for node in root.iterfind(W + "abstractNum"):
            abstract_id = node.get(W + "abstractNumId")
            if abstract_id is None:
                continue
            self.abstract[abstract_id] = _levels(node)
            link = node.find(W + "numStyleLink")
            if link is not None and link.get(W + "val"):
                self.style_links[abstract_id] = link.get(W + "val")
        for node in root.iterfind(W + "num"):
            num_id = node.get(W + "numId")
            ref = node.find(W + "abstractNumId")
            if num_id is not None and ref is not None and ref.get(W + "val") is not None:
                self.nums[num_id] = (ref.get(W + "val"), self._overrides(node))

    def _overrides(self, num: Any) -> dict[int, tuple[Level | None, int | None]]:
        overrides: dict[int, tuple[Level | None, int | None]] = {}
        for node in num.iterfind(W + "lvlOverride"):
            ilvl = to_int(node.get(W + "ilvl"))
            lvl = node.find(W + "lvl")
            start = node.find(W + "startOverride")
            if ilvl is not None and (lvl is not None or start is not None):
                overrides[ilvl] = (
                    None if lvl is None else _level(lvl),
                    None if start is None else to_int(start.get(W + "val"), 1),
                )
        return overrides

    def levels(self, num_id: str, depth: int = 0) -> dict[int, Level]:
        """The effective levels of a numbering instance (abstract definition plus overrides)."""
        if num_id not in self._cache:
            self._cache[num_id] = self._resolve(num_id, depth)
        return self._cache[num_id]

    def _resolve(self, num_id: str, depth: int) -> dict[int, Level]:
        if num_id not in self.nums or depth > 5:
            return {}
        abstract_id, overrides = self.nums[num_id]
        levels = dict(self.abstract.get(abstract_id, {}))
        linked = self.style_links.get(abstract_id)
        if linked and not levels:
            linked_num, _ = self.styles.numbering(linked)
            if linked_num and linked_num != num_id:
                levels = self.levels(linked_num, depth + 1)
        for ilvl, (level, start) in overrides.items():
            level = level or levels.get(ilvl, Level())
            levels[ilvl] = level if start is None else replace(level, start=start)
        return levels

    def advance(self, num_id: str, ilvl: int) -> str | None:
        """Count one more item at (num_id, ilvl) and return its label, e.g. "3." or "2.1"; None for bullets."""
        levels = self.levels(num_id)
        level = levels.get(ilvl)
        if level is None:
            return None
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else level.start
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        if level.fmt in NO_LABEL or not level.text:
            return None

        def label(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            other = levels.get(index, Level())
            value = counts.get(index, other.start)
            return format_counter(value, "decimal" if level.legal else other.fmt)

        return PLACEHOLDER.sub(label, level.text).strip() or None
