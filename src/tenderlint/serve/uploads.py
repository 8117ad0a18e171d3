"""What the page's form asks for, turned into settings: the choices a commissioner understands.

Several files uploaded together are one tender pack unless the page's box is unticked (`check.py`
judges them); a script that posts only files gets the page's defaults, a pack among them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tenderlint.config import Settings

FAMILIES = {
    "TL1": "Specification: outcomes rather than time and task",
    "TL2": "Price and payment",
    "TL3": "Social value and outcomes",
    "TL4": "Market and competition: lots, conditions, frameworks",
    "TL5": "Contract terms",
    "TL6": "People and co-production",
    "TL7": "Equalities and fair work",
    "TL8": "Process: engagement, timescales, the rules that apply",
}
REGIMES = {
    "auto": "Work it out from the document",
    "pa2023": "Procurement Act 2023",
    "pcr2015": "Public Contracts Regulations 2015 (procurements started before 24 February 2025)",
}
JURISDICTIONS = {
    "auto": "Work it out from the document",
    "england": "England",
    "wales": "Wales",
    "scotland": "Scotland",
    "northern-ireland": "Northern Ireland",
}
SEVERITIES = {
    "info": "Everything, including suggestions",
    "warning": "Warnings and errors",
    "error": "Errors only",
}


class BadForm(ValueError):
    """A form value the page never offers: a 400 with this message."""


@dataclass(frozen=True)
class LintRequest:
    """The options a commissioner picks on the page."""

    regime: str = "auto"
    jurisdiction: str = "auto"
    families: tuple[str, ...] = tuple(FAMILIES)
    min_severity: str = "info"
    pack: bool = True  # several files are one tender pack, judged together

    @classmethod
    def from_form(cls, form: Mapping[str, object], families: Iterable[object]) -> LintRequest:
        """Read the form's fields; an absent field keeps its default, an unknown value is refused."""
        # The page always says it sent its choices; a script that posts only files gets every family.
        page = bool(form.get("choices"))
        chosen = tuple(str(f) for f in families) if page else tuple(FAMILIES)
        request = cls(
            regime=str(form.get("regime") or "auto"),
            jurisdiction=str(form.get("jurisdiction") or "auto"),
            families=chosen,
            min_severity=str(form.get("min_severity") or "info"),
            pack=bool(form.get("pack")) if page else True,  # an unticked box sends nothing
        )
        for value, allowed in (
            (request.regime, REGIMES),
            (request.jurisdiction, JURISDICTIONS),
            (request.min_severity, SEVERITIES),
            *((family, FAMILIES) for family in chosen),
        ):
            if value not in allowed:
                raise BadForm(f"Unknown choice {value[:40]!r}: reload the page and try again.")
        if not chosen:
            raise BadForm("Tick at least one kind of check.")
        return request

    def settings(self, base: Settings) -> Settings:
        """The organisation's settings with this request's choices on top; unticked families are ignored."""
        skipped = tuple(code for code in FAMILIES if code not in self.families)
        return base.with_overrides(
            regime=None if self.regime == "auto" else self.regime,
            jurisdiction=None if self.jurisdiction == "auto" else self.jurisdiction,
            ignore=base.ignore + skipped if skipped else None,
        )


@dataclass
class Upload:
    name: str
    data: bytes


def safe_name(raw: str | None, index: int) -> str:
    """The file's own name without any folder, control characters or excess length (it is shown in the
    report and used to pick the format, never to open a file)."""
    name = re.split(r"[/\\]", raw or "")[-1]
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip()[-120:]
    return name or f"document-{index + 1}"
