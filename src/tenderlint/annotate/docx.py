"""Annotated .docx copies: one Word comment per finding, anchored on the finding's own words.

python-docx's `Document.add_comment` writes comments.xml, its relationship and content type, and
numbers new comments after the draft's own, so existing comments and tracked changes survive as they
are. Blocks are found with the parser's own body walker, so paragraph and table numbers agree with
the report.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from itertools import count
from typing import Any

from tenderlint.annotate import AUTHOR, INITIALS, comment_paragraphs
from tenderlint.annotate.anchor import block_key, place
from tenderlint.annotate.docx_comment import fill
from tenderlint.annotate.docx_runs import run_ending_at, run_starting_at, segments
from tenderlint.annotate.sections import is_document_level, section_heading
from tenderlint.citations import Citation
from tenderlint.document import Block, BlockKind
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
        self.headings: list[tuple[str, Any]] = []

    def paragraph(self, p: Any) -> Block | None:
        block = super().paragraph(p)
        if block is not None and block.location.paragraph is not None:
            self.paragraphs[block.location.paragraph] = p
            if block.kind is BlockKind.HEADING and block.location.part == "body":
                self.headings.append((block.text, p))
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
    from tenderlint.parsers.docx import _load, _related_root
    from tenderlint.parsers.docx_styles import Styles

    document = _load(data)
    finder = _Finder(Styles(_related_root(document.part, "styles")))
    finder.walk(document.element.body)
    written = missed = 0
    with _counted_ids(document):
        for finding in findings:
            container = finder.block(block_key(finding.location))
            if is_document_level(finding, container is None or container is finder.first()):
                heading = section_heading(finding, finder.headings)
                container = container if heading is None else heading
            placed = place(finding, container, finder.first, segments)
            if placed is None:
                continue  # nothing in the body can carry a comment; the report still lists the finding
            missed += not _comment(document, finding, placed, citations)
            written += 1
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), written, missed


def _comment(
    document: Any, finding: Finding, placed: tuple[Any, Any], citations: Mapping[str, Citation]
) -> bool:
    """Add one comment where `place` put it; True when it is on the finding's own words."""
    from docx.text.run import Run

    elsewhere = finding.location.part != "body"
    container, choice = placed
    exact = choice.exact or not finding.matched.strip() or elsewhere
    first = run_starting_at(container, choice.first)
    last = run_ending_at(container, choice.last)
    comment = document.add_comment(
        [Run(first, document), Run(last, document)], text="", author=AUTHOR, initials=INITIALS
    )
    fill(comment, comment_paragraphs(finding, citations, exact, elsewhere))
    _lift_reference(last, comment.comment_id)
    return exact


@contextmanager
def _counted_ids(document: Any) -> Iterator[None]:
    """Hand out new comment ids from a counter set up once. python-docx finds each new id by
    scanning every comment already there, which makes a document with thousands of comments take
    minutes (quadratic); the ids it would choose are the same: max + 1, or the first unused one once
    max + 1 no longer fits in 32 bits."""
    from docx.oxml.comments import CT_Comments

    from tenderlint import errors
    from tenderlint.errors import InputError

    try:
        comments = document.comments._comments_elm
    except (AttributeError, KeyError) as exc:  # a "comments" relationship to a part of another kind
        raise InputError(errors.CORRUPT, f"The document's comments part cannot be read ({exc}).") from None
    used = {int(x) for x in comments.xpath("./w:comment/@w:id") if x.lstrip("-").isdigit()}
    start = max(used, default=-1) + 1
    fresh = count(start) if start <= 2**31 - 1 else (i for i in count() if i not in used)
    original = CT_Comments._next_available_comment_id
    CT_Comments._next_available_comment_id = lambda self: next(fresh)  # type: ignore[method-assign]
    try:
        yield
    finally:
        CT_Comments._next_available_comment_id = original  # type: ignore[method-assign]


def _lift_reference(last_run: Any, comment_id: int) -> None:
    """Move the comment's reference run up to paragraph level, so it never becomes part of a tracked
    insertion, hyperlink or content control that the range happened to end inside."""
    end = last_run.getnext()  # python-docx puts w:commentRangeEnd, then the reference run, after it
    follower = end.getnext() if end is not None else None
    nearby = [] if follower is None else list(follower.iter(W + "commentReference"))
    for ref in nearby or last_run.getparent().iter(W + "commentReference"):
        if ref.get(W + "id") == str(comment_id):
            run = ref.getparent()
            outer = run.getparent()
            if outer.tag == W + "p":
                return
            while outer.getparent() is not None and outer.getparent().tag != W + "p":
                outer = outer.getparent()
            outer.addnext(run)
            return
