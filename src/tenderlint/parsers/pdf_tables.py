"""Tables in PDFs: pdfplumber's table finder, fed with ruling lines that pypdfium2 has already read.

Letting pdfplumber parse a page again with pdfminer costs 50-75 ms; reading the page's paths from
pdfium costs a few. Only pages whose graphics could be table rules are looked at, and cell text
comes from pypdfium2, which is exact and fast. pdfplumber never opens the document.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import pairwise
from typing import Any

from tenderlint.parsers.pdf_layout import PageFrame, clean

KEYWORDS = re.compile(r"weighting|criteri|score|%|price", re.IGNORECASE)
Box = tuple[float, float, float, float]
Point = tuple[float, float]
Matrix = tuple[float, float, float, float, float, float]
#: An edge as pdfplumber represents one: x0, x1, top, bottom, width, height, orientation, object_type.
Edge = dict[str, Any]


@dataclass
class TableRegion:
    """A table found on a page: its box (x0, top, x1, bottom) and rows of (cell box, cell text)."""

    box: Box
    rows: list[list[tuple[Box, str]]]
    #: Vertical middles of the visual text lines inside the table, top to bottom (for line numbers).
    line_middles: list[float] = field(default_factory=list)

    def contains(self, x: float, y: float, slack: float = 1.0) -> bool:
        x0, top, x1, bottom = self.box
        return x0 - slack <= x <= x1 + slack and top - slack <= y <= bottom + slack


def rule_counts(page: Any) -> tuple[int, int, int]:
    """(horizontal edges, vertical edges, thin rule paths) drawn on a pypdfium2 page.

    A thin path is a rule (one edge); a larger one could be a cell or a whole grid (four edges).
    Uses pdfium's raw calls and stops counting once the page clearly qualifies: table pages can
    hold thousands of paths.
    """
    import pypdfium2.raw as pdfium_c

    horizontal = vertical = rules = 0
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for index in range(pdfium_c.FPDFPage_CountObjects(page)):
        obj = pdfium_c.FPDFPage_GetObject(page, index)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        width, height = right.value - left.value, top.value - bottom.value
        if width <= 3 and height >= 8:
            vertical, rules = vertical + 1, rules + 1
        elif height <= 3 and width >= 15:
            horizontal, rules = horizontal + 1, rules + 1
        elif width >= 15 and height >= 8:
            horizontal, vertical = horizontal + 2, vertical + 2
        if rules >= 4 and horizontal >= 2 and vertical >= 2:
            break
    return horizontal, vertical, rules


def may_hold_table(horizontal: int, vertical: int, rules: int, text: str) -> bool:
    """Graphics that could form a grid, plus ruling lines or words tender tables use (weighting, %)."""
    if horizontal < 2 or vertical < 2:
        return False
    return rules >= 4 or KEYWORDS.search(text) is not None


def find_tables(page: Any, frame: PageFrame) -> list[Any]:
    """pdfplumber tables (default settings) on a pypdfium2 page, found from pdfium's ruling lines.

    pdfplumber's own page parsing (pdfminer) costs 50-75 ms a page; pdfium has already parsed the
    page, so its paths are handed to pdfplumber's TableFinder, which decides what is a table.
    """
    from pdfplumber.table import TableFinder

    finder = TableFinder(_EdgePage(page_edges(page, frame), frame))
    return [table for table in finder.tables if _is_grid(table)]


class _EdgePage:
    """The two things TableFinder reads from a pdfplumber page with default settings."""

    def __init__(self, edges: list[Edge], frame: PageFrame) -> None:
        self.edges = edges
        self.bbox = (0.0, 0.0, frame.width, frame.height)


def page_edges(page: Any, frame: PageFrame) -> list[Edge]:
    """The edges pdfplumber's `Page.edges` lists, in its order: lines, then rectangles, then curves.

    Each path is split into subpaths and classified as pdfminer does (a straight line, an
    axis-aligned rectangle, or anything else), so TableFinder sees the same edges as before.
    """
    import pypdfium2.raw as pdfium_c

    found: dict[str, list[Edge]] = {"line": [], "rect": [], "curve": []}
    identity = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    count, get = pdfium_c.FPDFPage_CountObjects(page), partial(pdfium_c.FPDFPage_GetObject, page)
    for path, matrix in _paths(pdfium_c, count, get, identity):
        for shape, points in _subpaths(pdfium_c, path, matrix, frame):
            kind, points = _classify(shape, points)
            found[kind].extend(EDGES[kind](points))
    return [*found["line"], *found["rect"], *found["curve"]]


def _paths(pdfium_c: Any, count: int, get: Any, outer: Matrix) -> Iterator[tuple[Any, Matrix]]:
    """Painted path objects in content order, descending into form XObjects (pdfminer does too)."""
    raw, fill, stroke = pdfium_c.FS_MATRIX(), ctypes.c_int(), ctypes.c_int()
    for index in range(count):
        obj = get(index)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM):
            continue
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, raw):
            continue
        matrix = _multiply((raw.a, raw.b, raw.c, raw.d, raw.e, raw.f), outer)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            inner = partial(pdfium_c.FPDFFormObj_GetObject, obj)
            yield from _paths(pdfium_c, pdfium_c.FPDFFormObj_CountObjects(obj), inner, matrix)
        elif pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke) and (fill.value or stroke.value):
            yield obj, matrix


def _multiply(m: Matrix, n: Matrix) -> Matrix:
    """m then n, as PDF matrices [a b c d e f] compose."""
    a, b, c, d, e, f = m
    return (
        a * n[0] + b * n[2],
        a * n[1] + b * n[3],
        c * n[0] + d * n[2],
        c * n[1] + d * n[3],
        e * n[0] + f * n[2] + n[4],
        e * n[1] + f * n[3] + n[5],
    )


def _subpaths(pdfium_c: Any, path: Any, matrix: Matrix, frame: PageFrame) -> list[tuple[str, list[Point]]]:
    """pdfminer's view of a path: per subpath, its operators ("m", "l", "c", "h") and end points.

    pdfium lists a Bezier curve as three points; pdfminer keeps only the last. A closed subpath
    gets an "h" that returns to its start.
    """
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    out: list[tuple[str, list[Point]]] = []
    shape: list[str] = []
    points: list[Point] = []
    beziers = 0
    for index in range(pdfium_c.FPDFPath_CountSegments(path)):
        segment = pdfium_c.FPDFPath_GetPathSegment(path, index)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            if len(shape) > 1:
                out.append(("".join(shape), points))
            shape, points, beziers = ["m"], [], 0
        elif kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            beziers += 1
            if beziers % 3:
                continue  # a control point
            shape.append("c")
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO and shape:
            shape.append("l")
        else:
            continue
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        points.append(frame.point(a * x.value + c * y.value + e, b * x.value + d * y.value + f))
        if pdfium_c.FPDFPathSegment_GetClose(segment):
            shape.append("h")
            points.append(points[0])
    if len(shape) > 1:
        out.append(("".join(shape), points))
    return out


def _classify(shape: str, points: list[Point]) -> tuple[str, list[Point]]:
    """pdfminer's `paint_path`: a line, a rectangle (its corners) or a curve, from one subpath."""
    if len(shape) > 3 and shape.endswith("lh") and points[-2] == points[0]:
        shape, points = shape[:-2] + "h", points[:-1]  # a redundant "l" back to the start
    if shape in ("mlh", "ml"):
        return "line", points[:2]
    if shape in ("mlllh", "mllll") and points[0] == points[4]:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = points
        if (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
            y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
        ):
            return "rect", [points[0], points[2]]
    return "curve", points


def _box(points: list[Point]) -> Edge:
    x0, x1 = min(p[0] for p in points), max(p[0] for p in points)
    top, bottom = min(p[1] for p in points), max(p[1] for p in points)
    return {
        "x0": x0,
        "x1": x1,
        "top": top,
        "doctop": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
    }


def _line_edges(points: list[Point]) -> list[Edge]:
    """pdfplumber's `line_to_edge`: any line that is not exactly horizontal counts as vertical."""
    edge = _box(points)
    return [{**edge, "object_type": "line", "orientation": "h" if edge["top"] == edge["bottom"] else "v"}]


def _rect_edges(points: list[Point]) -> list[Edge]:
    """pdfplumber's `rect_to_edges`: the rectangle's four sides."""
    box = {**_box(points), "object_type": "rect_edge"}
    top, bottom, x0, x1 = box["top"], box["bottom"], box["x0"], box["x1"]
    return [
        {**box, "height": 0, "bottom": top, "orientation": "h"},
        {**box, "height": 0, "top": bottom, "doctop": bottom, "orientation": "h"},
        {**box, "width": 0, "x1": x0, "orientation": "v"},
        {**box, "width": 0, "x0": x1, "orientation": "v"},
    ]


def _curve_edges(points: list[Point]) -> list[Edge]:
    """pdfplumber's `curve_to_edges`: exactly vertical or horizontal segments (others are dropped)."""
    edges = []
    for p0, p1 in pairwise(points):
        orientation = "v" if p0[0] == p1[0] else "h" if p0[1] == p1[1] else None
        if orientation:
            edges.append({**_box([p0, p1]), "object_type": "curve_edge", "orientation": orientation})
    return edges


EDGES = {"line": _line_edges, "rect": _rect_edges, "curve": _curve_edges}


def _is_grid(table: Any) -> bool:
    """At least two columns: a single column of boxes is a shaded text box, not a table."""
    return any(sum(1 for cell in row.cells if cell is not None) >= 2 for row in table.rows)


def regions(tables: list[Any], textpage: Any, frame: PageFrame) -> list[TableRegion]:
    """TableRegions for pdfplumber tables, with each cell's text read by pypdfium2."""
    out = []
    for table in tables:
        rows = []
        for row in table.rows:
            cells = [(tuple(cell), cell_text(textpage, frame, tuple(cell))) for cell in row.cells if cell]
            if cells:
                rows.append(cells)
        out.append(TableRegion(box=tuple(table.bbox), rows=rows))
    return out


def cell_text(textpage: Any, frame: PageFrame, box: Box) -> str:
    """Text inside a cell box, one line per visual line."""
    inset = (box[0] + 0.5, box[1] + 0.5, box[2] - 0.5, box[3] - 0.5)
    raw = clean(textpage.get_text_bounded(*frame.user_rect(inset)).replace("\r\n", "\n"))
    lines = (" ".join(line.split()) for line in raw.split("\n"))
    return "\n".join(line for line in lines if line)
