"""TL102: a specification dense with method obligations ("shall", "must") that states no outcomes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from tenderlint.analysis import Analysis
from tenderlint.findings import Finding
from tenderlint.nlp.caseless import caseless
from tenderlint.rules.base import DocumentRule

OBLIGATION = caseless(r"\b(shall|must)\b")
OUTCOME = caseless(
    r"\b(outcomes?|results? (for|that)|so that (people|residents|users|service users)|impact on|"
    r"difference (to|for)|well-?being|what matters)\b",
)
MIN_OBLIGATIONS = 25
OBLIGATIONS_PER_OUTCOME = 50


class PrescriptiveMethod(DocumentRule):
    definition: ClassVar[dict] = {
        "code": "TL102",
        "name": "prescriptive-method-without-outcomes",
        "severity": "warning",
        "message": "The specification prescribes method in detail but states no outcomes it serves.",
        "rationale": (
            "A care specification made of hundreds of 'shall' and 'must' method statements, with no outcome they are "
            "for, fixes how the work is done before anyone has asked whether it works. It blocks innovation, "
            "favours incumbents, and the Act asks for requirements in terms of performance or function where "
            "that would do."
        ),
        "fix": (
            "Open with the outcomes the service must achieve and how they will be evidenced, keep 'must' for "
            "safety and legal minimums, and invite providers to propose methods against the outcomes."
        ),
        "citations": ["pa2023-s56-technical-specs"],
        "examples": {
            "fail": [
                "Home care service specification. "
                + "The provider shall use the home care records template. " * 30,
                "Statement of requirements for home care and support. "
                + "The provider must complete the task sheet after each home care visit. " * 26,
            ],
            "pass": [
                "Home care service specification. The outcome we want is people living well at home. "
                + "The provider shall use the home care records template. " * 30,
                "Cleaning services specification. " + "The supplier shall clean the windows weekly. " * 30,
                "Service specification. We will not prescribe methods. The supplier must keep people safe.",
            ],
        },
    }

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        # Cleaning, grounds or IT specifications rightly state method; the catalogue's concern is care.
        if (
            "specification" not in analysis.profile.kinds
            or not analysis.profile.care_service
            or not analysis.blocks
        ):
            return
        obligations = analysis.count_in_blocks(OBLIGATION)
        outcomes = analysis.count_in_blocks(OUTCOME)
        if obligations >= MIN_OBLIGATIONS and outcomes * OBLIGATIONS_PER_OUTCOME < obligations:
            message = (
                f"The specification has {obligations} 'shall' or 'must' statements and "
                f"{outcomes or 'no'} mention{'s' if outcomes != 1 else ''} of outcomes."
            )
            yield analysis.block_finding(self.meta, analysis.title_block, message=message)
