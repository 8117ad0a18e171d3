"""The two ways pattern rules are run: tenderlint's own engine, or a spaCy pipeline.

The built-in engine tokenizes, splits sentences and matches with the bundled pipeline's rules without
importing spaCy: start-up is most of a second shorter and matching about three times faster. spaCy runs
the patterns when a trained pipeline is configured, when `pipeline = "default-spacy"` asks for it (the
same bundled pipeline, loaded by spaCy), and when a rule pack has a pattern the built-in engine does not
take: one using a feature only spaCy has, or one spaCy's validation should reject with its message.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from tenderlint.nlp.concepts import Concept
from tenderlint.nlp.matcher import PatternSet, PhrasePattern, TokenPattern, Unsupported
from tenderlint.nlp.pipeline import DEFAULT, get_nlp
from tenderlint.nlp.tokenizer import table, tokenizer
from tenderlint.nlp.tokens import Tokens
from tenderlint.rules.pattern import PatternRule
from tenderlint.yamlload import PackError

DEFAULT_SPACY = "default-spacy"


class BuiltinEngine:
    name = "built-in"

    def __init__(self) -> None:
        self.tokenizer = tokenizer()
        self.punct_chars = frozenset(table()["sentence_punct"])
        # Compiled once: choose_engine tries every rule, then the matcher asks for them again.
        self.compiled: dict[str, PatternSet] = {}

    def tokenize(self, texts: Iterable[str]) -> Iterator[Tokens]:
        for text in texts:
            starts, ends, words = self.tokenizer.tokens(text)
            yield Tokens(text, starts, ends, sentence_punct=self.punct_chars, words=words)

    def phrase_words(self, phrase: str) -> list[str]:
        return [phrase[a:b] for a, b in self.tokenizer.spans(phrase)]

    def compile(self, rule: PatternRule | Concept) -> PatternSet:
        """A rule's own patterns, or a concept's. Raises Unsupported when a pattern needs spaCy."""
        key = rule.key if isinstance(rule, Concept) else rule.meta.code
        if key not in self.compiled:
            patterns: list[TokenPattern | PhrasePattern] = [TokenPattern(p) for p in rule.patterns]
            patterns.extend(PhrasePattern(self.phrase_words(phrase)) for phrase in rule.phrases)
            self.compiled[key] = PatternSet(patterns)
        return self.compiled[key]

    def matches(self, compiled: PatternSet, tokens: Tokens) -> list[tuple[int, int]]:
        return compiled.matches(tokens)


class SpacyEngine:
    name = "spaCy"

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp

    def tokenize(self, texts: Iterable[str]) -> Iterator[Tokens]:
        for doc in self.nlp.pipe(texts):
            starts = [token.idx for token in doc]
            ends = [token.idx + len(token) for token in doc]
            sentences = [sent.start for sent in doc.sents]
            yield Tokens(doc.text, starts, ends, known_sentence_starts=sentences, doc=doc)

    def phrase_words(self, phrase: str) -> list[str]:
        return [token.text for token in self.nlp.make_doc(phrase)]

    def compile(self, rule: PatternRule | Concept) -> tuple[Any, Any]:
        from spacy.matcher import Matcher, PhraseMatcher

        code = rule.key if isinstance(rule, Concept) else rule.meta.code
        matcher = phrase_matcher = None
        if rule.patterns:
            matcher = Matcher(self.nlp.vocab, validate=True)
            try:
                matcher.add(code, list(rule.patterns))
            except Exception as exc:  # spaCy's validation, a bad regex, an unknown extension...
                source = rule.source if isinstance(rule, Concept) else rule.meta.source
                raise PackError(f"{source}: {code}: invalid pattern: {exc}") from None
        if rule.phrases:
            phrase_matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
            phrase_matcher.add(code, [self.nlp.make_doc(p) for p in rule.phrases])
        return matcher, phrase_matcher

    def matches(self, compiled: tuple[Any, Any], tokens: Tokens) -> list[tuple[int, int]]:
        found: set[tuple[int, int]] = set()
        for matcher in compiled:
            if matcher is not None:
                found.update((start, end) for _, start, end in matcher(tokens.doc))
        return list(found)


def choose_engine(pipeline: str, rules: Sequence[PatternRule]) -> BuiltinEngine | SpacyEngine:
    """The built-in engine for the default pipeline when every pattern is within its reach; else spaCy."""
    if pipeline == DEFAULT:
        engine = BuiltinEngine()
        try:
            for rule in rules:
                engine.compile(rule)
                for concept in rule.concepts:
                    engine.compile(concept)
        except Unsupported:
            return SpacyEngine(get_nlp(DEFAULT))
        return engine
    return SpacyEngine(get_nlp(DEFAULT if pipeline == DEFAULT_SPACY else pipeline))
