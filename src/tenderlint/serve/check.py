"""One check of a request's uploads: lint each file, judge the tender pack, then show the findings.

The report's view and the annotated copies must show the findings that are left once the pack is
judged, and only a worker may read an upload's bytes; so a check takes two steps in its slot's
worker (lint; then view and annotated copy), and between them judges the pack in the server, as
`tenderlint --pack` does: it only drops findings, so it is cheap. Each step of each file has the
file's own limits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from tenderlint.config import Settings
from tenderlint.engine import FileError, FileResult
from tenderlint.errors import InputError
from tenderlint.limits import Limits, check_file_size
from tenderlint.packs import Pack, judge_packs, pack_files
from tenderlint.serve.service import Run, ShowTask
from tenderlint.serve.uploads import LintRequest, Upload
from tenderlint.workers import Task

UPLOADED_PACK = "Uploaded tender pack"
RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass
class Checked:
    """The results in upload order, and the files judged as one pack (empty when there was no pack)."""

    results: list[FileResult]
    pack_files: list[str] = field(default_factory=list)
    pack_name: str = UPLOADED_PACK


@dataclass
class Check:
    """A request's uploads with its settings and choices: a job for a slot of the `LintService`."""

    uploads: Sequence[Upload]
    settings: Settings
    request: LintRequest

    def __call__(self, run: Run) -> Checked:
        settled, tasks = prepare(self.uploads, self.settings)
        results = merge(settled, run(tasks))
        pack = upload_pack(len(results)) if self.request.pack else None
        judge_packs(results, [pack] if pack else [])
        lowest = RANK[self.request.min_severity]
        for result in results:  # after judging, as a reader filters the CLI's report
            result.findings = [f for f in result.findings if f.severity.rank >= lowest]
        shown = show(run, results, self.uploads, self.settings)
        return Checked(shown, pack_files(results, pack) if pack else [])


def upload_pack(count: int) -> Pack | None:
    """Every upload of a check is one pack, as every file given is with `--pack`; one file is alone."""
    return Pack(UPLOADED_PACK, list(range(count))) if count > 1 else None


def prepare(uploads: Sequence[Upload], settings: Settings) -> tuple[list[FileResult | None], list[Task]]:
    """Results settled without a worker (files over max-file-size-mb), and the lint tasks for the rest."""
    settled: list[FileResult | None] = []
    tasks: list[Task] = []
    limits = Limits.from_settings(settings)
    for upload in uploads:
        try:
            check_file_size(len(upload.data), limits)
        except InputError as exc:
            settled.append(FileResult(upload.name, error=FileError(exc.code, exc.message, exc.hint)))
            continue
        settled.append(None)
        tasks.append(Task(len(tasks), upload.name, upload.data, settings))
    return settled, tasks


def merge(settled: Sequence[FileResult | None], linted: Sequence[FileResult]) -> list[FileResult]:
    """All results in upload order."""
    rest = iter(linted)
    return [result if result is not None else next(rest) for result in settled]


def show(
    run: Run, results: list[FileResult], uploads: Sequence[Upload], settings: Settings
) -> list[FileResult]:
    """Each readable file's view and annotated copy, made in the worker from its bytes and its final
    findings; a file that fails here (say, out of time) gets that error instead."""
    readable = [position for position, result in enumerate(results) if result.error is None]
    tasks = [
        ShowTask(
            number,
            uploads[position].name,
            uploads[position].data,
            settings,
            result=results[position],
            report_index=position,
        )
        for number, position in enumerate(readable)
    ]
    shown = list(results)
    for position, result in zip(readable, run(tasks)):
        shown[position] = result
    return shown
