"""The accuracy harness and the gate that CI holds: `tenderlint eval corpora --gate corpora/gate.toml`."""

from __future__ import annotations

import json
import shutil

from conftest import CORPORA, run_cli

GATE = CORPORA / "gate.toml"


def test_gate_holds_on_the_corpus():
    proc = run_cli("eval", str(CORPORA), "--gate", str(GATE))
    out = proc.stdout.decode()
    assert proc.returncode == 0, out
    assert out.splitlines()[1].split() == ["rule", "TP", "FP", "FN", "silent", "precision", "recall"]
    assert "GATE FAILED" not in out


def test_gate_catches_a_weakened_rule(tmp_path):
    """Turn one well-covered rule off in a copy of the corpus: the gate must fail and name it."""
    copy = tmp_path / "corpora"
    shutil.copytree(CORPORA, copy, ignore=shutil.ignore_patterns("*.pdf", "*.py", "real"))
    (copy / ".tenderlint.toml").write_text('ignore = ["TL103"]\n', encoding="utf-8")
    proc = run_cli("eval", str(copy), "--gate", str(GATE))
    out = proc.stdout.decode()
    assert proc.returncode == 1
    assert "GATE FAILED: TL103 recall 0.000 < 0.75" in out


def test_unexpected_and_missed_findings_are_counted(tmp_path):
    doc = tmp_path / "spec.md"
    doc.write_text(
        "The Council will pay an hourly rate of £21.50 for home care.\n\nThe contract will not be divided into lots.\n",
        encoding="utf-8",
    )
    (tmp_path / "spec.md.expect.yaml").write_text(
        "expect:\n  - code: TL201\n    quote: hourly rate\n  - code: TL206\n    quote: within 60 days\n"
        "expect-none: [TL103]\n",
        encoding="utf-8",
    )
    proc = run_cli("eval", str(tmp_path), "--format", "json")
    report = json.loads(proc.stdout)
    assert report["rules"]["TL201"] == {
        "tp": 1,
        "fp": 0,
        "fn": 0,
        "silent_cases": 0,
        "precision": 1.0,
        "recall": 1.0,
    }
    assert report["rules"]["TL206"]["fn"] == 1 and report["rules"]["TL401"]["fp"] == 1
    assert report["rules"]["TL103"]["silent_cases"] == 1
    assert report["micro"]["tp"] == 1 and report["micro"]["fp"] == 1 and report["micro"]["fn"] == 1
