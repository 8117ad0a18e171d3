"""Documents that argue against the patterns must stay quiet."""

from __future__ import annotations

from conftest import run_json, shared_or_skip


def test_rejection_sentence_is_quiet(tmp_path):
    path = tmp_path / "rejects.txt"
    path.write_text("We will not use hourly rates or time and task commissioning.\n", encoding="utf-8")
    code, report = run_json(str(path))
    assert report["files"][0]["findings"] == []
    assert code == 0


def test_seed_texts_are_quiet():
    seeds = sorted(shared_or_skip("seeds").glob("0*.txt"))
    assert len(seeds) == 5
    code, report = run_json(*map(str, seeds))
    assert [f["path"] for f in report["files"]] == [str(s) for s in seeds]
    findings = {f["path"]: [x["code"] for x in f["findings"]] for f in report["files"]}
    assert all(not codes for codes in findings.values()), findings
    assert code == 0


def test_quoted_and_reported_patterns_are_quiet(tmp_path):
    path = tmp_path / "quoted.md"
    path.write_text(
        "# Review\n\n"
        "Providers told us that “time and task” contracts leave no room for judgement.\n\n"
        "So-called hourly rates were replaced by individual budgets in 2024.\n\n"
        "Steer clear of questions in tenders such as 'what social value will you provide?' and say instead "
        "which local outcomes you will score.\n\n"
        "## Glossary\n\nHourly rate: the amount paid for one hour of care.\n",
        encoding="utf-8",
    )
    _, report = run_json(str(path))
    assert report["files"][0]["findings"] == []


def test_negation_does_not_cross_clauses(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_text(
        "We will not pay for travel time; the Council will pay an hourly rate of £18.00 for home care.\n",
        encoding="utf-8",
    )
    _, report = run_json(str(path))
    # The hourly rate is read across the ";" (TL201); "will not pay for travel time" is itself unpaid
    # travel time (TL701), the refusal's own words.
    assert [f["code"] for f in report["files"][0]["findings"]] == ["TL701", "TL201"]
