"""PDF parser: text, positions and ruling lines from pypdfium2 (fast); pdfplumber's finder decides tables.

Locations are page + line, counting the lines of the page body in reading order, because that
is what a person can find in a PDF viewer. Running headers and footers are reported once,
not on every page, so rules do not fire forty times on the same copyright line.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from tenderlint import errors, limits
from tenderlint.document import Block, BlockKind, Document, Location
from tenderlint.errors import InputError
from tenderlint.parsers import headings
from tenderlint.parsers.bullets import opens_with_bullet
from tenderlint.parsers.pdf_layout import Line, PageFrame, Run, extract_runs, group_lines
from tenderlint.parsers.pdf_reading import Item, paragraphs, pitch_ratio, reading_order
from tenderlint.parsers.pdf_tables import TableRegion, find_tables, may_hold_table, regions, rule_counts

#: Running headers and footers live in the top and bottom this-much of the page.
FURNITURE_ZONE = 0.08
PASSWORD_ERRORS = (4, 5)  # FPDF_ERR_PASSWORD, FPDF_ERR_SECURITY


@dataclass
class _Page:
    number: int
    frame: PageFrame
    runs: list[Run]
    text: str
    furniture: dict[str, list[Line]] = field(default_factory=lambda: {"header": [], "footer": []})
    tables: list[TableRegion] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    readable: bool = True


class PdfParser:
    """Parses .pdf files; registered by the built-in plugin."""

    format = "pdf"
    extensions = (".pdf",)

    def parse(self, data: bytes, path: str) -> Document:
        """Read every page's text and layout, drop repeated furniture, find tables, build blocks."""
        import pypdfium2

        document = Document(path=path, format=self.format)
        pdf = _open(pypdfium2, data)
        try:
            _check_pages(len(pdf))
            pages = [_read_page(pdf, index, document.warnings) for index in range(len(pdf))]
            _check_text(pages)
            remove_furniture(pages)
        except (pypdfium2.PdfiumError, ValueError, AssertionError, OSError) as exc:
            raise _corrupt(exc) from None
        finally:
            pdf.close()
        for page in pages:
            page.items = reading_order(_body_runs(page), page.tables, page.frame.width)
        pitch = pitch_ratio([page.items for page in pages])
        outline = PdfOutline(body_height([page.items for page in pages]))
        tables = 0
        for page in pages:
            blocks, tables = page_blocks(page, pitch, tables, outline)
            document.blocks.extend(blocks)
        return document


def _open(pypdfium2: Any, data: bytes) -> Any:
    try:
        return pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        if getattr(exc, "err_code", None) in PASSWORD_ERRORS:
            raise InputError(
                errors.ENCRYPTED,
                "The PDF is password-protected.",
                "Save an unprotected copy (in Acrobat: File > Properties > Security) and lint that.",
            ) from None
        raise _corrupt(exc) from None


def _check_pages(count: int) -> None:
    """Refuse a PDF over `max-pages` before reading any page: time and memory grow with the page count."""
    limit = limits.current().max_pages
    if count > limit:
        raise limits.exceeded(f"The PDF has {count:,} pages", "max-pages", limit)


def _corrupt(exc: Exception) -> InputError:
    return InputError(
        errors.CORRUPT,
        f"The PDF is damaged and cannot be read ({exc}).",
        "Open it in a PDF viewer and save or print it to a new PDF, or lint the original Word file.",
    )


def _read_page(pdf: Any, index: int, warnings: list[str]) -> _Page:
    """Runs, plain text and tables of one page; a page pdfium cannot read is skipped with a warning."""
    import pypdfium2

    page = pdf[index]
    try:
        frame = PageFrame(page.get_bbox(), page.get_rotation())
        textpage = page.get_textpage()
        try:
            runs, text = extract_runs(textpage, frame)
            tables: list[TableRegion] = []
            if runs and may_hold_table(*rule_counts(page), text):
                tables = _tables(page, textpage, frame, index, warnings)
        finally:
            textpage.close()
        return _Page(index + 1, frame, runs, text, tables=tables)
    except pypdfium2.PdfiumError as exc:
        warnings.append(f"page {index + 1} could not be read ({exc}).")
        return _Page(index + 1, PageFrame((0, 0, 0, 0), 0), [], "", readable=False)
    finally:
        page.close()


def _check_text(pages: list[_Page]) -> None:
    if not pages:
        raise InputError(
            errors.EMPTY, "The PDF has no pages.", "Export it again from the program that made it."
        )
    if not any(page.readable for page in pages):
        raise _corrupt(ValueError("no page could be read"))
    if not any(page.runs for page in pages):
        raise InputError(
            errors.NO_TEXT,
            "The PDF has no text layer: it is scanned images.",
            "Run OCR on it (e.g. ocrmypdf) or lint the original Word file.",
        )


def furniture_threshold(page_count: int) -> int | None:
    """On how many pages a top/bottom line must repeat to count as a running header or footer."""
    if page_count >= 4:
        return max(3, math.ceil(page_count / 2))
    if page_count >= 2:
        return 2
    return None


def furniture_key(text: str) -> str:
    """Page numbers and dates change from page to page; compare the rest."""
    return re.sub(r"\d+", "#", " ".join(text.split()).lower())


def remove_furniture(pages: list[_Page]) -> None:
    """Move lines repeated in the top/bottom zone out of the page bodies; keep each one once."""
    need = furniture_threshold(len(pages))
    if need is None:
        return
    zones = [_zone_lines(page) for page in pages]
    counts: Counter[tuple[str, str]] = Counter()
    for zone in zones:
        counts.update({(part, furniture_key(line.text)) for part, lines in zone.items() for line in lines})
    seen: set[tuple[str, str]] = set()
    for page, zone in zip(pages, zones):
        removed: set[int] = set()
        for part, lines in zone.items():
            for line in lines:
                key = (part, furniture_key(line.text))
                if counts[key] < need:
                    continue
                removed.update(id(run) for run in line.runs)
                if key not in seen:
                    seen.add(key)
                    page.furniture[part].append(line)
        page.runs = [run for run in page.runs if id(run) not in removed]


def _zone_lines(page: _Page) -> dict[str, list[Line]]:
    height = page.frame.height
    top = [run for run in page.runs if run.middle < FURNITURE_ZONE * height]
    bottom = [run for run in page.runs if run.middle > (1 - FURNITURE_ZONE) * height]
    return {"header": group_lines(top), "footer": group_lines(bottom)}


def _tables(page: Any, textpage: Any, frame: PageFrame, index: int, warnings: list[str]) -> list[TableRegion]:
    """Tables are an extra: if finding them fails, the page's text is still read as paragraphs."""
    try:
        return regions(find_tables(page, frame), textpage, frame)
    except Exception as exc:
        warnings.append(f"page {index + 1}: tables could not be read ({type(exc).__name__}).")
        return []


def _body_runs(page: _Page) -> list[Run]:
    """The page's runs outside tables; runs inside a table give it its visual line count."""
    if not page.tables:
        return page.runs
    body = []
    inside: dict[int, list[Run]] = {}
    for run in page.runs:
        x, y = (run.x0 + run.x1) / 2, run.middle
        table = next((i for i, table in enumerate(page.tables) if table.contains(x, y)), None)
        if table is None:
            body.append(run)
        else:
            inside.setdefault(table, []).append(run)
    for index, table in enumerate(page.tables):
        table.line_middles = [(line.top + line.bottom) / 2 for line in group_lines(inside.get(index, []))]
    return body


def body_height(pages: list[list[Item]]) -> float:
    """The commonest line height, weighted by text: the body text's size, which headings exceed."""
    heights: Counter[float] = Counter()
    for items in pages:
        for item in items:
            if isinstance(item, Line):
                heights[round(item.height, 1)] += len(item.text)
    return heights.most_common(1)[0][0] if heights else 0.0


@dataclass
class PdfOutline:
    """The heading trail across pages: PDFs have no heading markup, so headings come from layout
    (the shared classifier), with text set larger than the body counting as emphasis."""

    body: float
    trail: list[tuple[int, str]] = field(default_factory=list)
    #: The trail's titles, which every block carries: rebuilt only when a heading changes the trail.
    titles: tuple[str, ...] = ()

    def heading(self, group: list[Line]) -> tuple[headings.Heading, int] | None:
        """The heading that opens this paragraph and how many of its lines it takes, if any."""
        first = group[0]
        emphasis = self.body > 0 and first.height > self.body * 1.15
        heading = headings.classify(first.text, emphasis=emphasis)
        if heading is not None and (len(group) == 1 or headings.heads_next_line(heading, group[1].text)):
            return heading, 1
        if emphasis and len(group) == 2 and group[1].height > self.body * 1.15:
            heading = headings.classify(f"{first.text} {group[1].text}", emphasis=True)
            return (heading, 2) if heading is not None else None  # a title wrapped over two lines
        return None

    def enter(self, heading: headings.Heading, title: str) -> None:
        self.trail = [(level, text) for level, text in self.trail if level < heading.level]
        self.trail.append((heading.level, " ".join(title.split())))
        self.titles = tuple(text for _, text in self.trail)

    def names(self) -> tuple[str, ...]:
        return self.titles


def page_blocks(page: _Page, pitch: float, tables: int, outline: PdfOutline) -> tuple[list[Block], int]:
    """Blocks for one page: first-seen header, body paragraphs, headings and tables, first-seen footer."""
    blocks = [_furniture_block(page, "header")] if page.furniture["header"] else []
    next_line = 1
    for group in paragraphs(page.items, pitch):
        if isinstance(group, TableRegion):
            tables += 1
            blocks.append(_table_block(group, page.number, next_line, tables, outline.names()))
            next_line += len(group.line_middles)
            continue
        found = outline.heading(group)
        if found is not None:
            heading, taken = found
            title = " ".join(line.text for line in group[:taken])
            outline.enter(heading, title)
            blocks.append(
                _text_block(BlockKind.HEADING, group[:taken], page, next_line, outline, heading.level)
            )
            next_line += taken
            group = group[taken:]
        if group:
            kind = BlockKind.LIST_ITEM if opens_with_bullet(group[0].text) else BlockKind.PARAGRAPH
            blocks.append(_text_block(kind, group, page, next_line, outline))
            next_line += len(group)
    if page.furniture["footer"]:
        blocks.append(_furniture_block(page, "footer"))
    return blocks, tables


def _text_block(
    kind: BlockKind, group: list[Line], page: _Page, first: int, outline: PdfOutline, level: int | None = None
) -> Block:
    numbers = range(first, first + len(group))
    return Block(
        kind=kind,
        text="\n".join(line.text for line in group),
        location=Location(line=first, column=1, page=page.number, trail=outline.names()),
        level=level,
        line_starts=tuple((number, 1) for number in numbers),
    )


def _furniture_block(page: _Page, part: str) -> Block:
    kind = BlockKind.HEADER if part == "header" else BlockKind.FOOTER
    text = "\n".join(line.text for line in page.furniture[part])
    return Block(kind=kind, text=text, location=Location(page=page.number, part=part))


def _table_block(
    region: TableRegion, page: int, first_line: int, number: int, trail: tuple[str, ...] = ()
) -> Block:
    rows = []
    for row_number, row in enumerate(region.rows, start=1):
        cells = []
        for cell_number, (box, text) in enumerate(row, start=1):
            lines = [
                first_line + i for i, middle in enumerate(region.line_middles) if box[1] <= middle <= box[3]
            ]
            line_count = max(1, text.count("\n") + 1)
            start = lines[0] if lines else first_line
            numbers = (lines + list(range(lines[-1] + 1 if lines else start, start + line_count)))[
                :line_count
            ]
            location = Location(
                line=start, column=1, page=page, table=number, row=row_number, cell=cell_number, trail=trail
            )
            starts = tuple((n, 1) for n in numbers)
            cells.append(Block(BlockKind.TABLE_CELL, text, location, line_starts=starts))
        rows.append(cells)
    location = Location(line=first_line, column=1, page=page, table=number, trail=trail)
    return Block(kind=BlockKind.TABLE, text="", location=location, rows=rows)
