"""Hostile and broken documents, all in one run with good files before and after them: each gets its
exact error code (or is read correctly), the good files are still linted with their findings, nothing
prints a traceback, and the run exits 2.

Cases that need a limit lowered live in their own folder with a `.tenderlint.toml`, so the same run also
proves limits are per file. The "parser hang" is a real slow input, not a test hook: 200 KB of text
whose run of opening brackets takes the tokenizer seconds (quadratic), under `timeout-seconds = 1`.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import run_cli
from hostile_files import (
    BILLION_LAUGHS_DTD,
    BROKEN,
    CORPORA,
    GOOD,
    XXE_DTD,
    config,
    docx_with_dtd,
    legacy_xls,
    odt_with_dtd,
    slow_text,
    symlink,
    write,
    zip_bomb_docx,
)

# name -> (path relative to the run folder, expected error code, words expected in message or hint)
ERRORS = {
    "legacy-doc": ("legacy.doc", "E001", "save as .docx"),
    "legacy-xls": ("budget.xls", "E001", "Excel"),
    "encrypted-docx": ("encrypted.docx", "E002", "password"),
    "protected-pdf": ("protected.pdf", "E002", "password"),
    "images-only-pdf": ("scanned.pdf", "E003", "OCR"),
    "empty-file": ("empty.txt", "E005", "empty"),
    "empty-docx": ("empty.docx", "E005", "empty"),
    "nul-bytes": ("nul.md", "E004", "binary data"),
    "symlink-loop": ("loop.md", "E006", "symbolic links"),
    "vanished-file": ("vanished.docx", "E006", "does not exist"),
    "fifo": ("pipe.md", "E006", "not a regular file"),
    "zip-bomb": ("bomb.docx", "E008", "max-archive-mb"),
    "billion-laughs-docx": ("laughs.docx", "E004", "entities"),
    "billion-laughs-odt": ("laughs.odt", "E004", "entities"),
    "billion-laughs-past-prolog-scan": ("laughs-hidden.docx", "E004", "damaged"),
    "external-entity-docx": ("xxe.docx", "E004", "external"),
    "external-entity-odt": ("xxe.odt", "E004", "external"),
    "too-many-pages": ("pages/spec.pdf", "E008", "max-pages"),
    "too-large": ("size/big.md", "E008", "max-file-size-mb"),
    "too-many-entries": ("entries/spec.docx", "E008", "max-archive-entries"),
    "parser-hang": ("slow/slow.txt", "E009", "timeout-seconds"),
    "out-of-memory": ("memory/paragraphs.docx", "E008", "max-memory-mb"),
}
# name -> (path, format it must be read as); these must lint like the good originals
READ_BY_CONTENT = {
    "html-named-docx": ("not-really.docx", "html"),
    "docx-named-pdf": ("really-docx.pdf", "docx"),
    "utf-16-with-bom": ("utf16.txt", "txt"),
    "utf-16-without-bom": ("utf16-nobom.txt", "txt"),
    "windows-1252": ("cp1252.txt", "txt"),
    "external-entity-past-prolog-scan": ("xxe-hidden.docx", "docx"),
}


def build(folder: Path) -> list[str]:
    """Write every case into `folder` and return the paths to lint, good files first and last."""
    for name in (
        "legacy.doc",
        "encrypted.docx",
        "protected.pdf",
        "scanned.pdf",
        "empty.txt",
        "not-really.docx",
    ):
        shutil.copy(BROKEN / name, folder / name)
    write(folder / "budget.xls", legacy_xls())
    write(folder / "empty.docx", b"")
    write(folder / "nul.md", GOOD.read_bytes().replace(b"\n\n", b"\n\x00\n", 3))
    symlink(folder / "loop.md", "loop.md")
    symlink(folder / "vanished.docx", "deleted-since.docx")
    os.mkfifo(folder / "pipe.md")
    zip_bomb_docx(folder / "bomb.docx", 600)
    write(folder / "laughs.docx", docx_with_dtd(BILLION_LAUGHS_DTD, "lol9"))
    write(folder / "laughs.odt", odt_with_dtd(BILLION_LAUGHS_DTD, "lol9"))
    write(folder / "laughs-hidden.docx", docx_with_dtd(BILLION_LAUGHS_DTD, "lol9", padding=70_000))
    write(folder / "xxe.docx", docx_with_dtd(XXE_DTD, "xxe"))
    write(folder / "xxe.odt", odt_with_dtd(XXE_DTD, "xxe"))
    write(folder / "xxe-hidden.docx", docx_with_dtd(XXE_DTD, "xxe", padding=70_000))
    shutil.copy(CORPORA / "home-care-spec.docx", folder / "really-docx.pdf")
    text = (CORPORA / "home-care-spec.txt").read_text(encoding="utf-8")
    write(folder / "utf16.txt", text.encode("utf-16"))
    write(folder / "utf16-nobom.txt", text.encode("utf-16-le"))
    write(folder / "cp1252.txt", text.encode("cp1252"))
    shutil.copy(CORPORA / "home-care-spec.pdf", write(folder / "pages/spec.pdf", b""))
    config(folder / "pages", "max-pages = 2\n")
    write(folder / "size/big.md", GOOD.read_text(encoding="utf-8") * 300)  # about 1.5 MB
    config(folder / "size", "max-file-size-mb = 1\n")
    shutil.copy(CORPORA / "home-care-spec.docx", write(folder / "entries/spec.docx", b""))
    config(folder / "entries", "max-archive-entries = 5\n")
    write(folder / "slow/slow.txt", slow_text())
    config(folder / "slow", "timeout-seconds = 1\n")
    zip_bomb_docx(folder / "memory/paragraphs.docx", 100, b"<w:p><w:r><w:t>care</w:t></w:r></w:p>")
    config(folder / "memory", "max-memory-mb = 800\n")
    first = shutil.copy(GOOD, folder / "good-first.md")
    cases = [path for path, *_ in (*ERRORS.values(), *READ_BY_CONTENT.values())]
    return [str(first), *(str(folder / case) for case in cases), str(GOOD)]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    paths = build(folder)
    proc = run_cli(*paths, "--format", "json", "-j", "2")
    text = run_cli(*paths, "-j", "2")
    report = json.loads(proc.stdout)
    by_path = {entry["path"]: entry for entry in report["files"]}
    return folder, proc, text, by_path


def entry(run, relative: str) -> dict:
    folder, _, _, by_path = run
    return by_path[str(folder / relative)]


def good_files_linted(run) -> None:
    folder, _, _, by_path = run
    for path in (str(folder / "good-first.md"), str(GOOD)):
        assert by_path[path]["error"] is None
        assert len(by_path[path]["findings"]) >= 5


@pytest.mark.parametrize("case", sorted(ERRORS))
def test_bad_input_gets_its_error_code(run, case):
    relative, code, advice = ERRORS[case]
    error = entry(run, relative)["error"]
    assert error is not None and error["code"] == code, error
    assert advice.lower() in f"{error['message']} {error['hint']}".lower(), error
    good_files_linted(run)
    _, proc, text, _ = run
    assert proc.returncode == 2 and text.returncode == 2


@pytest.mark.parametrize("case", sorted(READ_BY_CONTENT))
def test_input_is_read_by_its_content(run, case):
    relative, fmt = READ_BY_CONTENT[case]
    result = entry(run, relative)
    assert result["error"] is None and result["format"] == fmt
    if case != "html-named-docx":  # a short page with nothing to find
        assert result["findings"], "the document was read and linted"
    good_files_linted(run)


def test_re_encoded_text_lints_like_utf8(run):
    original = run_cli(str(CORPORA / "home-care-spec.txt"), "--format", "json")
    expected = [(f["code"], f["location"]) for f in json.loads(original.stdout)["files"][0]["findings"]]
    for relative in ("utf16.txt", "utf16-nobom.txt", "cp1252.txt"):
        assert [(f["code"], f["location"]) for f in entry(run, relative)["findings"]] == expected


def test_external_entity_is_never_read(run):
    _, proc, text, _ = run
    secret = Path("/etc/passwd").read_text(encoding="utf-8").splitlines()[0]
    assert secret not in proc.stdout.decode() and secret not in text.stdout.decode()


def test_no_file_skipped_no_traceback_one_line_errors(run):
    _, proc, text, by_path = run
    assert len(by_path) == len(ERRORS) + len(READ_BY_CONTENT) + 2
    out = (proc.stdout + proc.stderr + text.stdout + text.stderr).decode()
    assert "Traceback" not in out and "E999" not in out
    error_lines = [line for line in text.stdout.decode().splitlines() if ": E0" in line]
    assert len(error_lines) == len(ERRORS)
    assert all(len(line) < 500 for line in error_lines)
