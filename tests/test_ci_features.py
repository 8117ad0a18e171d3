"""What CI and pre-commit users rely on: baselines, per-file config, excludes, exit-code controls,
changed-files-only runs and unused suppressions."""

from __future__ import annotations

import json
import subprocess

from conftest import run_cli, run_json

SPEC = (
    "# Home care specification\n\n"
    "## Payment\n\nThe Council will pay an hourly rate of £21.50 for home care.\n\n"
    "## Lots\n\nThe contract will not be divided into lots.\n\n"
    "## Other\n\nThe service starts in April.\n"
)


def codes(report, index=0):
    return sorted(f["code"] for f in report["files"][index]["findings"])


def test_baseline_ignores_unrelated_edits_and_catches_new_findings(tmp_path):
    doc = tmp_path / "spec.md"
    doc.write_text(SPEC, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    proc = run_cli(str(doc), "--write-baseline", str(baseline))
    assert json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert proc.returncode == 1
    # An unrelated paragraph edited (and lines shifted): no findings come back.
    doc.write_text(
        SPEC.replace("The service starts in April.", "The service starts in May,\nafter a review."),
        encoding="utf-8",
    )
    code, report = run_json(str(doc), "--baseline", str(baseline))
    assert codes(report) == [] and code == 0
    # A new offending sentence: exactly one finding.
    doc.write_text(
        SPEC + "\nCare will also be paid by the hour at weekends for home care.\n", encoding="utf-8"
    )
    code, report = run_json(str(doc), "--baseline", str(baseline))
    assert codes(report) == ["TL201"] and code == 1


def test_unused_baseline_entries_are_reported(tmp_path):
    doc = tmp_path / "spec.md"
    doc.write_text(SPEC, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    run_cli(str(doc), "--write-baseline", str(baseline))
    doc.write_text(
        SPEC.replace("The contract will not be divided into lots.", "There are three lots."), encoding="utf-8"
    )
    proc = run_cli(str(doc), "--baseline", str(baseline))
    assert proc.returncode == 0
    assert "baseline entry no longer matches" in proc.stderr.decode() and "TL401" in proc.stderr.decode()


def test_per_file_ignores_and_excludes(tmp_path):
    (tmp_path / "archive").mkdir()
    (tmp_path / "drafts").mkdir()
    (tmp_path / "archive" / "old.md").write_text(SPEC, encoding="utf-8")
    (tmp_path / "drafts" / "new.md").write_text(SPEC, encoding="utf-8")
    (tmp_path / "drafts" / "skip.md").write_text(SPEC, encoding="utf-8")
    (tmp_path / ".tenderlint.toml").write_text(
        'extend-exclude = ["skip.md"]\n[per-file-ignores]\n"archive/*.md" = ["TL4"]\n', encoding="utf-8"
    )
    _, report = run_json(str(tmp_path), cwd=tmp_path)
    by_name = {
        f["path"].rsplit("/", 1)[-1]: sorted(x["code"] for x in f["findings"]) for f in report["files"]
    }
    assert set(by_name) == {"old.md", "new.md"}
    assert "TL401" not in by_name["old.md"] and "TL401" in by_name["new.md"]
    # Named explicitly, an excluded file is linted unless --force-exclude (as pre-commit passes names).
    skip = str(tmp_path / "drafts" / "skip.md")
    assert len(run_json(skip, cwd=tmp_path)[1]["files"]) == 1
    assert run_json(skip, "--force-exclude", cwd=tmp_path)[1]["files"] == []


def _git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _repo(tmp_path):
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "config", "user.email", "t@example.org")
    _git(tmp_path, "config", "user.name", "t")
    return tmp_path


def test_gitignore_respected_when_walking(tmp_path):
    repo = _repo(tmp_path)
    (repo / ".gitignore").write_text("private/\n", encoding="utf-8")
    (repo / "private").mkdir()
    (repo / "private" / "secret.md").write_text(SPEC, encoding="utf-8")
    (repo / "public.md").write_text(SPEC, encoding="utf-8")
    _, report = run_json(".", cwd=repo)
    assert [f["path"].rsplit("/", 1)[-1] for f in report["files"]] == ["public.md"]


def test_diff_base_lints_only_changed_documents(tmp_path):
    repo = _repo(tmp_path)
    (repo / "a.md").write_text(SPEC, encoding="utf-8")
    (repo / "b.md").write_text(SPEC, encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "first")
    (repo / "b.md").write_text(SPEC + "\nMore text.\n", encoding="utf-8")
    (repo / "c.md").write_text(SPEC, encoding="utf-8")
    _, report = run_json(".", "--diff-base", "HEAD", cwd=repo)
    assert sorted(f["path"].rsplit("/", 1)[-1] for f in report["files"]) == ["b.md", "c.md"]


def test_exit_zero_and_max_warnings(tmp_path):
    doc = tmp_path / "spec.md"
    doc.write_text(SPEC, encoding="utf-8")
    assert run_cli(str(doc)).returncode == 1
    assert run_cli(str(doc), "--exit-zero").returncode == 0
    assert run_cli(str(doc), "--max-warnings", "10").returncode == 0
    assert run_cli(str(doc), "--max-warnings", "1").returncode == 1
    assert run_cli(str(tmp_path / "missing.md"), "--exit-zero").returncode == 2


def test_unused_suppression_is_reported(tmp_path):
    doc = tmp_path / "spec.md"
    doc.write_text(
        "<!-- tenderlint: disable-next=TL201 -->\nSupport follows each person's plan.\n\n"
        "<!-- tenderlint: disable-next=TL201 -->\nThe Council will pay an hourly rate of £21.50 for home care.\n",
        encoding="utf-8",
    )
    _, report = run_json(str(doc))
    findings = report["files"][0]["findings"]
    assert [(f["code"], f["location"]["line"]) for f in findings] == [("TL901", 2)]
    assert report["files"][0]["suppressed"] == 1
    _, quiet = run_json(str(doc), "--ignore", "TL901")
    assert quiet["files"][0]["findings"] == []


def test_named_folder_is_linted_even_if_git_ignores_it(tmp_path):
    repo = _repo(tmp_path)
    (repo / ".gitignore").write_text("build/\n", encoding="utf-8")
    (repo / "build").mkdir()
    (repo / "build" / "spec.md").write_text(SPEC, encoding="utf-8")
    _, report = run_json("build", cwd=repo)
    assert [f["path"].rsplit("/", 1)[-1] for f in report["files"]] == ["spec.md"]
    (repo / "empty").mkdir()
    proc = run_cli("empty", cwd=repo)
    assert proc.returncode == 0 and b"no documents found" in proc.stderr
