"""The mutation fuzzer (fuzz/mutate.py) in a short, fixed-seed run, and every crashing input it has
found (tests/hostile/crashers/) kept as a regression test: each is now a plain error, never E999."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from conftest import run_cli
from hostile_files import CORPORA, GOOD, ROOT

CRASHERS = sorted(p for p in (Path(__file__).parent / "crashers").iterdir() if p.suffix != ".md")


def load_fuzzer():
    spec = importlib.util.spec_from_file_location("tenderlint_fuzz", ROOT / "fuzz" / "mutate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(sys.platform == "win32", reason="workers need fork")
def test_short_fixed_seed_campaign_finds_no_crash_or_hang():
    fuzzer = load_fuzzer()
    seeds = [CORPORA / "home-care-spec.docx", CORPORA / "home-care-spec.pdf", CORPORA / "home-care-spec.odt"]
    campaign = fuzzer.run(200, seed=20240601, jobs=2, timeout=30, batch=100, seed_files=seeds)
    assert campaign.inputs == 200
    assert sum(campaign.outcomes.values()) == 200, "every mutant got a result"
    assert not campaign.crashes, json.dumps(campaign.crashes, indent=2)
    assert not campaign.hangs, json.dumps(campaign.hangs, indent=2)


def test_mutations_are_reproducible():
    fuzzer = load_fuzzer()
    mutators = sys.modules["mutators"]
    import random

    data = (CORPORA / "home-care-spec.docx").read_bytes()
    first = [mutators.mutate(data, ".docx", random.Random(7)) for _ in range(3)]
    again = [mutators.mutate(data, ".docx", random.Random(7)) for _ in range(3)]
    assert first == again and fuzzer.seeds()


def test_crashers_are_plain_errors_now():
    assert CRASHERS, "tests/hostile/crashers/ holds the fuzzer's finds"
    proc = run_cli(*map(str, CRASHERS), str(GOOD), "--format", "json")
    report = json.loads(proc.stdout)
    assert proc.returncode == 2
    assert b"Traceback" not in proc.stdout + proc.stderr
    results = {Path(entry["path"]).name: entry for entry in report["files"]}
    for crasher in CRASHERS:
        error = results[crasher.name]["error"]
        assert error is not None and error["code"] == "E004", (crasher.name, error)
    assert results[GOOD.name]["error"] is None and len(results[GOOD.name]["findings"]) >= 5
