"""One heading classifier for layouts without heading markup: plain text, PDFs, and Word or
OpenDocument files whose authors numbered, capitalised or emboldened their headings instead of using
heading styles.

A line is a heading when its layout says so: a structural label ("Part B", "Schedule 2 – Pricing",
"Annex 3"), a clause number with a title ("2. CONTRACT PRICE", "4.1 Payment terms"), a short line in
capitals, or (when the format says it is bold or larger than the body) a short title. A sentence is
never a heading: a line that ends like one, runs long, or carries a verb ("2.2 The Council shall pay…")
stays a paragraph, so a numbered clause keeps being read as a clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_CHARACTERS = 90
MAX_WORDS = 12
#: Untitled structural labels and numbered titles shorter than this are not sentences.
MAX_SENTENCE_CASE_WORDS = 8

STRUCTURAL = re.compile(
    r"^(?P<label>(?i:part|section|schedule|annex|annexe|appendix|chapter)\s+"
    r"(?:[A-Z]{1,2}|\d{1,3}(?:\.\d{1,2})?|[IVXLC]{1,6}))\b(?:\s*[-–—:.]?\s*(?P<title>.*))?$"
)
NUMBERED = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){0,3})(?P<dot>[.)]?)\s+(?P<title>\S.*)$")
LETTERED = re.compile(r"^(?P<number>[A-H])[.)]\s+(?P<title>\S.*)$")
LIST_MARKER = re.compile(r"^\d{1,3}[.)]\s")
SENTENCE_END = (".", ",", ";", ":", "?", "!")
# Words that make a line a statement rather than a title.
VERBS = frozenset(
    [
        *("shall", "will", "must", "may", "should", "is", "are", "was", "were", "be", "been"),
        *("has", "have", "had", "can", "could", "would", "does", "pays", "provides"),
    ]
)
# A line in capitals may be a question-style title ("HOW YOU WILL BE PAID"), but not a duty.
DUTIES = frozenset(["shall", "must"])
AMOUNTS = re.compile(r"[£$€%]|\b\d{3,}\b")


@dataclass(frozen=True)
class Heading:
    """A heading's level (1 is the outermost) and its number or label, if any."""

    level: int
    number: str | None = None


def classify(line: str, emphasis: bool = False) -> Heading | None:
    """The heading a one-line paragraph is, or None. `emphasis` says the format shows it bold or
    larger than the body text, which lets a short sentence-case title count."""
    text = " ".join(line.split())
    if not text or "\n" in line.strip() or len(text) > MAX_CHARACTERS or len(text.split()) > MAX_WORDS:
        return None
    structural = STRUCTURAL.match(text)
    if structural:
        title = structural["title"] or ""
        if not title or _title_like(title, emphasis=True):
            return Heading(1, structural["label"])
        return None
    if text.endswith(SENTENCE_END):
        return None
    numbered = NUMBERED.match(text)
    if numbered:
        title = numbered["title"]
        if not numbered["dot"] and "." not in numbered["number"] and not in_capitals(title):
            return None  # "12 months contract": a bare figure needs a title in capitals
        if _title_like(title, emphasis=True):
            return Heading(_depth(numbered["number"]), numbered["number"])
        return None
    lettered = LETTERED.match(text)
    if lettered and _title_like(lettered["title"], emphasis=emphasis):
        return Heading(1, lettered["number"])
    if in_capitals(text) and _title_like(text, emphasis=True):
        return Heading(1)
    if emphasis and _title_like(text, emphasis=True):
        return Heading(2)
    return None


def heads_next_line(heading: Heading, next_line: str) -> bool:
    """Whether a heading found on the first line of a paragraph heads the lines below it, rather
    than being the first item of a list: it is unnumbered (capitals, a structural label) or the next
    line is numbered under it ("2. CONTRACT PRICE" then "2.1 The…"); "1. Personal care" above
    "2. Medication" is a list."""
    number = heading.number
    if number is None or not number[0].isdigit():
        return True
    return next_line.startswith(number + ".") and not LIST_MARKER.match(next_line)


def _depth(number: str) -> int:
    """Clause depth: "4" and "4.0" are 1, "4.2" is 2, "4.2.1" is 3."""
    parts = number.split(".")
    while len(parts) > 1 and parts[-1] == "0":
        parts.pop()
    return len(parts)


def in_capitals(text: str) -> bool:
    """At least three letters, all capitals."""
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 3 and all(char.isupper() for char in letters)


def _title_like(title: str, emphasis: bool) -> bool:
    """A title, not a statement: starts with a capital, states no verb or amount, and is short unless
    it is in capitals."""
    first = next((char for char in title if char.isalpha()), "")
    if not first or not first.isupper() or title.endswith(SENTENCE_END) or AMOUNTS.search(title):
        return False
    words = [word.strip("()[],'’\"“”").lower() for word in title.split()]
    if in_capitals(title):
        return not DUTIES.intersection(words)
    if VERBS.intersection(words):
        return False
    return emphasis and len(words) <= MAX_SENTENCE_CASE_WORDS
