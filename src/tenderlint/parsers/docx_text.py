"""Reading the visible text of WordprocessingML paragraphs as if all tracked changes were accepted.

python-docx's `paragraph.text` drops text inside `w:ins`, content controls and fields, so runs
are read here directly from the XML.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

# Never text: deletions, moved-away text, field codes, properties, phonetic guides.
SKIPPED = frozenset(
    W + tag
    for tag in (
        "del",
        "moveFrom",
        "delText",
        "instrText",
        "delInstrText",
        "pPr",
        "rPr",
        "tblPr",
        "trPr",
        "tcPr",
        "sdtPr",
        "sdtEndPr",
        "rt",
        "commentReference",
        "footnoteReference",
        "endnoteReference",
        "annotationRef",
        "footnoteRef",
        "endnoteRef",
    )
)
# Tags compared against for every element walked, spelled out once.
TEXT, FIELD_CHAR, ALTERNATE = W + "t", W + "fldChar", MC + "AlternateContent"
PARAGRAPH, TABLE, ROW, CELL = W + "p", W + "tbl", W + "tr", W + "tc"
CONTAINERS = frozenset((W + "sdt", W + "sdtContent", W + "customXml"))
LITERALS = {W + "tab": " ", W + "ptab": " ", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}
PICTURES = frozenset((W + "drawing", W + "pict", W + "object"))
COMMENT_MARKS = (W + "commentRangeStart", W + "commentRangeEnd", W + "commentReference")


class _Walker:
    """Accumulates text, hiding field instructions: a stack entry is True once a field shows its result."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.fields: list[bool] = []

    def visible(self) -> bool:
        return not self.fields or all(self.fields)

    def walk(self, element: Any) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in SKIPPED:
                continue
            if tag == TEXT:
                if self.visible():
                    self.parts.append(child.text or "")
            elif tag in LITERALS:
                if self.visible():
                    self.parts.append(LITERALS[tag])
            elif tag == FIELD_CHAR:
                self._field_char(child.get(W + "fldCharType"))
            elif tag == ALTERNATE:
                branch = choose_branch(child)
                if branch is not None:
                    self.walk(branch)
            elif tag in PICTURES:
                if self.visible():
                    self._text_boxes(child)
            else:
                self.walk(child)

    def _field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self.fields.append(False)
        elif kind == "separate" and self.fields:
            self.fields[-1] = True
        elif kind == "end" and self.fields:
            self.fields.pop()

    def _text_boxes(self, picture: Any) -> None:
        for box in text_boxes(picture):
            text = container_text(box)
            if text:
                self.parts.append(f"\n{text}\n")


def choose_branch(alternate: Any) -> Any | None:
    """The single branch of an mc:AlternateContent to read, so its text is not counted twice."""
    for child in alternate:
        if child.tag in (MC + "Choice", MC + "Fallback"):
            return child
    return None


def text_boxes(element: Any) -> Iterator[Any]:
    """Outermost w:txbxContent elements under `element`, reading one branch of each AlternateContent."""
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if child.tag == W + "txbxContent":
            yield child
        elif child.tag == MC + "AlternateContent":
            branch = choose_branch(child)
            if branch is not None:
                yield from text_boxes(branch)
        else:
            yield from text_boxes(child)


def paragraph_text(paragraph: Any) -> str:
    """The visible text of one w:p, tracked changes accepted, stripped of outer whitespace."""
    walker = _Walker()
    walker.walk(paragraph)
    return "".join(walker.parts).strip()


OFF = ("0", "false", "off", "none")


def toggled(rpr: Any, tag: str) -> bool | None:
    """A run property such as w:b as set in one w:rPr: True, False, or None when not set there."""
    if rpr is None:
        return None
    node = rpr.find(W + tag)
    if node is None:
        return None
    return (node.get(W + "val") or "true").lower() not in OFF


def runs_bold(paragraph: Any, style_bold: bool = False) -> bool:
    """Every run that shows text is bold (directly or by the paragraph's style): a bold paragraph."""
    seen = False
    for run in paragraph.iter(W + "r"):
        if not any((node.text or "").strip() for node in run.iterfind(W + "t")):
            continue
        seen = True
        bold = toggled(run.find(W + "rPr"), "b")
        if not (style_bold if bold is None else bold):
            return False
    return seen


def container_text(container: Any) -> str:
    """Text of every paragraph under a body-like element (cell, header, note), one per line."""
    lines: list[str] = []
    for paragraph in iter_paragraphs(container):
        text = paragraph_text(paragraph)
        if text:
            lines.append(text)
    return "\n".join(lines)


def iter_paragraphs(container: Any) -> Iterator[Any]:
    """Paragraphs of a block container in reading order, looking into tables and content controls."""
    for child in container:
        tag = child.tag
        if tag == PARAGRAPH:
            yield child
        elif tag == TABLE:
            for row in wrapped_children(child, ROW):
                for cell in wrapped_children(row, CELL):
                    yield from iter_paragraphs(cell)
        elif tag in CONTAINERS:
            yield from iter_paragraphs(child)


def wrapped_children(element: Any, tag: str) -> Iterator[Any]:
    """Children with `tag`, also those wrapped in content controls or custom XML (rows, cells)."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in CONTAINERS:
            yield from wrapped_children(child, tag)


def comment_anchors(element: Any, open_ids: set[str]) -> set[str]:
    """Ids of comments anchored on `element`: those already open plus any started, ended or referenced
    inside it. Updates `open_ids` so a range can run on over later paragraphs."""
    ids = set(open_ids)
    for mark in element.iter(*COMMENT_MARKS):
        comment_id = mark.get(W + "id")
        if comment_id is None:
            continue
        ids.add(comment_id)
        if mark.tag == W + "commentRangeStart":
            open_ids.add(comment_id)
        elif mark.tag == W + "commentRangeEnd":
            open_ids.discard(comment_id)
    return ids
