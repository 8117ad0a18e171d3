"""Mutations of real .docx, .odt and .pdf files: byte damage, truncation, zip entry damage (corrupt,
delete, duplicate, rename, bad CRC, huge declared sizes), XML damage inside zip entries, and PDF token
damage. Each mutator takes (bytes, random.Random) and returns new bytes; all are deterministic per seed.
"""

from __future__ import annotations

import io
import random
import re
import struct
import zipfile
from collections.abc import Callable

from xml_mutators import EXTREME_NUMBERS, mutate_tree, mutate_xml

Mutator = Callable[[bytes, random.Random], bytes]
INTERESTING = [0, 1, 0x7F, 0x80, 0xFF, 0x7FFF, 0xFFFF, 0x7FFFFFFF, 0xFFFFFFFF]
KEY_PARTS = (
    "word/document.xml", "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
    "word/styles.xml", "word/numbering.xml", "word/footnotes.xml", "word/comments.xml",
    "content.xml", "styles.xml", "mimetype", "META-INF/manifest.xml",
)  # fmt: skip


# --- bytes -----------------------------------------------------------------------------------------------
def flip_bits(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        at = rng.randrange(len(out))
        out[at] ^= 1 << rng.randrange(8)
    return bytes(out)


def overwrite(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    at = rng.randrange(len(out))
    if rng.random() < 0.5:
        value = rng.choice(INTERESTING)
        width = rng.choice((1, 2, 4))
        out[at : at + width] = (value & ((1 << (8 * width)) - 1)).to_bytes(width, "little")
    else:
        out[at : at + rng.randint(1, 64)] = rng.randbytes(rng.randint(1, 64))
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data))]


def cut_or_copy(data: bytes, rng: random.Random) -> bytes:
    """Delete, duplicate or insert a range, shifting everything after it (offsets go stale)."""
    start = rng.randrange(len(data))
    end = min(len(data), start + rng.randint(1, 4096))
    choice = rng.randrange(3)
    if choice == 0:
        return data[:start] + data[end:]
    if choice == 1:
        return data[:end] + data[start:end] + data[end:]
    return data[:start] + rng.randbytes(rng.randint(1, 256)) + data[start:]


# --- zip archives ------------------------------------------------------------------------------------------
def _members(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info, archive.read(info)) for info in archive.infolist()]


def _pack(members: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, payload in members:
            archive.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), payload, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _pick(names: list[str], rng: random.Random) -> int:
    """Index of a member, favouring the parts a parser reads."""
    key = [i for i, name in enumerate(names) if name in KEY_PARTS]
    return rng.choice(key) if key and rng.random() < 0.8 else rng.randrange(len(names))


def zip_entries(data: bytes, rng: random.Random) -> bytes:
    """Delete, duplicate or rename one entry."""
    members = [(info.filename, payload) for info, payload in _members(data)]
    index = _pick([name for name, _ in members], rng)
    name, payload = members[index]
    choice = rng.randrange(3)
    if choice == 0:
        del members[index]
    elif choice == 1:
        members.insert(
            rng.randrange(len(members) + 1), (name, flip_bits(payload, rng) if payload else payload)
        )
    else:
        other = rng.choice([n for n, _ in members])
        members[index] = (
            rng.choice([other, name.upper(), name + "x", "../" + name, name.replace("/", "\\")]),
            payload,
        )
    return _pack(members)


def zip_xml(data: bytes, rng: random.Random) -> bytes:
    """Damage the XML inside one entry, then re-zip it cleanly, so the damage reaches the XML readers."""
    members = [(info.filename, payload) for info, payload in _members(data)]
    xml = [i for i, (name, _) in enumerate(members) if name.endswith((".xml", ".rels"))]
    index = (
        rng.choice([i for i in xml if members[i][0] in KEY_PARTS] or xml)
        if xml
        else _pick([n for n, _ in members], rng)
    )
    name, payload = members[index]
    members[index] = (name, mutate_xml(payload, rng) if payload else payload)
    return _pack(members)


def zip_tree(data: bytes, rng: random.Random) -> bytes:
    """Well-formed but hostile XML in one key entry, so the damage gets past the XML parser and into
    the document readers: elements deleted, copied, moved, renamed, nested deep; numbers made extreme."""
    members = [(info.filename, payload) for info, payload in _members(data)]
    xml = [i for i, (name, _) in enumerate(members) if name in KEY_PARTS and name.endswith(".xml")]
    index = rng.choice(xml)
    name, payload = members[index]
    members[index] = (name, mutate_tree(payload, rng))
    return _pack(members)


def _central(data: bytes) -> list[int]:
    return [m.start() for m in re.finditer(rb"PK\x01\x02", data)]


def zip_headers(data: bytes, rng: random.Random) -> bytes:
    """Patch a central directory or local header: bad CRC, huge or zero sizes, odd method or flags."""
    out = bytearray(data)
    entries = _central(data)
    if not entries:
        return flip_bits(data, rng)
    at = rng.choice(entries)
    field, fmt = rng.choice(
        [(16, "<I"), (20, "<I"), (24, "<I"), (10, "<H"), (8, "<H"), (28, "<H"), (30, "<H"), (42, "<I")]
    )
    value = rng.choice([0, 1, 0xFFFFFFFF, 0x7FFFFFFF, 2**31, 600 * 2**20, rng.getrandbits(32)])
    if fmt == "<H":
        value &= 0xFFFF
    struct.pack_into(fmt, out, at + field, value)
    if field in (16, 20, 24) and rng.random() < 0.5:  # the local header too, so the lie is consistent
        (local,) = struct.unpack_from("<I", out, at + 42)
        if local + 30 <= len(out) and out[local : local + 4] == b"PK\x03\x04":
            struct.pack_into("<I", out, local + field - 2, value)
    return bytes(out)


def zip_payload(data: bytes, rng: random.Random) -> bytes:
    """Flip bytes inside one entry's compressed data (a bad deflate stream, or a CRC mismatch)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = [info for info in archive.infolist() if info.compress_size]
    if not infos:
        return flip_bits(data, rng)
    info = infos[_pick([i.filename for i in infos], rng)]
    name_len, extra_len = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_len + extra_len
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        at = start + rng.randrange(info.compress_size)
        if at < len(out):
            out[at] ^= 1 << rng.randrange(8)
    return bytes(out)


# --- PDF ----------------------------------------------------------------------------------------------------
PDF_TOKENS = rb"/Count \d+|/Length \d+|/Size \d+|/Prev \d+|\d+ \d+ R|\d+ \d+ obj|startxref\s+\d+|/Kids|/Type ?/Pages?|/Parent|/Root"


def pdf_tokens(data: bytes, rng: random.Random) -> bytes:
    """Damage the structure a PDF reader trusts: counts, lengths, references, offsets, page tree keys."""
    tokens = [m.span() for m in re.finditer(PDF_TOKENS, data)]
    if not tokens:
        return flip_bits(data, rng)
    start, end = rng.choice(tokens)
    token = data[start:end]
    if re.search(rb"\d", token):
        new = re.sub(rb"\d+", lambda _: rng.choice([*EXTREME_NUMBERS[:6], b"1", b"2", b"3"]), token, count=1)
    else:
        new = rng.choice([b"", b"/Kids [1 0 R 1 0 R]", b"/Type /Pages", b"/Parent 1 0 R", b"/Root 9999 0 R"])
    return data[:start] + new + data[end:]


BYTE_MUTATORS: dict[str, Mutator] = {
    "flip-bits": flip_bits,
    "overwrite": overwrite,
    "truncate": truncate,
    "cut-or-copy": cut_or_copy,
}
ZIP_MUTATORS: dict[str, Mutator] = {
    "zip-tree": zip_tree,
    "zip-entries": zip_entries,
    "zip-xml": zip_xml,
    "zip-headers": zip_headers,
    "zip-payload": zip_payload,
}
PDF_MUTATORS: dict[str, Mutator] = {"pdf-tokens": pdf_tokens}


#: How often each mutation is picked: tree damage reaches furthest into the document readers.
WEIGHTS = {"zip-tree": 3.0}


def mutate(data: bytes, suffix: str, rng: random.Random) -> tuple[bytes, str]:
    """One mutant of `data` and the name of the mutation (one to three stacked)."""
    family = ZIP_MUTATORS if suffix in (".docx", ".odt") else PDF_MUTATORS
    names = []
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        pool = family if rng.random() < 0.7 else BYTE_MUTATORS
        choices = sorted(pool)
        name = rng.choices(choices, [WEIGHTS.get(choice, 1.0) for choice in choices])[0]
        try:
            data = pool[name](data, rng) if data else data
        except Exception:  # the input is already too damaged for this mutation: damage its bytes instead
            name, data = "flip-bits", flip_bits(data, rng) if data else data
        names.append(name)
    return data, "+".join(names)
