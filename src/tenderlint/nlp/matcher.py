"""Token patterns and phrase lists matched in pure Python, with spaCy Matcher semantics.

Supports the part of spaCy's pattern language the rule packs use: text attributes (LOWER, ORTH, TEXT,
LEMMA) compared to a string or with IN / NOT_IN / REGEX, the flags IS_ALPHA, IS_PUNCT, IS_DIGIT,
IS_LOWER, IS_UPPER, IS_TITLE, IS_SPACE, IS_ASCII, LIKE_NUM, LENGTH, and the operators ? * + ! {n} {n,m}.
Like spaCy's Matcher it returns every distinct (start, end) a pattern can span. A pattern using
anything else raises Unsupported, and the run uses spaCy for all patterns instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from tenderlint.nlp.anchors import COMMON, written_forms
from tenderlint.nlp.tokenizer import lemmas, table
from tenderlint.nlp.tokens import Tokens, is_punct

Predicate = Callable[[Tokens, int], bool]
# One pattern element: (test, fewest, most, negated); `most` None means unbounded.
Element = tuple[Predicate, int, int | None, bool]
REPEAT = re.compile(r"^\{(\d*)(,?)(\d*)\}$")


class Unsupported(ValueError):
    """A pattern this engine does not take: a feature only spaCy has, or a mistake for spaCy to report."""


@lru_cache(maxsize=65536)
def like_num(word: str) -> bool:
    """spaCy's English LIKE_NUM: digits, fractions, number and ordinal words, 1st/2nd/3rd."""
    if word.startswith(("+", "-", "±", "~")):
        word = word[1:]
    word = word.replace(",", "").replace(".", "")
    if word.isdigit():
        return True
    if word.count("/") == 1:
        num, denom = word.split("/")
        if num.isdigit() and denom.isdigit():
            return True
    lower = word.lower()
    if lower in _number_words():
        return True
    return lower.endswith(("st", "nd", "rd", "th")) and lower[:-2].isdigit()


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    return frozenset(table()["number_words"]) | frozenset(table()["ordinal_words"])


FLAGS: dict[str, Callable[[str], bool]] = {
    "IS_ALPHA": str.isalpha,
    "IS_DIGIT": str.isdigit,
    "IS_LOWER": str.islower,
    "IS_UPPER": str.isupper,
    "IS_TITLE": str.istitle,
    "IS_SPACE": str.isspace,
    "IS_ASCII": str.isascii,
    "IS_PUNCT": is_punct,
    "LIKE_NUM": like_num,
}


def _lemma(tokens: Tokens, i: int) -> str:
    word = tokens.words[i]
    return lemmas().get(word, word)


TEXT_ATTRS: dict[str, Callable[[Tokens, int], str]] = {
    "LOWER": lambda tokens, i: tokens.lowers[i],
    "ORTH": lambda tokens, i: tokens.words[i],
    "TEXT": lambda tokens, i: tokens.words[i],
    "LEMMA": _lemma,
}
# The token lists that LOWER and ORTH/TEXT read: tests on them are built without a call to `get`.
TEXT_LISTS = {"LOWER": "lowers", "ORTH": "words", "TEXT": "words"}


def compile_token(spec: object) -> Predicate:
    """One token's conditions as a single test. Anything unusual is left to spaCy, to run or reject."""
    if not isinstance(spec, dict):
        raise Unsupported(f"token {spec!r} is not a mapping")
    tests: list[Predicate] = []
    for attr, value in spec.items():
        if attr == "OP":
            continue
        plain = _plain_text_test(TEXT_LISTS[attr], value) if attr in TEXT_LISTS else None
        if plain is not None:
            tests.append(plain)
        elif attr in TEXT_ATTRS:
            tests.append(_text_test(TEXT_ATTRS[attr], value))
        elif attr in FLAGS and isinstance(value, bool):
            flag, wanted = FLAGS[attr], value
            tests.append(lambda tokens, i, flag=flag, wanted=wanted: flag(tokens.words[i]) is wanted)
        elif attr == "LENGTH" and isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            tests.append(lambda tokens, i, n=value: len(tokens.words[i]) == n)
        else:
            raise Unsupported(f"token attribute {attr}: {value!r}")
    if len(tests) == 1:
        return tests[0]
    return lambda tokens, i: all(test(tokens, i) for test in tests)


def _plain_text_test(listed: str, value: object) -> Predicate | None:
    """A test that a token's text (or lower-cased text) is, or is among, given strings: the commonest
    test, so it reads the token list directly."""
    if isinstance(value, str):
        if listed == "lowers":
            return lambda tokens, i: tokens.lowers[i] == value
        return lambda tokens, i: tokens.words[i] == value
    if isinstance(value, dict) and len(value) == 1 and isinstance(value.get("IN"), list):
        if not all(isinstance(v, str) for v in value["IN"]):
            return None
        members = frozenset(value["IN"])
        if listed == "lowers":
            return lambda tokens, i: tokens.lowers[i] in members
        return lambda tokens, i: tokens.words[i] in members
    return None


def _text_test(get: Callable[[Tokens, int], str], value: object) -> Predicate:
    if isinstance(value, str):
        return lambda tokens, i: get(tokens, i) == value
    if isinstance(value, dict) and len(value) == 1:
        ((kind, argument),) = value.items()
        if (
            kind in ("IN", "NOT_IN")
            and isinstance(argument, list)
            and all(isinstance(v, str) for v in argument)
        ):
            members = frozenset(argument)
            if kind == "IN":
                return lambda tokens, i: get(tokens, i) in members
            return lambda tokens, i: get(tokens, i) not in members
        if kind == "REGEX" and isinstance(argument, str):
            try:
                search = re.compile(argument).search
            except re.error:
                raise Unsupported(f"regular expression {argument!r}") from None
            return lambda tokens, i: search(get(tokens, i)) is not None
    raise Unsupported(f"text condition {value!r}")


def _repeat(op: object) -> tuple[int, int | None, bool]:
    """(fewest, most, negated) for an OP value."""
    if op is None:
        return 1, 1, False
    simple = {"?": (0, 1, False), "*": (0, None, False), "+": (1, None, False), "!": (1, 1, True)}
    if not isinstance(op, str):
        raise Unsupported(f"operator {op!r}")
    if op in simple:
        return simple[op]
    match = REPEAT.match(op)
    if not match or not (match.group(1) or match.group(3)):
        raise Unsupported(f"operator {op!r}")
    low = int(match.group(1) or 0)
    if not match.group(2):
        return low, low, False
    high = int(match.group(3)) if match.group(3) else None
    if high is not None and high < low:
        raise Unsupported(f"operator {op!r}")
    return low, high, False


class TokenPattern:
    """A compiled Matcher pattern."""

    def __init__(self, pattern: object) -> None:
        if not isinstance(pattern, list) or not pattern:
            raise Unsupported(f"pattern {pattern!r} is not a list of tokens")
        self.elements: list[Element] = [(compile_token(spec), *_repeat(spec.get("OP"))) for spec in pattern]
        self.anchor = _anchor(pattern, self.elements)
        # A single token that is one of listed lower-cased words (every concept's `words`): its matches
        # are where those words occur, with no test to run.
        self.one_of = _lower_words(pattern[0]) if len(pattern) == 1 and "OP" not in pattern[0] else None
        # Words of which a block must hold one for each other required token, so that most blocks are
        # passed over without trying a single start.
        self.required = _required_words(pattern, self.elements, self.anchor)
        # Required tokens given by lemma (LEMMA: use finds "used"): their forms are listed on first use,
        # for every pattern's lemmas in one pass over the lemma table (see required_lemma_forms).
        self.lemma_specs = [
            spec
            for spec, (_, fewest, _, negated) in zip(pattern, self.elements)
            if fewest >= 1 and not negated and not written_forms(spec) and _lemma_values(spec)
        ]
        LEMMA_VALUES.update(value for spec in self.lemma_specs for value in _lemma_values(spec) or ())
        self._needs: tuple[frozenset[str], ...] | None = None

    def needs(self) -> tuple[frozenset[str], ...]:
        """Word sets of each of which a block must hold a word for the pattern to match: the anchor's
        first (the rarest), then the other required tokens'. Lemma forms are listed on the first call,
        so make it once every pattern is compiled."""
        if self._needs is None:
            if self.one_of is not None:
                self._needs = (self.one_of,)
            else:
                lemma_required = tuple(required_lemma_forms(spec) for spec in self.lemma_specs)
                anchor = () if self.anchor is None else (self.anchor[0],)
                self._needs = (*anchor, *self.required, *lemma_required)
        return self._needs

    def matches(self, tokens: Tokens) -> Iterable[tuple[int, int]]:
        """Every distinct (start, end) the pattern spans."""
        vocabulary = tokens.vocabulary()
        if any(vocabulary.isdisjoint(need) for need in self.needs()):
            return []
        return self.found(tokens)

    def found(self, tokens: Tokens) -> Iterable[tuple[int, int]]:
        """`matches` in a block known to hold a word of every set in `needs` (a PatternSet screens
        blocks so), without testing that again."""
        if self.one_of is not None:
            return [(i, i + 1) for word in tokens.present(self.one_of) for i in tokens.positions(word)]
        return self._matches(tokens)

    def _matches(self, tokens: Tokens) -> Iterator[tuple[int, int]]:
        if self.anchor is None:
            starts: Iterable[int] = range(len(tokens))
            test, fewest, most, negated = self.elements[0]
            if fewest == 1 and most == 1 and not negated:  # try only where the first token fits
                starts = [i for i in starts if test(tokens, i)]
        else:
            words, nearest, farthest = self.anchor
            present = tokens.present(words)
            if not present:
                return
            starts = sorted(
                {
                    position - offset
                    for word in present
                    for position in tokens.positions(word)
                    for offset in range(nearest, farthest + 1)
                    if position >= offset
                }
            )
        for start in starts:
            for end in self._ends(tokens, start):
                if end > start:
                    yield start, end

    def _ends(self, tokens: Tokens, start: int) -> list[int]:
        """Every token index where a match starting at `start` can end: the set of positions reachable
        after each element in turn (a breadth-first walk, so shared paths are followed once)."""
        n = len(tokens)
        current: tuple[int, ...] | set[int] = (start,)
        for test, fewest, most, negated in self.elements:
            if fewest == 1 and most == 1 and len(current) == 1:  # the common case: exactly one token
                (i,) = current
                if i >= n or test(tokens, i) is negated:
                    return []
                current = (i + 1,)
                continue
            reached: set[int] = set()
            for i in current:
                if fewest == 0:
                    reached.add(i)
                count, j = 0, i
                while (most is None or count < most) and j < n and test(tokens, j) is not negated:
                    j += 1
                    count += 1
                    if count >= fewest:
                        reached.add(j)
            if not reached:
                return []
            current = reached
        return sorted(current)


def _lower_words(spec: dict) -> frozenset[str] | None:
    """The words a token spec `{LOWER: word}` or `{LOWER: {IN: [words]}}` allows, when that is all
    it says (the same test `_plain_text_test` builds)."""
    if list(spec) != ["LOWER"]:
        return None
    value = spec["LOWER"]
    if isinstance(value, str):
        return frozenset((value,))
    listed = value.get("IN") if isinstance(value, dict) and list(value) == ["IN"] else None
    if isinstance(listed, list) and all(isinstance(v, str) for v in listed):
        return frozenset(listed)
    return None


def _required_words(
    pattern: list[dict], elements: list[Element], anchor: tuple[frozenset[str], int, int] | None
) -> tuple[frozenset[str], ...]:
    """For each token every match needs (at least once, not negated) whose lower-cased forms can be
    listed, those forms, leaving out the anchor's (tested on its own), fewest words first."""
    found = {
        words
        for spec, (_, fewest, _, negated) in zip(pattern, elements)
        if fewest >= 1 and not negated
        for words in (written_forms(spec),)
        if words and (anchor is None or words != anchor[0])
    }
    return tuple(sorted(found, key=lambda words: (len(words), sorted(words))))


def _anchor(pattern: list[dict], elements: list[Element]) -> tuple[frozenset[str], int, int] | None:
    """A required token whose lower-cased forms can be listed, and how far after the start it can sit.

    Matches are then only tried at those distances before the places where one of its words occurs,
    instead of at every token. Common words make poor anchors; the fewest words win. Lemmas are used
    only when no required token is written out, since listing their forms reads the lemma table.
    """
    for listed in (written_forms, _lemma_forms_of):
        best: tuple[tuple[bool, int], frozenset[str], int, int] | None = None
        nearest, farthest = 0, 0
        for spec, (_, fewest, most, negated) in zip(pattern, elements):
            if fewest >= 1 and not negated:
                words = listed(spec)
                if words:
                    rank = (bool(words & COMMON), len(words))
                    if best is None or rank < best[0]:
                        best = (rank, words, nearest, farthest)
            if most is None:
                break
            nearest += fewest
            farthest += most
        if best is not None:
            return best[1:]
    return None


def _lemma_values(spec: dict) -> list[str] | None:
    """The lemmas a token's LEMMA condition allows, when they are listed (a string or IN)."""
    value = spec.get("LEMMA")
    if isinstance(value, dict) and list(value) == ["IN"] and isinstance(value["IN"], list):
        return [str(v) for v in value["IN"]]
    if isinstance(value, str):
        return [value]
    return None


def _lemma_forms_of(spec: dict, lemmas_known: frozenset[str] | None = None) -> frozenset[str] | None:
    """Every lower-cased word whose lemma a token's LEMMA condition allows, when they can be listed.
    The table is read for `lemmas_known` (which must include the spec's), else for the spec's alone."""
    values = _lemma_values(spec)
    if values is None:
        return None
    forms = lemma_forms(frozenset(values) if lemmas_known is None else lemmas_known)
    return frozenset(form for v in values for form in forms.get(v, {v.lower()}))


#: Every lemma that a required LEMMA token of a compiled pattern names.
LEMMA_VALUES: set[str] = set()


def required_lemma_forms(spec: dict) -> frozenset[str]:
    """`_lemma_forms_of(spec)`, with the table read once for all the patterns' lemmas together."""
    return _lemma_forms_of(spec, frozenset(LEMMA_VALUES)) or frozenset()


@lru_cache(maxsize=256)
def lemma_forms(wanted: frozenset[str]) -> dict[str, set[str]]:
    """Each wanted lemma that some word has, to the lower-cased words that have it (a word not in the
    table is its own lemma). One pass over the table for the few lemmas patterns name, rather than
    inverting the whole table at start-up."""
    table = lemmas()
    forms: dict[str, set[str]] = {}
    for word, lemma in table.items():
        if lemma in wanted:
            forms.setdefault(lemma, set()).add(word.lower())
    for lemma, words in forms.items():
        if lemma not in table:
            words.add(lemma.lower())
    return forms


class PhrasePattern:
    """A phrase matched on whole lower-cased tokens, like spaCy's PhraseMatcher(attr="LOWER")."""

    def __init__(self, words: list[str]) -> None:
        self.words = [word.lower() for word in words]

    def needs(self) -> tuple[frozenset[str], ...]:
        """Every word of the phrase, each a set of its own (an empty phrase needs what no block has)."""
        return tuple(frozenset((word,)) for word in dict.fromkeys(self.words)) or (frozenset(),)

    def found(self, tokens: Tokens) -> Iterable[tuple[int, int]]:
        """`matches` (its first word's positions are all it reads before comparing)."""
        return self.matches(tokens)

    def matches(self, tokens: Tokens) -> Iterable[tuple[int, int]]:
        if not self.words:
            return
        lowers, size = tokens.lowers, len(self.words)
        for start in tokens.positions(self.words[0]):
            if lowers[start : start + size] == self.words:
                yield start, start + size


class PatternSet:
    """A rule's or a concept's patterns, each tried only on blocks holding the words it needs: most
    blocks lack them, and a set operation per block is much cheaper than a test per pattern."""

    def __init__(self, patterns: Iterable[TokenPattern | PhrasePattern]) -> None:
        self.patterns = tuple(patterns)
        # Filled on first use, when every pattern is compiled and lemma forms can be listed.
        self._by_word: dict[str, list[int]] | None = None
        self._always: list[int] = []  # patterns with no listed word: tried on every block
        self._rest: list[tuple[frozenset[str], ...]] = []

    def __len__(self) -> int:
        return len(self.patterns)

    def _index(self) -> dict[str, list[int]]:
        """Each pattern under the words of its first need (the rarest), with its other needs kept."""
        by_word: dict[str, list[int]] = {}
        for index, pattern in enumerate(self.patterns):
            needs = pattern.needs()
            if needs:
                for word in needs[0]:
                    by_word.setdefault(word, []).append(index)
            else:
                self._always.append(index)
            self._rest.append(needs[1:])
        self._by_word = by_word
        return by_word

    def matches(self, tokens: Tokens) -> list[tuple[int, int]]:
        """Every distinct (start, end) that one of the patterns matches."""
        by_word = self._by_word if self._by_word is not None else self._index()
        vocabulary = tokens.vocabulary()
        present = vocabulary & by_word.keys()
        tried: Iterable[int]
        if len(present) == 1 and not self._always:  # the commonest case: one word of the set is here
            (word,) = present
            tried = by_word[word]
        elif not present and not self._always:
            return []
        else:
            tried = {index for word in present for index in by_word[word]}
            tried.update(self._always)
        found: set[tuple[int, int]] = set()
        for index in tried:
            for need in self._rest[index]:
                if vocabulary.isdisjoint(need):
                    break
            else:
                found.update(self.patterns[index].found(tokens))
        return list(found)
