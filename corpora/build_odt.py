"""The .odt rendering, written by hand with lxml: text:h outline levels, a numbered text:list, a
table:table, a footnote, and a master page with a running header and "Page N of M" footer."""

from __future__ import annotations

from build_common import write_zip
from build_source import AUTHOR, CREATED, MODIFIED, RUNNING_HEADER, SPEC, SUBJECT, TITLE, runs
from lxml import etree

ODF_VERSION = "1.3"
MIMETYPE = b"application/vnd.oasis.opendocument.text"
NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xlink": "http://www.w3.org/1999/xlink",
}
MANIFEST_NS = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"


def _qname(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def E(name: str, attrs: dict[str, str] | None = None, *children, nsmap=None) -> etree._Element:
    """Build an element from prefixed names: E("text:p", {"text:style-name": "Standard"}, "hello")."""
    element = etree.Element(_qname(name), nsmap=nsmap)
    for key, value in (attrs or {}).items():
        element.set(_qname(key), value)
    for child in children:
        _append(element, child)
    return element


def _append(element: etree._Element, child) -> None:
    """Append an element, or text (to .text, or to the tail of the last child), keeping mixed content."""
    if isinstance(child, str):
        if len(element):
            element[-1].tail = (element[-1].tail or "") + child
        else:
            element.text = (element.text or "") + child
    else:
        element.append(child)


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def build_odt() -> bytes:
    return write_zip(
        [
            ("mimetype", MIMETYPE),
            ("content.xml", _xml(_content())),
            ("styles.xml", _xml(_styles())),
            ("meta.xml", _xml(_meta())),
            ("META-INF/manifest.xml", _xml(_manifest())),
        ],
        stored=("mimetype",),
    )


# --- content.xml -------------------------------------------------------------------------------------


def _content() -> etree._Element:
    body = E("office:text")
    note_number = 0
    for kind, payload in SPEC:
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
                    _append(paragraph, value)
                elif run_kind == "note":
                    note_number += 1
                    paragraph.append(_footnote(note_number, value))
            body.append(paragraph)
        elif kind == "ol":
            items = [
                E("text:list-item", None, E("text:p", {"text:style-name": "Numbering_20_1"}, item))
                for item in payload
            ]
            body.append(E("text:list", {"text:style-name": "Numbering_20_123"}, *items))
        elif kind == "table":
            body.append(_table(payload))
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

    automatic = E(
        "office:automatic-styles",
        None,
        E(
            "style:style",
            {"style:name": "Table1", "style:family": "table"},
            E(
                "style:table-properties",
                {"style:width": "11.5cm", "table:align": "left", "fo:margin-bottom": "0.3cm"},
            ),
        ),
        _column_style("Table1.A", "8cm"),
        _column_style("Table1.B", "3.5cm"),
        E(
            "style:style",
            {"style:name": "Table1.Cell", "style:family": "table-cell"},
            E("style:table-cell-properties", {"fo:padding": "0.1cm", "fo:border": "0.5pt solid #000000"}),
        ),
    )
    return E(
        "office:document-content",
        {"office:version": ODF_VERSION},
        automatic,
        E("office:body", None, body),
        nsmap={key: NS[key] for key in ("office", "style", "text", "table", "fo", "svg")},
    )


def _footnote(number: int, text: str) -> etree._Element:
    return E(
        "text:note",
        {"text:id": f"ftn{number}", "text:note-class": "footnote"},
        E("text:note-citation", None, str(number)),
        E("text:note-body", None, E("text:p", {"text:style-name": "Footnote"}, text)),
    )


def _column_style(name: str, width: str) -> etree._Element:
    return E(
        "style:style",
        {"style:name": name, "style:family": "table-column"},
        E("style:table-column-properties", {"style:column-width": width}),
    )


def _table(rows: list[list[str]]) -> etree._Element:
    def row(values: list[str], paragraph_style: str) -> etree._Element:
        cells = [
            E(
                "table:table-cell",
                {"table:style-name": "Table1.Cell", "office:value-type": "string"},
                E("text:p", {"text:style-name": paragraph_style}, value),
            )
            for value in values
        ]
        return E("table:table-row", None, *cells)

    header, *rest = rows
    return E(
        "table:table",
        {"table:name": "Evaluation", "table:style-name": "Table1"},
        E("table:table-column", {"table:style-name": "Table1.A"}),
        E("table:table-column", {"table:style-name": "Table1.B"}),
        E("table:table-header-rows", None, row(header, "Table_20_Heading")),
        *[row(values, "Table_20_Contents") for values in rest],
    )


# --- styles.xml --------------------------------------------------------------------------------------


BOLD = {"fo:font-weight": "bold"}
CENTRE = {"fo:text-align": "center"}
# Paragraph styles by display name: (parent, class, paragraph properties, text properties, other attributes).
PARAGRAPH_STYLES: dict[str, tuple[str | None, str, dict, dict, dict]] = {
    "Standard": (None, "text", {}, {}, {}),
    "Text body": (
        "Standard",
        "text",
        {"fo:margin-top": "0cm", "fo:margin-bottom": "0.25cm", "fo:line-height": "115%"},
        {},
        {},
    ),
    "Heading": (
        "Standard",
        "text",
        {"fo:margin-top": "0.42cm", "fo:margin-bottom": "0.21cm", "fo:keep-with-next": "always"},
        BOLD,
        {"style:next-style-name": "Text_20_body"},
    ),
    "Heading 1": ("Heading", "text", {}, {"fo:font-size": "15pt"}, {"style:default-outline-level": "1"}),
    "Heading 2": ("Heading", "text", {}, {"fo:font-size": "13pt"}, {"style:default-outline-level": "2"}),
    "Title": ("Heading", "chapter", CENTRE, {"fo:font-size": "18pt"}, {}),
    "Subtitle": ("Standard", "chapter", CENTRE, {"fo:color": "#444444"}, {}),
    "Numbering 1": ("Text body", "list", {}, {}, {}),
    "Table Contents": ("Standard", "extra", {}, {}, {}),
    "Table Heading": ("Table Contents", "extra", {}, BOLD, {}),
    "Header": ("Standard", "extra", {"fo:text-align": "end"}, {"fo:font-size": "9pt"}, {}),
    "Footer": ("Standard", "extra", CENTRE, {"fo:font-size": "9pt"}, {}),
    "Footnote": ("Standard", "extra", {}, {"fo:font-size": "9pt"}, {}),
}


def _style_name(display_name: str) -> str:
    """ODF's encoding of a display name as a style name: "Text body" -> "Text_20_body"."""
    return display_name.replace(" ", "_20_")


def _paragraph_styles() -> list[etree._Element]:
    out = []
    for display, (parent, style_class, para_props, text_props, extra) in PARAGRAPH_STYLES.items():
        attrs = {
            "style:name": _style_name(display),
            "style:display-name": display,
            "style:family": "paragraph",
        }
        if parent:
            attrs["style:parent-style-name"] = _style_name(parent)
        attrs.update({"style:class": style_class, **extra})
        children = [E("style:paragraph-properties", para_props)] if para_props else []
        children += [E("style:text-properties", text_props)] if text_props else []
        out.append(E("style:style", attrs, *children))
    return out


def _styles() -> etree._Element:
    styles = E(
        "office:styles",
        None,
        E(
            "style:default-style",
            {"style:family": "paragraph"},
            E(
                "style:text-properties",
                {
                    "style:font-name": "Liberation Sans",
                    "fo:font-size": "11pt",
                    "fo:language": "en",
                    "fo:country": "GB",
                },
            ),
        ),
        *_paragraph_styles(),
        E(
            "style:style",
            {
                "style:name": "Strong_20_Emphasis",
                "style:display-name": "Strong Emphasis",
                "style:family": "text",
            },
            E("style:text-properties", BOLD),
        ),
        E(
            "text:outline-style",
            {"style:name": "Outline"},
            *[
                E("text:outline-level-style", {"text:level": str(level), "style:num-format": ""})
                for level in range(1, 11)
            ],
        ),
        E(
            "text:list-style",
            {"style:name": "Numbering_20_123", "style:display-name": "Numbering 123"},
            E(
                "text:list-level-style-number",
                {"text:level": "1", "style:num-suffix": ".", "style:num-format": "1"},
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
        ),
        E(
            "text:notes-configuration",
            {
                "text:note-class": "footnote",
                "style:num-format": "1",
                "text:start-value": "0",
                "text:footnotes-position": "page",
                "text:start-numbering-at": "document",
            },
        ),
    )
    page_layout = E(
        "style:page-layout",
        {"style:name": "pm1"},
        E(
            "style:page-layout-properties",
            {
                "fo:page-width": "21.001cm",
                "fo:page-height": "29.7cm",
                "style:print-orientation": "portrait",
                "fo:margin-top": "1.25cm",
                "fo:margin-bottom": "1.25cm",
                "fo:margin-left": "2.5cm",
                "fo:margin-right": "2.5cm",
            },
        ),
        E(
            "style:header-style",
            None,
            E("style:header-footer-properties", {"fo:min-height": "0cm", "fo:margin-bottom": "0.75cm"}),
        ),
        E(
            "style:footer-style",
            None,
            E("style:header-footer-properties", {"fo:min-height": "0cm", "fo:margin-top": "0.75cm"}),
        ),
    )
    master = E(
        "style:master-page",
        {"style:name": "Standard", "style:page-layout-name": "pm1"},
        E("style:header", None, E("text:p", {"text:style-name": "Header"}, RUNNING_HEADER)),
        E(
            "style:footer",
            None,
            E(
                "text:p",
                {"text:style-name": "Footer"},
                "Page ",
                E("text:page-number", {"text:select-page": "current"}, "1"),
                " of ",
                E("text:page-count", None, "1"),
            ),
        ),
    )
    fonts = E(
        "office:font-face-decls",
        None,
        E(
            "style:font-face",
            {
                "style:name": "Liberation Sans",
                "svg:font-family": "'Liberation Sans'",
                "style:font-family-generic": "swiss",
            },
        ),
    )
    return E(
        "office:document-styles",
        {"office:version": ODF_VERSION},
        fonts,
        styles,
        E("office:automatic-styles", None, page_layout),
        E("office:master-styles", None, master),
        nsmap={key: NS[key] for key in ("office", "style", "text", "table", "fo", "svg")},
    )


# --- meta.xml and the manifest -----------------------------------------------------------------------


def _meta() -> etree._Element:
    def stamp(moment) -> str:
        return moment.strftime("%Y-%m-%dT%H:%M:%S")

    meta = E(
        "office:meta",
        None,
        E("meta:generator", None, "tenderlint corpora/build.py"),
        E("dc:title", None, TITLE),
        E("dc:subject", None, SUBJECT),
        E("meta:initial-creator", None, AUTHOR),
        E("meta:creation-date", None, stamp(CREATED)),
        E("dc:creator", None, AUTHOR),
        E("dc:date", None, stamp(MODIFIED)),
        E("dc:language", None, "en-GB"),
    )
    return E(
        "office:document-meta",
        {"office:version": ODF_VERSION},
        meta,
        nsmap={key: NS[key] for key in ("office", "meta", "dc", "xlink")},
    )


def _manifest() -> etree._Element:
    def entry(path: str, media_type: str, version: bool = False) -> etree._Element:
        element = etree.Element(f"{{{MANIFEST_NS}}}file-entry")
        element.set(f"{{{MANIFEST_NS}}}full-path", path)
        if version:
            element.set(f"{{{MANIFEST_NS}}}version", ODF_VERSION)
        element.set(f"{{{MANIFEST_NS}}}media-type", media_type)
        return element

    root = etree.Element(f"{{{MANIFEST_NS}}}manifest", nsmap={"manifest": MANIFEST_NS})
    root.set(f"{{{MANIFEST_NS}}}version", ODF_VERSION)
    root.append(entry("/", MIMETYPE.decode(), version=True))
    for path in ("content.xml", "styles.xml", "meta.xml"):
        root.append(entry(path, "text/xml"))
    return root
