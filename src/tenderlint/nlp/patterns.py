"""Run the YAML pattern rules of a run over a document and turn guarded matches into findings."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from tenderlint.document import BlockKind
from tenderlint.findings import Finding
from tenderlint.nlp.anchors import rule_anchors
from tenderlint.nlp.caseless import caseless
from tenderlint.nlp.concepts import Clause
from tenderlint.nlp.context import CONTEXTS, CUE_WINDOW, clause_bounds, contexts, lead_in_context
from tenderlint.nlp.quantities import first_duration, first_number
from tenderlint.rules.pattern import PatternRule

if TYPE_CHECKING:
    from tenderlint.analysis import Analysis
    from tenderlint.nlp.engines import BuiltinEngine, SpacyEngine
    from tenderlint.nlp.tokens import Tokens

EXCERPT_LIMIT = 240
# A clause match longer than this (in tokens) marks only its anchor concept.
MAX_CLAUSE_SPAN = 30
CONTEXTS_ALL = frozenset(CONTEXTS)


class Candidate(NamedTuple):
    """One match of a rule: token bounds, the tokens its concepts cover, and what each concept matched.
    A named tuple: many are made per block and most are discarded, and a tuple is made fastest."""

    code: str
    start: int
    end: int
    own: frozenset[int] = frozenset()
    concepts: tuple[tuple[str, int, int], ...] = ()
    # The tokens to mark in the report, when not the whole match (a long clause marks its anchor).
    mark: tuple[int, int] | None = None


class RuleScreens(NamedTuple):
    """The rules that read one kind of block: (code, word requirements) in rule order, the positions of
    those to try on a block holding each word (and all those words), and of those tried on every block."""

    rules: list[tuple[str, list[list[frozenset[str]]] | None]]
    by_word: dict[str, list[int]]
    words: frozenset[str]
    always: list[int]


class PatternMatcher:
    """All pattern rules of a run, compiled once per process and reused for every document."""

    def __init__(self, engine: BuiltinEngine | SpacyEngine, rules: Sequence[PatternRule]) -> None:
        self.engine = engine
        self.rules = {rule.meta.code: rule for rule in rules}
        # Compiled per rule, so that only the rules a block could match are run on it.
        self.compiled = {rule.meta.code: engine.compile(rule) for rule in rules}
        self.concepts = {c.name: c for rule in rules for c in rule.concepts}
        self.compiled_concepts = {name: engine.compile(c) for name, c in self.concepts.items()}
        # The words one of which any match of a concept contains, or None when they cannot be listed.
        self.concept_words: dict[str, frozenset[str] | None] = {}
        for name, concept in self.concepts.items():
            words = self._word_set(concept.patterns, concept.phrases)
            self.concept_words[name] = None if words is None else frozenset(words)
        self.kinds = {kind for rule in rules for kind in rule.scope}
        # Per clause, the word sets a block needs (one per concept group whose words can be listed).
        self.clause_needs = {
            rule.meta.code: [self._clause_needs(clause) for clause in rule.clauses] for rule in rules
        }
        # Per rule, alternative word requirements: the block must hold a word of every set in one of them.
        self.anchors: dict[str, list[list[frozenset[str]]] | None] = {
            rule.meta.code: self._anchors(rule) for rule in rules
        }
        # One set per rule holding a word that every way of matching needs: a quick first test.
        self.quick: dict[str, frozenset[str] | None] = {
            code: None if ways is None else frozenset().union(*(way[0] for way in ways))
            for code, ways in self.anchors.items()
        }
        self._by_kind: dict[BlockKind, RuleScreens] = {}

    def _word_set(self, patterns: Sequence[list[dict]], phrases: Sequence[str]) -> set[str] | None:
        return rule_anchors(patterns, [self.engine.phrase_words(p) for p in phrases])

    def _anchors(self, rule: PatternRule) -> list[list[frozenset[str]]] | None:
        """What a block needs for the rule to match it, or None when that cannot be listed: for its own
        patterns one of their anchor words, and for each clause a word from every concept group."""
        ways: list[list[frozenset[str]]] = []
        if rule.patterns or rule.phrases:
            words = self._word_set(rule.patterns, rule.phrases)
            if words is None:
                return None
            ways.append([frozenset(words)])
        for needs in self.clause_needs[rule.meta.code]:
            if not needs:
                return None
            ways.append(needs)
        return ways

    def _clause_needs(self, clause: Clause) -> list[frozenset[str]]:
        needs = []
        for group in clause.groups:
            sets = [self.concept_words[name] for name in group]
            if all(words is not None for words in sets):
                needs.append(frozenset().union(*sets))  # type: ignore[arg-type]
        return needs

    def candidates(self, tokens: Tokens, kind: BlockKind, words: set[str] | None = None) -> list[str]:
        """The rules that read this kind of block and whose required words are among its tokens, in the
        order of the rules."""
        words = set(tokens.lowers) if words is None else words
        screens = self._by_kind.get(kind) or self._screens(kind)
        by_word = screens.by_word
        tried = {order for word in words & screens.words for order in by_word[word]}
        tried.update(screens.always)
        found = []
        for order in sorted(tried):
            code, ways = screens.rules[order]
            if self._has_words(ways, words):
                found.append(code)
        return found

    def _screens(self, kind: BlockKind) -> RuleScreens:
        """Per block kind, the rules that read it, each under the words of its quick test (or always
        tried, when they cannot be listed): a block then looks up its own words, not every rule."""
        rules: list[tuple[str, list[list[frozenset[str]]] | None]] = []
        by_word: dict[str, list[int]] = {}
        always: list[int] = []
        for code, quick in self.quick.items():
            if kind in self.rules[code].scope:
                if quick is None:
                    always.append(len(rules))
                for word in quick or ():
                    by_word.setdefault(word, []).append(len(rules))
                rules.append((code, self.anchors[code]))
        screens = self._by_kind[kind] = RuleScreens(rules, by_word, frozenset(by_word), always)
        return screens

    @staticmethod
    def _has_words(ways: list[list[frozenset[str]]] | None, words: set[str]) -> bool:
        if ways is None:
            return True
        for way in ways:
            for need in way:
                if need.isdisjoint(words):
                    break
            else:
                return True
        return False

    def findings(self, analysis: Analysis) -> Iterator[Finding]:
        """Every match that no context cancels, at most one per rule per sentence."""
        seen: set[tuple[str, int, int]] = set()
        chosen = analysis.profile.chosen_options
        read = [i for i, block in enumerate(analysis.blocks) if block.kind in self.kinds]
        for index, tokens in zip(read, self.engine.tokenize(analysis.texts[i] for i in read)):
            block = analysis.blocks[index]
            words = set(tokens.lowers)
            codes = self.candidates(tokens, block.kind, words)
            if not codes:
                continue
            spans = ConceptSpans(self, tokens)
            matches: list[Candidate] = []
            for code in codes:
                rule = self.rules[code]
                if rule.patterns or rule.phrases:
                    matches.extend(
                        Candidate(code, start, end)
                        for start, end in self.engine.matches(self.compiled[code], tokens)
                    )
                for clause, needs in zip(rule.clauses, self.clause_needs[code]):
                    for need in needs:  # a word of each concept group (a loop: no generator per clause)
                        if need.isdisjoint(words):
                            break
                    else:
                        matches.extend(clause_matches(code, clause, tokens, spans))
            # A rule's own token patterns are its most exact wording, so they are tried first; its clauses
            # then find what the patterns missed, except in a sentence that only goes on describing the
            # practice a pattern found in the sentence before (one practice, one finding).
            found_by_pattern: set[tuple[str, int]] = set()
            for match in sorted(matches, key=lambda m: (bool(m.concepts), m.start, -m.end, m.code)):
                rule = self.rules[match.code]
                start, end = match.start, match.end
                sent_start, sent_end = tokens.sentence(start)
                key = (match.code, index, sent_start)
                if (
                    match.concepts
                    and sent_start
                    and ((match.code, tokens.sentence(sent_start - 1)[0]) in found_by_pattern)
                ):
                    continue
                if key in seen or not self._applies(
                    rule, analysis, index, tokens.span_text(sent_start, sent_end)
                ):
                    continue
                value = _number(rule, match, tokens)
                if not _number_in_range(rule, value, analysis):
                    continue
                to_source = analysis.offsets[index]
                char_start = to_source[tokens.starts[start]]
                char_end = to_source[tokens.ends[end - 1]]
                if contexts(
                    tokens, start, end, block, char_start, char_end, rule.cancelled_by, match.own, chosen
                ):
                    continue
                if block.kind is BlockKind.LIST_ITEM and (
                    lead_in_context(analysis.lead_in(index)) in rule.cancelled_by
                ):
                    continue  # an item of "We considered two other approaches and rejected them:"
                seen.add(key)
                if not match.concepts:
                    found_by_pattern.add((match.code, sent_start))
                sentence = (to_source[tokens.starts[sent_start]], to_source[tokens.ends[sent_end - 1]])
                evidence = _evidence(match, tokens, value, rule)
                yield self._finding(rule, analysis, index, sentence, char_start, char_end, evidence)

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
        if (
            rule.if_sentence
            and not rule.if_sentence.search(sentence)
            and not rule.if_sentence.search(analysis.lead_in(index))
        ):
            return False
        if any(p.search(sentence) for p in rule.unless_sentence):
            return False
        if rule.unless_document and analysis.document_matches(rule.unless_document):
            return False
        if rule.unless_nearby:
            reach = rule.nearby_blocks
            nearby = analysis.blocks[max(0, index - reach) : index + 1 + reach]
            if block.location.table is not None:  # a table cell's neighbours are its whole table
                nearby += analysis.table_blocks(block.location.table)
            # A bidder's question nearby ("…so that small providers can bid?") gives no reasons of its own,
            # and measures or reasons a block withdraws ("Indicators 7 to 11 … are suspended") are gone.
            if any(
                analysis.block_matches(rule.unless_nearby, b)
                for b in nearby
                if not b.text.rstrip().endswith("?") and not analysis.block_matches(WITHDRAWN, b)
            ):
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
        evidence: dict,
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
            evidence=evidence,
        )


class ConceptSpans:
    """Where each concept matches in one block, found on first use and kept for the block's other rules."""

    def __init__(self, matcher: PatternMatcher, tokens: Tokens) -> None:
        self.matcher = matcher
        self.tokens = tokens
        self.found: dict[str, list[tuple[int, int]]] = {}

    def __call__(self, name: str) -> list[tuple[int, int]]:
        if name not in self.found:
            words = self.matcher.concept_words[name]
            if words is not None and self.tokens.vocabulary().isdisjoint(words):
                self.found[name] = []  # none of the words any of its patterns needs is here
            else:
                compiled = self.matcher.compiled_concepts[name]
                self.found[name] = _maximal(self.matcher.engine.matches(compiled, self.tokens))
        return self.found[name]


WITHDRAWN = caseless(
    r"\b(are|is|will be|have been|has been) (suspended|removed|withdrawn|deleted|discontinued|dropped)\b"
)


def _maximal(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans not inside a longer span of the same concept: "forty-five minutes", not "five minutes"."""
    ordered = sorted(spans, key=lambda span: (span[0], -span[1]))
    kept: list[tuple[int, int]] = []
    # Every span kept so far starts at or before this one, so it lies inside one of them exactly when
    # the farthest end among them reaches its end.
    farthest = -1
    for start, end in ordered:
        if end > farthest:
            kept.append((start, end))
            farthest = end
    return kept


def clause_matches(code: str, clause: Clause, tokens: Tokens, spans: ConceptSpans) -> Iterator[Candidate]:
    """Each place where every concept group of `clause` has a match in one sentence (or clause) and no
    `none` concept does. The first group anchors the match; the others take their nearest match."""
    owned: dict[tuple[int, int], frozenset[int]] = {}  # per sentence (or clause): see _covered
    for anchor_name in clause.groups[0]:
        for a_start, a_end in spans(anchor_name):
            if clause.within == "clause":
                low, high = clause_bounds(tokens, a_start, a_end, max(CUE_WINDOW, clause.near or 0))
            else:
                low, high = tokens.sentence(a_start)
            chosen = [(anchor_name, a_start, a_end)]
            for group in clause.groups[1:]:
                options = [
                    (abs(s - a_start), name, s, e)
                    for name in group
                    for s, e in spans(name)
                    if s >= low
                    and e <= high
                    and (s, e) != (a_start, a_end)
                    and (clause.near is None or max(s - a_end, a_start - e) <= clause.near)
                ]
                if not options:
                    break
                _, name, s, e = min(options)
                chosen.append((name, s, e))
            else:
                start = min(s for _, s, _ in chosen)
                end = max(e for _, _, e in chosen)
                # A `none` concept cancels the match within its reach: a cue window either side of it when
                # the clause sets a distance, else the whole sentence (or clause).
                reach_low, reach_high = low, high
                if clause.near is not None:
                    reach = max(clause.near, CUE_WINDOW)
                    reach_low, reach_high = max(low, start - reach), min(high, end + reach)
                if any(reach_low <= s and e <= reach_high for name in clause.absent for s, e in spans(name)):
                    continue
                # Every token any of the clause's concepts covers in this sentence is the rule's own wording:
                # "not" in "will not be accepted" is the prohibition, not a negation of another one.
                own = owned.get((low, high))
                if own is None:
                    own = owned[low, high] = _covered(clause, spans, low, high)
                mark = (a_start, a_end) if end - start > MAX_CLAUSE_SPAN else None
                yield Candidate(code, start, end, own, tuple(chosen), mark)


def _covered(clause: Clause, spans: ConceptSpans, low: int, high: int) -> frozenset[int]:
    """Every token any of the clause's concepts covers in tokens [low, high)."""
    return frozenset(
        i
        for group in clause.groups
        for name in group
        for s, e in spans(name)
        if low <= s and e <= high
        for i in range(s, e)
    )


def _number(rule: PatternRule, match: Candidate, tokens: Tokens) -> float | None:
    """The number a rule's `number:` range applies to: in the named concept's words, else in the match."""
    if rule.at_least is None and rule.at_most is None and rule.number_setting is None:
        return None

    def read(text: str) -> float | None:
        return first_duration(text, rule.number_unit) if rule.number_unit else first_number(text)

    if rule.number_concept and match.concepts:
        for name, s, e in match.concepts:
            if name == rule.number_concept:
                return read(tokens.span_text(s, e))
        return None
    return read(tokens.span_text(match.start, match.end))


def _evidence(match: Candidate, tokens: Tokens, value: float | None, rule: PatternRule) -> dict:
    """What produced the finding: each concept's words (or the pattern's), and any number judged."""
    evidence: dict = {}
    if match.concepts:
        evidence["concepts"] = {name: tokens.span_text(s, e) for name, s, e in match.concepts}
    else:
        evidence["pattern"] = tokens.span_text(match.start, match.end)
    if value is not None:
        evidence["value"] = value
    cancelling = sorted(CONTEXTS_ALL - rule.cancelled_by)
    if cancelling:
        evidence["context-allowed"] = cancelling
    return evidence


def _number_in_range(rule: PatternRule, value: float | None, analysis: Analysis) -> bool:
    if rule.at_least is None and rule.at_most is None and rule.number_setting is None:
        return True
    if value is None:
        return False
    at_least, at_most = rule.at_least, rule.at_most
    if rule.number_setting:
        limit = getattr(analysis.settings, rule.number_setting.replace("-", "_"))
        at_least = limit if at_least is not None else None
        at_most = limit if at_most is not None else None
    return (at_least is None or value >= at_least) and (at_most is None or value <= at_most)
