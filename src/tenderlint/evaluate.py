"""Score tenderlint against gold labels: per rule true and false positives, misses, precision and recall.

A labelled document `X.ext` has a sidecar `X.ext.expect.yaml` (format in corpora/README.md):

    expect:                      # every finding a careful reader expects; anything else is a false positive
      - code: TL201
        quote: "hourly rate of £21.50"   # words inside the flagged sentence; omit for document-level rules
    expect-none: [TL103]         # rules that must stay silent here
    source: ../elsewhere/X.pdf   # optional: the document lives elsewhere (relative to the sidecar)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tenderlint.engine import FileResult
from tenderlint.findings import Finding
from tenderlint.yamlload import PackError, load_yaml

SUFFIX = ".expect.yaml"
LABEL_KEYS = {"expect", "expect-none", "source", "notes"}


@dataclass
class Label:
    sidecar: Path
    document: Path
    expect: list[tuple[str, str]]  # (code, quote or "")
    expect_none: list[str]


@dataclass
class RuleScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    silent_cases: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def instances(self) -> int:
        return self.tp + self.fn


@dataclass
class Scores:
    rules: dict[str, RuleScore] = field(default_factory=dict)
    documents: int = 0
    missing: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    mistakes: list[str] = field(default_factory=list)  # human-readable FP / FN lines

    def rule(self, code: str) -> RuleScore:
        return self.rules.setdefault(code, RuleScore())

    @property
    def total(self) -> RuleScore:
        total = RuleScore()
        for score in self.rules.values():
            total.tp += score.tp
            total.fp += score.fp
            total.fn += score.fn
            total.silent_cases += score.silent_cases
        return total


def find_labels(root: Path) -> list[Label]:
    sidecars = [root] if root.is_file() else sorted(root.rglob(f"*{SUFFIX}"))
    return [read_label(path) for path in sidecars]


def read_label(sidecar: Path) -> Label:
    data = load_yaml(sidecar) or {}
    if not isinstance(data, dict) or set(data) - LABEL_KEYS:
        raise PackError(f"{sidecar}: expected keys {', '.join(sorted(LABEL_KEYS))}")
    source = data.get("source")
    if source is not None and not isinstance(source, str):
        raise PackError(f"{sidecar}: 'source' must be a path")
    document = sidecar.parent / source if source else sidecar.with_name(sidecar.name[: -len(SUFFIX)])
    entries, none = data.get("expect") or [], data.get("expect-none") or []
    if not isinstance(entries, list) or not isinstance(none, list):
        raise PackError(f"{sidecar}: 'expect' and 'expect-none' must be lists")
    expect = []
    for index, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("code"), str):
            raise PackError(f"{sidecar}: expect #{index} needs a 'code'")
        if not isinstance(entry.get("quote") or "", str):
            raise PackError(f"{sidecar}: expect #{index}: 'quote' must be text")
        expect.append((entry["code"], entry.get("quote") or ""))
    if not all(isinstance(code, str) for code in none):
        raise PackError(f"{sidecar}: 'expect-none' must be a list of rule codes")
    return Label(sidecar, document, expect, list(none))


def _normal(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").replace("‘", "'").split())


def _matches(finding: Finding, code: str, quote: str) -> bool:
    if finding.code != code:
        return False
    return not quote or _normal(quote) in _normal(finding.excerpt)


def score_document(scores: Scores, label: Label, result: FileResult) -> None:
    scores.documents += 1
    if result.error:
        scores.errors.append(f"{label.document}: {result.error.code} {result.error.message}")
    remaining = list(result.findings)
    for code, quote in label.expect:
        hit = next((f for f in remaining if _matches(f, code, quote)), None)
        if hit is None:
            scores.rule(code).fn += 1
            scores.mistakes.append(f"missed      {code} {label.document}: {quote or '(document)'}")
        else:
            scores.rule(code).tp += 1
            remaining.remove(hit)
    for finding in remaining:
        scores.rule(finding.code).fp += 1
        scores.mistakes.append(f"unexpected  {finding.code} {label.document}: {finding.excerpt[:80]}")
    for code in label.expect_none:
        scores.rule(code).silent_cases += 1


def ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def table(scores: Scores, codes: Iterable[str]) -> list[str]:
    lines = [f"{'rule':<7} {'TP':>4} {'FP':>4} {'FN':>4} {'silent':>6} {'precision':>9} {'recall':>6}"]
    for code in codes:
        s = scores.rules.get(code, RuleScore())
        lines.append(
            f"{code:<7} {s.tp:>4} {s.fp:>4} {s.fn:>4} {s.silent_cases:>6} {ratio(s.precision):>9} {ratio(s.recall):>6}"
        )
    t = scores.total
    lines.append(
        f"{'micro':<7} {t.tp:>4} {t.fp:>4} {t.fn:>4} {t.silent_cases:>6} {ratio(t.precision):>9} {ratio(t.recall):>6}"
    )
    return lines
