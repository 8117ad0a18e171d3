"""Shared helpers: every end-to-end test drives the real `tenderlint` command in a subprocess."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Tests never share the developer's result cache.
TEST_CACHE = tempfile.mkdtemp(prefix="tenderlint-test-cache-")
CORPORA = ROOT / "corpora"
SHARED = ROOT.parent / "shared"


def run_cli(*args: str, cwd: Path | None = None, stdin: bytes | None = None, env: dict | None = None):
    """Run `python -m tenderlint ARGS` and return the completed process (text output)."""
    full_env = {**os.environ, "NO_COLOR": "1", "TENDERLINT_CACHE_DIR": TEST_CACHE, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "tenderlint", *args],
        cwd=cwd or ROOT,
        input=stdin,
        capture_output=True,
        env=full_env,
        timeout=300,
    )


def run_json(*args: str, **kwargs) -> tuple[int, dict]:
    proc = run_cli(*args, "--format", "json", **kwargs)
    assert proc.stdout, proc.stderr.decode()
    return proc.returncode, json.loads(proc.stdout)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(autouse=True)
def inputs_untouched():
    """tenderlint never writes to an input file: hash the sample corpus before and after every test."""
    files = sorted(p for p in CORPORA.rglob("*") if p.is_file() and p.suffix not in (".py", ".yaml", ".toml"))
    before = {p: digest(p) for p in files}
    yield
    changed = [str(p) for p in files if p.exists() and digest(p) != before[p]]
    assert not changed, f"input files were modified: {changed}"


def shared_or_skip(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is not present: these tests read the shared reference material beside the repo")
    return path
