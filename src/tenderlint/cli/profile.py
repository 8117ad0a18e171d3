"""`tenderlint profile FILE...`: what tenderlint read from a document before any rule ran.

Each file is read exactly as `lint` reads it: only regular files, in a killable worker under the
file's `timeout-seconds` and `max-memory-mb`, so a hostile document costs its own error, never the run.
"""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from tenderlint.document import Document
    from tenderlint.engine import FileResult, Linter
    from tenderlint.workers import Task


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Readable text, or JSON for scripts.",
)
def profile(paths: tuple[str, ...], output_format: str) -> None:
    """Show what tenderlint read from each document: kind, weightings, contract term, dates, regime.

    Useful to check that tenderlint found the evaluation weightings and term a rule relies on.
    """
    from tenderlint.cli.reading import entry, read_files
    from tenderlint.reporters.common import json_text

    results = read_files(paths, profile_task, jobs=os.cpu_count() or 1)
    out = [entry(result) for result in results]
    if output_format == "json":
        click.echo(json_text(json.dumps(out, indent=2)))
    else:
        from tenderlint.cli.profile_text import render

        click.echo("\n\n".join(render(item) for item in out))
    sys.exit(2 if any(result.error for result in results) else 0)


def profile_task(task: Task) -> FileResult:
    """Runs in a worker: parse the file and read its profile, under the same guard as linting."""
    from tenderlint.engine import linter_for

    linter = linter_for(task.settings)

    def read(document: Document, result: FileResult) -> None:
        result.data = profile_facts(document, linter)

    return linter.read_bytes(task.data, task.display, read)


def profile_facts(document: Document, linter: Linter) -> dict:
    """The profile as JSON data: what the rules will rely on."""
    from tenderlint.analysis import Analysis

    settings = linter.settings
    analysis = Analysis.build(document, settings, linter.rules.citations)
    p = analysis.profile
    return {
        "kinds": sorted(p.kinds),
        "care_service": p.care_service,
        "weightings": {c: p.weighting(c) for c in ("price", "quality", "social_value") if p.weighting(c)},
        "template_weightings": p.template_weightings,
        "template_fields": p.template_fields,
        "term_months": p.term_months,
        "extension_months": p.extension_months,
        "call_off_months": p.call_off_months,
        "procurement_start": p.start_date.isoformat() if p.start_date else None,
        "tender_window_days": p.tender_window_days,
        "regime": analysis.regime,
        "regime_basis": (
            f"setting regime = {settings.regime!r}" if settings.regime != "auto" else p.regime_basis()
        ),
        "jurisdiction": analysis.jurisdiction,
    }
