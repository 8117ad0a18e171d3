"""TL301: evaluation criteria that give social value no weighting, or less than the configured minimum."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from tenderlint.analysis import Analysis
from tenderlint.findings import Finding
from tenderlint.rules.base import DocumentRule


class SocialValueWeighting(DocumentRule):
    definition: ClassVar[dict] = {
        "code": "TL301",
        "name": "social-value-not-weighted",
        "severity": "warning",
        "message": "The evaluation criteria give social value no weighting.",
        "rationale": (
            "Social value that is not scored is not bought. The Social Value Act 2012 asks authorities to "
            "consider the economic, social and environmental well-being of the area before procuring services; "
            "central government must weight social value at 10% or more, and councils often adopt the same floor."
        ),
        "fix": (
            "Add a social value criterion tied to local priorities (for example 'Social value: 15%', scored "
            "against the council's social value themes) and reduce the price weighting to make room."
        ),
        "citations": ["sva2012-s1-3", "ppn-002", "pa2023-s23-award-criteria"],
        "alt-citations": {"pcr2015": ["sva2012-s1-3", "pcr2015-reg67-meat"]},
        "examples": {
            "fail": [
                "Tenders will be evaluated on price (70%) and quality (30%).",
                "Award criteria: 60% price, 35% quality and 5% social value.",
            ],
            "pass": [
                "Price will not outweigh the rest: price (40%), quality (45%) and social value (15%).",
                "Social value is weighted at 20% of the total score, quality at 50% and price at 30%.",
            ],
        },
    }

    def covers(self, analysis: Analysis) -> bool:
        social = analysis.profile.weighting("social_value")
        return social is not None and social >= analysis.settings.min_social_value_weighting

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        profile = analysis.profile
        minimum = analysis.settings.min_social_value_weighting
        social = profile.weighting("social_value")
        if profile.weighting("price") is None and profile.weighting("quality") is None and social is None:
            return
        anchor = profile.weightings[0].block_index
        if social is None:
            yield analysis.block_finding(self.meta, anchor)
        elif social < minimum:
            message = f"Social value is weighted at {social:g}%, below the minimum of {minimum:g}%."
            yield analysis.block_finding(self.meta, anchor, message=message)
