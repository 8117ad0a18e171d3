"""Every rule's own examples are tests: 'fail' examples are flagged by that rule, 'pass' ones are not."""

from __future__ import annotations

import re

import pytest
from conftest import run_json

from tenderlint.ruleset import load_ruleset

METAS = load_ruleset().metas


@pytest.fixture(scope="module")
def example_results(tmp_path_factory):
    """Write every example to its own .txt file and lint them all in one CLI run."""
    folder = tmp_path_factory.mktemp("examples")
    expected = {}
    for meta in METAS:
        for kind, examples in (("fail", meta.examples_fail), ("pass", meta.examples_pass)):
            for index, text in enumerate(examples):
                path = folder / f"{meta.code}-{kind}-{index}.txt"
                path.write_text(text + "\n", encoding="utf-8")
                expected[path.name] = (meta.code, kind, text)
    _, report = run_json(str(folder))
    found = {}
    for entry in report["files"]:
        assert entry["error"] is None, entry
        name = entry["path"].rsplit("/", 1)[-1]
        found[name] = {f["code"] for f in entry["findings"]}
    assert set(found) == set(expected), "every example file must appear in the report"
    return expected, found


WORDING = [m for m in METAS if m.source.endswith((".yaml", ".yml"))]
PAST_OR_OPTION = re.compile(
    r"\b(was|were|had|used to|previously|until|in the past|historically|considered|option|rejected)\b", re.I
)


@pytest.mark.parametrize("meta", WORDING, ids=lambda m: m.code)
def test_wording_rule_has_five_examples_each_way_with_history_or_option(meta):
    """Five wordings either way, and among the clean ones the past or an option considered."""
    assert len(meta.examples_fail) >= 5, f"{meta.code} needs at least five flagged examples"
    assert len(meta.examples_pass) >= 5, f"{meta.code} needs at least five clean examples"
    assert any(PAST_OR_OPTION.search(e) for e in meta.examples_pass), (
        f"{meta.code}: one clean example should describe the past or an option considered"
    )


@pytest.mark.parametrize("meta", METAS, ids=lambda m: m.code)
def test_rule_has_examples_both_ways(meta):
    assert len(meta.examples_fail) >= 2, f"{meta.code} needs at least two flagged examples"
    assert len(meta.examples_pass) >= 2, f"{meta.code} needs at least two clean examples"
    rejects = [
        e for e in meta.examples_pass if re.search(r"\b(not|no|avoid|never|instead|rather)\b", e, re.I)
    ]
    assert rejects, f"{meta.code}: one clean example should reject the pattern"


def test_fail_examples_are_flagged(example_results):
    expected, found = example_results
    missed = [
        (code, text)
        for name, (code, kind, text) in expected.items()
        if kind == "fail" and code not in found[name]
    ]
    assert not missed, f"examples that should be flagged but were not: {missed}"


def test_pass_examples_are_quiet(example_results):
    """A wording rule's clean examples raise nothing at all; a document rule's do not raise that rule
    (its examples are whole small documents that other document rules may rightly comment on)."""
    expected, found = example_results
    wording = {m.code for m in METAS if m.source.endswith((".yaml", ".yml"))}
    noisy = [
        (code, text, found[name])
        for name, (code, kind, text) in expected.items()
        if kind == "pass" and (found[name] if code in wording else code in found[name])
    ]
    assert not noisy, f"clean examples that were flagged: {noisy}"
