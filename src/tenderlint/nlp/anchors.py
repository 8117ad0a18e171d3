"""Which pattern rules can match a block: a rule can only match where one of its anchor words is a token.

Each Matcher pattern has required tokens; the anchor is the most selective of them (a literal word list
without common words). A block's tokens are compared with every rule's anchors, and only the rules that
could match are run on it: most blocks run none.
"""

from __future__ import annotations

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


def written_forms(token: dict) -> frozenset[str] | None:
    """The lower-cased words a token's LOWER, ORTH or TEXT condition allows, when they can be listed."""
    for key in ("LOWER", "ORTH", "TEXT"):
        value = token.get(key)
        if isinstance(value, str):
            return frozenset((value.lower(),))
        if isinstance(value, dict) and list(value) == ["IN"] and isinstance(value["IN"], list):
            return frozenset(str(v).lower() for v in value["IN"])
    return None


def _literal(token: dict) -> frozenset[str] | None:
    """The lower-cased words a required token can be, or None when they cannot be listed."""
    if not isinstance(token, dict):
        return None
    if token.get("OP") in ("?", "*", "!") or str(token.get("OP", "")).startswith(("{0", "{,")):
        return None
    return written_forms(token)


def pattern_anchor(pattern: list[dict]) -> frozenset[str] | None:
    """The smallest literal word set among the pattern's required tokens, preferring uncommon words."""
    options = [words for words in map(_literal, pattern) if words]
    if not options:
        return None
    uncommon = [words for words in options if not words & COMMON]
    return min(uncommon or options, key=len)


def phrase_anchor(phrase_tokens: Iterable[str]) -> set[str]:
    """The phrase's longest uncommon word, or its first word when all are common."""
    words = [t.lower() for t in phrase_tokens if not t.isspace()]
    uncommon = [word for word in words if word not in COMMON]
    return {max(uncommon, key=len)} if uncommon else set(words[:1])


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
