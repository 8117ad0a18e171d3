"""Cheap prefilter for pattern rules: a rule can only match a block that contains one of its anchor words.

Each Matcher pattern has required tokens; the anchor is the most selective of them (a literal word list
without common words). Only blocks that could match some rule are tokenized, and only those rules'
patterns are run on them: most prose never reaches the matcher at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

COMMON = {
    "a",
    "an",
    "the",
    "of",
    "to",
    "for",
    "by",
    "in",
    "on",
    "at",
    "and",
    "or",
    "be",
    "is",
    "are",
    "will",
    "shall",
    "must",
    "may",
    "can",
    "not",
    "no",
    "each",
    "every",
    "per",
    "with",
    "from",
    "this",
    "that",
    "it",
    "as",
    "than",
    "up",
    "more",
    "all",
    "any",
    "-",
    ",",
    ".",
    "'",
}
WORDS = re.compile(r"\w+|[^\w\s]")


def block_words(text: str) -> set[str]:
    """The lower-cased words and punctuation marks of a block, split the way the tokenizer splits them."""
    return set(WORDS.findall(text.lower()))


def _literal(token: dict) -> set[str] | None:
    """The surface forms a required token can take, or None when they cannot be listed.

    Only forms that `block_words` yields whole can serve: "n't" never comes out of "can't" there.
    """
    if not isinstance(token, dict):
        return None
    if token.get("OP") in ("?", "*", "!") or str(token.get("OP", "")).startswith(("{0", "{,")):
        return None
    for key in ("LOWER", "ORTH", "TEXT", "NORM"):
        value = token.get(key)
        if isinstance(value, str):
            words = {value.lower()}
        elif isinstance(value, dict) and isinstance(value.get("IN"), list):
            words = {str(v).lower() for v in value["IN"]}
        else:
            continue
        return words if all(_findable(word) for word in words) else None
    return None


def _findable(word: str) -> bool:
    return WORDS.findall(word) == [word]


def pattern_anchor(pattern: list[dict]) -> set[str] | None:
    """The smallest literal word set among the pattern's required tokens, preferring uncommon words."""
    options = [words for words in map(_literal, pattern) if words]
    if not options:
        return None
    uncommon = [words for words in options if not words & COMMON]
    return min(uncommon or options, key=len)


def phrase_anchor(phrase_tokens: Iterable[str]) -> set[str] | None:
    """The phrase's longest uncommon word (any word if all are common); None if none can be found."""
    findable = [t.lower() for t in phrase_tokens if _findable(t.lower())]
    words = [t for t in findable if t not in COMMON] or findable
    return {max(words, key=len)} if words else None


def rule_anchors(patterns: Iterable[list[dict]], phrases: Iterable[list[str]]) -> set[str] | None:
    """Every word that could start a match of the rule; None means the rule must always run."""
    anchors: set[str] = set()
    for pattern in patterns:
        anchor = pattern_anchor(pattern)
        if anchor is None:
            return None
        anchors |= anchor
    for tokens in phrases:
        anchor = phrase_anchor(tokens)
        if anchor is None:
            return None
        anchors |= anchor
    return anchors
