"""Tables in PDFs: pdfplumber finds ruled tables, but it costs ~100 ms a page, so it only looks at
pages whose vector graphics (seen cheaply through pypdfium2) could be table rules. Cell text comes
from pypdfium2, which is exact and fast.
"""

from __future__ import annotations

import ctypes
import io
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from tenderlint.parsers.pdf_layout import PageFrame, clean

KEYWORDS = re.compile(r"weighting|criteri|score|%|price", re.IGNORECASE)
Box = tuple[float, float, float, float]


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


def find_tables(data: bytes, page_indices: list[int], warnings: list[str]) -> dict[int, list[Any]]:
    """pdfplumber tables (default settings) on the given 0-based pages, keyed by page index.

    pdfplumber and pdfminer raise many kinds of exceptions on odd files; tables are an extra, so
    any failure becomes a warning and the page's text is still read as paragraphs.
    """
    import pdfplumber

    found: dict[int, list[Any]] = {}
    quiet = _Quiet("pdfminer")  # pdfminer logs every oddity it repairs; the user cannot act on them
    try:
        with quiet, pdfplumber.open(io.BytesIO(data)) as pdf:
            for index in page_indices:
                try:
                    page = pdf.pages[index]
                    found[index] = [table for table in page.find_tables() if _is_grid(table)]
                    page.close()
                except Exception as exc:
                    warnings.append(f"page {index + 1}: tables could not be read ({type(exc).__name__}).")
    except Exception as exc:
        warnings.append(f"Tables could not be read ({type(exc).__name__}); their text is read as paragraphs.")
    return found


class _Quiet:
    """Raise a logger's level to ERROR for the duration of a `with` block."""

    def __init__(self, name: str) -> None:
        self.logger = logging.getLogger(name)
        self.level = self.logger.level

    def __enter__(self) -> None:
        self.level = self.logger.level
        self.logger.setLevel(logging.ERROR)

    def __exit__(self, *exc: object) -> None:
        self.logger.setLevel(self.level)


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
