"""The domain's concepts, defined once, and clause rules that combine them.

A concept is one idea that documents word many ways: "sub-contracting" is also "subcontract",
"sub-contractors", "sub contract any part". Each concept lists its single words (every inflection is
matched: `subcontract` finds "subcontracted"), its phrases and any token patterns. Rule packs use the
built-in lexicon (`rules/concepts.yaml`) and may add concepts of their own under `concepts:`.

A clause rule needs several concepts in one sentence (or one clause), in any order, with optional
concepts that must be absent:

    clauses:
      - all: [[subcontracting, consortium], prohibition]   # a list inside `all` means "any of these"
        none: [permission]
        within: sentence                                   # or `clause`
        near: 6                                            # optional: at most 6 tokens apart
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from tenderlint.nlp.regex_safety import check_token_regexes
from tenderlint.yamlload import PackError, load_yaml

CONCEPT_KEYS = {"about", "words", "phrases", "patterns"}
CLAUSE_KEYS = {"all", "none", "within", "near"}
WITHIN = ("sentence", "clause")


@dataclass(frozen=True)
class Concept:
    name: str
    about: str
    patterns: tuple[list[dict], ...] = ()
    phrases: tuple[str, ...] = ()
    source: str = ""

    @property
    def key(self) -> str:
        """The name engines compile it under, apart from rule codes."""
        return f"concept:{self.name}"


@dataclass(frozen=True)
class Clause:
    """Groups of concepts that must all be present (any one concept per group), and concepts that must not."""

    groups: tuple[tuple[str, ...], ...]
    absent: tuple[str, ...] = ()
    within: str = "sentence"
    # At most this many tokens between the anchor concept and each other one (None: anywhere in scope).
    near: int | None = None

    @property
    def names(self) -> set[str]:
        return {name for group in self.groups for name in group} | set(self.absent)


def load_concepts(path: Path, data: dict) -> dict[str, Concept]:
    """The `concepts:` mapping of one pack file, validated."""
    raw = data.get("concepts") or {}
    if not isinstance(raw, dict):
        raise PackError(f"{path}: 'concepts' must be a mapping of concept names to definitions")
    parsed = []
    for name, entry in raw.items():
        where = f"{path}: concept {name!r}"
        if not isinstance(entry, dict):
            raise PackError(f"{where}: expected a mapping with words, phrases or patterns")
        unknown = set(entry) - CONCEPT_KEYS
        if unknown:
            raise PackError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        words = _strings(entry.get("words"), where, "words")
        phrases = _strings(entry.get("phrases"), where, "phrases")
        patterns = entry.get("patterns") or []
        if not isinstance(patterns, list) or not all(
            isinstance(p, list) and p and all(isinstance(t, dict) for t in p) for p in patterns
        ):
            raise PackError(f"{where}: patterns must be a list of token patterns")
        check_token_regexes(patterns, where)
        if not (words or phrases or patterns):
            raise PackError(f"{where}: needs words, phrases or patterns")
        parsed.append((str(name), entry, words, phrases, patterns))
    forms = inflections({word for _, _, words, _, _ in parsed for word in words})
    concepts = {}
    for name, entry, words, phrases, patterns in parsed:
        if words:
            written = sorted({form for word in words for form in forms[word.lower()]})
            patterns = [*patterns, [{"LOWER": {"IN": written}}]]
        concepts[name] = Concept(
            name, str(entry.get("about", "")).strip(), tuple(patterns), tuple(phrases), str(path)
        )
    return concepts


def inflections(words: set[str]) -> dict[str, set[str]]:
    """Each word with every form the lemma table maps to it (subcontract: subcontracts, subcontracted...),
    found in one pass over the table for all the words of a pack."""
    from tenderlint.nlp.tokenizer import lemmas

    wanted = {word.lower() for word in words}
    found: dict[str, set[str]] = {word: {word} for word in wanted}
    for form, lemma in lemmas().items():
        if lemma in wanted:
            found[lemma].add(form.lower())
    return found


def parse_clauses(raw: object, where: str) -> tuple[Clause, ...]:
    if not isinstance(raw, list) or not raw:
        raise PackError(f"{where}: clauses must be a list of {{all: [...], none: [...]}} mappings")
    clauses = []
    for spec in raw:
        if not isinstance(spec, dict) or not spec.get("all"):
            raise PackError(f"{where}: each clause needs 'all': the concepts it requires")
        unknown = set(spec) - CLAUSE_KEYS
        if unknown:
            raise PackError(f"{where}: clause: unknown key(s) {', '.join(sorted(unknown))}")
        groups = []
        for item in spec["all"]:
            group = [item] if isinstance(item, str) else item
            if not isinstance(group, list) or not group or not all(isinstance(n, str) for n in group):
                raise PackError(f"{where}: clause 'all' items are concept names or lists of names")
            groups.append(tuple(group))
        absent = spec.get("none") or []
        if not isinstance(absent, list) or not all(isinstance(n, str) for n in absent):
            raise PackError(f"{where}: clause 'none' must be a list of concept names")
        within = spec.get("within", "sentence")
        if within not in WITHIN:
            raise PackError(f"{where}: clause 'within' must be one of {', '.join(WITHIN)}")
        near = spec.get("near")
        if near is not None and (not isinstance(near, int) or isinstance(near, bool) or near < 0):
            raise PackError(f"{where}: clause 'near' must be a whole number of tokens")
        clauses.append(Clause(tuple(groups), tuple(absent), within, near))
    return tuple(clauses)


def check_names(clauses: tuple[Clause, ...], concepts: dict[str, Concept], where: str) -> None:
    """Every concept a clause names must exist; suggest the closest name when it does not."""
    for clause in clauses:
        for name in sorted(clause.names - set(concepts)):
            close = difflib.get_close_matches(name, list(concepts), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise PackError(f"{where}: unknown concept {name!r}{hint}")


def _strings(value: object, where: str, key: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise PackError(f"{where}: {key} must be a list of words")
    return list(value)


def read_pack(path: Path) -> dict:
    """A pack file as a mapping: `rules:` and/or `concepts:`."""
    data = load_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict) or not (isinstance(data.get("rules"), list) or "concepts" in data):
        raise PackError(f"{path}: expected a top-level 'rules:' list or 'concepts:' mapping")
    return data
