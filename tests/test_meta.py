"""Meta-tests: rule metadata is complete and consistent, and the README says what the code does."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import ROOT

from tenderlint.ruleset import load_ruleset

RULESET = load_ruleset()


def test_readme_generated_blocks_are_in_step():
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update_readme.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout


@pytest.mark.parametrize("meta", RULESET.metas, ids=lambda m: m.code)
def test_rule_metadata_is_complete(meta):
    assert re.fullmatch(r"TL[1-9]\d\d", meta.code)
    assert meta.family and meta.message.endswith(".") and len(meta.rationale) > 80 and len(meta.fix) > 40
    for cid in meta.citations:
        citation = RULESET.citations[cid]
        assert citation.url.startswith("https://")
        assert citation.checked in ("V1", "V2"), f"{meta.code} cites unchecked {cid}"


def test_codes_and_names_are_unique():
    codes = [m.code for m in RULESET.metas]
    names = [m.name for m in RULESET.metas]
    assert len(set(codes)) == len(codes) and len(set(names)) == len(names)


def test_family_prefixes_match():
    prefixes = {"TL1": "specification", "TL2": "price-and-payment", "TL3": "social-value-and-outcomes"}
    prefixes |= {"TL4": "market-and-competition", "TL5": "contract-terms", "TL6": "people-and-co-production"}
    prefixes |= {"TL7": "equalities-and-fair-work", "TL8": "process", "TL9": "meta"}
    for meta in RULESET.metas:
        assert meta.family == prefixes[meta.code[:3]], meta.code


def test_readme_two_setup_commands_exist_in_makefile():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
