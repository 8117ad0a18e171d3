"""Annotated copies: the draft itself, with a reviewer-style comment on the words behind each finding.

People who commission services work in Word (or LibreOffice), not in terminal output, so
`--annotate` hands the findings back where they will be read. The original file is only ever read;
the copy is written atomically, and everything in it other than the new comments is left alone.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from tenderlint.citations import Citation
from tenderlint.findings import Finding

if TYPE_CHECKING:
    from tenderlint.config import Settings
    from tenderlint.engine import FileResult
    from tenderlint.workers import Task

AUTHOR = "tenderlint"
INITIALS = "TL"
SUPPORTED = {"docx": ".docx", "odt": ".odt"}
PDF_ADVICE = (
    "Annotation needs a .docx or .odt file; open the PDF in Word (or convert with LibreOffice) "
    "and save as .docx."
)
OTHER_ADVICE = (
    "Annotation needs a .docx or .odt file; open the document in Word (or convert it with LibreOffice) "
    "and save as .docx."
)


class AnnotateError(Exception):
    """Why no annotated copy was written; `usage` marks a mistake in the command line itself."""

    def __init__(self, message: str, usage: bool = False) -> None:
        super().__init__(message)
        self.usage = usage


def check_target(paths: tuple[str, ...], target: str, force: bool) -> None:
    """Refuse, before any linting, an --annotate request that could not be carried out safely."""
    if len(paths) != 1 or paths[0] == "-":
        raise AnnotateError("--annotate needs exactly one input document (not several, nor '-')", usage=True)
    source = Path(paths[0])
    if source.is_dir():
        raise AnnotateError("--annotate needs a single document, not a folder", usage=True)
    out = Path(target)
    suffix = source.suffix.lower()
    if suffix in SUPPORTED.values() and out.suffix.lower() != suffix:
        raise AnnotateError(f"the annotated copy of a {suffix} file must also end in {suffix}", usage=True)
    if out.exists() and source.exists() and out.resolve() == source.resolve():
        raise AnnotateError(f"--annotate {target} would overwrite the document being linted")
    if os.path.lexists(out) and not force:  # a link, even a dangling one, is not written through
        raise AnnotateError(f"{target} already exists; use --force to overwrite it")
    if not out.parent.resolve().is_dir():
        raise AnnotateError(f"cannot write {target}: folder {out.parent} does not exist")


def annotate_in_worker(
    result: FileResult, target: Path, citations: Mapping[str, Citation], settings: Settings
) -> str:
    """Write the annotated copy in a killable worker under the document's own limits
    (`timeout-seconds`, `max-memory-mb`), as linting it was; returns the one-line summary."""
    from tenderlint.engine import FileError, FileResult
    from tenderlint.workers import Task, run_one

    def work(task: Task) -> FileResult:
        done = FileResult(task.display)
        try:
            done.notes = [write_annotated(result, target, citations, task.settings)]
        except AnnotateError as exc:
            done.error = FileError(FAILED, str(exc))
        return done

    outcome = run_one(Task(0, result.path, b"", settings), work)
    if outcome.error is None:
        return outcome.notes[0]
    if outcome.error.code == FAILED:
        raise AnnotateError(outcome.error.message)
    raise AnnotateError(f"no annotated copy written: {outcome.error.message} {outcome.error.hint}".rstrip())


FAILED = "annotate"  # the worker's answer when no copy could be written, with the reason


def write_annotated(
    result: FileResult, target: Path, citations: Mapping[str, Citation], settings: Settings | None = None
) -> str:
    """Write the annotated copy of one linted file; returns a one-line summary for the terminal."""
    from tenderlint import limits
    from tenderlint.errors import InputError
    from tenderlint.readfile import read_regular

    if result.error is not None:
        raise AnnotateError(f"no annotated copy written: {result.path} could not be read")
    if result.format not in SUPPORTED:
        raise AnnotateError(PDF_ADVICE if result.format == "pdf" else OTHER_ADVICE)
    most = limits.Limits.from_settings(settings).max_file_bytes if settings else limits.DEFAULT.max_file_bytes
    try:
        data = read_regular(result.path, most)  # read-only: the draft is never opened for writing
    except OSError as exc:
        reason = exc.strerror or exc
        raise AnnotateError(f"no annotated copy written: cannot read {result.path} ({reason})") from None
    try:
        if result.format == "docx":
            from tenderlint.annotate.docx import annotate_docx

            copy, count, missed = annotate_docx(data, result.findings, citations)
        else:
            from tenderlint.annotate.odt import annotate_odt

            copy, count, missed = annotate_odt(data, result.findings, citations)
    except InputError as exc:
        raise AnnotateError(f"no annotated copy written: {exc.message}") from exc
    except Exception as exc:  # zipfile and zlib fail in many ways on an archive damaged since linting
        from tenderlint.parsers.package import archive_failure

        failure = archive_failure(exc)
        if failure is None:
            raise
        raise AnnotateError(f"no annotated copy written: {failure.message}") from None
    try:
        _write(target, copy)
    except OSError as exc:
        raise AnnotateError(f"cannot write {target}: {exc.strerror or exc}") from None
    summary = f"wrote {count} comment{'s' if count != 1 else ''} to {target}"
    if missed:
        summary += f" ({missed} on a whole paragraph because the exact words were not found)"
    if count < len(result.findings):
        summary += f"; {len(result.findings) - count} findings had no place in the body to anchor on"
    return summary


def _write(target: Path, data: bytes) -> None:
    """Write atomically, then give the copy ordinary permissions (the temporary file is private), or
    those of the file it replaces."""
    import os

    from tenderlint.atomic import write_atomic

    if target.exists():
        mode = target.stat().st_mode & 0o777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    write_atomic(target, data)
    target.chmod(mode)


# A comment paragraph as pieces of text, each with the web address it links to (None: plain text).
Piece = tuple[str, "str | None"]


def comment_lines(
    finding: Finding, citations: Mapping[str, Citation], exact: bool = True, elsewhere: bool = False
) -> list[str]:
    """The comment's paragraphs as plain text."""
    return [
        "".join(text for text, _ in line) for line in comment_paragraphs(finding, citations, exact, elsewhere)
    ]


def comment_paragraphs(
    finding: Finding, citations: Mapping[str, Citation], exact: bool = True, elsewhere: bool = False
) -> list[list[Piece]]:
    """The comment's paragraphs: what is wrong, what to write instead, and where the duty comes from,
    with each citation's address as a link the reader can click in Word or LibreOffice."""
    lines: list[list[Piece]] = [
        [(f"{finding.code} {finding.name}: {finding.message}", None)],
        [(f"Suggested rewrite: {finding.fix}", None)],
    ]
    for citation_id in finding.citations:
        citation = citations.get(citation_id)
        if citation and citation.url:
            lines.append([(f"See: {citation.title} — ", None), (citation.url, citation.url)])
        else:
            lines.append([(f"See: {citation.title if citation else citation_id}", None)])
    lines.extend([(text, None)] for text in _notes(finding, exact, elsewhere))
    return lines


def _notes(finding: Finding, exact: bool, elsewhere: bool) -> list[str]:
    """Why the comment is not on the finding's own words, when it is not."""
    lines: list[str] = []
    if elsewhere:
        lines.append(f"(Found in the {finding.location.part}, not the body: “{finding.excerpt}”.)")
    elif not exact:
        lines.append(
            f"(tenderlint could not find the exact words “{finding.matched}” here, "
            "so this comment covers the whole paragraph.)"
        )
    return lines
