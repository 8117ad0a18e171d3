"""The .docx rendering: real Word styles, numbering, a table, a footnote, a tracked change and a comment.

python-docx has no API for footnotes or tracked changes, so those are written as WordprocessingML here.
"""

from __future__ import annotations

import io
from datetime import datetime
from xml.sax.saxutils import escape

from build_common import renormalise_zip
from build_source import (
    AUTHOR,
    CREATED,
    MODIFIED,
    REVIEWER,
    REVISION_DATE,
    RUNNING_HEADER,
    SPEC,
    SUBJECT,
    TITLE,
    runs,
)
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

# Word shows the real page count when it opens the file; this is only the cached field result.
CACHED_PAGE_COUNT = "3"

APP_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Template>Normal.dotm</Template><Application>tenderlint corpora/build.py (python-docx)</Application>"
    b"<Company>Anyshire County Council</Company><DocSecurity>0</DocSecurity></Properties>"
)


def build_docx() -> bytes:
    document = Document()
    _drop_thumbnail(document)
    _set_properties(document)
    _set_page(document)
    _add_note_styles(document)
    notes: list[str] = []
    for kind, payload in SPEC:
        if kind == "title":
            document.add_paragraph(str(payload), style="Title")
        elif kind == "subtitle":
            document.add_paragraph(str(payload), style="Subtitle")
        elif kind == "h1":
            document.add_heading(str(payload), level=1)
        elif kind == "h2":
            document.add_heading(str(payload), level=2)
        elif kind == "p":
            _add_marked_paragraph(document, str(payload), notes)
        elif kind == "ol":
            for item in payload:
                document.add_paragraph(item, style="List Number")
        elif kind == "table":
            _add_table(document, payload)
        elif kind == "term":
            term, definition = payload
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{term}:").bold = True
            paragraph.add_run(f" {definition}")
        else:
            raise ValueError(f"unknown block kind {kind!r}")
    _add_header_footer(document)
    _add_footnotes_part(document, notes)
    buffer = io.BytesIO()
    document.save(buffer)
    return renormalise_zip(buffer.getvalue(), replace={"docProps/app.xml": APP_XML})


def _drop_thumbnail(document) -> None:
    """python-docx's template carries a thumbnail of some other document; leave it out."""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rel_id]


def _set_properties(document) -> None:
    props = document.core_properties
    props.title = TITLE
    props.subject = SUBJECT
    props.author = AUTHOR
    props.last_modified_by = REVIEWER
    props.comments = ""
    props.keywords = "domiciliary care; home care; tender"
    props.category = "Service specification"
    props.revision = 3
    props.created = CREATED.replace(tzinfo=None)
    props.modified = MODIFIED.replace(tzinfo=None)


def _set_page(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin = section.bottom_margin = Mm(25)
    section.header_distance = section.footer_distance = Mm(12)
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)


# Word's built-in styles for footnotes and comments (the python-docx template lacks them), by styleId:
# (type, built-in name, run properties).
NOTE_STYLES = {
    "FootnoteText": ("paragraph", "footnote text", '<w:sz w:val="18"/>'),
    "FootnoteReference": ("character", "footnote reference", '<w:vertAlign w:val="superscript"/>'),
    "CommentText": ("paragraph", "annotation text", '<w:sz w:val="20"/>'),
    "CommentReference": ("character", "annotation reference", '<w:sz w:val="16"/>'),
}


def _add_note_styles(document) -> None:
    styles = document.styles.element
    for style_id, (style_type, name, run_props) in NOTE_STYLES.items():
        based_on = '<w:basedOn w:val="Normal"/>' if style_type == "paragraph" else ""
        paragraph_props = '<w:pPr><w:spacing w:after="0"/></w:pPr>' if style_type == "paragraph" else ""
        styles.append(
            parse_xml(
                f'<w:style {nsdecls("w")} w:type="{style_type}" w:styleId="{style_id}">'
                f'<w:name w:val="{name}"/>{based_on}<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
                f"{paragraph_props}<w:rPr>{run_props}</w:rPr></w:style>"
            )
        )


def _add_marked_paragraph(
    document, text: str, notes: list[str], when: datetime = REVISION_DATE, revision_ids=None
) -> None:
    """A paragraph whose inline markup becomes tracked changes, footnote references and a comment.

    Revisions are numbered from `revision_ids` when given (a document-wide counter), else by position."""
    paragraph = document.add_paragraph()
    commented: list | None = None
    comment_text = ""
    for kind, value in runs(text):
        if kind == "text":
            run = paragraph.add_run(value)
            if commented is not None:
                commented.append(run)
        elif kind in ("ins", "del"):
            revision_id = next(revision_ids) if revision_ids is not None else 100 + len(paragraph._p)
            paragraph._p.append(_revision(kind, value, revision_id, when))
        elif kind == "note":
            notes.append(value)
            paragraph._p.append(
                parse_xml(
                    f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                    f'<w:footnoteReference w:id="{len(notes)}"/></w:r>'
                )
            )
        elif kind == "comment-start":
            commented, comment_text = [], value
        elif kind == "comment-end":
            comment = document.add_comment(commented, text=comment_text, author=REVIEWER, initials="R")
            comment._comment_elm.date = when
            commented = None


def _revision(kind: str, text: str, revision_id: int, when: datetime = REVISION_DATE):
    tag, text_tag = ("w:ins", "w:t") if kind == "ins" else ("w:del", "w:delText")
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    return parse_xml(
        f'<{tag} {nsdecls("w")} w:id="{revision_id}" w:author="{REVIEWER}" w:date="{stamp}">'
        f'<w:r><{text_tag} xml:space="preserve">{escape(text)}</{text_tag}></w:r></{tag}>'
    )


def _add_table(document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = document.styles["Table Grid"]
    for row_index, values in enumerate(rows):
        for cell, value in zip(table.rows[row_index].cells, values, strict=True):
            cell.text = ""
            run = cell.paragraphs[0].add_run(value)
            run.bold = row_index == 0
    header_row = table.rows[0]._tr.get_or_add_trPr()
    header_row.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))


def _add_header_footer(document) -> None:
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.text = RUNNING_HEADER
    header.style = document.styles["Header"]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.style = document.styles["Footer"]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _add_field(footer, "PAGE", "1")
    footer.add_run(" of ")
    _add_field(footer, "NUMPAGES", CACHED_PAGE_COUNT)


def _add_field(paragraph, instruction: str, cached: str) -> None:
    """A complex field (begin / instruction / separate / cached result / end)."""
    for body in (
        '<w:fldChar w:fldCharType="begin"/>',
        f'<w:instrText xml:space="preserve"> {instruction} </w:instrText>',
        '<w:fldChar w:fldCharType="separate"/>',
        f"<w:t>{cached}</w:t>",
        '<w:fldChar w:fldCharType="end"/>',
    ):
        paragraph._p.append(parse_xml(f"<w:r {nsdecls('w')}>{body}</w:r>"))


def _add_footnotes_part(document, notes: list[str]) -> None:
    """word/footnotes.xml with Word's two separator notes, plus the footnotePr that points at them."""
    if not notes:
        return
    spacing = '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    body = [
        f'<w:footnote w:type="separator" w:id="-1"><w:p>{spacing}'
        "<w:r><w:separator/></w:r></w:p></w:footnote>",
        f'<w:footnote w:type="continuationSeparator" w:id="0"><w:p>{spacing}'
        "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>",
    ]
    for number, note in enumerate(notes, 1):
        body.append(
            f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {escape(note)}</w:t></w:r></w:p></w:footnote>'
        )
    blob = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:footnotes {nsdecls('w', 'r')}>{''.join(body)}</w:footnotes>"
    ).encode()
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob, document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)

    settings = document.settings.element
    footnote_pr = parse_xml(
        f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    )
    # CT_Settings is a strict sequence: footnotePr goes before endnotePr, compat, docVars, rsids, ...
    later = {qn(tag) for tag in ("w:endnotePr", "w:compat", "w:docVars", "w:rsids", "w:themeFontLang")}
    later.add("{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr")
    for child in settings:
        if child.tag in later:
            child.addprevious(footnote_pr)
            break
    else:
        settings.append(footnote_pr)
