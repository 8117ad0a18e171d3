"""Builders for hostile and broken documents, written into a temporary folder (never into corpora/)."""

from __future__ import annotations

import io
import os
import shutil
import struct
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT / "corpora"
BROKEN = CORPORA / "broken"
GOOD = CORPORA / "home-care-spec.md"
MB = 1024 * 1024

LAUGHS = "".join(
    f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' if i else '<!ENTITY lol0 "lol">' for i in range(10)
)
BILLION_LAUGHS_DTD = f"<!DOCTYPE w:document [{LAUGHS}]>"
XXE_DTD = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def replace_member(source: Path, name: str, edit) -> bytes:
    """A copy of the zip at `source` with member `name` replaced by edit(old bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            new.writestr(info, edit(data) if info.filename == name else data)
    return out.getvalue()


def with_dtd(xml: bytes, dtd: str, entity: str, padding: int = 0) -> bytes:
    """Insert `dtd` after the XML declaration (after `padding` bytes of comment, to get past any scan of the
    prolog) and a reference to `entity` in the first text run."""
    declaration_end = xml.index(b"?>") + 2 if xml.startswith(b"<?xml") else 0
    comment = f"<!--{'x' * padding}-->".encode() if padding else b""
    body = xml[declaration_end:]
    for marker in (b"<w:t>", b"<w:t ", b"<text:p>", b"<text:p "):
        at = body.find(marker)
        if at >= 0:
            close = body.index(b">", at) + 1
            body = body[:close] + f"&{entity};".encode() + body[close:]
            break
    return xml[:declaration_end] + comment + dtd.encode() + body


def docx_with_dtd(dtd: str, entity: str, padding: int = 0) -> bytes:
    return replace_member(
        CORPORA / "home-care-spec.docx", "word/document.xml", lambda xml: with_dtd(xml, dtd, entity, padding)
    )


def odt_with_dtd(dtd: str, entity: str) -> bytes:
    dtd = dtd.replace("w:document", "office:document-content")
    return replace_member(
        CORPORA / "home-care-spec.odt", "content.xml", lambda xml: with_dtd(xml, dtd, entity)
    )


def zip_bomb_docx(path: Path, megabytes: int, filler: bytes = b" ") -> Path:
    """A real .docx (every part of the sample) whose word/document.xml inflates to `megabytes` MB."""
    path.parent.mkdir(parents=True, exist_ok=True)
    head = b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    tail = b"</w:body></w:document>"
    with (
        zipfile.ZipFile(CORPORA / "home-care-spec.docx") as old,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as new,
    ):
        for info in old.infolist():
            if info.filename != "word/document.xml":
                new.writestr(info.filename, old.read(info))
                continue
            with new.open("word/document.xml", "w", force_zip64=True) as member:
                member.write(head)
                chunk = filler * (MB // len(filler))
                for _ in range(megabytes):
                    member.write(chunk)
                member.write(tail)
    return path


def legacy_xls() -> bytes:
    """The legacy.doc compound file with its main stream renamed to Excel's "Workbook"."""
    data = bytearray((BROKEN / "legacy.doc").read_bytes())
    at = data.index("WordDocument".encode("utf-16-le"))
    name = "Workbook\0".encode("utf-16-le")
    data[at : at + 64] = name.ljust(64, b"\0")
    struct.pack_into("<H", data, at + 64, len(name))
    return bytes(data)


def slow_text(openers: int = 200_000) -> str:
    """A 200 KB text that takes seconds to lint: the tokenizer (spaCy's algorithm) strips prefix
    punctuation one character at a time and copies the rest of the chunk each time, so a run of N
    opening brackets costs O(N^2) (200,000 take about 13 s). A real input, not a test hook."""
    return "The Council will pay an hourly rate of £21.50 " + "(" * openers + "per hour\n"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def config(folder: Path, text: str) -> None:
    write(folder / ".tenderlint.toml", text)


def symlink(path: Path, target: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, path)
    return path


def inflating_odt(path: Path, megabytes: int) -> Path:
    """An .odt of about megabytes/1000 MB whose `mimetype` entry inflates to `megabytes` MB of zeros
    while its directory declares the usual 39 bytes: reading the entry whole is a zip bomb."""
    import zlib

    squeezer = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(MB)
    payload = b"".join(squeezer.compress(chunk) for _ in range(megabytes)) + squeezer.flush()
    declared = b"application/vnd.oasis.opendocument.text"
    crc = zlib.crc32(declared)
    name = b"mimetype"
    local = struct.pack(
        "<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(payload), len(declared), len(name), 0
    )
    central = struct.pack(
        "<4s6H3L5H2L",
        b"PK\x01\x02",
        20,
        20,
        0,
        8,
        0,
        0,
        crc,
        len(payload),
        len(declared),
        len(name),
        0,
        0,
        0,
        0,
        0,
        0,
    )
    body = local + name + payload
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 1, 1, len(central) + len(name), len(body), 0)
    return write(path, body + central + name + end)


def run_measured(*args: str, cwd: Path | None = None, timeout: float = 300) -> tuple[int, float, str]:
    """Run the CLI in a fresh interpreter that reports the peak resident memory (MB) of the largest
    process it waited for: the command's main process, or one of its workers. Returns the exit code,
    the peak and everything the command printed."""
    import subprocess
    import sys

    probe = (
        "import resource, subprocess, sys\n"
        "proc = subprocess.run([sys.executable, '-m', 'tenderlint', *sys.argv[1:]], capture_output=True)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "sys.stderr.write((proc.stderr + proc.stdout).decode('utf-8', 'replace'))\n"
        "print(proc.returncode, peak)\n"
    )
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-c", probe, *args], cwd=cwd, capture_output=True, timeout=timeout, env=env
    )
    code, peak = done.stdout.split()
    return int(code), float(peak), done.stderr.decode("utf-8", "replace")


def docx_with_comments(path: Path, count: int) -> Path:
    """The sample .docx with `count` extra (unanchored) comments already in comments.xml: every comment
    tenderlint adds must not cost a scan of all of them."""
    extra = "".join(
        f'<w:comment w:id="{1000 + i}" w:author="Reviewer"><w:p><w:r><w:t>Noted {i}</w:t></w:r></w:p></w:comment>'
        for i in range(count)
    ).encode()

    def add(xml: bytes) -> bytes:
        return xml.replace(b"</w:comments>", extra + b"</w:comments>")

    return write(path, replace_member(CORPORA / "home-care-spec.docx", "word/comments.xml", add))


def odt_with_junk(path: Path, megabytes: int) -> Path:
    """The sample .odt plus a member of `megabytes` MB of zeros (about 1 KB per MB once deflated)."""
    shutil.copy(CORPORA / "home-care-spec.odt", path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("Pictures/junk.bin", "w", force_zip64=True) as member:
            for _ in range(megabytes):
                member.write(bytes(MB))
        archive.writestr("../../outside.txt", "not part of any document")
    return path


def repeated_docx(path: Path, repeats: int) -> Path:
    """A .docx of the sample specification's paragraphs `repeats` times over: about 12 findings a copy."""
    import docx

    text = GOOD.read_text(encoding="utf-8")
    paragraphs = [p.strip().lstrip("#").strip() for p in text.split("\n\n") if p.strip()]
    document = docx.Document()
    for _ in range(repeats):
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def pack_rule(
    body: str = "    phrases: [block booked hours]", citations: str = "[careact-s1-wellbeing]"
) -> str:
    """A one-rule pack for the pack-loading tests; `body` holds its match and any extra keys."""
    return (
        "rules:\n"
        "  - code: AC101\n"
        "    name: block-booked-hours\n"
        "    family: specification\n"
        "    severity: warning\n"
        "    message: Care is block-booked in hours.\n"
        "    fix: Buy outcomes instead.\n"
        f"    citations: {citations}\n"
        f"{body}\n"
    )
