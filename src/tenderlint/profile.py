"""Profile a document: what kind it is, which sections it has, and the numbers rules need.

Weightings come from tables (label in one cell, percentage in another, or a number under a
"Weighting (%)" column) and from prose ("evaluated on price (70%) and quality (30%)").
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from tenderlint.document import Block, BlockKind, Document
from tenderlint.nlp.caseless import caseless, count_up_to
from tenderlint.nlp.context import (
    DEFINITION_SECTION,
    HISTORICAL_SECTION,
    HYPOTHETICAL_SECTION,
    chosen_options,
    fact_context,
    only_names_term,
)
from tenderlint.nlp.quantities import (
    NUMBER_WORDS,
    first_number,
    labelled_weightings,
    point_weightings,
    ratio_weightings,
)
from tenderlint.notice_fields import (
    NoticeRecords,
    criterion_of,
    field_label,
    inline_records,
    is_field,
    start_and_end,
)

CRITERIA = (
    (
        "social_value",
        caseless(r"\bsocial[\s,-]+(and environmental\s+)?value\b|\bcommunity benefits?\b|\bfair work\b"),
    ),
    (
        "price",
        caseless(r"\b(price|pricing|cost|costs|commercial|financial (offer|submission)|charges?)\b"),
    ),
    ("quality", caseless(r"\b(quality|technical|method statements?|service delivery)\b")),
)
PERCENT = caseless(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*(?:%|per\s*cent\b|percent\b)")
BARE_NUMBER = re.compile(r"^\s*(\d{1,3}(?:\.\d+)?)\s*$")
CRITERION_WORDS = (
    r"price|pricing|cost|commercial|quality|technical|social value|social and environmental value|"
    r"community benefits?|fair work(?: first)?"
)
PROSE_FORWARD = caseless(
    rf"\b({CRITERION_WORDS})\b[^.;%\d]{{0,30}}?(\d{{1,3}}(?:\.\d+)?)\s*(?:%|per\s*cent|percent)"
)
# "Social value is evaluated as part of the Quality weighting and carries 10% of the total marks": a
# weighting verb lets the percentage sit further from its criterion.
PROSE_CARRIES = caseless(
    rf"\b({CRITERION_WORDS})\b[^.;%\d]{{30,80}}?\b(?:carr(?:y|ies)|worth|weighted at|accounts? for|"
    rf"represents?|makes? up)\s+(\d{{1,3}}(?:\.\d+)?)\s*(?:%|per\s*cent|percent)"
)
PROSE_BACKWARD = caseless(
    rf"(\d{{1,3}}(?:\.\d+)?)\s*(?:%|per\s*cent|percent)\s*(?:weighting\s+)?(?:for|on|to|of\s+the\s+\w+\s+(?:for|on))?"
    rf"\s*(?:the\s+)?({CRITERION_WORDS})\b",
)
# What every match of the forward and backward patterns, and of the labelled one, contains: a plain
# search for it passes over most paragraphs much faster than the patterns fail on them.
PERCENT_WORD = caseless(r"%|cent")
WEIGHT_WORD = caseless(r"weight")
# Notice style: "Quality criterion - Name: Technical / Weighting: 70", "Price - Weighting: 30".
PROSE_LABELLED = caseless(
    rf"\b({CRITERION_WORDS})\b[^.;\n%]{{0,80}}?\bweight(?:ing|ed)(?:\s+(?:at|of))?\s*[:=-]?\s*(\d{{1,3}}(?:\.\d+)?)(?!\s*%)(?![\d.]*\s*(?:days|weeks|months|years))\b",
)
# Where the last sentence of a paragraph starts: a list's lead-in is the sentence before the colon.
LAST_SENTENCE = re.compile(r"(?<=[.!?])\s+")
EVALUATION_CONTEXT = caseless(
    r"\b(weight\w*|evaluat\w*|scor\w*|award criteria|criteri\w*|marks?|assess\w*)\b"
)
EVALUATION_HEADING = caseless(r"\b(evaluation|award criteria|assessment criteria|scoring|weightings?)\b")
EVALUATION_TALK = caseless(r"\b(award criteria|evaluation criteria|weightings?|will be (evaluated|scored))\b")
TEMPLATE_FIELD = re.compile(
    r"«[^»]*»|\[(insert|enter|xx)[^\]]*\]|\bX+%|\bX+ (days|months|years|weeks)\b", re.I
)
# What a placeholder stands for: a weighting, a term, a period, a payment or a figure.
TEMPLATE_SUBJECT = caseless(r"weight|marks|term|period|duration|days|months|years|payment|price|%")
TOTAL_ROW = caseless(r"^\s*(total|overall|maximum|max\.?)\b")
DATE = caseless(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\s+(20\d\d)\b",
)
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
PA2023_START = date(2025, 2, 24)
NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(20\d\d)\b")
# The label before a date that makes it a notice's publication date, or its deadline for tenders.
# A publication date that belongs to another paper: this log's version, an update, a clarification.
TENDER_NOTICE = caseless(
    r"\b(tender notice|contract notice|uk4|invitation to tender|itt|opportunity|advert\w*)\b"
)
ANOTHER_PAPER = caseless(r"\b(log|version|updated?|revised|revision|amended|amendment|clarifications?)\b")
PUBLISHED = caseless(
    r"\b(published(?: date)?|publication date(?: of (?:the |this )?(?:tender |contract )?notice)?|date of dispatch(?: of this notice)?|date of publication|"
    r"issue date|date issued|issued(?: on)?)(?: (?:on|in|via|through) (?:the )?[a-z][\w ]{0,30}?)?\s*(?:on)?[:\s]*$",
)
DEADLINE = caseless(
    r"\b(submission deadline|tender deadline|deadline for (tenders|submissions?|bids|responses)|closing date"
    r"(?: for (tenders|submissions?|bids))?|time limit for receipt of tenders[^:]*|tenders? (must|should) be "
    r"(received|submitted) by|return date)\b[^.]{0,30}?$",
)


def dates_in(text: str) -> list[tuple[date, int]]:
    """Every date written "3 March 2026" or "03/03/2026" (day first), with where it starts."""
    if "20" not in text:
        return []  # both ways of writing a date end in a year "20dd": most paragraphs are passed over at once
    found = []
    for match in DATE.finditer(text):
        day, month, year = match.groups()
        try:
            found.append((date(int(year), MONTHS.index(month.lower()) + 1, int(day)), match.start()))
        except ValueError:
            continue
    for match in NUMERIC_DATE.finditer(text):
        day, month, year = (int(g) for g in match.groups())
        try:
            found.append((date(year, month, day), match.start()))
        except ValueError:
            continue
    return sorted(found, key=lambda item: item[1])


# A date that is the document's own: when it was issued, published or dated.
ISSUE_CUE = caseless(
    r"\b(issued?|issue date|published|publication|dated?|date of (this|issue)|version|prepared|"
    r"last (updated|revised)|effective from)\b",
)
NUM = rf"(\d{{1,3}}|{NUMBER_WORDS})"
TERM_CONTEXT = caseless(
    r"\b(contract|agreement|framework|term|duration|period|run|runs|last|lasts|initial|length)\b"
)
TERM = caseless(
    rf"\b{NUM}(?:\s*\(\d+\))?\s*(?:(?:academic|contract|financial|calendar)\s+)?(?P<unit>years?|months?)(?P<ext>(?:\s*(?:\+|plus)\s*{NUM}\s*(?:years?|months?)?)*)",
)
PLUS_TERM = caseless(rf"\b{NUM}\s*\+\s*{NUM}(?:\s*\+\s*{NUM})?(?:\s*(?P<unit>years?|months?))?")
NOT_CONTRACT_TERM = caseless(
    r"\b(mobilisation|implementation|notice|consultation|standstill|transition|probation\w*|warranty|"
    r"defects|retention|invoice|payment|response|tender period|clarification)\b",
)
# "every 6 months", "within 12 months": a frequency or deadline, not a term.
# "six (6) months' written notice": a notice period, whatever came before it.
NOTICE_AFTER = caseless(r"['’]?\s*(?:prior\s+|written\s+|clear\s+)*notice\b")
RECURRING = caseless(
    r"\b(every|each|within|after|before|per|than|up to|at least|of the|last|past|previous|first)\s*$"
)
EXTENSION = caseless(rf"(?:\+|plus)\s*{NUM}")
# Notice style: "Duration in months: 12", "Contract length (years): 2".
# "a one-year contract", "a 12-month agreement": the term named in the noun phrase itself.
TERM_ADJECTIVE = caseless(
    rf"\b{NUM}[\s-](?P<unit>year|month)[\s-](?:long\s+)?(?:contract|agreement|call-off|service contract)\b",
)
# "1 July 2025 to 30 June 2026": a term given as its first and last days.
DATE_RANGE = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Z][a-z]+)\s+(20\d\d)\s*(?:to|until|–|-|and)\s*"
    r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Z][a-z]+)\s+(20\d\d)\b"
)
RANGE_IS_TERM = caseless(r"\b(contract|agreement|term|duration)\b")
RANGE_IS_PROCESS = caseless(
    r"\b(engagement|consultation|tender(ing)?|bid(ding)?|mobilisation|implementation|submission|"
    r"clarification|evaluation|standstill|transition|pilot)\b",
)
# Under a framework or dynamic purchasing system, the service is delivered through call-offs: their
# term is the one that matters to providers and the people they support.
CALL_OFF_TERM = caseless(
    rf"\b(?:call[- ]off (?:contracts?|agreements?)|individual (?:contracts?|placements?))\b[^.]{{0,60}}?"
    rf"\b(?:for|of|last|run)\s+(?:a (?:period|term) of\s+)?(?:up to\s+)?{NUM}(?:\s*\(\d+\))?[\s-]*"
    rf"(?P<unit>years?|months?)",
)
LABELLED_TERM = caseless(
    r"\b(?:duration|term|length|period)(?: of the contract)?\s*(?:in|\()\s*(?P<unit>months|years)\)?\s*[:=-]?\s*"
    r"(?P<n>\d{1,3})\b",
)
# "Bidders must have delivered advocacy under contract for a minimum of three years": a bidder's
# experience, not the contract's term.
EXPERIENCE = caseless(
    r"\b(experience|track record|trading|(?:have|has) (?:been |successfully )?"
    r"(?:delivered|provided|operated|held|run|worked|traded|managed))\b"
)
# "may extend ... for a further 24 months": the number is an extension, not the initial term.
EXTENSION_WORDS = caseless(r"\b(extend\w*|extension|further|additional|renew\w*)\b[^.]*$")
# What kind of document this is: each signal is counted across the whole text.
KIND_SIGNALS = {
    "specification": caseless(
        r"\b(service specification|specification|statement of requirements?|service requirements)\b"
    ),
    "invitation-to-tender": caseless(
        r"\b(invitation to tender|instructions to (bidders|tenderers)|tender submission|bid pack|how to bid|"
        r"further competition|request for quotation)\b",
    ),
    "contract": caseless(r"\b(this (agreement|contract)|the parties|terms and conditions|hereby)\b"),
}
FOREIGN = re.compile(
    r"\b(FAR|Federal Acquisition Regulation|U\.S\.|United States|GSA|Code of Federal Regulations)\b"
)
UK = re.compile(
    r"£|\b(Council|NHS|Procurement Act|Public Contracts Regulations|Crown Commercial|local authority|Borough|"
    r"United Kingdom|England|Wales|Scotland|Northern Ireland|UK)\b"
)
OBLIGATION = caseless(
    r"\b(the )?(service )?(provider|contractor|supplier|bidder|tenderer)s? (shall|must|will)\b"
)
# Signs that a document is made in Wales or Scotland: two different ones are needed ("England and Wales"
# alone is not one).
NATION_SIGNS = {
    # Lookarounds, not \b: several signs begin or end with a bracket ("(Scotland) Act 1994").
    "wales": re.compile(
        r"(?<!\w)(Social Services and Well-being \(Wales\) Act|Sell2Wales|Welsh Government|Llywodraeth Cymru|Cyngor|"
        r"Welsh language|Regulation and Inspection of Social Care \(Wales\)|Care Inspectorate Wales|"
        r"Public Procurement \(Wales\)|Wales Procurement Policy Statement|Cymraeg)(?!\w)"
    ),
    "scotland": re.compile(
        r"(?<!\w)(Public Contracts Scotland|Procurement Reform \(Scotland\) Act|Public Contracts \(Scotland\) "
        r"Regulations|Scottish Government|Care Inspectorate(?! Wales)|Social Care \(Self-directed Support\) "
        r"\(Scotland\)|Health and Social Care Partnership|\(Scotland\) (?:Act|Regulations) \d{4}|Scottish Living Wage)(?!\w)"
    ),
}
# A word every sign of a nation names: a document without one of them shows no sign, and the search for
# the signs (a dozen capitalised names, tried at every word) is left out.
NATION_WORDS = {
    "wales": ("Wales", "Welsh", "Cymru", "Cyngor", "Cymraeg"),
    "scotland": ("Scotland", "Scottish", "Care Inspectorate", "Health and Social Care Partnership"),
}
CARE = caseless(
    r"\b(social care|home care|domiciliary|care and support|care services?|care workers?|carers?|supported living|"
    r"day (opportunities|services)|care packages?|personal care|reablement|home support|befriending|"
    r"support workers?|floating support|housing[- ]related support|tenancy (support|sustainment)|supported "
    r"(housing|accommodation)|support hours|recovery support|outreach support)\b",
)


@dataclass
class Weighting:
    criterion: str
    percent: float
    block_index: int


@dataclass
class Profile:
    weightings: list[Weighting] = field(default_factory=list)
    has_evaluation_section: bool = False
    # The document talks about evaluating tenders (criteria, scoring), with or without numbers.
    discusses_evaluation: bool = False
    # Weightings left as template fields («Insert_…», [insert]) rather than numbers.
    template_weightings: bool = False
    # Unfilled placeholders where a weighting, term, period or figure should be: not stated, never judged.
    template_fields: list[str] = field(default_factory=list)
    dates: list[date] = field(default_factory=list)
    # The procurement's own date: the issue or publication date where one is labelled, else the first date.
    start_date: date | None = None
    # A notice's publication date and its deadline for tenders, when both are labelled.
    published: date | None = None
    deadline: date | None = None
    deadline_block: int | None = None
    cites_pcr2015: bool = False
    cites_pa2023: bool = False
    kinds: set[str] = field(default_factory=set)
    # Strict: the document is about a care or support service (gates absence rules).
    care_service: bool = False
    # Loose: care is in play at all (gates wording rules about paying for care).
    care_context: bool = False
    # A document from another country's procurement system: UK rules do not apply.
    non_uk: bool = False
    # "wales" or "scotland" when the document shows it is made there, else "england".
    jurisdiction: str = "england"
    # Contract term: initial months, extension months, and the block that states it.
    term_months: float | None = None
    extension_months: float = 0
    term_block: int | None = None
    # The term of each call-off under a framework or DPS, where the document states one.
    call_off_months: float | None = None
    call_off_block: int | None = None
    # The options a paper recommends or a board chose ("2" for "approve Option 2"): what is said under
    # them is the course taken, not an option considered.
    chosen_options: frozenset[str] = frozenset()

    def flag(self, name: str) -> bool:
        """Profile facts a YAML rule can require with `if-profile` (asked for every match, so only the
        fact named is read)."""
        return PROFILE_FLAGS[name](self)

    def weighting(self, criterion: str) -> float | None:
        values = [w.percent for w in self.weightings if w.criterion == criterion]
        return sum(values) if values else None

    @property
    def states_evaluation(self) -> bool:
        return bool(self.weightings)

    @property
    def tender_window_days(self) -> int | None:
        """Days from publication to the tender deadline, when the document states both."""
        if self.published and self.deadline and self.deadline > self.published:
            return (self.deadline - self.published).days
        return None

    def regime_basis(self) -> str:
        """Why `detected_regime` chose what it did, in words for `tenderlint profile`."""
        start = f"dated {self.start_date.isoformat()}" if self.start_date else "no date found"
        if self.detected_regime() == "pcr2015":
            return f"cites the Public Contracts Regulations 2015 and {start}, before 24 February 2025"
        if self.start_date and self.start_date >= PA2023_START:
            return f"{start}, on or after 24 February 2025: the Procurement Act 2023"
        return f"{start}; the Procurement Act 2023 unless the document cites the 2015 Regulations"

    def detected_regime(self) -> str:
        """pcr2015 only for documents that cite the 2015 Regulations and carry no date on or after 24/2/2025."""
        late = self.start_date is not None and self.start_date >= PA2023_START
        if self.cites_pcr2015 and not self.cites_pa2023 and not late:
            return "pcr2015"
        return "pa2023"


PROFILE_FLAGS: dict[str, Callable[[Profile], bool]] = {
    "care-service": lambda profile: profile.care_service,
    "care-context": lambda profile: profile.care_context,
    "procurement-document": lambda profile: bool(profile.kinds),
    "evaluation-criteria": lambda profile: bool(profile.weightings),
}


def build_profile(document: Document, blocks: list[Block]) -> Profile:
    profile = Profile()
    # Joined once: the whole-text searches below then share one lower-cased copy.
    whole = "\n".join(block.text for block in blocks)
    profile.chosen_options = chosen = chosen_options(whole)
    index_of = {id(block): i for i, block in enumerate(blocks)}
    stated: set[str] = set()
    answers: set[int] = set()  # a clarification log's answer cells, read as prose
    for table in document.tables():
        answer_cells = _answer_cells(table)
        if answer_cells:
            answers |= answer_cells
            continue  # a question may quote a weighting ("Is price weighted at 60%?"); the answer states it
        found = _table_weightings(table, index_of)
        criteria = {weighting.criterion for weighting in found}
        if criteria & stated:
            continue  # the same criteria again (a table per lot, or a summary): a restatement
        stated |= criteria
        profile.weightings.extend(found)
    prose_weightings: list[Weighting] = []
    evaluation_mentions = 0
    tender_notice_seen = False
    trail: tuple[str, ...] | None = None
    section: Section | None = None
    leading = ""  # the colon sentence above the current paragraph or list (see `lead_in`), kept as we go
    records = NoticeRecords(classify)
    for index, block in enumerate(blocks):
        text = block.text
        if block.kind is BlockKind.HEADING and EVALUATION_HEADING.search(text):
            profile.has_evaluation_section = True
        if block.location.trail is not trail:  # a new section: its headings are read once
            trail = block.location.trail
            section = _section(trail)
        if block.kind is not BlockKind.TABLE_CELL or id(block) in answers:
            prose_weightings.extend(_prose_weightings(block, index, section, leading, chosen))
        record = records.read(block, section is not None and section.evaluation)
        if record and not (section is not None and section.definitions):
            prose_weightings.append(Weighting(record[0], record[1], index))
        if block.kind is BlockKind.PARAGRAPH:
            leading = _colon_sentence(text)
        elif block.kind is not BlockKind.LIST_ITEM:
            leading = ""
        for found, at in dates_in(text):
            profile.dates.append(found)
            label = field_label(blocks, index, at, 60)
            deadline = DEADLINE.search(text[max(0, at - 90) : at] if at else label)
            if profile.start_date is None and not deadline and ISSUE_CUE.search(text):
                profile.start_date = found
            # The tender notice's own publication wins over any other "published" date.
            if (
                PUBLISHED.search(label)
                and not ANOTHER_PAPER.search(label)
                and (profile.published is None or (not tender_notice_seen and TENDER_NOTICE.search(label)))
            ):
                profile.published = found
                tender_notice_seen = bool(TENDER_NOTICE.search(label))
            if profile.deadline is None and deadline:
                profile.deadline, profile.deadline_block = found, index
        lowered = text.lower()
        evaluation_mentions += len(EVALUATION_TALK.findall(text))
        if "weight" in lowered and TEMPLATE_FIELD.search(text):
            profile.template_weightings = True
        if TEMPLATE_SUBJECT.search(text):
            for field_match in TEMPLATE_FIELD.finditer(text):
                if field_match.group(0) not in profile.template_fields:
                    profile.template_fields.append(field_match.group(0))
        if "public contracts regulations 2015" in lowered or "pcr 2015" in lowered:
            profile.cites_pcr2015 = True
        if "procurement act 2023" in lowered:
            profile.cites_pa2023 = True
    profile.discusses_evaluation = evaluation_mentions >= 3
    if profile.start_date is None and profile.dates:
        profile.start_date = profile.dates[0]
    if not profile.weightings:
        profile.weightings = _first_statement(prose_weightings, blocks)
    _profile_kind(profile, whole)
    _profile_term(profile, blocks, whole)
    return profile


def _profile_kind(profile: Profile, text: str) -> None:
    """Kinds need both a name for the document and the voice of one: obligations on a provider."""
    if count_up_to(OBLIGATION, text, 3) >= 3:
        profile.kinds.update(kind for kind, pattern in KIND_SIGNALS.items() if pattern.search(text))
    if profile.weightings or profile.has_evaluation_section:
        profile.kinds.add("evaluation-criteria")
    # Care must be a theme, not a passing mention in a long document about something else.
    theme = max(2, math.ceil(len(text.split()) / 5000))
    strong = count_up_to(CARE, text, theme)
    profile.care_service = strong >= theme
    profile.care_context = strong >= 1 or len(re.findall(r"\bcare\b", text, re.I)) >= 2
    profile.non_uk = not UK.search(text) and count_up_to(FOREIGN, text, 3) >= 3
    for place, signs in NATION_SIGNS.items():
        if not any(word in text for word in NATION_WORDS[place]):
            continue
        if len({match.lower() for match in signs.findall(text)}) >= 2:
            profile.jurisdiction = place
            break


def _number(word: str) -> float:
    value = first_number(word)
    return value if value is not None else 0.0


def _profile_term(profile: Profile, blocks: list[Block], whole: str) -> None:
    """The first statement of a contract term: "12 months", "3 + 1 + 1 years", "two years plus one"."""
    chosen = profile.chosen_options
    rows: dict[tuple[int, int], str] = {}
    for block in blocks:
        if block.kind is BlockKind.TABLE_CELL and block.location.table is not None:
            key = (block.location.table, block.location.row or 0)
            rows[key] = rows.get(key, "") + " " + block.text
    _call_off_term(profile, blocks, whole)
    for index, block in enumerate(blocks):
        text = block.text
        context = _term_context(blocks, index, rows)
        if context is None or only_names_term(block, len(text)):
            continue  # no term talk, or a definition ("Contract Year: each period of 12 months")
        if not may_state_term(text, context):
            continue
        adjective = TERM_ADJECTIVE.search(text)
        if adjective and not fact_context(text, adjective.start(), block.location.trail, chosen):
            factor = 1 if adjective.group("unit").lower() == "month" else 12
            profile.term_months, profile.term_block = _number(adjective.group(1)) * factor, index
            return
        labelled = LABELLED_TERM.search(text)
        if labelled and not fact_context(text, labelled.start(), block.location.trail, chosen):
            factor = 1 if labelled.group("unit").lower().startswith("month") else 12
            profile.term_months, profile.term_block = float(labelled.group("n")) * factor, index
            return
        for match in PLUS_TERM.finditer(text):
            if fact_context(text, match.start(), block.location.trail, chosen):
                continue
            parts = [_number(p) for p in match.groups()[:3] if p]
            factor = 1 if (match.group("unit") or "year").lower().startswith("month") else 12
            profile.term_months, profile.extension_months = parts[0] * factor, sum(parts[1:]) * factor
            profile.term_block = index
            return
        for match in TERM.finditer(text):
            window = text[max(0, match.start() - 80) : match.start()]
            if context is not text:
                window = context[: context.find(text)] + window
            if (
                not TERM_CONTEXT.search(window)
                or NOT_CONTRACT_TERM.search(window)
                or NOTICE_AFTER.match(text, match.end())
                or RECURRING.search(window)
                or EXTENSION_WORDS.search(window)
                or EXPERIENCE.search(text, text.rfind(".", 0, match.start()) + 1, match.start())
                or fact_context(text, match.start(), block.location.trail, chosen)
            ):
                continue
            factor = 1 if match.group("unit").lower().startswith("month") else 12
            extensions = [_number(m) for m in EXTENSION.findall(match.group("ext") or "")]
            profile.term_months = _number(match.group(1)) * factor
            profile.extension_months = sum(extensions) * factor
            profile.term_block = index
            return
        months = _date_range_months(context)
        if months is not None and not fact_context(text, 0, block.location.trail, chosen):
            profile.term_months, profile.term_block = months, index
            return
    fields = start_and_end(blocks, dates_in)
    if fields is not None:
        index, start, end = fields
        months = _months_between(start, end)
        if months is not None and not fact_context(
            blocks[index].text, 0, blocks[index].location.trail, chosen
        ):
            profile.term_months, profile.term_block = months, index


def may_state_term(text: str, context: str) -> bool:
    """Whether a block can state a term the ways `_profile_term` reads: each term pattern names months
    or years or adds with "+", and a range of dates holds the years ("20dd"). Most blocks do none, and
    these checks cost less than the patterns."""
    lowered = text.lower()
    return "month" in lowered or "year" in lowered or "+" in text or "20" in context


def _term_context(blocks: list[Block], index: int, rows: dict[tuple[int, int], str]) -> str | None:
    """The text a block's contract term is read in (the block itself, its table row, or the block after
    its label), or None when that says nothing of a term."""
    block = blocks[index]
    text = block.text
    if block.kind is BlockKind.TABLE_CELL and block.location.table is not None:
        context = rows[(block.location.table, block.location.row or 0)]  # "Contract length | 1 + 1"
    elif TERM_CONTEXT.search(text):
        return text
    else:
        label = _label_above(blocks, index)  # "Contract term" as a heading or a <dt> above
        if not (label and TERM_CONTEXT.search(label)):
            return None
        context = f"{label}: {text}"
    return context if TERM_CONTEXT.search(context) else None


def _label_above(blocks: list[Block], index: int) -> str:
    """The label a block answers: the short block just before it ("Contract term" in a definition
    list or a bold line), else the heading it sits under."""
    if index and blocks[index - 1].kind is not BlockKind.TABLE_CELL:
        previous = blocks[index - 1].text
        if len(previous.split()) <= 6 and not previous.rstrip().endswith("."):
            return previous
    trail = blocks[index].location.trail
    return trail[-1] if trail else ""


def _date_range_months(text: str) -> float | None:
    """Months from the first to the last day of a range ("1 July 2025 to 30 June 2026" is 12), when the
    words just before it name the contract's term, not an engagement or tender period."""
    match = DATE_RANGE.search(text)
    if match is None:
        return None
    before = text[max(0, match.start() - 60) : match.start()]
    if not RANGE_IS_TERM.search(before) or RANGE_IS_PROCESS.search(before):
        return None
    try:
        start = date(int(match[3]), MONTHS.index(match[2].lower()) + 1, int(match[1]))
        end = date(int(match[6]), MONTHS.index(match[5].lower()) + 1, int(match[4]))
    except ValueError:
        return None  # not month names, or not a real day
    return _months_between(start, end)


def _months_between(start: date, end: date) -> float | None:
    """Whole months from a first to a last day, for a plausible contract (four weeks to ten years)."""
    days = (end - start).days + 1
    return round(days / 30.44) if 28 <= days <= 3660 else None


def _call_off_term(profile: Profile, blocks: list[Block], whole: str) -> None:
    """The first stated term of a call-off contract. A match in a block is one in the blocks' joined
    text, so a document whose text has none (most) is passed over in one search."""
    if not CALL_OFF_TERM.search(whole):
        return
    for index, block in enumerate(blocks):
        match = CALL_OFF_TERM.search(block.text)
        if match and EXTENSION_WORDS.search(block.text[max(0, match.start() - 40) : match.end()]):
            continue  # "may extend the Call-Off Contract for … 24 months": an extension, not the term
        # "for 12 months with no extension": a "no" about the extension, not about the term
        if match and fact_context(
            block.text, match.start(), block.location.trail, profile.chosen_options
        ) in (None, "negated"):
            factor = 1 if match.group("unit").lower().startswith("month") else 12
            profile.call_off_months, profile.call_off_block = _number(match.group(1)) * factor, index
            return


def classify(label: str) -> str | None:
    for criterion, pattern in CRITERIA:
        if pattern.search(label):
            return criterion
    return None


# A table of performance indicators and targets, not of award criteria.
KPI_HEADER = caseless(r"\b(target|indicator|kpi|measure|baseline|threshold|frequency)\b")


# A price's make-up or its review index ("Care worker pay and on-costs | 84%"), not award criteria.
COST_TABLE = caseless(
    r"\b(costs?|components?|elements?|index|indices|indexation|uplifts?|price review|fee review|breakdown|"
    r"proportion|share of)\b",
)
AWARD_HEADER = caseless(r"\b(weight\w*|scor\w*|marks?|evaluat\w*|criteri\w*|award)\b")


def _table_weightings(table: Block, index_of: dict[int, int]) -> list[Weighting]:
    if not table.rows:
        return []
    header = [cell.text.lower() for cell in table.rows[0]]
    if any(KPI_HEADER.search(h) for h in header) and not any("weight" in h for h in header):
        return []
    about_cost = any(COST_TABLE.search(text) for text in (*header, *table.location.trail[-1:]))
    if about_cost and not any(AWARD_HEADER.search(h) for h in header):
        return []
    if any(HISTORICAL_SECTION.search(h) or HYPOTHETICAL_SECTION.search(h) for h in table.location.trail):
        return []  # a past split, or one option among several
    weight_columns = {i for i, text in enumerate(header) if "weight" in text or "%" in text}
    found: list[Weighting] = []
    for row in table.rows:
        label_cell = next((cell for cell in row if classify(cell.text)), None)
        if label_cell is None or TOTAL_ROW.match(label_cell.text):
            continue
        percent = _row_percent(row, label_cell, weight_columns)
        if percent is not None:
            criterion = classify(label_cell.text) or "other"
            found.append(Weighting(criterion, percent, index_of.get(id(label_cell), 0)))
    return found or _field_table_weightings(table, index_of)


QUESTION_HEADER = caseless(r"^\W*(question|query|clarification( question)?|bidder question)s?\W*$")
ANSWER_HEADER = caseless(r"^\W*(answer|response|reply|council response|buyer response)s?\W*$")


def _answer_cells(table: Block) -> set[int]:
    """The answer column's cells of a clarification log laid out as a table (Question | Answer)."""
    if not table.rows:
        return set()
    header = [cell.text for cell in table.rows[0]]
    if not any(QUESTION_HEADER.match(text) for text in header):
        return set()
    column = next((i for i, text in enumerate(header) if ANSWER_HEADER.match(text)), None)
    if column is None:
        return set()
    return {id(row[column]) for row in table.rows[1:] if len(row) > column}


def _field_table_weightings(table: Block, index_of: dict[int, int]) -> list[Weighting]:
    """A notice's fields as a two-column table ("Name | Quality", "Weighting | 40%"), a record per criterion."""
    if any(len(row) != 2 for row in table.rows):
        return []
    records = NoticeRecords(classify)
    in_evaluation = any(EVALUATION_HEADING.search(h) for h in table.location.trail)
    found = []
    for label, value in table.rows:
        record = records.read_text(f"{label.text}: {value.text}", in_evaluation)
        if record:
            found.append(Weighting(record[0], record[1], index_of.get(id(label), 0)))
    return found


def _row_percent(row: list[Block], label_cell: Block, weight_columns: set[int]) -> float | None:
    for column, cell in enumerate(row):
        match = PERCENT.search(cell.text)
        if match and (cell is not label_cell or column in weight_columns or len(row) == 1):
            return float(match.group(1))
        bare = BARE_NUMBER.match(cell.text)
        if bare and column in weight_columns and cell is not label_cell:
            return float(bare.group(1))
    return None


def lead_in(blocks: list[Block], index: int) -> str:
    """The sentence ending in a colon that leads into a block: the paragraph just above it or, for a
    list item, above its list ("In summary, the Provider shall:"). Empty when there is none."""
    above = index - 1
    if blocks[index].kind is BlockKind.LIST_ITEM:
        while above >= 0 and blocks[above].kind is BlockKind.LIST_ITEM:
            above -= 1
    if above < 0 or blocks[above].kind is not BlockKind.PARAGRAPH:
        return ""
    return _colon_sentence(blocks[above].text)


def _colon_sentence(text: str) -> str:
    text = text.rstrip()
    return LAST_SENTENCE.split(text)[-1] if text.endswith(":") else ""


class Section(NamedTuple):
    """What a block's heading trail says about the weightings it may state."""

    definitions: bool  # a glossary explains weightings; it does not state them
    evaluation: bool  # under an evaluation heading, a number needs no evaluation word beside it


def _section(trail: tuple[str, ...]) -> Section:
    return Section(
        any(DEFINITION_SECTION.search(h) for h in trail), any(EVALUATION_HEADING.search(h) for h in trail)
    )


def _prose_weightings(
    block: Block,
    index: int,
    section: Section | None = None,
    led_by: str = "",
    chosen: frozenset[str] = frozenset(),
) -> list[Weighting]:
    """Weightings stated in a paragraph about evaluation: under an evaluation heading (`section`, what its
    heading trail says, when known), in a sentence about evaluation, or in lines led into by one
    ("…on the basis of the following criteria:")."""
    if section is None:
        section = _section(block.location.trail)
    if section.definitions:
        return []
    text = " ".join(block.text.split())  # PDF and wrapped text break lines inside "social value"
    if not (section.evaluation or EVALUATION_CONTEXT.search(led_by) or EVALUATION_CONTEXT.search(text)):
        return []
    found: list[tuple[int, str | None, float]] = []
    notice = []
    if "eighting" in text:
        notice = [
            (m.start(), _notice_criterion(m), float(m.group("n"))) for m in NOTICE_CRITERION.finditer(text)
        ] or inline_records(text, classify)
    if notice:  # "Quality criterion - Name: Social value / Weighting: 15": the name decides
        return [
            Weighting(c, p, index)
            for at, c, p in notice
            if c and not fact_context(text, at, block.location.trail, chosen)
        ]
    if PERCENT_WORD.search(text):
        found.extend(_one_reading(text))
    if WEIGHT_WORD.search(text):
        for match in PROSE_LABELLED.finditer(text):
            found.append((match.start(), classify(match.group(1)), float(match.group(2))))
    if (
        not found
    ):  # "a 60:40 price/quality split", "Quality 400 points, Price 600 points", "Quality 40 / Price 60"
        lowered = text.lower()
        pairs = (
            (RATIO_HINT.search(text) and ratio_weightings(text))
            or (("point" in lowered or "mark" in lowered) and point_weightings(text))
            or (len(CRITERION_HINT.findall(text)) >= 2 and labelled_weightings(text))
            or []
        )
        for label, percent, position in pairs:
            found.append((position, classify(label), percent))
    trail = block.location.trail
    return [
        Weighting(c, p, index)
        for at, c, p in sorted(found, key=lambda f: f[0])
        if c and not fact_context(text, at, trail, chosen)  # not a past, rejected or hypothetical split
    ]


def _one_reading(text: str) -> list[tuple[int, str | None, float]]:
    """Criteria with their percentages read forwards ("Price 60%") and backwards ("60% price"). Where
    both readings claim one number ("Price 60% Quality 35% Community Benefits 5%"), the reading that
    pairs more criteria is the text's own order; the other keeps only what it does not contradict."""
    forward = [
        (m.start(), m.start(1), m.start(2), m.group(1), m.group(2))
        for pattern in (PROSE_FORWARD, PROSE_CARRIES)
        for m in pattern.finditer(text)
    ]
    backward = [
        (m.start(), m.start(2), m.start(1), m.group(2), m.group(1)) for m in PROSE_BACKWARD.finditer(text)
    ]
    main, other = (forward, backward) if len(forward) >= len(backward) else (backward, forward)
    taken = {at for _, label_at, number_at, _, _ in main for at in (label_at, number_at)}
    kept = main + [m for m in other if m[1] not in taken and m[2] not in taken]
    return [(start, classify(label), float(number)) for start, _, _, label, number in kept]


RATIO_HINT = re.compile(r"\d\s*[:/]\s*\d")
CRITERION_HINT = caseless(rf"\b({CRITERION_WORDS})\b")
NOTICE_CRITERION = caseless(
    r"\b(?P<kind>quality|cost|price)(?: criterion)?\s*[-–:]\s*(?:name\s*:\s*(?P<name>[^/\n]{1,100}?)\s*/\s*)?"
    r"weighting\s*:\s*(?P<n>\d{1,3}(?:\.\d+)?)",
)


def _notice_criterion(match: re.Match[str]) -> str:
    return criterion_of(match.group("name") or "", match.group("kind"), classify) or "quality"


def _same_run(blocks: list[Block], last: int, index: int) -> bool:
    if index <= last + 1 or all(block.kind is BlockKind.LIST_ITEM for block in blocks[last : index + 1]):
        return True
    return all(is_field(block) for block in blocks[last + 1 : index])  # a notice's record fields


def _first_statement(weightings: list[Weighting], blocks: list[Block]) -> list[Weighting]:
    """Prose often repeats weightings (a summary, then detail). Keep the first statement: the first run
    of consecutive blocks that state weightings (one list counts as consecutive, whatever criteria its
    other items name), where a criterion stated twice in one block counts once."""
    if not weightings:
        return []
    first: list[Weighting] = []
    seen: set[tuple[int, str]] = set()
    for weighting in weightings:
        if first and not _same_run(blocks, first[-1].block_index, weighting.block_index):
            break
        key = (weighting.block_index, weighting.criterion)
        if key not in seen:
            seen.add(key)
            first.append(weighting)
    if sum(w.percent for w in first) > 100.5:
        # The same split stated twice in a row (a table then a sentence): count each criterion once.
        once: dict[str, Weighting] = {}
        for weighting in first:
            once.setdefault(weighting.criterion, weighting)
        return list(once.values())
    return first
