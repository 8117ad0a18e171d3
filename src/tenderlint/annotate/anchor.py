"""Finding a finding's words in a block's text, whatever the format.

Each format reads a block as a list of segments (text, plus whether a comment can start or end inside
it). Matching ignores differences in whitespace, because parsers collapse spaces, tabs and line breaks
that the document itself keeps.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from tenderlint.document import Location
from tenderlint.findings import Finding
from tenderlint.nlp.normalise import squash as squash_whitespace


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


def squash(raw: str) -> tuple[str, Sequence[int]]:
    """`raw` with whitespace runs collapsed to one space and ends stripped, plus each character's index
    in `raw`."""
    norm, offsets = squash_whitespace(raw)
    stripped = norm.strip(" ")
    lead = len(norm) - len(norm.lstrip(" "))
    return stripped, offsets[lead : lead + len(stripped)]


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


def place(
    finding: Finding,
    container: Any | None,
    fallback: Callable[[], Any | None],
    segments: Callable[[Any], tuple[list[str], list[Any]]],
) -> tuple[Any, Choice] | None:
    """The element and span to comment on: the finding's words in its own block, else the whole of the
    `fallback` block (document-level findings, blocks the annotator cannot find); None if neither can
    carry a comment. `segments` splits an element into texts and their owners (None: cannot anchor)."""

    def choice_in(element: Any, whole: bool) -> Choice | None:
        texts, owners = segments(element)
        return choose(texts, [owner is not None for owner in owners], finding, whole)

    choice = None if container is None else choice_in(container, whole=False)
    if choice is None:
        container = fallback()
        choice = None if container is None else choice_in(container, whole=True)
    return None if container is None or choice is None else (container, choice)
