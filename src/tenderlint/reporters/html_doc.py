"""One document's text as HTML, each finding marked where it was found and explained beside it.

Marks must nest (HTML has no overlapping elements), so a finding whose words cross another's is
clipped to start where the earlier one ends: every finding still gets exactly one <mark>.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from tenderlint.document import Block, BlockKind
from tenderlint.reporters.base import ReportContext
from tenderlint.reporters.html_model import DocView, Placed, esc

WORDS_LIMIT = 60


def tags(placed: Placed) -> str:
    """The attributes every element tied to a finding carries, read by the filter script."""
    return f'data-f="{esc(placed.fid)}" data-sev="{esc(placed.severity)}" data-fam="{esc(placed.family)}"'


def _nested(items: list[Placed]) -> list[tuple[int, int, Placed]]:
    """Spans sorted and clipped so that any two are either disjoint or one inside the other."""
    kept: list[tuple[int, int, Placed]] = []
    for placed in sorted(items, key=lambda p: (p.start, -p.end)):
        start, end = placed.start, placed.end
        moved = True
        while moved:
            moved = False
            for a_start, a_end, _ in kept:
                if a_start < start < a_end < end or (a_start == start and a_end < end):
                    start, moved = a_end, True
        kept.append((start, end, placed))
    return sorted(kept, key=lambda k: (k[0], -k[1]))


def mark_open(placed: Placed) -> str:
    f = placed.finding
    return (
        f'<mark class="hl sev-{esc(placed.severity)}" {tags(placed)} data-code="{esc(f.code)}" '
        f'tabindex="0" title="{esc(f.code)}: {esc(f.message)}">'
    )


def marked_text(text: str, items: list[Placed]) -> str:
    """The block's text, escaped, with a <mark> around each finding's words."""
    out: list[str] = []
    stack: list[int] = []
    pos = 0
    for start, end, placed in _nested(items):
        while stack and stack[-1] <= start:
            top = stack.pop()
            out += [esc(text[pos:top]), "</mark>"]
            pos = top
        out += [esc(text[pos:start]), mark_open(placed)]
        pos = start
        stack.append(min(end, stack[-1]) if stack else end)
    while stack:
        top = stack.pop()
        out += [esc(text[pos:top]), "</mark>"]
        pos = top
    out.append(esc(text[pos:]))
    return "".join(out)


def citation_links(placed: Placed, context: ReportContext) -> str:
    items = []
    for cid in placed.finding.citations:
        citation = context.citations.get(cid)
        if citation is None:
            continue
        title = esc(citation.title)
        if urlsplit(citation.url).scheme in ("http", "https"):
            items.append(
                f'<li><a href="{esc(citation.url)}" rel="noopener noreferrer" target="_blank" '
                f'title="{esc(citation.summary)}">{title}</a></li>'
            )
        else:  # a plugin's javascript: or data: URL is shown, never followed
            items.append(f"<li>{title} ({esc(citation.url)})</li>")
    return f'<ul class="cites">{"".join(items)}</ul>' if items else ""


def card(placed: Placed, view: DocView, context: ReportContext) -> str:
    """A finding's <details>: code, words and message when closed; place, fix and the law when open."""
    f = placed.finding
    words = f.matched if len(f.matched) <= WORDS_LIMIT else f.matched[:WORDS_LIMIT] + "…"
    quoted = f'<q class="words">{esc(words)}</q> ' if words else ""
    return (
        f'<details class="finding sev-{esc(placed.severity)}" id="{esc(placed.fid)}" {tags(placed)} '
        f'data-doc="{view.index}"><summary><span class="code">{esc(f.code)}</span> '
        f'<span class="sev">{esc(placed.severity)}</span> {quoted}{esc(f.message)}</summary>'
        f'<div class="body"><p class="where">{esc(f.name)} · {esc(f.location.describe())}</p>'
        f'<p class="fix"><strong>Fix:</strong> {esc(f.fix)}</p>{citation_links(placed, context)}</div></details>'
    )


def pins(view: DocView, index: int) -> str:
    links = [
        f'<a class="pin sev-{esc(p.severity)}" href="#{esc(p.fid)}" {tags(p)}>{esc(p.finding.code)}</a>'
        for p in view.pinned.get(index, [])
    ]
    return f' <span class="pins">{"".join(links)}</span>' if links else ""


def _cards(view: DocView, indexes: list[int], context: ReportContext) -> str:
    found = [card(p, view, context) for i in indexes for p in view.marked.get(i, [])]
    return f'<div class="cards">{"".join(found)}</div>' if found else ""


def _inline(view: DocView, index: int, block: Block) -> str:
    return marked_text(block.text, view.marked.get(index, [])) + pins(view, index)


def _table(view: DocView, block: Block, first: int, context: ReportContext) -> tuple[str, int]:
    rows, index = [], first
    for row in block.rows:
        cells = []
        for cell in row:
            cells.append(f'<td id="{view.anchor}-b{index}">{_inline(view, index, cell)}</td>')
            index += 1
        rows.append(f"<tr>{''.join(cells)}</tr>")
    table = f'<div class="table-wrap"><table>{"".join(rows)}</table></div>'
    return table + _cards(view, list(range(first, index)), context), index


def _list_item(view: DocView, index: int, block: Block, context: ReportContext) -> str:
    level = min(max(block.level or 0, 0), 5)
    number = f'<span class="num">{esc(block.number)}</span> ' if block.number else ""
    style = " numbered" if block.number else ""
    body = f"{number}{_inline(view, index, block)}{_cards(view, [index], context)}"
    return f'<li class="lvl-{level}{style}" id="{view.anchor}-b{index}">{body}</li>'


def _block(view: DocView, index: int, block: Block, context: ReportContext) -> str:
    anchor = f'id="{view.anchor}-b{index}"'
    text = _inline(view, index, block)
    if block.kind is BlockKind.HEADING:
        level = min(max((block.level or 1) + 2, 3), 6)
        html = f'<h{level} class="doc-heading" {anchor}>{text}</h{level}>'
    elif block.kind in (BlockKind.HEADER, BlockKind.FOOTER, BlockKind.FOOTNOTE):
        html = f'<p class="part part-{block.kind.value}" {anchor}><span class="tag">{block.kind.value}</span> {text}</p>'
    else:
        html = f'<p class="para" {anchor}>{text}</p>'
    return html + _cards(view, [index], context)


def document_body(view: DocView, context: ReportContext) -> str:
    """The document's blocks in reading order; consecutive list items become one list."""
    assert view.document is not None
    out: list[str] = []
    items: list[str] = []
    index = 0
    for block in view.document.blocks:
        if block.kind is BlockKind.LIST_ITEM:
            if block.text.strip() or view.marked.get(index) or view.pinned.get(index):
                items.append(_list_item(view, index, block, context))
            index += 1
            continue
        if items:
            out.append(f'<ul class="doc-list">{"".join(items)}</ul>')
            items = []
        if block.kind is BlockKind.TABLE:
            table, index = _table(view, block, index, context)
            out.append(table)
            continue
        if block.text.strip() or view.marked.get(index) or view.pinned.get(index):
            out.append(_block(view, index, block, context))
        index += 1
    if items:
        out.append(f'<ul class="doc-list">{"".join(items)}</ul>')
    return "".join(out)


def top_box(view: DocView, context: ReportContext) -> str:
    """Findings about the whole document (no words to mark), and any whose words could not be found."""
    parts = []
    if view.top:
        cards = "".join(card(p, view, context) for p in view.top)
        parts.append(
            f'<aside class="doc-level"><h3>About the whole document or a whole passage</h3>{cards}</aside>'
        )
    if view.loose:
        rows = "".join(
            f'<p class="excerpt">{marked_text(p.finding.excerpt, [_whole(p)])} '
            f"<small>({esc(p.finding.location.describe())})</small></p>{card(p, view, context)}"
            for p in view.loose
        )
        parts.append(f'<aside class="doc-level loose"><h3>Findings not placed in the text</h3>{rows}</aside>')
    return "".join(parts)


def _whole(placed: Placed) -> Placed:
    """The same finding marked inside its own excerpt, for findings listed outside the text."""
    return Placed(placed.finding, placed.fid, *placed.finding.span)
