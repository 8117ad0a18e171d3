"""Case-insensitive patterns run over lower-cased text must find exactly what IGNORECASE finds."""

from __future__ import annotations

import re

import pytest

from tenderlint.nlp.caseless import Caseless, folds

TEXT = "The PROVIDER shall deliver Home Care; İstanbul visits. The Council's Domiciliary care workers."


@pytest.mark.parametrize(
    "pattern",
    [
        r"\b(home care|domiciliary|care workers?)\b",
        r"\bprovider\b\s+(shall|must)",
        r"(?<![\w.])council['’]s\b",
        r"[^a-z ]+",
        r"\bvisits?\b",
    ],
)
def test_same_matches_and_positions_as_ignorecase(pattern: str) -> None:
    expected = re.compile(pattern, re.I)
    caseless = Caseless(pattern)
    for text in (TEXT, TEXT.replace("İ", "I")):  # the dotted capital lengthens when lower-cased
        assert [m.span() for m in caseless.finditer(text)] == [m.span() for m in expected.finditer(text)]
        assert len(caseless.findall(text)) == len(expected.findall(text))
        assert bool(caseless.search(text)) == bool(expected.search(text))


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b(home care|reablement)\b", True),
        (r"\bUK4\b", False),  # an upper-case literal
        (r"[A-Z]\w+", False),  # an upper-case range
        (r"(?-i:\bthe Contract\b)", False),
        (r"(a)\1", False),  # a backreference compares case-sensitively
        (r"\d+\s*(days|months)", True),
    ],
)
def test_folds_only_what_lower_cased_text_can_match(pattern: str, expected: bool) -> None:
    assert folds(pattern) is expected
