"""What the page's form asks for, turned into settings and worker tasks.

Several files are linted as separate documents in one report. `LintRequest.pack` is where a "tender
pack" choice will arrive once packs exist: `prepare` is the one place that decides how uploads become
tasks, so a pack can be handed on from there without touching the page or the routes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from tenderlint.config import Settings
from tenderlint.engine import FileError, FileResult
from tenderlint.errors import InputError
from tenderlint.limits import Limits, check_file_size
from tenderlint.serve.service import UploadTask

FAMILIES = {
    "TL1": "Specification: outcomes rather than time and task",
    "TL2": "Price and payment",
    "TL3": "Social value and outcomes",
    "TL4": "Market and competition: lots, conditions, frameworks",
    "TL5": "Contract terms",
    "TL6": "People and co-production",
    "TL7": "Equalities and fair work",
    "TL8": "Process: engagement, timescales, the rules that apply",
}
REGIMES = {
    "auto": "Work it out from the document",
    "pa2023": "Procurement Act 2023",
    "pcr2015": "Public Contracts Regulations 2015 (procurements started before 24 February 2025)",
}
JURISDICTIONS = {
    "auto": "Work it out from the document",
    "england": "England",
    "wales": "Wales",
    "scotland": "Scotland",
    "northern-ireland": "Northern Ireland",
}
SEVERITIES = {
    "info": "Everything, including suggestions",
    "warning": "Warnings and errors",
    "error": "Errors only",
}


class BadForm(ValueError):
    """A form value the page never offers: a 400 with this message."""


@dataclass(frozen=True)
class LintRequest:
    """The options a commissioner picks on the page."""

    regime: str = "auto"
    jurisdiction: str = "auto"
    families: tuple[str, ...] = tuple(FAMILIES)
    min_severity: str = "info"
    pack: bool = False  # read several files as one tender pack, once packs exist

    @classmethod
    def from_form(cls, form: Mapping[str, object], families: Iterable[object]) -> LintRequest:
        """Read the form's fields; an absent field keeps its default, an unknown value is refused."""
        # The page always says it sent its choices; a script that posts only files gets every family.
        chosen = tuple(str(f) for f in families) if form.get("choices") else tuple(FAMILIES)
        request = cls(
            regime=str(form.get("regime") or "auto"),
            jurisdiction=str(form.get("jurisdiction") or "auto"),
            families=chosen,
            min_severity=str(form.get("min_severity") or "info"),
        )
        for value, allowed in (
            (request.regime, REGIMES),
            (request.jurisdiction, JURISDICTIONS),
            (request.min_severity, SEVERITIES),
            *((family, FAMILIES) for family in chosen),
        ):
            if value not in allowed:
                raise BadForm(f"Unknown choice {value[:40]!r}: reload the page and try again.")
        if not chosen:
            raise BadForm("Tick at least one kind of check.")
        return request

    def settings(self, base: Settings) -> Settings:
        """The organisation's settings with this request's choices on top; unticked families are ignored."""
        skipped = tuple(code for code in FAMILIES if code not in self.families)
        return base.with_overrides(
            regime=None if self.regime == "auto" else self.regime,
            jurisdiction=None if self.jurisdiction == "auto" else self.jurisdiction,
            ignore=base.ignore + skipped if skipped else None,
        )


@dataclass
class Upload:
    name: str
    data: bytes


def safe_name(raw: str | None, index: int) -> str:
    """The file's own name without any folder, control characters or excess length (it is shown in the
    report and used to pick the format, never to open a file)."""
    name = re.split(r"[/\\]", raw or "")[-1]
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip()[-120:]
    return name or f"document-{index + 1}"


def prepare(
    uploads: Sequence[Upload], settings: Settings, request: LintRequest
) -> tuple[list[FileResult | None], list[UploadTask]]:
    """Results settled without a worker (files over max-file-size-mb), and the tasks for the rest.
    Every upload is its own document today; a pack would become one task here."""
    settled: list[FileResult | None] = []
    tasks: list[UploadTask] = []
    limits = Limits.from_settings(settings)
    for position, upload in enumerate(uploads):
        try:
            check_file_size(len(upload.data), limits)
        except InputError as exc:
            settled.append(FileResult(upload.name, error=FileError(exc.code, exc.message, exc.hint)))
            continue
        settled.append(None)
        task = UploadTask(len(tasks), upload.name, upload.data, settings, None, request.min_severity)
        task.report_index = position
        tasks.append(task)
    return settled, tasks


def merge(settled: Sequence[FileResult | None], linted: Sequence[FileResult]) -> list[FileResult]:
    """All results in upload order."""
    rest = iter(linted)
    return [result if result is not None else next(rest) for result in settled]
