"""Collect rules, packs and citations from every plugin, check them, and select what a run uses."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from tenderlint.citations import Citation, load_citations
from tenderlint.findings import RuleMeta, Severity
from tenderlint.nlp.concepts import Concept, check_names
from tenderlint.plugin.host import collect
from tenderlint.rulecache import cached
from tenderlint.rules.base import DocumentRule
from tenderlint.rules.pattern import PatternRule, load_pack
from tenderlint.yamlload import PackError

PACK_SUFFIXES = (".yaml", ".yml")


@dataclass
class RuleSet:
    pattern_rules: list[PatternRule] = field(default_factory=list)
    document_rules: list[DocumentRule] = field(default_factory=list)
    citations: dict[str, Citation] = field(default_factory=dict)
    concepts: dict[str, Concept] = field(default_factory=dict)

    @property
    def metas(self) -> list[RuleMeta]:
        metas = [r.meta for r in self.pattern_rules] + [r.meta for r in self.document_rules]
        return sorted(metas, key=lambda m: m.code)

    def find(self, code_or_name: str) -> RuleMeta | None:
        wanted = code_or_name.strip()
        return next((m for m in self.metas if wanted in (m.code, m.name) or wanted.upper() == m.code), None)

    def selected(self, select: tuple[str, ...], ignore: tuple[str, ...], severity: tuple) -> RuleSet:
        """The rules a run uses, with severity overrides applied."""
        overrides = dict(severity)

        def keep(meta: RuleMeta) -> bool:
            return (not select or matches(meta.code, meta.name, select)) and not matches(
                meta.code, meta.name, ignore
            )

        def adjust(meta: RuleMeta) -> RuleMeta:
            level = overrides.get(meta.code) or overrides.get(meta.name)
            return replace(meta, severity=Severity(level)) if level else meta

        patterns = [replace(r, meta=adjust(r.meta)) for r in self.pattern_rules if keep(r.meta)]
        documents = []
        for rule in self.document_rules:
            if keep(rule.meta):
                instance = type(rule)()
                instance.meta = adjust(rule.meta)
                documents.append(instance)
        return RuleSet(patterns, documents, self.citations, self.concepts)


def matches(code: str, name: str, selectors: tuple[str, ...]) -> bool:
    """Selectors are codes, code prefixes (TL2) or names; 'ALL' matches everything."""
    for selector in selectors:
        s = selector.strip()
        if s and (s.upper() == "ALL" or s == name or code.startswith(s.upper())):
            return True
    return False


def _pack_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in PACK_SUFFIXES and p.name != "citations.yaml")
    if path.is_file():
        return [path]
    raise PackError(f"{path}: rule pack not found")


def load_ruleset(extra_packs: tuple[str, ...] = ()) -> RuleSet:
    """Every rule from every plugin plus configured packs; raises PackError on any inconsistency."""
    return _load_ruleset(tuple(extra_packs))


@lru_cache(maxsize=16)
def _load_ruleset(extra_packs: tuple[str, ...]) -> RuleSet:
    pack_paths = [Path(p) for group in collect("tenderlint_rule_packs") for p in group]
    pack_paths += [Path(p) for p in extra_packs]
    pack_files = [file for path in pack_paths for file in _pack_files(path)]
    # Present in any form (a FIFO, a broken link) it is read, and refused with a reason, not skipped.
    extra_citations = [
        p / "citations.yaml" for p in map(Path, extra_packs) if os.path.lexists(p / "citations.yaml")
    ]
    citation_files = [Path(p) for group in collect("tenderlint_citations") for p in group] + extra_citations
    pattern_rules, concepts, citations = cached(
        [*pack_files, *citation_files], lambda: _read_packs(pack_files, citation_files)
    )
    document_rules = [_instance(cls) for group in collect("tenderlint_rules") for cls in group]
    ruleset = RuleSet(pattern_rules, document_rules, citations, concepts)
    _check(ruleset)
    return ruleset


def _read_packs(
    pack_files: list[Path], citation_files: list[Path]
) -> tuple[list[PatternRule], dict[str, Concept], dict[str, Citation]]:
    """The pattern rules (with their concepts bound), concepts and citations the pack files define."""
    pattern_rules: list[PatternRule] = []
    concepts: dict[str, Concept] = {}
    for file in pack_files:
        rules, defined = load_pack(file)
        pattern_rules.extend(rules)
        for name, concept in defined.items():
            if name in concepts and concepts[name].source != concept.source:
                raise PackError(f"{file}: concept {name!r} is already defined in {concepts[name].source}")
            concepts[name] = concept
    pattern_rules = [_bind(rule, concepts) for rule in pattern_rules]
    return pattern_rules, concepts, load_citations(citation_files)


def _instance(cls: type) -> DocumentRule:
    """A document rule from a plugin's class; a class that cannot be built is the plugin's error."""
    try:
        rule = cls()
    except Exception as exc:
        raise PackError(f"document rule {cls!r} could not be created: {type(exc).__name__}: {exc}") from exc
    if not isinstance(getattr(rule, "meta", None), RuleMeta):
        raise PackError(f"document rule {cls!r} has no rule metadata (meta)")
    return rule


def _bind(rule: PatternRule, concepts: dict[str, Concept]) -> PatternRule:
    """Attach the concepts a clause rule names, so engines can compile them with the rule."""
    if not rule.clauses:
        return rule
    where = f"{rule.meta.source}: rule {rule.meta.code}"
    check_names(rule.clauses, concepts, where)
    names = sorted(set().union(*(clause.names for clause in rule.clauses)))
    if rule.number_concept and rule.number_concept not in names:
        raise PackError(f"{where}: number: concept {rule.number_concept!r} is not one of its clause concepts")
    return replace(rule, concepts=tuple(concepts[name] for name in names))


def _check(ruleset: RuleSet) -> None:
    seen: dict[str, str] = {}
    for meta in ruleset.metas:
        for key in (meta.code, meta.name):
            if key in seen:
                raise PackError(f"{meta.source}: rule {meta.code}: '{key}' is already used by {seen[key]}")
            seen[key] = f"{meta.code} ({meta.source})"
        cited = set(meta.citations).union(*meta.alt_citations.values())
        missing = sorted(cited - set(ruleset.citations))
        if missing:
            raise PackError(f"{meta.source}: rule {meta.code}: unknown citation id(s) {', '.join(missing)}")
