"""PdfParser: page/line locations, running headers and footers, tables, columns and input errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from reportlab.platypus import Table, TableStyle

from tenderlint import errors
from tenderlint.document import BlockKind, Document
from tenderlint.errors import InputError
from tenderlint.parsers import pdf_tables
from tenderlint.parsers.pdf import PdfParser, furniture_key, furniture_threshold

WIDTH, HEIGHT = A4
HEADER = "Home Care Tender - Service Specification"


def _parse(path: Path) -> Document:
    return PdfParser().parse(path.read_bytes(), str(path))


def _running(pdf: canvas.Canvas, page: int, total: int) -> None:
    pdf.setFont("Helvetica", 9)
    pdf.drawString(72, HEIGHT - 40, HEADER)
    pdf.drawString(72, 30, f"Page {page} of {total}")


def _paragraphs(pdf: canvas.Canvas, top: float, paragraphs: list[list[str]]) -> float:
    """Draw paragraphs of 11-point lines, 14 points apart, with a blank line between paragraphs."""
    pdf.setFont("Helvetica", 11)
    y = top
    for lines in paragraphs:
        for line in lines:
            pdf.drawString(72, y, line)
            y -= 14
        y -= 14
    return y


def _multi_page(path: Path, pages: int = 4) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page in range(1, pages + 1):
        _running(pdf, page, pages)
        _paragraphs(
            pdf,
            HEIGHT - 100,
            [
                [
                    f"Section {page} says the provider will be paid for each visit",
                    "that it delivers in full.",
                ],
                [f"A short second paragraph on page {page}."],
            ],
        )
        pdf.showPage()
    pdf.save()
    return path


def test_running_header_and_footer_appear_once(tmp_path: Path) -> None:
    document = _parse(_multi_page(tmp_path / "multi.pdf"))
    headers = [block for block in document.blocks if block.kind is BlockKind.HEADER]
    footers = [block for block in document.blocks if block.kind is BlockKind.FOOTER]
    assert [block.text for block in headers] == [HEADER]
    assert [block.text for block in footers] == ["Page 1 of 4"]
    assert headers[0].location.page == 1 and headers[0].location.part == "header"
    assert footers[0].location.page == 1 and footers[0].location.part == "footer"
    body = " ".join(block.text for block in document.blocks if block.kind is BlockKind.PARAGRAPH)
    assert HEADER not in body and "Page" not in body


def test_paragraphs_have_page_and_line_locations(tmp_path: Path) -> None:
    document = _parse(_multi_page(tmp_path / "multi.pdf"))
    paragraphs = [block for block in document.blocks if block.kind is BlockKind.PARAGRAPH]
    assert len(paragraphs) == 8
    first, second = paragraphs[2], paragraphs[3]
    assert first.text == "Section 2 says the provider will be paid for each visit\nthat it delivers in full."
    assert (first.location.page, first.location.line) == (2, 1)
    assert first.line_starts == ((1, 1), (2, 1))
    assert (second.location.page, second.location.line) == (2, 3)
    where = first.locate(first.text.index("delivers"))
    assert (where.page, where.line, where.column) == (2, 2, 1 + "that it ".__len__())
    assert where.describe() == "page 2, line 2"


def test_header_repeated_on_two_page_document_is_furniture(tmp_path: Path) -> None:
    document = _parse(_multi_page(tmp_path / "two.pdf", pages=2))
    assert [block.kind for block in document.blocks].count(BlockKind.HEADER) == 1
    assert [block.kind for block in document.blocks].count(BlockKind.FOOTER) == 1


def test_single_page_keeps_its_top_and_bottom_lines(tmp_path: Path) -> None:
    document = _parse(_multi_page(tmp_path / "one.pdf", pages=1))
    kinds = {block.kind for block in document.blocks}
    assert BlockKind.HEADER not in kinds and BlockKind.FOOTER not in kinds
    assert document.blocks[0].text == HEADER
    assert document.blocks[-1].text == "Page 1 of 1"


def test_furniture_rules() -> None:
    assert furniture_key("Page 3 of 10") == furniture_key("Page 10 of 10") == "page # of #"
    assert furniture_threshold(1) is None
    assert furniture_threshold(3) == 2
    assert furniture_threshold(4) == 3
    assert furniture_threshold(10) == 5


def _grid(pdf: canvas.Canvas, x: float, top: float) -> float:
    """A 3x2 table ruled with grid lines, its top at `top`; returns its bottom."""
    table = Table([["Criterion", "Weighting"], ["Price", "70%"], ["Quality", "30%"]], colWidths=[150, 100])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    _, height = table.wrapOn(pdf, WIDTH, HEIGHT)
    table.drawOn(pdf, x, top - height)
    return top - height


def _table_pdf(path: Path, crop: tuple[float, float, float, float] | None = None) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    if crop:
        pdf.setCropBox(crop)
    y = _paragraphs(pdf, HEIGHT - 100, [["The award criteria and their weightings are:"]])
    bottom = _grid(pdf, 72, y)
    _paragraphs(pdf, bottom - 30, [["Tenders are scored out of 100."]])
    pdf.showPage()
    pdf.save()
    return path


def test_ruled_table_becomes_table_block(tmp_path: Path) -> None:
    document = _parse(_table_pdf(tmp_path / "table.pdf"))
    kinds = [block.kind for block in document.blocks]
    assert kinds == [BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH]
    table = document.blocks[1]
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["Criterion", "Weighting"],
        ["Price", "70%"],
        ["Quality", "30%"],
    ]
    assert (table.location.page, table.location.line, table.location.table) == (1, 2, 1)
    price = table.rows[1][1]
    assert price.kind is BlockKind.TABLE_CELL
    assert (price.location.row, price.location.cell, price.location.line) == (2, 2, 3)
    after = document.blocks[2]
    assert after.text == "Tenders are scored out of 100."
    assert after.location.line == 5  # the table's three lines are counted
    assert "70%" not in " ".join(block.text for block in document.blocks)


def _shapes_pdf(path: Path) -> Path:
    """Rules drawn every common way: a reportlab grid, `re` cells, thin filled bars, a rounded
    box (Bezier curves), a form XObject drawn twice, and a page turned by /Rotate."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.beginForm("grid")
    _grid(pdf, 72, 300)
    pdf.endForm()
    _grid(pdf, 72, 700)
    for x, y in ((300, 460), (400, 460), (300, 440), (400, 440)):
        pdf.rect(x, y, 100, 20)
    for y in (600, 580, 560):
        pdf.rect(72, y, 250, 0.5, stroke=0, fill=1)
    pdf.roundRect(60, 540, 280, 80, 8)
    pdf.doForm("grid")
    pdf.saveState()
    pdf.translate(250, -100)
    pdf.scale(0.5, 0.5)
    pdf.doForm("grid")
    pdf.restoreState()
    pdf.showPage()
    pdf.setPageRotation(90)
    _grid(pdf, 72, 700)
    pdf.showPage()
    pdf.save()
    return path


def test_edges_from_pdfium_match_pdfplumber(tmp_path: Path) -> None:
    """pdfplumber's TableFinder must see the same edges it would get from parsing the page itself."""
    import pdfplumber
    import pypdfium2

    from tenderlint.parsers.pdf_layout import PageFrame

    path = _shapes_pdf(tmp_path / "shapes.pdf")
    with pdfplumber.open(path) as plumber:
        document = pypdfium2.PdfDocument(path)
        for page, theirs in zip(document, plumber.pages):
            frame = PageFrame(page.get_bbox(), page.get_rotation())
            ours = pdf_tables.page_edges(page, frame)
            expected = [edge for edge in theirs.edges if edge["orientation"] in ("h", "v")]
            assert [edge["orientation"] for edge in ours] == [edge["orientation"] for edge in expected]
            for mine, edge in zip(ours, expected):
                assert [mine[k] for k in ("x0", "top", "x1", "bottom")] == pytest.approx(
                    [edge[k] for k in ("x0", "top", "x1", "bottom")], abs=1e-3
                )
            found = [v for table in pdf_tables.find_tables(page, frame) for v in table.bbox]
            assert found == pytest.approx([v for table in theirs.find_tables() for v in table.bbox], abs=1e-3)
        document.close()


def test_rect_cells_and_form_tables_become_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("pdfplumber parsed the PDF: its TableFinder should get pdfium's edges")

    monkeypatch.setattr("pdfplumber.PDF.__init__", refuse)
    tables = list(_parse(_shapes_pdf(tmp_path / "shapes.pdf")).tables())
    assert [table.location.page for table in tables] == [1, 1, 1, 1, 2]
    first = [[cell.text for cell in row] for row in tables[0].rows]
    assert first == [["Criterion", "Weighting"], ["Price", "70%"], ["Quality", "30%"]]
    assert len(tables[1].rows) == 2 and len(tables[1].rows[0]) == 2  # four `re` boxes


def test_cropped_page_reads_cells_where_they_are_drawn(tmp_path: Path) -> None:
    path = _table_pdf(tmp_path / "table.pdf", crop=(36, 36, WIDTH - 36, HEIGHT - 36))
    table = next(_parse(path).tables())
    assert [[cell.text for cell in row] for row in table.rows][1] == ["Price", "70%"]


def test_table_failure_keeps_the_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("tenderlint.parsers.pdf.find_tables", broken)
    document = _parse(_table_pdf(tmp_path / "table.pdf"))
    assert document.warnings == ["page 1: tables could not be read (RuntimeError)."]
    assert not list(document.tables())
    assert "Price 70%" in "\n".join(block.text for block in document.blocks)


def test_text_only_pages_never_reach_pdfplumber(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("pdfplumber used on a page without table graphics")

    monkeypatch.setattr("tenderlint.parsers.pdf.find_tables", refuse)
    document = _parse(_multi_page(tmp_path / "multi.pdf"))
    assert not list(document.tables())


def test_table_candidates_need_grid_graphics() -> None:
    assert not pdf_tables.may_hold_table(1, 0, 1, "Price 70%")  # a lone rule under a heading
    assert pdf_tables.may_hold_table(2, 2, 0, "Price 70%")  # a grid drawn as one path, with keywords
    assert not pdf_tables.may_hold_table(2, 2, 0, "A shaded text box")
    assert pdf_tables.may_hold_table(3, 3, 6, "Any text")  # real ruling lines


def _two_column(path: Path) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(72, HEIGHT - 90, "Two column section")
    pdf.setFont("Helvetica", 10)
    for index in range(8):
        y = HEIGHT - 130 - 13 * index
        pdf.drawString(72, y, f"Left column sentence number {index + 1} ends here.")
        pdf.drawString(320, y, f"Right column sentence number {index + 1} ends too.")
    pdf.showPage()
    pdf.save()
    return path


def test_two_columns_read_left_then_right(tmp_path: Path) -> None:
    document = _parse(_two_column(tmp_path / "columns.pdf"))
    lines = [line for block in document.blocks for line in block.text.split("\n")]
    assert lines[0] == "Two column section"
    assert lines[1:9] == [f"Left column sentence number {n} ends here." for n in range(1, 9)]
    assert lines[9:] == [f"Right column sentence number {n} ends too." for n in range(1, 9)]
    right = next(block for block in document.blocks if block.text.startswith("Right"))
    assert right.location.line == 10


def test_password_protected_pdf(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    pdf = canvas.Canvas(str(path), encrypt="secret")
    pdf.drawString(72, 700, "Confidential pricing schedule.")
    pdf.showPage()
    pdf.save()
    with pytest.raises(InputError) as caught:
        _parse(path)
    assert caught.value.code == errors.ENCRYPTED
    assert caught.value.message == "The PDF is password-protected."


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "scanned.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(72, 400, 300, 200, fill=1)
    pdf.circle(300, 300, 50)
    pdf.showPage()
    pdf.save()
    with pytest.raises(InputError) as caught:
        _parse(path)
    assert caught.value.code == errors.NO_TEXT
    assert "ocrmypdf" in caught.value.hint


@pytest.mark.parametrize("data", [b"%PDF-1.7\n garbage that is not a PDF", b"%PDF-1.4\n%%EOF"])
def test_damaged_pdf(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        PdfParser().parse(data, "broken.pdf")
    assert caught.value.code == errors.CORRUPT


def test_truncated_pdf_is_corrupt_not_a_crash(tmp_path: Path) -> None:
    data = _multi_page(tmp_path / "multi.pdf").read_bytes()
    with pytest.raises(InputError) as caught:
        PdfParser().parse(data[: len(data) // 3], "cut.pdf")
    assert caught.value.code == errors.CORRUPT


def test_heavy_libraries_load_only_when_parsing() -> None:
    code = (
        "import sys, tenderlint.parsers.pdf, tenderlint.parsers.markdown, tenderlint.parsers.html;"
        "print(sorted(m for m in ('pypdfium2', 'pdfplumber', 'markdown_it') if m in sys.modules))"
    )
    src = str(Path(__file__).resolve().parents[2] / "src")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env={"PYTHONPATH": src}
    )
    assert result.stdout.strip() == "[]"


def test_a_paragraph_opening_with_a_bullet_is_a_list_item(tmp_path):
    """Bulleted lines are list items, as in the other formats, so each is read with the sentence that
    leads into it ("The Provider shall deliver the following activities each week:")."""
    path = tmp_path / "bullets.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    _paragraphs(
        pdf,
        HEIGHT - 100,
        [
            ["3.2 The Provider shall deliver the following activities each week:"],
            ["\u2022 five sessions of structured activity;"],
            ["\u2022 one cookery session; and"],
            ["3.3 Staffing shall be kept at one member of staff to four people."],
        ],
    )
    pdf.save()
    kinds = [(block.kind, block.text[:8]) for block in _parse(path).text_blocks()]
    assert kinds == [
        (BlockKind.PARAGRAPH, "3.2 The "),
        (BlockKind.LIST_ITEM, "\u2022 five s"),
        (BlockKind.LIST_ITEM, "\u2022 one co"),
        (BlockKind.PARAGRAPH, "3.3 Staf"),
    ]
