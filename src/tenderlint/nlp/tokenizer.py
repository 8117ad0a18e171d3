"""spaCy's English tokenizer, run from its rules as data, without importing spaCy.

`import spacy` alone costs most of a second, longer than linting a short document takes. The rules
(affix regexes and special cases, with the sentence punctuation tokens.py uses and the lemma table)
are exported from the bundled pipeline by scripts/build_pipeline.py. This module follows spaCy's own
algorithm step by step, so the tokens are the ones spaCy would give; tests/test_engines.py checks
that on every corpus text and on generated text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cached_property, lru_cache
from pathlib import Path

from tenderlint.rulecache import cached

TABLES = Path(__file__).with_name("tables")
RUNS = re.compile(r"\S+|\s+")
UNUSUAL_SPACING = re.compile(r"[^\S ]|  ")
CACHE_SIZE = 100_000  # distinct chunks remembered per process
LONG_CHUNK = 64  # characters; longer chunks search their suffixes in two parts

Search = Callable[..., "re.Match[str] | None"]


class Tokenizer:
    """Split text into (start, end) character spans, as spaCy's `Tokenizer.__call__` does."""

    def __init__(self, table: dict) -> None:
        # spaCy anchors every prefix alternative with "^", so matching at the start finds the same
        # prefix as searching, without a search across the whole chunk for each affix stripped.
        self.prefix = _compile(table["prefix"], match=_anchored(table["prefix"]))
        self.suffix = _compile(table["suffix"])
        # For long chunks: the suffixes of bounded length searched only near the end (see build_pipeline).
        # Compiled on first use: chunks that long are rare.
        self.suffix_parts = table.get("suffix_parts")
        self.suffix_width = self.suffix_parts["width"] if self.suffix_parts else 0
        infix = table["infix"]
        self.infix = re.compile(infix).finditer if infix else None
        self.token_match = _compile(table["token_match"], match=True)
        self.url_match = _lazy_match(table["url_match"])
        self.specials: dict[str, list[str]] = table["special_cases"]
        self.cache: dict[str, tuple[tuple[int, int], ...]] = {}
        # Special cases that ordinary splitting would break up, found afterwards by their token texts
        # (keyed by the first token's text).
        # They depend on the table alone, so they are listed once and kept with the cached rule sets.
        self.late_specials: dict[str, list[tuple[str, ...]]] = cached(
            [TABLES / "tokenizer.json"], lambda: self._late_specials(table["faster_heuristics"])
        )

    @cached_property
    def late_by_second(self) -> dict[str, tuple[bool, dict[str, list[tuple[str, ...]]]]]:
        """The late special cases by first token: whether that token alone is one, and the longer ones
        by their second token."""
        index: dict[str, tuple[bool, dict[str, list[tuple[str, ...]]]]] = {}
        for first, runs in self.late_specials.items():
            longer: dict[str, list[tuple[str, ...]]] = {}
            for pieces in runs:
                if len(pieces) > 1:
                    longer.setdefault(pieces[1], []).append(pieces)
            index[first] = (any(len(pieces) == 1 for pieces in runs), longer)
        return index

    def _late_specials(self, faster_heuristics: bool) -> dict[str, list[tuple[str, ...]]]:
        found: dict[str, list[tuple[str, ...]]] = {}
        for text in self.specials:
            if not faster_heuristics or self._affixed(text) or " " in text:
                pieces = tuple(text[a:b] for a, b in self._split(text, with_specials=False))
                if pieces:
                    found.setdefault(pieces[0], []).append(pieces)
        return found

    @cached_property
    def suffix_tail(self) -> Search | None:
        parts = self.suffix_parts
        return _compile(parts["bounded"]) if parts and parts["bounded"] else None

    @cached_property
    def suffix_rest(self) -> Search | None:
        return _compile(self.suffix_parts["unbounded"]) if self.suffix_parts else None

    def _affixed(self, text: str) -> bool:
        return bool(
            (self.prefix and self.prefix(text))
            or (self.suffix and self.suffix(text))
            or (self.infix and next(self.infix(text), None))
        )

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Token spans of `text`. Single spaces separate tokens; other whitespace becomes tokens."""
        return self.split(text)[0]

    def split(self, text: str) -> tuple[list[tuple[int, int]], list[str]]:
        """Token spans of `text` and each token's text."""
        starts, ends, words = self.tokens(text)
        return list(zip(starts, ends)), words

    def tokens(self, text: str) -> tuple[list[int], list[int], list[str]]:
        """Each token's start, end and text: the late special cases read the texts, and so do the
        matcher's tokens, so they are made once (as whole chunks, in the common case)."""
        if not text.startswith(" ") and not UNUSUAL_SPACING.search(text):
            starts, ends, words = self._split_on_spaces(text)
        else:
            spans = self._split(text, with_specials=True)
            starts, ends = [a for a, _ in spans], [b for _, b in spans]
            words = [text[a:b] for a, b in spans]
        if self.late_specials and words and not self.late_specials.keys().isdisjoint(words):
            spans = list(zip(starts, ends))
            resplit = self._apply_late_specials(text, spans, words)
            if resplit is not spans:
                starts, ends = [a for a, _ in resplit], [b for _, b in resplit]
                words = [text[a:b] for a, b in resplit]
        return starts, ends, words

    def _split(self, text: str, with_specials: bool) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        for run in RUNS.finditer(text):
            start, end = run.span()
            if text[start].isspace():
                # One space after a word separates; any more whitespace is a token of its own.
                if start and text[start] == " ":
                    start += 1
                if start == end:
                    continue
            self._add_chunk(text, start, end, spans, with_specials)
        return spans

    def _split_on_spaces(self, text: str) -> tuple[list[int], list[int], list[str]]:
        """The common case, words separated by single spaces: `_split` without its per-run bookkeeping.
        A chunk that is one token is its own text, so most tokens need no slicing of their own."""
        starts: list[int] = []
        ends: list[int] = []
        words: list[str] = []
        position = 0
        known = self.cache.get
        for chunk in text.split(" "):
            if chunk:
                size = len(chunk)
                pieces = known(chunk) or self._cached_chunk(chunk)
                if len(pieces) == 1:
                    starts.append(position)
                    ends.append(position + size)
                    words.append(chunk)
                else:
                    for a, b in pieces:
                        starts.append(position + a)
                        ends.append(position + b)
                        words.append(chunk[a:b])
                position += size + 1
            else:
                position += 1
        return starts, ends, words

    def _add_chunk(
        self, text: str, start: int, end: int, spans: list[tuple[int, int]], with_specials: bool
    ) -> None:
        chunk = text[start:end]
        pieces = self._cached_chunk(chunk) if with_specials else self._chunk(chunk, with_specials=False)
        spans.extend((start + a, start + b) for a, b in pieces)

    def _cached_chunk(self, chunk: str) -> tuple[tuple[int, int], ...]:
        """Chunks repeat (words do): each distinct one is split once per process."""
        pieces = self.cache.get(chunk)
        if pieces is None:
            pieces = tuple(self._chunk(chunk, with_specials=True))
            if len(self.cache) >= CACHE_SIZE:
                self.cache.clear()
            self.cache[chunk] = pieces
        return pieces

    def _chunk(self, chunk: str, with_specials: bool) -> list[tuple[int, int]]:
        """One whitespace-free chunk: special case, or prefixes + core (+ infixes) + suffixes."""
        if with_specials and chunk in self.specials:
            return _pieces(self.specials[chunk], 0)
        prefixes: list[str] = []
        suffixes: list[str] = []
        core = chunk
        last_size = 0
        specials = self.specials if with_specials else {}
        while core and len(core) != last_size:
            if self.token_match and self.token_match(core):
                break
            if core in specials:
                break
            last_size = len(core)
            pre_len = self._length(self.prefix, core)
            if pre_len:
                minus_pre = core[pre_len:]
                if minus_pre and minus_pre in specials:
                    prefixes.append(core[:pre_len])
                    core = minus_pre
                    break
            suf_len = self._suffix_length(core[pre_len:])
            if suf_len:
                minus_suf = core[:-suf_len]
                if minus_suf and minus_suf in specials:
                    suffixes.append(core[-suf_len:])
                    core = minus_suf
                    break
            if pre_len and suf_len and pre_len + suf_len <= len(core):
                prefixes.append(core[:pre_len])
                suffixes.append(core[-suf_len:])
                core = core[pre_len:-suf_len]
            elif pre_len:
                prefixes.append(core[:pre_len])
                core = core[pre_len:]
            elif suf_len:
                suffixes.append(core[-suf_len:])
                core = core[:-suf_len]
        spans: list[tuple[int, int]] = []
        offset = 0
        for prefix in prefixes:
            spans.append((offset, offset + len(prefix)))
            offset += len(prefix)
        if core:
            spans.extend(self._core(core, offset, specials))
            offset += len(core)
        for suffix in reversed(suffixes):
            spans.append((offset, offset + len(suffix)))
            offset += len(suffix)
        return spans

    def _core(self, core: str, offset: int, specials: dict[str, list[str]]) -> list[tuple[int, int]]:
        if core in specials:
            return _pieces(specials[core], offset)
        if self.token_match and self.token_match(core):
            return [(offset, offset + len(core))]
        # Without infixes the core is one token whether or not it is a URL, so the costly URL test
        # only runs when there is something to split.
        matches = list(self.infix(core)) if self.infix else []
        if not matches or (self.url_match and self.url_match(core)):
            return [(offset, offset + len(core))]
        spans = []
        start = 0
        for match in matches:
            infix_start, infix_end = match.start(), match.end()
            if infix_start == 0:
                continue
            if infix_start != start:
                spans.append((offset + start, offset + infix_start))
            if infix_start != infix_end:
                spans.append((offset + infix_start, offset + infix_end))
            start = infix_end
        if start < len(core):
            spans.append((offset + start, offset + len(core)))
        return spans

    def _suffix_length(self, text: str) -> int:
        """The suffix search, done so that a long run of punctuation is not searched from every position
        once per affix stripped (which takes minutes on a 50,000-character run, in spaCy too)."""
        if len(text) <= LONG_CHUNK or "\n" in text or self.suffix_tail is None:
            return self._length(self.suffix, text)
        # Every alternative ends at the end of the chunk, so the leftmost match of either group wins.
        starts = [
            match.start() for match in (self.suffix_tail(text, len(text) - self.suffix_width),) if match
        ]
        if self.suffix_rest is not None:
            rest = self.suffix_rest(text)
            if rest is not None:
                starts.append(rest.start())
        return len(text) - min(starts) if starts else 0

    @staticmethod
    def _length(search: Search | None, text: str) -> int:
        if search is None:
            return 0
        match = search(text)
        return match.end() - match.start() if match is not None else 0

    def _apply_late_specials(
        self, text: str, spans: list[tuple[int, int]], words: list[str]
    ) -> list[tuple[int, int]]:
        """Re-split token runs that spell a special case (spaCy's `_apply_special_cases`); `spans`
        itself when none does."""
        late = self.late_by_second
        found = set()
        last = len(words) - 1
        for start in [i for i, word in enumerate(words) if word in late]:
            alone, longer = late[words[start]]
            if alone:
                found.add((start, start + 1))
            # Longer runs are looked up by their second token before a slice is compared (":" alone
            # begins some sixty emoticons).
            for pieces in longer.get(words[start + 1], ()) if start < last else ():
                size = len(pieces)
                if tuple(words[start : start + size]) == pieces:
                    found.add((start, start + size))
        if not found:
            return spans
        # Longest first (then earliest), skipping runs whose first or last token is taken.
        taken: set[int] = set()
        kept = []
        for start, end in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
            if start not in taken and end - 1 not in taken:
                kept.append((start, end))
            taken.update(range(start, end))
        # The run's text must be the special case itself: "and / or" is not "and/or".
        replaced: dict[int, tuple[int, list[str]]] = {}
        for start, end in kept:
            pieces = self.specials.get(text[spans[start][0] : spans[end - 1][1]])
            if pieces is not None:
                replaced[start] = (end, pieces)
        result: list[tuple[int, int]] = []
        i = 0
        while i < len(spans):
            if i in replaced:
                end, pieces = replaced[i]
                result.extend(_pieces(pieces, spans[i][0]))
                i = end
            else:
                result.append(spans[i])
                i += 1
        return result


def _pieces(pieces: list[str], offset: int) -> list[tuple[int, int]]:
    spans = []
    for piece in pieces:
        spans.append((offset, offset + len(piece)))
        offset += len(piece)
    return spans


def _compile(pattern: str | None, match: bool = False) -> Search | None:
    if not pattern:
        return None
    compiled = re.compile(pattern)
    return compiled.match if match else compiled.search


def _anchored(pattern: str | None) -> bool:
    """True when every top-level alternative starts with "^": each unescaped "|" is followed by one."""
    return (
        bool(pattern) and pattern.startswith("^") and not re.search(r"\|(?!\^)", pattern.replace("\\|", ""))
    )


def _lazy_match(pattern: str | None) -> Search | None:
    """A regex `match` compiled on first use (the URL pattern is large and rarely needed)."""
    if not pattern:
        return None

    @lru_cache(maxsize=1)
    def compiled() -> re.Pattern[str]:
        return re.compile(pattern)

    return lambda text: compiled().match(text)


@lru_cache(maxsize=1)
def table() -> dict:
    return json.loads((TABLES / "tokenizer.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def tokenizer() -> Tokenizer:
    return Tokenizer(table())


@lru_cache(maxsize=1)
def lemmas() -> dict[str, str]:
    """The lookup lemmatizer's table: word (case as written) to lemma."""
    return json.loads((TABLES / "lemmas.json").read_text(encoding="utf-8"))
