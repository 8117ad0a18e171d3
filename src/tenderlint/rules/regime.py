"""TL804: the document cites the wrong regime for its date, its jurisdiction or its service."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

from tenderlint.analysis import Analysis
from tenderlint.document import Block
from tenderlint.findings import Finding
from tenderlint.nlp.caseless import count_up_to
from tenderlint.nlp.context import fact_context, only_names_term
from tenderlint.profile import PA2023_START
from tenderlint.rules.base import DocumentRule


def _spaced(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern whose spaces match any run of whitespace: PDF and plain-text lines wrap inside names
    ("Care\\nAct 2014")."""
    return re.compile(pattern.replace(" ", r"\s+"), flags)


def _one_line(text: str) -> str:
    return " ".join(text.split())


LEADING_PREPOSITION = re.compile(
    r"^(under|in accordance with|subject to|governed by|pursuant to|using)\s+(the\s+)?", re.I
)


def _procedure(cited: str) -> str:
    """ "under the Procurement Act 2023" or "competitive flexible procedure" -> "the Procurement Act 2023",
    "the competitive flexible procedure", to follow "runs the procurement under"."""
    return "the " + LEADING_PREPOSITION.sub("", _one_line(cited))


LEGACY = _spaced(
    r"\b(Public Contracts Regulations 2015|PCR 2015|OJEU|Official Journal of the European Union)\b", re.I
)
ENGLAND_ONLY = _spaced(
    r"\b(Care Act 2014|Public Services \(Social Value\) Act 2012|Social Value Act 2012)\b", re.I
)


# A sentence about an earlier procurement or the old law as history, not the law this one runs under.
ELSEWHERE = _spaced(
    r"(?<!\bhas\s)(?<!\bhave\s)\b(was|were|had|governed|original|previous|previously|earlier|former|formerly|existing|current|"
    r"superseded|replaced|repealed|revoked|transitional|legacy|no longer|before 24 February 2025|begun before|"
    r"(in|since|during|from) (19\d\d|20(0\d|1\d|2[0-4]))|asks? about|asked about|questions? about|(apply|applies) (only )?in England|in England only|"
    r"do(es)? not apply)\b|\?",
    re.I,
)
SENTENCE_END = re.compile(r"[.!?](\s|$)")
# A contract's own recital, capitalised as a defined term: "The Contract was awarded following…".
OWN_CONTRACT = _spaced(r"\b(This|The) (Contract|Agreement)\b (was|has been) (awarded|let|entered)")
# An existing contract still governed by the old law: "under the transitional arrangements, those
# Regulations continue to govern its modification".
TRANSITIONAL = _spaced(
    r"\b(transitional|continues? to (apply|govern)|begun before|(awarded|let|procured) in (19\d\d|20([01]\d|2[0-4])))\b",
    re.I,
)
# A document that records this procurement's award: an award notice or report, read from its opening.
AWARD_RECORD = _spaced(
    r"\b(contract award notice|award notice|UK6|UK7|contract details notice|award report|"
    r"award decision|intention to award)\b",
    re.I,
)
AWARD_RECORD_OPENING = 600  # characters
OWN_AWARD = _spaced(
    r"\b(this|the) (service|services|contract|procurement|requirement|framework)\b[^.]{0,40}\b(was|were|has "
    r"been|have been) (procured|awarded|tendered|let|advertised|conducted|run)\b",
    re.I,
)
# A later document (an award notice, a variation) that says this procurement began under the old law:
# "This procurement was commenced before 24 February 2025 and has therefore been conducted…".
BEGUN_BEFORE_ACT = _spaced(
    r"\b(this|the) (procurement|tender|tendering exercise|procurement exercise|procedure)\b[^.]{0,40}\b"
    r"(commenced|began|begun|started|launched)\b[^.]{0,20}\b(before|prior to) 24 February 2025\b",
    re.I,
)
# The Act named as the law this procurement runs under ("conducted under the Procurement Act 2023", "the
# competitive flexible procedure"), not mentioned in passing.
RUN_UNDER_ACT = _spaced(
    r"\b(under|in accordance with|subject to|governed by|pursuant to|using) (the )?(Procurement Act 2023|"
    r"PA 2023)\b|\bcompetitive flexible procedure\b",
    re.I,
)
# Health care services a council or ICB arranges under the Provider Selection Regime.
PSR_SERVICE = _spaced(
    r"\b(drug and alcohol (treatment|services?)|substance misuse (treatment|services?)|sexual (and reproductive )?"
    r"health services?|health visiting|school nursing|stop smoking services?|NHS Health Checks?|community "
    r"(health|nursing) services?)\b",
    re.I,
)
# An NHS body buying a clinical service: arranged under the Provider Selection Regime too.
NHS_BUYER = _spaced(
    r"\b(Integrated Care Boards?|ICBs?|NHS England|NHS (Foundation )?Trusts?|Clinical Commissioning Groups?)\b"
)
CLINICAL = _spaced(
    r"\b(patients?|clinical|clinicians?|physiotherap\w+|musculoskeletal|MSK|diagnos\w+|treatment|therap(y|ies)|"
    r"referral to treatment|GP practices?|primary care)\b",
    re.I,
)
MIN_CLINICAL_TERMS = 8
PSR_NAMED = _spaced(r"\b(Provider Selection Regime|PSR)\b")


def _sentence_around(text: str, start: int, end: int) -> tuple[int, str]:
    """Where the sentence holding text[start:end] begins, and that sentence."""
    starts = [m.end() for m in SENTENCE_END.finditer(text, 0, start)]
    begin = starts[-1] if starts else 0
    stop = SENTENCE_END.search(text, end)
    return begin, text[begin : stop.end() if stop else len(text)]


def _describes_other_procurement(block: Block, at: int, award_record: bool = False) -> bool:
    """A glossary entry, a question, or a sentence about an earlier contract or the old law's history;
    never a contract's own recital of how it was awarded, nor an award notice's account of how this
    service was procured (`award_record`: the document records this procurement's award)."""
    begin, sentence = _sentence_around(block.text, at, at)
    if OWN_CONTRACT.search(sentence) and not TRANSITIONAL.search(sentence):
        return False  # "The Contract was awarded following…": the past of this very contract
    if award_record and OWN_AWARD.search(sentence) and not TRANSITIONAL.search(sentence):
        return False  # an award notice: "The service was procured using the open procedure under…"
    if only_names_term(block, at) or fact_context(block.text, at, block.location.trail) in (
        "negated",
        "historical",
        "hypothetical",
        "question",
    ):
        return True
    return bool(ELSEWHERE.search(_from_clause(sentence, at - begin)))


CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|whereas)\b|\bbut\b")


def _from_clause(sentence: str, at: int) -> str:
    """`sentence` from the start of the clause holding position `at`: "the PSR does not apply, and the
    service will be procured under the Act" says nothing against the Act, which is in the second clause."""
    return sentence[max((m.end() for m in CLAUSE_BREAK.finditer(sentence) if m.end() <= at), default=0) :]


# "the Provider Selection Regime does not apply", "considered whether the PSR applies": named, not followed.
PSR_SET_ASIDE = _spaced(
    r"\b((does|do|will|would) not (apply|be applied)|not applicable|whether|outside (the )?scope|rather than)\b",
    re.I,
)


# The regime named as the one this procurement runs under.
PSR_APPLIED = _spaced(
    r"\b(under|in accordance with|pursuant to|governed by|follows?|following|using|applying) (the )?"
    r"(Health Care Services \(Provider Selection Regime\) Regulations 2023|Provider Selection Regime|PSR)\b|"
    r"\b(direct award process [abc]|most suitable provider process|competitive process)\b",
    re.I,
)


def _health_service(text: str) -> bool:
    """A health care service, arranged under the Provider Selection Regime, that does not say it follows it."""
    return (
        count_up_to(PSR_SERVICE, text, 2) >= 2
        or (
            NHS_BUYER.search(text) is not None
            and count_up_to(CLINICAL, text, MIN_CLINICAL_TERMS) >= MIN_CLINICAL_TERMS
        )
    ) and not _follows_psr(text)


def _follows_psr(text: str) -> bool:
    """Whether the document follows the Provider Selection Regime: it names it without setting it aside or,
    where it argues it away somewhere ("the Council has concluded that the PSR does not apply"), says
    elsewhere that this procurement runs under it. A document that only argues it away, however much it
    describes the regime, still buys a health care service under the wrong law."""
    kept, set_aside = [], False
    for match in PSR_NAMED.finditer(text):
        sentence = _sentence_around(text, match.start(), match.end())[1]
        if PSR_SET_ASIDE.search(sentence):
            set_aside = True
        else:
            kept.append(sentence)
    return any(not set_aside or PSR_APPLIED.search(sentence) for sentence in kept)


class RegimeMismatch(DocumentRule):
    definition: ClassVar[dict] = {
        "code": "TL804",
        "name": "regime-mismatch",
        "severity": "warning",
        "message": "The document cites rules that do not govern it.",
        "rationale": (
            "Procurements begun on or after 24 February 2025 are governed by the Procurement Act 2023, not the "
            "Public Contracts Regulations 2015 or OJEU notices; Welsh authorities commission under the Social "
            "Services and Well-being (Wales) Act 2014, not the Care Act 2014. Citing the wrong regime leads to "
            "wrong procedures and needless constraints."
        ),
        "fix": (
            "Decide the regime from the procurement's start date, the jurisdiction and the service type, then "
            "cite that regime: the Procurement Act 2023 for new procurements in England, the Welsh Act and code "
            "of practice in Wales, the Provider Selection Regime for NHS health care services."
        ),
        "citations": ["pcr2015-scope-legacy", "pr2024-reg43-health"],
        "alt-citations": {"wales": ["sswwa2014-s15-16"]},
        "examples": {
            "fail": [
                "Issued 1 May 2026. This procurement is run under the Public Contracts Regulations 2015.",
                "Dated 3 March 2025. A contract notice will be published in the OJEU.",
            ],
            "pass": [
                "Issued 1 May 2026. This procurement is not run under the old rules but the Procurement Act 2023.",
                "Issued 1 May 2024. This procurement is run under the Public Contracts Regulations 2015.",
            ],
        },
    }

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        start = analysis.profile.start_date
        late = start is not None and start >= PA2023_START and not BEGUN_BEFORE_ACT.search(analysis.full_text)
        wales = analysis.jurisdiction == "wales"
        award_record = bool(AWARD_RECORD.search(analysis.full_text[:AWARD_RECORD_OPENING]))
        for index, block in enumerate(analysis.blocks if late or wales else ()):
            legacy = late and next(
                (
                    m
                    for m in LEGACY.finditer(block.text)
                    if not _describes_other_procurement(block, m.start(), award_record)
                ),
                None,
            )
            if legacy:
                message = (
                    f"The document is dated {start:%-d %B %Y}, after the Procurement Act 2023 took effect, "
                    f"but cites {_one_line(legacy.group(0))}."
                )
                evidence = {
                    "values": {"procurement_start": start.isoformat(), "cites": _one_line(legacy.group(0))}
                }
                yield analysis.block_finding(
                    self.meta, index, message=message, match=legacy.group(0), evidence=evidence
                )
                return
            england = ENGLAND_ONLY.search(block.text) if wales else None
            if england and not _describes_other_procurement(block, england.start(), award_record):
                message = f"Welsh commissioning is governed by the Welsh Act, but the document cites {_one_line(england.group(0))}."
                yield analysis.block_finding(self.meta, index, message=message, match=england.group(0))
                return
        yield from self._wrong_act(analysis, award_record)

    def _wrong_act(self, analysis: Analysis, award_record: bool) -> Iterable[Finding]:
        """The Procurement Act named as this procurement's law where it does not apply: a Scottish council
        (a devolved Scottish authority), or a health care service that follows the Provider Selection Regime."""
        scottish = analysis.jurisdiction == "scotland"
        if not (scottish or _health_service(analysis.full_text)):
            return
        for index, block in enumerate(analysis.blocks):
            cited = RUN_UNDER_ACT.search(block.text)
            if cited is None or _describes_other_procurement(block, cited.start(), award_record):
                continue
            if scottish:
                message = (
                    "A Scottish council procures under the Public Contracts (Scotland) Regulations 2015, not the "
                    f"Procurement Act 2023, but the document runs the procurement under {_procedure(cited.group(0))}."
                )
                citation = "pa2023-s2-devolved-scottish"
            else:
                message = (
                    "This is a health care service, which is arranged under the Provider Selection Regime, but "
                    f"the document runs the procurement under {_procedure(cited.group(0))}."
                )
                citation = "pr2024-reg43-health"
            finding = analysis.block_finding(self.meta, index, message=message, match=cited.group(0))
            if citation in analysis.registry:
                finding.citations = (citation,)
            yield finding
            return
