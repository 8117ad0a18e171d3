"""Renderers for the synthetic corpus: any document described as blocks, as .docx, .pdf or .odt.

The block format is the one build_source.py uses for the home care sample, so the same markup works:

    ("title", text) ("subtitle", text) ("h1", text) ("h2", text)
    ("p", text)        a paragraph; may hold [[ins:..]] [[del:..]] [[note:..]] [[comment:..]]..[[/comment]]
    ("ol", [text, ...]) ("ul", [text, ...])
    ("table", [[cell, ...], ...])   first row is the header row
    ("term", (term, definition))

The helpers of the sample builders are reused where they are not tied to the sample's wording: zip
normalisation (build_common), Word note styles, fields and the footnotes part (build_docx), and the
ODF element builder, paragraph styles and manifest (build_odt). Output is deterministic: fixed dates,
fixed zip timestamps, reportlab invariant=1.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime, timezone
from xml.sax.saxutils import escape

import build_docx
import build_odt
from build_common import renormalise_zip, write_zip
from build_source import runs
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from lxml import etree
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    ListFlowable,
    ListItem,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

REVIEWER = "Reviewer"


@dataclass
class SynthDoc:
    """One synthetic document: its file name, metadata and body blocks."""

    filename: str
    title: str
    author: str
    subject: str
    blocks: list[tuple[str, object]]
    header: str = ""
    created: datetime = datetime(2026, 1, 12, 9, 0, 0, tzinfo=timezone.utc)
    modified: datetime = datetime(2026, 1, 19, 15, 30, 0, tzinfo=timezone.utc)
    two_column: bool = False
    page_footer: bool = True
    keywords: str = ""
    category: str = ""
    extra: dict = field(default_factory=dict)


def plain(text: str) -> str:
    """Text as read with tracked changes accepted, without footnotes or comments."""
    return "".join(value for kind, value in runs(text) if kind in ("text", "ins"))


# --- .docx ---------------------------------------------------------------------------------------------


def render_docx(doc: SynthDoc) -> bytes:
    document = Document()
    build_docx._drop_thumbnail(document)
    props = document.core_properties
    props.title, props.subject, props.author = doc.title, doc.subject, doc.author
    props.last_modified_by = doc.author
    props.comments = ""
    props.keywords = doc.keywords
    props.category = doc.category
    props.revision = 2
    props.created = doc.created.replace(tzinfo=None)
    props.modified = doc.modified.replace(tzinfo=None)
    build_docx._set_page(document)
    build_docx._add_note_styles(document)
    notes: list[str] = []
    revision_ids = iter(range(200, 10_000))
    for kind, payload in doc.blocks:
        if kind == "title":
            document.add_paragraph(str(payload), style="Title")
        elif kind == "subtitle":
            document.add_paragraph(str(payload), style="Subtitle")
        elif kind in ("h1", "h2"):
            document.add_heading(str(payload), level=int(kind[1]))
        elif kind == "p":
            build_docx._add_marked_paragraph(document, str(payload), notes, doc.modified, revision_ids)
        elif kind in ("ol", "ul"):
            style = "List Number" if kind == "ol" else "List Bullet"
            for item in payload:
                document.add_paragraph(str(item), style=style)
        elif kind == "table":
            build_docx._add_table(document, payload)
        elif kind == "term":
            term, definition = payload
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{term}:").bold = True
            paragraph.add_run(f" {definition}")
        else:
            raise ValueError(f"unknown block kind {kind!r}")
    _docx_header_footer(document, doc)
    build_docx._add_footnotes_part(document, notes)
    buffer = io.BytesIO()
    document.save(buffer)
    app = build_docx.APP_XML.replace(b"corpora/build.py", b"corpora/build_synthetic.py").replace(
        b"Anyshire County Council", escape(doc.author).encode()
    )
    return renormalise_zip(buffer.getvalue(), replace={"docProps/app.xml": app})


def _docx_header_footer(document, doc: SynthDoc) -> None:
    section = document.sections[0]
    if doc.header:
        header = section.header.paragraphs[0]
        header.text = doc.header
        header.style = document.styles["Header"]
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if doc.page_footer:
        footer = section.footer.paragraphs[0]
        footer.style = document.styles["Footer"]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run("Page ")
        build_docx._add_field(footer, "PAGE", "1")
        footer.add_run(" of ")
        build_docx._add_field(footer, "NUMPAGES", str(doc.extra.get("pages", 2)))


# --- .pdf ----------------------------------------------------------------------------------------------

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 22 * mm
HEADER_Y = PAGE_HEIGHT - 13 * mm
FOOTER_Y = 11 * mm
COLUMN_GAP = 8 * mm


def render_pdf(doc: SynthDoc) -> bytes:
    """Render twice: the first pass counts pages for the "Page N of M" footer."""
    _, pages = _pdf_pass(doc, total_pages=0)
    data, check = _pdf_pass(doc, total_pages=pages)
    assert check == pages, "page count changed between passes"
    return data


def _pdf_story(doc: SynthDoc, width: float) -> list:
    from build_pdf import _styles  # the sample's paragraph styles (no wording in them)

    styles = _styles()
    story: list = []
    for kind, payload in doc.blocks:
        if kind in ("title", "subtitle", "h1", "h2"):
            story.append(Paragraph(escape(str(payload)), styles[kind]))
        elif kind == "p":
            text = str(payload)
            if any(k in ("note", "comment-start", "del", "ins") for k, _ in runs(text)):
                raise ValueError("the PDF renderer takes plain paragraphs only")
            story.append(Paragraph(escape(text), styles["body"]))
        elif kind in ("ol", "ul"):
            items = [ListItem(Paragraph(escape(str(i)), styles["body"]), leftIndent=14) for i in payload]
            if kind == "ol":
                story.append(ListFlowable(items, bulletType="1", bulletFormat="%s.", leftIndent=14))
            else:
                story.append(ListFlowable(items, bulletType="bullet", start="•", leftIndent=14))
        elif kind == "table":
            story += [Spacer(1, 4), _pdf_table(payload, styles, width), Spacer(1, 8)]
        elif kind == "term":
            term, definition = payload
            story.append(Paragraph(f"<b>{escape(term)}:</b> {escape(definition)}", styles["body"]))
        else:
            raise ValueError(f"unknown block kind {kind!r}")
    return story


def _pdf_table(rows: list[list[str]], styles, width: float) -> Table:
    cells = [
        [Paragraph(escape(v), styles["cellhead" if i == 0 else "cell"]) for v in row]
        for i, row in enumerate(rows)
    ]
    columns = len(rows[0])
    first = width * (0.55 if columns == 2 else 0.4)
    rest = (width - first) / (columns - 1)
    table = Table(cells, colWidths=[first] + [rest] * (columns - 1), hAlign="LEFT", repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDDDDD")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _pdf_pass(doc: SynthDoc, total_pages: int) -> tuple[bytes, int]:
    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=doc.title,
        author=doc.author,
        subject=doc.subject,
        creator="tenderlint corpora/build_synthetic.py (reportlab)",
        lang="en-GB",
        invariant=1,
    )

    def decorate(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8.5)
        if doc.header:
            canvas.drawRightString(PAGE_WIDTH - MARGIN, HEADER_Y, doc.header)
            canvas.setLineWidth(0.4)
            canvas.line(MARGIN, HEADER_Y - 3, PAGE_WIDTH - MARGIN, HEADER_Y - 3)
        if doc.page_footer:
            canvas.drawCentredString(
                PAGE_WIDTH / 2, FOOTER_Y, f"Page {document.page} of {total_pages or '?'}"
            )
        canvas.restoreState()

    if doc.two_column:
        column = (template.width - COLUMN_GAP) / 2
        frames = [
            Frame(template.leftMargin, template.bottomMargin, column, template.height, id="left"),
            Frame(
                template.leftMargin + column + COLUMN_GAP,
                template.bottomMargin,
                column,
                template.height,
                id="right",
            ),
        ]
        width = column - 12
    else:
        frames = [
            Frame(template.leftMargin, template.bottomMargin, template.width, template.height, id="body")
        ]
        width = template.width - 12
    template.addPageTemplates([PageTemplate(id="page", frames=frames, onPage=decorate)])
    template.build(_pdf_story(doc, width))
    return buffer.getvalue(), template.page


# --- .odt ----------------------------------------------------------------------------------------------

E = build_odt.E


def render_odt(doc: SynthDoc) -> bytes:
    return write_zip(
        [
            ("mimetype", build_odt.MIMETYPE),
            ("content.xml", build_odt._xml(_odt_content(doc))),
            ("styles.xml", build_odt._xml(_odt_styles(doc))),
            ("meta.xml", build_odt._xml(_odt_meta(doc))),
            ("META-INF/manifest.xml", build_odt._xml(build_odt._manifest())),
        ],
        stored=("mimetype",),
    )


def _odt_content(doc: SynthDoc) -> etree._Element:
    body = E("office:text")
    note_number = 0
    table_number = 0
    widths: dict[int, int] = {}
    for kind, payload in doc.blocks:
        if kind == "title":
            body.append(E("text:p", {"text:style-name": "Title"}, str(payload)))
        elif kind == "subtitle":
            body.append(E("text:p", {"text:style-name": "Subtitle"}, str(payload)))
        elif kind in ("h1", "h2"):
            level = kind[1]
            body.append(
                E(
                    "text:h",
                    {"text:style-name": f"Heading_20_{level}", "text:outline-level": level},
                    str(payload),
                )
            )
        elif kind == "p":
            paragraph = E("text:p", {"text:style-name": "Text_20_body"})
            for run_kind, value in runs(str(payload)):
                if run_kind in ("text", "ins"):
                    build_odt._append(paragraph, value)
                elif run_kind == "note":
                    note_number += 1
                    paragraph.append(build_odt._footnote(note_number, value))
            body.append(paragraph)
        elif kind in ("ol", "ul"):
            items = [
                E("text:list-item", None, E("text:p", {"text:style-name": "Numbering_20_1"}, str(item)))
                for item in payload
            ]
            style = "Numbering_20_123" if kind == "ol" else "List_20_Bullet"
            body.append(E("text:list", {"text:style-name": style}, *items))
        elif kind == "table":
            table_number += 1
            widths[table_number] = len(payload[0])
            body.append(_odt_table(payload, table_number))
        elif kind == "term":
            term, definition = payload
            body.append(
                E(
                    "text:p",
                    {"text:style-name": "Text_20_body"},
                    E("text:span", {"text:style-name": "Strong_20_Emphasis"}, f"{term}:"),
                    f" {definition}",
                )
            )
        else:
            raise ValueError(f"unknown block kind {kind!r}")
    automatic = E("office:automatic-styles")
    for number, columns in widths.items():
        automatic.append(
            E(
                "style:style",
                {"style:name": f"Table{number}", "style:family": "table"},
                E("style:table-properties", {"style:width": "16cm", "table:align": "left"}),
            )
        )
        automatic.append(build_odt._column_style(f"Table{number}.A", f"{16 / columns:.2f}cm"))
    automatic.append(
        E(
            "style:style",
            {"style:name": "TableCell", "style:family": "table-cell"},
            E("style:table-cell-properties", {"fo:padding": "0.1cm", "fo:border": "0.5pt solid #000000"}),
        )
    )
    return E(
        "office:document-content",
        {"office:version": build_odt.ODF_VERSION},
        automatic,
        E("office:body", None, body),
        nsmap={key: build_odt.NS[key] for key in ("office", "style", "text", "table", "fo", "svg")},
    )


def _odt_table(rows: list[list[str]], number: int) -> etree._Element:
    def row(values: list[str], style: str) -> etree._Element:
        cells = [
            E(
                "table:table-cell",
                {"table:style-name": "TableCell", "office:value-type": "string"},
                E("text:p", {"text:style-name": style}, value),
            )
            for value in values
        ]
        return E("table:table-row", None, *cells)

    header, *rest = rows
    return E(
        "table:table",
        {"table:name": f"Table{number}", "table:style-name": f"Table{number}"},
        E(
            "table:table-column",
            {"table:style-name": f"Table{number}.A", "table:number-columns-repeated": str(len(header))},
        ),
        E("table:table-header-rows", None, row(header, "Table_20_Heading")),
        *[row(values, "Table_20_Contents") for values in rest],
    )


def _odt_styles(doc: SynthDoc) -> etree._Element:
    """The sample's styles.xml, with this document's running header and a bullet list style."""
    root = build_odt._styles()
    ns = {"style": build_odt.NS["style"], "text": build_odt.NS["text"], "office": build_odt.NS["office"]}
    header_p = root.find(".//style:master-page/style:header/text:p", ns)
    header_p.text = doc.header
    if not doc.page_footer:
        footer = root.find(".//style:master-page/style:footer", ns)
        footer.getparent().remove(footer)
    styles = root.find("office:styles", ns)
    styles.append(
        E(
            "text:list-style",
            {"style:name": "List_20_Bullet", "style:display-name": "List Bullet"},
            E(
                "text:list-level-style-bullet",
                {"text:level": "1", "text:bullet-char": "•"},
                E(
                    "style:list-level-properties",
                    {"text:list-level-position-and-space-mode": "label-alignment"},
                    E(
                        "style:list-level-label-alignment",
                        {
                            "text:label-followed-by": "listtab",
                            "text:list-tab-stop-position": "0.635cm",
                            "fo:text-indent": "-0.635cm",
                            "fo:margin-left": "0.635cm",
                        },
                    ),
                ),
            ),
        )
    )
    return root


def _odt_meta(doc: SynthDoc) -> etree._Element:
    def stamp(moment: datetime) -> str:
        return moment.strftime("%Y-%m-%dT%H:%M:%S")

    meta = E(
        "office:meta",
        None,
        E("meta:generator", None, "tenderlint corpora/build_synthetic.py"),
        E("dc:title", None, doc.title),
        E("dc:subject", None, doc.subject),
        E("meta:initial-creator", None, doc.author),
        E("meta:creation-date", None, stamp(doc.created)),
        E("dc:creator", None, doc.author),
        E("dc:date", None, stamp(doc.modified)),
        E("dc:language", None, "en-GB"),
    )
    return E(
        "office:document-meta",
        {"office:version": build_odt.ODF_VERSION},
        meta,
        nsmap={key: build_odt.NS[key] for key in ("office", "meta", "dc", "xlink")},
    )


RENDERERS = {".docx": render_docx, ".pdf": render_pdf, ".odt": render_odt}
