"""Baselines: accept today's findings in legacy documents so that CI fails only on new ones.

Findings match by file, rule and fingerprint (matched words and their sentence), never by line, so
editing an unrelated paragraph does not bring old findings back. Entries that no longer match
anything are reported so the baseline can be pruned.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tenderlint.engine import FileResult
from tenderlint.errors import ConfigError
from tenderlint.readfile import read_regular

BASELINE_VERSION = 1
MAX_BASELINE_BYTES = 256 * 1024 * 1024


def _key_path(path: str) -> str:
    return Path(path).as_posix()


def _entry_key(entry: object) -> tuple[str, str, str]:
    """(path, code, fingerprint) of one baseline entry, each a string."""
    key = tuple(entry[name] for name in ("path", "code", "fingerprint"))  # type: ignore[index]
    if not all(isinstance(part, str) for part in key):
        raise TypeError("path, code and fingerprint must be strings")
    return key  # type: ignore[return-value]


def write_baseline(results: Sequence[FileResult], version: str) -> bytes:
    entries = [
        {"path": _key_path(r.path), "code": f.code, "fingerprint": f.fingerprint, "excerpt": f.excerpt[:120]}
        for r in results
        for f in r.findings
    ]
    payload = {
        "version": BASELINE_VERSION,
        "tool": {"name": "tenderlint", "version": version},
        "findings": entries,
    }
    return (json.dumps(payload, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


@dataclass
class BaselineReport:
    matched: int
    unused: list[dict]


def apply_baseline(results: Sequence[FileResult], path: Path) -> BaselineReport:
    """Remove baselined findings from `results` in place; return what matched and what is unused."""
    try:
        data = json.loads(read_regular(path, MAX_BASELINE_BYTES).decode("utf-8"))
        entries = data["findings"]
        remaining = Counter(_entry_key(e) for e in entries)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the baseline: {exc.strerror or exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: not a tenderlint baseline (nested too deeply)") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: not a tenderlint baseline ({exc})") from None
    matched = 0
    for result in results:
        kept = []
        for finding in result.findings:
            key = (_key_path(result.path), finding.code, finding.fingerprint)
            if remaining[key] > 0:
                remaining[key] -= 1
                matched += 1
            else:
                kept.append(finding)
        result.findings = kept
    linted = {_key_path(r.path) for r in results}
    unused = [
        {"path": p, "code": c, "fingerprint": fp}
        for (p, c, fp), count in remaining.items()
        for _ in range(count)
        if p in linted
    ]
    return BaselineReport(matched, unused)
