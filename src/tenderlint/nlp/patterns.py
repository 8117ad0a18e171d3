"""Compile YAML pattern rules into one Matcher and one PhraseMatcher, and turn matches into findings."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from tenderlint.findings import Finding
from tenderlint.nlp.anchors import block_words, rule_anchors
from tenderlint.nlp.guards import guard_reason
from tenderlint.rules.pattern import PatternRule
from tenderlint.yamlload import PackError

if TYPE_CHECKING:
    from spacy.language import Language

    from tenderlint.analysis import Analysis

EXCERPT_LIMIT = 240


class PatternMatcher:
    """All pattern rules of a run, compiled once per process and reused for every document."""

    def __init__(self, nlp: Language, rules: Sequence[PatternRule]) -> None:
        from spacy.matcher import Matcher, PhraseMatcher

        self.nlp = nlp
        self.rules = {rule.meta.code: rule for rule in rules}
        # One matcher pair per rule, so that only the rules a block could match are run on it.
        self.matchers: dict[str, tuple] = {}
        self.anchors: dict[str, set[str] | None] = {}
        for rule in rules:
            code = rule.meta.code
            matcher = Matcher(nlp.vocab, validate=True) if rule.patterns else None
            phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER") if rule.phrases else None
            if matcher is not None:
                try:
                    matcher.add(code, list(rule.patterns))
                except (ValueError, KeyError) as exc:
                    raise PackError(f"{rule.meta.source}: rule {code}: invalid pattern: {exc}") from None
            phrase_docs = [nlp.make_doc(p) for p in rule.phrases]
            if phrase_matcher is not None:
                phrase_matcher.add(code, phrase_docs)
            self.matchers[code] = (matcher, phrase_matcher)
            self.anchors[code] = rule_anchors(rule.patterns, [[t.text for t in d] for d in phrase_docs])
        self.strings = nlp.vocab.strings

    def candidates(self, text: str) -> list[str]:
        """The rules whose anchor words occur in `text`."""
        words = block_words(text)
        return [code for code, anchor in self.anchors.items() if anchor is None or anchor & words]

    def findings(self, analysis: Analysis) -> Iterator[Finding]:
        """Every guarded match in the document, at most one per rule per sentence."""
        seen: set[tuple[str, int, int]] = set()
        wanted = {}
        for index, text in enumerate(analysis.texts):
            codes = [c for c in self.candidates(text) if analysis.blocks[index].kind in self.rules[c].scope]
            if codes:
                wanted[index] = codes
        docs = dict(zip(wanted, self.nlp.pipe(analysis.texts[i] for i in wanted)))
        for index, codes in wanted.items():
            block, doc = analysis.blocks[index], docs[index]
            matches = []
            for code in codes:
                for matcher in self.matchers[code]:
                    if matcher is not None:
                        matches.extend(matcher(doc))
            for match_id, start, end in sorted(matches, key=lambda m: (m[1], -m[2])):
                rule = self.rules[self.strings[match_id]]
                sent = doc[start].sent
                key = (rule.meta.code, index, sent.start)
                if key in seen or not self._applies(rule, analysis, index, sent.text):
                    continue
                if not _number_in_range(rule, doc[start:end], analysis):
                    continue
                to_source = analysis.offsets[index]
                char_start = to_source[doc[start].idx]
                char_end = to_source[doc[end - 1].idx + len(doc[end - 1])]
                if guard_reason(doc, start, end, block, char_start, char_end):
                    continue
                seen.add(key)
                sentence = (to_source[sent.start_char], to_source[sent.end_char])
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


def first_number(span) -> float | None:
    """The first number in a span of tokens: digits ("60", "1,000") or words ("twelve", "twice")."""
    for token in span:
        text = token.lower_.replace(",", "")
        if text in WORD_NUMBERS:
            return float(WORD_NUMBERS[text])
        digits = text.split("-")[0]
        try:
            return float(digits)
        except ValueError:
            continue
    return None


def _number_in_range(rule: PatternRule, span, analysis: Analysis) -> bool:
    if rule.at_least is None and rule.at_most is None and rule.number_setting is None:
        return True
    value = first_number(span)
    if value is None:
        return False
    at_least, at_most = rule.at_least, rule.at_most
    if rule.number_setting:
        limit = getattr(analysis.settings, rule.number_setting.replace("-", "_"))
        at_least = limit if at_least is not None else None
        at_most = limit if at_most is not None else None
    return (at_least is None or value >= at_least) and (at_most is None or value <= at_most)
