"""Ctrl-C: exit 130 with one line and no traceback, every worker gone, and `-o` either untouched or
never created (reports are written atomically, only once the run is complete)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, TEST_CACHE
from hostile_files import GOOD, slow_text, write

pytestmark = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")


def children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "zombie" not in status


def interrupt_mid_run(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess, list[int]]:
    """Start a run on a slow file, wait until a worker is linting it, then press Ctrl-C (SIGINT to the
    whole process group, as a terminal does)."""
    slow = write(tmp_path / "slow.txt", slow_text())
    env = {**os.environ, "NO_COLOR": "1", "TENDERLINT_CACHE_DIR": TEST_CACHE}
    command = [sys.executable, "-m", "tenderlint", str(GOOD), str(slow), *args]
    proc = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        # As in a terminal's foreground job: a test runner started in the background inherits an ignored
        # SIGINT, which Python keeps, and Ctrl-C could then never reach tenderlint at all.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while not workers and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        workers = children(proc.pid)
    assert workers, "no worker started"
    time.sleep(0.5)
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    return subprocess.CompletedProcess(command, proc.returncode, out, err), workers


def test_ctrl_c_keeps_the_previous_report_and_ends_the_workers(tmp_path):
    report = tmp_path / "report.json"
    report.write_text("previous report\n", encoding="utf-8")
    proc, workers = interrupt_mid_run(tmp_path, "--format", "json", "-o", str(report))
    assert proc.returncode == 130
    assert proc.stderr.decode().strip() == "tenderlint: interrupted"
    assert b"Traceback" not in proc.stdout + proc.stderr
    assert report.read_text(encoding="utf-8") == "previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json", "slow.txt"], "no temporary file left"
    time.sleep(0.2)
    assert not any(alive(pid) for pid in workers)


def test_ctrl_c_creates_no_report(tmp_path):
    report = tmp_path / "new-report.txt"
    proc, _ = interrupt_mid_run(tmp_path, "-o", str(report))
    assert proc.returncode == 130
    assert b"Traceback" not in proc.stdout + proc.stderr
    assert not report.exists()


def test_ctrl_c_on_standard_output_ends_after_what_was_written(tmp_path):
    """A report to standard output is written as files finish: an interrupted run leaves what was
    written (at most the file linted before the slow one), then says so on stderr and exits 130."""
    proc, _ = interrupt_mid_run(tmp_path, "--format", "json")
    assert proc.returncode == 130
    assert proc.stderr.decode().strip() == "tenderlint: interrupted"
    assert b"Traceback" not in proc.stdout + proc.stderr
    assert proc.stdout == b"" or proc.stdout.startswith(b'{\n  "version": 1,'), "whole pieces only"
    assert b"slow.txt" not in proc.stdout, "nothing of the file that never finished"
