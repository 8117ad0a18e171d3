"""A result cache keyed by file content, tenderlint version, enabled rules and configuration.

Like ruff's cache: an unchanged document is not parsed again. Entries are JSON that repeat their own
key and schema version; anything corrupt, foreign or mismatched is ignored and recomputed, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import asdict, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from tenderlint import __version__
from tenderlint.config import Settings
from tenderlint.document import Location
from tenderlint.engine import FileResult
from tenderlint.errors import ConfigError
from tenderlint.findings import Finding, Severity
from tenderlint.readfile import read_regular
from tenderlint.resources import builtin_rules_dir

SCHEMA = 2
DEFAULT_DIR = ".tenderlint_cache"
LOCATION_FIELDS = {f.name for f in fields(Location)}


# Like ruff's and pytest's caches: git ignores the folder's contents, backup tools skip it.
MARKERS = {
    ".gitignore": "# Created by tenderlint automatically.\n*\n",
    "CACHEDIR.TAG": "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by tenderlint.\n"
    "# For information about cache directory tags, see https://bford.info/cachedir/\n",
}


def cache_dir() -> Path:
    return Path(os.environ.get("TENDERLINT_CACHE_DIR") or DEFAULT_DIR)


def _mark(root: Path) -> None:
    """Write the cache folder's .gitignore and CACHEDIR.TAG, once."""
    for name, text in MARKERS.items():
        path = root / name
        if not path.exists():
            path.write_text(text, encoding="utf-8")


@lru_cache(maxsize=16)
def _rules_signature(extra_packs: tuple[str, ...]) -> str:
    """A hash of every rule pack file, and of the size and time of tenderlint's own modules, so editing a
    rule or the code (in a development checkout) invalidates the cache."""
    digest = hashlib.sha256()
    for module in sorted(Path(__file__).parent.rglob("*.py")):
        stat = module.stat()
        digest.update(f"{module.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    for root in (builtin_rules_dir(), *map(Path, extra_packs)):
        files = sorted(root.rglob("*.y*ml")) if root.is_dir() else [root]
        for path in files:
            if path.is_file():
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(data: bytes, path: str, settings: Settings) -> str:
    digest = hashlib.sha256()
    for part in (__version__, str(SCHEMA), repr(settings), _rules_signature(settings.rule_packs), path):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()


MAX_ENTRY_BYTES = 64 * 1024 * 1024


def load(key: str) -> FileResult | None:
    """The cached result, or None for a missing entry or one that is not exactly what `store` writes
    (a wrongly typed field would otherwise change the report, or crash a reporter)."""
    try:
        raw = read_regular(cache_dir() / key[:2] / f"{key}.json", MAX_ENTRY_BYTES)
        entry = json.loads(raw.decode("utf-8"))
        if not isinstance(entry, dict) or entry.get("schema") != SCHEMA or entry.get("key") != key:
            return None
        result = FileResult(
            _typed(entry["path"], str),
            _typed(entry["format"], str),
            suppressed=_count(entry["suppressed"]),
            words=_count(entry["words"]),
        )
        result.notes = [_typed(note, str) for note in _typed(entry["notes"], list)]
        coverage = _typed(entry["coverage"], dict)
        result.coverage = {_typed(code, str): _typed(value, bool) for code, value in coverage.items()}
        result.findings = [_finding(_typed(raw, dict)) for raw in _typed(entry["findings"], list)]
        return result
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None


def store(key: str, result: FileResult) -> None:
    """Write an entry atomically; a cache that cannot be written is simply not used."""
    if result.error:
        return
    entry = {
        "schema": SCHEMA,
        "key": key,
        "path": result.path,
        "format": result.format,
        "suppressed": result.suppressed,
        "words": result.words,
        "notes": result.notes,
        "coverage": result.coverage,
        "findings": [_finding_dict(f) for f in result.findings],
    }
    folder = cache_dir() / key[:2]
    temp = folder / f".{key}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _mark(folder.parent)
        temp.write_text(json.dumps(entry), encoding="utf-8")
        os.replace(temp, folder / f"{key}.json")
    except OSError:  # e.g. a full disk: leave no partial entry behind
        try:
            temp.unlink(missing_ok=True)
        except OSError:
            pass


def clean() -> bool:
    """Remove the cache folder; True if there was one. Only a real folder is removed: a link is not
    followed (its target may be anything) and a file of that name is not ours."""
    folder = cache_dir()
    if folder.is_symlink():
        raise ConfigError(f"{folder} is a symbolic link, not the cache folder; remove it yourself")
    if not folder.exists():
        return False
    if not folder.is_dir():
        raise ConfigError(f"{folder} is not a folder, so it is not a cache; remove it yourself")
    try:
        shutil.rmtree(folder)
    except OSError as exc:
        raise ConfigError(f"cannot remove {folder}: {exc.strerror or exc}") from None
    return True


def _finding_dict(finding: Finding) -> dict:
    raw = asdict(finding)
    raw["severity"] = finding.severity.value
    return raw


def _finding(raw: dict) -> Finding:
    location = _typed(raw["location"], dict)
    if set(location) - LOCATION_FIELDS:
        raise ValueError("unknown location field")
    for name in LOCATION_FIELDS - {"trail", "part"}:
        if location.get(name) is not None:
            _count(location[name])
    location["trail"] = tuple(_typed(step, str) for step in _typed(location.get("trail") or [], list))
    _typed(location.get("part", "body"), str)
    span = _typed(raw["span"], list)
    if len(span) != 2:
        raise ValueError("span")
    return Finding(
        code=_typed(raw["code"], str),
        name=_typed(raw["name"], str),
        severity=Severity(raw["severity"]),
        message=_typed(raw["message"], str),
        fix=_typed(raw["fix"], str),
        citations=tuple(_typed(c, str) for c in _typed(raw["citations"], list)),
        location=Location(**location),
        excerpt=_typed(raw["excerpt"], str),
        span=(_count(span[0]), _count(span[1])),
        block_index=None if raw["block_index"] is None else _count(raw["block_index"]),
        evidence=_typed(raw.get("evidence") or {}, dict),
    )


def _typed(value: object, kind: type) -> Any:
    if not isinstance(value, kind):
        raise TypeError(f"expected {kind.__name__}")
    return value


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise TypeError("expected a whole number")
    return value
