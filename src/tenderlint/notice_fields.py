"""A published notice's fields read with their values, where each field stands in a paragraph of its own.

Award criteria: "Name: Quality", "Type: Quality", "Weighting: 40%" (or each label above its value), one
record per criterion, read as a whole. Contract dates: a start date field and an end date field."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from tenderlint.document import Block, BlockKind

FIELD = re.compile(
    r"^(?P<key>name|type|criterion|award criterion)\s*(?::\s*|\n\s*)(?P<value>[^\n]{1,80}?)\s*$", re.I
)
# A description of the criterion, however long: part of the record, not the end of it.
DESCRIPTION = re.compile(r"^description\s*(?::|\n)", re.I)
# The label that opens a notice's award criteria, where no heading says so.
AWARD_LABEL = re.compile(r"^(award|evaluation) criteria\b|^criteria and weightings\b", re.I)
WEIGHT = re.compile(r"^weighting\s*(?::\s*|\n\s*)?(?P<n>\d{1,3}(?:\.\d+)?)\s*(?:%|per ?cent)?$", re.I)
# A criterion named alone on its line, above its fields ("Quality", then "Weighting: 40%").
MAX_NAME = 40
LABEL_ABOVE = 80  # characters: a field's label on the line above its value, not a paragraph
PRICE_TYPES = ("cost", "price")
# The same records run together in one paragraph, as a web page's fields come out when copied as text:
# "Name Quality Description Written responses … Type Quality Weighting 41% Name Social value …".
INLINE_RECORD = re.compile(
    r"\bName:?\s+(?P<name>[^\n]{1,60}?)\s+(?:Description:?\s+(?:(?!\bName\b)[\s\S]){0,600}?\s+)?"
    r"Type:?\s+(?P<type>[A-Za-z]+)\s+Weighting:?\s+(?P<n>\d{1,3}(?:\.\d+)?)\s*%"
)


class NoticeRecords:
    """Reads one block after another and returns (criterion, percent) when a record's weighting arrives."""

    def __init__(self, classify: Callable[[str], str | None]) -> None:
        self.classify = classify
        self.name = ""
        self.kind = ""
        self.active = False  # inside a notice's award criteria

    def read(self, block: Block, in_evaluation: bool) -> tuple[str, float] | None:
        """The next block: a field, a criterion's name, or the weighting that completes a record."""
        return self.read_text(block.text, in_evaluation, block.kind is BlockKind.TABLE_CELL)

    def read_text(self, text: str, in_evaluation: bool, cell: bool = False) -> tuple[str, float] | None:
        text = text.strip()
        if DESCRIPTION.match(text):
            return None
        if cell or len(text) > 120:
            self.name = self.kind = ""
            self.active = False
            return None
        if len(text) <= MAX_NAME and AWARD_LABEL.match(text):
            self.active = True
            return None
        field = FIELD.match(text)
        if field:
            if field.group("key").lower() == "type":
                self.kind = field.group("value")
            else:
                self.name, self.kind = field.group("value"), ""
            return None
        weight = WEIGHT.match(text)
        if weight:
            criterion = criterion_of(self.name, self.kind, self.classify)
            self.name = self.kind = ""
            if not (criterion and (self.active or in_evaluation)):
                return None
            return criterion, float(weight.group("n"))
        if len(text) <= MAX_NAME and not any(ch.isdigit() for ch in text) and self.classify(text):
            self.name, self.kind = text, ""
        else:
            self.name = self.kind = ""
        return None


def criterion_of(name: str, kind: str, classify: Callable[[str], str | None]) -> str | None:
    """A notice criterion's name decides where it says social value; else its type (price or cost), else
    its name, else its type ("Quality")."""
    named = classify(name) if name else None
    if named == "social_value":
        return named
    if kind.strip().lower() in PRICE_TYPES:
        return "price"
    return named or (classify(kind) if kind else None)


def inline_records(text: str, classify: Callable[[str], str | None]) -> list[tuple[int, str, float]]:
    """Records run together in one paragraph: (where, criterion, percent) for each."""
    found = []
    for match in INLINE_RECORD.finditer(text):
        criterion = criterion_of(match.group("name"), match.group("type"), classify)
        if criterion:
            found.append((match.start(), criterion, float(match.group("n"))))
    return found


def field_label(blocks: list[Block], index: int, at: int, width: int) -> str:
    """The words before a value at `at` in its block or, when the value opens its block, the short block
    above it: a notice's field label on its own line ("Tender submission deadline", then the date)."""
    label = blocks[index].text[max(0, at - width) : at]
    if label.strip() or not index or len(blocks[index - 1].text) > LABEL_ABOVE:
        return label
    return blocks[index - 1].text


def is_field(block: Block) -> bool:
    """A record's field or its criterion's name: it does not end a run of weightings."""
    text = block.text.strip()
    return len(text) <= MAX_NAME * 2 and not text.endswith((".", ";")) and "\n\n" not in text


# A notice's contract dates as two fields: "Contract start date: 1 June 2026", "Contract end date: …".
# The older notice form puts them under its duration heading: "Start: 01/06/2024", "End: 31/05/2025".
START_FIELD = re.compile(r"(\b(contract|agreement|service) start date\b|^start)\W{0,3}$", re.I | re.M)
END_FIELD = re.compile(r"(\b(contract|agreement|service) end date\b|^end)\W{0,3}$", re.I | re.M)
FIELDS_APART = 4  # blocks: the end date's field follows the start date's within a few fields


def start_and_end(
    blocks: list[Block], dates_in: Callable[[str], list[tuple[date, int]]]
) -> tuple[int, date, date] | None:
    """The block of a contract's start date field, with that date and the end date's, when a notice
    states the term only as two dates."""
    start: tuple[int, date] | None = None
    for index, block in enumerate(blocks):
        if start and index - start[0] > FIELDS_APART:
            start = None
        for found, at in dates_in(block.text):
            label = field_label(blocks, index, at, 40)
            if START_FIELD.search(label):
                start = (index, found)
            elif start and END_FIELD.search(label) and found > start[1]:
                return start[0], start[1], found
    return None
