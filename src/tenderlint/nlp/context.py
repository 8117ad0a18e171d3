"""Typed context around a match, recognised once for every rule, in the spirit of NegEx and ConText.

Each match is checked for the contexts that can turn a statement of a practice into something else:

- ``negated``: "we will not pay hourly rates", "no 15-minute calls";
- ``rejected``: the practice is avoided, replaced, criticised or banned ("moving away from time and task");
- ``hypothetical``: an option considered or a possibility ("officers considered an e-auction (Option 5)");
- ``historical``: what used to happen, or a description of the current arrangements a document is
  changing ("for many years the Council bought care by time and task", "providers were paid hourly");
- ``reported``: someone else's words ("providers told us", "so-called");
- ``quoted``: inside quotation marks;
- ``definition``: a heading, glossary entry or definitions section that names a term without using it.

Every rule says which contexts cancel it (by default all of them). A rule whose own wording contains a
negation (a prohibition such as "shall not sub-contract") passes the tokens of its concepts as `own`,
so its own "not" is not read as negating it, while a second negation ("will not be barred") still is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from tenderlint.document import Block, BlockKind
from tenderlint.nlp.caseless import Caseless, caseless

if TYPE_CHECKING:
    from tenderlint.nlp.tokens import Tokens

CONTEXTS = (
    "negated",
    "rejected",
    "hypothetical",
    "historical",
    "reported",
    "quoted",
    "definition",
    "question",
)

# Words that close one clause and open another: a cue on one side does not reach the other.
CLAUSE_BREAKS = {";", ":", "—", "–", "but", "whereas", "however", "although", "while", "though", "unlike"}

NEGATION_WORDS = {"not", "no", "never", "n't", "nor", "neither", "without", "cannot", "none", "nothing"}
REJECTION_WORDS = {
    "avoid",
    "avoids",
    "avoiding",
    "avoided",
    "stop",
    "stopped",
    "stopping",
    "replace",
    "replacing",
    "replaced",
    "abandon",
    "abandoning",
    "abandoned",
    "reject",
    "rejecting",
    "rejected",
    "abolish",
    "abolishing",
    "eliminate",
    "eliminating",
    "remove",
    "removing",
    "instead",
    "rather",
    "myth",
    "myths",
    "prohibit",
    "prohibits",
    "prohibited",
    "ban",
    "bans",
    "banned",
    "discourage",
    "discourages",
    "unlike",
    "criticise",
    "criticised",
    "criticize",
    "criticized",
}
NEGATION_PHRASES_BEFORE = re.compile(r"\bno longer\b")
REJECTION_PHRASES_BEFORE = re.compile(
    r"\b(instead of|rather than|(move[sd]?|moving|shift(s|ed|ing)?|steer(s|ed|ing)?|turn(s|ed|ing)?) away|"
    r"problems? with|risks? of|away from)\b"
)
# "changed the payment model from an hourly rate to a block payment": what it changed from, when the match
# ends before the "to" that names what replaced it.
CHANGED_FROM = caseless(r"\b(chang|mov|switch|shift|convert|transition)\w*( [\w-]+){0,4} from\b")
# Cues after the match, in the same clause.
NEGATION_AFTER = re.compile(
    r"^\W*(\w+\W+){0,4}?(will not|would not|does not|do not|did not|shall not|must not|should not|is not|are not|"
    r"was not|were not|cannot|can't|won't|isn't|aren't|not be|no longer)\b"
)
# A negation after "and" starts a second predicate ("are a matter for providers and will not be
# considered in evaluation"): it negates that predicate, not the match.
SECOND_PREDICATE = re.compile(r"\band\s+(\w+\s+)?$")
REJECTION_AFTER = re.compile(
    r"^\W*(\w+\W+){0,4}?(are avoided|is avoided|to be avoided|is a myth|are a myth|constrains?|undermines?|"
    r"hinders?|restricts? flexibility|gets? in the way|is discouraged|are discouraged|is prohibited|"
    r"are prohibited|is not permitted|are not permitted|(was|were|has been|have been) (rejected|ruled out|"
    r"discounted|dropped)|(is|are) (not recommended|rejected|ruled out))\b"
)
HYPOTHETICAL_WORDS = {
    "considered",
    "consider",
    "considering",
    "option",
    "options",
    "could",
    "might",
    "would",
    "whether",
    "proposal",
    "alternative",
    "alternatives",
    "explored",
    "exploring",
    "scenario",
    "appraisal",
    "hypothetical",
    "example",
}
HYPOTHETICAL_SECTION = caseless(
    r"\b(options? (appraisal|analysis|considered)|alternatives considered|option \d+|do nothing|"
    r"options for|options (we|the council|officers|the board) (looked at|considered|explored|examined|assessed|weighed))\b|"
    r"^\W*(\d+(\.\d+)*\.?\s*)?(the\s+)?options\s*$",
)
# The option a paper recommends or a board chose: what will be done, not one possibility among several.
# The words that mark what a paper recommends or a board chose.
CHOSEN = "recommended|preferred|chosen|selected|agreed"
CHOSEN_OPTION = caseless(
    rf"(?<!\bnot )(?<!\bnot the )\b({CHOSEN}) (option|approach)\b|"
    rf"\((?!not\b)[^)]{{0,20}}\b({CHOSEN})\)"
)
# "Option 2", "option B": how a paper names the options it weighs.
OPTION_LABEL = re.compile(r"option\s+(\d{1,2}|[a-h])\b")  # no leading \b: the literal is searched for fast
# What follows the option a paper settles on: "Option 2 (recommended)", "Option 2 is the preferred option".
CHOSEN_AFTER = re.compile(rf"\s*(?:\(|[,:–—-])?\s*(?:is\s+|was\s+|has been\s+)?(?:the\s+)?(?:{CHOSEN})\b")
# What leads into it: "approve Option 3", "(b) agrees Option 4", "the recommended option is Option 2".
CHOSEN_BEFORE = re.compile(
    r"\b(?:(?:recommend|recommends|approve|approves|agree|agrees|adopt|adopts|endorse|endorses|proceed with|"
    rf"implement|select|selects|choose|chose)(?:\s+(?:the\s+)?(?:use\s+of\s+)?)?|(?:{CHOSEN})\s+"
    r"(?:option|approach|model)\s*(?:is|was|:|–|-|\()\s*)$"
)
CHOSEN_NEGATED = re.compile(r"\b(?:not|n't|never|against)\b[^.;]*$")


def chosen_options(text: str) -> frozenset[str]:
    """The labels of the options a paper recommends or a board chose ("2", "b"): what is said under
    them is the course taken, not one possibility among several."""
    lowered = text.lower()
    chosen = set()
    for match in OPTION_LABEL.finditer(lowered):
        before = lowered[max(0, match.start() - 60) : match.start()]
        if match.start() and lowered[match.start() - 1].isalnum():
            continue  # "adoption 2": not a label
        after_names_it = CHOSEN_AFTER.match(lowered, match.end())
        if after_names_it or (CHOSEN_BEFORE.search(before) and not CHOSEN_NEGATED.search(before)):
            chosen.add(match.group(1))
    return frozenset(chosen)


def names_chosen(text: str, chosen: Collection[str]) -> bool:
    """The text names one of the chosen options ("Under Option 2, …")."""
    lowered = text.lower()
    return bool(chosen) and any(
        m.group(1) in chosen and not (m.start() and lowered[m.start() - 1].isalnum())
        for m in OPTION_LABEL.finditer(lowered)
    )


RECORD_SECTION = caseless(
    r"\b(procurement (process|route|exercise|procedure)|evaluation (outcome|results?|process)|tender evaluation|"
    r"outcome of (the )?(tender|procurement|evaluation)|award (decision|recommendation|report)|contract award|"
    r"intention to award|reasons? for (the )?(decision|award|recommendation))\b",
)
HISTORICAL_CUES = caseless(
    # "The 2019 framework bought care in 15-minute units": an earlier year's arrangement, in the past tense
    r"\bthe (19\d\d|20[01]\d|202[0-4]) ([\w-]+ ){0,2}(contracts?|framework|model|service|tender|specification|"
    r"arrangements?|agreement|dps)\b[^.;]{0,40}?\b(bought|paid|ran|was|were|had|awarded|purchased|commissioned|"
    r"required|specified|set)\b|"
    r"\b(previously|historically|formerly|in the past|for (many|several|some|a number of|\d+|[a-z]+(-[a-z]+)?) years|for years|(?<!\bbe )(?<!\bis )(?<!\bare )(?<!\bbeen )(?<!\bwas )used to|until (recently|now|(\w+ )?(19\d\d|20[01]\d|202[0-4]))|"
    r"currently|at present|presently|to date|today's|the (current|existing|previous|old|former|last) "
    r"([\w-]+ ){0,2}(contract|contracts|model|service|services|arrangements?|framework|provision|system|approach|"
    r"specification)|"
    r"(19\d\d|20[01]\d|202[0-4])\s*[-–/]\s*(19|20)?\d\d|(in|since|during|from|before|prior to) (19\d\d|20[01]\d|202[0-4])|"
    r"between (19\d\d|20[01]\d|202[0-4]) and (19|20)\d\d)\b",
)
PAST_AUXILIARY = {"was", "were", "had"}
TIME_CLAUSE = {"after", "once", "since"}  # "after the notice was published": a reference point, not history
TIME_CLAUSE_REACH = 4  # words
# The past of this very procurement is the document's own fact: a contract's recital that "the
# Contractor's Tender was evaluated on price only" says how this contract was awarded.
OWN_PROCUREMENT = caseless(
    r"\b(this (contract|agreement|framework|procurement|tender|dps|call-off)|the (contractor|provider|supplier)['’]s "
    r"(tender|bid))\b|(?-i:\bthe (Contract|Agreement)\b)",
)
# How far back in a paragraph a history cue still colours what follows (characters).
HISTORY_REACH = 600
FUTURE_OR_DUTY = {"will", "shall", "must", "'ll"}
BINDING = {"shall", "must"}  # a duty on the provider, unlike "will" (also an option's effects)
HISTORICAL_SECTION = caseless(
    r"\b(history|historical|previous (contract|model|arrangements?|service)|current (position|model|"
    r"arrangements?|provision|service|services|situation|state)|lessons learn\w*|case for change|"
    r"where we are now|what we (heard|learned|learnt)|the story so far|why change)\b",
)
REPORTED_SPEECH = re.compile(
    r"\b(so-called|so called|known as|referred to as|described as|the (term|phrase|words?)|"
    r"told us|telling us|(people|providers|they|respondents|carers|residents|families) tell us|(people|providers|they|respondents|carers) (said|say|says)|"
    r"what (is|are) meant by)\b"
)
DEFINITION_SECTION = caseless(
    r"\b(glossary|definitions?|interpretation|abbreviations|terminology|key terms)\b"
)
DEFINITION_ENTRY = re.compile(
    r"^\s*[\"“‘']?[\w &/\-–]{2,60}[\"”’']?\s*(:|–|—| - |\bmeans\b|\brefers to\b|\bis defined as\b)"
)
# What follows a definition's term, and how far in it can start at the latest: after the leading space,
# an opening mark, sixty characters of term and a closing mark (then only more space).
DEFINITION_LINKS = (":", "–", "—", " - ", "means", "refers to", "is defined as")
DEFINITION_TERM_REACH = 62
SPACE_RUN = re.compile(r"\s*")


def definition_entry(text: str) -> re.Match[str] | None:
    """`DEFINITION_ENTRY.match(text)`, tried only when one of its links is within reach of the start:
    the pattern backtracks through sixty characters of term before it fails, on most blocks."""
    reach = SPACE_RUN.match(text, SPACE_RUN.match(text).end() + DEFINITION_TERM_REACH).end()
    head = text[: reach + len("is defined as")]
    if not any(link in head for link in DEFINITION_LINKS):
        return None
    return DEFINITION_ENTRY.match(text)


# How far a cue reaches, in tokens, inside its clause: run-on text copied into notices can make one
# "sentence" of a whole page, and a "not" fifty words away says nothing about the match (ConText's window).
CUE_WINDOW = 12


def clause_bounds(tokens: Tokens, start: int, end: int, window: int = CUE_WINDOW) -> tuple[int, int]:
    """Token bounds of the clause holding tokens [start, end): within the sentence, between clause breaks,
    and at most `window` tokens either side."""
    sent_start, sent_end = tokens.sentence(start)
    lowers = tokens.lowers
    left = start
    floor = max(sent_start, start - window)
    while left > floor:  # "…, and" starts a clause too ("…at the event, and no provider raised concerns")
        word = lowers[left - 1]
        if word in CLAUSE_BREAKS or (word == "and" and left > 1 and lowers[left - 2] == ","):
            break
        left -= 1
    right = end
    ceiling = min(sent_end, end + window)
    while right < ceiling:
        word = lowers[right]
        if word in CLAUSE_BREAKS or (word == "and" and right > 0 and lowers[right - 1] == ","):
            break
        right += 1
    return left, right


def _cue_positions(left: int, end: int, start: int, own: Collection[int]) -> list[int]:
    """Token positions where a cue can sit: the clause before the match, and inside a multi-concept
    match, leaving out the rule's own concept words."""
    reach = end if own else start
    return [i for i in range(left, reach) if i not in own]


def _words_without(lowers: list[str], left: int, end: int, own: Collection[int]) -> list[str]:
    """The lower-cased words of tokens [left, end) that are not the rule's own: a plain slice when none
    of them is (every match of a rule's own patterns, and most clauses)."""
    if not own or (isinstance(own, (set, frozenset)) and own.isdisjoint(range(left, end))):
        return lowers[left:end]
    return [lowers[i] for i in range(left, end) if i not in own]


def _cue_words(tokens: Tokens, left: int, end: int, start: int, own: Collection[int]) -> list[str]:
    return _words_without(tokens.lowers, left, end if own else start, own)


def _text_without(tokens: Tokens, left: int, end: int, own: Collection[int]) -> str:
    return " ".join(_words_without(tokens.lowers, left, end, own))


# "no more than fifteen minutes", "not later than": a limit, not a negation.
LIMIT_AFTER_NEGATION = {"more", "less", "longer", "fewer", "later", "earlier", "greater", "exceeding", "over"}


def is_negated(
    tokens: Tokens, start: int, end: int, own: Collection[int] = (), bounds: tuple[int, int] | None = None
) -> bool:
    """The clause around the match negates it."""
    return _negated(_Clause(tokens, start, end, own, bounds))


def _negated(clause: _Clause) -> bool:
    tokens, start, end, own, left = clause.tokens, clause.start, clause.end, clause.own, clause.left
    lowers = tokens.lowers
    if not NEGATION_WORDS.isdisjoint(clause.cue_words()):  # the walk below only on a negation word
        for i in _cue_positions(left, end, start, own):
            if (
                lowers[i] in NEGATION_WORDS
                and (i + 1 == len(lowers) or lowers[i + 1] not in LIMIT_AFTER_NEGATION)
                and not _relative_clause_before(lowers, left, i, start)
            ):
                return True
    if NEGATION_PHRASES_BEFORE.search(clause.before()):
        return True
    after = clause.after()
    negation = NEGATION_AFTER.search(after)
    return bool(negation) and not SECOND_PREDICATE.search(after, 0, negation.start(2))


class _Clause:
    """The clause around a match as the cue checks read it: its bounds, and the words and texts before
    and after the match (each made once, on first use, however many checks read it)."""

    __slots__ = ("_after", "_before", "_cues", "end", "left", "own", "right", "start", "tokens")

    def __init__(
        self, tokens: Tokens, start: int, end: int, own: Collection[int], bounds: tuple[int, int] | None
    ) -> None:
        self.tokens, self.start, self.end, self.own = tokens, start, end, own
        self.left, self.right = bounds or clause_bounds(tokens, start, end)
        self._cues: list[str] | None = None
        self._before: str | None = None
        self._after: str | None = None

    @property
    def bounds(self) -> tuple[int, int]:
        return self.left, self.right

    def cue_words(self) -> list[str]:
        """The words where a cue can sit (see `_cue_positions`)."""
        if self._cues is None:
            self._cues = _cue_words(self.tokens, self.left, self.end, self.start, self.own)
        return self._cues

    def before(self) -> str:
        """The clause's text before the match, without the rule's own words."""
        if self._before is None:
            self._before = _text_without(self.tokens, self.left, self.start, self.own)
        return self._before

    def after(self) -> str:
        """The clause's text after the match, without the rule's own words."""
        if self._after is None:
            self._after = _text_without(self.tokens, self.end, self.right, self.own)
        return self._after


RELATIVE_PRONOUNS = {"who", "which", "whose"}
FINITE_VERBS = {"is", "are", "was", "were", "will", "shall", "must", "should", "can", "may"}


def _relative_clause_before(lowers: list[str], left: int, cue: int, start: int) -> bool:
    """The cue negates a relative clause that ends before the match: "People who do not speak English are
    expected to arrange their own interpreter" (the main verb "are" comes after the clause)."""
    if cue >= start or not RELATIVE_PRONOUNS.intersection(lowers[max(left, cue - 3) : cue]):
        return False
    return bool(FINITE_VERBS.intersection(lowers[cue + 2 : start]))


# The sentence that leads into a list says what its items are: "We considered two other approaches and
# rejected them:", "Options considered:".
REJECTED_LEAD = caseless(
    r"\b(considered|looked at|explored)\b[^:]{0,60}\b(rejected|ruled out|discounted|decided against)\b|"
    r"\b(rejected|discounted|ruled out) (options|approaches|alternatives)\b|\bwe (rejected|ruled out)\b"
)
OPTIONS_LEAD = caseless(
    r"\b(options|alternatives|approaches) (considered|we considered|looked at|explored)\b"
)


def lead_in_context(lead: str) -> str | None:
    """ "rejected" or "hypothetical" when a list's lead-in sentence makes its items options set aside."""
    if not lead:
        return None
    if REJECTED_LEAD.search(lead):
        return "rejected"
    return "hypothetical" if OPTIONS_LEAD.search(lead) else None


def is_rejected(
    tokens: Tokens, start: int, end: int, own: Collection[int] = (), bounds: tuple[int, int] | None = None
) -> bool:
    """The clause avoids, replaces, criticises or bans the practice."""
    return _rejected(_Clause(tokens, start, end, own, bounds))


def _rejected(clause: _Clause) -> bool:
    tokens, left, end = clause.tokens, clause.left, clause.end
    if not REJECTION_WORDS.isdisjoint(clause.cue_words()):
        return True
    if REJECTION_PHRASES_BEFORE.search(clause.before()):
        return True
    if "from" in tokens.lowers[left:end]:
        through = tokens.span_text(left, end)
        changed = CHANGED_FROM.search(through)
        if changed and " to " not in through[changed.end() :]:
            return True
    return bool(REJECTION_AFTER.search(clause.after()))


@lru_cache(maxsize=4096)
def section_is(kind: str, trail: tuple[str, ...]) -> bool:
    """Whether a heading trail names a definitions, options or history section (asked once per trail)."""
    pattern = {
        "definition": DEFINITION_SECTION,
        "options": HYPOTHETICAL_SECTION,
        "history": HISTORICAL_SECTION,
    }
    if kind == "options" and trail and CHOSEN_OPTION.search(trail[-1]):
        return False  # "Option 3 - Single county-wide contract (recommended)": the course taken
    return any(pattern[kind].search(heading) for heading in trail)


def _in_record_section(trail: Collection[str]) -> bool:
    """The nearest heading names this procurement's own record ("6. Procurement process")."""
    headings = list(trail)
    return bool(headings) and bool(RECORD_SECTION.search(headings[-1]))


def is_hypothetical(
    tokens: Tokens,
    start: int,
    end: int,
    block: Block,
    own: Collection[int] = (),
    bounds: tuple[int, int] | None = None,
    chosen: Collection[str] = (),
) -> bool:
    """An option considered, or a possibility, not a decision: in the clause, or in an options section
    unless the sentence binds the provider ("Option 3: Service Schedules" in a self-directed support
    specification, where "The Provider shall carry out the tasks…" is the requirement itself). What is
    said of the option the paper recommends (`chosen`, see chosen_options) is the decision."""
    return _hypothetical(_Clause(tokens, start, end, own, bounds), block, chosen)


def _hypothetical(clause: _Clause, block: Block, chosen: Collection[str] = ()) -> bool:
    trail = block.location.trail
    if section_is("options", tuple(trail)) and not _about_chosen(block.text, trail, chosen):
        tokens = clause.tokens
        sent_start, sent_end = tokens.sentence(clause.start)
        if BINDING.isdisjoint(tokens.lowers[sent_start:sent_end]):
            return True
    words = clause.cue_words()
    if HYPOTHETICAL_WORDS.isdisjoint(words):
        return False
    if not chosen or "option" not in words:
        return True
    # "Under Option 2, …" where the paper recommends Option 2: that "option" is no cue
    lowers = clause.tokens.lowers
    return any(
        lowers[i] in HYPOTHETICAL_WORDS
        and not (lowers[i] == "option" and i + 1 < len(lowers) and lowers[i + 1] in chosen)
        for i in _cue_positions(clause.left, clause.end, clause.start, clause.own)
    )


def _about_chosen(text: str, trail: Sequence[str], chosen: Collection[str]) -> bool:
    """A block that is the chosen option's own: under its heading, or opening with its name."""
    return bool(chosen) and (
        (bool(trail) and names_chosen(trail[-1], chosen)) or names_chosen(text[:40], chosen)
    )


def is_historical(
    tokens: Tokens, start: int, end: int, block: Block, bounds: tuple[int, int] | None = None
) -> bool:
    """What used to happen, or the present arrangements being described: a time cue or past-tense verb in
    the clause with no future or duty ("will", "shall", "must"), or a history / current-position section."""
    left, right = bounds or clause_bounds(tokens, start, end)
    sent_start, sent_end = tokens.sentence(start)
    through = tokens.ends[sent_end - 1]
    return historical(
        tokens.lowers[left:right],
        tokens.span_text(left, right),
        tokens.lowers[sent_start:sent_end],
        tokens.text[max(0, through - HISTORY_REACH) : through],
        block.location.trail,
    )


def _past_auxiliary(words: list[str]) -> bool:
    """ "was", "were" or "had", but not the present perfect "has had" ("the Council has had regard to"),
    nor a time clause that sets a reference point ("15 working days after the ITT was issued")."""
    return any(
        word in PAST_AUXILIARY
        and not (word == "had" and i and words[i - 1] in ("has", "have"))
        and not TIME_CLAUSE.intersection(words[max(0, i - TIME_CLAUSE_REACH) : i])
        for i, word in enumerate(words)
    )


def historical(
    clause_words: Collection[str],
    clause: str,
    sentence_words: Collection[str],
    through_sentence: str,
    trail: Collection[str] = (),
) -> bool:
    """The historical test on words and text, shared by matches (tokens) and profile facts (plain text).
    `through_sentence` is the paragraph up to the end of the sentence (its last HISTORY_REACH characters
    are read)."""
    if FUTURE_OR_DUTY.intersection(clause_words) or OWN_PROCUREMENT.search(clause):
        return False
    if section_is("history", tuple(trail)):
        return True
    # Under "Procurement process" or "Outcome of evaluation" in an award report, "The service was tendered
    # as a single contract" is this procurement's record: there the past tense alone is not history.
    if (
        not PAST_AUXILIARY.isdisjoint(clause_words)
        and _past_auxiliary(list(clause_words))
        and not _in_record_section(trail)
    ):
        return True
    # The past of a thing is left out of the one text the cues are then read from, and so is the end of
    # the current contract named as a point in time ("tender the service when the current contract ends").
    if FUTURE_OR_DUTY.intersection(sentence_words) or PRESENT_DUTY.intersection(sentence_words):
        return bool(HISTORICAL_CUES.search(WHEN_CURRENT_ENDS.sub(" ", DESCRIBES_PAST_OF.sub(" ", clause))))
    # A paragraph that opens with history goes on describing it until a sentence says what will happen
    # or what is required now ("Procurement rules require the Council to…").
    through_sentence = DESCRIBES_PAST_OF.sub(" ", through_sentence)
    return bool(HISTORICAL_CUES.search(through_sentence[-HISTORY_REACH:]))


# What is required now, in the present tense: it ends a paragraph's history, as "will" or "must" does.
PRESENT_DUTY = {"require", "requires"}
# "when the current contract ends": the current contract's end as a point in time, not its description.
WHEN_CURRENT_ENDS = re.compile(
    r"\b(when|once|after|before|until|as soon as) the (current|existing) ([\w-]+ ){0,2}(contracts?|framework|"
    r"arrangements?|agreements?) (ends?|expires?|finish(es)?|terminates?|comes? to an end|runs? out)\b",
    re.I,
)
# "services previously funded through grant", "the contract formerly held by": the past of a thing the
# sentence is about, not a statement about the past.
DESCRIBES_PAST_OF = re.compile(
    # The word is looked ahead for first, so the lookbehinds run only where it stands (several times
    # faster than trying them at every character).
    r"\b(?=previously|formerly|originally|historically)"
    r"(?<!\bwas )(?<!\bwere )(?<!\bhad )(?<!\bhas )(?<!\bhave )(?<!\bbeen )(?<!\bis )(?<!\bare )"
    r"(previously|formerly|originally|historically)\s+(\w+ed|\w+en|held|run|paid|bought|spent|won)\b",
    re.I,
)
WORDS = re.compile(r"n't|[\w'’]+|[;:—–]")
FACT_REACH = 90  # characters either side of a fact that its clause's cues are read from
VERB_NEGATION = {"not", "n't", "never", "cannot"}
SENTENCE_BREAK = re.compile(r"[.!?](?=\s|$)")
FACT_CLAUSE_BREAK = caseless(r"[;:—–]|\b(but|whereas|however|although)\b|,\s+and\b")
# "with an option to extend" is part of a term, not an option considered ("Option 2", "options").
FACT_HYPOTHETICAL = caseless(r"\boption (\w)\b|\b(intends?|proposing)\b")


def fact_context(text: str, at: int, trail: Collection[str] = (), chosen: Collection[str] = ()) -> str | None:
    """Why a fact the profile reads at `text[at]` (a weighting, a term) is not this document's own: the
    clause around it is negated, rejected, hypothetical or historical. Plain-text twin of `contexts`;
    `chosen` as for `is_hypothetical`."""
    sentence_start = max((m.end() for m in SENTENCE_BREAK.finditer(text, 0, at)), default=0)
    following = SENTENCE_BREAK.search(text, at)
    sentence_end = following.end() if following else len(text)
    sentence = text[sentence_start:sentence_end]
    offset = at - sentence_start
    breaks = [m.start() for m in FACT_CLAUSE_BREAK.finditer(sentence)]
    clause_start = max((b for b in breaks if b < offset), default=0)
    clause_end = min((b for b in breaks if b > offset), default=len(sentence))
    # The same reach as a match's cue window: about a dozen words either side.
    clause = sentence[max(clause_start, offset - FACT_REACH) : min(clause_end, offset + FACT_REACH)]
    clause_words = WORDS.findall(clause.lower())
    if section_is("history", tuple(trail)):
        return "historical"
    headings = tuple(trail)
    if section_is("options", headings) and not _about_chosen(text, headings, chosen):
        return "hypothetical"
    if _asked_by_bidder(text, at, trail):
        return "question"
    # "no", "without", "none" after the fact negate what follows them ("with no option to extend"), so
    # after it only a negated verb ("is not", "cannot") negates the fact itself.
    before = WORDS.findall(sentence[max(clause_start, offset - FACT_REACH) : offset].lower())
    after = WORDS.findall(sentence[offset : min(clause_end, offset + FACT_REACH)].lower())
    if (
        NEGATION_WORDS.intersection(before)
        or VERB_NEGATION.intersection(after)
        or "no longer" in " ".join(after)
    ):
        return "negated"
    if REJECTION_WORDS.intersection(clause_words) or REJECTION_PHRASES_BEFORE.search(clause.lower()):
        return "rejected"
    if (HYPOTHETICAL_WORDS - {"option"}).intersection(clause_words) or any(
        not (m.group(1) and m.group(1).lower() in chosen) for m in FACT_HYPOTHETICAL.finditer(clause)
    ):
        return "hypothetical"
    sentence_words = WORDS.findall(sentence.lower())
    through = text[max(0, sentence_end - HISTORY_REACH) : sentence_end]
    if historical(clause_words, clause, sentence_words, through, trail):
        return "historical"
    return None


# A clarification log's labels: "Question 4:", "Q12:", then "Answer:", "Response:", "A12:".
# A label opens its line or paragraph: "Q1 and Q3" in a sentence are quality questions being referred to.
QUESTION_LABEL = caseless(r"(?:^|\n)\W*(?:clarification\s+)?(?:question|query|q|cq)\s*\d*\s*[:.)\-–]")
ANSWER_LABEL = caseless(
    r"(?:^|\n|[.?]\s+)\W*(?:answer|response|reply|council response|a\d*)\s*\d*\s*[:.)\-–]"
)
SENTENCE_END = re.compile(r"[.?!\n]")
# A bidder's clarification question, as a log labels it ("CQ9.", "Clarification question 3:", "Query 12 -"):
# unlike "Q1" or "Question 1", never an ITT's own evaluation question.
CLARIFICATION_HEADING = caseless(r"\W*(?:clarification\s+question|cq|query)\s*\d+\b")
CLARIFICATION_LABEL = caseless(r"(?:^|\n)\W*(?:clarification\s+question|cq|query)\s*\d*\s*[:.)\-–]")


def _asked_by_bidder(text: str, at: int, trail: Collection[str] = ()) -> bool:
    """A fact in a question: its sentence ends in "?", or it is in a bidder's clarification question
    not yet answered ("CQ9. We have heard price will be weighted at 60%. Is that correct?"), or in the
    question half of an entry under a clarification heading ("CQ03", then "QUESTION: … RESPONSE: …")."""
    if _ends_in_question_mark(text, at) or _unanswered(text, at, CLARIFICATION_LABEL):
        return True
    return (
        bool(trail)
        and bool(CLARIFICATION_HEADING.match(list(trail)[-1]))
        and _unanswered(text, at, QUESTION_LABEL)
    )


def is_question(text: str, char_start: int, char_end: int) -> bool:
    """A question asks, it does not state: the sentence ends in "?", or the match is in the question
    half of a clarification ("Question: The ITT requires a turnover of £1m…" before its "Answer:")."""
    if _ends_in_question_mark(text, char_end):
        return True
    return _unanswered(text, char_start, QUESTION_LABEL) and not _instruction_to_bidders(text, char_start)


# "Q3. For Lot 1, bidders should describe how they will deliver at least 40 sessions per month": the
# tender's own evaluation question, which states the requirement it asks about.
INSTRUCTION = caseless(
    r"\b(describe|explain|set out|outline|demonstrate|detail|evidence|tell us) (how|your|the|what|in)\b"
)


FULL_STOP = re.compile(r"[.?!](?=\s)")  # a line break inside a sentence is not its end


def _instruction_to_bidders(text: str, at: int) -> bool:
    sentence_start = max((m.end() for m in FULL_STOP.finditer(text, 0, at)), default=0)
    return bool(INSTRUCTION.search(text, sentence_start, at))


def _ends_in_question_mark(text: str, at: int) -> bool:
    end = SENTENCE_END.search(text, at)
    return end is not None and end.group() == "?"


def _unanswered(text: str, at: int, label: Caseless) -> bool:
    """`at` comes after a question `label` and before any answer label that follows it."""
    asked = [m.end() for m in label.finditer(text, 0, at)]
    if not asked:
        return False
    answered = [m.end() for m in ANSWER_LABEL.finditer(text, 0, at)]
    return not answered or asked[-1] > answered[-1]


def is_quoted(text: str, char_start: int, char_end: int) -> bool:
    """True when the match sits inside quotation marks that open before it and close after it, unless
    the document introduces the quotation as its own question ("a single question, SV1: "…"")."""
    before, after = text[:char_start], text[char_end:]
    # Each mark is counted only where it occurs at all: most sentences have none.
    if "“" in before and before.count("“") > before.count("”") and "”" in after:
        return not _own_question(before, before.rfind("“"))
    if '"' in before and before.count('"') % 2 == 1 and '"' in after:
        return not _own_question(before, before.rfind('"'))
    if ("'" in before and _straight_single_quoted(before, after)) or (
        "[" in before and is_template_guidance(text, char_start)
    ):
        return True
    if "‘" not in before:
        return False  # no opening single quotation mark
    opening_single = len(re.findall(r"(?:^|[\s(\[])‘", before))
    return opening_single > before.count("’") - len(re.findall(r"\w’\w", before)) and "’" in after


# "Question 4: ", "a single question, SV1: ", "one question in every invitation: ": the document's own
# question, introduced with a colon (not "questions such as:").
OWN_QUESTION = caseless(
    r"\b(?:question|q\s?\d[\w.]*)\b(?![^.\"“”]*\b(?:such as|like|e\.g)\b)[^.\"“”]{0,40}[:–-]\s*$"
)


def _own_question(before: str, opening: int) -> bool:
    return bool(OWN_QUESTION.search(before[max(0, opening - 40) : opening]))


TEMPLATE_GUIDANCE = caseless(
    r"\[\s*(insert|enter|select|delete|add|buyer|supplier|drafting|guidance|note|choose|complete)\b[^\]]*$",
)


def is_template_guidance(text: str, char_start: int) -> bool:
    """Inside a template's bracketed instruction: "[Buyer guidance: insert the level required]"."""
    return bool(TEMPLATE_GUIDANCE.search(text[max(0, char_start - 300) : char_start]))


def _straight_single_quoted(before: str, after: str) -> bool:
    """'like this': an apostrophe opening after a space and closing before a non-letter."""
    opening = max(before.rfind(" '"), before.rfind("('"), -1 if not before.startswith("'") else 0)
    if opening < 0 or "'" in before[opening + 2 :].replace("'s ", "").replace("n't", ""):
        return False
    return bool(re.search(r"'(?![A-Za-z])", after))


def is_reported(tokens: Tokens, start: int) -> bool:
    """True when the sentence reports what someone else says, or names the term as a term."""
    sent_start, _ = tokens.sentence(start)
    return bool(REPORTED_SPEECH.search(tokens.span_text(sent_start, start).lower()))


OBLIGATION = caseless(r"\b(shall|must|will|is to|are to)\b")
# A field that sets a requirement ("Financial standing: a turnover of at least four times…"), not a term.
REQUIREMENT = caseless(
    r"\b(at least|a minimum|minimum of|no (less|fewer|more) than|required|mandatory|essential)\b"
)
# A glossary entry proper: a term without figures ("KPI 1:" is a label), then an explanation.
GLOSSARY_ENTRY = caseless(
    r"^\s*\|?\s*[\"“‘']?[a-z][a-z&/\-–']*(?: [a-z&/\-–']+){0,5}[\"”’']?[ \t]*(:|–|—| - |\n|\|)\s*"
    r"(the|a|an|any|where|when|how|what|used|describes?|refers?|means?|\w+ing)\b",
)


# Labels that introduce an answer or a field, not a term being defined ("Response: The budget is…").
NOT_A_TERM = caseless(
    r"^\s*\W*(answer|response|reply|question|query|note|notes|status|comment|comments|update|decision|"
    r"outcome|action|council response|clarification)\b",
)


def only_names_term(block: Block, char_start: int) -> bool:
    """Headings and definition entries name a term without using it. A block under a "Definitions" or
    "Key terms" heading counts only when it reads as a definition, not when it states an obligation."""
    if block.kind is BlockKind.HEADING or block.defines:
        return True
    if char_start < 60 and _defines_at(block.text, char_start):
        return True  # the term itself
    return _block_defines(block.text, tuple(block.location.trail))


@lru_cache(maxsize=4096)
def _block_defines(text: str, trail: tuple[str, ...]) -> bool:
    """A whole block that only defines: a glossary entry stating no duty, or a definitions section's
    entry or explanation (asked once per block, however many matches it has)."""
    if NOT_A_TERM.match(text):
        return False
    if (
        GLOSSARY_ENTRY.match(text)
        and not OBLIGATION.search(text)
        and not REQUIREMENT.search(text)
        and len(text) < 400
    ):
        return True  # a whole "Term: what it means" entry that states no duty
    if section_is("definition", trail):
        return bool(definition_entry(text)) or not OBLIGATION.search(text)
    return False


def _defines_at(text: str, char_start: int) -> bool:
    """The match falls within the term of a definition ("X means ...", "X: a way of ..."), not within
    the label of a "Key: value" line such as "Social value: pass/fail"."""
    match = definition_entry(text)
    if match is None or char_start > match.start(1):
        return False
    return match.group(1).strip() not in (":", "–", "—", "-") or bool(GLOSSARY_ENTRY.match(text))


def contexts(
    tokens: Tokens,
    start: int,
    end: int,
    block: Block,
    char_start: int,
    char_end: int,
    wanted: Collection[str] = CONTEXTS,
    own: Collection[int] = (),
    chosen: Collection[str] = (),
) -> list[str]:
    """The contexts among `wanted` that hold for the match [start, end), checked in the order of
    CONTEXTS and stopping at the first one found (one is enough to cancel a rule that listed it).
    `chosen`: the labels of the options the document settles on (see chosen_options)."""
    clause = _Clause(tokens, start, end, own, None)
    match = _Match(tokens, start, end, block, char_start, char_end, clause, chosen)
    for name, holds in CHECKS:
        if name in wanted and holds(match):
            return [name]
    return []


class _Match(NamedTuple):
    """What every context check reads about one match (made once per match, not per check)."""

    tokens: Tokens
    start: int
    end: int
    block: Block
    char_start: int
    char_end: int
    clause: _Clause
    chosen: Collection[str]


# Every context with its check, in the order of CONTEXTS.
CHECKS: tuple[tuple[str, Callable[[_Match], bool]], ...] = (
    ("negated", lambda m: _negated(m.clause)),
    ("rejected", lambda m: _rejected(m.clause)),
    ("hypothetical", lambda m: _hypothetical(m.clause, m.block, m.chosen)),
    ("historical", lambda m: is_historical(m.tokens, m.start, m.end, m.block, m.clause.bounds)),
    ("reported", lambda m: is_reported(m.tokens, m.start)),
    ("quoted", lambda m: is_quoted(m.block.text, m.char_start, m.char_end)),
    ("definition", lambda m: only_names_term(m.block, m.char_start)),
    ("question", lambda m: is_question(m.block.text, m.char_start, m.char_end)),
)
