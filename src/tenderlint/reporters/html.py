"""A self-contained HTML report: summary and charts, each document's text with findings marked in place.

One file with its CSS and script inline, so it can be emailed or attached to a committee paper and opened
offline. Tenders are untrusted input: every piece of document text is escaped, and a strict
Content-Security-Policy allows only the exact style and script shipped here (by hash), nothing else.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from tenderlint.engine import FileResult
from tenderlint.reporters.base import ReportContext
from tenderlint.reporters.html_chart import METHOD
from tenderlint.reporters.html_doc import document_body, top_box
from tenderlint.reporters.html_model import DocView, esc, load_view, path_html, severity_counts
from tenderlint.reporters.html_summary import filters, input_errors, summary

ASSETS = Path(__file__).with_name("html_assets")


@cache
def asset(name: str) -> str:
    """CSS and JS live beside this module as ordinary files, read once and inlined into every report."""
    return (ASSETS / name).read_text(encoding="utf-8")


def csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(style: str, script: str) -> str:
    """Nothing may load or run but the inline style and script whose hashes are listed."""
    return (
        f"default-src 'none'; style-src {csp_hash(style)}; script-src {csp_hash(script)}; "
        "img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )


class HtmlReporter:
    """`--format html`: render(results) -> one HTML page as text."""

    def render(self, results: Sequence[FileResult], context: ReportContext) -> str:
        style, script = asset("report.css"), asset("report.js")
        count = len(results)
        title = f"tenderlint report — {count} document{'s' if count != 1 else ''}"
        body = [
            f'<header class="top"><h1>{esc(title)}</h1><p class="muted">tenderlint {esc(context.version)}'
            " · findings are prompts to review, with the law that supports better practice.</p></header>",
            '<main id="main">',
            self.main_content(results, context),
            f'</main><footer id="method"><h2>How the chart is scored</h2><p>{esc(METHOD)}</p>'
            "<p>Dimensions after “Commissioning for social action”: 1 specification, 2 price, 3 insight, "
            "4 co-production, 5 contract flexibility, 6 competition, 7 measurement.</p></footer>",
        ]
        return (
            "<!DOCTYPE html>\n"
            '<html lang="en-GB"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(style, script)}">'
            '<meta name="referrer" content="no-referrer">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)}</title><style>{style}</style></head>"
            f"<body>{''.join(body)}<script>{script}</script></body></html>\n"
        )

    def main_content(
        self, results: Sequence[FileResult], context: ReportContext, views: Sequence[DocView] | None = None
    ) -> str:
        """Summary, filters, each document and the input errors: the report without its page, so that
        `tenderlint serve` can show it inside its own page, with views its workers built from the bytes."""
        if views is None:
            views = [load_view(index, result) for index, result in enumerate(results) if not result.error]
        return "".join(
            [
                summary(views, results),
                filters(views) if any(v.result.findings for v in views) else "",
                *(self._document(view, context) for view in views),
                input_errors(results),
            ]
        )

    def _document(self, view: DocView, context: ReportContext) -> str:
        counts = severity_counts(view.result.findings)
        badges = "".join(
            f'<span class="badge sev-{level}">{counts[level]} {level}</span>'
            for level in counts
            if counts[level]
        )
        total = len(view.result.findings)
        notes = "".join(f'<p class="note">{esc(note)}</p>' for note in view.result.notes)
        problem = f'<p class="note">{esc(view.problem)}</p>' if view.problem else ""
        text = document_body(view, context) if view.document is not None else ""
        # Word processors mean their line breaks; PDFs, plain text and Markdown wrap lines to fit a page.
        flow = "breaks" if view.result.format in ("docx", "odt") else "reflow"
        return (
            f'<section class="doc" id="{view.anchor}" data-doc="{view.index}" data-path="{esc(view.result.path)}">'
            f'<h2 class="doc-title">{path_html(view.result.path)}</h2><p class="doc-meta">'
            f'<span data-n="doc:{view.index}">{total}</span> of {total} findings shown {badges}</p>'
            f"{notes}{problem}{top_box(view, context)}"
            f'<article class="text {flow}">{text or "<p class=muted>No text to show.</p>"}</article></section>'
        )
