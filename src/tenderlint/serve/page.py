"""The one page: the upload form, and after a check the messages, downloads and the HTML report.

It works without JavaScript (a plain form post answered with a whole page); the small script only adds
drag and drop, the list of chosen files and a "checking" message. Downloads are `data:` links inside
the answer, so nothing about an upload is kept on the server once the page is sent. Every name and
piece of document text is escaped; the report's own style and script come from /static/.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from pathlib import PurePath

from tenderlint.engine import FileResult
from tenderlint.packs import file_names
from tenderlint.reporters.base import ReportContext
from tenderlint.reporters.html import HtmlReporter
from tenderlint.reporters.html_chart import METHOD
from tenderlint.reporters.html_model import esc
from tenderlint.reporters.json import JsonReporter
from tenderlint.reporters.sarif import SarifReporter
from tenderlint.serve.check import Checked
from tenderlint.serve.service import ServedResult
from tenderlint.serve.uploads import FAMILIES, JURISDICTIONS, REGIMES, SEVERITIES, LintRequest

ACCEPT = ".docx,.pdf,.odt,.md,.markdown,.txt,.text,.html,.htm"
MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
}


def layout(title: str, body: str, report: bool = False) -> str:
    """The page around `body`: the report's stylesheet (so both look alike), then the page's own."""
    script = '<script src="/static/report.js" defer></script>' if report else ""
    return (
        '<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title>"
        '<link rel="stylesheet" href="/static/report.css"><link rel="stylesheet" href="/static/serve.css">'
        f'{script}<script src="/static/serve.js" defer></script></head><body>'
        '<a class="skip" href="#main">Skip to main content</a>'
        '<header class="top"><h1>Check a tender document</h1>'
        "<p>tenderlint reads a draft specification, invitation to tender or contract and points out "
        "conventional commissioning patterns, with the law and guidance that support better practice.</p>"
        f'</header><main id="main">{body}</main></body></html>\n'
    )


def form(request: LintRequest, max_upload_mb: int, max_files: int) -> str:
    """The form; its choices are the ones `request` made, so a second check starts from the first."""
    families = "".join(
        f'<li><label><input type="checkbox" name="family" value="{code}"'
        f"{' checked' if code in request.families else ''}> {esc(label)}</label></li>"
        for code, label in FAMILIES.items()
    )
    return (
        '<section aria-labelledby="upload-h"><h2 id="upload-h">Choose documents</h2>'
        '<form id="upload" method="post" action="/lint" enctype="multipart/form-data">'
        '<input type="hidden" name="choices" value="1">'
        '<div class="drop" id="drop"><label for="files" class="big">Documents to check</label>'
        f'<p class="hint" id="files-hint">Word (.docx), PDF, OpenDocument (.odt), Markdown, text or web page '
        f"files: up to {max_files} at a time and {max_upload_mb} MB in all. Nothing you upload is kept.</p>"
        f'<input type="file" id="files" name="files" multiple required accept="{ACCEPT}" '
        'aria-describedby="files-hint chosen">'
        '<p class="drop-note" id="drop-note">You can also drag files and drop them here.</p>'
        '<p id="chosen" class="muted"></p></div>'
        f"{_pack_choice(request)}"
        "<fieldset><legend>Which rules and law apply</legend>"
        f"{_select('regime', 'Procurement rules', REGIMES, request.regime)}"
        f"{_select('jurisdiction', 'Nation', JURISDICTIONS, request.jurisdiction)}</fieldset>"
        f'<fieldset><legend>What to check</legend><ul class="plain">{families}</ul></fieldset>'
        "<fieldset><legend>Findings to show</legend>"
        f"{_select('min_severity', 'Show', SEVERITIES, request.min_severity)}</fieldset>"
        '<button type="submit" id="check">Check documents</button>'
        '<p id="status" class="status" role="status" aria-live="polite"></p></form></section>'
    )


def _pack_choice(request: LintRequest) -> str:
    # The script hides this while fewer than two files are chosen; without it, one file ignores it.
    return (
        '<fieldset id="pack-choice"><legend>Several documents</legend>'
        '<p><label><input type="checkbox" id="pack" name="pack" value="1"'
        f'{" checked" if request.pack else ""} aria-describedby="pack-hint"> '
        "These files are one tender pack (judge them together)</label></p>"
        '<p class="hint" id="pack-hint">For the files of one procurement (invitation to tender, '
        "specification, evaluation criteria, contract): a check for something missing, such as equality "
        "or fair work, then speaks once for the pack, and only when none of the files has it. Untick to "
        "check each file as a separate document. A single file is always checked on its own.</p></fieldset>"
    )


def _select(name: str, label: str, options: dict[str, str], chosen: str) -> str:
    items = "".join(
        f'<option value="{value}"{" selected" if value == chosen else ""}>{esc(text)}</option>'
        for value, text in options.items()
    )
    return f'<p class="field"><label for="{name}">{label}</label><select id="{name}" name="{name}">{items}</select></p>'


def results(checked: Checked, context: ReportContext) -> str:
    """What happened to each file, how they were judged, the downloads, then the report of every file
    that could be read."""
    results = checked.results
    linted = [r for r in results if r.error is None]
    failed = [r for r in results if r.error is not None]
    count = sum(len(r.findings) for r in linted)
    lead = f"{len(results)} document{'s' if len(results) != 1 else ''} checked"
    if linted:
        lead += f": {count} finding{'s' if count != 1 else ''}"
    if failed:
        lead += f"; {len(failed)} could not be read"
    parts = [
        '<section id="results" aria-labelledby="results-h">'
        f'<h2 id="results-h" tabindex="-1">Results</h2><p class="lead">{lead}.</p>',
        _judged(checked),
        _unreadable(failed),
        _downloads(results, context),
        "</section>",
    ]
    if linted:
        # Views were built by the workers from the uploaded bytes: the server never reads a file by name.
        views = [r.view for r in linted if isinstance(r, ServedResult) and r.view is not None]
        parts.append(
            '<section id="report" aria-label="Report">'
            f"{HtmlReporter().main_content(linted, context, views)}"
            f'<section id="method" aria-labelledby="method-h"><h2 id="method-h">How the chart is scored</h2>'
            f"<p>{esc(METHOD)}</p></section></section>"
        )
    return "".join(parts)


def _judged(checked: Checked) -> str:
    """Whether several files were judged as one pack (named as the pack's findings name it) or apart."""
    if checked.pack_files:
        files = checked.pack_files
        return (
            f'<p id="pack-note">Judged together as one tender pack, “{esc(checked.pack_name)}”: a check for '
            f"something missing speaks once for the pack, and only when none of its {len(files)} "
            f"file{'s' if len(files) != 1 else ''} has it. Files checked: {esc(file_names(files))}.</p>"
        )
    if sum(1 for r in checked.results if r.error is None) > 1:
        return '<p id="pack-note">Each file was checked as a separate document.</p>'
    return ""


def _unreadable(failed: Sequence[FileResult]) -> str:
    if not failed:
        return ""
    items = "".join(
        f'<li><strong class="path">{esc(r.path)}</strong>: {esc(r.error.message)}'
        f"{f' <span class=what>What to do: {esc(r.error.hint)}</span>' if r.error.hint else ''}"
        f' <span class="muted">({esc(r.error.code)} {esc(r.error.name)})</span></li>'
        for r in failed
        if r.error is not None
    )
    heading = "This file could not be read" if len(failed) == 1 else f"{len(failed)} files could not be read"
    return f'<div class="problem" id="unreadable"><h3>{heading}</h3><ul class="errors">{items}</ul></div>'


def _downloads(results: Sequence[FileResult], context: ReportContext) -> str:
    items = []
    for result in results:
        if not isinstance(result, ServedResult) or result.error is not None:
            continue
        if result.annotated is not None and result.format in MIME:
            name = f"{PurePath(result.path).stem}-reviewed.{result.format}"
            items.append(
                _link(name, MIME[result.format], result.annotated, f"{result.path} with comments")
                + f' <span class="muted">({esc(result.annotation)})</span>'
            )
        elif result.annotation:
            items.append(f"{esc(result.path)}: {esc(result.annotation)}")
    report_json = JsonReporter().render(results, context).encode("utf-8")
    sarif = SarifReporter().render(results, context).encode("utf-8")
    items.append(_link("tenderlint.json", "application/json", report_json, "Findings as JSON"))
    items.append(_link("tenderlint.sarif", "application/sarif+json", sarif, "Findings as SARIF"))
    rows = "".join(f"<li>{item}</li>" for item in items)
    return (
        f'<h3 id="downloads-h">Downloads</h3><ul class="downloads" aria-labelledby="downloads-h">{rows}</ul>'
    )


def _link(filename: str, mime: str, data: bytes, label: str) -> str:
    href = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
    return f'<a href="{href}" download="{esc(filename)}">Download {esc(label)}</a>'


def message(title: str, text: str) -> str:
    """A short page for a refused request (too large, too busy, wrong origin, not found)."""
    return layout(
        f"{title} — tenderlint",
        f'<section class="problem" aria-labelledby="msg-h"><h2 id="msg-h">{esc(title)}</h2>'
        f'<p>{esc(text)}</p><p><a href="/">Back to the upload page</a></p></section>',
    )
