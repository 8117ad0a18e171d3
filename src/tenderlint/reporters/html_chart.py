"""Where a document sits on the seven dimensions of "Commissioning for social action" (D2), as inline SVG.

Each dimension runs from conventional commissioning (left) to social-action commissioning (right).
A document starts at 100% on every dimension and each finding of a rule that pulls toward the
conventional end subtracts by severity; no library, no script: plain SVG the browser draws. The chart
must never contradict the findings below it: a dimension with any finding stays out of the green band,
and one whose finding says the practice is absent from the whole document sits at 0%.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tenderlint.findings import Finding
from tenderlint.reporters.html_model import esc


@dataclass(frozen=True)
class Dimension:
    key: str
    label: str
    conventional: str
    social: str
    codes: tuple[str, ...]


DIMENSIONS = (
    Dimension(
        "specification",
        "Specification",
        "activities",
        "outcomes",
        ("TL101", "TL102", "TL103", "TL104", "TL105", "TL106"),
    ),
    Dimension(
        "price",
        "Price",
        "unit cost, price first",
        "value",
        (
            "TL201",
            "TL202",
            "TL203",
            "TL204",
            "TL205",
            "TL206",
            "TL207",
            "TL208",
            "TL301",
            "TL302",
            "TL305",
            "TL306",
        ),
    ),
    Dimension("insight", "Insight", "needs and deficits", "assets", ("TL304",)),
    Dimension(
        "co-production", "Co-production", "done to people", "done with them", ("TL601", "TL602", "TL603")
    ),
    Dimension("flexibility", "Contract flexibility", "rigid", "flexible", ("TL501", "TL502")),
    Dimension(
        "competition",
        "Competition",
        "silos",
        "collaboration",
        ("TL401", "TL402", "TL403", "TL404", "TL405", "TL406"),
    ),
    Dimension(
        "measurement",
        "Measurement",
        "process",
        "impact",
        (
            "TL303",
            "TL701",
            "TL702",
            "TL703",
            "TL704",
            "TL705",
            "TL706",
            "TL801",
            "TL802",
            "TL803",
            "TL804",
            "TL805",
            "TL806",
            "TL807",
            "TL808",
        ),
    ),
)
PENALTY = {"error": 30, "warning": 20, "info": 10}
# The highest score a dimension with any finding can show: below the green band (HIGH).
CAP, HIGH, LOW = 60, 70, 40
METHOD = (
    "Each dimension starts at 100% (social-action commissioning) and loses "
    f"{PENALTY['error']} points per error, {PENALTY['warning']} per warning and {PENALTY['info']} per info "
    "finding of the rules that pull toward conventional commissioning, down to 0%. A dimension with any "
    f"finding shows at most {CAP}% and is never green; one whose finding says the practice is absent from "
    "the whole document (for example no co-production anywhere) shows 0%. It counts findings, "
    "so it is a prompt for discussion, not a measurement: 100% means no rule found a problem, not that the "
    "document shows social-action practice."
)

WIDTH, LEFT, RIGHT = 420, 9, 410
TOP, ROW = 32, 52


def score(findings: Sequence[Finding], dimension: Dimension) -> tuple[int, list[Finding]]:
    """The dimension's score (0-100) and the findings that lowered it."""
    hits = [f for f in findings if f.code in dimension.codes]
    if not hits:
        return 100, hits
    if any(f.evidence.get("searched") == "whole document" for f in hits):
        return 0, hits  # the finding says the practice is nowhere in the document
    return max(0, min(CAP, 100 - sum(PENALTY.get(f.severity.value, 0) for f in hits))), hits


def tone(value: int) -> str:
    return "low" if value < LOW else "mid" if value < HIGH else "high"


def chart_svg(findings: Sequence[Finding], title: str) -> str:
    """One chart: a row per dimension, a track from conventional to social action, a dot at the score."""
    height = TOP + ROW * len(DIMENSIONS) + 4
    span = RIGHT - LEFT
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{esc(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMinYMin meet">',
        f"<title>{esc(title)}</title>",
        f'<text class="axis" x="{LEFT}" y="16">◀ Conventional</text>',
        f'<text class="axis" x="{RIGHT}" y="16" text-anchor="end">Social action ▶</text>',
    ]
    for row, dimension in enumerate(DIMENSIONS):
        value, hits = score(findings, dimension)
        y = TOP + row * ROW
        x = LEFT + span * value / 100
        codes = ", ".join(sorted({f.code for f in hits})) or "no findings"
        tip = f"{dimension.label} ({dimension.conventional} → {dimension.social}): {value}% — {codes}"
        parts += [
            f'<g class="dim {tone(value)}" data-dim="{dimension.key}" data-score="{value}">',
            f"<title>{esc(tip)}</title>",
            f'<text class="label" x="{LEFT}" y="{y + 14}">{row + 1}. {esc(dimension.label)}</text>',
            f'<text class="value" x="{RIGHT}" y="{y + 14}" text-anchor="end">{value}%</text>',
            f'<text class="pole" x="{LEFT}" y="{y + 44}">{esc(dimension.conventional)}</text>',
            f'<text class="pole" x="{RIGHT}" y="{y + 44}" text-anchor="end">{esc(dimension.social)}</text>',
            f'<rect class="track" x="{LEFT}" y="{y + 22}" width="{span}" height="6" rx="3"/>',
            f'<rect class="fill" x="{LEFT}" y="{y + 22}" width="{x - LEFT:.1f}" height="6" rx="3"/>',
            f'<circle class="dot" cx="{x:.1f}" cy="{y + 25}" r="7"/>',
            "</g>",
        ]
    parts.append("</svg>")
    return "".join(parts)
