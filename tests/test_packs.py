"""Tender packs: the files of one procurement judged together, from a marker folder or `--pack`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml
from conftest import CORPORA, run_cli

PACK = CORPORA / "packs" / "fernley-home-support"
LABELS = yaml.safe_load((PACK / "labels.yaml").read_text(encoding="utf-8"))
DOCUMENTS = sorted(path for path in PACK.iterdir() if path.suffix in (".md", ".txt", ".html", ".docx"))


def _codes(*args: str) -> dict[str, list[str]]:
    proc = run_cli(*args, "--format", "json", "--no-cache")
    assert proc.returncode in (0, 1), proc.stderr.decode()
    files = json.loads(proc.stdout)["files"]
    return {Path(f["path"]).name: sorted(x["code"] for x in f["findings"]) for f in files}


def test_one_run_on_the_folder_gives_the_pack_findings_only() -> None:
    found = _codes(str(PACK))
    expected = {name: sorted(codes) for name, codes in LABELS["pack_run"].items()}
    assert {name: codes for name, codes in found.items() if codes} == expected


def test_absence_findings_covered_by_another_file_are_made_file_by_file_but_not_in_the_pack() -> None:
    pack_run = _codes(str(PACK))
    for name, covered in LABELS["covered_elsewhere"].items():
        alone = _codes(str(PACK / name))[name]
        for code, other in covered.items():
            assert code in alone, f"{name} alone should report {code}"
            assert code not in pack_run[name], f"{other} covers {code} for the pack"
            # The covering file really has it: linted alone, it does not report the code.
            assert code not in _codes(str(PACK / other))[other]


def test_pack_finding_names_the_pack_and_the_files_checked() -> None:
    proc = run_cli(str(PACK), "--format", "json", "--no-cache", "--select", "TL305")
    files = json.loads(proc.stdout)["files"]
    [finding] = [x for f in files for x in f["findings"]]
    assert finding["pack"]["name"] == LABELS["pack"]
    assert sorted(Path(p).name for p in finding["pack"]["files"]) == [p.name for p in DOCUMENTS]
    text = run_cli(str(PACK), "--no-cache", "--select", "TL305").stdout.decode()
    assert f"Tender pack “{LABELS['pack']}”: none of its 4 files has it" in text


def test_pack_option_judges_the_files_given_as_one_pack(tmp_path: Path) -> None:
    for path in DOCUMENTS:
        shutil.copy(path, tmp_path / path.name)  # no marker here
    files = [str(tmp_path / path.name) for path in DOCUMENTS]
    separate = _codes(*files)
    assert "TL703" in separate["2-service-specification.txt"]
    together = _codes("--pack", *files)
    expected = {name: sorted(codes) for name, codes in LABELS["pack_run"].items()}
    assert {name: codes for name, codes in together.items() if codes} == expected


def test_cached_results_are_judged_as_a_pack_again(tmp_path: Path) -> None:
    shutil.copytree(PACK, tmp_path / "pack")
    env = {"TENDERLINT_CACHE_DIR": str(tmp_path / "cache")}
    runs = []
    for _ in range(2):
        proc = run_cli(str(tmp_path / "pack"), "--format", "json", env=env)
        runs.append(
            {
                Path(f["path"]).name: [x["code"] for x in f["findings"]]
                for f in json.loads(proc.stdout)["files"]
            }
        )
    assert runs[0] == runs[1]
    assert runs[0]["1-invitation-to-tender.md"] == ["TL305"]
