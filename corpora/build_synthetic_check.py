"""Compare the synthetic corpus's gold labels with what tenderlint reports.

    python corpora/build_synthetic_check.py [corpora/synthetic]

For each document `X.ext` the sidecar `X.ext.expect.yaml` lists what a careful commissioner expects:

    expect:                      # every finding they agree with (a document with this key is fully labelled)
      - code: TL201
        quote: "hourly rate of £21.50"   # words in the flagged sentence; case and whitespace do not matter
      - code: TL601              # document-level rule: no quote
    expect-none: [TL103, TL104]  # rules that must stay silent
    notes: free text

A finding matches a label when the codes agree and, if the label has a quote, the finding's excerpt contains
it. The report lists, per document, labels tenderlint missed, findings nobody expected (only for fully
labelled documents) and expect-none rules that fired, then the per-rule label counts. It also checks that
every quote appears in the document text and that each rule has at least 3 positive labels and appears in at
least 2 documents' expect-none. Exit code 0 when the labels are well formed, whatever tenderlint says.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DEFAULT_DIR = HERE / "synthetic"
MIN_POSITIVES = 3
MIN_EXPECT_NONE = 2


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("…", " ")).strip().lower()


def rule_codes() -> list[str]:
    out = subprocess.run(
        [sys.executable, "-m", "tenderlint", "rules"], capture_output=True, text=True, check=True
    ).stdout
    return [line.split()[0] for line in out.splitlines() if re.match(r"^[A-Z]{2,5}\d{3}\b", line)]


def lint(directory: Path) -> dict[str, list[dict]]:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "tenderlint",
            "lint",
            str(directory),
            "--format",
            "json",
            "--fail-on",
            "error",
        ],
        capture_output=True,
        text=True,
    ).stdout
    report = json.loads(out)
    return {Path(entry["path"]).name: entry.get("findings", []) for entry in report["files"]}


def document_text(path: Path) -> str:
    """The document's text, for checking that quotes exist (binary ones from their build source)."""
    if path.suffix in (".md", ".txt"):
        return path.read_text(encoding="utf-8")
    sys.path.insert(0, str(HERE))
    from build_synthetic_docs import DOCUMENTS
    from build_synthetic_render import plain

    for doc in DOCUMENTS:
        if doc.filename == path.name:
            parts: list[str] = []
            for kind, payload in doc.blocks:
                if kind in ("ol", "ul"):
                    parts += [str(item) for item in payload]
                elif kind == "table":
                    parts += [" ".join(row) for row in payload]
                elif kind == "term":
                    parts.append(" ".join(payload))
                else:
                    parts.append(plain(str(payload)))
            return "\n".join(parts)
    raise FileNotFoundError(f"no build source for {path.name}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    directory = Path(argv[0]) if argv else DEFAULT_DIR
    codes = rule_codes()
    findings = lint(directory)
    positives: Counter[str] = Counter()
    nones: Counter[str] = Counter()
    problems: list[str] = []
    totals = Counter()
    for sidecar in sorted(directory.glob("*.expect.yaml")):
        document = sidecar.with_name(sidecar.name[: -len(".expect.yaml")])
        labels = yaml.safe_load(sidecar.read_text(encoding="utf-8")) or {}
        unknown = set(labels) - {"expect", "expect-none", "notes"}
        if unknown:
            problems.append(f"{sidecar.name}: unknown keys {sorted(unknown)}")
        if not document.exists():
            problems.append(f"{sidecar.name}: no document {document.name}")
            continue
        text = norm(document_text(document))
        expect = labels.get("expect")
        expect_none = labels.get("expect-none") or []
        for code in expect_none:
            nones[code] += 1
            if code not in codes:
                problems.append(f"{sidecar.name}: unknown code {code} in expect-none")
        got = list(findings.get(document.name, []))
        unused = list(range(len(got)))
        missed: list[str] = []
        for label in expect or []:
            code, quote = label["code"], label.get("quote")
            positives[code] += 1
            if code not in codes:
                problems.append(f"{sidecar.name}: unknown code {code}")
            if code in expect_none:
                problems.append(f"{sidecar.name}: {code} is both expected and in expect-none")
            if quote and norm(quote) not in text:
                problems.append(f"{sidecar.name}: quote not in the document: {quote!r}")
            match = next(
                (
                    i
                    for i in unused
                    if got[i]["code"] == code and (not quote or norm(quote) in norm(got[i]["excerpt"]))
                ),
                None,
            )
            if match is None:
                missed.append(f"{code} {quote or '(document)'}")
            else:
                unused.remove(match)
        extra = [f"{got[i]['code']} {got[i]['excerpt'][:90]!r}" for i in unused] if expect is not None else []
        silent_broken = [f"{f['code']} {f['excerpt'][:90]!r}" for f in got if f["code"] in expect_none]
        matched = len(expect or []) - len(missed)
        totals.update(tp=matched, fn=len(missed), fp=len(extra), none_fired=len(silent_broken))
        status = "ok" if not (missed or extra or silent_broken) else "DIFF"
        print(
            f"{status:4}  {document.name}: {len(expect or [])} labels, {matched} matched, {len(got)} findings"
        )
        for line in missed:
            print(f"        missed:     {line}")
        for line in extra:
            print(f"        unexpected: {line}")
        for line in silent_broken:
            print(f"        expect-none fired: {line}")
    print()
    print("rule    positives  expect-none")
    for code in codes:
        flag = "" if positives[code] >= MIN_POSITIVES and nones[code] >= MIN_EXPECT_NONE else "  <-- too few"
        print(f"{code}   {positives[code]:>9}  {nones[code]:>11}{flag}")
        if flag:
            problems.append(f"{code}: {positives[code]} positive labels, {nones[code]} expect-none")
    tp, fn, fp = totals["tp"], totals["fn"], totals["fp"]
    print()
    print(
        f"labels matched {tp}, missed {fn}, unexpected findings {fp}, expect-none fired {totals['none_fired']}"
    )
    if tp + fp and tp + fn:
        print(f"precision {tp / (tp + fp):.2f}, recall {tp / (tp + fn):.2f} against the gold labels")
    for problem in problems:
        print(f"LABEL PROBLEM: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
