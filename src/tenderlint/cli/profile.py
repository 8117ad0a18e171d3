"""`tenderlint profile FILE...`: what tenderlint read from a document before any rule ran."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
def profile(paths: tuple[str, ...]) -> None:
    """Show each document's profile as JSON: kind, weightings, contract term, regime.

    Useful to check that tenderlint found the evaluation weightings and term a rule relies on.
    """
    from tenderlint.analysis import Analysis
    from tenderlint.config import settings_for_dir
    from tenderlint.engine import linter_for, parsers_by_format
    from tenderlint.errors import InputError
    from tenderlint.parsers.detect import detect_format

    out = []
    failed = False
    for path in paths:
        settings = settings_for_dir(Path(path).resolve().parent)
        linter = linter_for(settings)
        try:
            data = Path(path).read_bytes()
            document = parsers_by_format()[detect_format(data, path)].parse(data, path)
        except InputError as exc:
            out.append({"path": path, "error": {"code": exc.code, "message": exc.message}})
            failed = True
            continue
        analysis = Analysis.build(document, settings, linter.rules.citations)
        p = analysis.profile
        out.append(
            {
                "path": path,
                "kinds": sorted(p.kinds),
                "care_service": p.care_service,
                "weightings": {
                    c: p.weighting(c) for c in ("price", "quality", "social_value") if p.weighting(c)
                },
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
        )
    click.echo(json.dumps(out, indent=2))
    sys.exit(2 if failed else 0)
