"""Finding a finding's words in a block's text, whatever the format.

Each format reads a block as a list of segments (text, plus whether a comment can start or end inside
it). Matching ignores differences in whitespace, because parsers collapse spaces, tabs and line breaks
that the document itself keeps.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from tenderlint.document import Location
from tenderlint.findings import Finding


@dataclass(frozen=True)
class Spot:
    """A character inside the block: segment number and offset within that segment's text."""

    segment: int
    offset: int


@dataclass(frozen=True)
class Choice:
    """Where a comment goes in a block: first and last character (inclusive) of the block's raw text,
    and whether that is the finding's own words (False when the whole block stands in for them)."""

    first: int
    last: int
    exact: bool


def block_key(location: Location) -> tuple[int, ...] | None:
    """(paragraph,) or (table, row, cell) for a body block; None for anything to put on paragraph 1."""
    if location.part != "body":
        return None
    if location.table is not None and location.row is not None and location.cell is not None:
        return (location.table, location.row, location.cell)
    if location.paragraph is not None:
        return (location.paragraph,)
    return None


def squash(raw: str) -> tuple[str, list[int]]:
    """`raw` with whitespace runs collapsed to one space and ends stripped, plus each character's index
    in `raw`."""
    chars: list[str] = []
    index: list[int] = []
    for position, char in enumerate(raw):
        if char.isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                index.append(position)
            continue
        chars.append(char)
        index.append(position)
    if chars and chars[-1] == " ":
        chars.pop()
        index.pop()
    return "".join(chars), index


def find_words(raw: str, finding: Finding) -> tuple[int, int] | None:
    """[start, end) of the finding's words in `raw`; the excerpt picks the occurrence when they repeat."""
    words = " ".join(finding.matched.split())
    if not words:
        return None
    norm, index = squash(raw)
    excerpt = " ".join(finding.excerpt.rstrip("…").split())
    origin = norm.find(excerpt) if excerpt else -1
    at = -1
    if origin >= 0:
        before = " ".join(finding.excerpt[: finding.span[0]].split())
        at = norm.find(words, origin + len(before))
    if at < 0:
        at = norm.find(words)
    if at < 0:
        return None
    return index[at], index[at + len(words) - 1] + 1


def locate(texts: list[str], position: int) -> Spot:
    """The segment holding character `position` of the joined texts (empty segments are skipped)."""
    starts = [0]
    for text in texts:
        starts.append(starts[-1] + len(text))
    segment = bisect_right(starts, position) - 1
    return Spot(segment, position - starts[segment])


def choose(texts: list[str], anchorable: list[bool], finding: Finding, whole: bool = False) -> Choice | None:
    """Where to anchor `finding` in a block made of these segments (its words, else the whole block);
    None if no character in range sits in a segment that can carry a comment."""
    raw = "".join(texts)
    found = None if whole else find_words(raw, finding)
    exact = found is not None
    if found is None:
        norm, index = squash(raw)
        found = (index[0], index[-1] + 1) if norm else None
    if found is None:
        return None

    def usable(position: int) -> bool:
        return anchorable[locate(texts, position).segment] and not raw[position].isspace()

    begin, end = found
    first = next((p for p in range(begin, end) if usable(p)), None)
    last = next((p for p in range(end - 1, begin - 1, -1) if usable(p)), None)
    if first is None or last is None:
        return None
    return Choice(first, last, exact)
