"""Cheap prefilter for pattern rules: a rule can only match a block that contains one of its anchor words.

Each Matcher pattern has required tokens; the anchor is the most selective of them (a literal word list
without common words). spaCy then only processes blocks that could match some rule, and only those
rules' matchers run: most prose never reaches the Matcher at all.
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
    """The surface forms a required token can take, or None when they cannot be listed."""
    if token.get("OP") in ("?", "*", "!") or str(token.get("OP", "")).startswith("{0"):
        return None
    for key in ("LOWER", "ORTH", "TEXT", "NORM"):
        value = token.get(key)
        if isinstance(value, str):
            return {value.lower()}
        if isinstance(value, dict) and isinstance(value.get("IN"), list):
            return {str(v).lower() for v in value["IN"]}
    return None


def pattern_anchor(pattern: list[dict]) -> set[str] | None:
    """The smallest literal word set among the pattern's required tokens, preferring uncommon words."""
    options = [words for words in map(_literal, pattern) if words]
    if not options:
        return None
    uncommon = [words for words in options if not words & COMMON]
    return min(uncommon or options, key=len)


def phrase_anchor(phrase_tokens: Iterable[str]) -> set[str]:
    words = [t.lower() for t in phrase_tokens if t.strip() and t.lower() not in COMMON]
    return {max(words, key=len)} if words else {t.lower() for t in phrase_tokens}


def rule_anchors(patterns: Iterable[list[dict]], phrases: Iterable[list[str]]) -> set[str] | None:
    """Every word that could start a match of the rule; None means the rule must always run."""
    anchors: set[str] = set()
    for pattern in patterns:
        anchor = pattern_anchor(pattern)
        if anchor is None:
            return None
        anchors |= anchor
    for tokens in phrases:
        anchors |= phrase_anchor(tokens)
    return anchors
