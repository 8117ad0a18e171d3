"""Reading order and paragraphs for one PDF page: columns, tables and line spacing.

Two-column heuristic (best effort): bucket the page width into 2-point bins and count the runs
covering each bin. A gutter is the widest stretch of bins, centred in the middle half of the
page and at least GUTTER_MIN wide, that at most 10% of the runs cross. It only counts if both
sides hold at least three lines, the sides overlap vertically, and the left side's lines mostly
reach the gutter (prose fills its column; a label/value layout does not). Then the page is cut
into bands at every run or table that spans the gutter, and each band is read left column, then
right column, then the spanning item.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from itertools import pairwise

from tenderlint.parsers.pdf_layout import Line, Run, group_lines
from tenderlint.parsers.pdf_tables import TableRegion

Item = Line | TableRegion
BIN = 2.0
GUTTER_MIN = 9.0
#: A paragraph's line starts with one of these: a bullet glyph, "1.", "1)", "1.2", "1.2.3.", "(a)", "a)",
#: "(iv)". A bare number ("30 days") is not one: wrapped sentences often start with one.
MARKER = re.compile(
    r"^(?:[•●▪■◦○\-–*]\s|\(?\d{1,3}[.)]\s|\d{1,3}(?:\.\d{1,3})+(?:\.?\s|\.(?=[A-Z]))|\(?[a-z]\)\s|\(?[ivx]{1,5}\)\s)"
)
DEFAULT_PITCH = 1.2


def reading_order(runs: list[Run], tables: list[TableRegion], width: float) -> list[Item]:
    """Lines and tables of a page body in the order a person reads them."""
    gutter = find_gutter(runs, width)
    if gutter is None:
        return _by_top([*group_lines(runs), *tables])
    left_edge, right_edge = gutter
    sides: dict[str, list[Item]] = {"left": [], "right": [], "span": []}
    for side in ("left", "right", "span"):
        side_runs = [run for run in runs if _side(run.x0, run.x1, left_edge, right_edge) == side]
        lines = group_lines(side_runs)
        for line in lines:
            line.column = 1 if side == "right" else 0
        sides[side].extend(lines)
    for table in tables:
        sides[_side(table.box[0], table.box[2], left_edge, right_edge)].append(table)
    spans = _by_top(sides["span"])
    ordered: list[Item] = []
    previous = float("-inf")
    for limit in [*(_top(item) for item in spans), float("inf")]:
        for side in ("left", "right"):
            ordered.extend(_by_top([i for i in sides[side] if previous <= _top(i) < limit]))
        if spans:
            ordered.append(spans.pop(0))
        previous = limit
    return ordered


def find_gutter(runs: list[Run], width: float) -> tuple[float, float] | None:
    """The (left, right) x-range of a two-column gutter, or None for a single-column page."""
    if len(runs) < 6 or width <= 0:
        return None
    bins = int(width / BIN) + 2
    delta = [0] * (bins + 1)
    for run in runs:  # damaged files can place text off the page: clamp
        first = min(bins - 1, max(0, int(run.x0 / BIN)))
        delta[first] += 1
        delta[min(bins - 1, max(first, int(run.x1 / BIN))) + 1] -= 1
    limit = max(1, len(runs) // 10)
    best: tuple[float, float] | None = None
    cover, start = 0, None
    for index in range(bins):
        cover += delta[index]
        if cover <= limit and start is None:
            start = index
        elif cover > limit and start is not None:
            best = _wider(best, (start * BIN, index * BIN), width)
            start = None
    if best is None or not _columns_fill(runs, best):
        return None
    return best


def _wider(
    best: tuple[float, float] | None, gap: tuple[float, float], width: float
) -> tuple[float, float] | None:
    centre = (gap[0] + gap[1]) / 2
    if gap[1] - gap[0] < GUTTER_MIN or not 0.25 * width <= centre <= 0.75 * width:
        return best
    if best is None or gap[1] - gap[0] > best[1] - best[0]:
        return gap
    return best


def _columns_fill(runs: list[Run], gutter: tuple[float, float]) -> bool:
    """Both sides hold real columns of prose that sit side by side."""
    left = [run for run in runs if _side(run.x0, run.x1, *gutter) == "left"]
    right = [run for run in runs if _side(run.x0, run.x1, *gutter) == "right"]
    if len(group_lines(left)) < 3 or len(group_lines(right)) < 3:
        return False
    top = max(min(r.top for r in left), min(r.top for r in right))
    bottom = min(max(r.bottom for r in left), max(r.bottom for r in right))
    shorter = min(max(r.bottom for r in side) - min(r.top for r in side) for side in (left, right))
    if bottom - top < 0.5 * shorter:
        return False
    column_left = min(run.x0 for run in left)
    reach = statistics.median(run.x1 for run in left)
    return gutter[0] - reach <= 0.35 * (gutter[0] - column_left)


def _side(x0: float, x1: float, left_edge: float, right_edge: float) -> str:
    if x1 <= left_edge + BIN:
        return "left"
    if x0 >= right_edge - BIN:
        return "right"
    return "span"


def _top(item: Item) -> float:
    return item.top if isinstance(item, Line) else item.box[1]


def _by_top(items: Sequence[Item]) -> list[Item]:
    return sorted(items, key=lambda item: (_top(item), item.x0 if isinstance(item, Line) else item.box[0]))


def pitch_ratio(pages: list[list[Item]]) -> float:
    """The document's usual line pitch as a multiple of line height (single spacing is about 1.2)."""
    ratios = []
    for items in pages:
        for a, b in pairwise(items):
            if isinstance(a, Line) and isinstance(b, Line) and _similar(a, b) and b.top > a.top:
                ratio = (b.top - a.top) / max(a.height, b.height, 1.0)
                if 0.9 <= ratio <= 3.0:
                    ratios.append(ratio)
    return statistics.median(ratios) if len(ratios) >= 3 else DEFAULT_PITCH


def paragraphs(items: list[Item], pitch: float) -> list[list[Line] | TableRegion]:
    """Group consecutive lines into paragraphs; tables stand alone."""
    rights = _column_rights(items)
    out: list[list[Line] | TableRegion] = []
    for item in items:
        if isinstance(item, TableRegion):
            out.append(item)
        elif out and isinstance(out[-1], list) and not _breaks(out[-1], item, pitch, rights):
            out[-1].append(item)
        else:
            out.append([item])
    return out


def _breaks(paragraph: list[Line], line: Line, pitch: float, rights: dict[int, tuple[float, float]]) -> bool:
    """Whether `line` starts a new paragraph after `paragraph`."""
    previous = paragraph[-1]
    if MARKER.match(line.text) or not _similar(previous, line):
        return True
    if line.column == previous.column and line.top > previous.top:
        if (line.top - previous.top) / max(previous.height, line.height, 1.0) > pitch * 1.3 + 0.1:
            return True
        if len(paragraph) > 1 and line.x0 < previous.x0 - previous.height:
            return True  # outdented after a wrapped line: a new paragraph
    ends_sentence = previous.text.rstrip().endswith((".", ":", "!", "?"))
    if line.column != previous.column:
        return ends_sentence  # a sentence may run on into the next column; a paragraph need not
    left, right = rights.get(previous.column, (previous.x0, previous.x1))
    short = previous.x1 < right - 0.2 * (right - left)
    outdented = line.x0 < previous.x0 - previous.height
    return short and (ends_sentence or outdented)


def _similar(a: Line, b: Line) -> bool:
    """Same font size, roughly: a change of size means a heading or a caption."""
    return abs(a.height - b.height) <= 0.1 * max(a.height, b.height)


def _column_rights(items: list[Item]) -> dict[int, tuple[float, float]]:
    spans: dict[int, tuple[float, float]] = {}
    for item in items:
        if isinstance(item, Line):
            left, right = spans.get(item.column, (item.x0, item.x1))
            spans[item.column] = (min(left, item.x0), max(right, item.x1))
    return spans
