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

from tenderlint import __version__
from tenderlint.config import Settings
from tenderlint.document import Location
from tenderlint.engine import FileResult
from tenderlint.findings import Finding, Severity
from tenderlint.resources import builtin_rules_dir

SCHEMA = 2
DEFAULT_DIR = ".tenderlint_cache"
LOCATION_FIELDS = {f.name for f in fields(Location)}


def cache_dir() -> Path:
    return Path(os.environ.get("TENDERLINT_CACHE_DIR", DEFAULT_DIR))


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


def load(key: str) -> FileResult | None:
    try:
        entry = json.loads((cache_dir() / key[:2] / f"{key}.json").read_text(encoding="utf-8"))
        if entry.get("schema") != SCHEMA or entry.get("key") != key:
            return None
        result = FileResult(
            entry["path"], entry["format"], suppressed=entry["suppressed"], words=entry["words"]
        )
        result.notes = list(entry["notes"])
        result.coverage = {str(code): bool(value) for code, value in dict(entry["coverage"]).items()}
        result.findings = [_finding(raw) for raw in entry["findings"]]
        return result
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
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
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temp = folder / f".{key}.{os.getpid()}.tmp"
        temp.write_text(json.dumps(entry), encoding="utf-8")
        os.replace(temp, folder / f"{key}.json")
    except OSError:
        return


def clean() -> bool:
    """Remove the cache folder; True if there was one."""
    folder = cache_dir()
    if not folder.exists():
        return False
    shutil.rmtree(folder)
    return True


def _finding_dict(finding: Finding) -> dict:
    raw = asdict(finding)
    raw["severity"] = finding.severity.value
    return raw


def _finding(raw: dict) -> Finding:
    location = raw["location"]
    if set(location) - LOCATION_FIELDS:
        raise ValueError("unknown location field")
    location["trail"] = tuple(location.get("trail") or ())
    return Finding(
        code=str(raw["code"]),
        name=str(raw["name"]),
        severity=Severity(raw["severity"]),
        message=str(raw["message"]),
        fix=str(raw["fix"]),
        citations=tuple(raw["citations"]),
        location=Location(**location),
        excerpt=str(raw["excerpt"]),
        span=(int(raw["span"][0]), int(raw["span"][1])),
        block_index=raw["block_index"],
        evidence=dict(raw.get("evidence") or {}),
    )
