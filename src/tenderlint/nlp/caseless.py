"""Case-insensitive regular expressions, run as case-sensitive ones over lower-cased text.

Python's `re` skips an alternative on its first letter only when the pattern is case-sensitive, so the
word lists most rules and the profile search for ("home care|domiciliary|care worker|…") run two to four
times faster over `text.lower()` than with IGNORECASE. A pattern that names an upper-case letter, and a
text that lower-casing lengthens (a dotted capital I), fall back to IGNORECASE over the text itself, so
positions always refer to the text given. What a match's groups return is lower-cased either way.
"""

from __future__ import annotations

import heapq
import re
import sys
from collections.abc import Iterator
from itertools import islice

try:  # Python 3.11+
    import re._constants as _sre_constants
    import re._parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_LITERALS = {_sre_constants.LITERAL, _sre_constants.NOT_LITERAL}


class Caseless:
    """A case-insensitive pattern with the methods of `re.Pattern` that rules use.

    Compiled on first use, and only in the form the text needs: most are never run in a short
    document, start-up is mostly spent compiling, and a pickled one (the rule set cache) stays cheap
    to load."""

    __slots__ = ("_folded", "_folds", "_ignorecase", "_leads", "flags_given", "pattern")

    def __init__(self, pattern: str, flags: int = 0, folds_: bool | None = None) -> None:
        self.pattern = pattern
        self.flags_given = flags
        self._folds = folds_  # whether it runs over lower-cased text; None until first asked
        self._folded: re.Pattern[str] | None = None
        self._ignorecase: re.Pattern[str] | None = None
        # The texts every match starts with (see `leads`), found with the folded pattern; () if none.
        self._leads: tuple[str, ...] | None = None

    def __reduce__(self) -> tuple:
        return (Caseless, (self.pattern, self.flags_given, self.folds))

    @property
    def folds(self) -> bool:
        if self._folds is None:
            self._folds = folds(self.pattern, self.flags_given)
        return self._folds

    @property
    def ignorecase(self) -> re.Pattern[str]:
        if self._ignorecase is None:
            self._ignorecase = re.compile(self.pattern, self.flags_given | re.IGNORECASE)
        return self._ignorecase

    @property
    def folded(self) -> re.Pattern[str] | None:
        if self._folded is None and self.folds:
            flags = self.flags_given & ~re.IGNORECASE
            self._folded = re.compile(word_start_form(self.pattern, flags), flags)
            self._leads = tuple(leads(self.pattern, flags) or ())
        return self._folded

    @property
    def flags(self) -> int:
        return self.ignorecase.flags

    def _choose(self, text: str) -> tuple[re.Pattern[str], str]:
        folded = self._folded if self._folded is not None else self.folded
        if folded is not None:
            lowered = _lowered(text)
            if len(lowered) == len(text):
                return folded, lowered
        return self.ignorecase, text

    def _led(self, pattern: re.Pattern[str], text: str) -> bool:
        """Whether to find matches from where their leading texts occur: in a long lower-cased text."""
        return len(text) >= LONG_TEXT and pattern is self._folded and bool(self._leads)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        pattern, text = self._choose(text)
        if self._led(pattern, text):
            return next(led_matches(pattern, self._leads, text, pos, endpos), None)  # type: ignore[arg-type]
        return pattern.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        pattern, text = self._choose(text)
        return pattern.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        pattern, text = self._choose(text)
        return pattern.fullmatch(text, pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list:
        pattern, text = self._choose(text)
        if self._led(pattern, text):
            found = led_matches(pattern, self._leads, text, pos, endpos)  # type: ignore[arg-type]
            if pattern.groups == 0:
                return [match.group() for match in found]
            if pattern.groups == 1:
                return [match.groups("")[0] for match in found]
            return [match.groups("") for match in found]
        return pattern.findall(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        pattern, text = self._choose(text)
        if self._led(pattern, text):
            return led_matches(pattern, self._leads, text, pos, endpos)  # type: ignore[arg-type]
        return pattern.finditer(text, pos, endpos)

    def __repr__(self) -> str:
        return f"Caseless({self.pattern!r})"

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Caseless)
            and other.pattern == self.pattern
            and other.flags_given | re.IGNORECASE == self.flags_given | re.IGNORECASE
        )

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags_given | re.IGNORECASE))


#: From this length (a long paragraph, a whole text) matches are found from where their leading texts occur
#: (see `leads`): in shorter texts trying every position costs less than the string searches.
LONG_TEXT = 200


def leads(pattern: str, flags: int = 0) -> list[str] | None:
    """Texts one of which every match of `pattern` starts with, or None when they cannot be listed:
    `\\b(lived experience|co-?produc\\w*)` starts with "lived experience" or "co". Python's `re` tries a
    pattern like that at every position of a text; looking for these texts is many times faster."""
    try:
        tree = _sre_parse.parse(pattern, flags)
    except re.error:
        return None
    return _leads(list(tree))


def _leads(items: list) -> list[str] | None:
    index = 0
    while index < len(items) and items[index][0] is _sre_constants.AT:
        index += 1  # a boundary or anchor takes no characters: the match starts with what follows
    if index == len(items):
        return None
    op, av = items[index]
    if op is _sre_constants.LITERAL:
        run = []
        while index < len(items) and items[index][0] is _sre_constants.LITERAL:
            run.append(chr(items[index][1]))
            index += 1
        return ["".join(run)]
    if op is _sre_constants.SUBPATTERN:
        _, add_flags, del_flags, body = av
        return None if add_flags or del_flags else _leads(list(body))
    if op is _sre_constants.BRANCH:
        found: list[str] = []
        for alternative in av[1]:
            heads = _leads(list(alternative))
            if heads is None:
                return None
            found.extend(heads)
        return found
    if op in _REPEATS:
        low, _, body = av
        heads = _leads(list(body))
        if heads is None or low > 0:
            return heads
        rest = _leads(items[index + 1 :])  # the repeated part may be left out
        return None if rest is None else heads + rest
    return None


_REPEATS = {_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT}


def led_matches(
    pattern: re.Pattern[str], heads: tuple[str, ...], text: str, pos: int, endpos: int
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text, pos, endpos)` for a pattern every match of which starts with one of
    `heads` (see `leads`): the pattern is only tried where one of them occurs, leftmost first."""
    pos, endpos = max(pos, 0), max(endpos, 0)  # as `re` reads them (`str.find` counts negatives from the end)
    queue = []
    for head in heads:
        at = text.find(head, pos, endpos)
        if at >= 0:
            queue.append((at, head))
    heapq.heapify(queue)
    start = pos  # where the next match may begin: the end of the last one
    tried = -1  # the last position the pattern was tried at and failed
    while queue:
        at, head = queue[0]
        if at >= start and at != tried:
            found = pattern.match(text, at, endpos)
            if found is not None:
                yield found
                start = found.end()  # every match holds its head, so none is empty
                continue
            tried = at
        following = text.find(head, max(at + 1, start), endpos)
        if following < 0:
            heapq.heappop(queue)
        else:
            heapq.heapreplace(queue, (following, head))


#: The last few texts searched, with their lower-cased copies: one text (a document's whole text, a
#: sentence) is usually searched by many patterns in a row, and lower-casing it is a pass over it.
_RECENT: list[tuple[str, str]] = []
RECENT_SIZE = 4


def _lowered(text: str) -> str:
    """`text.lower()`, reused when this very string object was lower-cased just before."""
    for seen, lowered in _RECENT:
        if seen is text:
            return lowered
    lowered = text.lower()
    _RECENT.insert(0, (text, lowered))
    del _RECENT[RECENT_SIZE:]
    return lowered


def lowers_in_place(text: str) -> bool:
    """Whether lower-casing keeps `text`'s length, so that a folding pattern runs over its lower-cased copy."""
    return len(_lowered(text)) == len(text)


def caseless(pattern: str, flags: int = 0) -> Caseless:
    return Caseless(pattern, flags)


def folds(pattern: str, flags: int = 0) -> bool:
    """Whether the pattern finds the same matches case-sensitively in lower-cased text: it names no
    upper-case letter (as a literal, or in a set or range)."""
    try:
        tree = _sre_parse.parse(pattern, flags & ~re.IGNORECASE)
    except re.error:
        return False
    return not _names_capital(tree)


def _names_capital(items: object) -> bool:
    for op, av in items:  # type: ignore[attr-defined]
        if op in _LITERALS:
            if chr(av) != chr(av).lower():
                return True
        elif op is _sre_constants.IN:
            if _names_capital(av):
                return True
        elif op is _sre_constants.RANGE:
            low, high = av
            if any(chr(c) != chr(c).lower() for c in range(low, min(high, 0x24F) + 1)) or high > 0x24F:
                return True
        elif op is _sre_constants.GROUPREF or op is _sre_constants.GROUPREF_EXISTS:
            return True  # a backreference compares text case-sensitively
        elif op is _sre_constants.SUBPATTERN and av[2] & re.IGNORECASE:
            return True  # (?-i:...) is case-sensitive inside
        elif isinstance(av, (list, tuple)):
            for part in av:
                if isinstance(part, _sre_parse.SubPattern) and _names_capital(part):
                    return True
                if isinstance(part, (list, tuple)):
                    for sub in part:
                        if isinstance(sub, _sre_parse.SubPattern) and _names_capital(sub):
                            return True
        elif isinstance(av, _sre_parse.SubPattern) and _names_capital(av):
            return True
    return False


#: After a word character, "not preceded by two word characters" says that the character starts a word.
WORD_START = r"(?<!\w\w)"
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
_QUANTIFIERS = frozenset("?*+{")
# Beyond three letters a match can start with, skipping to them saves little or costs more.
MAX_FIRST_LETTERS = 3
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def word_start_form(pattern: str, flags: int = 0) -> str:
    """`pattern` with a leading `\\b` moved after the first letter of each way it can begin:
    `\\b(shall|must)` becomes `(s(?<!\\w\\w)hall|m(?<!\\w\\w)ust)`. It finds the same matches with the
    same groups (a word boundary before a word character is a word character not preceded by one), and
    a search then skips in C to the letters a match can start with instead of trying every position.
    That pays only when those letters are few, so patterns of any other shape are returned as they are."""
    if not pattern.startswith(r"\b") or flags & re.VERBOSE or "(?x" in pattern:
        return pattern
    rest = pattern[2:]
    if _letter_first(rest):
        firsts, rewritten, tail = [rest], rest[0] + WORD_START + rest[1:], rest
    else:
        opening = _group_opening(rest)
        close = None if opening is None else _group_close(rest, len(opening))
        if opening is None or close is None or rest[close + 1 : close + 2] in _QUANTIFIERS:
            return pattern  # not one group, or a group that may be skipped (the boundary still applies)
        firsts = top_level_alternatives(rest[len(opening) : close])
        body = "|".join(a[0] + WORD_START + a[1:] for a in firsts)
        rewritten, tail = opening + body + rest[close:], rest[close + 1 :]
    if (
        not all(_letter_first(first) for first in firsts)
        or len({first[0] for first in firsts}) > MAX_FIRST_LETTERS
    ):
        return pattern
    if len(top_level_alternatives(tail)) > 1:
        return pattern  # other ways to match at the top level: they would still be tried everywhere
    return rewritten


def _letter_first(text: str) -> bool:
    """Whether `text` starts with a literal word character that is matched exactly once."""
    return bool(text) and text[0] in _WORD_CHARS and (len(text) == 1 or text[1] not in _QUANTIFIERS)


def _group_opening(text: str) -> str | None:
    if text.startswith("(?:"):
        return "(?:"
    named = _NAMED_GROUP.match(text)
    if named:
        return named.group(0)
    return "(" if text.startswith("(") and not text.startswith("(?") else None


def _group_close(text: str, start: int) -> int | None:
    """The index of the parenthesis closing the group whose body starts at `start`."""
    depth = 0
    for index, char in _syntax(text, start):
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return index
            depth -= 1
    return None


def top_level_alternatives(body: str) -> list[str]:
    """A pattern (or a group's body) split at its own `|`s, not those in nested groups, sets or escapes."""
    parts, depth, last = [], 0, 0
    for index, char in _syntax(body, 0):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(body[last:index])
            last = index + 1
    parts.append(body[last:])
    return parts


def _syntax(text: str, start: int) -> Iterator[tuple[int, str]]:
    """The pattern characters from `start` that are neither escaped nor inside a set, with their index."""
    index = start
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index += 1
            if text[index : index + 1] == "^":
                index += 1
            if text[index : index + 1] == "]":
                index += 1
            while index < len(text) and text[index] != "]":
                index += 2 if text[index] == "\\" else 1
            index += 1
            continue
        yield index, char
        index += 1


#: Either kind of compiled pattern, for code that only searches with it.
Regex = re.Pattern[str] | Caseless


def count_up_to(pattern: Regex, text: str, limit: int) -> int:
    """How many times `pattern` matches `text`, counted up to `limit`: where only a threshold matters,
    the search stops once it is reached instead of reading the rest of a long text."""
    return len(list(islice(pattern.finditer(text), limit)))  # at most `limit` matches kept, counted in C
