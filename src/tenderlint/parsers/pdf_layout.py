"""Text runs and lines from pypdfium2, in page coordinates measured from the top-left corner.

pdfium gives the page text in content-stream order with generated line breaks, plus a box for
any range of characters. Each pdfium line becomes one or more runs (split where the ink has a
wide horizontal gap, e.g. a table gutter or a second column); layout works on those runs.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

#: pdfium joins a line ending in a hyphen to the next and marks the hyphen U+FFFE: split after it too.
#: (One scan for a character class; a lookbehind alternative would be tried at every character.)
LINE_END = re.compile(r"\r\n?|\n|\ufffe")
#: What `clean` does to a character: Word's Symbol/Wingdings bullets (private-use characters) become
#: "•", pdfium's end-of-line hyphen marks (U+FFFE, STX) "-", tabs spaces, other control characters nothing.
CLEAN = str.maketrans(
    {
        **dict.fromkeys("\uf0b7\uf0a7\uf0a8\uf0d8\uf076\uf0fc\uf0de\uf0e0\uf06e\uf071", "•"),
        **dict.fromkeys([*map(chr, range(0x00, 0x09)), *map(chr, range(0x0B, 0x20)), "\uffff"]),
        "\ufffe": "-",
        "\x02": "-",
        "\t": " ",
    }
)
#: Any character `clean` changes: most text has none, and searching is cheaper than translating.
UNCLEAN = re.compile("[" + "".join(map(chr, sorted(CLEAN))) + "]")
#: A gap wider than this many line heights (and GAP_MIN points) splits a pdfium line into runs.
GAP_HEIGHTS = 1.5
GAP_MIN = 10.0
Box = tuple[float, float, float, float]


@dataclass
class Run:
    """A piece of text on one line, with its box (x0, top, x1, bottom) in points from the top-left."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class Line:
    """A visual line: runs at the same height, left to right.

    Its geometry and text are worked out once, when it is made: reading order and paragraph
    breaking ask for them many times per line. `runs` must not change afterwards.
    """

    runs: list[Run]
    #: 0 for a single-column page or the left column, 1 for the right column.
    column: int = 0
    text: str = field(init=False)
    x0: float = field(init=False)
    x1: float = field(init=False)
    top: float = field(init=False)
    bottom: float = field(init=False)
    height: float = field(init=False)

    def __post_init__(self) -> None:
        runs = self.runs
        if len(runs) == 1:  # most lines: take the run's own text and box
            run = runs[0]
            self.text, self.x0, self.x1, self.top, self.bottom = run.text, run.x0, run.x1, run.top, run.bottom
            self.height = run.height
            return
        self.text = _line_text(runs)
        self.x0 = min(run.x0 for run in runs)
        self.x1 = max(run.x1 for run in runs)
        self.top = min(run.top for run in runs)
        self.bottom = max(run.bottom for run in runs)
        self.height = _median_height(runs)


def _line_text(runs: list[Run]) -> str:
    """The runs' texts, with a space where the gap between two runs is wider than a tenth of a line."""
    parts: list[str] = []
    for index, run in enumerate(runs):
        if index and run.x0 - runs[index - 1].x1 > 0.1 * run.height:
            parts.append(" ")
        parts.append(run.text)
    return "".join(parts)


def _median_height(runs: list[Run]) -> float:
    if len(runs) == 1:
        return runs[0].height
    return sorted(run.height for run in runs)[len(runs) // 2]


class PageFrame:
    """Maps PDF user-space points to top-left page coordinates, honouring the page's /Rotate."""

    def __init__(self, bbox: tuple[float, float, float, float], rotation: int) -> None:
        self.left, self.bottom, self.right, self.top = bbox
        self.rotation = rotation % 360
        width, height = self.right - self.left, self.top - self.bottom
        self.width, self.height = (height, width) if self.rotation in (90, 270) else (width, height)

    def point(self, x: float, y: float) -> tuple[float, float]:
        if self.rotation == 90:
            return y - self.bottom, x - self.left
        if self.rotation == 180:
            return self.right - x, y - self.bottom
        if self.rotation == 270:
            return self.top - y, self.right - x
        return x - self.left, self.top - y

    def box(self, rect: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
        """(left, bottom, right, top) in user space -> (x0, top, x1, bottom) on the page."""
        if self.rotation == 0:  # `point` inlined for the usual page: this runs for every text box
            ax, ay = rect[0] - self.left, self.top - rect[1]
            bx, by = rect[2] - self.left, self.top - rect[3]
        else:
            ax, ay = self.point(rect[0], rect[1])
            bx, by = self.point(rect[2], rect[3])
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)

    def user_rect(self, box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
        """Inverse of `box`: page (x0, top, x1, bottom) -> user (left, bottom, right, top)."""
        corners = [self.user_point(x, y) for x, y in ((box[0], box[1]), (box[2], box[3]))]
        xs, ys = [c[0] for c in corners], [c[1] for c in corners]
        return min(xs), min(ys), max(xs), max(ys)

    def user_point(self, px: float, py: float) -> tuple[float, float]:
        """Inverse of `point`."""
        if self.rotation == 90:
            return py + self.left, px + self.bottom
        if self.rotation == 180:
            return self.right - px, py + self.bottom
        if self.rotation == 270:
            return self.right - py, self.top - px
        return px + self.left, self.top - py


def clean(text: str) -> str:
    """pdfium marks end-of-line hyphens as U+FFFE (or STX): they were printed as hyphens, so keep them."""
    return text if UNCLEAN.search(text) is None else text.translate(CLEAN)


class _TextBoxes:
    """Boxes of one pdfium text page, asked for through pdfium's own calls into buffers made once:
    pypdfium2's helpers build new ctypes numbers on every call, and these calls run for every line."""

    def __init__(self, textpage: Any) -> None:
        import pypdfium2
        import pypdfium2.raw as pdfium_c

        self.pdfium_c = pdfium_c
        self.error = pypdfium2.PdfiumError
        self.raw = textpage.raw
        self.edges = tuple(ctypes.c_double() for _ in range(4))  # left, top, right, bottom
        self.font = pdfium_c.FS_RECTF()

    def rects(self, start: int, count: int) -> list[Box]:
        """(left, bottom, right, top) of the rectangles pdfium draws for `count` characters from `start`."""
        total = self.pdfium_c.FPDFText_CountRects(self.raw, start, count)
        if total == -1:
            raise self.error("Failed to count rectangles.")
        get_rect, (left, top, right, bottom) = self.pdfium_c.FPDFText_GetRect, self.edges
        rects = []
        for index in range(total):
            if not get_rect(self.raw, index, left, top, right, bottom):
                raise self.error("Failed to get rectangle.")
            rects.append((left.value, bottom.value, right.value, top.value))
        return rects

    def font_box(self, index: int) -> Box:
        """(left, bottom, right, top) of a character's font box (pypdfium2's loose charbox)."""
        if not self.pdfium_c.FPDFText_GetLooseCharBox(self.raw, index, self.font):
            raise self.error("Failed to get charbox.")
        return self.font.left, self.font.bottom, self.font.right, self.font.top


def extract_runs(textpage: Any, frame: PageFrame) -> tuple[list[Run], str]:
    """All runs on a page, and the page's plain text (for keyword checks)."""
    text = textpage.get_text_range()
    exact = len(text) == textpage.count_chars()
    pdfium = _TextBoxes(textpage)
    runs: list[Run] = []
    for start, end in line_spans(text):
        if text[start:end].strip():
            runs.extend(_line_runs(textpage, pdfium, frame, text, start, end, exact))
    return runs, text


def line_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each pdfium line in `text`; a line ending in a U+FFFE hyphen keeps it."""
    start = 0
    for match in LINE_END.finditer(text):
        hyphen = match.group() == "\ufffe"
        yield start, match.end() if hyphen else match.start()
        start = match.end()
    yield start, len(text)


def _line_runs(
    textpage: Any, pdfium: _TextBoxes, frame: PageFrame, text: str, start: int, end: int, exact: bool
) -> list[Run]:
    """Runs for text[start:end], one pdfium line; split at wide gaps between its boxes."""
    char_start, char_count = (start, end - start) if exact else _char_range(textpage, start, end)
    if char_count <= 0:
        return []
    boxes = []
    for rect in pdfium.rects(char_start, char_count):
        box = frame.box(rect)
        if box[2] - box[0] > 0.3 and box[3] - box[1] > 0.3:  # pdfium emits empty boxes for spaces
            boxes.append(box)
    if not boxes:
        return []
    boxes.sort()
    segment = text[start:end]
    first = char_start + len(segment) - len(segment.lstrip()) if exact else char_start
    top, bottom = _extent(pdfium, frame, first, boxes)
    groups = _gap_groups(boxes, max(GAP_HEIGHTS * (bottom - top), GAP_MIN))
    if len(groups) == 1 or not exact:
        return [_run(segment, [box for group in groups for box in group], top, bottom)]
    runs = []
    for (piece, index), group in zip(_split(textpage, frame, groups, start, end, text), groups):
        if index is not None:
            runs.append(_run(piece, group, *_extent(pdfium, frame, index, group)))
    return runs


def _gap_groups(boxes: list[Box], gap: float) -> list[list[Box]]:
    """Boxes (sorted left to right) in groups split where the ink leaves a gap wider than `gap`."""
    groups: list[list[Box]] = [[boxes[0]]]
    right = boxes[0][2]  # the right edge of the group so far
    for box in boxes[1:]:
        if box[0] - right > gap:
            groups.append([box])
            right = box[2]
        else:
            groups[-1].append(box)
            right = max(right, box[2])
    return groups


def _extent(pdfium: _TextBoxes, frame: PageFrame, index: int, boxes: list[Box]) -> tuple[float, float]:
    """Top and bottom of a run from the font's box for its first character.

    Ink boxes vary with the letters ("and" is shorter than "Sp"); the font box does not, so
    line heights and spacing compare fairly.
    """
    _, top, _, bottom = frame.box(pdfium.font_box(index))
    if bottom - top < 0.3:
        return min(b[1] for b in boxes), max(b[3] for b in boxes)
    return top, bottom


def _split(
    textpage: Any, frame: PageFrame, groups: list[list[Box]], start: int, end: int, text: str
) -> list[tuple[str, int | None]]:
    """Share one pdfium line's characters between box groups by where each is drawn.

    Returns each group's text and the index of its first visible character (None if it has none).
    """
    cuts = _cuts(textpage, frame, groups, start, end)
    if cuts is not None:
        bounds = [start, *cuts, end]
        return [_piece(text, bounds[k], bounds[k + 1]) for k in range(len(groups))]
    edges = [(max(b[2] for b in a) + min(b[0] for b in c)) / 2 for a, c in pairwise(groups)]
    pieces: list[tuple[str, int | None]] = [("", None)] * len(groups)
    current = 0
    for index in range(start, end):
        char = text[index]
        if not char.isspace():
            left, _, right, _ = frame.box(textpage.get_charbox(index))
            current = sum(1 for edge in edges if (left + right) / 2 > edge)
        piece, first = pieces[current]
        if first is None and not clean(char).strip():
            continue
        pieces[current] = (piece + char, index if first is None else first)
    return pieces


def _cuts(textpage: Any, frame: PageFrame, groups: list[list[Box]], start: int, end: int) -> list[int] | None:
    """Index of the first character of each group after the first, asked of pdfium by position.

    One lookup per group instead of one box per character; None if the answer is not a clean
    left-to-right split of the line (then `_split` falls back to character boxes).
    """
    cuts = []
    for group in groups[1:]:
        box = group[0]
        x, y = frame.user_point(box[0] + min(1.0, (box[2] - box[0]) / 4), (box[1] + box[3]) / 2)
        index = textpage.get_index(x, y, 1.0, 1.0)
        if index is None or not (cuts[-1] if cuts else start) < index < end:
            return None
        cuts.append(index)
    return cuts


def _piece(text: str, begin: int, end: int) -> tuple[str, int | None]:
    piece = text[begin:end]
    visible = len(piece) - len(piece.lstrip())
    return piece, (begin + visible if piece.strip() else None)


def _char_range(textpage: Any, start: int, end: int) -> tuple[int, int]:
    """Translate a text-index range to a char-index range when pdfium's two views differ."""
    import pypdfium2.raw as pdfium_c

    first = pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage, start)
    last = pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage, end - 1)
    if first < 0 or last < first:
        return 0, 0
    return first, last - first + 1


def _run(piece: str, group: list[Box], top: float, bottom: float) -> Run:
    x0, x1 = min(b[0] for b in group), max(b[2] for b in group)
    return Run(text=" ".join(clean(piece).split()), x0=x0, top=top, x1=x1, bottom=bottom)


def group_lines(runs: list[Run]) -> list[Line]:
    """Runs that overlap vertically by half the smaller height form one line; lines top to bottom."""
    groups: list[list[Run]] = []
    top = bottom = height = 0.0  # of the line being gathered
    for run in sorted(runs, key=lambda r: (r.top, r.x0)):
        if groups:
            overlap = min(bottom, run.bottom) - max(top, run.top)
            if overlap >= 0.5 * min(height, run.height):
                group = groups[-1]
                group.append(run)
                top, bottom, height = min(top, run.top), max(bottom, run.bottom), _median_height(group)
                continue
        groups.append([run])
        top, bottom, height = run.top, run.bottom, run.height
    return [Line(sorted(group, key=lambda r: r.x0)) for group in groups]
