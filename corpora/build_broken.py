"""Inputs a linter must refuse with a clear error: legacy, encrypted, image-only, empty, mislabelled, damaged.

Each function returns the file's bytes; build.py writes them under corpora/broken/.
"""

from __future__ import annotations

import hashlib
import io
import struct
from datetime import datetime

from build_source import TITLE

# --- legacy.doc: a minimal but genuine OLE2 compound file (CFB version 3, 512-byte sectors) -------------

SECTOR = 512
FREESECT, ENDOFCHAIN, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WORD_CLSID = bytes.fromhex("0609020000000000c000000000000046")  # {00020906-0000-0000-C000-000000000046}


def _dir_entry(
    name: str, kind: int, color: int, left: int, right: int, child: int, start: int, size: int
) -> bytes:
    """One 128-byte directory entry. kind: 5 root, 2 stream; color: 0 red, 1 black."""
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    clsid = WORD_CLSID if kind == 5 else bytes(16)
    return (
        encoded.ljust(64, b"\0")
        + struct.pack("<HBBIII", len(encoded), kind, color, left, right, child)
        + clsid
        + struct.pack("<IQQIQ", 0, 0, 0, start, size)
    )


def _word_document_stream() -> bytes:
    """A Word 97 FIB header (wIdent 0xA5EC, nFib 0x00C1, en-GB, table stream 1Table) and some text."""
    fib = struct.pack("<HHHHHHH", 0xA5EC, 0x00C1, 0, 0x0809, 0, 0x0200, 0x00BF).ljust(32, b"\0")
    text = f"{TITLE}\r1 Introduction\rThe service will be commissioned on a time and task basis.\r"
    return (fib.ljust(1024, b"\0") + text.encode("cp1252")).ljust(4096, b"\0")


def legacy_doc() -> bytes:
    """Sector 0 holds the FAT, sector 1 the directory, then WordDocument and 1Table (8 sectors each).

    Streams of 4096 bytes or more live in the normal FAT, so no mini stream is needed.
    """
    streams = [("WordDocument", _word_document_stream()), ("1Table", bytes(4096))]
    fat = [FATSECT, ENDOFCHAIN]
    starts = []
    for _, data in streams:
        count = len(data) // SECTOR
        first = len(fat)
        starts.append(first)
        fat += [first + i + 1 for i in range(count - 1)] + [ENDOFCHAIN]
    fat += [FREESECT] * (SECTOR // 4 - len(fat))

    header = (
        OLE_MAGIC
        + bytes(16)
        + struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, ENDOFCHAIN, 0, ENDOFCHAIN, 0)
        + struct.pack("<109I", 0, *([FREESECT] * 108))
    )
    # Directory tree: the root's child is WordDocument (black); 1Table sorts before it (shorter name),
    # so it is WordDocument's left sibling (red).
    directory = (
        _dir_entry("Root Entry", 5, 1, NOSTREAM, NOSTREAM, 1, ENDOFCHAIN, 0)
        + _dir_entry("WordDocument", 2, 1, 2, NOSTREAM, NOSTREAM, starts[0], len(streams[0][1]))
        + _dir_entry("1Table", 2, 0, NOSTREAM, NOSTREAM, NOSTREAM, starts[1], len(streams[1][1]))
        + _dir_entry("", 0, 0, NOSTREAM, NOSTREAM, NOSTREAM, 0, 0)
    )
    return header + struct.pack(f"<{SECTOR // 4}I", *fat) + directory + b"".join(data for _, data in streams)


# --- the others -------------------------------------------------------------------------------------


def spec_rtf() -> bytes:
    return (
        r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}}"
        "\n"
        r"\f0\fs28\b Anyshire County Council \emdash  Domiciliary Care Service Specification\b0\fs22\par"
        "\n"
        r"\b 1 Introduction\b0\par"
        "\n"
        r"The service will be commissioned on a time and task basis. The Council will pay an hourly rate of "
        r"\'a321.50.\par"
        "\n}\n"
    ).encode("ascii")


def encrypted_docx(docx: bytes, password: str = "secret") -> bytes:
    """The real .docx encrypted with ECMA-376 agile encryption by msoffcrypto-tool.

    msoffcrypto draws salts and keys from `secrets` and stamps the container with the current time;
    both are pinned here (salts from a hash of the password) so that every build gives the same bytes.
    A fixture only: never do this to protect a real document.
    """
    from msoffcrypto.format.ooxml import OOXMLFile
    from msoffcrypto.method import ecma376_agile
    from msoffcrypto.method.container import ecma376_encrypted

    counter = 0

    def fixed_random(size: int) -> bytes:
        nonlocal counter
        counter += 1
        return (
            hashlib.sha256(f"tenderlint-fixture-{password}-{counter}".encode())
            .digest()[:size]
            .ljust(size, b"\0")
        )

    class FixedDatetime(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime(2025, 11, 14, 16, 45, 0)

    saved = ecma376_agile._random_buffer, ecma376_encrypted.datetime
    ecma376_agile._random_buffer, ecma376_encrypted.datetime = fixed_random, FixedDatetime
    try:
        out = io.BytesIO()
        OOXMLFile(io.BytesIO(docx)).encrypt(password, out)
    finally:
        ecma376_agile._random_buffer, ecma376_encrypted.datetime = saved
    return out.getvalue()


def protected_pdf(password: str = "secret") -> bytes:
    """A text PDF that needs a user password to open."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, encrypt=password, invariant=1)
    canvas.setTitle(TITLE)
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(72, 770, TITLE)
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 740, "The service will be commissioned on a time and task basis.")
    canvas.drawString(72, 722, "The Council will pay an hourly rate of £21.50.")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def scanned_pdf() -> bytes:
    """One A4 page that is only a picture of text (as a scanner makes it): no text layer at all."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    width, height = 827, 1169  # A4 at 100 dpi
    image = Image.new("L", (width, height), 246)
    draw = ImageDraw.Draw(image)
    title_font, body_font = ImageFont.load_default(size=26), ImageFont.load_default(size=17)
    draw.text((90, 110), "Anyshire County Council", font=title_font, fill=30)
    draw.text((90, 145), "Domiciliary Care Service Specification", font=title_font, fill=30)
    lines = [
        "1 Introduction",
        "",
        "The service will be commissioned on a time and task basis.",
        "Call times will be set by the Council's brokerage team.",
        "Calls for medication prompts will be 15 minutes.",
        "The Council will pay an hourly rate of 21.50 pounds.",
    ]
    for index, line in enumerate(lines):
        draw.text((90, 220 + index * 30), line, font=body_font, fill=40)
    draw.rectangle((80, 420, 560, 520), outline=60, width=2)  # an empty box, as for a signature
    image = image.rotate(0.7, resample=Image.Resampling.BICUBIC, fillcolor=246)

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    canvas.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def not_really_docx() -> bytes:
    """What a browser saves when a portal's download link leads to a sign-in page."""
    return (
        '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        "<title>Anyshire Procurement Portal — Sign in</title>\n</head>\n<body>\n"
        "<h1>Your session has expired</h1>\n"
        "<p>Please sign in again to download <em>Domiciliary Care Service Specification.docx</em>.</p>\n"
        '<form method="post" action="/login"><input name="user"> <button>Sign in</button></form>\n'
        "</body>\n</html>\n"
    ).encode()


def damaged_docx(docx: bytes) -> bytes:
    """The real .docx cut off half-way, as after an interrupted download: no central directory."""
    return docx[: len(docx) // 2]


def broken_files(docx: bytes) -> dict[str, bytes]:
    return {
        "legacy.doc": legacy_doc(),
        "spec.rtf": spec_rtf(),
        "encrypted.docx": encrypted_docx(docx),
        "protected.pdf": protected_pdf(),
        "scanned.pdf": scanned_pdf(),
        "empty.txt": b"",
        "not-really.docx": not_really_docx(),
        "damaged.docx": damaged_docx(docx),
    }
