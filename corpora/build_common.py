"""Helpers shared by the format builders."""

from __future__ import annotations

import io
import zipfile

from build_source import ZIP_DATE


def write_zip(members: list[tuple[str, bytes]], stored: tuple[str, ...] = ()) -> bytes:
    """A zip with members in the given order, fixed timestamps and permissions, so builds are identical.

    Names in `stored` are written uncompressed (ODF requires this for `mimetype`).
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            archive.writestr(info, data, compresslevel=9 if name not in stored else None)
    return buffer.getvalue()


def renormalise_zip(data: bytes, replace: dict[str, bytes] | None = None) -> bytes:
    """Rewrite a zip made by another library with fixed timestamps, keeping the member order.

    Members named in `replace` get the new content given there.
    """
    replace = replace or {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [
            (info.filename, replace.get(info.filename) or archive.read(info)) for info in archive.infolist()
        ]
    return write_zip(members)
