"""Opening zipped office documents defensively: damaged archives and zip bombs become InputErrors."""

from __future__ import annotations

import io
import zipfile

from tenderlint import errors
from tenderlint.errors import InputError

# Real tender documents unpack to a few tens of megabytes at most; anything far beyond is hostile or broken.
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_MEMBERS = 10_000


def open_package(data: bytes, label: str, hint: str) -> zipfile.ZipFile:
    """Open `data` as a zip archive after checking it would not unpack to an absurd size.

    `label` names the format in messages (".docx", ".odt").
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(
            errors.CORRUPT, f"The file is not a valid {label} document: its zip archive is damaged.", hint
        ) from exc
    if len(infos) > MAX_MEMBERS or sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
        archive.close()
        raise InputError(
            errors.CORRUPT,
            f"The {label} archive would unpack to an unreasonable size, so it was not opened.",
            hint,
        )
    return archive


def read_member(archive: zipfile.ZipFile, name: str, label: str, hint: str) -> bytes | None:
    """The bytes of one archive member, None if absent, InputError(CORRUPT) if it cannot be read."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise InputError(errors.CORRUPT, f"The {label} file's part {name} cannot be unpacked.", hint) from exc
