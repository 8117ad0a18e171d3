"""Rule packs are configuration, but a shared pack can be hostile too: YAML tags never run code, and
regexes that backtrack catastrophically on document text are refused when the pack loads."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from conftest import run_cli
from hostile_files import GOOD, pack_rule

from tenderlint.rules.pattern import _regex
from tenderlint.yamlload import PackError


def lint_with_pack(tmp_path: Path, pack: str) -> tuple[int, dict]:
    (tmp_path / "pack.yaml").write_text(pack, encoding="utf-8")
    (tmp_path / ".tenderlint.toml").write_text('rule-packs = ["pack.yaml"]\n', encoding="utf-8")
    spec = tmp_path / "spec.md"
    spec.write_text("The Council block booked hours of care.\n", encoding="utf-8")
    proc = run_cli(str(spec), str(GOOD), "--format", "json")
    assert b"Traceback" not in proc.stdout + proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def test_python_tags_are_an_error_and_never_run(tmp_path):
    marker = tmp_path / "pwned"
    pack = pack_rule(
        f'    phrases: [block booked hours]\n    rationale: !!python/object/apply:os.system ["touch {marker}"]'
    )
    code, report = lint_with_pack(tmp_path, pack)
    assert not marker.exists(), "a YAML tag ran code"
    spec, good = report["files"]
    assert code == 2
    assert spec["error"]["code"] == "E007" and "pack.yaml" in spec["error"]["message"]
    assert good["error"] is None and len(good["findings"]) >= 5


@pytest.mark.parametrize("key", ["unless-sentence", "if-sentence", "sections"])
def test_nested_quantifier_is_refused_when_the_pack_loads(tmp_path, key):
    value = '"(a+)+$"' if key == "if-sentence" else '["(\\\\w+\\\\s?)*$"]'
    code, report = lint_with_pack(
        tmp_path, pack_rule(f"    phrases: [block booked hours]\n    {key}: {value}")
    )
    spec, good = report["files"]
    assert code == 2
    error = spec["error"]
    assert error["code"] == "E007" and key in error["message"] and "nested quantifier" in error["message"]
    assert good["error"] is None and len(good["findings"]) >= 5


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(a*)*b", r"(\w+\s?)*$", r"(x|(y+)+)z", r"(.*a){12}"])
def test_catastrophic_patterns_are_refused(pattern):
    with pytest.raises(PackError, match="nested quantifier"):
        _regex(pattern, "pack.yaml: rule AC101", "unless-sentence")


@pytest.mark.parametrize(
    "pattern", [r"\b(rate|rates) of pay\b", r"(?:a++)+", r"(?>\w+\s?)*$", r"(ab){2,5}", r"^(\d+\.)?\s*pay"]
)
def test_safe_patterns_are_accepted_and_fast(pattern):
    compiled = _regex(pattern, "pack.yaml: rule AC101", "unless-sentence")
    started = time.monotonic()
    compiled.search("a" * 5000 + "!")
    assert time.monotonic() - started < 1
