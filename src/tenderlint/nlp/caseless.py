"""Case-insensitive regular expressions, run as case-sensitive ones over lower-cased text.

Python's `re` skips an alternative on its first letter only when the pattern is case-sensitive, so the
word lists most rules and the profile search for ("home care|domiciliary|care worker|…") run two to four
times faster over `text.lower()` than with IGNORECASE. A pattern that names an upper-case letter, and a
text that lower-casing lengthens (a dotted capital I), fall back to IGNORECASE over the text itself, so
positions always refer to the text given. What a match's groups return is lower-cased either way.
"""

from __future__ import annotations

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

    __slots__ = ("_folded", "_folds", "_ignorecase", "flags_given", "pattern")

    def __init__(self, pattern: str, flags: int = 0, folds_: bool | None = None) -> None:
        self.pattern = pattern
        self.flags_given = flags
        self._folds = folds_  # whether it runs over lower-cased text; None until first asked
        self._folded: re.Pattern[str] | None = None
        self._ignorecase: re.Pattern[str] | None = None

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
            self._folded = re.compile(self.pattern, self.flags_given & ~re.IGNORECASE)
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

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        pattern, text = self._choose(text)
        return pattern.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        pattern, text = self._choose(text)
        return pattern.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        pattern, text = self._choose(text)
        return pattern.fullmatch(text, pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list:
        pattern, text = self._choose(text)
        return pattern.findall(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        pattern, text = self._choose(text)
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


#: Either kind of compiled pattern, for code that only searches with it.
Regex = re.Pattern[str] | Caseless


def count_up_to(pattern: Regex, text: str, limit: int) -> int:
    """How many times `pattern` matches `text`, counted up to `limit`: where only a threshold matters,
    the search stops once it is reached instead of reading the rest of a long text."""
    return len(list(islice(pattern.finditer(text), limit)))  # at most `limit` matches kept, counted in C
