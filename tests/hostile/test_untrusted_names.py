"""File names and document text are untrusted all the way to the output: a name that is not UTF-8
round-trips through every machine format (which stays valid UTF-8 and valid JSON or XML), and human
output carries no terminal escapes, no bidi overrides and no line a CI runner would obey."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import unquote_to_bytes

import pytest
from conftest import run_cli
from hostile_files import GOOD, write

LATIN1_NAME = b"caf\xe9.md"
MACHINE = ("json", "jsonl", "gitlab", "sarif", "junit")
HUMAN = ("text", "github", "junit", "html")
C1_TEXT = (
    "Home care will be commissioned on a time and task \x9b2J \x9d0;title\x9c "
    "\x9d8;;http://evil.example/\x9cLINK\x9d8;;\x9c \x1b]0;seven-bit\x07 \u202eevil\u202c "
    "\u2067isolated\u2069 basis.\n"
)
ESCAPES = re.compile("[\x1b\x80-\x9f\u202a-\u202e\u2066-\u2069]")
COMMAND_NAMES = (
    "::error file=README.md,line=1,title=Approved::All checks passed.md",
    "::add-mask::x.md",
    "##vso[task.complete result=Succeeded]x.md",
)

pytestmark = pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="needs byte file names")


def latin1_file(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = os.path.join(os.fsencode(folder), LATIN1_NAME)
    shutil.copy(GOOD, target)
    return Path(os.fsdecode(target))


def test_a_folder_with_a_latin1_name_is_linted(tmp_path: Path) -> None:
    latin1_file(tmp_path / "docs")
    shutil.copy(GOOD, tmp_path / "docs" / "good.md")
    proc = run_cli(str(tmp_path / "docs"), "--no-cache", "--format", "json")
    assert proc.returncode == 1, proc.stderr.decode()
    files = json.loads(proc.stdout)["files"]
    names = sorted(os.fsencode(Path(f["path"]).name) for f in files)
    assert names == sorted([LATIN1_NAME, b"good.md"])
    assert all(f["findings"] for f in files)


@pytest.mark.parametrize("fmt", MACHINE)
def test_machine_formats_stay_valid_and_keep_the_bytes(tmp_path: Path, fmt: str) -> None:
    latin1_file(tmp_path)
    proc = _run_with_bytes_name(tmp_path, fmt)
    assert proc.returncode == 1, proc.stderr.decode()
    text = proc.stdout.decode("utf-8")  # strict: the output is valid UTF-8
    if fmt == "json":
        path = json.loads(text)["files"][0]["path"]
    elif fmt == "jsonl":
        path = json.loads(text.splitlines()[0])["path"]
    elif fmt == "gitlab":
        path = json.loads(text)[0]["location"]["path"]
    elif fmt == "sarif":
        uri = json.loads(text)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
        assert unquote_to_bytes(uri["artifactLocation"]["uri"]) == LATIN1_NAME
        return
    else:
        import xml.etree.ElementTree as ET

        ET.fromstring(proc.stdout)
        return
    assert os.fsencode(path) == LATIN1_NAME


def _run_with_bytes_name(folder: Path, fmt: str):
    import subprocess

    from conftest import TEST_CACHE

    env = {**os.environ, "NO_COLOR": "1", "TENDERLINT_CACHE_DIR": TEST_CACHE}
    return subprocess.run(
        [
            os.fsencode(sys.executable),
            b"-m",
            b"tenderlint",
            LATIN1_NAME,
            b"--no-cache",
            b"--format",
            fmt.encode(),
        ],
        cwd=folder,
        capture_output=True,
        env=env,
        timeout=300,
    )


@pytest.mark.parametrize("fmt", HUMAN)
def test_human_formats_carry_no_escapes(tmp_path: Path, fmt: str) -> None:
    document = write(tmp_path / "c1.md", GOOD.read_text(encoding="utf-8") + "\n" + C1_TEXT)
    proc = run_cli(str(document), "--no-cache", "--format", fmt, "--select", "TL103")
    assert proc.returncode == 1, proc.stderr.decode()
    shown = proc.stdout.decode("utf-8")
    assert "time and task" in shown
    assert not ESCAPES.search(shown), sorted(set(ESCAPES.findall(shown)))


@pytest.mark.parametrize("fmt", HUMAN)
def test_no_line_becomes_a_workflow_command(tmp_path: Path, fmt: str) -> None:
    """`::error ...` at the start of a log line is obeyed by GitHub Actions (`##vso[` by Azure)."""
    for name in COMMAND_NAMES:
        shutil.copy(GOOD, tmp_path / name)
    write(tmp_path / "::empty.md", "")
    proc = run_cli("--", *sorted(os.listdir(tmp_path)), "--no-cache", "--format", fmt, cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr.decode()  # the empty file
    out = proc.stdout.decode("utf-8")
    forged = [line for line in out.splitlines() if line.lstrip().startswith(("::add-mask", "##vso"))]
    forged += [line for line in out.splitlines() if line.lstrip().startswith("::error file=README.md")]
    assert not forged, forged
    if fmt == "text":
        assert "./::error file=README.md,line=1,title=Approved::All checks passed.md" in out
