"""The result cache (hit, miss on any change, corrupt entries ignored) and parallel runs (-j)."""

from __future__ import annotations

import json

from conftest import CORPORA, run_cli

SPEC = "The Council will pay an hourly rate of £21.50 for home care.\n"


def lint(folder, cache, *args):
    proc = run_cli(str(folder), "--format", "json", *args, env={"TENDERLINT_CACHE_DIR": str(cache)})
    return json.loads(proc.stdout)


def entries(cache):
    return sorted(cache.rglob("*.json"))


def test_cache_hit_is_used_and_misses_on_any_change(tmp_path):
    docs, cache = tmp_path / "docs", tmp_path / "cache"
    docs.mkdir()
    (docs / "a.md").write_text(SPEC, encoding="utf-8")
    first = lint(docs, cache)
    [entry] = entries(cache)
    # Prove the second run reads the cache: tamper with the stored message (key and schema intact).
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["findings"][0]["message"] = "FROM THE CACHE"
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert lint(docs, cache)["files"][0]["findings"][0]["message"] == "FROM THE CACHE"
    # Any change of content, rules or configuration is a miss.
    (docs / "a.md").write_text(SPEC + "\nMore.\n", encoding="utf-8")
    assert (
        lint(docs, cache)["files"][0]["findings"][0]["message"] == first["files"][0]["findings"][0]["message"]
    )
    lint(docs, cache, "--select", "TL2")
    (docs / ".tenderlint.toml").write_text("min-social-value-weighting = 12\n", encoding="utf-8")
    lint(docs, cache)
    assert len(entries(cache)) == 4
    # --no-cache neither reads nor writes.
    fresh = tmp_path / "fresh-cache"
    lint(docs, fresh, "--no-cache")
    assert not fresh.exists()
    (docs / "a.md").write_text(SPEC, encoding="utf-8")
    assert lint(docs, cache, "--no-cache")["files"][0]["findings"][0]["message"] != "FROM THE CACHE"


def test_corrupt_or_foreign_entries_are_ignored(tmp_path):
    docs, cache = tmp_path / "docs", tmp_path / "cache"
    docs.mkdir()
    (docs / "a.md").write_text(SPEC, encoding="utf-8")
    expected = lint(docs, cache)
    [entry] = entries(cache)
    for bad in ("{not json", json.dumps({"schema": 1, "key": "someone else's", "findings": []}), "[]"):
        entry.write_text(bad, encoding="utf-8")
        assert lint(docs, cache) == expected


def test_clean_removes_the_cache(tmp_path):
    docs, cache = tmp_path / "docs", tmp_path / "cache"
    docs.mkdir()
    (docs / "a.md").write_text(SPEC, encoding="utf-8")
    lint(docs, cache)
    proc = run_cli("clean", env={"TENDERLINT_CACHE_DIR": str(cache)})
    assert proc.returncode == 0 and not cache.exists()


def test_parallel_gives_exactly_the_same_findings(tmp_path):
    cache = tmp_path / "cache"
    one = lint(CORPORA, cache, "--no-cache", "-j", "1")
    two = lint(CORPORA, cache, "--no-cache", "-j", "2")
    assert len(one["files"]) >= 20
    assert one == two
