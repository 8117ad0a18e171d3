"""Case-insensitive patterns run over lower-cased text must find exactly what IGNORECASE finds."""

from __future__ import annotations

import re

import pytest

from tenderlint.nlp.caseless import Caseless, folds, leads, led_matches, word_start_form

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


EDGE_TEXT = "shall must_shall 2must Shall,must\nmarshall mustard _shall shall_ (must) é shall"


@pytest.mark.parametrize(
    ("pattern", "rewritten"),
    [
        (r"\b(shall|must)\b", True),
        (r"\b(?:shall|must)", True),
        (r"\b(?P<verb>shall|must)( not)?\b", True),
        (r"\bshall\b", True),
        (r"\b(shall|must)?x", False),  # the group may be skipped: the boundary still applies
        (r"\b(shall|\w+st)", False),  # a way to begin that is not a letter
        (r"\b(s?hall|must)", False),  # a first letter that may be left out
        (r"\b(shall|must)\b|\bwill\b", False),  # another way to match at the top level
        (r"\b(alpha|beta|gamma|delta)\b", False),  # too many first letters to be worth it
        (r"\b(m[|)]ust|s\|hall)", True),  # bars inside a set or escaped are not alternatives
    ],
)
def test_word_start_form_finds_what_the_boundary_finds(pattern: str, rewritten: bool) -> None:
    form = word_start_form(pattern)
    assert (form != pattern) is rewritten
    before, after = re.compile(pattern), re.compile(form)
    for text in (EDGE_TEXT, EDGE_TEXT.lower(), "", "must"):
        for pos in range(0, len(text) + 1, 7):
            assert [(m.span(), m.groups()) for m in after.finditer(text, pos)] == [
                (m.span(), m.groups()) for m in before.finditer(text, pos)
            ]
            assert [m.span() for m in after.finditer(text, 0, pos)] == [
                m.span() for m in before.finditer(text, 0, pos)
            ]


def test_every_rewritten_pattern_of_the_rules_matches_as_written() -> None:
    """Each case-insensitive pattern the built-in rules, profile and contexts search with finds the same
    matches and groups in the word-start form as written, over the blind set's texts."""
    import gc
    from pathlib import Path

    from tenderlint.config import Settings
    from tenderlint.engine import linter_for

    linter_for(Settings()).warm()
    patterns = {p.pattern: p for p in gc.get_objects() if isinstance(p, Caseless) and p.folds}
    docs = sorted((Path(__file__).parents[1] / "corpora" / "blind" / "docs").glob("*.[mt][dx]*"))[:12]
    texts = [path.read_text(encoding="utf-8").lower() for path in docs]
    rewritten = 0
    for source, caseless in patterns.items():
        flags = caseless.flags_given & ~re.IGNORECASE
        form = word_start_form(source, flags)
        if form == source:
            continue
        rewritten += 1
        before, after = re.compile(source, flags), re.compile(form, flags)
        for text in texts:
            found = [(m.span(), m.groups()) for m in after.finditer(text)]
            assert found == [(m.span(), m.groups()) for m in before.finditer(text)], source
    assert texts and rewritten >= 10


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b(shall|must)\b", ["shall", "must"]),
        (r"\b(co-?produc\w*|experts? by experience)", ["co", "expert"]),
        (r"\b(the )?(provider|contractor)s? shall", ["the ", "provider", "contractor"]),
        (r"weight|marks|%", ["weight", "marks", "%"]),
        (r"\b(\d+|one)", None),  # a way to begin that is not written out
        (r"(?<![\d.])\d+", None),
        (r"(?i:care)", None),
    ],
)
def test_leads_are_what_every_match_starts_with(pattern: str, expected: list[str] | None) -> None:
    assert leads(pattern) == expected


LONG = (
    "The provider shall co-produce plans with experts by experience; the contractor must not. " * 40
).lower()


@pytest.mark.parametrize(
    "pattern",
    [
        r"\b(shall|must)\b",
        r"\b(co-?produc\w*|experts? by experience)",
        r"\b(the )?(provider|contractor)s? (shall|must)( not)?",
        r"\bthe\b|\bnot\b",
        r"pro(?:vider|duce)",
    ],
)
def test_matches_found_from_their_leads_are_those_of_finditer(pattern: str) -> None:
    compiled = re.compile(pattern)
    heads = tuple(leads(pattern) or ())
    assert heads
    for pos, endpos in ((0, len(LONG)), (5, len(LONG) - 7), (200, 260)):
        expected = [(m.span(), m.groups()) for m in compiled.finditer(LONG, pos, endpos)]
        found = [(m.span(), m.groups()) for m in led_matches(compiled, heads, LONG, pos, endpos)]
        assert found == expected
    caseless = Caseless(pattern)
    text = LONG.upper()  # long enough to be searched from its leads
    assert caseless.findall(text) == compiled.findall(LONG)  # what a match returns is lower-cased
    assert [m.span() for m in caseless.finditer(text)] == [m.span() for m in re.finditer(pattern, text, re.I)]
    assert caseless.search(text, 300).span() == re.compile(pattern, re.I).search(text, 300).span()
