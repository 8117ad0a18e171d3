"""Collapse runs of whitespace before spaCy sees the text, keeping a map back to the original offsets.

Hard-wrapped text files and PDFs put newlines and double spaces inside sentences; spaCy turns those into
whitespace tokens that would break every multi-word pattern.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

WHITESPACE = re.compile(r"\s+")
# Whitespace other than single spaces: most blocks have none, and are used as they are.
UNUSUAL_WHITESPACE = re.compile(r"[^\S ]|  ")


def squash(text: str) -> tuple[str, Sequence[int]]:
    """Return (normalised text, offsets) where offsets[i] is the original index of normalised char i.

    offsets has one extra entry so that an end offset (one past the last character) maps too.
    """
    if not UNUSUAL_WHITESPACE.search(text):
        return text, range(len(text) + 1)
    pieces: list[str] = []
    offsets: list[int] = []
    position = 0
    for match in WHITESPACE.finditer(text):
        pieces.append(text[position : match.start()])
        offsets.extend(range(position, match.start()))
        pieces.append(" ")
        offsets.append(match.start())
        position = match.end()
    pieces.append(text[position:])
    offsets.extend(range(position, len(text)))
    offsets.append(len(text))
    return "".join(pieces), offsets
