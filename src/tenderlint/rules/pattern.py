"""Wording rules written as YAML data: spaCy Matcher token patterns and phrase lists, plus conditions.

A pack is a YAML file with a top-level `rules:` list. Unknown keys are errors that name the file and
rule, so a typo never silently switches a condition off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tenderlint.document import BlockKind
from tenderlint.findings import FAMILIES, RuleMeta, Severity
from tenderlint.nlp.caseless import Regex
from tenderlint.nlp.concepts import Clause, Concept, load_concepts, parse_clauses, read_pack
from tenderlint.nlp.context import CONTEXTS
from tenderlint.nlp.regex_safety import check_token_regexes
from tenderlint.nlp.regex_safety import safe_regex as _regex
from tenderlint.yamlload import PackError

DEFAULT_SCOPE = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE_CELL, BlockKind.FOOTNOTE)
META_KEYS = {"code", "name", "family", "severity", "message", "rationale", "fix", "citations", "examples"}
MATCH_KEYS = {
    "patterns",  # list of spaCy Matcher token patterns
    "clauses",  # list of {all: [concepts], none: [concepts], within: sentence|clause}
    "cancelled-by",  # contexts that cancel a match (default: every context)
    "phrases",  # list of phrases matched case-insensitively on whole tokens
    "scope",  # block kinds the rule reads (default: paragraph, list-item, table-cell, footnote)
    "sections",  # regexes; the block's heading trail must match one
    "if-document",  # regex the whole document must contain, e.g. a care context
    "unless-document",  # regex that, found anywhere in the document, cancels every match
    "if-sentence",  # regex the matched sentence must contain
    "unless-sentence",  # regexes; a matching sentence is not a finding
    "unless-nearby",  # {pattern: regex, blocks: N}: reasons given in this or the next N blocks
    "alt-citations",  # {regime-or-jurisdiction: [ids]} replacing `citations`
    "number",  # {at-least: N} or {at-most: N}: the first number in the match must be in range
    "if-profile",  # profile facts the document must have: care-service, care-context, procurement-document, ...
}
PROFILE_FLAGS = {"care-service", "care-context", "procurement-document", "evaluation-criteria"}
NUMBER_KEYS = {"at-least", "at-most", "setting", "concept", "unit"}
NUMBER_UNITS = ("minutes", "hours", "days", "weeks", "months", "years")
MAX_REPEAT = 100  # spaCy copies a token once per repeat: {99999999} would exhaust memory
CODE = re.compile(r"^[A-Z]{2,5}\d{3}$")
NAME = re.compile(r"^[a-z][a-z0-9\-]+$")


@dataclass(frozen=True)
class PatternRule:
    meta: RuleMeta
    patterns: tuple[list[dict], ...] = ()
    phrases: tuple[str, ...] = ()
    clauses: tuple[Clause, ...] = ()
    # Filled when the rule set is assembled: the concepts its clauses name.
    concepts: tuple[Concept, ...] = ()
    cancelled_by: frozenset[str] = frozenset(CONTEXTS)
    scope: tuple[BlockKind, ...] = DEFAULT_SCOPE
    sections: tuple[Regex, ...] = ()
    if_document: Regex | None = None
    unless_document: Regex | None = None
    if_sentence: Regex | None = None
    unless_sentence: tuple[Regex, ...] = ()
    unless_nearby: Regex | None = None
    nearby_blocks: int = 1
    # Inclusive bounds on the first number in the match; `setting` names a config option that replaces them.
    at_least: float | None = None
    at_most: float | None = None
    number_setting: str | None = None
    # The concept whose words hold the number (default: the first number in the whole match).
    number_concept: str | None = None
    # The unit the range is in: "two months" is read as 60 when the unit is days.
    number_unit: str | None = None
    if_profile: tuple[str, ...] = ()


def load_pack(path: Path) -> tuple[list[PatternRule], dict[str, Concept]]:
    """The rules and concepts of one pack file."""
    data = read_pack(path)
    rules = data.get("rules") or []
    if not isinstance(rules, list):
        raise PackError(f"{path}: 'rules' must be a list")
    built = [_build(entry, path, index) for index, entry in enumerate(rules, start=1)]
    return built, load_concepts(path, data)


def _build(entry: object, path: Path, index: int) -> PatternRule:
    where = f"{path}: rule #{index}"
    if not isinstance(entry, dict):
        raise PackError(f"{where}: each rule must be a mapping")
    where = f"{path}: rule {entry.get('code', '#' + str(index))}"
    unknown = set(entry) - META_KEYS - MATCH_KEYS
    if unknown:
        raise PackError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    meta = build_meta(entry, where, source=str(path))
    if not entry.get("patterns") and not entry.get("phrases") and not entry.get("clauses"):
        raise PackError(f"{where}: needs 'patterns', 'phrases' or 'clauses'")
    clauses = parse_clauses(entry["clauses"], where) if "clauses" in entry else ()
    cancelled_by = entry.get("cancelled-by", list(CONTEXTS))
    if not isinstance(cancelled_by, list) or set(map(str, cancelled_by)) - set(CONTEXTS):
        raise PackError(f"{where}: cancelled-by must be a list drawn from {', '.join(CONTEXTS)}")
    patterns = entry.get("patterns") or []
    if not isinstance(patterns, list) or not all(
        isinstance(pattern, list) and pattern and all(isinstance(token, dict) for token in pattern)
        for pattern in patterns
    ):
        raise PackError(
            f"{where}: patterns must be a list of patterns, each a list of token mappings, "
            "e.g. [[{LOWER: hourly}, {LOWER: rate}]]"
        )
    check_token_regexes(patterns, where)
    for pattern in patterns:
        for token in pattern:
            if "_" in token:
                raise PackError(f"{where}: extension attributes ('_') are not available to rule packs")
            counts = re.findall(r"\d+", str(token.get("OP", "")))
            if any(int(count) > MAX_REPEAT for count in counts):
                raise PackError(
                    f"{where}: OP {token['OP']!r}: repeat counts above {MAX_REPEAT} are not supported"
                )
    phrases = entry.get("phrases") or []
    if not isinstance(phrases, list) or not all(
        isinstance(phrase, str) and phrase.strip() for phrase in phrases
    ):
        raise PackError(f"{where}: phrases must be a list of words or phrases")
    try:
        scope = tuple(
            BlockKind(kind) for kind in _list(entry, "scope", where, [k.value for k in DEFAULT_SCOPE])
        )
    except ValueError as exc:
        raise PackError(f"{where}: scope: {exc}") from None
    nearby = entry.get("unless-nearby") or {}
    if not isinstance(nearby, dict) or (nearby and "pattern" not in nearby):
        raise PackError(f"{where}: unless-nearby must be a mapping {{pattern: regex, blocks: N}}")
    blocks = nearby.get("blocks", 1)
    if isinstance(blocks, bool) or not isinstance(blocks, int) or not 0 <= blocks <= 1000:
        raise PackError(f"{where}: unless-nearby: blocks must be a whole number from 0 to 1000")
    number = entry.get("number") or {}
    if not isinstance(number, dict):
        raise PackError(f"{where}: number must be a mapping, e.g. {{at-least: 15}}")
    for bound in ("at-least", "at-most"):
        value = number.get(bound)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
            raise PackError(f"{where}: number: {bound} must be a number")
    for name in ("setting", "concept"):
        if not isinstance(number.get(name, ""), str):
            raise PackError(f"{where}: number: {name} must be a name")
    if set(number) - NUMBER_KEYS:
        raise PackError(f"{where}: number: unknown key(s) {', '.join(sorted(set(number) - NUMBER_KEYS))}")
    if number.get("unit") not in (None, *NUMBER_UNITS):
        raise PackError(f"{where}: number: unit must be one of {', '.join(NUMBER_UNITS)}")
    if_profile = tuple(_list(entry, "if-profile", where))
    if set(if_profile) - PROFILE_FLAGS:
        raise PackError(
            f"{where}: if-profile: unknown fact(s) {', '.join(sorted(set(if_profile) - PROFILE_FLAGS))}"
        )
    return PatternRule(
        meta=meta,
        if_profile=if_profile,
        patterns=tuple(patterns),
        phrases=tuple(phrases),
        clauses=clauses,
        cancelled_by=frozenset(cancelled_by),
        scope=scope,
        sections=tuple(_regex(p, where, "sections") for p in _list(entry, "sections", where)),
        if_document=_regex(entry["if-document"], where, "if-document") if entry.get("if-document") else None,
        unless_document=(
            _regex(entry["unless-document"], where, "unless-document")
            if entry.get("unless-document")
            else None
        ),
        if_sentence=_regex(entry["if-sentence"], where, "if-sentence") if entry.get("if-sentence") else None,
        unless_sentence=tuple(
            _regex(p, where, "unless-sentence") for p in _list(entry, "unless-sentence", where)
        ),
        unless_nearby=_regex(nearby["pattern"], where, "unless-nearby") if nearby else None,
        nearby_blocks=int(nearby.get("blocks", 1)) if nearby else 1,
        at_least=number.get("at-least"),
        at_most=number.get("at-most"),
        number_setting=number.get("setting"),
        number_concept=number.get("concept"),
        number_unit=number.get("unit"),
    )


def build_meta(entry: dict, where: str, source: str) -> RuleMeta:
    """Validate and build rule metadata; shared by YAML rules and Python rules' class attributes."""
    for key in ("code", "name", "severity", "message", "fix"):
        if not entry.get(key):
            raise PackError(f"{where}: missing '{key}'")
    if not entry.get("citations") and entry.get("family") != "meta":
        raise PackError(f"{where}: missing 'citations' (only rules about tenderlint itself may have none)")
    for key in ("code", "name", "message", "fix", "rationale", "family"):
        if key in entry and not isinstance(entry[key], str):
            raise PackError(f"{where}: '{key}' must be text, not {type(entry[key]).__name__}")
    _check_ids(entry.get("citations") or [], f"{where}: citations")
    alt_raw = entry.get("alt-citations") or {}
    if not isinstance(alt_raw, dict):
        raise PackError(f"{where}: alt-citations must be a mapping of regime or jurisdiction to citation ids")
    for key, ids in alt_raw.items():
        _check_ids(ids, f"{where}: alt-citations: {key}")
    code, name = str(entry["code"]), str(entry["name"])
    if not CODE.match(code):
        raise PackError(f"{where}: code {code!r} must look like TL201")
    if not NAME.match(name):
        raise PackError(f"{where}: name {name!r} must be lower-case words joined by hyphens")
    try:
        severity = Severity(entry["severity"])
    except ValueError:
        raise PackError(f"{where}: severity must be error, warning or info") from None
    examples = entry.get("examples") or {}
    if not isinstance(examples, dict):
        raise PackError(f"{where}: examples must be a mapping of fail: [...] and pass: [...]")
    for kind in ("fail", "pass"):
        if not all(isinstance(e, str) for e in _list(examples, kind, f"{where}: examples")):
            raise PackError(
                f"{where}: examples: every '{kind}' example must be a string (quote text with ': ')"
            )
    alt = {key: tuple(ids) for key, ids in (entry.get("alt-citations") or {}).items()}
    return RuleMeta(
        code=code,
        name=name,
        family=entry.get("family") or FAMILIES.get(code[:3], "other"),
        severity=severity,
        message=str(entry["message"]).strip(),
        rationale=str(entry.get("rationale", "")).strip(),
        fix=str(entry["fix"]).strip(),
        citations=tuple(entry["citations"]),
        alt_citations=alt,
        examples_fail=tuple(examples.get("fail") or ()),
        examples_pass=tuple(examples.get("pass") or ()),
        source=source,
    )


def _list(entry: dict, key: str, where: str, default: list | None = None) -> list:
    """A list-valued key (empty or `default` when absent); any other type is the pack's error."""
    value = entry.get(key, default)
    if value is None:
        return []
    if not isinstance(value, list):
        raise PackError(f"{where}: {key} must be a list, not {type(value).__name__}")
    return value


def _check_ids(ids: object, where: str) -> None:
    """Citation ids are a list of strings (a nested list would only fail later, when rules are checked)."""
    if not isinstance(ids, list) or not all(isinstance(cid, str) for cid in ids):
        raise PackError(f"{where} must be a list of citation ids, e.g. [careact-s1-wellbeing]")
