"""The cache of loaded rule packs: used when it matches, rebuilt when stale or damaged, never an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from tenderlint import rulecache
from tenderlint.ruleset import _load_ruleset


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv(rulecache.ENV_DIR, str(where))
    return where


def _source(tmp_path: Path, text: str = "rules: []\n") -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_second_load_comes_from_the_cache(tmp_path: Path, folder: Path) -> None:
    source = _source(tmp_path)
    builds: list[int] = []
    assert rulecache.cached([source], lambda: builds.append(1) or {"a": 1}) == {"a": 1}
    assert rulecache.cached([source], lambda: builds.append(1) or {"a": 2}) == {"a": 1}
    assert builds == [1]


def test_changed_source_is_rebuilt(tmp_path: Path, folder: Path) -> None:
    source = _source(tmp_path)
    assert rulecache.cached([source], lambda: "old") == "old"
    source.write_text("rules: [] # edited\n", encoding="utf-8")
    assert rulecache.cached([source], lambda: "new") == "new"


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05\x95garbage"])
def test_damaged_entry_is_ignored_and_rebuilt(tmp_path: Path, folder: Path, damage: bytes) -> None:
    source = _source(tmp_path)
    rulecache.cached([source], lambda: "first")
    [entry] = folder.glob("*.pickle")
    entry.write_bytes(damage)
    assert rulecache.cached([source], lambda: "rebuilt") == "rebuilt"
    assert rulecache.cached([source], lambda: "again") == "rebuilt"  # and stored again


def test_unwritable_folder_only_means_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(rulecache.ENV_DIR, str(blocker / "cache"))  # a folder inside a file
    assert rulecache.cached([_source(tmp_path)], lambda: "built") == "built"


def test_empty_setting_turns_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(rulecache.ENV_DIR, "")
    builds: list[int] = []
    for _ in range(2):
        rulecache.cached([_source(tmp_path)], lambda: builds.append(1))
    assert builds == [1, 1]


def test_unreadable_source_is_left_to_the_loader(tmp_path: Path, folder: Path) -> None:
    assert rulecache.cached([tmp_path / "missing.yaml"], lambda: "built") == "built"
    assert not folder.exists()


def test_cached_rule_set_is_the_built_one(folder: Path) -> None:
    _load_ruleset.cache_clear()
    built = _load_ruleset(())
    _load_ruleset.cache_clear()
    loaded = _load_ruleset(())
    _load_ruleset.cache_clear()
    assert len(list(folder.glob("*.pickle"))) >= 1
    assert loaded.pattern_rules == built.pattern_rules
    assert loaded.concepts == built.concepts and loaded.citations == built.citations
