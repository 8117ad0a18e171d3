"""Every regular expression a pack can supply is checked before it runs: rule conditions and token
`REGEX` tests, in rules and in concepts. A pack with one that can backtrack exponentially is refused
at once (E007), instead of loading and then timing out on every document (E009)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from conftest import run_cli
from hostile_files import GOOD, config, pack_rule, write

CONCEPT = """concepts:
  codes:
    patterns:
      - [{{TEXT: {{REGEX: "{regex}"}}}}]
rules:
  - code: AC102
    name: codes-mentioned
    family: specification
    severity: warning
    message: Codes.
    fix: Fewer codes.
    citations: [careact-s1-wellbeing]
    clauses:
      - all: [codes]
"""
CASES = {
    "alternation-in-if-document": '    phrases: [block booked hours]\n    if-document: "(a|a)+$"',
    "empty-branch-in-unless-sentence": '    phrases: [block booked hours]\n    unless-sentence: ["(x|)+y"]',
    "overlapping-branches-in-sections": '    phrases: [block booked hours]\n    sections: ["(?:a|b|ab)+c"]',
    "token-regex-in-a-rule": '    patterns:\n      - [{TEXT: {REGEX: "^(x+)+$"}}]',
    "token-regex-on-lower": '    patterns:\n      - [{LOWER: {REGEX: "^(?:e|ee)+$"}}]',
}


def lint_with(folder: Path, pack: str):
    write(folder / "pack.yaml", pack)
    config(folder, 'rule-packs = ["pack.yaml"]\ntimeout-seconds = 20\n')
    shutil.copy(GOOD, folder / "spec.md")
    started = time.monotonic()
    proc = run_cli("spec.md", "--no-cache", "--format", "json", cwd=folder)
    return proc, time.monotonic() - started


@pytest.mark.parametrize("case", sorted(CASES))
def test_backtracking_regex_refuses_the_pack(tmp_path: Path, case: str) -> None:
    proc, seconds = lint_with(tmp_path, pack_rule(CASES[case]))
    out = proc.stdout.decode()
    assert proc.returncode == 2
    assert '"E007"' in out and "exponential time" in out, out[-1500:]
    assert seconds < 15


def test_token_regex_in_a_concept_is_checked(tmp_path: Path) -> None:
    proc, _ = lint_with(tmp_path, CONCEPT.format(regex="^([A-Z]+)*$"))
    assert proc.returncode == 2 and "exponential time" in proc.stdout.decode()


def test_safe_alternatives_still_load(tmp_path: Path) -> None:
    match = (
        '    phrases: [block booked hours]\n    if-document: "(?:foo|bar)*(care|support)"\n'
        '    unless-sentence: ["(?:[,;] (?:and|or) )+x", "(a++)+b"]'
    )
    proc, _ = lint_with(tmp_path, pack_rule(match))
    assert proc.returncode == 1, proc.stdout.decode()[-1500:]
