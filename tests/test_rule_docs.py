"""docs/rules/ has a page per rule, generated from the rules' metadata, and SARIF links to it."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import CORPORA, ROOT, run_cli

DOCS = ROOT / "docs" / "rules"


def test_rule_pages_are_in_step_with_the_rules():
    proc = subprocess.run(
        [sys.executable, "scripts/update_rule_docs.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr


def test_every_rule_has_a_page_with_the_fixed_headings():
    rules = json.loads(run_cli("rules", "--format", "json").stdout)
    assert "TL901" in {r["code"] for r in rules}
    for rule in rules:
        text = (DOCS / f"{rule['code']}.md").read_text(encoding="utf-8")
        assert text.startswith(f"# {rule['code']} `{rule['name']}`\n")
        for heading in ("## What it finds", "## Why it matters", "## What to write instead", "## Citations"):
            assert heading in text, (rule["code"], heading)
        assert rule["message"] in text
        assert f"[{rule['code']}]({rule['code']}.md)" in (DOCS / "README.md").read_text(encoding="utf-8")


def test_sarif_help_uri_is_the_rules_own_page():
    proc = run_cli(str(CORPORA / "home-care-spec.md"), "--format", "sarif")
    rules = json.loads(proc.stdout)["runs"][0]["tool"]["driver"]["rules"]
    assert rules
    for rule in rules:
        uri = rule["helpUri"]
        assert uri.startswith("https://") and uri.endswith(f"/docs/rules/{rule['id']}.md")
        assert (DOCS / f"{rule['id']}.md").is_file()
        assert uri in rule["help"]["text"]
