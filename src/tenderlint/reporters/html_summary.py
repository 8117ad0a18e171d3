"""The top of the HTML report: totals, each document's profile and chart, the filters and input errors."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from tenderlint.engine import FileResult
from tenderlint.findings import FAMILIES
from tenderlint.reporters.html_chart import chart_svg
from tenderlint.reporters.html_model import (
    SEVERITIES,
    DocView,
    esc,
    lots_statement,
    path_html,
    severity_counts,
    term_text,
    weightings_text,
)


def families_present(views: Sequence[DocView]) -> list[str]:
    """Families in the usual TL1..TL9 order, then any from plugins with other prefixes."""
    seen = {p.family for view in views for p in view.all_placed}
    ordered = [family for family in FAMILIES.values() if family in seen]
    return ordered + sorted(seen - set(ordered))


def totals(views: Sequence[DocView]) -> str:
    placed = [p for view in views for p in view.all_placed]
    by_sev = Counter(p.severity for p in placed)
    by_fam = Counter(p.family for p in placed)
    sev_rows = "".join(
        f'<tr><th scope="row"><span class="dot-sev sev-{level}"></span>{level}</th><td>{by_sev[level]}</td></tr>'
        for level in SEVERITIES
    )
    fam_rows = "".join(
        f'<tr><th scope="row">{esc(family)}</th><td>{by_fam[family]}</td></tr>'
        for family in families_present(views)
    )
    fam_table = (
        f'<table class="counts"><caption>By family</caption>{fam_rows}</table>'
        if fam_rows
        else '<p class="muted">No findings.</p>'
    )
    return (
        f'<div class="totals"><table class="counts"><caption>By severity</caption>{sev_rows}'
        f'<tr class="total"><th scope="row">total</th><td>{len(placed)}</td></tr></table>{fam_table}</div>'
    )


def profile_card(view: DocView) -> str:
    """A document's stated weightings, term and lots, and its chart."""
    weights = weightings_text(view.profile)
    lots = lots_statement(view.blocks) if view.blocks else ""
    rows = "".join(f"<tr><th scope=row>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in weights.items())
    rows += f"<tr><th scope=row>Contract term</th><td>{esc(term_text(view.profile))}</td></tr>"
    if lots:
        rows += f"<tr><th scope=row>Lots</th><td>“{esc(lots)}”</td></tr>"
    name = view.result.path
    chart = chart_svg(view.result.findings, f"{name}: position on the seven dimensions")
    return (
        f'<article class="card profile"><h3><a href="#{view.anchor}">{path_html(name)}</a></h3>'
        f'<table class="facts">{rows}</table><figure class="chart-wrap">{chart}'
        "<figcaption>From conventional (left) to social-action commissioning (right). "
        '<a href="#method">How this is scored</a>.</figcaption></figure></article>'
    )


def documents_table(views: Sequence[DocView]) -> str:
    """One row per document: findings by severity, weightings and term, for comparing several."""
    head = "".join(
        f"<th scope=col>{h}</th>" for h in ("Document", *SEVERITIES, "Price / quality / SV", "Term")
    )
    rows = []
    for view in views:
        counts = severity_counts(view.result.findings)
        weights = " / ".join(weightings_text(view.profile).values())
        cells = "".join(f'<td class="num" data-label="{level}">{counts[level]}</td>' for level in SEVERITIES)
        rows.append(
            f'<tr><th scope=row><a href="#{view.anchor}">{path_html(view.result.path)}</a></th>{cells}'
            f'<td data-label="Price / quality / SV">{esc(weights)}</td>'
            f'<td data-label="Term">{esc(term_text(view.profile))}</td></tr>'
        )
    return (
        '<div class="table-wrap"><table class="docs"><caption>Documents</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def summary(views: Sequence[DocView], results: Sequence[FileResult]) -> str:
    failed = sum(1 for r in results if r.error)
    count = sum(len(v.result.findings) for v in views)
    lead = (
        f"{count} finding{'s' if count != 1 else ''} in {len(views)} document{'s' if len(views) != 1 else ''}"
    )
    if failed:
        lead += f'; <a href="#errors">{failed} could not be linted</a>'
    parts = [
        f'<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2><p class="lead">{lead}.</p>'
    ]
    parts.append(totals(views))
    if len(views) > 1:
        parts.append(documents_table(views))
    parts.append(f'<div class="profiles">{"".join(profile_card(v) for v in views)}</div></section>')
    return "".join(parts)


def filters(views: Sequence[DocView]) -> str:
    """Checkboxes the script reads; counts are filled in (and kept up to date) by the script."""
    placed = [p for view in views for p in view.all_placed]
    by_sev = Counter(p.severity for p in placed)
    by_fam = Counter(p.family for p in placed)

    def box(kind: str, value: str, count: int) -> str:
        css = f" sev-{esc(value)}" if kind == "sev" else ""
        return (
            f'<label class="chip{css}"><input type="checkbox" data-kind="{kind}" value="{esc(value)}" checked> '
            f'{esc(value)} <span class="n" data-n="{kind}:{esc(value)}">{count}</span></label>'
        )

    sev = "".join(box("sev", level, by_sev[level]) for level in SEVERITIES)
    fam = "".join(box("fam", family, by_fam[family]) for family in families_present(views))
    return (
        '<section id="filters" aria-label="Filters"><fieldset><legend>Severity</legend>'
        f'{sev}</fieldset><fieldset><legend>Family</legend>{fam}</fieldset><p class="shown" aria-live="polite">'
        f'Showing <span data-n="all">{len(placed)}</span> of {len(placed)} findings</p></section>'
    )


def input_errors(results: Sequence[FileResult]) -> str:
    failed = [r for r in results if r.error]
    if not failed:
        return ""
    items = "".join(
        f'<li><span class="path">{esc(r.path)}</span>: <strong>{esc(r.error.code)} {esc(r.error.name)}</strong> '
        f"{esc(r.error.message)} <span class='muted'>{esc(r.error.hint)}</span></li>"
        for r in failed
        if r.error is not None
    )
    return (
        '<section id="errors" aria-labelledby="errors-h"><h2 id="errors-h">Files that could not be linted</h2>'
        f'<ul class="errors">{items}</ul></section>'
    )
