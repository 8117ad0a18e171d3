"""Rules on the evaluation weightings the profile extracted from tables and prose."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from tenderlint.analysis import Analysis
from tenderlint.findings import Finding
from tenderlint.profile import EVALUATION_HEADING
from tenderlint.rules.base import DocumentRule


class PriceDominant(DocumentRule):
    definition: ClassVar[dict] = {
        "code": "TL203",
        "name": "price-dominant-evaluation",
        "severity": "warning",
        "message": "Price carries as much weight as everything else put together, or more.",
        "rationale": (
            "When price is weighted at half the marks or more, the cheapest compliant bid usually wins whatever "
            "its quality. Care bought that way is rushed and unstable. The Act awards to the most advantageous "
            "tender, not the cheapest, and the Care Act asks for a sustainable, high-quality market."
        ),
        "fix": (
            "Weight quality (including what people who use the service say) above price, for example quality 60%, "
            "social value 15%, price 25%; or fix the price and let bidders compete on quality alone."
        ),
        "citations": [
            "pa2023-s19-most-advantageous",
            "pa2023-s23-award-criteria",
            "careact-s5-market-shaping",
        ],
        "alt-citations": {"pcr2015": ["pcr2015-reg67-meat", "careact-s5-market-shaping"]},
        "examples": {
            "fail": [
                "Tenders will be evaluated on price (70%), quality (20%) and social value (10%).",
                "Award criteria: price 50%, quality 40%, social value 10%.",
            ],
            "pass": [
                "Tenders will be evaluated on quality (60%), social value (15%) and price (25%).",
                "Price will not be weighted above 30%: quality 55%, social value 15%, price 30%.",
            ],
        },
    }

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        price = analysis.profile.weighting("price")
        limit = analysis.settings.max_price_weighting
        if price is None or price < limit or (price >= 99.5 and len(analysis.profile.weightings) == 1):
            return  # "Price 100%" alone is the split inside a commercial envelope, not the award
        anchor = next(w.block_index for w in analysis.profile.weightings if w.criterion == "price")
        message = (
            f"Price is weighted at {price:g}%, at or above the {limit:g}% limit: it will decide the award."
        )
        weightings = {w.criterion: w.percent for w in analysis.profile.weightings}
        evidence = {"values": {"weightings": weightings, "max-price-weighting": limit}}
        yield analysis.block_finding(self.meta, anchor, message=message, evidence=evidence)


class EvaluationNotFound(DocumentRule):
    definition: ClassVar[dict] = {
        "code": "TL805",
        "name": "evaluation-weightings-not-found",
        "severity": "info",
        "message": "The document discusses evaluating tenders, but no evaluation weightings were found.",
        "rationale": (
            "Bidders need to know how tenders will be assessed and the relative importance of each criterion. "
            "tenderlint could not find stated weightings, so it cannot check the price, quality and social value "
            "balance; they may be in another document, left as template fields, or missing."
        ),
        "fix": (
            "State the award criteria and their weightings in the tender documents (for example a table of "
            "criterion and weighting), or lint the document that holds them."
        ),
        "citations": ["pa2023-s23-award-criteria"],
        "examples": {
            "fail": [
                "Invitation to tender. The provider shall deliver the service. The bidder must submit a method "
                "statement. The provider will report monthly. Tenders will be evaluated against the award "
                "criteria below, with weightings to follow.",
                "Instructions to bidders. The bidder must register. The bidder shall answer every question. The "
                "supplier must sign the form. Evaluation criteria: quality «Insert_Weight»%, price "
                "«Insert_Weight»%. Weightings are set by the buyer. Bids will be evaluated by a panel.",
            ],
            "pass": [
                "Invitation to tender. The provider shall deliver the service. The bidder must submit a method "
                "statement. The provider will report monthly. Weightings: quality 60%, social value 15%, price 25%.",
                "Service specification. The provider shall deliver the service. The provider shall report monthly. "
                "The provider shall attend meetings. We will not evaluate anything here.",
            ],
        },
    }

    def covers(self, analysis: Analysis) -> bool:
        return bool(analysis.profile.weightings)

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        profile = analysis.profile
        if profile.weightings or not profile.discusses_evaluation or not analysis.blocks:
            return
        if not profile.kinds & {"invitation-to-tender", "evaluation-criteria"}:
            return
        message = None
        if profile.template_weightings:
            message = "The evaluation weightings are template fields that have not been filled in."
        anchor = analysis.first_block_about(EVALUATION_HEADING)
        yield analysis.block_finding(self.meta, anchor, message=message)
