"""Markdown and plain-text renderings of the specification."""

from __future__ import annotations

import textwrap

from build_source import SPEC, footnotes, runs, term_text

TXT_WIDTH = 78


def _inline(text: str, note_marker) -> str:
    """Accepted text with each footnote replaced by note_marker(n)."""
    out: list[str] = []
    number = 0
    for kind, value in runs(text):
        if kind in ("text", "ins"):
            out.append(value)
        elif kind == "note":
            number += 1
            out.append(note_marker(number))
    return "".join(out)


def render_markdown() -> str:
    """GitHub-flavoured Markdown: ATX headings, an ordered list, a pipe table, one footnote."""
    note_number = 0

    def marker(_: int) -> str:
        nonlocal note_number
        note_number += 1
        return f"[^{note_number}]"

    parts: list[str] = []
    for kind, payload in SPEC:
        if kind == "title":
            parts.append(f"# {payload}")
        elif kind == "subtitle" or kind == "p":
            parts.append(_inline(str(payload), marker))
        elif kind == "h1":
            parts.append(f"## {payload}")
        elif kind == "h2":
            parts.append(f"### {payload}")
        elif kind == "ol":
            parts.append("\n".join(f"{n}. {item}" for n, item in enumerate(payload, 1)))
        elif kind == "table":
            header, *rows = payload
            lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
            lines += ["| " + " | ".join(row) + " |" for row in rows]
            parts.append("\n".join(lines))
        elif kind == "term":
            term, definition = payload
            parts.append(f"**{term}:** {definition}")
        else:
            raise ValueError(f"unknown block kind {kind!r}")
    parts += [f"[^{n}]: {note}" for n, note in enumerate(footnotes(), 1)]
    return "\n\n".join(parts) + "\n"


def render_text() -> str:
    """Plain text as pasted from an email: paragraphs wrapped at 78 columns, notes at the end."""
    note_number = 0

    def marker(_: int) -> str:
        nonlocal note_number
        note_number += 1
        return f"[{note_number}]"

    def wrap(text: str, indent: str = "", hang: str = "") -> str:
        return textwrap.fill(
            text,
            TXT_WIDTH,
            initial_indent=indent,
            subsequent_indent=hang,
            break_long_words=False,
            break_on_hyphens=False,
        )

    parts: list[str] = []
    for kind, payload in SPEC:
        if kind in ("title", "subtitle", "h1", "h2"):
            parts.append(str(payload))
        elif kind == "p":
            parts.append(wrap(_inline(str(payload), marker)))
        elif kind == "ol":
            parts.append("\n".join(wrap(item, f"{n}. ", "   ") for n, item in enumerate(payload, 1)))
        elif kind == "table":
            width = max(len(row[0]) for row in payload) + 4
            parts.append("\n".join(row[0].ljust(width) + row[1] for row in payload))
        elif kind == "term":
            parts.append(wrap(term_text(*payload)))
        else:
            raise ValueError(f"unknown block kind {kind!r}")
    notes = footnotes()
    if notes:
        parts.append("Notes")
        parts.append("\n".join(wrap(f"[{n}] {note}", hang="    ") for n, note in enumerate(notes, 1)))
    return "\n\n".join(parts) + "\n"
