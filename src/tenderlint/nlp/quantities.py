"""Quantities as people write them, parsed once for the profile and every rule.

Numbers come in figures ("60", "1,000"), words ("sixty", "forty-five", "twenty four"), both at once
("sixty (60) days", where the bracket only echoes the word), and fractions of an hour ("quarter-hour",
"half an hour"). On top of numbers sit the typed values rules need: durations, day counts, weightings
as percentages, points or ratios ("60:40 price/quality"), and periods with extensions ("3 + 1 + 1
years", "two years with the option to extend by a further 12 months").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tenderlint.nlp.caseless import caseless

UNITS = {
    "zero": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100}
ADVERBS = {"once": 1, "twice": 2, "thrice": 3}
_WORD = "|".join(sorted([w for w in UNITS if w not in ("a", "an")] + list(TENS) + list(ADVERBS), key=len))
# "forty-five", "twenty four", "one hundred and twenty", "sixty (60)", "60", "1,000.5"
# One number in words, as a regex fragment for other modules: "twelve", "twenty-four", "forty five".
NUMBER_WORDS = rf"(?:{_WORD})(?:[\s-](?:{_WORD}))?"
NUMBER = caseless(
    rf"(?<![\w.])(?:(?P<figure>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"|(?P<words>(?:{_WORD}|hundred)(?:(?:[\s-]+|\s+and\s+)(?:{_WORD}|hundred))*))"
    rf"(?P<echo>\s*\(\s*\d+(?:\.\d+)?\s*\))?(?![\w])",
)
FRACTION_OF_HOUR = caseless(r"\b(?P<n>quarter|half)(?:[\s-]+(?:of\s+)?an?)?[\s-]+hour(?:ly)?\b")


# "The end of the month following the month of receipt" is 31 to 61 days: read as 45.
MONTH_FOLLOWING_DAYS = 45.0
MONTH_FOLLOWING = caseless(
    r"\b(?:end of the|last day of the|by the end of the)?\s*(?:calendar\s+)?month\s+(?:following|after)\s+"
    r"(?:the\s+)?(?:month|date)\s+(?:of|in\s+which)",
)


@dataclass(frozen=True)
class Number:
    value: float
    start: int
    end: int


def words_value(text: str) -> float | None:
    """The value of a number written in words: "forty-five" 45, "one hundred and twenty" 120."""
    total, current = 0, 0
    seen = False
    for word in re.split(r"[\s-]+", text.lower()):
        if word == "and" or not word:
            continue
        if word in ADVERBS:
            current += ADVERBS[word]
        elif word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES:
            current = max(current, 1) * SCALES[word]
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def numbers(text: str) -> list[Number]:
    """Every number in `text`, in order, with "sixty (60)" read once and "quarter-hour" as 15 minutes."""
    found: list[Number] = []
    for match in NUMBER.finditer(text):
        if match.group("figure"):
            value: float | None = float(match.group("figure").replace(",", ""))
        else:
            value = words_value(match.group("words"))
        if value is not None:
            found.append(Number(value, match.start(), match.end()))
    for match in FRACTION_OF_HOUR.finditer(text):
        minutes = 15.0 if match.group("n").lower() == "quarter" else 30.0
        found.append(Number(minutes, match.start(), match.end()))
    for match in MONTH_FOLLOWING.finditer(text):
        found.append(Number(MONTH_FOLLOWING_DAYS, match.start(), match.end()))
    return sorted(found, key=lambda n: n.start)


def first_number(text: str) -> float | None:
    """The first number in `text`, however written; None when there is none."""
    found = numbers(text)
    return found[0].value if found else None


UNIT_WORD = caseless(
    r"[\s-]*(?:calendar\s+|working\s+|business\s+|clear\s+)?(?P<unit>minute|min|hour|hr|day|week|fortnight|month|year)s?\b",
)
IN_DAYS = {"minute": 1 / 1440, "min": 1 / 1440, "hour": 1 / 24, "hr": 1 / 24, "day": 1, "week": 7}
IN_DAYS |= {"fortnight": 14, "month": 30, "year": 365}
UNITS_IN_DAYS = {"minutes": 1 / 1440, "hours": 1 / 24, "days": 1, "weeks": 7, "months": 30, "years": 365}


def first_duration(text: str, unit: str) -> float | None:
    """The first number in `text` as a duration in `unit` (minutes, hours, days, weeks, months, years):
    "two months" is 60 days, "within 45 days" 45. A number with no unit after it is taken as `unit`."""
    for number in numbers(text):
        if number.value == MONTH_FOLLOWING_DAYS and MONTH_FOLLOWING.match(text, number.start):
            return MONTH_FOLLOWING_DAYS / UNITS_IN_DAYS[unit]
        written = UNIT_WORD.match(text, number.end)
        if written:
            return number.value * IN_DAYS[written.group("unit").lower()] / UNITS_IN_DAYS[unit]
        return number.value
    return None


# Weightings ---------------------------------------------------------------------------------------

RATIO = caseless(
    r"(?<![\d.:])(?P<a>\d{1,3})\s*[:/]\s*(?P<b>\d{1,3})(?![\d.:])\s*(?:split\s+|ratio\s+)?(?:between\s+|of\s+|on\s+|for\s+)?"
    r"(?P<x>price|cost|quality|technical)\s*(?:/|:|and|to|-)\s*(?P<y>price|cost|quality|technical)\b",
)
RATIO_AFTER = caseless(
    r"\b(?P<x>price|cost|quality|technical)\s*(?:/|:|and|to|-)\s*(?P<y>price|cost|quality|technical)\b"
    r"[^.\d]{0,30}?(?<![\d.:])(?P<a>\d{1,3})\s*[:/]\s*(?P<b>\d{1,3})(?![\d.:])",
)


def ratio_weightings(text: str) -> list[tuple[str, float, int]]:
    """ "a 60:40 price/quality ratio" -> [("price", 60, pos), ("quality", 40, pos)] when the pair sums to 100."""
    found = []
    for pattern in (RATIO, RATIO_AFTER):
        for match in pattern.finditer(text):
            a, b = float(match.group("a")), float(match.group("b"))
            if abs(a + b - 100) > 0.5:
                continue
            found.append((match.group("x").lower(), a, match.start()))
            found.append((match.group("y").lower(), b, match.start()))
    return found


POINTS = caseless(
    r"\b(?P<label>price|pricing|cost|commercial|quality|technical|social value)\b[^.;\d]{0,25}?"
    r"(?<![\d.])(?P<n>\d{1,4})\s*(?:points|marks)\b"
    r"|(?<![\d.])(?P<n2>\d{1,4})\s*(?:points|marks)\s*(?:for|on|to)\s*(?:the\s+)?"
    r"(?P<label2>price|pricing|cost|commercial|quality|technical|social value)\b",
)


def point_weightings(text: str) -> list[tuple[str, float, int]]:
    """ "Quality 400 points, Price 600 points" -> percentages of the points stated, when two or more criteria."""
    raw = []
    for match in POINTS.finditer(text):
        label = match.group("label") or match.group("label2")
        value = float(match.group("n") or match.group("n2"))
        raw.append((label.lower(), value, match.start()))
    labels = {label for label, _, _ in raw}
    total = sum(value for _, value, _ in raw)
    if len(labels) < 2 or total <= 0 or len(labels) != len(raw):
        return []
    return [(label, round(100 * value / total, 1), pos) for label, value, pos in raw]


LABELLED = caseless(
    r"\b(?P<label>price|pricing|cost|commercial|quality|technical|social value|community benefits?)\b"
    r"\s*[:=–-]?\s*(?P<n>\d{1,3}(?:\.\d+)?)\b(?!\s*(?:%|per ?cent|days?|weeks?|months?|years?|hours?|minutes?|"
    r"words?|pages?|marks? each|,\d|\.\d|/\d))",
)


def labelled_weightings(text: str) -> list[tuple[str, float, int]]:
    """ "Quality 40 / Price 60", "Cost: 70, Quality: 30": bare numbers after criteria, taken as percentages
    only when two or more different criteria are given and they add up to 100."""
    raw = [(m.group("label").lower(), float(m.group("n")), m.start()) for m in LABELLED.finditer(text)]
    labels = {label for label, _, _ in raw}
    if len(labels) < 2 or len(labels) != len(raw) or abs(sum(v for _, v, _ in raw) - 100) > 0.5:
        return []
    return raw
