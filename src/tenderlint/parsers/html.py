"""HTML parser on the standard library's tolerant `html.parser`: nothing is executed or fetched.

Web-published tenders are often hand-edited or exported with unclosed tags, so the parser keeps
a small stack of open block elements and closes what HTML would close implicitly. Each block
keeps the source's own line breaks, so every line of its text points at a real source line.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from html.parser import HTMLParser as _StdlibHTMLParser

from tenderlint import errors
from tenderlint.document import BlockKind, Document, Location
from tenderlint.errors import InputError
from tenderlint.parsers import suppress
from tenderlint.parsers.bullets import opens_with_bullet
from tenderlint.parsers.html_blocks import ListCounter, Pending, TableBuilder
from tenderlint.parsers.suppress import SuppressionTracker
from tenderlint.parsers.textdecode import bom_encoding, decode_text, normalise_newlines

IGNORED = {"script", "style", "template", "head", "noscript", "title", "svg", "math", "object", "iframe"}
HEAD_CONTENT = {"title", "meta", "link", "style", "script", "base", "noscript", "template"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# A description list is one block, a term and its description on lines of their own ("Weighting" then
# "40%"), so a notice's fields are read with their values, as a typed notice lays them out.
LEAVES = HEADINGS | {"li", "td", "th", "dl"}
BLOCKS = {
    "p", "div", "blockquote", "section", "article", "main", "header", "footer", "nav", "aside",
    "address", "figure", "figcaption", "form", "fieldset", "pre", "center", "caption", "details",
    "summary", "legend", "dt", "dd", "body", "html", "hr",
}  # fmt: skip
VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "param", "source", "wbr"}
# Page furniture: navigation, site header and footer, cookie banners, breadcrumbs, skip links. Its text
# is kept apart (Document.furniture) so rules never read it and no finding anchors on it.
FURNITURE_TAGS = {"nav", "aside"}
PAGE_FRAME_TAGS = {"header", "footer"}  # furniture unless inside the content they head
CONTENT_TAGS = {"main", "article", "section"}
FURNITURE_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary"}
FURNITURE_NAMES = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|cookies?|cookie-banner|skip-?link|skip|"
    r"masthead|site-?search|(?:site|page|global|govuk)[-_]?(?:header|footer))(?:$|[\s_-])",
    re.IGNORECASE,
)
META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
LATIN1_ALIASES = {"iso8859-1", "ascii", "latin-1"}


class HtmlParser:
    """Parses .html files; registered by the built-in plugin."""

    format = "html"
    extensions = (".html", ".htm")

    def parse(self, data: bytes, path: str) -> Document:
        """Decode (honouring `<meta charset>`), walk the tags and collect blocks."""
        collector = _Collector(Document(path=path, format=self.format))
        try:
            collector.feed(decode_html(data))
            collector.close()
        except (AssertionError, ValueError, RecursionError) as exc:
            raise InputError(
                errors.CORRUPT,
                f"The HTML could not be read ({exc}).",
                "Open it in a browser and save it again.",
            ) from None
        collector.finish()
        document = collector.document
        return suppress.finish(document, collector.tracker)


def decode_html(data: bytes) -> str:
    """Decode with the BOM if any, else a `<meta charset>` naming a legacy encoding, else `decode_text`."""
    if bom_encoding(data) or b"\x00" in data[:4096]:
        return decode_text(data)
    match = META_CHARSET.search(data[:4096])
    if match:
        try:
            codec = codecs.lookup(match.group(1).decode("ascii")).name
        except LookupError:
            codec = ""
        if codec in LATIN1_ALIASES:
            codec = "cp1252"  # as browsers do: Latin-1 labels mean Windows-1252
        if codec and not codec.startswith("utf"):
            return normalise_newlines(data.decode(codec, errors="replace"))
    return decode_text(data)


@dataclass
class _Open:
    """An open element on the stack, with what its children need to know."""

    tag: str
    number: str | None = None
    emitted: bool = False
    counter: ListCounter | None = None
    #: Where a table cell's tag starts, so an empty cell still has a location.
    start: tuple[int, int] | None = None
    #: The element is page furniture (navigation, site header, cookie banner…).
    furniture: bool = False


class _Collector(_StdlibHTMLParser):
    def __init__(self, document: Document) -> None:
        super().__init__(convert_charrefs=True)
        self.document = document
        self.tracker = SuppressionTracker()
        self.ignoring: list[str] = []
        self.stack: list[_Open] = []
        self.pending: Pending | None = None
        self.table: TableBuilder | None = None
        self.table_depth = 0
        self.tables = 0
        self.trail: list[tuple[int, str]] = []

    # -- tags -------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.ignoring and self.ignoring[-1] == "head" and tag not in HEAD_CONTENT:
            self.ignoring.pop()  # any body element implicitly ends an unclosed <head>
        if self.ignoring or tag in IGNORED:
            if tag in IGNORED and tag not in VOID:
                self.ignoring.append(tag)
            return
        values = dict(attrs)
        furniture = self.table is None and not self.in_furniture() and self.is_furniture(tag, values)
        if furniture and tag not in BLOCKS and tag not in LEAVES:
            self.flush()
            if tag not in VOID:
                self.stack.append(_Open(tag, furniture=True))  # a skip link: furniture until it ends
            return
        if tag == "br":
            if self.pending:
                self.pending.break_line()
        elif tag in ("table", "tr", "td", "th") or (self.table_depth and tag in ("thead", "tbody")):
            self.table_tag(tag)
        elif tag in ("ul", "ol"):
            self.flush()
            self.stack.append(_Open(tag, counter=ListCounter.from_attrs(tag, values)))
        elif tag == "li":
            self.close_implied("li", stop_at=("ul", "ol"))
            self.flush()
            counter = next((o.counter for o in reversed(self.stack) if o.counter), None)
            self.stack.append(_Open("li", number=counter.next(values.get("value")) if counter else None))
        elif tag in LEAVES or tag in BLOCKS:
            self.close_implied("p", stop_at=tuple(LEAVES))
            if self.leaf() is not None and tag not in HEADINGS:
                if self.pending:
                    self.pending.break_line()
            else:
                self.flush()
            if furniture:
                self.flush()
            if tag not in VOID:
                self.stack.append(_Open(tag, furniture=furniture))

    def is_furniture(self, tag: str, values: dict[str, str | None]) -> bool:
        """Navigation, a site-wide header or footer, a cookie banner, breadcrumbs, a skip link."""
        if tag in FURNITURE_TAGS or (values.get("role") or "").lower() in FURNITURE_ROLES:
            return True
        if tag in PAGE_FRAME_TAGS and not any(entry.tag in CONTENT_TAGS for entry in self.stack):
            return True
        names = " ".join(value for key, value in values.items() if key in ("class", "id") and value)
        return bool(names) and bool(FURNITURE_NAMES.search(names))

    def in_furniture(self) -> bool:
        return any(entry.furniture for entry in self.stack)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.ignoring:
            if tag in self.ignoring:
                while self.ignoring.pop() != tag:
                    pass
            return
        if tag == "br" and self.pending:
            self.pending.break_line()
        if not any(entry.tag == tag for entry in self.stack):
            return
        while self.stack:
            entry = self.stack.pop()
            self.closed(entry)
            if entry.tag == tag:
                break

    def closed(self, entry: _Open) -> None:
        """An element ended: finish its cell or table, or end the block (or just the line)."""
        if entry.furniture:
            self.flush()
            return
        if entry.tag in ("td", "th") and self.table_depth == 1:
            self.finish_cell(entry)
        elif entry.tag == "table":
            self.table_depth -= 1
            if self.table_depth == 0:
                self.finish_table()
        elif self.leaf() is not None and entry.tag not in LEAVES:
            if self.pending:
                self.pending.break_line()
        elif entry.tag in LEAVES or entry.tag in BLOCKS or entry.tag in ("ul", "ol"):
            self.flush()

    def close_implied(self, tag: str, stop_at: tuple[str, ...]) -> None:
        """Close an open `tag` that HTML ends implicitly (a <p> before a block, an <li> before an <li>)."""
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index].tag in stop_at:
                return
            if self.stack[index].tag == tag:
                while len(self.stack) > index:
                    self.closed(self.stack.pop())
                return

    def table_tag(self, tag: str) -> None:
        if tag == "table":
            self.table_depth += 1
            if self.table_depth == 1:
                self.flush()
                line, column = self.getpos()
                self.tables += 1
                self.table = TableBuilder(line, column + 1)
            self.stack.append(_Open("table"))
        elif self.table_depth != 1:
            if self.pending:  # a nested table's structure flattens into the outer cell's lines
                self.pending.break_line()
            self.stack.append(_Open(tag))
        elif tag in ("tr", "thead", "tbody"):
            self.close_implied("tr", stop_at=("table",))
            if tag == "tr":
                assert self.table is not None
                self.table.new_row()
                self.stack.append(_Open("tr"))
        else:
            self.close_implied("td", stop_at=("tr", "table"))
            self.close_implied("th", stop_at=("tr", "table"))
            self.flush()
            line, column = self.getpos()
            self.stack.append(_Open(tag, start=(line, column + 1)))

    # -- text and comments -----------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        if self.ignoring or (not data.strip() and self.pending is None):
            return
        if self.pending is None:
            self.pending = self.new_pending()
        line, offset = self.getpos()
        self.pending.add(data, line, offset + 1)

    def handle_comment(self, data: str) -> None:
        inside = bool(self.pending is not None and self.pending.lines) or self.table is not None
        self.tracker.feed_comment(data, inside_block=inside)

    def new_pending(self) -> Pending:
        pending = self._new_pending()
        pending.furniture = self.in_furniture()
        return pending

    def _new_pending(self) -> Pending:
        owner = self.leaf()
        if owner is None:
            return Pending(BlockKind.PARAGRAPH)
        if owner.tag in HEADINGS:
            return Pending(BlockKind.HEADING, level=int(owner.tag[1]), owner=owner)
        if owner.tag in ("td", "th") and self.table_depth:
            return Pending(BlockKind.TABLE_CELL, owner=owner)
        if owner.tag == "li" and not owner.emitted:
            return Pending(BlockKind.LIST_ITEM, number=owner.number, owner=owner)
        return Pending(BlockKind.PARAGRAPH, owner=owner)

    def leaf(self) -> _Open | None:
        """The innermost open heading, list item or cell: blocks inside it are part of its text."""
        return next((entry for entry in reversed(self.stack) if entry.tag in LEAVES), None)

    # -- output ----------------------------------------------------------------------------------
    def flush(self) -> None:
        """Emit the pending block (cells wait for their cell to end)."""
        pending = self.pending
        if pending is None or pending.kind is BlockKind.TABLE_CELL:
            return
        self.pending = None
        if not pending.lines:
            return
        if pending.owner is not None and pending.kind is BlockKind.LIST_ITEM:
            pending.owner.emitted = True
        if pending.furniture:
            block = pending.block(Location(part="navigation"))
            self.document.furniture.append(block)
            return
        if pending.kind is BlockKind.HEADING:
            level = pending.level or 1
            while self.trail and self.trail[-1][0] >= level:
                self.trail.pop()
            self.trail.append((level, " ".join(text for text, _, _ in pending.lines)))
        block = pending.block(Location(trail=self.trail_names()))
        if block.kind is BlockKind.PARAGRAPH and opens_with_bullet(block.text):
            block.kind = BlockKind.LIST_ITEM  # a bullet typed rather than marked up as a list
        block.suppressions = self.tracker.next_block()
        self.document.blocks.append(block)

    def finish_cell(self, entry: _Open | None) -> None:
        pending, self.pending = self.pending, None
        if self.table is None:
            return
        start = (pending.lines[0][1], pending.lines[0][2]) if pending and pending.lines else None
        if start is None and entry is not None:
            start = entry.start
        location = Location(trail=self.trail_names(), table=self.tables)
        self.table.add_cell(pending, location, start)

    def finish_table(self) -> None:
        table, self.table = self.table, None
        if table is None:
            return
        if self.pending and self.pending.kind is BlockKind.TABLE_CELL:
            self.finish_cell(None)
        location = Location(trail=self.trail_names(), table=self.tables)
        block = table.block(location, self.tracker.next_block())
        if block is not None:
            self.document.blocks.append(block)

    def finish(self) -> None:
        """End of input: close whatever the author left open."""
        while self.stack:
            self.closed(self.stack.pop())
        self.flush()

    def trail_names(self) -> tuple[str, ...]:
        return tuple(text for _, text in self.trail)
