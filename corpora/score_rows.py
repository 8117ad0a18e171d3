#!/usr/bin/env python3
"""Score tenderlint per document and catalogue row on a labelled folder (corpora/dev, corpora/blind).

    python corpora/score_rows.py corpora/blind          # precision and recall over rows R01-R25
    python corpora/score_rows.py corpora/dev --show     # plus every miss and false alarm

Each folder holds docs/ and labels/<document>.yaml (present rows with a quote, absent rows, rows that
do not apply). A document counts as flagged for a row when a rule that rowmap.tsv maps to that row
reports at least one finding; only present and absent rows are scored.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


def rowmap() -> dict[str, set[str]]:
    rows: dict[str, set[str]] = collections.defaultdict(set)
    for line in (HERE / "rowmap.tsv").read_text(encoding="utf-8").splitlines():
        code, _, row = line.partition("\t")
        if code and row and not code.startswith("#"):
            rows[code].add(row.strip())
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", type=Path)
    parser.add_argument("--show", action="store_true", help="list each miss and false alarm")
    args = parser.parse_args()
    docs = sorted((args.folder / "docs").iterdir())
    tenderlint = [sys.executable, "-m", "tenderlint"]
    proc = subprocess.run(
        [*tenderlint, *map(str, docs), "--format", "json", "--no-cache"], capture_output=True
    )
    report = json.loads(proc.stdout)
    rows = rowmap()
    flagged = {
        Path(entry["path"]).name: {row for f in entry["findings"] for row in rows.get(f["code"], ())}
        for entry in report["files"]
    }
    counts = collections.Counter()
    for label_path in sorted((args.folder / "labels").glob("*.yaml")):
        label = yaml.safe_load(label_path.read_text(encoding="utf-8"))
        name = label["document"]
        found = flagged.get(name, set())
        present = {item["row"]: item.get("quote", "") for item in label.get("present") or []}
        for row, quote in present.items():
            counts["tp" if row in found else "fn"] += 1
            if args.show and row not in found:
                print(f"{name}: MISSED {row}: {quote!r}")
        for row in label.get("absent") or []:
            if row in found:
                counts["fp"] += 1
                if args.show:
                    print(f"{name}: FALSE ALARM {row}")
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print(f"{len(docs)} documents: precision {precision:.2f} recall {recall:.2f} (TP {tp} FP {fp} FN {fn})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
