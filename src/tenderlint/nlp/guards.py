"""Shared false-positive guards applied to every pattern match, never rule by rule.

A match is dropped when its clause negates or rejects the pattern ("we will not pay hourly rates",
"avoid time and task", "moving away from"), when it sits inside quotation marks or reported speech,
or when the block only names or defines the term (a heading, a glossary entry).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tenderlint.document import Block, BlockKind

if TYPE_CHECKING:
    from tenderlint.nlp.tokens import Tokens

# Words that close one clause and open another: a negation on one side does not reach the other.
CLAUSE_BREAKS = {";", ":", "—", "–", "but", "whereas", "however", "although", "while", "though", "unlike"}

# A cue anywhere before the match in its clause negates or rejects it.
NEGATION_BEFORE = {
    "not",
    "no",
    "never",
    "n't",
    "nor",
    "neither",
    "without",
    "cannot",
    "none",
    "nothing",
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
}
# Multi-word cues before the match (matched on the lower-cased clause text).
NEGATION_PHRASES_BEFORE = re.compile(
    r"\b(instead of|rather than|no longer|(move[sd]?|moving|shift(s|ed|ing)?|steer(s|ed|ing)?|turn(s|ed|ing)?) away)\b"
)
# Cues after the match, in the same clause, that turn the statement into a rejection.
NEGATION_AFTER = re.compile(
    r"^\W*(\w+\W+){0,4}?(will not|would not|does not|do not|did not|shall not|must not|should not|is not|are not|was not|were not|"
    r"cannot|can't|won't|isn't|aren't|not be|no longer|are avoided|is avoided|to be avoided|is a myth|"
    r"are a myth|constrains?|undermines?|hinders?|restricts? flexibility|gets? in the way|"
    r"is discouraged|are discouraged|is prohibited|are prohibited|is not permitted|are not permitted)\b"
)
REPORTED_SPEECH = re.compile(
    r"\b(so-called|so called|known as|referred to as|described as|the (term|phrase|words?)|"
    r"(told|tell|telling) us|(people|providers|they|respondents|carers) (said|say|says)|"
    r"what (is|are) meant by)\b"
)
DEFINITION_SECTION = re.compile(
    r"\b(glossary|definitions?|interpretation|abbreviations|terminology|key terms)\b", re.I
)
DEFINITION_ENTRY = re.compile(
    r"^\s*[\"“‘']?[\w &/\-–]{2,60}[\"”’']?\s*(:|–|—| - |\bmeans\b|\brefers to\b|\bis defined as\b)"
)


def clause_bounds(tokens: Tokens, start: int, end: int) -> tuple[int, int]:
    """Token bounds of the clause holding tokens [start, end): within the sentence, between clause breaks."""
    sent_start, sent_end = tokens.sentence(start)
    lowers = tokens.lowers
    left = start
    while left > sent_start and lowers[left - 1] not in CLAUSE_BREAKS:
        left -= 1
    right = end
    while right < sent_end and lowers[right] not in CLAUSE_BREAKS:
        right += 1
    return left, right


def is_negated(tokens: Tokens, start: int, end: int) -> bool:
    """True when the clause around the match negates or rejects it."""
    left, right = clause_bounds(tokens, start, end)
    if any(word in NEGATION_BEFORE for word in tokens.lowers[left:start]):
        return True
    if NEGATION_PHRASES_BEFORE.search(tokens.span_text(left, start).lower()):
        return True
    after = tokens.span_text(end, right).lower()
    return bool(NEGATION_AFTER.search(after))


def is_quoted(text: str, char_start: int, char_end: int) -> bool:
    """True when the match sits inside quotation marks that open before it and close after it."""
    before, after = text[:char_start], text[char_end:]
    if before.count("“") > before.count("”") and "”" in after:
        return True
    if before.count('"') % 2 == 1 and '"' in after:
        return True
    if _straight_single_quoted(before, after):
        return True
    opening_single = len(re.findall(r"(?:^|[\s(\[])‘", before))
    return opening_single > before.count("’") - len(re.findall(r"\w’\w", before)) and "’" in after


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


def only_names_term(block: Block, char_start: int) -> bool:
    """True for headings, glossary sections and definition entries, which name a term without using it."""
    if block.kind is BlockKind.HEADING:
        return True
    if any(DEFINITION_SECTION.search(heading) for heading in block.location.trail):
        return True
    return (
        char_start < 60 and bool(DEFINITION_ENTRY.match(block.text)) and _defines_at(block.text, char_start)
    )


def _defines_at(text: str, char_start: int) -> bool:
    """The match falls within the defined term at the start of a 'Term: definition' entry."""
    match = DEFINITION_ENTRY.match(text)
    return match is not None and char_start <= match.start(1)


def guard_reason(
    tokens: Tokens, start: int, end: int, block: Block, char_start: int, char_end: int
) -> str | None:
    """Why a match should be dropped, or None to keep it. Every pattern rule goes through this."""
    if only_names_term(block, char_start):
        return "names-term"
    if is_negated(tokens, start, end):
        return "negated"
    if is_quoted(block.text, char_start, char_end):
        return "quoted"
    if is_reported(tokens, start):
        return "reported"
    return None
