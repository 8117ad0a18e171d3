"""Tender packs: the files of one procurement (ITT, specification, evaluation criteria, pricing
schedule, contract) judged together.

Councils publish a procurement as several files, and what one file lacks another often holds: the
equality duties in the ITT, the weightings in the evaluation criteria. Linted one by one, every file
that lacks them gets its own "absent" finding. In a pack, each rule about something missing speaks
once for the pack, and only when no file of the pack has it.

A pack is a folder holding a file named `tenderlint.pack` (every document under that folder belongs
to it; the file may be empty or give the pack a name with `name = "..."`), or every document on the
command line with `--pack`. Files in no pack are judged alone, as before.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tenderlint.engine import FileResult

MARKER = "tenderlint.pack"
MARKER_LIMIT = 4096  # a marker holds a name at most; never read a large file by mistake


@dataclass
class Pack:
    """One procurement's files, by their index in the run's results."""

    name: str
    members: list[int] = field(default_factory=list)


def pack_marker(path: Path, cache: dict[Path, Path | None]) -> Path | None:
    """The nearest `tenderlint.pack` in the file's folder or a folder above it, if any."""
    folder = Path(os.path.abspath(path)).parent  # the folder as named: a file may be a broken link
    walked: list[Path] = []
    found: Path | None = None
    for candidate in (folder, *folder.parents):
        if candidate in cache:
            found = cache[candidate]
            break
        walked.append(candidate)
        marker = candidate / MARKER
        try:
            is_marker = marker.is_file()
        except (OSError, RuntimeError):  # a symlink loop or an unreadable folder: no marker here
            is_marker = False
        if is_marker:
            found = marker
            break
    for candidate in walked:
        cache[candidate] = found
    return found


def pack_name(marker: Path) -> str:
    """The marker's `name = "..."`, else its folder's name."""
    try:
        with marker.open("rb") as handle:
            raw = handle.read(MARKER_LIMIT)
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover - exercised on Python 3.10 only
            import tomli as tomllib
        name = tomllib.loads(raw.decode("utf-8")).get("name")
    except (OSError, ValueError, UnicodeDecodeError):
        name = None
    return name.strip() if isinstance(name, str) and name.strip() else marker.parent.name


def find_packs(paths: Sequence[str], everything: bool) -> list[Pack]:
    """Group the run's files into packs: all of them with `--pack`, else by marker folder."""
    if everything:
        readable = [index for index, path in enumerate(paths) if path != "-"]
        return [Pack("the documents given", readable)] if len(readable) > 1 else []
    cache: dict[Path, Path | None] = {}
    by_marker: dict[Path, Pack] = {}
    for index, path in enumerate(paths):
        if path == "-":
            continue
        marker = pack_marker(Path(path), cache)
        if marker is None:
            continue
        if marker not in by_marker:
            by_marker[marker] = Pack(pack_name(marker))
        by_marker[marker].members.append(index)
    return [pack for pack in by_marker.values() if len(pack.members) > 1]


def judge_packs(results: list[FileResult], packs: Sequence[Pack]) -> None:
    """Rules about something missing speak once per pack, and only when no file of it has the thing."""
    for pack in packs:
        members = [results[index] for index in pack.members if results[index].error is None]
        codes = {code for result in members for code in result.coverage}
        names = pack_files(results, pack)
        for code in sorted(codes):
            covered = any(result.coverage.get(code) for result in members)
            kept = False
            for result in members:
                findings = []
                for finding in result.findings:
                    if finding.code != code:
                        findings.append(finding)
                    elif not covered and not kept:
                        kept = True
                        finding.pack = {"name": pack.name, "files": names}
                        finding.message = f"{finding.message} {_pack_note(pack.name, names)}"
                        findings.append(finding)
                result.findings = findings


def pack_files(results: Sequence[FileResult], pack: Pack) -> list[str]:
    """The files the pack was judged on: its members that could be read."""
    return [results[index].path for index in pack.members if results[index].error is None]


def file_names(files: Sequence[str]) -> str:
    """The files as a finding's pack note names them: by name, without their folders."""
    return ", ".join(Path(path).name for path in files)


def _pack_note(name: str, files: list[str]) -> str:
    return f"(Tender pack “{name}”: none of its {len(files)} files has it: {file_names(files)}.)"
