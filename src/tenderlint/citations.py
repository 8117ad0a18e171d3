"""The citations registry: id -> instrument, provision, official URL, summary."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tenderlint.yamlload import PackError, load_yaml


@dataclass(frozen=True)
class Citation:
    id: str
    instrument: str
    provision: str
    url: str
    summary: str
    checked: str
    # Duties that bind England only (Care Act 2014 Part 1, Social Value Act 2012 s.1): dropped for Wales.
    england_only: bool = False

    @property
    def title(self) -> str:
        """'Procurement Act 2023 s.18(1)-(2)', or the instrument alone when no provision was checked."""
        return f"{self.instrument} {self.provision}".strip()


REQUIRED = ("id", "instrument", "url", "summary")


def load_citations(paths: Iterable[Path]) -> dict[str, Citation]:
    registry: dict[str, Citation] = {}
    for path in paths:
        data = load_yaml(path)
        entries = data.get("citations") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            raise PackError(f"{path}: expected a top-level 'citations:' list")
        for index, entry in enumerate(entries):
            if not isinstance(entry, dict):
                raise PackError(f"{path}: citation #{index + 1} must be a mapping")
            missing = [key for key in REQUIRED if not entry.get(key)]
            if missing:
                raise PackError(f"{path}: citation #{index + 1} is missing {', '.join(missing)}")
            wrong = [key for key in (*REQUIRED, "provision") if not isinstance(entry.get(key, ""), str)]
            if wrong:
                raise PackError(f"{path}: citation #{index + 1}: {', '.join(wrong)} must be text")
            registry[entry["id"]] = Citation(
                id=entry["id"],
                instrument=entry["instrument"],
                provision=entry.get("provision") or "",
                url=entry["url"],
                summary=entry["summary"],
                checked=entry.get("checked", "U"),
                england_only=bool(entry.get("england-only", False)),
            )
    return registry


WALES_EQUIVALENT = "sswwa2014-s15-16"


def cite(ids: tuple[str, ...], registry: dict[str, Citation], jurisdiction: str) -> tuple[str, ...]:
    """The citations to show: in Wales, England-only duties give way to the Welsh Act."""
    if jurisdiction != "wales":
        return ids
    kept = tuple(i for i in ids if not (i in registry and registry[i].england_only))
    if len(kept) < len(ids) and WALES_EQUIVALENT in registry and WALES_EQUIVALENT not in kept:
        kept += (WALES_EQUIVALENT,)
    return kept
