"""Opening zipped office documents defensively: damaged archives become E004, zip bombs and archives
over the `max-archive-mb` / `max-archive-entries` limits become E008, and XML parts that declare
entities or an external DTD (billion laughs, XXE) are refused before any XML parser sees them."""

from __future__ import annotations

import io
import re
import traceback
import zipfile
import zlib
from pathlib import Path

from tenderlint import errors, limits
from tenderlint.errors import InputError
from tenderlint.parsers.xmlsafe import PROLOG_BYTES, unsafe_dtd

XML_SUFFIXES = (".xml", ".rels")


def open_package(data: bytes, label: str, hint: str) -> zipfile.ZipFile:
    """Open `data` as a zip archive after checking it would not unpack to an absurd size.

    `label` names the format in messages (".docx", ".odt"). The declared sizes are a real bound:
    zipfile never inflates a member past its declared size (it fails the CRC check instead).
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(
            errors.CORRUPT, f"The file is not a valid {label} document: its zip archive is damaged.", hint
        ) from exc
    try:
        _check_size(infos, label)
        _refuse_unsafe_xml(archive, infos, label)
    except InputError:
        archive.close()
        raise
    return archive


def _check_size(infos: list[zipfile.ZipInfo], label: str) -> None:
    current = limits.current()
    if len(infos) > current.max_archive_entries:
        raise limits.exceeded(
            f"The {label} archive has {len(infos):,} entries",
            "max-archive-entries",
            current.max_archive_entries,
        )
    unpacked = sum(info.file_size for info in infos)
    if unpacked > current.max_archive_bytes:
        raise limits.exceeded(
            f"The {label} archive would unpack to {unpacked / limits.MB:,.0f} MB",
            "max-archive-mb",
            current.max_archive_mb,
            " MB",
            note="it was not opened, as it may be a zip bomb",
        )


def _refuse_unsafe_xml(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], label: str) -> None:
    """Word and LibreOffice never write entity declarations or external DTDs; a part that has one is
    an attack (entity expansion, external entities), so the whole file is refused. Only each part's
    first bytes are inflated: the prolog, where a DTD must be. Parts that cannot be read are left to the
    parser, which reports them as damaged."""
    for info in infos:
        if not info.filename.lower().endswith(XML_SUFFIXES) or info.is_dir():
            continue
        try:
            with archive.open(info) as member:
                head = member.read(PROLOG_BYTES)
        except Exception:  # damaged, encrypted or unsupported member: the parser reports it
            continue
        if unsafe_dtd(head):
            raise InputError(
                errors.CORRUPT,
                f"The {label} file's part {_printable(info.filename)} declares XML entities or an external DTD, which "
                "office programs never write; it was not read, as this is how entity-expansion and "
                "external-entity attacks work.",
                "If the file came from a trusted source, open it in the program that made it and save it again.",
            )


def archive_failure(exc: BaseException) -> InputError | None:
    """E004 for an exception raised inside the zip or zlib modules while reading a file (a negative
    seek, a bad deflate stream, an unsupported method or version, a name that is not UTF-8...): that is
    the archive being damaged, wherever in tenderlint the archive was being read. None otherwise."""
    if limits.out_of_memory(exc):  # zlib's "Unable to allocate output buffer" is max-memory-mb, not damage
        return None
    frames = traceback.extract_tb(exc.__traceback__)
    innermost = Path(frames[-1].filename).name if frames else ""
    if innermost != Path(zipfile.__file__).name:  # zlib is C code: its errors surface in zipfile.py
        return None
    kind = "zlib.error" if isinstance(exc, zlib.error) else type(exc).__name__
    return InputError(
        errors.CORRUPT,
        f"The file's zip archive is damaged ({kind}: {_printable(str(exc))[:100]}).",
        "Open it in the program that made it and save it again.",
    )


def _printable(name: str) -> str:
    """A part name from the archive, which the file's author chose, made safe to print in a message."""
    return re.sub(r"[^\x20-\x7e]", "?", name)[:120]


def read_member(archive: zipfile.ZipFile, name: str, label: str, hint: str) -> bytes | None:
    """The bytes of one archive member, None if absent, InputError(CORRUPT) if it cannot be read."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    try:
        return archive.read(info)
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        ValueError,
        EOFError,
        NotImplementedError,
        RuntimeError,
    ) as exc:
        raise InputError(errors.CORRUPT, f"The {label} file's part {name} cannot be unpacked.", hint) from exc
