"""TL808: the days between a notice's publication and its tender deadline, when both dates are stated."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from tenderlint.analysis import Analysis
from tenderlint.findings import Finding
from tenderlint.rules.base import DocumentRule


class TenderWindowFromDates(DocumentRule):
    definition: ClassVar[dict] = {
        "code": "TL808",
        "name": "short-window-between-dates",
        "severity": "warning",
        "message": "The tender deadline is too soon after publication for a service contract.",
        "rationale": (
            "Small and voluntary providers, and partners forming consortia, need time to read the documents, "
            "ask questions and write a considered bid. The Act requires time limits that reflect the nature and "
            "complexity of the contract; its shortest standard limit for a competitive tender is 25 days."
        ),
        "fix": (
            "Allow at least 25 days between publication and the tender deadline (longer for complex or "
            "partnership bids), and publish a planned procurement notice so providers can prepare."
        ),
        "citations": ["pa2023-s12-4-sme-barriers"],
        "examples": {
            "fail": [
                "Contract notice. Published: 14 June 2019. Time limit for receipt of tenders: 01/07/2019.",
                "Tender notice. Published 3 March 2026. Tender submission deadline: 17 March 2026.",
            ],
            "pass": [
                "Contract notice. Published: 14 June 2019. Time limit for receipt of tenders: 29/07/2019.",
                "Tender notice. Published 3 March 2026. The deadline is not short: submission deadline 20 April 2026.",
            ],
        },
    }

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        days = analysis.profile.tender_window_days
        limit = analysis.settings.min_tender_window_days
        if days is None or days >= limit:
            return
        message = (
            f"Tenders are due {days} days after the notice was published, under the {limit:g} days a "
            "service bid needs."
        )
        anchor = analysis.profile.deadline_block
        yield analysis.block_finding(
            self.meta,
            analysis.title_block if anchor is None else anchor,
            message=message,
            evidence={"values": {"tender_window_days": days, "min-tender-window-days": limit}},
        )
