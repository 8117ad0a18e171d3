"""What `lint` does besides linting: filter by severity, count findings per rule, show resolved settings."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

RANK = {"info": 0, "warning": 1, "error": 2}


def keep_min_severity(results: Sequence[Any], level: str | None) -> None:
    """Drop findings below `level` from every result (--min-severity), like Vale's MinAlertLevel."""
    if not level:
        return
    for result in results:
        result.findings = [f for f in result.findings if f.severity.rank >= RANK[level]]


def statistics(results: Sequence[Any], as_json: bool) -> str:
    """Findings counted per rule, most frequent first (--statistics), as text or JSON."""
    counts = Counter((f.code, f.name, f.severity.value) for r in results for f in r.findings)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    if as_json:
        entries = [{"code": c, "name": n, "severity": s, "count": k} for (c, n, s), k in rows]
        return json.dumps(entries, indent=2) + "\n"
    width = max((len(str(k)) for _, k in rows), default=1)
    lines = [f"{k:>{width}}  {c}  {n} [{s}]" for (c, n, s), k in rows]
    failed = sum(1 for r in results if r.error)
    if failed:
        lines.append(f"{failed} document{'s' if failed != 1 else ''} could not be linted")
    return "\n".join(lines) + "\n" if lines else ""


def show_settings(runner: Any, path: str, overrides: dict[str, Any]) -> str:
    """The settings that apply to `path` and where each value came from: the command line, the config
    file (named), or the default."""
    from dataclasses import fields

    from tenderlint.config import OPTIONS, configured_keys

    display = runner.options.stdin_filename or "stdin" if path == "-" else path
    settings = runner.settings_for(display)
    from_file = configured_keys(settings)
    source = settings.source or "none (defaults)"
    lines = [f"Settings for {display}", f"config file: {source}", ""]
    names = {f.name for f in fields(settings)}
    for option in OPTIONS:
        attribute = option.key.replace("-", "_")
        assert attribute in names
        value = _plain(getattr(settings, attribute), option.kind is dict)
        if overrides.get(attribute) is not None:
            origin = "command line"
        elif option.key in from_file:
            origin = Path(settings.source.split(" [")[0]).name if settings.source else "config"
        else:
            origin = "default"
        lines.append(f"{option.key} = {json.dumps(value, ensure_ascii=False)}  # {origin}")
    return "\n".join(lines) + "\n"


def _plain(value: Any, table: bool = False) -> Any:
    """Settings hold tuples; show lists and tables as TOML users wrote them."""
    if table:
        return {key: _plain(item) for key, item in value}
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value
