"""Helpers the CI reporters share, so paths, fingerprints and snippets agree across every format."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections import Counter
from pathlib import PurePath

from tenderlint.document import Location
from tenderlint.engine import FileResult
from tenderlint.findings import Finding

FINGERPRINT_KEY = "tenderlint/v1"
SNIPPET_WIDTH = 120
# Bidirectional embeddings, overrides and isolates: they reorder what a reader sees ("Trojan Source").
BIDI = "\u202a-\u202e\u2066-\u2069"
# Characters some consumer might take for a line break or a terminal escape, or that reorder the text
# around them: never let document text carry them.
UNSAFE = re.compile(f"[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\u2028\\u2029{BIDI}]")
SURROGATE = re.compile("[\ud800-\udfff]")


def display_path(path: str) -> str:
    """A path for people: bytes that are not UTF-8 (kept by Python as lone surrogates) shown as
    backslash escapes, like `ls -b`, so the output stays valid UTF-8 and the name stays recognisable."""
    if not SURROGATE.search(path):
        return path
    try:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that never stood for a byte
        return SURROGATE.sub("\ufffd", path)


def json_text(dumped: str) -> str:
    """JSON from `json.dumps(..., ensure_ascii=False)` made valid UTF-8: lone surrogates (from file names
    that are not UTF-8) become `\\udcXX` escapes, which decode back to the same Python string, so
    `os.fsencode(path)` gives the original bytes."""
    try:
        dumped.encode("utf-8")  # several times faster than searching a large report for surrogates
    except UnicodeEncodeError:
        return SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
    return dumped


def report_path(path: str) -> str:
    """The path as CI systems expect it: relative to the working directory if inside it, forward slashes."""
    if path in ("-", "stdin") or not path:
        return path
    if os.path.isabs(path):
        try:
            relative = os.path.relpath(path, os.getcwd())
        except ValueError:  # another drive on Windows
            relative = os.pardir
        if relative == os.pardir or relative.startswith(os.pardir + os.sep):
            return PurePath(path).as_posix()
        path = relative
    return os.path.normpath(path).replace(os.sep, "/")


def has_lines(location: Location) -> bool:
    """True for text formats (md, txt, html) whose line and column point straight into the file."""
    return location.line is not None and location.page is None


def normalise(text: str) -> str:
    """Case, width and whitespace folded, so reflowing or re-saving a document keeps fingerprints."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def fingerprints(result: FileResult) -> list[str]:
    """A stable id for each finding, in order: rule, file and the words, never line numbers.

    Editing elsewhere in a document leaves every other finding's id alone; a counter keeps two
    identical findings in one file apart.
    """
    seen: Counter[str] = Counter()
    out = []
    for finding in result.findings:
        key = "\x1f".join(
            (finding.code, report_path(result.path), normalise(finding.matched), normalise(finding.excerpt))
        )
        seen[key] += 1
        out.append(_sha256(f"{key}\x1f{seen[key]}"))
    return out


def error_fingerprint(result: FileResult) -> str:
    """A stable id for a file that could not be linted."""
    code = result.error.code if result.error else ""
    return _sha256(f"{code}\x1f{report_path(result.path)}")


def snippet(finding: Finding, width: int = SNIPPET_WIDTH) -> str:
    """The words around the match on one line, trimmed to `width` with ellipses; '' when there is no match."""
    if not finding.matched:
        return ""
    text = UNSAFE.sub(" ", finding.excerpt)
    start = finding.span[0]
    left = max(0, min(start - 30, len(text) - width)) if len(text) > width else 0
    shown = " ".join(text[left : left + width].split())
    prefix = "…" if left else ""
    suffix = "…" if left + width < len(text) else ""
    return f"{prefix}{shown}{suffix}"


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
