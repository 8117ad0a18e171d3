"""TL304: people and places described only by needs and deficits, never by strengths or aspirations."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

from tenderlint.analysis import Analysis
from tenderlint.findings import Finding
from tenderlint.nlp.caseless import caseless, count_up_to
from tenderlint.rules.base import DocumentRule

DEFICIT = caseless(
    r"\b(deficits?|dependen\w+|problems?|vulnerable|frail\w*|burden\w*|suffer\w*|challenging behaviou?rs?|"
    r"unable to|cannot manage|incapable|service users?|complex (needs|behaviou?rs?|cases?)|high levels? of (need|"
    r"dependency|risk)|lack (of|the) (capacity|insight|skills|ability)|chaotic|difficult behaviou?rs?|"
    r"without supervision|at risk of)\b",
)
STRENGTH = caseless(
    r"\b(strengths?|assets?|aspirations?|abilit(y|ies)|skills|interests|contribut\w+|resilien\w+|"
    r"what matters|goals?|hopes|independen\w+|capabilit\w+|talents?|good life|community connections)\b",
)
# A description of the people the service is for, made of a list of problems: "Clients will typically
# have complex needs including substance misuse, mental ill health, offending histories and rent arrears".
COHORT = caseless(
    r"\b(people|clients|service users|residents|tenants|young people|children|adults|individuals|households|"
    r"families|the cohort|users|those (referred|supported|using)|many|most|some|several|they)\b[^.;:]{0,60}\b(will|may|are likely to|often|"
    r"typically|tend to|usually|have|has|had|present|presenting|with|who|whose|include|includes|including)\b",
)
PROBLEM = caseless(
    r"\b(complex (needs|behaviou?rs?)|challenging behaviou?rs?|behaviours? that challenge|high levels? of "
    r"(need|dependency|risk)|dependency|frailty|substance misuse|drug and alcohol (use|misuse)|mental ill[- ]health|"
    r"offending( histories| behaviour)?|rent arrears|anti-?social behaviou?r|chaotic( lifestyles?)?|self-harm|"
    r"emotional and behavioural difficulties|cognitive impairment|incontinence|continence needs|aggression|"
    r"disengage\w*|non-engagement|risk-taking|debt|homelessness|trauma)\b",
)
MIN_PROBLEMS_LISTED = 3
MIN_PROBLEMS_WITHOUT_STRENGTHS = 2
MIN_DEFICIT_TERMS = 5
# Strengths in passing ("promote independence" once) do not balance a document written in deficits.
DEFICITS_PER_STRENGTH = 6


class DeficitOnlyLanguage(DocumentRule):
    definition: ClassVar[dict] = {
        "code": "TL304",
        "name": "deficit-only-language",
        "severity": "info",
        "message": "People are described only by their needs and problems, never by their strengths or goals.",
        "rationale": (
            "How a specification describes people shapes the service bought. Language made only of needs, "
            "dependency and problems buys maintenance of need; the well-being and prevention duties point at "
            "what people can do, what matters to them and the community around them."
        ),
        "fix": (
            "Describe people's strengths, goals and connections alongside their needs (for example 'support "
            "that builds on what people can do and helps them stay connected to their community')."
        ),
        "citations": ["careact-s1-wellbeing", "careact-s2-prevention"],
        "examples": {
            "fail": [
                "Home care service specification for care services. Service users have complex needs. Service "
                "users are vulnerable and frail. Their needs include personal care needs, dependency on others "
                "and problems with mobility. Needs are assessed and service users with eligible needs are referred.",
                "Home care services for service users with needs. Needs vary: dependency, frailty, problems with "
                "memory. Vulnerable service users suffer isolation. Needs are reviewed. Needs are met by social care calls.",
                "Floating support service for housing-related support. Clients will typically have complex needs "
                "including substance misuse, mental ill health, offending histories and rent arrears.",
            ],
            "pass": [
                "Home care service specification for care services. People have needs, but also strengths and "
                "goals: support builds on what matters to them. Needs are assessed with the person.",
                "Care services for adults. Support is not framed by needs alone: it helps people use their "
                "skills and stay independent. Needs, problems and dependency are reviewed with them.",
                "Floating support service for housing-related support. Clients may have experience of substance "
                "misuse, mental ill health or rent arrears, and bring skills, hopes and goals we build on.",
            ],
        },
    }

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        if not analysis.profile.care_service or not analysis.blocks:
            return
        deficits = analysis.count_in_blocks(DEFICIT)
        strengths = analysis.count_in_blocks(STRENGTH)
        if deficits >= MIN_DEFICIT_TERMS and strengths * DEFICITS_PER_STRENGTH < deficits:
            yield analysis.block_finding(self.meta, analysis.title_block)
            return
        # A document with no word at all for what people bring is read in its deficits sooner.
        listed = _problem_list(analysis, MIN_PROBLEMS_LISTED if strengths else MIN_PROBLEMS_WITHOUT_STRENGTHS)
        if listed is not None:
            index, sentence = listed
            message = "The people the service is for are described by a list of problems, with no strengths beside it."
            yield analysis.block_finding(self.meta, index, message=message, match=sentence)


def _problem_list(analysis: Analysis, minimum: int) -> tuple[int, str] | None:
    """The first sentence that describes the people served as a list of at least `minimum` problems, in
    a paragraph that says nothing of their strengths or goals."""
    for index, block in enumerate(analysis.blocks):
        text = block.text
        if count_up_to(PROBLEM, text, minimum) < minimum or STRENGTH.search(text):
            continue
        for sentence in re.split(r"(?<=[.;])\s+", text):
            problems = {m.group(0).lower() for m in PROBLEM.finditer(sentence)}
            if len(problems) >= minimum and COHORT.search(sentence):
                return index, sentence.strip()[:200]
    return None
