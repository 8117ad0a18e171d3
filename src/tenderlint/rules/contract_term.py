"""TL501: short contract terms for ongoing care, read from the profiled term ("12 months", "1 + 1 years")."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from tenderlint.analysis import Analysis
from tenderlint.findings import Finding
from tenderlint.nlp.caseless import caseless
from tenderlint.rules.base import DocumentRule

RATIONALE_GIVEN = caseless(
    r"\b(pilot|interim|transition\w*|because|reason|so that|in order to|bridging|to align with|owing to|due to)\b"
)


# A service bought to run continuously (support, care, a community service), not a one-off project.
ONGOING_SERVICE = caseless(r"\b(support|care|community) (service|services)\b|\bwellbeing\b|\bwell-being\b")
SERVICE = caseless(r"\bservices?\b")
PROJECT = caseless(r"\b(works|construction|project|refurbishment|installation|goods|equipment supply)\b")


def _ongoing_service(analysis: Analysis) -> bool:
    """A document about a service that runs continuously: care or support, or mostly about "the service"."""
    if analysis.document_matches(ONGOING_SERVICE):
        return True
    services = len(SERVICE.findall(analysis.full_text))
    return services >= 5 and services > 2 * len(PROJECT.findall(analysis.full_text))


# "because the grant is only confirmed until March 2028", "to align with the current funding allocation",
# "so that the expiry coincides with the end of the Transformation Programme": the funding cycle or the
# buyer's own timetable explains a short term but is not a reason the service needs one.
OWN_TIMETABLE = caseless(
    r"\b(funding|fund|grant|budget|allocation|financial (year|plan|strategy)|medium[- ]term|(planning|spending) (period|review|round)|coincides?|alongside|"
    r"programme|reorganisation|restructur\w*|clustering|administration['’]s term|electoral (cycle|term)|"
    r"political (cycle|term)|council term)\b"
)
REASON_REACH = 160  # characters after the cue that its reason is read from


def _reason_given(text: str) -> bool:
    """A reason for the short term other than the funding cycle or the buyer's own timetable."""
    for cue in RATIONALE_GIVEN.finditer(text):
        if not OWN_TIMETABLE.search(text[cue.start() : cue.end() + REASON_REACH]):
            return True
    return False


# A reason is about the term when its block talks about the term.
TERM_TALK = caseless(r"\b(term|months?|years?|short|duration|period)\b")


class ShortContractTerm(DocumentRule):
    definition: ClassVar[dict] = {
        "code": "TL501",
        "name": "short-contract-term",
        "severity": "warning",
        "message": "A short contract term for an ongoing service, with no reason given.",
        "rationale": (
            "Ongoing care needs stable providers and staff. Terms of a year or two, or '1+1', stop providers "
            "investing in their workforce and in new ways of working, and disrupt the people they support at "
            "every re-tender. Light touch contracts have no maximum term and can be modified flexibly."
        ),
        "fix": (
            "Set a term that matches the service's stability, often five years or more with review and break "
            "points (for example '5 years with an option to extend by 2'), or say why a short term is needed."
        ),
        "citations": ["careact-s5-market-shaping", "pa2023-s74-light-touch-modification"],
        "examples": {
            "fail": [
                "Home care and personal care services. The contract will run for 12 months from 1 April 2026.",
                "Support services for carers and care workers. The contract term is 1 + 1 years.",
                "Home care and personal care services. The contract is for 12 months because the grant is only "
                "confirmed until March 2027.",
                "Home care and personal care services. The Contract shall continue for two (2) years. The duration has "
                "been set so that its expiry coincides with the end of the Council's Transformation Programme.",
                "Home care and personal care services. The two-year contract has been chosen to align with the "
                "current administration's term.",
            ],
            "pass": [
                "Home care and support services. The contract will run for 5 years with review points.",
                "Support services for carers. The contract will not be short: the term is 7 years.",
                "Home care and personal care services. The contract runs for 12 months as a pilot, to test the model "
                "before a five-year contract.",
            ],
        },
    }

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        profile = analysis.profile
        ongoing = profile.care_service or (
            bool(profile.kinds) and not profile.non_uk and _ongoing_service(analysis)
        )
        if not ongoing:
            return
        limit = analysis.settings.short_term_months
        if profile.call_off_months is not None and profile.call_off_block is not None:
            term, extension, block, what = profile.call_off_months, 0.0, profile.call_off_block, "call-off"
        elif profile.term_months is not None and profile.term_block is not None:
            term, extension, block, what = (
                profile.term_months,
                profile.extension_months,
                profile.term_block,
                "contract",
            )
        else:
            return
        if term > limit:
            return
        nearby = analysis.blocks[block : block + 2]
        if any(_reason_given(b.text) for b in nearby if TERM_TALK.search(b.text)):
            return
        message = f"The {what} term is {term:g} months"
        message += f" ({term + extension:g} with extensions)" if extension else ""
        message += f", at or below {limit:g} months, for an ongoing service, with no reason given."
        values = {"term_months": term, "extension_months": extension, "term_of": what}
        yield analysis.block_finding(self.meta, block, message=message, evidence={"values": values})
