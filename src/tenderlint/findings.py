"""Rule metadata and findings: what every rule declares and every reporter prints."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import Enum

from tenderlint.document import Location


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


FAMILIES = {
    "TL1": "specification",
    "TL2": "price-and-payment",
    "TL3": "social-value-and-outcomes",
    "TL4": "market-and-competition",
    "TL5": "contract-terms",
    "TL6": "people-and-co-production",
    "TL7": "equalities-and-fair-work",
    "TL8": "process",
    "TL9": "meta",
}


@dataclass(frozen=True)
class RuleMeta:
    """Everything a person needs to know about a rule; one source for `tenderlint rule`, README and reports."""

    code: str
    name: str
    family: str
    severity: Severity
    message: str
    rationale: str
    fix: str
    citations: tuple[str, ...]
    # Citations that replace `citations` under another regime or jurisdiction, e.g. {"pcr2015": (...)}.
    alt_citations: dict[str, tuple[str, ...]] = field(default_factory=dict)
    examples_fail: tuple[str, ...] = ()
    examples_pass: tuple[str, ...] = ()
    source: str = "builtin"

    def citations_for(self, regime: str, jurisdiction: str) -> tuple[str, ...]:
        for key in (jurisdiction, regime):
            if key in self.alt_citations:
                return self.alt_citations[key]
        return self.citations


@dataclass
class Finding:
    """One problem found in one place."""

    code: str
    name: str
    severity: Severity
    message: str
    fix: str
    citations: tuple[str, ...]
    location: Location
    excerpt: str = ""
    # Character span of the match inside `excerpt`.
    span: tuple[int, int] = (0, 0)
    block_index: int | None = None
    # What produced the finding: concepts and their words, the pattern matched, values judged.
    evidence: dict = field(default_factory=dict)
    # Set when the finding speaks for a whole tender pack: {"name": ..., "files": [...]}.
    pack: dict | None = None

    @property
    def matched(self) -> str:
        return self.excerpt[self.span[0] : self.span[1]]

    @property
    def fingerprint(self) -> str:
        """Stable identity of a finding: its rule, the matched words and the sentence around them.

        Location is left out on purpose, so editing another paragraph does not change it.
        """
        normal = " ".join(f"{self.code}|{self.matched}|{self.excerpt}".lower().split())
        return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:20]

    def sort_key(self) -> tuple:
        loc = self.location
        return (
            loc.page or 0,
            loc.line or 0,
            self.block_index if self.block_index is not None else -1,
            loc.paragraph or 0,
            loc.column or 0,
            self.code,
        )
