"""Decide a file's real format from its bytes, falling back to the extension only for plain text."""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

from tenderlint import errors
from tenderlint.errors import InputError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
TEXT_EXTENSIONS = {
    ".md": "md",
    ".markdown": "md",
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
}
DOCUMENT_EXTENSIONS = {".docx", ".pdf", ".odt", *TEXT_EXTENSIONS}


def detect_format(data: bytes, path: str) -> str:
    """Return the format name ("docx", "pdf", "odt", "html", "md", "txt") or raise InputError."""
    suffix = PurePath(path).suffix.lower()
    if not data:
        raise InputError(errors.EMPTY, "The file is empty.", "Check that it saved or downloaded completely.")
    if data.startswith(b"%PDF-") or data[:1024].lstrip().startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(OLE_MAGIC):
        raise _ole_error(data, suffix)
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_format(data, suffix)
    if data.lstrip()[:5].lower() == b"{\\rtf":
        raise InputError(
            errors.UNSUPPORTED_FORMAT,
            "This is a Rich Text Format (.rtf) file, which tenderlint does not read.",
            "Open it in Word or LibreOffice and save as .docx.",
        )
    head = data[:2048].lstrip().lower()
    if suffix in (".docx", ".odt", ".pdf"):
        if head.startswith((b"<!doctype html", b"<html")):
            return "html"
        raise InputError(
            errors.CORRUPT,
            f"The file is named {suffix} but its content is not a {suffix[1:].upper()} document.",
            "Open it in the program that made it and save it again.",
        )
    if suffix in TEXT_EXTENSIONS:
        return TEXT_EXTENSIONS[suffix]
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if suffix in ("", ".stdin"):
        return "txt"
    raise InputError(
        errors.UNSUPPORTED_FORMAT,
        f"tenderlint does not read {suffix} files.",
        "Supported: .docx, .pdf, .odt, .md, .txt, .html.",
    )


def _ole_error(data: bytes, suffix: str) -> InputError:
    """OLE containers are legacy Office files, or modern Office files that have been encrypted."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        return InputError(
            errors.ENCRYPTED,
            "The document is password-protected (encrypted).",
            "Remove the password (File > Info > Protect Document) and save a copy as .docx.",
        )
    if suffix in (".xls", ".xlsx") or "Workbook".encode("utf-16-le") in data:
        return InputError(
            errors.UNSUPPORTED_FORMAT,
            "This is a legacy Excel (.xls) workbook, which tenderlint does not read.",
            "Copy the criteria into the specification, or save the document as .docx.",
        )
    return InputError(
        errors.UNSUPPORTED_FORMAT,
        "This is a legacy Word (.doc) file, which tenderlint does not read.",
        "Open it in Word or LibreOffice and save as .docx.",
    )


def _zip_format(data: bytes, suffix: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names and _mimetype(archive) == ODT_MIMETYPE:
                return "odt"
            if "content.xml" in names and suffix == ".odt":
                return "odt"
    except zipfile.BadZipFile as exc:
        raise InputError(
            errors.CORRUPT,
            f"The file is a damaged archive ({exc}).",
            "Open it in Word or LibreOffice and save it again.",
        ) from None
    except Exception as exc:  # zipfile and zlib fail in many other ways on a damaged archive
        from tenderlint.parsers.package import archive_failure

        failure = archive_failure(exc)
        if failure is None:
            raise
        raise failure from None
    if any(name.startswith("xl/") for name in names):
        kind = "an Excel workbook"
    elif any(name.startswith("ppt/") for name in names):
        kind = "a PowerPoint presentation"
    else:
        kind = "a zip archive that is not a Word or OpenDocument text file"
    raise InputError(
        errors.UNSUPPORTED_FORMAT,
        f"This is {kind}, which tenderlint does not read.",
        "Save the text as .docx, .odt or .pdf.",
    )


def _mimetype(archive: zipfile.ZipFile) -> bytes:
    """The start of the `mimetype` entry. Only a few bytes are inflated: `archive.read` would inflate
    the whole entry (up to a gigabyte from a small, crafted file) before checking its declared size,
    and detection runs in the main process, outside any worker's limits."""
    with archive.open("mimetype") as entry:
        return entry.read(len(ODT_MIMETYPE) + 64).strip()
