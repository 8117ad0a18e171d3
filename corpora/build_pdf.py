"""The .pdf rendering: reportlab platypus on A4, a gridded table, running header, "Page N of M" footer and
a footnote at the foot of its page. invariant=1 keeps dates and the document ID fixed."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from build_source import AUTHOR, RUNNING_HEADER, SPEC, SUBJECT, TITLE, runs, term_text
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    ListFlowable,
    ListItem,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

CREATOR = "tenderlint corpora/build.py (reportlab)"
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 25 * mm
BOTTOM_MARGIN = 34 * mm  # leaves room for footnotes above the footer
HEADER_Y = PAGE_HEIGHT - 14 * mm
FOOTER_Y = 12 * mm
NOTE_RULE_Y = 28 * mm


def build_pdf() -> bytes:
    """Render twice: the first pass counts the pages for the "Page N of M" footer."""
    _, page_count = _render(total_pages=0)
    data, check = _render(total_pages=page_count)
    assert check == page_count, "page count changed between passes"
    return data


class _NoteAnchor(Flowable):
    """Zero-size marker placed after a paragraph with a footnote; records the note on the current page."""

    def __init__(self, pending: list[tuple[int, str]], number: int, text: str) -> None:
        super().__init__()
        self._pending, self._number, self._text = pending, number, text

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self) -> None:
        self._pending.append((self._number, self._text))


def _styles() -> dict[str, ParagraphStyle]:
    sample = getSampleStyleSheet()
    body = ParagraphStyle("Body", parent=sample["BodyText"], fontName="Helvetica", fontSize=10.5, leading=14)
    return {
        "title": ParagraphStyle("DocTitle", parent=sample["Title"], fontSize=17, leading=21, spaceAfter=6),
        "subtitle": ParagraphStyle(
            "Subtitle", parent=body, alignment=TA_CENTER, textColor=colors.HexColor("#444444")
        ),
        "h1": ParagraphStyle(
            "H1",
            parent=sample["Heading1"],
            fontSize=14,
            leading=18,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "H2",
            parent=sample["Heading2"],
            fontSize=12,
            leading=15,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "body": body,
        "cell": ParagraphStyle("Cell", parent=body, spaceBefore=0, spaceAfter=0),
        "cellhead": ParagraphStyle(
            "CellHead", parent=body, fontName="Helvetica-Bold", spaceBefore=0, spaceAfter=0
        ),
    }


def _story(styles: dict[str, ParagraphStyle], pending_notes: list[tuple[int, str]]) -> list:
    story: list = []
    note_number = 0
    for kind, payload in SPEC:
        if kind in ("title", "subtitle", "h1", "h2"):
            story.append(Paragraph(escape(str(payload)), styles[kind]))
        elif kind == "p":
            parts, notes = [], []
            for run_kind, value in runs(str(payload)):
                if run_kind in ("text", "ins"):
                    parts.append(escape(value))
                elif run_kind == "note":
                    note_number += 1
                    notes.append((note_number, value))
                    parts.append(f"<super>{note_number}</super>")
            story.append(Paragraph("".join(parts), styles["body"]))
            story += [_NoteAnchor(pending_notes, number, text) for number, text in notes]
        elif kind == "ol":
            items = [ListItem(Paragraph(escape(item), styles["body"]), leftIndent=18) for item in payload]
            story.append(ListFlowable(items, bulletType="1", bulletFormat="%s.", leftIndent=18))
        elif kind == "table":
            story.append(Spacer(1, 4))
            story.append(_table(payload, styles))
            story.append(Spacer(1, 8))
        elif kind == "term":
            term, definition = payload
            text = f"<b>{escape(term)}:</b> {escape(definition)}"
            assert Paragraph(text, styles["body"]).getPlainText() == term_text(term, definition)
            story.append(Paragraph(text, styles["body"]))
        else:
            raise ValueError(f"unknown block kind {kind!r}")
    return story


def _table(rows: list[list[str]], styles: dict[str, ParagraphStyle]) -> Table:
    cells = [
        [Paragraph(escape(value), styles["cellhead" if index == 0 else "cell"]) for value in row]
        for index, row in enumerate(rows)
    ]
    table = Table(cells, colWidths=[80 * mm, 35 * mm], hAlign="LEFT", repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDDDDD")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _render(total_pages: int) -> tuple[bytes, int]:
    buffer = io.BytesIO()
    pending_notes: list[tuple[int, str]] = []
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=TITLE,
        author=AUTHOR,
        subject=SUBJECT,
        creator=CREATOR,
        lang="en-GB",
        invariant=1,
    )

    def header_footer(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8.5)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, HEADER_Y, RUNNING_HEADER)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN, HEADER_Y - 3, PAGE_WIDTH - MARGIN, HEADER_Y - 3)
        canvas.drawCentredString(PAGE_WIDTH / 2, FOOTER_Y, f"Page {document.page} of {total_pages or '?'}")
        canvas.restoreState()

    def footnotes(canvas, document) -> None:
        if not pending_notes:
            return
        canvas.saveState()
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN, NOTE_RULE_Y, MARGIN + 45 * mm, NOTE_RULE_Y)
        y = NOTE_RULE_Y - 4 * mm
        for number, text in pending_notes:
            canvas.setFont("Helvetica", 6)
            canvas.drawString(MARGIN, y + 2.5, str(number))
            canvas.setFont("Helvetica", 8.5)
            canvas.drawString(MARGIN + 2.5 * mm, y, text)
            y -= 4 * mm
        canvas.restoreState()
        pending_notes.clear()

    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=header_footer, onPageEnd=footnotes)])
    doc.build(_story(_styles(), pending_notes))
    return buffer.getvalue(), doc.page
