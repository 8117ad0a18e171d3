"""Mutations of the small text files tenderlint itself reads: TOML settings, YAML rule packs, labels and
citations, JSON baselines and cache entries. Byte damage from `mutators.py`, plus the shapes a parser
accepts but code after it may not: values of the wrong type, extreme numbers, deep nesting, alias
expansion, duplicate keys, control and bidi characters, bytes that are not UTF-8.
"""

from __future__ import annotations

import random
import re

from mutators import cut_or_copy, flip_bits, overwrite, truncate

WRONG_VALUES = {
    "toml": ["[]", "{}", "[[1]]", "1e400", "9223372036854775807", "-1", "0", "true", '""', "nan", "inf",
             '"\u202e"', "[{a = 1}]", '{x = "y"}', "1979-05-27"],
    "yaml": ["[]", "{}", "[[x]]", "1e400", "99999999999999999999", "-1", "true", "''", "null", "~", ".nan",
             "!!binary aGk=", "{a: *undefined}", "'\u202e\x9b2J'", "[[[[[[[[]]]]]]]]", "|\n  block"],
    "json": ["[]", "{}", "[[1]]", "1e400", "99999999999999999999", "-1", "true", '""', "null", '"\\ud800"',
             '{"a": []}', '[{"x": null}]', "0.5"],
}  # fmt: skip
SCALAR = {
    "toml": re.compile(rb"(=\s*)([^\n\[{]+)"),
    "yaml": re.compile(rb"(:\s+)([^\n&*\[{|>]+)"),
    "json": re.compile(rb'(:\s*)("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null)'),
}


def wrong_type(data: bytes, kind: str, rng: random.Random) -> bytes:
    """One scalar value replaced by a value of another type or an extreme one."""
    spots = list(SCALAR[kind].finditer(data))
    if not spots:
        return data
    spot = rng.choice(spots)
    value = rng.choice(WRONG_VALUES[kind]).encode("utf-8")
    return data[: spot.start(2)] + value + data[spot.end(2) :]


def deep_nesting(data: bytes, kind: str, rng: random.Random) -> bytes:
    depth = rng.choice((100, 1000, 5000, 50_000))
    opener, closer = (b"{", b"}") if kind == "json" and rng.random() < 0.3 else (b"[", b"]")
    spots = list(SCALAR[kind].finditer(data))
    nested = opener * depth + closer * depth
    if not spots:
        return nested + data
    spot = rng.choice(spots)
    return data[: spot.start(2)] + nested + data[spot.end(2) :]


def alias_bomb(data: bytes, kind: str, rng: random.Random) -> bytes:
    """YAML: a billion-laughs table of anchors prepended, and one value replaced by its top alias."""
    if kind != "yaml":
        return wrong_type(data, kind, rng)
    levels = rng.randint(3, 9)
    table = "".join(
        f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10) if i else ', '.join(['lol'] * 10)}]\n"
        for i in range(levels)
    ).encode()
    spots = list(SCALAR["yaml"].finditer(data))
    if spots:
        spot = rng.choice(spots)
        data = data[: spot.start(2)] + f"*l{levels - 1}".encode() + data[spot.end(2) :]
    if rng.random() < 0.2:
        table += b"self: &self [*self]\n"
    return (
        table + data
        if data.lstrip().startswith((b"rules", b"concepts", b"citations", b"expect"))
        else data + b"\n" + table
    )


def lines(data: bytes, kind: str, rng: random.Random) -> bytes:
    """Lines deleted, duplicated (duplicate keys) or swapped."""
    rows = data.split(b"\n")
    if len(rows) < 2:
        return data + data
    at = rng.randrange(len(rows))
    action = rng.random()
    if action < 0.4:
        del rows[at]
    elif action < 0.8:
        rows.insert(at, rows[at])
    else:
        other = rng.randrange(len(rows))
        rows[at], rows[other] = rows[other], rows[at]
    return b"\n".join(rows)


def junk_text(data: bytes, kind: str, rng: random.Random) -> bytes:
    """Control characters, bidi overrides, lone surrogates' bytes, NUL, a long run, or Latin-1 bytes."""
    piece = rng.choice(
        [b"\x00", b"\x1b]0;t\x07", "\x9d8;;x\x9c".encode(), "\u202e".encode(), b"\xed\xa0\x80", b"\xe9",
         b"\xff\xfe", b"x" * 100_000, b"::error::x", b"\r", b"\t"]
    )  # fmt: skip
    at = rng.randrange(len(data) + 1)
    return data[:at] + piece + data[at:]


def byte_damage(data: bytes, kind: str, rng: random.Random) -> bytes:
    if not data:
        return b"\x00"
    return rng.choice((flip_bits, overwrite, truncate, cut_or_copy))(data, rng)


MUTATORS = {
    "wrong-type": (wrong_type, 4.0),
    "deep-nesting": (deep_nesting, 1.0),
    "alias-bomb": (alias_bomb, 1.0),
    "lines": (lines, 2.0),
    "junk-text": (junk_text, 1.0),
    "byte-damage": (byte_damage, 2.0),
}


def mutate_text(data: bytes, kind: str, rng: random.Random) -> tuple[bytes, str]:
    """One to three stacked mutations of a `kind` ("toml", "yaml", "json") file; returns (bytes, names)."""
    names = list(MUTATORS)
    weights = [MUTATORS[name][1] for name in names]
    applied = []
    for _ in range(rng.choice((1, 1, 2, 3))):
        name = rng.choices(names, weights)[0]
        data = MUTATORS[name][0](data, kind, rng)
        applied.append(name)
    return data, "+".join(applied)
