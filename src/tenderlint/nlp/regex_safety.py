"""Refuse pack regular expressions that can backtrack for exponential time on untrusted text.

Document text is untrusted, and Python's `re` backtracks: `(a+)+$` or `(a|a)+$` on forty letters
never finishes. A linear-time engine (RE2) would make this moot, but it cannot run lookarounds,
which the built-in packs use (`\\bgrants?\\b(?! (would|could))`), so every regex a pack can supply
(rule conditions and token `REGEX` tests alike) is checked here instead, before it is ever run.

Refused, inside a repeat of variable count: another variable repeat (`(a+)+`, `(a*b?)*`), or an
alternation whose branches could start the same way or match nothing (`(a|a)+`, `(a|ab)*`,
`(\\w+|\\d)+`, `(a|)+`). Possessive and atomic repeats cannot backtrack, so they are allowed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from tenderlint.nlp.caseless import Caseless
from tenderlint.yamlload import PackError

try:
    from re import _parser as sre_parse  # Python 3.11+
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

REPEATS = {"MAX_REPEAT", "MIN_REPEAT"}
ADVICE = (
    "which can take exponential time on some text; rewrite it so that each repeated part can match "
    "in only one way, or make the repeat possessive (a++) or atomic ((?>...))."
)


def safe_regex(
    pattern: object, where: str, key: str, flags: int = re.IGNORECASE
) -> re.Pattern[str] | Caseless:
    """Compile a pack regex, or raise PackError naming the file, rule and key. Case-insensitive ones
    come back as `Caseless`, which runs them faster."""
    if not isinstance(pattern, str):
        raise PackError(f"{where}: {key}: a regular expression must be a string, not {pattern!r}")
    try:
        compiled = re.compile(pattern, flags)
        tree = sre_parse.parse(pattern, flags)
    except (re.error, RecursionError, OverflowError) as exc:
        raise PackError(f"{where}: {key}: bad regular expression {pattern!r}: {exc}") from None
    problem = _problem(tree, inside_repeat=False)
    if problem:
        raise PackError(f"{where}: {key}: regular expression {pattern!r} {problem}, {ADVICE}")
    return Caseless(pattern, flags) if flags & re.IGNORECASE else compiled


def check_token_regexes(patterns: list, where: str) -> None:
    """Every `{ATTR: {REGEX: ...}}` in spaCy token patterns, checked like any other pack regex."""
    for pattern in patterns:
        for token in pattern if isinstance(pattern, list) else ():
            for regex in _token_regexes(token):
                safe_regex(regex, where, "patterns: REGEX", flags=0)


def _token_regexes(token: object) -> Iterator[object]:
    if not isinstance(token, dict):
        return
    for value in token.values():
        if isinstance(value, dict):
            for kind, argument in value.items():
                if kind == "REGEX":
                    yield argument


def _problem(items: Any, inside_repeat: bool) -> str | None:
    for op, arg in items:
        name = str(op)
        if name in ("POSSESSIVE_REPEAT", "ATOMIC_GROUP"):
            continue  # no backtracking into these
        if name in REPEATS and arg[1] > 1 and (arg[0] != arg[1] or arg[1] > 3):
            variable = arg[0] != arg[1]
            # A variable count (+, {0,3}) inside any repeat; inside a long fixed one ((.*a){12}) too.
            if inside_repeat and variable:
                return "repeats a group that itself contains a repeat (a nested quantifier, like (a+)+)"
            if variable and _ambiguous_branch(arg[2]):
                return "repeats a choice whose branches can match the same text (like (a|a)+ or (a|ab)*)"
            found = _problem(arg[2], True)
            if found:
                return found
        elif name == "BRANCH":
            for branch in arg[1]:
                found = _problem(branch, inside_repeat)
                if found:
                    return found
        elif name in REPEATS or name == "SUBPATTERN" or name.startswith("ASSERT"):
            found = _problem(arg[-1], inside_repeat)
            if found:
                return found
    return None


def _ambiguous_branch(items: Any) -> bool:
    """True if a choice in `items` (outside nested repeats, which are checked on their own) has a branch
    that can match nothing, or two branches whose first characters could be the same."""
    for op, arg in items:
        name = str(op)
        if name == "BRANCH":
            branches = arg[1]
            firsts = []
            for branch in branches:
                if _min_width(branch) == 0:
                    return True
                firsts.append(_first_chars(branch))
            for i, first in enumerate(firsts):
                for other in firsts[i + 1 :]:
                    if first is None or other is None or first & other:
                        return True
            if any(_ambiguous_branch(branch) for branch in branches):
                return True
        elif name == "SUBPATTERN" and _ambiguous_branch(arg[-1]):
            return True
    return False


def _min_width(items: Any) -> int:
    try:
        return items.getwidth()[0]
    except AttributeError:  # a plain list: measure it the same way
        return sre_parse.SubPattern(sre_parse.State(), list(items)).getwidth()[0]


def _first_chars(items: Any) -> frozenset[str] | None:
    """The characters (both cases) a match of `items` can start with; None when that is not a small
    set of known characters (., \\w, a negated class, an optional start...)."""
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            return _cases(chr(arg))
        if name == "IN":
            chars: set[str] = set()
            for kind, value in arg:
                if str(kind) == "LITERAL":
                    chars |= _cases(chr(value))
                elif str(kind) == "RANGE" and value[1] - value[0] < 256:
                    for code in range(value[0], value[1] + 1):
                        chars |= _cases(chr(code))
                else:
                    return None
            return frozenset(chars)
        if name == "SUBPATTERN":
            return _first_chars(arg[-1]) if _min_width(arg[-1]) > 0 else None
        if name in ("AT",):
            continue  # anchors take no character
        return None
    return None


def _cases(char: str) -> frozenset[str]:
    return frozenset({char, char.lower(), char.upper()})
