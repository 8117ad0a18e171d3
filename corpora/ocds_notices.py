"""Turn UK tender notices (Open Contracting Data Standard releases) into small Markdown documents.

Each notice becomes one document written the way Contracts Finder and Find a Tender display a notice:
title, buyer, description, and per lot the award criteria ("Quality criterion - Name: Technical /
Weighting: 70", "Price - Weighting: 30"), contract period and renewal. The source data is Contracts
Finder / Public Contracts Scotland / Sell2Wales data under the Open Government Licence v3.0.

    python corpora/ocds_notices.py ../shared/corpus/ocds/uk_notices.json OUTDIR [--only-weighted]

`expected_weightings(lot)` gives the price / quality / social value split a notice states, so the
profile's weighting extractor can be checked against the structured data.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

NUMBER = re.compile(r"^\s*(\d{1,3}(?:\.\d+)?)\s*%?\s*$")
SOCIAL_VALUE = re.compile(r"social value|community benefit", re.I)
ATTRIBUTION = (
    "Contains public sector information licensed under the Open Government Licence v3.0 "
    "(notice data from {source})."
)


def criteria(lot: dict) -> list[dict]:
    return (lot.get("awardCriteria") or {}).get("criteria") or []


def weight(criterion: dict) -> float | None:
    match = NUMBER.match(str(criterion.get("description") or ""))
    return float(match.group(1)) if match else None


def category(criterion: dict) -> str:
    name = criterion.get("name") or ""
    if SOCIAL_VALUE.search(name):
        return "social_value"
    return "price" if criterion.get("type") in ("price", "cost") else "quality"


def expected_weightings(lot: dict) -> dict[str, float] | None:
    """The weightings a lot states, or None when they are missing, ranges or do not sum to 100."""
    totals: dict[str, float] = {}
    for criterion in criteria(lot):
        value = weight(criterion)
        if value is None:
            return None
        totals[category(criterion)] = totals.get(category(criterion), 0.0) + value
    if not totals or abs(sum(totals.values()) - 100) > 0.5:
        return None
    return totals


def criterion_line(criterion: dict) -> str:
    value = weight(criterion)
    shown = f"{value:g}" if value is not None else str(criterion.get("description") or "not stated")
    if criterion.get("type") in ("price", "cost"):
        label = "Price" if criterion.get("type") == "price" else "Cost criterion"
        name = f" - Name: {criterion['name']}" if criterion.get("name") else ""
        return f"{label}{name} / Weighting: {shown}"
    return f"Quality criterion - Name: {criterion.get('name') or 'Quality'} / Weighting: {shown}"


def lots_of(release: dict) -> list[dict]:
    tender = release.get("tender") or {}
    return [lot for lot in tender.get("lots") or [] if criteria(lot)] or (
        [tender] if criteria(tender) else []
    )


def render(release: dict) -> str:
    tender = release.get("tender") or {}
    buyer = (release.get("buyer") or {}).get("name", "Unknown buyer")
    lines = [f"# {tender.get('title') or 'Untitled notice'}", "", f"Buyer: {buyer}", ""]
    if tender.get("description"):
        lines += ["## Description", "", tender["description"].strip(), ""]
    for index, lot in enumerate(lots_of(release), start=1):
        lines += [f"## Lot {lot.get('id', index)}: award criteria", ""]
        lines += [f"- {criterion_line(c)}" for c in criteria(lot)]
        days = (lot.get("contractPeriod") or {}).get("durationInDays")
        if days:
            lines += ["", f"Contract period: {days} days."]
        renewal = (lot.get("renewal") or {}).get("description")
        if renewal:
            lines += ["", f"Renewal: {renewal.strip()}"]
        lines.append("")
    source = release.get("_source", "Contracts Finder")
    lines += ["---", "", ATTRIBUTION.format(source=source), ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument(
        "--only-weighted", action="store_true", help="only notices whose lots state weightings"
    )
    args = parser.parse_args()
    releases = json.loads(args.source.read_text(encoding="utf-8"))["releases"]
    args.out.mkdir(parents=True, exist_ok=True)
    written = 0
    for release in releases:
        lots = lots_of(release)
        if args.only_weighted and not (len(lots) == 1 and expected_weightings(lots[0])):
            continue
        slug = re.sub(r"[^a-z0-9]+", "-", release["ocid"].lower()).strip("-")[-40:]
        (args.out / f"{slug}.md").write_text(render(release), encoding="utf-8")
        written += 1
    print(f"wrote {written} notices to {args.out}")


if __name__ == "__main__":
    main()
