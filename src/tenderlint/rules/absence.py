"""Rules about something a care procurement document should contain but does not.

They only run on documents profiled as a specification, tender or contract for a care or support
service, so guides, reports and the seed texts never trigger them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

from tenderlint.analysis import Analysis
from tenderlint.findings import Finding
from tenderlint.nlp.caseless import caseless
from tenderlint.rules.base import DocumentRule

# A minimal care specification used by the examples below: it has the voice of one (obligations).
SPEC = (
    "Home care service specification. The provider shall deliver care services to adults. "
    "The provider shall keep records. The provider shall attend review meetings."
)


class AbsenceRule(DocumentRule):
    """Fires once, on the document's first block, when none of `required` appears anywhere."""

    required: ClassVar[re.Pattern[str]]
    kinds: ClassVar[frozenset[str]] = frozenset({"specification", "invitation-to-tender", "contract"})

    def applies(self, analysis: Analysis) -> bool:
        """A care document of one of `kinds`."""
        profile = analysis.profile
        return profile.care_service and bool(profile.kinds & self.kinds)

    def covers(self, analysis: Analysis) -> bool:
        return analysis.document_matches(self.required)

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        if not self.applies(analysis):
            return
        if analysis.blocks and not analysis.document_matches(self.required):
            evidence = {"searched": "whole document", "wordings found": 0}
            yield analysis.block_finding(self.meta, analysis.title_block, evidence=evidence)


# Who evaluates: where evaluation criteria name a panel, people who use the service should be on it.
EVALUATORS = caseless(r"\b(evaluation panel|panel of|evaluators?|moderation|moderated)\b")


class NoCoproduction(AbsenceRule):
    def applies(self, analysis: Analysis) -> bool:
        profile = analysis.profile
        names_panel = "evaluation-criteria" in profile.kinds and analysis.document_matches(EVALUATORS)
        return super().applies(analysis) or (profile.care_service and names_panel)

    required = caseless(
        r"\b(co-?produc\w*|co-?design\w*|lived experience|experts? by experience|people who (draw on|use|receive)|"
        r"service users? (will|are|were) (be )?involved|user[- ]led|involv\w+ (people|service users|carers)|"
        r"(design|steering|reference|advisory) group|(tenants?|residents?|members|people who use|service users?|"
        r"carers|experts?)\b[^.]{0,80}?\b(sit|sat|sits|serve|join|joined) on the (evaluation )?panel|"
        r"(evaluation )?panel\b[^.]{0,40}?\b(include|includes|including)\b[^.]{0,50}?\b(tenants?|residents?|"
        r"service users?|carers?|people|experts?|members|parents|pupils)|(workshops?|sessions?|focus groups?) with (tenants|residents|"
        r"people|carers|service users|families)|their views shaped|(tenants|residents|people who use \w+|carers|"
        r"service users) (helped|shaped|designed|wrote|co-wrote) |(tenants|residents|carers|service users|users|"
        r"people)['’]? (forum|panel|council|board|reference group|network)|nominate \w* ?(tenants|residents|"
        r"carers|people|service users) to (attend|join|sit)|(developed|designed|written|shaped|co-designed|agreed) "
        r"(with|by) (young people|people|carers|residents|tenants|families|service users|experts|members)|"
        r"(developed|designed|written|shaped|co-designed) (with|by) (the )?[^.]{0,60}?\b(care leavers|children in care "
        r"council|young people['’]s (forum|panel|council)|(carers|tenants|residents|service users|people)['’]? "
        r"(forum|panel|council|board|group))|"
        r"panel of (\w+ )?(carers|tenants|residents|people|young people|experts|service users)|(tenants|residents|"
        r"people who use \w+|carers|families|service users)\b[^.]{0,60}\b(invited|involved|contribute|take part|"
        r"participate)\b|(parents?|carers?|young people|children|families|people|residents|tenants)( and \w+)? "
        r"(told|tell) us|\binvolved in (planning|designing|shaping|reviewing|evaluating|choosing|the design)|"
        r"(developed|designed|written|shaped|produced)\b[^.]{0,60}\bwith (the )?[^.]{0,40}\b(forum|ambassadors|"
        r"young people|parents|carers|families|people who)\b|parent carer forum|making it real)",
    )
    definition: ClassVar[dict] = {
        "code": "TL601",
        "name": "no-co-production",
        "severity": "warning",
        "message": "People who use the service are absent from its design, evaluation and review.",
        "rationale": (
            "The well-being duty starts from the view that people know best what they need. A document that never "
            "mentions co-production, lived experience or people who draw on care signals that they had no part in "
            "designing the service, will not sit on the evaluation panel and will not review it. For light touch "
            "services the Act lets award criteria reflect the views of the people receiving the service."
        ),
        "fix": (
            "Say how people who draw on care and their carers shaped the specification, include them on the "
            "evaluation panel (for example scoring an interview question), and build them into contract review."
        ),
        "citations": ["careact-s1-wellbeing", "pa2023-s23-6-light-touch-criteria"],
        "alt-citations": {"wales": ["sswwa2014-s15-16"]},
        "examples": {
            "fail": [
                f"{SPEC} The Council designed the model.",
                f"{SPEC} Officers will evaluate the tenders.",
            ],
            "pass": [
                f"{SPEC} We will not design it without people who draw on care services.",
                f"{SPEC} Experts by experience sit on the evaluation panel.",
                f"{SPEC} The service is reviewed with a panel, which includes representatives of parents and carers.",
                f"{SPEC} The service follows the Making It Real framework.",
            ],
        },
    }


class FairWorkAbsent(AbsenceRule):
    required = caseless(
        r"\b(living wage|minimum wage|travel time|fair work|ethical care charter|terms and conditions of "
        r"(employment|staff)|zero[- ]hours?|pay (rates|levels) (for|of) (care )?(workers|staff))",
    )
    definition: ClassVar[dict] = {
        "code": "TL702",
        "name": "fair-work-terms-absent",
        "severity": "warning",
        "message": "The document says nothing about care workers' pay, travel time or fair work terms.",
        "rationale": (
            "Care is delivered by people. Where a specification is silent on pay, travel time and contracts, "
            "providers bidding low can pay only for contact time, which breaches minimum wage law and drives "
            "turnover. The Care Act's market duty expects a workforce with appropriate working conditions."
        ),
        "fix": (
            "Require pay at least at the National (or Real) Living Wage including travel and training time, say "
            "how the price allows for it, and score fair work commitments (for example guaranteed hours)."
        ),
        "citations": ["careact-s5-market-shaping"],
        "alt-citations": {"wales": ["sswwa2014-s15-16"]},
        "examples": {
            "fail": [f"{SPEC} Care calls are paid per visit.", f"{SPEC} Rates are set by the Council."],
            "pass": [
                f"{SPEC} No care worker will be paid below the Real Living Wage, and travel time is paid.",
                f"{SPEC} The provider will sign up to the Ethical Care Charter.",
            ],
        },
    }


class EqualityBlind(AbsenceRule):
    required = caseless(
        r"\b(equalit(y|ies)|eqia|"
        r"protected characteristics?|public sector equality duty|accessibility|first language|"
        r"accessible (formats?|information)|interpret(er|ers|ing)|british sign language|bsl|easy read|"
        r"welsh language|reasonable adjustments?)\b",
    )
    definition: ClassVar[dict] = {
        "code": "TL703",
        "name": "equality-blind",
        "severity": "warning",
        "message": "No equality analysis, accessibility or interpreting requirement is mentioned.",
        "rationale": (
            "Commissioning decisions are subject to the public sector equality duty, and people who draw on care "
            "include many who need information in accessible formats, interpreters or reasonable adjustments. A "
            "specification silent on all of these is unlikely to have paid the duty due regard."
        ),
        "fix": (
            "Refer to the equality impact assessment for the service, require accessible information and "
            "interpreting (including BSL), and ask for outcomes to be monitored by protected characteristic."
        ),
        "citations": ["eqa2010-s149"],
        "examples": {
            "fail": [f"{SPEC} Information will be sent by post.", f"{SPEC} The provider will keep records."],
            "pass": [
                f"{SPEC} No one will go without information in accessible formats.",
                f"{SPEC} Information must be available in easy read and through interpreters where needed.",
            ],
        },
    }


class NoMarketEngagement(AbsenceRule):
    kinds = frozenset({"specification", "invitation-to-tender"})
    required = caseless(
        r"\b(market engagement|providers?( and [\w-]+)? (forum|forums|event|events|engagement|workshops?)|"
        r"engagement (events?|sessions?|days?|workshops?)|soft market testing|"
        r"market position statement|market sounding|engaged? with (providers|the market|the sector)|"
        r"consulted (with )?(providers|the market)|"
        # providers among those the model was designed with: "written with … four provider organisations"
        r"(written|designed|developed|co-?produced|co-?designed|shaped) (with|by)\b[^.]{0,200}\bprovider(s| organisations)|"
        r"(design|steering|reference|working) group\b[^.]{0,200}\bprovider(s| organisations))\b",
    )
    definition: ClassVar[dict] = {
        "code": "TL802",
        "name": "no-market-engagement",
        "severity": "info",
        "message": "There is no sign that providers or partners were engaged before the model was fixed.",
        "rationale": (
            "The Care Act's market-shaping duty and the Act's preliminary market engagement provisions expect "
            "dialogue with providers and partners before requirements are set. A tender that appears from nowhere "
            "misses what the market knows and disadvantages small providers who needed time to prepare."
        ),
        "fix": (
            "Run and record market engagement (provider events, soft market testing, the market position "
            "statement), publish a preliminary market engagement notice, and say here what changed as a result."
        ),
        "citations": ["pa2023-s16-17-market-engagement", "careact-s5-market-shaping"],
        "examples": {
            "fail": [f"{SPEC} The Council has determined the model.", f"{SPEC} Tenders are due in May."],
            "pass": [
                f"{SPEC} The model was not fixed until after two provider events.",
                f"{SPEC} The market position statement sets out the Council's intentions.",
                f"{SPEC} The model follows a provider and community engagement event held in June.",
            ],
        },
    }


class PreventionAbsent(AbsenceRule):
    kinds = frozenset({"specification"})
    required = caseless(
        r"\b(prevent\w*|reablement|early (help|intervention|action)|delay(ing)? (the )?need|reduc\w+ (the )?need|"
        r"independen\w+|strengths?[- ]based|community (assets|resources|connections|groups|places|activities|life)|"
        r"crisis|noticed early|early (help|support|intervention|action)|lonel\w+|isolat\w+|"
        r"connect\w* (them|people|residents|tenants) (with|to)|new skills|stay(ing)? (well|healthy|at home))",
    )
    definition: ClassVar[dict] = {
        "code": "TL305",
        "name": "prevention-absent",
        "severity": "info",
        "message": "The specification says nothing about prevention, independence or community resources.",
        "rationale": (
            "Councils must take steps to prevent, delay or reduce needs for care, drawing on resources already in "
            "the community. A specification with no prevention or independence aim buys only the managing of need."
        ),
        "fix": (
            "Add prevention and independence outcomes (for example regaining skills after a hospital stay), and "
            "ask providers how they will connect people with community groups and resources."
        ),
        "citations": ["careact-s2-prevention"],
        "alt-citations": {"wales": ["sswwa2014-s15-16"]},
        "examples": {
            "fail": [f"{SPEC} Tasks are listed in each care plan.", f"{SPEC} Calls follow the rota."],
            "pass": [
                f"{SPEC} Support aims to prevent needs growing, not only to meet them.",
                f"{SPEC} Providers will connect people with community resources to prevent needs growing.",
            ],
        },
    }
