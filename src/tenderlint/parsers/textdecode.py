"""Turn the bytes of a plain-text, Markdown or HTML file into text, whatever editor saved it.

Tender documents arrive from Notepad (UTF-16 or Windows-1252), Macs (CR line ends) and
web exports (UTF-8 with BOM); all of them must read the same way.
"""

from __future__ import annotations

import codecs

from tenderlint import errors
from tenderlint.errors import InputError

#: Bytes sampled when guessing BOM-less UTF-16 from its NUL pattern.
SAMPLE = 4096
#: Share of byte pairs that must have a NUL in the same half to call it UTF-16.
UTF16_NUL_SHARE = 0.3

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_text(data: bytes) -> str:
    """Decode `data` to text with "\\n" line ends, or raise InputError for binary data."""
    return normalise_newlines(_decode(data))


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF so line numbers match what editors show."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def bom_encoding(data: bytes) -> str | None:
    """The encoding named by a byte-order mark at the start of `data`, if any."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _decode(data: bytes) -> str:
    encoding = bom_encoding(data)
    if encoding is not None:
        return data.decode(encoding, errors="replace").removeprefix("\ufeff")
    if b"\x00" in data:
        return _decode_with_nuls(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Windows-1252 decodes almost every byte; the five it leaves undefined become U+FFFD.
        return data.decode("cp1252", errors="replace")


def _decode_with_nuls(data: bytes) -> str:
    """NUL bytes mean BOM-less UTF-16 (ASCII text has a NUL in every other byte) or binary data."""
    sample = data[:SAMPLE]
    pairs = max(1, len(sample) // 2)
    even = sum(1 for i in range(0, len(sample) - 1, 2) if sample[i] == 0)
    odd = sum(1 for i in range(1, len(sample), 2) if sample[i] == 0)
    if odd / pairs >= UTF16_NUL_SHARE and even <= odd // 10:
        encoding = "utf-16-le"
    elif even / pairs >= UTF16_NUL_SHARE and odd <= even // 10:
        encoding = "utf-16-be"
    else:
        raise InputError(
            errors.CORRUPT,
            "The file contains binary data, not text.",
            "Check that it is really a text, Markdown or HTML file; open it in the program that made it "
            "and save it as plain text.",
        )
    return data.decode(encoding, errors="replace").removeprefix("\ufeff")
