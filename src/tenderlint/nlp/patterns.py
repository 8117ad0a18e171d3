"""Run the YAML pattern rules of a run over a document and turn guarded matches into findings."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from tenderlint.findings import Finding
from tenderlint.nlp.anchors import rule_anchors
from tenderlint.nlp.guards import guard_reason
from tenderlint.rules.pattern import PatternRule

if TYPE_CHECKING:
    from tenderlint.analysis import Analysis
    from tenderlint.document import BlockKind
    from tenderlint.nlp.engines import BuiltinEngine, SpacyEngine
    from tenderlint.nlp.tokens import Tokens

EXCERPT_LIMIT = 240


class PatternMatcher:
    """All pattern rules of a run, compiled once per process and reused for every document."""

    def __init__(self, engine: BuiltinEngine | SpacyEngine, rules: Sequence[PatternRule]) -> None:
        self.engine = engine
        self.rules = {rule.meta.code: rule for rule in rules}
        # Compiled per rule, so that only the rules a block could match are run on it.
        self.compiled = {rule.meta.code: engine.compile(rule) for rule in rules}
        self.kinds = {kind for rule in rules for kind in rule.scope}
        self.anchors: dict[str, set[str] | None] = {
            rule.meta.code: rule_anchors(rule.patterns, [engine.phrase_words(p) for p in rule.phrases])
            for rule in rules
        }

    def candidates(self, tokens: Tokens, kind: BlockKind) -> list[str]:
        """The rules that read this kind of block and whose anchor words are among its tokens."""
        words = set(tokens.lowers)
        return [
            code
            for code, anchor in self.anchors.items()
            if kind in self.rules[code].scope and (anchor is None or not anchor.isdisjoint(words))
        ]

    def findings(self, analysis: Analysis) -> Iterator[Finding]:
        """Every guarded match in the document, at most one per rule per sentence."""
        seen: set[tuple[str, int, int]] = set()
        read = [i for i, block in enumerate(analysis.blocks) if block.kind in self.kinds]
        for index, tokens in zip(read, self.engine.tokenize(analysis.texts[i] for i in read)):
            block = analysis.blocks[index]
            codes = self.candidates(tokens, block.kind)
            if not codes:
                continue
            matches = []
            for code in codes:
                matches.extend(
                    (code, start, end) for start, end in self.engine.matches(self.compiled[code], tokens)
                )
            for code, start, end in sorted(matches, key=lambda m: (m[1], -m[2], m[0])):
                rule = self.rules[code]
                sent_start, sent_end = tokens.sentence(start)
                key = (code, index, sent_start)
                if key in seen or not self._applies(
                    rule, analysis, index, tokens.span_text(sent_start, sent_end)
                ):
                    continue
                if not _number_in_range(rule, tokens.lowers[start:end], analysis):
                    continue
                to_source = analysis.offsets[index]
                char_start = to_source[tokens.starts[start]]
                char_end = to_source[tokens.ends[end - 1]]
                if guard_reason(tokens, start, end, block, char_start, char_end):
                    continue
                seen.add(key)
                sentence = (to_source[tokens.starts[sent_start]], to_source[tokens.ends[sent_end - 1]])
                yield self._finding(rule, analysis, index, sentence, char_start, char_end)

    def _applies(self, rule: PatternRule, analysis: Analysis, index: int, sentence: str) -> bool:
        block = analysis.blocks[index]
        if block.kind not in rule.scope:
            return False
        if rule.sections and not any(p.search(h) for p in rule.sections for h in block.location.trail):
            return False
        if not all(analysis.profile.flag(name) for name in rule.if_profile):
            return False
        if rule.if_document and not analysis.document_matches(rule.if_document):
            return False
        if rule.if_sentence and not rule.if_sentence.search(sentence):
            return False
        if any(p.search(sentence) for p in rule.unless_sentence):
            return False
        if rule.unless_nearby:
            reach = rule.nearby_blocks
            nearby = analysis.blocks[max(0, index - reach) : index + 1 + reach]
            if any(rule.unless_nearby.search(b.text) for b in nearby):
                return False
        return True

    def _finding(
        self,
        rule: PatternRule,
        analysis: Analysis,
        index: int,
        sentence: tuple[int, int],
        start: int,
        end: int,
    ) -> Finding:
        """A finding whose excerpt is the sentence (in the block's own text) with the match inside it."""
        block = analysis.blocks[index]
        excerpt_start, excerpt_end = sentence
        if excerpt_end - excerpt_start > EXCERPT_LIMIT:
            excerpt_start = max(excerpt_start, start - EXCERPT_LIMIT // 2)
            excerpt_end = min(excerpt_end, max(end, excerpt_start + EXCERPT_LIMIT))
        excerpt = block.text[excerpt_start:excerpt_end]
        stripped = len(excerpt) - len(excerpt.lstrip())
        excerpt = excerpt.strip()
        meta = rule.meta
        return Finding(
            code=meta.code,
            name=meta.name,
            severity=meta.severity,
            message=meta.message,
            fix=meta.fix,
            citations=analysis.citations_for(meta),
            location=block.locate(start),
            excerpt=excerpt,
            span=(start - excerpt_start - stripped, end - excerpt_start - stripped),
            block_index=index,
        )


WORD_NUMBERS = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
} | {
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "fifty": 50,
    "sixty": 60,
    "ninety": 90,
    "twice": 2,
    "once": 1,
}


def first_number(words: Sequence[str]) -> float | None:
    """The first number among lower-cased words: digits ("60", "1,000") or words ("twelve", "twice")."""
    for word in words:
        text = word.replace(",", "")
        if text in WORD_NUMBERS:
            return float(WORD_NUMBERS[text])
        digits = text.split("-")[0]
        try:
            return float(digits)
        except ValueError:
            continue
    return None


def _number_in_range(rule: PatternRule, words: Sequence[str], analysis: Analysis) -> bool:
    if rule.at_least is None and rule.at_most is None and rule.number_setting is None:
        return True
    value = first_number(words)
    if value is None:
        return False
    at_least, at_most = rule.at_least, rule.at_most
    if rule.number_setting:
        limit = getattr(analysis.settings, rule.number_setting.replace("-", "_"))
        at_least = limit if at_least is not None else None
        at_most = limit if at_most is not None else None
    return (at_least is None or value >= at_least) and (at_most is None or value <= at_most)
