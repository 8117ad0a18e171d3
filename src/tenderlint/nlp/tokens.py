"""A tokenized block as the guards and pattern rules read it, whichever engine produced it.

Token i covers text[starts[i]:ends[i]]; sentences are runs of tokens starting where `sentence_starts`
says. Both engines (tenderlint's own and spaCy) fill the same structure, so rules never see the
difference.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import KeysView
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any


@dataclass
class Tokens:
    text: str
    starts: list[int]
    ends: list[int]
    # Indices of the first token of each sentence, ascending, starting with 0; or None to find them
    # from `sentence_punct` when first asked (most blocks never are).
    known_sentence_starts: list[int] | None = None
    sentence_punct: frozenset[str] = frozenset()
    # The spaCy Doc, when spaCy made these tokens (its Matcher needs it).
    doc: Any = field(default=None, repr=False)
    # Every token's text and lower-cased text: read by every rule on every block, so made once up front
    # (the texts by the tokenizer, when it has them).
    words: list[str] = field(default_factory=list, repr=False)
    lowers: list[str] = field(init=False, repr=False)
    _positions: dict[str, list[int]] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        text, starts, ends = self.text, self.starts, self.ends
        if len(self.words) != len(starts):
            self.words = [text[a:b] for a, b in zip(starts, ends)]
        lowered = text.lower()
        if len(lowered) == len(text):
            self.lowers = [lowered[a:b] for a, b in zip(starts, ends)]
        else:  # a dotted capital I lengthens when lower-cased: offsets no longer line up
            self.lowers = [word.lower() for word in self.words]

    def __len__(self) -> int:
        return len(self.starts)

    def word(self, i: int) -> str:
        return self.words[i]

    def positions(self, lower: str) -> list[int]:
        """Where the lower-cased word `lower` occurs."""
        return self._index().get(lower, [])

    def present(self, lowers: frozenset[str]) -> set[str]:
        """Those of `lowers` that occur (one set operation, not one lookup per listed word)."""
        return self._index().keys() & lowers

    def vocabulary(self) -> KeysView[str]:
        """Every distinct lower-cased word, as a set-like view (for many `isdisjoint` tests in a row)."""
        return self._index().keys()

    def has_any(self, lowers: frozenset[str]) -> bool:
        """Whether any of `lowers` occurs."""
        return not self._index().keys().isdisjoint(lowers)

    def _index(self) -> dict[str, list[int]]:
        if self._positions is None:
            index: dict[str, list[int]] = {}
            for i, word in enumerate(self.lowers):
                index.setdefault(word, []).append(i)
            self._positions = index
        return self._positions

    @property
    def sentence_starts(self) -> list[int]:
        if self.known_sentence_starts is None:
            self.known_sentence_starts = sentence_starts(self.words, self.sentence_punct)
        return self.known_sentence_starts

    def sentence(self, i: int) -> tuple[int, int]:
        """Token bounds [start, end) of the sentence holding token i."""
        starts = self.sentence_starts
        k = bisect_right(starts, i) - 1
        end = starts[k + 1] if k + 1 < len(starts) else len(self)
        return starts[k], end

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens [start, end), with the spaces between them."""
        if start >= end:
            return ""
        return self.text[self.starts[start] : self.ends[end - 1]]


def sentence_starts(words: list[str], punct_chars: frozenset[str]) -> list[int]:
    """spaCy's sentencizer: a sentence ends after sentence punctuation, at the next non-punctuation token."""
    starts = [0] if words else []
    seen_end = False
    for i, word in enumerate(words):
        ends_sentence = word in punct_chars
        if seen_end and not ends_sentence and not is_punct(word):
            if i:
                starts.append(i)
            seen_end = False
        elif ends_sentence:
            seen_end = True
    return starts


@lru_cache(maxsize=65536)
def is_punct(word: str) -> bool:
    return all(unicodedata.category(char).startswith("P") for char in word)
