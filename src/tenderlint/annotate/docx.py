"""Annotated .docx copies: one Word comment per finding, anchored on the finding's own words.

python-docx's `Document.add_comment` writes comments.xml, its relationship and content type, and
numbers new comments after the draft's own, so existing comments and tracked changes survive as they
are. Blocks are found with the parser's own body walker, so paragraph and table numbers agree with
the report.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from tenderlint.annotate import AUTHOR, INITIALS, comment_lines
from tenderlint.annotate.anchor import block_key, place
from tenderlint.annotate.docx_runs import run_ending_at, run_starting_at, segments
from tenderlint.citations import Citation
from tenderlint.document import Block
from tenderlint.findings import Finding
from tenderlint.parsers.docx_body import BodyWalker
from tenderlint.parsers.docx_text import W, wrapped_children
from tenderlint.parsers.wordproc import CommentDirectives, Outline


class _Finder(BodyWalker):
    """The parser's body walker, remembering the XML element behind each numbered paragraph and table."""

    def __init__(self, styles: Any) -> None:
        super().__init__(Outline(CommentDirectives()), styles, None)
        self.paragraphs: dict[int, Any] = {}
        self.tables: dict[int, Any] = {}

    def paragraph(self, p: Any) -> Block | None:
        block = super().paragraph(p)
        if block is not None and block.location.paragraph is not None:
            self.paragraphs[block.location.paragraph] = p
        return block

    def table(self, tbl: Any) -> Block:
        block = super().table(tbl)
        if block.location.table is not None:
            self.tables[block.location.table] = tbl
        return block

    def block(self, key: tuple[int, ...] | None) -> Any | None:
        """The w:p or w:tc a report location names, or None when there is no such block."""
        if key is None:
            return None
        if len(key) == 1:
            return self.paragraphs.get(key[0])
        table = self.tables.get(key[0])
        rows = [] if table is None else list(wrapped_children(table, W + "tr"))
        if not 0 < key[1] <= len(rows):
            return None
        cells = list(wrapped_children(rows[key[1] - 1], W + "tc"))
        return cells[key[2] - 1] if 0 < key[2] <= len(cells) else None

    def first(self) -> Any | None:
        """Where document-level findings go: the first body paragraph (or first table cell)."""
        if self.paragraphs:
            return self.paragraphs[min(self.paragraphs)]
        return self.block((min(self.tables), 1, 1)) if self.tables else None


def annotate_docx(
    data: bytes, findings: list[Finding], citations: Mapping[str, Citation]
) -> tuple[bytes, int, int]:
    """The annotated copy's bytes, how many comments it has, and how many fell back to a whole
    paragraph."""
    from docx.text.run import Run

    from tenderlint.parsers.docx import _load, _related_root
    from tenderlint.parsers.docx_styles import Styles

    document = _load(data)
    finder = _Finder(Styles(_related_root(document.part, "styles")))
    finder.walk(document.element.body)
    written = missed = 0
    for finding in findings:
        elsewhere = finding.location.part != "body"
        placed = place(finding, finder.block(block_key(finding.location)), finder.first, segments)
        if placed is None:
            continue  # nothing in the body can carry a comment; the report still lists the finding
        container, choice = placed
        exact = choice.exact or not finding.matched.strip() or elsewhere
        missed += not exact
        written += 1
        first = run_starting_at(container, choice.first)
        last = run_ending_at(container, choice.last)
        text = "\n".join(comment_lines(finding, citations, exact, elsewhere))
        comment = document.add_comment(
            [Run(first, document), Run(last, document)], text=text, author=AUTHOR, initials=INITIALS
        )
        _lift_reference(last, comment.comment_id)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), written, missed


def _lift_reference(last_run: Any, comment_id: int) -> None:
    """Move the comment's reference run up to paragraph level, so it never becomes part of a tracked
    insertion, hyperlink or content control that the range happened to end inside."""
    for ref in last_run.getparent().iter(W + "commentReference"):
        if ref.get(W + "id") == str(comment_id):
            run = ref.getparent()
            outer = run.getparent()
            if outer.tag == W + "p":
                return
            while outer.getparent() is not None and outer.getparent().tag != W + "p":
                outer = outer.getparent()
            outer.addnext(run)
            return
